"""``--redact``: hide digits, e-mail addresses and the names of people in question texts.

- An e-mail address becomes ``[e-mail]``; every digit becomes ``#`` ("call 555 0134" ->
  "call ### ####"), so numbers, dates, ids and phone numbers are gone but their shape stays.
- A name is a capitalised word in Faker's lists of given names and family names (several
  English-speaking locales and the languages of Europe and India): ``[name]``. A capitalised
  word that is also an ordinary English word ("Will", "Grant", "May") is taken for a name only
  next to another name ("Mark Jones"), after a title ("Ms Price"), or after "my name is",
  "I'm", "this is", "ask", "contact", "from" or "thanks". A name typed in lower case is found
  only after those words.
"""

from __future__ import annotations

import re
from functools import cache

from bot.text import lemma_table, stop_words

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DIGIT = re.compile(r"\d")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "Sarah's": the name, then s
NAME = "[name]"
#: Words after which the next word is a name, whatever its case.
INTRODUCING = re.compile(r"\b(?:my name is|my name's|i am|i'm|im|this is|ask|contact|cc|from|thanks|thank you|"
                         r"regards|cheers|mr|mrs|ms|miss|dr|prof)\.?,?\s+$", re.IGNORECASE)
#: Faker's locales whose given and family names are read.
LOCALES = ("en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL",
           "pl_PL", "pt_PT", "hi_IN")


@cache
def names() -> frozenset[str]:
    """Given and family names, lower case, from Faker's person providers."""
    import importlib

    found: set[str] = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female", "last_names"):
            values = getattr(provider, attribute, ())
            found.update(str(v).lower() for v in (values.keys() if isinstance(values, dict) else values))
    return frozenset(n for n in found if n.isalpha() and len(n) > 1)


@cache
def english() -> frozenset[str]:
    """Ordinary English words (the lookup lemmatizer's forms and lemmas, and stop words)."""
    table = lemma_table()
    return frozenset(table) | frozenset(table.values()) | stop_words()


def redact(text: str) -> str:
    """``text`` with its e-mail addresses, digits and names of people hidden."""
    text = DIGIT.sub("#", EMAIL.sub("[e-mail]", text))
    words = list(WORD.finditer(text))
    hidden: set[int] = set()
    known, ordinary = names(), english()
    for i, match in enumerate(words):
        word = match.group()
        lower = word.lower()
        if lower not in known:
            continue
        introduced = bool(INTRODUCING.search(text[:match.start()][-20:]))
        capitalised = word[0].isupper() and not word.isupper()
        if introduced or capitalised and lower not in ordinary:
            hidden.add(i)
    for i in sorted(hidden):  # "Mark Jones": a capitalised name beside a hidden one is one too
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and j not in hidden:
                word = words[j].group()
                if word[0].isupper() and word.lower() in known and text[min(words[i].end(), words[j].end()):
                                                                        max(words[i].start(), words[j].start())].strip() == "":
                    hidden.add(j)
    for i in sorted(hidden, reverse=True):
        text = text[:words[i].start()] + NAME + text[words[i].end():]
    return text
