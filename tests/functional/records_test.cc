// Records end to end: the network-security drill played through an engine that issues
// records (the erflow binary's PdfRecordIssuer), then the signed PDFs checked with the
// real tools — pdfsig (its output: it exits 0 either way), qpdf --check, pdffonts,
// pdftotext, pdftoppm — and with `erflow verify`; signing keys, refusals, audit, and
// tampering with files and with the records table.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <sstream>

#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/pdf/signer.h"
#include "erflow/reports/records/record_content.h"
#include "erflow/reports/records/record_template.h"
#include "erflow/sha256.h"
#include "functional/records_world.h"
#include "unit/reports/pdf_test_env.h"

using namespace erflow;
using namespace erflow::test;
using pdf::testenv::Count;
using pdf::testenv::OnPdf;
using pdf::testenv::Text;

namespace {

// The record.issued effects of a case's history: task instance → sha256.
std::vector<std::pair<std::string, std::string>> IssuedInHistory(Engine& engine, int64_t id) {
  auto view = engine.GetCase(id);
  REQUIRE(view.ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& ev : view->history) {
    auto body = ParseJson(ev.body, "event");
    REQUIRE(body.ok());
    for (const auto& e : (*body)["effects"].items())
      if (e.GetString("type") == "record.issued")
        out.emplace_back(e.GetString("task"), e.GetString("sha256"));
  }
  return out;
}

std::string InstanceOf(Engine& engine, int64_t id, const std::string& node) {
  auto view = engine.GetCase(id);
  REQUIRE(view.ok());
  const TaskInstance* t = view->state.LastCompleted({node});
  REQUIRE(t != nullptr);
  return t->id;
}

// pdftotext -layout: each table row on one line, left to right, so the order of the
// text is the order of the form.
std::string LayoutText(const TempDir& dir, const std::string& pdf) {
  const std::string file = dir.File("layout.pdf");
  WriteFile(file, pdf);
  auto r = RunShell("pdftotext -layout " + ShellQuote(file) + " -");
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Labels must appear in this order in the text (each after the one before).
void CheckOrder(const std::string& text, const std::vector<std::string>& labels) {
  size_t at = 0;
  for (const auto& l : labels) {
    size_t p = text.find(l, at);
    INFO("label " << l << " after offset " << at);
    REQUIRE(p != std::string::npos);
    at = p + l.size();
  }
}

void ExecSql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(h);
  REQUIRE(rc == SQLITE_OK);
}

// The network-security drill played up to and including the filing of the result report.
struct FiledCase {
  explicit FiledCase(const std::set<std::string>& without_keys = {}) {
    drill = LoadDrill("network-security.json");
    world.AddDrillUsers(drill, without_keys);
    world.Play(drill, 0, LastStep(drill, "approve", "result-report") + 1, &id);
  }
  RecordsWorld world;
  Json drill;
  int64_t id = 0;
};

}  // namespace

TEST_CASE("records: 附件二 and 附件三 are issued signed by submitter and approver, and read back",
          "[records]") {
  FiledCase c;
  Engine& e = c.world.engine();
  auto view = e.GetCase(c.id);
  REQUIRE(view.ok());
  const std::string filing = view->state.data["result-report"].GetString("filing_number");
  CHECK(filing == "2025年10月14日第1号 总第1号");

  const std::string rr = c.world.RecordPdf(c.id, "result-report");
  // pdfsig: both signatures valid, the approver's covering the whole file.
  auto sig = OnPdf(rr, "pdfsig");
  INFO(sig.out);
  CHECK(Count(sig.out, "Signature #") == 2);
  CHECK(Count(sig.out, "Signature is Valid.") == 2);
  CHECK(sig.out.find("Digest Mismatch") == std::string::npos);
  CHECK(Count(sig.out, "adbe.pkcs7.detached") == 2);
  CHECK(Count(sig.out, "SHA-256") == 2);
  CHECK(sig.out.find("Total document signed") != std::string::npos);
  // qpdf finds nothing wrong with the structure.
  auto q = OnPdf(rr, "qpdf", "--check");
  INFO(q.out << q.err);
  CHECK(q.out.find("No syntax or stream encoding errors") != std::string::npos);
  // Every font is embedded and subset (a subset's name carries a six-letter tag).
  auto fonts = OnPdf(rr, "pdffonts");
  INFO(fonts.out);
  int font_lines = 0;
  std::istringstream lines(fonts.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++font_lines;
    CHECK(line.find("yes yes") != std::string::npos);
    CHECK(line.find('+') == 6);
  }
  CHECK(font_lines >= 1);
  // The text: the form's title and labels, the values, the filing number, the signers.
  const std::string text = Text(rr);
  INFO(text);
  for (const char* s : {"附件三", "重大信息安全事件处理结果报告表", "原事件报告时间", "备案编号",
                        "单位名称", "联系人", "潞城市行政审批服务中心", "陆明", "周航",
                        "2025年09月29日 09:02", "签署日期", "审核备案"})
    CHECK(text.find(s) != std::string::npos);
  CHECK(Count(text, filing) >= 2);  // under the title and in its row
  CheckOrder(LayoutText(c.world.dir(), rr),
             {"原事件报告时间", "备案编号", "单位名称", "联系电话", "网络或信息系统名称及用途",
              "已采用的安全措施", "补充描述及最后判定的事故原因", "事后影响状况", "事件后果",
              "影响范围", "严重程度", "主要处理过程及结果", "措施和建议", "报告人签名"});
  // pdftoppm renders it.
  WriteFile(c.world.dir().File("r.pdf"), rr);
  auto png = RunShell("cd " + ShellQuote(c.world.dir().path()) +
                      " && pdftoppm -r 20 -png r.pdf page && ls page*");
  CHECK(png.exit_code == 0);
  CHECK(png.out.find("page-1.png") != std::string::npos);

  // 附件二: the seed form's rows in the seed's order.
  const std::string ir = c.world.RecordPdf(c.id, "report");
  auto ir_sig = OnPdf(ir, "pdfsig");
  CHECK(Count(ir_sig.out, "Signature is Valid.") == 1);  // no approval: the reporter signs
  const std::string ir_text = Text(ir);
  INFO(ir_text);
  CheckOrder(LayoutText(c.world.dir(), ir), {"附件二",
                                             "重大信息安全事件报告表",
                                             "报告时间",
                                             "单位名称",
                                             "报告人",
                                             "联系电话",
                                             "通讯地址",
                                             "传真",
                                             "电子邮件",
                                             "网络与信息系统名称及用途",
                                             "负责部门",
                                             "负责人",
                                             "简要描述",
                                             "初步判定的事故原因",
                                             "当前采取的应对措施",
                                             "初步影响状况",
                                             "事件后果",
                                             "影响范围",
                                             "严重程度",
                                             "值班电话"});
  for (const char* s : {"0355-6012345", "潞城市政务服务平台", "有害程序事件", "分析预警系统监测",
                        "2025年09月29日 08:40"})
    CHECK(ir_text.find(s) != std::string::npos);

  // The history holds each record's SHA-256; the snapshot lists them.
  const auto issued = IssuedInHistory(e, c.id);
  const std::string rr_task = InstanceOf(e, c.id, "result-report");
  bool held = false;
  for (const auto& [task, sha] : issued) held |= task == rr_task && sha == Sha256Hex(rr);
  CHECK(held);
  CHECK(view->state.records.size() == issued.size());
  // erflow verify: both checks pass.
  const std::string file = c.world.dir().File("rr.pdf");
  WriteFile(file, rr);
  auto v = c.world.Cli({"verify", file, "--ca", RecordsWorld::CaFile()});
  INFO(Run(v));
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("signatures: ok") != std::string::npos);
  CHECK(v.out.find("history: ok") != std::string::npos);
}

TEST_CASE("records: a one-byte change is invalid for pdfsig and for erflow verify", "[records]") {
  FiledCase c;
  std::string pdf = c.world.RecordPdf(c.id, "result-report");
  // A byte of the document information, inside every signed range.
  const size_t at = pdf.find("erflow");
  REQUIRE(at != std::string::npos);
  REQUIRE(at < pdf.find("/ByteRange"));
  pdf[at] = 'E';
  auto sig = OnPdf(pdf, "pdfsig");
  INFO(sig.out);
  CHECK(sig.exit_code == 0);  // pdfsig exits 0 even now: its output is what counts
  CHECK(Count(sig.out, "Signature is Valid.") == 0);
  CHECK(sig.out.find("Digest Mismatch") != std::string::npos);
  const std::string file = c.world.dir().File("changed.pdf");
  WriteFile(file, pdf);
  auto v = c.world.Cli({"verify", file, "--ca", RecordsWorld::CaFile()});
  INFO(Run(v));
  CHECK(v.exit_code == 7);
  CHECK(v.out.find("signatures: FAILED") != std::string::npos);
  CHECK(v.out.find("history: FAILED") != std::string::npos);
  CHECK(v.out.find("verification FAILED: signatures and history") != std::string::npos);
}

TEST_CASE("records: erflow verify catches an altered record re-signed with a valid key",
          "[records]") {
  FiledCase c;
  Engine& e = c.world.engine();
  auto view = e.GetCase(c.id);
  REQUIRE(view.ok());
  // A forger with a valid certificate of the same CA redraws the record with other text.
  CaseState altered = view->state;
  Json data = altered.data["result-report"];
  data.Set("handling_process", Json("未发生任何数据泄露，处置完毕。"));
  altered.data.Set("result-report", data);
  records::RecordContext ctx;
  ctx.definition = view->definition.get();
  ctx.state = &altered;
  ctx.task = altered.FindTask(InstanceOf(e, c.id, "result-report"));
  ctx.kind = "result-report";
  ctx.issued_at = c.world.clock().Now();
  auto doc = records::BuildRecordDocument(ctx, c.world.issuer().templates());
  REQUIRE(doc.ok());
  auto font = c.world.issuer().Font();
  REQUIRE(font.ok());
  auto unsigned_pdf = pdf::RenderRecordPdf(*doc, **font);
  REQUIRE(unsigned_pdf.ok());
  auto key = pdf::LoadSigningKeyFile(RecordsWorld::CaFile("supervisor.p12"), kDemoKeyPassword,
                                     c.world.clock().Now());
  REQUIRE(key.ok());
  pdf::SignatureRequest req;
  req.reason = "批准：处理结果报告备案（附件三）";
  req.signing_time = c.world.clock().Now();
  auto forged = pdf::SignPdf(*unsigned_pdf, *key, req);
  REQUIRE(forged.ok());
  CHECK(Text(*forged).find("未发生任何数据泄露") != std::string::npos);
  CHECK(Count(OnPdf(*forged, "pdfsig").out, "Signature is Valid.") == 1);

  const std::string file = c.world.dir().File("forged.pdf");
  WriteFile(file, *forged);
  auto v = c.world.Cli({"verify", file, "--ca", RecordsWorld::CaFile()});
  INFO(Run(v));
  CHECK(v.exit_code == 7);
  CHECK(v.out.find("signatures: ok") != std::string::npos);
  CHECK(v.out.find("history: FAILED") != std::string::npos);
  CHECK(v.out.find("verification FAILED: history") != std::string::npos);
  auto j = c.world.Cli({"verify", file, "--ca", RecordsWorld::CaFile(), "--json"});
  CHECK(j.exit_code == 7);
  auto parsed = ParseJson(j.out, "verify --json");
  REQUIRE(parsed.ok());
  CHECK((*parsed)["failed"].size() == 1);
  CHECK((*parsed)["failed"].items()[0].AsString() == "history");
  CHECK((*parsed)["signatures"].GetBool("ok"));

  // Pointing the records table at the forged hash does not help: the event does not hold it.
  ExecSql(c.world.db(), "UPDATE records SET sha256 = '" + Sha256Hex(*forged) + "' WHERE task = '" +
                            ctx.task->id + "'");
  v = c.world.Cli({"verify", file, "--ca", RecordsWorld::CaFile()});
  INFO(Run(v));
  CHECK(v.exit_code == 7);
  CHECK(v.out.find("history: FAILED") != std::string::npos);
  CHECK(v.out.find("does not hold it") != std::string::npos);
  auto audit = c.world.Cli({"audit", "verify"});
  CHECK(audit.exit_code == 7);
  CHECK(audit.err.find("record #") != std::string::npos);
}

TEST_CASE("records: an approver without a key is refused, a submitter without one is named",
          "[records]") {
  RecordsWorld w;
  // The drill with two of its people renamed, so that they have no signing key.
  std::string text = LoadDrill("network-security.json").Dump();
  for (auto [from, to] : {std::pair<std::string, std::string>{"\"zhou.hang\"", "\"zhou.nokey\""},
                          {"\"sun.li\"", "\"sun.nokey\""}})
    for (size_t p; (p = text.find(from)) != std::string::npos;) text.replace(p, from.size(), to);
  Json drill = *ParseJson(text, "drill");
  w.AddDrillUsers(drill, {"zhou.nokey", "sun.nokey"});
  int64_t id = 0;
  const size_t approve = LastStep(drill, "approve", "result-report");
  w.Play(drill, 0, approve, &id);

  // sun.nokey submitted the assessment; the command's supervisor signed its record alone,
  // and the record and the history say whose signature is missing.
  const std::string assess = w.RecordPdf(id, "assess");
  CHECK(Count(OnPdf(assess, "pdfsig").out, "Signature is Valid.") == 1);
  CHECK(Text(assess).find("无有效签名证书") != std::string::npos);
  auto view = w.engine().GetCase(id);
  REQUIRE(view.ok());
  bool named = false;
  for (const auto& ev : view->history)
    named |= ev.body.find("\"unsigned\":[\"sun.nokey\"]") != std::string::npos;
  CHECK(named);

  // zhou.nokey may not file the result report until a certificate is imported.
  const Json& step = drill["steps"].items()[approve];
  const int64_t before = view->state.version;
  auto r = w.Cli({"case", "act", std::to_string(id), "result-report", "approve", "--as",
                  "zhou.nokey", "--form", "-"},
                 step.GetString("at"), step["form"].Dump());
  INFO(Run(r));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("zhou.nokey") != std::string::npos);
  CHECK(r.err.find("needs a signing certificate") != std::string::npos);
  CHECK(r.err.find("erflow keys import zhou.nokey") != std::string::npos);
  CHECK(w.engine().GetCase(id)->state.version == before);  // nothing applied
  auto k = w.Cli(
      {"keys", "import", "zhou.nokey", RecordsWorld::CaFile("supervisor.p12"), "--password-stdin"},
      "", std::string(kDemoKeyPassword) + "\n");
  INFO(Run(k));
  REQUIRE(k.exit_code == 0);
  r = w.Cli({"case", "act", std::to_string(id), "result-report", "approve", "--as", "zhou.nokey",
             "--form", "-"},
            step.GetString("at"), step["form"].Dump());
  INFO(Run(r));
  CHECK(r.exit_code == 0);
  CHECK(Count(OnPdf(w.RecordPdf(id, "result-report"), "pdfsig").out, "Signature is Valid.") == 2);
}

TEST_CASE("records: keys are imported by an administrator, replaced, and kept", "[records]") {
  RecordsWorld w;
  User admin{"admin1", "管理员", {"admin"}, "it", true, "all"};
  User clerk{"clerk1", "张伟", {"clerk"}, "unit-a", true, "unit"};
  REQUIRE(w.engine().PutUser(admin).ok());
  REQUIRE(w.engine().PutUser(clerk).ok());
  const std::string pass = std::string(kDemoKeyPassword) + "\n";
  auto r = w.Cli({"keys", "import", "clerk1", RecordsWorld::CaFile("reporter.p12"),
                  "--password-stdin", "--as", "clerk1"},
                 "", pass);
  CHECK(r.exit_code == 4);  // a clerk may not manage keys
  r = w.Cli({"keys", "import", "clerk1", RecordsWorld::CaFile("reporter.p12"), "--as", "admin1"});
  CHECK(r.exit_code == 3);  // no password: the PKCS#12 does not open
  r = w.Cli({"keys", "import", "clerk1", RecordsWorld::CaFile("expired.p12"), "--password-stdin"},
            "", pass);
  CHECK(r.exit_code == 4);  // expired now
  r = w.Cli({"keys", "import", "clerk1", RecordsWorld::CaFile("reporter.p12"), "--password-stdin",
             "--as", "admin1"},
            "", pass);
  INFO(Run(r));
  REQUIRE(r.exit_code == 0);
  // PEM: certificate and key concatenated.
  WriteFile(w.dir().File("sup.pem"), ReadFile(RecordsWorld::CaFile("supervisor.cert.pem")) +
                                         ReadFile(RecordsWorld::CaFile("supervisor.key.pem")));
  r = w.Cli({"keys", "import", "clerk1", w.dir().File("sup.pem"), "--as", "admin1"});
  INFO(Run(r));
  REQUIRE(r.exit_code == 0);
  r = w.Cli({"keys", "list", "--json"});
  REQUIRE(r.exit_code == 0);
  auto list = ParseJson(r.out, "keys list");
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);  // both imports kept, the newest current
  CHECK(list->items()[0].GetBool("current"));
  CHECK(list->items()[0].GetString("subject_cn") == "王芳");
  CHECK_FALSE(list->items()[1].GetBool("current"));
  CHECK(list->items()[1].GetString("imported_by") == "admin1");
  CHECK(r.out.find("PRIVATE KEY") == std::string::npos);
  auto current = w.engine().CurrentSigningKey("clerk1");
  REQUIRE(current.ok());
  REQUIRE(current->has_value());
  CHECK((*current)->subject_cn == "王芳");
}

TEST_CASE("records: audit and rebuild agree with records, a tampered stored PDF is found",
          "[records]") {
  RecordsWorld w;
  Json drill = LoadDrill("network-security.json");
  w.AddDrillUsers(drill);
  int64_t id = 0;
  w.Play(drill, 0, drill["steps"].size(), &id);
  auto view = w.engine().GetCase(id);
  REQUIRE(view.ok());
  CHECK(view->state.records.size() == 11);
  auto rebuilt = w.engine().Rebuild(id);
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->ToJson() == view->state.ToJson());
  auto audit = w.Cli({"audit", "verify"});
  INFO(Run(audit));
  CHECK(audit.exit_code == 0);
  // Every record as issued verifies, and `record --list` names them all.
  auto list = w.Cli({"record", std::to_string(id), "--list", "--json"});
  REQUIRE(list.exit_code == 0);
  CHECK(ParseJson(list.out, "list")->size() == 11);

  // One byte of a stored PDF changed in the database.
  ExecSql(w.db(), "UPDATE records SET pdf_base64 = 'A' || substr(pdf_base64, 2) WHERE id = 3");
  audit = w.Cli({"audit", "verify"});
  INFO(Run(audit));
  CHECK(audit.exit_code == 7);
  CHECK(audit.err.find("record #3: the stored PDF does not match its SHA-256") !=
        std::string::npos);
}

TEST_CASE("records: the dossier holds the records and the history, its hash is logged",
          "[records]") {
  FiledCase c;
  RecordsWorld& w = c.world;
  User archivist{"arch1", "陈静", {"archivist"}, "archives", true, "all"};
  REQUIRE(w.engine().PutUser(archivist).ok());
  w.ImportKey("arch1", "supervisor2.p12");  // issued by the sub CA: the chain comes along
  const std::string file = w.dir().File("dossier.pdf");
  auto r = w.Cli({"dossier", std::to_string(c.id), "--out", file, "--as", "arch1"});
  INFO(Run(r));
  REQUIRE(r.exit_code == 0);
  const std::string pdf = ReadFile(file);
  CHECK(Count(OnPdf(pdf, "pdfsig").out, "Signature is Valid.") == 1);
  CHECK(OnPdf(pdf, "qpdf", "--check").out.find("No syntax or stream encoding errors") !=
        std::string::npos);
  const std::string text = Text(pdf);
  INFO(text.substr(0, 3000));
  auto view = w.engine().GetCase(c.id);
  REQUIRE(view.ok());
  for (const std::string& s :
       {std::string("突发事件处置档案"), std::string("附录：处置过程记录"),
        std::string("重大信息安全事件报告表"), std::string("重大信息安全事件处理结果报告表"),
        view->state.data["result-report"].GetString("filing_number"),
        view->history.back().hash.substr(0, 12), std::string("签发记录")})
    CHECK(text.find(s) != std::string::npos);
  // Not in the case's history: the export log.
  CHECK(w.engine().GetCase(c.id)->history.size() == view->history.size());
  auto v = w.Cli({"verify", file, "--ca", RecordsWorld::CaFile()});
  INFO(Run(v));
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("export-log entry 1") != std::string::npos);
  // A dossier exported without a signer is logged but does not verify.
  const std::string bare = w.dir().File("bare.pdf");
  r = w.Cli({"dossier", std::to_string(c.id), "--out", bare});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("unsigned") != std::string::npos);
  v = w.Cli({"verify", bare, "--ca", RecordsWorld::CaFile()});
  CHECK(v.exit_code == 7);
  CHECK(v.out.find("verification FAILED: signatures") != std::string::npos);
  // A clerk may not export.
  r = w.Cli({"dossier", std::to_string(c.id), "--out", bare, "--as", "lu.ming"});
  CHECK(r.exit_code == 4);
}

TEST_CASE("records: every layout in reports/templates names fields its form has", "[records]") {
  auto templates = records::RecordTemplates::LoadDir(SourceDir() + "/reports/templates");
  INFO(templates.status().ToString());
  REQUIRE(templates.ok());
  CHECK(templates->size() >= 2);
  for (const char* form_id : {"ns-incident-report", "ns-result-report"}) {
    const records::RecordTemplate* t = templates->Find(form_id);
    REQUIRE(t != nullptr);
    auto doc = ParseJsonFile(SourceDir() + "/forms/" + form_id + ".json");
    REQUIRE(doc.ok());
    auto form = ParseFormSchema(*doc, form_id);
    REQUIRE(form.ok());
    INFO(t->file);
    CHECK(t->Check(*form).ok());
  }
  // A template naming a field its form lacks is refused with the file and the path.
  auto bad = ParseJson(R"({"form": "ns-result-report", "title": "x",
                           "sections": [{"rows": [{"cells": ["unit_name", "no_such_field"]}]}]})",
                       "bad.json");
  REQUIRE(bad.ok());
  auto t = records::RecordTemplates::Parse(*bad, "bad.json");
  REQUIRE(t.ok());
  auto form = ParseFormSchema(*ParseJsonFile(SourceDir() + "/forms/ns-result-report.json"),
                              "ns-result-report.json");
  REQUIRE(form.ok());
  Status s = t->Check(*form);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() ==
        "bad.json: sections[0].rows[0].cells[1]: form ns-result-report has no field "
        "\"no_such_field\"");
  auto typo = ParseJson(R"({"form": "f", "title": "x", "sectons": []})", "typo.json");
  auto refused = records::RecordTemplates::Parse(*typo, "typo.json");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("typo.json:1:") == 0);
  CHECK(refused.status().message().find("sectons: unknown key") != std::string::npos);
}
