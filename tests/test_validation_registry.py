import pytest

from calcifate.validate.registry import load_targets, run_target

# targets the model does not meet yet: kept visible (strict xfail), reported by `calcifate validate`
KNOWN_FAILURES = {
    "nakamura2014_mk4_600": "MK-4 oral availability calibrated to Jiang 2014 (45 mg/day) is ~0.1 %: a week at 300 "
                            "then a week at 600 ug/day lowers ucOC:cOC by ~7 %, Nakamura saw a significant fall",
    "schurgers2004_k1_150": "a 150 ug/day K1 tablet about doubles the liver's vitamin K supply, which under "
                            "acenocoumarol at INR 2 nearly undoes the VKA (INR -43 %); Schurgers 2004 saw a small mean "
                            "fall. It passes only with s_hep_bg >= ~0.7 (0.5: -39 %, 0.7: -17 %), above the 0.3 that "
                            "Ferland 1993 asks for",
    "ekwaru2014_low_slope": "Heaney 2003 and Ekwaru 2014 cannot both be met by the saturable model; compromise",
    "ekwaru2014_high_slope": "the model flattens ~3-fold at 15,000-20,000 IU/day, Ekwaru reports ~11-fold",
    # sunlight on the whole model: the sun model's oral equivalent (Holick's rule, 1 SDD = 1000 IU) gives an
    # annual mean of ~5 ug/day for the Webb habit, while the PK model (Heaney 2003 / Ekwaru 2014 calibration)
    # needs ~57 ug/day of total D3 input for 50 nmol/L: 25(OH)D stays ~3-17 nmol/L all year
    "webb2018a_winter_min": "model minimum 3.1 nmol/L: sun + 3 ug/day food far too small for this PK model",
    "webb2018a_end_of_summer": "model 8.0 nmol/L on 30 Sep (peak 16.7 in early August) vs 80.5 published",
    "webb2018a_winter_decline": "model 0.96 nmol/L per month, from a level ~10x too low (proportionally faster)",
    "webb2018b_type5_25min": "model minimum 3.2 nmol/L (same magnitude gap as the type II targets)",
    "bogh2011_baseline": "rise from 90 vs 30 nmol/L is only 3 % smaller (ratio 0.97): little saturation in the PK "
                         "model at these inputs",
    "older_woman_usual_intake_hip": "bone loss at usual intake is set by the core's calcium balance: bone calcium is a "
                                    "pure integrator of it (no bone-mass set point), and a lower GFR raises urinary "
                                    "calcium (docs/validation.md): -1.4 %/year with the intake-adapted absorption",
    "liu2022_urine_calcium_gfr": "the published kidney makes urinary calcium nearly independent of GFR (an absolute "
                                 "offset term), and lower calcitriol lowers reabsorption: urine rises 1.5x from GFR "
                                 "90 to 30 mL/min; in people it falls (docs/validation.md)",
    "tai2015_calcium_supplement_fn": "same integrator: 1000 mg/day calcium keeps ~80 mg/day more in bone for as long as "
                                     "it is taken (+5.2 points at 2 years, +3.0 at 1; published +0.7-1.8, not "
                                     "progressive); +12 points without the intake-adapted absorption",
    "heaney2003_slope": "0.475 vs 0.49-0.91: the 25-hydroxylation compromise between Heaney 2003 and Ekwaru 2014 "
                        "(they conflict under this structure) lands just below Heaney's interval",
    "toxicity_hypercalcaemia": "serum calcium 2.36 mmol/L at 25(OH)D ~420 nmol/L: the extra absorbed calcium goes into "
                               "bone and urine; even vdr25_max at the top of its range (1000 pM) gives only 2.49",
    "peacock2000_placebo_hip": "same cause as older_woman_usual_intake_hip, larger at 546 mg/day: -2.2 %/year",
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
