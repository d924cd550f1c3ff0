"""Dosing regimens that read like sentences, and the dose records they expand to.

>>> Regimen("2000 IU vitamin D3 daily for 12 weeks then 1000 IU daily; 500 mg calcium daily")

Grammar of one part: ``AMOUNT UNIT SUBSTANCE [daily | weekly | every N days | once]
[for N days|weeks|months|years]``; ``then`` continues the same substance when the previous
part ends (an omitted substance repeats the previous one); ``;`` separates parallel parts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..errors import InputError
from .substances import find_substance, to_canonical

MAX_DAYS = 50 * 365.25
FORMS = ("oil capsule", "tablet", "food")
_PERIOD = {"day": 1.0, "days": 1.0, "week": 7.0, "weeks": 7.0, "month": 30.4375, "months": 30.4375,
           "year": 365.25, "years": 365.25}


@dataclass(frozen=True)
class Dose:
    """One dosing line. Times in days from day 0; ``stop_day`` exclusive (None: end of run)."""

    substance: str
    amount: float
    unit: str = "ug"
    every_days: float | None = None
    start_day: float = 0.0
    stop_day: float | None = None
    time_of_day_hours: float = 8.0
    form: str | None = None  # vitamin K: "oil capsule" (default), "tablet" or "food"
    meal_fat_g: float | None = None  # fat in the meal taken with the dose (default: meal_fat_g parameter)

    def __post_init__(self):
        sub = find_substance(self.substance)
        object.__setattr__(self, "substance", sub.name)
        to_canonical(sub, self.amount, self.unit)  # validates amount and unit
        if self.every_days is not None:
            if isinstance(self.every_days, bool) or not isinstance(self.every_days, (int, float)) or not (
                    1 / 24 <= self.every_days <= 366):
                raise InputError("dose.every_days", self.every_days, "1/24..366 days, or omitted for a single dose")
        for f in ("start_day", "stop_day"):
            v = getattr(self, f)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not (-MAX_DAYS <= v <= MAX_DAYS):
                raise InputError(f"dose.{f}", v, f"a number of days in -{MAX_DAYS:g}..{MAX_DAYS:g}")
        if self.stop_day is not None and self.stop_day <= self.start_day:
            raise InputError("dose.stop_day", self.stop_day, f"greater than start_day ({self.start_day:g})")
        if self.form is not None:
            f = " ".join(str(self.form).strip().lower().split())
            if f not in FORMS:
                raise InputError("dose.form", self.form, "one of " + ", ".join(repr(x) for x in FORMS))
            object.__setattr__(self, "form", f)
        mf = self.meal_fat_g
        if mf is not None and (isinstance(mf, bool) or not isinstance(mf, (int, float)) or not (0 <= mf <= 200)):
            raise InputError("dose.meal_fat_g", mf, "0..200 g of fat in the meal taken with the dose")
        t = self.time_of_day_hours
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not (0 <= t < 24):
            raise InputError("dose.time_of_day_hours", t, "0..24 (exclusive)")

    @property
    def canonical_amount(self) -> float:
        return to_canonical(find_substance(self.substance), self.amount, self.unit)

    @property
    def canonical_unit(self) -> str:
        return find_substance(self.substance).canonical_unit

    def times_days(self, end_day: float) -> list[float]:
        """Dose instants (days from day 0) before ``end_day`` (and before stop_day)."""
        first = self.start_day + self.time_of_day_hours / 24.0
        stop = end_day if self.stop_day is None else min(self.stop_day, end_day)
        if self.every_days is None:
            return [first] if first < stop or (first <= end_day and self.stop_day is None) else []
        n = max(0, math.ceil((stop - first) / self.every_days - 1e-12))
        return [first + k * self.every_days for k in range(n) if first + k * self.every_days < stop]

    def daily_amount(self) -> float:
        """Mean daily amount while running (canonical unit); single doses count once."""
        return self.canonical_amount / (self.every_days or 1.0)


_PART = re.compile(
    r"^\s*(?P<amount>[\d.,]+)\s*(?P<unit>IU|ug|µg|μg|mcg|mg)\s*(?P<sub>.*?)\s*"
    r"(?P<freq>daily|once daily|weekly|once weekly|monthly|once|every\s+(?P<n>[\d.]+)\s*(?P<per>days?|weeks?))?\s*"
    r"(?:for\s+(?P<dur>[\d.]+)\s*(?P<durunit>days?|weeks?|months?|years?))?\s*$", re.IGNORECASE)


class Regimen:
    """A list of :class:`Dose` lines, built from sentences or given directly."""

    def __init__(self, text: str | None = None, doses: list[Dose] | None = None):
        self.text = text or ""
        self.doses: list[Dose] = list(doses or [])
        if text:
            self.doses += parse(text)

    def __repr__(self):
        return f"Regimen({self.text!r})" if self.text else f"Regimen(doses={self.doses!r})"

    def __iter__(self):
        return iter(self.doses)

    def __len__(self):
        return len(self.doses)


def parse(text: str) -> list[Dose]:
    doses: list[Dose] = []
    for parallel in text.split(";"):
        if not parallel.strip():
            continue
        start = 0.0
        substance = None
        for part in re.split(r"\bthen\b", parallel, flags=re.IGNORECASE):
            m = _PART.match(part.replace("\u00a0", " "))
            if not m:
                raise InputError("regimen", part.strip(),
                                 "'AMOUNT UNIT SUBSTANCE [daily|weekly|every N days|once] [for N days|weeks|months|years]'")
            amount = float(m["amount"].replace(",", ""))
            sub = m["sub"].strip() or substance
            if not sub:
                raise InputError("regimen", part.strip(), "a substance name after the unit")
            substance = sub
            freq = (m["freq"] or "daily").lower()
            if freq.startswith("every"):
                every = float(m["n"]) * (7.0 if m["per"].lower().startswith("week") else 1.0)
            else:
                every = {"daily": 1.0, "once daily": 1.0, "weekly": 7.0, "once weekly": 7.0,
                         "monthly": 30.4375, "once": None}[freq]
            stop = None
            if m["dur"]:
                stop = start + float(m["dur"]) * _PERIOD[m["durunit"].lower()]
            doses.append(Dose(sub, amount, m["unit"], every, start, stop))
            if stop is None:
                break
            start = stop
    return doses
