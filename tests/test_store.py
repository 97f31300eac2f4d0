"""The fact store: every query, ranking, the round trip, atomic rebuilds and errors."""

from __future__ import annotations

import sqlite3

import pytest

from bot.facts.parse import parse_file
from bot.facts.store import FactStore, StoreError, build_store, store_path
from bot.paths import ROOT
from tests.conftest import DOCUMENT, OTHER_DOCUMENT


def test_round_trip_document_to_store_to_dataclasses(store, document):
    assert store.documents() == [document]


def test_sources_report_file_and_hash(store, document):
    assert store.sources() == [("bpo_kpo.txt", document.sha256)]


@pytest.mark.parametrize(
    ("name", "abbreviation"),
    [
        ("BPO", "BPO"),
        ("kpo", "KPO"),
        ("Business Process Outsourcing", "BPO"),
        ("knowledge process outsourcing", "KPO"),
        ("Knowledge Process Outsourcing (KPO)", "KPO"),
        ("  bpo ", "BPO"),
    ],
)
def test_concept_by_name_abbreviation_or_heading(store, name, abbreviation):
    assert store.concept(name).abbreviation == abbreviation


@pytest.mark.parametrize("name", ["XPO", "", "outsourcing"])
def test_unknown_concept_is_none(store, name):
    assert store.concept(name) is None


@pytest.mark.parametrize(
    ("aspect", "concept", "value"),
    [
        ("Complexity", "KPO", "High"),
        ("complexity", "bpo", "Low to Medium"),
        ("Risk Type", "Knowledge Process Outsourcing", "Strategic Risks"),
        ("scalability", "KPO", "Moderate to High"),
        ("Employee Expertise", "BPO", "General Workforce"),
    ],
)
def test_aspect_value(store, aspect, concept, value):
    assert store.aspect_value(aspect, concept) == value


def test_aspect_for_both_concepts(store):
    aspect = store.aspect("customization")
    assert aspect.name == "Customization"
    assert aspect.values == {"BPO": "Limited", "KPO": "High"}


@pytest.mark.parametrize(("aspect", "concept"), [("Colour", "BPO"), ("Complexity", "XPO")])
def test_unknown_aspect_or_concept_gives_none(store, aspect, concept):
    assert store.aspect_value(aspect, concept) is None


def test_aspects_in_table_order(store):
    names = [a.name for a in store.aspects()]
    assert len(names) == 15 and names[0] == "Definition" and names[-1] == "Employee Expertise"


def test_characteristics_of_a_concept(store):
    titles = [c.title for c in store.characteristics("kpo")]
    assert len(titles) == 8 and titles[-1] == "Talent-Intensive"
    assert store.characteristics("XPO") == []


@pytest.mark.parametrize(
    ("title", "concept", "found"),
    [
        ("talent-intensive", None, ["KPO"]),
        ("Risk Management", None, ["BPO"]),
        ("Risk Management", "KPO", []),
        ("Strategic Value", "kpo", ["KPO"]),
        ("Nonexistent", None, []),
    ],
)
def test_characteristic_by_title(store, title, concept, found):
    assert [abbr for abbr, _ in store.characteristic(title, concept)] == found


def test_similarities(store):
    items = store.similarities()
    assert len(items) == 8 and items[0].title == "Outsourcing Strategy"
    assert store.similarity("vendor management").text.startswith("Managing external service providers")
    assert store.similarity("Talent-Intensive") is None


def test_examples(store):
    assert [e.text for _, e in store.examples("BPO")] == ["customer service", "payroll", "IT support"]
    assert [abbr for abbr, _ in store.examples()] == ["BPO"] * 3 + ["KPO"] * 6
    assert store.examples("XPO") == []


@pytest.mark.parametrize(
    ("text", "concept"),
    [("payroll", "BPO"), ("Payroll", "BPO"), ("customer service", "BPO"), ("R&D", "KPO"),
     ("market research", "KPO"), ("legal services", "KPO"), ("gardening", None)],
)
def test_concept_of_example(store, text, concept):
    assert store.concept_of_example(text) == concept


@pytest.mark.parametrize(
    ("query", "section", "contains"),
    [
        ("nearby country", "Business Process Outsourcing (BPO)", "nearshore"),
        ("offshore", "Business Process Outsourcing (BPO)", "offshore"),
        ("advanced degrees certifications", "Characteristics of KPO: Talent-Intensive", "advanced degrees"),
        ("time zones round-the-clock", "Characteristics of BPO: Global Reach and 24/7 Operations", "time zones"),
        ("Risk Type", "Key differences between BPO and KPO", "Risk Type: BPO: Operational Risks; KPO: Strategic Risks"),
    ],
)
def test_search_ranks_the_right_passage_first(store, query, section, contains):
    best = store.search(query)[0]
    assert best.section == section
    assert contains in best.text


def test_search_scores_descend_and_limit_applies(store):
    results = store.search("strategic knowledge expertise", limit=4)
    assert len(results) == 4
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "?!", "zzzxqy"])
def test_search_without_match_is_empty(store, query):
    assert store.search(query) == []


def test_search_ignores_fts_syntax(store):
    assert store.search('payroll" OR NEAR(') != []


def test_same_document_builds_identical_content(tmp_path, document):
    first = build_store([document], tmp_path / "a.db")
    second = build_store([document], tmp_path / "b.db")
    dump = [list(sqlite3.connect(p).iterdump()) for p in (first, second)]
    assert dump[0] == dump[1]


def test_rebuild_is_atomic_while_a_reader_is_open(tmp_path, document, other_document):
    path = build_store([document], tmp_path / "facts.db")
    reader = FactStore.open(path)
    assert not reader.is_stale()
    build_store([other_document], path)
    # The open reader still sees the store it opened, whole and consistent ...
    assert [c.abbreviation for c in reader.concepts()] == ["BPO", "KPO"]
    assert reader.aspect_value("Complexity", "KPO") == "High"
    assert reader.is_stale()
    # ... and a new reader sees the rebuilt one.
    with FactStore.open(path) as fresh:
        assert [c.abbreviation for c in fresh.concepts()] == ["SaaS", "IaaS"]
        assert not fresh.is_stale()
    reader.close()
    assert not list(tmp_path.glob("*.tmp"))


def test_failed_build_leaves_the_old_store(tmp_path, document):
    path = build_store([document], tmp_path / "facts.db")
    with pytest.raises(StoreError, match="concept 'BPO' is also defined in bpo_kpo.txt"):
        build_store([document, document], path)
    with FactStore.open(path) as store:
        assert len(store.concepts()) == 2
    assert not list(tmp_path.glob("*.tmp"))


def test_two_documents_in_one_store(tmp_path, document, other_document):
    path = build_store([document, other_document], tmp_path / "both.db")
    with FactStore.open(path) as store:
        assert [c.abbreviation for c in store.concepts()] == ["BPO", "KPO", "SaaS", "IaaS"]
        assert store.aspect_value("Control", "IaaS") == "High"
        assert store.documents() == [document, other_document]


def test_readers_cannot_write(store):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store._db.execute("DELETE FROM concepts")


def test_missing_store_says_how_to_build(tmp_path):
    with pytest.raises(StoreError, match=r"no fact store at .*absent.db: build it with `make facts`"):
        FactStore.open(tmp_path / "absent.db")


@pytest.mark.parametrize("content", [b"this is not sqlite", b""], ids=["garbage", "empty"])
def test_corrupt_store_says_how_to_build(tmp_path, content):
    path = tmp_path / "facts.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="make facts"):
        FactStore.open(path)


def test_sqlite_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a readable fact store"):
        FactStore.open(path)


def test_store_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTS_DB", str(tmp_path / "env.db"))
    assert store_path() == tmp_path / "env.db"
    assert store_path(tmp_path / "arg.db") == tmp_path / "arg.db"
    monkeypatch.delenv("FACTS_DB")
    assert store_path() == ROOT / "build" / "facts.db" and store_path().is_absolute()


def test_edited_wording_shows_after_rebuild(tmp_path):
    edited = tmp_path / "bpo_kpo.txt"
    edited.write_text(DOCUMENT.read_text(encoding="utf-8").replace("Low to Medium", "Low or Medium"), encoding="utf-8")
    path = build_store([parse_file(edited)], tmp_path / "facts.db")
    with FactStore.open(path) as store:
        assert store.aspect_value("Complexity", "BPO") == "Low or Medium"


def test_other_document_store_queries(tmp_path):
    path = build_store([parse_file(OTHER_DOCUMENT)], tmp_path / "facts.db")
    with FactStore.open(path) as store:
        assert store.concept("software as a service").abbreviation == "SaaS"
        assert store.concept_of_example("CRM") == "SaaS"
        assert store.search("operating system")[0].title == "Full Control"
