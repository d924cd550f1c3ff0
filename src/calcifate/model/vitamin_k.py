"""Vitamin K: vitamer kinetics, the hepatic vitamin K cycle with anticoagulants, clotting factors
and INR, extrahepatic carboxylation of osteocalcin and MGP, and where calcium goes.

Amounts in nmol (vitamin K) or mg (drugs), concentrations in nmol/L or mg/L, time in hours.

* **Vitamers** K1, MK-4, MK-7 and MK-9 (MK-9 stands for the long-chain cheese menaquinones MK-8..MK-10).
  Each: gut lumen -> enterocyte/chylomicron stage -> plasma <-> exchangeable tissue pool. Oral
  availability depends on the form (oil capsule, tablet, food matrix) and the meal's fat
  (``fat_factor``; Gijsbers 1996, Garber 1999). Habitual dietary intake enters the chylomicron stage
  as a constant rate. Plasma clearance is split into hepatic uptake (triglyceride-rich lipoprotein
  remnants; feeds the liver's vitamin K cycle), extrahepatic uptake (LDL-borne long-chain
  menaquinones reach bone and vessel wall) and excretion. Part of absorbed oral K1 loses its side
  chain in the intestine and is re-prenylated to MK-4 in tissues by UBIAD1 (Hirota 2013,
  Nakagawa 2010): the ``f_men`` route into the extrahepatic pool.
* **MK-4** is also taken up from plasma by tissues through a saturable route (``Vup_MK4``,
  ``Kup_MK4``): nutritional doses (60-420 ug) never appear in plasma (Sato 2012), while mg doses
  saturate it and give plasma exposure per ug like K1's (Uematsu 1996). What escapes the uptake is
  cleared with the lipoproteins, mostly by the liver (``CL_MK4``, ``fh_MK4``: menatetrenone
  antagonises warfarin). A share ``fu_MK4`` of the tissue uptake serves extrahepatic
  carboxylation, so the effect on osteocalcin rises less than in proportion to the dose: 45 mg/day
  lowers ucOC strongly (Jiang 2014), 600 ug/day measurably (Nakamura 2014).
* **Hepatic vitamin K cycle** (Wajima 2009): quinone ``VK`` -> hydroquinone ``VKH2`` (cofactor) ->
  epoxide ``VKO`` -> quinone; both reductions are VKOR steps inhibited by warfarin and
  acenocoumarol (``vkor_free``). Hydroquinone drives carboxylation of clotting factors II and VII,
  which give INR through the Hamberg 2007 relation; uncarboxylated prothrombin is PIVKA-II.
* **Extrahepatic vitamin K** ``VKx``: the tissue pool serving bone and vessel wall; its cofactor
  is also cut by VKOR inhibitors. The liver is served first because K1, most of the intake, is
  taken up by the liver, and extrahepatic carboxylation runs far below saturation.
* **Gla proteins.** Osteocalcin is made by osteoblasts (the bone model's ``Osteoblast``) and,
  as a labelled assumption, more of it with calcitriol (``g_vd_oc``: production x (1 + g (calcitriol/ref - 1)), range 0 = no effect);
  MGP is made in the vessel wall, also a labelled vitamin D response (``g_vd_mgp``). Both compete
  for the extrahepatic cofactor (``s_load``), so more Gla protein without more vitamin K leaves a
  larger share uncarboxylated. Kidney function sets the clearance of osteocalcin fragments and of
  dp-ucMGP.
* **Where calcium goes.** Bone: carboxylated osteocalcin raises mineralisation through the
  bone-density hook ``BMD_mineral_eff`` (``e_oc_bmd``, range 0 .. Braam 2003). Arteries: calcium
  leaves plasma into the arterial wall at a rate rising with the calcium x phosphate product,
  faster in chronic kidney disease, and lowered by carboxylated MGP (``I_art``, range 0 .. the
  AVADEC lower confidence bound).
"""

from __future__ import annotations

from .declaration import Model

MODULE = "vitamin_k"
VITAMERS = ("K1", "MK4", "MK7", "MK9")
SUBSTANCE = {"K1": "K1", "MK4": "MK-4", "MK7": "MK-7", "MK9": "MK-9"}


def fat_factor(fat: str) -> str:
    """Relative oral availability with ``fat`` grams of fat in the meal, 1 at the reference meal."""
    f = f"(fat_min + (1 - fat_min) * ({fat})**fat_hill / (({fat})**fat_hill + fat_k50**fat_hill))"
    ref = "(fat_min + (1 - fat_min) * meal_fat_ref_g**fat_hill / (meal_fat_ref_g**fat_hill + fat_k50**fat_hill))"
    return f"({f} / {ref})"


def form_factor(v: str) -> str:
    """Availability of the dose form relative to an oil capsule (per-dose flags is_tablet, is_food)."""
    return f"(1 + is_tablet * (F_tablet - 1) + is_food * (F_food_{v} - 1))"


def declare(model: Model) -> None:
    # every intermediate is placed before the core's (prepend): they use states and parameters
    # only, and the core's hooks (Ca_soft_tissue_rate, BMD_mineral_eff) need them.
    pre = lambda n, e, u="": model.prepend(n, e, MODULE, u)  # noqa: E731
    st = lambda n, u, lab, r: model.state(n, u, lab, MODULE, r)  # noqa: E731

    # ---- vitamers -----------------------------------------------------------------------------
    # menaquinones made by gut bacteria, given as the amount absorbed (default 0: not quantified)
    pre("gut_in_MK9", "gut_MK_absorbed_ug_day * nmol_per_ug_MK9 / 24", "nmol/h")
    for v in VITAMERS:
        pre(f"diet_in_{v}", f"dietary_{v}_ug_day * nmol_per_ug_{v} * F_{v} * F_diet_{v} * "
                            f"{fat_factor('dietary_meal_fat_g')} * diet_fat_adj_{v} / 24", "nmol/h")
        pre(f"C_{v}", f"{v}_c / V_{v}", "nmol/L")
        pre(f"J_plasma_{v}", f"CL_{v} * C_{v}", "nmol/h")
        absorbed = f"ka_K * {v}_lym" if v != "K1" else "(1 - f_men) * ka_K * K1_lym"
        st(f"{v}_gut", "nmol", f"oral {SUBSTANCE[v]} in the gut lumen", f"-ka_K * {v}_gut")
        gut_bacteria = " + gut_in_MK9" if v == "MK9" else ""  # absorbed bacterial menaquinones (optional)
        st(f"{v}_lym", "nmol", f"{SUBSTANCE[v]} in enterocytes and chylomicrons",
           f"ka_K * {v}_gut + diet_in_{v}{gut_bacteria} - ka_K * {v}_lym")
        uptake = " - J_up_MK4" if v == "MK4" else ""
        st(f"{v}_c", "nmol", f"plasma {SUBSTANCE[v]}",
           f"{absorbed} - J_plasma_{v}{uptake} - k12_{v} * {v}_c + k21_{v} * {v}_t")
        st(f"{v}_t", "nmol", f"{SUBSTANCE[v]} in the exchangeable tissue pool",
           f"k12_{v} * {v}_c - k21_{v} * {v}_t")
        model.dosable(SUBSTANCE[v], f"{v}_gut", "ug", f"nmol_per_ug_{v} * F_{v} * {form_factor(v)} * "
                                                      f"{fat_factor('meal_fat_g')}")
    pre("J_men", "f_men * ka_K * K1_lym", "nmol/h")
    # MK-4: saturable tissue uptake from plasma (small doses never show in plasma, Sato 2012; mg
    # doses do, Uematsu 1996); the share fu_MK4 of it serves extrahepatic carboxylation
    pre("J_up_MK4", "Vup_MK4 * C_MK4 / (Kup_MK4 + C_MK4)", "nmol/h")
    pre("J_hep", " + ".join(f"fh_{v} * hr_{v} * J_plasma_{v}" for v in VITAMERS), "nmol/h")
    pre("J_ext", " + ".join(f"fx_{v} * J_plasma_{v}" for v in VITAMERS) + " + fu_MK4 * J_up_MK4 + J_men", "nmol/h")

    # ---- anticoagulants -------------------------------------------------------------------------
    st("warf_gut", "mg", "oral warfarin in the gut", "-ka_warf * warf_gut")
    st("warf_c", "mg", "warfarin in its distribution volume", "ka_warf * warf_gut - CL_warf / V_warf * warf_c")
    st("aceno_gut", "mg", "oral acenocoumarol in the gut", "-ka_aceno * aceno_gut")
    st("aceno_c", "mg", "acenocoumarol in its distribution volume",
       "F_aceno * ka_aceno * aceno_gut - CL_aceno / V_aceno * aceno_c")
    model.dosable("warfarin", "warf_gut", "mg", "1")
    model.dosable("acenocoumarol", "aceno_gut", "mg", "1")
    pre("C_warf", "warf_c / V_warf", "mg/L")
    pre("C_aceno", "aceno_c / V_aceno", "mg/L")
    pre("vka_occ", "C_warf / IC50_warf + C_aceno / IC50_aceno")
    pre("vkor_free", "1 - Imax_vka * vka_occ / (1 + vka_occ)")

    # ---- hepatic vitamin K cycle (Wajima 2009) and clotting -------------------------------------
    st("VK", "nmol/L", "hepatic vitamin K quinone",
       "(1 - s_hep_bg) * J_hep / V_liv + s_hep_bg * kel_VK * VK_ref - kel_VK * VK - kr_VK * vkor_free * VK"
       " + ke_VK * vkor_free * VKO")
    st("VKH2", "nmol/L", "hepatic vitamin K hydroquinone (carboxylase cofactor)", "kr_VK * vkor_free * VK - kc_VK * VKH2")
    st("VKO", "nmol/L", "hepatic vitamin K 2,3-epoxide", "kc_VK * VKH2 - ke_VK * vkor_free * VKO")
    pre("K_hep", "VKH2_ref * (1 - fc_hep_ref) / fc_hep_ref", "nmol/L")
    pre("fc_hep", "VKH2 / (VKH2 + K_hep)")
    st("FII", "1", "functional (carboxylated) prothrombin relative to normal", "kdeg_FII * (fc_hep / fc_hep_ref - FII)")
    st("FVII", "1", "functional factor VII relative to normal", "kdeg_FVII * (fc_hep / fc_hep_ref - FVII)")
    st("ucFII", "1", "uncarboxylated prothrombin (PIVKA-II) relative to the reference adult",
       "kdeg_FII * ((1 - fc_hep) / (1 - fc_hep_ref) - ucFII)")

    # ---- extrahepatic vitamin K and Gla proteins --------------------------------------------------
    st("VKx", "nmol", "extrahepatic (bone, vessel wall) vitamin K", "J_ext - k_VKx * VKx")
    pre("cof_x", "VKx / VKx_ref * vkor_free")
    # (states only here: these feed the core's hooks, which come early in the declaration)
    pre("C8_rel", "B / V1 / calcitriol_ref")
    pre("vd_oc", "1 + g_vd_oc * (C8_rel - 1)")  # basal expression without calcitriol: 1 - g_vd_oc
    pre("vd_mgp", "1 + g_vd_mgp * (C8_rel - 1)")
    pre("prod_OC", "((OBfast + OBslow) / OB0) * vd_oc")
    pre("prod_MGP", "vd_mgp")
    pre("gla_load", "w_oc_load * prod_OC + (1 - w_oc_load) * prod_MGP")
    pre("K_OC", "(1 - fc_OC_ref) / fc_OC_ref")
    pre("K_MGP", "(1 - fc_MGP_ref) / fc_MGP_ref")
    pre("fc_OC", "cof_x / (cof_x + K_OC * gla_load**s_load)")
    pre("fc_MGP", "cof_x / (cof_x + K_MGP * gla_load**s_load)")
    pre("gfr_rel", "GFR / GFR_ref")
    pre("clear_OC", "f_renal_OC * gfr_rel + 1 - f_renal_OC")
    pre("clear_MGP", "f_renal_MGP * gfr_rel + 1 - f_renal_MGP")
    pre("OC_total", "OC_ref * prod_OC / clear_OC", "ng/mL")
    pre("dpucMGP", "dpucMGP_ref * prod_MGP * ((1 - fc_MGP) / (1 - fc_MGP_ref)) / clear_MGP", "pmol/L")

    # ---- where calcium goes -------------------------------------------------------------------------
    model.replace_assignment("BMD_mineral_eff", "1 + e_oc_bmd * (fc_OC - fc_OC_ref)")
    pre("CaP_rel", "(P / V1) * (ECCPhos / V1) / CaP_ref")
    pre("mgp_inh", "(1 - I_art * fc_MGP * prod_MGP) / (1 - I_art * fc_MGP_ref)")
    pre("ckd_art", "1 + a_ckd_art * maximum(1 - gfr_rel, 0.0)")
    pre("age_art", "exp(r_age_art * (age_now - age_ref_art))")
    pre("J_art", "arterial_on * k_art * CaP_rel**n_art * mgp_inh * ckd_art * age_art", "mmol/h")
    model.replace_assignment("Ca_soft_tissue_rate", "J_art")
    model.state("Ca_art", "mmol", "calcium deposited in the arterial wall (cumulative, from the start of the run)",
                MODULE, "J_art", kind="accumulator")

    out = lambda n, e, u, lab: model.output(n, e, u, lab, MODULE)  # noqa: E731
    out("k1_plasma", "C_K1", "nmol/L", "plasma phylloquinone (K1)")
    out("mk4_plasma", "C_MK4", "nmol/L", "plasma menatetrenone (MK-4)")
    out("mk7_plasma", "C_MK7", "nmol/L", "plasma menaquinone-7")
    out("mk9_plasma", "C_MK9", "nmol/L", "plasma long-chain menaquinones (MK-8..MK-10 as MK-9)")
    out("osteocalcin", "OC_total", "ng/mL", "total serum osteocalcin")
    out("ucoc", "OC_total * (1 - fc_OC)", "ng/mL", "uncarboxylated osteocalcin")
    out("ucoc_percent", "100 * (1 - fc_OC)", "%", "ucOC / total osteocalcin x 100")
    out("dp_ucmgp", "dpucMGP", "pmol/L", "dephospho-uncarboxylated MGP (IDS-iSYS scale)")
    out("pivka2", "pivka2_ref * maximum(ucFII, 0.0)**n_pivka", "ng/mL", "PIVKA-II (uncarboxylated prothrombin)")
    out("oc_synthesis_per_osteoblast", "vd_oc", "1",
        "osteocalcin made per osteoblast relative to the reference adult (the vitamin D response)")
    out("inr", "1 + INRmax * maximum(1 - FII * FVII, 0.0)**lambda_inr", "ratio", "international normalised ratio")
    out("arterial_calcium", "(Ca_art - Ca_art_day0) * Ca_mg_per_mmol", "mg",
        "calcium deposited in the arterial wall since day 0")
    out("warfarin_plasma", "C_warf", "mg/L", "plasma warfarin (racemic)")
    out("acenocoumarol_plasma", "C_aceno", "mg/L", "plasma acenocoumarol (racemic)")
