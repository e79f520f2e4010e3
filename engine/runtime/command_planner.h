// CommandPlanner: decides what one command does to one case, or why it may not. It is
// the single choke point of authority: role and unit, the case's and the task's state,
// the form schema and the definition's require rules, four-eyes (whoever submitted a
// form never approves it) and the actions a task allows are all checked here, and
// nowhere else. The result is a list of effects (applied to a working copy as they are
// planned) and the form changes (old → new); the CommandProcessor writes them.
// Thread rules: short-lived, single-threaded.
#pragma once

#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "erflow/command.h"
#include "erflow/definition.h"
#include "erflow/user.h"
#include "runtime/case_events.h"
#include "store/store.h"

namespace erflow {

class CommandPlanner {
 public:
  // `state` is the case as it stands (empty for an open); `tx` answers user lookups
  // (会签 members, transfer targets) inside the command's transaction.
  // `calendar` may be null: working-day deadlines then record that no due time could be
  // computed rather than guessing one.
  CommandPlanner(const Definition& def, CaseState state, const User& actor, Instant now,
                 StoreTransaction* tx, const Calendar* calendar);

  // For a withdrawal: the case's latest event and the state before it.
  void SetWithdrawContext(Json last_event, CaseState before_last) {
    last_event_ = std::move(last_event);
    before_last_ = std::move(before_last);
  }

  Status Plan(const Command& cmd);

  // Deadlines (command_planner_deadlines.cc). TrackDeadlines looks at the effects planned
  // so far (from `first_effect` on) and starts, meets, ends or cancels the definition's
  // deadlines accordingly; every command runs it after planning. FireTimer plans what a
  // due timer does: a reminder, or at the due time an overdue mark, an escalation and an
  // accountability proposal, and for a daily deadline the next day's report.
  Status TrackDeadlines(size_t first_effect);
  Status FireTimer(const std::string& kind, const std::string& key);

  // Records (command_planner_records.cc). With records on (the engine has an issuer),
  // whoever completes a task that declares a `record` — its approver, or its submitter
  // when it has no approval — must hold a valid signing key, and the completion queues
  // the record; the processor issues it in the same transaction and reports it back
  // with RecordIssued, which writes the "record.issued" effect.
  void EnableRecords(bool on) { records_on_ = on; }
  const std::vector<std::string>& records_due() const { return records_due_; }
  Status RecordIssued(const std::string& task_id, int64_t record_id, const std::string& sha256,
                      int64_t seq, const std::vector<std::string>& unsigned_by);

  const CaseState& state() const { return state_; }
  const Json& effects() const { return effects_; }
  const Json& changes() const { return changes_; }
  const std::string& task_id() const { return task_id_; }
  const std::string& node() const { return node_; }
  const std::string& role_used() const { return role_used_; }

 private:
  Status Open(const Command& cmd);
  Status Submit(const Command& cmd);
  Status Claim(const Command& cmd);
  Status Unclaim(const Command& cmd);
  Status Approve(const Command& cmd);
  Status Return(const Command& cmd);
  Status Transfer(const Command& cmd);
  Status Withdraw(const Command& cmd);

  // Finds the task a command names: an instance id ("t3") or a task id with exactly one
  // open instance. For an ad-hoc task id, starts a new instance when none is open.
  Status ResolveTask(const Command& cmd, bool allow_adhoc_start, TaskInstance** out);
  Status CheckActorFor(const TaskInstance& t, const char* what) const;
  Status CheckActionAllowed(const TaskInstance& t, Action action) const;
  bool Eligible(const std::string& role, const std::string& unit) const;

  Status SubmitForm(TaskInstance* t, const std::string& form_id,
                    const std::vector<RequireRule>& rules, const Json& form, Json* normalised);
  Status Complete(const std::string& task_id);
  Status AssignFilingNumber(const std::string& task_id, const std::string& field);
  Status RequireSigningKey(const TaskSpec& spec) const;
  Status Advance(const std::string& node, int depth);
  Status CreateTask(const std::string& node, const std::string& assignee, const std::string& reason,
                    const Json& context = Json());
  Status OnTaskEvent(const std::string& node, const std::string& on, const std::string& instance);
  Status StartDeadline(const DeadlineSpec& spec, Instant from);
  Status MeetDeadline(const DeadlineSpec& spec, const std::string& key);
  Status MissDeadline(const DeadlineSpec& spec, const std::string& key);
  Status ProposeAccountability(const DeadlineSpec& spec, const std::string& key);
  Status CancelDeadline(const std::string& key, const std::string& reason);
  bool EventHappened(const EventRef& e) const;
  Status ResolveAssignee(const std::vector<AssigneeRule>& rules, const Json* form,
                         std::string* role, std::string* unit) const;
  Status ResolveUnit(const UnitRef& ref, std::string* unit) const;
  Status Emit(Json effect);
  Json Effect(const char* type, const std::string& task) const;

  const Definition& def_;
  CaseState state_;
  const User& actor_;
  Instant now_;
  StoreTransaction* tx_;
  const Calendar* calendar_;
  Json effects_ = Json::Array();
  Json changes_ = Json::Array();
  std::string task_id_;
  std::string node_;
  std::string role_used_;
  Json last_event_;
  CaseState before_last_;
  bool records_on_ = false;
  std::vector<std::string> records_due_;  // task instances whose record is to be issued
};

}  // namespace erflow
