// other_products.cpp - reading data/other_products.csv (see other_products.hpp).
#include "other_products.hpp"

#include "builtin_card.hpp"
#include "csv_table.hpp"

namespace maas {

bool OtherProducts::parse(std::string_view csv, std::string_view file_name, std::string& error) {
    enum Column { name, product, source };
    static const char* const kColumns[] = {"name", "product", "source"};
    CsvTable table({kColumns[name], kColumns[product], kColumns[source]});
    if (!table.open(csv, file_name, error)) return false;
    std::vector<OtherProduct> entries;
    NameIndex names;
    while (table.next(error)) {
        for (Column c : {name, product, source}) {
            if (!table.field(c).empty()) continue;
            error = table.message(table.line(), kColumns[c], "empty");
            return false;
        }
        if (names.find(table.field(name)) != NameIndex::kMissing) {
            error = table.message(table.line(), "name",
                                  "'" + std::string(table.field(name)) + "' is listed twice (letter case aside)");
            return false;
        }
        names.add(table.field(name), int32_t(entries.size()));
        entries.push_back(OtherProduct{std::string(table.field(name)), std::string(table.field(product)),
                                       std::string(table.field(source))});
    }
    if (!error.empty()) return false;
    entries_ = std::move(entries);
    names_ = std::move(names);
    return true;
}

const OtherProduct* OtherProducts::find(std::string_view name) const {
    const int32_t index = names_.find(name);
    return index >= 0 ? &entries_[size_t(index)] : nullptr;
}

const OtherProducts& builtin_other_products() {
    // A function-local static is initialised exactly once, also across threads.
    static const OtherProducts parsed = [] {
        OtherProducts products;
        std::string error;
        if (!products.parse(builtin_other_products_text(), builtin_other_products_name(), error))
            return OtherProducts{};
        return products;
    }();
    return parsed;
}

}  // namespace maas
