"""The ``[diet]`` scenario section: a diet's daily intakes as model inputs.

A scenario may carry a diet inline (the diet reader's ``[[diet.food]]`` / ``[[diet.meal]]`` tables)
or point to a diet file (``file = "plan.toml"``, relative to the scenario file)::

    [diet]
    file = "plan.toml"              # or inline tables below, not both
    oh25d3_potency_vs_d3 = 5        # optional, 1.5..5 (labelled assumption, food_assumptions.csv)

    [[diet.food]]
    name = "kale"
    grams = 50
    [[diet.meal]]
    time = "08:00"
    items = [ { name = "egg", grams = 100 } ]

How intakes feed the model (see README "Diet and sunlight"):

* vitamin D3 (and fortificant vitamin D whose form the table does not give, counted as D3)
  -> ``D3_food_ug_day``; vitamin D2 -> ``D2_food_ug_day`` (the model's own D2 kinetics carry the
  D2/D3 difference, so the food table's D2 potency assumption is *not* applied); food 25(OH)D3 is
  converted to vitamin D3-equivalents with the labelled potency assumption (default 5, range
  1.5-5; Cashman 2012, Jakobsen 2018) and added to ``D3_food_ug_day``; ``OHD3_food_ug_day`` stays 0.
  (Passing it straight into the 25(OH)D3 pool would imply a potency of ~9-12 in this model,
  outside the published range.)
* calcium -> ``person.dietary_calcium_mg_day``: the diet is the whole diet and replaces the person
  field; a scenario that gives both is an error.
* K1 (phylloquinone) -> ``dietary_k1_ug_day``; MK-4 -> ``dietary_mk4_ug_day``; MK-7 ->
  ``dietary_mk7_ug_day``; MK-8 + MK-9 + MK-10 and menaquinones reported only as a combined
  long-chain figure (``k2_unsplit``, e.g. "MK-8 + MK-9" in hard cheese) -> ``dietary_mk9_ug_day``.
  Dihydrophylloquinone, MK-5 and MK-6 have no model input; their amounts are reported as not
  modelled.
* ``dietary_meal_fat_g``: mean fat of the eating occasions, weighted by the vitamin K each
  occasion carries (the fat the vitamin K is eaten with). Foods listed without a meal time are
  assumed eaten over ``MEALS_PER_DAY`` = 3 occasions a day (assumption, range 2-5) and weekly
  foods in one occasion a week.
* ``diet_fat_adj_<vitamer>`` (K1, MK4, MK7, MK9): the meal-fat factor is saturating, so the factor of
  the mean fat is not the mean of each meal's factor. Each vitamer's factor is averaged over the
  meals that carry it and passed as its ratio to the factor at ``dietary_meal_fat_g``; computed with
  calcifate's values of ``fat_min``, ``fat_k50``, ``fat_hill`` and ``meal_fat_ref_g`` (a what-if that
  changes those does not recompute it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..foods.diet import DietError, DietIntake, compute_intake, parse_diet
from ..foods.table import load_assumptions

MEALS_PER_DAY = 3.0  # assumption (range 2-5): occasions over which un-timed daily foods are eaten
DIET_KEYS = {"file", "food", "meal", "oh25d3_potency_vs_d3", "title", "description", "note"}
PERSON_FIELDS = ("dietary_calcium_mg_day", "dietary_k1_ug_day", "dietary_mk4_ug_day", "dietary_mk7_ug_day",
                 "dietary_mk9_ug_day", "dietary_meal_fat_g")
MK9_BUCKET = ("mk8", "mk9", "mk10", "k2_unsplit")
NOT_MODELLED = ("dk1", "mk5", "mk6")


@dataclass
class DietInputs:
    """A diet mapped onto the model: parameters (model units), person fields and notes."""

    intake: DietIntake
    parameters: dict[str, float]
    person_fields: dict[str, float]
    oh25d3_potency: float
    not_modelled: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        p, f = self.parameters, self.person_fields
        return (f"diet {self.intake.source}: vitamin D3 {p['D3_food_ug_day']:.2f} ug/day (incl. 25(OH)D3 x "
                f"{self.oh25d3_potency:g}), D2 {p['D2_food_ug_day']:.2f} ug/day, calcium "
                f"{f['dietary_calcium_mg_day']:.0f} mg/day, K1 {f['dietary_k1_ug_day']:.1f}, MK-4 "
                f"{f['dietary_mk4_ug_day']:.1f}, MK-7 {f['dietary_mk7_ug_day']:.1f}, MK-8..10 "
                f"{f['dietary_mk9_ug_day']:.1f} ug/day, mean meal fat {f['dietary_meal_fat_g']:.1f} g; "
                f"meal-fat availability vs that mean: K1 x{p['diet_fat_adj_K1']:.2f}, MK-4 x{p['diet_fat_adj_MK4']:.2f}, "
                f"MK-7 x{p['diet_fat_adj_MK7']:.2f}, MK-8..10 x{p['diet_fat_adj_MK9']:.2f}")


def _potency(value) -> float:
    a = load_assumptions()["oh25d3_potency_vs_d3"]
    if value is None:
        return float(a.value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (a.low <= value <= a.high):
        raise InputError("diet.oh25d3_potency_vs_d3", value,
                         f"{a.low:g}..{a.high:g} ug D3 per ug 25(OH)D3 (labelled assumption, food_assumptions.csv)")
    return float(value)


#: model vitamer -> the diet's nutrients it carries
VITAMER_NUTRIENTS = {"K1": ("k1",), "MK4": ("mk4",), "MK7": ("mk7",), "MK9": MK9_BUCKET}


def _occasions(intake: DietIntake, nutrients) -> list[tuple[float, float, float]]:
    """(fat per occasion g, amount of ``nutrients`` per occasion, occasions per week) for each meal."""
    occ = []
    for m in intake.meals:
        fat = m.fat_g
        k = sum(m.amount(x) for x in nutrients)
        if m.time_h is None and m.occasions_per_week == 7.0:  # daily foods, no meal time given
            occ.append((fat / MEALS_PER_DAY, k / MEALS_PER_DAY, 7.0 * MEALS_PER_DAY))
        else:
            occ.append((fat, k, m.occasions_per_week))
    return occ


def meal_fat_g(intake: DietIntake) -> float:
    """Mean fat (g) per eating occasion, weighted by the vitamin K the occasion carries."""
    occ = _occasions(intake, ("k1", "mk4", "mk7") + MK9_BUCKET)
    wk = sum(k * n for _, k, n in occ)
    if wk > 0:
        return sum(f * k * n for f, k, n in occ) / wk
    nn = sum(n for *_, n in occ)
    return sum(f * n for f, _, n in occ) / nn if nn else 0.0


def meal_fat_factor(fat_g: float) -> float:
    """The model's meal-fat availability factor relative to the reference meal: the declared
    expression (model/vitamin_k.fat_factor) evaluated with calcifate's parameter values."""
    from ..knowledge.parameters import load_parameter_set
    from ..model.codegen import _SCALAR_NS, _scalar_expr
    from ..model.vitamin_k import fat_factor
    info = load_parameter_set("calcifate").info
    names = {n: info[n].value for n in ("fat_min", "fat_k50", "fat_hill", "meal_fat_ref_g")}
    return float(eval(_scalar_expr(fat_factor("meal_fat")), dict(_SCALAR_NS),  # noqa: S307 (declared expr)
                      {**names, "meal_fat": max(float(fat_g), 0.0)}))


def meal_fat_adjustments(intake: DietIntake, mean_fat_g: float) -> dict[str, float]:
    """``diet_fat_adj_<vitamer>``: each vitamer's mean meal-fat factor over the meals that carry it,
    relative to the factor at the shared ``mean_fat_g``. The model applies one saturating factor to
    the mean fat; a vitamer eaten mostly with lean meals (greens) is absorbed less, one eaten with
    fatty meals (natto with egg) more, than that factor says (Gijsbers 1996: spinach alone vs with
    butter). 1 for a vitamer the diet does not carry."""
    shared = meal_fat_factor(mean_fat_g)
    out = {}
    for v, nutrients in VITAMER_NUTRIENTS.items():
        occ = _occasions(intake, nutrients)
        w = sum(k * n for _, k, n in occ)
        out[f"diet_fat_adj_{v}"] = (sum(meal_fat_factor(f) * k * n for f, k, n in occ) / w / shared) if w > 0 else 1.0
    return out


def diet_model_inputs(intake: DietIntake, oh25d3_potency=None) -> DietInputs:
    """Map a :class:`DietIntake` onto model parameters and person fields."""
    pot = _potency(oh25d3_potency)
    d = intake.daily
    d3 = d["d3"].value + d["vitd_unspecified"].value + pot * d["oh25d3"].value
    params = {"D3_food_ug_day": d3, "D2_food_ug_day": d["d2"].value, "OHD3_food_ug_day": 0.0}
    mean_fat = meal_fat_g(intake)
    params.update(meal_fat_adjustments(intake, mean_fat))
    ca = d["calcium"].value
    if not (50.0 <= ca <= 4000.0):
        raise InputError("diet (calcium)", round(ca, 1),
                         "50..4000 mg/day: the diet gives the person's whole dietary calcium; list every food")
    fields = {
        "dietary_calcium_mg_day": ca,
        "dietary_k1_ug_day": d["k1"].value,
        "dietary_mk4_ug_day": d["mk4"].value,
        "dietary_mk7_ug_day": d["mk7"].value,
        "dietary_mk9_ug_day": sum(d[k].value for k in MK9_BUCKET),
        "dietary_meal_fat_g": mean_fat,
    }
    notes = []
    for key, label in (("d3", "vitamin D3"), ("vitd_total", "vitamin D"), ("calcium", "calcium"),
                       ("k1", "vitamin K1"), ("mk4", "MK-4"), ("mk7", "MK-7")):
        if d[key].missing_foods:
            notes.append(f"diet: {label} not measured in {', '.join(d[key].missing_foods)} "
                         f"(counted as the known part only, not as 0)")
    not_modelled = {k: d[k].value for k in NOT_MODELLED if d[k].value > 0}
    return DietInputs(intake, params, fields, pot, not_modelled, notes)


def _diet_text_from_scenario(text: str) -> str:
    """The scenario's [diet] lines as a diet file, other lines blanked (line numbers kept)."""
    out, in_diet, in_diet_top = [], False, False
    for line in text.splitlines():
        m = re.match(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?\s*(#.*)?$", line)
        if m:
            name = m.group(2)
            in_diet = name == "diet" or name.startswith("diet.")
            in_diet_top = name == "diet"
            if in_diet and name != "diet":
                out.append(line.replace("diet.", "", 1))
            else:
                out.append("")
            continue
        key = re.match(r"^\s*([A-Za-z_][A-Za-z0-9_\-]*)\s*=", line)
        if in_diet_top and key and key.group(1) in ("file", "oh25d3_potency_vs_d3", "title", "description", "note"):
            out.append("")
        else:
            out.append(line if in_diet else "")
    return "\n".join(out) + "\n"


def read_diet_section(section, scenario_text: str = "", scenario_name: str = "<scenario>",
                      base_dir: Path | None = None) -> DietInputs:
    """Read a scenario's ``[diet]`` table (already parsed from TOML) into :class:`DietInputs`."""
    if not isinstance(section, dict):
        raise InputError("diet", section, 'a [diet] table: file = "plan.toml", or [[diet.food]] / [[diet.meal]]')
    for k in section:
        if k not in DIET_KEYS:
            raise InputError(f"diet.{k}", section[k], "a known key: " + ", ".join(sorted(DIET_KEYS)))
    has_file = "file" in section
    has_inline = "food" in section or "meal" in section
    if has_file and has_inline:
        raise InputError("diet.file", section["file"], "either a diet file or inline [[diet.food]]/[[diet.meal]], not both")
    if not has_file and not has_inline:
        raise InputError("diet", section, 'file = "plan.toml", or [[diet.food]] / [[diet.meal]] entries')
    try:
        if has_file:
            f = section["file"]
            if not isinstance(f, str) or not f.strip():
                raise InputError("diet.file", f, "a path to a diet TOML file, relative to the scenario file")
            path = Path(f)
            if not path.is_absolute():
                path = (base_dir or Path(".")) / path
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as e:
                raise InputError("diet.file", f, f"a readable diet file ({path}: {e.strerror})") from None
            source = str(path)
        else:
            text, source = _diet_text_from_scenario(scenario_text), scenario_name
        meals = parse_diet(text, source=source)
        intake = compute_intake(meals, source=source)
    except DietError as e:
        # the diet reader's message names the food and the line; keep it whole
        raise InputError("diet", e.food or source, str(e)) from None
    return diet_model_inputs(intake, section.get("oh25d3_potency_vs_d3"))
