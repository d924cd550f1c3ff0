"""Calibrate the ageing and menopause terms of the bone module (role: calibration targets).

The two parameters act only through RANKL production (bone_density.py):

* ``meno_max`` -- early post-menopausal loss: lumbar-spine BMD falls ~2.46 %/year over the
  transmenopause (7.38 % over the 3 years from 1 year before to 2 years after the final menstrual
  period; SWAN, Greendale 2012). Scenario: a woman aged ``age_menopause`` (51 y) followed 2 years.
* ``age_rankl_rate`` -- late post-menopausal / involutional loss in calcium-replete older women:
  ~0.3-0.55 %/year at the hip (Aloia 2005 placebo arm, 1200-1500 mg/day calcium: 0.26-0.55 %/year;
  LeBoff 2020 VITAL placebo femoral neck -0.68 % over 2 years). Target 0.4 %/year, femoral neck, a
  70-year-old woman followed 2 years.

Both scenarios use the inputs at which the calcium core is at zero calcium balance (the reference
adult: 964 mg/day calcium, GFR 100 mL/min, 25(OH)D 70 nmol/L), so the calibrated terms carry only
the age and menopause effects; a person's own calcium balance (intake, kidney function, vitamin D)
adds to them. Prints the fitted values; copy them into data/parameters/calibrated.csv.
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


def fit():
    meno, age_rate = 0.05, 0.0003
    for _ in range(4):
        meno = brentq(lambda m: rate(51, "bmd_lumbar_change", meno_max=m, age_rankl_rate=age_rate) - TARGET_MENO_LS,
                      0.0, 0.5, xtol=1e-5)
        age_rate = brentq(lambda a: rate(70, "bmd_femoral_neck_change", meno_max=meno, age_rankl_rate=a)
                          - TARGET_OLD_FN, 0.0, 0.002, xtol=1e-7)
    return meno, age_rate


if __name__ == "__main__":
    m, a = fit()
    print(f"meno_max = {m:.4g}  age_rankl_rate = {a:.4g} 1/year")
    print(f"check: 51 y woman spine {rate(51, 'bmd_lumbar_change', meno_max=m, age_rankl_rate=a):+.3f} %/y; "
          f"70 y woman femoral neck {rate(70, 'bmd_femoral_neck_change', meno_max=m, age_rankl_rate=a):+.3f} %/y")
