"""Command-line interface: a thin shell over the Python API.

calcifate simulate SCENARIO.toml -o out.csv | calcifate simulate --example
calcifate model describe [--format table|markdown] | calcifate outputs | calcifate validate
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CalcifateError, InputError

DISCLAIMER = ("calcifate informs; it does not prescribe. Discuss any change to supplements or medicines "
              "with a clinician.")
SUMMARY_OUTPUTS = ["25ohd", "calcitriol", "pth", "serum_calcium", "calcium_absorbed", "calcium_absorbed_fraction",
                   "urinary_calcium", "bone_calcium", "bmd_lumbar_change", "bmd_femoral_neck_change",
                   "osteocalcin", "ucoc_percent", "dp_ucmgp", "inr", "arterial_calcium"]
EXAMPLE_REGIMEN = "1000 IU vitamin D3 daily"


def _simulate(args) -> int:
    from . import safety
    from .inputs.person import Person
    from .inputs.regimen import Regimen
    from .inputs.scenario import load_scenario
    from .simulation import Simulation

    if args.example:
        sim = Simulation(Person.example(), Regimen(EXAMPLE_REGIMEN), duration_days=365 * 2, progress=not args.quiet)
        out = Path(args.output or "calcifate-example.csv")
        title = f"Example person (60-year-old woman, 25(OH)D 50 nmol/L), {EXAMPLE_REGIMEN}, 2 years"
    elif args.scenario:
        sc = load_scenario(args.scenario)
        sim = sc.simulation(progress=not args.quiet)
        out = Path(args.output or Path(args.scenario).with_suffix(".csv").name)
        title = f"Scenario {args.scenario}"
    else:
        print("calcifate simulate: give a SCENARIO.toml or --example", file=sys.stderr)
        return 2
    for w in safety.flags(sim.doses, sim.person):
        print(w, file=sys.stderr)
    if args.bands:
        from .advise.bands import run_with_bands
        res = run_with_bands(sim)
    else:
        res = sim.run()
    if getattr(sim, "titration_scale", None) is not None:
        for d in sim.titrated_doses:
            print(f"titrated to INR {sim.person.target_inr:g}: {d.substance} {d.amount:.3g} {d.unit} every "
                  f"{d.every_days:g} day(s)", file=sys.stderr)
    res.to_csv(out)
    for w in safety.outcome_flags(res):
        print(w, file=sys.stderr)
    plot = Path(args.plot) if args.plot else out.with_suffix(".png")
    res.plot([o for o in SUMMARY_OUTPUTS if o in res.units] or None, path=plot)
    from .inputs.scenario_cli import report_inputs
    extra_plots = report_inputs(sim, res, plot)
    if not args.quiet:
        print(title)
        if res.meta.get("background_d3_ug_day") is not None:
            print(f"background vitamin D3 input matching the baseline 25(OH)D: {res.meta['background_d3_ug_day']:.1f} ug/day")
        cols = [o for o in SUMMARY_OUTPUTS if o in res.units] or list(res.units)[:10]
        first, last = res.wide.iloc[0], res.wide.iloc[-1]
        print(f"{'output':28s} {'unit':8s} {'day 0':>12s} {'day %g' % last['time_days']:>12s}")
        for c in cols:
            print(f"{c:28s} {res.units[c]:8s} {first[c]:12.4g} {last[c]:12.4g}")
        print(f"wrote {out} and {plot}" + "".join(f" and {p}" for p in extra_plots))
        print(DISCLAIMER)
    return 0


def _compare(args) -> int:
    import tomllib
    from .advise.compare import SOURCES, compare
    from .inputs.scenario import parse_scenario
    from .errors import ScenarioError
    path = Path(args.person)
    try:
        text = path.read_text(encoding="utf-8")
        d = tomllib.loads(text)
    except OSError as e:
        raise ScenarioError(f"cannot read {path}: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"{path}: malformed TOML: {e}") from None
    if "duration_days" not in d:
        text = "duration_days = 1\n" + text
    sc = parse_scenario(text, str(path))
    times = [float(x) * 365.25 for x in args.at.split(",")] if args.at else None
    from . import safety
    for w in safety.flags(sc.doses, sc.person):
        print(w, file=sys.stderr)
    cmp = compare(sc.person, sc.doses, years=args.years, times_days=times, bands=args.bands,
                  progress=None if args.quiet else (lambda n: print(f"running: {n}", file=sys.stderr)))
    for name, res in cmp.results.items():
        for w in safety.outcome_flags(res):
            print(f"[{name}] {w}", file=sys.stderr)
    tab = cmp.table()
    out = Path(args.output or path.with_suffix(".compare.csv").name)
    tab.to_csv(out, index=False, float_format="%.6g")
    plot = Path(args.plot) if args.plot else out.with_suffix(".png")
    cmp.plot(plot)
    show = ["25ohd", "ucoc_percent", "dp_ucmgp", "inr", "bmd_femoral_neck_change", "arterial_calcium"]
    for day in cmp.times_days:
        print(f"\nat {day / 365.25:g} years (difference from 'none' in brackets)")
        print(f"{'scenario':12s} " + " ".join(f"{c:>24s}" for c in show))
        for _, r in tab[tab.day == day].iterrows():
            cells = [f"{r[c]:10.4g} ({r[c + '_vs_none']:+9.3g})" if c in r else "" for c in show]
            print(f"{r.scenario:12s} " + " ".join(f"{x:>24s}" for x in cells))
    print("\ndefault doses: " + "; ".join(f"{k}: {v}" for k, v in SOURCES.items()))
    print("Couplings of vitamin D and K to osteocalcin, MGP, bone and arteries are labelled assumptions with weak "
          "human evidence (AVADEC 2022 was null); use --bands to see their ranges.")
    print(f"wrote {out} and {plot}")
    print(DISCLAIMER)
    return 0


def _describe(args) -> int:
    from .knowledge.parameters import load_parameter_set
    from .model import build_model
    model = build_model()
    ps = load_parameter_set(args.parameter_set)
    md = args.format == "markdown"
    def table(title, header, rows):
        if md:
            print(f"\n### {title}\n")
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
            for r in rows:
                print("| " + " | ".join(str(x).replace("|", "/") for x in r) + " |")
        else:
            print(f"\n{title}")
            w = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
            w = [min(x, 60) for x in w]
            print("  ".join(h.ljust(x) for h, x in zip(header, w)))
            for r in rows:
                print("  ".join(str(v)[:60].ljust(x) for v, x in zip(r, w)))
    print(f"{'## ' if md else ''}Model {model.name}: {len(model.states)} states, {len(ps.names)} parameters "
          f"(set {ps.name}), {len(model.outputs)} outputs")
    table("States", ["name", "unit", "module", "meaning"], [(s.name, s.unit, s.module, s.label) for s in model.states])
    table("Parameters", ["name", "value", "unit", "source", "assumption (range)", "note"],
          [(i.name, f"{i.value:.6g}", i.unit, i.source,
            f"yes ({i.low:g}-{i.high:g})" if i.assumption and i.low is not None else ("yes" if i.assumption else ""),
            i.note) for i in ps.info.values()])
    table("Outputs", ["name", "unit", "meaning"], [(o.name, o.unit, o.label) for o in model.outputs])
    return 0


def _outputs(args) -> int:
    from .model import build_model
    model = build_model()
    print("Named outputs:")
    for o in model.outputs:
        print(f"  {o.name:28s} {o.unit:10s} {o.label}")
    print("Model states (may be named in `outputs` too):")
    for s in model.states:
        print(f"  {s.name:28s} {s.unit:10s} {s.label}")
    return 0


def _validate(args) -> int:
    from .validate.registry import load_targets, run_targets
    if args.jobs < 1:
        raise InputError("--jobs", args.jobs, "1 or more processes")
    targets = [t for t in load_targets() if (not args.quick or not t.slow) and (args.only is None or args.only in t.id)]
    what_if = _parse_set(args.set or [])
    if what_if:
        print("what-if run, not the registry's own result: every simulation uses "
              + ", ".join(f"{k} = {v:g}" for k, v in what_if.items()), flush=True)
    md = args.format == "markdown"
    if md:
        print("| target | citation | role | published | model | tolerance | result |")
        print("|---|---|---|---|---|---|---|")
    else:
        print(f"{'target':44s} {'role':12s} {'published':>22s} {'model':>12s} result")
    n_fail = 0
    for r in run_targets(targets, args.jobs, what_if):  # printed in order as each finishes: slow ones take minutes
        t = r.target
        n_fail += not r.passed
        if md:
            name = t.id + (" (slow)" if t.slow else "")
            print(f"| {name} | {t.citation} | {t.role} | {t.published} {t.unit} | {r.model_value:.4g} | "
                  f"{t.low}\u2013{t.high} | {'pass' if r.passed else '**FAIL**'} |", flush=True)
        else:
            print(f"{t.id:44s} {t.role:12s} {t.published_text:>22s} {r.model_value:12.4g} "
                  f"{'pass' if r.passed else 'FAIL'}", flush=True)
    print(f"{len(targets) - n_fail} passed, {n_fail} failed")
    return 0 if n_fail == 0 else 1


def _parse_set(items: list[str]) -> dict:
    """``--set NAME=VALUE`` (repeatable) -> {NAME: VALUE}; NAME a parameter of calcifate's set."""
    from .knowledge.parameters import load_parameter_set
    pset = load_parameter_set("calcifate")
    out = {}
    for item in items:
        name, sep, raw = item.partition("=")
        name = name.strip()
        try:
            value = float(raw)
        except ValueError:
            value = None
        if not sep or value is None or value != value or value in (float("inf"), float("-inf")):
            raise InputError("--set", item, "NAME=VALUE, a model parameter name and a finite number in its unit")
        if name not in pset:
            raise InputError("--set", name, "a model parameter name (see `calcifate model describe`)")
        out[name] = value
    return out


def _scenario_epilog() -> str:
    try:
        from .inputs.scenario_cli import EPILOG
        return EPILOG
    except Exception:  # never break --help
        return ""


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="calcifate", description=__doc__.splitlines()[0] + " " + DISCLAIMER)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("simulate", help="simulate a scenario file, or the built-in example",
                       description="Simulate a scenario (TOML; see README) or --example.",
                       epilog=_scenario_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("scenario", nargs="?")
    s.add_argument("--example", action="store_true", help="the built-in example person, no configuration")
    s.add_argument("-o", "--output", help="CSV to write (time_days + one column per output)")
    s.add_argument("--plot", help="PNG to write (default: next to the CSV)")
    s.add_argument("--bands", action="store_true",
                   help="add <output>_lo/_hi columns spanning the labelled vitamin D/K assumptions' ranges")
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(func=_simulate)
    c = sub.add_parser("compare", help="named scenarios side by side for one person (none, D3, K2, D3 + K2, own plan)",
                       description="Run none / D3 / K2 (MK-7) / K2 (MK-4) / D3 + K2 / the person's own plan "
                                   "for one person (a TOML file with [person] and optional [[dose]] lines).")
    c.add_argument("person")
    c.add_argument("--years", type=float, default=3.0)
    c.add_argument("--at", help="comma-separated years at which to print differences (default 1,2,3)")
    c.add_argument("--bands", action="store_true", help="bands over the labelled assumptions (11x slower)")
    c.add_argument("-o", "--output")
    c.add_argument("--plot")
    c.add_argument("-q", "--quiet", action="store_true")
    c.set_defaults(func=_compare)
    m = sub.add_parser("model", help="describe the model").add_subparsers(dest="what", required=True)
    d = m.add_parser("describe", help="states, parameters and outputs")
    d.add_argument("--format", choices=["table", "markdown"], default="table")
    d.add_argument("--parameter-set", default="calcifate", choices=["calcifate", "Peterson2010"])
    d.set_defaults(func=_describe)
    o = sub.add_parser("outputs", help="every named output and model state with its unit")
    o.set_defaults(func=_outputs)
    v = sub.add_parser("validate", help="run the validation registry against published data")
    v.add_argument("--quick", action="store_true", help="skip the long runs")
    v.add_argument("--only", help="run targets whose id contains this text")
    v.add_argument("--format", choices=["table", "markdown"], default="table",
                   help="markdown: the table of docs/validation.md (citation, tolerance)")
    v.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="what-if: run every target with this model parameter changed (repeatable; model units)")
    v.add_argument("-j", "--jobs", type=int, default=1,
                   help="run the targets in this many processes (rows of one citation share one); default 1")
    v.set_defaults(func=_validate)
    try:
        from .foods.cli import add_parsers as add_food_parsers
        add_food_parsers(sub)
    except Exception:  # the food table is optional at this stage
        pass
    return ap


def main(argv=None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except CalcifateError as e:
        print(f"calcifate: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
