// The columns of each register sheet: header in both languages, width and the kind of
// value, in one table per sheet (register_layout.cc). The column enums name positions so
// the writer says kDiscovered, not 6; a column added to a table and its enum is all it takes
// to add one to the workbook.
// Thread rules: immutable static tables.
#pragma once

#include <cstddef>
#include <cstdint>

#include "erflow/reports/register_labels.h"

namespace erflow::reports {

struct ColumnSpec {
  const char* zh;
  const char* en;  // also names the column in error messages
  double width;    // in Excel character widths; a CJK character takes about two
};

struct SheetLayout {
  const char* zh;
  const char* en;
  const ColumnSpec* columns;
  uint16_t column_count;

  const char* Name(Language lang) const { return lang == Language::kEnglish ? en : zh; }
  static const char* Header(const ColumnSpec& c, Language lang) {
    return lang == Language::kEnglish ? c.en : c.zh;
  }
};

enum CaseColumn : uint16_t {
  kCaseId,
  kCasePlan,
  kCaseCategory,
  kCaseLevel,
  kCaseWarning,
  kCaseUnit,
  kCaseDiscovered,
  kCaseReported,
  kCaseActivated,
  kCaseEnded,
  kCaseFilingNumber,
  kCaseFiled,
  kCaseSummary,
  kCaseStatus,
  kCaseLateFlags,
  kCaseLateCount,
  kCaseColumnCount
};

enum DeadlineColumn : uint16_t {
  kDeadlineCaseId,
  kDeadlineName,
  kDeadlineKind,
  kDeadlineDue,
  kDeadlineDone,
  kDeadlineState,
  kDeadlineLateHours,
  kDeadlineColumnCount
};

enum RewardPenaltyColumn : uint16_t {
  kItemCaseId,
  kItemKind,
  kItemSubject,
  kItemGround,
  kItemReason,
  kItemOutcome,
  kItemStatus,
  kItemDismissalReason,
  kItemProposedBy,
  kItemDecidedBy,
  kItemDecided,
  kItemColumnCount
};

const SheetLayout& CaseLayout();
const SheetLayout& DeadlineLayout();
const SheetLayout& RewardPenaltyLayout();

}  // namespace erflow::reports
