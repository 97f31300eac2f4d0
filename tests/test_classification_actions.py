"""The guided classification's actions with a tracker and a dispatcher."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.classification import InterviewAnswers, build_classification_actions

DOMAIN = {
    "forms": {"classify_form": {"required_slots": ["classify_answer"]}},
    "slots": {name: {} for name in ("classify_answer", "classify_interview", "classify_question", "classify_misses")},
    "responses": {"utter_ask_row_complexity": [{"text": "How complex is the work in this process?"}]},
}


@pytest.fixture()
def actions(live_facts):
    return {a.name(): a for a in build_classification_actions(live_facts)}


def tracker(text, intent="inform", entities=(), slots=None, form=True):
    message = {"text": text, "intent": {"name": intent}, "entities": list(entities)}
    # as in a real turn: only the answer slot was set since the user spoke
    events = [{"event": "slot", "name": k, "value": v} for k, v in (slots or {}).items() if k == "classify_answer"]
    return Tracker("t", {"requested_slot": "classify_answer", **(slots or {})}, message, events, False, None,
                   {"name": "classify_form"} if form else {}, "action_listen")


async def run(action, tracker_, domain=DOMAIN):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, domain)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return dispatcher.messages, slots


async def test_start_clears_old_answers_and_presets_from_the_task(actions):
    text = "help me classify our invoice processing"
    start = text.index("invoice processing")
    entities = [{"entity": "task", "value": "invoice processing", "start": start, "end": len(text)}]
    old = {"classify_interview": {"answers": {"focus": "KPO"}, "preset": []}, "classify_answer": "done"}
    messages, slots = await run(actions["action_start_classification"],
                                tracker(text, "classify", entities, old, form=False))
    assert slots["classify_interview"] == {"answers": {"definition": "BPO"}, "preset": ["definition"], "taken": {}}
    assert slots["classify_answer"] is None and slots["task"] == "invoice processing"
    assert slots["classify_question"] == "complexity"
    assert "Routine Tasks, which is the BPO side" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == '/inform{"choice": "redo:definition"}'


async def test_a_process_described_asking_which_it_is_gets_the_fit_not_the_questions(actions):
    # NLU may take this for a request to be guided; it asks which fits, and the document settles it
    text = ("my firm prepares environmental impact assessments for infrastructure projects, done by scientists "
            "with specialist certifications. which one is that?")
    dispatcher = CollectingDispatcher()
    events = await actions["action_start_classification"].run(dispatcher, tracker(text, "classify", form=False), DOMAIN)
    [message] = dispatcher.messages
    assert message["text"].startswith("KPO fits environmental impact assessments for infrastructure projects better.")
    assert message["buttons"][0]["payload"].startswith("/classify")
    assert any(e["event"] == "followup" and e["name"] == "action_listen" for e in events)
    assert not any(e.get("name") == "classify_interview" for e in events)  # the form is not set up


async def test_a_question_taken_for_a_classification_request_is_answered(actions):
    dispatcher = CollectingDispatcher()
    text = "how often do KPO providers and their clients interact?"
    events = await actions["action_start_classification"].run(dispatcher, tracker(text, "classify", form=False), DOMAIN)
    assert "frequent and in-depth interactions" in " ".join(m["text"] for m in dispatcher.messages)
    assert any(e["event"] == "followup" and e["name"] == "action_listen" for e in events)


@pytest.mark.parametrize("text", [
    # a who-question with "decide" in it asks who; "decide" in a condition chooses something else
    "so who decides who runs our payroll?", "how do we get our data back out if we decide to switch vendors?",
    # a question opening yes or no, or with what, that does not ask which fits ("to a BPO" is no choice)
    "do we have to buy new systems ourselves if we hand a process to a BPO?",
    "Our busy season is December and we drown every year. Could outsourcing help with that kind of peak?",
    "whats the point of BPO if you ignore the cost savings part?",
])
async def test_a_question_the_document_does_not_answer_directly_is_not_an_interview(actions, text):
    dispatcher = CollectingDispatcher()
    events = await actions["action_start_classification"].run(dispatcher, tracker(text, "classify", form=False), DOMAIN)
    assert not any(e.get("name") == "classify_interview" for e in events)
    assert not dispatcher.messages[0]["text"].startswith("Let's work it out together.")


@pytest.mark.parametrize("text", [
    "can we go through the criteria?", "could we try the questions again?", "how can we decide?",
    "so how do I decide for payroll?", "do the checklist", "is there a questionnaire i can do",
    "where does my process fit?", "will you work it out with me?", "can you assess my business process?",
])
async def test_requests_to_be_guided_phrased_as_questions_start_the_questions(actions, text):
    dispatcher = CollectingDispatcher()
    events = await actions["action_start_classification"].run(dispatcher, tracker(text, "classify", form=False), DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Let's work it out together.")
    assert any(e.get("name") == "classify_interview" for e in events)


async def test_a_request_to_be_guided_starts_the_questions(actions):
    dispatcher = CollectingDispatcher()
    text = "ask me questions to classify our payroll, is it BPO?"
    events = await actions["action_start_classification"].run(dispatcher, tracker(text, "classify", form=False), DOMAIN)
    assert any(e.get("name") == "classify_interview" for e in events)
    assert dispatcher.messages[0]["text"].startswith("Let's work it out together.")


async def test_ask_uses_the_domain_wording_and_offers_the_table_values(actions):
    messages, _ = await run(actions["action_ask_classify_answer"], tracker("", slots={"classify_question": "complexity"}))
    assert messages[0]["text"] == "Question 1: How complex is the work in this process?"
    assert [b["title"] for b in messages[0]["buttons"]] == ["Low to Medium", "High", "Not sure"]
    assert messages[0]["buttons"][1]["payload"] == '/inform{"choice": "complexity:KPO"}'


async def test_ask_without_wording_uses_the_generic_question(actions):
    messages, _ = await run(actions["action_ask_classify_answer"], tracker("", slots={"classify_question": "focus"}))
    assert 'Focus: which fits your process better, "Operational Efficiency" or "Strategic Insights"?' in messages[0]["text"]


def answer(text, question, interview=None, entities=(), misses=0.0):
    slots = {"classify_question": question, "classify_interview": interview or {"answers": {}, "preset": []},
             "classify_answer": text, "classify_misses": misses}
    return tracker(text, "inform", entities, slots)


CHOICE = [{"entity": "choice", "value": "complexity:KPO"}]


@pytest.mark.parametrize(
    ("text", "entities", "recorded", "next_question"),
    [
        ('/inform{"choice": "complexity:KPO"}', CHOICE, "KPO", "expertise_required"),
        ("pretty routine, anyone could do it", (), "BPO", "expertise_required"),
        ("not sure", (), "unsure", "expertise_required"),
    ],
)
async def test_validate_records_the_side_and_moves_on(actions, text, entities, recorded, next_question):
    messages, slots = await run(actions["validate_classify_form"], answer(text, "complexity", entities=entities))
    assert slots["classify_interview"]["answers"] == {"complexity": recorded}
    assert slots["classify_question"] == next_question and slots["classify_answer"] is None


async def test_validate_a_stale_button_is_not_misread(actions):
    stale = [{"entity": "choice", "value": "complexity:KPO"}]
    messages, slots = await run(actions["validate_classify_form"],
                                answer('/inform{"choice": "complexity:KPO"}', "customization", entities=stale))
    assert "earlier question" in messages[0]["text"] and slots == {"classify_answer": None}


async def test_validate_an_unclear_answer_gets_a_hint_then_counts_as_not_sure(actions):
    messages, slots = await run(actions["validate_classify_form"], answer("purple elephants", "complexity"))
    assert "couldn't tell" in messages[0]["text"] and slots["classify_misses"] == 1.0
    messages, slots = await run(actions["validate_classify_form"], answer("purple", "complexity", misses=1.0))
    assert slots["classify_interview"]["answers"] == {"complexity": "unsure"}


async def test_validate_stops_when_the_rest_cannot_change_it(actions):
    done = {"answers": {"complexity": "KPO", "expertise_required": "KPO", "customization": "KPO"}, "preset": []}
    entities = [{"entity": "choice", "value": "client_interaction:KPO"}]
    _, slots = await run(actions["validate_classify_form"],
                         answer('/inform{"choice": "client_interaction:KPO"}', "client_interaction", done, entities))
    assert slots["classify_answer"] == "done" and slots["classify_question"] is None


async def test_result_explains_each_answer_and_what_to_watch(actions):
    interview = {"answers": {"complexity": "KPO", "expertise_required": "KPO", "customization": "KPO",
                             "client_interaction": "KPO"}, "preset": []}
    messages, slots = await run(actions["action_classify_result"],
                                tracker("", slots={"classify_interview": interview}, form=False))
    text = messages[0]["text"]
    assert "Recommendation: KPO. Confidence: high (4 of 4 answers point to KPO)" in text
    assert "Complexity: High is the KPO side" in text
    assert "Collaborative Management" in text and "Strategic Risks" in text
    assert "Customization and Collaboration" in text
    assert [b["title"] for b in messages[0]["buttons"]] == ["Start again", "What is KPO?"]
    # the answers stay, for a correction right after the result; the rest of the interview is cleared
    assert "classify_interview" not in slots and slots["classify_question"] is None and slots["concept"] == "KPO"


async def test_result_for_a_bpo_process_watches_vendor_management(actions):
    interview = {"answers": {"complexity": "BPO", "expertise_required": "BPO", "customization": "BPO",
                             "client_interaction": "BPO"}, "preset": []}
    messages, _ = await run(actions["action_classify_result"], tracker("", slots={"classify_interview": interview}))
    assert "Vendor Management" in messages[0]["text"] and "Operational Risks" in messages[0]["text"]
    assert "Risk Management" in messages[0]["text"]


async def test_cancel_leaves_the_form_without_a_recommendation(actions):
    messages, _ = await run(actions["action_cancel_classification"], tracker("cancel", "cancel"))
    dispatcher = CollectingDispatcher()
    events = await actions["action_cancel_classification"].run(dispatcher, tracker("cancel", "cancel"), DOMAIN)
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
    assert "no recommendation" in messages[0]["text"]


async def test_a_typed_answer_that_also_answers_another_row_takes_it_and_says_so(actions):
    text = "day-to-day hiccups in a simple repetitive process"
    messages, slots = await run(actions["validate_classify_form"], answer(text, "risk_type"))
    interview = slots["classify_interview"]
    # "simple" says how complex the work is, and which side
    assert interview["answers"] == {"complexity": "BPO", "risk_type": "BPO"}
    assert interview["taken"] == {"complexity": "risk_type"}
    assert "also taken Complexity to be Low to Medium (the BPO side)" in messages[0]["text"]
    assert messages[0]["buttons"] == [{"title": "Correct Complexity", "payload": '/inform{"choice": "redo:complexity"}'}]
    # not asked again, and the next question is numbered by the questions the user answered
    assert slots["classify_question"] == "expertise_required"
    asked, _ = await run(actions["action_ask_classify_answer"],
                         tracker("", slots={"classify_question": "expertise_required", "classify_interview": interview}))
    assert asked[0]["text"].startswith("Question 2")


async def test_a_taken_row_can_be_corrected_and_the_result_says_where_it_came_from(actions):
    interview = {"answers": {"expertise_required": "BPO", "complexity": "BPO"}, "preset": [],
                 "taken": {"expertise_required": "complexity"}}
    redo = [{"entity": "choice", "value": "redo:expertise_required"}]
    _, slots = await run(actions["validate_classify_form"],
                         answer('/inform{"choice": "redo:expertise_required"}', "customization", interview, redo))
    assert slots["classify_question"] == "expertise_required"
    assert slots["classify_interview"] == {"answers": {"complexity": "BPO"}, "preset": [], "taken": {}}
    messages, _ = await run(actions["action_classify_result"],
                            tracker("", slots={"classify_interview": interview}, form=False))
    assert "Expertise Required: General Skills is the BPO side (from your answer on Complexity)" in messages[0]["text"]


async def test_a_typed_answer_on_one_row_only_takes_no_other(actions):
    messages, slots = await run(actions["validate_classify_form"], answer("pretty routine, anyone could do it",
                                                                         "complexity"))
    assert slots["classify_interview"]["answers"] == {"complexity": "BPO"}
    # (no other row is said to be taken; how the answer was read is said, so a misreading can be put right)
    assert [m["text"] for m in messages] == ['Noted for Complexity: "Low to Medium" (the BPO side).']


async def test_a_button_answer_is_not_repeated_back(actions):
    messages, slots = await run(actions["validate_classify_form"], answer('/inform{"choice": "complexity:KPO"}',
                                                                         "complexity", entities=CHOICE))
    assert slots["classify_interview"]["answers"] == {"complexity": "KPO"} and not messages


@pytest.mark.parametrize(("text", "row", "concept", "said"), [
    # by the number it was asked under, by its name, by a value only that row has
    ("can I change my answer to question 2? it should be general skills", "expertise_required", "BPO",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    ("hmm actually go back, complexity is medium not high", "complexity", "BPO",
     'Changed: Complexity is now "Low to Medium" (the BPO side).'),
    ("oops no I meant general skills, sorry", "expertise_required", "BPO",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    # by a word only that row has, before "question"; by the last number named
    ("actually wait, for the skills question, anyone can do it, so general", "expertise_required", "BPO",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    ("no, I didn't answer question 1. I want to change my answer to question 2 to general skills",
     "expertise_required", "BPO", 'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    ("oh wait, about the skills one - anyone with basic training can do it, so general", "expertise_required", "BPO",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    # a row taken back without a readable answer is asked again
    ("wait, I want to change question 1", "complexity", None, "I'll ask Complexity again."),
])
async def test_an_earlier_answer_taken_back_is_changed_and_the_current_question_asked_again(
        actions, text, row, concept, said):
    interview = {"answers": {"complexity": "KPO", "expertise_required": "KPO"}, "preset": [], "taken": {}}
    messages, slots = await run(actions["validate_classify_form"], answer(text, "customization", interview))
    assert [m["text"] for m in messages] == [said]
    assert slots["classify_interview"]["answers"].get(row) == concept and slots["classify_question"] == "customization"
    assert slots["classify_answer"] is None  # the question asked now is asked again, unanswered
    assert "customization" not in slots["classify_interview"]["answers"]


async def test_the_current_row_answered_with_actually_is_no_correction(actions):
    interview = {"answers": {"complexity": "KPO"}, "preset": [], "taken": {}}
    _, slots = await run(actions["validate_classify_form"], answer("actually it is very tailored", "customization",
                                                                  interview))
    assert slots["classify_interview"]["answers"] == {"complexity": "KPO", "customization": "KPO"}



async def test_an_answer_about_another_row_takes_that_row_and_asks_the_one_asked_again(actions):
    messages, slots = await run(actions["validate_classify_form"],
                                answer("standard tools, excel and our erp", "client_interaction"))
    interview = slots["classify_interview"]
    # the tools answer Technology Use; how often the client and the provider talk is not guessed from them
    assert interview["answers"] == {"technology_use": "BPO"} and "client_interaction" not in interview["answers"]
    assert slots["classify_answer"] is None and slots["classify_misses"] == 1.0
    assert "also taken Technology Use" in messages[0]["text"] and "couldn't tell" in messages[-1]["text"]


AFTER = {"answers": {"complexity": "KPO", "expertise_required": "KPO", "customization": "KPO",
                     "client_interaction": "KPO"}, "preset": [], "taken": {},
         "numbered": ["complexity", "expertise_required", "customization", "client_interaction"]}


def after_result(text, intent="inform"):
    return tracker(text, intent, slots={"classify_interview": AFTER, "topic": "classify_result"}, form=False)


@pytest.mark.parametrize(("text", "row", "said"), [
    ("can i change the complexity answer to low to medium", "complexity",
     'Changed: Complexity is now "Low to Medium" (the BPO side).'),
    ("change the expertise answer to general skills please", "expertise_required",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
    ("oops, question 2 should have been general skills", "expertise_required",
     'Changed: Expertise Required is now "General Skills" (the BPO side).'),
])
async def test_an_answer_taken_back_right_after_the_result_gives_the_result_again(live_facts, text, row, said):
    interview = InterviewAnswers(live_facts)
    dispatcher = CollectingDispatcher()
    events = interview.correct_after_result(dispatcher, after_result(text))
    slots = {e["name"]: e["value"] for e in events}
    assert slots["classify_interview"]["answers"][row] == "BPO" and slots["topic"] == "classify_result"
    assert dispatcher.messages[0]["text"] == said
    assert "Recommendation: KPO. Confidence:" in dispatcher.messages[1]["text"]
    assert "(3 of 4 answers point to KPO)" in dispatcher.messages[1]["text"]


@pytest.mark.parametrize("text", [
    "actually, what is the complexity of KPO?",  # a question that asks no change asks the document
    "what is BPO?",
    "actually, tell me more about the complexity of KPO",  # a request
    "What would change if complexity were low to medium?",
    "Is high complexity the correct reading for legal work?",
])
async def test_a_question_right_after_the_result_is_no_correction(live_facts, text):
    assert InterviewAnswers(live_facts).correct_after_result(CollectingDispatcher(), after_result(text)) is None


async def test_a_correction_after_the_result_that_cannot_be_read_asks_which_with_buttons_that_change_it(live_facts):
    interview = InterviewAnswers(live_facts)
    dispatcher = CollectingDispatcher()
    assert interview.correct_after_result(dispatcher, after_result("can I change question 1?")) == []
    assert dispatcher.messages[0]["text"] == ('To change Complexity, tell me which it is: "Low to Medium" (BPO) or '
                                              '"High" (KPO).')
    button = dispatcher.messages[0]["buttons"][0]
    assert button == {"title": "Low to Medium", "payload": '/inform{"choice": "fix:complexity:BPO"}'}
    clicked = tracker(button["payload"], entities=[{"entity": "choice", "value": "fix:complexity:BPO"}],
                      slots={"classify_interview": AFTER, "topic": "classify_result"}, form=False)
    dispatcher = CollectingDispatcher()
    events = interview.correct_after_result(dispatcher, clicked)
    assert {e["name"]: e["value"] for e in events}["classify_interview"]["answers"]["complexity"] == "BPO"
    assert "(3 of 4 answers point to KPO)" in dispatcher.messages[1]["text"]


async def test_a_value_of_one_row_typed_alone_after_the_result_changes_that_row(live_facts):
    dispatcher = CollectingDispatcher()
    events = InterviewAnswers(live_facts).correct_after_result(dispatcher, after_result("Low to Medium"))
    assert {e["name"]: e["value"] for e in events}["classify_interview"]["answers"]["complexity"] == "BPO"
    # (a value two rows have asks which: see below)


async def test_an_answer_taken_back_to_what_it_was_says_the_result_stands(live_facts):
    dispatcher = CollectingDispatcher()
    events = InterviewAnswers(live_facts).correct_after_result(
        dispatcher, after_result("can I change the complexity answer to high?"))
    assert events == [] and dispatcher.messages[0]["text"] == ('Complexity is "High" (the KPO side) already, so the '
                                                               'result stands.')


async def test_the_word_process_is_no_process_the_words_after_the_colon_are(actions):
    text = "classify a process for me please: competitor pricing analysis"
    start = text.index("process")
    entities = [{"entity": "task", "value": "process", "start": start, "end": start + len("process")}]
    messages, slots = await run(actions["action_start_classification"], tracker(text, "classify", entities, form=False))
    assert slots["task"] == "competitor pricing analysis"
    assert "Routine Tasks" not in messages[0]["text"]


def later(text, entities=()):
    """A message after the result, once something else was said (the topic is no longer the result)."""
    return tracker(text, "inform", entities, slots={"classify_interview": AFTER, "topic": "aspect"}, form=False)


async def test_a_request_to_change_an_answer_later_still_changes_it_but_a_value_alone_does_not(live_facts):
    dispatcher = CollectingDispatcher()
    events = InterviewAnswers(live_facts).correct_after_result(
        dispatcher, later("ok. can I change the skills answer to general skills?"))
    assert {e["name"]: e["value"] for e in events}["classify_interview"]["answers"]["expertise_required"] == "BPO"
    assert "(3 of 4 answers point to KPO)" in dispatcher.messages[1]["text"]
    assert InterviewAnswers(live_facts).correct_after_result(CollectingDispatcher(), later("Low to Medium")) is None


async def test_a_value_two_rows_have_typed_alone_after_the_result_asks_which_row(live_facts):
    dispatcher = CollectingDispatcher()
    interview = {**AFTER, "answers": {**AFTER["answers"], "customization": "BPO"}}
    typed = tracker("High", slots={"classify_interview": interview, "topic": "classify_result"}, form=False)
    assert InterviewAnswers(live_facts).correct_after_result(dispatcher, typed) == []
    assert dispatcher.messages[0]["text"] == 'Which answer should be "High": Complexity or Customization?'
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/inform{"choice": "fix:complexity:KPO"}', '/inform{"choice": "fix:customization:KPO"}']
