#!/usr/bin/env bash
# run_check_focus.sh - write maas_focus as CSV from the hand-made usage of
# tests/focus/usage_fixture.sql (as priced, and converted to CNY) and hold each
# CSV to the FOCUS 1.2 rules of tests/focus/check_focus.py; then break a copy in
# one way at a time and check that the rule it breaks is the one reported.
#
#   bash tests/focus/run_check_focus.sh [build/maas.so [sqlite3]]
#
# Runs from the project root (the fixture reads sql/...).  Exits non-zero on
# the first disagreement.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=${1:-build/maas.so}
shell=${2:-sqlite3}
python=$(command -v python3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_csv() {  # $1: output file, $2: @currency or empty
  local param=()
  [ -n "$2" ] && param=(-cmd ".parameter set @currency \"'$2'\"")
  "$shell" -batch -bail -cmd ".load $module" "${param[@]}" :memory: >"$work/log" 2>&1 <<EOF || { cat "$work/log"; exit 1; }
.read tests/focus/usage_fixture.sql
.read sql/usage/focus.sql
.headers on
.mode csv
.once $1
SELECT * FROM maas_focus;
EOF
}

write_csv "$work/focus.csv" ""
write_csv "$work/focus_cny.csv" "CNY"
for f in focus.csv focus_cny.csv; do
  "$python" tests/focus/check_focus.py --quiet "$work/$f" || { echo "FAIL: $f breaks a FOCUS rule"; exit 1; }
done

# Each case: a change to the first data row (column=value), or dropping/renaming a
# column, and the rule check_focus.py must report as broken.
"$python" - "$work/focus.csv" "$python" <<'EOF'
import csv, subprocess, sys, tempfile, os
src, python = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    header, *rows = list(csv.reader(f))
cases = [
    ("set BilledCost=12", "BilledCost written as a decimal"),
    ("set BilledCost=+0.5", "BilledCost numeric format"),
    ("drop ProviderName", "ProviderName present"),
    ("drop ListUnitPrice", "ListUnitPrice present"),
    ("rename x_Source=Source", "custom columns x_"),
    ("set ChargeCategory=usage", "ChargeCategory allowed values"),
    ("set ChargeClass=Regular", "ChargeClass allowed values"),
    ("set ChargePeriodStart=2025-09-01 10:00:00", "ChargePeriodStart date/time format"),
    ("set BillingPeriodEnd=2025-08-31T16:00:00Z", "BillingPeriodStart before BillingPeriodEnd"),
    ("set ListCost=0.0025", "ListCost = ListUnitPrice x PricingQuantity"),
    ("set PricingUnit=", "PricingUnit set with PricingQuantity"),
    ("set PricingQuantity=", "PricingQuantity set for Usage/Purchase"),
    ("set BillingCurrency=yuan", "BillingCurrency currency format"),
    ("set BillingAccountId=", "BillingAccountId not null"),
    ("set ServiceCategory=Compute", "one ServiceCategory per ServiceName"),
    ("set ServiceSubcategory=Virtual Machines", "ServiceSubcategory of its ServiceCategory"),
    ("set InvoiceIssuerName=Someone else", "BilledCost of a third party's charge"),
    ("set ConsumedQuantity=", "ConsumedQuantity set for Usage"),
]
bad = 0
for change, rule in cases:
    verb, arg = change.split(" ", 1)
    name, _, value = arg.partition("=")
    h, rs = list(header), [list(r) for r in rows]
    if verb == "drop":
        i = h.index(name); del h[i]; [r.pop(i) for r in rs]
    elif verb == "rename":
        h[h.index(name)] = value
    else:
        rs[0][h.index(name)] = value
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        csv.writer(f).writerows([h] + rs)
    out = subprocess.run([python, "tests/focus/check_focus.py", "--quiet", f.name], capture_output=True, text=True)
    os.unlink(f.name)
    if out.returncode != 1 or f"FAIL  {rule}:" not in out.stdout:
        bad += 1
        print(f"FAIL: {change}: expected rule {rule!r} to break; got exit {out.returncode}:\n{out.stdout}")
print(f"check_focus: {len(cases) - bad} of {len(cases)} broken copies reported by the right rule")
sys.exit(1 if bad else 0)
EOF
echo "run_check_focus: maas_focus CSVs hold the FOCUS 1.2 rules"
