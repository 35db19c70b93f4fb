/* The floors for bench/table_floor.sh: a CSV table drawn page by page with no
 * document model and no layout engine, each page shown as soon as it is drawn.
 *
 *   pango: one reused PangoLayout per column, pango_cairo_show_layout per cell
 *          (every cell shaped by Pango as it is drawn);
 *   glyph: each character shaped once (glyph and advance cached per font), cells
 *          emitted with cairo_show_glyphs: the cost of putting the glyphs on the page.
 *
 * Both draw the table folio draws for bench/table_floor.sh: A4, the header
 * row repeated on every page, numbers right-aligned, a rule under each row.
 *
 *   cc -O2 bench/table_floor.c $(pkg-config --cflags --libs pangocairo) -o table_floor
 *   ./table_floor pango|glyph ROWS.csv OUT.pdf
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kMaxColumns = 16, kMaxCell = 256 };

static const double kPageW = 595.28, kPageH = 841.89;
static const double kLeft = 51.0, kTop = 51.0, kBottom = 56.7;
static const double kSize = 9.2, kPadX = 5.0, kPadY = 3.5;

typedef struct {
  int n;
  char cell[kMaxColumns][kMaxCell];
} Row;

/* One CSV record (quoted fields with "" escapes); 0 at the end of the file. */
static int read_row(FILE* f, Row* row) {
  int c = fgetc(f);
  if (c == EOF) return 0;
  row->n = 0;
  int len = 0, quoted = 0;
  for (;; c = fgetc(f)) {
    if (quoted) {
      if (c == '"') {
        int next = fgetc(f);
        if (next == '"') {
          if (len < kMaxCell - 1) row->cell[row->n][len++] = '"';
          continue;
        }
        quoted = 0;
        c = next;
      } else if (c != EOF) {
        if (len < kMaxCell - 1) row->cell[row->n][len++] = (char)c;
        continue;
      }
    }
    if (c == '"' && len == 0) {
      quoted = 1;
      continue;
    }
    if (c == ',' || c == '\n' || c == EOF) {
      row->cell[row->n][len] = 0;
      if (row->n < kMaxColumns - 1) row->n++;
      len = 0;
      if (c != ',') return 1;
      continue;
    }
    if (c != '\r' && len < kMaxCell - 1) row->cell[row->n][len++] = (char)c;
  }
}

/* glyph mode: a font's glyph and advance for each ASCII character, shaped once. */
typedef struct {
  cairo_scaled_font_t* font;
  unsigned glyph[128];
  double advance[128];
} GlyphFont;

static void glyph_font_init(GlyphFont* g, PangoContext* context, int bold) {
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* desc = pango_font_description_from_string("Open Sans");
  pango_font_description_set_absolute_size(desc, kSize * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout, desc);
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
  pango_layout_set_attributes(layout, attrs);
  memset(g, 0, sizeof *g);
  for (int c = 32; c < 127; ++c) {
    char s[2] = {(char)c, 0};
    pango_layout_set_text(layout, s, 1);
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
    if (!line->runs) continue;
    PangoGlyphItem* run = line->runs->data;
    g->glyph[c] = run->glyphs->glyphs[0].glyph;
    g->advance[c] = run->glyphs->glyphs[0].geometry.width / (double)PANGO_SCALE;
    if (!g->font) g->font = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(
                      PANGO_CAIRO_FONT(run->item->analysis.font)));
  }
  pango_attr_list_unref(attrs);
  pango_font_description_free(desc);
  g_object_unref(layout);
}

static double glyph_width(const GlyphFont* g, const char* s) {
  double w = 0;
  for (; *s; ++s) w += g->advance[(unsigned char)*s & 127];
  return w;
}

static void glyph_show(cairo_t* cr, const GlyphFont* g, const char* s, double x, double y) {
  cairo_glyph_t glyphs[kMaxCell];
  int n = 0;
  for (; *s && n < kMaxCell; ++s) {
    unsigned c = (unsigned char)*s & 127;
    glyphs[n].index = g->glyph[c];
    glyphs[n].x = x;
    glyphs[n].y = y;
    x += g->advance[c];
    ++n;
  }
  cairo_set_scaled_font(cr, g->font);
  cairo_show_glyphs(cr, glyphs, n);
}

int main(int argc, char** argv) {
  if (argc != 4 || (strcmp(argv[1], "pango") && strcmp(argv[1], "glyph"))) {
    fprintf(stderr, "usage: %s pango|glyph ROWS.csv OUT.pdf\n", argv[0]);
    return 2;
  }
  int glyph_mode = !strcmp(argv[1], "glyph");
  FILE* in = fopen(argv[2], "r");
  if (!in) {
    perror(argv[2]);
    return 1;
  }
  Row header;
  if (!read_row(in, &header)) return 1;
  int columns = header.n;
  double body_width = kPageW - 2 * kLeft;
  double first_width = body_width * 0.3;
  double other_width = (body_width - first_width) / (columns - 1);
  double row_height = kSize * 1.3 + 2 * kPadY;

  cairo_surface_t* surface = cairo_pdf_surface_create(argv[3], kPageW, kPageH);
  cairo_t* cr = cairo_create(surface);
  PangoContext* context = pango_cairo_create_context(cr);
  PangoLayout* layouts[kMaxColumns][2];
  GlyphFont fonts[2];
  double ascent = 0;
  for (int bold = 0; bold < 2; ++bold) {
    for (int c = 0; c < columns; ++c) {
      PangoLayout* l = pango_layout_new(context);
      PangoFontDescription* desc = pango_font_description_from_string("Open Sans");
      pango_font_description_set_absolute_size(desc, kSize * PANGO_SCALE);
      if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description(l, desc);
      pango_font_description_free(desc);
      PangoAttrList* attrs = pango_attr_list_new();
      pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
      pango_layout_set_attributes(l, attrs);
      pango_attr_list_unref(attrs);
      pango_layout_set_width(l, (int)((c == 0 ? first_width : other_width) - 2 * kPadX) * PANGO_SCALE);
      if (c > 0) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
      layouts[c][bold] = l;
    }
    if (glyph_mode) glyph_font_init(&fonts[bold], context, bold);
  }
  pango_layout_set_text(layouts[0][0], "0", 1);
  ascent = pango_layout_get_baseline(layouts[0][0]) / (double)PANGO_SCALE;

  int page = 0;
  double y = kPageH;  /* forces a new page */
  Row row;
  char footer[64];
  for (int more = read_row(in, &row);; more = read_row(in, &row)) {
    int new_page = !more || y + row_height > kPageH - kBottom;
    if (new_page && page > 0) {
      snprintf(footer, sizeof footer, "Page %d", page);
      cairo_set_source_rgb(cr, 0, 0, 0);
      if (glyph_mode) {
        glyph_show(cr, &fonts[0], footer, kPageW - kLeft - glyph_width(&fonts[0], footer),
                   kPageH - kBottom + 12 + ascent);
      } else {
        pango_layout_set_text(layouts[1][0], footer, -1);
        cairo_move_to(cr, kPageW - kLeft - other_width + kPadX, kPageH - kBottom + 12);
        pango_cairo_show_layout(cr, layouts[1][0]);
      }
      cairo_show_page(cr);
    }
    if (!more) break;
    /* draw: on a new page the header first, then the row */
    for (int pass = new_page ? 0 : 1; pass < 2; ++pass) {
      if (new_page && pass == 0) {
        ++page;
        y = kTop;
      }
      const Row* r = pass == 0 ? &header : &row;
      int bold = pass == 0;
      double x = kLeft;
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      for (int c = 0; c < columns && c < r->n; ++c) {
        double w = c == 0 ? first_width : other_width;
        if (glyph_mode) {
          double tx = c == 0 ? x + kPadX : x + w - kPadX - glyph_width(&fonts[bold], r->cell[c]);
          glyph_show(cr, &fonts[bold], r->cell[c], tx, y + kPadY + ascent);
        } else {
          PangoLayout* l = layouts[c][bold];
          pango_layout_set_text(l, r->cell[c], -1);
          cairo_move_to(cr, x + kPadX, y + kPadY);
          pango_cairo_show_layout(cr, l);
        }
        x += w;
      }
      y += row_height;
      cairo_set_line_width(cr, bold ? 0.9 : 0.4);
      cairo_move_to(cr, kLeft, y);
      cairo_line_to(cr, kLeft + body_width, y);
      cairo_stroke(cr);
    }
  }
  fclose(in);
  for (int c = 0; c < columns; ++c) {
    g_object_unref(layouts[c][0]);
    g_object_unref(layouts[c][1]);
  }
  if (glyph_mode) {
    cairo_scaled_font_destroy(fonts[0].font);
    cairo_scaled_font_destroy(fonts[1].font);
  }
  g_object_unref(context);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  int status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status) {
    fprintf(stderr, "%s\n", cairo_status_to_string(status));
    return 1;
  }
  printf("%d pages\n", page);
  return 0;
}
