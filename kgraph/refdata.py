"""Reference data about Swedish public bodies, places, parties, office holders,
titles and topics, loaded once from ``data/reference`` (see its README for
sources and licences).

Every record becomes a :class:`RefEntity` with a stable key (the local part of
its IRI: ``municipality/1384``, ``party/s``) and the surface forms a text may
use for it. Matching itself lives in :mod:`kgraph.extract.gazetteer`.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from .errors import ReferenceDataError
from .resources import reference_dir
from .text import fold, slug

T = TypeVar("T")


@dataclass(frozen=True)
class Form:
    """A surface form of a reference entity.

    ``strict``: the first letter's case must match (proper names that are also
    words); ``weak``: the form is a common word or given name too, so it needs
    supporting context (a preposition before it, "kommun" after it).
    """

    text: str
    strict: bool = True
    weak: bool = False


@dataclass
class RefEntity:
    key: str
    cls: str
    label: str
    forms: list[Form] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MinisterTerm:
    name: str
    post: str
    ministry: str
    party: str
    start: dt.date | None
    end: dt.date | None
    government: str = ""
    wikidata: str = ""

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Title:
    title: str
    forms: tuple[str, ...]
    category: str
    org_type: str


@dataclass(frozen=True)
class TopicConcept:
    id: str
    pref_label: str
    alt_labels: tuple[str, ...]
    en_label: str
    broader: str


@dataclass
class Reference:
    entities: dict[str, RefEntity]
    ministers: list[MinisterTerm]
    titles: list[Title]
    topics: list[TopicConcept]
    given_names: dict[str, int]
    surnames: frozenset[str]
    name_stopwords: frozenset[str]
    ambiguous_given: frozenset[str]
    gender: dict[str, str]  # given name -> "f" / "m" where (almost) unambiguous
    by_domain: dict[str, str]  # web domain -> entity key
    county_short: dict[str, str]  # folded short county name ("halland") -> county code
    landscape_keys: dict[str, str]  # folded landscape name -> place key
    person_keys: dict[str, str]  # folded person name -> person key (office holders)
    terms_by_person: dict[str, list[MinisterTerm]] = field(default_factory=dict)
    # county governor's person key -> (county code, start, end) of each term (governors.csv)
    governor_terms: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = field(default_factory=dict)
    topic_by_id: dict[str, TopicConcept] = field(default_factory=dict)
    # tables and automata the extractors derive from this data, built once per Reference
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.topic_by_id:
            self.topic_by_id = {c.id: c for c in self.topics}

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """A table or automaton built from this reference data, once: ``build()`` the first time."""
        try:
            return self._derived[name]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[name] = build()
            return value

    def topic(self, concept_id: str) -> TopicConcept:
        return self.topic_by_id[concept_id]

    def minister_terms(self, person_key: str) -> list[MinisterTerm]:
        return self.terms_by_person.get(person_key, [])

    def governed_counties(self, person_key: str, day: dt.date | None) -> set[str]:
        """The codes of the counties the person governs on ``day`` (every county of a term, without a day)."""
        return {code for code, start, end in self.governor_terms.get(person_key, [])
                if day is None or ((start is None or start <= day) and (end is None or day < end))}

    def office_holder(self, post: str, day: dt.date) -> MinisterTerm | None:
        post = post.casefold()
        hits = [t for t in self.ministers if t.post.casefold() == post and t.holds_on(day)]
        return hits[0] if len(hits) == 1 else None


def person_key_for(name: str) -> str:
    return "person/" + slug(name)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReferenceDataError(f"{path}: cannot read reference table ({exc})") from exc


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _date(cell: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(cell[:10]) if cell else None
    except ValueError:
        return None


def _domain(url: str) -> str:
    url = url.strip().lower()
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    url = url.removeprefix("www.")
    return url.split("/")[0].strip()


def _add(entities: dict[str, RefEntity], ent: RefEntity) -> None:
    seen: set[tuple[str, bool, bool]] = set()
    forms = []
    for f in ent.forms:
        k = (f.text, f.strict, f.weak)
        if f.text and k not in seen:
            seen.add(k)
            forms.append(f)
    ent.forms = forms
    entities[ent.key] = ent


def _load_lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def _municipalities(d: Path, entities: dict[str, RefEntity], by_domain: dict[str, str],
                    weak: set[str]) -> None:
    for r in _rows(d / "municipalities.csv"):
        code = r["code"].zfill(4)
        key = f"municipality/{code}"
        name, full = r["name"], r["name_full"]
        forms = [Form(full), Form(name, weak=fold(name) in weak)]
        forms += [Form(a) for a in _split(r.get("aliases", ""))]
        attrs = {"scbCode": code, "county": r.get("county_code", "").zfill(2),
                 "wikidata": r.get("wikidata", ""), "organisationNumber": r.get("organisation_number", "")}
        _add(entities, RefEntity(key, "Municipality", full, forms, attrs))
        if r.get("website"):
            by_domain[_domain(r["website"])] = key


def _counties(d: Path, entities: dict[str, RefEntity], by_domain: dict[str, str],
              county_short: dict[str, str]) -> None:
    for r in _rows(d / "counties.csv"):
        code = r["code"].zfill(2)
        name, short = r["name"], r["short"]
        county_short[fold(short)] = code
        genitive = name[:-4].strip() if name.endswith(" län") else short  # "Hallands"
        _add(entities, RefEntity(f"county/{code}", "County", name, [Form(name)],
                                 {"scbCode": code, "wikidata": r.get("county_wikidata", ""), "short": short}))
        if r.get("region_name"):
            forms = [Form(r["region_name"])] + [Form(a) for a in _split(r.get("region_aliases", ""))]
            if r["region_name"].startswith("Region "):
                forms.append(Form(f"Region {short}"))
            if code != "09":  # every county but Gotland had a county council ("landsting") until 2019
                forms += [Form(f"Landstinget i {name}"), Form(f"Landstinget {name}"), Form(f"{genitive} läns landsting"),
                          Form(f"Landstinget {short}"), Form(f"Landstinget i {short}")]
            _add(entities, RefEntity(f"region/{code}", "Region", r["region_name"], forms,
                                     {"county": code, "wikidata": r.get("region_wikidata", "")}))
            if r.get("region_website"):
                by_domain[_domain(r["region_website"])] = f"region/{code}"
        cab = r.get("cab_name") or f"Länsstyrelsen i {name}"
        forms = [Form(cab), Form(f"Länsstyrelsen i {short}"), Form(f"Länsstyrelsen {short}"),
                 Form(f"Länsstyrelsen i {name}"), Form(f"Länsstyrelsen {genitive} län"),
                 Form(f"{genitive} länsstyrelse")]
        forms += [Form(a) for a in _split(r.get("cab_aliases", ""))]
        _add(entities, RefEntity(f"cab/{code}", "CountyAdministrativeBoard", cab, forms, {"county": code}))


def _generic(d: Path, file: str, prefix: str, default_cls: str, entities: dict[str, RefEntity],
             by_domain: dict[str, str], lower_ok: set[str]) -> None:
    path = d / file
    if not path.is_file():
        return
    for r in _rows(path):
        name = r.get("name", "")
        if not name:
            continue
        key = f"{prefix}/{r.get('id') or slug(name)}"
        cls = r.get("kind") or default_cls
        forms = [Form(name, strict=fold(name) not in lower_ok and not _lower_ok(name, cls))]
        for a in _split(r.get("aliases", "")):
            forms.append(Form(a, strict=not _lower_ok(a, cls) and a[:1].isupper()))
        for a in _split(r.get("abbreviations", "")) + _split(r.get("abbreviation", "")):
            if len(a) >= 2:
                forms.append(Form(a, strict=True))
        attrs = {"wikidata": r.get("wikidata", ""), "abbreviation": "|".join(
            _split(r.get("abbreviations", "")) + _split(r.get("abbreviation", ""))),
            "start": r.get("start", ""), "end": r.get("end", "")}
        _add(entities, RefEntity(key, cls, name, forms, attrs))
        if r.get("website"):
            by_domain[_domain(r["website"])] = key


# single-word names of agencies and government bodies that texts write in lower case
_LOWER_SUFFIXES = ("departementet", "verket", "myndigheten", "förmedlingen", "kassan", "inspektionen",
                   "regeringen", "riksdagen", "polisen", "kansliet", "nämnden", "domstolen", "rådet")


def _lower_ok(name: str, cls: str) -> bool:
    if " " in name.strip():
        return False
    low = name.casefold()
    return cls in ("Ministry", "Government", "Parliament", "GovernmentAgency") and low.endswith(_LOWER_SUFFIXES)


def _parties(d: Path, entities: dict[str, RefEntity]) -> None:
    for r in _rows(d / "parties.csv"):
        abbr = r["abbreviation"]
        forms = [Form(r["name"]), Form(r["name"].lower(), strict=True)]
        if r.get("official_name"):
            forms.append(Form(r["official_name"]))
        # abbreviations are read only as party markers ("(S)"), never as free words
        forms += [Form(a) for a in _split(r.get("aliases", "")) if len(a) > 3]
        attrs = {"abbreviation": abbr, "wikidata": r.get("wikidata", ""),
                 "variants": "|".join([abbr] + _split(r.get("former_abbreviations", ""))
                                      + _split(r.get("abbreviation_variants", "")))}
        _add(entities, RefEntity(f"party/{abbr.lower()}", "PoliticalParty", r["name"], forms, attrs))


def _places(d: Path, entities: dict[str, RefEntity], landscapes: dict[str, str]) -> None:
    path = d / "landscapes_places.csv"
    if not path.is_file():
        return
    for r in _rows(path):
        if r.get("kind") == "land":
            continue  # "Sverige" is the frame of every text, not a place it names
        key = f"place/{r.get('id') or slug(r['name'])}"
        forms = [Form(r["name"])] + [Form(a) for a in _split(r.get("aliases", ""))]
        attrs = {"wikidata": r.get("wikidata", ""), "placeKind": r.get("kind", "")}
        if r.get("municipality"):  # a building: the SCB code of the municipality it stands in
            attrs["municipality"] = r["municipality"]
        _add(entities, RefEntity(key, "Place", r["name"], forms, attrs))
        landscapes[fold(r["name"])] = key


def _localities(d: Path, entities: dict[str, RefEntity]) -> None:
    """Localities that are no municipality's name (postal localities, localities.csv): places only where the text
    reads them as one ("i Exempelby", "till Exempelby", "Tingshuset, Exempelby"), never at a sentence's start
    or before another capitalised word; keyed by their name and the SCB code of their municipality."""
    path = d / "localities.csv"
    if not path.is_file():
        return
    for r in _rows(path):
        attrs = {"placeKind": "ort", "municipality": r["municipality"]}
        _add(entities, RefEntity(f"place/{r['id']}", "Place", r["name"], [Form(r["name"], weak=True)], attrs))


def _ministers(d: Path) -> list[MinisterTerm]:
    path = d / "ministers.csv"
    if not path.is_file():
        return []
    out = []
    for r in _rows(path):
        if not r.get("name") or not r.get("post"):
            continue
        out.append(MinisterTerm(r["name"], r["post"], r.get("ministry_id", ""), r.get("party", ""),
                                _date(r.get("start", "")), _date(r.get("end", "")),
                                r.get("government", ""), r.get("wikidata", "")))
    return out


def _titles(d: Path) -> list[Title]:
    out = []
    for r in _rows(d / "titles.csv"):
        t = r.get("title", "").strip()
        if not t:
            continue
        forms = tuple(dict.fromkeys([t] + _split(r.get("forms", ""))))
        out.append(Title(t, forms, r.get("category", ""), r.get("org_type", "")))
    return out


def _topics(d: Path) -> list[TopicConcept]:
    path = d / "topics.csv"
    if not path.is_file():
        return []
    return [TopicConcept(r["id"], r["pref_label"], tuple(_split(r.get("alt_labels", ""))),
                         r.get("en_label", ""), r.get("broader", ""))
            for r in _rows(path) if r.get("id") and r.get("pref_label")]


@lru_cache(maxsize=1)
def topic_scheme() -> dict[str, TopicConcept]:
    """The topic scheme by concept id, read alone (light: no other table read)."""
    return {c.id: c for c in _topics(reference_dir())}


def topic_broader() -> dict[str, str]:
    """Topic id -> its broader topic's id, from the topic scheme."""
    return {c.id: c.broader for c in topic_scheme().values() if c.broader}


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    """Load every table once per process."""
    d = reference_dir()
    entities: dict[str, RefEntity] = {}
    by_domain: dict[str, str] = {}
    county_short: dict[str, str] = {}
    landscapes: dict[str, str] = {}
    weak = {fold(x) for x in _load_lines(d / "weak_names.txt")}
    _municipalities(d, entities, by_domain, weak)
    _counties(d, entities, by_domain, county_short)
    _places(d, entities, landscapes)
    _localities(d, entities)
    # a county's short name alone ("Kronoberg") names the county where no
    # municipality or landscape has that name
    municipal = {fold(f.text) for e in entities.values() if e.cls == "Municipality" for f in e.forms}
    # ... and so does a landscape's name that is also a county's ("Västerbotten", "Dalarna"): the genre writes it
    # for the county, whose people, firms and councils it reports on
    for short, code in county_short.items():
        county = entities[f"county/{code}"]
        if short in municipal:
            continue
        if short in landscapes:
            land = entities[landscapes[short]]
            land.forms = [f for f in land.forms if fold(f.text) != short]
        county.forms.append(Form(county.attrs["short"]))
    _generic(d, "ministries.csv", "gov", "Ministry", entities, by_domain, set())
    _generic(d, "agencies.csv", "agency", "GovernmentAgency", entities, by_domain, set())
    _generic(d, "associations.csv", "org", "Association", entities, by_domain, set())
    _generic(d, "companies.csv", "org", "Company", entities, by_domain, set())
    _parties(d, entities)
    ministers = _ministers(d)
    person_keys: dict[str, str] = {}
    terms_by_person: dict[str, list[MinisterTerm]] = {}
    for term in ministers:
        key = person_key_for(term.name)
        terms_by_person.setdefault(key, []).append(term)
        person_keys[fold(term.name)] = key
        if key not in entities:
            _add(entities, RefEntity(key, "Person", term.name, [Form(term.name)],
                                     {"wikidata": term.wikidata}))
    # county governors: known people, so their names are found whatever their given name
    governor_terms: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    if (d / "governors.csv").is_file():
        for r in _rows(d / "governors.csv"):
            if r.get("name"):
                key = person_key_for(r["name"])
                if r.get("county_code"):
                    governor_terms.setdefault(key, []).append(
                        (r["county_code"].zfill(2), _date(r.get("start", "")), _date(r.get("end", ""))))
                person_keys.setdefault(fold(r["name"]), key)
                if key not in entities:
                    _add(entities, RefEntity(key, "Person", r["name"], [Form(r["name"])], {}))
    # the royal family: public persons a county's text names by title and given name ("Kronprinsessan Victoria")
    # or by title alone ("Kungen"), which no given-name reading finds
    for r in _rows(d / "royals.csv") if (d / "royals.csv").is_file() else []:
        key = person_key_for(r["name"])
        person_keys.setdefault(fold(r["name"]), key)
        _add(entities, RefEntity(key, "Person", r["name"], [Form(r["name"])] + [Form(f, strict=True)
                                                                           for f in _split(r.get("forms", ""))],
                                 {"wikidata": r.get("wikidata", "")}))
    given: dict[str, int] = {}
    gender: dict[str, str] = {}
    for r in _rows(d / "given_names.csv"):
        given[r["name"]] = total = int(r.get("bearers_2020") or 0)
        female, male = int(r.get("female") or 0), int(r.get("male") or 0)
        if total and female >= 0.95 * total:
            gender[r["name"]] = "f"
        elif total and male >= 0.95 * total:
            gender[r["name"]] = "m"
    surnames = frozenset(r["surname"] for r in _rows(d / "surnames_top100.csv"))
    stop = frozenset(_load_lines(d / "name_stopwords.txt"))
    ambiguous = frozenset(_load_lines(d / "ambiguous_given_names.txt"))
    if not entities:
        raise ReferenceDataError(f"{d}: no reference entities loaded")
    return Reference(entities, ministers, _titles(d), _topics(d), given, surnames, stop, ambiguous, gender,
                     by_domain, county_short, landscapes, person_keys, terms_by_person,
                     governor_terms=governor_terms)
