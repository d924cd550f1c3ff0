"""Vitamin D3 and D2 pharmacokinetics and the vitamin D effects on the calcium core.

Structure (amounts in nmol, concentrations in nmol/L, time in hours):

* oral D3 / D2 (doses and food) -> gut depot (first-order absorption ``ka_D``) -> a share
  ``1 - f_dep`` straight to central D3 / D2, the share ``f_dep`` through an absorbed,
  lipoprotein-borne depot released with half-time ``t_half_dep_days`` (chylomicron D3 is taken up
  by tissues before it reaches the vitamin D binding protein; skin D3 circulates on DBP from the
  start, Haddad 1993). The two are calibrated on a bolus's fast first rise (De Niet 2018: 50 nmol/L
  within a day of 50,000 IU) and its day-14 peak (Armas 2004). A share ``f_lpl`` of absorbed oral
  D3 / D2 is instead delivered straight to the adipose store (chylomicron lipoprotein lipase
  takes up lipophilic vitamins: Zechner 2000), and a share ``f_fp`` of the rest is 25-hydroxylated
  on its first pass through the liver (chylomicron remnants carry D3 into hepatocytes, which take up
  far more D3 from remnants and lipoproteins than from DBP and make more 25(OH)D3 from it: Haddad
  1988, perfused liver; oral but not intramuscular D3 raises 25(OH)D sharply by day 3: Romagnoli
  2008). Both were fitted in session 17 with the depot, the adipose volume and the 25-hydroxylation
  on fifteen D3 rows (tools/calibrate_vitamin_d_disposition.py), with the D3 clearance held at the
  population-PK value of Huang & You 2021. Central D3 / D2 (volume scales with
  body weight) <-> adipose store (volume scales with fat mass; Ocampo-Pelland 2016);
* central D3 is 25-hydroxylated by two liver routes and otherwise cleared first-order: a
  low-affinity route, near-linear over the physiological range (``Vmax_25``, ``Km_25``), and a
  high-affinity, low-capacity one (CYP2R1-type; ``Vhi_25``, ``Khi_25``) that is saturated in a
  replete person but converts most of a small input in a deficient one. So the same daily dose
  raises 25(OH)D more from a low baseline (pooled trial arms of Huang & You 2021; Bogh 2011 after
  UVB), while 25(OH)D clearance keeps its tracer half-life at 29 and 69 nmol/L (Jones 2014); D2 is
  25-hydroxylated first-order (Ocampo-Pelland 2017), at about a third of D3's low-affinity rate, and its 25(OH)D2
  raises 25(OH)D3 clearance (labelled; both calibrated on Armas 2004 and Logan 2013: D2 is the
  weaker form and lowers 25(OH)D3);
* 25(OH)D3 and 25(OH)D2 are cleared first-order with the tracer half-lives of Jones 2014, with a
  labelled CYP24A1-type catabolism that rises only at high 25(OH)D and only slowly: its induction
  (state ``CYP24``, 0..1) follows a steep function of 25(OH)D with a time constant of
  ``tau_cat_days``. Under a constant high dose 25(OH)D therefore rises first and falls back later
  (Burt 2019: 10,000 IU/day gave 188 nmol/L at 3 months, 144 at 3 years), and a 20-week trial
  (Heaney 2003) sees a more linear dose-response than long-term users at steady state (Ekwaru
  2014); both are calibration targets of ``tools/calibrate_vitamin_d.py``;
* calcifediol (oral 25(OH)D3) enters the 25(OH)D3 pool directly;
* background input (unexplained: skin and food not otherwise modelled) enters central D3 and is
  matched to a person's baseline 25(OH)D; skin synthesis is an input rate into central D3.

Effects on the calcium core (labelled assumptions, see data/parameters/vitamin_d.csv):

* ``VD_substrate``: renal calcitriol synthesis needs 25(OH)D as substrate; a steep saturable
  function normalised to 1 at the reference 25(OH)D, so calcitriol is nearly independent of
  25(OH)D above ~25-30 nmol/L;
* ``VD_pth_eff``: local parathyroid conversion of 25(OH)D suppresses PTH secretion (Ritter 2006,
  the parathyroid expresses CYP27B1), levelling off at 45-80 nmol/L;
* ``C8_vdr_extra``: at very high 25(OH)D, 25(OH)D (and calcitriol it displaces from DBP)
  activates VDR directly; expressed as calcitriol-equivalents acting on gut absorption and renal
  reabsorption (Jones 2008), the route to vitamin D toxicity hypercalcaemia;
* ``VDR_rankl_eff``: the same calcitriol-equivalent raises osteoblastic RANKL production, as
  pharmacological calcitriol does (1,25(OH)2D3 induces RANKL in osteoblasts and stromal cells:
  Yasuda 1998), so intoxication draws calcium from bone as well as from the gut
  (Jones 2008) instead of the suppressed PTH making it an antiresorptive. ``vdr_rankl_c`` is the
  calcitriol-equivalent excess that doubles RANKL production (an assumption with a range).
"""

from __future__ import annotations

from .declaration import Model

MODULE = "vitamin_d"

STATES = [
    ("D3_gut", "nmol", "oral vitamin D3 in the gut", "-ka_D * D3_gut"),
    ("D3_dep", "nmol", "absorbed oral vitamin D3 not yet available to 25-hydroxylation (lipoprotein-borne)",
     "(1 - f_lpl) * (1 - f_fp) * f_dep * J_abs_D3 - k_dep * D3_dep"),
    ("D3_c", "nmol", "central (plasma) vitamin D3",
     "(1 - f_lpl) * (1 - f_fp) * (1 - f_dep) * J_abs_D3 + k_dep * D3_dep + D3_input - J25_D3 - CL_D3_other * C_D3 - J_D3_fat"),
    ("D3_fat", "nmol", "vitamin D3 stored in adipose tissue", "f_lpl * J_abs_D3 + J_D3_fat"),
    ("D2_gut", "nmol", "oral vitamin D2 in the gut", "-ka_D * D2_gut"),
    ("D2_dep", "nmol", "absorbed oral vitamin D2 not yet available to 25-hydroxylation (lipoprotein-borne)",
     "(1 - f_lpl) * (1 - f_fp) * f_dep * J_abs_D2 - k_dep * D2_dep"),
    ("D2_c", "nmol", "central (plasma) vitamin D2",
     "(1 - f_lpl) * (1 - f_fp) * (1 - f_dep) * J_abs_D2 + k_dep * D2_dep - J25_D2 - CL_D2_other * C_D2 - J_D2_fat"),
    ("D2_fat", "nmol", "vitamin D2 stored in adipose tissue", "f_lpl * J_abs_D2 + J_D2_fat"),
    ("OHD3_gut", "nmol", "oral calcifediol in the gut", "-ka_OHD * OHD3_gut"),
    ("OHD3", "nmol", "25(OH)D3 in its distribution volume",
     "J25_D3 + J_fp_D3 + F_OHD * ka_OHD * OHD3_gut + OHD3_input - k_OHD3 * OHD3 * cat_eff * d2_on_ohd3"),
    ("OHD2", "nmol", "25(OH)D2 in its distribution volume", "J25_D2 + J_fp_D2 - k_OHD2 * OHD2 * cat_eff"),
    ("CYP24", "1", "induction of 25(OH)D catabolism (CYP24A1-type), 0..1, following high 25(OH)D with time constant tau_cat_days",
     "(C_OHD**cat_gam / (C_OHD**cat_gam + cat_c50**cat_gam) - CYP24) / (tau_cat_days * 24)"),
]

ASSIGNMENTS = [
    ("BMI", "body_weight_kg / (height_cm / 100)**2"),
    ("fat_fraction", "maximum(0.05, (dr_bmi * BMI + dr_age * age_years - dr_male * sex_male + dr_const) / 100)"),
    ("fat_mass", "body_weight_kg * fat_fraction"),
    ("w_rel", "body_weight_kg / W_ref"),
    ("V_D3", "V_D3_ref * w_rel"),
    ("V_fat", "Kp_fat * fat_mass"),
    ("V_OHD", "V_OHD_ref * w_rel"),
    ("C_D3", "D3_c / V_D3"),
    ("C_D2", "D2_c / V_D3"),
    ("J25_D3", "Vmax_25 * C_D3 / (Km_25 + C_D3) + Vhi_25 * C_D3 / (Khi_25 + C_D3)"),
    ("J25_D2", "CL_25_D2 * C_D2"),
    ("J_D3_fat", "Q_fat * (C_D3 - D3_fat / V_fat)"),
    ("J_D2_fat", "Q_fat * (C_D2 - D2_fat / V_fat)"),
    ("D3_input", "(D3_background_ug_day + D3_skin_ug_day) * nmol_per_ug_D3 / 24"),
    ("D3_oral_input", "D3_food_ug_day * nmol_per_ug_D3 / 24"),
    ("k_dep", "log(2) / (t_half_dep_days * 24)"),
    ("D2_input", "D2_food_ug_day * nmol_per_ug_D2 / 24"),
    ("J_abs_D3", "F_D * ka_D * D3_gut + D3_oral_input"),
    ("J_abs_D2", "F_D * ka_D * D2_gut + D2_input"),
    ("J_fp_D3", "(1 - f_lpl) * f_fp * J_abs_D3"),
    ("J_fp_D2", "(1 - f_lpl) * f_fp * J_abs_D2"),
    ("OHD3_input", "OHD3_food_ug_day * nmol_per_ug_OHD3 * F_OHD / 24"),
    ("C_OHD3", "OHD3 / V_OHD"),
    ("C_OHD2", "OHD2 / V_OHD"),
    ("C_OHD", "C_OHD3 + C_OHD2"),
    ("k_OHD3", "log(2) / (t_half_OHD3_days * 24)"),
    ("k_OHD2", "log(2) / (t_half_OHD2_days * 24)"),
    ("cat_eff", "1 + cat_max * CYP24"),
    ("d2_on_ohd3", "1 + k_d2_ohd3 * C_OHD2"),
    ("sub_ref", "C25_ref**sub_gam / (C25_ref**sub_gam + sub_k**sub_gam)"),
    ("vdr_ref", "C25_ref**vdr25_gam / (C25_ref**vdr25_gam + vdr25_c50**vdr25_gam)"),
    ("pth_ref", "1 + pthd_max * pthd_k**pthd_gam / (pthd_k**pthd_gam + C25_ref**pthd_gam)"),
]

# the core's hooks, replaced in place
HOOKS = {
    "VD_substrate": "where(vd_effects_on > 0.5, (C_OHD**sub_gam / (C_OHD**sub_gam + sub_k**sub_gam)) / sub_ref, 1.0)",
    "VD_pth_eff": "where(vd_effects_on > 0.5, (1 + pthd_max * pthd_k**pthd_gam / (pthd_k**pthd_gam + C_OHD**pthd_gam)) / pth_ref, 1.0)",
    "C8_vdr_extra": "where(vd_effects_on > 0.5, vdr25_max * (C_OHD**vdr25_gam / (C_OHD**vdr25_gam + vdr25_c50**vdr25_gam) - vdr_ref), 0.0)",
    "VDR_rankl_eff": "where(vd_effects_on > 0.5, 1 + maximum(C8_vdr_extra, 0.0) / vdr_rankl_c, 1.0)",
}


def declare(model: Model) -> None:
    for name, unit, label, rate in STATES:
        model.state(name, unit, label, MODULE, rate)
    # vitamin D assignments depend only on vitamin D states and parameters: put them first so the
    # core's hooks (defined early in the core) can use them.
    for name, expr in ASSIGNMENTS:
        model.prepend(name, expr, MODULE)
    for hook, expr in HOOKS.items():
        model.replace_assignment(hook, expr)
    model.dosable("vitamin D3", "D3_gut", "ug", "nmol_per_ug_D3")
    model.dosable("vitamin D2", "D2_gut", "ug", "nmol_per_ug_D2")
    model.dosable("calcifediol", "OHD3_gut", "ug", "nmol_per_ug_OHD3")
    out = model.output
    out("25ohd", "C_OHD", "nmol/L", "total 25(OH)D (D2 + D3)", MODULE)
    out("25ohd3", "C_OHD3", "nmol/L", "25(OH)D3", MODULE)
    out("25ohd2", "C_OHD2", "nmol/L", "25(OH)D2", MODULE)
    out("vitamin_d3_plasma", "C_D3", "nmol/L", "plasma cholecalciferol", MODULE)
