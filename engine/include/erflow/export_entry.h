// ExportEntry: one line of the append-only export log — a dossier or register an
// archivist exported, with the SHA-256 of the file, so that `erflow verify` can later
// tell an exported file from an altered one. Exports change nothing on a case, so they
// are not case history; the log is its own hash chain (each entry names the previous
// entry's hash), and an edited, deleted or inserted entry breaks it.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"

namespace erflow {

struct ExportEntry {
  int64_t seq = 0;      // 1, 2, 3…: assigned when logged, gapless
  std::string kind;     // "dossier", "register"
  int64_t case_id = 0;  // dossier: the case; register: 0
  std::string sha256;   // of the exported file
  int64_t size = 0;
  std::string file;         // the file name it was written to (informational)
  std::string detail;       // e.g. the register's date range
  std::string exported_by;  // the user; "(local)" for the command line without --as
  Instant exported_at;
  std::string body;  // canonical JSON of the fields above plus "prev", exactly as hashed
  std::string prev_hash;
  std::string hash;  // SHA-256 hex of body

  static const char* GenesisHash() {
    return "0000000000000000000000000000000000000000000000000000000000000000";
  }
};

}  // namespace erflow
