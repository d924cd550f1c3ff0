"""Diet files: parsing, daily means, meals, missing values, errors with line numbers."""

import pytest

from calcifate.foods import DietError, get, intake_from_text, intake_table, load_diet, parse_diet
from calcifate.foods.diet import MAX_GRAMS_PER_DAY

SMALL = """\
title = "small test diet"

[[food]]
name = "kale"
grams = 100

[[food]]
name = "natto"
servings = 1
per = "week"

[[meal]]
time = "08:30"
days = "daily"
items = [ { name = "egg", grams = 100 },
          { name = "butter", grams = 10 } ]

[[meal]]
time = 19
days = ["mon", "thursday"]
items = [ { name = "farmed salmon", grams = 140 } ]
"""


def v(food, key):
    return get(food).value(key)


@pytest.fixture(scope="module")
def small():
    return intake_from_text(SMALL, source="small.toml")


def test_daily_means_by_hand(small):
    k1 = (v("kale", "k1") * 1.0 + v("natto", "k1") * 0.85 / 7 + v("egg", "k1") * 1.0
          + v("butter", "k1") * 0.10 + v("farmed salmon", "k1") * 1.4 * 2 / 7)
    assert small.value("k1") == pytest.approx(k1)
    assert small.value("mk7") == pytest.approx(1000 * 0.85 / 7)
    ca = (150 * 1.0 + 217 * 0.85 / 7 + 56 * 1.0 + 24 * 0.10 + 9 * 1.4 * 2 / 7)
    assert small.calcium_mg == pytest.approx(ca)
    d3 = 2.0 * 1.0 + 11.0 * 1.4 * 2 / 7  # egg 2.0, salmon 11.0 µg/100 g; butter/kale/natto 0
    assert small.value("d3") == pytest.approx(d3)
    assert small.vitamin_d_ug == pytest.approx(d3)
    assert small.vitamin_d_iu == pytest.approx(40 * d3)
    assert small.value("oh25d3") == pytest.approx(0.65)  # egg 100 g/day


def test_missing_values_are_flagged_not_zero(small):
    mk7 = small["mk7"]
    assert "kale_raw" in mk7.missing_foods and "egg_whole_raw" in mk7.missing_foods
    assert "natto" not in mk7.missing_foods
    assert not mk7.complete
    assert small["calcium"].complete
    # MK-4: butter measured (15), egg and kale not
    assert small.value("mk4") == pytest.approx(15 * 0.10)
    assert set(small.missing("mk4")) >= {"kale_raw", "egg_whole_raw"}


def test_d3_equivalent_uses_assumption(small):
    expected = small.value("d3") + small.value("d2") + small.value("vitd_unspecified") + 5 * small.value("oh25d3")
    assert small.value("d3_equivalent") == pytest.approx(expected)
    lo, hi = small.d3_equivalent_range
    assert lo == pytest.approx(small.value("d3") + 0.43 * small.value("d2") + 1.5 * small.value("oh25d3"))
    assert lo <= small.value("d3_equivalent") <= hi + 1e-12
    other = intake_from_text(SMALL, oh25d3_potency=1.5)
    assert other.value("d3_equivalent") < small.value("d3_equivalent")


def test_meals(small):
    times = [m.time_h for m in small.meals]
    assert times == [None, None, 8.5, 19.0]
    breakfast = small.meals[2]
    assert breakfast.time == "08:30" and breakfast.occasions_per_week == 7
    assert breakfast.fat_g == pytest.approx(v("egg", "fat") * 1.0 + v("butter", "fat") * 0.10)
    assert breakfast.amount("k1") == pytest.approx(0.3 + 0.7)
    dinner = small.meals[3]
    assert dinner.days == ("mon", "thu") and dinner.occasions_per_week == 2
    assert dinner.amount("d3") == pytest.approx(11.0 * 1.4)
    weekly = small.meals[1]
    assert weekly.occasions_per_week == 1 and weekly.amount("mk7") == pytest.approx(850)
    # daily mean = sum over meals of amount x occasions / 7
    total = sum(m.amount("calcium") * m.occasions_per_week for m in small.meals) / 7
    assert total == pytest.approx(small.calcium_mg)


def test_fortified_food_goes_to_unspecified():
    intake = intake_from_text('[[food]]\nname = "whole milk"\ngrams = 244\n')
    assert intake.value("vitd_unspecified") == pytest.approx(1.3 * 2.44)
    assert intake.vitamin_d_ug == pytest.approx(1.3 * 2.44)
    assert intake.value("d3") == 0 and intake.missing("d3") == ()


def test_food_without_vitamin_d_is_flagged():
    intake = intake_from_text('[[food]]\nname = "wild salmon"\ngrams = 100\n[[food]]\nname = "egg"\ngrams = 50\n')
    assert intake.vitamin_d_ug == pytest.approx(1.0)
    assert intake.missing("vitd_total") == ("salmon_atlantic_wild_raw",)


def test_meal_items_as_subtables_and_numeric_time():
    text = """
[[meal]]
time = 12
days = "daily"

[[meal.items]]
name = "cheddar"
grams = 30

[[meal.items]]
name = "kale"
servings = 2
"""
    intake = intake_from_text(text)
    assert intake.meals[0].time == "12:00"
    assert intake.value("k1") == pytest.approx(2.4 * 0.3 + 704.8 * 0.32)


def test_local_time_value():
    intake = intake_from_text('[[meal]]\ntime = 07:15:00\nitems = [{name = "egg", grams = 50}]\n')
    assert intake.meals[0].time_h == pytest.approx(7.25)


def err_of(text):
    with pytest.raises(DietError) as exc:
        intake_from_text(text, source="plan.toml")
    assert isinstance(exc.value, ValueError)
    return exc.value


def test_unknown_food_names_food_and_line():
    text = '[[food]]\nname = "kale"\ngrams = 100\n\n[[meal]]\ntime = "08:00"\nitems = [ { name = "egg", grams = 50 },\n          { name = "kael", grams = 20 } ]\n'
    e = err_of(text)
    assert e.line == 8 and e.food == "kael"
    msg = str(e)
    assert "kael" in msg and "line 8" in msg and "plan.toml" in msg and "did you mean" in msg


def test_unknown_food_in_food_table_line():
    e = err_of('# comment\n[[food]]\nname = "kale"\ngrams = 1\n\n[[food]]\ngrams = 5\nname = "nato"\n')
    assert e.line == 8 and "nato" in str(e) and "natto" in str(e).lower()


def test_same_name_twice_points_to_right_line():
    text = ('[[meal]]\ntime = "08:00"\nitems = [{ name = "egg", grams = 50 }]\n'
            '[[meal]]\ntime = "12:00"\nitems = [{ name = "egg", grams = -1 }]\n')
    e = err_of(text)
    assert e.line == 6 and "negative" in str(e) and "egg" in str(e)


@pytest.mark.parametrize("amount,word", [
    ("-5", "negative"), ('"lots"', "not a number"), ("true", "not a number"),
    (str(int(MAX_GRAMS_PER_DAY) + 1), "more than 5000"),
])
def test_impossible_amounts(amount, word):
    e = err_of(f'[[food]]\nname = "kale"\ngrams = {amount}\n')
    assert word in str(e) and "kale" in str(e) and e.line == 3


def test_weekly_amount_limit_is_per_day():
    intake_from_text('[[food]]\nname = "kale"\ngrams = 6000\nper = "week"\n')  # 857 g/day: allowed
    e = err_of('[[food]]\nname = "kale"\ngrams = 3000\n[[food]]\nname = "cooked kale"\ngrams = 10\n'
               '[[meal]]\ntime = 8\nitems = [{ name = "kale", grams = 2500 }]\n')
    assert "5000" in str(e) and "kale_raw" in str(e)


def test_meal_item_over_limit():
    e = err_of('[[meal]]\ntime = 8\nitems = [{ name = "milk", grams = 5001 }]\n')
    assert "milk" in str(e) and e.line == 3


@pytest.mark.parametrize("text,word,line", [
    ('[[food]]\nname = "kale"\n', "amount missing", 2),
    ('[[food]]\nname = "kale"\ngrams = 1\nservings = 1\n', "not both", 2),
    ('[[food]]\nname = "kale"\ngrams = 1\nper = "month"\n', "per", 4),
    ('[[food]]\nname = "kale"\ngram = 1\n', "unknown key", 2),
    ('[[meal]]\ntime = "25:00"\nitems = [{name = "egg", grams = 1}]\n', "time", 2),
    ('[[meal]]\ntime = "8h"\nitems = [{name = "egg", grams = 1}]\n', "time", 2),
    ('[[meal]]\ntime = "08:00"\ndays = ["funday"]\nitems = [{name = "egg", grams = 1}]\n', "weekday", 3),
    ('[[meal]]\ntime = "08:00"\nitems = []\n', "items", 1),
    ('[[meal]]\nitems = [{name = "egg", grams = 1}]\n', "time", 1),
    ('[[food]]\nname = "kale\ngrams = 1\n', "TOML", 2),
    ('foods = 3\n', "unknown top-level key", 1),
    ('title = "empty"\n', "no foods", 1),
])
def test_bad_input(text, word, line):
    e = err_of(text)
    assert word in str(e)
    assert e.line == line


def test_servings_use_serving_weight():
    intake = intake_from_text('[[food]]\nname = "natto"\nservings = 2\n')
    assert intake.value("mk7") == pytest.approx(1000 * 1.7)


def test_parse_diet_returns_items():
    meals = parse_diet(SMALL)
    foods = [it.food.food_id for *_, items in meals for it in items]
    assert foods == ["kale_raw", "natto", "egg_whole_raw", "butter_salted", "salmon_atlantic_farmed_raw"]


def test_load_diet_file(tmp_path):
    p = tmp_path / "plan.toml"
    p.write_text(SMALL, encoding="utf-8")
    intake = load_diet(p)
    assert intake.source == str(p)
    with pytest.raises(DietError, match="cannot read"):
        load_diet(tmp_path / "missing.toml")


def test_intake_table(small):
    rows = {r["nutrient"]: r for r in intake_table(small, age=40, sex="female")}
    vd, vd_iu = rows["vitd_total"], rows["vitd_total_iu"]
    assert vd["intake"] == pytest.approx(small.vitamin_d_ug)
    assert vd_iu["intake"] == pytest.approx(40 * small.vitamin_d_ug)
    assert vd["efsa_ref"] == 15 and vd["us_ref"] == 15 and vd["us_ul"] == 100 and vd["efsa_ul"] == 100
    assert vd_iu["us_ref"] == 600 and vd_iu["us_ul"] == 4000
    k = rows["k1"]
    assert k["efsa_ref"] == 70 and k["us_ref"] == 90 and k["us_ul"] is None and k["us_ul_text"] == "none set"
    ca = rows["calcium"]
    assert ca["us_ref"] == 1000 and ca["us_ul"] == 2500 and ca["efsa_ref"] == 950 and ca["efsa_ul"] == 2500
    assert "kale_raw" in rows["mk7"]["missing_foods"]
    assert rows["d3_equivalent"]["range"] == small.d3_equivalent_range


def test_intake_table_age_and_sex(small):
    old_f = {r["nutrient"]: r for r in intake_table(small, age=60, sex="female")}
    assert old_f["calcium"]["us_ref"] == 1200 and old_f["calcium"]["us_ul"] == 2000
    old_m = {r["nutrient"]: r for r in intake_table(small, age=75, sex="male")}
    assert old_m["vitd_total"]["us_ref"] == 20 and old_m["k1"]["us_ref"] == 120
    young = {r["nutrient"]: r for r in intake_table(small, age=20)}
    assert young["calcium"]["efsa_ref"] == 1000
    assert young["k1"]["us_ref"] is None and "120" in young["k1"]["us_ref_text"] and "90" in young["k1"]["us_ref_text"]
    with pytest.raises(ValueError):
        intake_table(small, sex="x")
