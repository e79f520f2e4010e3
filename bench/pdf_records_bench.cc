// pdf_records_bench: renders and signs a batch of two-page Chinese records (the 附件二
// initial report with a long description) and reports ms/record and KB/record. Run by
// bench/pdf_vs_reportlab.sh beside Debian's python3-reportlab writing the same form.
//
//   pdf_records_bench [--count N] [--ca DIR] [--dump-json FILE] [--out FILE]
//
// --ca DIR      demo CA folder from scripts/make-demo-ca (made in /tmp if absent)
// --dump-json   writes the record's content as JSON, so the baseline draws the same text
// --out         writes one signed record, for a look
// The last line is machine-readable: RESULT erflow_ms=… erflow_kb=… pages=… glyphs=…
// Thread rules: single-threaded.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "../tests/unit/reports/pdf_sample_records.h"
#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/pdf/signer.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/reports/pdf/verifier.h"
#include "erflow/time_format.h"

using namespace erflow;
using namespace erflow::pdf;

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

std::string Json(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\', out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The record as the baseline script reads it: rows of [layout, [[label, value], ...]].
std::string RecordJson(const RecordDocument& r) {
  std::string j = "{\"form_label\":" + Json(r.form_label) + ",\"title\":" + Json(r.title) +
                  ",\"unit_name\":" + Json(r.unit_name) +
                  ",\"document_number\":" + Json(r.document_number) +
                  ",\"footer_note\":" + Json(r.footer_note) + ",\"rows\":[";
  bool first_row = true;
  for (const RecordSection& s : r.sections) {
    for (const RecordRow& row : s.rows) {
      j += first_row ? "" : ",";
      first_row = false;
      j += std::string("[\"") + (row.layout == RecordRow::Layout::kFullWidth ? "full" : "pairs") +
           "\",[";
      for (size_t i = 0; i < row.fields.size(); ++i) {
        j += (i ? "," : "") + std::string("[") + Json(row.fields[i].label) + "," +
             Json(row.fields[i].value) + "]";
      }
      j += "]]";
    }
  }
  j += "],\"signatures\":[";
  for (size_t i = 0; i < r.signatures.size(); ++i) {
    const SignatureSlot& s = r.signatures[i];
    j += (i ? "," : "") + std::string("[") + Json(s.role) + "," + Json(s.signer_name) + "," +
         Json(s.signed_at ? FormatChineseDateTime(*s.signed_at) : "") + "]";
  }
  return j + "]}\n";
}

int Fail(const std::string& what, const Status& st) {
  std::fprintf(stderr, "pdf_records_bench: %s: %s\n", what.c_str(), st.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int count = 200;
  std::string ca_dir, dump_json, out_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--count") count = std::atoi(argv[i + 1]);
    if (a == "--ca") ca_dir = argv[i + 1];
    if (a == "--dump-json") dump_json = argv[i + 1];
    if (a == "--out") out_file = argv[i + 1];
  }
  if (ca_dir.empty()) {
    ca_dir = "/tmp/erflow-bench-demo-ca";
    const std::string cmd =
        std::string("'") + ERFLOW_SOURCE_DIR + "/scripts/make-demo-ca' " + ca_dir;
    if (std::system(cmd.c_str()) != 0) return 1;
  }

  const auto t0 = Clock::now();
  auto font = CjkFont::LoadDefault();
  if (!font.ok()) return Fail("font", font.status());
  const double font_ms = Ms(Clock::now() - t0);
  const Instant when = sample::kReportTime;
  auto reporter = LoadSigningKeyFile(ca_dir + "/reporter.p12", "erflow-demo", when);
  auto supervisor = LoadSigningKeyFile(ca_dir + "/supervisor.p12", "erflow-demo", when);
  if (!reporter.ok()) return Fail("reporter key", reporter.status());
  if (!supervisor.ok()) return Fail("supervisor key", supervisor.status());

  // Each record of the batch differs (number, times) as a real batch would.
  std::vector<RecordDocument> records;
  for (int i = 0; i < count + 5; ++i) {
    RecordDocument r = sample::TwoPageReport();
    r.document_number = "ER-2025-" + std::to_string(1000 + i);
    r.created_at = when.Plus(60 * i);
    records.push_back(std::move(r));
  }
  if (!dump_json.empty()) std::ofstream(dump_json) << RecordJson(records[0]);

  SignatureRequest first{"", "报告属实", "某县信息网络中心", "", when, ""};
  SignatureRequest second{"", "审核同意", "某县信息网络中心", "", when.Plus(1800), ""};
  double render_ms = 0, sign_ms = 0, second_ms = 0;
  size_t bytes = 0, bytes2 = 0;
  std::string sample_pdf, sample_unsigned;
  for (int i = 0; i < count + 5; ++i) {
    const bool warmup = i < 5;
    const auto a = Clock::now();
    auto pdf = RenderRecordPdf(records[i], **font);
    const auto b = Clock::now();
    if (!pdf.ok()) return Fail("render", pdf.status());
    auto signed_pdf = SignPdf(*pdf, *reporter, first);
    const auto c = Clock::now();
    if (!signed_pdf.ok()) return Fail("sign", signed_pdf.status());
    auto both = SignPdf(*signed_pdf, *supervisor, second);
    const auto d = Clock::now();
    if (!both.ok()) return Fail("second signature", both.status());
    if (warmup) continue;
    render_ms += Ms(b - a);
    sign_ms += Ms(c - b);
    second_ms += Ms(d - c);
    bytes += signed_pdf->size();
    bytes2 += both->size();
    if (sample_pdf.empty()) sample_pdf = *both, sample_unsigned = *pdf;
  }
  auto check = VerifyPdf(sample_pdf, [&] {
    std::ifstream f(ca_dir + "/ca.pem");
    return std::string(std::istreambuf_iterator<char>(f), {});
  }());
  if (!check.ok() || !check->ok()) {
    std::fprintf(stderr, "pdf_records_bench: the sample does not verify\n");
    return 1;
  }
  if (!out_file.empty()) std::ofstream(out_file, std::ios::binary) << sample_pdf;

  // Distinct characters drawn: the subset's size follows them.
  std::set<std::string> distinct;
  const std::string json = RecordJson(records[0]);
  for (size_t i = 0; i < json.size();) {
    const auto c = static_cast<unsigned char>(json[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    distinct.insert(json.substr(i, len));
    i += len;
  }
  size_t pages = 0;
  for (size_t p = sample_unsigned.find("/Type/Page/"); p != std::string::npos;
       p = sample_unsigned.find("/Type/Page/", p + 1)) {
    ++pages;
  }

  const double n = count;
  const double total = (render_ms + sign_ms) / n;
  const double kb = bytes / n / 1024.0, kb2 = bytes2 / n / 1024.0;
  std::printf(
      "erflow (C++, PoDoFo 0.9.8 + OpenSSL 3): %d two-page records, %zu distinct "
      "characters each\n",
      count, distinct.size());
  std::printf("  font load, once per process   %7.1f ms\n", font_ms);
  std::printf("  render                        %7.2f ms/record\n", render_ms / n);
  std::printf("  sign (reporter)               %7.2f ms/record\n", sign_ms / n);
  std::printf("  render + sign                 %7.2f ms/record   (target <= 10 ms)\n", total);
  std::printf("  size, signed once             %7.1f KB/record   (target <= 80 KB)\n", kb);
  std::printf("  second signature (supervisor) %7.2f ms/record, %.1f KB/record with both\n",
              second_ms / n, kb2);
  std::printf("RESULT erflow_ms=%.3f erflow_kb=%.1f erflow_kb2=%.1f second_ms=%.3f pages=%zu\n",
              total, kb, kb2, second_ms / n, pages);
  return 0;
}
