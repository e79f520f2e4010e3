#!/usr/bin/python3
"""Baseline for bench/pdf_vs_reportlab.sh: Debian's python3-reportlab writing the same
two-page Chinese form as bench/pdf_records_bench (unsigned), from the JSON that
`pdf_records_bench --dump-json` writes, with the same CJK TrueType font registered (and
subset by reportlab). Same layout: A4, centred title, label/value grid with wrapped text,
signature rows, "第 i 页 共 n 页" page numbers (reportlab needs its two-pass canvas for the
page count).

usage: pdf_reportlab.py RECORD.json FONT.ttf COUNT [OUT.pdf]
The last line is machine-readable: RESULT reportlab_ms=… reportlab_kb=… pages=…
"""
import io
import json
import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

MARGIN = 56.7
WIDTH = A4[0] - 2 * MARGIN


def styles():
    body = ParagraphStyle("body", fontName="CJK", fontSize=10.5, leading=15.75,
                          wordWrap="CJK")
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=27, alignment=1),
        "right": ParagraphStyle("right", parent=body, alignment=2),
    }


class NumberedCanvas(canvas.Canvas):
    """Holds pages back until the end, so each can say how many pages there are."""

    def __init__(self, *args, footer="", **kwargs):
        canvas.Canvas.__init__(self, *args, **kwargs)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont("CJK", 9)
            self.drawCentredString(A4[0] / 2, 24, "第 %d 页 共 %d 页" % (self._pageNumber, total))
            canvas.Canvas.showPage(self)
        canvas.Canvas.save(self)


def p(text, style):
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def build(rec, out, st):
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=70, title=rec["title"])
    story = [p(rec["form_label"], st["body"]), p(rec["title"], st["title"]), Spacer(1, 6),
             Table([[p("单位名称：" + rec["unit_name"], st["body"]),
                     p("编号：" + rec["document_number"], st["right"])]],
                   colWidths=[WIDTH * 0.62, WIDTH * 0.38]),
             Spacer(1, 4)]
    data, cmds = [], [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                      ("VALIGN", (0, 0), (-1, -1), "TOP")]
    label_w, pair_w = 100.0, WIDTH / 2
    for layout, fields in rec["rows"]:
        r = len(data)
        if layout == "full":
            label, value = fields[0]
            data.append([p(label + "：\n" + value, st["body"]), "", "", ""])
            cmds.append(("SPAN", (0, r), (3, r)))
        elif len(fields) == 1:
            data.append([p(fields[0][0], st["body"]), p(fields[0][1], st["body"]), "", ""])
            cmds.append(("SPAN", (1, r), (3, r)))
        else:
            data.append([p(fields[0][0], st["body"]), p(fields[0][1], st["body"]),
                         p(fields[1][0], st["body"]), p(fields[1][1], st["body"])])
    story.append(Table(data, colWidths=[label_w, pair_w - label_w, label_w, pair_w - label_w],
                       style=TableStyle(cmds), splitInRow=1))
    story.append(Spacer(1, 12))
    sig_rows = [[p(role, st["body"]), p(name, st["body"]), p("签署日期", st["body"]),
                 p(date, st["body"])] for role, name, date in rec["signatures"]]
    story.append(Table(sig_rows, colWidths=[120, WIDTH - 340, 70, 150],
                       style=TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black)])))

    def footer(c, _doc):
        c.setFont("CJK", 8)
        c.drawString(MARGIN, 40, rec["footer_note"])

    doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=NumberedCanvas)


def main():
    rec_path, font_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out_path = sys.argv[4] if len(sys.argv) > 4 else None
    with open(rec_path, encoding="utf-8") as f:
        rec = json.load(f)
    t0 = time.perf_counter()
    pdfmetrics.registerFont(TTFont("CJK", font_path))
    font_ms = (time.perf_counter() - t0) * 1000
    st = styles()
    for _ in range(2):  # warm-up
        build(rec, io.BytesIO(), st)
    total, size, pages, sample = 0.0, 0, 0, b""
    for _ in range(count):
        buf = io.BytesIO()
        t = time.perf_counter()
        build(rec, buf, st)
        total += time.perf_counter() - t
        sample = buf.getvalue()
        size += len(sample)
    pages = sample.count(b"/Type /Page\n") + sample.count(b"/Type /Page ")
    if out_path:
        with open(out_path, "wb") as f:
            f.write(sample)
    ms, kb = total / count * 1000, size / count / 1024
    print("python3-reportlab %s (unsigned): %d records" % (
        __import__("reportlab").Version, count))
    print("  font registration, once      %7.1f ms" % font_ms)
    print("  render                       %7.2f ms/record" % ms)
    print("  size                         %7.1f KB/record" % kb)
    print("RESULT reportlab_ms=%.3f reportlab_kb=%.1f pages=%d" % (ms, kb, pages))


if __name__ == "__main__":
    main()
