"""Named parameter sets (``Peterson2010``, ``calcifate``) loaded from data files.

Every parameter has value, unit, citation key(s), a note, and -- when it is a modelling
assumption -- the flag and a plausible range. Files (in ``data/parameters``):

* ``peterson2010.csv`` -- the published calcium/bone model (BIOMD0000000613) and its switches;
* ``vitamin_d.csv``, ``bone.csv``, ``person.csv`` -- modules added by calcifate;
* ``calibrated.csv`` -- values fitted by ``tools/calibrate.py`` (rows marked CALIB elsewhere);
* ``calcifate.csv`` -- calcifate's own set: overrides of the above (the mended quirks).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

BASE_FILES = ["peterson2010.csv", "vitamin_d.csv", "bone.csv", "person.csv", "vitamin_k.csv"]
SETS = {"Peterson2010": [], "calcifate": ["calcifate.csv"]}
DEFAULT_SET = "calcifate"


@dataclass(frozen=True)
class ParameterInfo:
    name: str
    value: float
    unit: str
    source: str
    note: str
    assumption: bool
    low: float | None
    high: float | None

    @property
    def citation_keys(self) -> list[str]:
        return [k.strip() for k in self.source.split(";") if k.strip()]


def _read(name: str) -> list[dict]:
    path = resources.files("calcifate.data.parameters").joinpath(name)
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _num(s: str) -> float | None:
    return float(s) if s not in ("", None) else None


@lru_cache(maxsize=None)
def _calibrated() -> dict[str, dict]:
    return {r["name"]: r for r in _read("calibrated.csv")}


def _info(row: dict) -> ParameterInfo:
    value = row["value"]
    note = row["note"]
    if value == "CALIB":
        cal = _calibrated()[row["name"]]
        value = cal["value"]
        note = f"{note} [calibrated: {cal['note']}]"
    return ParameterInfo(row["name"], float(value), row["unit"], row["source"], note,
                         row["assumption"].strip().lower() == "true", _num(row["low"]), _num(row["high"]))


@dataclass(frozen=True)
class ParameterSet:
    """An ordered mapping name -> :class:`ParameterInfo` with a name."""

    name: str
    info: dict

    def __getitem__(self, key: str) -> float:
        return self.info[key].value

    def __contains__(self, key: str) -> bool:
        return key in self.info

    @property
    def names(self) -> list[str]:
        return list(self.info)

    def values(self) -> dict[str, float]:
        return {k: v.value for k, v in self.info.items()}

    def with_values(self, name: str | None = None, **values: float) -> "ParameterSet":
        info = dict(self.info)
        for k, v in values.items():
            if k not in info:
                raise KeyError(k)
            info[k] = replace(info[k], value=float(v))
        return ParameterSet(name or self.name, info)


@lru_cache(maxsize=None)
def load_parameter_set(name: str = DEFAULT_SET) -> ParameterSet:
    if name not in SETS:
        from ..errors import InputError
        raise InputError("parameter_set", name, f"one of {sorted(SETS)}")
    info: dict[str, ParameterInfo] = {}
    for f in BASE_FILES:
        for row in _read(f):
            if row["name"] in info:
                raise ValueError(f"parameter {row['name']} declared twice (second time in {f})")
            info[row["name"]] = _info(row)
    for f in SETS[name]:
        for row in _read(f):
            if row["name"] not in info:
                raise ValueError(f"{f} overrides unknown parameter {row['name']}")
            info[row["name"]] = _info(row)
    return ParameterSet(name, info)


@lru_cache(maxsize=None)
def published_initial_state() -> dict[str, float]:
    path = resources.files("calcifate.data.initial").joinpath("peterson2010.csv")
    with path.open(newline="", encoding="utf-8") as f:
        return {r["state"]: float(r["value"]) for r in csv.DictReader(f)}
