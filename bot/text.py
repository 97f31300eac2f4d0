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

TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*|&", re.IGNORECASE)


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """The English lookup lemmatizer table of spaCy (word -> lemma), from ``spacy-lookups-data``."""
    data = resources.files("spacy_lookups_data").joinpath("data", "en_lemma_lookup.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The English stop words of spaCy, loaded from its module file without importing spaCy.

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
    return frozenset(module.STOP_WORDS)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphenated words are split, "r&d" stays whole."""
    return [token.lower() for token in TOKEN.findall(text)]


def lemma(word: str) -> str:
    """The lemma of a lower-case word by the lookup table, or the word itself if the table has none."""
    return lemma_table().get(word, word)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the words that carry meaning (no stop words, numbers or single letters)."""
    return [base for _, base in content_words(text)]


def content_words(text: str) -> list[tuple[str, str]]:
    """The words that carry meaning, as ``(written, lemma)`` pairs, in the order written."""
    stops = stop_words()
    result = []
    for written in TOKEN.findall(text):
        token = written.lower()
        # An acronym written in capitals ("IT", "HR") is a word, not the stop word "it".
        acronym = written.isupper() and len(written) > 1
        if token.isdigit() or len(token) < 2 or (token in stops and not acronym):
            continue
        result.append((written, lemma(token)))
    return result
