"""NLU lookup tables and synonyms generated from the store."""

from __future__ import annotations

import pytest
import yaml

from bot.facts.vocabulary import to_rasa_yaml, variants, vocabulary


@pytest.fixture()
def nlu(store):
    return yaml.safe_load(to_rasa_yaml(vocabulary(store)))


def _section(nlu, key, name):
    item = next(i for i in nlu["nlu"] if i.get(key) == name)
    return [line[2:] for line in item["examples"].splitlines()]


def test_lookup_tables_cover_every_name(nlu, document):
    assert _section(nlu, "lookup", "concept")[:3] == ["BPO", "business process outsourcing", "Business Process Outsourcing (BPO)"]
    aspects = _section(nlu, "lookup", "aspect")
    assert [a.name for a in document.aspects] == [a for a in aspects if a[0].isupper()]
    characteristics = set(_section(nlu, "lookup", "characteristic"))
    titles = {t.title for c in document.concepts for t in c.characteristics} | {s.title for s in document.similarities}
    assert titles <= characteristics
    assert len(titles) == 21  # 16 characteristics and 8 similarities, three titles shared


@pytest.mark.parametrize(
    ("canonical", "form"),
    [("BPO", "bpo"), ("BPO", "business process outsourcing"), ("KPO", "knowledge process outsourcing"),
     ("Risk Type", "risk type"), ("Talent-Intensive", "talent intensive"), ("High-Level Expertise", "high level expertise")],
)
def test_synonyms_map_spellings_to_the_canonical_value(nlu, canonical, form):
    assert form in _section(nlu, "synonym", canonical)


def test_lookups_have_no_case_duplicates(nlu):
    for item in nlu["nlu"]:
        if "lookup" in item:
            values = [line[2:].lower() for line in item["examples"].splitlines()]
            assert len(values) == len(set(values))


def test_variants():
    assert variants("Talent-Intensive") == ["talent-intensive", "talent intensive", "talentintensive"]
    assert "scalability & flexibility" in variants("Scalability and Flexibility")
