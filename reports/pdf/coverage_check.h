// Checking, before anything is drawn, that the font can show every character of a record
// or dossier: a character it lacks would print as a blank, and a blank in a signed
// record is a silent falsification. The error names each field and its characters.
// Thread rules: pure functions.
#pragma once

#include "erflow/reports/pdf/cjk_font.h"
#include "erflow/reports/pdf/record_document.h"
#include "erflow/status.h"

namespace erflow::pdf {

// InvalidArgument naming every field with characters the font cannot show, e.g.
// `field "单位名称" (sections[0].rows[1].fields[0].value): U+20BB7 '𠮷'`; also checks the
// record's shape (a title, 1..3 fields per label/value row, 1 per full-width row).
Status CheckRecord(const RecordDocument& record, const CjkFont& font,
                   const std::string& path = "record");
Status CheckDossier(const Dossier& dossier, const CjkFont& font);

}  // namespace erflow::pdf
