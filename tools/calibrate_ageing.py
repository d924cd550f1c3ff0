"""Calibrate the ageing and menopause terms of the bone module (role: calibration targets).

calcifate's set has the bone set-point feedback on (``mech_gain`` > 0, bone_density.py): bone
calcium tracks a set point, and its loss with age is how fast the set point falls. Menopause
(estrogen deficiency, a logistic around the final menstrual period from Randolph 2011) acts three
ways, each with one fitted parameter:

* ``meno_max`` -- rise in RANKL production: bone resorption (osteoclasts) in postmenopausal women
  (aged 55, 65, 75) vs a premenopausal woman of 45, +88 % (Garnero 1996: resorption markers
  +79-97 %, sustained for decades).
* ``meno_ob`` -- rise in responding-osteoblast production: serum osteocalcin in the same women
  +44.5 % (Garnero 1996: formation markers +37-52 %).
* ``meno_set`` -- fall of the bone calcium set point (the negative remodelling balance of the
  transition; Frost 1999): lumbar-spine BMD falls ~2.46 %/year over the transmenopause (7.38 %
  over the 3 years from 1 year before to 2 years after the final menstrual period; SWAN,
  Greendale 2012). Scenario: a woman aged ``age_menopause`` (51 y) followed 2 years.
* ``fn_meno_share`` -- share of that fall the femoral neck shows (the early loss is mostly
  cancellous bone): femoral-neck BMD falls 5.8 % over the transmenopause (SWAN, Greendale 2012).
  Scenario: a woman aged 50 followed 3 years.
* ``age_set_rate`` -- fall of the bone calcium set point with age (involutional loss), from
  calcium-replete older women: ~0.3-0.55 %/year at the hip (Aloia 2005 placebo arm, 1200-1500
  mg/day calcium: 0.26-0.55 %/year; LeBoff 2020 VITAL placebo femoral neck -0.68 % over 2 years).
  Target 0.4 %/year, femoral neck, a 70-year-old woman followed 2 years.

All scenarios use the reference adult's inputs (964 mg/day calcium, GFR 100 mL/min, 25(OH)D
70 nmol/L). The Sowers 2010 rates before the FMP and 2-7 years after it stay validation targets.
Prints the fitted values; copy them into data/parameters/calibrated.csv.
"""
import sys

import numpy as np
from scipy.optimize import brentq

sys.path.insert(0, "src")
from calcifate.inputs.person import Person  # noqa: E402
from calcifate.simulation import Simulation  # noqa: E402

NEUTRAL = dict(sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=100, baseline_25ohd_nmol_l=70,
               dietary_calcium_mg_day=964)
TARGET_RESORPTION = 88.0     # %, Garnero 1996 (79-97)
TARGET_FORMATION = 44.5      # %, Garnero 1996 (37-52)
TARGET_MENO_LS = -7.38 / 3   # %/year, Greendale 2012 (transmenopause, lumbar spine)
TARGET_MENO_FN = -5.8        # %, Greendale 2012 (transmenopause, femoral neck, over 3 years)
TARGET_OLD_FN = -0.40        # %/year, Aloia 2005; LeBoff 2020 (calcium-replete placebo arms)


def _sim(age, output, days, **values):
    sim = Simulation(Person(age_years=age, **NEUTRAL), None, duration_days=days,
                     output_interval_hours=min(24 * 30, days * 24), outputs=[output])
    sim.pset = sim.pset.with_values(**values)
    return np.asarray(sim.run()[output], dtype=float)


def change(age, output, years, **values):
    return float(_sim(age, output, 365.25 * years, **values)[-1])


def rate(age, output, **values):
    return float(_sim(age, output, 730, **values)[-1]) / 2.0


def marker_rise(output, **values):
    """Postmenopausal (55, 65, 75 y) vs premenopausal (45 y) day-0 level, %."""
    pre = _sim(45, output, 1, **values)[0]
    return 100.0 * (np.mean([_sim(a, output, 1, **values)[0] for a in (55, 65, 75)]) / pre - 1.0)


def fit(start=None):
    v = dict(start or {"meno_max": 0.07, "meno_ob": 0.5, "meno_set": 0.05, "fn_meno_share": 0.8,
                       "age_set_rate": 0.004})
    for it in range(4):
        v["meno_ob"] = brentq(lambda x: marker_rise("osteocalcin", **{**v, "meno_ob": x}) - TARGET_FORMATION,
                              0.0, 2.0, xtol=1e-5)
        v["meno_max"] = brentq(lambda x: marker_rise("OC", **{**v, "meno_max": x}) - TARGET_RESORPTION,
                               0.0, 1.0, xtol=1e-5)
        v["meno_set"] = brentq(lambda x: rate(51, "bmd_lumbar_change", **{**v, "meno_set": x}) - TARGET_MENO_LS,
                               0.0, 0.3, xtol=1e-6)
        v["fn_meno_share"] = brentq(lambda x: change(50, "bmd_femoral_neck_change", 3.0, **{**v, "fn_meno_share": x})
                                    - TARGET_MENO_FN, 0.3, 1.2, xtol=1e-5)
        v["age_set_rate"] = brentq(lambda x: rate(70, "bmd_femoral_neck_change", **{**v, "age_set_rate": x})
                                   - TARGET_OLD_FN, 0.0, 0.02, xtol=1e-7)
        print(f"iteration {it + 1}: " + "  ".join(f"{k} = {x:.5g}" for k, x in v.items()), flush=True)
    return v


if __name__ == "__main__":
    v = fit()
    print("  ".join(f"{k} = {x:.4g}" for k, x in v.items()))
    print(f"check: resorption {marker_rise('OC', **v):+.1f} %, formation {marker_rise('osteocalcin', **v):+.1f} %; "
          f"51 y woman spine {rate(51, 'bmd_lumbar_change', **v):+.3f} %/y; "
          f"50 y woman femoral neck over 3 y {change(50, 'bmd_femoral_neck_change', 3.0, **v):+.2f} %; "
          f"70 y woman femoral neck {rate(70, 'bmd_femoral_neck_change', **v):+.3f} %/y; "
          f"49 y spine {rate(49, 'bmd_lumbar_change', **v):+.3f} %/y (Sowers -1.7)")
