#include "support.hpp"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/c_handle.hpp"

namespace folio::test {

std::string source_path(const std::string& relative) {
  return std::string(FOLIO_SOURCE_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool file_exists(const std::string& path) {
  return std::filesystem::exists(path);
}

std::string make_sqlite(const std::string& path, const std::string& sql) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open(path.c_str(), &raw);
  Handle<sqlite3, sqlite3_close_v2> db(raw);
  if (rc != SQLITE_OK) return sqlite3_errstr(rc);
  char* error = nullptr;
  rc = sqlite3_exec(db.get(), sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : (rc == SQLITE_OK ? "" : sqlite3_errstr(rc));
  sqlite3_free(error);
  return message;
}

std::string temp_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             fmt::format("folio-test-{}-{}", ::getpid(), counter++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

CommandResult run_folio(const std::string& arguments) {
  return run_shell(fmt::format("'{}' {}", FOLIO_BINARY, arguments));
}

CommandResult run_shell(const std::string& shell_command) {
  std::string command = fmt::format("cd '{}' && {} 2>&1", FOLIO_SOURCE_DIR, shell_command);
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {-1, "popen failed"};
  std::array<char, 4096> buffer{};
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string pdf_objects(const std::string& path) {
  std::string out = path + ".qdf";
  auto r = run_shell(fmt::format("qpdf --qdf --object-streams=disable '{}' '{}'", path, out));
  if (r.exit_code != 0 && r.exit_code != 3) return {};  // 3: warnings
  std::string text = read_file(out);
  std::remove(out.c_str());
  return text;
}

std::optional<Built> build_text(const std::string& layout, Diagnostics& diags,
                                const std::string& data) {
  std::string dir = temp_dir();
  write_file(dir + "/layout.toml", layout);
  BuildOptions options;
  if (!data.empty()) {
    write_file(dir + "/data.toml", data);
    options.load.data_files.push_back(dir + "/data.toml");
  }
  return build(dir + "/layout.toml", options, diags);
}

std::string pdf_tree(const std::string& path) {
  auto r = run_shell("/usr/bin/python3 tests/scripts/pdf_tree.py '" + path + "'");
  return r.exit_code == 0 ? r.output : "pdf_tree.py failed: " + r.output;
}

std::vector<std::string> pdf_page_texts(const std::string& path) {
  std::vector<std::string> pages;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    auto bytes = page->text().to_utf8();
    pages.emplace_back(bytes.begin(), bytes.end());
  }
  return pages;
}

}  // namespace folio::test
