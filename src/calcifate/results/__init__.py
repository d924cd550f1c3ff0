"""One result type: a tidy table (time, variable, value, unit)."""
from .table import Result

__all__ = ["Result"]
