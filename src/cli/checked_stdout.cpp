#include "cli/checked_stdout.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

namespace folio::cli {

class CheckedStdout::Buffer : public std::streambuf {
 public:
  Buffer() { setp(bytes_, bytes_ + sizeof bytes_); }

  bool flush_all() {
    for (const char* from = pbase(); from < pptr();) {
      ssize_t n = ::write(STDOUT_FILENO, from, static_cast<size_t>(pptr() - from));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_.empty()) {
          char text[256];
          error_ = n < 0 ? ::strerror_r(errno, text, sizeof text) : "nothing was written";
        }
        setp(bytes_, bytes_ + sizeof bytes_);  // dropped: the stream is failed from here on
        return false;
      }
      from += n;
    }
    setp(bytes_, bytes_ + sizeof bytes_);
    return true;
  }
  const std::string& error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!error_.empty() || !flush_all()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return error_.empty() && flush_all() ? 0 : -1; }

 private:
  char bytes_[1 << 14];
  std::string error_;
};

CheckedStdout::CheckedStdout() {
  if (::isatty(STDOUT_FILENO)) return;
  std::cout.flush();
  buffer_ = std::make_unique<Buffer>();
  previous_ = std::cout.rdbuf(buffer_.get());
}

CheckedStdout::~CheckedStdout() {
  if (!buffer_) return;
  std::cout.flush();
  std::cout.rdbuf(previous_);
}

int CheckedStdout::finish(int code) {
  std::cout.flush();
  std::string error;
  if (buffer_) error = buffer_->error();
  if (error.empty() && (!std::cout || std::fflush(stdout) != 0)) error = "a write failed";
  if (error.empty()) return code;
  std::cerr << fmt::format("folio: error: cannot write to standard output: {}\n", error);
  return code == kSuccess ? kOutputError : code;
}

}  // namespace folio::cli
