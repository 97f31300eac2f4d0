"""Questions about a topic that is not a row of the table: what the document says on it.

"Is KPO cheaper?", "what are the strengths of BPO?", "who works at a KPO provider?" ask
about a topic (cost, benefits, the people) for one concept or both. The topic is found
with the reviewed question words of ``data/answering/topics.yml``; the answer is every
sentence of the store that speaks to it (the topic's plain-English search words and the
question's own words), grouped by concept, each with its place in the document. When the
question compares the concepts on a topic the table has no row for, the answer says the
document does not compare them on it; when nothing speaks to the topic, it says the
document does not cover it. Nothing here names this document's concepts or wording.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.answering import answers, retrieve
from bot.answering.answer import Answer
from bot.answering.answers import concept_name_lemmas
from bot.contract import Topic as TopicName
from bot.facts.model import Part, Place
from bot.facts.store import FactStore, Passage
from bot.paths import TOPICS
from bot.text import UNAPOSTROPHED, adjectives_of, content_lemmas, content_words, lemma, tokens
from bot.wording import listed, say

#: Words that make a question a comparison ("cheaper", "better than", "which is more").
COMPARING = frozenset({"cheaper", "costlier", "pricier", "better", "worse", "more", "less", "than", "faster",
                       "slower", "safer", "riskier", "compare", "comparison", "versus", "vs"})
#: Whether the one or the other is more of something: "whether BPO or KPO gives a bigger competitive advantage".
WHETHER_MORE = re.compile(r"\bwhether\b[^?.!]*\bor\b[^?.!]*\b(?:bigger|greater|larger|smaller|stronger|weaker|higher|"
                          r"lower)\b", re.IGNORECASE)
#: "the lower-risk option", "delivers higher quality work": a comparison too (not "does outsourcing lower our risk?").
LOWER_OR_HIGHER = re.compile(r"\b(?:lower|higher)-\w|\b(?:the|a|an|offers?|has|have|gives?|delivers?)\s+"
                             r"(?:lower|higher)\b", re.IGNORECASE)
#: A comparative asked of one concept, which the other concept is the measure of ("is outsourcing KPO cheaper?",
#: "is BPO more expensive?"); not "more" alone ("tell me more about KPO costs").
ONE_SIDED = re.compile(r"\b(?:cheaper|costlier|pricier|faster|slower|safer|riskier)\b|\b(?:more|less)\s+"
                       r"(?:expensive|costly|affordable|economical|secure|risky|efficient|profitable|scalable)\b",
                       re.IGNORECASE)
#: A comparative that tells a change, not one concept against the other ("get worse", "become cheaper").
CHANGE_OVER_TIME = re.compile(r"(?<!\bwe\s)(?<!\byou\s)(?<!\bi\s)(?<!\bthey\s)"
                              r"\b(?:get|gets|getting|got|become|becomes|becoming|grow|grows)\s+(?:any\s+|much\s+|a\s+lot\s+)?"
                              r"(?:better|worse|cheaper|costlier|pricier|faster|slower|safer|riskier)\b", re.IGNORECASE)
#: "which one", "which model", "which of them": a question asking which of the concepts, not "which location".
WHICH_OF_THEM = re.compile(r"\bwhich\s+(?:one|model|kind|type|option|approach|of|is|are|would)\b", re.IGNORECASE)
#: "which location works better", "which vendor has ...": a choice between other things than the concepts.
OTHER_CHOICE = re.compile(r"\bwhich\s+(?:locations?|countr(?:y|ies)|cit(?:y|ies)|regions?|vendors?|providers?|"
                          r"compan(?:y|ies)|firms?|partners?|languages?|tools?|platforms?|offices?|sites?)\b",
                          re.IGNORECASE)
#: A comparative against the asker's own way of doing it ("better than our own team", "cheaper than doing it in-house").
THAN_OURS = re.compile(r"\bthan\s+(?:(?:our|my)\s+own|we\b|us\b|ourselves|doing\s+it|in[-\s]house|keeping\s+it)",
                       re.IGNORECASE)
#: A share asked for, as a pattern: "any percentages?", "30% cheaper?".
SHARE_ASKED = r"\bpercent(?:ages?)?\b|\d\s*%"
#: A sum in a currency asked for, as a pattern: "whats it cost in usd", "roughly in dollars?", "like $10 a user?".
CURRENCY_ASKED = (r"\b(?:in|how\s+many)\s+(?:us\s+)?(?:usd|dollars|euros?|eur|pounds|gbp|rupees|inr)\b|"
                  # (a sum offered as a guess, "like $10 a user?", "would 5000 dollars a month cover it?"; not one told:
                  # "our payroll costs $40k a year")
                  r"\b(?:like|around|about|roughly|approximately|under|over|than|would|is\s+it|be)\s+"
                  r"(?:\$\s*\d|\d[\d,.]*\s*k?\s*(?:usd|dollars|euros|eur|gbp|pounds)\b)")
#: A question that asks for a figure: "how much", "how many", "per hour", "the rate for".
AMOUNT = re.compile(rf"\bhow (?:much|many)\b|{SHARE_ASKED}|{CURRENCY_ASKED}|\bper (?:hour|day|week|month|year|seat|user|head)\b|"
                    r"\b(?:rates?|prices?|fees?|salary|salaries)\b|"
                    # ("does it say what a SaaS seat actually costs?", "what would a KPO analyst cost us?"; not "what are
                    # the costs?")
                    r"\bwhat\s+(?:(?:does|do|would|will|might|could|did)\s+)?(?:an?|the|each|one|it|they|this|that|"
                    r"our|your|their)\b(?:\s+(?!(?:say|says|said|about|on|of|regarding|the|do|does|for|to|with|our|your|their|in|by)\b)[\w'-]+){0,3}?\s+"
                    r"(?:actually\s+|really\s+|typically\s+|usually\s+)?costs?\b(?=\s*(?:us\s*(?:[?.!,]|$)|per\b|each\b|[?.!,]|$))",
                    re.IGNORECASE)
#: A question of why.
WHY = re.compile(r"\W*(?:(?:so|and|but|ok|okay)\W+)?why\b", re.IGNORECASE)
#: Words that say how much a thing matters, not what it is ("the main advantages", "the basic difference").
GRADING = frozenset("basic fundamental key major big main principal primary chief essential real general "
                    "overall".split())
#: Words of taking a concept up, which name no topic of their own ("any downsides to going with BPO?", "the benefits
#: of choosing KPO", "main perks of going the BPO route?").
TAKING_UP = frozenset("go choose opt pick adopt select route".split())
#: A word of a question found in more than this share of the document's passages is no topic of its own ("company").
COMMON_IN_DOCUMENT = 0.07
#: At most this many sentences are quoted for each concept.
PER_CONCEPT = 2
#: A question on several topics gets one sentence of each, up to this many for each concept.
MOST = 3
#: Words of a question on work or use in general ("use KPO for legal work"), which tell no sentence apart.
GENERAL = frozenset("work use thing stuff job task process".split())
#: A word this long at least names a table row whose name begins with the same first letters, one fewer than this
#: many ("scale" and "scaling": Scalability).
NAMED_BY = 5
#: A pair of words the question holds side by side is its own phrase when at most this many sentences hold it so.
PHRASE_RARE = 3


@dataclass(frozen=True)
class Topic:
    """A topic people ask about.

    Attributes:
        key: Its key in ``data/answering/topics.yml``.
        name: How an answer names it ("cost", "drawbacks and risks").
        asks: Lemmas of the words a question uses for it.
        finds: Lemmas of the words the document may use for it.
        characteristics: A concept's characteristics speak to it when no sentence does
            (what is good about a concept is what it is known for).
        phrases: Phrases a question uses for it ("good about"; "good" alone asks no topic:
            "is IaaS good for running AI models?").
        amounts: A question on it may ask for a figure ("how much per hour?"), which the
            answer says the document does not give when none of its sentences has one.
        theirs: Lemmas of its words when it is about the provider's side: such a word just after "our" or "my" is
            the asker's own ("free my team up", "our small IT team") and asks nothing.
        served: Lemmas of its words that, after "our" or "my" as what a provider is to understand, solve or help
            with, are the asker's own ("will a kpo provider take the time to understand our particular problems");
            "what are our biggest challenges going to be with KPO?" still asks it.
        weak: Lemmas of its words that often only name who is involved ("vendor" in "what
            uptime guarantee do SaaS vendors offer?"): a question asking it by them alone
            may be about something else.
        opposite: The key of the topic a question asks when it says "not" just before its word
            ("what is NOT a benefit of BPO?" asks the drawbacks).
        avoids: Lemmas of words that turn a sentence of the topic's words into one on the other side
            ("helps distribute operational risks" is no drawback): such a sentence is not quoted for it.
        beyond: The key of the topic a question asks too when it doubts a concept is only about this one and
            asks nothing else ("Is KPO only about cutting costs?", "it's just cheap labour, correct?" ask what
            else it brings).
        tradeoffs: Of a concept no sentence speaks to it for, the table's rows are what the document sets
            against it (the drawbacks of a concept the document names no risk of: the rows it is weighed on).
        otherwise: The key of the topic that answers it for concepts no sentence speaks to it for (who does the work,
            of software rented: the work it takes on the customer's side).
        apart: A topic documents of this kind often leave out (the law, security): when a document does, that is
            said beside any answer to a question that asks it ("What happens to our in-house employees whose jobs
            get outsourced, are we legally required to pay severance?" gets a table row NLU found, after it).
        alone: Phrases that ask it only when no other topic is asked ("what does BPO bring to a company?" asks the
            benefits; "What downsides does BPO bring to a company?" only the drawbacks).
        defining: Lemmas by which a concept's definition says what the topic asks, in its own words ("KPO aims to
            leverage advanced expertise ...", "This strategy allows companies to streamline operations ..."): a
            sentence of the definition holding one comes first in an answer on the topic.
    """

    key: str
    name: str
    asks: frozenset[str]
    finds: frozenset[str]
    characteristics: bool = False
    phrases: tuple[str, ...] = ()
    amounts: bool = False
    theirs: frozenset[str] = frozenset()
    served: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    opposite: str | None = None
    avoids: frozenset[str] = frozenset()
    beyond: str | None = None
    tradeoffs: bool = False
    otherwise: str | None = None
    #: The content lemmas of its phrases' words ("protect" and "us" of "protect us better"), derived from ``phrases``.
    phrase_words: frozenset[str] = frozenset()
    apart: bool = False
    alone: tuple[str, ...] = ()
    defining: frozenset[str] = frozenset()


#: The verbs a question opens with, whose "n't" asks yes or no ("isn't", "aren't", "don't").
YES_NO_VERBS = frozenset("is are was were do does did can could will would should has have isn aren wasn weren don "
                         "doesn didn couldn won wouldn shouldn hasn haven".split())


def load_topics(path: str | Path = TOPICS) -> tuple[Topic, ...]:
    """Read the reviewed topics (``data/answering/topics.yml``).

    An ``opposite``, ``beyond`` or ``otherwise`` must name one of them.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    keys = set(data.get("topics") or {})
    for field in ("opposite", "beyond", "otherwise"):
        if wrong := {str(item.get(field)) for item in (data.get("topics") or {}).values()
                     if item.get(field) and item.get(field) not in keys}:
            raise ValueError(f"{path}: '{field}' names no topic: {', '.join(sorted(wrong))}")
    topics = []
    for key, item in (data.get("topics") or {}).items():
        alone = tuple(" ".join(tokens(str(w))) for w in item.get("alone") or [])
        # (a word written with a hyphen is a phrase of its parts, as a question's words are read: "de-risk")
        phrases = tuple(" ".join(tokens(str(w))) for w in item.get("asks") or [] if len(tokens(str(w))) > 1) + alone
        topics.append(Topic(
            str(key), str(item.get("name") or key), _lemmas(w for w in item.get("asks") or [] if len(tokens(str(w))) < 2),
            _lemmas(item.get("finds")), bool(item.get("characteristics")), phrases, bool(item.get("amounts")),
            _theirs(item), _lemmas(item.get("served")), _lemmas(item.get("weak")), item.get("opposite"),
            _lemmas(item.get("avoids")), item.get("beyond"), bool(item.get("tradeoffs")), item.get("otherwise"),
            frozenset(w for phrase in phrases for w in content_lemmas(phrase)), bool(item.get("apart")), alone,
            _lemmas(item.get("defining"))))
    return tuple(topics)


def _theirs(item: dict[str, Any]) -> frozenset[str]:
    """A topic's words about the provider's side: with ``theirs: true``, all the single words it is asked by."""
    return _lemmas(w for w in item.get("asks") or [] if " " not in str(w)) if item.get("theirs") is True else frozenset()


def _lemmas(words: Iterable[object] | None) -> frozenset[str]:
    return frozenset(lemma(str(w).lower()) for w in words or [])


#: A word of a topic about the provider's side this close after one of these, or after "in-house", is the asker's
#: own ("our small IT team", "our in-house payroll team", "in-house staff").
OWN = frozenset({"our", "my"})
OWN_REACH = 3
#: Words that join another party to the asker's own ("in-house and BPO staff", "in-house or outsourced staff").
JOINING = frozenset({"and", "or", "vs", "versus", "than", "outsourced", "external"})


#: Words that count (a headcount: "about 40 people", "two devs").
COUNTING = frozenset("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                     "hundred hundreds dozen dozens".split())


#: Words for people, counted in a headcount.
HEADS = frozenset("people ppl staff employees folks persons workers users agents members hires devs engineers".split())


def _owned(written: list[str], at: int) -> bool:
    """Whether the word at ``at`` is the asker's own (:data:`OWN`, :data:`OWN_REACH`), or counted: the asker's headcount.

    ("how is saas billed? trying to budget for about 40 people": the people asked about are no provider's)
    """
    # (not "24/7 staff", whose number is of hours)
    if (at and (written[at - 1].isdigit() and not (at > 1 and written[at - 2].isdigit()) or written[at - 1] in COUNTING)
            and written[at] in HEADS):
        return True
    start = max(0, at - OWN_REACH)
    house = [i for i in range(max(0, at - OWN_REACH - 1), at - 1) if written[i:i + 2] == ["in", "house"]]
    house += [i - 1 for i in range(start, at) if written[i] == "inhouse"]
    if house and not set(written[house[-1] + 2:at]) & JOINING:
        return True
    return bool(set(written[start:at]) & OWN)


#: Verbs of what a provider does for the asker's own problems ("understand our particular problems").
SERVING = frozenset("understand understands know knows solve solves fix fixes tackle tackles address addresses handle "
                    "handles help helps learn learns grips into deal deals".split())
#: How many words before "our" or "my" the verb may stand ("take the time to understand our particular problems").
SERVING_REACH = 4
#: Who may stand as the doer just before the verb, this far at most, when the asker does it: "how can we deal with".
ASKER = frozenset({"we", "i"})
ASKER_REACH = 2
#: How far after "our" or "my" the word served may stand ("get to grips with our specific business problems").
SERVED_REACH = 3


def _served(written: list[str], at: int) -> bool:
    """Whether the word at ``at`` follows "our" or "my" (two words may stand between), after a verb of :data:`SERVING`.

    Not when the asker does it ("how do we handle our biggest outsourcing challenges?", "how can we deal with our
    vendor management problems?": the asker's own problems, its drawbacks).
    """
    mine = next((i for i in range(at - 1, max(-1, at - 1 - SERVED_REACH), -1) if written[i] in OWN), None)
    if mine is None:
        return False
    verb = next((i for i in range(mine - 1, max(-1, mine - 1 - SERVING_REACH), -1) if written[i] in SERVING), None)
    return verb is not None and not set(written[max(0, verb - ASKER_REACH):verb]) & ASKER


def _said(written: list[str]) -> list[set[str]]:
    """Each word of a question as a topic's words may match it.

    Its lemma, its content lemmas, and an adverb's adjective ("run more efficiently": efficient).
    """
    return [{lemma(word), *content_lemmas(word), *_adjectives(word)} for word in written]


#: "-ly" words that say how often, of a unit of time ("an hourly rate"), not how: no adverbs of manner.
TIME_UNITS = frozenset("hourly daily nightly weekly fortnightly monthly quarterly yearly".split())


def _adjectives(word: str) -> tuple[str, ...]:
    """The adjectives an "-ly" adverb may come from, none for a unit of time ("hourly")."""
    return () if word in TIME_UNITS else adjectives_of(word)


def _denied(written: list[str], at: int) -> bool:
    """Whether "not" stands just before a word, or before its "a" ("NOT a benefit", "isn't an advantage").

    Not a question's own "isn't" ("isn't KPO risky?", "don't the benefits outweigh the risks?").
    """
    before = written[max(0, at - 2):at]
    denials = {"not", "t"} | UNAPOSTROPHED  # ("what isnt a benefit of BPO?")
    return bool(before) and (before[-1] in denials and (len(before) < 2 or before[0] not in YES_NO_VERBS)
                             or len(before) == 2 and before[-1] in {"a", "an"} and before[0] in denials)


#: Words that set what follows aside ("what do we get out of BPO besides saving money?" asks no cost) ...
SETTING_ASIDE = ("besides", "except", "apart from", "aside from", "other than", "beyond", "ignore", "ignoring",
                 "leave aside", "leaving aside", "set aside", "setting aside", "put aside", "putting aside")
#: ... and words that doubt a concept is only about what follows ("only about cutting costs?", "just cheap labour"):
#: what else it is about is asked too (the topic's ``beyond``).
ONLY = ("only", "just", "purely", "merely", "solely", "simply", "mainly", "mostly", "primarily", "nothing but")
#: ... for this many words.
ASIDE_REACH = 3


#: What a doubt that a concept is only one thing says first: "is KPO only ...", "it's just ...", "isn't BPO just ...".
BEING = frozenset({"is", "are", "s", "isn", "aren", "was", "wasn"})
#: How far before the word of doubt that may stand.
BEING_REACH = 3


def _doubts(written: list[str], at: int, length: int) -> bool:
    """Whether the word of :data:`ONLY` at ``at`` doubts that something is all there is ("is KPO only about cost?").

    Not emphasis ("just how expensive is KPO?", "can we just cut costs?", "our only concern is cost") nor a
    comparison ("just as expensive as BPO", "is it simply cheaper?", "just like BPO").
    """
    after = written[at + length:at + length + 1]
    if not after:
        return False
    # (or it "just means" one thing, or is that thing offered as all there is: "doesnt bpo basically just mean cheap
    # labour somewhere else?", "are bpo providers specialists in anything or just cheap labor")
    if (not set(written[max(0, at - BEING_REACH):at]) & BEING and after[0] not in MEANING
            and written[at - 1:at] != ["or"]):
        return False
    return after[0] not in ("how", "as", "like", "more", "less") and not _comparative(after[0])


#: Words by which something is said to be no more than what follows ("just means cheap labour").
MEANING = frozenset({"mean", "means", "equal", "equals", "amount", "amounts"})


def _comparative(word: str) -> bool:
    """Whether a word is a comparative adjective ("cheaper", "pricier"), by its form and its lemma."""
    return word.endswith("er") and lemma(word) != word


def _set_aside(text: str, words: tuple[str, ...] = SETTING_ASIDE) -> set[int]:
    """The places (in ``tokens(text)``) of the words a question sets aside ("besides saving money": "saving", "money").

    Up to ``ASIDE_REACH`` words, within the clause ("apart from cost, any risks?" still asks the risks).
    ``words``: what sets them aside (:data:`ONLY` for the words a question doubts are all there is).
    """
    aside: set[int] = set()
    at = 0
    for clause in re.split(r"[,;:.!?]", text):
        written = tokens(clause)
        joined = [" ".join(written[i:i + 2]) for i in range(len(written))]
        for i, word in enumerate(written):
            length = 1 if word in words else 2 if joined[i] in words else 0
            if length and words is ONLY and not _doubts(written, i, length):
                continue
            if length:
                aside.update(at + j for j in range(i + length, min(len(written), i + length + ASIDE_REACH)))
        at += len(written)
    return aside


#: How many words may stand before a phrase's last word ("reduce our business risk" says "reduce our risk") ...
PHRASE_GAP = 2
#: ... when they only say whose or which it is (not "is there any way to catch billing errors": no "any catch").
PHRASE_FILLERS = frozenset("a an the our my your its their this that these those own whole entire overall total "
                           "main biggest big business operational company".split())


#: Words that only stress, which may stand inside a topic's phrase ("who actually does that work", "removes all our risk").
STRESSING = frozenset("actually really even exactly usually typically basically just generally normally all".split())


def phrase_places(written: list[str], phrase: str) -> list[int]:
    """Where a topic's phrase starts in a question's words, with up to ``PHRASE_GAP`` fillers before its last word."""
    *head, last = phrase.split()
    if last not in written or head and head[0] not in written:  # (most phrases, at once)
        return []
    # ("who actually does that work": an adverb that only stresses stands anywhere in it, unless the phrase holds one:
    # "to actually work")
    kept = [i for i, w in enumerate(written) if w not in STRESSING or i == 0]
    if len(kept) < len(written) and not STRESSING.intersection(phrase.split()):
        return [kept[i] for i in phrase_places([written[i] for i in kept], phrase)]
    places = []
    for i in range(len(written) - len(head)):
        if written[i:i + len(head)] != head:
            continue
        after = written[i + len(head):i + len(head) + PHRASE_GAP + 1]
        if last in after and set(after[:after.index(last)]) <= PHRASE_FILLERS:
            places.append(i)
    return places


def asked_topics(text: str, topics: tuple[Topic, ...]) -> list[Topic]:
    """The topics a question asks about, the first named first ("any downsides to a vendor?": drawbacks).

    Not one it sets aside ("what do we even get out of BPO besides saving money?" asks no cost). Read once per text
    and topics (a turn asks of the same words from several routes).
    """
    text = PER_HOUR.sub(" rate", SPENDING_TIME.sub(" time", TALKING_ABOUT.sub(" ", WHO_OF_A_FIELD.sub(" ", text))))
    text = STARTED_WHEN.sub(" history ", text)
    return list(_asked_topics(text, topics))


#: Who works in a field, not the field asked: "We're a small law firm ...", "our compliance officer insists ...", "our
#: strategy team" ("legal is worried" is not: its worry is asked).
WHO_OF_A_FIELD = re.compile(r"\b(?:law|legal|compliance|security|privacy|strategy)\s+(?:firms?|teams?|departments?|dept|"
                            r"officers?|persons?|people|leads?|counsel|folks|guys|partners?)\b",
                            re.IGNORECASE)
#: "we want to spend more time on what we're actually good at": time spent, not money.
SPENDING_TIME = re.compile(r"\b(?:spend|spends|spending|spent)\s+(?:(?:more|less|our|the|all|most|much|so\s+much|"
                           r"too\s+much|enough)\s+)*(?:of\s+(?:our|the)\s+)?time\b", re.IGNORECASE)
#: "when did bpo start", "when did kpo become popular": when something began, its history.
STARTED_WHEN = re.compile(r"\bwhen\s+(?:did|was|were)\s+(?:\w+\s+){0,3}?(?:start|begin|began|appear|emerge|originate|"
                          r"take\s+off|become\s+(?:popular|common|a\s+thing)|invented|first\s+used)\b", re.IGNORECASE)
#: "what does it cost per hour?", "billed by the hour": a rate, not working hours.
PER_HOUR = re.compile(r"\b(?:per|each|by\s+the)\s+(?:hour|minute|second)\b", re.IGNORECASE)
#: "what kind of tools are we talking about": what is meant, not talking with the provider.
TALKING_ABOUT = re.compile(r"\b(?:(?:are|were|is|was)\s+(?:we|you|they|people|u)|we['\u2019]re|you['\u2019]re|they['\u2019]re)\s+"
                           r"(?:even\s+|actually\s+|really\s+)?talking\s+about\b|"
                           # ("what kind of apps are we talking?"; not "how often are we talking?")
                           r"\b(?:kinds?|sorts?|types?)\s+of\s+\w+\s+(?:are|were)\s+(?:we|you)\s+talking\W*$", re.IGNORECASE)


#: Hiring a provider, not people ("thinking of hiring a KPO for consumer insights", "hire an outside firm"): an
#: abbreviation as written, or a word for a provider.
HIRING_PROVIDER = re.compile(r"\b(?i:hir(?:e|es|ed|ing))\s+(?:(?i:an?|the|one|some|our|outside|external|specialist|new)\s+)*"
                             r"(?:[A-Z]{2,6}s?\b|(?:\w+\s+)?(?i:providers?|vendors?|firms?|compan(?:y|ies)|partners?|"
                             r"agenc(?:y|ies)|contractors?|outsourcers?|consultanc(?:y|ies)|suppliers?)\b)")


@lru_cache(maxsize=512)
def _asked_topics(text: str, topics: tuple[Topic, ...]) -> tuple[Topic, ...]:
    """:func:`asked_topics`, as a tuple to keep."""
    written = tokens(text)
    only = _set_aside(text, ONLY)
    # (and the word of hiring a provider, which asks nothing of people)
    aside = _set_aside(text) | {len(tokens(text[:m.start()])) for m in HIRING_PROVIDER.finditer(text)}
    heard = _said(written)
    said = [set() if i in aside else words for i, words in enumerate(heard)]
    # "free my team up", "our own employees": the asker's own people, not the provider's
    owned = [_owned(written, i) for i in range(len(written))]
    served = [_served(written, i) for i in range(len(written))]
    # a word inside another topic's phrase asks that topic only ("which protects us more against swings in demand":
    # "protect against" is spreading risk, not security's "protect")
    places = {(topic.key, phrase): phrase_places(written, phrase) for topic in topics for phrase in topic.phrases}
    phrased: dict[int, set[str]] = {}
    for (key, phrase), starts in places.items():
        words = phrase.split()
        for start in starts:  # (its words, the fillers before its last one left out)
            for i in range(start, min(len(written), start + len(words) + PHRASE_GAP)):
                if written[i] in words:
                    phrased.setdefault(i, set()).add(key)
    first = {}
    by_alone = set()  # (the topics asked only by a phrase that asks it alone)
    for topic in topics:
        at = next((i for i, words in enumerate(said) if words & topic.asks and not (owned[i] and words & topic.theirs)
                   and not (served[i] and words & topic.served) and phrased.get(i, {topic.key}) >= {topic.key}), None)
        direct = at is not None
        for phrase in topic.phrases:
            found = next((i for i in places[(topic.key, phrase)] if i not in aside), None)
            direct = direct or (found is not None and phrase not in topic.alone)
            if found is not None and (at is None or found < at):
                at = found
        if at is not None and not direct:
            by_alone.add(topic.key)
        if at is not None:
            # "what is NOT a benefit of BPO?": "not" just before the word asks the opposite topic ("are there no
            # risks?" still asks the risks)
            if topic.opposite and _denied(written, at):
                topic = next((t for t in topics if t.key == topic.opposite), topic)
            first[topic] = min(at, first.get(topic, at))
    # (a topic asked only by a phrase that asks it alone is not asked beside another: "What downsides does BPO bring to
    # a company?" asks no benefits)
    if len(first) > 1:
        first = {t: at for t, at in first.items() if t.key not in by_alone} or first
    # "Is KPO only about cutting costs?": nothing else asked, what else it brings is asked too (not when the question
    # sets it aside: "apart from the benefits, is KPO just about cost?")
    doubted = [t for t in first if t.beyond and first[t] in only]
    if doubted and set(first) == set(doubted):
        beyond = next((t for t in topics if t.key == doubted[0].beyond), None)
        set_aside = beyond is not None and any(i in aside and words & beyond.asks for i, words in enumerate(heard))
        if beyond is not None and beyond not in first and not set_aside:
            first[beyond] = min(first.values()) - 1  # (what else it brings is placed before what is doubted)
    return tuple(sorted(first, key=lambda t: first[t]))


def asked_weakly(text: str, topic: Topic) -> bool:
    """Whether a question asks a topic only by its weak words ("... do SaaS vendors normally offer?")."""
    if not topic.weak:
        return False
    written = tokens(text)
    said = set().union(*_said(written))
    phrased = any(phrase_places(written, phrase) for phrase in topic.phrases)
    return not phrased and not said & (topic.asks - topic.weak)


def only_topic(text: str, topics: tuple[Topic, ...]) -> bool:
    """Whether every content word of ``text`` is a word a question uses for a topic ("drawbacks")."""
    words = set(content_lemmas(text)) - GRADING - TAKING_UP  # ("main benefits", "downsides to going")
    return bool(words) and words <= set().union(*(t.asks for t in topics))


def _against_the_other(text: str, names: list[str]) -> bool:
    """Whether a comparative asked of one concept measures it against the other ("is outsourcing KPO cheaper?").

    Not against something else ("is BPO cheaper than doing it ourselves?") or over time ("does IaaS get cheaper as
    we grow?", "does BPO make our operations more efficient?").
    """
    if not ONE_SIDED.search(text) or re.search(r"\b(?:make|makes|making|get|gets|getting|become|becomes)\b", text,
                                                re.IGNORECASE):
        return False
    than = re.search(r"\bthan\s+(\w+)", text, re.IGNORECASE)
    return than is None or than.group(1).casefold() in {n.casefold() for n in names}


def compares(text: str, concepts: list[str]) -> bool:
    """Whether the question compares the concepts ("is KPO cheaper than BPO?").

    Not a change over time ("will our customer service get worse if we outsource it?").
    """
    words = set(tokens(CHANGE_OVER_TIME.sub(" ", text)))
    # (nor against the asker's own way: "why would an outside provider do the job better than our own team?")
    if THAN_OURS.search(text) and "which" not in words and len(re.findall(r"\bthan\b", text, re.IGNORECASE)) == 1:
        return False
    return (bool(words & COMPARING) or len(concepts) > 1 and ("which" in words or WHETHER_MORE.search(text) is not None
                                                               or _offered_graded(text, concepts))
            or bool(LOWER_OR_HIGHER.search(text)))


#: Adjectives that grade one against the other ("who does higher quality work, a bpo provider or a kpo provider?").
GRADED = re.compile(r"\b(?:higher|lower|bigger|greater|larger|smaller|stronger|weaker)\b", re.IGNORECASE)


def _offered_graded(text: str, concepts: list[str]) -> bool:
    """Whether a question offers two concepts, one or the other, and grades them ("..., a bpo provider or a kpo provider?")."""
    names = "|".join(re.escape(c) for c in concepts)
    return bool(GRADED.search(text) and re.search(rf"\b(?:{names})\b[^?.!,]{{0,25}}?\bor\b\s+(?:an?\s+|the\s+)?(?:{names})\b",
                                                  text, re.IGNORECASE))


def names_of(topics: Iterable[Topic], conjunction: str = "and") -> str:
    """The names of topics as a sentence lists them: "cost and risks", "cost, risks and working hours".

    A name that holds "and" itself sets the last one apart with a comma: "flexibility and scaling, and spreading and
    reducing risk".
    """
    names = [t.name for t in topics]
    if len(names) > 1 and any(" and " in name for name in names):
        return listed([", ".join(names[:-1]) + ",", names[-1]], conjunction)
    return listed(names, conjunction)


def none_of(topics: Iterable[Topic]) -> str:
    """The names of topics the document does not cover, as "does not cover ..." lists them: "cost or risks".

    ("security and confidentiality, or the law and regulation", not "... and the law and regulation")
    """
    return names_of(topics, "or")


def pros_and_cons(store: FactStore, text: str, topics: list[Topic], concepts: list[str]) -> list[Answer] | None:
    """"pros and cons of BPO?": what one concept is known for, then what the document names against it; else None.

    Only for two topics asked that are each other's opposite, one of them listing the concept's characteristics.
    """
    if len(concepts) != 1 or len(topics) != 2 or compares(text, concepts):
        return None
    good, bad = sorted(topics, key=lambda t: not t.characteristics)
    if not good.characteristics or good.opposite != bad.key:
        return None
    # (nor when the question names something the document speaks of: "Is full control an advantage or a risk with
    # IaaS?" asks about its control)
    asked = set(content_lemmas(_last_question(text))) - concept_name_lemmas(store)
    if _specific(store, asked - good.asks - bad.asks):
        return None
    known_for = _listed_characteristics(store, good, concepts[0])
    against = answer(store, text, [bad], concepts)
    if known_for is None or not against.found:
        return None
    return [known_for, against]


def answer(store: FactStore, text: str, topics: list[Topic], concepts: list[str]) -> Answer:
    """What the document says on ``topics`` for ``concepts`` (all concepts when none is named)."""
    names = [c.abbreviation for c in store.concepts()]
    chosen = concepts or names
    own = set(content_lemmas(text)) - concept_name_lemmas(store)
    # (what the asker says before the question is no part of it: "IT manager here, we're thinking of outsourcing
    # our helpdesk. what upsides does BPO give us?")
    asked = set(content_lemmas(_last_question(text))) - concept_name_lemmas(store)
    if (len(topics) == 1 and topics[0].characteristics and len(concepts) == 1 and not compares(text, concepts)
            and not _specific(store, asked - topics[0].asks)
            and (known_for := _listed_characteristics(store, topics[0], concepts[0], text)) is not None):
        return known_for  # "what are the main advantages of going the BPO route": what the concept is known for
    # "Is KPO only about cutting costs?": what else it brings, asked beside what is doubted, is what it is known for
    if (len(concepts) == 1 and len(topics) > 1 and topics[0].characteristics
            and all(t.beyond == topics[0].key for t in topics[1:]) and not compares(text, concepts)
            and (known_for := _listed_characteristics(store, topics[0], concepts[0])) is not None):
        return known_for
    # each topic's sentences (found by the document's words for it and the question's own, minus the
    # concepts' names), taken in turn: "our help line on weekends, by an outsourcing partner?" is about hours too
    # (a word that only names who is involved finds sentences only when the question asks the topic by it: "where
    # does the vendor's job stop?", not "are saas contracts usually 12 months?")
    # (a sentence holding the word by which the question asks the topic comes first, when the document uses it too: "Why
    # is good communication such a big deal when working with a knowledge outsourcing firm?" gets "Effective
    # communication is crucial ...", before "Providers work closely with clients ...")
    each = [_sentences(store, t.finds | own, t.finds, chosen, t.finds | t.asks, t.avoids, t.weak - (own & t.asks),
                       echoed=asked & t.finds & t.asks)
            for t in topics]
    # "any downsides to saas?" of a document that names no risk of SaaS: the rows its table weighs the concepts on
    weighed = [t for t, one in zip(topics, each, strict=True) if t.tradeoffs and not any(one.values())]
    rows = _weighed_rows(store) if weighed else []
    shown = [{"table": rows} if t in weighed and rows else one for t, one in zip(topics, each, strict=True)]
    found = _in_turn(shown)
    # what a concept's definition says on the topic comes first ("what is KPO trying to achieve?": "KPO aims to leverage
    # advanced expertise and intellectual capital to drive innovation and strategic decision-making.")
    # (after a sentence holding a telling word of the question's own: "do KPO providers actually try to understand our
    # business goals ...?" gets "Providers work closely with clients to understand ..." first)
    # ("Why would a company use KPO for legal work?": a word of the message that names work in general tells nothing)
    first: dict[str | None, list[Passage]] = {}
    rare = _specific_words(store, asked - GENERAL - {w for t in topics for w in t.asks | t.finds})
    for concept in chosen:
        if not (said := _defining(store, topics, concept)):
            continue
        rest = [p for p in found.get(concept, []) if p.text not in {d.text for d in said}]
        ahead = [p for p in rest if set(content_lemmas(p.text)) & rare]
        found[concept] = [*ahead, *said, *(p for p in rest if p not in ahead)]
        first[concept] = [*ahead, *said]
    # of several topics, the one sentence quoted of both is the one with most of the question's own words ("how do we
    # make sure the outsourced team's quality stays up to standard?": Vendor Management's "... ensure that the
    # outsourced functions meet quality standards ...", not the first on the people)
    # (words many of the document's sentences hold, "outsource", "provider", choose none)
    if len(topics) > 1 and found.get(None):
        telling = own - _common_lemmas(store)
        shared = {p.text: len(set(content_lemmas(p.text)) & telling) for p in found[None]}
        if max(shared.values()) >= OWN_WORDS_SHARED:
            found[None] = sorted(found[None], key=lambda p: -shared[p.text])
    # a sentence that holds a phrase of the question's own comes first ("which gives us a bigger competitive
    # advantage": "... activities that directly contribute to their competitive advantage.", not only what the
    # document says of benefits)
    # (not beside topics none of which it speaks to: "... can we guarantee the data stays in an EU region?" is told
    # the document does not cover the law)
    phrased = _phrased(store, _last_question(text), chosen) if any(found.values()) else {}
    for key, passages in phrased.items():
        found[key] = [*passages, *(p for p in found.get(key, []) if p.text not in {q.text for q in passages})]
    # a topic nothing speaks to, beside others something does ("data protection laws ... a bpo vendor": security)
    uncovered = [t for t, one in zip(topics, shown, strict=True) if not t.characteristics and not any(one.values())]
    topic = names_of(t for t in topics if t not in uncovered)
    both = " and ".join(chosen)
    if any(t.characteristics for t in topics):
        for concept in chosen:  # "whats good about iaas": nothing says "benefit", its characteristics do
            if not found.get(concept):
                found[concept] = _characteristics(store, concept)
    if not any(found.values()):
        return Answer(say("topic_not_covered", topic=none_of(topics), concepts=both), found=False,
                      topic=TopicName.SEARCH, concept=chosen[0] if concepts else None)
    items = []
    sources = []
    # ("how do both of these help with innovation": what the document says of both comes first)
    # (not "both" in what the asker tells: "customers in asia and the US both want support at all hours ...")
    keys = ([None, *chosen, "table"] if len(chosen) > 1 and "both" in tokens(_last_question(text))
            else [*chosen, None, "table"])
    for key in keys:
        many = (max(PER_CONCEPT, min(len(topics), MOST), len(first.get(key, [])) + 1) if key in chosen
                else len(rows) if key == "table" and rows else 1) + len(phrased.get(key, []))
        quoted = [*found.get(key, [])[:many], *(_followed_up(found.get(key, []), many, chosen) if key is None else [])]
        # (a sentence that points back, "Leveraging these resources ...", after the one it points to)
        for passage in retrieve.in_reading_order(store, quoted):
            if key == "table":
                who = say("topic_table")
            else:
                who = key or say("topic_both", concepts=" and ".join(names))
            items.append(say("topic_item", concept=who, text=passage.text))
            sources.append(Place(Part.SECTION, heading=passage.section, line=passage.line))
    if weighed and rows and len(weighed) == len(topics) - len(uncovered):
        text_out = say("topic_weighed", topic=names_of(weighed), concepts=both,
                       all=" and ".join(names))
    elif weighed and rows:  # ("what are the costs and downsides of SaaS?": the rows come last, said to be such)
        text_out = " ".join([say("topic_weighed_too", topic=names_of(weighed), concepts=both,
                                 all=" and ".join(names)), say("topic_intro", topic=topic, concepts=both)])
    else:
        text_out = say("topic_intro", topic=topic, concepts=both)
    if uncovered:
        text_out = say("topic_not_covered", topic=none_of(uncovered), concepts=both) + " " + text_out
    # (not of why it is so: "Why does paying per user make finance people happy?")
    if (any(t.amounts for t in topics) and AMOUNT.search(text) and not WHY.match(_last_question(text))
            and not has_figure(" ".join(items))):
        text_out = say("topic_no_figures") + " " + text_out  # "roughly how much does a kpo analyst cost per hour"
    unweighed, comparative = _not_weighed(store, text, topics, each)
    # (a topic it says nothing on is not said to be one it does not compare them on, too: "which has the more flexible
    # way of paying")
    unweighed = [t for t in unweighed if t not in uncovered]
    comparing = (len(chosen) > 1 and compares(text, chosen) and (concepts or not OTHER_CHOICE.search(text))
                 or len(chosen) == 1 and _against_the_other(text, names))
    # (asked of one concept, "cheaper" is than the other: the document never says which)
    measured = names if len(chosen) == 1 else chosen
    # asked of both, and only one of them has sentences on it (none of both, no row): the document does not set them
    # side by side there ("is kpo usually done offshore the same way bpo is?": only BPO's offshore and nearshore)
    one_sided = [(t, having) for t, one in zip(topics, each, strict=True)
                 if len(set(concepts)) > 1 and t not in weighed and t not in uncovered
                 and not one.get(None) and not one.get("table")
                 and 0 < len(having := [c for c in chosen if one.get(c)]) < len(chosen)]
    if comparing and unweighed:
        text_out = say("topic_not_compared", topic=names_of(unweighed),
                       concepts=" and ".join(measured)) + " " + text_out
    elif comparing and comparative and (len(concepts) > 1 or len(chosen) == 1 or WHICH_OF_THEM.search(text)):
        # "which is the safer bet?" of rows on other things: the comparative itself is what it does not weigh
        text_out = say("not_weighed_on", concepts=listed(measured, "or"), comparative=comparative) + " " + text_out
    elif one_sided:
        text_out = " ".join([*(say("topic_one_sided", topic=names_of([t]), concepts=" and ".join(chosen),
                                   having=listed(having)) for t, having in one_sided), text_out])
    return Answer(text_out, tuple(sources), items=items, topic=TopicName.SEARCH,
                  concept=chosen[0] if len(chosen) == 1 else None)


def _defining(store: FactStore, topics: list[Topic], concept: str) -> list[Passage]:
    """The sentences of ``concept``'s definition that speak to the topics by their ``defining`` words, in reading order.

    (none holding a word a topic ``avoids``: "Effective KPO requires deep collaboration ..." says what it takes)
    """
    words = frozenset().union(*(t.defining for t in topics))
    avoids = frozenset().union(*(t.avoids for t in topics if t.defining))
    if not words:
        return []
    return [p for p in _definition(store, concept)
            if (lemmas := set(content_lemmas(p.text))) & words and not lemmas & avoids]


def _definition(store: FactStore, concept: str) -> list[Passage]:
    """The sentences of ``concept``'s definition paragraph, in reading order."""
    found = store.concept(concept)
    if found is None:
        return []
    return sorted((p for p in store.passages() if p.section == found.heading and p.concept == concept and not p.title),
                  key=lambda p: p.line)


def _followed_up(shared: list[Passage], many: int, chosen: list[str]) -> list[Passage]:
    """The sentences of a similarity quoted that go on to say how a concept asked does it.

    "how does kpo save money?" gets "Both practices aim to reduce operational costs." and "BPO achieves this by
    outsourcing routine tasks, while KPO does so by offloading complex, knowledge-intensive tasks ...", from the same
    similarity, which names KPO.
    """
    titles = {p.title for p in shared[:many]}
    return [p for p in shared[many:] if p.title in titles
            and any(re.search(rf"\b{re.escape(c)}\b", p.text) for c in chosen)]


def _not_weighed(store: FactStore, text: str, topics: list[Topic],
                 found: list[dict[str | None, list[Passage]]]) -> tuple[list[Topic], str | None]:
    """What a comparison asks that no table row found places the concepts on: topics, or else a comparative.

    "who delivers better quality?": efficiency and quality (a row on the people was found for other words); "which
    is more scalable?": nothing (the row on scaling grades them). A comparative of no topic asked is not weighed by
    a row found that does not speak of it: "which is the safer bet for volatile demand?" of the row on scaling gives
    "safer". With no comparative word ("compare their hours"), every topic unless a table row was found, as the row
    is then the comparison.
    """
    compared = _comparatives(text)
    # (a topic is asked beside a comparative by its phrase's words too: "which protects us better", "protect us"; not
    # by the comparative, "better value")
    asked = [(topic, one.get("table", []),
              [c for c, words in compared if words & (topic.asks | topic.phrase_words - set(content_lemmas(c)))])
             for topic, one in zip(topics, found, strict=True)]
    asked = [(topic, passages, comparatives) for topic, passages, comparatives in asked if comparatives]
    question = set(content_lemmas(_last_question(text)))
    if asked:  # (a row found on the topic is its comparison: "which one has better qualified staff?")
        # (when it speaks to the question: "which gives us more competitive advantage" is not weighed by Value Addition)
        return [topic for topic, passages, _ in asked
                if not passages or not _speaks(store, passages, question | topic.asks,
                                               question | set(content_lemmas(topic.name)))], None
    rows = [row for one in found for p in one.get("table", []) if (row := store.aspect(p.title or "")) is not None]
    if not rows:
        return list(topics), None
    # an adjective of its own ("safer"), not "better" or "more new ideas", which a row found may well grade
    for comparative, words in reversed(compared):  # (the question is most often last)
        if (answers.ADJECTIVE_COMPARATIVE.fullmatch(comparative)
                and not any(answers.says(cell, w) for w in words for row in rows
                            for cell in [row.name, *row.values.values()])):
            return [], comparative.lower()
    # (a row is the comparison only if it speaks to what the question asks, in its words or the topic's: "which one
    # gives us more of a competitive advantage?" is not weighed by the row Value Addition, found for benefits; "which
    # one is more work to look after?" is, by the row Effort)
    # (or is named after it, or the topic: Scalability, of flexibility and scaling)
    if not _speaks(store, [p for one in found for p in one.get("table", [])],
                   question | {w for t in topics for w in t.asks},
                   question.union(*(content_lemmas(t.name) for t in topics))):
        return list(topics), None
    return [], None


def _speaks(store: FactStore, rows: list[Passage], words: set[str], named_by: set[str]) -> bool:
    """Whether one of the table's ``rows`` says one of ``words``, or is named by a word of ``named_by``.

    A concept's name and a comparing word say nothing. A row's name is named by a word of as many letters as
    :data:`NAMED_BY`, or more, that it begins like ("Scalability" by "scale" or "scaling", which no form of them says).
    """
    names = concept_name_lemmas(store) | COMPARING
    aspects = [row for p in rows if (row := store.aspect(p.title or "")) is not None]
    if not aspects:
        return False
    # (as answers.says reads a cell, each cell's words and each word's forms read once)
    said = answers.cell_words(cell for row in aspects for cell in [row.name, *row.values.values()])
    forms = {f for word in {lemma(w) for w in words} - names for f in answers.word_forms(word)}
    return (answers.says_any(said, forms)
            or any(w[:NAMED_BY - 1] == n[:NAMED_BY - 1] for row in aspects for n in content_lemmas(row.name)
                   for w in named_by - names if len(w) >= NAMED_BY))


def _comparatives(text: str) -> list[tuple[str, set[str]]]:
    """Each comparative of a question, with the lemmas of it and of the words beside it.

    "better quality", "scales better", "easier to grow", "protects us better" (two words before it); a comparative that
    judges by itself alone ("safer").
    """
    return [(c.group(0), set(content_lemmas(c.group(0) if EVALUATIVE.fullmatch(c.group(0)) else
                                            " ".join([*tokens(text[:c.start()])[-2:], c.group(0),
                                                      *tokens(text[c.end():])[:2]]))))
            for c in answers.COMPARATIVE.finditer(text)]


#: Comparatives that judge by themselves: "which is safer when demand swings?" asks what is safe, not demand.
EVALUATIVE = re.compile(r"cheaper|costlier|pricier|safer|riskier", re.IGNORECASE)


def has_figure(text: str) -> bool:
    """Whether a text gives a figure: a digit that is no part of "24/7" (round the clock is no amount)."""
    return re.search(r"\d", re.sub(r"\b24/7\b", "", text)) is not None


@lru_cache(maxsize=8)
def gives_figures(store: FactStore) -> bool:
    """Whether any passage of a store gives a figure (:func:`has_figure`), read once per store."""
    return any(has_figure(p.text) for p in store.passages())


def _phrased(store: FactStore, text: str, concepts: list[str]) -> dict[str | None, list[Passage]]:
    """The sentences of ``concepts`` (and of both) that hold two words the question writes side by side.

    Only a pair few sentences hold (:data:`PHRASE_RARE`), of words that name no concept: "competitive advantage",
    "operational risk", "new technology".
    """
    names = concept_name_lemmas(store)
    asked = [w for w in content_lemmas(text) if w not in names and w not in GRADING]
    pairs = {(a, b) for a, b in zip(asked, asked[1:], strict=False) if a != b}
    if not pairs:
        return {}
    _, similarities = store.headings()
    holding: dict[tuple[str, str], list[Passage]] = {}
    for passage, held in _pairs(store):
        for pair in pairs & held:
            holding.setdefault(pair, []).append(passage)
    phrased: dict[str | None, list[Passage]] = {}
    for pair in sorted(holding):
        if len(holding[pair]) > PHRASE_RARE:
            continue
        for passage in holding[pair]:
            key = (passage.concept if passage.concept in concepts
                   else None if passage.concept is None and passage.section.startswith(similarities) else False)
            if key is not False and passage.text not in {p.text for p in phrased.get(key, [])}:
                phrased.setdefault(key, []).append(passage)
    return phrased


@lru_cache(maxsize=8)
def _pairs(store: FactStore) -> tuple[tuple[Passage, frozenset[tuple[str, str]]], ...]:
    """Each sentence of the store (no table row) with the pairs of content lemmas it holds side by side."""
    differences, _ = store.headings()
    sequences = [(p, content_lemmas(p.text)) for p in store.passages()
                 if not (p.concept is None and p.section == differences)]
    return tuple((p, frozenset(zip(seq, seq[1:], strict=False))) for p, seq in sequences)


def _in_turn(found: list[dict[str | None, list[Passage]]]) -> dict[str | None, list[Passage]]:
    """Each topic's sentences by concept, merged: the best of each topic first, then the next of each."""
    merged: dict[str | None, list[Passage]] = {}
    for key in {key for one in found for key in one}:
        lists = [one.get(key, []) for one in found]
        for rank in range(max(len(passages) for passages in lists)):
            for passages in lists:
                # (one sentence found for two topics may come back scored twice: it is quoted once)
                if rank < len(passages) and passages[rank].text not in {p.text for p in merged.setdefault(key, [])}:
                    merged[key].append(passages[rank])
    return merged


#: Where a sentence ends, in a characteristic's text.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _last_question(text: str) -> str:
    """The last sentence of ``text`` that ends in a question mark, or all of it when there is none."""
    asked = [part for part in re.findall(r"[^.!?]*\?", text) if part.strip(" ?")]
    return asked[-1] if asked else text


def _specific(store: FactStore, words: set[str]) -> bool:
    """Whether some of a question's words are things the document speaks of in a few places.

    "... benefit from the tech a BPO provider has": "systems". Not a grading word ("main"), a word it never
    uses ("route"), or one it uses everywhere ("company").
    """
    return bool(_specific_words(store, words))


def _specific_words(store: FactStore, words: set[str]) -> set[str]:
    """The words of ``words`` the document speaks of in a few places (:func:`_specific`)."""
    held, passages = _held(store), len(store.passages())
    return {word for word in words - GRADING if 0 < held[word] <= COMMON_IN_DOCUMENT * passages}


#: Sentences of a concept's definition on a topic said after its characteristics are listed.
DEFINING = 2


#: A question of what a concept gives, not of what one gets out of it: "What do we actually get if we go with IaaS?",
#: "what do you actually get for your money?" (what is rented), not "what do we get out of BPO?".
WHAT_IT_GIVES = re.compile(r"\bwhat\s+(?:do|does|would|will|can)\s+(?:we|you|i|they|a\s+company|companies)\s+"
                         r"(?:actually\s+|really\s+|even\s+)?get\b(?!\s+(?:out\b|from\b|back\b|in\s+return\b|to\b))",
                         re.IGNORECASE)


def _listed_characteristics(store: FactStore, topic: Topic, concept: str, text: str = "") -> Answer | None:
    """Each of a concept's characteristics by its title and first sentence, for a topic they speak to (benefits).

    The sentences of the concept's definition on the topic follow: "what are the main benefits of BPO" gets
    "... businesses can improve efficiency, focus on core activities, and adapt to changing market conditions."
    A question of what one gets with the concept (:data:`WHAT_IT_GIVES`) is told first what its definition says it is.
    """
    found = store.concept(concept)
    if found is None or not found.characteristics:
        return None
    lines = {p.title: (p.section, p.line) for p in store.passages() if p.concept == concept and p.title}
    on_topic = _sentences(store, set(topic.finds), set(topic.finds), [concept], set(topic.finds) | set(topic.asks),
                          topic.avoids, topic.weak).get(concept, [])
    defining = [p for p in on_topic if p.section == found.heading and not p.title][:DEFINING]
    # (not after a question of what it is, answered by the definition: "What is IaaS and what do we actually get?",
    # whose rest comes here as " and what do we actually get ...")
    asked = _last_question(text)
    if WHAT_IT_GIVES.search(asked) and not re.search(r"\bwhat(?:\s+(?:is|are)|'s)\b|^\W*and\b", asked, re.IGNORECASE):
        definition = _definition(store, concept)
        defining = [*definition[:1], *(p for p in defining if p.text not in {d.text for d in definition[:1]})]
    items, sources = [], []
    for item in found.characteristics:
        first = SENTENCE_END.split(item.text.strip(), maxsplit=1)[0]
        items.append(say("topic_characteristic", title=item.title, text=first))
        section, line = lines.get(item.title, (found.heading, item.line))
        sources.append(Place(Part.SECTION, heading=section, line=line))
    items += [say("topic_defining", text=p.text) for p in defining]
    sources += [Place(Part.SECTION, heading=p.section, line=p.line) for p in defining]
    heading = "topic_characteristics_defined" if defining else "topic_characteristics"
    return Answer(say(heading, topic=topic.name, concept=concept, each=say("each_first_sentence")),
                  tuple(dict.fromkeys(sources)), items=items, topic=TopicName.SEARCH, concept=concept)


def _characteristics(store: FactStore, concept: str) -> list[Passage]:
    """A concept's characteristics, each as a passage "Title: text"."""
    found = store.concept(concept)
    if found is None:
        return []
    sections = {p.title: p.section for p in store.passages() if p.concept == concept and p.title}
    return [Passage(sections.get(item.title, found.heading), f"{item.title}: {item.text}", item.line, 0.0, concept,
                    item.title) for item in found.characteristics]


def _weighed_rows(store: FactStore) -> list[Passage]:
    """The table's rows that weigh the concepts against each other: all but a row of lists (the examples)."""
    differences, _ = store.headings()
    listing = {a.name for a in store.aspects() if a.items}
    return [p for p in store.passages() if p.concept is None and p.section == differences and p.title
            and p.title not in listing]


#: A lemma this share of a store's sentences hold tells none of them apart.
COMMON_SHARE = 0.15
#: The sentence shared by both concepts that holds this many of a question's telling words comes first.
OWN_WORDS_SHARED = 2


@lru_cache(maxsize=8)
def _common_lemmas(store: FactStore) -> frozenset[str]:
    """The lemmas :data:`COMMON_SHARE` of a store's passages hold ("outsource", "provider")."""
    passages = len(store.passages())
    return frozenset(lemma for lemma, count in _held(store).items() if count >= COMMON_SHARE * passages)


@lru_cache(maxsize=8)
def _held(store: FactStore) -> Counter[str]:
    """How many of a store's passages hold each lemma."""
    return Counter(lemma for passage in store.passages() for lemma in set(content_lemmas(passage.text)))


@lru_cache(maxsize=8)
def _written_forms(store: FactStore) -> dict[str, frozenset[str]]:
    """Each lemma of a store's passages, with the forms its passages write it in ("pay": "paid")."""
    forms: dict[str, set[str]] = {}
    for passage in store.passages():
        for shown, base in content_words(passage.text):
            if shown.lower() != base:
                forms.setdefault(base, set()).add(shown.lower())
    return {base: frozenset(written) for base, written in forms.items()}


def _sentences(store: FactStore, wanted: set[str], finds: set[str], concepts: list[str],
               rows: set[str], avoids: frozenset[str] = frozenset(),
               weak: frozenset[str] = frozenset(), echoed: set[str] | frozenset[str] = frozenset()
               ) -> dict[str | None, list[Passage]]:
    """The store's sentences on the topic: by concept, ``None`` for shared ones.

    A sentence must hold one of the topic's own words (``finds``) other than those that only name who is
    involved (``weak``: "a vendor runs and updates" says nothing of the relationship), and none it ``avoids``;
    the question's words only rank it, those of ``finds`` it uses itself (``echoed``) most. A table row counts (under
    "table") only when its name is about the topic.
    """
    differences, similarities = store.headings()
    ranked: dict[str | None, list[tuple[int, float, Passage]]] = {}
    # (and by the words as the document writes them, after those the search finds: it stems "pay", not "paid")
    found = store.search(" ".join(sorted(wanted)), limit=60)
    written = _written_forms(store)
    if forms := {w for base in wanted for w in written.get(base, ())} - wanted:
        seen = {p.text for p in found}
        found += [replace(p, score=-math.inf) for p in store.search(" ".join(sorted(forms)), limit=60)
                  if p.text not in seen]
    for passage in found:
        lemmas = set(content_lemmas(passage.text))
        is_row = passage.concept is None and passage.section == differences
        if not (lemmas & finds or is_row and lemmas & wanted) or lemmas & avoids and not is_row:
            continue
        if not is_row and not (lemmas & finds) - weak:
            continue
        hits = len(lemmas & finds) * 2 + len(lemmas & wanted) + len(lemmas & echoed) * 2
        if passage.concept in concepts:
            key: str | None = passage.concept
        elif passage.concept is None and passage.section.startswith(similarities):
            key = None
        elif passage.concept is None and passage.section == differences:
            if not set(content_lemmas(passage.title or "")) & rows:
                continue
            key = "table"
        else:
            continue
        ranked.setdefault(key, []).append((hits, passage.score, passage))
    return {key: [p for _, _, p in sorted(found, key=lambda f: (-f[0], -f[1]))] for key, found in ranked.items()}
