// JSON views of engine objects, shared by the CLI's --json output and the HTTP API so
// both say the same thing the same way. Times are ISO-8601 with +08:00.
// Thread rules: pure functions.
#pragma once

#include "erflow/engine.h"
#include "erflow/json.h"

namespace erflow::views {

Json UserJson(const User& u);
Json WorkItemJson(const WorkItem& w);
Json OutcomeJson(const CommandOutcome& o);
Json CaseSummaryJson(const CaseSummary& c);
// The whole case: stages, tasks, data, history (who, when, what, old → new).
Json CaseViewJson(const CaseView& v);
Json HistoryEntryJson(const HistoryEvent& e);
Json AuditReportJson(const AuditReport& r);
Json DefinitionInfoJson(const DefinitionInfo& d);
Json DefinitionJson(const Definition& d);
// One task of a definition: its form, approval, allowed actions (what the UI may offer).
Json TaskSpecJson(const TaskSpec& t);
// One calendar year: its source notice, note and holidays with adjusted working days.
Json CalendarYearJson(const CalendarYear& y);
// A record a task issued (without its PDF bytes).
Json IssuedRecordJson(const IssuedRecord& r);
// An imported signing key (certificate facts; never the private key).
Json SigningKeyJson(const SigningKeyInfo& k);
Json TextJson(const LocalizedText& t);

}  // namespace erflow::views
