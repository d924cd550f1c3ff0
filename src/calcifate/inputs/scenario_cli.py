"""CLI helpers for scenarios with [diet] and [sun]: the stderr report, extra plots, --help epilog."""

from __future__ import annotations

import sys
from pathlib import Path

EPILOG = """\
scenario keys for diet and sunlight (see README, "Diet and sunlight"):

  [diet]                          # a diet file, relative to the scenario file ...
  file = "plan.toml"
  # oh25d3_potency_vs_d3 = 5      # 1.5..5: ug D3 per ug food 25(OH)D3 (labelled assumption)
  # ... or inline, as in a diet file:
  # [[diet.food]]                 # name, grams or servings, per = "day" | "week"
  # name = "kale"
  # grams = 50
  # [[diet.meal]]                 # time, days, items = [ { name = "egg", grams = 100 } ]

  The diet sets D3/D2 from food, the person's dietary calcium (do not give
  dietary_calcium_mg_day in [person] as well), K1, MK-4, MK-7, MK-8..10 (as
  dietary_mk9_ug_day) and the mean meal fat. With baseline_25ohd_nmol_l, the
  rest is matched by an unexplained background D3 input (reported on stderr).

  start_date = "2026-01-01"       # calendar date of day 0 (default 2026-01-01)
  [sun]
  place = "Manchester"            # built-in city, or latitude/longitude (+ altitude_m, utc_offset_hours)
  skin_type = 2                   # Fitzpatrick 1..6
  # age_years = 40                # default: the person's age
  [[sun.habit]]
  months = "Mar-Sep"              # "Nov-Feb", [6, 7, 8], "all"
  minutes_per_day = 9             # 0..1440
  clock_time = "12:30"            # or solar_time = "12:00"
  exposed = "forearms and lower legs"   # or exposed_skin_fraction = 0.35
  # spf = 0, behind_glass = false, days_per_week = 7 or weekdays = ["Sat", "Sun"]

  With [sun] the run starts from the periodic steady state of the habit (past
  years repeated until 25(OH)D on the start date changes < 0.5 nmol/L);
  baseline_25ohd_nmol_l, if given, is matched as the annual mean; if not, sun
  and food alone set it, and a steady 25(OH)D below 5 nmol/L (no [diet], little
  or no sun) is refused. A second plot
  (*-sun.png) shows the year's 25(OH)D with vitamin D winter shaded.
"""


def report_inputs(sim, res, plot: Path) -> list[Path]:
    """Print the diet/sun notes and the background input on stderr; write the sun plot."""
    has_inputs = bool(sim.base_inputs) or sim.sun is not None
    for n in res.meta.get("notes", []):
        print(n, file=sys.stderr)
    if has_inputs:
        bg = res.background_d3_ug_day
        person = sim.person
        if person is not None and person.baseline_25ohd_nmol_l is not None:
            what = "annual mean " if sim.sun is not None else ""
            print(f"unexplained background vitamin D3 input matching the {what}baseline 25(OH)D "
                  f"{person.baseline_25ohd_nmol_l:g} nmol/L: {bg:.2f} ug/day", file=sys.stderr)
        else:
            print(f"no baseline 25(OH)D given: background vitamin D3 input {bg:.2f} ug/day", file=sys.stderr)
    out = []
    if sim.sun is not None and "25ohd" in res.units:
        from ..plots import plot_sun_year
        p = plot.with_name(plot.stem + "-sun.png")
        plot_sun_year(res, path=p)
        out.append(p)
    return out
