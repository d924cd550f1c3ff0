"""Calibrate the direct VDR activation by supraphysiological 25(OH)D (``vdr25_max``) on the
threshold of vitamin D intoxication (role: calibration target ``toxicity_threshold_375``).

Marcinowska-Suchowierska 2018 (review of vitamin D toxicity) place hypercalcaemia above a sustained
25(OH)D of ~375 nmol/L (150 ng/mL). Read as a threshold: at a sustained 375 nmol/L serum calcium is
at the upper limit of normal, 2.6 mmol/L. One number, one parameter: ``vdr25_max`` is found by
bisection on the registry's own runner (the person's steady state at 375 nmol/L, where the slow
CYP24 induction, the bone set point and the suppressed PTH have all settled). Held: ``vdr25_c50``
(400 nmol/L, half-maximal activation near that threshold), ``vdr25_gam`` (8) and ``vdr_rankl_c``
(100 pM, an assumption). Printed, not used: Kimball 2017 (250 nmol/L, no hypercalcaemia) and the
4-month 50,000 IU/day run (``toxicity_hypercalcaemia``, validation).

Usage: ``python tools/calibrate_vitamin_d_toxicity.py``; copy the value into
data/parameters/calibrated.csv by hand.
"""
import sys

sys.path.insert(0, "src")
from calcifate.validate import registry  # noqa: E402

TARGET = 2.6  # mmol/L
HELD = {"vdr25_c50": 400.0, "vdr25_gam": 8.0}


def ca375(vmax: float) -> float:
    return registry.calcium_at(375.0, {**HELD, "vdr25_max": vmax})


def main() -> None:
    lo, hi = 50.0, 1000.0  # the documented range of vdr25_max (pM)
    f_lo, f_hi = ca375(lo) - TARGET, ca375(hi) - TARGET
    if f_lo > 0 or f_hi < 0:
        raise SystemExit(f"no root in {lo}-{hi} pM: {f_lo + TARGET:.3f}, {f_hi + TARGET:.3f} mmol/L")
    for _ in range(14):
        mid = 0.5 * (lo + hi)
        if ca375(mid) > TARGET:
            hi = mid
        else:
            lo = mid
    vmax = 0.5 * (lo + hi)
    print(f"vdr25_max = {vmax:.1f} pM  (held: {HELD})")
    print(f"  serum calcium at 375 nmol/L: {ca375(vmax):.4f} mmol/L (target {TARGET})")
    print(f"  at 250 nmol/L (Kimball 2017, must stay below 2.6): {registry.calcium_at(250.0, {**HELD, 'vdr25_max': vmax}):.4f}")


if __name__ == "__main__":
    main()
