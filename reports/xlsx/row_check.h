// RowCheck: validates one register row's values before any cell of it is written, so a
// refused row leaves no half-written line behind and the caller can skip it and go on.
// The message names the sheet, the row, the case and the column.
// Thread rules: a short-lived local of the writing thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "erflow/instant.h"
#include "erflow/status.h"
#include "register_layout.h"

namespace erflow::reports {

class RowCheck {
 public:
  // row_number counts the sheet's data rows from 1, continuation sheets included.
  RowCheck(const SheetLayout& layout, uint64_t row_number, const std::string& case_id);

  RowCheck& Text(uint16_t column, const std::string& value);
  // A moment Excel cannot show (before 1900-03-01 or after 9999) is refused.
  RowCheck& Moment(uint16_t column, const std::optional<Instant>& value);
  RowCheck& Fail(uint16_t column, const std::string& what);

  const Status& status() const { return status_; }

 private:
  const SheetLayout& layout_;
  uint64_t row_number_;
  const std::string& case_id_;
  Status status_;
};

}  // namespace erflow::reports
