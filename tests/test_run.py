"""`make run` as a service manager runs it: both servers up, and SIGTERM to make stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request

import pytest

from bot.launch.servers import free_port, wait_for
from bot.paths import ROOT

pytestmark = pytest.mark.integration


def children(pid: int) -> list[int]:
    """The process ids below ``pid``, at any depth."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as listed:
                kids = [int(child) for child in listed.read().split()]
        except FileNotFoundError:
            kids = []
        found += kids
        queue += kids
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_sigterm_to_make_run_stops_both_servers(tmp_path):
    port, action_port = free_port(), free_port()
    env = {**os.environ, "TRACKER_DB": str(tmp_path / "tracker.db"), "SLACK_EVENTS_DB": str(tmp_path / "slack.db")}
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "ACTION_TOKEN"):
        env.pop(name, None)
    make = subprocess.Popen(["make", "--no-print-directory", "run", f"PORT={port}", f"ACTION_PORT={action_port}"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", make, timeout=240)
        with urllib.request.urlopen(f"http://127.0.0.1:{action_port}/health", timeout=10) as health:
            assert health.status == 200
        servers = children(make.pid)
        assert len([pid for pid in servers if alive(pid)]) >= 3  # the waiting shell and both servers
        make.send_signal(signal.SIGTERM)  # to make alone, as a service manager or container runtime does
        make.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in servers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in servers if alive(pid)]
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
