"""Which answer a turn gets: the table of routes, and what runs before and after each route's handler.

:data:`ROUTES` is the one table that ties the conversation together: each custom
action that answers from the store, the intents it serves, the function that
builds its answers and which entities those intents may carry. Adding an intent
means its name in :class:`bot.contract.Intent`, a row here (or a domain response
and a rule for a plain reply), its NLU data, its rule and its ``domain.yml`` entry;
``tests/test_contract.py`` checks them against each other.

The logic is pure functions of a :class:`~bot.answering.turn.Turn` and the current
:class:`~bot.answering.live.Facts`, so the conversation is tested without Rasa.
The actions read the turn from the tracker (:func:`read_turn`) and render what
comes back. :func:`respond` runs a route's handler (:mod:`bot.answering.handlers`) after the
answers that come before any intent's: a question asked again of another concept
(:func:`asked_again`, :mod:`bot.answering.followups`), a claim to check
(:mod:`bot.answering.claims`), what the document does not settle
(:mod:`bot.answering.unsettled`); then what the document says on the rest of the question,
and a second look at the paragraph that best matches it (:func:`second_look`). Before all of
these, :mod:`bot.answering.asking` sets aside what only surrounds the question;
:mod:`bot.answering.notices` says first what the document does not give.

The modules below this one depend only downwards: :mod:`~bot.answering.turn` (a message and its
context), :mod:`~bot.answering.questions` (what a question's wording asks),
:mod:`~bot.answering.tasks` and :mod:`~bot.answering.passages` (a process to place; the
document's passages on a topic), then the follow-ups, claims, the unsettled, the handlers, what a
message asks (:mod:`~bot.answering.asking`) and the notices (:mod:`~bot.answering.notices`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.asking import (
    FOR_THE_ASKER,
    STEP_BY_STEP,
    definition_asked_first,
    does_else,
    question_asked,
    stands_within,
    without_asker,
    without_reply,
)
from bot.answering.claims import (
    QUIZ,
    definition_then_remark,
    on_claim,
    quoted_claim,
    quoted_term_asked,
    term_used,
)
from bot.answering.entities import Mentions, Names, resolve
from bot.answering.followups import (
    AGAIN_OPENING,
    ASKS_A_CHOICE,
    BETTER_FOR_THAT,
    ELABORATE,
    ELABORATING,
    HOW_IT_WORKS,
    MATTERING,
    REASON_WORDS,
    follow_up_of,
    main_one,
    other_choice,
    reasons_asked,
    swap_concept,
    which_again,
)
from bot.answering.handlers import (
    IMPERSONAL_YOU,
    TO_THE_ASSISTANT,
    fits_by_passages,
    on_bot_challenge,
    on_cancel,
    on_clarify,
    on_compare,
    on_define,
    on_example,
    on_follow_up,
    on_greeting,
    on_inform,
    on_out_of_scope,
    on_recommend,
    on_side_question,
    only_cells_said,
    rows_set_against,
    specifics_asked,
    work_asked_after,
)
from bot.answering.live import Facts
from bot.answering.notices import (
    doing_said_first,
    figure_asked_after,
    market_figures,
    name_never_used,
    never_said_asked,
    prediction,
    said_first,
)
from bot.answering.passages import (
    answer_on_topic,
    asked_words,
    characteristic_answer,
    closest_passages,
    passages_for,
    similarity_asked_after,
    topic_beside_verdict,
    topic_left,
    whose_characteristic,
)
from bot.answering.questions import (
    CHOOSING,
    CLASSIFYING,
    DIFFERENCE,
    FIGURES,
    FOR_WHOM,
    GUIDED,
    GUIDED_ALONE,
    HELP_ME,
    INTENT_WORDS,
    KIND_WORDS,
    LIST_WORDS,
    OTHER_WORDS,
    RECOMMEND_FRAME,
    WHICH_ARE_WE,
    WHICH_IS,
    asks_a_topic,
    asks_only_which_kind,
    asks_the_document,
    asks_which_concept,
    asks_who_does,
    compares_concepts,
    ends_asking_which,
    holds_only,
    offers_a_kind,
    only_the_same,
    opens_not_which,
    says_nothing_new,
    sent_to_concept,
    they_choose,
    topics_asked,
    which_more,
    which_of_two_on_a_topic,
)
from bot.answering.spelling import moved, respelled
from bot.answering.tasks import (
    ABOUT_A_PROCESS,
    CLASSIFY_THIS,
    DECIDING,
    each_placed,
    task_from_text,
    verdict_on_description,
    which_fits,
)
from bot.answering.turn import (
    DOCUMENT_ASKED,
    IN_FORM,
    QUESTION_OPENERS,
    SAME_AS_BACK,
    SORRY_IF,
    TELLERS,
    WHAT_IS_A,
    Context,
    Turn,
    asking_sentence,
    asks_something,
    compares_back,
    concepts_asked,
    doing_after,
    first_question,
    is_question,
    last_asked,
    last_question,
    opening_words,
    other_concept,
    points_back,
    self_descriptions,
    sentences_of,
    told_after,
    without_self_description,
    without_spans,
)
from bot.answering.unsettled import (
    asks_names,
    company_placed,
    compared_with_other,
    on_better_overall,
    on_named_places,
    on_named_providers,
)
from bot.contract import Entity, Intent, Outcome, Topic
from bot.text import content_lemmas, lemma, shorthand, tokens
from bot.wording import say

# -- the table of routes --------------------------------------------------------------------------

Handler = Callable[[Facts, Turn], list[Answer]]


@dataclass(frozen=True)
class Route:
    """One custom action that answers from the store.

    Attributes:
        action: The action's name in ``domain.yml``.
        intents: The intents whose rules run it.
        answer: Builds its answers for a turn.
        tasks: Whether its intents' messages can be about a task (a process the
            user describes); if not, a "task" entity is dropped.
        restated: ``(entity, value)`` pairs that only restate the intent (the row
            "Examples" in a request for examples); they are dropped.
        asides: Whether what the document says on the rest of a question is added (:func:`respond`).
        otherwise: The domain's response when the route has no answer of its own ("utter_help").
        accepts_offer: A "yes" to an offer of the guided classification starts it.
        second_look: Whether its answers are checked against the paragraph that best matches the
            question (:func:`second_look`); not for a reply about the conversation itself.
    """

    action: str
    intents: tuple[str, ...]
    answer: Handler
    tasks: bool = False
    restated: frozenset[tuple[str, str]] = frozenset()
    asides: bool = True
    otherwise: str = ""
    accepts_offer: bool = False
    second_look: bool = True


ROUTES: tuple[Route, ...] = (
    Route("action_define", (Intent.DEFINE,), on_define, restated=frozenset({(Entity.ASPECT, "Definition")})),
    Route("action_compare", (Intent.COMPARE, Intent.SIMILARITIES), on_compare, tasks=True),
    Route("action_example", (Intent.EXAMPLE,), on_example, tasks=True,
          restated=frozenset({(Entity.ASPECT, "Examples")})),
    Route("action_recommend", (Intent.RECOMMEND,), on_recommend, tasks=True),
    Route("action_inform", (Intent.INFORM,), on_inform, tasks=True),
    Route("action_follow_up", (Intent.FOLLOW_UP,), on_follow_up, tasks=True),
    Route("action_clarify", (Intent.NLU_FALLBACK,), on_clarify, tasks=True, asides=False),
    Route("action_out_of_scope", (Intent.OUT_OF_SCOPE,), on_out_of_scope),
    Route("action_cancel", (Intent.CANCEL,), on_cancel, second_look=False),
    Route("action_help", (Intent.HELP,), on_side_question, otherwise="utter_help"),
    Route("action_deny", (Intent.DENY,), on_side_question, otherwise="utter_anything_else"),
    Route("action_affirm", (Intent.AFFIRM,), on_side_question, otherwise="utter_anything_else", accepts_offer=True),
    Route("action_goodbye", (Intent.GOODBYE,), on_side_question, otherwise="utter_goodbye"),
    # "hey, who takes care of updates with saas?": the greeting (the domain's own response, which needs no action
    # server) and then the question; nothing more after a greeting alone
    Route("action_greet", (Intent.GREET,), on_greeting),
    # "is it cheaper to outsource that than the AP work?" is no thanks, whatever NLU makes of "than"
    Route("action_thanks", (Intent.THANKS,), on_side_question, otherwise="utter_thanks"),
    Route("action_bot_challenge", (Intent.BOT_CHALLENGE,), on_bot_challenge, otherwise="utter_bot_challenge"),
)
#: The route of each action, and of each intent.
BY_ACTION: dict[str, Route] = {route.action: route for route in ROUTES}
BY_INTENT: dict[str, Route] = {intent: route for route in ROUTES for intent in route.intents}


def _respelled(message: Mapping[str, Any], fixes: list[tuple[int, int, str]], names: Names) -> dict[str, Any]:
    """A parsed message with its misspelled words written right, its entities where their words now stand.

    A name of the store now written in full over a word set right is found as NLU's own name lookup finds it, in
    place of what NLU found there ("vendor managment": Vendor Management, not "vendor").
    """
    text, shifts = respelled(message.get("text") or "", fixes)
    entities = []
    for entity in message.get("entities") or []:
        start, end = entity.get("start"), entity.get("end")
        if start is None or end is None:
            entities.append(entity)
            continue
        entities.append({**entity, "start": moved(start, shifts), "end": moved(end, shifts)})
    right = [(moved(start, shifts), moved(start, shifts) + len(word)) for start, _, word in fixes]
    for kind, name, m in _names_over(text, right, names):
        entities = [e for e in entities if not (e.get("entity") == kind and e.get("start") is not None
                                                and e["start"] < m.end() and m.start() < e["end"])]
        entities.append({"entity": kind, "value": name, "start": m.start(), "end": m.end()})
    return {**message, "text": text, "entities": sorted(entities, key=lambda e: e.get("start") or 0)}


def _names_over(text: str, spans: list[tuple[int, int]], names: Names) -> Iterator[tuple[str, str, re.Match[str]]]:
    """The store's names (concepts, rows, characteristics) written in ``text`` over one of ``spans``: kind, name, where."""
    for kind in (Entity.CONCEPT, Entity.ASPECT, Entity.CHARACTERISTIC):
        for written, name in names.by_entity[kind].items():
            for m in re.finditer(rf"\b{re.escape(written)}\b", text, re.IGNORECASE):
                if any(m.start() < end and start < m.end() for start, end in spans):
                    yield kind, name, m


def _shorthand_in_names(text: str, names: Names) -> list[tuple[int, int, str]]:
    """Chat shorthand written out, as fixes (start, end, word), where the word makes a name of the store ("vendor mgmt")."""
    fixes = []
    for m in re.finditer(r"[\w']+", text):
        word = shorthand().get(m.group(0).casefold())
        if word is not None and any(_names_over(respelled(text, [(m.start(), m.end(), word)])[0],
                                                [(m.start(), m.start() + len(word))], names)):
            fixes.append((m.start(), m.end(), word))
    return fixes


def read_turn(message: Mapping[str, Any], context: Context, names: Names) -> Turn:
    """The turn in Rasa's parse of a message (``text``, ``intent``, ``entities``, ``intent_ranking``).

    Args:
        message: The tracker's latest message.
        context: The context slots.
        names: The store's names, to resolve the entities.
    """
    # misspelled words are read as the words they stand for ("key charactaristics of iaas"), NLU's entities moved along
    # (not within a process NLU found, whose misspellings its verdict reads and says it read: "(Reading "payrol" as
    # "payroll".)")
    tasks = [(e["start"], e["end"]) for e in message.get("entities") or []
             if e.get("entity") == Entity.TASK and e.get("start") is not None and e.get("end") is not None]
    fixes = [f for f in names.speller.misspelled(message.get("text") or "")
             if not any(start < f[1] and f[0] < end for start, end in tasks)]
    # (and a concept's full name misspelled is written as the store writes it: "What is Knowlege Proces Outsourcing and
    # how is it different from BPO ...?" asks what KPO is, then how it differs)
    said = message.get("text") or ""
    named = [(span.start, span.end, names.written_names[span.value]) for span in names.misspelled_concepts(said)
             if span.start is not None and span.end is not None
             and said[span.start:span.end].casefold() != names.written_names[span.value].casefold()
             and not any(start < span.end and span.start < end for start, end in tasks)]
    # (chat shorthand in a name is written out where that makes the name: "why does vendor mgmt matter so much for
    # both?" names Vendor Management)
    named += [fix for fix in _shorthand_in_names(said, names)
              if not any(fix[0] < end and start < fix[1] for start, end, _ in named)
              and not any(start < fix[1] and fix[0] < end for start, end in tasks)]
    fixes = sorted([*named, *(f for f in fixes if not any(f[0] < end and start < f[1] for start, end, _ in named))])
    if fixes:
        message = _respelled(message, fixes, names)
    intent = (message.get("intent") or {}).get("name") or ""
    text = message.get("text") or ""
    # "quote me the definition of KPO from the start of its section": what KPO is, not the table's row Definition
    # (not "Compare the definition of BPO with the definition of KPO", which asks the row)
    if (intent == Intent.COMPARE and DEFINITION_OF.search(text) and not TABLE_WORDS.search(text)
            and not DIFFERENCE.search(text)):
        intent = Intent.DEFINE
    # "what do bpo and kpo have in common? writing up a slide for the team rn": the question, not what the asker is doing
    # (unless the rest names something asked: "... Looking mainly at cost and scalability.")
    if (doing := doing_after(text)) is not None and not any(
            e.get("entity") != Entity.TASK and (e.get("start") or 0) >= doing for e in message.get("entities") or []):
        text = text[:doing].rstrip()
        message = {**message, "text": text,
                   "entities": [e for e in message.get("entities") or [] if (e.get("end") or 0) <= doing]}
    ranking = [(r.get("name"), r.get("confidence", 0.0)) for r in message.get("intent_ranking") or []]
    # what the asker says of themselves names nothing asked ("I'm not a tech person": no Technology Use)
    aside = self_descriptions(text, names)
    if aside and (rest := without_spans(text, aside)) != text:  # (not "I'm a KPO expert.", all there is)
        message = _keeping(message, lambda e: not any(start <= (e.get("start") or 0) < end for start, end in aside))
        # ("IT manager here: what's KPO?", which NLU may read as a process to place: what it is)
        if re.fullmatch(rf"\W*{WHAT_IS_A}(?:{names.concept_names})\W*", rest, re.IGNORECASE):
            intent = Intent.DEFINE
    # nor does what sentences after the question tell of someone name a row or characteristic asked ("sorry new
    # here, what does BPO actually mean? people keep saying it in standup": no Employee Expertise)
    if (told := told_after(text)) is not None:
        message = _keeping(message, lambda e: e.get("entity") not in (Entity.ASPECT, Entity.CHARACTERISTIC)
                           or (e.get("start") or 0) < told)
    focus = None
    if (asking := asking_sentence(text)) is not None:
        # (and, when it points back, with the sentence before it: its focus)
        span, wider = asking
        # (a pronoun after a concept or row the sentence names points to it: "how does the document define KPO, and
        # what functions does it give as examples?", "Would outsourcing get us better technology without us buying it?")
        back = points_back(text, *span)
        if wider is not None and back is not None and stands_within(text, back) and any(
                e.get("entity") in NAMED_BEFORE and e.get("start") is not None and span[0] <= e["start"] < back.start()
                for e in message.get("entities") or []):
            wider = None
        focus = _part(message, span, names, context, ranking,
                      _part(message, wider, names, context, ranking) if wider is not None else None)
    return Turn(text=text, intent=intent, mentions=mentions_for(intent, message, names),
                context=context, ranking=ranking, focus=focus)


#: A follow-up asking only whether what was said before holds: "is that true?", "is he right", "is it?", "is that how it
#: works tho", "is that actually true? feels off to me".
ONLY_CONFIRMING = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|but|and|hmm+|wait|really)\W+)*(?:"
                             r"(?:is|was)\s+(?:that|this|it|he|she)\s+(?:(?:actually|really|even)\s+)?"
                             r"(?:right|true|correct|accurate|so|the\s+case|how\s+it\s+works)|"
                             r"(?:are|were)\s+(?:they|these|those)\s+(?:(?:actually|really)\s+)?(?:right|correct)|"
                             r"(?:is|does)\s+it|really|true|correct|right)"
                             r"(?:\s+(?:tho|though|then|at\s+all))?\W*(?:(?:it\s+)?(?:feels?|sounds?|seems?)\s+(?:off|wrong|odd|fishy)"
                             r"(?:\s+to\s+me)?|not\s+sure(?:\s+about\s+that)?|i\s+doubt\s+it)?\W*$", re.IGNORECASE)


#: Who said what a statement reports, before it: "My IT guy says that ", "The CFO said ", "Someone on my team said ".
REPORTED = re.compile(r"^\W*(?:[\w'\u2019-]+\s+){1,5}?(?:said|says|claims?|claimed|thinks?|thought|believes?|believed|"
                      r"reckons?|insists?|insisted|told\s+(?:me|us)|keeps\s+saying|kept\s+saying)\s+(?:that\s+)?",
                      re.IGNORECASE)
#: A follow-up asking whether a concept helps with what the last message told: "could bpo help with that at all?" after
#: "we're in retail and our volumes spike like crazy every december".
HELPS_WITH_THAT = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|and|but|then)\W+)*(?:could|can|would|will|does|do|might)\s+"
                             r"(?:(?:an?|the)\s+)?[\w-]+(?:\s+(?:provider|vendor|partner|firm))?\s+(?:really\s+|actually\s+)?"
                             r"help(?:\s+(?:us|me|them))?\s+(?:with|on)\s+(?:that|this|it|those|these)(?:\s+at\s+all)?\W*$",
                             re.IGNORECASE)


def _statement_to_confirm(facts: Facts, turn: Turn) -> Turn | None:
    """The last message, asked to confirm, when this one only asks whether it holds and it was a statement; else None.

    So too for a follow-up asking whether a concept helps with what it told: the two, read as one message.
    """
    context = turn.context
    # (not after a verdict, an example or the question which process: "right?" then asks of that)
    confirming = ONLY_CONFIRMING.match(turn.text) is not None and context.topic not in PLACED
    if not (confirming or HELPS_WITH_THAT.match(turn.text) or HOW_IT_WORKS.match(turn.text)):
        return None
    if (last := _last_message(context)) is None:
        return None
    earlier, said, intent = last
    if "?" in said or is_question(said) or intent not in BY_INTENT:
        return None
    if confirming:
        # (what is stated, not who said it: "The CFO said both BPO and KPO aim to reduce costs." names no CFO asked of)
        cut = reported.end() if (reported := REPORTED.match(said)) and not facts.names.names_a_concept(
            said[:reported.end()]) and said[reported.end():].strip() else 0
        entities = [{**e, "start": e["start"] - cut, "end": e["end"] - cut} if e.get("start") is not None else e
                    for e in earlier.get("entities") or [] if e.get("start") is None or e["start"] >= cut]
        return read_turn({**earlier, "text": f"{said[cut:].rstrip(' .!')}, is that true?", "entities": entities},
                         context, facts.names)
    # (its concept named too: "could bpo help with that at all?")
    told = _one_after_the_other(said, turn.text)
    shift = len(told) - len(turn.text)
    named = [{"entity": Entity.CONCEPT, "value": concept, "start": shift + m.start(), "end": shift + m.end()}
             for concept in dict.fromkeys(turn.mentions.concepts)
             if (m := re.search(rf"\b(?:{facts.names.concept_names})\b", turn.text, re.IGNORECASE))]
    return read_turn({**earlier, "text": told, "entities": [*(earlier.get("entities") or []), *named]}, context,
                     facts.names)


#: What a pronoun after it in the same sentence may stand for.
NAMED_BEFORE = frozenset({Entity.CONCEPT, Entity.ASPECT, Entity.CHARACTERISTIC})


def _keeping(message: Mapping[str, Any], keep: Callable[[Mapping[str, Any]], bool]) -> dict[str, Any]:
    """The message with only the entities ``keep`` accepts."""
    return {**message, "entities": [e for e in message.get("entities") or [] if keep(e)]}


def _part(message: Mapping[str, Any], span: tuple[int, int], names: Names, context: Context,
          ranking: list[tuple[str, float]], focus: Turn | None = None) -> Turn:
    """The turn of a part of a message (``span``), with the entities found in it."""
    start, end = span
    text, intent = message.get("text") or "", (message.get("intent") or {}).get("name") or ""
    inside = _keeping(message, lambda e: e.get("start") is not None and e.get("end") is not None
                      and start <= e["start"] and e["end"] <= end and not _who_tells(text, e))
    entities = [{**e, "start": e["start"] - start, "end": e["end"] - start} for e in inside["entities"]]
    part = {**message, "text": text[start:end], "entities": entities}
    return Turn(text=text[start:end], intent=intent, mentions=mentions_for(intent, part, names), context=context,
                ranking=ranking, focus=focus)


#: A definition asked of a name ("the definition of KPO", "define SaaS"), and words for the table's parts.
DEFINITION_OF = re.compile(r"\bdefinition\s+of\s+(?!the\s+(?:table|row|difference))|\bdefine\s+(?!the\s+difference)",
                           re.IGNORECASE)
#: How the one concept named works, all a message asks: "how does bpo work?", "so how does IaaS actually work",
#: "explain how KPO works".
HOW_CONCEPT_WORKS = (r"^\W*(?:(?:so|and|ok(?:ay)?|but|hey|hi)\W+)*(?:(?:can\s+you\s+|could\s+you\s+|pls\s+|please\s+)?"
                     r"(?:explain|tell\s+me|describe)\s+)?how\s+(?:(?:does|do|would|will)\s+)?(?:an?\s+|the\s+)?(?:{names})\s+"
                     r"(?:actually\s+|really\s+|even\s+|basically\s+|exactly\s+)?"
                     r"(?:work|works|function|functions|operate|operates)(?:\s+(?:exactly|in\s+practice|actually|then|really))?\W*$")
TABLE_WORDS = re.compile(r"\b(?:row|rows|table|column|columns|cell|cells)\b", re.IGNORECASE)
#: Who tells something, opening a sentence: "Some people worry we'd be stuck with it ..." names no row.
WHO_TELLS = re.compile(r"(?:^|[.!?]\s+)(?:(?:some|many|most|a\s+few|our|the|my)\s+)?$", re.IGNORECASE)


def _who_tells(text: str, entity: Mapping[str, Any]) -> bool:
    """Whether a row or characteristic entity is only the people who open a sentence telling something."""
    return (entity.get("entity") in (Entity.ASPECT, Entity.CHARACTERISTIC)
            and text[entity["start"]:entity["end"]].lower() in TELLERS
            and WHO_TELLS.search(text[:entity["start"]]) is not None)


def mentions_for(intent: str, message: Mapping[str, Any], names: Names) -> Mentions:
    """What a message names, keeping only the entities ``intent`` can use (see :class:`Route`)."""
    route = BY_INTENT.get(intent)
    return resolve(message.get("entities") or [], names, message.get("text") or "",
                   tasks=route.tasks if route else False, restated=route.restated if route else frozenset())


#: A walk through how something is or through a part of what the document says, not through the questions.
WALK_THROUGH_TOLD = re.compile(r"\bwalk(?:s|ing)?\s+(?:(?:me|us|you|them)\s+)?through\s+(?:how|what|why|where|when|who|the\s+"
                               r"(?:[\w-]+\s+){0,3}(?:part|section|row|bit|side|differences?|table|comparison|similarities|"
                               r"basics))\b", re.IGNORECASE)
#: Knowing or telling whether something holds, the clause asked in group 1 ("wants to know if BPO helps ...").
KNOW_IF = re.compile(r"\b(?:know|tell|find\s+out|check)\s+(?:if|whether)\b(.*)$", re.IGNORECASE)
#: "walk me through it", "walk us through the questions": to be guided.
WALK_THROUGH = re.compile(r"\bwalk(?:s|ing)?\s+(?:(?:me|us|you|them)\s+)?through\b", re.IGNORECASE)
#: Words of deciding or placing, in what a walk through is asked of ("deciding if", "choosing between", "figure out if
#: KPO is right for", "the steps to", "should go to").
DECIDING_WORDS = re.compile(r"\b(?:decid\w*|decision\w*|choos\w*|chose|choice|pick\w*|figur\w*|work\s+out|steps?|whether|"
                            r"if|right\s+for|should\s+go|fits?|suits?|between|classif\w*|categori[sz]\w*|assess\w*)\b",
                            re.IGNORECASE)
#: Words of a difference besides :data:`DIFFERENCE`'s: "what sets KPO apart from BPO?", "what separates them", "kpo v bpo".
SET_APART = re.compile(r"\bapart\b|\bseparat\w*|\bv\b", re.IGNORECASE)
#: The concepts, each of them unnamed: "each model", "each one", "each of the two".
EACH_OF_THEM = re.compile(r"\beach\s+(?:one|of\s+them|of\s+the\s+two|model|type|kind|option|approach)\b", re.IGNORECASE)
#: A request for the difference in a sentence: "in one sentence", "one-liner", "in a nutshell", "tl;dr".
BRIEFLY = re.compile(r"\b(?:in\s+)?(?:one|1)[\s-]+(?:sentence|line)\b|\bone[\s-]?liner\b|\bin\s+a\s+nutshell\b|\btl;?dr\b|"
                     r"\bshort\s+version\b", re.IGNORECASE)


#: Words that ask for more than what was said: "yes and what else?", "anything besides that?".
ELSE = re.compile(r"\b(?:else|besides|other)\b", re.IGNORECASE)
#: Words that ask the same again of another concept: "... for the knowledge kind too", "same for IaaS?".
ALSO = re.compile(r"\b(?:too|also|as\s+well|same|either|likewise)\b", re.IGNORECASE)
#: A word that points back to what the last message asked about ("... mitigates it better?", "... more with that?").
IT_OR_THAT = re.compile(r"\b(?:it|that|this|those|these)\W*$|\b(?:it|that|this)\s+(?:better|more|less|best|most|"
                        r"faster|quicker|cheaper)\b", re.IGNORECASE)
#: "which one mitigates it better?", "which does that best": which does what was asked better.
DOES_IT_BETTER = re.compile(r"\bwhich\b.*\b(?:it|that|this)\s+(?:better|best)\b", re.IGNORECASE)
#: A claim that one concept is better whatever the work: "is KPO always the better choice", "is IaaS always better
#: than SaaS", "so SaaS is just better?".
ALWAYS_BETTER = re.compile(r"\b(?:always|just|simply|automatically|universally)\s+(?:the\s+)?(?:better|best|superior)\b"
                           # (not better at a task: "Is KPO just better suited to market research?")
                           r"(?!\s+(?:suited|fit|fitted|placed|at|for|to)\b)", re.IGNORECASE)
#: A follow-up this short at most (content words) may be read with the message before it when it alone says too
#: little: "and how often?", "what's the difference?", "which one mitigates it better?".
SHORT_FOLLOW_UP = 4


def respond(route: Route, facts: Facts, turn: Turn) -> list[Answer]:
    """The route's answers to a turn; or, when they answer nothing, those to it read with the message before it.

    "and how often?" after "How is SaaS billed?" gets what "How is SaaS billed? and how often?" gets, not "which one
    do you mean?"; "what's the difference?" after "BPO can be offshore or nearshore." the two places it names, not
    the table. Only a short message that NLU finds on the documents' subject, after a message that asked or told
    something of it (see :func:`with_last_message`), and only when the two read together answer something.
    """
    if (same := _same_as_other(facts, turn)) is not None:  # "isnt that basically the same as bpo?" after KPO
        return same
    # "is that true?" after a statement ("Legal said that once we outsource, all the risk moves over to the vendor."):
    # the statement, to confirm, on its own intent's route; unless the document answers that with nothing found
    if (told := _statement_to_confirm(facts, turn)) is not None:
        restated = _respond(BY_INTENT[told.intent], facts, told)
        if restated and all(a.found for a in restated if not a.aside):
            return restated
    # "which one mitigates it better?" after "Do both BPO and KPO help manage risk?": which is more of what the last
    # message asked, read with it (not a question of its own words); after a characteristic or row the last answer
    # gave, that is what it asks of (see :func:`asked_again`)
    if (not route.otherwise and turn.context.topic in (None, Topic.SEARCH)
            and (which_more(turn.text) or DOES_IT_BETTER.search(turn.text)) and IT_OR_THAT.search(turn.text)
            and (both := with_last_message(facts, turn)) is not None):
        return _respond(BY_INTENT[both.intent], facts, both)
    results = _respond(route, facts, turn)
    # "like right away, as soon as we sign up??" after "when does a saas app start working", which NLU took for a "yes":
    # a question the side route has no answer to, read with the last message (not one to the assistant: "can you help
    # me with that?"; nor one that asks for more than it: "yes and what else?" is not told the same again)
    if (route.otherwise and not results and asks_something(turn.text)
            and not set(tokens(turn.text)) & TO_THE_ASSISTANT and not ELSE.search(turn.text)
            and (both := with_last_message(facts, replace(turn, intent=Intent.FOLLOW_UP))) is not None
            and not _answers_nothing(read_together := _respond(BY_INTENT[both.intent], facts, both))):
        return read_together
    # "i need to know what you actualy get with IaaS", which NLU took for a request for help: a question that names a
    # concept, the side route no answer to it, is one about that concept ("you" of anyone who uses it)
    if (route.otherwise and not results and turn.mentions.concepts
            and (asks_something(turn.text) or re.search(r"\b(?:what|how|why|who|whether)\b", turn.text, re.IGNORECASE))
            and not set(tokens(IMPERSONAL_YOU.sub(" ", turn.text))) & (TO_THE_ASSISTANT - {"i", "me", "my"})
            and not _answers_nothing(own := _respond(BY_INTENT[Intent.DEFINE], facts, replace(turn, intent=Intent.DEFINE)))):
        return own
    # "Is KPO always the better choice since it's higher value?": that the document does not say which is better
    # overall, before what it says on the point the asker gives
    if (not route.otherwise and ALWAYS_BETTER.search(turn.text) and turn.mentions.concepts
            and not any(a.text.startswith(say("better_overall", concepts="")[:30]) for a in results)):
        concepts = [c.abbreviation for c in facts.store.concepts()]
        results = [Answer(say("better_overall", concepts=" or ".join(concepts)), found=False), *results]
    # "Is one model about efficiency and the other about insight?": the row whose cells it sets against each other
    if not route.otherwise and (against := _rows_set_against_unsaid(facts, turn, results)):
        results = against if any(a.topic in VERDICTS for a in results if not a.aside) else [*against, *results]
    # "which type of outsourcing scales better?" after support tickets named: a comparative on a topic asks the topic,
    # not which fits the process
    if not route.otherwise and (compared := _compared_not_fit(facts, turn, results)):
        results = compared
    if not route.otherwise and (shared := _shared_not_row(facts, turn, results)) is not None:
        results = [shared, *results]
    if (not route.otherwise and (_answers_nothing(results) or _table_unasked(turn, results))
            and (both := with_last_message(facts, turn)) is not None):
        read_together = _respond(BY_INTENT[both.intent], facts, both)
        # (and not the definition the last message got alone again: "can we tweak it a lot to our needs?" after "What
        # does SaaS mean?"; what it said on a topic may be: "and how often?" after "How is SaaS billed?")
        again = read_together[0].topic == Topic.DEFINE and [a.text for a in read_together] == [
            a.text for a in _respond(BY_INTENT[both.intent], facts, replace(both, text=turn.context.earlier[0]["text"]))]
        if not _answers_nothing(read_together) and not again:
            return read_together
    # "Do BPO providers bring their own know-how or do we have to teach them everything?": the whole table answers no
    # question of one concept that asks no difference; the passages that answer it do
    if (not route.otherwise and len(set(turn.mentions.concepts)) == 1 and _whole_table(results)
            and not DIFFERENCE.search(turn.text)
            and (passages := passages_for(facts, turn, coverage=TABLE_OR_PASSAGES)) is not None):
        return [passages]
    return results


#: Answers that say which concept fits a process, or ask for one: no row is put before them.
VERDICTS = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.CLASSIFY, Topic.CLASSIFY_RESULT, Topic.ASK_TASK})


def _rows_set_against_unsaid(facts: Facts, turn: Turn, results: list[Answer]) -> list[Answer]:
    """The rows whose two cells the question sets against each other (:func:`rows_set_against`) no answer quotes.

    None beside a verdict on a process ("is our routine or our expert work BPO?") unless the process is only a cell's
    words, nor beside the whole table, nor to a question why ("why is kpo seen as strategic rather than just
    operational" asks what the document says of it).
    """
    said = [a for a in results if not a.aside]
    # (nor beside a row answered already, or quoted: "what kind of risk ..., strategic or operational?" gets Risk Type)
    if (any(a.table is not None or a.aspect for a in said) or WHY_ASKED.search(turn.text)
            or not (rows := rows_set_against(facts, turn.text))):
        return []
    # (a "process" that is only a cell's word is none: "is one more about operations and the other about strategy?")
    if any(a.topic in VERDICTS for a in said) and not only_cells_said(facts, turn.mentions.tasks, rows):
        return []
    shown = " ".join(retrieve.shown(a) for a in results)
    if any(f"{row}:" in shown for row in rows):
        return []
    concepts = set(concepts_asked(turn))
    one = next(iter(concepts)) if len(concepts) == 1 else None
    return [answers.compare_aspect(facts.store, row, one, turn.text) for row in rows]


#: A question why something is so: "why is kpo seen as strategic rather than just operational?", "how come ...",
#: "what makes ...".
WHY_ASKED = re.compile(r"\b(?:why|how\s+come|what\s+makes)\b", re.IGNORECASE)


def _compared_not_fit(facts: Facts, turn: Turn, results: list[Answer]) -> list[Answer]:
    """What the document says on a topic a question compares the concepts on, instead of a verdict on its process.

    "... triple support capacity and then cut back later. which type of outsourcing scales better?", "We could
    outsource the routine reporting to a BPO or the analysis to a KPO firm - which one does the doc say is cheaper?": the
    processes named are no choice asked. None when no topic is asked beside them, or the document says nothing on it,
    or names a process as an example ("which is better for payroll?" asks which fits).
    """
    if not (turn.mentions.task and any(a.topic == Topic.RECOMMEND for a in results if not a.aside)
            and not any(facts.store.concept_of_example(task) for task in turn.mentions.tasks)):
        return []
    # (the two named as the choice for one process ask which fits it: "We're deciding between a BPO and a KPO for our
    # customer support. Which one is cheaper?")
    if len(set(turn.mentions.concepts)) > 1 and len(set(turn.mentions.tasks)) == 1:
        return []
    # (in the sentence that asks: "... we just want it cheaper. What do we call that?" asks what it is called)
    asked = last_asked(turn.text) or ""
    if not answers.COMPARATIVE.search(asked):
        return []
    spans = [m.span() for task in turn.mentions.tasks for m in re.finditer(re.escape(task), asked, re.IGNORECASE)]
    beside = without_spans(asked, spans)
    if not topics_asked(facts, beside):
        return []
    found = answer_on_topic(facts, replace(turn, text=beside, mentions=replace(turn.mentions, tasks=[])))
    return found if any(a.found for a in found) else []


#: "more flexible", "less scalable": a comparative of both concepts, its word in group 1.
MORE_OF = re.compile(r"\b(?:more|less)\s+([a-z]{4,})\b", re.IGNORECASE)


def _shared_not_row(facts: Facts, turn: Turn, results: list[Answer]) -> Answer | None:
    """That the document does not say which does more, when a comparative names what they share, not the row answered.

    "is BPO more flexible than KPO?" gets the row Scalability (High against Moderate to High), but flexibility is
    what the similarity Scalability and Flexibility says both offer: that the document does not say which is more
    flexible comes first. None when a row answered holds the word in its name or cells ("more scalable", "more
    strategic"), or no row leads.
    """
    lead = next((a for a in results if not a.aside), None)
    # (a comparison of the two: not "how does outsourcing help us use our budget more efficiently?")
    if (lead is None or lead.aspect is None
            or not (re.search(r"\b(?:which|than)\b", turn.text, re.IGNORECASE) or len({*turn.mentions.concepts}) > 1)):
        return None
    # (the words of every row answered, their cells too: "more strategic" is Focus's "Strategic Insights")
    rows = [facts.store.aspect(a.aspect) for a in results if a.aspect]
    row = {w[:retrieve.STEM] for r in rows if r is not None
           for w in content_lemmas(" ".join([r.name, *r.values.values()]))}
    shared = {w[:retrieve.STEM] for s in facts.store.similarities() for w in content_lemmas(s.title)}
    for found in MORE_OF.finditer(turn.text):
        stem = lemma(found.group(1).lower())[:retrieve.STEM]
        if stem in shared and stem not in row:
            names = " or ".join(c.abbreviation for c in facts.store.concepts())
            return Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED)
    return None


#: Words that set the two apart or point at both: "what sets them apart?", "what separates the two?".
BOTH_OF_THEM = re.compile(r"\b(?:apart|separat\w*|distinct\w*|two|both|them|each)\b", re.IGNORECASE)
#: Passages that cover this much of a question of one concept answer it rather than the whole table.
TABLE_OR_PASSAGES = 0.15


def _whole_table(results: list[Answer]) -> bool:
    """Whether the answer is the whole comparison table alone."""
    return len(results) == 1 and results[0].topic == Topic.COMPARE and results[0].table is not None


def _shows_table(results: list[Answer]) -> bool:
    """Whether one of the answers is the whole comparison table."""
    return any(a.topic == Topic.COMPARE and a.table for a in results)


def _table_unasked(turn: Turn, results: list[Answer]) -> bool:
    """Whether the answer is the whole table, to a message that names no concept and asks no difference.

    "how often, usually?" after "Is SaaS billed per seat?" asks more of the billing, not the table.
    """
    return (_whole_table(results) and not turn.mentions.concepts and not DIFFERENCE.search(turn.text)
            and not BOTH_OF_THEM.search(turn.text))


def _answers_nothing(results: list[Answer]) -> bool:
    """Whether answers quote nothing of the document: none, or only ones that ask back or say it does not answer it.

    Not "does not cover that question directly" before the passages that come closest.
    """
    return all(not a.sources for a in results if not a.aside)


def with_last_message(facts: Facts, turn: Turn) -> Turn | None:
    """A short follow-up read as one message with the one before it, or None.

    The text is both, one after the other; the concepts are this message's, else the last's; the rows,
    characteristics and processes both named; the intent the last message's when this one's only says it follows up
    or is off the subject (and the last one asked no definition), else this one's. The last message is forgotten, so
    that nothing is read twice.
    """
    ctx = turn.context
    if not ctx.earlier or len(content_lemmas(turn.text)) > SHORT_FOLLOW_UP:
        return None
    # (not a message that asks a topic of its own the document leaves out, or names what it never does: "what about
    # security?", "is it GDPR compliant?" after "How is SaaS billed?" are not answered with the billing again)
    own = tuple(t for t in topics_asked(facts, turn.text) if not topics.asked_weakly(turn.text, t))
    concepts = list(turn.mentions.concepts) or [c.abbreviation for c in facts.store.concepts()]
    # (nor one asking for providers or places by name, which the document never gives: "like which vendors?")
    if (own and not topics.answer(facts.store, turn.text, own, concepts).found
            or facts.index is not None and retrieve.unmentioned(facts.index, turn.text) is not None
            or asks_names(facts, turn.text)):
        return None
    if (last := _last_message(ctx)) is None or last[2] not in ASKED_AGAIN:
        return None
    message, earlier, intent = last
    before = mentions_for(intent, message, facts.names)
    if intent in OFF_TOPIC and not before.concepts:
        return None
    now = turn.mentions
    # (another concept is asked the same only with a word that says so: "Give me a couple for the knowledge kind too.",
    # not "and what does kpo stand for?" after examples of BPO)
    if len(set(now.concepts)) == 1 and set(now.concepts) != set(before.concepts) and not ALSO.search(turn.text):
        return None
    mentions = Mentions(concepts=list(now.concepts or before.concepts),
                        aspects=list(dict.fromkeys([*before.aspects, *now.aspects])),
                        characteristics=list(dict.fromkeys([*before.characteristics, *now.characteristics])),
                        tasks=list(dict.fromkeys([*before.tasks, *now.tasks])))
    # (not a definition again: "can we tweak it a lot to our needs?" after "What does SaaS mean?" asks something else)
    asked = intent if turn.intent in (Intent.FOLLOW_UP, *OFF_TOPIC) and intent != Intent.DEFINE else turn.intent
    return Turn(text=_one_after_the_other(earlier, turn.text), intent=asked, mentions=mentions,
                context=replace(ctx, earlier=()), ranking=turn.ranking)


def _last_message(ctx: Context) -> tuple[Mapping[str, Any], str, str] | None:
    """The last message as typed: (its parse, its text, its intent).

    None when there is none, or it was an answer in the guided classification or a button's payload.
    """
    if not ctx.earlier:
        return None
    message = ctx.earlier[0]
    text = (message.get("text") or "").strip()
    if message.get(IN_FORM) or not text or text.startswith("/"):
        return None
    return message, text, (message.get("intent") or {}).get("name") or ""


def _one_after_the_other(earlier: str, text: str) -> str:
    """Two messages as one text, the first ended as a sentence ("We run payroll." "is that BPO?")."""
    return f"{earlier if earlier[-1] in '.!?' else earlier + '.'} {text}"


#: The concept not in context, pointed to ("what about the other one?", "and the other kind?").
THE_OTHER_ONE = re.compile(r"\bthe\s+other\s+(?:one|kind|type|model)\b(?!\s+of\b)", re.IGNORECASE)
#: Words just before it that set it against the one in context ("riskier than the other one", "vs the other kind").
AGAINST_THE_OTHER = re.compile(r"\b(?:than|vs\.?|versus|against|compared\s+(?:to|with)|or)\s*$", re.IGNORECASE)
#: What the last answer was on, set against ("cheaper than that", "compared to it"): the word pointing back in group 1.
#: (not "other than that", "rather than this", "more trouble than it is worth")
THAN_THAT = re.compile(r"(?<!\bother\s)(?<!\brather\s)\b(?:than|vs\.?|versus|compared\s+(?:to|with))\s+"
                       r"(that|this|it|them|those|these)\b(?!\s+\w+ing\b|\s+(?:is|was|are|were)\b|['\u2019]s\b)",
                       re.IGNORECASE)


def _respond(route: Route, facts: Facts, turn: Turn) -> list[Answer]:
    """The route's answers to a turn, and what the document says on the rest of the question.

    A template answers what it was made for; a question may ask more ("how can KPO lower
    costs when the work is so complex?" is about cost as well as complexity). When the
    answers leave some of the question's words out, what the document says on a topic among
    them, or else a passage that speaks to them, is added as an aside; words the document
    never uses, or names, are said first. Not beside an answer about the user's own process:
    its words are the task ("we do freight booking for a logistics firm"). Passages chosen by
    the question get only the notice of names the document never uses.
    """
    # what only surrounds the question is set aside; a message that tells and asks in one sentence asks that
    turn, defined = question_asked(facts, turn, greeting=Intent.GREET in route.intents)
    # (or the turn was read as asking a definition: "quote me the definition of KPO", which NLU took for the table's row)
    # (or read as one by read_turn, whichever intent NLU gave: "IT manager here: what's KPO?")
    if defined or turn.intent == Intent.DEFINE and Intent.DEFINE not in route.intents:
        route = BY_INTENT[Intent.DEFINE]
    elif turn.intent == Intent.COMPARE and turn.intent not in route.intents:  # (which is more, of both: see there)
        route = BY_INTENT[Intent.COMPARE]
    if route.otherwise:
        turn = without_reply(turn)
    turn = without_asker(facts, turn)
    # "And what about the other one, what does it usually cover?" after KPO's examples: of BPO, named (and of both when
    # set against the one in context: "is it riskier than the other one?"); a message asking nothing else ("what about
    # the other one?") asks the last question again, of it
    if (not turn.mentions.concepts and (other := other_concept(facts, turn.context.concept)) is not None
            and (pointed := THE_OTHER_ONE.search(turn.text)) is not None
            and not says_nothing_new(facts, f"{turn.text[:pointed.start()]} {turn.text[pointed.end():]}")):
        against = AGAINST_THE_OTHER.search(turn.text[:pointed.start()]) is not None
        turn = replace(turn, text=f"{turn.text[:pointed.start()]}{other}{turn.text[pointed.end():]}",
                       mentions=replace(turn.mentions, concepts=[turn.context.concept, other] if against else [other]))
    # "Is KPO cheaper than that?" after "How does BPO save us money?": the one named set against the one in context
    if (len(set(turn.mentions.concepts)) == 1 and turn.context.concept not in (None, turn.mentions.concept)
            and (than := THAN_THAT.search(turn.text)) is not None):
        turn = replace(turn, text=f"{turn.text[:than.start(1)]}{turn.context.concept}{turn.text[than.end(1):]}",
                       mentions=replace(turn.mentions, concepts=[turn.mentions.concept, turn.context.concept]))
    if (choice := other_choice(facts, turn)) is not None:
        return [choice]
    if (plain := plainly_asked(facts, turn)) is not None:
        return plain
    # "how does bpo work?", "how does IaaS actually work": what the one concept named is, not the table or passages
    # (not "how does iaas billing work", a topic, nor "how do bpo and kpo work")
    if (re.match(HOW_CONCEPT_WORKS.format(names=facts.names.concept_names), turn.text, re.IGNORECASE)
            and len(named := set(turn.mentions.concepts)) == 1):
        return [answers.define(facts.store, named.pop())]
    if (what_each := _what_each_is(facts, turn)) is not None:
        return what_each
    # "what is RPO, recruitment process outsourcing?" asks what a name the document never uses is; "what share of big
    # companies use bpo today?" a figure of the market, of a document that gives none
    if (unsaid := name_never_used(facts, turn) or market_figures(facts, turn)) is not None:
        return [unsaid]
    if (named := on_named_providers(facts, turn) or on_named_places(facts, turn)
            or company_placed(facts, turn) or compared_with_other(facts, turn)) is not None:
        return named
    if (paired := paired_claim(facts, turn)) is not None:  # "Is BPO about efficiency and KPO about insight?"
        return [paired]
    if (claim := on_claim(facts, turn) or quoted_claim(facts, turn) or term_used(facts, turn)) is not None:
        return claim
    if quiz := QUIZ.match(turn.text):  # left to its route ("true or false: KPO needs more skills than BPO"), unframed
        turn = replace(turn, text=turn.text[quiz.end():])
    if (offered := row_offered(facts, turn) or nth_part(facts, turn)) is not None:
        return [offered]
    if (named := term_for(facts, turn) or kinds_offered(facts, turn)) is not None:
        return named
    if (figure := figure_asked_after(facts, turn)) is not None:  # "like what percent roughly", after an answer
        return [figure]
    # "Is KPO better or worse at that?" after BPO's Global Reach and 24/7 Operations: that characteristic, of KPO
    ctx = turn.context
    if (AT_THAT.search(turn.text) and ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic
            and (other := turn.mentions.concept) and other != ctx.concept):
        return characteristic_answer(facts, turn.text, ctx.characteristic, other)
    if (whose := whose_characteristic(facts, turn)) is not None:
        return whose
    if (winner := which_wins_there(facts, turn)) is not None:
        return [winner]
    if (overall := on_better_overall(facts, turn)) is not None:
        return overall
    if (again_which := which_again(facts, turn) or main_one(facts, turn)) is not None:
        return [again_which]
    if route.tasks and (placed := each_placed(facts, turn)):
        return placed
    if (shared := similarity_asked_after(facts, turn)) is not None:
        return [shared]
    if work_asked_after(turn):  # (the examples of the concept in context; its words ask nothing beside them)
        return [answers.examples(facts.store, turn.context.concept)]
    if (counted := examples_counted(facts, turn)) is not None:
        return [counted]
    if (specifics := specifics_asked(facts, turn)) is not None:  # "which fields are those experts in?"
        return specifics
    if (again := asked_again(facts, turn)) is not None:
        ctx = turn.context
        turn, why = again
        if why and (reasons := reasons_asked(facts, turn)) is not None:
            return reasons
        # "so isnt that the same as KPO then" after BPO's Access to Specialized Expertise: that characteristic, of KPO
        # (what the document says of it there, or the similarity named alike), not the earlier question's words again
        other = turn.mentions.concept
        if not why and ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic and other and other != ctx.concept:
            return characteristic_answer(facts, turn.text, ctx.characteristic, other)
        # ("does that make it better than saas overall?" after "IaaS gives you full control": better overall)
        if not why and (overall := on_better_overall(facts, turn)) is not None:
            return overall
        route = BY_INTENT[turn.intent]
    if (told := which_of_told(facts, turn)) is not None:
        turn = told
    elif (able := able_after_told(facts, turn)) is not None:
        turn, route = able, BY_INTENT[able.intent]
    if turn.intent in ASKED_AGAIN and (verdict := verdict_on_description(facts, turn)) is not None:
        # (unsettled by the process's words, but by the sentences that answer the question best)
        if (not verdict.found and verdict.task and asks_which_concept(facts, turn.text)
                and (fit := fits_by_passages(facts, turn, verdict.task)) is not None):
            return [fit]
        # (and the topic asked besides: "We want support at 3am without a night shift. can bpo do that")
        beside = topic_beside_verdict(facts, turn, verdict) if verdict.topic == Topic.RECOMMEND and verdict.found else None
        return [verdict] if beside is None else [verdict, beside]
    if (term := quoted_term_asked(facts, turn) or definition_then_remark(facts, turn)) is not None:
        turn, route = term, BY_INTENT[Intent.DEFINE]  # "... keeps dropping 'nearshore' ... What does it mean?"
    # "which is cheaper for us, bpo or kpo? need a straight answer for the budget meeting": a comparison of the two
    # named, no process described
    if (turn.intent == Intent.RECOMMEND and not turn.mentions.tasks and len(set(turn.mentions.concepts)) > 1
            and topics.ONE_SIDED.search(turn.text) and re.search(r"\bwhich\b", turn.text, re.IGNORECASE)):
        route = BY_INTENT[Intent.COMPARE]
    # "What value does each model mainly deliver?": a row asked of each concept, unnamed, with no process to place
    if (turn.intent == Intent.RECOMMEND and not turn.mentions.tasks and not turn.mentions.concepts
            and (turn.mentions.aspect or turn.mentions.characteristic) and EACH_OF_THEM.search(turn.text)
            and not asks_which_concept(facts, turn.text)):
        route = BY_INTENT[Intent.COMPARE]
    # "To cut spending we could outsource either payroll (BPO) or our market analysis (KPO). Which one would cost us
    # less?": the processes are told and placed, and the question compares the two named on a topic
    if (len(set(turn.mentions.concepts)) > 1 and len(set(turn.mentions.tasks)) > 1
            and (asking := first_question(last_question(turn)).text) != turn.text
            and not any(task.casefold() in asking.casefold() for task in turn.mentions.tasks)
            and (which_of_two_on_a_topic(facts, asking) or which_more(asking) and asks_a_topic(facts, asking))):
        turn, route = replace(turn, mentions=replace(turn.mentions, tasks=[])), BY_INTENT[Intent.COMPARE]
    results = route.answer(facts, turn)
    # "how is KPO different from BPO?": the whole table, and last what each is in the document's own words of how they
    # differ (asked in a sentence, what each is comes before it instead)
    briefly = BRIEFLY.search(turn.text) is not None
    apart = (_whole_table(results) and not briefly
             and (DIFFERENCE.search(turn.text) or SET_APART.search(turn.text)) is not None)
    # "saas vs iaas in one sentence pls": what each is, in a sentence, before the table
    if briefly and _shows_table(results):
        results.insert(0, answers.defined_briefly(facts.store))
    # "What is IaaS, and how is it billed?": what it is first, then the rest's answer
    if (results and (what := definition_asked_first(facts, turn.text)) is not None
            and not any(a.topic == Topic.DEFINE and a.concept == what[0] for a in results)):
        results.insert(0, answers.define(facts.store, what[0]))
    # a verdict on the process a question names, and the topic it asks besides ("... Can BPO help with that?")
    verdict = next((a for a in results if a.topic == Topic.RECOMMEND and a.found and not a.aside), None)
    if verdict is not None and (unsaid := never_said_asked(facts, turn)) is not None:
        return [unsaid, closest_passages(facts, turn)]
    if verdict is not None and (predicted := prediction(facts, turn)) is not None:  # "... obsolete?", no process
        return predicted
    # (or beside the example the process is: "We want to outsource our market research. Is that BPO or KPO, and ...?")
    placed = verdict if verdict is not None else next(
        (a for a in results if a.topic == Topic.EXAMPLE and a.found and a.task and a.concept and not a.aside), None)
    # "Our payroll team is moving to a BPO provider. How many weeks does a handover like that take?": the asker has
    # placed the process; what is asked is something else, answered as a question off the table
    if placed is not None and _placed_by_asker(facts, turn, placed):
        # (a row asked, and no topic but by the words that name who is involved, is that row: "..., would it be managed
        # the same way?", "We plan to pass our competitor research to a KPO partner. Can we expect them to tailor the
        # deliverables to us ...?")
        intent = Intent.COMPARE if turn.mentions.aspect and not asks_a_topic(facts, turn.text) else Intent.OUT_OF_SCOPE
        asked = replace(turn, intent=intent, mentions=replace(turn.mentions, tasks=[]))
        return respond(BY_INTENT[intent], facts, asked)
    # "we finally got approval to move payroll to an outside provider. how many months does the transition usually
    # take?": the process is told, and the question after it asks only what the document never speaks of
    if placed is not None and (asked := _asked_off_document(facts, turn)) is not None:
        return respond(BY_INTENT[Intent.OUT_OF_SCOPE], facts, asked)
    if placed is not None and (beside := topic_beside_verdict(facts, turn, placed)) is not None:
        results.append(beside)
    # the words of a process the user describes are the task, not more questions
    deciding = any(a.topic in DECIDING for a in results)
    results = _with_asides(route, facts, turn, results, deciding)
    # the doing a question asks of, when the document never speaks of it, before what it says on the rest ("can we
    # cancel a saas subscription before the year is up?")
    results = doing_said_first(facts, turn, results, deciding)
    if route.second_look:
        results = second_look(facts, turn, results)
    # what else the question asks that the document does not give: steps, a ranking, instances, figures
    results = said_first(facts, turn, results, deciding)
    # (an aside: the table stays what a follow-up asks of)
    if apart and _shows_table(results):
        results.append(replace(answers.told_apart(facts.store), aside=True))
    return results


def _same_as_other(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Whether the concept just defined is the same as the other, which the message names: how the two differ.

    "isnt that basically the same as bpo?" after "what is kpo" asks what "isnt kpo basically the same as bpo?" does (not
    what BPO is), and "is it the same as iaas?" after "what is saas" gets the table, not what IaaS is. Not a topic asked of
    them ("is it the same as bpo on cost?").
    """
    ctx, m = turn.context, turn.mentions
    if (ctx.topic != Topic.DEFINE or m.tasks or m.aspect or m.characteristic
            or not compares_back(turn, m.concepts, SAME_AS_BACK) or asks_a_topic(facts, turn.text)):
        return None
    # (both named now: nothing left to point back at)
    both = replace(turn, intent=Intent.COMPARE, mentions=replace(m, concepts=[ctx.concept, m.concept]),
                   context=Context())
    return respond(BY_INTENT[Intent.COMPARE], facts, both)


#: A question word, which makes a message more than a claim.
WH_WORD = re.compile(r"\b(?:why|how|where|which|what|who|when)\b", re.IGNORECASE)
#: What a concept is claimed to be about: "... about efficiency", "'s all about insights", "is more for strategy", "is
#: more process-focused".
ABOUT = (r"(?:is\s+|are\s+|['\u2019]s\s+)?(?:(?:all|mainly|mostly|more|really|just|basically|primarily)\s+)?"
         r"(?:(?:about|for)\s+(?:the\s+)?|(?=[a-z]+[- ](?:focused|oriented|driven|centric|centred|centered)\b))"
         r"((?:[a-z-]+\s+){0,2}?[a-z-]+)")
#: The words after what a concept is said to be about in :data:`ABOUT` ("process-focused"), as lemmas.
ABOUT_SUFFIXES = frozenset(content_lemmas("focused oriented driven centric centred centered"))


def paired_claim(facts: Facts, turn: Turn) -> Answer | None:
    """The table's row on which one concept is claimed to be one thing and the other another; else None.

    "Is BPO about efficiency and KPO about insight, or is that too simplistic?" gets Focus (Operational Efficiency
    against Strategic Insights), whichever way round the claim has them.
    """
    names = facts.names.concept_names
    claimed = re.search(rf"\b({names})\s+{ABOUT}\s*,?\s*(?:and|while|whereas|but|with)?\s+(?:the\s+)?({names})\s+{ABOUT}",
                        turn.text, re.IGNORECASE)
    if claimed is None:
        return None
    # (a claim asked of, not a question beside it: "Why is BPO about efficiency ...?", "My boss says ...; which one
    # should we use for market research?")
    if WH_WORD.search(turn.text[:claimed.start()] + " " + turn.text[claimed.end():]):
        return None
    first, said_first, second, said_second = claimed.groups()
    concepts = [facts.names.canonical(Entity.CONCEPT, first), facts.names.canonical(Entity.CONCEPT, second)]
    if None in concepts or concepts[0] == concepts[1]:
        return None
    # (a grade says nothing of its own: "Is BPO for low budgets and KPO for high budgets?")
    # (nor does what only says it is about that: "process-oriented" is about a process)
    words = [[w for w in content_lemmas(said) if w not in answers.DEGREE_WORDS and w not in ABOUT_SUFFIXES]
             for said in (said_first, said_second)]
    suffixed = bool(ABOUT_SUFFIXES & set(content_lemmas(f"{said_first} {said_second}")))
    if not all(words):
        return None
    for row in facts.store.aspects():
        cells = [facts.store.aspect_value(row.name, c) or "" for c in concepts]
        if row.items or not all(cells):
            continue
        matched = [all(any(answers.says(cell, w) for w in said) for cell, said in zip(order, words, strict=True))
                   for order in (cells, cells[::-1])]
        # (either way round: "Is KPO about efficiency and BPO about insight?" gets the same row, with no yes)
        # (said the wrong way round with "-oriented", "-focused": left to what says no, as a claim on the cells)
        if matched[1] and not matched[0] and suffixed:
            return None
        if any(matched):
            row_said = answers.compare_aspect(facts.store, row.name, None, turn.text)
            return replace(row_said, text=say("yes_first", text=row_said.text)) if matched[0] else row_said
    return None


#: What is asked when a message's question is nothing but what a concept is, what the concepts share, or their examples:
#: "What exactly is it?", "What is IaaS in plain terms?", "What do they actually have in common?", "What are typical
#: examples of SaaS and of IaaS?".
PLAIN_DEFINE = (r"^\W*(?:so\s+|ok(?:ay)?\s+)?what(?:\s+exactly|\s+actually)?(?:['\u2019]s|\s+is|\s+are)\s+"
                r"(?:exactly\s+|actually\s+)?(?:an?\s+)?"
                r"(?P<named>{names}|it|that|this)(?:\s+(?:exactly|actually|really|then|in\s+(?:plain|simple|layman['\u2019]?s)\s+"
                r"(?:terms|words|english)))*\W*$")
PLAIN_SHARED = re.compile(r"^\W*(?:so\s+)?what\s+do\s+(?:they|the\s+two|both|the\s+two\s+of\s+them)\s+(?:actually\s+|really\s+)?"
                          r"have\s+in\s+common\W*$", re.IGNORECASE)
PLAIN_EXAMPLES = (r"^\W*(?:so\s+)?what\s+are\s+(?:some\s+)?(?:typical\s+|common\s+|good\s+)?examples\s+of\s+(?:{names})"
                  r"(?:\s+and\s+(?:of\s+)?(?:{names}))?\W*$")


def plainly_asked(facts: Facts, turn: Turn) -> list[Answer] | None:
    """The answer to a question after sentences that tell, when it asks only what a concept is, what they share or examples.

    "A vendor keeps mentioning IaaS in their proposal and I'm not technical. What is IaaS in plain terms?" asks what IaaS
    is, not about vendors; "I'm new to procurement and keep hearing the term KPO in meetings. What exactly is it?" what
    KPO is, not about meetings.
    """
    focus = turn.focus
    if focus is None or focus.text.strip() == turn.text.strip():
        return None
    names = facts.names.concept_names
    if (defined := re.match(PLAIN_DEFINE.format(names=names), focus.text, re.IGNORECASE)) is not None:
        # ("it" is the one concept the message names)
        concepts = list(facts.names.concepts_named(defined.group("named"))) or list(dict.fromkeys(turn.mentions.concepts))
        return [answers.define(facts.store, concepts[0])] if len(concepts) == 1 else None
    if PLAIN_SHARED.match(focus.text) and len(set(turn.mentions.concepts)) != 1:
        return [answers.similarities(facts.store)]
    if re.match(PLAIN_EXAMPLES.format(names=names), focus.text, re.IGNORECASE):
        named = [facts.names.canonical(Entity.CONCEPT, m.group(0)) for m in re.finditer(rf"\b(?:{names})\b", focus.text,
                                                                                         re.IGNORECASE)]
        return [answers.examples(facts.store, c) for c in dict.fromkeys(named) if c]
    return None


def _what_each_is(facts: Facts, turn: Turn) -> list[Answer] | None:
    """What the concepts a message names are, when that is all it asks; else None.

    A message that mixes them up, has never heard of one, asks whether one is the other under another name, or (off
    the topic to NLU) asks what one is and then more.
    """
    # "saas is like renting software right? or is it renting servers, i always mix it up with iaas": what each is
    # (nothing else asked: not "i keep confusing saas and iaas, which one needs less effort?")
    named = list(dict.fromkeys(turn.mentions.concepts))
    mixed_up, unheard = MIXED_UP.search(turn.text), NEVER_HEARD.search(turn.text)
    nothing_else = ((mixed_up or unheard) and not turn.mentions.aspect and not turn.mentions.task
                    and not asks_a_topic(facts, turn.text))
    if len(named) > 1 and nothing_else and mixed_up:
        # (what it says of each, before, is a claim to check: "is bpo process oriented and kpo knowledge oriented or am
        # i mixing it up")
        before = MIXED_UP_JOIN.sub("", turn.text[:mixed_up.start()])
        if before and (paired := paired_claim(facts, replace(turn, text=before))) is not None:
            return [paired]
        return [answers.define(facts.store, concept) for concept in named]
    # "kpo?? never heard of it. is that just bpo with a different letter": what the one it has never heard of is, when
    # its definition says how it differs from the other named (KPO's names BPO)
    if named and nothing_else and unheard is not None:
        before = facts.names.concepts_named(turn.text[:unheard.start()])
        concept = next((c for c in reversed(named) if c in before), named[0])
        if (definition := _defined_against(facts, [concept], named)) is not None:
            return [definition]
    # "what even is kpo. bpo with a fancier name?", "is KPO just a fancier name for BPO?": what the one is whose
    # definition says how it differs from the other (KPO's names BPO)
    # (not "... what actually makes them different", which asks how they differ; nor "kpo is a new term for me")
    if (len(named) > 1 and (renamed := another_name(facts).search(turn.text)) and not turn.mentions.aspect
            and not turn.mentions.task and not asks_a_topic(facts, turn.text)
            and not DIFFERENCE.search(turn.text[:renamed.start()] + turn.text[renamed.end():])
            and (definition := _defined_against(facts, named, named)) is not None):
        return [definition]
    # "What is IaaS and what do we actually get when we sign up?", which NLU found off the topic: what it is
    # first, then a topic the rest asks ("What is KPO and what does it cost?": its cost)
    if turn.intent in OFF_TOPIC and (what := definition_asked_first(facts, turn.text)) is not None:
        concept, end = what
        rest = replace(turn, text=turn.text[end:], mentions=replace(turn.mentions, concepts=[concept]))
        beside = answer_on_topic(facts, rest, concept)[:1]
        # (else the names it uses that the document never does: "what is iaas and does aws sell it?")
        if not beside and facts.index is not None and (notice := retrieve.unmentioned(facts.index, rest.text)):
            beside = [notice]
        return [answers.define(facts.store, concept), *(replace(a, aside=True) for a in beside)]
    # "what are the key points about SaaS", "what should my manager know about IaaS before we move to it?": what it is;
    # "a quick overview of both for a slide": what each is in a sentence, and how they differ row by row
    if (overview_asked(facts, turn.text) and not turn.mentions.aspect and not turn.mentions.characteristic
            and not turn.mentions.task and turn.intent not in OVERVIEW_ELSE and not TABLE_WORDS.search(turn.text)
            and not DIFFERENCE.search(turn.text) and not asks_a_topic(facts, turn.text)):
        if len(named) == 1:
            return [answers.define(facts.store, named[0])]
        return [answers.defined_briefly(facts.store), answers.compare(facts.store)]
    return None


#: A request for what something is, as a whole: "an overview of", "the key points about", "a rundown of", "what should my
#: manager know about".
OVERVIEW = (r"\b(?:(?:overview|(?:key|main)\s+(?:points|facts|things|takeaways)|rundown|run-down|primer|basics)\s+"
            r"(?:of|on|about|for)|"
            r"what\s+(?:should|must|do|does)\s+(?:\w+\s+){1,3}know\s+about)\s+(?:the\s+)?")
#: Of both concepts, named by neither: "a quick overview of both", "the key points of the two".
BOTH_NAMED = r"(?:both|them|the\s+two|these\s+two|each)\b"


def overview_asked(facts: Facts, text: str) -> bool:
    """Whether a message asks an overview of a concept or of both.

    "what are the key points about SaaS", "a quick overview of both for a slide"; not of something else ("What's the
    rundown on object storage?").
    """
    # (or of the field they are kinds of: "Give me an overview of outsourcing.")
    field = "|".join(re.escape(w.rstrip("e")) for w in sorted(facts.names.field_words)) or BOTH_NAMED
    return re.search(rf"{OVERVIEW}(?:(?:{facts.names.concept_names}|{BOTH_NAMED})\b|(?:{field})\w*(?:\s+models?)?\W*$)",
                     text, re.IGNORECASE) is not None


#: What a message asks besides, when NLU reads it so: what the two share, examples.
OVERVIEW_ELSE = frozenset({Intent.SIMILARITIES, Intent.EXAMPLE})


def _with_asides(route: Route, facts: Facts, turn: Turn, results: list[Answer], deciding: bool) -> list[Answer]:
    """The answers, with what the document says on the rest of the question and the names it never uses.

    A template's answer that leaves some of the question's words out gets a topic among them, or else the passages
    that speak to them; words the document never uses are said first (see :func:`respond`).
    """
    results = list(results)
    # (an aside the route gave, a characteristic on the row asked, leaves the rest of the question asked)
    if (route.asides and any(not a.aside for a in results) and not deciding
            and all(a.found for a in results if not a.aside) and not any(a.aside and a.topic != Topic.CHARACTERISTIC
                                                                         for a in results)
            and facts.index is not None):
        asked = first_question(last_question(turn))  # what sentences before or after the question say is not asked
        # (and the words of what the answers are: "tbh whats the actual diff ..." off-topic to NLU, got the comparison)
        # (nor of who the answer is for: "quick way to tell a colleague what saas and iaas have in common?")
        answered = INTENT_WORDS.get(asked.intent, frozenset()).union(FOR_WHOM,
            *(INTENT_WORDS[a.topic] for a in results if a.topic in (Topic.COMPARE, Topic.SIMILARITIES)),
            *(LIST_WORDS | topics.GRADING for a in results if a.topic == Topic.CHARACTERISTICS))  # "key features of SaaS?"
        # a template's answer that leaves most of the question out gets the closest passages on the rest, or
        # says the document never speaks of it (passages and topic answers were chosen by the question)
        templates = not any(a.topic == Topic.SEARCH for a in results)
        left = retrieve.unanswered(facts.index, asked.text, results, answered)
        most = templates and retrieve.leaves_most(facts.index, asked.text, left, answered)
        # a topic the template left out ("how can KPO lower costs when the work is so complex?": cost),
        # else the passages on the rest of the question
        extra = (templates and topic_left(facts, asked, left)
                 or retrieve.aside(facts.index, asked.text, concepts_asked(asked), results, answered,
                                   adds=retrieve.LOOSE if most else retrieve.ADDS, left=left))
        if extra is not None:
            # (a sentence the answers already quote is not quoted again: "how easy is it to scale a bpo contract up
            # for the rush?" gets Scalability and Flexibility beside the row, and the topic's other sentences)
            said = " ".join(retrieve.shown(a) for a in results)
            items = [i for i in extra.items if not ((quote := re.search(r'"(.+)"', i)) and quote.group(1) in said)]
            if items != extra.items:
                extra = replace(extra, items=items) if items else None
        if extra is not None:
            results.append(extra)
        # (words the document never uses are said even beside an aside on the rest: "contract length")
        if notice := (retrieve.unmentioned(facts.index, asked.text)
                      or most and retrieve.never_said(facts.index, asked.text, left)):
            results.insert(0, notice)
    elif (route.asides and facts.index is not None and any(a.topic == Topic.SEARCH and a.items for a in results)
          and (notice := retrieve.unmentioned(facts.index, turn.text))):
        results.insert(0, notice)  # the closest passages, after the names the document never uses
    return results


#: A message that says the asker confuses the concepts it names ("i always mix it up with iaas", "I keep confusing
#: them", "how do I tell them apart").
MIXED_UP = re.compile(r"\b(?:i|we)(?:['\u2019]m|\s+am|\s+are)?\s+(?:(?:always|often|keep|kinda|still|get|getting)\s+)*"
                      r"(?:mix(?:es|ed|ing)?\s+(?:(?:it|them|these|those|the\s+two|\w+)\s+)?up|mixed\s+up|"
                      r"confus(?:e|ed|ing))\b|\btell\s+(?:them|the\s+two|these|those)\s+apart\b", re.IGNORECASE)
#: A message that says the asker has never heard of what it names ("kpo?? never heard of it").
NEVER_HEARD = re.compile(r"\bnever\s+(?:heard\s+of|came\s+across)\b|\bfirst\s+time\s+(?:i(?:['\u2019]?m|\s+am)\s+)?hearing\b",
                         re.IGNORECASE)
#: What joins a claim to the mix-up admitted after it ("..., or am i mixing it up").
MIXED_UP_JOIN = re.compile(r"[\s,;:-]*(?:\b(?:or|and|but|unless)\s+)?(?:(?:am|are|do)\s+)?$", re.IGNORECASE)
#: Words for a name ("bpo with a fancier name?", "just a different label for kpo").
OTHER_NAME = (r"(?:fancier|fancy|different|other|another|posher|nicer|cooler|trendier)\s+(?:name|label|word|term|letter|"
              r"acronym)")


def another_name(facts: Facts) -> re.Pattern[str]:
    """A message that asks whether one concept is the other under another name.

    "bpo with a fancier name?", "a fancier name for BPO", "bpo by another name", "just kpo rebranded"; not "kpo is a
    new term for me" or "a nicer name for bpo and kpo to put on a slide" (no concept said to be it).
    """
    names = facts.names.concept_names
    return re.compile(rf"\b(?:{names})\s+(?:\w+\s+){{0,3}}?(?:with|by|under)\s+(?:an?\s+)?{OTHER_NAME}|"
                      rf"\b(?:is|are|just|basically|really|only)\s+(?:\w+\s+){{0,2}}?(?:an?\s+)?{OTHER_NAME}\s+for\s+"
                      rf"(?:an?\s+|the\s+)?(?:{names})\b|"
                      rf"\b(?:{names})\s+(?:\w+\s+){{0,2}}?(?:rebrand(?:ed|ing)?|renamed|relabell?ed)\b", re.IGNORECASE)


def _defined_against(facts: Facts, concepts: list[str], named: list[str]) -> Answer | None:
    """The definition of the first of ``concepts`` that names every other concept ``named`` (KPO's names BPO)."""
    for concept in concepts:
        definition = answers.define(facts.store, concept)
        if all(re.search(rf"\b{re.escape(other)}\b", definition.text) for other in named if other != concept):
            return definition
    return None


#: Two things offered as what a concept is about ("is bpo more about efficiency or strategy", "... cost or quality?").
OFFERED = re.compile(r"\b(?:about|for|on|into)\s+(?:the\s+)?([a-z][\w-]+)\s+or\s+(?:the\s+)?([a-z][\w-]+)\W*$", re.IGNORECASE)

def row_offered(facts: Facts, turn: Turn) -> Answer | None:
    """The row of the table whose two cells are the two things a question offers, one each.

    "is bpo more about efficiency or strategy" offers the cells of Focus (Operational Efficiency for BPO, Strategic
    Insights for KPO); no row has both of "cost or quality".
    """
    offered = OFFERED.search(turn.text)
    if offered is None or len(set(turn.mentions.concepts)) > 1:
        return None
    # (a word and a cell's word agree in their first letters, as a form of a word does: "strategy", "Strategic")
    words = [lemma(w.lower())[:retrieve.STEM] for w in offered.groups()]
    if len(set(words)) < 2 or any(len(w) < 4 for w in words):
        return None

    def holds(cell: str, word: str) -> bool:
        return any(lemma(w)[:retrieve.STEM] == word for w in tokens(cell))

    rows = [a for a in facts.store.aspects() if len(a.values) == 2 and not a.items
            and any(all(holds(cell, word) for cell, word in zip(cells, words, strict=False))
                    for cells in (list(a.values.values()), list(a.values.values())[::-1]))]
    if len(rows) != 1:
        return None
    concept = turn.mentions.concept if turn.mentions.concepts else None
    return answers.compare_aspect(facts.store, rows[0].name, concept, turn.text)


#: A part of the document asked by its place in a list: "what's the first characteristic listed for SaaS?", "the third
#: similarity", "last row of the table"; the place in group 1, the kind of part in group 2.
ORDINAL = r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|last|1st|2nd|3rd|[4-9]th)\s+"
NTH_PART = re.compile(ORDINAL + r"(characteristic|feature|trait|similarity|row|difference)\b"
                      # (a place in the list, not in time or priority: "the first feature to consider", "the first
                      # differences companies notice")
                      r"(?=\s*(?:$|[?.,;:!]|(?:listed|mentioned|named|given|shown|in|of|for|under|on|about|that)\b))",
                      re.IGNORECASE)
#: "the first one", "and the second one?": a place in the list the last question asked of.
NTH_ONE = re.compile(ORDINAL + r"one\b", re.IGNORECASE)
ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
            "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "7th": 6, "eighth": 7, "8th": 7, "ninth": 8, "9th": 8, "last": -1}


def nth_part(facts: Facts, turn: Turn) -> Answer | None:
    """The characteristic, similarity or row of the table at the place in its list a question asks for.

    "what's the first characteristic listed for SaaS?": Ready to Use; "the second similarity": the second one the
    document lists; "the last row of the table" (a difference): the table's last row. None when the list is shorter,
    or a characteristic is asked of no one concept.
    """
    found = NTH_PART.search(turn.text)
    # ("and the first one for IaaS?" after "what's the first characteristic listed for SaaS?": of the kind asked then)
    if found is None and (one := NTH_ONE.search(turn.text)) and (last := _last_message(turn.context)) is not None:
        earlier = NTH_PART.search(last[1])
        found = earlier and re.match(NTH_PART, f"{one.group(1)} {earlier.group(2)}")
    if not found:
        return None
    place, kind = ORDINALS[found.group(1).lower()], lemma(found.group(2).lower())
    if kind in ("row", "difference"):
        rows = [a.name for a in facts.store.aspects()]
        if not -len(rows) <= place < len(rows):
            return None
        concept = turn.mentions.concept if len(set(turn.mentions.concepts)) == 1 else None
        return answers.compare_aspect(facts.store, rows[place], concept, turn.text)
    if kind == "similarity":
        titles, of = [s.title for s in facts.store.similarities()], None
    else:
        named = list(dict.fromkeys(turn.mentions.concepts)) or ([turn.context.concept] if turn.context.concept else [])
        if len(named) != 1 or (concept := facts.store.concept(named[0])) is None:
            return None
        titles, of = [c.title for c in concept.characteristics], named[0]
    if not -len(titles) <= place < len(titles):
        return None
    return answers.characteristic(facts.store, titles[place], of)


#: Good or bad at what was just said ("Is KPO better or worse at that?", "is kpo any good at it?").
AT_THAT = re.compile(r"\b(?:better|worse|good|bad|best|worst)\s+(?:or\s+(?:better|worse)\s+)?at\s+(?:that|it|this)\b",
                     re.IGNORECASE)
#: A name asked for what is described ("What's it called when you pay monthly to use a ready-made app?", "Is there a
#: name for paying outside experts to do research for you, and what does that involve?"); "What would you call
#: transcription of recorded meetings?" asks which fits a process, on its route.
TERM_FOR = re.compile(r"^\W*(?:(?:so|ok|okay|hi|hey)\W+)*(?:is\s+there\s+a\s+(?:name|term|word)\s+for|"
                      r"what(?:['\u2019]s|\s+is)\s+(?:the\s+)?(?:name|term|word)\s+for|"
                      r"what(?:['\u2019]s|\s+is)\s+it\s+called\s+(?:when|if)(?:\s+(?:you|we|a\s+company|companies))?)\s+"
                      r"(.+?)(?:(?:,\s*|\s+)and\s+(?:what|how|is|does)\b.*)?\W*$", re.IGNORECASE)


def term_for(facts: Facts, turn: Turn) -> list[Answer] | None:
    """The concept a question asks the name of, for what it describes, when the document's evidence settles it."""
    asked = TERM_FOR.match(turn.text)
    if asked is None or facts.names.concepts_named(turn.text):
        return None
    found = facts.recommender.recommend(asked.group(1)).concept
    concept = facts.store.concept(found) if found else None
    if concept is None:
        return None
    definition = answers.define(facts.store, concept.abbreviation)
    return [replace(definition, text=f"{say('term_for', abbreviation=concept.abbreviation)} "
                                     f"{definition.text}")]


#: Two things offered at the end of a question ("Which costs less to hand off, routine chores or expert analysis?"):
#: each in a group, after a comma, colon or "between", or the question's start.
KINDS_OFFERED = re.compile(r"(?:[,:;]|\bbetween)\s+(?:the\s+)?((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:or|and)\s+(?:the\s+)?"
                           r"((?:[\w'-]+\s+){0,3}?[\w'-]+)\s*\?*\s*$", re.IGNORECASE)
#: Two kinds of work named by what they are, as what a difference sets apart ("What's the main thing that separates
#: handing off routine chores from handing off expert thinking work?"): the kinds in groups 1 and 2.
KINDS_SET_APART = re.compile(r"\b(?:separates?|distinguish(?:es)?|sets?\s+apart|differentiates?|tells?\s+apart)\s+"
                             r"(?:the\s+)?((?:[\w'-]+\s+){0,5}?[\w'-]+)\s+from\s+(?:the\s+)?((?:[\w'-]+\s+){0,5}?[\w'-]+)"
                             r"\s*\?*\s*$", re.IGNORECASE)
#: A comparison asked in any words ("which costs less", "which needs more back-and-forth").
COMPARED = re.compile(r"\b(?:more|less|most|least)\b", re.IGNORECASE)


def _placed_by_asker(facts: Facts, turn: Turn, placed: Answer) -> bool:
    """Whether the message tells, not asks, that the process goes to the concept a verdict places it in.

    "Our payroll team is moving to a BPO provider. How many weeks ...?", "If we moved that work to a
    KPO, would we talk to them more?"; not "is R&D something you'd send to a kpo?", which asks.
    """
    sentences = sentences_of(turn.text)
    # (and something else is asked: "we want to hand our competitor analysis to a kpo firm" alone gets the verdict)
    if not any(asks_something(s) for s in sentences):
        return False
    for sentence in sentences:
        sent = sent_to_concept(facts, sentence)
        if sent is None or facts.names.canonical(Entity.CONCEPT, sent.group(1)) != placed.concept:
            continue
        told = "?" not in sentence and not set(opening_words(sentence)[:1]) & QUESTION_OPENERS
        # (something of its own is asked: a topic besides what it brings the asker, or a figure; "Does that make
        # sense?" and "Is that a good idea?" ask for the verdict)
        # (or a row of the table: "What if it was our R&D going to a KPO firm instead, would it be managed the same way?")
        own = ({t.key for t in topics_asked(facts, turn.text)} - FOR_THE_ASKER or FIGURES.search(turn.text)
               or facts.index is not None and facts.index.read(turn.text).unknown or turn.mentions.aspect)
        # (a condition after the question, of a verdict only: "Would customer service be cheaper if we sent it to a
        # BPO?" keeps that it is an example, with what it says on cost)
        sent_if = placed.topic == Topic.RECOMMEND and SENT_IF.search(sentence[:sent.start()]) is not None
        return ((told or CONDITION.search(sentence[:sent.start()]) is not None or sent_if) and bool(own)
                and len(facts.names.concepts_named(turn.text)) == 1 and not asks_which_concept(facts, turn.text))
    return False


#: Words asking what to make of what is told ("Thoughts?", "Any advice?", "your take?").
OPINION_ASKED = frozenset("thought advice opinion suggestion tip idea view take feedback recommendation input".split())
#: A question of which one, or of each ("Which bucket does each one fall into?").
WHICH_OR_EACH = re.compile(r"\b(?:which|each|either|both)\b", re.IGNORECASE)


def _asked_off_document(facts: Facts, turn: Turn) -> Turn | None:
    """The last sentence as an off-topic question, when it asks only in words the document never uses; else none.

    After sentences that tell of a process, of no concept: "... how many months does the transition take?", "legal is
    drafting our outsourcing agreement right now. what should the termination clause say?".

    Not a question of which kind the process is ("what would you call that?", "is that routine work?", "Which bucket
    does each one fall into according to the doc?"): none that asks which or points back.
    """
    asked = last_question(turn)
    if (asked is turn or facts.index is None or asked.mentions.concepts or facts.names.concepts_named(asked.text)
            or WHICH_OR_EACH.search(asked.text) or points_back(asked.text) is not None
            or asks_which_concept(facts, asked.text) or asks_only_which_kind(facts, asked.text)
            or topics_asked(facts, asked.text)):
        return None
    # (two words at least, and none that asks what to make of the process: "We're handing payroll to an outside firm.
    # Thoughts?", "... Any advice?")
    words = facts.index.read(asked.text).words
    if len(words) < 2 or any(word in facts.index.idf or word in OPINION_ASKED for word in words):
        return None
    return replace(asked, intent=Intent.OUT_OF_SCOPE, mentions=Mentions(), focus=None)


#: A condition the process is sent in, after the question ("Can we still control quality if payroll goes out to a
#: BPO?"): the clause just before the concept opens with it.
SENT_IF = re.compile(r"\b(?:if|when|once)\s+[^,;:?]*$", re.IGNORECASE)
#: A condition the process is sent in ("If we moved that work to a KPO, ...", "What if it was our R&D going to a KPO
#: firm instead, ...").
CONDITION = re.compile(r"^\W*(?:(?:what\s+)?if|when|once|after|before)\b", re.IGNORECASE)


#: What work counts as a concept ("what sort of apps count as SaaS?", "what counts as KPO work?"); the kind in group 1.
COUNTED_AS = re.compile(r"\bwhat\s+(?:(?:kinds?|sorts?|types?)\s+of\s+([a-z]+)\s+)?(?:counts?|qualif(?:y|ies))\s+as\b",
                        re.IGNORECASE)


#: Kinds of work whose instances count as a concept (not "firms" or "companies": "What sort of firms qualify as KPO
#: providers?" asks of providers).
COUNTED_KINDS = frozenset("work task process job function service thing stuff activity app application software tool "
                          "product solution offering example".split())


def examples_counted(facts: Facts, turn: Turn) -> Answer | None:
    """The examples of the one concept named, for a question asking what work counts as it; else None."""
    counted = COUNTED_AS.search(turn.text)
    named = set(turn.mentions.concepts)
    if counted is None or len(named) != 1 or counted.group(1) and lemma(counted.group(1).lower()) not in COUNTED_KINDS:
        return None
    # (the concept right after, and at most a word for the work: not "What counts as non-core work in the BPO section?"
    # nor "What counts as KPO's main cost?", which asks a topic)
    if not re.match(rf"\s+(?:an?\s+)?(?:{facts.names.concept_names})(?:\s+(?:work|tasks?|jobs?|services?|processes|"
                    rf"activities|apps?|applications?|software|tools?|products?|solutions?))?\W*$",
                    turn.text[counted.end():], re.IGNORECASE):
        return None
    return answers.examples(facts.store, named.pop())


def kinds_offered(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A comparison of two kinds of work named by what they are, when each leans to another concept: of the concepts.

    "Which costs less to hand off, routine chores or expert analysis?" compares BPO and KPO (on
    cost): the recommender leans "routine chores" to BPO and settles "expert analysis" as KPO. What
    they were read as is said first. Not when a concept is named, or when both lean the same way.
    """
    if facts.names.concepts_named(turn.text) or facts.recommender is None:
        return None
    # (a concept named only by a kind of work it is may be one of the two offered: "..., hiring out routine jobs or
    # hiring out expert analysis?")
    if set(turn.mentions.concepts) - {span.value for span in facts.names.described_concepts(turn.text)}:
        return None
    offered = KINDS_OFFERED.search(turn.text)
    if offered is None or not (answers.COMPARATIVE.search(turn.text) or COMPARED.search(turn.text[:offered.start()])):
        offered = KINDS_SET_APART.search(turn.text)  # (a difference asked: no comparative needed)
    if offered is None:
        return None
    read = []
    for group in (1, 2):
        found = facts.recommender.recommend(offered.group(group))
        scores = sorted(found.scores.items(), key=lambda item: -item[1])
        if not scores or scores[0][1] <= 0 or len(scores) > 1 and scores[1][1] >= scores[0][1]:
            return None
        read.append((offered.group(group), scores[0][0], found.concept is not None))
    (first, one, settled), (second, other, also) = read
    if one == other or not (settled or also):
        return None
    joined = "from" if offered.re is KINDS_SET_APART else "or"
    text = f"{turn.text[:offered.start(1)]}{one} {joined} {other}{turn.text[offered.end(2):]}"
    asked = replace(turn, text=text, mentions=replace(turn.mentions, concepts=[one, other], tasks=[]))
    note = Answer(say("kinds_read", read=f'"{first}" as {one} and "{second}" as {other}'), aside=True)
    return [note, *respond(BY_INTENT.get(turn.intent, BY_INTENT[Intent.COMPARE]), facts, asked)]


#: An answer that gave up on a question is replaced by the paragraph that best matches it, hedged, when that
#: paragraph covers this share of the question.
SECTION_CLOSEST = 0.2
#: A paragraph is added beside an answer when it matches this share of the question's weight the answer left out.
SECTION_ADDS = 0.5
#: The scope, for a message that names no concept, gives way only to a paragraph covering this share of it.
SCOPE_COVERAGE = 0.5


def second_look(facts: Facts, turn: Turn, results: list[Answer]) -> list[Answer]:
    """The answers, checked against the paragraph of the document that best matches the question.

    That paragraph (a characteristic, a definition, a similarity, a table row) is matched as a
    whole, less the words the intent itself answers. An answer that gave up gives way to it,
    said to be the closest the document comes, after the words it never uses, when it covers
    ``SECTION_CLOSEST`` of the question: "the document does not say anything about ...", a
    guess at what was meant, "which process do you want to outsource?" for a question that
    asks something else, the scope for a message about a concept, and a recommendation
    nothing settles for a message that names no process and does not ask which fits. An
    answer that leaves much of the question out gets the paragraph's other sentences beside
    it. Not for a message that is no question, and never in place of a recommendation.
    """
    if facts.index is None or not results or not is_question(turn.text):
        return results
    main = [a for a in results if not a.aside]
    if not main or any(a.topic == Topic.RECOMMEND and a.found for a in main):
        return results
    # (what comes closest in passages, and "the document does not cover cost for KPO", are answers already)
    gave_up = all(not a.found and a.topic != Topic.SEARCH for a in main)
    if gave_up and not _may_give_way(facts, turn, main):
        return results
    # beside what comes closest, quoted already, or beside "the document does not cover security for KPO" (where
    # a paragraph one word matches misleads), nothing is added
    if not gave_up and (not any(a.found for a in main)
                        or any(a.topic == Topic.SEARCH and not a.found and a.items for a in main)):
        return results
    answered = INTENT_WORDS.get(turn.intent, frozenset())
    best = facts.index.best_section(turn.text, concepts_asked(turn), leave_out=answered)
    if best is None:
        return results
    if gave_up:
        absent = retrieve.never_said(facts.index, turn.text, facts.index.question_words(turn.text))
        if best.coverage < SECTION_CLOSEST or _scope_kept(facts, turn, main, best, absent is not None):
            return results
        # what the document never speaks of is said first ("uptime guarantee"), then the closest it comes
        notices = [a for a in results if a.aside and not a.items]
        if not notices and absent is not None:
            notices.append(Answer(say("not_mentioned", names=asked_words(facts, turn.text, unsaid=True)), aside=True,
                                  outcome=Outcome.NOT_COVERED))
        return [*notices, retrieve.section_answer(best.section, "section_near" if notices else "section_closest",
                                                  found=False)]
    said = " ".join(retrieve.shown(a) for a in results)
    unsaid = [p for p in best.section.passages if p.text not in said]
    if not unsaid:
        return results
    left = retrieve.unanswered(facts.index, turn.text, results, answered)
    if retrieve.share_left(facts.index, turn.text, sorted(best.matched & set(left)), answered) >= SECTION_ADDS:
        return [*results, retrieve.section_answer(best.section, "section_more", aside=True, passages=unsaid)]
    return results


def _may_give_way(facts: Facts, turn: Turn, given: list[Answer]) -> bool:
    """Whether answers that gave up may give way to the closest paragraph (see :func:`second_look`).

    Not "which process?" for a request that asks which fits ("which should we pick?"); not the
    offer of the guided questions for a process the message names or asks about ("can we
    outsource invoice matching?"). The scope is weighed in :func:`_scope_kept`.
    """
    topics_given = {a.topic for a in given}
    if Topic.ASK_TASK in topics_given and (ASKS_A_CHOICE.search(turn.text) or asks_which_concept(facts, turn.text)):
        return False
    if (Topic.OFFER_CLASSIFY in topics_given and (turn.mentions.task or asks_which_concept(facts, turn.text))
            and not compares_concepts(turn)):
        return False
    return True


def _scope_kept(facts: Facts, turn: Turn, given: list[Answer], best: retrieve.SectionHit, absent: bool) -> bool:
    """Whether the scope stays the answer to a message that names no concept and has none in context.

    It does unless the closest paragraph holds most of the message and the message uses no word
    the document never does: "can you recommend a good laptop?" is about laptops, "what does
    'raw' mean in raw computing resources?" about the document.
    """
    scope = answers.out_of_scope(facts.store).text
    if not any(a.text == scope for a in given) or concepts_asked(turn):
        return False
    return absent or best.coverage < SCOPE_COVERAGE


#: The intents of an earlier message that a follow-up may ask again: questions about the concepts (a request for
#: a recommendation that names no process asks one: "With IaaS, who picks the operating system?").
ASKED_AGAIN = frozenset({Intent.DEFINE, Intent.COMPARE, Intent.SIMILARITIES, Intent.EXAMPLE, Intent.FOLLOW_UP,
                         Intent.OUT_OF_SCOPE, Intent.NLU_FALLBACK, Intent.RECOMMEND, Intent.INFORM})
#: The intents of messages that, asked as a question, are answered from the document when they ask it (the routes of
#: :func:`~bot.answering.handlers.on_side_question`).
SIDE_INTENTS = frozenset(intent for route in ROUTES if route.answer is on_side_question for intent in route.intents)
#: Of these, the intents NLU gives messages it finds off-topic: such a message is asked again only if it names a
#: concept ("How is SaaS billed?", not "what's the weather like in Paris?").
OFF_TOPIC = frozenset({Intent.OUT_OF_SCOPE, Intent.NLU_FALLBACK})
#: Words asking whether something holds the same way: "does kpo do the same for risk?", "that as well?".
SAME_ASKED = re.compile(r"\bsame\b|\bas\s+well\b", re.IGNORECASE)
#: How many earlier messages a turn carries, and are looked through, for the question a follow-up asks again.
EARLIER_LOOKED_AT = 4


#: Verbs of what a concept lets the asker do, in "which one lets us do that?", "which model gives us that?".
ALLOWS_IT = frozenset("let allow give do offer support enable".split())
#: Words of a message that asks only which kind what was told is: "which of the two fits that?", "is that a typical
#: BPO thing?", "so BPO or the other one?".
WHICH_TOLD_WORDS = KIND_WORDS | RECOMMEND_FRAME | frozenset("two typical thing job work count belong sit class classify "
                                                            "call other".split()) | ALLOWS_IT


#: The intents of a message that may tell of a process (not a greeting, thanks or yes).
TOLD_INTENTS = frozenset({Intent.INFORM, Intent.RECOMMEND, Intent.DEFINE, Intent.EXAMPLE, Intent.COMPARE,
                          Intent.OUT_OF_SCOPE, Intent.NLU_FALLBACK, Intent.CLASSIFY})


def _told_before(facts: Facts, ctx: Context) -> tuple[Mapping[str, Any], str, str] | None:
    """The last message as :func:`_last_message` gives it, when it told something rather than asked.

    None for a question, for small talk ("Thanks, that makes sense.", "Hi, I'm Sarah from the finance team.") and for
    an intent that tells of no process (a greeting, thanks or yes).
    """
    if (last := _last_message(ctx)) is None:
        return None
    _, earlier, intent = last
    if ("?" in earlier or is_question(earlier) or intent not in TOLD_INTENTS
            or not content_lemmas(without_self_description(earlier, facts.names))):
        return None
    return last


def which_of_told(facts: Facts, turn: Turn) -> Turn | None:
    """The last message, a process told, with this one after it, when this one asks only which kind it is.

    "We run 24/7 support through an outside provider." then "is that a typical BPO thing?" or "which of the two fits
    that?": one message that describes and asks, as :func:`verdict_on_description` reads it. None for anything else,
    or when the last message asked a question itself.
    """
    ctx = turn.context
    if turn.mentions.tasks or ctx.topic == Topic.RECOMMEND or (told := _told_before(facts, ctx)) is None:
        return None
    message, earlier, intent = told
    text = turn.text
    if not (asks_which_concept(facts, text) or offers_a_kind(facts, text)
            or re.search(rf"\b(?:is|isn['’]?t|would|does)\s+(?:that|this|it)\b.*\b(?:{facts.names.concept_names})\b",
                         text, re.IGNORECASE)):
        return None
    if not holds_only(facts, re.sub(r"\b(?:that|this|it|those|these|then|so|us|we|ours?)\b", " ", text, flags=re.IGNORECASE),
                      WHICH_TOLD_WORDS):
        return None
    mentions = mentions_for(intent, message, facts.names)
    return Turn(text=_one_after_the_other(earlier, text), intent=Intent.RECOMMEND,
                mentions=replace(mentions, concepts=list(turn.mentions.concepts)), context=ctx, ranking=turn.ranking)


#: A short question whether something can take on what the last message told, pointing back to it: "can a BPO
#: provider handle that?", "could outsourcing help with that?", "would a KPO do that for us?".
ABLE_FOR_THAT = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)?(?:can|could|would|will|does|do|is|are)\b[^?.!]*"
                           r"\b(?:handle|handles|cover|covers|help|helps|do|does|manage|take|takes|fix|fixes|solve|"
                           r"solves|deal|deals|good|work|works)\b[^?.!]*\b(?:that|this|it|those|these)\s*(?:for\s+us\s*)?\??\s*$",
                           re.IGNORECASE)
#: Such a question has at most this many words.
ABLE_WORDS = 10


def able_after_told(facts: Facts, turn: Turn) -> Turn | None:
    """The last message, a situation told, with this one after it, when this one asks whether something can take it on.

    "Our support desk needs to run around the clock." then "can a BPO provider handle that?": one message that tells
    and asks, read as the request the two make (working hours). None when the last message asked a question itself, or
    this one names a process of its own.
    """
    ctx = turn.context
    # (not a request to the assistant: "Can you help me with that?", "Can you do that?")
    if (turn.mentions.tasks or len(tokens(turn.text)) > ABLE_WORDS or not ABLE_FOR_THAT.match(turn.text)
            or set(tokens(turn.text)) & {"you", "u", "me", "i"} or (told := _told_before(facts, ctx)) is None):
        return None
    message, earlier, intent = told
    mentions = mentions_for(intent, message, facts.names)
    # (the process is the one told, in its own words: not "ticketing tool by Monday Can handle")
    told = mentions.tasks or ([described] if (described := task_from_text(facts, earlier)) else [])
    return Turn(text=_one_after_the_other(earlier, turn.text), intent=Intent.RECOMMEND,
                mentions=replace(mentions, concepts=list(dict.fromkeys([*mentions.concepts, *turn.mentions.concepts])),
                                 tasks=told),
                context=replace(ctx, earlier=()), ranking=turn.ranking)


def _said_before(facts: Facts, ctx: Context, in_full: bool = False) -> set[str]:
    """The content lemmas of the last question and of the characteristic and row its answer was on.

    ``in_full``: and of the text of that characteristic or similarity.
    """
    texts = [ctx.earlier[0].get("text") or "", ctx.characteristic or "", ctx.aspect or ""]
    if in_full and ctx.characteristic:
        texts += [item.text for _, item in facts.store.characteristic(ctx.characteristic)]
        if (shared := facts.store.similarity(ctx.characteristic)) is not None:
            texts.append(shared.text)
    return set(content_lemmas(" ".join(texts)))


#: A follow-up that opens by asking: "and what does KPO need?", "and for KPO, what does it say is needed?".
AND_ASKING = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|then)\W+)*and\s+(?:(?:for|with|in|about)\s+(?:the\s+)?[\w-]+\W+)?"
                        r"(?:what|how|who|which|where|when)\b", re.IGNORECASE)

#: The words such a follow-up holds at most, besides the concept it names: "and for KPO, what does it say is needed?",
#: "and what does the doc say about KPO's?".
LIGHT_ASKING = frozenset("and ok okay so but then for with in about the what how who which where when does do did is are "
                         "it its s say says need needs needed use uses used require requires required doc document "
                         "text table".split())
#: Words that point back to the last question: "is that true of BPO too?", "the same for saas?".
POINTING_BACK = re.compile(r"\b(?:that|this|it|too|also|as\s+well|same|either|likewise|similar(?:ly)?|alike)\b", re.IGNORECASE)
#: The lemmas such a follow-up may hold besides them ("does that hold for saas as well?", "is it true of kpo too?",
#: "does SaaS work like that too?").
HOLDING = frozenset("true hold apply applies case same well also too either likewise similar similarly alike comparable "
                     "equally work".split())
#: What asks what something is: "and what is this IaaS thing?", "and what does kpo stand for?".
DEFINITION_ASKED = re.compile(r"\bwhat(?:['\u2019]s|\s+is|\s+are)\b|\bstands?\s+for\b|\bmeans?\b|\bmeaning\b", re.IGNORECASE)


#: A follow-up of a few words asking which of the two comes out ahead ("which wins?", "so which is better then?",
#: "who comes out on top there?").
WHICH_WINS = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|and|then|but|right)\W+)*(?:which|who)(?:\s+one|\s+of\s+(?:the\s+)?(?:two|them))?"
                        r"(?:'s|\s+is|\s+does)?\s+(?:wins?|better|ahead|comes?\s+out\s+(?:ahead|on\s+top|better)|"
                        r"has\s+the\s+edge|(?:is\s+)?stronger)"
                        r"(?:\s+(?:then|there|here|on\s+(?:that|this|it)))*\W*$", re.IGNORECASE)


def which_wins_there(facts: Facts, turn: Turn) -> Answer | None:
    """The row the last answer was on, asked which of the two comes out ahead on it.

    "which wins?" after "How does scalability compare between BPO and KPO?" asks of Scalability, not which is better
    overall: the row, led by the concept its scale puts first where it is one, else said not to say which is better.
    Only a message naming nothing, after an answer on a row.
    """
    ctx, m = turn.context, turn.mentions
    if (ctx.topic != Topic.ASPECT or not ctx.aspect or m.concepts or m.aspects or m.characteristics or m.tasks
            or not WHICH_WINS.match(turn.text)):
        return None
    return answers.compare_aspect(facts.store, ctx.aspect, None, f"which is better on {ctx.aspect.lower()}?")


def asked_again(facts: Facts, turn: Turn) -> tuple[Turn, bool] | None:
    """The earlier question a follow-up that says nothing new asks again, and whether it asks why.

    "and IaaS?" after "How is SaaS billed?" is "How is IaaS billed?"; "is that true for SaaS
    too?" after "With IaaS, who picks the operating system?" asks it of SaaS, and "how does that
    compare to SaaS?" asks it of both; "why is that?"
    asks the last question's reasons, of the concept in context, and after a verdict on a
    process gets that verdict and its reasons again. "and what does KPO need?" after "what kind of
    skills does BPO require?" and a bare "KPO?" after a row of BPO ask it of KPO; "better than
    KPO?" asks it with that comparison, as a comparison. The earlier message keeps its intent
    (a request to be guided that was answered as a question is read as one) and
    entities, with the concept it named (or none) swapped for the one asked now; an earlier
    follow-up is passed over for the question before it. Not an answer given in the guided
    classification, a button's payload, an off-topic message that names no concept, a process
    asked of another concept, or a comparison of both concepts asked of one.
    """
    # ("And what about the expert, knowledge-heavy kind?" names KPO as a kind, and asks nothing more)
    text, ctx = facts.names.kinds_as_names(turn.text) if turn.mentions.concept else turn.text, turn.context
    kind = follow_up_of(facts, text, turn.mentions.concept is not None) if ctx.earlier else None
    # "and iaas? same monthly thing?": the first sentence asks it again, the rest only whether it is the same (not
    # "and kpo? also what are its risks?" or "and kpo? is that true for the costs too?", which ask something new)
    sentences = sentences_of(text)
    if (kind is None and ctx.earlier and len(sentences) > 1 and AGAIN_OPENING.search(sentences[0])
            and all(only_the_same(facts, later) for later in sentences[1:])):
        kind = follow_up_of(facts, sentences[0], turn.mentions.concept is not None)
    # "why is need so much?" after "KPO need much talk with the client?": why, in the last question's own words
    # (or in the words of what the last answer was on: "how exactly does it improve it" after Improved Efficiency)
    # ("why is that so necessary?" after "How often do we have to interact with a KPO provider?": why it matters; after a
    # row, that row's characteristic is pointed at again below)
    if (kind is None and ctx.earlier and REASON_WORDS.search(text) and turn.mentions.concept is None
            and set(content_lemmas(text)) - retrieve.FRAME - (set() if ctx.topic == Topic.ASPECT else
                                                              MATTERING | facts.names.field_words)
            <= _said_before(facts, ctx)):
        kind = "why"
    # "expertise in what areas, for instance?" after Access to Specialized Expertise, "meaning what for us in practice?"
    # after Focus on Core Activities: more of what the last answer was on, in words of that and of asking for more
    # (not of a verdict on a process the asker told: "what does that mean for us?" after "we're thinking about bpo for
    # our back office" asks what BPO brings)
    # (nor after a definition or the comparison, where "for example?" asks the examples and "say more" the rest; after
    # the similarities, "for instance?" asks them in full)
    if (kind is None and ctx.earlier and ELABORATE.search(text) and turn.mentions.concepts in ([], [ctx.concept])
            and ctx.topic in (Topic.CHARACTERISTIC, Topic.ASPECT, Topic.SIMILARITIES, Topic.SEARCH)
            and set(content_lemmas(text)) - retrieve.FRAME - ELABORATING <= _said_before(facts, ctx, in_full=True)):
        kind = "why"
    # "and does kpo do the same for risk?" after "what does BPO do for risk management?": the last question's own words,
    # asked again of another concept
    if (kind is None and ctx.earlier and (turn.mentions.concept is not None or turn.words & OTHER_WORDS)
            and SAME_ASKED.search(text)):
        said = set(content_lemmas(ctx.earlier[0].get("text") or "")) - answers.concept_name_lemmas(facts.store)
        words = tokens(text)
        rest = [w for w in words if lemma(w) not in said]
        if len(rest) < len(words) and follow_up_of(facts, " ".join(rest), turn.mentions.concept is not None) == "again":
            kind = "again"
    # a one-sentence question of another concept than the last, naming no row or characteristic and not asking what the
    # concept is: the two follow-ups below ask the last question of it, in their few words
    of_another = (ctx.earlier and turn.mentions.concept not in (None, ctx.concept) and len(sentences) == 1
                  and not turn.mentions.aspects and not turn.mentions.characteristics
                  and not DEFINITION_ASKED.search(text) and is_question(text))
    # "and what does KPO need?" after "what kind of skills does BPO require?": the last question, of the concept named,
    # in no word but those that frame a question and the last question's own
    if (kind is None and of_another and AND_ASKING.match(text)
            and not set(tokens(text)) - LIGHT_ASKING - facts.names.concept_tokens
            and holds_only(facts, text, retrieve.FRAME | _said_before(facts, ctx))):
        kind = "again"
    # "is that true of BPO too?" / "does that hold for saas as well?" / "is it the same with kpo?": the last question, of
    # the concept named, in no words but those pointing back, framing a question and the last question's own
    if (kind is None and of_another and len(set(turn.mentions.concepts)) == 1 and POINTING_BACK.search(text)
            and holds_only(facts, text, retrieve.FRAME | HOLDING | _said_before(facts, ctx, in_full=True))
            and not set(content_lemmas(text)) & KIND_WORDS):  # ("is KPO the same kind of outsourcing?" asks what it is)
        kind = "again"
    # "KPO?" after "What kind of innovation does BPO bring?": the last question, of the concept named (after a
    # definition, what it is)
    if (kind is None and ctx.earlier and turn.mentions.concept not in (None, ctx.concept) and "?" in text
            and len(set(turn.mentions.concepts)) == 1 and ctx.topic not in (None, Topic.DEFINE, *PLACED)
            and re.fullmatch(rf"\W*(?:{facts.names.concept_names})\W*", text, re.IGNORECASE)):
        kind = "again"
    if kind is None:
        return None
    why = kind == "why"
    named = turn.mentions.concept
    target = named or (other_concept(facts, ctx.concept) if turn.words & OTHER_WORDS else ctx.concept)
    skipped = False
    for message in ctx.earlier[:EARLIER_LOOKED_AT]:
        # (what the asker said of themselves asks nothing again: "explain saas to me like I'm new" then "how about iaas")
        earlier = without_self_description(message.get("text") or "", facts.names)
        intent = (message.get("intent") or {}).get("name") or ""
        # (a request to be guided that was answered as a question: "why not?" after "If we go with a BPO, do we have
        # to buy new systems ourselves?")
        if intent == Intent.CLASSIFY and not skipped and ctx.topic not in (None, *PLACED):
            intent = Intent.RECOMMEND
        # (and a question NLU took for a request for help, a "no" or a goodbye that was answered from the document:
        # "what about saas then" after "how much control do you get with iaas?")
        if intent in SIDE_INTENTS and not skipped and ctx.topic not in (None, *PLACED) and is_question(earlier):
            intent = Intent.OUT_OF_SCOPE
        if message.get(IN_FORM) or earlier.startswith("/") or intent not in ASKED_AGAIN or target is None and not why:
            return None
        mentions = mentions_for(intent, message, facts.names)
        # (a follow-up that asked something of its own is the question: "and who does that work?" then "is that the
        # same for BPO?")
        if (intent == Intent.FOLLOW_UP and says_nothing_new(facts, earlier)
                or follow_up_of(facts, earlier, mentions.concept is not None)):
            skipped = True
            continue  # "and IaaS?" before "why?": the question before it, of the concept in context
        # ("How do they actually pull that off?" after "Is it possible to run customer support around the clock through an
        # outsourcing firm?", off the topic to NLU but answered on one: why, of both)
        if intent in OFF_TOPIC and not mentions.concepts and not (why and target is None and ctx.topic == Topic.SEARCH):
            return None
        # (not a "process" the last answer did not place: "how hands-on do we need to be with a bpo supplier week to
        # week?", answered on its topic, then "and with kpo?")
        if intent in ABOUT_A_PROCESS and mentions.task and (skipped or ctx.topic is None or ctx.topic in PLACED):
            if not why:
                return None
            # "why?" after "is data entry BPO or KPO?" then "and market research?": the process the last answer was on
            if skipped and ctx.task and ctx.task.casefold() != mentions.task.casefold():
                return Turn(text=ctx.task, intent=Intent.RECOMMEND, mentions=Mentions(tasks=[ctx.task]), context=ctx), False
            return Turn(text=earlier, intent=intent, mentions=mentions, context=ctx), False
        # "ok and how does that compare to IaaS" after "How much work is it for our team to run SaaS?": of both;
        # "better than KPO?" after "Does BPO improve service quality?": the last question, with the comparison after it
        if kind in ("compare", "than"):
            concepts = list(dict.fromkeys(mentions.concepts)) or ([ctx.concept] if ctx.concept else [])
            if len(concepts) != 1 or named in concepts:
                return None
            # ("does that make it better than saas overall?" after "IaaS gives you full control": better overall)
            if kind == "than" and OVERALL_ASKED.search(text) and re.search(r"\b(?:better|worse)\b", text, re.IGNORECASE):
                return Turn(text=f"is {concepts[0]} better than {named} overall?", intent=Intent.COMPARE,
                            mentions=Mentions(concepts=[concepts[0], named]), context=ctx), False
            # "Is KPO better or worse for that?" after "Does BPO support 24/7 operations across time zones?": which does
            # better on the characteristic the last question named
            # (not one a row of the table weighs: "Is SaaS better or worse for that?" after "Does IaaS give full control?")
            if (kind == "than" and BETTER_FOR_THAT.match(text) and mentions.characteristic
                    and not set(content_lemmas(mentions.characteristic)) & facts.names.name_words):
                return Turn(text=f"which is better for {mentions.characteristic}, {concepts[0]} or {named}?",
                            intent=Intent.DEFINE, mentions=Mentions(concepts=[concepts[0], named],
                                                                    characteristics=[mentions.characteristic]),
                            context=ctx), False
            # (asked of the whole, it is the last question's point: "... easier than iaas overall?" after "saas effort is
            # minimal")
            alone = re.sub(r"\s+", " ", OVERALL_ASKED.sub("", text)).strip()
            # "so is it riskier than bpo overall?" after "kpo comes with strategic risks, right?": the row it names, of the
            # concept in context (the cell the last message named asks no value); only when the last message asked
            # nothing else ("is it more work than bpo?" after "kpo requires frequent client interaction" asks with that)
            # ("is it cheaper than bpo?" after "is kpo expensive": a topic, the last message's own)
            # ("is it cheaper than kpo?" after "BPO uses standard tools": a topic the document speaks to for both, asked
            # on its own; not "is it more secure than saas?" after "iaas control is high", which it does not)
            own_topics = topics_asked(facts, text)
            asks, asked = {t.key for t in own_topics}, {t.key for t in topics_asked(facts, earlier)}
            if kind == "than" and (turn.mentions.aspects and set(mentions.aspects) <= set(turn.mentions.aspects)
                                   and asked <= asks or asks and asked == asks and not mentions.aspects
                                   or asks and _spoken_to(facts, alone, own_topics, [concepts[0], named])):
                own = re.sub(r"\b(?:it|that|this|they)\b", concepts[0], alone, count=1, flags=re.IGNORECASE)
                return Turn(text=own if own != alone else f"is {concepts[0]} {alone}", intent=Intent.COMPARE,
                            mentions=Mentions(concepts=[*concepts, named], aspects=turn.mentions.aspects), context=ctx), False
            if kind == "than":
                return Turn(text=f"{earlier.rstrip(' ?.!')}, {alone}", intent=Intent.COMPARE,
                            mentions=replace(mentions, concepts=[*concepts, named]), context=ctx), False
            # ("how does it compare to bpo?" after "what is kpo?": how they differ; so does "how is it different from
            # kpo" after "give me examples of it")
            if (intent in (Intent.DEFINE, Intent.EXAMPLE) and not mentions.aspects and not mentions.characteristics
                    and not asks_a_topic(facts, earlier)):
                return Turn(text=f"what is the difference between {concepts[0]} and {named}?", intent=Intent.COMPARE,
                            mentions=Mentions(concepts=[concepts[0], named]), context=ctx), False
            return Turn(text=f"{earlier.rstrip(' ?.!')}, compared to {named}?", intent=intent,
                        mentions=replace(mentions, concepts=[*concepts, named]), context=ctx), False
        # "why so much?" after "How much effort does IaaS take compared to SaaS?": why, of the concepts it named
        # ("why?" after "Which one involves more client interaction?", which named neither: why, of both)
        if target is None and not mentions.concepts:
            if not why:
                return None
            return Turn(text=earlier, intent=intent, mentions=replace(mentions, concepts=[c.abbreviation for c in
                                                                                          facts.store.concepts()]),
                        context=ctx), why
        if len(set(mentions.concepts)) > 1 and not why:
            return None
        # ("why is it so high for KPO?" after the row Complexity of both: why, of the one it names)
        if why and named and len(set(mentions.concepts)) > 1 and named in mentions.concepts:
            return Turn(text=earlier, intent=intent, mentions=replace(mentions, concepts=[named]), context=ctx), why
        concepts = list(dict.fromkeys(mentions.concepts)) or [target]
        if len(concepts) == 1 and target is not None and concepts[0] != target:
            earlier = swap_concept(facts, earlier, concepts[0], target)
            concepts = [target]
        elif not mentions.concepts:
            earlier = f"{earlier.rstrip(' ?.!')} for {target}?"
        return Turn(text=earlier, intent=intent, mentions=replace(mentions, concepts=concepts), context=ctx), why
    return None


def _spoken_to(facts: Facts, text: str, asked: list[topics.Topic], concepts: list[str]) -> bool:
    """Whether the document speaks to every topic a question asks, for the concepts."""
    found = topics.answer(facts.store, text, asked, concepts)
    return found.found and not found.text.startswith(say("topic_not_covered", topic="", concepts="").split(" for ")[0])


#: Words that ask of the whole, not of the last answer's point ("better than SaaS overall?").
OVERALL_ASKED = re.compile(r"\b(?:overall|in\s+general|on\s+the\s+whole|all\s+round)\b", re.IGNORECASE)
#: What the last answer was when it placed a process (a verdict, an example, the question which process).
PLACED = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.CLASSIFY_RESULT, Topic.EXAMPLE, Topic.ASK_TASK})


#: The topics of answers on what a question asks, not on what a concept is or which one fits.
ON_A_TOPIC = frozenset({Topic.SEARCH, Topic.ASPECT, Topic.CHARACTERISTIC, Topic.SIMILARITIES})
#: A message that asks the assistant to do something with the asker ("can we go through the criteria?", "will you work it
#: out with me?", "let's try again").
ASKS_TO_DO = re.compile(r"^\W*(?:(?:so|and|ok|okay|please|pls)\W+)*(?:(?:can|could|will|would|shall)\s+(?:you|u|we)\b|let'?s\b)",
                        re.IGNORECASE)


def _topic_asked_last(facts: Facts, turn: Turn) -> list[Answer]:
    """The answer on a topic that a message's last sentence asks, after sentences that tell, with no process in it.

    Not a question of which fits, or of choosing ("how do we decide which one we need?"), or of a process NLU found in it.
    """
    asked = last_question(turn).text
    if (asked == turn.text or not asks_a_topic(facts, asked) or asks_which_concept(facts, asked)
            or set(content_lemmas(asked)) & CHOOSING
            or any(task.casefold() in asked.casefold() and not set(content_lemmas(task)) <= facts.names.topic_words
                   for task in turn.mentions.tasks)):
        return []
    return answer_on_topic(facts, replace(turn, text=asked, mentions=replace(turn.mentions, tasks=[])))


def instead_of_interview(facts: Facts, turn: Turn) -> list[Answer]:
    """The answers to a classification request that is really a question; none when the interview should start.

    NLU may take "my firm prepares environmental impact assessments, done by scientists with
    specialist certifications. which one is that?" for a request to be guided: when the document
    settles which fits, that comes at once, with a button for the guided questions. "If we
    outsource to a BPO do we still have to buy the software ourselves?" asks the document, and
    is answered as a question when the document answers it. Anything that asks to be guided
    ("can we go through the criteria?", "how can we decide?"), or asks which fits a process
    the document does not settle, gets the interview.
    """
    # ("sorry if stupid question but how much does KPO cost?" asks what follows the apology)
    if (apology := SORRY_IF.match(turn.text)) and turn.text[apology.end():].strip():
        turn = replace(turn, text=turn.text[apology.end():])
    # "would it be the same story if we went kpo instead?" after a question asks that question again, of KPO
    if turn.context.earlier and asked_again(facts, turn) is not None:
        return respond(BY_INTENT[Intent.RECOMMEND], facts, turn)
    # "... How does the document compare the effort of SaaS and IaaS?" asks the document, not to be guided
    if DOCUMENT_ASKED.match((turn.focus or turn).text) and (found := respond(BY_INTENT[Intent.DEFINE], facts, turn)):
        return found
    words = set(content_lemmas(turn.text))
    # ("walk me through it" asks to be guided; "if we walk away from the vendor, can we take our data with us?" does not)
    # (nor a walk through how something works or through a part of the document: "walk me through how the billing works
    # for iaas", "walk me through the client interaction part")
    walk = WALK_THROUGH.search(turn.text)
    if "walk" in words and (walk is None or WALK_THROUGH_TOLD.search(turn.text)):
        words -= {"walk"}
    # (a walk through what a concept is or has asks what the document says of it: "could you walk me through the main
    # benefits of BPO?", "walk me through KPO", where NLU may read "benefits" as a process)
    # (not through whether a process is one or the other, or through deciding it: "can you walk me through whether our
    # payroll is BPO or KPO?", "walk me through choosing between BPO and KPO", "... figuring out if KPO is right for us")
    if (walk is not None and not asks_which_concept(facts, turn.text)
            and facts.names.names_a_concept(walked := re.split(r"[.?!]", turn.text[walk.end():], maxsplit=1)[0])
            and not DECIDING_WORDS.search(walked) and (found := respond(
                BY_INTENT[Intent.DEFINE], facts, replace(turn, intent=Intent.DEFINE,
                                                         mentions=replace(turn.mentions, tasks=[]))))):
        return found
    # "so who decides which operating system runs?" asks who, not to be guided
    asks_who = asks_who_does(turn.text)
    alone = words & GUIDED_ALONE and facts.index is not None and not set(facts.index.question_words(turn.text)) - GUIDED_ALONE
    # "... Just curious how that's classified." and "which is rebate claim processing done with a checklist?" ask
    # which fits the process they describe, not to be guided
    asks_which_last = (WHICH_ARE_WE.search(turn.text) is not None or WHICH_IS.match(turn.text) is not None) \
        and not HELP_ME.search(turn.text)
    # "... It is clerical work using our existing tools. Could you help me classify this?" asks for the class of the
    # process it describes, not for the questions ("ask me the questions", "walk me through it" do)
    asks_which_last = asks_which_last or bool(CLASSIFY_THIS.search(turn.text)) and not words & (GUIDED - CLASSIFYING)
    # ("how do we migrate our on-prem servers to iaas, step by step" asks how to do something else, step by step)
    asks_else, unstepped = does_else(turn.text), STEP_BY_STEP.sub(" ", turn.text)
    helped = HELP_ME.search(turn.text) and not (asks_else and not HELP_ME.search(unstepped))
    if not asks_who and not asks_which_last and (words & GUIDED or alone or helped):
        return []
    if asks_else:  # (read without how it is to be told: "step by step how do we transition ...")
        turn = replace(turn, text=unstepped.strip(" ,;:-"))
    # "which is safer if our demand swings a lot?" compares the two on a topic, with no process to place
    if not turn.mentions.tasks and which_of_two_on_a_topic(facts, turn.text) and (found := answer_on_topic(facts, turn)):
        return found
    # "... we haven't decided yet whether it's really BPO or KPO. What does each one need to be effective?": the question
    # after the sentences that tell asks a topic, not which fits: its answer, not the interview
    if found := _topic_asked_last(facts, turn):
        return found
    if (fit := which_fits(facts, turn)) is not None:
        return [replace(fit, buttons=fit.buttons or [answers.classify_offer(fit.task or "")])]
    # "how do we know whether market research is kpo?" asks how to classify a process: the interview
    # (a choosing word in a condition chooses something else: "... if we decide to switch vendors?")
    # (nor does a concept that helps the asker decide something else: "Could a KPO help us decide whether to enter a new
    # market?")
    head = re.split(r"\b(?:if|when|once)\b", turn.text, maxsplit=1)[0]
    helps_decide = re.search(rf"\b(?:{facts.names.concept_names})\b(?:\s+[\w-]+)?\s+(?:help|helps|assist|assists)\s+"
                             r"(?:us|me|you|them|our\s+[\w-]+)\s+(?:to\s+)?(?:decide|choose|pick)\b", head, re.IGNORECASE)
    # (nor knowing whether a concept named does something: "my boss wants to know if BPO helps with seasonal spikes in
    # demand" asks of BPO; "I want to know if our payroll is BPO or KPO" still asks which fits)
    told = KNOW_IF.search(turn.text)
    of_named = (told is not None and turn.mentions.concepts and not turn.mentions.tasks
                and not asks_which_concept(facts, told.group(1)))
    choosing = set(content_lemmas(head)) & CHOOSING and not they_choose(head) and helps_decide is None and not of_named
    # (a question that names no process is answered on its topic, whatever NLU made of it: "so which works out
    # cheaper?", "If our priority is strategic decision-making rather than operational efficiency, which type of
    # outsourcing fits?"; not a request to do something with the asker, "can we go through the criteria?", "try again",
    # "I want to find out which type our process is"; a request that asks a topic is answered if its answer is on
    # that topic: "I'd like to find out which is cheaper")
    named_none = not turn.mentions.tasks and not ASKS_TO_DO.match(turn.text)
    unplaced = named_none and asks_something(turn.text)
    topical = named_none and not unplaced and asks_a_topic(facts, turn.text)
    if (not asks_who and choosing or not (unplaced or topical) and (
            not (opens_not_which(turn.text) or asks_the_document(turn.text)) or asks_which_concept(facts, turn.text))):
        return []
    # the document's answer, or what comes closest saying it does not answer directly: not the interview
    # (a placing said beside a topic's answer is no verdict: "If we outsource customer service, how do we keep control
    # over what the vendor is doing?")
    found = respond(BY_INTENT[Intent.RECOMMEND], facts, turn)
    if found and not any(a.topic in (Topic.RECOMMEND, Topic.ASK_TASK) and not a.aside for a in found) and (
            not topical or all(a.topic in ON_A_TOPIC for a in found if not a.aside)):
        return found
    # "Could BPO help us get through the Christmas rush in support tickets and then shrink back in January?" and "do we
    # need an NDA with a kpo provider if they work on our R&D" ask of the concept they name, on a topic or with words
    # the document never uses: what it says on them, not which fits the words around them
    if turn.mentions.concepts and not ends_asking_which(facts, turn.text):
        asked = replace(turn, intent=Intent.OUT_OF_SCOPE, mentions=replace(turn.mentions, tasks=[]))
        found = respond(BY_INTENT[Intent.OUT_OF_SCOPE], facts, asked)
        if asks_a_topic(facts, turn.text) or any(a.outcome == Outcome.NOT_COVERED for a in found):
            return found
    return []
