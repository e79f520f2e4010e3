// WorkItem: one entry in somebody's queue — a task to fill, an approval to give, or an
// escalation to look at. Derived from case snapshots (rebuildable), stored in an indexed
// table so a queue is an index lookup, not a scan.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"

namespace erflow {

struct WorkItem {
  int64_t case_id = 0;
  std::string task;          // task instance id, e.g. "t3"
  std::string node;          // task id in the definition, e.g. "report"
  std::string kind;          // "task", "approval", "escalation"
  std::string role;          // candidates: users with this role...
  std::string unit;          // ...in this unit
  std::string assignee;      // or exactly this user (claimed, returned, 会签 member)
  std::string exclude_user;  // four-eyes: the submitter never sees their own approval
  Instant created_at;
  std::string plan;
  std::string title;  // the task's name (zh) for the list
  int64_t due = 0;    // unix seconds of the earliest pending deadline, 0 when none
  bool overdue = false;
};

}  // namespace erflow
