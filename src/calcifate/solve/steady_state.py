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

VITAMIN_D_STATES = ("D3_gut", "D3_dep", "D3_c", "D3_fat", "D2_gut", "D2_dep", "D2_c", "D2_fat", "OHD3_gut", "OHD3", "OHD2", "CYP24")


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


def _solve_with_induction(cm, p, y, names):
    """``_solve_subset`` for the vitamin D states, with the catabolism induction state ``CYP24``
    (0..1) found by bisection on its own rate (which falls as the induction rises: more catabolism,
    less 25(OH)D) around a solve of the other states; a joint root search is poorly conditioned
    when the induced catabolism is strong."""
    if "CYP24" not in names:
        return _solve_subset(cm, p, y, names)
    inner = [n for n in names if n != "CYP24"]
    ic = cm.model.state_index("CYP24")
    warm = {"y": np.array(y, dtype=float)}

    def rate(x):
        yy = warm["y"].copy()
        yy[ic] = x
        yy = _solve_subset(cm, p, yy, inner)
        warm["y"] = yy
        with np.errstate(divide="ignore", invalid="ignore"):
            return float(np.asarray(cm.rhs(0.0, yy, p))[ic]), yy

    r0, y0 = rate(0.0)
    if r0 <= 0.0:  # no induction at all (25(OH)D zero)
        return y0
    r1, y1 = rate(1.0)
    if r1 >= 0.0:
        return y1
    x = brentq(lambda v: rate(v)[0], 0.0, 1.0, xtol=1e-15, rtol=4 * np.finfo(float).eps)
    return rate(x)[1]


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
    # absorbed-oral depots are fed only by food at steady state (the gut dose compartments are
    # empty): without food they are empty too, and the (log-scaled) root search leaves them out
    for dep, food in (("D3_dep", "D3_food_ug_day"), ("D2_dep", "D2_food_ug_day")):
        if p[p_names.index(food)] <= 0:
            y[cm.model.state_index(dep)] = 0.0
            solve_names.remove(dep)
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
        yy = _solve_with_induction(cm, tuple(p), warm["y"], solve_names)
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
    """Steady state of every physiological state at the given total bone calcium (mmol).

    Returns (y, p). Bone calcium is pinned (the Q equation, which carries d(total bone)/dt, is
    replaced by the constraint), so without the bone set-point feedback the day-0 state is steady
    apart from its net calcium balance. With the feedback on (``mech_gain`` > 0) the set point
    ``bone_set`` is solved as well, so that bone calcium changes at day 0 only as fast as the set
    point itself moves (ageing): the person has lived on their inputs long enough for the feedback
    to balance their calcium. Where the saturating feedback cannot do that (the set point would lie
    more than 4 ``mech_span`` away), the set point is put at that limit and the imbalance remains.
    """
    model = cm.model
    names = [s.name for s in model.states if s.kind != "accumulator"]
    idx = np.array([model.state_index(n) for n in names])
    iq, iqb = model.state_index("Q"), model.state_index("Qbone")
    pnames = list(cm.parameter_names)
    p = list(p)
    mech = "mech_gain" in pnames and p[pnames.index("mech_gain")] > 0
    y = np.array(y, dtype=float)
    # relax: integrate the autonomous system, then fix total bone calcium
    if mech:
        p[pnames.index("bone_set")] = total_bone_ca_mmol
    t = np.array([0.0, 24.0 * 365.25 * relax_years])
    Y = integrate(cm, tuple(p), y, t, rtol=1e-7, autonomous=True)
    y = Y[:, -1].copy()
    frac = y[iq] / (y[iq] + y[iqb])
    y[iq], y[iqb] = frac * total_bone_ca_mmol, (1 - frac) * total_bone_ca_mmol
    scale = np.maximum(np.abs(y[idx]), 1e-9)
    kq = names.index("Q")
    warm = {"x": np.ones(idx.size)}

    def core_resid(x, pp):
        """Scaled steady-state residual of the states (total bone calcium pinned), and the rates."""
        yy = y.copy()
        yy[idx] = x * scale
        d = np.asarray(cm.rhs(0.0, yy, pp))
        r = d[idx] / scale
        r[kq] = (yy[iq] + yy[iqb] - total_bone_ca_mmol) / total_bone_ca_mmol
        return r, d

    def quasi(pp):
        pp = tuple(pp)

        def resid(x):
            return core_resid(x, pp)[0]

        sol = root(resid, warm["x"], method="hybr", tol=1e-14)
        x = sol.x
        if not sol.success and not (np.all(np.isfinite(x)) and np.max(np.abs(resid(x))) < 1e-11):
            ls = least_squares(resid, sol.x, xtol=1e-15, ftol=1e-15, gtol=1e-15)
            if not ls.success or np.max(np.abs(ls.fun)) > 1e-9:
                raise SolverError(f"core steady state not found: {sol.message}")
            x = ls.x
        warm["x"] = x
        yy = y.copy()
        yy[idx] = x * scale
        return yy

    if mech:
        i_set = pnames.index("bone_set")
        span = p[pnames.index("mech_span")]
        # relative rate at which the set point moves at day 0 (ageing), from the declaration
        obs = cm.observe(np.array([-1.0, 1.0]), np.column_stack([y, y]), np.asarray(p)[:, None])
        s_m, s_p = np.ravel(obs["bone_set_now"])
        target = float(np.log(s_p / s_m) / 2.0)  # 1/h

        def with_set(s):
            pp = list(p)
            pp[i_set] = total_bone_ca_mmol * float(np.exp(np.clip(s, -1.0, 1.0)))
            return pp

        def gap(s):  # day-0 relative rate of change of bone calcium minus the set point's
            yy = quasi(with_set(s))
            d = np.asarray(cm.rhs(0.0, yy, tuple(with_set(s))))
            return (d[iq] + d[iqb]) / total_bone_ca_mmol - target

        def joint():  # states and the set point in one solve (the usual case, fast)
            def resid(x):
                r, d = core_resid(x[:-1], tuple(with_set(x[-1] * span)))
                return np.append(r, ((d[iq] + d[iqb]) / total_bone_ca_mmol - target) * 1e4)

            sol = root(resid, np.append(np.ones(idx.size), 0.0), method="hybr", tol=1e-14)
            ok = np.all(np.isfinite(sol.x)) and np.max(np.abs(resid(sol.x))) < 1e-10
            return sol.x[-1] * span if ok else None

        s = joint()
        if s is None or abs(s) > 3.5 * span:  # no balance within the feedback's reach: the nearest limit
            lo, hi = -4 * span, 4 * span
            g = {}
            for e in (lo, hi):
                try:
                    g[e] = gap(e)
                except SolverError:
                    pass
            if len(g) == 2 and g[lo] * g[hi] < 0:
                s = brentq(gap, lo, hi, xtol=1e-12, rtol=1e-12)
            elif g:
                s = min(g, key=lambda e: abs(g[e]))
            else:
                raise SolverError("core steady state not found with the bone set-point feedback")
        p = with_set(s)
    y = quasi(p)
    for s_ in model.states:  # cumulative fluxes count from the start of the run
        if s_.kind == "accumulator":
            y[model.state_index(s_.name)] = 0.0
    return y, p
