#!/usr/bin/python3
"""Baseline for bench/xlsx_vs_python.sh: the register erflow's RegisterWriter writes
(bench/xlsx_register_bench.cc), written instead with Debian's python3-xlsxwriter in
constant_memory mode: same rows, columns, cell types, number formats, fills, widths,
frozen panes, autofilters, statistics and chart. Run with /usr/bin/python3.

The row generator must stay identical to MakeCase/MakeDeadline in xlsx_register_bench.cc;
bench/xlsx_compare.py checks the two workbooks cell by cell on a small run.

usage: xlsx_register_python.py --cases N --out FILE [--deadlines-per-case K]
"""
import argparse
import datetime
import resource
import time

import xlsxwriter

BASE = 1735660800  # 2025-01-01T00:00:00+08:00
CHINA = 8 * 3600
PLANS = ["网络与信息安全突发事件应急预案", "统计系统突发事件应急预案",
         "统计信息重大失泄密事件应急处置预案", "重大统计新闻舆论事件应急预案"]
CATEGORIES = ["有害程序", "网络攻击", "信息破坏", "信息内容安全", "设备设施故障", "灾害性事件", "其他"]
UNITS = ["鹿城区大数据中心", "自治区统计局办公室", "市公安局网安支队", "县统计局", "市政务服务中心",
         "区教育局信息中心"]
DEADLINE_NAMES = ["初次报告", "处理结果报告备案", "调查总结报告"]
DEADLINE_CODES = ["initial_report", "result_report", "summary"]

LEVELS = ["未定级", "Ⅰ级 特别重大", "Ⅱ级 重大", "Ⅲ级 较大", "Ⅳ级 一般"]
WARNINGS = ["", "红色", "橙色", "黄色", "蓝色"]
STATES = ["进行中", "按时", "逾期完成", "已逾期未完成", "已取消"]  # by DeadlineState value
LATE_FLAGS = ["迟报", "结果报告逾期", "总结逾期", "日报缺报"]

CASE_COLUMNS = [("事件编号", 16), ("应急预案", 30), ("事件类别", 14), ("事件级别", 16),
                ("预警颜色", 9), ("事发单位", 24), ("发现时间", 17), ("报告时间", 17),
                ("启动时间", 17), ("结束时间", 17), ("备案编号", 30), ("备案日期", 12),
                ("总结报告时间", 17), ("状态", 12), ("逾期标记", 26), ("逾期项数", 9)]
DEADLINE_COLUMNS = [("事件编号", 16), ("时限名称", 26), ("时限类别", 16), ("截止时间", 17),
                    ("完成时间", 17), ("状态", 13), ("逾期时长（小时）", 14)]
ITEM_COLUMNS = [("事件编号", 16), ("类别", 8), ("对象（人员/单位）", 20), ("依据", 36),
                ("事由", 36), ("处理结果", 14), ("状态", 9), ("驳回理由", 24), ("提出方式", 9),
                ("决定人", 12), ("决定时间", 17)]


def make_case(i):
    """Row i, as a dict of plain values (times as unix seconds or None)."""
    h = (i * 2654435761) & 0xFFFFFFFF
    level = 1 + (h >> 7) % 4
    discovered = BASE + i * 31
    reported = discovered + 300 + (h >> 13) % 3600
    c = {
        "id": "2025-%07d" % (i + 1),
        "plan": PLANS[i % 4],
        "category": CATEGORIES[(h >> 3) % 7],
        "level": level,
        "warning": level,
        "unit": UNITS[(h >> 11) % 6],
        "discovered": discovered,
        "reported": reported,
        "activated": reported + 1200 if level != 4 else None,
        "ended": discovered + 86400 * (1 + (h >> 17) % 5) if i % 10 != 9 else None,
        "filed": None,
        "filing_number": "",
        "summary": None,
    }
    if c["ended"] is not None and i % 10 != 8:
        filed = c["ended"] + 86400 * (1 + (h >> 19) % 8)
        d = datetime.datetime.utcfromtimestamp(filed + CHINA)
        c["filed"] = filed
        c["filing_number"] = "%d年%02d月%02d日第%d号 总第%d号" % (
            d.year, d.month, d.day, 1 + i % 50, i + 1)
    if c["ended"] is not None and i % 7 != 0:
        c["summary"] = c["ended"] + 86400 * (5 + (h >> 21) % 30)
    c["status"] = "已结案" if c["summary"] else ("处置完毕" if c["ended"] else "处置中")
    c["late_flags"] = (h >> 23) & 0xF if h % 6 == 0 else 0
    return c


def make_deadline(c, i, k):
    h = ((i * 3 + k) * 2654435761) & 0xFFFFFFFF
    due = c["discovered"] + 1800 + 86400 * 7 * (k % 3)
    state = h % 4
    done = None
    if state == 1:
        done = due - h % 1800
    if state == 2:
        done = due + 60 + h % 7200
    return {"id": c["id"], "name": DEADLINE_NAMES[k % 3], "code": DEADLINE_CODES[k % 3],
            "label": DEADLINE_NAMES[k % 3], "due": due, "done": done, "state": state}


def serial(t):
    return (t + CHINA) / 86400.0 + 25569


def day_serial(t):
    return float((t + CHINA) // 86400 + 25569)


class Register:
    def __init__(self, path, as_of):
        self.as_of = as_of
        self.wb = xlsxwriter.Workbook(path, {"constant_memory": True})
        self.wb.set_properties({"title": "突发事件台账", "company": "erflow",
                                "created": datetime.datetime.utcfromtimestamp(as_of)})
        wb = self.wb
        self.header = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1,
                                     "align": "center", "valign": "vcenter", "text_wrap": True})
        self.moment = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.day = wb.add_format({"num_format": "yyyy-mm-dd"})
        self.hours = wb.add_format({"num_format": "0.0"})
        self.count = wb.add_format({"num_format": "0"})
        self.percent = wb.add_format({"num_format": "0.0%"})
        fills = [None, ("#C00000", "white"), ("#F4B183", "black"), ("#FFE699", "black"),
                 ("#2F5597", "white")]
        self.warning = [None] + [wb.add_format({"bg_color": b, "font_color": f, "align": "center"})
                                 for b, f in fills[1:]]
        self.cases = self.sheet("台账", CASE_COLUMNS)
        self.deadlines = self.sheet("时限", DEADLINE_COLUMNS)
        self.items = self.sheet("奖惩", ITEM_COLUMNS)
        self.case_rows = self.deadline_rows = 0
        self.months = {}
        self.kinds = {}

    def sheet(self, name, columns):
        ws = self.wb.add_worksheet(name)
        for col, (_, width) in enumerate(columns):
            ws.set_column(col, col, width)
        for col, (title, _) in enumerate(columns):
            ws.write_string(0, col, title, self.header)
        ws.freeze_panes(1, 0)
        return ws

    def add_case(self, c):
        self.case_rows += 1
        r = self.case_rows
        ws = self.cases
        ws.write_string(r, 0, c["id"])
        ws.write_string(r, 1, c["plan"])
        ws.write_string(r, 2, c["category"])
        ws.write_string(r, 3, LEVELS[c["level"]])
        if c["warning"]:
            ws.write_string(r, 4, WARNINGS[c["warning"]], self.warning[c["warning"]])
        ws.write_string(r, 5, c["unit"])
        for col, key in ((6, "discovered"), (7, "reported"), (8, "activated"), (9, "ended")):
            if c[key] is not None:
                ws.write_number(r, col, serial(c[key]), self.moment)
        if c["filing_number"]:
            ws.write_string(r, 10, c["filing_number"])
        if c["filed"] is not None:
            ws.write_number(r, 11, day_serial(c["filed"]), self.day)
        if c["summary"] is not None:
            ws.write_number(r, 12, serial(c["summary"]), self.moment)
        ws.write_string(r, 13, c["status"])
        flags = c["late_flags"]
        labels = [LATE_FLAGS[b] for b in range(4) if flags & (1 << b)]
        if labels:
            ws.write_string(r, 14, "、".join(labels))
        ws.write_number(r, 15, len(labels), self.count)
        d = datetime.datetime.utcfromtimestamp(c["discovered"] + CHINA)
        key = (d.year, d.month)
        counts = self.months.setdefault(key, [0] * 5)
        counts[c["level"]] += 1

    def add_deadline(self, d):
        self.deadline_rows += 1
        r = self.deadline_rows
        ws = self.deadlines
        ws.write_string(r, 0, d["id"])
        ws.write_string(r, 1, d["name"])
        ws.write_string(r, 2, d["label"])
        ws.write_number(r, 3, serial(d["due"]), self.moment)
        if d["done"] is not None:
            ws.write_number(r, 4, serial(d["done"]), self.moment)
        ws.write_string(r, 5, STATES[d["state"]])
        until = d["done"] if d["state"] == 2 else (self.as_of if d["state"] == 3 else None)
        if until is not None and until > d["due"]:
            ws.write_number(r, 6, (until - d["due"]) / 3600.0, self.hours)
        kind = self.kinds.setdefault(d["code"], [d["label"], [0] * 5])
        kind[1][d["state"]] += 1

    def close(self):
        self.cases.autofilter(0, 0, self.case_rows, len(CASE_COLUMNS) - 1)
        self.deadlines.autofilter(0, 0, self.deadline_rows, len(DEADLINE_COLUMNS) - 1)
        self.items.autofilter(0, 0, 0, len(ITEM_COLUMNS) - 1)
        charts = self.wb.add_worksheet("统计图")
        charts.hide_gridlines(2)
        data = self.wb.add_worksheet("统计数据")
        data.set_column(0, 0, 22)
        data.set_column(1, 7, 14)
        order = [1, 2, 3, 4, 0]
        data.write_string(0, 0, "月份", self.header)
        for col, level in enumerate(order, 1):
            data.write_string(0, col, LEVELS[level], self.header)
        data.write_string(0, 6, "合计", self.header)
        row = 0
        unrated = False
        for (year, month), counts in sorted(self.months.items()):
            row += 1
            data.write_string(row, 0, "%d年%d月" % (year, month))
            for col, level in enumerate(order, 1):
                data.write_number(row, col, counts[level], self.count)
            data.write_number(row, 6, sum(counts), self.count)
            unrated = unrated or counts[0] > 0
        last_month = row
        row += 2
        kind_header = row
        state_order = [1, 2, 3, 0, 4]
        data.write_string(row, 0, "时限类别", self.header)
        for col, state in enumerate(state_order, 1):
            data.write_string(row, col, STATES[state], self.header)
        data.write_string(row, 6, "按时率", self.header)
        for label, counts in self.kinds.values():
            row += 1
            data.write_string(row, 0, label)
            for col, state in enumerate(state_order, 1):
                data.write_number(row, col, counts[state], self.count)
            due = counts[1] + counts[2] + counts[3]
            if due:
                data.write_number(row, 6, counts[1] / due, self.percent)
        if self.months:
            chart = self.wb.add_chart({"type": "column", "subtype": "stacked"})
            colours = ["#C00000", "#ED7D31", "#FFC000", "#4472C4", "#A5A5A5"]
            for i, level in enumerate(order):
                if level == 0 and not unrated:
                    continue
                chart.add_series({"categories": ["统计数据", 1, 0, last_month, 0],
                                  "values": ["统计数据", 1, i + 1, last_month, i + 1],
                                  "name": ["统计数据", 0, i + 1],
                                  "fill": {"color": colours[i]}})
            chart.set_title({"name": "各月事件数（按级别）"})
            chart.set_x_axis({"name": "月份"})
            chart.set_y_axis({"name": "事件数"})
            chart.set_legend({"position": "bottom"})
            charts.insert_chart(1, 1, chart, {"x_scale": 1.8, "y_scale": 1.5})
        if self.kinds:
            chart = self.wb.add_chart({"type": "column"})
            chart.add_series({"categories": ["统计数据", kind_header + 1, 0, row, 0],
                              "values": ["统计数据", kind_header + 1, 6, row, 6],
                              "name": ["统计数据", kind_header, 6],
                              "data_labels": {"value": True, "num_format": "0.0%"}})
            chart.set_title({"name": "各类时限按时完成率"})
            chart.set_x_axis({"name": "时限类别"})
            chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%"})
            chart.set_legend({"none": True})
            charts.insert_chart(25, 1, chart, {"x_scale": 1.8, "y_scale": 1.5})
        self.wb.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--deadlines-per-case", type=int, default=0)
    args = ap.parse_args()
    start = time.monotonic()
    reg = Register(args.out, BASE + 400 * 86400)
    for i in range(args.cases):
        c = make_case(i)
        reg.add_case(c)
        for k in range(args.deadlines_per_case):
            reg.add_deadline(make_deadline(c, i, k))
    reg.close()
    seconds = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("python cases=%d rows=%d seconds=%.2f peak_rss_kb=%d" % (
        args.cases, reg.case_rows + reg.deadline_rows, seconds, rss))


if __name__ == "__main__":
    main()
