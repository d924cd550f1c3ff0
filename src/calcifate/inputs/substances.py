"""Substances that can be dosed, their aliases, units and plausible per-dose limits."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

IU_PER_UG_VITAMIN_D = 40.0  # IU per ug for vitamin D3 and D2 (IOM 2011)


@dataclass(frozen=True)
class Substance:
    name: str
    aliases: tuple[str, ...]
    canonical_unit: str  # "ug" or "mg"
    max_per_dose: float  # in the canonical unit: larger single doses are refused as absurd
    iu: bool = False  # may be given in IU


SUBSTANCES = [
    Substance("vitamin D3", ("vitamin d3", "d3", "cholecalciferol", "colecalciferol", "vitamin d"), "ug",
              25000.0, iu=True),
    Substance("vitamin D2", ("vitamin d2", "d2", "ergocalciferol"), "ug", 25000.0, iu=True),
    Substance("calcifediol", ("calcifediol", "25(oh)d3", "25-hydroxyvitamin d3", "25ohd3"), "ug", 5000.0),
    Substance("calcium", ("calcium", "ca", "elemental calcium"), "mg", 5000.0),
    Substance("teriparatide", ("teriparatide", "pth(1-34)", "pth 1-34"), "ug", 200.0),
    Substance("K1", ("k1", "vitamin k1", "phylloquinone", "phytonadione", "phytomenadione"), "ug", 50000.0),
    Substance("MK-4", ("mk-4", "mk4", "menatetrenone", "menaquinone-4", "menaquinone 4"), "ug", 100000.0),
    Substance("MK-7", ("mk-7", "mk7", "menaquinone-7", "menaquinone 7"), "ug", 20000.0),
    Substance("MK-9", ("mk-9", "mk9", "menaquinone-9", "menaquinone 9"), "ug", 20000.0),
    Substance("warfarin", ("warfarin", "coumadin"), "mg", 50.0),
    Substance("acenocoumarol", ("acenocoumarol", "acenocoumarin", "sintrom"), "mg", 20.0),
]
VITAMIN_K = ("K1", "MK-4", "MK-7", "MK-9")
ANTICOAGULANTS = ("warfarin", "acenocoumarol")
_BY_ALIAS = {a: s for s in SUBSTANCES for a in (s.name.lower(),) + s.aliases}
UNITS = {"iu": "IU", "ug": "ug", "µg": "ug", "μg": "ug", "mcg": "ug", "mg": "mg"}


def find_substance(name: str, field: str = "dose.substance") -> Substance:
    key = " ".join(str(name).strip().lower().split())
    if key in _BY_ALIAS:
        return _BY_ALIAS[key]
    import difflib
    close = difflib.get_close_matches(key, list(_BY_ALIAS), n=1)
    hint = f"did you mean {_BY_ALIAS[close[0]].name!r}?" if close else ""
    raise InputError(field, name, "one of " + ", ".join(s.name for s in SUBSTANCES), hint)


def to_canonical(substance: Substance, amount, unit: str, field: str = "dose") -> float:
    """Amount in the substance's canonical unit (ug or mg)."""
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise InputError(f"{field}.amount", amount, "a positive number")
    u = UNITS.get(str(unit).strip().lower())
    if u is None:
        raise InputError(f"{field}.unit", unit, "IU (vitamin D only), ug (= µg = mcg) or mg")
    if u == "IU":
        if not substance.iu:
            raise InputError(f"{field}.unit", unit, f"ug or mg for {substance.name} (IU is for vitamin D only)")
        value = amount / IU_PER_UG_VITAMIN_D
    elif u == substance.canonical_unit:
        value = float(amount)
    elif u == "mg" and substance.canonical_unit == "ug":
        value = amount * 1000.0
    else:  # ug given for a mg substance
        value = amount / 1000.0
    if not value > 0:
        raise InputError(f"{field}.amount", amount, "a positive number")
    if value > substance.max_per_dose:
        lim = substance.max_per_dose
        shown = f"{lim * IU_PER_UG_VITAMIN_D:,.0f} IU ({lim:g} ug)" if substance.iu else f"{lim:g} {substance.canonical_unit}"
        raise InputError(f"{field}.amount", f"{amount} {unit}", f"at most {shown} per dose of {substance.name}")
    return value
