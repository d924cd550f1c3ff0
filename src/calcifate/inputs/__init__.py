"""Inputs: the person, dosing regimens and scenario files."""
from .person import Person
from .regimen import Dose, Regimen

__all__ = ["Person", "Dose", "Regimen"]
