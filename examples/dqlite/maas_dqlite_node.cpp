// maas_dqlite_node.cpp - a dqlite node whose every SQLite connection has
// sqlite-maas: it registers the static library with sqlite3_auto_extension
// before the node starts, so the connections dqlite opens (on the system
// libsqlite3) get maas_cost(), maas_rates, ... like any other program's.
//
//   maas-dqlite-node ID ADDRESS DATA_DIR [JOIN_ADDRESS...]
//   maas-dqlite-node 1 127.0.0.1:9001 /tmp/n1 &                  # node 1 starts the cluster
//   maas-dqlite-node 2 127.0.0.1:9002 /tmp/n2 127.0.0.1:9001 &   # the others join it
//   dqlite -s 127.0.0.1:9001,127.0.0.1:9002 usage "SELECT maas_cost('DeepSeek-V3', 1000, 500)"
//
// ID 1 bootstraps a new cluster on its first start (dqlite's rule); a node
// with JOIN_ADDRESSes asks them for the leader and has itself added and made
// a voter.  libdqlite 1.11 has no call for that (dqlite_server_set_auto_join
// came later), so this file speaks the three requests of the dqlite wire
// protocol it needs: LEADER, CLUSTER, ADD and ASSIGN.  Restarted on its old DATA_DIR,
// a node that is already a member finds itself so and just runs.
//
// It prints "ready ID ADDRESS" on stdout once it serves (and has joined),
// and stops cleanly on SIGTERM or SIGINT (exit 0).  MAAS_DQLITE_LATENCY_MS
// (optional) is passed to dqlite_node_set_network_latency_ms: raft's election
// timeout is 15 times it (the default election timeout is 3 s).
#include <maas.h>
#include <sqlite3.h>
extern "C" {  // dqlite.h (1.11) has no extern "C" of its own
#include <dqlite.h>
}

#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr uint8_t kRequestLeader = 0;
constexpr uint8_t kRequestAdd = 12;
constexpr uint8_t kRequestAssign = 13;
constexpr uint8_t kRequestCluster = 16;
constexpr uint8_t kResponseFailure = 0;
constexpr uint8_t kResponseServer = 1;
constexpr uint8_t kResponseServers = 3;
constexpr uint8_t kResponseEmpty = 8;
constexpr uint64_t kProtocolVersion = 1;
constexpr uint64_t kRoleVoter = 0;
constexpr uint64_t kClusterFormatWithRoles = 1;

// A request or response body: little-endian 64-bit words and NUL-terminated
// text padded to a multiple of 8 bytes, as dqlite's serialize.h writes them.
struct Body {
    std::string bytes;
    void put_u64(uint64_t v) {
        for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void put_text(const std::string& s) {
        bytes += s;
        bytes.push_back('\0');
        while (bytes.size() % 8 != 0) bytes.push_back('\0');
    }
};

struct Reader {
    const std::string& bytes;
    size_t at = 0;
    bool get_u64(uint64_t& v) {
        if (bytes.size() - at < 8) return false;
        v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
        at += 8;
        return true;
    }
    bool get_text(std::string& s) {
        size_t end = bytes.find('\0', at);
        if (end == std::string::npos) return false;
        s = bytes.substr(at, end - at);
        at = (end + 8) / 8 * 8;
        return true;
    }
};

// One connection to a node, every read and write bounded by a timeout.
class Connection {
public:
    ~Connection() {
        if (fd_ >= 0) close(fd_);
    }
    bool open(const std::string& address, std::string& error) {
        size_t colon = address.rfind(':');
        if (colon == std::string::npos) return fail(error, "address without port: " + address);
        std::string host = address.substr(0, colon), port = address.substr(colon + 1);
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        int rc = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
        if (rc != 0) return fail(error, address + ": " + gai_strerror(rc));
        for (addrinfo* a = found; a != nullptr && fd_ < 0; a = a->ai_next) {
            fd_ = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (fd_ < 0) continue;
            timeval timeout{5, 0};
            setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
            if (connect(fd_, a->ai_addr, a->ai_addrlen) != 0) {
                close(fd_);
                fd_ = -1;
            }
        }
        freeaddrinfo(found);
        if (fd_ < 0) return fail(error, "cannot connect to " + address + ": " + std::strerror(errno));
        Body handshake;
        handshake.put_u64(kProtocolVersion);
        return write_all(handshake.bytes, error);
    }
    // Sends one request; on success `reply` is the response's body and `type` its type.
    bool call(uint8_t request, const Body& body, uint8_t& type, std::string& reply, std::string& error) {
        std::string header(8, '\0');
        uint32_t words = static_cast<uint32_t>(body.bytes.size() / 8);
        for (int i = 0; i < 4; ++i) header[i] = static_cast<char>((words >> (8 * i)) & 0xff);
        header[4] = static_cast<char>(request);
        if (!write_all(header + body.bytes, error) || !read_exact(header, 8, error)) return false;
        words = 0;
        for (int i = 0; i < 4; ++i) words |= static_cast<uint32_t>(static_cast<unsigned char>(header[i])) << (8 * i);
        type = static_cast<uint8_t>(header[4]);
        if (words > (1u << 20)) return fail(error, "response too large");
        return read_exact(reply, static_cast<size_t>(words) * 8, error);
    }

private:
    static bool fail(std::string& error, const std::string& what) {
        error = what;
        return false;
    }
    bool write_all(const std::string& data, std::string& error) {
        size_t done = 0;
        while (done < data.size()) {
            ssize_t n = send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail(error, std::string("send: ") + std::strerror(errno));
            done += static_cast<size_t>(n);
        }
        return true;
    }
    bool read_exact(std::string& out, size_t size, std::string& error) {
        out.assign(size, '\0');
        size_t done = 0;
        while (done < size) {
            ssize_t n = recv(fd_, &out[done], size - done, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n == 0) return fail(error, "connection closed");
            if (n < 0) return fail(error, std::string("recv: ") + std::strerror(errno));
            done += static_cast<size_t>(n);
        }
        return true;
    }
    int fd_ = -1;
};

// A FAILURE response as "message (code N)"; false if `type` is not one.
bool failure_text(uint8_t type, const std::string& reply, std::string& error) {
    if (type != kResponseFailure) return false;
    Reader r{reply};
    uint64_t code = 0;
    std::string message;
    r.get_u64(code);
    r.get_text(message);
    error = message + " (code " + std::to_string(code) + ")";
    return true;
}

// One request on a new connection to `address`; true if the response is of
// type `expected` (its body in `reply`), else false with `error`.
bool request(const std::string& address, uint8_t type, const Body& body, uint8_t expected, std::string& reply,
             std::string& error) {
    Connection c;
    uint8_t got = 0;
    if (!c.open(address, error) || !c.call(type, body, got, reply, error)) return false;
    if (failure_text(got, reply, error)) return false;
    if (got == expected) return true;
    error = "unexpected response type " + std::to_string(got);
    return false;
}

// The leader's address as `via` knows it; empty while there is none.
bool find_leader(const std::string& via, std::string& leader, std::string& error) {
    Body body;
    body.put_u64(0);
    std::string reply;
    if (!request(via, kRequestLeader, body, kResponseServer, reply, error)) return false;
    Reader r{reply};
    uint64_t id = 0;
    if (r.get_u64(id) && r.get_text(leader)) return true;
    error = "malformed SERVER response";
    return false;
}

// This node's role in the leader's configuration: 0 voter, 1 standby,
// 2 spare; -1 when it is not a member.
bool member_role(const std::string& leader, dqlite_node_id id, int& role, std::string& error) {
    Body body;
    body.put_u64(kClusterFormatWithRoles);
    std::string reply;
    if (!request(leader, kRequestCluster, body, kResponseServers, reply, error)) return false;
    Reader r{reply};
    uint64_t n = 0, server_id = 0, server_role = 0;
    std::string address;
    role = -1;
    if (!r.get_u64(n)) n = 0;
    for (uint64_t i = 0; i < n; ++i) {
        if (!r.get_u64(server_id) || !r.get_text(address) || !r.get_u64(server_role)) {
            error = "malformed SERVERS response";
            return false;
        }
        if (server_id == id) role = static_cast<int>(server_role);
    }
    return true;
}

// One step of joining through `via`; true once this node is a voter.
bool join_step(dqlite_node_id id, const std::string& self, const std::string& via, std::string& error) {
    std::string leader, reply;
    if (!find_leader(via, leader, error)) return false;
    if (leader.empty()) {
        error = via + " knows no leader yet";
        return false;
    }
    int role = -1;
    if (!member_role(leader, id, role, error)) return false;
    if (role == static_cast<int>(kRoleVoter)) return true;  // a restarted member, or the ASSIGN went through
    if (role < 0) {
        // Added as a spare; raft refuses a second change while one is in
        // progress (another node joining): the caller tries again.
        Body add;
        add.put_u64(id);
        add.put_text(self);
        if (!request(leader, kRequestAdd, add, kResponseEmpty, reply, error)) {
            error = "ADD at " + leader + ": " + error;
            return false;
        }
    }
    // Raft answers once the node has caught up with the log and votes.
    Body assign;
    assign.put_u64(id);
    assign.put_u64(kRoleVoter);
    if (!request(leader, kRequestAssign, assign, kResponseEmpty, reply, error)) {
        error = "ASSIGN at " + leader + ": " + error;
        return false;
    }
    return true;
}

// Joins the cluster through the join addresses in turn, for at most
// `seconds`; false on time out or when a stop signal arrives meanwhile.
bool join(dqlite_node_id id, const std::string& self, const std::vector<std::string>& via, int seconds,
          const sigset_t& stop_signals) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::string error, reported;
    while (std::chrono::steady_clock::now() < deadline) {
        for (const std::string& address : via) {
            if (join_step(id, self, address, error)) return true;
        }
        if (error != reported) std::fprintf(stderr, "maas-dqlite-node: join: %s; trying again\n", error.c_str());
        reported = error;
        timespec pause{0, 200 * 1000 * 1000};
        if (sigtimedwait(&stop_signals, nullptr, &pause) > 0) {
            std::fprintf(stderr, "maas-dqlite-node: stopped while joining\n");
            return false;
        }
    }
    std::fprintf(stderr, "maas-dqlite-node: could not join within %d s: %s\n", seconds, error.c_str());
    return false;
}

int usage() {
    std::fprintf(stderr, "usage: maas-dqlite-node ID ADDRESS DATA_DIR [JOIN_ADDRESS...]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) return usage();
    char* end = nullptr;
    errno = 0;
    unsigned long long id = std::strtoull(argv[1], &end, 10);
    if (errno != 0 || *end != '\0' || id == 0) return usage();
    std::string address = argv[2], dir = argv[3];
    std::vector<std::string> via(argv + 4, argv + argc);
    if (id == 1 && !via.empty()) {
        std::fprintf(stderr, "maas-dqlite-node: node 1 starts a new cluster; give the others JOIN_ADDRESS\n");
        return 2;
    }
    if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "maas-dqlite-node: %s: %s\n", dir.c_str(), std::strerror(errno));
        return 1;
    }

    // Every connection opened from now on, dqlite's included, gets sqlite-maas.
    if (sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(sqlite3_maas_init)) != SQLITE_OK) {
        std::fprintf(stderr, "maas-dqlite-node: sqlite3_auto_extension failed\n");
        return 1;
    }

    // dqlite's libuv writes to sockets with write(): a peer that hangs up
    // (a client, a killed node) would otherwise kill this node with SIGPIPE.
    signal(SIGPIPE, SIG_IGN);
    // Signals are taken by sigwait below: block them before dqlite's thread
    // starts, so it inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    dqlite_node* node = nullptr;
    int rc = dqlite_node_create(id, address.c_str(), dir.c_str(), &node);
    if (rc == 0) rc = dqlite_node_set_bind_address(node, address.c_str());
    if (rc == 0 && std::getenv("MAAS_DQLITE_LATENCY_MS") != nullptr) {
        rc = dqlite_node_set_network_latency_ms(node, static_cast<unsigned>(
                                                          std::atoi(std::getenv("MAAS_DQLITE_LATENCY_MS"))));
    }
    if (rc == 0) rc = dqlite_node_start(node);
    if (rc != 0) {
        std::fprintf(stderr, "maas-dqlite-node: cannot start node %llu on %s (error %d; is the address in use?) %s\n",
                     id, address.c_str(), rc, node != nullptr ? dqlite_node_errmsg(node) : "out of memory");
        if (node != nullptr) dqlite_node_destroy(node);
        return 1;
    }
    if (!via.empty() && !join(id, address, via, 30, stop_signals)) {
        dqlite_node_stop(node);
        dqlite_node_destroy(node);
        return 1;
    }
    std::printf("ready %llu %s\n", id, address.c_str());
    std::fflush(stdout);

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    rc = dqlite_node_stop(node);
    dqlite_node_destroy(node);
    if (rc != 0) {
        std::fprintf(stderr, "maas-dqlite-node: stopping node %llu: error %d\n", id, rc);
        return 1;
    }
    return 0;
}
