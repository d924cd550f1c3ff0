import subprocess
import sys

import pandas as pd
import pytest

import calcifate as cf
from calcifate.cli import main
from calcifate.errors import InputError, ScenarioError
from calcifate.inputs.scenario import parse_scenario

SCEN = """
duration_days = 10
outputs = ["25ohd", "pth", "serum_calcium"]
[person]
age_years = 50
[[dose]]
substance = "cholecalciferol"
amount = 2000
unit = "IU"
every_days = 1
"""


def test_scenario_parses_and_simulates(tmp_path):
    p = tmp_path / "s.toml"
    p.write_text(SCEN)
    out = tmp_path / "o.csv"
    assert main(["simulate", str(p), "-o", str(out), "-q"]) == 0
    df = pd.read_csv(out)
    assert list(df.columns) == ["time_days", "25ohd", "pth", "serum_calcium"]
    assert df.time_days.iloc[0] == 0 and df.time_days.iloc[-1] == 10
    assert df["25ohd"].iloc[-1] > df["25ohd"].iloc[0]


@pytest.mark.parametrize("text, field", [
    ("duration_days = 20000", "duration_days"),
    ("duration_days = 10\n[person]\nage_years = -3", "person.age_years"),
    ("duration_days = 10\n[person]\ngfr_ml_min = 2", "person.gfr_ml_min"),
    ("duration_days = 10\n[[dose]]\nsubstance = 'unobtainium'\namount = 1\nunit = 'mg'", "dose[0].substance"),
    ("duration_days = 10\n[[dose]]\nsubstance = 'D3'\namount = -5\nunit = 'IU'", "dose[0].amount"),
    ("duration_days = 10\n[[dose]]\nsubstance = 'calcium'\namount = 500\nunit = 'IU'", "dose[0].unit"),
    ("duration_days = 10\noutputs = ['25ohdd']", "outputs"),
])
def test_bad_input_names_the_field(text, field):
    with pytest.raises(InputError) as e:
        parse_scenario(text).simulation()
    assert field in str(e.value)


def test_malformed_toml_is_a_clear_error():
    with pytest.raises(ScenarioError):
        parse_scenario("duration_days = = 3")


def test_cli_bad_input_exits_2_without_traceback(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text("duration_days = 10\n[person]\nage_years = -1\n")
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(p)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "person.age_years" in r.stderr and "Traceback" not in r.stderr


def test_python_dash_m_calcifate_runs_the_cli():
    r = subprocess.run([sys.executable, "-m", "calcifate", "outputs"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "25ohd" in r.stdout and "nmol/L" in r.stdout
    r = subprocess.run([sys.executable, "-m", "calcifate", "foods", "show", "unobtainium"], capture_output=True,
                       text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_upper_limit_flagged_on_stderr_not_in_csv(tmp_path):
    p = tmp_path / "hi.toml"
    p.write_text("duration_days = 3\noutputs=['25ohd']\n[[dose]]\nsubstance='D3'\namount=10000\nunit='IU'\nevery_days=1\n")
    out = tmp_path / "hi.csv"
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(p), "-o", str(out), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert "WARNING" in r.stderr and "upper" in r.stderr
    assert "WARNING" not in out.read_text()


def test_regimen_sentences():
    r = cf.Regimen("2000 IU vitamin D3 daily for 12 weeks then 1000 IU daily; 500 mg calcium daily")
    a, b, c = r.doses
    assert (a.canonical_amount, a.stop_day, b.start_day, b.canonical_amount) == (50.0, 84.0, 84.0, 25.0)
    assert c.substance == "calcium"
    with pytest.raises(InputError):
        cf.Regimen("lots of vitamin D")


def test_model_describe_and_outputs(capsys):
    assert main(["model", "describe", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert "| PTH |" in text and "| T65 |" in text and "| 25ohd |" in text
    assert main(["outputs"]) == 0
    assert "bmd_femoral_neck_change" in capsys.readouterr().out


def test_result_tidy_parquet_and_plot(tmp_path):
    r = cf.Simulation(cf.Person.example(), None, duration_days=5, outputs=["25ohd", "pth"]).run()
    t = r.tidy()
    assert set(t.columns) == {"time_days", "variable", "value", "unit"}
    r.to_parquet(tmp_path / "r.parquet")
    assert len(pd.read_parquet(tmp_path / "r.parquet")) == len(t)
    r.plot(path=tmp_path / "r.png")
    assert (tmp_path / "r.png").stat().st_size > 1000


def test_validate_prints_markdown_rows_with_citation_and_tolerance(capsys):
    assert main(["validate", "--only", "gijsbers1996_fat", "--format", "markdown"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("| target | citation | role |")
    row = [c.strip() for c in out[2].strip("|").split("|")]
    assert row[0] == "gijsbers1996_fat" and row[1] == "Gijsbers1996" and row[2] == "calibration"
    assert row[5] == "2.5\u20134.0" and row[6] == "pass"
    assert out[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize("name, value, allowed", [
    ("f_dep", 2.0, "a share, 0..1"),
    ("F_MK7", -0.1, "a share, 0..1"),
    ("t_half_dep_days", 0.0, "a half-time > 0"),
    ("tau_cat_days", 0.0, "a time constant > 0"),
    ("meno_tau_years", -1.0, "a time constant > 0"),
    ("Vmax_25", -3.0, ">= 0 nmol/h"),
    ("T65", float("nan"), "a finite number"),
])
def test_impossible_parameter_overrides_are_refused_naming_field_and_range(name, value, allowed):
    text = f"duration_days = 1\n[parameters]\n{name} = {value!r}\n"  # repr(nan) is TOML's nan
    with pytest.raises(InputError) as e:
        parse_scenario(text).simulation()
    assert f"parameters.{name}" in str(e.value) and allowed in str(e.value)
    # the Python API's assumptions are held to the same limits
    with pytest.raises(InputError, match=f"assumptions.{name}"):
        cf.Simulation(cf.Person.example(), None, duration_days=1, assumptions={name: value})


def test_parameter_outside_its_plausible_range_runs_with_a_warning_on_stderr(tmp_path):
    p = tmp_path / "s.toml"
    p.write_text("duration_days = 1\n[parameters]\nt_half_dep_days = 40\n")
    r = subprocess.run([sys.executable, "-m", "calcifate.cli", "simulate", str(p), "-o", str(tmp_path / "o.csv"), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert "parameters.t_half_dep_days = 40" in r.stderr and "plausible range 0.5..30" in r.stderr
    assert "warning" not in (tmp_path / "o.csv").read_text()


def test_simulate_example_is_the_main_job_and_quiet_means_quiet(tmp_path, capsys):
    # README's first command: the example person on built-in defaults (2 years of 1000 IU D3 daily)
    out = tmp_path / "ex.csv"
    assert main(["simulate", "--example", "-q", "-o", str(out)]) == 0
    cap = capsys.readouterr()
    assert "%" not in cap.err and cap.out == ""  # -q: no progress bar, no summary
    df = pd.read_csv(out)
    assert df.time_days.iloc[0] == 0 and df.time_days.iloc[-1] == 730
    assert {"25ohd", "pth", "bmd_femoral_neck_change", "ucoc_percent", "arterial_calcium"} <= set(df.columns)
    assert df["25ohd"].iloc[-1] > df["25ohd"].iloc[0] + 15  # 1000 IU/day raises 25(OH)D from 50 nmol/L
    assert out.with_suffix(".png").exists()
