"""The validation registry: each published target is data (``data/validation/targets.csv``):
citation, published value and spread, tolerance interval, role (``calibration`` -- used to set
a parameter -- or ``validation`` -- not used). Runners below reproduce each target's scenario."""

from __future__ import annotations

import csv
import functools
from contextlib import contextmanager as _contextmanager
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ..inputs.person import Person
from ..inputs.regimen import Dose
from ..simulation import Simulation


@dataclass(frozen=True)
class Target:
    id: str
    citation: str
    description: str
    published: str
    spread: str
    unit: str
    low: float
    high: float
    role: str
    slow: bool
    runner: str

    @property
    def published_text(self) -> str:
        return f"{self.published} {self.unit}"[:22]


@dataclass(frozen=True)
class Outcome:
    target: Target
    model_value: float

    @property
    def passed(self) -> bool:
        return bool(self.target.low <= self.model_value <= self.target.high)


def load_targets() -> list[Target]:
    with resources.files("calcifate.data.validation").joinpath("targets.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [Target(r["id"], r["citation"], r["description"], r["published"], r["spread"], r["unit"],
                   float(r["low"]), float(r["high"]), r["role"], r["slow"] == "true", r["runner"]) for r in rows]


def run_target(t: Target) -> Outcome:
    return Outcome(t, float(RUNNERS[t.runner]()))


def clear_cached_runs() -> None:
    """Forget the runs that rows of one citation share (``functools`` caches in the runner modules),
    e.g. before and after a what-if run."""
    import sys
    for name, mod in list(sys.modules.items()):
        if name.startswith(__package__ + ".") and mod is not None:
            for obj in list(vars(mod).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


@_contextmanager
def _what_if_scope(what_if: dict | None):
    """Inside: every simulation gets ``what_if`` (if any), with the shared cached runs cleared before
    and after so that no run leaks into or out of the what-if."""
    if not what_if:
        yield
        return
    from ..simulation import what_if as _what_if
    clear_cached_runs()
    try:
        with _what_if(what_if):
            yield
    finally:
        clear_cached_runs()


def _run_group(group: list[Target], what_if: dict | None = None) -> list[Outcome]:
    with _what_if_scope(what_if):
        return [run_target(t) for t in group]


def run_targets(targets: list[Target], jobs: int = 1, what_if: dict | None = None):
    """Yield the :class:`Outcome` of each target, in the given order, as soon as it and every earlier
    one are done. ``jobs`` > 1 runs them in that many processes; targets of one citation share a
    process (they share cached runs, e.g. the three Webb 2018a rows one simulated year).
    ``what_if``: parameter values (model units) given to every simulation of these runs
    (:func:`calcifate.simulation.what_if`); the outcomes are then not the registry's own."""
    if jobs <= 1 or len(targets) <= 1:
        with _what_if_scope(what_if):
            for t in targets:
                yield run_target(t)
        return
    import concurrent.futures as cf
    groups: dict[str, list[Target]] = {}
    for t in targets:
        groups.setdefault(t.citation, []).append(t)
    done: dict[str, Outcome] = {}
    nxt = 0
    with cf.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_run_group, g, what_if) for g in groups.values()]
        for fut in cf.as_completed(futures):
            for o in fut.result():
                done[o.target.id] = o
            while nxt < len(targets) and targets[nxt].id in done:
                yield done[targets[nxt].id]
                nxt += 1


def run_all(include_slow=True, only=None) -> list[Outcome]:
    return [run_target(t) for t in load_targets()
            if (include_slow or not t.slow) and (only is None or only in t.id)]


# --- runners -------------------------------------------------------------------------------------
def _person(**kw):
    base = dict(age_years=35, sex="male", body_weight_kg=75, height_cm=178, gfr_ml_min=100,
                dietary_calcium_mg_day=964)
    base.update(kw)
    return Person(**base)


def _half_life_after(days, values, t0, t1, baseline):
    sel = (days >= t0) & (days <= t1)
    excess = values[sel] - baseline
    slope = np.polyfit(days[sel], np.log(excess), 1)[0]
    return float(np.log(2) / -slope)


def _calcifediol_half_life(baseline):
    # a small (tracer-like) oral calcifediol dose: 10 ug
    sim = Simulation(_person(baseline_25ohd_nmol_l=baseline), [Dose("calcifediol", 10, "ug")], duration_days=40,
                     outputs=["25ohd"])
    r = sim.run()
    return _half_life_after(r.time_days, r["25ohd"], 5, 33, baseline)


def half_life_calcifediol_29():
    return _calcifediol_half_life(29.0)


def half_life_calcifediol_69():
    return _calcifediol_half_life(69.0)


def half_life_after_stop():
    base = 50.0
    sim = Simulation(_person(baseline_25ohd_nmol_l=base),
                     [Dose("vitamin D3", 4000, "IU", every_days=1, start_day=-140, stop_day=0)],
                     duration_days=120, outputs=["25ohd"])
    r = sim.run()
    return _half_life_after(r.time_days, r["25ohd"], 10, 90, base)


def _bolus_rise(iu: float, baseline: float, days: float, assumptions=None, substance: str = "vitamin D3"):
    """(days, rise of total 25(OH)D above baseline in nmol/L) after one oral dose of ``iu`` IU of
    ``substance`` on day 0, every 3 hours (default person: a healthy 35-year-old man)."""
    r = Simulation(_person(baseline_25ohd_nmol_l=baseline), [Dose(substance, iu, "IU")], duration_days=days,
                   outputs=["25ohd"], output_interval_hours=3.0, assumptions=dict(assumptions or {})).run()
    return np.asarray(r.time_days, dtype=float), np.asarray(r["25ohd"], dtype=float) - baseline


def _peak_time(t, c) -> float:
    """Time of the maximum, refined by a parabola through the grid maximum and its neighbours."""
    i = int(np.argmax(c))
    if 0 < i < len(c) - 1:
        c0, c1, c2 = c[i - 1], c[i], c[i + 1]
        den = c0 - 2 * c1 + c2
        if den < 0:
            return float(t[i] + 0.5 * (c0 - c2) / den * (t[i + 1] - t[i]))
    return float(t[i])


# Armas 2004: 50,000 IU D3 once, 20 healthy men (Omaha); baseline not in the abstract: 70 nmol/L
# assumed (Heaney 2003's men from the same group, 70.3 nmol/L; the model's rise hardly depends on it)
ARMAS_BASELINE = 70.0


def armas2004_tmax(assumptions=None):
    """Day of the 25(OH)D peak after 50,000 IU D3 (Armas 2004: still rising after day 3, peak at day 14)."""
    return _peak_time(*_bolus_rise(50000, ARMAS_BASELINE, 28, assumptions))


def armas2004_auc28(assumptions=None):
    """Area under the 25(OH)D rise above baseline, days 0-28, after 50,000 IU D3 (nmol.d/L)."""
    t, c = _bolus_rise(50000, ARMAS_BASELINE, 28, assumptions)
    return float(np.trapezoid(c, t))


def armas2004_d2_d3_ratio(assumptions=None):
    """Ratio of the 28-day areas under the total 25(OH)D rise after 50,000 IU D2 vs 50,000 IU D3."""
    t, c3 = _bolus_rise(50000, ARMAS_BASELINE, 28, assumptions)
    _, c2 = _bolus_rise(50000, ARMAS_BASELINE, 28, assumptions, substance="vitamin D2")
    return float(np.trapezoid(c2, t) / np.trapezoid(c3, t))


# Romagnoli 2008: 300,000 IU D2 or D3 once by mouth, 32 deficient women aged 66-97 in a nursing
# home (groups of 8). Person (assumptions): 80 years, 62 kg, 158 cm, GFR 60 mL/min, calcium 700
# mg/day, 25(OH)D 25 nmol/L at baseline (deficient; the abstract gives no baseline; the model's rise
# hardly depends on it).
ROMAGNOLI_BASELINE = 25.0


def _romagnoli_rise_day30(substance: str) -> float:
    p = Person(age_years=80, sex="female", body_weight_kg=62, height_cm=158, gfr_ml_min=60,
               baseline_25ohd_nmol_l=ROMAGNOLI_BASELINE, dietary_calcium_mg_day=700)
    r = Simulation(p, [Dose(substance, 300000, "IU")], duration_days=30, outputs=["25ohd"]).run()
    return float(r["25ohd"][-1]) - ROMAGNOLI_BASELINE


def romagnoli2008_d3_day30():
    """Rise of 25(OH)D 30 days after 300,000 IU D3 by mouth (nmol/L)."""
    return _romagnoli_rise_day30("vitamin D3")


def romagnoli2008_d2_d3_day30():
    """Ratio of the 30-day rises after 300,000 IU D2 and D3 by mouth."""
    return _romagnoli_rise_day30("vitamin D2") / _romagnoli_rise_day30("vitamin D3")


# De Niet 2018: 60 vitamin D-deficient adults (Belgium, winter), 25(OH)D3 14.3 ng/mL (35.7 nmol/L)
# at baseline; 50,000 IU D3 monthly or 2000 IU daily to the same 150,000 IU by day 75. Dose days of
# the monthly arm: 0, 25 and 50 (assumption: the abstract gives the sampling days 1-14 and 25 and
# the 75-day total, not the dosing dates).
DENIET_BASELINE = 35.7


def _deniet(regimen, assumptions=None):
    r = Simulation(_person(baseline_25ohd_nmol_l=DENIET_BASELINE), regimen, duration_days=75, outputs=["25ohd"],
                   assumptions=dict(assumptions or {})).run()
    return np.asarray(r["25ohd"], dtype=float)


def deniet2018_day1(assumptions=None):
    """25(OH)D one day after the first 50,000 IU (median time to 20 ng/mL = 50 nmol/L: 1 day)."""
    return float(_deniet([Dose("vitamin D3", 50000, "IU", every_days=25, stop_day=51)], assumptions)[1])


def deniet2018_monthly_day75(assumptions=None):
    return float(_deniet([Dose("vitamin D3", 50000, "IU", every_days=25, stop_day=51)], assumptions)[75])


def deniet2018_daily_day75(assumptions=None):
    return float(_deniet([Dose("vitamin D3", 2000, "IU", every_days=1)], assumptions)[75])


def ilahi2008_peak_rise(assumptions=None):
    """Peak rise of 25(OH)D after 100,000 IU D3 from 67.7 nmol/L (Ilahi 2008, 4 months of follow-up)."""
    _, c = _bolus_rise(100000, 67.7, 112, assumptions)
    return float(c.max())


def _logan_arms(assumptions=None):
    """Logan 2013: 25 ug/day D3, D2 or placebo for 25 weeks from a total 25(OH)D of 80 nmol/L (adults
    18-50). The seasonal (winter) decline they share is left out: the targets are differences
    between arms, and the vitamin D pharmacokinetics are close to linear at these inputs.
    Returns {arm: (total 25(OH)D, 25(OH)D3)} at week 25."""
    out = {}
    for arm, reg in (("placebo", []), ("D3", [Dose("vitamin D3", 25, "ug", every_days=1)]),
                     ("D2", [Dose("vitamin D2", 25, "ug", every_days=1)])):
        r = Simulation(_person(baseline_25ohd_nmol_l=80.0), reg, duration_days=175, outputs=["25ohd", "25ohd3"],
                       assumptions=dict(assumptions or {})).run()
        out[arm] = (float(r["25ohd"][-1]), float(r["25ohd3"][-1]))
    return out


def logan2013_total_d3_minus_d2(assumptions=None):
    a = _logan_arms(assumptions)
    return a["D3"][0] - a["D2"][0]


def logan2013_ohd3_d2_minus_placebo(assumptions=None):
    a = _logan_arms(assumptions)
    return a["D2"][1] - a["placebo"][1]


# Burt 2019 (Calgary): 311 healthy adults aged 55-70 (53 % men, mean age 62), D3 daily for 3 years;
# mean 25(OH)D at baseline, 3 months and 3 years: 4000 IU 81.3 / 115.3 / 132.2, 10,000 IU 78.4 /
# 188.0 / 144.4 nmol/L. Person: the default man aged 62 (assumption; the trial's sex mix is not run).
BURT_ARMS = {4000: 81.3, 10000: 78.4}


@functools.lru_cache(maxsize=None)
def _burt_rises(iu: int) -> tuple[float, float]:
    """(rise at 3 months, rise at 3 years) of 25(OH)D above baseline on ``iu`` IU/day D3."""
    base = BURT_ARMS[iu]
    r = Simulation(_person(baseline_25ohd_nmol_l=base, age_years=62), [Dose("vitamin D3", iu, "IU", every_days=1)],
                   duration_days=3 * 365, output_interval_hours=24, outputs=["25ohd"]).run()
    c = np.asarray(r["25ohd"], dtype=float)
    return float(c[91] - base), float(c[-1] - base)


def burt2019_4000_3m():
    return _burt_rises(4000)[0]


def burt2019_4000_3y():
    return _burt_rises(4000)[1]


def burt2019_10000_3m():
    return _burt_rises(10000)[0]


def burt2019_10000_3y():
    return _burt_rises(10000)[1]


def burt2019_10000_fall():
    """Rise at 3 years relative to the rise at 3 months, 10,000 IU/day (published 66.0 / 109.6)."""
    m3, y3 = _burt_rises(10000)
    return y3 / m3


# Cashman 2012: adults aged >= 50 (Cork, n = 56), placebo, 20 ug/day D3, or 7 or 20 ug/day
# calcifediol (25(OH)D3) for 10 weeks of winter; rise of 25(OH)D over baseline per ug of daily dose.
# Baseline not in the abstract: 50 nmol/L assumed; a woman aged 60. The published rises are over
# baseline, not over placebo: any winter decline they share makes them smaller than the model's
# (which holds the background constant).
CASHMAN_BASELINE = 50.0


def _cashman_per_ug(substance: str, ug: float) -> float:
    p = _person(baseline_25ohd_nmol_l=CASHMAN_BASELINE, age_years=60, sex="female", body_weight_kg=70, height_cm=165)
    r = Simulation(p, [Dose(substance, ug, "ug", every_days=1)], duration_days=70, outputs=["25ohd"]).run()
    return float((r["25ohd"][-1] - CASHMAN_BASELINE) / ug)


def cashman2012_d3_20():
    return _cashman_per_ug("vitamin D3", 20.0)


def cashman2012_calcifediol_7():
    return _cashman_per_ug("calcifediol", 7.0)


def cashman2012_calcifediol_20():
    return _cashman_per_ug("calcifediol", 20.0)


# Bischoff-Ferrari 2012 (JBMR 27:160): 20 healthy postmenopausal women (61.5 years, 25(OH)D 13.2
# ng/mL = 33 nmol/L) took 20 ug/day 25(OH)D3 (HyD) or 20 ug/day (800 IU) D3 for 4 months (14
# visits; the last on day 119, as arm 28 of the Huang & You 2021 test set, which is this trial's D3
# arm); final 69.5 and 31.0 ng/mL (173.5 and 77.4 nmol/L). The person (a woman aged 62, 70 kg, 165
# cm) is an assumption; the day-0 mean is matched by the background. Added in session 14, with the
# +-30 % tolerance of the other dose targets fixed before the model was run: a second calcifediol
# trial beside Cashman 2012, whose per-ug rises (4.0-4.8) are lower than this trial's (7.0).
BISCHOFF_BASELINE = 33.0


@functools.lru_cache(maxsize=None)
def _bischoff_rise(substance: str) -> float:
    p = _person(baseline_25ohd_nmol_l=BISCHOFF_BASELINE, age_years=62, sex="female", body_weight_kg=70,
                height_cm=165)
    r = Simulation(p, [Dose(substance, 20.0, "ug", every_days=1)], duration_days=119, outputs=["25ohd"]).run()
    return float(r["25ohd"][-1] - BISCHOFF_BASELINE)


def bischoff2012_calcifediol_rise():
    return _bischoff_rise("calcifediol")


def bischoff2012_d3_rise():
    return _bischoff_rise("vitamin D3")


def bischoff2012_calcifediol_vs_d3():
    return _bischoff_rise("calcifediol") / _bischoff_rise("vitamin D3")


# Mocanu 2009 (AJCN 89:1132) and Mocanu & Vieth 2013 (Nutr J 12:137): 45 sun-deprived nursing-home
# residents (Iasi, Romania; 25(OH)D 28.5 nmol/L) ate a bun with 125 ug (5000 IU) D3 and 320 mg calcium
# daily for 12 months (125.6 nmol/L; arm 70 of the Huang & You 2021 test set, an even arm, held out of
# the calibration); then nothing. 23 of them, aged 60-82, were seen again 1 and 3 years after the bread
# stopped: 64.9 and 28.0 nmol/L (end of the bread year in that subgroup: 127.3). Added in session 15
# to test how long vitamin D status persists after a long intake, with the +-30 % tolerance of the
# other dose targets applied by that rule (the model's values had been seen in the exploratory run
# that led to this trial; nothing was tuned to them). The person (a woman aged
# 72, 65 kg, 158 cm, GFR 70 mL/min, 700 mg/day dietary calcium) is an assumption: the abstracts give
# only the age range; the day-0 mean is matched by the background input, as for every trial here.
MOCANU_BASELINE = 28.5
MOCANU_DAYS = 365


@functools.lru_cache(maxsize=None)
def _mocanu_run():
    p = _person(baseline_25ohd_nmol_l=MOCANU_BASELINE, age_years=72, sex="female", body_weight_kg=65,
                height_cm=158, gfr_ml_min=70, dietary_calcium_mg_day=700)
    doses = [Dose("vitamin D3", 125.0, "ug", every_days=1, stop_day=MOCANU_DAYS),
             Dose("calcium", 320.0, "mg", every_days=1, stop_day=MOCANU_DAYS)]
    r = Simulation(p, doses, duration_days=4 * MOCANU_DAYS, outputs=["25ohd"],
                   output_interval_hours=24.0 * MOCANU_DAYS).run()
    return np.asarray(r["25ohd"], dtype=float)  # days 0, 365, 730, 1095, 1460


def mocanu2009_end_of_year():
    """25(OH)D (nmol/L) on the last day of 12 months of 125 ug/day D3 (the last bun on day 364)."""
    return float(_mocanu_run()[1])


def mocanu2013_one_year_after():
    """25(OH)D (nmol/L) one year after the 12 months of 125 ug/day D3 stopped."""
    return float(_mocanu_run()[2])


def mocanu2013_three_years_after():
    """25(OH)D (nmol/L) three years after the 12 months of 125 ug/day D3 stopped."""
    return float(_mocanu_run()[4])


# Vitamin D3 itself, in serum and in fat (session 15): the disposition of D3 that the 25(OH)D rows
# above only see through 25(OH)D. Tolerances: the published 95 % interval where the abstract gives
# one, otherwise +-30 % as for the dose targets, applied by rule (the model's values had been seen in
# an exploratory run; nothing was tuned to them). Persons are
# assumptions (the abstracts give none): Best 2020, a woman aged 50, 85 kg, 168 cm, 25(OH)D 60
# nmol/L; the Tromso prediabetes trial (Didriksen 2015, Martinaityte 2017), a man aged 62, 92 kg, 175
# cm (BMI 30), GFR 90 mL/min, 20,000 IU D3 a week for 4 years (the trial: 3-5), from each paper's
# placebo 25(OH)D.
@functools.lru_cache(maxsize=None)
def _best_d3_rise(iu: float) -> float:
    p = _person(baseline_25ohd_nmol_l=60.0, age_years=50, sex="female", body_weight_kg=85, height_cm=168)
    r = Simulation(p, [Dose("vitamin D3", iu, "IU", every_days=1)], duration_days=91,
                   outputs=["vitamin_d3_plasma"]).run()
    d3 = np.asarray(r["vitamin_d3_plasma"], dtype=float)
    return float(d3[-1] - d3[0])  # placebo: no change in the model (steady state)


def best2020_serum_d3_2000():
    """Rise of serum vitamin D3 (nmol/L) after 3 months of 2000 IU/day D3 (Best 2020, pilot 1)."""
    return _best_d3_rise(2000.0)


def best2020_serum_d3_ratio():
    """3-month rise of serum vitamin D3 on 4000 vs 2000 IU/day (Best 2020, pilot 2)."""
    return _best_d3_rise(4000.0) / _best_d3_rise(2000.0)


TROMSO_WEEKS = 4 * 52


@functools.lru_cache(maxsize=None)
def _tromso_run(placebo_25ohd: float, supplemented: bool):
    """(25(OH)D, D3 in fat) on the day supplementation stops and 12 months later."""
    p = _person(baseline_25ohd_nmol_l=placebo_25ohd, age_years=62, sex="male", body_weight_kg=92,
                height_cm=175, gfr_ml_min=90)
    doses = [Dose("vitamin D3", 20000.0, "IU", every_days=7, start_day=-7 * TROMSO_WEEKS, stop_day=0)] \
        if supplemented else []
    r = Simulation(p, doses, duration_days=365, outputs=["25ohd", "D3_fat"], output_interval_hours=365 * 24.0).run()
    return np.asarray(r["25ohd"], dtype=float), np.asarray(r["D3_fat"], dtype=float)


def didriksen2015_fat_d3_ratio():
    """Subcutaneous-fat vitamin D3 after years of 20,000 IU/week over placebo's (same fat mass, so the
    ratio of the fat stores)."""
    return float(_tromso_run(62.0, True)[1][0] / _tromso_run(62.0, False)[1][0])


def martinaityte2017_excess_12m():
    """25(OH)D 12 months after stopping 20,000 IU/week, minus placebo's (nmol/L)."""
    return float(_tromso_run(71.0, True)[0][-1] - _tromso_run(71.0, False)[0][-1])


def martinaityte2017_fat_d3_fall():
    """Fall of the fat's vitamin D3 over the 12 months after stopping 20,000 IU/week (%)."""
    fat = _tromso_run(71.0, True)[1]
    return float(100.0 * (1.0 - fat[-1] / fat[0]))


# Huang & You 2021 (CPT Pharmacometrics Syst Pharmacol 10:723), Figure S7: the test set of daily D3
# dose arms (arm means, pooled from published trials). tools/calibrate_vitamin_d_low_status.py fits
# the high-affinity 25-hydroxylation on the odd-numbered arms; the even-numbered arms lasting at least
# 180 days are held out here: (arm, ug/day, days, 25(OH)D at day 0, at the end; nmol/L).
HUANGYOU_HELD_OUT = [
    (8, 15.0, 360, 77.0, 91.0), (10, 17.5, 360, 79.0, 136.0), (12, 17.5, 360, 67.0, 107.0),
    (14, 20.0, 360, 24.0, 77.0), (20, 20.0, 360, 68.0, 77.0), (32, 20.0, 182, 21.0, 65.0),
    (36, 25.0, 280, 13.0, 57.0), (44, 25.0, 270, 37.0, 69.0), (48, 40.0, 360, 37.0, 93.0),
    (52, 50.0, 180, 15.0, 84.0), (60, 50.0, 360, 53.0, 87.0), (64, 60.0, 360, 38.0, 104.0),
    (68, 120.0, 360, 39.0, 119.0), (70, 125.0, 360, 28.0, 125.0)]


@functools.lru_cache(maxsize=None)
def _huangyou_ratio(arm: int) -> float:
    """Model / observed 25(OH)D at the end of one held-out arm (a 50-year-old woman, 70 kg, 165 cm:
    the test set gives no per-arm demographics; the arm's day-0 mean matched by the background)."""
    _, ug, days, base, end = next(a for a in HUANGYOU_HELD_OUT if a[0] == arm)
    p = _person(baseline_25ohd_nmol_l=base, age_years=50, sex="female", body_weight_kg=70, height_cm=165)
    r = Simulation(p, [Dose("vitamin D3", ug, "ug", every_days=1)], duration_days=days, outputs=["25ohd"]).run()
    return float(r["25ohd"][-1] / end)


def _huangyou_mean_ratio(lo: float, hi: float) -> float:
    return float(np.mean([_huangyou_ratio(a[0]) for a in HUANGYOU_HELD_OUT if lo <= a[3] < hi]))


def huangyou2021_low_baseline():
    return _huangyou_mean_ratio(0.0, 30.0)


def huangyou2021_mid_baseline():
    return _huangyou_mean_ratio(30.0, 60.0)


def huangyou2021_replete_baseline():
    return _huangyou_mean_ratio(60.0, 1000.0)


# arms with a mean at day 90 and at day 360: (arm, ug/day, day-0 mean), nmol/L
HUANGYOU_DAY90_ARMS = [(20, 20.0, 68.0), (21, 20.0, 67.0), (47, 40.0, 75.0)]


def huangyou2021_replete_day90_to_360():
    """Mean change of 25(OH)D from day 90 to day 360 over HUANGYOU_DAY90_ARMS (nmol/L; each arm run
    as in _huangyou_ratio: a 50-year-old woman, the arm's day-0 mean matched)."""
    change = []
    for _, ug, base in HUANGYOU_DAY90_ARMS:
        p = _person(baseline_25ohd_nmol_l=base, age_years=50, sex="female", body_weight_kg=70, height_cm=165)
        r = Simulation(p, [Dose("vitamin D3", ug, "ug", every_days=1)], duration_days=360, outputs=["25ohd"],
                       output_interval_hours=90 * 24.0).run()
        c = r["25ohd"]  # days 0, 90, 180, 270, 360
        change.append(float(c[-1] - c[1]))
    return float(np.mean(change))


def _steady_c25(person, d3_ug_day, assumptions=None):
    """Steady-state 25(OH)D with a constant extra vitamin D3 input (ug/day)."""
    from ..solve.steady_state import vitamin_d_steady_state
    sim = Simulation(person, None, duration_days=1, assumptions=dict(assumptions or {}))
    vals = sim.base_parameters()
    y = np.zeros(len(sim.cm.model.states))
    _, p, b = vitamin_d_steady_state(sim.cm, [vals[n] for n in sim.pset.names], y,
                                     person.baseline_25ohd_nmol_l, sim.pset.names)
    vals = dict(zip(sim.pset.names, p))
    vals["D3_food_ug_day"] = vals["D3_food_ug_day"] + d3_ug_day
    y2, p2, _ = vitamin_d_steady_state(sim.cm, [vals[n] for n in sim.pset.names], y, None, sim.pset.names)
    with np.errstate(divide="ignore", invalid="ignore"):  # core states may be zero here (vitamin D only): harmless 0/0 in unused intermediates
        obs = sim.cm.observe(0.0, y2[:, None], np.asarray(p2)[:, None])
    return float(np.ravel(obs["C_OHD"])[0])


def heaney_slope(assumptions=None):
    """Heaney 2003: 25(OH)D after 20 weeks of 0/25/125/250 ug/day D3 from 70.3 nmol/L; slope of the
    rise over dose (nmol/L per ug/day). ``assumptions``: parameter values (tools/calibrate_vitamin_d.py)."""
    doses = np.array([0.0, 25.0, 125.0, 250.0])
    finals = []
    for d in doses:
        reg = [Dose("vitamin D3", d, "ug", every_days=1)] if d else []
        r = Simulation(_person(baseline_25ohd_nmol_l=70.3), reg, duration_days=140, outputs=["25ohd"],
                       assumptions=dict(assumptions or {})).run()
        finals.append(r["25ohd"][-1])
    finals = np.array(finals)
    return float(np.polyfit(doses, finals - finals[0], 1)[0])


def ekwaru_low(assumptions=None):
    p = _person(baseline_25ohd_nmol_l=60.0)
    return _steady_c25(p, 25.0, assumptions) - _steady_c25(p, 0.0, assumptions)


def ekwaru_high(assumptions=None):
    p = _person(baseline_25ohd_nmol_l=60.0)
    return (_steady_c25(p, 500.0, assumptions) - _steady_c25(p, 375.0, assumptions)) / 5.0


def ekwaru_obesity():
    # equal background vitamin D input: the normal-weight person's baseline 60 nmol/L sets it
    normal = _person(baseline_25ohd_nmol_l=60.0, body_weight_kg=71.3, height_cm=180)  # BMI 22
    sim = Simulation(normal, None, duration_days=1)
    vals = sim.base_parameters()
    sim.initial_state(vals)
    bg = sim.background_d3_ug_day
    obese = _person(baseline_25ohd_nmol_l=None, body_weight_kg=113.4, height_cm=180)  # BMI 35
    from ..solve.steady_state import vitamin_d_steady_state
    out = []
    for person in (normal, obese):
        s = Simulation(person, None, duration_days=1)
        v = s.base_parameters()
        v["D3_background_ug_day"] = bg
        v["D3_food_ug_day"] = 50.0  # 2000 IU/day
        y, p, _ = vitamin_d_steady_state(s.cm, [v[n] for n in s.pset.names], np.zeros(len(s.cm.model.states)),
                                         None, s.pset.names)
        with np.errstate(divide="ignore", invalid="ignore"):  # core states may be zero here (vitamin D only): harmless 0/0 in unused intermediates
            obs = s.cm.observe(0.0, y[:, None], np.asarray(p)[:, None])
        out.append(float(np.ravel(obs["C_OHD"])[0]))
    return out[1] - out[0]


def _day0(person, output):
    """One output of ``person`` at day 0 (their steady state), no regimen."""
    return float(Simulation(person, None, duration_days=1, outputs=[output]).run()[output][0])


def _pth_at(c25):
    return _day0(_person(baseline_25ohd_nmol_l=c25), "pth")


def pth_ratio_20_80():
    return _pth_at(20.0) / _pth_at(80.0)


def pth_ratio_120_80():
    return _pth_at(120.0) / _pth_at(80.0)


def toxicity_calcium():
    r = Simulation(_person(baseline_25ohd_nmol_l=60.0), [Dose("vitamin D3", 50000, "IU", every_days=1)],
                   duration_days=120, outputs=["serum_calcium", "25ohd"]).run()
    return float(r["serum_calcium"][-1])


def calcium_at(c25: float, assumptions: dict | None = None) -> float:
    """Serum calcium (mmol/L) at a sustained 25(OH)D of ``c25`` nmol/L (the person's steady state)."""
    sim = Simulation(_person(baseline_25ohd_nmol_l=c25), None, duration_days=1, outputs=["serum_calcium"],
                     assumptions=dict(assumptions or {}))
    return float(sim.run()["serum_calcium"][0])


def calcium_at_250():
    return calcium_at(250.0)


def calcium_at_375():
    return calcium_at(375.0)



# --- bone loss with age and menopause (BMD change per year over 2 years) --------------------------
#: inputs at which the calcium core is at zero calcium balance (the published reference adult)
NEUTRAL_INPUTS = dict(body_weight_kg=70, height_cm=165, gfr_ml_min=100, baseline_25ohd_nmol_l=70,
                      dietary_calcium_mg_day=964)


def _bmd_rate(person, output, years=2.0):
    r = Simulation(person, None, duration_days=365.0 * years, output_interval_hours=24 * 30,
                   outputs=[output]).run()
    return float(r[output][-1]) / years


def absorption_ratio_200_2000():
    """True fractional calcium absorption at a habitual 200 vs 2000 mg/day (a 50-year-old woman,
    steady state; isotope methods measure true absorption, before endogenous faecal calcium)."""
    lo, hi = (_day0(Person(age_years=50, sex="female", **{**NEUTRAL_INPUTS, "dietary_calcium_mg_day": ca}),
                    "calcium_absorbed_true_fraction") for ca in (200.0, 2000.0))
    return lo / hi


def tai2015_supplement_fn():
    """Femoral-neck BMD, calcium 500 mg twice daily minus placebo after 2 years: a typical untreated
    70-year-old woman (800 mg/day dietary calcium, GFR 75 mL/min, 25(OH)D 60 nmol/L)."""
    out = []
    for reg in ([], [Dose("calcium", 500, "mg", every_days=0.5)]):
        p = Person(age_years=70, sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=75,
                   baseline_25ohd_nmol_l=60, dietary_calcium_mg_day=800)
        r = Simulation(p, reg, duration_days=730, output_interval_hours=24 * 365,
                       outputs=["bmd_femoral_neck_change"]).run()
        out.append(float(r["bmd_femoral_neck_change"][-1]))
    return out[1] - out[0]


def urine_calcium_gfr30_vs_90():
    """Urinary calcium at GFR 30 vs 90 mL/min (a 60-year-old woman at the reference inputs otherwise)."""
    low_gfr, ref = (_day0(Person(age_years=60, sex="female", **{**NEUTRAL_INPUTS, "gfr_ml_min": g}), "urinary_calcium")
                    for g in (30.0, 90.0))
    return low_gfr / ref


def urine_calcium_gfr20_vs_40():
    """Urinary calcium at GFR 20 vs 40 mL/min (same person): the lower end of CRIC's eGFR range."""
    low_gfr, ref = (_day0(Person(age_years=60, sex="female", **{**NEUTRAL_INPUTS, "gfr_ml_min": g}), "urinary_calcium")
                    for g in (20.0, 40.0))
    return low_gfr / ref


def meno_spine_loss():
    return _bmd_rate(Person(age_years=51, sex="female", **NEUTRAL_INPUTS), "bmd_lumbar_change")


def sowers2010_late_spine():
    """Lumbar-spine BMD change per year from 2 to 7 years after the final menstrual period (age 53-58,
    the reference inputs; the model's menopause is at ``age_menopause`` = 51)."""
    return _bmd_rate(Person(age_years=53, sex="female", **NEUTRAL_INPUTS), "bmd_lumbar_change", years=5.0)


def sowers2010_pre_fmp_spine():
    """Lumbar-spine BMD change per year in the 2 years before the final menstrual period (age 49-51)."""
    return _bmd_rate(Person(age_years=49, sex="female", **NEUTRAL_INPUTS), "bmd_lumbar_change")


def _bmd_change(person, output, years):
    r = Simulation(person, None, duration_days=365.25 * years, output_interval_hours=24 * 30,
                   outputs=[output]).run()
    return float(r[output][-1])


def greendale2012_transmenopause_fn():
    """Femoral-neck BMD change over the transmenopause, 1 year before to 2 years after the final
    menstrual period (a woman aged 50 followed 3 years; the model's menopause is at 51), %."""
    return _bmd_change(Person(age_years=50, sex="female", **NEUTRAL_INPUTS), "bmd_femoral_neck_change", 3.0)


def greendale2012_10y_spine():
    """Lumbar-spine BMD change over the 10 years from 5 years before to 5 years after the FMP, %."""
    return _bmd_change(Person(age_years=46, sex="female", **NEUTRAL_INPUTS), "bmd_lumbar_change", 10.0)


def greendale2012_10y_fn():
    """Femoral-neck BMD change over the same 10 years, %."""
    return _bmd_change(Person(age_years=46, sex="female", **NEUTRAL_INPUTS), "bmd_femoral_neck_change", 10.0)


def _garnero1996(output: str) -> float:
    """Mean of ``output`` in postmenopausal women aged 55, 65 and 75 (4-24 years after the model's
    menopause at 51) relative to a premenopausal woman aged 45, all at the reference inputs, in %
    (Garnero 1996: cross-sectional, 653 women, postmenopausal for 1 to 40 years)."""
    pre = _day0(Person(age_years=45, sex="female", **NEUTRAL_INPUTS), output)
    post = [_day0(Person(age_years=a, sex="female", **NEUTRAL_INPUTS), output) for a in (55.0, 65.0, 75.0)]
    return 100.0 * (float(np.mean(post)) / pre - 1.0)


def garnero1996_resorption():
    """Osteoclasts (the core's resorption marker), postmenopausal vs premenopausal, %."""
    return _garnero1996("OC")


def garnero1996_formation():
    """Serum osteocalcin (a formation marker), postmenopausal vs premenopausal, %."""
    return _garnero1996("osteocalcin")


def older_woman_replete_fn():
    return _bmd_rate(Person(age_years=70, sex="female", **NEUTRAL_INPUTS), "bmd_femoral_neck_change")


def older_woman_usual_intake_fn():
    # a typical untreated 70-year-old woman: 800 mg/day calcium, GFR 75 mL/min, 25(OH)D 60 nmol/L
    return _bmd_rate(Person(age_years=70, sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=75,
                            baseline_25ohd_nmol_l=60, dietary_calcium_mg_day=800), "bmd_femoral_neck_change")


def peacock_placebo_hip():
    # Peacock 2000 placebo arm: mean age 73.7 y, median calcium intake 546 mg/day, 25(OH)D 59 nmol/L;
    # GFR not reported (70 mL/min assumed for the age)
    return _bmd_rate(Person(age_years=74, sex="female", body_weight_kg=70, height_cm=160, gfr_ml_min=70,
                            baseline_25ohd_nmol_l=59, dietary_calcium_mg_day=546), "bmd_femoral_neck_change")


_RIGGS1998: dict = {}


def _riggs1998(output: str) -> tuple[np.ndarray, np.ndarray]:
    """Riggs 1998: calcium citrate 1600 mg/day (taken as 800 mg twice daily; assumption) vs placebo
    for 4 years in 236 postmenopausal women, mean age 66.3 y. Person: 66-year-old woman, 68 kg,
    160 cm, GFR 75 mL/min, 25(OH)D 60 nmol/L, 800 mg/day dietary calcium (assumptions, not reported
    as such). Returns the (placebo, calcium) arms of ``output`` at 0, 1, 2, 3 and 4 years."""
    if output not in _RIGGS1998:
        arms = []
        for reg in ([], [Dose("calcium", 800, "mg", every_days=0.5)]):
            person = Person(age_years=66, sex="female", body_weight_kg=68, height_cm=160, gfr_ml_min=75,
                            baseline_25ohd_nmol_l=60, dietary_calcium_mg_day=800)
            r = Simulation(person, reg, duration_days=4 * 365.25, output_interval_hours=365.25 * 24,
                           outputs=[output]).run()
            arms.append(np.asarray(r[output], dtype=float))
        _RIGGS1998[output] = tuple(arms)
    return _RIGGS1998[output]


def riggs1998_pth_4y():
    """Serum PTH, calcium minus placebo at 4 years, % of placebo."""
    placebo, calcium = _riggs1998("pth")
    return 100.0 * (calcium[-1] / placebo[-1] - 1.0)


def riggs1998_resorption_4y():
    """Osteoclasts (the core's resorption marker), calcium vs placebo at 4 years, % of placebo."""
    placebo, calcium = _riggs1998("OC")
    return 100.0 * (calcium[-1] / placebo[-1] - 1.0)


def riggs1998_femur_4y():
    """Femoral-neck BMD (for the trial's proximal femur), calcium minus placebo at 4 years (points)."""
    placebo, calcium = _riggs1998("bmd_femoral_neck_change")
    return float(calcium[-1] - placebo[-1])


def riggs1998_total_body_4y():
    """Skeletal calcium (for the trial's total-body bone mineral), calcium vs placebo at 4 years, %."""
    placebo, calcium = _riggs1998("bone_calcium")
    return 100.0 * (calcium[-1] / placebo[-1] - 1.0)


def riggs1998_spine_1y():
    """Lumbar-spine BMD, calcium minus placebo at 1 year (points)."""
    placebo, calcium = _riggs1998("bmd_lumbar_change")
    return float(calcium[1] - placebo[1])


def riggs1998_spine_4y():
    """Lumbar-spine BMD, calcium minus placebo at 4 years (points)."""
    placebo, calcium = _riggs1998("bmd_lumbar_change")
    return float(calcium[-1] - placebo[-1])


_NEER_PLACEBO: dict = {}


def neer2001_difference(dose_ug: float, output: str, assumptions: dict | None = None) -> float:
    """Teriparatide ``dose_ug`` ug/day s.c. minus placebo after 21 months (Neer 2001: postmenopausal
    women, mean age 69, prior vertebral fractures; every woman took 1000 mg/day calcium and
    400-1200 IU/day vitamin D). Person: 69-year-old woman, 65 kg, 160 cm, GFR 75 mL/min, 800 mg/day
    dietary calcium plus the trial's 1000 mg/day, 25(OH)D 70 nmol/L (assumptions, not reported as
    such). The placebo arm does not depend on the anabolic term and is cached."""
    assumptions = dict(assumptions or {})

    def arm(drug, a):
        p = Person(age_years=69, sex="female", body_weight_kg=65, height_cm=160, gfr_ml_min=75,
                   baseline_25ohd_nmol_l=70, dietary_calcium_mg_day=800)
        reg = [Dose("calcium", 1000, "mg", every_days=1)] + drug
        r = Simulation(p, reg, duration_days=21 * 30.44, output_interval_hours=24 * 30, outputs=[output],
                       assumptions=a).run()
        return float(r[output][-1])

    key = (output, tuple(sorted((k, v) for k, v in assumptions.items() if k not in ("g_ana_ls", "fn_ana_scale"))))
    if key not in _NEER_PLACEBO:
        _NEER_PLACEBO[key] = arm([], assumptions)
    return arm([Dose("teriparatide", dose_ug, "ug", every_days=1)], assumptions) - _NEER_PLACEBO[key]


def neer2001_spine():
    return neer2001_difference(20.0, "bmd_lumbar_change")


def neer2001_femoral_neck():
    return neer2001_difference(20.0, "bmd_femoral_neck_change")


def neer2001_spine_40():
    return neer2001_difference(40.0, "bmd_lumbar_change")


def neer2001_femoral_neck_40():
    return neer2001_difference(40.0, "bmd_femoral_neck_change")


# every public no-argument function of this module is a runner; these names are not
_NOT_RUNNERS = ("load_targets", "run_target", "run_targets", "run_all", "clear_cached_runs", "dataclass", "Person", "Dose",
                "Simulation", "Target", "Outcome", "NEUTRAL_INPUTS", "neer2001_difference", "calcium_at")
RUNNERS = {name: fn for name, fn in globals().items() if callable(fn) and not name.startswith("_")
           and name not in _NOT_RUNNERS}

from .sun_targets import (bogh2011_area_ratio, bogh2011_baseline_ratio, bogh2011_dose_ratio,  # noqa: E402
                          farrar2011_south_asian_rise, rhodes2010_white_rise,
                          webb1988_dec_jan_vs_june, webb1988_winter_months_missed,
                          webb2018a_end_of_summer, webb2018a_winter_decline,
                          webb2018a_winter_min, webb2018b_type5_9min_winter_min, webb2018b_type5_25min_winter_min)

RUNNERS = {name: fn for name, fn in globals().items() if callable(fn) and not name.startswith("_")
           and name not in _NOT_RUNNERS}

from . import vitamin_k as _vitamin_k  # noqa: E402  (vitamin K targets live in their own module)

RUNNERS.update(_vitamin_k.RUNNERS)
