"""Benchmark: 10-year simulations, our reference solver vs libRoadRunner on the BioModels SBML,
and 10 years of daily vitamin D3 for the example person. Prints figures side by side as ratios."""
import time
from pathlib import Path

import numpy as np

import calcifate as cf

SBML = Path(__file__).resolve().parents[2] / "shared" / "reference" / "BIOMD0000000613.xml"


def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def ours_baseline():
    cf.Simulation(None, None, duration_days=3652.5, parameter_set="Peterson2010").run()


def roadrunner_baseline():
    import roadrunner
    rr = roadrunner.RoadRunner(str(SBML))
    rr.teri_dose_mcg = 0
    rr.simulate(0, 87660, 3654)


def example_daily_d3():
    cf.Simulation(cf.Person.example(), cf.Regimen("1000 IU D3 daily"), duration_days=3652.5).run()


if __name__ == "__main__":
    a, b = timed(ours_baseline), timed(roadrunner_baseline)
    print(f"10-year calcium core baseline: calcifate reference {a:.2f} s, libRoadRunner {b:.2f} s, ratio {a / b:.1f}x")
    c = timed(example_daily_d3)
    print(f"10-year example person, daily vitamin D3: calcifate reference {c:.1f} s ({c / a:.1f}x the baseline run)")
