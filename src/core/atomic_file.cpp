#include "core/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>

#include "core/os_error.hpp"

namespace folio {
namespace {

struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

// The host's name with only filename-safe characters, so temporary names parse.
const std::string& host_tag() {
  static const std::string tag = [] {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return std::string("host");
    std::string safe;
    for (const char* c = name; *c; ++c) {
      bool keep = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
      safe += keep ? *c : '_';
    }
    return safe;
  }();
  return tag;
}

struct SplitPath {
  std::string dir;   // "" or ending in '/'
  std::string name;  // the last component
};
SplitPath split(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return {"", path};
  return {path.substr(0, slash + 1), path.substr(slash + 1)};
}

// fsync on the folder makes a rename in it durable. Filesystems that cannot
// sync a folder say EINVAL; that is no failure of ours.
std::string sync_folder(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return {};  // nothing to sync through; the rename is done
  std::string error;
  if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    error = fmt::format("syncing its folder: {}", os_reason(errno));
  ::close(fd);
  return error;
}

}  // namespace

CheckedFile::~CheckedFile() {
  if (fd_ >= 0) ::close(fd_);
}

// How many CheckedFiles have failed on this thread: write_atomically tells an
// output failure inside its writer from the writer's own errors by it.
thread_local unsigned checked_file_failures = 0;

void CheckedFile::fail(int err) {
  if (!error_.empty()) return;
  error_ = os_reason(err);
  ++checked_file_failures;
}

bool CheckedFile::create(const std::string& path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd_ < 0) fail(errno);
  return ok();
}

bool CheckedFile::append_to(const std::string& path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  struct stat info {};
  if (fd_ < 0 || ::fstat(fd_, &info) != 0)
    fail(errno);
  else
    size_before_ = static_cast<size_t>(info.st_size);
  return ok();
}

bool CheckedFile::write(std::string_view bytes) {
  if (!ok()) return false;
  if (fd_ < 0) {
    fail(EBADF);
    return false;
  }
  if (buffer_.size() + bytes.size() <= kBufferSize) {
    if (buffer_.capacity() < kBufferSize) buffer_.reserve(kBufferSize);
    buffer_.append(bytes);
    return true;
  }
  if (!flush()) return false;
  if (bytes.size() >= kBufferSize) return write_through(bytes);
  buffer_.append(bytes);
  return true;
}

bool CheckedFile::flush() {
  std::string_view pending = buffer_;
  bool written = write_through(pending);
  buffer_.clear();
  return written;
}

bool CheckedFile::write_through(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
      return false;
    }
    if (n == 0) {  // write(2) made no progress without saying why: treat as a full disk
      fail(ENOSPC);
      return false;
    }
    written_ += static_cast<size_t>(n);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool CheckedFile::finish() {
  if (fd_ < 0) {
    if (ok()) fail(EBADF);
    return false;
  }
  if (ok()) flush();
  // No fsync here: commit_file syncs the finished file once, after every
  // writer (cairo, then the finishing pass) is done with it; a sync per
  // writer made three per PDF.
  struct stat info {};
  if (ok() && ::fstat(fd_, &info) != 0) fail(errno);
  if (ok() && static_cast<size_t>(info.st_size) != size_before_ + written_) {
    error_ =
        fmt::format("{} bytes on disk after writing {}", info.st_size, size_before_ + written_);
    ++checked_file_failures;
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) fail(errno);
  return ok();
}

std::string temporary_beside(const std::string& target) {
  static std::atomic<unsigned> counter{0};
  auto [dir, name] = split(target);
  return fmt::format("{}.{}.{}.{}-{}.tmp", dir, name, host_tag(), ::getpid(), counter++);
}

namespace {

// The process id in `.NAME.HOST.PID-N.tmp` (or `...tmp.EXT`, a file a writer
// made beside it, such as qpdf's `.boxes`) when HOST is this host; else 0.
long writer_pid(std::string_view file) {
  if (!file.starts_with('.')) return 0;
  std::string host = "." + host_tag() + ".";
  for (size_t at = file.find(host, 1); at != std::string_view::npos; at = file.find(host, at + 1)) {
    std::string_view rest = file.substr(at + host.size());  // PID-N.tmp[.EXT]
    size_t dash = rest.find('-');
    size_t tmp = rest.find(".tmp");
    if (dash == 0 || dash == std::string_view::npos || tmp == std::string_view::npos || tmp < dash)
      continue;
    if (tmp + 4 < rest.size() && rest[tmp + 4] != '.') continue;
    auto digits = [](std::string_view s) {
      return !s.empty() && s.size() < 10 &&
             std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string_view pid = rest.substr(0, dash), n = rest.substr(dash + 1, tmp - dash - 1);
    if (digits(pid) && digits(n)) return std::stol(std::string(pid));
  }
  return 0;
}

}  // namespace

int remove_stale_temporaries(const std::string& folder) {
  std::unique_ptr<DIR, DirCloser> listing(::opendir(folder.empty() ? "." : folder.c_str()));
  if (!listing) return 0;
  std::string dir = folder.empty() || folder.ends_with('/') ? folder : folder + "/";
  int removed = 0;
  while (dirent* entry = ::readdir(listing.get())) {
    long pid = writer_pid(entry->d_name);
    if (pid <= 0 || pid == ::getpid()) continue;
    // Kept while the process runs (EPERM: it runs, under another user).
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    if (::unlink((dir + entry->d_name).c_str()) == 0) ++removed;
  }
  return removed;
}

namespace {

// Each folder is cleaned once per process: a bulk build writes thousands of
// files into one folder, and one scan of it is enough.
void remove_stale_temporaries_once(const std::string& folder) {
  static std::mutex mutex;
  static std::set<std::string> cleaned;
  {
    std::lock_guard lock(mutex);
    if (!cleaned.insert(folder).second) return;
  }
  remove_stale_temporaries(folder);
}

}  // namespace

std::string commit_file(const std::string& temp, const std::string& target) {
  // The one fsync of the finished file, whoever wrote it (cairo through a
  // CheckedFile, qpdf, a post-pass appending to a PDF): what is renamed into
  // place must be on disk first, and a deferred write error shows here.
  int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_reason(errno);
  int synced = ::fsync(fd);
  int sync_error = errno;
  ::close(fd);
  if (synced != 0) return os_reason(sync_error);
  if (::rename(temp.c_str(), target.c_str()) != 0) return os_reason(errno);
  return sync_folder(split(target).dir);
}

std::string output_target_problem(const std::string& target) {
  if (target.empty()) return "the output file name is empty";
  if (target.ends_with('/')) return fmt::format("`{}` names a folder, not a file", target);
  struct stat info {};
  if (::lstat(target.c_str(), &info) != 0) return {};  // a new file
  if (S_ISDIR(info.st_mode))
    return fmt::format("`{}` is a folder; name a file inside it, such as `{}/{}`", target, target,
                       "out.pdf");
  if (!S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode))
    return fmt::format(
        "`{}` is not a regular file (a device, FIFO or socket); folio replaces its output files "
        "whole, so it writes only regular files",
        target);
  return {};
}

std::string write_atomically(const std::string& target,
                             const std::function<std::string(const std::string& temp)>& writer,
                             bool* output_failure,
                             const std::function<void(const std::string& temp)>& hand_off) {
  bool ours = true;
  if (output_failure) *output_failure = false;
  std::string error = output_target_problem(target);
  if (!error.empty()) {
    if (output_failure) *output_failure = true;
    return error;
  }
  remove_stale_temporaries_once(split(target).dir);
  std::string temp = temporary_beside(target);
  unsigned failures_before = checked_file_failures;
  error = writer(temp);
  if (!error.empty()) {
    ours = checked_file_failures != failures_before;
  } else if (hand_off) {
    hand_off(temp);
    return {};
  } else {
    error = commit_file(temp, target);
  }
  if (error.empty()) return {};
  ::unlink(temp.c_str());
  if (output_failure) *output_failure = ours;
  return fmt::format("cannot write `{}`: {}", target, error);
}

std::string write_file_atomically(const std::string& target, std::string_view bytes) {
  return write_atomically(target, [&](const std::string& temp) {
    CheckedFile file;
    if (file.create(temp) && file.write(bytes)) file.finish();
    return file.error();
  });
}

}  // namespace folio
