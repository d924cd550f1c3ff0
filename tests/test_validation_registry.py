import pytest

from calcifate.validate.registry import load_targets, run_target

# targets the model does not meet yet: kept visible (strict xfail), reported by `calcifate validate`
KNOWN_FAILURES = {
    "uematsu1996_mk4_auc_high_fat": "the meal-fat effect saturates by ~20 g (fat_k50 5 g, from Garber 1999: K1 no different "
                                    "with 30 or 45 % of energy from fat); Uematsu's 15 mg MK-4 doubled its AUC from 20 to "
                                    "35 g of fat (model 507 vs 1024 ng.h/mL)",
    "ekwaru2014_low_slope": "32.9 vs 8.4-15.6 (20.7 before the session-17 D3 disposition, 16.9 before the "
                            "high-affinity 25-hydroxylation, which is not yet saturated at the runner's 60 nmol/L "
                            "baseline): a yield of 25(OH)D per ug low enough for "
                            "Ekwaru's cross-sectional slope leaves the bolus trials (De Niet 2018 day 1, Armas 2004 peak "
                            "day) short, and pooled trial arms at 20 ug/day from 60-68 nmol/L rose 11-29 per 1000 "
                            "IU/day (Huang & You 2021, arms 20-23) and replete arms at 15-20 ug/day for a year 11-81, mean 43 "
                            "(arms 8, 10, 11, 12, 20, 21); Heaney 2003 sits at its lower limit (0.493 vs >= 0.49). "
                            "docs/validation.md, 'Session 19'",
    "ekwaru2014_high_slope": "3.32 vs 0-2.2 (2.29 before the session-17 D3 disposition): the long-term flattening is "
                             "~10-fold against the low slope, Ekwaru reports ~11-fold, but both slopes sit high",
    "huangyou2021_replete_day90_to_360": "+7.6 vs -3.8-5.2 nmol/L (observed +0.7): from 3 months to a year the model "
                                         "still climbs as the adipose store fills; no single disposition parameter "
                                         "removes it (docs/validation.md, 'Session 19')",
    "burt2019_4000_3m": "+62 vs +34 nmol/L at 3 months of 4000 IU/day: the trial's rise was slow (+51 only at 3 years; "
                        "model +40), the model's near its plateau by 3 months",
    "farrar2011_south_asian_rise": "25.7 vs 7.0-14.4 nmol/L (published 10.7; white adults 28.2 vs 26.2): from the assumed "
                                   "deficient baseline (20 nmol/L) the high-affinity 25-hydroxylation converts more of the skin's "
                                   "D3, as it does for oral D3 in deficient trial arms (Huang & You 2021) and after UVB (Bogh 2011; "
                                   "Bogh 2010 found no effect of pigmentation); Farrar's South Asians rose little although "
                                   "deficient, so either their skin makes less than 1/MED scaling (600 vs 250 J/m2) gives or the "
                                   "boost is smaller after UVB",
    "cashman2012_calcifediol_7": "5.81 vs 2.81-5.23 per ug/day: oral calcifediol ~6x D3 per ug in the model (D3 "
                                 "0.97 per ug/day at 20 ug/day, published 0.96), 4.2x in the trial (F_OHD 0.9 is an "
                                 "assumption)",
    # sunlight on the whole model: the sun model's oral equivalent (Holick's rule, 1 SDD = 1000 IU) gives an
    # annual mean of ~5 ug/day for the Webb habit; the UV-to-25(OH)D chain matches the lamp study behind
    # Webb's calculation (Rhodes 2010), and doubling the skin's yield gives 58.3 at the end of summer but puts
    # Rhodes at 48.4 (17-35.4). Since session 20 the winter minimum passes by 0.07 nmol/L (25.07, with Webb
    # 2010's measured 3.27 ug/day of food D3 in place of an assumed 3.0)
    "webb2018a_end_of_summer": "model 42.1 nmol/L on 30 Sep vs 80.5 published (41.2 with 3.0 ug/day of food "
                               "D3, 32.4 before the session-17 D3 disposition, 7.3 before session 13): the "
                               "summer gain (+32 from 1 March to the August peak) is of the size of Webb "
                               "2010's cohort (+25 from February to September), the floor it starts from is "
                               "not (25 vs 46 nmol/L); docs/validation.md, 'Session 20'",
    "bischoff2012_d3_rise": "30.6 vs 31.1-57.7 nmol/L (published 44.4; 31.8, just inside, before the session-17 D3 "
                            "disposition): 20 ug/day for 119 days from 33 nmol/L in women aged ~62; the same dose from "
                            "a similar baseline passes for Cashman 2012 (0.97 vs 0.96 per ug/day, a calibration row) "
                            "and the calcifediol arm passes",
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


def test_parallel_run_gives_the_same_values_in_the_same_order():
    from calcifate.validate.registry import load_targets, run_targets
    ids = ["webb1988_vitamin_d_winter", "ilahi2008_d3_peak_rise", "jones2014_half_life_69", "sowers2010_pre_fmp_spine"]
    targets = [t for t in load_targets() if t.id in ids]
    serial = [(o.target.id, o.model_value) for o in run_targets(targets, 1)]
    parallel = [(o.target.id, o.model_value) for o in run_targets(targets, 2)]
    assert [i for i, _ in serial] == [t.id for t in targets] and len(serial) == 4
    assert parallel == serial


def test_validate_jobs_must_be_positive(capsys):
    from calcifate.cli import main
    assert main(["validate", "--only", "webb1988", "-j", "0"]) == 2
    assert "--jobs = 0" in capsys.readouterr().err


def test_every_runner_takes_no_required_argument():
    # targets call their runner with no arguments; helpers (and run_targets) must not pose as runners
    import inspect
    from calcifate.validate.registry import RUNNERS
    for name, fn in RUNNERS.items():
        required = [p for p in inspect.signature(fn).parameters.values()
                    if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        assert not required, (name, required)
