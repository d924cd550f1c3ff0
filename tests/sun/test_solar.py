"""Solar position and clock-time handling (calcifate.sun.solar)."""

import datetime as dt

import numpy as np
import pytest

from calcifate.sun import solar


def doy(y, m, d):
    return solar.day_of_year(dt.date(y, m, d))


def test_day_of_year():
    assert doy(2023, 1, 1) == 1
    assert doy(2023, 12, 31) == 365
    assert doy(2024, 12, 31) == 366


@pytest.mark.parametrize(
    "date, expected_deg, tol",
    [
        ((2023, 6, 21), 23.44, 0.3),  # June solstice
        ((2023, 12, 21), -23.44, 0.3),  # December solstice
        ((2023, 3, 20), 0.0, 0.6),  # March equinox
        ((2023, 9, 23), 0.0, 0.6),  # September equinox
    ],
)
def test_declination_solstices_equinoxes(date, expected_deg, tol):
    assert np.degrees(solar.declination(doy(*date))) == pytest.approx(expected_deg, abs=tol)


def test_equation_of_time_extremes():
    # well-known extremes: about -14.2 min (mid-February), +16.4 min (early November)
    feb = min(float(solar.equation_of_time(d)) for d in range(30, 60))
    nov = max(float(solar.equation_of_time(d)) for d in range(290, 320))
    assert feb == pytest.approx(-14.2, abs=0.6)
    assert nov == pytest.approx(16.4, abs=0.6)


def test_earth_sun_factor_perihelion_aphelion():
    assert float(solar.earth_sun_factor(3)) == pytest.approx(1.034, abs=0.002)
    assert float(solar.earth_sun_factor(185)) == pytest.approx(0.967, abs=0.002)


def test_noon_zenith_52N():
    # 52 N at the June solstice: 52 - 23.44 = 28.6 deg; December: 75.4 deg
    assert float(solar.noon_zenith(52.0, doy(2023, 6, 21))) == pytest.approx(28.56, abs=0.3)
    assert float(solar.noon_zenith(52.0, doy(2023, 12, 21))) == pytest.approx(75.44, abs=0.3)


def test_zenith_minimum_at_solar_noon_and_symmetric():
    lat, lon, d = 53.5, -2.2, doy(2023, 6, 21)
    noon = float(solar.solar_noon_utc(lon, d))
    t = noon + np.linspace(-3, 3, 601)
    z = solar.solar_zenith(lat, lon, d, t)
    assert abs(t[np.argmin(z)] - noon) < 0.011
    assert float(z.min()) == pytest.approx(float(solar.noon_zenith(lat, d)), abs=0.05)
    # symmetric about noon
    assert float(solar.solar_zenith(lat, lon, d, noon - 2)) == pytest.approx(
        float(solar.solar_zenith(lat, lon, d, noon + 2)), abs=1e-9
    )


def test_greenwich_noon_near_12_utc():
    # solar noon at longitude 0 = 12:00 UTC minus the equation of time
    assert float(solar.solar_noon_utc(0.0, doy(2023, 11, 3))) == pytest.approx(12 - 16.4 / 60, abs=0.02)


def test_sun_below_horizon_at_midnight():
    d = doy(2023, 12, 21)
    assert float(solar.solar_zenith(51.5, 0.0, d, 0.0)) > 90.0
    assert float(solar.cos_zenith(51.5, 0.0, d, 0.0)) < 0.0


def test_southern_hemisphere_summer_in_december():
    d_dec, d_jun = doy(2023, 12, 21), doy(2023, 6, 21)
    assert float(solar.noon_zenith(-33.9, d_dec)) < float(solar.noon_zenith(-33.9, d_jun))


@pytest.mark.parametrize(
    "rule, on, off",
    [
        ("eu", [dt.date(2023, 3, 26), dt.date(2023, 7, 1), dt.date(2023, 10, 28)],
               [dt.date(2023, 3, 25), dt.date(2023, 10, 29), dt.date(2023, 1, 10)]),
        ("us", [dt.date(2023, 3, 12), dt.date(2023, 11, 4)],
               [dt.date(2023, 3, 11), dt.date(2023, 11, 5)]),
        ("au", [dt.date(2023, 10, 1), dt.date(2023, 1, 15), dt.date(2023, 4, 1)],
               [dt.date(2023, 4, 2), dt.date(2023, 7, 1), dt.date(2023, 9, 30)]),
        ("nz", [dt.date(2023, 9, 24), dt.date(2023, 12, 25)],
               [dt.date(2023, 9, 23), dt.date(2023, 4, 2)]),
        ("none", [], [dt.date(2023, 7, 1)]),
    ],
)
def test_dst_rules(rule, on, off):
    for d in on:
        assert solar.dst_offset_hours(rule, d) == 1.0, (rule, d)
    for d in off:
        assert solar.dst_offset_hours(rule, d) == 0.0, (rule, d)


def test_dst_unknown_rule():
    with pytest.raises(ValueError, match="daylight-saving"):
        solar.dst_offset_hours("mars", dt.date(2023, 1, 1))


def test_clock_to_utc_bst():
    # 12:30 British Summer Time = 11:30 UTC
    assert float(solar.clock_to_utc_hours(12.5, 0.0, "eu", dt.date(2023, 6, 21))) == pytest.approx(11.5)
    assert float(solar.clock_to_utc_hours(12.5, 0.0, "eu", dt.date(2023, 12, 21))) == pytest.approx(12.5)


def test_solar_time_round_trip():
    d = doy(2023, 2, 12)
    utc = solar.solar_time_to_utc_hours(12.0, 30.0, d)
    assert float(utc) == pytest.approx(float(solar.solar_noon_utc(30.0, d)))
