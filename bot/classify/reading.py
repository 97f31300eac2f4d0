"""Reading a typed answer to one of the guided classification's questions.

A typed answer ("pretty routine, anyone could do it") points to a concept when the
row's own values or the reviewed cue words of ``data/classify/answers.yml`` say so;
a negation just before a word gives it to the other concept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.classify.interview import UNSURE, Question
from bot.paths import CLASSIFY_CUES
from bot.text import content_lemmas, lemma, tokens

NEGATIONS = frozenset({"not", "no", "never", "hardly", "n't", "nothing", "without", "barely"})


@dataclass(frozen=True)
class Cues:
    """Reviewed words that mark a free-text answer as pointing to a concept.

    Attributes:
        concepts: Concept abbreviation -> the lemmas that point to it.
        unsure: Phrases that mean "not sure".
    """

    concepts: dict[str, frozenset[str]]
    unsure: tuple[str, ...]


def load_cues(path: str | Path = CLASSIFY_CUES) -> Cues:
    """Read the reviewed cue words (``data/classify/answers.yml``)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    concepts = {str(k): frozenset(lemma(str(w).lower()) for w in v or [])
                for k, v in (data.get("concepts") or {}).items()}
    unsure = tuple(str(p).lower() for p in data.get("unsure") or [])
    return Cues(concepts, unsure)


def concept_from_text(question: Question, text: str, cues: Cues) -> str | None:
    """Which concept a free-text answer points to, ``UNSURE``, or None if it cannot tell.

    The row's own values count double ("high", "specialized"), the reviewed cue
    words once; a negation just before a word ("not routine") gives it to the
    other concept.
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
            hit = (2.0 if base in values[concept] else 0.0) + (1.0 if base in cues.concepts.get(concept, ()) else 0.0)
            if hit:
                target = concept
                if negated and len(concepts) == 2:
                    target = concepts[1 - concepts.index(concept)]
                scores[target] += hit
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
