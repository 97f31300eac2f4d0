"""The command-line chat: start both servers, talk to them in the terminal.

``make chat`` runs this (``python -m bot.launch.chat``); the servers stop when the chat
ends (type /stop or Ctrl-C).
It posts to the ``terminal`` channel (``bot.channels.rest.TerminalInput``), so the
answers are laid out for a terminal, and shows them with Rasa's console helpers
(buttons become a menu to pick from with the arrow keys; see bot.channels.rasa_compat).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid

import aiohttp

from bot.channels.rasa_compat import console_helpers
from bot.launch.servers import start_servers
from bot.paths import LOGS, MODEL


def main(argv: list[str] | None = None) -> int:
    """Start both servers, chat until /stop or Ctrl-C, stop them."""
    parser = argparse.ArgumentParser(prog="python -m bot.launch.chat")
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--action-port", type=int, default=None)
    args = parser.parse_args(argv)
    print("starting the assistant (about 20 seconds)...", flush=True)
    with start_servers(args.model, args.port, args.action_port, log_dir=LOGS) as servers:
        print("Ask about BPO and KPO. Type /stop or press Ctrl-C to leave.\n", flush=True)
        try:
            asyncio.run(chat(f"{servers.url}/webhooks/terminal/webhook", uuid.uuid4().hex[:12]))
        except KeyboardInterrupt:
            pass
        except (OSError, asyncio.TimeoutError, aiohttp.ClientError) as error:
            print(f"\nlost the connection to the assistant ({error or type(error).__name__}); stopping.")
    print("stopped the assistant.")
    return 0


async def chat(webhook: str, sender: str) -> None:
    """Read a message, post it, print the answers; the last answer's buttons become the next prompt."""
    get_user_input, print_bot_output = console_helpers()
    previous = None
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        while True:
            text = await get_user_input(previous)
            if text is None or text == "/stop":
                return
            async with session.post(webhook, json={"sender": sender, "message": text}, raise_for_status=True) as reply:
                answers = await reply.json()
            # Rasa's helper shows a message's buttons as the next prompt, so the last one waits.
            for answer in answers[:-1]:
                print_bot_output(answer)
            previous = answers[-1] if answers else None


if __name__ == "__main__":
    sys.exit(main())
