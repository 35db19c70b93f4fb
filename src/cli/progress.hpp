#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace folio::cli {

// Reports a bulk build as documents finish; safe to call from every worker.
// On a terminal: one progress bar redrawn in place (done/total, rate, time
// left). Elsewhere (a log, CI): one line per document. Quiet: nothing.
class Progress {
 public:
  enum class Style { bar, lines, quiet };
  Progress(size_t total, Style style);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void finished(const std::string& input, const std::string& output, bool ok);
  // Clears the bar, so what follows starts on a clean line.
  void close();

  static Style style_for_stderr(bool quiet);

 private:
  std::string bar_line(bool final) const;

  std::mutex mutex_;
  size_t total_;
  size_t done_ = 0;
  size_t failed_ = 0;
  Style style_;
  bool open_ = true;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

// "1:05" or "1:02:05".
std::string clock_text(double seconds);

}  // namespace folio::cli
