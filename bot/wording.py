"""Every sentence frame the assistant uses around facts from the store.

Facts are filled in from the fact store; only the frames live here, so wording
can be reviewed and changed in one place. Where an answer comes from travels as
a :class:`~bot.facts.model.Place`; :func:`cite` and :func:`source_line` are the
one place that turns it into words.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.contract import Intent
from bot.facts.model import Part, Place

WORDING = {
    "define": "{abbreviation} stands for {name}. {definition}",
    "characteristics_intro": "The document lists {count} characteristics of {abbreviation}:",
    "characteristic": "{title} ({concept}): {text}",
    "characteristic_other": "The document does not list {title} as a characteristic of {asked}; it is one of {concept}'s: {text}",
    "characteristic_unsaid": "The document does not say anything about {title} for {asked}; it is one of {concept}'s "
                             "characteristics: {text}",
    "similarity": "{title} (shared by {both}): {text}",
    "similarity_caveat": 'Of {concept}, its {title} adds: "{text}"',
    "yes_first": "Yes: {text}",
    "no_first": "No: {text}",
    "compare_intro": "In short: {summaries}. Row by row:",
    "brief_definitions": "In a sentence each:",
    "brief_definition": "{abbreviation}: \"{sentence}\"",
    "told_apart": "What each is, in the document's words:",
    "told_apart_item": "{abbreviation}: \"{sentences}\"",
    "compare_summary": "{abbreviation} is about {values}",
    "aspect_one": "{abbreviation}'s {aspect_lower} {is_} {value}, against {others}.",
    "aspect_other_value": "{value} for {abbreviation}",
    "aspect_both": "{aspect}: {pairs}.",
    "aspect_not_compared": "The document does not say which {compared}; its comparison table says:",
    "aspect_pair": "{abbreviation}: {value}",
    "aspect_which": "{concept}: its {aspect_lower} {is_} {value}, against {others}.",
    "similarities_intro": "The document names {count} similarities between {both}:",
    "similarities_besides": "Besides {left}, the document names these similarities between {both}:",
    "examples_intro": "Examples of {abbreviation} the document names: {examples}.",
    "examples_definition": "\"{quote}\" (its definition)",
    "examples_table": "\"{cell}\" (the comparison table, against {others})",
    "examples_table_alone": "\"{cell}\" (the comparison table)",
    "examples_table_other": "\"{cell}\" for {abbreviation}",
    "example_yes": "Yes: {task} is one of the document's examples of {abbreviation}: {quoted}.",
    "example_no": "No: the document gives {task} as an example of {concept}, not {asked}. {examples_of}: {quoted}.",
    "examples_of": "Its examples of {concept}",
    "example_unnamed": "The document does not name {task} as an example of {asked} or of any other concept.",
    "recommend_named": "{concept}: the document names {task} as an example of {concept}: {quoted}.",
    "example_listed": "The document's examples of {concept}: {quoted}.",
    "recommend": "{concept} fits {task} better. {reasons}",
    "recommend_reason_lead": "It matches ",
    "recommend_described": "{concept} fits {task} better, going by how you describe it: I read {words} as marks of {concept} work (my reading of descriptions; the document does not name the task).{rows} A few questions on its comparison table can check it.",
    "described_rows": " The comparison table says: {rows}.",
    "recommend_by_passages": "{concept} fits {task} better, going by what the document says of {concept}: \"{first}\" and "
                             "\"{second}\" (it does not name the task; a few questions on its comparison table can check "
                             "it).",
    "recommend_unsettled": "The document does not settle whether {task} is {choices}. {detail}",
    "recommend_unsettled_none": "Nothing in it speaks for either side.",
    "recommend_unsettled_both": "Some of it points each way: {detail}.",
    "recommend_unsettled_one": "What it says points only weakly one way: {detail}.",
    "recommend_unsettled_hint": "I can ask you a few questions about the process to work it out, or you can ask about "
                                "one aspect such as {rows}.",
    "recommend_no_task": "Which process do you want to outsource? Describe it in a few words, for example \"invoice processing\" or \"competitor analysis\".",
    "evidence_example": "the {concept} example \"{phrase}\"",
    "evidence_table": "the comparison table's {concept} cell \"{phrase}\" ({where})",
    "evidence_table_row": "{row}, against {others}",
    "evidence_such_as": "\"{phrase}\" in {where}",
    "evidence_title": "the {concept} characteristic \"{phrase}\"",
    "evidence_text": "the words {words} in {where}",
    "evidence_quoted": "The document says: \"{text}\"",
    "evidence_quoted_two": "The document says: \"{first}\" and \"{second}\"",
    "alias": "(\"{alias}\" read as \"{target}\")",
    "spelled_as": "(Reading \"{written}\" as \"{spelled}\".)",
    "passages_intro": "Here is what the document says that comes closest:",
    "passages_partial": "The document does not cover that question directly. Here is what it says that comes closest:",
    "passages_near": "Here is what it says that comes closest:",
    "passages_more": "The document also says:",
    "section_closest": "The document does not cover that question directly. The closest it comes is in {where}:",
    "section_near": "The closest it comes is in {where}:",
    "section_more": "The document also says, in {where}:",
    "better_overall": "The document does not say which of {concepts} is better overall: each fits different work.",
    "when_to_choose": "The document gives no rule for when to choose {concepts}: each fits different work, as its "
                      "comparison shows.",
    "shared_not_weighed": "The document does not say which of {concepts} does that better: it names it as one of "
                          "the things they share.",
    "not_weighed_on": "The document does not say which of {concepts} is {comparative}: it does not compare them on that.",
    "named_for_one": "The document does not say which of {concepts} does that better: it names {title} as a "
                     "characteristic of {concept} only.",
    "choice_not_compared": "The document does not compare {choices}. Here is what it says of them:",
    "areas_named": "The fields the document names for {concept}:",
    "examples_under": "The examples the document gives under {title} ({concept}):",
    "said_of": "What it does say of {concept} in those words:",
    "said_of_other": "What you describe is what the document says of {other}, not of {concept}:",
    "said_of_own": "What the document says of {concept} in those words:",
    "main_one": "Of {concept}'s characteristics, the document calls only {title} main or primary:",
    "no_main_one": "The document does not say which of {concept}'s characteristics matters most: it lists them side "
                   "by side ({titles}).",
    "not_mentioned": "The document does not say anything about {names}.",
    "instances_not_named": "The document does not say anything about which {names}: it names none. All it says of them:",
    "instances_not_named_only": "The document does not say anything about which {names}: it names none.",
    "no_named_providers": "The document does not say anything about particular {concepts} providers: it names and "
                          "recommends none.",
    "company_not_placed": "The document does not say anything about particular companies or products, so it cannot "
                          "say whether {company} is {concepts}. Tell me the work or the need you have in mind, and "
                          "I can say which of the two fits it.",
    "compared_with_other": "The document compares {concept} only with {others}; it does not compare it with {other}.",
    "no_named_places": "The document does not say anything about particular countries, cities or locations for "
                       "{concepts}: it names none.",
    "out_of_scope": "Sorry, that's outside what I can help with. The document does not cover it; I only answer questions about {concepts} from our reference document: definitions, differences, similarities, examples, and which one fits a process. Try \"what is {last}?\" or \"{example}: {choices}?\"",
    "passage_item": "\"{text}\"",
    "passage_item_of": "Of {concept}: \"{text}\"",
    "topic_intro": "On {topic}, here is what the document says about {concepts}:",
    "topic_item": "{concept}: \"{text}\"",
    "topic_characteristics": "On {topic}, these are the characteristics the document gives {concept}, {each}:",
    "topic_characteristic": "{title}: \"{text}\"",
    "topic_characteristics_defined": "On {topic}, these are the characteristics the document gives {concept}, {each}, "
                                     "then what its definition says:",
    "each_first_sentence": "each with its first sentence",
    "each_in_full": "each in full",
    "topic_defining": "From its definition: \"{text}\"",
    "topic_both": "Both {concepts}",
    "topic_table": "The comparison table",
    "topic_not_compared": "The document does not compare {concepts} on {topic}.",
    "topic_one_sided": "The document does not compare {concepts} on {topic}: it speaks of it for {having} only.",
    "market_figures": "market figures (how many companies use them, market size or growth)",
    "no_steps": "The document does not say anything about steps or procedures: it says what each practice is, "
                "not how to set one up.",
    "no_predictions": "The document does not say anything about what will become of them: it makes no predictions.",
    "own_provider": "The document does not say anything about starting or running a provider of your own: it speaks "
                    "of companies that use one.",
    "term_for": "The document calls that {abbreviation}.",
    "kinds_read": "I read {read}.",
    "no_ranking": "The document does not say anything about how they rank: it gives them in no order of importance.",
    "no_figures": "The document does not say anything about figures: it gives no numbers, durations, prices or amounts.",
    "topic_no_figures": "The document does not say anything about figures: it gives no prices, rates or amounts.",
    "topic_not_covered": "The document does not cover {topic} for {concepts}.",
    "term_used": "The document does not define \"{term}\" on its own; it uses it here:",
    "topic_weighed": "The document does not cover {topic} for {concepts} as such. Its comparison table weighs {all} "
                     "against each other on these points:",
    "topic_instead": "The document does not cover {topic} for {concepts} as such.",
    "topic_weighed_too": "The document does not cover {topic} for {concepts} as such; the rows its comparison table "
                         "weighs {all} on are quoted last.",
    "not_in_document": "The document does not say anything about {topic}. I can tell you what it says about {concepts}: definitions, differences, similarities, examples, and which one fits a process.",
    "not_in_document_aspect": "The document's comparison table has no row about that. Its rows are: {aspects}.",
    "which_concept": "Which one do you mean?",
    "nothing_to_cancel": "There's nothing in progress to cancel. Ask me anything about {concepts}.",
    "clarify": "I'm not sure I understood. Did you mean one of these?",
    "clarify_other": "Something else",
    "source": "Source: {where}.",
    "classify_intro": "Let's work it out together. I'll ask up to {count} short questions, each from a row of the document's comparison table; answer with a button or in your own words, say \"not sure\" if you don't know, or \"cancel\" to stop.",
    "classify_intro_task": " We're classifying: {task}.",
    "classify_preset": "From your description ({task}) I've taken {row} to be {value}, which is the {concept} side.",
    "classify_preset_fix": "Correct {row}",
    "question_generic": "{row}: which fits your process better, {choices}?",
    "question_counter": "Question {number}: ",
    "not_sure": "Not sure",
    "answer_hint": "I couldn't tell which side that answer is on. For {row}, the document's table says {choices}. Pick one, or say \"not sure\".",
    "classify_read_as": "Noted for {row}: \"{value}\" (the {concept} side).",
    "classify_read_unsure": "Noted for {row}: not sure.",
    "classify_corrected": "Changed: {row} is now \"{value}\" (the {concept} side).",
    "classify_corrected_unsure": "Changed: {row} is now \"not sure\".",
    "classify_corrected_again": "I'll ask {row} again.",
    "classify_corrected_which": "To change {row}, tell me which it is: {choices}.",
    "classify_corrected_which_row": "Which answer should be \"{value}\": {rows}?",
    "classify_unchanged": "{row} is \"{value}\" (the {concept} side) already, so the result stands.",
    "classify_explain": "This question is about {row}. The document's comparison table gives {choices}. Which is your process closer to? Pick one, or say \"not sure\".",
    "answer_counted_unsure": "I still couldn't tell, so I'll count {row} as \"not sure\" and move on.",
    "stale_button": "That button was for an earlier question. Here's the current one again.",
    "classify_for_task": "For {task}: ",
    "classify_result": "Recommendation: {concept}. Confidence: {confidence} ({agree} of {answered} answers point to {concept}{unsure}).",
    "classify_unsure_note": "; {count} \"not sure\"",
    "classify_mixed": "Your answers don't settle it: {split}. A mixed profile: the parts below fit different models.",
    "classify_all_unsure": "Every answer was \"not sure\", so the document's table can't decide it. Try again when you know more about the process, or ask me about either model.",
    "classify_reason": "{row}: {value} is the {concept} side{preset}",
    "classify_reason_unsure": "{row}: not sure",
    "classify_preset_mark": " (from your description)",
    "classify_taken": "From that answer I've also taken {rows}, so I won't ask again.",
    "classify_taken_row": "{row} to be {value} (the {concept} side)",
    "classify_taken_mark": " (from your answer on {row})",
    "classify_watch": "What to watch with {concept}: its management is {management} and its risk type is {risk} (comparison table).",
    "classify_watch_characteristic": "See also \"{title}\": {text}",
    "classify_again": "Start again",
    "classify_ask_more": "What is {concept}?",
    "classify_cancelled": "Okay, I've stopped the questions; no recommendation was made. Ask me anything about BPO or KPO.",
    "classify_offer": "Answer a few questions",
    "follow_up_nothing": "Follow up on what? Ask me about {concepts} first, for example \"what is {first}?\".",
}

#: The clarification's button for each intent it may offer (bot.answering.routes.on_clarify).
CLARIFY_LABELS = {
    Intent.DEFINE: "Explain a concept",
    Intent.COMPARE: "Compare them",
    Intent.SIMILARITIES: "What they have in common",
    Intent.EXAMPLE: "Examples",
    Intent.RECOMMEND: "Which fits my process",
    Intent.FOLLOW_UP: "More on the last answer",
    Intent.GREET: "Just saying hello",
    Intent.HELP: "What can you do?",
    Intent.OUT_OF_SCOPE: "Something else",
}

#: Words that only frame a definition question ("what does nearshore mean").
QUESTION_WORDS = frozenset(
    "mean meaning define definition explain explanation tell term word stand refer describe description "
    "know understand question".split()
)
#: Question words as people type them in a hurry ("waht is kpo", "hw much"): they open a question and frame it.
TYPED_QUESTION_WORDS = frozenset("whats wat waht wht hw hwo hws hows whos wheres whens".split())


def listed(words: list[str], conjunction: str = "and") -> str:
    """Words as a sentence lists them: "cost", "cost and risks", "cost, risks and working hours"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


#: How an answer cites each part of the document. Keys: heading, concept, name, rows
#: (the row names, comma-separated), both (the names joined by "and"), line.
#: A frame without ``{line}`` gets ``LINE`` appended when the place has a line.
CITATIONS = {
    Part.DEFINITION: "{heading}, definition",
    Part.EXAMPLES: "{heading}, examples",
    Part.CHARACTERISTICS: "Characteristics of {concept} (from line {line})",
    Part.CHARACTERISTIC: "Characteristics of {concept}: {name}",
    Part.TABLE: "{heading} (table)",
    Part.ROW: "{heading}, row {name}",
    Part.ROWS: "{heading}, rows {rows}",
    Part.SIMILARITY: "{heading}: {name}",
    Part.SECTION: "{heading}",
    Part.ALL_EXAMPLES: "the examples of {both} and {heading}, row Examples",
}
#: The shorter form a recommendation's evidence is cited in (no line numbers).
EVIDENCE_CITATIONS = {
    Part.DEFINITION: "the definition of {concept}",
    Part.EXAMPLES: "examples of {concept}",
    Part.CHARACTERISTIC: "Characteristics of {concept}: {name}",
    Part.ROW: "comparison table, {name}",
}
LINE = " (line {line})"


def say(key: str, **values: object) -> str:
    """The frame ``key`` filled with ``values``."""
    return WORDING[key].format(**values)


def cite(place: Place, evidence: bool = False) -> str:
    """A place of the document in words ("Key differences ..., row Complexity (line 53)").

    Args:
        place: Where something comes from.
        evidence: Cite it as a recommendation's evidence ("comparison table, Complexity").
    """
    frames = EVIDENCE_CITATIONS if evidence else CITATIONS
    frame = frames[place.part]
    values = {"heading": place.heading, "concept": place.concept, "name": place.name,
              "rows": ", ".join(place.names), "both": " and ".join(place.names), "line": place.line}
    text = frame.format(**values)
    if not evidence and place.line is not None and "{line}" not in frame:
        text += LINE.format(line=place.line)
    return text


def source_line(places: Iterable[Place], evidence: bool = False) -> str:
    """The "Source: ..." line for the places an answer comes from ("" for none); repeats are cited once."""
    cited = list(dict.fromkeys(cite(place, evidence) for place in places))
    return say("source", where="; ".join(cited)) if cited else ""
