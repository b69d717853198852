// csv_table.cpp - see csv_table.hpp.
#include "csv_table.hpp"

#include <algorithm>
#include <cstdint>

namespace maas {

std::string CsvTable::message(int line, std::string_view column, std::string_view text) const {
    std::string m(name_);
    m += ':' + std::to_string(line) + ": ";
    if (!column.empty()) m.append(column).append(": ");
    m.append(text);
    return m;
}

// A new, empty field.  The strings of the last record are reused, so that a
// card of hundreds of lines costs few allocations (it is read at every load).
void CsvTable::start_field() {
    if (count_ == fields_.size()) {
        fields_.emplace_back();
        copies_.emplace_back();
    }
    fields_[count_++] = FieldText{};
}

// Adds a run of the text to the current field.  A field that is one run
// (nearly all are) stays a view of the text; a second run (after a doubled
// quote, or text after a closing quote) makes it a copy.
void CsvTable::append(std::string_view run) {
    FieldText& field = fields_[count_ - 1];
    if (!field.copied && field.run.empty()) {
        field.run = run;
        return;
    }
    std::string& copy = copies_[count_ - 1];
    if (!field.copied) {
        copy.assign(field.run);
        field.copied = true;
    }
    copy.append(run);
}

std::string_view CsvTable::text_of(size_t index) const {
    return fields_[index].copied ? std::string_view(copies_[index]) : fields_[index].run;
}

// The bytes that end a run of plain field bytes.  A table, not four
// compares: the card is read at every load, and this loop sees most of it.
namespace {
bool ends_plain_run(char c) {
    static constexpr struct Table {
        bool ends[256] = {};
        constexpr Table() {
            ends[uint8_t(',')] = ends[uint8_t('\n')] = ends[uint8_t('\r')] = ends[uint8_t('"')] = true;
        }
    } kTable;
    return kTable.ends[uint8_t(c)];
}
}  // namespace

// Splits one record at pos_; advances past its line end and counts the
// physical lines it spans (a quoted field may hold line breaks).
bool CsvTable::read_record(std::string& error) {
    count_ = 0;
    start_field();
    record_line_ = next_line_;
    bool quoted = false;
    const size_t size = csv_.size();
    while (pos_ < size) {
        const char c = csv_[pos_++];
        if (quoted) {
            if (c == '"') {
                if (pos_ < size && csv_[pos_] == '"') {
                    append(csv_.substr(pos_, 1));  // one of the two quotes
                    ++pos_;
                } else quoted = false;
            } else {
                // The run up to the next quote (the source notes of the data
                // files are long quoted texts), its line breaks counted.
                size_t end = csv_.find('"', pos_);
                if (end == std::string_view::npos) end = size;
                const std::string_view run = csv_.substr(pos_ - 1, end - pos_ + 1);
                next_line_ += int(std::count(run.begin(), run.end(), '\n'));
                append(run);
                pos_ = end;
            }
        } else if (c == '"' && text_of(count_ - 1).empty()) {
            quoted = true;
        } else if (c == ',') {
            start_field();
        } else if (c == '\n') {
            break;
        } else if (c == '\r' && pos_ < size && csv_[pos_] == '\n') {
            ++pos_;
            break;
        } else {
            // The run of plain bytes up to the next byte that means something.
            size_t end = pos_;
            while (end < size && !ends_plain_run(csv_[end])) ++end;
            append(csv_.substr(pos_ - 1, end - pos_ + 1));
            pos_ = end;
        }
    }
    ++next_line_;
    if (quoted) error = message(record_line_, "", "unterminated quote");
    return !quoted;
}

bool CsvTable::open(std::string_view csv, std::string_view name, std::string& error) {
    csv_ = csv;
    name_ = name;
    pos_ = 0;
    next_line_ = 1;
    if (csv_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
    if (pos_ >= csv_.size()) {
        error = message(1, "", "empty file (expected a header line)");
        return false;
    }
    if (!read_record(error)) return false;
    index_of_.assign(columns_.size(), -1);
    for (size_t i = 0; i < count_; ++i) {
        std::string_view f = text_of(i);
        while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.remove_suffix(1);
        auto it = std::find_if(columns_.begin(), columns_.end(), [&](const char* c) { return f == c; });
        if (it == columns_.end()) {
            // Says what was expected, never what was found: the file may not
            // be a CSV file at all (maas_load_card('/proc/self/maps')), and
            // its first line must not leak through the message.
            std::string expected;
            for (const char* c : columns_) expected += (expected.empty() ? "" : ", ") + std::string(c);
            error = message(1, "", "column " + std::to_string(i + 1) + " of the header is not one of " + expected);
            return false;
        }
        int& index = index_of_[size_t(it - columns_.begin())];
        if (index != -1) {
            error = message(1, f, "column appears twice in header");
            return false;
        }
        index = int(i);
    }
    for (size_t c = 0; c < required_; ++c) {
        if (index_of_[c] < 0) {
            error = message(1, columns_[c], "column missing from header");
            return false;
        }
    }
    width_ = count_;
    return true;
}

bool CsvTable::next(std::string& error) {
    while (pos_ < csv_.size()) {
        if (!read_record(error)) return false;
        const bool blank = count_ == 1 && text_of(0).find_first_not_of(" \t\r") == std::string_view::npos;
        if (blank) continue;
        if (count_ != width_) {
            error = message(record_line_, "",
                            "expected " + std::to_string(width_) + " fields, found " + std::to_string(count_));
            return false;
        }
        return true;
    }
    return false;
}

}  // namespace maas
