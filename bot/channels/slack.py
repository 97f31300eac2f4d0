"""Slack: the Events API webhook and Socket Mode, guarded, both through one function.

Configured by :mod:`bot.channels.credentials` as ``bot.channels.slack.SlackInput``
from the environment. It keeps Rasa 3.6's ``SlackInput`` (name ``slack``, webhook
at ``/webhooks/slack/webhook``, v0 signature check with a 5-minute window,
conversation id by user) and differs where that one falls short:

- Socket Mode (``slack_app_token``): an outbound WebSocket, for hosts with no public
  HTTPS address. The signing secret is needed only for the webhook, which is not
  served without one.
- Only ``app_mention`` events and direct messages (``message`` with ``channel_type``
  "im") are answered, plus, when ``slack_channel`` (a channel id) is set, messages in
  that channel that do not mention the bot. Rasa also answered the ``message`` event
  that comes with an ``app_mention`` in ``slack_channel``: two answers to one mention.
- Each event is answered once: event ids are remembered in a SQLite file that outlives
  a restart, or in Redis that every Rasa server shares (:func:`bot.channels.stores.answered_events`;
  webhook and Socket Mode share it; Rasa answered every redelivery), and Slack's retries after a timeout are acknowledged with
  ``X-Slack-No-Retry`` and dropped.
- Slack wants an answer within 3 seconds, so the turn runs in the background, with
  its failures logged.
- Slack's escapes (``&lt;`` ``&gt;`` ``&amp;``) are undone before the model reads the text.
- ``url_verification`` gets ``{"challenge": ...}`` (Rasa sent a bare JSON string).
- The Web API base URL is ``slack_api_url`` (tests, Enterprise Grid), and replies do
  not send ``as_user``, which apps with a bot token must not send.
- Empty, over-long and unanswered messages get a polite reply (:mod:`bot.channels.guard`).
- A click on an answer's thumbs up or down is kept in the conversation
  (:mod:`bot.channels.feedback`), not read as a message, and the two buttons become a
  thank-you (``chat.update``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.slack import SlackBot as RasaSlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.feedback import FeedbackError, rate, read_feedback
from bot.channels.guard import OnNewMessage, guard, namespaced
from bot.channels.stores import answered_events
from bot.contract import Feedback

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
#: Message subtypes that are still a person writing; the others (bot_message,
#: message_changed, message_deleted, channel_join, ...) are not answered.
USER_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})

#: What replaces an answer's thumbs once one is clicked.
FEEDBACK_THANKS = {Feedback.UP: "\N{THUMBS UP SIGN} Thanks: you found this answer helpful.",
                   Feedback.DOWN: "\N{THUMBS DOWN SIGN} Thanks: you found this answer unhelpful; "
                                  "the document's owner will see it."}


class Rating(NamedTuple):
    """A click on an answer's thumbs up or down, and where the answer is."""

    key: str  # the click's trigger id, so a redelivery is kept once
    conversation: str  # namespaced
    answer: str
    rating: str
    channel: str
    ts: str | None
    blocks: list[dict[str, Any]]


_MENTION = r"<@{}(?:\|[^<>]*)?>"
_ANY_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^<>]*)?>")
_LABELLED = re.compile(r"<[^<>|]+\|([^<>]*)>")  # <https://x.org|x.org>, <#C1|general>
_BARE_LINK = re.compile(r"<((?:https?|mailto):[^<>|]*)>")


def clean_text(text: str, bot_ids: Iterable[str] = ()) -> str:
    """The user's words as the model should read them.

    Slack writes its markup in angle brackets and escapes the user's own ``&``, ``<``
    and ``>``. So the markup is resolved first, while ``<`` still means markup, and the
    escapes are undone last, ``&amp;`` after the others so that a typed "&lt;" stays "&lt;".

    Args:
        text: the ``text`` of a Slack event.
        bot_ids: the bot's user ids; their mentions are dropped.
    """
    for bot_id in bot_ids:
        text = re.sub(_MENTION.format(re.escape(bot_id)), " ", text)
    text = _LABELLED.sub(r"\1", text)
    text = _BARE_LINK.sub(r"\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


class SlackBot(RasaSlackBot):
    """Rasa's Slack output with a configurable Web API URL and without ``as_user``."""

    def __init__(
        self,
        token: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        # Rasa always sends as_user=True: a legacy argument that Slack refuses
        # (invalid_arguments) from apps with a bot token, i.e. every new app.
        # A private method of Rasa's: listed in bot.channels.rasa_compat.
        kwargs.pop("as_user", None)
        await super()._post_message(channel, **kwargs)


class OneLinePerFailure(logging.Filter):
    """slack_sdk logs every failed connection attempt, every few seconds, with a traceback.

    Keep one line per distinct message, errors prefixed so it is clear what failed and
    without the traceback, until a connection is established again.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether to log ``record``: not if its message was logged since the last connection.

        A kept record of level WARNING or above is rewritten in place: its message prefixed
        with "Slack Socket Mode:" and its traceback dropped.
        """
        message = record.getMessage()
        if "has been established" in message:
            self.seen.clear()
            return True
        if message in self.seen:
            return False
        if len(self.seen) > 100:  # messages naming sessions differ; stay bounded
            self.seen.clear()
        self.seen.add(message)
        if record.levelno >= logging.WARNING:
            record.msg, record.args = f"Slack Socket Mode: {message}", ()
            record.exc_info, record.exc_text = None, None
        return True


class SlackInput(RasaSlackInput):
    """Slack by the Events API webhook and/or Socket Mode, guarded."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, Rasa's own: in its URL, in its conversation ids, and for :mod:`bot.render`'s layout."""
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SlackInput:
        """The channel from its ``credentials.yml`` entry: Rasa's keys, ``slack_app_token`` and ``slack_api_url``.

        Raises:
            RasaException: if the entry is empty.
            InvalidConfigException: without a bot token, or with neither a signing secret nor an app token.
        """
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("slack_token"),
            credentials.get("slack_channel"),
            credentials.get("proxy"),
            credentials.get("slack_retry_reason_header", "x-slack-retry-reason"),
            credentials.get("slack_retry_number_header", "x-slack-retry-num"),
            credentials.get("errors_ignore_retry"),
            credentials.get("use_threads", False),
            credentials.get("slack_signing_secret") or "",
            credentials.get("conversation_granularity", "sender"),
            slack_app_token=credentials.get("slack_app_token"),
            slack_api_url=credentials.get("slack_api_url") or DEFAULT_API_URL,
        )

    def __init__(
        self,
        *args: Any,
        slack_app_token: str | None = None,
        slack_api_url: str = DEFAULT_API_URL,
        **kwargs: Any,
    ) -> None:
        # Set before Rasa's __init__, which validates the credentials.
        self.slack_app_token = slack_app_token
        self.slack_api_url = slack_api_url
        self.recent = answered_events()
        self.socket_client: SocketModeClient | None = None
        self._connecting: asyncio.Task | None = None
        super().__init__(*args, **kwargs)

    def _validate_credentials(self) -> None:
        # A private method of Rasa's (bot.channels.rasa_compat): Socket Mode needs no signing secret.
        if not self.slack_token:
            raise InvalidConfigException("Slack needs a bot token (slack_token, SLACK_BOT_TOKEN).")
        if not self.slack_signing_secret and not self.slack_app_token:
            raise InvalidConfigException(
                "Slack needs a signing secret (slack_signing_secret, SLACK_SIGNING_SECRET) for the "
                "Events API, or an app-level token (slack_app_token, SLACK_APP_TOKEN) for Socket Mode."
            )

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> SlackBot:
        """Where replies go: ``channel`` (else ``slack_channel``), in the thread ``thread_id`` if given."""
        return SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.slack_api_url)

    # -- one way from a Slack payload to a turn, for the webhook and Socket Mode ----------

    def user_message(self, body: dict[str, Any]) -> UserMessage | None:
        """The message to answer in an event callback or an interactive payload, if any.

        Args:
            body: an Events API body (``type`` "event_callback"), as the webhook receives it
                and as Socket Mode's ``events_api`` payload, or an interactive payload
                (``type`` "block_actions").

        Returns:
            ``None`` for anything not to be answered: other events, bot messages, clicks
            that carry no value, and anything seen before.
        """
        kind = body.get("type")
        if kind == "event_callback":
            found = self._from_event(body)
        elif kind == "block_actions":
            found = self._from_click(body)
        else:
            found = None
        if found is None:
            logger.debug("slack: nothing to answer in a %s payload", kind)
            return None
        key, text, user, channel, thread = found
        if key and self.recent.seen(key):
            logger.info("slack: %s was delivered again; not answering twice", key)
            return None
        metadata = {"out_channel": channel, "thread_id": thread, "users": self._bot_ids(body)}
        return UserMessage(
            text,
            self.get_output_channel(channel, thread if self.use_threads else None),
            self._get_conversation_id(user, channel, thread),
            input_channel=self.name(),
            metadata=metadata,
        )

    def _from_event(self, body: dict[str, Any]) -> tuple[str, str, str, str, str] | None:
        event = body.get("event") or {}
        if event.get("bot_id") or event.get("subtype") not in USER_SUBTYPES or not event.get("user"):
            return None
        bot_ids = self._bot_ids(body)
        text = event.get("text") or ""
        if event.get("type") == "app_mention":
            if not bot_ids:  # the bot's id is not in the body: its mention is the first one
                bot_ids = _ANY_MENTION.findall(text)[:1]
        elif event.get("type") != "message":
            return None
        elif event.get("channel_type") != "im" and not self._unmentioned_in_own_channel(event, text, bot_ids):
            return None
        thread = event.get("thread_ts") or event.get("ts")
        return body.get("event_id", ""), clean_text(text, bot_ids), event["user"], event.get("channel"), thread

    def _unmentioned_in_own_channel(self, event: dict[str, Any], text: str, bot_ids: list[str]) -> bool:
        """A message in ``slack_channel`` that does not mention the bot.

        A message that mentions the bot also comes as an ``app_mention`` event, answered there.
        """
        return (
            bool(self.slack_channel)
            and event.get("channel") == self.slack_channel
            and not any(f"<@{bot_id}" in text for bot_id in bot_ids)
        )

    def _from_click(self, payload: dict[str, Any]) -> tuple[str, str, str, str, str] | None:
        if self.feedback_click(payload) is not None:
            return None  # a rating (keep_rating), not a message
        actions = payload.get("actions") or []
        user = (payload.get("user") or {}).get("id")
        channel = (payload.get("channel") or {}).get("id")
        # Our buttons carry the message to send as their value; link buttons have none.
        if not actions or actions[0].get("type") != "button" or not actions[0].get("value") or not user or not channel:
            return None
        message = payload.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts")
        key = f"click:{payload['trigger_id']}" if payload.get("trigger_id") else ""
        return key, actions[0]["value"], user, channel, thread

    @staticmethod
    def _bot_ids(body: dict[str, Any]) -> list[str]:
        ids = [a["user_id"] for a in body.get("authorizations") or [] if a.get("user_id")]
        return ids or list(body.get("authed_users") or [])

    def feedback_click(self, payload: dict[str, Any]) -> Rating | None:
        """The rating in a click on an answer's thumbs up or down (``bot.render.feedback_blocks``), if it is one."""
        actions = payload.get("actions") or [] if payload.get("type") == "block_actions" else []
        user = (payload.get("user") or {}).get("id")
        channel = (payload.get("channel") or {}).get("id")
        if not actions or not str(actions[0].get("action_id", "")).startswith(Feedback.SLACK_BLOCK + "_") \
                or not user or not channel:
            return None
        rating, _, answer = str(actions[0].get("value", "")).partition(":")
        message = payload.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts")
        key = f"click:{payload['trigger_id']}" if payload.get("trigger_id") else ""
        conversation = namespaced(self.name(), self._get_conversation_id(user, channel, thread))
        return Rating(key, conversation, answer, rating, channel, message.get("ts"), message.get("blocks") or [])

    async def keep_rating(self, rating: Rating) -> None:
        """Keep ``rating`` in its conversation and thank the person in place of the two buttons."""
        try:
            answer, value = read_feedback({"answer": rating.answer, "rating": rating.rating})
            await rate(rating.conversation, answer, value)
        except FeedbackError as error:
            logger.warning("slack: a rating was not kept: %s", error)
            return
        if not rating.ts:
            return
        thanks = {"type": "context", "elements": [{"type": "mrkdwn", "text": FEEDBACK_THANKS[value]}]}
        blocks = [thanks if str(block.get("block_id", "")).startswith(Feedback.SLACK_BLOCK + ":") else block
                  for block in rating.blocks]
        client = self.get_output_channel(rating.channel).client
        try:
            await client.chat_update(channel=rating.channel, ts=rating.ts, blocks=blocks or [thanks],
                                     text=FEEDBACK_THANKS[value])
        except Exception as error:  # the rating is kept; only the thanks is missing
            logger.warning("slack: could not thank for a rating: %s", error)

    def answer(self, body: dict[str, Any], handle: OnNewMessage) -> bool:
        """Start the turn for ``body`` (or keep the rating it gives) in the background; whether there was one."""
        rating = self.feedback_click(body)
        if rating is not None:
            if rating.key and self.recent.seen(rating.key):
                return False
            work = self.keep_rating(rating)
        elif (message := self.user_message(body)) is not None:
            work = handle(message)
        else:
            return False
        task = asyncio.create_task(work)
        # a task nobody references may be garbage-collected; the set is Rasa's (bot.channels.rasa_compat)
        self._background_tasks.add(task)
        task.add_done_callback(self._finished)
        return True

    def _finished(self, task: asyncio.Task) -> None:
        self._background_tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("slack: a turn failed", exc_info=task.exception())

    # -- the ways in ---------------------------------------------------------------------

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The channel's ways in, every message guarded (:func:`bot.channels.guard.guard`).

        A health check at ``/webhooks/slack/``; the Events API webhook at
        ``/webhooks/slack/webhook`` when there is a signing secret; and, when there is an
        app token, Socket Mode, connected when the server starts and closed when it stops.
        """
        handle = guard(on_new_message, self.name())
        slack = Blueprint("slack_webhook", __name__)

        @slack.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        if self.slack_signing_secret:

            @slack.route("/webhook", methods=["POST"])
            async def webhook(request: Request) -> HTTPResponse:
                return self._webhook(request, handle)

        if self.slack_app_token:

            @slack.listener("after_server_start")
            async def connect(_: Sanic, __: Any) -> None:
                self._start_socket_mode(handle)

            @slack.listener("before_server_stop")
            async def disconnect(_: Sanic, __: Any) -> None:
                if self.socket_client is not None:
                    await self.socket_client.close()
                if self._connecting is not None:
                    self._connecting.cancel()  # still retrying: Slack was never reached

        return slack

    def _webhook(self, request: Request, handle: OnNewMessage) -> HTTPResponse:
        if not self.is_request_from_slack_authentic(request):  # Rasa's: v0 HMAC, 5-minute window
            return response.text("Not signed with a valid X-Slack-Signature.", status=400)
        body = _body(request)
        if body is None:
            return response.text("Expected an event (JSON) or an interactive payload (form).", status=400)
        if body.get("type") == "url_verification":
            return response.json({"challenge": body.get("challenge")})
        retry = request.headers.get(self.retry_num_header)
        if retry and request.headers.get(self.retry_reason_header) in self.errors_ignore_retry:
            # The first delivery arrived (we were slow to acknowledge it) and is being answered.
            logger.info("slack: retry #%s of %s after a timeout; not answering twice", retry, body.get("event_id"))
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        self.answer(body, handle)
        return response.text("")

    def _start_socket_mode(self, handle: OnNewMessage) -> None:
        quiet = logging.getLogger(f"{__name__}.socket_mode")
        quiet.addFilter(OneLinePerFailure())
        client = SocketModeClient(
            app_token=self.slack_app_token,
            web_client=AsyncWebClient(base_url=self.slack_api_url, proxy=self.proxy, logger=quiet),
            proxy=self.proxy,
            logger=quiet,
        )

        async def on_request(client: SocketModeClient, request: SocketModeRequest) -> None:
            # Acknowledge first: Slack redelivers an envelope not acknowledged within 3 seconds.
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
            if request.type in ("events_api", "interactive"):
                self.answer(request.payload, handle)

        client.socket_mode_request_listeners.append(on_request)
        self.socket_client = client
        logger.info("slack: connecting by Socket Mode (Web API at %s)", self.slack_api_url)
        # connect() retries until it succeeds, so it must not hold up the server's start.
        self._connecting = asyncio.create_task(client.connect())
        self._connecting.add_done_callback(self._finished)


def _body(request: Request) -> dict[str, Any] | None:
    """The JSON event, or the interactive payload of a form; ``None`` if neither."""
    content_type = (request.content_type or "").split(";")[0].strip()
    try:
        if content_type == "application/json":
            body = json.loads(request.body)
        elif content_type == "application/x-www-form-urlencoded":
            body = json.loads(request.form.get("payload") or "null")
        else:
            return None
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None
