"""Answers gathered from the document's passages.

On a topic, the closest ones, a characteristic, what a definition or a table row leaves out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.entities import HEAD_END, without_misspelled_names
from bot.answering.live import Facts
from bot.answering.questions import (
    COMPARING,
    DIFFERENCE,
    GENERIC_WORK,
    INTENT_WORDS,
    KINDS_OF_WORK,
    asks_past_lead_in,
    asks_which_concept,
    says_nothing_new,
    suits_named,
    topics_asked,
)
from bot.answering.turn import (
    CLAIM_TAG,
    POINTS_BACK,
    Turn,
    clauses_of,
    compares_back,
    concepts_asked,
    is_question,
    opening_words,
    self_descriptions,
    sentences_of,
    without_spans,
)
from bot.contract import Entity, Intent, Outcome, Topic
from bot.text import content_lemmas, is_form_of, lemma, tokens
from bot.wording import QUESTION_WORDS, listed, say

#: Such a question is answered from passages that cover this much of it.
ASKED_COVERAGE = 0.3
#: A question that asks the document, not which fits, and that nothing answers better gets the passages that
#: cover this much of it, as what comes closest.
CLOSEST = 0.15
#: A question about a concept with this many words its definition does not use asks more than the definition.
BEYOND_WORDS = 3


def asked_words(facts: Facts, text: str, unsaid: bool = False) -> str:
    """The content of a question, for "the document does not say anything about ...": its own words.

    Args:
        facts: The store and its passages.
        text: The question.
        unsaid: Only the words the document never uses ("hardware" is no topic it is silent on).
    """
    concept_words = {w for c in facts.store.concepts() for w in tokens(f"{c.abbreviation} {c.name}")}
    stops = set(QUESTION_WORDS) | concept_words | retrieve.DOCUMENT_PARTS
    # (nor are "in terms of" and what asks the comparison: not "compare, terms or setup")
    text = re.sub(r"\bin\s+terms\s+of\b", " ", text, flags=re.IGNORECASE)
    text = CLAIM_TAG.sub("", text)  # (nor a tag asking to confirm: not "anything about right" of "saas right?")
    text = retrieve.IDIOMS.sub(" ", text)  # (nor an idiom's words: "one-size-fits-all")
    words = re.findall(r"[\w/&'-]+", without_misspelled_names(facts.names.full_names, text))  # (no word asked)
    comparing = INTENT_WORDS[Intent.COMPARE] | INTENT_WORDS[Intent.SIMILARITIES]
    # (nor an adverb, which only says how: not "mail server or instead")
    says_how = facts.index.only_says_how if facts.index is not None else lambda word: False
    kept = [i for i, w in enumerate(words) if w.lower() not in stops and (lemmas := content_lemmas(w))
            and not set(lemmas) <= comparing and not all(map(says_how, lemmas))]
    if not (unsaid and facts.index is not None):
        return " ".join(words[i] for i in kept) or "that"
    used = facts.index.idf
    # (an acronym the store relates to the document's words is said by them: "OS", "operating system")
    acronyms = facts.store.related([w.lower() for i, w in enumerate(words) if i in kept and w.isupper()])
    kept = [i for i in kept if not all(base in used for base in content_lemmas(words[i]))
            and words[i].lower() not in acronyms]
    # words side by side make a phrase ("cloud computing"), words here and there a list ("salary, agent or earn")
    phrases: list[list[str]] = []
    for i in kept:
        if phrases and i - 1 in kept:
            phrases[-1].append(words[i])
        else:
            phrases.append([words[i]])
    return listed(list(dict.fromkeys(" ".join(p) for p in phrases)), "or") or "that"


def with_characteristic(facts: Facts, row: Answer, concept: str | None) -> list[Answer]:
    """A row's answer for one concept, and beside it the concept's characteristic whose title names the row.

    "and with iaas, what exactly can I control": the row Control, and Full Control ("The customer
    chooses the operating system and every program above it."). A title that names only some of the row's words
    counts when the characteristic's text also uses a word of the row or of the concept's cell (Innovation and
    Technology, "invest in the latest technologies", for BPO's Technology Use; not High-Level Expertise for KPO's
    Employee Expertise, Highly Skilled Experts: its text speaks of neither). Asked of both concepts, what the prose
    says behind the row (:func:`_row_backing`).
    """
    if row.aspect is None or not row.found:
        return [row]
    if concept is None:
        return [row, *_row_backing(facts, row.aspect)]
    title = named_after_row(facts.store, row.aspect, concept)
    return [row] if title is None else [row, replace(answers.characteristic(facts.store, title, concept), aside=True)]


def _row_title_words(title: str) -> set[str]:
    """The words of a passage's title that may name a row: "Focus on Value Addition" names Value Addition.

    "Focus on Core Activities" is the client's own focus, not the row Focus.
    """
    return set(content_lemmas(re.sub(r"^\w+\s+on\s+", "", title)))


def named_after_row(store: answers.FactStore, aspect: str, concept: str) -> str | None:
    """The title of the concept's characteristic named after a row, if it has one.

    The one naming most of the row's words, and, when it names only some, whose text uses a word of the row or of
    the concept's cell.
    """
    named = set(content_lemmas(aspect))
    found = store.concept(concept)
    # (the one naming most: "Focus on Value Addition" before "Strategic Value" for Value Addition; a word's other form
    # names it too: Complexity, "Complex and Analytical Work")
    shared = [(sum(any(w == t or is_form_of(w, t) or is_form_of(t, w) for t in _row_title_words(item.title)) for w in named),
               -n, item)
              for n, item in enumerate(found.characteristics if found is not None else ())]
    best = max(shared, default=(0, 0, None), key=lambda s: s[:2])
    if not best[0]:
        return None
    if best[0] < len(named):
        cell = set(content_lemmas(store.aspect_value(aspect, concept) or ""))
        if not (cell | named) & set(content_lemmas(best[2].text)):
            return None
    return best[2].title


def _row_backing(facts: Facts, aspect: str) -> list[Answer]:
    """What the document's prose says behind a row asked of both concepts, as asides.

    The similarity named after the row ("Which one is more innovative?": Innovation and Improvement, "Both BPO and
    KPO can drive innovation. ..."; Risk Type: Risk Management, whose text speaks of "operational risks"; Management:
    Vendor Management, whose text says a cell's "vendor", not Risk Management); else each concept's characteristic
    named after the row (Value Addition: KPO's Focus on Value Addition; Control: IaaS's Full Control).
    """
    store = facts.store
    row = store.aspect(aspect)
    if row is None:
        return []
    named = set(content_lemmas(row.name))
    cells = {w for v in row.values.values() for w in content_lemmas(v)} - named
    scored = []
    for shared in store.similarities():
        common = named & _row_title_words(shared.title)
        # (a title naming only some of the row's words counts when its text says a word of the cells)
        speaks = bool(cells & set(content_lemmas(f"{shared.title} {shared.text}")))
        if common and (common == named or speaks):
            scored.append(((len(common), speaks), shared.title))
    best = max((s for s, _ in scored), default=None)
    alike = [title for s, title in scored if s == best]
    if len(alike) == 1 and (found := answers.similarity(store, alike[0])) is not None:
        return [replace(found, aside=True)]
    return [replace(answers.characteristic(store, title, c.abbreviation), aside=True)
            for c in store.concepts() if (title := named_after_row(store, row.name, c.abbreviation)) is not None]


def topic_over_row(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A topic asked in a phrase that holds a word of the row NLU found, answered instead of the row.

    "how does outsourcing reduce risk exactly?" asks how risk is spread and reduced, not the Risk Type row; "what are
    the risks of KPO?" names the row's word alone, and gets the row.
    """
    written = tokens(turn.text)
    # (of any row found: "will our people finally get to focus on what we're actually good at?" found Employee
    # Expertise first, by "our people", and Focus)
    row_words = {w for row in turn.mentions.aspects for w in content_lemmas(row)}
    asked = topics_asked(facts, turn.text) if facts.index is not None else []
    for topic in asked:
        if any(topics.phrase_places(written, phrase) and set(content_lemmas(phrase)) & row_words
               for phrase in topic.phrases):
            return answer_on_topic(facts, turn) or None
    # "which costs specifically does bpo bring down - people, office space, software?": which of a topic is asked, and
    # several rows were found by other words, none of their names written (one row found so stays the answer: "What
    # kind of people work at KPO firms?", the row Employee Expertise)
    head = WHICH_OF.match(turn.text)
    said = set(content_lemmas(turn.text))
    rows = set(turn.mentions.aspects)
    if (head and len(rows) > 1 and any(lemma(head.group(1).lower()) in t.asks for t in asked)
            and not any(set(content_lemmas(row)) & said for row in rows)):
        return answer_on_topic(facts, turn) or None
    return None


def row_answers_topic(facts: Facts, turn: Turn) -> bool:
    """Whether the row NLU found, named in the question, answers a topic it asks by a cell.

    "what value does each model deliver? Is KPO just another way to save money?" names the row Value Addition, whose
    cell "Cost Savings" holds a word the cost topic finds: the row answers both. Not when a phrase of the topic holds
    the row's word ("which gives better value for money?" asks the cost).
    """
    row = facts.store.aspect(turn.mentions.aspect) if turn.mentions.aspect and facts.index is not None else None
    if row is None:
        return False
    row_words = set(content_lemmas(row.name))
    if not row_words & set(content_lemmas(turn.text)):
        return False
    cells = set().union(*(content_lemmas(cell) for cell in row.values.values()))
    written = tokens(turn.text)
    asked = topics_asked(facts, turn.text)
    if any(topics.phrase_places(written, phrase) and set(content_lemmas(phrase)) & row_words
           for topic in asked for phrase in topic.phrases):
        return False
    return any(topic.finds & cells for topic in asked)


#: A question that asks when something was ("when did KPO first become a thing?"), which no sentence without a date
#: answers.
WHEN_PAST = re.compile(r"\bwhen\s+(?:did|was|were)\b", re.IGNORECASE)
#: A question that opens asking which or what of something ("which costs ...", "what kinds of risks ..."): the word.
WHICH_OF = re.compile(r"^\W*(?:which|what)\s+(?:(?:kinds?|sorts?|types?)\s+of\s+)?([a-z]+)\b", re.IGNORECASE)


def similarity_quoted(store: answers.FactStore, passages: Answer) -> tuple[str, bool] | None:
    """The similarity an answer of passages quotes, or one named alike a characteristic it quotes, if any.

    "does bpo or kpo free us up more to focus on our core business?" finds BPO's Focus on Core Activities, which is
    also the similarity Focus on Non-Core Activities. Returns the title (the first passage's that leads to one) and
    whether any passage quotes a sentence of a similarity itself ("Both BPO and KPO enable ...").
    """
    shared = store.similarities()
    titles = [s.title for s in shared]
    found: str | None = None
    quoted = False
    for item in passages.items:
        text = item.strip(' "')
        if (similarity := next((s for s in shared if text in s.text), None)) is not None:
            quoted = True
            found = found or similarity.title
        elif found is None:
            found = next((alike for concept in store.concepts()
                          for characteristic in store.characteristics(concept.abbreviation)
                          if text in characteristic.text and (alike := _named_alike(characteristic.title, titles))),
                         None)
    return (found, quoted) if found is not None else None


def one_similarity(facts: Facts, turn: Turn) -> Answer | None:
    """The similarity a question about what the concepts share asks about, if it asks about one.

    NLU's characteristic when it is a similarity's title ("Vendor Management"), else the one
    similarity whose title shares a word with the question ("... in common when it comes to risk?":
    Risk Management). "Yes:" first for a question whether both have it.
    """
    store, m = facts.store, turn.mentions
    # ("so which of the two is cheaper?" compares them: the document does not, on cost)
    if topics.compares(turn.text, list(m.concepts)):
        return None
    asked = set(content_lemmas(turn.text)) - answers.concept_name_lemmas(store)
    titles = [m.characteristic] if m.characteristic and store.similarity(m.characteristic) else [
        s.title for s in store.similarities() if set(content_lemmas(s.title)) & asked]
    if not titles:  # ("... in common when it comes to money?": Cost Efficiency, named and spoken of by the topic asked)
        asked_topics = topics_asked(facts, turn.text)
        titles = [s.title for s in store.similarities()
                  if any(set(content_lemmas(s.title)) & t.asks and set(content_lemmas(s.text)) & t.finds
                         for t in asked_topics)]
    if len(titles) != 1:
        return None
    # "do they both ...?", "are BPO and KPO both ...?": yes, it is a similarity ("can one provider handle both?" is no such)
    names = facts.names.concept_names
    yes = re.match(rf"\W*(?:do|does|are|is|can|will|would)\s+(?:(?:they|(?:{names})\s+and\s+(?:{names}))\s+)?both\b",
                   turn.text, re.IGNORECASE) is not None
    return answers.similarity(store, titles[0], yes=yes)


#: A part of the last answer pointed at: "the hosting part", "that pricing bit", "more about the second one".
PART_OF_IT = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){1,2}?(?:part|bit|point|piece|one)\b|\bmore\s+about\b",
                        re.IGNORECASE)
#: "more about", which asks for more, not for which has more.
MORE_ABOUT = re.compile(r"\bmore\s+(?:about|on)\b", re.IGNORECASE)


def similarity_asked_after(facts: Facts, turn: Turn) -> Answer | None:
    """The similarity a follow-up to the similarities points at: "does that include innovation?" (not the row).

    Right after the similarities, a question that refers back to them, names no single concept, asks no
    difference, and names one similarity's title (or a word of it) asks about that similarity.
    """
    # ("how do they differ on innovation?" asks the row; "tell me more about the hosting part" points at one of them)
    if (turn.context.topic != Topic.SIMILARITIES or not (turn.refers_back() or PART_OF_IT.search(turn.text))
            or len(set(turn.mentions.concepts)) == 1
            or DIFFERENCE.search(turn.text) or COMPARING & set(tokens(MORE_ABOUT.sub(" ", turn.text)))):
        return None
    return one_similarity(facts, replace(turn, text=MORE_ABOUT.sub(" ", turn.text)))


#: The words before a concept a question holds the one in context against: "than BPO", "like SaaS", "as with KPO".
AGAINST = r"(?:than|like|unlike|as\s+(?:with|for|in)|same\s+as)"


def last_named(facts: Facts, turn: Turn) -> str | None:
    """The one concept the last message named, if it named one."""
    if not turn.context.earlier:
        return None
    named = {facts.names.canonical(Entity.CONCEPT, e.get("value")) for e in turn.context.earlier[0].get("entities") or []
             if e.get("entity") == Entity.CONCEPT} - {None}
    return named.pop() if len(named) == 1 else None


def answer_on_topic(facts: Facts, turn: Turn, concept: str | None = None) -> list[Answer]:
    """What the document says on the topic the question asks about, if it asks about one.

    Args:
        facts: The store and what is derived from it.
        turn: The question.
        concept: The concept a follow-up is about when the question names none.
    """
    # (what the asker says of themselves names no topic asked: "new hire here, what's KPO?" asks nothing of hiring)
    asked = topics_asked(facts, without_spans(turn.text, self_descriptions(turn.text, facts.names)))
    if not asked:
        return []
    concepts = list(turn.mentions.concepts) or ([concept] if concept else [])
    # (the concept in context, else the one the last message named: "does it give better quality than a BPO would?"
    # after "KPO sounds like a good option for us.", whose answer kept none)
    before = turn.context.concept or last_named(facts, turn)
    # (not one asking which of the two: "... our actual core business - which of the two helps more with that?")
    if not concepts and turn.refers_back() and before and not THE_TWO.search(turn.text):
        concepts = [before]
    elif (before and before not in concepts
          and (re.search(rf"\b(?:is|are|'s|does|do|would|will|can)\s+(?:it|they)\b[^.?!]*\b{AGAINST}\s+(?:an?\s+|the\s+)?"
                         rf"(?:{facts.names.concept_names})\b", turn.text, re.IGNORECASE)
               or compares_back(replace(turn, context=replace(turn.context, concept=before)), concepts))):
        # "is it more expensive than BPO?" and "does it cost more than bpo then" after KPO: KPO against BPO; "is it
        # billed monthly like saas?" after IaaS; "how does it compare on quality with kpo?" after BPO
        concepts = [before, *concepts]
    if (both_sides := topics.pros_and_cons(facts.store, turn.text, asked, concepts)) is not None:
        return both_sides
    found = topics.answer(facts.store, turn.text, asked, concepts)
    # "how fast can ppl start using a saas tool?": no sentence on the topic (efficiency) for SaaS, but passages that
    # answer the question ("The application works as soon as an account exists.")
    # ("which one is more secure?": a passage that holds only a relative of the topic's own word, "fixed" for
    # "secure", answers nothing the topic did not)
    # (nor one that holds a word of the topic's phrase: "is KPO only for big companies?" asks company size, not what
    # the document says companies do)
    asks = {lemma(w) for t in asked for w in t.asks}
    phrased = set().union(*(t.phrase_words for t in asked))
    beside_topic = (not found.found and facts.index is not None
                    and any(h.matched - asks - phrased
                            or (h.matched - phrased) & set(content_lemmas(f"{h.passage.title} {h.passage.text}"))
                            for h in facts.index.find(turn.text, concepts, limit=3)))
    passages = retrieve.answer(facts.index, turn.text, concepts) if beside_topic else None
    # "will we need to hire a sysadmin if we go with iaas?": nothing on the people for IaaS, but on the work it takes on
    # the customer's side, said to be that (not when passages answer the question outright: "who sets the service
    # levels, us or the provider?")
    instead = [t for t in facts.topics if t.key in {a.otherwise for a in asked}]
    if (not found.found and instead and (other := topics.answer(facts.store, turn.text, instead, concepts)).found
            and not (passages is not None and passages.found)):
        notice = say("topic_instead", topic=listed([t.name for t in asked]), concepts=" and ".join(
            concepts or [c.abbreviation for c in facts.store.concepts()]))
        found = replace(other, text=f"{notice} {other.text}")
    if beside_topic and not found.found:
        if passages is not None:
            # ("when did kpo first become a thing as an industry?": passages found by "industry" do not say when; "can
            # KPO also be done nearshore?": BPO's sentence on it is not KPO's) what was asked is said to be
            # uncovered first, when the passages are another concept's, or the question asks when something was
            if (concepts and passages.concept not in (None, *concepts)) or WHEN_PAST.search(turn.text):
                return [found, replace(passages, text=say("passages_near"), found=False)]
            return [passages]
        # ("security insists on choosing the exact OS and locking it down themselves. which option lets them do that?":
        # no sentence on security, and what comes closest on the rest, after saying so)
        if (asks_which_concept(facts, turn.text)
                and (passages := retrieve.answer(facts.index, turn.text, concepts, coverage=CLOSEST)) is not None):
            return [replace(found, aside=True), passages]
    # "What uptime guarantee do SaaS vendors normally offer?" names the vendor; what it asks is the rest
    # (not a comparison, which is told the document does not compare them; nor a message about a process)
    if (facts.index is not None and not topics.compares(turn.text, concepts)
            and all(topics.asked_weakly(turn.text, t) for t in asked)):
        left = retrieve.unanswered(facts.index, turn.text, [found])
        if not turn.mentions.task and retrieve.leaves_most(facts.index, turn.text, left):
            return [closest_passages(facts, turn)]
        # "What notice period should we put in the termination clause of our contract?": what it asks is the words
        # the document never uses, said first
        # (a word the topic's answer says only by a narrower or broader one is not said: "can we get out of a BPO
        # contract early without paying a penalty?", where "advantage" says no penalty)
        if found.found and (notice := retrieve.never_said(
                facts.index, turn.text, retrieve.unanswered(facts.index, turn.text, [found], closest=retrieve.SAID_BY),
                closest=retrieve.SAID_BY)) is not None:
            return [notice, found]
    # "what languages do offshore BPO agents usually speak?": the thing asked for is one the document never names,
    # said before what it says on the topic (where the work is done)
    if (found.found and facts.index is not None and (head := THING_ASKED.match(turn.text))
            and head.group(1).lower() not in CHOICE_WORDS and not head.group(1).lower().endswith("ly")
            and (notice := retrieve.never_said(facts.index, turn.text, [lemma(head.group(1).lower())],
                                               closest=retrieve.SAID_BY)) is not None):
        return [notice, found]
    return [found]


#: Words for what is chosen or how, not a thing asked for ("which one will be cheaper", "what way would work").
#: (nor an adverb: "what exactly does KPO cost?", "what else")
CHOICE_WORDS = frozenset("one ones option options model models way ways thing things part parts kind kinds type types "
                         "sort sorts approach approaches choice choices else".split())
#: "what languages do ...", "which guarantees can ...": the thing a question asks for, before the verb that asks it.
THING_ASKED = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)*(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?"
                         r"([a-z]{3,})\s+(?:do|does|did|is|are|was|were|can|could|would|will|should|has|have)\b",
                         re.IGNORECASE)


#: A last sentence that asks to place the process ("can you help me classify this", "what would this fall under").
CLASSIFYING = re.compile(r"\b(?:classif\w*|categori[sz]\w*|categor(?:y|ies)|bucket|class(?:ed)?\s+as|fall(?:s)?\s+"
                         r"(?:under|into)|come(?:s)?\s+under|counts?\s+as)\b", re.IGNORECASE)


#: A question, then another after "and" ("Which kind of outsourcing is that, and what's the main reason companies do
#: it?").
THEN_ASKED = re.compile(r"^(.+?)(?:,\s*|\s+)and\s+((?:what|what's|how|who|why|where|when|is|are|does|do|can|will|would)\b.+)$",
                        re.IGNORECASE)


def topic_beside_verdict(facts: Facts, turn: Turn, verdict: Answer) -> Answer | None:
    """What the document says on a topic a question asks beside the process it names, of the concept that fits.

    "We have huge seasonal peaks in Q4 in customer care. Can BPO help with that?" is placed (customer care is
    BPO's), and asks about flexibility too. The topic is asked by a question, or by the sentence before one that
    points back to it ("... help with that?"); what the message tells of the asker ("We have 3 employees on IT
    support.") asks nothing. Not when the message asks which concept fits what it describes ("we do data entry,
    routine and low cost. which fits?", "... Is that BPO, KPO, or something else entirely?"), and the process's own
    words ask no topic.
    """
    sentences = sentences_of(turn.text)
    # "... Is that BPO or KPO, and what kind of people would the provider need?": which fits, then another question,
    # whose topic is asked of the one that fits
    if (then := THEN_ASKED.match(sentences[-1])) and asks_which_concept(facts, then.group(1)) and verdict.concept:
        asked = topics_asked(facts, then.group(2))
        if asked and (found := topics.answer(facts.store, then.group(2), asked, [verdict.concept])).found:
            return replace(found, aside=True)
    # ("Is that BPO, KPO, or something else entirely?" offers the concepts to choose from)
    # (a last sentence may ask without a question mark: "We want support at 3am without a night shift. can bpo do that")
    if (not (is_question(turn.text) or is_question(sentences[-1])) or verdict.concept is None or not verdict.task
            or len(facts.names.concepts_named(sentences[-1])) > 1
            or asks_which_concept(facts, sentences[-1]) or "which" in tokens(sentences[-1])
            or suits_named(facts, turn.text)  # ("... checking hours ... Is this the kind of thing BPO covers?")
            or CLASSIFYING.search(sentences[-1])):
        return None
    asking = [s for i, s in enumerate(sentences) if is_question(s)
              or i + 1 < len(sentences) and is_question(sentences[i + 1]) and POINTS_BACK.search(sentences[i + 1])]
    # (what the task's name says after its head may ask one: "process our supplier invoices at night")
    rest = re.sub(re.escape(HEAD_END.sub("", verdict.task) or verdict.task), " ", " ".join(asking), flags=re.IGNORECASE)
    asked = topics_asked(facts, rest)
    if not asked:
        return None
    found = topics.answer(facts.store, rest, asked, [verdict.concept])
    # (or that the document does not cover one it leaves out: "Could we outsource our customer service domestically, to
    # a BPO in our own country?")
    if not found.found and all(t.apart for t in asked):
        return replace(found, aside=True, outcome=Outcome.NOT_COVERED)
    return replace(found, aside=True) if found.found else None


def topic_left(facts: Facts, turn: Turn, left: list[str]) -> Answer | None:
    """What the document says on a topic the question asks about with words an answer left out, as an aside."""
    # (a topic asked by a phrase counts when a word of the phrase was left: "why would a company ...")
    written = tokens(turn.text)
    asked = [t for t in topics_asked(facts, turn.text)
             if t.asks & set(left) or any(topics.phrase_places(written, p) and set(content_lemmas(p)) & set(left)
                                          for p in t.phrases)]
    if not asked:
        return None
    found = topics.answer(facts.store, turn.text, asked, concepts_asked(turn))
    return replace(found, aside=True) if found.found else None


#: "which of the two is that?", "which one has that?", "ok but which of them does that better": of the last answer's
#: characteristic or similarity, which concept it belongs to.
WHOSE = re.compile(r"^\W*(?:(?:ok|okay|so|and|but|then|hmm)\W+)*which\s+(?:one|of\s+(?:the\s+two|the\s+2|them|those|"
                   r"these|both))\s+(?:is|has|does|offers|gives|provides|means)\s+(?:that|it|this)"
                   r"(?:\s+(?:one|better|more|best|most))?\W*$", re.IGNORECASE)


def whose_characteristic(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Which concept the last answer's characteristic belongs to; of a similarity, that the document weighs neither.

    "which of the two is that?" (or "is that a bpo thing or a kpo thing") after "tell me about pay as you go" is
    answered by the characteristic again, which names its concept; "ok but which of them does that better" after a
    similarity is told that the document names it as shared, with the similarity.
    """
    ctx = turn.context
    # ("is that a bpo thing or a kpo thing" after Strategic Value asks whose it is too)
    names = facts.names.concept_names
    whose = WHOSE.match(turn.text) or re.match(
        rf"^\W*(?:(?:ok|okay|so|and|but|then|hmm)\W+)*(?:is|are)\s+(?:that|it|this|those|these)\s+(?:more\s+of\s+)?"
        rf"(?:an?\s+)?(?:{names})(?:\s+(?:thing|one|trait|feature))?\s+or\s+(?:an?\s+)?(?:{names})"
        rf"(?:\s+(?:thing|one|trait|feature))?\W*$", turn.text, re.IGNORECASE)
    if ctx.topic != Topic.CHARACTERISTIC or not ctx.characteristic or not whose:
        return None
    owners = {abbreviation for abbreviation, _ in facts.store.characteristic(ctx.characteristic)}
    # ("Cost Efficiency" is BPO's characteristic and a similarity too: the one the last answer was about)
    weighs = answers.COMPARATIVE.search(turn.text) is not None  # ("which of them does that better": neither, if shared)
    if ((weighs or ctx.concept not in owners)
            and (shared := answers.similarity(facts.store, ctx.characteristic)) is not None):
        names = " or ".join(c.abbreviation for c in facts.store.concepts())
        notice = Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED)
        return [notice, shared]
    return characteristic_answer(facts, turn.text, ctx.characteristic, None)


def task_named_as_characteristic(facts: Facts, turn: Turn, task: str) -> list[Answer] | None:
    """"Is vendor management only a BPO thing?": a "process" that is a characteristic's or similarity's name is that.

    So is the message less its framing words, when NLU found no process in it and it opens with the name NLU found
    ("Will vendor management be something we have to deal with whether we pick BPO or KPO?"), not one of work ("Risk
    management tasks - should we outsource them?"); of no one concept, a name the similarities share is the similarity.
    """
    m = turn.mentions
    concept = m.concept if len(set(m.concepts)) == 1 else None
    title = facts.names.canonical(Entity.CHARACTERISTIC, task)
    if title is None and not m.task and m.characteristic:
        words = task.split()
        opening = len(m.characteristic.split())
        if (facts.names.canonical(Entity.CHARACTERISTIC, " ".join(words[:opening])) != m.characteristic
                or set(content_lemmas(" ".join(words[opening:opening + 1]))) & GENERIC_WORK):
            return None
        if concept is None and facts.store.similarity(m.characteristic) is not None:
            return [answers.similarity(facts.store, m.characteristic)]
        title = m.characteristic
    if title is None:
        return None
    return characteristic_answer(facts, turn.text, title, concept)


def characteristic_answer(facts: Facts, text: str, title: str, concept: str | None) -> list[Answer]:
    """A characteristic in full; asked for the concept it is not listed under, also what the document says of that concept.

    "Is KPO efficient?": Improved Efficiency is one of BPO's characteristics, and of KPO the
    document says its providers deliver "high-quality, efficient, and innovative solutions".
    """
    owners = {abbreviation for abbreviation, _ in facts.store.characteristic(title)}
    # "Does outsourcing to a BPO give us access to expertise we don't have in-house?": a similarity asked of one
    # concept is first that concept's own characteristic named alike (Access to Specialized Expertise)
    if (concept is not None and not owners and facts.store.similarity(title) is not None
            and (own := characteristic_named_alike(facts.store, title, concept)) is not None):
        return [answers.characteristic(facts.store, own, concept), answers.similarity(facts.store, title)]
    answer = answers.characteristic(facts.store, title, concept)
    if (concept is None or not owners or concept in owners or facts.store.similarity(title) is not None
            or facts.index is None):
        return [answer]
    # "does KPO do that too?" of BPO's Focus on Core Activities: both do, as the similarity named alike says
    if (alike := similarity_named_alike(facts.store, title)) is not None:
        return [answer, alike]
    # "Does SaaS give us full control over the stack?": IaaS's Full Control, and where SaaS stands on the table's row
    # the characteristic is named after (Control: Low)
    if row := retrieve.row_named_after(title, [a.name for a in facts.store.aspects() if not a.items]):
        return [answer, replace(answers.compare_aspect(facts.store, row, concept, text), aside=True)]
    said = retrieve.said_of(facts.index, text, concept) if not says_nothing_new(facts, text) else None
    # (a long message, "You keep saying KPO improves efficiency. ... Show me where it says that for KPO.": what the
    # document says of the concept on the characteristic's topic; the topic of its text when its name asks none:
    # "does that hold for SaaS too?" after IaaS's Pay as You Go, "Resources are billed ...", is cost)
    asked = topics_asked(facts, title) if said is None else ()
    if said is None and not asked:  # (of its text, only topics the document speaks to of the concept itself: not "hour"
        # as hours worked)
        asked = tuple(t for t in topics_asked(facts, " ".join(item.text for _, item in facts.store.characteristic(title)))
                      if any(i.startswith(f"{concept}:") for i in topics.answer(facts.store, title, (t,), [concept]).items))
    if said is None and asked:
        on_topic = topics.answer(facts.store, title, asked, [concept])
        said = replace(on_topic, aside=True) if on_topic.found else None
    return [answer, said] if said is not None else [answer]


#: A similarity is named alike a characteristic when its name holds this many of the characteristic's words, and
#: this share of them ("Focus on Non-Core Activities" and "Focus on Core Activities"; not "Innovation and
#: Improvement" and "Innovation and Technology").
ALIKE_WORDS, ALIKE_SHARE = 2, 2 / 3


def characteristic_named_alike(store: answers.FactStore, title: str, concept: str) -> str | None:
    """The title of the concept's characteristic whose name holds most of a similarity's name; None when none does."""
    return _named_alike(title, [item.title for item in store.characteristics(concept)])


def similarity_named_alike(store: answers.FactStore, title: str) -> Answer | None:
    """The answer with the similarity whose name holds most of a characteristic's name; None when none does."""
    shared = _named_alike(title, [s.title for s in store.similarities()])
    return answers.similarity(store, shared) if shared is not None else None


def similarity_in_words(store: answers.FactStore, text: str) -> str | None:
    """The one similarity a question names by most of its name's words, a word's other forms counting.

    "so both bpo and kpo give access to experts? how does that differ": Access to Expertise.
    """
    asked = set(content_lemmas(text)) - answers.concept_name_lemmas(store)
    stems = {a[:retrieve.STEM] for a in asked if len(a) >= retrieve.STEM}
    named = []
    for shared in store.similarities():
        words = set(content_lemmas(shared.title))
        held = {w for w in words if w in asked or len(w) >= retrieve.STEM and w[:retrieve.STEM] in stems}
        if _holds_most(words, held):
            named.append(shared.title)
    return named[0] if len(named) == 1 else None


def _named_alike(title: str, others: list[str]) -> str | None:
    """The first of ``others`` whose name holds most of ``title``'s words (:func:`_holds_most`)."""
    words = set(content_lemmas(title))
    return next((other for other in others if _holds_most(words, set(content_lemmas(other)))), None)


def _holds_most(words: set[str], held: set[str]) -> bool:
    """Whether ``held`` holds :data:`ALIKE_WORDS` and :data:`ALIKE_SHARE` of a name's ``words`` (lemmas)."""
    common = words & held
    return len(common) >= ALIKE_WORDS and len(common) >= ALIKE_SHARE * len(words)


#: Words that mean both concepts, in a question that points back at something else: "which of the two helps more with
#: that?".
THE_TWO = re.compile(r"\b(?:both|either|neither|the\s+two)\b", re.IGNORECASE)


def characteristic_in_words(store: answers.FactStore, text: str, concept: str) -> str | None:
    """The concept's one characteristic a question names by most of its name's words, not by its name.

    "How does BPO let us focus on our core work?": Focus on Core Activities (focus, core); as
    :data:`ALIKE_WORDS` and :data:`ALIKE_SHARE` count them, words for any work ("work", "task") not among them
    ("how can KPO lower costs when the work is so complex?" names no Complex and Analytical Work); or by a word of
    its name in quotes ("in what way is kpo 'strategic'?"), or by nothing but words of its name ("is KPO
    strategic?", "in what way is kpo strategic?"). None when no one characteristic is named so.
    """
    asked = (set(content_lemmas(ASKING_HOW.sub(" ", text))) - answers.concept_name_lemmas(store) - KINDS_OF_WORK
             - SCALE_WORDS)
    quoted = [set(content_lemmas(q)) for q in QUOTED_WORDS.findall(text)]
    # ("how does KPO help with business strategy?": what it helps with, by a word that begins as one of the name's)
    helped = HELPS_WITH.search(text) is not None and asked - HELPING
    named = []
    for item in store.characteristics(concept):
        words = set(content_lemmas(item.title))
        # (or by a word of its name in quotes: "in what way is kpo 'strategic'?", Strategic Value)
        # (or by nothing but words of its name: "is KPO strategic?", "is bpo global?")
        if (_holds_most(words, asked) or any(q and q <= words for q in quoted + [asked])
                # (its first word, the rest what it is about: "help with strategic decision making")
                or helped and (all(any(w[:retrieve.STEM] == n[:retrieve.STEM] for n in words) for w in helped)
                               or (first := _first_helped(text)) is not None
                               and any(first[:DENIED_STEM] == n[:DENIED_STEM] for n in words))):
            named.append(item.title)
    return named[0] if len(named) == 1 else None


#: "how does KPO help with ...", "how can BPO support our ...", "Does KPO help with ...?": a question of what a concept
#: helps with.
HELPS_WITH = re.compile(r"^\W*(?:how\s+)?(?:does|do|can|could|would|will)\s+(?:\w+\s+){1,5}?(?:help|support|assist)"
                        r"(?:\s+(?:us|me|them|a\s+company|companies|a\s+business|businesses))?\s+(?:with|in|our|my|their)\b",
                        re.IGNORECASE)
def _first_helped(text: str) -> str | None:
    """The first word of what a "how does X help with ..." question says it helps with ("strategic")."""
    helped = HELPS_WITH.search(text)
    words = content_lemmas(text[helped.end():]) if helped else []
    return words[0] if words and len(words[0]) >= DENIED_STEM else None


#: A word names a characteristic by the start of a word of its name this long ("strategy": Strategic Value; not
#: "customer": Customization and Collaboration).
DENIED_STEM = 7
#: The words of such a question that only say it helps.
HELPING = frozenset({"help", "support", "assist"})
#: Words that only ask how or how far something is so ("in what way is kpo strategic?", "to what extent"), or how it
#: is seen ("why is KPO considered strategic?"), or what makes it so ("what makes kpo strategic").
ASKING_HOW = re.compile(r"\bin\s+what\s+(?:ways?|sense|respects?)\b|\bto\s+what\s+(?:extent|degree)\b|"
                        r"\b(?:considered|seen|regarded|viewed|deemed|thought\s+of|described)(?:\s+as)?\b|"
                        # ("what makes kpo strategic", "why does kpo count as strategic exactly?")
                        r"\bwhat\s+makes\b|\bcounts?\s+as\b|\b(?:exactly|actually|really|truly)\b", re.IGNORECASE)
#: What a why-question sets against what it asks: "why is kpo seen as strategic rather than just operational".
RATHER_THAN = re.compile(r"\brather\s+than\b[^.?!,;]*", re.IGNORECASE)
#: Words of a grade on the table's scales, which name no characteristic ("high client turnover": no High Client
#: Interaction).
SCALE_WORDS = frozenset("high low medium moderate limited".split())


#: Words a question sets in quotes ("in what way is kpo 'strategic'?"; not the apostrophe of "don't").
QUOTED_WORDS = re.compile(r"(?<!\w)['\"\u2018\u201c]([A-Za-z][\w -]{1,40}?)['\"\u2019\u201d](?!\w)")


def passages_for(facts: Facts, turn: Turn, coverage: float = retrieve.ANSWERS,
              sure: float = retrieve.ANSWERS) -> Answer | None:
    """The document's passages that answer the question, if they cover enough of it (see :func:`retrieve.answer`)."""
    if facts.index is None:
        return None
    return retrieve.answer(facts.index, turn.text, concepts_asked(turn), coverage=coverage, sure=sure)


def closest_passages(facts: Facts, turn: Turn) -> Answer:
    """What comes closest to a question that asks the document and that nothing answers better.

    The passages, saying the document does not answer it directly, if any come close at all;
    else that the document does not say anything about the words it never uses.
    """
    return (passages_for(facts, turn, coverage=CLOSEST)
            or answers.not_in_document(facts.store, asked_words(facts, turn.text, unsaid=True)))


def beyond_definition(facts: Facts, turn: Turn) -> Answer | None:
    """The passages that answer a question about a concept, when the definition is not among them.

    Only a question in the document's own words: "what is the role of bpo" matches a table
    row through a word WordNet relates to "role", and is still answered by the definition.
    """
    if facts.index is None:
        return None
    words = [w for w in facts.index.read(turn.text).words if w not in INTENT_WORDS[Intent.DEFINE]]
    if not words or not all(w in facts.index.idf for w in words):
        return None
    passages = passages_for(facts, turn)
    if passages is None:
        return None
    definitions = {c.heading for c in facts.store.concepts()}
    return None if any(place.heading in definitions for place in passages.sources) else passages


def row_named(facts: Facts, text: str) -> str | None:
    """The comparison table's row whose name holds every word of ``text`` ("control": Control), if any."""
    words = set(content_lemmas(text))
    if not words:
        return None
    return next((a.name for a in facts.store.aspects() if not a.items and words <= set(content_lemmas(a.name))), None)


def what_on_topic(facts: Facts, turn: Turn, concept: str | None = None) -> list[Answer]:
    """A what-question on a topic, which names a process without asking which fits it.

    "What's a typical hourly rate for an offshore BPO call center agent?" asks about cost, and
    "we're thinking about handing payroll off to an outside firm, what do we actually gain
    from that?" about benefits: the question may follow the clause that sets it up. So does a which-question of the
    kinds of a topic's thing ("Which kinds of spending can a company trim by handing processes to a BPO provider?").
    """
    if (not any(opening_words(clause)[:1] == ["what"]
                or (kind := KINDS_ASKED.match(clause)) and topics_asked(facts, kind.group(1))
                for clause in clauses_of(turn.text))
            or asks_which_concept(facts, turn.text)):
        return []
    return answer_on_topic(facts, turn, concept)


#: "which kinds of spending", "bpo -> which costs get cut?": a which-question of (the kinds of) a thing, its word captured.
KINDS_ASKED = re.compile(r"^\W*(?:\w+\s*(?:->|:)\s*which\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?|"
                         r"which\s+(?:kinds?|types?|sorts?)\s+of\s+)(\w+)", re.IGNORECASE)


def asks_beyond(facts: Facts, turn: Turn, definitions: list[Answer]) -> bool:
    """Whether a question about a concept asks more than what it is: several words its definitions never use."""
    if facts.index is None or not is_question(turn.text):
        return False
    defined = set(content_lemmas(" ".join(d.text for d in definitions))) | INTENT_WORDS[Intent.DEFINE]
    return len([w for w in facts.index.read(turn.text).words if w not in defined]) >= BEYOND_WORDS


def left_out(facts: Facts, turn: Turn, given: list[Answer]) -> float:
    """The share of a question (by weight) that answers leave out."""
    return retrieve.share_left(facts.index, turn.text, retrieve.unanswered(facts.index, turn.text, given))


def follow_up_question(facts: Facts, turn: Turn) -> bool:
    """Whether a question names no concept and its passages speak to it, so it asks about the concept in context."""
    return (asks_past_lead_in(turn.text) and not turn.mentions.concepts
            and passages_for(facts, turn, coverage=ASKED_COVERAGE) is not None)
