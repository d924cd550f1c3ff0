"""Surface UV: clear-sky UV index, ozone, altitude, clouds, vitamin-D weighting.

Erythemal UV
    Clear-sky UV index from Madronich (2007):

        UVI_clear = 12.5 * mu0**2.42 * (Omega / 300 DU)**-1.23

    (cloud-free, unpolluted, low albedo, sea level; mu0 = cos(solar zenith)).
    It is multiplied by the Earth-Sun distance factor (r0/r)^2 (Spencer
    1971; assumption: the formula refers to the mean distance), by an
    altitude factor 1 + 0.07/km (Engelsen 2010: "about 7% every km ...
    under clear sky conditions") and by a cloud modification factor
    CMF = 1 - a * c**3 (cubic in cloud fraction c, Thiel et al. 1997, who
    report a = 0.4 for high clouds to about 1.0 for cumulonimbus).
    Erythemally weighted irradiance is UVI / 40 W m^-2 (WHO 2002), and
    1 SED = 100 J m^-2 erythemally weighted (Diffey et al. 1997; CIE).

Vitamin-D weighting (two-band model)
    The vitamin-D action spectrum (CIE 2006) lies almost entirely in the
    UV-B, while the erythemal spectrum has a UV-A tail, so the ratio of
    vitamin-D-weighted to erythemal UV falls as the slant ozone column
    S = Omega / mu0 grows (McKenzie et al. 2009; Fioletov et al. 2009).
    Following the two-band picture behind Madronich's formula, erythemal
    UV is split into an ozone-sensitive UV-B part B ~ S**-beta and an
    ozone-insensitive UV-A part A, with

        rho(S) = A / B = rho_a * (S / S_a)**beta,
        rho_a  = f_A / (1 - f_A),   beta = 1.23 / (1 - f_A),

    where f_A is the UV-A (>= 320 nm) share of erythemal irradiance in the
    ASTM G173-03 reference spectrum (S_a = 343.8 DU / cos 48.19 deg),
    computed here from that spectrum and the CIE erythema action spectrum
    (derived, see docs/sun.md).  Vitamin-D-weighted UV is taken as
    proportional to B (assumption), and is expressed as the erythemal dose
    that would have the same vitamin-D effect under the *reference*
    spectrum used to define the standard vitamin D dose (Boston 42.2 N,
    21 March, noon, 350 DU; Webb & Engelsen 2006):

        w(S) = (1 + rho(S_ref)) / (1 + rho(S)),
        E_D,eq = w(S) * E_ery.

    So ``E_D,eq`` is in "reference-spectrum erythemal W m^-2": its dose in
    SED can be compared directly with MEDs measured under the reference
    spectrum (the standard vitamin D dose, see ``skin.py``).

Ozone climatology
    When no total ozone is given, van Heuklon's (1979) empirical formula
    (latitude, longitude, day of year) is used.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import solar
from .cities import param

__all__ = [
    "uv_index_clear_sky",
    "altitude_factor",
    "cloud_modification_factor",
    "ozone_climatology",
    "slant_ozone",
    "uva_share_ratio",
    "vitd_weight",
    "reference_slant_ozone",
    "UVState",
    "uv_state",
    "minutes_per_sed",
    "erythemal_action_spectrum",
]


def erythemal_action_spectrum(wavelength_nm):
    """CIE (1998) erythema reference action spectrum (McKinlay & Diffey 1987), relative."""
    wl = np.asarray(wavelength_nm, dtype=float)
    l1, l2 = param("cie_ery_knee1_nm"), param("cie_ery_knee2_nm")
    s1, s2, c2 = param("cie_ery_slope_uvb"), param("cie_ery_slope_uva"), param("cie_ery_uva_offset_nm")
    return np.where(wl <= l1, 1.0, np.where(wl <= l2, 10.0 ** (s1 * (l1 - wl)), 10.0 ** (s2 * (c2 - wl))))


def uv_index_clear_sky(mu0, ozone_du):
    """Madronich (2007) clear-sky UV index; 0 when the sun is down."""
    mu = np.asarray(mu0, dtype=float)
    oz = np.asarray(ozone_du, dtype=float)
    a = param("madronich_coeff")
    p = param("madronich_mu_exponent")
    q = param("madronich_ozone_exponent")
    ref = param("madronich_ozone_ref_du")
    mu_pos = np.where(mu > 0.0, mu, 0.0)
    return a * mu_pos**p * (oz / ref) ** (-q)


def altitude_factor(altitude_m):
    """Clear-sky UV increase with altitude: 1 + k * altitude_km (k = 0.07 per km)."""
    k = param("altitude_increase_per_km")
    return np.maximum(1.0 + k * np.asarray(altitude_m, dtype=float) / 1000.0, 0.0)


def cloud_modification_factor(cloud_cover, coefficient=None):
    """All-sky / clear-sky UV ratio, CMF = 1 - a * c**3 (Thiel et al. 1997 cubic form).

    ``cloud_cover`` is the cloud fraction 0..1; ``coefficient`` a defaults to
    ``cmf_cubic_coefficient`` (assumption 0.7; Thiel: 0.4 high cloud .. 1.0 Cb).
    """
    a = param("cmf_cubic_coefficient") if coefficient is None else coefficient
    c = np.clip(np.asarray(cloud_cover, dtype=float), 0.0, 1.0)
    return 1.0 - a * c**3


def ozone_climatology(latitude_deg, longitude_deg, doy):
    """Total ozone (DU) from van Heuklon (1979); longitude east-positive."""
    lat = np.asarray(latitude_deg, dtype=float)
    lon = np.asarray(longitude_deg, dtype=float)
    doy = np.asarray(doy, dtype=float)
    north = lat > 0.0
    sel = lambda n_key, s_key: np.where(north, param(n_key), param(s_key))  # noqa: E731
    A = sel("vh_A_north", "vh_A_south")
    beta = sel("vh_beta_north", "vh_beta_south")
    C = sel("vh_C_north", "vh_C_south")
    D = param("vh_D")
    F = sel("vh_F_north", "vh_F_south")
    G = param("vh_G")
    H = sel("vh_H_north", "vh_H_south")
    # I: northern hemisphere 20 for east longitudes, 0 for west; southern -75
    I_n = np.where(lon >= 0.0, param("vh_I_north_east"), 0.0)
    I = np.where(north, I_n, param("vh_I_south"))
    J = param("vh_J")
    seasonal = C * np.sin(np.radians(D * (doy + F)))
    longitudinal = G * np.sin(np.radians(H * (lon + I)))
    return J + (A + seasonal + longitudinal) * np.sin(np.radians(beta * lat)) ** 2


def slant_ozone(mu0, ozone_du):
    """Slant ozone column S = Omega / mu0 (DU); mu0 floored at 0.01."""
    return np.asarray(ozone_du, dtype=float) / np.maximum(np.asarray(mu0, dtype=float), 0.01)


def _two_band():
    f_a = param("uva_share_erythemal_astm")
    rho_a = f_a / (1.0 - f_a)
    beta = param("madronich_ozone_exponent") / (1.0 - f_a)
    s_a = param("astm_ozone_du") / np.cos(np.radians(param("astm_zenith_deg")))
    return rho_a, beta, s_a


def uva_share_ratio(slant_ozone_du):
    """rho(S): UV-A / UV-B parts of erythemal irradiance at slant ozone S (two-band model)."""
    rho_a, beta, s_a = _two_band()
    return rho_a * (np.asarray(slant_ozone_du, dtype=float) / s_a) ** beta


def reference_slant_ozone() -> float:
    """Slant ozone of the standard-vitamin-D-dose reference spectrum (Webb & Engelsen 2006)."""
    doy = param("sdd_ref_day_of_year")
    sza = solar.noon_zenith(param("sdd_ref_latitude_deg"), doy)
    return float(param("sdd_ref_ozone_du") / np.cos(np.radians(sza)))


def vitd_weight(mu0, ozone_du):
    """w = (vitamin-D / erythemal) ratio relative to the SDD reference spectrum.

    Multiply erythemal irradiance (or dose) by ``w`` to get the
    reference-spectrum-equivalent erythemal irradiance for vitamin D.
    0 when the sun is down.
    """
    mu = np.asarray(mu0, dtype=float)
    s = slant_ozone(mu, ozone_du)
    w = (1.0 + uva_share_ratio(reference_slant_ozone())) / (1.0 + uva_share_ratio(s))
    return np.where(mu > 0.0, w, 0.0)


class UVState(NamedTuple):
    """UV at one or more instants (arrays broadcast together)."""

    mu0: np.ndarray  #: cos(solar zenith), clipped at 0
    zenith_deg: np.ndarray
    ozone_du: np.ndarray
    cmf: np.ndarray  #: cloud modification factor used
    uvi: np.ndarray  #: all-sky UV index on a horizontal surface
    erythemal_w_m2: np.ndarray  #: all-sky erythemal irradiance, horizontal
    vitd_eq_w_m2: np.ndarray  #: vitamin-D weighted, as reference-spectrum erythemal W m^-2


def uv_state(
    latitude_deg,
    longitude_deg,
    doy,
    utc_hours,
    *,
    altitude_m=0.0,
    ozone_du=None,
    cloud_cover=None,
    cmf=None,
) -> UVState:
    """UV on a horizontal surface at the given place and UTC time(s).

    ``ozone_du`` defaults to :func:`ozone_climatology`.  Clouds: give either
    ``cmf`` (all-sky/clear-sky factor, used as is) or ``cloud_cover``
    (fraction 0..1, converted with :func:`cloud_modification_factor`);
    with neither, the default cloud fraction ``default_cloud_cover`` is used.
    Pass ``cmf=1.0`` for clear sky.
    """
    mu = solar.cos_zenith(latitude_deg, longitude_deg, doy, utc_hours)
    mu = np.clip(mu, 0.0, 1.0)
    if ozone_du is None:
        ozone_du = ozone_climatology(latitude_deg, longitude_deg, doy)
    ozone_du = np.asarray(ozone_du, dtype=float) * np.ones_like(mu)
    if cmf is None:
        if cloud_cover is None:
            cloud_cover = param("default_cloud_cover")
        cmf = cloud_modification_factor(cloud_cover)
    cmf = np.asarray(cmf, dtype=float) * np.ones_like(mu)
    uvi = (
        uv_index_clear_sky(mu, ozone_du)
        * solar.earth_sun_factor(doy)
        * altitude_factor(altitude_m)
        * cmf
    )
    e_ery = uvi / param("uvi_per_w_m2")
    e_d = e_ery * vitd_weight(mu, ozone_du)
    return UVState(
        mu0=mu,
        zenith_deg=np.degrees(np.arccos(mu)),
        ozone_du=ozone_du,
        cmf=cmf,
        uvi=uvi,
        erythemal_w_m2=e_ery,
        vitd_eq_w_m2=e_d,
    )


def minutes_per_sed(uvi):
    """Minutes for 1 SED on a horizontal surface at a constant UV index."""
    uvi = np.asarray(uvi, dtype=float)
    e = uvi / param("uvi_per_w_m2")
    with np.errstate(divide="ignore"):
        return np.where(e > 0, param("sed_j_m2") / np.where(e > 0, e, 1.0) / 60.0, np.inf)
