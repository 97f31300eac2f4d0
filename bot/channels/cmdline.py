"""The command-line chat: start both servers, talk to them with Rasa's console client.

``make chat`` runs this; the servers stop when the chat ends (type /stop or Ctrl-C).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid

from bot.servers import ROOT, start_servers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.channels.cmdline")
    parser.add_argument("--model", default=str(ROOT / "models" / "bpo-kpo.tar.gz"))
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--action-port", type=int, default=None)
    args = parser.parse_args(argv)
    print("starting the assistant (about 20 seconds)...", flush=True)
    with start_servers(args.model, args.port, args.action_port, log_dir=ROOT / "build" / "logs") as servers:
        from rasa.core.channels.console import record_messages

        print("Ask about BPO and KPO. Type /stop or press Ctrl-C to leave.\n", flush=True)
        sender = f"cmdline-{uuid.uuid4().hex[:8]}"
        try:
            asyncio.run(record_messages(sender_id=sender, server_url=servers.url, use_response_stream=False,
                                        request_timeout=120))
        except KeyboardInterrupt:
            pass
        except (OSError, asyncio.TimeoutError) as error:
            print(f"\nlost the connection to the assistant ({error or type(error).__name__}); stopping.")
    print("stopped the assistant.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
