"""Lay an :class:`~bot.answers.Answer` out as text.

One module decides how answers look. The plain-text form here serves the REST
channel and the terminal: a list as bullets, a comparison as an aligned table,
and the source on its own line.
"""

from __future__ import annotations

from bot.answers import Answer


def as_text(answer: Answer) -> str:
    """The answer as plain text with aligned columns."""
    parts = [answer.text]
    if answer.items:
        parts.append("\n".join(f"- {item}" for item in answer.items))
    if answer.table:
        parts.append(table_text(answer.table))
    if answer.source:
        parts.append(answer.source)
    return "\n".join(parts)


def table_text(rows: list[list[str]]) -> str:
    """Rows as aligned columns, the first row a header underlined with dashes."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
