"""deploy/: the cluster's topology for real machines stays in step with what `make cluster` rehearses.

No container runtime runs here, so the compose file is checked as data: the variables the
servers read are given, and the load balancer's configuration is the one the tests run.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import yaml

from bot.channels.stores import ENV_DEFAULTS
from bot.launch.cluster import haproxy_config
from bot.paths import ENDPOINTS, ROOT

DEPLOY = ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yml").read_text())


def example_env() -> set[str]:
    lines = (DEPLOY / "assistant.env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def test_the_balancer_config_is_the_one_make_cluster_runs_for_the_compose_services():
    expected = haproxy_config("*:5005", "*:5056", ["rasa1:5005", "rasa2:5005"], ["actions1:5055", "actions2:5055"],
                              nameserver="127.0.0.11:53")
    assert (DEPLOY / "haproxy.cfg").read_text() == expected


def test_haproxy_accepts_the_deploy_config():
    assert shutil.which("haproxy"), "run `make services`"
    done = subprocess.run(["haproxy", "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_variable_the_rasa_servers_read_is_given_to_them():
    read = set(re.findall(r"\$\{(\w+)\}", ENDPOINTS.read_text()))
    services = compose()["services"]
    for name in ("rasa1", "rasa2"):
        environment = services[name]["environment"]
        given = set(environment) | example_env() | set(ENV_DEFAULTS)
        assert read <= given, f"{name} lacks {sorted(read - given)}"
        shared = ("TRACKER_HOST", "TRACKER_PORT", "TRACKER_DB", "TRACKER_USER", "REDIS_HOST", "REDIS_PORT")
        assert all(environment.get(key) for key in shared), environment  # not left to one machine's defaults
        assert "TRACKER_PASSWORD" in example_env()
        assert services[name]["environment"]["TRACKER_DIALECT"] == "postgresql"
        assert services[name]["environment"]["REDIS_HOST"] == "redis"
        assert services[name]["environment"]["ACTION_ENDPOINT_URL"] == "http://haproxy:5056/webhook"


def test_the_action_servers_and_the_rasa_servers_share_the_secret_file():
    services = compose()["services"]
    assert "ACTION_TOKEN" in example_env()
    assert {services[name]["env_file"] for name in ("actions1", "actions2", "rasa1", "rasa2")} == {"assistant.env"}
    assert "assistant.env" in (ROOT / ".gitignore").read_text()
