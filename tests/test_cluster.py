"""The assistant past one machine, on the real services: PostgreSQL, Redis, two Rasa and two action servers, HAProxy.

The cluster is started once for this module (``bot/launch/cluster.py``, as ``make cluster``
does; ``make test`` installs Debian's postgresql, redis-server and haproxy first) with Slack
pointed at the fake Slack. The test that kills a Rasa server runs last.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest
import redis

from bot.launch.cluster import start_cluster
from bot.paths import MODEL, ROOT
from tests.fake_slack import BOT_TOKEN, SECRET, post_text
from tests.test_slack import QUIET, dm, event_body, new_id, signed

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def cluster(slack, tmp_path_factory):
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url,
           "SLACK_APP_TOKEN": "", "SLACK_CHANNEL": ""}
    with start_cluster(MODEL, tmp_path_factory.mktemp("cluster"), extra_env=env) as running:
        yield running


def say(url: str, sender: str, text: str) -> str:
    """One REST message to ``url`` (a Rasa server or the load balancer): the reply's text."""
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"sender": sender, "message": text}).encode())
    with urllib.request.urlopen(request, timeout=60) as reply:
        return "\n".join(message.get("text", "") for message in json.load(reply))


def stored(cluster, conversation: str) -> list[tuple[str, str]]:
    """The conversation's user and bot events in PostgreSQL, in order: (type, text)."""
    env = cluster.env
    with psycopg2.connect(host=env["TRACKER_HOST"], port=env["TRACKER_PORT"], dbname=env["TRACKER_DB"],
                          user=env["TRACKER_USER"], password=env["TRACKER_PASSWORD"]) as db, db.cursor() as cursor:
        cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s AND type_name IN ('user', 'bot') "
                       "ORDER BY id", (conversation,))
        return [(kind, json.loads(data).get("text") or "") for kind, data in cursor.fetchall()]


def test_turns_alternating_between_the_two_rasa_servers_keep_context_and_order(cluster):
    sender = uuid.uuid4().hex
    turns = [("what is kpo", "KPO stands for"), ("what about its risks?", "KPO's risk type is Strategic Risks"),
             ("and bpo?", "BPO"), ("and its scalability", "High")]
    for i, (text, expected) in enumerate(turns):
        assert expected in say(cluster.rasa_url(i % 2), sender, text)
    users = [text for kind, text in stored(cluster, f"rest:{sender}") if kind == "user"]
    assert users == [text for text, _ in turns]


def test_the_load_balancer_spreads_one_conversation_and_keeps_its_context(cluster):
    sender = uuid.uuid4().hex
    assert "KPO stands for" in say(cluster.url, sender, "what is kpo")
    assert "Strategic Risks" in say(cluster.url, sender, "what about its risks?")
    assert "Moderate to High" in say(cluster.url, sender, "and its scalability")


def test_messages_from_one_sender_at_once_to_both_servers_are_answered_one_at_a_time(cluster):
    sender = uuid.uuid4().hex
    asked = {"what is kpo": "KPO stands for", "what is bpo": "BPO stands for", "how complex is kpo": "KPO's complexity",
             "how scalable is bpo": "BPO's scalability", "what is nearshore": "nearby country",
             "what does offshore mean": "another country"}
    questions = [f"{question} ({i})" for i, question in enumerate(list(asked) * 5)]  # 30, each told apart
    with ThreadPoolExecutor(len(questions)) as pool:
        replies = list(pool.map(lambda i: say(cluster.rasa_url(i % 2), sender, questions[i]), range(len(questions))))
    for question, reply in zip(questions, replies, strict=True):
        assert asked[question.rsplit(" (", 1)[0]] in reply, (question, reply)
    events = stored(cluster, f"rest:{sender}")
    users = [text for kind, text in events if kind == "user"]
    assert sorted(users) == sorted(questions)  # each stored once
    # one turn at a time across both servers (the Redis lock): each question is followed by its own answer
    for i, (kind, text) in enumerate(events):
        if kind == "user":
            assert events[i + 1][0] == "bot" and asked[text.rsplit(" (", 1)[0]] in events[i + 1][1], events


def test_a_slack_event_delivered_to_both_servers_is_answered_once(cluster, slack):
    channel = new_id("D")
    event = event_body(dm("what is KPO?", channel, new_id("U")))
    body = json.dumps(event).encode()
    for i in (0, 1):
        request = urllib.request.Request(f"{cluster.rasa_url(i)}/webhooks/slack/webhook", data=body, method="POST",
                                         headers={"Content-Type": "application/json", **signed(body)})
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200
    [answer] = slack.wait_for(lambda: slack.posts_to(channel) or None, what="the answer")
    assert "KPO stands for" in post_text(answer)
    time.sleep(QUIET)
    assert len(slack.posts_to(channel)) == 1
    shared = redis.Redis(host="127.0.0.1", port=cluster.redis_port, db=int(cluster.env["REDIS_DB"]))
    assert shared.exists(f"slack-answered:{event['event_id']}")  # the servers' shared record


def test_socketio_requests_on_new_connections_stay_on_one_server(cluster):
    from tests.test_webchat import socketio_connect

    # each engine.io request on a connection of its own, as a browser's long-poll and send are;
    # sent to the other server, one would be refused ("Invalid session")
    for _ in range(6):
        assert socketio_connect(cluster.url, cluster.url).startswith("40")


async def test_the_widget_talks_through_the_load_balancer(cluster):
    from tests.test_webchat import Client

    async with Client(cluster.url) as client:  # socket.io over long-polling: every request must reach one server
        session = await client.session()
        [first] = await client.ask("what is kpo", session)
        [second] = await client.ask("what about its risks?", session)
    assert "KPO stands for" in first["text"] and "Strategic Risks" in second["text"]


def test_a_rasa_server_killed_mid_conversation_the_other_answers_with_the_context(cluster):
    sender = uuid.uuid4().hex
    assert "KPO stands for" in say(cluster.rasa_url(0), sender, "what is kpo")
    cluster.kill("rasa1")
    # through the load balancer: the dead server's share goes to the other at once (redispatch)
    assert "Strategic Risks" in say(cluster.url, sender, "what about its risks?")
    assert "Moderate to High" in say(cluster.url, sender, "and its scalability")


def test_the_report_reads_the_clusters_postgresql_store(cluster, tmp_path):
    from bot.report.events import Where, conversations
    from bot.report.summary import summarise

    sender = uuid.uuid4().hex
    assert "KPO stands for" in say(cluster.url, sender, "what is kpo")
    say(cluster.url, sender, "what's the weather in Paris tomorrow?")
    where = Where.from_environment(cluster.env)
    assert where.dialect == "postgresql"
    mine = summarise((s, e) for s, e in conversations(where) if s == f"rest:{sender}")
    assert mine.messages == 2 and mine.intents["define"] == 1 and len(mine.gaps) == 1
    done = subprocess.run([sys.executable, "-m", "bot.report", "--out", str(tmp_path / "r.html")], env=cluster.env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "postgresql database" in (tmp_path / "r.html").read_text(encoding="utf-8")
