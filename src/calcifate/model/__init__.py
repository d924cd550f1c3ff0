"""The model: one declaration assembled from modules, compiled once per process."""

from __future__ import annotations

from functools import lru_cache

from . import bone_density, calcium_bone, vitamin_d, vitamin_k
from .codegen import CompiledModel, compile_model
from .declaration import Model

MODULES = (calcium_bone, vitamin_d, bone_density, vitamin_k)


def build_model() -> Model:
    """Assemble the declaration from its modules (calcium/bone core, vitamin D, BMD/ageing)."""
    m = Model("calcifate")
    for mod in MODULES:
        mod.declare(m)
    return m


@lru_cache(maxsize=None)
def compiled(parameter_names: tuple[str, ...]) -> CompiledModel:
    model = build_model()
    return compile_model(model, list(parameter_names))


__all__ = ["Model", "CompiledModel", "build_model", "compiled"]
