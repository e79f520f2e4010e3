// RegisterStats: chart aggregates gathered while streaming (see register_stats.h).
// Thread rules: used by the thread that writes the workbook.
#include "register_stats.h"

#include "erflow/civil_date.h"

namespace erflow::reports {

uint64_t RegisterStats::Month::total() const {
  uint64_t n = 0;
  for (uint64_t v : by_level) n += v;
  return n;
}

std::optional<double> RegisterStats::Kind::OnTimeRate() const {
  uint64_t met = by_state[static_cast<size_t>(DeadlineState::kMet)];
  uint64_t due = met + by_state[static_cast<size_t>(DeadlineState::kLate)] +
                 by_state[static_cast<size_t>(DeadlineState::kMissed)];
  if (due == 0) return std::nullopt;
  return static_cast<double>(met) / static_cast<double>(due);
}

void RegisterStats::AddCase(const CaseRow& row) {
  const std::optional<Instant>& when = row.discovered ? row.discovered : row.reported;
  int64_t key = kNoDateKey;
  if (when) {
    CivilDate d = CivilDate::InChina(*when);
    key = static_cast<int64_t>(d.year) * 12 + (d.month - 1);
  }
  size_t level = static_cast<size_t>(row.level);
  if (level >= kLevels) level = 0;
  ++months_[key][level];
  if (level == 0) ++unrated_cases_;
}

void RegisterStats::AddDeadline(const DeadlineRow& row) {
  const std::string& key = row.kind_code.empty() ? row.kind_label : row.kind_code;
  auto it = kind_index_.find(key);
  size_t index;
  if (it != kind_index_.end()) {
    index = it->second;
  } else if (kinds_.size() < kMaxKinds) {
    index = kinds_.size();
    kinds_.push_back(Kind{row.kind_label.empty() ? key : row.kind_label, false, {}});
    kind_index_.emplace(key, index);
  } else {
    // Kinds past the cap share one bucket.
    if (!other_index_) {
      other_index_ = kinds_.size();
      kinds_.push_back(Kind{"", true, {}});
    }
    index = *other_index_;
  }
  size_t state = static_cast<size_t>(row.state);
  if (state < kStates) ++kinds_[index].by_state[state];
}

std::vector<RegisterStats::Month> RegisterStats::Months() const {
  std::vector<Month> out;
  out.reserve(months_.size());
  for (const auto& [key, counts] : months_) {
    Month m;
    if (key != kNoDateKey) {
      m.year = static_cast<int>(key / 12);
      m.month = static_cast<int>(key % 12) + 1;
    }
    m.by_level = counts;
    out.push_back(m);
  }
  return out;
}

}  // namespace erflow::reports
