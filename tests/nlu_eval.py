"""Measure the trained NLU on a labelled file: intent accuracy and entity F1.

Entities are compared after :func:`bot.answering.entities.resolve`, i.e. as the actions see
them: (entity, canonical value) pairs, task spans compared in lower case.
Run by hand on a development split while tuning:
``.venv/bin/python -m tests.nlu_eval FILE [MODEL]``; the frozen test set is measured by
``tests/test_nlu.py``.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.answering.entities import Mentions, Names, resolve
from bot.answering.routes import mentions_for
from bot.facts.store import FactStore
from bot.paths import MODEL


@dataclass
class Report:
    total: int = 0
    intents_right: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    errors: list[str] = field(default_factory=list)
    confusions: Counter = field(default_factory=Counter)

    @property
    def intent_accuracy(self) -> float:
        return self.intents_right / self.total if self.total else 0.0

    @property
    def entity_f1(self) -> float:
        tp, fp, fn = self.true_positive, self.false_positive, self.false_negative
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _pairs(mentions: Mentions) -> set[tuple[str, str]]:
    return ({("concept", v) for v in mentions.concepts} | {("aspect", v) for v in mentions.aspects}
            | {("characteristic", v) for v in mentions.characteristics}
            | {("task", v.lower().strip(" ?.!,")) for v in mentions.tasks})


async def evaluate(path: str | Path, model: str | Path = MODEL, agent=None) -> Report:
    """Parse every example of ``path`` with ``agent`` (or the model ``model``, loaded here) and score it."""
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    agent = agent or Agent.load(str(model))
    with FactStore.open() as store:
        names = Names(store)
        report = Report()
        for example in data.intent_examples:
            text = example.get("text")
            parsed = await agent.parse_message(text)
            predicted = parsed["intent"]["name"]
            gold = example.get("intent")
            report.total += 1
            if predicted == gold:
                report.intents_right += 1
            else:
                report.confusions[(gold, predicted)] += 1
                report.errors.append(f"intent {gold} -> {predicted}: {text}")
            want = _pairs(resolve(example.get("entities") or [], names))
            got = _pairs(mentions_for(predicted, parsed, names))
            report.true_positive += len(want & got)
            report.false_positive += len(got - want)
            report.false_negative += len(want - got)
            if want != got:
                report.errors.append(f"entities missing {sorted(want - got)} extra {sorted(got - want)}: {text}")
    return report


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: python -m tests.nlu_eval FILE [MODEL]", file=sys.stderr)
        return 2
    path = sys.argv[1]
    model = sys.argv[2] if len(sys.argv) > 2 else MODEL
    report = asyncio.run(evaluate(path, model))
    for line in report.errors:
        print(line)
    print(f"{path}: {report.total} utterances, intent accuracy {report.intent_accuracy:.3f}, "
          f"entity F1 {report.entity_f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
