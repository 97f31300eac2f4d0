"""The compiled validator accepts and refuses the same action replies as Rasa's own check."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.channels.action_validation import validate_action_result

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
def test_accepts_what_rasa_accepts(result):
    action = RemoteAction("action_define", None)
    assert RemoteAction._validate_action_result(action, result) is True
    assert validate_action_result(action, result) is True


@pytest.mark.parametrize("result", BAD)
def test_refuses_what_rasa_refuses(result):
    action = RemoteAction("action_define", None)
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, result)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(action, result)
