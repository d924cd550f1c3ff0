"""A person at day 0. Omitted fields take the example person's values."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..errors import InputError

# field: (low, high, unit) -- the supported range
RANGES = {
    "age_years": (18.0, 100.0, "years (the model describes adults)"),
    "body_weight_kg": (30.0, 250.0, "kg"),
    "height_cm": (120.0, 220.0, "cm"),
    # below ~10 mL/min the Peterson & Riggs core has no steady state (calcitriol and 1-alpha-hydroxylase
    # cross zero), so the supported range stops at 10 mL/min: CKD stage 5, where dialysis usually starts
    "gfr_ml_min": (10.0, 150.0, "mL/min (10 = CKD stage 5, dialysis-level kidney failure)"),
    "baseline_25ohd_nmol_l": (5.0, 375.0, "nmol/L"),
    "dietary_calcium_mg_day": (50.0, 4000.0, "mg/day"),
    "dietary_k1_ug_day": (0.0, 100000.0, "ug/day"),
    "dietary_mk4_ug_day": (0.0, 100000.0, "ug/day"),
    "dietary_mk7_ug_day": (0.0, 100000.0, "ug/day"),
    "dietary_mk9_ug_day": (0.0, 100000.0, "ug/day (MK-8..MK-10 summed)"),
    "dietary_meal_fat_g": (0.0, 200.0, "g of fat in the meals carrying vitamin K"),
    # absorbed: not quantified anywhere read here; faecal menaquinones (Karl 2017) span 50-4200 ug/day as MK-9
    "gut_menaquinone_ug_day": (0.0, 4200.0, "ug/day of gut-bacterial menaquinones absorbed (an unknown; "
                                            "see docs/foods.md)"),
    "target_inr": (1.5, 4.5, "(INR; titrates the anticoagulant in the regimen before day 0)"),
}
OPTIONAL = {"baseline_25ohd_nmol_l", "dietary_k1_ug_day", "dietary_mk4_ug_day", "dietary_mk7_ug_day",
            "dietary_mk9_ug_day", "dietary_meal_fat_g", "gut_menaquinone_ug_day", "target_inr"}
# person field -> model parameter (habitual vitamin K intake; None = the reference diet)
DIET_K = {"dietary_k1_ug_day": "dietary_K1_ug_day", "dietary_mk4_ug_day": "dietary_MK4_ug_day",
          "dietary_mk7_ug_day": "dietary_MK7_ug_day", "dietary_mk9_ug_day": "dietary_MK9_ug_day",
          "dietary_meal_fat_g": "dietary_meal_fat_g", "gut_menaquinone_ug_day": "gut_MK_absorbed_ug_day"}
SEXES = ("female", "male")


@dataclass(frozen=True)
class Person:
    """Descriptors of one adult (units in the field names)."""

    age_years: float = 60.0
    sex: str = "female"
    body_weight_kg: float = 70.0
    height_cm: float = 165.0
    gfr_ml_min: float = 90.0
    baseline_25ohd_nmol_l: float | None = 50.0
    dietary_calcium_mg_day: float = 900.0
    dietary_k1_ug_day: float | None = None
    dietary_mk4_ug_day: float | None = None
    dietary_mk7_ug_day: float | None = None
    dietary_mk9_ug_day: float | None = None
    dietary_meal_fat_g: float | None = None
    gut_menaquinone_ug_day: float | None = None
    target_inr: float | None = None

    def __post_init__(self):
        for name, (lo, hi, unit) in RANGES.items():
            v = getattr(self, name)
            if v is None and name in OPTIONAL:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise InputError(f"person.{name}", v, f"a number in {lo:g}..{hi:g} {unit}")
            if not (lo <= v <= hi):
                raise InputError(f"person.{name}", v, f"{lo:g}..{hi:g} {unit}")
        if not isinstance(self.sex, str) or self.sex.lower() not in SEXES:
            raise InputError("person.sex", self.sex, "'female' or 'male'")
        object.__setattr__(self, "sex", self.sex.lower())

    @classmethod
    def example(cls) -> "Person":
        """The built-in example: a 60-year-old post-menopausal woman with modest vitamin D status
        (25(OH)D 50 nmol/L, the IOM sufficiency cut-point) and 900 mg/day dietary calcium."""
        return cls()

    @classmethod
    def from_dict(cls, d: dict, base: "Person | None" = None) -> "Person":
        base = base or cls.example()
        known = {f.name for f in fields(cls)}
        for k in d:
            if k not in known:
                raise InputError(f"person.{k}", d[k], f"a known field: {', '.join(sorted(known))}")
        vals = {f.name: getattr(base, f.name) for f in fields(cls)}
        vals.update(d)
        return cls(**vals)

    def model_parameters(self) -> dict[str, float]:
        """The model parameters this person sets (model units)."""
        return {
            "age_years": float(self.age_years),
            "sex_male": 1.0 if self.sex == "male" else 0.0,
            "body_weight_kg": float(self.body_weight_kg),
            "height_cm": float(self.height_cm),
            "GFR": float(self.gfr_ml_min) / 16.667,  # L/h, the published conversion
            "OralCa": float(self.dietary_calcium_mg_day) / 40.078 / 24.0,  # mmol/h
            **{par: float(getattr(self, f)) for f, par in DIET_K.items() if getattr(self, f) is not None},
        }
