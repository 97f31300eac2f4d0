"""The process a message describes, and which concept fits it.

A task ("invoice processing") is placed when the document settles it (:func:`which_fits`); several
processes named in one message are placed one by one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers
from bot.answering.answer import Answer
from bot.answering.entities import ACTORS, ORGANISATIONS, WANTING
from bot.answering.live import Facts
from bot.answering.questions import (
    ASKS_FIRST,
    FALLS,
    GENERIC_WORK,
    RECOMMEND_FRAME,
    WH_WORDS,
    WHICH_ARE_WE,
    asks_of_provider,
    asks_only_which_kind,
    compares_concepts,
    compares_on_a_topic,
    ends_asking_kind,
    ends_asking_which,
    kind_asked,
    names_both,
    offers_a_kind,
    starts_asking_which,
)
from bot.answering.turn import ASKS_OF_US, REQUEST_OPENERS, Turn, sentences_of
from bot.contract import Entity, Intent, Topic
from bot.text import content_lemmas, lemma, tokens

#: A description this long (in words, before its last sentence) is a process described, not a question asked.
DESCRIBED_WORDS = 12
#: A question of only which, run on after a description with no stop before it ("... a crm quick no setup which one").
RUN_ON_WHICH = re.compile(r"(?<=\w)\s+which\s+(?:one|of\s+(?:the\s+)?(?:two|them|these)|model|kind|type|is\s+it|"
                          r"should\s+(?:we|i)\s+(?:pick|choose|use|get|go\s+for))\s*\?*\s*$", re.IGNORECASE)
#: Which of the kinds is asked for: "which of the two outsourcing models", "which of these options".
CHOICE_ASKED = re.compile(r"\bwhich\s+(?:of\s+(?:the|these|those)\s+(?:two\s+|2\s+)?)?(?:outsourcing\s+)?"
                          r"(?:models?|types?|kinds?|options?)\b", re.IGNORECASE)
#: The words a description run on into such a question has at least.
RUN_ON_WORDS = 4
#: A first sentence that says what work is wanted done ("We need tax planning advice for ...", "our team wants someone
#: to ...").
WORK_WANTED = re.compile(r"^\W*(?:(?:so|hi|hello|ok|okay)\W+)?(?:we|i|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:really\s+|urgently\s+)?"
                         r"(?:need|needs|want|wants|would like|'d like|are looking for|'re looking for|am looking for)\b",
                         re.IGNORECASE)
#: A last sentence that asks only which kind is this short ("bpo or kpo?", "is that KPO then?").
SHORT_QUESTION = 6
#: "is that KPO?", "would it be BPO", "that's KPO right?": the process described before, offered as one concept.
POINTED_CHOICE = re.compile(r"\W*(?:(?:so|and|but|ok|okay)\W+)?(?:(?:is|would|will|does)\s+(?:that|it|this)|"
                            r"(?:that|it|this)(?:'s|\s+is|\s+would\s+be))\b", re.IGNORECASE)
#: A request to classify the process a message describes ("can you help me classify this: overnight phone answering").
CLASSIFY_THIS = re.compile(r"\bclassify\s+(?:this|that|it|these|them)\b|\bhow\s+(?:would|do|should)\s+(?:you|we|i)\s+"
                           r"classify\b", re.IGNORECASE)
#: The process a message says is handed out, after the verb that hands it out ("we want to send out invoice
#: scanning and indexing", "hand pharmacovigilance medical review to a specialist provider", "an external team
#: to do reservoir simulation modelling"), up to the end of its clause or whom it goes to.
HANDED_OUT = re.compile(
    r"\b(?:outsourc(?:e|es|ed|ing)|offshor(?:e|es|ed|ing)|send(?:s|ing)?\s+out|sent\s+out|"
    r"hand(?:s|ing|ed)?(?:\s+(?:off|over))?(?!\s+out\b)|farm(?:s|ing|ed)?\s+out|contract(?:s|ing|ed)?\s+out|"
    r"to\s+do|help\s+with|"
    # who is to do it: "need someone to take our inbound calls", "an outside team to staff the hotline", "a remote
    # team handling appointment scheduling" (not "we have to run an old app")
    r"(?:someone|somebody|team|firm|partner|agency|vendor|provider|lab|company|contractor|consultants|experts|"
    # (a doing that says what the work is stays in it: "specialists to analyse our sales data")
    r"specialists)(?:\s+(?:outside|external|else|externally))?\s+(?:to\s+(?:take(?:\s+(?:on|over))?|staff|run|build|"
    r"handle|perform|carry\s+out|do|(?=(?:pick\s+up|answer|field|deal\s+with|dig\s+into|look\s+into|research|analy[sz]e|review|manage|"
    r"process|prepare|"
    r"produce|write)\b))|handling))(?:\s+|(?<=\s))"
    # not the question after "what kind of outsourcing": "... does that count as?", "... is this?"
    r"(?!(?:to|it|them|this|that|something|everything|anything|does|do|did|is|are|was|would|will|can|could|should)\b)"
    r"(?:(?:our|the|its|their|all|some|my|your)\s+)?(?P<task>[^,.;:!?()]+?)"
    r"(?=\s+(?:to|with|because|since|which|where|so|next|this|last|is|are|was|were|has|have|and\s+(?:we|they|it|the))\b"
    r"|\s*[,.;:!?()]|\s-+\s|$)",
    re.IGNORECASE)
#: A process sent to a provider ("sending warranty claim form processing to an outside provider"); sending
#: invoices to customers hands nothing out.
SENT_TO = re.compile(
    r"\b(?:sen(?:d|ds|ding|t)|mov(?:e|es|ing|ed))\s+"
    # ("... sending its payroll to another firm ...")
    r"(?:(?:our|the|all|some|my|its|their)\s+)?(?P<task>[^,.;:!?()]+?)\s+to\s+(?:(?:an?|the|our|some|another)\s+)?"
    r"(?:(?:outside|external|third-party|specialist|offshore|nearshore|[\w]+-[\w-]+)\s+)?"
    r"(?:provider|vendor|firm|company|partner|specialist|contractor|agency|supplier|outsourcer|team)s?\b", re.IGNORECASE)
#: A clause that only says who asks or about what, before the message ("Logistics question: ...", "Media group here.").
PREAMBLE_END = r"\b(?:here|question|query)\s*$"
PREAMBLE = re.compile(rf"^\s*(?!(?:we|i|they|you|our|my)\b)(?:[\w&'-]+\s+){{0,3}}{PREAMBLE_END}", re.IGNORECASE)
#: A clause that says how the asker's own group is ("My team is tiny"): no work named
OUR_STATE = re.compile(r"^\s*(?:my|our)\s+(?:[\w-]+\s+)?(?:team|company|firm|department|business|office|staff|shop|"
                       r"startup|org|organi[sz]ation|group|agency)\s+(?:is|are|was|were|'s)\b", re.IGNORECASE)
#: ... in a clause of at most this many words ("our legal team is swamped with drafting ... contracts" names work).
OUR_STATE_WORDS = 5
#: A clause that only counts the asker's people (or has none): "2 devs", "no ops person".
HOW_MANY = re.compile(r"^\s*(?:\d+|no|one|two|three|four|five|a\s+few|only\s+\d+)\s+(?:[\w-]+\s+)?"
                      r"(?:devs?|developers?|engineers?|people|persons?|staff|employees?|admins?|sysadmins?|agents?|"
                      r"analysts?|accountants?|guys?|folks|techs?|hires?|fte?s?)\s*$", re.IGNORECASE)
#: Who wants what, before what they want ("our engineers need a ...", "the board would like someone to ...").
WANTED = re.compile(r"^.*?\b(?:wants?|needs?|wish(?:es)?|would like|'d like)\s+"
                    # whom they want for it ("a partner for", "someone to"), else the work's article
                    r"(?:(?:(?:an?|the|some)\s+)?(?:[\w-]+\s+)?(?:partner|provider|vendor|team|firm|agency|company|consultants?|"
                    r"specialists?|contractors?|supplier|experts?)\s+(?:for|to)\s+|(?:someone|somebody|people)\s+(?:for|to)\s+"
                    r"|(?:an?|the|some)\s+(?:to\s+)?|to\s+)",
                    re.IGNORECASE)
#: "we <verb>" opening a clause that then names the work ("we process airline seat change requests"), but not "we
#: are", "we want to", "we plan" and the like.
WE_DO = re.compile(r"\s*(?:we|i|they)\s+(?:(?:also|currently|still|usually|often|just|basically|mostly|now)\s+)?"
                   r"(?!(?:are|am|is|was|were|have|has|had|will|would|could|should|can|may|might|must|want|wants|need|"
                   r"needs|plan|plans|think|hope|wish|like|love|got|get|'re|'ve|'d|'ll)\b)[a-z]+\s+(?!to\b)(?=\w)",
                   re.IGNORECASE)
#: Answers about the user's own process: a name in it ("we use SAP for payroll") is part of the task.
DECIDING = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.ASK_TASK})
#: Of these, the intents whose messages may name a process: one that does is asked again only for why (its verdict
#: holds its reasons), never of another concept.
ABOUT_A_PROCESS = frozenset({Intent.RECOMMEND, Intent.INFORM})


def document_names(facts: Facts, task: str) -> bool:
    """Whether the document names a task among its examples ("payroll"), also inside a longer name ("its payroll")."""
    return bool(examples_named(facts, task))


def examples_named(facts: Facts, task: str) -> list[str]:
    """The document's examples a task names, in the order it names them ("market research and payroll")."""
    words = f" {' '.join(tokens(task))} "
    found = ((words.find(f" {' '.join(tokens(example))} "), example) for example in facts.names.examples)
    return [example for at, example in sorted(found) if at >= 0]


def asks_of_no_process(facts: Facts, text: str, task: str) -> bool:
    """Whether a one-sentence question asks about something of a concept's ("BPO call centres"), not which fits it.

    "is AI going to make BPO call centres obsolete?" asks about the future of a concept's call centres:
    the concept's name stands right before what NLU took for the task. "can a KPO do our financial
    modelling?" and "is BPO suitable for data entry?" still ask which fits.
    """
    at = text.casefold().find(task.casefold())
    before = tokens(text[:at])[-1:] if at > 0 else []
    # (a concept named after the task, "Would outside legal work fall under KPO?", asks which fits it)
    after = text[at + len(task):]
    return (len(sentences_of(text)) == 1 and bool(before) and facts.names.canonical(Entity.CONCEPT, before[0]) is not None
            and not document_names(facts, task) and facts.store.concept_of_example(task) is None
            and re.search(rf"\b(?:{facts.names.concept_names})\b", after, re.IGNORECASE) is None)


def _in_document(facts: Facts, phrase: str) -> bool:
    """Whether the document writes ``phrase`` as it is, word for word ("research and development")."""
    words = f" {' '.join(tokens(phrase))} "
    return any(words in f" {' '.join(tokens(p.text))} " for p in facts.store.passages())


def _names_a_process(facts: Facts, task: str) -> bool:
    """Whether a task is a process the document, or a reviewed everyday name of one, names ("actuarial modelling")."""
    return bool(task) and (document_names(facts, task) or bool(facts.recommender.aliases_in(task)))


def no_process_asked(facts: Facts, text: str, task: str) -> bool:
    """Whether a question asks about something else than a process to place.

    "do we have to buy new systems ourselves if we hand a process to a BPO?" names none (its
    "task" is no process); "could we outsource our claims processing?" hands one out and "do we
    need KPO for actuarial modelling?" names one; "We've never had a proper payroll process.
    Would a BPO provider bring its own way of doing things?" asks about the provider.
    """
    if asks_of_provider(facts, text, task):
        return True
    return not _names_a_process(facts, task) and not handed_out(facts, text)


#: A message that asks which fits each of several processes ("which is BPO and which is KPO?", "which of these").
EACH_ASKED = re.compile(r"\bwhich\b[^?.]*\band\s+which\b|\bwhich\s+(?:is|are)\s+which\b|\beach\s+of\s+(?:these|those|them)\b"
                        r"|\bfor\s+each(?:\s+(?:one|of\s+(?:them|these|those)))?\W*$|\bseparately\b|\brespectively\b",
                        re.IGNORECASE)


#: When the document settles fewer than two of the processes a message asks about each, it names at most this many.
EACH_AT_MOST = 3


def each_placed(facts: Facts, turn: Turn) -> list[Answer]:
    """Which concept fits each of several processes a message asks about, each on its own words.

    "we want to outsource payroll and market research, which is BPO and which is KPO?" and "our
    routine invoice matching and, separately, our pricing strategy work: which would be BPO and
    which KPO?" place each process; one verdict on all of them would weigh the one's words for
    the other. Only processes the message names apart and asks which fits.
    """
    if not EACH_ASKED.search(turn.text) or compares_concepts(turn):
        return []
    # (who asks is no process: "We're a 200-person insurance firm")
    # ("separately market research": the process, not how it is asked)
    tasks = list(dict.fromkeys(stripped for t in turn.mentions.tasks
                               if (stripped := re.sub(r"^(?:(?:separately|also|then|plus|both)\s+)+", "", t.strip(),
                                                      flags=re.IGNORECASE))
                               and content_lemmas(stripped) and not _names_who(stripped)))
    # "payroll and market research, which is BPO and which KPO?" (not "research and development": one process)
    if len(tasks) == 1 and not _in_document(facts, tasks[0]):
        tasks = [part for part in re.split(r",?\s+and\s+", tasks[0]) if content_lemmas(part)]
    if len(tasks) < 2:
        return []
    folded = [t.casefold() for t in tasks]
    if any(a != b and a in b for a in folded for b in folded):
        return []
    placed = [answers.recommend(facts.store, facts.recommender, task) for task in tasks]
    # "long story: mid size ecommerce co here, outsourcing accounts payable (invoices, payments) and separately
    # market research": the processes the document settles, not every fragment NLU took for one
    settled = [a for a in placed if a.found and a.topic == Topic.RECOMMEND]
    if len(settled) >= 2:
        placed = settled
    elif len(tasks) > EACH_AT_MOST:
        return []
    if not all(a.found or a.topic in DECIDING for a in placed):
        return []
    # "... and what are the risks of each?": the rows it asks too
    rows = [answers.compare_aspect(facts.store, aspect) for aspect in dict.fromkeys(turn.mentions.aspects)]
    return placed + [replace(row, aside=True) for row in rows]


def _described_then_asked(facts: Facts, turn: Turn, sentences: list[str]) -> bool:
    """Whether a message describes a process at length, then asks which kind it is, or asks nothing.

    "our legal team is swamped with drafting and reviewing supplier contracts. every deal is
    different, it needs qualified lawyers ... bpo or kpo?", "We need scanning and indexing old records
    ... Where does that sit?" and "We need tax planning advice for our expansion ... It's complex,
    requires specialised tax experts ..." (NLU's bare answer, no question at all) ask for a verdict
    on the process; the words of its description ("different", "risk", "data") ask nothing more.
    ``sentences`` are the message's (:func:`sentences_of`).
    """
    if len(sentences) < 2:
        return False
    last = sentences[-1]
    # (a message that asks nothing is all description)
    if len(tokens(" ".join(sentences[:-1]) if "?" in turn.text else turn.text)) < DESCRIBED_WORDS:
        return False
    names = facts.names.concept_and_kind_names
    # the last sentence is the question, and asks only which kind: "bpo or kpo?", "is that KPO?", not "Can you
    # compare BPO and KPO?", "Any tips for managing a BPO?" or "Now we are looking into KPO for our research team."
    short_choice = (len(tokens(last)) <= SHORT_QUESTION and not compares_concepts(replace(turn, text=last))
                    and not set(tokens(last)[:1]) & REQUEST_OPENERS
                    and (names_both(facts, last) or POINTED_CHOICE.match(last) is not None)
                    and ends_asking_which(facts, last)
                    # (not one that compares them on a topic: "... Which is riskier, BPO or KPO?")
                    and not topic_asked_instead(facts, turn, sentences))
    # "... Is that the routine kind or the knowledge kind?": one side in the words of the concepts' names; so for
    # "... is that the knowledge kind?" (not "the fixed-price or the hourly kind"); and "... How would you classify
    # it if we brought in an outside firm?"
    if (kind_asked(names).match(last) or short_choice or offers_a_kind(facts, last) or WHICH_ARE_WE.search(last)
            or FALLS.match(last)
            or CLASSIFY_THIS.match(last)
            or not any("?" in s for s in sentences[:-1]) and asks_only_which_kind(facts, last)):
        return True
    # a description of work wanted done that asks nothing ("We need tax planning advice for ... It's complex, ...");
    # not a request ("... Tell me the main risks of BPO."), nor a message about a concept
    return (turn.intent in ABOUT_A_PROCESS and "?" not in turn.text and not facts.names.names_a_concept(turn.text)
            and not any(set(tokens(s)[:1]) & REQUEST_OPENERS for s in sentences) and not ASKS_OF_US.search(turn.text)
            and WORK_WANTED.match(sentences[0]) is not None)


#: Processes told as the choice ("either our admin or our financial analysis", "claims data entry against actuarial
#: analysis"), not a process set against doing it in house ("hosted email instead of running our own mail server",
#: "data entry versus doing it ourselves").
ALTERNATIVES = re.compile(r"\b(?:or|against|versus|vs\.?)\s+(?!(?:(?:doing|running|keeping|handling)\s+(?:it|them)\s+)?"
                          r"(?:ourselves|in[- ]house|internally|our\s+own)\b)", re.IGNORECASE)


#: Words that name an arrangement with a provider, not work handed over ("one outsourcing deal").
ARRANGEMENTS = frozenset("deal contract agreement arrangement engagement partnership vendor provider supplier".split())


def topic_asked_instead(facts: Facts, turn: Turn, sentences: list[str]) -> bool:
    """Whether the last question compares the concepts on a topic instead of asking which fits what is told before it.

    So after processes told to choose between, or none the document settles: "We're weighing outsourcing either our
    admin or our financial analysis. Which is riskier, BPO or KPO?". After one process it settles the question asks which
    fits it: "We need a CRM for our sales team. Which is cheaper, SaaS or IaaS?". ``sentences`` are the message's.
    """
    if len(sentences) < 2 or not compares_on_a_topic(facts, sentences[-1]):
        return False
    told = replace(turn, text=" ".join(sentences[:-1]))
    task = named_task(facts, told)
    # (a deal or a contract told is no process: "Budget is tight this year and we can only afford one outsourcing deal.
    # Which is cheaper, BPO or KPO?")
    if not task or ALTERNATIVES.search(task) is not None or set(content_lemmas(task)) <= GENERIC_WORK | ARRANGEMENTS:
        return True
    # (nor after processes the document places apart: "We're moving our email and our virtual machines off our own
    # hardware. Which is cheaper, SaaS or IaaS?")
    parts = {p for t in [task, *turn.mentions.tasks] for p in re.split(r",?\s+and\s+|,\s*", t) if content_lemmas(p)}
    placed = {fit.concept for p in parts if (fit := answers.recommend(facts.store, facts.recommender, p)).found}
    return len(placed) > 1 or not answers.recommend(facts.store, facts.recommender, task,
                                                    task_from_text(facts, told.text)).found


def verdict_on_description(facts: Facts, turn: Turn) -> Answer | None:
    """Which concept fits the process a long message describes (:func:`_described_then_asked`), or that it is not settled."""
    sentences = sentences_of(turn.text)
    if not _described_then_asked(facts, turn, sentences):
        return None
    # named and weighed by the description, not by the question after it ("... or the knowledge kind?")
    body = " ".join(sentences[:-1]) if "?" in sentences[-1] else turn.text
    described = replace(turn, text=_without_lead_in(body))
    # (one it does not settle is said so: the message asks which kind, not about the words of its description)
    task = named_task(facts, described)
    return answers.recommend(facts.store, facts.recommender, task, task_from_text(facts, described.text)) if task else None


#: A lead-in before a colon is at most this many words ("Another one:", "And the last one is a bit mixed:").
LEAD_IN_WORDS = 8


def _without_lead_in(text: str) -> str:
    """A description less what leads into it: sentences of one content word ("OK."), a short lead-in before a colon."""
    sentences = sentences_of(text)
    while len(sentences) > 1 and len(content_lemmas(sentences[0])) < 2:
        sentences.pop(0)
    text = " ".join(sentences)
    before, colon, after = text.partition(":")
    if colon and len(tokens(before)) <= LEAD_IN_WORDS and len(tokens(after)) > len(tokens(before)):
        return after.strip()
    return text


def _fit(facts: Facts, task: str, described: str | None) -> Answer | None:
    """Which concept fits ``task``, weighing all a message says of it, if the document settles it."""
    fit = answers.recommend(facts.store, facts.recommender, task, described) if task else None
    return fit if fit is not None and fit.found else None


def which_fits(facts: Facts, turn: Turn) -> Answer | None:
    """Which concept fits the process a message describes and ends asking about, if the document settles it.

    "we write investment theses for a venture fund, is that KPO?" and "my department evaluates
    acquisition targets, which kind of outsourcing is that?" ask which fits, whatever intent
    NLU gives them; "is KPO more strategic than BPO?" compares the concepts instead.
    """
    # ("our sales team just needs a crm quick no setup which one": a description run on into a question of only which,
    # read as the two sentences it is)
    run_on = RUN_ON_WHICH.search(turn.text)
    if (run_on and len(sentences_of(turn.text)) == 1 and not set(tokens(turn.text)[:1]) & WH_WORDS
            and len(tokens(turn.text[:run_on.start()])) >= RUN_ON_WORDS):
        turn = replace(turn, text=f"{turn.text[:run_on.start()].rstrip(' ,;:-')}. {turn.text[run_on.start():].strip()}")
    # ("support team needs a ticketing tool by monday with zero setup. which one?": a last sentence asking only which)
    sentences = sentences_of(turn.text)
    if not (ends_asking_which(facts, turn.text) or WHICH_ARE_WE.search(turn.text) or CLASSIFY_THIS.search(turn.text)
            or starts_asking_which(facts, turn.text) or FALLS.match(turn.text) or ends_asking_kind(facts, turn.text)
            or len(sentences) > 1 and asks_only_which_kind(facts, sentences[-1])) or compares_concepts(turn):
        return None
    # (nor a last question that compares them on a topic after processes to choose between: "We're weighing outsourcing
    # our admin or our financial analysis. Which is riskier, BPO or KPO?")
    if topic_asked_instead(facts, turn, sentences):
        return None
    described = task_from_text(facts, turn.text)
    task = named_task(facts, turn)
    if turn.refers_back() and turn.context.task and not turn.mentions.task:
        task, described = turn.context.task, None  # "is object storage SaaS?" then "if not, which one is it?"
    # "Is vendor management only a BPO thing?" names a similarity, no process: left to the characteristic's answer;
    # so does "Does KPO also let a company focus on its core activities, or is that only a BPO thing?"
    if task and facts.names.canonical(Entity.CHARACTERISTIC, task) is not None:
        return None
    if (task and turn.mentions.characteristic
            and set(content_lemmas(turn.mentions.characteristic)) <= set(content_lemmas(task))):
        return None
    # "Is vendor management something we still need to worry about with KPO, or is that just a BPO thing?" asks of
    # the similarity it names: a lone word beside it that is something to do ("to worry") is no process to place
    if (task and turn.mentions.characteristic and len(tokens(task)) == 1 and not _names_a_process(facts, task)
            and re.search(rf"\bto\s+{re.escape(task)}\b", turn.text, re.IGNORECASE)):
        return None
    # "tbh whats the main reason ppl go w/ bpo?" asks a question of its own: words that open with a question word, or
    # hold one that says "is" ("whats"), name no process ("customer calls about where their parcel is" does)
    written = tokens(task.replace("'", " ")) if task else []
    if set(written[:2]) & WH_WORDS or set(written) & {"whats", "whys", "hows", "wheres", "whos"}:
        return None
    # ("which processes do companies typically outsource through BPO?": "processes do companies typically" is the
    # question's own frame)
    if QUESTION_FRAME.search(task or ""):
        return None
    # ("what sort of jobs would go to them then": "sort of jobs" asks a kind, names none; "Can you give me some examples
    # of processes companies typically hand off through BPO?" asks for examples)
    if written[1:2] == ["of"] and written[0] in {"sort", "sorts", "kind", "kinds", "type", "types", "example", "examples"}:
        return None
    # ("Are there risks to outsourcing processes through BPO?": "risks to processes" is a topic asked of any work, no
    # process the document names)
    # (not a process of such words, "regulatory compliance work": only a topic word set to some work by a preposition)
    if (placed := task or described) and not document_names(facts, placed) and TOPIC_OF_WORK.match(placed) and (
            set(content_lemmas(placed)) - GENERIC_WORK <= facts.names.topic_words):
        return None
    # "which is easier to live with as a vendor relationship day to day, BPO or KPO?" weighs the two on something,
    # naming no process: "live" is none to place
    if (len(set(turn.mentions.concepts)) > 1 and answers.COMPARATIVE.search(turn.text)
            and not _names_a_process(facts, task or "") and not _names_a_process(facts, described or "")):
        return None
    return _fit(facts, task, described)


#: A "task" that is a word set to work by a preposition ("risks to processes", "cost of work").
TOPIC_OF_WORK = re.compile(r"^[\w'-]+\s+(?:to|of|for|in|with|from|on|about|around)\s", re.IGNORECASE)
#: A question's own words taken for a process: a helping verb before who does it ("processes do companies ...").
QUESTION_FRAME = re.compile(r"\b(?:do|does|did|would|should|could|can|will)\s+(?:companies|businesses|firms|organi[sz]ations|"
                            r"we|you|they|people|i|most|clients)\b", re.IGNORECASE)
#: A description at least this long (in words) may name its work after sentences about the team ("I'm in Lisbon
#: with a team of nine ... Every morning we do delivery exception logging: ...").
STATED_WORDS = 25
#: Where a description says what its work is: "we do X", "my team does X", "our main job is X", "what we do is X",
#: "part of our work is X", "the piece I own is X"; X runs to a clause's end or to what it is for, on, in or with.
WORK_STATED = re.compile(
    # (in group "only", the forms that say nothing but what the work is)
    r"(?:(?P<only>\b(?:our|my|the)\s+(?:main\s+|core\s+|day-to-day\s+|daily\s+)?(?:job|work|role|remit)\s+is"
    r"|\bwhat\s+(?:we|i)\s+do\s+is|\bpart\s+of\s+(?:our|my)\s+(?:work|job|role)\s+is"
    r"|\bthe\s+(?:piece|part|bit)\s+(?:i|we)\s+(?:own|run|do|handle)\s+is)"
    r"|\b(?:we|i)\s+(?:(?:mostly|mainly|also|basically)\s+)?(?:do|handle|perform)"
    r"|\b(?:my|our)\s+(?:team|group|department|unit)\s+(?:mostly\s+|mainly\s+)?(?:does|handles|performs))\s+"
    r"(?!(?:it|this|that|not|so|a|an|the|lots?|all|some|many|much|more|most|everything|anything|nothing|have|has|"
    r"need|needs|think|want|know|like|great|good|well|very|really|quite|pretty|highly|around|about|over|under|"
    r"weekly|daily|monthly|head)\b)"
    r"(?P<task>\w[\w'/&-]*(?:\s+(?!(?:for|on|in|with|using|from|to|at|by|via|across|against|into|and|so|which|that|"
    r"where|when|because|but|every|each|all|daily|weekly)\b)\w[\w'/&-]*){0,5})", re.IGNORECASE)


def _work_stated(facts: Facts, text: str) -> str:
    """The work a long description says it does (:data:`WORK_STATED`), past sentences about who and where."""
    if len(tokens(text)) < STATED_WORDS:
        return ""
    # the forms that say only what the work is ("what we do is", "our main job is") before "we do" or "we handle"
    for match in sorted(WORK_STATED.finditer(text), key=lambda m: (m.group("only") is None, m.start())):
        task = match.group("task").strip()
        if (len(task.split()) > 1 and set(content_lemmas(task)) - GENERIC_WORK
                and not facts.names.names_a_concept(task)):
            return task
    return ""


def named_task(facts: Facts, turn: Turn) -> str:
    """The task a message describes: what it hands out; else NLU's if the document names it or it comes first.

    Else the first clause's: "my firm prepares environmental impact assessments ..., done by
    scientists and engineers with specialist certifications" is not about "engineers". A long description names
    it where it says what its work is (:func:`_work_stated`): "... we do delivery exception logging: ...".
    """
    handed = handed_out(facts, turn.text)
    if not handed and (stated := _work_stated(facts, turn.text)):
        return stated
    found = handed_or_found(turn.mentions.task, handed, turn.text, turn.mentions.tasks)
    if found and (found != turn.mentions.task or handed):
        return found  # what the message hands out ("credit risk model validation"), not who asks ("HR wants")
    name = task_name(facts, turn.text)
    if found and (found.casefold() in facts.names.examples or not name or found.casefold() in name.casefold()):
        return found
    return name or found or ""


def task_from_text(facts: Facts, text: str) -> str:
    """The task in a message when NLU found no span: the message less names and framing words.

    A name between an article or a possessive and the noun that ends the phrase goes with that
    noun: "a kpo vendor" says whom to hire, not how the work is done ("the BPO handles payroll" keeps "handles").
    """
    names = facts.names.concept_names
    # ("Which of the two outsourcing models fits this kind of work?": the choice, not "models" of work)
    text = CHOICE_ASKED.sub(" ", text)
    text = re.sub(rf"\b(?:an?|the|our|your|their)\s+(?:{names})\s+[\w-]+(?=\s*(?:$|[,.;:!?)]|\s(?:or|and|for|to|in|with)\b))",
                  " ", text, flags=re.IGNORECASE)
    text = re.sub(rf"\b(?:{names})\b", " ", text, flags=re.IGNORECASE)
    # (a framing or stop word inside an everyday name the reviewed data knows stays: "is a call centre bpo?"; looked up
    # only for such a word an alias is written with)
    written = re.findall(r"[\w&'-]+", text)
    framing = {w.lower() for w in written if w.lower() in RECOMMEND_FRAME or not content_lemmas(w)}
    known = ({word for alias, _ in facts.recommender.aliases_in(text) for word in tokens(alias)}
             if framing & facts.recommender.alias_words else set())
    words = [w for w in written if w.lower() not in RECOMMEND_FRAME - known]
    if not any(content_lemmas(w) for w in words):
        return ""
    while words and not content_lemmas(words[0]) and words[0].lower() not in known:
        words.pop(0)
    while words and not content_lemmas(words[-1]) and words[-1].lower() not in known:
        words.pop()
    return " ".join(words)


def with_alias_words(facts: Facts, text: str, task: str) -> str:
    """``task`` with the words before it that an everyday name the reviewed data knows opens with ("call center").

    NLU's span loses a leading stop word: "is a call center an example of bpo" names "center".
    """
    at = text.casefold().find(task.casefold())
    if at <= 0 or not {lemma(w) for w in tokens(task)} & facts.recommender.alias_lemmas:
        return task
    for alias, _ in facts.recommender.aliases_in(text):
        start = text.casefold().find(alias.casefold())
        if 0 <= start < at < start + len(alias):
            return text[start:at + len(task)]
    return task


def handed_out(facts: Facts, text: str) -> str:
    """The process a message says is handed out: "HR wants to outsource onboarding paperwork processing - ..."."""
    text = CHOICE_ASKED.sub(" ", text)  # ("which of the two outsourcing models": no models handed out)
    found = sorted([*HANDED_OUT.finditer(text), *SENT_TO.finditer(text)], key=lambda m: m.start())
    for handed in found:
        # its own words, framing words at its edges let go ("credit risk model validation" keeps "model")
        words = re.findall(r"[\w&'-]+", re.sub(rf"\b(?:{facts.names.concept_names})\b", " ", handed.group("task"),
                                                 flags=re.IGNORECASE))
        # ("pick up the phones" is work, not a choice)
        while words and (words[0].lower() in RECOMMEND_FRAME or not content_lemmas(words[0])) and not (
                [w.lower() for w in words[:2]] == ["pick", "up"]):
            words.pop(0)
        while words and (words[-1].lower() in RECOMMEND_FRAME or not content_lemmas(words[-1])):
            words.pop()
        if words and not set(content_lemmas(" ".join(words))) <= GENERIC_WORK:
            return " ".join(words)
    return ""


def _names_who(task: str) -> bool:
    """Whether NLU's task names who does or wants the work, not the work ("HR wants", "the sales team")."""
    words = [lemma(w) for w in tokens(task)]
    return bool(words) and (words[-1] in ACTORS or bool(set(words) & WANTING))


def handed_or_found(found: str | None, handed: str, text: str = "", every: tuple[str, ...] = ()) -> str:
    """What a message hands out (:func:`handed_out`), unless NLU's task is part of it; NLU's when it hands out nothing.

    "For our new mining site we plan to outsource environmental impact assessments to a firm"
    hands out the assessments, whatever NLU found; "... outsource our payroll processing for
    three offices" keeps NLU's "payroll processing". Several spans of NLU's (``every``), all parts of what is
    handed out, are that whole: "an outside team to pick up the phones and handle customer complaints".
    """
    if handed and len(set(every)) > 1 and all(t.casefold() in handed.casefold() for t in every):
        return handed
    # "Logistics question: we send ...", "Media group here. We'd like ...": what the message is about, who asks
    if found and (PREAMBLE.search(found) or re.search(rf"^\s*{re.escape(found)}\s+(?:here|question)\s*[.:]", text,
                                                      re.IGNORECASE)):
        found = None
    if found and re.search(r"\bclassify\b", found, re.IGNORECASE):  # "help me classify": the request, no work
        found = None
    if found and (wanted := WANTED.match(found)) and content_lemmas(found[wanted.end():]):
        found = found[wanted.end():].strip()  # "engineers need a patent landscape analysis": what they need
    # ("night" of "night-shift chat support" is a piece of a word)
    cut = bool(found) and re.search(rf"(?:^|\W){re.escape(found or '')}-\w", handed, re.IGNORECASE) is not None
    if not handed or found and not cut and not _names_who(found) and found.casefold() in handed.casefold():
        return found or handed
    return handed


#: A clause naming people in at most this many words names who asks ("a data scientist"), not the work.
SOMEONE_WORDS = 3


def task_name(facts: Facts, text: str) -> str:
    """A task's name in a message NLU found none in: its first clause with content, less who does it.

    "my firm prepares environmental impact assessments for infrastructure projects, done by
    scientists ..." names "environmental impact assessments for infrastructure projects", and "our
    lawyers perform legal due diligence reviews" names "legal due diligence reviews".
    """
    text = re.sub(r"^\s*(?:what would you call(?: (?:it|that|this) (?:when|if))?|how would you classify|"
                  r"(?:(?:can|could|would|will) (?:you|u) )?(?:please )?help (?:me|us) (?:to )?classify(?: (?:this|that|it))?|"
                  r"(?:which|wich) is|what (?:kind|type|sort) of (?:outsourcing|model|work) (?:is|are|would be))\s+", "",
                  text, flags=re.IGNORECASE)
    text = ASKS_FIRST.sub("", text)
    preamble = ""
    for clause in re.split(r"[,.;:!?()]|\s-+\s", text):
        if OUR_STATE.match(clause) and len(clause.split()) <= OUR_STATE_WORDS or HOW_MANY.match(clause):
            continue
        if PREAMBLE.search(clause):
            preamble = preamble or re.sub(rf"\s*{PREAMBLE_END}", "", clause, flags=re.IGNORECASE)
            continue
        # "we send shipment tracking updates", "We'd like a partner for audience analytics": the work
        if (m := WE_DO.match(clause) or WANTED.match(clause)) and content_lemmas(clause[m.end():]):
            clause = clause[m.end():]
        # ("I'm a data scientist. Our team does data analysis ...": who asks, not the work; "occupational
        # psychologists on our team do psychometric assessment design ..." names the work after them)
        if (name := task_from_text(facts, clause)) and not (facts.names.names_someone(name)
                                                             and len(name.split()) <= SOMEONE_WORDS):
            words = name.split()
            first = words[0].lower()
            if len(words) > 2 and (first in ORGANISATIONS and words[1].lower().endswith("s")
                                   or first.endswith("s") and any(lemma(first) in kinds
                                                                  for kinds in facts.recommender.people.values())):
                words = words[2:]  # "firm prepares ...", "lawyers perform ...": who, and the verb of what they do
            return " ".join(words)
    # "Data entry question - is that BPO?": nothing else names it
    return task_from_text(facts, preamble) if preamble else ""
