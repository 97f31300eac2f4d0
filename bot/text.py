"""Tokens, stop words and lemmas for matching user text against the document.

The action server must stay small and start fast, and importing spaCy in this
environment also imports TensorFlow (about 570 MB). So this module reads the
same data spaCy's lookup lemmatizer uses (the ``spacy-lookups-data`` table) and
spaCy's English stop-word list directly from their files, without importing
spaCy. NLU, which runs inside Rasa, uses the real spaCy pipeline.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

#: Chat shorthand of everyday English ("ppl", "diff"), read as the words it stands for. (Its place is written here,
#: not taken from bot.paths: this module imports nothing of the project.)
SHORTHAND = Path(__file__).resolve().parent.parent / "data" / "answering" / "shorthand.yml"

TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*|&", re.IGNORECASE)

#: A negation this many words before a word negates it ("can't just follow a checklist").
NEGATION_REACH = 4
#: Negated verbs typed in chat without the apostrophe ("it isnt complex"); ``data/answering/shorthand.yml`` reads
#: them as their verbs, which are stop words.
UNAPOSTROPHED = frozenset({"isnt", "arent", "dont", "doesnt", "didnt", "wont", "cant", "wasnt", "werent", "hasnt",
                           "havent", "shouldnt", "wouldnt", "couldnt", "aint"})
NEGATIONS = frozenset({"not", "no", "never", "hardly", "n't", "nothing", "without", "barely", "zero", "none"}) | UNAPOSTROPHED
#: What ends a negation's reach: "not strategy, just efficiency" negates strategy only.
CLAUSE_END = re.compile(r"[,;.!?]|\b(?:but|rather|instead)\b|(?<!n't )(?<!not )(?<!never )\b(?:just|only)\b",
                        re.IGNORECASE)
#: A word this long counts in a longer word it begins with one of these endings ("custom" in
#: "customisation", "partner" in "partnership"; not "custom" in "customer").
FORM_PREFIX = 6
FORM_ENDINGS = frozenset("ed ing ise ize ised ized ising izing isation ization isations izations al ism ist ists "
                         "ity ic ical ive ion ions ship ships".split())


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """The English lookup lemmatizer table of spaCy (word -> lemma), from ``spacy-lookups-data``."""
    data = resources.files("spacy_lookups_data").joinpath("data", "en_lemma_lookup.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The English stop words of spaCy, loaded from its module file without importing spaCy, and chat words.

    Raises:
        RuntimeError: if spaCy is not installed.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise RuntimeError("spaCy is not installed: run `make setup`")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location("_spacy_en_stop_words", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS) | chat_words()


@lru_cache(maxsize=1)
def _shorthand_file() -> dict:
    """``data/answering/shorthand.yml``, read once for its shorthand and its chat words."""
    return yaml.safe_load(SHORTHAND.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def texting() -> dict[str, str]:
    """Texting forms of little words and the words they stand for ("r": "are"; ``data/answering/shorthand.yml``)."""
    return {str(k).lower(): str(v).lower() for k, v in (_shorthand_file().get("texting") or {}).items()}


@lru_cache(maxsize=1)
def chat_words() -> frozenset[str]:
    """Words of chat that ask nothing ("oops", "sorry", "lol", "tl;dr"; ``data/answering/shorthand.yml``), read as stop words."""
    return frozenset(str(word).lower() for word in _shorthand_file().get("chat_words") or ())


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphenated words are split, "r&d" stays whole."""
    return [token.lower() for token in TOKEN.findall(text)]


@lru_cache(maxsize=1)
def shorthand() -> dict[str, str]:
    """Chat shorthand (``data/answering/shorthand.yml``): "ppl" -> "people", "diff" -> "difference"."""
    return {str(k).lower(): str(v).lower() for k, v in (_shorthand_file().get("shorthand") or {}).items()}


def lemma(word: str) -> str:
    """The lemma of a lower-case word by the lookup table (shorthand read as its word), or the word itself.

    A British spelling is read as the American one ("customisation", "specialised": "customization", "specialize"),
    which documents of this kind often use.
    """
    return _table_lemma(shorthand().get(word, word))


def _table_lemma(word: str) -> str:
    """The lookup table's lemma of a lower-case word (or the word itself), in American spelling."""
    return _american(lemma_table().get(word, word))


#: Words spelled "-ise" on both sides of the Atlantic, whose "-ize" forms the table also knows.
SPELLED_ISE = frozenset({"advertise", "surprise", "exorcise", "prise"})


@lru_cache(maxsize=1)
def _known_lemmas() -> frozenset[str]:
    """The lemmas of the lookup table."""
    return frozenset(lemma_table().values())


@lru_cache(maxsize=65536)
def _american(base: str) -> str:
    """``base`` in American spelling: "-isation" as "-ization", and "-ise" as "-ize" where that is a known lemma.

    Of any document: the retrieval index also reads other British endings ("-our", "-tre", "-yse") as the words the
    document itself uses (``_american`` in :mod:`bot.answering.retrieve`).
    """
    if base.endswith(("isation", "isations")):
        return base.replace("isation", "ization")
    if base.endswith("ise") and base not in SPELLED_ISE and (american := base[:-3] + "ize") in _known_lemmas():
        return american
    return base


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the words that carry meaning (no stop words, numbers or single letters)."""
    return [base for _, base in content_words(text)]


def content_words(text: str) -> list[tuple[str, str]]:
    """The words that carry meaning, as ``(written, lemma)`` pairs, in the order written."""
    stops = stop_words()
    result = []
    for written in TOKEN.findall(text):
        token = shorthand().get(written.lower(), written.lower())  # ("pls" is "please", a stop word)
        # An acronym written in capitals ("IT", "HR") is a word, not the stop word "it".
        acronym = written.isupper() and len(written) > 1
        if token.isdigit() or len(token) < 2 or (token in stops and not acronym):
            continue
        result.append((written, _table_lemma(token)))  # (shorthand read above)
    return result


def adjectives_of(word: str) -> tuple[str, ...]:
    """The adjectives an "-ly" adverb may come from ("efficiently": efficient; "easily": easy), none for a short word.

    A stem that is no word is among them; it matches nothing a caller looks it up in.
    """
    if len(word) <= 5 or not word.endswith("ly"):
        return ()
    return word[:-2], word[:-3] + "y", word[:-3] + "le"


def is_form_of(word: str, base: str) -> bool:
    """Whether ``word`` is ``base`` (``FORM_PREFIX`` letters at least) with one of ``FORM_ENDINGS``."""
    return len(base) >= FORM_PREFIX and word.startswith(base) and word[len(base):] in FORM_ENDINGS


def negation_before(words: list[str], i: int) -> str | None:
    """The nearest negation within ``NEGATION_REACH`` words before ``words[i]`` (one clause's words), or None.

    As written ("no", "without"), and "not" for a split "n't".
    """
    word = next((w for w in reversed(words[max(0, i - NEGATION_REACH):i]) if w in NEGATIONS or w == "t"), None)
    return "not" if word == "t" else word


def negated_at(words: list[str], i: int) -> bool:
    """Whether a negation stands within ``NEGATION_REACH`` words before ``words[i]`` (one clause's words)."""
    return negation_before(words, i) is not None
