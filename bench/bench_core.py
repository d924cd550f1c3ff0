"""Benchmark: 10-year simulations, our reference solver vs libRoadRunner on the BioModels SBML,
and 10 years of daily vitamin D3 for the example person. Prints, in one run, both baseline timings,
their ratio, and the daily-D3 timing, with the machine and versions."""
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import scipy

import calcifate as cf

SBML = Path(__file__).resolve().parents[2] / "shared" / "reference" / "BIOMD0000000613.xml"
if not SBML.exists():  # clean clone without the workplace's shared folder: the CC0 copy in tests/data
    SBML = Path(__file__).resolve().parents[1] / "tests" / "data" / "BIOMD0000000613.xml"


def timed(f):
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def ours_baseline():
    cf.Simulation(None, None, duration_days=3652.5, parameter_set="Peterson2010").run()


def roadrunner_load():
    import roadrunner
    return roadrunner.RoadRunner(str(SBML))


def roadrunner_baseline(rr):
    rr.simulate(0, 87660, 3654)  # hours; daily output as in our run


def example_daily_d3():
    cf.Simulation(cf.Person.example(), cf.Regimen("1000 IU D3 daily"), duration_days=3652.5).run()


if __name__ == "__main__":
    import roadrunner
    print(f"{time.strftime('%Y-%m-%d')}  {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs, "
          f"Python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"libroadrunner {roadrunner.__version__}")
    a, _ = timed(ours_baseline)
    load, rr = timed(roadrunner_load)
    b, _ = timed(lambda: roadrunner_baseline(rr))
    print(f"10-year calcium core baseline (Peterson2010, daily output): calcifate reference solver {a:.2f} s; "
          f"libRoadRunner {b:.2f} s (+ {load:.2f} s to load and compile the SBML); "
          f"ratio calcifate/libRoadRunner {a / b:.2f} (simulate only), {a / (b + load):.2f} (with load)")
    c, _ = timed(example_daily_d3)
    print(f"10-year example person, 1000 IU vitamin D3 daily (3653 doses = hard breakpoints): "
          f"calcifate reference solver {c:.1f} s ({c / a:.0f}x the baseline run)")
