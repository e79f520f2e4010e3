// SigningKeyInfo: one signing certificate and private key an administrator imported for a
// user (`erflow keys import`). The engine stores and hands out the PEM text; parsing and
// checking a PKCS#12 or PEM file is the reports library's job (SigningKey loaders), so
// the engine never links a PDF or PKCS#12 parser.
//
// Every import is kept (never deleted); the newest one of a user is current and is the
// one that signs. The private key is stored unencrypted in the database (see the
// README's "Signing keys"): whoever can read the database file can sign as its users.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "erflow/instant.h"

namespace erflow {

struct SigningKeyInfo {
  int64_t id = 0;                       // assigned on import
  std::string user;                     // whose key it is
  std::string certificate_pem;          // the signer's certificate
  std::string private_key_pem;          // PKCS#8, unencrypted
  std::vector<std::string> chain_pems;  // CA certificates that came with it, issuer first
  std::string subject_cn;               // "王芳"
  std::string subject_dn;
  std::string fingerprint;  // SHA-256 of the certificate PEM text, to tell imports apart
  Instant not_before, not_after;
  Instant imported_at;
  std::string imported_by;  // the administrator; "(local)" for the command line without --as
  bool current = false;     // the user's newest import

  // Whether the certificate may sign at `t`.
  bool ValidAt(Instant t) const { return not_before <= t && t <= not_after; }
};

}  // namespace erflow
