#include "load/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string_view>

#include "core/utf8.hpp"
#include "load/file_text.hpp"
#include "load/internal.hpp"

namespace folio {

int close_sqlite(sqlite3* db) {
  return sqlite3_close_v2(db);
}
int finalize_sqlite(sqlite3_stmt* stmt) {
  return sqlite3_finalize(stmt);
}

namespace {

using Statement = Handle<sqlite3_stmt, finalize_sqlite>;

// What the authorizer refused, for a clearer message than SQLite's "not authorized".
struct Refusal {
  std::string what;
};

const char* action_name(int action) {
  switch (action) {
    case SQLITE_INSERT:
      return "INSERT";
    case SQLITE_UPDATE:
      return "UPDATE";
    case SQLITE_DELETE:
      return "DELETE";
    case SQLITE_ATTACH:
      return "ATTACH";
    case SQLITE_DETACH:
      return "DETACH";
    case SQLITE_PRAGMA:
      return "PRAGMA";
    case SQLITE_TRANSACTION:
      return "a transaction";
    case SQLITE_SAVEPOINT:
      return "SAVEPOINT";
    case SQLITE_ANALYZE:
      return "ANALYZE";
    case SQLITE_REINDEX:
      return "REINDEX";
    default:
      return "a statement that changes the database";
  }
}

// Lets a statement read tables and call functions, and nothing else.
int authorize(void* user, int action, const char* arg1, const char* arg2, const char*,
              const char*) {
  auto* refusal = static_cast<Refusal*>(user);
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_FUNCTION: {
      std::string_view name = arg2 ? arg2 : "";
      if (name != "load_extension") return SQLITE_OK;
      refusal->what = "load_extension()";
      return SQLITE_DENY;
    }
    default:
      refusal->what = action_name(action);
      if (action == SQLITE_PRAGMA && arg1) refusal->what += fmt::format(" {}", arg1);
      return SQLITE_DENY;
  }
}

struct Deadline {
  std::chrono::steady_clock::time_point until;
  bool passed = false;
};

// Called every few thousand virtual-machine steps; non-zero stops the query.
int past_deadline(void* user) {
  auto* deadline = static_cast<Deadline*>(user);
  deadline->passed = std::chrono::steady_clock::now() > deadline->until;
  return deadline->passed ? 1 : 0;
}

// The query from where SQLite stopped, for a hint: "near `FROM tabel WHERE ...`".
std::vector<std::string> near_hint(sqlite3* db, const std::string& sql) {
  int offset = sqlite3_error_offset(db);
  if (offset < 0 || static_cast<size_t>(offset) >= sql.size()) return {};
  std::string rest = sql.substr(static_cast<size_t>(offset), 40);
  if (auto nl = rest.find('\n'); nl != std::string::npos) rest.resize(nl);
  return {fmt::format("SQLite stopped at `{}`", rest)};
}

// Whether `tail` (what follows the first statement) holds only spaces,
// semicolons and comments.
bool only_more_statements(sqlite3* db, const char* tail) {
  while (tail && *tail) {
    sqlite3_stmt* raw = nullptr;
    const char* next = nullptr;
    if (sqlite3_prepare_v2(db, tail, -1, &raw, &next) != SQLITE_OK) return true;
    Statement stmt(raw);
    if (stmt) return true;
    if (next == tail) break;
    tail = next;
  }
  return false;
}

}  // namespace

std::optional<SqliteDatabase> SqliteDatabase::open(const std::string& path,
                                                   const std::string& shown, const Span& from,
                                                   Diagnostics& diags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteHandle db(raw);  // allocated even when opening failed
  if (rc != SQLITE_OK) {
    diags.error(from, fmt::format("cannot open the SQLite database `{}`: {}", shown,
                                  db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc)));
    return std::nullopt;
  }
  note_file_read(path);
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_limit(db.get(), SQLITE_LIMIT_ATTACHED, 0);
  char* error = nullptr;
  // Reading the schema here finds a file that is not a database now, at `from`.
  rc = sqlite3_exec(db.get(), "PRAGMA query_only = 1; SELECT count(*) FROM sqlite_schema;", nullptr,
                    nullptr, &error);
  std::unique_ptr<char, FreeWith<sqlite3_free>> message(error);
  if (rc != SQLITE_OK) {
    diags.error(from, fmt::format("cannot read the SQLite database `{}`: {}", shown,
                                  message ? message.get() : sqlite3_errstr(rc)));
    return std::nullopt;
  }
  return SqliteDatabase(std::move(db), shown);
}

std::optional<QueryResult> SqliteDatabase::query(const TextValue& sql, const Limits& limits,
                                                 Diagnostics& diags) const {
  sqlite3* db = db_.get();
  Refusal refusal;
  sqlite3_set_authorizer(db, authorize, &refusal);
  struct Unset {
    sqlite3* db;
    ~Unset() {
      sqlite3_set_authorizer(db, nullptr, nullptr);
      sqlite3_progress_handler(db, 0, nullptr, nullptr);
    }
  } unset{db};

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.text.c_str(), static_cast<int>(sql.text.size()), &raw, &tail);
  Statement stmt(raw);
  if (rc != SQLITE_OK) {
    if (!refusal.what.empty()) {
      diags.error(
          sql.span,
          fmt::format("the query may only read from `{}`; {} is refused", shown_, refusal.what),
          {"folio opens a database read-only: write a single SELECT"});
    } else {
      diags.error(sql.span, fmt::format("the query on `{}` fails: {}", shown_, sqlite3_errmsg(db)),
                  near_hint(db, sql.text));
    }
    return std::nullopt;
  }
  if (!stmt) {
    diags.error(sql.span, "the query is empty; write a SELECT");
    return std::nullopt;
  }
  if (!sqlite3_stmt_readonly(stmt.get())) {
    diags.error(sql.span, fmt::format("the query may only read from `{}`", shown_),
                {"folio opens a database read-only: write a single SELECT"});
    return std::nullopt;
  }
  if (only_more_statements(db, tail)) {
    diags.error(sql.span, "the query holds more than one statement; write a single SELECT");
    return std::nullopt;
  }

  QueryResult result;
  int columns = sqlite3_column_count(stmt.get());
  if (columns == 0) {
    diags.error(sql.span, "the query returns no columns; write a SELECT");
    return std::nullopt;
  }
  for (int c = 0; c < columns; ++c) {
    const char* name = sqlite3_column_name(stmt.get(), c);
    result.columns.emplace_back(name ? name : "");
  }

  Deadline deadline{std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<long>(max_query_seconds * 1000))};
  sqlite3_progress_handler(db, 10000, past_deadline, &deadline);
  auto file = std::make_shared<const std::string>(shown_);
  size_t text_bytes = 0;
  bool ok = true;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    if (result.rows.size() >= limits.max_table_rows) {
      diags.error(
          sql.span,
          fmt::format("the query returns more than {} rows, the limit", limits.max_table_rows),
          {"aggregate in SQL (GROUP BY) or add a LIMIT"});
      return std::nullopt;
    }
    int row = static_cast<int>(result.rows.size()) + 1;
    std::vector<Value> cells(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      Value& cell = cells[static_cast<size_t>(c)];
      cell.span = Span{file, row, c + 1};
      switch (sqlite3_column_type(stmt.get(), c)) {
        case SQLITE_INTEGER:
          cell.content = static_cast<int64_t>(sqlite3_column_int64(stmt.get(), c));
          break;
        case SQLITE_FLOAT:
          cell.content = sqlite3_column_double(stmt.get(), c);
          break;
        case SQLITE_TEXT: {
          const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c));
          std::string text(bytes ? bytes : "",
                           static_cast<size_t>(sqlite3_column_bytes(stmt.get(), c)));
          text_bytes += text.size();
          if (find_invalid_utf8(text) != std::string::npos) {
            diags.error(cell.span, fmt::format("column `{}` of row {} is not valid UTF-8 text",
                                               result.columns[static_cast<size_t>(c)], row));
            ok = false;
          }
          cell.content = std::move(text);
          break;
        }
        case SQLITE_BLOB:
          diags.error(cell.span,
                      fmt::format("column `{}` of row {} is a BLOB; folio reads numbers and text",
                                  result.columns[static_cast<size_t>(c)], row),
                      {"select it as text or leave it out of the query"});
          ok = false;
          break;
        default:
          break;  // NULL: a missing value
      }
    }
    if (text_bytes > limits.max_file_bytes) {
      diags.error(sql.span, fmt::format("the query returns more than {} bytes of text, the limit",
                                        limits.max_file_bytes));
      return std::nullopt;
    }
    result.rows.push_back(std::move(cells));
  }
  if (rc != SQLITE_DONE) {
    if (deadline.passed)
      diags.error(sql.span, fmt::format("the query on `{}` ran longer than {} s and was stopped",
                                        shown_, max_query_seconds));
    else
      diags.error(sql.span, fmt::format("the query on `{}` fails: {}", shown_, sqlite3_errmsg(db)));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return result;
}

std::optional<QueryResult> read_sqlite_query(const TextValue& database, const std::string& base_dir,
                                             const FileAccess& access, const TextValue& sql,
                                             const Limits& limits, Diagnostics& diags) {
  auto real = resolve_inside(database, base_dir, access, "SQLite database", diags);
  if (!real) return std::nullopt;
  auto db = SqliteDatabase::open(*real, database.text, database.span, diags);
  if (!db) return std::nullopt;
  return db->query(sql, limits, diags);
}

}  // namespace folio
