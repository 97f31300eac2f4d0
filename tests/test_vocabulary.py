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


def test_wording_edit_keeps_the_vocabulary_file_and_a_new_name_changes_it(tmp_path):
    from bot.facts.parse import parse_file
    from bot.facts.store import FactStore, build_store
    from bot.facts.vocabulary import write_vocabulary
    from tests.conftest import DOCUMENT

    text = DOCUMENT.read_text(encoding="utf-8")
    out = tmp_path / "nlu"

    def build(document_text):
        path = tmp_path / "bpo_kpo.txt"
        path.write_text(document_text, encoding="utf-8")
        with FactStore.open(build_store([parse_file(path)], tmp_path / "facts.db")) as store:
            target, _ = write_vocabulary(store, out)
        return target, target.stat().st_mtime_ns, target.read_text()

    _, first_mtime, first = build(text)
    _, second_mtime, second = build(text.replace("Low to Medium", "Low or Medium"))
    assert second_mtime == first_mtime and second == first  # make train sees nothing new
    _, _, third = build(text.replace("Risk Type | Operational Risks | Strategic Risks |",
                                     "Risk Type | Operational Risks | Strategic Risks |\nPricing | Per Seat | Per Project |"))
    assert "- Pricing" in third and third != first  # a new aspect: make train retrains
