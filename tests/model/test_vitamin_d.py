"""Vitamin D pharmacokinetics: the absorbed-oral depot (a share f_dep of absorbed oral D3/D2,
lipoprotein-borne, released to the pool the liver 25-hydroxylates with t_half_dep_days) against the
skin route, which enters that pool directly; and D2 against D3."""
import numpy as np
import pytest

from calcifate.inputs.person import Person
from calcifate.inputs.regimen import Dose
from calcifate.simulation import Simulation
from calcifate.solve.reference import ParameterStep, integrate


def _person(**kw):
    base = dict(age_years=40, sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=100,
                baseline_25ohd_nmol_l=50.0)
    base.update(kw)
    return Person(**base)


def _rise(regimen, days, assumptions=None):
    r = Simulation(_person(), regimen, duration_days=days, outputs=["25ohd"], output_interval_hours=6.0,
                   assumptions=dict(assumptions or {})).run()
    return np.asarray(r.time_days), np.asarray(r["25ohd"]) - 50.0


def test_bolus_25ohd_peaks_after_a_week_not_within_days():
    # Armas 2004 / Ilahi 2008: after a large oral D3 dose 25(OH)D keeps rising for ~2 weeks
    t, c = _rise([Dose("vitamin D3", 50000, "IU")], 40)
    assert 10.0 <= t[np.argmax(c)] <= 18.0
    # with the depot emptied at once (release half-time ~0) and no share sent to the adipose store
    # (f_lpl, which releases it over weeks), the peak comes a week or more earlier and much higher
    # (not within days: plasma D3 itself, cleared at the population-PK rate, lasts several days)
    t0, c0 = _rise([Dose("vitamin D3", 50000, "IU")], 40, {"t_half_dep_days": 0.5, "f_lpl": 0.0})
    assert t0[np.argmax(c0)] <= t[np.argmax(c)] - 7.0
    assert c0.max() > 1.5 * c.max()


def test_depot_delays_but_does_not_lose_vitamin_d():
    # a linear, lossless depot: with the 25-hydroxylation linear (high-affinity route off) the area
    # under the 25(OH)D rise (to near-complete washout) is the same whatever the release half-time;
    # only its timing changes
    areas = []
    for th in (0.5, 6.0, 12.0):
        t, c = _rise([Dose("vitamin D3", 50000, "IU")], 365, {"t_half_dep_days": th, "Vhi_25": 0.0})
        areas.append(np.trapezoid(c, t))
    assert np.ptp(areas) / np.mean(areas) < 0.03


def test_slower_release_converts_more_of_a_bolus_through_the_saturable_route():
    # with the high-affinity route, D3 that reaches the liver slowly keeps that route less saturated,
    # so more of a bolus becomes 25(OH)D: the area rises with the release half-time
    # (the share sent to the adipose store, f_lpl, is released slowly whatever the depot does, so it
    # is off here to show the depot's effect alone)
    areas = []
    for th in (0.5, 12.0):
        t, c = _rise([Dose("vitamin D3", 50000, "IU")], 150, {"t_half_dep_days": th, "f_lpl": 0.0})
        areas.append(np.trapezoid(c, t))
    assert areas[1] > 1.1 * areas[0]


def test_daily_dosing_steady_state_does_not_depend_on_the_depot():
    finals = []
    for th in (0.5, 6.0):
        _, c = _rise([Dose("vitamin D3", 2000, "IU", every_days=1)], 365, {"t_half_dep_days": th})
        finals.append(c[-1])
    assert abs(finals[0] - finals[1]) < 0.02 * finals[1]


def test_skin_d3_bypasses_the_depot_and_acts_sooner_than_the_same_oral_amount():
    # Haddad 1993: skin D3 circulates on DBP; the same 1250 ug as one day of skin input vs one oral
    # dose: the skin route raises 25(OH)D sooner (day 3), and the two areas end up similar
    sim = Simulation(_person(), None, duration_days=60, outputs=["25ohd"])
    y0, p = sim.initial_state(sim.base_parameters())
    ik = sim.pset.names.index("D3_skin_ug_day")
    steps = [ParameterStep(0.0, ik, 1250.0), ParameterStep(24.0, ik, 0.0)]
    t = np.arange(0.0, 60 * 24.0 + 1e-9, 6.0)
    Y = integrate(sim.cm, p, y0, t, steps=steps)
    obs = sim.cm.observe(0.0, Y, np.asarray(p)[:, None])
    skin = np.ravel(np.asarray(obs["C_OHD"], dtype=float)) - 50.0
    t_oral, oral = _rise([Dose("vitamin D3", 1250, "ug")], 60)
    day3 = int(3 * 24 / 6)
    assert skin[day3] > 1.5 * oral[day3]
    assert t[np.argmax(skin)] / 24.0 < t_oral[np.argmax(oral)]


def test_d2_is_the_weaker_form_and_lowers_25ohd3():
    # Armas 2004 / Logan 2013: D2 raises total 25(OH)D less than the same dose of D3, and the
    # 25(OH)D2 it makes speeds 25(OH)D3 clearance, so 25(OH)D3 falls below its baseline
    out = {}
    for form in ("vitamin D3", "vitamin D2"):
        r = Simulation(_person(), [Dose(form, 25, "ug", every_days=1)], duration_days=105,
                       outputs=["25ohd", "25ohd3", "25ohd2"]).run()
        out[form] = (r["25ohd"][-1] - 50.0, r["25ohd3"][-1], r["25ohd2"][-1])
    d3_rise, d2 = out["vitamin D3"][0], out["vitamin D2"]
    assert 0.05 * d3_rise < d2[0] < 0.6 * d3_rise
    assert d2[2] > 3.0 and d2[1] < 50.0 - 1.0
    # with the D2 -> 25(OH)D3 term off, 25(OH)D3 stays at baseline and the total rises more
    r = Simulation(_person(), [Dose("vitamin D2", 25, "ug", every_days=1)], duration_days=105,
                   outputs=["25ohd", "25ohd3"], assumptions={"k_d2_ohd3": 0.0}).run()
    assert abs(r["25ohd3"][-1] - 50.0) < 1.0 and r["25ohd"][-1] - 50.0 > d2[0] + 2.0


def test_induced_catabolism_is_slow_so_a_high_dose_rises_then_falls_back():
    # Burt 2019: on 10,000 IU/day 25(OH)D was 188 nmol/L at 3 months and 144 at 3 years. The
    # induction (state CYP24) lags by tau_cat_days: the rise overshoots, then settles lower.
    t, c = _rise([Dose("vitamin D3", 10000, "IU", every_days=1)], 3 * 365)
    assert t[np.argmax(c)] < 1.5 * 365
    assert c[-1] < 0.9 * c.max()
    # an induction that follows 25(OH)D at once gives no overshoot: the level only rises
    t1, c1 = _rise([Dose("vitamin D3", 10000, "IU", every_days=1)], 3 * 365, {"tau_cat_days": 1.0})
    assert c1[-1] > 0.99 * c1.max()
    # and a lower level than the slow induction's early peak
    assert c1.max() < 0.9 * c.max()


def test_induction_time_constant_leaves_steady_states_unchanged():
    from calcifate.validate.registry import _steady_c25
    p = _person()
    fast, slow = (_steady_c25(p, 250.0, {"tau_cat_days": tau}) for tau in (30.0, 1095.0))
    assert abs(fast - slow) < 1e-6 * slow
    # at usual 25(OH)D (50 nmol/L) the induced catabolism is negligible: the tracer half-life holds
    sim = Simulation(p, None, duration_days=1, outputs=["CYP24"])
    assert sim.run()["CYP24"][0] < 1e-3


def _half_year_on_20ug(baseline, assumptions=None):
    p = _person(baseline_25ohd_nmol_l=baseline, age_years=50)
    r = Simulation(p, [Dose("vitamin D3", 20, "ug", every_days=1)], duration_days=180, outputs=["25ohd"],
                   assumptions=dict(assumptions or {})).run()
    return float(r["25ohd"][-1] - baseline)


def test_a_small_dose_raises_25ohd_more_from_a_deficient_status():
    # Huang & You 2021 (Figure S7 test set): 20 ug/day raised 25(OH)D from 24 to 74-76 nmol/L at
    # 180 days (arms 13, 14) but from 67-68 only to 74-82 (arms 20, 21). The high-affinity
    # 25-hydroxylation (Vhi_25, Khi_25) carries this; the low-affinity route alone does not.
    low, high = _half_year_on_20ug(24.0), _half_year_on_20ug(68.0)
    assert low > 1.8 * high  # model 2.2x (37.9 vs 17.5 nmol/L); trial arms 3.5x or more; without the route 1.03x
    assert 24.0 + low > 0.75 * 75.0  # the level reached within 25 % (without the route: 38.7 nmol/L)
    low0, high0 = _half_year_on_20ug(24.0, {"Vhi_25": 0.0}), _half_year_on_20ug(68.0, {"Vhi_25": 0.0})
    assert abs(low0 - high0) < 0.15 * high0


def test_high_affinity_route_is_saturated_in_a_replete_person():
    # so a replete person's response to supplements is carried by the low-affinity route (Heaney 2003)
    sim = Simulation(_person(baseline_25ohd_nmol_l=70.0), None, duration_days=1)
    y0, p = sim.initial_state(sim.base_parameters())
    obs = sim.cm.observe(0.0, np.asarray(y0)[:, None], np.asarray(p)[:, None])
    c = float(np.ravel(obs["C_D3"])[0])
    khi = p[sim.pset.names.index("Khi_25")]
    assert c / (khi + c) > 0.8


def test_lpl_route_sends_oral_d3_straight_to_fat():
    """f_lpl (0 = off; calibrated in calcifate's set, set explicitly here): a share of absorbed oral D3 goes to the adipose store at once.
    Two days after 50,000 IU with half of it routed so, fat holds more than 30 % of the dose more
    than without the route, and the rise of plasma D3 is at least 30 % smaller."""
    from calcifate.inputs.person import Person
    from calcifate.simulation import Simulation
    out = {}
    for f in (0.0, 0.5):
        r = Simulation(Person.example(), [Dose("vitamin D3", 50000, "IU")], duration_days=2,
                       outputs=["D3_fat", "vitamin_d3_plasma"], assumptions={"f_lpl": f}).run()
        out[f] = {k: float(r[k][-1] - r[k][0]) for k in ("D3_fat", "vitamin_d3_plasma")}
    dose_nmol = 1250 * 2.59994
    assert out[0.5]["D3_fat"] - out[0.0]["D3_fat"] > 0.3 * dose_nmol  # ~half of the dose, less what fat returned
    assert out[0.5]["vitamin_d3_plasma"] < 0.7 * out[0.0]["vitamin_d3_plasma"]


def test_first_pass_route_hydroxylates_oral_but_not_skin_d3():
    """f_fp (0 = off; calibrated in calcifate's set, set explicitly here): a share of absorbed oral D3 becomes 25(OH)D3 on its first pass
    through the liver, so a bolus raises 25(OH)D within a day by about that share of the dose over the
    25(OH)D volume; skin D3 (the background input, on DBP) is not touched, so a person's day-0
    state is the same with and without the route."""
    person = Person.example()
    out = {}
    for f in (0.0, 0.1):
        r = Simulation(person, [Dose("vitamin D3", 50000, "IU")], duration_days=1,
                       outputs=["25ohd3", "vitamin_d3_plasma"], assumptions={"f_fp": f}).run()
        out[f] = {k: np.asarray(r[k], float) for k in ("25ohd3", "vitamin_d3_plasma")}
    assert out[0.1]["25ohd3"][0] == pytest.approx(out[0.0]["25ohd3"][0], rel=1e-9)  # day 0: no oral input yet
    sim = Simulation(person, None, duration_days=1)
    y0, p = sim.initial_state(sim.base_parameters())
    v_ohd = float(np.ravel(sim.cm.observe(0.0, np.asarray(y0)[:, None], np.asarray(p)[:, None])["V_OHD"])[0])
    f_abs = p[sim.pset.names.index("F_D")]
    expected = 0.1 * f_abs * 1250 * 2.59994 / v_ohd  # nmol/L if the whole dose were absorbed within the day
    extra = out[0.1]["25ohd3"][-1] - out[0.0]["25ohd3"][-1]
    assert 0.5 * expected < extra < 1.05 * expected
    # what the liver took on the first pass is missing from plasma D3
    assert out[0.1]["vitamin_d3_plasma"][-1] < out[0.0]["vitamin_d3_plasma"][-1]
