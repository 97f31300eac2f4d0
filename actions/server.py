"""The action server: rasa_sdk's executor behind our own small Sanic app.

rasa_sdk's stock server builds actions without arguments, its ``/health``
always says ok, and it takes any caller. This one opens the fact store first
(and stops with a clear message if it is missing), hands it to the actions,
reports in ``/health`` and in its start-up log which document and store it
serves, and picks up a rebuilt store without a restart. Its ``/webhook`` (and
``/actions``) answer only a caller with the shared secret (``$ACTION_TOKEN``, sent
by the Rasa server as ``Authorization: Bearer <token>``, see ``endpoints.yml``);
a body over ``MAX_BODY_BYTES`` (compressed or not) is refused, and a malformed
call gets a 400 that names what is expected and echoes nothing of the call but the
action's name (Rasa reads ``action_name`` from a 400).
"""

from __future__ import annotations

import argparse
import hmac
import json
import logging
import os
import sys
import zlib
from typing import Any

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

HOST_ENV, PORT_ENV, TOKEN_ENV = "ACTION_HOST", "ACTION_PORT", "ACTION_TOKEN"
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 5055
#: The largest action call taken, before and after decompression (a conversation of
#: hundreds of turns is well under 2 MB of events).
MAX_BODY_BYTES = 8 * 1024 * 1024
MALFORMED = "malformed action call: expected a JSON object with next_action (a string) and tracker (an object " \
            "with sender_id, events and slots)"


class Refused(Exception):
    """A call answered with an error before any action runs: its status and its body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("error"))
        self.status, self.body = status, body


def read_call(body: bytes, encoding: str | None) -> dict[str, Any]:
    """The action call in a request body, decompressed (deflate) within ``MAX_BODY_BYTES``.

    Raises:
        Refused: a body too large once decompressed (413), or not an action call (400,
            carrying ``action_name`` as Rasa expects of a 400).
    """
    if encoding == "deflate":
        inflate = zlib.decompressobj()
        try:
            body = inflate.decompress(body, MAX_BODY_BYTES)
        except zlib.error:
            raise Refused(400, {"error": "the request body is not valid deflate data", "action_name": ""}) from None
        if inflate.unconsumed_tail:
            raise Refused(413, {"error": f"the request body is over {MAX_BODY_BYTES} bytes decompressed"})
    try:
        call = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise Refused(400, {"error": "the request body is not JSON", "action_name": ""}) from None
    name = call.get("next_action") if isinstance(call, dict) else None
    tracker = call.get("tracker") if isinstance(call, dict) else None
    if not (isinstance(name, str) and name and isinstance(tracker, dict)
            and isinstance(tracker.get("sender_id"), str) and isinstance(tracker.get("events", []), list)
            and all(isinstance(event, dict) for event in tracker.get("events", []))
            and isinstance(tracker.get("slots", {}), dict)
            and isinstance(tracker.get("latest_message") or {}, dict)):
        raise Refused(400, {"error": MALFORMED, "action_name": name if isinstance(name, str) else ""})
    return call


def authorised(request: Request, token: str) -> bool:
    """Whether the request carries the shared secret (compared in constant time)."""
    given = request.headers.get("Authorization", "")  # Sanic decodes bytes that are not UTF-8 as surrogates
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), f"Bearer {token}".encode())


def create_app(facts: LiveFacts, token: str) -> Sanic:
    """The action server's app: ``/health``, and for callers with ``token`` ``/actions`` and rasa_sdk's ``/webhook``."""
    executor = ActionExecutor()
    for action in [*build_actions(facts), *build_classification_actions(facts)]:
        executor.register_action(action)
    app = Sanic("bpo_kpo_actions", configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES

    @app.on_request
    async def check_token(request: Request) -> response.HTTPResponse | None:
        if request.path != "/health" and not authorised(request, token):
            return response.json({"error": "unauthorised: this server answers only the assistant's Rasa server"},
                                 status=401)
        return None

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
            action_call = read_call(request.body, request.headers.get("Content-Encoding"))
        except Refused as refused:
            return response.json(refused.body, status=refused.status)
        name = action_call["next_action"]
        try:
            result = await executor.run(action_call)
        except ActionExecutionRejection as error:
            return response.json({"error": error.message, "action_name": error.action_name}, status=400)
        except ActionNotFoundException:
            return response.json({"error": f"no action called {name!r}", "action_name": name}, status=404)
        except Exception:  # logged here in full; the caller learns only which action failed
            logger.exception("action %s failed", name)
            return response.json({"error": "the action failed", "action_name": name}, status=500)
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
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        print(f"error: the action server cannot start: no shared secret in ${TOKEN_ENV}. `make run` sets one up "
              f"for both servers; to start it by hand, export the same {TOKEN_ENV} to it and to the Rasa server.",
              file=sys.stderr)
        return 1
    logger.info("serving %s", facts.current().describe())
    app = create_app(facts, token)
    logger.info("action server listening on http://%s:%d", args.host, args.port)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, motd=False)
    return 0
