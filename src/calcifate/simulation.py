"""``Simulation(person, regimen, duration).run()`` -- the hello world of calcifate."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from .errors import NO_VALUE, InputError, SolverError
from .inputs.person import RANGES as PERSON_RANGES, Person
from .inputs.regimen import Dose, Regimen
from .inputs.substances import find_substance
from .knowledge.parameters import ParameterSet, load_parameter_set, published_initial_state
from .model import compiled
from .results.table import Result
from .solve.reference import Bolus, integrate, parameters_at
from .solve.steady_state import core_steady_state, vitamin_d_steady_state

MAX_DURATION_DAYS = 50 * 365.25
REFERENCE_BONE_CA_MMOL = 25000.0  # published total bone calcium (Q0 + Qbone0), Peterson2010



_SHARE_PREFIXES = ("F_", "f_", "fh_", "fx_", "fc_")


def _is_share(name: str) -> bool:
    """Bioavailabilities and fractions (names F_*, f_*, fh_*, fx_*, fc_*) must lie in 0..1."""
    return name.startswith(_SHARE_PREFIXES)


SUN_MEAN_TOL_NMOL_L = 0.5  # nmol/L: with [sun], the realised annual mean 25(OH)D matches the baseline within this
SUN_MEAN_MAX_ITER = 6  # repeats of the spin-up allowed for that match

_WHAT_IF: dict = {}  # parameter values given to every Simulation created inside ``what_if`` (see there)


@contextmanager
def what_if(values: dict):
    """Give every :class:`Simulation` created inside this block the parameter ``values`` (model
    units) as assumptions, set before its steady state; a Simulation's own ``assumptions`` win over
    them. For what-if runs of a whole workflow, e.g. the validation registry with one parameter
    changed (``calcifate validate --set NAME=VALUE``). Names and values are checked as for
    ``assumptions`` when a Simulation is created."""
    global _WHAT_IF
    before = _WHAT_IF
    _WHAT_IF = {**before, **{str(k): float(v) for k, v in values.items()}}
    try:
        yield
    finally:
        _WHAT_IF = before


@dataclass
class Simulation:
    """One person, one regimen, one duration. ``person=None`` with ``Peterson2010`` runs the
    published model's baseline from its published initial state."""

    person: Person | None = None
    regimen: Regimen | list[Dose] | None = None
    duration_days: float | None = None
    years: float | None = None
    parameter_set: str = "calcifate"
    parameters: dict = field(default_factory=dict)
    outputs: list[str] | None = None
    output_interval_hours: float = 24.0
    rtol: float = 1e-6  # outputs within ~1e-5 relative of a 1e-10 run (measured; docs/performance.md)
    progress: bool = False
    assumptions: dict = field(default_factory=dict)  # parameter values set before the steady state
    base_inputs: dict = field(default_factory=dict)  # parameters set before the steady state (a diet's)
    sun: object | None = None  # a [sun] table or SunConfig: daily skin D3 (inputs/sun_inputs.py)
    start_date: object | None = None  # calendar date of day 0 (default 2026-01-01); matters with sun

    def __post_init__(self):
        if self.duration_days is None:
            self.duration_days = 365.0 * (self.years if self.years is not None else 1.0)
        d = self.duration_days
        if isinstance(d, bool) or not isinstance(d, (int, float)) or not (0 < d <= MAX_DURATION_DAYS):
            raise InputError("duration_days", d, f"0 < days <= {MAX_DURATION_DAYS:g} (50 years)")
        oi = self.output_interval_hours
        if isinstance(oi, bool) or not isinstance(oi, (int, float)) or not (0.01 <= oi <= d * 24):
            raise InputError("output_interval_hours", oi, f"0.01..{d * 24:g} hours")
        if isinstance(self.regimen, Regimen):
            self.doses = list(self.regimen.doses)
        else:
            self.doses = list(self.regimen or [])
        self.pset: ParameterSet = load_parameter_set(self.parameter_set)
        if _WHAT_IF:
            self.assumptions = {**_WHAT_IF, **self.assumptions}
        self.notes: list[str] = []  # diet / sun summaries and parameter warnings for the CLI and result.meta
        for k, v in self.assumptions.items():
            if k not in self.pset:
                raise InputError(f"assumptions.{k}", v, "a model parameter name (see `calcifate model describe`)")
            self._check_parameter_value(f"assumptions.{k}", k, v)
        if self.assumptions:
            self.pset = self.pset.with_values(**{k: float(v) for k, v in self.assumptions.items()})
        self.cm = compiled(tuple(self.pset.names))
        for k, v in self.parameters.items():
            if k not in self.pset:
                raise InputError(f"parameters.{k}", v, "a model parameter name (see `calcifate model describe`)")
            self._check_parameter_value(f"parameters.{k}", k, v)
        if self.sun is not None and "D3_skin_ug_day" in self.parameters:
            raise InputError("parameters.D3_skin_ug_day", self.parameters["D3_skin_ug_day"],
                             "not together with a [sun] section (the sun sets the skin input day by day)")
        self.outputs = self._check_outputs(self.outputs)
        for k, v in self.base_inputs.items():
            if k not in self.pset:
                raise InputError(f"inputs.{k}", v, "a model parameter name")
        if self.sun is not None:
            from .inputs.sun_inputs import parse_start_date, read_sun_section
            self.sun = read_sun_section(self.sun)
            parse_start_date(self.start_date)
        if self.person is None and self.parameter_set != "Peterson2010":
            self.person = Person.example()
        gut = self.person.gut_menaquinone_ug_day if self.person is not None else None
        if gut:
            self.notes.append(f"gut-bacterial menaquinones: {gut:g} ug/day taken as absorbed (an input nobody has "
                              f"measured: faecal menaquinones are known, their absorption is not; docs/foods.md)")

    # ------------------------------------------------------------------------------------------
    def _check_outputs(self, outputs):
        model = self.cm.model
        known = [o.name for o in model.outputs]
        if outputs is None:
            return known
        allowed = set(known) | set(model.state_names)
        for o in outputs:
            if o not in allowed:
                import difflib
                close = difflib.get_close_matches(str(o), sorted(allowed), n=1)
                raise InputError("outputs", o, "a named output or model state (see `calcifate outputs`)",
                                 f"did you mean {close[0]!r}?" if close else "")
        return list(outputs)

    def _check_parameter_value(self, fieldname: str, name: str, v) -> None:
        """Refuse a parameter value that is impossible for that parameter; note one outside its
        documented plausible range (it runs, and the note goes to stderr and ``result.meta``)."""
        info = self.pset.info[name]
        unit = "" if info.unit == "1" else f" {info.unit}"
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v):
            raise InputError(fieldname, v, f"a finite number in the model's units ({info.unit})")
        v = float(v)
        if _is_share(name) and not 0.0 <= v <= 1.0:
            raise InputError(fieldname, v, f"a share, 0..1 (default {info.value:g})")
        if name.startswith("t_half") and v <= 0:
            raise InputError(fieldname, v, f"a half-time > 0{unit} (default {info.value:g}{unit})")
        if (name.startswith("tau_") or "_tau_" in name) and v <= 0:
            raise InputError(fieldname, v, f"a time constant > 0{unit} (default {info.value:g}{unit})")
        if info.value >= 0 and v < 0:
            raise InputError(fieldname, v, f">= 0{unit} (default {info.value:g}{unit})")
        if info.low is not None and info.high is not None and not info.low <= v <= info.high:
            self.notes.append(f"warning: {fieldname} = {v:g}{unit} is outside the documented plausible range "
                              f"{info.low:g}..{info.high:g}{unit} (default {info.value:g}); results there are "
                              "an extrapolation")

    def base_parameters(self) -> dict[str, float]:
        vals = self.pset.values()
        if self.person is not None:
            vals.update(self.person.model_parameters())
        vals.update({k: float(v) for k, v in self.base_inputs.items()})
        return vals

    def initial_state(self, vals: dict[str, float]):
        """State at the start of the run (steady state for the person), and updated parameters."""
        cm, names = self.cm, self.pset.names
        y = np.zeros(len(cm.model.states))
        init = published_initial_state()
        for i, s in enumerate(cm.model.state_names):
            y[i] = init.get(s, 0.0)
        y[cm.model.state_index("BMDls")] = y[cm.model.state_index("BMDfn")] = 1.0
        y[cm.model.state_index("Ca_intake_hab")] = vals["OralCa"]  # adapted to the diet (no supplements yet)
        p = [vals[n] for n in names]
        target = vals["C25_ref"]
        if self.person is not None and self.person.baseline_25ohd_nmol_l is not None:
            target = self.person.baseline_25ohd_nmol_l
        self._sun = None
        if self.sun is not None:  # steady state at the annual mean sun input, then periodic spin-up
            from .inputs.sun_inputs import make_driver
            self._sun = make_driver(self, vals)
            p[names.index("D3_skin_ug_day")] = self._sun.annual_mean_ug_day
            if self.person is not None and self.person.baseline_25ohd_nmol_l is None:
                target = None
        y_start, p_start = y.copy(), list(p)
        y, p, self.background_d3_ug_day = vitamin_d_steady_state(cm, p, y, target, names)
        if target is None:  # status from the person's own inputs: refuse one below the supported range
            self._check_own_status(cm, p, y, names)
        if self.person is not None:
            y, p = core_steady_state(cm, p, y, REFERENCE_BONE_CA_MMOL)
        if self._sun is not None:
            y = self._sun.spin_up(cm, p, y)
            # the baseline is the annual mean: with the saturable 25-hydroxylation the periodic mean
            # differs from the steady state at the mean input, so move the steady-state target by the
            # miss until the realised annual mean is within SUN_MEAN_TOL_NMOL_L (fixed-point iteration)
            k, goal = 0, target
            while target is not None and k < SUN_MEAN_MAX_ITER and \
                    abs(self._sun.info["spinup_annual_mean_25ohd"] - target) > SUN_MEAN_TOL_NMOL_L:
                goal = goal + (target - self._sun.info["spinup_annual_mean_25ohd"])
                try:
                    y, p, self.background_d3_ug_day = vitamin_d_steady_state(cm, list(p_start), y_start.copy(),
                                                                             goal, names)
                except SolverError:  # the sun alone already gives more than the baseline asks
                    break
                if self.person is not None:
                    y, p = core_steady_state(cm, p, y, REFERENCE_BONE_CA_MMOL)
                y = self._sun.spin_up(cm, p, y)
                k += 1
            self._sun.info["baseline_match_iterations"] = k
        return y, p

    @staticmethod
    def _check_own_status(cm, p, y, names):
        """With no baseline to match, the steady 25(OH)D at the mean inputs (food, the sun's annual
        mean, parameters) must lie in the range the model supports for a person's 25(OH)D (the lower
        end of ``person.baseline_25ohd_nmol_l``). Below it calcitriol all but vanishes (0.08 pmol/L at
        1 nmol/L), where nothing in the model was checked, and with no vitamin D at all the calcium
        model's steady-state search fails."""
        lo = PERSON_RANGES["baseline_25ohd_nmol_l"][0]
        with np.errstate(divide="ignore", invalid="ignore"):
            obs = cm.observe(0.0, np.asarray(y)[:, None], np.asarray(p)[:, None])
        c25 = float(np.ravel(obs["C_OHD"])[0])
        if not c25 >= lo:
            food = sum(p[names.index(k)] for k in ("D3_food_ug_day", "D2_food_ug_day") if k in names)
            ohd = p[names.index("OHD3_food_ug_day")] if "OHD3_food_ug_day" in names else 0.0
            skin = p[names.index("D3_skin_ug_day")]
            food_txt = f"food D3 + D2 {food:.3g} ug/day" + (f" and 25(OH)D3 {ohd:.3g} ug/day" if ohd > 0 else "")
            raise InputError(
                "vitamin D inputs", NO_VALUE,
                f"the person's own vitamin D inputs ({food_txt}, sun {skin:.3g} ug/day as an "
                f"annual mean, no baseline to match) give a steady 25(OH)D of {c25:.2g} nmol/L, below the "
                f"{lo:g} nmol/L the model supports; add food ([diet]) or sun ([sun]), or give "
                f"person.baseline_25ohd_nmol_l")

    def dose_boluses(self, p_vals: dict, t_start_day: float, end_day: float) -> list[Bolus]:
        from .model.codegen import _scalar_expr, _SCALAR_NS  # factor expressions from the declaration
        out = []
        for d in self.doses:
            sub = find_substance(d.substance)
            dos = self.cm.model.dosables[sub.name]
            factor = eval(_scalar_expr(dos.factor), dict(_SCALAR_NS), dict(p_vals))  # noqa: S307 (declared expr)
            idx = self.cm.model.state_index(dos.state)
            if d.form is not None or d.meal_fat_g is not None:  # per-dose names of the factor expression
                loc = dict(p_vals, is_tablet=float(d.form == "tablet"), is_food=float(d.form == "food"))
                if d.meal_fat_g is not None:
                    loc["meal_fat_g"] = float(d.meal_fat_g)
                factor = eval(_scalar_expr(dos.factor), dict(_SCALAR_NS), loc)  # noqa: S307
            for td in d.times_days(end_day):
                if td >= t_start_day:
                    out.append(Bolus(td * 24.0, idx, d.canonical_amount * factor))
        return out

    def titrate_anticoagulant(self, y0, p, target_inr: float) -> list[Dose]:
        """Scale the regimen's warfarin/acenocoumarol so that the INR, after 8 weeks of the regimen,
        averages ``target_inr`` over a day; the titrated lines then run from day -56."""
        from scipy.optimize import brentq
        from .inputs.substances import ANTICOAGULANTS
        vka = [d for d in self.doses if d.substance in ANTICOAGULANTS]
        if not vka:
            raise InputError("person.target_inr", target_inr,
                             "given only with a warfarin or acenocoumarol [[dose]] line (its amount is the starting guess)")
        others = [d for d in self.doses if d.substance not in ANTICOAGULANTS]
        i_inr = [o.name for o in self.cm.model.outputs].index("inr")

        def lines(scale):
            return [Dose(d.substance, d.amount * scale, d.unit, d.every_days or 1.0, -56.0, d.stop_day,
                         d.time_of_day_hours, d.form, d.meal_fat_g) for d in vka]

        def inr_for(log_scale):
            trial = lines(float(np.exp(log_scale)))
            bol = []
            for d in trial:
                sub = find_substance(d.substance)
                idx = self.cm.model.state_index(self.cm.model.dosables[sub.name].state)
                bol += [Bolus(td * 24.0, idx, d.canonical_amount) for td in d.times_days(0.0) if td >= -56]
            t = np.linspace(-24.0, 0.0, 25)
            Y = integrate(self.cm, p, y0, np.concatenate([[-56 * 24.0], t]), bol, rtol=1e-6)
            obs = self.cm.observe(0.0, Y[:, 1:], np.asarray(p)[:, None])
            return float(np.mean(np.ravel(obs[self.cm.model.outputs[i_inr].name])))

        f = lambda x: inr_for(x) - target_inr  # noqa: E731
        lo = -3.0
        hi = min(3.0, min(float(np.log(find_substance(d.substance).max_per_dose / d.canonical_amount)) for d in vka) - 1e-9)
        if f(hi) < 0:
            raise InputError("person.target_inr", target_inr,
                             "an INR the anticoagulant can reach within its largest allowed dose")
        x = brentq(f, lo, hi, xtol=1e-3) if f(lo) < 0 else lo
        self.titration_scale = float(np.exp(x))
        self.titrated_doses = lines(self.titration_scale)
        return others + self.titrated_doses

    def run(self) -> Result:
        vals = self.base_parameters()
        y0, p = self.initial_state(vals)
        names = self.pset.names
        vals = dict(zip(names, p))
        if self.person is not None and self.person.target_inr is not None:
            self.doses = self.titrate_anticoagulant(y0, p, self.person.target_inr)
        T = float(self.duration_days)
        start_day = min([0.0] + [d.start_day for d in self.doses])
        boluses = self.dose_boluses(vals, start_day, T)
        y = y0
        steps = self._sun.steps(start_day * 24.0, T * 24.0) if self._sun is not None else []
        if start_day < 0:  # regimens already running before day 0
            pre = [b for b in boluses if b.time_h < 0]
            Y = integrate(self.cm, p, y, np.array([start_day * 24.0, 0.0]), pre, rtol=self.rtol, steps=steps)
            y = Y[:, -1]
        # parameter overrides act as a step at day 0
        vals.update({k: float(v) for k, v in self.parameters.items()})
        vals["BMDls_day0"] = float(y[self.cm.model.state_index("BMDls")])
        vals["BMDfn_day0"] = float(y[self.cm.model.state_index("BMDfn")])
        vals["Ca_art_day0"] = float(y[self.cm.model.state_index("Ca_art")])
        vals["bone_ca_day0"] = float(y[self.cm.model.state_index("Q")] + y[self.cm.model.state_index("Qbone")])
        obs0 = self.cm.observe(np.array([0.0]), np.asarray(y, dtype=float)[:, None],
                               np.asarray([vals[n] for n in names], dtype=float)[:, None])
        vals["bone_gap_beyond_day0"] = float(np.ravel(obs0["bone_gap_beyond"])[0])
        p = [vals[n] for n in names]
        post = [b for b in boluses if b.time_h >= 0]
        t_out = np.arange(0.0, T * 24.0 + 1e-9, self.output_interval_hours)
        if t_out[-1] < T * 24.0 - 1e-9:
            t_out = np.append(t_out, T * 24.0)
        # extra points 24 h earlier for the 24-h mean absorbed fraction
        t_back = t_out - 24.0
        grid = np.unique(np.concatenate([t_out, t_back[t_back > 0]]))
        progress = _Progress(T * 24.0) if self.progress else None
        Y = integrate(self.cm, p, y, grid, post, rtol=self.rtol, progress=progress, steps=steps)
        if progress:
            progress.close()
        self.final_parameters = vals
        res = Result.from_solution(self, grid, Y, parameters_at(p, steps, grid) if steps else np.asarray(p), t_out)
        if self._sun is not None:
            res.meta["sun"] = self._sun.meta()
            self.notes.append(self._sun.summary())
        res.meta["notes"] = list(self.notes)
        return res


class _Progress:
    def __init__(self, total_h):
        self.total, self.last = total_h, -1

    def __call__(self, t_h):
        pct = int(100 * t_h / self.total)
        if pct != self.last and pct % 2 == 0:
            bar = "#" * (pct // 4)
            sys.stderr.write(f"\r[{bar:<25}] {pct:3d}% ({t_h / 24:.0f} d)")
            sys.stderr.flush()
            self.last = pct

    def close(self):
        sys.stderr.write("\n")
