// The records part of `erflow demo`: before the drills, demo signing certificates for
// everyone whose act issues or co-signs a record; after them, every signed record PDF, a
// dossier per case and the register written into the demo folder, each verified the way
// `erflow verify` does, one summary line per file.
// Thread rules: main thread only.
#pragma once

#include <ostream>
#include <string>

#include "cli_context.h"
#include "erflow/engine.h"
#include "erflow/reports/records/pdf_record_issuer.h"

namespace erflow::cli {

// The archivist the demo exports dossiers as (scope all, with a certificate).
extern const char kDemoArchivist[];

// Makes the demo CA in DIR/certs (scripts/make-demo-ca), a certificate for every drill
// user who submits or approves a task that issues a record and for the archivist
// (scripts/make-demo-cert, CN = display name), creates those users and imports the
// certificates as their signing keys.
Status ImportDemoSigners(const CliContext& ctx, const std::string& dir, Engine* engine,
                         std::ostream& out);

struct DemoFiles {
  int written = 0;
  int failed = 0;  // files whose verification failed
};

// Writes DIR/records/*.pdf, DIR/dossiers/*.pdf and DIR/register.xlsx and verifies each
// against DIR/certs/ca.pem and the history / export log.
Result<DemoFiles> WriteDemoRecords(const std::string& dir, Engine* engine,
                                   const records::PdfRecordIssuer& issuer, std::ostream& out);

}  // namespace erflow::cli
