"""The action server: rasa_sdk's executor behind our own small Sanic app.

rasa_sdk's stock server builds actions without arguments and its ``/health``
always says ok. This one opens the fact store first (and stops with a clear
message if it is missing), hands it to the actions, reports in ``/health`` and
in its start-up log which document and store it serves, and picks up a rebuilt
store without a restart.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import zlib

from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
from sanic import Sanic, response
from sanic.request import Request

from actions.answering import build_actions
from actions.classification import build_classification_actions
from bot.answering.live import LiveFacts
from bot.facts.store import StoreError
from bot.paths import STORE_ENV

logger = logging.getLogger("actions")

HOST_ENV, PORT_ENV = "ACTION_HOST", "ACTION_PORT"
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 5055


def create_app(facts: LiveFacts) -> Sanic:
    """The action server's app: ``/health``, ``/actions`` and rasa_sdk's ``/webhook`` protocol."""
    executor = ActionExecutor()
    for action in [*build_actions(facts), *build_classification_actions(facts)]:
        executor.register_action(action)
    app = Sanic("bpo_kpo_actions", configure_logging=False)

    @app.get("/health")
    async def health(_: Request) -> response.HTTPResponse:
        try:
            body = {"status": "ok", **facts.current().describe()}
        except Exception as error:  # the health answer reports any failure instead of raising
            return response.json({"status": "error", "error": str(error)}, status=503)
        return response.json(body)

    @app.get("/actions")
    async def actions(_: Request) -> response.HTTPResponse:
        return response.json([{"name": name} for name in executor.actions])

    @app.post("/webhook")
    async def webhook(request: Request) -> response.HTTPResponse:
        try:
            body = request.body
            if request.headers.get("Content-Encoding") == "deflate":
                body = zlib.decompress(body)
            action_call = json.loads(body or b"null")
        except (ValueError, zlib.error):
            return response.json({"error": "the request body is not JSON"}, status=400)
        if not isinstance(action_call, dict) or not action_call.get("next_action"):
            return response.json({"error": "expected a JSON object with next_action and tracker"}, status=400)
        try:
            result = await executor.run(action_call)
        except ActionExecutionRejection as error:
            return response.json({"error": error.message, "action_name": error.action_name}, status=400)
        except ActionNotFoundException as error:
            return response.json({"error": error.message, "action_name": error.action_name}, status=404)
        except Exception as error:
            logger.exception("action %s failed", action_call.get("next_action"))
            return response.json({"error": f"action failed: {error}"}, status=500)
        return response.json(result)

    return app


def main(argv: list[str] | None = None) -> int:
    """``python -m actions``: open the store (or stop with a clear message) and serve."""
    parser = argparse.ArgumentParser(prog="python -m actions", description="Run the action server.")
    parser.add_argument("--host", default=os.environ.get(HOST_ENV, DEFAULT_HOST))
    parser.add_argument("--port", type=int, default=int(os.environ.get(PORT_ENV, DEFAULT_PORT)))
    parser.add_argument("--db", default=None, help=f"fact store (default: ${STORE_ENV} or build/facts.db)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        facts = LiveFacts(args.db)
    except StoreError as error:
        print(f"error: the action server cannot start: {error}", file=sys.stderr)
        return 1
    logger.info("serving %s", facts.current().describe())
    app = create_app(facts)
    logger.info("action server listening on http://%s:%d", args.host, args.port)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, motd=False)
    return 0
