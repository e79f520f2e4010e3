// Definition: one emergency plan as an executable, immutable, versioned process — its
// stages, tasks (who, which form, which actions, whose approval), exclusive choices,
// parallel branches and joins, end states, decision tables and deadlines. The JSON format
// is documented in workflows/README.md. A case is pinned to the (id, version) it started
// with; deploying a changed definition makes a new version and leaves running cases alone.
// Thread rules: immutable after loading; shared between threads via shared_ptr<const>.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "erflow/action.h"
#include "erflow/condition.h"
#include "erflow/deadline_rule.h"
#include "erflow/form_schema.h"
#include "erflow/json.h"
#include "erflow/localized_text.h"

namespace erflow {

// The roles a user can hold. Definitions may only name these.
extern const char* const kRoles[];  // clerk, supervisor, inspector, archivist, admin
bool IsKnownRole(const std::string& role);

// Which unit a task belongs to: "@case" (the incident unit that opened the case),
// "@actor:TASK[,TASK…]" (the unit of whoever last completed one of those tasks — how
// "whoever activated the response ends it" is written), or a fixed unit id.
struct UnitRef {
  enum class Kind { kCase, kFixed, kActorOf };
  Kind kind = Kind::kCase;
  std::string unit;                // kFixed
  std::vector<std::string> tasks;  // kActorOf
  std::string text;                // as written
};

// One routing rule: the first rule whose condition holds decides role and unit.
struct AssigneeRule {
  std::optional<Condition> when;
  std::string role;
  UnitRef unit;
};

// Fields that become required when a condition holds ("a different level than proposed
// needs a reason").
struct RequireRule {
  std::optional<Condition> when;
  std::vector<std::string> fields;
  LocalizedText message;
};

struct ApprovalSpec {
  enum class Mode { kAny, kAll };  // 或签: any one approves; 会签: every candidate approves
  std::vector<AssigneeRule> assignee;
  Mode mode = Mode::kAny;
  std::string form;  // optional form the approver fills (e.g. the confirmed level)
  std::set<Action> actions;
  std::vector<RequireRule> require;
  LocalizedText label;  // what approving means here, e.g. 批准启动
};

// An event of a case that starts, meets or ends a deadline: a task created, submitted or
// done; the case opened; or the moment written in a date-time field of a task's form
// (known when that task is submitted).
struct EventRef {
  enum class Kind { kNone, kTask, kField, kCaseOpened };
  Kind kind = Kind::kNone;
  std::string task;
  std::string on;     // "created", "submitted", "done" (kTask)
  std::string field;  // kField: the field of `task` holding the moment
};

struct TaskSpec {
  std::string id;
  LocalizedText name;
  std::string stage;
  std::vector<AssigneeRule> assignee;
  std::string form;  // may be empty: a task that is only acknowledged
  std::set<Action> actions;
  std::optional<ApprovalSpec> approval;
  std::string next;       // the node that follows; empty for ad-hoc tasks
  std::string return_to;  // 退回 target, if this task may send work back
  std::vector<RequireRule> require;
  std::vector<AssigneeRule> cc;  // 抄送: read-only visibility on completion
  bool adhoc = false;            // may be started at any time while the case is active (续报)
  // Ad-hoc only: the window in which it may be started (e.g. daily reports and releases
  // only between activation and the end of the response). kNone: no bound.
  EventRef available_after;
  EventRef available_until;
  std::string record;            // the record this task issues (reports/), may be empty
  std::string filing_field;      // a filing number is assigned into this field on completion
};

struct Branch {
  std::optional<Condition> when;  // absent: the default branch
  std::string next;
};

struct GatewaySpec {
  enum class Type { kExclusive, kParallel, kJoin };
  std::string id;
  Type type = Type::kExclusive;
  std::vector<Branch> branches;   // exclusive
  std::vector<std::string> next;  // parallel: all; join: exactly one
};

struct EndSpec {
  std::string id;
  LocalizedText name;
  std::string outcome;  // e.g. "completed", "false_alarm"
};

struct StageSpec {
  std::string id;
  LocalizedText name;
  std::vector<std::string> tasks;
};

// A decision table: the first rule whose condition holds gives the value.
struct DecisionSpec {
  std::string id;
  struct Rule {
    std::optional<Condition> when;
    Json value;
  };
  std::vector<Rule> rules;
  Json default_value;
};

// A declared deadline (workflows/README.md, "Deadlines").
struct DeadlineSpec {
  std::string id;
  LocalizedText name;
  std::optional<Condition> when;  // the deadline applies only when this holds at its start
  EventRef start;
  std::optional<DeadlineRule> rule;
  EventRef satisfied_by;
  EventRef until;             // dailyAt: the recurrence ends with this event
  std::string task;           // dailyAt: the ad-hoc task created for each day
  int64_t remind_before = 0;  // seconds; 0: no reminder
  std::vector<AssigneeRule> escalate_to;
  std::string accountability_task;  // ad-hoc task created when missed
  std::string ground;               // e.g. "late_report"
  Json source;                      // the declaration as written

  bool daily() const { return rule && rule->kind() == DeadlineRule::Kind::kDailyAt; }
};

class Definition {
 public:
  enum class NodeKind { kNone, kTask, kExclusive, kParallel, kJoin, kEnd };

  std::string id;
  int64_t version = 0;  // assigned on deploy; 0 when loaded from a file
  LocalizedText name;
  LocalizedText description;
  std::string source;  // the plan document it implements, e.g. "001 §4"
  std::string start;
  std::vector<StageSpec> stages;
  std::vector<TaskSpec> tasks;
  std::vector<GatewaySpec> gateways;
  std::vector<EndSpec> ends;
  std::vector<DecisionSpec> decisions;
  std::vector<DeadlineSpec> deadlines;
  std::map<std::string, Json>
      case_fields;  // summary column -> variable, e.g. level -> assess.level
  std::map<std::string, FormSchema> forms;  // every form the definition uses
  std::string source_file;
  Json bundle;               // definition + forms as deployed; parsing it gives this object
  std::string content_hash;  // SHA-256 of bundle.Dump() without version

  NodeKind KindOf(const std::string& node) const;
  const TaskSpec* FindTask(const std::string& id) const;
  const GatewaySpec* FindGateway(const std::string& id) const;
  const EndSpec* FindEnd(const std::string& id) const;
  const StageSpec* FindStage(const std::string& id) const;
  const DecisionSpec* FindDecision(const std::string& id) const;
  const FormSchema* FindForm(const std::string& id) const;
  const DeadlineSpec* FindDeadline(const std::string& id) const;
  // How many arcs lead into a join: it fires when that many tokens have arrived.
  int JoinInDegree(const std::string& join) const;
  // All nodes an arc from `node` leads to.
  std::vector<std::string> Successors(const std::string& node) const;
};

}  // namespace erflow
