"""Side-by-side scenarios for one person: does vitamin K2 need to be taken with vitamin D?

Named scenarios (default doses, each cited):

* ``none``       -- the person's habitual diet only;
* ``D3``         -- 2000 IU/day vitamin D3 (the VITAL dose; LeBoff 2020);
* ``K2 (MK-7)``  -- 180 ug/day MK-7 (Knapen 2013, Dalmeijer 2012);
* ``K2 (MK-4)``  -- 45 mg/day MK-4 (the Japanese osteoporosis dose; Jiang 2014), taken once a day here;
* ``D3 + K2``    -- both D3 and MK-7 as above;
* ``own plan``   -- the [[dose]] lines of the person's file, when it has any.

Anticoagulant lines in the person's file are kept in every scenario (vitamin K with a vitamin K
antagonist is flagged). calcifate informs; it does not prescribe.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.regimen import Dose, Regimen
from ..inputs.substances import ANTICOAGULANTS

SCENARIOS = {
    "none": "",
    "D3": "2000 IU vitamin D3 daily",
    "K2 (MK-7)": "180 ug MK-7 daily",
    "K2 (MK-4)": "45 mg MK-4 daily",
    "D3 + K2": "2000 IU vitamin D3 daily; 180 ug MK-7 daily",
}
SOURCES = {"D3": "LeBoff2020", "K2 (MK-7)": "Dalmeijer2012", "K2 (MK-4)": "Jiang2014", "D3 + K2": "LeBoff2020;Dalmeijer2012"}
COMPARE_OUTPUTS = ["25ohd", "osteocalcin", "ucoc_percent", "dp_ucmgp", "inr", "bmd_lumbar_change",
                   "bmd_femoral_neck_change", "arterial_calcium", "serum_calcium"]


DIFF_RTOL = 1e-6  # the Simulation's default solver tolerance (relative)


def _difference(a: float, b: float) -> float:
    """a - b, or 0 where the two differ by less than the solver's relative tolerance (a K2-only
    scenario's 25(OH)D differs from 'none' only by round-off, e.g. 7e-15 nmol/L)."""
    d = float(a) - float(b)
    return 0.0 if abs(d) <= DIFF_RTOL * max(abs(float(a)), abs(float(b))) else d


@dataclass
class Comparison:
    results: dict  # scenario name -> Result
    times_days: list[float]

    def table(self) -> pd.DataFrame:
        """One row per (scenario, day): the outputs, and their difference from ``none``."""
        rows = []
        base = self.results["none"]
        for name, res in self.results.items():
            for d in self.times_days:
                a, b = res.at(d), base.at(d)
                row = {"scenario": name, "day": d}
                for o in COMPARE_OUTPUTS:
                    if o in res.wide:
                        row[o] = a[o]
                        row[f"{o}_vs_none"] = _difference(a[o], b[o])
                        if f"{o}_lo" in res.wide:
                            row[f"{o}_lo"], row[f"{o}_hi"] = a[f"{o}_lo"], a[f"{o}_hi"]
                rows.append(row)
        return pd.DataFrame(rows)

    def plot(self, path=None):
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        outs = [o for o in COMPARE_OUTPUTS if o in self.results["none"].wide]
        ncol = 3
        nrow = int(np.ceil(len(outs) / ncol))
        fig, axes = plt.subplots(nrow, ncol, figsize=(4.4 * ncol, 2.9 * nrow), squeeze=False)
        for ax, o in zip(axes.flat, outs):
            for name, res in self.results.items():
                line, = ax.plot(res.time_days, res.wide[o], lw=1.4, label=name)
                if f"{o}_lo" in res.wide:
                    ax.fill_between(res.time_days, res.wide[f"{o}_lo"], res.wide[f"{o}_hi"], alpha=0.15,
                                    color=line.get_color())
            ax.set_title(res.labels.get(o, o), fontsize=9)
            ax.set_ylabel(res.units.get(o, ""), fontsize=8)
            ax.set_xlabel("day", fontsize=8)
            ax.tick_params(labelsize=7)
        for ax in list(axes.flat)[len(outs):]:
            ax.set_visible(False)
        axes.flat[0].legend(fontsize=7)
        fig.tight_layout()
        if path:
            fig.savefig(path, dpi=110)
            plt.close(fig)
        return fig


def compare(person, own_doses: list[Dose] | None = None, years: float = 3.0, times_days=None,
            bands: bool = False, output_interval_hours: float = 24.0 * 7, progress=None) -> Comparison:
    from ..simulation import Simulation
    from .bands import run_with_bands
    own_doses = list(own_doses or [])
    keep = [d for d in own_doses if d.substance in ANTICOAGULANTS]
    plans = {k: Regimen(v).doses + keep if v else list(keep) for k, v in SCENARIOS.items()}
    if own_doses and any(d.substance not in ANTICOAGULANTS for d in own_doses):
        plans["own plan"] = own_doses
    days = 365.25 * years
    times = list(times_days) if times_days else [d for d in (365.25, 730.5, 1095.75) if d <= days] or [days]
    results = {}
    for name, doses in plans.items():
        if progress:
            progress(name)
        sim = Simulation(person, doses, duration_days=days, outputs=COMPARE_OUTPUTS,
                         output_interval_hours=output_interval_hours)
        results[name] = run_with_bands(sim) if bands else sim.run()
    return Comparison(results, times)
