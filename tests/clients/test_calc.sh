#!/usr/bin/env bash
# test_calc.sh - LibreOffice Calc, headless, through UNO: calc_report.py reads
# the monthly cost over the ODBC DSN into a workbook with a chart and saves
# .ods and .xlsx; check_calc.py opens both and checks cells and chart; the
# .ods is converted to PDF by soffice --convert-to and its first page to PNG.
#
#   MAAS_UPDATE_IMAGES=1 bash tests/clients/test_calc.sh   # also rewrite docs/images/calc-report.png
source "$(dirname "$0")/common.sh"
need_module
scratch
for tool in soffice isql pdftoppm pdftotext; do
  command -v $tool >/dev/null || fail "no $tool (apt-get install libreoffice-calc-nogui python3-uno libreoffice-base-drivers unixodbc libsqliteodbc poppler-utils)"
done
/usr/bin/python3 -c 'import uno' 2>/dev/null || fail "no python3-uno for /usr/bin/python3 (apt-get install python3-uno)"
[[ -f /usr/lib/libreoffice/program/libodbclo.so ]] || fail "no LibreOffice ODBC driver (apt-get install libreoffice-base-drivers)"

# The DSN: a database file made from the example log, LoadExt = this build.
sqlite3 "$SCRATCH/newapi.db" < examples/newapi_logs.sql
sed -e "s#^Database *=.*#Database    = $SCRATCH/newapi.db#" -e "s#^LoadExt *=.*#LoadExt     = $MODULE#" \
  examples/clients/odbc/odbc.ini > "$SCRATCH/odbc.ini"
export ODBCINI=$SCRATCH/odbc.ini HOME=$SCRATCH  # HOME: LibreOffice writes its profile there

start=$(date +%s)
/usr/bin/python3 examples/clients/calc/calc_report.py --dsn maas \
  --out "$SCRATCH/report.ods" --out "$SCRATCH/report.xlsx" > "$SCRATCH/report.log" 2>&1 ||
  { cat "$SCRATCH/report.log" >&2; fail "calc_report.py"; }
ok "calc_report.py: $(cat "$SCRATCH/report.log") in $(( $(date +%s) - start )) s"
expect_eq "calc_report.py summary" "$(sed 's/ ->.*//' "$SCRATCH/report.log")" \
  "41 rows, 6 months, 10 priced models (2 unpriced)"

/usr/bin/python3 tests/clients/check_calc.py "$SCRATCH/report.ods" "$SCRATCH/report.xlsx" > "$SCRATCH/check.log" 2>&1 ||
  { cat "$SCRATCH/check.log" >&2; fail "check_calc.py"; }
ok "check_calc.py: $(grep -c '^ok:' "$SCRATCH/check.log") checks of the .ods and .xlsx passed"

# PDF and PNG of the Report sheet with its chart.
(cd "$SCRATCH" && soffice --headless --norestore "-env:UserInstallation=file://$SCRATCH/lo-profile" \
   --convert-to pdf --outdir "$SCRATCH/pdf" report.ods > "$SCRATCH/convert.log" 2>&1) ||
  { cat "$SCRATCH/convert.log" >&2; fail "soffice --convert-to pdf"; }
pdf=$SCRATCH/pdf/report.pdf
[[ -f $pdf ]] || { cat "$SCRATCH/convert.log" >&2; fail "soffice wrote no PDF"; }
page1=$(pdftotext -f 1 -l 1 -layout "$pdf" -)
expect_contains "PDF page 1" "$page1" "Cost by month and model (CNY), priced with sqlite-maas"
expect_contains "PDF page 1" "$page1" "32.750370"
expect_contains "PDF page 1 (the chart's axis title)" "$page1" "month (UTC)"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$SCRATCH/calc-report"
png=$SCRATCH/calc-report.png
size=$(stat -c %s "$png")
(( size < 200 * 1024 )) || fail "PNG is $size bytes, over 200 KB"
expect_eq "PNG signature" "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" "89504e470d0a1a0a"
ok "PNG of the Report sheet: $size bytes"
if [[ ${MAAS_UPDATE_IMAGES:-0} == 1 ]]; then
  mkdir -p docs/images && cp "$png" docs/images/calc-report.png && ok "wrote docs/images/calc-report.png"
fi
