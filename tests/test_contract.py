"""The names in bot/contract.py and the route table agree with domain.yml and the rules."""

from __future__ import annotations

import yaml

from bot.answering.routes import BY_INTENT, ROUTES
from bot.contract import CLASSIFY_FORM, CONTEXT_SLOTS, Entity, Intent, Slot, Topic
from bot.paths import DATA, DOMAIN

DOMAIN_DATA = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
RULES = yaml.safe_load((DATA / "stories" / "rules.yml").read_text(encoding="utf-8"))["rules"]
#: Intents that answer the guided classification's question rather than interrupt it.
ANSWERS = {Intent.INFORM, Intent.AFFIRM, Intent.DENY}


def names(namespace: type) -> set[str]:
    return {value for key, value in vars(namespace).items() if key.isupper()}


def domain_actions() -> set[str]:
    return {a if isinstance(a, str) else next(iter(a)) for a in DOMAIN_DATA["actions"]}


def test_intents_are_the_domains():
    assert names(Intent) - {Intent.NLU_FALLBACK} == set(DOMAIN_DATA["intents"])


def test_entities_and_slots_are_the_domains():
    assert names(Entity) == set(DOMAIN_DATA["entities"])
    assert names(Slot) == set(DOMAIN_DATA["slots"])
    assert set(CONTEXT_SLOTS) <= names(Slot)
    assert CLASSIFY_FORM in DOMAIN_DATA["forms"]


def test_every_route_has_its_action_in_the_domain_and_a_rule_per_intent():
    assert len({route.action for route in ROUTES}) == len(ROUTES)
    assert {route.action for route in ROUTES} <= domain_actions()
    for route in ROUTES:
        for intent in route.intents:
            assert BY_INTENT[intent] is route
            # (right after the intent, or after the domain's own response: a greeting, then the question after it)
            assert any(rule["steps"][0] == {"intent": intent}
                       and (rule["steps"][1] == {"action": route.action}
                            or rule["steps"][1].get("action", "").startswith("utter_")
                            and rule["steps"][2:3] == [{"action": route.action}])
                       for rule in RULES), f"no rule runs {route.action} on {intent}"


def test_the_classification_question_is_interrupted_by_every_intent_but_an_answer():
    mapping = DOMAIN_DATA["slots"][Slot.CLASSIFY_ANSWER]["mappings"][0]
    assert set(mapping["not_intent"]) == set(DOMAIN_DATA["intents"]) - ANSWERS


def test_the_topic_slots_comment_lists_every_topic():
    lines = DOMAIN.read_text(encoding="utf-8").splitlines()
    above = lines[: lines.index("  topic:")]
    comment = []
    while above and above[-1].strip().startswith("#"):
        comment.insert(0, above.pop())
    listed = {word.strip(",.:;") for line in comment for word in line.split()}
    assert names(Topic) <= listed, sorted(names(Topic) - listed)
