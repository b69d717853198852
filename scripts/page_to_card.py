#!/usr/bin/env python3
"""Turn a published Xingchen MaaS price page into a rate-card CSV for data/.

Usage:
    python3 scripts/page_to_card.py data/pages/xingchen_2025-07-08.md > data/xingchen_rates.csv

The page is the markdown the provider publishes: an update time line
(">更新时间：2025-7-8 13:25", Beijing time), a source link, and one table
| 模型名称 | 服务类型 | 单价 | whose price cell holds "label：price元/unit"
entries separated by <br>.  Every entry becomes one card line.

Anything the tool does not recognise (a new column, a new service type, a
new item label, a new unit, a price that is not a plain decimal) stops it
with a message naming the page line: a page whose shape changed must be
read by a person, never half-converted.
"""
import csv
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
TABLE_HEADER = ["模型名称", "服务类型", "单价"]
ENTRY = re.compile(r"^(?P<label>[^：:]+)[：:](?P<price>[0-9]+(?:\.[0-9]+)?)(?P<unit>元/.+)$")
UPDATED = re.compile(r"^>?\s*更新时间[：:]\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})\s*$")
SOURCE = re.compile(r"^地址[：:]\s*\[[^\]]*\]\((?P<url>[^)]+)\)\s*$")


class PageError(Exception):
    pass


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def convert(text, name):
    effective_from = source = None
    header_seen = False
    lines_out = []
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{name}:{number}"
        m = UPDATED.match(line.strip())
        if m:
            y, mo, d, h, mi = (int(g) for g in m.groups())
            # The page states Beijing time (UTC+08:00); keep the offset explicit.
            effective_from = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00+08:00"
            continue
        m = SOURCE.match(line.strip())
        if m:
            source = m.group("url")
            continue
        if not line.startswith("|"):
            continue
        row = cells(line)
        if not header_seen:
            if row != TABLE_HEADER:
                raise PageError(f"{where}: table header is {row}, expected {TABLE_HEADER}")
            header_seen = True
            continue
        if all(set(c) <= set("-: ") for c in row):
            continue  # the |---|---| separator
        if len(row) != 3:
            raise PageError(f"{where}: expected 3 cells, found {len(row)}")
        model, service_label, price_cell = row
        if not model:
            raise PageError(f"{where}: empty model name")
        if service_label not in SERVICES:
            raise PageError(f"{where}: unknown service type {service_label!r}")
        service = SERVICES[service_label]
        for entry in price_cell.split("<br>"):
            m = ENTRY.match(entry.strip())
            if not m:
                raise PageError(f"{where}: price entry {entry!r} is not 'label：price元/unit'")
            label, price, unit_text = m.group("label"), m.group("price"), m.group("unit")
            if label not in ITEMS:
                raise PageError(f"{where}: unknown item label {label!r}")
            item, item_service = ITEMS[label]
            if item_service != service:
                raise PageError(f"{where}: item {label!r} listed under {service_label!r}")
            if unit_text not in UNITS:
                raise PageError(f"{where}: unknown unit {unit_text!r}")
            lines_out.append([PROVIDER, model, service, item, label, price,
                              UNITS[unit_text], CURRENCY, None, None])
    if effective_from is None:
        raise PageError(f"{name}: no update time line (更新时间：YYYY-M-D HH:MM)")
    if source is None:
        raise PageError(f"{name}: no source line (地址：[...](url))")
    if not header_seen or not lines_out:
        raise PageError(f"{name}: no price table found")
    for line in lines_out:
        line[8], line[9] = effective_from, source
    return lines_out


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} PAGE.md > CARD.csv", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    try:
        lines = convert(text, argv[1])
    except PageError as e:
        print(f"page_to_card: {e}", file=sys.stderr)
        return 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER)
    out.writerows(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
