// load_card.cpp - maas_load_card(path): lay a card file over this
// connection's prices, reading the file defensively.
//
//   SELECT maas_load_card('prices/2026.csv');   -- the number of lines loaded
//
// SQL typed by an untrusted user can reach this function wherever the host
// exposes top-level SQL (it is SQLITE_DIRECTONLY, so never from a view or a
// trigger).  So the file is read with these rules:
//   - regular files only: a FIFO, a device (/dev/zero), a directory or a
//     socket is refused at once.  The file is opened O_NONBLOCK (opening a
//     FIFO never waits for a writer) and checked with fstat on the open
//     descriptor, so swapping the name between a check and the open changes
//     nothing;
//   - at most kMaxCardBytes are read, whatever the file claims to be
//     (/proc files report size 0 and can be long);
//   - messages never quote a byte of a file that did not start as a card:
//     the header is checked first and its errors say what was expected.
//     Once the header is a card's, line errors quote the field at fault as
//     precisely as for any card.
// The nofs module (build/maas_nofs.so) is built without this file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "card.hpp"
#include "failure.hpp"
#include "guarded.hpp"
#include "sql_args.hpp"

namespace maas {
namespace {

// 16 MiB: some hundred thousand price lines, far beyond any real card, and
// a bound on the memory one call can take.
constexpr size_t kMaxCardBytes = 16u << 20;

enum class FileRead { ok, cannot_open, not_regular, too_large, read_error };

// Reads a whole regular file of at most `limit` bytes into `out`.
FileRead read_regular_file(const std::string& path, size_t limit, std::string& out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return FileRead::cannot_open;
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info;
    if (::fstat(fd, &info) != 0) return FileRead::read_error;
    if (!S_ISREG(info.st_mode)) return FileRead::not_regular;
    if (info.st_size > 0 && uint64_t(info.st_size) > limit) return FileRead::too_large;
    out.clear();
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return FileRead::read_error;
        }
        if (n == 0) return FileRead::ok;
        if (out.size() + size_t(n) > limit) return FileRead::too_large;  // a file that grew, or /proc
        out.append(buffer, size_t(n));
    }
}

void maas_load_card(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_load_card";
    if (!begin_call(ctx, argc, argv, kName, 1, 1, "(path)")) return;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT)
        return report_bad_argument(ctx, {kName, "path"}, "a file name (TEXT)", argv[0]);
    const std::string path(reinterpret_cast<const char*>(sqlite3_value_text(argv[0])),
                           size_t(sqlite3_value_bytes(argv[0])));
    // A NUL would cut the name the file system sees ('card.csv\0.txt').
    if (path.find('\0') != std::string::npos)
        return report_bad_argument(ctx, {kName, "path"}, "a file name without NUL bytes", argv[0]);
    std::string text;
    const std::string prefix = std::string(kName) + ": ";
    switch (read_regular_file(path, kMaxCardBytes, text)) {
        case FileRead::ok: break;
        case FileRead::cannot_open:
        case FileRead::read_error: return report_error(ctx, prefix + "cannot read '" + path + "'");
        case FileRead::not_regular:
            return report_error(ctx, prefix + "'" + path + "' is not a regular file (a card is a CSV file)");
        case FileRead::too_large:
            return report_error(ctx, prefix + "'" + path + "' is larger than " + std::to_string(kMaxCardBytes >> 20) +
                                         " MiB, the limit for a card file");
    }
    std::vector<CardLine> lines;
    std::string error;
    if (!parse_card(text, path, Origin::user, lines, error)) return report_error(ctx, prefix + error);
    Failure failure;
    if (!binding_of(ctx).state->load_card_lines(lines, failure)) return report_failure(ctx, kName, failure);
    sqlite3_result_int64(ctx, sqlite3_int64(lines.size()));
}

constexpr FunctionSpec kFileFunctions[] = {
    {"maas_load_card", kDirectOnly, false, guarded<maas_load_card>},
};

}  // namespace

FunctionList file_functions() { return {kFileFunctions, sizeof kFileFunctions / sizeof kFileFunctions[0]}; }

}  // namespace maas
