"""Which answer a turn gets (bot/answering/routes.py) and how entities are resolved (bot/answering/entities.py)."""

from __future__ import annotations

import pytest

from bot.answering.entities import Mentions, resolve
from bot.answering.routes import BY_INTENT
from bot.answering.turn import Context, Turn
from bot.render import as_text


def ask(facts, intent, text, context=None, ranking=None, **mentioned):
    mentions = Mentions(**{k: list(v) if isinstance(v, list | tuple) else [v] for k, v in mentioned.items()})
    turn = Turn(text=text, intent=intent, mentions=mentions, context=context or Context(), ranking=ranking or [])
    return BY_INTENT[intent].answer(facts, turn)


@pytest.mark.parametrize(
    ("intent", "text", "context", "mentioned", "expected", "topic"),
    [
        ("define", "what is kpo", None, {"concepts": "KPO"}, "KPO stands for Knowledge Process Outsourcing", "define"),
        ("define", "characteristics of bpo", None, {"concepts": "BPO"}, "8 characteristics of BPO", "characteristics"),
        ("define", "why is kpo talent-intensive", None, {"concepts": "KPO", "characteristics": "Talent-Intensive"},
         "Talent-Intensive (KPO)", "characteristic"),
        ("define", "what does it mean", Context(concept="BPO"), {}, "BPO stands for", "define"),
        ("define", "what is kpo's risk type", None, {"concepts": "KPO", "aspects": "Risk Type"},
         "KPO's risk type is Strategic Risks", "aspect"),
        ("define", "what is nearshore", None, {}, "nearshore, where services are delivered", "search"),
        ("define", "what is cloud computing", None, {}, "does not say anything about cloud computing", None),
        ("compare", "bpo vs kpo", None, {"concepts": ["BPO", "KPO"]}, "Row by row", "compare"),
        ("compare", "how scalable is kpo", None, {"concepts": "KPO", "aspects": "Scalability"},
         "KPO's scalability is Moderate to High", "aspect"),
        ("compare", "how risky are they", None, {"aspects": "Risk Type"}, "Risk Type: BPO: Operational Risks", "aspect"),
        ("compare", "how is it different from bpo", Context(concept="KPO"), {"concepts": "BPO"}, "Row by row", "compare"),
        ("similarities", "what do they share", None, {}, "8 similarities between BPO and KPO", "similarities"),
        ("example", "examples of kpo", None, {"concepts": "KPO"}, "Examples of KPO the document names", "example"),
        ("example", "give me examples of it", Context(concept="BPO"), {}, "Examples of BPO", "example"),
        ("example", "is payroll an example of kpo", None, {"concepts": "KPO", "tasks": "payroll"},
         "No: the document gives payroll as an example of BPO, not KPO. Its examples of BPO:", "example"),
        ("recommend", "payroll: bpo or kpo?", None, {"concepts": ["BPO", "KPO"], "tasks": "payroll"},
         "BPO: the document names payroll", "recommend"),
        ("recommend", "contract review - bpo or kpo", None, {"concepts": ["BPO", "KPO"]},
         "KPO fits contract review", "recommend"),
        ("recommend", "which should we pick", None, {}, "Which process do you want to outsource?", "ask_task"),
        ("inform", "our invoice processing", Context(topic="ask_task"), {}, "BPO fits invoice processing", "recommend"),
        ("inform", "competitor analysis", None, {"tasks": "competitor analysis"}, "KPO fits competitor analysis", "recommend"),
        ("follow_up", "and kpo?", Context(concept="BPO", topic="define"), {"concepts": "KPO"}, "KPO stands for", "define"),
        ("follow_up", "what about its risks?", Context(concept="KPO", topic="define"), {"aspects": "Risk Type"},
         "KPO's risk type is Strategic Risks", "aspect"),
        ("follow_up", "and for bpo", Context(concept="KPO", aspect="Scalability", topic="aspect"), {"concepts": "BPO"},
         "BPO's scalability is High", "aspect"),
        ("follow_up", "and the other one?", Context(concept="KPO", topic="example"), {}, "Examples of BPO", "example"),
        ("follow_up", "and bpo?", Context(concept="KPO", characteristic="Talent-Intensive", topic="characteristic"),
         {"concepts": "BPO"}, "does not say anything about Talent-Intensive for BPO", "characteristic"),
        ("follow_up", "and kpo?", Context(concept="BPO", task="payroll", topic="example"), {"concepts": "KPO"},
         "No: the document gives payroll as an example of BPO, not KPO. Its examples of BPO:", "example"),
        ("follow_up", "and kpo?", None, {"concepts": "KPO"}, "KPO stands for", "define"),
        ("follow_up", "what about it", None, {}, "Follow up on what?", None),
    ],
)
def test_route(facts, intent, text, context, mentioned, expected, topic):
    results = ask(facts, intent, text, context, **mentioned)
    assert len(results) >= 1
    # the answer itself (what the document says of the concept asked on the same topic may follow, as an aside)
    answer = [r for r in results if not r.aside][-1]
    assert expected in as_text(answer)
    assert answer.topic == topic


def test_define_two_concepts_answers_both(facts):
    results = ask(facts, "define", "what are bpo and kpo", concepts=["BPO", "KPO"])
    assert [r.concept for r in results] == ["BPO", "KPO"]


def test_clarify_offers_the_two_likeliest_readings(facts):
    ranking = [("nlu_fallback", 0.5), ("compare", 0.3), ("define", 0.2), ("greet", 0.1)]
    (answer,) = ask(facts, "nlu_fallback", "kpo bpo thing", ranking=ranking, concepts="KPO")
    assert [b["title"] for b in answer.buttons] == ["Compare them", "Explain a concept", "Something else"]
    assert answer.buttons[0]["payload"] == '/compare{"concept": "KPO"}'
    assert answer.buttons[-1]["payload"] == "/help"


def entity(kind, value, start, end, extractor="RegexEntityExtractor"):
    return {"entity": kind, "value": value, "start": start, "end": end, "extractor": extractor}


def test_resolve_drops_a_name_inside_a_longer_one(facts):
    text = "tell me about risk management"
    found = [entity("characteristic", "Risk Management", 14, 29), entity("aspect", "Risk Type", 14, 18),
             entity("aspect", "Management", 19, 29)]
    mentions = resolve(found, facts.names, text)
    assert mentions.characteristics == ["Risk Management"] and mentions.aspects == []


def test_resolve_merges_repeats_and_ignores_unknown_values(facts):
    found = [entity("concept", "KPO", 0, 3), entity("concept", "KPO", 0, 3, "DIETClassifier"),
             entity("concept", "XPO", 5, 8), entity("aspect", "colour", 9, 15)]
    assert resolve(found, facts.names) == Mentions(concepts=["KPO"])


@pytest.mark.parametrize(
    ("text", "pieces", "task"),
    [
        ("bpo or kpo for drafting our sustainability report", [(15, 23), (28, 49)], "drafting our sustainability report"),
        ("is kpo or bpo right for scanning old hr records", [(24, 32), (37, 47)], "scanning old hr records"),
        ("what model for mergers and acquisitions research", [(11, 48)], "mergers and acquisitions research"),
        # a hyphen inside one word joins its pieces, and "planning" ending a task is work, not a request
        ("would outsourcing post-merger integration planning be KPO?", [(18, 22), (23, 50)],
         "post-merger integration planning"),
        # a piece grown over its neighbours ("custom" + "geospatial flood-risk models") is not cut short
        ("we build custom geospatial flood-risk models for insurers, BPO or KPO?", [(9, 15), (16, 32), (33, 37)],
         "build custom geospatial flood-risk models"),
        ("is economic impact modelling for infrastructure projects BPO or KPO?", [(3, 18)],
         "economic impact modelling"),
        # a singular "model" ending a task asks for a model of outsourcing
        ("we need a data entry model", [(10, 26)], "data entry"),
    ],
)
def test_resolve_joins_and_trims_task_fragments(facts, text, pieces, task):
    found = [entity("task", text[s:e], s, e, "DIETClassifier") for s, e in pieces]
    assert resolve(found, facts.names, text).tasks == [task]


def test_resolve_keeps_two_tasks_apart_and_drops_framing_words(facts):
    text = "payroll or market research, which would you advise"
    found = [entity("task", "payroll", 0, 7), entity("task", "market research", 11, 26),
             entity("task", "advise", 44, 50)]
    assert resolve(found, facts.names, text).tasks == ["payroll", "market research"]


@pytest.mark.parametrize(
    ("text", "pieces", "task"),
    [
        ("A contractor would do toll notices processing for us", [(2, 12), (22, 45)], "toll notices processing"),
        ("our clinics want to outsource appointment scheduling", [(4, 16), (30, 52)], "appointment scheduling"),
        ("our vendor", [(4, 10)], "vendor"),  # who does the work, when nothing else is named
    ],
)
def test_resolve_prefers_the_work_to_who_does_it(facts, text, pieces, task):
    found = [entity("task", text[s:e], s, e, "DIETClassifier") for s, e in pieces]
    assert resolve(found, facts.names, text).task == task


def test_resolve_a_name_inside_a_task_is_part_of_the_task(facts):
    text = "is inventory management a bpo example"
    found = [entity("task", "inventory management", 3, 23, "DIETClassifier"), entity("aspect", "Management", 13, 23),
             entity("concept", "BPO", 26, 29)]
    mentions = resolve(found, facts.names, text)
    assert mentions.tasks == ["inventory management"] and mentions.aspects == [] and mentions.concepts == ["BPO"]


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("knowledg processs outsorcing", ["KPO"]),
        ("what is busines procces outsourcng?", ["BPO"]),
        ("is knowlege process outsorcing good for payroll", ["KPO"]),
        ("buisness proces outsoucing vs knowledge process outsourcing", ["BPO", "KPO"]),
        ("knowledge of the process is outstanding", []),
        ("tell me about process outsourcing", []),
    ],
)
def test_resolve_finds_a_misspelled_full_name(facts, text, concepts):
    assert resolve([], facts.names, text).concepts == concepts


def test_a_task_that_is_only_a_misspelled_name_is_dropped(facts):
    text = "explain knowledg processs outsorcing"
    found = [entity("task", "knowledg processs outsorcing", 8, 36, "DIETClassifier")]
    mentions = resolve(found, facts.names, text)
    assert mentions.concepts == ["KPO"] and mentions.tasks == []


def test_misspelled_names_of_another_document(tmp_path, other_document):
    from bot.answering.entities import Names
    from bot.facts.store import FactStore, build_store

    with FactStore.open(build_store([other_document], tmp_path / "other.db")) as other:
        names = Names(other)
    assert resolve([], names, "what is infrastucture as a servise").concepts == ["IaaS"]
    assert resolve([], names, "softwre as a service pricing").concepts == ["SaaS"]
    assert resolve([], names, "platform as a service").concepts == []


@pytest.mark.parametrize(("text", "expected"), [("knowledg processs outsorcing", "KPO stands for"),
                                                 ("busines procces outsourcng?", "BPO stands for")])
def test_an_unclear_message_that_is_only_a_name_asks_what_it_is(facts, text, expected):
    mentions = resolve([], facts.names, text)
    [answer] = ask(facts, "nlu_fallback", text, ranking=[("nlu_fallback", 0.3)], concepts=mentions.concepts)
    assert answer.text.startswith(expected)


def test_an_unclear_message_with_more_than_a_name_is_still_clarified(facts):
    [answer] = ask(facts, "nlu_fallback", "knowledg processs outsorcing thing stuff",
                   ranking=[("nlu_fallback", 0.3), ("define", 0.2)], concepts="KPO")
    assert answer.text.startswith("I'm not sure I understood")


@pytest.mark.parametrize(
    ("intent", "text", "mentioned", "start"),
    [
        ("define", "what are the main advantages of kpo", {"concepts": "KPO"},
         "On benefits, these are the characteristics the document gives KPO"),
        ("compare", "is kpo cheaper than bpo", {"concepts": ["KPO", "BPO"]},
         "The document does not compare KPO and BPO on cost."),
        ("recommend", "which one gives better value for money, bpo or kpo?", {"concepts": ["BPO", "KPO"]},
         "The document does not compare BPO and KPO on cost."),
        ("out_of_scope", "is bpo gdpr compliant", {"concepts": "BPO"},
         "The document does not cover security and confidentiality, or the law and regulation for BPO."),
        ("follow_up", "is it expensive?", {}, "On cost, here is what the document says about KPO:"),
    ],
)
def test_a_question_about_a_topic_gets_what_the_document_says_on_it(facts, intent, text, mentioned, start):
    context = Context(concept="KPO", topic="define")
    [answer] = ask(facts, intent, text, context, **mentioned)
    assert answer.text.startswith(start)


def test_an_off_topic_message_that_names_no_concept_gets_the_scope_reply(facts, other_facts):
    [answer] = ask(facts, "out_of_scope", "recommend a good pizza place near the office")
    assert answer.text.startswith("Sorry, that's outside what I can help with.") and not answer.found
    assert "BPO and KPO" in answer.text
    # the second document's scope, in its own names
    [other] = ask(other_facts, "out_of_scope", "recommend a good pizza place near the office")
    assert "SaaS and IaaS" in other.text and "BPO" not in other.text


def test_a_process_is_still_recommended_even_with_topic_words(facts):
    [answer] = ask(facts, "recommend", "our team handles returns and refunds, should we look at a bpo or a kpo vendor",
                   tasks="handles returns and refunds")
    # placed (returns and refunds are customer service), not answered on a topic its words touch
    assert answer.text.startswith("BPO fits handles returns and refunds better.")


def test_a_recommendation_request_that_names_only_a_topic_is_answered_on_it(facts):
    [answer] = ask(facts, "recommend", "any drawbacks to kpo?", concepts="KPO", tasks="drawbacks")
    assert answer.text.startswith("On drawbacks and risks, here is what the document says about KPO:")


def test_the_one_named_by_a_word_of_its_name_is_that_concept(other_facts, facts):
    assert resolve([], other_facts.names, "and the infra one?").concepts == ["IaaS"]
    assert resolve([], facts.names, "is it the knowledge one?").concepts == ["KPO"]
    # a word both names have, or a short one, names none
    assert resolve([], facts.names, "the process one?").concepts == []
    assert resolve([], other_facts.names, "the serv one").concepts == []
    # a model or option of something else is no concept
    assert resolve([], facts.names, "what is the business model of firms?").concepts == []


def test_there_of_a_place_named_before_points_back():
    from bot.answering.turn import Context, Turn

    def back(text):
        return Turn(text=text, intent="define", mentions=Mentions(), context=Context(concept="KPO")).refers_back()

    assert back("what qualifications do the people there usually have?") and back("who works there?")
    assert not back("is there a catch?") and not back("are there any downsides?") and not back("the best firms out there")
    assert not back("hi there, what are the risks?") and not back("aren't there risks with outsourcing?")
