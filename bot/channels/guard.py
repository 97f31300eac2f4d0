"""What every channel does with a message before the model sees it.

- The conversation id is namespaced by the channel (``rest:me``, ``slack:U123``,
  ``socketio:<session>``), so a caller of one channel cannot write into a
  conversation of another.
- A message that is not text, an empty one and one longer than
  ``MAX_MESSAGE_CHARS`` (the model's cost grows with the square of the length)
  get a polite reply instead. Lone surrogates (not text in any encoding) become
  U+FFFD.
- A typed slash command reaches the dialogue only if it is one of the assistant's
  own intents (what its buttons send) or ``/restart``; ``/get_started`` (what
  standard Rasa widgets send first) greets; Rasa's other commands (``/back``,
  ``/session_start``) get a polite refusal; anything else that starts with a slash
  is read as words.
- A turn that sends nothing back (the action server down or hung) or that fails
  gets a reply saying so. Nothing a user said goes unanswered.
- A message answered here without the model is stored in the conversation all
  the same (:func:`record`), as a turn the dialogue then steps back over, so
  nothing a user said is lost and the next turn is predicted as if it had not
  happened.
"""

from __future__ import annotations

import logging
import os
import re
import reprlib
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot.contract import Intent

logger = logging.getLogger(__name__)

MAX_CHARS_ENV = "MAX_MESSAGE_CHARS"
DEFAULT_MAX_CHARS = 1000

EMPTY_REPLY = "I didn't get any text. Ask me something about BPO or KPO, for example \"what is KPO?\""
NOT_TEXT_REPLY = "I can only read text messages. Ask me something about BPO or KPO, for example \"what is KPO?\""
TOO_LONG_REPLY = (
    "That message is too long for me ({length} characters; I read up to {limit}). "
    "Please ask one question at a time, in a sentence or two."
)
COMMAND_REPLY = (
    "I don't take the command {command} here. Ask me something in words, "
    "or type /restart to start our conversation over."
)
NO_REPLY = (
    "Sorry, I can't reach my answer service right now, so I can't answer that. "
    "Please try again in a minute."
)
FAILED_REPLY = "Sorry, something went wrong on my side and I couldn't answer that. Please try again."

#: What standard Rasa widgets (rasa-webchat) send when they open; answered as a greeting.
GET_STARTED = "get_started"
#: Commands of Rasa's own that a person may type: a real restart (``utter_restart`` answers it).
RESTART = "restart"
#: Rasa's other built-in commands; typed, they would rewind or reset the conversation unasked.
REFUSED_COMMANDS = frozenset({"back", "session_start", "nlu_fallback", "out_of_scope_command"})
#: The intents a typed ``/intent`` may name: the assistant's own (its buttons' payloads) and restart.
OWN_COMMANDS = frozenset(
    {value for key, value in vars(Intent).items() if key.isupper() and isinstance(value, str)}
    - {Intent.NLU_FALLBACK} | {RESTART}
)
#: A slash command as Rasa reads it: ``/intent``, optionally ``{entities}`` or ``@confidence`` after it.
COMMAND = re.compile(r"/(?P<name>[^\s{@/]+)(?P<rest>[{@].*)?", re.DOTALL)
#: How much of a refused message is stored (the rest is counted in its metadata).
STORED_CHARS = 2000
#: How a message that is not text is written down: ``repr`` bounded in depth and length.
SHORT_REPR = reprlib.Repr()
SHORT_REPR.maxlevel, SHORT_REPR.maxstring, SHORT_REPR.maxother = 4, 200, 200

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
#: Stores a turn answered without the model: (message, what the user said or None, the reply, why).
Recorder = Callable[[UserMessage, "str | None", str, str], Awaitable[None]]


def max_chars() -> int:
    """The longest message read, in characters (``$MAX_MESSAGE_CHARS``, default 1000)."""
    return int(os.environ.get(MAX_CHARS_ENV, DEFAULT_MAX_CHARS))


def namespaced(channel: str, sender_id: str) -> str:
    """The conversation id of ``sender_id`` on ``channel``."""
    return f"{channel}:{sender_id}"


def received(
    value: Any, output: Any, sender_id: str, input_channel: str, metadata: dict[str, Any] | None = None
) -> UserMessage:
    """Rasa's message for whatever a channel received as its text.

    Rasa's ``UserMessage`` takes only text (anything else raises), so a value that is
    not text is kept aside, as ``not_text`` (its ``repr``), for the guard to answer.
    """
    message = UserMessage(value if isinstance(value, str) else None, output, sender_id,
                          input_channel=input_channel, metadata=metadata)
    if value is not None and not isinstance(value, str):
        message.not_text = SHORT_REPR.repr(value)  # bounded in depth and length, unlike repr()
    return message


def storable(text: str) -> str:
    """``text`` with lone surrogates (not text in any encoding) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def read_command(text: str) -> tuple[str, str]:
    """What a message starting with a slash becomes: ``(text for the model, refusal or "")``.

    An own command passes unchanged, ``/get_started`` becomes a greeting, Rasa's other
    commands are refused, and anything else is read as words, the slashes dropped.
    """
    match = COMMAND.fullmatch(text)
    name = match["name"] if match else ""
    if name in OWN_COMMANDS:
        return text, ""
    if name == GET_STARTED:
        return "/" + Intent.GREET, ""
    if name in REFUSED_COMMANDS:
        return "", COMMAND_REPLY.format(command="/" + name)
    words = text.lstrip("/").strip()
    return words, ("" if words else EMPTY_REPLY)


async def record(message: UserMessage, said: str | None, reply: str, reason: str) -> None:
    """Store a turn answered without the model in the conversation's tracker.

    The user's words (up to ``STORED_CHARS``), the reply, a ``UserUtteranceReverted`` and
    an ``action_listen`` are appended, so the turn is kept for whoever reads the
    conversation while the policies step back over it (Rasa's revert also undoes the
    ``action_listen`` before the words, which the last event puts back). With ``said``
    None (the model had the words; only the reply was the guard's), the reply alone is
    appended. Uses the running Rasa server's agent; a failure to store
    is logged, never raised (the person already has the reply).
    """
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUtteranceReverted, UserUttered
    from sanic import Sanic

    try:
        agent = Sanic.get_app().ctx.agent
    except Exception:  # no Rasa server in this process (unit tests): nothing to store in
        logger.debug("guard: no Rasa agent here; a %s turn of %s is not stored", reason, message.sender_id)
        return
    reply_event = BotUttered(reply, metadata={"refused": reason})
    if said is None:
        events = [reply_event]
    else:
        stored = said[:STORED_CHARS]
        metadata = {**(message.metadata or {}), "refused": reason, "length": len(said)}
        parse = {"text": stored, "intent": {"name": None, "confidence": 0.0}, "entities": []}
        events = [UserUttered(stored, parse_data=parse, input_channel=message.input_channel, metadata=metadata),
                  reply_event, UserUtteranceReverted(), ActionExecuted(ACTION_LISTEN_NAME)]
    try:
        async with agent.lock_store.lock(message.sender_id):
            tracker = await agent.processor.fetch_tracker_with_initial_session(
                message.sender_id, message.output_channel, message.metadata
            )
            for event in events:
                tracker.update(event)
            await agent.processor.save_tracker(tracker)
    except Exception:
        logger.exception("guard: could not store a %s turn of %s", reason, message.sender_id)


def guard(on_new_message: OnNewMessage, channel: str, recorder: Recorder = record) -> OnNewMessage:
    """Wrap Rasa's message handler for ``channel``: namespaced ids, and no message unanswered or lost.

    Called once per channel, from its ``blueprint``, when the server starts.

    Args:
        on_new_message: Rasa's handler of a message.
        channel: The channel's name, which namespaces its conversation ids.
        recorder: Stores the turns answered here without the model (:func:`record`).
    """

    async def refuse(message: UserMessage, said: str | None, reply: str, reason: str) -> None:
        await message.output_channel.send_text_message(message.sender_id, reply)
        await recorder(message, said, reply, reason)

    async def guarded(message: UserMessage) -> None:
        message.sender_id = namespaced(channel, message.sender_id)
        if getattr(message, "not_text", None) is not None:
            await refuse(message, message.not_text, NOT_TEXT_REPLY, "not_text")
            return
        text = storable(message.text or "").strip()
        if not text:
            await refuse(message, text, EMPTY_REPLY, "empty")
            return
        if len(text) > max_chars():
            await refuse(message, text, TOO_LONG_REPLY.format(length=len(text), limit=max_chars()), "too_long")
            return
        if text.startswith("/"):
            read, refusal = read_command(text)
            if refusal:
                await refuse(message, text, refusal, "command")
                return
            text = read
        message.text = text
        output = message.output_channel
        sent = 0
        send_response = output.send_response

        async def counted(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal sent
            sent += 1
            await send_response(recipient_id, reply)

        # The output channel is made for this one message, so counting on it is local.
        output.send_response = counted
        try:
            await on_new_message(message)
        except Exception:  # e.g. the conversation's lock not acquired: answered, and stored if possible
            logger.exception("guard: the turn of %s failed", message.sender_id)
            await refuse(message, text, FAILED_REPLY, "failed")
            return
        if not sent:  # the words are stored by Rasa; the reply the person saw is stored here
            await refuse(message, None, NO_REPLY, "no_reply")

    return guarded
