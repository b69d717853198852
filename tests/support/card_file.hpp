// card_file.hpp - the lines of data/xingchen_rates.csv read plainly, as the
// oracle for SQL tests (the built-in card holds no quoted fields, so a split
// on commas is enough and independent of the extension's parser).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

struct CardRow {
    std::string provider, model, service, item, label, price, unit, currency, effective_from, source;
};

inline std::vector<CardRow> read_card_rows() {
    std::ifstream in(MAAS_SOURCE_DIR "/data/xingchen_rates.csv");
    std::vector<CardRow> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, ',')) f.push_back(field);
        if (f.size() != 10) continue;
        rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]});
    }
    return rows;
}

// A price text such as "0.00075" as an integer count of 10^-8 units
// (every published price has at most 5 decimals; 8 leaves room).
inline int64_t price_in_1e8(const std::string& text) {
    const size_t dot = text.find('.');
    std::string whole = text.substr(0, dot), frac = dot == std::string::npos ? "" : text.substr(dot + 1);
    frac.resize(8, '0');
    return std::stoll(whole) * 100000000 + std::stoll(frac);
}

// The double nearest n x 10^exponent, rounded by strtod (the oracle).
inline double nearest(long long n, int exponent) {
    return std::strtod((std::to_string(n) + "e" + std::to_string(exponent)).c_str(), nullptr);
}
