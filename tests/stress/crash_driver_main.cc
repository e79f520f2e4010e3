// erflow_crash_driver: the child process of the crash test. It builds the stress plan,
// opens the engine on --db (durable SQLite: synchronous=FULL), and runs the plan's steps
// from --from to the end, acknowledging each on stdout the moment it has completed:
//
//   B <step>                           about to run <step>
//   A <step> <result> <replayed> <n>   <step> completed (result "ok" or a refusal's code)
//   D                                  every step has run
//
// Lines are written with write(2), unbuffered, so an acknowledgement the harness reads
// was written after the step's transaction committed. The harness kills this process
// with SIGKILL at random moments and restarts it at the step that was in flight.
// Thread rules: single-threaded.
//
// usage: erflow_crash_driver --db PATH --source DIR --commands N --seed S --from STEP
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "erflow/calendar.h"
#include "erflow/engine.h"
#include "stress/stress_runner.h"

using namespace erflow;
using namespace erflow::stress;

namespace {

void Say(const std::string& line) {
  std::string text = line + "\n";
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = write(STDOUT_FILENO, p, left);
    if (n <= 0) std::exit(4);  // the harness is gone
    p += n;
    left -= static_cast<size_t>(n);
  }
}

[[noreturn]] void Fail(const std::string& what, const Status& s) {
  std::fprintf(stderr, "erflow_crash_driver: %s: %s\n", what.c_str(), s.ToString().c_str());
  std::exit(3);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, source;
  StressOptions options;
  size_t from = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--db")
      db = value;
    else if (flag == "--source")
      source = value;
    else if (flag == "--commands")
      options.commands = std::atoll(value.c_str());
    else if (flag == "--seed")
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (flag == "--from")
      from = std::strtoull(value.c_str(), nullptr, 10);
    else {
      std::fprintf(stderr, "erflow_crash_driver: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (db.empty() || source.empty()) {
    std::fprintf(stderr,
                 "usage: erflow_crash_driver --db PATH --source DIR --commands N "
                 "--seed S --from STEP\n");
    return 2;
  }
  auto plan = BuildStressPlan(source, options);
  if (!plan.ok()) Fail("plan", plan.status());
  if (from > plan->steps.size()) Fail("--from", Status::InvalidArgument("past the plan's end"));
  auto calendar = Calendar::LoadDir(plan->calendars_dir);
  if (!calendar.ok()) Fail("calendar", calendar.status());
  ManualClock clock(from < plan->steps.size() ? ClockBefore(*plan, from) : Instant{});
  auto engine =
      Engine::Open(db, clock, std::make_shared<const Calendar>(std::move(calendar).value()));
  if (!engine.ok()) Fail("open", engine.status());
  StressRunner runner(*plan, engine->get(), &clock);
  if (Status s = runner.Setup(); !s.ok()) Fail("setup", s);
  for (size_t i = from; i < plan->steps.size(); ++i) {
    Say("B " + std::to_string(i));
    auto out = runner.Run(i);
    if (!out.ok())
      Fail("step " + std::to_string(i) + " (" + plan->steps[i].origin + ")", out.status());
    Say("A " + std::to_string(i) + " " + out->result + " " + (out->replayed ? "1" : "0") + " " +
        std::to_string(out->value));
  }
  Say("D");
  return 0;
}
