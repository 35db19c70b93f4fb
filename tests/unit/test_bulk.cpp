#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>

#include "bulk/manifest.hpp"
#include "bulk/output_name.hpp"
#include "bulk/shard.hpp"
#include "support.hpp"

using namespace folio;
using namespace folio::bulk;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::vector<size_t> items_of(size_t items, Shard shard) {
  auto r = shard_range(items, shard);
  std::vector<size_t> out;
  for (size_t i = r.begin; i < r.end; ++i) out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("the shards of a list hold every item exactly once") {
  for (size_t items : {0u, 1u, 2u, 7u, 50u, 1001u}) {
    for (int n = 1; n <= 5; ++n) {
      std::vector<int> seen(items, 0);
      size_t smallest = items, largest = 0;
      for (int k = 0; k < n; ++k) {
        auto share = items_of(items, {k, n});
        smallest = std::min(smallest, share.size());
        largest = std::max(largest, share.size());
        for (size_t i : share) ++seen[i];
      }
      for (size_t i = 0; i < items; ++i) CHECK(seen[i] == 1);
      CHECK(largest - smallest <= 1);  // equal shares
    }
  }
  // Stable: the same list splits the same way every time, in order.
  CHECK(items_of(10, {0, 3}) == std::vector<size_t>{0, 1, 2});
  CHECK(items_of(10, {1, 3}) == std::vector<size_t>{3, 4, 5});
  CHECK(items_of(10, {2, 3}) == std::vector<size_t>{6, 7, 8, 9});
}

TEST_CASE("shard K/N is 1-based and checked") {
  CHECK(parse_shard("1/1") == Shard{0, 1});
  CHECK(parse_shard("3/4") == Shard{2, 4});
  CHECK_FALSE(parse_shard("0/4"));
  CHECK_FALSE(parse_shard("5/4"));
  CHECK_FALSE(parse_shard("2"));
  CHECK_FALSE(parse_shard("a/b"));
  CHECK_FALSE(parse_shard("1/0"));
  auto bad = choose_shard("7/3", 0, env_of({}));
  CHECK_THAT(bad.error, Catch::Contains("--shard takes K/N"));
}

TEST_CASE("Kubernetes and Slurm variables give the same split as --shard") {
  for (int n = 1; n <= 5; ++n) {
    for (int k = 1; k <= n; ++k) {
      auto flag = choose_shard(fmt::format("{}/{}", k, n), 0, env_of({}));
      REQUIRE(flag.error.empty());
      // Kubernetes Indexed Job: 0-based JOB_COMPLETION_INDEX; the count from --shard-count or
      // FOLIO_SHARDS.
      auto k8s_flag =
          choose_shard("", n, env_of({{"JOB_COMPLETION_INDEX", std::to_string(k - 1)}}));
      auto k8s_env = choose_shard("", 0,
                                  env_of({{"JOB_COMPLETION_INDEX", std::to_string(k - 1)},
                                          {"FOLIO_SHARDS", std::to_string(n)}}));
      // Slurm: --array=1-N gives task ids from SLURM_ARRAY_TASK_MIN = 1.
      auto slurm = choose_shard("", 0,
                                env_of({{"SLURM_ARRAY_TASK_ID", std::to_string(k)},
                                        {"SLURM_ARRAY_TASK_MIN", "1"},
                                        {"SLURM_ARRAY_TASK_COUNT", std::to_string(n)}}));
      // --array=10-(10+2(N-1)):2
      auto stepped = choose_shard("", 0,
                                  env_of({{"SLURM_ARRAY_TASK_ID", std::to_string(10 + 2 * (k - 1))},
                                          {"SLURM_ARRAY_TASK_MIN", "10"},
                                          {"SLURM_ARRAY_TASK_STEP", "2"},
                                          {"SLURM_ARRAY_TASK_COUNT", std::to_string(n)}}));
      for (const auto* c : {&k8s_flag, &k8s_env, &slurm, &stepped}) {
        CHECK(c->error.empty());
        CHECK(c->shard == flag.shard);
        CHECK(items_of(23, c->shard) == items_of(23, flag.shard));
      }
    }
  }
  // --shard wins over the environment.
  auto both = choose_shard("2/2", 0,
                           env_of({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "5"}}));
  CHECK(both.shard == Shard{1, 2});
  // No flag, no variables: everything.
  auto none = choose_shard("", 0, env_of({}));
  CHECK(none.error.empty());
  CHECK(none.shard == Shard{0, 1});
}

TEST_CASE("inconsistent shard variables are errors, not a silent full build") {
  CHECK_THAT(choose_shard("", 0, env_of({{"JOB_COMPLETION_INDEX", "2"}})).error,
             Catch::Contains("--shard-count"));
  CHECK_THAT(choose_shard("", 2, env_of({{"JOB_COMPLETION_INDEX", "2"}})).error,
             Catch::Contains("outside 0..1"));
  CHECK_THAT(
      choose_shard("", 0, env_of({{"JOB_COMPLETION_INDEX", "x"}, {"FOLIO_SHARDS", "2"}})).error,
      Catch::Contains("not a whole number"));
  CHECK_FALSE(choose_shard("", 0, env_of({{"SLURM_ARRAY_TASK_ID", "3"}})).error.empty());
  CHECK_FALSE(choose_shard("", 3, env_of({})).error.empty());
}

TEST_CASE("values from data cannot leave the output folder") {
  CHECK(sanitize_file_name_part("north-east") == "north-east");
  CHECK(sanitize_file_name_part("../../etc/passwd") == "_.._.._etc_passwd");
  CHECK(sanitize_file_name_part("a\\b") == "a_b");
  CHECK(sanitize_file_name_part("..") == "_..");
  CHECK(sanitize_file_name_part("") == "_");
  CHECK(sanitize_file_name_part("tab\there") == "tab_here");
  auto resolve = [](std::string_view path) -> Lookup {
    if (path == "region.slug") return {Scalar(std::string("../up")), false};
    return {};
  };
  auto e = expand_output_pattern("out/pdf/{{ region.slug }}.pdf", resolve);
  REQUIRE(e.ok());
  CHECK(e.text == "out/pdf/_.._up.pdf");
  CHECK_FALSE(expand_output_pattern("out/{{ nothing }}.pdf", resolve).ok());
}

TEST_CASE("output names that meet are grouped") {
  CHECK(same_file_groups({"out/a.pdf", "out/b.pdf"}).empty());
  auto groups =
      same_file_groups({"out/a.pdf", "out/b.pdf", "out//a.pdf", "./out/b.pdf", "out/c.pdf"});
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == std::vector<size_t>{0, 2});
  CHECK(groups[1] == std::vector<size_t>{1, 3});
}

TEST_CASE("a manifest row becomes a document's data") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/m.csv",
                   "region.name,region.code,stats.children,stats.share,flag\n"
                   "North East,007,139,0.85,true\n"
                   "\"Wales, South\",12,,1e3,no\n"
                   "Short,1\n");
  Diagnostics diags;
  auto rows = read_manifest(dir + "/m.csv", {}, diags);
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);
  auto data_of = [](const ManifestRow& row) {
    Value data;
    Diagnostics errors;
    REQUIRE(apply_assignments(data, row.cells, errors));
    return data;
  };
  Value a = data_of((*rows)[0]);
  CHECK(*find_path(a, "region.name")->string() == "North East");
  CHECK(*find_path(a, "region.code")->string() == "007");  // a code keeps its zeros
  CHECK(std::get<int64_t>(find_path(a, "stats.children")->content) == 139);
  CHECK(std::get<double>(find_path(a, "stats.share")->content) == Approx(0.85));
  CHECK(std::get<bool>(find_path(a, "flag")->content));
  CHECK(find_path(a, "stats.children")->span.line == 2);
  Value b = data_of((*rows)[1]);
  CHECK(*find_path(b, "region.name")->string() == "Wales, South");
  CHECK(find_path(b, "stats.children") == nullptr);  // empty: not set
  CHECK(std::get<double>(find_path(b, "stats.share")->content) == Approx(1000));
  CHECK_FALSE((*rows)[1].errors.has_errors());
  REQUIRE((*rows)[2].errors.has_errors());
  CHECK_THAT(format_diagnostic((*rows)[2].errors.all()[0]),
             Catch::Contains("m.csv:4:1: error: this row has 2 cells"));

  test::write_file(dir + "/bad.csv", "region name,x\n1,2\n");
  Diagnostics bad;
  CHECK_FALSE(read_manifest(dir + "/bad.csv", {}, bad));
  CHECK_THAT(format_diagnostic(bad.all()[0]),
             Catch::Contains("bad.csv:1:1: error: manifest column `region name`"));
}

TEST_CASE("output names that can never be written are found before rendering") {
  CHECK(output_name_problem("out/region-01.pdf") == "");
  CHECK(output_name_problem(std::string(255, 'a')) == "");
  CHECK_THAT(output_name_problem("out/" + std::string(256, 'a') + ".pdf"),
             Catch::Contains("is 260 bytes long; a file name can have at most 255"));
  CHECK_THAT(output_name_problem(std::string(300, 'a') + "/x.pdf"),
             Catch::Contains("is 300 bytes long"));
  CHECK_THAT(output_name_problem(std::string(4096, 'a')), Catch::Contains("a path can have"));
  CHECK_THAT(output_name_problem("out/"), Catch::Contains("names a folder"));
  CHECK_THAT(output_name_problem("out/.."), Catch::Contains("names a folder"));
  CHECK_THAT(output_name_problem(""), Catch::Contains("empty"));
}
