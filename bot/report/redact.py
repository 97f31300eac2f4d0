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
    return _hide_names(DIGIT.sub("#", EMAIL.sub("[e-mail]", text)))[0]


def private_words(text: str) -> set[str]:
    """The words :func:`redact` hides in ``text`` (lower case): its names, and the words of its e-mail addresses."""
    words = {w.lower() for address in EMAIL.findall(text) for w in WORD.findall(address)}
    numbers = set(re.findall(r"\d{3,}", text))  # a phone extension, an order number; not "2" of "2 offices"
    return words | numbers | _hide_names(EMAIL.sub(" ", text))[1]


def redact_reply(reply: str, question: str) -> str:
    """An answer with what :func:`redact` hides in the question it answers hidden too, wherever it echoes it.

    "The document does not say anything about Hi, Priya Sharma, priya sharma acme com" echoes the
    question's name and address in its own case and spelling; the answer's own figures (the
    document's line numbers, "4 of 4 answers") are kept.
    """
    hidden = private_words(question)
    reply = EMAIL.sub("[e-mail]", reply)
    if not hidden:
        return reply
    return re.sub(r"[^\W_]+", lambda m: "[hidden]" if m.group().lower() in hidden else m.group(), reply)


def _hide_names(text: str) -> tuple[str, set[str]]:
    """``text`` with the names of people hidden, and the hidden words (lower case)."""
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
    return text, {words[i].group().lower() for i in hidden}
