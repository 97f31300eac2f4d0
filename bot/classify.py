"""The guided classification: which table rows to ask, when to stop, and the result.

Pure functions over the store's comparison table, so the interview is tested
without Rasa. A row is asked when its values discriminate (neither contains the
other, so not Scalability's "High" / "Moderate to High"), it is not a list row,
and it does not measure what an earlier row measures (rows whose names share
a word, such as Expertise Required and Employee Expertise, count once).
Questions are asked in order of informativeness, at most ``MAX_QUESTIONS``,
and the interview stops as soon as the remaining ones cannot change the outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.facts.model import Aspect
from bot.facts.store import FactStore
from bot.text import content_lemmas, lemma, tokens

UNSURE = "unsure"
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
        return slug(self.row)


def slug(row: str) -> str:
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


QUESTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "classify" / "questions.yml"


@dataclass(frozen=True)
class QuestionSettings:
    """The reviewed order of rows and the rows that measure the same thing."""

    order: tuple[str, ...] = ()
    same_as: dict[str, str] = field(default_factory=dict)


def load_settings(path: str | Path = QUESTIONS_FILE) -> QuestionSettings:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return QuestionSettings(tuple(str(r) for r in data.get("order") or []),
                            {str(k): str(v) for k, v in (data.get("same_as") or {}).items()})


def questions(store: FactStore, settings: QuestionSettings | None = None) -> list[Question]:
    """The rows to ask, most informative first."""
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
    """The answers so far: row key -> concept abbreviation or ``UNSURE``.

    Attributes:
        answers: In the order given.
        preset: Row keys answered from the task's description, not by the user.
    """

    answers: dict[str, str] = field(default_factory=dict)
    preset: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"answers": dict(self.answers), "preset": list(self.preset)}

    @classmethod
    def from_dict(cls, data: dict | None) -> Interview:
        data = data or {}
        return cls(dict(data.get("answers") or {}), list(data.get("preset") or []))


def tally(interview: Interview, asked: list[Question]) -> dict[str, int]:
    concepts = list(asked[0].values) if asked else []
    counts = {c: 0 for c in concepts}
    for side in interview.answers.values():
        if side in counts:
            counts[side] += 1
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
    row: str
    side: str
    value: str
    preset: bool


@dataclass
class Outcome:
    """The result of an interview."""

    concept: str | None
    counts: dict[str, int]
    answered: int
    unsure: int
    reasons: list[Reason]
    confidence: str

    @property
    def mixed(self) -> bool:
        return self.concept is None and self.answered > 0


def outcome(all_questions: list[Question], interview: Interview) -> Outcome:
    by_key = {q.key: q for q in all_questions}
    counts = tally(interview, all_questions)
    reasons = [
        Reason(by_key[key].row, side, by_key[key].values.get(side, ""), key in interview.preset)
        for key, side in interview.answers.items() if key in by_key
    ]
    unsure = sum(1 for r in reasons if r.side == UNSURE)
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


def side_from_choice(question: Question, choice: str) -> str | None:
    """A button's value: a concept abbreviation of this row, or ``UNSURE``."""
    if choice == UNSURE or choice in question.values:
        return choice
    return None


# -- free-text answers ----------------------------------------------------------

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "classify" / "answers.yml"
NEGATIONS = frozenset({"not", "no", "never", "hardly", "n't", "nothing", "without", "barely"})


@dataclass(frozen=True)
class Cues:
    """Reviewed words that mark a free-text answer as pointing to a side."""

    sides: dict[str, frozenset[str]]
    unsure: tuple[str, ...]


def load_cues(path: str | Path = CUES_FILE) -> Cues:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    sides = {str(k): frozenset(lemma(str(w).lower()) for w in v or []) for k, v in (data.get("sides") or {}).items()}
    unsure = tuple(str(p).lower() for p in data.get("unsure") or [])
    return Cues(sides, unsure)


def side_from_text(question: Question, text: str, cues: Cues) -> str | None:
    """Which side a free-text answer points to, ``UNSURE``, or None if it cannot tell.

    The row's own values count double ("high", "specialized"), the reviewed cue
    words once; a negation just before a word ("not routine") gives it to the
    other side.
    """
    lowered = " ".join(tokens(text))
    if any(f" {' '.join(tokens(p))} " in f" {lowered} " for p in cues.unsure):
        return UNSURE
    words = tokens(text.replace("n't", " n't"))
    concepts = list(question.values)
    values = {c: set(content_lemmas(v)) for c, v in question.values.items()}
    scores = {c: 0.0 for c in concepts}
    for i, word in enumerate(words):
        base = lemma(word)
        negated = any(w in NEGATIONS or w == "t" for w in words[max(0, i - 3):i])
        for concept in concepts:
            hit = (2.0 if base in values[concept] else 0.0) + (1.0 if base in cues.sides.get(concept, ()) else 0.0)
            if hit:
                target = concept
                if negated and len(concepts) == 2:
                    target = concepts[1 - concepts.index(concept)]
                scores[target] += hit
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# -- from a task description ----------------------------------------------------


def preset_from_task(all_questions: list[Question], recommendation) -> dict[str, str]:  # noqa: ANN001
    """Rows a task's description already answers: a table cell it clearly matches.

    Args:
        all_questions: The rows asked.
        recommendation: A :class:`bot.recommend.Recommendation` for the task.

    Returns:
        Row key -> concept, for rows whose matched cells all point one way.
    """
    keys = {q.row: q.key for q in all_questions}
    found: dict[str, set[str]] = {}
    for concept, matches in recommendation.matches.items():
        for match in matches:
            item = match.evidence
            if item.kind != "table" or not match.whole:
                continue
            row = item.where.split(", ", 1)[-1]
            if row in keys:
                found.setdefault(keys[row], set()).add(concept)
    return {key: sides.pop() for key, sides in found.items() if len(sides) == 1}


def rows_without_wording(all_questions: list[Question], responses: dict) -> list[str]:
    """Rows asked with the generic question because domain.yml has no ``utter_ask_row_<row>``."""
    return [q.row for q in all_questions if f"utter_ask_row_{q.key}" not in responses]


def main() -> int:
    """``python -m bot.classify check``: report rows without their own wording or unknown to the table."""
    import sys

    from bot.facts.store import StoreError

    root = Path(__file__).resolve().parent.parent
    try:
        with FactStore.open() as store:
            settings = load_settings()
            asked = questions(store, settings)
            unknown = unknown_rows(store, settings)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8")) or {}
    missing = rows_without_wording(asked, domain.get("responses") or {})
    print(f"guided classification: {len(asked)} rows can be asked ({', '.join(q.row for q in asked)})")
    for row in missing:
        print(f"note: row '{row}' has no utter_ask_row_{slug(row)} in domain.yml; it is asked generically")
    for row in unknown:
        print(f"warning: data/classify/questions.yml names '{row}', which is no row of the table")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
