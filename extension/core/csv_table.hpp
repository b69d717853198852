// csv_table.hpp - reading a CSV file whose header names its columns, as the
// data/ files are (RFC 4180 quoting, CRLF or LF, an optional UTF-8 BOM).
//
//   maas::CsvTable table({"alias", "model", "source"});
//   std::string error;
//   if (!table.open(text, "data/aliases.csv", error)) ...      // "data/aliases.csv:1: source: column missing from header"
//   while (table.next(error)) use(table.field(0), table.line());
//   if (!error.empty()) ...                                     // "data/aliases.csv:7: expected 3 fields, found 2"
//
// Columns may come in any order; an unknown, repeated or missing column is
// an error.  Blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace maas {

class CsvTable {
public:
    explicit CsvTable(std::vector<const char*> columns) : columns_(std::move(columns)) {}

    bool open(std::string_view csv, std::string_view name, std::string& error);
    // The next record; false at the end (error left empty) or on a problem.
    bool next(std::string& error);
    // Field of the column at `column` in the constructor's list.
    std::string_view field(size_t column) const { return fields_[size_t(index_of_[column])]; }
    int line() const { return record_line_; }  // where the current record starts

    // "name:line: column: message" (column omitted when empty).
    std::string message(int line, std::string_view column, std::string_view text) const;

private:
    bool read_record(std::string& error);
    std::string& start_field();

    std::vector<const char*> columns_;
    std::vector<int> index_of_;
    std::vector<std::string> fields_;  // the first count_ are the record's
    size_t count_ = 0;
    std::string_view csv_, name_;
    size_t pos_ = 0, width_ = 0;
    int next_line_ = 1, record_line_ = 0;
};

}  // namespace maas
