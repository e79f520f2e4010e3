// Code and label tables of the register vocabularies (see register_labels.h). Each enum has
// one table indexed by its value, so a new value is one line here and nowhere else.
// Thread rules: immutable static tables.
#include "erflow/reports/register_labels.h"

#include <cstddef>
#include <cstring>

namespace erflow::reports {
namespace {

struct Entry {
  const char* code;
  const char* zh;
  const char* en;
};

const Entry kLevels[] = {
    {"unrated", "未定级", "Unrated"}, {"I", "Ⅰ级 特别重大", "I Especially major"},
    {"II", "Ⅱ级 重大", "II Major"},   {"III", "Ⅲ级 较大", "III Relatively major"},
    {"IV", "Ⅳ级 一般", "IV General"},
};

const Entry kWarnings[] = {
    {"none", "", ""},
    {"red", "红色", "Red"},
    {"orange", "橙色", "Orange"},
    {"yellow", "黄色", "Yellow"},
    {"blue", "蓝色", "Blue"},
};

const Entry kDeadlineStates[] = {
    {"pending", "进行中", "Pending"},     {"met", "按时", "Met"},
    {"late", "逾期完成", "Late"},         {"missed", "已逾期未完成", "Missed"},
    {"cancelled", "已取消", "Cancelled"},
};

const Entry kKinds[] = {
    {"commendation", "表彰", "Commendation"},
    {"accountability", "问责", "Accountability"},
};

// Wording of 003 第二十条, shortened to fit a cell; the numbering is the article's own.
const Entry kGrounds[] = {
    {"none", "", ""},
    {"late_false_concealed_report", "（一）迟报、谎报、瞒报或漏报突发事件信息",
     "(1) Late, false, concealed or omitted report"},
    {"refused_plan_or_orders", "（二）拒不执行预案，不服从命令和指挥",
     "(2) Refused to carry out the plan or orders"},
    {"improper_command", "（三）应急处置过程中指挥不当", "(3) Improper command"},
    {"misused_funds_or_materials", "（四）截留、挪用、私分应急救援资金、物资",
     "(4) Withheld or misused emergency funds or materials"},
    {"false_information", "（五）编造、传播虚假信息", "(5) Fabricated or spread false information"},
    {"other_obstruction", "（六）其他妨碍应急处置工作的行为", "(6) Other obstruction"},
};

const Entry kOutcomes[] = {
    {"none", "", ""},
    {"commended_notice", "通报表扬", "Commended in a circular"},
    {"commended_award", "表彰奖励", "Commendation and award"},
    {"circulated_criticism", "通报批评", "Circulated criticism"},
    {"administrative_sanction", "行政处分", "Administrative sanction"},
    {"judicial_referral", "移交司法机关", "Referred to judicial organs"},
};

const Entry kItemStatuses[] = {
    {"proposed", "拟议", "Proposed"},
    {"confirmed", "已确认", "Confirmed"},
    {"dismissed", "已驳回", "Dismissed"},
};

const Entry kLateFlags[] = {
    {"late_report", "迟报", "Late report"},
    {"result_report_overdue", "结果报告逾期", "Result report overdue"},
    {"summary_overdue", "总结逾期", "Summary overdue"},
    {"daily_report_missed", "日报缺报", "Daily report missed"},
};

template <size_t N>
const Entry& At(const Entry (&table)[N], size_t i) {
  // An out-of-range value can only come from a cast; show it as the first entry rather
  // than read past the table.
  return i < N ? table[i] : table[0];
}

const char* Pick(const Entry& e, Language lang) {
  return lang == Language::kEnglish ? e.en : e.zh;
}

template <typename E, size_t N>
bool Find(const Entry (&table)[N], const std::string& code, E* out) {
  for (size_t i = 0; i < N; ++i) {
    if (code == table[i].code) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

// clang-format off
const char* Code(Level v) { return At(kLevels, static_cast<size_t>(v)).code; }
const char* Code(WarningColour v) { return At(kWarnings, static_cast<size_t>(v)).code; }
const char* Code(DeadlineState v) { return At(kDeadlineStates, static_cast<size_t>(v)).code; }
const char* Code(RewardPenaltyKind v) { return At(kKinds, static_cast<size_t>(v)).code; }
const char* Code(AccountabilityGround v) { return At(kGrounds, static_cast<size_t>(v)).code; }
const char* Code(Outcome v) { return At(kOutcomes, static_cast<size_t>(v)).code; }
const char* Code(ItemStatus v) { return At(kItemStatuses, static_cast<size_t>(v)).code; }

const char* Label(Level v, Language l) { return Pick(At(kLevels, static_cast<size_t>(v)), l); }
const char* Label(WarningColour v, Language l) { return Pick(At(kWarnings, static_cast<size_t>(v)), l); }
const char* Label(DeadlineState v, Language l) { return Pick(At(kDeadlineStates, static_cast<size_t>(v)), l); }
const char* Label(RewardPenaltyKind v, Language l) { return Pick(At(kKinds, static_cast<size_t>(v)), l); }
const char* Label(AccountabilityGround v, Language l) { return Pick(At(kGrounds, static_cast<size_t>(v)), l); }
const char* Label(Outcome v, Language l) { return Pick(At(kOutcomes, static_cast<size_t>(v)), l); }
const char* Label(ItemStatus v, Language l) { return Pick(At(kItemStatuses, static_cast<size_t>(v)), l); }

bool FromCode(const std::string& c, Level* out) { return Find(kLevels, c, out); }
bool FromCode(const std::string& c, WarningColour* out) { return Find(kWarnings, c, out); }
bool FromCode(const std::string& c, DeadlineState* out) { return Find(kDeadlineStates, c, out); }
bool FromCode(const std::string& c, RewardPenaltyKind* out) { return Find(kKinds, c, out); }
bool FromCode(const std::string& c, AccountabilityGround* out) { return Find(kGrounds, c, out); }
bool FromCode(const std::string& c, Outcome* out) { return Find(kOutcomes, c, out); }
bool FromCode(const std::string& c, ItemStatus* out) { return Find(kItemStatuses, c, out); }
// clang-format on

namespace {
int FlagIndex(uint32_t flag) {
  for (int i = 0; i < static_cast<int>(sizeof(kLateFlags) / sizeof(kLateFlags[0])); ++i) {
    if (flag == (1u << i)) return i;
  }
  return -1;
}
}  // namespace

const char* LateFlagCode(uint32_t flag) {
  int i = FlagIndex(flag);
  return i < 0 ? nullptr : kLateFlags[i].code;
}

const char* LateFlagLabel(uint32_t flag, Language lang) {
  int i = FlagIndex(flag);
  return i < 0 ? nullptr : Pick(kLateFlags[i], lang);
}

std::string LateFlagsText(uint32_t flags, Language lang) {
  const char* sep = lang == Language::kEnglish ? "; " : "、";
  std::string out;
  for (uint32_t bit = 1; bit != 0 && bit <= kAllLateFlags; bit <<= 1) {
    if (!(flags & bit)) continue;
    const char* label = LateFlagLabel(bit, lang);
    if (label == nullptr) continue;
    if (!out.empty()) out += sep;
    out += label;
  }
  return out;
}

int LateFlagCount(uint32_t flags) {
  int n = 0;
  for (uint32_t bit = 1; bit != 0 && bit <= kAllLateFlags; bit <<= 1) {
    if ((flags & bit) && LateFlagCode(bit) != nullptr) ++n;
  }
  return n;
}

}  // namespace erflow::reports
