"""Every citation key used in any data CSV exists in the one bibliography, references.bib."""
import csv
import re
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("calcifate.data")))
#: markers that are not citations: the project's own assumption or definition (sun_parameters.csv),
#: and approximate city coordinates (cities.csv; docs/sun.md says they are approximate)
NOT_KEYS = {"assumption", "definition", "approx"}


def bib_keys():
    text = (DATA / "references.bib").read_text(encoding="utf-8")
    return re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", text)


def _source_columns(header):
    return [h for h in header if h in ("source", "citation", "citation_key") or h.startswith("source_")]


def _keys(cell):
    """'KEY[:ID][=nutrients];KEY2' -> [KEY, KEY2]"""
    out = []
    for part in (cell or "").split(";"):
        part = part.split("=", 1)[0].split(":", 1)[0].strip()
        if part and part not in NOT_KEYS:
            out.append(part)
    return out


def test_bib_keys_are_unique_ignoring_case():
    keys = [k.lower() for k in bib_keys()]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, dupes


def test_only_one_bibliography():
    assert [p.name for p in DATA.glob("*.bib")] == ["references.bib"]


def test_every_citation_key_in_every_data_csv_is_in_references_bib():
    keys = set(bib_keys())
    files = sorted(DATA.rglob("*.csv"))
    names = {p.name for p in files}
    assert {"foods.csv", "sun_parameters.csv", "targets.csv", "bone.csv"} <= names
    missing, n_cells = [], 0
    for path in files:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            cols = _source_columns(reader.fieldnames or [])
            for row in reader:
                for c in cols:
                    for k in _keys(row[c]):
                        n_cells += 1
                        if k not in keys:
                            missing.append(f"{path.relative_to(DATA)}:{c}:{k}")
    assert n_cells > 500
    assert not missing, sorted(set(missing))
