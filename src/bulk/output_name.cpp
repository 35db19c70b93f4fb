#include "bulk/output_name.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace folio::bulk {

std::string sanitize_file_name_part(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    bool unsafe = c == '/' || c == '\\' || u < 0x20 || u == 0x7f;
    out += unsafe ? '_' : c;
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

Expansion expand_output_pattern(std::string_view pattern, const Resolver& resolve) {
  return expand_template(pattern, resolve, sanitize_file_name_part, 4096);
}

std::vector<std::vector<size_t>> same_file_groups(const std::vector<std::string>& paths) {
  std::map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < paths.size(); ++i)
    by_name[std::filesystem::path(paths[i]).lexically_normal().string()].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [name, indices] : by_name)
    if (indices.size() > 1) groups.push_back(std::move(indices));
  std::sort(groups.begin(), groups.end());
  return groups;
}

}  // namespace folio::bulk
