"""The parser on the real document, on a second document of the same shape, and on broken ones."""

from __future__ import annotations

import pytest

from bot.facts.parse import ParseError, parse_bytes, parse_file, split_sentences
from tests.conftest import DOCUMENT

# (concept, title, line of the title, first words of the text, last words of the text)
CHARACTERISTICS = [
    ("BPO", "Cost Efficiency", 5, "One of the main drivers for BPO", "compared to in-house management."),
    ("BPO", "Access to Specialized Expertise", 8, "BPO allows businesses to tap", "quality and efficiency of these functions."),
    ("BPO", "Focus on Core Activities", 11, "Outsourcing non-core processes enables", "their competitive advantage."),
    ("BPO", "Scalability and Flexibility", 14, "BPO offers scalability", "constraints of managing in-house resources."),
    ("BPO", "Improved Efficiency", 16, "External BPO providers often have", "productivity, and service quality."),
    ("BPO", "Risk Management", 18, "Outsourcing helps distribute", "vendor management and service delivery."),
    ("BPO", "Global Reach and 24/7 Operations", 21, "Many BPO providers operate", "regardless of geographical boundaries."),
    ("BPO", "Innovation and Technology", 24, "BPO providers often invest", "service delivery and operational improvements."),
    ("KPO", "High-Level Expertise", 30, "KPO focuses on processes that demand", "specialized competencies."),
    ("KPO", "Complex and Analytical Work", 33, "The work involved in KPO", "market research, and strategic planning."),
    ("KPO", "Strategic Value", 36, "KPO contributes to the strategic", "integral to long-term business success."),
    ("KPO", "Customization and Collaboration", 39, "KPO services are often customized", "the client’s strategic goals."),
    ("KPO", "Advanced Technology Utilization", 42, "KPO often involves the use", "efficient, and innovative solutions."),
    ("KPO", "High Client Interaction", 45, "Due to the nature of the work", "meet or exceed expectations."),
    ("KPO", "Focus on Value Addition", 48, "The primary goal of KPO", "enhanced strategic outcomes."),
    ("KPO", "Talent-Intensive", 50, "KPO relies on highly skilled", "to deliver high-quality services."),
]

TABLE = [
    ("Definition", "Routine Tasks", "Knowledge-Based Tasks"),
    ("Focus", "Operational Efficiency", "Strategic Insights"),
    ("Complexity", "Low to Medium", "High"),
    ("Expertise Required", "General Skills", "Specialized Skills"),
    ("Service Type", "Process-Oriented", "Knowledge-Oriented"),
    ("Examples", "Customer Service, Payroll", "Market Research, R&D"),
    ("Value Addition", "Cost Savings", "Strategic Value"),
    ("Client Interaction", "Less Frequent", "More Frequent"),
    ("Technology Use", "Standard Tools", "Advanced Tools"),
    ("Scalability", "High", "Moderate to High"),
    ("Customization", "Limited", "High"),
    ("Risk Type", "Operational Risks", "Strategic Risks"),
    ("Innovation", "Process Improvement", "High-Level Innovation"),
    ("Management", "Vendor Management", "Collaborative Management"),
    ("Employee Expertise", "General Workforce", "Highly Skilled Experts"),
]

SIMILARITIES = [
    ("Outsourcing Strategy", "Both BPO and KPO involve outsourcing", "expertise and resources."),
    ("Cost Efficiency", "Both practices aim to reduce", "handled by specialized providers."),
    ("Focus on Non-Core Activities", "Both BPO and KPO enable businesses", "primary strategic objectives."),
    ("Access to Expertise", "Each practice provides access", "finance, legal, or research."),
    ("Scalability and Flexibility", "Both BPO and KPO offer scalability", "efficient resource management."),
    ("Risk Management", "Outsourcing through BPO or KPO", "operational disruptions or fluctuations in demand."),
    ("Innovation and Improvement", "Both BPO and KPO can drive innovation.", "expert analysis and advanced technologies."),
    ("Vendor Management", "Managing external service providers", "align with business objectives."),
]


def test_counts(document):
    assert [c.abbreviation for c in document.concepts] == ["BPO", "KPO"]
    assert [len(c.characteristics) for c in document.concepts] == [8, 8]
    assert len(document.aspects) == 15
    assert len(document.similarities) == 8


@pytest.mark.parametrize(
    ("abbreviation", "name", "line", "first", "sentences"),
    [
        ("BPO", "Business Process Outsourcing", 1, "Business Process Outsourcing (BPO) is the practice of contracting out", 5),
        ("KPO", "Knowledge Process Outsourcing", 26, "Knowledge Process Outsourcing (KPO) involves outsourcing high-value", 5),
    ],
)
def test_concept_heading_and_definition(document, abbreviation, name, line, first, sentences):
    concept = document.concept(abbreviation)
    assert (concept.name, concept.line, concept.heading) == (name, line, f"{name} ({abbreviation})")
    assert concept.definition.startswith(first)
    assert len(concept.sentences) == sentences
    assert " ".join(concept.sentences) == concept.definition


def test_definition_keeps_every_sentence(document):
    bpo = document.concept("BPO")
    assert bpo.sentences[2] == (
        "BPO can be either offshore, where services are provided from another country, "
        "or nearshore, where services are delivered from a nearby country."
    )
    assert bpo.sentences[-1].endswith("strong vendor management.")


@pytest.mark.parametrize(("concept", "title", "line", "first", "last"), CHARACTERISTICS)
def test_characteristic(document, concept, title, line, first, last):
    found = {c.title: c for c in document.concept(concept).characteristics}
    item = found[title]
    assert item.line == line
    assert item.text.startswith(first)
    assert item.text.endswith(last)
    assert ":" not in item.title and not item.text.startswith("-")


def test_characteristics_keep_document_order(document):
    titles = [(c.abbreviation, t.title) for c in document.concepts for t in c.characteristics]
    assert titles == [(concept, title) for concept, title, *_ in CHARACTERISTICS]


@pytest.mark.parametrize(("aspect", "bpo", "kpo"), TABLE)
def test_table_cell(document, aspect, bpo, kpo):
    row = {a.name: a for a in document.aspects}[aspect]
    assert row.values == {"BPO": bpo, "KPO": kpo}


def test_table_order_and_examples_row_items(document):
    assert [a.name for a in document.aspects] == [name for name, *_ in TABLE]
    examples = {a.name: a for a in document.aspects}["Examples"]
    assert examples.items == {"BPO": ("Customer Service", "Payroll"), "KPO": ("Market Research", "R&D")}
    assert all(not a.items for a in document.aspects if a.name != "Examples")


@pytest.mark.parametrize(("title", "first", "last"), SIMILARITIES)
def test_similarity(document, title, first, last):
    item = {s.title: s for s in document.similarities}[title]
    assert item.text.startswith(first) and item.text.endswith(last)


@pytest.mark.parametrize(
    ("concept", "expected"),
    [
        ("BPO", [("customer service", "definition"), ("payroll", "definition"), ("IT support", "definition")]),
        (
            "KPO",
            [
                ("research and development", "definition"),
                ("market analysis", "definition"),
                ("legal services", "definition"),
                ("financial consulting", "definition"),
                ("Market Research", "table"),
                ("R&D", "table"),
            ],
        ),
    ],
)
def test_examples_from_definition_and_table(document, concept, expected):
    assert [(e.text, e.source) for e in document.concept(concept).examples] == expected


def test_headings_are_read_from_the_document(document):
    assert document.differences_heading == "Key differences between BPO and KPO"
    assert document.similarities_heading == "Key Similarities between BPO and KPO"
    assert document.source == "bpo_kpo.txt" and len(document.sha256) == 64


def test_round_trip_through_dict(document):
    assert type(document).from_dict(document.to_dict()) == document


def test_second_document_of_the_same_shape(other_document):
    doc = other_document
    assert [(c.abbreviation, c.name) for c in doc.concepts] == [
        ("SaaS", "Software as a Service"),
        ("IaaS", "Infrastructure as a Service"),
    ]
    assert [t.title for t in doc.concept("SaaS").characteristics] == ["Ready to Use", "Per-Seat Billing"]
    assert [t.title for t in doc.concept("IaaS").characteristics] == ["Full Control", "Pay as You Go"]
    assert doc.concept("IaaS").characteristics[1].text == "Resources are billed by the hour or second of use."
    assert {a.name: a.values for a in doc.aspects}["Control"] == {"SaaS": "Low", "IaaS": "High"}
    assert [e.text for e in doc.concept("IaaS").examples] == [
        "virtual machines", "storage", "networks", "Object Storage",
    ]
    assert [s.title for s in doc.similarities] == ["Subscription Pricing", "Vendor Hosting"]


def test_sentence_splitter_keeps_abbreviations_in_parentheses():
    assert split_sentences("A (B) is one. It has two parts! Does it? Yes.") == [
        "A (B) is one.", "It has two parts!", "Does it?", "Yes.",
    ]


def test_windows_line_endings_and_bom_parse_the_same(document):
    data = DOCUMENT.read_bytes()
    other = parse_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), source="bpo_kpo.txt")
    assert other.concepts == document.concepts and other.aspects == document.aspects


GOOD = DOCUMENT.read_text(encoding="utf-8")
LINES = GOOD.split("\n")


def _edit(line_number: int, new: str | None) -> str:
    """The real document with one line replaced (or removed, for None)."""
    lines = list(LINES)
    if new is None:
        del lines[line_number - 1]
    else:
        lines[line_number - 1] = new
    return "\n".join(lines)


MALFORMED = [
    ("empty", b"", 1, "the document is empty"),
    ("blank lines only", b"\n  \n\n", 1, "the document is empty"),
    ("not utf-8", "Title (T)\nDefinition \xe9t\xe9.\n".encode("latin-1"), 2, "not UTF-8 text"),
    ("no concept heading", b"Just some prose about outsourcing.\nMore prose.\n", 1,
     "expected a concept heading such as 'Full Name (ABBR)'"),
    ("title without text", _edit(6, None).encode(), 5, "characteristic 'Cost Efficiency' has a title but no text"),
    ("table row with too few cells", _edit(56, "Complexity | Low to Medium |").encode(), 56,
     "table row has 2 cells, expected 3 (Aspect | BPO | KPO)"),
    ("table row with too many cells", _edit(56, "Complexity | Low | Medium | High |").encode(), 56,
     "table row has 4 cells, expected 3"),
    ("unknown concept column", _edit(53, "Aspect | BPO | XPO |").encode(), 53,
     "table column 'XPO' names no concept defined above (known: BPO, KPO)"),
    ("missing characteristics heading", _edit(3, None).encode(), 3, "expected 'Characteristics of BPO:'"),
    ("wrong characteristics heading", _edit(3, "Characteristics of KPO:").encode(), 3,
     "expected 'Characteristics of BPO:', found 'Characteristics of KPO:'"),
    ("no similarities heading", _edit(69, "Some other heading").encode(), 69,
     "expected a 'Key similarities between ...' heading after the table"),
    ("dash without a title", _edit(5, "no colon here").encode(), 5, "expected a title ending with ':' after '-'"),
    ("duplicate table row", _edit(57, "Complexity | A | B |").encode(), 57, "table row 'Complexity' appears twice"),
]


@pytest.mark.parametrize(("case", "data", "line", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_document_names_the_line(tmp_path, case, data, line, message):
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    with pytest.raises(ParseError) as raised:
        parse_file(path)
    assert raised.value.line == line, str(raised.value)
    assert message in raised.value.message
    assert str(raised.value).startswith(f"broken.txt:{line}: ")
    assert "\n" not in str(raised.value)


def test_missing_file_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="cannot read the document"):
        parse_file(tmp_path / "absent.txt")


def test_a_such_as_list_ends_where_the_sentence_goes_on():
    from bot.facts.prose import such_as_items

    assert list(such_as_items("Teams use tools such as email, accounting, or ticketing without installing anything.")) == [
        "email", "accounting", "ticketing"]
    assert list(such_as_items("activities such as customer service, payroll, or IT support.")) == [
        "customer service", "payroll", "IT support"]
