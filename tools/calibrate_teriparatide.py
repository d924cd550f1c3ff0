"""Calibrate the anabolic formation term of the BMD model (role: calibration target).

Daily teriparatide takes the core's BCL2 above the published RUNX2 switch (only intermittent PTH
does), and ``anabolic_ratio ** g_ana_ls`` (bone_density.py) adds
formation that is not coupled to resorption (modelling-based formation; a labelled assumption).
Without it the denosumab-fitted BMD model turns teriparatide's rise in turnover into a loss.

* ``g_ana_ls`` -- lumbar spine: Neer 2001, 20 ug/day for 21 months, +9 percentage points vs placebo.
* ``fn_ana_scale`` -- femoral neck relative to spine: same arm, +3 points vs placebo.

The 40 ug/day arm (+13 and +6 points) is left for validation. Scenario: the registry's
``neer2001_*`` runners (validate/registry.py). Prints the fitted values; copy them into
data/parameters/calcifate.csv.
"""
import sys

from scipy.optimize import brentq

sys.path.insert(0, "src")
from calcifate.validate import registry  # noqa: E402

TARGET_LS, TARGET_FN = 9.0, 3.0


def fit():
    g = brentq(lambda x: registry.neer2001_difference(20.0, "bmd_lumbar_change", {"g_ana_ls": x}) - TARGET_LS,
               0.05, 1.0, xtol=1e-4)
    fs = brentq(lambda x: registry.neer2001_difference(20.0, "bmd_femoral_neck_change",
                                                         {"g_ana_ls": g, "fn_ana_scale": x}) - TARGET_FN,
                0.0, 2.0, xtol=1e-4)
    return g, fs


if __name__ == "__main__":
    g, fs = fit()
    print(f"g_ana_ls = {g:.4g}  fn_ana_scale = {fs:.4g}")
