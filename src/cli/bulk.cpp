// Bulk builds: one layout, one document per --each data file, --manifest row
// or --each-query row.
//
// The layout is loaded once (load_layout); every document is a copy of it with
// its own data, built by build_document(), the same steps as a single render.
// Phase 1 reads every document's data and names its output, so a pattern that
// gives two documents one file is refused before anything renders. Phase 2
// renders on a pool of threads (Pango and fontconfig state is per thread).
#include <fmt/format.h>
#include <glob.h>
#include <sched.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "bulk/manifest.hpp"
#include "bulk/output_name.hpp"
#include "bulk/shard.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "core/commit_queue.hpp"

namespace folio::cli {
namespace {

// One document of the build.
struct Job {
  std::string input;   // the data file, "manifest.csv:LINE" or "db.sqlite row N"
  std::string stem;    // the data file's name without folder and extension
  size_t index = 0;    // 1-based position in the whole sorted list (not the shard)
  DocumentInput data;  // a data file (read when needed) or a row's cells
  std::string output;  // the expanded -o pattern
  Diagnostics diags;
  bool named = false;  // its data read and its output named
  bool failed = false;
  bool output_failed = false;  // failed only because its output could not be written
  bool rendered = false;
};

// Every file the patterns match, sorted by bytes so all shards see one order.
std::vector<std::string> expand_globs(const std::vector<std::string>& patterns,
                                      std::vector<std::string>& unmatched) {
  std::set<std::string> files;
  for (const auto& pattern : patterns) {
    glob_t found{};
    int rc = ::glob(pattern.c_str(), 0, nullptr, &found);
    if (rc == 0) {
      for (size_t i = 0; i < found.gl_pathc; ++i) files.insert(found.gl_pathv[i]);
    } else {
      unmatched.push_back(pattern);
    }
    ::globfree(&found);
  }
  return {files.begin(), files.end()};
}

// The cores this process may run on: a Slurm allocation or `taskset` narrows
// them, so -j 0 does not start more threads than the machine granted.
unsigned usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

std::string stem_of(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

// The signal (SIGINT, SIGTERM) that asked a bulk build to stop, or 0. A
// handler may only store to a lock-free atomic; the workers read it.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

void on_stop_signal(int signal) {
  stop_signal = signal;
}

// While one lives, SIGINT and SIGTERM let the documents being rendered finish
// (each is written whole or not at all) and start no more; a second signal
// kills at once (SA_RESETHAND), leaving at most temporary files that the next
// run removes.
class StopOnSignals {
 public:
  StopOnSignals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(SIGINT, &action, &previous_int_);
    ::sigaction(SIGTERM, &action, &previous_term_);
    // A signal ignored by whoever started folio (a background job of a
    // script, nohup) stays ignored.
    if (previous_int_.sa_handler == SIG_IGN) ::sigaction(SIGINT, &previous_int_, nullptr);
    if (previous_term_.sa_handler == SIG_IGN) ::sigaction(SIGTERM, &previous_term_, nullptr);
  }
  ~StopOnSignals() {
    ::sigaction(SIGINT, &previous_int_, nullptr);
    ::sigaction(SIGTERM, &previous_term_, nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

// Runs `work(i)` for i in [0, count) on `workers` threads until done, `stop` or a stop signal.
template <typename Work>
void parallel_for(size_t count, unsigned workers, const std::atomic<bool>& stop, Work work) {
  std::atomic<size_t> next{0};
  auto loop = [&] {
    for (size_t i; !stop && !stop_signal && (i = next++) < count;) work(i);
  };
  workers = static_cast<unsigned>(std::min<size_t>(workers, count));
  if (workers <= 1) return loop();
  std::vector<std::jthread> pool;
  for (unsigned w = 0; w < workers; ++w) pool.emplace_back(loop);
}

Lookup lookup_for_output(const Job& job, const Value& data, std::string_view path) {
  Lookup found = lookup_scalar(data, path);
  if (found.value || found.not_scalar) return found;
  if (path == "source.stem") return {Scalar(job.stem), false};
  if (path == "source.name")
    return {Scalar(std::filesystem::path(job.input).filename().string()), false};
  if (path == "index") return {Scalar(static_cast<int64_t>(job.index)), false};
  return found;
}

Span file_span(const std::string& file) {
  return Span{std::make_shared<const std::string>(file), 0, 0};
}

// Reads the job's data and names its output; false when it failed. The data
// is not kept: the render reads it again, so memory does not grow with the
// number of documents.
bool prepare_job(Job& job, const LoadedLayout& layout, const std::string& pattern) {
  if (job.diags.has_errors()) return false;  // a manifest row's own problems
  auto data = document_data(layout, job.data, job.diags);
  if (!data) return false;
  auto name = bulk::expand_output_pattern(
      pattern, [&](std::string_view p) { return lookup_for_output(job, *data, p); });
  for (const auto& issue : name.issues)
    job.diags.error(file_span(job.input), fmt::format("-o `{}`: {}", pattern, issue.message),
                    issue.hints);
  job.output = std::move(name.text);
  if (!name.ok()) return false;
  // Refused now, not after rendering, when the file could never be written.
  if (auto problem = bulk::output_name_problem(job.output); !problem.empty()) {
    job.diags.error(file_span(job.input), fmt::format("-o `{}`: {}", pattern, problem),
                    {"shorten the values the pattern takes, or name files by "
                     "{{ index | pad(4) }} or {{ source.stem }}"});
    return false;
  }
  return true;
}

bool render_job(Job& job, const LoadedLayout& layout, OutputFormat format,
                const SaveOptions& save_options) {
  auto built = build_document(layout, job.data, job.diags);
  if (!built) return false;
  auto folder = std::filesystem::path(job.output).parent_path();
  std::error_code ec;
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) {
    job.diags.output_failure(file_span(job.output), fmt::format("cannot create the folder `{}`: {}",
                                                                folder.string(), ec.message()));
    return false;
  }
  save(*built, job.output, format, job.diags, save_options);
  return !job.diags.has_errors();
}

// A failed document's errors, each naming the document (its data file or
// manifest line) in text and JSON output.
Diagnostics errors_of(const Job& job) {
  Diagnostics out;
  for (const auto& d : job.diags.all())
    if (d.severity == Severity::error) out.add(d);
  out.set_document(job.input);
  return out;
}

// The first error of a failed document on one line, for the summary.
std::string first_error(const Job& job) {
  for (const auto& d : job.diags.all()) {
    if (d.severity != Severity::error) continue;
    Diagnostic one = d;
    one.hints.clear();
    return format_diagnostic(one);
  }
  return "";
}

// The warnings of every document, each distinct one once (a layout's warning
// would otherwise repeat for every document).
void print_distinct_warnings(const std::vector<Job>& jobs) {
  std::set<std::string> seen;
  Diagnostics distinct;
  for (const auto& job : jobs)
    for (const auto& d : job.diags.all())
      if (d.severity == Severity::warning && seen.insert(format_diagnostic(d)).second)
        distinct.add(d);
  print_diagnostics(distinct);
}

}  // namespace

void add_bulk_options(CLI::App& render, BulkArgs& args) {
  render.add_option(
      "--each", args.each,
      "One document per data file matching this glob (quote it), merged over the --data files; "
      "-o is then a pattern such as 'out/{{ region.slug }}.pdf'");
  render
      .add_option("--manifest", args.manifest,
                  "One document per row of this CSV file; its header row names the data paths of "
                  "the columns")
      ->check(CLI::ExistingFile);
  render
      .add_option("--each-query", args.each_query,
                  "One document per row of a query on a SQLite database (opened read-only): "
                  "--each-query DB 'SELECT name AS \"region.name\", ...'; each column is named "
                  "by a data path")
      ->expected(2)
      ->type_name("DB SQL");
  render.add_option("-j,--jobs", args.jobs, "Documents rendered at once; 0 means one per core")
      ->capture_default_str();
  render.add_option("--shard", args.shard,
                    "Render only the K-th of N equal shares of the documents: K/N");
  render
      .add_option(
          "--shard-count", args.shard_count,
          "The number of shards of a Kubernetes Indexed Job (its completions); or set FOLIO_SHARDS")
      ->check(CLI::PositiveNumber);
  auto* fail_fast =
      render.add_flag("--fail-fast", args.fail_fast, "Stop at the first document that fails");
  render
      .add_flag_callback(
          "--keep-going", [&args] { args.fail_fast = false; },
          "Render every document that can be rendered (the default)")
      ->excludes(fail_fast);
}

bool is_bulk(const RenderArgs& args) {
  return !args.bulk.each.empty() || !args.bulk.manifest.empty() || !args.bulk.each_query.empty();
}

int run_bulk(const RenderArgs& args, const BuildOptions& options, OutputFormat format,
             PageRange range) {
  const BulkArgs& bulk_args = args.bulk;
  int sources =
      !bulk_args.each.empty() + !bulk_args.manifest.empty() + !bulk_args.each_query.empty();
  if (sources > 1) {
    std::cerr << "folio: error: give one of --each, --manifest and --each-query, not several\n";
    return kUsageError;
  }
  if (args.dump_layout) {
    std::cerr << "folio: error: --dump-layout shows one document; use it without --each, "
                 "--manifest or --each-query\n";
    return kUsageError;
  }
  auto shard =
      bulk::choose_shard(bulk_args.shard, bulk_args.shard_count, bulk::process_environment());
  if (!shard.error.empty()) {
    std::cerr << fmt::format("folio: error: {}\n", shard.error);
    return kUsageError;
  }

  // The same load as a single render: fonts, theme, sandbox and limits.
  Diagnostics diags;
  auto layout = load_layout(args.doc.layout, options, diags, /*for_many_documents=*/true);
  diags.sort_by_position();
  print_diagnostics(diags);  // the layout's warnings (a theme font not installed), once
  if (!layout || diags.has_errors()) return kDocumentError;
  diags = {};

  std::vector<Job> jobs;
  if (!bulk_args.manifest.empty() || !bulk_args.each_query.empty()) {
    bool query = !bulk_args.each_query.empty();
    const std::string& source = query ? bulk_args.each_query[0] : bulk_args.manifest;
    auto rows =
        query ? bulk::read_query_rows(source, bulk_args.each_query[1], options.load.limits, diags)
              : bulk::read_manifest(source, options.load.limits, diags);
    if (!rows) {
      print_diagnostics(diags);
      return kDocumentError;
    }
    for (auto& row : *rows) {
      Job job;
      job.input = query ? fmt::format("{} row {}", source, row.span.line)
                        : fmt::format("{}:{}", source, row.span.line);
      job.stem = fmt::format("{}-{}", stem_of(source), jobs.size() + 1);
      job.data.assignments = std::move(row.cells);
      job.diags = std::move(row.errors);
      jobs.push_back(std::move(job));
    }
  } else {
    std::vector<std::string> unmatched;
    auto files = expand_globs(bulk_args.each, unmatched);
    for (const auto& pattern : unmatched)
      std::cerr << fmt::format("folio: error: no file matches --each `{}`\n", pattern);
    if (!unmatched.empty()) return kUsageError;
    for (auto& file : files) {
      Job job;
      job.input = file;
      job.stem = stem_of(file);
      job.data.data_file = file;
      jobs.push_back(std::move(job));
    }
  }
  for (size_t i = 0; i < jobs.size(); ++i) jobs[i].index = i + 1;
  size_t everything = jobs.size();
  auto share = bulk::shard_range(jobs.size(), shard.shard);
  jobs = std::vector<Job>(std::make_move_iterator(jobs.begin() + share.begin),
                          std::make_move_iterator(jobs.begin() + share.end));

  unsigned workers = bulk_args.jobs > 0 ? bulk_args.jobs : usable_cores();
  std::string pattern = args.output.empty() ? "{{ source.stem }}." + args.format : args.output;
  auto style = Progress::style_for_stderr(args.quiet);
  if (style != Progress::Style::quiet) {
    std::string which =
        shard.source.empty()
            ? ""
            : fmt::format(", shard {}/{} from {} (documents {}-{} of {})", shard.shard.index + 1,
                          shard.shard.count, shard.source, share.begin + 1, share.end, everything);
    std::cerr << fmt::format("{}: {} document{} on {} thread{}{}\n", args.doc.layout, jobs.size(),
                             jobs.size() == 1 ? "" : "s",
                             std::min<size_t>(workers, std::max<size_t>(jobs.size(), 1)),
                             workers == 1 ? "" : "s", which);
  }

  // Phase 1: every document's data and output name, before anything renders.
  StopOnSignals stop_on_signals;
  std::atomic<bool> stop{false};
  std::atomic<bool> any_failed{false};
  parallel_for(jobs.size(), workers, stop, [&](size_t i) {
    jobs[i].named = prepare_job(jobs[i], *layout, pattern);
    if (!jobs[i].named) {
      jobs[i].failed = true;
      any_failed = true;
      if (bulk_args.fail_fast) stop = true;
    }
  });
  std::vector<std::string> names;
  std::vector<size_t> named;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (jobs[i].named) names.push_back(jobs[i].output), named.push_back(i);
  auto clashes = bulk::same_file_groups(names);
  for (const auto& group : clashes) {
    std::string inputs;
    for (size_t g : group) inputs += fmt::format("\n  {}", jobs[named[g]].input);
    std::cerr << fmt::format("folio: error: -o `{}` names `{}` for {} documents:{}\n", pattern,
                             names[group[0]], group.size(), inputs);
  }
  if (!clashes.empty()) {
    std::cerr << "  hint: put a value that differs for each document in the pattern, such as "
                 "{{ source.stem }} (the data file's name) or {{ index }}; nothing was rendered\n";
    return kDocumentError;
  }

  // Phase 2: render. A document's files are committed (synced, renamed into
  // place) by `commits` while the next one renders; the document is done,
  // counted and reported, once they are on disk.
  Progress progress(jobs.size(), style);
  if (!(bulk_args.fail_fast && any_failed)) {
    CommitQueue commits;
    parallel_for(jobs.size(), workers, stop, [&](size_t i) {
      Job& job = jobs[i];
      bool written = false;
      if (job.named) {
        SaveOptions options = save_options(args, range);
        options.commits = &commits;
        options.commit_group = i;
        written = render_job(job, *layout, format, options);
        if (!written && bulk_args.fail_fast) stop = true;
      }
      // From here the job is the queue thread's, until commits.finish().
      commits.close_group(i, [&, written](std::vector<std::string> failures) {
        for (const auto& failure : failures)
          job.diags.output_failure(file_span(job.output), failure);
        if (job.named) {
          job.failed = !written || !failures.empty();
          job.output_failed = job.failed && job.diags.only_output_failures();
          job.rendered = !job.failed;
        }
        if (job.failed && bulk_args.fail_fast) stop = true;
        progress.finished(job.input, job.output, !job.failed);
      });
    });
    commits.finish();
  }
  progress.close();

  print_distinct_warnings(jobs);
  size_t failed = 0, output_failed = 0, rendered = 0;
  for (const auto& job : jobs)
    failed += job.failed, output_failed += job.output_failed, rendered += job.rendered;
  size_t skipped = jobs.size() - failed - rendered;
  int signal = stop_signal.exchange(0);
  std::string not_rendered = !skipped ? ""
                             : signal ? fmt::format(", {} not rendered after {}", skipped,
                                                    signal == SIGINT ? "SIGINT" : "SIGTERM")
                                      : fmt::format(", {} not rendered after --fail-fast", skipped);
  if (failed) {
    for (const auto& job : jobs)
      if (job.failed) print_diagnostics(errors_of(job));
    std::string unwritable =
        output_failed ? fmt::format(" ({} could not be written)", output_failed) : "";
    std::cerr << fmt::format("folio: {} of {} documents failed{}: {} written{}\n", failed,
                             jobs.size(), unwritable, rendered, not_rendered);
    for (const auto& job : jobs)
      if (job.failed)
        std::cerr << fmt::format("  failed: {}{}: {}\n", job.input,
                                 job.named ? " -> " + job.output : "", first_error(job));
  } else if (signal) {
    std::cerr << fmt::format("folio: stopped: {} of {} documents written{}\n", rendered,
                             jobs.size(), not_rendered);
  }
  if (signal) return 128 + signal;
  if (failed) return failed == output_failed ? kOutputError : kDocumentError;
  if (style != Progress::Style::quiet)
    std::cerr << fmt::format("{} document{} written\n", rendered, rendered == 1 ? "" : "s");
  return kSuccess;
}

}  // namespace folio::cli
