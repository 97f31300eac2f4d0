"""The guided classification's messages, built from the interview's results and the store."""

from __future__ import annotations

import json

from bot.answering import retrieve
from bot.answering.answer import Answer
from bot.classify.interview import UNSURE, Outcome, Question
from bot.contract import Entity, Intent, Topic
from bot.facts.model import Part, Place
from bot.facts.store import FactStore
from bot.text import tokens
from bot.wording import WORDING, say

#: Rows whose values say what to watch after choosing a model.
WATCH_ROWS = ("Management", "Risk Type")


#: The first part of a button's choice that asks to answer a preset row again.
REDO = "redo"
#: The first part of a button's choice that changes an answer after the result: ``fix:<row key>:<concept>``.
FIX = "fix"


def choice_payload(key: str, value: str) -> str:
    """A button's payload: the ``inform`` intent with a ``choice`` of ``<row key>:<concept or UNSURE>``."""
    return "/" + Intent.INFORM + json.dumps({Entity.CHOICE: f"{key}:{value}"})


def question_answer(question: Question, number: int, wording: str | None) -> Answer:
    """Question ``number`` in ``wording`` (domain.yml's) or generically, with a button per value and "Not sure".

    Each button's payload names the row, so a click on an earlier question's button is recognised.
    """
    choices = " or ".join(f'"{v}"' for v in question.values.values())
    text = say("question_counter", number=number) + (
        wording or say("question_generic", row=question.row, choices=choices))
    buttons = [{"title": value, "payload": choice_payload(question.key, concept)}
               for concept, value in question.values.items()]
    buttons.append({"title": WORDING["not_sure"], "payload": choice_payload(question.key, UNSURE)})
    return Answer(text, buttons=buttons, found=False, topic=Topic.CLASSIFY)


def intro(count: int, task: str | None, presets: list[tuple[Question, str]]) -> Answer:
    """The interview's first message: how it works, the task, and the rows the task's description answered."""
    text = say("classify_intro", count=count)
    if task:
        text += say("classify_intro_task", task=task)
    buttons = []
    for question, concept in presets:
        text += " " + say("classify_preset", task=task, row=question.row, value=question.values[concept],
                           concept=concept)
        buttons.append({"title": say("classify_preset_fix", row=question.row),
                        "payload": choice_payload(REDO, question.key)})
    return Answer(text, buttons=buttons, found=False, topic=Topic.CLASSIFY)


def taken(pairs: list[tuple[Question, str]]) -> Answer:
    """The rows one typed answer also answered, each with a button to answer it after all."""
    said = [say("classify_taken_row", row=q.row, value=q.values[c], concept=c) for q, c in pairs]
    text = say("classify_taken", rows="; ".join(said))
    buttons = [{"title": say("classify_preset_fix", row=q.row), "payload": choice_payload(REDO, q.key)}
               for q, _ in pairs]
    return Answer(text, buttons=buttons, found=False, topic=Topic.CLASSIFY)


def read_as(question: Question, concept: str) -> str:
    """How a typed answer was read, so a misreading can be put right ("Noted: "Less Frequent" (the BPO side).")."""
    if concept == UNSURE:
        return say("classify_read_unsure", row=question.row)
    return say("classify_read_as", row=question.row, value=question.values[concept], concept=concept)


def corrected(question: Question, concept: str | None) -> str:
    """An earlier answer taken back: its new value, or that the row will be asked again."""
    if concept is None:
        return say("classify_corrected_again", row=question.row)
    if concept == UNSURE:
        return say("classify_corrected_unsure", row=question.row)
    return say("classify_corrected", row=question.row, value=question.values[concept], concept=concept)


def which_value(question: Question) -> Answer:
    """A row taken back after the result whose new answer could not be read: which, with a button per value."""
    buttons = [{"title": value, "payload": choice_payload(FIX, f"{question.key}:{concept}")}
               for concept, value in question.values.items()]
    return Answer(say("classify_corrected_which", row=question.row, choices=choices(question)), buttons=buttons,
                  found=False, topic=Topic.CLASSIFY)


def which_row(pairs: list[tuple[Question, str]]) -> Answer:
    """A value typed alone after the result that several rows have ("High"): which row, with a button per row."""
    question, concept = pairs[0]
    buttons = [{"title": q.row, "payload": choice_payload(FIX, f"{q.key}:{c}")} for q, c in pairs]
    return Answer(say("classify_corrected_which_row", value=question.values[concept],
                      rows=" or ".join(q.row for q, _ in pairs)), buttons=buttons, found=False, topic=Topic.CLASSIFY)


def choices(question: Question) -> str:
    """A row's values, each with its concept ('"Low to Medium" (BPO) or "High" (KPO)')."""
    return " or ".join(f'"{v}" ({c})' for c, v in question.values.items())


def unchanged(question: Question, concept: str) -> str:
    """An answer taken back to what it was already."""
    return say("classify_unchanged", row=question.row, value=question.values.get(concept, concept), concept=concept)


def explain(question: Question, index: retrieve.Index | None) -> Answer:
    """What the question asked means ("what do you mean?"): the row's values, and the document's sentence nearest each.

    The nearest sentence is a passage of that concept's, found by the row's name and value.
    """
    nearest = []
    for concept, value in question.values.items() if index is not None else ():
        hits = [h for h in index.find(f"{question.row} {value}", [concept], limit=8) if h.passage.concept == concept]
        nearest += hits[:1]
    items = [say("passage_item_of", concept=h.passage.concept, text=h.passage.text) for h in nearest]
    return Answer(say("classify_explain", row=question.row, choices=choices(question)), retrieve.places(nearest),
                  items=items, found=False, topic=Topic.CLASSIFY)


def hint(question: Question) -> str:
    """Asked again after an answer that pointed nowhere: the row's values, for each concept."""
    return say("answer_hint", row=question.row, choices=choices(question))


def result(store: FactStore, result_: Outcome, task: str | None) -> Answer:
    """The recommendation, its confidence, what each answer pointed to, and what to watch."""
    heading, _ = store.headings()
    rows = tuple(r.row for r in result_.reasons)
    items = [
        say("classify_reason_unsure", row=r.row) if r.concept == UNSURE else
        say("classify_reason", row=r.row, value=r.value, concept=r.concept,
            preset=WORDING["classify_preset_mark"] if r.preset else
            say("classify_taken_mark", row=r.taken_from) if r.taken_from else "")
        for r in result_.reasons
    ]
    buttons = [{"title": WORDING["classify_again"], "payload": "/" + Intent.CLASSIFY}]
    sources = [Place(Part.ROWS, heading=heading, names=rows) if rows else Place(Part.SECTION, heading=heading)]
    if result_.concept is None:
        if result_.answered == 0:
            text = WORDING["classify_all_unsure"]
        else:
            split = " and ".join(f"{n} to {c}" for c, n in result_.counts.items())
            text = say("classify_mixed", split=split)
        return Answer(text, tuple(sources), items=items, buttons=buttons, found=False,
                      topic=Topic.CLASSIFY_RESULT, task=task)
    concept = result_.concept
    unsure = say("classify_unsure_note", count=result_.unsure) if result_.unsure else ""
    text = say("classify_result", concept=concept, confidence=result_.confidence,
                agree=result_.counts[concept], answered=result_.answered, unsure=unsure)
    watch = {row: store.aspect_value(row, concept) for row in WATCH_ROWS}
    if all(watch.values()):
        text += " " + say("classify_watch", concept=concept, management=watch["Management"],
                           risk=watch["Risk Type"])
        for title, body, place in _watch_characteristics(store, concept, list(watch.values())):
            text += " " + say("classify_watch_characteristic", title=title, text=body)
            sources.append(place)
    if task:
        text = say("classify_for_task", task=task) + text
    buttons.append({"title": say("classify_ask_more", concept=concept),
                    "payload": "/" + Intent.DEFINE + json.dumps({Entity.CONCEPT: concept})})
    return Answer(text, tuple(sources), items=items, buttons=buttons, topic=Topic.CLASSIFY_RESULT,
                  concept=concept, task=task)


def _stem(word: str) -> str:
    return word[:6]


def _watch_characteristics(store: FactStore, concept: str, values: list[str]) -> list[tuple[str, str, Place]]:
    """The concept's characteristics whose titles share a word stem with the watch values."""
    stems = {_stem(w) for v in values for w in tokens(v) if len(w) > 3}
    found = []
    for item in store.characteristics(concept):
        if stems & {_stem(w) for w in tokens(item.title) if len(w) > 3}:
            first = item.text.split(". ")[0].rstrip(".") + "."
            found.append((item.title, first,
                          Place(Part.CHARACTERISTIC, concept=concept, names=(item.title,), line=item.line)))
    return found
