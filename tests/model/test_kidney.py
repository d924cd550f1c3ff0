"""Kidney function and calcium handling (calcifate's mend ``reabs_offset_gfr``, calcium_bone.py)."""

import numpy as np
import pytest

from calcifate.inputs.person import Person
from calcifate.simulation import Simulation

GFRS = (10, 15, 20, 30, 45, 60, 90)


def _day0(gfr, assumptions=None):
    r = Simulation(Person(gfr_ml_min=gfr), None, duration_days=1, assumptions=assumptions or {},
                   outputs=["urinary_calcium", "serum_calcium", "pth", "calcium_absorbed"]).run()
    return {k: float(r[k][0]) for k in ("urinary_calcium", "serum_calcium", "pth", "calcium_absorbed")}


@pytest.fixture(scope="module")
def by_gfr():
    return {g: _day0(g) for g in GFRS}


def test_urinary_calcium_falls_with_kidney_function_down_to_dialysis_level(by_gfr):
    # CRIC (Liu 2022; eGFR 20-70 mL/min at entry): eGFR positively correlated with 24-h urinary
    # calcium; decreased urinary calcium excretion in CKD (Hill Gallant & Spiegel 2017). Below 20
    # mL/min (outside CRIC) the model's calcitriol collapses and urine stops falling (43 mg/day at 10
    # vs 36 at 15 mL/min), so there the test only asks that it stays low.
    urine = [by_gfr[g]["urinary_calcium"] for g in GFRS if g >= 20]
    assert all(np.diff(urine) > 0), urine
    for g in (10, 15):
        assert by_gfr[g]["urinary_calcium"] < 0.5 * by_gfr[90]["urinary_calcium"], by_gfr[g]


def test_serum_calcium_stays_in_the_normal_range_and_pth_rises_as_kidney_function_falls(by_gfr):
    for g in GFRS:
        assert 2.2 < by_gfr[g]["serum_calcium"] < 2.6, (g, by_gfr[g])
    pth = [by_gfr[g]["pth"] for g in GFRS]
    assert all(np.diff(pth) < 0), pth  # secondary hyperparathyroidism


def test_the_published_kidney_makes_urine_rise_below_30_ml_min():
    # the quirk the mend removes: with the published offset (independent of GFR) urinary calcium rises
    # again as GFR falls below ~30 mL/min
    a = {g: _day0(g, assumptions={"reabs_offset_gfr": 0.0})["urinary_calcium"] for g in (10, 30)}
    assert a[10] > 1.5 * a[30]


def test_the_mend_is_neutral_at_the_reference_kidney_function():
    with_mend = _day0(100)
    published = _day0(100, assumptions={"reabs_offset_gfr": 0.0})
    for k in with_mend:
        assert with_mend[k] == pytest.approx(published[k], rel=1e-9)


def test_bone_loss_in_kidney_failure_is_moderate():
    # with urine following kidney function, the calcium balance at GFR 15 mL/min is no longer
    # dominated by a basal urinary loss: lumbar BMD falls within 1.5 points of the same person's
    # loss at GFR 90 over a year (the published kidney, reabs_offset_gfr 0: 5.7 points more, session
    # 12; not re-run here, its urine is checked above)
    def loss(gfr):
        r = Simulation(Person(gfr_ml_min=gfr), None, duration_days=365.25, output_interval_hours=24 * 365.25,
                       outputs=["bmd_lumbar_change"]).run()
        return float(r["bmd_lumbar_change"][-1])
    assert loss(15) - loss(90) > -1.5
