"""The reference solver: scipy's stiff integrators in float64, one person.

Dose times are hard breakpoints: the integration stops at each dose, the bolus is added to its
state, and the integration restarts, whatever output grid was asked for. Values at a dose instant
are those just after the dose.

Piecewise-constant parameter schedules (``ParameterStep``: from ``time_h`` on, parameter
``param_index`` takes ``value``) are hard breakpoints in the same way: the integration stops, the
parameter changes, and it restarts. Outputs at a step instant see the new value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from scipy.integrate import solve_ivp

from ..errors import SolverError


@dataclass(frozen=True)
class Bolus:
    time_h: float
    state_index: int
    amount: float  # in the state's unit


@dataclass(frozen=True)
class ParameterStep:
    time_h: float
    param_index: int
    value: float  # in the parameter's unit, in force from time_h on


def parameters_at(p: Sequence[float], steps: Sequence[ParameterStep], t_h) -> np.ndarray:
    """Parameter values in force at each time (n_params, n_times); a step at t counts at t."""
    t = np.atleast_1d(np.asarray(t_h, dtype=float))
    P = np.repeat(np.asarray(p, dtype=float)[:, None], t.size, axis=1)
    for s in sorted(steps, key=lambda s: s.time_h):  # later steps overwrite earlier ones
        P[s.param_index, t >= s.time_h] = s.value
    return P


def make_jacobian(compiled, p, scale):
    """Finite-difference Jacobian evaluated in one vectorised call (all columns at once)."""
    f = compiled.rhs_vec_factory(np)
    P = np.asarray(p, dtype=float)[:, None]

    def jac(t, y):
        n = y.size
        h = 1e-7 * np.maximum(np.abs(y), scale)
        Y = np.repeat(y[:, None], n + 1, axis=1)
        Y[np.arange(n), np.arange(n) + 1] += h
        with np.errstate(all="ignore"):
            F = np.asarray(f(t, Y, P))
        return (F[:, 1:] - F[:, :1]) / h[None, :]

    return jac


def integrate(compiled, p: Sequence[float], y0: np.ndarray, t_out_h: np.ndarray,
              doses: Sequence[Bolus] = (), rtol: float = 1e-8, atol_scale: np.ndarray | None = None,
              method: str = "BDF", progress: Callable[[float], None] | None = None,
              autonomous: bool = False, steps: Sequence[ParameterStep] = ()) -> np.ndarray:
    """Integrate from t_out_h[0] to t_out_h[-1]; return states (n_states, n_times).

    ``steps``: piecewise-constant parameter changes, applied at their times as hard breakpoints
    (steps at or before t_out_h[0] are in force from the start)."""
    t_out = np.asarray(t_out_h, dtype=float)
    y = np.array(y0, dtype=float)
    n = y.size
    scale = np.maximum(np.abs(y), 1e-3) if atol_scale is None else np.asarray(atol_scale, float)
    if atol_scale is None:  # a dosed depot is measured against its dose, not against its empty start
        for d in doses:
            scale[d.state_index] = max(scale[d.state_index], abs(d.amount))
    atol = rtol * scale
    t0, t_end = t_out[0], t_out[-1]
    p = [float(v) for v in p]
    for s in sorted(steps, key=lambda s: s.time_h):
        if s.time_h <= t0:
            p[s.param_index] = float(s.value)
    rhs = compiled.rhs

    def make_fun(p):
        p = tuple(p)
        fun = (lambda t, yy: rhs(0.0, yy, p)) if autonomous else (lambda t, yy: rhs(t, yy, p))
        jac = make_jacobian(compiled, p, scale)
        return fun, ((lambda t, yy: jac(0.0, yy)) if autonomous else jac)

    fun, jac_fun = make_fun(p)
    dose_times = sorted({d.time_h for d in doses if t0 <= d.time_h <= t_end}
                        | {s.time_h for s in steps if t0 < s.time_h < t_end})
    by_time: dict[float, list[Bolus]] = {}
    for d in doses:
        by_time.setdefault(d.time_h, []).append(d)
    steps_at: dict[float, list[ParameterStep]] = {}
    for s in steps:
        steps_at.setdefault(s.time_h, []).append(s)
    out = np.empty((n, t_out.size))
    filled = np.zeros(t_out.size, dtype=bool)
    edges = [t0] + [t for t in dose_times if t > t0] + [t_end]
    edges = sorted(set(edges))

    def apply(t):
        for d in by_time.get(t, ()):
            y[d.state_index] += d.amount

    apply(t0)
    for a, b in zip(edges[:-1], edges[1:]):
        last = b == t_end
        mask = (t_out >= a) & ((t_out <= b) if last else (t_out < b)) & ~filled
        te = t_out[mask]
        t_eval = te if (te.size and te[-1] == b) else np.append(te, b)
        sol = solve_ivp(fun, (a, b), y, method=method, t_eval=t_eval, rtol=rtol, atol=atol, jac=jac_fun)
        if not sol.success:
            raise SolverError(f"integration failed between t = {a:g} h and {b:g} h: {sol.message}")
        Ys = sol.y
        if te.size:
            out[:, mask] = Ys[:, :te.size]
            filled |= mask
        y = Ys[:, -1].copy()
        if not last:
            apply(b)
            if b in steps_at:
                for st in steps_at[b]:
                    p[st.param_index] = float(st.value)
                fun, jac_fun = make_fun(p)
            # an output exactly at a dose time reports the post-dose state
            at_b = (t_out == b) & ~filled
            if at_b.any():
                out[:, at_b] = y[:, None]
                filled |= at_b
        if progress:
            progress(b)
    if not filled.all():
        out[:, ~filled] = y[:, None]
    return out
