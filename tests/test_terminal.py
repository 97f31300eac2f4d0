"""The command-line chat's loop against the real servers: the terminal's channel and layout."""

from __future__ import annotations

import pytest
from rasa.core.channels import console

from bot.launch import chat

pytestmark = pytest.mark.integration


async def test_the_chat_posts_to_the_terminal_channel_and_shows_aligned_text(webchat_servers, monkeypatch, capsys):
    typed = iter(["how do bpo and kpo differ", "help me decide whether our process is BPO or KPO", "/stop"])
    shown = []  # the message each prompt was given (Rasa's helper prints it and offers its buttons)

    async def prompt(previous):
        shown.append(previous)
        return next(typed)

    monkeypatch.setattr(console, "_get_user_input", prompt)
    await chat.chat(f"{webchat_servers.url}/webhooks/terminal/webhook", "tester1")
    printed = capsys.readouterr().out  # (the table is printed; what each is, after it, waits as the prompt)
    comparison, question = shown[1], shown[2]
    assert comparison["recipient_id"] == "terminal:tester1"
    assert comparison["text"].startswith("What each is, in the document's words:")
    lines = printed.splitlines()
    header = next(line for line in lines if line.startswith("Aspect"))
    row = next(line for line in lines if line.startswith("Complexity"))
    assert header.index("KPO") == row.index("High")
    assert [b["title"] for b in question["buttons"]][-1] == "Not sure"
    assert "Question 1" in printed + capsys.readouterr().out + question["text"]
