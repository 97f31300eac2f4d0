"""The guided classification's interview: which table rows to ask, when to stop, and the result.

Pure functions over the store's comparison table, so the interview is tested
without Rasa. A row is asked when its values discriminate (neither contains the
other, so not Scalability's "High" / "Moderate to High") and it is not a list row.
A row that ``data/classify/questions.yml`` says measures what another row measures
(``same_as``: Employee Expertise counts with Expertise Required) is not asked on its
own. Questions are asked in the reviewed order of that file, at most
``MAX_QUESTIONS``, and the interview stops as soon as the remaining ones cannot
change the outcome. Each answer is a concept's abbreviation or ``UNSURE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.answering.recommend import Recommendation
from bot.facts.model import Aspect, Part
from bot.facts.store import FactStore
from bot.paths import CLASSIFY_QUESTIONS
from bot.text import lemma, tokens

#: An answer that points to no concept ("not sure").
UNSURE = "unsure"
#: The most questions an interview asks, a tie's one deciding question aside.
MAX_QUESTIONS = 7


@dataclass(frozen=True)
class Question:
    """One row of the table, asked as a question.

    Attributes:
        row: The row's name ("Complexity").
        values: Concept abbreviation -> the row's value for it.
        also: Rows that measure the same thing, counted with this one.
        line: The row's line in the document.
    """

    row: str
    values: dict[str, str]
    also: tuple[str, ...] = ()
    line: int = 0

    @property
    def key(self) -> str:
        """The row's key (:func:`slug`), in the slots, the buttons' payloads and ``utter_ask_row_<key>``."""
        return slug(self.row)


def slug(row: str) -> str:
    """A row's key: lower case, words joined by ``_`` ("Expertise Required" -> "expertise_required")."""
    return re.sub(r"[^a-z0-9]+", "_", row.lower()).strip("_")


def discriminates(aspect: Aspect) -> bool:
    """True if each value says something the others do not.

    "General Skills" / "Specialized Skills" discriminate; "High" / "Moderate to
    High" do not (one contains the other), nor does a list row (examples).
    """
    if aspect.items or len(aspect.values) < 2:
        return False
    # all words, stop words too: "Less Frequent" and "More Frequent" differ
    lemma_sets = [{lemma(t) for t in tokens(v)} for v in aspect.values.values()]
    return all(
        a and b and not a <= b and not b <= a
        for i, a in enumerate(lemma_sets) for b in lemma_sets[i + 1:]
    )


@dataclass(frozen=True)
class QuestionSettings:
    """The reviewed order of rows and the rows that measure the same thing."""

    order: tuple[str, ...] = ()
    same_as: dict[str, str] = field(default_factory=dict)


def load_settings(path: str | Path = CLASSIFY_QUESTIONS) -> QuestionSettings:
    """Read the reviewed settings (``data/classify/questions.yml``)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return QuestionSettings(tuple(str(r) for r in data.get("order") or []),
                            {str(k): str(v) for k, v in (data.get("same_as") or {}).items()})


def questions(store: FactStore, settings: QuestionSettings | None = None) -> list[Question]:
    """The rows to ask: in the reviewed order of ``data/classify/questions.yml``, then the table's."""
    settings = settings if settings is not None else load_settings()
    same_as = {slug(k): slug(v) for k, v in settings.same_as.items()}
    kept: dict[str, Question] = {}
    for aspect in store.aspects():
        if not discriminates(aspect):
            continue
        twin = kept.get(same_as.get(slug(aspect.name), ""))
        if twin is not None:
            kept[twin.key] = Question(twin.row, twin.values, (*twin.also, aspect.name), twin.line)
            continue
        question = Question(aspect.name, dict(aspect.values), (), aspect.line)
        kept[question.key] = question
    order = {slug(row): i for i, row in enumerate(settings.order)}
    table_order = list(kept)
    return sorted(kept.values(), key=lambda q: (order.get(q.key, len(order)), table_order.index(q.key)))


def unknown_rows(store: FactStore, settings: QuestionSettings) -> list[str]:
    """Rows the settings name that the table does not have."""
    rows = {slug(a.name) for a in store.aspects()}
    named = [*settings.order, *settings.same_as, *settings.same_as.values()]
    return [r for r in dict.fromkeys(named) if slug(r) not in rows]


@dataclass
class Interview:
    """The answers so far: row key -> concept abbreviation or ``UNSURE``; stored in a slot as a dict.

    Attributes:
        answers: In the order given.
        preset: Row keys answered from the task's description, not by the user.
        taken: Row key -> the key of the row whose typed answer also answered it.
    """

    answers: dict[str, str] = field(default_factory=dict)
    preset: list[str] = field(default_factory=list)
    taken: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The interview as the ``classify_interview`` slot holds it."""
        return {"answers": dict(self.answers), "preset": list(self.preset), "taken": dict(self.taken)}

    @classmethod
    def from_dict(cls, data: dict | None) -> Interview:
        """The interview a slot holds (``None`` for none yet)."""
        data = data or {}
        return cls(dict(data.get("answers") or {}), list(data.get("preset") or []), dict(data.get("taken") or {}))

    @property
    def asked(self) -> int:
        """How many rows the user answered to a question (not read from a task or another answer)."""
        return len(self.answers) - len(self.preset) - len(self.taken)

    @property
    def numbered(self) -> list[str]:
        """The rows the user answered to a question, in the order asked (question 1 first)."""
        return [k for k in self.answers if k not in self.preset and k not in self.taken]

    def forget(self, key: str) -> None:
        """Drop a row's answer, to ask it after all ("Correct <row>")."""
        self.answers.pop(key, None)
        if key in self.preset:
            self.preset.remove(key)
        self.taken.pop(key, None)


def question_budget(all_questions: list[Question]) -> int:
    """How many questions an interview over these rows asks at most (a tie's deciding one aside)."""
    return min(len(all_questions), MAX_QUESTIONS)


def tally(interview: Interview, asked: list[Question]) -> dict[str, int]:
    """How many answers point to each concept."""
    concepts = list(asked[0].values) if asked else []
    counts = {c: 0 for c in concepts}
    for concept in interview.answers.values():
        if concept in counts:
            counts[concept] += 1
    return counts


def next_question(all_questions: list[Question], interview: Interview) -> Question | None:
    """The next row to ask, or None when the outcome can no longer change.

    Up to ``MAX_QUESTIONS`` rows are asked; a tie after them asks one more row if
    there is one (a deciding question).
    """
    remaining = [q for q in all_questions if q.key not in interview.answers]
    if not remaining:
        return None
    counts = sorted(tally(interview, all_questions).values(), reverse=True)
    lead = counts[0] - (counts[1] if len(counts) > 1 else 0)
    budget = max(0, MAX_QUESTIONS - len(interview.answers))
    if budget == 0:
        return remaining[0] if lead == 0 and any(counts) else None
    if lead > budget:
        return None  # even if every remaining answer went the other way
    return remaining[0]


@dataclass
class Reason:
    """One answer behind an outcome.

    Attributes:
        row: The table row asked.
        concept: The concept the answer points to, or ``UNSURE``.
        value: The row's value for that concept ("" for ``UNSURE``).
        preset: True if it was read from the task's description, not answered.
        taken_from: The row whose typed answer it was read from ("" if answered itself).
    """

    row: str
    concept: str
    value: str
    preset: bool
    taken_from: str = ""


@dataclass
class Outcome:
    """The result of an interview.

    Attributes:
        concept: The recommended concept, or None when the answers do not settle it.
        counts: How many answers point to each concept.
        answered: Answers that point to a concept.
        unsure: Answers that were "not sure".
        reasons: Every answer, in the order given.
        confidence: "high", "fairly high", "low" or "none".
    """

    concept: str | None
    counts: dict[str, int]
    answered: int
    unsure: int
    reasons: list[Reason]
    confidence: str

    @property
    def mixed(self) -> bool:
        """True when answers point both ways and settle nothing."""
        return self.concept is None and self.answered > 0


def outcome(all_questions: list[Question], interview: Interview) -> Outcome:
    """The recommendation an interview's answers make, and how sure it is."""
    by_key = {q.key: q for q in all_questions}
    counts = tally(interview, all_questions)
    reasons = [
        Reason(by_key[key].row, concept, by_key[key].values.get(concept, ""), key in interview.preset,
               by_key[interview.taken[key]].row if interview.taken.get(key) in by_key else "")
        for key, concept in interview.answers.items() if key in by_key
    ]
    unsure = sum(1 for r in reasons if r.concept == UNSURE)
    answered = len(reasons) - unsure
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    concept = ranked[0][0] if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0) else None
    if concept is None:
        confidence = "none"
    else:
        agree = counts[concept]
        share = agree / answered if answered else 0.0
        if share == 1.0 and unsure == 0 and agree >= 3:
            confidence = "high"
        elif share >= 0.75:
            confidence = "fairly high"
        else:
            confidence = "low"
    return Outcome(concept, counts, answered, unsure, reasons, confidence)


def concept_from_choice(question: Question, choice: str) -> str | None:
    """A button's value: a concept abbreviation of this row, or ``UNSURE``; None for anything else."""
    if choice == UNSURE or choice in question.values:
        return choice
    return None


# -- from a task description ----------------------------------------------------


def preset_from_task(all_questions: list[Question], recommendation: Recommendation) -> dict[str, str]:
    """Rows a task's description already answers: a table cell it clearly matches.

    Args:
        all_questions: The rows asked.
        recommendation: The recommendation for the task, with its matched evidence.

    Returns:
        Row key -> concept, for rows whose matched cells all point one way.
    """
    keys = {q.row: q.key for q in all_questions}
    found: dict[str, set[str]] = {}
    for concept, matches in recommendation.matches.items():
        for match in matches:
            place = match.evidence.place
            if place.part != Part.ROW or not match.whole:
                continue
            if place.name in keys:
                found.setdefault(keys[place.name], set()).add(concept)
    return {key: concepts.pop() for key, concepts in found.items() if len(concepts) == 1}


def rows_without_wording(all_questions: list[Question], responses: dict[str, object]) -> list[str]:
    """Rows asked with the generic question because domain.yml has no ``utter_ask_row_<row>``."""
    return [q.row for q in all_questions if f"utter_ask_row_{q.key}" not in responses]
