"""Bone mineral density, ageing and menopause, and the calcium supplement route.

* Lumbar-spine BMD: the indirect-response model of Peterson & Riggs 2012 (CPT:PSP 1:e14),
  driven by the bone cells: dBMD/dt = kout (OB/OB0)^g_ob * Mineral - kout (OC/OC0)^g_oc * BMD.
* Femoral-neck BMD: the same cell-driven structure, a labelled assumption: the osteoblast
  exponent scaled by the femoral-neck/lumbar response to teriparatide (Neer 2001), the osteoclast
  exponent by the response to antiresorptive denosumab (Cummings 2009), slower turnover.
* ``BMD_mineral_eff`` is the hook through which a change in bone mineralisation (carboxylated
  osteocalcin, the vitamin K module) moves BMD formation; it is 1 here.
* Both BMD outputs are the cell-driven (remodelling) term times the skeleton's calcium relative
  to day 0 (a labelled assumption: bone mineral content follows bone calcium), so a lasting
  calcium imbalance shows as a steady loss or gain.
* Ageing (``ageing_on``): RANKL production rises with age after peak bone mass
  (``age_rankl_rate``), and in women after menopause (estrogen deficiency raises RANKL;
  Eghbali-Fatourechi 2003), so bone turnover rises and the cell-driven BMD falls. Age at time t is
  ``age_years + t / 8766``. The menopausal rise is sustained (estrogen stays low), rising with
  time constant ``meno_tau_years``. The ageing terms are calibrated with the set point below on;
  without it (``mech_gain`` = 0) a lasting rise in turnover would drain bone calcium for ever.
* Bone set point (``mech_gain``; 0 in ``Peterson2010``, where total bone calcium is a pure
  integrator of the calcium balance): calcium deposition into bone (the core's J15) is scaled by
  (bone calcium / set point) ** -mech_gain, so bone calcium returns towards a set point after a
  change in calcium supply (the remodelling transient; Heaney 1994) instead of drifting for ever.
  The feedback saturates once bone calcium is more than ``mech_span`` (relative) from its set
  point, so where the core cannot balance calcium (kidney failure) bone keeps being lost.
  The set point falls with age after peak bone mass, ever faster (``age_set_rate`` at
  ``age_set_ref_years``: involutional loss of skeletal calcium, which accelerates with age;
  Ensrud 1995); the person's own set point (``bone_set``) is found before day 0 so that their
  bone calcium is tracking it (the person has lived on their inputs for years). Menopausal loss
  comes through the bone cells (above), not through the set point.
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


def declare(model: Model) -> None:
    let = lambda n, e: model.let(n, e, MODULE)  # noqa: E731
    pre = lambda n, e: model.prepend(n, e, MODULE)  # noqa: E731
    pre("age_now", f"age_years + t / {HOURS_PER_YEAR}")
    pre("age_term", "exp(age_rankl_rate * maximum(age_now - age_peak_bone, 0.0))")
    pre("meno_x", "maximum(age_now - age_menopause, 0.0)")
    pre("meno_term", "(1 - sex_male) * meno_max * (1 - exp(-meno_x / meno_tau_years))")
    model.replace_assignment("RANKL_age_eff", "where(ageing_on > 0.5, age_term * (1 + meno_term), 1.0)")
    # bone calcium set point, relative to day 0: falls with age after peak bone mass
    pre("set_age_now", _set_point("age_now"))
    pre("set_age_day0", _set_point("age_years"))
    pre("bone_set_now", "bone_set * where(ageing_on > 0.5, set_age_now / set_age_day0, 1.0)")
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
    let("anabolic_ratio", "1 + maximum(BCL2 - BCL2_switch, 0.0) / RX2_low")
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
    model.output("bmd_lumbar_change", "(BMDls / BMDls_day0 * (Q + Qbone) / bone_ca_day0 - 1) * 100", "%", "lumbar-spine BMD change from day 0", MODULE)
    model.output("bmd_femoral_neck_change", "(BMDfn / BMDfn_day0 * (Q + Qbone) / bone_ca_day0 - 1) * 100", "%",
                 "femoral-neck BMD change from day 0", MODULE)
    model.output("calcium_absorbed_fraction", "100 * J40net / Ca_intake_rate", "%",
                 "net absorption rate / intake rate (24-h means)", MODULE)
    model.output("calcium_absorbed_true_fraction", "100 * J40 / Ca_intake_rate", "%",
                 "true absorption rate (before endogenous faecal loss) / intake rate", MODULE)
