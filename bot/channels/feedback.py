"""A person's thumbs up or down on one answer, kept in the conversation for the report.

The widget and Slack offer the control under an answer (``bot/render.py`` gives the
answer's id); REST clients post it to ``/webhooks/rest/feedback``. Every channel hands the
rating to :func:`rate`, which checks that the answer is one of the conversation's own and
appends a ``feedback`` slot event to the conversation (the slot influences nothing, so the
dialogue goes on as before). ``bot.report`` reads it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.contract import ANSWER_RECORD, Feedback, Slot, rateable

logger = logging.getLogger(__name__)

#: An answer's id as ``bot.render.utter`` makes it.
ANSWER_ID = re.compile(r"[0-9a-f]{8,32}")
EXPECTED = f"expected an answer's id and a rating, one of {', '.join(Feedback.RATINGS)}"


class FeedbackError(ValueError):
    """Feedback that cannot be kept, and why (said to the client)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def read_feedback(data: Any) -> tuple[str, str]:
    """``(answer id, rating)`` from a channel's ``{"answer": ..., "rating": ...}``.

    Raises:
        FeedbackError: anything else.
    """
    if not isinstance(data, dict):
        raise FeedbackError(EXPECTED)
    answer, rating = data.get("answer"), data.get("rating")
    if not (isinstance(answer, str) and ANSWER_ID.fullmatch(answer) and rating in Feedback.RATINGS):
        raise FeedbackError(EXPECTED)
    return answer, rating


def answer_ids(events: list[Any]) -> set[str]:
    """The ids of the rateable answers in a conversation's events (Rasa's ``BotUttered`` metadata)."""
    ids = set()
    for event in events:
        if found := rateable((getattr(event, "metadata", None) or {}).get(ANSWER_RECORD)):
            ids.add(found)
    return ids


async def rate(sender_id: str, answer: str, rating: str, agent: Any = None) -> None:
    """Keep ``rating`` of the answer ``answer`` in the conversation ``sender_id`` (namespaced).

    A second rating of the same answer is kept too; the report counts the last one. The answer
    may be from an earlier session of the conversation (a widget's kept history, an old Slack
    message): it is looked for in the whole conversation, and the rating is added to the latest
    session (Rasa saves only the events of the tracker's latest session).

    Raises:
        FeedbackError: the conversation has no such answer (404), or the store failed (503).
    """
    from rasa.shared.core.events import SlotSet
    from sanic import Sanic

    agent = agent or Sanic.get_app().ctx.agent
    try:
        async with agent.lock_store.lock(sender_id):
            everything = await agent.tracker_store.retrieve_full_tracker(sender_id)
            if everything is None or answer not in answer_ids(list(everything.events)):
                raise FeedbackError(f"no answer {answer} in this conversation", status=404)
            tracker = await agent.tracker_store.retrieve(sender_id)
            tracker.update(SlotSet(Slot.FEEDBACK, {"answer": answer, "rating": rating}))
            await agent.tracker_store.save(tracker)
    except FeedbackError:
        raise
    except Exception:
        logger.exception("feedback: could not keep a rating in %s", sender_id)
        raise FeedbackError("the rating could not be stored; please try again", status=503) from None
