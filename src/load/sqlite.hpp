#pragma once

// SQLite as a data source: a database file opened read-only and one SELECT
// run on it, giving named columns and rows of cells.
//
// A query can only read. The connection is opened with SQLITE_OPEN_READONLY,
// `PRAGMA query_only` is set, and an authorizer refuses anything but reading
// tables and calling functions: no INSERT/UPDATE/DELETE, no ATTACH (which would
// open a second file outside the sandbox), no PRAGMA, no load_extension().
// Triggers are off and the schema is not trusted, so a hostile database cannot
// run code through a view or trigger either. A query may return at most
// Limits::max_table_rows rows and runs for at most `max_query_seconds`.

#include <optional>
#include <string>
#include <vector>

#include "core/c_handle.hpp"
#include "core/diagnostic.hpp"
#include "load/load.hpp"
#include "load/sandbox.hpp"
#include "model/value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace folio {

// What a query returned. Each cell is a Value: INTEGER -> int64_t, REAL ->
// double, TEXT -> std::string, NULL -> std::monostate (a missing value). A
// cell's span names the database file with the 1-based row of the result as
// its line and the 1-based column as its column, so an error about one cell
// reads `people.db:12:3: error: ...` (row 12, third column).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// How long a query may run before it is stopped (a recursive CTE can run forever).
inline constexpr double max_query_seconds = 30;

int close_sqlite(sqlite3* db);  // sqlite3_close_v2, named so the header needs no <sqlite3.h>
int finalize_sqlite(sqlite3_stmt* stmt);
using SqliteHandle = Handle<sqlite3, close_sqlite>;

// An open, read-only database connection. Not shared between threads: each
// thread opens its own (opening is cheap next to a query).
class SqliteDatabase {
 public:
  // Opens `path` read-only. `shown` is the name diagnostics use (the path as
  // the user wrote it) and `from` where it was named. nullopt, with the error
  // in `diags`, when the file cannot be opened or is not a SQLite database.
  static std::optional<SqliteDatabase> open(const std::string& path, const std::string& shown,
                                            const Span& from, Diagnostics& diags);

  // Runs one read-only statement. Errors (a syntax error, an unknown table, a
  // write, a BLOB cell, too many rows) are reported at `sql.span`, with the
  // part of the query SQLite stopped at as a hint.
  std::optional<QueryResult> query(const TextValue& sql, const Limits& limits,
                                   Diagnostics& diags) const;

 private:
  SqliteDatabase(SqliteHandle db, std::string shown)
      : db_(std::move(db)), shown_(std::move(shown)) {}
  SqliteHandle db_;
  std::string shown_;
};

// The dataset form: `database` is a path relative to `base_dir`, checked
// against the sandbox like a CSV file (it must lie in the layout's folder tree
// or an --allow-path folder), then opened and queried.
std::optional<QueryResult> read_sqlite_query(const TextValue& database, const std::string& base_dir,
                                             const FileAccess& access, const TextValue& sql,
                                             const Limits& limits, Diagnostics& diags);

}  // namespace folio
