"""The caveat printed when a vitamin D course stops inside the reported window (the model's washout
is faster than trials saw: docs/validation.md, "Persistence after stopping")."""

import pytest

from calcifate.inputs.person import Person
from calcifate.inputs.regimen import Dose
from calcifate.simulation import Simulation

PERSON = Person(age_years=50, sex="female", body_weight_kg=70, height_cm=165, gfr_ml_min=100,
                baseline_25ohd_nmol_l=50, dietary_calcium_mg_day=900)


def _notes(dose, days=100):
    r = Simulation(PERSON, [dose], duration_days=days, outputs=["25ohd"], output_interval_hours=240).run()
    return [n for n in r.meta["notes"] if "lower bound" in n]


def test_course_that_stops_inside_the_window_gets_the_caveat():
    notes = _notes(Dose("vitamin D3", 1000, "IU", every_days=1, stop_day=60))
    assert len(notes) == 1
    assert "day 60" in notes[0] and "Mocanu" in notes[0]


@pytest.mark.parametrize("dose", [
    Dose("vitamin D3", 1000, "IU", every_days=1, stop_day=90),          # 10 reported days after the stop
    Dose("vitamin D3", 1000, "IU", every_days=1, stop_day=28),          # a 4-week course
    Dose("vitamin D3", 1000, "IU", every_days=1),                       # never stops
    Dose("vitamin D3", 50000, "IU"),                                    # a single bolus
    Dose("calcium", 500, "mg", every_days=1, stop_day=60),              # not vitamin D
])
def test_no_caveat_otherwise(dose):
    assert _notes(dose) == []


def test_calcifediol_and_d2_courses_get_it_too():
    assert _notes(Dose("calcifediol", 10, "ug", every_days=1, stop_day=60))
    assert _notes(Dose("vitamin D2", 1000, "IU", every_days=1, start_day=-30, stop_day=40))
