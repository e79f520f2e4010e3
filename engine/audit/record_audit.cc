// AuditRecords; see record_audit.h.
#include "audit/record_audit.h"

#include <map>

#include "erflow/sha256.h"

namespace erflow {
namespace {

// The record.issued effects of a case's history: record id → (seq, sha256).
Result<std::map<int64_t, std::pair<int64_t, std::string>>> IssuedIn(Store* store, int64_t case_id) {
  std::map<int64_t, std::pair<int64_t, std::string>> out;
  ERFLOW_ASSIGN_OR_RETURN(auto events, store->CaseEvents(case_id));
  for (const auto& ev : events) {
    auto body = ParseJson(ev.body, "event");
    if (!body.ok()) continue;  // the chain check reports unreadable events
    for (const auto& e : (*body)["effects"].items())
      if (e.GetString("type") == "record.issued")
        out[e.GetInt("record")] = {ev.seq, e.GetString("sha256")};
  }
  return out;
}

Status AuditExportLog(Store* store, AuditReport* report) {
  std::string prev = ExportEntry::GenesisHash();
  int64_t expected = 1;
  for (int64_t after = 0;;) {
    ERFLOW_ASSIGN_OR_RETURN(auto page, store->ExportLog(after, "", 1000));
    if (page.empty()) return Status::Ok();
    for (const auto& e : page) {
      std::string problem;
      if (e.seq != expected)
        problem = "entry " + std::to_string(expected) + " is missing (deleted)";
      else if (ExportEntryBody(e) != e.body || Sha256Hex(e.body) != e.hash)
        problem = "entry " + std::to_string(e.seq) + " was edited";
      else if (e.prev_hash != prev)
        problem = "entry " + std::to_string(e.seq) + " does not follow the entry before it";
      if (!problem.empty()) {
        report->problems.push_back(AuditProblem{0, 0, 0, "export log: " + problem});
        return Status::Ok();  // later entries cannot be judged against a broken chain
      }
      prev = e.hash;
      ++expected;
      after = e.seq;
    }
  }
}

}  // namespace

Status AuditRecords(Store* store, AuditReport* report) {
  int64_t cached_case = 0;
  std::map<int64_t, std::pair<int64_t, std::string>> issued;
  RecordFilter f;
  f.with_pdf = true;
  f.limit = 50;  // PDFs are read a page at a time: memory stays flat
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto page, store->ListRecords(f));
    if (page.empty()) break;
    for (const auto& rec : page) {
      f.after_id = rec.id;
      auto fail = [&](const std::string& msg) {
        report->problems.push_back(AuditProblem{rec.case_id, rec.seq, 0,
                                                "record #" + std::to_string(rec.id) + ": " + msg});
      };
      if (Sha256Hex(rec.pdf) != rec.sha256) {
        fail("the stored PDF does not match its SHA-256 (edited)");
        continue;
      }
      if (rec.case_id != cached_case) {
        ERFLOW_ASSIGN_OR_RETURN(issued, IssuedIn(store, rec.case_id));
        cached_case = rec.case_id;
      }
      auto it = issued.find(rec.id);
      if (it == issued.end())
        fail("no history event issued it (inserted)");
      else if (it->second.first != rec.seq || it->second.second != rec.sha256)
        fail("its hash or event differs from what history event " +
             std::to_string(it->second.first) + " holds (edited)");
    }
  }
  return AuditExportLog(store, report);
}

}  // namespace erflow
