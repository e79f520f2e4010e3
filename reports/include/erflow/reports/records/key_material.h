// Key material between the engine and the PDF library: the engine stores a user's key as
// a SigningKeyInfo (plain PEM text, no PDF types); the loaders and SignPdf speak
// pdf::SigningKey. One conversion each way, so importing (`erflow keys import`, the demo,
// tests) and signing (records, dossiers) agree on every field.
// Thread rules: pure functions.
#pragma once

#include "erflow/reports/pdf/signing_key.h"
#include "erflow/signing_key_info.h"

namespace erflow::records {

// A checked key as the engine imports it (id, user, import fields left to the engine).
SigningKeyInfo KeyInfoOf(const pdf::SigningKey& key);
// A stored key as SignPdf takes it.
pdf::SigningKey SigningKeyOf(const SigningKeyInfo& key);

}  // namespace erflow::records
