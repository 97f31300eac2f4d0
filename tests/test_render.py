"""One answer, laid out for each channel: the same content in the form each shows best."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import build_actions
from bot import render
from bot.answering.answer import Answer
from bot.facts.model import Part, Place

ANSWER = Answer(
    "They differ on 2 rows <b>& more</b>:",
    sources=(Place(Part.TABLE, heading="Key differences"), Place(Part.ROW, heading="Key differences",
                                                              names=("Complexity",), line=53)),
    table=[["Aspect", "BPO", "KPO"], ["Complexity", "Low to Medium", "High"], ["Risk Type", "Operational", "Strategic"]],
    items=["first <i>point</i>", "second"],
    buttons=[{"title": "What is KPO?", "payload": '/define{"concept": "KPO"}'}],
)


def test_rest_and_terminal_get_aligned_text_and_buttons():
    for channel in (render.REST, render.TERMINAL, None, "some_other_channel"):
        [message] = render.messages(ANSWER, channel)
        assert message["buttons"] == ANSWER.buttons
        lines = message["text"].splitlines()
        assert lines[0] == ANSWER.text
        assert "- first <i>point</i>" in lines
        header = next(line for line in lines if line.startswith("Aspect"))
        row = next(line for line in lines if line.startswith("Complexity"))
        assert header.index("KPO") == row.index("High")  # columns line up
        assert lines[-1] == render.source(ANSWER)


def test_the_widget_gets_one_structured_payload_under_data_and_markdown_for_other_widgets():
    [message] = render.messages(ANSWER, render.WEBCHAT)
    # Rasa's socket.io output passes the custom payload's keys to emit(): only "data" may be there
    assert list(message["json_message"]) == ["data"]
    assert message["buttons"] == ANSWER.buttons
    assert message["text"].split("\n\n") == [
        "They differ on 2 rows <b>& more</b>:\n- first <i>point</i>\n- second",
        "- **Complexity**: BPO: Low to Medium; KPO: High\n- **Risk Type**: BPO: Operational; KPO: Strategic",
        render.source(ANSWER)]
    payload = message["json_message"]["data"]
    assert payload["text"] == ANSWER.text  # escaped by the widget, not here
    assert payload["quick_replies"] == [
        {"content_type": "text", "title": "What is KPO?", "payload": '/define{"concept": "KPO"}'}]
    assert payload["table"] == ANSWER.table and payload["items"] == ANSWER.items
    assert payload["source"] == render.source(ANSWER)


def test_the_source_line_cites_each_place_once_in_words():
    assert render.source(ANSWER) == "Source: Key differences (table); Key differences, row Complexity (line 53)."
    doubled = Answer("x", sources=ANSWER.sources * 2)
    assert render.source(doubled) == render.source(ANSWER)
    assert render.source(Answer("x")) == ""


def test_the_widget_payload_leaves_out_what_an_answer_lacks():
    [message] = render.messages(Answer("Just text."), render.WEBCHAT)
    assert message == {"text": "Just text.", "buttons": None, "json_message": {"data": {"text": "Just text."}}}


def test_slack_gets_blocks_with_escaped_mrkdwn_a_section_per_row_and_buttons():
    [message] = render.messages(ANSWER, render.SLACK)
    payload = message["json_message"]
    assert payload["text"] == ANSWER.text  # the notification fallback
    blocks = payload["blocks"]
    assert blocks[0]["text"] == {"type": "mrkdwn", "text": "They differ on 2 rows &lt;b&gt;&amp; more&lt;/b&gt;:"}
    assert blocks[1]["text"]["text"] == "• first &lt;i&gt;point&lt;/i&gt;\n• second"
    rows = [block for block in blocks if block.get("fields")]
    assert [row["text"]["text"] for row in rows] == ["*Complexity*", "*Risk Type*"]
    assert [field["text"] for field in rows[0]["fields"]] == ["*BPO*\nLow to Medium", "*KPO*\nHigh"]
    [context] = [block for block in blocks if block["type"] == "context"]
    assert context["elements"][0]["text"] == f"_{render.source(ANSWER)}_"
    [actions] = [block for block in blocks if block["type"] == "actions"]
    assert actions["elements"] == [{"type": "button", "action_id": "choice_0", "value": '/define{"concept": "KPO"}',
                                    "text": {"type": "plain_text", "text": "What is KPO?", "emoji": True}}]
    assert blocks[-1] is actions


def test_a_long_slack_answer_is_split_within_blocks_limits_with_the_buttons_last():
    many = Answer("Rows:", table=[["Aspect", "A", "B"]] + [[f"Row {i}", "x" * 2500, "y"] for i in range(70)],
                  buttons=[{"title": "t" * 100, "payload": "/p"}])
    payloads = render.slack_payloads(many)
    assert len(payloads) == 2
    assert all(len(p["blocks"]) <= render.SLACK_MAX_BLOCKS for p in payloads)
    assert sum(len(p["blocks"]) for p in payloads) == 1 + 70 + 1
    assert payloads[-1]["blocks"][-1]["type"] == "actions"
    button = payloads[-1]["blocks"][-1]["elements"][0]
    assert len(button["text"]["text"]) == render.SLACK_MAX_BUTTON_TITLE
    field = payloads[0]["blocks"][1]["fields"][0]["text"]
    assert len(field) == render.SLACK_MAX_FIELD and field.endswith("…")


@pytest.mark.parametrize("channel, key", [
    ("socketio", "custom"), ("slack", "custom"), ("rest", "text"), ("terminal", "text"), (None, "text")])
async def test_the_actions_render_for_the_channel_the_user_wrote_in(live_facts, channel, key):
    action = {a.name(): a for a in build_actions(live_facts)}["action_compare"]
    message = {"text": "how do bpo and kpo differ", "intent": {"name": "compare", "confidence": 0.9},
               "entities": [], "intent_ranking": [{"name": "compare", "confidence": 0.9}]}
    events = [{"event": "user", "text": message["text"], "input_channel": channel}] if channel else []
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, Tracker("t", {}, message, events, False, None, {}, "action_listen"), {})
    # (the table, then what each is in the document's words)
    sent, told = dispatcher.messages
    assert sent[key] and "Unlike Business Process Outsourcing (BPO)" in str(told)
    flat = str(sent)
    assert "Low to Medium" in flat and "Strategic Risks" in flat  # the same content in every form
