"""The action server process: fail fast, health with hashes, a shared secret, bad requests, live store rebuilds."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
import zlib

import pytest

from bot.facts.parse import parse_file
from bot.facts.store import build_store
from bot.launch.servers import free_port, wait_for
from bot.paths import ROOT
from tests.conftest import DOCUMENT

pytestmark = pytest.mark.integration


TOKEN = "a-test-secret"


def call(url, body=None, raw=None, token=TOKEN, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {}),
            **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def action_call(name, text, intent, entities=()):
    return {
        "next_action": name, "sender_id": "t", "version": "3.6.21", "domain": {},
        "tracker": {"sender_id": "t", "slots": {}, "events": [], "paused": False, "active_loop": {},
                    "latest_message": {"text": text, "intent": {"name": intent}, "entities": list(entities)},
                    "latest_action_name": "action_listen"},
    }


@contextlib.contextmanager
def _serving(folder):
    """An action server on a store of its own in ``folder``: its URL, the store and the process."""
    db = build_store([parse_file(DOCUMENT)], folder / "facts.db")
    port = free_port()
    # started outside the repository: nothing may depend on the working directory
    # (its output goes to a file: a pipe nobody reads fills up and stalls a server that serves a whole module)
    log = open(folder / "actions.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "actions", "--port", str(port), "--db", str(db)],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "ACTION_TOKEN": TOKEN})
    try:
        wait_for(f"http://127.0.0.1:{port}/health", process, timeout=60)
        yield f"http://127.0.0.1:{port}", db, process
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server for the tests that only send requests (a start costs seconds: it loads spaCy's stack)."""
    with _serving(tmp_path_factory.mktemp("served")) as running:
        yield running


@pytest.fixture()
def served_alone(tmp_path):
    """A server of the test's own, for the tests that rebuild or damage its store."""
    with _serving(tmp_path) as running:
        yield running


def test_missing_store_fails_fast_with_a_clear_message(tmp_path):
    result = subprocess.run([sys.executable, "-m", "actions", "--db", str(tmp_path / "absent.db")],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "cannot start: no fact store at" in result.stderr and "make facts" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_shared_secret_it_does_not_start(tmp_path):
    db = build_store([parse_file(DOCUMENT)], tmp_path / "facts.db")
    env = {key: value for key, value in os.environ.items() if key != "ACTION_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "actions", "--db", str(db)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no shared secret in $ACTION_TOKEN" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("token", [None, "wrong", TOKEN + "x", "\xff\xfe"])  # the last: not UTF-8 on the wire
def test_only_callers_with_the_shared_secret_are_answered(served, token):
    url, _, _ = served
    call_ = action_call("action_define", "what is kpo", "define")
    for path, body in (("/webhook", call_), ("/actions", None)):
        status, reply = call(f"{url}{path}", body, token=token)
        assert status == 401 and "unauthorised" in reply["error"]
    assert call(f"{url}/health", token=None)[0] == 200  # monitoring needs no secret


def test_a_compressed_bomb_and_a_huge_body_are_refused_and_the_server_stays_small(served):
    url, _, process = served
    bomb = zlib.compress(b" " * (200 * 1024 * 1024), 9)  # about 200 KB expanding to 200 MB
    status, reply = call(f"{url}/webhook", raw=bomb, headers={"Content-Encoding": "deflate"})
    assert status == 413 and "decompressed" in reply["error"]
    try:
        status = call(f"{url}/webhook", raw=b"[" + b"1," * (5 * 1024 * 1024) + b"1]")[0]
    except (ConnectionError, urllib.error.URLError):  # the server may close the connection mid-upload
        status = 413
    assert status == 413
    with open(f"/proc/{process.pid}/status") as proc:
        rss_kb = int(next(line for line in proc if line.startswith("VmHWM")).split()[1])
    assert rss_kb < 250 * 1024, f"the action server's peak memory grew to {rss_kb // 1024} MB"
    assert call(f"{url}/webhook", action_call("action_define", "what is kpo", "define"))[0] == 200


@pytest.mark.parametrize("tracker", [
    {"sender_id": "t", "events": "not a list", "slots": {}},
    {"sender_id": 7, "events": [], "slots": {}},
    {"sender_id": "t", "events": [1, 2], "slots": {}},
    {"sender_id": "t", "events": [], "slots": [], "latest_message": {"text": "<script>"}},
])
def test_a_malformed_tracker_gets_a_400_that_echoes_nothing(served, tracker):
    url, _, _ = served
    body = {"next_action": "action_define", "tracker": tracker, "domain": {}}
    status, reply = call(f"{url}/webhook", body)
    assert status == 400 and reply["action_name"] == "action_define"  # Rasa reads action_name from a 400
    assert reply["error"].startswith("malformed action call") and "script" not in reply["error"]


def test_health_reports_document_and_store_hashes(served):
    url, db, _ = served
    status, body = call(f"{url}/health")
    assert status == 200 and body["status"] == "ok"
    assert body["store"]["sha256"] == hashlib.sha256(db.read_bytes()).hexdigest()
    assert body["documents"] == [{"source": "bpo_kpo.txt", "sha256": hashlib.sha256(DOCUMENT.read_bytes()).hexdigest()}]


def test_webhook_answers(served):
    url, _, _ = served
    status, body = call(f"{url}/webhook", action_call("action_compare", "how complex is bpo", "compare", [
        {"entity": "concept", "value": "BPO", "start": 15, "end": 18},
        {"entity": "aspect", "value": "Complexity", "start": 4, "end": 11}]))
    assert status == 200
    assert "BPO's complexity is Low to Medium" in body["responses"][0]["text"]


@pytest.mark.parametrize(
    ("body", "raw", "status", "error"),
    [
        (None, b"not json", 400, "not JSON"),
        ({"tracker": {}}, None, 400, "next_action"),
        (action_call("action_nonexistent", "x", "define"), None, 404, "action_nonexistent"),
        ([1, 2], None, 400, "next_action"),
    ],
)
def test_bad_requests_get_a_clear_error(served, body, raw, status, error):
    url, _, _ = served
    got, reply = call(f"{url}/webhook", body, raw)
    assert got == status and error in reply["error"]


def test_rebuilt_store_is_used_without_restart(served_alone, tmp_path):
    url, db, _ = served_alone
    edited = tmp_path / "bpo_kpo.txt"
    edited.write_text(DOCUMENT.read_text(encoding="utf-8").replace("Low to Medium", "Low or Medium"), encoding="utf-8")
    build_store([parse_file(edited)], db)
    _, body = call(f"{url}/webhook", action_call("action_compare", "how complex is bpo", "compare", [
        {"entity": "concept", "value": "BPO", "start": 15, "end": 18},
        {"entity": "aspect", "value": "Complexity", "start": 4, "end": 11}]))
    assert "BPO's complexity is Low or Medium" in body["responses"][0]["text"]
    _, health = call(f"{url}/health")
    assert health["store"]["sha256"] == hashlib.sha256(db.read_bytes()).hexdigest()


def test_a_broken_rebuild_keeps_the_old_store_serving(served_alone):
    url, db, _ = served_alone
    damaged = db.with_name("damaged.db")
    damaged.write_bytes(b"garbage")
    damaged.replace(db)  # a new file that is no store, swapped in
    _, body = call(f"{url}/webhook", action_call("action_define", "what is kpo", "define", [
        {"entity": "concept", "value": "KPO", "start": 8, "end": 11}]))
    assert "KPO stands for Knowledge Process Outsourcing" in body["responses"][0]["text"]
    status, health = call(f"{url}/health")
    assert status == 200 and health["status"] == "ok"
