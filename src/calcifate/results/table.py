"""The result of a run: a tidy table with units, wide views, CSV/Parquet and plots."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class Result:
    wide: pd.DataFrame  # time_days + one column per output
    units: dict[str, str]
    labels: dict[str, str]
    meta: dict

    @classmethod
    def from_solution(cls, sim, grid_h, Y, P, t_out_h):
        cm = sim.cm
        obs = cm.observe(grid_h, Y, P if P.ndim == 2 else P[:, None])  # 2-D: parameter schedules
        model = cm.model
        units = {o.name: o.unit for o in model.outputs}
        labels = {o.name: o.label for o in model.outputs}
        units.update({s.name: s.unit for s in model.states})
        labels.update({s.name: s.label for s in model.states})
        sel = np.searchsorted(grid_h, t_out_h)
        cols = {"time_days": t_out_h / 24.0}
        for name in sim.outputs:
            if name == "calcium_absorbed_fraction":
                vals = _absorbed_fraction_24h(grid_h, obs, t_out_h)
            elif name in obs:
                vals = np.broadcast_to(np.asarray(obs[name], dtype=float), grid_h.shape)[sel]
            else:
                vals = Y[model.state_index(name), sel]
            cols[name] = np.asarray(vals, dtype=float)
        meta = {"parameter_set": sim.parameter_set, "background_d3_ug_day": getattr(sim, "background_d3_ug_day", None),
                "person": sim.person, "doses": sim.doses}
        cls_units = {k: units[k] for k in sim.outputs}
        return cls(pd.DataFrame(cols), cls_units, {k: labels[k] for k in sim.outputs}, meta)

    @property
    def background_d3_ug_day(self):
        """Unexplained background vitamin D3 input matching the baseline 25(OH)D (ug/day), or None."""
        return self.meta.get("background_d3_ug_day")

    # -- views --------------------------------------------------------------------------------
    def tidy(self) -> pd.DataFrame:
        long = self.wide.melt(id_vars="time_days", var_name="variable", value_name="value")
        long["unit"] = long["variable"].map(self.units)
        return long

    def __getitem__(self, name: str) -> np.ndarray:
        return self.wide[name].to_numpy()

    @property
    def time_days(self) -> np.ndarray:
        return self.wide["time_days"].to_numpy()

    def at(self, day: float) -> pd.Series:
        i = int(np.argmin(np.abs(self.time_days - day)))
        return self.wide.iloc[i]

    def to_csv(self, path, wide: bool = True) -> None:
        (self.wide if wide else self.tidy()).to_csv(path, index=False, float_format="%.10g")

    def to_parquet(self, path) -> None:
        self.tidy().to_parquet(path, index=False)

    def plot(self, outputs=None, path=None):
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        outputs = [o for o in (outputs or list(self.units)) if o in self.wide][:12]
        n = len(outputs)
        ncol = 3 if n > 4 else max(1, n)
        nrow = int(np.ceil(n / ncol))
        fig, axes = plt.subplots(nrow, ncol, figsize=(4.2 * ncol, 2.8 * nrow), squeeze=False)
        for ax, name in zip(axes.flat, outputs):
            ax.plot(self.time_days, self.wide[name], lw=1.6)
            lo, hi = f"{name}_lo", f"{name}_hi"
            if lo in self.wide and hi in self.wide:
                ax.fill_between(self.time_days, self.wide[lo], self.wide[hi], alpha=0.25)
            ax.set_title(f"{self.labels.get(name, name)}", fontsize=9)
            ax.set_ylabel(self.units.get(name, ""), fontsize=8)
            ax.set_xlabel("day", fontsize=8)
            ax.tick_params(labelsize=7)
        for ax in list(axes.flat)[n:]:
            ax.set_visible(False)
        fig.tight_layout()
        if path:
            fig.savefig(path, dpi=110)
            plt.close(fig)
        return fig


def _absorbed_fraction_24h(grid_h, obs, t_out_h):
    """Net absorbed / intake, both as means over the 24 h up to each output time."""
    absorbed = np.asarray(obs["J40net"], dtype=float) * np.ones_like(grid_h)
    intake = np.asarray(obs["Ca_intake_rate"], dtype=float) * np.ones_like(grid_h)
    # cumulative integrals on the solver grid (trapezoid; the grid holds t and t - 24 h)
    ca = np.concatenate([[0.0], np.cumsum(0.5 * (absorbed[1:] + absorbed[:-1]) * np.diff(grid_h))])
    ci = np.concatenate([[0.0], np.cumsum(0.5 * (intake[1:] + intake[:-1]) * np.diff(grid_h))])
    out = np.empty(t_out_h.size)
    for k, t in enumerate(t_out_h):
        i1 = np.searchsorted(grid_h, t)
        if t < 24.0 - 1e-9:
            out[k] = 100.0 * absorbed[i1] / intake[i1]
            continue
        i0 = np.searchsorted(grid_h, t - 24.0)
        out[k] = 100.0 * (ca[i1] - ca[i0]) / (ci[i1] - ci[i0])
    return out
