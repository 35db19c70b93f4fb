// An LD_PRELOAD shim that makes the disk "fill up" for the process it is
// loaded into: once FOLIO_FAULT_WRITE_BUDGET bytes have been written to
// regular files, write(2) writes what still fits (a short write, as a real
// filesystem does) and then fails with ENOSPC. Writes to pipes and terminals
// (stdout, stderr) are not counted.
//
// It stands in for a small real filesystem (tests/faults/faults.sh mounts a
// tmpfs where it may) on machines where the tests cannot mount one.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef ssize_t (*write_fn)(int, const void*, size_t);

static atomic_long budget = -2;  // -2: not read yet; -1: no budget (write everything)

static long read_budget(void) {
  long current = atomic_load(&budget);
  if (current != -2) return current;
  const char* text = getenv("FOLIO_FAULT_WRITE_BUDGET");
  long parsed = text && *text ? strtol(text, NULL, 10) : -1;
  long expected = -2;
  atomic_compare_exchange_strong(&budget, &expected, parsed);
  return atomic_load(&budget);
}

ssize_t write(int fd, const void* data, size_t length) {
  static write_fn real_write;
  if (!real_write) real_write = (write_fn)dlsym(RTLD_NEXT, "write");
  struct stat info;
  if (read_budget() >= 0 && length > 0 && fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    long left = atomic_fetch_sub(&budget, (long)length);
    if (left <= 0) {
      atomic_fetch_add(&budget, (long)length);  // stay at zero, not below
      errno = ENOSPC;
      return -1;
    }
    if ((long)length > left) {
      atomic_fetch_add(&budget, (long)length - left);
      length = (size_t)left;
    }
  }
  return real_write(fd, data, length);
}
