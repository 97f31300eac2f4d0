"""Rasa's own checks: `rasa data validate` and the test stories with --fail-on-prediction-errors."""

from __future__ import annotations

import os
import subprocess

import pytest

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


def test_conversation_stories_pass(tmp_path):
    result = rasa("test", "core", "--model", "models/bpo-kpo.tar.gz", "--stories", "tests/test_conversations.yml",
                  "--fail-on-prediction-errors", "--out", str(tmp_path))
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, detail + result.stdout[-3000:] + result.stderr[-3000:]
