#pragma once

#include <optional>
#include <string_view>

namespace folio {

// How numbers are written in hand-typed or exported text: "1,234.5" (a point
// for decimals, the default) or "1.234,5" (a comma, as in German or French).
enum class DecimalMark { point, comma };

// The decimal mark of a BCP 47 language tag's language: a comma for "de",
// "fr", "es", ... (most of continental Europe and Latin America), else a point;
// nullopt when `tag` is not a language tag at all.
std::optional<DecimalMark> decimal_mark_of_locale(std::string_view tag);

struct ParsedNumber {
  double value = 0;
  bool percent = false;   // written with a trailing %: value is the fraction (12% -> 0.12)
  bool integral = false;  // written without a decimal part or exponent ("1,457", "$12")
};

// The one reader of numbers written as text, used for CSV cells, manifest cells
// and --set values alike: surrounding spaces, a sign (+, -, or U+2212), a
// currency sign before the digits ($ £ € ¥), thousands separators in groups of
// three (1,457; with DecimalMark::comma: 1.457, 1 457 or 1'457), a decimal
// part, an exponent (without separators) and a trailing %. Anything else, such
// as "1,2", "12 apples" or "", is not a number.
std::optional<ParsedNumber> parse_number_text(std::string_view text,
                                              DecimalMark mark = DecimalMark::point);

}  // namespace folio
