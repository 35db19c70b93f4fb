#include "core/locale.hpp"

#include <vector>

#include "core/language.hpp"

namespace folio {
namespace {

const std::string kNbsp = "\xC2\xA0";            // U+00A0 NO-BREAK SPACE
const std::string kNarrowNbsp = "\xE2\x80\xAF";  // U+202F NARROW NO-BREAK SPACE

Locale make(std::string tag, std::string decimal, std::string group, std::string percent_space,
            std::array<std::string, 12> months,
            Locale::DateOrder order = Locale::DateOrder::day_month_year) {
  Locale l;
  l.tag = std::move(tag);
  l.decimal = std::move(decimal);
  l.group = std::move(group);
  l.percent_space = std::move(percent_space);
  l.months = std::move(months);
  l.date_order = order;
  return l;
}

const std::vector<Locale>& locales() {
  static const std::vector<Locale> all = {
      make("en", ".", ",", "",
           {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"}),
      make("cy", ".", ",", "",
           {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
            "Medi", "Hydref", "Tachwedd", "Rhagfyr"}),
      make("ga", ".", ",", "",
           {"Eanáir", "Feabhra", "Márta", "Aibreán", "Bealtaine", "Meitheamh", "Iúil", "Lúnasa",
            "Meán Fómhair", "Deireadh Fómhair", "Samhain", "Nollaig"}),
      // Month names in the genitive, as a date says them: "5 marca 2026".
      make("pl", ",", kNbsp, "",
           {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
            "września", "października", "listopada", "grudnia"}),
      make("de", ",", ".", kNbsp,
           {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
            "Oktober", "November", "Dezember"},
           Locale::DateOrder::day_dot_month_year),
      make("fr", ",", kNarrowNbsp, kNarrowNbsp,
           {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre"}),
      make("es", ",", ".", kNbsp,
           {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre"}),
      make("it", ",", ".", "",
           {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
            "settembre", "ottobre", "novembre", "dicembre"}),
      make("pt", ",", ".", "",
           {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
            "setembro", "outubro", "novembro", "dezembro"}),
      make("nl", ",", ".", "",
           {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"}),
      make("ro", ",", ".", kNbsp,
           {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
            "septembrie", "octombrie", "noiembrie", "decembrie"}),
      make("lt", ",", kNbsp, kNbsp,
           {"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio",
            "rugsėjo", "spalio", "lapkričio", "gruodžio"}),
      // Arabic, Persian and Urdu keep the digits 0-9 here, as UK public
      // information in these languages usually does.
      make("ar", ".", ",", "",
           {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر"}),
      make("ur", ".", ",", "",
           {"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر",
            "نومبر", "دسمبر"}),
      make("bn", ".", ",", "",
           {"জানুয়ারী", "ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর",
            "অক্টোবর", "নভেম্বর", "ডিসেম্বর"}),
      make("zh", ".", ",", "", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
           Locale::DateOrder::year_month_day_cjk),
      make("ja", ".", ",", "", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
           Locale::DateOrder::year_month_day_cjk),
  };
  return all;
}

}  // namespace

const Locale& default_locale() {
  static const Locale en_gb = [] {
    Locale l = locales().front();
    l.tag = "en-GB";
    return l;
  }();
  return en_gb;
}

const Locale* find_locale(std::string_view tag) {
  std::string lang = primary_language(tag);
  if (lang == "en") return &default_locale();
  for (const auto& l : locales())
    if (l.tag == lang) return &l;
  return nullptr;
}

const Locale& locale_or_default(std::string_view tag) {
  const Locale* l = find_locale(tag);
  return l ? *l : default_locale();
}

std::string known_locales() {
  std::string out;
  for (const auto& l : locales()) out += (out.empty() ? "" : ", ") + l.tag;
  return out;
}

}  // namespace folio
