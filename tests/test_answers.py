"""Answers built from the store (bot/answering/answers.py), checked against the document's facts."""

from __future__ import annotations

import pytest

from bot.answering import answers, retrieve
from bot.facts.model import Part
from bot.render import as_text, source


@pytest.mark.parametrize(
    ("concept", "expected"),
    [
        ("BPO", ["BPO stands for Business Process Outsourcing.", "contracting out specific business processes"]),
        ("kpo", ["KPO stands for Knowledge Process Outsourcing.", "high-value, knowledge-based processes"]),
    ],
)
def test_define_expands_the_acronym_and_names_the_source(store, concept, expected):
    answer = answers.define(store, concept)
    assert all(part in answer.text for part in expected)
    assert "definition" in source(answer) and answer.found and answer.topic == "define"


def test_define_unknown_concept_says_the_document_does_not_say(store):
    answer = answers.define(store, "RPO")
    assert not answer.found and "does not say anything about RPO" in answer.text


def test_characteristics_list(store, document):
    answer = answers.characteristics(store, "KPO")
    # each by its title and first sentence, as the similarities are listed
    assert [item.split(":")[0] for item in answer.items] == [t.title for t in document.concept("KPO").characteristics]
    assert answer.items[0] == ("High-Level Expertise: KPO focuses on processes that demand advanced knowledge and "
                               "professional skills, such as research and development, financial analysis, legal services, "
                               "and strategic consulting.")
    assert "8 characteristics of KPO" in answer.text and "Characteristics of KPO" in source(answer)


@pytest.mark.parametrize(
    ("title", "concept", "concept_in_text", "phrase"),
    [
        ("Talent-Intensive", None, "(KPO)", "advanced degrees"),
        ("Talent-Intensive", "KPO", "(KPO)", "highly skilled professionals"),
        ("Global Reach and 24/7 Operations", "BPO", "(BPO)", "multiple time zones"),
        ("Risk Management", "BPO", "(BPO)", "introduces new risks"),
        ("Risk Management", "KPO", "(shared by BPO and KPO)", "helps distribute operational risks"),
        ("Outsourcing Strategy", None, "(shared by BPO and KPO)", "outsourcing specific business functions"),
    ],
)
def test_characteristic_in_detail(store, title, concept, concept_in_text, phrase):
    answer = answers.characteristic(store, title, concept)
    assert concept_in_text in answer.text and phrase in answer.text
    assert title in source(answer)


def test_characteristic_of_the_other_concept_says_whose_it_is(store):
    # the document says nothing of BPO with a word of "Talent-Intensive"
    answer = answers.characteristic(store, "Talent-Intensive", "BPO")
    assert "does not say anything about Talent-Intensive for BPO; it is one of KPO's characteristics" in answer.text
    # of 24/7 work it says nothing for KPO, and the answer says so
    answer = answers.characteristic(store, "Global Reach and 24/7 Operations", "KPO")
    assert answer.text.startswith("The document does not say anything about Global Reach and 24/7 Operations for KPO")
    # but it says KPO enhances operational efficiency: only Improved Efficiency is not listed for it
    answer = answers.characteristic(store, "Improved Efficiency", "KPO")
    assert answer.text.startswith("The document does not list Improved Efficiency as a characteristic of KPO")


def test_compare_overall_has_the_whole_table(store, document):
    answer = answers.compare(store)
    assert answer.table[0] == ["Aspect", "BPO", "KPO"]
    assert answer.table[1:] == [[a.name, a.values["BPO"], a.values["KPO"]] for a in document.aspects]
    assert "BPO is about routine tasks and operational efficiency" in answer.text
    assert "Key differences between BPO and KPO" in source(answer)


@pytest.mark.parametrize(
    ("aspect", "concept", "question", "expected"),
    [
        ("Scalability", "KPO", "how scalable is kpo", "KPO's scalability is Moderate to High, against High for BPO."),
        ("Complexity", "BPO", "", "BPO's complexity is Low to Medium, against High for KPO."),
        ("Risk Type", None, "", "Risk Type: BPO: Operational Risks; KPO: Strategic Risks."),
        ("Expertise Required", None, "which needs specialized skills",
         "KPO: its expertise required is Specialized Skills, against General Skills for BPO."),
        ("Management", None, "which one uses vendor management",
         "BPO: its management is Vendor Management, against Collaborative Management for KPO."),
    ],
)
def test_compare_one_aspect(store, aspect, concept, question, expected):
    answer = answers.compare_aspect(store, aspect, concept, question)
    assert answer.text == expected
    [place] = answer.sources
    assert (place.part, place.name, place.line) == (Part.ROW, aspect, store.aspect(aspect).line)
    assert source(answer) == f"Source: Key differences between BPO and KPO, row {aspect} (line {place.line})."


def test_compare_unknown_aspect_lists_the_rows(store):
    answer = answers.compare_aspect(store, "Colour")
    assert not answer.found and "Complexity" in answer.text and "Risk Type" in answer.text


def test_similarities(store, document):
    answer = answers.similarities(store)
    assert [i.split(":")[0] for i in answer.items] == [s.title for s in document.similarities]
    assert "Key Similarities between BPO and KPO" in source(answer)


def test_a_similarity_says_what_a_concepts_characteristic_of_that_name_adds_against_it(store):
    # shared Risk Management spreads risk; BPO's own Risk Management adds that outsourcing brings new risks too
    for answer in (answers.similarity(store, "Risk Management"), answers.characteristic(store, "Vendor Management")):
        assert answer is not None and "shared by BPO and KPO" in answer.text
    risk = answers.similarity(store, "Risk Management")
    assert risk.text.endswith('Of BPO, its Risk Management adds: "However, it also introduces new risks related to '
                              'vendor management and service delivery."')
    assert "Characteristics of BPO: Risk Management (line 18)" in source(risk)
    # a similarity no characteristic of its name qualifies is as the document says it
    assert "adds:" not in answers.characteristic(store, "Vendor Management").text


@pytest.mark.parametrize(
    ("concept", "present", "absent"),
    [("BPO", ["payroll", "customer service", "IT support"], ["R&D"]),
     ("KPO", ["R&D", "Market Research", "legal services"], ["payroll"]),
     (None, ["payroll", "R&D"], [])],
)
def test_examples(store, concept, present, absent):
    text = answers.examples(store, concept).text
    assert all(p in text for p in present) and not any(a in text for a in absent)


def test_examples_are_quoted_as_the_document_writes_them(other_facts):
    # the words that list them with what they are examples of (their clause, here the whole sentence), and the table's
    # cell; a list of one concept's examples holds no other's
    text = answers.examples(other_facts.store, "IaaS").text
    assert ('"Infrastructure as a Service (IaaS) rents raw computing resources such as virtual machines, storage, and '
            'networks." (its definition)') in text
    assert '"Virtual Machines, Object Storage" (the comparison table).' in text
    assert "Email, CRM" not in text
    # a short sentence from its start, and to its end when little follows the list
    assert '"Teams use tools such as email, accounting, or ticketing without installing anything." (its definition)' \
        in answers.examples(other_facts.store, "SaaS").text


def test_a_list_of_one_concepts_examples_quotes_no_sentence_about_the_other(facts):
    text = answers.examples(facts.store, "KPO").text
    # (from the start of its clause, after what it says of BPO)
    assert '"... KPO handles complex and specialized functions such as research and development, market analysis' in text
    assert "Business Process Outsourcing" not in text and "BPO" not in text


@pytest.mark.parametrize(
    ("task", "concept", "start"),
    [
        ("payroll", "BPO", "Yes: payroll is one of the document's examples of BPO: \"... access specialized expertise by "
                           "outsourcing activities such as customer service, payroll, or IT support.\" (its definition) "
                           "and \"Customer Service, Payroll\" (the comparison table, against \"Market Research, R&D\" for "
                           "KPO)."),
        ("payroll", "KPO", "No: the document gives payroll as an example of BPO, not KPO. Its examples of BPO: "
                           "\"... access specialized expertise by outsourcing activities such as customer service,"),
        # quoted where the document names it: the table only, with the other concept's cell of that row
        ("R&D", "KPO", "Yes: R&D is one of the document's examples of KPO: \"Market Research, R&D\" (the comparison "
                       "table, against \"Customer Service, Payroll\" for BPO)."),
        ("market research", None, "Yes: market research is one of the document's examples of KPO: \"Market Research"),
        ("contract review", "KPO", "The document does not name contract review as an example of KPO"),
    ],
)
def test_is_example(facts, task, concept, start):
    answer = answers.is_example(facts.store, facts.recommender, task, concept)
    assert answer.text.startswith(start)


@pytest.mark.parametrize(
    ("task", "concept", "evidence"),
    [
        ("payroll", "BPO", "names payroll as an example of BPO"),
        ("contract review", "KPO", 'the KPO example "legal services"'),
        ("answering customer calls at night", "BPO", 'the BPO example "customer service"'),
        ("data analysis for our pricing strategy", "KPO", '"data analysis" in Characteristics of KPO'),
        ("invoice processing", "BPO", "Routine Tasks"),
    ],
)
def test_recommend_gives_the_concept_and_the_evidence(facts, task, concept, evidence):
    answer = answers.recommend(facts.store, facts.recommender, task)
    assert answer.text.startswith(concept) and evidence in answer.text
    assert source(answer) and answer.concept == concept
    assert "(line" not in source(answer)  # evidence is cited in its short form


def test_recommend_on_how_a_task_is_described(facts):
    described = "portfolio stress testing, every scenario set is customised and built by quants with advanced degrees"
    answer = answers.recommend(facts.store, facts.recommender, "portfolio stress testing", described)
    assert answer.text.startswith("KPO fits portfolio stress testing better, going by how you describe it:")
    assert '"customised" and "degrees"' in answer.text and answer.concept == "KPO" and answer.found
    assert answer.buttons and answer.buttons[0]["payload"].startswith("/classify")
    # without the description the task alone settles nothing
    assert answers.recommend(facts.store, facts.recommender, "portfolio stress testing").concept is None


def test_a_table_cell_as_evidence_stands_against_the_other_concepts_cell(facts):
    fit = answers.recommend(facts.store, facts.recommender, "routine data entry")
    assert ('the comparison table\'s BPO cell "Routine Tasks" (Definition, against "Knowledge-Based Tasks" for KPO)'
            in fit.text)


def test_a_recommendation_quotes_the_examples_as_the_document_lists_them(facts, other_facts):
    named = answers.recommend(facts.store, facts.recommender, "payroll")
    assert named.text.startswith('BPO: the document names payroll as an example of BPO: "... access specialized expertise '
                                 'by outsourcing activities such as customer service, payroll, or IT support." (its '
                                 'definition)')
    fit = answers.recommend(other_facts.store, other_facts.recommender, "ticketing tool for the HR team")
    assert fit.text.startswith("SaaS fits ticketing tool for the HR team better.")
    assert ('The document\'s examples of SaaS: "Teams use tools such as email, accounting, or ticketing without installing '
            'anything." (its definition).') in fit.text


def test_a_recommendation_quotes_every_place_that_lists_an_example_it_matched(other_facts):
    # "storage" stands in the definition's list and "Object Storage" in the table: both are quoted, the table's cell
    # against the other concept's
    fit = answers.recommend(other_facts.store, other_facts.recommender, "backup files in a cloud provider's object storage")
    assert fit.text.startswith("IaaS fits backup files in a cloud provider's object storage better.")
    assert ('"Infrastructure as a Service (IaaS) rents raw computing resources such as virtual machines, storage, and '
            'networks." (its definition) and "Virtual Machines, Object Storage" (the comparison table, against '
            '"Email, CRM" for SaaS).') in fit.text


def test_a_verdict_quotes_the_sentence_that_holds_the_words_it_matched_in_a_paragraph(facts, other_facts):
    # "cost" in Per-Seat Billing, "team" and "tool" in SaaS's definition: the sentence of each that holds them
    fit = answers.recommend(other_facts.store, other_facts.recommender, "predictable monthly costs for the team's tools")
    assert fit.text.startswith("SaaS fits predictable monthly costs for the team's tools better.")
    assert '"Each user costs a fixed fee, which makes budgets easy to predict."' in fit.text
    assert '"Teams use tools such as email, accounting, or ticketing without installing anything."' in fit.text
    # the sentence the most matched words stand in that no quote holds already ("monthly", beside the listing of email)
    fit = answers.recommend(other_facts.store, other_facts.recommender, "monthly billing for email")
    assert '"SaaS is billed per seat, usually monthly."' in fit.text
    # quoted as the document writes it, not as the clause of one concept's own
    fit = answers.recommend(facts.store, facts.recommender, "domain competencies for complex work")
    assert '"Unlike Business Process Outsourcing (BPO), which focuses on routine tasks, KPO handles complex' in fit.text
    assert '"KPO handles complex' not in fit.text
    # a sentence that holds the listing quoted already is not quoted again
    fit = answers.recommend(facts.store, facts.recommender, "payroll for our shops")
    assert "This strategy allows companies" not in fit.text
    assert fit.text.count("customer service, payroll, or IT support") == 1


def test_a_verdict_read_from_a_description_quotes_the_rows_that_set_the_concepts_apart(facts):
    # the table's first row, and a row its words name ("vendor": Management), as the document has them
    fit = answers.recommend(facts.store, facts.recommender, "high-volume invoice data entry",
                            "high-volume invoice data entry, super repetitive, hardly any judgement needed. which fits?")
    assert fit.text.startswith("BPO fits high-volume invoice data entry better, going by how you describe it")
    assert 'The comparison table says: "Definition: BPO: Routine Tasks; KPO: Knowledge-Based Tasks".' in fit.text
    assert [p.names for p in fit.sources] == [("Definition",)]
    fit = answers.recommend(facts.store, facts.recommender, "live",
                            "Honestly, which is easier to live with as a vendor relationship day to day, BPO or KPO?")
    assert ('"Definition: BPO: Routine Tasks; KPO: Knowledge-Based Tasks" and "Management: BPO: Vendor Management; '
            'KPO: Collaborative Management"') in fit.text


def test_a_misspelled_task_is_read_as_the_documents_words_on_both_documents(facts, other_facts):
    named = answers.recommend(facts.store, facts.recommender, "markt reserch")
    assert named.text.startswith('(Reading "markt reserch" as "market research".) KPO: the document names market '
                                 'research as an example of KPO')
    assert named.concept == "KPO" and named.task == "market research"
    # asked whether it is an example: the answer names the document's words, not the misspelling
    example = answers.is_example(facts.store, facts.recommender, "markt reserch", "KPO")
    assert example.text.startswith('(Reading "markt reserch" as "market research".) ') and "markt" not in example.text[50:]
    fit = answers.recommend(other_facts.store, other_facts.recommender, "virtal machines for the load test")
    assert fit.text.startswith('(Reading "virtal machines for the load test" as "virtual machines for the load test".) '
                               'IaaS fits virtual machines for the load test better.')
    assert other_facts.recommender.spelled("ticketting tool") == "ticketing tool"


@pytest.mark.parametrize("task", ["gardening", "walking the office dog"])
def test_recommend_without_evidence_says_the_document_does_not_settle_it(facts, task):
    answer = answers.recommend(facts.store, facts.recommender, task)
    assert answer.text.startswith(f"The document does not settle whether {task} is BPO or KPO.")
    assert not answer.found and answer.concept is None


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("what is nearshore", "nearshore, where services are delivered from a nearby country"),
        ("what does offshore mean", "offshore, where services are provided from another country"),
        ("what are performance metrics", "clear contracts, performance metrics, and strong vendor management"),
        ("what is intellectual capital", "intellectual capital"),
    ],
)
def test_search_quotes_the_passage(facts, question, phrase):
    answer = retrieve.answer(facts.index, question)
    assert answer is not None and phrase in as_text(answer) and "line" in source(answer)


@pytest.mark.parametrize("question", ["what is cloud computing", "tell me about kubernetes", "what is kpo", "???"])
def test_search_does_not_guess(facts, question):
    assert retrieve.answer(facts.index, question) is None


@pytest.mark.parametrize(
    ("text", "notice"),
    [("is KPO riskier than BPO?", True), ("which is riskier, BPO or KPO?", True),
     # a row of degrees grades them; one concept named compares nothing here
     ("is KPO more complex than BPO?", False), ("is KPO riskier?", False),
     # "more" with a noun asks for more, not which has more
     ("can you give me more detail on the risk types of BPO and KPO?", False),
     ("is knowledge process outsourcing riskier than business process outsourcing?", True)],
)
def test_a_row_that_does_not_weigh_a_comparative_of_both_concepts_says_so(store, text, notice):
    aspect = "Complexity" if "complex" in text else "Risk Type"
    answer = answers.compare_aspect(store, aspect, question=text)
    assert answer.text.startswith("The document does not say which is") is notice, answer.text


def test_an_examples_abbreviation_is_read_as_the_example_only_when_nothing_else_has_its_initials(facts, other_facts):
    fit = answers.recommend(other_facts.store, other_facts.recommender, "VM to run our own postgres")
    assert fit.text.startswith('(Reading "VM to run our own postgres" as "virtual machines to run our own postgres".) '
                               'IaaS fits')
    # "OS" is "object storage" and "operating system" there; "VM" on the first document is no example
    assert other_facts.recommender.spelled("pick the OS") == "pick the OS"
    assert facts.recommender.spelled("BPO OR KPO for VM work") == "BPO OR KPO for VM work"
    # nor after a figure, nor initials with a stop word ("research and development")
    assert other_facts.recommender.spelled("from 9 VM to 5 VM") == "from 9 VM to 5 VM"
    assert facts.recommender.spelled("RAD for clients") == "RAD for clients"


def test_a_cell_says_a_word_it_begins_with(store):
    answer = answers.compare_aspect(store, "Employee Expertise", question="which workers have more skills, BPO or KPO?")
    assert not answer.text.startswith("The document does not say which")


@pytest.mark.parametrize(("aspect", "text", "start"), [
    ("Scalability", "kpo is more scalable than bpo right?", "No: KPO's scalability is Moderate to High, against High"),
    # the clause that claims the row's own word
    ("Scalability", "KPO needs more experts than BPO, but is BPO more scalable than KPO?", "Yes: BPO's scalability"),
    ("Complexity", "is KPO more complex than BPO?", "Yes: KPO's complexity is High, against Low to Medium"),
    ("Complexity", "is bpo less complex than kpo?", "Yes: BPO's complexity is Low to Medium"),
    ("Customization", "is BPO more customized than KPO?", "No: BPO's customization is Limited"),
    # no claim, or cells on no scale: the row as it is
    ("Complexity", "which is more complex, BPO or KPO?", "Complexity: BPO: Low to Medium; KPO: High."),
    ("Innovation", "is KPO more innovative than BPO?", "Innovation: BPO: Process Improvement"),
    # no word of the row, a negation, or more or less: the row as it is
    ("Customization", "is BPO more rigid than KPO?", "Customization: BPO: Limited; KPO: High."),
    ("Complexity", "KPO is not more complex than BPO, right?", "Complexity: BPO: Low to Medium; KPO: High."),
    ("Scalability", "is kpo more or less scalable than bpo?", "Scalability: BPO: High"),
])
def test_a_claim_the_rows_scale_settles_is_answered_yes_or_no_first(store, aspect, text, start):
    assert answers.compare_aspect(store, aspect, question=text).text.startswith(start)


@pytest.mark.parametrize(("question", "start"), [
    ("does KPO need more client interaction than BPO?", "Yes: KPO's client interaction is More Frequent"),
    ("does BPO have more interaction with clients than KPO?", "No: BPO's client interaction is Less Frequent"),
])
def test_a_claim_on_a_row_of_less_and_more_is_answered_yes_or_no(store, question, start):
    assert as_text(answers.compare_aspect(store, "Client Interaction", None, question)).startswith(start)
    # "more complex to manage" is no claim on the complexity of the work
    assert not as_text(answers.compare_aspect(store, "Complexity", None, "is KPO more complex to manage than BPO?")
                       ).startswith(("Yes", "No"))
    # nor "more scalability issues": the word before "than" is no word of the row, and may turn the claim around
    assert not as_text(answers.compare_aspect(store, "Scalability", None, "does KPO have more scalability issues than "
                                                                         "BPO?")).startswith(("Yes", "No"))


def test_a_claim_whose_last_word_before_than_is_the_rows_is_answered_on_the_second_document(other_facts):
    question = "does IaaS need more setup effort than SaaS?"
    assert as_text(answers.compare_aspect(other_facts.store, "Effort", None, question)).startswith("Yes: IaaS's effort")
    assert not as_text(answers.compare_aspect(other_facts.store, "Control", None, "does IaaS have more control problems "
                                                                               "than SaaS?")).startswith(("Yes", "No"))


def test_evidence_that_all_points_one_way_settles_a_task(store):
    from bot.answering.recommend import Recommender
    fit = answers.recommend(store, Recommender(store), "consulting")
    assert fit.found and as_text(fit).startswith("KPO fits consulting better")


def test_too_little_evidence_for_one_side_is_said_to_point_one_way_weakly(store, other_facts):
    from bot.answering.recommend import Recommender
    unsettled = as_text(answers.recommend(store, Recommender(store), "typing invoices into our accounting system"))
    assert "points only weakly one way: BPO:" in unsettled and "each way" not in unsettled
    assert "such as complexity or client interaction" in unsettled
    # the rows offered are the second document's own
    other = as_text(answers.recommend(other_facts.store, other_facts.recommender, "walking the dog"))
    assert "such as control or effort" in other


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        # the strongest phrase stands in a list of the document: its sentence, as written
        ("quarterly financial analysis", "KPO focuses on processes that demand advanced knowledge and professional "
                                         "skills, such as research and development, financial analysis"),
        ("data analysis", "KPO providers are engaged in activities that require significant intellectual effort and "
                          "expertise, such as data analysis, market research, and strategic planning"),
    ],
)
def test_a_verdict_quotes_the_sentence_its_strongest_phrase_stands_in(facts, task, sentence):
    text = answers.recommend(facts.store, facts.recommender, task).text
    assert f'The document says: "{sentence}' in text


def test_a_verdict_on_an_example_quotes_the_examples(facts):
    text = answers.recommend(facts.store, facts.recommender, "weekly payroll runs").text
    assert "The document's examples of BPO" in text and "The document says:" not in text
