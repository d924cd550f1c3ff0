"""The ``[sun]`` scenario section as a time-varying model input.

The sun model (:mod:`calcifate.sun`) gives a daily oral-equivalent vitamin D3 input (ug/day) for
each calendar day. Here it drives the model parameter ``D3_skin_ug_day`` as a piecewise-constant
schedule (one value per calendar day, changed at midnight; solver hard breakpoints via
:class:`~calcifate.solve.reference.ParameterStep`; a step is placed only where the value changes, so
vitamin D winter costs nothing). The sun model spreads each day's amount evenly over that day
(cutaneous D3 reaches the blood over a day or more: docs/sun.md), so daily steps claim no intra-day
timing.

**Periodic steady state (spin-up).** With sun, the run starts from the periodic steady state of the
habit: the model is first put at steady state under the habit's annual mean input, then the
365 days of the habit ending on the first day of the run are repeated (ageing frozen at day 0,
as in the steady-state search) until 25(OH)D on that date changes by less than
``SPINUP_TOL_NMOL_L`` = 0.5 nmol/L year on year (at least ``SPINUP_MIN_YEARS`` = 2, at most
``SPINUP_MAX_YEARS`` = 6 years; a run that has not converged says so). Cumulative fluxes then
count from day 0.

**baseline_25ohd_nmol_l with sun** is read as the person's *annual mean* 25(OH)D: the unexplained
background vitamin D3 input is set so that the steady state under the annual-mean sun input (plus
diet and other known inputs) equals it; because the 25-hydroxylation is saturable the realised
annual mean over the last spin-up year then differs, so the steady-state target is moved by the miss
and the spin-up repeated until the realised annual mean is within 0.5 nmol/L of the baseline
(``Simulation.initial_state``; the number of repeats is in the run's sun notes). With ``baseline_25ohd_nmol_l =
None`` (a scenario with ``[sun]`` whose ``[person]`` does not give it), no background is added:
25(OH)D follows from sun, diet and doses alone.
"""

from __future__ import annotations

import ast
import datetime as _dt
import re
from dataclasses import dataclass, field

import numpy as np

from ..errors import NO_VALUE, InputError
from ..solve.reference import ParameterStep, integrate, parameters_at
from ..sun import SunConfig, SunConfigError, daily_d3_input, parse_sun_config
from ..sun import skin, solar
from ..sun.cities import param

DEFAULT_START_DATE = "2026-01-01"
SPINUP_TOL_NMOL_L = 0.5
SPINUP_MIN_YEARS = 2
SPINUP_MAX_YEARS = 6
SPINUP_RTOL = 1e-6  # integration error ~1e-5 nmol/L, far below the 0.5 nmol/L convergence test


def read_sun_section(section) -> SunConfig:
    """Validate a ``[sun]`` table; errors become :class:`InputError` naming the field."""
    try:
        return parse_sun_config(section)
    except SunConfigError as e:
        msg = str(e)
        m = re.match(r"^(sun[\w.\[\]]*) = (.*) is not valid; allowed: (.*)$", msg)
        if m:
            try:
                value = ast.literal_eval(m.group(2))
            except (ValueError, SyntaxError):
                value = m.group(2)
            if value is None and m.group(3).startswith("required"):  # a missing field: say so, show no value
                raise InputError(m.group(1), NO_VALUE, f"{m.group(1)} is {m.group(3)}") from None
            raise InputError(m.group(1), value, m.group(3)) from None
        f = re.search(r"sun[\w.\[\]]*", msg)
        raise InputError(f.group(0) if f else "sun", NO_VALUE, msg) from None


def parse_start_date(value) -> _dt.date:
    if value is None:
        return _dt.date.fromisoformat(DEFAULT_START_DATE)
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError("start_date", value, 'an ISO date "YYYY-MM-DD" (default 2026-01-01)')


def daily_steps(daily_ug: np.ndarray, t0_h: float, param_index: int) -> list[ParameterStep]:
    """One ParameterStep per calendar day whose value differs from the day before (first day always)."""
    out, last = [], None
    for k, v in enumerate(np.asarray(daily_ug, dtype=float)):
        if last is None or v != last:
            out.append(ParameterStep(t0_h + 24.0 * k, param_index, float(v)))
            last = v
    return out


def vitamin_d_winter_months(cfg: SunConfig, year: int = 2026) -> list[int]:
    """Months whose mean clear-sky vitamin-D-weighted UV at solar noon is below
    ``vitd_winter_noon_threshold_w_m2`` (sun_parameters.csv): the threshold that separates, in this
    model, the months in which Webb, Kline & Holick (1988) found no previtamin D3 formation (Boston
    November-February, Edmonton October-March) from those in which they found it (Los Angeles and
    San Juan in mid-winter)."""
    cfg = parse_sun_config(cfg)
    days = [_dt.date(year, 1, 1) + _dt.timedelta(days=k) for k in range(365)]
    doy = np.array([solar.day_of_year(d) for d in days], dtype=float)
    noon = solar.solar_time_to_utc_hours(12.0, cfg.longitude, doy)
    minutes = 10.0  # a short session at noon: its dose / its length is the noon irradiance
    d = skin.session_dose(cfg.latitude, cfg.longitude, doy, noon, minutes, altitude_m=cfg.altitude_m,
                          ozone_du=cfg.ozone_du, cmf=1.0)
    months = np.array([x.month for x in days])
    monthly_w_m2 = np.array([d.vitd_horizontal_j_m2[months == m].mean() for m in range(1, 13)]) / (minutes * 60.0)
    threshold = param("vitd_winter_noon_threshold_w_m2")
    return [m + 1 for m in range(12) if monthly_w_m2[m] < threshold]


@dataclass
class SunDriver:
    """The daily sun input of one simulation, its spin-up and its schedule."""

    config: SunConfig
    start_date: _dt.date
    age_years: float
    param_index: int
    first_day: float = 0.0  # earliest simulated day (<= 0: regimens already running before day 0)
    info: dict = field(default_factory=dict)

    def daily(self, from_day: float, n_days: int) -> np.ndarray:
        d0 = self.start_date + _dt.timedelta(days=int(np.floor(from_day)))
        return daily_d3_input(self.config, d0, int(n_days), age_years=self.age_years)

    @property
    def spinup_year(self) -> np.ndarray:
        """The 365 days of the habit ending on the day before the first simulated day."""
        if "year" not in self.info:
            self.info["year"] = self.daily(self.first_day - 365, 365)
        return self.info["year"]

    @property
    def annual_mean_ug_day(self) -> float:
        return float(np.mean(self.spinup_year))

    def steps(self, t_start_h: float, t_end_h: float) -> list[ParameterStep]:
        n = int(np.ceil((t_end_h - t_start_h) / 24.0)) + 1
        return daily_steps(self.daily(t_start_h / 24.0, n), t_start_h, self.param_index)

    def spin_up(self, cm, p, y, rtol=SPINUP_RTOL):
        """Repeat the year before the run until 25(OH)D on the start date is periodic."""
        year = self.spinup_year
        t0 = self.first_day * 24.0 - 365 * 24.0
        steps = daily_steps(year, t0, self.param_index)
        grid = t0 + 24.0 * np.arange(366)
        P = parameters_at(p, steps, grid)
        y = np.array(y, dtype=float)
        c_prev = float(np.ravel(cm.observe(0.0, y[:, None], P[:, -1:])["C_OHD"])[0])
        changes = []
        for k in range(1, SPINUP_MAX_YEARS + 1):
            Y = integrate(cm, p, y, grid, steps=steps, rtol=rtol, autonomous=True)
            y = Y[:, -1].copy()
            c = np.ravel(np.asarray(cm.observe(0.0, Y, P)["C_OHD"], dtype=float) * np.ones(grid.size))
            changes.append(abs(c[-1] - c_prev))
            c_prev = c[-1]
            if k >= SPINUP_MIN_YEARS and changes[-1] < SPINUP_TOL_NMOL_L:
                break
        for s in cm.model.states:  # cumulative fluxes count from the start of the run
            if s.kind == "accumulator":
                y[cm.model.state_index(s.name)] = 0.0
        self.info.update(spinup_years=k, spinup_last_change_nmol_l=float(changes[-1]),
                         spinup_converged=bool(changes[-1] < SPINUP_TOL_NMOL_L),
                         spinup_annual_mean_25ohd=float(np.mean(c[1:])), spinup_min_25ohd=float(c.min()),
                         spinup_max_25ohd=float(c.max()), sun_annual_mean_ug_day=self.annual_mean_ug_day)
        return y

    def meta(self) -> dict:
        out = {k: v for k, v in self.info.items() if k != "year"}
        out["start_date"] = self.start_date.isoformat()
        out["vitamin_d_winter_months"] = vitamin_d_winter_months(self.config, self.start_date.year)
        return out

    def summary(self) -> str:
        i = self.info
        where = self.config.place or f"{self.config.latitude:.2f}N {self.config.longitude:.2f}E"
        s = (f"sun: {where}, skin type {self.config.skin_type}; annual mean skin vitamin D3 "
             f"{self.annual_mean_ug_day:.2f} ug/day; spin-up {i.get('spinup_years')} years (last year-on-year "
             f"change {i.get('spinup_last_change_nmol_l', float('nan')):.2f} nmol/L); annual mean 25(OH)D "
             f"{i.get('spinup_annual_mean_25ohd', float('nan')):.1f} nmol/L "
             f"(range {i.get('spinup_min_25ohd', float('nan')):.1f}-{i.get('spinup_max_25ohd', float('nan')):.1f})")
        if i.get("spinup_converged") is False:
            s += f"; NOT converged to {SPINUP_TOL_NMOL_L} nmol/L"
        return s


def make_driver(sim, vals) -> SunDriver:
    """Build the sun driver of a Simulation (uses its person's age, start date and doses)."""
    cfg = sim.sun
    age = cfg.age_years if cfg.age_years is not None else (
        sim.person.age_years if sim.person is not None else vals.get("age_years", 60.0))
    first = min([0.0] + [d.start_day for d in sim.doses])
    return SunDriver(cfg, parse_start_date(sim.start_date), float(age),
                     sim.pset.names.index("D3_skin_ug_day"), first_day=float(first))
