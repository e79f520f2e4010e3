// CaseState: the snapshot of one case — where it stands (open tasks and their phase, who
// holds them), the data submitted so far, joins waiting for branches, and how it ended.
// History is the truth: the snapshot is the fold of the case's events (ApplyEvent) and
// can always be rebuilt from them; the store keeps it only so reads are fast.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "erflow/instant.h"
#include "erflow/json.h"
#include "erflow/result.h"

namespace erflow {

struct TaskInstance {
  std::string id;              // "t1", "t2", … unique within the case
  std::string node;            // the task's id in the definition
  std::string phase = "fill";  // "fill": someone fills the form; "approve": awaiting approval
  std::string state = "open";  // "open", "done", "cancelled"
  std::string role;            // candidates of the current phase
  std::string unit;
  std::string assignee;      // the user holding it (claimed / returned / transferred)
  std::string submitted_by;  // who submitted the form (four-eyes)
  std::string submitted_unit;
  Instant submitted_at;
  std::vector<std::string> approvers;  // 会签: every one of them must approve
  std::vector<std::string> approved_by;
  std::string completed_by;  // who finished it (the approver, or the submitter)
  std::string completed_unit;
  Instant created_at;
  Instant completed_at;
  std::string return_reason;  // the last 退回 reason shown to whoever gets it back
  Json context;  // what the engine prefilled: the missed deadline of a proposal, a report's day

  bool open() const { return state == "open"; }
  Json ToJson() const;
  static TaskInstance FromJson(const Json& j);
};

// One running deadline of a case: when it started, when it is due, and how it ended.
struct DeadlineInstance {
  std::string key;       // the deadline id, or "id@YYYY-MM-DD" for one day of a daily deadline
  std::string deadline;  // the DeadlineSpec id
  Instant start;
  Instant due;
  std::string state = "pending";  // pending, met, late, missed, cancelled, unknown
  Instant done_at;
  int64_t late_by = 0;  // seconds past due when it was met
  std::string task;     // daily: the task instance whose submission meets it
  bool reminded = false;
  bool rolled = false;                       // daily: the next day's deadline has been started
  bool proposed = false;                     // an accountability proposal was raised for it
  std::string escalate_role, escalate_unit;  // set when missed
  std::string error;                         // state unknown: why no due time could be computed

  bool open() const { return state == "pending" || state == "missed"; }
  Json ToJson() const;
  static DeadlineInstance FromJson(const Json& j);
};

// A record the case has issued (effect "record.issued"): the signed PDF is in the records
// table; the snapshot keeps which one and its hash, as the history does.
struct RecordRef {
  int64_t id = 0;  // in the records table
  std::string task, kind;
  std::string sha256;
  int64_t seq = 0;  // the issuing event

  Json ToJson() const;
  static RecordRef FromJson(const Json& j);
};

struct CaseState {
  int64_t id = 0;
  std::string plan;  // definition id
  int64_t plan_version = 0;
  std::string unit;  // the incident unit (事发单位)
  std::string opened_by;
  Instant opened_at;
  std::string status = "active";  // "active", "closed"
  std::string end_node;
  std::string outcome;  // "completed", "false_alarm", "withdrawn", …
  Instant closed_at;
  int64_t version = 0;  // number of events applied; the optimistic-concurrency version
  std::string head_hash;
  int64_t next_task = 1;
  std::vector<TaskInstance> tasks;       // every instance, done and cancelled included
  Json data = Json::Object();            // task id -> {field: value}
  std::map<std::string, int64_t> joins;  // join id -> tokens arrived
  std::vector<DeadlineInstance> deadlines;
  std::vector<std::string> cc_units;  // 抄送: units given read-only visibility
  std::vector<RecordRef> records;     // in issuing order

  DeadlineInstance* FindDeadline(const std::string& key);

  TaskInstance* FindTask(const std::string& instance_id);
  const TaskInstance* FindTask(const std::string& instance_id) const;
  // The open instances of a node (usually zero or one).
  std::vector<const TaskInstance*> OpenInstancesOf(const std::string& node) const;
  // The most recently completed instance of any of `nodes`, or nullptr.
  const TaskInstance* LastCompleted(const std::vector<std::string>& nodes) const;
  bool active() const { return status == "active"; }

  Json ToJson() const;
  static Result<CaseState> FromJson(const Json& j);
};

}  // namespace erflow
