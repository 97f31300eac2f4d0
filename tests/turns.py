"""Turns as the answer logic receives them, for tests that run it without Rasa."""

from __future__ import annotations

from bot.answering.entities import Mentions
from bot.answering.turn import Context, Turn


def turn(intent, text, context=None, **mentioned):
    """A turn with what it names given by entity kind (``concepts="KPO"``, ``aspects=["Risk Type"]``)."""
    mentions = Mentions(**{k: list(v) if isinstance(v, list | tuple) else [v] for k, v in mentioned.items()})
    return Turn(text=text, intent=intent, mentions=mentions, context=context or Context())


def parsed(text, intent, *concepts):
    """An earlier message as Rasa parsed it, its concepts found where they are written."""
    entities = []
    for concept in concepts:
        start = text.lower().index(concept.lower())
        entities.append({"entity": "concept", "value": concept, "start": start, "end": start + len(concept)})
    return {"text": text, "intent": {"name": intent}, "entities": entities}
