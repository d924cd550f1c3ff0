"""Calcium homeostasis and bone remodelling: Peterson & Riggs 2010 (Bone 46:49-63).

Written from the published mathematics as curated in BioModels BIOMD0000000613 (CC0), with the
published state and parameter names. Numbers hard-coded in the published equations are named
parameters here (``Ca_ref``, ``PTHc_ref``, ...; see ``data/parameters/peterson2010.csv``).

Differences from the BioModels file, all switchable by parameters:

* OPG and RANKL are consumed by their binding (``- k1*O*L + k2*N`` in dO/dt and dL/dt), as in the
  authors' original equations (the BioModels file omits these two terms).
* ``fix_gland_capacity`` (0 in ``Peterson2010``): the calcitriol EC50 of the parathyroid
  capacity loop is computed from the baseline calcitriol instead of the current one, which makes
  the loop live (science notes sec. 5.1).
* ``fix_phos_floor``: the phosphate effect on 1-alpha-hydroxylase cannot go below zero.
* ``opg_pth_floor``: OPG production stays finite as PTH -> 0 (0 = published form).
* ``fix_runx2`` with ``runx2_width``: the RUNX2 jump at BCL2 = 105 is smoothed by a logistic.
* ``ca_adapt_beta`` (0 in ``Peterson2010``): the absorbable fraction of intake ``F11`` is scaled by
  (reference intake / habitual intake) ** beta, habitual intake being the running mean of diet plus
  supplements (``Ca_intake_hab``, time constant ``ca_adapt_tau``). In the published model the
  fraction absorbed at steady state is ``F11`` whatever the intake (everything that enters the
  absorbable pool is absorbed), so it hardly adapts; in women it is about inversely proportional to
  the square root of intake (Heaney 1989: 0.45 at ~200 mg/day, ~0.15 above 2000 mg/day). That law
  is for *true* absorption, so ``Ca_endo`` (0 in ``Peterson2010``) splits the published absorption
  (net) into true absorption (``J40``, the absorbable fraction scaled by ``k_true_abs`` so that the
  reference is unchanged) minus an endogenous faecal loss from plasma (``J_endo``); ``J40net`` is
  what the published ``J40`` was.
* ``reabs_offset_gfr`` (0 in ``Peterson2010``): the basal urinary calcium offset ``reabs_offset``
  scales as (GFR / ``gfr_offset_ref_ml_min``) ** ``reabs_offset_gfr``. As an absolute rate it made
  urinary calcium rise again below ~30 mL/min, where in people it keeps falling with GFR (CRIC,
  Liu 2022); identical at the reference GFR of 100 mL/min.

Hooks other modules fill in (placeholders here, neutral values): ``VD_substrate`` (vitamin D
substrate effect on calcitriol synthesis), ``VD_pth_eff`` (local parathyroid effect of 25(OH)D),
``C8_vdr_extra`` (VDR activation by supraphysiological 25(OH)D, pM calcitriol-equivalent),
``VDR_rankl_eff`` (relative RANKL production from that VDR activation), ``Ca_supp_rate``
(supplement calcium entering the gut, mmol/h), ``RANKL_age_eff`` (ageing and menopause),
``Ca_soft_tissue_rate`` (calcium leaving plasma to soft tissue, mmol/h), ``Bone_dep_eff``
(relative calcium deposition into bone, the bone set-point feedback).
"""

from __future__ import annotations

from .declaration import Model

MODULE = "calcium_bone"

STATES = [
    # name, unit, label
    ("PTH", "pmol", "plasma PTH (amount in V1)"),
    ("S", "1", "parathyroid gland active pool"),
    ("PTmax", "1", "parathyroid gland maximal capacity"),
    ("B", "pmol", "plasma calcitriol (amount in V1)"),
    ("SC", "pmol", "subcutaneous PTH depot"),
    ("A", "pmol/h", "1-alpha-hydroxylase activity (calcitriol production rate)"),
    ("P", "mmol", "extracellular calcium"),
    ("ECCPhos", "mmol", "extracellular phosphate"),
    ("T", "mmol", "absorbable gut calcium"),
    ("R", "1", "calcitriol-dependent gut absorption capacity"),
    ("HAp", "1", "hydroxyapatite formation signal"),
    ("PhosGut", "mmol", "gut phosphate"),
    ("IntraPO", "mmol", "intracellular phosphate"),
    ("OC", "pM", "active osteoclasts"),
    ("ROB1", "pM", "responding osteoblasts"),
    ("L", "pM", "RANKL"),
    ("RNK", "pM", "RANK"),
    ("O", "pM", "OPG"),
    ("Q", "mmol", "immediately exchangeable bone calcium"),
    ("Qbone", "mmol", "non-immediately exchangeable bone calcium"),
    ("RX2", "1", "RUNX2"),
    ("CREB", "1", "CREB"),
    ("BCL2", "1", "BCL2"),
    ("TERISC", "pmol", "teriparatide subcutaneous depot"),
    ("TGFB", "1", "latent TGF-beta"),
    ("TGFBact", "1", "active TGF-beta"),
    ("OBfast", "pM", "osteoblasts, fast-turnover"),
    ("OBslow", "pM", "osteoblasts, slow-turnover"),
    ("M", "pM", "RANK-RANKL complex"),
    ("N", "pM", "OPG-RANKL complex"),
]

# (name, expression) in evaluation order; names are those of the published model.
ASSIGNMENTS = [
    # hooks (neutral here; other modules replace them)
    ("VD_substrate", "1.0"),
    ("VD_pth_eff", "1.0"),
    ("C8_vdr_extra", "0.0"),
    ("VDR_rankl_eff", "1.0"),
    ("Ca_supp_rate", "0.0"),
    ("RANKL_age_eff", "1.0"),
    ("ROB_meno_eff", "1.0"),
    ("Ca_soft_tissue_rate", "0.0"),
    ("Bone_dep_eff", "1.0"),
    # bone calcium fluxes
    ("T13", "CaDay / 24 / Q0"),
    ("T15", "CaDay / (Ca_ref * V1 * 24)"),
    ("T17", "PTHc_ref * T16 - PTHc_ref"),
    ("J14OC50", "exp(log(J14OCmax * OC0**J14OCgam / T13 - OC0**J14OCgam) / J14OCgam)"),
    ("OCeqn", "J14OCmax * OC**J14OCgam / (OC**J14OCgam + J14OC50**J14OCgam)"),
    ("kinRNK", "(koutRNK * RNK0 + k3 * RNK0 * RANKL0 - k4 * M0) / TGFBact0**kinRNKgam"),
    ("MOCratio", "M / OC"),
    ("MOCratio0", "M0 / OC0"),
    ("MOCratioEff", "(MOCratio / MOCratio0)**MOCratioGam"),
    ("J14OCdepend", "OCeqn * Q0 * FracJ14 * MOCratioEff"),
    ("J14", "T13 * Q0 * (1 - FracJ14) + J14OCdepend"),
    ("J41", "PCa_ratio * J14"),
    ("bigDb", "kb * OB0 * Pic0 / ROB0"),
    ("kinTGF", "koutTGF0 * TGFB0"),
    ("koutTGFact", "koutTGF0 * TGF_act_ratio"),
    ("koutTGFeqn", "koutTGF0 * TGFB * (OC / OC0)**OCtgfGAM"),
    ("E0PicROB", "FracPicROB * Pic0"),
    ("EC50PicROBparen", "EmaxPicROB * TGFBact0**PicROBgam / (Pic0 - E0PicROB) - TGFBact0**PicROBgam"),
    ("EC50PicROB", "exp(log(EC50PicROBparen) / PicROBgam)"),
    ("Dr", "kb * OB0 / Pic0"),
    ("PicROB", "E0PicROB + EmaxPicROB * TGFBact**PicROBgam / (TGFBact**PicROBgam + EC50PicROB**PicROBgam)"),
    ("ROBin", "Dr * PicROB * ROB_meno_eff"),
    ("E0PicOB", "FracPicOB * Pic0"),
    ("EC50PicOBparen", "EmaxPicOB * TGFBact0**PicOBgam / (Pic0 - E0PicOB) - TGFBact0**PicOBgam"),
    ("EC50PicOB", "exp(log(EC50PicOBparen) / PicOBgam)"),
    ("PicOB", "E0PicOB + EmaxPicOB * TGFBact**PicOBgam / (TGFBact**PicOBgam + EC50PicOB**PicOBgam)"),
    ("KPT", "bigDb / PicOB"),
    ("EC50MeffOC", "exp(log(M0**kinOCgam * EmaxMeffOC / (1 - E0Meff) - M0**kinOCgam) / kinOCgam)"),
    ("MeffOC", "E0Meff + EmaxMeffOC * M**kinOCgam / (M**kinOCgam + EC50MeffOC**kinOCgam)"),
    ("kinOC2", "Da * Pic0 * MeffOC * OC0"),
    ("E0PicOC", "FracPicOC * Pic0"),
    ("EC50PicOCparen", "EmaxPicOC * TGFBact0**PicOCgam / (Pic0 - E0PicOC) - TGFBact0**PicOCgam"),
    ("EC50PicOC", "exp(log(EC50PicOCparen) / PicOCgam)"),
    ("PicOC", "E0PicOC + EmaxPicOC * TGFBact**PicOCgam / (TGFBact**PicOCgam + EC50PicOC**PicOCgam)"),
    ("PiL0", "(k3 / k4) * RANKL0"),
    ("PiL", "M / PiL_scale"),
    ("EC50survInPar", "(E0RANKL - EmaxL) * (PiL0**LsurvOCgam / (E0RANKL - 1)) - PiL0**LsurvOCgam"),
    ("EC50surv", "exp(log(EC50survInPar) / LsurvOCgam)"),
    ("LsurvOC", "E0RANKL - (E0RANKL - EmaxL) * (PiL**LsurvOCgam / (PiL**LsurvOCgam + EC50surv**LsurvOCgam))"),
    ("KLSoc", "Da * PicOC * LsurvOC"),
    ("C4", "PTH / V1"),
    ("T66", "(T67**AlphOHgam + PTHc_ref**AlphOHgam) / PTHc_ref**AlphOHgam"),
    ("k15a", "k14a * QboneInit / Q0"),
    ("J14a", "k14a * Qbone"),
    ("J15a", "k15a * Q"),
    ("kLShap", "1 / HApMRT"),
    ("kHApIn", "kLShap / OB0"),
    ("J15", "(T15 * P * (1 - FracJ15) + T15 * P * FracJ15 * HAp) * Bone_dep_eff"),
    ("J42", "PCa_ratio * J15"),
    ("OBfast0", "OB0 * FracOBfast"),
    ("Osteoblast", "OBfast + OBslow"),
    ("kinLbase", "koutL * RANKL0"),
    ("OsteoEffect", "(Osteoblast / OB0)**OsteoEffectGam"),
    ("PTH50", "EmaxLpth * PTHc_ref - PTHc_ref"),
    ("LpthEff", "EmaxLpth * C4 / (PTH50 * OsteoEffect**TESTPOWER + C4)"),
    ("kinL", "kinLbase * OsteoEffect * LpthEff * RANKL_age_eff * VDR_rankl_eff"),
    ("pObase", "kO * OPG0"),
    ("C4opg", "sqrt(C4**2 + opg_pth_floor**2) * PTHc_ref / sqrt(PTHc_ref**2 + opg_pth_floor**2)"),
    ("pO", "pObase * (ROB1 / ROB0) * ((C4 + opgPTH50 * (ROB1 / ROB0)) / (2 * C4opg)) + IO"),
    ("RX2Kin", "RX2Kout0 * RX20"),
    ("EC50PTHRX2x", "EmaxPTHRX2x * PTHc_ref / (RX2Kout0 - E0rx2Kout) - PTHc_ref"),
    ("RX2Kout", "E0rx2Kout + EmaxPTHRX2x * C4 / (C4 + EC50PTHRX2x)"),
    ("EC50PTHcreb", "EmaxPTHcreb * PTHc_ref / (1 - E0crebKin) - PTHc_ref"),
    ("crebKin0", "crebKout * CREB0"),
    ("crebKin", "crebKin0 * (E0crebKin + EmaxPTHcreb * C4 / (C4 + EC50PTHcreb))"),
    ("bcl2Kin", "RX2 * CREB * k_bcl2_in"),
    ("CaConc", "P / V1"),
    ("C2", "ECCPhos / V1"),
    ("PO4inhPTH", "(C2 / Phos_ref)**PO4inhPTHgam"),
    ("PhosEffTop", "(PhosEff0 - 1) * (Phos_ref**PhosEffGam + PhosEff50**PhosEffGam)"),
    ("PhosEffBot", "PhosEff0 * Phos_ref**PhosEffGam"),
    ("PhosEffMax", "PhosEffTop / PhosEffBot"),
    ("PhosEff", "PhosEff0 - PhosEffMax * PhosEff0 * C2**PhosEffGam / (C2**PhosEffGam + PhosEff50**PhosEffGam)"),
    ("PhosEffect", "where(C2 > Phos_ref, where(fix_phos_floor > 0.5, maximum(PhosEff, 0.0), PhosEff), 1.0)"),
    ("T68", "T66 * C4**AlphOHgam / (T67**AlphOHgam * PO4inhPTH + C4**AlphOHgam)"),
    ("SE", "T65 * T68 * PhosEffect * VD_substrate"),
    ("C8", "B / V1"),
    ("C8vdr", "C8 + C8_vdr_extra"),
    ("C1", "P / V1"),
    ("T36", "T33 + (T34 - T33) * (C8vdr**CaPOgam / (T35**CaPOgam + C8vdr**CaPOgam))"),
    ("T37", "T34 - (T34 - T33) * (C8vdr**CaPOgam / (T35**CaPOgam + C8vdr**CaPOgam))"),
    ("CaFilt", "fu_Ca * f_PTHdep * GFR * C1"),
    ("ReabsMax", "(f_reabs_ind * GFR * Ca_ref - reabs_offset * (GFR * GFR_ml_min_per_L_h / gfr_offset_ref_ml_min)**reabs_offset_gfr) * (Reabs50 + Ca_ref) / Ca_ref"),
    ("ReabsPTHeff", "T16 * C4 / (C4 + T17)"),
    ("CaReabsActive", "(ReabsMax * C1 / (Reabs50 + C1)) * ReabsPTHeff"),
    ("T20", "CaFilt - CaReabsActive"),
    ("T10", "T7 * C8vdr / (C8vdr + T9)"),
    ("J27a", "(2 - T10) * T20"),
    ("J27", "where(J27a < 0, 0.0, J27a)"),
    ("ScaEff", "(Ca_ref / CaConc)**ScaEffGam"),
    ("T72", "C8_ref * ScaEff"),
    ("T73", "T71 * (C8 - T72)"),
    ("T74", "tanh(T73)"),
    ("T75", "T70 * (gland_hi * (1 + T74) + gland_lo)"),
    ("T76", "T70 * (gland_hi * (1 - T74) + gland_lo)"),
    ("T47", "T46 * f_PO4_filt * GFR"),
    ("J48a", "f_PO4_filt * GFR * C2 - T47"),
    ("J48", "where(J48a < 0, 0.0, J48a)"),
    ("J53", "T52 * PhosGut"),
    ("J54", "T49 * C2"),
    ("J56", "T55 * IntraPO"),
    ("E0PicOBkb", "MultPicOBkb * Pic0"),
    ("EmaxPicOBkb", "FracPic0kb * Pic0"),
    ("EC50PicOBparenKb", "(E0PicOBkb - EmaxPicOBkb) * TGFBact0**PicOBgamkb / (E0PicOBkb - Pic0) - TGFBact0**PicOBgamkb"),
    ("EC50PicOBkb", "exp(log(EC50PicOBparenKb) / PicOBgamkb)"),
    ("PicOBkb", "E0PicOBkb - (E0PicOBkb - EmaxPicOBkb) * TGFBact**PicOBgamkb / (TGFBact**PicOBgamkb + EC50PicOBkb**PicOBgamkb)"),
    ("PicOBkbEff", "PicOBkb / Pic0"),
    ("E0RUNX2kbEff", "E0RUNX2kbEffFACT * kb"),
    ("RUNX2", "where(fix_runx2 > 0.5, RX2_low + (BCL2 - BCL2_offset - RX2_low) * sigmoid((BCL2 - BCL2_switch) / runx2_width), where(BCL2 > BCL2_switch, BCL2 - BCL2_offset, RX2_low))"),
    ("RUNkbMax", "E0RUNX2kbEff * RUNkbMaxFact"),
    ("INparen", "RUNkbMax * RUNX20**RUNkbGAM / (E0RUNX2kbEff - kb) - RUNX20**RUNkbGAM"),
    ("RUNkb50", "exp(log(INparen) / RUNkbGAM)"),
    ("RUNX2kbPrimeEff", "RUNkbMax * RUNX2**RUNkbGAM / (RUNX2**RUNkbGAM + RUNkb50**RUNkbGAM)"),
    ("kbprime", "E0RUNX2kbEff * PicOBkbEff - RUNX2kbPrimeEff"),
    ("kbslow", "kbprime * Frackb"),
    ("kbfast", "(kb * OB0 + kbslow * OBfast0 - kbslow * OB0) / OBfast0"),
    ("Frackb2", "kbfast / kbprime"),
    ("T29", "(T28 * T0 - T29_frac * T0) / T29_frac"),
    ("T31", "T28 * T / (T + T29)"),
    ("T83", "R / R_ref"),
    ("J40", "T31 * T * T83 / (T + T81) + T87 * T"),
    ("F11", "T77 * R**T80 / (R**T80 + T81**T80)"),
    ("Ca_intake_rate", "OralCa + Ca_supp_rate"),
    ("Ca_adapt_fac", "((ca_adapt_ref**2 + ca_adapt_floor**2) / (Ca_intake_hab**2 + ca_adapt_floor**2))**(ca_adapt_beta / 2)"),
    ("C8r_abs", "B_ref / V1"),
    ("R_ref_abs", "(T33 + (T34 - T33) * C8r_abs**CaPOgam / (T35**CaPOgam + C8r_abs**CaPOgam)) / (T33 + T34)"),
    ("F11_ref", "T77 * R_ref_abs**T80 / (R_ref_abs**T80 + T81**T80)"),
    ("k_true_abs", "1 + Ca_endo / (F11_ref * ca_adapt_ref)"),
    ("F11abs", "F11 * Ca_adapt_fac * k_true_abs"),
    ("J_endo", "Ca_endo * P / (Ca_ref * V1)"),
    ("J40net", "J40 - J_endo"),
    ("C8_ctriol50", "where(fix_gland_capacity > 0.5, B_ref / V1, C8)"),
    ("INparenCtriol", "(CtriolMax - CtriolMin) * C8_ctriol50**CtriolPTgam / (CtriolMax - 1) - C8_ctriol50**CtriolPTgam"),
    ("Ctriol50", "exp(log(INparenCtriol) / CtriolPTgam)"),
    ("CtriolPTeff", "CtriolMax - (CtriolMax - CtriolMin) * C8**CtriolPTgam / (C8**CtriolPTgam + Ctriol50**CtriolPTgam)"),
    ("PTin", "PTout * CtriolPTeff"),
    ("INparenCa", "(T58 - T61) * Ca_ref**T59 / (T58 - SPTH_ref) - Ca_ref**T59"),
    ("T60", "exp(log(INparenCa) / T59)"),
    ("FCTD", "(S / S_ref) * PTmax"),
    ("T63", "T58 - (T58 - T61) * CaConc**T59 / (CaConc**T59 + T60**T59)"),
    ("EPTH", "T63 * FCTD * VD_pth_eff"),
    ("IPTH", "k_SC * SC + IPTHinf"),
    ("SPTH", "EPTH + IPTH"),
    ("kout", "T57 / V1"),
    ("TERIPK", "TERISC * TERICL / TERIVC"),
]

RATES = {
    "PTH": "SPTH + TERIPK - kout * PTH",
    "S": "(1 - S) * T76 - S * T75",
    "PTmax": "PTin - PTout * PTmax",
    "B": "A - T69 * B",
    "SC": "IPTHint - k_SC * SC",
    "A": "SE - T64 * A",
    "P": "J14 + J40 - J15 - J27 - Ca_soft_tissue_rate - J_endo",
    "ECCPhos": "J41 + J53 + J56 - J42 - J48 - J54",
    "T": "Ca_intake_rate * F11abs - J40",
    "R": "T36 * (1 - R) - T37 * R",
    "HAp": "kHApIn * Osteoblast - kLShap * HAp",
    "PhosGut": "OralPhos * F12 - J53",
    "IntraPO": "J54 - J56",
    "OC": "kinOC2 - KLSoc * OC",
    "ROB1": "ROBin - KPT * ROB1",
    "L": "kinL - koutL * L - k3 * RNK * L + k4 * M - binding_consumes * (k1 * O * L - k2 * N)",
    "RNK": "kinRNK * TGFBact**kinRNKgam - koutRNK * RNK - k3 * RNK * L + k4 * M",
    "O": "pO - kO * O - binding_consumes * (k1 * O * L - k2 * N)",
    "Q": "J15 - J14 + J14a - J15a",
    "Qbone": "J15a - J14a",
    "RX2": "RX2Kin - RX2Kout * RX2",
    "CREB": "crebKin - crebKout * CREB",
    "BCL2": "bcl2Kin - bcl2Kout * BCL2",
    "TERISC": "-TERIPK",
    "TGFB": "kinTGF * (Osteoblast / OB0)**OBtgfGAM - koutTGFeqn",
    "TGFBact": "koutTGFeqn - koutTGFact * TGFBact",
    "OBfast": "(bigDb / PicOB) * ROB1 * FracOBfast * Frackb2 - kbfast * OBfast",
    "OBslow": "(bigDb / PicOB) * ROB1 * (1 - FracOBfast) * Frackb - kbslow * OBslow",
    "M": "k3 * RNK * L - k4 * M",
    "N": "k1 * O * L - k2 * N",
}

MG_PER_MMOL_CA = "Ca_mg_per_mmol"


def declare(model: Model) -> None:
    for name, unit, label in STATES:
        model.state(name, unit, label, MODULE, RATES[name])
    for name, expr in ASSIGNMENTS:
        model.let(name, expr, MODULE)
    # intake adaptation of calcium absorption (calcifate; ca_adapt_beta = 0 is the published model)
    model.state("Ca_intake_hab", "mmol/h", "habitual calcium intake (diet + supplements, running mean)", MODULE,
                "(Ca_intake_rate - Ca_intake_hab) / ca_adapt_tau")
    # calcium bookkeeping (cumulative fluxes, mmol) for mass balance
    model.state("Ca_diet_cum", "mmol", "cumulative dietary calcium intake", MODULE, "OralCa", kind="accumulator")
    model.state("Ca_faecal_cum", "mmol", "cumulative faecal calcium (unabsorbed intake + endogenous)", MODULE,
                "(1 - F11abs) * Ca_intake_rate + J_endo", kind="accumulator")
    model.state("Ca_urine_cum", "mmol", "cumulative urinary calcium", MODULE, "J27", kind="accumulator")
    model.dosable("teriparatide", "TERISC", "ug", "teri_ug_to_pmol")

    out = model.output
    out("pth", "C4", "pmol/L", "intact PTH", MODULE)
    out("calcitriol", "C8", "pmol/L", "1,25(OH)2D", MODULE)
    out("serum_calcium", "CaConc", "mmol/L", "total serum calcium", MODULE)
    out("serum_phosphate", "C2", "mmol/L", "serum phosphate", MODULE)
    out("calcium_absorbed", f"J40net * 24 * {MG_PER_MMOL_CA}", "mg/day",
        "net gut calcium absorption rate (true absorption minus endogenous faecal calcium)", MODULE)
    out("urinary_calcium", f"J27 * 24 * {MG_PER_MMOL_CA}", "mg/day", "urinary calcium", MODULE)
    out("bone_calcium", f"(Q + Qbone) * {MG_PER_MMOL_CA} / 1000", "g", "total bone calcium", MODULE)
