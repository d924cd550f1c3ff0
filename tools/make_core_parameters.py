"""One-off provenance script: wrote data/parameters/peterson2010.csv from the CC0 BioModels file.

Values are read from BIOMD0000000613 (Peterson & Riggs 2010); units and notes are ours.
Kept so the provenance of every number can be re-checked: python tools/make_core_parameters.py
"""
import csv, sys
import libsbml

SBML = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/BIOMD0000000613.xml"
OUT = "src/calcifate/data/parameters/peterson2010.csv"
h = "1/h"
U = {  # name: (unit, note)
 "Pic0": ("1", "TGF-beta baseline activity (Lemaire-type Pi_C reference)"),
 "FracOBfast": ("1", "fraction of osteoblasts in the fast-turnover pool"),
 "k1": ("1/(pM*h)", "OPG-RANKL association"), "k2": (h, "OPG-RANKL dissociation"),
 "k3": ("1/(pM*h)", "RANK-RANKL association"), "k4": (h, "RANK-RANKL dissociation"),
 "V1": ("L", "extracellular fluid volume"),
 "CaDay": ("mmol/day", "baseline bone<->plasma calcium exchange (not dietary calcium)"),
 "FracJ14": ("1", "osteoclast-driven share of bone->plasma calcium flux"),
 "J14OCmax": ("1", "max of osteoclast effect on J14"), "J14OCgam": ("1", "Hill exponent, OC effect on J14"),
 "FracJ15": ("1", "osteoblast (HAp)-driven share of plasma->bone calcium flux"),
 "kinRNKgam": ("1", "TGF-beta exponent on RANK production"), "koutRNK": (h, "RANK turnover"),
 "MOCratioGam": ("1", "exponent of RANK-RANKL per osteoclast on resorption"),
 "Da": (h, "osteoclast turnover (0.7/day)"), "OBtgfGAM": ("1", "osteoblast exponent on latent TGF-beta deposition"),
 "koutTGF0": (h, "latent TGF-beta release rate"), "koutTGFGam": ("1", "unused in the 2010 equations"),
 "OCtgfGAM": ("1", "osteoclast exponent on TGF-beta release"),
 "EmaxPicROB": ("1", "TGF-beta effect on responding-osteoblast formation, Emax"),
 "PicROBgam": ("1", "Hill exponent"), "FracPicROB": ("1", "baseline fraction"),
 "PicOBgam": ("1", "Hill exponent"), "FracPicOB": ("1", "baseline fraction"), "EmaxPicOB": ("1", "Emax"),
 "E0Meff": ("1", "RANK-RANKL effect on osteoclast formation, E0"), "EmaxMeffOC": ("1", "Emax"),
 "kinOCgam": ("1", "Hill exponent"), "EmaxPicOC": ("1", "TGF-beta effect on osteoclast apoptosis, Emax"),
 "FracPicOC": ("1", "baseline fraction"), "PicOCgam": ("1", "Hill exponent"),
 "E0RANKL": ("1", "RANKL effect on osteoclast survival, E0"), "EmaxL": ("1", "Emax"),
 "GFR": ("L/h", "glomerular filtration rate (100 mL/min)"), "T16": ("1", "max PTH effect on active Ca reabsorption"),
 "T64": (h, "1-alpha-hydroxylase turnover"), "T65": ("pmol/h^2", "1-alpha-hydroxylase production constant"),
 "T67": ("pM", "PTH EC50 on 1-alpha-hydroxylase"), "AlphOHgam": ("1", "Hill exponent, PTH on 1-alpha-hydroxylase"),
 "k14a": (h, "deep bone -> exchangeable calcium"), "HApMRT": ("h", "hydroxyapatite signal mean residence time"),
 "koutL": (h, "RANKL turnover"), "OsteoEffectGam": ("1", "osteoblast exponent on RANKL production"),
 "TESTPOWER": ("1", "exponent in PTH effect on RANKL"), "opgPTH50": ("pM", "PTH level in OPG suppression"),
 "IO": ("pM/h", "exogenous OPG input"), "RX2Kout0": (h, "RUNX2 baseline turnover"),
 "E0rx2Kout": (h, "RUNX2 degradation floor"), "EmaxPTHRX2x": (h, "PTH effect on RUNX2 degradation, Emax"),
 "E0crebKin": ("1", "CREB production floor"), "EmaxPTHcreb": ("1", "PTH effect on CREB production, Emax"),
 "crebKout": (h, "CREB turnover"), "bcl2Kout": (h, "BCL2 turnover"),
 "ScaEffGam": ("1", "calcium exponent on gland-pool calcitriol threshold"),
 "PhosEff0": ("1", "phosphate effect on 1-alpha-hydroxylase, E0"), "PhosEff50": ("mM", "phosphate EC50"),
 "PhosEffGam": ("1", "Hill exponent"), "PO4inhPTHgam": ("1", "phosphate exponent in PTH EC50 (0 = off)"),
 "T69": (h, "calcitriol elimination"), "Reabs50": ("mM", "calcium EC50 of active reabsorption"),
 "T7": ("1", "max calcitriol effect on calcium reabsorption"), "T9": ("pM", "calcitriol EC50 on reabsorption"),
 "T70": (h, "parathyroid gland pool rate"), "T71": ("1/pM", "gland-pool tanh slope"),
 "T33": (h, "absorption capacity R, min rate"), "T34": (h, "absorption capacity R, max rate"),
 "T35": ("pM", "calcitriol EC50 on absorption capacity"), "CaPOgam": ("1", "Hill exponent"),
 "T46": ("mM", "renal phosphate threshold"), "T52": (h, "gut phosphate absorption"),
 "OralPhos": ("mmol/h", "dietary phosphate (10.5 mmol/day)"), "F12": ("1", "fraction of dietary phosphate absorbable"),
 "T49": ("L/h", "ECF -> intracellular phosphate"), "T55": (h, "intracellular -> ECF phosphate"),
 "PicOBgamkb": ("1", "TGF-beta effect on osteoblast apoptosis, Hill exponent"),
 "MultPicOBkb": ("1", "E0 multiplier"), "FracPic0kb": ("1", "Emax fraction"),
 "E0RUNX2kbEffFACT": ("1", "RUNX2 effect on osteoblast apoptosis, E0 factor"),
 "RUNkbGAM": ("1", "Hill exponent"), "RUNkbMaxFact": ("1", "Emax factor"), "RUNX20": ("1", "RUNX2 reference"),
 "Frackb": ("1", "slow/fast osteoblast apoptosis ratio"), "T81": ("1", "R50 of absorbable fraction"),
 "T87": (h, "linear gut calcium absorption"), "T0": ("mmol", "gut calcium reference"),
 "T28": ("1/h", "saturable gut absorption max"), "OralCa": ("mmol/h", "dietary calcium (24.055 mmol/day = 964 mg/day)"),
 "T77": ("1", "max absorbable fraction of dietary calcium"), "T80": ("1", "Hill exponent of absorbable fraction"),
 "CtriolPTgam": ("1", "calcitriol effect on gland capacity, Hill exponent"),
 "CtriolMax": ("1", "gland capacity at low calcitriol"), "CtriolMin": ("1", "gland capacity at high calcitriol"),
 "PTout": (h, "gland capacity turnover"), "T57": ("L/h", "PTH clearance (x 1/V1)"),
 "T58": ("pmol/h", "max PTH secretion"), "T59": ("1", "calcium-sensing Hill exponent"),
 "T61": ("pmol/h", "min PTH secretion"), "IPTHint": ("pmol/h", "input to subcutaneous PTH depot"),
 "IPTHinf": ("pmol/h", "continuous PTH infusion"), "LsurvOCCgam": ("1", "unused in the 2010 equations"),
 "EmaxLpth": ("1", "PTH effect on RANKL production, Emax"), "kO": (h, "OPG turnover"),
 "kb": (h, "osteoblast turnover"), "LsurvOCgam": ("1", "RANKL effect on OC survival, Hill exponent"),
 "TERIVC": ("L", "teriparatide central volume"), "TERICL": ("L/h", "teriparatide clearance from the s.c. depot"),
 "TERIKA": (h, "unused in the 2010 equations"),
}
BASE = {  # normalising baselines: published initial state (population constants)
 "Q0": ("Q", "mmol"), "OC0": ("OC", "pM"), "RNK0": ("RNK", "pM"), "RANKL0": ("L", "pM"), "OB0": ("OB", "pM"),
 "ROB0": ("ROB1", "pM"), "QboneInit": ("Qbone", "mmol"), "OPG0": ("O", "pM"), "RX20": ("RX2", "1"),
 "CREB0": ("CREB", "1"), "M0": (None, "pM"), "TGFBact0": (None, "1"), "TGFB0": (None, "1"),
}
# numbers hard-coded in the published equations, named here
CONST = [
 ("Ca_ref", 2.35, "mM", "reference plasma calcium (hard-coded in the equations)"),
 ("PTHc_ref", 3.85, "pM", "reference plasma PTH (hard-coded)"),
 ("SPTH_ref", 385.0, "pmol/h", "PTH secretion at reference calcium (hard-coded)"),
 ("C8_ref", 90.0, "pM", "reference calcitriol in the gland-pool threshold (hard-coded)"),
 ("Phos_ref", 1.2, "mM", "phosphate threshold of the 1-alpha-hydroxylase effect (hard-coded)"),
 ("PCa_ratio", 0.464, "mmol/mmol", "phosphate moved with calcium in bone mineral (hard-coded)"),
 ("fu_Ca", 0.6, "1", "unbound (filterable) fraction of plasma calcium (hard-coded)"),
 ("f_PTHdep", 0.5, "1", "share of filtered calcium handled PTH-dependently (hard-coded)"),
 ("f_reabs_ind", 0.3, "1", "PTH-independent reabsorbed share in ReabsMax (hard-coded)"),
 ("reabs_offset", 0.149997, "mmol/h", "baseline urinary calcium offset in ReabsMax (hard-coded)"),
 ("f_PO4_filt", 0.88, "1", "phosphate filtration factor (hard-coded)"),
 ("S_ref", 0.5, "1", "reference gland active pool (hard-coded)"),
 ("R_ref", 0.5, "1", "reference absorption capacity (hard-coded)"),
 ("gland_hi", 0.85, "1", "gland-pool rate tanh amplitude (hard-coded)"),
 ("gland_lo", 0.15, "1", "gland-pool rate floor (hard-coded)"),
 ("T29_frac", 0.17533, "1", "gut absorption saturation constant (hard-coded)"),
 ("k_SC", 0.693, h, "subcutaneous PTH depot absorption (hard-coded)"),
 ("k_bcl2_in", 0.693, h, "BCL2 production scale (hard-coded)"),
 ("TGF_act_ratio", 1000.0, "1", "active/latent TGF-beta clearance ratio (hard-coded)"),
 ("PiL_scale", 10.0, "pM", "RANK-RANKL scale in osteoclast survival (hard-coded)"),
 ("RX2_low", 10.0, "1", "RUNX2 level below the BCL2 switch (hard-coded)"),
 ("BCL2_switch", 105.0, "1", "BCL2 level of the RUNX2 switch (hard-coded)"),
 ("BCL2_offset", 90.0, "1", "RUNX2 = BCL2 - offset above the switch (hard-coded)"),
 ("teri_ug_to_pmol", 1e6 / 4117.8, "pmol/ug", "teriparatide molar mass 4117.8 g/mol (hard-coded)"),
]

d = libsbml.readSBML(SBML); m = d.getModel()
vals = {p.getId(): p.getValue() for p in m.getListOfParameters()}
sp = {s.getId(): (s.getInitialAmount() if s.isSetInitialAmount() else s.getInitialConcentration()) for s in m.getListOfSpecies()}
vals.update({"Da": 0.7 / 24, "GFR": 100 / 16.667, "OralPhos": 10.5 / 24, "OralCa": 24.055 / 24})
rows = []
src = "Peterson2010"
for k, (u, note) in U.items():
    rows.append((k, repr(float(vals[k])), u, src, note + "; value as in BIOMD0000000613"))
k1, k2, k3, k4 = (vals[x] for x in ("k1", "k2", "k3", "k4"))
derived = {"M0": k3 * sp["RNK"] * sp["L"] / k4, "TGFBact0": vals["Pic0"], "TGFB0": vals["Pic0"] * 1000}
for k, (s, u) in BASE.items():
    v = sp[s] if s else derived[k]
    rows.append((k, repr(float(v)), u, src, "normalising baseline = published initial state (population constant)"))
for k, v, u, note in CONST:
    rows.append((k, repr(float(v)), u, src, note + "; value as in BIOMD0000000613"))
with open(OUT, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name", "value", "unit", "source", "note", "assumption", "low", "high"])
    for r in rows:
        w.writerow(list(r) + ["false", "", ""])
print(len(rows), "parameters written to", OUT)
