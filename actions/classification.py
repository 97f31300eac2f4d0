"""The guided classification's actions: start, ask, validate, result, cancel.

The form ``classify_form`` re-asks one slot, ``classify_answer``, once per row;
the answers so far live in ``classify_interview`` and the row being asked in
``classify_question``. All logic is in bot/classify.py; wording in bot/wording.py
and in domain.yml's ``utter_ask_row_<row>`` responses.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import classify_render, render
from bot.answers import OFFER_TOPIC, Answer
from bot.classify import (
    UNSURE,
    Interview,
    load_cues,
    load_settings,
    next_question,
    outcome,
    preset_from_task,
    questions,
    side_from_choice,
    side_from_text,
)
from bot.entities import resolve
from bot.facts.live import LiveFacts
from bot.wording import WORDING

FORM = "classify_form"
ANSWER, INTERVIEW, QUESTION, MISSES, TASK = (
    "classify_answer", "classify_interview", "classify_question", "classify_misses", "task")
CHOICE = "choice"
DONE = "done"
MAX_MISSES = 2


def reset() -> list[EventType]:
    return [SlotSet(ANSWER, None), SlotSet(INTERVIEW, None), SlotSet(QUESTION, None), SlotSet(MISSES, 0.0)]


def _say(dispatcher: CollectingDispatcher, tracker: Tracker, answer: Answer | str) -> None:
    """Send an answer (or a plain sentence) in the form the user's channel shows best."""
    if isinstance(answer, str):
        answer = Answer(answer)
    render.utter(dispatcher, answer, tracker.get_latest_input_channel())


def _choice(tracker: Tracker) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == CHOICE:
            return str(entity.get("value"))
    return None


class _Classification:
    def __init__(self, facts: LiveFacts) -> None:
        self._facts = facts
        # reviewed data files, read once at start-up rather than on every turn
        self._cues = load_cues()
        self._settings = load_settings()

    def rows(self):  # noqa: ANN201
        return questions(self._facts.current().store, self._settings)


class ActionStartClassification(_Classification, Action):
    """Clear old answers, keep a described task and pre-answer what it clearly settles."""

    def name(self) -> str:
        return "action_start_classification"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        facts = self._facts.current()
        message = tracker.latest_message or {}
        mentions = resolve(message.get("entities") or [], facts.names, message.get("text") or "", "recommend")
        intent = (message.get("intent") or {}).get("name")
        # started by the classify intent, or by accepting an offer ("yes"), which keeps its task
        task = mentions.task or (tracker.get_slot(TASK) if intent != "classify" else None)
        rows = self.rows()
        interview = Interview()
        presets = []
        if task:
            for key, concept in preset_from_task(rows, facts.recommender.recommend(task)).items():
                interview.answers[key] = concept
                interview.preset.append(key)
                presets.append((next(q for q in rows if q.key == key), concept))
        _say(dispatcher, tracker, classify_render.intro(min(len(rows), 7), task, presets))
        first = next_question(rows, interview)
        # Setting the answer slot (even to None) would make the form validate it at once.
        events = [e for e in reset() if e["name"] != ANSWER or tracker.get_slot(ANSWER) is not None]
        events += [SlotSet(INTERVIEW, interview.to_dict()), SlotSet(QUESTION, first.key if first else None),
                   SlotSet(TASK, task), SlotSet("topic", "classify")]
        if intent != "classify":  # no rule starts the form after an accepted offer: start it here
            events.append(FollowupAction(FORM))
        return events


class ActionAskClassifyAnswer(_Classification, Action):
    """Ask the current row: the domain's wording for it if there is one, else a generic one."""

    def name(self) -> str:
        return "action_ask_classify_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        rows = self.rows()
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        current = tracker.get_slot(QUESTION)
        question = next((q for q in rows if q.key == current), None) or next_question(rows, interview)
        if question is None:
            return []
        number = len(interview.answers) - len(interview.preset) + 1
        response = f"utter_ask_row_{question.key}"
        templates = (domain or {}).get("responses", {}).get(response)
        wording = templates[0].get("text") if templates else None
        _say(dispatcher, tracker, classify_render.question_answer(question, number, wording))
        return [SlotSet(QUESTION, question.key)]


class ValidateClassifyForm(_Classification, FormValidationAction):
    """Turn a button or a free-text answer into a side, and decide whether to go on."""

    def name(self) -> str:
        return "validate_classify_form"

    async def validate_classify_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value is None:
            return {}
        rows = self.rows()
        by_key = {q.key: q for q in rows}
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        question = by_key.get(tracker.get_slot(QUESTION) or "") or next_question(rows, interview)
        if question is None:
            return {ANSWER: DONE}
        choice = _choice(tracker)
        if choice is not None:
            key, _, side_text = choice.partition(":")
            if key == "redo" and side_text in by_key:
                interview.answers.pop(side_text, None)
                if side_text in interview.preset:
                    interview.preset.remove(side_text)
                return {ANSWER: None, INTERVIEW: interview.to_dict(), QUESTION: side_text, MISSES: 0.0}
            if key != question.key:
                _say(dispatcher, tracker, WORDING["stale_button"])
                return {ANSWER: None}
            side = side_from_choice(question, side_text)
        else:
            side = side_from_text(question, str(value or ""), self._cues)
        if side is None:
            misses = (tracker.get_slot(MISSES) or 0.0) + 1
            if misses < MAX_MISSES:
                _say(dispatcher, tracker, classify_render.hint(question))
                return {ANSWER: None, MISSES: misses}
            _say(dispatcher, tracker, WORDING["answer_counted_unsure"].format(row=question.row))
            side = UNSURE
        interview.answers[question.key] = side
        following = next_question(rows, interview)
        slots = {INTERVIEW: interview.to_dict(), MISSES: 0.0}
        if following is None:
            return {**slots, ANSWER: DONE, QUESTION: None}
        return {**slots, ANSWER: None, QUESTION: following.key}


class ActionClassifyResult(_Classification, Action):
    """The recommendation, why, and what to watch; then clear the answers."""

    def name(self) -> str:
        return "action_classify_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        facts = self._facts.current()
        rows = self.rows()
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        answer = classify_render.result(facts.store, outcome(rows, interview), interview, tracker.get_slot(TASK))
        _say(dispatcher, tracker, answer)
        events = reset()
        if answer.concept:
            events.append(SlotSet("concept", answer.concept))
        return [*events, SlotSet("topic", "classify_result")]


class ActionAffirm(Action):
    """ "Yes" accepts an offer of the guided classification; otherwise it just moves on."""

    def name(self) -> str:
        return "action_affirm"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("topic") == OFFER_TOPIC:
            return [FollowupAction("action_start_classification")]
        dispatcher.utter_message(response="utter_anything_else")
        return []


class ActionCancelClassification(Action):
    """Leave the form with a short confirmation and no recommendation."""

    def name(self) -> str:
        return "action_cancel_classification"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        _say(dispatcher, tracker, WORDING["classify_cancelled"])
        return [ActiveLoop(None), SlotSet("requested_slot", None), *reset(), SlotSet("topic", None)]


def build_classification_actions(facts: LiveFacts) -> list[Action]:
    return [ActionStartClassification(facts), ActionAskClassifyAnswer(facts), ValidateClassifyForm(facts),
            ActionClassifyResult(facts), ActionCancelClassification(), ActionAffirm()]
