"""The guided classification over REST, both servers running: whole dialogues to a recommendation."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from tests.test_e2e import say, text_of

pytestmark = pytest.mark.integration


def click(servers, sender, reply, title):
    button = next(b for m in reply for b in m.get("buttons", []) if b["title"] == title)
    return say(servers, button["payload"], sender)


def test_a_kpo_like_process_by_buttons(servers):
    sender = uuid.uuid4().hex
    reply = say(servers, "help me decide whether our process is BPO or KPO", sender)
    assert "Question 1" in text_of(reply)
    for title in ("High", "Specialized Skills", "High", "More Frequent"):
        reply = click(servers, sender, reply, title)
    result = text_of(reply)
    assert "Recommendation: KPO. Confidence: high (4 of 4 answers point to KPO)" in result
    assert "Complexity: High is the KPO side" in result and "Expertise Required: Specialized Skills" in result
    assert "Collaborative Management" in result and "Strategic Risks" in result
    assert "Question 5" not in result  # decided after four answers


def test_typed_labels_degree_words_and_a_clause_bound_negation_are_read(servers):
    sender = uuid.uuid4().hex
    say(servers, "help me decide whether our process is BPO or KPO", sender)
    replies = [say(servers, text, sender) for text in
               ("HIGH", "specialized skills", "very limited, not high at all", "daily", "strategic insights")]
    assert not any("couldn't tell" in text_of(reply) for reply in replies)  # every answer was read
    result = text_of(replies[-1])
    assert "Recommendation: KPO" in result and "(4 of 5 answers point to KPO)" in result
    assert "Customization: Limited is the BPO side" in result
    assert "Client Interaction: More Frequent is the KPO side" in result


def test_an_answer_nlu_hears_as_cancel_is_taken_as_the_answer(servers):
    sender = uuid.uuid4().hex
    say(servers, "help me decide whether our process is BPO or KPO", sender)
    for text in ("High", "Specialized Skills", "Limited"):
        say(servers, text, sender)
    reply = text_of(say(servers, "nonstop", sender))  # "How often will the provider need to talk with your people?"
    assert "no recommendation" not in reply and "Question 5" in reply
    result = text_of(say(servers, "stop", sender))  # a real stop still stops
    assert "no recommendation" in result


def test_a_bpo_like_process_by_free_text_with_an_interruption(servers):
    sender = uuid.uuid4().hex
    reply = say(servers, "help me classify our invoice processing", sender)
    assert "Routine Tasks, which is the BPO side" in text_of(reply)  # pre-answered from the task
    reply = say(servers, "low to medium", sender)
    assert "Question 2" in text_of(reply)
    reply = say(servers, "wait, what does KPO mean?", sender)
    assert "KPO stands for" in text_of(reply) and "Question 2" in text_of(reply)  # resumes the same question
    for text in ("general skills", "limited"):
        reply = say(servers, text, sender)
    result = text_of(reply)
    assert "For invoice processing: Recommendation: BPO" in result
    assert "Definition: Routine Tasks is the BPO side (from your description)" in result
    assert "Vendor Management" in result and "Operational Risks" in result


def test_cancel_gives_no_recommendation_and_the_assistant_goes_on(servers):
    sender = uuid.uuid4().hex
    say(servers, "ask me questions to decide bpo or kpo", sender)
    reply = say(servers, "cancel", sender)
    assert "no recommendation" in text_of(reply) and "Recommendation:" not in text_of(reply)
    assert "Moderate to High" in text_of(say(servers, "how scalable is kpo", sender))


def test_the_unsettled_recommendation_offers_the_interview(servers):
    sender = uuid.uuid4().hex
    reply = say(servers, "watering the office plants: bpo or kpo?", sender)
    assert "does not settle" in text_of(reply)
    reply = click(servers, sender, reply, "Answer a few questions")
    assert "We're classifying: watering the office plants" in text_of(reply)
    assert json.loads(reply[-1]["buttons"][0]["payload"][len("/inform"):])["choice"].startswith("complexity:")


def test_yes_accepts_the_offer_and_keeps_the_task(servers):
    sender = uuid.uuid4().hex
    offer = text_of(say(servers, "bpo or kpo for walking the office dog?", sender))
    task = re.search(r"does not settle whether (.+) is BPO or KPO", offer).group(1)
    reply = text_of(say(servers, "yes", sender))
    assert f"We're classifying: {task}." in reply and "Question 1" in reply
    assert "no recommendation" in text_of(say(servers, "cancel", sender))


def test_yes_without_an_offer_just_moves_on(servers):
    sender = uuid.uuid4().hex
    say(servers, "what is kpo", sender)
    reply = text_of(say(servers, "yes", sender))
    assert "What else would you like to know" in reply and "Question" not in reply


def test_one_typed_answer_that_names_another_row_answers_both(servers):
    sender = uuid.uuid4().hex
    say(servers, "help me decide whether our process is BPO or KPO", sender)
    reply = say(servers, "fairly hard work, and we talk to the client constantly", sender)  # on Complexity
    text = text_of(reply)
    assert "also taken Client Interaction to be More Frequent (the KPO side)" in text
    assert any(b["title"] == "Correct Client Interaction" for m in reply for b in m.get("buttons", []))
    assert "Question 2" in text
    for answer in ("specialized skills", "high"):
        reply = say(servers, answer, sender)
    result = text_of(reply)  # four one-sided answers decide it: Client Interaction was not asked again
    assert "Recommendation: KPO" in result
    assert "Client Interaction: More Frequent is the KPO side (from your answer on Complexity)" in result


def test_what_do_you_mean_explains_the_question_and_an_earlier_answer_can_be_taken_back(servers):
    sender = uuid.uuid4().hex
    say(servers, "help me decide whether our process is BPO or KPO", sender)
    reply = text_of(say(servers, "what do you mean?", sender))  # on Complexity
    assert "This question is about Complexity" in reply and "Question 1" in reply  # then the same question again
    reply = text_of(say(servers, "pretty complex, honestly", sender))
    assert 'Noted for Complexity: "High" (the KPO side).' in reply and "Question 2" in reply
    reply = text_of(say(servers, "hmm actually go back, complexity is medium not high", sender))
    assert 'Changed: Complexity is now "Low to Medium" (the BPO side).' in reply and "Question 2" in reply
    for answer in ("general skills", "limited", "rarely"):
        reply = say(servers, answer, sender)
    result = text_of(reply)
    assert "Recommendation: BPO" in result and "Complexity: Low to Medium is the BPO side" in result


def test_an_answer_taken_back_right_after_the_result_gives_the_result_again(servers):
    sender = uuid.uuid4().hex
    reply = say(servers, "help me decide whether our process is BPO or KPO", sender)
    for title in ("High", "Specialized Skills", "High", "More Frequent"):
        reply = click(servers, sender, reply, title)
    assert "Recommendation: KPO. Confidence: high (4 of 4 answers point to KPO)" in text_of(reply)
    reply = text_of(say(servers, "can i change the complexity answer to low to medium", sender))
    assert 'Changed: Complexity is now "Low to Medium" (the BPO side).' in reply
    assert "(3 of 4 answers point to KPO)" in reply and "Complexity: Low to Medium is the BPO side" in reply
    # and a question after it is answered from the document as before
    assert "KPO stands for" in text_of(say(servers, "what is KPO?", sender))
