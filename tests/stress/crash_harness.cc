#include "stress/crash_harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

namespace erflow::stress {
namespace {

using Kind = StressStep::Kind;

struct Child {
  pid_t pid = -1;
  int out = -1;  // the read end of its stdout
};

Result<Child> Start(const CrashOptions& o, const std::string& db, size_t from,
                    const std::string& err_file) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::IOError(std::string("pipe: ") + strerror(errno));
  std::vector<std::string> args = {o.driver,
                                   "--db",
                                   db,
                                   "--source",
                                   o.source_dir,
                                   "--commands",
                                   std::to_string(o.plan.commands),
                                   "--seed",
                                   std::to_string(o.plan.seed),
                                   "--from",
                                   std::to_string(from)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return Status::IOError(std::string("fork: ") + strerror(errno));
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  return Child{pid, fds[0]};
}

std::optional<StepOutcome> ParseAck(const std::string& line, size_t* step) {
  std::istringstream in(line);
  std::string tag, replayed;
  StepOutcome o;
  if (!(in >> tag >> *step >> o.result >> replayed >> o.value) || tag != "A") return std::nullopt;
  o.replayed = replayed == "1";
  return o;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<CrashReport> RunCrashTest(const CrashOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  ERFLOW_ASSIGN_OR_RETURN(StressPlan plan, BuildStressPlan(o.source_dir, o.plan));
  CrashReport report;
  report.steps = static_cast<int64_t>(plan.steps.size());
  report.commands = plan.CountOf(Kind::kCommand);
  report.sweeps = plan.CountOf(Kind::kSweep);
  report.anchor_steps = plan.CountOf(Kind::kAnchor);
  for (const auto& s : plan.steps) report.refusals += !s.expect.empty();

  const std::string db = o.work_dir + "/crash.db", err_file = o.work_dir + "/driver.err";
  std::mt19937_64 rng(o.plan.seed);
  // Kill after 0..2*avg acknowledged steps: on average half the plan is used up by the
  // requested kills, so they all land before it ends.
  const int64_t avg = std::max<int64_t>(1, report.steps / (2 * std::max(1, o.kills)));
  std::vector<std::optional<StepOutcome>> acked(plan.steps.size());
  size_t next = 0;             // the first step not acknowledged
  int64_t retrying = -1;       // a command retried after a kill, until acknowledged
  int64_t startup_us = 20000;  // how long a start takes until its first step (running mean)
  while (next < plan.steps.size()) {
    ERFLOW_ASSIGN_OR_RETURN(Child child, Start(o, db, next, err_file));
    ++report.starts;
    const bool kill_this = report.kills < o.kills;
    int64_t target = static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * avg + 1));
    auto delay_us = static_cast<useconds_t>(rng() % 3000);
    // One kill in eight lands in start-up — loading, opening (creating) the database,
    // deploying and adding users — at a moment within how long start-up has been taking.
    if (rng() % 8 == 0) {
      target = 0;
      delay_us = static_cast<useconds_t>(rng() % static_cast<uint64_t>(startup_us + 1));
    }
    const auto started = std::chrono::steady_clock::now();
    int64_t acks = 0;
    int64_t begun = -1;
    bool done = false, killed = false;
    std::string buffer;
    char chunk[4096];
    while (true) {
      if (kill_this && !killed && !done && acks >= target) {
        usleep(delay_us);  // a random moment inside whatever the child does next
        kill(child.pid, SIGKILL);
        killed = true;  // keep reading: what it wrote before dying still counts
      }
      const ssize_t n = read(child.out, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      buffer.append(chunk, static_cast<size_t>(n));
      size_t nl;
      while ((nl = buffer.find('\n')) != std::string::npos) {
        const std::string line = buffer.substr(0, nl);
        buffer.erase(0, nl + 1);
        if (line == "D") {
          done = true;
        } else if (line.rfind("B ", 0) == 0) {
          if (begun < 0) {
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - started);
            startup_us = (startup_us + us.count()) / 2;
          }
          begun = std::stoll(line.substr(2));
        } else {
          size_t step = 0;
          auto outcome = ParseAck(line, &step);
          if (!outcome || step != next) {
            kill(child.pid, SIGKILL);
            waitpid(child.pid, nullptr, 0);
            close(child.out);
            return Status::Corruption("crash driver said \"" + line + "\" while step " +
                                      std::to_string(next) + " was expected");
          }
          if (static_cast<int64_t>(step) == retrying) {
            report.replayed += outcome->replayed;
            retrying = -1;
          }
          acked[step] = std::move(*outcome);
          ++next;
          ++acks;
        }
      }
    }
    close(child.out);
    int status = 0;
    waitpid(child.pid, &status, 0);
    if (killed && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      ++report.kills;
      if (begun < 0) ++report.kills_before_first_step;
      if (begun >= 0 && static_cast<size_t>(begun) == next) {  // in flight: retried next
        if (plan.steps[next].kind == Kind::kCommand) {
          ++report.retried_commands;
          retrying = begun;
        } else {
          ++report.retried_other;
        }
      }
      if (o.progress && report.kills % 10 == 0)
        *o.progress << "  " << report.kills << " kills, " << next << " of " << plan.steps.size()
                    << " steps acknowledged\n"
                    << std::flush;
      continue;
    }
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0 && done))
      return Status::IOError("crash driver failed at step " + std::to_string(next) + " (" +
                             (next < plan.steps.size() ? plan.steps[next].origin : "end") +
                             "): " + Slurp(err_file));
  }

  std::vector<StepOutcome> outcomes;
  for (auto& a : acked) outcomes.push_back(std::move(*a));
  const std::string reference_db = o.work_dir + "/reference.db";
  ERFLOW_ASSIGN_OR_RETURN(auto reference, RunReference(plan, reference_db));
  ERFLOW_ASSIGN_OR_RETURN(report.figures,
                          CheckCrashDatabase(plan, outcomes, db, reference, reference_db));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

void PrintCrashReport(const CrashReport& r, std::ostream& out) {
  const CheckFigures& f = r.figures;
  out << "steps:      " << r.steps << " (" << r.commands << " commands of which " << r.refusals
      << " refused by design, " << r.sweeps << " timer sweeps, " << r.anchor_steps
      << " anchor writes)\n"
      << "kills:      " << r.kills << " SIGKILLs over " << r.starts << " starts ("
      << r.kills_before_first_step << " while opening the database or setting up)\n"
      << "retries:    " << r.retried_commands << " commands in flight at a kill, retried with "
      << "their key: " << r.replayed << " had committed (answered from history), "
      << r.retried_commands - r.replayed << " applied on retry; " << r.retried_other
      << " sweeps/anchor writes run again\n"
      << "database:   " << f.cases << " cases, " << f.events << " events (" << f.timer_events
      << " fired by timers), " << f.anchors << " anchors, " << f.filings << " filing numbers over "
      << f.filing_days << " days\n"
      << "mismatches: " << f.mismatches.size() << "\n";
  for (const auto& m : f.mismatches) out << "  " << m << "\n";
  out << "time:       " << static_cast<int64_t>(r.seconds * 10) / 10.0 << " s\n";
}

}  // namespace erflow::stress
