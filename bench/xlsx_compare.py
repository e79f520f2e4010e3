#!/usr/bin/python3
"""Checks that two register workbooks hold the same thing: sheet names, every dumped cell
(type, value, number format), frozen panes, autofilters, column widths and chart series.
bench/xlsx_vs_python.sh runs it on a small register from each writer before timing them,
so the benchmark compares like with like. Uses tests/xlsx_dump.py (openpyxl + zipfile).

usage: xlsx_compare.py A.xlsx B.xlsx ROWS      exit 0 when equal, 1 with the differences
"""
import importlib.util
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "xlsx_dump", os.path.join(HERE, "..", "tests", "xlsx_dump.py"))
xlsx_dump = importlib.util.module_from_spec(spec)
spec.loader.exec_module(xlsx_dump)


def dump(path, rows):
    import io
    import contextlib
    import json
    out = io.StringIO()
    argv = sys.argv
    sys.argv = ["xlsx_dump.py", path, "--rows", str(rows)]
    try:
        with contextlib.redirect_stdout(out):
            xlsx_dump.main()
    finally:
        sys.argv = argv
    return json.loads(out.getvalue())


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return a == b


def diff(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append("%s/%s: only in %s" % (path, k, "A" if k in a else "B"))
            else:
                diff(a[k], b[k], "%s/%s" % (path, k), out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append("%s: %d vs %d items" % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, "%s[%d]" % (path, i), out)
    elif not same(a, b):
        out.append("%s: %r vs %r" % (path, a, b))


def main():
    a, b, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    da, db = dump(a, rows), dump(b, rows)
    for d in (da, db):
        d.pop("parts")  # packaging details (docProps/custom, sharedStrings) may differ
        for c in d["charts"].values():
            for chart in c:
                chart.pop("part")
                # libxlsxwriter quotes every sheet name in a range, XlsxWriter only those
                # that need it; Excel reads both the same.
                for series in chart["series"]:
                    # erflow keeps its small data sheet in memory so its charts carry
                    # cached points (strRef categories); XlsxWriter in constant_memory mode
                    # writes none. Same ranges either way.
                    for k in ("categories_kind", "categories_cache", "values_cache"):
                        series.pop(k, None)
                    for k, v in series.items():
                        if isinstance(v, str):
                            series[k] = v.replace("'", "")
    out = []
    diff(da, db, "", out)
    if out:
        print("workbooks differ (%d differences), first ones:" % len(out))
        print("\n".join(out[:20]))
        return 1
    cells = sum(len(r) for s in da["sheet"].values() for r in s["rows"])
    print("workbooks match: %d sheets, %d cells compared" % (len(da["sheets"]), cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
