"""Bad input and bursts against the real servers: a clear 400 or a polite reply, every turn stored, in order."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.channels import guard
from tests.test_e2e import say, text_of

pytestmark = pytest.mark.integration


def post(servers, raw: bytes) -> tuple[int, object]:
    """POST ``raw`` to the REST webhook: (status, JSON reply)."""
    request = urllib.request.Request(servers.webhook, data=raw, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def user_texts(servers, sender: str) -> list[str]:
    """What the REST conversation of ``sender`` stores as the user's words, in order."""
    with sqlite3.connect(servers.tracker_db) as db:
        return [row[0] for row in db.execute(
            "SELECT json_extract(data, '$.text') FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (f"rest:{sender}",))]


@pytest.mark.parametrize("raw, says", [
    (b"", "not JSON"), (b"[1, 2]", "not a JSON object"), (b'"what is kpo"', "not a JSON object"),
    (b'{"message": "what is kpo"}', '"sender" is missing'),
    (json.dumps({"sender": "x" * 251, "message": "what is kpo"}).encode(), "longer than 250"),
    (b'{"sender": "a", "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "not JSON"),
])
def test_a_request_the_channel_cannot_take_gets_a_clear_400(servers, raw, says):
    status, reply = post(servers, raw)
    assert status == 400 and says in reply["error"]


@pytest.mark.parametrize("value", [42, {"text": "what is kpo"}, ["what is kpo"], True])
def test_a_message_that_is_not_text_is_answered_and_stored(servers, value):
    sender = uuid.uuid4().hex
    status, reply = post(servers, json.dumps({"sender": sender, "message": value}).encode())
    assert status == 200 and text_of(reply) == guard.NOT_TEXT_REPLY
    assert user_texts(servers, sender) == [repr(value)]


def test_a_client_that_leaves_before_its_reply_does_not_lose_the_turn(servers):
    import socket

    sender = uuid.uuid4().hex
    body = json.dumps({"sender": sender, "message": "what is kpo"}).encode()
    with socket.create_connection(("127.0.0.1", servers.port)) as raw:
        raw.sendall(b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    # gone before any reply; the next turn waits for the conversation's lock, so the first is done
    assert "Strategic Risks" in text_of(say(servers, "what about its risks?", sender))
    assert user_texts(servers, sender) == ["what is kpo", "what about its risks?"]


def test_a_lone_surrogate_is_answered_and_stored(servers):
    sender = uuid.uuid4().hex
    status, reply = post(servers, b'{"sender": "' + sender.encode() + b'", "message": "what is kpo\\ud800"}')
    assert status == 200 and "KPO stands for" in text_of(reply)
    assert user_texts(servers, sender) == ["what is kpo\ufffd"]


def test_refused_turns_are_stored_but_do_not_change_the_conversation(servers):
    sender = uuid.uuid4().hex
    assert "KPO stands for" in text_of(say(servers, "what is kpo", sender))
    assert "too long" in text_of(say(servers, "why " * 2000, sender))
    assert "Strategic Risks" in text_of(say(servers, "what about its risks?", sender))  # the context held
    assert [len(text) for text in user_texts(servers, sender)] == [11, 2000, 21]


def test_typed_restart_starts_over_and_other_rasa_commands_are_refused(servers):
    sender = uuid.uuid4().hex
    assert "KPO stands for" in text_of(say(servers, "what is kpo", sender))
    refused = text_of(say(servers, "/back", sender))
    assert "I don't take the command /back" in refused
    assert "I don't take the command /session_start" in text_of(say(servers, "/session_start", sender))
    assert "Strategic Risks" in text_of(say(servers, "what about its risks?", sender))  # nothing was wiped
    assert "Starting over" in text_of(say(servers, "/restart", sender))
    with sqlite3.connect(servers.tracker_db) as db:
        restarts = db.execute("SELECT count(*) FROM events WHERE sender_id = ? AND type_name = 'restart'",
                              (f"rest:{sender}",)).fetchone()[0]
    assert restarts == 1


def test_get_started_greets_as_standard_widgets_expect(servers):
    assert text_of(say(servers, "/get_started")).startswith("Hi!")


def test_a_button_payload_typed_is_answered(servers):
    assert "KPO stands for" in text_of(say(servers, '/define{"concept": "KPO"}'))


def test_a_burst_from_one_sender_gets_each_message_its_own_answer_and_stores_each_once(servers):
    sender = uuid.uuid4().hex
    asked = {"what is kpo": "KPO stands for", "what is bpo": "BPO stands for", "how complex is kpo": "KPO's complexity",
             "how scalable is bpo": "BPO's scalability", "what is nearshore": "nearby country",
             "what does offshore mean": "another country", "what are the risks of bpo": "BPO's risk type"}
    questions = list(asked)
    with ThreadPoolExecutor(len(questions)) as pool:
        replies = list(pool.map(lambda text: say(servers, text, sender), questions))
    for question, reply in zip(questions, replies, strict=True):  # no answer went to another message
        assert asked[question] in text_of(reply), (question, text_of(reply))
    stored = user_texts(servers, sender)
    assert sorted(stored) == sorted(questions)  # every turn stored once, one at a time (the lock)


def test_the_help_reply_logs_no_error(servers):
    log = servers.log_dir / "rasa.log"
    before = log.read_text().count("ERROR")
    reply = say(servers, "what can you do?")
    assert [button["payload"] for button in reply[-1]["buttons"]] == ["What is KPO?", "/compare", "Examples of BPO"]
    assert log.read_text().count("ERROR") == before
    assert "KPO stands for" in text_of(say(servers, reply[-1]["buttons"][0]["payload"]))
    assert "BPO" in text_of(say(servers, reply[-1]["buttons"][2]["payload"]))


def test_a_refused_message_in_the_guided_classification_keeps_its_place(servers):
    sender = uuid.uuid4().hex
    first = say(servers, "help me decide whether our process is BPO or KPO", sender)
    question = first[-1]["text"]
    assert first[-1]["buttons"]
    assert "didn't get any text" in text_of(say(servers, "  ", sender))
    assert "I don't take the command /back" in text_of(say(servers, "/back", sender))
    nxt = say(servers, first[-1]["buttons"][0]["payload"], sender)
    assert nxt[-1]["buttons"] and nxt[-1]["text"] != question  # the interview went on to its next question
