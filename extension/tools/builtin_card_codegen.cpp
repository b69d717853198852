// builtin_card_codegen.cpp - check the built-in card and aliases at build
// time and write their lines as C++ constant data.
//
//   builtin_card_codegen CARD.csv CARD_NAME ALIASES.csv ALIASES_NAME OUT.cpp
//
//   builtin_card_codegen data/xingchen_rates.csv data/xingchen_rates.csv
//                        data/aliases.csv data/aliases.csv build/generated/builtin_card_lines.cpp
//
// The files go through parse_card() and parse_aliases(), the checks every
// card and alias file gets, then Catalog::build(), and the lines the
// parsers give are written out as maas::builtin_lines() (builtin_card.hpp).
// A line any of them refuses stops the build with its message ("data/xingchen_rates.csv:12: price:
// ..."), so a bad card never reaches a user, and loading the extension reads
// no CSV.  Run by the build (cmake/sources.cmake) whenever a file changes.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "aliases.hpp"
#include "card.hpp"
#include "catalog.hpp"

namespace {

bool read_file(const char* path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// A C++ string literal of `text`, bytes as they are: printable ASCII itself,
// anything else (UTF-8 labels, quotes, backslashes) as a three-digit octal
// escape, which no following character can extend (a hex escape could be).
// A '?' after a '?' is escaped too, so that no compiler reads a trigraph.
std::string literal(std::string_view text) {
    std::string out = "\"";
    char previous = 0;
    for (const char c : text) {
        const unsigned char byte = static_cast<unsigned char>(c);
        const bool plain = byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\' && !(c == '?' && previous == '?');
        previous = c;
        if (plain) {
            out += c;
        } else {
            char escape[5];
            std::snprintf(escape, sizeof escape, "\\%03o", byte);
            out += escape;
        }
    }
    return out + "\"";
}

// The enumerators are written as numbers: the generated file is compiled
// with the same vocabulary.hpp, in the same build, as this tool.
template <typename Enum>
std::string enumerator(const char* type, Enum value) {
    return std::string(type) + "(" + std::to_string(static_cast<unsigned>(value)) + ")";
}

bool write_card_line(const maas::CardLine& line, std::ostream& out, std::string& error) {
    const maas::int128 mantissa = line.price.mantissa;
    if (mantissa > std::numeric_limits<int64_t>::max() || mantissa < std::numeric_limits<int64_t>::min()) {
        error = line.where + ": price: " + line.price_text + " has more digits than the built-in card keeps (18)";
        return false;
    }
    // The published card states none; a user card (maas_load_card) may.
    if (!line.condition_text.empty() || line.per_started_hour) {
        error = line.where + ": the built-in card keeps no condition or billed_per (load such lines as a card)";
        return false;
    }
    out << "    {" << literal(line.provider) << ", " << literal(line.model) << ", "
        << enumerator("Service", line.service) << ", " << enumerator("Item", line.item) << ", " << literal(line.label)
        << ", " << static_cast<int64_t>(mantissa) << ", " << line.price.exponent << ", " << literal(line.price_text)
        << ", " << enumerator("Unit", line.unit) << ", " << literal(line.currency) << ", " << line.effective_from_ms
        << ", " << literal(line.source) << ", " << literal(line.where) << "},\n";
    return true;
}

void write_alias_line(const maas::AliasLine& alias, std::ostream& out) {
    out << "    {" << literal(alias.alias) << ", " << literal(alias.model) << ", " << literal(alias.source) << ", "
        << literal(alias.where) << "},\n";
}

int fail(const std::string& message) {
    std::fprintf(stderr, "builtin_card_codegen: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) return fail("usage: builtin_card_codegen CARD.csv CARD_NAME ALIASES.csv ALIASES_NAME OUT.cpp");
    const char* const card_path = argv[1];
    const std::string_view card_name = argv[2];
    const char* const aliases_path = argv[3];
    const std::string_view aliases_name = argv[4];
    const char* const out_path = argv[5];

    std::string card_text, aliases_text, error;
    if (!read_file(card_path, card_text)) return fail(std::string("cannot read ") + card_path);
    if (!read_file(aliases_path, aliases_text)) return fail(std::string("cannot read ") + aliases_path);
    std::vector<maas::CardLine> lines;
    std::vector<maas::AliasLine> aliases;
    if (!maas::parse_card(card_text, card_name, maas::Origin::builtin, lines, error)) return fail(error);
    if (!maas::parse_aliases(aliases_text, aliases_name, maas::Origin::builtin, aliases, error)) return fail(error);
    // The catalog's checks too (an alias of an unknown model, one model
    // spelt two ways): what loading would refuse, the build refuses.
    if (!maas::Catalog::build(lines, aliases, error)) return fail(error);

    std::ostringstream out;
    out << "// Generated by extension/tools/builtin_card_codegen.cpp from " << card_name << " and " << aliases_name
        << ";\n// do not edit.  Each line is what parse_card() / parse_aliases() gave.\n"
        << "#include \"builtin_card.hpp\"\n\n"
        << "namespace maas {\nnamespace {\n\n"
        << "constexpr BuiltinCardLine kCardLines[] = {\n";
    for (const maas::CardLine& line : lines)
        if (!write_card_line(line, out, error)) return fail(error);
    out << "};\n\n";
    // An array cannot be empty; a file with no aliases is written as one
    // placeholder that the count leaves out.
    out << "constexpr BuiltinAliasLine kAliasLines[] = {\n";
    for (const maas::AliasLine& alias : aliases) write_alias_line(alias, out);
    if (aliases.empty()) out << "    {\"\", \"\", \"\", \"\"},\n";
    out << "};\n\n}  // namespace\n\n"
        << "BuiltinLines builtin_lines() {\n"
        << "    return BuiltinLines{kCardLines, " << lines.size() << ", kAliasLines, " << aliases.size() << "};\n"
        << "}\n\n}  // namespace maas\n";

    // Written whole or not at all: a failed run leaves no half file for the
    // next build to take as up to date.
    const std::string temporary = std::string(out_path) + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << out.str();
        if (!file.flush()) return fail("cannot write " + temporary);
    }
    if (std::rename(temporary.c_str(), out_path) != 0) return fail(std::string("cannot write ") + out_path);
    return 0;
}
