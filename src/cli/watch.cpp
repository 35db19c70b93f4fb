// `folio watch`: render, then render again whenever a file the document was
// made from changes (layout, data, themes, CSV, images, font folders).
//
// Editors save by writing a new file and renaming it over the old one, which
// ends a watch on the file itself; so folio watches the folders that hold the
// files and filters events by name. Font folders count as changed on any event.

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "text/fonts.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string absolute(const std::string& path) {
  std::error_code ec;
  auto p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

// What to watch: files by folder and name, and whole folders (fonts).
struct WatchSet {
  std::map<std::string, std::set<std::string>> files;  // folder -> names in it
  std::set<std::string> folders;

  void add_file(const std::string& path) {
    fs::path p(absolute(path));
    files[p.parent_path().string()].insert(p.filename().string());
  }
  void add_folder_tree(const std::string& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return;
    folders.insert(absolute(path));
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory(ec)) folders.insert(absolute(it->path().string()));
  }
  size_t file_count() const {
    size_t n = 0;
    for (const auto& [dir, names] : files) n += names.size();
    return n;
  }
};

class Watcher {
 public:
  Watcher() : inotify_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  bool ok() const { return inotify_.get() >= 0; }
  int fd() const { return inotify_.get(); }

  // Adds watches for every folder in `set` not yet watched; the set replaces the previous one.
  void watch(WatchSet set) {
    constexpr uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                              IN_ATTRIB | IN_MODIFY;
    auto add = [&](const std::string& dir) {
      int wd = ::inotify_add_watch(inotify_.get(), dir.c_str(), mask);
      if (wd >= 0) folders_[wd] = dir;
    };
    for (const auto& [dir, names] : set.files) add(dir);
    for (const auto& dir : set.folders) add(dir);
    set_ = std::move(set);
  }

  // Reads the pending events; true when one of them concerns a watched file or font folder.
  // `fonts_changed` is set when a font folder changed.
  bool drain(bool& fonts_changed) {
    bool relevant = false;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
      ssize_t n = ::read(inotify_.get(), buffer, sizeof buffer);
      if (n <= 0) break;
      for (char* at = buffer; at < buffer + n;) {
        auto* event = reinterpret_cast<inotify_event*>(at);
        at += sizeof(inotify_event) + event->len;
        auto folder = folders_.find(event->wd);
        if (folder == folders_.end()) continue;
        if (set_.folders.count(folder->second)) {
          relevant = fonts_changed = true;
          continue;
        }
        auto names = set_.files.find(folder->second);
        if (names != set_.files.end() && event->len > 0 && names->second.count(event->name))
          relevant = true;
      }
    }
    return relevant;
  }

 private:
  Fd inotify_;
  std::map<int, std::string> folders_;
  WatchSet set_;
};

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return fmt::format("{:%H:%M:%S}", local);
}

// One render; returns the files the document was made from (empty when it failed to load).
std::vector<std::string> render_once(const WatchArgs& args, const BuildOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  auto built = build(args.doc.layout, options, diags);
  std::vector<std::string> files;
  bool written = false;
  if (built) {
    files = built->document.files_read;
    written = !save(*built, args.output, OutputFormat::pdf, diags).empty();
  } else {
    // The files that failed are worth watching too (a theme just added, with a typo).
    for (const auto& d : diags.all())
      if (d.span.file && fs::is_regular_file(d.span.file_name()))
        files.push_back(d.span.file_name());
  }
  print_diagnostics(diags);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (written && !diags.has_errors()) {
    std::cerr << fmt::format("[{}] {}: {} page{} in {:.0f} ms\n", clock_time(), args.output,
                             built->pages.size(), built->pages.size() == 1 ? "" : "s", ms);
  } else {
    std::cerr << fmt::format("[{}] {} error{} in {:.0f} ms; {} keeps the last good version\n",
                             clock_time(), diags.error_count(), diags.error_count() == 1 ? "" : "s",
                             ms, args.output);
  }
  std::cerr.flush();
  return files;
}

WatchSet watch_set(const WatchArgs& args, const std::vector<std::string>& files_read) {
  WatchSet set;
  set.add_file(args.doc.layout);
  for (const auto& d : args.doc.data) set.add_file(d);
  for (const auto& f : files_read) set.add_file(f);
  if (!text::project_font_dir().empty()) set.add_folder_tree(text::project_font_dir());
  for (const auto& dir : args.doc.font_paths) set.add_folder_tree(dir);
  return set;
}

}  // namespace

void add_watch_command(CLI::App& app, WatchArgs& args) {
  auto* cmd = app.add_subcommand(
      "watch",
      "Render to PDF, then again whenever the layout, its data, themes, images or fonts change");
  add_document_options(*cmd, args.doc);
  cmd->add_option("-o,--output", args.output,
                  "The PDF to write (default: the layout's name with .pdf)");
}

int run_watch(const WatchArgs& given) {
  WatchArgs args = given;
  if (args.output.empty()) {
    std::string name = args.doc.layout.substr(args.doc.layout.rfind('/') + 1);
    if (name.ends_with(".toml")) name.resize(name.size() - 5);
    args.output = name + ".pdf";
  }
  auto options = build_options(args.doc);
  if (!options) return kUsageError;

  // Ctrl-C and SIGTERM arrive as readable data on a descriptor, so the loop ends cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  ::sigprocmask(SIG_BLOCK, &signals, nullptr);
  Fd signal_fd(::signalfd(-1, &signals, SFD_CLOEXEC));
  Watcher watcher;
  if (!watcher.ok() || signal_fd.get() < 0) {
    std::cerr << "folio: error: cannot watch files (inotify or signalfd unavailable)\n";
    return kDocumentError;
  }

  std::vector<std::string> known_files = render_once(args, *options);
  // known_files only grows, by the files of each render: watching a file no longer used costs
  // nothing.
  WatchSet set = watch_set(args, known_files);
  std::cerr << fmt::format("watching {} file{} and {} font folder{}; Ctrl-C to stop\n",
                           set.file_count(), set.file_count() == 1 ? "" : "s", set.folders.size(),
                           set.folders.size() == 1 ? "" : "s");
  std::cerr.flush();
  watcher.watch(std::move(set));

  constexpr int kQuietMs = 100;  // one save is often several events: wait for them all
  for (;;) {
    pollfd fds[2] = {{signal_fd.get(), POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) break;
    bool fonts_changed = false;
    bool changed = watcher.drain(fonts_changed);
    if (!changed) continue;
    // Debounce: keep draining until nothing has arrived for kQuietMs.
    bool interrupted = false;
    for (;;) {
      int ready = ::poll(fds, 2, kQuietMs);
      if (ready <= 0) break;
      if (fds[0].revents & POLLIN) {
        interrupted = true;
        break;
      }
      watcher.drain(fonts_changed);
    }
    if (interrupted) break;
    if (fonts_changed) text::rescan_fonts();
    std::vector<std::string> files = render_once(args, *options);
    // A failed load reads fewer files: keep watching what the last good one read as well.
    known_files.insert(known_files.end(), files.begin(), files.end());
    watcher.watch(watch_set(args, known_files));
  }
  std::cerr << "folio: watch stopped\n";
  return kSuccess;
}

}  // namespace folio::cli
