"""Calibrate ``t_half_dep_days``: the release half-time of absorbed oral vitamin D3 (lipoprotein /
tissue-borne) into the pool that the liver 25-hydroxylates (role: calibration target).

Target, scored with the registry's own runner: ``armas2004_d3_tmax`` -- after 50,000 IU D3 once,
25(OH)D keeps rising after day 3 and peaks at day 14 (Armas 2004). The peak day rises monotonically
with the release half-time, so it is solved by bisection inside the documented range. The
validation targets ``armas2004_d3_auc28`` and ``ilahi2008_d3_peak_rise`` are printed, not used.

Usage: ``python tools/calibrate_vitamin_d_depot.py``; copy the value into
data/parameters/calibrated.csv by hand.
"""
import sys

from scipy.optimize import brentq

sys.path.insert(0, "src")
from calcifate.validate import registry  # noqa: E402

TMAX_DAYS = 14.0


def main():
    def f(th):
        v = registry.armas2004_tmax({"t_half_dep_days": th}) - TMAX_DAYS
        print(f"t_half_dep_days {th:.4f}: peak day {v + TMAX_DAYS:.3f}", flush=True)
        return v

    th = brentq(f, 0.5, 30.0, xtol=1e-4)
    a = {"t_half_dep_days": th}
    print(f"\nt_half_dep_days = {th:.4f}")
    print(f"armas2004_d3_auc28 = {registry.armas2004_auc28(a):.1f} nmol.d/L (published 511.8)")
    print(f"ilahi2008_d3_peak_rise = {registry.ilahi2008_peak_rise(a):.1f} nmol/L (published 37.2)")


if __name__ == "__main__":
    main()
