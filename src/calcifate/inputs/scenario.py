"""Scenario files (TOML): duration, outputs, parameter set and overrides, person, doses."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NO_VALUE, InputError, ScenarioError
from .person import Person
from .regimen import Dose

TOP_KEYS = {"duration_days", "output_interval_hours", "start_date", "outputs", "parameter_set",
            "parameters", "person", "dose", "diet", "sun"}
DOSE_KEYS = {"substance", "amount", "unit", "every_days", "start_day", "stop_day", "time_of_day_hours", "form",
             "meal_fat_g"}


@dataclass
class Scenario:
    duration_days: float
    output_interval_hours: float = 24.0
    start_date: str | None = None
    outputs: list[str] | None = None
    parameter_set: str = "calcifate"
    parameters: dict = field(default_factory=dict)
    person: Person | None = None
    doses: list[Dose] = field(default_factory=list)
    diet: object | None = None  # DietInputs ([diet]; inputs/diet_inputs.py)
    sun: object | None = None  # SunConfig ([sun]; inputs/sun_inputs.py)

    def simulation(self, **kw):
        from ..simulation import Simulation
        sim = Simulation(person=self.person, regimen=self.doses, duration_days=self.duration_days,
                         parameter_set=self.parameter_set, parameters=self.parameters, outputs=self.outputs,
                         output_interval_hours=self.output_interval_hours,
                         base_inputs=dict(self.diet.parameters) if self.diet else {}, sun=self.sun,
                         start_date=self.start_date, **kw)
        if self.diet is not None:
            sim.notes += [self.diet.summary()] + self.diet.notes
        return sim


def load_scenario(path) -> Scenario:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ScenarioError(f"cannot read scenario file {path}: {e.strerror}") from None
    return parse_scenario(text, str(path), base_dir=path.parent)


def parse_scenario(text: str, name: str = "<scenario>", base_dir: Path | None = None) -> Scenario:
    try:
        d = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"{name}: malformed TOML: {e}") from None
    for k in d:
        if k not in TOP_KEYS:
            raise InputError(k, d[k], "a known key: " + ", ".join(sorted(TOP_KEYS)))
    if "duration_days" not in d:
        raise InputError("duration_days", NO_VALUE, "duration_days is required: 0 < days <= 18262.5 (50 years)")
    outputs = d.get("outputs")
    if outputs is not None and (not isinstance(outputs, list) or not all(isinstance(o, str) for o in outputs)):
        raise InputError("outputs", outputs, "a list of output names")
    ps = d.get("parameter_set", "calcifate")
    params = d.get("parameters", {})
    if not isinstance(params, dict):
        raise InputError("parameters", params, "a table of parameter = number")
    person = None
    if "person" in d:
        if not isinstance(d["person"], dict):
            raise InputError("person", d["person"], "a [person] table")
        person = Person.from_dict(d["person"])
    elif ps != "Peterson2010":
        person = Person.example()
    doses = []
    raw = d.get("dose", [])
    if not isinstance(raw, list):
        raise InputError("dose", raw, "an array of [[dose]] tables")
    for i, dd in enumerate(raw):
        for k in dd:
            if k not in DOSE_KEYS:
                raise InputError(f"dose[{i}].{k}", dd[k], "a known key: " + ", ".join(sorted(DOSE_KEYS)))
        if "substance" not in dd or "amount" not in dd:
            raise InputError(f"dose[{i}]", dd, "substance and amount are required")
        try:
            doses.append(Dose(**{k: dd[k] for k in dd}))
        except InputError as e:
            raise InputError(f"dose[{i}].{e.field.split('.')[-1]}", e.value, e.allowed) from None
    from .exposure_inputs import apply_diet_and_sun  # [diet] and [sun]
    person, diet, sun = apply_diet_and_sun(d, person, text, name, base_dir)
    return Scenario(duration_days=d["duration_days"], output_interval_hours=d.get("output_interval_hours", 24.0),
                    start_date=d.get("start_date"), outputs=outputs, parameter_set=ps, parameters=params,
                    person=person, doses=doses, diet=diet, sun=sun)
