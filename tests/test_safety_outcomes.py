"""Outcome flags: model outputs past cited thresholds (data/outcome_thresholds.csv) are flagged on
standard error after a run, never written into the results."""
import subprocess
import sys

import pandas as pd
import pytest

from calcifate import safety
from calcifate.results.table import Result


def _result(**cols):
    n = len(next(iter(cols.values())))
    wide = pd.DataFrame({"time_days": [float(i) for i in range(n)], **cols})
    units = {"serum_calcium": "mmol/L", "25ohd": "nmol/L"}
    return Result(wide, {k: units[k] for k in cols}, {k: k for k in cols}, {})


def test_thresholds_are_cited_with_units():
    bib = safety.resources.files("calcifate.data").joinpath("references.bib").read_text(encoding="utf-8")
    rows = safety.outcome_thresholds()
    assert {r["output"] for r in rows} >= {"serum_calcium", "25ohd"}
    for r in rows:
        assert r["unit"] and float(r["value"]) > 0 and r["level"] in ("WARNING", "NOTE")
        assert r["direction"] in ("above", "below")
        for key in r["source"].split(";"):
            assert "{" + key + "," in bib, key


def test_hypercalcaemia_and_intoxication_flagged_with_day_and_peak():
    res = _result(serum_calcium=[2.35, 2.5, 2.93, 2.76], **{"25ohd": [60.0, 300.0, 511.0, 660.0]})
    out = safety.outcome_flags(res)
    ca = [x for x in out if x.startswith("WARNING: serum_calcium")]
    assert len(ca) == 1 and "2.93 mmol/L (day 2)" in ca[0] and "from day 2" in ca[0]
    d = [x for x in out if "25ohd" in x]
    # the intoxication WARNING replaces the lower 125 nmol/L NOTE
    assert len(d) == 1 and d[0].startswith("WARNING: 25ohd peaks at 660") and "from day 2" in d[0]


def test_nothing_flagged_in_the_normal_range_and_deficiency_noted():
    assert safety.outcome_flags(_result(serum_calcium=[2.35, 2.36], **{"25ohd": [60.0, 80.0]})) == []
    low = safety.outcome_flags(_result(serum_calcium=[2.35, 2.34], **{"25ohd": [40.0, 22.0]}))
    assert len(low) == 1 and low[0].startswith("NOTE: 25ohd falls to 22")


def test_unsaved_outputs_are_said_to_be_unchecked():
    out = safety.outcome_flags(_result(**{"25ohd": [60.0, 61.0]}))
    assert out == [x for x in out if x.startswith("NOTE")] and "serum_calcium" in out[-1]


def test_unit_mismatch_is_an_error():
    res = _result(serum_calcium=[2.35, 2.36])
    res.units["serum_calcium"] = "mg/dL"
    with pytest.raises(ValueError, match="serum_calcium"):
        safety.outcome_flags(res)


def test_cli_flags_intoxication_on_stderr_not_in_csv(tmp_path):
    p = tmp_path / "tox.toml"
    p.write_text("duration_days = 60\noutputs = ['25ohd', 'serum_calcium']\n"
                 "[[dose]]\nsubstance = 'vitamin D3'\namount = 50000\nunit = 'IU'\nevery_days = 1\n")
    out = tmp_path / "tox.csv"
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(p), "-o", str(out), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "WARNING: serum_calcium peaks at" in r.stderr and "hypercalcaemia" in r.stderr
    assert "WARNING: 25ohd peaks at" in r.stderr
    assert "WARNING" not in out.read_text()
