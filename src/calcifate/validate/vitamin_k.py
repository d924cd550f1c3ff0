"""Runners for the vitamin K targets (see ``data/validation/targets.csv``).

Each runner takes optional parameter values ``P`` (applied before the steady state; used by
``tools/calibrate_vitamin_k.py``) and returns one number compared with the published interval.
"""

from __future__ import annotations

import numpy as np

from ..inputs.person import Person
from ..inputs.regimen import Dose, Regimen
from ..simulation import Simulation


def _sim(regimen, days, outputs, person=None, P=None, interval=24.0, parameters=None):
    if isinstance(regimen, str):
        regimen = Regimen(regimen)
    sim = Simulation(person or Person.example(), regimen, duration_days=days, outputs=outputs,
                     output_interval_hours=interval, rtol=1e-7, parameters=parameters or {})
    if P:
        sim.pset = sim.pset.with_values(**P)
    return sim


def _run(*a, **kw):
    return _sim(*a, **kw).run().wide


def _young(**kw):
    base = dict(age_years=30, sex="male", body_weight_kg=75, height_cm=178, gfr_ml_min=100)
    base.update(kw)
    return Person(**base)


def _ratio(ucoc_percent):
    return ucoc_percent / (100 - ucoc_percent)


# ---- pharmacokinetics -----------------------------------------------------------------------------
def _trough_24h(sub, col, P=None):
    reg = [Dose(sub, 100, "ug", every_days=1, stop_day=42)]
    w = _run(reg, 43, [col], person=_young(), P=P, interval=1.0)
    i = int(np.argmin(np.abs(w.time_days.to_numpy() - (42 + 8 / 24 - 1e-9))))
    return float(w[col].iloc[i] - w[col].iloc[0])


def schurgers2007_trough_ratio(P=None):
    """MK-7 / K1 baseline-subtracted plasma trough (24 h after the last of 6 weeks of equal daily ug doses)."""
    return _trough_24h("MK-7", "mk7_plasma", P) / _trough_24h("K1", "k1_plasma", P)


def _tmax(sub, col, P=None):
    w = _run(f"1000 ug {sub} once", 2, [col], person=_young(), P=P, interval=0.1)
    return float(w.time_days[w[col].idxmax()] * 24 - 8.0)


def schurgers2007_tmax_k1(P=None):
    return _tmax("K1", "k1_plasma", P)


def schurgers2007_tmax_mk7(P=None):
    return _tmax("MK-7", "mk7_plasma", P)


def sato2012_mk4_vs_mk7(P=None):
    """Peak plasma MK-4 rise after 420 ug MK-4, relative to the MK-7 rise still present 48 h after
    420 ug MK-7 (detectable in Sato 2012, so above the assay's limit). Below 1: MK-4 undetectable."""
    p = Person(age_years=40, sex="female", body_weight_kg=52, height_cm=158)
    w4 = _run("420 ug MK-4 once", 3, ["mk4_plasma"], person=p, P=P, interval=0.5)
    w7 = _run("420 ug MK-7 once", 3, ["mk7_plasma"], person=p, P=P, interval=0.5)
    rise4 = float(w4.mk4_plasma.max() - w4.mk4_plasma.iloc[0])
    i48 = int(np.argmin(np.abs(w7.time_days.to_numpy() - (2 + 8 / 24))))
    rise7_48 = float(w7.mk7_plasma.iloc[i48] - w7.mk7_plasma.iloc[0])
    return rise4 / rise7_48


def _uematsu1996_auc(fat_g, P=None):
    """24-h plasma MK-4 AUC (ng.h/mL, baseline-subtracted) after 15 mg menatetrenone (soft capsule) at
    breakfast with ``fat_g`` of fat (Uematsu 1996; 18 healthy men)."""
    dose = Dose("MK-4", 15000, "ug", form="oil capsule", meal_fat_g=fat_g)
    w = _run([dose], 1.5, ["mk4_plasma"], person=_young(), P=P, interval=0.05)
    t = w.time_days.to_numpy() * 24
    m = (t >= 8.0) & (t <= 32.0 + 1e-9)
    y = (w.mk4_plasma.to_numpy() - w.mk4_plasma.iloc[0])[m]
    ng_per_nmol = 1000.0 / 2248.7  # 1 / nmol_per_ug_MK4 (menatetrenone 444.7 g/mol), ng/mL per nmol/L
    return float(np.trapezoid(y, t[m]) * ng_per_nmol)


def uematsu1996_mk4_auc(P=None):
    """Meal B: 20 g of fat (the calibration target)."""
    return _uematsu1996_auc(20.0, P)


def uematsu1996_mk4_auc_low_fat(P=None):
    """Meal A: 8.8 g of fat."""
    return _uematsu1996_auc(8.8, P)


def uematsu1996_mk4_auc_high_fat(P=None):
    """Meal C: 34.9 g of fat."""
    return _uematsu1996_auc(34.9, P)


def _auc_k1(dose: Dose, P=None, hours=9.0):
    w = _run([dose], 1.0, ["k1_plasma"], person=_young(), P=P, interval=0.05)
    t = w.time_days.to_numpy() * 24
    m = (t >= 8.0) & (t <= 8.0 + hours + 1e-9)
    return float(np.trapezoid(w.k1_plasma.to_numpy()[m] - w.k1_plasma.iloc[0], t[m]))


def gijsbers1996_fat_ratio(P=None):
    """K1 from spinach with butter (~25 g fat) vs without fat: ratio of plasma AUC."""
    with_fat = _auc_k1(Dose("K1", 1000, "ug", form="food", meal_fat_g=25.0), P, hours=24)
    no_fat = _auc_k1(Dose("K1", 1000, "ug", form="food", meal_fat_g=0.0), P, hours=24)
    return with_fat / no_fat


def garber1999_fat_30_vs_45(P=None):
    """K1 from broccoli in a 650 kcal meal with 30% (21.7 g) vs 45% (32.5 g) of energy from fat."""
    a = _auc_k1(Dose("K1", 500, "ug", form="food", meal_fat_g=32.5), P)
    b = _auc_k1(Dose("K1", 500, "ug", form="food", meal_fat_g=21.7), P)
    return a / b


def garber1999_spinach_vs_tablet(P=None):
    return _auc_k1(Dose("K1", 495, "ug", form="food"), P) / _auc_k1(Dose("K1", 500, "ug", form="tablet"), P)


# ---- carboxylation ------------------------------------------------------------------------------------
def dp_ucmgp_healthy(P=None):
    w = _run([], 1, ["dp_ucmgp"], person=Person(age_years=52, sex="male", body_weight_kg=80, height_cm=178),
             P=P)
    return float(w.dp_ucmgp.iloc[0])


def _dalmeijer(dose, col, P=None):
    p = Person(age_years=52, sex="female", body_weight_kg=72, height_cm=168)
    w = _run(f"{dose} ug MK-7 daily", 84, ["ucoc_percent", "dp_ucmgp"], person=p, P=P)
    if col == "ratio":
        return 100 * (_ratio(w.ucoc_percent.iloc[-1]) / _ratio(w.ucoc_percent.iloc[0]) - 1)
    return 100 * (w.dp_ucmgp.iloc[-1] / w.dp_ucmgp.iloc[0] - 1)


def dalmeijer2012_mgp_180(P=None):
    return _dalmeijer(180, "mgp", P)


def dalmeijer2012_mgp_360(P=None):
    return _dalmeijer(360, "mgp", P)


def dalmeijer2012_ocratio_180(P=None):
    return _dalmeijer(180, "ratio", P)


def dalmeijer2012_ocratio_360(P=None):
    return _dalmeijer(360, "ratio", P)


def theuwissen2012_threshold(P=None):
    """Mean ucOC:cOC change at 10/20/45 ug/day MK-7 (12 weeks) as a share of the mean at 90/180/360."""
    p = _young(age_years=30)

    def change(d):
        w = _run(f"{d} ug MK-7 daily", 84, ["ucoc_percent"], person=p, P=P)
        return _ratio(w.ucoc_percent.iloc[-1]) / _ratio(w.ucoc_percent.iloc[0]) - 1

    low = np.mean([change(d) for d in (10, 20, 45)])
    high = np.mean([change(d) for d in (90, 180, 360)])
    return float(low / high)


def nakamura2014_mk4_600(P=None):
    """ucOC:cOC change from baseline at the end of the 600 ug/day week of Nakamura's escalation
    (0 -> 300 -> 600 -> 900 -> 1500 ug/day MK-4, one week each; the 600 step follows a week at 300)."""
    w = _run("300 ug MK-4 daily for 7 days then 600 ug MK-4 daily for 7 days", 14, ["ucoc_percent"],
             person=_young(age_years=22), P=P)
    return 100 * (_ratio(w.ucoc_percent.iloc[-1]) / _ratio(w.ucoc_percent.iloc[0]) - 1)


def jiang2014_mk4_45mg(P=None):
    """ucOC change after a year of 45 mg/day MK-4 (with 500 mg calcium) in older women."""
    p = Person(age_years=65, sex="female", body_weight_kg=58, height_cm=156)
    w = _run("15 mg MK-4 every 0.3333333333 days; 500 mg calcium daily", 365, ["ucoc"], person=p, P=P)
    return float(100 * (w.ucoc.iloc[-1] / w.ucoc.iloc[0] - 1))


# ---- anticoagulants ----------------------------------------------------------------------------------
def _theuwissen2013(P=None, doses=(10, 20, 45)):
    """Healthy volunteers on acenocoumarol titrated to INR 2, then MK-7 10 -> 20 -> 45 ug/day
    (2 weeks each). Returns (relative INR change, ucOC change, dp-ucMGP change) at the end of each step."""
    p = Person(age_years=40, sex="male", body_weight_kg=78, height_cm=180, target_inr=2.0)
    reg = [Dose("acenocoumarol", 2.5, "mg", every_days=1, time_of_day_hours=20)]
    start = 0
    for d in doses:
        reg.append(Dose("MK-7", d, "ug", every_days=1, start_day=start, stop_day=start + 14))
        start += 14
    sim = _sim(reg, start, ["inr", "ucoc", "dp_ucmgp"], person=p, P=P, interval=1.0)
    w = sim.run().wide
    t = w.time_days.to_numpy()
    base = w[t < 1.0].mean()
    out = []
    for k in range(len(doses)):
        m = (t >= 14 * (k + 1) - 1) & (t < 14 * (k + 1))
        end = w[m].mean()
        out.append((1 - end.inr / base.inr, end.ucoc / base.ucoc - 1, end.dp_ucmgp / base.dp_ucmgp - 1))
    return out


def inr_fall_mk7(P=None, doses=(10, 20, 45)):
    """Relative INR fall after each step (used by the calibration)."""
    return [x[0] for x in _theuwissen2013(P, doses)]


def theuwissen2013_inr_45(P=None):
    return 100 * _theuwissen2013(P)[-1][0]


def theuwissen2013_ucoc_45(P=None):
    return 100 * _theuwissen2013(P)[-1][1]


def theuwissen2013_mgp_45(P=None):
    return 100 * _theuwissen2013(P)[-1][2]


def schurgers2004_k1_150(P=None):
    """INR fall after a week of 150 ug/day K1 at a stable INR ~2 (clinically relevant in 25%)."""
    p = Person(age_years=40, sex="male", body_weight_kg=78, height_cm=180, target_inr=2.0)
    reg = [Dose("acenocoumarol", 2.5, "mg", every_days=1, time_of_day_hours=20),
           Dose("K1", 150, "ug", every_days=1, form="tablet")]
    w = _sim(reg, 7, ["inr"], person=p, P=P, interval=1.0).run().wide
    t = w.time_days.to_numpy()
    return float(100 * (1 - w.inr[t >= 6].mean() / w.inr[t < 1].mean()))


def liver_k1_share(P=None):
    """% of hepatic vitamin K that is phylloquinone (K1) for the example person on the reference diet:
    the intake-following share (1 - s_hep_bg) times K1's part of the hepatic supply (weighted by the
    relative hepatic residence hr_v). Human liver: phylloquinone ~10 % of total vitamin K, MK-7..MK-13 the rest."""
    sim = _sim(None, 1, ["VK"], P=P)
    vals = sim.base_parameters()
    y, p = sim.initial_state(vals)
    names = list(sim.pset.names)
    obs = sim.cm.observe(np.array([0.0]), np.asarray(y, dtype=float)[:, None], np.asarray(p, dtype=float)[:, None])
    k1 = p[names.index("fh_K1")] * p[names.index("hr_K1")] * float(np.ravel(obs["J_plasma_K1"])[0])
    total = float(np.ravel(obs["J_hep"])[0])
    return float(100 * (1 - p[names.index("s_hep_bg")]) * k1 / total)


def _ferland1993(P=None):
    """Ferland 1993: healthy adults on 80 ug/day K1, then ~10 ug/day for 13 days (depletion).
    Returns (INR day 13 / day 0, PIVKA-II day 13 / day 0, plasma K1 day 13 / day 0)."""
    p = Person(age_years=30, sex="male", body_weight_kg=75, height_cm=178, dietary_k1_ug_day=80.0)
    w = _sim([], 13, ["inr", "pivka2", "k1_plasma"], person=p, P=P, interval=24.0,
             parameters={"dietary_K1_ug_day": 10.0}).run().wide
    a, b = w.iloc[0], w.iloc[-1]
    return b.inr / a.inr, b.pivka2 / a.pivka2, b.k1_plasma / a.k1_plasma


def ferland1993_inr(P=None):
    """% INR change after 13 days at ~10 ug/day K1 (published: PT, aPTT and factor VII unchanged)."""
    return float(100 * (_ferland1993(P)[0] - 1))


def ferland1993_pivka(P=None):
    """PIVKA-II after 13 days at ~10 ug/day K1 relative to day 0 (published: a slight, significant rise)."""
    return float(_ferland1993(P)[1])


def ferland1993_k1(P=None):
    """Plasma K1 after 13 days at ~10 ug/day, % of day 0 (published: 13-18 % of day 1)."""
    return float(100 * _ferland1993(P)[2])


# ---- bone and arteries ---------------------------------------------------------------------------------
def braam_fn_difference(P=None):
    """Braam 2003: femoral-neck BMD after 3 years, K1 1 mg + D3 8 ug + minerals (500 mg calcium)
    minus D3 8 ug + minerals (percentage points), women 50-60 y."""
    p = Person(age_years=55, sex="female", body_weight_kg=68, height_cm=165)
    base = "8 ug vitamin D3 daily; 500 mg calcium daily"
    a = _run(base + "; 1000 ug K1 daily", 3 * 365, ["bmd_femoral_neck_change"], person=p, P=P, interval=24 * 30)
    b = _run(base, 3 * 365, ["bmd_femoral_neck_change"], person=p, P=P, interval=24 * 30)
    return float(a.bmd_femoral_neck_change.iloc[-1] - b.bmd_femoral_neck_change.iloc[-1])


def braam2003_fn(P=None):
    return braam_fn_difference(P)


def _avadec(P=None):
    p = Person(age_years=70, sex="male", body_weight_kg=85, height_cm=177, baseline_25ohd_nmol_l=60)
    a = _run("720 ug MK-7 daily; 25 ug vitamin D3 daily", 730, ["arterial_calcium", "dp_ucmgp"], person=p, P=P,
             interval=24 * 30)
    b = _run([], 730, ["arterial_calcium", "dp_ucmgp"], person=p, P=P, interval=24 * 30)
    return a, b


def avadec_ratio(P=None):
    a, b = _avadec(P)
    return float(a.arterial_calcium.iloc[-1] / b.arterial_calcium.iloc[-1])


def avadec2022_ratio(P=None):
    return avadec_ratio(P)


def avadec2022_mgp_drop(P=None):
    a, b = _avadec(P)
    return float((a.dp_ucmgp.iloc[-1] - a.dp_ucmgp.iloc[0]) - (b.dp_ucmgp.iloc[-1] - b.dp_ucmgp.iloc[0]))


def vital2020_spine(P=None):
    """VITAL bone substudy: 2000 IU/day D3 vs placebo for 2 years, replete adults (mean 25(OH)D ~70):
    difference in lumbar-spine BMD change (percentage points)."""
    p = Person(age_years=63, sex="female", body_weight_kg=75, height_cm=163, baseline_25ohd_nmol_l=70)
    a = _run("2000 IU vitamin D3 daily", 730, ["bmd_lumbar_change"], person=p, P=P, interval=24 * 30)
    b = _run([], 730, ["bmd_lumbar_change"], person=p, P=P, interval=24 * 30)
    return float(a.bmd_lumbar_change.iloc[-1] - b.bmd_lumbar_change.iloc[-1])


def oc_null_end_d3(P=None):
    """At g_vd_oc = 0 (no vitamin D effect on osteocalcin), 2000 IU/day D3 for a year in a replete
    adult (25(OH)D 70 nmol/L, as in VITAL): % change of serum osteocalcin relative to placebo."""
    Q = dict(P or {}, g_vd_oc=0.0)
    p = Person(age_years=63, sex="female", body_weight_kg=75, height_cm=163, baseline_25ohd_nmol_l=70)
    a = _run("2000 IU vitamin D3 daily", 365, ["osteocalcin"], person=p, P=Q, interval=24 * 30)
    b = _run([], 365, ["osteocalcin"], person=p, P=Q, interval=24 * 30)
    return float(100 * (a.osteocalcin.iloc[-1] / b.osteocalcin.iloc[-1] - 1))


RUNNERS = {n: f for n, f in list(globals().items())
           if callable(f) and not n.startswith("_") and f.__module__ == __name__
           and n not in ("inr_fall_mk7", "braam_fn_difference", "avadec_ratio")}


def warfarin_5mg_inr(P=None):
    w = _run("5 mg warfarin daily", 42, ["inr"], P=P, interval=1.0)
    return float(w.inr[w.time_days >= 41].mean())


RUNNERS["warfarin_5mg_inr"] = warfarin_5mg_inr
