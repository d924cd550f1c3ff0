"""Calibrate the vitamin D3 -> 25(OH)D dose-response and the absorbed-oral depot together (role:
calibration targets).

Targets, scored with the validation registry's own runners (so the tool measures what
``calcifate validate`` measures):

* ``heaney2003_slope`` -- 20-week runs at 0/25/125/250 ug/day D3 from 70.3 nmol/L (Heaney 2003: 0.70
  nmol/L per ug/day; tolerance 0.49-0.91);
* ``ekwaru2014_low_slope`` / ``ekwaru2014_high_slope`` -- steady states at 0-1000 and 15,000-20,000
  IU/day (Ekwaru 2014, long-term users: 12.0 and 1.1 nmol/L per 1000 IU/day; tolerances 8.4-15.6
  and 0-2.2);
* ``deniet2018_day1`` -- 25(OH)D one day after 50,000 IU from 35.7 nmol/L (45-60 nmol/L);
* ``armas2004_d3_tmax`` -- day of the 25(OH)D peak after 50,000 IU (10-21 days).

Free parameters: ``Vmax_25`` (the yield of 25(OH)D per ug of D3), ``cat_c50`` (where induced
25(OH)D catabolism sets in), ``f_dep`` and ``t_half_dep_days`` (the bolus time course). The
induced catabolism's size, steepness and time constant are held at the top of their documented
ranges (``cat_max`` 4, ``cat_gam`` 6, ``tau_cat_days`` 1095): the searches below found every one of
them pressed against that bound.

Why these targets conflict, and the rule used. With an instantaneous catabolism (before session
10) Heaney's near-linear 20-week rise and Ekwaru's ~11-fold flattening at steady state could not
both be met: session 6 searched ``Vmax_25``, ``Km_25``, ``cat_max``, ``cat_c50`` and ``cat_gam`` and
the best point missed all three (Ekwaru 15.9 / 2.86, Heaney 0.37); the compromise then in use missed
all three too (19.6 / 6.28 / 0.474). Session 10 made the induction slow (state ``CYP24``; Burt 2019
saw 25(OH)D on 10,000 IU/day fall from 188 nmol/L at 3 months to 144 at 3 years), so a 20-week
trial sees little of it and long-term users all of it. That brings Heaney and Ekwaru's high-dose
slope within reach of each other, but not every target at once: a yield of 25(OH)D per ug low
enough for Ekwaru's low-dose slope (15.6 at most) leaves the bolus pair short (one day after 50,000
IU 44.3 instead of 45 nmol/L, with the peak on day 9.8 instead of 10 or later; a first session-10
search that kept Ekwaru's low slope inside). The rule used: the randomised and pharmacokinetic
trials (Heaney 2003, De Niet 2018, Armas 2004) are kept inside their tolerances (with a 1 % margin
of each interval), and the two slopes of Ekwaru 2014 -- a cross-sectional cohort with self-reported
doses -- take what is left: the search minimises the sum of their log distances above their upper
bounds.

Usage: ``python tools/calibrate_vitamin_d.py [--check] [--max-evaluations N]``; prints the
evaluations and the best point; copy values into data/parameters/calibrated.csv by hand, then
re-run tools/calibrate_vitamin_d2.py (the D2 parameters are fitted on top of these).
"""
import sys

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, "src")
from calcifate.knowledge.parameters import load_parameter_set  # noqa: E402
from calcifate.validate import registry  # noqa: E402

FREE = ("Vmax_25", "cat_c50", "f_dep", "t_half_dep_days")
FIXED = {"cat_max": 4.0, "cat_gam": 6.0, "tau_cat_days": 1095.0}
# (published, low, high) of each target, as in data/validation/targets.csv
KEPT_INSIDE = {"heaney": (0.70, 0.49, 0.91), "deniet_day1": (50.0, 45.0, 60.0), "armas_tmax": (14.0, 10.0, 21.0)}
MINIMISED = {"ekwaru_low": (12.0, 8.4, 15.6), "ekwaru_high": (1.1, 0.0, 2.2)}
MARGIN = 0.01


def metrics(values: dict) -> dict:
    a = dict(FIXED, **values)
    return {"heaney": registry.heaney_slope(a), "ekwaru_low": registry.ekwaru_low(a),
            "ekwaru_high": registry.ekwaru_high(a), "deniet_day1": registry.deniet2018_day1(a),
            "armas_tmax": registry.armas2004_tmax(a)}


def score(m: dict) -> float:
    s = 0.0
    for k, (_, lo, hi) in KEPT_INSIDE.items():
        w = hi - lo
        outside = max(lo + MARGIN * w - m[k], m[k] - (hi - MARGIN * w), 0.0) / w
        s += 100.0 * outside ** 2
    for k, (_, _, hi) in MINIMISED.items():
        s += np.log(max(m[k], 1e-9) / hi) if m[k] > hi else 0.0
    return s


def search(start: dict, max_evaluations: int = 60):
    ps = load_parameter_set("calcifate")
    lo = np.array([max(ps.info[k].low, 1e-3) for k in FREE])
    hi = np.array([ps.info[k].high for k in FREE])

    def unpack(z):
        return {k: float(np.clip(z[i], lo[i], hi[i])) for i, k in enumerate(FREE)}

    def objective(z):
        v = unpack(z)
        m = metrics(v)
        out = score(m) + 10 * float(np.sum((np.maximum(z - hi, 0) / hi) ** 2 + (np.maximum(lo - z, 0) / hi) ** 2))
        print(f"{out:.5f}", {k: round(x, 4) for k, x in v.items()}, {k: round(x, 4) for k, x in m.items()}, flush=True)
        return out

    z0 = np.array([start[k] for k in FREE])
    steps = np.array([10.0, 8.0, 0.04, 1.0])
    simplex = [z0] + [z0 + steps[i] * np.eye(len(FREE))[i] for i in range(len(FREE))]
    res = minimize(objective, z0, method="Nelder-Mead",
                   options={"maxfev": max_evaluations, "initial_simplex": simplex, "xatol": 1e-3, "fatol": 1e-5})
    return unpack(res.x), res.fun


if __name__ == "__main__":
    ps = load_parameter_set("calcifate")
    if "--check" in sys.argv:
        current = {k: ps[k] for k in FREE}
        m = metrics(current)
        print(dict(FIXED, **current), m, "score", round(score(m), 5))
        sys.exit(0)
    n = int(sys.argv[sys.argv.index("--max-evaluations") + 1]) if "--max-evaluations" in sys.argv else 60
    start = dict(Vmax_25=335.0, cat_c50=205.0, f_dep=0.63, t_half_dep_days=10.2)
    best, s = search(start, n)
    m = metrics(best)
    print("best", dict(FIXED, **best), m, "score", round(s, 5))
    inside = all(lo <= m[k] <= hi for k, (_, lo, hi) in {**KEPT_INSIDE, **MINIMISED}.items())
    print("all five pass" if inside else "the three kept targets pass" if all(
        lo <= m[k] <= hi for k, (_, lo, hi) in KEPT_INSIDE.items()) else "a kept target misses")
