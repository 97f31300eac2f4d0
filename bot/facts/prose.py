"""How the document's running text is read: sentences, lists and "such as" lists.

The parser uses these to cut the document into facts, and the recommendation uses the
same reading on a concept's own clauses, so both agree on what a sentence or a list item is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
SUCH_AS = re.compile(r"\bsuch as (?P<list>[^.;:]+)")
#: Words that open a relative clause, which ends a list ("a, b, and c, which ...").
RELATIVE = ("which ", "where ", "that ", "who ")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at ., ! or ? followed by a capital."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def list_items(text: str) -> list[str]:
    """The items of a list ("a, b, and c"), up to a relative clause that ends it."""
    items = []
    for part in text.split(","):
        item = re.sub(r"^(and|or)\s+", "", part.strip())
        if item.lower().startswith(RELATIVE):
            break
        if item:
            items.append(item)
    return items


#: Words that open what the sentence says after its list ("... or ticketing without installing anything").
AFTER_LIST = re.compile(r"\s+\b(?:without|because|while|when|before|after|using|so that|in order to)\b.*$", re.IGNORECASE)


def such_as_items(text: str) -> Iterator[str]:
    """The items of every "such as" list in ``text``, in order ("such as payroll and HR")."""
    for found in SUCH_AS.finditer(text):
        items = list_items(found["list"])
        if items:  # the last item ends where the sentence goes on ("ticketing without installing anything")
            items[-1] = AFTER_LIST.sub("", items[-1]) or items[-1]
        yield from items


def starts_relative_clause(text: str) -> bool:
    """Whether ``text`` opens with a relative pronoun ("which focuses on ...")."""
    return text.lower().startswith(RELATIVE)
