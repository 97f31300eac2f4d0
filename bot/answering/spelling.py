"""Misspelled words of a message, read as the words they stand for before anything else reads the message.

"key charactaristics of iaas", "main featurs of saas", "what expertese does kpo need", "which countrys r best
for bpo": a word that is neither English (WordNet's, through the store), nor the document's, nor chat shorthand is
read as the one word it is closest to (rapidfuzz's ratio) among the document's words, the words WordNet relates to
them, the reviewed topic words and the few words people ask for the parts of an answer with. A word nothing is
close enough to is left as written ("kubernetes", "salesforce"), as is an acronym ("ATS") and a short word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.facts.store import FactStore
from bot.text import lemma, shorthand, stop_words, texting, tokens

#: How alike a misspelled word and the word it stands for are at least: 1 less the edits (a swap of two letters
#: one) over the longer one's length ("servise": "service" 0.86, not "supervise" 0.78).
SPELLING = 0.8
#: Words shorter than this are never corrected ("nda" is not "data").
SPELLING_LENGTH = 5
#: Words people ask for the parts of an answer with, which a document need not write ("features", "drawbacks").
ASKING = frozenset("features characteristics advantages disadvantages benefits drawbacks downsides examples "
                   "differences similarities countries".split())
#: Endings that make a known word another ("outsource" + "rs"); such a word is no misspelling.
DERIVED = ("s", "es", "r", "rs", "er", "ers", "d", "ed", "ing", "ly")
#: Prefixes that negate the word after them ("unstrategic", "non-core").
NEGATING = ("un", "non", "dis", "in", "im", "ir", "il")
#: Where a sentence starts: the message's start, or after a full stop, question or exclamation mark.
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)\W*$")
#: A word as written: letters only, standing alone (not "don't", "24/7", "r&d", "e-mail", "w/").
WORD = re.compile(r"(?<![\w'&/.-])[A-Za-z]+(?![\w'&/-]|\.\w)")


class Speller:
    """The words a store's misspellings are read as (see the module's description)."""

    def __init__(self, store: FactStore, words: Iterable[str] = ()) -> None:
        """Read the store's words; ``words``: the reviewed topic words, which may be misspelled too."""
        self._store = store
        written = {w for p in store.passages() for w in tokens(f"{p.text} {p.title or ''}")}
        known = written | set(store.related_words()) | {w for w in words if " " not in w} | ASKING
        self.known = sorted(w for w in known if w.isalpha() and len(w) >= SPELLING_LENGTH - 1)
        self._known = frozenset(self.known)

    def misspelled(self, text: str) -> list[tuple[int, int, str]]:
        """Each misspelled word of ``text`` as (start, end, the word it stands for), in order."""
        # (a texting form of a little word, lower case and whole, is that word: "which countries r best for bpo")
        short = [(m.start(), m.end(), texting()[m.group(0)]) for m in WORD.finditer(text) if m.group(0) in texting()]
        # (not a name: a word in capitals, "ATS", or capitalised within a sentence, "we use Gartner")
        found = [m for m in WORD.finditer(text) if len(m.group(0)) >= SPELLING_LENGTH and not m.group(0).isupper()
                 and not (m.group(0)[0].isupper() and not SENTENCE_START.search(text, 0, m.start()))]
        if not found:
            return short
        written = [m.group(0).lower() for m in found]
        # (one lookup of every form asked of below: each word, its lemma, and the words under its prefix or ending)
        english = self._store.english([form for w in written
                                       for form in (w, lemma(w), *_unnegated(w), *_underived(w))])
        fixes = []
        for m, word in zip(found, written, strict=True):
            if ({word, lemma(word)} & (self._known | english) or word in stop_words() or word in shorthand()
                    or self._negated(word, english) or self._derived(word, english)):
                continue
            if (right := self._spelled(word)) is not None:
                fixes.append((m.start(), m.end(), right))
        return sorted([*short, *fixes])

    def _negated(self, word: str, english: set[str]) -> bool:
        """Whether a word is a known one under a negating prefix ("unstrategic", "noncollaborative").

        Such a word is never respelled: its nearest word, "strategic", says the opposite.
        """
        return any({rest, lemma(rest)} & self._known or rest in english for rest in _unnegated(word))

    def _derived(self, word: str, english: set[str]) -> bool:
        """Whether a word is a known one with an ending ("outsourcers": "outsource"): never respelled."""
        return any(stem in self._known or stem in english for stem in _underived(word))

    def _spelled(self, word: str) -> str | None:
        """The one known word closest to ``word`` (fewest edits for its length, a swap of two letters one), or None."""
        found = process.extract(word, self.known, scorer=OSA.normalized_similarity, score_cutoff=SPELLING, limit=3)
        best = [right for right, score, _ in found if score == found[0][1]] if found else []
        if len(best) != 1:
            return None
        # (a plural stays one: "countrys" is "countries", not "country")
        right = best[0]
        if word.endswith("s") and not right.endswith(("s", "ed", "ing", "ly")):
            right = right[:-1] + "ies" if right.endswith("y") else right + "s"
        return right


def _unnegated(word: str) -> list[str]:
    """The words under each negating prefix a word begins with ("unstrategic": "strategic"), four letters at least."""
    rests = [word.removeprefix(prefix).lstrip("-") for prefix in NEGATING if word.startswith(prefix)]
    return [rest for rest in rests if len(rest) >= 4]


def _underived(word: str) -> list[str]:
    """The words under each ending a word has ("outsourcers": "outsourcer", "outsource"), long enough to respell.

    Not "country" under "countrys", a plural misspelled.
    """
    stems = [word.removesuffix(ending) for ending in DERIVED
             if word.endswith(ending) and not (ending == "s" and word[:-1].endswith("y"))]
    return [stem for stem in stems if len(stem) >= SPELLING_LENGTH]


def respelled(text: str, fixes: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each fix made, and where each old offset's text now begins: (old offset, shift) in order."""
    parts, shifts, at, shift = [], [], 0, 0
    for start, end, right in fixes:
        parts += [text[at:start], right]
        shift += len(right) - (end - start)
        shifts.append((end, shift))
        at = end
    parts.append(text[at:])
    return "".join(parts), shifts


def moved(offset: int, shifts: list[tuple[int, int]]) -> int:
    """Where an offset of the old text stands in the new one (:func:`respelled`)."""
    return offset + next((shift for end, shift in reversed(shifts) if end <= offset), 0)
