// Benchmark: writes a synthetic register of N cases (and optionally K deadlines per case)
// with RegisterWriter and prints wall time and peak RSS. bench/xlsx_vs_python.sh runs it
// beside bench/xlsx_register_python.py, which writes the very same rows, columns, types
// and formats with Debian's python3-xlsxwriter; the row generator below and the one in
// that script must stay identical (bench/xlsx_compare.py checks they do).
//
// usage: xlsx_register_bench --cases N --out FILE [--deadlines-per-case K] [--progress]
// Thread rules: single-threaded program.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

#include "erflow/civil_date.h"
#include "erflow/reports/register_writer.h"

using namespace erflow;
using namespace erflow::reports;

namespace {

constexpr int64_t kBase = 1735660800;  // 2025-01-01T00:00:00+08:00

const char* const kPlans[] = {"网络与信息安全突发事件应急预案", "统计系统突发事件应急预案",
                              "统计信息重大失泄密事件应急处置预案", "重大统计新闻舆论事件应急预案"};
const char* const kCategories[] = {"有害程序",     "网络攻击",   "信息破坏", "信息内容安全",
                                   "设备设施故障", "灾害性事件", "其他"};
const char* const kUnits[] = {"鹿城区大数据中心", "自治区统计局办公室", "市公安局网安支队",
                              "县统计局",         "市政务服务中心",     "区教育局信息中心"};
const char* const kDeadlineNames[] = {"初次报告", "处理结果报告备案", "调查总结报告"};
const char* const kDeadlineCodes[] = {"initial_report", "result_report", "summary"};

// Row i of the synthetic register. Keep in step with xlsx_register_python.py.
CaseRow MakeCase(uint64_t i) {
  uint32_t h = static_cast<uint32_t>(i * 2654435761u);
  char buf[96];
  CaseRow c;
  std::snprintf(buf, sizeof buf, "2025-%07llu", static_cast<unsigned long long>(i + 1));
  c.case_id = buf;
  c.plan = kPlans[i % 4];
  c.category = kCategories[(h >> 3) % 7];
  c.level = static_cast<Level>(1 + (h >> 7) % 4);
  c.warning = static_cast<WarningColour>(static_cast<int>(c.level));
  c.unit = kUnits[(h >> 11) % 6];
  int64_t discovered = kBase + static_cast<int64_t>(i) * 31;
  c.discovered = Instant{discovered};
  c.reported = Instant{discovered + 300 + (h >> 13) % 3600};
  if (c.level != Level::kIV) c.activated = c.reported->Plus(1200);
  if (i % 10 != 9) c.ended = Instant{discovered + 86400 * (1 + (h >> 17) % 5)};
  if (c.ended && i % 10 != 8) {
    c.filed = c.ended->Plus(86400 * (1 + (h >> 19) % 8));
    CivilDate d = CivilDate::InChina(*c.filed);
    std::snprintf(buf, sizeof buf, "%d年%02d月%02d日第%d号 总第%llu号", d.year, d.month, d.day,
                  static_cast<int>(1 + i % 50), static_cast<unsigned long long>(i + 1));
    c.filing_number = buf;
  }
  if (c.ended && i % 7 != 0) c.summary_submitted = c.ended->Plus(86400 * (5 + (h >> 21) % 30));
  c.status = c.summary_submitted ? "已结案" : (c.ended ? "处置完毕" : "处置中");
  c.late_flags = h % 6 == 0 ? (h >> 23) & 0xF : 0;
  return c;
}

DeadlineRow MakeDeadline(const CaseRow& c, uint64_t i, int k) {
  uint32_t h = static_cast<uint32_t>((i * 3 + k) * 2654435761u);
  DeadlineRow d;
  d.case_id = c.case_id;
  d.name = kDeadlineNames[k % 3];
  d.kind_code = kDeadlineCodes[k % 3];
  d.kind_label = kDeadlineNames[k % 3];
  d.due = c.discovered->Plus(1800 + 86400 * 7 * (k % 3));
  d.state = static_cast<DeadlineState>(h % 4);
  if (d.state == DeadlineState::kMet) d.done = d.due->Plus(-static_cast<int64_t>(h % 1800));
  if (d.state == DeadlineState::kLate) d.done = d.due->Plus(60 + h % 7200);
  return d;
}

long PeakRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t cases = 0;
  int deadlines_per_case = 0;
  bool progress = false;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--cases" && i + 1 < argc)
      cases = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (a == "--deadlines-per-case" && i + 1 < argc)
      deadlines_per_case = std::atoi(argv[++i]);
    else if (a == "--progress")
      progress = true;
    else {
      std::fprintf(stderr, "usage: %s --cases N --out FILE [--deadlines-per-case K] [--progress]\n",
                   argv[0]);
      return 2;
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "--out FILE is required\n");
    return 2;
  }

  RegisterOptions options;
  options.as_of = Instant{kBase + 400 * 86400};
  if (progress) {
    options.progress = [](const RegisterProgress& p) {
      if (p.phase == RegisterProgress::Phase::kRows) {
        std::fprintf(stderr, "register: %llu rows written\n",
                     static_cast<unsigned long long>(p.rows.total()));
      } else if (p.phase == RegisterProgress::Phase::kPacking) {
        std::fprintf(stderr, "register: compressing the workbook\n");
      }
    };
  }
  auto start = std::chrono::steady_clock::now();
  auto writer = RegisterWriter::Open(out, options);
  if (!writer.ok()) {
    std::fprintf(stderr, "%s\n", writer.status().ToString().c_str());
    return 1;
  }
  for (uint64_t i = 0; i < cases; ++i) {
    CaseRow c = MakeCase(i);
    Status st = (*writer)->AddCase(c);
    for (int k = 0; st.ok() && k < deadlines_per_case; ++k) {
      st = (*writer)->AddDeadline(MakeDeadline(c, i, k));
    }
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
  }
  Status st = (*writer)->Close();
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.ToString().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("erflow cases=%llu rows=%llu seconds=%.2f peak_rss_kb=%ld\n",
              static_cast<unsigned long long>(cases),
              static_cast<unsigned long long>((*writer)->counts().total()), seconds, PeakRssKb());
  return 0;
}
