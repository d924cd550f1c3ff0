"""[diet] and [sun] in scenario files: mapping onto the model, errors, spin-up, CLI and plots."""

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from calcifate.cli import main
from calcifate.errors import InputError
from calcifate.inputs.scenario import load_scenario, parse_scenario
from calcifate.inputs.sun_inputs import vitamin_d_winter_months

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

INLINE = """duration_days = 1
outputs = ["25ohd"]
[person]
age_years = 50
baseline_25ohd_nmol_l = 50

[diet]
[[diet.food]]
name = "kale"
grams = 50
[[diet.food]]
name = "whole milk"
grams = 300
[[diet.meal]]
time = "08:00"
items = [ { name = "egg", grams = 100 }, { name = "gouda", grams = 30 } ]
"""


def test_inline_diet_sets_person_fields_and_food_vitamin_d():
    sc = parse_scenario(INLINE)
    p, d = sc.person, sc.diet
    assert 600 < p.dietary_calcium_mg_day < 800  # 300 g milk + 30 g gouda + egg + kale
    assert p.dietary_k1_ug_day > 300  # kale
    assert p.dietary_mk9_ug_day == pytest.approx(0.3 * 70.0)  # gouda's MK-8+MK-9 (k2_unsplit)
    assert p.dietary_meal_fat_g is not None and 0 < p.dietary_meal_fat_g < 50
    # D3: egg 2.0 + 25(OH)D3 0.65 x 5 (potency assumption), milk fortificant (form n/s) 3.9, gouda 0.15
    assert d.parameters["D3_food_ug_day"] == pytest.approx(2.0 + 5 * 0.65 + 3.9 + 0.15, rel=1e-6)
    assert d.parameters["OHD3_food_ug_day"] == 0.0


def test_diet_with_baseline_is_matched_by_a_smaller_background():
    without_text = ("duration_days = 1\noutputs=['25ohd']\n[person]\nage_years = 50\n"
                    "baseline_25ohd_nmol_l = 50\ndietary_calcium_mg_day = 700\n")
    d3 = parse_scenario(INLINE).diet.parameters["D3_food_ug_day"]
    # without the first-pass 25-hydroxylation of oral D3 (f_fp), food D3 reaches the same pool as the
    # background input (depot and adipose store are lossless), so it replaces the background ug for ug
    off = {"f_fp": 0.0}
    with_diet = parse_scenario(INLINE).simulation(assumptions=off).run()
    without = parse_scenario(without_text).simulation(assumptions=off).run()
    assert with_diet["25ohd"][0] == pytest.approx(50.0, abs=1e-6)
    assert with_diet.background_d3_ug_day == pytest.approx(without.background_d3_ug_day - d3, rel=0.02)
    # with it (calcifate's set), a share of each oral ug skips the clearance that competes with
    # 25-hydroxylation, so food D3 is worth somewhat more than the background's: it replaces more
    with_diet = parse_scenario(INLINE).simulation().run()
    without = parse_scenario(without_text).simulation().run()
    assert with_diet["25ohd"][0] == pytest.approx(50.0, abs=1e-6)
    replaced = without.background_d3_ug_day - with_diet.background_d3_ug_day
    assert d3 * 1.01 < replaced < d3 * 1.2


def test_unknown_food_names_the_food_and_the_scenario_line():
    text = INLINE.replace('name = "kale"', 'name = "kael"')
    with pytest.raises(InputError) as e:
        parse_scenario(text, "s.toml")
    msg = str(e.value)
    assert "kael" in msg and "line 9" in msg  # the line of name = "kael" in the scenario


def test_diet_file_relative_to_the_scenario(tmp_path):
    shutil.copy(EXAMPLES / "diet_plan.toml", tmp_path / "plan.toml")
    (tmp_path / "s.toml").write_text('duration_days = 1\n[diet]\nfile = "plan.toml"\n')
    sc = load_scenario(tmp_path / "s.toml")
    assert sc.person.dietary_mk7_ug_day == pytest.approx(50 * 1000 / 100 / 7, rel=0.05)  # natto 50 g/week
    (tmp_path / "bad.toml").write_text('duration_days = 1\n[diet]\nfile = "missing.toml"\n')
    with pytest.raises(InputError, match="diet.file"):
        load_scenario(tmp_path / "bad.toml")


@pytest.mark.parametrize("text, field", [
    ('duration_days = 1\n[person]\ndietary_calcium_mg_day = 900\n[diet]\n[[diet.food]]\nname="whole milk"\ngrams=500\n',
     "person.dietary_calcium_mg_day"),
    ('duration_days = 1\n[diet]\noh25d3_potency_vs_d3 = 9\n[[diet.food]]\nname="whole milk"\ngrams=500\n',
     "diet.oh25d3_potency_vs_d3"),
    ('duration_days = 1\n[diet]\n[[diet.food]]\nname="whole milk"\ngrams=-5\n', "diet"),
    ('duration_days = 1\n[diet]\n[[diet.food]]\nname="kale"\ngrams=5\n', "diet (calcium)"),
    ('duration_days = 1\n[sun]\nplace="Manchester"\nskin_type=9\n', "sun.skin_type"),
    ('duration_days = 1\n[sun]\nplace="Manchester"\nskin_type=2\n[[sun.habit]]\nminutes_per_day=-1\nexposed="arms"\n',
     "sun.habit[0].minutes_per_day"),
    ('duration_days = 1\nstart_date = "2026-13-01"\n[sun]\nplace="Manchester"\nskin_type=2\n', "start_date"),
    ('duration_days = 1\n[parameters]\nD3_skin_ug_day = 5\n[sun]\nplace="Manchester"\nskin_type=2\n',
     "parameters.D3_skin_ug_day"),
])
def test_bad_diet_and_sun_input_names_the_field(text, field):
    with pytest.raises(InputError) as e:
        parse_scenario(text).simulation()
    assert field in str(e.value)


def test_person_fields_have_ranges():
    from calcifate.inputs.person import Person
    with pytest.raises(InputError, match="person.dietary_meal_fat_g"):
        Person(dietary_meal_fat_g=500)
    assert Person().dietary_k1_ug_day is None


def test_vitamin_d_winter_from_the_model():
    from calcifate.sun import parse_sun_config
    uk = vitamin_d_winter_months(parse_sun_config({"place": "Manchester", "skin_type": 2}))
    assert uk == [1, 2, 3, 10, 11, 12]  # Edmonton, 52 N, had no previtamin D3 from October to March (Webb 1988)
    boston = vitamin_d_winter_months(parse_sun_config({"latitude": 42.2, "longitude": -71.1, "skin_type": 2}))
    assert boston == [1, 2, 11, 12]  # November to February (Webb 1988)
    assert vitamin_d_winter_months(parse_sun_config({"latitude": 34.0, "longitude": -118.2, "skin_type": 2})) == []
    assert vitamin_d_winter_months(parse_sun_config({"place": "Quito", "skin_type": 2})) == []


def test_sun_without_baseline_drops_the_default_baseline():
    sc = parse_scenario('duration_days = 1\n[sun]\nplace="Manchester"\nskin_type=2\n')
    assert sc.person.baseline_25ohd_nmol_l is None
    sc = parse_scenario('duration_days = 1\n[person]\nbaseline_25ohd_nmol_l = 40\n[sun]\nplace="Manchester"\nskin_type=2\n')
    assert sc.person.baseline_25ohd_nmol_l == 40


def test_example_year_with_sun_and_diet_via_cli(tmp_path):
    """The example scenario (365 days, sun + diet file): runs from the periodic steady state, so
    the start date's 25(OH)D comes back a year later; writes the CSV, the plot and the sun plot."""
    for f in ("sun_and_diet.toml", "diet_plan.toml"):
        shutil.copy(EXAMPLES / f, tmp_path / f)
    out = tmp_path / "year.csv"
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(tmp_path / "sun_and_diet.toml"),
                        "-o", str(out), "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "sun: Manchester" in r.stderr and "background vitamin D3 input" in r.stderr
    df = pd.read_csv(out)
    c = df["25ohd"].to_numpy()
    assert abs(c[-1] - c[0]) < 0.5 + 0.05 * c[0] / 365  # periodic (one extra day of winter decline)
    assert c.argmax() > 150 and c.argmin() < 120  # summer peak, late-winter trough
    assert (tmp_path / "year.png").stat().st_size > 0 and (tmp_path / "year-sun.png").stat().st_size > 0


def test_diet_cli_plot(tmp_path):
    png = tmp_path / "d.png"
    assert main(["diet", str(EXAMPLES / "diet_plan.toml"), "--plot", str(png)]) == 0
    assert png.stat().st_size > 1000


def test_sun_with_baseline_matches_the_annual_mean():
    sc = parse_scenario('duration_days = 1\noutputs = ["25ohd"]\n[person]\nbaseline_25ohd_nmol_l = 50\n'
                        '[sun]\nplace = "Manchester"\nskin_type = 2\n[[sun.habit]]\nmonths = "Apr-Sep"\n'
                        'minutes_per_day = 20\nexposed = "forearms and lower legs"\n')
    r = sc.simulation().run()
    sun = r.meta["sun"]
    assert sun["spinup_converged"] and sun["spinup_years"] >= 2
    assert abs(sun["spinup_annual_mean_25ohd"] - 50.0) < 1.0  # matched at the annual-mean steady state
    assert sun["spinup_max_25ohd"] - sun["spinup_min_25ohd"] > 5  # it does vary with the season
    assert 0 < r.background_d3_ug_day < 60


def test_cli_unknown_food_in_scenario_exits_2_naming_food_and_line(tmp_path):
    p = tmp_path / "s.toml"
    p.write_text(INLINE.replace('name = "whole milk"', 'name = "wole milk"'))
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(p), "-q"], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "wole milk" in r.stderr and "line 12" in r.stderr


def test_missing_and_unknown_sun_fields_read_as_sentences():
    """A missing or misplaced field is named without a made-up value ("= None is not allowed")."""
    with pytest.raises(InputError) as e:
        parse_scenario('duration_days = 1\n[sun]\nplace="Manchester"\n').simulation()
    assert str(e.value).startswith("sun.skin_type is required") and "None" not in str(e.value)
    with pytest.raises(InputError) as e:
        parse_scenario('duration_days = 1\n[sun]\nskin_type = 2\n').simulation()
    assert str(e.value).startswith("sun.place is required") and "None" not in str(e.value)
    with pytest.raises(InputError) as e:  # a habit field at the top of [sun]
        parse_scenario('duration_days = 1\n[sun]\nplace="Manchester"\nskin_type=2\nminutes_per_day=9\n').simulation()
    assert "unknown field sun.minutes_per_day" in str(e.value) and "[[sun.habit]]" in str(e.value)
    with pytest.raises(InputError) as e:
        parse_scenario('outputs = ["25ohd"]\n')
    assert str(e.value).startswith("duration_days is required")


NO_VITAMIN_D = """duration_days = 5
[sun]
place = "Manchester"
skin_type = 2
[[sun.habit]]
minutes_per_day = {minutes}
exposed = "hands and face"
"""


def test_a_person_with_no_vitamin_d_at_all_is_refused_with_a_reason():
    """[sun] without a baseline: 25(OH)D follows from the person's own inputs. With none (no diet, no
    time outdoors) the calcium model has no steady state; the run is refused, naming what to add,
    instead of the solver failing."""
    with pytest.raises(InputError) as e:
        parse_scenario(NO_VITAMIN_D.format(minutes=0)).simulation().run()
    msg = str(e.value)
    assert e.value.field == "vitamin D inputs" and "own vitamin D inputs" in msg and "below the 5 nmol/L" in msg
    assert "[diet]" in msg and "person.baseline_25ohd_nmol_l" in msg


def test_own_inputs_in_the_supported_range_still_run():
    r = parse_scenario(NO_VITAMIN_D.format(minutes=15)).simulation().run()
    assert 5.0 <= float(r["25ohd"][0]) < 60.0


LEAN_GREENS_FATTY_NATTO = """
[[meal]]
time = "12:30"
items = [ { name = "spinach_raw", grams = 100 } ]
[[meal]]
time = "19:00"
items = [ { name = "natto", grams = 50 }, { name = "butter_salted", grams = 30 } ]
"""


def test_each_meals_fat_reaches_each_vitamer():
    """Issue 4: each meal's fat goes to the absorption model. The fat factor saturates, so the factor of
    the vitamin-K-weighted mean fat is not the mean of the meals' factors: K1 from a fat-free salad is
    absorbed less, and MK-7 from natto eaten with butter more, than the shared mean says."""
    from calcifate.foods.diet import intake_from_text
    from calcifate.inputs.diet_inputs import diet_model_inputs, meal_fat_factor
    intake = intake_from_text(LEAN_GREENS_FATTY_NATTO)
    di = diet_model_inputs(intake)
    adj, mean_fat = di.parameters, di.person_fields["dietary_meal_fat_g"]
    lunch, dinner = sorted(intake.meals, key=lambda m: m.time_h)
    assert lunch.fat_g < 1.0 < 20.0 < dinner.fat_g  # fat-free salad, natto with butter
    assert 0 < adj["diet_fat_adj_K1"] < 0.8 and adj["diet_fat_adj_MK7"] > 1.0
    # by definition: each vitamer's meals' factors, weighted by what each meal carries, over the shared one
    for v, key in (("K1", "k1"), ("MK7", "mk7")):
        w = [(m.amount(key), meal_fat_factor(m.fat_g)) for m in (lunch, dinner)]
        expect = sum(a * f for a, f in w) / sum(a for a, _ in w) / meal_fat_factor(mean_fat)
        assert adj[f"diet_fat_adj_{v}"] == pytest.approx(expect, rel=1e-9)
    one_meal = diet_model_inputs(intake_from_text(
        '[[meal]]\ntime = "19:00"\nitems = [ { name = "spinach_raw", grams = 100 }, { name = "natto", grams = 50 } ]\n'))
    assert one_meal.parameters["diet_fat_adj_K1"] == pytest.approx(1.0, abs=1e-12)
    assert one_meal.parameters["diet_fat_adj_MK7"] == pytest.approx(1.0, abs=1e-12)


def test_the_meal_fat_adjustment_moves_the_model():
    from calcifate.inputs.person import Person
    from calcifate.simulation import Simulation
    out = ["k1_plasma"]
    base = Simulation(Person.example(), None, duration_days=1, outputs=out).run()["k1_plasma"][0]
    lean = Simulation(Person.example(), None, duration_days=1, outputs=out,
                      base_inputs={"diet_fat_adj_K1": 0.5}).run()["k1_plasma"][0]
    assert lean < 0.8 * base
