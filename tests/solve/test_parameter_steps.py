"""Piecewise-constant parameter schedules in the reference solver (ParameterStep)."""

import numpy as np

import calcifate as cf
from calcifate.solve.reference import Bolus, ParameterStep, integrate, parameters_at


def _setup():
    sim = cf.Simulation(cf.Person.example(), None, duration_days=1)
    y0, p = sim.initial_state(sim.base_parameters())
    return sim, y0, p, sim.pset.names.index("D3_skin_ug_day")


def test_step_equals_two_segments_and_is_exact_at_any_grid():
    sim, y0, p, ik = _setup()
    cm = sim.cm
    steps = [ParameterStep(30.0, ik, 40.0)]
    # one call with the step, on a grid that does not contain the step time
    Y = integrate(cm, p, y0, np.array([0.0, 17.0, 96.0]), steps=steps)
    # by hand: 0..30 h with the old value, then 30..96 h with the new one
    Ya = integrate(cm, p, y0, np.array([0.0, 30.0]))
    p2 = list(p)
    p2[ik] = 40.0
    Yb = integrate(cm, p2, Ya[:, -1], np.array([30.0, 96.0]))
    assert np.allclose(Y[:, -1], Yb[:, -1], rtol=1e-7, atol=1e-9)
    # the input raises plasma vitamin D3 above the no-step run
    Y0 = integrate(cm, p, y0, np.array([0.0, 96.0]))
    i = cm.model.state_index("D3_c")
    assert Y[i, -1] > Y0[i, -1] * 1.05


def test_no_steps_is_unchanged_and_boluses_still_work():
    sim, y0, p, ik = _setup()
    cm = sim.cm
    i = cm.model.state_index("D3_gut")
    t = np.array([0.0, 10.0, 20.0])
    A = integrate(cm, p, y0, t, [Bolus(10.0, i, 100.0)])
    B = integrate(cm, p, y0, t, [Bolus(10.0, i, 100.0)], steps=[])
    assert np.array_equal(A, B)
    assert abs(A[i, 1] - (y0[i] + 100.0)) < 1e-9  # value at the dose instant is post-dose


def test_parameters_at_counts_a_step_at_its_time():
    P = parameters_at([1.0, 2.0], [ParameterStep(5.0, 1, 7.0), ParameterStep(8.0, 1, 3.0)], [0, 5, 6, 8, 9])
    assert P[1].tolist() == [2.0, 7.0, 7.0, 3.0, 3.0] and P[0].tolist() == [1.0] * 5
