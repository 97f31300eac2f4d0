"""The widget's socket.io channel at the protocol level, against the real servers.

Rasa's standard events (``session_request`` / ``session_confirm``, ``user_uttered`` /
``bot_uttered``) with python-socketio's client over polling, so each of Rasa 3.6's
socket.io traps is checked without a browser: replies reach a persistent session
(``enter_room`` awaited), origins are limited, custom payloads arrive whole.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import urllib.error
import urllib.request

import pytest
import socketio

from tests.test_e2e import say

pytestmark = pytest.mark.integration


class Client:
    """A widget stand-in: asks for a session, sends messages, collects ``bot_uttered`` payloads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: list[dict] = []
        self.confirmed: asyncio.Queue[str] = asyncio.Queue()
        self.sio.on("bot_uttered", self.replies.append)
        self.sio.on("session_confirm", self.confirmed.put_nowait)

    async def __aenter__(self) -> Client:
        await self.sio.connect(self.url, transports=["polling"], socketio_path="/socket.io",
                               wait_timeout=10)
        return self

    async def __aexit__(self, *exc: object) -> None:
        # A polite disconnect over polling waits out the pending long-poll (25 s); the server
        # has the close packet either way.
        await self.sio.eio.disconnect(abort=True)

    async def session(self, session_id: str | None = None) -> str:
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.confirmed.get(), 10)

    async def ask(self, text: object, session_id: str | None, count: int = 1, timeout: float = 30,
                  structured: bool = True) -> list[dict]:
        """Send ``text`` and wait for ``count`` replies (a turn can send several); ``structured`` as our widget."""
        start = len(self.replies)
        await self.sio.emit("user_uttered", {"message": text, "session_id": session_id,
                                             **({"structured": True} if structured else {})})
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.replies) < start + count and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # anything more this turn sends
        return self.replies[start:]


async def test_a_persistent_session_gets_its_replies_as_structured_payloads(webchat_servers):
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        reply, told = await client.ask("how do bpo and kpo differ", session, count=2)
    assert reply["text"].startswith("In short: BPO is about routine tasks")
    assert told["text"].startswith("What each is, in the document's words:") and "table" not in told
    assert ["Complexity", "Low to Medium", "High"] in reply["table"]
    assert reply["source"] and "room" not in reply and "data" not in reply


async def test_a_reconnected_widget_continues_its_conversation(webchat_servers):
    async with Client(webchat_servers.url) as first:
        session = await first.session()
        assert "KPO stands for" in (await first.ask("what is kpo", session))[0]["text"]
    async with Client(webchat_servers.url) as again:  # a page reload: a new socket, the same session id
        assert await again.session(session) == session
        [reply] = await again.ask("and bpo?", session)
    assert "BPO stands for" in reply["text"]


async def test_buttons_arrive_as_quick_replies_and_their_payload_continues_the_interview(webchat_servers):
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        replies = await client.ask("help me decide whether our process is BPO or KPO", session, count=2)
        chips = [chip for reply in replies for chip in reply.get("quick_replies", [])]
        assert chips and all(chip["content_type"] == "text" and chip["payload"].startswith("/") for chip in chips)
        nxt = await client.ask(chips[0]["payload"], session)
    assert nxt and any(reply.get("quick_replies") for reply in nxt)


async def test_a_standard_widget_gets_only_rasas_standard_text_and_quick_replies(webchat_servers):
    # rasa-webchat shows a message only when its keys are exactly text, or text and quick_replies
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        table = await client.ask("how do bpo and kpo differ", session, count=5, structured=False)
        helped = await client.ask("what can you do?", session, structured=False)
    assert all(set(reply) in ({"text"}, {"text", "quick_replies"}) for reply in table + helped), table + helped
    texts = [reply["text"] for reply in table]
    assert texts[0].startswith("In short: BPO is about routine tasks")
    assert any("- **Complexity**: BPO: Low to Medium; KPO: High" in text for text in texts)
    assert texts[-1].startswith("Source:")
    assert [chip["title"] for chip in helped[-1]["quick_replies"]] == ["What is KPO?", "BPO vs KPO", "Examples of BPO"]


async def test_text_replies_are_split_at_blank_lines_and_nothing_is_dropped(webchat_servers):
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        replies = await client.ask("hello", session)
    assert replies and replies[0]["text"].startswith("Hi!")


async def test_a_message_without_a_session_is_answered_in_a_new_one(webchat_servers):
    async with Client(webchat_servers.url) as client:
        replies = await client.ask("what is bpo", None)
        session = await asyncio.wait_for(client.confirmed.get(), 5)
    assert len(session) == 32 and "BPO stands for" in replies[0]["text"]


@pytest.mark.parametrize("text, says", [("  ", "didn't get any text"), ("why?" * 300, "too long"),
                                        (42, "only read text"), ({"a": 1}, "only read text")])
async def test_empty_and_huge_messages_get_a_polite_reply(webchat_servers, text, says):
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        [reply] = await client.ask(text, session)
    assert says in reply["text"]


async def test_the_conversation_is_stored_under_the_channels_name(webchat_servers):
    async with Client(webchat_servers.url) as client:
        session = await client.session()
        await client.ask("what is kpo", session)
    # a REST caller naming the widget's conversation writes into its own, namespaced one
    say(webchat_servers, "and bpo?", f"socketio:{session}")
    with sqlite3.connect(webchat_servers.tracker_db) as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events WHERE sender_id LIKE ?",
                                                 (f"%{session}",))}
        widget_users = db.execute("SELECT count(*) FROM events WHERE sender_id = ? AND type_name = 'user'",
                                  (f"socketio:{session}",)).fetchone()[0]
    assert senders == {f"socketio:{session}", f"rest:socketio:{session}"}
    assert widget_users == 1


def socketio_connect(url: str, origin: str) -> str:
    """Open an engine.io session over polling from ``origin`` and ask socket.io to connect;
    returns socket.io's answer packet: ``40...`` (connected) or ``44...`` (refused)."""
    base = f"{url}/socket.io/?EIO=4&transport=polling"

    def call(query: str = "", data: bytes | None = None) -> str:
        request = urllib.request.Request(base + query, data=data, headers={"Origin": origin})
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.read().decode()

    session = json.loads(call()[1:])["sid"]  # "0{...}": the engine.io handshake
    call(f"&sid={session}", b"40")  # socket.io CONNECT to the default namespace
    return call(f"&sid={session}")


def test_only_the_servers_own_and_configured_origins_may_connect(webchat_servers):
    url = webchat_servers.url
    assert socketio_connect(url, url).startswith("40")
    assert socketio_connect(url, webchat_servers.allowed_origin).startswith("40")
    for refused in ("https://elsewhere.example.com", "null", url.replace("127.0.0.1", "localhost")):
        packet = socketio_connect(url, refused)
        assert packet.startswith("44") and json.loads(packet[2:]) == {"message": "origin not allowed"}


@pytest.mark.parametrize("path", ["/socket.io/?EIO=4&transport=polling", "/webhooks/rest/webhook"])
def test_an_allowed_origin_gets_exactly_one_cors_header(webchat_servers, path):
    # two Access-Control-Allow-Origin headers (Rasa's CORS and engine.io's) make browsers refuse
    request = urllib.request.Request(webchat_servers.url + path, headers={"Origin": webchat_servers.allowed_origin},
                                     method="GET" if "socket.io" in path else "OPTIONS")
    request.add_header("Access-Control-Request-Method", "POST")
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.headers.get_all("Access-Control-Allow-Origin") == [webchat_servers.allowed_origin]


def test_rest_cors_is_limited_to_the_configured_origins(webchat_servers):
    def preflight(origin):
        request = urllib.request.Request(webchat_servers.webhook, method="OPTIONS", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.headers.get("Access-Control-Allow-Origin")
        except urllib.error.HTTPError as error:
            return error.headers.get("Access-Control-Allow-Origin")

    assert preflight(webchat_servers.allowed_origin) == webchat_servers.allowed_origin
    assert preflight("https://elsewhere.example.com") is None


@pytest.mark.parametrize("name, kind", [("", "text/html"), ("widget.js", "text/javascript"),
                                        ("widget.css", "text/css"), ("socket.io.min.js", "text/javascript")])
def test_the_widget_and_its_demo_page_are_served_at_webchat(webchat_servers, name, kind):
    with urllib.request.urlopen(f"{webchat_servers.url}/webchat/{name}", timeout=10) as reply:
        assert reply.status == 200 and reply.headers["Content-Type"].startswith(kind)
        body = reply.read()
    assert len(body) > 100


@pytest.mark.parametrize("name", ["package.json", "..%2Fwidget.js", "node_modules", "x"])
def test_nothing_else_is_served_at_webchat(webchat_servers, name):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{webchat_servers.url}/webchat/{name}", timeout=10)
    assert error.value.code == 404


def test_the_folder_without_its_slash_redirects_to_the_demo_page(webchat_servers):
    with urllib.request.urlopen(f"{webchat_servers.url}/webchat", timeout=10) as reply:
        assert reply.url == f"{webchat_servers.url}/webchat/" and b"widget.js" in reply.read()


def test_the_demo_page_embeds_the_widget_with_one_script_tag(webchat_servers):
    with urllib.request.urlopen(f"{webchat_servers.url}/webchat/", timeout=10) as reply:
        page = reply.read().decode()
    assert len(re.findall(r'<script[^>]*\bsrc="[^"]*widget\.js"', page)) == 1
