"""A turn: the message as the dialogue logic needs it, and what the conversation was about before.

Also the shape of a message's text: its sentences, its clauses and their opening words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.answering.entities import Mentions, Names
from bot.answering.live import Facts
from bot.text import content_lemmas, tokens
from bot.wording import TYPED_QUESTION_WORDS

#: Words that point back at the concept in context ("examples of it").
PRONOUNS = frozenset({"it", "its", "it's", "this", "that", "them", "they", "their"})
#: "there" of a place named before ("what qualifications do the people there have?", "who works there?", "what do
#: they do there", "what does scalability mean there"); not "is there", "there are", "hi there".
THERE = re.compile(r"\b(?:people|staff|team|teams|employees|workers|experts|analysts|agents|work|works|working|"
                   r"worked|done|happens?|do|does|mean|means|meant)\s+there\b", re.IGNORECASE)
#: First words of a question.
QUESTION_OPENERS = frozenset("what which who why how when where is are can could does do will would should".split())
#: Words in a message that ask something of the assistant, wherever they stand ("Honestly I just want to know ...").
ASKS_OF_US = re.compile(r"\b(?:want|like|need) to know\b|\btell me\b|\b(?:can|could) you\b|\bshow me\b|\bexplain\b",
                        re.IGNORECASE)
#: Words opening a sentence that asks something of the assistant ("Tell me the main risks of BPO.", "Any tips ...").
REQUEST_OPENERS = frozenset("tell explain show list give define compare describe help any what how why who when "
                            "where can could".split())
#: Words that lead into a question without being part of it ("so who decides which operating system runs?").
LEAD_INS = frozenset("so and but ok okay then well also wait hmm".split())


#: The key of an earlier message (:attr:`Context.earlier`) given while a form was active.
IN_FORM = "in_form"


@dataclass
class Context:
    """What the conversation was about before this turn (the context slots, see :mod:`bot.contract`)."""

    concept: str | None = None
    aspect: str | None = None
    characteristic: str | None = None
    task: str | None = None
    topic: str | None = None
    #: The earlier messages as Rasa parsed them (``text``, ``intent``, ``entities``; :data:`IN_FORM` when given
    #: as an answer in the guided classification), latest first: a follow-up such as "and IaaS?" asks one of
    #: them again (see :func:`asked_again`).
    earlier: tuple[Mapping[str, Any], ...] = ()


@dataclass
class Turn:
    """One user message as the dialogue logic needs it.

    Attributes:
        text: The message as typed (or a button's payload).
        intent: The intent NLU predicted.
        mentions: The names and tasks the message mentions.
        context: What the conversation was about before.
        ranking: The intents NLU ranked, with their confidence, best first.
    """

    text: str
    intent: str
    mentions: Mentions = field(default_factory=Mentions)
    context: Context = field(default_factory=Context)
    ranking: list[tuple[str, float]] = field(default_factory=list)
    #: In a long message, the one sentence that asks, read on its own (:func:`asking_sentence`).
    focus: Turn | None = None

    @property
    def words(self) -> set[str]:
        """The message's lower-case words."""
        return set(tokens(self.text))

    def refers_back(self) -> bool:
        """Whether the message points back at something in context ("examples of it", "the people there")."""
        return bool(self.words & PRONOUNS) or THERE.search(self.text) is not None

    def context_concept(self) -> str | None:
        """The concept named now, else the one in context."""
        return self.mentions.concept or self.context.concept


def other_concept(facts: Facts, concept: str | None) -> str | None:
    """The concept of the two that is not ``concept`` (none when no concept is given)."""
    others = [c.abbreviation for c in facts.store.concepts() if c.abbreviation != concept]
    return others[0] if concept and others else None


def concepts_asked(turn: Turn) -> list[str]:
    """The concepts the message names, else the one in context.

    And the one in context too when the message compares it with the one it names ("how does it compare on quality
    with kpo?" after BPO).
    """
    named, before = list(turn.mentions.concepts), turn.context.concept
    if compares_back(turn, named):
        return [before, *named]
    return named or ([before] if before else [])


def compares_back(turn: Turn, named: list[str], pattern: re.Pattern[str] | None = None) -> bool:
    """Whether the message compares the concept in context with the one other it names (``named``).

    ``pattern``: how it sets them side by side, :data:`COMPARED_BACK` unless given: :data:`OFFERED_BACK` only as the
    choice it offers ("..., that or bpo?"), not as what it weighs against ("is it cheaper than KPO?"); :data:`SAME_AS_BACK`
    as the same thing ("isnt that basically the same as bpo?").
    """
    before = turn.context.concept
    return (len(set(named)) == 1 and bool(before) and before not in named
            and (pattern or COMPARED_BACK).search(turn.text) is not None)


#: A choice offered between what a message points back at and something: "so which one saves more money overall, that
#: or bpo?".
OFFERED_BACK = re.compile(r"\b(?:that|this)\s+(?:one\s+)?or\s+(?:the\s+)?\w+\W*$|\bor\s+(?:that|this)(?:\s+one)?\W*$",
                          re.IGNORECASE)
#: A message comparing what it points back at with something: "how does it compare on quality with kpo?", "is that
#: cheaper than KPO?", "is its billing more flexible than SaaS's?", or offering the choice.
COMPARED_BACK = re.compile(r"\b(?:it|its|that|this|they|their)\b[^?.!]*\b(?:compare[sd]?|than|versus|vs\.?|against)\b"
                           rf"|{OFFERED_BACK.pattern}", re.IGNORECASE)
#: A message asking whether what it points back at is the same as what it names: "isnt that basically the same as
#: bpo?" ("how is that different from BPO?" is a comparison already, in the form asked before: "in a nutshell").
SAME_AS_BACK = re.compile(r"\b(?:its?|thats?|this|they)\b[^?.!]*\bsame\s+(?:thing\s+)?as\b", re.IGNORECASE)


def sentences_of(text: str) -> list[str]:
    """A message's sentences, each ending at its "?", "." or "!" ("We've never had ... . Would a BPO provider ...?")."""
    return [s for s in re.split(r"(?<=[?.!])\s+", text.strip()) if s]


def last_question(turn: Turn) -> Turn:
    """The turn asking only its last sentence, when that is a question after sentences that ask nothing.

    "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol"; else the turn.
    """
    sentences = sentences_of(turn.text)
    # an earlier question or request asks too ("Explain how BPO handles GDPR. What are the risks?")
    if len(sentences) < 2 or any("?" in s or set(tokens(s)[:1]) & (QUESTION_OPENERS | REQUEST_OPENERS)
                                 or ASKS_OF_US.search(s) or "please" in tokens(s) for s in sentences[:-1]):
        return turn
    last = sentences[-1]
    if "?" not in last and not set(tokens(last)[:1]) & QUESTION_OPENERS:
        return turn
    return replace(turn, text=last)


#: Who a sentence that tells something opens with ("My manager keeps mentioning it", "we've just started"), or its
#: verb when chat leaves out "I" ("keep seeing KPO in our vendor docs") ...
TELLERS = frozenset("i im i'm my me we we're our us he she his her they their someone everyone everybody people "
                    "everybody boss manager team keep keeps kept been saw seen seeing heard hearing noticed".split())
#: ... and words that make it ask after all ("I'm interested in the risks too", "we care about cost").
INTERESTED = frozenset("wonder wondering interested curious care keen want wanted need needs".split())


def first_question(turn: Turn) -> Turn:
    """The turn asking only its first sentence, when that is a question and the sentences after it ask nothing.

    "Can you explain KPO in simple terms? My manager keeps mentioning it in meetings ..."; else the turn.
    """
    told = told_after(turn.text)
    return turn if told is None else replace(turn, text=turn.text[:told].strip())


def _second_start(text: str, sentences: list[str]) -> int:
    """Where a message's second sentence starts."""
    return text.index(sentences[1], text.index(sentences[0]) + len(sentences[0]))


def told_after(text: str) -> int | None:
    """Where the sentences after a message's first question start, when they only tell of someone; else none.

    "Can you explain KPO in simple terms? My manager keeps mentioning it in meetings ...", "sorry new here, what
    does BPO actually mean? people keep saying it in standup".
    """
    sentences = sentences_of(text)
    # (each after it tells of someone, "My manager keeps ...", and asks nothing: not "And its risks.", "mainly
    # wondering about risks", "what's KPO then? and how is the relationship managed in each case")
    if not sentences or any(_asks_after_all(s) for s in sentences[1:]):
        return None
    # "Can someone explain KPO to me in plain english, I keep hearing it in meetings": the clause after the comma tells
    if (clause := TOLD_CLAUSE.search(sentences[0])) is not None and not _asks_after_all(clause.group(1)) and (
            set(opening_words(sentences[0])[:3]) & (QUESTION_OPENERS | REQUEST_OPENERS)
            or ASKS_OF_US.search(sentences[0][:clause.start()])):
        return text.index(sentences[0]) + clause.start(1)
    if len(sentences) < 2 or "?" not in sentences[0]:
        return None
    return _second_start(text, sentences)


#: A clause after a comma that tells of someone and of where they met the word, to the end of the sentence: ", I keep
#: hearing it in meetings", ", my boss asked me to look into it" (not ", our concern is scalability", ", my question is
#: how it's managed", ", my boss cares about cost": what is asked).
TOLD_CLAUSE = re.compile(r",\s+((?:i|i[’']m|im|my|we|we[’']re|our|people|everyone|someone)\s[^,?]*?"
                         r"\b(?:it|them|this|that)\b(?![’']s|\s+(?:is|are|was)\b)[^,?]*)$", re.IGNORECASE)


def _asks_after_all(sentence: str) -> bool:
    """Whether a sentence after a question asks, or does not tell of someone ("mainly wondering about risks")."""
    return ("?" in sentence or not set(opening_words(sentence)[:1]) & TELLERS or bool(set(tokens(sentence)) & INTERESTED)
            or bool(ASKS_OF_US.search(sentence)) or "please" in tokens(sentence))


#: Words ending in -ing that open a sentence asking more, not telling what the asker is doing ("including KPO?").
ASKING_ING = frozenset("including regarding considering assuming excluding concerning during anything something "
                       "everything nothing thing bring looking thinking hoping asking".split())


#: A first question of fewer words asks about what follows it, not on its own.
QUESTION_WORDS = 3


def doing_after(text: str) -> int | None:
    """Where the sentences after a message's first question start, when each only tells what the asker is doing.

    "what do bpo and kpo have in common? writing up a slide for the team rn", "... setting one up for the support
    team": the question is the first sentence. Not "... including the risks", nor a sentence that asks.
    """
    sentences = sentences_of(text)
    # (a question of a word or two asks about what follows: "KPO? reviewing our supplier contracts for legal exposure")
    if len(sentences) < 2 or "?" not in sentences[0] or len(tokens(sentences[0])) < QUESTION_WORDS:
        return None
    for sentence in sentences[1:]:
        first = opening_words(sentence)[:1]
        if ("?" in sentence or not first or not first[0].endswith("ing") or first[0] in ASKING_ING
                or set(tokens(sentence)) & INTERESTED or ASKS_OF_US.search(sentence)):
            return None
    return _second_start(text, sentences)


#: What makes a statement one to confirm, after it: "..., right?", "..., yes?", "He is right?", "is that true?".
#: (a tag that asks by its own words needs no "?": "iaas is billed monthly like saas isn't it")
CLAIM_TAG = re.compile(
    r"[\s,.;:!-]*\b(?:(?:right|yes|yeah|yep|correct|true|no|fair|accurate|(?:is\s+)?(?:he|she)\s+(?:is\s+)?right|"
    r"(?:are\s+)?they\s+(?:are\s+)?right)\W*\?+|"
    r"(?:(?:isn|doesn|wasn)['\u2019]?t\s+(?:it|that)|(?:aren|don)['\u2019]?t\s+they|"
    r"is\s+(?:that|this|it)\s+(?:right|true|correct|so|accurate)|am\s+i\s+right|or\s+am\s+i\s+wrong|"
    r"(?:do\s+you\s+|would\s+you\s+|(?:does|would)\s+the\s+(?:document|doc|text)\s+)?agree(?:\s+with\s+(?:that|this|it|them))?|"
    r"true\s+or\s+false)\W*\?*)\W*$",
    re.IGNORECASE)


def clauses_of(text: str) -> list[str]:
    """A message's clauses: "As head of HR, why would ...?" holds the question in its second."""
    return re.split(r"[,;:.!?]|\s-+\s", text)


def opening_words(clause: str) -> list[str]:
    """A clause's words after the words that only lead into it ("so who decides ...?": who decides ...)."""
    words = tokens(clause)
    while words and words[0] in LEAD_INS:
        words.pop(0)
    return words


#: A sentence in which the asker says what kind of person they are ("I'm not a tech person.", "I'm new to this.",
#: "hi sorry im new here,"):
#: nothing to answer or to weigh.
SELF_DESCRIPTION = re.compile(
    r"(?:^|(?<=[.!?,;])\s*)(?:(?:hi|hey|hello|sorry|ok|okay|so|um+)\W+)*(?:i['\u2019]?m|i\s+am)\s+(?:(?:not|really|very|totally|completely|pretty|quite|just|no)\s+)*"
    r"(?:(?:a|an)\s+(?:\w+\s+){0,2}?(?:person|guy|gal|expert|techie|beginner|newbie|novice|noob|specialist)"
    r"(?:\s+(?:or|and|nor)\s+(?:(?:not|really|very|totally|completely|pretty|quite|just)\s+)*(?:a|an)\s+(?:\w+\s+){0,2}?"
    r"(?:person|guy|gal|expert|techie|beginner|newbie|novice|noob|specialist))*"
    r"|new(?:\s+(?:here|to\s+(?:this|all\s+this)))?)"
    r"(?:\s+(?:either|though|tho|at\s+all))?\s*(?:[.!,;]+|$)", re.IGNORECASE)


#: Who asks, leading in: "new hire here in ops.", "IT manager here -", "Student here:", "Quick question:" (not "what's
#: the catch here?", which opens with a question word); see :func:`self_descriptions` for the words it may hold.
ASKER_HERE = re.compile(
    rf"^\s*(?:(?:hey|hi|hello|sorry|um+|uh+|ok|okay)\b[\s,!.]*)?(?!(?:we|i|they|you|our|my|whats|{'|'.join(sorted(QUESTION_OPENERS))})\b)"
    r"(?P<who>(?:[\w&'/-]+\s+){0,3}?(?P<head>[\w&'/-]+))\s+"
    r"(?:here(?:\s+(?:in|from|at|on)\s+(?:the\s+)?[\w&'/-]+)?\s*(?:-+|:|\.|,|!)|(?P<question>question|query)\s*(?:-+|:))\s*",
    re.IGNORECASE)
#: Words of a kind of question that name no work ("Quick question:", "newbie question -"; not "Data entry question -").
QUESTION_FRAMES = frozenset("quick dumb silly stupid basic simple newbie noob beginner random another one more follow-up "
                            "followup side general honest serious real naive new hire a".split())
#: Words of a question that asks only the kind ("is that KPO or BPO?", "which one is it?").
KIND_WORDS = frozenset("kind type sort one thing right correct".split())
#: "ops manager: ...": who asks, before a colon, when its last word names people.
ASKER_COLON = re.compile(r"^\s*(?:[\w&'/-]+\s+){0,2}(?P<head>[a-z'/-]+)\s*:\s+", re.IGNORECASE)
#: "I'm an IT manager and ...", "I'm the CFO.": who asks, when its last word names people.
ASKER_IS = re.compile(r"(?:^|(?<=[.!?,;])\s*)(?:i['\u2019]?m|i\s+am)\s+(?:a|an|the)\s+(?:[\w&'/-]+\s+){0,2}?"
                      r"(?P<head>[a-z'/-]+)(?:\s+(?:at|in|on|for|from|of)\s+(?:a|an|the|our|my)?\s*[\w&'/-]+)?"
                      r"\s*(?:[.!,;]+\s*|\s+and\s+|$)", re.IGNORECASE)
#: "im in HR,", "I work in finance.", "I'm on the ops team;", "I'm on the risk team at an insurer.": where the asker
#: works, a clause to itself.
ASKER_WORKS_IN = re.compile(r"(?:^|(?<=[.!?,;])\s*)(?:i['\u2019]?m|i\s+am|i\s+work)\s+(?:in|from|on|at)\s+"
                            r"(?!(?:charge|a\s+bind|a\s+hurry|doubt|the\s+fence|board|a\s+loss|the\s+hook|my\s+wits)\b)"
                            r"(?:the\s+|our\s+|an?\s+)?(?:[\w&'/-]+\s+){0,4}?[\w&'/-]+\s*[.!,;]+\s*", re.IGNORECASE)
#: An apology for the kind of question, leading in: "sorry if dumb question but", "sorry if this is a silly q -".
SORRY_IF = re.compile(r"^\W*(?:sorry|apologies)\s+(?:if\s+)?(?:this\s+is\s+|it['\u2019]?s\s+)?(?:an?\s+)?(?:really\s+)?"
                      r"(?:dumb|stupid|silly|basic|naive|newbie|noob|obvious)\s+(?:question|q)\b[\s,:;.!-]*(?:but\b\s*)?",
                      re.IGNORECASE)
#: "explain saas to me like I'm new", "... like im five", "... like I'm a backend dev who has only ever run his own
#: servers", "explain like im new what KPO means": how plainly to answer, of the asker.
LIKE_I_AM = re.compile(r"\s*\b(?:like|as\s+if|as\s+though)\s+(?:i['\u2019]?m|im|i\s+am|i\s+was|i['\u2019]?d\s+never)\s+"
                       r"(?:(?:not|completely|totally|really|very|brand|super|absolutely|pretty|quite|just)\s+)*"
                       r"(?:(?:new(?:\s+here|\s+to\s+(?:this|it|all\s+(?:of\s+)?this|(?:the|this)\s+\w+))?|five|ten|\d+|stupid|dumb"
                       r"|clueless)\s*(?=[.!?,;]|$|\s+(?:what|how|why|which|whats)\b)"
                       r"|(?:a|an)\s+[^.!?,;]*?[\w'-]\s*(?=[.!?,;]|$))",
                       re.IGNORECASE)
#: "compliance guy wants to know where ...", "my boss asked me whether ...": who wants the answer, leading in (what they
#: do is no topic asked: not "the law and regulation" for "compliance").
WANTS_TO_KNOW = re.compile(r"(?:^|(?<=[.!?;])\s*)(?!(?:i|we|you)\b)(?:[\w&'/-]+\s+){0,3}?[\w&'/-]+\s+"
                           r"(?:(?:wants?|needs?|would\s+like)\s+to\s+know|(?:is\s+asking|asked|asks)(?:\s+(?:me|us))?)\s+"
                           r"(?=(?:where|what|whether|if|how|who|when|which|why)\b)", re.IGNORECASE)
#: "Our finance director keeps mentioning it in meetings and I'd rather not just nod along.": a sentence, asking nothing,
#: of where someone met the word asked about (the meetings are no topic asked).
HEARD_IT = re.compile(r"(?:^|(?<=[.!?])\s+)(?:i|i['\u2019]?m|im|we|we['\u2019]?re|my|our|the|people|everyone|everybody|someone|"
                      r"they|he|she)\b[^.!?]*?\b(?:(?:mention|say|use|hear|throw|toss|talk|bring|drop)(?:s|es|ed|d|ing)?|said|"
                      r"heard|threw|thrown|brought|dropped|dropping|saw|seen|seeing|came|come|comes|coming|popp(?:ed|ing)|"
                      r"pops?)\s+(?:(?:it|this|that|them|the\s+(?:term|word|acronym|phrase|name))\b(?=\s*(?:[.!,;]|$)|\s+(?:in|at|on|"
                      r"around|all|a\s+lot|constantly|everywhere|during|every|and|when|but|so|lately|recently|again|up|out|"
                      r"with|to)\b)|up\b)[^.!?]*[.!]+",
                      re.IGNORECASE)
#: "We're a 10-person agency.": what the asker's company is, a sentence to itself (not "we're a firm that does
#: payroll", which names the work).
WE_ARE = re.compile(r"(?:^|(?<=[.!?;])\s*)(?:we['\u2019]?re|we\s+are)\s+(?:a|an)\s+(?:[\w&'/-]+\s+){0,3}?[\w&'/-]+"
                    r"\s*[.!;]+\s*", re.IGNORECASE)


#: "still new to the ops team tbh,", "I'm new on the finance team.": a newcomer to a team, a clause to itself.
NEW_TO_TEAM = re.compile(r"(?:^|(?<=[.!?,;])\s*)(?:(?:i['\u2019]?m|i\s+am)\s+)?"
                         r"(?:(?:still|pretty|fairly|quite|very|kinda|brand)\s+)?new\s+(?:to|on|in)\s+(?:the\s+|our\s+|this\s+|my\s+)?(?:[\w&'/-]+\s+){0,2}?(?:team|company|job|role|"
                         r"department|dept|org|organi[sz]ation|group|firm|squad)(?:\s+(?:tbh|btw|lol|fyi|though|tho|here))?"
                         r"\s*(?:[.!,;:]+\s*|$)", re.IGNORECASE)


def self_descriptions(text: str, names: Names | None = None, company: bool = True) -> list[tuple[int, int]]:
    """Where a message describes its asker rather than asks, as (start, end) spans; ``company``: with what it is.

    "I'm not a tech person.", "still new to the ops team tbh,", "We're a 10-person agency.", "like I'm new"; with
    the store's names also those known by a word naming people ("IT manager here -", "ops manager:", "I'm an IT
    manager and"), where they work ("im in HR,"), a newcomer ("new hire here in ops.") or a kind of question
    (:data:`QUESTION_FRAMES`: "Quick question:", not "Data entry question -").
    Not one that names a concept ("I'm a manager at a BPO.", "like I'm a lawyer reviewing a KPO contract"), nor,
    but for the first kind, one the rest of the message only asks the kind of ("Research analysts here: is that
    KPO?", "We're a market research firm. Is that KPO?": who they are is the work).
    """
    # (an apology for the question is never what it asks: "sorry if dumb question but what is SaaS?")
    spans = [m.span() for m in [*SELF_DESCRIPTION.finditer(text), *SORRY_IF.finditer(text)]]
    # (a newcomer to a team named for a concept is no description of the asker only: "I'm new to the KPO team, what
    # does it do?")
    found = [*LIKE_I_AM.finditer(text), *NEW_TO_TEAM.finditer(text)]
    if company:
        found += WE_ARE.finditer(text)
    if names is not None:
        found += [m for m in ASKER_IS.finditer(text) if names.names_people(m["head"])]
        found += WANTS_TO_KNOW.finditer(text)
        found += HEARD_IT.finditer(text)
        # (not when the rest only asks the kind, "i work in payroll, is that bpo?", nor a process the document names:
        # "I'm in payroll, should we outsource it?")
        found += [m for m in ASKER_WORKS_IN.finditer(text)
                  if not any(example in m.group(0).casefold() for example in names.examples)]
        if lead := ASKER_HERE.match(text):
            who = lead["who"].casefold()
            words = tokens(who)
            if (not any(example in who for example in names.examples)
                    and (lead["question"] and all(w in QUESTION_FRAMES or names.names_people(w) for w in words)
                         or not lead["question"] and (names.names_people(lead["head"]) or words[:1] == ["new"]))):
                found.append(lead)
        elif (lead := ASKER_COLON.match(text)) and names.names_people(lead["head"]):
            found.append(lead)
        found = [m for m in found if not names.names_a_concept(m.group(0)) and asks_more(names, text, m)]
    return sorted(spans + [m.span() for m in found])


#: A question of what a thing is, up to its name: "what's ", "whats ", "what is a ", as a pattern.
WHAT_IS_A = r"(?:what(?:'s|\u2019s|s|\s+is|\s+are)|wh?ats?)\s+(?:an?\s+)?"
#: The rest of a message asks something of its own with at least this many words besides the concepts' names.
OWN_WORDS = 1


def asks_more(names: Names, text: str, said: re.Match[str]) -> bool:
    """Whether the rest of a message, without what the asker said of themselves, asks more than which kind it is."""
    rest = text[:said.start()] + " " + text[said.end():]
    # ("new hire here, what's KPO?" asks what it is, not which kind the asker is)
    if re.search(rf"\b{WHAT_IS_A}(?:{names.concept_names})\b", rest, re.IGNORECASE):
        return True
    rest = re.sub(rf"\b(?:{names.concept_and_kind_names})\b", " ", rest, flags=re.IGNORECASE)
    return len(set(content_lemmas(rest)) - KIND_WORDS) >= OWN_WORDS


def without_self_description(text: str, names: Names | None = None, company: bool = False) -> str:
    """A message without where the asker describes themselves (:func:`self_descriptions`), unless that is all it says.

    What the asker's company is stays unless ``company``: a process described after it may be named by its words
    ("We're a small back-office shop. For a management consulting firm we process expense reimbursement claims ...");
    its entities are no process (see :func:`bot.answering.routes.read_turn`).
    """
    return without_spans(text, self_descriptions(text, names, company))


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the sorted ``spans`` (and the punctuation opening what follows each), unless that is all."""
    rest, end = [], 0
    for start, stop in spans:
        if start >= end:
            rest.append(text[end:start])
        end = max(end, stop)
    rest.append(text[end:])
    left = " ".join(part.strip().lstrip(",;:.!? ") for part in rest if part.strip().lstrip(",;:.!? "))
    return left if left else text


#: A sentence that asks, though it may not end in "?": "I was wondering whether ...", "Leadership wants to know if
#: ...", "I'd like to understand what ...", "can you confirm how ...".
ASKING = re.compile(r"\?|\bwonder(?:ing|ed)?\s+(?:whether|if|what|how|why)\b"
                    r"|\bwants?\s+to\s+know\b|\b(?:like|want|need)\s+to\s+(?:know|understand)\b"
                    r"|\b(?:can|could)\s+you\s+(?:tell|confirm|explain|clarify)\b", re.IGNORECASE)
#: A question that points back to the sentence before it ("Can BPO help with that?", "Is that a real concern according
#: to the doc?"; "IT" is no "it").
POINTS_BACK = re.compile(r"\b(?:[Tt]hat|[Tt]his|[Ii]t|[Tt]hose|[Tt]hese|[Tt]hem|[Tt]hey)\b")
#: "that" between two words ("identify that would"), each in a group.
THAT = re.compile(r"\b(?P<before>[a-z']+)\s+(?P<that>that)\s+(?P<after>[a-z']+)", re.IGNORECASE)
#: Words after which "that" points back ("with that", "is that", "do you think that would ..."), not joining a clause.
BEFORE_POINTING = frozenset("with about for on in of to by from like is are was were does do did would will can could "
                            "should and but so how why what at than think thought say said reckon guess believe mean "
                            "suppose know feel hope agree".split())
#: Words after a "that" joining a clause to the word before it: a verb or a pronoun ("the similarities ... that would
#: justify ...", "the work that we send out").
AFTER_JOINING = frozenset("would will can could should might may must is are was were has have had does do did we you "
                          "they i our make makes need needs require requires involve involves".split())


def points_back(sentence: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first word of a sentence (or of ``sentence[start:end]``) that points back to what came before, if any."""
    end = len(sentence) if end is None else end
    joining = {m.start("that") for m in THAT.finditer(sentence, start, end)
               if m["before"].casefold() not in BEFORE_POINTING and m["after"].casefold() in AFTER_JOINING}
    return next((m for m in POINTS_BACK.finditer(sentence, start, end) if m.start() not in joining), None)


#: A message of at least this many sentences may hold its question among sentences that only tell.
LONG_MESSAGE = 2


#: A question asking the document itself what it says on something, which asks no choice whatever names end it: "What
#: does the document say about the kind of workforce behind BPO versus KPO?", "How does the document rate the complexity
#: of BPO versus KPO work?", "Does the document rate BPO and KPO differently on scalability?", "Does the document say
#: whether BPO or KPO costs less?".
DOCUMENT_ASKED = re.compile(
    r"\W*(?:(?:so|and|ok|okay)\W+)?(?:what\s+(?:does|do)\s+(?:the\s+)?(?:document|doc|text|it)\s+(?:say|tell\s+us)\s+about|"
    r"how\s+(?:does|do)\s+(?:the\s+)?(?:document|doc|text)\s+(?:rate|describe|contrast|compare|define|label|"
    r"characteri[sz]e|put|treat|explain|present|frame|distinguish|differentiate|grade|score|weigh|portray)|"
    r"does\s+(?:the\s+)?(?:document|doc|text)\s+(?:rate|describe|grade|score|treat|see|put)\b[^?.!]*\bdifferently|"
    r"does\s+(?:the\s+)?(?:document|doc|text)\s+(?:actually\s+|even\s+)?say\s+(?:whether|which|if|how|anything\s+about))\b",
    re.IGNORECASE)


def asking_sentence(text: str) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Where the one sentence that asks stands in a message of sentences that tell, alone and with the one before.

    Each as (start, end); with the sentence before it only when it points back to that one (:func:`points_back`).

    "Background: I run a small CS team ... I was wondering whether a BPO would cover the Australian hours for us
    ... Our budget is tight btw.": the sentence that wonders; "Our legal team reviews proposals. How does the
    document define KPO?": the second. None for a message of one sentence or one that asks in several.
    "... prepare a summary of how BPO handles risk. Can you tell me what the doc says about that?": the last sentence,
    and the two; None for the second span when the sentence does not point back.
    """
    sentences = sentences_of(text)
    if len(sentences) < LONG_MESSAGE:
        return None
    asking = [i for i, s in enumerate(sentences) if ASKING.search(s) or set(opening_words(s)[:1]) & QUESTION_OPENERS]
    # (of several, the one that asks the document: "I'd like to know whether I should run them the same way. How does the
    # document describe the management approach for each?")
    # (the others ask only by telling, with no question mark: not "Can KPO do our legal research? And how does the
    # document describe complexity?")
    if (len(asking) > 1 and len(of_document := [i for i in asking if DOCUMENT_ASKED.match(sentences[i])]) == 1
            and not any("?" in sentences[i] for i in asking if i not in of_document)):
        asking = of_document
    if len(asking) != 1:
        return None
    first = asking[0]
    start = text.index(sentences[first])
    end = start + len(sentences[first])
    if not first or not points_back(sentences[first]):
        return (start, end), None
    before = text.index(sentences[first - 1])
    return (start, end), (before, text.index(sentences[first], before) + len(sentences[first]))


def is_question(text: str) -> bool:
    """Whether a message asks something (a question mark, or a question word first, as typed: "waht", "hw")."""
    words = tokens(text)
    return text.rstrip().endswith("?") or bool(words) and words[0] in QUESTION_OPENERS | TYPED_QUESTION_WORDS


def last_asked(text: str) -> str | None:
    """The last sentence of ``text`` that asks (:func:`is_question`), or None.

    "Our vendor shortlist has both offshore and nearshore options. What's the difference between the two?": the second.
    """
    return next((s for s in reversed(sentences_of(text)) if is_question(s)), None)


def asks_something(text: str) -> bool:
    """Whether a message asks as a question does, or holds a question mark anywhere ("which is cheaper? for finance")."""
    return is_question(text) or "?" in text
