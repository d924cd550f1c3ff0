"""Steady states computed from the compiled declaration.

Total bone calcium (Q + Qbone) is a pure integrator of the calcium core (a zero eigenvalue), so
the core's steady state is defined at a given total bone calcium: the Qbone equation is replaced
by the constraint Q + Qbone = total. Time-dependent drivers (ageing) are frozen at t = 0.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq, least_squares, root

from ..errors import SolverError
from .reference import integrate

VITAMIN_D_STATES = ("D3_gut", "D3_c", "D3_fat", "D2_gut", "D2_c", "D2_fat", "OHD3_gut", "OHD3", "OHD2")


def _solve_subset(cm, p, y, names, tol=1e-13):
    """Solve rhs[names] = 0 for y[names], the other states held fixed (log-scaled, positive)."""
    idx = np.array([cm.model.state_index(n) for n in names])
    p = tuple(p)
    y = np.array(y, dtype=float)
    positive = y[idx] > 0
    scale = np.where(positive, y[idx], 1.0)

    def resid(x):
        yy = y.copy()
        yy[idx] = x * scale
        with np.errstate(divide="ignore", invalid="ignore"):  # other states may be zero (vitamin D search)
            r = np.asarray(cm.rhs(0.0, yy, p))[idx]
        return r / np.maximum(np.abs(scale), 1e-12)

    sol = root(resid, np.ones(idx.size), method="hybr", tol=tol)
    x = sol.x
    if not sol.success or not np.all(np.isfinite(x)) or np.any(x < 0):
        ls = least_squares(resid, np.ones(idx.size), bounds=(0, np.inf), xtol=1e-15, ftol=1e-15, gtol=1e-15)
        x = ls.x
        if not np.all(np.isfinite(x)) or np.max(np.abs(resid(x))) > 1e-9:
            raise SolverError(f"steady state of {names} not found: {sol.message}")
    y[idx] = x * scale
    return y


def vitamin_d_steady_state(cm, p, y, target_c25: float | None, p_names: list[str]):
    """Vitamin D states at steady state. With ``target_c25`` (nmol/L), also the background
    vitamin D3 input (ug/day) that matches it; returns (y, p, background)."""
    p = list(p)
    ib = p_names.index("D3_background_ug_day")
    names = [n for n in VITAMIN_D_STATES]
    y = np.array(y, dtype=float)
    # sensible starting point: gut depots empty, the rest positive
    for n in names:
        i = cm.model.state_index(n)
        if y[i] <= 0 and not n.endswith("_gut"):
            y[i] = 1.0
    gut = [n for n in names if n.endswith("_gut")]
    for n in gut:
        y[cm.model.state_index(n)] = 0.0
    solve_names = [n for n in names if not n.endswith("_gut")]
    has_d2 = p[p_names.index("D2_food_ug_day")] > 0
    if not has_d2:
        for n in ("D2_c", "D2_fat", "OHD2"):
            y[cm.model.state_index(n)] = 0.0
        solve_names = [n for n in solve_names if n not in ("D2_c", "D2_fat", "OHD2")]

    warm = {"y": y.copy()}
    d_inputs = ("D3_food_ug_day", "D3_skin_ug_day", "D2_food_ug_day", "OHD3_food_ug_day")

    def c25_for(b):
        p[ib] = b
        if b <= 0 and all(p[p_names.index(k)] <= 0 for k in d_inputs):
            yy = y.copy()
            for n in solve_names:
                yy[cm.model.state_index(n)] = 0.0
            return 0.0, yy
        yy = _solve_subset(cm, tuple(p), warm["y"], solve_names)
        warm["y"] = yy
        with np.errstate(divide="ignore", invalid="ignore"):  # core states may be zero here (vitamin D only): harmless 0/0 in unused intermediates
            obs = cm.observe(0.0, yy[:, None], np.asarray(p)[:, None])
        return float(np.asarray(obs["C_OHD"]).ravel()[0]), yy

    if target_c25 is None:
        c, yy = c25_for(p[ib])
        return yy, p, p[ib]
    c0, _ = c25_for(0.0)
    if target_c25 < c0 - 1e-9:
        raise SolverError(
            f"baseline 25(OH)D {target_c25:g} nmol/L is below what the person's known inputs alone give "
            f"({c0:.1f} nmol/L)")
    hi = 50.0
    while c25_for(hi)[0] < target_c25:
        hi *= 2
        if hi > 1e5:
            raise SolverError(f"baseline 25(OH)D {target_c25:g} nmol/L cannot be reached")
    b = brentq(lambda x: c25_for(x)[0] - target_c25, 0.0, hi, xtol=1e-12, rtol=1e-14)
    c, yy = c25_for(b)
    p[ib] = b
    return yy, p, b


def core_steady_state(cm, p, y, total_bone_ca_mmol: float, relax_years: float = 30.0):
    """Steady state of every physiological state at the given total bone calcium (mmol)."""
    model = cm.model
    names = [s.name for s in model.states if s.kind != "accumulator"]
    idx = np.array([model.state_index(n) for n in names])
    iq, iqb = model.state_index("Q"), model.state_index("Qbone")
    p = tuple(p)
    y = np.array(y, dtype=float)
    # relax: integrate the autonomous system, then fix total bone calcium
    t = np.array([0.0, 24.0 * 365.25 * relax_years])
    Y = integrate(cm, p, y, t, rtol=1e-7, autonomous=True)
    y = Y[:, -1].copy()
    frac = y[iq] / (y[iq] + y[iqb])
    y[iq], y[iqb] = frac * total_bone_ca_mmol, (1 - frac) * total_bone_ca_mmol
    scale = np.maximum(np.abs(y[idx]), 1e-9)
    kq = names.index("Q")  # the Q equation carries d(total bone)/dt; replaced by the constraint

    def resid(x):
        yy = y.copy()
        yy[idx] = x * scale
        r = np.asarray(cm.rhs(0.0, yy, p))[idx] / scale
        r[kq] = (yy[iq] + yy[iqb] - total_bone_ca_mmol) / total_bone_ca_mmol
        return r

    sol = root(resid, np.ones(idx.size), method="hybr", tol=1e-14)
    if not sol.success:
        ls = least_squares(resid, sol.x, xtol=1e-15, ftol=1e-15, gtol=1e-15)
        if not ls.success or np.max(np.abs(ls.fun)) > 1e-9:
            raise SolverError(f"core steady state not found: {sol.message}")
        x = ls.x
    else:
        x = sol.x
    y[idx] = x * scale
    for s in model.states:  # cumulative fluxes count from the start of the run
        if s.kind == "accumulator":
            y[model.state_index(s.name)] = 0.0
    return y
