"""Runners for the sunlight targets (Webb 2018 x2, Webb 1988, Bogh 2011, Rhodes 2010, Farrar 2011)
on the whole model.

Shared assumptions of the Webb runs (labelled, not calibrated to the targets):

* a 40-year-old white-skinned (skin type II) or skin type V woman, 70 kg, 165 cm, GFR 100 mL/min,
  in Manchester (53.5 N), habit of Webb et al. 2018: 9 (or 25) min at 12:30 clock time daily,
  forearms + lower legs (35 % skin) June-August, hands + face (10 %) March-May and September;
* dietary vitamin D ``WEBB_DIET_D3_UG_DAY`` = 3.27 ug/day D3, no supplements: the median intake
  measured in the Greater Manchester cohort of white adults that Webb 2018a build on (Webb 2010;
  seasonal medians 2.76-4.15). Until session 20 an unsourced 3 ug/day (range 2-5) stood here. The
  skin type V runs (Webb 2018b) use the same figure: an assumption, as no intake of that group was
  retrieved;
* no unexplained background input (``baseline_25ohd_nmol_l = None``): 25(OH)D follows from sun and
  diet alone; periodic steady state of the habit (inputs/sun_inputs.py), year from 1 January.
"""

from __future__ import annotations

import datetime as _dt
import functools

import numpy as np

from ..inputs.person import Person
from ..simulation import Simulation
from ..solve.reference import ParameterStep, integrate
from ..sun import daily_d3_input, skin

WEBB_DIET_D3_UG_DAY = 3.27  # ug/day D3 from food (webb2010: cohort median)
DAYS_PER_MONTH = 365.25 / 12


def _webb_habit(skin_type: int, minutes: float) -> dict:
    return {"place": "Manchester", "skin_type": skin_type, "habit": [
        {"months": "Jun-Aug", "minutes_per_day": minutes, "clock_time": "12:30", "exposed": "forearms and lower legs"},
        {"months": "Mar-May, Sep", "minutes_per_day": minutes, "clock_time": "12:30", "exposed": "hands and face"}]}


@functools.lru_cache(maxsize=None)
def webb_year(skin_type: int, minutes: float):
    """(dates, 25(OH)D) over one periodic year from 1 January under the Webb 2018 habit."""
    person = Person(age_years=40, sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=100,
                    baseline_25ohd_nmol_l=None, dietary_calcium_mg_day=900)
    sim = Simulation(person, None, duration_days=365, outputs=["25ohd"], sun=_webb_habit(skin_type, minutes),
                     start_date="2026-01-01", base_inputs={"D3_food_ug_day": WEBB_DIET_D3_UG_DAY})
    r = sim.run()
    start = _dt.date(2026, 1, 1)
    dates = [start + _dt.timedelta(days=float(d)) for d in r.time_days]
    return dates, r["25ohd"]


def _at(dates, c, month, day):
    return float(c[dates.index(_dt.date(2026, month, day))])


def webb2018a_winter_min():
    _, c = webb_year(2, 9.0)
    return float(c.min())


def webb2018a_end_of_summer():
    dates, c = webb_year(2, 9.0)
    return _at(dates, c, 9, 30)


def webb2018a_winter_decline():
    """Mean fall of 25(OH)D per month from 1 October to 1 March (nmol/L per month)."""
    dates, c = webb_year(2, 9.0)
    oct1, mar1 = _at(dates, c, 10, 1), _at(dates, c, 3, 1)  # 1 March of the same periodic year
    days = (_dt.date(2027, 3, 1) - _dt.date(2026, 10, 1)).days
    return (oct1 - mar1) / (days / DAYS_PER_MONTH)


def webb2018b_type5_9min_winter_min():
    _, c = webb_year(5, 9.0)
    return float(c.min())


def webb2018b_type5_25min_winter_min():
    _, c = webb_year(5, 25.0)
    return float(c.min())


def webb1988_dec_jan_vs_june():
    """Skin vitamin D3 from 5 min at solar noon (hands and face, clear sky, 52 N): mean
    December-January production relative to June's."""
    cfg = {"latitude": 52.0, "longitude": -113.5, "skin_type": 2, "age_years": 40, "cloud_modification_factor": 1.0,
           "habit": [{"minutes_per_day": 5, "solar_time": "12:00", "exposed": "hands and face"}]}
    y = daily_d3_input(cfg, "2026-01-01", 365)
    months = np.array([(_dt.date(2026, 1, 1) + _dt.timedelta(days=k)).month for k in range(365)])
    return float(y[np.isin(months, [12, 1])].mean() / y[months == 6].mean())


# Webb, Kline & Holick 1988: months with no previtamin D3 formation in ampoules at noon on clear days
# (ineffective) and months tested with formation (effective; "the middle of winter" in Los Angeles and
# San Juan is read here as December and January). Cities: latitude as in Webb's abstract, longitude and
# altitude (m) approximate, as in cities.csv.
WEBB1988_MONTHS = {
    "Boston": ((42.2, -71.1, 40.0), (11, 12, 1, 2), (3, 10)),
    "Edmonton": ((52.0, -113.5, 670.0), (10, 11, 12, 1, 2, 3), (4, 9)),
    "Los Angeles": ((34.0, -118.2, 90.0), (), (12, 1)),
    "San Juan": ((18.4, -66.1, 10.0), (), (12, 1)),
}


def webb1988_winter_months_missed():
    """City-months of Webb 1988 (18: ineffective and effective months tested in four cities) that
    :func:`~calcifate.inputs.sun_inputs.vitamin_d_winter_months` classifies otherwise."""
    from ..inputs.sun_inputs import vitamin_d_winter_months
    from ..sun import parse_sun_config
    missed = 0
    for (lat, lon, alt), none, some in WEBB1988_MONTHS.values():
        winter = set(vitamin_d_winter_months(parse_sun_config(
            {"latitude": lat, "longitude": lon, "altitude_m": alt, "skin_type": 2})))
        missed += sum(m not in winter for m in none) + sum(m in winter for m in some)
    return float(missed)


# --- artificial UV courses (Bogh 2011; Rhodes 2010 / Farrar 2011) -------------------------------
BOGH_DAYS = (0, 2, 5, 7)  # four exposures 2-3 days apart
BOGH_MEASURE_DAY = 9  # two days after the last exposure


def lamp_rise(sed: float, area: float, baseline: float, exposure_days, measure_day: float, *,
              skin_type: int = 2, age_years: float = 35.0, height_cm: float = 168.0) -> float:
    """Rise of 25(OH)D (nmol/L) on ``measure_day`` after UV exposures of ``sed`` SED on ``area`` of
    the skin on ``exposure_days``.

    The lamp dose is taken as reference-spectrum vitamin-D UV (1 SED = 100 J/m^2 on the skin;
    assumption) through the sun model's skin conversion, given as that day's skin D3 input
    (ParameterStep schedule) on top of the background matching ``baseline``.
    """
    person = Person(age_years=age_years, sex="female", body_weight_kg=70, height_cm=height_cm, gfr_ml_min=100,
                    baseline_25ohd_nmol_l=baseline)
    sim = Simulation(person, None, duration_days=measure_day, outputs=["25ohd"])
    y0, p = sim.initial_state(sim.base_parameters())
    ik = sim.pset.names.index("D3_skin_ug_day")
    ug = float(skin.oral_equivalent_iu(sed * 100.0, skin_type, area, age_years)) / skin.IU_PER_UG
    steps = []
    for d in exposure_days:
        steps += [ParameterStep(d * 24.0, ik, ug), ParameterStep((d + 1) * 24.0, ik, 0.0)]
    Y = integrate(sim.cm, p, y0, np.array([0.0, measure_day * 24.0]), steps=steps)
    obs = sim.cm.observe(0.0, Y, np.asarray(p)[:, None])
    c = np.ravel(np.asarray(obs["C_OHD"], dtype=float) * np.ones(2))
    return float(c[-1] - c[0])


def bogh_rise(sed: float, area: float, baseline: float) -> float:
    """Rise of 25(OH)D (nmol/L) after Bogh's 4 exposures of ``sed`` SED on ``area`` of the skin
    (skin type II, age 35), measured two days after the last."""
    return lamp_rise(sed, area, baseline, BOGH_DAYS, BOGH_MEASURE_DAY)


def bogh2011_dose_ratio():
    """Rise at 3.0 SED vs 0.75 SED (24 % of the skin, baseline 60 nmol/L)."""
    return bogh_rise(3.0, 0.24, 60.0) / bogh_rise(0.75, 0.24, 60.0)


def bogh2011_area_ratio():
    """Rise on 24 % vs 6 % of the skin at 0.75 SED (baseline 60 nmol/L)."""
    return bogh_rise(0.75, 0.24, 60.0) / bogh_rise(0.75, 0.06, 60.0)


def bogh2011_baseline_ratio():
    """Rise from a baseline of 90 vs 30 nmol/L (1.5 SED, 24 % of the skin)."""
    return bogh_rise(1.5, 0.24, 90.0) / bogh_rise(1.5, 0.24, 30.0)


# Rhodes 2010 / Farrar 2011: simulated UK summer sunlight, 1.3 SED three times a week (Mon, Wed,
# Fri) for 6 weeks on 35 % of the skin (T-shirt and shorts), in late winter; adults 20-60 years
# (run at 40). Baselines are labelled assumptions (winter troughs; the published abstracts give
# none for the white group): 45 nmol/L white (the February mean of the same group's Manchester
# cohort was 45.7 nmol/L, 18.3 ng/mL; Webb 2010), 20 nmol/L South Asian (all < 50, 27 % < 12.5). Since
# session 13 (high-affinity 25-hydroxylation) the rise depends on them: white +30.2 / +26.3 / +23.1
# from 35 / 45 / 55 nmol/L; South Asian +25.8 / +23.1 / +19.6 / +16.3 from 12.5 / 20 / 30 / 40.
RHODES_DAYS = tuple(7 * w + d for w in range(6) for d in (0, 2, 4))
RHODES_MEASURE_DAY = 42


def rhodes2010_white_rise():
    """Rise of 25(OH)D after the 6-week course, white skin (type II)."""
    return lamp_rise(1.3, 0.35, 45.0, RHODES_DAYS, RHODES_MEASURE_DAY, skin_type=2, age_years=40.0)


def farrar2011_south_asian_rise():
    """Rise of 25(OH)D after the same course, South Asian skin (type V)."""
    return lamp_rise(1.3, 0.35, 20.0, RHODES_DAYS, RHODES_MEASURE_DAY, skin_type=5, age_years=40.0)
