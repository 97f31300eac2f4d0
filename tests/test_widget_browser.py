"""The intranet widget in a real browser: Debian's chromium, headless, driven by Playwright.

The demo page is loaded from the real servers (``/webchat/``), so these tests go
through the widget, socket.io-client's bundle from npm, Rasa's socket.io channel,
the model, the action server and the fact store. ``make test`` installs chromium
(``make browser``). A screenshot of a finished conversation is saved to
``test-results/``.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from bot.launch.servers import free_port
from bot.paths import ROOT

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium as root in a sandbox with no network: no sandbox, GPU, or calls home.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-results"
REPLY = 30_000  # ms: one turn, including the model on a cold server


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "the browser tests need Debian's chromium: run `make browser`"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    yield opened
    context.close()


def widget(page: Page):
    """The widget's shadow root (Playwright's CSS locators pierce open shadow roots)."""
    return page.locator("#bpo-kpo-chat")


def answers(page: Page):
    return widget(page).locator(".msg.bot:not(.greeting)")


def ask(page: Page, text: str) -> None:
    """Type ``text`` and send it with Enter; wait until the widget has sent it."""
    box = widget(page).get_by_label("Message")
    box.fill(text)
    box.press("Enter")
    expect(widget(page).locator(".msg.user").last).to_have_text(text)


def open_demo(page: Page, url: str) -> None:
    page.goto(f"{url}/webchat/")
    expect(widget(page).get_by_role("dialog")).to_be_visible()


def test_a_question_gets_the_answer_from_the_document(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    typing = widget(page).locator(".typing")
    expect(typing).to_be_hidden()
    ask(page, "how scalable is KPO?")
    expect(typing).to_be_visible()  # from sending until a moment after the reply
    expect(answers(page).last).to_contain_text("Moderate to High", timeout=REPLY)
    expect(answers(page).last.locator(".source")).to_have_count(1)
    expect(typing).to_be_hidden()


def test_a_comparison_is_an_html_table_and_lists_are_lists(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    ask(page, "how do BPO and KPO differ?")
    table = answers(page).locator("table").last
    expect(table).to_be_visible(timeout=REPLY)
    row = table.locator("tr", has=page.locator("th[scope=row]", has_text="Complexity"))
    expect(row.locator("td")).to_have_text(["Low to Medium", "High"])
    ask(page, "what do BPO and KPO have in common?")
    expect(answers(page).last.locator("ul li")).to_have_count(8, timeout=REPLY)


def test_the_guided_classification_by_clicking_to_a_recommendation(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    ask(page, "help me decide whether our process is BPO or KPO")
    for choice in ("High", "Specialized Skills", "High", "More Frequent"):
        chip = widget(page).locator(".chips button:not([disabled])", has_text=re.compile(f"^{choice}$"))
        expect(chip).to_have_count(1, timeout=REPLY)
        chip.click()
        expect(widget(page).locator(".msg.user").last).to_have_text(choice)
    result = answers(page).filter(has_text="Recommendation: KPO")
    expect(result).to_have_count(1, timeout=REPLY)
    expect(result).to_contain_text("4 of 4 answers point to KPO")
    expect(widget(page).locator(".typing")).to_be_hidden(timeout=5_000)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "widget-guided-classification.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_a_reload_keeps_the_conversation_and_its_context(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    ask(page, "what is KPO?")
    expect(answers(page).last).to_contain_text("KPO stands for", timeout=REPLY)
    before = widget(page).locator(".msg").all_text_contents()
    page.reload()
    expect(widget(page).locator(".msg")).to_have_text(before)
    ask(page, "and BPO?")  # a follow-up: the server kept the session's context
    expect(answers(page).last).to_contain_text("BPO stands for", timeout=REPLY)


def test_markup_from_the_user_is_shown_as_text_never_run(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    attack = '<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2"><b>bold</b>'
    ask(page, attack)
    expect(answers(page)).to_have_count(1, timeout=REPLY)
    assert page.evaluate("window.hacked") is None
    log = widget(page).get_by_role("log")
    expect(log.locator("script, img, b")).to_have_count(0)
    expect(widget(page).locator(".msg.user").last).to_have_text(attack)


def test_usable_by_keyboard_alone_and_labelled_for_screen_readers(page, webchat_servers):
    page.goto(f"{webchat_servers.url}/webchat/")
    launcher = widget(page).get_by_role("button", name="Open the BPO/KPO assistant")
    dialog = widget(page).get_by_role("dialog", name="BPO/KPO assistant")
    page.keyboard.press("Escape")  # the demo opens it; start closed
    expect(dialog).to_be_hidden()
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(widget(page).get_by_label("Message")).to_be_focused()
    page.keyboard.type("what is BPO?")
    page.keyboard.press("Enter")
    expect(widget(page).get_by_role("log")).to_contain_text("BPO stands for", timeout=REPLY)
    expect(widget(page).get_by_role("log")).to_have_attribute("aria-live", "polite")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(launcher).to_be_focused()


def test_on_a_phone_the_chat_fills_the_screen(browser, webchat_servers):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        open_demo(phone, webchat_servers.url)
        box = widget(phone).get_by_role("dialog").bounding_box()
        assert box["width"] >= 389 and box["height"] >= 800
        ask(phone, "how do BPO and KPO differ?")
        table = answers(phone).locator(".table-wrap").last
        expect(table).to_contain_text("Collaborative Management", timeout=REPLY)
        scroll, client = table.evaluate("wrap => [wrap.scrollWidth, wrap.clientWidth]")
        assert scroll <= client  # the three columns fit a phone's width
    finally:
        context.close()


HTML = "text/html; charset=utf-8"


@contextmanager
def page_server(origin: str, files: dict[str, tuple[bytes, str]], default: tuple[bytes, str] | None = None):
    """A web server at ``origin`` (loopback) serving ``files`` (path -> body, content type), else ``default`` or a 404."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name BaseHTTPRequestHandler calls
            body, kind = files.get(self.path) or default or (b"", "text/plain")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    host, port = origin.removeprefix("http://").split(":")
    httpd = ThreadingHTTPServer((host, int(port)), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def intranet(origin: str, server: str):
    """A page server at ``origin`` (loopback) whose page embeds the widget from ``server``."""
    page = (f'<!doctype html><html><head><title>Intranet</title></head><body><h1>Team page</h1>'
            f'<script src="{server}/webchat/widget.js" defer></script></body></html>').encode()
    with page_server(origin, {}, default=(page, HTML)):
        yield f"{origin}/team.html"


def open_intranet_page(page: Page, url: str) -> None:
    page.goto(url)
    widget(page).get_by_role("button", name="Open the BPO/KPO assistant").click()


def test_a_page_on_a_configured_intranet_origin_can_use_the_widget(page, webchat_servers):
    with intranet(webchat_servers.allowed_origin, webchat_servers.url) as url:
        open_intranet_page(page, url)
        ask(page, "what is BPO?")
        expect(answers(page).last).to_contain_text("BPO stands for", timeout=REPLY)


def test_a_page_on_another_origin_is_refused_and_told_why(page, webchat_servers):
    origin = f"http://127.0.0.1:{free_port()}"
    with intranet(origin, webchat_servers.url) as url:
        open_intranet_page(page, url)
        expect(widget(page).locator(".status")).to_have_text(
            f"This page is not allowed to use the assistant. Ask its administrators to allow {origin}.",
            timeout=15_000)


def test_a_stopped_server_gives_the_unreachable_notice_then_it_reconnects(page, webchat_servers):
    open_demo(page, webchat_servers.url)
    ask(page, "what is KPO?")
    expect(answers(page).last).to_contain_text("KPO stands for", timeout=REPLY)
    status = widget(page).locator(".status")
    try:
        webchat_servers.halt("rasa")  # the session's Rasa server, started again below on the same port and store
        expect(status).to_contain_text("Can't reach the assistant", timeout=15_000)
        ask(page, "and BPO?")  # said while the server is down: kept, and sent once it is back
    finally:
        webchat_servers.restart("rasa")
    expect(status).to_be_hidden(timeout=REPLY)
    expect(answers(page).last).to_contain_text("BPO stands for", timeout=REPLY)


RASA_WEBCHAT = ROOT / "build" / "rasa-webchat" / "index.js"


@contextmanager
def rasa_webchat_page(origin: str, server: str):
    """A page server at ``origin`` with rasa-webchat (npm, ``make rasa-webchat``) set up as its README says."""
    assert RASA_WEBCHAT.is_file(), "the standard widget is fetched by `make rasa-webchat`"
    page = (f'<!doctype html><html><head><title>Standard widget</title></head><body>'
            f'<script src="/rasa-webchat.js"></script>'
            f'<script>WebChat.default({{initPayload: "/get_started", socketUrl: "{server}", '
            f'socketPath: "/socket.io/", title: "Standard Rasa widget", embedded: true, '
            f'params: {{storage: "session"}}}}, null);</script></body></html>').encode()
    files = {"/": (page, HTML), "/rasa-webchat.js": (RASA_WEBCHAT.read_bytes(), "text/javascript; charset=utf-8")}
    with page_server(origin, files):
        yield f"{origin}/"


def test_a_standard_rasa_widget_shows_the_answers_and_their_buttons(page, webchat_servers):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with rasa_webchat_page(webchat_servers.allowed_origin, webchat_servers.url) as url:
        page.goto(url)
        responses = page.locator(".rw-response")
        expect(responses.first).to_contain_text("Hi! I answer questions about BPO and KPO", timeout=REPLY)  # /get_started
        box = page.locator(".rw-new-message")
        box.fill("how scalable is KPO?")
        box.press("Enter")
        expect(responses.filter(has_text="Moderate to High")).to_have_count(1, timeout=REPLY)
        box.fill("help me decide whether our process is BPO or KPO")
        box.press("Enter")
        replies = page.locator(".rw-replies .rw-reply")
        expect(replies.last).to_have_text("Not sure", timeout=REPLY)
        expect(replies.first).to_have_text("Low to Medium")
        replies.first.click()  # a button's payload continues the interview
        expect(responses.filter(has_text="Question 2")).to_have_count(1, timeout=REPLY)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "rasa-webchat-standard-widget.png"))
    assert errors == []
