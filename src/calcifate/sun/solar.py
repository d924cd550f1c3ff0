"""Solar position: declination, equation of time, zenith angle, clock time.

Declination, equation of time and the Earth-Sun distance factor are
Spencer's (1971) Fourier series (coefficients in ``sun_parameters.csv``,
keys ``spencer_*``).  The zenith angle follows from the usual spherical
relation

    cos(theta_z) = sin(phi) sin(delta) + cos(phi) cos(delta) cos(h)

with latitude ``phi``, declination ``delta`` and hour angle ``h``; the
hour angle comes from true solar time = UTC + 4 min/degree * longitude +
equation of time.  Refraction is ignored (it matters only within a few
degrees of the horizon, where UV-B is negligible).

All functions accept numpy arrays and broadcast.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

from .cities import param

__all__ = [
    "day_of_year",
    "day_angle",
    "declination",
    "equation_of_time",
    "earth_sun_factor",
    "cos_zenith",
    "solar_zenith",
    "solar_noon_utc",
    "noon_zenith",
    "dst_offset_hours",
    "clock_to_utc_hours",
    "solar_time_to_utc_hours",
    "DST_RULES",
]


def day_of_year(date: _dt.date) -> int:
    """Day number, 1 January = 1."""
    return int(date.timetuple().tm_yday)


def day_angle(doy):
    """Spencer's day angle Gamma = 2 pi (doy - 1) / 365, in radians."""
    return 2.0 * np.pi * (np.asarray(doy, dtype=float) - 1.0) / 365.0


def declination(doy):
    """Solar declination in radians (Spencer 1971)."""
    g = day_angle(doy)
    c = [param(f"spencer_decl_{k}") for k in range(7)]
    return (
        c[0]
        + c[1] * np.cos(g)
        + c[2] * np.sin(g)
        + c[3] * np.cos(2 * g)
        + c[4] * np.sin(2 * g)
        + c[5] * np.cos(3 * g)
        + c[6] * np.sin(3 * g)
    )


def equation_of_time(doy):
    """Equation of time in minutes (apparent minus mean solar time; Spencer 1971)."""
    g = day_angle(doy)
    c = [param(f"spencer_eot_{k}") for k in range(5)]
    scale = param("spencer_eot_scale")
    return scale * (
        c[0] + c[1] * np.cos(g) + c[2] * np.sin(g) + c[3] * np.cos(2 * g) + c[4] * np.sin(2 * g)
    )


def earth_sun_factor(doy):
    """(r0/r)^2, the Earth-Sun distance correction to irradiance (Spencer 1971)."""
    g = day_angle(doy)
    c = [param(f"spencer_dist_{k}") for k in range(5)]
    return c[0] + c[1] * np.cos(g) + c[2] * np.sin(g) + c[3] * np.cos(2 * g) + c[4] * np.sin(2 * g)


def cos_zenith(latitude_deg, longitude_deg, doy, utc_hours):
    """Cosine of the solar zenith angle (negative when the sun is down).

    ``utc_hours`` may fall outside 0..24; it is taken relative to 00:00 UTC
    of day ``doy`` (the declination is evaluated at ``doy``).
    """
    lat = np.radians(np.asarray(latitude_deg, dtype=float))
    dec = declination(doy)
    tst_min = (
        np.asarray(utc_hours, dtype=float) * 60.0
        + 4.0 * np.asarray(longitude_deg, dtype=float)
        + equation_of_time(doy)
    )
    hour_angle = np.radians(tst_min / 4.0 - 180.0)
    return np.sin(lat) * np.sin(dec) + np.cos(lat) * np.cos(dec) * np.cos(hour_angle)


def solar_zenith(latitude_deg, longitude_deg, doy, utc_hours):
    """Solar zenith angle in degrees (> 90 when the sun is below the horizon)."""
    mu = np.clip(cos_zenith(latitude_deg, longitude_deg, doy, utc_hours), -1.0, 1.0)
    return np.degrees(np.arccos(mu))


def solar_noon_utc(longitude_deg, doy):
    """UTC time (hours) of local apparent solar noon."""
    return 12.0 - np.asarray(longitude_deg, dtype=float) / 15.0 - equation_of_time(doy) / 60.0


def noon_zenith(latitude_deg, doy):
    """Zenith angle (degrees) at local apparent noon: |latitude - declination|."""
    return np.abs(np.asarray(latitude_deg, dtype=float) - np.degrees(declination(doy)))


# --- clock time -------------------------------------------------------------

#: Daylight-saving rules known to the model (date resolution; the hour of
#: the switch is ignored).
DST_RULES = ("none", "eu", "us", "au", "nz")


def _nth_sunday(year: int, month: int, n: int) -> _dt.date:
    """n-th Sunday of a month (n = -1 for the last one)."""
    if n > 0:
        d = _dt.date(year, month, 1)
        d += _dt.timedelta(days=(6 - d.weekday()) % 7)
        return d + _dt.timedelta(weeks=n - 1)
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - _dt.timedelta(days=1)
    return d - _dt.timedelta(days=(d.weekday() - 6) % 7)


def dst_offset_hours(rule: str, date: _dt.date) -> float:
    """1.0 when daylight-saving time is in force on ``date`` under ``rule``, else 0.0.

    eu: last Sunday of March to last Sunday of October.
    us: second Sunday of March to first Sunday of November.
    au: first Sunday of October to first Sunday of April (southern).
    nz: last Sunday of September to first Sunday of April (southern).
    """
    rule = rule.lower()
    y = date.year
    if rule == "none":
        return 0.0
    if rule == "eu":
        return 1.0 if _nth_sunday(y, 3, -1) <= date < _nth_sunday(y, 10, -1) else 0.0
    if rule == "us":
        return 1.0 if _nth_sunday(y, 3, 2) <= date < _nth_sunday(y, 11, 1) else 0.0
    if rule == "au":
        return 0.0 if _nth_sunday(y, 4, 1) <= date < _nth_sunday(y, 10, 1) else 1.0
    if rule == "nz":
        return 0.0 if _nth_sunday(y, 4, 1) <= date < _nth_sunday(y, 9, -1) else 1.0
    raise ValueError(f"unknown daylight-saving rule {rule!r}; allowed: {', '.join(DST_RULES)}")


def clock_to_utc_hours(clock_hours, utc_offset_hours: float, dst_rule: str, date: _dt.date):
    """Convert local clock time (hours) on ``date`` to UTC hours of that date."""
    return np.asarray(clock_hours, dtype=float) - utc_offset_hours - dst_offset_hours(dst_rule, date)


def solar_time_to_utc_hours(solar_hours, longitude_deg, doy):
    """Convert local apparent solar time (hours; 12 = solar noon) to UTC hours."""
    return np.asarray(solar_hours, dtype=float) - 12.0 + solar_noon_utc(longitude_deg, doy)
