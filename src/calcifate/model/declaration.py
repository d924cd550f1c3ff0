"""The one model declaration: states, parameters, intermediate quantities, rates, outputs.

Modules (``calcium_bone``, ``vitamin_d``, ``bmd``, ...) add their pieces to a :class:`Model`
with plain expression strings in a small Python-compatible language:

* arithmetic ``+ - * / **``, comparisons, names of states, parameters, earlier assignments
  and ``t`` (time, hours);
* functions ``exp log sqrt tanh`` and ``maximum(a, b)``, ``minimum(a, b)``,
  ``where(condition, a, b)`` (piecewise), ``sigmoid(x)`` (logistic).

Every backend is derived from these strings, never restated: :mod:`calcifate.model.codegen`
turns them into a scalar Python right-hand side (reference solver) and a vectorised one
(numpy / JAX batches), and the same AST is printed as SBML math.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

FUNCTIONS = {"exp", "log", "sqrt", "tanh", "maximum", "minimum", "where", "sigmoid"}


@dataclass(frozen=True)
class State:
    name: str
    unit: str
    label: str
    module: str
    kind: str = "physiological"  # or "accumulator" (cumulative flux, for mass balance)


@dataclass(frozen=True)
class Assignment:
    name: str
    expr: str
    module: str
    unit: str = ""
    label: str = ""


@dataclass(frozen=True)
class Output:
    name: str
    expr: str
    unit: str
    label: str
    module: str


@dataclass(frozen=True)
class Dosable:
    """A substance that enters a state as a bolus: amount (in ``unit``) x ``factor`` -> state."""

    state: str
    unit: str
    factor: str  # expression (may use parameters) converting the dose unit to the state unit


@dataclass
class Model:
    name: str
    states: list[State] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    rates: dict[str, str] = field(default_factory=dict)
    outputs: list[Output] = field(default_factory=list)
    parameter_names: list[str] = field(default_factory=list)
    dosables: dict[str, Dosable] = field(default_factory=dict)
    _n_prepended: int = 0

    # -- building -------------------------------------------------------------------------
    def state(self, name, unit, label, module, rate, kind="physiological"):
        if any(s.name == name for s in self.states):
            raise ValueError(f"state {name!r} declared twice")
        self.states.append(State(name, unit, label, module, kind))
        self.rates[name] = rate

    def let(self, name, expr, module, unit="", label=""):
        if any(a.name == name for a in self.assignments):
            raise ValueError(f"assignment {name!r} declared twice")
        self.assignments.append(Assignment(name, expr, module, unit, label))

    def prepend(self, name, expr, module, unit="", label=""):
        """Declare an intermediate that depends only on states, parameters and t, placed before
        every other intermediate so that the core's hooks can use it."""
        if any(a.name == name for a in self.assignments):
            raise ValueError(f"assignment {name!r} declared twice")
        self.assignments.insert(self._n_prepended, Assignment(name, expr, module, unit, label))
        self._n_prepended += 1

    def add_to_rate(self, state, term):
        """Let a later module add a term to an existing state's rate (module wiring)."""
        self.rates[state] = f"({self.rates[state]}) + ({term})"

    def replace_assignment(self, name, expr):
        """Let a later module redefine an intermediate (e.g. to add a substrate factor)."""
        for i, a in enumerate(self.assignments):
            if a.name == name:
                self.assignments[i] = Assignment(name, expr, a.module, a.unit, a.label)
                return
        raise KeyError(name)

    def output(self, name, expr, unit, label, module):
        self.outputs.append(Output(name, expr, unit, label, module))

    def parameters(self, *names):
        for n in names:
            if n not in self.parameter_names:
                self.parameter_names.append(n)

    def dosable(self, substance, state, unit, factor):
        self.dosables[substance] = Dosable(state, unit, factor)

    # -- queries ----------------------------------------------------------------------------
    @property
    def state_names(self) -> list[str]:
        return [s.name for s in self.states]

    def state_index(self, name: str) -> int:
        return self.state_names.index(name)

    def symbols_used(self) -> set[str]:
        used: set[str] = set()
        exprs = [a.expr for a in self.assignments] + list(self.rates.values())
        exprs += [o.expr for o in self.outputs] + [d.factor for d in self.dosables.values()]
        for e in exprs:
            for node in ast.walk(ast.parse(e, mode="eval")):
                if isinstance(node, ast.Name) and node.id not in FUNCTIONS:
                    used.add(node.id)
        return used

    def check(self, parameter_values: dict) -> None:
        """Every name used is declared exactly once, and assignments come before use."""
        known = set(self.state_names) | {"t"} | set(parameter_values)
        clash = set(self.state_names) & set(parameter_values)
        if clash:
            raise ValueError(f"names declared both as state and parameter: {sorted(clash)}")
        for a in self.assignments:
            for name in _names(a.expr):
                if name not in known:
                    raise ValueError(f"assignment {a.name!r} uses undeclared name {name!r}")
            known.add(a.name)
        for s, expr in self.rates.items():
            for name in _names(expr):
                if name not in known:
                    raise ValueError(f"rate of {s!r} uses undeclared name {name!r}")
        for o in self.outputs:
            for name in _names(o.expr):
                if name not in known:
                    raise ValueError(f"output {o.name!r} uses undeclared name {name!r}")


def _names(expr: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(expr, mode="eval"))
            if isinstance(n, ast.Name) and n.id not in FUNCTIONS}
