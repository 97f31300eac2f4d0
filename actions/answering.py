"""The answering actions: read the tracker, ask the route table, render, keep the context."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.classification import InterviewAnswers
from bot import render
from bot.answering.answer import Answer
from bot.answering.live import Facts, LiveFacts
from bot.answering.routes import ROUTES, Context, Route, Turn, read_turn, respond
from bot.contract import CONTEXT_SLOTS, Slot


class AnswerAction(Action):
    """Answers one kind of question from the fact store.

    Args:
        route: Its row of :data:`bot.answering.routes.ROUTES`: the action's name and its logic.
        facts: The live store, handed in by the server (never opened at import).
    """

    def __init__(self, route: Route, facts: LiveFacts, interview: InterviewAnswers | None = None) -> None:
        self._route = route
        self._facts = facts
        self._interview = interview

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return self._route.action

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Answer the latest message and set the context slots for follow-ups.

        In the guided classification, a statement that answers the current question ("fairly
        hard work, and we talk to the client constantly", which NLU may take for a question
        on client interaction) is recorded as the answer instead.
        """
        if self._interview is not None and (
                answered := self._interview.answer_in_form(dispatcher, tracker, statements_only=True)) is not None:
            return answered
        facts = self._facts.current()
        results = respond(self._route, facts, turn_from_tracker(tracker, facts))
        channel = tracker.get_latest_input_channel()
        for answer in results:
            render.utter(dispatcher, answer, channel)
        return context_events(results, tracker)


def turn_from_tracker(tracker: Tracker, facts: Facts) -> Turn:
    """The latest message and the context slots, as the route table reads them."""
    context = Context(
        concept=tracker.get_slot(Slot.CONCEPT), aspect=tracker.get_slot(Slot.ASPECT),
        characteristic=tracker.get_slot(Slot.CHARACTERISTIC), task=tracker.get_slot(Slot.TASK),
        topic=tracker.get_slot(Slot.TOPIC),
    )
    return read_turn(tracker.latest_message or {}, context, facts.names)


def context_events(results: list[Answer], tracker: Tracker) -> list[EventType]:
    """Slots for the follow-ups: what the last answer was about."""
    events: list[EventType] = []
    if not results:
        return events
    last = next((a for a in reversed(results) if not a.aside), results[-1])
    for slot in CONTEXT_SLOTS:
        value = getattr(last, slot)
        if value is not None and value != tracker.get_slot(slot):
            events.append(SlotSet(slot, value))
    if last.topic is not None:
        events.append(SlotSet(Slot.TOPIC, last.topic))
    return events


def build_actions(facts: LiveFacts) -> list[AnswerAction]:
    """One action per row of the route table, all reading ``facts``."""
    interview = InterviewAnswers(facts)
    return [AnswerAction(route, facts, interview) for route in ROUTES]
