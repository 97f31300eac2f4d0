"""The one action class: read the tracker, ask bot.dialogue, render, keep context."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import render
from bot.answers import Answer
from bot.dialogue import ROUTES, Context, Turn
from bot.entities import resolve
from bot.facts.live import LiveFacts

logger = logging.getLogger(__name__)

CONCEPT, ASPECT, CHARACTERISTIC, TASK, TOPIC = "concept", "aspect", "characteristic", "task", "topic"
CONTEXT_SLOTS = (CONCEPT, ASPECT, CHARACTERISTIC, TASK)


class AnswerAction(Action):
    """Answers one kind of question from the fact store.

    Args:
        action_name: The name in ``domain.yml``.
        route: The key of its logic in :data:`bot.dialogue.ROUTES`.
        facts: The live store, handed in by the server (never opened at import).
    """

    def __init__(self, action_name: str, route: str, facts: LiveFacts) -> None:
        self._name = action_name
        self._route = route
        self._facts = facts

    def name(self) -> str:
        return self._name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = self._facts.current()
        turn = turn_from_tracker(tracker, facts)
        results = ROUTES[self._route](facts, turn)
        channel = tracker.get_latest_input_channel()
        for answer in results:
            render.utter(dispatcher, answer, channel)
        return context_events(results, tracker)


def turn_from_tracker(tracker: Tracker, facts: Any) -> Turn:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name") or ""
    ranking = [(r.get("name"), r.get("confidence", 0.0)) for r in message.get("intent_ranking") or []]
    context = Context(
        concept=tracker.get_slot(CONCEPT), aspect=tracker.get_slot(ASPECT),
        characteristic=tracker.get_slot(CHARACTERISTIC), task=tracker.get_slot(TASK),
        topic=tracker.get_slot(TOPIC),
    )
    return Turn(
        text=message.get("text") or "",
        intent=intent,
        mentions=resolve(message.get("entities") or [], facts.names, message.get("text") or "", intent),
        context=context,
        ranking=ranking,
    )


def context_events(results: list[Answer], tracker: Tracker) -> list[EventType]:
    """Slots for the follow-ups: what the last answer was about."""
    events: list[EventType] = []
    if not results:
        return events
    last = results[-1]
    for slot in CONTEXT_SLOTS:
        value = getattr(last, slot)
        if value is not None and value != tracker.get_slot(slot):
            events.append(SlotSet(slot, value))
    if last.topic is not None:
        events.append(SlotSet(TOPIC, last.topic))
    return events


#: (action name, the route it runs)
ACTIONS = (
    ("action_define", "define"),
    ("action_compare", "compare"),
    ("action_example", "example"),
    ("action_recommend", "recommend"),
    ("action_inform", "inform"),
    ("action_follow_up", "follow_up"),
    ("action_clarify", "nlu_fallback"),
)


def build_actions(facts: LiveFacts) -> list[AnswerAction]:
    return [AnswerAction(name, route, facts) for name, route in ACTIONS]
