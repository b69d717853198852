#!/usr/bin/env python3
"""Turn a published Xingchen MaaS price page into a rate-card CSV for data/.

Usage:
    python3 scripts/page_to_card.py data/pages/xingchen_2025-07-08.md > data/xingchen_rates.csv

The page is the markdown the provider publishes: an update time line
(">更新时间：2025-7-8 13:25", Beijing time), a heading, a source link
("地址：[title](url)"), and one table | 模型名称 | 服务类型 | 单价 | whose
price cell holds "label：price元/unit" entries separated by <br>.  Every entry
becomes one card line, in page order.

Anything the tool does not recognise stops it with a message naming the page
line ("page_to_card: PAGE:LINE: what"), exit status 1 and nothing on stdout:
a page whose shape changed must be read by a person, never half-converted.
That includes a new column, service type, item label or unit; a price that
is not a plain decimal (0.0x, 免费, 1,000); an item under the other service
or with a unit it cannot have; the same model and item twice, or two model
names differing only in letter case; an update time or source line that is
missing, repeated or malformed; a second table; a row whose cells do not
fill the three columns; odd characters or spacing in a model name; and any
other text than blank lines and headings.
"""
import csv
import datetime
import io
import re
import sys

PROVIDER = "iflytek-xingchen"
CURRENCY = "CNY"
HEADER = ["provider", "model", "service", "item", "label", "price",
          "unit", "currency", "effective_from", "source"]
SERVICES = {"模型推理": "inference", "模型训练": "training"}
# Published label -> (item, service it belongs to).
ITEMS = {
    "输入": ("input", "inference"),
    "输出": ("output", "inference"),
    "独立部署": ("deployment", "inference"),
    "LORA": ("lora", "training"),
    "全量更新": ("full", "training"),
    "LoRA合并": ("lora_merge", "training"),
}
UNITS = {"元/千tokens": "k_tokens", "元/小时/节点": "node_hour", "元/小时": "hour"}
# The units each item may be priced in.
ITEM_UNITS = {
    "input": {"k_tokens"}, "output": {"k_tokens"}, "deployment": {"node_hour", "hour"},
    "lora": {"k_tokens"}, "full": {"k_tokens"}, "lora_merge": {"k_tokens"},
}
TABLE_HEADER = ["模型名称", "服务类型", "单价"]

# re.ASCII throughout: \d and \s must not take full-width digits or spaces.
UPDATED = re.compile(r">?\s*更新时间[：:]\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})", re.ASCII)
SOURCE = re.compile(r"地址[：:]\s*\[[^\]]*\]\((?P<url>https?://[^\s()\"]+)\)", re.ASCII)
SEPARATOR_CELL = re.compile(r":?-+:?")
# A plain decimal: no sign, no exponent, no thousands separator, no leading zeros.
DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
# ASCII letters, digits and . _ + -, words separated by single spaces.
MODEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*(?: [A-Za-z0-9._+-]+)*", re.ASCII)


class PageError(Exception):
    pass


def row_cells(line, where):
    """The cells of a table row "| a | b | c |", stripped."""
    if len(line) < 2 or not line.endswith("|"):
        raise PageError(f"{where}: table row does not end with '|'")
    return [c.strip() for c in line[1:-1].split("|")]


def parse_entry(entry, where, service_label, service):
    """One "label：price元/unit" entry -> (item, label, price, unit)."""
    if not entry:
        raise PageError(f"{where}: empty price entry (a stray <br>?)")
    cut = min((i for i in (entry.find("："), entry.find(":")) if i >= 0), default=-1)
    if cut < 0:
        raise PageError(f"{where}: price entry {entry!r} is not 'label：price元/unit'")
    label, rest = entry[:cut], entry[cut + 1:]
    if label not in ITEMS:
        raise PageError(f"{where}: unknown item label {label!r}")
    item, item_service = ITEMS[label]
    if item_service != service:
        raise PageError(f"{where}: item {label!r} listed under {service_label!r}")
    yuan = rest.find("元")
    price, unit_text = (rest, "") if yuan < 0 else (rest[:yuan], rest[yuan:])
    if not DECIMAL.fullmatch(price):
        raise PageError(f"{where}: price {price!r} of {label!r} is not a plain decimal such as 0.00075")
    if unit_text not in UNITS:
        raise PageError(f"{where}: unknown unit {unit_text!r} in {entry!r}")
    unit = UNITS[unit_text]
    if unit not in ITEM_UNITS[item]:
        raise PageError(f"{where}: item {label!r} cannot be priced in {unit_text!r}")
    return item, label, price, unit


def convert(text, name):
    effective_from = source = None
    updated_line = source_line = None
    table = "before"  # then "header" (separator next), "rows", "after"
    table_end = None
    seen = {}  # (model, item) -> page line
    model_case = {}  # model.lower() -> (model, page line)
    lines_out = []
    # Lines are counted at "\n" only, as editors do; "\r" before it is dropped.
    page_lines = text.split("\n")
    if page_lines and page_lines[-1] == "":
        page_lines.pop()
    for number, raw in enumerate(page_lines, 1):
        where = f"{name}:{number}"
        line = raw.strip()
        if not line.startswith("|"):
            if table in ("header", "rows"):
                if table == "header":
                    raise PageError(f"{where}: table header is not followed by its |---| separator line")
                table, table_end = "after", number - 1
            if not line or line.startswith("#"):
                continue  # blank lines and headings
            m = UPDATED.fullmatch(line)
            if m:
                if effective_from is not None:
                    raise PageError(f"{where}: a second update time line (the first is line {updated_line})")
                y, mo, d, h, mi = (int(g) for g in m.groups())
                try:
                    datetime.datetime(y, mo, d, h, mi)
                except ValueError:
                    raise PageError(f"{where}: update time {line!r} is not a valid date and time") from None
                # The page states Beijing time (UTC+08:00); keep the offset explicit.
                effective_from = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00+08:00"
                updated_line = number
                continue
            if "更新时间" in line:
                raise PageError(f"{where}: update time line {line!r} is not '>更新时间：YYYY-M-D HH:MM'")
            m = SOURCE.fullmatch(line)
            if m:
                if source is not None:
                    raise PageError(f"{where}: a second source line (the first is line {source_line})")
                source, source_line = m.group("url"), number
                continue
            if line.startswith("地址"):
                raise PageError(f"{where}: source line {line!r} is not '地址：[title](https://...)'")
            raise PageError(f"{where}: unrecognised line {line!r} "
                            "(expected the update time, the source, a heading or the price table)")
        if table == "after":
            raise PageError(f"{where}: a second table (the price table ended on line {table_end})")
        row = row_cells(line, where)
        if table == "before":
            if row != TABLE_HEADER:
                raise PageError(f"{where}: table header is {row}, expected {TABLE_HEADER}")
            table = "header"
            continue
        if table == "header":
            if len(row) != 3 or not all(SEPARATOR_CELL.fullmatch(c) for c in row):
                raise PageError(f"{where}: table header is not followed by its |---| separator line")
            table = "rows"
            continue
        if row == TABLE_HEADER:
            raise PageError(f"{where}: a second table header")
        if len(row) != 3:
            raise PageError(f"{where}: expected 3 cells, found {len(row)}")
        model, service_label, price_cell = row
        if not model:
            raise PageError(f"{where}: empty model name")
        if not MODEL.fullmatch(model):
            raise PageError(f"{where}: model name {model!r} is not ASCII letters, digits, '.', '_', '+', '-' "
                            "and single spaces")
        first = model_case.setdefault(model.lower(), (model, number))
        if first[0] != model:
            raise PageError(f"{where}: model name {model!r} differs only in letter case "
                            f"from {first[0]!r} on line {first[1]}")
        if service_label not in SERVICES:
            raise PageError(f"{where}: unknown service type {service_label!r}")
        service = SERVICES[service_label]
        for entry in price_cell.split("<br>"):
            item, label, price, unit = parse_entry(entry.strip(), where, service_label, service)
            if (model, item) in seen:
                earlier = seen[model, item]
                earlier = "earlier on this line" if earlier == number else f"on line {earlier}"
                raise PageError(f"{where}: {model} {label} is already priced {earlier}")
            seen[model, item] = number
            lines_out.append([PROVIDER, model, service, item, label, price,
                              unit, CURRENCY, None, None])
    end = f"{name}:{max(len(page_lines), 1)}"
    if table == "header":
        raise PageError(f"{end}: table header is not followed by its |---| separator line")
    if effective_from is None:
        raise PageError(f"{end}: end of page without an update time line (>更新时间：YYYY-M-D HH:MM)")
    if source is None:
        raise PageError(f"{end}: end of page without a source line (地址：[title](https://...))")
    if table == "before":
        raise PageError(f"{end}: end of page without a price table")
    if not lines_out:
        raise PageError(f"{end}: end of page without a price in the table")
    for line in lines_out:
        line[8], line[9] = effective_from, source
    return lines_out


def fail(message, status):
    # UTF-8 whatever the locale, so messages are the same everywhere.
    sys.stderr.buffer.write(f"page_to_card: {message}\n".encode("utf-8"))
    sys.stderr.flush()
    return status


def main(argv):
    if len(argv) != 2:
        return fail(f"usage: {argv[0]} PAGE.md > CARD.csv", 2)
    name = argv[1]
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as e:
        return fail(f"{name}: cannot read: {e.strerror}", 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte order mark
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return fail(f"{name}:{line}: not UTF-8 text", 1)
    try:
        lines = convert(text, name)
    except PageError as e:
        return fail(str(e), 1)
    # The whole card is made before anything is written, as UTF-8 with "\n"
    # line ends whatever the platform and locale.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(lines)
    sys.stdout.buffer.write(out.getvalue().encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
