#pragma once

#include <memory>

namespace folio {

// RAII owner of a handle from a C library: `Handle<sqlite3, sqlite3_close>`
// frees with the library's own function when it goes out of scope, so nothing
// is destroyed by hand and no file needs a deleter struct of its own.
template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* handle) const {
    Free(handle);
  }
};

template <typename T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace folio
