// test_aliases.cpp - the built-in aliases (data/aliases.csv): API model IDs
// that resolve to published models, and look-alike IDs that must not.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sql_fixture.hpp"

TEST_CASE("a Xingchen service ID prices as its model", "[aliases][acceptance]") {
    Db db;
    CHECK(db.value("SELECT maas_cost('xdeepseekv3', 1000, 1000) = maas_cost('DeepSeek-V3', 1000, 1000)") == "1");
    CHECK(db.real("SELECT maas_cost('xdeepseekv3', 1000, 1000)") == 0.01);
    CHECK(db.real("SELECT maas_cost('XDEEPSEEKR1', 1000, 1000)") == 0.02);
    CHECK(db.value("SELECT maas_model('xop3qwen8b')") == "Qwen3-8B");
    CHECK(db.real("SELECT maas_training_cost('xop3qwen8b', 'lora', 1000000, 3)") == 18.0);
    CHECK(db.real("SELECT maas_deployment_cost('xdeepseekv3', 24, 2)") == 7200.0);
    CHECK(db.real("SELECT maas_price('xqwen257bchat', 'input')") == 0.0005);
    CHECK(db.real("SELECT maas_builtin_cost('xsparkprox', 1000, 1000)") == 0.048);
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE lookup = 'xdeepseekv3'") == "4");
    CHECK(db.value("SELECT group_concat(DISTINCT model) FROM maas_rates('xspark13b6k')") == "Spark Lite");
}

TEST_CASE("every built-in alias names a published model and is listed in maas_aliases", "[aliases]") {
    Db db;
    std::ifstream in(MAAS_SOURCE_DIR "/data/aliases.csv");
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "alias,model,source");
    int count = 0;
    while (std::getline(in, line)) {
        const size_t a = line.find(','), b = line.find(',', a + 1);
        const std::string alias = line.substr(0, a), model = line.substr(a + 1, b - a - 1);
        INFO(alias << " -> " << model);
        CHECK(db.value("SELECT maas_model('" + alias + "')") == model);
        CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = '" + model + "'") != "0");
        CHECK(db.value("SELECT model || '/' || origin FROM maas_aliases WHERE alias = '" + alias + "'") ==
              model + "/builtin");
        CHECK(db.is_null("SELECT maas_model('" + alias + "x')"));  // exact: no prefix match
        ++count;
    }
    CHECK(count == 20);
    CHECK(db.value("SELECT count(*) FROM maas_aliases") == "20");
    CHECK(db.value("SELECT count(*) FROM maas_aliases WHERE provider = 'iflytek-xingchen'") == "20");
}

TEST_CASE("IDs of other models stay unknown, never the closest model", "[aliases][names]") {
    Db db;
    // DeepSeek-V3.2, the 2507 Instruct models, embeddings and rerankers, and
    // the Spark API (a different product with different prices) are not
    // models of this price list.
    for (const char* id : {"xdeepseekv32",
                           "xopdeepseekv32",
                           "xop3qwen235b2507",
                           "xop3qwen30b2507",
                           "xop3qwen8bembedding",
                           "xop3qwen8breranker",
                           "xop3qwen32bvl",
                           "xopqwenqwq32b",
                           "generalv3.5",
                           "4.0Ultra",
                           "Spark-Max",
                           "Spark-Lite",
                           "SparkDesk-v3.5",
                           "lite",
                           "xdeepseek",
                           "deepseek",
                           "DeepSeek",
                           "Qwen3",
                           "xop3qwen",
                           "DeepSeek-V3.2"}) {
        INFO(id);
        CHECK(db.is_null(std::string("SELECT maas_model('") + id + "')"));
        CHECK(db.is_null(std::string("SELECT maas_cost('") + id + "', 1000, 1000)"));
    }
}

TEST_CASE("an alias of a model without token prices is known but unpriced", "[aliases]") {
    Db db;
    CHECK(db.value("SELECT maas_model('xgemma29bit')") == "Gemma2_9b_it");
    CHECK(db.is_null("SELECT maas_cost('xgemma29bit', 1000, 1000)"));
    CHECK(db.real("SELECT maas_training_cost('xgemma29bit', 'lora', 1000)") == 0.006);
}

TEST_CASE("a user alias replaces a built-in alias of the same name", "[aliases][overlay]") {
    Db db;
    std::ifstream f(MAAS_SOURCE_DIR "/sql/user_tables.sql");
    std::stringstream sql;
    sql << f.rdbuf();
    db.exec(sql.str());
    db.exec("INSERT INTO maas_user_aliases(alias, model, source) VALUES ('XDEEPSEEKV3', 'DeepSeek-R1', 'our mapping')");
    CHECK(db.value("SELECT maas_model('xdeepseekv3')") == "DeepSeek-R1");
    CHECK(db.value("SELECT alias || ' ' || model || ' ' || origin FROM maas_aliases WHERE alias LIKE 'xdeepseekv3'") ==
          "XDEEPSEEKV3 DeepSeek-R1 user");
    CHECK(db.value("SELECT maas_builtin_model('xdeepseekv3')") == "DeepSeek-V3");
}
