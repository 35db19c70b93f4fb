#pragma once

// Commits finished temporary files over their targets (commit_file: fsync,
// rename, the folder's fsync) on a thread of its own, in the order they were
// queued. A bulk build renders its next document while the disk syncs the
// last one: an fsync is a wait, not work, and was a fifth of the time of a
// one-page leaflet. Every file is still on disk before its name appears, and
// a failed commit leaves the target as it was and no temporary file.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace folio {

class CommitQueue {
 public:
  // Called on the queue's thread when every file of a group is committed, or
  // has failed: each failure as "cannot write `x.pdf`: reason".
  using GroupDone = std::function<void(std::vector<std::string> failures)>;

  // At most `capacity` files wait at once: commit() blocks beyond that, so
  // temporary files do not pile up when rendering outruns the disk.
  explicit CommitQueue(size_t capacity = 16);
  ~CommitQueue();  // finish()
  CommitQueue(const CommitQueue&) = delete;
  CommitQueue& operator=(const CommitQueue&) = delete;

  // Queues `temp` (complete and closed) to be committed over `target`, as a
  // file of `group` (a document; its files are reported together).
  void commit(std::string temp, std::string target, size_t group);
  // Calls `done` once the files queued for `group` so far are committed.
  // Nothing may be queued for `group` after this.
  void close_group(size_t group, GroupDone done);
  // Commits everything queued and stops the thread. Every GroupDone has been
  // called when it returns.
  void finish();

 private:
  struct Item {
    std::string temp, target;  // empty temp: the group's end
    size_t group = 0;
    GroupDone done;
  };
  void run();

  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> items_;
  bool finishing_ = false;
  std::map<size_t, std::vector<std::string>> failures_;  // the queue thread's own
  std::thread thread_;
};

}  // namespace folio
