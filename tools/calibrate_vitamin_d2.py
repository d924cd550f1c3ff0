"""Calibrate vitamin D2's 25-hydroxylation (``CL_25_D2``) and its effect on 25(OH)D3 clearance
(``k_d2_ohd3``) (role: calibration targets).

Targets, scored with the registry's own runners:

* ``armas2004_d2_d3_auc_ratio`` -- 50,000 IU once: the 28-day area under the 25(OH)D rise after D2 is
  0.29 of that after D3 (Armas 2004, 20 healthy men);
* ``logan2013_ohd3_d2_minus_placebo`` -- 25 ug/day for 25 weeks: 25(OH)D3 9 nmol/L lower on D2 than
  on placebo (Logan 2013).

Two numbers, two parameters, solved by least squares. Logan's third number, total 25(OH)D 21
nmol/L lower on D2 than on D3 (``logan2013_total_d3_minus_d2``), is the validation: it also carries
the model's own response to D3 (a difference between arms), so it is printed, not used. Session 9
first fitted both Logan numbers exactly instead (CL_25_D2 0.054 L/h, k_d2_ohd3 0.026 L/nmol); the
Armas ratio then came out at 0.08, below its interval, because the model's D3 arm rises less than
Logan's must have (their abstract gives no D3-placebo difference).

Session 18 (after the session-17 D3 disposition was adopted, with ``CL_D2_other`` 0.14 L/h): the
first run stopped at the old lower bound (``CL_25_D2`` 0.02 L/h, Armas ratio 0.415), so the bound
moved to 0.002 and the start to 0.013: ``CL_25_D2`` 0.01077 L/h, ``k_d2_ohd3`` 0.0132 L/nmol, Armas
0.290, Logan -9.0; validation 22.5 nmol/L (published 21).

Usage: ``python tools/calibrate_vitamin_d2.py``; copy the values into
data/parameters/calibrated.csv by hand.
"""
import sys

import numpy as np
from scipy.optimize import least_squares

sys.path.insert(0, "src")
from calcifate.validate import registry  # noqa: E402

ARMAS_RATIO, OHD3_DIFF = 0.29, -9.0


def main():
    def resid(z):
        a = {"CL_25_D2": float(np.exp(z[0])), "k_d2_ohd3": float(z[1])}
        ratio = registry.armas2004_d2_d3_ratio(a)
        d3 = registry.logan2013_ohd3_d2_minus_placebo(a)
        print(f"CL_25_D2 {a['CL_25_D2']:.5f} L/h, k_d2_ohd3 {a['k_d2_ohd3']:.5f} L/nmol: Armas D2/D3 {ratio:.4f}, "
              f"Logan 25(OH)D3 D2-placebo {d3:.3f}", flush=True)
        return [(ratio - ARMAS_RATIO) / ARMAS_RATIO, (d3 - OHD3_DIFF) / abs(OHD3_DIFF)]

    sol = least_squares(resid, [np.log(0.013), 0.012], bounds=([np.log(0.002), 0.0], [np.log(0.5), 0.05]),
                        diff_step=1e-3, xtol=1e-6)
    a = {"CL_25_D2": float(np.exp(sol.x[0])), "k_d2_ohd3": float(sol.x[1])}
    print(f"\nCL_25_D2 = {a['CL_25_D2']:.5f} L/h, k_d2_ohd3 = {a['k_d2_ohd3']:.5f} L/nmol")
    print(f"logan2013_total_d3_minus_d2 = {registry.logan2013_total_d3_minus_d2(a):.2f} nmol/L "
          "(published 21, 95 % CI 14-30; validation)")


if __name__ == "__main__":
    main()
