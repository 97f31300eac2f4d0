"""Questions about a topic that is not a table row (bot/answering/topics.py), on both documents' stores."""

from __future__ import annotations

import pytest
import yaml

from bot.answering import topics
from bot.facts.store import FactStore, build_store
from bot.paths import ROOT
from bot.render import source
from bot.text import lemma, stop_words

TOPICS = topics.load_topics()


def ask(store, text, concepts):
    asked = topics.asked_topics(text, TOPICS)
    assert asked, f"no topic found in {text!r}"
    return topics.answer(store, text, asked, concepts)


@pytest.mark.parametrize(
    ("text", "concepts", "start", "phrase"),
    [
        ("is KPO cheaper than BPO?", ["KPO", "BPO"], "The document does not compare KPO and BPO on cost.",
         "managing costs"),
        # asked of one concept, "cheaper" is than the other, which the document never says
        ("is outsourcing KPO cheaper?", ["KPO"], "The document does not compare BPO and KPO on cost. On cost, here is "
         "what the document says about KPO:", "managing costs"),
        ("is BPO more expensive?", ["BPO"], "The document does not compare BPO and KPO on cost.", "lower operational"),
        ("what are the strengths of BPO", ["BPO"], "On benefits, these are the characteristics the document gives BPO",
         'Cost Efficiency: "One of the main drivers for BPO is cost reduction."'),
        ("what are the strengths of BPO and KPO", [], "On benefits, here is what the document says about BPO and KPO:",
         "BPO: "),
        ("who are the people working at a KPO firm, what qualifications?", ["KPO"], "On the people who do the work",
         "highly skilled professionals"),
        ("can a provider work nights and weekends?", [], "On working hours", "round-the-clock"),
        # the risk the document names for KPO, not that outsourcing helps distribute risks (no drawback)
        ("any drawbacks to KPO?", ["KPO"], "On drawbacks and risks", "Strategic Risks"),
        ("what could go wrong if we hand our knowledge work to a KPO?", ["KPO"], "On drawbacks and risks",
         "Strategic Risks"),
        ("what should we watch out for with bpo?", ["BPO"], "On drawbacks and risks", "new risks related to vendor"),
        ("what should we be careful about with kpo?", ["KPO"], "On drawbacks and risks", "Strategic Risks"),
    ],
)
def test_a_topic_is_answered_from_what_the_document_says_on_it(store, text, concepts, start, phrase):
    answer = ask(store, text, concepts)
    assert answer.text.startswith(start)
    assert any(phrase in item for item in answer.items), answer.items
    assert answer.found and "line" in source(answer)


@pytest.mark.parametrize(
    ("text", "concepts", "phrase"),
    [
        # a pair of the question's words few sentences hold side by side: that sentence comes first
        ("Hello, I run a small ops team and we're short on budget for new systems. If we go with a BPO provider, do we "
         "still have to buy the new technology ourselves?", ["BPO"], "direct investment in new technology or systems"),
        ("How does outsourcing the boring stuff help our competitive advantage?", [],
         "directly contribute to their competitive advantage"),
        ("Is BPO mainly worth it for core or non-core functions?", ["BPO"], "particularly advantageous for non-core"),
    ],
)
def test_a_sentence_holding_a_phrase_of_the_question_comes_first(store, text, concepts, phrase):
    answer = ask(store, text, concepts)
    # (after the sentence it points back to, when it opens "This is particularly advantageous ...")
    first = next(i for i, item in enumerate(answer.items) if phrase in item)
    assert first == 0 or first == 1 and '"This ' in answer.items[1] and "By outsourcing certain functions" in \
        answer.items[0], answer.items
    assert len(answer.items) == len({*answer.items})


def test_a_phrase_of_the_question_finds_its_sentence_in_another_document(tmp_path, other_document):
    with FactStore.open(build_store([other_document], tmp_path / "other.db")) as other:
        answer = ask(other, "who takes care of the operating system with iaas, and what does it cost?", ["IaaS"])
        assert answer.items[0] == 'IaaS: "The customer chooses the operating system and every program above it."'
        assert any("billed by the hour" in item for item in answer.items)
        # (not beside a topic nothing speaks to, which stays not covered)
        eu = ask(other, "Can we guarantee the data stays in an EU region by law if we rent virtual machines?", [])
        assert not eu.found and not eu.items, eu


def test_a_topic_the_document_does_not_cover_says_so(store):
    answer = ask(store, "how is confidential information protected in KPO?", ["KPO"])
    assert answer.text == "The document does not cover security and confidentiality for KPO." and not answer.found


def test_the_same_questions_work_for_another_document(tmp_path, other_document):
    with FactStore.open(build_store([other_document], tmp_path / "other.db")) as other:
        cheaper = ask(other, "is SaaS cheaper than IaaS?", ["SaaS", "IaaS"])
        assert cheaper.text.startswith("The document does not compare SaaS and IaaS on cost.")
        assert any("fixed fee" in item for item in cheaper.items) and any("billed by the hour" in item for item in cheaper.items)
        assert ask(other, "is SaaS cheaper?", ["SaaS"]).text.startswith(
            "The document does not compare SaaS and IaaS on cost. On cost, here is what the document says about SaaS:")
        # "more" alone compares nothing, nor a comparison with something else or over time
        for text in ("tell me more about the cost of SaaS", "is SaaS more expensive than buying licences outright?",
                     "does IaaS get cheaper as we grow?"):
            assert "does not compare" not in ask(other, text, ["SaaS"] if "SaaS" in text else ["IaaS"]).text, text
        secure = ask(other, "is my data secure with IaaS?", ["IaaS"])
        assert not secure.found and "does not cover security" in secure.text


def test_a_question_without_a_topic_is_left_to_the_templates():
    assert topics.asked_topics("what is kpo", TOPICS) == []
    assert topics.asked_topics("how scalable is kpo", TOPICS) == []


def test_what_is_good_about_a_concept_is_its_characteristics_when_no_sentence_says(tmp_path, other_document):
    store = FactStore.open(build_store([other_document], tmp_path / "facts.db"))
    asked = topics.asked_topics("whats good about iaas", topics.load_topics())
    answer = topics.answer(store, "whats good about iaas", asked, ["IaaS"])
    assert answer.found and 'Full Control: "The customer chooses the operating system' in " ".join(answer.items)
    assert "Characteristics of IaaS: Full Control (line" in source(answer)


@pytest.mark.parametrize("text", ["what are the main advantages of going the BPO route", "bpo strengths?",
                                  "what are BPO providers usually good at?"])
def test_the_advantages_of_one_concept_are_its_characteristics_each_with_its_first_sentence(store, text):
    answer = ask(store, text, ["BPO"])
    assert answer.text == ("On benefits, these are the characteristics the document gives BPO, each with its first "
                           "sentence, then what its definition says:")
    titled = [i for i in answer.items if not i.startswith("From its definition")]
    assert len(titled) == len(store.concept("BPO").characteristics) == 8
    assert answer.items[0] == 'Cost Efficiency: "One of the main drivers for BPO is cost reduction."'
    assert 'Scalability and Flexibility: "BPO offers scalability, allowing companies to easily adjust service levels ' \
           'based on business needs and market conditions."' in answer.items
    # then what its definition says on the topic, which sums the benefits up
    assert answer.items[8:] == [
        'From its definition: "By leveraging external resources, businesses can improve efficiency, focus on core '
        'activities, and adapt to changing market conditions."',
        'From its definition: "This strategy allows companies to streamline operations, reduce costs, and access '
        'specialized expertise by outsourcing activities such as customer service, payroll, or IT support."']
    assert "Business Process Outsourcing (BPO) (line 1)" in source(answer)


def test_advantages_asked_about_something_the_document_names_get_its_sentences_on_it(store):
    # "systems" is a thing the document speaks of in a few places: the sentences on it, not the list
    answer = ask(store, "Would we need to buy new systems ourselves to benefit from the tech a BPO provider has?", ["BPO"])
    assert answer.text.startswith("On benefits and technology, here is what the document says about BPO")
    assert any("without the need for direct investment in new technology" in item for item in answer.items)


def test_a_sentence_found_for_two_topics_is_quoted_once(store):
    text = "How does KPO add value? Our CFO says it is worth no more than cheaper labour; I need to make the case."
    answer = ask(store, text, ["KPO"])
    assert len(answer.items) == len(set(answer.items)) > 1


def test_topics_are_read_as_named_first_and_misspelled_and_good_alone_asks_none():
    names = [t.key for t in topics.asked_topics("any downsides to handing stuff off to a bpo vendor? sounds too good", TOPICS)]
    assert names == ["drawbacks", "relationship"]
    assert topics.asked_topics("is IaaS good for running AI models?", TOPICS) == []
    assert [t.key for t in topics.asked_topics("what are BPO providers usually good at?", TOPICS)] == ["benefits"]


def test_an_adverb_asks_its_adjectives_topic_and_a_unit_of_time_does_not():
    assert [t.key for t in topics.asked_topics("which one runs our operations more efficiently?", TOPICS)] == ["efficiency"]
    assert "hours" not in [t.key for t in topics.asked_topics("what is the hourly rate of a BPO agent?", TOPICS)]


def test_a_question_on_several_topics_gets_a_sentence_on_each(store):
    answer = ask(store, "Can an outsourcing partner keep our help line open on weekends and holidays?", [])
    assert answer.text.startswith("On the relationship with the provider and working hours")
    assert any("round-the-clock" in item for item in answer.items)
    assert any("vendor management" in item for item in answer.items)


def test_a_question_asking_for_a_figure_is_told_the_document_gives_none(store, tmp_path, other_document):
    answer = ask(store, "roughly how much does a kpo analyst cost per hour", ["KPO"])
    assert answer.text.startswith("The document does not say anything about figures")
    assert any("managing costs" in item for item in answer.items)
    # a question on cost that asks for no figure is answered as before
    assert not ask(store, "is KPO cheaper than BPO?", ["KPO", "BPO"]).text.startswith("The document does not say anything")
    with FactStore.open(build_store([other_document], tmp_path / "other.db")) as other:
        assert ask(other, "how much does saas cost per user", ["SaaS"]).text.startswith(
            "The document does not say anything about figures")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("who works at a BPO provider?", ["the people who do the work"]),
        # the asker's own people are not the provider's (the important work is what they are freed up for)
        ("does outsourcing free my team up for the important work?", ["focusing on the core business"]),
        ("which takes more work for our small IT team?", ["the work it takes on your side"]),
        ("what qualifications do the provider's staff have?", ["the people who do the work"]),
    ],
)
def test_the_askers_own_people_are_not_the_topic(text, names):
    assert [t.name for t in topics.asked_topics(text, TOPICS)] == names


@pytest.mark.parametrize(
    ("text", "concepts", "start", "phrase"),
    [
        ("how often will we be on calls with a KPO provider?", ["KPO"], "On communication with the provider",
         "frequent and in-depth interactions"),
        ("if business slows down, can we shrink what we outsource?", [], "On flexibility and scaling",
         "scaling down when necessary"),
    ],
)
def test_communication_and_scaling_down_are_topics(store, text, concepts, start, phrase):
    answer = ask(store, text, concepts)
    assert answer.text.startswith(start) and any(phrase in item for item in answer.items)


def test_value_for_money_is_a_question_of_cost(other_facts):
    answer = ask(other_facts.store, "which is better value long term, saas or iaas?", ["SaaS", "IaaS"])
    assert answer.text.startswith("The document does not compare SaaS and IaaS on cost.")
    assert any("billed by the hour" in item for item in answer.items)


def test_a_topic_asked_only_by_who_is_involved_does_not_answer_the_rest(other_facts):
    from bot.answering.entities import Mentions
    from bot.answering.routes import BY_INTENT, respond
    from bot.answering.turn import Context, Turn
    from bot.render import as_text

    def ask(text, intent="define", concepts=("SaaS",)):
        turn = Turn(text=text, intent=intent, mentions=Mentions(concepts=list(concepts)), context=Context())
        return as_text(respond(BY_INTENT[intent], other_facts, turn)[0])

    # "vendors" names who offers; the question is about uptime guarantees, which the document never mentions
    assert ask("What uptime guarantee do SaaS vendors normally offer?").startswith(
        "The document does not say anything about uptime guarantee")
    # asked by its own words, or compared, the topic still answers
    assert ask("how do we manage the relationship with a SaaS vendor?").startswith("On the relationship with the provider")
    assert "does not compare SaaS and IaaS" in ask("which one keeps our data safer with the vendor, saas or iaas?",
                                                   concepts=("SaaS", "IaaS"))


@pytest.mark.parametrize(("text", "asked"), [
    ("what is NOT a benefit of BPO, like what's the catch", "drawbacks"),
    ("which of these isn't an advantage of KPO?", "drawbacks"),
    ("what's the catch with SaaS?", "drawbacks"),
    ("is there a catch with kpo?", "drawbacks"),
    # "no" before the word still asks it: are there really none? Nor does a question's own "isn't"
    ("are there no risks with BPO?", "drawbacks"),
    ("no real benefits to KPO then?", "benefits"),
    ("isn't KPO risky?", "drawbacks"),
    ("aren't there benefits to KPO?", "benefits"),
    ("don't the benefits outweigh the risks?", "benefits"),
])
def test_not_just_before_a_topics_word_asks_the_opposite_topic(text, asked):
    assert [t.key for t in topics.asked_topics(text, TOPICS)][:1] == [asked]


def test_a_sentence_on_spreading_risk_is_no_drawback(store):
    answer = ask(store, "what is the biggest disadvantage of KPO?", ["KPO"])
    assert not any("distribute" in item for item in answer.items) and answer.items
    answer = ask(store, "what are the drawbacks of BPO?", ["BPO"])
    assert "new risks related to vendor management" in answer.items[0]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a row found for other words ("expert": the people) does not weigh the comparative asked (quality)
        ("who delivers better quality, the cheap option or the expert option?",
         "The document does not compare BPO and KPO on efficiency and quality."),
        # a comparative of no topic, and the row found (scaling) does not speak of it
        ("BPO or KPO, which is the safer bet for volatile demand?",
         "The document does not say which of BPO or KPO is safer"),
        # rows found for the topic (Value Addition, Focus) that say nothing the question or the topic's words ask
        ("which one gives us more of a competitive advantage, bpo or kpo?",
         "The document does not compare BPO and KPO on competitive advantage."),
    ],
)
def test_a_comparison_the_rows_found_do_not_weigh_is_said_not_to_be_made(store, text, start):
    answer = ask(store, text, ["BPO", "KPO"] if "BPO" in text else [])
    assert answer.text.startswith(start), answer.text


@pytest.mark.parametrize(
    "text",
    ["which one scales better, bpo or kpo?", "which one is more flexible, BPO or KPO?",
     # (a comparison of other things than the concepts)
     "Philippines or India, which location has better people for voice support?",
     # a row found on the topic the comparative asks is its comparison
     "which one has better qualified staff, BPO or KPO?"],
)
def test_a_comparison_a_row_grades_or_of_other_things_is_not_said_to_be_unmade(store, text):
    concepts = ["BPO", "KPO"] if "BPO" in text.upper() else []
    answer = ask(store, text, concepts)
    assert "does not compare" not in answer.text and "does not say which" not in answer.text, answer.text


def test_a_row_that_says_a_word_of_the_topic_is_the_comparison_in_another_document(other_facts):
    # (Effort, of the work on the asker's side; not the row Control, which says nothing of that work)
    answer = ask(other_facts.store, "which one is more work to look after, saas or iaas?", ["SaaS", "IaaS"])
    assert "does not compare" not in answer.text and "Effort: SaaS: Minimal" in " ".join(answer.items), answer
    answer = ask(other_facts.store, "which one gives us the better upside, saas or iaas?", ["SaaS", "IaaS"])
    assert answer.text.startswith("The document does not compare SaaS and IaaS on benefits."), answer.text


def test_the_second_documents_comparison_is_said_unmade_on_the_topic_compared_only(other_facts):
    # ("team" asks the people too, but "cheaper" compares on cost alone; nothing speaks to the people, which is said)
    answer = ask(other_facts.store, "which one is cheaper for a small team, saas or iaas?", ["SaaS", "IaaS"])
    assert answer.text.startswith("The document does not compare SaaS and IaaS on cost. The document does not cover "
                                  "the people who do the work for SaaS and IaaS. On cost, here is"), answer.text


def test_which_outsourcing_is_cheaper_compares_the_concepts(store):
    assert ask(store, "which outsourcing is cheaper?", []).text.startswith("The document does not compare BPO and KPO on cost.")


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # what else it brings first, then what the question doubts there is
        ("Is KPO only about cutting costs?", ["benefits", "cost"]),
        ("Are BPO providers actually better at this, or is it purely a cost play?", ["benefits", "cost"]),
        ("isn't KPO just expensive BPO?", ["benefits", "cost"]),
        # another topic asked beside it is what else is asked
        ("Is BPO only about cutting costs, or does it also help us adapt when the market shifts?",
         ["cost", "flexibility"]),
        # "just" before other words leaves the cost asked
        ("I just want to know the costs of BPO", ["cost"]),
        ("what do we get out of BPO if we ignore the savings?", ["benefits"]),
        # emphasis and comparison are no doubt; what else it brings is not asked when set aside
        ("Just how expensive is KPO?", ["cost"]),
        ("Can we just cut costs with BPO?", ["cost"]),
        ("our only concern is cost", ["cost"]),
        ("Which one is just cheaper?", ["cost"]),
        ("Is KPO simply more expensive than BPO?", ["cost"]),
        ("Apart from the benefits, is KPO just about cost?", ["cost"]),
    ],
)
def test_a_concept_doubted_to_be_only_about_cost_is_asked_what_else_it_brings_too(text, keys):
    assert [t.key for t in topics.asked_topics(text, TOPICS)] == keys


def test_beyond_must_name_a_topic(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  cost:\n    asks: [cost]\n    finds: [cost]\n    beyond: gains\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'beyond' names no topic: gains"):
        topics.load_topics(path)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("we get slammed every december. how would BPO help with that", ["flexibility"]),
        ("our queue explodes every November, then goes quiet again in January", ["flexibility"]),
        ("We have huge peaks in Q4, can an outsourcer absorb them?", ["flexibility"]),
        ("may we outsource payroll?", []),
        # a date alone is no busy time
        ("Which is better for a product launch in Q3, BPO or KPO?", []),
        ("our contract ends in June, should we move our market research to KPO?", ["relationship"]),
    ],
)
def test_busy_and_quiet_times_of_a_year_ask_about_scaling(text, keys):
    assert [t.key for t in topics.asked_topics(text, TOPICS)] == keys


@pytest.mark.parametrize(
    ("document_store", "text", "quoted"),
    [
        ("main", "can BPO be done from overseas?", "BPO can be either offshore, where services are provided from another"),
        ("other", "so where do the servers physically live?", "In both, the hardware sits in the vendor's data centre."),
    ],
)
def test_where_the_work_is_done_is_a_topic(store, tmp_path, other_document, document_store, text, quoted):
    if document_store == "main":
        assert quoted in ask(store, text, ["BPO"]).items[0]
        return
    with FactStore.open(build_store([other_document], tmp_path / "other.db")) as other:
        assert any(quoted in item for item in ask(other, text, ["IaaS"]).items)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("can BPO staff answer calls at 1am?", ["people", "hours"]),
        ("Would BPO work for our company?", []),  # whether it suits, not the work it takes
        ("how much work would IaaS be for our team?", ["effort"]),
        ("physically, what does a BPO provider do?", []),
        ("Is KPO common in foreign markets?", []),
    ],
)
def test_the_new_topics_are_asked_by_their_words_only(text, keys):
    assert [t.key for t in topics.asked_topics(text, TOPICS)] == keys


def test_no_topic_word_is_read_as_a_stop_word():
    # the lookup lemmatizer reads "evening" as "even": such a word would ask its topic in any sentence with "even"
    data = yaml.safe_load((ROOT / "data" / "answering" / "topics.yml").read_text(encoding="utf-8"))["topics"]
    single = [(key, str(w)) for key, item in data.items() for w in item.get("asks") or [] if " " not in str(w)]
    assert not [(key, w) for key, w in single if lemma(w.lower()) in stop_words()]


def test_of_several_topics_the_shared_sentence_with_most_of_the_questions_own_words_is_quoted(store):
    answer = ask(store, "how do we make sure the outsourced team's quality stays up to standard?", [])
    shared = [item for item in answer.items if item.startswith("Both")]
    assert shared == ['Both BPO and KPO: "Effective vendor management is crucial to ensure that the outsourced functions '
                      'meet quality standards and align with business objectives."']
    # words most sentences hold choose none ("outsourcing", "partner"): the first shared sentence on the topics stays
    answer = ask(store, "Can an outsourcing partner keep our help line open on weekends and holidays?", [])
    assert not any("involve outsourcing specific business functions" in item for item in answer.items)


def test_hiring_a_provider_asks_nothing_of_people_and_what_we_should_get_out_of_it_asks_benefits():
    text = ("Our marketing team is thinking of hiring a KPO for consumer insights. What should we get out of it beyond "
            "saving money?")
    assert [t.key for t in topics.asked_topics(text, TOPICS)] == ["benefits"]
    assert [t.key for t in topics.asked_topics("We might hire an outside firm. Is that a good idea?", TOPICS)] == ["benefits"]
    # hiring people still asks of them, and getting out of a contract asks no benefit
    assert "people" in [t.key for t in topics.asked_topics("do KPO firms hire experts with degrees?", TOPICS)]
    assert "benefits" not in [t.key for t in topics.asked_topics("can we get out of a BPO contract early?", TOPICS)]


def test_protection_from_a_drop_in_business_is_spreading_risk_and_names_holding_and_are_set_apart():
    text = "Demand for our products is shaky right now. Would outsourcing our order processing help protect us if volumes drop?"
    asked = [t.key for t in topics.asked_topics(text, TOPICS)]
    assert "risk_sharing" in asked and "security" not in asked
    named = {t.key: t for t in TOPICS}
    assert topics.names_of([named["flexibility"], named["risk_sharing"]]) == \
        "flexibility and scaling, and spreading and reducing risk"
    assert topics.names_of([named["cost"], named["benefits"]]) == "cost and benefits"


@pytest.mark.parametrize("text, topic", [
    ("Does IaaS give us redundancy if a server fails?", "own_staff"),
    ("Can we let go of our servers with SaaS?", "own_staff"),
    ("How long does it take for payroll to move over to the provider after we sign?", "own_staff"),
    ("Whose jobs are most affected by BPO?", "own_staff"),
    ("Payroll has to follow our country's tax rules. Can a BPO handle it?", "home_country"),
    ("Can a KPO analyze the domestic market for us?", "home_country"),
    ("Would SaaS protect us if a laptop is stolen?", "risk_sharing"),
    ("How do we make sure they actually understand our customers if we use a KPO?", "relationship"),
    ("Our customers are mostly hospitals. Would a KPO know how to work with them?", "communication"),
])
def test_the_second_reader_found_these_phrases_too_broad(text, topic):
    assert topic not in [t.key for t in topics.asked_topics(text, TOPICS)]


def test_people_let_go_and_work_kept_in_the_country_are_still_asked():
    asked = topics.asked_topics("if we outsource customer service, do the agents transfer over or get let go", TOPICS)
    assert "own_staff" in [t.key for t in asked]
    asked = topics.asked_topics("Can we keep our data in our own country with IaaS?", TOPICS)
    assert "home_country" in [t.key for t in asked]
    assert "security" in [t.key for t in topics.asked_topics("Would SaaS protect us if a laptop is stolen?", TOPICS)]


def test_a_word_asked_with_a_hyphen_is_read_as_its_parts():
    # "de-risk" is read as "de risk", as a question's words are: spreading risk, not drawbacks for the word "risk"
    for text in ("our CEO wants to de-risk wherever possible", "how do we de risk"):
        assert [t.key for t in topics.asked_topics(text, TOPICS)] == ["risk_sharing"], text
    assert [t.key for t in topics.asked_topics("is their kit state-of-the-art?", TOPICS)] == ["technology"]
    # (and "in a country close by" asks where the work is done, not keeping it at home)
    asked = [t.key for t in topics.asked_topics("so which one is it when the provider is in a country close by?", TOPICS)]
    assert asked == ["location"]


def test_a_strategy_team_is_who_works_in_a_field_not_the_strategy_asked():
    # "work closely with our strategy team every week" names who is involved; "how does KPO fit our strategy?" asks
    assert "strategy" not in [t.key for t in topics.asked_topics(
        "They'd need industry expertise, work closely with our strategy team every week. Thoughts?", TOPICS)]
    assert "strategy" in [t.key for t in topics.asked_topics("how does KPO fit our strategy?", TOPICS)]
