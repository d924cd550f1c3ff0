"""Derive executable right-hand sides from the declaration (no equation is restated here).

``compile_model(model, parameter_names)`` returns a :class:`CompiledModel` with

* ``rhs(t, y, p)`` -- scalar float64 Python (``math``) for the reference scipy solver;
* ``rhs_vec(t, Y, P)`` -- the same equations on arrays (numpy or ``jax.numpy``), states on the
  first axis and any batch on the trailing axes;
* ``observe(t, Y, P)`` -- every intermediate and output, vectorised over a time grid.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .declaration import Model


class _Scalar(ast.NodeTransformer):
    """Rewrite the expression language into plain scalar Python."""

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func.id if isinstance(node.func, ast.Name) else None
        if f == "where":
            c, a, b = node.args
            return ast.IfExp(test=c, body=a, orelse=b)
        if f == "maximum":
            node.func = ast.Name("max", ast.Load())
        elif f == "minimum":
            node.func = ast.Name("min", ast.Load())
        elif f in ("exp", "log", "sqrt", "tanh", "sigmoid"):
            node.func = ast.Name("_" + f, ast.Load())
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Pow):
            exp = node.right
            if isinstance(exp, ast.Constant) and float(exp.value).is_integer():
                return node
            return ast.Call(ast.Name("_pow", ast.Load()), [node.left, node.right], [])
        return node


class _Vector(ast.NodeTransformer):
    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func.id if isinstance(node.func, ast.Name) else None
        if f == "sigmoid":
            node.func = ast.Name("_vsigmoid", ast.Load())
        elif f in ("where", "maximum", "minimum", "exp", "log", "sqrt", "tanh"):
            node.func = ast.Attribute(ast.Name("xp", ast.Load()), f, ast.Load())
        return node


def _scalar_expr(expr: str) -> str:
    tree = _Scalar().visit(ast.parse(expr, mode="eval"))
    return ast.unparse(ast.fix_missing_locations(tree))


def _vector_expr(expr: str) -> str:
    tree = _Vector().visit(ast.parse(expr, mode="eval"))
    return ast.unparse(ast.fix_missing_locations(tree))


def _pow(a, b):
    if a < 0.0:
        return math.nan
    return a ** b


def _exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _log(x):
    return math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)


def _sqrt(x):
    return math.sqrt(x) if x >= 0 else math.nan


def _sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


_SCALAR_NS = {"_pow": _pow, "_exp": _exp, "_log": _log, "_sqrt": _sqrt, "_tanh": math.tanh,
              "_sigmoid": _sigmoid, "nan": math.nan}


@dataclass
class CompiledModel:
    model: Model
    parameter_names: list[str]
    rhs: Callable
    rhs_vec_factory: Callable
    observe_factory: Callable
    source: str

    def rhs_vec(self, t, Y, P, xp=np):
        return self.rhs_vec_factory(xp)(t, Y, P)

    def observe(self, t, Y, P, xp=np):
        return self.observe_factory(xp)(t, Y, P)


def compile_model(model: Model, parameter_names: list[str]) -> CompiledModel:
    states = model.state_names
    lines = ["def rhs(t, _y, _p):"]
    lines += [f"    {s} = _y[{i}]" for i, s in enumerate(states)]
    lines += [f"    {n} = _p[{i}]" for i, n in enumerate(parameter_names)]
    lines += [f"    {a.name} = {_scalar_expr(a.expr)}" for a in model.assignments]
    lines.append("    return [" + ", ".join(f"({_scalar_expr(model.rates[s])})" for s in states) + "]")
    scalar_src = "\n".join(lines)

    vlines = ["def make(xp):",
              "    def _vsigmoid(x):",
              "        return 0.5 * (1.0 + xp.tanh(0.5 * x))",
              "    def body(t, _Y, _P, want_all=False):"]
    vlines += [f"        {s} = _Y[{i}]" for i, s in enumerate(states)]
    vlines += [f"        {n} = _P[{i}]" for i, n in enumerate(parameter_names)]
    vlines += [f"        {a.name} = {_vector_expr(a.expr)}" for a in model.assignments]
    vlines.append("        if want_all:")
    vlines.append("            out = dict(" + ", ".join(f"{a.name}={a.name}" for a in model.assignments) + ")")
    for o in model.outputs:
        vlines.append(f"            out[{o.name!r}] = {_vector_expr(o.expr)}")
    vlines.append("            return out")
    vlines.append("        return xp.stack([" + ", ".join(
        f"(({_vector_expr(model.rates[s])}) + 0.0 * _Y[0])" for s in states) + "])")
    vlines.append("    return body")
    vector_src = "\n".join(vlines)

    ns = dict(_SCALAR_NS)
    exec(compile(scalar_src, f"<calcifate:{model.name}:rhs>", "exec"), ns)
    vns: dict = {}
    exec(compile(vector_src, f"<calcifate:{model.name}:rhs_vec>", "exec"), vns)
    cache: dict = {}

    def factory(xp):
        key = getattr(xp, "__name__", str(id(xp)))
        if key not in cache:
            cache[key] = vns["make"](xp)
        return cache[key]

    def rhs_vec_factory(xp):
        body = factory(xp)
        return lambda t, Y, P: body(t, Y, P, False)

    def observe_factory(xp):
        body = factory(xp)
        return lambda t, Y, P: body(t, Y, P, True)

    return CompiledModel(model, list(parameter_names), ns["rhs"], rhs_vec_factory, observe_factory,
                         scalar_src + "\n\n" + vector_src)
