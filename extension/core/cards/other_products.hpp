// other_products.hpp - names that belong to a different product, which the
// MaaS card must never price.
//
// Gateways such as one-api and new-api send names like 'Spark-Max',
// 'generalv3.5' or 'SparkDesk-v3.5' to iFlytek's Spark API, a separate
// product billed at other prices.  They look like MaaS models (the card has
// 'Spark Max'), so a user told "unknown model, alias it" would price one
// product at another's rate.  data/other_products.csv lists them, each with
// its source; maas_unpriced() reports them as 'other_product' instead.
//
//   alias file format:  name,product,source
//                       Spark-Max,iFlytek Spark API,"one-api relay/adaptor/xunfei ..."
//
//   const maas::OtherProducts& others = maas::builtin_other_products();
//   others.find("sparkdesk-v3.5");   // -> "iFlytek Spark API" (ASCII case ignored), or nullptr
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "name_index.hpp"

namespace maas {

struct OtherProduct {
    std::string name;
    std::string product;
    std::string source;
};

class OtherProducts {
public:
    // Reads the file; false with "name:line: column: message" on the first
    // problem (an empty field, a name listed twice).
    bool parse(std::string_view csv, std::string_view file_name, std::string& error);
    // The product a name belongs to, or nullptr.
    const OtherProduct* find(std::string_view name) const;
    const std::vector<OtherProduct>& entries() const { return entries_; }

private:
    std::vector<OtherProduct> entries_;
    NameIndex names_;
};

// The embedded data/other_products.csv, parsed once per process; empty if it
// did not parse (the tests rule that out for every build).
const OtherProducts& builtin_other_products();

}  // namespace maas
