#!/usr/bin/python3
"""check_calc.py - open the workbook calc_report.py wrote and check its cells.

    python3 tests/clients/check_calc.py report.ods [report.xlsx]

Reads the files as what they are, zip archives of XML (standard library
only): the .ods's content.xml (cell values as LibreOffice computed and saved
them, formulas included) and its embedded chart, and the .xlsx's sheets,
shared strings and chart part.  The expected numbers are those of
tests/shell/example_report.expected (the same log priced by the sqlite3 shell).
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "chart": "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}
MONTHS = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]
PRICED = ["DeepSeek-R1", "DeepSeek-R1-Distill-Qwen-32B", "DeepSeek-V3", "Qwen3-235B-A22B", "Qwen3-30B-A3B",
          "Qwen3-32B", "Qwen3-8B", "Qwen_v2.5_7b_Instruct", "Spark Lite", "Spark Max"]
# (model, month) -> CNY, from tests/shell/example_report.expected
CELLS = {
    ("DeepSeek-R1", "2025-08"): 2.970476,
    ("Spark Max", "2025-08"): 1.787720,
    ("DeepSeek-V3", "2026-01"): 1.604306,
    ("Qwen3-8B", "2026-01"): 0.495169,
    ("Qwen3-32B", "2025-12"): 0.687876,
    ("DeepSeek-R1", "2026-01"): 0.0,  # no usage that month: SUMIFS gives 0
}
TOTAL = 32.750370
# Exact month sums (maas_total, as the query adds them); the shell report
# shows them rounded to 6 decimals (2025-08: 5.965756).
MONTH_TOTALS = {"2025-08": 5.9657555, "2025-11": 5.16856425, "2026-01": 6.527121}

failures = 0


def check(what, ok, detail=""):
    global failures
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok else f" ({detail})"))
    failures += not ok


def close(a, b):
    return a is not None and abs(a - b) < 5e-10


# --- .ods -------------------------------------------------------------------
def ods_sheets(root):
    """{sheet name: [[(value, text)]]} with repeated rows/columns expanded (bounded)."""
    sheets = {}
    for table in root.iter(f"{{{NS['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{NS['table']}}}table-row"):
            cells = []
            for cell in row:
                if cell.tag not in (f"{{{NS['table']}}}table-cell", f"{{{NS['table']}}}covered-table-cell"):
                    continue
                repeat = min(int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1")), 64)
                value = cell.get(f"{{{NS['office']}}}value")
                text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
                cells += [(float(value) if value is not None else None, text)] * repeat
            repeat = min(int(row.get(f"{{{NS['table']}}}number-rows-repeated", "1")), 64)
            rows += [cells] * repeat
        sheets[table.get(f"{{{NS['table']}}}name")] = rows
    return sheets


def check_ods(path):
    with zipfile.ZipFile(path) as z:
        check(f"{path}: mimetype is an OpenDocument spreadsheet",
              z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet")
        content = ET.fromstring(z.read("content.xml"))
        sheets = ods_sheets(content)
        check("sheets Report and Data", list(sheets)[:2] == ["Report", "Data"], list(sheets))

        data = [r for r in sheets["Data"] if any(t for _, t in r)]
        check("Data: header month, model, cost_cny", [t for _, t in data[0][:3]] == ["month", "model", "cost_cny"],
              data[0][:3])
        check("Data: 41 rows (month, model) as in the shell report", len(data) - 1 == 41, len(data) - 1)
        first = data[1]
        check("Data row 2: 2025-08, DeepSeek-R1, 2.970476",
              first[0][1] == "2025-08" and first[1][1] == "DeepSeek-R1" and close(first[2][0], 2.970476), first[:3])
        unpriced = [r for r in data[1:] if r[1][1] == "gpt-4o-mini"]
        check("Data: gpt-4o-mini rows have an empty cost", len(unpriced) == 6 and all(
            r[2][0] is None and r[2][1] == "" for r in unpriced), unpriced[:1])
        check("Data: the costs add up to 32.75037",
              close(sum(r[2][0] or 0 for r in data[1:]), TOTAL), sum(r[2][0] or 0 for r in data[1:]))

        report = sheets["Report"]
        check("Report A1 is the title", report[0][0][1].startswith("Cost by month and model"), report[0][0])
        header = [t for _, t in report[2][:8]]
        check("Report row 3: model, the six months, total", header == ["model"] + MONTHS + ["total"], header)
        by_model = {r[0][1]: r for r in report[3:] if r and r[0][1]}
        check("Report: one row per priced model, then total",
              [m for m in by_model][:11] == PRICED + ["total"], list(by_model)[:11])
        for (model, month), expected in CELLS.items():
            value = by_model[model][1 + MONTHS.index(month)][0]
            check(f"Report {model} / {month} = {expected}", close(value, expected), value)
        for month, expected in MONTH_TOTALS.items():
            value = by_model["total"][1 + MONTHS.index(month)][0]
            check(f"Report total / {month} = {expected}", close(value, expected), value)
        check(f"Report grand total = {TOTAL}", close(by_model["total"][7][0], TOTAL), by_model["total"][7])
        check("Report DeepSeek-R1 total = 10.959892", close(by_model["DeepSeek-R1"][7][0], 10.959892),
              by_model["DeepSeek-R1"][7])
        notes = [r[0][1] for r in report if r and r[0][1].startswith("Not priced")]
        check("Report names the unpriced models", notes == [
            "Not priced (left out of the totals): gpt-4o-mini, Spark Mini"], notes)
        raw = z.read("content.xml").decode()
        check("Report cells are SUMIFS formulas over Data",
              re.search(r'table:formula="of:=SUMIFS\(\[\$Data\.\$C\$2:\.\$C\$42\]', raw) is not None)

        # The chart: a frame on Report holding an embedded chart object.
        frames = [o.get(f"{{{NS['xlink']}}}href") for o in content.iter(f"{{{NS['draw']}}}object")]
        check("one chart object on the Report sheet", len(frames) == 1, frames)
        chart = ET.fromstring(z.read(frames[0].lstrip("./") + "/content.xml"))
        kind = chart.find(".//chart:chart", NS)
        check("the chart is a bar/column chart", kind.get(f"{{{NS['chart']}}}class") == "chart:bar",
              kind.attrib)
        title = "".join(chart.find(".//chart:chart/chart:title", NS).itertext())
        check("chart title", title == "Cost by month and model (CNY)", title)
        series = chart.findall(".//chart:series", NS)
        check("a series per priced model", len(series) == len(PRICED), len(series))
        check("first series is DeepSeek-R1's row",
              series[0].get(f"{{{NS['chart']}}}values-cell-range-address") == "Report.B4:Report.G4",
              series[0].attrib)
        stacked = [e.get(f"{{{NS['chart']}}}stacked") for e in chart.iter() if e.get(f"{{{NS['chart']}}}stacked")]
        check("stacked columns", stacked == ["true"], stacked)
        vertical = [e.get(f"{{{NS['chart']}}}vertical") for e in chart.iter() if e.get(f"{{{NS['chart']}}}vertical")]
        check("columns, not horizontal bars", "true" not in vertical, vertical)
        categories = chart.find(".//chart:categories", NS).get(f"{{{NS['table']}}}cell-range-address")
        check("categories are the months", categories == "Report.B3:Report.G3", categories)


# --- .xlsx ------------------------------------------------------------------
X = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def check_xlsx(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = [s.get("name") for s in workbook.find("m:sheets", X)]
        check(f"{path}: sheets Report and Data", sheets[:2] == ["Report", "Data"], sheets)
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", X):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{X['m']}}}t")))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", X)}
        first = workbook.find("m:sheets", X)[0].get(f"{{{X['r']}}}id")
        sheet = ET.fromstring(z.read("xl/" + targets[first].lstrip("/").removeprefix("xl/")))
        cells = {}
        for c in sheet.iter(f"{{{X['m']}}}c"):
            v = c.find("m:v", X)
            if v is None:
                continue
            cells[c.get("r")] = shared[int(v.text)] if c.get("t") == "s" else v.text
        check("xlsx Report A4 = DeepSeek-R1", cells.get("A4") == "DeepSeek-R1", cells.get("A4"))
        check("xlsx Report B4 = 2.970476", close(float(cells.get("B4", "nan")), 2.970476), cells.get("B4"))
        check(f"xlsx Report H14 = {TOTAL}", close(float(cells.get("H14", "nan")), TOTAL), cells.get("H14"))
        formulas = [c for c in sheet.iter(f"{{{X['m']}}}c") if c.get("r") == "B4" and c.find("m:f", X) is not None]
        check("xlsx Report B4 keeps its SUMIFS formula",
              bool(formulas) and formulas[0].find("m:f", X).text.startswith("SUMIFS("))
        charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        check("xlsx has a chart part", len(charts) == 1, charts)
        if charts:
            chart = z.read(charts[0]).decode()
            check("xlsx chart is stacked columns", "<c:barDir val=\"col\"/>" in chart and
                  "<c:grouping val=\"stacked\"/>" in chart)


for arg in sys.argv[1:]:
    if arg.endswith(".ods"):
        check_ods(arg)
    elif arg.endswith(".xlsx"):
        check_xlsx(arg)
    else:
        sys.exit(f"check_calc.py: not .ods or .xlsx: {arg}")
if failures:
    print(f"{failures} check(s) failed")
    sys.exit(1)
