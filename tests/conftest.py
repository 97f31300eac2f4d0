"""Shared fixtures: the real document, a second document of the same shape, built stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.facts.model import Document
from bot.facts.parse import parse_file
from bot.facts.store import FactStore, build_store
from bot.paths import DOCUMENTS, MODEL

DOCUMENT = DOCUMENTS / "bpo_kpo.txt"
OTHER_DOCUMENT = Path(__file__).resolve().parent / "data" / "saas_iaas.txt"


@pytest.fixture(scope="session")
def document() -> Document:
    return parse_file(DOCUMENT)


@pytest.fixture(scope="session")
def other_document() -> Document:
    return parse_file(OTHER_DOCUMENT)


@pytest.fixture(scope="session")
def store_file(tmp_path_factory: pytest.TempPathFactory, document: Document) -> Path:
    return build_store([document], tmp_path_factory.mktemp("store") / "facts.db")


@pytest.fixture()
def store(store_file: Path) -> FactStore:
    with FactStore.open(store_file) as opened:
        yield opened


@pytest.fixture(scope="session")
def live_facts(store_file: Path):
    from bot.answering.live import LiveFacts

    return LiveFacts(store_file)


@pytest.fixture()
def facts(live_facts):
    return live_facts.current()


@pytest.fixture(scope="session")
def other_facts(tmp_path_factory: pytest.TempPathFactory, other_document: Document):
    """The second document's store, live, as the answering code reads it."""
    from bot.answering.live import LiveFacts

    return LiveFacts(build_store([other_document], tmp_path_factory.mktemp("other") / "facts.db")).current()


@pytest.fixture(scope="module")
def slack():
    """A fake Slack (Web API and Socket Mode) on loopback, for the module's servers to talk to."""
    from tests.fake_slack import FakeSlack

    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="session")
def session_slack():
    """The fake Slack of the session's servers (the cluster's module has its own ``slack``)."""
    from tests.fake_slack import FakeSlack

    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="session")
def agent():
    """The trained model loaded in this process once (loading it takes most of a minute here), for the
    NLU figures and Rasa's story test."""
    from rasa.core.agent import Agent

    os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # Rasa's story test reports to telemetry in this process
    return Agent.load(str(MODEL))


@pytest.fixture(scope="session")
def webchat_servers(tmp_path_factory, session_slack):
    """Both servers with every committed channel, Slack pointed at the session's fake Slack, and one
    intranet origin allowed: a loopback port kept free for a page server of the browser tests
    (``allowed_origin``). One start serves REST, the widget, the terminal and Slack."""
    from bot.launch.servers import free_port, start_servers

    folder = tmp_path_factory.mktemp("webchat")
    port = free_port()
    allowed = f"http://127.0.0.1:{free_port()}"
    with start_servers(MODEL, port=port, tracker_db=folder / "tracker.db", log_dir=folder / "logs",
                       extra_env={"ALLOWED_ORIGINS": allowed, **session_slack.env}) as running:
        running.tracker_db = folder / "tracker.db"
        running.log_dir = folder / "logs"
        running.allowed_origin = allowed
        running.slack_webhook = f"{running.url}/webhooks/slack/webhook"
        yield running


@pytest.fixture()
def servers(webchat_servers):
    """The session's servers, for the REST tests: one start serves REST, the widget and the terminal alike."""
    return webchat_servers
