"""Related words from WordNet (bot/facts/lexicon.py) and passage retrieval (bot/answering/retrieve.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.entities import Mentions
from bot.answering.routes import BY_INTENT, asked_again, instead_of_interview, read_turn, respond, second_look
from bot.answering.tasks import which_fits
from bot.answering.turn import Context, Turn
from bot.facts import lexicon
from bot.facts.store import FactStore, StoreError, build_store
from bot.render import as_text
from bot.text import lemma
from tests.turns import parsed as _parsed
from tests.turns import turn as _turn

# -- the lexicon ----------------------------------------------------------------------------------


def test_related_words_map_user_words_to_document_words(store):
    related = store.related(["price", "hire", "customise", "profit", "zzzz"])
    assert related["price"]["cost"] == lexicon.SYNONYM
    assert "employ" in related["hire"]
    # (a British spelling is read as the document's own word, directly, not through WordNet)
    assert "customise" not in related and lemma("customise") == "customize"
    assert "benefit" in related["profit"]
    assert "zzzz" not in related


def test_a_document_word_is_not_related_to_itself(store):
    # "cost" is the document's own word: it matches directly, never through WordNet
    assert "cost" not in store.related(["cost"])


def test_too_general_senses_add_no_narrower_words(monkeypatch):
    # "change" has hundreds of narrower senses in its commonest sense; they say nothing about a document
    def narrower(cap):
        monkeypatch.setattr(lexicon, "MAX_NARROWER", cap)
        return {user for (user, _), weight in lexicon.related({"change"}).items() if weight == lexicon.NARROWER}

    capped, uncapped = narrower(lexicon.MAX_NARROWER), narrower(10_000)
    assert len(uncapped) > 3 * len(capped)
    assert "adjust" in capped  # a small sense still counts


def test_missing_wordnet_is_a_clear_store_error(tmp_path, document, monkeypatch):
    monkeypatch.setattr(lexicon, "prepare", lambda: (_ for _ in ()).throw(
        lexicon.LexiconError(f"no WordNet data in {tmp_path}: {lexicon.WORDNET_HINT}")))
    lexicon.wordnet.cache_clear()
    try:
        with pytest.raises(StoreError, match="wordnet-base"):
            build_store([document], tmp_path / "f.db")
    finally:
        lexicon.wordnet.cache_clear()
    assert not list(tmp_path.glob("*.tmp"))


def test_prepare_copies_the_data_and_writes_lexnames(tmp_path):
    folder = lexicon.prepare(folder=tmp_path / "wn")
    names = (folder / "lexnames").read_text().splitlines()
    assert len(names) == len(lexicon.LEXNAMES) == 45
    assert names[3] == "03\tnoun.Tops\t1"
    assert (folder / "data.noun").stat().st_size > 1_000_000
    with pytest.raises(lexicon.LexiconError, match="wordnet-base"):
        lexicon.prepare(source=tmp_path / "nothing", folder=tmp_path / "other")


# -- retrieval ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "concepts", "expected"),
    [
        ("can the scope be adjusted when demand falls?", [], "adjust the scope of outsourced services"),
        ("what new risks come with vendor management?", ["BPO"], "new risks related to vendor management"),
        ("does it need advanced degrees?", ["KPO"], "advanced degrees"),
    ],
)
def test_find_ranks_the_passage_that_answers(facts, question, concepts, expected):
    hits = facts.index.find(question, concepts)
    assert expected in hits[0].passage.text
    assert hits[0].coverage >= retrieve.ANSWERS


def test_find_on_the_second_document(other_facts):
    hits = other_facts.index.find("will the vendor update my software for me?", ["IaaS"])
    assert any("software" in h.passage.text for h in hits)
    assert other_facts.index.question_words("what is Software as a Service?") == []
    assert "software" in other_facts.index.question_words("does SaaS update my software?")


def test_names_and_framing_words_are_not_what_a_question_is_about(facts):
    assert facts.index.question_words("what does Business Process Outsourcing mean?") == []
    assert facts.index.question_words("tell me how BPO cuts costs") == ["cut", "cost"]


def test_answer_quotes_passages_or_nothing(facts):
    found = retrieve.answer(facts.index, "can the scope be adjusted when demand falls?")
    assert isinstance(found, Answer) and found.sources and found.topic == "search"
    assert any("adjust the scope" in item for item in found.items)
    assert retrieve.answer(facts.index, "what is the capital of france?") is None


def test_aside_adds_what_the_template_left_out(facts):
    template = [Answer("KPO's complexity is High, against Low to Medium for BPO.")]
    extra = retrieve.aside(facts.index, "how complex is KPO, and is it cost effective?", ["KPO"], template)
    assert extra is not None and extra.aside
    assert "cost-effective" in " ".join(extra.items)
    # nothing is added when the template said it all
    assert retrieve.aside(facts.index, "how complex is KPO?", ["KPO"], template) is None


def test_respond_keeps_the_template_first_and_the_context_with_it(facts):
    results = respond(BY_INTENT["compare"], facts, _turn("compare", "how complex is KPO, and is it cost effective?",
                                                         concepts="KPO", aspects="Complexity"))
    assert results[0].aspect == "Complexity" and not results[0].aside
    # the topic the template left out (cost), as an aside
    assert results[-1].aside and as_text(results[-1]).startswith("On cost, here is what the document says about KPO:")
    assert "managing costs" in as_text(results[-1])


def test_a_question_no_process_fits_gets_the_passages(facts):
    results = respond(BY_INTENT["recommend"], facts,
                      _turn("recommend", "can the scope of outsourced services be adjusted later?"))
    assert "adjust the scope of outsourced services" in as_text(results[0])


def test_same_kind_of_question_on_the_second_document(other_facts):
    results = respond(BY_INTENT["define"], other_facts, _turn("define", "who patches the operating system?"))
    text = as_text(results[0])
    assert "operating system" in text.lower()
    assert "BPO" not in text and "KPO" not in text


def test_store_without_related_table_is_refused(tmp_path, document):
    import sqlite3

    path = build_store([document], tmp_path / "f.db")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="another version"):
        FactStore.open(path)


# -- misspellings and names the document does not use ----------------------------------------------


def test_english_words_are_wordnets_common_words(store):
    # WordNet writes "Linux" as a name only; "window" is a common word too
    assert store.english(["reliable", "window", "linux", "gdpr", "teleperformance"]) == {"reliable", "window"}


def test_words_wordnet_knows_only_as_adverbs_only_say_how(store, facts):
    adverbs = store.adverbs()
    assert {"instead", "anyway", "purely"} <= adverbs
    assert not {"support", "fast", "overnight", "cost"} & adverbs  # also a noun, verb or adjective
    assert facts.index.only_says_how("instead") and facts.index.only_says_how("physically")
    assert not facts.index.only_says_how("supply") and not facts.index.only_says_how("support")


def test_misspellings_are_read_as_the_document_words(facts):
    assert facts.index.read("kpo emplyees qualifcations").words == ("employee", "qualification")
    # a known English word is never "corrected", and a short one is left alone
    assert facts.index.read("does KPO need reliable staff?").words == ("reliable", "staff")
    assert facts.index.read("wat is the main focus of bpo vs kpo").words == ("focus",)


def test_a_short_form_stands_for_the_one_document_word_it_begins(other_facts):
    assert other_facts.index.read("can i customise a saas app").words == ("customize", "application")


def test_names_the_document_never_uses_are_kept_as_written(facts):
    assert facts.index.read("Is BPO GDPR compliant?").unknown == ("GDPR",)
    assert facts.index.read("is Teleperformance a good BPO company?").unknown == ("Teleperformance",)
    assert facts.index.read("kpo emplyees qualifcations").unknown == ()


def test_an_answer_about_a_name_the_document_never_uses_says_so_first(facts):
    results = respond(BY_INTENT["define"], facts, _turn("define", "is Teleperformance a good BPO company?",
                                                        concepts="BPO"))
    assert as_text(results[0]) == "The document does not say anything about Teleperformance."
    assert results[0].aside and not results[1].aside  # the context stays with the answer
    # a name in the user's own process is part of the task, not a gap of the document
    decided = respond(BY_INTENT["recommend"], facts, _turn("recommend", "we run payroll through Paychex, BPO or KPO?",
                                                           tasks="payroll through Paychex"))
    assert "does not say anything about" not in as_text(decided[0])


def test_a_row_nlu_did_not_name_is_found_by_the_question_words(facts):
    results = respond(BY_INTENT["compare"], facts, _turn("compare", "bpo vs kpo toolz", concepts=["BPO", "KPO"]))
    assert results[0].aspect == "Technology Use"
    # a plain "how do they differ" is still the whole table
    whole = respond(BY_INTENT["compare"], facts, _turn("compare", "how do bpo and kpo differ?", concepts=["BPO", "KPO"]))
    assert whole[0].table and whole[0].aspect is None


def test_a_how_question_taken_for_a_recommendation_gets_the_closest_passages(facts):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", "how do you hold a BPO vendor accountable for quality?",
                                                           tasks="vendor accountable for quality"))
    assert "Effective vendor management is crucial" in as_text(results[0])
    # a named process is still recommended for
    named = respond(BY_INTENT["recommend"], facts, _turn("recommend", "how should we outsource our payroll?",
                                                         tasks="payroll"))
    assert as_text(named[0]).startswith("BPO")


def test_a_template_answer_that_leaves_most_of_the_question_out_says_so_first(facts):
    question = "what salary does a BPO agent earn?"
    results = respond(BY_INTENT["define"], facts, _turn("define", question, concepts="BPO"))
    assert as_text(results[0]) == "The document does not say anything about salary, agent or earn."
    assert results[0].aside and results[1].concept == "BPO"  # the definition follows, with the context
    # a question the answer covers, one whose only other word frames it, and a passage answer get no notice
    for text, intent, concepts in (("what is BPO?", "define", "BPO"), ("explain bpo in simple terms", "define", "BPO"),
                                   ("how scalable is KPO?", "compare", "KPO")):
        said = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=concepts))
        assert "does not say anything" not in as_text(said[0]), text
    given = [Answer("BPO stands for Business Process Outsourcing.")]
    assert not retrieve.leaves_most(facts.index, "what is BPO?", retrieve.unanswered(facts.index, "what is BPO?", given))


def test_a_characteristic_asked_of_the_other_concept_adds_what_the_document_says_of_it(facts):
    results = respond(BY_INTENT["define"], facts, _turn("define", "Is KPO efficient?", concepts="KPO",
                                                        characteristics="Improved Efficiency"))
    assert as_text(results[0]).startswith("The document does not list Improved Efficiency as a characteristic of KPO")
    assert results[1].aside and "high-quality, efficient, and innovative solutions" in as_text(results[1])


def test_who_and_why_questions_ask_the_document_not_which_fits(facts):
    liable = respond(BY_INTENT["recommend"], facts, _turn("recommend", "who is liable if a KPO provider gives us bad "
                                                          "legal advice?", tasks="bad legal advice"))
    assert as_text(liable[0]).startswith("The document does not cover liability")
    why = respond(BY_INTENT["recommend"], facts, _turn("recommend", "Why do BPO providers invest in technology?",
                                                       tasks="invest in technology"))
    assert "BPO providers often invest in the latest technologies" in as_text(why[0])
    # why a company hands off a process the document names is what the concept it is named for is for
    payroll = respond(BY_INTENT["recommend"], facts, _turn(
        "recommend", "Why would a company hand off its payroll to an outside firm in the first place?", tasks="payroll"))
    assert as_text(payroll[0]).startswith("On what it is for, here is what the document says about BPO:")
    assert "One of the main drivers for BPO is cost reduction." in as_text(payroll[0])
    payroll = respond(BY_INTENT["inform"], facts, _turn(
        "inform", "why would a company bother outsourcing stuff like payroll instead of just doing it in house?",
        tasks="payroll"))
    assert as_text(payroll[0]).startswith("On what it is for, here is what the document says about BPO:")


def test_examples_after_a_definition_are_that_concepts(other_facts):
    turn = Turn(text="what are some typical examples?", intent="example", mentions=Mentions(),
                context=Context(concept="SaaS", topic="define"))
    text = as_text(respond(BY_INTENT["example"], other_facts, turn)[0])
    assert text.startswith("Examples of SaaS") and "Examples of IaaS" not in text
    # with nothing about one concept in context, both
    turn.context = Context(concept="SaaS", topic="compare")
    assert "Examples of IaaS" in as_text(respond(BY_INTENT["example"], other_facts, turn)[0])


def test_what_a_template_left_out_that_the_document_does_say_is_added_not_denied(facts):
    results = respond(BY_INTENT["define"], facts, _turn("define", "does outsourcing to a BPO help with seasonal peaks?",
                                                        concepts="BPO"))
    assert "does not say anything" not in " ".join(as_text(a) for a in results)
    # seasonal peaks are a matter of flexibility and scaling: the topic answers it first
    assert as_text(results[0]).startswith("On flexibility and scaling") and "seasonal fluctuations" in as_text(results[0])


def test_a_passage_that_covers_too_little_is_no_answer_however_its_concept_ranks_it(facts):
    # BPO's own sentence on vendor risks ranks first for a BPO question, but covers less than the shared one
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", "how do you hold a BPO vendor accountable for quality?",
                                                           concepts="BPO", tasks="vendor accountable for quality"))
    assert "Effective vendor management is crucial" in as_text(results[0])


def test_passages_that_answer_only_part_of_a_question_say_so_first(facts, other_facts):
    results = respond(BY_INTENT["define"], facts, _turn("define", "why is strategic alignment so hard to get right with "
                                                                  "distant partners?"))
    text = as_text(results[0])
    assert text.startswith("The document does not cover that question directly.")
    assert "strategic alignment with business goals" in text and not results[0].found
    # (one on a topic gets what the document says on it: "why is communication such a big deal there?")
    topic = respond(BY_INTENT["define"], facts, _turn("define", "why is communication such a big deal there?"))
    assert as_text(topic[0]).startswith("On communication with the provider") and topic[0].found
    # a passage that covers most of a question is quoted without the hedge
    whole = respond(BY_INTENT["recommend"], facts, _turn("recommend", "can the scope of outsourced services be adjusted later?"))
    assert as_text(whole[0]).startswith("Here is what the document says") and whole[0].found
    # "is SaaS paid monthly or yearly?" asks the document, not which concept fits "yearly"
    billed = respond(BY_INTENT["inform"], other_facts, _turn("inform", "is SaaS paid monthly or yearly?",
                                                             concepts="SaaS", tasks="yearly"))
    assert "usually monthly" in as_text(billed[0]) and "does not settle" not in as_text(billed[0])


def test_british_spellings_and_prefixes_are_read_as_the_document_words(facts, other_facts):
    assert facts.index.read("would it be customised to us or generic?").words == ("customize", "generic")
    # (read as the American spelling whatever the document writes)
    assert other_facts.index.read("can i customise a saas app").words[0] == "customize"
    # "preinstalled" is about installing (it was "corrected" to "reinstall")
    assert other_facts.index.read("does iaas come with the apps preinstalled").words == ("application", "install")


def test_questions_nlu_takes_for_something_else_are_answered_on_what_they_ask(facts, other_facts):
    # a bare answer ("inform") that asks about a row, or about a topic of the concept in context
    row = respond(BY_INTENT["inform"], facts, _turn("inform", "how easy is it to scale a bpo contract up for the rush?",
                                                    concepts="BPO", aspects="Scalability"))
    # ("rush", a word of the flexibility topic, is not said to be missing: the topic answers it)
    # (the row, then BPO's characteristic on it, which says how: "easily adjust service levels")
    assert row[0].aspect == "Scalability" and as_text(row[1]).startswith("Scalability and Flexibility (BPO)")
    assert not any("rush" in as_text(a) for a in row)
    turn = _turn("inform", "ok and does it actually save money?")
    turn.context = Context(concept="KPO", topic="define")
    cost = respond(BY_INTENT["inform"], facts, turn)
    assert as_text(cost[0]).startswith("On cost, here is what the document says about KPO:")
    # an unclear message (NLU's fallback) that asks about a topic of a concept
    unclear = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", "any downsides to a bpo vendor? sounds too good",
                                                             concepts="BPO"))
    assert as_text(unclear[0]).startswith("On drawbacks and risks")
    # an off-topic message that points back at the concept in context
    turn = _turn("out_of_scope", "so who installs the software on it?")
    turn.context = Context(concept="IaaS", topic="define")
    assert "The customer installs and runs its own software" in as_text(respond(BY_INTENT["out_of_scope"], other_facts, turn)[0])


def test_a_question_offering_both_concepts_still_asks_which_fits(facts):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", "bpo or kpo for walking the office dog?",
                                                           concepts=["BPO", "KPO"], tasks="walking the office dog"))
    assert as_text(results[0]).startswith("The document does not settle whether walking the office dog is BPO or KPO")
    # a question about the document with a topic gets the topic, not "does not settle"
    hours = respond(BY_INTENT["inform"], facts, _turn("inform", "can a bpo provider cover the night shifts / other timezones?",
                                                      concepts="BPO", tasks="night shifts"))
    assert "round-the-clock" in as_text(hours[0])


def test_two_document_words_written_as_one_are_read_apart(facts):
    assert facts.index.read("other timezones?").words == ("time", "zone")


def test_a_process_is_decided_on_all_the_message_says_of_it_and_quoted_as_named(facts):
    text = "we prepare regulatory dossiers that need highly skilled experts with specialized knowledge, bpo or kpo?"
    decided = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, concepts=["BPO", "KPO"],
                                                           tasks="prepare regulatory dossiers"))
    assert as_text(decided[0]).startswith("KPO fits prepare regulatory dossiers better.")
    # the task alone settles nothing: it was not settled before
    assert not facts.recommender.recommend("prepare regulatory dossiers").concept
    # a question about the document is not placed on its words ("is SaaS paid monthly or yearly?")
    asked = respond(BY_INTENT["recommend"], facts, _turn("recommend", "is KPO paid by the hour or by the project?",
                                                         concepts="KPO", tasks="by the project"))
    assert asked[0].topic not in ("recommend", "offer_classify") and not as_text(asked[0]).startswith("KPO fits")


def test_a_message_ending_is_that_bpo_asks_which_fits_whatever_the_intent(facts):
    for intent, text in (("nlu_fallback", "payroll processing for our three european offices, is that bpo"),
                         ("define", "content moderation of user posts by a fixed rulebook, 24/7 - bpo right?")):
        results = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts="BPO"))
        assert as_text(results[0]).startswith("BPO fits"), (text, as_text(results[0]))
    # a message that only names the concept is no such question
    plain = respond(BY_INTENT["define"], facts, _turn("define", "tell me about bpo", concepts="BPO"))
    assert as_text(plain[0]).startswith("BPO stands for")


def test_which_has_less_of_a_row_that_is_no_scale_is_not_compared(facts):
    risky = respond(BY_INTENT["compare"], facts, _turn("compare", "which one is less risky for us, bpo or kpo",
                                                       concepts=["BPO", "KPO"], aspects="Risk Type"))
    assert as_text(risky[0]).startswith("The document does not say which is less risky; its comparison table says:")
    # a row on a scale answers it
    complex_ = respond(BY_INTENT["compare"], facts, _turn("compare", "which is more complex, bpo or kpo?",
                                                          concepts=["BPO", "KPO"], aspects="Complexity"))
    assert "does not say which" not in as_text(complex_[0])


def test_a_question_on_a_concept_that_a_passage_outside_its_definition_answers_gets_that_passage(facts, other_facts):
    core = respond(BY_INTENT["define"], facts, _turn("define", "is BPO suitable for core business functions?",
                                                     concepts="BPO"))
    assert "advantageous for non-core functions" in as_text(core[0])
    # "what is BPO" and "what does BPO stand for" still get the definition
    for text in ("what is BPO", "what does BPO stand for", "define bpo"):
        assert as_text(respond(BY_INTENT["define"], facts, _turn("define", text, concepts="BPO"))[0]).startswith(
            "BPO stands for")
    # "whats iaas" taken for off-topic asks nothing but the concept
    named = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", "saas, what is it exactly",
                                                                  concepts="SaaS"))
    assert as_text(named[0]).startswith("SaaS stands for Software as a Service")


def test_a_question_nlu_was_unsure_of_that_passages_answer_gets_them(facts):
    text = "can the scope of outsourced services be adjusted later?"
    results = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", text))
    assert "adjust the scope of outsourced services" in as_text(results[0])
    # a message that asks nothing still gets the choice of readings
    unclear = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", "blue seventeen"))
    assert unclear[0].buttons


def test_topics_are_read_with_misspellings_corrected_but_english_words_left_alone(facts):
    from bot.answering.questions import topics_asked

    assert [t.key for t in topics_asked(facts, "waht r the benifits of kpo")] == ["benefits"]
    # "reliable" is not "liable", "example" is not "security"
    assert topics_asked(facts, "how reliable is bpo?") == []
    assert topics_asked(facts, "give an example of a kpo project") == []


@pytest.mark.parametrize(("text", "asked"), [
    # what a concept is chosen against, and who chooses it, ask no topic of their own
    ("why would a company pay for that instead of just hiring its own analysts?", ["purpose"]),
    ("what's the main reason ppl go with BPO?", ["purpose"]),
    ("why do companies choose KPO rather than hiring experts?", ["purpose"]),
    # the reason for another topic is that topic's
    ("what is the main reason KPO is more expensive?", ["cost"]),
    ("what are the cost drivers of KPO?", ["cost"]),
    # what follows the alternative asks its own topic (the in-house staff are the asker's own, no provider's people)
    ("why use BPO instead of in-house staff and is it cheaper?", ["cost"]),
    ("why go with KPO rather than BPO when it costs so much more?", ["cost"]),
])
def test_why_a_concept_is_chosen_stays_asked_beside_what_it_is_chosen_against(facts, text, asked):
    from bot.answering.questions import topics_asked
    assert [t.key for t in topics_asked(facts, text)] == asked


def test_why_it_is_chosen_asked_beside_a_row_gets_what_it_is_for_too(facts):
    # as NLU reads it: the row Employee Expertise in "hiring more people"
    text = "why would a company bother with that instead of just hiring more people?"
    asked = replace(_turn("compare", text, aspects="Employee Expertise"), context=Context(concept="BPO", topic="define"))
    said = " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, asked))
    assert "Employee Expertise" in said and "One of the main drivers for BPO is cost reduction." in said


def test_comparisons_the_table_settles_are_not_said_to_be_unsettled(facts):
    for text, row in (("which needs more expertise?", "Employee Expertise"),
                      ("which uses more advanced technology?", "Technology Use"),
                      ("which one costs more than the other?", "Value Addition")):
        assert "does not say which" not in as_text(respond(BY_INTENT["compare"], facts, _turn("compare", text, aspects=row))[0])
    # a question on a concept in words the document does not use keeps the definition
    role = respond(BY_INTENT["define"], facts, _turn("define", "what is the role of bpo", concepts="BPO"))
    assert as_text(role[0]).startswith("BPO stands for")
    assert as_text(respond(BY_INTENT["define"], facts, _turn("define", "wht is kpo", concepts="KPO"))[0]).startswith("KPO stands")


def test_a_message_ending_which_kind_are_we_asks_which_fits(facts):
    text = "my department evaluates acquisition targets for private equity clients, which kind of outsourcing is that?"
    results = respond(BY_INTENT["compare"], facts, _turn("compare", text, tasks="acquisition targets"))
    assert as_text(results[0]).startswith("KPO fits acquisition targets")
    keyed = respond(BY_INTENT["define"], facts, _turn("define", "we key in handwritten delivery notes, which kind are we?"))
    assert as_text(keyed[0]).startswith("BPO fits")
    text = "we key in handwritten delivery notes. What would you call that?"
    called = respond(BY_INTENT["define"], facts, _turn("define", text))
    assert as_text(called[0]).startswith("BPO fits")
    # a question about the kinds of work a concept does is no such question
    kinds = respond(BY_INTENT["compare"], facts, _turn("compare", "which kind of tasks does KPO handle?", concepts="KPO"))
    assert "fits" not in as_text(kinds[0]).split(".")[0]


def test_a_question_taken_for_a_cancel_is_answered_and_a_cancel_is_not(facts):
    results = respond(BY_INTENT["cancel"], facts,
                      _turn("cancel", "can we shrink the scope of outsourced services later?"))
    assert "scaling down when necessary" in as_text(results[0])
    [nothing] = respond(BY_INTENT["cancel"], facts, _turn("cancel", "never mind"))
    assert as_text(nothing) == "There's nothing in progress to cancel. Ask me anything about BPO or KPO."


def test_a_how_often_question_naming_both_concepts_asks_the_document_not_which_fits(facts):
    text = "How often are we going to be on calls with the provider if we pick KPO instead of BPO?"
    [answer] = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, concepts=["KPO", "BPO"]))
    assert as_text(answer).startswith("On communication with the provider")
    assert "Client Interaction: BPO: Less Frequent; KPO: More Frequent" in as_text(answer)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a question that follows a lead-in or a setting clause still asks the document
        ("As head of HR, how often would we talk to a KPO provider?", "frequent and in-depth interactions"),
        ("so how often do we meet a KPO provider?", "frequent and in-depth interactions"),
        # a question with no process in it asks the document, whatever NLU thought
        ("We get a huge spike every December. Can an outsourcing provider absorb that?", "seasonal fluctuations"),
    ],
)
def test_questions_taken_for_a_recommendation_ask_the_document(facts, text, phrase):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text))
    assert phrase in "\n".join(as_text(a) for a in results)
    assert not results[0].text.startswith(("The document does not settle", "Which process"))


def test_a_question_with_no_process_that_asks_which_fits_asks_for_the_process(facts):
    [answer] = respond(BY_INTENT["recommend"], facts, _turn("recommend", "which should we pick?"))
    assert answer.text.startswith("Which process do you want to outsource?")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # asking first, describing after
        ("is drug target identification KPO? our PhD biologists mine genomic and protein data to propose new targets",
         "KPO fits"),
        ("What kind of outsourcing is lost baggage report logging? Our staff enter the details using a standard form.",
         "BPO fits"),
        ("BPO or KPO? Our vendor does actuarial reserving reviews where qualified actuaries analyse our claims history.",
         "KPO fits"),
        ("kpo or bpo - my team of 6 PhD chemists runs formulation research for a paint maker", "KPO fits"),
        ("What would you call transcription of recorded meetings? Our vendor types up 300 hours of audio a month "
         "with off-the-shelf software, mainly to save us money.", "BPO fits transcription of recorded meetings"),
        ("We log 1,200 new claims a day into standard forms and route them using a rule table. Which category does "
         "that fall under?", "BPO fits"),
    ],
)
def test_a_process_asked_about_first_or_by_its_category_gets_which_fits(facts, text, start):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text))
    assert as_text(results[0]).startswith(start)


def test_a_how_would_question_asks_the_document_unless_it_asks_to_classify(facts):
    asks = respond(BY_INTENT["recommend"], facts,
                   _turn("recommend", "how would an outside bpo provider improve efficiency for us?", concepts="BPO"))
    assert as_text(asks[0]).startswith("On efficiency and quality")
    classify = respond(BY_INTENT["recommend"], facts, _turn("recommend", "how would you classify payroll?",
                                                            tasks="payroll"))
    assert as_text(classify[0]).startswith("BPO")


def test_a_comparison_whose_task_is_a_row_compares_on_that_row(other_facts):
    text = "Which one gives us more control over the environment, SaaS or IaaS?"
    answer, *backing = respond(BY_INTENT["recommend"], other_facts, _turn("recommend", text, tasks="control",
                                                                          concepts=["SaaS", "IaaS"]))
    assert as_text(answer).startswith("Control: SaaS: Low; IaaS: High.")
    assert [b.characteristic for b in backing] == ["Full Control"]  # (what the prose says behind the row)


def test_a_what_question_on_a_topic_naming_a_process_gets_the_topic(facts):
    text = "What's a typical hourly rate for an offshore BPO call center agent?"
    results = respond(BY_INTENT["example"], facts, _turn("example", text, tasks="call center agent", concepts="BPO"))
    assert as_text(results[0]).startswith("The document does not say anything about figures")


@pytest.mark.parametrize(("text", "task", "start"), [
    ("if we do payroll which one should we pick?", "payroll", "BPO"),
    ("if we outsource market research, which one is it?", "market research", "KPO"),
])
def test_an_if_question_that_asks_which_fits_still_gets_it(facts, text, task, start):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=task))
    assert as_text(results[0]).startswith(start)


@pytest.mark.parametrize("text", ["can we stop here?", "could you stop?"])
def test_a_cancel_that_asks_to_stop_is_a_cancel(facts, text):
    [answer] = respond(BY_INTENT["cancel"], facts, _turn("cancel", text))
    assert as_text(answer).startswith("There's nothing in progress to cancel.")


def test_a_negated_cue_word_is_quoted_with_its_negation(facts):
    answer = answers.recommend(facts.store, facts.recommender, "toll notices",
                               "toll notices, a million a year, no special skills, no experts")
    assert answer.text.startswith("BPO fits toll notices better") and '"no special"' in answer.text


def test_a_question_naming_no_process_is_no_recommendation_and_the_document_words_are_not_denied(other_facts):
    text = "Our devs want a specific Linux distro on their boxes. Would IaaS let them pick the operating system?"
    results = respond(BY_INTENT["recommend"], other_facts, _turn("recommend", text, concepts="IaaS"))
    shown = "\n".join(as_text(a) for a in results)
    assert "The customer chooses the operating system" in shown and "does not settle" not in shown
    assert "operating" not in shown.split("\n")[0]  # the document's own words are not said to be missing


@pytest.mark.parametrize(("intent", "text", "nlu_task", "named", "concept"), [
    # the process is what the message hands out, not who asks or does it
    ("recommend", "hey quick one, HR wants to outsource onboarding paperwork processing - collecting signed forms, "
     "checking boxes are filled in, entering details in the HR system. nothing needs expertise, just volume. bpo or kpo?",
     "HR wants", "onboarding paperwork processing", "BPO"),
    ("recommend", "Our oil and gas unit wants an external team to do reservoir simulation modelling. They'd need "
     "petroleum engineers and geoscientists using advanced simulation software. which kind is that?",
     "gas unit wants", "reservoir simulation modelling", "KPO"),
    # "how that's classified." ends asking which fits, with a full stop
    ("define", "Procurement plans to hand supplier invoice matching to a vendor. Clerks tick each line against a fixed "
     "checklist, thousands a week. Just curious how that's classified.", None, "supplier invoice matching", "BPO"),
    # "no two cases are alike" does not ask what the concepts share
    ("similarities", "Our lab is thinking of sending out statistical trial analysis. Biostatisticians design a custom "
     "analysis for each study and no two cases are alike. would that be bpo or kpo", None,
     "statistical trial analysis", "KPO"),

    # a short question pointing back at what was described, however typed
    ("recommend", "medical record copy requests for a clinic chain, our clerks check the signed consent form is "
     "present and send the standard file. what is that?", "medical record copy requests", "medical record copy requests",
     "BPO"),
    ("define", "We do library book check-in for a city library service: staff scan returned books against a fixed "
     "checklist. What type of outsourcing?", "library book check-in", "library book check-in", "BPO"),
    # a message that opens asking which concept the process it names is
    ("define", "which is pension fund asset allocation advice by experts?", None,
     "pension fund asset allocation advice by experts", "KPO"),
    ("out_of_scope", "what would you call it when senior lawyers draft and negotiate bespoke joint venture agreements?",
     None, "senior lawyers draft and negotiate bespoke joint venture agreements", "KPO"),
    # who is to do the work, then the work: "need someone to take", "a team to staff", "a remote team handling"
    ("recommend", "We run an online shoe store and need someone to take our inbound customer calls - returns, order "
     "status, that sort of thing. Which kind of outsourcing is that?", "store", "inbound customer calls", "BPO"),
    ("inform", "The city council wants an outside team to staff the parking-permit hotline. They'd follow our standard "
     "script and FAQ, nothing discretionary. Is that BPO or KPO?", "discretionary", "parking-permit hotline", "BPO"),
    ("recommend", "Our dental chain wants a remote team handling appointment scheduling and reminder calls. It's "
     "booking slots in the calendar system, nothing clinical. Which kind is it?", "chain", "appointment scheduling and "
     "reminder calls", "BPO"),
    # moving the work to a provider described by a compound word
    ("recommend", "Thinking about moving accounts payable processing for our factories to a shared-services vendor "
     "abroad. Matching POs, keying invoices, scheduling payments. BPO or KPO?", None,
     "accounts payable processing for our factories", "BPO"),
    # who needs it is not the work ("our engineers need a ..."), nor what the message is ("Logistics question:"),
    # nor "we send"
    ("inform", "Our engineers need a patent landscape analysis for a new battery chemistry before we commit R&D budget. "
     "It takes specialists who can read claims and judge freedom to operate. What kind of outsourcing would that be?",
     "engineers need a patent landscape analysis for a new battery chemistry",
     "patent landscape analysis for a new battery chemistry", "KPO"),
    ("recommend", "Logistics question: we send shipment tracking updates to customers by email using fixed templates, "
     "very high volume. Which type of outsourcing fits?", "Logistics question",
     "shipment tracking updates to customers by email using fixed templates", "BPO"),
    ("recommend", "Media group here. We'd like a partner for audience analytics and content strategy - digging into "
     "viewing data and advising what shows to commission. Is this knowledge work?", "Media group",
     "audience analytics and content strategy", "KPO"),
    # the doing that says what the work is stays in it ("specialists to analyse ..."), after who is to do it
    ("recommend", "we want someone outside to review our supplier contracts for legal risk, is that bpo or kpo?", None,
     "review our supplier contracts for legal risk", "KPO"),
])

def test_a_described_process_is_named_by_what_is_handed_out(facts, intent, text, nlu_task, named, concept):
    turn = _turn(intent, text, **({"tasks": nlu_task} if nlu_task else {}), concepts=["BPO", "KPO"])
    [fit] = respond(BY_INTENT[intent], facts, turn)
    assert as_text(fit).startswith(f"{concept} fits {named} better")


@pytest.mark.parametrize(("intent", "text", "nlu_task", "concept"), [
    # however the message ends asking what the process it described is called
    ("inform", "Could a vendor take over data entry of paper invoices from our plant? It's the same fields every time, "
     "we just want it cheaper. What do we call that?", "data entry", "BPO"),
    ("recommend", "order entry for the warehouse, can we outsource it and what's it called", "order entry for", "BPO"),
    ("recommend", "HR at the ministry is looking at outsourcing employee benefits enrollment - collecting forms, "
     "entering elections, answering routine questions from staff. What category is that?", "HR at", "BPO"),
    ("out_of_scope", "tier-1 IT helpdesk (password resets, account unlocks) - which kind of outsourcing?", "tier-1", "BPO"),
    ("recommend", "We'd like consultants to run a supply chain network optimization study: where to put warehouses, "
     "which lanes to keep, tailored to our business goals. Which outsourcing type?", "supply chain", "KPO"),
    # "knowledge work" is the kind of work only KPO's full name says
    ("inform", "The partners want to farm out legal research and drafting of opinions for a complex litigation matter "
     "to a specialist firm. Is that knowledge work?", "legal research", "KPO"),
    # taken for a comparison by NLU; and "scans" read as document scanning gives way to how the work is described
    ("compare", "Our hospital is short on radiologists and wants board-certified specialists elsewhere to do second "
     "reads of complex scans. What kind of outsourcing is that?", "radiologists", "KPO"),
])
def test_a_message_ending_asking_what_the_process_is_called_gets_a_verdict(facts, intent, text, nlu_task, concept):
    [fit] = respond(BY_INTENT[intent], facts, _turn(intent, text, tasks=nlu_task))
    assert as_text(fit).startswith(f"{concept} fits")


@pytest.mark.parametrize(("intent", "text"), [("define", "what is knowledge work?"),
                                              ("define", "which kind of outsourcing?"),
                                              ("compare", "is knowledge work harder than routine work?")])
def test_naming_the_kinds_without_a_process_asks_no_fit(facts, intent, text):
    assert which_fits(facts, _turn(intent, text)) is None


@pytest.mark.parametrize(("intent", "text"), [
    ("recommend", "which is better, bpo or kpo?"), ("recommend", "bottom line, which one is better: BPO or KPO?"),
    ("compare", "is BPO better than KPO?"), ("recommend", "which should we choose, bpo or kpo?"),
])
def test_which_is_better_with_nothing_to_weigh_them_on_is_not_settled_by_the_document(facts, intent, text):
    table, ask_task = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=["BPO", "KPO"]))
    assert as_text(table).startswith("The document does not say which of BPO or KPO is better overall")
    assert table.table and ask_task.topic == "ask_task"


def test_which_is_better_on_the_second_document_is_summed_up_in_its_own_words(other_facts):
    table, _ = respond(BY_INTENT["recommend"], other_facts,
                       _turn("recommend", "overall, is SaaS or IaaS the better choice for a company like ours?",
                             concepts=["SaaS", "IaaS"]))
    assert "SaaS is about low control and minimal effort" in table.text


@pytest.mark.parametrize(("intent", "text", "start"), [
    # a process or a topic weighs them: not the overall question
    ("recommend", "which is better for payroll, bpo or kpo?", "BPO: the document names payroll"),
    ("recommend", "which is cheaper, bpo or kpo", "The document does not compare BPO and KPO on cost."),
])
def test_which_is_better_for_something_is_answered_on_it(facts, intent, text, start):
    turn = _turn(intent, text, concepts=["BPO", "KPO"], **({"tasks": "payroll"} if "payroll" in text else {}))
    assert as_text(respond(BY_INTENT[intent], facts, turn)[0]).startswith(start)


@pytest.mark.parametrize(("intent", "text", "concepts"), [
    # who asks is no work to weigh them on
    ("recommend", "Which one is better for a small startup like ours, BPO or KPO?", ["BPO", "KPO"]),
    # "which one" names no concept but means the document's two
    ("recommend", "which one's better for a small company with no IT team", []),
])
def test_which_is_better_for_a_kind_of_organisation_is_not_settled_by_the_document(facts, intent, text, concepts):
    turn = _turn(intent, text, **({"concepts": concepts} if concepts else {}), tasks=["a", "small company with"])
    table, ask_task = respond(BY_INTENT[intent], facts, turn)
    # (a company size asked is first said to be what the document leaves out)
    assert as_text(table).removeprefix("The document does not cover company size for BPO and KPO. ").startswith(
        "The document does not say which of BPO or KPO is better overall")
    assert ask_task.topic == "ask_task"


@pytest.mark.parametrize(("which", "intent", "text", "start"), [
    ("bpo_kpo", "similarities", "is BPO or KPO quicker to get up and running?",
     "The document does not say which of BPO or KPO is quicker: it does not compare them on that."),
    ("saas_iaas", "out_of_scope", "Which is more secure, SaaS or IaaS?",
     "The document does not say which of SaaS or IaaS is more secure: it does not compare them on that."),
])
def test_a_comparative_the_document_never_speaks_of_is_said_not_compared_beside_the_table(
        facts, other_facts, which, intent, text, start):
    store = facts if which == "bpo_kpo" else other_facts
    concepts = [c.abbreviation for c in store.store.concepts()]
    [table] = respond(BY_INTENT[intent], store, _turn(intent, text, concepts=concepts))
    assert as_text(table).startswith(start) and table.table


@pytest.mark.parametrize(("intent", "text", "aspect", "start"), [
    # a form of the document's word, a row, or a topic it speaks of: answered on it
    ("compare", "which is more complex, bpo or kpo", "Complexity", "Complexity: BPO: Low to Medium; KPO: High."),
    ("compare", "which is more expensive, bpo or kpo?", None, "The document does not compare BPO and KPO on cost."),
    ("compare", "is kpo more knowledge-intensive than bpo?", None, ""),
])
def test_a_comparative_the_document_speaks_of_is_answered_on_it(facts, intent, text, aspect, start):
    turn = _turn(intent, text, concepts=["BPO", "KPO"], **({"aspects": aspect} if aspect else {}))
    answer = as_text(respond(BY_INTENT[intent], facts, turn)[0])
    assert answer.startswith(start) and "it does not compare them on that" not in answer


def test_a_concept_asked_alone_with_no_word_of_likeness_is_not_asked_what_they_share(facts):
    text = "what do we even get out of BPO besides saving money, anything?"
    [benefits, *_] = respond(BY_INTENT["similarities"], facts, _turn("similarities", text, concepts="BPO"))
    # its benefits, not the similarities, and not the cost it sets aside
    assert benefits.text.startswith("On benefits, these are the characteristics the document gives BPO")
    shared = respond(BY_INTENT["similarities"], facts, _turn("similarities", "what does bpo share with kpo",
                                                             concepts=["BPO", "KPO"]))[0]
    assert shared.text.startswith("The document names 8 similarities")


def test_a_topic_set_aside_is_not_asked():
    loaded = topics.load_topics()
    assert [t.key for t in topics.asked_topics("apart from cost, what are the benefits of BPO?", loaded)] == ["benefits"]
    assert [t.key for t in topics.asked_topics("besides saving money what else", loaded)] == []
    assert [t.key for t in topics.asked_topics("what does BPO save us, besides time?", loaded)] == ["cost"]


def test_a_request_for_examples_that_names_a_row_and_asks_no_examples_gets_the_row(facts):
    turn = _turn("example", "Do BPO vendors typically need advanced tools?", concepts="BPO", aspects="Technology Use")
    assert as_text(respond(BY_INTENT["example"], facts, turn)[0]).startswith(
        "BPO's technology use is Standard Tools, against Advanced Tools for KPO.")


@pytest.mark.parametrize(("which", "intent", "text", "concepts"), [
    ("saas_iaas", "out_of_scope", "saas vs iaas in one sentence pls", ["SaaS", "IaaS"]),
    ("bpo_kpo", "nlu_fallback", "Long story short, my team spends half the week reconciling invoices and the other half "
     "doing competitor deep-dives. What's the core difference between the two types in your doc, in terms of what kind "
     "of work goes where?", []),
])
def test_a_message_nlu_could_not_place_that_asks_how_they_differ_gets_the_comparison(
        facts, other_facts, which, intent, text, concepts):
    store = facts if which == "bpo_kpo" else other_facts
    results = respond(BY_INTENT[intent], store, _turn(intent, text, **({"concepts": concepts} if concepts else {})))
    assert any(a.topic == "compare" and a.table for a in results)


@pytest.mark.parametrize(("which", "text", "characteristic", "start"), [
    ("bpo_kpo", "do they both need vendor management? yes or no", "Vendor Management",
     "Yes: Vendor Management (shared by BPO and KPO): Managing external service providers"),
    ("bpo_kpo", "what do bpo and kpo have in common when it comes to risk?", "Risk Type",
     "Risk Management (shared by BPO and KPO): Outsourcing through BPO or KPO helps distribute operational risks."),
    ("saas_iaas", "do saas and iaas both run in the vendor's data centre?", None,
     "Yes: Vendor Hosting (shared by SaaS and IaaS): In both, the hardware sits in the vendor's data centre."),
])
def test_a_similarity_asked_about_is_that_one_not_all(facts, other_facts, which, text, characteristic, start):
    store = facts if which == "bpo_kpo" else other_facts
    concepts = [c.abbreviation for c in store.store.concepts()]
    turn = _turn("similarities", text, concepts=concepts, **({"characteristics": characteristic} if characteristic else {}))
    assert as_text(respond(BY_INTENT["similarities"], store, turn)[0]).startswith(start)
    everything = respond(BY_INTENT["similarities"], store, _turn("similarities", "what do they have in common?",
                                                                 concepts=concepts))[0]
    assert everything.text.startswith("The document names")


def test_what_they_have_in_common_in_plain_words_is_the_similarities(other_facts):
    text = "what do saas and iaas have in common, plain english pls"
    results = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", text, concepts=["SaaS", "IaaS"]))
    assert any(a.text.startswith("The document names 2 similarities between SaaS and IaaS") for a in results)


def test_a_difference_asked_beside_something_else_of_the_document_is_not_the_bare_comparison(other_facts):
    text = "who handles updates and patching with SaaS vs IaaS?"
    results = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", text, concepts=["SaaS", "IaaS"]))
    assert "There is nothing to install or patch." in " ".join(as_text(a) for a in results)


def test_what_a_quoted_term_means_is_asked_of_the_term(facts):
    text = ("I'm not a tech person, I'm in HR. My manager keeps dropping 'nearshore' in meetings and I just nod along. "
            "What does it actually mean?")
    results = respond(BY_INTENT["define"], facts, _turn("define", text, aspects="Technology Use"))
    shown = " ".join(as_text(a) for a in results)
    assert "nearshore, where services are delivered from a nearby country" in shown and "Technology Use" not in shown
    [kpo] = respond(BY_INTENT["define"], facts, _turn("define", 'my boss keeps saying "KPO". what is that?'))
    assert kpo.text.startswith("KPO stands for Knowledge Process Outsourcing")


def test_where_they_do_not_overlap_is_how_they_differ(facts):
    answer = respond(BY_INTENT["similarities"], facts, _turn("similarities", "where do BPO and KPO NOT overlap?",
                                                              concepts=["BPO", "KPO"]))[0]
    assert answer.table and answer.topic == "compare"
    answer = respond(BY_INTENT["similarities"], facts, _turn("similarities", "where do BPO and KPO overlap?",
                                                              concepts=["BPO", "KPO"]))[0]
    assert answer.text.startswith("The document names 8 similarities")


@pytest.mark.parametrize("text", ["which is rebate claim processing done with a checklist?",
                                  "which is ticket refund processing done by entry-level agents?"])
def test_which_is_a_named_process_is_answered_not_interviewed(facts, text):
    [fit] = instead_of_interview(facts, _turn("recommend", text))
    assert as_text(fit).startswith("BPO fits") and "Answer a few questions" in [b["title"] for b in fit.buttons]


@pytest.mark.parametrize(("text", "start"), [
    ("can you help me classify this: overnight phone answering for our hotel chain, basically taking messages and "
     "booking rooms in the standard reservation system", "BPO fits overnight phone answering for our hotel chain"),
    ("Good morning, I would like to outsource the processing of supplier timesheets. It is clerical work using our "
     "existing tools, with little need for ongoing discussion. Could you help me classify this?",
     "BPO fits processing of supplier timesheets"),
])
def test_a_request_to_classify_a_described_process_gets_the_verdict_and_the_offer_of_questions(facts, text, start):
    [fit] = instead_of_interview(facts, _turn("classify", text))
    assert as_text(fit).startswith(start) and "Answer a few questions" in [b["title"] for b in fit.buttons]


@pytest.mark.parametrize("text", ["can you help me classify my process?", "ask me the questions to classify payroll",
                                  "let's do the guided questions for payroll", "walk me through the criteria"])
def test_a_request_for_the_questions_gets_the_interview(facts, text):
    assert instead_of_interview(facts, _turn("classify", text)) == []


@pytest.mark.parametrize("text", ["which is cheaper?", "which is riskier?", "which is it?", "which is more strategic?"])
def test_which_is_with_a_comparison_or_nothing_named_asks_no_fit(facts, text):
    assert which_fits(facts, _turn("define", text)) is None


@pytest.mark.parametrize("intent", ["deny", "help"])
def test_a_question_taken_for_a_no_or_for_help_is_answered_on_the_concept_in_context(other_facts, intent):
    turn = Turn(text="so do we have to buy the hardware outright?", intent=intent, mentions=Mentions(),
                context=Context(concept="IaaS", topic="define"))
    assert "rather than bought outright" in as_text(respond(BY_INTENT[intent], other_facts, turn)[0])
    # "no" and "what can you do?" ask nothing of the document: the route's fixed response follows
    for text in ("no", "what can you do?", "no thanks", "can you help me understand IaaS?"):
        assert respond(BY_INTENT[intent], other_facts, Turn(text=text, intent=intent, mentions=Mentions(),
                                                            context=Context(concept="IaaS"))) == []
    assert BY_INTENT[intent].otherwise == {"deny": "utter_anything_else", "help": "utter_help"}[intent]


@pytest.mark.parametrize(("intent", "text", "concepts", "start"), [
    # a choice of the concepts, or inside a question about one, is no choice between other things
    ("compare", "which one is better for us, business process outsourcing or knowledge process outsourcing?",
     ["BPO", "KPO"], "The document does not say which of BPO or KPO is better overall"),
    ("compare", "Is KPO better for high or low volume?", ["KPO"], "KPO's complexity is High"),
    ("recommend", "which is better for payroll or invoicing?", [], "BPO: the document names payroll"),
    ("recommend", "in-house or outsourced, which is better for payroll?", [],
     "The document does not compare in-house and outsourced."),
])
def test_only_a_choice_that_stands_alone_is_a_choice_between_other_things(facts, intent, text, concepts, start):
    tasks = {"tasks": "payroll"} if "payroll" in text else {}
    turn = _turn(intent, text, **({"concepts": concepts} if concepts else {}), **tasks)
    assert as_text(respond(BY_INTENT[intent], facts, turn)[0]).startswith(start)


@pytest.mark.parametrize(("text", "task", "named"), [
    # NLU's task wins, unless it names who wants the work
    ("we are thinking of outsourcing to India, our payroll processing. bpo or kpo?", "payroll processing",
     "payroll processing"),
    ("we plan to outsource it next year: legal research for patents. bpo or kpo?", "legal research", "legal research"),
    ("hand over the whole thing, accounts payable, to a provider. bpo or kpo?", "accounts payable", "accounts payable"),
    ("hey quick one, HR wants to outsource onboarding paperwork processing. bpo or kpo?", "HR wants",
     "onboarding paperwork processing"),
])
def test_the_task_nlu_found_is_kept_unless_it_names_who_wants_the_work(facts, text, task, named):
    [fit] = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=task, concepts=["BPO", "KPO"]))
    assert f"fits {named} better" in as_text(fit)


def test_a_question_for_a_number_says_the_document_gives_none(facts):
    results = respond(BY_INTENT["example"], facts, _turn("example", "how long is a typical BPO contract term?",
                                                         concepts="BPO"))
    assert as_text(results[0]) == ("The document does not say anything about figures: it gives no numbers, durations, "
                                   "prices or amounts.")
    assert "Examples of BPO" not in " ".join(as_text(a) for a in results)


@pytest.mark.parametrize("text", ["roughly what does an offshore BPO vendor charge per agent hour for support?",
                                  "what is the going hourly rate for KPO analysts?"])
def test_a_price_asked_says_the_document_gives_none(facts, text):
    said = " ".join(as_text(a) for a in respond(BY_INTENT["define"], facts, _turn("define", text, concepts="BPO")))
    assert "The document does not say anything about figures" in said


def test_a_question_on_a_topic_naming_a_process_is_answered_on_the_topic(facts):
    text = "does our payroll outsourcing vendor have to be GDPR compliant?"
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks="payroll outsourcing vendor"))
    shown = " ".join(as_text(a) for a in results)
    assert "does not say anything about GDPR" in shown and "security and confidentiality" in shown
    assert "fits payroll" not in shown


def test_a_follow_up_asking_which_fits_the_process_in_context(other_facts):
    turn = Turn(text="if not, which one is it?", intent="recommend", mentions=Mentions(),
                context=Context(concept="SaaS", task="object storage", topic="example"))
    assert as_text(which_fits(other_facts, turn)).startswith("IaaS: the document names object storage as an example")


def test_a_clear_question_is_not_asked_what_it_meant(facts):
    text = "how many agents do we need to staff an outsourced customer service desk?"
    answers = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", text))
    assert as_text(answers[0]).startswith("The document does not") and not any(a.buttons for a in answers)
    # a message that is not a clear question still is
    [unclear] = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", "payroll thing kpo"))
    assert unclear.buttons


def test_the_task_nlu_found_that_the_message_hands_out_is_kept_whole(facts):
    text = ("The risk department wants to outsource credit risk model validation. Quants review our models and write "
            "findings for the regulator. Just curious how that's classified.")
    fit = which_fits(facts, _turn("recommend", text, tasks="credit risk model validation"))
    assert as_text(fit).startswith("KPO fits credit risk model validation better")


# -- the second look: the paragraph that best matches a question --------------------------------------


def test_the_paragraph_that_best_matches_a_question_is_found_whole(facts, other_facts):
    hit = facts.index.best_section("will a KPO firm make business decisions for us, or just advise?", ["KPO"])
    assert hit.section.where == "Knowledge Process Outsourcing (KPO)"
    assert any("strategic decision-making" in p.text for p in hit.section.passages)
    row = other_facts.index.best_section("how much control do we get over the machines on iaas?", ["IaaS"])
    assert row.section.concept == "IaaS" and "chooses the operating system" in row.section.passages[0].text


def test_an_answer_that_gave_up_gives_way_to_the_closest_paragraph(facts, other_facts):
    # an off-topic question on a concept, which the route can only say the document says nothing of
    text = "will a KPO firm make business decisions for us, or just advise?"
    results = respond(BY_INTENT["out_of_scope"], facts, _turn("out_of_scope", text, concepts="KPO"))
    said = "\n".join(as_text(a) for a in results)
    assert said.startswith("The document does not say anything about advise.\nThe closest it comes is in "
                           "Knowledge Process Outsourcing (KPO):")
    assert "strategic decision-making" in said and not results[-1].found
    # the scope, for a question on a concept of the second document, after saying what it never speaks of
    turn = _turn("out_of_scope", "Our devs want a specific Linux distro. Would IaaS let them pick the operating system?",
                 concepts="IaaS")
    said = "\n".join(as_text(a) for a in second_look(other_facts, turn, [answers.out_of_scope(other_facts.store)]))
    assert said.startswith("The document does not say anything about devs want, specific Linux distro")
    assert "The closest it comes is in Characteristics of IaaS: Full Control:" in said


def test_the_second_look_leaves_a_process_and_a_conversation_alone(facts):
    # a process the document does not settle keeps its offer of the guided questions
    text = "we do SIM activations for a mobile carrier, which one is that?"
    [answer] = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks="SIM activations"))
    assert answer.text.startswith("The document does not settle whether SIM activations is BPO or KPO.")
    # a cancel with nothing in progress is no question about the document
    [answer] = respond(BY_INTENT["cancel"], facts, _turn("cancel", "can we stop here?"))
    assert answer.text.startswith("There's nothing in progress to cancel.")
    # nor is a statement
    given = [answers.out_of_scope(facts.store)]
    assert second_look(facts, _turn("out_of_scope", "my cat likes strategic decisions"), given) == given


def test_a_template_answer_that_leaves_much_out_gets_the_paragraph_on_the_rest_once(facts):
    text = "how complex is KPO work, and how often do providers and clients interact?"
    turn = _turn("compare", text, concepts="KPO")
    row = Answer("KPO's complexity is High, against Low to Medium for BPO.", topic="aspect", concept="KPO",
                 aspect="Complexity")
    [given, added] = second_look(facts, turn, [row])
    assert given is row and added.aside
    assert added.text == "The document also says, in Characteristics of KPO: High Client Interaction:"
    assert any("frequent and in-depth interactions" in item for item in added.items)
    # a sentence already quoted is not quoted again
    quoted = next(p.text for p in facts.index.passages if p.text.startswith("Effective communication is crucial"))
    aside = Answer("The document also says:", items=[f'"{quoted}"'], aside=True)
    *_, added = second_look(facts, turn, [row, aside])
    assert added.items and not any(quoted in item for item in added.items)


@pytest.mark.parametrize(("intent", "text", "mentioned", "start"), [
    # the scope, for a message about nothing of the document, even one a word of it relates to
    ("out_of_scope", "Can you recommend a good laptop?", {}, "Sorry, that's outside what I can help with."),
    # "which process?", for a request that names none
    ("recommend", "what do you recommend?", {}, "Which process do you want to outsource?"),
    # the offer of the guided questions, for a process the message names
    ("recommend", "can we outsource invoice matching?", {"tasks": "invoice matching"},
     "The document does not settle whether invoice matching is BPO or KPO."),
])
def test_the_second_look_keeps_what_gave_up_on_purpose(facts, intent, text, mentioned, start):
    [answer] = respond(BY_INTENT[intent], facts, _turn(intent, text, **mentioned))
    assert answer.text.startswith(start)


@pytest.mark.parametrize(("text", "task", "start"), [
    # which concept is more of something, or does something: a comparison on a topic, not a fit for "capacity"
    ("If we suddenly need a lot more capacity, which model is easier to grow quickly?", "capacity",
     "On flexibility and scaling, here is what the document says about BPO and KPO:"),
    # a question of the document that opens yes or no, with a stray "task": what comes closest, not which fits
    ("will a KPO firm make business decisions for us, or just advise?", "firm make business decisions",
     "The document does not cover that question directly."),
])
def test_a_question_about_the_concepts_is_no_recommendation(facts, text, task, start):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=task))
    assert as_text(results[0]).startswith(start)
    assert not any(a.topic == "recommend" for a in results)


@pytest.mark.parametrize(("text", "task", "start"), [
    # a process it hands out, or which of the two fits it, is still placed
    ("could we outsource our claims processing?", "claims processing", "BPO fits claims processing better."),
    ("We need someone to build forecasts and advise the board on acquisitions. Which of the two models fits that?",
     "forecasts", "KPO fits"),
    ("which one is cheaper for payroll?", "payroll", "BPO"),
])
def test_a_process_to_place_is_still_recommended(facts, text, task, start):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=task))
    assert as_text(results[0]).startswith(start)


def test_which_of_the_two_does_something_is_answered_for_another_document(other_facts):
    text = "Which of the two lets us choose the operating system?"
    results = respond(BY_INTENT["recommend"], other_facts, _turn("recommend", text, tasks="operating system"))
    assert not any(a.topic == "recommend" for a in results)
    assert "The customer chooses the operating system" in " ".join(as_text(a) for a in results)


@pytest.mark.parametrize(("intent", "text", "start"), [
    # the question after the description: "does that count as", not a process handed out ("count")
    ("nlu_fallback", "Our lawyers perform legal due diligence reviews on M&A deals for private equity clients. "
                     "What kind of outsourcing does that count as?", "KPO fits legal due diligence reviews"),
    # which fits asked first, as a condition
    ("out_of_scope", "Is it BPO or KPO if my team updates stock levels in a pharmacy chain's inventory system every "
                     "night?", "BPO fits"),
    # one concept described, "or the other one"
    ("recommend", "we do comment moderation for a news website against a fixed content policy checklist; is that "
                  "the knowledge-based kind of outsourcing or the other one?", "BPO fits"),
])
def test_which_fits_asked_in_other_words(facts, intent, text, start):
    concepts = [c for c in ("BPO", "KPO") if c in text]
    results = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=concepts) if concepts else _turn(intent, text))
    assert as_text(results[0]).startswith(start)


@pytest.mark.parametrize(("task", "concept"), [
    ("reset forgotten passwords for telecom subscribers", "BPO"),
    ("handling returns and refund requests for an e-commerce shop", "BPO"),
    ("entering meter readings into a water utility's billing system", "BPO"),
])
def test_everyday_names_of_routine_work_are_placed(facts, task, concept):
    assert facts.recommender.recommend(task).concept == concept


def test_which_concept_is_more_of_something_is_no_table_row_by_row(facts):
    text = "which one will make our day to day operations run more efficiently, bpo or kpo"
    [answer, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=["BPO", "KPO"]))
    assert as_text(answer).startswith("The document does not compare BPO and KPO on efficiency and quality.")
    # "what sort of edge" asks the document, not which kind a process ("competitors") is
    turn = Turn(text="what sort of edge would it give us over competitors, concretely?", intent="recommend",
                mentions=Mentions(tasks=["competitors"]), context=Context(concept="KPO", topic="define"))
    [answer] = respond(BY_INTENT["recommend"], facts, turn)
    assert "gain a competitive edge" in as_text(answer) and "fits" not in as_text(answer)


def test_a_question_about_the_provider_is_not_told_which_fits_the_process(facts):
    text = "We've never had a proper payroll process. Would a BPO provider bring its own way of doing things?"
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, concepts="BPO", tasks="payroll"))
    assert not any(a.topic == "recommend" for a in results)
    # asked of the process itself, it is still placed
    [placed] = respond(BY_INTENT["recommend"], facts, _turn("recommend", "can a BPO provider handle our payroll?",
                                                             concepts="BPO", tasks="payroll"))
    assert as_text(placed).startswith("BPO: the document names payroll as an example of BPO")


@pytest.mark.parametrize(("intent", "text", "task", "start"), [
    # a process named by a reviewed everyday name of the document's ("modelling"), asked yes or no or with what
    ("recommend", "do we need KPO for actuarial modelling?", "actuarial modelling", "KPO fits actuarial modelling"),
    ("recommend", "what do you recommend for actuarial modelling?", "actuarial modelling", "KPO fits actuarial modelling"),
    ("recommend", "can a BPO provider handle our medical transcription?", "medical transcription", "BPO fits"),
    # a choice asked, though no evidence settles it: the offer of the guided questions, not passages
    ("recommend", "is BPO a good option for invoice matching?", "invoice matching",
     "The document does not settle whether invoice matching is BPO or KPO."),
    # "works", "better", "suit", "fit", "later" ask which fits the process described
    ("recommend", "we match supplier invoices against purchase orders. which one works for that?",
     "match supplier invoices", "BPO fits"),
    ("recommend", "we do medical transcription, which one would better suit us?", "medical transcription", "BPO fits"),
    ("recommend", "which is more likely to fit our equity research reports?", "equity research reports", "KPO fits"),
    ("recommend", "which one can we switch to later? we do medical transcription", "medical transcription", "BPO fits"),
    # "for a BPO" is a choice; "one side or the other" and "when the vendor is offshore" are no processes
    ("recommend", "is bank reconciliation something for a BPO?", "bank reconciliation", "BPO fits"),
])
def test_a_process_asked_about_in_a_question_is_still_placed(facts, intent, text, task, start):
    concepts = [c for c in ("BPO", "KPO") if c in text]
    results = respond(BY_INTENT[intent], facts, _turn(intent, text, tasks=task, concepts=concepts))
    assert as_text(results[0]).startswith(start)


@pytest.mark.parametrize("text", ["Does a BPO contract usually favour one side or the other?",
                                  "is it bpo or kpo when the vendor is offshore?"])
def test_a_question_with_no_process_is_not_told_which_fits(facts, text):
    assert which_fits(facts, _turn("recommend", text, concepts=["BPO", "KPO"])) is None


@pytest.mark.parametrize(("intent", "text", "start"), [
    # off-topic to NLU and naming no concept, but describing a process and asking which type it is
    ("out_of_scope", "our IT helpdesk resets passwords and logs tickets. which type would that be?", "BPO fits"),
    # "what kind of outsourcing is <process>?" asks which fits, whatever NLU took it for
    ("help", "what kind of outsourcing is our IT helpdesk?", "BPO fits IT helpdesk"),
])
def test_which_type_a_process_is_asked_without_naming_a_concept(facts, intent, text, start):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text))
    assert as_text(answer).startswith(start)


def test_a_follow_up_that_says_nothing_new_asks_the_earlier_question_again(facts, other_facts):
    billed = Context(concept="SaaS", topic="search", earlier=(_parsed("How is SaaS billed?", "out_of_scope", "SaaS"),))
    turn = Turn(text="and IaaS?", intent="follow_up", mentions=Mentions(concepts=["IaaS"]), context=billed)
    again, why = asked_again(other_facts, turn)
    assert (again.text, again.intent, again.mentions.concepts, why) == ("How is IaaS billed?", "out_of_scope",
                                                                        ["IaaS"], False)
    text = as_text(respond(BY_INTENT["follow_up"], other_facts, turn)[0])
    assert "billed by the hour or second of use" in text and "billed per seat" not in text
    # "ok" first, a question that named no concept, and the other concept asked as "the other one"
    drawbacks = Context(concept="BPO", earlier=(_parsed("What are the drawbacks of BPO?", "compare", "BPO"),))
    turn = Turn(text="ok and for KPO?", intent="affirm", mentions=Mentions(concepts=["KPO"]), context=drawbacks)
    assert as_text(respond(BY_INTENT["affirm"], facts, turn)[0]).startswith(
        "On drawbacks and risks, here is what the document says about KPO")
    risks = Context(concept="BPO", earlier=(_parsed("what are the risks?", "define"),))
    turn = Turn(text="what about the other one?", intent="follow_up", context=risks)
    assert asked_again(facts, turn)[0].text == "what are the risks for KPO?"
    # "same deal?" says nothing new either
    turn = Turn(text="what about IaaS, same deal?", intent="follow_up", mentions=Mentions(concepts=["IaaS"]),
                context=billed)
    assert asked_again(other_facts, turn)[0].text == "How is IaaS billed?"
    # "what's the deal with KPO?" asks what KPO is, not the last question again
    for text in ("and what's the deal with IaaS?", "and what is this IaaS thing?"):
        turn = Turn(text=text, intent="define", mentions=Mentions(concepts=["IaaS"]), context=billed)
        assert asked_again(other_facts, turn) is None


@pytest.mark.parametrize(("text", "task"), [("where would contract drafting fall?", "contract drafting"),
                                            ("Where does competitor analysis fall under?", "competitor analysis")])
def test_where_a_process_falls_asks_which_fits(facts, text, task):
    [answer, *_] = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=[task]))
    assert as_text(answer).startswith(f"KPO fits {task} better.")


def test_where_it_falls_asks_of_what_came_before_not_of_it(facts):
    assert which_fits(facts, _turn("recommend", "where does it fall?", tasks=["it"])) is None
    assert which_fits(facts, _turn("recommend", "where does the responsibility for data security fall?",
                                   tasks=["data security"])) is None
    # without NLU's task, the process is named without the question's words
    fit = which_fits(facts, _turn("recommend", "where would contract drafting fall?"))
    assert as_text(fit).startswith("KPO fits contract drafting better.")


def test_why_after_an_answer_gets_the_passages_that_explain_it(facts):
    earlier = (_parsed("What does the document say about KPO needing lots of interaction with the client?",
                       "define", "KPO"),)
    turn = Turn(text="why is that?", intent="define", context=Context(concept="KPO", aspect="Client Interaction",
                                                                      topic="aspect", earlier=earlier))
    text = as_text(respond(BY_INTENT["define"], facts, turn)[0])
    assert "Due to the nature of the work, KPO requires frequent and in-depth interactions" in text
    assert not text.startswith("KPO stands for")
    # a chain: "why?" after "and BPO?" asks the question before it, of the concept in context
    chain = (_parsed("and BPO?", "follow_up", "BPO"), *earlier)
    turn = Turn(text="why?", intent="define", context=Context(concept="BPO", earlier=chain))
    assert asked_again(facts, turn)[0].text.startswith("What does the document say about BPO needing")


def test_why_after_a_follow_up_on_another_process_is_about_that_process(facts):
    asked = "is data entry BPO or KPO?"
    first = {**_parsed(asked, "recommend", "BPO", "KPO")}
    first["entities"] = [*first["entities"], {"entity": "task", "value": "data entry", "start": 3, "end": 13}]
    then = {"text": "and market research?", "intent": {"name": "follow_up"},
            "entities": [{"entity": "task", "value": "market research", "start": 4, "end": 19}]}
    turn = Turn(text="why?", intent="follow_up", context=Context(concept="KPO", task="market research", topic="recommend",
                                                                 earlier=(then, first)))
    [verdict, *_] = respond(BY_INTENT["follow_up"], facts, turn)
    assert "market research" in as_text(verdict) and "data entry" not in as_text(verdict)


@pytest.mark.parametrize("text, earlier", [
    ("and what does it cost?", _parsed("what is KPO?", "define", "KPO")),       # words of its own
    ("and KPO?", _parsed("is payroll BPO or KPO?", "recommend", "BPO", "KPO")),  # a process: its verdict said why
    ("and KPO?", _parsed('/inform{"task": "payroll"}', "inform")),              # a button
    ("and KPO?", _parsed("how do BPO and KPO differ?", "compare", "BPO", "KPO")),  # both asked already
    ("and KPO?", _parsed("thanks, bye", "goodbye")),                            # no question
    ("KPO?", _parsed("what is BPO?", "define", "BPO")),                         # a bare name asks what it is
])
def test_follow_ups_that_are_not_the_earlier_question_again(facts, text, earlier):
    mentions = Mentions(concepts=["KPO"]) if "KPO" in text else Mentions()
    turn = Turn(text=text, intent="follow_up", mentions=mentions, context=Context(concept="BPO", earlier=(earlier,)))
    assert asked_again(facts, turn) is None


@pytest.mark.parametrize("text", ["What's the basic difference between BPO and KPO?",
                                  "what is the fundamental distinction between kpo and bpo"])
def test_how_deep_a_difference_goes_asks_the_whole_table_not_a_row(facts, text):
    [answer, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=["BPO", "KPO"]))
    assert "Row by row" in as_text(answer) and answer.aspect is None


def test_more_before_a_preposition_compares_nothing(facts):
    text = "Which lets a company focus more on its core business - BPO or KPO?"
    # (to focus on something is no Focus row: the document says both let a business do it)
    given = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=["BPO", "KPO"], aspects="Focus"))
    assert not any("which is more on" in as_text(a) for a in given)
    assert "concentrate on their core competencies" in as_text(given[-1])
    [risky, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", "which one is less risky?", aspects="Risk Type"))
    assert as_text(risky).startswith("The document does not say which is less risky")


@pytest.mark.parametrize(("text", "tasks", "starts"), [
    ("we want to outsource payroll and market research, which is BPO and which is KPO?",
     ["payroll and market research"], ["BPO: the document names payroll", "KPO: the document names market research"]),
    ("We're deciding whether to outsource our routine invoice matching and, separately, our pricing strategy work. "
     "How do we decide which of these would be BPO and which KPO?", ["routine invoice matching", "pricing strategy work"],
     ["The document does not settle whether routine invoice matching", "KPO fits pricing strategy work"]),
])
def test_several_processes_asked_which_is_which_are_each_placed_on_their_own_words(facts, text, tasks, starts):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=tasks, concepts=["BPO", "KPO"]))
    shown = [as_text(a) for a in results if not a.aside]
    assert len(shown) == len(starts) and all(t.startswith(s) for t, s in zip(shown, starts, strict=True)), shown


@pytest.mark.parametrize(("text", "task"), [
    ("research and development, which of these is it?", "research and development"),  # one process the document names
    ("which fits data entry and bookkeeping?", "data entry and bookkeeping"),         # not asked one by one
])
def test_one_process_or_one_question_gets_one_verdict(facts, text, task):
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=task))
    assert len([a for a in results if not a.aside]) == 1


@pytest.mark.parametrize("text", ["Can u recommend a couple of good KPO vendors in India for our analytics work?",
                                  "Which KPO firms would you recommend for legal research?",
                                  "who are the biggest BPO companies?"])
def test_a_request_for_providers_by_name_is_told_the_document_names_none(facts, text):
    concept = "KPO" if "KPO" in text else "BPO"
    results = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, concepts=concept))
    [notice] = [a for a in results if "particular" in as_text(a)]
    assert as_text(notice) == f"The document does not say anything about particular {concept} providers: it names " \
                              "and recommends none."
    assert notice.outcome == "not_covered" and not any(a.topic in ("recommend", "offer_classify") for a in results)
    assert ("India" in text) == ("The document does not say anything about India." in as_text(results[0]))
    # what makes a good provider, or what providers are good at, is asked of the document
    for asked in ("what makes a good BPO provider?", "what are BPO providers usually good at?"):
        assert "particular" not in as_text(respond(BY_INTENT["define"], facts, _turn("define", asked, concepts="BPO"))[0])


def test_a_request_for_providers_by_name_on_the_second_document(other_facts):
    [notice, *_] = respond(BY_INTENT["recommend"], other_facts, _turn("recommend", "which IaaS providers do you suggest?",
                                                                      concepts="IaaS"))
    assert as_text(notice).startswith("The document does not say anything about particular IaaS providers")


@pytest.mark.parametrize(("text", "earlier"), [
    ("alright", _parsed("What are the drawbacks of BPO?", "compare", "BPO")),          # agreeing asks nothing
    ("that's right", _parsed("What are the drawbacks of BPO?", "compare", "BPO")),
    ("hmm", _parsed("What are the drawbacks of BPO?", "compare", "BPO")),
    ("and?", _parsed("What are the drawbacks of BPO?", "compare", "BPO")),
    ("and what about KPO?", _parsed("what's the weather like in Paris?", "out_of_scope")),  # off-topic, no concept
    ("why KPO and not BPO?", _parsed("What are the drawbacks of BPO?", "compare", "BPO")),  # asks something else
    ("and for BPO?", {**_parsed("it needs expert judgement", "define"), "in_form": True}),  # an answer in the form
])
def test_messages_that_do_not_ask_the_earlier_question_again(facts, text, earlier):
    mentions = Mentions(concepts=[c for c in ("KPO", "BPO") if c in text])
    turn = Turn(text=text, intent="follow_up", mentions=mentions, context=Context(concept="BPO", earlier=(earlier,)))
    assert asked_again(facts, turn) is None


def test_a_definition_asked_is_the_question_a_follow_up_asks_again(facts):
    earlier = (_parsed("what is KPO?", "define", "KPO"), _parsed("What are the drawbacks of BPO?", "compare", "BPO"))
    turn = Turn(text="and BPO?", intent="follow_up", mentions=Mentions(concepts=["BPO"]),
                context=Context(concept="KPO", earlier=earlier))
    assert asked_again(facts, turn)[0].text == "what is BPO?"
    assert as_text(respond(BY_INTENT["follow_up"], facts, turn)[0]).startswith("BPO stands for")


def test_why_after_a_verdict_gives_the_verdict_and_its_reasons_again(facts):
    verdict = {**_parsed("is contract review BPO or KPO?", "recommend", "BPO", "KPO"),
               "entities": [{"entity": "task", "value": "contract review", "start": 3, "end": 18}]}
    turn = Turn(text="why?", intent="define", context=Context(concept="KPO", task="contract review", earlier=(verdict,)))
    assert as_text(respond(BY_INTENT["define"], facts, turn)[0]).startswith("KPO fits contract review")
    # asked of another concept, a process is not asked again
    turn = Turn(text="and BPO?", intent="follow_up", mentions=Mentions(concepts=["BPO"]),
                context=Context(concept="KPO", earlier=(verdict,)))
    assert asked_again(facts, turn) is None


@pytest.mark.parametrize("text", ["list the characteristics of BPO providers", "who are the typical clients of KPO firms?",
                                  "which companies are best suited for KPO?", "How do top KPO firms ensure quality?",
                                  "do the biggest companies use BPO or KPO?", "name the main risks companies face with BPO",
                                  "what skills do leading KPO providers look for when hiring?",
                                  "would you recommend BPO for companies like ours?"])
def test_questions_about_providers_that_ask_for_no_names(facts, text):
    results = respond(BY_INTENT["define"], facts, _turn("define", text, concepts=[c for c in ("BPO", "KPO") if c in text]))
    assert not any("particular" in as_text(a) for a in results)


def test_several_processes_for_each_are_each_placed(facts):
    text = "we answer customer emails and do patent analysis for the legal team. bpo or kpo for each?"
    results = respond(BY_INTENT["compare"], facts, _turn("compare", text, tasks=["customer emails", "patent analysis"],
                                                         concepts=["BPO", "KPO"]))
    shown = [as_text(a) for a in results if not a.aside]
    assert len(shown) == 2 and shown[0].startswith("BPO fits customer emails") and shown[1].startswith("KPO fits patent")


def test_a_passage_about_the_other_concept_says_whose_it_is(other_facts):
    [answer, *_] = respond(BY_INTENT["recommend"], other_facts,
                           _turn("recommend", "With SaaS, who picks the operating system?", concepts="SaaS"))
    assert 'Of IaaS: "The customer chooses the operating system' in as_text(answer)
    [asked, *_] = respond(BY_INTENT["recommend"], other_facts,
                          _turn("recommend", "With IaaS, who picks the operating system?", concepts="IaaS"))
    assert '- "The customer chooses the operating system' in as_text(asked) and "Of IaaS" not in as_text(asked)


def test_chat_openers_and_misspelled_stop_words_are_no_names_the_document_lacks(facts):
    [answer, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", "hey what is the diffrence betwen bpo and kpo",
                                                              concepts=["BPO", "KPO"]))
    assert "Row by row" in as_text(answer) and "does not say anything" not in as_text(answer)
    assert retrieve.unmentioned(facts.index, "is Teleperformance a good BPO company?") is not None


def test_a_message_that_is_only_a_topic_asks_it_of_the_concept_in_context(facts, other_facts):
    turn = Turn(text="any downsides?", intent="nlu_fallback", context=Context(concept="BPO", topic="search"))
    text = as_text(respond(BY_INTENT["nlu_fallback"], facts, turn)[0])
    assert text.startswith("On drawbacks and risks, here is what the document says about BPO")
    assert "new risks related to vendor management" in text
    turn = Turn(text="any downsides?", intent="nlu_fallback", context=Context())
    assert as_text(respond(BY_INTENT["nlu_fallback"], facts, turn)[0]).startswith(
        "On drawbacks and risks, here is what the document says about BPO and KPO")
    turn = Turn(text="and the costs?", intent="nlu_fallback", context=Context(concept="IaaS"))
    assert "billed by the hour" in as_text(respond(BY_INTENT["nlu_fallback"], other_facts, turn)[0])


def test_a_topic_nlu_took_for_examples_is_answered_on_the_topic(facts):
    answer = respond(BY_INTENT["example"], facts, _turn("example", "any downsides to KPO?", concepts="KPO"))[0]
    assert answer.text.startswith("On drawbacks and risks")
    answer = respond(BY_INTENT["example"], facts, _turn("example", "give me some KPO examples", concepts="KPO"))[0]
    assert answer.text.startswith("Examples of KPO")


def test_a_message_naming_the_field_but_no_concept_is_answered_from_the_document(facts):
    turn = _turn("out_of_scope", "how does an outsourcing partner help with seasonal spikes in work")
    answer = respond(BY_INTENT["out_of_scope"], facts, turn)[0]
    assert "seasonal fluctuations" in as_text(answer)
    # and taken for a definition: the topic, of both concepts
    answer = respond(BY_INTENT["define"], facts, _turn("define", "is outsourcing a good idea in general?"))[0]
    assert answer.text.startswith("On benefits, here is what the document says about BPO and KPO")
    # off the field altogether, the scope
    scope = respond(BY_INTENT["out_of_scope"], facts, _turn("out_of_scope", "what's the weather in paris"))[-1]
    assert scope.text.startswith("Sorry, that's outside what I can help with")


def test_the_field_is_the_word_every_concepts_full_name_ends_with(facts, other_facts):
    assert facts.names.field_words == {"outsource"} and other_facts.names.field_words == {"service"}


@pytest.mark.parametrize(("intent", "text", "start"), [
    # chat shorthand is read as the word it stands for: no "does not say anything about diff / ppl / tech"
    ("compare", "so whats the main diff", "In short:"),
    ("compare", "what kind of ppl do we need on the vendor side for kpo", "On the people who do the work"),
    # two things set side by side that are not the concepts
    ("compare", "offshore vs nearshore whats the diff", "The document does not compare offshore and nearshore."),
])
def test_shorthand_and_other_things_side_by_side(facts, intent, text, start):
    concepts = {"concepts": "KPO"} if "kpo" in text else {}
    results = respond(BY_INTENT[intent], facts, _turn(intent, text, **concepts))
    assert as_text(results[0]).startswith(start)
    assert not any("does not say anything about" in as_text(a) for a in results)


def test_what_we_call_a_process_if_we_outsource_it_gets_a_verdict(facts):
    text = ("we have a team that answers customer emails and phone calls all day, pretty scripted stuff, tickets etc. "
            "what do we call that if we outsource it?")
    [fit] = respond(BY_INTENT["inform"], facts, _turn("inform", text, tasks="customer emails and phone calls"))
    assert as_text(fit).startswith("BPO fits customer emails and phone calls better")


@pytest.mark.parametrize("text", ["kpo def pls", "what is the definition of kpo", "kpo meaning?"])
def test_asking_for_a_definition_in_other_words_gets_the_definition(facts, text):
    answer = respond(BY_INTENT["define"], facts, _turn("define", text, concepts="KPO"))[0]
    assert answer.text.startswith("KPO stands for Knowledge Process Outsourcing")


@pytest.mark.parametrize(("intent", "text", "nlu_task", "start"), [
    # a description word does not overturn what the task's own words settle (payroll is a BPO example)
    ("recommend", "we want to outsource payroll processing; our senior accountants do it now. bpo or kpo?",
     "payroll processing", "BPO fits payroll processing better"),
    # the work a preamble names when nothing else does ("Data entry question - ...")
    ("define", "Data entry question - is that BPO?", None, "BPO fits Data entry better"),
    ("define", "We do payroll here - is that BPO?", None, "BPO: the document names payroll"),
    # "needs" inside a task's name wants nothing
    ("recommend", "training needs analysis - bpo or kpo?", "training needs analysis", "KPO fits training needs analysis"),
])
def test_what_settles_a_task_and_names_it(facts, intent, text, nlu_task, start):
    turn = _turn(intent, text, **({"tasks": nlu_task} if nlu_task else {}))
    assert as_text(respond(BY_INTENT[intent], facts, turn)[0]).startswith(start)


def test_the_field_alone_asks_nothing_of_the_document_without_a_topic(other_facts):
    turn = _turn("out_of_scope", "what's the best streaming service for kids?")
    assert respond(BY_INTENT["out_of_scope"], other_facts, turn)[-1].text.startswith("Sorry, that's outside")


def test_two_things_side_by_side_with_the_concepts_named_weigh_the_concepts(facts):
    turn = _turn("compare", "cost vs quality: how do BPO and KPO compare?", concepts=["BPO", "KPO"])
    assert "does not compare cost and quality" not in as_text(respond(BY_INTENT["compare"], facts, turn)[0])


@pytest.mark.parametrize(("text", "differs"), [("what don't they have in common?", True),
                                               ("is it not true that they share the same risks?", False)])
def test_what_they_do_not_share_is_how_they_differ(facts, text, differs):
    answer = respond(BY_INTENT["similarities"], facts, _turn("similarities", text))[0]
    assert (answer.topic == "compare") is differs


def test_several_processes_asked_each_are_the_ones_the_document_settles_and_the_rows_asked_too(facts):
    text = ("ok so long story: mid size ecommerce co here, thinking of outsourcing accounts payable (invoices, payments) "
            "and separately market research on new regions. which is bpo and which is kpo, and what are the risks of each?")
    turn = _turn("recommend", text, tasks=["long story", "accounts payable", "invoices", "payments",
                                           "separately market research"], aspects="Risk Type")
    shown = [as_text(a) for a in respond(BY_INTENT["recommend"], facts, turn)]
    assert shown[0].startswith("BPO fits accounts payable better")
    assert shown[1].startswith("KPO: the document names market research")
    assert "Operational Risks" in shown[2] and not any("does not settle" in s for s in shown)


@pytest.mark.parametrize(("intent", "text"), [("compare", "which bucket?"), ("compare", "so which one for us? bpo or kpo")])
def test_which_again_right_after_a_process_is_the_verdict_on_it(facts, intent, text):
    turn = Turn(text=text, intent=intent, mentions=Mentions(concepts=["BPO", "KPO"] if "bpo" in text else []),
                context=Context(task="competitor pricing analysis", topic="recommend"))
    [fit] = respond(BY_INTENT[intent], facts, turn)
    assert as_text(fit).startswith("KPO fits competitor pricing analysis better")
    # with no process in context, or asking more than which, it is no such follow-up
    assert respond(BY_INTENT[intent], facts, replace(turn, context=Context()))[0].topic != "recommend"
    cheaper = replace(turn, text="which is cheaper?", mentions=Mentions())
    assert not as_text(respond(BY_INTENT[intent], facts, cheaper)[0]).startswith("KPO fits")


@pytest.mark.parametrize(("intent", "text", "start"), [
    # NLU's intent follows the description's words ("different", "risk"); the last sentence asks which kind
    ("compare", "our legal team is swamped with reviewing supplier contracts. every deal is different, it needs "
                "qualified lawyers, and the terms affect our risk, so we'd talk to them constantly. bpo or kpo?",
     "KPO fits"),
    ("inform", "We need old paper records scanned and indexed, about forty boxes of them. Simple, repetitive, a "
               "general workforce can do it and we'd barely talk to the provider. Where does that sit?", "BPO fits"),
    ("out_of_scope", "I run a small office and first-line IT support eats my week: password resets, printer "
                     "issues, new laptops. Any general tech with the usual ticketing tools could do it. What "
                     "category does that fall into?", "BPO fits"),
    ("inform", "Refund emails follow a fixed policy here, agents just apply the rules and use templates, and we "
               "want it cheaper. is that routine outsourcing or the knowledge kind?", "BPO fits"),
    ("inform", "Every two weeks we run payroll for our staff. It's the same steps every cycle, in a standard payroll "
               "package. Is that the routine kind or the knowledge kind?", "BPO fits"),
    # a short last question that asks nothing but which kind, in any words
    ("inform", "We advise multinational companies on tax structuring across jurisdictions. Our staff are mostly "
               "chartered accountants and tax lawyers with years of experience, and every engagement is custom. "
               "How would you label this?", "KPO fits"),
    ("inform", "we handle the onboarding paperwork for new hires at several companies, mostly filling in standard "
               "forms and keying them into the system. which is it?", "BPO fits"),
    ("recommend", "A bank asked my team to produce competitive intelligence reports on fintech rivals, digging "
                  "through filings and turning it all into recommendations for their strategy board. Which "
                  "outsourcing type is that closest to?", "KPO fits"),
    ("out_of_scope", "Our supplier invoices have to be keyed into the finance system every day, always the same steps "
                     "and no judgement needed. What should we go for?", "BPO fits"),
    # "how would you classify ...", however long; one kind offered in the words of a concept's name
    ("recommend", "I manage six people in Manchester. Our main job is merging duplicate customer records with the "
                  "built-in rules and a checklist, high volume and very repetitive. How would you classify it if we "
                  "brought in an outside firm?", "BPO fits merging duplicate customer records better"),
    ("define", "Our analysts build bespoke pricing models for each client with advanced statistical tools, and the "
               "results steer their strategy. If we outsourced it, is that the knowledge kind?", "KPO fits"),
    ("out_of_scope", "we run the IT helpdesk for 2000 staff, resetting laptops, vpn issues, onboarding accounts. "
                     "knowledge kind or not?", "BPO fits"),
    # a description that asks nothing, of the user's own work
    ("inform", "We need tax planning advice for our expansion into new countries. It's complex, requires "
               "specialised tax experts, and will feed directly into strategic decisions.", "KPO fits"),
])
def test_a_long_description_then_which_kind_gets_the_verdict(facts, intent, text, start):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text))
    assert as_text(answer).startswith(start)
    # the process as the description names it, not the question's words
    assert "knowledge kind" not in as_text(answer).split(" better.")[0]


@pytest.mark.parametrize(("intent", "text"), [
    # a short question, or a long one that asks something else, is not a process to place
    ("define", "We outsource payroll to a vendor in another country and it mostly works. What are the risks?"),
    ("compare", "bpo or kpo?"),
    # two kinds offered that are none of the concepts; a request anywhere in a message that asks nothing
    ("inform", "Our company handles insurance claims processing for several clients and may hand part of it to a "
               "vendor. Would that be the fixed-price or the hourly kind?"),
    ("inform", "We need medical transcription of dictated notes done word for word every day. Honestly I just want "
               "to know what the document says about the similarities between BPO and KPO."),
    # a short last question that asks something else, or nothing of kinds
    ("define", "what do you actually get back from a kpo engagement - a report? recommendations? something else?"),
    ("define", "We outsource payroll to a vendor in another country and it mostly works. How does that work?"),
    ("out_of_scope", "Our support team answers about two thousand routine customer emails a week with standard "
                     "templates. Why?"),
    ("compare", "Our support team answers about two thousand routine customer emails a week with standard "
                "templates. Who is the best one?"),
    ("out_of_scope", "Our support team answers about two thousand routine customer emails a week with standard "
                     "templates. What now?"),
    # "how it works" is no kind of work asked
    ("define", "Someone in the steering meeting said KPO vendors just hand you a report and disappear. Is that really "
               "how it works?"),
])
def test_a_question_after_a_description_that_asks_no_kind_is_no_verdict(facts, intent, text):
    answers_given = respond(BY_INTENT[intent], facts, _turn(intent, text))
    assert not any(a.topic == "recommend" and a.found for a in answers_given)


def test_what_should_we_pick_after_a_description_gets_the_verdict(other_facts):
    text = "small team, no sysadmins, we need a CRM and email asap. what should we pick"
    [answer, *_] = respond(BY_INTENT["recommend"], other_facts, _turn("recommend", text, tasks=["CRM and email"]))
    assert as_text(answer).startswith("SaaS fits")


def test_a_long_description_on_the_second_document_gets_the_verdict(other_facts):
    text = ("We wrote our own python app and need somewhere to run it; we pick the operating system and install "
            "everything ourselves on rented virtual machines. Where does that sit?")
    [answer, *_] = respond(BY_INTENT["inform"], other_facts, _turn("inform", text))
    assert as_text(answer).startswith("IaaS fits")


def test_chat_interjections_and_a_misspelled_stop_word_ask_nothing(facts):
    # "oops sorry" is no process, and "whch" ("which") no word the document fails to use
    results = respond(BY_INTENT["define"], facts, _turn("define", "oops sorry, whch one is cheaper, bpo or kpo?",
                                                          concepts=["BPO", "KPO"]))
    text = "\n".join(as_text(a) for a in results)
    assert "oops" not in text.lower() and "whch" not in text
    assert "The document does not compare BPO and KPO on cost" in text
    assert facts.index.read("lol hmm what is kpo").words == ()
    assert facts.index.read("whats teh diffrence betwen them").words == ("difference",)
    assert facts.index.read("how does KPO handle ATS data?").unknown == ("ATS",)  # a name in capitals stays one


def test_like_a_five_year_old_asks_what_each_is(other_facts):
    results = respond(BY_INTENT["out_of_scope"], other_facts,
                      _turn("out_of_scope", "explain saas and iaas like i'm 5", concepts=["SaaS", "IaaS"]))
    assert [a.topic for a in results] == ["define", "define"]


@pytest.mark.parametrize("text", ["saas vs iaas tl;dr?", "saas vs iaas, quick rundown"])
def test_how_to_answer_is_no_topic_of_the_comparison(other_facts, text):
    results = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", text, concepts=["SaaS", "IaaS"]))
    assert any(a.topic == "compare" and a.table for a in results) and all(a.topic in ("define", "compare")
                                                                          for a in results)
    assert not any("does not say anything" in as_text(a) for a in results)


def test_a_named_example_asked_as_either_or_gets_which_not_yes(facts):
    [answer] = respond(BY_INTENT["example"], facts, _turn("example", "is customer service bpo or kpo?",
                                                         tasks="customer service", concepts=["BPO", "KPO"]))
    assert as_text(answer).startswith("BPO: the document names customer service as an example of BPO")


def test_a_question_after_what_was_said_asks_only_itself(facts):
    # the sentence before only says where the name was heard: the question is what KPO means, and "boss" is not asked
    text = "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol"
    [answer] = respond(BY_INTENT["define"], facts, _turn("define", text, concepts="KPO"))
    assert as_text(answer).startswith("KPO stands for Knowledge Process Outsourcing.")
    # what is said of KPO is no term heard: "it" is what was said
    said = respond(BY_INTENT["define"], facts, _turn("define", "KPO requires specialised skills. What does it even mean?",
                                                     concepts="KPO"))
    assert not as_text(said[0]).startswith("KPO stands for")
    # an earlier request asks too: its name the document never uses is still said
    [notice, *_] = respond(BY_INTENT["define"], facts, _turn("define", "Explain how BPO handles GDPR. What are the risks?",
                                                             concepts="BPO"))
    assert notice.text == "The document does not say anything about GDPR."
    # "Is that really how it works?" asks about what was said, not what KPO is
    said = ("Someone in the steering meeting said KPO vendors just hand you a report and disappear. "
            "Is that really how it works?")
    answer = as_text(respond(BY_INTENT["define"], facts, _turn("define", said, concepts="KPO"))[0])
    assert answer.startswith("On communication with the provider and the relationship with the provider, here is what "
                             "the document says about KPO:")


def test_a_process_described_with_what_kind_of_outsourcing_is_no_topic_of_outsourcing(facts):
    text = "my team builds demand forecasting models with machine learning for manufacturers, what kind of outsourcing is that"
    [answer, *_] = respond(BY_INTENT["out_of_scope"], facts, _turn("out_of_scope", text, tasks="demand forecasting"))
    assert as_text(answer).startswith("KPO fits demand forecasting")


def test_the_biggest_providers_on_the_market_are_not_named(facts):
    text = "who are the biggest KPO companies on the market right now?"
    [notice, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts="KPO"))
    assert notice.text.startswith("The document does not say anything about particular KPO providers")


def test_a_request_for_providers_names_is_told_the_document_names_none(facts):
    [notice, *_] = respond(BY_INTENT["define"], facts, _turn("define", "ok what about KPO companies, like any names?",
                                                             concepts="KPO"))
    assert notice.text.startswith("The document does not say anything about particular KPO providers")


def test_a_comparative_follow_up_is_about_the_concept_in_context(facts):
    after_kpo = Context(concept="KPO", topic="define")
    cheaper = replace(_turn("define", "is it cheaper?", characteristics="Cost Efficiency"), context=after_kpo)
    answer = [as_text(a) for a in respond(BY_INTENT["define"], facts, cheaper)]
    assert answer[0].startswith("Cost Efficiency (shared by BPO and KPO)")
    assert any(a.startswith("The document does not compare BPO and KPO on cost.") for a in answer)
    dearer = replace(_turn("compare", "is it more expensive than BPO?", concepts="BPO"), context=after_kpo)
    assert as_text(respond(BY_INTENT["compare"], facts, dearer)[0]).startswith(
        "The document does not compare KPO and BPO on cost. On cost, here is what the document says about KPO and BPO:")
    # "it" that is no concept: in-house work, or the characteristic itself
    in_house = replace(_turn("compare", "is BPO cheaper than doing it in-house?", concepts="BPO"), context=after_kpo)
    assert as_text(respond(BY_INTENT["compare"], facts, in_house)[0]).startswith(
        "On cost, here is what the document says about BPO:")
    itself = replace(_turn("define", "what is 24/7 operations? how does it work?",
                           characteristics="Global Reach and 24/7 Operations"), context=after_kpo)
    assert as_text(respond(BY_INTENT["define"], facts, itself)[0]).startswith("Global Reach and 24/7 Operations (BPO):")


@pytest.mark.parametrize(("text", "named"), [
    ("I'm in Lisbon with a team of nine and we report into the ops director in Leeds. Every morning we do delivery "
     "exception logging: pull yesterday's failed deliveries from the courier portal, log them in a shared tracker and "
     "email each customer a standard template. Which kind is this?", "delivery exception logging"),
    ("So I lead a small insights team - five analysts, two in Toronto, three remote. What we do is customer "
     "segmentation analysis: we build clustering models in Python on our purchase data and turn the segments into "
     "strategy. Which kind is this?", "customer segmentation analysis"),
    ("Our engineering group in Stuttgart is about twenty people. Part of our work is finite element simulations for "
     "new product designs, done by engineers with master's degrees. Which kind is this?", "finite element simulations"),
])
def test_a_long_description_is_named_by_what_it_says_its_work_is(facts, text, named):
    [answer, *_] = respond(BY_INTENT["recommend"], facts, _turn("recommend", text))
    assert as_text(answer).split(" better")[0].endswith(f"fits {named}"), as_text(answer)[:120]


@pytest.mark.parametrize(("intent", "text", "concept"), [
    ("define", "quick one - what actually is KPO? my manager keeps dropping it in meetings and I just nod", "KPO"),
    ("define", "what is BPO? we are discussing our vendors at the moment", "BPO"),
])
def test_what_a_concept_is_then_a_remark_gets_the_definition(facts, intent, text, concept):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=concept))
    assert answer.topic == "define" and as_text(answer).startswith(f"{concept} stands for")


def test_a_second_question_after_what_a_concept_is_is_still_asked(facts):
    text = "what's KPO then? and how is the relationship managed in each case"
    answers_given = respond(BY_INTENT["define"], facts, _turn("define", text, concepts="KPO"))
    assert any("Management" in as_text(a) for a in answers_given)


@pytest.mark.parametrize("text", ["We're based in Germany. Which countries are best for a nearshore call centre?",
                                  "which country is cheapest for KPO?"])
def test_places_by_name_are_not_in_the_document(facts, text):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks=["call centre"]))
    assert as_text(given[0]).startswith("The document does not say anything about particular countries")
    assert not any(a.topic == "recommend" and a.found for a in given)


@pytest.mark.parametrize(("intent", "text"), [
    # places in a description, or no request for places
    ("recommend", "Our team picks the best locations for new stores using footfall models and demographic analysis. "
                  "Which kind is this?"),
    ("recommend", "We analyse which countries to expand into next, using market sizing models. BPO or KPO?"),
    ("define", "what country-specific regulations apply to KPO?"),
    ("define", "what region of the business benefits most from KPO?"),
])
def test_places_said_or_asked_of_something_else_are_no_request_for_places(facts, intent, text):
    assert not any("particular countries" in as_text(a) for a in respond(BY_INTENT[intent], facts, _turn(intent, text)))


@pytest.mark.parametrize("text", [
    "I run the finance team here with six people, and we do great work on month end; our main job is reconciling "
    "bank statements against the ledger every day. Which kind is this?",
    "We do have a budget for this and we are a team of eight people in two offices. Which kind is this?"])
def test_a_stated_work_is_what_the_work_is_not_who_or_how_well(facts, text):
    from bot.answering.tasks import _work_stated
    assert _work_stated(facts, text) in {"reconciling bank statements", ""}
    assert not _work_stated(facts, text).startswith(("have", "great", "the finance"))


def test_a_word_both_names_share_offers_no_kind(facts):
    turn = Turn(text="the process one?", intent="nlu_fallback", mentions=Mentions(), context=Context(task="data entry"))
    assert not any(a.topic == "recommend" for a in respond(BY_INTENT["nlu_fallback"], facts, turn))


@pytest.mark.parametrize(("task", "start"), [("data entry", "BPO fits data entry"),
                                             ("market research", "KPO: the document names market research")])
def test_is_that_the_knowledge_kind_after_a_process_asks_its_verdict_again(facts, task, start):
    turn = Turn(text="is that the knowledge kind?", intent="nlu_fallback", mentions=Mentions(),
                context=Context(task=task))
    [answer, *_] = respond(BY_INTENT["nlu_fallback"], facts, turn)
    assert as_text(answer).startswith(start), as_text(answer)[:120]


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_which_is_safer_on_a_topic_compares_the_two_whatever_nlu_thought(facts, intent):
    given = respond(BY_INTENT[intent], facts, _turn(intent, "which is safer when demand swings?"))
    assert as_text(given[0]).startswith("The document does not say which of BPO or KPO is safer")
    assert "flexibility and scaling" in as_text(given[0])


def test_which_is_safer_taken_for_a_request_to_be_guided_is_answered(facts):
    from bot.answering.routes import instead_of_interview
    found = instead_of_interview(facts, _turn("recommend", "which is safer if our volumes go up and down a lot?"))
    assert found and as_text(found[0]).startswith("The document does not say which of BPO or KPO is safer")
    # a comparison of nothing the document speaks of stays off its scope
    for text in ["which is better for a pizza party?", "which is faster, email or phone support?",
                 "which is less risky for a 401k?"]:
        [other] = respond(BY_INTENT["out_of_scope"], facts, _turn("out_of_scope", text))
        assert other.outcome == "scope", text
    # a process named is placed, not compared on a topic
    named = instead_of_interview(facts, _turn("recommend", "we do invoice processing and volumes swing a lot, which "
                                                           "is better?", tasks=["invoice processing"]))
    assert not any("does not say which" in as_text(a) for a in named)


# -- statements to confirm, and follow-ups on the concept in context -------------------------


@pytest.mark.parametrize(("intent", "text", "said"), [
    ("recommend", "true or false: once you outsource, the risk is basically gone", "introduces new risks"),
    ("nlu_fallback", "true or false: KPO has nothing to do with strategy, it's just number crunching",
     "contributes to the strategic objectives of a business"),
    ("define", "is it true that BPO providers work around the clock?", "round-the-clock"),
])
def test_a_statement_to_confirm_gets_what_the_document_says_on_it(facts, intent, text, said):
    mentioned = {"concepts": [c for c in ("BPO", "KPO") if c in text]}
    given = respond(BY_INTENT[intent], facts, _turn(intent, text, **mentioned))
    assert said in " ".join(as_text(a) for a in given), as_text(given[0])[:160]
    assert not any(a.topic in ("recommend", "offer_classify") for a in given)


@pytest.mark.parametrize(("intent", "text", "concepts", "said"), [
    ("recommend", "true or false: with SaaS we have to patch the software ourselves", ["SaaS"],
     "There is nothing to install or patch"),
    ("out_of_scope", "My boss think SaaS mean we buy the software one time. He is right?", ["SaaS"],
     "rather than bought outright"),
    ("recommend", "true or false: with IaaS the vendor installs our software for us", ["IaaS"],
     "installs and runs its own software"),
])
def test_a_statement_to_confirm_on_the_second_document(other_facts, intent, text, concepts, said):
    given = respond(BY_INTENT[intent], other_facts, _turn(intent, text, concepts=concepts))
    assert said in as_text(given[0]), as_text(given[0])[:160]


def test_a_claim_that_one_concept_is_the_other_gets_how_they_differ(facts):
    given = respond(BY_INTENT["define"], facts, _turn("define", "KPO is basically just pricier BPO, right?",
                                                      concepts=["KPO", "BPO"]))
    # (what the document says KPO is, then the table)
    assert given[0].topic == "define" and given[0].concept == "KPO"
    assert given[1].topic == "compare" and "Routine Tasks" in as_text(given[1])
    cheaper = respond(BY_INTENT["define"], facts, _turn("define", "BPO is cheaper than KPO, correct?",
                                                        concepts=["BPO", "KPO"], characteristics="Cost Efficiency"))
    assert as_text(cheaper[0]).startswith("The document does not compare BPO and KPO on cost.")


@pytest.mark.parametrize(("intent", "text", "mentioned", "start"), [
    # a claim that places a process, weighs a row, or is followed by a question is left to its route
    ("example", "payroll is BPO, right?", {"concepts": "BPO", "tasks": "payroll"}, "Yes: payroll"),
    ("recommend", "inbound call center for customer complaints, bpo right?",
     {"concepts": "BPO", "tasks": "inbound call center"}, "BPO fits inbound call center"),
    ("recommend", "we do data entry for our clients, that's routine work right?", {"tasks": "data entry"}, "BPO fits"),
    ("compare", "kpo is more scalable than bpo right?", {"concepts": ["KPO", "BPO"], "aspects": "Scalability"},
     "No: KPO's scalability"),
    ("define", "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol",
     {"concepts": "KPO"}, "KPO stands for"),
])
def test_a_claim_of_another_kind_keeps_its_route(facts, intent, text, mentioned, start):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, **mentioned))
    assert as_text(answer).startswith(start), as_text(answer)[:160]


def test_a_follow_up_naming_no_concept_asks_of_the_one_in_context(facts, other_facts):
    after_kpo = Context(concept="KPO", topic="define")
    stuff = replace(_turn("follow_up", "ok and what kind of stuff would they actually do for us"), context=after_kpo)
    [answer] = respond(BY_INTENT["follow_up"], facts, stuff)
    assert answer.topic == "example" and "market analysis" in as_text(answer)
    after_iaas = Context(concept="IaaS", topic="define")
    left = replace(_turn("follow_up", "so what does the customer still have to do themselves"), context=after_iaas)
    assert "installs and runs its own software" in as_text(respond(BY_INTENT["follow_up"], other_facts, left)[0])


def test_a_follow_up_on_a_topic_is_no_process(facts):
    turn = replace(_turn("follow_up", "and scaling back down afterwards, possible?", tasks="scaling"),
                   context=Context(concept="BPO", topic="aspect", aspect="Scalability"))
    [answer, *_] = respond(BY_INTENT["follow_up"], facts, turn)
    assert answer.topic != "offer_classify" and "scaling down when necessary" in as_text(answer)


@pytest.mark.parametrize(("text", "kind"), [("why tho", "why"), ("is it the same recipe for KPO", "again"),
                                            ("is it the same for KPO?", "again"),
                                            ("is it the same price for KPO?", None)])
def test_chat_words_and_a_stand_in_noun_say_nothing_new(facts, text, kind):
    from bot.answering.followups import follow_up_of
    assert follow_up_of(facts, text, "KPO" in text) == kind


def test_which_one_cheaper_for_us_compares_the_two(facts):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", "which one will be cheaper for us in the end, "
                                                                      "BPO or KPO?", concepts=["BPO", "KPO"],
                                                           characteristics="Cost Efficiency", tasks="end"))
    assert as_text(given[0]).startswith("The document does not compare BPO and KPO on cost.")
    payroll = respond(BY_INTENT["recommend"], facts, _turn("recommend", "which one is cheaper for payroll?",
                                                           tasks="payroll"))
    assert payroll[0].topic == "recommend"


def test_which_of_the_two_is_that_names_whose_characteristic_it_is(facts):
    after = Context(concept="KPO", topic="characteristic", characteristic="Talent-Intensive")
    [answer] = respond(BY_INTENT["compare"], facts, replace(_turn("compare", "which of the two is that?"), context=after))
    assert as_text(answer).startswith("Talent-Intensive (KPO):")
    shared = Context(concept="BPO", topic="characteristic", characteristic="Focus on Non-Core Activities")
    given = respond(BY_INTENT["compare"], facts,
                    replace(_turn("compare", "ok but which of them does that better"), context=shared))
    assert as_text(given[0]).startswith("The document does not say which of BPO or KPO does that better")
    assert "core competencies" in as_text(given[1])


@pytest.mark.parametrize(("intent", "text", "mentioned", "start"), [
    # a named process with a tag is placed, whatever the claim says of it
    ("recommend", "payroll is routine, right?", {"tasks": "payroll"}, "BPO: the document names payroll"),
    ("recommend", "so payroll would be BPO then, correct?", {"concepts": "BPO", "tasks": "payroll"},
     "BPO: the document names payroll"),
    ("recommend", "so market research is KPO work then, right?", {"concepts": "KPO", "tasks": "market research"},
     "KPO: the document names market research"),
    # "really" is no claim that one concept is the other, nor the only thing it is
    ("define", "KPO is really expensive, right?", {"concepts": "KPO"}, "On cost, here is what the document says"),
    ("define", "BPO is really flexible when demand swings, right?", {"concepts": "BPO"},
     "On flexibility and scaling, here is what the document says"),
    # a question ending "... right?" is no statement
    ("compare", "which one is right?", {}, "In short:"),
])
def test_a_claim_about_a_named_process_or_a_plain_quality_is_no_claim_of_sameness(facts, intent, text, mentioned,
                                                                                  start):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, **mentioned))
    assert as_text(answer).startswith(start), as_text(answer)[:160]


def test_a_quiz_framing_is_set_aside_for_the_route(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "true or false: KPO needs more specialized skills "
                                                                  "than BPO", concepts=["KPO", "BPO"],
                                                       aspects="Expertise Required"))
    assert not any("false" in as_text(a) for a in given)
    assert given[0].aspect == "Expertise Required"


def test_a_question_naming_several_rows_gets_each(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "hey quick one, does BPO scale better? and which one "
                                                                  "is more innovative?", concepts="BPO",
                                                       aspects=["Scalability", "Innovation"]))
    assert [a.aspect for a in given][:2] == ["Scalability", "Innovation"]
    assert "High-Level Innovation" in as_text(given[1])
    assert not given[0].aside  # the first row is what a follow-up asks of again
    # one question whose other words only say whose ("what tech do KPO people use?") gets one row
    tech = respond(BY_INTENT["compare"], facts, _turn("compare", "what tech do KPO people use?", concepts="KPO",
                                                      aspects=["Technology Use", "Employee Expertise"]))
    assert [a.aspect for a in tech if a.aspect] == ["Technology Use"]


def test_downsides_taken_for_a_goodbye_are_answered(facts):
    after = Context(concept="BPO", topic="characteristics")
    given = respond(BY_INTENT["goodbye"], facts, replace(_turn("goodbye", "and risks? theres gotta be downsides"),
                                                         context=after))
    assert given and "introduces new risks" in as_text(given[0])
    # thanks that name a topic are thanks
    assert respond(BY_INTENT["thanks"], facts, replace(_turn("thanks", "thanks, that covers the risks"),
                                                       context=after)) == []


def test_what_about_another_process_after_a_verdict_places_it(facts):
    after = Context(concept="BPO", topic="recommend", task="payroll")
    [answer] = respond(BY_INTENT["inform"], facts, replace(_turn("inform", "what about legal contract review",
                                                                 tasks="legal contract review"), context=after))
    assert as_text(answer).startswith("KPO fits legal contract review")


def test_the_same_for_bpo_after_a_follow_up_that_asked_its_own_question(facts):
    earlier = (_parsed("and who does that work?", "follow_up"), _parsed("what is KPO?", "define", "KPO"))
    after = Context(concept="KPO", topic="search", earlier=earlier)
    given = respond(BY_INTENT["follow_up"], facts, replace(_turn("follow_up", "is that the same for BPO?",
                                                                 concepts="BPO"), context=after))
    assert as_text(given[0]).startswith("On the people who do the work, here is what the document says about BPO")


@pytest.mark.parametrize(("intent", "text", "company"), [("recommend", "is Accenture a BPO or KPO company?", "Accenture"),
                                                          ("compare", "does Genpact do BPO or KPO?", "Genpact")])
def test_a_company_by_name_is_not_placed(facts, intent, text, company):
    [answer] = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=["BPO", "KPO"], tasks=company))
    assert as_text(answer).startswith("The document does not say anything about particular companies")
    assert answer.topic == "ask_task"
    # a process written with capitals is still placed
    [payroll, *_] = respond(BY_INTENT["recommend"], facts, _turn("recommend", "is Payroll BPO or KPO?",
                                                                 concepts=["BPO", "KPO"], tasks="Payroll"))
    assert payroll.topic == "recommend"


def test_and_the_other_concept_then_whether_it_is_the_same_asks_again(other_facts):
    billed = Context(concept="SaaS", topic="search", earlier=(_parsed("how is saas billed?", "out_of_scope", "saas"),))
    turn = replace(_turn("follow_up", "and iaas? same monthly thing?", concepts="IaaS"), context=billed)
    assert "billed by the hour or second of use" in as_text(respond(BY_INTENT["follow_up"], other_facts, turn)[0])


def test_a_follow_up_after_a_lead_in_off_topic_for_nlu_asks_of_the_concept_in_context(other_facts):
    after = Context(concept="IaaS", topic="define")
    turn = replace(_turn("out_of_scope", "so what does the customer still have to do themselves"), context=after)
    assert "installs and runs its own software" in as_text(respond(BY_INTENT["out_of_scope"], other_facts, turn)[0])


def test_a_claim_about_a_concept_with_a_process_word_in_it_is_still_a_claim(facts):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", "true or false: KPO has nothing to do with "
                                                                      "strategy, it's just number crunching",
                                                         concepts="KPO", tasks="strategy"))
    assert not any(a.topic == "recommend" for a in given)
    assert "contributes to the strategic objectives of a business" in as_text(given[0])


def test_a_yes_or_no_question_that_asks_no_difference_gets_the_passages(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "can KPO be offshore too or only BPO?",
                                                       concepts=["KPO", "BPO"]))
    assert "BPO can be either offshore" in as_text(given[0]) and given[0].topic != "compare"
    table = respond(BY_INTENT["compare"], facts, _turn("compare", "is there a difference between BPO and KPO?",
                                                       concepts=["BPO", "KPO"]))
    assert table[0].topic == "compare"


def test_tell_me_about_a_characteristic_nlu_could_not_place_is_answered(other_facts):
    [answer] = respond(BY_INTENT["nlu_fallback"], other_facts, _turn("nlu_fallback", "tell me about pay as you go",
                                                                     characteristics="Pay as You Go"))
    assert as_text(answer).startswith("Pay as You Go (IaaS):")
    # with more asked, it is still unclear
    [unclear] = respond(BY_INTENT["nlu_fallback"], other_facts, _turn("nlu_fallback", "pay as you go pizza delivery",
                                                                      characteristics="Pay as You Go"))
    assert not as_text(unclear).startswith("Pay as You Go")


@pytest.mark.parametrize(("intent", "text", "mentioned", "start"), [
    # a process the claim is about, wherever it stands, is placed; whole words only
    ("recommend", "is payroll the right fit for KPO, yes?", {"concepts": "KPO", "tasks": "payroll"},
     "BPO: the document names payroll"),
    # whether the document's examples include it: no "Yes" or "No" to a negated claim
    ("example", "KPO doesnt include payroll, right?", {"concepts": "KPO", "tasks": "payroll"},
     "The document gives payroll as an example of BPO, not KPO."),
    ("example", "does KPO include payroll?", {"concepts": "KPO", "tasks": "payroll"},
     "No: the document gives payroll as an example of BPO, not KPO."),
    # "just as expensive" is no claim that one is the other: the topic
    ("compare", "KPO is just as expensive as BPO, right?", {"concepts": ["KPO", "BPO"]}, "On cost, here is what"),
    # a claim that they differ is a question how they differ
    ("compare", "BPO and KPO are different things, right?", {"concepts": ["BPO", "KPO"]}, "In short:"),
    ("compare", "do BPO and KPO differ in risk, yes or no?", {"concepts": ["BPO", "KPO"], "aspects": "Risk Type"},
     "Risk Type: BPO: Operational Risks; KPO: Strategic Risks."),
    # a comparative the table's words do not name is still a question how they differ, not a yes or no for passages
    ("compare", "is KPO harder than BPO?", {"concepts": ["KPO", "BPO"]}, "In short:"),
])
def test_claims_and_yes_or_no_comparisons_keep_what_they_ask(facts, intent, text, mentioned, start):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, **mentioned))
    assert as_text(answer).startswith(start), as_text(answer)[:160]


def test_the_names_of_who_claims_are_not_said_to_be_missing(facts):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", "my CFO thinks KPO is mostly about research",
                                                         concepts="KPO", tasks="research"))
    assert given and not any("CFO" in as_text(a) for a in given)


def test_every_row_a_question_names_is_answered(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "how do they compare on complexity, scalability, risk "
                                                                  "and innovation?",
                                                       aspects=["Complexity", "Scalability", "Risk Type", "Innovation"]))
    assert [a.aspect for a in given] == ["Complexity", "Scalability", "Risk Type", "Innovation"]


def test_and_the_other_concept_then_a_new_question_asks_the_new_one(facts):
    scalable = Context(concept="BPO", topic="aspect", aspect="Scalability",
                       earlier=(_parsed("how scalable is BPO?", "compare", "BPO"),))
    risks = replace(_turn("similarities", "and kpo? also what are its risks?", concepts="KPO", aspects="Risk Type"),
                    context=scalable)
    assert asked_again(facts, risks) is None
    costs = replace(_turn("follow_up", "and kpo? is that true for the costs too?", concepts="KPO"), context=scalable)
    assert asked_again(facts, costs) is None
    assert respond(BY_INTENT["follow_up"], facts, costs)[0].aspect != "Scalability"


def test_a_no_that_names_a_topic_answers_the_assistant(facts):
    after = Context(concept="BPO", topic="define")
    assert respond(BY_INTENT["deny"], facts, replace(_turn("deny", "no, cost isn't a concern for us"),
                                                     context=after)) == []


@pytest.mark.parametrize(("text", "concepts"), [("is SEO KPO?", ["KPO"]), ("is AP BPO or KPO?", ["BPO", "KPO"])])
def test_a_short_acronym_is_no_company(facts, text, concepts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=concepts))
    assert given and not any("particular companies" in as_text(a) for a in given)


def test_a_product_by_name_on_the_second_document_is_not_placed(other_facts):
    [answer] = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", "is Gmail SaaS?", concepts="SaaS"))
    assert as_text(answer).startswith("The document does not say anything about particular companies or products, so "
                                      "it cannot say whether Gmail is SaaS.")


@pytest.mark.parametrize(("intent", "text", "concept", "said"), [
    ("define", "whats the main reason companies go for bpo", "BPO", "One of the main drivers for BPO is cost reduction"),
    ("define", "what is KPO ultimately trying to achieve?", "KPO", "Companies turn to KPO to access high-level skills"),
])
def test_why_a_concept_is_used_is_what_the_document_says_it_is_for(facts, intent, text, concept, said):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, concepts=concept))
    assert as_text(answer).startswith("On what it is for") and said in as_text(answer)


def test_what_a_concept_is_for_on_the_second_document_is_its_characteristics(other_facts):
    [answer, *_] = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", "whats the point of saas",
                                                                         concepts="SaaS"))
    assert as_text(answer).startswith("On what it is for") and "works as soon as an account exists" in as_text(answer)


def test_a_misspelling_of_a_word_as_the_document_writes_it_is_read_as_that_word(other_facts):
    assert other_facts.index.read("saas biling").words == ("bill",)
    [answer, *_] = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", "saas biling", concepts="SaaS"))
    assert "billed per seat" in as_text(answer)


def test_what_kind_of_a_thing_that_is_no_work_asks_about_that_thing(facts):
    given = respond(BY_INTENT["example"], facts, _turn("example", "As a finance analyst I'm curious what kind of "
                                                                  "decisions KPO output feeds into", concepts="KPO"))
    assert "inform strategic decisions" in as_text(given[0])
    assert not any("curious" in as_text(a) for a in given)
    # what kind of work is still its examples
    [work, *_] = respond(BY_INTENT["example"], facts, _turn("example", "what kind of work does KPO cover?", concepts="KPO"))
    assert work.topic == "example"


def test_a_question_after_a_short_lead_in_is_no_process_to_place(facts):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", "IT manager here. If we outsource to a BPO do we "
                                                                      "still need to buy new systems ourselves?",
                                                         concepts="BPO"))
    assert given[0].topic != "recommend"
    assert "without the need for direct investment in new technology or systems" in as_text(given[0])


def test_which_does_more_of_a_thing_they_share_is_weighed_for_neither(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "Which of the two frees us up more to focus on our "
                                                                  "core business?", aspects="Focus"))
    assert as_text(given[0]).startswith("The document does not say which of BPO or KPO does that better")
    assert "concentrate on their core competencies" in as_text(given[1])
    # the Focus row, asked, is still the row
    assert respond(BY_INTENT["compare"], facts, _turn("compare", "how do they differ in focus?",
                                                      aspects="Focus"))[0].aspect == "Focus"


def test_a_topic_word_is_not_said_to_be_missing_from_the_document(facts):
    given = respond(BY_INTENT["define"], facts, _turn("define", "does bpo actually give you expertise or is it just "
                                                                "cheap labour?", concepts="BPO",
                                                      aspects="Expertise Required"))
    assert any("lower operational costs associated with labor" in as_text(a) for a in given)
    assert not any("anything about cheap" in as_text(a) for a in given)


def test_a_question_taken_for_yes_or_no_on_a_topic_is_answered(other_facts):
    priced = Context(concept=None, topic="search")
    given = respond(BY_INTENT["affirm"], other_facts, replace(_turn("affirm", "ok so which works out cheaper"),
                                                              context=priced))
    assert given and "does not compare" in as_text(given[0]) and "billed per seat" in as_text(given[0])


def test_a_description_that_ends_asking_its_kind_is_placed(facts):
    [hr, *_] = respond(BY_INTENT["recommend"], facts, _turn("recommend", "HR wants to outsource collecting background-"
                                                                         "check paperwork from new hires. What would "
                                                                         "that be classed as?", tasks="HR"))
    assert hr.topic == "recommend" and as_text(hr).startswith("BPO fits collecting background-check paperwork")
    [sims, *_] = respond(BY_INTENT["inform"], facts, _turn("inform", "running engineering stress simulations on new "
                                                                     "product designs, where would that sit",
                                                           tasks="engineering stress simulations on new product designs"))
    assert sims.topic == "recommend" and as_text(sims).startswith("KPO fits")
    # one the document does not settle is said so, not answered on a word of it ("pricing")
    [pricing, *_] = respond(BY_INTENT["recommend"], facts, _turn("recommend", "We need someone to build a pricing model "
                                                                              "for our new product line. Is that KPO?",
                                                                 concepts="KPO", tasks="pricing"))
    assert pricing.topic == "offer_classify" and "pricing" in as_text(pricing)


def test_whether_a_concept_includes_something_not_a_process_is_no_example_question(other_facts):
    given = respond(BY_INTENT["example"], other_facts, _turn("example", "does IaaS include the OS?", concepts="IaaS"))
    # (WordNet's "OS" is the document's "operating system": what it says of it, not a list of examples as if it named
    # one; a word it never uses is still said so first)
    assert [as_text(a).splitlines()[1] for a in given] == [
        '- "The customer chooses the operating system and every program above it."']
    given = respond(BY_INTENT["example"], other_facts, _turn("example", "does IaaS include the BIOS?", concepts="IaaS"))
    assert as_text(given[0]).startswith("The document does not say anything about") and "BIOS" in as_text(given[0])


@pytest.mark.parametrize(("intent", "text"), [("define", "How does outsourcing reduce risk exactly? Seems like it would "
                                                         "add risk."),
                                              ("compare", "does outsoucring actually lower our risk or does it just add "
                                                          "new ones?")])
def test_a_topic_asked_in_a_phrase_with_a_rows_word_is_the_topic_not_the_row(facts, intent, text):
    [answer, *_] = respond(BY_INTENT[intent], facts, _turn(intent, text, aspects="Risk Type"))
    assert as_text(answer).startswith("On spreading and reducing risk")
    assert "sharing responsibilities with external providers" in as_text(answer)
    # the row's word alone asks the row
    [row] = respond(BY_INTENT["compare"], facts, _turn("compare", "what are the risks of KPO?", concepts="KPO",
                                                       aspects="Risk Type"))
    assert row.aspect == "Risk Type"


def test_a_choice_of_location_is_no_verdict_on_the_process_named(facts):
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", "We're setting up a voice support team. "
                                                                      "Philippines or India, which location works "
                                                                      "better for English-speaking customers?",
                                                         tasks="voice support team"))
    assert not any(a.topic == "recommend" for a in given)
    assert as_text(given[0]).startswith("The document does not say anything about Philippines or India")


@pytest.mark.parametrize(("text", "concepts", "aspect"), [("what does KPO focus on?", ["KPO"], "Focus"),
                                                        ("what does BPO focus on compared to KPO?", ["BPO", "KPO"],
                                                         "Focus")])
def test_what_a_concept_focuses_on_is_the_focus_row(facts, text, concepts, aspect):
    [answer, *_] = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=concepts, aspects=aspect))
    assert answer.aspect == aspect


@pytest.mark.parametrize("text", ["which has less risk, BPO or KPO?", "is BPO lower risk than KPO?"])
def test_which_has_less_risk_weighs_the_two_not_how_risk_is_spread(facts, text):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", text, concepts=["BPO", "KPO"], aspects="Risk Type"))
    assert not any(as_text(a).startswith("On spreading and reducing risk") for a in given)


@pytest.mark.parametrize(("text", "concepts"), [("what is the main reason KPO is more expensive than BPO?", ["KPO", "BPO"]),
                                                ("what are the cost drivers of KPO?", ["KPO"])])
def test_why_beside_another_topic_is_that_topic(facts, text, concepts):
    [answer, *_] = respond(BY_INTENT["define"], facts, _turn("define", text, concepts=concepts))
    assert "what it is for" not in as_text(answer) and "cost" in as_text(answer).split(",")[0]


def test_one_word_of_one_phrase_settles_no_task(other_facts):
    for task in ("virtual assistant", "machine learning"):
        assert not answers.recommend(other_facts.store, other_facts.recommender, task).found


def test_a_follow_up_holding_the_concept_in_context_against_another_is_about_both(other_facts):
    # "is it billed monthly like saas?" after IaaS asks IaaS's billing, against SaaS's
    after_iaas = Context(concept="IaaS", topic="define")
    like = replace(_turn("inform", "is it billed monthly like saas?", concepts="SaaS", tasks=["it billed", "monthly"]),
                   context=after_iaas)
    answer = " ".join(as_text(a) for a in respond(BY_INTENT["inform"], other_facts, like))
    assert "billed by the hour or second of use" in answer and "billed per seat" in answer


@pytest.mark.parametrize(("intent", "text", "task"), [
    ("example", "is AI going to make BPO call centres obsolete?", "call centres obsolete"),
])
def test_a_question_that_asks_no_fit_gets_no_verdict_on_a_process_the_document_does_not_name(facts, intent, text, task):
    concepts = ["BPO"] if "BPO" in text else []
    answer = " ".join(as_text(a) for a in respond(BY_INTENT[intent], facts, _turn(intent, text, tasks=[task],
                                                                                 concepts=concepts)))
    assert " fits " not in answer and "better" not in answer.split(".")[0]


def test_a_question_about_the_provider_after_a_verdict_is_no_other_process(facts):
    after = Context(concept="BPO", topic="recommend", task="IT support")
    asked = replace(_turn("inform", "will they really know more than our own IT guys?"), context=after)
    answer = " ".join(as_text(a) for a in respond(BY_INTENT["inform"], facts, asked))
    assert " fits " not in answer
    # another process named after a verdict is still placed
    other = replace(_turn("inform", "and invoice data entry?"), context=after)
    assert " fits " in as_text(respond(BY_INTENT["inform"], facts, other)[0])


@pytest.mark.parametrize("text", ["and by how much typically? any percentages?", "is it 30% cheaper?"])
def test_a_follow_up_asking_a_size_says_the_document_gives_no_figures(facts, text):
    after = Context(concept="BPO", topic="search")
    results = respond(BY_INTENT["follow_up"], facts, replace(_turn("follow_up", text), context=after))
    assert "The document does not say anything about figures" in as_text(results[0])


@pytest.mark.parametrize("text", ["how much per seat typically?", "and how much a month?"])
def test_a_follow_up_asking_a_price_per_unit_says_the_document_gives_no_figures(other_facts, text):
    after = Context(concept="SaaS", topic="search")
    results = respond(BY_INTENT["follow_up"], other_facts, replace(_turn("follow_up", text), context=after))
    assert "The document does not say anything about figures" in as_text(results[0])
    assert "billed per seat" in " ".join(as_text(a) for a in results)  # and what it does say


@pytest.mark.parametrize(("text", "figures"), [
    ("how much does it cost each month?", True), ("how much per user?", True),
    # how much of something the table rates is no figure asked
    ("how much control does a user have with IaaS?", False), ("how much effort does a user have to put into SaaS?", False),
    ("how much of a difference is it?", False),
])
def test_only_a_price_per_unit_asks_for_a_figure(text, figures):
    from bot.answering.questions import FIGURES
    assert (FIGURES.search(text) is not None) == figures


def test_someone_else_choosing_is_a_question_about_the_provider_not_a_request_to_be_guided(facts):
    from bot.answering.routes import instead_of_interview
    found = instead_of_interview(facts, _turn("recommend", "how do the providers figure out what we need then?"))
    assert found and "Providers work closely with clients to understand their unique challenges" in as_text(found[0])
    for text in ["how do providers figure out what we need?", "how does our provider know what we need?"]:
        assert instead_of_interview(facts, _turn("recommend", text)), text
    # the asker choosing still gets the guided questions, also when someone else chooses later on
    for text in ["how do we know whether market research is kpo?", "how can we decide?",
                 "how do we decide? they then pick the staff"]:
        assert instead_of_interview(facts, _turn("recommend", text)) == [], text


@pytest.mark.parametrize(("concept", "text", "title", "said"), [
    ("BPO", "which of those is the biggest reason companies actually do it?", "Cost Efficiency",
     "One of the main drivers for BPO is cost reduction."),
    ("BPO", "which of those is the big one", "Cost Efficiency", "One of the main drivers for BPO is cost reduction."),
    ("KPO", "what's the main one?", "Focus on Value Addition", "The primary goal of KPO is to add significant value"),
])
def test_which_characteristic_matters_most_is_the_one_the_document_calls_main(facts, concept, text, title, said):
    after = Context(concept=concept, topic="characteristics")
    [answer] = respond(BY_INTENT["compare"], facts, replace(_turn("compare", text), context=after))
    assert as_text(answer).startswith(f"Of {concept}'s characteristics, the document calls only {title} main or "
                                      f"primary:") and said in as_text(answer)
    assert answer.characteristic == title and answer.concept == concept


@pytest.mark.parametrize(("text", "concepts", "not_said"), [
    ("what's the biggest risk?", [], "Of BPO's characteristics"),  # a topic
    ("what's the main downside?", [], "Of BPO's characteristics"),
    ("what's the main difference between BPO and KPO?", ["BPO", "KPO"], "Of BPO's characteristics"),
    ("what is the main benefit of KPO?", ["KPO"], "Of KPO's characteristics, the document calls only"),
])
def test_a_main_topic_or_difference_after_the_characteristics_is_its_own_question(facts, text, concepts, not_said):
    after = Context(concept="BPO", topic="characteristics")
    given = respond(BY_INTENT["compare"], facts, replace(_turn("compare", text, concepts=concepts), context=after))
    assert not_said not in as_text(given[0])


def test_the_main_characteristic_of_the_other_concept_asked_after_one_s_list(facts):
    after = Context(concept="BPO", topic="characteristics")
    [answer] = respond(BY_INTENT["follow_up"], facts,
                       replace(_turn("follow_up", "which is the main one for KPO?", concepts=["KPO"]), context=after))
    assert as_text(answer).startswith("Of KPO's characteristics, the document calls only Focus on Value Addition")


def test_which_characteristic_matters_most_when_the_document_ranks_none(other_facts):
    after = Context(concept="SaaS", topic="characteristics")
    [answer] = respond(BY_INTENT["compare"], other_facts,
                       replace(_turn("compare", "which one is the most important?"), context=after))
    assert as_text(answer).startswith("The document does not say which of SaaS's characteristics matters most")
    assert answer.how_it_went() == "not_covered"
    # not after a list, and a comparison of the two, are other questions
    table = respond(BY_INTENT["compare"], other_facts, _turn("compare", "which one is the most important?"))
    assert not as_text(table[0]).startswith("The document does not say which of SaaS's")


def test_a_follow_up_offering_the_other_concept_as_the_alternative_asks_again(facts):
    earlier = Context(concept=None, earlier=(_parsed("Does outsourcing free us up to concentrate on our main business?",
                                                     "example"),))
    turn = Turn(text="same thing for kpo or is that just a bpo benefit?", intent="recommend",
                mentions=Mentions(concepts=["KPO", "BPO"]), context=earlier)
    again, why = asked_again(facts, turn)
    assert again.text == "Does outsourcing free us up to concentrate on our main business for KPO?" and not why


def test_a_topic_no_passage_holds_but_through_a_relative_is_said_to_be_uncovered(other_facts):
    # ("secure" is related to "fixed", in "a fixed fee", which says nothing of security)
    results = respond(BY_INTENT["compare"], other_facts, _turn("compare", "which one is more secure?"))
    assert as_text(results[0]).startswith("The document does not cover security and confidentiality for SaaS and IaaS")


def test_a_question_naming_the_concept_after_the_process_is_still_placed(facts):
    asked = _turn("example", "I'm in legal/compliance. Would outside legal work fall under KPO?", tasks=["outside legal work"],
                  concepts="KPO")
    assert "KPO fits" in as_text(respond(BY_INTENT["example"], facts, asked)[0])


@pytest.mark.parametrize(("which", "text", "concept", "row", "says"), [
    ("other", "and with iaas, what exactly can I control", "IaaS", "Control", "chooses the operating system"),
    ("bpo", "how customized is KPO work?", "KPO", "Customization", "customized to meet the specific needs"),
])
@pytest.mark.parametrize("intent", ["compare", "follow_up"])
def test_a_row_asked_of_one_concept_gets_its_characteristic_on_it(facts, other_facts, which, text, concept, row, says,
                                                                 intent):
    given = respond(BY_INTENT[intent], other_facts if which == "other" else facts,
                    _turn(intent, text, concepts=concept, aspects=row))
    assert given[0].aspect == row and given[1].aside and says in as_text(given[1])


@pytest.mark.parametrize(("intent", "text", "task"), [
    ("inform", "would it be kpo if we outsourced our brand positioning strategy to a team of strategists who study our "
               "market and recommend where to position us?", "brand positioning strategy"),
    ("example", "Our team makes outbound appointment-reminder calls for the clinic from a fixed script. Is that the "
                "routine kind?", "outbound appointment-reminder calls"),
])
def test_a_process_described_or_handed_out_before_an_open_question_is_placed(facts, intent, text, task):
    concepts = ["KPO"] if "kpo" in text else []
    given = respond(BY_INTENT[intent], facts, _turn(intent, text, tasks=[task], concepts=concepts))
    assert " fits " in as_text(given[0])


def test_a_long_message_on_a_characteristic_of_the_other_concept_gets_what_is_said_of_the_one_asked(facts):
    text = ("You keep saying KPO improves efficiency. Isn't efficiency the BPO selling point? Show me where it says "
            "that for KPO.")
    given = respond(BY_INTENT["define"], facts, _turn("define", text, concepts=["KPO", "BPO"],
                                                      characteristics="Improved Efficiency"))
    assert any("enhance operational efficiency" in as_text(a) or "efficient, and innovative" in as_text(a) for a in given)


def test_a_quoted_claim_questioned_gets_the_passage_it_comes_from(facts):
    text = "'Both aim to reduce costs' - really? KPO means paying expensive experts. Where does that claim come from?"
    given = respond(BY_INTENT["define"], facts, _turn("define", text, concepts="KPO"))
    assert as_text(given[0]).startswith('Here is what the document says that comes closest:\n- "Both practices aim to '
                                        'reduce operational costs."')


def test_the_characteristic_beside_a_row_leaves_the_words_the_document_never_uses_said(facts):
    given = respond(BY_INTENT["compare"], facts, _turn("compare", "is tenant repair request logging using standard "
                                                                  "software KPO?", concepts="KPO", aspects="Technology Use"))
    assert as_text(given[0]).startswith("The document does not say anything about tenant or repair.")


@pytest.mark.parametrize(("intent", "text", "task", "fits"), [
    ("example", "do kpo companies do risk analytics?", "risk analytics", "KPO fits"),
    ("example", "can a KPO do our financial modelling?", "financial modelling", "KPO fits"),
    ("example", "is BPO suitable for data entry?", "data entry", "BPO fits"),
])
def test_a_question_whether_a_concept_does_a_process_is_still_placed(facts, intent, text, task, fits):
    concepts = [c for c in ("BPO", "KPO") if c.lower() in text.lower()]
    assert fits in as_text(respond(BY_INTENT[intent], facts, _turn(intent, text, tasks=[task], concepts=concepts))[0])


@pytest.mark.parametrize(("text", "asked"), [
    ("what does 'pay as you go' mean?", "Pay as You Go"),
    ("is 'high client interaction' only true for KPO?", "High Client Interaction"),
])
def test_a_quoted_name_is_no_claim(facts, other_facts, text, asked):
    store = other_facts if "pay" in text else facts
    given = respond(BY_INTENT["define"], store, _turn("define", text, characteristics=asked))
    assert as_text(given[0]).startswith(asked)


def test_after_the_question_for_a_process_a_question_of_ours_is_a_process(facts):
    ask = Context(topic="ask_task")
    given = respond(BY_INTENT["inform"], facts, replace(_turn("inform", "should we outsource clinical trial data "
                                                                         "analysis?"), context=ask))
    assert "KPO fits" in as_text(given[0])


@pytest.mark.parametrize(("text", "concept", "says"), [
    ("what do teams use saas for?", "SaaS", "Teams use tools such as email"),
    ("can iaas be used for just a few hours?", "IaaS", "billed by the hour or second of use"),
])
def test_a_passage_holding_a_topic_word_itself_still_answers(other_facts, text, concept, says):
    given = respond(BY_INTENT["out_of_scope"], other_facts, _turn("out_of_scope", text, concepts=concept))
    assert says in as_text(given[0])


def test_a_sentence_beside_a_row_is_not_quoted_twice(facts):
    given = respond(BY_INTENT["inform"], facts, _turn("inform", "how easy is it to scale a bpo contract up for the rush?",
                                                      concepts="BPO", aspects="Scalability"))
    said = "\n".join(as_text(a) for a in given)
    assert said.count("This flexibility is beneficial for handling seasonal fluctuations") == 1


def test_a_quoted_question_inside_a_process_is_no_claim(facts):
    text = ("hiya, our live chat for tracking questions ('where is my parcel') is getting swamped. cheap and standard "
            "is totally fine. bpo or kpo?")
    given = respond(BY_INTENT["recommend"], facts, _turn("recommend", text, concepts=["BPO", "KPO"],
                                                         tasks=["live chat for tracking questions"]))
    assert "BPO fits" in as_text(given[0])


def test_a_process_named_as_a_similarity_gets_the_similarity(facts):
    given = respond(BY_INTENT["example"], facts, _turn("example", "Is vendor management only a BPO thing?",
                                                       concepts="BPO", tasks=["vendor management"]))
    said = " ".join(as_text(a) for a in given)
    assert " fits " not in said and "common aspect of both BPO and KPO" in said


def test_a_similarity_asked_as_a_concept_s_thing_gets_the_similarity(facts):
    # as NLU reads it: a definition asked, the similarity named, no process
    given = respond(BY_INTENT["define"], facts, _turn("define", "Is vendor management only a BPO thing?", concepts="BPO",
                                                      characteristics="Vendor Management", aspects="Management"))
    said = " ".join(as_text(a) for a in given)
    assert " fits " not in said and "common aspect of both BPO and KPO" in said


def test_a_lone_word_beside_a_similarity_named_is_no_process_to_place(facts):
    # as NLU reads it: a fallback, the similarity named, and "worry" taken for a task
    text = "Is vendor management something we still need to worry about with KPO, or is that just a BPO thing?"
    given = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", text, concepts=["KPO", "BPO"],
                                                            characteristics="Vendor Management", aspects="Management",
                                                            tasks="worry"))
    said = " ".join(as_text(a) for a in given)
    assert " fits " not in said and "Effective vendor management is crucial" in said
    # a process the document names beside a similarity is still placed
    named = respond(BY_INTENT["recommend"], facts, _turn("recommend", "is payroll with vendor management BPO or KPO?",
                                                         concepts=["BPO", "KPO"], characteristics="Vendor Management",
                                                         tasks="payroll"))
    assert "names payroll as an example of BPO" in as_text(named[0])
    # and a process named beside it in a word of its own
    named = respond(BY_INTENT["nlu_fallback"], facts, _turn("nlu_fallback", "vendor management for telemarketing: BPO "
                                                                            "or KPO?", concepts=["BPO", "KPO"],
                                                            characteristics="Vendor Management", tasks="telemarketing"))
    assert "BPO fits telemarketing better" in as_text(named[0])


@pytest.mark.parametrize(
    ("task", "someone"),
    [("competitors", True), ("a data scientist", True), ("our customers", True), ("customer service", False),
     ("payroll for new hires", False), ("answering customer calls", False), ("market research", False),
     ("competitor and market research", False), ("recruiting", False), ("payroll and recruiting", False),
     ("our database servers", False)],
)
def test_a_task_whose_head_is_a_person_names_people(facts, task, someone):
    assert facts.names.names_someone(task) is someone


def _read(facts, intent, text, *spans):
    """A message as NLU gives it: ``spans`` are (entity, value) pairs found in the text, by DIET."""
    entities = [{"entity": kind, "value": value, "start": text.index(value), "end": text.index(value) + len(value),
                 "extractor": "DIETClassifier"} for kind, value in spans]
    return read_turn({"text": text, "intent": {"name": intent}, "entities": entities}, Context(), facts.names)


def test_people_taken_for_the_task_get_no_verdict(facts):
    # NLU reads "over" and "competitors" as the task: people, not a process, so what the document says instead
    turn = _read(facts, "example", "what sort of edge would it give us over competitors, concretely?",
                 ("task", "over"), ("task", "competitors"))
    text = as_text(respond(BY_INTENT["example"], facts, turn)[0])
    assert "fits" not in text and "gain a competitive edge" in text


def test_who_asks_is_not_the_process_placed(facts):
    text = ("I'm a data scientist. Our team does data analysis and market research all day - is that the sort of "
            "thing KPO providers do?")
    turn = _read(facts, "example", text, ("task", "data scientist"), ("task", "data analysis"),
                 ("task", "market research"))
    assert as_text(respond(BY_INTENT["example"], facts, turn)[0]).startswith(
        "KPO fits data analysis and market research better.")


def test_a_follow_up_naming_a_concept_by_a_word_of_its_name_asks_the_earlier_question_again(other_facts):
    priced = Context(concept="SaaS", topic="search", earlier=(_parsed("how is SaaS priced", "out_of_scope", "SaaS"),))
    turn = _read(other_facts, "follow_up", "and the infra one?")
    turn = replace(turn, context=priced)
    assert turn.mentions.concepts == ["IaaS"]
    assert asked_again(other_facts, turn)[0].text == "how is IaaS priced"
    text = as_text(respond(BY_INTENT["follow_up"], other_facts, turn)[0])
    assert "billed by the hour or second of use" in text and not text.startswith("IaaS stands for")


def test_a_follow_up_to_the_similarities_naming_one_gets_that_similarity(facts):
    shared = Context(topic="similarities", earlier=(_parsed("what do bpo and kpo have in common", "similarities",
                                                            "bpo", "kpo"),))
    turn = Turn(text="does that include innovation?", intent="example", mentions=Mentions(aspects=["Innovation"]),
                context=shared)
    text = as_text(respond(BY_INTENT["example"], facts, turn)[0])
    assert text.startswith("Innovation and Improvement (shared by BPO and KPO): Both BPO and KPO can drive innovation.")
    # after another answer, the same words ask the table's row, and so does a difference asked right after
    turn = replace(turn, context=Context(topic="define", concept="BPO"))
    assert "High-Level Innovation" in as_text(respond(BY_INTENT["example"], facts, turn)[0])
    turn = Turn(text="how do they differ on innovation?", intent="compare", mentions=Mentions(aspects=["Innovation"]),
                context=shared)
    assert "High-Level Innovation" in as_text(respond(BY_INTENT["compare"], facts, turn)[0])


def test_the_work_it_takes_on_our_side_is_a_topic(other_facts):
    # "work" is no word of the row Effort: the topic finds it, of the concept in context
    iaas = Context(concept="IaaS", topic="define")
    turn = Turn(text="how much work would that be for our team?", intent="follow_up", context=iaas)
    text = as_text(respond(BY_INTENT["follow_up"], other_facts, turn)[0])
    assert "Effort: SaaS: Minimal; IaaS: Substantial" in text and "installs and runs its own software" in text
    # which of the two takes more of it, in a message NLU could not read
    turn = Turn(text="which one means more work for my IT team?", intent="nlu_fallback")
    text = as_text(respond(BY_INTENT["nlu_fallback"], other_facts, turn)[0])
    assert text.startswith("On the work it takes on your side") and "Effort: SaaS: Minimal" in text


def test_a_lead_in_before_a_dash_asks_nothing(facts):
    # "office manager here - if we ..., which costs would go down?" asks about cost, not whether IT support is BPO
    text = "office manager here - if we outsource our IT support, which costs would actually go down?"
    answer = as_text(respond(BY_INTENT["recommend"], facts, _turn("recommend", text, tasks="IT support"))[0])
    assert "lower operational costs associated with labor, infrastructure, and technology" in answer
    assert not answer.startswith("BPO")


def test_hours_of_the_week_ask_about_working_hours(facts):
    text = "can a bpo partner look after our customers at 3am on a sunday?"
    answer = " ".join(as_text(a) for a in respond(BY_INTENT["example"], facts, _turn("example", text, concepts="BPO")))
    assert "operate across multiple time zones" in answer


def test_only_the_other_concepts_characteristic_comes_with_the_row_it_is_named_after(other_facts):
    text = as_text(respond(BY_INTENT["out_of_scope"], other_facts,
                           _turn("out_of_scope", "With SaaS, who picks the operating system?", concepts="SaaS"))[0])
    assert 'Of IaaS: "The customer chooses the operating system' in text
    assert 'The comparison table: "Control: SaaS: Low; IaaS: High"' in text
    # asked of the concept the characteristic is of, the passage alone
    text = as_text(respond(BY_INTENT["recommend"], other_facts,
                           _turn("recommend", "With IaaS, who picks the operating system?", concepts="IaaS"))[0])
    assert "The customer chooses the operating system" in text and "Control: SaaS" not in text


def test_the_row_a_characteristic_is_named_after_is_the_one_with_most_of_its_words(facts):
    def row_of(title):
        hit = next(retrieve.Hit(p, 1.0, 1.0, frozenset()) for p in facts.index.passages if p.title == title)
        return [p.title for p in retrieve._rows_named_by(facts.index, [hit])]

    assert row_of("Focus on Value Addition") == ["Value Addition"]  # not Focus as well
    assert row_of("High Client Interaction") == ["Client Interaction"]
    assert row_of("Cost Efficiency") == []


def test_people_who_do_the_work_before_it_leave_the_work_to_place(facts):
    text = ("occupational psychologists on our team do psychometric assessment design for a bank's graduate hiring, "
            "tailored to their competency framework. kpo right?")
    turn = _read(facts, "out_of_scope", text, ("task", "occupational psychologists"), ("task", "design"),
                 ("concept", "kpo"))
    assert as_text(respond(BY_INTENT["out_of_scope"], facts, turn)[0]).startswith("KPO fits")


def test_a_piece_of_a_hyphenated_word_is_not_the_task(facts):
    text = ("We'd like customers to reach someone at night, so we're thinking of outsourcing night-shift chat support "
            "to a team in another time zone. Which category is this?")
    turn = _read(facts, "recommend", text, ("task", "customers"), ("task", "night"), ("task", "shift chat support"))
    assert as_text(respond(BY_INTENT["recommend"], facts, turn)[0]).startswith(
        "BPO fits night-shift chat support better.")


def test_a_follow_up_doing_that_as_well_asks_the_earlier_question_of_the_concept_it_names(facts):
    focus = Context(concept="BPO", aspect="Focus", topic="aspect",
                    earlier=(_parsed("does bpo let a company focus on its core business", "define", "bpo"),))
    turn = replace(_read(facts, "define", "does kpo do that as well", ("concept", "kpo")), context=focus)
    assert asked_again(facts, turn)[0].text == "does KPO let a company focus on its core business"
    text = " ".join(as_text(a) for a in respond(BY_INTENT["define"], facts, turn))
    assert "focus on their primary strategic objectives" in text


def test_why_after_a_row_of_both_concepts_gets_what_the_document_says_on_its_topic(other_facts):
    effort = Context(aspect="Effort", topic="aspect",
                     earlier=(_parsed("How much effort does IaaS take compared to SaaS?", "compare", "IaaS", "SaaS"),))
    turn = replace(_read(other_facts, "follow_up", "why so much?"), context=effort)
    assert asked_again(other_facts, turn)[1] is True
    text = " ".join(as_text(a) for a in respond(BY_INTENT["follow_up"], other_facts, turn))
    assert "The customer installs and runs its own software on them." in text
    assert not text.startswith("Which one do you mean")
    # passages that are only the row answered are not why it holds
    run = Context(concept="SaaS", topic="search", earlier=(_parsed("is saas much effort to run", "out_of_scope", "saas"),))
    turn = replace(_read(other_facts, "deny", "why not"), context=run)
    text = " ".join(as_text(a) for a in respond(BY_INTENT["deny"], other_facts, turn))
    assert "There is nothing to install or patch." in text


def test_after_no_it_is_another_concepts_example_it_is_still_the_concept_asked(other_facts):
    answer = respond(BY_INTENT["example"], other_facts, _read(other_facts, "example", "is CRM an example of IaaS?",
                                                              ("task", "CRM"), ("concept", "IaaS")))[0]
    assert as_text(answer).startswith("No: the document gives CRM as an example of SaaS, not IaaS.")
    assert answer.concept == "IaaS"  # "then what is an example of it?" asks IaaS's
    after = replace(_read(other_facts, "example", "then what is an example of it"),
                    context=Context(concept=answer.concept, task="CRM", topic="example"))
    assert as_text(respond(BY_INTENT["example"], other_facts, after)[0]).startswith("Examples of IaaS")


def test_how_do_they_manage_that_asks_how_the_last_answer_comes_about(facts):
    support = Context(concept="BPO", characteristic="Global Reach and 24/7 Operations", topic="characteristic",
                      earlier=(_parsed("can a BPO provider give us 24/7 support?", "define", "BPO"),))
    # NLU reads "manage" as the row Management
    turn = replace(_read(facts, "compare", "how do they manage that?", ("aspect", "manage")), context=support)
    assert asked_again(facts, turn)[1] is True
    text = " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, turn))
    assert "operate across multiple time zones" in text and "Vendor Management" not in text
    # a question of its own is no such follow-up
    own = replace(_read(facts, "compare", "how do they manage the vendors?", ("aspect", "manage")), context=support)
    assert asked_again(facts, own) is None


def test_words_with_a_question_word_name_no_process_to_place(facts):
    turn = _read(facts, "compare", "tbh whats the main reason ppl go w/ bpo? just cost?", ("concept", "bpo"))
    text = " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, turn))
    assert "fits" not in text and "lower operational costs" in text


def test_what_it_is_said_to_be_is_no_process(facts):
    text = "Is it legal under GDPR to send our customer records to an offshore BPO provider?"
    turn = _read(facts, "recommend", text, ("task", "legal"), ("task", "our customer records"), ("concept", "BPO"))
    assert "legal" not in turn.mentions.tasks
    answered = " ".join(as_text(a) for a in respond(BY_INTENT["recommend"], facts, turn))
    assert "fits legal" not in answered and "does not say anything about GDPR" in answered
    # a process that follows "is it" is still one ("is it payroll or analysis?" names two)
    asked = _read(facts, "recommend", "is it bookkeeping or analysis?", ("task", "bookkeeping"))
    assert asked.mentions.tasks == ["bookkeeping"]


def test_manage_to_do_something_names_no_row(facts):
    def read(text):  # NLU's synonym mapper gives the row's name for "manage"
        start = text.index("manage")
        entities = [{"entity": "aspect", "value": "Management", "start": start, "end": start + 6}]
        return read_turn({"text": text, "intent": {"name": "compare"}, "entities": entities}, Context(), facts.names)

    turn = read("how do bpo firms manage to be more efficent than us doing it in house??")
    assert turn.mentions.aspects == []
    answered = " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, turn))
    assert "Vendor Management" not in answered and "operational efficiency" in answered
    # managing something is still the row's word
    assert read("how do they manage the vendor?").mentions.aspects == ["Management"]


def test_a_question_of_neither_concept_that_asks_no_difference_gets_passages_not_the_table(facts):
    turn = _read(facts, "compare", "who sets the service levels, us or the provider?")
    text = " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, turn))
    assert "adjust service levels" in text and "Row by row" not in text
    # the difference itself is still the table
    assert "Row by row" in as_text(respond(BY_INTENT["compare"], facts, _read(facts, "compare", "what's the difference?"))[0])
    # one that points back at the concept in context is asked of it, as before ("who do they employ")
    back = replace(_read(facts, "compare", "who do they employ"), context=Context(concept="BPO", topic="define"))
    assert "Of KPO" not in " ".join(as_text(a) for a in respond(BY_INTENT["compare"], facts, back))


def test_the_rules_on_no_process_leave_processes_alone(facts):
    # a question word inside the work's name is still a process
    text = "we answer customer calls about where their parcel is, is that BPO?"
    turn = _read(facts, "recommend", text, ("task", "customer calls about where their parcel is"))
    assert as_text(respond(BY_INTENT["recommend"], facts, turn)[0]).startswith("BPO fits")
    # "it" said to be a process before "if" or "when", or a process the document names, stays one
    assert _read(facts, "recommend", "would it be payroll if we only run the payslips?",
                 ("task", "payroll")).mentions.tasks == ["payroll"]
    assert _read(facts, "recommend", "is it transcription when we only type up recordings?",
                 ("task", "transcription")).mentions.tasks == ["transcription"]
    assert _read(facts, "recommend", "is it payroll to run payslips?", ("task", "payroll")).mentions.tasks == ["payroll"]


def test_why_after_a_comparison_on_a_topic_gets_the_topic(facts):
    dearer = Context(topic="search", earlier=(_parsed("which is more expensive, bpo or kpo?", "compare", "bpo", "kpo"),))
    turn = replace(_read(facts, "follow_up", "why?"), context=dearer)
    text = " ".join(as_text(a) for a in respond(BY_INTENT["follow_up"], facts, turn))
    assert text.startswith("The document does not compare BPO and KPO on cost") or "On cost" in text


def test_a_question_meaning_both_without_naming_them_gets_the_table(facts):
    turn = _read(facts, "compare", "when would you pick one over the other?")
    assert as_text(respond(BY_INTENT["compare"], facts, turn)[0]).startswith("In short:")


@pytest.mark.parametrize(("intent", "text", "spans", "unsaid"), [
    ("example", "What languages do BPO call centres normally support?",
     (("concept", "BPO"), ("task", "call centres"), ("task", "support")), "languages"),
    ("example", "whats the usual attrition rate at call centres", (("task", "attrition rate at"), ("task", "call centres")),
     "attrition"),
])
def test_a_question_of_what_the_document_never_speaks_of_gets_no_verdict_on_the_work_it_names(facts, intent, text,
                                                                                            spans, unsaid):
    # the work it names is placed (call centres are customer service), but the question asks something else
    said = [as_text(a) for a in respond(BY_INTENT[intent], facts, _read(facts, intent, text, *spans))]
    assert said[0] == f"The document does not say anything about {unsaid}."  # (not "languages or normally")
    assert not any(" fits " in s for s in said)
    # a question that asks which fits, or for a recommendation, still gets its verdict
    text = "what do you recommend for our call centres?"
    said = [as_text(a) for a in respond(BY_INTENT["recommend"], facts, _read(facts, "recommend", text,
                                                                              ("task", "call centres")))]
    assert "BPO fits" in said[0]


def test_a_passage_that_points_back_is_quoted_after_the_one_it_points_to(facts):
    found = retrieve.answer(facts.index, "will BPO lead to enhanced service delivery?", ["BPO"])
    assert found is not None
    assert found.items[:2] == ['"By outsourcing, companies can benefit from these advancements without the need for '
                               'direct investment in new technology or systems."',
                               '"This can lead to enhanced service delivery and operational improvements."']
    # (quoted already, but after it: moved up)
    found = retrieve.answer(facts.index, "does this flexibility help with seasonal fluctuations and scalability of "
                                         "service levels?", ["BPO"])
    assert found is not None and found.items[0].startswith('"BPO offers scalability')
    assert found.items[1].startswith('"This flexibility is beneficial') and len(found.items) == len(set(found.items))


def test_a_placing_beside_a_topic_answer_does_not_start_the_interview(facts):
    found = instead_of_interview(facts, _turn("classify", "If we outsource customer service, how do we keep control "
                                                          "over what the vendor is doing?", tasks="customer service"))
    assert found and found[0].text.startswith("On the relationship with the provider")
