"""Every place the assistant relies on Rasa's private API, in one module.

Written against Rasa Open Source 3.6.21 (:data:`RASA_VERSION`). Each reliance is
listed in :data:`RELIANCES` with the signature it was written against, where it is
used and why; ``tests/test_rasa_compat.py`` fails when an upgrade removes one or
changes its signature, or when Rasa's behaviour that made it necessary is gone. On
a Rasa upgrade: run that test, re-check each entry, then bump :data:`RASA_VERSION`.

The one process-wide replacement, the compiled check of the action server's replies
(:func:`install`), is installed explicitly by the Rasa server's launcher
(``python -m bot.launch.rasa_server``, used by ``make run``, the chat, the tests and
the benchmark), never as a side effect of an import.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

logger = logging.getLogger(__name__)

#: The Rasa Open Source release every reliance below was written against and checked with.
RASA_VERSION = "3.6.21"
#: Seconds the Rasa server waits for one call to the action server (an action takes about 25 ms).
ACTION_TIMEOUT_ENV, DEFAULT_ACTION_TIMEOUT = "ACTION_TIMEOUT", 5.0


@dataclass(frozen=True)
class Reliance:
    """One private attribute of Rasa the assistant relies on.

    Attributes:
        module: The module that defines it.
        name: The attribute, dotted from the module ("RemoteAction._validate_action_result").
        signature: Its signature in :data:`RASA_VERSION`, as ``inspect.signature`` prints it
            (a constant's: the name of its type).
        used_by: Where the assistant uses, overrides or replaces it.
        why: What breaks or slows down without it.
    """

    module: str
    name: str
    signature: str
    used_by: str
    why: str

    def resolve(self) -> Any:
        """The attribute itself; AttributeError or ImportError if Rasa no longer has it."""
        target: Any = importlib.import_module(self.module)
        for part in self.name.split("."):
            target = getattr(target, part)
        return target


RELIANCES = (
    Reliance(
        "rasa.core.actions.action", "RemoteAction._validate_action_result",
        "(self, result: Dict[str, Any]) -> bool",
        "replaced process-wide by install(), from bot.launch.rasa_server",
        "Rasa re-validates its constant response schema against the meta-schema on every custom "
        "action (about 20 ms a turn); the replacement compiles it once (custom-action p50 44 -> 24 ms).",
    ),
    Reliance(
        "rasa.core.actions.action", "DEFAULT_REQUEST_TIMEOUT",
        "int",
        "set process-wide by install() to action_timeout() ($ACTION_TIMEOUT, seconds)",
        "RemoteAction.run passes it as the timeout of every call to the action server: 300 s, so a hung "
        "action server held every turn (and its conversation's lock) for minutes before any reply.",
    ),
    Reliance(
        "rasa.core.actions.action", "RemoteAction.action_response_format_spec",
        "() -> Dict[str, Any]",
        "read by response_validator() here",
        "the schema the replacement checks replies against, so it refuses what Rasa refuses",
    ),
    Reliance(
        "rasa.core.channels.slack", "SlackBot._post_message",
        "(self, channel: str, **kwargs: Any) -> None",
        "overridden by bot.channels.slack.SlackBot",
        "Rasa sends as_user=True with every reply, which Slack refuses from apps with a bot token",
    ),
    Reliance(
        "rasa.core.channels.slack", "SlackInput._validate_credentials",
        "(self) -> None",
        "overridden by bot.channels.slack.SlackInput",
        "Rasa demands a signing secret, which Socket Mode does not need",
    ),
    Reliance(
        "rasa.core.channels.slack", "SlackInput._get_conversation_id",
        "(self, sender_id: Optional[str], channel_id: Optional[str], thread_id: Optional[str]) -> Optional[str]",
        "called by bot.channels.slack.SlackInput.user_message",
        "the conversation id by user, channel or thread, as Rasa's conversation_granularity says",
    ),
    Reliance(
        "rasa.core.channels.slack", "SlackInput.__init__",
        "(self, slack_token: str, slack_channel: Optional[str] = None, proxy: Optional[str] = None, "
        "slack_retry_reason_header: Optional[str] = None, slack_retry_number_header: Optional[str] = None, "
        "errors_ignore_retry: Optional[List[str]] = None, use_threads: Optional[bool] = False, "
        "slack_signing_secret: str = '', conversation_granularity: Optional[str] = 'sender') -> None",
        "bot.channels.slack.SlackInput passes its arguments and keeps its turns in the _background_tasks "
        "set this creates",
        "Slack wants an answer within 3 seconds, so each turn runs as a task that must stay referenced",
    ),
    Reliance(
        "rasa.core.channels.socketio", "SocketIOInput.get_output_channel",
        "(self) -> Optional[ForwardRef('OutputChannel')]",
        "bot.channels.webchat.WebchatInput sets the sio attribute it reads",
        "without it, replies sent outside a turn (reminders, external events) have no channel",
    ),
    Reliance(
        "rasa.core.channels.console", "_get_user_input",
        "(previous_response: Optional[Dict[str, Any]]) -> Optional[str]",
        "the terminal chat, bot/launch/chat.py, through console_helpers()",
        "the prompt that offers a reply's buttons as a menu",
    ),
    Reliance(
        "rasa.core.channels.console", "_print_bot_output",
        "(message: Dict[str, Any], is_latest_message: bool = False, color: str = '\\x1b[94m') "
        "-> Optional[questionary.question.Question]",
        "the terminal chat, bot/launch/chat.py, through console_helpers()",
        "prints a reply the way `rasa shell` does",
    ),
)


# -- the compiled check of action replies ------------------------------------------------

DOCS_HINT = (
    ". Failed to validate Action server response from API, make sure your response from the Action "
    "endpoint is valid. For more information about the format visit {docs}/custom-actions"
)


@lru_cache(maxsize=1)
def response_validator() -> Validator:
    """Rasa's action-reply schema, checked against its meta-schema once and compiled."""
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Drop-in for ``RemoteAction._validate_action_result``: the same check, compiled once.

    Raises:
        ValidationError: with Rasa's own message, for a reply Rasa would refuse.
    """
    from rasa.core.actions.action import DOCS_BASE_URL

    try:
        response_validator().validate(result)
    except ValidationError as error:
        error.message += DOCS_HINT.format(docs=DOCS_BASE_URL)
        raise
    return True


def action_timeout() -> float:
    """Seconds the Rasa server waits for the action server (``$ACTION_TIMEOUT``, default 5).

    Raises:
        ValueError: for a value that is not a positive number (0 would mean no limit at all).
    """
    value = float(os.environ.get(ACTION_TIMEOUT_ENV) or DEFAULT_ACTION_TIMEOUT)
    if not value > 0:
        raise ValueError(f"{ACTION_TIMEOUT_ENV} must be a positive number of seconds, not {value}")
    return value


def install() -> None:
    """In this process (the Rasa server's start-up): the compiled check of action replies, and the action timeout.

    A call to the action server that takes longer than :func:`action_timeout` fails like a
    refused connection: the turn is stored and the person told the answer service is unreachable.
    """
    from rasa.core.actions import action

    action.RemoteAction._validate_action_result = validate_action_result
    action.DEFAULT_REQUEST_TIMEOUT = action_timeout()
    logger.debug("rasa_compat: compiled action-reply validation and a %ss action timeout installed",
                 action.DEFAULT_REQUEST_TIMEOUT)


def console_helpers() -> tuple[Any, Any]:
    """Rasa's console prompt and printer: ``(_get_user_input, _print_bot_output)``."""
    from rasa.core.channels import console

    return console._get_user_input, console._print_bot_output
