"""Food composition table: vitamin K vitamers, vitamin D forms, calcium and fat.

Values are per 100 g of edible portion. A value nobody measured is ``None``
("not measured"); a 0 means a source reported zero / not detected. Every
value carries its source (citation key from ``references.bib``).

Only the standard library is used.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

try:  # join the package-wide exception family when it exists
    from calcifate.errors import CalcifateError as _BaseError
except Exception:  # pragma: no cover - standalone use
    class _BaseError(Exception):
        """Fallback base when calcifate.errors is unavailable."""

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FOODS_CSV = DATA_DIR / "foods.csv"
ALTERNATIVES_CSV = DATA_DIR / "foods_alternatives.csv"
ASSUMPTIONS_CSV = DATA_DIR / "food_assumptions.csv"
REFERENCES_CSV = DATA_DIR / "intake_references.csv"
BIB_FILE = DATA_DIR / "references.bib"


@dataclass(frozen=True)
class Nutrient:
    key: str          # canonical short name used in code ("mk7")
    column: str       # column in foods.csv ("mk7_ug")
    label: str        # human label
    unit: str         # unit per 100 g
    group: str        # provenance group: k1 | k2 | vitd | calcium_fat


NUTRIENTS: tuple[Nutrient, ...] = (
    Nutrient("k1", "k1_ug", "vitamin K1 (phylloquinone)", "µg", "k1"),
    Nutrient("dk1", "dk1_ug", "dihydrophylloquinone", "µg", "k1"),
    Nutrient("mk4", "mk4_ug", "MK-4 (menatetrenone)", "µg", "k2"),
    Nutrient("mk5", "mk5_ug", "MK-5", "µg", "k2"),
    Nutrient("mk6", "mk6_ug", "MK-6", "µg", "k2"),
    Nutrient("mk7", "mk7_ug", "MK-7", "µg", "k2"),
    Nutrient("mk8", "mk8_ug", "MK-8", "µg", "k2"),
    Nutrient("mk9", "mk9_ug", "MK-9", "µg", "k2"),
    Nutrient("mk10", "mk10_ug", "MK-10", "µg", "k2"),
    Nutrient("k2_unsplit", "k2_unsplit_ug", "menaquinones, chain length not split", "µg", "k2"),
    Nutrient("vitd_total", "vitd_total_ug", "vitamin D (D2 + D3)", "µg", "vitd"),
    Nutrient("d3", "d3_ug", "vitamin D3 (cholecalciferol)", "µg", "vitd"),
    Nutrient("d2", "d2_ug", "vitamin D2 (ergocalciferol)", "µg", "vitd"),
    Nutrient("oh25d3", "oh25d3_ug", "25-hydroxyvitamin D3 (calcifediol)", "µg", "vitd"),
    Nutrient("calcium", "calcium_mg", "calcium", "mg", "calcium_fat"),
    Nutrient("fat", "fat_g", "total fat", "g", "calcium_fat"),
)
NUTRIENT_BY_KEY: dict[str, Nutrient] = {n.key: n for n in NUTRIENTS}
MK_KEYS = ("mk4", "mk5", "mk6", "mk7", "mk8", "mk9", "mk10")
SOURCE_GROUPS = ("k1", "k2", "vitd", "calcium_fat")

_ALIASES = {
    "k1": ["k1", "vitamin k1", "vit k1", "phylloquinone", "phytonadione", "pk", "vitamin k"],
    "dk1": ["dk1", "dk", "dihydrophylloquinone", "dihydro k1", "dihydro-k1"],
    "k2_unsplit": ["k2 unsplit", "k2_unsplit", "menaquinones unsplit"],
    "vitd_total": ["vitamin d", "vit d", "vitd", "d", "vitamin d total", "d2+d3", "d2 + d3", "vitd total"],
    "d3": ["d3", "vitamin d3", "vit d3", "cholecalciferol", "colecalciferol"],
    "d2": ["d2", "vitamin d2", "vit d2", "ergocalciferol"],
    "oh25d3": ["25ohd3", "25(oh)d3", "25-oh-d3", "25 oh d3", "25ohd", "25(oh)d", "calcifediol",
               "25-hydroxyvitamin d3", "oh25d3"],
    "calcium": ["calcium", "ca"],
    "fat": ["fat", "total fat", "lipid"],
}
for _n in range(4, 11):
    _ALIASES[f"mk{_n}"] = [f"mk{_n}", f"mk-{_n}", f"mk {_n}", f"menaquinone-{_n}", f"menaquinone {_n}",
                           f"k2 mk{_n}", f"k2 mk-{_n}", f"vitamin k2 mk-{_n}"]
_ALIASES["mk4"] += ["menatetrenone"]


def _norm_nutrient(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("_", " ").replace("µ", "u"))


NUTRIENT_ALIASES: dict[str, str] = {}
for _key, _names in _ALIASES.items():
    for _name in _names + [_key]:
        NUTRIENT_ALIASES[_norm_nutrient(_name)] = _key


class UnknownFoodError(_BaseError, ValueError):
    """A food name that is not in the table. ``suggestions`` lists close names."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()):
        self.name = name
        self.suggestions = list(suggestions)
        msg = f"unknown food {name!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)


class UnknownNutrientError(_BaseError, ValueError):
    """A nutrient name that cannot be resolved."""

    def __init__(self, name: str):
        self.name = name
        close = difflib.get_close_matches(_norm_nutrient(name), list(NUTRIENT_ALIASES), n=3, cutoff=0.6)
        keys = sorted({NUTRIENT_ALIASES[c] for c in close})
        msg = f"unknown nutrient {name!r}; known: " + ", ".join(n.key for n in NUTRIENTS)
        if keys:
            msg = f"unknown nutrient {name!r}; did you mean " + ", ".join(keys) + "?"
        super().__init__(msg)


def resolve_nutrient(name: str) -> str:
    """Map names like 'MK-7', 'vitamin D', 'Ca', 'k1' to a canonical key."""
    key = NUTRIENT_ALIASES.get(_norm_nutrient(name))
    if key is None:
        key = NUTRIENT_ALIASES.get(_norm_nutrient(name).replace(" ", ""))
    if key is None:
        raise UnknownNutrientError(name)
    return key


# ---------------------------------------------------------------- provenance
@dataclass(frozen=True)
class SourceEntry:
    key: str                     # citation key
    ident: str | None            # e.g. NDB number
    nutrients: tuple[str, ...]   # nutrients covered; empty = whole group

    def covers(self, nutrient: str) -> bool:
        return not self.nutrients or nutrient in self.nutrients

    def __str__(self) -> str:
        s = self.key + (f":{self.ident}" if self.ident else "")
        return s + ("=" + ",".join(self.nutrients) if self.nutrients else "")


def parse_sources(text: str) -> tuple[SourceEntry, ...]:
    """Parse 'KEY[:ID][=n1,n2];KEY2...' into entries."""
    out = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        nutrients: tuple[str, ...] = ()
        if "=" in part:
            part, ns = part.split("=", 1)
            nutrients = tuple(n.strip() for n in ns.split(",") if n.strip())
        ident = None
        if ":" in part:
            part, ident = part.split(":", 1)
        out.append(SourceEntry(part.strip(), ident.strip() if ident else None, nutrients))
    return tuple(out)


# ---------------------------------------------------------------- food
def _fold(text: str) -> str:
    """Lower-case, strip accents and punctuation for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return text.strip()


@dataclass(frozen=True)
class Food:
    food_id: str
    name: str
    aliases: tuple[str, ...]
    group: str
    state: str
    values: Mapping[str, float | None]
    serving_g: float | None
    serving_desc: str
    sources: Mapping[str, tuple[SourceEntry, ...]]
    note: str = ""

    def value(self, nutrient: str) -> float | None:
        """Amount per 100 g, or None when not measured."""
        return self.values[resolve_nutrient(nutrient)]

    def is_measured(self, nutrient: str) -> bool:
        return self.value(nutrient) is not None

    def amount(self, nutrient: str, grams: float) -> float | None:
        v = self.value(nutrient)
        return None if v is None else v * grams / 100.0

    def per_serving(self, nutrient: str) -> float | None:
        if self.serving_g is None:
            return None
        return self.amount(nutrient, self.serving_g)

    def sources_for(self, nutrient: str) -> tuple[SourceEntry, ...]:
        key = resolve_nutrient(nutrient)
        group = NUTRIENT_BY_KEY[key].group
        return tuple(e for e in self.sources.get(group, ()) if e.covers(key))

    def names(self) -> tuple[str, ...]:
        return (self.food_id, self.name) + self.aliases

    @property
    def label(self) -> str:
        return f"{self.name} [{self.food_id}]"


def _to_float(text: str, where: str) -> float | None:
    text = (text or "").strip()
    if text == "":
        return None
    try:
        return float(text)
    except ValueError as exc:  # data error, not user error
        raise ValueError(f"{where}: not a number: {text!r}") from exc


@dataclass(frozen=True)
class SearchResult:
    food: Food
    score: float
    matched: str

    def __iter__(self):  # allows: for food, score in search(...)
        yield self.food
        yield self.score


class FoodTable:
    """An ordered, indexed collection of :class:`Food`."""

    def __init__(self, foods: Iterable[Food]):
        self.foods: tuple[Food, ...] = tuple(foods)
        self._by_id = {f.food_id: f for f in self.foods}
        if len(self._by_id) != len(self.foods):
            raise ValueError("duplicate food_id in food table")
        self._by_name: dict[str, Food] = {}
        for f in self.foods:  # ids and names first, then aliases (first one wins)
            for n in (f.food_id, f.name):
                self._by_name.setdefault(_fold(n), f)
        for f in self.foods:
            for n in f.aliases:
                self._by_name.setdefault(_fold(n), f)

    def __len__(self) -> int:
        return len(self.foods)

    def __iter__(self):
        return iter(self.foods)

    def __contains__(self, name: str) -> bool:
        return self.lookup(name) is not None

    def lookup(self, name: str) -> Food | None:
        """Exact (case/accent/punctuation-insensitive) match on id, name or alias."""
        return self._by_id.get(name) or self._by_name.get(_fold(name))

    def get(self, name: str) -> Food:
        food = self.lookup(name)
        if food is None:
            suggestions = [r.food.name + f" [{r.food.food_id}]" for r in self.search(name, limit=3)]
            raise UnknownFoodError(name, suggestions)
        return food

    def search(self, query: str, limit: int = 10, cutoff: float = 0.65) -> list[SearchResult]:
        """Case- and typo-tolerant search over ids, names and aliases.

        Scores: 1.0 exact, 0.9 whole-word containment, otherwise a difflib
        ratio over whole strings and single words.
        """
        q = _fold(query)
        if not q:
            return []
        q_words = q.split()
        results: list[SearchResult] = []
        for food in self.foods:
            best, best_name = 0.0, ""
            for name in food.names():
                n = _fold(name.replace("_", " "))
                if not n:
                    continue
                if n == q:
                    score = 1.0
                else:
                    n_words = n.split()
                    if all(w in n_words for w in q_words):
                        score = 0.9
                    elif q in n:
                        score = 0.8
                    else:
                        score = difflib.SequenceMatcher(None, q, n).ratio()
                        # word-level fuzzy match: each query word against the best word
                        long_words = [nw for nw in n_words if len(nw) >= 3] or n_words
                        word_scores = [max(difflib.SequenceMatcher(None, w, nw).ratio() for nw in long_words)
                                       for w in q_words]
                        score = max(score, 0.95 * sum(word_scores) / len(word_scores))
                if score > best:
                    best, best_name = score, name
            if best >= cutoff:
                results.append(SearchResult(food, round(best, 4), best_name))
        results.sort(key=lambda r: (-r.score, len(r.food.name), r.food.food_id))
        return results[:limit]

    def top(self, nutrient: str, n: int = 10, per: str = "100g") -> list[tuple[Food, float]]:
        """Foods with the most of ``nutrient``; foods where it is not measured are skipped."""
        key = resolve_nutrient(nutrient)
        if per not in ("100g", "serving"):
            raise ValueError(f"per must be '100g' or 'serving', not {per!r}")
        ranked = []
        for food in self.foods:
            v = food.values[key] if per == "100g" else food.per_serving(key)
            if v is not None:
                ranked.append((food, v))
        ranked.sort(key=lambda fv: (-fv[1], fv[0].food_id))
        return ranked[:n]


def read_food_csv(path: Path | str) -> FoodTable:
    path = Path(path)
    foods = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [n.column for n in NUTRIENTS if n.column not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {missing}")
        for lineno, row in enumerate(reader, start=2):
            where = f"{path.name}:{lineno}"
            values = {n.key: _to_float(row[n.column], f"{where} {n.column}") for n in NUTRIENTS}
            sources = {g: parse_sources(row.get(f"source_{g}", "")) for g in SOURCE_GROUPS}
            foods.append(Food(
                food_id=row["food_id"].strip(),
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip()),
                group=row.get("group", "").strip(),
                state=row.get("state", "").strip(),
                values=values,
                serving_g=_to_float(row.get("serving_g", ""), f"{where} serving_g"),
                serving_desc=row.get("serving_desc", "").strip(),
                sources=sources,
                note=row.get("note", "").strip(),
            ))
    return FoodTable(foods)


@functools.lru_cache(maxsize=None)
def _load_cached(path: str) -> FoodTable:
    return read_food_csv(path)


def load_food_table(path: Path | str | None = None) -> FoodTable:
    """Load (and cache) the food table; default is the packaged ``foods.csv``."""
    return _load_cached(str(Path(path) if path is not None else FOODS_CSV))


def search(query: str, limit: int = 10) -> list[SearchResult]:
    return load_food_table().search(query, limit=limit)


def get(name: str) -> Food:
    return load_food_table().get(name)


def top(nutrient: str, n: int = 10, per: str = "100g") -> list[tuple[Food, float]]:
    return load_food_table().top(nutrient, n=n, per=per)


# ---------------------------------------------------------------- other data files
@dataclass(frozen=True)
class Assumption:
    name: str
    value: float
    low: float | None
    high: float | None
    unit: str
    citation_keys: tuple[str, ...]
    note: str
    assumption: bool


@functools.lru_cache(maxsize=None)
def load_assumptions() -> dict[str, Assumption]:
    out = {}
    with open(ASSUMPTIONS_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[row["name"]] = Assumption(
                name=row["name"],
                value=float(row["value"]),
                low=_to_float(row["low"], row["name"]),
                high=_to_float(row["high"], row["name"]),
                unit=row["unit"],
                citation_keys=tuple(k.strip() for k in row["citation_key"].split(";") if k.strip()),
                note=row["note"],
                assumption=row["assumption"].strip().lower() == "true",
            )
    return out


@dataclass(frozen=True)
class IntakeReference:
    nutrient: str
    body: str
    population: str
    kind: str
    value: float | None
    unit: str
    citation_key: str
    note: str


@functools.lru_cache(maxsize=None)
def load_intake_references() -> tuple[IntakeReference, ...]:
    with open(REFERENCES_CSV, newline="", encoding="utf-8") as fh:
        return tuple(IntakeReference(
            nutrient=row["nutrient"], body=row["body"], population=row["population"], kind=row["kind"],
            value=_to_float(row["value"], row["nutrient"]), unit=row["unit"],
            citation_key=row["citation_key"], note=row["note"],
        ) for row in csv.DictReader(fh))


@functools.lru_cache(maxsize=None)
def load_alternatives() -> tuple[dict[str, str], ...]:
    with open(ALTERNATIVES_CSV, newline="", encoding="utf-8") as fh:
        return tuple(dict(r) for r in csv.DictReader(fh))


def bib_keys(path: Path | str | None = None) -> set[str]:
    """Citation keys defined in a BibTeX file."""
    text = Path(path or BIB_FILE).read_text(encoding="utf-8")
    return set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", text))


def format_value(value: float | None, unit: str = "", digits: int = 3) -> str:
    """Human form; None prints as 'not measured'."""
    if value is None:
        return "not measured"
    text = f"{value:.{digits}g}" if abs(value) < 10 ** digits else f"{value:.0f}"
    return f"{text} {unit}".strip()


__all__ = [
    "NUTRIENTS", "NUTRIENT_BY_KEY", "MK_KEYS", "Nutrient", "Food", "FoodTable", "SearchResult",
    "SourceEntry", "UnknownFoodError", "UnknownNutrientError", "resolve_nutrient", "parse_sources",
    "read_food_csv", "load_food_table", "search", "get", "top", "Assumption", "load_assumptions",
    "IntakeReference", "load_intake_references", "load_alternatives", "bib_keys", "format_value",
    "DATA_DIR", "FOODS_CSV",
]
