"""What a message asks, once what only surrounds its question is set aside.

A greeting ("hi, who takes care of updates with saas?"), an acknowledgement of the last answer ("nice, why is
that?"), a word that only says how exact the answer may be ("roughly how much ...?"), a "yes" or "no" before a
question and what its asker says of themselves are set aside. In a message that tells of its asker's situation and
asks in one sentence, that sentence is the question (:func:`question_asked`): a question of what the document says on
a row or topic, or of the concept the rest names. What a question asks first ("What is IaaS, and how is it billed?")
is read here too.

:func:`bot.answering.routes.respond` reads every turn through this module before any route's handler runs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering.answers import COMPARATIVE
from bot.answering.handlers import without_row_done
from bot.answering.live import Facts
from bot.answering.questions import (
    CHOOSING,
    GUIDED,
    GUIDED_ALONE,
    INTENT_WORDS,
    SENDING,
    asked_besides_form,
    asks_a_topic,
    asks_only_which_kind,
    asks_which_concept,
    topics_asked,
    which_more,
)
from bot.answering.turn import DOCUMENT_ASKED, Turn, is_question, points_back, sentences_of, without_self_description
from bot.contract import Entity, Intent
from bot.text import content_lemmas, lemma, tokens

#: A "yes" or "no" before a question ("no, what are the risks?"), set aside to read the question.
REPLY_FIRST = re.compile(r"^\s*(?:yes|yeah|yep|yup|no|nope|nah|ok|okay|sure|not quite|not really)\b[\s,.!-]*",
                         re.IGNORECASE)
#: What only acknowledges the last answer before a question ("nice, why is that?", "got it. and for kpo?").
ACKNOWLEDGED = re.compile(r"^\s*(?:nice|cool|great|interesting|got\s+it|gotcha|makes\s+sense|i\s+see|ah|oh|perfect|"
                          r"awesome|thanks|thank\s+you|thx|alright|all\s+right|understood|fair\s+enough)\b[\s,.!:-]+",
                          re.IGNORECASE)
#: A word before a question that only says how exact the answer may be ("Roughly how much does an agent cost per
#: hour?", "realistically, how long does a handover take?"), set aside to read the question.
HEDGED = re.compile(r"^\s*(?:roughly|approximately|approx\.?|realistically|honestly|seriously|basically|generally|"
                    r"quick\s+question|just\s+curious|out\s+of\s+curiosity)\b[\s,.:-]*"
                    r"(?=(?:how|what|who|where|when|why|which|is|are|do|does|can|could|would|will|should)\b)",
                    re.IGNORECASE)
#: A greeting before a question ("hi, who takes care of updates with saas?"), set aside to read the question.
GREETING_FIRST = re.compile(r"^\s*(?:hi|hii+|hello|hey|heya|hiya|howdy|yo|greetings|(?:good\s+)?(?:morning|afternoon|evening))"
                            r"(?:\s+(?:there|all|everyone|folks|team|guys|bot))?\b[\s,.!:-]*", re.IGNORECASE)


#: Words that ask what something is ("How does the document define it?", "what does it mean?").
DEFINING = frozenset("definition define meaning mean".split())
#: Intents whose question, asked in one sentence of a message that otherwise tells, is about the concepts it names.
ASKED_OF_NAMED = frozenset({Intent.DEFINE, Intent.EXAMPLE, Intent.COMPARE, Intent.SIMILARITIES})
#: Two things told as alternatives ("choosing between outsourcing routine back-office tasks or our analytics work").
TWO_TOLD = re.compile(r"\b(?:or|versus|vs)\b", re.IGNORECASE)
#: Topics of a concept as a whole, which take in what a sentence before tells: what it is for, what makes it work.
OF_THE_WHOLE = frozenset({"purpose", "success"})
#: A question of which one ("Which is riskier, BPO or KPO?").
WHICH = re.compile(r"\bwhich\b", re.IGNORECASE)
#: Intents NLU gives a long message that describes a situation whatever it asks.
DESCRIBING = frozenset({Intent.INFORM, Intent.RECOMMEND, Intent.NLU_FALLBACK, Intent.OUT_OF_SCOPE})
#: Topics a long message asks of what it tells: what a concept brings the asker, and why to use it.
FOR_THE_ASKER = frozenset({"benefits", "purpose"})


def question_asked(facts: Facts, turn: Turn, *, greeting: bool = False) -> tuple[Turn, bool]:
    """The turn of the question a message asks, and whether it is now asked as a definition (of a row or topic).

    ``greeting`` sets a greeting before the question aside (the route of a greeting).
    """
    if greeting:  # "hi what is iaas": the question after the greeting
        turn = replace(turn, text=GREETING_FIRST.sub("", turn.text))
    # "nice, why is that?": the question after what only acknowledges the last answer
    if (acknowledged := ACKNOWLEDGED.match(turn.text)) and is_question(rest := turn.text[acknowledged.end():]):
        turn = replace(turn, text=rest)
    if hedged := HEDGED.match(turn.text):
        turn = replace(turn, text=turn.text[hedged.end():])
    # a message that tells of its asker's situation and asks, in one sentence, about a row or a topic (not
    # which fits): that sentence, as a question of what the document says ("... How complex is the work in each
    # model, roughly? I have to explain it to finance tomorrow morning.")
    # (not what it brings the asker, which what they tell weighs on: "... our support queue explodes every November
    # ... Apart from saving money, what's the actual upside for us?"; nor "How would that help us focus?")
    # (or, when it asks nothing of its own and points back, with the sentence before it: "... prepare a summary of how
    # BPO handles risk. Can you tell me what the doc says about that?")
    # (a question of which kind asks about the description: "... every engagement is custom. How would you label
    # this?", "... Which of the two types would that be?", "... BPO I assume?")
    asked = turn.focus
    # ("it" after a topic the asking sentence names stands for that: "... Would outsourcing get us better technology
    # without us buying it?")
    if (asked is not None and asked.focus is not None and (back := points_back(asked.text)) is not None
            and stands_within(asked.text, back) and topics_asked(facts, asked.text[:back.start()])):
        asked = replace(asked, focus=None)
    # "My manager wants a one-line definition of KPO for our onboarding wiki. How does the document define it?": a
    # definition asked of the one concept the sentence before names (its "onboarding" asks no topic)
    # (not "that", which may stand for a term: "The doc keeps saying KPO has 'strategic value'. What does that mean?")
    defined_back = (asked is not None and turn.intent == Intent.DEFINE and not asked.mentions.concepts
                    and len(set(turn.mentions.concepts)) == 1 and not turn.mentions.characteristics
                    and (back := points_back(asked.text)) is not None and back.group().lower() == "it"
                    and set(content_lemmas(asked.text)) & DEFINING and not topics_asked(facts, asked.text))
    if defined_back:
        asked = replace(asked, mentions=replace(asked.mentions, concepts=list(turn.mentions.concepts)), focus=None)
    # "... everyone keeps saying BPO. what does that term actually mean?": "that term" is the one concept the sentences
    # before name, whatever NLU reads the message as (not a term they quote: "The doc says KPO brings 'strategic
    # value'. What does that term mean?")
    if (asked is not None and (term := that_term_named(facts, turn, asked)) is not None):
        return term, False
    if asked is not None and asked.focus is not None and asked.focus.text == turn.text:
        asked = None  # (pointing back to all the rest: "We have big peaks every Q4. Could BPO help with that?" is read whole)
    # a row named in a sentence that asks the document is asked, of both or the one concept it names, whatever the rest
    # tells and whatever NLU reads the message as: "We're comparing a transaction-processing vendor and a data-science
    # consultancy ... How does the document contrast technology use between BPO and KPO?", "... Does the document rate
    # BPO and KPO differently on scalability?", "... How does the document describe the management approach for each?"
    if asked is not None and asked.focus is None and (row := _row_asked_of_document(facts, asked)) is not None:
        return replace(asked, intent=Intent.DEFINE, mentions=replace(asked.mentions, aspects=[row], tasks=[])), True
    # "comparing vendors for a data analytics project and our PM is worried about time commitment. how much client
    # interaction should we expect with KPO vs BPO?": a row asked of the two, only they named in the asking sentence,
    # after sentences that tell, or which is more of it ("Our auditors want us to pick the lower-risk option. Which is
    # riskier overall, BPO or KPO?"; not which one otherwise: "We do payroll. Which one has the higher complexity, BPO or
    # KPO?" asks of payroll)
    if (asked is not None and asked.focus is None and turn.intent in DESCRIBING and len(set(asked.mentions.concepts)) > 1
            and asked.mentions.aspect and not asked.mentions.tasks and not asked.mentions.characteristics
            and (row := facts.store.aspect(asked.mentions.aspect)) is not None and not row.items
            and not facts.names.concepts_named(turn.text.replace(asked.text, " "))
            and (not WHICH.search(asked.text) or COMPARATIVE.search(asked.text))
            and not asks_only_which_kind(facts, asked.text)):
        return replace(asked, intent=Intent.COMPARE), False
    if asked is not None and not defined_back and _rest_asks_a_topic(facts, turn, asked):
        asked = None
    # "We're deciding whether to outsource our call centre or our market-analysis work first. Which one is riskier
    # according to the document?": what the sentences before tell is what the two are weighed for; the sentence that
    # asks, naming no process, asks which is more of a row or topic, of both (not of one process: "We're looking at
    # outsourcing payroll. Which one is cheaper?" asks which fits it; nor when the message names the two: "We're
    # deciding between a BPO and a KPO for our customer support. Which one is cheaper?")
    if (asked is not None and asked.focus is None and turn.intent in DESCRIBING and turn.mentions.tasks
            and (len(set(turn.mentions.tasks)) > 1 or TWO_TOLD.search(turn.text.replace(asked.text, " ")))
            and not asked.mentions.tasks and not turn.mentions.concepts and which_more(asked.text)
            and _asks_a_row_or_topic(facts, asked)):
        return replace(asked, intent=Intent.COMPARE), False
    focus = (without_row_done(asked) if asked is not None and not _asks_a_kind(facts, asked) else None)
    if focus is not None and focus.focus is not None and not _asks_a_row_or_topic(facts, focus):
        focus = without_row_done(focus.focus)
    # (and a request for examples NLU reads in a message that names no concept and asks for none)
    examples_read = (turn.intent == Intent.EXAMPLE and focus is not None and not turn.mentions.concepts
                     and not set(content_lemmas(focus.text)) & INTENT_WORDS[Intent.EXAMPLE])
    if (focus is not None and (turn.intent in DESCRIBING or examples_read)
            and (not asks_which_concept(facts, focus.text) or DOCUMENT_ASKED.match(focus.text))
            and not {t.key for t in topics_asked(facts, focus.text)} & FOR_THE_ASKER
            and _asks_a_row_or_topic(facts, focus)):
        # (of the concept the sentences before name, when it names none: "We already use BPO for our helpdesk. What are
        # the main risks?")
        concepts = focus.mentions.concepts or turn.mentions.concepts
        return replace(focus, intent=Intent.DEFINE, mentions=replace(focus.mentions, concepts=list(concepts))), True
    # "hi! new hire in HR here 👋 someone mentioned our KPO partner during onboarding. what does KPO actually mean?":
    # a definition asked in the one sentence that asks, of the concept it names; what the rest tells asks no topic
    # (not when the rest names another concept: "You keep saying KPO improves efficiency. Isn't efficiency the BPO
    # selling point? Show me where it says that for KPO.")
    # (not one that points back, which asks of what the rest tells: "... Each valuation is customized ... is that more of
    # a BPO thing or no")
    if (asked is not None and turn.intent in ASKED_OF_NAMED and asked.mentions.concepts
            and (turn.intent == Intent.DEFINE or asked.focus is None)
            and set(asked.mentions.concepts) == set(turn.mentions.concepts)
            and not asks_which_concept(facts, asked.text) and not asks_only_which_kind(facts, asked.text)):
        return without_row_done(asked), False
    # "Can you help me understand what SaaS actually is? Our finance team keeps saying we're 'moving to SaaS'.": a
    # message NLU finds off-topic whose one asking sentence asks nothing but what the concept it names is
    if (asked is not None and turn.intent == Intent.OUT_OF_SCOPE and set(asked.mentions.concepts) == set(turn.mentions.concepts)
            and only_defines(facts, asked)):
        return replace(asked, intent=Intent.DEFINE), False
    return turn, False


#: A word pointing back at a name as a name: "that term", "this acronym".
THAT_TERM = re.compile(r"\b(?:that|this|the|those|these)\s+(?:terms?|words?|acronyms?|abbreviations?|buzzwords?|"
                       r"letters|label)\b", re.IGNORECASE)
#: A quotation in a message ("'strategic value'"), its words in group 1.
QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"\u2018\u201c]([^'\"\u2019\u201d]{2,60})['\"\u2019\u201d]")


def that_term_named(facts: Facts, turn: Turn, asked: Turn) -> Turn | None:
    """The definition asked by a sentence of what "that term" means, of the one concept the sentences before name."""
    concepts = set(turn.mentions.concepts)
    if asked.mentions.concepts or len(concepts) != 1 or (pointed := THAT_TERM.search(asked.text)) is None:
        return None
    concept = concepts.pop()
    rest = turn.text.replace(asked.text, " ")
    # (nor a name the document never uses: "Our contract with the BPO mentions SLA. What does that acronym mean?")
    if (any(not facts.names.concepts_named(quoted.group(1)) for quoted in QUOTED.finditer(rest))
            or facts.index is None or facts.index.read(rest).unknown):
        return None
    named = replace(asked, text=f"{asked.text[:pointed.start()]}{concept}{asked.text[pointed.end():]}",
                    mentions=replace(asked.mentions, concepts=[concept], tasks=[]), focus=None)
    return replace(named, intent=Intent.DEFINE) if only_defines(facts, named) else None


def only_defines(facts: Facts, asked: Turn) -> bool:
    """Whether a sentence asks nothing but what the one concept it names is ("Can you explain what KPO is?")."""
    return (len(set(asked.mentions.concepts)) == 1 and facts.index is not None
            and not asked_besides_form(facts, HELP_UNDERSTAND.sub("explain", asked.text)) - INTENT_WORDS[Intent.DEFINE]
            - {"actually", "exactly", "really"})


def without_reply(turn: Turn) -> Turn:
    """The turn without a "yes" or "no" before its question ("no, what are the risks?")."""
    return replace(turn, text=REPLY_FIRST.sub("", turn.text))


def without_asker(facts: Facts, turn: Turn) -> Turn:
    """The turn without what its asker says of themselves.

    "... I'm not a tech person.", "new hire here in ops. can someone explain ...?"; what the asker's company is when
    nothing else names a process ("We're a 10-person agency. Is SaaS or IaaS the better choice for us?"; not "We're a
    small back-office shop. For a management consulting firm we process expense reimbursement claims ...").
    """
    asked = without_self_description(turn.text, facts.names, company=not turn.mentions.tasks)
    asked = PEOPLE_MEAN.sub("what is meant by", HELP_UNDERSTAND.sub("explain", asked))
    # "... what BPO actually means in plain terms. Can you help me put it simply?": how simply, after the question, asks
    # nothing of its own
    if (simply := PUT_SIMPLY.search(asked)) is not None and asked[:simply.start()].strip():
        asked = asked[:simply.start()] + asked[simply.end():]
    # "How would you define KPO for someone new to the team?": whom it is explained to is no topic or process asked
    if (audience := EXPLAINED_FOR.search(asked)) is not None:
        told = set(content_lemmas(audience.group(1)))
        asked = asked[:audience.start(1)] + asked[audience.end(1):]
        kept = set(content_lemmas(asked))
        m = turn.mentions

        def said_only_there(value: str) -> bool:
            words = set(content_lemmas(value))
            return bool(words & told) and not words & kept

        turn = replace(turn, mentions=replace(
            m, aspects=[a for a in m.aspects if not said_only_there(a)],
            characteristics=[c for c in m.characteristics if not said_only_there(c)],
            tasks=[t for t in m.tasks if not (words := set(content_lemmas(t))) or not words <= told]))
    return replace(turn, text=asked) if asked != turn.text else turn


#: A sentence asking only that the answer be put simply ("Can you help me put it simply?", "Could you say it in plain
#: terms?").
PUT_SIMPLY = re.compile(r"(?<=[.!?])\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:help\s+(?:me|us)\s+)?|please\s+)?"
                        r"(?:put|say|explain|word|phrase|keep)\s+(?:it|that|this)\s+(?:really\s+|very\s+)?(?:simply|simple|"
                        r"plainly|short|brief|briefly|in\s+(?:plain|simple|everyday)\s+(?:terms|words|english|language))"
                        r"(?:\s+(?:please|for\s+me|for\s+us))?\s*[?.!]*\s*$", re.IGNORECASE)
#: Whom a concept is to be explained to, after the request ("How would you define KPO for someone new to the team?",
#: "explain BPO to a new hire", "What is BPO, explained for a new employee?"): in group 1, with the word before it.
EXPLAINED_FOR = re.compile(
    r"\b(?:defin\w*|explain\w*|describ\w*|summari[sz]\w*|introduc\w*|pitch\w*|present\w*|put\s+it|say\s+it|"
    r"break\s+(?:it\s+)?down)\b(?:,?\s+[\w'-]+){0,3}?"
    r"(\s+(?:to|for)\s+(?:(?:a|an|the|my|our|some|new|non-?technical|non-?tech|junior|fresh|total)\s+)*"
    r"(?:someone|somebody|anyone|person|people|folks|hires?|employees?|joiners?|starters?|colleagues?|teammates?|team|"
    r"boss|managers?|ceo|cfo|board|beginners?|newbies?|newcomers?|interns?|execs?|executives?|stakeholders?|"
    r"layperson|lay\s+person|layman|laymen|kid|child|students?|staff|grad(?:uate)?s?)"
    r"(?:\s+(?:who\s+is\s+|who['\u2019]s\s+)?(?:new|fresh)\s+to\s+(?:the|our|my|this)\s+(?:team|company|field|topic|job|"
    r"department|business|industry|subject))?)\b", re.IGNORECASE)


#: Asking to be helped to understand is asking to be told ("Can you help me understand what SaaS actually is?" asks
#: what SaaS is, not what the document says of helping).
HELP_UNDERSTAND = re.compile(r"\b(?:(?:can|could|would)\s+(?:you|someone|anyone)\s+(?:please\s+)?)?help\s+(?:me|us)\s+"
                             r"(?:to\s+)?(?:understand|grasp|make\s+sense\s+of)\b", re.IGNORECASE)
#: What people mean by a name is what the name means ("what do people mean by KPO?" asks no people).
PEOPLE_MEAN = re.compile(r"\bwhat\s+(?:do\s+|does\s+)?(?:people|folks|everyone|others)\s+(?:mean|means)\s+(?:by|with)\b",
                         re.IGNORECASE)


#: "and" asking more after a name (", and what ...", " and how ...").
AND_ASKS = r"\s*(?:,\s*)?\s+and\s+(?:what|how|who|where|when|which|why|do|does|is|are|can)\b"
#: A question opening on what a concept is, then "and" asks more ("What is IaaS and what do we actually get when we sign
#: up?"): the concept's name in group 1.
WHAT_IS_AND = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|hi|hey)\W+)*what(?:['\u2019]s|s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?"
                         rf"([\w-]+(?:\s+[\w-]+){{0,3}}?){AND_ASKS}", re.IGNORECASE)
#: A definition asked inside a question, then "and" asks more ("how does the document define Knowledge Process
#: Outsourcing, and what sorts of functions does it give as examples?", "how BPO is defined, and which ..."): the name in
#: group 1 or 2.
DEFINED_AND = re.compile(r"(?:\b(?:(?:how\s+(?:does|do|would)\s+(?:the\s+)?(?:document|doc|text|it|you)\s+)?define"
                         r"|definition\s+of)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+){0,3}?)"
                         rf"|\bhow\s+([\w-]+(?:\s+[\w-]+){{0,3}}?)\s+is\s+defined){AND_ASKS}", re.IGNORECASE)


def definition_asked_first(facts: Facts, text: str) -> tuple[str, int] | None:
    """The concept whose definition a question asks before "and" asks more, and where the rest starts; else None."""
    found = WHAT_IS_AND.match(text) or DEFINED_AND.search(text)
    if found is None:
        return None
    group = next(g for g in range(1, (found.re.groups or 0) + 1) if found.group(g) is not None)
    concept = facts.names.canonical(Entity.CONCEPT, found.group(group))
    return (concept, found.end(group)) if concept is not None else None


#: Words of a question that asks which kind a described process is ("How would you classify this work?").
WHICH_KIND_WORDS = frozenset("type kind sort category class classify categorize categorise bucket label".split())


#: A kind of something else than the work: "what type of risk KPO carries" asks a row.
#: ("the kind of workforce behind BPO versus KPO" asks a row: a word that only begins as the work's does is no work)
KIND_OF_OTHER = re.compile(r"\b(?:types?|kinds?|sorts?)\s+of\s+(?!(?:outsourc\w*|works?|process\w*|services?|things?|jobs?|"
                           r"tasks?|models?|options?|providers?|vendors?)\b)\w+", re.IGNORECASE)


def _asks_a_kind(facts: Facts, turn: Turn) -> bool:
    """Whether a question asks which kind, or names a concept and asks no row or topic of it ("BPO I assume?")."""
    return (asks_only_which_kind(facts, turn.text) or "which" in tokens(turn.text)
            or bool(set(content_lemmas(KIND_OF_OTHER.sub(" ", turn.text))) & WHICH_KIND_WORDS)
            or bool(turn.mentions.concepts) and not _asks_a_row_or_topic(facts, turn))


def _row_asked_of_document(facts: Facts, asked: Turn) -> str | None:
    """The table row a sentence asking the document names (:data:`DOCUMENT_ASKED`), by NLU or by all its words; else None.

    Not a row of lists (Examples), which its own route answers.
    """
    # (nor a similarity asked, "How does the document describe the scalability and flexibility similarity?", nor a row
    # named by a word of what an intent asks: "How does the document describe the definition of BPO versus KPO?")
    if (not DOCUMENT_ASKED.match(asked.text) or asked.mentions.characteristic
            or set(content_lemmas(asked.text)) & INTENT_WORDS[Intent.SIMILARITIES]):
        return None
    asking = set().union(*INTENT_WORDS.values())
    rows = {a.name: a for a in facts.store.aspects() if not a.items and not set(content_lemmas(a.name)) <= asking}
    said = set(content_lemmas(asked.text))
    named = [name for name in rows if set(content_lemmas(name)) <= said]
    row = asked.mentions.aspect if asked.mentions.aspect in rows else named[0] if len(named) == 1 else None
    # (nor a row whose word only frames a topic asked besides: "Does the document say anything about control of
    # pricing?" asks the cost)
    rest = re.sub(r"\b(?:" + "|".join(map(re.escape, tokens(row or ""))) + r")\b", " ", DOCUMENT_ASKED.sub(" ", asked.text),
                  flags=re.IGNORECASE)
    return None if row is None or asks_a_topic(facts, rest) else row


def _asks_a_row_or_topic(facts: Facts, turn: Turn) -> bool:
    """Whether a message names a row or a characteristic, or asks a topic."""
    return bool(turn.mentions.aspect or turn.mentions.characteristic or asks_a_topic(facts, turn.text))


def _rest_asks_a_topic(facts: Facts, turn: Turn, asked: Turn) -> bool:
    """Whether the one sentence before the asking one, in a message of two, speaks to a row or topic it leaves out.

    "My customers live in many countries and they call also in the night. BPO can help to give support all the day?"
    asks about working hours; "Our legal team reviews proposals. How does the document define KPO?" does not. (A remark
    after the question is no part of it: "what does kpo bring strategically? the exec team keeps asking tbh")
    """
    if len(sentences_of(turn.text)) != 2 or turn.text.strip().startswith(asked.text.strip()):
        return False
    # (nor when the asking sentence asks only what a concept it names is: "Our CFO keeps throwing around 'KPO' in
    # meetings. Can you explain what knowledge process outsourcing is?" asks no communication)
    if turn.intent == Intent.DEFINE and only_defines(facts, asked):
        return False
    rest = turn.text.replace(asked.text, " ")
    # (the provider's side told of in a sentence that tells is the asker's own: "A small team of ours does ...")
    told = {t.key for t in topics_asked(facts, rest) if not t.theirs}
    # (what a concept is for or needs to work, asked, takes in what the sentence before tells: "We tried a knowledge
    # outsourcing engagement last year and it flopped, mostly because nobody talked to each other. What does KPO need in
    # order to work well?" asks no communication; "... massive spike in nov/dec ... if we go with a bpo are we just
    # stuck paying for a fixed team all year?" asks of the spike)
    own = {t.key for t in topics_asked(facts, asked.text)}
    return bool(told - own) and not own & OF_THE_WHOLE


#: Pronouns that may stand for a concept named before them in the same sentence (not "that", "this": "Could BPO help
#: with that?" points back).
REFERS_WITHIN = frozenset({"it", "they", "them"})


def stands_within(text: str, pronoun: re.Match[str]) -> bool:
    """Whether a pronoun may stand for something named before it in its sentence.

    "it", "they" or "them", not as the object of sending work out ("the risks of outsourcing it").
    """
    before = tokens(text[:pronoun.start()])
    return pronoun.group().casefold() in REFERS_WITHIN and not (before and before[-1] in SENDING)


#: "step by step", which asks to be guided only when nothing else is asked how to do.
STEP_BY_STEP = re.compile(r"\bstep by step\b", re.IGNORECASE)
#: A question of how to do something: "how do we migrate ...", "how can I set up ..." (the verb in group 1).
HOW_TO_DO = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but)\W+)*how\s+(?:do|can|should|would|could|to)\s+"
                       r"(?:(?:we|i|you|one)\s+)?(?:actually\s+)?([a-z]+)", re.IGNORECASE)


def does_else(text: str) -> bool:
    """Whether a message asks how to do something other than choose or classify ("how do we migrate ...?")."""
    how = HOW_TO_DO.match(STEP_BY_STEP.sub(" ", text))  # ("step by step how do we transition ...")
    return how is not None and lemma(how.group(1).lower()) not in CHOOSING | GUIDED | GUIDED_ALONE | {"go", "do", "work"}
