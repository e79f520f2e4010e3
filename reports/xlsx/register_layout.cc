// Column tables of the register sheets. Widths fit the usual content (a filing number
// 2025年10月14日第3号 总第128号 is ~30 wide; a moment yyyy-mm-dd hh:mm is 16) so an
// archivist can read a printed sheet without resizing; constant-memory mode cannot
// measure the data to autofit.
// Thread rules: immutable static tables.
#include "register_layout.h"

namespace erflow::reports {
namespace {

const ColumnSpec kCaseColumns[] = {
    {"事件编号", "Case ID", 16},
    {"应急预案", "Plan", 30},
    {"事件类别", "Category", 14},
    {"事件级别", "Level", 16},
    {"预警颜色", "Warning", 9},
    {"事发单位", "Unit", 24},
    {"发现时间", "Discovered", 17},
    {"报告时间", "Reported", 17},
    {"启动时间", "Activated", 17},
    {"结束时间", "Ended", 17},
    {"备案编号", "Filing number", 30},
    {"备案日期", "Filed on", 12},
    {"总结报告时间", "Summary submitted", 17},
    {"状态", "Status", 12},
    {"逾期标记", "Late flags", 26},
    {"逾期项数", "Late count", 9},
};
static_assert(sizeof(kCaseColumns) / sizeof(kCaseColumns[0]) == kCaseColumnCount,
              "kCaseColumns and CaseColumn disagree");

const ColumnSpec kDeadlineColumns[] = {
    {"事件编号", "Case ID", 16},
    {"时限名称", "Deadline", 26},
    {"时限类别", "Kind", 16},
    {"截止时间", "Due", 17},
    {"完成时间", "Done", 17},
    {"状态", "State", 13},
    {"逾期时长（小时）", "Late by (hours)", 14},
};
static_assert(sizeof(kDeadlineColumns) / sizeof(kDeadlineColumns[0]) == kDeadlineColumnCount,
              "kDeadlineColumns and DeadlineColumn disagree");

const ColumnSpec kItemColumns[] = {
    {"事件编号", "Case ID", 16},
    {"类别", "Kind", 8},
    {"对象（人员/单位）", "Person or unit", 20},
    {"依据", "Ground", 36},
    {"事由", "Reason", 36},
    {"处理结果", "Outcome", 14},
    {"状态", "Status", 9},
    {"驳回理由", "Dismissal reason", 24},
    {"提出方式", "Proposed by", 9},
    {"决定人", "Decided by", 12},
    {"决定时间", "Decided", 17},
};
static_assert(sizeof(kItemColumns) / sizeof(kItemColumns[0]) == kItemColumnCount,
              "kItemColumns and RewardPenaltyColumn disagree");

const SheetLayout kCaseLayout{"台账", "Cases", kCaseColumns, kCaseColumnCount};
const SheetLayout kDeadlineLayout{"时限", "Deadlines", kDeadlineColumns, kDeadlineColumnCount};
const SheetLayout kItemLayout{"奖惩", "Rewards and accountability", kItemColumns, kItemColumnCount};

}  // namespace

const SheetLayout& CaseLayout() {
  return kCaseLayout;
}
const SheetLayout& DeadlineLayout() {
  return kDeadlineLayout;
}
const SheetLayout& RewardPenaltyLayout() {
  return kItemLayout;
}

}  // namespace erflow::reports
