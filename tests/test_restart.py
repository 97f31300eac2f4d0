"""Conversations survive a restart; a hung or stopped action server still gets the user a reply, and the turn is kept."""

from __future__ import annotations

import os
import signal
import sqlite3
import uuid

import pytest

from bot.channels.guard import NO_REPLY
from bot.launch.servers import start_servers
from bot.paths import MODEL
from tests.test_e2e import say, text_of

pytestmark = pytest.mark.integration


def test_context_survives_a_restart_and_a_stopped_action_server_is_answered(tmp_path):
    tracker_db = tmp_path / "tracker.db"
    sender = uuid.uuid4().hex
    with start_servers(MODEL, tracker_db=tracker_db, log_dir=tmp_path / "logs1") as first:
        assert "KPO stands for" in text_of(say(first, "what is kpo", sender))
    with start_servers(MODEL, tracker_db=tracker_db, log_dir=tmp_path / "logs2") as second:
        # the slot "concept" = KPO was stored in the SQL tracker store before the restart
        assert "KPO's risk type is Strategic Risks" in text_of(say(second, "what about its risks?", sender))
        actions = second.processes[0]
        os.kill(actions.pid, signal.SIGSTOP)  # hung: it accepts connections and never answers
        try:  # say() gives up after 60 s; Rasa's own wait for the action server was 300 s
            assert text_of(say(second, "how complex is kpo", sender)) == NO_REPLY
        finally:
            os.kill(actions.pid, signal.SIGCONT)
        with sqlite3.connect(tracker_db) as db:
            stored = [row[0] for row in db.execute(
                "SELECT json_extract(data, '$.text') FROM events WHERE sender_id = ? AND type_name = 'user'",
                (f"rest:{sender}",))]
        assert stored[-1] == "how complex is kpo"  # the turn is kept
        assert "KPO's complexity is High" in text_of(say(second, "how complex is kpo", sender))  # and recovers
        actions.terminate()
        actions.wait(timeout=20)
        assert text_of(say(second, "how scalable is bpo", sender)) == NO_REPLY
        # replies that need no action server still work (a greeting is the domain's own response)
        assert "BPO and KPO" in text_of(say(second, "hi", sender))
