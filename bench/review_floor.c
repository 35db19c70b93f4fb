/* The floor for bench/review.sh: the two A4 pages of
 *
 *   folio render layouts/annual-review.toml --data data/ceop-2008-09.toml
 *
 * drawn with raw pango-cairo calls at fixed positions (those folio's
 * --dump-layout prints), with no document model, no templates and no layout
 * engine: the same texts in the same fonts, sizes and colours, the same
 * paragraphs, tiles, bars, gridlines and rules, page 2's header, both footers,
 * the document's metadata and its outline of four headings. The words come
 * from the data file, read at run time by a small TOML reader, so the floor
 * reads its data as folio does. It does not tag the PDF: compare it with
 * `folio render --no-tags`.
 *
 * The fonts are those of the repository's fonts/ folder (run it from the
 * repository's root, as bench/review.sh does), added to fontconfig as folio
 * adds its own (src/text/fonts.cpp), so that both load, shape and subset the
 * same files.
 *
 *   cc -O2 bench/review_floor.c $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig) \
 *     -o review_floor
 *   ./review_floor OUT.pdf DATA.toml       one review, to OUT.pdf
 *   ./review_floor OUT.pdf DATA.toml N     N reviews in one process, to OUT-1.pdf ... OUT-N.pdf,
 *                                          the data file read again for each (as folio --each does)
 */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a TOML reader for the few forms data/ceop-2008-09.toml uses ----
 * [table] and [table.sub] headers, key = "string" | number | [array], arrays
 * spanning lines. Values are kept raw; the accessors below pick them apart. */

enum { kMaxEntries = 256, kLine = 8192 };

typedef struct {
  char key[128];
  char* value;
} Entry;

typedef struct {
  Entry entries[kMaxEntries];
  int n;
} Data;

/* Bracket depth of `s`, outside strings: an array is whole at depth 0. */
static int depth(const char* s, int d) {
  int quoted = 0;
  for (; *s; s++) {
    if (quoted) {
      if (*s == '\\' && s[1])
        s++;
      else if (*s == '"')
        quoted = 0;
    } else if (*s == '"') {
      quoted = 1;
    } else if (*s == '#') {
      break;  // a comment to the end of the line
    } else if (*s == '[') {
      d++;
    } else if (*s == ']') {
      d--;
    }
  }
  return d;
}

static int read_data(const char* path, Data* data) {
  FILE* f = fopen(path, "r");
  if (!f) return 0;
  data->n = 0;
  char line[kLine], table[96] = "";
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    char* s = line + strspn(line, " \t");
    if (!*s || *s == '#') continue;
    if (*s == '[') {
      char* end = strchr(s, ']');
      if (end) snprintf(table, sizeof table, "%.*s", (int)(end - s - 1), s + 1);
      continue;
    }
    char* eq = strchr(s, '=');
    if (!eq || data->n == kMaxEntries) continue;
    char* key_end = eq;
    while (key_end > s && key_end[-1] == ' ') key_end--;
    *key_end = 0;
    char* value = eq + 1 + strspn(eq + 1, " ");
    Entry* e = &data->entries[data->n++];
    snprintf(e->key, sizeof e->key, "%s%s%s", table, *table ? "." : "", s);
    size_t cap = strlen(value) + 1, len = cap - 1;
    char* raw = malloc(cap);
    memcpy(raw, value, cap);
    /* An array left open continues on the next lines (which reuse `line`). */
    for (int d = depth(raw, 0); d > 0 && fgets(line, sizeof line, f);) {
      line[strcspn(line, "\n")] = 0;
      d = depth(line, d);
      size_t more = strlen(line);
      raw = realloc(raw, cap = len + more + 2);
      raw[len++] = ' ';
      memcpy(raw + len, line, more + 1);
      len += more;
    }
    e->value = raw;
  }
  fclose(f);
  return 1;
}

static void free_data(Data* data) {
  for (int i = 0; i < data->n; i++) free(data->entries[i].value);
  data->n = 0;
}

static const char* raw(const Data* data, const char* key) {
  for (int i = 0; i < data->n; i++)
    if (!strcmp(data->entries[i].key, key)) return data->entries[i].value;
  return NULL;
}

/* The index-th string literal in `s` (0 for a plain string value), unescaped
 * into `out`; NULL when there is none. */
static const char* nth_string(const char* s, int index, char* out, size_t cap) {
  for (int i = 0; s && (s = strchr(s, '"')); i++) {
    size_t n = 0;
    for (s++; *s && *s != '"'; s++) {
      if (*s == '\\' && s[1]) s++;
      if (n + 1 < cap) out[n++] = *s;
    }
    out[n] = 0;
    if (i == index) return out;
    if (*s) s++;
  }
  return NULL;
}

/* A string value, or `fallback` when the key is missing (the layout's `default`). */
static const char* str(const Data* data, const char* key, const char* fallback, char* out,
                       size_t cap) {
  const char* r = nth_string(raw(data, key), 0, out, cap);
  if (r) return r;
  snprintf(out, cap, "%s", fallback);
  return out;
}

static long num(const Data* data, const char* key) {
  const char* r = raw(data, key);
  return r ? atol(r) : -1;
}

enum { kMaxSeries = 8, kMaxValues = 8 };

typedef struct {
  char name[128];
  double values[kMaxValues];
  int n;
} Series;

/* results.series: { name = "...", values = [a, b, c] }, ... */
static int read_series(const Data* data, Series* out) {
  const char* s = raw(data, "results.series");
  int n = 0;
  while (s && n < kMaxSeries && (s = strchr(s, '{'))) {
    const char* end = strchr(s, '}');
    if (!end) break;
    Series* series = &out[n++];
    const char* name = strstr(s, "name");
    if (!name || !nth_string(name, 0, series->name, sizeof series->name)) series->name[0] = 0;
    series->n = 0;
    const char* v = strstr(s, "values");
    v = v ? strchr(v, '[') : NULL;
    for (char* next; v && v < end && *v != ']' && series->n < kMaxValues; v = next) {
      v += strspn(v, "[, ");
      double x = strtod(v, &next);
      if (next == v) break;
      series->values[series->n++] = x;
    }
    s = end + 1;
  }
  return n;
}

/* ---- drawing ---- */

static const double kPageW = 595.28, kPageH = 841.89;
static const double kLeft = 51.02, kTop = 56.69, kWidth = 493.23;
static const unsigned kInk = 0x1c2430, kMuted = 0x5b6675, kAccent = 0x0a5c8a, kRule = 0xc9d2dc;
static const unsigned kPalette[] = {0x0a5c8a, 0xe3812b, 0x2f9c74, 0x8a4f9e, 0xc2413b, 0x7b8794};

/* A face, its size and line height in points, its colour: the theme's roles. */
typedef struct {
  const char* face;
  double size, line;
  unsigned color;
} Style;

static const Style kBody = {"Open Sans", 9.5, 13.3, kInk};
static const Style kSmall = {"Open Sans", 8.07, 11.3, kMuted};
static const Style kLead = {"Open Sans", 12.35, 16.8, kInk};
static const Style kH1 = {"Open Sans Extra-Bold", 25, 34.0, kInk};
static const Style kH2 = {"Open Sans Bold", 14, 19.1, kAccent};
static const Style kH3 = {"Open Sans Bold", 11, 15.0, kInk};
static const Style kStatValue = {"Open Sans Extra-Bold", 26.25, 35.7, kAccent};
static const Style kStatLabel = {"Open Sans Bold", 9.5, 12.9, kInk};
static const Style kStatNote = {"Open Sans", 8.07, 11.0, kMuted};
static const Style kAxis = {"Open Sans", 7.41, 10.1, kMuted};
static const Style kValueLabel = {"Open Sans Semi-Bold", 7.41, 10.1, kInk};
static const Style kCategory = {"Open Sans", 7.79, 10.6, kInk};
static const Style kPull = {"Open Sans Semi-Bold", 13.77, 18.8, kInk};
static const Style kPullMark = {"Open Sans Extra-Bold", 57, 57, kAccent};
static const Style kBy = {"Open Sans Bold", 9.02, 12.6, kAccent};
static const Style kBlockQuote = {"Open Sans Italic", 9.5, 13.3, kInk};
static const Style kTableCaption = {"Open Sans Bold", 9.5, 12.9, kInk};
static const Style kCell = {"Open Sans", 8.74, 11.9, kInk};
static const Style kHeadCell = {"Open Sans Bold", 8.74, 11.9, kInk};
static const Style kNote = {"Open Sans Italic", 7.6, 10.6, kMuted};

typedef struct {
  cairo_t* cr;
  PangoLayout* layout;
  double width;  // of the last text drawn
} Pen;

static void rgb(cairo_t* cr, unsigned hex, double alpha) {
  cairo_set_source_rgba(cr, (hex >> 16 & 255) / 255.0, (hex >> 8 & 255) / 255.0,
                        (hex & 255) / 255.0, alpha);
}

static void fill_rect(cairo_t* cr, double x, double y, double w, double h, unsigned color,
                      double alpha) {
  rgb(cr, color, alpha);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

static void hline(cairo_t* cr, double x0, double x1, double y, double width, unsigned color,
                  double alpha) {
  rgb(cr, color, alpha);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

/* Draws markup with its top-left corner at (x, y), wrapped to `width` and
 * aligned in it; returns its height. */
static double text(Pen* pen, const Style* style, const char* markup, double x, double y,
                   double width, PangoAlignment align) {
  char font[128];
  snprintf(font, sizeof font, "%s %.2f", style->face, style->size);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(pen->layout, desc);
  pango_font_description_free(desc);
  /* Open Sans's own line is 1.362 em; the theme's line heights are set over it. */
  pango_layout_set_line_spacing(pen->layout, (float)(style->line / (style->size * 1.362)));
  pango_layout_set_width(pen->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment(pen->layout, align);
  pango_layout_set_markup(pen->layout, markup, -1);
  rgb(pen->cr, style->color, 1);
  cairo_move_to(pen->cr, x, y);
  pango_cairo_show_layout(pen->cr, pen->layout);
  PangoRectangle ink, logical;
  pango_layout_get_extents(pen->layout, &ink, &logical);
  pen->width = logical.width / (double)PANGO_SCALE;
  return logical.height / (double)PANGO_SCALE;
}

/* Plain text from data, escaped for markup. */
static double plain(Pen* pen, const Style* style, const char* s, double x, double y, double width,
                    PangoAlignment align) {
  char* esc = g_markup_escape_text(s, -1);
  double h = text(pen, style, esc, x, y, width, align);
  g_free(esc);
  return h;
}

static void thousands(double v, char* out) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%.0f", v), o = 0;
  for (int i = 0; i < n; i++) {
    if (i && digits[i - 1] != '-' && (n - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  out[o] = 0;
}

typedef struct {
  Data data;
  Series series[kMaxSeries];
  int n_series, n_categories;
  char categories[kMaxValues][64];
  char org[256], org_short[64], year[64];
} Review;

/* The running header (from page 2) and the footer, with their rules. */
static void page_frame(Pen* pen, const Review* r, int page, const char* section) {
  char buf[512];
  if (page > 1) {
    char* esc = g_markup_escape_text(r->org_short, -1);
    snprintf(buf, sizeof buf, "<b>%s</b> Annual Review %s", esc, r->year);
    g_free(esc);
    text(pen, &kSmall, buf, kLeft, 35.4, kWidth, PANGO_ALIGN_LEFT);
    plain(pen, &kSmall, section, kLeft, 35.4, kWidth, PANGO_ALIGN_RIGHT);
    hline(pen->cr, kLeft, kLeft + kWidth, 51.7, 0.5, kRule, 1);
  }
  hline(pen->cr, kLeft, kLeft + kWidth, 784.5, 0.5, kRule, 1);
  plain(pen, &kSmall, r->org, kLeft, 789.5, kWidth, PANGO_ALIGN_LEFT);
  snprintf(buf, sizeof buf, "Page %d of 2", page);
  plain(pen, &kSmall, buf, kLeft, 789.5, kWidth, PANGO_ALIGN_RIGHT);
}

/* The column chart: gridlines and their labels, one group of bars a category
 * with a value over each bar, the axis, category labels, legend and caption. */
static void chart(Pen* pen, const Review* r, double x0, double y0, const char* caption) {
  cairo_t* cr = pen->cr;
  const Series* shown[kMaxSeries];
  int ns = 0;
  double max = 0;
  for (int s = 0; s < r->n_series; s++) {
    /* The layout's exclude_series: on another scale, the table shows them. */
    if (!strcmp(r->series[s].name, "Professionals trained") ||
        !strcmp(r->series[s].name, "Reports"))
      continue;
    shown[ns++] = &r->series[s];
    for (int i = 0; i < r->series[s].n; i++)
      if (r->series[s].values[i] > max) max = r->series[s].values[i];
  }
  /* A round step (1, 2, 2.5 or 5 times a power of ten) for about four gridlines. */
  double magnitude = 1, step;
  while (magnitude * 10 <= max / 4) magnitude *= 10;
  static const double kSteps[] = {1, 2, 2.5, 5, 10};
  for (int i = 0;; i++)
    if ((step = kSteps[i] * magnitude) >= max / 4 || i == 4) break;
  double top = step * (int)((max + step - 1e-9) / step);
  const double left = x0 + 18.7, right = x0 + kWidth, plot_top = y0 + 5.0, bottom = y0 + 127.1;
  const double scale = (bottom - plot_top) / top;
  char buf[64];
  for (double v = 0; v <= top + 1e-9; v += step) {
    double y = bottom - v * scale;
    hline(cr, left, right, y, 0.5, kRule, 0.6);
    snprintf(buf, sizeof buf, "%.0f", v);
    plain(pen, &kAxis, buf, x0, y - 5.0, 16.7, PANGO_ALIGN_RIGHT);
  }
  int nc = r->n_categories;
  double group = (right - left) / nc, gap = 2.1;
  double bar = (group * 0.8 - (ns - 1) * gap) / ns;
  for (int c = 0; c < nc; c++) {
    double gx = left + c * group + group * 0.1;
    for (int s = 0; s < ns; s++) {
      double v = c < shown[s]->n ? shown[s]->values[c] : 0;
      double x = gx + s * (bar + gap), h = v * scale;
      fill_rect(cr, x, bottom - h, bar, h, kPalette[s % 6], 1);
      snprintf(buf, sizeof buf, "%.0f", v);
      plain(pen, &kValueLabel, buf, x, bottom - h - 11.5, bar, PANGO_ALIGN_CENTER);
    }
    plain(pen, &kCategory, r->categories[c], left + c * group, bottom + 4.0, group,
          PANGO_ALIGN_CENTER);
  }
  hline(cr, left, right, bottom, 0.75, kMuted, 1);
  double x = x0;
  for (int s = 0; s < ns; s++) {
    fill_rect(cr, x, y0 + 150.2, 7, 7, kPalette[s % 6], 1);
    plain(pen, &kCategory, shown[s]->name, x + 10.5, y0 + 148.4, kWidth, PANGO_ALIGN_LEFT);
    x += 10.5 + pen->width + 12;
  }
  plain(pen, &kSmall, caption, x0, y0 + 164.8, kWidth, PANGO_ALIGN_LEFT);
}

/* A quotation: pull (a large mark in the margin, semibold) or block (a bar, italic). */
static void quote(Pen* pen, const Data* d, const char* key, int pull, double y) {
  char k[64], s[2048], by[512];
  double indent = pull ? 30.4 : 13.3;
  snprintf(k, sizeof k, "%s.text", key);
  str(d, k, "", s, sizeof s);
  if (pull)
    text(pen, &kPullMark, "\xe2\x80\x9c", kLeft - 1.9, y - 11.4, indent, PANGO_ALIGN_LEFT);
  else
    fill_rect(pen->cr, kLeft, y, 2.5, 42.9, kAccent, 1);
  plain(pen, pull ? &kPull : &kBlockQuote, s, kLeft + indent, y, kWidth - indent, PANGO_ALIGN_LEFT);
  snprintf(k, sizeof k, "%s.by", key);
  snprintf(by, sizeof by, "\xe2\x80\x94 %s", str(d, k, "", s, sizeof s));
  Style by_style = kBy;
  if (!pull) by_style.color = kInk;
  plain(pen, &by_style, by, kLeft + indent, y + (pull ? 62.0 : 19.0), kWidth - indent,
        PANGO_ALIGN_LEFT);
  snprintf(k, sizeof k, "%s.role", key);
  plain(pen, &kSmall, str(d, k, "", s, sizeof s), kLeft + indent, y + (pull ? 74.6 : 31.6),
        kWidth - indent, PANGO_ALIGN_LEFT);
}

static void page_one(Pen* pen, const Review* r) {
  const Data* d = &r->data;
  char s[2048], buf[2560];
  page_frame(pen, r, 1, "");

  char upper[256];
  snprintf(upper, sizeof upper, "%s", r->org);
  for (char* c = upper; *c; c++)
    if (*c >= 'a' && *c <= 'z') *c -= 32;
  char* esc = g_markup_escape_text(upper, -1);
  snprintf(buf, sizeof buf, "<b>ANNUAL REVIEW %s</b> \xc2\xb7 %s", r->year, esc);
  g_free(esc);
  text(pen, &kSmall, buf, kLeft, kTop, kWidth, PANGO_ALIGN_LEFT);
  plain(pen, &kH1, str(d, "headline.title", "", s, sizeof s), kLeft, kTop + 33.8, kWidth,
        PANGO_ALIGN_LEFT);
  plain(pen, &kLead, str(d, "headline.lead", "", s, sizeof s), kLeft, kTop + 79.2, kWidth,
        PANGO_ALIGN_LEFT);

  static const char* const kStats[4][4] = {
      {"stats.children_safeguarded", "children safeguarded", "notes.children",
       "in the last 12 months"},
      {"stats.arrests", "suspected offenders arrested", "notes.arrests", "in the last 12 months"},
      {"stats.networks", "offender networks disrupted", "notes.networks",
       "disrupted or dismantled"},
      {"stats.reports", "reports received", "notes.reports",
       "from the public, industry and police"},
  };
  const double gap = 7.6, tile = (kWidth - 3 * gap) / 4, pad = 8.55, y = kTop + 143.8;
  for (int i = 0; i < 4; i++) {
    double x = kLeft + i * (tile + gap);
    fill_rect(pen->cr, x, y, tile, 108.9, kAccent, 0.08);
    fill_rect(pen->cr, x, y, tile, 3, kAccent, 1);
    long v = num(d, kStats[i][0]);
    if (v < 0)
      snprintf(buf, sizeof buf, "\xe2\x80\x94");
    else
      thousands(v, buf);
    text(pen, &kStatValue, buf, x + pad, y + 11.6, tile - 2 * pad, PANGO_ALIGN_LEFT);
    text(pen, &kStatLabel, kStats[i][1], x + pad, y + 50.1, tile - 2 * pad, PANGO_ALIGN_LEFT);
    plain(pen, &kStatNote, str(d, kStats[i][2], kStats[i][3], s, sizeof s), x + pad, y + 78.4,
          tile - 2 * pad, PANGO_ALIGN_LEFT);
  }

  plain(pen, &kH2, str(d, "sections.results", "The year in figures", s, sizeof s), kLeft,
        kTop + 266.1, kWidth, PANGO_ALIGN_LEFT);
  plain(pen, &kBody, str(d, "body.results", "", s, sizeof s), kLeft, kTop + 290.7, kWidth,
        PANGO_ALIGN_LEFT);
  chart(pen, r, kLeft, kTop + 355.3, str(d, "results.note", "", s, sizeof s));
  quote(pen, d, "quotes.first", 1, kTop + 546.3);
}

static void page_two(Pen* pen, const Review* r, const char* section) {
  const Data* d = &r->data;
  cairo_t* cr = pen->cr;
  char s[2048], buf[64];
  page_frame(pen, r, 2, section);
  plain(pen, &kH1, section, kLeft, kTop, kWidth, PANGO_ALIGN_LEFT);
  plain(pen, &kBody, str(d, "body.findings", "", s, sizeof s), kLeft, kTop + 44.0, kWidth,
        PANGO_ALIGN_LEFT);

  double y = kTop + 78.2;
  Style bullet = kHeadCell;
  bullet.size = 9.5, bullet.line = 13.3, bullet.color = kAccent;
  for (int i = 0; i < 4 && nth_string(raw(d, "findings"), i, s, sizeof s); i++) {
    text(pen, &bullet, "\xe2\x80\xa2", kLeft + 6.9, y, 10, PANGO_ALIGN_LEFT);
    y += plain(pen, &kBody, s, kLeft + 14.3, y, kWidth - 14.3, PANGO_ALIGN_LEFT) + 3.3;
  }

  /* The table: the series as rows, the categories and their total as columns. */
  const double t = kTop + 206.0, row_h = 18.55, pad = 4.8;
  static const double kEdges[] = {0, 234.8, 324.95, 415.1, 493.23};
  plain(pen, &kTableCaption, str(d, "results.title", "", s, sizeof s), kLeft, t, kWidth,
        PANGO_ALIGN_LEFT);
  double ry = t + 17.2;
  for (int c = 0; c < 4; c++) {
    const char* head = c == 3 ? "Total" : c < r->n_categories ? r->categories[c] : "";
    plain(pen, &kHeadCell, head, kLeft + kEdges[c + 1] - 90, ry + 3.3, 90 - pad, PANGO_ALIGN_RIGHT);
  }
  hline(cr, kLeft, kLeft + kWidth, ry + row_h, 0.75, kInk, 1);
  for (int i = 0; i < r->n_series; i++) {
    ry = t + 35.8 + i * row_h;
    if (i % 2) fill_rect(cr, kLeft, ry, kWidth, row_h, kAccent, 0.07);
    plain(pen, &kCell, r->series[i].name, kLeft + pad, ry + 3.3, kEdges[1] - 2 * pad,
          PANGO_ALIGN_LEFT);
    /* Three years, then the layout's total_column: their sum. */
    double total = 0;
    for (int c = 0; c < 4; c++) {
      double v = c == 3 ? total : c < r->series[i].n ? r->series[i].values[c] : 0;
      total += c < 3 ? v : 0;
      thousands(v, buf);
      plain(pen, &kCell, buf, kLeft + kEdges[c + 1] - 90, ry + 3.3, 90 - pad, PANGO_ALIGN_RIGHT);
    }
    hline(cr, kLeft, kLeft + kWidth, ry + row_h, 0.5, kRule, 1);
  }
  plain(pen, &kNote,
        str(d, "results.notes", "Totals are the sums of the yearly figures.", s, sizeof s), kLeft,
        t + 114.2, kWidth, PANGO_ALIGN_LEFT);

  plain(pen, &kH2, str(d, "sections.reach", "Reaching children and professionals", s, sizeof s),
        kLeft, kTop + 344.2, kWidth, PANGO_ALIGN_LEFT);
  plain(pen, &kBody, str(d, "body.reach", "", s, sizeof s), kLeft, kTop + 368.9, kWidth,
        PANGO_ALIGN_LEFT);
  quote(pen, d, "quotes.second", 0, kTop + 424.0);

  const double box = kTop + 482.1, inset = 11.3;
  fill_rect(cr, kLeft, box, kWidth, 64.7, 0xeef3f7, 1);
  snprintf(s, sizeof s, "About %s", r->org_short);
  plain(pen, &kH3, s, kLeft + inset, box + inset, kWidth - 2 * inset, PANGO_ALIGN_LEFT);
  plain(pen, &kSmall, str(d, "body.about", "", s, sizeof s), kLeft + inset, box + inset + 19.4,
        kWidth - 2 * inset, PANGO_ALIGN_LEFT);
}

static int render(const char* data_path, const char* out) {
  static Review r;
  if (!read_data(data_path, &r.data)) {
    fprintf(stderr, "review_floor: cannot read %s\n", data_path);
    return 0;
  }
  const Data* d = &r.data;
  char title[512], s[2048], h1[512], h2[512], section[512], h4[512];
  str(d, "org.name", "", r.org, sizeof r.org);
  str(d, "org.short", "", r.org_short, sizeof r.org_short);
  str(d, "year.label", "", r.year, sizeof r.year);
  r.n_series = read_series(d, r.series);
  r.n_categories = 0;
  while (r.n_categories < kMaxValues &&
         nth_string(raw(d, "results.categories"), r.n_categories, r.categories[r.n_categories],
                    sizeof r.categories[0]))
    r.n_categories++;

  cairo_surface_t* surface = cairo_pdf_surface_create(out, kPageW, kPageH);
  snprintf(title, sizeof title, "%s Annual Review %s", r.org_short, r.year);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, r.org);
  snprintf(s, sizeof s, "Results of the %s Centre for %s", r.org_short, r.year);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, s);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS,
                                 "child protection, annual review, CEOP");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "review_floor");
  if (raw(d, "year.published")) {
    char date[64];
    snprintf(date, sizeof date, "%.20sT00:00:00Z", str(d, "year.published", "", s, sizeof s));
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  }
  cairo_t* cr = cairo_create(surface);
  Pen pen = {cr, pango_cairo_create_layout(cr), 0};
  pango_layout_set_wrap(pen.layout, PANGO_WRAP_WORD_CHAR);
  /* Sizes in points, as folio sets them (Pango's default is 96 dpi). */
  PangoContext* context = pango_layout_get_context(pen.layout);
  pango_cairo_context_set_resolution(context, 72);
  /* Unhinted metrics and unrounded positions, as folio shapes (src/text/paragraph.cpp):
   * the same line breaks, and glyphs placed where the font puts them. */
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_layout_context_changed(pen.layout);

  page_one(&pen, &r);
  cairo_show_page(cr);
  str(d, "sections.findings", "What the reports tell us", section, sizeof section);
  page_two(&pen, &r, section);
  cairo_show_page(cr);

  /* The outline folio writes from the headings, even untagged. */
  str(d, "headline.title", "", h1, sizeof h1);
  str(d, "sections.results", "The year in figures", h2, sizeof h2);
  str(d, "sections.reach", "Reaching children and professionals", h4, sizeof h4);
  int first = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, h1,
                                            "page=1 pos=[51.02 90.5]", CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline(surface, first, h2, "page=1 pos=[51.02 322.8]", 0);
  int second =
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, section,
                                    "page=2 pos=[51.02 56.7]", CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline(surface, second, h4, "page=2 pos=[51.02 400.9]", 0);

  g_object_unref(pen.layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  int ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  if (!ok) fprintf(stderr, "review_floor: cannot write %s\n", out);
  cairo_surface_destroy(surface);
  free_data(&r.data);
  return ok;
}

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: review_floor OUT.pdf DATA.toml [N]\n");
    return 2;
  }
  /* The repository's fonts, added as folio adds its own: first, so they win. */
  FcConfigAppFontAddDir(FcConfigGetCurrent(), (const FcChar8*)"fonts");
  PangoFontMap* map = pango_cairo_font_map_get_default();
  if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));

  if (argc == 3) return render(argv[2], argv[1]) ? 0 : 1;
  int n = atoi(argv[3]);
  size_t stem = strlen(argv[1]);
  if (stem > 4 && !strcmp(argv[1] + stem - 4, ".pdf")) stem -= 4;
  char path[4096];
  for (int i = 1; i <= n; i++) {
    snprintf(path, sizeof path, "%.*s-%d.pdf", (int)stem, argv[1], i);
    if (!render(argv[2], path)) return 1;
  }
  return 0;
}
