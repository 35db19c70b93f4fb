#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "load/sqlite.hpp"
#include "support.hpp"

using namespace folio;

namespace {

// A database built with the SQLite library itself (writable, unlike folio's connections).
std::string make_database(const std::string& dir, const std::string& sql) {
  std::string path = dir + "/t.db";
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  SqliteHandle db(raw);
  char* error = nullptr;
  int rc = sqlite3_exec(db.get(), sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  REQUIRE(rc == SQLITE_OK);
  return path;
}

TextValue query_text(std::string sql) {
  return TextValue{std::move(sql), Span{std::make_shared<const std::string>("layout.toml"), 7, 9}};
}

const char* kPeople =
    "CREATE TABLE people(name TEXT, age INTEGER, height REAL, note TEXT, photo BLOB);"
    "INSERT INTO people VALUES ('Ada', 36, 1.65, NULL, NULL), ('Brian', 41, 1.8, 'x', NULL);";

}  // namespace

TEST_CASE("a SQLite query gives column names and typed cells with row/column positions") {
  auto dir = test::temp_dir();
  auto path = make_database(dir, kPeople);
  Diagnostics diags;
  auto db = SqliteDatabase::open(path, "t.db", {}, diags);
  REQUIRE(db);
  auto result =
      db->query(query_text("SELECT name, age, height, note FROM people ORDER BY age"), {}, diags);
  REQUIRE(result);
  CHECK(diags.empty());
  CHECK(result->columns == std::vector<std::string>{"name", "age", "height", "note"});
  REQUIRE(result->rows.size() == 2);
  const auto& ada = result->rows[0];
  CHECK(*ada[0].string() == "Ada");
  CHECK(std::get<int64_t>(ada[1].content) == 36);
  CHECK(std::get<double>(ada[2].content) == Approx(1.65));
  CHECK(std::holds_alternative<std::monostate>(ada[3].content));  // NULL: missing
  CHECK(*result->rows[1][3].string() == "x");
  CHECK(result->rows[1][2].span.file_name() == "t.db");
  CHECK(result->rows[1][2].span.line == 2);
  CHECK(result->rows[1][2].span.column == 3);
}

TEST_CASE("a SQLite query can not write, attach, pragma or load extensions") {
  auto dir = test::temp_dir();
  auto path = make_database(dir, kPeople);
  Diagnostics open_diags;
  auto db = SqliteDatabase::open(path, "t.db", {}, open_diags);
  REQUIRE(db);
  auto refused = [&](const std::string& sql, const std::string& says, int line = 7) {
    Diagnostics diags;
    CHECK_FALSE(db->query(query_text(sql), {}, diags));
    REQUIRE(diags.error_count() == 1);
    INFO(diags.all()[0].message);
    CHECK(diags.all()[0].message.find(says) != std::string::npos);
    CHECK(diags.all()[0].span.line == line);  // at the query, or a cell's row
  };
  refused("INSERT INTO people(name) VALUES ('Eve')", "may only read");
  refused("DELETE FROM people", "may only read");
  refused("UPDATE people SET age = 1", "may only read");
  refused("DROP TABLE people", "may only read");
  refused("ATTACH DATABASE '" + dir + "/other.db' AS other", "ATTACH");
  refused("PRAGMA writable_schema = 1", "PRAGMA");
  refused("SELECT load_extension('/tmp/evil.so')", "load_extension");
  refused("SELECT 1; DELETE FROM people", "more than one statement");
  refused("SELECT nam FROM people", "no such column: nam");
  refused("SELECT photo FROM people UNION ALL SELECT x'00ff'", "BLOB", 3);  // the third row
  refused("", "empty");

  // The table is untouched, and no file appeared beside it.
  Diagnostics diags;
  auto count =
      db->query(query_text("SELECT count(*) AS n FROM people; -- trailing comment"), {}, diags);
  REQUIRE(count);
  CHECK(std::get<int64_t>(count->rows[0][0].content) == 2);
  CHECK_FALSE(std::filesystem::exists(dir + "/other.db"));
}

TEST_CASE("a SQLite query is bounded in rows") {
  auto dir = test::temp_dir();
  auto path = make_database(dir, kPeople);
  Diagnostics diags;
  auto db = SqliteDatabase::open(path, "t.db", {}, diags);
  REQUIRE(db);
  Limits limits;
  limits.max_table_rows = 100;
  auto endless = db->query(query_text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                      "FROM n) SELECT i FROM n"),
                           limits, diags);
  CHECK_FALSE(endless);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("more than 100 rows") != std::string::npos);
}

TEST_CASE("a SQLite database must exist, be a database, and lie inside the sandbox") {
  auto dir = test::temp_dir();
  std::filesystem::create_directories(dir + "/layout");
  std::string inside = make_database(dir, kPeople);
  std::filesystem::rename(inside, dir + "/layout/people.db");
  test::write_file(dir + "/layout/notes.db", "not a database at all, just text\n");
  make_database(dir, kPeople);  // dir/t.db, outside the layout's folder
  auto span = Span{std::make_shared<const std::string>("layout.toml"), 3, 10};
  auto sql = query_text("SELECT name FROM people");

  Diagnostics diags;
  auto ok = read_sqlite_query({"people.db", span}, dir + "/layout", FileAccess{dir + "/layout", {}},
                              sql, {}, diags);
  REQUIRE(ok);
  CHECK(ok->rows.size() == 2);

  Diagnostics outside;
  CHECK_FALSE(read_sqlite_query({"../t.db", span}, dir + "/layout", FileAccess{dir + "/layout", {}},
                                sql, {}, outside));
  REQUIRE(outside.error_count() == 1);
  CHECK(outside.all()[0].message.find("outside the layout's folder") != std::string::npos);
  CHECK(outside.all()[0].span.line == 3);
  Diagnostics allowed;
  CHECK(read_sqlite_query({"../t.db", span}, dir + "/layout", FileAccess{dir + "/layout", {dir}},
                          sql, {}, allowed));

  Diagnostics missing;
  CHECK_FALSE(read_sqlite_query({"nope.db", span}, dir + "/layout", FileAccess{dir + "/layout", {}},
                                sql, {}, missing));
  CHECK(missing.all().at(0).message.find("cannot find the SQLite database") != std::string::npos);

  Diagnostics not_db;
  CHECK_FALSE(read_sqlite_query({"notes.db", span}, dir + "/layout",
                                FileAccess{dir + "/layout", {}}, sql, {}, not_db));
  REQUIRE(not_db.error_count() == 1);
  CHECK(not_db.all()[0].message.find("not a database") != std::string::npos);
  CHECK(not_db.all()[0].span.line == 3);
}
