// Issuing records inside a command's transaction: the task's submitter and approvers
// with their current signing keys, the issuer's signed PDF, the records row, and the
// "record.issued" effect carrying the PDF's SHA-256 into the hash-chained history.
// A submitter without a usable key does not stop the record when an approver signs it:
// the record and the effect say whose signature is missing (see the README, "Records").
// Thread rules: as CommandProcessor (runs on the command's thread, inside its transaction).
#include <map>
#include <string>
#include <vector>

#include "erflow/sha256.h"
#include "runtime/command_planner.h"
#include "runtime/command_processor.h"

namespace erflow {
namespace {

// When each approver of `task` last approved it, from the committed history (a 会签's
// earlier members approved in earlier commands; the snapshot keeps only their names).
Result<std::map<std::string, Instant>> ApprovalTimes(Store* store, int64_t case_id,
                                                     const std::string& task) {
  std::map<std::string, Instant> out;
  ERFLOW_ASSIGN_OR_RETURN(auto events, store->CaseEvents(case_id));
  for (const auto& ev : events) {
    ERFLOW_ASSIGN_OR_RETURN(Json body, ParseJson(ev.body, "event " + std::to_string(ev.id)));
    for (const auto& e : body["effects"].items())
      if (e.GetString("type") == "task.approved" && e.GetString("task") == task)
        out[e.GetString("by")] = Instant{e.GetInt("at")};
  }
  return out;
}

}  // namespace

Status CommandProcessor::IssueRecords(StoreTransaction* tx, const Definition& def, int64_t case_id,
                                      int64_t seq, Instant now, CommandPlanner* planner) {
  const std::vector<std::string> due = planner->records_due();
  for (const auto& task_id : due) {
    CaseState state = planner->state();
    state.id = case_id;
    const TaskInstance* t = state.FindTask(task_id);
    const TaskSpec* spec = t ? def.FindTask(t->node) : nullptr;
    if (!spec) return Status::Corruption("record due for unknown task " + task_id);

    // Keys are held here until the issuer has signed: the signers point at them.
    std::vector<SigningKeyInfo> keys;
    keys.reserve(1 + t->approved_by.size());
    std::vector<RecordSigner> signers;
    std::vector<std::string> unsigned_by;
    auto add = [&](RecordSigner::Part part, const std::string& name, Instant at,
                   const std::string& reason) -> Status {
      ERFLOW_ASSIGN_OR_RETURN(auto user, tx->GetUser(name));
      ERFLOW_ASSIGN_OR_RETURN(auto key, tx->CurrentSigningKey(name));
      RecordSigner s;
      s.part = part;
      s.user = name;
      s.display_name = user ? user->Shown() : name;
      s.unit = user ? user->unit : "";
      s.acted_at = at;
      s.reason = reason;
      if (key && key->ValidAt(now)) {
        keys.push_back(std::move(*key));
        s.key = &keys.back();
      } else if (part == RecordSigner::Part::kApprover || !spec->approval) {
        // Checked when they approved; a certificate can expire before a 会签 completes.
        return Status::Forbidden(s.display_name + " (" + name + ") has no valid signing " +
                                 "certificate now, and the record of task " + task_id +
                                 " needs their signature; an administrator imports one with " +
                                 "`erflow keys import " + name + " FILE`");
      } else {
        unsigned_by.push_back(name);
      }
      signers.push_back(s);
      return Status::Ok();
    };
    const std::string verb = spec->approval ? "填报：" : "签发：";
    ERFLOW_RETURN_IF_ERROR(add(RecordSigner::Part::kSubmitter, t->submitted_by, t->submitted_at,
                               verb + spec->name.zh));
    if (!t->approved_by.empty()) {
      std::map<std::string, Instant> times;
      if (t->approved_by.size() > 1) {
        ERFLOW_ASSIGN_OR_RETURN(times, ApprovalTimes(store_, case_id, task_id));
      }
      for (size_t i = 0; i < t->approved_by.size(); ++i) {
        const std::string& name = t->approved_by[i];
        // The last approver is approving now, in this very command.
        Instant at = i + 1 == t->approved_by.size() || !times.count(name) ? now : times[name];
        ERFLOW_RETURN_IF_ERROR(
            add(RecordSigner::Part::kApprover, name, at, "批准：" + spec->name.zh));
      }
    }

    RecordRequest request;
    request.definition = &def;
    request.state = &state;
    request.task = t;
    request.kind = spec->record;
    request.seq = seq;
    request.signers = signers;
    request.now = now;
    auto pdf = issuer_->Issue(request);
    if (!pdf.ok())
      return pdf.status().WithContext("issuing the record of task " + task_id + " (" +
                                      spec->name.zh + ")");

    IssuedRecord rec;
    rec.case_id = case_id;
    rec.task = task_id;
    rec.node = t->node;
    rec.kind = spec->record;
    rec.seq = seq;
    rec.sha256 = Sha256Hex(*pdf);
    rec.size = static_cast<int64_t>(pdf->size());
    rec.issued_at = now;
    rec.pdf = std::move(*pdf);
    ERFLOW_ASSIGN_OR_RETURN(int64_t id, tx->InsertRecord(rec));
    ERFLOW_RETURN_IF_ERROR(planner->RecordIssued(task_id, id, rec.sha256, seq, unsigned_by));
  }
  return Status::Ok();
}

}  // namespace erflow
