// SignPdf: adds a digital signature to a PDF as an incremental update, so signatures
// already in the file stay valid: the reporter signs, then the supervisor signs the
// result, and both verify.
//
// The signature is adbe.pkcs7.detached: a CMS SignedData over the whole file except the
// signature's own /Contents hole (ByteRange), SHA-256, carrying the signer's certificate
// and chain and a signingTime attribute. The signature dictionary carries /Name,
// /Reason, /Location, /ContactInfo and /M. The widget is invisible: the record's own
// signature block shows the signer's name and date.
//
// Thread rules: re-entrant.
#pragma once

#include <string>

#include "erflow/instant.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/result.h"

namespace erflow::pdf {

struct SignatureRequest {
  std::string signer_name;   // /Name; empty: the certificate's common name
  std::string reason;        // "审核同意"
  std::string location;      // "某县信息网络中心"
  std::string contact_info;  // optional
  Instant signing_time;      // /M and the CMS signingTime: pass the Clock's now
  std::string field_name;    // empty: "Signature<n>"; must not exist yet
};

// Returns `pdf` with the signature appended. Errors: InvalidArgument if `pdf` is not a
// readable PDF or the key cannot be used; Conflict if the field name is taken.
Result<std::string> SignPdf(const std::string& pdf, const SigningKey& key,
                            const SignatureRequest& request);

}  // namespace erflow::pdf
