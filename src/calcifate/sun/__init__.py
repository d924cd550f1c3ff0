"""Sunlight -> cutaneous vitamin D3 (oral-equivalent input for the PK model).

Submodules:

- :mod:`~calcifate.sun.solar`  - solar position and clock time
- :mod:`~calcifate.sun.uv`     - clear-sky UV index (Madronich 2007), ozone,
  altitude, clouds, vitamin-D weighting
- :mod:`~calcifate.sun.skin`   - dose on the skin -> standard vitamin D doses ->
  oral-equivalent D3 (Webb & Engelsen 2006 / Holick's rule)
- :mod:`~calcifate.sun.habits` - the ``[sun]`` scenario section and the daily
  D3 input time series
- :mod:`~calcifate.sun.cities` - built-in constants (``data/sun_parameters.csv``)
  and cities (``data/cities.csv``)

Equations, sources and assumptions: ``docs/sun.md``.  This package imports
nothing else from ``calcifate``.
"""

from .cities import City, find_city, param, sun_parameters
from .habits import (
    EXPOSED_AREAS,
    Habit,
    SunConfig,
    SunConfigError,
    d3_input_rate,
    daily_d3_input,
    daily_sun_doses,
    parse_sun_config,
)
from .skin import IU_PER_UG, exposure_d3, oral_equivalent_iu, session_dose
from .solar import solar_zenith
from .uv import minutes_per_sed, ozone_climatology, uv_index_clear_sky, uv_state

__all__ = [
    "City",
    "EXPOSED_AREAS",
    "Habit",
    "IU_PER_UG",
    "SunConfig",
    "SunConfigError",
    "d3_input_rate",
    "daily_d3_input",
    "daily_sun_doses",
    "exposure_d3",
    "find_city",
    "minutes_per_sed",
    "oral_equivalent_iu",
    "ozone_climatology",
    "param",
    "parse_sun_config",
    "session_dose",
    "solar_zenith",
    "sun_parameters",
    "uv_index_clear_sky",
    "uv_state",
]
