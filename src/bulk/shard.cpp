#include "bulk/shard.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace folio::bulk {
namespace {

std::optional<long> whole_number(std::string_view text) {
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A shard count from an environment variable or a flag; 0 when absent.
std::optional<long> env_number(const EnvLookup& env, const char* name, std::string& error) {
  auto text = env(name);
  if (!text) return std::nullopt;
  auto n = whole_number(*text);
  if (!n) error = fmt::format("{}={} is not a whole number", name, *text);
  return n;
}

}  // namespace

IndexRange shard_range(size_t items, Shard shard) {
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) return {};
  auto at = [&](size_t k) { return items * k / static_cast<size_t>(shard.count); };
  return {at(static_cast<size_t>(shard.index)), at(static_cast<size_t>(shard.index) + 1)};
}

std::optional<Shard> parse_shard(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto k = whole_number(text.substr(0, slash));
  auto n = whole_number(text.substr(slash + 1));
  if (!k || !n || *n < 1 || *k < 1 || *k > *n || *n > 1000000) return std::nullopt;
  return Shard{static_cast<int>(*k - 1), static_cast<int>(*n)};
}

EnvLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

ShardChoice choose_shard(const std::string& shard_flag, int shard_count, const EnvLookup& env) {
  ShardChoice choice;
  if (!shard_flag.empty()) {
    if (auto s = parse_shard(shard_flag)) {
      choice.shard = *s;
      choice.source = "--shard";
    } else {
      choice.error = fmt::format("--shard takes K/N with 1 <= K <= N, not `{}`", shard_flag);
    }
    return choice;
  }
  std::string error;
  if (auto index = env_number(env, "JOB_COMPLETION_INDEX", error); index || !error.empty()) {
    long count = shard_count;
    if (count == 0) count = env_number(env, "FOLIO_SHARDS", error).value_or(0);
    if (error.empty() && count < 1)
      error =
          "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but the number of shards "
          "is not: pass --shard-count with the job's completions, or set FOLIO_SHARDS";
    if (error.empty() && (*index < 0 || *index >= count))
      error = fmt::format("JOB_COMPLETION_INDEX={} is outside 0..{}", *index, count - 1);
    choice.error = error;
    if (error.empty()) choice.shard = {static_cast<int>(*index), static_cast<int>(count)};
    choice.source = "Kubernetes Indexed Job";
    return choice;
  }
  if (auto id = env_number(env, "SLURM_ARRAY_TASK_ID", error); id || !error.empty()) {
    long count = env_number(env, "SLURM_ARRAY_TASK_COUNT", error).value_or(0);
    long min = env_number(env, "SLURM_ARRAY_TASK_MIN", error).value_or(0);
    long step = env_number(env, "SLURM_ARRAY_TASK_STEP", error).value_or(1);
    if (error.empty() && (count < 1 || step < 1))
      error = "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not a positive number";
    long index = error.empty() ? (*id - min) / step : 0;
    if (error.empty() && ((*id - min) % step != 0 || index < 0 || index >= count))
      error =
          fmt::format("SLURM_ARRAY_TASK_ID={} is not one of the {} tasks from {} in steps of {}",
                      *id, count, min, step);
    choice.error = error;
    if (error.empty()) choice.shard = {static_cast<int>(index), static_cast<int>(count)};
    choice.source = "Slurm array job";
    return choice;
  }
  if (shard_count > 0)
    choice.error =
        "--shard-count is for Kubernetes Indexed Jobs, where JOB_COMPLETION_INDEX is set; "
        "use --shard K/N to pick a share by hand";
  return choice;
}

}  // namespace folio::bulk
