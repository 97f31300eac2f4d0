"""The report without servers: an empty store, a missing one, an older model's store, and redaction."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from bot.paths import ROOT
from bot.report.events import StoreUnreadable, Where, conversations
from bot.report.redact import private_words, redact, redact_reply
from bot.report.summary import outcome_of_text, summarise
from tests.report_store import synthetic, write_store


def run(*args):
    return subprocess.run([sys.executable, "-m", "bot.report", *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def user(text, intent, channel="rest"):
    return {"text": text, "parse_data": {"intent": {"name": intent}}, "input_channel": channel}


def test_an_empty_store_gives_an_empty_report_that_says_so(tmp_path):
    store = tmp_path / "empty.db"
    write_store(store, [])
    done = run("--db", store, "--out", tmp_path / "r.html")
    assert done.returncode == 0 and "0 conversations" in done.stdout
    assert 'id="empty"' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_missing_store_is_a_clear_error_and_bad_days_are_refused(tmp_path):
    done = run("--db", tmp_path / "none.db", "--out", tmp_path / "r.html")
    assert done.returncode == 1 and "no conversation store at" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(StoreUnreadable):
        list(conversations(Where(db=str(tmp_path / "none.db"))))
    done = run("--since", "2026-13-01")
    assert done.returncode == 2 and "not a day" in done.stderr
    done = run("--db", tmp_path / "none.db", "--since", "2026-11-02", "--until", "2026-11-01")
    assert done.returncode == 2 and "--until is before --since" in done.stderr


def test_an_older_models_store_is_read_from_the_answers_wording(tmp_path):
    """No answer records, an intent and a slot the domain no longer has, and no session start."""
    store = tmp_path / "old.db"
    day = 1_700_000_000.0
    write_store(store, [
        ("socketio:old1", "user", day, user("is KPO cheaper?", "ask_cost", "socketio")),
        ("socketio:old1", "bot", day + 1, {"text": "The document does not compare KPO and BPO on cost."}),
        ("socketio:old1", "slot", day + 1, {"name": "old_slot", "value": 3}),
        ("socketio:old1", "user", day + 60, user("what is KPO?", "define", "socketio")),
        ("socketio:old1", "bot", day + 61, {"text": "KPO stands for Knowledge Process Outsourcing."}),
        ("slack:U1", "user", day + 86_400, user("weather?", "out_of_scope", "slack")),
        ("slack:U1", "bot", day + 86_401, {"text": "Sorry, that's outside what I can help with. I only answer ..."}),
        ("slack:U1", "bot", day + 86_402, {"text": "Hi!", "metadata": {"utter_action": "utter_greet"}}),
        ("slack:U1", "weird_event", day + 86_403, {}),
    ])
    summary = summarise(conversations(Where(db=str(store))))
    assert summary.conversations == 2 and summary.messages == 3 and summary.older_answers == 3
    assert summary.intents == {"ask_cost": 1, "define": 1, "out_of_scope": 1}
    assert summary.outcomes == {"not_covered": 1, "answered": 1, "scope": 1}
    assert sorted(g.text for g in summary.gaps) == ["is KPO cheaper?", "weather?"]
    assert summary.channels == {"widget": 2, "Slack": 1} and len(summary.messages_per_day) == 2
    # a date range keeps only that day's events
    since = summarise(conversations(Where(db=str(store)), since=day + 3_600))
    assert since.messages == 1 and since.channels == {"Slack": 1}
    done = run("--db", store, "--out", tmp_path / "r.html")
    assert done.returncode == 0, done.stderr
    assert "written by an older version" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_the_wording_says_how_an_unrecorded_answer_went():
    assert outcome_of_text("The document does not say anything about figures.") == "not_covered"
    assert outcome_of_text("I'm not sure I understood. Did you mean one of these?") == "clarify"
    assert outcome_of_text("KPO stands for Knowledge Process Outsourcing.") == "answered"


@pytest.mark.parametrize(("text", "shown"), [
    ("Hi, I'm Priya Sharma, mail priya.sharma@corp.example or call 555 0134",
     "Hi, I'm [name] [name], mail [e-mail] or call ### ####"),
    ("my name is john, is payroll BPO?", "my name is [name], is payroll BPO?"),
    ("Will KPO work for us? Ask Mark Jones.", "Will KPO work for us? Ask [name] [name]."),
    ("Can BPO handle payroll for 300 staff in May?", "Can BPO handle payroll for ### staff in May?"),
    ("is the team of Sarah's KPO?", "is the team of [name]'s KPO?"),
    ("What is KPO?", "What is KPO?"),
])
def test_redaction_hides_digits_addresses_and_names(text, shown):
    assert redact(text) == shown


def test_redact_hides_the_questions_in_the_page(tmp_path):
    store = tmp_path / "s.db"
    write_store(store, [
        ("rest:x", "user", 1_700_000_000.0, user("can John Smith at 555 1234 get KPO pricing?", "define")),
        ("rest:x", "bot", 1_700_000_001.0, {"text": "The document does not say anything about pricing.",
                                            "metadata": {"answer": {"id": "a" * 16, "outcome": "not_covered"}}}),
    ])
    assert run("--db", store, "--out", tmp_path / "r.html", "--redact").returncode == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "[name] [name] at ### ####" in html and "John" not in html and "555" not in html


def test_a_large_synthetic_store_counts_every_conversation(tmp_path):
    store = tmp_path / "big.db"
    write_store(store, synthetic(400))
    summary = summarise(conversations(Where(db=str(store))))
    assert summary.conversations == 400 and summary.messages == 1200
    assert summary.classifications["started"] == 40 and summary.classifications["finished"] == 20
    assert summary.classifications["left"] == 20 and summary.gave_up_at == {"Complexity": 20}
    assert sum(summary.outcomes.values()) == 1200 and len(summary.gaps) == sum(
        summary.outcomes[k] for k in ("not_covered", "clarify", "scope"))


def form_events(sender, t, *turns):
    """Events of a guided classification as Rasa stores them: ``turns`` of (text, intent, first action, reply)."""
    rows = [(sender, "user", t, user("help me classify my process", "classify")),
            (sender, "action", t, {"name": "action_start_classification"}),
            (sender, "bot", t, {"text": "Let's work it out together.", "metadata": {"answer": {
                "id": "1" * 16, "outcome": "other", "topic": "classify"}}}),
            (sender, "action", t, {"name": "classify_form"}),
            (sender, "active_loop", t, {"name": "classify_form"}),
            (sender, "slot", t, {"name": "classify_question", "value": "complexity"})]
    for i, (text, intent, action, reply) in enumerate(turns):
        rows += [(sender, "user", t + i + 1, user(text, intent)), (sender, "action", t + i + 1, {"name": action})]
        if action == "action_cancel_classification":
            rows.append((sender, "active_loop", t + i + 1, {"name": None}))
        rows.append((sender, "bot", t + i + 1, reply))
    return rows


def test_requests_in_the_middle_of_the_interview_are_counted_as_requests(tmp_path):
    store = tmp_path / "s.db"
    write_store(store, form_events(
        "rest:f", 1_700_000_000.0,
        ("High", "inform", "classify_form", {"text": "Question 2", "metadata": {"answer": {
            "id": "2" * 16, "outcome": "other", "topic": "classify"}}}),
        ("help", "help", "action_help", {"text": "I can explain ...", "metadata": {"utter_action": "utter_help"}}),
        ("stop it", "cancel", "action_cancel_classification", {"text": "Okay, I've stopped the questions.",
                                                               "metadata": {"answer": {"id": "3" * 16,
                                                                                       "outcome": "other"}}}),
    ))
    summary = summarise(conversations(Where(db=str(store))))
    assert summary.intents == {"classify": 1, "help": 1, "cancel": 1}
    assert summary.interview_answers == 1
    assert summary.classifications == {"started": 1, "cancelled": 1} and summary.gave_up_at == {"Complexity": 1}


def test_an_answer_split_into_several_messages_counts_once(tmp_path):
    store = tmp_path / "s.db"
    record = {"answer": {"id": "4" * 16, "outcome": "answered", "topic": "compare", "document": "ab" * 32}}
    write_store(store, [("slack:U1", "user", 1_700_000_000.0, user("how do they differ?", "compare", "slack")),
                        ("slack:U1", "bot", 1_700_000_001.0, {"text": "In short ...", "metadata": record}),
                        ("slack:U1", "bot", 1_700_000_001.0, {"text": "In short ...", "metadata": record}),
                        ("slack:U1", "slot", 1_700_000_009.0, {"name": "feedback", "value": {
                            "answer": "4" * 16, "rating": "down"}})])
    summary = summarise(conversations(Where(db=str(store))))
    assert summary.documents["ab" * 32]["answers"] == 1 and summary.documents["ab" * 32]["down"] == 1
    assert [(r.question, r.rating) for r in summary.rated] == [("how do they differ?", "down")]


def test_redacted_names_reach_neither_group_names_nor_examples_and_odd_text_is_drawn(tmp_path):
    store = tmp_path / "s.db"
    gap = {"answer": {"id": "5" * 16, "outcome": "not_covered"}}
    texts = ["Can Priya Sharma explain the invoice?", "does Jennifer Lopez approve invoices?", "what about $}$?"]
    write_store(store, [row for i, text in enumerate(texts) for row in (
        (f"rest:{i}", "user", 1_700_000_000.0 + i, user(text, "define")),
        (f"rest:{i}", "bot", 1_700_000_000.5 + i, {"text": "The document does not say.", "metadata": gap}))])
    assert run("--db", store, "--out", tmp_path / "r.html", "--redact").returncode == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8").lower()
    assert "invoice" in html and not any(name in html for name in ("priya", "sharma", "jennifer", "lopez"))
    done = run("--db", store, "--out", tmp_path / "r.html")
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_an_unreadable_store_is_an_error_not_an_empty_report(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    done = run("--db", corrupt, "--out", tmp_path / "r.html")
    assert done.returncode == 1 and "cannot read the conversations" in done.stderr
    for setting, said in (({"TRACKER_DIALECT": "postgres"}, "cannot open"),
                          ({"TRACKER_DIALECT": "postgresql", "TRACKER_PORT": "abc"}, "not a port number"),
                          ({"TRACKER_DIALECT": "postgresql", "TRACKER_HOST": "127.0.0.1", "TRACKER_PORT": "9"},
                           "cannot read the conversations")):
        done = subprocess.run([sys.executable, "-m", "bot.report", "--out", str(tmp_path / "r.html")], cwd=ROOT,
                              env={**os.environ, **setting}, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_what_a_question_hides_is_hidden_where_its_answer_echoes_it():
    question = "Hi, I'm Priya Sharma (priya.sharma@acme.com, ext 4471). How long is a BPO contract?"
    assert {"priya", "sharma", "acme", "4471"} <= private_words(question)
    reply = "The document does not say anything about Priya Sharma, priya sharma acme com or ext 4471. (line 12)"
    shown = redact_reply(reply, question)
    assert "riya" not in shown.lower() and "harma" not in shown.lower() and "4471" not in shown
    assert shown.endswith("(line 12)")  # the answer's own figures stay


def test_a_partly_unsaid_question_is_a_gap_and_lists_count_as_asked(tmp_path):
    store = tmp_path / "s.db"
    t = 1_700_000_000.0
    write_store(store, [
        ("rest:p", "user", t, user("how much does a KPO provider charge per hour?", "define")),
        ("rest:p", "bot", t + 1, {"text": "The document does not say anything about figures.", "metadata": {
            "answer": {"id": "6" * 16, "outcome": "not_covered", "aside": True}}}),
        ("rest:p", "bot", t + 1, {"text": "On cost, ...", "metadata": {"answer": {
            "id": "7" * 16, "outcome": "answered", "topic": "characteristic", "characteristic": "Cost Efficiency"}}}),
        ("rest:p", "user", t + 9, user("what do they have in common?", "similarities")),
        ("rest:p", "bot", t + 10, {"text": "The document names 8 similarities", "metadata": {"answer": {
            "id": "8" * 16, "outcome": "answered", "topic": "similarities"}}}),
    ])
    summary = summarise(conversations(Where(db=str(store))))
    assert [g.text for g in summary.gaps] == ["how much does a KPO provider charge per hour?"]
    assert summary.outcomes == {"not_covered": 1, "answered": 1}
    assert summary.characteristics == {"Cost Efficiency": 1, "(all the similarities)": 1}


def test_the_same_store_gives_the_same_report(tmp_path):
    store = tmp_path / "s.db"
    write_store(store, synthetic(60))
    pages = []
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "bot.report", "--db", str(store), "--out", str(tmp_path / f"{seed}.html")],
                       cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        pages.append(re.sub(r"Generated [^.]*\.", "", (tmp_path / f"{seed}.html").read_text(encoding="utf-8")))
    assert pages[0] == pages[1]


def test_a_result_given_again_after_an_answer_taken_back_counts_once(tmp_path):
    store = tmp_path / "s.db"
    first = {"answer": {"id": "6" * 16, "outcome": "answered", "topic": "classify_result", "concept": "KPO",
                        "task": "pricing research"}}
    again = {"answer": {"id": "7" * 16, "outcome": "answered", "topic": "classify_result", "concept": "BPO",
                        "task": "pricing research"}}
    write_store(store, [("rest:a", "bot", 1_700_000_000.0, {"text": "Recommendation: KPO.", "metadata": first}),
                        ("rest:a", "user", 1_700_000_001.0,
                         user("can i change the complexity answer to low to medium", "inform")),
                        ("rest:a", "bot", 1_700_000_002.0, {"text": "Recommendation: BPO.", "metadata": again})])
    summary = summarise(conversations(Where(db=str(store))))
    assert dict(summary.classification_results) == {"BPO": 1}
    assert {k: dict(v) for k, v in summary.recommendations.items()} == {"BPO": {"pricing research": 1}}
