// Codes and labels of the register vocabularies. A code is the stable, language-free
// spelling a database or an API stores ("III", "missed"); a label is what a reader of the
// workbook sees ("Ⅲ级 较大" / "III Relatively major"). FromCode lets the code that reads
// rows out of the database turn stored codes back into the enums of register_rows.h.
// Thread rules: pure functions over static tables.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/reports/register_rows.h"

namespace erflow::reports {

// The language of everything the register writer itself puts into the workbook: sheet
// names, headers, enum labels, chart titles. Text the rows carry is written as given.
enum class Language : uint8_t { kChinese = 0, kEnglish };

const char* Code(Level v);
const char* Code(WarningColour v);
const char* Code(DeadlineState v);
const char* Code(RewardPenaltyKind v);
const char* Code(AccountabilityGround v);
const char* Code(Outcome v);
const char* Code(ItemStatus v);

// Labels; an empty string where the value means "nothing to show" (no warning colour,
// no ground, no outcome yet), so the cell stays blank.
const char* Label(Level v, Language lang);
const char* Label(WarningColour v, Language lang);
const char* Label(DeadlineState v, Language lang);
const char* Label(RewardPenaltyKind v, Language lang);
const char* Label(AccountabilityGround v, Language lang);
const char* Label(Outcome v, Language lang);
const char* Label(ItemStatus v, Language lang);

// Returns false (and leaves *out alone) for an unknown code.
bool FromCode(const std::string& code, Level* out);
bool FromCode(const std::string& code, WarningColour* out);
bool FromCode(const std::string& code, DeadlineState* out);
bool FromCode(const std::string& code, RewardPenaltyKind* out);
bool FromCode(const std::string& code, AccountabilityGround* out);
bool FromCode(const std::string& code, Outcome* out);
bool FromCode(const std::string& code, ItemStatus* out);

// Code and label of one LateFlag bit ("late_report", "迟报"); nullptr for other values.
const char* LateFlagCode(uint32_t flag);
const char* LateFlagLabel(uint32_t flag, Language lang);
// The labels of all set flags, in bit order: "迟报、总结逾期" / "Late report; Summary overdue".
std::string LateFlagsText(uint32_t flags, Language lang);
// How many known flags are set.
int LateFlagCount(uint32_t flags);

}  // namespace erflow::reports
