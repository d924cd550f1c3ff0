"""Food composition table: coverage, provenance, missing-vs-zero, search, top."""

import csv
import math

import pytest

from calcifate.foods import (
    NUTRIENTS,
    UnknownFoodError,
    UnknownNutrientError,
    get,
    load_alternatives,
    load_assumptions,
    load_food_table,
    load_intake_references,
    resolve_nutrient,
    search,
    top,
)
from calcifate.foods.table import (
    ASSUMPTIONS_CSV,
    FOODS_CSV,
    NUTRIENT_BY_KEY,
    SOURCE_GROUPS,
    bib_keys,
    parse_sources,
    read_food_csv,
)

TABLE = load_food_table()
BIB = bib_keys()


def test_at_least_80_foods():
    assert len(TABLE) >= 80


def test_load_is_cached():
    assert load_food_table() is TABLE


# every food the issue names, by the name a user would type
NAMED = [
    "natto", "kimchi", "sauerkraut", "butter", "cream", "whole milk", "gouda", "edam", "emmental", "brie",
    "camembert", "cheddar", "munster", "washed-rind cheese", "cottage cheese", "quark", "egg yolk", "egg",
    "chicken liver", "goose liver", "beef liver", "liver pate", "goose liver pate",
    "kale", "cooked kale", "spinach", "cooked spinach", "collards", "cooked collards", "swiss chard",
    "cooked chard", "lettuce", "broccoli", "cooked broccoli", "cabbage", "cooked cabbage",
    "farmed salmon", "wild salmon", "mackerel", "herring", "sardines", "tuna", "cod liver oil",
    "mushrooms", "uv mushrooms", "fortified milk", "fortified cereal", "yoghurt", "tofu calcium sulfate",
    "almonds", "fortified soy drink", "canned sardines",
]


@pytest.mark.parametrize("name", NAMED)
def test_named_food_present(name):
    food = TABLE.get(name)
    assert food.food_id


def test_raw_and_cooked_greens():
    for stem in ("kale", "spinach", "collards", "chard", "broccoli", "cabbage"):
        states = {f.state for f in TABLE if f.food_id.startswith(stem)}
        assert {"raw", "cooked"} <= states, stem


def test_uv_mushrooms_carry_d2_not_d3():
    uv = [f for f in TABLE if "uv" in f.food_id and f.group == "mushrooms"]
    assert len(uv) >= 3
    for f in uv:
        assert f.value("d2") > 10 and f.value("d3") is None


def test_fortified_foods_have_unspecified_vitamin_d_form():
    milk = get("fortified milk")
    assert milk.value("vitamin d") > 0
    assert milk.value("d3") is None and milk.value("d2") is None


def test_every_value_has_a_source_in_bib():
    for food in TABLE:
        for group in SOURCE_GROUPS:
            for entry in food.sources[group]:
                assert entry.key in BIB, (food.food_id, entry.key)
        for n in NUTRIENTS:
            if food.values[n.key] is not None:
                srcs = food.sources_for(n.key)
                assert srcs, f"{food.food_id}.{n.key} has a value but no source"
                assert all(s.key in BIB for s in srcs)


def test_sr28_entries_carry_ndb_numbers():
    for food in TABLE:
        for entry in food.sources["calcium_fat"]:
            if entry.key == "USDA_SR28":
                assert entry.ident and entry.ident.isdigit() and len(entry.ident) == 5


def test_missing_is_not_zero_kale_mk7():
    kale = get("kale")
    assert kale.value("mk7") is None
    assert not kale.is_measured("MK-7")
    assert kale.per_serving("mk7") is None
    # and the CSV cell itself is empty, not "0"
    with open(FOODS_CSV, newline="", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["food_id"] == "kale_raw")
    assert row["mk7_ug"] == ""
    assert row["k1_ug"] != ""


def test_measured_zero_stays_zero():
    butter = get("butter")
    assert butter.value("dk1") == 0.0  # not detectable (Elder 2006)
    assert butter.is_measured("dk1")


def test_sr28_empty_field_is_missing():
    wild = get("wild salmon")
    assert wild.value("vitamin d") is None and wild.value("k1") is None
    assert get("cod liver oil").value("k1") is None


def test_no_zero_where_no_source():
    # a 0 must always have a source covering it
    for food in TABLE:
        for n in NUTRIENTS:
            if food.values[n.key] == 0:
                assert food.sources_for(n.key), (food.food_id, n.key)


def test_natto_is_top_mk7_per_100g():
    ranked = top("mk7", n=5)
    assert ranked[0][0].food_id == "natto"
    assert ranked[0][1] == pytest.approx(1000)


def test_top_per_serving_and_skips_missing():
    ranked = top("k1", n=3, per="serving")
    assert all(v is not None for _, v in ranked)
    food, v = ranked[0]
    assert v == pytest.approx(food.value("k1") * food.serving_g / 100)
    assert all(f.value("mk9") is not None for f, _ in top("mk9", n=50))
    with pytest.raises(ValueError):
        top("k1", per="cup")


def test_top_vitamin_d_and_calcium():
    assert top("vitamin d", n=1)[0][0].food_id == "cod_liver_oil"
    assert top("d2", n=1)[0][0].group == "mushrooms"
    assert top("calcium", n=1)[0][0].food_id == "parmesan"


@pytest.mark.parametrize("alias,key", [
    ("k1", "k1"), ("Vitamin K1", "k1"), ("phylloquinone", "k1"), ("mk4", "mk4"), ("MK-4", "mk4"),
    ("mk7", "mk7"), ("MK-7", "mk7"), ("menaquinone-9", "mk9"), ("mk9", "mk9"), ("d3", "d3"),
    ("vitamin d", "vitd_total"), ("Vitamin D3", "d3"), ("25(OH)D3", "oh25d3"), ("calcium", "calcium"),
    ("Ca", "calcium"), ("fat", "fat"), ("dihydrophylloquinone", "dk1"),
])
def test_nutrient_aliases(alias, key):
    assert resolve_nutrient(alias) == key


def test_unknown_nutrient():
    with pytest.raises(UnknownNutrientError) as exc:
        resolve_nutrient("mk77")
    assert isinstance(exc.value, ValueError)


def test_search_typo_suggests_natto():
    results = search("Nato")
    assert results and results[0].food.food_id == "natto"
    assert 0 < results[0].score < 1


def test_search_case_alias_and_typo():
    assert search("KALE")[0].food.food_id == "kale_raw"
    assert search("brocoli")[0].food.food_id.startswith("broccoli")
    assert search("quark")[0].food.food_id == "cottage_cheese"  # alias
    assert search("emmenthal")[0].food.food_id == "emmental"
    food, score = search("gouda")[0]
    assert food.food_id == "gouda" and score == 1.0
    assert search("zzzzqqq") == []


def test_get_unknown_food_suggests():
    with pytest.raises(UnknownFoodError) as exc:
        get("kael")
    err = exc.value
    assert isinstance(err, ValueError)
    assert "kael" in str(err) and "did you mean" in str(err)
    assert any("kale" in s.lower() for s in err.suggestions)


def test_get_is_case_and_accent_insensitive():
    assert get("Gruyère").food_id == get("gruyere").food_id
    assert get("KALE_RAW").food_id == "kale_raw"


def test_values_plausible():
    for food in TABLE:
        for n in NUTRIENTS:
            v = food.values[n.key]
            if v is not None:
                assert v >= 0 and math.isfinite(v), (food.food_id, n.key)
        assert food.values["fat"] is None or food.values["fat"] <= 100
        if food.serving_g is not None:
            assert 0 < food.serving_g <= 500
    for food in TABLE:
        tot, d3, d2 = (food.values[k] for k in ("vitd_total", "d3", "d2"))
        if tot is not None and (d3 is not None or d2 is not None):
            assert (d3 or 0) + (d2 or 0) == pytest.approx(tot, abs=1e-9), food.food_id


def test_spot_values_match_sr28_records():
    assert get("kale").value("k1") == pytest.approx(704.8)
    assert get("spinach").value("k1") == pytest.approx(482.9)
    assert get("cheddar").value("calcium") == pytest.approx(710)
    assert get("egg yolk").value("vitamin d") == pytest.approx(5.4)
    assert get("tofu calcium sulfate").value("calcium") == pytest.approx(683)


def test_parse_sources():
    entries = parse_sources("USDA_SR28:01009=k1;NIH_ODS_VitaminK=mk4;Dunlop2022=mk5,mk8,mk9")
    assert [e.key for e in entries] == ["USDA_SR28", "NIH_ODS_VitaminK", "Dunlop2022"]
    assert entries[0].ident == "01009" and entries[2].covers("mk8") and not entries[2].covers("mk4")
    assert parse_sources("")[:] == ()


def test_read_food_csv_rejects_bad_number(tmp_path):
    text = FOODS_CSV.read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1].split(",")
    p = tmp_path / "f.csv"
    cols = header.split(",")
    first_row = dict(zip(cols, next(csv.reader([text[1]]))))
    first_row["calcium_mg"] = "lots"
    with open(p, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerow(first_row)
    with pytest.raises(ValueError, match="calcium_mg"):
        read_food_csv(p)


def test_alternatives_reference_known_foods_and_keys():
    rows = load_alternatives()
    assert rows
    for r in rows:
        assert TABLE.lookup(r["food_id"]) is not None, r["food_id"]
        assert r["citation_key"] in BIB
        float(r["value"])


def test_assumptions():
    a = load_assumptions()
    p = a["oh25d3_potency_vs_d3"]
    assert p.assumption and p.value == 5 and p.low == 1.5 and p.high == 5
    # the absorbed gut-bacterial amount is a model input (parameters/vitamin_k.csv, tested with the model);
    # the measured faecal amount stays here as its context
    assert "gut_mk_absorbed_ug_per_day" not in a
    assert not a["gut_mk_faecal_excretion_nmol_per_day"].assumption
    for item in a.values():
        assert item.citation_keys and all(k in BIB for k in item.citation_keys)
    with open(ASSUMPTIONS_CSV, newline="", encoding="utf-8") as fh:
        assert csv.DictReader(fh).fieldnames == ["name", "value", "low", "high", "unit", "citation_key", "note", "assumption"]


def test_intake_references():
    refs = load_intake_references()
    assert {r.body for r in refs} == {"EFSA", "US_NAM"}
    assert all(r.citation_key in BIB for r in refs)
    by = {(r.nutrient, r.body, r.population, r.kind): r for r in refs}
    assert by[("vitamin_k1", "EFSA", "adult", "AI")].value == 70
    assert by[("vitamin_k", "US_NAM", "adult_male", "AI")].value == 120
    assert by[("vitamin_k", "US_NAM", "adult_female", "AI")].value == 90
    assert by[("vitamin_k", "US_NAM", "adult", "UL")].value is None
    # vitamin D given in µg and IU, 1 µg = 40 IU
    for (n, body, pop, kind), r in by.items():
        if n == "vitamin_d":
            iu = by[("vitamin_d_iu", body, pop, kind)]
            assert iu.value == pytest.approx(40 * r.value)
    assert by[("calcium", "EFSA", "adult", "UL")].value == 2500


def test_nutrient_metadata():
    assert NUTRIENT_BY_KEY["calcium"].unit == "mg"
    assert [n.key for n in NUTRIENTS][:3] == ["k1", "dk1", "mk4"]


# ---------------------------------------------------------------- menaquinones (K2)
MK_KEYS = ("mk4", "mk5", "mk6", "mk7", "mk8", "mk9", "mk10", "k2_unsplit")
LONG_CHAIN = ("mk8", "mk9", "mk10", "k2_unsplit")  # what diet_inputs sums into dietary_mk9


def _measured_mk(food):
    return {k: food.values[k] for k in MK_KEYS if food.values[k] is not None}


# the K2 foods the source text names -> the rows that carry their menaquinone values
K2_NAMED = {
    "natto": "natto", "sauerkraut": "sauerkraut", "butter": "butter_salted", "gouda": "gouda",
    "edam": "edam", "brie": "brie", "camembert": "camembert", "cheddar": "cheddar",
    "cream cheese": "cream_cheese", "egg yolk": "egg_yolk_raw", "boiled egg": "egg_whole_hard_boiled",
    "chicken liver": "chicken_liver_simmered", "goose liver pate": "pate_goose_liver",
    "chicken": "chicken_dark_meat_roasted",
}


@pytest.mark.parametrize("name,food_id", sorted(K2_NAMED.items()))
def test_source_named_k2_foods_have_a_measured_menaquinone(name, food_id):
    food = TABLE.lookup(food_id)
    assert food is not None, food_id
    measured = _measured_mk(food)
    assert measured, f"{food_id}: no menaquinone value"
    for k in measured:
        srcs = food.sources_for(k)
        assert srcs and all(s.key in BIB for s in srcs), (food_id, k)


def test_long_chain_menaquinones_come_from_cheeses():
    ranked = top("mk9", n=20)
    assert ranked and ranked[0][0].food_id == "cheddar"
    assert all(f.group == "dairy" for f, _ in ranked)
    # MK-8..MK-10 or a lumped long-chain figure is known for at least four cheeses
    cheeses = [f for f in TABLE if f.food_id.startswith(("gouda", "edam", "brie", "camembert", "cheddar"))]
    with_long_chain = [f for f in cheeses if any(f.values[k] is not None for k in LONG_CHAIN)]
    assert len(with_long_chain) >= 4
    # hard cheese ranks above soft cheese in the lumped figure (Schurgers & Vermeer 2000 categories)
    assert get("gouda").value("k2_unsplit") > get("brie").value("k2_unsplit")


def test_no_double_counting_of_long_chain_menaquinones():
    # k2_unsplit holds a combined figure only where no split exists: a row never has both
    for food in TABLE:
        if food.values["k2_unsplit"] is not None:
            split = [k for k in ("mk8", "mk9", "mk10") if food.values[k] is not None]
            assert not split, (food.food_id, split)


def test_cream_cheese_mk5_and_not_detected_mk8_dunlop():
    cc = get("cream cheese")
    assert cc.value("mk5") == pytest.approx(1.0)
    assert cc.value("mk8") == 0.0 and cc.is_measured("mk8")  # "MK-8 was found in Cheddar only"
    assert [s.key for s in cc.sources_for("mk5")] == ["Dunlop2022"]
    assert [s.key for s in cc.sources_for("mk8")] == ["Dunlop2022"]
    # vitamers neither source gives stay missing, not 0; MK-4 comes from USDA SR Legacy
    for k in ("mk6", "mk7", "mk9", "mk10", "k2_unsplit"):
        assert cc.value(k) is None, k
    assert cc.value("mk4") == pytest.approx(8.7)
    assert [s.key for s in cc.sources_for("mk4")] == ["USDA_SRLegacy"]
    assert "not detected" in cc.note


def test_sr_legacy_menaquinone_4_and_dihydrophylloquinone():
    # read from USDA SR Legacy (nutrients 428 and 429); the NIH ODS cheddar figure is kept as an alternative
    for name, mk4 in (("cheddar", 8.6), ("emmental", 6.3), ("cottage cheese", 0.9)):
        f = get(name)
        assert f.value("mk4") == pytest.approx(mk4)
        assert [s.key for s in f.sources_for("mk4")] == ["USDA_SRLegacy"]
        assert [s.ident for s in f.sources_for("mk4")] == [f.sources_for("k1")[0].ident]  # same NDB number
    assert get("egg yolk").value("dk1") == pytest.approx(0.1)
    assert "USDA_SRLegacy" in [s.key for s in get("egg yolk").sources_for("dk1")]
    with open(FOODS_CSV.parent / "foods_alternatives.csv", newline="", encoding="utf-8") as fh:
        alt = [r for r in csv.DictReader(fh) if r["food_id"] == "cheddar" and r["nutrient"] == "mk4"]
    assert [(r["value"], r["citation_key"]) for r in alt] == [("9.4", "NIH_ODS_VitaminK")]


def test_menaquinone_zeros_are_explained_in_the_note():
    with open(FOODS_CSV, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        zeros = [c for c in ("mk4_ug", "mk5_ug", "mk6_ug", "mk7_ug", "mk8_ug", "mk9_ug", "mk10_ug",
                             "k2_unsplit_ug") if row[c].strip() in ("0", "0.0")]
        if zeros:
            assert "not detected" in row["note"], (row["food_id"], zeros)


def test_menaquinone_sources_in_bib_and_alternatives_keys():
    for food in TABLE:
        for k in _measured_mk(food):
            srcs = food.sources_for(k)
            assert srcs and all(s.key in BIB for s in srcs), (food.food_id, k)
    for r in load_alternatives():
        if r["nutrient"].startswith(("mk", "k2")):
            assert r["citation_key"] in BIB
