#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/template.hpp"
#include "load/csv.hpp"
#include "load/load.hpp"

namespace folio {

// The typed tables of one document: its [dataset.NAME] tables, each read and
// transformed once, when first asked for (by a block or a template), and the
// CSV files blocks name directly, each read once however many blocks use it.
class DatasetStore {
 public:
  DatasetStore(const Document& doc, Diagnostics& diags, const Limits& limits,
               const std::vector<std::string>& allowed_dirs);

  bool has(std::string_view name) const;
  // The dataset `name`, computed on first use; nullptr after an error (reported once).
  std::shared_ptr<const DataTable> table(std::string_view name);
  // A CSV file named by a block's `data` (its columns' types inferred).
  std::shared_ptr<const DataTable> csv_file(const TextValue& ref);
  // A template path into a dataset: NAME.COLUMN (a dataset of one row),
  // NAME[i].COLUMN (row i from 0; -1 the last), NAME.rows (the row count).
  // nullopt when `path` does not start with a dataset's name.
  std::optional<Lookup> lookup(std::string_view path);

 private:
  std::shared_ptr<const DataTable> compute(const DatasetSpec& spec);
  std::shared_ptr<DataTable> read_csv(const TextValue& ref, const CsvOptions& options);

  const Document& doc_;
  Diagnostics& diags_;
  const Limits& limits_;
  const std::vector<std::string>& allowed_dirs_;
  std::map<std::string, const DatasetSpec*, std::less<>> specs_;
  std::map<std::string, std::shared_ptr<const DataTable>, std::less<>> done_;
  std::set<std::string, std::less<>> failed_;
  std::vector<std::string> computing_;  // for a cycle of `from`s
  std::map<std::string, std::shared_ptr<const DataTable>> csv_files_;
};

}  // namespace folio
