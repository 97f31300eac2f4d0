"""Rasa's own checks: `rasa data validate`, and its story test on the test conversations."""

from __future__ import annotations

import os
import subprocess

import pytest
import yaml

from bot.launch.servers import RASA
from bot.paths import ROOT

pytestmark = pytest.mark.integration
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def rasa(*args, timeout=600):
    return subprocess.run([str(RASA), *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout)


def test_data_validate_is_clean():
    result = rasa("data", "validate", "--domain", "domain.yml", "--data", "data/nlu", "data/stories",
                  "build/nlu", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


async def test_conversation_stories_pass(agent, tmp_path):
    """Rasa's story test (what `rasa test core` runs) on the session's loaded model: every story is predicted right."""
    from rasa.core.test import test as test_stories

    stories = ROOT / "tests" / "test_conversations.yml"
    result = await test_stories(str(stories), agent, out_directory=str(tmp_path), disable_plotting=True)
    failed = tmp_path / "failed_test_stories.yml"
    conversations = result["report"]["conversation_accuracy"]
    assert conversations["total"] == len(yaml.safe_load(stories.read_text())["stories"])
    assert conversations["correct"] == conversations["total"], failed.read_text()
    assert result["accuracy"] == 1.0, failed.read_text()
