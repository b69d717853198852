// aliases.cpp - reading the alias file (see aliases.hpp).
#include "aliases.hpp"

#include "csv_table.hpp"
#include "name_index.hpp"

namespace maas {

bool parse_aliases(std::string_view csv, std::string_view name, Origin origin, std::vector<AliasLine>& out,
                   std::string& error) {
    enum Column { alias, model, source };
    CsvTable table({"alias", "model", "source"});
    if (!table.open(csv, name, error)) return false;
    std::vector<AliasLine> lines;
    NameIndex seen;  // alias -> line, to refuse an alias listed twice
    while (table.next(error)) {
        for (Column c : {alias, model}) {
            const std::string_view value = table.field(c);
            const char* column = c == alias ? "alias" : "model";
            if (value.empty()) {
                error = table.message(table.line(), column, "empty");
                return false;
            }
            if (value.front() == ' ' || value.back() == ' ') {
                error = table.message(table.line(), column,
                                      "leading or trailing space in '" + std::string(value) + "'");
                return false;
            }
        }
        if (seen.find(table.field(alias)) != NameIndex::kMissing) {
            error = table.message(table.line(), "alias",
                                  "'" + std::string(table.field(alias)) + "' is listed twice (letter case aside)");
            return false;
        }
        seen.add(table.field(alias), table.line());
        lines.push_back(AliasLine{std::string(table.field(alias)), std::string(table.field(model)),
                                  std::string(table.field(source)), origin,
                                  std::string(name) + ":" + std::to_string(table.line())});
    }
    if (!error.empty()) return false;
    out = std::move(lines);
    return true;
}

}  // namespace maas
