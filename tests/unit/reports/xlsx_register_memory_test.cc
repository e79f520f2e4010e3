// Constant memory, measured: the writer's peak RSS growth for 200,000 rows must be about
// the same as for 20,000. The peak is reset between runs through /proc/self/clear_refs
// ("5" resets VmHWM to the current RSS), so earlier tests in this process do not mask it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "erflow/reports/register_writer.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::reports;
using namespace erflow::test;

namespace {

long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  std::string prefix = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
  }
  return -1;
}

bool ResetPeak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

// Writes `cases` cases and one deadline per four cases; returns the peak RSS growth in KB.
long PeakGrowthKb(const std::string& path, int cases, int* progress_calls) {
  REQUIRE(ResetPeak());
  long base = StatusKb("VmRSS");
  RegisterOptions o;
  o.as_of = Instant::FromUnix(1767196800);
  o.progress = [&](const RegisterProgress& p) {
    if (p.phase == RegisterProgress::Phase::kRows) ++*progress_calls;
  };
  auto w = RegisterWriter::Open(path, o);
  REQUIRE(w.ok());
  CaseRow c;
  c.plan = "网络与信息安全突发事件应急预案";
  c.category = "网络攻击";
  c.unit = "鹿城区大数据中心";
  c.status = "已结案";
  DeadlineRow d;
  d.name = "处理结果报告备案";
  d.kind_code = "result_report";
  d.kind_label = "结果报告备案";
  for (int i = 0; i < cases; ++i) {
    c.case_id = "2025-" + std::to_string(1000000 + i);
    c.level = static_cast<Level>(1 + i % 4);
    c.warning = static_cast<WarningColour>(1 + i % 4);
    c.discovered = Instant::FromUnix(1735660800 + int64_t{i} * 97);
    c.reported = c.discovered->Plus(900);
    c.ended = c.discovered->Plus(86400);
    c.filing_number =
        "2025年10月22日第" + std::to_string(i % 40 + 1) + "号 总第" + std::to_string(i + 1) + "号";
    c.filed = c.ended->Plus(3 * 86400);
    c.late_flags = i % 5 == 0 ? uint32_t{kLateReport} : 0u;
    Status st = w.value()->AddCase(c);
    if (st.ok() && i % 4 == 0) {
      d.case_id = c.case_id;
      d.due = c.ended->Plus(7 * 86400);
      d.done = c.filed;
      d.state = DeadlineState::kMet;
      st = w.value()->AddDeadline(d);
    }
    if (!st.ok()) FAIL(st.ToString());  // one assertion per failure, not one per row
  }
  REQUIRE(w.value()->Close().ok());
  return StatusKb("VmHWM") - base;
}

}  // namespace

TEST_CASE("register: memory stays flat from 20,000 to 200,000 cases", "[xlsx][memory]") {
  {
    std::ofstream probe("/proc/self/clear_refs");
    if (!probe) {
      WARN("cannot reset VmHWM through /proc/self/clear_refs here; skipped");
      return;
    }
  }
  TempDir dir;
  int small_calls = 0, large_calls = 0;
  long small = PeakGrowthKb(dir.File("small.xlsx"), 20000, &small_calls);
  long large = PeakGrowthKb(dir.File("large.xlsx"), 200000, &large_calls);
  INFO("peak RSS growth: 20,000 cases " << small << " KB, 200,000 cases " << large << " KB");
  // Ten times the rows may not cost more than a couple of MB more (malloc arenas settle).
  CHECK(large <= small + 2048);
#ifndef __SANITIZE_ADDRESS__  // ASan's quarantine keeps freed memory resident
  CHECK(large < 16 * 1024);
#endif
  CHECK(small_calls == 0);  // 25,000 rows: below one progress step of 100,000
  CHECK(large_calls == 2);  // 250,000 rows
}
