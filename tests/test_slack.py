"""Slack: the channel's rules on their own, then the real servers with a fake Slack.

The session's servers (tests/conftest.py) run with all three Slack variables, so the Events
API webhook and Socket Mode run in the same server; the session's fake Slack
(tests/fake_slack.py) records what the bot posts. Rasa answers in the background,
so answers are polled for with a deadline, and "nothing more" is a short wait.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from bot.channels.credentials import BASE, SLACK_CONNECTOR, assemble
from bot.channels.slack import OneLinePerFailure, SlackInput, clean_text
from bot.channels.stores import AnsweredEvents
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, BOT_USER, SECRET, FakeSlack, post_text

QUIET = 1.5  # seconds in which nothing more may arrive


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


# -- the channel's rules, no servers -----------------------------------------------------------


@pytest.mark.parametrize(("raw", "bot_ids", "expected"), [
    ("<@UBOT> what is KPO?", ["UBOT"], "what is KPO?"),
    ("what is KPO <@UBOT>", ["UBOT"], "what is KPO"),
    ("hey <@UBOT|assistant>, what is BPO", ["UBOT"], "hey , what is BPO"),
    ("<@UOTHER> asked: what is KPO", ["UBOT"], "<@UOTHER> asked: what is KPO"),
    ("R&amp;D: BPO or KPO?", [], "R&D: BPO or KPO?"),
    ("is cost &lt; value &amp;&amp; risk &gt; 0", [], "is cost < value && risk > 0"),
    ("I typed &amp;lt; literally", [], "I typed &lt; literally"),  # &amp; is undone last
    ("see <https://example.org/bpo|the BPO page>", [], "see the BPO page"),
    ("see <https://example.org/kpo>", [], "see https://example.org/kpo"),
    ("in <#C123|general>: what is KPO", [], "in general: what is KPO"),
    ("  what\nis   KPO  ", [], "what is KPO"),
])
def test_clean_text(raw, bot_ids, expected):
    assert clean_text(raw, bot_ids) == expected


@pytest.fixture(autouse=True)
def answered_events(tmp_path, monkeypatch):
    """Each test's own record of answered event ids (not build/slack-events.db)."""
    path = tmp_path / "slack-events.db"
    monkeypatch.setenv("SLACK_EVENTS_DB", str(path))
    return path


def test_answered_ids_are_remembered_once_and_dropped_when_old(tmp_path, monkeypatch):
    answered = AnsweredEvents(tmp_path / "ids.db", keep_seconds=60)
    assert [answered.seen(key) for key in ("a", "b", "a", "b", "c")] == [False, False, True, True, False]
    monkeypatch.setattr(AnsweredEvents, "PRUNE_EVERY", 1)
    monkeypatch.setattr(time, "time", lambda: 1e12)  # far later: the next new id prunes the old ones
    assert answered.seen("d") is False and answered.seen("a") is False


def test_a_redelivery_after_a_restart_is_not_answered_again(answered_events):
    credentials = {"slack_token": BOT_TOKEN, "slack_signing_secret": SECRET}
    body = event_body(dm("what is BPO?", "D1", "U1"))
    before = SlackInput.from_credentials(credentials)
    assert before.user_message(body) is not None
    after = SlackInput.from_credentials(credentials)  # what a restarted server builds: the same file
    assert after.user_message(body) is None
    assert answered_events.is_file()


def event_body(event: dict, event_id: str | None = None) -> dict:
    """An Events API callback as Slack sends it (and as Socket Mode's events_api payload)."""
    return {
        "token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id or new_id("Ev"), "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": "T1", "user_id": BOT_USER, "is_bot": True}],
        "event": event,
    }


def message(text: str, channel: str, user: str, **extra) -> dict:
    ts = f"{time.time():.6f}"
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, **extra}


def mention(text: str, channel: str, user: str) -> dict:
    return {**message(text, channel, user), "type": "app_mention"}


def dm(text: str, channel: str, user: str, **extra) -> dict:
    return message(text, channel, user, channel_type="im", **extra)


def test_which_events_are_answered():
    slack = SlackInput.from_credentials({"slack_token": BOT_TOKEN, "slack_signing_secret": SECRET,
                                         "slack_channel": "CHELP"})

    def answered(event: dict) -> str | None:
        found = slack.user_message(event_body(event))
        return found and found.text

    assert answered(mention("<@UBOT> what is KPO?", "C1", "U1")) == "what is KPO?"
    assert answered(dm("what is &lt;BPO&gt;", "D1", "U1")) == "what is <BPO>"
    assert answered(message("<@UBOT> what is KPO?", "C1", "U1", channel_type="channel")) is None  # the app_mention answers
    assert answered(message("what is KPO?", "C1", "U1", channel_type="channel")) is None  # not addressed to the bot
    assert answered(message("what is KPO?", "CHELP", "U1", channel_type="channel")) == "what is KPO?"  # its channel
    assert answered(message("<@UBOT> what is KPO?", "CHELP", "U1", channel_type="channel")) is None
    assert answered(dm("an answer", "D1", "U1", bot_id="B1")) is None
    assert answered(dm("an answer", "D1", "U1", subtype="bot_message")) is None
    assert answered(dm("edited", "D1", "U1", subtype="message_changed")) is None
    assert answered({"type": "reaction_added", "user": "U1", "item": {}}) is None
    body = event_body(dm("what is KPO", "D1", "U1"))
    assert slack.user_message(body).sender_id == "U1"
    assert slack.user_message(body) is None  # the same event_id again


def test_a_click_is_the_users_message_in_the_channel_clicked():
    slack = SlackInput.from_credentials({"slack_token": BOT_TOKEN, "slack_signing_secret": SECRET})
    found = slack.user_message(click_payload("/classify", "U1", "D1", "1.000001"))
    assert (found.text, found.sender_id, found.input_channel) == ("/classify", "U1", "slack")
    assert found.output_channel.slack_channel == "D1"
    link = click_payload("", "U1", "D1", "1.000001")  # a link button has no value
    assert slack.user_message(link) is None


def test_socket_mode_alone_needs_no_signing_secret_and_serves_no_webhook():
    slack = SlackInput.from_credentials({"slack_token": BOT_TOKEN, "slack_app_token": APP_TOKEN})
    uris = {route.uri for route in slack.blueprint(lambda message: None)._future_routes}
    assert uris == {"/"}
    with pytest.raises(Exception, match="signing secret"):
        SlackInput.from_credentials({"slack_token": BOT_TOKEN})


def test_without_slack_variables_slack_is_off():
    channels, line = assemble(BASE, {})
    assert SLACK_CONNECTOR not in channels and line.startswith("Slack: off.")
    channels, line = assemble(BASE, {"SLACK_BOT_TOKEN": "x", "SLACK_APP_TOKEN": "y"})
    assert channels[SLACK_CONNECTOR] == {"slack_token": "${SLACK_BOT_TOKEN}", "slack_app_token": "${SLACK_APP_TOKEN}"}
    assert line == "Slack: on, by Socket Mode."


def test_a_failing_connection_is_logged_once_without_a_traceback():
    keep = OneLinePerFailure()

    def record(level: int, text: str) -> logging.LogRecord:
        try:
            raise ConnectionError("refused")
        except ConnectionError as error:
            return logging.LogRecord("x", level, __file__, 1, text, (), (type(error), error, None))

    first, again = record(logging.ERROR, "Failed to connect"), record(logging.ERROR, "Failed to connect")
    assert keep.filter(first) and first.exc_info is None and first.getMessage() == "Slack Socket Mode: Failed to connect"
    assert not keep.filter(again)
    assert keep.filter(record(logging.INFO, "A new session (s_1) has been established"))
    assert keep.filter(record(logging.ERROR, "Failed to connect"))  # a new failure after a connection


# -- the real servers and the fake Slack --------------------------------------------------------


@pytest.fixture()
def slack(session_slack):
    """The session's fake Slack, which the session's servers talk to."""
    return session_slack


@pytest.fixture()
def servers(webchat_servers):
    """The session's servers: they run Slack by Socket Mode and the Events API against the fake."""
    assert webchat_servers.channels_line == \
        "Slack: on, by Socket Mode and the Events API at /webhooks/slack/webhook."
    return webchat_servers


def signed(body: bytes, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    """Slack's v0 signature headers for ``body``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def deliver(servers, body: dict, headers: dict[str, str] | None = None, form: bool = False, **signing):
    """POST ``body`` to the webhook, signed; returns (status, headers, text)."""
    if form:
        data, content_type = urllib.parse.urlencode({"payload": json.dumps(body)}).encode(), \
            "application/x-www-form-urlencoded"
    else:
        data, content_type = json.dumps(body).encode(), "application/json"
    request = urllib.request.Request(servers.slack_webhook, data=data, method="POST", headers={
        "Content-Type": content_type, **signed(data, **signing), **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.headers, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def answers(slack: FakeSlack, channel: str, count: int = 1) -> list[dict]:
    """The first ``count`` posts to ``channel``, waited for."""
    return slack.wait_for(lambda: slack.posts_to(channel)[:count] if len(slack.posts_to(channel)) >= count else None,
                          what=f"{count} post(s) to {channel}")


def nothing_more(slack: FakeSlack, channel: str, count: int) -> None:
    time.sleep(QUIET)
    assert len(slack.posts_to(channel)) == count, [post_text(p) for p in slack.posts_to(channel)]


@pytest.mark.integration
def test_a_mention_is_answered_once_in_its_channel(servers, slack):
    channel, user = new_id("C"), new_id("U")
    started = time.monotonic()
    status, _, _ = deliver(servers, event_body(mention("<@UBOT> what is KPO?", channel, user)))
    assert status == 200 and time.monotonic() - started < 3  # Slack's limit for the acknowledgement
    # Slack also sends the channel message itself to an app subscribed to channel messages.
    assert deliver(servers, event_body(message("<@UBOT> what is KPO?", channel, user, channel_type="channel")))[0] == 200
    [answer] = answers(slack, channel)
    assert "KPO stands for Knowledge Process Outsourcing" in post_text(answer)
    assert answer["authorization"] == f"Bearer {BOT_TOKEN}" and "as_user" not in answer
    assert answer["blocks"] and answer["text"]
    nothing_more(slack, channel, 1)


@pytest.mark.integration
def test_a_bare_mention_gets_a_polite_reply(servers, slack):
    channel = new_id("C")
    deliver(servers, event_body(mention("<@UBOT>", channel, new_id("U"))))
    [answer] = answers(slack, channel)
    assert "didn't get any text" in post_text(answer)


@pytest.mark.integration
def test_a_redelivered_event_is_answered_once(servers, slack):
    channel, user = new_id("D"), new_id("U")
    body = event_body(dm("what is BPO?", channel, user))
    assert deliver(servers, body)[0] == 200
    answers(slack, channel)
    status, headers, _ = deliver(servers, body, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert status in (200, 201) and headers.get("X-Slack-No-Retry") == "1"
    assert deliver(servers, body)[0] == 200  # the same event_id, no retry headers
    assert deliver(servers, body, {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"})[0] == 200
    nothing_more(slack, channel, 1)


@pytest.mark.integration
def test_unsigned_and_stale_requests_are_refused(servers, slack):
    channel = new_id("D")
    body = event_body(dm("what is KPO?", channel, new_id("U")))
    assert deliver(servers, body, secret="not-the-secret")[0] == 400
    assert deliver(servers, body, timestamp=int(time.time()) - 6 * 60)[0] == 400  # correctly signed, 6 minutes old
    nothing_more(slack, channel, 0)


@pytest.mark.integration
def test_url_verification_gets_the_challenge_back(servers):
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    status, headers, text = deliver(servers, {"token": "unused", "challenge": challenge, "type": "url_verification"})
    assert status == 200 and headers.get("Content-Type", "").startswith("application/json")
    assert json.loads(text) == {"challenge": challenge}


@pytest.mark.integration
def test_bot_messages_and_channel_chatter_are_not_answered(servers, slack):
    dm_channel, channel, user = new_id("D"), new_id("C"), new_id("U")
    for event in (dm("KPO stands for ...", dm_channel, user, bot_id="B1"),
                  dm("what is KPO", dm_channel, user, subtype="message_changed"),
                  message("what is KPO?", channel, user, channel_type="channel")):
        assert deliver(servers, event_body(event))[0] == 200
    nothing_more(slack, dm_channel, 0)
    assert slack.posts_to(channel) == []


def blocks_of(post: dict) -> list[dict]:
    blocks = post.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


@pytest.mark.integration
def test_a_comparison_arrives_as_a_section_per_row(servers, slack):
    channel = new_id("D")
    deliver(servers, event_body(dm("how do BPO and KPO differ?", channel, new_id("U"))))
    blocks = [block for post in answers(slack, channel) for block in blocks_of(post)]
    rows = {block["text"]["text"]: [field["text"] for field in block.get("fields", [])]
            for block in blocks if block["type"] == "section"}
    assert any("Low to Medium" in field for field in rows["*Complexity*"])
    assert any(field.endswith("High") for field in rows["*Complexity*"])
    # (the table's source, then that of what each is in the document's words)
    contexts = [block for block in blocks if block["type"] == "context"]
    assert contexts and all("Source" in context["elements"][0]["text"] for context in contexts)


def click_payload(value: str, user: str, channel: str, message_ts: str, title: str = "a button") -> dict:
    """A block_actions payload: ``user`` clicked the button with ``value`` in ``channel``."""
    button = {"type": "button", "action_id": "choice_0", "block_id": "b1", "action_ts": f"{time.time():.6f}",
              "text": {"type": "plain_text", "text": title, "emoji": True}}
    if value:
        button["value"] = value
    return {
        "type": "block_actions", "user": {"id": user, "username": "someone", "team_id": "T1"}, "api_app_id": "A1",
        "token": "unused", "trigger_id": uuid.uuid4().hex, "team": {"id": "T1", "domain": "example"},
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "user": BOT_USER, "ts": message_ts, "text": "..."},
        "response_url": "http://127.0.0.1:9/unused", "actions": [button],
    }


def first_post(slack: FakeSlack, channel: str, wanted: str, after: int = 0) -> dict:
    """The first post to ``channel`` after the first ``after`` ones that shows ``wanted``, waited for."""
    return slack.wait_for(lambda: next((p for p in slack.posts_to(channel)[after:] if wanted in post_text(p)), None),
                          what=f"{wanted!r} in {channel}")


def buttons_of(post: dict) -> list[dict]:
    return [element for block in blocks_of(post) if block["type"] == "actions" for element in block["elements"]]


@pytest.mark.integration
def test_the_guided_classification_by_buttons(servers, slack):
    channel, user = new_id("D"), new_id("U")
    deliver(servers, event_body(dm("help me decide whether our process is BPO or KPO", channel, user)))
    question = slack.wait_for(lambda: next((p for p in slack.posts_to(channel) if buttons_of(p)), None),
                              what="the first question")
    assert "Question 1" in post_text(question)
    # The KPO side of each question, as tests/test_e2e_classification.py answers it over REST.
    for number, title in enumerate(("High", "Specialized Skills", "High", "More Frequent"), start=2):
        [button] = [b for b in buttons_of(question) if b["text"]["text"] == title]
        seen = len(slack.posts_to(channel))
        status, _, _ = deliver(servers, click_payload(button["value"], user, channel, question["ts"], title), form=True)
        assert status == 200
        wanted = f"Question {number}" if number <= 4 else "Recommendation: KPO"
        question = first_post(slack, channel, wanted, after=seen)
    # The same conversation all along: the answers of the four clicks were counted together.
    assert "Confidence: high (4 of 4 answers point to KPO)" in post_text(question)
    assert all(post["channel"] == channel for post in slack.posts_to(channel))


def envelope(kind: str, payload: dict) -> dict:
    return {"envelope_id": str(uuid.uuid4()), "type": kind, "payload": payload, "accepts_response_payload": False}


@pytest.mark.integration
def test_socket_mode_acknowledges_and_answers_once(servers, slack):
    slack.wait_for(lambda: slack.connected, what="the Socket Mode connection")
    assert ("apps.connections.open", {}, f"Bearer {APP_TOKEN}") in slack.calls
    channel, user = new_id("D"), new_id("U")
    body = event_body(dm("what is BPO?", channel, user))
    first = envelope("events_api", body)
    slack.push(first)
    slack.wait_for(lambda: {"envelope_id": first["envelope_id"]} in slack.acks, what="the acknowledgement")
    [answer] = answers(slack, channel)
    assert "BPO stands for" in post_text(answer)
    again = {**envelope("events_api", body), "retry_attempt": 1, "retry_reason": "timeout"}
    slack.push(again)  # redelivered by Socket Mode, then by the webhook: the ids are shared
    assert deliver(servers, body)[0] == 200
    slack.wait_for(lambda: {"envelope_id": again["envelope_id"]} in slack.acks, what="the second acknowledgement")
    nothing_more(slack, channel, 1)


@pytest.mark.integration
def test_socket_mode_button_clicks(servers, slack):
    slack.wait_for(lambda: slack.connected, what="the Socket Mode connection")
    channel, user = new_id("D"), new_id("U")
    slack.push(envelope("interactive", click_payload('/define{"concept": "KPO"}', user, channel, "1.000001")))
    [answer] = answers(slack, channel)
    assert "KPO stands for" in post_text(answer)
    nothing_more(slack, channel, 1)


@pytest.mark.integration
def test_a_thumbs_up_is_kept_not_answered_and_thanked_in_place(servers, slack):
    from bot.report.events import Where, conversations
    from bot.report.summary import summarise

    channel, user = new_id("D"), new_id("U")
    deliver(servers, event_body(dm("what is KPO?", channel, user)))
    answer = first_post(slack, channel, "KPO stands for")
    [up] = [b for b in buttons_of(answer) if b["action_id"] == "feedback_up"]
    assert up["text"]["text"].endswith("Helpful") and up["value"].startswith("up:")
    payload = click_payload(up["value"], user, channel, answer["ts"])
    payload["actions"][0]["action_id"] = "feedback_up"
    payload["message"]["blocks"] = answer["blocks"]
    seen = len(slack.posts_to(channel))
    status, _, _ = deliver(servers, payload, form=True)
    assert status == 200
    update = slack.wait_for(lambda: next((u for u in slack.updates if u.get("ts") == answer["ts"]), None),
                            what="the thank-you in place of the buttons")
    blocks = update["blocks"] if isinstance(update["blocks"], list) else json.loads(update["blocks"])
    assert "you found this answer helpful" in json.dumps(blocks)
    assert not any(b.get("block_id", "").startswith("feedback:") for b in blocks)
    nothing_more(slack, channel, seen)  # the click is no message: nothing is answered
    rated = slack.wait_for(lambda: summarise(
        (s, e) for s, e in conversations(Where(db=servers.env["TRACKER_DB"])) if s == f"slack:{user}").rated or None,
        what="the rating in the store")
    assert [(r.rating, r.question) for r in rated] == [("up", "what is KPO?")]
