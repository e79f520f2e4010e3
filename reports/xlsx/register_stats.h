// RegisterStats: the aggregates behind the chart sheet, accumulated row by row while the
// register streams, so nothing of the rows themselves is kept. Its size depends on the
// months spanned and the number of deadline kinds, not on the number of rows; kinds past
// kMaxKinds are folded into one "other" kind so a feeder that sends a unique kind per row
// cannot make it grow without bound.
// Thread rules: used by the thread that writes the workbook.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "erflow/reports/register_rows.h"

namespace erflow::reports {

class RegisterStats {
 public:
  static constexpr size_t kMaxKinds = 64;
  static constexpr size_t kLevels = 5;  // Level values, kUnrated included
  static constexpr size_t kStates = 5;  // DeadlineState values

  struct Month {
    int year = 0;   // 0: no date recorded on the case
    int month = 0;  // 1..12
    std::array<uint64_t, kLevels> by_level{};
    uint64_t total() const;
  };

  struct Kind {
    std::string label;
    bool other = false;  // the fold-over bucket past kMaxKinds
    std::array<uint64_t, kStates> by_state{};
    // met / (met + late + missed); none while no deadline of the kind has come due.
    std::optional<double> OnTimeRate() const;
  };

  // A case counts in the month (China time) it was discovered, else reported.
  void AddCase(const CaseRow& row);
  void AddDeadline(const DeadlineRow& row);

  // In calendar order; the month without a date, if any, last.
  std::vector<Month> Months() const;
  // In the order the kinds first appeared.
  const std::vector<Kind>& Kinds() const { return kinds_; }
  uint64_t unrated_cases() const { return unrated_cases_; }

 private:
  static constexpr int64_t kNoDateKey = INT64_MAX;
  std::map<int64_t, std::array<uint64_t, kLevels>> months_;  // key: year * 12 + month - 1
  std::vector<Kind> kinds_;
  std::unordered_map<std::string, size_t> kind_index_;
  std::optional<size_t> other_index_;
  uint64_t unrated_cases_ = 0;
};

}  // namespace erflow::reports
