// PdfRecordIssuer: the RecordIssuer the erflow binary gives the engine. It draws the
// record (record_content.h) with the subset-embedded CJK font and signs it once per
// signer who has a key, each signature an incremental update (adbe.pkcs7.detached,
// SHA-256, the signer's name, reason, unit as location, the clock's now as time), so
// the reporter's signature stays valid under the supervisor's.
//
// Thread rules: thread-safe. The font is loaded on the first record (tens of ms) and then
// shared; `font_mu_` guards `font_`; the templates are immutable.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "erflow/record_issuer.h"
#include "erflow/reports/pdf/cjk_font.h"
#include "erflow/reports/records/record_template.h"

namespace erflow::records {

class PdfRecordIssuer final : public RecordIssuer {
 public:
  // `templates_dir` holds the official layouts (reports/templates); it may be missing.
  static Result<std::shared_ptr<PdfRecordIssuer>> Create(const std::string& templates_dir);

  Result<std::string> Issue(const RecordRequest& request) const override;

  const RecordTemplates& templates() const { return templates_; }
  // The shared font, loaded on first use.
  Result<std::shared_ptr<const pdf::CjkFont>> Font() const;

 private:
  explicit PdfRecordIssuer(RecordTemplates templates) : templates_(std::move(templates)) {}

  RecordTemplates templates_;
  mutable std::mutex font_mu_;
  mutable std::shared_ptr<const pdf::CjkFont> font_;  // guarded by font_mu_
};

}  // namespace erflow::records
