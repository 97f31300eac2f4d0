"""Lay an :class:`~bot.answering.answer.Answer` out for the channel it goes to.

One module decides how answers look; the content is the same everywhere. The
actions call :func:`utter` with ``tracker.get_latest_input_channel()`` (domain
response variations keyed by channel would not match REST or the terminal,
whose output channels have other names):

- ``socketio`` (the intranet widget and other Rasa widgets): one message with both
  forms, of which the channel sends one (:class:`bot.channels.webchat.WebchatOutput`):
  our widget's structured payload (``text`` and ``quick_replies`` plus ``items``,
  ``table`` and ``source``; under ``data``, since Rasa's socket.io output passes a
  custom payload's keys to ``emit``), and for standard widgets such as rasa-webchat,
  which show only a bare ``text`` with ``quick_replies``, the answer as Markdown
  text with buttons. The Markdown text is also what the conversation stores.
- ``slack``: Block Kit blocks (mrkdwn text, one section per table row, the
  source as context, buttons as an actions block) and a plain fallback text.
- ``terminal`` (the command-line chat) and ``rest`` (and any other channel): plain text
  with aligned columns, and buttons.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Protocol

from bot.answering.answer import Answer
from bot.contract import ANSWER_RECORD, Feedback, rateable
from bot.wording import source_line

WEBCHAT, SLACK, TERMINAL, REST = "socketio", "slack", "terminal", "rest"

#: Block Kit limits (https://api.slack.com/reference/block-kit/blocks).
SLACK_MAX_BLOCKS = 50
SLACK_MAX_TEXT = 3000
SLACK_MAX_FIELD = 2000
SLACK_MAX_FIELDS = 10
SLACK_MAX_BUTTON_TITLE = 75
SLACK_MAX_BUTTON_VALUE = 2000
SLACK_MAX_BUTTONS = 25
FEEDBACK_EMOJI = {Feedback.UP: "\N{THUMBS UP SIGN}", Feedback.DOWN: "\N{THUMBS DOWN SIGN}"}


class Dispatcher(Protocol):
    """What :func:`utter` needs of rasa_sdk's ``CollectingDispatcher``."""

    def utter_message(self, **kwargs: Any) -> None:
        """Send one message."""


def utter(dispatcher: Dispatcher, answer: Answer, channel: str | None, document: str = "", rated: bool = False) -> None:
    """Send ``answer`` through ``dispatcher`` in the form ``channel`` shows best.

    Each message carries :func:`record` under :data:`~bot.contract.ANSWER_RECORD`, which Rasa
    keeps in the conversation's ``BotUttered`` metadata (and no channel shows): ``document`` is
    the sha256 of the document the answer comes from. ``rated`` offers a thumbs up and down on
    it (the widget and Slack), which come back with its id.
    """
    kept = record(answer, uuid.uuid4().hex[:16], document)
    for message in messages(answer, channel, rateable(kept) if rated else None):
        dispatcher.utter_message(**message, **{ANSWER_RECORD: kept})


def record(answer: Answer, answer_id: str, document: str = "") -> dict[str, Any]:
    """What the conversation keeps of an answer for the report (:data:`~bot.contract.ANSWER_RECORD`)."""
    kept: dict[str, Any] = {"id": answer_id, "outcome": answer.how_it_went(), "found": answer.found}
    for key in ("topic", "concept", "aspect", "characteristic", "task"):
        if (value := getattr(answer, key)) is not None:
            kept[key] = value
    if answer.aside:
        kept["aside"] = True
    if document:
        kept["document"] = document
    return kept


def source(answer: Answer) -> str:
    """The answer's "Source: ..." line ("" when it cites nothing)."""
    return source_line(answer.sources, answer.evidence)


def messages(answer: Answer, channel: str | None, rated: str | None = None) -> list[dict[str, Any]]:
    """The keyword arguments of ``utter_message`` for each message ``answer`` becomes.

    ``rated`` is the answer's id, to offer a thumbs up and down on it (the widget and Slack).
    """
    if channel == WEBCHAT:
        return [{"text": as_markdown(answer), "buttons": answer.buttons or None,
                 "json_message": {"data": webchat_payload(answer, rated)}}]
    if channel == SLACK:
        return [{"json_message": payload} for payload in slack_payloads(answer, rated)]
    return [{"text": as_text(answer), "buttons": answer.buttons or None}]


# -- plain text: REST and the terminal ---------------------------------------------------------


def as_text(answer: Answer) -> str:
    """The answer as plain text with aligned columns."""
    parts = [answer.text]
    if answer.items:
        parts.append("\n".join(f"- {item}" for item in answer.items))
    if answer.table:
        parts.append(table_text(answer.table))
    if cited := source(answer):
        parts.append(cited)
    return "\n".join(parts)


def table_text(rows: list[list[str]]) -> str:
    """Rows as aligned columns, the first row a header underlined with dashes."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# -- the widget ------------------------------------------------------------------------------


def as_markdown(answer: Answer) -> str:
    """The answer as Markdown for standard Rasa widgets: paragraphs apart by blank lines, rows as a list.

    Rasa's socket.io output sends each paragraph as its own message, buttons with the last.
    """
    first = [answer.text, *(f"- {item}" for item in answer.items)]
    parts = ["\n".join(first)]
    if answer.table:
        header, *rows = answer.table
        parts.append("\n".join(
            f"- **{row[0]}**: " + "; ".join(f"{name}: {cell}" for name, cell in zip(header[1:], row[1:], strict=False))
            for row in rows))
    if cited := source(answer):
        parts.append(cited)
    return "\n\n".join(part for part in parts if part.strip())



def webchat_payload(answer: Answer, rated: str | None = None) -> dict[str, Any]:
    """The widget's structured message; the keys a standard Rasa widget reads come first.

    ``rated`` (the answer's id) asks the widget for a thumbs up and down, sent back with the id.
    """
    payload: dict[str, Any] = {"text": answer.text}
    if answer.buttons:
        payload["quick_replies"] = [
            {"content_type": "text", "title": button["title"], "payload": button["payload"]}
            for button in answer.buttons
        ]
    if answer.items:
        payload["items"] = list(answer.items)
    if answer.table:
        payload["table"] = [list(row) for row in answer.table]
    if cited := source(answer):
        payload["source"] = cited
    if rated:
        payload["rate"] = rated
    return payload


# -- Slack -----------------------------------------------------------------------------------


def mrkdwn_escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn reserves (&, <, >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, SLACK_MAX_TEXT)}}


def _table_blocks(rows: list[list[str]]) -> list[dict[str, Any]]:
    r"""A section per row: the row's name in bold, one field per column ("*KPO*\nHigh")."""
    header, body = rows[0], rows[1:]
    blocks: list[dict[str, Any]] = []
    for row in body:
        fields = [
            {"type": "mrkdwn", "text": _cut(f"*{mrkdwn_escape(column)}*\n{mrkdwn_escape(cell)}", SLACK_MAX_FIELD)}
            for column, cell in zip(header[1:], row[1:], strict=False)
        ][:SLACK_MAX_FIELDS]
        block: dict[str, Any] = {"type": "section", "text": {"type": "mrkdwn", "text": f"*{mrkdwn_escape(row[0])}*"}}
        if fields:
            block["fields"] = fields
        blocks.append(block)
    return blocks


def _button_blocks(buttons: list[dict[str, str]]) -> list[dict[str, Any]]:
    elements = [
        {
            "type": "button",
            "action_id": f"choice_{index}",
            "text": {"type": "plain_text", "text": _cut(button["title"], SLACK_MAX_BUTTON_TITLE), "emoji": True},
            "value": button["payload"][:SLACK_MAX_BUTTON_VALUE],
        }
        for index, button in enumerate(buttons[:SLACK_MAX_BUTTONS])
    ]
    return [{"type": "actions", "elements": elements}]


def feedback_blocks(answer_id: str) -> list[dict[str, Any]]:
    """A thumbs up and a thumbs down on the answer ``answer_id`` (``bot.channels.slack`` takes the click)."""
    return [{"type": "actions", "block_id": f"{Feedback.SLACK_BLOCK}:{answer_id}", "elements": [
        {"type": "button", "action_id": f"{Feedback.SLACK_BLOCK}_{rating}", "value": f"{rating}:{answer_id}",
         "text": {"type": "plain_text", "text": f"{FEEDBACK_EMOJI[rating]} {label}", "emoji": True}}
        for rating, label in ((Feedback.UP, "Helpful"), (Feedback.DOWN, "Not helpful"))
    ]}]


def slack_blocks(answer: Answer, rated: str | None = None) -> list[dict[str, Any]]:
    """All the blocks of ``answer``, before they are split into messages."""
    blocks = [_section(_paragraphs(mrkdwn_escape(answer.text)))]
    if answer.items:
        blocks.append(_section("\n".join(f"• {mrkdwn_escape(item)}" for item in answer.items)))
    if answer.table:
        blocks.extend(_table_blocks(answer.table))
    if cited := source(answer):
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(
            f"_{mrkdwn_escape(cited)}_", SLACK_MAX_TEXT)}]})
    if answer.buttons:
        blocks.extend(_button_blocks(answer.buttons))
    if rated:
        blocks.extend(feedback_blocks(rated))
    return blocks


def slack_payloads(answer: Answer, rated: str | None = None) -> list[dict[str, Any]]:
    """``chat.postMessage`` arguments: ``text`` (notifications, screen readers) and ``blocks``.

    A long answer is split into several messages of at most 50 blocks; the buttons stay
    with the last one.
    """
    blocks = slack_blocks(answer, rated)
    chunks = [blocks[i: i + SLACK_MAX_BLOCKS] for i in range(0, len(blocks), SLACK_MAX_BLOCKS)]
    fallback = _cut(answer.text, SLACK_MAX_TEXT)
    return [{"text": fallback, "blocks": chunk} for chunk in chunks]


def _paragraphs(text: str) -> str:
    """Slack shows single newlines as they are; collapse runs of blank lines to one."""
    return re.sub(r"\n{3,}", "\n\n", text)
