"""A turn as the route table reads it, from the tracker, and the context slots its answers leave."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from bot.answering.answer import Answer
from bot.answering.live import Facts
from bot.answering.routes import EARLIER_LOOKED_AT, read_turn
from bot.answering.turn import IN_FORM, Context, Turn
from bot.contract import CONTEXT_SLOTS, Slot


def turn_from_tracker(tracker: Tracker, facts: Facts, intent: str | None = None) -> Turn:
    """The latest message and the context slots, as the route table reads them.

    Args:
        tracker: The conversation.
        facts: The store's names, to resolve the message's entities.
        intent: Read the message as this intent instead of NLU's (a classification request read as a
            request for a recommendation, so the task NLU found counts).
    """
    context = Context(
        concept=tracker.get_slot(Slot.CONCEPT), aspect=tracker.get_slot(Slot.ASPECT),
        characteristic=tracker.get_slot(Slot.CHARACTERISTIC), task=tracker.get_slot(Slot.TASK),
        topic=tracker.get_slot(Slot.TOPIC), earlier=_earlier_messages(tracker),
    )
    message = tracker.latest_message or {}
    if intent is not None:
        message = {**message, "intent": {**(message.get("intent") or {}), "name": intent}}
    return read_turn(message, context, facts.names)


def _earlier_messages(tracker: Tracker) -> tuple[dict, ...]:
    """The messages before the latest, as Rasa parsed them, latest first (undone and restarted ones left out).

    A message given while a form was active (an answer in the guided classification) is marked
    :data:`~bot.answering.routes.IN_FORM`: it is no question to ask again.
    """
    parsed: list[dict] = []
    in_form = False
    for event in tracker.applied_events():
        kind = event.get("event")
        if kind == "active_loop":
            in_form = bool(event.get("name"))
        elif kind == "user":
            parsed.append({**(event.get("parse_data") or {}), "text": event.get("text") or "", IN_FORM: in_form})
    return tuple(reversed(parsed[-EARLIER_LOOKED_AT - 1:-1]))


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
