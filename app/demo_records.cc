// ImportDemoSigners, WriteDemoRecords; see demo_records.h. The certificates come from the
// scripts (openssl), so the demo CA is the same one the tests and `erflow verify` use.
#include "demo_records.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "drill_runner.h"
#include "erflow/authority.h"
#include "erflow/civil_date.h"
#include "erflow/reports/pdf/digest.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/reports/records/key_material.h"
#include "erflow/time_format.h"
#include "file_io.h"
#include "record_exports.h"

namespace erflow::cli {

const char kDemoArchivist[] = "chen.jing";

namespace {

const char kPassword[] = "erflow-demo";

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Status RunScript(const std::string& command) {
  int rc = std::system(command.c_str());
  if (rc != 0)
    return Status::IOError("`" + command + "` failed (status " + std::to_string(rc) + ")");
  return Status::Ok();
}

// Users whose steps complete or co-sign a task that declares a record: they sign it.
Result<std::map<std::string, std::string>> RecordSigners(const Json& drill, Engine* engine) {
  std::map<std::string, std::string> out;  // name → display name
  ERFLOW_ASSIGN_OR_RETURN(DefinitionPtr def, engine->GetDefinition(drill.GetString("plan"), 0));
  std::map<std::string, std::string> shown;
  for (const auto& u : drill["users"].items())
    shown[u.GetString("name")] = u.GetString("display", u.GetString("name"));
  for (const auto& step : drill["steps"].items()) {
    const std::string action = step.GetString("action");
    if (action != "open" && action != "submit" && action != "approve") continue;
    const std::string task = action == "open" ? def->start : step.GetString("task");
    const TaskSpec* spec = def->FindTask(task);
    if (spec && spec->record.empty()) continue;  // unknown (an instance id): give one anyway
    const std::string name = step.GetString("as");
    out[name] = shown.count(name) ? shown[name] : name;
  }
  return out;
}

Status ImportKey(Engine* engine, const std::string& user, const std::string& p12) {
  ERFLOW_ASSIGN_OR_RETURN(pdf::SigningKey k,
                          pdf::LoadSigningKeyFile(p12, kPassword, engine->clock().Now()));
  return engine->ImportSigningKey("", user, records::KeyInfoOf(k)).status();
}

std::string Describe(const PdfCheck& c) {
  if (c.ok()) {
    std::string held = !c.history.records.empty()
                           ? "event " + std::to_string(c.history.records.front().seq) +
                                 " of case " + std::to_string(c.history.records.front().case_id)
                           : "export log #" + std::to_string(c.history.exports.front().seq);
    return std::to_string(c.signatures.signatures.size()) + " signature(s) valid, hash held by " +
           held + "  ✓";
  }
  return "verification FAILED: " + c.Failed();
}

}  // namespace

Status ImportDemoSigners(const CliContext& ctx, const std::string& dir, Engine* engine,
                         std::ostream& out) {
  const std::string certs = dir + "/certs";
  ERFLOW_RETURN_IF_ERROR(
      RunScript(Quote(ctx.data_dir + "/scripts/make-demo-ca") + " " + Quote(certs)));
  User archivist;
  archivist.name = kDemoArchivist;
  archivist.display_name = "陈静";
  archivist.roles = {"archivist"};
  archivist.unit = "archives";
  archivist.scope = "all";
  ERFLOW_RETURN_IF_ERROR(engine->PutUser(archivist));
  std::map<std::string, std::string> signers{{archivist.name, archivist.display_name}};
  for (const auto& file : ListJsonFiles(ctx.data_dir + "/drills")) {
    ERFLOW_ASSIGN_OR_RETURN(Json drill, ParseJsonFile(file));
    ERFLOW_RETURN_IF_ERROR(CreateDrillUsers(drill["users"], engine).WithContext(file));
    ERFLOW_ASSIGN_OR_RETURN(auto users, RecordSigners(drill, engine));
    signers.insert(users.begin(), users.end());
  }
  std::string command = Quote(ctx.data_dir + "/scripts/make-demo-cert") + " " + Quote(certs);
  for (const auto& [name, display] : signers) command += " " + Quote(name + "=" + display);
  ERFLOW_RETURN_IF_ERROR(RunScript(command));
  for (const auto& s : signers)
    ERFLOW_RETURN_IF_ERROR(ImportKey(engine, s.first, certs + "/" + s.first + ".p12"));
  out << "signing keys: demo CA " << certs << "/ca.pem, " << signers.size()
      << " certificates imported (every drill user who submits or approves a record, and the "
         "archivist)\n\n";
  return Status::Ok();
}

Result<DemoFiles> WriteDemoRecords(const std::string& dir, Engine* engine,
                                   const records::PdfRecordIssuer& issuer, std::ostream& out) {
  DemoFiles files;
  ERFLOW_ASSIGN_OR_RETURN(std::string ca, ReadWholeFile(dir + "/certs/ca.pem"));
  for (const char* sub : {"/records", "/dossiers"}) {
    std::error_code ec;
    std::filesystem::remove_all(dir + sub, ec);
    std::filesystem::create_directories(dir + sub, ec);
    if (ec) return Status::IOError(dir + sub + ": " + ec.message());
  }
  ERFLOW_ASSIGN_OR_RETURN(User archivist, engine->GetUser(kDemoArchivist));
  const Instant now = engine->clock().Now();
  auto report = [&](const std::string& file, const std::string& what) {
    out << "  " << file << "  " << what << "\n";
  };

  out << "records, dossiers and register in " << dir << ":\n";
  Instant first, last;
  CaseQuery q;
  q.limit = 200;
  ERFLOW_RETURN_IF_ERROR(engine->ForEachCase(q, [&](const CaseView& view) -> Status {
    const int64_t id = view.state.id;
    if (!first.seconds || view.state.opened_at < first) first = view.state.opened_at;
    last = std::max(last, view.state.opened_at);
    ERFLOW_ASSIGN_OR_RETURN(auto recs, engine->CaseRecords(id, true));
    for (const auto& r : recs) {
      const std::string name =
          "records/case-" + std::to_string(id) + "-" + r.task + "-" + r.kind + ".pdf";
      ERFLOW_RETURN_IF_ERROR(WriteWholeFile(dir + "/" + name, r.pdf));
      ERFLOW_ASSIGN_OR_RETURN(PdfCheck check, CheckPdf(*engine, r.pdf, ca));
      ++files.written;
      files.failed += check.ok() ? 0 : 1;
      report(name, Describe(check));
    }
    const std::string name = "dossiers/case-" + std::to_string(id) + ".pdf";
    ERFLOW_ASSIGN_OR_RETURN(DossierExport d,
                            ExportDossier(*engine, issuer, id, archivist, now, dir + "/" + name));
    ERFLOW_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(dir + "/" + name));
    ERFLOW_ASSIGN_OR_RETURN(PdfCheck check, CheckPdf(*engine, bytes, ca));
    ++files.written;
    files.failed += check.ok() ? 0 : 1;
    report(name, std::to_string(d.records) + " records, " + std::to_string(d.history) +
                     " history events; " + Describe(check));
    return Status::Ok();
  }));

  records::RegisterExportOptions o;
  o.path = dir + "/register.xlsx";
  const CivilDate from = CivilDate::InChina(first), to = CivilDate::InChina(last);
  ERFLOW_ASSIGN_OR_RETURN(o.from, ParseTimestamp(from.ToString() + "T00:00:00+08:00"));
  ERFLOW_ASSIGN_OR_RETURN(o.to, ParseTimestamp(to.ToString() + "T23:59:59+08:00"));
  o.as_of = now;
  ERFLOW_ASSIGN_OR_RETURN(
      RegisterExport reg,
      ExportRegisterFile(*engine, o, archivist.name, from.ToString() + ".." + to.ToString()));
  ERFLOW_ASSIGN_OR_RETURN(std::string sha, pdf::Sha256HexOfFile(o.path));
  ERFLOW_ASSIGN_OR_RETURN(HashTrace trace, engine->TraceHash(sha));
  ++files.written;
  files.failed += trace.found() ? 0 : 1;
  report("register.xlsx",
         std::to_string(reg.counts.cases) + " cases, " + std::to_string(reg.counts.deadlines) +
             " deadlines, " + std::to_string(reg.counts.reward_penalty_items) +
             " commendation/accountability items; " +
             (trace.found() ? "hash held by export log #" + std::to_string(reg.entry.seq) + "  ✓"
                            : "verification FAILED: history"));
  return files;
}

}  // namespace erflow::cli
