"""The [sun] section (calcifate.sun.habits): parsing, validation, daily D3 input.

Validation target (b), second half: Webb et al. 2018 (Nutrients 10:497) find
that 9 min of lunchtime sun daily, forearms + lower legs (35 %) in June-August
and hands + face (10 %) in March-May and September, delivers more than the
38 SED (horizontal, for 35 % skin) summer dose their model requires
("easily achieved in southern England, marginal in northern Scotland").
"""

import datetime as dt

import numpy as np
import pytest

from calcifate.sun import (
    SunConfigError,
    d3_input_rate,
    daily_d3_input,
    daily_sun_doses,
    parse_sun_config,
)

EXAMPLE = {
    "place": "Manchester",
    "skin_type": 2,
    "age_years": 40,
    "habit": [
        {
            "months": [3, 4, 5, 6, 7, 8, 9],
            "minutes_per_day": 9,
            "clock_time": "12:30",
            "exposed_skin_fraction": 0.35,
            "spf": 0,
            "behind_glass": False,
            "days_per_week": 7,
        }
    ],
}

WEBB_S2 = {
    "place": "Manchester",
    "skin_type": 2,
    "age_years": 40,
    "habit": [
        {"months": "Jun-Aug", "minutes_per_day": 9, "clock_time": "12:30", "exposed": "forearms and lower legs"},
        {"months": "Mar-May, Sep", "minutes_per_day": 9, "clock_time": "12:30", "exposed": "hands and face"},
    ],
}


def with_(base, **top):
    cfg = {k: v for k, v in base.items() if k != "habit"}
    cfg["habit"] = [dict(h) for h in base["habit"]]
    cfg.update(top)
    return cfg


def with_habit(base, **kw):
    """Copy of ``base`` with habit 0 updated; a value of None deletes the field."""
    cfg = with_(base)
    cfg["habit"][0].update(kw)
    for k, v in kw.items():
        if v is None:
            del cfg["habit"][0][k]
    return cfg


# --- parsing ----------------------------------------------------------------------


def test_parse_example():
    cfg = parse_sun_config(EXAMPLE)
    assert cfg.place == "Manchester"
    assert cfg.latitude == pytest.approx(53.48)
    assert cfg.dst_rule == "eu" and cfg.utc_offset_hours == 0
    h = cfg.habits[0]
    assert h.months == (3, 4, 5, 6, 7, 8, 9)
    assert h.time_hours == pytest.approx(12.5) and h.time_basis == "clock"
    assert h.exposed_fraction == 0.35


def test_wrapped_sun_key_accepted():
    assert parse_sun_config({"sun": EXAMPLE}) == parse_sun_config(EXAMPLE)


@pytest.mark.parametrize(
    "text, months",
    [
        ("Mar-Sep", (3, 4, 5, 6, 7, 8, 9)),
        ("Nov-Feb", (1, 2, 11, 12)),
        ("Mar-May, Sep", (3, 4, 5, 9)),
        ("june", (6,)),
        ("all", tuple(range(1, 13))),
        ("March to May", (3, 4, 5)),
    ],
)
def test_month_strings(text, months):
    assert parse_sun_config(with_habit(EXAMPLE, months=text)).habits[0].months == months


def test_named_exposed_areas():
    cfg = with_habit(EXAMPLE)
    del cfg["habit"][0]["exposed_skin_fraction"]
    for name, frac in [("hands and face", 0.10), ("forearms and lower legs", 0.35),
                       ("Whole body", 1.0), ("face, hands and arms", 0.25)]:
        cfg["habit"][0]["exposed"] = name
        assert parse_sun_config(cfg).habits[0].exposed_fraction == pytest.approx(frac)
    cfg["habit"][0]["exposed"] = ["head and neck", "arms"]
    assert parse_sun_config(cfg).habits[0].exposed_fraction == pytest.approx(0.27)


def test_coordinates_instead_of_place():
    cfg = {"latitude": 53.5, "longitude": -2.2, "altitude_m": 40, "skin_type": 3,
           "habit": [{"minutes_per_day": 10, "solar_time": "12:00", "exposed_skin_fraction": 0.2}]}
    c = parse_sun_config(cfg)
    assert c.place is None and c.utc_offset_hours is None and c.altitude_m == 40


# --- validation errors -------------------------------------------------------------


@pytest.mark.parametrize(
    "cfg, pattern",
    [
        ({"latitude": 91, "longitude": 0, "skin_type": 2}, r"sun\.latitude.*91.*-90\.\.90"),
        ({"latitude": 10, "longitude": 200, "skin_type": 2}, r"sun\.longitude.*-180\.\.180"),
        (with_(EXAMPLE, skin_type=7), r"sun\.skin_type.*7.*1\.\.6"),
        (with_(EXAMPLE, skin_type=2.5), r"sun\.skin_type"),
        (with_(EXAMPLE, age_years=-3), r"sun\.age_years.*0\.\.120"),
        (with_habit(EXAMPLE, spf=-1), r"sun\.habit\[0\]\.spf.*-1"),
        (with_habit(EXAMPLE, spf=0.5), r"sun\.habit\[0\]\.spf.*>= 1"),
        (with_habit(EXAMPLE, minutes_per_day=1500), r"minutes_per_day.*1500.*0\.\.1440"),
        (with_habit(EXAMPLE, exposed_skin_fraction=1.2), r"exposed_skin_fraction.*1\.2.*0\.\.1"),
        (with_habit(EXAMPLE, months=[0, 13]), r"sun\.habit\[0\]\.months"),
        (with_habit(EXAMPLE, months="Marchh-Sep"), r"months"),
        (with_habit(EXAMPLE, clock_time="25:00"), r"clock_time.*25:00"),
        (with_habit(EXAMPLE, days_per_week=8), r"days_per_week.*0\.\.7"),
        (with_habit(EXAMPLE, behind_glass="no"), r"behind_glass.*true or false"),
        (with_habit(EXAMPLE, exposed="elbows", exposed_skin_fraction=None), r"exposed.*elbows"),
        (with_habit(EXAMPLE, exposed="hands and face"), r"either exposed_skin_fraction or exposed"),
        (with_(EXAMPLE, cloud_cover=1.5), r"cloud_cover.*0\.\.1"),
        (with_(EXAMPLE, place="Manchestr"), r"Manchestr.*did you mean 'Manchester'"),
        (with_(EXAMPLE, place="Atlantis"), r"Atlantis.*a built-in city, or latitude and longitude"),
        (with_(EXAMPLE, latitude=50.0), r"either place or latitude"),
        (with_habit(EXAMPLE, minute_per_day=5), r"minute_per_day.*did you mean 'minutes_per_day'"),
        (with_(EXAMPLE, skin_typ=2), r"skin_typ.*did you mean 'skin_type'"),
        ({"place": "London"}, r"sun\.skin_type is required"),
        ({"latitude": 50.0, "skin_type": 2}, r"sun\.longitude is required"),
        ({"skin_type": 2}, r"sun\.place = None.*required: a built-in city, or latitude and longitude"),
    ],
)
def test_validation_errors(cfg, pattern):
    with pytest.raises(SunConfigError, match=pattern):
        parse_sun_config(cfg)


def test_error_is_value_error():
    assert issubclass(SunConfigError, ValueError)


def test_missing_age_error_and_fallback():
    cfg = with_(EXAMPLE)
    del cfg["age_years"]
    with pytest.raises(SunConfigError, match="age_years"):
        daily_d3_input(cfg, "2023-06-01", 3)
    a = daily_d3_input(cfg, "2023-06-01", 3, age_years=40)
    b = daily_d3_input(EXAMPLE, "2023-06-01", 3)
    assert np.allclose(a, b)
    # an age in the section takes precedence over the caller's
    assert np.allclose(daily_d3_input(EXAMPLE, "2023-06-01", 3, age_years=80), b)


# --- time series --------------------------------------------------------------------


def test_daily_series_shape_and_season():
    y = daily_d3_input(EXAMPLE, dt.date(2023, 1, 1), 365)
    assert y.shape == (365,)
    dates = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    months = np.array([d.month for d in dates])
    assert np.all(y[np.isin(months, [1, 2, 10, 11, 12])] == 0)
    assert np.all(y[months == 6] > 0)
    assert y[months == 6].mean() > 2 * y[months == 3].mean()


def test_no_habits_gives_zero():
    cfg = with_(EXAMPLE)
    cfg["habit"] = []
    assert np.all(daily_d3_input(cfg, "2023-06-01", 10) == 0)


def test_glass_gives_zero_series():  # target (d)
    y = daily_d3_input(with_habit(EXAMPLE, behind_glass=True), "2023-06-01", 30)
    assert np.all(y == 0)


def test_days_per_week_expected_value_and_weekdays():
    full = daily_d3_input(EXAMPLE, "2023-06-05", 14)
    half = daily_d3_input(with_habit(EXAMPLE, days_per_week=3.5), "2023-06-05", 14)
    assert np.allclose(half, full / 2)
    cfg = with_habit(EXAMPLE, weekdays=["Sat", "Sun"])
    del cfg["habit"][0]["days_per_week"]
    wk = daily_d3_input(cfg, "2023-06-05", 14)  # 5 June 2023 is a Monday
    assert np.all(wk[[0, 1, 2, 3, 4, 7, 8, 9, 10, 11]] == 0)
    assert np.allclose(wk[[5, 6, 12, 13]], full[[5, 6, 12, 13]])


def test_input_rate_is_daily_over_24h():
    daily = daily_d3_input(EXAMPLE, "2023-06-01", 3)
    t = np.array([-1.0, 0.0, 12.0, 23.99, 24.0, 60.0])
    r = d3_input_rate(EXAMPLE, t, "2023-06-01")
    assert r[0] == 0
    assert np.allclose(r[1:4], daily[0] / 24)
    assert np.allclose(r[4], daily[1] / 24)
    assert np.allclose(r[5], daily[2] / 24)


def test_age_advances_over_long_runs():
    y = daily_d3_input(EXAMPLE, "2023-06-21", 365 * 10 + 3)
    assert y[-1] < y[0]  # same calendar day, ten years older


def test_dst_moves_exposure_off_noon():
    # 12:30 BST is 11:30 UTC, ~40 min before solar noon in Manchester; solar 12:00 gives more
    clock = daily_d3_input(EXAMPLE, "2023-06-21", 1)[0]
    solar_noon = daily_d3_input(_solar_noon_cfg(), "2023-06-21", 1)[0]
    assert solar_noon > clock


def _solar_noon_cfg():
    cfg = with_(EXAMPLE)
    h = cfg["habit"][0]
    del h["clock_time"]
    h["solar_time"] = "12:00"
    return cfg


def test_webb_2018_regime_summer_dose():  # target (b), summer total
    d = daily_sun_doses(WEBB_S2, "2023-01-01", 365)
    dates = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    months = np.array([m.month for m in dates])
    summer35 = d["sed_horizontal"][np.isin(months, [6, 7, 8])].sum()
    shoulder10 = d["sed_horizontal"][np.isin(months, [3, 4, 5, 9])].sum()
    e35 = summer35 + shoulder10 * 0.10 / 0.35  # dose expressed for 35 % skin
    assert e35 > 38.0
    # June daily dose in 9 min near 1 SED (Webb: 1 SED in 9-13 min at June noon)
    june = d["sed_horizontal"][months == 6].mean()
    assert 0.5 < june < 1.2


def test_more_minutes_more_vitamin_d():
    a = daily_d3_input(EXAMPLE, "2023-07-01", 5)
    b = daily_d3_input(with_habit(EXAMPLE, minutes_per_day=30), "2023-07-01", 5)
    assert np.all(b > a)


def test_southern_city_and_high_altitude():
    cfg = {"place": "Quito", "skin_type": 4, "age_years": 30,
           "habit": [{"minutes_per_day": 15, "clock_time": "12:00", "exposed": "hands and face"}]}
    y = daily_d3_input(cfg, "2023-01-01", 365)
    assert np.all(y > 0)  # no vitamin D winter at the equator
    assert y.max() / y.min() < 2.5
