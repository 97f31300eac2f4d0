"""Each action with a tracker and a dispatcher: the reply, its buttons and the context slots."""

from __future__ import annotations

import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import build_actions
from bot.answering.routes import ROUTES


def tracker(text, intent, entities=(), slots=None, ranking=None):
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }
    return Tracker("tester", slots or {}, message, [], False, None, {}, "action_listen")


def ent(kind, value, text, phrase):
    start = text.index(phrase)
    return {"entity": kind, "value": value, "start": start, "end": start + len(phrase)}


@pytest.fixture()
def actions(live_facts):
    return {action.name(): action for action in build_actions(live_facts)}


async def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    return dispatcher.messages, events


def test_every_domain_action_is_built(actions):
    assert set(actions) == {route.action for route in ROUTES}
    assert len(actions) == len(ROUTES)


CASES = [
    ("action_define", "what is kpo", "define", [("concept", "KPO", "kpo")], {},
     "KPO stands for Knowledge Process Outsourcing", {"concept": "KPO", "topic": "define"}),
    ("action_define", "why is kpo talent-intensive", "define",
     [("concept", "KPO", "kpo"), ("characteristic", "Talent-Intensive", "talent-intensive")], {},
     "advanced degrees", {"characteristic": "Talent-Intensive", "topic": "characteristic"}),
    ("action_compare", "how scalable is kpo", "compare", [("concept", "KPO", "kpo"), ("aspect", "Scalability", "scalable")],
     {}, "KPO's scalability is Moderate to High", {"aspect": "Scalability", "topic": "aspect"}),
    ("action_compare", "what do they have in common", "similarities", [], {}, "8 similarities",
     {"topic": "similarities"}),
    ("action_example", "is payroll an example of kpo", "example", [("task", "payroll", "payroll"), ("concept", "KPO", "kpo")],
     {}, "No: the document gives payroll as an example of BPO", {"task": "payroll", "concept": "KPO"}),
    ("action_recommend", "contract review: bpo or kpo", "recommend", [("task", "contract review", "contract review")], {},
     "KPO fits contract review", {"concept": "KPO", "task": "contract review", "topic": "recommend"}),
    ("action_follow_up", "and bpo?", "follow_up", [("concept", "BPO", "bpo")], {"concept": "KPO", "topic": "define"},
     "BPO stands for", {"concept": "BPO", "topic": "define"}),
    ("action_inform", "invoice processing", "inform", [("task", "invoice processing", "invoice processing")], {},
     "BPO fits invoice processing", {"topic": "recommend"}),
    # a process in running prose, whichever intent NLU gives it: which fits it comes first
    ("action_compare", "is updating CRM contact records from business cards BPO or KPO?", "compare",
     [("task", "updating CRM contact records", "updating CRM contact records"), ("concept", "BPO", "BPO"),
      ("concept", "KPO", "KPO")], {},
     "BPO fits updating CRM contact records better", {"topic": "recommend", "concept": "BPO"}),
    ("action_example", "my company does form digitisation for a local council, is that BPO?", "example",
     [("task", "form digitisation", "form digitisation"), ("concept", "BPO", "BPO")], {},
     "BPO fits form digitisation better", {"topic": "recommend", "task": "form digitisation"}),
    ("action_out_of_scope", "we run experiment design and causal inference for app companies, is that KPO?",
     "out_of_scope", [("concept", "KPO", "KPO")], {},
     "KPO fits experiment design and causal inference for app companies better", {"topic": "recommend"}),
]


@pytest.mark.parametrize(("name", "text", "intent", "entities", "slots", "expected", "context"), CASES,
                         ids=[c[0] + ": " + c[1] for c in CASES])
async def test_action(actions, name, text, intent, entities, slots, expected, context):
    found = [ent(kind, value, text, phrase) for kind, value, phrase in entities]
    messages, events = await run(actions[name], tracker(text, intent, found, slots))
    assert expected in messages[-1]["text"]
    assert "Source:" in messages[-1]["text"]
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert context.items() <= set_slots.items()


async def test_compare_overall_renders_an_aligned_table(actions):
    messages, _ = await run(actions["action_compare"], tracker("bpo vs kpo", "compare"))
    lines = messages[0]["text"].splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Aspect"))
    assert lines[header + 1].startswith("------")
    complexity = next(line for line in lines if line.startswith("Complexity"))
    assert complexity.split() == ["Complexity", "Low", "to", "Medium", "High"]
    assert lines[header].index("KPO") == complexity.index("High")


async def test_clarify_sends_buttons(actions):
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "example", "confidence": 0.3},
               {"name": "recommend", "confidence": 0.2}]
    messages, events = await run(actions["action_clarify"], tracker("payroll thing", "nlu_fallback", ranking=ranking))
    assert [b["title"] for b in messages[0]["buttons"]] == ["Examples", "Which fits my process", "Something else"]
    assert events == []


async def test_unchanged_slots_are_not_set_again(actions):
    found = [ent("concept", "KPO", "what is kpo", "kpo")]
    _, events = await run(actions["action_define"],
                          tracker("what is kpo", "define", found, {"concept": "KPO", "topic": "define"}))
    assert SlotSet("concept", "KPO") not in events


async def test_out_of_scope_without_a_concept_states_the_scope_in_the_stores_names(actions):
    messages, events = await run(actions["action_out_of_scope"], tracker("what's the weather like", "out_of_scope"))
    [text] = [m.get("text") for m in messages]
    assert text.startswith("Sorry, that's outside what I can help with.") and "BPO and KPO" in text
    assert events == []
    # a name the document never uses is said first
    messages, _ = await run(actions["action_out_of_scope"], tracker("what does Microsoft charge?", "out_of_scope"))
    assert messages[0].get("text") == "The document does not say anything about Microsoft."


async def test_out_of_scope_that_names_a_concept_is_answered_from_the_document(actions):
    text = "is kpo gdpr compliant"
    messages, _ = await run(actions["action_out_of_scope"],
                            tracker(text, "out_of_scope", [ent("concept", "KPO", text, "kpo")]))
    assert "does not cover security and confidentiality, or the law and regulation for KPO" in messages[0]["text"]


async def test_a_task_in_a_question_on_how_they_differ_gets_the_comparison(actions):
    text = "how do bpo and kpo differ for customer service"
    found = [ent("task", "customer service", text, "customer service"), ent("concept", "BPO", text, "bpo"),
             ent("concept", "KPO", text, "kpo")]
    messages, events = await run(actions["action_compare"], tracker(text, "compare", found))
    assert "fits" not in messages[0]["text"] and "Row by row" in messages[0]["text"]
    assert {"name": "topic", "value": "recommend"} not in [{k: e.get(k) for k in ("name", "value")} for e in events]


async def test_an_example_question_says_first_whether_the_document_names_it(actions):
    text = "is form digitisation an example of bpo"
    found = [ent("task", "form digitisation", text, "form digitisation"), ent("concept", "BPO", text, "bpo")]
    messages, _ = await run(actions["action_example"], tracker(text, "example", found))
    assert messages[0]["text"].startswith("The document does not name form digitisation as an example of BPO")
    assert "BPO fits form digitisation better" in messages[0]["text"]


def in_form(text, intent, entities=()):
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities),
               "intent_ranking": [{"name": intent, "confidence": 0.9}]}
    slots = {"requested_slot": "classify_answer", "classify_question": "complexity",
             "classify_interview": {"answers": {}, "preset": [], "taken": {}}}
    return Tracker("tester", slots, message, [], False, None, {"name": "classify_form"}, "action_listen")


async def test_a_statement_in_the_classification_that_nlu_took_for_a_side_question_is_the_answer(actions):
    text = "fairly hard work, and we talk to the client constantly"
    found = [ent("aspect", "Client Interaction", text, "client")]
    messages, events = await run(actions["action_compare"], in_form(text, "compare", found))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["classify_interview"]["answers"] == {"client_interaction": "KPO", "complexity": "KPO"}
    assert {"event": "followup", "name": "classify_form"} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert "also taken Client Interaction to be More Frequent" in messages[0]["text"]


@pytest.mark.parametrize("text", ["how high is the complexity of kpo?", "explain high-level expertise",
                                  "what does high mean here"])
async def test_a_side_question_in_the_classification_is_still_answered(actions, text):
    messages, events = await run(actions["action_compare"], in_form(text, "compare"))
    assert not any(e.get("event") == "followup" for e in events)
    assert messages and "also taken" not in messages[0].get("text", "")


@pytest.mark.parametrize("intent", ["define", "compare", "example", "out_of_scope"])
async def test_a_process_described_and_asked_about_gets_which_fits_whatever_the_intent(actions, intent):
    text = "we write investment theses for a venture fund, is that KPO?"
    action = {"define": "action_define", "compare": "action_compare", "example": "action_example",
              "out_of_scope": "action_out_of_scope"}[intent]
    messages, _ = await run(actions[action], tracker(text, intent, [ent("concept", "KPO", text, "KPO")]))
    assert messages[0]["text"].startswith("KPO fits investment theses for a venture fund better")
    # a comparison of the concepts is no process
    compared = "is KPO more strategic than BPO?"
    messages, _ = await run(actions[action], tracker(compared, intent, [ent("concept", "KPO", compared, "KPO"),
                                                                         ent("concept", "BPO", compared, "BPO")]))
    assert "fits" not in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "intent", "text", "task"),
    [
        ("action_define", "define", "how much do payroll clerks earn in BPO?", None),
        ("action_example", "example", "how important is customer service in BPO?", None),
        ("action_out_of_scope", "out_of_scope", "how does BPO handle payroll compared with KPO?", None),
        ("action_compare", "compare", "is KPO more expensive than BPO for payroll?", "payroll"),
        ("action_compare", "compare", "how is payroll handled in BPO and KPO?", "payroll"),
    ],
)
async def test_a_question_about_a_concept_that_ends_in_its_name_gets_no_fit(actions, action, intent, text, task):
    found = [ent("concept", c, text, c) for c in ("BPO", "KPO") if c in text]
    found += [ent("task", task, text, task)] if task else []
    messages, _ = await run(actions[action], tracker(text, intent, found))
    assert not re.match(r"(BPO|KPO) fits ", messages[0]["text"]) and "names payroll as an example" not in messages[0]["text"]


async def test_a_where_question_that_asks_which_fits_still_gets_it(actions):
    text = "where does market research fit, BPO or KPO?"
    found = [ent("task", "market research", text, "market research"), ent("concept", "BPO", text, "BPO"),
             ent("concept", "KPO", text, "KPO")]
    messages, _ = await run(actions["action_recommend"], tracker(text, "recommend", found))
    assert messages[0]["text"].startswith("KPO: the document names market research as an example of KPO")


@pytest.mark.parametrize("text", ["i dont get what you mean by client interaction", "please explain specialized skills",
                                  "I wonder whether payroll counts as BPO"])
async def test_a_request_or_a_message_about_a_concept_in_the_classification_is_no_answer(actions, text):
    messages, events = await run(actions["action_compare"], in_form(text, "compare"))
    assert not any(e.get("event") == "followup" for e in events)


@pytest.mark.parametrize(("text", "said", "quoted"), [
    ("nearshore or offshore, which one would work better for our customer service desk?",
     "The document does not compare nearshore and offshore.", "or nearshore, where services"),
    ("Which IaaS provider is cheapest right now, AWS or Azure?", "The document does not say anything about AWS or Azure.",
     None),
])
async def test_a_choice_between_other_things_than_the_concepts_is_not_a_recommendation(actions, text, said, quoted):
    found = [ent("task", "customer service desk", text, "customer service desk")] if "desk" in text else []
    messages, events = await run(actions["action_recommend"], tracker(text, "recommend", found))
    assert messages[0]["text"].startswith(said)
    assert "better. It matches" not in messages[0]["text"]
    if quoted:
        assert quoted in messages[0]["text"]


async def test_a_question_that_sets_itself_up_first_is_answered_on_its_topic(actions):
    text = "we're thinking about handing payroll off to an outside firm, what do we actually gain from that?"
    found = [ent("task", "handing payroll", text, "handing payroll")]
    messages, _ = await run(actions["action_recommend"], tracker(text, "recommend", found))
    assert messages[0]["text"].startswith("On benefits, here is what the document says")


@pytest.mark.parametrize("intent", ["example", "recommend"])
async def test_a_how_long_question_about_a_process_is_not_told_which_fits(actions, intent):
    text = "How long does it usually take to transition a process over to a BPO provider?"
    found = [ent("task", "transition a process", text, "transition a process"), ent("concept", "BPO", text, "BPO")]
    messages, _ = await run(actions[f"action_{intent}"], tracker(text, intent, found))
    assert "better. It matches" not in messages[0]["text"]
    assert messages[0]["text"].startswith("The document does not say anything about figures")


async def test_a_question_taken_for_a_cancel_gets_what_comes_closest(actions):
    text = "Does outsourcing free my team up to focus on the important stuff?"
    messages, _ = await run(actions["action_cancel"], tracker(text, "cancel"))
    assert "concentrate on their core competencies" in messages[0]["text"]
    messages, _ = await run(actions["action_cancel"], tracker("can we stop here?", "cancel"))
    assert messages[0]["text"].startswith("There's nothing in progress to cancel.")


async def test_yes_accepts_an_offer_and_a_question_taken_for_yes_is_answered(actions):
    affirm = actions["action_affirm"]
    _, events = await run(affirm, tracker("yes", "affirm", slots={"topic": "offer_classify"}))
    assert events == [{"event": "followup", "timestamp": None, "name": "action_start_classification"}]
    messages, events = await run(affirm, tracker("yes", "affirm"))
    assert [m.get("response") for m in messages] == ["utter_anything_else"] and events == []
    text = "yep, so do companies use it to cut operational costs?"
    messages, _ = await run(affirm, tracker(text, "affirm", slots={"concept": "BPO", "topic": "define"}))
    assert "operational costs" in messages[0]["text"] and "yep" not in messages[0]["text"]


@pytest.mark.parametrize(("name", "response"), [("action_help", "utter_help"), ("action_deny", "utter_anything_else"),
                                                ("action_goodbye", "utter_goodbye"), ("action_thanks", "utter_thanks"),
                                                ("action_bot_challenge", "utter_bot_challenge")])
async def test_a_side_intent_without_a_question_gets_its_own_fixed_reply(actions, name, response):
    for text in ("no thanks", "what can you do?", "can you help me understand it?", "bye"):
        messages, events = await run(actions[name], tracker(text, name.removeprefix("action_"), slots={"concept": "BPO"}))
        assert [m.get("response") for m in messages] == [response], text
        assert events == []


async def test_a_question_after_a_greeting_is_answered_and_a_greeting_alone_gets_nothing_more(actions):
    greet = actions["action_greet"]  # (the domain's greeting comes first, by the rule, with or without the action server)
    for text in ("hello there", "hi, how are you?", "hello, can you help me?", "good morning!"):
        messages, events = await run(greet, tracker(text, "greet"))
        assert messages == [] and events == [], text
    text = "hi what is kpo"
    messages, _ = await run(greet, tracker(text, "greet", [ent("concept", "KPO", text, "kpo")]))
    assert messages[0]["text"].startswith("KPO stands for Knowledge Process Outsourcing")
    text = "Good morning! Can you tell me the difference between BPO and KPO?"
    ranking = [{"name": "greet", "confidence": 0.6}, {"name": "compare", "confidence": 0.3}]
    messages, _ = await run(greet, tracker(text, "greet", [ent("concept", "BPO", text, "BPO"),
                                                           ent("concept", "KPO", text, "KPO")], ranking=ranking))
    assert messages[0]["text"].startswith("In short: BPO is about routine tasks")
    text = "hello there, I'm from a KPO firm"  # (no question: what NLU reads next is not asked)
    ranking = [{"name": "greet", "confidence": 0.92}, {"name": "compare", "confidence": 0.056}]
    messages, _ = await run(greet, tracker(text, "greet", [ent("concept", "KPO", text, "KPO")], ranking=ranking))
    assert messages == []
    text = "hey, roughly how much does a bpo agent cost per hour these days? building a budget"
    messages, _ = await run(greet, tracker(text, "greet", [ent("concept", "BPO", text, "bpo")]))
    assert messages[0]["text"].startswith("The document does not say anything about figures")
    assert any("lower operational costs" in m["text"] for m in messages)


async def test_what_do_you_mean_in_the_interview_explains_the_question(actions):
    slots = {"classify_question": "complexity", "classify_interview": {"answers": {}, "preset": []},
             "requested_slot": "classify_answer"}
    message = {"text": "what do you mean?", "intent": {"name": "define"}, "entities": []}
    in_form = Tracker("t", slots, message, [], False, None, {"name": "classify_form"}, "action_listen")
    messages, events = await run(actions["action_define"], in_form)
    [explained] = messages
    assert explained["text"].startswith("This question is about Complexity. The document's comparison table gives "
                                        '"Low to Medium" (BPO) or "High" (KPO).')
    assert "Of KPO:" in explained["text"] and events == []
    # outside the interview it is no such question
    messages, _ = await run(actions["action_define"], tracker("what do you mean?", "define"))
    assert not messages[0]["text"].startswith("This question is about")


async def test_a_question_about_a_concept_taken_for_a_bot_challenge_is_answered(actions):
    challenge = actions["action_bot_challenge"]
    text = "Can you break down KPO for me? I'm not a tech person."
    messages, _ = await run(challenge, tracker(text, "bot_challenge", [ent("concept", "KPO", text, "KPO")]))
    assert messages[0]["text"].startswith("KPO stands for Knowledge Process Outsourcing")
    # asking what the assistant is gets the fixed reply, even beside a concept
    for text in ("are you a bot?", "are you a real person", "are you a bot that knows KPO?"):
        entities = [ent("concept", "KPO", text, "KPO")] if "KPO" in text else []
        messages, _ = await run(challenge, tracker(text, "bot_challenge", entities))
        assert [m.get("response") for m in messages] == ["utter_bot_challenge"], text


async def test_a_follow_up_asks_the_earlier_message_again_from_the_trackers_events(actions):
    asked = "What are the drawbacks of BPO?"
    first = {"text": asked, "intent": {"name": "compare", "confidence": 0.9},
             "entities": [{"entity": "concept", "value": "BPO", "start": 26, "end": 29}]}
    latest = {"text": "ok and for KPO?", "intent": {"name": "follow_up", "confidence": 0.9},
              "entities": [{"entity": "concept", "value": "KPO", "start": 11, "end": 14}]}
    events = [{"event": "user", "text": asked, "parse_data": first}, {"event": "bot", "text": "On drawbacks ..."},
              {"event": "user", "text": latest["text"], "parse_data": latest}]
    tracker_ = Tracker("tester", {"concept": "BPO"}, latest, events, False, None, {}, "action_listen")
    messages, _ = await run(actions["action_follow_up"], tracker_)
    assert messages[0]["text"].startswith("On drawbacks and risks, here is what the document says about KPO")
    # without the earlier message, the same follow-up is KPO's definition
    alone = Tracker("tester", {"concept": "BPO"}, latest, events[2:], False, None, {}, "action_listen")
    messages, _ = await run(actions["action_follow_up"], alone)
    assert messages[0]["text"].startswith("KPO stands for")


def _user(text, intent, *entities):
    parsed = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)}
    return {"event": "user", "text": text, "parse_data": parsed}


async def test_answers_in_the_form_and_before_a_restart_are_not_asked_again(actions):
    drawbacks = _user("What are the drawbacks of BPO?", "compare",
                      {"entity": "concept", "value": "BPO", "start": 26, "end": 29})
    latest = _user("and for KPO?", "follow_up", {"entity": "concept", "value": "KPO", "start": 8, "end": 11})
    form = [{"event": "active_loop", "name": "classify_form"}, _user("it needs expert judgement", "define"),
            {"event": "active_loop", "name": None}]
    for events in ([drawbacks, *form, latest], [drawbacks, {"event": "restart"}, latest]):
        tracker_ = Tracker("tester", {"concept": "BPO"}, latest["parse_data"], events, False, None, {}, "action_listen")
        messages, _ = await run(actions["action_follow_up"], tracker_)
        assert messages[0]["text"].startswith("KPO stands for"), events


async def test_a_question_nlu_takes_for_thanks_is_answered_from_the_document(actions):
    text = "is it cheaper to outsource that than the AP work?"
    messages, _ = await run(actions["action_thanks"], tracker(text, "thanks", slots={"concept": "KPO"}))
    assert messages and not any(m.get("response") for m in messages)
    assert "cost" in " ".join(m["text"] for m in messages).lower()
    messages, _ = await run(actions["action_thanks"], tracker("thanks a lot!", "thanks"))
    assert [m.get("response") for m in messages] == ["utter_thanks"]
