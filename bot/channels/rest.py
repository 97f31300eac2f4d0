"""The REST channel and the terminal's channel, guarded: every message gets a reply.

Rasa's ``RestInput`` answers with an empty list when an action fails (for
example when the action server is down), passes empty or huge messages to the
model, files a request without a sender under one shared ``default``
conversation, and answers a body that is not a JSON object with a 500. These
subclasses keep its URL and its reply (a JSON list of messages) and:

- refuse a request that is not a JSON object with a string ``sender`` that fits the
  tracker store's column with the channel's prefix (``rest:``) with a 400 saying what
  is expected;
- finish a turn whose client left before its reply, so it is stored all the same;
- mark each reply with its answer's id (``answer_id``), and take a rating of it at
  ``/webhooks/rest/feedback`` (``{"sender", "answer", "rating": "up" | "down"}``);
- answer every other message politely, in the same response, and namespace the
  conversation ids (:mod:`bot.channels.guard`).

Configured in ``credentials.yml``: ``bot.channels.rest.RestInput`` at
``/webhooks/rest/webhook`` and ``bot.channels.rest.TerminalInput`` at
``/webhooks/terminal/webhook`` (the command-line chat, whose answers are laid out
for a terminal).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.feedback import FeedbackError, rate, read_feedback
from bot.channels.guard import OnNewMessage, guard, namespaced, received, storable
from bot.contract import ANSWER_RECORD, rateable

logger = logging.getLogger(__name__)

#: The tracker store's column for conversation ids holds 255 characters, the channel's prefix included.
MAX_ID_CHARS = 255
EXPECTED = 'expected a JSON object such as {"sender": "me", "message": "what is KPO?"}'
FEEDBACK_EXPECTED = ('expected a JSON object such as {"sender": "me", "answer": "<an answer_id of a reply>", '
                     '"rating": "up"} (rating "up" or "down")')


class RequestError(ValueError):
    """A request the channel refuses with a 400; its message says what is expected."""


def max_sender_chars(channel: str) -> int:
    """The longest sender id ``channel`` takes: the id is stored as ``<channel>:<sender>``."""
    return MAX_ID_CHARS - len(channel) - 1


def read_request(body: bytes, channel: str = "rest") -> tuple[str, Any, dict[str, Any] | None]:
    """The sender, the message (any JSON value; the guard judges it) and the metadata of a request body.

    Raises:
        RequestError: the body is not a JSON object (or nested too deep to read), or its
            sender is missing, not a string, not storable text, or longer than
            :func:`max_sender_chars`.
    """
    data = _read_object(body, EXPECTED)
    metadata = data.get("metadata")
    return _read_sender(data, channel, EXPECTED), data.get("message"), metadata if isinstance(metadata, dict) else None


def read_feedback_request(body: bytes, channel: str = "rest") -> tuple[str, str, str]:
    """The sender, the answer's id and the rating of a feedback request body.

    Raises:
        RequestError: the body is not such a JSON object (as :func:`read_request`).
    """
    data = _read_object(body, FEEDBACK_EXPECTED)
    sender = _read_sender(data, channel, FEEDBACK_EXPECTED)
    try:
        answer, rating = read_feedback(data)
    except FeedbackError:
        raise RequestError(FEEDBACK_EXPECTED) from None
    return sender, answer, rating


def _read_object(body: bytes, expected: str) -> dict[str, Any]:
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RequestError(f"the body is not JSON: {expected}") from None
    if not isinstance(data, dict):
        raise RequestError(f"the body is not a JSON object: {expected}")
    return data


def _read_sender(data: dict[str, Any], channel: str, expected: str) -> str:
    sender = data.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        raise RequestError(f'"sender" is missing or not a non-empty string: {expected}')
    if len(sender) > max_sender_chars(channel):
        raise RequestError(f'"sender" is longer than {max_sender_chars(channel)} characters')
    if storable(sender) != sender or any(ord(char) < 32 for char in sender):
        raise RequestError('"sender" holds characters that are not text (control characters or lone surrogates)')
    return sender


class RestOutput(CollectingOutputChannel):
    """Rasa's collected replies, each rateable answer's with its id (``answer_id``), which feedback names."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Collect the reply, as Rasa does, marked with the id of the answer it is, if it may be rated."""
        before = len(self.messages)
        await super().send_response(recipient_id, message)
        if answer_id := rateable(message.get(ANSWER_RECORD)):
            for collected in self.messages[before:]:
                collected["answer_id"] = answer_id


class RestInput(RasaRestInput):
    """Rasa's REST channel under the same name and URL, its requests checked and every message guarded."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, Rasa's own: in its URL (``/webhooks/rest/webhook``) and in its conversation ids."""
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """``GET /`` (health), ``POST /webhook`` (a message and its replies) and ``POST /feedback`` (a rating)."""
        self._turns: set[asyncio.Future] = set()  # turns whose client left, kept referenced until done
        handle = guard(on_new_message, self.name())
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = read_request(request.body, self.name())
            except RequestError as error:
                return response.json({"error": str(error)}, status=400)
            collector = RestOutput()
            message = received(text, collector, sender, self.name(), metadata)
            # Shielded: a client that gives up (Sanic then cancels this handler) does not
            # cancel the turn, which runs to its end and is stored.
            turn = asyncio.ensure_future(handle(message))
            self._turns.add(turn)
            turn.add_done_callback(self._turns.discard)
            try:
                await asyncio.shield(turn)
            except asyncio.CancelledError:
                logger.warning("rest: the client of %s left before its reply; the turn goes on and is stored",
                               message.sender_id)
                raise
            return response.json(collector.messages)

        @webhook.route("/feedback", methods=["POST"])
        async def feedback(request: Request) -> HTTPResponse:
            try:
                sender, answer, rating = read_feedback_request(request.body, self.name())
                await rate(namespaced(self.name(), sender), answer, rating)
            except RequestError as error:
                return response.json({"error": str(error)}, status=400)
            except FeedbackError as error:
                return response.json({"error": str(error)}, status=error.status)
            return response.json({"status": "ok"})

        return webhook


class TerminalInput(RestInput):
    """The command-line chat's channel: REST under another name, so answers are laid out for a terminal."""

    @classmethod
    def name(cls) -> str:
        """The channel's name: in its URL (``/webhooks/terminal/webhook``) and in its conversation ids."""
        return "terminal"
