// SigningKey: a signer's X.509 certificate, private key and CA chain, as imported by an
// administrator (`erflow keys import USER FILE`) from a PKCS#12 file or PEM text, and
// checked on the way in: the password opens the file, the key belongs to the
// certificate, the certificate is valid at `now` and allowed to sign.
//
// The key is held as unencrypted PEM so the caller can store it however its key store
// wants (and must protect it). Thread rules: plain values; the loaders are re-entrant.
#pragma once

#include <string>
#include <vector>

#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow::pdf {

struct SigningKey {
  std::string certificate_pem;          // the signer's certificate
  std::string private_key_pem;          // PKCS#8, unencrypted: keep it secret
  std::vector<std::string> chain_pems;  // CA certificates that came with it, issuer first
  std::string subject_cn;               // "王芳": shown as the signer
  std::string subject_dn;               // "CN=王芳,O=erflow demo,C=CN"
  Instant not_before, not_after;
};

// From PKCS#12 bytes (.p12/.pfx). Errors (InvalidArgument unless noted): not a PKCS#12
// file; wrong password; no key or no certificate inside; key does not match the
// certificate; certificate expired or not yet valid at `now` (Forbidden); certificate
// not allowed to sign (keyUsage without digitalSignature/nonRepudiation, Forbidden).
Result<SigningKey> LoadSigningKeyFromPkcs12(const std::string& p12, const std::string& password,
                                            Instant now);

// From PEM text holding the certificate, the private key (PKCS#8 or traditional,
// encrypted with `password` or not) and optionally CA certificates, in any order —
// concatenate separate files. The certificate whose public key matches the private key
// is the signer's; the others are the chain. Same errors as above.
Result<SigningKey> LoadSigningKeyFromPem(const std::string& pem, const std::string& password,
                                         Instant now);

// Reads a file and picks the loader: PEM if it contains "-----BEGIN", else PKCS#12.
Result<SigningKey> LoadSigningKeyFile(const std::string& path, const std::string& password,
                                      Instant now);

}  // namespace erflow::pdf
