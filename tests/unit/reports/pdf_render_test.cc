// Rendering records and dossiers, checked with the real tools: pdffonts (embedded subset
// CJK font), qpdf --check, pdftotext (labels, values, dates, page numbers, text continued
// on page 2), pdftoppm (pages render), and the errors for characters the font lacks.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "erflow/reports/pdf/renderer.h"
#include "erflow/time_format.h"
#include "pdf_sample_records.h"
#include "pdf_test_env.h"

using namespace erflow;
using namespace erflow::pdf;
using testenv::Count;
using testenv::Font;
using testenv::OnPdf;
using testenv::Text;

namespace {

std::string Render(const RecordDocument& r) {
  auto pdf = RenderRecordPdf(r, Font());
  if (!pdf.ok()) FAIL(pdf.status().ToString());
  return *pdf;
}

int Pages(const std::string& pdf) {
  const std::string info = OnPdf(pdf, "pdfinfo").out;
  const size_t at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

std::string WithoutSpace(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\f') out.push_back(c);
  }
  return out;
}

// A record whose description alone is longer than a page.
RecordDocument LongRecord() {
  RecordDocument r = sample::InitialReport(0);
  for (RecordRow& row : r.sections[0].rows) {
    if (row.fields[0].label.rfind("网络与信息安全事件的简要描述", 0) == 0) {
      row.fields[0].value = sample::Repeat(sample::LongNarrative(), 2) + "尾句标记：描述到此结束。";
    }
  }
  return r;
}

}  // namespace

TEST_CASE("a record is an A4 PDF with an embedded, subset CJK font", "[pdf]") {
  const std::string pdf = Render(sample::InitialReport());
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);

  auto fonts = OnPdf(pdf, "pdffonts");
  REQUIRE(fonts.exit_code == 0);
  INFO(fonts.out);
  // Header, rule, then one line per font: every font embedded and subset, Identity-H.
  CHECK(Count(fonts.out, "\n") == 3);
  CHECK(fonts.out.find("CID TrueType") != std::string::npos);
  CHECK(fonts.out.find("Identity-H       yes yes yes") != std::string::npos);
  CHECK(fonts.out.find("+WenQuanYiZenHei") != std::string::npos);

  auto check = OnPdf(pdf, "qpdf --check");
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

  auto info = OnPdf(pdf, "pdfinfo");
  CHECK(info.out.find("595.28 x 841.89 pts (A4)") != std::string::npos);
  CHECK(info.out.find("网络与信息安全事件报告表") != std::string::npos);  // /Title
}

TEST_CASE("pdftotext finds the form's labels, values, dates and page numbers", "[pdf]") {
  const std::string pdf = Render(sample::TwoPageReport());
  REQUIRE(Pages(pdf) == 2);
  const std::string text = Text(pdf);
  INFO(text);
  for (const char* s : {"附件二",
                        "网络与信息安全事件报告表",
                        "单位名称：某县信息网络中心",
                        "编号：ER-2025-0042",
                        "报告时间",
                        "2025年10月14日 17:00",
                        "报告人",
                        "张伟",
                        "负责部门",
                        "信息网络中心运维科",
                        "初步判定的事故原因",
                        "duty@xxzx.example.gov.cn",
                        "严重程度",
                        "较大（III级）",
                        "报告人签名",
                        "签署日期",
                        "2025年10月14日 17:30",
                        "审核人（分管领导）",
                        "王芳",
                        "第 1 页 共 2 页",
                        "第 2 页 共 2 页",
                        "本表由 erflow 生成"}) {
    CHECK(text.find(s) != std::string::npos);
  }
  // Field order follows the official form: 报告时间 before 单位名称 before 值班电话.
  CHECK(text.find("报告时间") < text.find("负责部门"));
  CHECK(text.find("负责部门") < text.find("值班电话"));
}

TEST_CASE("long text wraps inside its cell and continues on the next page", "[pdf]") {
  const std::string pdf = Render(LongRecord());
  const int pages = Pages(pdf);
  REQUIRE(pages >= 2);
  const std::string page1 = WithoutSpace(Text(pdf, 1, 1));
  const std::string page2 = WithoutSpace(Text(pdf, 2, 2));
  INFO(page1 << "\n----\n" << page2);
  // The description starts on page 1 …
  CHECK(page1.find("网络与信息安全事件的简要描述") != std::string::npos);
  CHECK(page1.find("一、事件发现经过") != std::string::npos);
  CHECK(page1.find("尾句标记") == std::string::npos);
  // … and its end is on page 2, under the label marked as continued, with a running head.
  CHECK(page2.find("网络与信息安全事件的简要描述（如以前出现过类似情况也应加以说明）（续）") !=
        std::string::npos);
  CHECK(page2.find("尾句标记：描述到此结束。") != std::string::npos);
  CHECK(page2.find("网络与信息安全事件报告表（续）") != std::string::npos);
  CHECK(page2.find("第2页共" + std::to_string(pages) + "页") != std::string::npos);
  // Every line of the wrapped text stays inside the page's text area: pdftotext -bbox
  // would show it; here it is enough that no line is lost.
  CHECK(Count(WithoutSpace(Text(pdf)), "二、初步核查情况") == 2);
}

TEST_CASE("pdftoppm renders every page", "[pdf]") {
  const std::string pdf = Render(LongRecord());
  test::TempDir dir;
  test::WriteFile(dir.File("doc.pdf"), pdf);
  auto r =
      test::RunShell("pdftoppm -r 40 -png " + test::ShellQuote(dir.File("doc.pdf")) + " " +
                     test::ShellQuote(dir.File("page")) + " && ls " + test::ShellQuote(dir.path()));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(Count(r.out, ".png") == static_cast<size_t>(Pages(pdf)));
  CHECK(test::ReadFile(dir.File("page-1.png")).size() > 5000);  // not a blank page
}

TEST_CASE("the result report prints its filing number", "[pdf]") {
  const std::string text = Text(Render(sample::ResultReport()));
  INFO(text);
  CHECK(text.find("附件三") != std::string::npos);
  CHECK(text.find("网络与信息安全事件处理结果报告表") != std::string::npos);
  CHECK(text.find("备案编号: 2025年10月14日第1号 总第7号") != std::string::npos);
  CHECK(text.find("原事件报告时间") != std::string::npos);
  CHECK(text.find("第 1 页 共 1 页") != std::string::npos);
}

TEST_CASE("a character the font cannot show is an error naming it and the field", "[pdf]") {
  RecordDocument r = sample::InitialReport();
  r.sections[0].rows[1].fields[1].value = "张𠮷";  // U+20BB7 is outside GBK
  r.signatures[0].signer_name = "王😀";
  auto pdf = RenderRecordPdf(r, Font());
  REQUIRE_FALSE(pdf.ok());
  const std::string msg = pdf.status().message();
  INFO(msg);
  CHECK(pdf.status().code() == Status::Code::kInvalidArgument);
  CHECK(msg.find("U+20BB7 '𠮷'") != std::string::npos);
  CHECK(msg.find("\"报告人\"") != std::string::npos);
  CHECK(msg.find("sections[0].rows[1].fields[1].value") != std::string::npos);
  CHECK(msg.find("U+1F600") != std::string::npos);
  CHECK(msg.find("signatures[0].signer_name") != std::string::npos);

  r = sample::InitialReport();
  r.title = std::string("bad\x01") + "title";
  CHECK_THAT(RenderRecordPdf(r, Font()).status().message(), Catch::Contains("U+0001"));
  r.title = "\xE4\xB8";  // truncated UTF-8
  CHECK_THAT(RenderRecordPdf(r, Font()).status().message(), Catch::Contains("malformed UTF-8"));

  CHECK(Font().Covers(U'鬱'));
  CHECK(Font().Covers(U'→'));
  CHECK(Font().Covers(U'①'));
  CHECK_FALSE(Font().Covers(U'\U00020BB7'));
}

TEST_CASE("a record with a bad shape is refused", "[pdf]") {
  RecordDocument r = sample::InitialReport();
  r.sections[0].rows.push_back(RecordRow::Full("说明", "x"));
  r.sections[0].rows.back().fields.push_back({"多余", "y"});
  auto pdf = RenderRecordPdf(r, Font());
  REQUIRE_FALSE(pdf.ok());
  CHECK_THAT(pdf.status().message(), Catch::Contains("full-width row holds exactly 1 field"));
  r = sample::InitialReport();
  r.title.clear();
  CHECK_THAT(RenderRecordPdf(r, Font()).status().message(), Catch::Contains("needs a title"));
}

TEST_CASE("a dossier holds every record in order and the history with its hashes", "[pdf]") {
  Dossier d;
  d.title = "突发事件处置档案";
  d.subtitle = "县政务服务网首页被篡改事件";
  d.cover_fields = {{"案件编号", "ER-2025-0042"}, {"事发单位", "某县信息网络中心"}};
  d.records = {sample::InitialReport(), LongRecord(), sample::ResultReport()};
  d.footer_note = "档案由 erflow 导出";
  const std::string hash(64, 'a');
  for (int i = 1; i <= 60; ++i) {
    HistoryEntry h;
    h.seq = i;
    h.time = sample::kReportTime.Plus(60 * i);
    h.actor = i % 2 ? "张伟" : "王芳";
    h.role = i % 2 ? "值班员" : "分管领导";
    h.unit = "某县信息网络中心";
    h.action = "提交表单";
    h.changes = {{"事件级别", i == 1 ? "" : "一般（IV级）", "较大（III级）"}};
    h.hash = std::string(63, static_cast<char>('0' + i % 10)) + "f";
    h.prev_hash = i == 1 ? "" : std::string(64, 'e');
    d.history.push_back(h);
  }
  auto pdf = RenderDossierPdf(d, Font());
  REQUIRE(pdf.ok());
  const int pages = Pages(*pdf);
  const std::string text = Text(*pdf);
  const std::string flat = WithoutSpace(text);
  INFO(text);
  CHECK(pages >= 7);
  CHECK(text.find("突发事件处置档案") != std::string::npos);
  CHECK(flat.find("目录序号记录页码") != std::string::npos);
  CHECK(text.find("第 1 页 共 " + std::to_string(pages) + " 页") != std::string::npos);
  CHECK(text.find("第 " + std::to_string(pages) + " 页 共 " + std::to_string(pages) + " 页") !=
        std::string::npos);
  // Records in order, each from its own page; the appendix last.
  const size_t first = flat.find("网络与信息安全事件报告表（续）");
  CHECK(flat.find("附件二") < flat.find("附件三"));
  CHECK(first != std::string::npos);
  CHECK(flat.rfind("附录：处置过程记录") > flat.find("附件三"));
  // History: who, what, old → new, and every 64-digit hash whole once the wrap is undone.
  CHECK(flat.find("事件级别：（空）→较大（III级）") != std::string::npos);
  CHECK(flat.find("事件级别：一般（IV级）→较大（III级）") != std::string::npos);
  CHECK(flat.find("王芳分管领导某县信息网络中心") != std::string::npos);
  for (int i : {1, 30, 60}) {
    CHECK(flat.find(std::string(63, static_cast<char>('0' + i % 10)) + "f") != std::string::npos);
  }
  CHECK(flat.find(FormatChineseDateTime(sample::kReportTime.Plus(3600)).substr(0, 10)) !=
        std::string::npos);
  // The column header repeats on the appendix's continuation pages.
  CHECK(Count(flat, "变更（原值→新值）") >= 2);
  auto check = OnPdf(*pdf, "qpdf --check");
  CHECK(check.exit_code == 0);
  // Bookmarks: the cover, each record at its first page, the appendix.
  const std::string outlines = OnPdf(*pdf, "qpdf --json --json-key=outlines").out;
  CHECK(Count(outlines, "\"title\":") == 5);
  CHECK(outlines.find("附录：处置过程记录") != std::string::npos);
  auto fonts = OnPdf(*pdf, "pdffonts");
  CHECK(Count(fonts.out, "\n") == 3);
  CHECK(fonts.out.find("yes yes yes") != std::string::npos);
}

TEST_CASE("the font loads from the built default or ERFLOW_CJK_FONT, never a .ttc", "[pdf]") {
  const std::string built = CjkFont::DefaultPath();
  CHECK(built.find("erflow-cjk.ttf") != std::string::npos);
  setenv("ERFLOW_CJK_FONT", "/nonexistent/font.ttf", 1);
  CHECK(CjkFont::DefaultPath() == "/nonexistent/font.ttf");
  CHECK(CjkFont::LoadDefault().status().code() == Status::Code::kNotFound);
  unsetenv("ERFLOW_CJK_FONT");
  CHECK(CjkFont::DefaultPath() == built);

  auto ttc = CjkFont::Load("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
  REQUIRE_FALSE(ttc.ok());
  CHECK_THAT(ttc.status().message(), Catch::Contains("collection"));
  test::TempDir dir;
  test::WriteFile(dir.File("junk.ttf"), "not a font at all");
  CHECK_THAT(CjkFont::Load(dir.File("junk.ttf")).status().message(),
             Catch::Contains("not a usable TrueType font"));
}
