// HashTrace: where the archive vouches for a file's SHA-256 — the history event of a
// case that issued a record with that hash (effect "record.issued" in a hash-chained
// event, checked against the chain, not only the records table), or an entry of the
// export log (its own hash chain). `erflow verify` fails its history check unless the
// trace found one.
// Thread rules: a plain value type.
#pragma once

#include <string>
#include <vector>

#include "erflow/export_entry.h"
#include "erflow/issued_record.h"

namespace erflow {

struct HashTrace {
  std::string sha256;
  std::vector<IssuedRecord> records;  // issued records whose event holds the hash (no pdf)
  std::vector<ExportEntry> exports;   // export-log entries holding it
  // Candidates that failed a check, in words: the records table names the hash but the
  // event does not, the case's chain is broken, the issuing approval was withdrawn…
  std::vector<std::string> problems;

  bool found() const { return !records.empty() || !exports.empty(); }
};

}  // namespace erflow
