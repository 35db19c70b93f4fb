#pragma once

// Writing a file so that a failure never leaves a damaged or clobbered one.
//
// Every output goes to a temporary file beside its target (same folder, so the
// rename cannot cross filesystems), written with checked write(2) calls that
// retry short writes and record the first errno; its size is then compared
// with the bytes written, it is closed (close(2) can report a deferred write
// error on network filesystems), flushed with fsync(2) (which reports a
// deferred write error on the others), renamed over the target, and the
// folder fsynced so the rename itself survives a power cut.
// Any failure leaves the target as it was and removes the temporary file.
//
// Temporary files are named `.NAME.HOST.PID-N.tmp`. A run killed outright
// (SIGKILL, power cut) can leave one behind; the next write into the same
// folder removes those whose process, on this host, is gone.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace folio {

// A file opened for writing with every write checked. Not thread-safe; one per writer.
class CheckedFile {
 public:
  CheckedFile() = default;
  ~CheckedFile();  // closes the descriptor if still open (without reporting)
  CheckedFile(const CheckedFile&) = delete;
  CheckedFile& operator=(const CheckedFile&) = delete;

  // Creates `path`, which must not exist (O_EXCL: never follows a planted symlink).
  bool create(const std::string& path);
  // Opens an existing file to append to it (a PDF's incremental update).
  bool append_to(const std::string& path);
  // Writes all of `bytes`, retrying short writes; false after the first failure.
  // Small writes are gathered in a buffer first (cairo hands its PDF over in
  // pieces of a few bytes: a write(2) each made a leaflet cost 1,100 system
  // calls), so a failure can show at a later write() or at finish().
  bool write(std::string_view bytes);
  // Flush the buffer, check the size on disk against the bytes written (plus
  // what was there before appending), close. False on any failure. The fsync
  // is commit_file's, once for all the writers of a file.
  bool finish();

  bool ok() const { return error_.empty(); }
  // The OS's reason for the first failure ("No space left on device"), or empty.
  const std::string& error() const { return error_; }
  size_t bytes_written() const { return written_ + buffer_.size(); }

 private:
  static constexpr size_t kBufferSize = 64 * 1024;
  void fail(int err);
  bool write_through(std::string_view bytes);  // write(2) until all is written
  bool flush();
  int fd_ = -1;
  size_t size_before_ = 0;  // an appended file's size when opened
  size_t written_ = 0;      // bytes that reached write(2)
  std::string buffer_;      // bytes not yet handed to write(2)
  std::string error_;
};

// The temporary name for `target`: `.NAME.HOST.PID-N.tmp` in the target's folder.
std::string temporary_beside(const std::string& target);

// Removes the temporary files in `folder` ("" for the current one) left by
// folio processes on this host that no longer run. Returns how many.
// write_atomically does this once per folder and process.
int remove_stale_temporaries(const std::string& folder);

// fsyncs `temp` (whatever wrote it), renames it over `target` and fsyncs the
// folder. Empty on success, else why not.
std::string commit_file(const std::string& temp, const std::string& target);

// Why `target` cannot be an output (a folder, a device, a FIFO), or empty.
std::string output_target_problem(const std::string& target);

// Runs `writer(temp)`, which writes the temporary file and returns an empty
// string or why it failed, then commits it over `target`. Returns an empty
// string, or a message naming the file and the reason ("cannot write `x.pdf`:
// No space left on device"). The temporary file never survives a failure.
// `output_failure`, when given, says whether a failure was the output's (the
// target, a CheckedFile on this thread, the commit) rather than the writer's
// own (a document that cannot be written as asked, such as PDF/A rules).
// `hand_off`, when given, takes the complete temporary file instead of the
// commit (a CommitQueue commits it later); the call then returns an empty
// string once the file is written.
std::string write_atomically(const std::string& target,
                             const std::function<std::string(const std::string& temp)>& writer,
                             bool* output_failure = nullptr,
                             const std::function<void(const std::string& temp)>& hand_off = {});

// write_atomically for bytes already in memory.
std::string write_file_atomically(const std::string& target, std::string_view bytes);

}  // namespace folio
