// KeyInfoOf, SigningKeyOf; see key_material.h.
#include "erflow/reports/records/key_material.h"

namespace erflow::records {

SigningKeyInfo KeyInfoOf(const pdf::SigningKey& key) {
  SigningKeyInfo info;
  info.certificate_pem = key.certificate_pem;
  info.private_key_pem = key.private_key_pem;
  info.chain_pems = key.chain_pems;
  info.subject_cn = key.subject_cn;
  info.subject_dn = key.subject_dn;
  info.not_before = key.not_before;
  info.not_after = key.not_after;
  return info;
}

pdf::SigningKey SigningKeyOf(const SigningKeyInfo& key) {
  return pdf::SigningKey{key.certificate_pem, key.private_key_pem, key.chain_pems, key.subject_cn,
                         key.subject_dn,      key.not_before,      key.not_after};
}

}  // namespace erflow::records
