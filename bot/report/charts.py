"""The report's charts, drawn by matplotlib as inline SVG (text kept as text, no external file)."""

from __future__ import annotations

import html
import io
import logging
import re
import warnings
from collections import Counter

logging.getLogger("matplotlib").setLevel(logging.ERROR)  # it logs its pyparsing's deprecation notices
with warnings.catch_warnings():  # the pinned pyparsing's notices about matplotlib 3.5 say nothing to the reader
    warnings.simplefilter("ignore")
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

#: One colour per channel and per outcome, the same in every chart.
PALETTE = ["#1d4f91", "#e07b39", "#3a9d5d", "#8e5ea2", "#c9a227", "#6b7b8c"]
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "bpo-kpo-report", "font.size": 9, "font.family": "sans-serif",
         "axes.spines.top": False, "axes.spines.right": False}


def _svg(figure: plt.Figure, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)  # matplotlib's RDF block: no use here
    # a name for screen readers; the figures are also in the tables beside each chart
    return re.sub(r"<svg ", f'<svg role="img" aria-label="{html.escape(title)}" ', svg, count=1)


def per_day(days: dict[str, Counter], series: list[str], title: str) -> str:
    """Stacked bars: one per day, one colour per channel."""
    labels = sorted(days)
    plt.rcParams.update(STYLE)
    figure, axes = plt.subplots(figsize=(8, 2.6))
    bottom = [0] * len(labels)
    for index, name in enumerate(series):
        values = [days[day][name] for day in labels]
        axes.bar(labels, values, bottom=bottom, label=name, color=PALETTE[index % len(PALETTE)])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_title(title, loc="left")
    axes.legend(frameon=False, ncol=len(series), loc="upper left", bbox_to_anchor=(0, -0.25))
    step = max(1, len(labels) // 12)
    axes.set_xticks(range(0, len(labels), step), [labels[i][5:] for i in range(0, len(labels), step)])
    axes.yaxis.get_major_locator().set_params(integer=True)
    return _svg(figure, title)


def bars(counts: list[tuple[str, int]], title: str, colour: int = 0) -> str:
    """Horizontal bars, the largest on top."""
    counts = [(label.replace("$", "\\$"), value) for label, value in counts[::-1]]  # "$...$" is no formula here
    plt.rcParams.update(STYLE)
    figure, axes = plt.subplots(figsize=(6, 0.3 * len(counts) + 0.7))
    axes.barh([c[0] for c in counts], [c[1] for c in counts], color=PALETTE[colour % len(PALETTE)])
    for index, (_, value) in enumerate(counts):
        axes.text(value, index, f" {value}", va="center")
    axes.set_title(title, loc="left")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return _svg(figure, title)
