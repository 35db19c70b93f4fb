#include "core/commit_queue.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "core/atomic_file.hpp"

namespace folio {

CommitQueue::CommitQueue(size_t capacity) : capacity_(capacity > 0 ? capacity : 1) {
  thread_ = std::thread([this] { run(); });
}

CommitQueue::~CommitQueue() {
  finish();
}

void CommitQueue::commit(std::string temp, std::string target, size_t group) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return items_.size() < capacity_; });
  items_.push_back({std::move(temp), std::move(target), group, {}});
  changed_.notify_all();
}

void CommitQueue::close_group(size_t group, GroupDone done) {
  std::lock_guard lock(mutex_);
  // Not counted against the capacity: it holds no file.
  items_.push_back({{}, {}, group, std::move(done)});
  changed_.notify_all();
}

void CommitQueue::finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void CommitQueue::run() {
  for (;;) {
    Item item;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !items_.empty() || finishing_; });
      if (items_.empty()) return;  // finishing, and nothing is left
      item = std::move(items_.front());
      items_.pop_front();
      changed_.notify_all();  // a producer may wait for room
    }
    if (item.temp.empty()) {
      std::vector<std::string> failures;
      if (auto it = failures_.find(item.group); it != failures_.end()) {
        failures = std::move(it->second);
        failures_.erase(it);
      }
      if (item.done) item.done(std::move(failures));
      continue;
    }
    if (std::string error = commit_file(item.temp, item.target); !error.empty()) {
      ::unlink(item.temp.c_str());
      failures_[item.group].push_back(fmt::format("cannot write `{}`: {}", item.target, error));
    }
  }
}

}  // namespace folio
