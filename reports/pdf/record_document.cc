// Convenience constructors of the record data model; see record_document.h.
#include "erflow/reports/pdf/record_document.h"

#include "erflow/time_format.h"

namespace erflow::pdf {

RecordField RecordField::Time(std::string label, std::optional<Instant> t) {
  return RecordField(std::move(label), t ? FormatChineseDateTime(*t) : std::string());
}

RecordRow RecordRow::Pair(std::string label, std::string value) {
  RecordRow row;
  row.fields.emplace_back(std::move(label), std::move(value));
  return row;
}

RecordRow RecordRow::Pairs(std::vector<RecordField> fields) {
  RecordRow row;
  row.fields = std::move(fields);
  return row;
}

RecordRow RecordRow::Full(std::string label, std::string value, int min_lines) {
  RecordRow row;
  row.layout = Layout::kFullWidth;
  row.fields.emplace_back(std::move(label), std::move(value));
  row.min_lines = min_lines;
  return row;
}

}  // namespace erflow::pdf
