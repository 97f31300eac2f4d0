"""Reading a typed answer to one of the guided classification's questions.

A typed answer ("pretty routine, anyone could do it") points to a concept when the
row's own values or the reviewed cue words of ``data/classify/answers.yml`` say so;
a negation just before a word gives it to the other concept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.answering.recommend import Recommender, load_description_words
from bot.classify.interview import UNSURE, Interview, Question
from bot.paths import CLASSIFY_CUES
from bot.text import CLAUSE_END, FORM_PREFIX, content_lemmas, is_form_of, lemma, negated_at, tokens

#: Words sharing this many first letters are forms of one word ("operations", "operational"; "customised",
#: "customization"; not "generate", "general" or "complete", "complexity").
STEM = 7
#: "more about knowledge than process": what follows "than" is what the answer is not (after "less", what it is).
LESS = frozenset({"less", "fewer"})
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
        rows: A row's name -> more lemmas that say an answer is about it ("workforce": Expertise Required).
    """

    concepts: dict[str, frozenset[str]]
    unsure: tuple[str, ...]
    scales: tuple[Scale, ...] = ()
    rows: dict[str, frozenset[str]] = field(default_factory=dict)


def load_cues(path: str | Path = CLASSIFY_CUES) -> Cues:
    """Read the reviewed cue words (``data/classify/answers.yml``)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    concepts = load_description_words(path)
    unsure = tuple(str(p).lower() for p in data.get("unsure") or [])
    scales = tuple(Scale(_lemmas(item.get("marks")), _lemmas(item.get("low")), _lemmas(item.get("high")))
                   for item in (data.get("scales") or {}).values())
    rows = {str(row): _lemmas(words) for row, words in (data.get("rows") or {}).items()}
    return Cues(concepts, unsure, scales, rows)


def _lemmas(words: list[object] | None) -> frozenset[str]:
    return frozenset(lemma(str(w).lower()) for w in words or [])


#: A button picked by its place ("the second one", "first", "the latter").
BY_ORDER = re.compile(r"^\W*(?:(?:the|i'?d say|i guess|um+|hmm+)\s+)?(first|1st|former|second|2nd|latter)"
                      r"(?:\s+(?:one|option|answer))?(?:\s+(?:please|pls))?\W*$", re.IGNORECASE)


def typed_label(question: Question, text: str) -> str | None:
    """The concept whose value of the row a message is, typed out ("standard tools"), if it is one."""
    said = " ".join(tokens(text))
    return next((concept for concept, value in question.values.items() if said == " ".join(tokens(value))), None)


def concept_from_text(question: Question, text: str, cues: Cues, recommender: Recommender | None = None) -> str | None:
    """Which concept a free-text answer points to, ``UNSURE``, or None if it cannot tell.

    A typed button label (one of the row's values) is that concept, always, as is a button named by its
    place ("the second one"); a phrase of
    ``cues.unsure`` is ``UNSURE``. Otherwise the concept with the higher score
    (:func:`scores`), if any; failing that, the concept the document's evidence settles for
    the answer's words, as for a task ("the same payroll software everyone uses" names
    payroll, a BPO example), when a recommender is given.
    """
    if (labelled := typed_label(question, text)) is not None:
        return labelled
    # "the second one": the buttons in the order shown
    if (picked := BY_ORDER.match(text)) is not None:
        concepts = list(question.values)
        return concepts[0] if picked.group(1).lower() in ("first", "1st", "former") else concepts[-1]
    said = " ".join(tokens(text))
    if any(f" {' '.join(tokens(p))} " in f" {said} " for p in cues.unsure):
        return UNSURE
    ranked = sorted(scores(question, text, cues).items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    if recommender is not None and ranked[0][1] == 0:
        # the row's own name is no evidence ("what you mean by client interaction" names a KPO title)
        named = set(content_lemmas(" ".join([question.row, *question.also])))
        fit = recommender.recommend(" ".join(w for w in tokens(text) if lemma(w) not in named)).concept
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
    # another form of a value's word counts as the word ("generalists" for "General Skills")
    stems = {c: {w[:STEM] for w in words if len(w) >= STEM} for c, words in values.items()}
    ends = _scale_ends(question)
    low = set().union(*(s.low for s in cues.scales if s.applies(question))) if ends else set()
    high = set().union(*(s.high for s in cues.scales if s.applies(question))) if ends else set()
    result = {c: 0.0 for c in concepts}
    prefixes = {c: {w for w in cues.concepts.get(c, ()) if len(w) >= FORM_PREFIX} for c in concepts}
    # "no more than a checklist" is "just a checklist"; "3x a week at least" says no amount ("least"), nor does "at
    # most", "at the minimum" or "at the maximum"
    text = re.sub(r"\b(?:no|not|nothing) more than\b", "just", text, flags=re.IGNORECASE)
    text = re.sub(r"\bat (?:the )?(?:least|most|minimum|maximum)\b", " ", text, flags=re.IGNORECASE)
    # "a few times a week" is some times, no small amount
    text = re.sub(r"\ba few\b", "some", text, flags=re.IGNORECASE)
    scoring = set().union(*values.values(), *(cues.concepts.get(c, ()) for c in concepts), low, high)
    for clause in CLAUSE_END.split(text.replace("n't", " n't")):
        words = _compared(tokens(clause), scoring)
        for i, word in enumerate(words):
            base = lemma(word)
            # "less often", "less complex": a degree word after "less" is the other end of the scale
            negated = negated_at(words, i) or (i > 0 and words[i - 1] in LESS and base in low | high)
            for concept in concepts:
                value = base in values[concept] or (len(base) >= STEM and not base.endswith("ly")
                                                    and base[:STEM] in stems[concept])
                cue = base in cues.concepts.get(concept, ()) or any(is_form_of(base, p) for p in prefixes[concept])
                hit = (2.0 if value else 0.0) + (1.0 if cue else 0.0)
                if ends.get(concept) == "low" and base in low or ends.get(concept) == "high" and base in high:
                    hit += 1.0
                if hit:
                    target = concept
                    if negated and len(concepts) == 2:
                        target = concepts[1 - concepts.index(concept)]
                    result[target] += hit
    return result


#: Another row is read on every cue word only when one concept has this score and this many times the other's.
ONE_WAY_SCORE, ONE_WAY_RATIO = 2.0, 3.0


def _one_way(question: Question, text: str, cues: Cues) -> str | None:
    """The concept the words of an answer that read a row point to, if nearly all point one way.

    "simple rule-based work done by junior staff, we barely talk to the vendor" reads BPO on
    Expertise Required by 3 to 1 (the vendor one barely talks to counts for the other side).
    """
    ranked = sorted(scores(question, text, cues).items(), key=lambda kv: -kv[1])
    top, second = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0.0)
    return ranked[0][0] if top >= ONE_WAY_SCORE and top >= ONE_WAY_RATIO * second else None


def _compared(words: list[str], scoring: set[str]) -> list[str]:
    """The words of a clause that say what the answer is: "more about knowledge than process" -> knowledge.

    Only when both sides of "than" hold a word that reads the row (``scoring``): "less complex
    than you'd think" is still about complexity.
    """
    if "than" not in words:
        return words
    at = words.index("than")
    before, after = words[:at], words[at + 1:]
    if not ({lemma(w) for w in before} & scoring and {lemma(w) for w in after} & scoring):
        return words
    return after if set(before) & LESS else before


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


#: Words of a row's name that say nothing of what it is about ("Risk Type", "Technology Use").
NAME_FRAME = frozenset({"type", "use", "require", "level"})
#: Periods read how often on the row asked ("once a year"), but alone name no row ("a five-year plan").
PERIODS = frozenset({"day", "week", "month", "year"})
#: Nor do words of how often that are not "-ly" adverbs.
OFTEN = frozenset({"never", "always", "often", "seldom", "nonstop", "hardly"})


def row_words(question: Question, cues: Cues) -> frozenset[str]:
    """The lemmas that say an answer is about a row: its name's words and its scale's words.

    "Complexity" is addressed by "complex", "simple" or "tricky"; "Client Interaction" by
    "interaction", "contact" or "ongoing", not by how-often adverbs ("rarely"); a scale whose
    words fit any row ("little") addresses none. (A value's words address it only all
    together: :func:`also_answered`.)
    """
    words = {w for w in content_lemmas(" ".join([question.row, *question.also])) if w not in NAME_FRAME}
    for scale in cues.scales:
        if scale.marks and scale.applies(question):
            words |= scale.marks | scale.low | scale.high
    # how often anything happens ("rarely think about strategy") is not how often the client is met
    return frozenset(w for w in words - PERIODS - OFTEN if not w.endswith("ly"))


def own_words(cues: Cues) -> Cues:
    """The cues without the words meant for any row: a row is read on its own values and degree words only."""
    return Cues({}, cues.unsure, cues.scales)


def read_typed(questions: list[Question], asked: Question, text: str, cues: Cues,
               recommender: Recommender | None = None, answered: Collection[str] = ()) -> tuple[str | None, dict[str, str]]:
    """A typed answer to the row asked, and the other rows it clearly answers (:func:`also_answered`).

    An answer that names another row's value whole answers that row, not the one asked, unless
    it also uses the asked row's own values or degree words: "standard tools, excel and our
    erp", typed on Client Interaction, is about Technology Use, and says nothing of how often
    the client and the provider talk (its cue words and the document's evidence would read
    BPO). That row is asked again: a misread row is worse than one asked.
    """
    others = also_answered(questions, asked, text, cues, answered)
    concept = concept_from_text(asked, text, cues, recommender)
    if others and concept in asked.values and concept_from_text(asked, text, own_words(cues)) is None:
        said = set(content_lemmas(text))
        values = [set(content_lemmas(v)) for q in questions if q.key in others for v in q.values.values()]
        if any(len(v) > 1 and v <= said for v in values):
            concept = None
    return concept, others


def also_answered(questions: list[Question], asked: Question, text: str, cues: Cues,
                  answered: Collection[str] = ()) -> dict[str, str]:
    """Other rows one typed answer clearly answers: row key -> concept.

    "a joint steering group, we meet them constantly", the answer on Management, also says
    how often the client and the provider interact. A row counts when the answer names it
    (:func:`row_words`, or a form of one: "expert" for "Expertise Required"), or uses one of
    its values whole ("standard tools"), and reads as one of its values on its own
    (:func:`concept_from_text` on its values and degree words, without the cue words meant
    for any row), or, named by a word, on the cue words too when nearly all of them point one way
    and that is the way the answer reads for the row asked ("senior economists whose analysis
    steers our strategy" also answers Focus). A word of several rows' names ("process") names
    none of them. A misread row is worse than one asked.

    Args:
        questions: The interview's rows.
        asked: The row the answer was given to.
        text: The answer.
        cues: The reviewed cue words.
        answered: Row keys answered already; they are not read again.
    """
    said = set(content_lemmas(text))
    stems = {w[:STEM] for w in said if len(w) >= STEM}
    # another row is read on its own values and degree words only, not on cue words meant for any row
    own = own_words(cues)
    of_row = {q.key: row_words(q, cues) for q in questions}
    counts = Counter(w for words in of_row.values() for w in words)
    found = {}
    side = concept_from_text(asked, text, cues)  # how the answer reads for the row asked
    for question in questions:
        if question.key == asked.key or question.key in answered:
            continue
        words = {w for w in of_row[question.key] if counts[w] == 1}
        named = said & words or stems & {w[:STEM] for w in words if len(w) >= STEM}
        values = [set(content_lemmas(v)) for v in question.values.values()]
        # named by a reviewed word of the row ("workforce"), not by a word of its name that may name something
        # else ("same as every other client gets"): read on every cue word, if nearly all point the way the answer does
        reviewed = said & set().union(*(cues.rows.get(row, frozenset()) for row in (question.row, *question.also)))
        if reviewed and side in question.values and _one_way(question, text, cues) == side:
            found[question.key] = side
            continue
        if not named and not any(len(v) > 1 and v <= said for v in values):
            continue
        concept = concept_from_text(question, text, own)
        if concept in question.values:
            found[question.key] = concept
    return found


#: Words that take an earlier answer back ("actually", "can I change my answer to question 2?", "oops, I meant ...").
CORRECTING = re.compile(r"\b(?:change|changing|correct|correction|go back|actually|meant|switch|update|(?:oh )?wait|"
                        r"should (?:be|have been|have said)|"
                        r"instead|oops|my bad|mistake|mistyped|wrong|undo|redo|take (?:it|that) back)\b", re.IGNORECASE)
#: "question 2", "q3", "#2", "the second question".
QUESTION_NUMBER = re.compile(r"\b(?:question|q)\s*#?\s*(\d+)\b|#(\d+)\b|\b(first|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth)\s+(?:question|one)\b", re.IGNORECASE)
ORDINALS = {w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split(), start=1)}
#: A row named by one word before "question" or "answer" ("for the skills question", "the tools answer").
ROW_WORD = re.compile(r"\b([a-z][\w-]*)\s+(?:question|answer|one|row|bit|part)\b", re.IGNORECASE)


def _row_words(questions: list[Question]) -> dict[str, str]:
    """The words that name one row only, as lemmas, with its key.

    Words of its name ("complexity", "interaction") or of every one of its values ("skill" in
    "General Skills" and "Specialized Skills").
    """
    own = {}
    for question in questions:
        values = [set(content_lemmas(v)) for v in question.values.values()]
        own[question.key] = set(content_lemmas(" ".join([question.row, *question.also]))) | set.intersection(*values)
    counts = Counter(word for words in own.values() for word in words)
    return {word: key for key, words in own.items() for word in words if counts[word] == 1}


def corrected_row(questions: list[Question], asked: Question | None, text: str, answers: dict[str, str],
                  numbered: list[str]) -> Question | None:
    """The earlier row a message takes back, if it takes one back ("go back, complexity is medium not high").

    The row is named by the number it was asked under ("can I change my answer to question 2?"; the last
    number named), by its name ("complexity"), by a word only it has before "question" or "answer" ("for the
    skills question") or by a value no other row has ("general skills"); it must have
    an answer, and not be the row asked now ("actually it's pretty complex" answers that).
    After the result, no row is asked (``asked`` is None).

    Args:
        questions: The rows of the interview.
        asked: The row asked now, if any.
        text: The message.
        answers: Row key -> the answer so far.
        numbered: The keys of the rows asked so far, in the order asked (question 1 first).
    """
    if not CORRECTING.search(text):
        return None
    by_key = {q.key: q for q in questions}
    now = asked.key if asked is not None else None
    # the last number named ("I didn't answer question 4. I want to change my answer to question 2 ...")
    if numbers := list(QUESTION_NUMBER.finditer(text)):
        number = numbers[-1]
        digits = number.group(1) or number.group(2)
        n = int(digits) if digits else ORDINALS[number.group(3).lower()]
        key = numbered[n - 1] if 1 <= n <= len(numbered) else None
        return by_key[key] if key in by_key and key != now else None
    said = f" {' '.join(tokens(text))} "
    earlier = [q for q in questions if q.key in answers and q.key != now]
    for question in earlier:
        if f" {' '.join(tokens(question.row))} " in said:
            return question
    named = _row_words(questions)
    for found in ROW_WORD.finditer(text):
        key = named.get(lemma(found.group(1).lower()))
        if key is not None and key in answers and key != now:
            return by_key[key]
    values = Counter(" ".join(tokens(v)) for q in questions for v in q.values.values())
    for question in earlier:
        if any(values[" ".join(tokens(v))] == 1 and f" {' '.join(tokens(v))} " in said for v in question.values.values()):
            return question
    return None


def taken_back(questions: list[Question], asked: Question | None, text: str, cues: Cues,
               interview: Interview) -> tuple[Question, str | None] | None:
    """The earlier row a message takes back (:func:`corrected_row`) and its new answer, None if that cannot be read.

    The answer is read from what follows the last word that takes it back ("oops no I meant ...":
    not the "no" before it), by its cue and degree words only, not by the document's evidence.
    """
    target = corrected_row(questions, asked, text, interview.answers, interview.numbered)
    if target is None:
        return None
    after = text[list(CORRECTING.finditer(text))[-1].end():]
    return target, concept_from_text(target, after, cues) if after.strip() else None
