"""One exception family. Messages name the field, the value and the allowed range."""


class CalcifateError(Exception):
    """Base class for every error calcifate raises on purpose."""


class InputError(CalcifateError, ValueError):
    """Bad user input (scenario file, regimen, person, CLI argument)."""

    def __init__(self, field: str, value, allowed: str, hint: str = ""):
        self.field, self.value, self.allowed = field, value, allowed
        msg = f"{field} = {value!r} is not allowed: {allowed}"
        super().__init__(msg + (f" ({hint})" if hint else ""))


class ScenarioError(CalcifateError, ValueError):
    """A scenario file that cannot be read (malformed TOML, wrong types)."""


class SolverError(CalcifateError, RuntimeError):
    """The ODE solver or steady-state search failed."""
