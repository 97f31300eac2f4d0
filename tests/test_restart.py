"""Conversations survive a restart; a hung or stopped action server still gets the user a reply, and the turn is kept.

This runs on the session's servers (one start serves every REST test): their Rasa server is restarted in
place, on the same port and tracker store, and the action server is left running as it was found.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import uuid

import pytest

from bot.channels.guard import NO_REPLY
from bot.launch.servers import answers
from tests.test_e2e import say, text_of

pytestmark = pytest.mark.integration


def test_context_survives_a_restart_and_a_stopped_action_server_is_answered(webchat_servers):
    servers = webchat_servers
    sender = uuid.uuid4().hex
    assert "KPO stands for" in text_of(say(servers, "what is kpo", sender))
    before = servers.process("rasa").pid
    try:
        servers.restart("rasa")
        assert servers.process("rasa").pid != before  # a new Rasa process, nothing kept in memory
        # the slot "concept" = KPO was stored in the SQL tracker store before the restart
        assert "KPO's risk type is Strategic Risks" in text_of(say(servers, "what about its risks?", sender))
        actions = servers.process("actions")
        os.kill(actions.pid, signal.SIGSTOP)  # hung: it accepts connections and never answers
        try:  # say() gives up after 60 s; Rasa's own wait for the action server was 300 s
            assert text_of(say(servers, "how complex is kpo", sender)) == NO_REPLY
        finally:
            os.kill(actions.pid, signal.SIGCONT)
        with sqlite3.connect(servers.tracker_db) as db:
            stored = [row[0] for row in db.execute(
                "SELECT json_extract(data, '$.text') FROM events WHERE sender_id = ? AND type_name = 'user'",
                (f"rest:{sender}",))]
        assert stored[-1] == "how complex is kpo"  # the turn is kept
        assert "KPO's complexity is High" in text_of(say(servers, "how complex is kpo", sender))  # and recovers
        servers.halt("actions")
        assert text_of(say(servers, "how scalable is bpo", sender)) == NO_REPLY
        # replies that need no action server still work (a greeting is the domain's own response)
        assert "BPO and KPO" in text_of(say(servers, "hi", sender))
    finally:  # as the other tests found them: running and answering
        if servers.process("actions").poll() is not None or not answers(f"{servers.action_url}/health"):
            servers.restart("actions")
        if servers.process("rasa").poll() is not None or not answers(f"{servers.url}/"):
            servers.restart("rasa")
