"""One exception family. Messages name the field, the value and the allowed range."""


class CalcifateError(Exception):
    """Base class for every error calcifate raises on purpose."""


#: ``value`` of an :class:`InputError` about a field that is missing or unknown (there is no value to show)
NO_VALUE = object()


class InputError(CalcifateError, ValueError):
    """Bad user input (scenario file, regimen, person, CLI argument)."""

    def __init__(self, field: str, value, allowed: str, hint: str = ""):
        self.field, self.value, self.allowed = field, value, allowed
        if value is NO_VALUE:  # "sun.skin_type is required (...)", not "sun.skin_type = None is not allowed"
            msg = allowed if field in allowed else f"{field}: {allowed}"
        else:
            msg = f"{field} = {value!r} is not allowed: {allowed}"
        super().__init__(msg + (f" ({hint})" if hint else ""))


class ScenarioError(CalcifateError, ValueError):
    """A scenario file that cannot be read (malformed TOML, wrong types)."""


class SolverError(CalcifateError, RuntimeError):
    """The ODE solver or steady-state search failed."""
