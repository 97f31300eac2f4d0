"""What the document does not give, said first: a name it never uses, figures, predictions, steps, a ranking.

A question may ask what the document never speaks of. These notices come before what it does say, so that the
closest passages are never taken for an answer: "The document does not say anything about cancel." before what it
says on cost, "The document gives no figures" before a characteristic that holds none. :func:`bot.answering.routes.respond`
asks for them before a route's handler runs (:func:`name_never_used`, :func:`market_figures`, :func:`figure_asked_after`)
and after it (:func:`never_said_asked`, :func:`prediction`, :func:`doing_said_first`, :func:`said_first`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.asking import WHICH_KIND_WORDS, does_else
from bot.answering.handlers import CHOOSING_WORDS
from bot.answering.live import Facts
from bot.answering.passages import closest_passages
from bot.answering.questions import (
    CLASSIFYING,
    FIGURES,
    MARKET_FIGURES,
    asked_doing,
    asks_a_topic,
    asks_which_concept,
    fitting_asked,
    topics_asked,
)
from bot.answering.turn import Turn, first_question, is_question, last_question, sentences_of
from bot.answering.unsettled import instances_not_named
from bot.contract import Intent, Outcome, Topic
from bot.text import content_lemmas, lemma
from bot.wording import WORDING

#: A question of what a name is: "what is RPO, ...?", "what does SLA stand for?" (the name in group 1, as written).
#: (and "whats paas then": in any case, as the name must be one no dictionary knows)
NAME_ASKED = re.compile(r"^\W*(?:what(?:['\u2019]s|s|\s+is|\s+are|\s+does)|define|explain)\s+(?:an?\s+|the\s+)?"
                        r"([A-Z][A-Za-z0-9&-]+)(?=\s*(?:[,?.!:;]|\s+(?:mean|stand|is|are|exactly|then|though|tho|again|"
                        r"anyway)\b|$))", re.IGNORECASE)


def name_never_used(facts: Facts, turn: Turn) -> Answer | None:
    """"The document does not say anything about RPO." for "what is RPO, recruitment process outsourcing?"."""
    if ((name := NAME_ASKED.match(turn.text)) and facts.index is not None
            and name.group(1) in facts.index.read(turn.text).unknown):
        return answers.not_in_document(facts.store, name.group(1))
    return None


def market_figures(facts: Facts, turn: Turn) -> Answer | None:
    """A figure of the market ("what share of big companies use bpo today?"), of a document that gives none."""
    if MARKET_FIGURES.search(turn.text) and not topics.gives_figures(facts.store):
        return answers.not_in_document(facts.store, WORDING["market_figures"])
    return None


def figure_asked_after(facts: Facts, turn: Turn) -> Answer | None:
    """A figure asked after an answer on a concept, which the document never gives.

    "like what percent roughly" after "How much money does KPO save a company?" (no process to ask for).
    """
    if (turn.intent in (Intent.INFORM, Intent.RECOMMEND) and FIGURES.search(turn.text) and turn.context.concept
            and not turn.mentions.tasks and not turn.mentions.concepts and not turn.mentions.aspects
            and not asks_a_topic(facts, turn.text)):
        return Answer(WORDING["no_figures"], found=False, concept=turn.context.concept)
    return None


#: A question what will become of something ("will AI chatbots replace BPO call centers in future?", "obsolete"); not
#: "Can BPO replace our in-house customer service team?" nor "we replaced our old payroll vendor".
PREDICTION = re.compile(r"\b(?:will|would|going\s+to|gonna|ever)\b[^?.]{0,40}?\b(?:replace|disappear|die\s+out|"
                        r"become\s+extinct)\b"
                        r"|\bobsolete\b|\b(?:next|coming)\s+(?:\d+|few|ten|five|couple\s+of)\s+years\b|\bby\s+20\d\d\b",
                        re.IGNORECASE)
#: Starting a provider of one's own ("how do i start my own bpo company"); not "I'm starting a small business, ...".
OWN_PROVIDER = re.compile(r"\b(?:start|starting|started|open|opening|set\s+up|setting\s+up|launch|launching)\s+"
                          r"(?:my|our|a|an)\s+own\s+(?:[\w-]+\s+)?(?:company|business|firm|agency|startup|center|centre|shop)\b",
                          re.IGNORECASE)


#: A question for a procedure ("the step-by-step process for moving our payroll", "what are the steps to ..."); not
#: "explain step by step how bpo differs from kpo", a way of explaining.
STEPS_ASKED = re.compile(r"\bstep[- ]by[- ]step\s+(?:process|guide|plan|procedure|instructions|checklist)\b"
                         r"|\b(?:what\s+are|which\s+are|list)\s+the\s+(?:\w+\s+)?steps\b"
                         r"|\bsteps\s+(?:to|for|involved|needed|required)\b", re.IGNORECASE)
#: A question for a ranking ("rank the similarities", "from most to least important", "in order of importance"); not
#: "how does KPO rank against BPO on complexity?", which a row answers.
RANK_ASKED = re.compile(r"\brank(?:ed|ing)?\s+(?:the|these|them|those|all|each|their|its)\b|\branking\s+of\b"
                        r"|\b(?:most|least)\s+to\s+(?:least|most)\b|\border\s+of\s+(?:importance|priority)\b",
                        re.IGNORECASE)
#: A count of the kinds a row sets side by side ("how many types of risk are there?": Operational and Strategic Risks).
KINDS_COUNTED = re.compile(r"\bhow\s+many\s+(?:\w+\s+)?(?:types?|kinds?|sorts?|categories|forms?)\b", re.IGNORECASE)


#: The first words of a question that asks what, how, when, where, who or why, after what leads into it ("so", "ok").
ASKS_WH = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|hey|hi|hello|quick question)\W+)*(?:what(?:['\u2019]?s)?|how|when|where|who|"
                     r"why)\b(?!\s+about\b)", re.IGNORECASE)


def never_said_asked(facts: Facts, turn: Turn) -> Answer | None:
    """"The document does not say anything about languages.", for a question of such a thing given a verdict.

    "What languages do BPO call centres normally support?" and "whats the usual attrition rate at call
    centres" name work the document places (call centres), and ask what it never speaks of: no verdict
    on the work. Only a question of one sentence that opens with "what", "how", "when", "where", "who" or
    "why" and never asks which fits ("what should we go with for payroll?", "what kind of outsourcing is
    that?"); a word the document speaks of only through a broader one ("language" under "process") is
    never said.
    """
    # (after a clause of the case it asks of: "If we cancel a SaaS CRM, how do we get our customer data exported?")
    text = re.sub(r"^\W*(?:if|when|once)\b[^,?]*,\s*", "", turn.text, flags=re.IGNORECASE)
    if (facts.index is None or len(sentences_of(text)) != 1 or not is_question(text) or not ASKS_WH.match(text)
            or asks_which_concept(facts, text) or CHOOSING_WORDS.search(text) or fitting_asked(text)
            or set(content_lemmas(text)) & (WHICH_KIND_WORDS | CLASSIFYING)):
        return None
    # (never_said names no adverb: "The document does not say anything about languages.", not "languages or normally")
    return retrieve.never_said(facts.index, text, facts.index.question_words(text), closest=retrieve.SAID_BY)


def doing_never_said(facts: Facts, text: str) -> Answer | None:
    """"The document does not say anything about cancel." for the doing a question asks of, if it never speaks of it.

    Not a form of a word of a topic it asks ("how do we manage the relationship with a SaaS vendor?": the relationship
    with the provider finds "management").
    """
    doing = asked_doing(text)
    if not doing or facts.index is None:
        return None
    base = lemma(doing.lower())
    if any(w.startswith(base[:retrieve.STEM]) for t in topics_asked(facts, text) for w in t.asks | t.finds):
        return None
    return retrieve.never_said(facts.index, text, [base])


def prediction(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"is AI going to make BPO call centres obsolete?": a prediction, which the document never makes (no process)."""
    if PREDICTION.search(turn.text) and not asks_which_concept(facts, turn.text):
        return [Answer(WORDING["no_predictions"], aside=True, outcome=Outcome.NOT_COVERED), closest_passages(facts, turn)]
    return None


def doing_said_first(facts: Facts, turn: Turn, results: list[Answer], deciding: bool) -> list[Answer]:
    """The answers, after the doing a question asks of when the document never speaks of it.

    "can we cancel a saas subscription before the year is up?": cancel, then what it says on cost; so before the
    closest passages to a question how to do something with a process ("how should we tell our in-house payroll team
    that we're outsourcing their work?").
    """
    closest_only = (len(results) == 1 and results[0].topic == Topic.SEARCH and not results[0].found
                    and does_else(turn.text))
    if (results and not deciding and (closest_only or all(a.how_it_went() == Outcome.ANSWERED for a in results))
            and (notice := doing_never_said(facts, first_question(last_question(turn)).text))):
        return [notice, *results]
    return results


def said_first(facts: Facts, turn: Turn, results: list[Answer], deciding: bool) -> list[Answer]:
    """The answers, after what the question asks that the document does not give.

    "What's the step-by-step process for moving our payroll over to a BPO provider?": it gives no steps (nor a ranking:
    "Can you rank the similarities between BPO and KPO from most to least important?"; nor running a provider, where
    the document speaks of using one: "how do i start my own bpo company"). "Which performance metrics should we put
    into a BPO contract?": the document names none. "how long is a typical BPO contract term?": what the document says
    on contracts holds no duration (and "How many employees does a typical KPO firm have?", where a row holds no count,
    "How many time zones do BPO providers typically cover?", where a characteristic holds none: not "how many rows?",
    "how many types of risk?").
    """
    results = list(results)
    for asked, key in ((STEPS_ASKED, "no_steps"), (RANK_ASKED, "no_ranking"), (OWN_PROVIDER, "own_provider")):
        if (results and not deciding and asked.search(turn.text)
                and not any(a.how_it_went() == Outcome.NOT_COVERED for a in results)):
            results.insert(0, Answer(WORDING[key], aside=True, outcome=Outcome.NOT_COVERED))
    # a topic the document covers nowhere, beside an answer on the rest ("What happens to our in-house employees whose
    # jobs get outsourced, are we legally required to pay severance?" gets the row Employee Expertise NLU found)
    # (asked by the question, not by who asks it: "Risk/compliance here. ... What type of risk do we take on with each?";
    # and not when the answers already say what the document does not: "The document does not say which is less of a
    # security risk; ...")
    if (results and not deciding and not any(a.how_it_went() == Outcome.NOT_COVERED for a in results)
            and not any(" does not " in a.text for a in results)):
        asked = first_question(last_question(turn)).text
        uncovered = [t for t in topics_asked(facts, asked)
                     if t.apart and not topics.answer(facts.store, asked, [t], turn.mentions.concepts).found]
        if uncovered:
            results.insert(0, replace(topics.answer(facts.store, asked, uncovered, turn.mentions.concepts),
                                      aside=True, outcome=Outcome.NOT_COVERED))
    if results and not deciding and (none_named := instances_not_named(
            facts, turn.text, " ".join(retrieve.shown(a) for a in results), turn.mentions.concepts)) is not None:
        results.insert(0, none_named)
    if (FIGURES.search(turn.text) and any(not a.aside for a in results)
            and all(a.topic in (Topic.SEARCH, Topic.CHARACTERISTIC)
                    or a.topic == Topic.ASPECT and not KINDS_COUNTED.search(turn.text)
                    for a in results if not a.aside)
            and not any(topics.has_figure(retrieve.shown(a)) for a in results)
            and not any(WORDING["topic_no_figures"] in a.text for a in results)):
        results.insert(0, Answer(WORDING["no_figures"], aside=True))
    return results
