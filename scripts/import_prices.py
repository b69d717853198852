#!/usr/bin/env python3
"""Turn a peer's published price list into a card in data/'s format.

Usage:
    python3 scripts/import_prices.py --from genai-prices data.json -o card.csv
    python3 scripts/import_prices.py --from litellm model_prices_and_context_window.json -o card.csv

then SELECT maas_load_card('card.csv'); and maas_cost('anthropic/claude-sonnet-4-5', ...).

Sources read (their semantics, not their code, are what this follows):
  genai-prices: pydantic/genai-prices at 47df840 (2026-08-21, after tag v0.1.4):
    prices/new_data/v2/data.json and packages/python/genai_prices/types.py
    (ModelInfo.get_prices, ModelPrice.calc_price, calc_unit_price, TieredPrices,
    StartDateConstraint, TimeOfDateConstraint), decompose.py, prices/units.yml.
  LiteLLM: BerriAI/litellm litellm/litellm_core_utils/llm_cost_calc/utils.py
    (_get_token_base_cost, _get_cost_per_unit, generic_cost_per_token; the
    version with _SERVICE_TIER_SUFFIXES and data_residency, mid-2026),
    tiered_pricing.py at 8548816 (graduated calculate_tiered_cost), the batch
    cost calculator, and issues #34729 (2026-07-26) and PR #38827 (2026-08-29).
docs/import-prices.md has the mapping tables and where the two sources differ.

Every price is exact decimal text: the JSON is read with parse_float=Decimal,
so LiteLLM's 3e-06 per token is 3 per million, never a binary float.  A price
the card cannot state (a name matched by pattern, an image or audio unit, a
graduated band, ...) is listed on stderr with the reason and left out: never
approximated.  Python standard library only.
"""
import argparse
import csv
import decimal
import json
import os
import re
import sys
from decimal import Decimal

HEADER = ["provider", "model", "service", "item", "label", "price", "unit",
          "currency", "effective_from", "source", "condition"]
ALWAYS = "1970-01-01T00:00:00Z"   # effective_from of a price without a start date
ITEMS = ["input", "output", "cached_input", "cache_write", "request"]
MILLION = Decimal(1000000)


def decimal_text(value):
    """Exact decimal text without exponent or trailing zeros: 3E-6 -> '0.000003'."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def count_text(n):
    """200000 -> '200k', 1000000 -> '1m': the grammar's own suffixes."""
    if n % 1000000 == 0 and n:
        return "%dm" % (n // 1000000)
    if n % 1000 == 0 and n:
        return "%dk" % (n // 1000)
    return str(n)


class Step:
    """A price as a step function of the call's input tokens: (start, price,
    label) rows; a row applies when input > start (start None: always)."""

    def __init__(self, base, label, tiers=()):
        self.rows = [(None, base, label)] + list(tiers)

    def relabel(self, label_of):
        """The same prices under other labels (a rule that borrows a price)."""
        copy = Step(Decimal(0), "")
        copy.rows = [(s, p, label_of(label)) for s, p, label in self.rows]
        return copy

    def starts(self):
        return {start for start, _, _ in self.rows if start is not None}

    def at(self, lower):
        """The row in force for every input in the band starting above lower."""
        best = self.rows[0]
        for row in self.rows[1:]:
            if lower is not None and row[0] <= lower and (best[0] is None or row[0] > best[0]):
                best = row
        return best


def bands(starts):
    """(lower, condition) for the bands cut at starts: whole-request banding."""
    cuts = sorted(starts)
    out = [(None, "")]
    for i, lower in enumerate(cuts):
        cond = "input > " + count_text(lower)
        if i + 1 < len(cuts):
            cond += " and input <= " + count_text(cuts[i + 1])
        out.append((lower, cond))
    return out


class Card:
    """The card being written and the list of what it cannot state."""

    def __init__(self, source_text):
        self.source_text = source_text
        self.lines = []
        self.unstatable = []
        self.listed = set()
        self.models = 0
        self.names = set()
        self.batch_halved = 0

    def cannot(self, name, what, reason):
        line = "%s: %s: %s" % (name, what, reason)
        if line not in self.listed:
            self.listed.add(line)
            self.unstatable.append(line)

    def claim(self, provider, model):
        """False (and listed) when the name is taken ignoring ASCII case."""
        key = (provider.lower(), model.lower())
        if key in self.names:
            self.cannot(provider + "/" + model, "whole entry",
                        "the same name as an earlier entry ignoring letter case (names match ignoring case)")
            return False
        self.names.add(key)
        return True

    def add_model(self, provider, model, periods):
        """periods: [(effective_from, {axis condition: {item: Step}})].  Every
        period restates every condition of every item, so a condition of an
        older period never stays in force beside a newer one."""
        self.models += 1
        for item in ITEMS:
            axes = []
            for _, by_axis in periods:
                for axis, items in by_axis.items():
                    if item in items and axis not in axes:
                        axes.append(axis)
            if not axes:
                continue
            starts = set()
            for _, by_axis in periods:
                for items in by_axis.values():
                    if item in items:
                        starts |= items[item].starts()
            for effective_from, by_axis in periods:
                self._period_lines(provider, model, item, axes, bands(starts), effective_from, by_axis)

    def _period_lines(self, provider, model, item, axes, cuts, effective_from, by_axis):
        base = by_axis.get("", {}).get(item)
        for axis in axes:
            step = by_axis.get(axis, {}).get(item, base)
            if step is None:
                continue
            for lower, band in cuts:
                _, price, label = step.at(lower)
                condition = " and ".join(c for c in (axis, band) if c)
                unit = "request" if item == "request" else "m_tokens"
                self.lines.append([provider, model, "inference", item, label, decimal_text(price), unit,
                                   "USD", effective_from, self.source_text, condition])

    def write(self, out):
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(self.lines)


# --------------------------------------------------------------------------
# genai-prices: data.json v2, a list of providers, each with models.

GENAI_ITEMS = {"input_mtok": "input", "output_mtok": "output", "cache_read_mtok": "cached_input",
               "cache_write_mtok": "cache_write", "requests_kcount": "request"}
GENAI_WHY = {
    "cache_write_1h_mtok": "the card has one cache_write item, not one per cache lifetime",
    "web_searches_kcount": "a price per web search: the card has no such item",
    "output_reasoning_mtok": "reasoning tokens apart from output: the card has no such item",
}


def genai_price(value, name, key, card):
    """A genai-prices value (a number or TieredPrices) as a Step, or None."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Step(Decimal(value), key) if value >= 0 else None
    if isinstance(value, dict) and set(value) == {"base", "tiers"}:
        tiers = [(t["start"], Decimal(t["price"]), key + " above " + str(t["start"])) for t in value["tiers"]]
        if all(isinstance(t[0], int) and t[0] >= 0 and t[1] >= 0 for t in tiers) and value["base"] >= 0:
            return Step(Decimal(value["base"]), key, tiers)
    card.cannot(name, key, "not a non-negative price or tiers {base, tiers}: %r" % (value,))
    return None


def per_request(step):
    """requests_kcount is per thousand requests: the card's unit is one request."""
    step.rows = [(s, p / 1000, label) for s, p, label in step.rows]
    return step


def genai_items(prices, name, card):
    """{item: Step} of one ModelPrice, with genai-prices' rule for a cache read
    or write without a price of its own: its tokens stay in the input count
    (compute_leaf_values subtracts only priced descendants), so the input price."""
    items = {}
    for key, value in prices.items():
        if key not in GENAI_ITEMS:
            card.cannot(name, key, GENAI_WHY.get(key, "a unit the card has no item for (image, audio, video, ...)"))
            continue
        step = genai_price(value, name, key, card)
        if step is not None:
            items[GENAI_ITEMS[key]] = per_request(step) if key == "requests_kcount" else step
    for item in ("input", "output"):
        if item not in items:
            items[item] = Step(Decimal(0), "(no %s_mtok: genai-prices prices it 0)" % item)
    for item in ("cached_input", "cache_write"):
        if item not in items:
            items[item] = items["input"].relabel(lambda label: label + " (genai-prices prices %s as input)" % item)
    return items


TIME_RE = re.compile(r"^(\d\d):(\d\d)(?::(\d\d))?(Z|\+00:00)$")


def genai_window(constraint, name, card):
    """'time in HH:MM-HH:MM @+00:00' for a TimeOfDateConstraint, or None."""
    start, end = TIME_RE.match(constraint["start_time"]), TIME_RE.match(constraint["end_time"])
    if not start or not end or (start.group(3) or "00") != "00" or (end.group(3) or "00") != "00":
        card.cannot(name, "time constraint %s-%s" % (constraint["start_time"], constraint["end_time"]),
                    "only whole minutes in UTC are statable (genai-prices compares aware times without wrapping midnight): the model is left out")
        return None
    if (start.group(1), start.group(2)) >= (end.group(1), end.group(2)):
        card.cannot(name, "time constraint %s-%s" % (constraint["start_time"], constraint["end_time"]),
                    "never active in genai-prices (start_time <= t < end_time does not wrap midnight): the model is left out")
        return None
    return "time in %s:%s-%s:%s @+00:00" % (start.group(1), start.group(2), end.group(1), end.group(2))


def genai_periods(model, name, card):
    """Versions in time of a model's prices, as ModelInfo.get_prices picks them:
    the last ConditionalPrice whose constraint holds wins, else the first one."""
    if not isinstance(model["prices"], list):
        return [(ALWAYS, {"": genai_items(model["prices"], name, card)})]
    entries = model["prices"]
    for e in entries:
        c = e.get("constraint")
        if c is not None and set(c) not in ({"start_date"}, {"start_time", "end_time"}):
            card.cannot(name, "constraint %r" % (c,), "a constraint the importer does not know")
            return None
    dates = sorted({e["constraint"]["start_date"] for e in entries if (e.get("constraint") or {}).get("start_date")})
    periods, previous = [], None
    for start in [None] + dates:
        choice = genai_choice(entries, start)
        if choice is None:
            card.cannot(name, "conditional prices", "two time windows in force at once: their precedence cannot be stated; the model is left out")
            return None
        if choice == previous:
            continue
        previous = choice
        by_axis = {"": genai_items(entries[choice[0]]["prices"], name, card)}
        if choice[1] is not None:
            window = genai_window(entries[choice[1]]["constraint"], name, card)
            if window is None:
                return None
            by_axis[window] = genai_items(entries[choice[1]]["prices"], name, card)
        periods.append((ALWAYS if start is None else start + "T00:00:00Z", by_axis))
    if len({axis for _, by_axis in periods for axis in by_axis if axis}) > 1:
        card.cannot(name, "conditional prices", "two time windows in different periods: their precedence cannot be stated; the model is left out")
        return None
    return periods


def genai_choice(entries, date):
    """(base entry, time-window entry or None) in force from date on (None:
    before every start date); None when two windows would compete."""
    windows = []
    for i in reversed(range(len(entries))):
        c = entries[i].get("constraint")
        if c is None or ("start_date" in c and date is not None and c["start_date"] <= date):
            return genai_pick(i, windows)
        if "start_time" in c:
            windows.append(i)
    return genai_pick(0, [w for w in windows if w != 0])


def genai_pick(base, windows):
    if len(windows) > 1:
        return None
    return (base, windows[0] if windows else None)


def genai_exact(match, model_id):
    """True when the match names only the model id (in any letter case, as the
    card's names match ignoring case)."""
    clauses = match.get("or", [match]) if isinstance(match, dict) else [None]
    return all(isinstance(c, dict) and set(c) == {"equals"} and c["equals"].lower() == model_id.lower()
               for c in clauses)


def import_genai(data, card):
    for provider in data:
        for model in provider["models"]:
            name = provider["id"] + "/" + model["id"]
            if not genai_exact(model.get("match"), model["id"]):
                card.cannot(name, "name match %s" % json.dumps(model.get("match"), sort_keys=True, default=str),
                            "the card names exact models: imported under %s only" % name)
            if not card.claim(provider["id"], model["id"]):
                continue
            periods = genai_periods(model, name, card)
            if periods:
                card.add_model(provider["id"], model["id"], periods)


# --------------------------------------------------------------------------
# LiteLLM: model_prices_and_context_window.json, {key: entry}.

LITELLM_KEYS = {"input": "input_cost_per_token", "output": "output_cost_per_token",
                "cached_input": "cache_read_input_token_cost", "cache_write": "cache_creation_input_token_cost"}
TIERS = ("flex", "priority")          # ServiceTier suffixes _get_service_tier_cost_key honours
ABOVE_RE = re.compile(r"^input_cost_per_token_above_(\d+)(k?)_tokens$")
LITELLM_WHY = {
    "cache_creation_input_token_cost_above_1hr": "the card has one cache_write item, not one per cache lifetime",
    "tiered_pricing": "graduated bands in LiteLLM's calculator of this file's date (calculate_tiered_cost; "
                      "LiteLLM #34729): the card states whole-request bands only",
    "provider_specific_entry": "a multiplier over the whole cost (region, fast mode): not a card price",
    "input_cost_per_token_cache_hit": "not read by LiteLLM's generic_cost_per_token (cache_read_input_token_cost is)",
    "search_context_cost_per_query": "a price per search query: the card has no such item",
    "off_peak_pricing": "off-peak rates together with tiers or service tiers: their precedence is not stated",
    "output_cost_per_reasoning_token": "reasoning tokens apart from output: the card has no such item",
    "input_cost_per_request": "a per-request price generic_cost_per_token does not read",
}


def per_million(value):
    """LiteLLM's per-token price as exact per-million decimal, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = Decimal(value)
        except decimal.InvalidOperation:
            return None
    if isinstance(value, (int, Decimal)) and Decimal(value).is_finite() and value >= 0:
        return Decimal(value) * MILLION
    return None


def litellm_thresholds(entry, name, card):
    """{threshold tokens: threshold text} of the input_cost_per_token_above_* keys."""
    out = {}
    for key, value in entry.items():
        if key.startswith("input_cost_per_token_above_") and not key.endswith(tuple("_" + t for t in TIERS)):
            m = ABOVE_RE.match(key)
            if not m:
                card.cannot(name, key, "a threshold LiteLLM cannot parse")
            elif value is not None:
                out[int(m.group(1)) * (1000 if m.group(2) else 1)] = m.group(1) + m.group(2)
    return out


def litellm_base(entry, key, tier):
    """_get_cost_per_unit: the service tier's key, else the standard key, else 0."""
    for k in ([key + "_" + tier] if tier else []) + [key]:
        if entry.get(k) is not None:
            return per_million(entry[k]), k
    return Decimal(0), None


def litellm_step(entry, item, tier, thresholds):
    """The price of item for service tier (None: standard) by input band."""
    key = LITELLM_KEYS[item]
    price, used = litellm_base(entry, key, tier)
    if item == "output" and not price and entry.get("output_cost_per_image_token") is not None:
        price, used = per_million(entry["output_cost_per_image_token"]), "output_cost_per_image_token"
    label = used or "(no %s: LiteLLM prices it 0)" % key
    tiers = []
    for start, text in thresholds.items():
        above = "%s_above_%s_tokens" % (key, text)
        t_price, t_used = litellm_base(entry, above, tier)
        tiers.append((start, t_price, t_used) if t_used else (start, price, label))
    return Step(price, label, tiers)


def litellm_batch(entry):
    """batch_cost_calculator: *_batches prices every prompt token (cached ones
    too) when given, else half the standard price; tiers do not apply."""
    items = {}
    inb, outb = entry.get("input_cost_per_token_batches"), entry.get("output_cost_per_token_batches")
    if inb:
        for item in ("input", "cached_input", "cache_write"):
            items[item] = Step(per_million(inb), "input_cost_per_token_batches")
    else:
        inp, _ = litellm_base(entry, "input_cost_per_token", None)
        read, _ = litellm_base(entry, "cache_read_input_token_cost", None)
        items["input"] = Step(inp / 2, "input_cost_per_token / 2 (LiteLLM's batch rule)")
        items["cache_write"] = Step(inp / 2, "input_cost_per_token / 2 (LiteLLM's batch rule)")
        items["cached_input"] = Step(read / 2, "cache_read_input_token_cost / 2 (LiteLLM's batch rule)")
    if outb:
        items["output"] = Step(per_million(outb), "output_cost_per_token_batches")
    else:
        out, _ = litellm_base(entry, "output_cost_per_token", None)
        items["output"] = Step(out / 2, "output_cost_per_token / 2 (LiteLLM's batch rule)")
    return items


def litellm_known(key):
    """Keys the card lines state (so they are not listed as left out)."""
    base = re.sub(r"_above_\d+k?_tokens", "", key)
    base = re.sub(r"_(flex|priority|batches)$", "", base)
    return base in LITELLM_KEYS.values()


def litellm_unused_band(key, thresholds):
    """An above-N key of an item whose N has no input_cost_per_token_above_N:
    LiteLLM only looks for it once the input key's threshold is crossed."""
    m = re.search(r"_above_(\d+)(k?)_tokens", key)
    return bool(m) and int(m.group(1)) * (1000 if m.group(2) else 1) not in thresholds


def litellm_price_key(key, value):
    if key == "provider_specific_entry":
        return isinstance(value, dict) and any(isinstance(v, (int, Decimal)) for v in value.values())
    return "cost" in key or "pricing" in key or key.startswith("regional_processing_uplift")


def litellm_leftovers(entry, name, card, thresholds):
    for key, value in entry.items():
        if not litellm_price_key(key, value):
            continue
        if litellm_known(key):
            if litellm_unused_band(key, thresholds):
                card.cannot(name, key, "never applied by LiteLLM: no input_cost_per_token_above_* key of that threshold")
            continue
        if key == "output_cost_per_image_token" and not entry.get("output_cost_per_token"):
            continue
        if key.startswith("regional_processing_uplift"):
            why = "a multiplier for a data-residency host: not a card price"
        elif key == "off_peak_pricing" and not (thresholds or litellm_variants(entry)):
            continue
        else:
            why = LITELLM_WHY.get(key, LITELLM_WHY.get(re.sub(r"_above_\d+k?_tokens$", "", key),
                                  "a unit the card has no item for (image, audio, character, second, ...)"))
        card.cannot(name, key, why)


def litellm_variants(entry):
    return [t for t in TIERS if any(k.endswith("_" + t) and litellm_known(k) for k in entry)]


def litellm_off_peak(entry, name, card):
    """{'time in ... @+00:00': items} of an off_peak_pricing block (rates it
    leaves out fall back to the standard ones), or None."""
    block = entry["off_peak_pricing"]
    hours = block.get("hours_utc")
    hours = [hours] if isinstance(hours, str) else hours
    for key in block:
        if key != "hours_utc" and key not in LITELLM_KEYS.values():
            card.cannot(name, "off_peak_pricing " + key, "a rate the card has no item for")
    out = {}
    for window in hours or []:
        if not isinstance(window, str) or not re.match(r"^\d\d:\d\d-\d\d:\d\d$", window):
            card.cannot(name, "off_peak_pricing hours_utc %r" % (window,), "not HH:MM-HH:MM")
            return None
        items = {}
        for item, key in LITELLM_KEYS.items():
            if key in block:
                items[item] = Step(per_million(block[key]), "off_peak_pricing " + key)
            else:
                items[item] = litellm_step(entry, item, None, {})
        out["time in %s @+00:00" % window] = items
    return out


def litellm_entry(key, entry, card):
    provider = entry.get("litellm_provider")
    name = "%s/%s" % (provider, key)
    if key == "sample_spec":
        card.cannot(key, "whole entry", "the file's description of its own fields, not a model")
        return
    if not isinstance(provider, str) or not provider:
        card.cannot(key, "whole entry", "no litellm_provider: not a model (a pattern rule or the sample spec)")
        return
    thresholds = litellm_thresholds(entry, name, card)
    litellm_leftovers(entry, name, card, thresholds)
    known = [k for k in entry if litellm_known(k) and entry[k] is not None]
    bad = [k for k in known if per_million(entry[k]) is None]
    if bad:
        card.cannot(name, ", ".join(bad), "not a non-negative price: the entry is left out")
        return
    if entry.get("input_cost_per_token") is None and entry.get("output_cost_per_token") is None:
        for k in known:
            card.cannot(name, k, "no input_cost_per_token or output_cost_per_token: the entry has no token lines")
        return
    if not card.claim(provider, key):
        return
    by_axis = {"": {item: litellm_step(entry, item, None, thresholds) for item in LITELLM_KEYS}}
    for tier in litellm_variants(entry):
        by_axis["variant = " + tier] = {item: litellm_step(entry, item, tier, thresholds) for item in LITELLM_KEYS}
    if entry.get("input_cost_per_token_batches") or entry.get("output_cost_per_token_batches"):
        by_axis["variant = batch"] = litellm_batch(entry)
    else:
        card.batch_halved += 1
    if isinstance(entry.get("off_peak_pricing"), dict) and not (thresholds or litellm_variants(entry)):
        windows = litellm_off_peak(entry, name, card)
        if windows is None:
            return
        by_axis.update(windows)
    card.add_model(provider, key, [(ALWAYS, by_axis)])


def import_litellm(data, card):
    for key, entry in data.items():
        if isinstance(entry, dict):
            litellm_entry(key, entry, card)
    if card.batch_halved:
        card.unstatable.append("%d entries without batch prices: LiteLLM's batch_cost_calculator halves their "
                               "prices; not imported (a batch call prices at the standard lines)" % card.batch_halved)


# --------------------------------------------------------------------------

def exact_context():
    """Decimal arithmetic that raises rather than rounds: never approximated."""
    context = decimal.Context(prec=60)
    context.traps[decimal.Inexact] = True
    decimal.setcontext(context)


def main(argv):
    parser = argparse.ArgumentParser(description="Import a peer's price list as a card.")
    parser.add_argument("--from", dest="source", required=True, choices=["genai-prices", "litellm"])
    parser.add_argument("file")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    exact_context()
    try:
        with open(args.file, encoding="utf-8") as f:
            data = json.load(f, parse_float=Decimal)
    except (OSError, ValueError) as e:
        print("import_prices: %s: %s" % (args.file, e), file=sys.stderr)
        return 2
    card = Card("%s %s" % (args.source, os.path.basename(args.file)))
    try:
        (import_genai if args.source == "genai-prices" else import_litellm)(data, card)
    except (KeyError, TypeError, AttributeError) as e:
        print("import_prices: %s: not a %s file as this importer knows it (%s: %s)"
              % (args.file, args.source, type(e).__name__, e), file=sys.stderr)
        return 2
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        card.write(out)
    for problem in card.unstatable:
        print("import_prices: not imported: " + problem, file=sys.stderr)
    print("import_prices: %d card lines for %d models; %d not imported (listed above)"
          % (len(card.lines), card.models, len(card.unstatable)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
