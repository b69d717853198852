// test_prices.cpp - every price line of the built-in card, through SQL.
//
// Expected values come from data/xingchen_rates.csv read plainly and integer
// arithmetic, rounded to double once by strtod: an oracle independent of the
// extension's decimal code.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "card_file.hpp"
#include "sql_fixture.hpp"

namespace {

std::string quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("acceptance values of the core issue", "[prices]") {
    Db db;
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "131");
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)") == 20.0);
    CHECK(db.real("SELECT maas_training_cost('Qwen3-8B', 'lora', 1000000, 3)") == 18.0);
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-V3', 24, 2)") == 7200.0);
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', -1, 0)") ==
          "maas_cost: input_tokens must be a non-negative integer, got -1");
}

TEST_CASE("maas_price returns every published price", "[prices]") {
    Db db;
    const auto rows = read_card_rows();
    REQUIRE(rows.size() == 131);
    for (const CardRow& r : rows) {
        INFO(r.model << " " << r.item << " " << r.price);
        CHECK(db.real("SELECT maas_price(" + quote(r.model) + ", " + quote(r.item) + ")") ==
              std::strtod(r.price.c_str(), nullptr));
        // The published label names the same item.
        CHECK(db.real("SELECT maas_price(" + quote(r.model) + ", " + quote(r.label) + ")") ==
              std::strtod(r.price.c_str(), nullptr));
    }
}

TEST_CASE("maas_rates shows every line as published", "[prices][rates]") {
    Db db;
    const auto rows = read_card_rows();
    const auto table = db.rows(
        "SELECT provider, model, service, item, label, price_text, unit, currency, effective_from, "
        "effective_to, source, price FROM maas_rates ORDER BY rowid");
    REQUIRE(table.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const CardRow& r = rows[i];
        INFO("line " << i + 2 << ": " << r.model << " " << r.item);
        CHECK(table[i][0] == r.provider);
        CHECK(table[i][1] == r.model);
        CHECK(table[i][2] == r.service);
        CHECK(table[i][3] == r.item);
        CHECK(table[i][4] == r.label);
        CHECK(table[i][5] == r.price);
        CHECK(table[i][6] == r.unit);
        CHECK(table[i][7] == "CNY");
        CHECK(table[i][8] == "2025-07-08 05:25:00");  // 13:25 Beijing time, in UTC
        CHECK(table[i][9] == "NULL");
        CHECK(table[i][10] == "https://maas.xfyun.cn/account?type=illustrate");
        CHECK(std::strtod(table[i][11].c_str(), nullptr) == std::strtod(r.price.c_str(), nullptr));
    }
    CHECK(db.value("SELECT count(DISTINCT model) FROM maas_rates") == "42");
    CHECK(db.value("SELECT typeof(price) || typeof(price_text) FROM maas_rates LIMIT 1") == "realtext");
}

TEST_CASE("every token price is exact for any token count", "[prices][exact]") {
    Db db;
    std::map<std::string, std::map<std::string, std::string>> prices;
    for (const CardRow& r : read_card_rows()) prices[r.model][r.item] = r.price;
    const long long counts[] = {0, 1, 3, 7, 999, 1000, 1001, 12345, 999999, 1000000, 123456789, 9876543210LL};
    for (const auto& [model, items] : prices) {
        // Training: tokens x epochs x price / 1000, for each method the model has.
        for (const char* method : {"lora", "full", "lora_merge"}) {
            auto it = items.find(method);
            for (long long tokens : counts) {
                const std::string sql = "SELECT maas_training_cost(" + quote(model) + ", '" + method + "', " +
                                        std::to_string(tokens) + ", 3)";
                INFO(sql);
                if (it == items.end()) {
                    CHECK(db.is_null(sql));
                } else {
                    // price (1e-8 units) x tokens x 3 / 1000 = n x 10^-11
                    CHECK(db.real(sql) == nearest(price_in_1e8(it->second) * tokens * 3, -11));
                }
            }
        }
        // Inference: input and output prices together.
        const bool has_tokens = items.count("input") && items.count("output");
        for (long long in : counts) {
            for (long long out : {0LL, 1LL, 17LL, 1500LL, 2000000LL}) {
                const std::string sql = "SELECT maas_cost(" + quote(model) + ", " + std::to_string(in) + ", " +
                                        std::to_string(out) + ")";
                INFO(sql);
                if (!has_tokens) {
                    CHECK(db.is_null(sql));
                    continue;
                }
                const __int128 n = __int128(price_in_1e8(items.at("input"))) * in +
                                   __int128(price_in_1e8(items.at("output"))) * out;
                CHECK(db.real(sql) == nearest((long long)n, -11));
            }
        }
    }
}

TEST_CASE("results are the nearest double, not float artefacts", "[prices][exact]") {
    Db db;
    // One input token of Qwen3-30B-A3B: 0.00075 / 1000.
    CHECK(db.real("SELECT maas_cost('Qwen3-30B-A3B', 1, 0)") == 7.5e-07);
    // Naive double arithmetic gives 0.0016150000000000001 here (230 x 0.0005 + 300 x 0.005) / 1000.
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 230, 300)") == 0.001615);
    volatile double in_price = 0.0005, out_price = 0.005;
    CHECK(230 * in_price / 1000 + 300 * out_price / 1000 != 0.001615);  // the artefact we avoid
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 1, 15)") == 7.55e-05);  // naive: 7.549999999999999e-05
    CHECK(db.value("SELECT CAST(maas_cost('Qwen3-8B', 230, 300) AS TEXT)") == "0.001615");  // as users see it
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1, 1)") == 1e-05);
    CHECK(db.real("SELECT maas_deployment_cost('Spark Max', 0.1)") == 4.0);              // 0.1 h as typed
    CHECK(db.real("SELECT maas_deployment_cost('Spark Lite Instruct', 0.3)") == 1.917);  // 6.39 x 0.3
    CHECK(db.real("SELECT maas_deployment_cost('Spark Lite Instruct', '2.5', 3)") == 47.925);
}

TEST_CASE("deployment: per node-hour and per hour", "[prices][deployment]") {
    Db db;
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-R1', 1)") == 150.0);
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-R1', 1.5, 4)") == 900.0);
    CHECK(db.is_null("SELECT maas_deployment_cost('Qwen3-8B', 1)"));
    // 元/小时 without 节点: one node is priced, more nodes have no published price.
    for (const char* model : {"Spark Mini", "Spark Mini Instruct", "Spark Tiny"}) {
        INFO(model);
        CHECK(db.value(std::string("SELECT unit FROM maas_rates WHERE model = '") + model +
                       "' AND item = 'deployment'") == "hour");
        CHECK(db.real(std::string("SELECT maas_deployment_cost('") + model + "', 10)") == 100.0);
        CHECK(db.real(std::string("SELECT maas_deployment_cost('") + model + "', 10, 1)") == 100.0);
        CHECK(db.is_null(std::string("SELECT maas_deployment_cost('") + model + "', 10, 2)"));
    }
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE unit = 'hour'") == "3");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE unit = 'node_hour'") == "32");
}

TEST_CASE("training methods by name and published label", "[prices][training]") {
    Db db;
    CHECK(db.real("SELECT maas_training_cost('Qwen3-8B', 'LORA', 1000)") == 0.006);
    CHECK(db.real("SELECT maas_training_cost('Qwen3-8B', 'LoRa', 1000)") == 0.006);
    CHECK(db.real("SELECT maas_training_cost('Qwen3-0.6B', '全量更新', 2000, 2)") == 0.024);
    CHECK(db.real("SELECT maas_training_cost('Qwen_v2.5_1.5b_base', 'LoRA合并', 1000)") == 0.006);
    CHECK(db.real("SELECT maas_training_cost('Qwen_v2.5_1.5b_base', 'lora_merge', 1000)") == 0.006);
    CHECK(db.real("SELECT maas_training_cost('Spark Character', 'LORA合并', 1000)") == 0.03);
    CHECK(db.is_null("SELECT maas_training_cost('Qwen3-30B-A3B', 'lora', 1000)"));  // inference only
    CHECK(db.real("SELECT maas_training_cost('Gemma2_9b_it', 'lora', 1000000)") == 6.0);
    CHECK(db.is_null("SELECT maas_cost('Gemma2_9b_it', 1000, 1000)"));  // training only
}

TEST_CASE("model names resolve case-insensitively and exactly", "[prices][names]") {
    Db db;
    CHECK(db.value("SELECT maas_model('qwen3-8b')") == "Qwen3-8B");
    CHECK(db.value("SELECT maas_model('DEEPSEEK-R1-DISTILL-QWEN-7B')") == "DeepSeek-R1-Distill-Qwen-7B");
    CHECK(db.value("SELECT maas_model('spark max')") == "Spark Max");
    CHECK(db.value("SELECT maas_model('iflytek-xingchen/DeepSeek-V3')") == "DeepSeek-V3");
    CHECK(db.is_null("SELECT maas_model('Qwen3')"));      // no prefix guessing
    CHECK(db.is_null("SELECT maas_model('Qwen3-8B ')"));  // no trimming
    CHECK(db.is_null("SELECT maas_model('Qwen3-8')"));    // no closest match
    CHECK(db.is_null("SELECT maas_model('SparkMax')"));
    CHECK(db.is_null("SELECT maas_model('')"));
    CHECK(db.real("SELECT maas_cost('deepseek-r1', 1000, 0)") == 0.004);
    CHECK(db.is_null("SELECT maas_cost('gpt-4o', 1000, 0)"));
    // Every published name resolves to itself.
    CHECK(db.value("SELECT count(*) FROM (SELECT DISTINCT model FROM maas_rates) WHERE maas_model(model) = model") ==
          "42");
    CHECK(db.value("SELECT count(*) FROM (SELECT DISTINCT model FROM maas_rates) "
                   "WHERE maas_model(upper(model)) = model AND maas_model(lower(model)) = model") == "42");
}

TEST_CASE("token counts stored as TEXT or whole REAL count as integers", "[prices][args]") {
    Db db;
    // 1200 x 0.004 / 1000 + 800 x 0.016 / 1000 = 0.0048 + 0.0128
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', '1200', '800')") == 0.0176);
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', ' 1200 ', '+800')") == 0.0176);
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', '1200.0', 800.0)") == 0.0176);
    CHECK(db.real("SELECT maas_training_cost('Qwen3-8B', 'lora', '1000000', '3')") == 18.0);
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-V3', '24', '2')") == 7200.0);
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-V3', 1e0, 2.0)") == 300.0);
}

TEST_CASE("NULL in any argument gives NULL", "[prices][null]") {
    Db db;
    for (const char* sql :
         {"SELECT maas_cost(NULL, 1, 1)", "SELECT maas_cost('DeepSeek-R1', NULL, 1)",
          "SELECT maas_cost('DeepSeek-R1', 1, NULL)", "SELECT maas_training_cost(NULL, 'lora', 1)",
          "SELECT maas_training_cost('Qwen3-8B', NULL, 1)", "SELECT maas_training_cost('Qwen3-8B', 'lora', NULL)",
          "SELECT maas_training_cost('Qwen3-8B', 'lora', 1, NULL)", "SELECT maas_deployment_cost(NULL, 1)",
          "SELECT maas_deployment_cost('DeepSeek-R1', NULL)", "SELECT maas_deployment_cost('DeepSeek-R1', 1, NULL)",
          "SELECT maas_price(NULL, 'input')", "SELECT maas_price('DeepSeek-R1', NULL)", "SELECT maas_model(NULL)",
          // Strict: NULL wins over an argument that would be an error.
          "SELECT maas_cost(NULL, -1, 1)", "SELECT maas_training_cost('Qwen3-8B', 'bogus', NULL)"}) {
        INFO(sql);
        CHECK(db.is_null(sql));
    }
}

TEST_CASE("known models without that price give NULL", "[prices][null]") {
    Db db;
    CHECK(db.is_null("SELECT maas_cost('Spark Mini', 1000, 1000)"));
    CHECK(db.is_null("SELECT maas_price('Spark Mini', 'input')"));
    CHECK(db.is_null("SELECT maas_cost('Gemma2_9b_it', 1000, 1000)"));
    CHECK(db.is_null("SELECT maas_deployment_cost('Gemma2_9b_it', 1)"));
    CHECK(db.is_null("SELECT maas_price('Qwen3-30B-A3B', 'deployment')"));
    CHECK(db.is_null("SELECT maas_training_cost('Spark Max', 'full', 1000)"));
    CHECK(db.is_null("SELECT maas_price('no such model', 'input')"));
}
