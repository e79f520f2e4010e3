// Mapping a case to the content of one record (a pdf::RecordDocument): the task's form in
// its official layout (a RecordTemplate) or the generic one (the form's fields in order,
// Chinese labels, long text full width), the approval form's fields, unit, filing
// number, the signature block (names and dates; who did not sign digitally, and why)
// and a footer naming the case, task and issuing history event. The issuer renders and
// signs it; a dossier draws the same content again from the history.
// Thread rules: pure functions.
#pragma once

#include <string>
#include <vector>

#include "erflow/case_state.h"
#include "erflow/definition.h"
#include "erflow/record_issuer.h"
#include "erflow/reports/pdf/record_document.h"
#include "erflow/reports/records/record_template.h"

namespace erflow::records {

// One name in the signature block.
struct SignatureLine {
  RecordSigner::Part part = RecordSigner::Part::kSubmitter;
  std::string user, display_name, unit;
  Instant at;
  bool digitally_signed = true;  // false: no valid certificate when the record was issued
};

struct RecordContext {
  const Definition* definition = nullptr;
  const CaseState* state = nullptr;  // as it stood when the record was issued
  const TaskInstance* task = nullptr;
  std::string kind;
  int64_t seq = 0;  // the issuing event
  std::vector<SignatureLine> signatures;
  Instant issued_at;
};

// InvalidArgument when the task's template names a field its form lacks.
Result<pdf::RecordDocument> BuildRecordDocument(const RecordContext& ctx,
                                                const RecordTemplates& templates);

// The signature lines of an issue request (a signer without a key did not sign).
std::vector<SignatureLine> SignatureLinesOf(const std::vector<RecordSigner>& signers);

}  // namespace erflow::records
