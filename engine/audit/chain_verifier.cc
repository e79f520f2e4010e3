#include "audit/chain_verifier.h"

#include "audit/anchor_verifier.h"

#include "erflow/sha256.h"
#include "erflow/time_format.h"
#include "runtime/case_events.h"

namespace erflow {

std::string AuditProblem::ToString() const {
  std::string s = "case " + std::to_string(case_id);
  if (seq > 0) s += " event " + std::to_string(seq);
  if (event_id > 0) s += " (#" + std::to_string(event_id) + ")";
  return s + ": " + message;
}

void VerifyCaseChain(const StoredCase& c, const std::vector<HistoryEvent>& events,
                     std::vector<AuditProblem>* problems) {
  auto fail = [&](const HistoryEvent* e, int64_t seq, const std::string& msg) {
    problems->push_back(AuditProblem{c.id, seq, e ? e->id : 0, msg});
  };
  std::string prev = HistoryEvent::GenesisHash();
  int64_t expected_seq = 1;
  for (const auto& e : events) {
    if (e.seq != expected_seq) {
      fail(&e, expected_seq,
           e.seq > expected_seq
               ? "missing: the history jumps from event " + std::to_string(expected_seq - 1) +
                     " to " + std::to_string(e.seq) + " (deleted)"
               : "out of order: event " + std::to_string(e.seq) + " appears after " +
                     std::to_string(expected_seq - 1));
      return;
    }
    if (Sha256Hex(e.body) != e.hash) {
      fail(&e, e.seq, "edited: its content does not match its hash");
      return;
    }
    auto body = ParseJson(e.body, "event");
    if (!body.ok()) {
      fail(&e, e.seq, "unreadable: " + body.status().message());
      return;
    }
    if (body->GetString("prev") != prev) {
      fail(&e, e.seq,
           "chain broken: it does not follow event " + std::to_string(e.seq - 1) +
               " (an event before it was edited, deleted, inserted or reordered)");
      return;
    }
    if (body->GetInt("case") != c.id || body->GetInt("seq") != e.seq) {
      fail(&e, e.seq,
           "moved: its content belongs to case " + std::to_string(body->GetInt("case")) +
               " event " + std::to_string(body->GetInt("seq")));
      return;
    }
    if (body->GetString("actor") != e.actor || body->GetString("command") != e.command ||
        body->GetString("at") != FormatTimestamp(e.at)) {
      fail(&e, e.seq,
           "edited: the actor, command or time columns disagree with the hashed content");
      return;
    }
    prev = e.hash;
    ++expected_seq;
  }
  const int64_t last = expected_seq - 1;
  if (c.version != last)
    fail(nullptr, last + 1,
         "the case is at version " + std::to_string(c.version) + " but its history ends at event " +
             std::to_string(last) +
             (c.version > last ? " (later events deleted)" : " (events inserted)"));
  else if (c.head_hash != prev)
    fail(nullptr, last, "the case's head hash does not match its last event");
}

Result<AuditReport> VerifyStore(Store* store, bool check_snapshots) {
  AuditReport report;
  ERFLOW_RETURN_IF_ERROR(store->ForEachCaseHistory([&](const StoredCase& c,
                                                       const std::vector<HistoryEvent>& events) {
    ++report.cases;
    report.events += static_cast<int64_t>(events.size());
    size_t before = report.problems.size();
    VerifyCaseChain(c, events, &report.problems);
    if (check_snapshots && report.problems.size() == before) {
      auto rebuilt = RebuildFromHistory(events);
      auto stored = ParseJson(c.snapshot, "snapshot");
      if (!rebuilt.ok())
        report.problems.push_back(
            AuditProblem{c.id, 0, 0, "history does not replay: " + rebuilt.status().message()});
      else if (!stored.ok() || !(rebuilt->ToJson() == *stored))
        report.problems.push_back(AuditProblem{
            c.id, 0, 0, "the stored snapshot differs from the one rebuilt from history (edited)"});
    }
    return Status::Ok();
  }));
  ERFLOW_ASSIGN_OR_RETURN(auto orphans, store->OrphanEventCases());
  for (int64_t id : orphans)
    report.problems.push_back(AuditProblem{id, 0, 0, "has history but no case record (deleted)"});
  ERFLOW_RETURN_IF_ERROR(VerifyAnchors(store, &report));
  return report;
}

}  // namespace erflow
