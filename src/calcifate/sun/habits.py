"""The ``[sun]`` scenario section: schema, validation, and D3 input time series.

Example (TOML)::

    [sun]
    place = "Manchester"          # or latitude/longitude (+ altitude_m, utc_offset_hours)
    skin_type = 2                 # Fitzpatrick 1..6
    age_years = 40                # optional; else the caller's age_years is used
    # cloud_cover = 0.7           # optional cloud fraction 0..1 (default 0.6)
    # ozone_du = 330              # optional fixed total ozone (default: van Heuklon climatology)

    [[sun.habit]]
    months = "Mar-Sep"            # or [3,4,5,6,7,8,9], "all", "Nov-Feb", "Mar-May, Sep"
    minutes_per_day = 9
    clock_time = "12:30"          # local clock time at the middle of the exposure
    exposed = "forearms and lower legs"   # or exposed_skin_fraction = 0.35
    spf = 0
    behind_glass = false
    days_per_week = 7

The parsed configuration is turned into a daily oral-equivalent vitamin D3
input (ug/day) by :func:`daily_d3_input`.  Cutaneous D3 reaches the blood
over a day or more (serum D3 was measured 24-72 h after exposure by
Chalcraft et al. 2020), so :func:`d3_input_rate` spreads each day's amount
evenly over that day.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import numbers
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

from . import skin, solar
from .cities import UnknownCityError, find_city, param

__all__ = [
    "SunConfigError",
    "Habit",
    "SunConfig",
    "EXPOSED_AREAS",
    "parse_sun_config",
    "daily_sun_doses",
    "daily_d3_input",
    "d3_input_rate",
]


class SunConfigError(ValueError):
    """Invalid ``[sun]`` configuration; the message names field, value and allowed range."""


#: Named exposed-skin areas (fraction of body surface) and their parameter keys.
EXPOSED_AREAS: dict[str, str] = {
    "hands and face": "area_hands_face",
    "face and hands": "area_hands_face",
    "forearms and lower legs": "area_forearms_lower_legs",
    "hands, face, forearms and lower legs": "area_forearms_lower_legs",
    "face, hands and arms": "area_face_hands_arms",
    "hands, face and arms": "area_face_hands_arms",
    "whole body": "area_whole_body",
    "head and neck": "area_head_neck",
    "arms": "area_arms",
    "legs": "area_legs",
    "trunk": "area_trunk",
}

_MONTHS = {
    m.lower(): i + 1
    for i, names in enumerate(
        zip(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
        )
    )
    for m in names
}
_MONTHS["sept"] = 9
_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}

_TOP_KEYS = (
    "place",
    "latitude",
    "longitude",
    "altitude_m",
    "utc_offset_hours",
    "daylight_saving",
    "skin_type",
    "age_years",
    "ozone_du",
    "cloud_cover",
    "cloud_modification_factor",
    "habit",
)
_HABIT_KEYS = (
    "label",
    "months",
    "minutes_per_day",
    "clock_time",
    "solar_time",
    "exposed_skin_fraction",
    "exposed",
    "spf",
    "sunscreen_mg_cm2",
    "behind_glass",
    "days_per_week",
    "weekdays",
    "cloud_cover",
    "cloud_modification_factor",
)


@dataclass(frozen=True)
class Habit:
    """One ``[[sun.habit]]`` entry after validation."""

    months: tuple[int, ...]
    minutes_per_day: float
    time_hours: float  # centre of the exposure
    time_basis: str  # "clock" or "solar"
    exposed_fraction: float
    spf: float = 0.0
    sunscreen_mg_cm2: float | None = None
    behind_glass: bool = False
    days_per_week: float = 7.0
    weekdays: tuple[int, ...] | None = None  # Monday = 0
    cloud_cover: float | None = None
    cmf: float | None = None
    label: str = ""


@dataclass(frozen=True)
class SunConfig:
    """A validated ``[sun]`` section."""

    latitude: float
    longitude: float
    altitude_m: float
    utc_offset_hours: float | None
    dst_rule: str
    skin_type: int
    age_years: float | None
    ozone_du: float | None
    cloud_cover: float | None
    cmf: float | None
    habits: tuple[Habit, ...] = field(default_factory=tuple)
    place: str | None = None


# --- validation helpers -------------------------------------------------------


def _err(path: str, value: Any, allowed: str) -> SunConfigError:
    return SunConfigError(f"{path} = {value!r} is not valid; allowed: {allowed}")


def _check_keys(table: Mapping[str, Any], allowed: Sequence[str], path: str) -> None:
    if not isinstance(table, Mapping):
        raise SunConfigError(f"{path} must be a table (dict), got {type(table).__name__}")
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; allowed fields: {', '.join(allowed)}"
            if allowed is _TOP_KEYS and key in _HABIT_KEYS:
                hint += f" ({key} belongs to each [[{path}.habit]] entry)"
            raise SunConfigError(f"unknown field {path}.{key}{hint}")


def _number(table, key, path, lo, hi, *, default=None, required=False, integer=False, lo_open=False):
    full = f"{path}.{key}"
    if key not in table:
        if required:
            raise SunConfigError(f"{full} is required ({_range_text(lo, hi, integer, lo_open)})")
        return default
    v = table[key]
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise _err(full, v, _range_text(lo, hi, integer, lo_open))
    if integer and float(v) != int(v):
        raise _err(full, v, _range_text(lo, hi, integer, lo_open))
    v = float(v)
    if not math.isfinite(v) or v < lo or v > hi or (lo_open and v == lo):
        raise _err(full, v if not integer else int(v), _range_text(lo, hi, integer, lo_open))
    return int(v) if integer else v


def _range_text(lo, hi, integer=False, lo_open=False) -> str:
    kind = "integer" if integer else "number"
    left = ">" if lo_open else ">="
    if hi == math.inf:
        return f"{kind} {left} {lo:g}"
    return f"{kind} {lo:g}..{hi:g}" if not lo_open else f"{kind} > {lo:g} and <= {hi:g}"


def _bool(table, key, path, default=False) -> bool:
    if key not in table:
        return default
    v = table[key]
    if not isinstance(v, bool):
        raise _err(f"{path}.{key}", v, "true or false")
    return v


def _parse_months(value: Any, path: str) -> tuple[int, ...]:
    allowed = 'list of month numbers 1..12, or a string such as "Mar-Sep", "Nov-Feb", "Jun, Aug" or "all"'
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("all", "year", "all year"):
            return tuple(range(1, 13))
        months: list[int] = []
        for part in re.split(r"[,;]", text):
            part = part.strip()
            if not part:
                continue
            ends = [p.strip() for p in re.split(r"\s*(?:-|–|to)\s*", part)]
            try:
                nums = [int(e) if e.isdigit() else _MONTHS[e] for e in ends]
            except KeyError:
                raise _err(path, value, allowed) from None
            if len(nums) == 1:
                seq = nums
            elif len(nums) == 2:
                a, b = nums
                seq = list(range(a, b + 1)) if a <= b else list(range(a, 13)) + list(range(1, b + 1))
            else:
                raise _err(path, value, allowed)
            for m in seq:
                if not 1 <= m <= 12:
                    raise _err(path, value, allowed)
                if m not in months:
                    months.append(m)
        if not months:
            raise _err(path, value, allowed)
        return tuple(sorted(months))
    if isinstance(value, (list, tuple)):
        out = []
        for m in value:
            if isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12:
                raise _err(path, value, allowed)
            if m not in out:
                out.append(m)
        if not out:
            raise _err(path, value, allowed)
        return tuple(sorted(out))
    raise _err(path, value, allowed)


def _parse_time(value: Any, path: str) -> float:
    allowed = 'time of day "HH:MM" (00:00..23:59) or hours 0..24'
    if isinstance(value, bool):
        raise _err(path, value, allowed)
    if isinstance(value, numbers.Real):
        if not 0 <= value <= 24:
            raise _err(path, value, allowed)
        return float(value)
    if isinstance(value, _dt.time):
        return value.hour + value.minute / 60 + value.second / 3600
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*", value)
        if m:
            h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if h < 24 and mi < 60 and s < 60:
                return h + mi / 60 + s / 3600
    raise _err(path, value, allowed)


def _parse_weekdays(value: Any, path: str) -> tuple[int, ...]:
    allowed = 'list of day names such as ["Mon", "Wed", "Sat"]'
    if not isinstance(value, (list, tuple)) or not value:
        raise _err(path, value, allowed)
    out = []
    for d in value:
        if not isinstance(d, str) or d.strip().lower() not in _WEEKDAYS:
            raise _err(path, value, allowed)
        i = _WEEKDAYS[d.strip().lower()]
        if i not in out:
            out.append(i)
    return tuple(sorted(out))


def _parse_exposed(table, path) -> float:
    has_frac = "exposed_skin_fraction" in table
    has_name = "exposed" in table
    if has_frac and has_name:
        raise SunConfigError(f"{path}: give either exposed_skin_fraction or exposed, not both")
    if has_frac:
        return _number(table, "exposed_skin_fraction", path, 0.0, 1.0)
    if not has_name:
        raise SunConfigError(
            f"{path}.exposed_skin_fraction is required (number 0..1), or give "
            f"exposed = one of {sorted(set(EXPOSED_AREAS))}"
        )
    v = table["exposed"]
    names = [v] if isinstance(v, str) else v
    allowed = f"one of {sorted(set(EXPOSED_AREAS))} or a list of them"
    if not isinstance(names, (list, tuple)) or not names:
        raise _err(f"{path}.exposed", v, allowed)
    total = 0.0
    for nm in names:
        key = " ".join(str(nm).lower().replace("&", "and").split()) if isinstance(nm, str) else None
        if key not in EXPOSED_AREAS:
            close = difflib.get_close_matches(str(nm).lower(), list(EXPOSED_AREAS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SunConfigError(f"{path}.exposed = {nm!r} is not a known area{hint}; allowed: {allowed}")
        total += param(EXPOSED_AREAS[key])
    return min(total, 1.0)


def _parse_clouds(table, path):
    if "cloud_cover" in table and "cloud_modification_factor" in table:
        raise SunConfigError(f"{path}: give either cloud_cover or cloud_modification_factor, not both")
    cc = _number(table, "cloud_cover", path, 0.0, 1.0)
    cmf = _number(table, "cloud_modification_factor", path, 0.0, 1.5)
    return cc, cmf


def _parse_habit(table: Mapping[str, Any], path: str) -> Habit:
    _check_keys(table, _HABIT_KEYS, path)
    months = _parse_months(table["months"], f"{path}.months") if "months" in table else tuple(range(1, 13))
    minutes = _number(table, "minutes_per_day", path, 0.0, 1440.0, required=True)
    if "clock_time" in table and "solar_time" in table:
        raise SunConfigError(f"{path}: give either clock_time or solar_time, not both")
    if "solar_time" in table:
        t, basis = _parse_time(table["solar_time"], f"{path}.solar_time"), "solar"
    elif "clock_time" in table:
        t, basis = _parse_time(table["clock_time"], f"{path}.clock_time"), "clock"
    else:
        t, basis = 12.0, "solar"
    frac = _parse_exposed(table, path)
    spf = _number(table, "spf", path, 0.0, math.inf, default=0.0)
    if 0 < spf < 1:
        raise _err(f"{path}.spf", spf, "0 (no sunscreen) or a number >= 1")
    mg = _number(table, "sunscreen_mg_cm2", path, 0.0, 10.0, lo_open=True)
    glass = _bool(table, "behind_glass", path)
    weekdays = _parse_weekdays(table["weekdays"], f"{path}.weekdays") if "weekdays" in table else None
    dpw = _number(table, "days_per_week", path, 0.0, 7.0, default=None)
    if weekdays is not None:
        if dpw is not None and dpw != len(weekdays):
            raise SunConfigError(
                f"{path}: days_per_week = {dpw:g} does not match weekdays ({len(weekdays)} days)"
            )
        dpw = float(len(weekdays))
    if dpw is None:
        dpw = 7.0
    cc, cmf = _parse_clouds(table, path)
    label = table.get("label", "")
    if not isinstance(label, str):
        raise _err(f"{path}.label", label, "a string")
    return Habit(
        months=months,
        minutes_per_day=minutes,
        time_hours=t,
        time_basis=basis,
        exposed_fraction=frac,
        spf=spf,
        sunscreen_mg_cm2=mg,
        behind_glass=glass,
        days_per_week=dpw,
        weekdays=weekdays,
        cloud_cover=cc,
        cmf=cmf,
        label=label,
    )


def parse_sun_config(sun: Mapping[str, Any] | SunConfig) -> SunConfig:
    """Validate a ``[sun]`` table (as a dict) and return a :class:`SunConfig`.

    Accepts the table itself or a mapping with a single ``"sun"`` key.
    Raises :class:`SunConfigError` naming the offending field.
    """
    if isinstance(sun, SunConfig):
        return sun
    if isinstance(sun, Mapping) and set(sun) == {"sun"}:
        sun = sun["sun"]
    path = "sun"
    _check_keys(sun, _TOP_KEYS, path)

    place = sun.get("place")
    city = None
    if place is not None:
        if not isinstance(place, str):
            raise _err("sun.place", place, "a city name")
        if "latitude" in sun or "longitude" in sun:
            raise SunConfigError("sun: give either place or latitude/longitude, not both")
        try:
            city = find_city(place)
        except UnknownCityError as exc:
            hint = (
                f" (did you mean {' or '.join(repr(s) for s in exc.suggestions)}?)"
                if exc.suggestions
                else ""
            )
            raise _err("sun.place", place, f"a built-in city{hint}, or latitude and longitude instead") from None
        lat, lon = city.latitude, city.longitude
    else:
        if "latitude" not in sun:
            raise _err("sun.place", None, "required: a built-in city, or latitude and longitude instead")
        lat = _number(sun, "latitude", path, -90.0, 90.0, required=True)
        lon = _number(sun, "longitude", path, -180.0, 180.0, required=True)

    alt = _number(sun, "altitude_m", path, -500.0, 9000.0, default=city.altitude_m if city else 0.0)
    utc = _number(sun, "utc_offset_hours", path, -12.0, 14.0, default=city.utc_offset_hours if city else None)
    dst = city.dst_rule if city else "none"
    if "daylight_saving" in sun:
        v = sun["daylight_saving"]
        if isinstance(v, bool):
            dst = (city.dst_rule if city and city.dst_rule != "none" else "eu") if v else "none"
        elif isinstance(v, str) and v.lower() in solar.DST_RULES:
            dst = v.lower()
        else:
            raise _err("sun.daylight_saving", v, f"true, false or one of {', '.join(solar.DST_RULES)}")
    if utc is None and dst != "none":
        raise SunConfigError("sun.daylight_saving needs sun.utc_offset_hours for explicit coordinates")

    skin_type = _number(sun, "skin_type", path, 1, 6, required=True, integer=True)
    age = _number(sun, "age_years", path, 0.0, 120.0)
    ozone = _number(sun, "ozone_du", path, 100.0, 600.0)
    cc, cmf = _parse_clouds(sun, path)

    habits_raw = sun.get("habit", [])
    if isinstance(habits_raw, Mapping):
        habits_raw = [habits_raw]
    if not isinstance(habits_raw, (list, tuple)):
        raise _err("sun.habit", habits_raw, "an array of tables [[sun.habit]]")
    habits = tuple(_parse_habit(h, f"sun.habit[{i}]") for i, h in enumerate(habits_raw))

    return SunConfig(
        latitude=float(lat),
        longitude=float(lon),
        altitude_m=float(alt),
        utc_offset_hours=utc,
        dst_rule=dst,
        skin_type=int(skin_type),
        age_years=age,
        ozone_du=ozone,
        cloud_cover=cc,
        cmf=cmf,
        habits=habits,
        place=city.name if city else None,
    )


# --- time series ---------------------------------------------------------------


def _as_date(d) -> _dt.date:
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    if isinstance(d, str):
        try:
            return _dt.date.fromisoformat(d)
        except ValueError:
            raise SunConfigError(f"start_date = {d!r} is not an ISO date (YYYY-MM-DD)") from None
    raise SunConfigError(f"start_date = {d!r} is not a date")


def _center_utc(cfg: SunConfig, habit: Habit, dates: list[_dt.date], doys: np.ndarray) -> np.ndarray:
    if habit.time_basis == "solar":
        return solar.solar_time_to_utc_hours(habit.time_hours, cfg.longitude, doys)
    if cfg.utc_offset_hours is None:
        # no offset known: clock time taken as local mean solar time
        return np.full(doys.shape, habit.time_hours - cfg.longitude / 15.0)
    dst = np.array([solar.dst_offset_hours(cfg.dst_rule, d) for d in dates])
    return habit.time_hours - cfg.utc_offset_hours - dst


def daily_sun_doses(sun_config, start_date, n_days: int, age_years=None) -> dict[str, np.ndarray]:
    """Daily UV doses and vitamin D3 from the sun, one value per day.

    Returns arrays of length ``n_days``:

    - ``sed_horizontal``: ambient erythemal dose during the exposures (SED, horizontal)
    - ``sed_skin``: erythemal dose on the exposed skin (SED)
    - ``sdd``: vitamin-D dose on the skin in standard vitamin D doses (unsaturated)
    - ``iu`` / ``ug``: oral-equivalent vitamin D3 (IU/day, ug/day)

    Days with ``days_per_week < 7`` and no ``weekdays`` list get the
    expected value (amount x days_per_week / 7).  Age advances with the date.
    """
    cfg = parse_sun_config(sun_config)
    n_days = int(n_days)
    if n_days < 0:
        raise SunConfigError(f"n_days = {n_days} must be >= 0")
    start = _as_date(start_date)
    age0 = cfg.age_years if cfg.age_years is not None else age_years
    if age0 is None:
        raise SunConfigError("sun.age_years is not given and no age_years was passed (number 0..120)")
    if isinstance(age0, bool) or not isinstance(age0, numbers.Real) or not 0 <= age0 <= 120:
        raise _err("age_years", age0, "number 0..120")
    age0 = float(age0)

    dates = [start + _dt.timedelta(days=k) for k in range(n_days)]
    out = {k: np.zeros(n_days) for k in ("sed_horizontal", "sed_skin", "sdd", "iu")}
    if n_days == 0 or not cfg.habits:
        out["ug"] = out["iu"] / skin.IU_PER_UG
        return out
    months = np.array([d.month for d in dates])
    weekday = np.array([d.weekday() for d in dates])
    doys = np.array([solar.day_of_year(d) for d in dates], dtype=float)
    ages = age0 + np.arange(n_days) / 365.25
    sdd_size = skin.sdd_j_m2(cfg.skin_type)

    for h in cfg.habits:
        if h.minutes_per_day <= 0 or h.days_per_week <= 0:
            continue
        mask = np.isin(months, h.months)
        weight = 1.0
        if h.weekdays is not None:
            mask &= np.isin(weekday, h.weekdays)
        else:
            weight = h.days_per_week / 7.0
        idx = np.nonzero(mask)[0]
        if idx.size == 0:
            continue
        sel_dates = [dates[i] for i in idx]
        centre = _center_utc(cfg, h, sel_dates, doys[idx])
        cc = h.cloud_cover if (h.cloud_cover is not None or h.cmf is not None) else cfg.cloud_cover
        cmf = h.cmf if (h.cloud_cover is not None or h.cmf is not None) else cfg.cmf
        d = skin.session_dose(
            cfg.latitude,
            cfg.longitude,
            doys[idx],
            centre,
            h.minutes_per_day,
            altitude_m=cfg.altitude_m,
            ozone_du=cfg.ozone_du,
            cloud_cover=cc,
            cmf=cmf,
            spf=h.spf,
            sunscreen_mg_cm2=h.sunscreen_mg_cm2,
            behind_glass=h.behind_glass,
        )
        iu = skin.oral_equivalent_iu(d.vitd_skin_j_m2, cfg.skin_type, h.exposed_fraction, ages[idx])
        out["sed_horizontal"][idx] += weight * d.sed_horizontal
        out["sed_skin"][idx] += weight * d.sed_skin
        out["sdd"][idx] += weight * d.vitd_skin_j_m2 / sdd_size * h.exposed_fraction / param("sdd_area_fraction")
        out["iu"][idx] += weight * iu
    out["ug"] = out["iu"] / skin.IU_PER_UG
    return out


def daily_d3_input(sun_config, start_date, n_days: int, age_years=None) -> np.ndarray:
    """Oral-equivalent vitamin D3 input from the sun, ug/day, one value per day.

    ``sun_config`` is the ``[sun]`` table (dict) or a :class:`SunConfig`;
    ``start_date`` a date or ISO string; ``age_years`` the person's age at
    ``start_date``, used when the section gives no ``age_years``.
    """
    return daily_sun_doses(sun_config, start_date, n_days, age_years)["ug"]


def d3_input_rate(sun_config, t_hours_since_start, start_date, age_years=None) -> np.ndarray:
    """D3 input rate (ug/h) at times ``t_hours_since_start`` (hours from 00:00 of ``start_date``).

    Each day's oral-equivalent amount is spread evenly over that day
    (piecewise constant, daily amount / 24); negative times give 0.
    """
    t = np.asarray(t_hours_since_start, dtype=float)
    day = np.floor(t / 24.0).astype(int)
    n = int(day.max()) + 1 if day.size and day.max() >= 0 else 0
    daily = daily_d3_input(sun_config, start_date, n, age_years) if n > 0 else np.zeros(0)
    rate = np.zeros(t.shape)
    ok = day >= 0
    rate[ok] = daily[day[ok]] / 24.0
    return rate
