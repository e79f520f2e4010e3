#!/usr/bin/python3
"""Writes bench/README.md from the raw output of one bench/run-all run.

usage: bench/report.py RUN_DIR > bench/README.md

RUN_DIR holds meta.txt and one NAME.txt per benchmark, as bench/run-all leaves them.
Every figure in the report comes from those files; the prose around them explains what
each benchmark does and why a figure is what it is. Where a target is missed, the report
says so with the measured figure.
"""
import re
import os
import sys


def read(run, name):
    with open("%s/%s.txt" % (run, name), encoding="utf-8") as f:
        return f.read()


def results(text, tag=None):
    """The key=value pairs of each RESULT line (optionally only those whose first word
    after RESULT is `tag`)."""
    out = []
    for line in text.splitlines():
        if not line.startswith("RESULT "):
            continue
        words = line.split()[1:]
        if tag is not None and (not words or words[0] != tag):
            continue
        out.append(dict(w.split("=", 1) for w in words if "=" in w))
    return out


def num(text, pattern):
    m = re.search(pattern, text)
    if not m:
        raise SystemExit("report.py: no match for %r" % pattern)
    return float(m.group(1))


def met(ok):
    return "met" if ok else "**not met**"


def fmt(x, digits=0):
    return "{:,.{d}f}".format(x, d=digits)


def meta(run):
    m = {}
    for line in read(run, "meta").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            m[k] = v
    return m


def engine_section(run):
    rows = []
    ratios = {}
    for sync, name in (("FULL", "engine_full"), ("NORMAL", "engine_normal")):
        t = read(run, name)
        cmds = num(t, r"erflow engine :\s*([0-9.]+)")
        raw = num(t, r"raw SQLite    :\s*([0-9.]+)")
        head = t.splitlines()[0]
        ev = num(head, r"event ~([0-9]+) B")
        snap = num(head, r"snapshot ~([0-9]+) B")
        n = num(head, r"([0-9]+) commands")
        ratios[sync] = cmds / raw
        rows.append("| %s | %s | %s | **%.2f×** |" % (sync, fmt(cmds), fmt(raw), cmds / raw))
    full = ratios["FULL"]
    text = """## Engine commands/s vs raw SQLite

`bench/engine_bench CASES FULL|NORMAL` — erflow: CASES cases of `incident-basic`, each
driven through 10 commands (open with the report, claim, submit the assessment, approve,
two parallel branches, summary, return, resubmit, approve). Every command is one
transaction: the checks at the choke point, a hash-chained history event (~%d B), the
snapshot (~%d B), queue rows, case fields. Baseline: raw sqlite3 with prepared statements,
one INSERT of a row the size of the event plus one UPDATE of a row the size of the snapshot
per transaction, same journal mode (WAL) and synchronous setting, same disk, same process.
%s commands each.

| synchronous | erflow commands/s | raw SQLite transactions/s | ratio |
|---|---|---|---|
%s

Target ≥ 0.5× with synchronous=FULL: %s (%.2f×).
""" % (ev, snap, fmt(n), "\n".join(rows), met(full >= 0.5), full)
    if full < 0.5:
        text += """
Why: with FULL, both sides pay one WAL fsync per commit, so the ratio measures how much
work erflow adds around it; where the disk's fsync is cheap, that work shows more. What
the work is (perf of `engine_bench 1000 NORMAL`, 2026-11-21; the erflow run is ~85% of its samples): about 47% is the
kernel copying WAL pages, because an erflow command dirties pages of about a dozen
B-trees — the event and its idempotency-key index, the case row with its snapshot, queue
rows and their four indexes (written as a diff, only rows that changed), case fields,
timers, visibility — where the baseline dirties two; SQLite itself is about 22%, erflow's
own code (checks, JSON, hashing) about 13%. Earlier sessions measured 0.53–0.98× on the
same machine with a slower fsync. Tried and not adopted: a 1 KB page size on both sides
(+8%, 0.50–0.53×), because it would lengthen the overflow chains of stored PDFs and the
queue's B-trees for a gain within this machine's noise; larger page cache (no effect).
"""
    return text, full


def nine_section(run):
    t = read(run, "nine_task")
    r = results(t, "bpmn_vs_erflow")[0]
    e = results(t, "erflow")[0]
    b = results(t, "bpmn")[0]
    machine = next((l for l in t.splitlines() if l.startswith("machine:")), "")
    speed = float(r["speed_ratio"])
    rss = float(r["rss_ratio"])
    text = """## The nine-task case: erflow vs bpmn-engine

`bench/bpmn_vs_erflow.sh BUILD_DIR CASES` — the same emergency case, nine user tasks
(report, assess, activate, contain ∥ eradicate ∥ recover, end the response, result report,
summary), %s cases one after another in each engine:

- erflow: `bench/data/nine-task.json` through `nine_task_bench`, every command a durable
  SQLite transaction (WAL, synchronous=FULL) with form validation against the shipped
  forms, the hash-chained history event, snapshot and queue rows;
- [bpmn-engine](https://www.npmjs.com/package/bpmn-engine) (installed from npm into a
  temporary folder by the script), `bench/data/nine-task.bpmn` (the same flow with a
  parallel gateway), parsed once and run per case from the serialised context, each user
  task signalled with the same form data, and after every task the execution's state
  (`getState()`, ~%s KB of JSON) written to the case's file and fsynced — less than a
  durable store must do (no atomic replace), so the baseline is favoured.

%s

| engine | cases/s | wall s | CPU s | peak RSS |
|---|---|---|---|---|
| erflow (SQLite, synchronous=FULL) | %s | %s | %s | %s MB |
| bpmn-engine %s (state file + fsync) | %s | %s | %s | %s MB |

erflow runs **%.1f×** the cases per second of bpmn-engine, in **%.2f×** its peak memory
(%s MB vs %s MB).
""" % (fmt(float(e["cases"])), fmt(float(b["state_bytes"]) / 1024, 1),
       machine.replace("machine:", "Run on:"),
       fmt(float(r["erflow_cases_per_s"]), 1), fmt(float(e["seconds"]), 2),
       r["erflow_cpu_s"], fmt(float(r["erflow_rss_mb"]), 1),
       re.search(r"bpmn-engine ([0-9.]+)", machine).group(1) if "bpmn-engine" in machine else "",
       fmt(float(r["bpmn_cases_per_s"]), 1), fmt(float(b["seconds"]), 2), r["bpmn_cpu_s"],
       fmt(float(r["bpmn_rss_mb"]), 1), speed, rss, fmt(float(r["erflow_rss_mb"]), 1),
       fmt(float(r["bpmn_rss_mb"]), 1))
    return text, speed, rss


def tick_section(run):
    t = read(run, "tick")
    r = results(t, "tick")[0]
    head = t.splitlines()[0]
    ours, raw = float(r["erflow_us"]), float(r["raw_us"])
    text = """## Timer sweep: time per fired timer

`bench/tick_bench CASES DUE` — %s cases of `bench/data/deadline.json`, each with one
pending timer (the written report due 30 minutes after the phone report), %s of them due.
Seeded through the engine (synchronous=OFF), reopened with synchronous=FULL, then one
`Engine::Tick()` fires the due timers, each in its own transaction: claim the earliest
due timer by the `(state, fire_at)` index, load the case, mark the deadline missed,
escalate (a queue row for the unit's supervisors), append the hash-chained event, update
the snapshot, queue rows and timers. Baseline: raw sqlite3 over tables of the same sizes
(%s timers, %s due; cases and events of erflow's sizes), per fired timer one transaction
of the least the store must do: select the earliest due timer by the same index, mark it
fired, read the case, insert the event, update the snapshot, insert the queue row.
(%s.)

| | per fired timer |
|---|---|
| erflow `Tick()` | %s µs |
| raw SQLite, same selects and updates | %s µs |

erflow's sweep costs **%.2f×** the raw SQLite work per timer (%.0f%% of raw speed).
""" % (fmt(float(r["cases"])), fmt(float(r["due"])), fmt(float(r["cases"])),
       fmt(float(r["due"])), head.strip(), fmt(ours, 1), fmt(raw, 1), ours / raw,
       100 * raw / ours)
    return text, ours / raw


def pdf_section(run):
    t = read(run, "pdf")
    e = results(t)
    ours = next(x for x in e if "erflow_ms" in x)
    theirs = next(x for x in e if "reportlab_ms" in x)
    ms, kb, kb2 = float(ours["erflow_ms"]), float(ours["erflow_kb"]), float(ours["erflow_kb2"])
    second = float(ours["second_ms"])
    rl_ms, rl_kb = float(theirs["reportlab_ms"]), float(theirs["reportlab_kb"])
    render = num(t, r"render\s+([0-9.]+) ms/record\n\s+sign")
    sign = num(t, r"sign \(reporter\)\s+([0-9.]+)")
    font = num(t, r"font load, once per process\s+([0-9.]+)")
    rl_font = num(t, r"font registration, once\s+([0-9.]+)")
    valid = num(t, r"pdfsig on the sample \(reporter \+ supervisor\): ([0-9]+) of 2")
    count = num(t, r": ([0-9]+) two-page records")
    ratio = rl_ms / ms
    text = """## PDF records: erflow vs python3-reportlab

`bench/pdf_vs_reportlab.sh [BUILD_DIR] [COUNT]` runs, in one go:

- `pdf_records_bench`: renders **and signs** COUNT two-page Chinese records — the 附件二
  initial report with a ~1,100-character description, 459 distinct characters each — with
  the subset-embedded CJK font (Identity-H) and one adbe.pkcs7.detached SHA-256 signature
  (RSA-2048, demo CA), then adds a second signature as an incremental update. Font
  loading (once per process) is reported apart; the sample is checked with `VerifyPdf`
  and `pdfsig` (%d of 2 signatures valid in this run).
- `pdf_reportlab.py` on Debian's `/usr/bin/python3` with python3-reportlab: the same form
  from the same text (dumped by the bench as JSON), same font registered as a TTF
  (reportlab subsets it too), platypus table with CJK word wrap, `第 i 页 共 n 页` via a
  two-pass canvas — **unsigned**.

%s records:

| | erflow (signed) | python3-reportlab (unsigned) |
|---|---|---|
| render | %.2f ms/record | %.2f ms/record |
| first signature | %.2f ms/record | — |
| **total per record** | **%.2f ms** (target ≤ 10 ms: %s) | %.2f ms |
| size | **%.1f KB** (target ≤ 80 KB: %s) | %.1f KB |
| second signature (incremental) | +%.2f ms, %.1f KB with both | — |
| font load, once | %.1f ms | %.1f ms |

erflow is **%.1f× faster** than reportlab (target ≥ 3×: %s) while also signing.

Absolute times depend on how busy the machine is (see the load average above); the ratio
moves much less, and sizes do not vary between runs.

Where the time goes (a perf profile taken when the benchmark was written, not re-measured
by each run): about 70%% of render is zlib compressing the embedded font subset (~105 KB of
TrueType outlines → ~62 KB; outlines barely compress, and faster zlib levels save under
1 ms for 5 KB more); signing is mostly the RSA operation. Size is almost all glyph outlines
(~140 bytes per distinct character after compression), so a record with many more
distinct characters grows accordingly; the font is built at 512 units per em, which saves
~10%% over the source's 1024.
""" % (valid, fmt(count), render, rl_ms, sign, ms, met(ms <= 10), rl_ms, kb, met(kb <= 80),
       rl_kb, second, kb2, font, rl_font, ratio, met(ratio >= 3))
    return text, ratio, ms, kb


def xlsx_section(run):
    t = read(run, "xlsx")
    cells = num(t, r"workbooks match: [0-9]+ sheets, ([0-9]+) cells compared")
    load = re.search(r"\(load average: ([^)]*)\)", t).group(1)
    cases = num(t, r"== ([0-9]+) cases")
    row = re.search(r"erflow RegisterWriter\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)", t)
    prow = re.search(r"python3-xlsxwriter\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)", t)
    ew, ec, er, ef = (float(x) for x in row.groups())
    pw, pc, pr, pf = (float(x) for x in prow.groups())
    cpu_ratio, wall_ratio = pc / ec, pw / ew
    text = """## Excel register: erflow vs python3-xlsxwriter

`bench/xlsx_vs_python.sh [BUILD_DIR] [CASES] [DEADLINES_PER_CASE]` runs, in one go:

- an equivalence check first: both writers produce a 3,000-case register with 3 deadlines
  per case and `xlsx_compare.py` reads both back with openpyxl (via `tests/xlsx_dump.py`)
  and compares every cell — type, value, number format — plus sheet names, frozen panes,
  autofilters, column widths and chart ranges (%s cells; they match);
- `xlsx_register_bench`: `RegisterWriter` (libxlsxwriter 1.1.4, constant-memory mode)
  writing CASES synthetic 台账 rows — 16 columns: Chinese text, six China-time date
  serials with date formats, warning-colour fills, late-flag text and count — then the
  statistics sheet and charts;
- `xlsx_register_python.py` on Debian's `/usr/bin/python3` with python3-xlsxwriter 3.0.2
  in `constant_memory` mode writing the same rows (same generator, columns, types,
  formats, widths, panes, filters, statistics and charts).

Each runs under `/usr/bin/time` (wall, user+sys CPU, max RSS); %s cases, load average
%s when it started:

| | erflow RegisterWriter | python3-xlsxwriter |
|---|---|---|
| wall | %.1f s | %.1f s |
| CPU (user+sys) | %.1f s | %.1f s |
| **peak RSS** | **%.1f MB** (target ≤ 64 MB: %s) | %.1f MB |
| file | %.1f MB | %.1f MB |

erflow is **%.2f× faster in CPU time (%.2f× wall)** — the target of ≥ 5× is %s.
Peak RSS stays flat with size (the `[xlsx][memory]` test checks 200,000 cases grow the
peak no more than 20,000 do).
""" % (fmt(cells), fmt(cases), load, ew, pw, ec, pc, er, met(er <= 64), pr, ef, pf,
       cpu_ratio, wall_ratio, "met" if cpu_ratio >= 5 else "**not met**")
    if cpu_ratio < 5:
        text += """
Why not 5×: both writers produce the same ~850 MB of sheet XML (for 1M cases) and
compress it with the same zlib at level 6, which libxlsxwriter hard-codes (no option in
1.1.4). A perf profile (taken when the benchmark was written) shows deflate is ~48% of
erflow's CPU time and libxlsxwriter's own fprintf-based cell writing (~35%) and the
temporary-file I/O (~12%) most of the rest; erflow's code (row checks, labels,
statistics) is ~3%. `gzip -6` alone on that sheet XML takes ~8 s here. So the shared
floor is about half of erflow's time, and even a writer with free cell formatting would
stay under ~7× against python. Getting to 5× means a cheaper deflate (a libxlsxwriter
that takes a compression level, or packaging the zip ourselves), not faster row code.
"""
    return text, cpu_ratio, er


def scale_section(run):
    t = read(run, "scale")
    rows = results(t, "scale")

    def per_item(r, who):
        return float(r[who + "_queue_p50_us"]) / max(1.0, float(r[who + "_items"]))

    lines = []
    for r in rows:
        lines.append("| %s | %s | %s / %s µs (%s items, %.2f µs/item) | %s / %s µs (%s items, %.2f µs/item) | %s MB | %s s |" % (
            fmt(float(r["cases"])), fmt(float(r["commands_per_s"])),
            fmt(float(r["clerk_queue_p50_us"])), fmt(float(r["clerk_queue_p99_us"])),
            r["clerk_items"], per_item(r, "clerk"),
            fmt(float(r["boss_queue_p50_us"])), fmt(float(r["boss_queue_p99_us"])),
            r["boss_items"], per_item(r, "boss"),
            fmt(float(r["db_mb"])), fmt(float(r["seed_s"]), 1)))
    # Each step between sizes: commands/s, and queue latency per item returned (a queue
    # page is cut at 100 items, but at the smallest size a unit's pool holds fewer).
    steps = []
    flat = True
    for a, b in zip(rows, rows[1:]):
        c = float(b["commands_per_s"]) / float(a["commands_per_s"])
        q = per_item(b, "clerk") / per_item(a, "clerk")
        s_ = per_item(b, "boss") / per_item(a, "boss")
        ok = c >= 0.7 and q <= 1.5 and s_ <= 1.5
        flat = flat and ok
        steps.append("- %s → %s cases: commands/s **%.2f×**, queue per item **%.2f×** (clerk) and "
                     "**%.2f×** (supervisor): %s" % (
                         fmt(float(a["cases"])), fmt(float(b["cases"])), c, q, s_,
                         "flat" if ok else "**not flat**"))
    first, last = rows[0], rows[-1]
    cmd_ratio = float(last["commands_per_s"]) / float(first["commands_per_s"])
    q_ratio = per_item(last, "clerk") / per_item(first, "clerk")
    b_ratio = per_item(last, "boss") / per_item(first, "boss")
    text = """## How cost grows: 10k, 100k, 1M cases

`bench/scale_bench SIZE…` — one database grown to each size in turn (seeded fast through
the engine itself with synchronous=OFF: `incident-basic` cases over 100 units, each opened
with its report, every fifth also assessed, so every case holds open work), then reopened
with synchronous=FULL and measured:

- commands/s: 100 new cases driven through engine_bench's 10 commands in one of the 100
  units;
- queue latency: `Engine::Queue(user, 100)` for a clerk of a unit whose pool holds 1/100
  of all open cases, and for a supervisor there (assessments awaiting approval), 300 times
  each — median / 99th percentile. A page stops at 100 items; at the smallest size the
  pools hold fewer, so the latency is also given per item returned, and the steps below
  compare that.

| cases | commands/s | clerk queue p50 / p99 | supervisor queue p50 / p99 | database | seeding |
|---|---|---|---|---|---|
%s

Each step of 10× more cases (flat: commands/s no worse than 0.7×, queue per item no
worse than 1.5×; a scan would cost ~10× per step):

%s

Target (stays flat at every step): %s. Every lookup is by index — cases by id,
events by (case, seq) and idempotency key, queue rows by (unit, role, assignee,
created_at) and by assignee, timers by (state, fire_at), case fields by (name, value,
case) — and a queue page reads its rows in index order however large the pool, which is
what the 100,000 → 1,000,000 step shows. Where a step is not flat, its cause is not
established here: neither a larger SQLite page cache (`cache_size` 64 MB) nor
time-ordered idempotency keys (so the unique key index grows at its right edge) changed
the 10,000 → 100,000 drop in commands/s when tried on 2026-11-21; WAL checkpoints writing
into a 10× larger file under synchronous=FULL are the likely suspect, and it is unmeasured.
""" % ("\n".join(lines), "\n".join(steps),
       "met" if flat else "**not met**")
    return text, cmd_ratio, q_ratio, b_ratio, flat


def main():
    run = sys.argv[1]
    m = meta(run)
    engine, engine_ratio = engine_section(run)
    nine, speed, rss = nine_section(run)
    tick, tick_ratio = tick_section(run)
    pdf, pdf_ratio, pdf_ms, pdf_kb = pdf_section(run)
    xlsx, xlsx_ratio, xlsx_rss = xlsx_section(run)
    scale, cmd_ratio, q_ratio, b_ratio, flat = scale_section(run)
    print("""# Benchmarks

Each figure below was measured beside its baseline in the same run, on the same machine,
by one command, `%s`, which also wrote this file (`bench/report.py` turns the raw output
into it). Rerun it to regenerate everything.

- **date**: %s, commit %s
- **machine**: %s, %s CPUs, %s GB RAM; %s; %s
- **toolchain**: %s; SQLite %s; node %s; build %s
- **load average** (1, 5, 15 min) at the start: %s; at the end: %s. The two CPUs are
  shared with other people's builds, so absolute times move between runs; the ratios,
  each taken within one run, much less.

| benchmark | erflow vs baseline | target |
|---|---|---|
| engine commands/s vs raw SQLite (synchronous=FULL) | %.2f× | ≥ 0.5×: %s |
| nine-task case vs bpmn-engine: cases/s | %.1f× | — |
| nine-task case vs bpmn-engine: peak memory | %.2f× | — |
| timer sweep vs raw SQLite: time per fired timer | %.2f× | — |
| signed PDF record vs python3-reportlab (unsigned) | %.1f× faster, %.2f ms, %.1f KB | ≥ 3×, ≤ 10 ms, ≤ 80 KB: %s |
| Excel register vs python3-xlsxwriter (CPU) | %.2f× faster, %.1f MB peak | ≥ 5×: %s; ≤ 64 MB: %s |
| 10k → 1M cases: commands/s, queue p50 per item (clerk, supervisor) | %.2f×, %.2f×, %.2f× | flat at every step: %s |
""" % (m["command"], m["date"], m["commit"], m["cpu"], m["cpus"], m["memory_gb"], m["os"],
       m["kernel"], m["compiler"], m["sqlite"], m["node"], m["build"], m["load_start"],
       m.get("load_end", "?"), engine_ratio, met(engine_ratio >= 0.5), speed, rss, tick_ratio,
       pdf_ratio, pdf_ms, pdf_kb, met(pdf_ratio >= 3 and pdf_ms <= 10 and pdf_kb <= 80),
       xlsx_ratio, xlsx_rss, met(xlsx_ratio >= 5), met(xlsx_rss <= 64), cmd_ratio, q_ratio,
       b_ratio, met(flat)))
    for section in (engine, nine, tick, scale, pdf, xlsx):
        print(section)
    # The cluster and wrk benchmarks have their own scripts and set-up (bench/separate-runs.md).
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "separate-runs.md"),
              encoding="utf-8") as f:
        print(f.read().split("-->", 1)[1].strip())


if __name__ == "__main__":
    main()
