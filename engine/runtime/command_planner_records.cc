// CommandPlanner's part in records: who must be able to sign before a task that issues a
// record may complete, and the "record.issued" effect. The PDF itself is made by the
// RecordIssuer the processor calls; the authority to complete stays here, at the one
// choke point.
// Thread rules: as CommandPlanner (short-lived, single-threaded).
#include "erflow/time_format.h"
#include "runtime/command_planner.h"

namespace erflow {

Status CommandPlanner::RequireSigningKey(const TaskSpec& spec) const {
  // Only the one whose act issues the record is asked: an approver signs every approval
  // of a record task (each 会签 member too), a submitter only when there is no approval.
  // A submitter whose record an approver signs may lack a key; the record then says so.
  if (!records_on_ || spec.record.empty()) return Status::Ok();
  const std::string who = actor_.Shown() + " (" + actor_.name + ")";
  const std::string what = "\"" + spec.name.zh + "\" issues a signed record (" + spec.record + ")";
  ERFLOW_ASSIGN_OR_RETURN(auto key, tx_->CurrentSigningKey(actor_.name));
  if (!key)
    return Status::Forbidden(who + " needs a signing certificate: " + what +
                             "; an administrator imports one with `erflow keys import " +
                             actor_.name + " FILE`");
  if (!key->ValidAt(now_))
    return Status::Forbidden("the signing certificate of " + who + " is valid from " +
                             FormatChineseDateTime(key->not_before) + " to " +
                             FormatChineseDateTime(key->not_after) + ", not now: " + what +
                             "; an administrator imports a new one with `erflow keys import " +
                             actor_.name + " FILE`");
  return Status::Ok();
}

Status CommandPlanner::RecordIssued(const std::string& task_id, int64_t record_id,
                                    const std::string& sha256, int64_t seq,
                                    const std::vector<std::string>& unsigned_by) {
  const TaskInstance* t = state_.FindTask(task_id);
  const TaskSpec* spec = t ? def_.FindTask(t->node) : nullptr;
  if (!spec) return Status::Corruption("a record was issued for unknown task " + task_id);
  Json e = Effect("record.issued", task_id);
  e.Set("record", Json(record_id));
  e.Set("kind", Json(spec->record));
  e.Set("sha256", Json(sha256));
  e.Set("seq", Json(seq));
  if (!unsigned_by.empty()) {
    // Said in the history as well as on the paper: a signature is missing, and whose.
    Json who = Json::Array();
    for (const auto& u : unsigned_by) who.Push(Json(u));
    e.Set("unsigned", std::move(who));
  }
  return Emit(std::move(e));
}

}  // namespace erflow
