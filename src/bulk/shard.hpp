#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace folio::bulk {

// One of `count` equal shares of a sorted list of documents; `index` is 0-based.
struct Shard {
  int index = 0;
  int count = 1;
  bool operator==(const Shard&) const = default;
};

// The half-open range [begin, end) of items a shard renders. Shares are
// contiguous and differ in size by at most one, so every item belongs to
// exactly one shard and the split depends only on the number of items.
struct IndexRange {
  size_t begin = 0;
  size_t end = 0;
};
IndexRange shard_range(size_t items, Shard shard);

// "K/N" with 1 <= K <= N, as --shard takes it.
std::optional<Shard> parse_shard(std::string_view text);

// Reads an environment variable; nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
EnvLookup process_environment();

struct ShardChoice {
  Shard shard;
  std::string source;  // where it came from, for the progress line: "--shard", "Slurm array", ...
  std::string error;   // non-empty: the flags or variables are inconsistent
};

// The shard this run renders: `--shard K/N` when given; else a Kubernetes
// Indexed Job (JOB_COMPLETION_INDEX, with the number of completions from
// `shard_count` or FOLIO_SHARDS); else a Slurm array job (SLURM_ARRAY_TASK_ID,
// SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_STEP); else all of it.
ShardChoice choose_shard(const std::string& shard_flag, int shard_count, const EnvLookup& env);

}  // namespace folio::bulk
