// Helpers every CLI subcommand uses: opening the engine on --db with the --now clock,
// reading a JSON argument (file or '-' for stdin), and printing JSON.
// Thread rules: main thread only.
#pragma once

#include <memory>
#include <string>

#include "cli_context.h"
#include "erflow/engine.h"
#include "erflow/json.h"
#include "erflow/reports/records/pdf_record_issuer.h"

namespace erflow::cli {

// The working-day calendar from --data's calendars/ folder.
Result<std::shared_ptr<const Calendar>> LoadCalendar(const CliContext& ctx);
// The records issuer (PDF rendering and signing) with the layouts in --data's
// reports/templates; OpenEngine gives it to the engine, so every command that completes
// a task declaring a `record` issues it, signed.
Result<std::shared_ptr<records::PdfRecordIssuer>> LoadRecordIssuer(const CliContext& ctx);
Result<std::unique_ptr<Engine>> OpenEngine(const CliContext& ctx);

// Reads JSON from a file, or from stdin when `spec` is "-".
Result<Json> ReadJsonArg(const std::string& spec);

void PrintJson(const CliContext& ctx, const Json& j);

// Parses a positive integer argument (a case id, a version, a limit).
Result<int64_t> ParseCount(const std::string& what, const std::string& text);
// The value of option --NAME as a count, or `def` when it is absent.
Result<int64_t> CountOption(const Args& args, const std::string& name, int64_t def);
// The JSON of option --form (a file, or '-' for stdin) into *form; untouched when absent.
Status ReadFormOption(const Args& args, Json* form);

}  // namespace erflow::cli
