"""Rasa's private API the assistant relies on (bot/channels/rasa_compat.py) is still there and still needed.

A failure here after a Rasa upgrade names the reliance to re-check; see the module's docstring.
"""

from __future__ import annotations

import inspect

import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.slack import SlackBot as RasaSlackBot
from rasa.core.channels.socketio import SocketIOInput

from bot.channels.rasa_compat import RASA_VERSION, RELIANCES, validate_action_result


def test_rasa_is_the_version_the_reliances_were_checked_with():
    assert rasa.__version__ == RASA_VERSION, "re-check every entry of rasa_compat.RELIANCES, then bump RASA_VERSION"


@pytest.mark.parametrize("reliance", RELIANCES, ids=[r.name for r in RELIANCES])
def test_each_private_attribute_is_still_there_with_its_signature(reliance):
    target = reliance.resolve()
    found = str(inspect.signature(target)) if callable(target) else type(target).__name__
    assert found == reliance.signature


def test_rasa_still_sends_as_user_so_the_slack_override_is_still_needed():
    assert "as_user=True" in inspect.getsource(RasaSlackBot)


def test_rasa_still_creates_the_set_slack_turns_are_kept_in():
    from rasa.core.channels.slack import SlackInput

    assert "self._background_tasks" in inspect.getsource(SlackInput.__init__)


def test_rasa_still_reads_sio_for_its_socketio_output_channel():
    assert "self.sio" in inspect.getsource(SocketIOInput.get_output_channel)


def test_rasa_still_revalidates_the_schema_on_every_reply():
    # the reason for the compiled check: jsonschema.validate() checks the schema itself each call
    assert "validate(" in inspect.getsource(RemoteAction._validate_action_result)


CHECK = """
from rasa.core.actions import action
from rasa.core.actions.action import RemoteAction
original = RemoteAction._validate_action_result
timeout = action.DEFAULT_REQUEST_TIMEOUT
from bot.channels import rasa_compat, rest, webchat, slack
async def handler(message):
    pass
rest.RestInput().blueprint(handler)
webchat.WebchatInput.from_credentials(None).blueprint(handler)
print(RemoteAction._validate_action_result is original, action.DEFAULT_REQUEST_TIMEOUT == timeout == 300)
rasa_compat.install()
print(RemoteAction._validate_action_result is rasa_compat.validate_action_result, action.DEFAULT_REQUEST_TIMEOUT == 7.5)
"""


def test_nothing_is_replaced_by_importing_or_setting_up_a_channel_only_by_install():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "RASA_TELEMETRY_ENABLED": "false",
                                                "ACTION_TIMEOUT": "7.5"})
    assert done.stdout.split() == ["True"] * 4, done.stderr[-2000:]


GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "concept", "value": "KPO", "timestamp": None}],
     "responses": [{"text": "hi", "buttons": [{"title": "a", "payload": "/b"}]}]},
]
BAD = [
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
    {"events": [{"event": "slot", "name": 3}], "responses": []},
]


@pytest.mark.parametrize("result", GOOD)
def test_the_compiled_check_accepts_what_rasa_accepts(result):
    action = RemoteAction("action_define", None)
    assert RemoteAction._validate_action_result(action, result) is True
    assert validate_action_result(action, result) is True


@pytest.mark.parametrize("result", BAD)
def test_the_compiled_check_refuses_what_rasa_refuses(result):
    action = RemoteAction("action_define", None)
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, result)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(action, result)
