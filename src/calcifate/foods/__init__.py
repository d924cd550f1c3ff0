"""Food composition (vitamin K vitamers, vitamin D forms, calcium, fat) and diets.

Public API::

    from calcifate.foods import load_food_table, search, get, top, UnknownFoodError
    from calcifate.foods import load_diet, intake_table, DietError

Values are per 100 g; ``None`` means "not measured" (never silently 0).
The command-line entry points live in :mod:`calcifate.foods.cli` (not imported here).
"""

from .table import (
    NUTRIENTS,
    Food,
    FoodTable,
    SearchResult,
    UnknownFoodError,
    UnknownNutrientError,
    format_value,
    get,
    load_alternatives,
    load_assumptions,
    load_food_table,
    load_intake_references,
    resolve_nutrient,
    search,
    top,
)
from .diet import (
    DietError,
    DietIntake,
    MealIntake,
    NutrientIntake,
    compute_intake,
    intake_from_text,
    intake_table,
    load_diet,
    parse_diet,
)

__all__ = [
    "NUTRIENTS", "Food", "FoodTable", "SearchResult", "UnknownFoodError", "UnknownNutrientError",
    "format_value", "get", "load_alternatives", "load_assumptions", "load_food_table",
    "load_intake_references", "resolve_nutrient", "search", "top",
    "DietError", "DietIntake", "MealIntake", "NutrientIntake", "compute_intake", "intake_from_text",
    "intake_table", "load_diet", "parse_diet",
]
