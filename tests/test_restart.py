"""Conversations survive a restart; a stopped action server still gets the user a reply."""

from __future__ import annotations

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
        actions.terminate()
        actions.wait(timeout=20)
        assert text_of(say(second, "how scalable is bpo", sender)) == NO_REPLY
        # replies that need no action server still work
        assert "I'm a bot" in text_of(say(second, "are you a bot", sender))
