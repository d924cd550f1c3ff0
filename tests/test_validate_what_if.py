"""What-if runs of the validation registry: ``calcifate validate --set NAME=VALUE`` and
:func:`calcifate.simulation.what_if`."""

import pytest

from calcifate.cli import main
from calcifate.simulation import Simulation, what_if
from calcifate.validate import registry

JONES = next(t for t in registry.load_targets() if t.id == "jones2014_half_life_29")
ARMAS = next(t for t in registry.load_targets() if t.id == "armas2004_d3_tmax")


def test_what_if_reaches_every_simulation_and_own_assumptions_win():
    with what_if({"t_half_OHD3_days": 20.0, "Kp_fat": 50.0}):
        s = Simulation(None, None, duration_days=1, assumptions={"Kp_fat": 40.0})
        assert s.pset["t_half_OHD3_days"] == 20.0
        assert s.pset["Kp_fat"] == 40.0
    after = Simulation(None, None, duration_days=1)
    assert after.pset["t_half_OHD3_days"] == pytest.approx(15.1)


def test_what_if_changes_a_target_and_the_cached_runs_do_not_leak():
    # the tracer half-life row measures the model's intrinsic 25(OH)D3 half-life (15.1 d by default)
    before = registry.run_target(JONES).model_value
    changed = [o.model_value for o in registry.run_targets([JONES], what_if={"t_half_OHD3_days": 20.0})]
    after = registry.run_target(JONES).model_value
    assert before == pytest.approx(15.1, abs=0.3)
    assert changed[0] == pytest.approx(20.0, abs=0.4)
    assert after == pytest.approx(before, rel=1e-9)


def test_what_if_is_passed_to_worker_processes():
    out = {o.target.id: o.model_value
           for o in registry.run_targets([JONES, ARMAS], jobs=2, what_if={"t_half_OHD3_days": 20.0})}
    assert out["jones2014_half_life_29"] == pytest.approx(20.0, abs=0.4)


def test_cli_set_prints_that_it_is_a_what_if_run(capsys):
    rc = main(["validate", "--only", "jones2014_half_life_29", "--set", "t_half_OHD3_days=20"])
    out = capsys.readouterr().out
    assert rc == 1  # 20 days is outside the row's tolerance (12.0-18.1)
    assert "what-if run" in out and "t_half_OHD3_days = 20" in out


@pytest.mark.parametrize("item", ["nonsense=2", "t_half_OHD3_days=abc", "t_half_OHD3_days", "Kp_fat=inf"])
def test_cli_set_refuses_bad_items(item, capsys):
    assert main(["validate", "--only", "jones2014_half_life_29", "--set", item]) == 2
    assert "--set" in capsys.readouterr().err
