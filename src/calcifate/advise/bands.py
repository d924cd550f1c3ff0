"""Bands over the labelled assumptions that carry the vitamin D / vitamin K claims.

``--bands`` re-runs a simulation with each banded assumption set, one at a time, to the low and
to the high end of its stated range (the others at their defaults) and reports, per output and
time, the lowest and highest value seen (``<output>_lo``, ``<output>_hi``); the plain columns hold
the defaults. One-at-a-time ends, not a joint uncertainty analysis: the band shows how far each
weakly supported coupling alone can move a result.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..knowledge.parameters import load_parameter_set

# the couplings with weak or missing human evidence (see data/parameters/vitamin_k.csv)
BAND_PARAMETERS = ("g_vd_oc", "g_vd_mgp", "s_load", "e_oc_bmd", "I_art")


def band_settings(parameter_set: str = "calcifate") -> list[dict[str, float]]:
    """The one-at-a-time settings: [{name: low}, {name: high}, ...] for every banded parameter."""
    ps = load_parameter_set(parameter_set)
    out = []
    for n in BAND_PARAMETERS:
        info = ps.info[n]
        if info.low is None or info.high is None:
            raise ValueError(f"banded parameter {n} has no range in the data files")
        out += [{n: info.low}, {n: info.high}]
    return out


def run_with_bands(sim):
    """Run ``sim`` (a Simulation) at the defaults and at every band setting; return the default
    Result with ``<output>_lo`` / ``<output>_hi`` columns added to its wide table."""
    res = sim.run()
    cols = [c for c in res.wide.columns if c != "time_days"]
    lo = res.wide[cols].to_numpy(copy=True)
    hi = lo.copy()
    for setting in band_settings(sim.parameter_set):
        other = replace(sim, assumptions={**sim.assumptions, **setting}, progress=False)
        w = other.run().wide[cols].to_numpy()
        lo, hi = np.fmin(lo, w), np.fmax(hi, w)
    for i, c in enumerate(cols):
        res.wide[f"{c}_lo"] = lo[:, i]
        res.wide[f"{c}_hi"] = hi[:, i]
        res.units[f"{c}_lo"] = res.units[c]
        res.units[f"{c}_hi"] = res.units[c]
    res.meta["bands"] = {"method": "one-at-a-time ends of the labelled ranges", "parameters": list(BAND_PARAMETERS)}
    return res
