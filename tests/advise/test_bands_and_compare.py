import numpy as np
import pytest

from calcifate.advise.bands import BAND_PARAMETERS, band_settings, run_with_bands
from calcifate.advise.compare import compare
from calcifate.cli import main
from calcifate.inputs.person import Person
from calcifate.inputs.regimen import Regimen
from calcifate.knowledge.parameters import load_parameter_set
from calcifate.simulation import Simulation


def test_banded_parameters_are_labelled_assumptions_with_ranges_including_zero_effect():
    ps = load_parameter_set("calcifate")
    for n in BAND_PARAMETERS:
        i = ps.info[n]
        assert i.assumption and i.low is not None and i.high is not None
        assert i.low <= i.value <= i.high
    for n in ("g_vd_oc", "e_oc_bmd", "I_art"):  # null end = no effect
        assert ps.info[n].low == 0.0
    assert len(band_settings()) == 2 * len(BAND_PARAMETERS)


def test_bands_bracket_the_default():
    sim = Simulation(Person.example(), Regimen("2000 IU D3 daily; 180 ug MK-7 daily"), duration_days=60,
                     outputs=["ucoc_percent", "dp_ucmgp", "arterial_calcium", "osteocalcin"],
                     output_interval_hours=24 * 10)
    res = run_with_bands(sim)
    w = res.wide
    for o in ("ucoc_percent", "dp_ucmgp", "arterial_calcium", "osteocalcin"):
        assert np.all(w[f"{o}_lo"] <= w[o] + 1e-12) and np.all(w[o] <= w[f"{o}_hi"] + 1e-12)
    assert (w.ucoc_percent_hi - w.ucoc_percent_lo).iloc[-1] > 0.1


def _compare_cli(tmp_path, person_toml: str, years: str, at: str):
    """Run ``calcifate compare`` on a person file; returns (rc, output csv path)."""
    f = tmp_path / "me.toml"
    f.write_text(person_toml)
    out = tmp_path / "cmp.csv"
    return main(["compare", str(f), "--years", years, "--at", at, "-o", str(out), "-q"]), out


def test_compare_cli_writes_table_and_plot(tmp_path, capsys):
    rc, out = _compare_cli(tmp_path, '[person]\nage_years = 66\nsex = "male"\n\n[[dose]]\nsubstance = "MK-7"\n'
                                     'amount = 90\nunit = "ug"\nevery_days = 1\n', "0.2", "0.1,0.2")
    assert rc == 0
    text = capsys.readouterr().out
    assert "D3 + K2" in text and "own plan" in text and "clinician" in text
    import pandas as pd
    tab = pd.read_csv(out)
    assert set(tab.scenario) == {"none", "D3", "K2 (MK-7)", "K2 (MK-4)", "D3 + K2", "own plan"}
    assert (tmp_path / "cmp.png").exists()
    k2 = tab[(tab.scenario == "K2 (MK-7)") & (tab.day == tab.day.max())].iloc[0]
    assert k2.ucoc_percent_vs_none < 0 and k2.dp_ucmgp_vs_none < 0
    assert k2["25ohd_vs_none"] == 0.0  # K2 alone does not move 25(OH)D: round-off is not reported


def test_compare_keeps_anticoagulant_in_every_scenario():
    c = compare(Person.example(), Regimen("5 mg warfarin daily").doses, years=0.1)
    assert "own plan" not in c.results
    for name in ("none", "D3"):
        assert c.results[name].wide.inr.iloc[-1] > 1.3
    for name in ("K2 (MK-7)", "D3 + K2"):  # vitamin K reverses the anticoagulant (flagged on every run)
        assert c.results[name].wide.inr.iloc[-1] < c.results["none"].wide.inr.iloc[-1]


def test_example_compare_file_parses():
    from pathlib import Path

    from calcifate.inputs.scenario import parse_scenario
    text = (Path(__file__).resolve().parents[2] / "examples" / "person_compare.toml").read_text()
    sc = parse_scenario("duration_days = 1\n" + text)
    assert sc.person.age_years == 66 and {d.substance for d in sc.doses} == {"vitamin D3", "MK-7"}


def test_compare_flags_outcomes_per_scenario_on_stderr(tmp_path, capsys):
    # an own plan of 50,000 IU/day D3: its scenario (only) is flagged for the intoxication range
    rc, out = _compare_cli(tmp_path, '[person]\nage_years = 50\nsex = "female"\nbaseline_25ohd_nmol_l = 60\n\n'
                                     '[[dose]]\nsubstance = "vitamin D3"\namount = 50000\nunit = "IU"\n'
                                     'every_days = 1\n', "0.25", "0.25")
    assert rc == 0
    err = capsys.readouterr().err
    flagged = [ln for ln in err.splitlines() if "WARNING: 25ohd" in ln]
    assert flagged and all(ln.startswith("[own plan]") for ln in flagged)
    assert "WARNING" not in out.read_text()
