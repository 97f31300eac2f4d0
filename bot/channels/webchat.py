"""The intranet widget's channel: Rasa's ``socketio`` channel, its traps handled, and the widget's files.

Configured in ``credentials.yml`` as ``bot.channels.webchat.WebchatInput``. It
keeps Rasa's protocol (``session_request`` / ``session_confirm``, ``user_uttered``
/ ``bot_uttered``), so other Rasa widgets work with it too, and differs from
Rasa 3.6's ``SocketIOInput`` where that one falls short:

- ``enter_room`` is a coroutine since python-socketio 5.10 and Rasa does not await
  it, so with session persistence every reply went to an empty room. Here it is
  awaited, on ``session_request`` and again with every message (a reconnected
  socket may send before it asked for its session).
- Rasa creates the server with ``cors_allowed_origins=[]``, which turns the origin
  check off. Here a connection is refused unless the page's origin is the server's
  own or one listed in ``ALLOWED_ORIGINS`` (comma-separated, e.g.
  ``https://intranet.example.com``). The check is made on socket.io's ``connect``,
  for both transports; engine.io's own CORS headers stay off because Rasa's CORS
  (``--cors``, set from the same variable by ``make run``) already adds them to
  every route, and a second ``Access-Control-Allow-Origin`` makes browsers refuse
  the long-polling fallback.
- Session persistence is on by default; the session id is checked (a short token)
  and the conversation id is namespaced (``socketio:<session>``), as on every channel.
- Empty, over-long and unanswered messages get a polite reply (:mod:`bot.channels.guard`).
- Each answer is sent in one of two forms (:class:`WebchatOutput`): our widget, which
  says ``"structured": true`` with every message, gets the structured payload (items,
  table, source); any other client, such as rasa-webchat, gets Rasa's standard
  ``text`` and ``quick_replies``, which is all such widgets show.
- Our widget's thumbs up or down on an answer comes as a ``feedback`` event and is kept
  in the conversation (:mod:`bot.channels.feedback`); the acknowledgement says whether.

The server never replays history: the widget keeps it in the browser. The
widget's files and a demo page are served at ``/webchat/``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import uuid
from typing import Any

from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer
from socketio import exceptions as socketio_errors

from bot.channels.credentials import ORIGINS_ENV, allowed_origins
from bot.channels.feedback import FeedbackError, rate, read_feedback
from bot.channels.guard import OnNewMessage, guard, namespaced, received
from bot.paths import WEB

logger = logging.getLogger(__name__)

#: URL name -> (file, content type). Nothing else under /webchat/ is served.
FILES = {
    "": (WEB / "index.html", "text/html; charset=utf-8"),
    "index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "widget.js": (WEB / "widget.js", "text/javascript; charset=utf-8"),
    "widget.css": (WEB / "widget.css", "text/css; charset=utf-8"),
    "socket.io.min.js": (WEB / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
                         "text/javascript; charset=utf-8"),
}
#: What our widget sends with each message to get answers as structured payloads.
STRUCTURED = "structured"
#: The socket.io event our widget sends a thumbs up or down with (``bot.channels.feedback``).
FEEDBACK_EVENT = "feedback"
#: The reason a refused page's connection gets (bot/web/widget.js shows its own sentence for it).
REFUSED = "origin not allowed"
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


class OriginCheck:
    """Whether a browser page may connect: the server's own origin, or one configured."""

    def __init__(self, origins: list[str]) -> None:
        self.origins = set(origins)

    def __call__(self, origin: str | None, environ: dict[str, Any]) -> bool:
        """Whether a connection may go on: no origin (not a browser's cross-site request), the server's own, or one allowed.

        Args:
            origin: The connection request's ``Origin`` header, if any.
            environ: The request's environ, whose scheme and ``HTTP_HOST`` make the server's own origin.
        """
        if origin is None:  # not a browser's cross-site request
            return True
        own = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', '')}"
        if origin == own or origin in self.origins:
            return True
        logger.warning("webchat: refused a connection from origin %s (not in %s)", origin, ORIGINS_ENV)
        return False


class _WidgetBlueprint(SocketBlueprint):
    """Attaches the socket.io server, and serves the widget's files at ``/webchat/``."""

    def __init__(self, sio: AsyncServer, socketio_path: str, files: Blueprint, *args: Any, **kwargs: Any) -> None:
        super().__init__(sio, socketio_path, *args, **kwargs)
        self.ctx.files = files

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        super().register(app, options)
        app.blueprint(self.ctx.files)
        sio = self.ctx.sio

        async def close_sockets(*_: Any) -> None:
            # Disconnect open sockets before the loop stops, and end engine.io's ping
            # timers (a 25 s sleep each, not cancelled by its shutdown): a task left
            # pending when the loop closes is logged by asyncio as an ERROR.
            await sio.shutdown()
            pings = [task for task in asyncio.all_tasks()
                     if getattr(task.get_coro(), "__qualname__", "") == "AsyncSocket._send_ping"]
            for task in pings:
                task.cancel()
            await asyncio.gather(*pings, return_exceptions=True)

        app.register_listener(close_sockets, "before_server_stop")


def _files_blueprint() -> Blueprint:
    files = Blueprint("webchat_files", url_prefix="/webchat")

    async def serve(_: Request, name: str = "") -> HTTPResponse:
        entry = FILES.get(name)
        if entry is None:
            return response.text("Not found.", status=404)
        path, content_type = entry
        if not path.is_file():
            logger.error("webchat: %s is missing; run `make webchat` (npm ci in bot/web)", path)
            return response.text("The chat widget is not built on this server (run `make webchat`).", status=503)
        return response.raw(path.read_bytes(), content_type=content_type, headers={"Cache-Control": "no-cache"})

    async def to_folder(_: Request) -> HTTPResponse:  # so the demo page's relative URLs resolve
        return response.redirect("/webchat/")

    files.add_route(to_folder, "", methods=["GET"], name="folder", strict_slashes=True)
    files.add_route(serve, "/", methods=["GET"], name="index", strict_slashes=True)
    files.add_route(serve, "/<name:str>", methods=["GET"], name="file")
    return files


class WebchatOutput(SocketIOOutput):
    """Rasa's socket.io output, sending an answer in the form the client reads.

    An answer from the actions (:func:`bot.render.messages`) carries both a Markdown
    ``text`` with ``buttons`` and our widget's payload as ``custom`` ``data``. A
    structured client gets only the payload; any other gets only the standard
    ``text`` and ``quick_replies``. Other messages go out as Rasa sends them.

    Args:
        sio: The socket.io server.
        bot_message_evt: The event replies are emitted as (``bot_uttered``).
        structured: Whether the client reads structured payloads (our widget).
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str, structured: bool = False) -> None:
        super().__init__(sio, bot_message_evt)
        self.structured = structured

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Send ``message`` in the one form this client reads."""
        custom = message.get("custom")
        if isinstance(custom, dict) and "data" in custom and message.get("text"):
            if self.structured:
                message = {"custom": custom}
            else:
                message = {key: value for key, value in message.items() if key != "custom"}
        await super().send_response(recipient_id, message)


class WebchatInput(SocketIOInput):
    """Rasa's socket.io channel with session persistence, origin checks and the widget's files.

    Args:
        *args: Rasa's ``SocketIOInput`` arguments.
        origins: Origins allowed besides the server's own; ``from_credentials`` reads
            them from ``ALLOWED_ORIGINS``.
        **kwargs: Rasa's ``SocketIOInput`` keyword arguments.
    """

    def __init__(self, *args: Any, origins: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.origins = list(origins or [])

    @classmethod
    def name(cls) -> str:
        """The channel's name: Rasa's own ``socketio``, so other Rasa widgets find it."""
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WebchatInput:
        """Rasa's reading of ``credentials.yml``, with session persistence on by default."""
        channel = super().from_credentials({"session_persistence": True, **(credentials or {})})
        channel.origins = allowed_origins(os.environ.get(ORIGINS_ENV))
        return channel

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The socket.io server and the widget's files, every message guarded."""
        handle = guard(on_new_message, self.name())
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])  # headers: Rasa's --cors
        allowed = OriginCheck(self.origins)
        webhook = _WidgetBlueprint(sio, self.socketio_path, _files_blueprint(), "socketio_webhook", __name__)
        self.sio = sio  # Rasa's get_output_channel reads it (bot.channels.rasa_compat)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict[str, Any], auth: dict[str, Any] | None = None) -> None:
            if not allowed(environ.get("HTTP_ORIGIN"), environ):
                raise socketio_errors.ConnectionRefusedError(REFUSED)  # the widget shows why, and does not retry

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if self._valid(requested) else sid_token()
            await sio.enter_room(sid, self._room(session_id if self.session_persistence else sid),
                                 namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            if not self.session_persistence:
                sender_id = sid
            elif self._valid(data.get("session_id")):
                sender_id = data["session_id"]
            else:  # answer it anyway, in a new session the client is told about
                sender_id = sid_token()
                logger.warning("webchat: a message without a valid session_id; started session %s", sender_id)
                await sio.emit("session_confirm", sender_id, room=sid, namespace=self.namespace)
            await sio.enter_room(sid, self._room(sender_id), namespace=self.namespace)
            metadata = data.get(self.metadata_key)
            message = received(
                data.get("message"),  # the guard answers anything that is not text
                WebchatOutput(sio, self.bot_message_evt, structured=data.get(STRUCTURED) is True),
                sender_id,
                self.name(),
                metadata if isinstance(metadata, dict) else {},
            )
            await handle(message)  # namespaces the id, so replies go to the room _room() names

        @sio.on(FEEDBACK_EVENT, namespace=self.namespace)
        async def feedback(sid: str, data: Any) -> dict[str, Any]:
            """A thumbs up or down on an answer of the session: ``{"session_id", "answer", "rating"}``, acknowledged."""
            session_id = data.get("session_id") if isinstance(data, dict) else None
            sender_id = session_id if self.session_persistence and self._valid(session_id) else sid
            try:
                answer, rating = read_feedback(data)
                await rate(self._room(sender_id), answer, rating)
            except FeedbackError as error:
                return {"error": str(error)}
            return {"status": "ok"}

        return webhook

    def _room(self, session_id: str) -> str:
        return namespaced(self.name(), session_id)

    @staticmethod
    def _valid(session_id: Any) -> bool:
        return isinstance(session_id, str) and SESSION_ID.fullmatch(session_id) is not None


def sid_token() -> str:
    """A new session id."""
    return uuid.uuid4().hex
