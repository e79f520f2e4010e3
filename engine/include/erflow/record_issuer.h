// RecordIssuer: how the engine gets the signed PDF of a record without knowing PDF. When
// a task that declares `"record": "<kind>"` completes (on approval when it has one, else
// on submission), the command's transaction asks the issuer for the record — rendered
// from the case as it stands after that command and signed by each signer in order
// (the submitter, then the approvers, each signature an incremental update) — stores the
// bytes and writes their SHA-256 into the command's history event. A failure refuses the
// whole command: a completed task without its record never happens.
//
// The engine defines this interface; reports/ implements it (PdfRecordIssuer, PoDoFo and
// OpenSSL) and app/ passes it to Engine::Open, so dependencies point one way
// (app → reports → engine) and the engine never links a PDF library. An engine opened
// without an issuer issues no records and asks nobody for a signing key (library users
// and tests that do not produce records).
//
// Thread rules: Issue() is called concurrently from every thread that runs commands, and
// inside their write transactions: implementations must be thread-safe and should not
// take long.
#pragma once

#include <string>
#include <vector>

#include "erflow/case_state.h"
#include "erflow/definition.h"
#include "erflow/instant.h"
#include "erflow/result.h"
#include "erflow/signing_key_info.h"

namespace erflow {

// One person whose name the record carries and who signs it if they have a key.
struct RecordSigner {
  enum class Part { kSubmitter, kApprover };
  Part part = Part::kSubmitter;
  std::string user;          // login name
  std::string display_name;  // 张伟
  std::string unit;          // the unit they acted for
  Instant acted_at;          // when they submitted or approved
  std::string reason;        // the signature's /Reason: "填报：…", "批准：…"
  // The key that signs; nullptr: this signer has no signing certificate, and the record
  // must say so where their signature would be (only ever a submitter whose record an
  // approver signs: an approver, or a submitter without approval, needs a key).
  const SigningKeyInfo* key = nullptr;
};

struct RecordRequest {
  const Definition* definition = nullptr;
  const CaseState* state = nullptr;  // after the completing command
  const TaskInstance* task = nullptr;
  std::string kind;                   // the task's `record`
  int64_t seq = 0;                    // the history event that issues it
  std::vector<RecordSigner> signers;  // in signing order
  Instant now;                        // the clock's now: signing time and issue date
};

class RecordIssuer {
 public:
  virtual ~RecordIssuer() = default;
  // The signed PDF. Errors name what is wrong (a field the font cannot show, a template
  // that names an unknown field, a key OpenSSL refuses) and refuse the command.
  virtual Result<std::string> Issue(const RecordRequest& request) const = 0;
};

}  // namespace erflow
