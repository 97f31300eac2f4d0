"""Write the report: one self-contained HTML page (``report.html``, Jinja2, autoescaped)."""

from __future__ import annotations

import warnings
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.contract import Feedback, Intent, Outcome
from bot.report import charts
from bot.report.gaps import Group, group
from bot.report.redact import redact, redact_reply
from bot.report.summary import CHANNELS, Summary

TEMPLATE = "report.html"
OUTCOME_NAMES = {Outcome.ANSWERED: "answered", Outcome.NOT_COVERED: "not covered or not settled",
                 Outcome.CLARIFY: "asked what was meant", Outcome.SCOPE: "outside the assistant's scope",
                 Outcome.OTHER: "other"}
REFUSED_NAMES = {"empty": "empty message", "too_long": "too long", "not_text": "not text",
                 "command": "a command refused", "no_reply": "the answer service did not reply",
                 "failed": "the turn failed"}
TOP = 10
#: What each intent is, for a reader who does not know the model's names (the name is shown beside it).
INTENT_NAMES = {
    Intent.DEFINE: "what something is", Intent.COMPARE: "how they differ", Intent.SIMILARITIES: "what they share",
    Intent.EXAMPLE: "examples", Intent.RECOMMEND: "which fits a process", Intent.FOLLOW_UP: "follow-ups (\"and KPO?\")",
    Intent.INFORM: "statements", Intent.CLASSIFY: "asking for the guided classification", Intent.GREET: "greetings",
    Intent.GOODBYE: "goodbyes", Intent.THANKS: "thanks", Intent.HELP: "what can you do?", Intent.AFFIRM: "yes",
    Intent.DENY: "no", Intent.CANCEL: "cancel or stop", Intent.OUT_OF_SCOPE: "off-topic",
    Intent.BOT_CHALLENGE: "are you a bot?", Intent.NLU_FALLBACK: "unclear to the model",
}


def render(summary: Summary, *, store: str, since: str = "", until: str = "", redacted: bool = False,
           notice: str = "") -> str:
    """The report's HTML for ``summary``."""
    hide = redact if redacted else (lambda text: text)
    # redacted before grouping, so no name or number reaches a group's name or its examples
    groups = group([replace(q, text=hide(q.text)) for q in summary.gaps] if redacted else summary.gaps)
    environment = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True)
    channels = [c for c in [*CHANNELS.values(), *sorted(summary.channels)] if summary.channels[c]]
    channels = list(dict.fromkeys(channels))
    return environment.get_template(TEMPLATE).render(
        s=summary, store=store, since=since, until=until, redacted=redacted, notice=notice,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        channels=channels, groups=groups, outcome_names=OUTCOME_NAMES, refused_names=REFUSED_NAMES,
        charts=_charts(summary, channels, groups), hide=hide, top=TOP, share=_share,
        hide_reply=redact_reply if redacted else (lambda reply, _: reply), intent_names=INTENT_NAMES,
        intents=summary.intents.most_common(), UP=Feedback.UP, DOWN=Feedback.DOWN,
        answered=sum(summary.outcomes.values()),
        recommendations=sorted(summary.recommendations.items(), key=lambda kv: -sum(kv[1].values())),
    )


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _charts(summary: Summary, channels: list[str], groups: list[Group]) -> dict[str, Any]:
    if not summary.messages:
        return {}
    with warnings.catch_warnings():  # matplotlib 3.5's use of the pinned pyparsing: notices for no reader
        warnings.simplefilter("ignore")
        return _draw(summary, channels, groups)


def _draw(summary: Summary, channels: list[str], groups: list[Group]) -> dict[str, Any]:
    drawn = {"messages": charts.per_day(summary.messages_per_day, channels, "Messages per day, by channel")}
    if summary.outcomes:
        drawn["outcomes"] = charts.bars([(OUTCOME_NAMES.get(k, k), v) for k, v in summary.outcomes.most_common()],
                                        "How questions went", colour=2)
    if summary.intents:
        drawn["intents"] = charts.bars([(INTENT_NAMES.get(k, k), v) for k, v in summary.intents.most_common()],
                                       "What people ask")
    if groups:
        drawn["gaps"] = charts.bars([(g.name[:40], g.count) for g in groups[:TOP]], "Largest gaps", colour=1)
    if summary.gave_up_at:
        drawn["gave_up"] = charts.bars(summary.gave_up_at.most_common(),
                                       "Where people stopped the guided classification", colour=3)
    return drawn
