"""CLI smoke tests: call main(argv) directly and capture output."""

import argparse
import csv
import io

import pytest

from calcifate.foods import load_food_table
from calcifate.foods.cli import add_parsers, main

PLAN = """\
[[food]]
name = "kale"
grams = 80

[[meal]]
time = "08:00"
items = [ { name = "egg", grams = 100 }, { name = "whole milk", grams = 244 } ]
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search(capsys):
    code, out, err = run(capsys, "foods", "search", "natto")
    assert code == 0 and "natto" in out and err == ""


def test_search_typo(capsys):
    code, out, _ = run(capsys, "foods", "search", "Nato")
    assert code == 0 and out.splitlines()[2].startswith("natto")


def test_search_nothing(capsys):
    code, out, err = run(capsys, "foods", "search", "zzzzqqq")
    assert code == 2 and err.strip().startswith("error:") and len(err.strip().splitlines()) == 1


def test_show_reports_not_measured(capsys):
    code, out, _ = run(capsys, "foods", "show", "kale")
    assert code == 0
    mk7 = next(line for line in out.splitlines() if line.startswith("mk7"))
    assert "not measured" in mk7
    k1 = next(line for line in out.splitlines() if line.startswith("k1 "))
    assert "705" in k1 and "USDA_SR28:11233" in k1


def test_show_unknown_food_one_line_error(capsys):
    code, out, err = run(capsys, "foods", "show", "kael")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "kael" in err and "did you mean" in err
    assert "Traceback" not in err


def test_top(capsys):
    code, out, _ = run(capsys, "foods", "top", "mk7", "--n", "3")
    assert code == 0
    first = out.splitlines()[3]
    assert "natto" in first
    code, out, _ = run(capsys, "foods", "top", "vitamin d", "--per", "serving", "--n", "2")
    assert code == 0 and "ranked per serving" in out


def test_top_shows_per_100g_and_per_serving_whichever_ranks(capsys):
    """Issue 4: richest sources per 100 g and per usual serving, both amounts in one table."""
    from calcifate.foods import format_value, get
    for per in ("100g", "serving"):
        code, out, _ = run(capsys, "foods", "top", "k1", "--per", per, "--n", "5")
        assert code == 0
        lines = out.splitlines()
        assert "per 100 g" in lines[1] and "per serving" in lines[1]
        first = lines[3].split()
        food = get(first[1])
        assert format_value(food.values["k1"], "µg") in lines[3]
        assert format_value(food.per_serving("k1"), "µg") in lines[3]


def test_top_unknown_nutrient(capsys):
    code, _, err = run(capsys, "foods", "top", "vitamin q")
    assert code == 2 and "unknown nutrient" in err


def test_list_csv_is_whole_table_with_sources(capsys):
    code, out, _ = run(capsys, "foods", "list", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(load_food_table())
    assert "source_k1" in rows[0] and "source_calcium_fat" in rows[0]


def test_list_table(capsys):
    code, out, _ = run(capsys, "foods", "list")
    assert code == 0 and "kale_raw" in out and "not measured" in out


def test_diet(capsys, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    code, out, err = run(capsys, "diet", str(plan), "--sex", "female")
    assert code == 0, err
    assert "IU/day" in out and "EFSA" in out and "US AI/RDA" in out and "08:00" in out
    assert "not measured in" in out


def test_diet_errors(capsys, tmp_path):
    plan = tmp_path / "bad.toml"
    plan.write_text('[[food]]\nname = "kael"\ngrams = 10\n', encoding="utf-8")
    code, out, err = run(capsys, "diet", str(plan))
    assert code == 2 and "kael" in err and "line 2" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "diet", str(tmp_path / "nope.toml"))
    assert code == 2 and "cannot read" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["foods"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["foods", "top", "mk7", "--per", "cup"])
    assert exc.value.code == 2


def test_add_parsers_on_external_parser(capsys):
    parser = argparse.ArgumentParser(prog="calcifate")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run")
    add_parsers(sub)
    args = parser.parse_args(["foods", "top", "k1", "--n", "1"])
    assert callable(args.func)
    assert args.func(args) == 0
    assert "chard_raw" in capsys.readouterr().out  # highest K1 per 100 g in the table
    args = parser.parse_args(["diet", "x.toml", "--age", "70"])
    assert args.plan == "x.toml" and args.age == 70
