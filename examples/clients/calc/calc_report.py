#!/usr/bin/python3
"""calc_report.py - the monthly cost report of a usage log, in LibreOffice Calc.

Reads cost by month and model from an ODBC data source whose SQLite database
has a new-api `logs` table and sqlite-maas loaded (LoadExt= in the DSN, see
examples/clients/odbc/odbc.ini), writes it to a spreadsheet with a chart, and
saves it:

    /usr/bin/python3 examples/clients/calc/calc_report.py --dsn maas --out report.ods
    /usr/bin/python3 examples/clients/calc/calc_report.py --dsn maas --out report.xlsx

It starts its own headless LibreOffice (soffice, with a throw-away profile)
and drives it through UNO, so it needs Debian's python3 with python3-uno, and
libreoffice-calc-nogui (or -calc), libreoffice-base-drivers (the ODBC driver
of LibreOffice), unixodbc and libsqliteodbc.

The workbook:
  Report  one row per priced model, one column per month, each cell a SUMIFS
          over Data, with totals; a stacked column chart of it below; the
          models that found no price listed under it.
  Data    the query's rows as they came: month, model, cost_cny (empty where
          no row of the group has a price).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import uno
    from com.sun.star.awt import Rectangle
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.exit(f"calc_report.py: {error}: run it with Debian's /usr/bin/python3 and "
             "install python3-uno (apt-get install python3-uno libreoffice-calc-nogui)")

# A plain SELECT (no TEMP view, no shell dot-commands), so that any ODBC
# client can run it.  maas_total() adds the costs exactly, as the decimals
# they are, and rounds once to the nearest REAL (see
# docs/functions/maas_total.md).
# The served model: new-api's upstream_model_name when a channel mapped the
# request (in `other`), else model_name.  Months are UTC here, as the
# workbook's checks expect; the shell reports group by Beijing time (@tz).
QUERY = """
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
       coalesce(maas_model(served), served) AS model,
       maas_total(maas_cost(served, prompt_tokens, completion_tokens, created_at)) AS cost_cny
  FROM (SELECT *, coalesce(CASE WHEN typeof(other) = 'text' AND json_valid(other)
                                     AND json_extract(other, '$.is_model_mapped') = 1
                                THEN json_extract(other, '$.upstream_model_name') END, model_name) AS served
          FROM logs)
 WHERE type = 2
 GROUP BY 1, 2
 ORDER BY 1, 2 COLLATE NOCASE
"""

CNY_FORMAT = '#,##0.000000;-#,##0.000000;"-"'  # zero shows as a dash
AXIS_FORMAT = "#,##0.00"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """A headless soffice of our own, reached over a named pipe."""

    def __init__(self, soffice="soffice", timeout=90):
        self.profile = tempfile.mkdtemp(prefix="maas-calc-profile-")
        self.pipe = f"maas_calc_{os.getpid()}"
        self.proc = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             "--nolockcheck", f"-env:UserInstallation={uno.systemPathToFileUrl(self.profile)}",
             f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("soffice did not start (is libreoffice-calc installed?)")
                time.sleep(0.25)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def service(self, name):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def close(self):
        try:
            if getattr(self, "desktop", None) is not None:
                self.desktop.terminate()
        except Exception:  # the bridge goes away with the process
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def read_report(office, dsn, user="", password=""):
    """[(month, model, cost or None)] from the DSN, through LibreOffice's ODBC driver."""
    manager = office.service("com.sun.star.sdbc.DriverManager")
    info = (prop("user", user), prop("password", password))
    conn = manager.getConnectionWithInfo(f"sdbc:odbc:{dsn}", info)
    try:
        result = conn.createStatement().executeQuery(QUERY)
        rows = []
        while result.next():
            month, model = result.getString(1), result.getString(2)
            cost = result.getDouble(3)
            rows.append((month, model, None if result.wasNull() else cost))
        return rows
    finally:
        conn.close()


def col_name(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def build_workbook(office, rows, title):
    doc = office.desktop.loadComponentFromURL(
        "private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    report = sheets.getByIndex(0)
    report.Name = "Report"
    sheets.insertNewByName("Data", 1)
    data = sheets.getByName("Data")

    formats = doc.NumberFormats
    locale = doc.CharLocale
    cny = formats.queryKey(CNY_FORMAT, locale, False)
    if cny == -1:
        cny = formats.addNew(CNY_FORMAT, locale)

    # --- Data: the query's rows ---------------------------------------------
    n = len(rows)
    table = [("month", "model", "cost_cny")]
    table += [(m, mo, c if c is not None else "") for m, mo, c in rows]
    data.getCellRangeByName(f"A1:C{n + 1}").setDataArray(tuple(table))
    for i, (_, _, cost) in enumerate(rows, start=2):
        if cost is None:  # an empty string would still be a text cell
            data.getCellByPosition(2, i - 1).clearContents(
                uno.getConstantByName("com.sun.star.sheet.CellFlags.STRING"))
    data.getCellRangeByName(f"C2:C{n + 1}").NumberFormat = cny
    data.getCellRangeByName("A1:C1").CharWeight = 150.0  # bold
    for i in range(3):
        data.Columns.getByIndex(i).OptimalWidth = True

    # --- Report: models down, months across, SUMIFS over Data ---------------
    months = sorted({m for m, _, _ in rows})
    priced = sorted({mo for _, mo, c in rows if c is not None}, key=str.lower)
    unpriced = sorted({mo for _, mo, _ in rows} - set(priced), key=str.lower)
    last_data = n + 1
    top = 2  # header row (0-based): row 3 in the sheet
    header = ["model"] + months + ["total"]
    for c, text in enumerate(header):
        report.getCellByPosition(c, top).setString(text)
    for r, model in enumerate(priced, start=top + 1):
        report.getCellByPosition(0, r).setString(model)
        for c in range(1, len(months) + 1):
            ref_model, ref_month = f"$A{r + 1}", f"{col_name(c)}${top + 1}"
            report.getCellByPosition(c, r).setFormula(
                f"=SUMIFS($Data.$C$2:$C${last_data};$Data.$B$2:$B${last_data};{ref_model};"
                f"$Data.$A$2:$A${last_data};{ref_month})")
        last = col_name(len(months))
        report.getCellByPosition(len(months) + 1, r).setFormula(f"=SUM(B{r + 1}:{last}{r + 1})")
    total_row = top + 1 + len(priced)
    report.getCellByPosition(0, total_row).setString("total")
    for c in range(1, len(months) + 2):
        col = col_name(c)
        report.getCellByPosition(c, total_row).setFormula(
            f"=SUM({col}{top + 2}:{col}{total_row})")
    width = len(months) + 2
    report.getCellRangeByPosition(1, top + 1, width - 1, total_row).NumberFormat = cny
    report.getCellRangeByPosition(0, top, width - 1, top).CharWeight = 150.0
    report.getCellRangeByPosition(1, top, width - 1, top).HoriJustify = uno.Enum(
        "com.sun.star.table.CellHoriJustify", "RIGHT")  # over the numbers
    report.getCellRangeByPosition(0, total_row, width - 1, total_row).CharWeight = 150.0
    for c in range(width):
        report.Columns.getByIndex(c).OptimalWidth = True
    # The title last, so that it does not widen column A.
    report.getCellByPosition(0, 0).setString(title)
    report.getCellByPosition(0, 0).CharWeight = 150.0
    report.getCellByPosition(0, 0).CharHeight = 14.0

    note_row = total_row + 2
    note = ("Not priced (left out of the totals): " + ", ".join(unpriced)) if unpriced \
        else "Every model was priced."
    report.getCellByPosition(0, note_row).setString(note)

    # --- the chart: cost by month, a stacked column per month, a series per model
    chart_top = report.getCellByPosition(0, note_row + 2).Position.Y
    chart_width = max(report.getCellByPosition(width, 0).Position.X, 22000)
    rect = Rectangle(0, chart_top, chart_width, 12000)  # 1/100 mm
    source = report.getCellRangeByPosition(0, top, len(months), total_row - 1).RangeAddress
    report.Charts.addNewByName("cost_by_month_model", rect, (source,), True, True)
    chart = report.Charts.getByName("cost_by_month_model").EmbeddedObject
    chart.setDiagram(chart.createInstance("com.sun.star.chart.BarDiagram"))
    diagram = chart.Diagram
    diagram.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
    diagram.Vertical = False  # columns, not bars
    diagram.Stacked = True
    chart.HasMainTitle = True
    chart.Title.String = "Cost by month and model (CNY)"
    chart.HasLegend = True
    diagram.HasYAxisTitle = True
    diagram.YAxisTitle.String = "CNY"
    diagram.HasXAxisTitle = True
    diagram.XAxisTitle.String = "month (UTC)"
    y_axis = diagram.getYAxis()
    chart_formats = chart.NumberFormats
    axis_format = chart_formats.queryKey(AXIS_FORMAT, locale, False)
    if axis_format == -1:
        axis_format = chart_formats.addNew(AXIS_FORMAT, locale)
    y_axis.LinkNumberFormatToSource = False
    y_axis.NumberFormat = axis_format

    # One landscape page for the Report sheet when printed or exported to PDF.
    styles = doc.StyleFamilies.getByName("PageStyles")
    style = doc.createInstance("com.sun.star.style.PageStyle")
    styles.insertByName("MaasReport", style)
    style.IsLandscape = True
    style.Width, style.Height = 29700, 21000
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
    style.HeaderIsOn = False
    style.FooterIsOn = False
    report.PageStyle = "MaasReport"

    doc.CurrentController.setActiveSheet(report)
    return doc, {"months": months, "priced": priced, "unpriced": unpriced}


def save(doc, path):
    filters = {".ods": "calc8", ".xlsx": "Calc MS Excel 2007 XML", ".pdf": "calc_pdf_Export"}
    ext = os.path.splitext(path)[1].lower()
    if ext not in filters:
        raise SystemExit(f"calc_report.py: --out must end in {', '.join(filters)}, got {path}")
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc.storeToURL(url, (prop("FilterName", filters[ext]), prop("Overwrite", True)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", default="maas", help="ODBC data source name (default: maas)")
    parser.add_argument("--out", action="append", required=True,
                        help="file to write: .ods, .xlsx or .pdf (may be given more than once)")
    parser.add_argument("--title", default="Cost by month and model (CNY), priced with sqlite-maas")
    parser.add_argument("--soffice", default=os.environ.get("SOFFICE", "soffice"))
    args = parser.parse_args(argv)

    office = Office(args.soffice)
    try:
        rows = read_report(office, args.dsn)
        if not rows:
            raise SystemExit(f"calc_report.py: the query over DSN {args.dsn} returned no rows")
        doc, summary = build_workbook(office, rows, args.title)
        try:
            for out in args.out:
                save(doc, out)
        finally:
            doc.close(True)
    finally:
        office.close()
    print(f"{len(rows)} rows, {len(summary['months'])} months, {len(summary['priced'])} priced models"
          f" ({len(summary['unpriced'])} unpriced) -> {', '.join(args.out)}")


if __name__ == "__main__":
    main()
