// Exporting records for the archive, shared by `erflow dossier`, `erflow register` and
// `erflow demo`: a case's dossier (rendered, signed by the exporter when they hold a key,
// written, logged in the export log) and a register workbook (streamed, written,
// logged); and checking a PDF the way `erflow verify` does (signatures + history).
// Thread rules: main thread; reads and writes through the thread-safe engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "erflow/engine.h"
#include "erflow/reports/pdf/verifier.h"
#include "erflow/reports/records/pdf_record_issuer.h"
#include "erflow/reports/records/register_export.h"

namespace erflow::cli {

struct DossierExport {
  ExportEntry entry;  // as logged
  size_t records = 0;
  size_t history = 0;
  bool is_signed = false;
  std::string note;  // "signed by 王芳", or why it is unsigned
};

// `actor`: who exports (authorised by the caller); nullopt: the local operator, unsigned.
Result<DossierExport> ExportDossier(Engine& engine, const records::PdfRecordIssuer& issuer,
                                    int64_t case_id, const std::optional<User>& actor, Instant now,
                                    const std::string& out_path);

struct RegisterExport {
  ExportEntry entry;
  reports::RegisterCounts counts;
};

Result<RegisterExport> ExportRegisterFile(Engine& engine,
                                          const records::RegisterExportOptions& options,
                                          const std::string& exported_by,
                                          const std::string& range_text);

// `erflow verify`'s two checks of a PDF.
struct PdfCheck {
  std::string sha256;
  pdf::VerificationReport signatures;
  HashTrace history;
  bool signatures_ok() const { return signatures.ok(); }
  bool history_ok() const { return history.found(); }
  bool ok() const { return signatures_ok() && history_ok(); }
  // "signatures", "history", "signatures and history", or "" when ok.
  std::string Failed() const;
};

Result<PdfCheck> CheckPdf(Engine& engine, const std::string& pdf, const std::string& ca_pem);
// Where the history vouches for a file: "record #3 of case 1 (task t1, …) …".
std::string HeldBy(const IssuedRecord& r);
std::string HeldBy(const ExportEntry& e);
// The check as JSON (`erflow verify --json` and the HTTP API say the same).
Json PdfCheckJson(const PdfCheck& check);

// The latest record of `task` among a case's records: an instance id, or a task id whose
// records all belong to one instance (a daily report has one instance a day: name it).
// NotFound when there is none; InvalidArgument when the task id is ambiguous.
Result<IssuedRecord> PickRecord(const std::vector<IssuedRecord>& records, int64_t case_id,
                                const std::string& task);

}  // namespace erflow::cli
