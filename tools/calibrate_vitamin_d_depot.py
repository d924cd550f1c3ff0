"""Calibrate the absorbed-oral vitamin D depot: ``f_dep``, the share of absorbed oral D3/D2 that goes
through the slow lipoprotein/tissue depot, and ``t_half_dep_days``, its release half-time into the
pool the liver 25-hydroxylates (role: calibration targets).

Targets, scored with the registry's own runners:

* ``deniet2018_day1`` -- one day after 50,000 IU D3, 25(OH)D has reached 50 nmol/L from 35.7
  (De Niet 2018: the median time to 20 ng/mL was 1 day): the fast share;
* ``armas2004_d3_tmax`` -- after 50,000 IU D3 once, 25(OH)D keeps rising after day 3 and peaks at
  day 14 (Armas 2004): the slow release.

Two numbers, two parameters. They pull apart under this structure: a fast share large enough for
50 nmol/L on day 1 (about half) flattens the curve from day 2 to day 14, so the peak moves to day
3-7. So the fit is minimax: it minimises the larger of the two errors, each scaled by its target's
tolerance half-width (tmax 10-21 days: 5.5; day 1 45-60 nmol/L: 7.5), which keeps both inside
their tolerance with the same margin. A least-squares fit of the same scaled errors gave f_dep
0.678, t_half_dep_days 12.0: peak day 11.9, day 1 44.7 nmol/L, just outside.
Printed, not used (validation): ``armas2004_d3_auc28``, ``ilahi2008_d3_peak_rise``,
``deniet2018_*_day75``.
Session 9 first fitted ``t_half_dep_days`` alone with every absorbed dose in the depot (``f_dep`` =
1): 6.2 days. That passed Armas and Ilahi but gave 36.8 nmol/L one day after the bolus, where De
Niet's median subject had reached 50.

Usage: ``python tools/calibrate_vitamin_d_depot.py``; copy the values into
data/parameters/calibrated.csv by hand. Then re-run tools/calibrate_vitamin_d2.py (the D2
parameters are fitted on a bolus too).
"""
import sys

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, "src")
from calcifate.validate import registry  # noqa: E402

TMAX_DAYS, DAY1_NMOL_L = 14.0, 50.0


def main():
    def resid(z):
        a = {"f_dep": float(z[0]), "t_half_dep_days": float(np.exp(z[1]))}
        tmax = registry.armas2004_tmax(a)
        d1 = registry.deniet2018_day1(a)
        print(f"f_dep {a['f_dep']:.4f}, t_half_dep_days {a['t_half_dep_days']:.4f}: peak day {tmax:.3f}, "
              f"day-1 25(OH)D {d1:.3f}", flush=True)
        return [(tmax - TMAX_DAYS) / 5.5, (d1 - DAY1_NMOL_L) / 7.5]

    def worst(z):
        return float(np.max(np.abs(resid(z))))

    best = minimize(worst, [0.66, np.log(12.0)], method="Nelder-Mead",
                    options={"xatol": 1e-4, "fatol": 1e-5, "initial_simplex": [[0.66, np.log(12.0)],
                                                                               [0.70, np.log(12.0)],
                                                                               [0.66, np.log(9.0)]]})
    a = {"f_dep": float(best.x[0]), "t_half_dep_days": float(np.exp(best.x[1]))}
    print(f"\nf_dep = {a['f_dep']:.4f}, t_half_dep_days = {a['t_half_dep_days']:.4f}")
    print(f"armas2004_d3_auc28 = {registry.armas2004_auc28(a):.1f} nmol.d/L (published 511.8)")
    print(f"ilahi2008_d3_peak_rise = {registry.ilahi2008_peak_rise(a):.1f} nmol/L (published 37.2)")
    print(f"deniet2018_monthly_day75 = {registry.deniet2018_monthly_day75(a):.1f} nmol/L (published 69.4)")
    print(f"deniet2018_daily_day75 = {registry.deniet2018_daily_day75(a):.1f} nmol/L (published 71.9)")


if __name__ == "__main__":
    main()
