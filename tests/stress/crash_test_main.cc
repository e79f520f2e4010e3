// erflow_crash_test: the crash test as a program (scripts/crash-test runs it). Kills the
// crash driver at random moments while it runs the stress plan, then checks the database
// against an uninterrupted run of the same plan; prints the counts and every mismatch.
// Exit status 0 only when every requested kill happened and nothing mismatched.
// Thread rules: single-threaded.
//
// usage: erflow_crash_test [--kills N] [--commands N] [--seed S] [--keep]
//                          [--driver PATH] [--source DIR] [--work DIR]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "stress/crash_harness.h"

using namespace erflow::stress;

int main(int argc, char** argv) {
  CrashOptions o;
  o.driver = ERFLOW_CRASH_DRIVER;
  o.source_dir = ERFLOW_SOURCE_DIR;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "erflow_crash_test: %s needs a value\n", flag.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (flag == "--kills")
      o.kills = std::atoi(value().c_str());
    else if (flag == "--commands")
      o.plan.commands = std::atoll(value().c_str());
    else if (flag == "--seed")
      o.plan.seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (flag == "--driver")
      o.driver = value();
    else if (flag == "--source")
      o.source_dir = value();
    else if (flag == "--work")
      o.work_dir = value();
    else if (flag == "--keep")
      keep = true;
    else {
      std::fprintf(stderr,
                   "usage: erflow_crash_test [--kills N] [--commands N] [--seed S] [--keep] "
                   "[--driver PATH] [--source DIR] [--work DIR]\n");
      return 2;
    }
  }
  bool made = false;
  if (o.work_dir.empty()) {
    char tmpl[] = "/tmp/erflow-crash-XXXXXX";
    if (!mkdtemp(tmpl)) return 1;
    o.work_dir = tmpl;
    made = true;
  }
  o.progress = &std::cout;
  std::cout << "crash test: " << o.plan.commands << " commands, " << o.kills << " kills, seed "
            << o.plan.seed << ", databases in " << o.work_dir << "\n";
  auto report = RunCrashTest(o);
  if (!report.ok()) {
    std::cerr << "crash test failed: " << report.status().ToString() << "\n";
    std::cerr << "(databases kept in " << o.work_dir << ")\n";
    return 1;
  }
  PrintCrashReport(*report, std::cout);
  const bool pass = report->figures.mismatches.empty() && report->kills >= o.kills;
  if (report->kills < o.kills)
    std::cout << "only " << report->kills << " of " << o.kills
              << " kills happened before the plan ended: use more --commands\n";
  if (made && !keep && pass)
    std::filesystem::remove_all(o.work_dir);
  else
    std::cout << "databases kept in " << o.work_dir << "\n";
  std::cout << (pass ? "PASS" : "FAIL") << "\n";
  return pass ? 0 : 1;
}
