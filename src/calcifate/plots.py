"""Plots a person would rather look at than read.

* :func:`plot_diet_sources` -- where a diet's vitamin K1, each vitamin K2 form and vitamin D come
  from, food by food (stacked bars, one bar per nutrient, ug/day);
* :func:`plot_sun_year` -- 25(OH)D over the run under a sun habit, with the months of vitamin D
  winter shaded (months whose clear-sky noon vitamin-D UV is below the threshold that reproduces
  Webb, Kline & Holick 1988's months without previtamin D3 formation;
  :func:`calcifate.inputs.sun_inputs.vitamin_d_winter_months`).
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

DIET_BARS = (("k1", "K1"), ("mk4", "MK-4"), ("mk5", "MK-5"), ("mk6", "MK-6"), ("mk7", "MK-7"), ("mk8", "MK-8"),
             ("mk9", "MK-9"), ("mk10", "MK-10"), ("k2_unsplit", "MK (combined)"), ("d3", "vitamin D3"),
             ("d2", "vitamin D2"), ("vitd_unspecified", "vitamin D (form n/s)"), ("oh25d3", "25(OH)D3"))


def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def diet_sources(intake) -> dict[str, dict[str, float]]:
    """{nutrient: {food name: ug/day}} for the bar chart (measured values only)."""
    out: dict[str, dict[str, float]] = {k: {} for k, _ in DIET_BARS}
    for it in intake.items:
        v = it.food.values
        g = it.grams_per_day / 100.0
        for k, _ in DIET_BARS:
            if k == "vitd_unspecified":
                x = v["vitd_total"] if (v["d3"] is None and v["d2"] is None) else None
            else:
                x = v.get(k)
            if x:
                out[k][it.food.name] = out[k].get(it.food.name, 0.0) + x * g
    return out


def plot_diet_sources(intake, path=None, title=None):
    """One horizontal bar per nutrient, split into each food's share (%); totals in the labels."""
    plt = _plt()
    src = diet_sources(intake)
    bars = [(k, lab) for k, lab in DIET_BARS if src[k]]
    totals = [sum(src[k].values()) for k, _ in bars]
    fig, ax = plt.subplots(figsize=(10, 1.0 + 0.5 * max(len(bars), 1)))
    foods = sorted({f for k, _ in bars for f in src[k]})
    cmap = plt.get_cmap("tab20")
    left = np.zeros(len(bars))
    for j, food in enumerate(foods):
        share = np.array([100.0 * src[k].get(food, 0.0) / t for (k, _), t in zip(bars, totals)])
        if share.any():
            ax.barh(range(len(bars)), share, left=left, label=food, color=cmap(j % 20))
            left += share
    ax.set_yticks(range(len(bars)), [f"{lab} ({t:.3g} µg/day)" for (_, lab), t in zip(bars, totals)], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the day's intake, by food (measured values only)", fontsize=8)
    ax.set_title(title or f"Where the vitamin K and D come from: {intake.source}", fontsize=10)
    if foods:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=110)
        plt.close(fig)
    return fig


def plot_sun_year(result, path=None, title=None):
    """25(OH)D against the calendar, vitamin D winter months shaded (needs a run with [sun])."""
    plt = _plt()
    meta = result.meta.get("sun") or {}
    start = _dt.date.fromisoformat(meta.get("start_date", "2026-01-01"))
    winter = set(meta.get("vitamin_d_winter_months", []))
    days = result.time_days
    dates = [start + _dt.timedelta(days=float(d)) for d in days]
    fig, ax = plt.subplots(figsize=(8, 4))
    # shade each winter month that the run covers
    d = _dt.date(start.year, start.month, 1)
    end = dates[-1]
    first = True
    while d <= end:
        nxt = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        if d.month in winter:
            ax.axvspan(max(d, start), min(nxt, end), color="tab:blue", alpha=0.12, lw=0,
                       label="vitamin D winter (noon UV below Webb 1988's threshold)" if first else None)
            first = False
        d = nxt
    ax.plot(dates, result["25ohd"], color="tab:orange", lw=2, label="25(OH)D")
    ax.axhline(25, color="grey", ls="--", lw=1)
    ax.text(dates[0], 25, " 25 nmol/L (deficiency)", va="bottom", fontsize=7, color="grey")
    ax.set_ylabel("25(OH)D (nmol/L)")
    ax.set_ylim(bottom=0)
    ax.set_title(title or "25(OH)D under the sun habit", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=110)
        plt.close(fig)
    return fig
