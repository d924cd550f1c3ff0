"""Scenario wiring of ``[diet]`` and ``[sun]`` onto the person (kept out of scenario.py).

Rules (documented in README "Diet and sunlight"):

* ``[diet]`` sets the person's dietary calcium, vitamin K vitamers and mean meal fat. A ``[person]``
  that also gives one of those fields is an error (two sources for one intake).
* With ``[sun]``, ``baseline_25ohd_nmol_l`` given in ``[person]`` is matched as the annual mean
  25(OH)D; if ``[person]`` does not give it, the example person's default (50 nmol/L) is *not*
  applied: 25(OH)D follows from sun, diet and doses alone (no background input).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .diet_inputs import PERSON_FIELDS, read_diet_section
from .person import Person
from .sun_inputs import parse_start_date, read_sun_section


def apply_diet_and_sun(d: dict, person: Person | None, text: str, name: str, base_dir: Path | None):
    diet = sun = None
    given = d.get("person", {}) if isinstance(d.get("person"), dict) else {}
    if "start_date" in d:
        parse_start_date(d["start_date"])
    if "diet" in d:
        diet = read_diet_section(d["diet"], text, name, base_dir)
        both = [k for k in PERSON_FIELDS if k in given]
        if both:
            raise InputError(f"person.{both[0]}", given[both[0]],
                             "not together with [diet]: the diet gives this intake (remove one of them)")
        person = replace(person or Person.example(), **diet.person_fields)
    if "sun" in d:
        sun = read_sun_section(d["sun"])
        if person is not None and "baseline_25ohd_nmol_l" not in given:
            person = replace(person, baseline_25ohd_nmol_l=None)
    return person, diet, sun
