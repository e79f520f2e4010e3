// VerifyPdf: checks every digital signature of a PDF and says, in words, which check
// failed. For each signature:
//   1. ByteRange: well formed, starting at 0, its hole exactly the signature's /Contents,
//      and ending either at the end of the file or at the end of a revision (%%EOF) —
//      an earlier signer signs the revision they saw; later signers append.
//   2. Digest: the SHA-256 (or whatever the signature names) of the signed bytes equals
//      the digest inside the signature — a changed byte fails here.
//   3. Signature: the signature value verifies with the signer certificate's key.
//   4. Chain: the signer certificate chains to one of the given CA certificates, as of
//      the signing time (an archived record stays valid after the certificate expires).
// And for the file: it is signed at all, and the last signature covers every byte
// (nothing was appended after it).
//
// Comparing the file's SHA-256 with the hash held in the case history is the caller's
// check (erflow::Sha256Hex in erflow/sha256.h, Sha256HexOfFile in digest.h).
//
// Thread rules: re-entrant.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow::pdf {

struct SignatureVerification {
  std::string field_name;  // "Signature1"
  std::string signer_cn;   // from the signer certificate: "王芳"
  std::string signer_dn;
  std::string name, reason, location;   // from the signature dictionary
  std::optional<Instant> signing_time;  // the CMS signingTime, else /M
  std::string sub_filter;               // "adbe.pkcs7.detached"
  std::array<int64_t, 4> byte_range{{0, 0, 0, 0}};
  bool covers_whole_file = false;  // signed bytes run to the end of the file
  bool byte_range_ok = false;
  bool digest_ok = false;
  bool signature_ok = false;
  bool chain_ok = false;
  std::vector<std::string> problems;  // one sentence per failed check

  bool ok() const { return byte_range_ok && digest_ok && signature_ok && chain_ok; }
};

struct VerificationReport {
  size_t file_size = 0;
  std::vector<SignatureVerification> signatures;  // in signing order
  std::vector<std::string> problems;  // about the file: not signed, unsigned bytes at the end

  bool ok() const;
  // A few lines for people: one per signature, then the file's problems.
  std::string Describe() const;
};

// `ca_pem`: one or more PEM certificates, each trusted as a root. InvalidArgument if it
// holds none; every finding about the PDF itself is in the report, not the Status.
Result<VerificationReport> VerifyPdf(const std::string& pdf, const std::string& ca_pem);

}  // namespace erflow::pdf
