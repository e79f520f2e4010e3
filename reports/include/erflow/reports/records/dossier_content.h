// Mapping a case to its dossier (案卷): a cover (case, plan, unit, dates, the SHA-256 of
// every issued record), each issued record drawn again from the case as it stood when
// it was issued (the same content as the signed PDF), and the appendix with the whole
// history — who (name, role, unit), when, what, old → new, each event's hash and the
// previous one — straight from the hash-chained events.
// Thread rules: reads through the (thread-safe) engine; no state of its own.
#pragma once

#include <string>

#include "erflow/engine.h"
#include "erflow/reports/pdf/record_document.h"
#include "erflow/reports/records/record_template.h"

namespace erflow::records {

struct DossierOptions {
  std::string exported_by;  // shown on the cover ("(local)" when empty)
  Instant now;              // the generation time on the cover
};

Result<pdf::Dossier> BuildDossier(Engine& engine, int64_t case_id, const RecordTemplates& templates,
                                  const DossierOptions& options);

// What a history event did, in Chinese: "提交 研判事件性质与级别（t2）", and a note
// listing its notable effects (filing number, record issued, deadline missed, case closed).
std::string EventActionText(const Definition& def, const Json& body);
std::string EventNoteText(const Definition& def, const Json& body);

}  // namespace erflow::records
