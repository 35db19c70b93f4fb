#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace folio::cli {

std::string clock_text(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

Progress::Progress(size_t total, Style style) : total_(total), style_(style) {}

Progress::~Progress() {
  close();
}

Progress::Style Progress::style_for_stderr(bool quiet) {
  if (quiet) return Style::quiet;
  return ::isatty(STDERR_FILENO) ? Style::bar : Style::lines;
}

std::string Progress::bar_line(bool final) const {
  constexpr int kWidth = 28;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double fraction = total_ ? double(done_) / double(total_) : 1.0;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar = std::string(filled, '=') + (filled < kWidth ? ">" : "") +
                    std::string(std::max(0, kWidth - filled - 1), ' ');
  double rate = elapsed > 0 ? double(done_) / elapsed : 0;
  std::string tail = final      ? fmt::format("in {}", clock_text(elapsed))
                     : rate > 0 ? fmt::format("{} left", clock_text(double(total_ - done_) / rate))
                                : std::string("");
  std::string failed = failed_ ? fmt::format("  {} failed", failed_) : "";
  return fmt::format("[{}] {}/{} {:5.1f} docs/s  {}{}", bar, done_, total_, rate, tail, failed);
}

void Progress::finished(const std::string& input, const std::string& output, bool ok) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (!ok) ++failed_;
  if (style_ == Style::lines) {
    if (ok)
      std::fprintf(stderr, "[%zu/%zu] %s\n", done_, total_, output.c_str());
    else
      std::fprintf(stderr, "[%zu/%zu] FAILED %s\n", done_, total_, input.c_str());
  } else if (style_ == Style::bar) {
    auto now = std::chrono::steady_clock::now();
    // Redrawing costs a write per document; ten times a second is enough to read.
    if (done_ == total_ || now - last_draw_ > std::chrono::milliseconds(100)) {
      last_draw_ = now;
      std::fprintf(stderr, "\r%s\033[K", bar_line(done_ == total_).c_str());
      std::fflush(stderr);
    }
  }
}

void Progress::close() {
  std::lock_guard lock(mutex_);
  if (!open_) return;
  open_ = false;
  if (style_ == Style::bar) {
    std::fprintf(stderr, "\r%s\033[K\n", bar_line(true).c_str());
    std::fflush(stderr);
  }
}

}  // namespace folio::cli
