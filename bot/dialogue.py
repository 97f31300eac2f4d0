"""Which answer a turn gets: the intent, what the message names, and the context.

Pure functions of a :class:`Turn` and the current :class:`~bot.facts.live.Facts`,
so the conversation logic is tested without Rasa. The actions build the turn
from the tracker and render what comes back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot import answers
from bot.answers import Answer
from bot.entities import Mentions
from bot.facts.live import Facts
from bot.text import content_lemmas, tokens
from bot.wording import CLARIFY_LABELS, QUESTION_WORDS, WORDING

#: Words that ask for the list of characteristics rather than the definition.
LIST_WORDS = frozenset({"characteristic", "feature", "trait", "property", "attribute", "hallmark"})
#: Words that point back at the concept in context ("examples of it").
PRONOUNS = frozenset({"it", "its", "it's", "this", "that", "them", "they", "their"})
OTHER_WORDS = frozenset({"other", "another", "opposite"})
#: Framing words of a recommendation request, left out when no task span was found.
RECOMMEND_FRAME = frozenset(
    "outsource outsourcing fit fits suit suitable better should would which recommend recommendation choose "
    "pick go model type kind option company process need want".split()
)
#: Intents the clarification may offer; the others are not worth a button.
OFFERABLE = tuple(CLARIFY_LABELS)


@dataclass
class Context:
    """What the conversation was about before this turn (the slots)."""

    concept: str | None = None
    aspect: str | None = None
    characteristic: str | None = None
    task: str | None = None
    topic: str | None = None


@dataclass
class Turn:
    """One user message as the dialogue logic needs it."""

    text: str
    intent: str
    mentions: Mentions = field(default_factory=Mentions)
    context: Context = field(default_factory=Context)
    ranking: list[tuple[str, float]] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        return set(tokens(self.text))

    def refers_back(self) -> bool:
        return bool(self.words & PRONOUNS)

    def context_concept(self) -> str | None:
        """The concept named now, else the one in context."""
        return self.mentions.concept or self.context.concept


def _other(facts: Facts, concept: str | None) -> str | None:
    others = [c.abbreviation for c in facts.store.concepts() if c.abbreviation != concept]
    return others[0] if concept and others else None


def _topic_words(facts: Facts, text: str) -> str:
    """The content of a question, for "the document does not say anything about ...": its own words."""
    concept_words = {w for c in facts.store.concepts() for w in tokens(f"{c.abbreviation} {c.name}")}
    stops = set(QUESTION_WORDS) | concept_words
    kept = [w for w in re.findall(r"[\w/&'-]+", text) if w.lower() not in stops and content_lemmas(w)]
    return " ".join(kept) or "that"


# -- per intent -----------------------------------------------------------------


def on_define(facts: Facts, turn: Turn) -> list[Answer]:
    m, store = turn.mentions, facts.store
    if m.characteristic:
        return [answers.characteristic(store, m.characteristic, m.concept)]
    if m.aspect:  # "what is KPO's risk type?" asks for a row of the table
        one = m.concept if len(m.concepts) == 1 else None
        return [answers.compare_aspect(store, m.aspect, one, turn.text)]
    wants_list = bool(set(content_lemmas(turn.text)) & LIST_WORDS)
    if m.concepts:
        build = answers.characteristics if wants_list else answers.define
        return [build(store, c) for c in m.concepts]
    if turn.refers_back() and turn.context.concept:
        build = answers.characteristics if wants_list else answers.define
        return [build(store, turn.context.concept)]
    found = answers.search(store, turn.text)
    if found is not None:
        return [found]
    topic = _topic_words(facts, turn.text)
    if wants_list or topic == "that":
        return [answers.which_concept(store, "define")]
    return [answers.not_in_document(store, topic)]


def on_compare(facts: Facts, turn: Turn) -> list[Answer]:
    m, store = turn.mentions, facts.store
    if turn.intent == "similarities":
        return [answers.similarities(store)]
    if m.aspect:
        one = m.concept if len(m.concepts) == 1 else None
        if one is None and not m.concepts and turn.refers_back():
            one = turn.context.concept
        return [answers.compare_aspect(store, m.aspect, one, turn.text)]
    if m.characteristic:
        return [answers.characteristic(store, m.characteristic, m.concept)]
    return [answers.compare(store)]


def on_example(facts: Facts, turn: Turn) -> list[Answer]:
    m, store = turn.mentions, facts.store
    if m.task:
        return [answers.is_example(store, facts.recommender, m.task, m.concept)]
    if m.concepts:
        return [answers.examples(store, c) for c in m.concepts]
    if turn.refers_back() and turn.context.concept:
        return [answers.examples(store, turn.context.concept)]
    return [answers.examples(store)]


def on_recommend(facts: Facts, turn: Turn) -> list[Answer]:
    task = turn.mentions.task or _task_from_text(facts, turn.text)
    if not task:
        return [Answer(WORDING["recommend_no_task"], topic="ask_task", found=False)]
    return [answers.recommend(facts.store, facts.recommender, task)]


def on_inform(facts: Facts, turn: Turn) -> list[Answer]:
    task = turn.mentions.task
    if task is None and turn.context.topic in ("ask_task", "recommend"):
        task = _task_from_text(facts, turn.text)
    if task:
        return [answers.recommend(facts.store, facts.recommender, task)]
    if turn.mentions.concept:
        return [answers.define(facts.store, turn.mentions.concept)]
    return [Answer(WORDING["recommend_no_task"], topic="ask_task", found=False)]


def on_follow_up(facts: Facts, turn: Turn) -> list[Answer]:
    m, ctx, store = turn.mentions, turn.context, facts.store
    concept = m.concept
    if concept is None and turn.words & OTHER_WORDS:
        concept = _other(facts, ctx.concept)
    if m.aspect:
        return [answers.compare_aspect(store, m.aspect, concept or ctx.concept, turn.text)]
    if m.characteristic:
        return [answers.characteristic(store, m.characteristic, concept)]
    if m.task:
        if ctx.topic == "example":
            return [answers.is_example(store, facts.recommender, m.task, concept or ctx.concept)]
        return [answers.recommend(store, facts.recommender, m.task)]
    if concept is None:
        if ctx.topic is None:
            first = store.concepts()[0].abbreviation
            names = " and ".join(c.abbreviation for c in store.concepts())
            return [Answer(WORDING["follow_up_nothing"].format(concepts=names, first=first), found=False)]
        return [answers.which_concept(store, "follow_up")]
    topic = ctx.topic
    if topic == "characteristics":
        return [answers.characteristics(store, concept)]
    if topic == "characteristic" and ctx.characteristic:
        return [answers.characteristic(store, ctx.characteristic, concept)]
    if topic == "aspect" and ctx.aspect:
        return [answers.compare_aspect(store, ctx.aspect, concept)]
    if topic == "example":
        if ctx.task:
            return [answers.is_example(store, facts.recommender, ctx.task, concept)]
        return [answers.examples(store, concept)]
    return [answers.define(store, concept)]


def on_clarify(facts: Facts, turn: Turn) -> list[Answer]:
    """Offer the two likeliest readings of an unclear message, plus "something else"."""
    entities = {}
    for key, value in (("concept", turn.mentions.concept), ("aspect", turn.mentions.aspect),
                       ("characteristic", turn.mentions.characteristic), ("task", turn.mentions.task)):
        if value:
            entities[key] = value
    suffix = json.dumps(entities) if entities else ""
    # "help" and "out_of_scope" are what "Something else" leads to anyway
    choices = [name for name, _ in turn.ranking if name in OFFERABLE and name not in ("help", "out_of_scope")][:2]
    buttons = [{"title": CLARIFY_LABELS[name], "payload": f"/{name}{suffix}"} for name in choices]
    buttons.append({"title": WORDING["clarify_other"], "payload": "/help"})
    return [Answer(WORDING["clarify"], buttons=buttons, found=False)]


ROUTES = {
    "define": on_define,
    "compare": on_compare,
    "similarities": on_compare,
    "example": on_example,
    "recommend": on_recommend,
    "inform": on_inform,
    "follow_up": on_follow_up,
    "nlu_fallback": on_clarify,
}


def _task_from_text(facts: Facts, text: str) -> str:
    """The task in a message when NLU found no span: the message less names and framing words."""
    names = [n for c in facts.store.concepts() for n in (c.name, c.abbreviation)]
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", " ", text, flags=re.IGNORECASE)
    words = [w for w in re.findall(r"[\w&'-]+", text) if w.lower() not in RECOMMEND_FRAME]
    if not any(content_lemmas(w) for w in words):
        return ""
    while words and not content_lemmas(words[0]):
        words.pop(0)
    while words and not content_lemmas(words[-1]):
        words.pop()
    return " ".join(words)
