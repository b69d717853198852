// Unit tests of name_index.hpp and catalog.hpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ascii.hpp"
#include "builtin_card.hpp"
#include "card.hpp"
#include "catalog.hpp"
#include "name_index.hpp"
#include "statement_prices.hpp"
#include "time_text.hpp"

using maas::Catalog;
using maas::Item;
using maas::Model;
using maas::NameIndex;

namespace {

const std::string kHeader = "provider,model,service,item,label,price,unit,currency,effective_from,source\n";

std::vector<maas::CardLine> lines_of(const std::string& body) {
    std::vector<maas::CardLine> lines;
    std::string error;
    const bool ok = maas::parse_card(kHeader + body, "t.csv", maas::Origin::user, lines, error);
    INFO("error: " << error);
    REQUIRE(ok);
    return lines;
}

std::shared_ptr<const Catalog> catalog_of(const std::string& body) {
    std::string error;
    auto catalog = Catalog::build(lines_of(body), {}, error);
    INFO("error: " << error);
    REQUIRE(catalog);
    CHECK(error.empty());
    return catalog;
}

std::shared_ptr<const Catalog> builtin() {
    std::string error;
    auto catalog = maas::builtin_catalog(error);
    INFO("error: " << error);
    REQUIRE(catalog);
    return catalog;
}

std::string upper(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The data lines of data/xingchen_rates.csv split on commas (the file has no quotes).
std::vector<std::vector<std::string>> csv_rows() {
    std::ifstream in(MAAS_SOURCE_DIR "/data/xingchen_rates.csv", std::ios::binary);
    REQUIRE(in);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (header) {
            header = false;
            continue;
        }
        if (line.empty()) continue;
        REQUIRE(line.find('"') == std::string::npos);
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, ',')) fields.push_back(field);
        REQUIRE(fields.size() == 10u);
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace

// -------------------------------------------------------------- NameIndex --

TEST_CASE("NameIndex: exact, ASCII case-insensitive lookup", "[names]") {
    NameIndex index;
    CHECK(index.find("anything") == NameIndex::kMissing);
    CHECK(index.size() == 0u);
    index.add("Qwen3-8B", 7);
    index.add("DeepSeek-R1", 3);
    CHECK(index.size() == 2u);
    CHECK(index.find("Qwen3-8B") == 7);
    CHECK(index.find("qwen3-8b") == 7);
    CHECK(index.find("QWEN3-8B") == 7);
    CHECK(index.find("deepseek-r1") == 3);
    // Nothing but letter case is forgiven.
    for (const char* name : {"qwen3", "Qwen3", "qwen3-8", "qwen3-8b ", " qwen3-8b", "qwen3-8bb", "qwen3_8b", "qwen38b",
                             "", "deepseek-r", "deepseek-r1-distill", "qwen3-8b\n"}) {
        INFO("'" << name << "'");
        CHECK(index.find(name) == NameIndex::kMissing);
    }
    // A NUL inside the name is a character like any other.
    CHECK(index.find(std::string_view("qwen3-8b\0", 9)) == NameIndex::kMissing);
}

TEST_CASE("ascii_lower8 folds each byte of a word as ascii_lower folds it", "[names]") {
    // Every byte value at every position, among neighbours of every kind
    // (letters on both sides, the bytes around 'A', 'Z', 0x80, 0xFF).
    int wrong = 0;
    for (const uint64_t filler : {0x4142595A40405B61ull, 0x7F80C1DAFF00205Aull, 0ull, ~0ull}) {
        for (int position = 0; position < 8; ++position) {
            for (int b = 0; b < 256; ++b) {
                const int shift = 8 * position;
                const uint64_t w = (filler & ~(0xFFull << shift)) | (uint64_t(b) << shift);
                uint64_t expected = 0;
                for (int k = 0; k < 8; ++k)
                    expected |= uint64_t(maas::ascii_lower(static_cast<unsigned char>(w >> (8 * k)))) << (8 * k);
                if (maas::ascii_lower8(w) != expected) ++wrong;
            }
        }
    }
    CHECK(wrong == 0);
    CHECK(maas::ascii_lower8(0x4243) == 0x6263);
}

TEST_CASE("NameIndex: names of every length up to 40 bytes, a byte changed at every position", "[names]") {
    // Names are hashed and compared eight bytes at a time: the word edges
    // (7, 8, 9, 15, 16, 17 bytes ...) and the last partial word must count.
    NameIndex index;
    const std::string base = "Qwen3-235B-A22B-Instruct-2507-FP8-extra-";
    for (size_t n = 1; n <= base.size(); ++n) index.add(base.substr(0, n), int32_t(n));
    int wrong = 0;
    for (size_t n = 1; n <= base.size(); ++n) {
        std::string name = base.substr(0, n);
        if (index.find(name) != int32_t(n)) ++wrong;
        for (size_t i = 0; i < n; ++i) {
            std::string changed = name;
            changed[i] = char(changed[i] ^ 0x01);  // another byte: never the same name
            if (index.find(changed) != NameIndex::kMissing) ++wrong;
            std::string other_case = name;
            other_case[i] = char(std::isupper(static_cast<unsigned char>(name[i])) ? std::tolower(name[i])
                                                                                   : std::toupper(name[i]));
            if (index.find(other_case) != int32_t(n)) ++wrong;  // letter case: the same name
        }
    }
    CHECK(wrong == 0);
}

TEST_CASE("NameIndex: non-ASCII bytes are compared exactly", "[names]") {
    NameIndex index;
    index.add("模型É", 1);
    CHECK(index.find("模型É") == 1);
    CHECK(index.find("模型é") == NameIndex::kMissing);  // only ASCII letters fold
    index.add("straße", 2);
    CHECK(index.find("STRAßE") == 2);
    CHECK(index.find("STRASSE") == NameIndex::kMissing);
}

TEST_CASE("NameIndex: re-adding and ambiguity", "[names]") {
    NameIndex index;
    index.add("Spark Max", 1);
    index.add("SPARK MAX", 1);  // the same name and value: no change
    CHECK(index.size() == 1u);
    CHECK(index.find("spark max") == 1);
    index.add("spark max", 2);  // another value: ambiguous
    CHECK(index.size() == 1u);
    CHECK(index.find("Spark Max") == NameIndex::kAmbiguous);
    index.add("Spark Max", 1);  // stays ambiguous
    index.add("Spark Max", 3);
    CHECK(index.find("Spark Max") == NameIndex::kAmbiguous);
    CHECK(index.find("Spark") == NameIndex::kMissing);
}

TEST_CASE("NameIndex: thousands of names survive growth", "[names]") {
    NameIndex index;
    const int n = 5000;
    for (int i = 0; i < n; ++i) index.add("Model-" + std::to_string(i) + "-X", i);
    CHECK(index.size() == size_t(n));
    int wrong = 0;
    for (int i = 0; i < n; ++i) {
        if (index.find("model-" + std::to_string(i) + "-x") != i) ++wrong;
        if (index.find("MODEL-" + std::to_string(i) + "-") != NameIndex::kMissing) ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(index.find("model-5000-x") == NameIndex::kMissing);
}

// ---------------------------------------------------------------- Catalog --

TEST_CASE("Catalog: models in card order, rows and lines", "[catalog]") {
    const auto catalog = catalog_of(
        "acme,Alpha,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s1\n"
        "acme,Beta,training,lora,LORA,0.7,k_tokens,CNY,2025-07-08,s2\n"
        "acme,Alpha,inference,output,out,0.002,k_tokens,CNY,2025-07-08,s1\n"
        "acme,Alpha,inference,deployment,dep,6.39,node_hour,CNY,2025-07-08T13:25:00+08:00,s1\n");
    REQUIRE(catalog->models().size() == 2u);
    const Model& alpha = catalog->models()[0];
    const Model& beta = catalog->models()[1];
    CHECK(alpha.provider == "acme");
    CHECK(alpha.name == "Alpha");
    CHECK(beta.name == "Beta");
    CHECK(alpha.rows == std::vector<uint32_t>{0, 2, 3});
    CHECK(beta.rows == std::vector<uint32_t>{1});

    REQUIRE(alpha.price(Item::input, nullptr));
    CHECK(alpha.price(Item::input, nullptr)->line->price_text == "0.001");
    CHECK(alpha.price(Item::input, nullptr)->row == 0u);
    CHECK(alpha.price(Item::input, nullptr)->effective_to_ms == maas::kForever);
    CHECK(alpha.price(Item::output, nullptr)->line->price_text == "0.002");
    CHECK(alpha.price(Item::deployment, nullptr)->line->price_text == "6.39");
    CHECK(alpha.price(Item::deployment, nullptr)->effective_from_ms == 1751952300000);
    CHECK(alpha.price(Item::lora, nullptr) == nullptr);
    CHECK(alpha.price(Item::full, nullptr) == nullptr);
    CHECK(alpha.price(Item::lora_merge, nullptr) == nullptr);
    CHECK(beta.price(Item::input, nullptr) == nullptr);
    CHECK(maas::to_string(beta.price(Item::lora, nullptr)->price) == "0.7");

    const auto& rows = catalog->rows();
    REQUIRE(rows.size() == 4u);
    CHECK(rows[0].model_index == 0u);
    CHECK(rows[1].model_index == 1u);
    CHECK(rows[3].model_index == 0u);
    CHECK(rows[0].price == 0.001);
    CHECK(rows[3].price == 6.39);
    CHECK(rows[1].line->label == "LORA");
    CHECK(rows[0].effective_from == "2025-07-08 00:00:00");
    CHECK(rows[3].effective_from == "2025-07-08 05:25:00");
    for (const auto& row : rows) CHECK(row.effective_to.empty());

    CHECK(catalog->rows_for_item(Item::input) == std::vector<uint32_t>{0});
    CHECK(catalog->rows_for_item(Item::output) == std::vector<uint32_t>{2});
    CHECK(catalog->rows_for_item(Item::deployment) == std::vector<uint32_t>{3});
    CHECK(catalog->rows_for_item(Item::lora) == std::vector<uint32_t>{1});
    CHECK(catalog->rows_for_item(Item::full).empty());
    CHECK(catalog->rows_for_item(Item::lora_merge).empty());
}

TEST_CASE("Catalog: price versions are ordered and closed by their successor", "[catalog]") {
    // Card order is not time order.
    const auto catalog = catalog_of("acme,M,inference,input,in,0.003,k_tokens,CNY,2025-09-01,s\n"
                                    "acme,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
                                    "acme,M,inference,output,out,0.01,k_tokens,CNY,2025-01-01,s\n"
                                    "acme,M,inference,input,in,0.002,k_tokens,CNY,2025-05-01 12:30:00.250,s\n");
    const Model* m = catalog->find_model("M", nullptr);
    REQUIRE(m);
    const auto& v = m->versions[int(Item::input)];
    REQUIRE(v.size() == 3u);
    CHECK(v[0].line->price_text == "0.001");
    CHECK(v[1].line->price_text == "0.002");
    CHECK(v[2].line->price_text == "0.003");
    CHECK(v[0].row == 1u);
    CHECK(v[1].row == 3u);
    CHECK(v[2].row == 0u);
    CHECK(v[0].effective_from_ms == 1735689600000);  // date -u -d 2025-01-01 +%s
    CHECK(v[0].effective_to_ms == v[1].effective_from_ms);
    CHECK(v[1].effective_from_ms == 1746102600250);  // 2025-05-01 12:30:00.250 UTC
    CHECK(v[1].effective_to_ms == v[2].effective_from_ms);
    CHECK(v[2].effective_from_ms == 1756684800000);  // 2025-09-01
    CHECK(v[2].effective_to_ms == maas::kForever);
    CHECK(m->price(Item::input, nullptr) == &v[2]);
    CHECK(maas::to_string(m->price(Item::input, nullptr)->price) == "0.003");
    REQUIRE(m->versions[int(Item::output)].size() == 1u);
    CHECK(m->versions[int(Item::output)][0].effective_to_ms == maas::kForever);

    const auto& rows = catalog->rows();
    CHECK(rows[1].effective_from == "2025-01-01 00:00:00");
    CHECK(rows[1].effective_to == "2025-05-01 12:30:00.250");
    CHECK(rows[3].effective_from == "2025-05-01 12:30:00.250");
    CHECK(rows[3].effective_to == "2025-09-01 00:00:00");
    CHECK(rows[0].effective_to.empty());
    CHECK(rows[2].effective_to.empty());
    CHECK(catalog->rows_for_item(Item::input) == std::vector<uint32_t>{0, 1, 3});
    CHECK(m->rows == std::vector<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("Catalog: lookup by name and by provider/model", "[catalog]") {
    const auto catalog = catalog_of("acme,Spark Max,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n"
                                    "acme,Qwen3-8B,inference,input,in,0.0005,k_tokens,CNY,2025-07-08,s\n");
    bool ambiguous = true;
    const Model* m = catalog->find_model("qwen3-8b", &ambiguous);
    REQUIRE(m);
    CHECK(m->name == "Qwen3-8B");
    CHECK_FALSE(ambiguous);
    CHECK(catalog->find_model("QWEN3-8B", nullptr) == m);
    CHECK(catalog->find_model("acme/Qwen3-8B", nullptr) == m);
    CHECK(catalog->find_model("ACME/qwen3-8b", nullptr) == m);
    CHECK(catalog->find_model("spark max", nullptr) == &catalog->models()[0]);
    CHECK(catalog->find_model("acme/spark max", nullptr) == &catalog->models()[0]);
    for (const char* name :
         {"Qwen3", "qwen3-8b ", " qwen3-8b", "Qwen3-8", "acme/", "acme", "/Qwen3-8B", "acme/Qwen3", "other/Qwen3-8B",
          "acme /Qwen3-8B", "acme//Qwen3-8B", "Spark", "SparkMax", "Spark  Max", ""}) {
        INFO("'" << name << "'");
        ambiguous = true;
        CHECK(catalog->find_model(name, &ambiguous) == nullptr);
        CHECK_FALSE(ambiguous);
    }
}

TEST_CASE("Catalog: a name shared by two providers is ambiguous, never guessed", "[catalog]") {
    const auto catalog = catalog_of("iflytek-xingchen,DeepSeek-R1,inference,input,in,0.004,k_tokens,CNY,2025-07-08,s\n"
                                    "other-cloud,deepseek-r1,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n"
                                    "other-cloud,Only Here,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n");
    REQUIRE(catalog->models().size() == 3u);
    bool ambiguous = false;
    CHECK(catalog->find_model("DeepSeek-R1", &ambiguous) == nullptr);
    CHECK(ambiguous);
    ambiguous = false;
    CHECK(catalog->find_model("deepseek-r1", &ambiguous) == nullptr);
    CHECK(ambiguous);
    CHECK(catalog->find_model("DEEPSEEK-R1", nullptr) == nullptr);  // no flag pointer needed

    ambiguous = true;
    const Model* a = catalog->find_model("iflytek-xingchen/deepseek-r1", &ambiguous);
    REQUIRE(a);
    CHECK_FALSE(ambiguous);
    CHECK(a->provider == "iflytek-xingchen");
    CHECK(maas::to_string(a->price(Item::input, nullptr)->price) == "0.004");
    const Model* b = catalog->find_model("Other-Cloud/DeepSeek-R1", &ambiguous);
    REQUIRE(b);
    CHECK_FALSE(ambiguous);
    CHECK(b->provider == "other-cloud");
    CHECK(b->name == "deepseek-r1");
    CHECK(maas::to_string(b->price(Item::input, nullptr)->price) == "0.001");

    CHECK(catalog->find_model("only here", &ambiguous) == &catalog->models()[2]);
    CHECK_FALSE(ambiguous);
}

TEST_CASE("Catalog: one model spelled two ways is refused", "[catalog]") {
    std::string error = "unchanged";
    auto lines = lines_of("acme,Spark Max,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n"
                          "acme,Spark Max,inference,output,out,0.002,k_tokens,CNY,2025-07-08,s\n"
                          "acme,spark max,inference,deployment,dep,10,node_hour,CNY,2025-07-08,s\n");
    CHECK(Catalog::build(lines, {}, error) == nullptr);
    CHECK(error == "t.csv:4: model: 'acme/spark max' differs only in letter case from 'acme/Spark Max'");
}

TEST_CASE("Catalog: one provider spelled two ways is refused like a model", "[catalog]") {
    // parse_card's duplicate check compares names exactly; the catalog groups
    // "provider/model" case-insensitively, so it must refuse the second spelling
    // rather than merge two prices for one instant.
    auto lines = lines_of("acme,M,inference,input,in,1,k_tokens,CNY,2025-07-08,s\n"
                          "ACME,M,inference,input,in,2,k_tokens,CNY,2025-07-08,s\n");
    std::string error;
    CHECK(Catalog::build(lines, {}, error) == nullptr);
    CHECK(error == "t.csv:3: model: 'ACME/M' differs only in letter case from 'acme/M'");
}

TEST_CASE("Catalog: an empty line list builds an empty catalog", "[catalog]") {
    std::string error;
    const auto catalog = Catalog::build({}, {}, error);
    REQUIRE(catalog);
    CHECK(catalog->models().empty());
    CHECK(catalog->rows().empty());
    CHECK(catalog->find_model("anything", nullptr) == nullptr);
}

// ------------------------------------------------- the built-in catalog --

TEST_CASE("builtin catalog: rows_for_item counts match the CSV", "[catalog][builtin]") {
    const auto catalog = builtin();
    const auto rows = csv_rows();
    std::map<std::string, size_t> per_item;
    for (const auto& r : rows) ++per_item[r[3]];
    const char* names[] = {"input",      "output",       "deployment",  "lora",   "full",
                           "lora_merge", "cached_input", "cache_write", "request"};
    static_assert(sizeof names / sizeof names[0] == maas::kItemCount, "every item");
    size_t total = 0;
    for (int i = 0; i < maas::kItemCount; ++i) {
        INFO(names[i]);
        CHECK(catalog->rows_for_item(Item(i)).size() == per_item[names[i]]);
        total += catalog->rows_for_item(Item(i)).size();
        for (uint32_t row : catalog->rows_for_item(Item(i))) CHECK(rows[row][3] == names[i]);
    }
    CHECK(total == rows.size());
    CHECK(catalog->rows().size() == 131u);
    // The counts themselves, as of the 2025-07-08 page.
    CHECK(per_item["input"] == 25u);
    CHECK(per_item["output"] == 25u);
    CHECK(per_item["deployment"] == 35u);
    CHECK(per_item["lora"] == 23u);
    CHECK(per_item["full"] == 17u);
    CHECK(per_item["lora_merge"] == 6u);
    // The page publishes no cached-input, cache-write or request price.
    CHECK(per_item["cached_input"] + per_item["cache_write"] + per_item["request"] == 0u);
}

TEST_CASE("builtin catalog: every model is found by its name in any letter case", "[catalog][builtin]") {
    const auto catalog = builtin();
    const auto rows = csv_rows();
    std::vector<std::string> names;  // first appearance order
    std::map<std::string, std::vector<uint32_t>> rows_of;
    for (uint32_t i = 0; i < rows.size(); ++i) {
        const std::string& name = rows[i][1];
        if (!rows_of.count(name)) names.push_back(name);
        rows_of[name].push_back(i);
    }
    REQUIRE(names.size() == 42u);
    REQUIRE(catalog->models().size() == 42u);
    for (size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        INFO(name);
        const Model& expected = catalog->models()[i];
        CHECK(expected.name == name);
        CHECK(expected.provider == "iflytek-xingchen");
        CHECK(expected.rows == rows_of[name]);
        for (const std::string& query :
             {name, upper(name), lower(name), "iflytek-xingchen/" + name, upper("iflytek-xingchen/" + name)}) {
            bool ambiguous = true;
            CHECK(catalog->find_model(query, &ambiguous) == &expected);
            CHECK_FALSE(ambiguous);
        }
        for (const std::string& query : {name + " ", " " + name, name.substr(0, name.size() - 1), name + "x",
                                         "iflytek/" + name, std::string("iflytek-xingchen/")}) {
            CHECK(catalog->find_model(query, nullptr) == nullptr);
        }
        // Each version of the built-in card is current and open-ended.
        for (const auto& versions : expected.versions) {
            CHECK(versions.size() <= 1u);
            for (const auto& v : versions) CHECK(v.effective_to_ms == maas::kForever);
        }
    }
    // Prefixes of several models are no model at all.
    for (const char* name : {"Qwen3", "qwen3", "qwen3-8b ", "Spark", "DeepSeek", "DeepSeek-R1-Distill", "Qwen_v2.5",
                             "Llama3", "deepseek-r1-distill-qwen", "Qwen3-0.6", "Spark Lite I"}) {
        INFO("'" << name << "'");
        bool ambiguous = true;
        CHECK(catalog->find_model(name, &ambiguous) == nullptr);
        CHECK_FALSE(ambiguous);
    }
    // Names that are prefixes of other names still find themselves.
    CHECK(catalog->find_model("spark lite", nullptr)->name == "Spark Lite");
    CHECK(catalog->find_model("deepseek-r1", nullptr)->name == "DeepSeek-R1");
    CHECK(catalog->find_model("spark mini", nullptr)->name == "Spark Mini");
}

TEST_CASE("builtin catalog: rows carry display text", "[catalog][builtin]") {
    const auto catalog = builtin();
    for (const auto& row : catalog->rows()) {
        INFO(row.line->model << " " << maas::item_name(row.line->item));
        CHECK(row.effective_from == "2025-07-08 05:25:00");
        CHECK(row.effective_to.empty());
        CHECK(row.price == std::strtod(row.line->price_text.c_str(), nullptr));
        CHECK(catalog->models()[row.model_index].name == row.line->model);
    }
}

// ------------------------------------------------- versions in force at --

TEST_CASE("Model::price picks the version in force at an instant", "[catalog][at]") {
    const auto catalog = catalog_of("acme,M,inference,input,in,0.003,k_tokens,CNY,2025-09-01,s\n"
                                    "acme,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
                                    "acme,M,inference,input,in,0.002,k_tokens,CNY,2025-05-01,s\n");
    const Model& m = catalog->models()[0];
    auto at = [&](const char* when) -> std::string {
        int64_t ms = 0;
        REQUIRE(maas::parse_time(when, ms));
        const maas::PriceVersion* v = m.price(Item::input, &ms);
        return v ? v->line->price_text : "none";
    };
    CHECK(at("2024-12-31 23:59:59.999") == "none");  // before the first version
    CHECK(at("1970-01-01") == "none");
    CHECK(at("2025-01-01") == "0.001");  // a version starts at its instant
    CHECK(at("2025-04-30 23:59:59.999") == "0.001");
    CHECK(at("2025-05-01") == "0.002");
    CHECK(at("2025-05-01T08:00:00+08:00") == "0.002");
    CHECK(at("2025-04-30T23:59:59.999-00:01") == "0.002");
    CHECK(at("2025-08-31 23:59:59.999") == "0.002");
    CHECK(at("2025-09-01") == "0.003");
    CHECK(at("9999-12-31") == "0.003");
    const int64_t early = INT64_MIN, late = INT64_MAX;
    CHECK(m.price(Item::input, &early) == nullptr);
    REQUIRE(m.price(Item::input, &late));
    CHECK(m.price(Item::input, &late)->line->price_text == "0.003");
    CHECK(m.price(Item::input, nullptr)->line->price_text == "0.003");
    CHECK(m.price(Item::output, nullptr) == nullptr);
    CHECK(m.price(Item::output, &late) == nullptr);
}

// ---------------------------------------------------------------- aliases --

namespace {

maas::AliasLine alias_line(const std::string& alias, const std::string& model, const std::string& where) {
    maas::AliasLine a;
    a.alias = alias;
    a.model = model;
    a.source = "test";
    a.origin = maas::Origin::user;
    a.where = where;
    return a;
}

const char* const kTwoProviders = "p1,Qwen3-8B,inference,input,in,0.0005,k_tokens,CNY,2025-07-08,s\n"
                                  "p1,DeepSeek-R1,inference,input,in,0.004,k_tokens,CNY,2025-07-08,s\n"
                                  "p2,DeepSeek-R1,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n"
                                  "p2,Other,inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n";

std::string alias_error(const std::vector<maas::AliasLine>& aliases) {
    std::string error;
    const auto catalog = Catalog::build(lines_of(kTwoProviders), aliases, error);
    CHECK(catalog == nullptr);
    return error;
}

}  // namespace

TEST_CASE("Catalog: aliases find their model, exactly and case-insensitively", "[catalog][alias]") {
    std::string error;
    const auto catalog = Catalog::build(lines_of(kTwoProviders),
                                        {alias_line("qwen3-8b-instruct", "Qwen3-8B", "a:2"),
                                         alias_line("r1", "p1/deepseek-r1", "a:3"),
                                         alias_line("QWEN3-8B", "qwen3-8b", "a:4"),   // its own name
                                         alias_line("r1", "P1/DeepSeek-R1", "a:5")},  // the same again
                                        error);
    INFO(error);
    REQUIRE(catalog);
    const Model* qwen = catalog->find_model("Qwen3-8B", nullptr);
    const Model* r1 = catalog->find_model("p1/DeepSeek-R1", nullptr);
    REQUIRE(qwen);
    REQUIRE(r1);
    CHECK(r1->provider == "p1");
    bool ambiguous = true;
    CHECK(catalog->find_model("Qwen3-8B-Instruct", &ambiguous) == qwen);
    CHECK_FALSE(ambiguous);
    CHECK(catalog->find_model("R1", &ambiguous) == r1);
    CHECK_FALSE(ambiguous);
    CHECK(catalog->find_model("qwen3-8b", nullptr) == qwen);
    CHECK(catalog->find_model("qwen3-8b-instruc", nullptr) == nullptr);
    CHECK(catalog->find_model("r", nullptr) == nullptr);
    CHECK(catalog->find_model("DeepSeek-R1", &ambiguous) == nullptr);  // still two providers
    CHECK(ambiguous);

    REQUIRE(catalog->aliases().size() == 4u);
    REQUIRE(catalog->alias_rows().size() == 4u);
    CHECK(catalog->alias_rows()[0].line->alias == "qwen3-8b-instruct");
    CHECK(&catalog->models()[catalog->alias_rows()[0].model_index] == qwen);
    CHECK(&catalog->models()[catalog->alias_rows()[1].model_index] == r1);
    CHECK(&catalog->models()[catalog->alias_rows()[2].model_index] == qwen);
    CHECK(catalog->alias_rows()[3].line->where == "a:5");
    // Aliases do not add models or rows.
    CHECK(catalog->models().size() == 4u);
    CHECK(catalog->rows().size() == 4u);
}

TEST_CASE("Catalog: alias problems are refused with exact messages", "[catalog][alias][errors]") {
    CHECK(alias_error({alias_line("", "Qwen3-8B", "a:2")}) == "a:2: alias: empty");
    CHECK(alias_error({alias_line("r1", "DeepSeek-R1", "a:2")}) ==
          "a:2: model: 'DeepSeek-R1' is a model of several providers; write it as 'provider/model'");
    CHECK(alias_error({alias_line("x", "Qwen3", "a:7")}) == "a:7: model: 'Qwen3' is not a known model");
    CHECK(alias_error({alias_line("x", "p2/Qwen3-8B", "a:7")}) == "a:7: model: 'p2/Qwen3-8B' is not a known model");
    CHECK(alias_error({alias_line("other", "Qwen3-8B", "a:3")}) ==
          "a:3: alias: 'other' is already the name of another model");
    CHECK(alias_error({alias_line("p2/other", "Qwen3-8B", "a:3")}) ==
          "a:3: alias: 'p2/other' is already the name of another model");
    CHECK(alias_error({alias_line("deepseek-r1", "p1/DeepSeek-R1", "a:3")}) ==
          "a:3: alias: 'deepseek-r1' is already the name of another model");
    CHECK(alias_error({alias_line("fast", "Qwen3-8B", "a:2"), alias_line("FAST", "Other", "a:9")}) ==
          "a:9: alias: 'FAST' already means another model");
    // Aliases resolve against model names only, never against other aliases.
    CHECK(alias_error({alias_line("fast", "Qwen3-8B", "a:2"), alias_line("faster", "fast", "a:3")}) ==
          "a:3: model: 'fast' is not a known model");
}

TEST_CASE("StatementPrices: its cached answers are Catalog::find_model's, for every spelling", "[names][statement]") {
    // Names of every length around the cache's limits (8, 16, 48 bytes),
    // differing only in their middle bytes (one set, two ways: evictions),
    // an ambiguous name, and names too long to cache.
    std::string card;
    std::vector<std::string> names;
    for (size_t length : {3, 8, 9, 16, 17, 24, 40, 47, 48, 49, 60}) {
        for (char middle : {'a', 'b', 'c'}) {
            std::string name(length, 'x');
            name[length / 2] = middle;
            names.push_back(name);
            card += "acme," + name + ",inference,input,in,0.001,k_tokens,CNY,2025-07-08,s\n";
        }
    }
    card += "other,xxxxaxxxx,inference,input,in,0.002,k_tokens,CNY,2025-07-08,s\n";  // a second provider
    const auto catalog = catalog_of(card);
    maas::StatementPrices prices{catalog};
    names.push_back("no such model");
    names.push_back("XXX");  // another letter case of a cached name
    for (int round = 0; round < 3; ++round) {
        for (const std::string& name : names) {
            INFO(name);
            bool expected_ambiguous = false, ambiguous = false;
            const maas::Model* expected = catalog->find_model(name, &expected_ambiguous);
            CHECK(prices.find(name, &ambiguous) == expected);
            CHECK(ambiguous == expected_ambiguous);
            CHECK(prices.find_unambiguous(name) == (expected_ambiguous || name.size() > 48 ? nullptr : expected));
        }
    }
    bool ambiguous = false;
    CHECK(prices.find("xxxxaxxxx", &ambiguous) == nullptr);
    CHECK(ambiguous);
}

TEST_CASE("Catalog: 'provider/model' names that provider's model, even where another's name is that text",
          "[catalog]") {
    // Gateways name models 'vendor/model': openrouter's 'deepseek/deepseek-chat'
    // must not hide deepseek's own deepseek-chat, nor be hidden by it.
    const auto catalog = catalog_of("deepseek,deepseek-chat,inference,input,in,1,m_tokens,USD,2025-01-01,s\n"
                                    "openrouter,deepseek/deepseek-chat,inference,input,in,3,m_tokens,USD,2025-01-01,s\n"
                                    "novita,deepseek-chat,inference,input,in,5,m_tokens,USD,2025-01-01,s\n");
    bool ambiguous = true;
    const maas::Model* m = catalog->find_model("deepseek/deepseek-chat", &ambiguous);
    REQUIRE(m);
    CHECK(m->provider == "deepseek");
    CHECK_FALSE(ambiguous);
    m = catalog->find_model("OpenRouter/DeepSeek/deepseek-chat", &ambiguous);
    REQUIRE(m);
    CHECK(m->provider == "openrouter");
    m = catalog->find_model("novita/deepseek-chat", &ambiguous);
    REQUIRE(m);
    CHECK(m->provider == "novita");
    // The bare name is two providers': never guessed.
    CHECK(catalog->find_model("deepseek-chat", &ambiguous) == nullptr);
    CHECK(ambiguous);
}
