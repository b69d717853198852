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
// an error, except that the columns after the first `required` may be left
// out (a field of a column left out reads as empty).  Blank lines are
// skipped.
//
//   maas::CsvTable card({"provider", ..., "source", "condition"}, 10);   // condition optional
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace maas {

class CsvTable {
public:
    explicit CsvTable(std::vector<const char*> columns) : CsvTable(columns, columns.size()) {}
    CsvTable(std::vector<const char*> columns, size_t required) : columns_(std::move(columns)), required_(required) {}

    bool open(std::string_view csv, std::string_view name, std::string& error);
    // The next record; false at the end (error left empty) or on a problem.
    bool next(std::string& error);
    // Field of the column at `column` in the constructor's list.
    // A view of the text given to open(), or of a copy kept until next().
    std::string_view field(size_t column) const {
        return index_of_[column] < 0 ? std::string_view() : text_of(size_t(index_of_[column]));
    }
    int line() const { return record_line_; }  // where the current record starts

    // "name:line: column: message" (column omitted when empty).
    std::string message(int line, std::string_view column, std::string_view text) const;

private:
    // A field: one run of the text, or (copied) a run plus more text, in copies_.
    struct FieldText {
        std::string_view run;
        bool copied = false;
    };
    bool read_record(std::string& error);
    void start_field();
    void append(std::string_view run);
    std::string_view text_of(size_t index) const;

    std::vector<const char*> columns_;
    size_t required_;  // the first columns_ the header must name
    std::vector<int> index_of_;
    std::vector<FieldText> fields_;    // the first count_ are the record's
    std::vector<std::string> copies_;  // one per field slot: fields_[i].copied keeps its text here
    size_t count_ = 0;
    std::string_view csv_, name_;
    size_t pos_ = 0, width_ = 0;
    int next_line_ = 1, record_line_ = 0;
};

}  // namespace maas
