// Register rows: the plain values one line of an Excel register (台账) is made of. They
// carry no engine types beyond Instant, so whoever reads cases out of the database can
// fill them without the register knowing how cases are stored. Fixed domain vocabularies
// (level, warning colour, deadline state, commendation/accountability fields) are enums
// whose codes and labels live in register_labels.h; vocabularies a workflow definition
// owns (plan, category, case status, deadline kind) arrive as text.
// Thread rules: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "erflow/instant.h"

namespace erflow::reports {

// Response level (001 §1.5.2), highest first. kUnrated: not yet assessed, or a false alarm.
enum class Level : uint8_t { kUnrated = 0, kI = 1, kII = 2, kIII = 3, kIV = 4 };

// Warning colour (001 §3.2.1). Usually follows the level, but a warning can be issued
// before the level is confirmed, so it is its own field.
enum class WarningColour : uint8_t { kNone = 0, kRed, kOrange, kYellow, kBlue };

// Why a case is flagged late; a case may carry several (bitwise OR of the values).
enum LateFlag : uint32_t {
  kLateReport = 1u << 0,           // 迟报: initial report after the plan's limit
  kResultReportOverdue = 1u << 1,  // 结果报告逾期: filed after 5 working days
  kSummaryOverdue = 1u << 2,       // 总结逾期: investigation/summary report late
  kDailyReportMissed = 1u << 3,    // 日报缺报: a daily 17:00 report missing
};
constexpr uint32_t kAllLateFlags =
    kLateReport | kResultReportOverdue | kSummaryOverdue | kDailyReportMissed;

// One case: a row of the 台账 sheet.
struct CaseRow {
  std::string case_id;
  std::string plan;      // emergency plan name, e.g. 网络与信息安全突发事件应急预案
  std::string category;  // label, e.g. 网络攻击
  Level level = Level::kUnrated;
  WarningColour warning = WarningColour::kNone;
  std::string unit;  // 事发单位
  std::optional<Instant> discovered;
  std::optional<Instant> reported;
  std::optional<Instant> activated;
  std::optional<Instant> ended;
  std::string filing_number;  // 备案编号, e.g. 2025年10月14日第3号 总第128号; empty if not filed
  std::optional<Instant> filed;  // shown as the China-time day of filing
  std::optional<Instant> summary_submitted;
  std::string status;       // case status label, e.g. 处置中 / 已结案
  uint32_t late_flags = 0;  // LateFlag bits; unknown bits are refused
};

// Where a deadline stands. kCancelled: the timer was withdrawn (e.g. a false alarm closed
// the case); it is listed but left out of on-time rates.
enum class DeadlineState : uint8_t { kPending = 0, kMet, kLate, kMissed, kCancelled };

// One deadline of one case: a row of the 时限 sheet.
struct DeadlineRow {
  std::string case_id;
  std::string name;        // e.g. 处理结果报告备案
  std::string kind_code;   // stable key the on-time chart groups by, e.g. result_report
  std::string kind_label;  // shown, e.g. 结果报告备案; falls back to kind_code
  std::optional<Instant> due;
  std::optional<Instant> done;
  DeadlineState state = DeadlineState::kPending;
};

enum class RewardPenaltyKind : uint8_t { kCommendation = 0, kAccountability };

// The six grounds of accountability (003 第二十条); kNone for commendations.
enum class AccountabilityGround : uint8_t {
  kNone = 0,
  kLateFalseConcealedReport = 1,  // (一) 迟报、谎报、瞒报或漏报
  kRefusedPlanOrOrders = 2,       // (二) 拒不执行预案、不服从命令和指挥
  kImproperCommand = 3,           // (三) 指挥不当
  kMisusedFundsOrMaterials = 4,   // (四) 截留、挪用、私分应急资金、物资
  kFalseInformation = 5,          // (五) 编造、传播虚假信息
  kOtherObstruction = 6,          // (六) 其他妨碍应急处置工作的行为
};

enum class Outcome : uint8_t {
  kNone = 0,                // not decided yet
  kCommendedNotice,         // 通报表扬
  kCommendedAward,          // 表彰奖励
  kCirculatedCriticism,     // 通报批评
  kAdministrativeSanction,  // 行政处分
  kJudicialReferral,        // 移交司法机关
};

enum class ItemStatus : uint8_t { kProposed = 0, kConfirmed, kDismissed };

// One commendation or accountability item: a row of the 奖惩 sheet.
struct RewardPenaltyRow {
  std::string case_id;
  RewardPenaltyKind kind = RewardPenaltyKind::kAccountability;
  std::string subject;  // person or unit
  AccountabilityGround ground = AccountabilityGround::kNone;
  std::string reason;  // commendation reason, or the facts behind the ground
  Outcome outcome = Outcome::kNone;
  ItemStatus status = ItemStatus::kProposed;
  std::string dismissal_reason;  // required wording when status is kDismissed
  bool system_proposed = false;  // proposed by the deadline sweeper rather than a person
  std::string decided_by;
  std::optional<Instant> decided;
};

}  // namespace erflow::reports
