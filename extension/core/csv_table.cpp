// csv_table.cpp - see csv_table.hpp.
#include "csv_table.hpp"

#include <algorithm>

namespace maas {

std::string CsvTable::message(int line, std::string_view column, std::string_view text) const {
    std::string m(name_);
    m += ':' + std::to_string(line) + ": ";
    if (!column.empty()) m.append(column).append(": ");
    m.append(text);
    return m;
}

// Splits one record at pos_; advances past its line end and counts the
// physical lines it spans (a quoted field may hold line breaks).
bool CsvTable::read_record(std::string& error) {
    fields_.assign(1, std::string());
    record_line_ = next_line_;
    bool quoted = false;
    while (pos_ < csv_.size()) {
        const char c = csv_[pos_++];
        if (quoted) {
            if (c == '"') {
                if (pos_ < csv_.size() && csv_[pos_] == '"') {
                    fields_.back() += '"';
                    ++pos_;
                } else quoted = false;
            } else {
                if (c == '\n') ++next_line_;
                fields_.back() += c;
            }
        } else if (c == '"' && fields_.back().empty()) {
            quoted = true;
        } else if (c == ',') {
            fields_.emplace_back();
        } else if (c == '\n') {
            break;
        } else if (c == '\r' && pos_ < csv_.size() && csv_[pos_] == '\n') {
            ++pos_;
            break;
        } else {
            fields_.back() += c;
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
    for (size_t i = 0; i < fields_.size(); ++i) {
        std::string_view f = fields_[i];
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
    for (size_t c = 0; c < columns_.size(); ++c) {
        if (index_of_[c] < 0) {
            error = message(1, columns_[c], "column missing from header");
            return false;
        }
    }
    width_ = fields_.size();
    return true;
}

bool CsvTable::next(std::string& error) {
    while (pos_ < csv_.size()) {
        if (!read_record(error)) return false;
        const bool blank = fields_.size() == 1 && fields_[0].find_first_not_of(" \t\r") == std::string::npos;
        if (blank) continue;
        if (fields_.size() != width_) {
            error = message(record_line_, "",
                            "expected " + std::to_string(width_) + " fields, found " + std::to_string(fields_.size()));
            return false;
        }
        return true;
    }
    return false;
}

}  // namespace maas
