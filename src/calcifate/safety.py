"""Safety flags: doses above tolerable upper intake levels, vitamin K with anticoagulants (before a
run), and model outcomes past cited thresholds such as hypercalcaemia (after it). Flagged on
standard error, never hidden, never refused, never written into the results."""

from __future__ import annotations

import csv
from importlib import resources

from .inputs.regimen import Dose


def upper_limits() -> list[dict]:
    with resources.files("calcifate.data").joinpath("upper_limits.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def flags(doses: list[Dose], person=None) -> list[str]:
    """Warnings for daily intakes above the upper limits (adults)."""
    out = []
    by = {}
    for d in doses:
        by.setdefault(d.substance, 0.0)
        by[d.substance] = max(by[d.substance], sum(x.daily_amount() for x in doses
                                                    if x.substance == d.substance and _overlap(x, d)))
    from .inputs.substances import ANTICOAGULANTS, VITAMIN_K
    vka = sorted({d.substance for d in doses if d.substance in ANTICOAGULANTS})
    vk = sorted({d.substance for d in doses if d.substance in VITAMIN_K})
    if vka and vk:
        out.append(f"WARNING: vitamin K ({', '.join(vk)}) taken with a vitamin K antagonist ({', '.join(vka)}): "
                   "vitamin K lowers the INR (from ~50 ug/day MK-7 or ~150 ug/day K1; Schurgers 2004, 2007; "
                   "Theuwissen 2013). Do not start, stop or change vitamin K without the anticoagulation clinic.")
    elif vka:
        out.append(f"NOTE: {', '.join(vka)} in the regimen: changes in dietary vitamin K (greens, natto) shift the INR.")
    diet_ca = person.dietary_calcium_mg_day if person is not None else 0.0
    for row in upper_limits():
        sub, lim = row["substance"], float(row["value"])
        total = by.get(sub, 0.0) + (diet_ca if sub == "calcium" else 0.0)
        if total > lim:
            what = "supplements + diet" if sub == "calcium" else "supplements"
            out.append(f"WARNING: {sub} {total:g} {row['unit']} ({what}) exceeds the {row['body']} tolerable upper "
                       f"intake level of {lim:g} {row['unit']} for {row['population']} [{row['source']}]. "
                       "Discuss any such regimen with a clinician.")
    return out


def _overlap(a: Dose, b: Dose) -> bool:
    a_end = a.stop_day if a.stop_day is not None else float("inf")
    b_end = b.stop_day if b.stop_day is not None else float("inf")
    return a.start_day < b_end and b.start_day < a_end


def outcome_thresholds() -> list[dict]:
    """Cited thresholds on model outputs (data/outcome_thresholds.csv)."""
    with resources.files("calcifate.data").joinpath("outcome_thresholds.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def outcome_flags(result) -> list[str]:
    """Warnings and notes for outputs of a run (a ``Result``) that cross a cited threshold: the
    extreme value, its day, and the first day past the threshold. Outputs the run did not save are
    not checked (and say so when a WARNING threshold could not be checked)."""
    wide, units = result.wide, result.units
    t = wide["time_days"].to_numpy(dtype=float)
    hits, unchecked = [], []
    for row in outcome_thresholds():
        name, lim, unit, above = row["output"], float(row["value"]), row["unit"], row["direction"] == "above"
        if name not in wide.columns:
            if row["level"] == "WARNING" and name not in unchecked:
                unchecked.append(name)
            continue
        if units.get(name) != unit:
            raise ValueError(f"outcome_thresholds.csv: {name} is in {units.get(name)}, the threshold in {unit}")
        v = wide[name].to_numpy(dtype=float)
        past = v > lim if above else v < lim
        if not past.any():
            continue
        i = int(v.argmax() if above else v.argmin())
        text = (f"{row['level']}: {name} {'peaks at' if above else 'falls to'} {v[i]:.4g} {unit} (day {t[i]:g}), "
                f"{row['direction']} {lim:g} {unit} from day {float(t[past.argmax()]):g}: {row['meaning']} "
                f"[{row['source']}]. Discuss with a clinician.")
        hits.append((row["level"], name, above, text))
    # a WARNING past a higher threshold makes a NOTE past a lower one on the same side redundant
    warned = {(n, a) for lvl, n, a, _ in hits if lvl == "WARNING"}
    out = [text for lvl, n, a, text in hits if not (lvl == "NOTE" and (n, a) in warned)]
    if unchecked:
        out.append(f"NOTE: {', '.join(unchecked)} not among this run's outputs, so not checked against "
                   "the hypercalcaemia and vitamin D intoxication thresholds.")
    return out
