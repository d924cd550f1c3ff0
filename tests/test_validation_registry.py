import pytest

from calcifate.validate.registry import load_targets, run_target

# targets the model does not meet yet: kept visible (strict xfail), reported by `calcifate validate`
KNOWN_FAILURES = {
    "uematsu1996_mk4_auc_high_fat": "the meal-fat effect saturates by ~20 g (fat_k50 5 g, from Garber 1999: K1 no different "
                                    "with 30 or 45 % of energy from fat); Uematsu's 15 mg MK-4 doubled its AUC from 20 to "
                                    "35 g of fat (model 507 vs 1024 ng.h/mL)",
    "ekwaru2014_low_slope": "16.9 vs 8.4-15.6: a yield of 25(OH)D per ug low enough for Ekwaru's cross-sectional slope "
                            "leaves the bolus trials (De Niet 2018 day 1, Armas 2004 peak day) short; those and Heaney "
                            "2003 are kept inside (tools/calibrate_vitamin_d.py)",
    "ekwaru2014_high_slope": "2.31 vs 0-2.2: with the slow catabolism induction at the top of its documented ranges "
                             "the long-term flattening is ~7-fold, Ekwaru reports ~11-fold",
    "burt2019_4000_3m": "+59 vs +34 nmol/L at 3 months of 4000 IU/day: the trial's rise was slow (+51 only at 3 years; "
                        "model +39), the model's near its plateau by 3 months",
    "cashman2012_d3_20": "0.656 vs 0.67-1.25 per ug/day: the D3 yield set for Ekwaru's low-dose slope (and the rise is over "
                         "baseline in winter, so the model's should if anything be higher)",
    "cashman2012_calcifediol_7": "5.83 vs 2.81-5.23 per ug/day: oral calcifediol ~9x D3 per ug at 7 ug/day in the model, "
                                 "4.2x in the trial (F_OHD 0.9 is an assumption)",
    # sunlight on the whole model: the sun model's oral equivalent (Holick's rule, 1 SDD = 1000 IU) gives an
    # annual mean of ~5 ug/day for the Webb habit, while the PK model (Heaney 2003 / Ekwaru 2014 calibration)
    # needs ~62 ug/day of total D3 input for 50 nmol/L: 25(OH)D stays ~3-17 nmol/L all year
    "webb2018a_winter_min": "model minimum 2.8 nmol/L: sun + 3 ug/day food far too small for this PK model",
    "webb2018a_end_of_summer": "model 7.3 nmol/L on 30 Sep vs 80.5 published",
    "webb2018a_winter_decline": "model 0.87 nmol/L per month, from a level ~10x too low (proportionally faster)",
    "webb2018b_type5_25min": "model minimum 2.9 nmol/L (same magnitude gap as the type II targets)",
    "bogh2011_baseline": "rise from 90 vs 30 nmol/L is only 2 % smaller (ratio 0.98): little saturation in the PK "
                         "model at these inputs",
    "riggs1998_calcium_spine_4y": "+1.9 points at 4 years vs +0.3 (n.s.; interval -0.9-1.5): the cell-driven term of the "
                                  "osteoclast fall persists while the trial's 1-year spine gain (+2.0; model +1.3) faded. "
                                  "The trial's own 4-year markers (osteocalcin -11.9 %, pyridinoline -32.2 %) put "
                                  "into the same BMD model give about +1.7 at steady state",
}


def _params():
    out = []
    for t in load_targets():
        marks = [pytest.mark.slow] if t.slow else []
        if t.id in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(reason=KNOWN_FAILURES[t.id], strict=True))
        out.append(pytest.param(t, id=t.id, marks=marks))
    return out


@pytest.mark.parametrize("target", _params())
def test_target(target):
    o = run_target(target)
    assert o.passed, f"{target.id}: model {o.model_value:.4g} outside [{target.low}, {target.high}] {target.unit}"


def test_every_target_has_role_and_source():
    for t in load_targets():
        assert t.role in ("calibration", "validation")
        assert t.citation and t.low <= t.high
