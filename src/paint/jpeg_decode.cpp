// libjpeg reports errors with longjmp. Everything the decoder touches lives in
// one heap object made before setjmp, so no C++ object is skipped by the jump
// and nothing kept in a register changes between setjmp and longjmp.
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <memory>

// jpeglib.h needs size_t and FILE declared before it.
#include <jpeglib.h>

#include "paint/images.hpp"

namespace folio {
namespace {

struct Decoder {
  jpeg_decompress_struct info{};
  jpeg_error_mgr error{};
  std::jmp_buf jump{};
  bool created = false;
  SurfacePtr surface;
  ~Decoder() {
    if (created) jpeg_destroy_decompress(&info);
  }
};

[[noreturn]] void on_error(j_common_ptr info) {
  auto* d = static_cast<Decoder*>(info->client_data);
  std::longjmp(d->jump, 1);
}
void on_message(j_common_ptr) {}  // warnings (corrupt data recovered) stay quiet

void free_copy(void* data) {
  delete static_cast<std::string*>(data);
}

bool decode_into(Decoder* d, const std::string& bytes) {
  if (setjmp(d->jump)) return false;
  d->info.err = jpeg_std_error(&d->error);
  d->error.error_exit = on_error;
  d->error.output_message = on_message;
  d->info.client_data = d;
  jpeg_create_decompress(&d->info);
  d->created = true;
  jpeg_mem_src(&d->info, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&d->info, TRUE);
  bool cmyk = d->info.jpeg_color_space == JCS_CMYK || d->info.jpeg_color_space == JCS_YCCK;
  d->info.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(&d->info);
  int w = static_cast<int>(d->info.output_width), h = static_cast<int>(d->info.output_height);
  d->surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(d->surface.get()) != CAIRO_STATUS_SUCCESS) return false;
  cairo_surface_flush(d->surface.get());
  unsigned char* pixels = cairo_image_surface_get_data(d->surface.get());
  int stride = cairo_image_surface_get_stride(d->surface.get());
  int components = d->info.output_components;
  auto row = (*d->info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&d->info), JPOOL_IMAGE,
                                          static_cast<JDIMENSION>(w * components), 1);
  while (d->info.output_scanline < d->info.output_height) {
    int y = static_cast<int>(d->info.output_scanline);
    jpeg_read_scanlines(&d->info, row, 1);
    auto* out = reinterpret_cast<uint32_t*>(pixels + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const unsigned char* p = row[0] + x * components;
      unsigned r, g, b;
      if (components == 4) {  // Adobe writes CMYK inverted
        r = p[0] * p[3] / 255;
        g = p[1] * p[3] / 255;
        b = p[2] * p[3] / 255;
      } else if (components == 3) {
        r = p[0], g = p[1], b = p[2];
      } else {
        r = g = b = p[0];
      }
      out[x] = 0xFF000000u | r << 16 | g << 8 | b;
    }
  }
  jpeg_finish_decompress(&d->info);
  cairo_surface_mark_dirty(d->surface.get());
  return true;
}

}  // namespace

SurfacePtr decode_jpeg(const std::string& bytes) {
  auto d = std::make_unique<Decoder>();
  if (!decode_into(d.get(), bytes)) return nullptr;
  auto copy = std::make_unique<std::string>(bytes);
  const auto* data = reinterpret_cast<const unsigned char*>(copy->data());
  if (cairo_surface_set_mime_data(d->surface.get(), CAIRO_MIME_TYPE_JPEG, data, copy->size(),
                                  free_copy, copy.get()) == CAIRO_STATUS_SUCCESS)
    copy.release();  // Cairo owns it now and frees it with the surface
  return std::move(d->surface);
}

}  // namespace folio
