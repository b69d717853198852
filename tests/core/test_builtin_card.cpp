// Unit tests of builtin_card.hpp: the embedded card parses, and it says
// exactly what the published price page says, line by line.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "aliases.hpp"
#include "builtin_card.hpp"
#include "card.hpp"
#include "catalog.hpp"
#include "time_text.hpp"

using maas::CardLine;
using maas::Item;
using maas::Service;
using maas::Unit;

namespace {

const char* const kCsvPath = MAAS_SOURCE_DIR "/data/xingchen_rates.csv";
const char* const kPagePath = MAAS_SOURCE_DIR "/data/pages/xingchen_2025-07-08.md";
const char* const kSeedPath = MAAS_SOURCE_DIR "/../shared/seed/000_1cd2ef185819af08.txt";
const char* const kSource = "https://maas.xfyun.cn/account?type=illustrate";

bool read_file(const char* path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

std::vector<CardLine> builtin_lines() {
    std::vector<CardLine> lines;
    std::string error;
    const bool ok = maas::parse_card(maas::builtin_card_text(), maas::builtin_card_name(), maas::Origin::builtin, lines,
                                     error);
    INFO("error: " << error);
    REQUIRE(ok);
    return lines;
}

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    const size_t e = s.find_last_not_of(' ');
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, const std::string& by) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        const size_t at = s.find(by, start);
        if (at == std::string::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, at - start));
        start = at + by.size();
    }
}

// One price of the page: "输入：0.008元/千tokens" in a row of model and service.
struct PagePrice {
    std::string model, service, item, label, price, unit;
};

struct Page {
    std::vector<PagePrice> prices;
    std::string updated;  // "2025-7-8 13:25" as written (Beijing time)
    std::string source;
};

Page read_page() {
    std::string text;
    REQUIRE(read_file(kPagePath, text));
    const std::map<std::string, std::string> items = {
        {"输入", "input"}, {"输出", "output"},   {"独立部署", "deployment"},
        {"LORA", "lora"},  {"全量更新", "full"}, {"LoRA合并", "lora_merge"},
    };
    const std::map<std::string, std::string> services = {{"模型推理", "inference"}, {"模型训练", "training"}};
    const std::map<std::string, std::string> units = {{"元/千tokens", "k_tokens"},
                                                      {"元/小时/节点", "node_hour"},
                                                      {"元/小时", "hour"}};
    const std::string colon = "：";  // full-width, as on the page

    Page page;
    const std::regex updated("更新时间：([0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{2})");
    const std::regex link("\\]\\((https?://[^)]+)\\)");
    std::smatch m;
    if (std::regex_search(text, m, updated)) page.updated = m[1];
    if (std::regex_search(text, m, link)) page.source = m[1];

    int header_rows = 0;
    for (const std::string& raw : split(text, "\n")) {
        const std::string line = trim(raw);
        if (line.empty() || line[0] != '|') continue;
        if (line.find("模型名称") != std::string::npos) {
            ++header_rows;
            continue;
        }
        if (line.rfind("|-", 0) == 0) continue;
        const std::vector<std::string> cells = split(line, "|");
        INFO("page row: " << line);
        REQUIRE(cells.size() == 5u);  // "", model, service, prices, ""
        REQUIRE(trim(cells[0]).empty());
        REQUIRE(trim(cells[4]).empty());
        const std::string model = trim(cells[1]);
        const auto service = services.find(trim(cells[2]));
        REQUIRE(service != services.end());
        for (const std::string& entry : split(trim(cells[3]), "<br>")) {
            INFO("price entry: " << entry);
            const size_t c = entry.find(colon);
            REQUIRE(c != std::string::npos);
            const std::string label = entry.substr(0, c);
            const std::string rest = entry.substr(c + colon.size());
            const size_t yuan = rest.find("元");
            REQUIRE(yuan != std::string::npos);
            const auto item = items.find(label);
            REQUIRE(item != items.end());
            const auto unit = units.find(rest.substr(yuan));
            REQUIRE(unit != units.end());
            const std::string price = rest.substr(0, yuan);
            REQUIRE(std::regex_match(price, std::regex("[0-9]+(\\.[0-9]+)?")));
            page.prices.push_back(PagePrice{model, service->second, item->second, label, price, unit->second});
        }
    }
    CHECK(header_rows == 1);
    return page;
}

}  // namespace

TEST_CASE("builtin card: the embedded bytes are data/xingchen_rates.csv", "[builtin]") {
    CHECK(maas::builtin_card_name() == "data/xingchen_rates.csv");
    std::string file;
    REQUIRE(read_file(kCsvPath, file));
    CHECK(maas::builtin_card_text().size() == file.size());
    CHECK(maas::builtin_card_text() == file);
}

TEST_CASE("builtin card: parses into 131 lines of 42 models", "[builtin]") {
    const auto lines = builtin_lines();
    CHECK(lines.size() == 131u);
    std::string error = "unchanged";
    const auto catalog = maas::builtin_catalog(error);
    REQUIRE(catalog);
    CHECK(error.empty());
    CHECK(catalog->models().size() == 42u);
    CHECK(catalog->rows().size() == 131u);
    // Parsed once per process: the same catalog every time.
    std::string again;
    CHECK(maas::builtin_catalog(again) == catalog);
    CHECK(again.empty());
    for (const CardLine& line : lines) {
        INFO("line " << line.where);
        CHECK(line.provider == "iflytek-xingchen");
        CHECK(line.currency == "CNY");
        CHECK(line.effective_from_ms == 1751952300000);
        CHECK(line.source == kSource);
    }
    CHECK(lines.front().where == "data/xingchen_rates.csv:2");
    CHECK(lines.back().where == "data/xingchen_rates.csv:132");
}

// The lines compiled in at build time (builtin_card_codegen) against what
// the parsers give for the files' bytes now: every field, every line.
TEST_CASE("builtin card: the compiled lines are what parse_card gives for the file", "[builtin]") {
    const auto parsed = builtin_lines();
    const auto compiled = maas::builtin_card_lines();
    REQUIRE(compiled.size() == parsed.size());
    CHECK(maas::builtin_lines().card_count == 131u);
    for (size_t i = 0; i < parsed.size(); ++i) {
        const CardLine& want = parsed[i];
        const CardLine& got = compiled[i];
        INFO("line " << want.where);
        CHECK(got.provider == want.provider);
        CHECK(got.model == want.model);
        CHECK(got.service == want.service);
        CHECK(got.item == want.item);
        CHECK(got.label == want.label);
        CHECK(got.price.mantissa == want.price.mantissa);
        CHECK(got.price.exponent == want.price.exponent);
        CHECK(got.price_text == want.price_text);
        CHECK(got.unit == want.unit);
        CHECK(got.currency == want.currency);
        CHECK(got.effective_from_ms == want.effective_from_ms);
        CHECK(got.source == want.source);
        CHECK(got.origin == maas::Origin::builtin);
        CHECK(got.where == want.where);
    }
    // A label in UTF-8 and a source with '?' come through the generated
    // literals byte for byte.
    CHECK(compiled[1].label == "\xe8\xbe\x93\xe5\x85\xa5");  // 输入
    CHECK(compiled[1].source == kSource);
}

TEST_CASE("builtin aliases: the compiled lines are what parse_aliases gives for the file", "[builtin]") {
    std::vector<maas::AliasLine> parsed;
    std::string error;
    REQUIRE(maas::parse_aliases(maas::builtin_aliases_text(), maas::builtin_aliases_name(), maas::Origin::builtin,
                                parsed, error));
    const auto compiled = maas::builtin_alias_lines();
    REQUIRE(compiled.size() == parsed.size());
    CHECK(compiled.size() == maas::builtin_lines().alias_count);
    CHECK(compiled.size() == 20u);
    for (size_t i = 0; i < parsed.size(); ++i) {
        INFO("line " << parsed[i].where);
        CHECK(compiled[i].alias == parsed[i].alias);
        CHECK(compiled[i].model == parsed[i].model);
        CHECK(compiled[i].source == parsed[i].source);
        CHECK(compiled[i].origin == maas::Origin::builtin);
        CHECK(compiled[i].where == parsed[i].where);
    }
    CHECK(compiled.front().where == "data/aliases.csv:2");
}

TEST_CASE("builtin card: spot checks", "[builtin]") {
    const auto lines = builtin_lines();
    REQUIRE(lines.size() == 131u);
    auto find = [&](const std::string& model, Item item) -> const CardLine& {
        for (const CardLine& line : lines)
            if (line.model == model && line.item == item) return line;
        FAIL("no line for " << model << " " << maas::item_name(item));
        return lines.front();
    };

    const CardLine& first = lines.front();
    CHECK(first.model == "Spark Max");
    CHECK(first.service == Service::training);
    CHECK(first.item == Item::lora);
    CHECK(first.label == "LORA");
    CHECK(first.price_text == "0.08");
    CHECK(first.unit == Unit::k_tokens);

    const CardLine& r1 = find("DeepSeek-R1", Item::deployment);
    CHECK(r1.price_text == "150");
    CHECK(r1.unit == Unit::node_hour);
    CHECK(r1.label == "独立部署");
    CHECK(find("DeepSeek-R1", Item::input).price_text == "0.004");
    CHECK(find("DeepSeek-R1", Item::output).price_text == "0.016");
    CHECK(find("DeepSeek-R1", Item::lora).price_text == "0.7");

    const CardLine& q = find("Qwen3-30B-A3B", Item::input);
    CHECK(q.price_text == "0.00075");
    CHECK(maas::to_string(q.price) == "0.00075");
    CHECK(q.label == "输入");
    CHECK(find("Qwen3-30B-A3B", Item::output).price_text == "0.0075");

    const CardLine& mini = find("Spark Mini", Item::deployment);
    CHECK(mini.unit == Unit::hour);
    CHECK(mini.price_text == "10");
    CHECK(find("Spark Mini Instruct", Item::deployment).unit == Unit::hour);
    CHECK(find("Spark Tiny", Item::deployment).unit == Unit::hour);

    const CardLine& lite = find("Spark Lite Instruct", Item::deployment);
    CHECK(lite.price_text == "6.39");
    CHECK(maas::to_double(lite.price) == 6.39);

    const CardLine& merge = find("Qwen_v2.5_1.5b_Instruct", Item::lora_merge);
    CHECK(merge.label == "LoRA合并");
    CHECK(merge.service == Service::training);

    const CardLine& last = lines.back();
    CHECK(last.model == "Starcode2_3b");
    CHECK(last.item == Item::full);
    CHECK(last.label == "全量更新");
    CHECK(last.price_text == "0.006");

    // Exactly three prices are per hour of the whole deployment.
    int hourly = 0;
    for (const CardLine& line : lines) hourly += line.unit == Unit::hour;
    CHECK(hourly == 3);
}

TEST_CASE("builtin card: every line matches the published page, in order", "[builtin][page]") {
    const Page page = read_page();
    const auto lines = builtin_lines();
    REQUIRE(page.prices.size() == 131u);
    REQUIRE(lines.size() == page.prices.size());

    // The page's time is Beijing time (UTC+8).
    CHECK(page.updated == "2025-7-8 13:25");
    int64_t updated_ms = 0;
    REQUIRE(maas::parse_time("2025-07-08T13:25:00+08:00", updated_ms));
    CHECK(maas::format_time(updated_ms) == "2025-07-08 05:25:00");
    CHECK(page.source == kSource);

    for (size_t i = 0; i < lines.size(); ++i) {
        const PagePrice& p = page.prices[i];
        const CardLine& c = lines[i];
        INFO("card line " << c.where << " vs page price #" << i + 1 << ": " << p.model << " " << p.label);
        CHECK(c.model == p.model);
        CHECK(maas::service_name(c.service) == p.service);
        CHECK(maas::item_name(c.item) == p.item);
        CHECK(c.label == p.label);
        CHECK(c.price_text == p.price);
        CHECK(maas::unit_name(c.unit) == p.unit);
        CHECK(c.currency == "CNY");
        CHECK(c.effective_from_ms == updated_ms);
        CHECK(maas::format_time(c.effective_from_ms) == "2025-07-08 05:25:00");
        CHECK(c.source == page.source);
    }
}

TEST_CASE("builtin card: data/pages holds the published page byte for byte", "[builtin][page]") {
    std::string copy, seed;
    REQUIRE(read_file(kPagePath, copy));
    CHECK(copy.rfind(">更新时间：2025-7-8 13:25", 0) == 0);
    if (!read_file(kSeedPath, seed)) {
        WARN("not found, comparison skipped: " << kSeedPath);
        return;
    }
    CHECK(copy.size() == seed.size());
    CHECK(copy == seed);
}
