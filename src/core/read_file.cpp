#include "core/read_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/os_error.hpp"

namespace folio {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder, not a file";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device, not a regular file";
  if (S_ISSOCK(mode)) return "a socket, not a regular file";
  return "not a regular file";
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

FileBytes read_regular_file(const std::string& path, size_t max_bytes) {
  FileBytes result;
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    // A folder opens read-only on Linux, so EISDIR only comes from elsewhere.
    int err = errno;
    result.error = err == EISDIR ? kind_of(S_IFDIR) : os_reason(err);
    result.open_failed = err != EISDIR;
    return result;
  }
  // fstat on the open descriptor: what is read is what was checked.
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    result.error = os_reason(errno);
    result.open_failed = true;
    return result;
  }
  if (!S_ISREG(info.st_mode)) {
    result.error = kind_of(info.st_mode);
    return result;
  }
  auto limit_error = [&](unsigned long long size) {
    return fmt::format("{} bytes, more than the limit of {} bytes", size, max_bytes);
  };
  if (static_cast<unsigned long long>(info.st_size) > max_bytes) {
    result.error = limit_error(static_cast<unsigned long long>(info.st_size));
    return result;
  }
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  size_t have = 0;
  // One byte more than the limit allows tells a file that grew past it.
  for (char extra[4096];;) {
    char* into = have < bytes.size() ? bytes.data() + have : extra;
    size_t room = have < bytes.size() ? bytes.size() - have : sizeof extra;
    ssize_t n = ::read(fd.get(), into, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = os_reason(errno);
      return result;
    }
    if (n == 0) break;
    if (into == extra) bytes.append(extra, static_cast<size_t>(n));
    have += static_cast<size_t>(n);
    if (have > max_bytes) {
      result.error = fmt::format("{} (it grew while being read)", limit_error(have));
      return result;
    }
  }
  bytes.resize(have);  // a file that shrank since fstat
  result.bytes = std::move(bytes);
  return result;
}

}  // namespace folio
