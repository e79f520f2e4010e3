// See row_check.h. Only the first problem of a row is reported: one clear line is what
// the CLI prints, and fixing the source usually fixes the rest.
// Thread rules: a short-lived local of the writing thread.
#include "row_check.h"

#include "cell_text.h"
#include "excel_serial.h"

namespace erflow::reports {

RowCheck::RowCheck(const SheetLayout& layout, uint64_t row_number, const std::string& case_id)
    : layout_(layout), row_number_(row_number), case_id_(case_id) {}

RowCheck& RowCheck::Fail(uint16_t column, const std::string& what) {
  if (!status_.ok()) return *this;
  std::string where = std::string(layout_.en) + " row " + std::to_string(row_number_);
  // An id that is itself broken would only garble the message.
  if (FirstInvalidUtf8(case_id_) == std::string::npos) where += " (case " + case_id_ + ")";
  status_ = Status::InvalidArgument(where + ", column " + layout_.columns[column].en + ": " + what);
  return *this;
}

RowCheck& RowCheck::Text(uint16_t column, const std::string& value) {
  if (!status_.ok()) return *this;
  size_t bad = FirstInvalidUtf8(value);
  if (bad != std::string::npos) Fail(column, "invalid UTF-8 at byte " + std::to_string(bad));
  return *this;
}

RowCheck& RowCheck::Moment(uint16_t column, const std::optional<Instant>& value) {
  if (!status_.ok() || !value) return *this;
  if (!InExcelRange(*value)) {
    Fail(column, "moment " + std::to_string(value->seconds) +
                     " s since 1970 is outside the dates Excel can show (1900-03-01 to 9999)");
  }
  return *this;
}

}  // namespace erflow::reports
