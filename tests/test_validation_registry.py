import pytest

from calcifate.validate.registry import load_targets, run_target

# targets the model does not meet yet: kept visible (strict xfail), reported by `calcifate validate`
KNOWN_FAILURES = {
    "ekwaru2014_low_slope": "Heaney 2003 and Ekwaru 2014 cannot both be met by the saturable model; compromise",
    "ekwaru2014_high_slope": "the model flattens ~3-fold at 15,000-20,000 IU/day, Ekwaru reports ~11-fold",
    "older_woman_usual_intake_hip": "bone loss at usual intake is set by the core's calcium balance, which has no "
                                    "long-term adaptation to intake or kidney function (docs/validation.md): -1.7 %/year",
    "heaney2003_slope": "0.475 vs 0.49-0.91: the 25-hydroxylation compromise between Heaney 2003 and Ekwaru 2014 "
                        "(they conflict under this structure) lands just below Heaney's interval",
    "toxicity_hypercalcaemia": "serum calcium 2.36 mmol/L at 25(OH)D ~420 nmol/L: the extra absorbed calcium goes into "
                               "bone and urine; even vdr25_max at the top of its range (1000 pM) gives only 2.49",
    "peacock2000_placebo_hip": "same cause as older_woman_usual_intake_hip, larger at 546 mg/day: about -3 %/year",
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
