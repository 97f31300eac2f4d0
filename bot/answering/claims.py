"""Claims to check against the document.

"KPO is just expensive BPO, right?", a quoted claim or term, a definition followed by a remark.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.entities import Mentions
from bot.answering.live import Facts
from bot.answering.passages import (
    ASKED_COVERAGE,
    DENIED_STEM,
    answer_on_topic,
    characteristic_answer,
    characteristic_in_words,
    closest_passages,
    passages_for,
    similarity_in_words,
    similarity_named_alike,
    with_characteristic,
)
from bot.answering.questions import (
    ANSWER_FORM,
    INTENT_WORDS,
    KINDS_OF_WORK,
    SENTENCE_END,
    WH_WORDS,
    asks_which_concept,
    topics_asked,
)
from bot.answering.turn import (
    ASKS_OF_US,
    CLAIM_TAG,
    QUESTION_OPENERS,
    REQUEST_OPENERS,
    Turn,
    is_question,
    opening_words,
    sentences_of,
)
from bot.contract import Entity, Intent, Topic
from bot.facts.model import Aspect, Part, Place
from bot.facts.store import FactStore
from bot.text import UNAPOSTROPHED, content_lemmas, tokens
from bot.wording import say

#: What may lead into a statement to confirm: "so", "ok", "hey", "quick one".
CLAIM_LEAD = r"^\W*(?:(?:so|ok(?:ay)?|and|but|hey|quick\s+one)\W+)*"
#: The words of a quiz's framing: "true or false", "fact or myth".
QUIZ_WORDS = r"true\s+or\s+false|fact\s+or\s+(?:fiction|myth)|myth\s+or\s+(?:fact|reality)"
#: What makes a statement one to confirm, before it: "true or false: ...", "is it true that ...", "my boss thinks ...".
CLAIM_OPENING = re.compile(
    CLAIM_LEAD + rf"(?:{QUIZ_WORDS}|"
    # (without "that": "is it true BPO is about ...", not "is it right for us to ..." or "is it right we go with kpo")
    r"(?:is|it's)\s+it\s+(?:(?:true|right|correct)\s+(?:to\s+say\s+)?that|true\s+"
    r"(?!(?:for|to|of|at|in|with|about|when|if|or|and|enough|now|here|there|so)\b)(?=\w))|"
    r"am\s+i\s+(?:right|correct|wrong)\s+(?:that|in\s+thinking(?:\s+that)?|to\s+think(?:\s+that)?)|"
    r"correct\s+me\s+if\s+i['\u2019]?m\s+wrong|"
    r"i\s+(?:heard|read|was\s+told)(?:\s+that|(?=\s+(?!(?:about|of|from|back|nothing|somewhere|people|someone|"
    r"somebody|it|this|that|the|a|an|you|your|so|too|and|but|more)\b)\w))|"
    r"some(?:one|body)\s+(?:told\s+me|said)(?:\s+that)?|"
    # ("a slide says 'KPO = operational efficiency'. is that right?")
    r"(?:an?|the|one|this|our)\s+(?:slide|deck|presentation|article|blog(?:\s+post)?|post|report|book|video|course|"
    r"training|consultant|colleague|coworker|co-worker|friend|vendor|provider|supplier|partner)\s+"
    r"(?:says?|said|claims?|states?|told\s+(?:me|us))(?:\s+that)?|"
    r"(?:my|our)\s+(?:boss|manager|colleague|coworker|co-worker|team\s*lead|lead|director|cto|cfo|ceo|vp)\s+"
    r"(?:thinks?|says?|said|claims?|believes?|told\s+me|keeps\s+saying)(?:\s+that)?)"
    r"\b[\s:,.!-]*", re.IGNORECASE)
#: A claim that places something in a concept ("payroll is BPO, right?"), ``{names}`` the concepts' names: which
#: fits, as any other message about a process.
CLAIM_PLACES = (r"\b(?:is|are|was|'s|counts\s+as|sounds\s+like|would\s+be|falls\s+under|belongs\s+(?:to|in))\s+"
                r"(?:(?:a|an|the|just|basically|really|clearly|definitely|more|typical|typically)\s+)*"
                r"(?:{names})(?:\s+(?:work|job|task|stuff|thing|process|kind|type|territory))?"
                r"(?:\s+(?:then|too|also|as\s+well|after\s+all))*\W*$"
                # "inbound call center for customer complaints, bpo right?"
                r"|(?:^|[,:;.\u2013-])\s*(?:(?:so|then|probably|surely|definitely)\s+)?(?:{names})\W*$")
#: A claim that one concept is the other under another name, ``{names}`` the concepts' names: "KPO is basically just
#: pricier BPO", "KPO is just fancy BPO", "so KPO is basically BPO with smarter people"; not "KPO is really expensive".
SAME_AS = r"(?:(?:just|basically|simply|merely|only)(?!\s+as\b)|nothing\s+but|glorified|rebranded|" \
          r"the\s+same\s+(?:thing\s+)?as|another\s+(?:name|word)\s+for)"
ONE_AS_THE_OTHER = rf"\b(?:{{names}})\s+(?:is|are|'s|=|means)\s+(?:\w+\s+){{{{0,2}}}}?{SAME_AS}\b[^.?!]*?\b(?:{{names}})\b"
#: A claim that a concept is only one thing, ``{names}`` the concepts' names: "BPO is only call centres".
ONLY_THIS = r"\b(?:{names})\s+(?:(?:is|are|'s|=|means)\s+(?:(?:basically|really)\s+)?(?:only|just|nothing\s+but|merely|" \
            r"simply|all\s+about)|(?:only|just)\s+(?:does|do|handles?|takes\s+on|covers?|deals\s+with|works\s+on))\s+" \
            r"(?!(?:a\s+)?(?:bit|little|slightly)\b)"
#: A claim of what two things share: "both ... ", "... in common", "... the same".
SHARED_SAID = re.compile(r"\b(?:both|either|each|common|alike|same|shared?)\b", re.IGNORECASE)
#: A claim that a concept only or mostly has something: "only needs", "mostly about", "all they need".
ONLY_SAID = re.compile(r"\b(?:only|just|mostly|mainly|largely|primarily|purely|simply|merely|basically|nothing\s+but|"
                       r"all\s+(?:they|it|we|you)\s+(?:need|needs|use|uses|do|does))\b", re.IGNORECASE)
#: A claim that a concept has something too: "too", "also", "as well", "still".
SHARED_TOO = re.compile(r"\b(?:too|also|as\s+well|still|either)\b", re.IGNORECASE)
#: A claim setting two things against each other: "rather than", "instead of", "not", "versus".
CONTRASTED = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|versus|vs|not|unlike|whereas|while)\b",
                        re.IGNORECASE)
#: A claim holds this many content words besides the concepts' names, at least.
CLAIM_WORDS = 1


#: A table row named with how much of it a claim says there is: "lose control", "much control", "pretty low effort",
#: "control is low" ({row}: the row's name).
ROW_GRADED = (r"\b(?:lose|losing|lost|give\s+up|no|little|less|more|much|full|limited|low|high|any|total|complete|some|"
              r"lots\s+of|a\s+lot\s+of|minimal|substantial|heavy|light)\s+(?:of\s+)?{row}\b|"
              r"\b{row}\s+(?:is|are|stays?|remains?)\s+(?:\w+\s+)?(?:low|high|limited|minimal|substantial|gone|lost|ours|"
              r"theirs)\b")


def on_claim(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a statement to confirm, the names the document never uses first ("... to India ..."), then :func:`_on_stated`.

    Only the names of what is stated: "my CFO thinks KPO is mostly about research" names no CFO of the document's.
    """
    found = _on_stated(facts, turn)
    _, stated = _stated(turn.text)
    if found and facts.index is not None and (notice := retrieve.unmentioned(facts.index, stated, capitalised=True)):
        return [notice, *found]
    return found


def _stated(text: str) -> tuple[bool, str]:
    """Whether a message opens as a statement to confirm (:data:`CLAIM_OPENING`), and what it states after that."""
    opened = CLAIM_OPENING.match(text)
    return opened is not None, text[opened.end():] if opened else text


def _claim_about(facts: Facts, turn: Turn, stated: str, task: str) -> bool:
    """Whether a claim is about the process it names, to be placed, rather than saying it of a concept.

    "payroll is routine, right?", "is payroll the right fit for KPO, yes?", "we do data entry, that's routine work
    right?" and "KPO doesnt include payroll, right?" (a question about examples) are about the process; "KPO has
    nothing to do with strategy" says what KPO is not. Whole words: a task "pay" is not in "payroll".
    """
    named = tokens(task)
    place = named and re.search(r"\b" + r"\W+".join(map(re.escape, named)) + r"\b", stated, re.IGNORECASE)
    if not place:
        return False
    concept = re.search(rf"\b(?:{facts.names.concept_names})\b", stated, re.IGNORECASE)
    # (not what a concept is said to mostly be, whatever NLU reads: "someone on my team says BPO is mostly complex
    # analytics work. is that right?" is settled by what BPO is, not by placing the work)
    # (one of the document's examples is placed still: "KPO is mostly payroll, right?")
    if (concept is not None and concept.start() < place.start() and MOSTLY_IS.match(stated[concept.end():place.start()])
            and not facts.store.concept_of_example(task)):
        return False
    return (concept is None or place.start() < concept.start() or turn.intent == Intent.EXAMPLE
            or re.search(r"\b(?:we|our|my|i|us)\b", stated, re.IGNORECASE) is not None)


#: What a claim says a concept mostly is, before the work it names: " is mostly ", " is basically just ".
MOSTLY_IS = re.compile(r"^\W*(?:is|are|['\u2019]s)\s+(?:(?:mostly|mainly|largely|basically|just|only|all|primarily|"
                       r"really|actually)\s+)+(?:about\s+)?(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _shared_named(facts: Facts, turn: Turn, stated: str) -> Answer | None:
    """The answer with the similarity a statement names, if it names one.

    NLU's characteristic when it is one, else one named by its words, else one named alike a characteristic named by
    its words ("focus on your core business": Focus on Non-Core Activities).
    """
    store = facts.store
    title = turn.mentions.characteristic
    if not (title and store.similarity(title) is not None):
        title = similarity_in_words(store, stated)
    if title is not None:
        return answers.similarity(store, title)
    for concept in store.concepts():
        if (own := characteristic_in_words(store, stated, concept.abbreviation)) is not None:
            return similarity_named_alike(store, own)
    return None


#: Words that grade how much of a row's thing a claim says there is ("little tailoring", "lots of hand-holding").
GRADED = re.compile(r"\b(?:little|lots?|much|less|more|high|low|limited|minimal|heavy|heavily|barely|hardly|"
                    r"highly|fully|totally|zero|no)\b", re.IGNORECASE)


def _on_stated(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a statement to confirm, what the document says on what it states; None for any other message.

    "true or false: once you outsource, the risk is basically gone" and "My boss think SaaS mean
    we buy the software one time. He is right?" ask whether the statement holds: they get what the
    document says on its topic, or the passages that answer it, never a verdict on a "process" made of
    the claim's words. A claim that places a process ("payroll is BPO, right?") or weighs the table's
    row the message names ("KPO is riskier, yes?") is left to its route.
    """
    opened, stated = _stated(turn.text)
    tagged = CLAIM_TAG.search(stated)
    if tagged:
        stated = stated[:tagged.start()]
    # (a row weighed: "KPO is riskier, yes?", "kpo is more scalable than bpo right?")
    if not (opened or tagged) or facts.index is None or turn.mentions.aspect and answers.COMPARATIVE.search(stated):
        return None
    # "both BPO and KPO let us focus on our core stuff, yes?": what they share (not what NLU reads as such in "Our vendor
    # says standard office software is all they need ... as KPO. Does the document agree with that?")
    if turn.intent == Intent.SIMILARITIES and (len(set(turn.mentions.concepts)) != 1 or SHARED_SAID.search(stated)):
        return None
    # "is it true saas examples include email and crm?": the examples, on their route
    if "example" in content_lemmas(stated):
        return None
    # a process the claim is about is placed ("payroll is routine, right?", "we do data entry, that's routine work
    # right?"); not a word of what it says of a concept ("KPO has nothing to do with strategy")
    if (task := turn.mentions.task) and _claim_about(facts, turn, stated, task) \
            and answers.recommend(facts.store, facts.recommender, task).found:
        return None
    # a question that ends "... right?" is no statement ("for a small startup which one is right?")
    if tagged and not opened and set(tokens(stated)) & WH_WORDS:
        return None
    # one statement: "my boss keeps saying KPO in meetings. what does it actually mean?" asks what KPO is
    if len(sentences_of(stated)) > 1 and not tagged:
        return None
    # "KPO is basically just pricier BPO, right?", "KPO is just fancy BPO", "SaaS is basically just IaaS, right?": how
    # they differ, after what the document says the one claimed to be the other is ("KPO involves outsourcing
    # high-value, knowledge-based processes ... Unlike BPO, which focuses on routine tasks")
    names = facts.names.concept_names
    if len(set(turn.mentions.concepts)) > 1 and (
            same := re.search(ONE_AS_THE_OTHER.format(names=names), stated, re.IGNORECASE)):
        subject = re.match(rf"(?:{names})", same.group(0), re.IGNORECASE)
        defined = answers.define(facts.store, subject.group(0)) if subject else None
        return [*([defined] if defined is not None and defined.found else []), answers.compare(facts.store)]
    if re.search(CLAIM_PLACES.format(names=names), stated.rstrip(" .!?"), re.IGNORECASE):
        return None
    if len(set(content_lemmas(stated)) - answers.concept_name_lemmas(facts.store)) < CLAIM_WORDS:
        return None
    claim = replace(turn, text=f"{stated.strip(' ,.;:!?-')}?")
    named = set(turn.mentions.concepts)
    # "BPO and KPO are different things, right?", "do BPO and KPO differ in risk, yes or no?": how they differ
    if len(named) > 1 and set(content_lemmas(stated)) & INTENT_WORDS[Intent.COMPARE]:
        return None
    # "true or false: BPO is only call centres": what the concept is and covers; "my boss claims kpo is only about
    # cutting costs ...": what else it brings, as for "Is KPO only about cutting costs?"
    if len(named) == 1 and re.search(ONLY_THIS.format(names=names), stated, re.IGNORECASE):
        on_topic = answer_on_topic(facts, claim)
        if on_topic and all(a.found for a in on_topic):
            return on_topic
        # (the row whose cell of the concept is what the claim says it only does: "is it true that a BPO only does
        # routine work?", Definition: Routine Tasks)
        concept = next(iter(named))
        said = set(content_lemmas(stated)) - answers.concept_name_lemmas(facts.store)
        rows = [row for row in facts.store.aspects() if concept in row.values
                and said & (set(content_lemmas(row.values[concept])) - answers.DEGREES)]
        row = [answers.compare_aspect(facts.store, rows[0].name, concept)] if len(rows) == 1 else []
        return [*on_topic, *row, answers.define(facts.store, concept)]  # ("... just for big corporations")
    # "my manager says only bpo needs vendor management. true?": a thing the two share, said of one alone
    if (re.search(rf"\b(?:only|just)\s+(?:{names})\b", stated, re.IGNORECASE)
            and (shared := _shared_named(facts, turn, stated)) is not None):
        return [shared]
    # "is it true BPO is about operational efficiency and KPO about strategic insight?": cells of a row, yes or no
    if (cells := _cells_stated(facts, stated)) is not None:
        return cells
    # "If we want strategic insights rather than just operational efficiency, BPO is the better pick, isn't it?": a
    # claim naming every cell of one row is settled by that row
    # (a claim setting them against each other, or naming both concepts: not "KPO gives strategic insights that improve
    # operational efficiency")
    if ((CONTRASTED.search(stated) or len(facts.names.concepts_named(stated)) > 1)
            and (row := _every_cell_named(facts, stated)) is not None):
        return [row]
    # "iaas is basically renting finished software, right?": what the document says of the other concept only (not a
    # claim naming both, whatever NLU found, nor one of what the two share: "kpo focuses on cost reduction, right?")
    if (len(named) == 1 and facts.names.concepts_named(stated) <= named
            and _shared_named(facts, turn, stated) is None
            and (other := _said_of_the_other(facts, claim, next(iter(named)))) is not None):
        return other
    # "true or false: KPO has nothing to do with strategy, it's just number crunching": a claim that denies what one
    # characteristic of the concept is named for (Strategic Value) is settled by it
    if (len(named) == 1 and NEGATED.search(stated)
            and (title := _characteristic_denied(facts.store, stated, next(iter(named)))) is not None):
        return characteristic_answer(facts, claim.text, title, next(iter(named)))
    # "Is it true that KPO only needs standard office software?": a claim that one concept only or mostly has a word of
    # the other's cell on the row NLU names (Technology Use, "Standard Tools" of BPO) is settled by that row (not one
    # it has too: "KPO helps reduce costs too, right?"; nor a word said without "only": "BPO providers use advanced
    # technologies, right?" is what a characteristic says)
    # ("Is it true that KPO is mostly about routine stuff like data entry and payroll?": the one row whose other cell
    # says it, when NLU names none)
    if len(named) == 1 and ONLY_SAID.search(stated) and not SHARED_TOO.search(stated):
        concept = next(iter(named))
        named_row = turn.mentions.aspect
        found = [row for name in ([named_row] if named_row else [a.name for a in facts.store.aspects()])
                 if (row := _row_of_the_other(facts, stated, name, concept, first_only=not named_row)) is not None]
        if len(found) == 1:
            given = with_characteristic(facts, found[0], concept)
            # (with no characteristic of the concept on the row, what comes closest to the claim beside it: "KPO providers
            # are engaged in activities that require significant intellectual effort ..." for "kpo work is mostly routine")
            if (len(given) == 1 and (near := passages_for(facts, claim, coverage=ASKED_COVERAGE)) is not None and near.items
                    and not any(f"{found[0].aspect}: " in item for item in near.items)):  # (not the row again)
                given.append(replace(near, text=say("passages_near"), aside=True))
            return given
    # the passages that answer it ("with IaaS the vendor installs our software for us"), else its topic ("once you
    # outsource, the risk is basically gone"), else the passages that come close
    asked = topics_asked(facts, claim.text)
    strongly = [t for t in asked if not topics.asked_weakly(claim.text, t)]
    if strongly and (found := answer_on_topic(facts, claim)):
        return found
    # "my boss says SaaS means we lose control of our data, right?": the row of the table the claim names by its name,
    # of the one concept it names, when it asks no topic by its own words
    # (said with how much of it: "lose control", "pretty low effort", "control is low"; not "the control panel is hard")
    row = facts.store.aspect(turn.mentions.aspect) if turn.mentions.aspect else None
    if (len(named) == 1 and row is not None and not row.items
            and re.search(ROW_GRADED.format(row=re.escape(row.name)), stated, re.IGNORECASE)):
        concept = next(iter(named))
        return with_characteristic(facts, answers.compare_aspect(facts.store, row.name, concept, stated), concept)
    if passages := passages_for(facts, claim):
        return [passages]
    if asked and (found := answer_on_topic(facts, claim)):
        return found
    if passages := passages_for(facts, claim, coverage=ASKED_COVERAGE):
        return [passages]
    if len(named) > 1:  # how they differ, or what the route makes of it
        return None
    # "I heard KPO services are pretty much off-the-shelf with little tailoring. True?": the row NLU found by other words
    # than its name (Customization), graded, of the one concept named, settles it when nothing else comes close (not a
    # word of the row's name in another sense: "I heard the IaaS control panel is hard to use, is that so?")
    if (len(named) == 1 and row is not None and not row.items and GRADED.search(stated)
            and not set(content_lemmas(row.name)) & set(content_lemmas(stated))):
        concept = next(iter(named))
        return with_characteristic(facts, answers.compare_aspect(facts.store, row.name, concept, stated), concept)
    # "true or false: IaaS means we own the servers": what the concept is settles it, when nothing else comes close
    return [answers.define(facts.store, named.pop()) if named else closest_passages(facts, claim)]


def _row_of_the_other(facts: Facts, stated: str, aspect: str, concept: str, *, first_only: bool) -> Answer | None:
    """The row ``aspect`` of ``concept`` when the claim says of it a word only another concept's cell holds.

    ``first_only``: only the cell's first word counts ("routine" of "Routine Tasks", not "based" of "Knowledge-Based
    Tasks"), for a row the message does not name.
    """
    row = facts.store.aspect(aspect)
    if row is None or row.items or concept not in row.values:
        return None
    said = set(content_lemmas(stated)) - answers.concept_name_lemmas(facts.store) - answers.DEGREES
    own = set(content_lemmas(row.values[concept]))
    others = {w for c, cell in row.values.items() if c != concept and cell
              for w in content_lemmas(cell)[:1 if first_only else None]}
    if not said & (others - own - answers.DEGREES):
        return None
    return answers.compare_aspect(facts.store, row.name, concept, stated)


def _characteristic_denied(store: FactStore, stated: str, concept: str) -> str | None:
    """The one characteristic of ``concept`` a word of the claim names the start of ("strategy": Strategic Value).

    Words for any work or a grade, and words of the concepts' names, name none; nor does a word that begins two
    characteristics' names.
    """
    said = set(content_lemmas(stated)) - answers.concept_name_lemmas(store) - KINDS_OF_WORK - DENIED_NOTHING
    found = {item.title for item in store.characteristics(concept)
             for word in content_lemmas(item.title) if word not in DENIED_NOTHING
             for lemma in said if lemma == word and len(lemma) >= DENIED_WORD
             or len(lemma) >= DENIED_STEM and lemma[:DENIED_STEM] == word[:DENIED_STEM]}
    return found.pop() if len(found) == 1 else None


#: A word of the claim that is a word of the name, at least this long, names it ("client": High Client Interaction).
DENIED_WORD = 5
#: Words of a characteristic's name that name nothing of it alone ("Focus on Value Addition", "High-Level Expertise").
DENIED_NOTHING = frozenset("focus high level core activity activities value addition access".split())
#: Words that turn a statement of a cell around ("KPO is not process oriented") or make it one a cell cannot settle
#: ("BPO's value is mainly about cost savings": what else it brings).
NEGATED = re.compile(r"\b(?:not|no|never|neither|nor|without|only|just|mainly|mostly|purely|solely|merely|simply|"
                     rf"all\s+about|nothing\s+but|{'|'.join(sorted(UNAPOSTROPHED))})\b|n['\u2019]t\b",
                     re.IGNORECASE)
#: Words that weigh a cell rather than state it ("KPO needs less specialized skills"), unless the cell says them.
WEIGHING = frozenset("less fewer few more most least lower higher better worse bigger smaller".split())


def _every_cell_named(facts: Facts, stated: str) -> Answer | None:
    """The one row of the table whose every cell a statement names in full (no cell of grades only), if one."""
    said = set(content_lemmas(stated))
    rows = [row for row in facts.store.aspects() if not row.items and len(row.values) > 1
            and all((words := set(content_lemmas(cell))) - answers.DEGREES and words <= said for cell in row.values.values())]
    return answers.compare_aspect(facts.store, rows[0].name, None, stated) if len(rows) == 1 else None


def _cells_stated(facts: Facts, stated: str) -> list[Answer] | None:
    """A statement of what a row of the table says of one concept or each, answered yes or no by the row.

    "is it true BPO is about operational efficiency and KPO about strategic insight?": Yes, the row Focus. "bpo is
    about strategic insights, right?": No, that is KPO's. What follows each concept's name, up to the next, states a
    cell when it says every word of it; a cell of grades only ("Low", "Limited") when it also says a word of the row's
    name and the same grades ("iaas gives you low control"). None when nothing states a cell, when the statements
    name more than one row or a cell both concepts could have, or say "not" or "mainly" (:data:`NEGATED`).
    """
    store = facts.store
    mentions = list(re.finditer(rf"\b(?:{facts.names.concept_names})\b", stated, re.IGNORECASE))
    if not mentions or NEGATED.search(stated):
        return None
    claims: list[tuple[str, str, str]] = []  # (concept stated of, row, concept whose cell it is)
    for n, mention in enumerate(mentions):
        subject = concept.abbreviation if (concept := store.concept(mention.group(0))) else None
        end = mentions[n + 1].start() if n + 1 < len(mentions) else len(stated)
        said = stated[0 if n == 0 else mention.end():end]
        said = said[:mention.start()] + said[mention.end():] if n == 0 else said
        # (the words said, as a cell's are read, and their grades, read once for every cell)
        said_words, graded = answers.cell_words([said]), set(tokens(said)) & answers.DEGREES
        found = {(row.name, owner) for row in store.aspects() for owner, cell in row.values.items()
                 if _states_cell(row, cell, said_words, graded)}
        # (a grade of a row named, which the concept's cell does not hold: "KPO has low customization, yes?" states it
        # the other way)
        if not found and subject is not None and graded:
            named = [row for row in store.aspects()
                     if all(answers.says_any(said_words, answers.word_forms(w)) for w in content_lemmas(row.name))]
            if (len(named) == 1 and subject in named[0].values
                    and not graded & set(tokens(named[0].values[subject]))):
                found = {(named[0].name, owner) for owner in named[0].values if owner != subject}
        # (each concept named states a cell: "kpo, unlike bpo, is about operational efficiency" states none of BPO)
        if subject is None or not found or len({owner for _, owner in found}) > 1:
            return None
        aspects = [aspect for name in {row for row, _ in found} if (aspect := store.aspect(name)) is not None]
        if (set(tokens(said)) & WEIGHING) - {t for aspect in aspects for v in aspect.values.values() for t in tokens(v)}:
            return None
        # (what it says besides the cell is only how it is said: "With BPO, you eliminate all operational risk" says
        # more than that BPO's risk is operational)
        if _says_more(store, " ".join(w for w in tokens(said) if w not in graded), aspects):
            return None
        claims += [(subject, row, owner) for row, owner in found]
    rows = {row for _, row, _ in claims}
    if len(rows) != 1:
        return None
    (name,) = rows
    subjects = list(dict.fromkeys(subject for subject, _, _ in claims))
    holds = all(subject == owner for subject, _, owner in claims)
    one = subjects[0] if len(subjects) == 1 else None
    row = answers.compare_aspect(store, name, one)
    wrong = next((subject for subject, _, owner in claims if subject != owner), None)
    if not holds and one is None and wrong is not None:
        row = answers.compare_aspect(store, name, wrong)
    verdict = replace(row, text=say("yes_first" if holds else "no_first", text=row.text))
    return with_characteristic(facts, verdict, row.concept)


#: Words that only tie a cell to a concept ("BPO is about ...", "KPO relies on ...", "uses", "needs").
CELL_LINKS = frozenset("about have use need require rely focus offer give provide mean involve work deal do get level "
                       "kind type sort typically usually generally mostly true right correct accurate also too both "
                       "model one side take bring".split())


def _says_more(store: FactStore, said: str, rows: list[Aspect]) -> bool:
    """Whether words said of a concept say more than the cells and names of these rows and :data:`CELL_LINKS`."""
    known = set(CELL_LINKS) | answers.concept_name_lemmas(store)
    for row in rows:
        known |= set(content_lemmas(row.name)) | {w for v in row.values.values() for w in content_lemmas(v)}
    # (as answers.says reads each known word as a cell: all of them read once)
    known_words = answers.cell_words(known)
    return any(not answers.says_any(known_words, answers.word_forms(w)) for w in content_lemmas(said))


def _states_cell(row: Aspect, cell: str, said_words: set[str], graded: set[str]) -> bool:
    """Whether words said of a concept state a cell of the row, and a cell no other concept has (:func:`_cells_stated`).

    ``said_words``: the words said, as :func:`answers.cell_words` reads them; ``graded``: the grades among them.
    """
    words = set(content_lemmas(cell))
    others = [v for k, v in row.values.items() if v != cell]
    if any(set(content_lemmas(v)) == words for v in others):
        words = set()  # ("Less Frequent", "More Frequent": their grades tell them apart)
    grades = set(tokens(cell)) & answers.DEGREES
    if words - answers.DEGREES:
        return all(answers.says_any(said_words, answers.word_forms(w)) for w in words)
    # (not grades another cell holds too: "high scalability" is BPO's "High" and part of KPO's "Moderate to High")
    return (bool(grades) and grades == graded and not any(graded < set(tokens(v)) & answers.DEGREES for v in others)
            and any(answers.says_any(said_words, answers.word_forms(w)) for w in content_lemmas(row.name)))


def _said_of_the_other(facts: Facts, claim: Turn, concept: str) -> list[Answer] | None:
    """A claim about one concept in words the document says of another: what it says of each.

    "iaas is basically renting finished software, right?" gets what the document says of IaaS in
    those words (or what IaaS is), then SaaS's "renting finished applications", said to be of SaaS,
    not IaaS. Only when the passage that comes closest (:data:`OTHERS_COVERAGE` of the claim at
    least), though the concept's own are preferred, is another concept's, and no passage of any
    other covers as much. What the document says of the concept in the words that passage matched
    comes first ("billed": IaaS's "Resources are billed by the hour or second of use.").
    """
    assert facts.index is not None
    found = facts.index.find(claim.text, [concept], limit=6)
    if not found or found[0].coverage < OTHERS_COVERAGE or found[0].passage.concept in (concept, None):
        return None
    other = found[0].passage.concept
    if any(h.coverage >= found[0].coverage for h in found if h.passage.concept != other):
        return None
    # (nor when a passage of both, or a row, speaks to the same words: "kpo focuses on cost reduction, right?")
    if any(h.passage.concept is None and h.matched & found[0].matched for h in facts.index.find(claim.text, limit=8)):
        return None
    hits = [h for h in found[:3] if h.passage.concept == other and h.coverage >= OTHERS_COVERAGE]
    said = Answer(say("said_of_other", other=other, concept=concept), retrieve.places(hits),
                  items=[say("passage_item", text=h.passage.text) for h in hits], topic=Topic.SEARCH, concept=concept)
    # after what it says of the concept in the words the other's passage matched ("iaas is billed per seat, right?":
    # "Resources are billed by the hour or second of use."), or what the concept is
    own = [h for h in found if h.passage.concept == concept and h.matched & found[0].matched][:2]
    if not own:
        return [answers.define(facts.store, concept), said]
    return [Answer(say("said_of_own", concept=concept), retrieve.places(own),
                   items=[say("passage_item", text=h.passage.text) for h in own], topic=Topic.SEARCH, concept=concept),
            said]


#: How much of a claim the passages of another concept must cover to be what it states.
OTHERS_COVERAGE = 0.5


#: A last sentence that asks what "it" means, of a term an earlier sentence quotes ("What does it actually mean?").
WHAT_IT_MEANS = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:what(?:'s|\s+is|\s+does)\s+(?:it|that|this)"
                           r"(?:\s+(?:actually|even|really|exactly|mean|stand\s+for|refer\s+to)){0,2}|"
                           r"what\s+(?:it|that|this)\s+(?:actually\s+)?means|"
                           r"how\s+(?:would|do|could|can)\s+(?:you|u)\s+define\s+(?:it|that|this))"
                           r"\W*(?:(?:lol|haha|pls|please)\W*)?$", re.IGNORECASE)
#: A concept's name (``{names}``) heard or said in an earlier sentence, as a term: "my boss keeps saying KPO in
#: meetings", "I keep hearing about BPO", "I keep seeing the term KPO in vendor proposals"; not "KPO requires
#: specialised skills", which says something of it.
TERM_HEARD = (r"\b(?:say(?:s|ing)?|said|mention(?:s|ed|ing)?|hear(?:s|d|ing)?|see(?:s|ing|n)?|saw|read(?:s|ing)?|"
              r"drop(?:s|ped|ping)|throw(?:s|ing)? around|"
              r"us(?:e|es|ing)|talk(?:s|ed|ing)? about|brought up|bring(?:s|ing)? up)\s+(?:(?:about|the word|the term)\s+)?"
              r"['\"\u2018\u201c]?({names})\b")
#: A term in quotes, of up to three words.
QUOTED = re.compile(r"(?:^|[\s(])['\"\u2018\u201c]([A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,2})['\"\u2019\u201d](?=[\s.,;:!?)]|$)")


#: Three to twenty words in quotes ("'Both aim to reduce costs' - really?"); a claim has :data:`QUOTE_WORDS` at least.
QUOTED_CLAIM = re.compile(r"(?:^|[\s(])['\"\u2018\u201c]([A-Za-z][\w&/,-]*(?:\s+[\w&/,-]+){2,19})['\"\u2019\u201d]"
                          r"(?=[\s.,;:!?)-]|$)")
#: Words that question a claim: where it comes from, whether it holds.
CLAIM_QUESTIONED = re.compile(r"\b(?:really|true|claims?|says?|said|source|come\s+from|comes\s+from|where\s+does|"
                              r"where\s+is\s+that|right|correct|accurate)\b", re.IGNORECASE)
#: The fewest words of a quoted claim (fewer are a term: "what does 'pay as you go' mean?").
QUOTE_WORDS = 4
#: How much of a quoted claim a passage must hold to be where it comes from.
QUOTE_COVERAGE = 0.6


def quoted_claim(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"'Both aim to reduce costs' - really? ... Where does that claim come from?": the passage the quote comes from.

    Only for a question that questions one quoted claim of four words or more (:data:`QUOTE_WORDS`), asks no
    fit and names no characteristic or row, when a passage holds most of it.
    """
    quoted = QUOTED_CLAIM.findall(turn.text)
    if (len(quoted) != 1 or not is_question(turn.text) or facts.index is None or len(tokens(quoted[0])) < QUOTE_WORDS
            or not CLAIM_QUESTIONED.search(turn.text) or asks_which_concept(facts, turn.text)):
        return None  # ("our live chat for tracking questions ('where is my parcel') ... bpo or kpo?" asks which fits)
    # "what does 'pay as you go' mean?", "is 'high client interaction' only true for KPO?": a name, asked on its route
    names = [*facts.names.by_entity[Entity.CHARACTERISTIC].values(), *facts.names.by_entity[Entity.ASPECT].values()]
    if any(f" {' '.join(tokens(name))} " in f" {' '.join(tokens(quoted[0]))} " for name in names):
        return None
    found = retrieve.answer(facts.index, quoted[0], [], coverage=QUOTE_COVERAGE, sure=QUOTE_COVERAGE)
    return [found] if found is not None else None


def quoted_term_asked(facts: Facts, turn: Turn) -> Turn | None:
    """"My manager keeps dropping 'nearshore' in meetings. What does it actually mean?" asks what the term means.

    The turn as that question, when the last sentence asks what "it" means and an earlier one
    quotes one term or says a concept's name was heard or said (:data:`TERM_HEARD`); else None.
    """
    sentences = SENTENCE_END.split(turn.text.strip())
    if len(sentences) < 2 or not WHAT_IT_MEANS.match(sentences[-1]):
        return None
    quoted = [m.group(1) for s in sentences[:-1] for m in QUOTED.finditer(s)]
    if not quoted:  # "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol"
        heard = TERM_HEARD.format(names=facts.names.concept_names)
        quoted = list(dict.fromkeys(m.group(1) for s in sentences[:-1] for m in re.finditer(heard, s, re.IGNORECASE)))
    if len(quoted) != 1:
        return None
    concept = facts.names.canonical(Entity.CONCEPT, quoted[0])
    return replace(turn, text=f"what does {quoted[0]} mean?", intent=Intent.DEFINE,
                   mentions=Mentions(concepts=[concept] if concept else []))


#: A question of what a phrase means ("What is meant by intellectual capital when people talk about KPO?", "what do
#: they mean by strategic value?", "what's meant by 'raw computing resources'?"): the phrase, in group "term".
MEANT_BY = re.compile(r"\bwhat(?:'s|\s+is|\s+are|\s+do(?:es)?\s+(?:they|you|it|people|the\s+document)|\s+do(?:es)?)?\s+"
                      r"(?:(?:actually|really|exactly)\s+)?(?:meant|mean[st]?)\s+by\s+['\"\u2018\u201c]?"
                      r"(?P<term>[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,4}?)['\"\u2019\u201d]?"
                      r"(?=\s+(?:when|in|for|if|with|about|here|there|exactly|then|though)\b|\s*[?.,!;:]|\s*$)",
                      re.IGNORECASE)
#: "what does 'per seat' mean for SaaS?": a quoted phrase asked what it means, in group "term".
QUOTED_MEANS = re.compile(r"\bwhat\s+(?:does|do|is)\s+['\"\u2018\u201c](?P<term>[A-Za-z][\w&/ -]{1,40}?)['\"\u2019\u201d]\s+"
                          r"(?:(?:actually|really|even)\s+)?(?:mean|stand\s+for)\b", re.IGNORECASE)
#: At most this many sentences that use a phrase are quoted for what it means, of a phrase this many words long at least.
TERM_SENTENCES, TERM_WORDS = 3, 2


def term_used(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"What is meant by intellectual capital ...?": the document's sentences that use the phrase; else None.

    A phrase of two words or more, with words of the document's (not "what do you mean by that?"), that is no name
    the templates answer (a concept, a characteristic, a row, a cell of the table: "operational risks") and no topic's
    words alone; the sentences of the concept asked first.
    """
    found = MEANT_BY.search(turn.text) or QUOTED_MEANS.search(turn.text)
    if found is None or facts.index is None:
        return None
    term = " ".join(found.group("term").split())
    cells = {value.casefold() for aspect in facts.store.aspects() for value in aspect.values.values()}
    # "what does 'per seat' mean for SaaS?": the characteristic whose name holds it (Per-Seat Billing), of the
    # concept asked (not a row's name or cell: "what does 'value addition' mean for BPO?" asks the row)
    spelled = re.compile(rf"\b{re.escape(term.replace('-', ' '))}\b", re.IGNORECASE)
    asked = set(turn.mentions.concepts)
    titles = [t.title for c in facts.store.concepts() for t in c.characteristics
              if spelled.search(t.title.replace("-", " ")) and t.title.casefold() != term.casefold()
              and (not asked or c.abbreviation in asked)]
    of_the_table = term.casefold() in cells or facts.names.canonical(Entity.ASPECT, term) is not None
    if len(titles) == 1 and len(term.split()) >= TERM_WORDS and not of_the_table:
        return characteristic_answer(facts, turn.text, titles[0], None)
    if (len(term.split()) < TERM_WORDS or not facts.index.read(term).words or of_the_table
            or topics.only_topic(term, facts.topics)
            or any(facts.names.canonical(kind, term) is not None for kind in (Entity.CONCEPT, Entity.CHARACTERISTIC))):
        return None
    pattern = re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE)
    using = [p for p in facts.index.passages if pattern.search(p.text)]
    if not using:
        return None
    asked = set(turn.mentions.concepts)
    using = sorted(using, key=lambda p: p.concept not in asked)[:TERM_SENTENCES]
    return [Answer(say("term_used", term=term), tuple(Place(Part.SECTION, heading=p.section, line=p.line) for p in using),
                   items=[say("passage_item", text=p.text) for p in using], topic=Topic.SEARCH)]


#: Words opening a remark said of someone ("my manager keeps dropping it in meetings", "we are discussing vendors").
SAID_OF_SOMEONE = frozenset("i my me we our us he she his her they their them it its someone everyone people".split())
#: The words of a question that asks only what a concept is, besides its name and the words of ANSWER_FORM
#: ("quick one - what actually is KPO?", "BPO meaning?", "what does KPO even stand for?").
MEANING_WORDS = frozenset("mean meaning stand actually exactly really basically even hey hi quick one again".split())


def definition_then_remark(facts: Facts, turn: Turn) -> Turn | None:
    """"quick one - what actually is KPO? my manager keeps dropping it in meetings" asks only what KPO is.

    The turn as its first sentence, when that asks only what a concept is and the sentences after it ask nothing
    (no question, no request): their words ("meetings") are no topic asked. Else None.
    """
    sentences = sentences_of(turn.text)
    concepts = answers.concept_name_lemmas(facts.store)
    # ("Our devops guy wants to move our servers to IaaS ... I'd like to understand what I'm paying for. what is IaaS?":
    # what it tells first asks nothing, the last sentence asks only what the concept is)
    # (a concept named, not a word its name shares with the other's: "... Outsource it as what?" asks which kind)
    if (len(sentences) > 1 and sentences[-1].rstrip().endswith("?") and re.search(r"\bwhat\b", sentences[-1], re.IGNORECASE)
            and facts.names.names_a_concept(sentences[-1])
            and (said := set(content_lemmas(sentences[-1]))) & concepts and said - concepts <= MEANING_WORDS
            and not any(_asks_or_requests(s) for s in sentences[:-1])):
        return replace(turn, text=sentences[-1], intent=Intent.DEFINE)
    if len(sentences) < 2 or not sentences[0].rstrip().endswith("?"):
        return None
    first, rest = sentences[0], sentences[1:]
    said = set(content_lemmas(first))
    if (not said & concepts or not said - concepts <= MEANING_WORDS | ANSWER_FORM
            # a topic named, not said of someone: "... the pros and cons would help too", not "my manager ... meetings"
            or any(topics.asked_topics(r, facts.topics) and not set(tokens(r)[:1]) & SAID_OF_SOMEONE for r in rest)
            or not re.search(r"\bwhat\b|\bmean", first, re.IGNORECASE)
            or any(_asks_or_requests(s) for s in rest)):
        return None  # ("what's KPO then? and how is the relationship managed in each case" asks twice)
    return replace(turn, text=first, intent=Intent.DEFINE)


def _asks_or_requests(sentence: str) -> bool:
    """Whether a sentence beside a question of what a concept is asks or requests something of its own."""
    return ("?" in sentence or bool(set(opening_words(sentence)[:1]) & (QUESTION_OPENERS | REQUEST_OPENERS))
            or ASKS_OF_US.search(sentence) is not None or "please" in tokens(sentence))


#: A quiz's framing of a statement: "true or false: ...", "fact or myth - ...".
QUIZ = re.compile(rf"{CLAIM_LEAD}(?:{QUIZ_WORDS})\b[\s:,.!?-]*", re.IGNORECASE)
