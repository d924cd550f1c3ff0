"""Built-in data for the sunlight model: constants and cities.

Everything numeric that the sunlight model uses lives in
``calcifate/data/sun_parameters.csv`` (one row per constant, with unit,
citation key, note, an ``assumption`` flag and a plausible range for
assumptions).  This module reads that file once and also reads the city
table ``calcifate/data/cities.csv``.

Nothing here touches the network and nothing imports other parts of
``calcifate``.
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "Parameter",
    "City",
    "sun_parameters",
    "param",
    "cities",
    "find_city",
    "city_suggestions",
    "UnknownCityError",
]

#: Folder holding ``sun_parameters.csv``, ``cities.csv``; citation keys are in ``references.bib``.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Parameter:
    """One row of ``sun_parameters.csv``."""

    name: str
    value: float
    unit: str
    citation_key: str
    note: str
    assumption: bool
    low: float | None
    high: float | None


def _opt_float(text: str) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


@lru_cache(maxsize=None)
def sun_parameters() -> dict[str, Parameter]:
    """All constants of the sunlight model, keyed by name."""
    path = DATA_DIR / "sun_parameters.csv"
    out: dict[str, Parameter] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            if name in out:
                raise ValueError(f"duplicate parameter {name!r} in {path}")
            out[name] = Parameter(
                name=name,
                value=float(row["value"]),
                unit=row["unit"].strip(),
                citation_key=row["citation_key"].strip(),
                note=row["note"].strip(),
                assumption=row["assumption"].strip().lower() == "true",
                low=_opt_float(row["low"]),
                high=_opt_float(row["high"]),
            )
    return out


def param(name: str) -> float:
    """Value of one constant from ``sun_parameters.csv``."""
    try:
        return sun_parameters()[name].value
    except KeyError:  # pragma: no cover - programming error
        raise KeyError(f"unknown sun parameter {name!r}") from None


@dataclass(frozen=True)
class City:
    """One built-in place."""

    name: str
    country: str
    latitude: float  # degrees, north positive
    longitude: float  # degrees, east positive
    altitude_m: float
    utc_offset_hours: float  # standard (winter) time
    dst_rule: str  # "none", "eu", "us", "au", "nz"
    aliases: tuple[str, ...] = ()


def _fold(text: str) -> str:
    """Case- and accent-insensitive key ("São Paulo" -> "sao paulo")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=None)
def cities() -> dict[str, City]:
    """Built-in cities keyed by their folded name (aliases included)."""
    path = DATA_DIR / "cities.csv"
    table: dict[str, City] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
            city = City(
                name=row["name"].strip(),
                country=row["country"].strip(),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                altitude_m=float(row["altitude_m"]),
                utc_offset_hours=float(row["utc_offset_hours"]),
                dst_rule=row["dst_rule"].strip(),
                aliases=aliases,
            )
            for key in (city.name, *aliases):
                table[_fold(key)] = city
    return table


class UnknownCityError(KeyError):
    """Raised by :func:`find_city`; ``suggestions`` holds close names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        msg = f"unknown place {name!r}"
        if suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self.args[0]


def city_suggestions(name: str, n: int = 3) -> list[str]:
    """Closest built-in city names to ``name`` (may be empty)."""
    table = cities()
    keys = difflib.get_close_matches(_fold(name), list(table), n=n * 2, cutoff=0.6)
    seen: list[str] = []
    for key in keys:
        nm = table[key].name
        if nm not in seen:
            seen.append(nm)
    return seen[:n]


def find_city(name: str) -> City:
    """Look a city up by name or alias (case and accents ignored)."""
    table = cities()
    key = _fold(name)
    if key in table:
        return table[key]
    raise UnknownCityError(name, city_suggestions(name))
