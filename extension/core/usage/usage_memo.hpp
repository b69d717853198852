// usage_memo.hpp - the last usage text read and what it held, so that the
// calls one row makes on one stored usage (maas_usage_tokens once per kind,
// maas_usage_problem, maas_usage_cost) parse it once.
//
// A UsageReader (usage_json.hpp) with a memory of one text: its bytes (a
// copy), and the outcome, token counts and reason the reader gave for them.
// A text whose bytes equal the remembered ones gets that answer without a
// parse; any other text is read and remembered instead.  Nothing else
// invalidates it, as the reader's answer depends on the bytes alone.  Kept
// small: a text over kLongestRemembered bytes is read every time (and
// forgets the last one); an out-of-memory outcome (not the text's) is never
// remembered, nor is anything when the copy cannot be made.
//
//   maas::UsageMemo memo;
//   maas::TokenCounts tokens;
//   std::string why;
//   memo.read(R"({"prompt_tokens":10,"completion_tokens":3})", tokens, why);  // parsed: Usage::found
//   memo.read(R"({"prompt_tokens":10,"completion_tokens":3})", tokens, why);  // remembered: the same
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "token_counts.hpp"
#include "usage_json.hpp"

namespace maas {

class UsageMemo {
public:
    static constexpr size_t kLongestRemembered = 64 * 1024;

    // What UsageReader::read answers for text (`why` set only when the
    // outcome is neither found nor missing), copied out: the caller may go
    // on to run SQL that reads other texts (a nested maas_exec, the user's
    // tables).  May throw std::bad_alloc, as the reader may; the memory is
    // then empty.
    Usage read(std::string_view text, TokenCounts& out, std::string& why) {
        if (!remembers(text)) read_afresh(text);
        return remembered(out, why);
    }

    // The same, but a text not remembered is read without being remembered
    // (the memory is kept): for a call that most often reads each text once,
    // maas_usage_cost's quick path over a table, where the copy would cost
    // more than it saves.  The other calls of a row find the text when they
    // come first, or remember it for the next.
    Usage read_once(std::string_view text, TokenCounts& out, std::string& why) {
        if (remembers(text)) return remembered(out, why);
        return reader_.read(text, out, why);
    }

    // True when text's bytes are those remembered (for tests).
    bool remembers(std::string_view text) const {
        return text.size() == size_ && remembered_ && std::memcmp(text.data(), text_.get(), text.size()) == 0;
    }

private:
    void read_afresh(std::string_view text);
    Usage remembered(TokenCounts& out, std::string& why) const {
        out = tokens_;
        if (outcome_ != Usage::found && outcome_ != Usage::missing) why = why_;
        return outcome_;
    }

    UsageReader reader_;
    // The remembered bytes: a plain buffer, grown (never past
    // kLongestRemembered) and not shrunk, so that a row costs one memcpy.
    std::unique_ptr<char[]> text_;
    size_t size_ = 0, capacity_ = 0;
    bool remembered_ = false;  // text_ holds the size_ bytes outcome_, tokens_ and why_ answer
    Usage outcome_ = Usage::missing;
    TokenCounts tokens_;
    std::string why_;
};

}  // namespace maas
