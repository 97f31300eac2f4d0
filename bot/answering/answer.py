"""What to tell the user, before it is laid out for a channel: the :class:`Answer`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.contract import Outcome, Topic
from bot.facts.model import Place


@dataclass
class Answer:
    """What to tell the user, before it is laid out for a channel (``bot/render.py``).

    Attributes:
        text: The answer in sentences.
        sources: The parts of the document it comes from (none when it states no fact).
        evidence: Cite the sources as a recommendation's evidence (the shorter form).
        table: Rows of a comparison, the first row a header.
        items: A list to show under the text.
        buttons: Suggested replies, ``{"title": ..., "payload": ...}``.
        found: False when the document does not answer the question.
        topic: What it was about, for follow-ups (one of :class:`bot.contract.Topic`).
        concept: The concept to keep in context for follow-ups.
        aspect: The table row to keep in context.
        characteristic: The characteristic or similarity to keep in context.
        task: The process the user described, to keep in context.
        aside: Added beside the answer (what the document says on the rest of the question);
            the context stays with the answer before it.
        outcome: How it went, for the report on the conversations (one of
            :class:`bot.contract.Outcome`); when not given, :meth:`how_it_went` reads it from
            ``found`` and ``topic``.
    """

    text: str
    sources: tuple[Place, ...] = ()
    evidence: bool = False
    table: list[list[str]] | None = None
    items: list[str] = field(default_factory=list)
    buttons: list[dict[str, str]] = field(default_factory=list)
    found: bool = True
    topic: str | None = None
    concept: str | None = None
    aspect: str | None = None
    characteristic: str | None = None
    task: str | None = None
    aside: bool = False
    outcome: str | None = None

    def how_it_went(self) -> str:
        """One of :class:`bot.contract.Outcome`: given, else answered, not covered, or a request for the process."""
        if self.outcome is not None:
            return self.outcome
        if self.topic == Topic.ASK_TASK:
            return Outcome.CLARIFY
        return Outcome.ANSWERED if self.found else Outcome.NOT_COVERED
