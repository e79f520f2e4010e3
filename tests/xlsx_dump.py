#!/usr/bin/python3
"""Dumps an .xlsx workbook as JSON for the register tests (tests/unit/reports/xlsx_*).

Run with Debian's /usr/bin/python3, which has python3-openpyxl. openpyxl gives sheets,
cells, number formats, frozen panes and autofilters; it ignores charts, so those are read
from the zip itself: which chart parts hang off which sheet, their type, grouping and the
ranges their series read.

Chart series carry their ranges and the cached points a reader without a calculation
engine draws from. Cells come out as [type, value, number_format]: "s" text, "n" number, "d" a datetime
(ISO text, rounded to the second: a serial's float error is microseconds), "b" boolean;
empty cells are null.

usage: xlsx_dump.py FILE [--rows N]   (N: rows per sheet to dump, default 50)
"""
import datetime
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def cell_json(cell):
    v = cell.value
    if v is None:
        return None
    if isinstance(v, bool):
        return ["b", v, cell.number_format]
    if isinstance(v, datetime.datetime):
        v = (v + datetime.timedelta(microseconds=500000)).replace(microsecond=0)
        return ["d", v.isoformat(), cell.number_format]
    if isinstance(v, (int, float)):
        return ["n", v, cell.number_format]
    return ["s", str(v), cell.number_format]


def rels(z, part):
    """Relationship id -> target part path, for the part's .rels file."""
    d, f = posixpath.split(part)
    path = posixpath.join(d, "_rels", f + ".rels")
    if path not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(path)).findall("rel:Relationship", NS):
        out[r.get("Id")] = posixpath.normpath(posixpath.join(d, r.get("Target")))
    return out


def chart_info(z, part):
    root = ET.fromstring(z.read(part))
    plot = root.find(".//c:plotArea", NS)
    kinds = [child.tag.split("}")[1] for child in plot if child.tag.endswith("Chart")]
    grouping = root.find(".//c:grouping", NS)
    bar_dir = root.find(".//c:barDir", NS)
    chart_title = root.find("c:chart/c:title", NS)
    title = "" if chart_title is None else "".join(
        t.text or "" for t in chart_title.findall(".//a:t", NS))
    series = []
    for ser in root.findall(".//c:ser", NS):
        cat = ser.find("c:cat/*", NS)
        series.append({
            "name": (ser.findtext("c:tx//c:f", default="", namespaces=NS)),
            "categories": ser.findtext("c:cat//c:f", default="", namespaces=NS),
            "categories_kind": cat.tag.split("}")[1] if cat is not None else "",
            "categories_cache": [v.text for v in ser.findall("c:cat//c:pt/c:v", NS)],
            "values": ser.findtext("c:val//c:f", default="", namespaces=NS),
            "values_cache": [float(v.text) for v in ser.findall("c:val//c:pt/c:v", NS)],
        })
    return {
        "part": part,
        "types": kinds,
        "grouping": grouping.get("val") if grouping is not None else "",
        "bar_dir": bar_dir.get("val") if bar_dir is not None else "",
        "title": title,
        "series": series,
    }


def charts_by_sheet(z):
    wb_part = "xl/workbook.xml"
    wb_rels = rels(z, wb_part)
    out = {}
    for s in ET.fromstring(z.read(wb_part)).findall("m:sheets/m:sheet", NS):
        sheet_part = wb_rels[s.get("{%s}id" % NS["r"])]
        charts = []
        for drawing in rels(z, sheet_part).values():
            if "/drawings/" not in drawing:
                continue
            for target in rels(z, drawing).values():
                if "/charts/" in target:
                    charts.append(chart_info(z, target))
        out[s.get("name")] = sorted(charts, key=lambda c: c["part"])
    return out


def main():
    path = sys.argv[1]
    max_rows = 50
    if len(sys.argv) > 3 and sys.argv[2] == "--rows":
        max_rows = int(sys.argv[3])
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "sheet": {}}
    for ws in wb.worksheets:
        widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
        rows = []
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, max_rows)):
            rows.append([cell_json(c) for c in row])
        out["sheet"][ws.title] = {
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "max_row": ws.max_row,
            "max_col": ws.max_column,
            "widths": widths,
            "rows": rows,
        }
    with zipfile.ZipFile(path) as z:
        out["charts"] = charts_by_sheet(z)
        out["parts"] = sorted(z.namelist())
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
