"""``python -m bot.report``: write the report on the conversations (``make report``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # Rasa's models predate SQLAlchemy 2

from bot.paths import BUILD  # noqa: E402
from bot.report.events import StoreMissing, StoreUnreadable, Where, conversations  # noqa: E402
from bot.report.page import render  # noqa: E402
from bot.report.summary import summarise  # noqa: E402

DEFAULT_OUT = BUILD / "report.html"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day: {text!r} (expected YYYY-MM-DD)") from None


def _unix(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


def main(argv: list[str] | None = None) -> int:
    """Read the store, write the report, print where it is and what it counted."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.report",
        description="Write an HTML report on what people ask the assistant, from its conversation store "
                    "(the one the Rasa server uses: $TRACKER_DIALECT, $TRACKER_DB, ... as in endpoints.yml).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the HTML file to write (default {DEFAULT_OUT})")
    parser.add_argument("--since", type=_day, help="first day to include, YYYY-MM-DD (UTC)")
    parser.add_argument("--until", type=_day, help="last day to include, YYYY-MM-DD (UTC)")
    parser.add_argument("--db", help="a SQLite conversation store to read instead of the server's")
    parser.add_argument("--redact", action="store_true",
                        help="hide digits, e-mail addresses and names of people in the questions shown")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa's SQLAlchemy URL: nothing for the reader
    if args.since and args.until and args.until < args.since:
        parser.error("--until is before --since")
    try:
        where = Where(db=args.db) if args.db else Where.from_environment()
    except StoreUnreadable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    since = _unix(args.since) if args.since else None
    until = _unix(args.until + timedelta(days=1)) if args.until else None
    started = time.perf_counter()
    notice = ""
    try:
        summary = summarise(conversations(where, since, until))
    except StoreMissing as error:
        if args.db:  # a path given by hand: most likely a wrong one
            print(f"error: {error}", file=sys.stderr)
            return 1
        notice = f"Nothing to report yet: {error}."
        summary = summarise([])
    except StoreUnreadable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    html = render(summary, store=where.describe(), since=str(args.since or ""), until=str(args.until or ""),
                  redacted=args.redact, notice=notice)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(html, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if notice:
        print(notice)
    print(f"{args.out}: {summary.conversations} conversations, {summary.messages} messages, "
          f"{len(summary.gaps)} questions not answered, {sum(summary.ratings.values())} ratings "
          f"({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
