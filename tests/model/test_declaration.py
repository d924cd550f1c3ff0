import csv
import re
from importlib import resources

import pytest

from calcifate.knowledge.parameters import SETS, load_parameter_set
from calcifate.model import build_model


def bib_keys():
    text = resources.files("calcifate.data").joinpath("references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"@\w+\{([^,]+),", text))


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_parameter_has_unit_source_and_range_if_assumed(name):
    ps = load_parameter_set(name)
    keys = bib_keys()
    for info in ps.info.values():
        assert info.unit.strip(), f"{info.name} has no unit"
        assert info.citation_keys, f"{info.name} has no source"
        for k in info.citation_keys:
            assert k in keys, f"{info.name}: source {k} not in references.bib"
        if info.assumption:
            assert info.low is not None and info.high is not None, f"assumption {info.name} lacks a range"
            assert info.low <= info.value <= info.high, f"{info.name} default outside its range"


@pytest.mark.parametrize("name", sorted(SETS))
def test_declaration_is_consistent(name):
    model = build_model()
    ps = load_parameter_set(name)
    model.check(ps.values())
    unused = set(ps.names) - model.symbols_used()
    # only the published model's unused constants and a unit conversion are allowed to be unused
    assert unused <= {"LsurvOCCgam", "TERIKA", "koutTGFGam", "GFR_ml_min_per_L_h"}, unused


def test_published_names_are_kept():
    names = build_model().state_names
    for s in ["PTH", "S", "PTmax", "B", "A", "P", "ECCPhos", "T", "R", "HAp", "OBfast", "OBslow", "OC", "ROB1", "L",
              "RNK", "M", "N", "O", "Q", "Qbone", "TGFB", "TGFBact", "RX2", "CREB", "BCL2", "TERISC", "SC"]:
        assert s in names
    ps = load_parameter_set("Peterson2010")
    for p in ["OralCa", "GFR", "T65", "Q0", "OC0", "OB0", "M0", "TGFBact0"]:
        assert p in ps


def test_upper_limits_and_targets_cite_known_sources():
    keys = bib_keys()
    for f, col in (("upper_limits.csv", "source"),):
        with resources.files("calcifate.data").joinpath(f).open() as fh:
            for r in csv.DictReader(fh):
                assert r[col] in keys
    with resources.files("calcifate.data.validation").joinpath("targets.csv").open() as fh:
        for r in csv.DictReader(fh):
            for k in r["citation"].split(";"):
                assert k in keys
