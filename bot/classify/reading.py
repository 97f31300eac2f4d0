"""Reading a typed answer to one of the guided classification's questions.

A typed answer ("pretty routine, anyone could do it") points to a concept when the
row's own values or the reviewed cue words of ``data/classify/answers.yml`` say so;
a negation just before a word gives it to the other concept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answering.recommend import Recommender
from bot.classify.interview import UNSURE, Question
from bot.paths import CLASSIFY_CUES
from bot.text import content_lemmas, lemma, tokens

NEGATIONS = frozenset({"not", "no", "never", "hardly", "n't", "nothing", "without", "barely", "zero", "none"})
#: What ends a negation's reach: "not strategy, just efficiency" negates strategy only.
CLAUSE_END = re.compile(r"[,;.!?]|\b(?:but|just|only|rather|instead)\b", re.IGNORECASE)
#: Words in a row's value that put it low or high on the row's scale ("Less Frequent", "High").
LOW_MARKS = frozenset({"low", "less", "limited", "little", "few"})
HIGH_MARKS = frozenset({"high", "more", "advanced", "much", "many"})


@dataclass(frozen=True)
class Scale:
    """Degree words of one kind (how often, how hard, how much).

    Attributes:
        marks: Lemmas in a row's name or values that make these words apply to it (none: any scale row).
        low: Lemmas that put an answer low on the row's scale ("rarely").
        high: Lemmas that put it high ("constantly").
    """

    marks: frozenset[str]
    low: frozenset[str]
    high: frozenset[str]

    def applies(self, question: Question) -> bool:
        """Whether the row is about what these words measure."""
        words = {lemma(w) for w in tokens(" ".join([question.row, *question.values.values()]))}
        return not self.marks or bool(words & self.marks)


@dataclass(frozen=True)
class Cues:
    """Reviewed words that mark a free-text answer as pointing to a concept.

    Attributes:
        concepts: Concept abbreviation -> the lemmas that point to it.
        unsure: Phrases that mean "not sure".
        scales: Degree words, by what they measure.
    """

    concepts: dict[str, frozenset[str]]
    unsure: tuple[str, ...]
    scales: tuple[Scale, ...] = ()


def load_cues(path: str | Path = CLASSIFY_CUES) -> Cues:
    """Read the reviewed cue words (``data/classify/answers.yml``)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    concepts = {str(k): _lemmas(v) for k, v in (data.get("concepts") or {}).items()}
    unsure = tuple(str(p).lower() for p in data.get("unsure") or [])
    scales = tuple(Scale(_lemmas(item.get("marks")), _lemmas(item.get("low")), _lemmas(item.get("high")))
                   for item in (data.get("scales") or {}).values())
    return Cues(concepts, unsure, scales)


def _lemmas(words: list[object] | None) -> frozenset[str]:
    return frozenset(lemma(str(w).lower()) for w in words or [])


def concept_from_text(question: Question, text: str, cues: Cues, recommender: Recommender | None = None) -> str | None:
    """Which concept a free-text answer points to, ``UNSURE``, or None if it cannot tell.

    A typed button label (one of the row's values) is that concept, always; a phrase of
    ``cues.unsure`` is ``UNSURE``. Otherwise the concept with the higher score
    (:func:`scores`), if any; failing that, the concept the document's evidence settles for
    the answer's words, as for a task ("the same payroll software everyone uses" names
    payroll, a BPO example), when a recommender is given.
    """
    said = " ".join(tokens(text))
    for concept, value in question.values.items():
        if said == " ".join(tokens(value)):
            return concept
    if any(f" {' '.join(tokens(p))} " in f" {said} " for p in cues.unsure):
        return UNSURE
    ranked = sorted(scores(question, text, cues).items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    if recommender is not None and ranked[0][1] == 0:
        fit = recommender.recommend(text).concept
        return fit if fit in question.values else None
    return None


def scores(question: Question, text: str, cues: Cues) -> dict[str, float]:
    """How strongly a free-text answer points to each concept of a row.

    The row's own values count double ("high", "specialized"), the reviewed cue words
    once, and a degree word ("rarely", "extremely") counts once for the value at that
    end of the row's scale ("Less Frequent", "High"). A negation earlier in the same
    clause ("not routine", "zero tailoring") gives a word to the other concept.
    """
    concepts = list(question.values)
    values = {c: set(content_lemmas(v)) for c, v in question.values.items()}
    ends = _scale_ends(question)
    low = set().union(*(s.low for s in cues.scales if s.applies(question))) if ends else set()
    high = set().union(*(s.high for s in cues.scales if s.applies(question))) if ends else set()
    result = {c: 0.0 for c in concepts}
    for clause in CLAUSE_END.split(text.replace("n't", " n't")):
        words = tokens(clause)
        for i, word in enumerate(words):
            base = lemma(word)
            negated = any(w in NEGATIONS or w == "t" for w in words[max(0, i - 3):i])
            for concept in concepts:
                hit = (2.0 if base in values[concept] else 0.0) + (1.0 if base in cues.concepts.get(concept, ()) else 0.0)
                if ends.get(concept) == "low" and base in low or ends.get(concept) == "high" and base in high:
                    hit += 1.0
                if hit:
                    target = concept
                    if negated and len(concepts) == 2:
                        target = concepts[1 - concepts.index(concept)]
                    result[target] += hit
    return result


def _scale_ends(question: Question) -> dict[str, str]:
    """Which concept's value is the low end of the row's scale and which the high, if the row has one."""
    ends = {}
    for concept, value in question.values.items():
        words = {w.lower() for w in tokens(value)}
        low, high = bool(words & LOW_MARKS), bool(words & HIGH_MARKS)
        if low != high:
            ends[concept] = "low" if low else "high"
    # a scale needs both ends, and one value per end ("Low to Medium" / "High")
    return ends if sorted(ends.values()) == ["high", "low"] and len(ends) == len(question.values) else {}
