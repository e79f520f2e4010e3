// IssuedRecord: a signed PDF record the engine issued when a task that declares a
// `record` completed — stored in the records table in the completing command's
// transaction, its SHA-256 written into that command's history event (effect
// "record.issued"), so the hash-chained history vouches for the file.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"

namespace erflow {

struct IssuedRecord {
  int64_t id = 0;  // assigned when stored
  int64_t case_id = 0;
  std::string task;  // the task instance ("t5")
  std::string node;  // the task's id in the definition ("result-report")
  std::string kind;  // the task's `record` ("result-report")
  int64_t seq = 0;   // the history event that issued it
  std::string sha256;
  int64_t size = 0;  // bytes
  Instant issued_at;
  std::string pdf;  // the signed PDF; empty when read without contents
};

// Which records a read returns. Zero / empty members do not filter.
struct RecordFilter {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string sha256;
  bool with_pdf = false;
  int64_t after_id = 0;  // keyset paging: records with a greater id
  int64_t limit = 0;     // 0: no limit
};

}  // namespace erflow
