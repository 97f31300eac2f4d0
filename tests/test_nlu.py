"""The trained NLU on the frozen test set: intent accuracy >= 0.95, entity F1 >= 0.90.

tests/nlu_test.yml was written apart from the training data and is never tuned on; tuning
used two development splits, since folded into training (data/nlu/tuned_dev_*.yml).
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.paths import ROOT
from tests.nlu_eval import evaluate

TEST_SET = ROOT / "tests" / "nlu_test.yml"


def _texts(path) -> set[str]:
    return {e.get("text").lower().strip() for e in load_data(str(path)).intent_examples}


def test_test_set_is_large_and_apart_from_training():
    test = _texts(TEST_SET)
    assert len(test) >= 150
    assert not test & _texts(ROOT / "data" / "nlu")


@pytest.fixture(scope="module")
async def report(agent):
    return await evaluate(TEST_SET, agent=agent)


async def test_intent_accuracy(report):
    print(f"intent accuracy {report.intent_accuracy:.3f} on {report.total}")
    assert report.intent_accuracy >= 0.95, "\n".join(e for e in report.errors if e.startswith("intent"))


async def test_entity_f1(report):
    print(f"entity F1 {report.entity_f1:.3f}")
    assert report.entity_f1 >= 0.90, "\n".join(e for e in report.errors if e.startswith("entities"))
