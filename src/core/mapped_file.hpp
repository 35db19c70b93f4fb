#pragma once

// A file mapped read-only. The PDF passes after cairo read files of any size
// (a tagged 100,000-row table is 160 MB) a piece at a time: read whole, a file
// would be held in memory at once; through a FILE, qpdf's small reads of an
// xref table cost three system calls an object. Mapped, only the pages looked
// at are read, and release() lets go of them again.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace folio {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
      void* at = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (at != MAP_FAILED)
        data_ = {static_cast<const char*>(at), static_cast<size_t>(info.st_size)};
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (!data_.empty()) ::munmap(const_cast<char*>(data_.data()), data_.size());
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Empty when the file could not be opened or is empty.
  std::string_view bytes() const { return data_; }

  // Lets go of the pages read so far (they stay in the page cache and are read
  // again if needed), so that a pass reading a long file once through does
  // not hold it as the process's memory.
  void release() const { release(data_.size()); }
  // The same for the pages before byte `end` only (a pass moving forward).
  void release(size_t end) const {
    size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    end = std::min(end, data_.size()) / page * page;
    if (end > 0) ::madvise(const_cast<char*>(data_.data()), end, MADV_DONTNEED);
  }

 private:
  std::string_view data_;
};

}  // namespace folio
