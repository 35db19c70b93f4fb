/* The floor for bench/bulk.sh: the page of bench/leaflet-page.toml drawn with
 * raw pango-cairo calls at fixed positions, with no document model, no
 * templates and no layout engine, one PDF per data file, in one process.
 * Whatever folio spends beyond this is the price of its generality.
 *
 *   cc -O2 bench/floor.c $(pkg-config --cflags --libs pangocairo) -o floor
 *   ./floor OUT_FOLDER DATA_FILE...
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kMax = 4096 };

typedef struct {
  char name[256], slug[256], lead[kMax], body1[kMax], body2[kMax];
  char quote[kMax], by[256], role[256];
  long stats[4];
} Region;

/* Reads the flat files bench/gen_data.py writes: [table] lines and key = value. */
static int read_region(const char* path, Region* r) {
  FILE* f = fopen(path, "r");
  if (!f) return 0;
  memset(r, 0, sizeof *r);
  static char line[kMax * 2];
  char table[64] = "";
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    if (line[0] == '[') {
      snprintf(table, sizeof table, "%.*s", (int)(strchr(line, ']') - line - 1), line + 1);
      continue;
    }
    char* eq = strstr(line, " = ");
    if (!eq) continue;
    *eq = 0;
    const char* key = line;
    char* value = eq + 3;
    if (value[0] == '"') {
      value++;
      value[strlen(value) - 1] = 0;
    }
    char* dst = NULL;
    size_t cap = kMax;
    if (!strcmp(table, "region")) {
      if (!strcmp(key, "name"))
        dst = r->name, cap = 256;
      else if (!strcmp(key, "slug"))
        dst = r->slug, cap = 256;
      else if (!strcmp(key, "lead"))
        dst = r->lead;
      else if (!strcmp(key, "body1"))
        dst = r->body1;
      else if (!strcmp(key, "body2"))
        dst = r->body2;
    } else if (!strcmp(table, "quote")) {
      if (!strcmp(key, "text"))
        dst = r->quote;
      else if (!strcmp(key, "by"))
        dst = r->by, cap = 256;
      else if (!strcmp(key, "role"))
        dst = r->role, cap = 256;
    } else if (!strcmp(table, "stats")) {
      static const char* keys[4] = {"children", "arrests", "reports", "visits"};
      for (int i = 0; i < 4; i++)
        if (!strcmp(key, keys[i])) r->stats[i] = atol(value);
    }
    if (dst) snprintf(dst, cap, "%s", value);
  }
  fclose(f);
  return 1;
}

static void thousands(long v, char* out) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%ld", v), o = 0;
  for (int i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  out[o] = 0;
}

static void rgb(cairo_t* cr, unsigned hex) {
  cairo_set_source_rgb(cr, (hex >> 16 & 255) / 255.0, (hex >> 8 & 255) / 255.0,
                       (hex & 255) / 255.0);
}

/* Draws text at (x, y) wrapped to `width`; returns its height. */
static double text(cairo_t* cr, PangoLayout* layout, const char* font, const char* markup, double x,
                   double y, double width, unsigned color) {
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
  pango_layout_set_markup(layout, markup, -1);
  rgb(cr, color);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  int w, h;
  pango_layout_get_size(layout, &w, &h);
  return h / (double)PANGO_SCALE;
}

static void draw_page(const Region* r, const char* path) {
  const double W = 595.28, H = 841.89, M = 51.02, BW = W - 2 * M;
  const unsigned ink = 0x1c2430, muted = 0x5b6675, accent = 0x0a5c8a;
  cairo_surface_t* surface = cairo_pdf_surface_create(path, W, H);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, r->name);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  /* Sizes in points, as folio sets them (Pango's default is 96 dpi). */
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
  char buf[kMax * 2], *esc;

  double y = M;
  y +=
      text(cr, layout, "Open Sans 7.5", "<b>REGIONAL REVIEW 2024/25</b> · CEOP", M, y, BW, ink) + 6;
  esc = g_markup_escape_text(r->name, -1);
  y += text(cr, layout, "Open Sans Bold 25", esc, M, y, BW, ink) + 8;
  g_free(esc);
  esc = g_markup_escape_text(r->lead, -1);
  y += text(cr, layout, "Open Sans 12", esc, M, y, BW, ink) + 14;
  g_free(esc);

  static const char* labels[4] = {"children safeguarded", "suspected offenders arrested",
                                  "reports received", "schools visited"};
  double gap = 6, tile = (BW - 3 * gap) / 4;
  for (int i = 0; i < 4; i++) {
    double x = M + i * (tile + gap);
    rgb(cr, 0xeef2f6);
    cairo_rectangle(cr, x, y, tile, 72);
    cairo_fill(cr);
    rgb(cr, accent);
    cairo_rectangle(cr, x, y, tile, 2.5);
    cairo_fill(cr);
    thousands(r->stats[i], buf);
    text(cr, layout, "Open Sans Extra-Bold 22", buf, x + 8, y + 8, tile - 16, accent);
    text(cr, layout, "Open Sans Semi-Bold 7.5", labels[i], x + 8, y + 42, tile - 16, ink);
  }
  y += 72 + 16;

  snprintf(buf, sizeof buf, "The year in %s", r->name);
  esc = g_markup_escape_text(buf, -1);
  y += text(cr, layout, "Open Sans Bold 14", esc, M, y, BW, accent) + 6;
  g_free(esc);
  esc = g_markup_escape_text(r->body1, -1);
  y += text(cr, layout, "Open Sans 9.5", esc, M, y, BW, ink) + 6;
  g_free(esc);
  esc = g_markup_escape_text(r->body2, -1);
  y += text(cr, layout, "Open Sans 9.5", esc, M, y, BW, ink) + 14;
  g_free(esc);

  text(cr, layout, "Open Sans Extra-Bold 40", "\xe2\x80\x9c", M, y - 8, 40, accent);
  esc = g_markup_escape_text(r->quote, -1);
  y += text(cr, layout, "Open Sans Semi-Bold 13", esc, M + 30, y, BW - 30, ink) + 4;
  g_free(esc);
  esc = g_markup_escape_text(r->by, -1);
  snprintf(buf, sizeof buf, "<b>— %s</b>", esc);
  g_free(esc);
  y += text(cr, layout, "Open Sans 8", buf, M + 30, y, BW - 30, accent);
  esc = g_markup_escape_text(r->role, -1);
  text(cr, layout, "Open Sans 7", esc, M + 30, y, BW - 30, muted);
  g_free(esc);

  text(cr, layout, "Open Sans 7", "Child Exploitation and Online Protection Centre", M, H - M + 14,
       BW, muted);
  pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
  esc = g_markup_escape_text(r->name, -1);
  text(cr, layout, "Open Sans 7", esc, M, H - M + 14, BW, muted);
  g_free(esc);

  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (cairo_surface_status(surface)) fprintf(stderr, "floor: cannot write %s\n", path);
  cairo_surface_destroy(surface);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: floor OUT_FOLDER DATA_FILE...\n");
    return 2;
  }
  static Region region;
  char path[4096];
  for (int i = 2; i < argc; i++) {
    if (!read_region(argv[i], &region)) {
      fprintf(stderr, "floor: cannot read %s\n", argv[i]);
      return 1;
    }
    snprintf(path, sizeof path, "%s/%s.pdf", argv[1], region.slug);
    draw_page(&region, path);
  }
  return 0;
}
