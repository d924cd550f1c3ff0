"""Calibrate the ageing and menopause terms of the bone module (role: calibration targets).

calcifate's set has the bone set-point feedback on (``mech_gain`` > 0, bone_density.py): bone
calcium tracks a set point, so the loss of skeletal calcium with age is how fast the set point
falls, while menopause raises RANKL production (bone turnover) and lowers BMD through the bone
cells. The two fitted parameters:

* ``meno_max`` -- sustained post-menopausal rise in RANKL production: lumbar-spine BMD falls
  ~2.46 %/year over the transmenopause (7.38 % over the 3 years from 1 year before to 2 years after
  the final menstrual period; SWAN, Greendale 2012). Scenario: a woman aged ``age_menopause``
  (51 y) followed 2 years.
* ``age_set_rate`` -- fall of the bone calcium set point with age (involutional loss), from
  calcium-replete older women: ~0.3-0.55 %/year at the hip (Aloia 2005 placebo arm, 1200-1500
  mg/day calcium: 0.26-0.55 %/year; LeBoff 2020 VITAL placebo femoral neck -0.68 % over 2 years).
  Target 0.4 %/year, femoral neck, a 70-year-old woman followed 2 years.

Both scenarios use the reference adult's inputs (964 mg/day calcium, GFR 100 mL/min, 25(OH)D
70 nmol/L). Before session 5 the same targets set two RANKL terms with bone calcium as a pure
integrator. Prints the fitted values; copy them into data/parameters/calibrated.csv.
"""
import sys

from scipy.optimize import brentq

sys.path.insert(0, "src")
from calcifate.inputs.person import Person  # noqa: E402
from calcifate.simulation import Simulation  # noqa: E402

NEUTRAL = dict(sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=100, baseline_25ohd_nmol_l=70,
               dietary_calcium_mg_day=964)
TARGET_MENO_LS = -7.38 / 3   # %/year, Greendale 2012 (transmenopause, lumbar spine)
TARGET_OLD_FN = -0.40        # %/year, Aloia 2005; LeBoff 2020 (calcium-replete placebo arms)


def rate(age, output, **values):
    sim = Simulation(Person(age_years=age, **NEUTRAL), None, duration_days=730, output_interval_hours=24 * 30,
                     outputs=[output])
    sim.pset = sim.pset.with_values(**values)
    return float(sim.run()[output][-1]) / 2.0


def fit_set_point():
    """Sustained menopausal RANKL rise and set-point fall (calcifate's set)."""
    meno, age_rate = 0.05, 0.004
    for _ in range(4):
        meno = brentq(lambda m: rate(51, "bmd_lumbar_change", meno_max=m, age_set_rate=age_rate) - TARGET_MENO_LS,
                      0.0, 0.5, xtol=1e-6)
        age_rate = brentq(lambda a: rate(70, "bmd_femoral_neck_change", meno_max=meno, age_set_rate=a)
                          - TARGET_OLD_FN, 0.0, 0.02, xtol=1e-7)
    return {"meno_max": meno, "age_set_rate": age_rate}


if __name__ == "__main__":
    v = fit_set_point()
    print("  ".join(f"{k} = {x:.4g}" for k, x in v.items()))
    print(f"check: 51 y woman spine {rate(51, 'bmd_lumbar_change', **v):+.3f} %/y; "
          f"70 y woman femoral neck {rate(70, 'bmd_femoral_neck_change', **v):+.3f} %/y")
