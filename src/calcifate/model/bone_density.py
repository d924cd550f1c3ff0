"""Bone mineral density, ageing and menopause, and the calcium supplement route.

* Lumbar-spine BMD: the indirect-response model of Peterson & Riggs 2012 (CPT:PSP 1:e14),
  driven by the bone cells: dBMD/dt = kout (OB/OB0)^g_ob * Mineral - kout (OC/OC0)^g_oc * BMD.
* Femoral-neck BMD: the same cell-driven structure, a labelled assumption: the osteoblast
  exponent scaled by the femoral-neck/lumbar response to teriparatide (Neer 2001), the osteoclast
  exponent by the response to antiresorptive denosumab (Cummings 2009), slower turnover.
* ``BMD_mineral_eff`` is the hook through which a change in bone mineralisation (carboxylated
  osteocalcin, the vitamin K module) moves BMD formation; it is 1 here.
* Both BMD outputs are the cell-driven (remodelling) term times the skeleton's mineral relative to
  day 0 (a labelled assumption: bone mineral content follows bone calcium). With the set point on,
  that mineral is the set point's course (ageing, menopause) times the part of bone calcium's gap
  from the set point that the feedback cannot close (beyond ``mech_span``: a lasting imbalance, as
  in kidney failure). The gap within the span is the remodelling transient of the calcium core
  (e.g. a calcium supplement's), which the cell-driven term already carries; counting it in both
  doubled the supplement's BMD gain (Riggs 1998, docs/validation.md, session 7). Without the set
  point (``Peterson2010``) it is bone calcium itself.
* Ageing (``ageing_on``): RANKL production may rise with age after peak bone mass
  (``age_rankl_rate``, 0 by default). Age at time t is ``age_years + t / 8766``.
* Menopause (women): estrogen deficiency rises linearly from 0 to 1 across the transition, from
  ``meno_e2_start_years`` (-2.03) to ``meno_e2_end_years`` (+2.17) around the final menstrual period
  at ``age_menopause`` (the fall of mean estradiol in SWAN; Randolph 2011). It acts three ways:
  RANKL production rises by ``meno_max`` (Eghbali-Fatourechi 2003) and responding-osteoblast
  production by ``meno_ob``, so that resorption and formation markers rise as in Garnero 1996
  (+79-97 % and +37-52 %, sustained); and the bone calcium set point falls by ``meno_set`` (as a
  log-ratio), followed with a lag of ``meno_tau_years`` (estrogen deficiency switches remodelling
  next to marrow to a losing mode until biomechanics stop the loss: Frost 1999; the accelerated
  loss fades exponentially over 5-10 years: Riggs, Khosla & Melton 1998). With the denosumab-fitted
  BMD exponents a coupled rise of resorption and formation moves the cell-driven BMD little; the
  set point carries most of the menopausal loss. The femoral neck shows a share ``fn_meno_share`` of
  the set point's menopausal fall (the early loss is mostly cancellous bone; Riggs, Khosla & Melton
  1998), fitted to SWAN. The ageing terms are calibrated with the set point below on
  (tools/calibrate_ageing.py).
* Bone set point (``mech_gain``; 0 in ``Peterson2010``, where total bone calcium is a pure
  integrator of the calcium balance): calcium deposition into bone (the core's J15) is scaled by
  (bone calcium / set point) ** -mech_gain, so bone calcium returns towards a set point after a
  change in calcium supply (the remodelling transient; Heaney 1994) instead of drifting for ever.
  The feedback saturates once bone calcium is more than ``mech_span`` (relative) from its set
  point, so where the core cannot balance calcium (kidney failure) bone keeps being lost.
  The set point falls with age after peak bone mass, ever faster (``age_set_rate`` at
  ``age_set_ref_years``: involutional loss of skeletal calcium, which accelerates with age;
  Ensrud 1995); the person's own set point (``bone_set``) is found before day 0 so that their
  bone calcium is tracking it (the person has lived on their inputs for years). In women the set
  point also falls across the menopause (``meno_set``, above).
"""

from __future__ import annotations

from .declaration import Model

MODULE = "bone_density"
HOURS_PER_YEAR = 8766.0


def _set_point(age: str) -> str:
    """Bone calcium set point relative to peak bone mass at ``age`` (years): it falls at a relative
    rate growing linearly from 0 at peak bone mass to ``age_set_rate`` at ``age_set_ref_years``."""
    x = f"maximum({age} - age_peak_bone, 0.0)"
    return f"exp(-age_set_rate * {x}**2 / (2 * (age_set_ref_years - age_peak_bone)))"


def _ramp(age: str) -> str:
    """Estrogen deficiency at ``age``: 0 -> 1 linearly across the menopausal transition."""
    return (f"(maximum({age} - age_menopause - meno_e2_start_years, 0.0)"
            f" - maximum({age} - age_menopause - meno_e2_end_years, 0.0))"
            " / (meno_e2_end_years - meno_e2_start_years)")


def _lagged_ramp(age: str) -> str:
    """The ramp through a first-order lag (time constant ``meno_tau_years``), in closed form: the
    lag of a ramp starting at u = 0 is u - tau (1 - exp(-u / tau))."""
    def r(u):
        return f"({u} - meno_tau_years * (1 - exp(-{u} / meno_tau_years)))"
    u0 = f"maximum({age} - age_menopause - meno_e2_start_years, 0.0)"
    u1 = f"maximum({age} - age_menopause - meno_e2_end_years, 0.0)"
    return f"({r(u0)} - {r(u1)}) / (meno_e2_end_years - meno_e2_start_years)"


def declare(model: Model) -> None:
    let = lambda n, e: model.let(n, e, MODULE)  # noqa: E731
    pre = lambda n, e: model.prepend(n, e, MODULE)  # noqa: E731
    pre("age_now", f"age_years + t / {HOURS_PER_YEAR}")
    pre("age_term", "exp(age_rankl_rate * maximum(age_now - age_peak_bone, 0.0))")
    # estrogen deficiency (0 before the menopausal transition, 1 after it): mean estradiol falls
    # from meno_e2_start_years to meno_e2_end_years around the final menstrual period (Randolph
    # 2011, SWAN), here a linear ramp; meno_lag_* is the ramp through a first-order lag of
    # meno_tau_years (the set point's fall, below)
    pre("meno_s_now", f"(1 - sex_male) * {_ramp('age_now')}")
    pre("meno_lag_now", f"(1 - sex_male) * {_lagged_ramp('age_now')}")
    pre("meno_lag_day0", f"(1 - sex_male) * {_lagged_ramp('age_years')}")
    model.replace_assignment("RANKL_age_eff", "where(ageing_on > 0.5, age_term * (1 + meno_max * meno_s_now), 1.0)")
    model.replace_assignment("ROB_meno_eff", "where(ageing_on > 0.5, 1 + meno_ob * meno_s_now, 1.0)")
    # bone calcium set point, relative to day 0: falls with age after peak bone mass
    pre("set_age_now", _set_point("age_now"))
    pre("set_age_day0", _set_point("age_years"))
    pre("meno_set_factor", "where(ageing_on > 0.5, exp(-meno_set * (meno_lag_now - meno_lag_day0)), 1.0)")
    pre("bone_set_now", "bone_set * where(ageing_on > 0.5, set_age_now / set_age_day0, 1.0) * meno_set_factor")
    # ~ (bone / set point) ** -mech_gain near the set point, saturating beyond a gap of mech_span
    model.replace_assignment("Bone_dep_eff",
                             "exp(-mech_gain * mech_span * tanh(log(maximum((Q + Qbone) / bone_set_now, 1e-3)) / mech_span))")
    # calcium supplement: stomach -> absorbable gut pool (same fractional absorption as food)
    model.state("Ca_supp_gut", "mmol", "supplemental calcium not yet in the absorbable gut pool", MODULE,
                "-k_ca_supp * Ca_supp_gut")
    model.replace_assignment("Ca_supp_rate", "k_ca_supp * Ca_supp_gut")
    model.dosable("calcium", "Ca_supp_gut", "mg", "1 / Ca_mg_per_mmol")

    let("BMD_mineral_eff", "1.0")
    # anabolic (modelling-based) formation under intermittent PTH: BCL2 above the published RUNX2
    # switch, which only daily PTH pulses reach (without the smoothing of fix_runx2, so that small
    # excursions below the switch, e.g. with a calcium supplement, add nothing)
    # The gate on CREB above its baseline keeps the term to PTH pulses: BCL2 (= RUNX2 x CREB) also
    # crosses the switch when PTH is suppressed (RUNX2 then accumulates while CREB falls, e.g. in
    # vitamin D intoxication), which is no anabolic PTH signal (Jilka 1999: intermittent PTH
    # raises osteoblast survival through PKA/CREB).
    let("anabolic_ratio", "1 + maximum(BCL2 - BCL2_switch, 0.0) / RX2_low"
                          " * sigmoid((CREB / CREB0 - 1) / ana_creb_width)")
    let("ob_ratio", "Osteoblast / OB0")
    let("oc_ratio", "OC / OC0")
    let("kout_fn", "kout_ls * fn_kout_scale")
    model.state("BMDls", "1", "lumbar-spine BMD relative to the reference young adult", MODULE,
                "kout_ls * (ob_ratio**g_ob_ls * anabolic_ratio**g_ana_ls * BMD_mineral_eff**mineral_eff_on_bmd"
                " - oc_ratio**g_oc_ls * BMDls)")
    model.state("BMDfn", "1", "femoral-neck BMD relative to the reference young adult", MODULE,
                "kout_fn * (ob_ratio**(g_ob_ls * fn_scale) * anabolic_ratio**(g_ana_ls * fn_ana_scale)"
                " * BMD_mineral_eff**mineral_eff_on_bmd"
                " - oc_ratio**(g_oc_ls * fn_oc_scale) * BMDfn)")
    # the skeleton's mineral relative to day 0, as BMD sees it beyond the cell-driven term: the set
    # point's course (ageing, menopause) and the part of bone calcium's gap from it that the
    # feedback cannot close (beyond mech_span: a lasting imbalance, e.g. kidney failure). The gap
    # within the span is the remodelling transient, which the cell-driven term already carries.
    let("bone_gap", "log(maximum((Q + Qbone) / bone_set_now, 1e-3))")
    let("bone_gap_beyond", "bone_gap - mech_span * tanh(bone_gap / mech_span)")
    let("bone_mineral_ratio", "where(mech_gain > 0, bone_set_now / bone_set * exp(bone_gap_beyond - bone_gap_beyond_day0),"
                              " (Q + Qbone) / bone_ca_day0)")
    model.output("bmd_lumbar_change", "(BMDls / BMDls_day0 * bone_mineral_ratio - 1) * 100", "%",
                 "lumbar-spine BMD change from day 0", MODULE)
    # the femoral neck takes a share fn_meno_share of the menopausal fall (the early loss is mostly
    # cancellous bone, and the femoral neck has less of it than the spine)
    let("fn_mineral_ratio", "bone_mineral_ratio * where(mech_gain > 0, meno_set_factor ** (fn_meno_share - 1), 1.0)")
    model.output("bmd_femoral_neck_change", "(BMDfn / BMDfn_day0 * fn_mineral_ratio - 1) * 100", "%",
                 "femoral-neck BMD change from day 0", MODULE)
    model.output("calcium_absorbed_fraction", "100 * J40net / Ca_intake_rate", "%",
                 "net absorption rate / intake rate (24-h means)", MODULE)
    model.output("calcium_absorbed_true_fraction", "100 * J40 / Ca_intake_rate", "%",
                 "true absorption rate (before endogenous faecal loss) / intake rate", MODULE)
