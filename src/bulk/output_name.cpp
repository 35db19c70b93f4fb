#include "bulk/output_name.hpp"

#include <fmt/format.h>

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

std::string output_name_problem(std::string_view path) {
  constexpr size_t kNameMax = 255;   // NAME_MAX of Linux file systems (ext4, XFS, tmpfs)
  constexpr size_t kPathMax = 4095;  // PATH_MAX less its terminating NUL
  if (path.empty()) return "the file name is empty";
  if (path.size() > kPathMax)
    return fmt::format("the path is {} bytes long; a path can have at most {}", path.size(),
                       kPathMax);
  if (path.back() == '/') return fmt::format("`{}` names a folder, not a file", path);
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view part = path.substr(start, end - start);
    if (part.size() > kNameMax) {
      size_t shown = 40;  // the start of the name, cut at a character boundary
      while (shown > 0 && (static_cast<unsigned char>(part[shown]) & 0xC0) == 0x80) --shown;
      return fmt::format("the file name `{}...` is {} bytes long; a file name can have at most {}",
                         part.substr(0, shown), part.size(), kNameMax);
    }
    if (end == path.size() && (part == "." || part == ".."))
      return fmt::format("`{}` names a folder, not a file", path);
    start = end + 1;
  }
  return "";
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
