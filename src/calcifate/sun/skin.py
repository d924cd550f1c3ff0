"""Cutaneous vitamin D3: from UV dose on the skin to an oral-equivalent D3 amount.

Conversion (Webb & Engelsen 2006 "standard vitamin D dose", built on
Holick's rule as described by Dowdy, Sayre & Holick 2010):

    1 SDD = the vitamin-D-effective UV equivalent of 1/4 of the person's
            MED, received on 1/4 of the body surface, under the reference
            spectrum (Boston 42.2 N, 21 March, noon, 350 DU)
          ~ 1000 IU (25 ug) of oral vitamin D3.

In this model the vitamin-D-effective dose on the skin is carried as
"reference-spectrum erythemal" J m^-2 (see ``uv.vitd_weight``), so the
dose in personal MED is ``h = H_D,skin / MED(skin type)`` and one SDD is
``h = 1/4``.  With a per-session saturation (previtamin D3 plateaus on
long exposures; assumption H_sat = 1 MED)

    n_SDD = g(h) / g(1/4),   g(h) = 1 - exp(-h / H_sat)

(so n_SDD = 4 h for small doses and exactly 1 at h = 1/4), and

    oral-equivalent IU = 1000 * k_sun * n_SDD * (A / 0.25) * age_factor,

where A is the exposed fraction of the body surface and k_sun = 1.32 is
Dowdy et al.'s (2010) previtamin-D effectiveness of Boston spring-noon
sunlight per erythemal unit relative to the fluorescent sunlamp behind
Holick's rule (assumption to apply it; range 1-1.32).  Whole body at 1 MED
gives 1320 * 4 * g(1)/g(1/4) ~ 15 100 IU, inside Holick's 10 000-25 000 IU
(seen second-hand).  Skin type enters through the MED (Fitzpatrick table);
age through (1 - 0.13)^((age - 25)/10) (Chalcraft et al. 2020: -13 % per
decade); sunscreen through 1/SPF_eff with SPF_eff = SPF^(m/2) for an
application of m mg cm^-2 (Faurschou & Wulf 2007; m = 2 gives the naive
label value); window glass through a vitamin-D transmission of 0.

The dose on the skin is the ambient horizontal dose times a body-geometry
factor of 0.4 (Parisi et al. 1996: body/ambient 0.24-0.61).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import solar, uv
from .cities import param

__all__ = [
    "IU_PER_UG",
    "med_j_m2",
    "sdd_j_m2",
    "age_factor",
    "sunscreen_transmission",
    "glass_transmission",
    "sdd_count",
    "oral_equivalent_iu",
    "SessionDose",
    "session_dose",
    "exposure_d3",
    "minutes_for_d3",
]

IU_PER_UG: float = param("iu_per_ug")


def med_j_m2(skin_type: int) -> float:
    """Minimal erythema dose (J m^-2, CIE erythemal) for Fitzpatrick type 1-6."""
    t = int(skin_type)
    if t != skin_type or not 1 <= t <= 6:
        raise ValueError(f"skin_type must be an integer 1..6, got {skin_type!r}")
    return param(f"med_skin_type_{t}")


def sdd_j_m2(skin_type: int) -> float:
    """One standard vitamin D dose for this skin type, in reference-spectrum erythemal J m^-2."""
    return param("sdd_med_fraction") * med_j_m2(skin_type)


def age_factor(age_years):
    """Relative cutaneous D3 production vs a 25-year-old: 0.87 ** ((age - 25) / 10)."""
    a = np.asarray(age_years, dtype=float)
    k = param("age_decline_per_decade")
    return (1.0 - k) ** ((a - param("age_reference_years")) / 10.0)


def sunscreen_transmission(spf, application_mg_cm2=None):
    """Fraction of UV reaching the skin through sunscreen: 1 / SPF_eff.

    SPF 0 (or 1) means no sunscreen.  ``application_mg_cm2`` defaults to the
    2 mg cm^-2 test density (naive model: SPF 15 -> 1/15); thinner layers use
    SPF_eff = SPF ** (m / 2) (Faurschou & Wulf 2007; 0.5 mg cm^-2 -> 4th root).
    """
    spf = float(spf)
    if spf < 0 or 0 < spf < 1:
        raise ValueError(f"SPF must be 0 (none) or >= 1, got {spf}")
    if spf <= 1:
        return 1.0
    ref = param("sunscreen_reference_mg_cm2")
    m = ref if application_mg_cm2 is None else float(application_mg_cm2)
    if m <= 0:
        raise ValueError(f"sunscreen application must be > 0 mg/cm2, got {m}")
    return 1.0 / spf ** (m / ref)


def glass_transmission(behind_glass: bool) -> float:
    """Vitamin-D-effective UV transmission of ordinary window glass (0) or 1 outdoors."""
    return param("glass_vitd_transmission") if behind_glass else 1.0


def sdd_count(vitd_dose_skin_j_m2, skin_type):
    """Saturating number of standard vitamin D doses for one session on the skin."""
    h = np.asarray(vitd_dose_skin_j_m2, dtype=float) / med_j_m2(skin_type)
    hs = param("previtamin_saturation_med")
    h_sdd = param("sdd_med_fraction")
    return (1.0 - np.exp(-h / hs)) / (1.0 - np.exp(-h_sdd / hs))


def oral_equivalent_iu(vitd_dose_skin_j_m2, skin_type, exposed_fraction, age_years=None):
    """Oral-equivalent vitamin D3 (IU) of one exposure session.

    ``vitd_dose_skin_j_m2``: vitamin-D-effective dose on the exposed skin as
    reference-spectrum erythemal J m^-2 (``SessionDose.vitd_skin_j_m2``).
    """
    n = sdd_count(vitd_dose_skin_j_m2, skin_type)
    area = np.asarray(exposed_fraction, dtype=float) / param("sdd_area_fraction")
    age = 1.0 if age_years is None else age_factor(age_years)
    iu_per_sdd = param("sdd_oral_equivalent_iu") * param("sun_vs_lamp_effectiveness")
    return iu_per_sdd * n * area * age


class SessionDose(NamedTuple):
    """UV doses of one exposure session (arrays when vectorised over days)."""

    sed_horizontal: np.ndarray  #: ambient erythemal dose, horizontal surface (SED)
    vitd_horizontal_j_m2: np.ndarray  #: ambient vitamin-D dose (reference-spectrum erythemal J m^-2)
    sed_skin: np.ndarray  #: erythemal dose on the exposed skin (SED)
    vitd_skin_j_m2: np.ndarray  #: vitamin-D dose on the exposed skin


def session_dose(
    latitude_deg,
    longitude_deg,
    doy,
    center_utc_hours,
    minutes,
    *,
    altitude_m=0.0,
    ozone_du=None,
    cloud_cover=None,
    cmf=None,
    spf=0.0,
    sunscreen_mg_cm2=None,
    behind_glass=False,
    body_geometry_factor=None,
    n_sub=None,
) -> SessionDose:
    """Integrate UV over an exposure of ``minutes`` centred at ``center_utc_hours``.

    ``doy`` and ``center_utc_hours`` may be arrays of the same shape (one
    session per day); the integral uses the midpoint rule with ``n_sub``
    points (default: one per 5 min, at least 8).
    """
    doy = np.atleast_1d(np.asarray(doy, dtype=float))
    center = np.broadcast_to(np.asarray(center_utc_hours, dtype=float), doy.shape)
    minutes = float(minutes)
    if minutes <= 0:
        z = np.zeros(doy.shape)
        return SessionDose(z, z, z, z)
    if n_sub is None:
        n_sub = int(min(max(np.ceil(minutes / 5.0), 8), 288))
    frac = (np.arange(n_sub) + 0.5) / n_sub - 0.5
    t = center[:, None] + frac[None, :] * minutes / 60.0
    oz = None
    if ozone_du is not None:
        oz = np.broadcast_to(np.asarray(ozone_du, dtype=float), doy.shape)[:, None]
    state = uv.uv_state(
        latitude_deg,
        longitude_deg,
        doy[:, None],
        t,
        altitude_m=altitude_m,
        ozone_du=oz,
        cloud_cover=cloud_cover,
        cmf=cmf,
    )
    dt_s = minutes * 60.0 / n_sub
    ery_j = state.erythemal_w_m2.sum(axis=1) * dt_s
    vitd_j = state.vitd_eq_w_m2.sum(axis=1) * dt_s
    g = param("body_geometry_factor") if body_geometry_factor is None else float(body_geometry_factor)
    trans_sun = sunscreen_transmission(spf, sunscreen_mg_cm2)
    trans_vitd = trans_sun * glass_transmission(behind_glass)
    sed = param("sed_j_m2")
    # erythemal dose behind glass is not modelled (UV-A passes glass); it is
    # reported unchanged apart from sunscreen.
    return SessionDose(
        sed_horizontal=ery_j / sed,
        vitd_horizontal_j_m2=vitd_j,
        sed_skin=ery_j * g * trans_sun / sed,
        vitd_skin_j_m2=vitd_j * g * trans_vitd,
    )


def exposure_d3(
    latitude_deg: float,
    longitude_deg: float,
    date,
    minutes: float,
    *,
    skin_type: int,
    exposed_fraction: float,
    age_years=None,
    solar_time_hours: float | None = None,
    utc_hours: float | None = None,
    altitude_m: float = 0.0,
    ozone_du=None,
    cloud_cover=None,
    cmf=None,
    spf: float = 0.0,
    sunscreen_mg_cm2=None,
    behind_glass: bool = False,
) -> dict:
    """Vitamin D3 from one exposure on one date (convenience wrapper).

    The exposure is centred at ``utc_hours`` or, if that is not given, at
    local apparent solar time ``solar_time_hours`` (default 12.0 = solar
    noon).  Returns a dict with the doses (SED, SDD) and the oral-equivalent
    D3 in IU and ug.
    """
    doy = solar.day_of_year(date)
    if utc_hours is None:
        st = 12.0 if solar_time_hours is None else solar_time_hours
        utc_hours = float(solar.solar_time_to_utc_hours(st, longitude_deg, doy))
    d = session_dose(
        latitude_deg,
        longitude_deg,
        doy,
        utc_hours,
        minutes,
        altitude_m=altitude_m,
        ozone_du=ozone_du,
        cloud_cover=cloud_cover,
        cmf=cmf,
        spf=spf,
        sunscreen_mg_cm2=sunscreen_mg_cm2,
        behind_glass=behind_glass,
    )
    iu = oral_equivalent_iu(d.vitd_skin_j_m2, skin_type, exposed_fraction, age_years)
    return {
        "sed_horizontal": float(d.sed_horizontal[0]),
        "sed_skin": float(d.sed_skin[0]),
        "vitd_skin_j_m2": float(d.vitd_skin_j_m2[0]),
        # unsaturated count of standard vitamin D doses (1/4 MED on 1/4 of the body)
        "sdd": float(
            d.vitd_skin_j_m2[0] / sdd_j_m2(skin_type) * exposed_fraction / param("sdd_area_fraction")
        ),
        "iu": float(iu[0]),
        "ug": float(iu[0] / IU_PER_UG),
    }


def minutes_for_d3(
    target_iu: float,
    latitude_deg: float,
    longitude_deg: float,
    date,
    *,
    skin_type: int,
    exposed_fraction: float,
    age_years=None,
    max_minutes: float = 1440.0,
    **kwargs,
) -> float:
    """Exposure minutes (centred as in :func:`exposure_d3`) giving ``target_iu``.

    Returns ``inf`` when even ``max_minutes`` is not enough (e.g. behind
    glass, or in the vitamin D winter).  Extra keyword arguments go to
    :func:`exposure_d3`.
    """

    def iu(minutes):
        return exposure_d3(
            latitude_deg,
            longitude_deg,
            date,
            minutes,
            skin_type=skin_type,
            exposed_fraction=exposed_fraction,
            age_years=age_years,
            **kwargs,
        )["iu"]

    if target_iu <= 0:
        return 0.0
    hi = float(max_minutes)
    if iu(hi) < target_iu:
        return float("inf")
    lo = 0.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if iu(mid) < target_iu:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-3:
            break
    return 0.5 * (lo + hi)
