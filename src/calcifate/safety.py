"""Safety flags: doses above tolerable upper intake levels, vitamin K with anticoagulants. Flagged on
standard error, never hidden, never refused."""

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
