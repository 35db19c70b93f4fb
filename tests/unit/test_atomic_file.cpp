// The atomic writer (src/core/atomic_file) and the safe reader (src/core/read_file).
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <future>

#include "core/atomic_file.hpp"
#include "core/commit_queue.hpp"
#include "core/read_file.hpp"
#include "support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A process id that no process has: a child that has exited and been reaped.
pid_t finished_process() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("write_file_atomically writes, replaces and leaves no temporary file") {
  std::string dir = test::temp_dir();
  std::string target = dir + "/out.pdf";
  CHECK(write_file_atomically(target, "first").empty());
  CHECK(test::read_file(target) == "first");
  CHECK(write_file_atomically(target, "second, longer").empty());
  CHECK(test::read_file(target) == "second, longer");
  CHECK(files_in(dir) == std::vector<std::string>{"out.pdf"});
}

TEST_CASE("a failed writer leaves the old file and no temporary file") {
  std::string dir = test::temp_dir();
  std::string target = dir + "/out.pdf";
  test::write_file(target, "old");
  std::string error = write_atomically(target, [](const std::string& temp) {
    CheckedFile file;
    file.create(temp);
    file.write("half a docu");
    file.finish();
    return std::string("No space left on device");
  });
  CHECK(error == "cannot write `" + target + "`: No space left on device");
  CHECK(test::read_file(target) == "old");
  CHECK(files_in(dir) == std::vector<std::string>{"out.pdf"});
}

TEST_CASE("CheckedFile reports the OS reason and never follows an existing name") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/there", "x");
  CheckedFile file;
  CHECK_FALSE(file.create(dir + "/there"));  // O_EXCL: a planted file or symlink is refused
  CHECK(file.error() == "File exists");
  CHECK_FALSE(file.write("more"));
  CHECK_FALSE(file.finish());
  CHECK(file.error() == "File exists");  // the first failure is the one reported
  CheckedFile missing;
  CHECK_FALSE(missing.create(dir + "/no/such/folder"));
  CHECK(missing.error() == "No such file or directory");
  CheckedFile good;
  REQUIRE(good.create(dir + "/new"));
  CHECK(good.write("12345"));
  CHECK(good.finish());
  CHECK(good.bytes_written() == 5);
}

TEST_CASE("CheckedFile gathers small writes and passes large ones through, in order") {
  std::string dir = test::temp_dir();
  CheckedFile file;
  REQUIRE(file.create(dir + "/out"));
  std::string expected;
  // Cairo's pieces: a few bytes each, then a stream larger than the buffer,
  // then more small ones, so every path through write() is taken.
  for (int i = 0; i < 20000; ++i) {
    std::string piece = std::to_string(i) + " ";
    CHECK(file.write(piece));
    expected += piece;
  }
  std::string large(200 * 1024, 'x');
  large.back() = 'y';
  CHECK(file.write(large));
  expected += large;
  for (int i = 0; i < 100; ++i) {
    CHECK(file.write("z"));
    expected += "z";
  }
  CHECK(file.bytes_written() == expected.size());
  REQUIRE(file.finish());
  CHECK(test::read_file(dir + "/out") == expected);
}

TEST_CASE("a folder, a FIFO or a trailing slash is refused as an output, untouched") {
  std::string dir = test::temp_dir();
  fs::create_directories(dir + "/folder");
  REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
  CHECK_THAT(write_file_atomically(dir + "/folder", "x"), Catch::Contains("is a folder"));
  CHECK(fs::is_directory(dir + "/folder"));
  CHECK_THAT(write_file_atomically(dir + "/pipe", "x"), Catch::Contains("is not a regular file"));
  CHECK(fs::is_fifo(dir + "/pipe"));
  CHECK_THAT(write_file_atomically(dir + "/new/", "x"), Catch::Contains("names a folder"));
  CHECK(files_in(dir) == std::vector<std::string>{"folder", "pipe"});
}

TEST_CASE("temporaries of a process that is gone are removed; others are kept") {
  std::string dir = test::temp_dir();
  std::string target = dir + "/doc.pdf";
  // `.doc.pdf.HOST.PID-N.tmp`: take this host's tag from a name made here.
  std::string mine = fs::path(temporary_beside(target)).filename().string();
  std::string host = mine.substr(9, mine.rfind('.', mine.rfind('-')) - 9);
  pid_t gone = finished_process();
  auto name = [&](const std::string& host_tag, long pid, const char* tail) {
    return fmt::format(".doc.pdf.{}.{}-3{}", host_tag, pid, tail);
  };
  for (const auto& file :
       {name(host, gone, ".tmp"), name(host, gone, ".tmp.boxes"), name(host, ::getppid(), ".tmp"),
        name("another-host", gone, ".tmp"), fmt::format(".other.pdf.{}.{}-3.tmp", host, gone)})
    test::write_file(dir + "/" + file, "partial");
  CHECK(remove_stale_temporaries(dir) == 3);  // the two of doc.pdf and the one of other.pdf
  auto left = files_in(dir);
  CHECK(left.size() == 2);
  CHECK(std::find(left.begin(), left.end(), name(host, ::getppid(), ".tmp")) != left.end());
  CHECK(std::find(left.begin(), left.end(), name("another-host", gone, ".tmp")) != left.end());
  // Writing into the folder cleans up the same way.
  test::write_file(dir + "/" + name(host, gone, ".tmp"), "partial");
  CHECK(write_file_atomically(target, "whole").empty());
  CHECK(files_in(dir).size() == 3);
}

TEST_CASE("read_regular_file refuses a FIFO, a device and a folder without blocking") {
  std::string dir = test::temp_dir();
  REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
  auto fifo = read_regular_file(dir + "/pipe", 1000);  // would block forever without O_NONBLOCK
  CHECK_FALSE(fifo.bytes);
  CHECK_THAT(fifo.error, Catch::Contains("FIFO"));
  auto device = read_regular_file("/dev/zero", 1000);  // would read forever
  CHECK_FALSE(device.bytes);
  CHECK_THAT(device.error, Catch::Contains("a device"));
  auto folder = read_regular_file(dir, 1000);
  CHECK_FALSE(folder.bytes);
  CHECK_THAT(folder.error, Catch::Contains("a folder"));
  auto missing = read_regular_file(dir + "/missing", 1000);
  CHECK(missing.open_failed);
  CHECK(missing.error == "No such file or directory");
}

TEST_CASE("read_regular_file reads whole files up to the limit, not past it") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/ten", "0123456789");
  CHECK(read_regular_file(dir + "/ten", 10).bytes == "0123456789");
  auto over = read_regular_file(dir + "/ten", 9);
  CHECK_FALSE(over.bytes);
  CHECK(over.error == "10 bytes, more than the limit of 9 bytes");
  test::write_file(dir + "/empty", "");
  CHECK(read_regular_file(dir + "/empty", 9).bytes == "");
}

TEST_CASE("write_atomically tells a failed write from the writer's own error") {
  std::string dir = test::temp_dir();
  bool output_failure = true;
  std::string error = write_atomically(
      dir + "/a.pdf", [](const std::string&) { return std::string("a PDF/A rule is broken"); },
      &output_failure);
  CHECK(error == "cannot write `" + dir + "/a.pdf`: a PDF/A rule is broken");
  CHECK_FALSE(output_failure);
  error = write_atomically(
      dir + "/b.pdf",
      [&](const std::string& temp) {
        test::write_file(temp, "taken");  // so CheckedFile's O_EXCL create fails
        CheckedFile file;
        file.create(temp);
        return file.error();
      },
      &output_failure);
  CHECK(error == "cannot write `" + dir + "/b.pdf`: File exists");
  CHECK(output_failure);
  fs::create_directories(dir + "/folder");
  write_atomically(
      dir + "/folder", [](const std::string&) { return std::string(); }, &output_failure);
  CHECK(output_failure);
  CHECK(files_in(dir) == std::vector<std::string>{"folder"});
}

TEST_CASE("a CommitQueue commits each group's files in order and reports a group's failures") {
  std::string dir = test::temp_dir();
  fs::create_directory(dir + "/gone");
  std::vector<std::string> events;  // the queue thread's; read after finish()
  {
    CommitQueue queue(2);  // group 2's files fit while group 1 is reported
    auto write = [&](const std::string& target, const std::string& text, size_t group) {
      std::string error = write_atomically(
          target,
          [&](const std::string& temp) {
            CheckedFile file;
            if (file.create(temp) && file.write(text)) file.finish();
            return file.error();
          },
          nullptr, [&](const std::string& temp) { queue.commit(temp, target, group); });
      REQUIRE(error.empty());
    };
    std::promise<void> folder_gone;
    auto close = [&](size_t group) {
      queue.close_group(group,
                        [&events, &folder_gone, group, dir](std::vector<std::string> failures) {
                          // The queue waits here until group 2's files are queued and the
                          // folder of one is gone: its commit comes after this.
                          if (group == 1) folder_gone.get_future().wait();
                          std::string event = fmt::format("group {}:", group);
                          for (auto& f : failures) event += " " + f.substr(0, f.find(':')) + ";";
                          // Every file of the group is in place (or failed) when it is reported.
                          event += fs::exists(dir + "/a.pdf") ? " a" : "";
                          event += fs::exists(dir + "/b.pdf") ? " b" : "";
                          event += fs::exists(dir + "/c.pdf") ? " c" : "";
                          events.push_back(event);
                        });
    };
    write(dir + "/a.pdf", "one", 1);
    write(dir + "/b.pdf", "two", 1);
    close(1);
    // The folder of group 2's second file vanishes before the commit: its
    // rename fails (the first file of the group still lands).
    write(dir + "/c.pdf", "three", 2);
    write(dir + "/gone/d.pdf", "four", 2);
    fs::remove_all(dir + "/gone");
    folder_gone.set_value();
    close(2);
    close(3);  // a group with no file
    queue.finish();
  }
  REQUIRE(events.size() == 3);
  CHECK(events[0] == "group 1: a b");
  CHECK(events[1] == fmt::format("group 2: cannot write `{}/gone/d.pdf`; a b c", dir));
  CHECK(events[2] == "group 3: a b c");
  CHECK(test::read_file(dir + "/a.pdf") == "one");
  CHECK(test::read_file(dir + "/b.pdf") == "two");
  CHECK(test::read_file(dir + "/c.pdf") == "three");
  CHECK(files_in(dir) == std::vector<std::string>{"a.pdf", "b.pdf", "c.pdf"});
}
