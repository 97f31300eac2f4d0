"""Answers built from the fact store, independent of Rasa and of the channel.

Each function returns an :class:`~bot.answering.answer.Answer`: the text, any table,
list or buttons, and the places of the document it comes from. ``bot/render.py``
lays it out for a channel; :mod:`bot.answering.routes` picks the function for a turn.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.answering.answer import Answer
from bot.answering.entities import concept_names
from bot.answering.recommend import DEGREE_WORDS, Description, Match, Recommendation, Recommender
from bot.answering.retrieve import STEM
from bot.contract import Entity, Intent, Outcome, Topic
from bot.facts.model import Aspect, Concept, Part, Place
from bot.facts.prose import split_sentences
from bot.facts.store import FactStore
from bot.text import UNAPOSTROPHED, content_lemmas, lemma, tokens
from bot.wording import WORDING, cite, listed, say

#: The table row that lists each concept's examples, cited with them.
EXAMPLES_ROW = "Examples"


def _both(store: FactStore) -> str:
    return " and ".join(c.abbreviation for c in store.concepts())


def _concept_buttons(store: FactStore, intent: str, **extra: str) -> list[dict[str, str]]:
    buttons = []
    for concept in store.concepts():
        entities = {Entity.CONCEPT: concept.abbreviation, **extra}
        payload = "/" + intent + "{" + ", ".join(f'"{k}": "{v}"' for k, v in entities.items()) + "}"
        buttons.append({"title": concept.abbreviation, "payload": payload})
    return buttons


def _table_place(store: FactStore, part: str, *names: str, line: int | None = None) -> Place:
    heading, _ = store.headings()
    return Place(part, heading=heading, names=names, line=line)


# -- define ---------------------------------------------------------------------


def define(store: FactStore, concept: str) -> Answer:
    """The definition paragraph, with the acronym expanded."""
    found = _concept(store, concept)
    if found is None:
        return not_in_document(store, concept)
    text = say("define", abbreviation=found.abbreviation, name=found.name, definition=found.definition)
    place = Place(Part.DEFINITION, heading=found.heading, concept=found.abbreviation, line=found.line)
    return Answer(text, (place,), topic=Topic.DEFINE, concept=found.abbreviation)


def characteristics(store: FactStore, concept: str) -> Answer:
    """A concept's characteristics, each by its title and first sentence (as the similarities are listed)."""
    found = _concept(store, concept)
    if found is None:
        return not_in_document(store, concept)
    items = [f"{item.title}: {next(iter(split_sentences(item.text)), item.text)}" for item in found.characteristics]
    line = found.characteristics[0].line - 1 if found.characteristics else found.line
    return Answer(
        say("characteristics_intro", count=len(items), abbreviation=found.abbreviation),
        (Place(Part.CHARACTERISTICS, heading=found.heading, concept=found.abbreviation, line=line),),
        items=items, topic=Topic.CHARACTERISTICS, concept=found.abbreviation,
    )


def characteristic(store: FactStore, title: str, concept: str | None = None) -> Answer:
    """One titled characteristic (or similarity) in full."""
    listed = store.characteristic(title)
    similarity = store.similarity(title)
    asked = _concept(store, concept) if concept else None
    _, similarities_heading = store.headings()
    for abbreviation, item in listed:
        if asked is None or abbreviation == asked.abbreviation:
            return Answer(
                say("characteristic", title=item.title, concept=abbreviation, text=item.text),
                (_characteristic_place(abbreviation, item.title, item.line),),
                topic=Topic.CHARACTERISTIC, concept=abbreviation, characteristic=item.title,
            )
    if similarity is not None:
        place = Place(Part.SIMILARITY, heading=similarities_heading, names=(similarity.title,), line=similarity.line)
        added, places = _caveats(store, similarity.title)
        return Answer(
            " ".join([say("similarity", title=similarity.title, both=_both(store), text=similarity.text), *added]),
            (place, *places), topic=Topic.CHARACTERISTIC, characteristic=similarity.title,
            concept=asked.abbreviation if asked else None,
        )
    if listed and asked is not None:
        abbreviation, item = listed[0]
        # "does a KPO team work across time zones?": nothing in what the document says of KPO uses a word of "Global
        # Reach and 24/7 Operations"; Improved Efficiency is no characteristic of KPO, but KPO "enhances operational
        # efficiency"
        key = "characteristic_other" if _says_of(store, asked, item.title) else "characteristic_unsaid"
        return Answer(
            say(key, title=item.title, asked=asked.abbreviation, concept=abbreviation, text=item.text),
            (_characteristic_place(abbreviation, item.title, item.line),),
            topic=Topic.CHARACTERISTIC, concept=asked.abbreviation, characteristic=item.title,
        )
    return not_in_document(store, title)


def _says_of(store: FactStore, concept: Concept, title: str) -> bool:
    """Whether what the document says of ``concept`` uses a word of ``title``.

    What it says of it: its definition, its characteristics and its rows of the comparison table.
    """
    rows = [f"{a.name} {a.values.get(concept.abbreviation, '')}" for a in store.aspects()]
    said = [concept.definition, *(f"{c.title} {c.text}" for c in concept.characteristics), *rows]
    return bool(set(content_lemmas(" ".join(said))) & set(content_lemmas(title)))


def _characteristic_place(concept: str, title: str, line: int | None) -> Place:
    return Place(Part.CHARACTERISTIC, concept=concept, names=(title,), line=line)


# -- compare --------------------------------------------------------------------


def compare(store: FactStore) -> Answer:
    """The whole comparison table, with a one-line summary per concept."""
    concepts = store.concepts()
    aspects = store.aspects()
    # the first two rows that say what each is (not a list of examples); a value that only grades says of what
    # ("low control", not "low")
    summed = [a for a in aspects if not any("," in v for v in a.values.values())][:2] or aspects[:2]
    summaries = "; ".join(
        say("compare_summary", abbreviation=c.abbreviation,
            values=" and ".join(_summed(a.name, a.values[c.abbreviation]) for a in summed))
        for c in concepts
    )
    table = [["Aspect", *(c.abbreviation for c in concepts)]]
    table += [[a.name, *(a.values.get(c.abbreviation, "") for c in concepts)] for a in aspects]
    return Answer(say("compare_intro", summaries=summaries), (_table_place(store, Part.TABLE),),
                  table=table, topic=Topic.COMPARE)


def defined_briefly(store: FactStore) -> Answer:
    """The first sentence of each concept's definition: what each is, for a difference asked in one sentence."""
    concepts = store.concepts()
    lines = [say("brief_definition", abbreviation=c.abbreviation, sentence=split_sentences(c.definition)[0])
             for c in concepts if c.definition]
    places = tuple(Place(Part.DEFINITION, heading=c.heading, concept=c.abbreviation, line=c.line) for c in concepts)
    return Answer(" ".join([say("brief_definitions"), *lines]), places, topic=Topic.DEFINE)


def told_apart(store: FactStore) -> Answer:
    """What each concept is in the document's words, for a difference asked as a whole, after the table.

    Each definition's first sentence, and each of its sentences that sets the concept against another one: KPO's
    "Unlike Business Process Outsourcing (BPO), which focuses on routine tasks, KPO handles complex and specialized
    functions ...". A store whose definitions name no other concept gets the first sentences alone.
    """
    concepts = [c for c in store.concepts() if c.sentences]
    lines = []
    for concept in concepts:
        others = [o for o in concepts if o is not concept]
        said = [s for i, s in enumerate(concept.sentences)
                if i == 0 or any(re.search(rf"\b{re.escape(o.abbreviation)}\b", s) or o.name in s for o in others)]
        lines.append(say("told_apart_item", abbreviation=concept.abbreviation, sentences=" ".join(said)))
    places = tuple(Place(Part.DEFINITION, heading=c.heading, concept=c.abbreviation, line=c.line) for c in concepts)
    return Answer(say("told_apart"), places, items=lines, topic=Topic.DEFINE)


def _summed(aspect: str, value: str) -> str:
    """A row's value in a summary: "routine tasks", or with the row's name when it only grades ("low control")."""
    if set(content_lemmas(value)) <= DEGREE_WORDS | {"to"}:
        return f"{value.lower()} {aspect.lower()}"
    return value.lower()


def _is(name: str) -> str:
    """"are" after a row's name that is a plural ("KPO's examples are ..."), else "is" ("KPO's focus is ...")."""
    last = name.split()[-1].lower() if name.split() else ""
    return "are" if last.endswith("s") and lemma(last) != last else "is"


#: Words that ask to have less of what follows them ("cutting our operational risk", "lower the operational risks").
REDUCING = frozenset("cut lower reduce mitigate minimise minimize avoid limit lessen decrease shrink less fewer "
                     "eliminate".split())
#: A value counts as asked to be reduced when such a word stands at most this many words before it.
REDUCED_WITHIN = 3


def _reduced(question: str, value: str) -> bool:
    """Whether ``question`` asks to have less of a row's ``value`` ("better at lowering our operational risk?")."""
    head = content_lemmas(value)[:1]
    words = tokens(question)
    for at, word in enumerate(words):
        before = words[max(0, at - REDUCED_WITHIN):at]
        # (the words as written too: "less" is lemmatised "little")
        if head and lemma(word) == head[0] and ({w.lower() for w in before} | {lemma(w) for w in before}) & REDUCING:
            return True
    return False


def compare_aspect(store: FactStore, aspect: str, concept: str | None = None, question: str = "") -> Answer:
    """One row of the table, for one concept or both.

    When the question names one of the row's values ("which needs specialized
    skills?"), the answer leads with the concept that has it.
    """
    row = store.aspect(aspect)
    if row is None:
        return Answer(say("not_in_document_aspect", aspects=", ".join(a.name for a in store.aspects())),
                      found=False, topic=Topic.ASPECT)
    sources = (_table_place(store, Part.ROW, row.name, line=row.line),)
    asked = _concept(store, concept) if concept else None
    lemmas = set(content_lemmas(question))
    # the concepts whose value the question names, and only theirs ("which needs specialized skills?")
    # (not one the question asks to have less of: "which one is better at cutting our operational risk?" names no
    # concept's risk type)
    reduced = {c for c, v in row.values.items() if _reduced(question, v)}
    named = [c for c, v in row.values.items() if (v_l := set(content_lemmas(v))) and v_l <= lemmas
             and not any(set(content_lemmas(o)) == v_l for k, o in row.values.items() if k != c)
             and c not in reduced]

    def others(concept: str) -> str:
        return " and ".join(say("aspect_other_value", value=v, abbreviation=c)
                            for c, v in row.values.items() if c != concept)

    # "kpo scales better than bpo right?": a claim the row's scale settles, answered yes or no first
    if (claim := _claimed_order(store, row, question)) is not None:
        subject, holds = claim
        text = say("aspect_one", abbreviation=subject, aspect_lower=row.name.lower(), is_=_is(row.name),
                   value=row.values[subject], others=others(subject))
        return Answer(say("yes_first" if holds else "no_first", text=text), sources, topic=Topic.ASPECT,
                      aspect=row.name, concept=subject)
    if asked is None and len(named) == 1:
        (concept,) = named
        text = say("aspect_which", concept=concept, aspect_lower=row.name.lower(), is_=_is(row.name),
                   value=row.values[concept], others=others(concept))
        return Answer(text, sources, topic=Topic.ASPECT, aspect=row.name, concept=concept)
    if asked is not None and asked.abbreviation in row.values:
        text = say("aspect_one", abbreviation=asked.abbreviation, aspect_lower=row.name.lower(), is_=_is(row.name),
                   value=row.values[asked.abbreviation], others=others(asked.abbreviation))
        return Answer(text, sources, topic=Topic.ASPECT, aspect=row.name, concept=asked.abbreviation)
    pairs = "; ".join(say("aspect_pair", abbreviation=c, value=v) for c, v in row.values.items())
    text = say("aspect_both", aspect=row.name, pairs=pairs)
    # "which one is less risky?": the row names a kind of risk for each, not which has less (its cells are no
    # scale, and "risky" is in both or neither; "which uses more advanced tools?" is settled by one cell)
    compared = _comparative(store, question)
    # ("is bpo or kpo better at lowering our operational risk": better at having less of a cell, which no cell says)
    if compared is None and reduced:
        compared = next((w.lower() for w in re.findall(r"\b(?:better|worse)\b", question, re.IGNORECASE)), None)
    if compared and not weighs(row.values.values(), compared):
        # ("which one has more risk?": "which has more risk", not "which is more risk")
        had = re.search(rf"\b({HAVING})\s+{re.escape(compared)}\b", question, re.IGNORECASE)
        text = say("aspect_not_compared", compared=f"{had.group(1).lower() if had else 'is'} {compared}") + " " + text
    return Answer(text, sources, topic=Topic.ASPECT, aspect=row.name)


#: Verbs a comparative of a thing follows ("which one has more risk?", "which carries less overhead?").
HAVING = ("has|have|carries|carry|involves|involve|needs|need|requires|require|gives|give|takes|take|offers|offer|"
          "brings|bring|poses|pose|creates|create|means|mean")
#: Where the degree words of a cell stand on its scale ("Low to Medium": between low and medium).
RANKS = {"minimal": 1, "low": 1, "limit": 1, "medium": 2, "moderate": 2, "high": 3, "substantial": 3}
#: "KPO scales better than BPO", "is BPO more complex than KPO?", "does KPO need more client interaction than BPO?": a
#: claim that one concept ranks above (or below) the other, in groups: the first concept, the comparative, its (up to
#: three) words, the second concept.
CLAIMED = (r"\b({names})\b[^?.!,;]*?\b(more|less)\s+((?:(?!to\b)[a-z-]+\s+){{0,2}}?(?!to\b)[a-z-]+)\s+than\s+"
           r"(?:an?\s+)?({names})\b")
#: Words that turn a claim around or leave it open ("not more complex", "more or less scalable").
UNSURE_CLAIM = re.compile(rf"\b(?:not|no|never|{'|'.join(sorted(UNAPOSTROPHED))})\b|n't\b|\bmore or less\b|"
                          r"\bor (?:more|less)\b", re.IGNORECASE)


def _rank(cell: str) -> float | None:
    """A cell's place on its scale, if every content word of it is a degree ("Moderate to High": 2.5)."""
    if ranked := re.match(r"\s*(less|more)\s+\w+\s*$", cell, re.IGNORECASE):  # "Less Frequent", "More Frequent"
        return RANKS["low" if ranked.group(1).lower() == "less" else "high"]
    words = content_lemmas(cell)
    if not words or any(w not in RANKS for w in words):
        return None
    return sum(RANKS[w] for w in words) / len(words)


def _claimed_order(store: FactStore, row: Aspect, question: str) -> tuple[str, bool] | None:
    """The concept a question claims ranks above or below the other on a row of degrees, and whether it holds.

    Only "<concept> ... more|less <the row's own word> than <concept>" ("is KPO more complex than BPO?"), with no
    negation or "more or less": "is BPO more rigid than KPO?" names no row word, and gets the row as it is.
    """
    if UNSURE_CLAIM.search(question):
        return None
    # (the word just before "than" is the row's: "more client interaction than", "more setup effort than"; not "more
    # scalability issues than", whose issues may turn the claim around)
    found = next((m for m in re.finditer(CLAIMED.format(names=concept_names(store)), question, re.IGNORECASE)
                  if says(row.name, m.group(3).split()[-1])), None)
    if found is None:
        return None
    first, second = (_abbreviation(store, found.group(i)) for i in (1, 4))
    values = row.values
    if first is None or second is None or first == second or first not in values or second not in values:
        return None
    ranks = _rank(values[first]), _rank(values[second])
    if None in ranks or ranks[0] == ranks[1]:
        return None
    up = found.group(2).lower() == "more"
    return first, (ranks[0] > ranks[1]) == up


#: Words that place a table cell on a scale ("Low to Medium", "Minimal"): a row of them answers "which has more".
DEGREES = DEGREE_WORDS | {"frequent"}
#: "less risky", "more reliable", "cheaper", "better": what a question compares the concepts on.
COMPARATIVE = re.compile(r"\b(?:more|less)\s+(?!(?:than|of|an?|the|to|on|in|for|with|about|at|by|from|into|"
                         r"its?|their|our|your|when|if|and|or|can|could|will|would|should|may|might|must)\b)[a-z-]+|\b(?:better|worse|cheaper|costlier|"
                         r"safer|riskier|faster|slower|easier|harder|bigger|smaller)\b"
                         # "the lower-risk option", "lower cost"
                         r"|\b(?:lower|higher)[- ](?:risk|cost|effort|control|quality|value)\b", re.IGNORECASE)


def says(cell: str, word: str) -> bool:
    """Whether a table cell says ``word`` or a form of it ("Highly Skilled Experts" says "expertise" and "skills")."""
    return says_any(cell_words([cell]), word_forms(word))


def cell_words(cells: Iterable[str]) -> set[str]:
    """The words of table cells as :func:`says` reads them: their lemmas and their words as written."""
    return {w for cell in cells for w in [*content_lemmas(cell), *(t.lower() for t in cell.split())]}


def word_forms(word: str) -> set[str]:
    """A word as :func:`says` looks for it: as written and its lemmas."""
    return {word.lower(), *content_lemmas(word)}


def says_any(said: set[str], forms: set[str]) -> bool:
    """Whether words of cells (:func:`cell_words`) say one of ``forms``: alike in their first letters, or begun by it."""
    return any(w[:STEM] == f[:STEM] or len(f) >= SAID_PREFIX and w.startswith(f) for w in said for f in forms)


#: A word this long at least is said by a cell word it begins ("skill": "skilled").
SAID_PREFIX = 5


#: What "more"/"less"/"lower" weighs that the document never ranks: risk, cost, safety, quality.
EVALUATED = re.compile(r"(?:risk|risky|cost|costly|expensive|affordable|safe|secure|quality)$", re.IGNORECASE)
#: A comparative that is an adjective of its own ("riskier", "safer"), not "better" or "more" with any word.
ADJECTIVE_COMPARATIVE = re.compile(r"cheaper|costlier|safer|riskier|faster|slower|easier|harder|bigger|smaller",
                                   re.IGNORECASE)


def weighs(cells: Iterable[str], compared: str) -> bool:
    """Whether a row's cells settle a comparative ("more complex": a scale; "more advanced": one cell says it).

    "riskier" is not settled by "Operational Risks" against "Strategic Risks": both say it, on no scale.
    """
    cells = list(cells)
    return (any(set(content_lemmas(v)) & DEGREES for v in cells)
            or sum(says(v, compared.split()[-1]) for v in cells) == 1)


#: "which one is less of a headache to manage?", "which is more of a management overhead?": a comparison by a noun
#: phrase of up to three words, up to what follows it.
OF_A = re.compile(r"\b(?:more|less)\s+of\s+an?\s+(?:[a-z-]+\s+){0,2}?[a-z-]+"
                  r"(?=\s+(?:to|than|for|when|if|in|with|on|at|of|compared)\b|\s*[?!.,;]|\s*$)", re.IGNORECASE)


#: One kind of outsourcing set against another: "Is outsourcing the thinking-heavy work riskier than outsourcing the
#: simple stuff?" (not "is hiring our own staff more flexible than outsourcing?").
OUTSOURCING_AGAINST = re.compile(r"\boutsourcing\s+(?:the|a|an|our|this|that)\b.*\bthan\s+outsourcing\s+"
                                 r"(?:the|a|an|our|this|that)\s+\w", re.IGNORECASE)


def _comparative(store: FactStore, question: str) -> str | None:
    """What a question that asks which concept has more of something compares them on, if it asks that.

    "which one is less risky?", "is KPO riskier than BPO?" (both concepts named); not "is KPO riskier?".
    """
    found = COMPARATIVE.search(question)
    # "which one is less of a headache?"; not "which one is more of a KPO thing?", which asks which concept
    if (found is None and (of_a := OF_A.search(question))
            and not any(store.concept(w) for w in re.findall(r"[\w-]+", of_a.group(0)))):
        found = of_a
    if found and re.search(r"\bwhich\b", question, re.IGNORECASE):
        return found.group(0).lower()
    names = concept_names(store)
    # "Is one of the two options less risky than the other?", "is it riskier than the other one?" (read as "than
    # BPO" after KPO): one set against the other, though only one of them, or neither, is named
    # (a comparative that evaluates, as "riskier" does: not "more expertise", which a row may well grade by other words)
    # (and "Is KPO more risky than BPO?", both named, as "riskier" is)
    if (found and (EVALUATED.search(found.group(0)) or ADJECTIVE_COMPARATIVE.fullmatch(found.group(0)))
            and (re.match(rf"\s*than\s+(?:the\s+other\b|(?:the\s+)?(?:{names})\b)", question[found.end():],
                          re.IGNORECASE)
                 or OUTSOURCING_AGAINST.search(question))):
        return found.group(0).lower()
    # "is KPO riskier than BPO?", "Is KPO or BPO easier to manage?": an adjective of its own, both concepts named
    adjective = re.search(rf"\b({ADJECTIVE_COMPARATIVE.pattern})\b", question, re.IGNORECASE)
    named = {_abbreviation(store, m.group(0)) for m in re.finditer(rf"\b(?:{names})\b", question, re.IGNORECASE)}
    # "is bpo or kpo less risky?", "Is BPO or KPO the lower-risk option?": one of the two offered, a comparative no
    # row settles (not "more specialist people, bpo or kpo?", which Employee Expertise does)
    if (found and len(named) > 1 and EVALUATED.search(found.group(0))
            and re.search(rf"\b(?:{names})\s+or\s+(?:{names})\b", question, re.IGNORECASE)):
        return found.group(0).lower()
    return adjective.group(1).lower() if adjective and len(named) > 1 else None


def _abbreviation(store: FactStore, name: str) -> str | None:
    """The abbreviation of the concept a name (abbreviation or full name, any case) names."""
    found = store.concept(name)
    return found.abbreviation if found else None


def similarity(store: FactStore, title: str, yes: bool = False) -> Answer | None:
    """One titled similarity in full ("do they both need vendor management?"), "Yes:" first for a yes/no question."""
    found = store.similarity(title)
    if found is None:
        return None
    _, heading = store.headings()
    added, places = _caveats(store, found.title)
    text = " ".join([say("similarity", title=found.title, both=_both(store), text=found.text), *added])
    return Answer(say("yes_first", text=text) if yes else text,
                  (Place(Part.SIMILARITY, heading=heading, names=(found.title,), line=found.line), *places),
                  topic=Topic.CHARACTERISTIC, characteristic=found.title)


#: A sentence that qualifies what comes before it ("However, it also introduces new risks ...").
CAVEAT = re.compile(r"^\s*(?:however|but|yet|still|that\s+said|on\s+the\s+other\s+hand)\b", re.IGNORECASE)


def _caveats(store: FactStore, title: str) -> tuple[list[str], list[Place]]:
    """What a concept's characteristic named as a similarity adds against it, to say beside the similarity.

    Risk Management is shared (outsourcing "helps distribute operational risks"); BPO's own Risk Management adds
    "However, it also introduces new risks related to vendor management and service delivery.", which nobody
    asking whether outsourcing takes all the risk off them should miss.
    """
    added, places = [], []
    for concept, item in store.characteristic(title):
        for sentence in split_sentences(item.text):
            if CAVEAT.match(sentence):
                added.append(say("similarity_caveat", concept=concept, title=item.title, text=sentence))
                places.append(_characteristic_place(concept, item.title, item.line))
    return added, places


def similarities(store: FactStore, besides: str = "") -> Answer:
    """The titled similarities, each with its first sentence; ``besides``: those its words name are left out.

    "apart from the hosting, what do saas and iaas have in common" leaves out Vendor Hosting (when every
    similarity is named, or none, all are listed).
    """
    _, heading = store.headings()
    shared = store.similarities()
    named = set(content_lemmas(besides))
    kept = [s for s in shared if not named & set(content_lemmas(s.title))] if named else shared
    # (or the one whose sentence says it: "besides the way they're paid for, ...": Subscription Pricing, "Both are paid
    # for as they are used")
    if named and len(kept) == len(shared):
        saying = [s for s in shared if named & set(content_lemmas(s.text))]
        kept = [s for s in shared if s not in saying] if len(saying) == 1 else shared
    left = [s.title for s in shared if s not in kept]
    if not kept or not left:
        kept, left = shared, []
    items = [f"{s.title}: {s.text}" for s in kept]
    intro = (say("similarities_besides", left=listed(left, "and"), both=_both(store)) if left
             else say("similarities_intro", count=len(items), both=_both(store)))
    return Answer(intro, (Place(Part.SECTION, heading=heading),), items=items, topic=Topic.SIMILARITIES)


# -- examples -------------------------------------------------------------------


def examples(store: FactStore, concept: str | None = None) -> Answer:
    """The examples each concept names (or one concept's)."""
    chosen = [_concept(store, concept)] if concept else store.concepts()
    if not chosen or chosen[0] is None:
        return not_in_document(store, concept or "")
    lines = [say("examples_intro", abbreviation=c.abbreviation, examples=listed(_example_quotes(store, c, against=False)))
             for c in chosen]
    sources = [Place(Part.DEFINITION, heading=c.heading, concept=c.abbreviation) for c in chosen]
    sources.append(_table_place(store, Part.ROW, EXAMPLES_ROW))
    return Answer(" ".join(lines), tuple(sources), topic=Topic.EXAMPLE,
                  concept=chosen[0].abbreviation if concept else None)


def _example_quotes(store: FactStore, concept: Concept, only: str | Iterable[str] | None = None,
                    against: bool = True) -> list[str]:
    """A concept's examples as the document writes them, each with its place.

    The words of its definition that list them, with what they are examples of ("... outsourcing
    activities such as customer service, payroll, or IT support"), then the comparison table's cell
    ("Customer Service, Payroll"), with the other concepts' cells of that row beside it.

    Args:
        store: The facts.
        concept: The concept.
        only: Quote only the places that name this example, or one of these.
        against: Quote the other concepts' cells beside the table's (whether a task is an example
            of one concept; not a list of one concept's examples).
    """
    wanted = None if only is None else {only.casefold()} if isinstance(only, str) else {o.casefold() for o in only}
    quotes = []
    listed_in = [e.text for e in concept.examples if e.source == "definition"]
    if listed_in and (wanted is None or wanted & {e.casefold() for e in listed_in}):
        if (span := _listing_span(concept.definition, listed_in)) is not None:
            quotes.append(say("examples_definition", quote=span))
    row = next((a for a in store.aspects() if a.items), None)
    cell = row.values.get(concept.abbreviation) if row else None
    if cell and (wanted is None or wanted & {i.casefold() for i in row.items.get(concept.abbreviation, ())}):
        others = _other_cells(row.values, concept.abbreviation)
        quotes.append(say("examples_table", cell=cell, others=others) if others and against
                      else say("examples_table_alone", cell=cell))
    return quotes


#: A list of examples is quoted from the start of its clause when that has at most this many words.
LISTING_CLAUSE = 12
#: Else with this many words before its "such as" ("computing resources such as ...").
LISTING_LEAD = 2
#: Words that join a clause to the one before, left out at the start of a quote.
JOINING = frozenset({"and", "or", "but"})


def _listing_span(definition: str, items: list[str]) -> str | None:
    """The words of a definition that list its examples, with what they are examples of.

    "... outsourcing activities such as customer service, payroll, or IT support" (marked "..." where
    the sentence goes on before it), "Teams use tools such as email, accounting, or ticketing".
    """
    lower = definition.casefold()
    start = lower.find(items[0].casefold())
    end = lower.find(items[-1].casefold(), max(start, 0))
    if start < 0 or end < 0:
        return None
    sentence_start = max((m.end() for m in re.finditer(r"[.!?]\s+", definition[:start])), default=0)
    # from the start of its clause, less a joining word ("KPO handles complex and specialized functions such as",
    # "... access specialized expertise by outsourcing activities such as"), or its last words when that is long
    clause_start = max((m.end() for m in re.finditer(r"[,;:]\s+", definition[:start])), default=0)
    before = definition[max(sentence_start, clause_start):start].split()  # (ending "such as")
    if before and before[0].casefold() in JOINING:
        before = before[1:]
    whole = clause_start <= sentence_start and len(before) <= LISTING_CLAUSE  # a sentence quoted from its start
    lead = " ".join(before if len(before) <= LISTING_CLAUSE else before[-(LISTING_LEAD + 2):])
    # and to its end, when little follows the list ("... or ticketing without installing anything.")
    stop = end + len(items[-1])
    rest = re.match(r"[^.!?]*[.!?]?", definition[stop:])
    if rest is not None and len(rest.group(0).split()) <= LISTING_LEAD + 2:
        stop += len(rest.group(0))
    span = f"{lead} {definition[start:stop]}".strip()
    return span if whole else f"... {span}"


def _other_cells(values: dict[str, str], concept: str) -> str:
    """The other concepts' cells of a table row, each with its concept ('"Market Research, R&D" for KPO')."""
    return listed([say("examples_table_other", cell=value, abbreviation=name)
                   for name, value in values.items() if name != concept and value])


def is_example(store: FactStore, recommender: Recommender, task: str, concept: str | None,
               fit_first: bool = False, described: str | None = None) -> Answer:
    """Whether the document gives ``task`` as an example of ``concept``, and which fits it if it names none.

    Args:
        store: The facts.
        recommender: Which concept fits a task the document does not name.
        task: The task as the user named it.
        concept: The concept asked about, if any.
        fit_first: Say which concept fits first ("my team does form digitisation, is that
            BPO?" asks that; "is form digitisation an example of BPO?" asks about the examples).
        described: All the message says of the task, weighed when the task alone settles nothing.
    """
    if (spelled := recommender.spelled(task)) != task:  # "is markt reserch kpo?": market research, said so first
        return _read_as(task, spelled, is_example(store, recommender, spelled, concept, fit_first,
                                                  _respelled(described, task, spelled)))
    listed_under = store.concept_of_example(task)
    asked = _concept(store, concept) if concept else None
    if listed_under is not None:
        found = _concept(store, listed_under)
        assert found is not None
        sources = (Place(Part.DEFINITION, heading=found.heading, concept=listed_under),
                   _table_place(store, Part.ROW, EXAMPLES_ROW))
        quoted = listed(_example_quotes(store, found, task))
        if asked is None or asked.abbreviation == listed_under:
            return Answer(say("example_yes", task=task, abbreviation=listed_under, quoted=quoted), sources,
                          topic=Topic.EXAMPLE, concept=listed_under, task=task)
        return Answer(say("example_no", task=task, concept=listed_under, asked=asked.abbreviation, quoted=quoted,
                          examples_of=say("examples_of", concept=listed_under)),
                      sources,
                      # the concept asked stays the one "it" means next ("then what is an example of it?")
                      topic=Topic.EXAMPLE, concept=asked.abbreviation, task=task)
    names = asked.abbreviation if asked else " or ".join(c.abbreviation for c in store.concepts())
    text = say("example_unnamed", task=task, asked=names)
    fit = recommend(store, recommender, task, described)
    if fit.found:
        # "my team does form digitisation, is that BPO?" asks which fits: say so first, with the reasons
        return replace(fit, text=f"{fit.text} {text}" if fit_first else f"{text} {fit.text}")
    every = _table_place(store, Part.ALL_EXAMPLES, *(c.abbreviation for c in store.concepts()))
    return Answer(text, (every,), topic=Topic.EXAMPLE, concept=asked.abbreviation if asked else None, task=task)


# -- recommend ------------------------------------------------------------------


def recommend(store: FactStore, recommender: Recommender, task: str, described: str | None = None) -> Answer:
    """Which concept fits a task, with the evidence that decided it.

    Args:
        store: The fact store.
        recommender: Scores a task against the document's evidence.
        task: The task as the person named it ("appointment scheduling").
        described: All the message says of it, weighed when the task alone settles nothing
            ("appointment scheduling, standard booking software, lots of calls").
    """
    if (spelled := recommender.spelled(task)) != task:  # "markt reserch" is the document's "market research", said so
        return _read_as(task, spelled, recommend(store, recommender, spelled, _respelled(described, task, spelled)))
    listed_under = store.concept_of_example(task)
    if listed_under is not None:
        found = _concept(store, listed_under)
        assert found is not None
        quoted = listed(_example_quotes(store, found, task))
        return Answer(say("recommend_named", concept=listed_under, task=task, quoted=quoted),
                      (Place(Part.EXAMPLES, heading=found.heading, concept=listed_under),),
                      topic=Topic.RECOMMEND, concept=listed_under, task=task)
    result = recommender.recommend(task)
    if result.concept is None and described and described != task:
        wider = recommender.recommend(described)
        if wider.concept is not None:  # the task is still named as the person named it
            result = replace(wider, task=task)
    # (the description is read only where it can decide)
    description = (recommender.describe(described, task)
                   if described and (result.concept is None or _read_only_by_alias(result, task)) else None)
    # "... every scenario set is customised and built by quants with advanced degrees": how it is done; and an
    # everyday word the task was read by gives way to a description that points the other way ("second reads of
    # complex scans" by "board-certified specialists" are no document scanning)
    if description is not None and description.concept is not None and (
            result.concept is None or _read_only_by_alias(result, task) and description.concept != result.concept
            and len(description.words[description.concept]) >= OVERRIDING_WORDS):
        return _described(store, task, description)
    if result.concept is None:
        return _unsettled(store, result)
    matches = list({m.evidence.phrase.casefold(): m for m in reversed(result.matches[result.concept])}.values())
    matches = sorted(matches, key=lambda m: -m.score)[:3]
    reasons = say("recommend_reason_lead") + listed([_evidence_phrase(store, m) for m in matches]) + "."
    if result.aliases:
        reasons += " " + " ".join(say("alias", alias=a, target=t) for a, t in result.aliases)
    # the strongest two matches are quoted: an example as the document lists it ("email, accounting, or ticketing"), a
    # phrase of a sentence by that sentence ("financial analysis" in High-Level Expertise, "data analysis" in Complex
    # and Analytical Work)
    concept = _concept(store, result.concept)
    sentences: list[str] = []
    listing = None
    # (words matched in a paragraph last: "the words "monthly" in the definition of SaaS" by their sentence, unless it
    # is quoted already)
    for match in sorted(matches, key=lambda m: (m.evidence.kind == "text", m.evidence.kind == "text" and -len(m.words))):
        if len(sentences) + (listing is not None) == QUOTED_MATCHES:
            break
        quoted = [*sentences, *re.findall(r'"(?:\.\.\. )?([^"]+)"', listing or "")]
        if (sentence := _evidence_sentence(store, match, quoted)) is not None:
            if not _quoted_already(sentence, quoted):
                sentences.append(sentence)
        elif (match.evidence.kind == "example" and listing is None and concept is not None
              and not any(match.evidence.phrase.casefold() in s.casefold() for s in sentences)):
            # (every place that lists an example matched: "research and development" in the definition and "Market
            # Research" in the table)
            examples = [m.evidence.phrase for m in matches if m.evidence.kind == "example"]
            listing = listed(_example_quotes(store, concept, examples)) or None
    if sentences:
        reasons += " " + (say("evidence_quoted", text=sentences[0]) if len(sentences) == 1
                          else say("evidence_quoted_two", first=sentences[0], second=sentences[1]))
    if listing:
        reasons += " " + say("example_listed", concept=result.concept, quoted=listing)
    return Answer(
        say("recommend", concept=result.concept, task=task, reasons=reasons),
        tuple(m.evidence.place for m in matches), evidence=True,
        topic=Topic.RECOMMEND, concept=result.concept, task=task,
    )


def _quoted_already(sentence: str, quoted: Sequence[str]) -> bool:
    """Whether a sentence is one of the quotes, or holds one, or is held in one."""
    said = sentence.casefold()
    return any(q.casefold() in said or said in q.casefold() for q in quoted)


def _respelled(described: str | None, task: str, spelled: str) -> str | None:
    """A description with the task in it as :meth:`Recommender.spelled` wrote it."""
    return described and described.replace(task, spelled)


def _read_as(task: str, spelled: str, answer: Answer) -> Answer:
    """The answer on a respelled task, after saying how the task was read ('(Reading "markt reserch" as ...)')."""
    return replace(answer, text=f"{say('spelled_as', written=task, spelled=spelled)} {answer.text}")


#: A verdict quotes the sentences or listings of this many of its strongest matches.
QUOTED_MATCHES = 2
#: How many words of a description pointing the other way overturn a verdict an everyday word alone gave.
OVERRIDING_WORDS = 2


def _read_only_by_alias(result: Recommendation, task: str) -> bool:
    """Whether a verdict rests on an everyday word alone: none of its evidence matched the task's own words."""
    own = set(content_lemmas(task))
    return bool(result.aliases) and result.concept is not None and not any(
        set(m.words) & own for m in result.matches.get(result.concept, []))


def _described(store: FactStore, task: str, description: Description) -> Answer:
    """The concept a task's description points to, with its words, and the interview to check it."""
    concept = description.concept
    assert concept is not None
    words = listed([f'"{w}"' for w in description.words[concept]])
    # the table's rows that set the concepts apart, as the document has them: its first, and one the words name
    # ("vendor": Management)
    rows = _rows_described(store, concept, description.words[concept])
    quoted = say("described_rows", rows=listed([f'"{_row_line(row)}"' for row in rows])) if rows else ""
    text = say("recommend_described", concept=concept, task=task, words=words, rows=quoted)
    return Answer(text, tuple(_table_place(store, Part.ROW, row.name) for row in rows), buttons=[classify_offer(task)],
                  topic=Topic.RECOMMEND, concept=concept, task=task)


#: A verdict read from a description quotes this many rows of the table.
DESCRIBED_ROWS = 2


def _rows_described(store: FactStore, concept: str, words: list[str]) -> list[Aspect]:
    """The table's first row of words, then the rows whose name or cell of ``concept`` holds one of ``words``."""
    said = {lemma(w.split()[-1].lower()) for w in words}  # ("hardly judgement": judgement)
    rows = [a for a in store.aspects() if not a.items]
    named = [a for a in rows if said & set(content_lemmas(f"{a.name} {a.values.get(concept, '')}"))]
    return list({a.name: a for a in [*rows[:1], *named]}.values())[:DESCRIBED_ROWS]


def _row_line(row: Aspect) -> str:
    """A table row as one line: "Definition: BPO: Routine Tasks; KPO: Knowledge-Based Tasks"."""
    return f"{row.name}: " + "; ".join(say("aspect_pair", abbreviation=c, value=v) for c, v in row.values.items())


def classify_offer(task: str) -> dict[str, str]:
    """The button that starts the guided classification for ``task``."""
    return {"title": WORDING["classify_offer"], "payload": "/" + Intent.CLASSIFY + json.dumps({Entity.TASK: task})}


def _unsettled(store: FactStore, result: Recommendation) -> Answer:
    choices = " or ".join(c.abbreviation for c in store.concepts())
    leanings = [
        f"{concept}: {listed([_evidence_phrase(store, m) for m in found[:2]])}"
        for concept, found in result.matches.items() if found
    ]
    # (evidence for one side only, too little to settle it, is said to point one way only weakly)
    kind = "recommend_unsettled_both" if len(leanings) > 1 else "recommend_unsettled_one"
    detail = say(kind, detail="; ".join(leanings)) if leanings else say("recommend_unsettled_none")
    # the rows of degrees, in the store's own words ("complexity or scalability", "control or effort")
    graded = [a.name.lower() for a in store.aspects() if all(_rank(v) is not None for v in a.values.values())]
    detail += " " + say("recommend_unsettled_hint", rows=listed(graded[:2], "or") or "one row of the table")
    sources = tuple(m.evidence.place for found in result.matches.values() for m in found[:2])
    offer = classify_offer(result.task)
    return Answer(say("recommend_unsettled", task=result.task, choices=choices, detail=detail),
                  sources, evidence=True, buttons=[offer], found=False, topic=Topic.OFFER_CLASSIFY, task=result.task)


#: The wording of each kind of evidence, by :class:`~bot.answering.recommend.Evidence` kind.
EVIDENCE_WORDING = {"example": "evidence_example", "table": "evidence_table", "such as": "evidence_such_as",
                    "title": "evidence_title"}


def _evidence_sentence(store: FactStore, match: Match, quoted: Sequence[str] = ()) -> str | None:
    """The sentence of the document a matched phrase of a list or a title stands in, if one holds it.

    For words matched in a paragraph, the sentence of it that holds the most of them ("monthly"
    in SaaS's definition: "SaaS is billed per seat, usually monthly."), of those not ``quoted``
    already.
    """
    item = match.evidence
    if item.kind == "text":
        matched = set(match.words)
        # (only a sentence holding a matched word is looked up in the document)
        counted = [(n, -i, s) for i, s in enumerate(split_sentences(item.phrase)) if (n := len(matched & set(content_lemmas(s))))]
        held = [(n, i, whole) for n, i, s in counted if not _quoted_already(whole := _whole_sentence(store, s), quoted)]
        most = max(held, default=None)
        return most[2] if most is not None and most[0] else None
    if item.kind not in ("such as", "title"):
        return None
    phrase = item.phrase.casefold()
    held = [p for p in store.passages() if p.concept == item.concept and p.title in item.place.names]
    return next((p.text for p in held if phrase in p.text.casefold()), held[0].text if item.kind == "title" and held
                else None)


def _whole_sentence(store: FactStore, clause: str) -> str:
    """The document's sentence a clause of it stands in, as written, or the clause after "...".

    "KPO handles complex ..." is quoted as "Unlike Business Process Outsourcing (BPO), which
    focuses on routine tasks, KPO handles complex ...".
    """
    said = clause.rstrip(".").casefold()
    for passage in store.passages():
        for sentence in split_sentences(passage.text):
            if said in sentence.casefold():
                return sentence
    return f"... {clause}"


def _evidence_phrase(store: FactStore, match: Match) -> str:
    item = match.evidence
    if item.kind == "text":
        return say("evidence_text", words=", ".join(f'"{w}"' for w in match.words), where=cite(item.place, True))
    if item.kind != "table":
        return say(EVIDENCE_WORDING[item.kind], concept=item.concept, phrase=item.phrase, where=cite(item.place, True))
    # a table cell is cited by its row, against the other concepts' cells of that row ("the ... cell "Routine
    # Tasks" (Definition, against "Knowledge-Based Tasks" for KPO)")
    row = next((a for a in store.aspects() if a.name == item.place.name), None)
    others = _other_cells(row.values, item.concept) if row else ""
    where = say("evidence_table_row", row=item.place.name, others=others) if others else item.place.name
    return say(EVIDENCE_WORDING[item.kind], concept=item.concept, phrase=item.phrase, where=where)


# -- free text ------------------------------------------------------------------


def concept_name_lemmas(store: FactStore) -> set[str]:
    """The lemmas of every concept's abbreviation and full name ("bpo", "business", "process", ...)."""
    return {w for c in store.concepts() for w in content_lemmas(f"{c.abbreviation} {c.name}")}


def out_of_scope(store: FactStore) -> Answer:
    """What the assistant answers, in the store's own names: the reply to an off-topic message."""
    names = [c.abbreviation for c in store.concepts()]
    examples = store.examples()
    example = examples[0][1].text if examples else "our process"
    return Answer(say("out_of_scope", concepts=_both(store), last=names[-1], example=example,
                      choices=" or ".join(names)), found=False, outcome=Outcome.SCOPE)


def not_in_document(store: FactStore, topic: str) -> Answer:
    """The polite "the document does not say" answer."""
    topic = topic.strip() or "that"
    return Answer(say("not_in_document", topic=topic, concepts=_both(store)), found=False)


def which_concept(store: FactStore, intent: str, **extra: str) -> Answer:
    """Ask which concept was meant, with a button for each."""
    return Answer(say("which_concept"), buttons=_concept_buttons(store, intent, **extra), found=False)


def _concept(store: FactStore, name: str | None) -> Concept | None:
    return store.concept(name) if name else None
