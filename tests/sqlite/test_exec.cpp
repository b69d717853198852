// test_exec.cpp - maas_exec through the SQLite API with build/maas.so loaded:
// the statements run and their count, errors naming the statement, schema
// changes from within a SELECT over several rows (how the usage reports
// pick an adapter per detected tool), NULL, non-TEXT, text without a
// statement, nesting and its limit, and the flags that keep it out of views
// and triggers.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

namespace {

// s as an SQL string literal.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// `SELECT 1` inside `depth` calls of maas_exec, each running the next.
std::string nested(int depth) {
    std::string sql = "SELECT 1";
    for (int k = 0; k < depth; ++k) sql = "SELECT maas_exec(" + quoted(sql) + ")";
    return sql;
}

}  // namespace

TEST_CASE("maas_exec runs every statement and counts them", "[exec]") {
    Db db;
    CHECK(db.value("SELECT maas_exec('CREATE TABLE a(x); INSERT INTO a VALUES (1), (2); UPDATE a SET x = x + 1')") ==
          "3");
    CHECK(db.value("SELECT sum(x) FROM a") == "5");
    CHECK(db.value("SELECT typeof(maas_exec('SELECT 1'))") == "integer");
    // Rows are read to the end and discarded; a write that returns rows writes them all.
    CHECK(db.value("SELECT maas_exec('SELECT * FROM a; SELECT 1')") == "2");
    CHECK(db.value("SELECT maas_exec('INSERT INTO a VALUES (5), (6) RETURNING x')") == "1");
    CHECK(db.value("SELECT count(*) FROM a") == "4");
    // Empty statements, comments and white space are no statements.
    CHECK(db.value("SELECT maas_exec('SELECT 1;;; -- done')") == "1");
    CHECK(db.value("SELECT maas_exec('/* one */ SELECT 1; /* two */ SELECT 2 /* end */')") == "2");
    // A transaction may be opened and closed inside.
    CHECK(db.value("SELECT maas_exec('BEGIN; INSERT INTO a VALUES (7); COMMIT')") == "3");
    CHECK(db.value("SELECT count(*) FROM a") == "5");
    // The statements run on the calling connection: temp objects are its own.
    CHECK(db.value("SELECT maas_exec('CREATE TEMP TABLE t(x)')") == "1");
    CHECK(db.value("SELECT count(*) FROM temp.t") == "0");
}

TEST_CASE("maas_exec: text without a statement runs nothing and answers 0", "[exec]") {
    Db db;
    for (const char* sql : {"''", "'   '", "char(10, 9, 13)", "'-- a comment'", "'/* a comment */'", "';'", "';;;'",
                            "' ; -- x' || char(10) || ' /* y */ ;'"}) {
        INFO(sql);
        CHECK(db.value(std::string("SELECT maas_exec(") + sql + ")") == "0");
    }
}

TEST_CASE("maas_exec: NULL gives NULL, anything but TEXT is an error", "[exec][errors]") {
    Db db;
    CHECK(db.is_null("SELECT maas_exec(NULL)"));
    CHECK(db.is_null("SELECT maas_exec(CAST(NULL AS TEXT))"));
    const std::string must = "maas_exec: sql must be TEXT holding SQL statements, got ";
    CHECK(db.error("SELECT maas_exec(1)") == must + "1");
    CHECK(db.error("SELECT maas_exec(1.5)") == must + "1.5");
    CHECK(db.error("SELECT maas_exec(x'53454c4543542031')") == must + "a BLOB");  // 'SELECT 1' as a BLOB
    CHECK(db.value("SELECT maas_exec(CAST(x'53454c4543542031' AS TEXT))") == "1");
    CHECK(db.error("SELECT maas_exec()") == "maas_exec: expected 1 argument (sql), got 0");
    CHECK(db.error("SELECT maas_exec('SELECT 1', 'SELECT 2')") == "maas_exec: expected 1 argument (sql), got 2");
    // SQLite stops reading SQL at a NUL: what follows would silently not run.
    CHECK(db.error("SELECT maas_exec('SELECT 1;' || char(0) || 'DROP TABLE x')") ==
          "maas_exec: sql must be TEXT without NUL bytes, got 'SELECT 1;?DROP TABLE x'");
}

TEST_CASE("maas_exec: an error names the statement, and the ones before it took effect", "[exec][errors]") {
    Db db;
    CHECK(db.error("SELECT maas_exec('SELECT 1; SELECT nope')") == "maas_exec: statement 2: no such column: nope");
    CHECK(db.error("SELECT maas_exec('SELECT 1; SELEC 2')") == "maas_exec: statement 2: near \"SELEC\": syntax error");
    CHECK(db.error("SELECT maas_exec('-- first' || char(10) || 'SELECT * FROM missing')") ==
          "maas_exec: statement 1: no such table: missing");
    CHECK(db.error("SELECT maas_exec('SELECT 1; SELECT ''open')") ==
          "maas_exec: statement 2: unrecognized token: \"'open\"");
    // Errors while a statement runs, not only when it is prepared.
    CHECK(db.error("SELECT maas_exec('SELECT abs(-9223372036854775808)')") ==
          "maas_exec: statement 1: integer overflow");
    db.exec("CREATE TABLE u(x UNIQUE)");
    CHECK(
        db.error("SELECT maas_exec('INSERT INTO u VALUES (1); INSERT INTO u VALUES (1); INSERT INTO u VALUES (3)')") ==
        "maas_exec: statement 2: UNIQUE constraint failed: u.x");
    CHECK(db.value("SELECT group_concat(x) FROM u") == "1");  // the first ran, the third never did
    // Another function's error keeps its own name.
    CHECK(db.error("SELECT maas_exec('SELECT maas_cost(''Qwen3-8B'', -1, 0)')") ==
          "maas_exec: statement 1: maas_cost: input_tokens must be a non-negative integer, got -1");
    // The connection is fine afterwards.
    CHECK(db.value("SELECT maas_exec('SELECT 1')") == "1");
}

TEST_CASE("maas_exec: schema changes from within a SELECT over several rows", "[exec]") {
    Db db;
    db.exec("CREATE TEMP TABLE detected(adapter TEXT); INSERT INTO detected VALUES ('newapi'), ('litellm'), ('llm')");
    // One view per row, made while the rows are read.
    CHECK(db.value("SELECT sum(maas_exec('CREATE TEMP VIEW from_' || adapter || ' AS SELECT ' || quote(adapter) ||"
                   " ' AS source')) FROM detected") == "3");
    CHECK(db.value("SELECT (SELECT source FROM from_newapi) || ',' || (SELECT source FROM from_litellm) || ',' ||"
                   " (SELECT source FROM from_llm)") == "newapi,litellm,llm");
    // The same view replaced at each row: the last row's stays.
    CHECK(db.value("SELECT group_concat(maas_exec('DROP VIEW IF EXISTS temp.chosen; CREATE TEMP VIEW chosen AS "
                   "SELECT ' || quote(adapter) || ' AS source'), ',') FROM detected") == "2,2,2");
    CHECK(db.value("SELECT source FROM chosen") == "llm");
    // Tables too, and rows in them, in the main database.
    CHECK(db.value("SELECT sum(maas_exec('CREATE TABLE made_' || adapter || '(x); INSERT INTO made_' || adapter ||"
                   " ' VALUES (1)')) FROM detected") == "6");
    CHECK(db.value("SELECT count(*) FROM made_newapi JOIN made_litellm JOIN made_llm") == "1");
    // A view over an optional table: chosen at run time, as the reports do.
    const std::string choose = "SELECT maas_exec(CASE WHEN EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'turns')"
                               " THEN 'CREATE TEMP VIEW turns_or_none AS SELECT model FROM turns'"
                               " ELSE 'CREATE TEMP VIEW turns_or_none AS SELECT NULL AS model WHERE 0' END)";
    CHECK(db.value(choose) == "1");
    CHECK(db.value("SELECT count(*) FROM turns_or_none") == "0");
    db.exec("DROP VIEW turns_or_none; CREATE TABLE turns(model TEXT); INSERT INTO turns VALUES ('Qwen3-8B')");
    CHECK(db.value(choose) == "1");
    CHECK(db.value("SELECT model FROM turns_or_none") == "Qwen3-8B");
    // The table being read cannot be dropped under the statement that reads it.
    CHECK(db.error("SELECT maas_exec('DROP TABLE temp.detected') FROM detected") ==
          "maas_exec: statement 1: database table is locked");
    // The SQL is copied before it runs: a statement may change the row it came from.
    db.exec("CREATE TABLE cmds(s TEXT); INSERT INTO cmds VALUES ('UPDATE cmds SET s = ''SELECT nope''; SELECT 1')");
    CHECK(db.value("SELECT maas_exec(s) FROM cmds") == "2");
    CHECK(db.value("SELECT s FROM cmds") == "SELECT nope");
}

TEST_CASE("maas_exec: nested calls, at most 16 deep", "[exec]") {
    Db db;
    CHECK(db.value("SELECT maas_exec('SELECT maas_exec(''CREATE TABLE inner_made(x)'')')") == "1");
    CHECK(db.value("SELECT count(*) FROM inner_made") == "0");
    CHECK(db.error("SELECT maas_exec('SELECT 1; SELECT maas_exec(''SELECT nope'')')") ==
          "maas_exec: statement 2: maas_exec: statement 1: no such column: nope");
    CHECK(db.value(nested(16)) == "1");
    const std::string limit = "maas_exec: nested more than 16 deep (SQL that runs maas_exec again and again)";
    std::string wrapped;
    for (int k = 0; k < 16; ++k) wrapped += "maas_exec: statement 1: ";
    CHECK(db.error(nested(17)) == wrapped + limit);
    // SQL that runs itself again, read from a table: stopped, no stack overflow.
    db.exec("CREATE TABLE again(s TEXT); INSERT INTO again VALUES ('SELECT maas_exec(s) FROM again')");
    CHECK(db.error("SELECT maas_exec(s) FROM again") == wrapped + limit);
    // The depth is counted back down: the connection nests 16 deep again.
    CHECK(db.value(nested(16)) == "1");
}

TEST_CASE("maas_exec is SQLITE_DIRECTONLY: never from a view or trigger", "[exec][flags]") {
    Db db;
    db.exec("CREATE VIEW runs AS SELECT maas_exec('CREATE TABLE from_view(x)') AS n");
    CHECK(db.error("SELECT n FROM runs") == "unsafe use of maas_exec()");
    db.exec("CREATE TABLE logs(x); CREATE TABLE audit(n);"
            "CREATE TRIGGER logs_exec AFTER INSERT ON logs BEGIN"
            " INSERT INTO audit VALUES (maas_exec('CREATE TABLE from_trigger(x)')); END");
    CHECK(db.error("INSERT INTO logs VALUES (1)") == "unsafe use of maas_exec()");
    CHECK(db.value("SELECT count(*) FROM sqlite_schema WHERE name IN ('from_view', 'from_trigger')") == "0");
    // Not deterministic: no index or generated column may hold it.
    CHECK(db.error("CREATE TABLE g(s TEXT, n GENERATED ALWAYS AS (maas_exec(s)))") ==
          "non-deterministic functions prohibited in generated columns");
}
