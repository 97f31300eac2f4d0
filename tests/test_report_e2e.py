"""The report on the conversations, from a store filled through the real channels.

The session's servers are filled over REST with questions of every kind, unanswerable ones, a
guided classification finished and one cancelled, and ratings; the widget in Chromium rates an
answer with its thumbs. The conversations of this module alone (the store's events from its first
message on, in a copy of the store) are what ``python -m bot.report`` then reads; its counts,
groups and HTML are checked; the page opens in Chromium with no script error, and a screenshot is
saved to ``test-results/``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect, sync_playwright

from bot.paths import ROOT
from bot.report.events import Where, conversations
from bot.report.summary import summarise
from tests.test_widget_browser import ARTIFACTS, CHROMIUM, FLAGS, REPLY, answers, ask, open_demo, widget

pytestmark = pytest.mark.integration

CLASSIFY = "help me decide whether our process is BPO or KPO"
#: Two wordings of one gap, one of another, and an off-topic message.
UNANSWERED = ["how is confidential client data protected in KPO?", "what about confidential data and security in BPO?"]


def post(url: str, body: object) -> tuple[int, object]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


class Filled:
    """The servers, what was sent, and where the store is.

    Senders are named for this run ("asker-1a2b3c4d"): a sender the session's other tests used
    would continue their conversation rather than start one of its own.
    """

    def __init__(self, servers) -> None:
        self.servers = servers
        self.rest = f"{servers.url}/webhooks/rest"
        self.run = f"{time.time_ns():x}"[-8:]

    def sender(self, name: str) -> str:
        return f"{name}-{self.run}"

    def say(self, sender: str, text: str) -> list[dict]:
        status, reply = post(f"{self.rest}/webhook", {"sender": self.sender(sender), "message": text})
        assert status == 200, reply
        return reply

    def click(self, sender: str, reply: list[dict], title: str) -> list[dict]:
        button = next(b for m in reply for b in m.get("buttons", []) if b["title"] == title)
        return self.say(sender, button["payload"])

    def rate(self, sender: str, answer: str, rating: str) -> tuple[int, object]:
        return post(f"{self.rest}/feedback", {"sender": self.sender(sender), "answer": answer, "rating": rating})


def events_since(store, since: float, copy) -> None:
    """A copy of a conversation store with the events from ``since`` on (tests run one at a time: this module's)."""
    source, target = sqlite3.connect(store), sqlite3.connect(copy)
    try:
        source.backup(target)
        target.execute("DELETE FROM events WHERE timestamp < ?", (since,))
        target.commit()
    finally:
        source.close()
        target.close()


@pytest.fixture(scope="module")
def filled(webchat_servers, tmp_path_factory):
    servers = webchat_servers
    since = time.time()
    run = Filled(servers)
    run.feedback = {}
    # questions of every kind, one person
    reply = run.say("asker", "what is KPO?")
    run.feedback["define"] = run.rate("asker", reply[0]["answer_id"], "up")
    run.say("asker", "how scalable is BPO?")
    run.say("asker", "and KPO?")
    run.say("asker", "what do BPO and KPO have in common?")
    reply = run.say("asker", "payroll: BPO or KPO?")
    run.feedback["recommend"] = run.rate("asker", reply[0]["answer_id"], "down")
    run.feedback["again"] = run.rate("asker", reply[0]["answer_id"], "up")  # changed their mind: the last counts
    run.feedback["wrong conversation"] = run.rate("someone else", reply[0]["answer_id"], "up")
    run.feedback["no rating"] = run.rate("asker", reply[0]["answer_id"], "sideways")
    # what the document does not answer
    for text in UNANSWERED:
        run.say("gaps", text)
    run.weather = run.say("gaps", "what's the weather in Paris tomorrow?")
    # a classification finished, one cancelled at its third question
    reply = run.say("finisher", CLASSIFY)
    run.interview = reply
    for title in ("High", "Specialized Skills", "High", "More Frequent"):
        reply = run.click("finisher", reply, title)
    run.result = reply
    reply = run.say("canceller", CLASSIFY)
    for title in ("Low to Medium", "General Skills"):
        reply = run.click("canceller", reply, title)
    run.cancelled = run.say("canceller", "cancel")
    # an empty message, answered by the guard and stored all the same
    run.say("asker", "   ")
    # an answer of an earlier session (here: before a restart) can still be rated
    reply = run.say("restarter", "what are examples of KPO?")
    run.say("restarter", "/restart")
    run.feedback["earlier session"] = run.rate("restarter", reply[0]["answer_id"], "up")
    # the widget: an answer rated with its thumbs
    assert CHROMIUM.exists(), "the browser tests need Debian's chromium: run `make browser`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        open_demo(page, servers.url)
        ask(page, "what is BPO?")
        expect(answers(page).last).to_contain_text("BPO stands for", timeout=REPLY)
        widget(page).get_by_role("button", name="Not helpful").last.click()
        expect(answers(page).last.locator(".rating .thanks")).to_have_text("Thanks for the feedback",
                                                                           timeout=REPLY)
        expect(widget(page).get_by_role("button", name="Not helpful").last).to_have_attribute(
            "aria-pressed", "true")
        page.reload()  # the rating is kept in the browser too
        expect(widget(page).get_by_role("button", name="Not helpful").last).to_have_attribute("aria-disabled", "true")
        expect(widget(page).get_by_role("button", name="Not helpful").last).to_have_attribute("aria-pressed", "true")
        browser.close()
    run.store = tmp_path_factory.mktemp("report") / "tracker.db"
    events_since(servers.tracker_db, since, run.store)
    yield run


@pytest.fixture(scope="module")
def report(filled, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    done = subprocess.run([sys.executable, "-m", "bot.report", "--db", str(filled.store), "--out", str(out)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return out, done.stdout, summarise(conversations(Where(db=str(filled.store))))


def test_feedback_is_kept_only_for_the_conversations_own_answers(filled):
    assert filled.feedback["define"] == (200, {"status": "ok"})
    assert filled.feedback["recommend"][0] == 200 and filled.feedback["again"][0] == 200
    status, body = filled.feedback["wrong conversation"]
    assert status == 404 and "no answer" in body["error"]
    status, body = filled.feedback["no rating"]
    assert status == 400 and "rating" in body["error"]
    assert filled.feedback["earlier session"] == (200, {"status": "ok"})


def test_only_answers_from_the_document_can_be_rated(filled):
    # the notice before the scope reply is an aside, the interview's intro and question are no answers
    notice, scope = filled.weather
    assert notice["text"].startswith("The document does not say anything about") and "answer_id" not in notice
    assert "answer_id" in scope
    assert filled.interview and not any("answer_id" in m for m in filled.interview)
    assert "answer_id" in filled.result[0]  # the recommendation at the end is one


def test_the_report_counts_conversations_messages_and_intents(report):
    out, printed, summary = report
    assert "7 conversations" in printed and out.exists()
    # the widget's session, asker, gaps, finisher, canceller, and restarter's two (a restart starts a new session)
    assert summary.conversations == 7 and summary.senders == 6
    assert summary.channels["widget"] == 1
    assert summary.refused["empty"] == 1
    assert summary.intents["define"] >= 2 and summary.intents["similarities"] == 1
    assert summary.rows["Scalability"] == 2  # "how scalable is BPO?" and its follow-up "and KPO?"
    assert sum(summary.messages_per_day[summary.last_day].values()) == summary.messages


def test_the_gaps_are_grouped_by_what_they_were_about(report):
    _, _, summary = report
    from bot.report.gaps import group

    groups = group(summary.gaps)
    confidential = next(g for g in groups if "confidential" in g.name)
    assert confidential.count == 2 and set(confidential.examples) == set(UNANSWERED)
    weather = next(g for g in groups if "weather" in g.name)
    assert weather.count == 1 and weather.outcomes["scope"] + weather.outcomes["not_covered"] == 1


def test_recommendations_classifications_and_where_people_stopped(filled, report):
    _, _, summary = report
    assert "Recommendation: KPO" in filled.result[0]["text"]
    assert summary.recommendations["BPO"]["payroll"] == 1
    assert summary.classifications["started"] == 2
    assert summary.classifications["finished"] == 1 and summary.classifications["cancelled"] == 1
    assert summary.gave_up_at == {"Customization": 1}
    assert summary.classification_results["KPO"] == 1


def test_ratings_and_document_versions(report):
    _, _, summary = report
    # define up, payroll down then up (the last counts), examples up after a restart, the widget's down
    assert summary.ratings == {"up": 3, "down": 1}
    payroll = next(r for r in summary.rated if r.question == "payroll: BPO or KPO?")
    assert payroll.rating == "up" and payroll.topic == "recommend"
    (sha, document), = summary.documents.items()
    assert len(sha) == 64 and document["up"] == 3 and document["down"] == 1
    assert document["answers"] >= 10


def test_the_page_shows_it_and_opens_in_chromium_without_errors(report):
    out, _, summary = report
    html = out.read_text(encoding="utf-8")
    assert 'id="count-conversations">7<' in html
    assert re.search(r'id="classify-cancelled">1<', html)
    assert "how is confidential client data protected in KPO?" in html
    assert not re.search(r"(?:src|href)=\"(?!#)", html) and "<script" not in html  # self-contained, nothing to load
    assert "asker" not in html and "canceller" not in html and "restarter" not in html  # no sender ids
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("request", lambda request: errors.append(request.url) if not request.url.startswith("file:") else None)
        page.goto(out.as_uri())
        expect(page.locator("#gap-groups tr.gap").first).to_be_visible()
        expect(page.locator("svg[role=img]")).to_have_count(5)  # per day, intents, outcomes, gaps, stopped at
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert not errors
    assert shot.stat().st_size > 20_000
