#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/template.hpp"

namespace folio::bulk {

// A value from data made safe to use as (part of) one file name: '/', '\' and
// control characters become '_', and '_' goes before a leading '.' (so ".."
// stays a name) and stands for an empty value, so data can never point a
// document outside the folder the pattern names.
std::string sanitize_file_name_part(std::string_view value);

// Expands an output pattern such as "out/{{ region.slug }}.pdf" with every
// expanded value sanitised. The pattern's own '/' are kept.
Expansion expand_output_pattern(std::string_view pattern, const Resolver& resolve);

// Why `path` (an expanded pattern) can never be written as a file, or empty
// when it can: a file name (each part between '/') longer than 255 bytes, a
// path longer than 4095, a name that is empty or names a folder ("out/", "..").
// Checked before anything renders, so a bulk build does not render a document
// only to fail writing it.
std::string output_name_problem(std::string_view path);

// Groups of indices of `paths` that name the same file (after "a/./b" and
// "a//b" are normalised), each group in ascending order; empty when all differ.
std::vector<std::vector<size_t>> same_file_groups(const std::vector<std::string>& paths);

}  // namespace folio::bulk
