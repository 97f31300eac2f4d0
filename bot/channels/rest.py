"""The REST channel, guarded: every message gets a reply.

Rasa's ``RestInput`` answers with an empty list when an action fails (for
example when the action server is down) and passes empty or huge messages to
the model. This subclass answers those cases politely, in the same response.
Configured in ``credentials.yml`` as ``bot.channels.rest.RestInput``.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint

from bot.channels import action_validation

MAX_CHARS_ENV = "MAX_MESSAGE_CHARS"
DEFAULT_MAX_CHARS = 1000

EMPTY_REPLY = "I didn't get any text. Ask me something about BPO or KPO, for example \"what is KPO?\""
TOO_LONG_REPLY = (
    "That message is too long for me ({length} characters; I read up to {limit}). "
    "Please ask one question at a time, in a sentence or two."
)
NO_REPLY = (
    "Sorry, I can't reach my answer service right now, so I can't answer that. "
    "Please try again in a minute."
)


def max_chars() -> int:
    return int(os.environ.get(MAX_CHARS_ENV, DEFAULT_MAX_CHARS))


def guard(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
    """Wrap Rasa's message handler so that no message goes unanswered."""

    async def guarded(message: UserMessage) -> None:
        text = (message.text or "").strip()
        output = message.output_channel
        if not text:
            await output.send_text_message(message.sender_id, EMPTY_REPLY)
            return
        if len(text) > max_chars():
            await output.send_text_message(
                message.sender_id, TOO_LONG_REPLY.format(length=len(text), limit=max_chars())
            )
            return
        collected = getattr(output, "messages", None)
        if not isinstance(collected, list):  # a streaming output: nothing to count
            await on_new_message(message)
            return
        before = len(collected)
        await on_new_message(message)
        if len(output.messages) == before:
            await output.send_text_message(message.sender_id, NO_REPLY)

    return guarded


class RestInput(RasaRestInput):
    """Rasa's REST channel under the same name and URL, with :func:`guard` applied."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RestInput:
        # Created once when the server starts: the moment to speed up Rasa's
        # validation of action replies in this process (see action_validation).
        action_validation.install()
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(guard(on_new_message))
