"""The assistant over REST, both servers running: real questions, facts from the document.

Uses the session's servers (``servers`` in tests/conftest.py): the action
server and Rasa on free loopback ports with the trained model (`make test` trains
it when stale), every channel, and a fresh tracker store.
"""

from __future__ import annotations

import json
import sqlite3
import urllib.request
import uuid

import pytest

pytestmark = pytest.mark.integration


def say(servers, text, sender=None):
    body = json.dumps({"sender": sender or uuid.uuid4().hex, "message": text}).encode()
    request = urllib.request.Request(servers.webhook, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        return json.load(reply)


def text_of(messages):
    return "\n".join(m.get("text", "") for m in messages)


# (question, every phrase the answer must contain; a tuple: any one of its phrases)
QUESTIONS = [
    ("what is bpo", ["BPO stands for Business Process Outsourcing", "contracting out specific business processes"]),
    ("whats kpo", ["KPO stands for Knowledge Process Outsourcing"]),
    ("explain knowledge process outsourcing to me", ["high-value, knowledge-based processes"]),
    ("what does BPO stand for", ["Business Process Outsourcing"]),
    # a topic that is no row of the table: the document's sentences on it, or that it does not cover it
    ("what are the strengths of bpo", ["On benefits, these are the characteristics the document gives BPO",
                                      "One of the main drivers for BPO is cost reduction"]),
    ("any drawbacks to kpo?", ["On drawbacks and risks", "Strategic Risks"]),
    ("can a bpo provider work nights and weekends?", ["On working hours", "round-the-clock"]),
    ("how is confidential information protected in kpo?", ["does not cover security and confidentiality for KPO"]),
    # misspelled full names (rapidfuzz over the store's names)
    ("knowledg processs outsorcing", ["KPO stands for Knowledge Process Outsourcing"]),
    ("what is busines procces outsourcng", ["BPO stands for Business Process Outsourcing"]),
    ("how scalable is knowledg processs outsorcing", ["KPO's scalability is Moderate to High"]),
    # misspelled words, and names the document never uses
    ("kpo emplyees qualifcations", ["On the people who do the work", "advanced degrees, certifications"]),
    ("is Teleperformance a good BPO company?", ["The document does not say anything about Teleperformance."]),
    # a misspelled process name, read as the document's words and said so
    ("is markt reserch kpo?", ['(Reading "markt reserch" as "market research".) Yes: market research is one of the '
                               "document's examples of KPO"]),
    # a question NLU may take for thanks ("than the"), answered from the document
    ("is it cheaper to outsource payroll than the AP work?", ["cost"]),
    # a remark, then the question: what the concept heard means
    ("my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol",
     ["KPO stands for Knowledge Process Outsourcing"]),
    ("We advise multinational companies on tax structuring across jurisdictions. Our staff are chartered accountants "
     "and tax lawyers with years of experience, and every engagement is custom. How would you label this?",
     ["KPO fits tax structuring across jurisdictions"]),
    # tasks in running prose, with the kinds of work the document's examples stand for
    ("we do freight booking for a logistics firm, which is it?", ["BPO fits freight booking", "Routine Tasks"]),
    ("my firm does pharmacovigilance signal assessment for drug safety teams, is that KPO?",
     ["KPO fits pharmacovigilance signal assessment", "data analysis"]),
    ("would outsourcing post-merger integration planning be KPO?", ["KPO fits post-merger integration planning"]),
    ("what is nearshore", ["nearshore, where services are delivered from a nearby country"]),
    ("what does offshore mean", ["offshore, where services are provided from another country"]),
    ("list the characteristics of kpo", ["High-Level Expertise", "Talent-Intensive", "Focus on Value Addition"]),
    ("what are the characteristics of bpo", ["Cost Efficiency", "Global Reach and 24/7 Operations"]),
    ("why is kpo talent intensive", ["advanced degrees, certifications, and extensive industry experience"]),
    ("tell me about bpo global reach", ["multiple time zones"]),
    ("how does kpo handle customization and collaboration", ["customized to meet the specific needs"]),
    ("what's the difference between bpo and kpo", ["Routine Tasks", "Knowledge-Based Tasks", "Vendor Management"]),
    ("bpo vs kpo", ["Low to Medium", "Strategic Risks"]),
    ("how scalable is kpo", ["Moderate to High"]),
    ("how complex is bpo work", ["Low to Medium"]),
    # (the row asked by an everyday word for it, not the scaling "demand" would name)
    ("How demanding is KPO work compared to BPO?", ["Complexity: BPO: Low to Medium; KPO: High."]),
    ("how intricate is bpo work", ["BPO's complexity is Low to Medium"]),
    ("which one needs specialized skills", ["KPO", "Specialized Skills"]),
    ("what kind of risks does kpo carry", ["Strategic Risks"]),
    ("what tools does bpo use", ["Standard Tools"]),
    ("how much client interaction does kpo have", ["More Frequent"]),
    ("how customized is bpo", ["Limited"]),
    ("what is the value addition of kpo", ["Strategic Value"]),
    ("how is innovation different between them", ["Process Improvement", "High-Level Innovation"]),
    ("who does the work in kpo, what kind of staff", ["Highly Skilled Experts"]),
    ("what do bpo and kpo have in common", ["Outsourcing Strategy", "Vendor Management", "Risk Management"]),
    ("how are they similar", ["Scalability and Flexibility"]),
    ("give me examples of bpo", ["customer service", "payroll", "IT support"]),
    ("examples of kpo please", ["research and development", "market analysis", "R&D"]),
    ("is payroll an example of kpo", ["No", "example of BPO, not KPO"]),
    ("is market research a kpo example", ["Yes", "market research", "KPO"]),
    ("is customer service an example of bpo", ["Yes"]),
    ("payroll: bpo or kpo?", ["BPO", "payroll"]),
    ("should we outsource contract review as bpo or kpo", ["KPO", "legal services"]),
    ("answering customer calls at night, bpo or kpo", ["BPO", "customer service"]),
    ("data analysis for our pricing strategy - bpo or kpo?", ["KPO", "data analysis"]),
    ("we want to outsource invoice processing, which model fits", ["BPO", "Routine Tasks"]),
    ("which fits competitor analysis better, bpo or kpo", ["KPO", "market research"]),
    ("bpo or kpo for watering the office plants", ["does not settle"]),
    ("what's the weather in paris", ["outside what I can help with"]),
    ("are you a bot", ["I'm a bot"]),
    # a question about a concept NLU takes for a bot challenge is answered; what the asker says of themselves is no row
    ("hey bot, explain kpo to me", ["KPO stands for Knowledge Process Outsourcing"]),
    ("Can you break down KPO for me? I'm not a tech person.", ["KPO stands for Knowledge Process Outsourcing"]),
    # a comparative the document never weighs them on, and who asks
    ("is BPO or KPO quicker to get up and running?", ["does not say which of BPO or KPO is quicker", "Complexity"]),
    ("Which one is better for a small startup like ours, BPO or KPO?", ["does not say which of BPO or KPO is better"]),
    # what one concept alone is said to do, what it takes to succeed, what the document never covers
    ("which is better for round-the-clock global coverage, bpo or kpo?",
     ["names Global Reach and 24/7 Operations as a characteristic of BPO only", "multiple time zones"]),
    ("what does a BPO deal need in place to actually succeed?", ["Effective BPO arrangements involve clear contracts"]),
    ("is KPO just for big corporations?", ["The document does not cover company size for KPO."]),
    # a row named in everyday words ("payoff" is Value Addition) answers the topic its cells speak to
    ("whats the main payoff of each one - just saving money?", ["Value Addition: BPO: Cost Savings; KPO: Strategic Value"]),
    ("hi", ["BPO and KPO"]),
    # a question after a greeting (NLU's greet) gets the greeting and then its answer
    ("hey, roughly how much does a bpo agent cost per hour these days? building a budget",
     ["Hi!", "does not say anything about figures", "lower operational costs"]),
    ("what can you do", ["compare them"]),
    ("what is cloud computing", [("does not say anything about cloud computing", "outside what I can help with")]),
]


@pytest.mark.parametrize(("question", "phrases"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_question(servers, question, phrases):
    answer = text_of(say(servers, question))
    assert all(any(a in answer for a in p) if isinstance(p, tuple) else p in answer for p in phrases), answer


def test_at_least_forty_questions():
    assert len(QUESTIONS) >= 40


def test_answers_name_their_source(servers):
    for question in ("what is kpo", "how scalable is kpo", "what do they have in common", "examples of bpo"):
        assert "Source:" in text_of(say(servers, question))


def test_follow_ups_use_the_context(servers):
    sender = uuid.uuid4().hex
    assert "KPO stands for" in text_of(say(servers, "what is kpo", sender))
    assert "BPO stands for" in text_of(say(servers, "and bpo?", sender))
    assert "Operational Risks" in text_of(say(servers, "what about its risks?", sender))
    assert "High" in text_of(say(servers, "and its scalability", sender))
    assert "payroll" in text_of(say(servers, "give me examples of it", sender))
    assert "Row by row" in text_of(say(servers, "how is it different from kpo", sender))


def test_a_follow_up_that_says_nothing_new_asks_the_earlier_question_again(servers):
    sender = uuid.uuid4().hex
    assert "about BPO" in text_of(say(servers, "What are the drawbacks of BPO?", sender))
    again = text_of(say(servers, "ok and for KPO?", sender))
    assert again.startswith("On drawbacks and risks, here is what the document says about KPO")
    say(servers, "What does the document say about KPO needing lots of interaction with the client?", sender)
    why = text_of(say(servers, "why is that?", sender))
    assert "Due to the nature of the work, KPO requires frequent and in-depth interactions" in why
    assert "KPO stands for" not in why
    # nothing but a topic, of the concept in context
    say(servers, "what are the advantages of bpo", sender)
    downsides = text_of(say(servers, "any downsides?", sender))
    assert downsides.startswith("On drawbacks and risks, here is what the document says about BPO")


def test_how_and_why_after_an_answer_get_its_reasons(servers):
    sender = uuid.uuid4().hex
    say(servers, "Which one involves more client interaction?", sender)
    assert "KPO requires frequent and in-depth interactions" in text_of(say(servers, "how come?", sender))
    sender = uuid.uuid4().hex
    say(servers, "can a BPO provide 24/7 support for our customers?", sender)
    assert "operate across multiple time zones" in text_of(say(servers, "how do they pull that off?", sender))


def test_several_processes_are_each_placed_and_providers_are_not_named(servers):
    placed = text_of(say(servers, "we want to outsource payroll and market research, which is BPO and which is KPO?"))
    assert "the document names payroll as an example of BPO" in placed
    assert "the document names market research as an example of KPO" in placed
    named = text_of(say(servers, "Can you recommend a couple of good KPO vendors for our analytics work?"))
    assert named.startswith("The document does not say anything about particular KPO providers")
    assert "fits" not in named


def test_which_is_better_a_process_named_in_passing_and_shorthand(servers):
    better = text_of(say(servers, "which is better, bpo or kpo?"))
    assert better.startswith("The document does not say which of BPO or KPO is better overall")
    assert "Which process do you want to outsource?" in better
    called = text_of(say(servers, "Could a vendor take over data entry of paper invoices from our plant? It's the same "
                                  "fields every time, we just want it cheaper. What do we call that?"))
    assert called.startswith("BPO fits data entry of paper invoices better")
    knowledge = text_of(say(servers, "The partners want to farm out legal research and drafting of opinions for a "
                                     "complex litigation matter to a specialist firm. Is that knowledge work?"))
    assert knowledge.startswith("KPO fits legal research")
    shorthand = text_of(say(servers, "what kind of ppl do we need on the vendor side for kpo"))
    assert "advanced degrees, certifications" in shorthand and "does not say anything about ppl" not in shorthand
    not_a_benefit = text_of(say(servers, "what is NOT a benefit of BPO, like what's the catch"))
    assert not_a_benefit.startswith("On drawbacks and risks") and "new risks related to vendor management" in not_a_benefit


def test_which_again_right_after_a_process_is_the_verdict_on_it(servers):
    sender = uuid.uuid4().hex
    first = text_of(say(servers, "We want an outside agency to run our competitor pricing analysis, MBAs who dig into "
                                 "the data and brief our execs weekly.", sender))
    assert first.startswith("KPO fits competitor pricing analysis better")
    assert text_of(say(servers, "which bucket?", sender)).startswith("KPO fits competitor pricing analysis better")


def test_empty_and_huge_messages_get_a_polite_reply(servers):
    assert "didn't get any text" in text_of(say(servers, "   "))
    assert "too long" in text_of(say(servers, "why " * 2000))


def test_conversations_are_kept_in_the_sql_tracker_store_under_the_channels_name(servers):
    sender = uuid.uuid4().hex
    reply = say(servers, "what is kpo", sender)
    assert reply[0]["recipient_id"] == f"rest:{sender}"
    with sqlite3.connect(servers.tracker_db) as db:
        rows = db.execute("SELECT type_name FROM events WHERE sender_id = ?", (f"rest:{sender}",)).fetchall()
        bare = db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
    assert ("user",) in rows and ("bot",) in rows
    assert bare == 0


def test_a_rest_caller_cannot_write_into_another_channels_conversation(servers):
    victim = f"slack:U{uuid.uuid4().hex[:8].upper()}"
    say(servers, "what is kpo", victim)
    with sqlite3.connect(servers.tracker_db) as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events WHERE sender_id LIKE ?",
                                                 (f"%{victim}",))}
    assert senders == {f"rest:{victim}"}
