"""Answers built from the fact store, independent of Rasa and of the channel.

Each function returns an :class:`Answer`: the text, any table, list or buttons,
and the part of the document it comes from. ``bot/render.py`` lays it out for
a channel; the actions only pick the function and pass the user's mentions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bot.facts.model import Concept
from bot.facts.store import FactStore
from bot.recommend import Recommendation, Recommender
from bot.text import content_lemmas
from bot.wording import QUESTION_WORDS, WORDING, say

#: The topic of an answer that offers the guided classification ("yes" then accepts it).
OFFER_TOPIC = "offer_classify"

#: A free-text passage answers a question when it holds at least this share of the
#: question's content words, and at least one of them.
SEARCH_COVERAGE = 0.5


@dataclass
class Answer:
    """What to tell the user, before it is laid out for a channel.

    Attributes:
        text: The answer in sentences.
        source: The part of the document it comes from ("" when it states no fact).
        table: Rows of a comparison, the first row a header.
        items: A list to show under the text.
        buttons: Suggested replies, ``{"title": ..., "payload": ...}``.
        found: False when the document does not answer the question.
        topic: What it was about, for follow-ups (define, characteristic, compare, aspect, ...).
        concept, aspect, characteristic, task: The context to keep for follow-ups.
    """

    text: str
    source: str = ""
    table: list[list[str]] | None = None
    items: list[str] = field(default_factory=list)
    buttons: list[dict[str, str]] = field(default_factory=list)
    found: bool = True
    topic: str | None = None
    concept: str | None = None
    aspect: str | None = None
    characteristic: str | None = None
    task: str | None = None


def _source(*parts: str) -> str:
    return say("source", where="; ".join(p for p in parts if p))


def _both(store: FactStore) -> str:
    return " and ".join(c.abbreviation for c in store.concepts())


def _concept_buttons(store: FactStore, intent: str, **extra: str) -> list[dict[str, str]]:
    buttons = []
    for concept in store.concepts():
        entities = {"concept": concept.abbreviation, **extra}
        payload = "/" + intent + "{" + ", ".join(f'"{k}": "{v}"' for k, v in entities.items()) + "}"
        buttons.append({"title": concept.abbreviation, "payload": payload})
    return buttons


# -- define ---------------------------------------------------------------------


def define(store: FactStore, concept: str) -> Answer:
    """The definition paragraph, with the acronym expanded."""
    found = _concept(store, concept)
    if found is None:
        return not_in_document(store, concept)
    text = say("define", abbreviation=found.abbreviation, name=found.name, definition=found.definition)
    return Answer(text, _source(f"{found.heading}, definition (line {found.line})"), topic="define",
                  concept=found.abbreviation)


def characteristics(store: FactStore, concept: str) -> Answer:
    """The titles of a concept's characteristics."""
    found = _concept(store, concept)
    if found is None:
        return not_in_document(store, concept)
    items = [item.title for item in found.characteristics]
    line = found.characteristics[0].line - 1 if found.characteristics else found.line
    return Answer(
        say("characteristics_intro", count=len(items), abbreviation=found.abbreviation),
        _source(f"Characteristics of {found.abbreviation} (from line {line})"),
        items=items, topic="characteristics", concept=found.abbreviation,
    )


def characteristic(store: FactStore, title: str, concept: str | None = None) -> Answer:
    """One titled characteristic (or similarity) in full."""
    owners = store.characteristic(title)
    similarity = store.similarity(title)
    asked = _concept(store, concept) if concept else None
    differences, similarities_heading = store.headings()
    for owner, item in owners:
        if asked is None or owner == asked.abbreviation:
            return Answer(
                say("characteristic", title=item.title, owner=owner, text=item.text),
                _source(f"Characteristics of {owner}: {item.title} (line {item.line})"),
                topic="characteristic", concept=owner, characteristic=item.title,
            )
    if similarity is not None:
        return Answer(
            say("similarity", title=similarity.title, both=_both(store), text=similarity.text),
            _source(f"{similarities_heading}: {similarity.title} (line {similarity.line})"),
            topic="characteristic", characteristic=similarity.title,
            concept=asked.abbreviation if asked else None,
        )
    if owners and asked is not None:
        owner, item = owners[0]
        return Answer(
            say("characteristic_other", title=item.title, asked=asked.abbreviation, owner=owner, text=item.text),
            _source(f"Characteristics of {owner}: {item.title} (line {item.line})"),
            topic="characteristic", concept=asked.abbreviation, characteristic=item.title,
        )
    return not_in_document(store, title)


# -- compare --------------------------------------------------------------------


def compare(store: FactStore) -> Answer:
    """The whole comparison table, with a one-line summary per concept."""
    concepts = store.concepts()
    aspects = store.aspects()
    heading, _ = store.headings()
    summaries = "; ".join(
        say("compare_summary", abbreviation=c.abbreviation,
             values=" and ".join(a.values[c.abbreviation].lower() for a in aspects[:2]))
        for c in concepts
    )
    table = [["Aspect", *(c.abbreviation for c in concepts)]]
    table += [[a.name, *(a.values.get(c.abbreviation, "") for c in concepts)] for a in aspects]
    return Answer(say("compare_intro", summaries=summaries), _source(f"{heading} (table)"),
                  table=table, topic="compare")


def compare_aspect(store: FactStore, aspect: str, concept: str | None = None, question: str = "") -> Answer:
    """One row of the table, for one concept or both.

    When the question names one of the row's values ("which needs specialized
    skills?"), the answer leads with the concept that has it.
    """
    row = store.aspect(aspect)
    heading, _ = store.headings()
    if row is None:
        return Answer(say("not_in_document_aspect", aspects=", ".join(a.name for a in store.aspects())),
                      found=False, topic="aspect")
    source = _source(f"{heading}, row {row.name} (line {row.line})")
    asked = _concept(store, concept) if concept else None
    lemmas = set(content_lemmas(question))
    holders = [c for c, v in row.values.items() if (v_l := set(content_lemmas(v))) and v_l <= lemmas
               and not any(set(content_lemmas(o)) == v_l for k, o in row.values.items() if k != c)]
    others = lambda who: " and ".join(  # noqa: E731
        say("aspect_other_value", value=v, abbreviation=c) for c, v in row.values.items() if c != who)
    if asked is None and len(holders) == 1:
        winner = holders[0]
        text = say("aspect_which", winner=winner, aspect_lower=row.name.lower(), value=row.values[winner],
                    others=others(winner))
        return Answer(text, source, topic="aspect", aspect=row.name, concept=winner)
    if asked is not None and asked.abbreviation in row.values:
        text = say("aspect_one", abbreviation=asked.abbreviation, aspect_lower=row.name.lower(),
                    value=row.values[asked.abbreviation], others=others(asked.abbreviation))
        return Answer(text, source, topic="aspect", aspect=row.name, concept=asked.abbreviation)
    pairs = "; ".join(say("aspect_pair", abbreviation=c, value=v) for c, v in row.values.items())
    return Answer(say("aspect_both", aspect=row.name, pairs=pairs), source, topic="aspect", aspect=row.name)


def similarities(store: FactStore) -> Answer:
    """The titled similarities, each with its first sentence."""
    _, heading = store.headings()
    items = [f"{s.title}: {s.text}" for s in store.similarities()]
    return Answer(say("similarities_intro", count=len(items), both=_both(store)),
                  _source(heading), items=items, topic="similarities")


# -- examples -------------------------------------------------------------------


def examples(store: FactStore, concept: str | None = None) -> Answer:
    """The examples each concept names (or one concept's)."""
    chosen = [_concept(store, concept)] if concept else store.concepts()
    if not chosen or chosen[0] is None:
        return not_in_document(store, concept or "")
    lines = [
        say("examples_intro", abbreviation=c.abbreviation, examples=", ".join(e.text for e in c.examples))
        for c in chosen
    ]
    heading, _ = store.headings()
    parts = [f"{c.heading}, definition" for c in chosen] + [f"{heading}, row Examples"]
    return Answer(" ".join(lines), _source(*parts), topic="example",
                  concept=chosen[0].abbreviation if concept else None)


def is_example(store: FactStore, recommender: Recommender, task: str, concept: str | None) -> Answer:
    """Whether the document gives ``task`` as an example of ``concept``."""
    owner = store.concept_of_example(task)
    asked = _concept(store, concept) if concept else None
    heading, _ = store.headings()
    if owner is not None:
        owner_concept = _concept(store, owner)
        assert owner_concept is not None
        source = _source(f"{owner_concept.heading}, definition", f"{heading}, row Examples")
        if asked is None or asked.abbreviation == owner:
            return Answer(say("example_yes", task=task, abbreviation=owner), source, topic="example",
                          concept=owner, task=task)
        return Answer(say("example_no", task=task, owner=owner, asked=asked.abbreviation), source,
                      topic="example", concept=owner, task=task)
    names = asked.abbreviation if asked else " or ".join(c.abbreviation for c in store.concepts())
    text = say("example_unnamed", task=task, asked=names)
    leader = recommender.recommend(task).concept
    if leader:
        text += say("example_unnamed_lean", leader=leader, task=task)
    return Answer(text, _source(f"the examples of {_both(store)} and {heading}, row Examples"),
                  topic="example", concept=asked.abbreviation if asked else None, task=task)


# -- recommend ------------------------------------------------------------------


def recommend(store: FactStore, recommender: Recommender, task: str) -> Answer:
    """Which concept fits a task, with the evidence that decided it."""
    owner = store.concept_of_example(task)
    if owner is not None:
        concept = _concept(store, owner)
        assert concept is not None
        return Answer(say("recommend_named", concept=owner, task=task),
                      _source(f"{concept.heading}, examples"), topic="recommend", concept=owner, task=task)
    result = recommender.recommend(task)
    if result.concept is None:
        return _unsettled(store, result)
    matches = list({m.evidence.phrase.casefold(): m for m in reversed(result.matches[result.concept])}.values())
    matches = sorted(matches, key=lambda m: -m.score)[:3]
    reasons = say("recommend_reason_lead") + _join([_evidence_phrase(m) for m in matches]) + "."
    if result.aliases:
        reasons += " " + " ".join(say("alias", alias=a, target=t) for a, t in result.aliases)
    return Answer(
        say("recommend", concept=result.concept, task=task, reasons=reasons),
        _source(*dict.fromkeys(m.evidence.where for m in matches)),
        topic="recommend", concept=result.concept, task=task,
    )


def _unsettled(store: FactStore, result: Recommendation) -> Answer:
    choices = " or ".join(c.abbreviation for c in store.concepts())
    sides = [
        f"{concept}: {_join([_evidence_phrase(m) for m in found[:2]])}"
        for concept, found in result.matches.items() if found
    ]
    detail = say("recommend_unsettled_both", detail="; ".join(sides)) if sides else say("recommend_unsettled_none")
    detail += " " + say("recommend_unsettled_hint")
    where = "; ".join(dict.fromkeys(m.evidence.where for found in result.matches.values() for m in found[:2]))
    offer = {"title": WORDING["classify_offer"], "payload": "/classify" + json.dumps({"task": result.task})}
    return Answer(say("recommend_unsettled", task=result.task, choices=choices, detail=detail),
                  _source(where) if where else "", buttons=[offer], found=False, topic=OFFER_TOPIC, task=result.task)


def _evidence_phrase(match) -> str:  # noqa: ANN001 - a bot.recommend.Match
    item = match.evidence
    if item.kind == "text":
        return say("evidence_text", words=", ".join(f'"{w}"' for w in match.words), where=item.where)
    key = {"example": "evidence_example", "table": "evidence_table", "such as": "evidence_such_as",
           "title": "evidence_title"}[item.kind]
    where = item.where.replace("comparison table, ", "")
    return say(key, concept=item.concept, phrase=item.phrase, where=where)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# -- free text ------------------------------------------------------------------


def search(store: FactStore, question: str) -> Answer | None:
    """A passage that answers a question no intent covers, or None if none matches well."""
    concept_words = {w for c in store.concepts() for w in content_lemmas(f"{c.abbreviation} {c.name}")}
    wanted = [w for w in dict.fromkeys(content_lemmas(question)) if w not in QUESTION_WORDS]
    specific = [w for w in wanted if w not in concept_words]
    if not specific:
        return None
    for passage in store.search(" ".join(specific), limit=5):
        have = set(content_lemmas(passage.text))
        covered = [w for w in specific if w in have]
        if covered and len(covered) / len(specific) >= SEARCH_COVERAGE:
            return Answer(say("search_hit", text=passage.text),
                          _source(f"{passage.section} (line {passage.line})"),
                          topic="search", concept=passage.concept)
    return None


def not_in_document(store: FactStore, topic: str) -> Answer:
    """The polite "the document does not say" answer."""
    topic = topic.strip() or "that"
    return Answer(say("not_in_document", topic=topic, concepts=_both(store)), found=False)


def which_concept(store: FactStore, intent: str, **extra: str) -> Answer:
    """Ask which concept was meant, with a button for each."""
    return Answer(say("which_concept"), buttons=_concept_buttons(store, intent, **extra), found=False)


def _concept(store: FactStore, name: str | None) -> Concept | None:
    return store.concept(name) if name else None
