"""The answers of each intent's route (:data:`bot.answering.routes.ROUTES`).

Define, compare, example, recommend, inform, follow-up, cancel, out of scope, side questions, the bot
challenge and clarify.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.entities import resolve
from bot.answering.followups import AGAIN_OPENING
from bot.answering.live import Facts
from bot.answering.passages import (
    ASKED_COVERAGE,
    CLOSEST,
    KINDS_ASKED,
    RATHER_THAN,
    THE_TWO,
    answer_on_topic,
    asked_words,
    asks_beyond,
    beyond_definition,
    characteristic_answer,
    characteristic_in_words,
    closest_passages,
    follow_up_question,
    left_out,
    named_after_row,
    one_similarity,
    passages_for,
    row_answers_topic,
    row_named,
    similarity_in_words,
    similarity_named_alike,
    similarity_quoted,
    task_named_as_characteristic,
    topic_over_row,
    what_on_topic,
    with_characteristic,
)
from bot.answering.questions import (
    ALIKE,
    ANSWER_FORM,
    DIFFERENCE,
    FALLS,
    FIGURES,
    GENERIC_WORK,
    HELP_ME,
    INTENT_WORDS,
    KINDS_OF_WORK,
    LIST_WORDS,
    NOT_ALIKE,
    NOT_WHICH,
    OTHER_WORDS,
    SENDING,
    WH_WORDS,
    WHICH_ARE_WE,
    WHICH_MORE,
    WHY_TOPICS,
    YES_NO,
    asked_besides_form,
    asked_doing,
    asks_a_topic,
    asks_how_they_relate,
    asks_if_only_one,
    asks_of_provider,
    asks_only_which_kind,
    asks_past_lead_in,
    asks_the_document,
    asks_what_it_does_for_us,
    asks_which_concept,
    asks_which_things,
    clear_question,
    compares_concepts,
    ends_asking_which,
    fitting_asked,
    names_a_provider,
    only_concept_names,
    opens_not_which,
    sent_to_concept,
    speaks_to_topic,
    topics_asked,
    which_more,
    which_of_two_on_a_topic,
)
from bot.answering.tasks import (
    CLASSIFY_THIS,
    asks_of_no_process,
    document_names,
    examples_named,
    handed_or_found,
    handed_out,
    named_task,
    no_process_asked,
    task_from_text,
    task_name,
    topic_asked_instead,
    which_fits,
    with_alias_words,
)
from bot.answering.turn import (
    OFFERED_BACK,
    THERE,
    Context,
    Turn,
    asks_something,
    clauses_of,
    compares_back,
    concepts_asked,
    first_question,
    is_question,
    last_asked,
    last_question,
    opening_words,
    other_concept,
    points_back,
    sentences_of,
    without_spans,
)
from bot.answering.unsettled import OVERALL_WORDS, WHO_ASKS
from bot.contract import Entity, Intent, Outcome, Topic
from bot.facts.model import Part, Place
from bot.facts.store import FactStore
from bot.text import FORM_PREFIX, content_lemmas, lemma, tokens
from bot.wording import CLARIFY_LABELS, WORDING, say

#: Context topics about one concept: a request for examples that names none means that concept's.
ABOUT_ONE = frozenset({Topic.DEFINE, Topic.CHARACTERISTICS, Topic.CHARACTERISTIC})
#: Words that weigh which concept is better for the asker ("which", "better", "good for", "go with").
PREFERRING = r"which|better|best|prefer|recommend|right for|good for|go with|opt for"
#: Words of a message that asks which concept to choose for a process ("what do you recommend for ...?",
#: "is BPO a good option for ...?"), however it opens.
CHOOSING_WORDS = re.compile(rf"\b(?:{PREFERRING}|choose|pick|option|suit|suits|fit|fits)\b", re.IGNORECASE)
#: Words of a question that asks for a fit by what the asker should do or what is good for them ("should we choose
#: KPO?", "is BPO good for us?"), not a choice the document speaks of ("is there anything we can't choose ourselves?").
SHOULD_WE = re.compile(rf"\b(?:should|shall|must)\s+(?:we|i)\b|\b(?:{PREFERRING}|worth it)\b", re.IGNORECASE)
#: Words that ask to stop ("can we stop here?"): a cancel, whatever else the message says.
STOPPING = frozenset("stop cancel quit exit abort halt enough end pause skip forget nevermind".split())
#: A question that asks what a thing is ("what is team augmentation?", "what is nearshore"), not a topic.
WHAT_IS = re.compile(r"\s*(?:what(?:'s|\s+is|\s+are)|define|meaning of)\b", re.IGNORECASE)
#: A question of at most this many content words, naming no concept, asks its topic of the concept in context.
TOPIC_FOLLOW_UP = 4
#: A message NLU finds off-topic is answered from passages only when they cover this much of it.
OFF_TOPIC_COVERAGE = 0.75
#: Words of a request for help that speaks to the assistant ("can you help me ...", "how do I ask ...", "help?"); "help"
#: asks of the concepts in a question that names one, a row or both ("how do both of these help with innovation").
TO_THE_ASSISTANT = frozenset("you your me my i help ask bot assistant".split())
#: "you" for anyone who uses what is named ("what do you actually get with iaas", "how much control do you get?"; any
#: adverb between, as typed: "what you actualy get").
IMPERSONAL_YOU = re.compile(r"\b(?:you|u)\s+(?:(?:even|still|\w+ly)\s+)?(?:get|need|pay|have\s+to|"
                            r"own|control|manage|keep|install|run|choose|pick|buy|rent|end\s+up)\b", re.IGNORECASE)
#: What the asker gets, all a message asks: "what do we get", "so what do you actually get then?".
WHAT_WE_GET = re.compile(r"^\W*(?:(?:so|and|ok(?:ay)?|then)\W+)*what\s+(?:do|would|will)\s+(?:we|you|u|i)\s+"
                         r"(?:actually\s+|really\s+|even\s+)?get(?:\s+(?:then|exactly))?\W*$", re.IGNORECASE)
#: "you" as whom something is given ("what else does it give you?"), not the assistant.
OBJECT_YOU = re.compile(r"\b(?:give|gives|bring|brings|get|gets)\s+(?:you|u)\b", re.IGNORECASE)
#: The asker's own people or business ("my team", "my company"), which speak of the asker's work, not to the assistant.
MY_OWN = re.compile(r"\bmy\s+(?:\w+\s+)?(?:team|teams|company|department|dept|org|organi[sz]ation|business|firm|boss|"
                    r"manager|staff|colleagues?|people|group|employer|division|unit|clients?|customers?)\b", re.IGNORECASE)
#: The chat itself, spoken of ("this chat", "this tool", "see this too").
OF_THIS_CHAT = re.compile(r"\bthis\s+(?:chat|tool|bot|assistant|app|conversation|thing|service)\b|"
                          r"\b(?:see|read|use|share|access)\s+this\b", re.IGNORECASE)
#: How much of something a question asks, by an adjective ("how complex is ...", "how scalable are ...").
HOW_GRADED = re.compile(r"^\W*(?:(?:so|and|ok|okay|but)\W+)?how\s+([a-z-]+)\s+(?:is|are|would|will|does|do|can)\b",
                        re.IGNORECASE)
#: A message opening with "any" ("any catch", "ok any downsides"): a question of what there is, question mark or not.
ANY_OPENING = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but)\W+)*any\b", re.IGNORECASE)
#: "help" said of something helping someone or with something ("could outsourcing that help us cover all the hours?").
HELPS_SOMEONE = re.compile(r"\bhelps?\s+(?:us|our|a|the|them|companies|businesses|with|keep|to)\b", re.IGNORECASE)
#: Intents the clarification may offer; the others are not worth a button.
OFFERABLE = tuple(CLARIFY_LABELS)


# -- per intent -----------------------------------------------------------------


#: A word of :data:`LIST_WORDS` that names something else ("intellectual property").
NOT_LISTED = re.compile(r"\bintellectual\s+propert(?:y|ies)\b", re.IGNORECASE)


#: A request to say more of what the last answer said ("can u explain the kpo one more", "tell me more about KPO there").
ELABORATE = re.compile(r"\b(?:explain|tell\s+me|say|talk)\b[^?.!]*\bmore\b(?!\s+(?:than|about\s+(?:what|how|why)))"
                       r"|\belaborate\b|\bexpand\s+on\b|\bgo\s+deeper\b|\bmore\s+(?:detail|details|on\s+that)\b",
                       re.IGNORECASE)


def on_define(facts: Facts, turn: Turn) -> list[Answer]:
    """A definition, a characteristic, a table row asked as "what is", or a passage found by search."""
    m, store = turn.mentions, facts.store
    # "can we offer 24/7 support thru a bpo?" asks what the concept named does, of its own characteristic
    # (not "Can you tell me if running a 24/7 live chat help desk ... counts as BPO?", which asks which fits)
    if (m.characteristic and len(set(m.concepts)) == 1 and CAN_IT.match(turn.text)
            and m.concept in {owner for owner, _ in store.characteristic(m.characteristic)}
            and not re.search(r"\b(?:which|or|right|correct|kind|type)\b", turn.text, re.IGNORECASE)
            and not re.search(rf"\b(?:counts?|counted|class(?:ed|ified)?|is|are|be|falls?)\s+(?:as\s+|under\s+)?"
                              rf"(?:an?\s+)?(?:{facts.names.concept_names})\b", turn.text, re.IGNORECASE)):
        return characteristic_answer(facts, turn.text, m.characteristic, m.concept)
    turn = without_row_done(turn)
    # "Our CFO is asking about outsourcing. We haven't decided between BPO and KPO. What are the main characteristics of
    # KPO?": the question after the sentences that tell asks of the concepts it names
    if ((asked := last_question(turn)) is not turn and (named := facts.names.concepts_named(asked.text))
            and named < set(turn.mentions.concepts)):
        turn = replace(turn, mentions=replace(turn.mentions, concepts=[c for c in turn.mentions.concepts if c in named]))
    m = turn.mentions
    # "can u explain the kpo one more" after the row Value Addition of both: that row of the one named, with its
    # characteristic named after it
    ctx = turn.context
    if (ELABORATE.search(turn.text) and ctx.topic == Topic.ASPECT and ctx.aspect and len(set(m.concepts)) == 1
            and not m.aspects and not m.characteristics and not m.tasks and not asks_a_topic(facts, turn.text)):
        return row_and_how(facts, turn, answers.compare_aspect(store, ctx.aspect, m.concept, turn.text), m.concept)
    # "Which costs can a company cut by outsourcing functions through BPO?": which of a topic's things, no fit
    if ((kinds := WHICH_THING.match(turn.text)) and not m.tasks and topics_asked(facts, kinds.group(1))
            and (found := answer_on_topic(facts, turn))):
        return found
    # "content moderation by a fixed policy guide, 24/7 - bpo right?" asks which fits, not what 24/7 is
    if fit := which_fits(facts, turn):
        return [fit]
    # "how does it actually help with strategy?" after "What is KPO?": Strategic Value, named by its words (not a topic
    # asked: "how is it billed?" after "what is saas" asks what the document says on billing)
    if (not m.characteristic and not asks_a_topic(facts, turn.text)
            and (named := characteristic_in_context(facts, turn)) is not None):
        return named
    # "I need to tell my boss which one is cheaper overall, BPO or KPO. Does the document say?": one concept's
    # characteristic does not say which of the two; what the document says on the topic does, or that it does not
    # compare them (as a comparison NLU reads is answered)
    if (m.characteristic and len(set(m.concepts)) > 1 and which_more(turn.text)
            and (found := answer_on_topic(facts, turn))):
        return found
    if m.characteristic:  # "is it cheaper?" after KPO asks Cost Efficiency of KPO ("how does it work?" asks of itself)
        of_it = re.match(r"\W*(?:(?:so|and|but|ok)\W+)?(?:is|are|does|do|can|will|would)\s+(?:it|they)\b", turn.text,
                         re.IGNORECASE)
        return named_for_one(facts, turn) or characteristic_answer(facts, turn.text, m.characteristic,
                                                                  m.concept or (turn.context.concept if of_it else None))
    # "How does BPO let us focus on our core work?": Focus on Core Activities, named by its words
    if (len(set(m.concepts)) == 1 and not m.aspect and not asks_a_topic(facts, turn.text)
            and (title := characteristic_in_words(store, turn.text, m.concept))):
        return characteristic_answer(facts, turn.text, title, m.concept)
    if m.aspect and (found := topic_over_row(facts, turn)):  # "how does outsourcing reduce risk exactly?"
        return found
    if m.aspect:  # "what is KPO's risk type?" asks for a row of the table, and of one concept its characteristic on it
        one = _row_asked_of(turn)
        # ("what does scalability mean there" after BPO's benefits: of the concept the answer was on)
        if not m.concepts and THERE.search(turn.text):
            one = turn.context.concept
        return row_and_how(facts, turn, answers.compare_aspect(store, m.aspect, one, turn.text), one)
    # (what sentences after the question tell is no topic asked: "Can you explain KPO? My manager keeps mentioning
    # it in meetings.")
    asked = first_question(turn)
    if m.concepts and (found := answer_on_topic(facts, asked)):  # without a concept, a search says more
        return found
    # (misspelled too: "wat are the charactaristics of kpo")
    read = set(facts.index.read(turn.text).words) if facts.index is not None else set()
    # ("who owns the intellectual property ..." asks no list of properties)
    listed = NOT_LISTED.sub(" ", turn.text)
    if listed != turn.text:
        read.discard("property")
    wants_list = bool((set(content_lemmas(listed)) | read) & LIST_WORDS)
    # "is BPO suitable for core business functions?" asks what a passage outside the definition says
    if m.concepts and not wants_list and (passages := beyond_definition(facts, asked)):
        return [passages]
    if m.concepts and wants_list:
        return [answers.characteristics(store, c) for c in m.concepts]
    if m.concepts:
        definitions = [answers.define(store, c) for c in m.concepts]
        # "what languages do offshore BPO agents usually speak?" asks more than what BPO is: what comes
        # closest, when it says more of what was asked than the definition
        if (asks_beyond(facts, asked, definitions) and (passages := passages_for(facts, asked, coverage=CLOSEST))
                and left_out(facts, asked, [passages]) < left_out(facts, asked, definitions)):
            return [passages]
        return definitions
    if turn.refers_back() and turn.context.concept:
        # "what does it cost?" after "What's KPO?" asks a topic of the concept in context, not what it is
        if not wants_list and asks_a_topic(facts, asked.text) and (found := answer_on_topic(facts, asked)):
            return found
        if not wants_list and (again := point_again(facts, turn)) is not None:
            return again
        build = answers.characteristics if wants_list else answers.define
        return [build(store, turn.context.concept)]
    # "whats the main benefits" after "what is bpo": a topic, of the concept the last answer defined, when the document
    # speaks to it for that one (not "what is nearshore" after "what is kpo", which asks what a word is)
    if (turn.context.earlier and turn.context.topic == Topic.DEFINE and turn.context.concept and not wants_list
            and not WHAT_IS.match(turn.text) and asks_a_topic(facts, asked.text)
            and (found := answer_on_topic(facts, asked, turn.context.concept)) and all(a.found for a in found)):
        return found
    topic = asked_words(facts, turn.text)
    if wants_list or topic == "that":
        return [answers.which_concept(store, Intent.DEFINE)]
    # "how does an outsourcing partner help with seasonal spikes in work?": a topic, of both concepts
    # (not "what is team augmentation?", which asks what a thing the document never names is)
    if (not WHAT_IS.match(turn.text)
            and asks_a_topic(facts, turn.text) and (found := answer_on_topic(facts, turn))):
        return found
    return [passages_for(facts, turn, coverage=retrieve.LOOSE)
            or answers.not_in_document(store, asked_words(facts, turn.text, unsaid=True))]


#: Words that point back at what the last answer was on, not at the concept it was of ("what does that mean for us?").
AT_THE_POINT = frozenset({"that", "this", "there", "those", "these"})


def point_again(facts: Facts, turn: Turn, *, pointed: bool = False) -> list[Answer] | None:
    """The characteristic or row the last answer was on, again, for a message pointing at it and naming nothing.

    "what does that mean for us as the client?" after BPO's row Technology Use and "why is it higher there?" after
    the row Client Interaction of KPO ask of that point, not what the concept is; the row comes with its
    characteristic, as "how does outsourcing help with that?" after BPO's Focus on Core Activities gets that one.
    None when the message names anything or points with "it" alone ("what is it exactly?": the concept), unless
    ``pointed`` (the caller found it asks of the point; a row it names then is the point's own).
    """
    ctx, m = turn.context, turn.mentions
    if (not (pointed or turn.words & AT_THE_POINT) or m.concepts or m.aspects and not pointed or m.characteristics
            or m.tasks or ctx.concept is None):
        return None
    if ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic:
        return characteristic_answer(facts, turn.text, ctx.characteristic, ctx.concept)
    if ctx.topic == Topic.ASPECT and ctx.aspect:
        row = answers.compare_aspect(facts.store, ctx.aspect, ctx.concept, turn.text)
        return row_and_how(facts, turn, row, ctx.concept)
    return None


#: A short follow-up asking in which fields, or with which tools, what the last answer said holds ("which fields are those
#: experts in?", "in which areas?", "what kind of tools, for example?").
SPECIFICS = re.compile(r"\b(?:which|what)\s+(?:fields?|areas?|domains?|(?P<tools>tools?|technolog(?:y|ies)|platforms?))\b|"
                       r"\b(?:few|some|the)\s+(?:fields|areas|domains)\s+(?:where|in\s+which)\b|"
                       r"\bwhat\s+(?:kinds?|sorts?|types?)\s+of\s+(?P<kinds>tools?|technolog\w*|platforms?|software)\b|"
                       r"\bin\s+(?:which|what)\s+(?:areas?|fields?)\b", re.IGNORECASE)
#: Words of a follow-up that asks of the document or what it covers, not of the point ("what areas does the document
#: cover?").
OF_THE_DOCUMENT = frozenset({"document", "doc", "cover", "covers", "covered"})
#: Words of a point that is about tools: only its specifics are asked by "which tools" (not after Complex and Analytical
#: Work: "what tools do they use for that" asks the row Technology Use).
TOOLS = frozenset({"tool", "technology", "platform", "software"})
#: A follow-up this long at most may ask only the specifics of the point before.
SPECIFICS_WORDS = 8
#: A question this long at most may ask only which fields a concept it names works in ("which fields do kpo specialists
#: usually come from").
FIELDS_WORDS = SPECIFICS_WORDS + 2
#: "how does it help in the long run?": what the point before does for the asker (NLU may read "help" as a request).
IT_HELPS = re.compile(r"\b(?:it|that|this|they)\s+(?:really\s+|actually\s+)?helps?\b|"
                      r"\b(?:does|do|can|would|will)\s+(?:it|that|this|they)\s+(?:really\s+|actually\s+)?help\b",
                      re.IGNORECASE)


def _row_asked_of(turn: Turn) -> str | None:
    """The one concept a row is asked of, if the message names one.

    Not the one offered beside the concept in context: "which one is easier to manage, that or bpo?" after KPO asks of
    both.
    """
    m = turn.mentions
    return m.concept if len(m.concepts) == 1 and not compares_back(turn, m.concepts, OFFERED_BACK) else None


def specifics_asked(facts: Facts, turn: Turn) -> list[Answer] | None:
    """The characteristic or row the last answer was on, again, for a short follow-up asking its specifics; else None.

    Asked in which fields after a row, or of one concept named ("which fields do kpo specialists come from"), it is the
    concept's sentences that name its areas ("... specialized knowledge in areas such as finance, legal affairs, or
    market research").
    """
    ctx, m = turn.context, turn.mentions
    length = len(tokens(turn.text))
    if length > FIELDS_WORDS or turn.words & OF_THE_DOCUMENT or not (asked := SPECIFICS.search(turn.text)):
        return None
    fields = not (asked.group("tools") or asked.group("kinds"))
    if not ctx.earlier:
        concepts = set(m.concepts)
        return areas_named(facts, concepts.pop()) if fields and len(concepts) == 1 and not m.tasks else None
    if length > SPECIFICS_WORDS:
        return None
    point = ctx.characteristic if ctx.topic == Topic.CHARACTERISTIC else ctx.aspect
    if not fields and not set(content_lemmas(point or "")) & TOOLS:
        return None
    # (a row names no fields: "which fields tho" after "what kind of experts do kpo firms hire"; only a row the sentences
    # speak of, not "in which areas?" after the row Scalability)
    concept = m.concept or ctx.concept
    if (fields and ctx.topic == Topic.ASPECT and ctx.aspect and concept and not m.characteristics
            and (areas := areas_named(facts, concept, ctx.aspect)) is not None):
        return areas
    return point_again(facts, turn, pointed=True)


#: A sentence naming the fields of something: "... expertise in specific areas, such as customer service, finance, or
#: IT", "... specialized knowledge in areas such as finance, legal affairs, or market research".
AREAS_LISTED = re.compile(r"\b(?:areas?|fields?|domains?)\b,?\s+such\s+as\b", re.IGNORECASE)


def areas_named(facts: Facts, concept: str, row: str | None = None) -> list[Answer] | None:
    """The concept's own sentences that name the fields it works in, or None.

    After a ``row``, only when one of them shares a word with its name ("Employee Expertise": "Providers often have
    expertise in specific areas, ..."; not after Scalability or Innovation).
    """
    # (and a shared sentence's clause that names them for it: "... while KPO provides high-level expertise in areas such
    # as finance, legal, or research")
    of_it = re.compile(rf"\b{re.escape(concept)}\b[^,;.]*{AREAS_LISTED.pattern}", re.IGNORECASE)
    found = [p for p in facts.store.search("areas area fields field domains domain", limit=40)
             if p.concept == concept and AREAS_LISTED.search(p.text) or p.concept is None and of_it.search(p.text)]
    if row is not None and not any(set(content_lemmas(row)) & set(content_lemmas(p.text)) for p in found):
        return None
    if not found:
        return None
    found = retrieve.in_reading_order(facts.store, found)
    return [Answer(say("areas_named", concept=concept), tuple(Place(Part.SECTION, heading=p.section, line=p.line)
                                                              for p in found),
                   items=[say("passage_item", text=p.text) for p in found], topic=Topic.SEARCH, concept=concept)]


def without_row_done(turn: Turn) -> Turn:
    """The turn without the row it names as something its asker does ("focus on our core work": no Focus row).

    "which frees us up more to focus on our core business?" and "How does BPO let us focus on our core work?"; "what
    does KPO focus on?" asks the row.
    """
    m = turn.mentions
    # (or "How would that help us focus?")
    if m.aspect and re.search(rf"\b{re.escape(m.aspect)}(?:es|ed|ing|s)?\s+(?:more\s+)?on\s+(?:our|its|their|your|"
                              rf"the\s+core|core)\b|\b(?:help|helps|let|lets)\s+(?:us|me)\s+{re.escape(m.aspect)}\b",
                              turn.text, re.IGNORECASE):
        return replace(turn, mentions=replace(m, aspects=[a for a in m.aspects if a != m.aspect]))
    return turn


#: A which-question of (the kinds of) a thing, its word captured ("Which costs can a company cut ...?").
WHICH_THING = re.compile(r"^\W*which\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(\w+)", re.IGNORECASE)
#: "common" as widespread, not shared ("when did BPO first become common?", "how common is KPO?").
COMMON_AS_USUAL = re.compile(r"\b(?:become|became|becoming|get|got|getting|grown|grew|how|more|most|so|very|less|"
                             r"increasingly|fairly|quite|pretty)\s+common\b"
                             # (at the end, or said of when or where: not "common ground", "so common about them")
                             r"(?=\s*(?:[?.!,;]|$)|\s+(?:now|today|nowadays|these\s+days|anymore|than|among|around|across|"
                             r"in\s+(?!common\b)(?:the|our|\w+)\s+(?:world|industry|market|us|europe|asia|india)\b))",
                             re.IGNORECASE)


def on_compare(facts: Facts, turn: Turn) -> list[Answer]:
    """The similarities, one row of the table, a characteristic, or the whole table."""
    turn = without_row_done(turn)
    m, store = turn.mentions, facts.store
    # "... no two cases are alike. would that be bpo or kpo" asks which fits, not what they share; so does "...
    # second reads of complex scans. What kind of outsourcing is that?", not how complex each is
    # ("Do both of them need proper vendor management or is that only a BPO thing?" asks whether they share it)
    # ("Risk/compliance here. We're evaluating both models. What type of risk do we take on with each?": "both" in what
    # the asker tells is not what the question asks)
    asked = last_asked(turn.text) or turn.text
    # "Our vendor shortlist has both offshore and nearshore options. What's the difference between the two?" asks how
    # they differ, whatever NLU made of "both" before it: not what the concepts share
    # (not with likeness offered in the question too, "Is there anything they have jointly, or do they differ in every
    # way?", nor a difference denied, "What doesn't differ between BPO and KPO?")
    if (turn.intent == Intent.SIMILARITIES and DIFFERENCE.search(asked) and not ALIKE.search(asked)
            and not LIKENESS.search(asked) and not NOT_DIFFERENT.search(asked)):
        return on_compare(facts, replace(turn, intent=Intent.COMPARE))
    # "What's the history of outsourcing — when did BPO first become common?": "common" as widespread asks nothing shared
    if (turn.intent == Intent.SIMILARITIES and COMMON_AS_USUAL.search(turn.text)
            and not ALIKE.search(COMMON_AS_USUAL.sub(" ", turn.text))):
        return on_define(facts, replace(turn, intent=Intent.DEFINE))
    # "apart from the hosting, what do saas and iaas have in common": the others
    if (turn.intent == Intent.SIMILARITIES and (besides := BESIDES.match(turn.text))
            and len((others := answers.similarities(store, besides.group(1))).items) < len(store.similarities())):
        return [others]
    # "Which cost areas does it bring down?" after "Does outsourcing through BPO actually save money?": "it" is the one
    # concept in context, and nothing shared is asked
    if (turn.intent == Intent.SIMILARITIES and not m.concepts and turn.context.concept is not None
            and turn.words & {"it", "its"} and not ALIKE.search(turn.text) and not BOTH_MEANT.search(turn.text)):
        return on_define(facts, replace(turn, mentions=replace(m, concepts=[turn.context.concept])))
    # (of the sentence that asks, and the one before it points back to: not "We run both kinds of outsourcing at once: a
    # payroll vendor and a research partner. What do the two have in common ...?", whose "vendor" asks no similarity)
    # (all of it when the sentence that asks points back: "I care most about vendor management. What do BPO and KPO have
    # in common there?")
    scope = turn
    if turn.focus is not None and not (points_back(turn.focus.text) or turn.focus.words & {"there", "it"}):
        scope = turn.focus.focus or turn.focus
    if (turn.intent == Intent.SIMILARITIES and BOTH_MEANT.search(asked) and not NOT_ALIKE.search(turn.text)
            and (shared := one_similarity(facts, scope))):
        return [shared]
    if ((turn.intent == Intent.SIMILARITIES or WHICH_ARE_WE.search(turn.text))
            and (fit := which_fits(facts, turn))):
        return [fit]
    # "can BPO drive innovation or is that only a KPO thing?" asks whether they share it: the similarity, then the row
    # (not "are strategic risks only a KPO thing?", which names a cell of the row: the row says whose it is)
    # ("does that apply to kpo too or just bpo" after "Can outsourcing help us focus on our main business?": the
    # similarity the last question asked about)
    if (asks_if_only_one(facts, turn.text) and not NOT_ALIKE.search(turn.text) and not names_a_cell(facts, turn)
            and (shared := one_similarity(facts, turn) or (
                turn.refers_back() and turn.context.earlier
                and one_similarity(facts, replace(turn, text=f"{turn.context.earlier[0].get('text') or ''} {turn.text}"))))):
        rows = [answers.compare_aspect(store, m.aspect, None, turn.text)] if m.aspect else []
        return [shared, *(replace(row, aside=True) for row in rows)]
    # "what do we even get out of BPO besides saving money?" asks of BPO alone, not what it shares with KPO
    if turn.intent == Intent.SIMILARITIES and len(set(m.concepts)) == 1 and not ALIKE.search(turn.text):
        return on_define(facts, turn)
    # "Why do companies even bother outsourcing business processes in the first place?" asks a topic, not what they share
    # (nor the similarity a word of it names: "Why do businesses bother outsourcing processes to an outside vendor at
    # all?" asks why, not of Vendor Management)
    # ("customers in asia and the US both want support at all hours ... can outsourcing help?": "both" is not asked)
    on_topic = (answer_on_topic(facts, turn) if turn.intent == Intent.SIMILARITIES and not ALIKE.search(asked)
                and not BOTH_MEANT.search(asked) else [])
    if on_topic and opening_words(turn.text)[:1] == ["why"]:
        return on_topic
    # "what do BPO and KPO have in common when it comes to risk?": the one similarity asked, not all of them (one that
    # says "both" was answered above)
    # (a row asked of each is how they differ on it: "What type of risk do we take on with each?")
    of_each = bool(m.aspect and re.search(r"\bwith\s+each(?:\s+one|\s+of\s+them)?\W*$|\bfor\s+each\b", asked,
                                          re.IGNORECASE)
                   and not ALIKE.search(re.sub(r"\beach\b", " ", asked, flags=re.IGNORECASE))
                   and not BOTH_MEANT.search(asked))
    if (turn.intent == Intent.SIMILARITIES and not NOT_ALIKE.search(turn.text) and not of_each
            and (shared := one_similarity(facts, scope))):
        return [shared]
    if on_topic:
        return on_topic
    # "which one frees up our in-house folks more to focus on the core business?" asks which does more of what they share
    if (turn.intent == Intent.SIMILARITIES and which_more(turn.text)
            and (passages := passages_for(facts, turn, coverage=CLOSEST))
            and (shared := shared_not_weighed(facts, turn, passages))):
        return shared
    # ("which of the two gives higher quality work?": which is more on a topic, that the document does not say, not
    # what the two share)
    if turn.intent == Intent.SIMILARITIES and which_more(turn.text) and (found := answer_on_topic(facts, turn)):
        return found
    # "how much can KPO services be tailored to us, and is BPO similar on that front?": whether they are alike on a row
    # of the table that no similarity speaks to is that row, of both
    # (not in a message that sets rows aside first: "I already have cost and scalability covered. What else do they
    # share?")
    of_each = of_each or bool(turn.intent == Intent.SIMILARITIES and m.aspect and store.aspect(m.aspect)
                              and not NOT_ALIKE.search(turn.text) and len(sentences_of(turn.text)) == 1
                              and "else" not in turn.words)
    if turn.intent == Intent.SIMILARITIES and not of_each:  # ("where do BPO and KPO NOT overlap?" asks how they differ)
        return [answers.compare(store) if NOT_ALIKE.search(turn.text) else answers.similarities(store)]
    if m.aspect and (found := topic_over_row(facts, turn)):  # "does outsourcing lower our risk?"
        return found
    if m.aspect:
        one = _row_asked_of(turn)
        if one is None and not m.concepts and turn.refers_back():
            one = turn.context.concept
        # "does BPO scale better? and which one is more innovative?": each row asked, in the order asked (not "what tech
        # do KPO people use?", whose "people" only says whose tools); the first is what a follow-up asks of again
        rows = {a.name for a in store.aspects()}
        several = len(sentences_of(turn.text)) > 1 or re.search(r",|\b(?:and|also|plus|as\s+well\s+as)\b", turn.text)
        asked = [a for a in dict.fromkeys(m.aspects) if a in rows][:None if several else 1] or [m.aspect]
        first, *more = (answers.compare_aspect(store, aspect, one, turn.text) for aspect in asked)
        # "so both bpo and kpo give access to experts? how does that differ": the row, and the similarity said of both
        # (not "is either one more scalable?", which asks which)
        if (not more and one is None and re.search(r"\bboth\b", turn.text, re.IGNORECASE)
                and (title := similarity_in_words(store, turn.text)) and (shared := answers.similarity(store, title))):
            return [first, replace(shared, aside=True)]
        # of one concept, what its characteristic on the row says ("and with iaas, what exactly can I control": Full
        # Control, "The customer chooses the operating system ...")
        if not more:
            return row_and_how(facts, turn, first, one)
        return [first, *(replace(row, aside=True) for row in more)]
    if not m.characteristic and (shared := shared_for_both(facts, turn)) is not None:
        return shared
    if m.characteristic:
        # "Which is more efficient, BPO or KPO?": one concept's characteristic (Improved Efficiency) does not say
        # which; what the document says on the topic does, or that it does not compare them
        if len(m.concepts) != 1 and which_more(turn.text) and (found := answer_on_topic(facts, turn)):
            return found
        return (named_for_one(facts, turn) or shared_for_both(facts, turn)
                or characteristic_answer(facts, turn.text, m.characteristic, m.concept))
    # "is updating CRM contact records BPO or KPO?" asks which fits a process, not how they differ
    if fit := which_fits(facts, turn):
        return [fit]
    if found := answer_on_topic(facts, turn):
        return found
    # "bpo vs kpo toolz": a row NLU did not name, found by the question's words (a process named is
    # compared on the whole table: "how do bpo and kpo differ for customer service"); how deep the difference goes
    # is no row ("what's the basic difference": "basic" is no "Standard Tools")
    if facts.index is not None and not m.task and (row := retrieve.best_row(facts.index, turn.text, concepts_asked(turn),
                                                              INTENT_WORDS[Intent.COMPARE] | topics.GRADING)):
        one = m.concept if len(m.concepts) == 1 else None
        return with_characteristic(facts, answers.compare_aspect(store, row, one, turn.text), one)
    # "which one will make our day to day operations run more efficiently?" asks no difference row by row; nor does
    # a yes or no question that asks no difference ("can KPO be offshore too or only BPO?"; "is KPO harder than BPO?"
    # asks one, on a row the question's words may not name)
    yes_no = (set(opening_words(turn.text)[:1]) & YES_NO and not set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.COMPARE]
              and not answers.COMPARATIVE.search(turn.text))
    # "which of the two is more about strategy": the rows whose cells say it of one concept only (Strategic Insights,
    # Strategic Value, Strategic Risks), not the similarity whose title holds the word (Outsourcing Strategy)
    if which_more(turn.text) and (rows := rows_saying(facts, turn.text)):
        return [rows[0], *(replace(row, aside=True) for row in rows[1:])]
    if (which_more(turn.text) or yes_no) and (passages := passages_for(facts, turn)):
        # "which of the two frees us up more to focus on our core business?": a thing they share is weighed for neither
        return shared_not_weighed(facts, turn, passages) or [passages]
    # "who sets the service levels, us or the provider?" (after "what is BPO?") names neither concept, nor points back
    # at one ("who do they employ"), and asks no difference: the passages that answer it, not the whole table
    if (is_question(turn.text) and not m.concepts and not turn.refers_back() and not BOTH_MEANT.search(turn.text)
            and set(opening_words(turn.text)[:1]) & (WH_WORDS - {"which", "what"})
            and not set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.COMPARE] and (passages := passages_for(facts, turn))):
        return [passages]
    # "why is kpo seen as strategic rather than just operational" asks why of one concept: its characteristic named
    # by the words (Strategic Value), else the passages that say so
    if len(set(m.concepts)) == 1 and re.search(r"\bwhy\b", turn.text, re.IGNORECASE):
        if title := characteristic_in_words(store, RATHER_THAN.sub(" ", turn.text), m.concept):
            return characteristic_answer(facts, turn.text, title, m.concept)
        if passages := passages_for(facts, turn):
            return [passages]
    # "What kind of work does KPO handle?": the kinds of work of one concept are its examples, not the whole table
    if (len(set(m.concepts)) == 1 and WORK_OF_KIND.search(turn.text) and not DIFFERENCE.search(turn.text)
            and not which_more(turn.text) and not answers.COMPARATIVE.search(turn.text)):
        return on_example(facts, turn)
    # "whats bpo in a nutshell": nothing asked but the one concept named, and how short the answer should be (NLU's
    # comparison): what it is
    if (len(set(m.concepts)) == 1 and facts.index is not None and not DIFFERENCE.search(turn.text)
            and not asked_besides_form(facts, turn.text)):
        return [answers.define(store, m.concept)]
    return [answers.compare(store)]


def rows_saying(facts: Facts, text: str) -> list[Answer]:
    """The table's rows whose cells say a word of a question of one concept only, when all say it of the same one.

    "which of the two is more about strategy": Focus, Value Addition and Risk Type, whose KPO cells are strategic.
    A word matches a cell's word by its lemma or its first :data:`retrieve.STEM` letters.
    """
    asked = _cell_words(facts, text)
    found = []
    for aspect in facts.store.aspects():
        if aspect.items:  # (a row of lists, the examples, weighs nothing)
            continue
        saying = [concept for concept, cell in aspect.values.items() if cell and _says(cell, asked)]
        if len(saying) == 1:
            found.append((aspect.name, saying[0]))
    if not found or len({concept for _, concept in found}) > 1:
        return []
    return [answers.compare_aspect(facts.store, name, None, text) for name, _ in found]


def _cell_words(facts: Facts, text: str) -> set[str]:
    """The lemmas of ``text`` that may say a cell of the table: not a concept's name, a word of comparing or of grade."""
    return (set(content_lemmas(text)) - answers.concept_name_lemmas(facts.store) - INTENT_WORDS[Intent.COMPARE]
            - topics.GRADING - OVERALL_WORDS)


def _says(cell: str, asked: set[str]) -> bool:
    """Whether a cell holds one of the ``asked`` lemmas, by lemma or its first :data:`retrieve.STEM` letters."""
    return any(w == a or len(w) >= retrieve.STEM and w[:retrieve.STEM] == a[:retrieve.STEM]
               for w in content_lemmas(cell) for a in asked)


#: What sets two things against each other in a question: "efficiency or insight", "one ... the other ...",
#: "strategic rather than operational", "savings vs value".
SET_AGAINST = re.compile(r"\b(?:or|vs|versus|rather\s+than|instead\s+of|the\s+other|while|whereas)\b", re.IGNORECASE)


def rows_set_against(facts: Facts, text: str) -> list[str]:
    """The table's rows whose two cells a sentence of ``text`` sets against each other.

    "Is one model about efficiency and the other about insight?": Focus (Operational Efficiency, Strategic Insights);
    "what do we get out of each one - savings or strategic value?": Value Addition. Each cell is said by a word the
    other does not hold, with "or", "rather than", "the other" and the like between the two. Of several, those whose
    name the question says ("what kind of risk ..., strategic or operational?": Risk Type, not Focus), then those
    whose cells it says most of ("strategic insights rather than operational efficiency": Focus, not Risk Type).
    """
    found: dict[str, int] = {}
    telling = _telling_row_words(facts.store)
    rows = [aspect for aspect in facts.store.aspects() if not aspect.items and len(aspect.values) == 2]
    for sentence in sentences_of(text):
        words = [(m.start(), m.end(), _cell_words(facts, m.group(0))) for m in re.finditer(r"[\w'-]+", sentence)]
        said = _cell_words(facts, sentence)
        for aspect in rows:
            if aspect.name in found:
                continue
            # (a degree, "low or high", says a row's cell only beside a word of its name: "is SaaS cost low or high?"
            # asks no Control, "is the effort minimal or substantial?" asks Effort)
            named = _says(aspect.name, said & telling.get(aspect.name, set()))
            (_, one), (_, other) = aspect.values.items()
            ones = [(start, end) for start, end, w in words if _says_only(one, other, w, named)]
            others = [(start, end) for start, end, w in words if _says_only(other, one, w, named)]
            if any(SET_AGAINST.search(sentence[min(a[1], b[1]):max(a[0], b[0])])
                   for a in ones for b in others):
                found[aspect.name] = len(ones) + len(others)
    asked = _cell_words(facts, text)
    named_rows = {row: n for row, n in found.items() if _says(row, asked & telling.get(row, set()))}
    found = named_rows or found
    return [row for row, n in found.items() if n == max(found.values())]


def _says_only(cell: str, other: str, words: set[str], named: bool) -> bool:
    """Whether ``words`` say a cell and not the other of its row; a degree only when the row is ``named``."""
    return bool(words) and (named or not words <= answers.DEGREES) and _says(cell, words) and not _says(other, words)


@lru_cache(maxsize=8)
def _telling_row_words(store: FactStore) -> dict[str, frozenset[str]]:
    """Each row's name's lemmas that no other row's name holds ("risk" of Risk Type, not "type", as Service Type has).

    Read once per store: every question that may set two cells against each other asks it.
    """
    names = {a.name: set(content_lemmas(a.name)) for a in store.aspects()}
    return {row: frozenset(w for w in words if not any(w in other for name, other in names.items() if name != row))
            for row, words in names.items()}


def only_cells_said(facts: Facts, tasks: list[str], rows: list[str]) -> bool:
    """Whether every word of every process NLU found says a cell of one of ``rows`` ("strategy": Strategic Insights)."""
    cells = [cell for row in rows if (aspect := facts.store.aspect(row)) is not None for cell in aspect.values.values()]
    words = {w for task in tasks for w in content_lemmas(task)}
    return bool(words) and all(any(_says(cell, {w}) for cell in cells) for w in words)


def names_a_cell(facts: Facts, turn: Turn) -> bool:
    """Whether a message names a value of the row it asks ("strategic risks" of Risk Type)."""
    aspect = next((a for a in facts.store.aspects() if a.name == turn.mentions.aspect), None)
    return aspect is not None and any(re.search(rf"\b{re.escape(value)}\b", turn.text, re.IGNORECASE)
                                      for value in aspect.values.values())


#: A question whether something can be had or done: "can we offer ...", "could a BPO ...", "will they ..." (not "can you
#: tell me ...", which asks the assistant).
CAN_IT = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:can|could|will|would|do|does)\s+(?:we|i|they|it|an?\s+\w+|"
                    r"the\s+\w+|\w+\s+providers?)\b", re.IGNORECASE)
#: What a question opens by setting aside ("apart from the hosting, what ...", "besides cost, ...").
BESIDES = re.compile(r"^\W*(?:(?:so|and|ok|okay|but)\W+)?(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?)\s+"
                     r"([^,;:?]+)[,;:]", re.IGNORECASE)
#: "each" or "either" for each of the two concepts, as a pronoun ("how much work is each going to be", "what does it
#: cost with either?"; not "for each employee").
EACH_OF_THEM = re.compile(r"\b(?:each|either)(?:\s+(?:one|option|model|of\s+(?:them|these|those|the\s+two)))?\s+"
                         r"(?:is|are|was|would|will|going|costs?|takes?|needs?|gives?|means?)\b|"
                         r"\b(?:with|for|of|in|under|on)\s+(?:each|either)(?:\s+(?:one|option|model|of\s+(?:them|these|those|"
                         r"the\s+two)))?(?=\s*(?:[?.!,;]|$))", re.IGNORECASE)
#: Words that mean both concepts without naming them: "when would you pick one over the other?", "how do both measure up?".
BOTH_MEANT = re.compile(rf"{THE_TWO.pattern}|\b(?:each\s+other|the\s+other|one\s+over)\b", re.IGNORECASE)


#: Words of likeness beside :data:`ALIKE` ("anything identical", "have jointly").
LIKENESS = re.compile(r"\b(?:identical|jointly|equivalent|together|match(?:es)?)\b", re.IGNORECASE)
#: A difference denied ("What doesn't differ", "where are they not different?").
NOT_DIFFERENT = re.compile(r"(?:\bnot|n't|\bno)\s+(?:\w+\s+){0,2}?(?:differ\w*|distinguish\w*)\b", re.IGNORECASE)


#: Words that say how much of a thing there is, not what it is ("high quality", "better service").
HOW_MUCH = frozenset("high higher highest low lower lowest good better best bad worse worst great poor top".split())


def _only_topic_words(facts: Facts, task: str) -> bool:
    """Whether a "task" says how much of a topic's thing: its other words each ask a topic on their own ("high quality").

    A process named in a topic's words, saying no amount, is one ("does kpo handle regulatory compliance?").
    """
    said = set(content_lemmas(task))
    words = said - HOW_MUCH
    if words == said:
        return False
    # (a word in "-ing" may be work, or a topic's word in another sense: "demanding" is hard, no "demand")
    return (bool(words) and task.casefold() not in facts.names.examples
            and not any(word.endswith("ing") for word in tokens(task))
            and all(topics_asked(facts, word) for word in words))


def on_example(facts: Facts, turn: Turn) -> list[Answer]:
    """Whether a task is an example, or the examples of one concept or all."""
    # "besides R&D, what sort of work do companies send to KPO?": the process set aside is not asked of
    if (besides := BESIDES.match(turn.text)) and (aside := [t for t in turn.mentions.tasks
                                                          if t.casefold() in besides.group(1).casefold()]):
        turn = replace(turn, text=turn.text[besides.end():].strip(),
                       mentions=replace(turn.mentions, tasks=[t for t in turn.mentions.tasks if t not in aside]))
    m, store = turn.mentions, facts.store
    asks_example = bool(set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.EXAMPLE])
    # "how complex is the work we'd typically hand to a BPO vendor?": how much of a row, by its adjective, not examples
    if (not asks_example and len(set(m.concepts)) <= 1 and (row := store.aspect(m.aspect or "")) is not None
            and not row.items and (graded := HOW_GRADED.match(turn.text))
            and graded.group(1).lower()[:FORM_PREFIX] == row.name.lower()[:FORM_PREFIX]):
        return row_and_how(facts, turn, answers.compare_aspect(store, row.name, m.concept, turn.text), m.concept)
    # "examples of the analytical tasks KPO providers handle": what the characteristic named lists, not a process
    # (not whether a process is one: "Is market research an example of KPO's analytical work?")
    if (asks_example and m.characteristic and not set(opening_words(turn.text)[:1]) & YES_NO
            and (listed := listed_under(facts, m.characteristic, m.concept))):
        return listed
    if m.task and (named := task_named_as_characteristic(facts, turn, m.task)) is not None:
        return named
    # "Are KPO deliverables usually high quality?": a "task" that only says how much of a topic's thing is no process;
    # the topic is asked
    # (not asked where it goes: "so which one would our contract/legal review work go under")
    if (m.task and _only_topic_words(facts, m.task) and not asks_which_concept(facts, turn.text)
            and (found := answer_on_topic(facts, turn))):
        return found
    # "what sort of thinking does kpo work involve? is it just data entry with a fancy name": the kind asked in a
    # sentence of its own, not whether the process another names is an example (so "is kpo basically data entry? what
    # kind of thinking is involved")
    if m.task and not asks_example and facts.names.names_a_concept(turn.text):
        sentences = sentences_of(turn.text)
        own = next((s for s in sentences if m.task.casefold() in s.casefold()), "")
        # (not when the process's own sentence asks where it goes, naming it before the concept: "is market research
        # kpo? and what sort of skills does it take?")
        placing = (is_question(own) and (concept := re.search(rf"\b(?:{facts.names.concept_names})\b", own, re.IGNORECASE))
                   and own.casefold().find(m.task.casefold()) < concept.start())
        for sentence in [] if placing else sentences:
            if (is_question(sentence) and m.task.casefold() not in sentence.casefold()
                    and (passages := kind_asked(facts, turn, sentence)) is not None):
                return [passages]
    if m.task:
        # "does KPO include payroll?" asks whether the examples include it ("does IaaS include the OS?" names none)
        asks_example = asks_example or "include" in content_lemmas(turn.text)
        if not asks_example and (found := what_on_topic(facts, turn)):
            return found
        # neither for examples nor which fits: what else the question asks of the document
        asks_else = not asks_example and not asks_which_concept(facts, turn.text)
        # "do bpo providers encrypt our customer data" asks a topic the document does not cover, not whether the data is
        # an example; the process's own name asks none ("would a bpo handle our it security?")
        beside_task = without_spans(turn.text, [x.span() for x in re.finditer(re.escape(m.task), turn.text, re.IGNORECASE)])
        if (asks_else and is_question(turn.text) and topics_asked(facts, beside_task)
                and (found := answer_on_topic(facts, turn)) and all(a.how_it_went() == Outcome.NOT_COVERED for a in found)):
            return found
        # "how long does it take to transition a process over to a BPO provider?" asks the document
        if asks_else and opens_not_which(turn.text):
            return on_recommend(facts, turn)
        # "is AI going to make BPO call centres obsolete?" asks neither which fits nor for examples: no verdict on a
        # process the document does not name
        if asks_else and is_question(turn.text) and asks_of_no_process(facts, turn.text, m.task):
            return on_recommend(facts, turn)
        # "is customer onboarding with strict rules and a standard checklist BPO?": how it is done weighs too
        described = None if asks_example else task_from_text(facts, turn.text)
        task = with_alias_words(facts, turn.text, named_task(facts, turn) if described else m.task)
        # "is customer service bpo or kpo?" asks which, not whether it is the first one named: no "Yes:"
        if len(set(m.concepts)) > 1 and store.concept_of_example(task) is not None:
            return [answers.recommend(store, facts.recommender, task)]
        given = answers.is_example(store, facts.recommender, task, m.concept, fit_first=not asks_example,
                                   described=described)
        # "KPO doesnt include payroll, right?": a "Yes" or "No" would answer the negation, so neither is said
        if answers.UNSURE_CLAIM.search(turn.text) and (bare := re.match(r"(?:Yes|No): (\w)", given.text)):
            given = replace(given, text=bare.group(1).upper() + given.text[bare.end():])
        return [given]
    if fit := which_fits(facts, turn):
        return [fit]
    # "how long is a typical BPO contract term?" asks the document, not for examples
    if not asks_example and opens_not_which(turn.text):
        return on_recommend(facts, turn)
    # "any downsides to KPO?" asks a topic, not for examples
    if m.concepts and not asks_example and asks_a_topic(facts, turn.text) and (found := answer_on_topic(facts, turn)):
        return found
    # "Do BPO vendors typically need advanced tools?" asks a row of the table, not for examples
    if not asks_example and (m.aspect and store.aspect(m.aspect) or m.characteristic):
        return on_define(facts, turn)
    # "what kind of decisions does KPO output feed into?" asks about decisions, not for kinds of KPO work
    if not asks_example and (passages := kind_asked(facts, turn, turn.text)) is not None:
        return [passages]
    # "does IaaS include the OS?" names no process, and asks what the document says of the OS
    # (not "what services does bpo include?", which asks for the examples)
    if (m.concepts and not asks_example and "include" in content_lemmas(turn.text)
            and set(opening_words(turn.text)[:1]) & YES_NO and (passages := passages_for(facts, turn))):
        return [passages]
    if m.concepts:
        return [answers.examples(store, c) for c in m.concepts]
    # "examples of those activities" after "what kind of thinking does KPO work involve?": what the characteristic that
    # answers it lists
    if KIND_BACK.search(turn.text) and (listed := listed_in_context(facts, turn)):
        return listed
    # "examples of it", or "what are some typical examples?" right after what SaaS is (or after a row asked of it: "like
    # what activities for example" after "is KPO work pretty complex?")
    if turn.context.concept and (turn.refers_back() or turn.context.topic in ABOUT_ONE | {Topic.ASPECT}):
        return [answers.examples(store, turn.context.concept)]
    return [answers.examples(store)]


#: A sentence that lists examples of what it speaks of: "... activities that require significant intellectual effort
#: and expertise, such as data analysis, market research, and strategic planning".
SUCH_AS = re.compile(r"\bsuch\s+as\b", re.IGNORECASE)
#: Pointing back at a kind of thing, not at a concept: "examples of those activities", "tasks like that".
KIND_BACK = re.compile(r"\b(?:those|these|such|like\s+(?:that|this|those|these)|(?:that|this)\s+kind)\b", re.IGNORECASE)


def listed_under(facts: Facts, title: str, concept: str | None) -> list[Answer] | None:
    """The sentences of a characteristic (of ``concept``, when given) that list examples ("such as ..."), or None."""
    found = [p for p in facts.store.passages()
             if p.title == title and (concept is None or p.concept in (concept, None)) and SUCH_AS.search(p.text)]
    if not found:
        return None
    owner = found[0].concept or " and ".join(c.abbreviation for c in facts.store.concepts())
    return [Answer(say("examples_under", title=title, concept=owner),
                   tuple(Place(Part.SECTION, heading=p.section, line=p.line) for p in found),
                   items=[say("passage_item", text=p.text) for p in found], topic=Topic.SEARCH,
                   concept=found[0].concept, characteristic=title)]


def listed_in_context(facts: Facts, turn: Turn) -> list[Answer] | None:
    """What the characteristic the last question was about lists, by the slot or the passage that answers it best."""
    ctx = turn.context
    if ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic:
        return listed_under(facts, ctx.characteristic, ctx.concept)
    if not ctx.earlier or facts.index is None:
        return None
    earlier = ctx.earlier[0]
    concepts = [ctx.concept] if ctx.concept else []
    hits = facts.index.find(earlier.get("text") or "", concepts, limit=1)
    # (of the concept in context: "examples of those" after "What kind of work does BPO do?" is no KPO list)
    if not hits or not hits[0].passage.title or concepts and hits[0].passage.concept not in (*concepts, None):
        return None
    return listed_under(facts, hits[0].passage.title, hits[0].passage.concept)


def kind_asked(facts: Facts, turn: Turn, text: str) -> Answer | None:
    """The passages on what "what kind of X" in ``text`` asks about, when X is no kind of work or concept."""
    kind = KIND_OF.search(text)
    if (kind is None or lemma(kind.group(1).lower()) in KINDS_OF_WORK
            or re.fullmatch(facts.names.concept_names, kind.group(1), re.IGNORECASE)
            or facts.index is None or lemma(kind.group(1).lower()) not in facts.index.idf):
        return None
    return passages_for(facts, replace(turn, text=text[kind.start():]), coverage=CLOSEST)


#: "what kind of X": what a question asks the kinds of.
#: The kinds of work a concept takes on: "what kind of work does KPO handle?", "what sorts of tasks is BPO for?".
#: (not "what sorts of things would we still manage?", nor "what kind of things does a KPO provider need from clients?")
WORK_OF_KIND = re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:work|tasks?|jobs?|functions?|processes|"
                          r"activities|services)\s+(?:does|do|is|are|can|would|will|go(?:es)?\s+to|gets?\s+sent\s+to)\b",
                          re.IGNORECASE)
KIND_OF = re.compile(r"\b(?:kinds?|types?|sorts?)\s+of\s+(\w+)", re.IGNORECASE)
#: A question opening with what kinds of something it asks: "what kinda risks ...", "which sorts of benefits ...".
WHAT_KINDS = re.compile(r"\W*(?:what|which)\s+(?:(?:kinds?|sorts?|types?)\s+of|kinda|sorta)\b", re.IGNORECASE)


def _asked_tasks_first(facts: Facts, turn: Turn) -> Turn:
    """The turn with only the processes its last question names, when it names one and what it told before others.

    "I run ops at a mid-size insurer and our claims line is drowning in calls. Is phone support the kind of thing
    you'd give to a BPO or a KPO?" asks of phone support, not of the insurer's claims line.
    """
    tasks, sentences = turn.mentions.tasks, sentences_of(turn.text)
    asked = [s.casefold() for s in sentences[1:] if is_question(s)]
    if len(tasks) < 2 or not asked:
        return turn
    # (a process the document has words for: not "Which bucket is that?", "... BPO or KPO territory?")
    named = [t for t in tasks if t.casefold() in asked[-1] and any(facts.recommender.recommend(t).scores.values())]
    if not named or named == tasks:
        return turn
    # (not when another was asked in an earlier question: "is payroll bpo or kpo? and what about market research?")
    told = " ".join(s for s in sentences if not is_question(s)).casefold()
    if any(t.casefold() not in told for t in tasks if t not in named):
        return turn
    return replace(turn, mentions=replace(turn.mentions, tasks=named))


#: The opening of a question how to do something: "how should we ...", "how do we ...".
HOW_TO = [["how", verb] for verb in ("should", "do", "can", "could", "would", "to")]


def on_recommend(facts: Facts, turn: Turn) -> list[Answer]:
    """Which concept fits the task the message describes, or a question for the task.

    A question about a topic ("which gives better value for money?") that names no process
    the document settles is answered on the topic instead.
    """
    turn = _asked_tasks_first(facts, turn)
    asks_which = asks_which_concept(facts, turn.text)
    from_text = task_from_text(facts, turn.text)
    task = with_alias_words(facts, turn.text, turn.mentions.task) if turn.mentions.task else from_text
    # "wat are the benfits of bpo for a small compnay": who asks ("a small company") is no process to place
    if task and set(content_lemmas(facts.recommender.spelled(task))) <= WHO_ASKS | OVERALL_WORDS:
        task = None
    # ("what sort of jobs would go to them then": a kind of work in general is no process)
    if task and (kind := KIND_OF_WORK.match(task)) and set(content_lemmas(kind.group(1))) <= KINDS_OF_WORK | GENERIC_WORK:
        task = None
    # "what value does each model deliver? Is KPO just another way to save money?": the row named (Value Addition),
    # whose cells answer the topic asked (Cost Savings), not the topic alone (nor a "task" of all its words)
    m = turn.mentions
    if (not m.task and len(set(m.concepts)) <= 1 and not asks_which
            and row_answers_topic(facts, turn)):
        one = m.concept if m.concepts and not re.search(r"\b(?:each|both)\b", turn.text, re.IGNORECASE) else None
        return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, one, turn.text), one)
    if not task:
        # "can these vendors tailor stuff to us or is it one size fits all?": a row NLU found, of both, over a topic
        # asked only by who is involved
        if (m.aspect and facts.store.aspect(m.aspect) and len(set(m.concepts)) <= 1
                and len(sentences_of(turn.text)) == 1 and asks_the_document(turn.text)
                and not asks_which
                and all(topics.asked_weakly(turn.text, t) for t in topics_asked(facts, turn.text))):
            one = m.concept if m.concepts else None
            return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, one, turn.text), one)
        if found := answer_on_topic(facts, turn):
            return found
        # "which should we pick?" asks for a fit; "can an outsourcing provider absorb that?" asks the document
        if (opens_not_which(turn.text) and not asks_which
                and (passages := passages_for(facts, turn, coverage=ASKED_COVERAGE))):
            return [passages]
        # ("With IaaS, is there anything we can't choose ourselves?" asks the document, not for a fit: what comes closest,
        # never a question back for a process)
        # (not "should we choose KPO?", "is BPO good for us?")
        if is_question(turn.text) and not asks_which and not SHOULD_WE.search(turn.text):
            return [closest_passages(facts, turn)]
        return [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]
    if (row := row_asked_after_telling(facts, turn)) is not None:
        return row
    # a topic asked of a process the document names is asked of the concept it places it under, with that placing
    # after it ("what are the benefits of outsourcing payroll?": BPO's, then that payroll is a BPO example)
    # (asked to confirm where the asker places it, the placing comes after the topic too, of whichever concept it names:
    # "I think our payroll is BPO. Can you confirm? What does BPO need to be effective?")
    own, placing = (placed_example(facts, " ".join([task, *turn.mentions.tasks]))
                    if not turn.mentions.concepts or CONFIRM.search(turn.text) else (None, None))
    own = None if turn.mentions.concepts else own
    if found := what_on_topic(facts, turn, own):
        return placed_after(found, placing)
    if (shared := shared_for_both(facts, turn)) is not None:
        return shared
    # "main benefits of bpo?": a "task" of nothing but a topic's words is that topic
    # (not in a description a last sentence asks only which kind of: "we use an outside law firm to go through our
    # contracts. is that bpo or kpo?")
    # (nor after a comma: "if we pay an outside law firm to go through our contracts, is that bpo or kpo")
    told = [c for c in clauses_of(turn.text) if c.strip()]
    if (topics.only_topic(task, facts.topics) and not (len(told) > 1 and asks_only_which_kind(facts, told[-1]))
            and (found := answer_on_topic(facts, turn))):
        return found
    if (named := task_named_as_characteristic(facts, turn, task)) is not None:
        return named
    # "... drowning in support tickets and payroll admin. Someone suggested BPO. How would that help us focus?" asks
    # what the concept does for the asker, not which fits the work told of ("help" only says it is for us)
    # ("We are a retailer with a small HR team. Could BPO help us manage payroll?" asks of the process it names)
    if (asks_what_it_does_for_us(facts, turn.text)
            and task.casefold() not in (last := sentences_of(turn.text)[-1]).casefold()):
        asked = re.sub(r"\bhelps?\b", " ", last, flags=re.IGNORECASE)
        # (a topic it asks, or that the sentences it points back to tell of: "Our retail support desk gets slammed every
        # holiday season and then goes quiet in January. Can outsourcing help us cope with that kind of swing?")
        if found := (answer_on_topic(facts, replace(turn, text=asked))
                     or points_back(last) is not None and answer_on_topic(facts, turn)):
            return found
        if passages := passages_for(facts, replace(turn, text=asked), coverage=ASKED_COVERAGE):
            return [passages]
    # "Can a KPO provider tailor its deliverables to our strategy, or is it one size fits all?" asks a row of the one
    # concept it names, apart from the words NLU took for a process (not "can BPO handle complex tax research?"), in a
    # question of one sentence (not "I manage a 20-person support team ... Does that split make sense ...?")
    # (or in a first sentence, the only question: "what tools do kpo firms use? my IT lead wants to know if they're on
    # spreadsheets or something better")
    m = turn.mentions
    sentences = sentences_of(turn.text)
    if (m.aspect and facts.store.aspect(m.aspect) and len(set(m.concepts)) == 1
            and (len(sentences) == 1 or is_question(sentences[0]) and not any(map(is_question, sentences[1:]))
                 and facts.names.names_a_concept(sentences[0]))
            and asks_the_document(sentences[0])
            and not asks_which
            and not set(content_lemmas(m.aspect)) & set(content_lemmas(" ".join(m.tasks)))):
        return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, m.concept, turn.text), m.concept)
    # "How should we manage a KPO provider? The same way we handle our BPO vendors?": the row NLU found, of both, asked
    # whether the two are alike on it (no process named)
    if (m.aspect and facts.store.aspect(m.aspect) and len(set(m.concepts)) > 1 and not m.task
            and SAME_WAY.search(turn.text) and not asks_which):
        return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, None, turn.text), None)
    # "which one gives us more control, SaaS or IaaS?": the "task" is a row of the table, compared
    if compares_concepts(turn) and (row := row_named(facts, task)):
        return with_characteristic(facts, answers.compare_aspect(facts.store, row, None, turn.text), None)
    # "we need full control over the whole stack ... Which model gives us that?": the one with the characteristic named
    # in full (not "which model makes a company more efficient?", of Improved Efficiency, which the document weighs not)
    title = turn.mentions.characteristic
    if (which_more(turn.text) and title and not turn.mentions.concepts
            and re.search(rf"\b{re.escape(title)}\b", turn.text, re.IGNORECASE)):
        return characteristic_answer(facts, turn.text, title, None)
    # "We're weighing outsourcing our admin or our financial analysis. Which is riskier, BPO or KPO?": the question after
    # sentences that tell of processes to choose between, or of none the document settles, compares the concepts on a
    # topic and names no process itself; the topic is asked
    # (not after one process, nor after sentences that set the concepts as the choice for it: "We're looking at
    # outsourcing payroll. Which one is cheaper?", "We're deciding between a BPO and a KPO for our customer support.
    # Which one is cheaper?" ask which fits it)
    if (topic_asked_instead(facts, turn, sentences) and is_question(last := sentences[-1])
            and not facts.names.names_a_concept(" ".join(sentences[:-1])) and task.casefold() not in last.casefold()
            and (found := answer_on_topic(facts, replace(turn, text=last)))):
        return found
    # "which model is easier to grow quickly?" compares the concepts on a topic; its "task" is no process
    if which_more(turn.text) and no_process_asked(facts, turn.text, task):
        if found := answer_on_topic(facts, turn):
            return found
        return [passages_for(facts, turn, coverage=ASKED_COVERAGE) or closest_passages(facts, turn)]
    # "who is liable if a KPO provider gives bad legal advice?" asks the document, not which fits: its topic
    # or the closest passages; a named process ("why would a company hand off its payroll?") is still placed
    # so does "whats the point of BPO if you ignore the cost savings part?", which names no process the document does
    asks = (opens_not_which(turn.text) and (set(tokens(turn.text)[:1]) & NOT_WHICH - {"if"}
                                             or not asks_which)
            or asks_the_document(turn.text) and not asks_which
            and not CHOOSING_WORDS.search(turn.text) and no_process_asked(facts, turn.text, task)
            # ("Which privacy laws apply when shipping customer records to an overseas vendor?")
            or asks_which_things(facts, turn.text) and not asks_which)
    if (asks and not ends_asking_which(facts, turn.text) and not fitting_asked(turn.text)
            and not FALLS.match(turn.text)):
        # why a company would hand off a process the document names is why that concept is used: it is placed
        # ("Why would a company hand off its payroll to an outside firm in the first place?")
        why_this = document_names(facts, task) and {t.key for t in topics_asked(facts, turn.text)} <= WHY_TOPICS
        if not why_this and (found := answer_on_topic(facts, turn, own)):
            return placed_after(found, placing)
        # (what it is for, of the concept the process is named for: "why would a company bother outsourcing stuff like
        # payroll instead of just doing it in house?" gets what BPO is for)
        if (why_this and not turn.mentions.concepts
                and (fit := answers.recommend(facts.store, facts.recommender, task)).found and fit.concept
                and (found := answer_on_topic(facts, turn, fit.concept)) and all(a.found for a in found)):
            return found
        # ("how should we outsource our payroll?" hands out a process the document names: it is placed)
        # (not a choice between them: "how should we choose between bpo and kpo for payroll?")
        how_to = (opening_words(turn.text)[:2] in HOW_TO and not CHOOSING_WORDS.search(turn.text)
                  and not re.search(r"\bbetween\b", turn.text, re.IGNORECASE) and len(set(turn.mentions.concepts)) < 2)
        handing = how_to and task.casefold() in (handed_out(facts, turn.text) or "").casefold()
        if (not handing or not document_names(facts, task)) and (
                passages := passages_for(facts, turn, coverage=ASKED_COVERAGE)):
            return [passages]
        # a process the document names is placed ("why would a company hand off its payroll?"); of any other
        # ("how long does it take to transition a process to a BPO provider?") the question is not which fits, nor
        # is it how to do something else with one ("how should we tell our in-house payroll team that we're
        # outsourcing their work?")
        placed = (document_names(facts, task) and not asks_of_provider(facts, turn.text, task)
                  and (not how_to or handing))
        fit = answers.recommend(facts.store, facts.recommender, task) if placed else None
        return [fit] if fit is not None and fit.found else [closest_passages(facts, turn)]
    # "does our payroll outsourcing vendor have to be GDPR compliant?" asks about security, not which fits payroll
    # ("actuarial valuations, done by qualified actuaries. which bucket?" and "would it be KPO if ...?" ask which)
    # (not "Can you help me classify this: ... lots of back-and-forth with our CFO.", which asks which fits)
    if (is_question(turn.text) and not asks_which and not turn.mentions.concepts and "which" not in tokens(turn.text)
            and not CLASSIFY_THIS.search(turn.text) and (on_topic := answer_on_topic(facts, turn, own))):
        if placing is not None and all(a.found for a in on_topic):
            return [*on_topic, placing]
        # (what the document says on a topic asked by its own words is the answer: "can outsourcing help us innovate
        # at all?")
        passages = passages_for(facts, turn)
        if passages is None or all(a.found for a in on_topic) and not speaks_to_topic(facts, turn.text, passages):
            return on_topic
        return [passages]
    # all the message says of a process weighs too when it asks which fits or just describes one
    # ("... every dossier is custom and needs regulatory experts"), not when it asks the document
    described = from_text if asks_which or not is_question(turn.text) else None
    # nor does a question NLU took for no request for a fit that never asks which, about a process the document does
    # not name ("is AI going to make BPO call centres obsolete?"; "can we outsource invoice matching?" asks)
    if (is_question(turn.text) and not asks_which and turn.intent != Intent.RECOMMEND
            and asks_of_no_process(facts, turn.text, task)):
        return ([passages] if (passages := passages_for(facts, turn)) else answer_on_topic(facts, turn)
                or [passages_for(facts, turn, coverage=ASKED_COVERAGE) or closest_passages(facts, turn)])
    # "What outcomes should we expect from KPO? decision making, processes, etc" asks of the concept it names, and
    # NLU found no process in it: its words are no process to place ("Should we use KPO for financial modelling?" is)
    if (is_question(turn.text) and not asks_which and turn.mentions.concepts and not turn.mentions.task
            and "which" not in tokens(turn.text) and set(opening_words(turn.text)[:1]) & (WH_WORDS - {"which"})):
        return [passages_for(facts, turn) or passages_for(facts, turn, coverage=ASKED_COVERAGE)
                or closest_passages(facts, turn)]
    if described:  # the whole message weighs; the task is what it hands out, or NLU's, or its first clause's
        task = (handed_or_found(turn.mentions.task, handed_out(facts, turn.text), turn.text, turn.mentions.tasks)
                or task_name(facts, turn.text) or task)
    # "Legal is drafting our first outsourcing agreement for transactional work. What makes a BPO arrangement
    # effective?": no verdict on what the sentences before tell, but what the one that asks asks of the concept it names
    if (asked := _asked_apart(facts, turn, task)) is not None:
        return on_define(facts, asked)
    result = answers.recommend(facts.store, facts.recommender, task, described)
    # a question that asks no fit, in which NLU found no process and which names none the document does, nor one the
    # reviewed data knows as most of its words ("Should we use KPO for financial modelling?"), is placed by no words of
    # its own: it asks the document ("Do we lose control over our own processes if we outsource them?" got "BPO fits
    # lose control over our own processes better.", by "processes")
    guessed = (not turn.mentions.task and not asks_which and is_question(turn.text) and not document_names(facts, task)
               and not _mostly_known(facts, task))
    # ("... Philippines or India, which location works better for English-speaking customers?" asks which location)
    if result.found and not guessed and not (topics.OTHER_CHOICE.search(turn.text) and not turn.mentions.concepts):
        return [result]
    # "which gives a better return on investment?" compares on a topic, and "any drawbacks to KPO?" names
    # only a topic: neither describes a process
    if ((topics.compares(turn.text, turn.mentions.concepts) or topics.only_topic(task, facts.topics))
            and (on_topic := answer_on_topic(facts, turn))):
        return on_topic
    # "can the scope be adjusted later?" and "can a bpo provider cover the night shifts?" ask the document,
    # not for a fit, as "bpo or kpo for walking the office dog?" does: the passages that answer it, its
    # topic, or the passages that come closest (saying the document does not answer it directly)
    if is_question(turn.text) and not asks_which:
        if passages := passages_for(facts, turn):
            return [passages]
        if on_topic := answer_on_topic(facts, turn):
            return on_topic
        if passages := passages_for(facts, turn, coverage=ASKED_COVERAGE):
            return [passages]
        # no process named, and none asked about: not a recommendation, whatever the words left over; nor is a
        # process the document does not settle, in a question of what a concept's providers do ("Do KPO providers
        # just hand over reports or do they actually give recommendations?")
        if not turn.mentions.task or not result.found and names_a_provider(facts, turn.text):
            return [closest_passages(facts, turn)]
    # "We want to pick our own operating system and run our custom software on it. Which option fits?": no verdict from
    # the words of the process, but the two sentences that answer the question best are both one concept's
    if asks_which and not result.found and (fit := fits_by_passages(facts, turn, task)) is not None:
        return [fit]
    return [result]


#: Words by which a question asks what suits its asker ("is BPO right for us?", "would KPO work for our team?").
FOR_US = re.compile(r"\b(?:right|good|better|best|ok|okay|work|works|suitable|enough|sense)\s+for\s+(?:us|me|our|my)\b"
                    # or what its asker takes the process told to be ("... Sounds like KPO to me, right?")
                    r"|\b(?:sounds?|seems?|looks?|feels?)\s+(?:like|to\s+be)\b|\bi\s+(?:guess|assume|think|suppose|reckon)\b",
                    re.IGNORECASE)


def _asked_apart(facts: Facts, turn: Turn, task: str) -> Turn | None:
    """The one sentence that asks, as a question of its own, when the sentences before only tell of its asker; else None.

    "Legal is drafting our first outsourcing agreement for transactional work. What makes a BPO arrangement effective?"
    asks of the concept it names: NLU finds processes in the sentence before ("Legal", "drafting"), and no verdict on
    them is asked. Not when the sentence that asks names a process or points back ("We have big peaks every Q4. Could
    BPO help with that?"), nor when it asks which fits or whether one suits its asker ("... Is BPO right for us?"); a
    question of which kinds of a topic's thing asks no fit ("... Which kinds of costs can a company bring down by
    outsourcing through BPO?").
    """
    asked = turn.focus
    kinds = KINDS_ASKED.match(asked.text) if asked is not None else None
    # (a question of what, how or why: "Would BPO be appropriate?", "Is KPO a viable option?" ask whether it suits)
    if (asked is None or not set(opening_words(asked.text)[:1]) & (WH_WORDS - {"which"}) and kinds is None
            or asked.focus is not None or not asked.mentions.concepts or asked.mentions.tasks
            or set(asked.mentions.concepts) != set(turn.mentions.concepts) or not is_question(asked.text)
            or task.casefold() in asked.text.casefold()):
        return None
    if not (kinds and topics_asked(facts, kinds.group(1))) and (
            asks_which_concept(facts, asked.text) or asks_only_which_kind(facts, asked.text)
            or SHOULD_WE.search(asked.text) or FOR_US.search(asked.text)):
        return None
    return replace(asked, intent=Intent.DEFINE)


def _mostly_known(facts: Facts, task: str) -> bool:
    """Whether everyday names the reviewed data knows make up at least half of a task's words ("financial modelling")."""
    words = content_lemmas(task)
    known = {w for alias, _ in facts.recommender.aliases_in(task) for w in content_lemmas(alias)}
    return bool(words) and 2 * len([w for w in words if w in known]) >= len(words)


def row_asked_after_telling(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A row of the one concept named, asked in a last question after sentences that tell of the asker's process.

    "We plan to pass our competitor research to a KPO partner. Can we expect them to tailor the deliverables to us, or
    is it one-size-fits-all?" asks Customization of KPO; not which fits, nor a topic ("... How much will that cost?").
    """
    m = turn.mentions
    *told, last = sentences_of(turn.text) or [""]
    if (not told or not m.task or not m.aspect or not facts.store.aspect(m.aspect) or len(set(m.concepts)) != 1
            or any("?" in sentence or is_question(sentence) for sentence in told) or not is_question(last)
            or m.task.casefold() in last.casefold() or set(content_lemmas(m.aspect)) & set(content_lemmas(m.task))):
        return None
    if asks_which_concept(facts, last) or asks_a_topic(facts, last) or not asks_the_document(last):
        return None
    # (told sent to the concept: "... to a KPO partner.", not "I manage a 20-person support team ...")
    if not any(sent_to_concept(facts, sentence) for sentence in told):
        return None
    return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, m.concept, turn.text), m.concept)


#: The two best passages decide which fits when each covers this share of the question, and together match this
#: many of its words.
FITS_COVERAGE = 0.2
FITS_WORDS = 4


def fits_by_passages(facts: Facts, turn: Turn, task: str) -> Answer | None:
    """The concept whose own two sentences answer a which-question best, when no other concept's comes close."""
    if facts.index is None:
        return None
    hits = facts.index.find(turn.text, [], limit=3)
    if len(hits) < 2:
        return None
    first, second, *rest = hits
    concept = first.passage.concept
    if (concept is None or second.passage.concept != concept or second.coverage < FITS_COVERAGE
            or len(first.matched | second.matched) < FITS_WORDS
            or any(h.passage.concept != concept and h.score >= retrieve.CLOSE * first.score for h in rest)):
        return None
    quoted = [first.passage, second.passage]
    return Answer(say("recommend_by_passages", concept=concept, task=task, first=quoted[0].text,
                      second=quoted[1].text), retrieve.places([first, second]), topic=Topic.RECOMMEND,
                  concept=concept, task=task, buttons=[answers.classify_offer(task)])


#: Context topics after which a process named alone ("what about X?") asks which fits it as well.
AFTER_A_VERDICT = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.CLASSIFY_RESULT})


def characteristic_in_context(facts: Facts, turn: Turn) -> list[Answer] | None:
    """The characteristic of the concept in context that a question pointing back names by its words.

    "how does it help with company strategy" after "What is KPO?": Strategic Value, as when KPO is named.
    """
    concept = turn.context.concept
    if (turn.mentions.concepts or not concept or not turn.refers_back() or not is_question(turn.text)
            or (title := characteristic_in_words(facts.store, turn.text, concept)) is None):
        return None
    return characteristic_answer(facts, turn.text, title, concept)


def on_inform(facts: Facts, turn: Turn) -> list[Answer]:
    """A bare answer: a task to recommend for; else what the message asks about; else a concept to define.

    NLU takes many questions for a bare answer: "is SaaS paid monthly or yearly?" asks the
    document, not which concept fits "yearly"; "how easy is it to scale a bpo contract up?"
    asks about a row; "ok and does it actually save money?" about cost, for the concept in context.
    """
    m = turn.mentions
    # "what about legal contract review" after a verdict asks the same of another process, not about contracts
    if m.task and turn.context.topic in AFTER_A_VERDICT and AGAIN_OPENING.search(turn.text):
        return [answers.recommend(facts.store, facts.recommender, m.task)]
    if m.task:
        return on_recommend(facts, turn)
    # after a verdict, "will they really know more than our own IT guys?" asks about them, not of another process; so
    # does "where would the savings actually come from if we did that?", a topic asked of what the verdict placed, and
    # "So how much control do we actually have over it?", a row
    if (turn.context.topic in (Topic.ASK_TASK, Topic.RECOMMEND)
            and not (turn.context.topic == Topic.RECOMMEND and ASKS_OF_SOMEONE.match(turn.text))
            and not (turn.context.topic == Topic.RECOMMEND and is_question(turn.text) and turn.refers_back()
                     and (asks_a_topic(facts, turn.text) or m.aspect or m.characteristic))
            and (task := task_from_text(facts, turn.text))):
        return [answers.recommend(facts.store, facts.recommender, task)]
    if m.aspect or m.characteristic:
        return on_compare(facts, turn)
    if found := answer_on_topic(facts, turn):
        return found
    if (named := characteristic_in_context(facts, turn)) is not None:
        return named
    if is_question(turn.text) and (passages := passages_for(facts, turn, coverage=ASKED_COVERAGE)):
        return [passages]
    # "how many months does it usually take to move a process over to a BPO?" asks a figure, which the document never
    # gives: what comes closest, after saying so, not what the concept is
    if m.concept and is_question(turn.text) and FIGURES.search(turn.text):
        return [closest_passages(facts, turn)]
    if m.concept:
        return [answers.define(facts.store, m.concept)]
    # "we just want email for 30 new starters and have nobody to babysit servers": a process NLU found no name of, that
    # the document places (told in one sentence: "... Honestly I just want to know what the document says about the
    # similarities" asks something else)
    if not is_question(turn.text) and len(sentences_of(turn.text)) == 1 and (task := task_from_text(facts, turn.text)):
        placed = answers.recommend(facts.store, facts.recommender, task, turn.text)
        if placed.found:
            return [placed]
    # "how do we migrate our on-prem database to the cloud?" asks whether or how to do something: what comes closest
    if is_question(turn.text) and asked_doing(turn.text):
        return [closest_passages(facts, turn)]
    return [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]


#: A question about what someone does or will do ("will they really know more ...?", "do we still need ...?").
ASKS_OF_SOMEONE = re.compile(r"\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:will|would|do|does|did|are|were)\s+"
                             r"(?:they|the\s+(?:provider|vendor|partner)s?)\s+(?:really|actually|even|still|truly)?\s*"
                             r"(?:know|understand|be|get|care|have)\b", re.IGNORECASE)
#: A follow-up asking what work the concept in context covers: "what kind of stuff would they actually do for us",
#: "what do they do exactly?", "what sort of tasks would it cover?".
WORK_DONE = re.compile(r"\bwhat\s+(?:(?:kind|kinds|sort|sorts|type|types)\s+of\s+)?"
                       r"(?:stuff|work|things|tasks|jobs|services|processes|activities|functions)?\s*"
                       r"(?:do|does|would|could|can|will|might)\s+(?:they|it|those|these|such\s+\w+)\s+"
                       r"(?:(?:actually|usually|typically|normally|really|even|then)\s+)?"
                       r"(?:do|handle|cover|take\s+on|look\s+after|deal\s+with|include)\b", re.IGNORECASE)

#: Words that ask whether two things are alike ("the same way we handle our BPO vendors?", "any different from").
SAME_WAY = re.compile(r"\bthe\s+same\s+(?:way|as)\b|\b(?:any|much)\s+different\b|\bdiffer(?:s|ent)?\s+from\b",
                      re.IGNORECASE)
#: A "process" that is only a kind of work in general ("sort of jobs", "kinds of tasks"): the work word captured.
KIND_OF_WORK = re.compile(r"^\W*(?:sort|kind|type)s?\s+of\s+(\w+)\W*$", re.IGNORECASE)
#: A follow-up asking what work would go to the concept in context: "what kind of work would we send to them", "what
#: sort of jobs would go to them".
WORK_SENT = re.compile(r"\bwhat\s+(?:(?:kind|kinds|sort|sorts|type|types)\s+of\s+)?"
                       r"(?:stuff|work|things|tasks|jobs|processes|activities|functions)\s+"
                       r"(?:(?:would|could|can|should|do|might|will)\s+(?:we|you|i|a\s+company|companies)\s+"
                       r"(?:(?:actually|usually|typically|normally|really|then)\s+)?(?:send|give|hand|outsource|pass)"
                       r"|(?:would|could|can|should|might|will)\s+go\s+to\s+(?:them|it|they))\b"
                       # "and what else falls under it besides the VMs?"
                       r"|\bwhat\s+else\s+(?:falls|fits|comes|goes|counts|belongs)\s+(?:under|in|into|as)\s+"
                       r"(?:it|that|this|them)\b", re.IGNORECASE)


def work_asked_after(turn: Turn) -> bool:
    """Whether a follow-up asks what work the concept in context takes on, naming none.

    "ok what kind of work would they actually take on for us" after "what is knowledge process outsourcing in plain
    english" asks for KPO's examples, whatever NLU reads it as (not the whole table).
    """
    if turn.mentions.concepts or not turn.context.concept or not turn.context.earlier:
        return False
    asked = WORK_DONE.search(turn.text) or WORK_SENT.search(turn.text)
    # (and nothing else: "what do they do to protect our data?" asks about protecting it)
    # (nor beside what is set apart: "... besides the VMs?")
    rest = re.sub(r"\b(?:besides|apart\s+from|other\s+than|except)\b.*$", " ", turn.text[asked.end():] if asked else "",
                  flags=re.IGNORECASE)
    return asked is not None and not set(tokens(rest)) - WORK_ASKED_ALONE


#: Words after what work is asked for that ask nothing more ("... for us", "... day to day", "... then", "... hand off
#: with it").
WORK_ASKED_ALONE = frozenset("for us me them our company business then exactly actually typically usually day to "
                             "in practice off out over with it that this".split())


#: A question asking how or why, not how much ("kpo and innovation - how does that work?", "why does KPO innovate
#: more?"; not "how complex is KPO?").
HOW_OR_WHY = re.compile(r"\bhow\s+(?:does|do|did|can|could|will|would)\b|\bwhy\b|\bin\s+what\s+ways?\b", re.IGNORECASE)


def row_and_how(facts: Facts, turn: Turn, row: Answer, concept: str | None) -> list[Answer]:
    """A row for one concept with its characteristic named after it; asked how or why, what else says so.

    "kpo and innovation - how does that work?": the row's cell says what, not how; with no characteristic named
    after the row, the concept's own passages in the row's words do ("... can drive innovation, inform strategic
    decisions ...").
    """
    given = with_characteristic(facts, row, concept)
    if (len(given) > 1 or concept is None or row.aspect is None or not row.found or facts.index is None
            or not HOW_OR_WHY.search(turn.text)):
        return given
    said = retrieve.said_of(facts.index, row.aspect, concept)
    return given if said is None else [*given, said]


#: Words that weigh one option over the other besides comparatives ("the stronger option", "the best choice").
STRONGER = re.compile(r"\b(?:stronger|strongest|best|superior|preferable|ahead)\b", re.IGNORECASE)


def named_for_one(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Which of the two has a characteristic that the document names for one concept only, if that is asked.

    "which is better for round-the-clock global coverage, bpo or kpo?": the document names Global Reach and 24/7
    Operations for BPO and says nothing of it for KPO; it does not say which does it better.
    """
    m, store = turn.mentions, facts.store
    owners = {abbreviation for abbreviation, _ in store.characteristic(m.characteristic)}
    # (not one the two share, by that title or one named alike: "which one handles risk management better?")
    if (len(set(m.concepts)) == 1 or len(owners) != 1 or store.similarity(m.characteristic) is not None
            or similarity_named_alike(store, m.characteristic) is not None):
        return None
    # ("For round-the-clock global coverage, is BPO or KPO the stronger option?": the two offered, and a comparative)
    either = facts.names.concept_names
    offered = (re.search(rf"\b(?:{either})\s+or\s+(?:the\s+)?(?:{either})\b", turn.text, re.IGNORECASE)
               and (answers.COMPARATIVE.search(turn.text) or STRONGER.search(turn.text)))
    if not (WHICH_MORE.search(turn.text) or offered):
        return None
    names = " or ".join(c.abbreviation for c in store.concepts())
    note = Answer(say("named_for_one", concepts=names, title=m.characteristic, concept=next(iter(owners))),
                  found=False, outcome=Outcome.NOT_COVERED)
    return [note, *characteristic_answer(facts, turn.text, m.characteristic, None)]


def shared_not_weighed(facts: Facts, turn: Turn, passages: Answer) -> list[Answer] | None:
    """Asked which of the two does more of what they share, found in the passages: that the document does not say.

    "which of the two frees us up more to focus on our core business?" quotes BPO's Focus on Core Activities, named
    alike the similarity Focus on Non-Core Activities: the document does not say which does it better, and that
    similarity (or the passages, when they quote it). None for any other question.
    """
    store = facts.store
    if not which_more(turn.text) or (found := similarity_quoted(store, passages)) is None:
        return None
    title, quoted = found
    names = " or ".join(c.abbreviation for c in store.concepts())
    shared = passages if quoted else answers.similarity(store, title)
    return [Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED), shared]


def shared_for_both(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Which of the two does more of a characteristic the two share by a similarity named alike, if that is asked.

    "which one helps more with focusing on core competencies, bpo or kpo?": BPO's Focus on Core Activities is
    also the similarity Focus on Non-Core Activities; the document does not say which does it better.
    """
    m, store = turn.mentions, facts.store
    # (or the one the last answer was about: "which one reduces it more" after "do both bpo and kpo reduce risk?")
    title = m.characteristic or (turn.context.characteristic if turn.refers_back() and not m.aspect else None)
    # ("which is better at letting us focus on core work, bpo or kpo": better at the thing named; "Is vendor management
    # harder with a BPO or with a KPO?": the two offered, with a comparative)
    offered = (len(set(m.concepts)) > 1 and answers.COMPARATIVE.search(turn.text) is not None
               and re.search(r"\bor\b", turn.text, re.IGNORECASE) is not None)
    if (not title or len(set(m.concepts)) == 1 or asks_a_topic(facts, turn.text)
            or not (which_more(turn.text) or offered
                    or re.search(r"\bwhich\b.*\bbetter\s+(?:at|for)\b", turn.text, re.IGNORECASE))):
        return None
    shared = (answers.similarity(store, title) if store.similarity(title) is not None
              else similarity_named_alike(store, title))
    if shared is None:
        return None
    names = " or ".join(c.abbreviation for c in store.concepts())
    return [Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED), shared]


def on_follow_up(facts: Facts, turn: Turn) -> list[Answer]:
    """The last answer's question again, for the concept, row or task this message names."""
    m, ctx, store = turn.mentions, turn.context, facts.store
    concept = m.concept
    if concept is None and turn.words & OTHER_WORDS:
        concept = other_concept(facts, ctx.concept)
    if m.aspect:
        one = concept or ctx.concept
        return row_and_how(facts, turn, answers.compare_aspect(store, m.aspect, one, turn.text), one)
    if m.characteristic:
        return characteristic_answer(facts, turn.text, m.characteristic, concept)
    if m.task and opens_not_which(turn.text) and not asks_which_concept(facts, turn.text):
        return on_recommend(facts, turn)  # "who keeps it updated?" asks the document, whatever NLU found in it
    if m.task:
        if ctx.topic == Topic.EXAMPLE:
            return [answers.is_example(store, facts.recommender, m.task, concept or ctx.concept)]
        result = answers.recommend(store, facts.recommender, m.task)
        # "and scaling back down afterwards, possible?" after "can BPO scale up?": no process the document
        # settles, but a topic, of the concept in context
        if not result.found and (found := answer_on_topic(facts, turn, concept or ctx.concept)):
            return found
        return [result]
    if found := answer_on_topic(facts, turn, concept or ctx.concept):
        return found
    if (concept is None and ctx.concept and is_question(turn.text)
            and not set(content_lemmas(turn.text)) & LIST_WORDS and (passages := passages_for(facts, turn))):
        return [passages]  # "who runs the servers then?" after "tell me about IaaS": the passages that answer it
    # "ok and what kind of stuff would they actually do for us" after "what's KPO?": the passages closest to it, of
    # the concept in context, not "which one do you mean?"
    if (concept is None and ctx.concept and asks_past_lead_in(turn.text) and content_lemmas(turn.text)
            and not set(content_lemmas(turn.text)) & LIST_WORDS):
        if WORK_DONE.search(turn.text):
            return [answers.examples(store, ctx.concept)]
        return [passages_for(facts, turn, coverage=ASKED_COVERAGE) or closest_passages(facts, turn)]
    # "ok and how does each one actually get there?" after what they share on cost: that similarity, of both
    if (concept is None and ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic
            and store.similarity(ctx.characteristic) and HOW_EACH.search(turn.text)):
        return [answers.similarity(store, ctx.characteristic)]
    if concept is None:
        # "what about paas?": the names the document never uses first
        notice = retrieve.unmentioned(facts.index, turn.text) if facts.index is not None else None
        if ctx.topic is None:
            first = store.concepts()[0].abbreviation
            names = " and ".join(c.abbreviation for c in store.concepts())
            nothing = Answer(WORDING["follow_up_nothing"].format(concepts=names, first=first), found=False)
            return [notice, nothing] if notice else [nothing]
        which = answers.which_concept(store, Intent.FOLLOW_UP)
        return [notice, which] if notice else [which]
    topic = ctx.topic
    if topic == Topic.CHARACTERISTICS:
        return [answers.characteristics(store, concept)]
    if topic == Topic.CHARACTERISTIC and ctx.characteristic:
        return characteristic_answer(facts, turn.text, ctx.characteristic, concept)
    if topic == Topic.ASPECT and ctx.aspect:
        return with_characteristic(facts, answers.compare_aspect(store, ctx.aspect, concept), concept)
    if topic == Topic.EXAMPLE:
        if ctx.task:
            return [answers.is_example(store, facts.recommender, ctx.task, concept)]
        return [answers.examples(store, concept)]
    return [answers.define(store, concept)]


def placed_example(facts: Facts, task: str) -> tuple[str | None, Answer | None]:
    """The concept a task names examples of ("benefits administration and payroll": BPO), and that placing, aside.

    Only when every example it names is placed under the same concept ("market research and payroll" names
    none); the placing is of the first example named.
    """
    fits = [answers.recommend(facts.store, facts.recommender, e) for e in examples_named(facts, task)]
    if not fits or not all(f.found and f.concept for f in fits) or len({f.concept for f in fits}) != 1:
        return None, None
    return fits[0].concept, replace(fits[0], aside=True)


#: A placing told and asked to be confirmed: "can you confirm?", "is that right?", "correct?".
CONFIRM = re.compile(r"\bconfirm\b|\b(?:is\s+that|am\s+i|are\s+we)\s+(?:right|correct)\b|\b(?:right|correct)\s*\?",
                     re.IGNORECASE)


def placed_after(found: list[Answer], placing: Answer | None) -> list[Answer]:
    """Answers on a topic, with the placing of the process asked of after them when all of them answer."""
    return [*found, placing] if placing is not None and all(a.found for a in found) else found


#: A follow-up asking how each of the concepts does it: "ok and how does each one actually get there?".
HOW_EACH = re.compile(r"\bhow\s+(?:does|do|did|would|will|can)\s+(?:each(?:\s+one|\s+of\s+them)?|both(?:\s+of\s+them)?|"
                      r"they)\b(?!\s+(?:differ|compare|contrast|vary))", re.IGNORECASE)


def on_cancel(facts: Facts, turn: Turn) -> list[Answer]:
    """A cancel with nothing in progress: a question NLU took for one is answered, else nothing is cancelled.

    "Does outsourcing free my team up to focus on the important stuff?" asks the document; a bare
    "stop" or "never mind" is told there is nothing to cancel.
    """
    if is_question(turn.text) and not set(content_lemmas(turn.text)) & STOPPING:
        if found := answer_on_topic(facts, turn):
            return found
        # what comes closest, saying the document does not answer it directly
        if passages := passages_for(facts, turn, coverage=CLOSEST):
            return [passages]
    # "how long are bpo contracts usually signed for, and what are the exit clauses like?": a question of a concept
    # named and opening with a question word, whatever word of stopping it holds, is asked of the document (not "can we
    # stop talking about kpo?")
    elif is_question(turn.text) and turn.mentions.concepts and set(opening_words(turn.text)[:1]) & WH_WORDS:
        return on_out_of_scope(facts, turn)
    names = " or ".join(c.abbreviation for c in facts.store.concepts())
    return [Answer(WORDING["nothing_to_cancel"].format(concepts=names), found=False, outcome=Outcome.OTHER)]


#: A message NLU finds off-topic that uses this many of the document's words is on what the document speaks of.
ON_THE_DOCUMENT = 2
#: Words for the providers the documents speak of.
PROVIDERS = frozenset({"vendor", "provider", "supplier", "outsourcer"})


def on_out_of_scope(facts: Facts, turn: Turn) -> list[Answer]:
    """A message NLU finds off-topic, answered from the document when it names a concept or points back at one.

    Which fits the process it ends asking about; the topic it asks about; the definition when
    it asks nothing but the concept ("whats iaas"); passages that hold most of its words, or
    the closest ones after saying the document does not answer it directly; else that the
    document does not say. A message about nothing of the document gets the scope, in the
    store's own names, after the names it uses that the document never does ("what does
    Microsoft 365 cost per user?").
    """
    # "recommend a good pizza place" is not about the document; "so who installs the software on it?" is, and
    # so is "will IT have to install anything?" after "we're moving our CRM to SaaS"
    follows = turn.context.concept and (turn.refers_back() or follow_up_question(facts, turn))
    # "our IT helpdesk resets passwords and logs tickets. which type would that be?" names no concept, but asks; so
    # does "my team builds demand forecasting models ..., what kind of outsourcing is that" (not a topic of outsourcing)
    if not turn.mentions.concepts and not follows and (fit := which_fits(facts, turn)):
        return [fit]
    # "how does an outsourcing partner help with seasonal spikes?" names no concept but the field they are kinds of,
    # and asks a topic of the document ("what's the best streaming service for kids?" asks none)
    # nor does "which is safer when demand swings?", which asks which of the two
    # nor does "how much work is each going to be for us to run?", which asks it of each of the two
    if (not follows and not turn.mentions.concepts
            and ((set(content_lemmas(turn.text)) & facts.names.field_words or EACH_OF_THEM.search(turn.text))
                 and asks_a_topic(facts, turn.text)
                 or which_of_two_on_a_topic(facts, turn.text))
            and (found := answer_on_topic(facts, turn))):
        return found
    # ("our staff laptop helpdesk tickets - outsource to which one?" asks which fits, naming no concept)
    if fit := which_fits(facts, turn):
        return [fit]
    # "Why would a company bother sending its payroll to another firm in the first place?": why a process the document
    # names is handed out, answered as such a question NLU found on the topic is
    if (not turn.mentions.concepts and set(opening_words(turn.text)[:1]) == {"why"}
            and document_names(facts, handed := handed_out(facts, turn.text))):
        return on_recommend(facts, replace(turn, mentions=replace(turn.mentions, tasks=[handed])))
    if not turn.mentions.concepts and not follows:
        asked = first_question(last_question(turn)).text
        # ("if we rent servers, do we get to pick the operating system ourselves?" names no concept, but a phrase of
        # the document: what comes closest, saying the document does not answer it directly if it does not)
        if (facts.index is not None and facts.index.says_phrase(asked)
                and (passages := passages_for(facts, turn, coverage=retrieve.LOOSE, sure=OFF_TOPIC_COVERAGE)) is not None):
            return [passages]
        # the names it uses that the document never does; a message on outsourcing, every such word its question
        # uses ("if we outsource payroll, does that change how our taxes are filed?": taxes, filed)
        notice = retrieve.unmentioned(facts.index, turn.text, capitalised=True) if facts.index is not None else None
        # (or on what the document speaks of, by two of its words: "how many weeks does it take to transition a
        # process over to a vendor")
        if notice is None and facts.index is not None:
            words = facts.index.question_words(asked)
            # (or asks of the document's providers: "what uptime sla do these vendors usually guarantee")
            if (set(content_lemmas(turn.text)) & (facts.names.field_words | PROVIDERS)
                    or len([w for w in words if w in facts.index.idf]) >= ON_THE_DOCUMENT):
                notice = retrieve.never_said(facts.index, asked, words, closest=retrieve.SAID_BY)
        return [*([notice] if notice else []), answers.out_of_scope(facts.store)]
    if found := answer_on_topic(facts, turn):
        return found
    # "key features of SaaS?", "list the characteristics of SaaS" (not "does SaaS have an offline mode feature?", which
    # asks of one)
    said = set(content_lemmas(turn.text)) - answers.concept_name_lemmas(facts.store)
    if turn.mentions.concepts and said & LIST_WORDS and not said - LIST_WORDS - topics.GRADING - ANSWER_FORM - {"list"}:
        return [answers.characteristics(facts.store, c) for c in turn.mentions.concepts]
    # "whats iaas", "saas, what is it exactly": nothing asked but the concept itself
    # ("saas vs iaas tl;dr?" asks how they differ; "explain saas and iaas like i'm 5" what each is)
    # ("saas in a nutshell?": words that only say how short the answer should be ask nothing more)
    # ("how would i explain saas to my non-technical manager in one line", "what's the one-sentence difference between
    # saas and iaas for a slide?", "quick way to tell a colleague what saas and iaas have in common?": who it is for)
    # ("list the differences between saas and iaas": the form asked too)
    left = (asked_besides_form(facts, turn.text) - {"list"} if turn.mentions.concepts and facts.index is not None
            else None)
    if left is not None and not left - INTENT_WORDS[Intent.COMPARE] - INTENT_WORDS[Intent.SIMILARITIES]:
        both = len(set(turn.mentions.concepts)) > 1
        differ = DIFFERENCE.search(turn.text) is not None
        if both and left & INTENT_WORDS[Intent.SIMILARITIES] and not differ:
            return [answers.similarities(facts.store)]
        if both and differ:
            return asks_how_they_relate(facts, turn.text) or [answers.compare(facts.store)]
        # ("so how much say do we keep with SaaS?" after "IaaS gives us pretty much full control, right?": the row the
        # conversation is on, of the concept now named, in words of its own)
        if (not left and not differ and len(set(turn.mentions.concepts)) == 1 and HOW_MUCH_OF.search(turn.text)
                and (row := row_on(facts, turn.context)) is not None):
            return [answers.compare_aspect(facts.store, row, turn.mentions.concept, turn.text)]
        if not left or differ:
            return (differ and asks_how_they_relate(facts, turn.text)
                    or [answers.define(facts.store, c) for c in turn.mentions.concepts])
    # "whats saas, is that like gmail?": nothing asked but the concept and names the document never uses: that, and
    # what the concept is (its examples may be the kind of thing the name is)
    if left and facts.index is not None and (unknown := facts.index.read(turn.text).unknown):
        if not left - set(content_lemmas(" ".join(unknown))) and (notice := retrieve.unmentioned(facts.index, turn.text)):
            return [notice, *(answers.define(facts.store, c) for c in dict.fromkeys(turn.mentions.concepts))]
    # NLU found it off-topic: passages are its answer only when they hold most of what the question is about,
    # else what comes closest, saying the document does not answer it directly
    passages = passages_for(facts, turn, coverage=retrieve.LOOSE, sure=OFF_TOPIC_COVERAGE)
    if (passages is None or not passages.found) and (row := row_of_one(facts, turn)) is not None:
        return row
    if passages is None and (related := asks_how_they_relate(facts, turn.text)):  # "saas vs iaas in one sentence pls"
        return related
    return [passages or answers.not_in_document(facts.store, asked_words(facts, turn.text, unsaid=True))]


def row_on(facts: Facts, context: Context) -> str | None:
    """The row of the table the conversation is on: its slot, else the one the last message named.

    Or the row named in the characteristic it named ("IaaS gives us pretty much full control, right?": Control).
    """
    if context.aspect and facts.store.aspect(context.aspect):
        return context.aspect
    if not context.earlier:
        return None
    last = context.earlier[0]
    named = resolve(last.get("entities") or [], facts.names, last.get("text") or "")
    if named.aspect and facts.store.aspect(named.aspect):
        return named.aspect
    rows = [a.name for a in facts.store.aspects()]
    return retrieve.row_named_after(named.characteristic, rows) if named.characteristic else None


#: "how much say do we keep ...", "how many options": an amount of a thing, not "how much is it" or "how much does it cost".
HOW_MUCH_OF = re.compile(r"\bhow\s+(?:much|many)\s+(?!(?:is|are|was|does|do|did|will|would|can|could|should|it|they|of)\b)"
                         r"[a-z]+\b", re.IGNORECASE)
#: Names of months and days, which name no product or company ("... and shrink it again in January?").
TIMES_OF_YEAR = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday christmas easter".split())


def row_of_one(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A row of the table NLU found, of the one concept a question of one sentence names, when nothing else answers it.

    "Is KPO a one-size-fits-all service or do they tailor it to the company?": Customization, of KPO, when the
    passage that comes closest is of the characteristic named after that row (Customization and Collaboration); not
    "does bpo hlp us focus on our core stuff", whose closest passage is no row's.
    """
    m = turn.mentions
    if not (m.aspect and facts.store.aspect(m.aspect) and len(set(m.concepts)) == 1
            and len(sentences_of(turn.text)) == 1 and is_question(turn.text)
            and (title := named_after_row(facts.store, m.aspect, m.concept)) is not None
            and (closest := passages_for(facts, turn, coverage=CLOSEST)) is not None
            and any(title in place.names or place.heading.endswith(f": {title}") for place in closest.sources)):
        return None
    return row_and_how(facts, turn, answers.compare_aspect(facts.store, m.aspect, m.concept, turn.text), m.concept)


#: Words of a message that thanks or signs off ("thanks, that covers the risks"): a topic it names asks nothing.
SIGNING_OFF = frozenset("thanks thank thx ty cheers bye goodbye cya later ttyl great perfect awesome cool nice "
                        "helpful got".split())


def on_side_question(facts: Facts, turn: Turn) -> list[Answer]:
    """A question NLU took for "yes", "no", "bye", "thanks" or a request for help, answered from the document; else nothing.

    "so do we have to buy the hardware outright?" after "what is IaaS?" asks the document, on the
    concept in context, and so does "no, what are the risks?" once the "no" is set aside. "no",
    "what can you do?" and a request for help that speaks to the assistant ("can you help me
    understand KPO risks?", "how do I ask about examples?") get the route's fixed response.
    """
    if facts.index is None:
        return []
    if not facts.index.read(turn.text).words:
        # "what do you actually get with iaas": what the one concept named is
        named = set(turn.mentions.concepts)
        if len(named) == 1 and is_question(turn.text) and IMPERSONAL_YOU.search(turn.text):
            return [answers.define(facts.store, named.pop())]
        # (or, naming none, what the concept in context is: "what do we get" after "Does IaaS come with software
        # preinstalled?")
        if not named and turn.context.concept and WHAT_WE_GET.match(turn.text):
            return [answers.define(facts.store, turn.context.concept)]
        # "what else does it give you?" after "Is BPO only about saving money?": a topic asked in no word the document
        # uses, of the concept in context
        # (not one to the assistant: "what are you good at?", "thanks, what's good about you?")
        if (is_question(turn.text) and not set(tokens(OBJECT_YOU.sub(" ", turn.text))) & TO_THE_ASSISTANT
                and asks_a_topic(facts, turn.text)
                and (found := answer_on_topic(facts, turn, turn.context.concept))):
            return found
        if not named and _kinds_of_work_asked(turn):
            return [answers.examples(facts.store, turn.context.concept)]
        return []
    # "and risks? theres gotta be downsides" asks, as a question or as a topic that follows on ("and the risks") or is
    # asked ("ok so which works out cheaper"), without thanks or goodbye; "no, cost isn't a concern for us" answers
    # the assistant
    words = set(tokens(turn.text))
    # (or "any catch" after "does bpo lower our operational risk": a topic asked of what there is, NLU's goodbye or not)
    topical = ((AGAIN_OPENING.search(turn.text) or words & WH_WORDS or ANY_OPENING.match(turn.text))
               and not words & SIGNING_OFF
               and asks_a_topic(facts, turn.text))
    m = turn.mentions
    named = m.concepts or m.aspects or m.characteristics or BOTH_MEANT.search(turn.text)
    # ("could outsourcing that help us cover all the hours?": something else helping, not the assistant)
    helping = (not HELP_ME.search(turn.text) and HELPS_SOMEONE.search(turn.text)
               and topics_asked(facts, turn.text))  # (not "can this help us?")
    to_the_assistant = TO_THE_ASSISTANT - {"help"} if named or helping else TO_THE_ASSISTANT
    # "what do you actually get with iaas": anyone, not the assistant (and "what do you need in place for it to work
    # well" after "what is BPO", of the concept in context)
    if (named or turn.refers_back() and turn.context.concept) and IMPERSONAL_YOU.search(turn.text):
        to_the_assistant -= {"you", "your"}
    # "how fast can my team start using it?": the asker's people, asking a topic, not the assistant ("does my company get
    # charged for this chat?", "can my manager see this too?")
    if MY_OWN.search(turn.text) and topical and not OF_THIS_CHAT.search(turn.text):
        to_the_assistant -= {"my"}
    # "how does outsourcing help with that?" after BPO's Focus on Core Activities: that characteristic, not the assistant
    # (so is "how does it help in the long run?" after KPO's Strategic Value)
    if (not HELP_ME.search(turn.text) and is_question(turn.text)
            and (HELPS_SOMEONE.search(turn.text) and (again := point_again(facts, turn)) is not None
                 or IT_HELPS.search(turn.text) and (again := point_again(facts, turn, pointed=True)) is not None)):
        return again
    if not (asks_something(turn.text) or topical) or words & to_the_assistant:
        return []
    if fit := which_fits(facts, turn):
        return [fit]
    if found := answer_on_topic(facts, turn, turn.context.concept):
        return found
    passages = passages_for(facts, turn)
    # ("does iaas come with our apps already set up on it?", and of a row: "we dont want to buy new servers and software,
    # can outsourcing help with that?": not "Okay.")
    if passages is None and named and is_question(turn.text):
        return [closest_passages(facts, turn)]
    if passages is None and not named and _kinds_of_work_asked(turn):
        return [answers.examples(facts.store, turn.context.concept)]
    return [passages] if passages is not None else []


def _kinds_of_work_asked(turn: Turn) -> bool:
    """Whether a follow-up asks what kinds of work the concept in context does: its examples.

    "what kind of apps are we talking?" after "So SaaS is basically renting software?", "what kinds of apps are we
    talking about here" after "can you explain saas quickly".
    """
    return bool(turn.context.concept and (kind := KIND_OF.search(turn.text))
                and lemma(kind.group(1).lower()) in KINDS_OF_WORK)


def on_greeting(facts: Facts, turn: Turn) -> list[Answer]:
    """A question after a greeting (set aside by :func:`~bot.answering.asking.question_asked`), answered; else nothing.

    "hi what is iaas" asks what the concept it names is; "hey, who takes care of updates and
    patches with saas?" is answered as a side question is. "hello there" and "hi, how are you?"
    get only the greeting, the domain's own response.
    """
    named = list(dict.fromkeys(turn.mentions.concepts))
    # "Good morning! Can you tell me the difference between BPO and KPO?": of a concept named, what NLU reads next, when
    # that is a question of the templates (not "hey, how much does a bpo agent cost per hour?", NLU's process)
    after = next((name for name, _ in turn.ranking if name != Intent.GREET), None)
    if named and after in AFTER_GREETING and asks_something(turn.text):
        return AFTER_GREETING[after](facts, replace(turn, intent=after))
    if (named and facts.index is not None and not facts.index.read(turn.text).words and is_question(turn.text)
            and not set(tokens(turn.text)) & TO_THE_ASSISTANT):
        return [answers.define(facts.store, concept) for concept in named]
    return on_side_question(facts, turn)


#: The questions of the templates a greeting may come before, by intent, and what answers them.
AFTER_GREETING: dict[str, Callable[[Facts, Turn], list[Answer]]] = {
    Intent.DEFINE: on_define, Intent.COMPARE: on_compare, Intent.SIMILARITIES: on_compare, Intent.EXAMPLE: on_example}


#: A question about what the assistant is ("are you a bot?", "am I talking to a real person?", "who are you?"); not
#: "hey bot, explain kpo" or "are you able to explain KPO?".
WHAT_IT_IS = re.compile(
    r"\b(?:are|r)\s+(?:you|u)\s+(?:(?:a|an|the|really|actually|just|even)\s+)*(?:real\b|human|person|people|bot|robot|"
    r"chatbot|ai\b|machine|computer|program|automated|live\b)|"
    r"\bam\s+i\s+(?:talking|speaking|chatting|writing)\s+(?:to|with)\b|\bwho\s+(?:are|r)\s+(?:you|u)\b|"
    r"\bwhat\s+(?:are|r)\s+(?:you|u)\W*$|"
    r"\bis\s+(?:this|that)\s+(?:(?:really|actually)\s+)?(?:a|an)\s+(?:real\s+)?(?:bot|robot|chatbot|human|person|ai|machine)\b",
    re.IGNORECASE)


def on_bot_challenge(facts: Facts, turn: Turn) -> list[Answer]:
    """A question NLU took for "are you a bot?", answered from the document; else nothing (the fixed reply).

    "Can you break down IaaS for me? I'm not a tech person." asks about a concept: it is answered
    as a question about it. A message that asks what the assistant is ("are you a bot that knows
    KPO?") gets the fixed reply, and so does one that names no concept and asks nothing of the
    document.
    """
    if WHAT_IT_IS.search(turn.text):
        return []
    if turn.mentions.concepts:
        return on_define(facts, replace(turn, intent=Intent.DEFINE))
    return on_side_question(facts, turn)


#: Words of a request that asks only to be told about what it names ("tell me about pay as you go"), as lemmas.
TELL_ME_WORDS = frozenset("tell explain describe detail details info information know learn talk".split())
#: Words that ask something of the document in each of its two cases, and nothing more.
OF_EACH = frozenset("document doc text case cases side sides each both".split())


#: A message that asks again, of another concept: "and what gets sent to a kpo?", "what about for kpo then?".
AND_OF_OTHER = re.compile(r"^\W*(?:and|(?:so\s+)?what\s+about|how\s+about)\b", re.IGNORECASE)
#: Words such a message may add to the last question and still ask only it again, as lemmas: of the work sent out or
#: done ("and what gets sent to a kpo?", "and what would a kpo handle?"), of the same question ("and kpo, same one?").
AGAIN_WORDS = frozenset({lemma(w) for w in SENDING} | set(
    "get go handle do question one same case then thing stuff kind sort type".split()))


def asks_only_again(facts: Facts, turn: Turn) -> bool:
    """Whether a message asks nothing beyond the concept it names and the last question's words.

    "and what gets sent to a kpo?" after "what kind of work usually goes to a bpo?" (not "and what does kpo stand for?",
    "and which companies use kpo?").
    """
    said = set(content_lemmas(turn.context.earlier[0].get("text") or "")) if turn.context.earlier else set()
    rest = set(content_lemmas(turn.text)) - said - answers.concept_name_lemmas(facts.store) - AGAIN_WORDS
    return not {w for w in rest if facts.index is None or not facts.index.only_says_how(w)}


def on_clarify(facts: Facts, turn: Turn) -> list[Answer]:
    """Offer the two likeliest readings of an unclear message, plus "something else".

    A message that is nothing but concept names, however spelled ("knowledg processs
    outsorcing"), is read as asking what they are.
    """
    if turn.mentions.concepts and only_concept_names(facts, turn.text):
        return [answers.define(facts.store, c) for c in turn.mentions.concepts]
    if fit := which_fits(facts, turn):  # "payroll processing for our three offices, is that bpo"
        return [fit]
    # "and what gets sent to a kpo?" after "what kind of work usually goes to a bpo?": the last question, of the other
    if (AND_OF_OTHER.match(turn.text) and len(set(turn.mentions.concepts)) == 1 and not turn.mentions.task
            and turn.context.earlier and asks_only_again(facts, turn)
            and turn.context.concept not in (None, turn.mentions.concept)
            and (again := on_follow_up(facts, replace(turn, intent=Intent.FOLLOW_UP)))):
        return again
    # "tell me about pay as you go": a characteristic or row by its name, and nothing else asked
    m = turn.mentions
    for named in filter(None, (m.characteristic, m.aspect)):
        # (or what the document says of it in each case: "What does the document say about customisation in each case?")
        if not m.concepts and not set(content_lemmas(turn.text)) - set(content_lemmas(named)) - TELL_ME_WORDS - OF_EACH:
            if named == m.characteristic:
                return characteristic_answer(facts, turn.text, named, None)
            return [answers.compare_aspect(facts.store, named, None, turn.text)]
    # "Long story short, my team of 4 ... What's the core difference between the two types in your doc?"
    if related := asks_how_they_relate(facts, turn.text):
        return related
    # "are there any downsides to handing stuff off to a bpo vendor?" asks about a topic, whatever NLU thought
    if (turn.mentions.concepts or turn.refers_back() and turn.context.concept) and (found := answer_on_topic(facts, turn)):
        return found
    # "any downsides?" after BPO's advantages: nothing but a topic, of the concept in context (else of both)
    if (not turn.mentions.concepts and topics.only_topic(turn.text, facts.topics)
            and (found := answer_on_topic(facts, turn, turn.context.concept))):
        return found
    # "where is the work done then?" after "Is outsourcing customer service considered BPO?": a short question on a
    # topic, of the concept in context
    if (not turn.mentions.concepts and turn.context.concept and is_question(turn.text)
            and len(content_lemmas(turn.text)) <= TOPIC_FOLLOW_UP and asks_a_topic(facts, turn.text)
            and (found := answer_on_topic(facts, turn, turn.context.concept))):
        return found
    if (named := characteristic_in_context(facts, turn)) is not None:
        return named
    # "which is safer when demand swings?": which of the two, on a topic
    # (or "which one means more work for my IT team?")
    if (not turn.mentions.concepts and (which_of_two_on_a_topic(facts, turn.text)
                                        or which_more(turn.text) and asks_a_topic(facts, turn.text))
            and (found := answer_on_topic(facts, turn))):
        return found
    # (a row NLU found of the one concept asked, whose characteristic comes closest, is that row: "Is KPO a
    # one-size-fits-all service or do they tailor it to the company?")
    if (row := row_of_one(facts, turn)) is not None:
        return row
    # "what kinda risks does outsourcing actually protect you against": what kinds of a topic, naming no concept, is
    # what the document says on it (the passages that come closest quote only the first sentence of each)
    if (is_question(turn.text) and not turn.mentions.concepts and WHAT_KINDS.match(turn.text)
            and asks_a_topic(facts, turn.text) and (found := answer_on_topic(facts, turn)) and all(a.found for a in found)):
        return found
    # a question the document's passages answer needs no guess at what was meant
    if is_question(turn.text) and (passages := passages_for(facts, turn)):
        return shared_not_weighed(facts, turn, passages) or [passages]
    # nor one that asks a topic the document speaks to, naming no concept ("we want the help desk covered overnight
    # without hiring a night shift ourselves. what does the doc point us to?": working hours)
    # (not one naming what the document never does: "is AWS cheaper than Azure for running a few VMs?", below; what
    # the asker tells before the question may: "We only have one part-time sysadmin. How much work on our side ...?",
    # and the names it never uses are said first: "We are choosing between AWS and Azure. How much work ...?")
    # (a later sentence may be the question, with no question mark: "our support team gets slammed every Q4 and then
    # its dead in jan. would outsourcing help w that or nah")
    if (any(map(is_question, sentences_of(turn.text))) and not turn.mentions.concepts and asks_a_topic(facts, turn.text)
            and facts.index is not None
            and not {w.casefold() for w in facts.index.read(first_question(last_question(turn)).text).unknown}
            - TIMES_OF_YEAR
            and (found := answer_on_topic(facts, turn)) and all(a.found for a in found)):
        notice = retrieve.unmentioned(facts.index, turn.text, capitalised=True)
        return [notice, *found] if notice is not None else found
    # nor one about a concept that they come close to ("with iaas where do the actual servers sit?"):
    # what comes closest, after saying the document does not answer it directly
    if (is_question(turn.text) and concepts_asked(turn)
            and (passages := passages_for(facts, turn, coverage=CLOSEST))):
        return [passages]
    # a clear question, in words of the document or of English, that the document does not answer
    # ("how many agents do we need to staff an outsourced customer service desk?") is told so, not asked what it meant
    if clear_question(facts, turn.text):
        return [closest_passages(facts, turn)]
    # nor is one that names what the document never does ("is AWS cheaper than Azure for running a few VMs?"): that,
    # with what comes closest if anything does
    if (is_question(turn.text) and facts.index is not None
            and (notice := retrieve.unmentioned(facts.index, turn.text, capitalised=True)) is not None):
        closest = closest_passages(facts, turn)  # (its "not in the document" answer says the names itself)
        return [notice, closest] if closest.items else [closest]
    entities = {}
    for key, value in ((Entity.CONCEPT, turn.mentions.concept), (Entity.ASPECT, turn.mentions.aspect),
                       (Entity.CHARACTERISTIC, turn.mentions.characteristic), (Entity.TASK, turn.mentions.task)):
        if value:
            entities[key] = value
    suffix = json.dumps(entities) if entities else ""
    # "help" and "out_of_scope" are what "Something else" leads to anyway
    unoffered = (Intent.HELP, Intent.OUT_OF_SCOPE)
    choices = [name for name, _ in turn.ranking if name in OFFERABLE and name not in unoffered][:2]
    buttons = [{"title": CLARIFY_LABELS[name], "payload": f"/{name}{suffix}"} for name in choices]
    buttons.append({"title": WORDING["clarify_other"], "payload": "/" + Intent.HELP})
    return [Answer(WORDING["clarify"], buttons=buttons, found=False, outcome=Outcome.CLARIFY)]
