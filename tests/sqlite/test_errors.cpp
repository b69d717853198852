// test_errors.cpp - every kind of wrong input gives an error that starts
// with the function's name and names the argument.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "sql_fixture.hpp"

namespace {
double nearest_of(const char* exact) { return std::strtod(exact, nullptr); }
}  // namespace

TEST_CASE("token counts must be non-negative integers", "[errors]") {
    Db db;
    const std::string must = "maas_cost: input_tokens must be a non-negative integer, got ";
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', -1, 0)") == must + "-1");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1.5, 0)") == must + "1.5");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 'abc', 0)") == must + "'abc'");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', '12.5', 0)") == must + "'12.5'");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', '', 0)") == must + "''");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', x'01', 0)") == must + "a BLOB");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1e300, 0)") == must + "1e+300");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', '-5', 0)") == must + "'-5'");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 0, -9223372036854775808)") ==
          "maas_cost: output_tokens must be a non-negative integer, got -9223372036854775808");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 0, 9223372036854775808.0)") ==
          "maas_cost: output_tokens must be a non-negative integer, got 9223372036854775808");
    // A long or non-UTF-8 text is quoted in part, never passed through raw.
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 'tokens: one thousand two hundred and fifty', 0)") ==
          must + "'tokens: one thousand two hundred and fif...'");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', CAST(x'41ff42' AS TEXT), 0)") == must + "'A...'");
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'lora', -3)") ==
          "maas_training_cost: tokens must be a non-negative integer, got -3");
}

TEST_CASE("epochs and nodes must be integers >= 1, hours a non-negative number", "[errors]") {
    Db db;
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'lora', 1000, 0)") ==
          "maas_training_cost: epochs must be an integer >= 1, got 0");
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'lora', 1000, 2.5)") ==
          "maas_training_cost: epochs must be an integer >= 1, got 2.5");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', 24, 0)") ==
          "maas_deployment_cost: nodes must be an integer >= 1, got 0");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', 24, 1.5)") ==
          "maas_deployment_cost: nodes must be an integer >= 1, got 1.5");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', -1)") ==
          "maas_deployment_cost: hours must be a non-negative number, got -1");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', -0.5)") ==
          "maas_deployment_cost: hours must be a non-negative number, got -0.5");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', 'two')") ==
          "maas_deployment_cost: hours must be a non-negative number, got 'two'");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', x'00')") ==
          "maas_deployment_cost: hours must be a non-negative number, got a BLOB");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3', 1e999)") ==
          "maas_deployment_cost: hours must be a non-negative number, got Inf");
}

TEST_CASE("unknown methods and items are errors", "[errors]") {
    Db db;
    const std::string training = "maas_training_cost: method must be one of 'lora', 'full', 'lora_merge' "
                                 "(or 'LORA', '全量更新', 'LoRA合并'), got ";
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'qlora', 1000)") == training + "'qlora'");
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'input', 1000)") == training + "'input'");
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 1, 1000)") == training + "1");
    // The method is checked even for an unknown model: bad data is reported, not hidden.
    CHECK(db.error("SELECT maas_training_cost('no such model', 'qlora', 1000)") == training + "'qlora'");
    const std::string item = "maas_price: item must be one of 'input', 'output', 'cached_input', 'cache_write', "
                             "'request', 'deployment', 'lora', 'full', 'lora_merge' (or a published label such as "
                             "'输入' or 'LORA'), got ";
    CHECK(db.error("SELECT maas_price('Qwen3-8B', 'cached')") == item + "'cached'");
    CHECK(db.error("SELECT maas_price('Qwen3-8B', 'cache_read')") == item + "'cache_read'");
    CHECK(db.error("SELECT maas_price('Qwen3-8B', x'6c6f7261')") == item + "a BLOB");
}

TEST_CASE("models must be TEXT", "[errors]") {
    Db db;
    CHECK(db.error("SELECT maas_cost(x'00', 1, 1)") == "maas_cost: model must be a model name (TEXT), got a BLOB");
    CHECK(db.error("SELECT maas_model(x'5177656e332d3842')") ==
          "maas_model: name must be a model name (TEXT), got a BLOB");
    CHECK(db.is_null("SELECT maas_cost(42, 1, 1)"));  // a number is just an unknown name
}

TEST_CASE("wrong numbers of arguments name the function and its signature", "[errors]") {
    Db db;
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1)") ==
          "maas_cost: expected 3 to 5 arguments (model, input_tokens, output_tokens [, at [, variant]]), got 2");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 2, 3, 'batch', 4)") ==
          "maas_cost: expected 3 to 5 arguments (model, input_tokens, output_tokens [, at [, variant]]), got 6");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 2, 3, 4)") ==
          "maas_cost: variant must be a variant name such as 'batch' (letters, digits, '_', '-'), got 4");
    CHECK(
        db.error("SELECT maas_builtin_cost('Qwen3-8B', 1)") ==
        "maas_builtin_cost: expected 3 to 5 arguments (model, input_tokens, output_tokens [, at [, variant]]), got 2");
    CHECK(db.error("SELECT maas_training_cost('Qwen3-8B', 'lora')") ==
          "maas_training_cost: expected 3 to 6 arguments (model, method, tokens [, epochs [, at [, variant]]]), got 2");
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-V3')") ==
          "maas_deployment_cost: expected 2 to 5 arguments (model, hours [, nodes [, at [, variant]]]), got 1");
    CHECK(db.error("SELECT maas_price('DeepSeek-V3')") ==
          "maas_price: expected 2 to 3 arguments (model, item [, at]), got 1");
    CHECK(db.error("SELECT maas_model()") == "maas_model: expected 1 argument (name), got 0");
    CHECK(db.error("SELECT maas_builtin_model('a', 'b')") == "maas_builtin_model: expected 1 argument (name), got 2");
    CHECK(db.error("SELECT maas_load_card()") == "maas_load_card: expected 1 argument (path), got 0");
    CHECK(db.error("SELECT maas_version(1)") == "maas_version: expected 0 arguments (), got 1");
    CHECK(db.error("SELECT maas_debug(1)") == "maas_debug: expected 0 arguments (), got 1");
}

TEST_CASE("costs too large for exact arithmetic are errors, never wrapped numbers", "[errors][overflow]") {
    Db db;
    // INT64_MAX tokens still price exactly: products are held in 128 bits.
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', 9223372036854775807, 9223372036854775807)") ==
          nearest_of("184467440737095516140e-6"));  // (2^63-1) x 0.02 / 1000
    // tokens x epochs x 7 (0.7 is 7e-1) fits in 127 bits up to epochs = 2635249153387078802 ...
    CHECK(db.real("SELECT maas_training_cost('DeepSeek-R1', 'lora', 9223372036854775807, 2635249153387078802)") ==
          nearest_of("170141183460469231694793815568465002498e-4"));
    // ... and one more epoch does not: an error, not a wrapped number.
    CHECK(db.error("SELECT maas_training_cost('DeepSeek-R1', 'lora', 9223372036854775807, 2635249153387078803)") ==
          "maas_training_cost: the cost is too large to compute exactly");
    CHECK(db.error("SELECT maas_training_cost('DeepSeek-R1', 'lora', 9223372036854775807, 9223372036854775807)") ==
          "maas_training_cost: the cost is too large to compute exactly");
    // Exact but beyond the largest double: an error, not Inf.
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-R1', 1e300, 1)") == 1.5e302);
    CHECK(db.error("SELECT maas_deployment_cost('DeepSeek-R1', 1e300, 9223372036854775807)") ==
          "maas_deployment_cost: the cost is too large to compute exactly");
    // Tiny but non-zero hours round to the nearest double, here a subnormal.
    CHECK(db.real("SELECT maas_deployment_cost('Spark Lite', 5e-324)") == 5e-323);
}
