"""What every channel does with a message before the model sees it.

- The conversation id is namespaced by the channel (``rest:me``, ``slack:U123``,
  ``socketio:<session>``), so a caller of one channel cannot write into a
  conversation of another.
- An empty message and one longer than ``MAX_MESSAGE_CHARS`` (the model's cost
  grows with the square of the length) get a polite reply instead.
- A turn that sends nothing back (for example when the action server is down)
  gets a reply saying so. Nothing a user said goes unanswered.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

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

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def max_chars() -> int:
    """The longest message read, in characters (``$MAX_MESSAGE_CHARS``, default 1000)."""
    return int(os.environ.get(MAX_CHARS_ENV, DEFAULT_MAX_CHARS))


def namespaced(channel: str, sender_id: str) -> str:
    """The conversation id of ``sender_id`` on ``channel``."""
    return f"{channel}:{sender_id}"


def guard(on_new_message: OnNewMessage, channel: str) -> OnNewMessage:
    """Wrap Rasa's message handler for ``channel``: namespaced ids, and no message unanswered.

    Called once per channel, from its ``blueprint``, when the server starts.
    """

    async def guarded(message: UserMessage) -> None:
        message.sender_id = namespaced(channel, message.sender_id)
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
        sent = 0
        send_response = output.send_response

        async def counted(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal sent
            sent += 1
            await send_response(recipient_id, reply)

        # The output channel is made for this one message, so counting on it is local.
        output.send_response = counted
        await on_new_message(message)
        if not sent:
            await output.send_text_message(message.sender_id, NO_REPLY)

    return guarded
