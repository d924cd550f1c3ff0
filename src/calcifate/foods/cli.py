"""Command-line subcommands ``foods`` and ``diet``.

Use :func:`add_parsers` to attach them to an existing argparse subparsers
object, or run standalone::

    python -m calcifate.foods.cli foods search natto
    python -m calcifate.foods.cli foods show kale
    python -m calcifate.foods.cli foods top mk7 --n 5 --per serving
    python -m calcifate.foods.cli foods list --format csv
    python -m calcifate.foods.cli diet plan.toml

Every handler returns an exit code; user errors print one line to stderr
and return 2.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Callable, Sequence

from .diet import DietError, intake_table, load_diet
from .table import (
    NUTRIENTS,
    FOODS_CSV,
    UnknownFoodError,
    UnknownNutrientError,
    format_value,
    load_food_table,
    resolve_nutrient,
    NUTRIENT_BY_KEY,
)

EXIT_USAGE = 2


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn expected errors into a one-line message and exit code 2."""
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (UnknownFoodError, UnknownNutrientError, DietError) as exc:
            return _fail(str(exc))
        except (ValueError, OSError) as exc:
            return _fail(str(exc))
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _table(rows: list[list[str]], header: list[str], out=None) -> None:
    out = out or sys.stdout
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip(), file=out)


# ---------------------------------------------------------------- foods
@_guard
def cmd_search(args: argparse.Namespace) -> int:
    """foods search QUERY"""
    results = load_food_table().search(args.query, limit=args.limit)
    if not results:
        return _fail(f"no food matches {args.query!r}")
    _table([[r.food.food_id, r.food.name, f"{r.score:.2f}", r.matched] for r in results],
           ["food_id", "name", "score", "matched"])
    return 0


@_guard
def cmd_show(args: argparse.Namespace) -> int:
    """foods show NAME"""
    food = load_food_table().get(args.name)
    print(f"{food.name}  [{food.food_id}]")
    print(f"group: {food.group}   state: {food.state}")
    if food.aliases:
        print("aliases: " + "; ".join(food.aliases))
    serving = f"{food.serving_g:g} g ({food.serving_desc})" if food.serving_g is not None else "not given"
    print(f"serving: {serving}")
    rows = []
    for n in NUTRIENTS:
        v = food.values[n.key]
        per_s = food.per_serving(n.key)
        srcs = "; ".join(str(e) for e in food.sources_for(n.key)) if v is not None else ""
        rows.append([n.key, n.label, format_value(v, n.unit), format_value(per_s, n.unit), srcs])
    _table(rows, ["nutrient", "label", "per 100 g", "per serving", "source"])
    if food.note:
        print("note: " + food.note)
    return 0


@_guard
def cmd_top(args: argparse.Namespace) -> int:
    """foods top NUTRIENT"""
    key = resolve_nutrient(args.nutrient)
    nut = NUTRIENT_BY_KEY[key]
    ranked = load_food_table().top(key, n=args.n, per=args.per)
    if not ranked:
        return _fail(f"no food has a measured value for {key}")
    basis = "per 100 g" if args.per == "100g" else "per serving"
    print(f"{nut.label}, ranked {basis}; foods where it was not measured are left out")

    def amount(v):
        return format_value(v, nut.unit) if v is not None else "-"
    _table([[str(i), f.food_id, f.name, amount(f.values[key]), amount(f.per_serving(key)),
             (f"{f.serving_g:g} g" if f.serving_g is not None else "")]
            for i, (f, _) in enumerate(ranked, start=1)],
           ["#", "food_id", "name", "per 100 g", "per serving", "serving"])
    return 0


@_guard
def cmd_list(args: argparse.Namespace) -> int:
    """foods list"""
    if args.format == "csv":
        with open(FOODS_CSV, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            writer = csv.writer(sys.stdout, lineterminator="\n")
            for row in reader:
                writer.writerow(row)
        return 0
    table = load_food_table()
    show = ("k1", "mk4", "mk7", "vitd_total", "calcium", "fat")
    rows = [[f.food_id, f.name[:48]] + [format_value(f.values[k]) if f.values[k] is not None else "-" for k in show]
            for f in table]
    _table(rows, ["food_id", "name"] + [f"{k} ({NUTRIENT_BY_KEY[k].unit})" for k in show])
    print(f"{len(table)} foods; '-' = not measured. Use --format csv for all columns and sources.")
    return 0


# ---------------------------------------------------------------- diet
@_guard
def cmd_diet(args: argparse.Namespace) -> int:
    """diet PLAN.toml"""
    intake = load_diet(args.plan)
    rows = intake_table(intake, age=args.age, sex=args.sex)
    print(f"Daily mean intake from {args.plan} (age {args.age:g}, sex {args.sex or 'not given'})")
    out = []
    for r in rows:
        value = r["intake"]
        unit = r["unit"].split("/")[0]
        text = format_value(value, unit)
        if r["missing_foods"]:
            text += " + not measured in: " + ", ".join(r["missing_foods"])
        if "range" in r:
            lo, hi = r["range"]
            text += f" (range {lo:.3g}-{hi:.3g})"
        out.append([r["label"], r["unit"], text,
                    r.get("efsa_ref_text", ""), r.get("efsa_ul_text", ""),
                    r.get("us_ref_text", ""), r.get("us_ul_text", "")])
    _table(out, ["nutrient", "unit", "intake", "EFSA AI/PRI", "EFSA UL", "US AI/RDA", "US UL"])
    a = intake.assumptions
    print(f"D3-equivalents assume 1 µg 25(OH)D3 = {a['oh25d3_potency_vs_d3']:g} µg D3 and "
          f"1 µg D2 = {a['d2_potency_vs_d3']:g} µg D3 (see food_assumptions.csv).")
    print("Meals:")
    _table([[m.time, m.label, f"{m.occasions_per_week:g}/wk", f"{m.fat_g:.1f}",
             format_value(m.amount("k1"), "µg"), format_value(m.amount("mk7"), "µg"),
             format_value(m.amount("vitd_total"), "µg"), format_value(m.amount("calcium"), "mg")]
            for m in intake.meals],
           ["time", "meal", "times", "fat g", "K1", "MK-7", "vit D", "calcium"])
    if getattr(args, "plot", None):
        from ..plots import plot_diet_sources
        plot_diet_sources(intake, path=args.plot)
        print(f"wrote {args.plot}")
    return 0


# ---------------------------------------------------------------- wiring
def add_parsers(subparsers) -> None:
    """Register the ``foods`` and ``diet`` subcommands on an argparse subparsers object."""
    foods = subparsers.add_parser("foods", help="food composition table (vitamin K, vitamin D, calcium)",
                                  description="Look up the food composition table.")
    fsub = foods.add_subparsers(dest="foods_command", metavar="{search,show,top,list}")
    fsub.required = True

    p = fsub.add_parser("search", help="find foods by name (typo tolerant)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=cmd_search)

    p = fsub.add_parser("show", help="all values and sources for one food")
    p.add_argument("name")
    p.set_defaults(func=cmd_show)

    p = fsub.add_parser("top", help="richest foods in a nutrient (k1, mk4, mk7, mk9, d3, 'vitamin d', calcium ...)")
    p.add_argument("nutrient")
    p.add_argument("--n", type=int, default=10)
    p.add_argument("--per", choices=("100g", "serving"), default="100g")
    p.set_defaults(func=cmd_top)

    p = fsub.add_parser("list", help="the whole table")
    p.add_argument("--format", choices=("csv", "table"), default="table")
    p.set_defaults(func=cmd_list)

    d = subparsers.add_parser("diet", help="daily intake from a diet file (TOML) against reference values",
                              description="Compute daily intakes from a diet TOML file.")
    d.add_argument("plan", help="diet file (TOML)")
    d.add_argument("--age", type=float, default=40.0, help="age in years for choosing reference values (default 40)")
    d.add_argument("--sex", choices=("male", "female"), default=None)
    d.add_argument("--plot", metavar="PNG", help="write a bar chart of where K1, each K2 form and vitamin D come from")
    d.set_defaults(func=cmd_diet)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calcifate.foods.cli",
                                     description="calcifate food table and diet tools")
    sub = parser.add_subparsers(dest="command", metavar="{foods,diet}")
    sub.required = True
    add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
