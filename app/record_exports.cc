// ExportDossier, ExportRegisterFile, CheckPdf; see record_exports.h.
#include "record_exports.h"

#include <filesystem>
#include <set>

#include "erflow/reports/pdf/digest.h"
#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/pdf/signer.h"
#include "erflow/reports/records/dossier_content.h"
#include "erflow/reports/records/key_material.h"
#include "erflow/sha256.h"
#include "erflow/time_format.h"
#include "file_io.h"

namespace erflow::cli {
namespace {

std::string BaseName(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

}  // namespace

Result<DossierExport> ExportDossier(Engine& engine, const records::PdfRecordIssuer& issuer,
                                    int64_t case_id, const std::optional<User>& actor, Instant now,
                                    const std::string& out_path) {
  records::DossierOptions options;
  options.exported_by = actor ? actor->Shown() + " (" + actor->name + ")" : "";
  options.now = now;
  ERFLOW_ASSIGN_OR_RETURN(pdf::Dossier dossier,
                          records::BuildDossier(engine, case_id, issuer.templates(), options));
  ERFLOW_ASSIGN_OR_RETURN(auto font, issuer.Font());
  ERFLOW_ASSIGN_OR_RETURN(std::string pdf, pdf::RenderDossierPdf(dossier, *font));

  DossierExport out;
  out.records = dossier.records.size();
  out.history = dossier.history.size();
  out.note = "unsigned: exported without --as";
  if (actor) {
    ERFLOW_ASSIGN_OR_RETURN(auto key, engine.CurrentSigningKey(actor->name));
    if (key && key->ValidAt(now)) {
      const pdf::SigningKey k = records::SigningKeyOf(*key);
      pdf::SignatureRequest req;
      req.signer_name = actor->Shown();
      req.reason = "归档导出：案件" + std::to_string(case_id) + "档案";
      req.location = actor->unit;
      req.signing_time = now;
      auto s = pdf::SignPdf(pdf, k, req);
      if (!s.ok()) return s.status().WithContext("signing the dossier as " + actor->name);
      pdf = std::move(*s);
      out.is_signed = true;
      out.note = "signed by " + actor->Shown();
    } else {
      out.note = "unsigned: " + actor->name + " has no valid signing certificate";
    }
  }
  ERFLOW_RETURN_IF_ERROR(WriteWholeFile(out_path, pdf));

  ExportEntry entry;
  entry.kind = "dossier";
  entry.case_id = case_id;
  entry.sha256 = Sha256Hex(pdf);
  entry.size = static_cast<int64_t>(pdf.size());
  entry.file = BaseName(out_path);
  entry.detail = std::to_string(out.records) + " records, " + std::to_string(out.history) +
                 " history events; " + out.note;
  entry.exported_by = actor ? actor->name : "";
  ERFLOW_ASSIGN_OR_RETURN(out.entry, engine.LogExport(entry));
  return out;
}

Result<RegisterExport> ExportRegisterFile(Engine& engine,
                                          const records::RegisterExportOptions& options,
                                          const std::string& exported_by,
                                          const std::string& range_text) {
  RegisterExport out;
  ERFLOW_ASSIGN_OR_RETURN(out.counts, records::ExportRegister(engine, options));
  ExportEntry entry;
  entry.kind = "register";
  ERFLOW_ASSIGN_OR_RETURN(entry.sha256, pdf::Sha256HexOfFile(options.path));
  std::error_code ec;
  entry.size = static_cast<int64_t>(std::filesystem::file_size(options.path, ec));
  if (ec) return Status::IOError(options.path + ": " + ec.message());
  entry.file = BaseName(options.path);
  entry.detail = range_text + ", " + std::to_string(out.counts.cases) + " cases" +
                 (options.visible_to_unit.empty() ? "" : ", unit " + options.visible_to_unit);
  entry.exported_by = exported_by;
  ERFLOW_ASSIGN_OR_RETURN(out.entry, engine.LogExport(entry));
  return out;
}

std::string PdfCheck::Failed() const {
  if (ok()) return "";
  if (!signatures_ok() && !history_ok()) return "signatures and history";
  return signatures_ok() ? "history" : "signatures";
}

Result<PdfCheck> CheckPdf(Engine& engine, const std::string& pdf, const std::string& ca_pem) {
  PdfCheck check;
  ERFLOW_ASSIGN_OR_RETURN(check.signatures, pdf::VerifyPdf(pdf, ca_pem));
  check.sha256 = Sha256Hex(pdf);
  ERFLOW_ASSIGN_OR_RETURN(check.history, engine.TraceHash(check.sha256));
  return check;
}

namespace {

Json SignatureJson(const pdf::SignatureVerification& s) {
  Json j = Json::Object();
  j.Set("field", Json(s.field_name));
  j.Set("signer", Json(s.signer_cn));
  j.Set("name", Json(s.name));
  j.Set("reason", Json(s.reason));
  j.Set("location", Json(s.location));
  j.Set("signing_time", s.signing_time ? Json(FormatTimestamp(*s.signing_time)) : Json());
  j.Set("valid", Json(s.ok()));
  j.Set("byte_range_ok", Json(s.byte_range_ok));
  j.Set("digest_ok", Json(s.digest_ok));
  j.Set("signature_ok", Json(s.signature_ok));
  j.Set("chain_ok", Json(s.chain_ok));
  Json problems = Json::Array();
  for (const auto& p : s.problems) problems.Push(Json(p));
  j.Set("problems", std::move(problems));
  return j;
}

}  // namespace

std::string HeldBy(const IssuedRecord& r) {
  return "record #" + std::to_string(r.id) + " of case " + std::to_string(r.case_id) + " (task " +
         r.task + ", " + r.kind + "), issued by history event " + std::to_string(r.seq) + " on " +
         FormatChineseDateTime(r.issued_at);
}

std::string HeldBy(const ExportEntry& e) {
  return "export-log entry " + std::to_string(e.seq) + ": " + e.kind +
         (e.case_id ? " of case " + std::to_string(e.case_id) : "") + " exported by " +
         e.exported_by + " on " + FormatChineseDateTime(e.exported_at);
}

Json PdfCheckJson(const PdfCheck& check) {
  Json j = Json::Object();
  j.Set("sha256", Json(check.sha256));
  j.Set("ok", Json(check.ok()));
  Json sigs = Json::Object();
  sigs.Set("ok", Json(check.signatures_ok()));
  Json list = Json::Array();
  for (const auto& s : check.signatures.signatures) list.Push(SignatureJson(s));
  sigs.Set("signatures", std::move(list));
  Json problems = Json::Array();
  for (const auto& p : check.signatures.problems) problems.Push(Json(p));
  sigs.Set("problems", std::move(problems));
  j.Set("signatures", std::move(sigs));
  Json hist = Json::Object();
  hist.Set("ok", Json(check.history_ok()));
  Json held = Json::Array();
  for (const auto& r : check.history.records) held.Push(Json(HeldBy(r)));
  for (const auto& e : check.history.exports) held.Push(Json(HeldBy(e)));
  hist.Set("held_by", std::move(held));
  Json hp = Json::Array();
  for (const auto& p : check.history.problems) hp.Push(Json(p));
  hist.Set("problems", std::move(hp));
  j.Set("history", std::move(hist));
  Json failed = Json::Array();
  if (!check.signatures_ok()) failed.Push(Json("signatures"));
  if (!check.history_ok()) failed.Push(Json("history"));
  j.Set("failed", std::move(failed));
  return j;
}

Result<IssuedRecord> PickRecord(const std::vector<IssuedRecord>& records, int64_t case_id,
                                const std::string& task) {
  const IssuedRecord* found = nullptr;
  std::set<std::string> instances;
  for (const auto& r : records)
    if (r.task == task) found = &r;
  if (!found)
    for (const auto& r : records)
      if (r.node == task) {
        found = &r;
        instances.insert(r.task);
      }
  if (instances.size() > 1) {
    std::string list;
    for (const auto& i : instances) list += (list.empty() ? "" : ", ") + i;
    return Status::InvalidArgument("task \"" + task + "\" issued records in several instances (" +
                                   list + "); name one of them");
  }
  if (!found)
    return Status::NotFound("case " + std::to_string(case_id) + " has no record of task \"" + task +
                            "\"");
  return *found;
}

}  // namespace erflow::cli
