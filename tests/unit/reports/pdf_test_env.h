// Shared set-up of the PDF tests: the CJK font (loaded once per test run), the demo CA
// (made once per run with scripts/make-demo-ca in a temporary folder) and small helpers
// running poppler's and qpdf's command line tools on PDF bytes.
// Thread rules: Catch2 runs tests on one thread; the statics below are set up lazily.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "erflow/reports/pdf/cjk_font.h"
#include "test_support.h"

namespace erflow::pdf::testenv {

inline const CjkFont& Font() {
  static std::shared_ptr<const CjkFont> font = [] {
    auto f = CjkFont::LoadDefault();
    if (!f.ok()) FAIL("loading the CJK font: " << f.status().ToString());
    return *f;
  }();
  return *font;
}

// The folder make-demo-ca filled: ca.pem, reporter.p12, supervisor.p12 … (password
// "erflow-demo").
inline const std::string& CaDir() {
  static test::TempDir dir;
  static bool made = false;
  if (!made) {
    auto r = test::RunShell(test::ShellQuote(test::SourceDir() + "/scripts/make-demo-ca") + " " +
                            test::ShellQuote(dir.path()));
    if (r.exit_code != 0) FAIL("make-demo-ca failed: " << r.err);
    made = true;
  }
  return dir.path();
}

inline std::string CaFile(const std::string& name) {
  return CaDir() + "/" + name;
}

// Runs `tool args FILE` on the PDF bytes (written to a temporary file).
inline test::RunResult OnPdf(const std::string& pdf, const std::string& tool,
                             const std::string& args = "") {
  test::TempDir dir;
  const std::string path = dir.File("doc.pdf");
  test::WriteFile(path, pdf);
  return test::RunShell(tool + " " + args + " " + test::ShellQuote(path));
}

// pdftotext of the given pages (1-based; 0 = all), in reading order.
inline std::string Text(const std::string& pdf, int first = 0, int last = 0) {
  std::string args;
  if (first > 0) args += " -f " + std::to_string(first);
  if (last > 0) args += " -l " + std::to_string(last);
  test::TempDir dir;
  const std::string path = dir.File("doc.pdf");
  test::WriteFile(path, pdf);
  return test::RunShell("pdftotext" + args + " " + test::ShellQuote(path) + " -").out;
}

inline size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

}  // namespace erflow::pdf::testenv
