"""Assemble the channels the server starts with: ``credentials.yml`` plus Slack from the environment.

Rasa's ``credentials.yml`` cannot make a channel optional: an unset ``${VAR}`` is an
error, and ``SlackInput`` refuses a missing signing secret. So the file the server
starts with is written at launch (``make run``, the tests, the chat): the
committed channels, plus Slack when its variables are set. Only ``${VAR}``
placeholders are written, never a token, so no secret lands on disk.

Slack is chosen by which variables are set:

- ``SLACK_BOT_TOKEN`` and ``SLACK_APP_TOKEN``: Socket Mode (an outbound WebSocket; for
  hosts with no public HTTPS address);
- ``SLACK_BOT_TOKEN`` and ``SLACK_SIGNING_SECRET``: the Events API webhook at
  ``/webhooks/slack/webhook`` (both, when all three are set);
- ``SLACK_CHANNEL`` (optional): a channel the bot also answers in without a mention;
- ``SLACK_API_URL`` (optional): the Web API base URL (tests, Enterprise Grid).

Usage: ``python -m bot.channels.credentials --out build/credentials.yml``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.paths import BUILD, CREDENTIALS

BASE = CREDENTIALS
SLACK_CONNECTOR = "bot.channels.slack.SlackInput"

BOT_TOKEN, SIGNING_SECRET, APP_TOKEN = "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"
CHANNEL, API_URL = "SLACK_CHANNEL", "SLACK_API_URL"
#: Intranet origins allowed to use the widget and call the server from a browser (comma-separated).
ORIGINS_ENV = "ALLOWED_ORIGINS"

#: credentials key -> environment variable
SLACK_KEYS = {
    "slack_token": BOT_TOKEN,
    "slack_signing_secret": SIGNING_SECRET,
    "slack_app_token": APP_TOKEN,
    "slack_channel": CHANNEL,
    "slack_api_url": API_URL,
}


def allowed_origins(value: str | None) -> list[str]:
    """``ALLOWED_ORIGINS`` as a list of origins (``scheme://host[:port]``, no trailing slash).

    Read by the widget's channel (socket.io's origin check) and for Rasa's ``--cors``.
    """
    return [origin.strip().rstrip("/") for origin in (value or "").split(",") if origin.strip()]


def slack_credentials(env: Mapping[str, str]) -> tuple[dict[str, str] | None, str]:
    """Slack's credentials entry (placeholders only) and one line saying what was chosen."""

    def given(name: str) -> bool:
        return bool(env.get(name, "").strip())

    ways = []
    if given(BOT_TOKEN) and given(APP_TOKEN):
        ways.append("Socket Mode")
    if given(BOT_TOKEN) and given(SIGNING_SECRET):
        ways.append("the Events API at /webhooks/slack/webhook")
    if not ways:
        return None, (
            f"Slack: off. Set {BOT_TOKEN} with {APP_TOKEN} (Socket Mode) or with "
            f"{SIGNING_SECRET} (Events API) to connect it; see README."
        )
    entry = {key: "${" + name + "}" for key, name in SLACK_KEYS.items() if given(name)}
    return entry, "Slack: on, by " + " and ".join(ways) + "."


def assemble(base: Path, env: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """The committed channels plus Slack when configured, and the line to log."""
    channels = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    if not isinstance(channels, dict):
        raise ValueError(f"{base}: expected a mapping of channel connectors")
    slack, line = slack_credentials(env)
    if slack is not None:
        channels[SLACK_CONNECTOR] = slack
    return channels, line


def write(out: Path, env: Mapping[str, str], base: Path = BASE) -> str:
    """Write the assembled credentials to ``out``; returns the line to log."""
    channels, line = assemble(base, env)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = "# Written at launch by `python -m bot.channels.credentials` from credentials.yml; do not edit.\n"
    out.write_text(header + yaml.safe_dump(channels, sort_keys=False), encoding="utf-8")
    return line


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.channels.credentials``: write the credentials file and say on stderr whether Slack is on.

    Returns:
        The exit status: 1 when the base file cannot be read or is not a mapping of channels,
        or ``--out`` cannot be written; else 0.
    """
    parser = argparse.ArgumentParser(prog="python -m bot.channels.credentials", description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, default=BASE)
    parser.add_argument("--out", type=Path, default=BUILD / "credentials.yml")
    args = parser.parse_args(argv)
    try:
        line = write(args.out, os.environ, args.base)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
