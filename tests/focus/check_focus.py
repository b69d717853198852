#!/usr/bin/env python3
"""check_focus.py - hold a CSV to the FOCUS 1.2 rules a file can show (Python standard library only).

    python3 tests/focus/check_focus.py focus.csv
    python3 tests/focus/check_focus.py --applicability NONE focus.csv

The FinOps Foundation's validator (finopsfoundation/focus_validator) cannot run on
this machine (docs/focus.md says why), so this script holds the rules of the FOCUS
1.2 column library instead: FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec at tag v1.2
(commit 7296e3146fb931ee32b6496fa6e4200e7f4384f7, 2025-05-30).  Each rule names the
spec file it comes from (under specification/); where focus_validator 2.0.1 reads a
rule more strictly than the spec (it infers each column's type from the text), the
rule says "validator" and names the validator's rule id, so that a CSV passing here
also passes there.  Rules a file cannot show (a BillingAccountId "unique within a
provider", an invoice's total) are not held.

An empty CSV field is NULL.  Prints one line per rule (ok, FAIL, or warn for a
SHOULD), then a summary; exits 1 when a MUST rule fails, 2 on a usage error.
"""
import argparse
import csv
import datetime
import json
import re
import sys
from decimal import Decimal, InvalidOperation

SPEC = "FOCUS_Spec v1.2 specification/"

# The column library: column id -> (spec file, feature level, data type, allows nulls),
# from each file's "Content constraints" table.
COLUMNS = {
    "AvailabilityZone": ("availabilityzone.md", "Recommended", "String", True),
    "BilledCost": ("billedcost.md", "Mandatory", "Decimal", False),
    "BillingAccountId": ("billingaccountid.md", "Mandatory", "String", False),
    "BillingAccountName": ("billingaccountname.md", "Mandatory", "String", True),
    "BillingAccountType": ("billingaccounttype.md", "Conditional", "String", False),
    "BillingCurrency": ("billingcurrency.md", "Mandatory", "String", False),
    "BillingPeriodEnd": ("billingperiodend.md", "Mandatory", "DateTime", False),
    "BillingPeriodStart": ("billingperiodstart.md", "Mandatory", "DateTime", False),
    "CapacityReservationId": ("capacityreservationid.md", "Conditional", "String", True),
    "CapacityReservationStatus": ("capacityreservationstatus.md", "Conditional", "String", True),
    "ChargeCategory": ("chargecategory.md", "Mandatory", "String", False),
    "ChargeClass": ("chargeclass.md", "Mandatory", "String", True),
    "ChargeDescription": ("chargedescription.md", "Mandatory", "String", True),
    "ChargeFrequency": ("chargefrequency.md", "Recommended", "String", False),
    "ChargePeriodEnd": ("chargeperiodend.md", "Mandatory", "DateTime", False),
    "ChargePeriodStart": ("chargeperiodstart.md", "Mandatory", "DateTime", False),
    "CommitmentDiscountCategory": ("commitmentdiscountcategory.md", "Conditional", "String", True),
    "CommitmentDiscountId": ("commitmentdiscountid.md", "Conditional", "String", True),
    "CommitmentDiscountName": ("commitmentdiscountname.md", "Conditional", "String", True),
    "CommitmentDiscountQuantity": ("commitmentdiscountquantity.md", "Conditional", "Decimal", True),
    "CommitmentDiscountStatus": ("commitmentdiscountstatus.md", "Conditional", "String", True),
    "CommitmentDiscountType": ("commitmentdiscounttype.md", "Conditional", "String", True),
    "CommitmentDiscountUnit": ("commitmentdiscountunit.md", "Conditional", "String", True),
    "ConsumedQuantity": ("consumedquantity.md", "Conditional", "Decimal", True),
    "ConsumedUnit": ("consumedunit.md", "Conditional", "String", True),
    "ContractedCost": ("contractedcost.md", "Mandatory", "Decimal", False),
    "ContractedUnitPrice": ("contractedunitprice.md", "Conditional", "Decimal", True),
    "EffectiveCost": ("effectivecost.md", "Mandatory", "Decimal", False),
    "InvoiceId": ("invoiceid.md", "Recommended", "String", True),
    "InvoiceIssuerName": ("invoiceissuer.md", "Mandatory", "String", False),
    "ListCost": ("listcost.md", "Mandatory", "Decimal", False),
    "ListUnitPrice": ("listunitprice.md", "Conditional", "Decimal", True),
    "PricingCategory": ("pricingcategory.md", "Conditional", "String", True),
    "PricingCurrency": ("pricingcurrency.md", "Conditional", "String", False),
    "PricingCurrencyContractedUnitPrice": ("pricingcurrencycontractedunitprice.md", "Conditional", "Decimal", True),
    # The table says nulls allowed; the requirements say "MUST NOT be null": the stricter holds.
    "PricingCurrencyEffectiveCost": ("pricingcurrencyeffectivecost.md", "Conditional", "Decimal", False),
    "PricingCurrencyListUnitPrice": ("pricingcurrencylistunitprice.md", "Conditional", "Decimal", True),
    "PricingQuantity": ("pricingquantity.md", "Mandatory", "Decimal", True),
    "PricingUnit": ("pricingunit.md", "Mandatory", "String", True),
    "ProviderName": ("provider.md", "Mandatory", "String", False),
    "PublisherName": ("publisher.md", "Mandatory", "String", False),
    "RegionId": ("regionid.md", "Conditional", "String", True),
    "RegionName": ("regionname.md", "Conditional", "String", True),
    "ResourceId": ("resourceid.md", "Conditional", "String", True),
    "ResourceName": ("resourcename.md", "Conditional", "String", True),
    "ResourceType": ("resourcetype.md", "Conditional", "String", True),
    "ServiceCategory": ("servicecategory.md", "Mandatory", "String", False),
    "ServiceName": ("servicename.md", "Mandatory", "String", False),
    "ServiceSubcategory": ("servicesubcategory.md", "Recommended", "String", False),
    "SkuId": ("skuid.md", "Conditional", "String", True),
    "SkuMeter": ("skumeter.md", "Conditional", "String", True),
    "SkuPriceDetails": ("skupricedetails.md", "Conditional", "KeyValue", True),
    "SkuPriceId": ("skupriceid.md", "Conditional", "String", True),
    "SubAccountId": ("subaccountid.md", "Conditional", "String", True),
    "SubAccountName": ("subaccountname.md", "Conditional", "String", True),
    "SubAccountType": ("subaccounttype.md", "Conditional", "String", True),
    "Tags": ("tags.md", "Conditional", "KeyValue", True),
}
MANDATORY = [c for c, (_, level, _, _) in COLUMNS.items() if level == "Mandatory"]

# Conditional presence: "MUST be present ... when the provider ...", by the names
# focus_validator gives those conditions (--applicability-criteria).
CONDITIONAL_PRESENCE = {
    "PUBLIC_PRICE_LIST_SUPPORTED": ["ListUnitPrice"],
    "USAGE_MEASUREMENT_SUPPORTED": ["ConsumedQuantity", "ConsumedUnit"],
    "UNIT_PRICING_SUPPORTED": ["SkuId", "SkuPriceId", "SkuMeter", "SkuPriceDetails"],
    "NEGOTIATED_PRICING_SUPPORTED": ["ContractedUnitPrice"],
}
# What sqlite-maas's maas_focus claims: the card is a published price list of unit
# prices per SKU, and token counts are measured usage.
DEFAULT_APPLICABILITY = "PUBLIC_PRICE_LIST_SUPPORTED,USAGE_MEASUREMENT_SUPPORTED,UNIT_PRICING_SUPPORTED"

ALLOWED = {
    "ChargeCategory": ("Usage", "Purchase", "Tax", "Credit", "Adjustment"),
    "ChargeClass": ("Correction",),
    "ChargeFrequency": ("One-Time", "Recurring", "Usage-Based"),
    "PricingCategory": ("Standard", "Dynamic", "Committed", "Other"),
    "CapacityReservationStatus": ("Used", "Unused"),
    "CommitmentDiscountCategory": ("Spend", "Usage"),
    "CommitmentDiscountStatus": ("Used", "Unused"),
}
SUBCATEGORIES = {  # servicesubcategory.md: ServiceCategory -> its ServiceSubcategory values
    "AI and Machine Learning": ("AI Platforms", "Bots", "Generative AI", "Machine Learning",
                                "Natural Language Processing", "Other (AI and Machine Learning)"),
    "Analytics": ("Analytics Platforms", "Business Intelligence", "Data Processing", "Search",
                  "Streaming Analytics", "Other (Analytics)"),
    "Business Applications": ("Productivity and Collaboration", "Other (Business Applications)"),
    "Compute": ("Containers", "End User Computing", "Quantum Compute", "Serverless Compute",
                "Virtual Machines", "Other (Compute)"),
    "Databases": ("Caching", "Data Warehouses", "Ledger Databases", "NoSQL Databases", "Relational Databases",
                  "Time Series Databases", "Other (Databases)"),
    "Developer Tools": ("Developer Platforms", "Continuous Integration and Deployment", "Development Environments",
                        "Source Code Management", "Quality Assurance", "Other (Developer Tools)"),
    "Identity": ("Identity and Access Management", "Other (Identity)"),
    "Integration": ("API Management", "Messaging", "Workflow Orchestration", "Other (Integration)"),
    "Internet of Things": ("IoT Analytics", "IoT Platforms", "Other (Internet of Things)"),
    "Management and Governance": ("Architecture", "Compliance", "Cost Management", "Data Governance",
                                  "Disaster Recovery", "Endpoint Management", "Observability", "Support",
                                  "Other (Management and Governance)"),
    "Media": ("Content Creation", "Gaming", "Media Streaming", "Mixed Reality", "Other (Media)"),
    "Migration": ("Data Migration", "Resource Migration", "Other (Migration)"),
    "Mobile": ("Other (Mobile)",),
    "Multicloud": ("Multicloud Integration", "Other (Multicloud)"),
    "Networking": ("Application Networking", "Content Delivery", "Network Connectivity", "Network Infrastructure",
                   "Network Routing", "Network Security", "Other (Networking)"),
    "Security": ("Secret Management", "Security Posture Management", "Threat Detection and Response",
                 "Other (Security)"),
    "Storage": ("Backup Storage", "Block Storage", "File Storage", "Object Storage", "Storage Platforms",
                "Other (Storage)"),
    "Web": ("Application Platforms", "Other (Web)"),
    "Other": ("Other (Other)",),
}
ALLOWED["ServiceCategory"] = tuple(SUBCATEGORIES)  # servicecategory.md lists the same 19

# attributes/numeric_format.md: an integer, a decimal, or "mEn"; no '+' anywhere,
# no commas, units or symbols.
NUMERIC = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE]-?\d+)?")
# attributes/datetime_format.md: 'YYYY-MM-DDTHH:mm:ssZ', UTC.
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
# attributes/currency_format.md: ISO 4217 three-letter code (the list itself is not held here).
CURRENCY = re.compile(r"[A-Z]{3}")
# attributes/unit_format.md (a SHOULD): "Tokens", "GB-Hours", "GB/Hour", "1000 Tokens", "Units/3 Months".
TIME_UNITS = "Year|Month|Day|Hour|Minute|Second"
WORD = r"[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*"
UNIT = re.compile(rf"(?:\d+ )?{WORD}|{WORD}-(?:{TIME_UNITS})s|{WORD}/(?:{TIME_UNITS})|{WORD}/\d+ (?:{TIME_UNITS})s")


class Checker:
    def __init__(self, header, rows):
        self.header, self.rows = header, rows
        self.present = set(header)
        self.results = []  # (status, rule, source, message)

    def record(self, level, rule, source, bad, what):
        """bad: row numbers (1 = the first data row) breaking the rule, or a bool for dataset rules."""
        if isinstance(bad, bool):
            ok, detail = not bad, ""
        else:
            ok = not bad
            detail = f" ({len(bad)} rows, first row {bad[0]})" if bad else ""
        status = "ok" if ok else ("FAIL" if level == "MUST" else "warn")
        self.results.append((status, rule, source, what + detail))

    def col(self, name):
        return [r.get(name, "") for r in self.rows]

    def rows_where(self, test):
        return [i + 1 for i, r in enumerate(self.rows) if test(r)]


def decimal_of(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def valid_datetime(text):
    if not DATETIME.fullmatch(text):
        return False
    try:
        datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
        return True
    except ValueError:
        return False


def not_correction(r):
    return r.get("ChargeClass", "") != "Correction"


def check(header, rows, applicability):
    c = Checker(header, rows)
    has = c.present.__contains__

    # Presence and names.
    for name in MANDATORY:
        c.record("MUST", f"{name} present", SPEC + "columns/" + COLUMNS[name][0], name not in c.present,
                 f"{name} MUST be present in a FOCUS dataset")
    for criterion in applicability:
        for name in CONDITIONAL_PRESENCE[criterion]:
            c.record("MUST", f"{name} present", SPEC + "columns/" + COLUMNS[name][0], name not in c.present,
                     f"{name} MUST be present when {criterion}")
    unknown = [h for h in header if h not in COLUMNS and not h.startswith("x_")]
    c.record("MUST", "custom columns x_", SPEC + "attributes/column_handling.md", bool(unknown),
             "a column that FOCUS does not define MUST be prefixed x_" + (f": {unknown}" if unknown else ""))
    c.record("MUST", "column names unique", SPEC + "attributes/column_handling.md", len(set(header)) != len(header),
             "each column once")
    first_custom = next((i for i, h in enumerate(header) if h.startswith("x_")), len(header))
    c.record("SHOULD", "custom columns last", SPEC + "attributes/column_handling.md",
             any(h in COLUMNS for h in header[first_custom:]), "custom columns SHOULD follow all FOCUS columns")

    # Type, format and nullability of every FOCUS column present.
    for name in header:
        if name not in COLUMNS:
            continue
        spec_file, _, dtype, nullable = COLUMNS[name]
        src = SPEC + "columns/" + spec_file
        values = c.col(name)
        if not nullable:
            c.record("MUST", f"{name} not null", src, [i + 1 for i, v in enumerate(values) if v == ""],
                     f"{name} MUST NOT be null")
        filled = [(i + 1, v) for i, v in enumerate(values) if v != ""]
        if dtype == "Decimal":
            c.record("MUST", f"{name} numeric format", SPEC + "attributes/numeric_format.md",
                     [i for i, v in filled if not NUMERIC.fullmatch(v)], f"{name} MUST conform to NumericFormat")
            c.record("MUST", f"{name} written as a decimal", "focus_validator TypeDecimal (" + spec_file + ")",
                     [i for i, v in filled if not re.search(r"[.eE]", v)],
                     f"{name} is of type Decimal: write 12.0, not 12 (the validator infers the type from the text)")
        elif dtype == "DateTime":
            c.record("MUST", f"{name} date/time format", SPEC + "attributes/datetime_format.md",
                     [i for i, v in filled if not valid_datetime(v)], f"{name} MUST be 'YYYY-MM-DDTHH:mm:ssZ' (UTC)")
        elif dtype == "KeyValue":
            def not_object(v):
                try:
                    return not isinstance(json.loads(v), dict)
                except ValueError:
                    return True
            c.record("MUST", f"{name} key-value format", SPEC + "attributes/key_value_format.md",
                     [i for i, v in filled if not_object(v)], f"{name} MUST be a JSON object")
        else:
            c.record("MUST", f"{name} read as a string", "focus_validator TypeString (" + spec_file + ")",
                     bool(filled) and all(NUMERIC.fullmatch(v) for _, v in filled),
                     f"{name} is of type String: a column of numbers only is read as a number")
            c.record("SHOULD", f"{name} no blank strings", SPEC + "attributes/string_handling.md",
                     [i for i, v in filled if not v.strip()], f"{name}: strings of spaces SHOULD NOT be used")
            c.record("SHOULD", f"{name} ASCII", "focus_validator FormatString (" + spec_file + ")",
                     [i for i, v in filled if not v.isascii()],
                     f"{name}: the validator reads StringHandling as ASCII only (the spec does not)")
        if name in ALLOWED:
            c.record("MUST", f"{name} allowed values", src,
                     [i for i, v in filled if v not in ALLOWED[name]], f"{name} MUST be one of {list(ALLOWED[name])}")
    for name in ("BillingCurrency", "PricingCurrency"):
        if has(name):
            c.record("MUST", f"{name} currency format", SPEC + "attributes/currency_format.md",
                     c.rows_where(lambda r: r[name] != "" and not CURRENCY.fullmatch(r[name])),
                     f"{name} MUST be an ISO 4217 code")
    if has("ChargeDescription"):
        c.record("SHOULD", "ChargeDescription not null", SPEC + "columns/chargedescription.md",
                 c.rows_where(lambda r: r["ChargeDescription"] == ""), "ChargeDescription SHOULD NOT be null")
    for name in ("PricingUnit", "ConsumedUnit"):
        if has(name):
            c.record("SHOULD", f"{name} unit format", SPEC + "attributes/unit_format.md",
                     c.rows_where(lambda r: r[name] != "" and not UNIT.fullmatch(r[name])),
                     f"{name} SHOULD conform to UnitFormat")

    # Nullability that depends on other columns.
    if has("ChargeCategory"):
        usage_or_purchase = lambda r: r["ChargeCategory"] in ("Usage", "Purchase") and not_correction(r)
        for name in ("PricingQuantity", "ListUnitPrice", "ContractedUnitPrice", "PricingCategory",
                     "PricingCurrencyListUnitPrice", "PricingCurrencyContractedUnitPrice", "SkuId", "SkuPriceId"):
            if has(name):
                src = SPEC + "columns/" + COLUMNS[name][0]
                c.record("MUST", f"{name} null for Tax", src,
                         c.rows_where(lambda r: r["ChargeCategory"] == "Tax" and r[name] != ""),
                         f'{name} MUST be null when ChargeCategory is "Tax"')
                c.record("MUST", f"{name} set for Usage/Purchase", src,
                         c.rows_where(lambda r: usage_or_purchase(r) and r[name] == ""),
                         f'{name} MUST NOT be null when ChargeCategory is "Usage" or "Purchase" and not a correction')
        if has("ConsumedQuantity"):
            unused = lambda r: r.get("CommitmentDiscountStatus", "") == "Unused"
            src = SPEC + "columns/consumedquantity.md"
            c.record("MUST", "ConsumedQuantity null unless Usage", src,
                     c.rows_where(lambda r: (r["ChargeCategory"] != "Usage" or unused(r)) and r["ConsumedQuantity"] != ""),
                     'ConsumedQuantity MUST be null when ChargeCategory is not "Usage" (or the commitment is unused)')
            c.record("MUST", "ConsumedQuantity set for Usage", src,
                     c.rows_where(lambda r: r["ChargeCategory"] == "Usage" and not unused(r) and not_correction(r)
                                  and r["ConsumedQuantity"] == ""),
                     'ConsumedQuantity MUST NOT be null when ChargeCategory is "Usage" and not a correction')
        if has("ChargeFrequency"):
            c.record("MUST", "ChargeFrequency of a purchase", SPEC + "columns/chargefrequency.md",
                     c.rows_where(lambda r: r["ChargeCategory"] == "Purchase" and r["ChargeFrequency"] == "Usage-Based"),
                     'ChargeFrequency MUST NOT be "Usage-Based" when ChargeCategory is "Purchase"')
    for unit, qty in (("PricingUnit", "PricingQuantity"), ("ConsumedUnit", "ConsumedQuantity"),
                      ("SkuMeter", "SkuId"), ("SkuPriceDetails", "SkuPriceId")):
        if has(unit) and has(qty):
            src = SPEC + "columns/" + COLUMNS[unit][0]
            c.record("MUST", f"{unit} null with {qty}", src, c.rows_where(lambda r: r[qty] == "" and r[unit] != ""),
                     f"{unit} MUST be null when {qty} is null")
            if unit in ("PricingUnit", "ConsumedUnit"):
                c.record("MUST", f"{unit} set with {qty}", src, c.rows_where(lambda r: r[qty] != "" and r[unit] == ""),
                         f"{unit} MUST NOT be null when {qty} is not null")

    # Values that depend on other columns.
    for price in ("ListUnitPrice", "ContractedUnitPrice", "PricingCurrencyListUnitPrice",
                  "PricingCurrencyContractedUnitPrice"):
        if has(price):
            c.record("MUST", f"{price} not negative", SPEC + "columns/" + COLUMNS[price][0],
                     c.rows_where(lambda r: r[price] != "" and (decimal_of(r[price]) or 0) < 0),
                     f"{price} MUST be a non-negative decimal value")
    for price, cost in (("ListUnitPrice", "ListCost"), ("ContractedUnitPrice", "ContractedCost")):
        if has(price) and has(cost) and has("PricingQuantity"):
            def mismatch(r):
                p, q, t = (decimal_of(r[x]) if r[x] != "" else None for x in (price, "PricingQuantity", cost))
                return None not in (p, q, t) and not_correction(r) and p * q != t
            c.record("MUST", f"{cost} = {price} x PricingQuantity", SPEC + "columns/" + COLUMNS[cost][0],
                     c.rows_where(mismatch), f"the product of {price} and PricingQuantity MUST match {cost} (exactly, in decimal)")
    if has("BilledCost") and has("ProviderName") and has("InvoiceIssuerName"):
        c.record("MUST", "BilledCost of a third party's charge", "focus_validator BilledCost-C-005-C (billedcost.md)",
                 c.rows_where(lambda r: r["ProviderName"] != r["InvoiceIssuerName"]
                              and decimal_of(r["BilledCost"]) not in (None, 0)),
                 "BilledCost MUST be 0 when payment goes to a third party (read as ProviderName <> InvoiceIssuerName)")
    for start, end in (("ChargePeriodStart", "ChargePeriodEnd"), ("BillingPeriodStart", "BillingPeriodEnd")):
        if has(start) and has(end):
            c.record("MUST", f"{start} before {end}", SPEC + "columns/" + COLUMNS[end][0],
                     c.rows_where(lambda r: valid_datetime(r[start]) and valid_datetime(r[end]) and r[start] >= r[end]),
                     f"{end} is the exclusive end bound of the period {start} opens")
    if has("ServiceName") and has("ServiceCategory"):
        seen = {}
        for r in rows:
            seen.setdefault(r["ServiceName"], set()).add(r["ServiceCategory"])
        c.record("MUST", "one ServiceCategory per ServiceName", SPEC + "columns/servicename.md",
                 any(len(v) != 1 for v in seen.values()), "ServiceName MUST have one and only one ServiceCategory")
    if has("ServiceSubcategory") and has("ServiceCategory"):
        c.record("MUST", "ServiceSubcategory of its ServiceCategory", SPEC + "columns/servicesubcategory.md",
                 c.rows_where(lambda r: r["ServiceSubcategory"] != ""
                              and r["ServiceSubcategory"] not in SUBCATEGORIES.get(r["ServiceCategory"], ())),
                 "ServiceSubcategory MUST have one and only one parent ServiceCategory")
        ALLOWED_SUB = {s for subs in SUBCATEGORIES.values() for s in subs}
        c.record("MUST", "ServiceSubcategory allowed values", SPEC + "columns/servicesubcategory.md",
                 c.rows_where(lambda r: r["ServiceSubcategory"] != "" and r["ServiceSubcategory"] not in ALLOWED_SUB),
                 "ServiceSubcategory MUST be one of the allowed values")
    return c.results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", help="the CSV file (a header line, then one line per row)")
    parser.add_argument("--applicability", default=DEFAULT_APPLICABILITY,
                        help="comma-separated conditions whose columns MUST be present, or NONE "
                             f"(default {DEFAULT_APPLICABILITY}; known: {', '.join(CONDITIONAL_PRESENCE)})")
    parser.add_argument("--quiet", action="store_true", help="print only what fails or warns, and the summary")
    args = parser.parse_args()
    applicability = [] if args.applicability == "NONE" else [a for a in args.applicability.split(",") if a]
    for a in applicability:
        if a not in CONDITIONAL_PRESENCE:
            parser.error(f"unknown applicability {a!r}")
    with open(args.csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            print(f"check_focus: {args.csv} is empty", file=sys.stderr)
            return 2
        rows = [dict(zip(header, line)) for line in reader]
    results = check(header, rows, applicability)
    for status, rule, source, message in results:
        if status != "ok" or not args.quiet:
            print(f"{status:4}  {rule}: {message}  [{source}]")
    failed = sum(1 for r in results if r[0] == "FAIL")
    warned = sum(1 for r in results if r[0] == "warn")
    print(f"check_focus: {len(rows)} rows, {len(results)} rules: {len(results) - failed - warned} held, "
          f"{failed} broken, {warned} warnings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
