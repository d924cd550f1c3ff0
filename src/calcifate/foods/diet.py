"""Diet files (TOML) to daily intakes of vitamin K vitamers, vitamin D forms and calcium.

Two ways to write a diet (they can be mixed)::

    [[food]]                 # eaten every day (per = "day", default) or per week
    name = "kale"
    grams = 50               # or: servings = 1
    per = "day"              # "day" | "week"

    [[meal]]
    time = "08:00"           # or hours as a number (8, 8.5)
    days = "daily"           # or a list: ["mon", "wed", "fri"]
    items = [ { name = "egg", grams = 100 }, { name = "butter", servings = 1 } ]

The result is a :class:`DietIntake`: daily means of each nutrient and a list
of meals (time of day, fat, vitamers and calcium per occasion). A nutrient
that was not measured in some food is reported with the known part and the
list of foods whose value is missing; missing is never counted as 0.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .table import (
    NUTRIENTS,
    NUTRIENT_BY_KEY,
    MK_KEYS,
    Food,
    FoodTable,
    UnknownFoodError,
    _BaseError,
    load_assumptions,
    load_food_table,
    load_intake_references,
)

MAX_GRAMS_PER_DAY = 5000.0
IU_PER_UG_VITAMIN_D = 40.0
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_ALIASES = {
    "monday": "mon", "tuesday": "tue", "tues": "tue", "wednesday": "wed", "thursday": "thu", "thur": "thu",
    "thurs": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun",
}
_FOOD_KEYS = {"name", "grams", "servings", "per", "note", "label"}
_ITEM_KEYS = {"name", "grams", "servings", "note"}
_MEAL_KEYS = {"time", "days", "items", "name", "label", "note"}

# nutrients summed per food (table columns) plus derived ones
BASE_KEYS = tuple(n.key for n in NUTRIENTS)
DERIVED = {
    "vitd_unspecified": ("vitamin D, form not specified (fortified foods)", "µg"),
    "k2_total": ("menaquinones, all measured forms", "µg"),
    "d3_equivalent": ("vitamin D3-equivalents incl. D2 and 25(OH)D3 (assumption)", "µg"),
}


class DietError(_BaseError, ValueError):
    """A diet file that cannot be used. Names the food and the line number."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 food: str | None = None):
        self.path, self.line, self.food = path, line, food
        where = ""
        if path is not None or line is not None:
            where = f"{path or '<diet>'}" + (f", line {line}" if line is not None else "") + ": "
        super().__init__(where + message)


# ---------------------------------------------------------------- data classes
@dataclass(frozen=True)
class NutrientIntake:
    """Known part of an intake plus the foods whose value was not measured."""
    key: str
    value: float
    unit: str
    missing_foods: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing_foods

    @property
    def label(self) -> str:
        if self.key in NUTRIENT_BY_KEY:
            return NUTRIENT_BY_KEY[self.key].label
        return DERIVED[self.key][0]


@dataclass(frozen=True)
class DietItem:
    food: Food
    grams: float                 # per occasion
    occasions_per_week: float
    line: int | None = None

    @property
    def grams_per_day(self) -> float:
        return self.grams * self.occasions_per_week / 7.0


@dataclass(frozen=True)
class MealIntake:
    """One meal occasion: what it contains each time it is eaten."""
    time_h: float | None          # hours since midnight; None = not scheduled ([[food]] entries)
    label: str
    days: tuple[str, ...]         # weekdays on which the meal is eaten (empty = day not given)
    occasions_per_week: float     # 7 for a daily meal, len(days) for listed weekdays, 1 for weekly foods
    items: tuple[DietItem, ...]
    nutrients: Mapping[str, NutrientIntake]

    @property
    def fat_g(self) -> float:
        return self.nutrients["fat"].value

    @property
    def time(self) -> str:
        return _fmt_time(self.time_h)

    def amount(self, key: str) -> float:
        return self.nutrients[key].value


@dataclass(frozen=True)
class DietIntake:
    daily: Mapping[str, NutrientIntake]
    meals: tuple[MealIntake, ...]
    items: tuple[DietItem, ...]
    d3_equivalent_range: tuple[float, float]
    assumptions: Mapping[str, float] = field(default_factory=dict)
    source: str = "<diet>"

    def __getitem__(self, key: str) -> NutrientIntake:
        return self.daily[key]

    def value(self, key: str) -> float:
        return self.daily[key].value

    def missing(self, key: str) -> tuple[str, ...]:
        return self.daily[key].missing_foods

    @property
    def vitamin_d_ug(self) -> float:
        """Vitamin D (D2 + D3, incl. form-unspecified fortificant), µg/day."""
        return self.daily["vitd_total"].value

    @property
    def vitamin_d_iu(self) -> float:
        return self.vitamin_d_ug * IU_PER_UG_VITAMIN_D

    @property
    def calcium_mg(self) -> float:
        return self.daily["calcium"].value


# ---------------------------------------------------------------- line finding
_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]\s*(#.*)?$")
_NAME = re.compile(r"""(?<![A-Za-z0-9_])name\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')""")
_ITEMS = re.compile(r"(?<![A-Za-z0-9_])items\s*=")
_KEY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_\-]*)\s*=")


class _LineMap:
    """Finds the line of each [[food]] name and each meal item name in the text."""

    def __init__(self, text: str):
        self.food_lines: list[int] = []
        self.food_header_lines: list[int] = []
        self.meal_header_lines: list[int] = []
        self.meal_item_lines: list[list[int]] = []
        self.food_key_lines: list[dict[str, int]] = []
        self.meal_key_lines: list[dict[str, int]] = []
        section = None
        in_items = False
        for lineno, line in enumerate(text.splitlines(), start=1):
            m = _HEADER.match(line)
            if m:
                name = m.group(1)
                in_items = False
                if name == "food":
                    section = "food"
                    self.food_header_lines.append(lineno)
                    self.food_lines.append(lineno)
                    self.food_key_lines.append({})
                elif name == "meal":
                    section = "meal"
                    self.meal_header_lines.append(lineno)
                    self.meal_item_lines.append([])
                    self.meal_key_lines.append({})
                elif name == "meal.items":
                    section = "meal_items_table"
                else:
                    section = None
                continue
            if re.match(r"^\s*\[[^\[]", line):
                section = None
                continue
            code = line.split("#", 1)[0] if '"' not in line and "'" not in line else line
            key_m = _KEY.match(code)
            if section == "food":
                if _NAME.search(code) and self.food_lines and self.food_lines[-1] == self.food_header_lines[-1]:
                    self.food_lines[-1] = lineno
                if key_m and self.food_key_lines:
                    self.food_key_lines[-1].setdefault(key_m.group(1), lineno)
            elif section == "meal":
                if key_m and self.meal_key_lines and not in_items:
                    self.meal_key_lines[-1].setdefault(key_m.group(1), lineno)
                if _ITEMS.search(code):
                    in_items = True
                if in_items and self.meal_item_lines:
                    pos = _ITEMS.search(code).end() if _ITEMS.search(code) else 0
                    for _ in _NAME.finditer(code, pos):
                        self.meal_item_lines[-1].append(lineno)
            elif section == "meal_items_table":
                if _NAME.search(code) and self.meal_item_lines:
                    self.meal_item_lines[-1].append(lineno)

    def food(self, index: int) -> int | None:
        return self.food_lines[index] if index < len(self.food_lines) else None

    def food_key(self, index: int) -> dict[str, int]:
        return self.food_key_lines[index] if index < len(self.food_key_lines) else {}

    def meal_key(self, index: int) -> dict[str, int]:
        return self.meal_key_lines[index] if index < len(self.meal_key_lines) else {}

    def meal(self, index: int) -> int | None:
        return self.meal_header_lines[index] if index < len(self.meal_header_lines) else None

    def meal_item(self, meal_index: int, item_index: int) -> int | None:
        if meal_index < len(self.meal_item_lines) and item_index < len(self.meal_item_lines[meal_index]):
            return self.meal_item_lines[meal_index][item_index]
        return self.meal(meal_index)


def _search_line(text: str, needle: str) -> int | None:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return lineno
    return None


# ---------------------------------------------------------------- parsing helpers
def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(float(x))


def _parse_time(value: Any, err) -> float:
    if isinstance(value, _dt.time):
        return value.hour + value.minute / 60 + value.second / 3600
    if _is_number(value):
        t = float(value)
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2})(?::(\d{2}))?\s*", value)
        if not m:
            raise err(f"time {value!r} is not 'HH:MM' or a number of hours")
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        if minutes >= 60:
            raise err(f"time {value!r} has minutes >= 60")
        t = hours + minutes / 60
    else:
        raise err(f"time {value!r} is not 'HH:MM' or a number of hours")
    if not 0 <= t < 24:
        raise err(f"time {value!r} is outside 00:00-23:59")
    return t


def _parse_days(value: Any, err) -> tuple[str, ...]:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("daily", "every day", "all")):
        return WEEKDAYS
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise err(f"days {value!r} must be \"daily\" or a list of weekdays like [\"mon\", \"thu\"]")
    out = []
    for d in value:
        if not isinstance(d, str):
            raise err(f"days entry {d!r} is not a weekday name")
        k = d.strip().lower()
        k = _WEEKDAY_ALIASES.get(k, k[:3] if k[:3] in WEEKDAYS and len(k) <= 3 else k)
        if k not in WEEKDAYS:
            raise err(f"days entry {d!r} is not a weekday (mon..sun)")
        if k in out:
            raise err(f"weekday {d!r} listed twice")
        out.append(k)
    return tuple(sorted(out, key=WEEKDAYS.index))


def _amount_grams(entry: Mapping[str, Any], food: Food, err) -> float:
    has_g, has_s = "grams" in entry, "servings" in entry
    if has_g and has_s:
        raise err("give either grams or servings, not both")
    if not has_g and not has_s:
        raise err("amount missing: give grams = ... or servings = ...")
    key = "grams" if has_g else "servings"
    raw = entry[key]
    if not _is_number(raw):
        raise err(f"{key} = {raw!r} is not a number", key)
    amount = float(raw)
    if amount < 0:
        raise err(f"{key} = {raw!r} is negative", key)
    if key == "servings":
        if food.serving_g is None:
            raise err("this food has no serving weight; give grams instead", key)
        return amount * food.serving_g
    return amount


# ---------------------------------------------------------------- main entry points
def parse_diet(text: str, source: str = "<diet>", table: FoodTable | None = None) -> list[tuple]:
    """Parse TOML text into meals: list of (label, time_h or None, days, occasions_per_week, items)."""
    table = table or load_food_table()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise DietError(f"not valid TOML: {exc}", path=source, line=int(m.group(1)) if m else None) from None

    unknown_top = set(data) - {"food", "meal", "title", "description", "note"}
    if unknown_top:
        key = sorted(unknown_top)[0]
        raise DietError(f"unknown top-level key {key!r} (use [[food]] or [[meal]])",
                        path=source, line=_search_line(text, key))
    lines = _LineMap(text)

    def make_err(line, food=None, key_lines=None):
        def err(msg, key=None):
            prefix = f"food {food!r}: " if food else ""
            at = (key_lines or {}).get(key, line) if key else line
            return DietError(prefix + msg, path=source, line=at, food=food)
        return err

    def resolve(name: Any, line: int | None) -> Food:
        if not isinstance(name, str) or not name.strip():
            raise DietError(f"food name {name!r} is not a non-empty string", path=source, line=line)
        try:
            return table.get(name)
        except UnknownFoodError as exc:
            hint = ("; did you mean " + ", ".join(repr(s) for s in exc.suggestions) + "?") if exc.suggestions else ""
            raise DietError(f"unknown food {name!r}{hint}", path=source, line=line, food=name) from None

    meals: list[tuple[str, float | None, tuple[str, ...], float, tuple[DietItem, ...]]] = []

    foods = data.get("food", [])
    if not isinstance(foods, list):
        raise DietError("'food' must be written as [[food]] tables", path=source, line=_search_line(text, "food"))
    loose_daily: list[DietItem] = []
    loose_weekly: list[DietItem] = []
    for i, entry in enumerate(foods):
        line = lines.food(i)
        if not isinstance(entry, dict):
            raise DietError("each [[food]] must be a table", path=source, line=line)
        name = entry.get("name")
        if isinstance(name, str):
            line = line or _search_line(text, name)
        food = resolve(name, line)
        err = make_err(line, name, lines.food_key(i))
        bad = set(entry) - _FOOD_KEYS
        if bad:
            raise err(f"unknown key(s) {sorted(bad)}; allowed: name, grams or servings, per")
        grams = _amount_grams(entry, food, err)
        per = entry.get("per", "day")
        if per not in ("day", "week"):
            raise err(f"per = {per!r} must be \"day\" or \"week\"", "per")
        per_week = 7.0 if per == "day" else 1.0
        if grams * per_week / 7.0 > MAX_GRAMS_PER_DAY:
            raise err(f"{grams:g} g per {per} is more than {MAX_GRAMS_PER_DAY:g} g/day",
                      "grams" if "grams" in entry else "servings")
        # a weekly amount is one occasion per week of `grams`
        (loose_daily if per == "day" else loose_weekly).append(DietItem(food, grams, per_week, line))
    if loose_daily:
        meals.append(("daily foods, no meal time given", None, WEEKDAYS, 7.0, tuple(loose_daily)))
    if loose_weekly:
        meals.append(("weekly foods, no day or time given", None, (), 1.0, tuple(loose_weekly)))

    meal_entries = data.get("meal", [])
    if not isinstance(meal_entries, list):
        raise DietError("'meal' must be written as [[meal]] tables", path=source, line=_search_line(text, "meal"))
    for mi, meal in enumerate(meal_entries):
        mline = lines.meal(mi)
        merr = make_err(mline, None, lines.meal_key(mi))
        if not isinstance(meal, dict):
            raise merr("each [[meal]] must be a table")
        bad = set(meal) - _MEAL_KEYS
        if bad:
            raise merr(f"unknown key(s) {sorted(bad)} in [[meal]]; allowed: time, days, items, label")
        if "time" not in meal:
            raise merr("[[meal]] needs time = \"HH:MM\" (or hours as a number)")
        t = _parse_time(meal["time"], lambda m: merr(m, "time"))
        days = _parse_days(meal.get("days", "daily"), lambda m: merr(m, "days"))
        items_raw = meal.get("items", [])
        if not isinstance(items_raw, list) or not items_raw:
            raise merr("[[meal]] needs items = [ { name = ..., grams = ... }, ... ]")
        items = []
        for ii, entry in enumerate(items_raw):
            line = lines.meal_item(mi, ii)
            if not isinstance(entry, dict):
                raise DietError("each meal item must be a table like { name = \"egg\", grams = 50 }",
                                path=source, line=line)
            name = entry.get("name")
            food = resolve(name, line)
            err = make_err(line, name)
            bad = set(entry) - _ITEM_KEYS
            if bad:
                raise err(f"unknown key(s) {sorted(bad)}; allowed: name, grams or servings")
            grams = _amount_grams(entry, food, err)
            if grams > MAX_GRAMS_PER_DAY:
                raise err(f"{grams:g} g in one meal is more than {MAX_GRAMS_PER_DAY:g} g/day")
            items.append(DietItem(food, grams, float(len(days)), line))
        label = str(meal.get("label") or meal.get("name") or f"meal at {_fmt_time(t)}")
        meals.append((label, t, days, float(len(days)), tuple(items)))

    if not meals:
        raise DietError("the diet lists no foods: add [[food]] or [[meal]] entries", path=source, line=1)

    # total per food per day across the whole diet
    per_food: dict[str, float] = {}
    for *_, items in meals:
        for it in items:
            per_food[it.food.food_id] = per_food.get(it.food.food_id, 0.0) + it.grams_per_day
    for fid, g in per_food.items():
        if g > MAX_GRAMS_PER_DAY:
            f = table.get(fid)
            line = next((it.line for *_, items in meals for it in items if it.food.food_id == fid), None)
            raise DietError(f"food {f.food_id!r}: {g:g} g/day in total is more than {MAX_GRAMS_PER_DAY:g} g/day",
                            path=source, line=line, food=f.food_id)
    return meals


def _fmt_time(t: float | None) -> str:
    if t is None:
        return "--:--"
    minutes = int(round(t * 60))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _sum_items(items: Iterable[tuple[DietItem, float]]) -> dict[str, NutrientIntake]:
    """Sum nutrients over (item, grams) pairs; track foods with unmeasured values."""
    sums = {k: 0.0 for k in BASE_KEYS}
    missing: dict[str, list[str]] = {k: [] for k in BASE_KEYS}
    extra = {"vitd_unspecified": 0.0, "k2_total": 0.0}
    extra_missing: dict[str, list[str]] = {"vitd_unspecified": [], "k2_total": []}
    for item, grams in items:
        food = item.food
        d3, d2, tot = food.values["d3"], food.values["d2"], food.values["vitd_total"]
        for k in BASE_KEYS:
            v = food.values[k]
            if v is None:
                if k in ("d3", "d2") and (tot is not None or d3 is not None or d2 is not None):
                    continue  # vitamin D known for this food; the form split is in the other column / unspecified
                if grams > 0 and food.food_id not in missing[k]:
                    missing[k].append(food.food_id)
            else:
                sums[k] += v * grams / 100.0
        if tot is None and (d3 is not None or d2 is not None):
            # total implied by the forms that were measured
            sums["vitd_total"] += ((d3 or 0.0) + (d2 or 0.0)) * grams / 100.0
            if food.food_id in missing["vitd_total"]:
                missing["vitd_total"].remove(food.food_id)
        if tot is not None and d3 is None and d2 is None:
            extra["vitd_unspecified"] += tot * grams / 100.0
        mks = [food.values[k] for k in MK_KEYS + ("k2_unsplit",)]
        if all(v is None for v in mks):
            if grams > 0:
                extra_missing["k2_total"].append(food.food_id)
        else:
            extra["k2_total"] += sum(v for v in mks if v is not None) * grams / 100.0
    out = {k: NutrientIntake(k, sums[k], NUTRIENT_BY_KEY[k].unit, tuple(missing[k])) for k in BASE_KEYS}
    for k in extra:
        out[k] = NutrientIntake(k, extra[k], DERIVED[k][1], tuple(extra_missing[k]))
    return out


def _d3_equivalent(n: Mapping[str, NutrientIntake], p25: float, p2: float) -> float:
    return (n["d3"].value + p2 * n["d2"].value + n["vitd_unspecified"].value + p25 * n["oh25d3"].value)


def compute_intake(meals, *, source: str = "<diet>", oh25d3_potency: float | None = None,
                   d2_potency: float | None = None) -> DietIntake:
    """Daily means and per-meal contents from parsed meals (see :func:`parse_diet`)."""
    a = load_assumptions()
    p25 = a["oh25d3_potency_vs_d3"].value if oh25d3_potency is None else float(oh25d3_potency)
    p2 = a["d2_potency_vs_d3"].value if d2_potency is None else float(d2_potency)
    all_items: list[DietItem] = []
    meal_out = []
    for label, t, days, occasions, items in meals:
        nutrients = _sum_items((it, it.grams) for it in items)
        eq_missing = tuple(sorted(set(nutrients["vitd_total"].missing_foods)))
        nutrients["d3_equivalent"] = NutrientIntake("d3_equivalent", _d3_equivalent(nutrients, p25, p2), "µg", eq_missing)
        meal_out.append(MealIntake(t, label, days, occasions, items, nutrients))
        all_items.extend(items)
    daily = _sum_items((it, it.grams_per_day) for it in all_items)
    eq_missing = tuple(sorted(set(daily["vitd_total"].missing_foods)))
    daily["d3_equivalent"] = NutrientIntake("d3_equivalent", _d3_equivalent(daily, p25, p2), "µg", eq_missing)
    lo25, hi25 = a["oh25d3_potency_vs_d3"].low, a["oh25d3_potency_vs_d3"].high
    lo2, hi2 = a["d2_potency_vs_d3"].low, a["d2_potency_vs_d3"].high
    rng = (_d3_equivalent(daily, lo25, lo2), _d3_equivalent(daily, hi25, hi2))
    meal_out.sort(key=lambda m: (m.time_h is not None, m.time_h or 0.0))
    return DietIntake(daily=daily, meals=tuple(meal_out), items=tuple(all_items), d3_equivalent_range=rng,
                      assumptions={"oh25d3_potency_vs_d3": p25, "d2_potency_vs_d3": p2}, source=source)


def intake_from_text(text: str, source: str = "<diet>", **kw) -> DietIntake:
    return compute_intake(parse_diet(text, source=source), source=source, **kw)


def load_diet(path: str | Path, **kw) -> DietIntake:
    """Read a diet TOML file and compute the intake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DietError(f"cannot read diet file: {exc.strerror or exc}", path=str(path)) from None
    return intake_from_text(text, source=str(path), **kw)


# ---------------------------------------------------------------- reference comparison
_POP = re.compile(r"^adult(?:_(\d+)(?:_(\d+)|plus))?(?:_(male|female))?$")


def _population_matches(pop: str, age: float | None, sex: str | None) -> bool | None:
    """True/False when decidable; None when sex is unknown for a sex-specific row."""
    m = _POP.match(pop)
    if not m:
        return False
    lo, hi, psex = m.group(1), m.group(2), m.group(3)
    if lo is not None:
        lo_f = float(lo)
        hi_f = float(hi) if hi is not None else math.inf
        if age is None or not (lo_f <= age <= hi_f + 0.999):
            return False
    elif age is not None and age < 18:
        return False
    if psex is not None:
        if sex is None:
            return None
        return psex == sex
    return True


def _pick(nutrient: str, body: str, kinds: tuple[str, ...], age: float | None, sex: str | None):
    """Return (value or None, text, kind, citation) for one reference cell."""
    rows = [r for r in load_intake_references() if r.nutrient == nutrient and r.body == body and r.kind in kinds]
    sure, unsure = [], []
    for r in rows:
        ok = _population_matches(r.population, age, sex)
        if ok:
            sure.append(r)
        elif ok is None:
            unsure.append(r)
    if sure:
        r = sure[0]
        if r.value is None:
            return None, "none set", r.kind, r.citation_key
        return r.value, f"{r.value:g} ({r.kind})", r.kind, r.citation_key
    if unsure:
        parts = [f"{r.value:g} {r.population.rsplit('_', 1)[-1][0].upper()}" for r in unsure if r.value is not None]
        return None, " / ".join(parts) + f" ({unsure[0].kind})", unsure[0].kind, unsure[0].citation_key
    return None, "-", "", ""


def intake_table(intake: DietIntake, *, age: float | None = 40, sex: str | None = None) -> list[dict[str, Any]]:
    """Rows comparing each nutrient's daily intake with EFSA and US (NAM/IOM) reference values.

    Each row has: nutrient, label, unit, intake, missing_foods, efsa_ref, efsa_ref_text,
    efsa_ul, efsa_ul_text, us_ref, us_ref_text, us_ul, us_ul_text. Vitamin D is given in
    µg and in IU (1 µg = 40 IU). ``sex`` is None, "male" or "female".
    """
    if sex not in (None, "male", "female"):
        raise ValueError(f"sex must be 'male', 'female' or None, not {sex!r}")
    d = intake.daily
    rows_spec = [
        ("k1", "vitamin K1 (phylloquinone)", "µg/day", d["k1"].value, d["k1"].missing_foods, "vitamin_k1", "vitamin_k"),
        ("dk1", "dihydrophylloquinone", "µg/day", d["dk1"].value, d["dk1"].missing_foods, None, None),
    ]
    for k in MK_KEYS:
        rows_spec.append((k, NUTRIENT_BY_KEY[k].label, "µg/day", d[k].value, d[k].missing_foods, None, None))
    rows_spec += [
        ("k2_unsplit", NUTRIENT_BY_KEY["k2_unsplit"].label, "µg/day", d["k2_unsplit"].value, d["k2_unsplit"].missing_foods, None, None),
        ("k2_total", DERIVED["k2_total"][0], "µg/day", d["k2_total"].value, d["k2_total"].missing_foods, None, None),
        ("d3", NUTRIENT_BY_KEY["d3"].label, "µg/day", d["d3"].value, d["d3"].missing_foods, None, None),
        ("d2", NUTRIENT_BY_KEY["d2"].label, "µg/day", d["d2"].value, d["d2"].missing_foods, None, None),
        ("vitd_unspecified", DERIVED["vitd_unspecified"][0], "µg/day", d["vitd_unspecified"].value, (), None, None),
        ("vitd_total", "vitamin D (D2 + D3)", "µg/day", d["vitd_total"].value, d["vitd_total"].missing_foods, "vitamin_d", "vitamin_d"),
        ("vitd_total_iu", "vitamin D (D2 + D3)", "IU/day", d["vitd_total"].value * IU_PER_UG_VITAMIN_D,
         d["vitd_total"].missing_foods, "vitamin_d_iu", "vitamin_d_iu"),
        ("oh25d3", NUTRIENT_BY_KEY["oh25d3"].label, "µg/day", d["oh25d3"].value, d["oh25d3"].missing_foods, None, None),
        ("d3_equivalent", DERIVED["d3_equivalent"][0], "µg/day", d["d3_equivalent"].value, d["d3_equivalent"].missing_foods, None, None),
        ("calcium", "calcium", "mg/day", d["calcium"].value, d["calcium"].missing_foods, "calcium", "calcium"),
        ("fat", "total fat", "g/day", d["fat"].value, d["fat"].missing_foods, None, None),
    ]
    out = []
    for key, label, unit, value, missing, efsa_n, us_n in rows_spec:
        row: dict[str, Any] = {"nutrient": key, "label": label, "unit": unit, "intake": value,
                               "missing_foods": tuple(missing)}
        for prefix, body, nut in (("efsa", "EFSA", efsa_n), ("us", "US_NAM", us_n)):
            if nut is None:
                row.update({f"{prefix}_ref": None, f"{prefix}_ref_text": "", f"{prefix}_ul": None, f"{prefix}_ul_text": ""})
                continue
            v, text, kind, cite = _pick(nut, body, ("AI", "RDA", "PRI"), age, sex)
            u, utext, _, ucite = _pick(nut, body, ("UL",), age, sex)
            row.update({f"{prefix}_ref": v, f"{prefix}_ref_text": text, f"{prefix}_ref_kind": kind,
                        f"{prefix}_ref_cite": cite, f"{prefix}_ul": u, f"{prefix}_ul_text": utext,
                        f"{prefix}_ul_cite": ucite})
        if key == "d3_equivalent":
            lo, hi = intake.d3_equivalent_range
            row["range"] = (lo, hi)
        out.append(row)
    return out


__all__ = [
    "DietError", "DietIntake", "DietItem", "MealIntake", "NutrientIntake", "parse_diet", "compute_intake",
    "intake_from_text", "load_diet", "intake_table", "MAX_GRAMS_PER_DAY", "IU_PER_UG_VITAMIN_D", "WEEKDAYS",
]
