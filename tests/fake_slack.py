"""A fake Slack on loopback: the Web API methods the bot calls, and a Socket Mode WebSocket.

Runs an aiohttp app in a background thread, so the tests (synchronous) and a Rasa
server (another process) can both talk to it::

    with FakeSlack() as slack:
        env = {"SLACK_API_URL": slack.api_url, ...}
        slack.wait_for(lambda: slack.posts_to("C1"))

- ``POST /api/chat.postMessage`` records the call (``posts``) and answers ``ok`` with a ``ts``;
- ``POST /api/chat.update`` records the call (``updates``) and answers ``ok``;
- ``POST /api/apps.connections.open`` answers with the WebSocket URL ``/link``;
- ``POST /api/auth.test`` answers as the bot ``UBOT``;
- ``/link`` sends ``hello`` on connect, sends what :meth:`FakeSlack.push` is given, and
  records what the client sends (``acks``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from bot.launch.servers import free_port

BOT_USER = "UBOT"
#: The test app's credentials: the servers are started with them, the tests sign with SECRET.
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN, APP_TOKEN = "xoxb-test-token", "xapp-test-token"
T = TypeVar("T")


class FakeSlack:
    """The fake; every list it records is appended to from its own thread, read from the test's."""

    def __init__(self) -> None:
        self.port = free_port()
        self.posts: list[dict[str, Any]] = []  # chat.postMessage bodies, plus "ts" and "authorization"
        self.updates: list[dict[str, Any]] = []  # chat.update bodies, plus "authorization"
        self.calls: list[tuple[str, dict[str, Any], str]] = []  # (method, body, Authorization header)
        self.acks: list[dict[str, Any]] = []
        self.connections = 0  # WebSockets opened so far
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = itertools.count(1)
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-slack", daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def env(self) -> dict[str, str]:
        """The variables that point a server at this fake, by Socket Mode and the Events API."""
        return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_APP_TOKEN": APP_TOKEN,
                "SLACK_API_URL": self.api_url, "SLACK_CHANNEL": ""}

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/link", self._link)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    # -- the Web API -------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            body = await request.json()
        else:
            body = dict(await request.post()) | dict(request.query)
        authorization = request.headers.get("Authorization", "")
        self.calls.append((method, body, authorization))
        if method == "chat.postMessage":
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            self.posts.append({**body, "ts": ts, "authorization": authorization})
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": ts})
        if method == "chat.update":
            self.updates.append({**body, "authorization": authorization})
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": body.get("ts")})
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"})
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": BOT_USER, "bot_id": "BBOT", "team_id": "T1"})
        return web.json_response({"ok": False, "error": "unknown_method"})

    # -- Socket Mode -------------------------------------------------------------------------

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()  # answers pings itself, as slack_sdk expects
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1,
                                "connection_info": {"app_id": "A1"}, "debug_info": {"host": "fake"}})
        self._sockets.append(socket)
        self.connections += 1
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    self.acks.append(json.loads(message.data))
        finally:
            self._sockets.remove(socket)
        return socket

    @property
    def connected(self) -> bool:
        return bool(self._sockets)

    def push(self, envelope: dict[str, Any]) -> None:
        """Send ``envelope`` to every connected Socket Mode client."""

        async def send() -> None:
            if not self._sockets:
                raise RuntimeError("no Socket Mode client is connected")
            for socket in self._sockets:
                await socket.send_json(envelope)

        asyncio.run_coroutine_threadsafe(send(), self._loop).result(timeout=10)

    # -- for the tests -----------------------------------------------------------------------

    def posts_to(self, channel: str) -> list[dict[str, Any]]:
        return [post for post in list(self.posts) if post.get("channel") == channel]

    @staticmethod
    def wait_for(probe: Callable[[], T], timeout: float = 30.0, what: str = "the fake Slack") -> T:
        """Poll ``probe`` until it returns something true; returns that."""
        deadline = time.monotonic() + timeout
        while True:
            found = probe()
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
            time.sleep(0.05)


def post_text(post: dict[str, Any]) -> str:
    """Everything a post shows: its text and every text in its blocks."""
    parts = [post.get("text") or ""]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    blocks = post.get("blocks")
    walk(json.loads(blocks) if isinstance(blocks, str) else blocks)
    return "\n".join(parts)
