"""Follow-ups on the answer before.

Whether the next words ask it again of another concept, the reasons behind it, which one again, the
other choice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers, retrieve
from bot.answering.answer import Answer
from bot.answering.live import Facts
from bot.answering.passages import CLOSEST, answer_on_topic, characteristic_answer, named_after_row, passages_for
from bot.answering.questions import (
    AGAIN_WORDS,
    KIND_WORDS,
    OTHER_WORDS,
    RECOMMEND_FRAME,
    WHICH_ARE_WE,
    WHY_TOPICS,
    asks_which_of_them,
    holds_only,
    offers_a_kind,
    says_nothing_new,
    topics_asked,
)
from bot.answering.tasks import task_from_text
from bot.answering.turn import Turn, other_concept
from bot.contract import Outcome, Topic
from bot.facts.model import Part, Place
from bot.facts.prose import split_sentences
from bot.text import content_lemmas, lemma, stop_words, tokens
from bot.wording import listed, say

#: A choice between two words that stands alone: at the start of a message or a clause, and ending one.
OTHER_CHOICE = re.compile(r"(?:^\s*(?:(?:is|are|should|would)\s+(?:(?:we|i)\s+(?:use|pick|choose|go\s+with)\s+)?)?|[,:;]\s*)"
                          r"([A-Za-z][\w-]*)\s+or\s+([A-Za-z][\w-]*)"
                          r"(?=\s*(?:[,?:;.!]|$)|\s+(?:(?:the|a)\s+)?(?:better|best|cheaper|preferable)\b)", re.IGNORECASE)
#: Two words set side by side at the start of a message or a clause ("offshore vs nearshore whats the diff").
VERSUS = re.compile(r"(?:^\s*|[,:;]\s*)([A-Za-z][\w-]*)\s+(?:vs\.?|versus)\s+([A-Za-z][\w-]*)\b", re.IGNORECASE)
#: A follow-up asking how two things just named differ ("what's the difference between those two" after "I read that bpo
#: can be offshore or nearshore").
THOSE_TWO = re.compile(r"\b(?:differ\w*|compare\w*|between|vs\.?|versus)\b.*\b(?:those|these|the)\s+two\b|"
                       r"\b(?:those|these|the)\s+two\b.*\b(?:differ\w*|compare\w*)\b", re.IGNORECASE)
#: Two single words joined by "and", which a follow-up may ask the difference of when the document names both in one
#: sentence ("offshore and nearshore").
BOTH_TOLD = re.compile(r"\b([A-Za-z][\w-]*)\s+and\s+([A-Za-z][\w-]*)\b", re.IGNORECASE)
#: A follow-up asking only how the two things just named differ: "what's the difference?", "how do they differ?" after
#: "BPO can be offshore or nearshore.".
HOW_THEY_DIFFER = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but|then)\W+)*(?:what(?:['\u2019]?s|\s+is)\s+the\s+"
                             r"(?:(?:actual|real|main)\s+)?(?:diff|difference)"
                             r"(?:\s+between\s+(?:them|those|these|the\s+two))?|how\s+(?:do|does)\s+(?:they|those|these)\s+"
                             r"differ)(?:\s+(?:then|exactly|though|tho))?\W*$", re.IGNORECASE)
#: Two single words offered as alternatives, the pair ending a clause ("bpo can be offshore or nearshore"; not "legal
#: work or market research ...", whose sides are phrases).
EITHER = re.compile(r"(?:^|[,;:]|\b(?:be|is|are|either|like|as|between))\s*([A-Za-z][\w-]*)\s+or\s+([A-Za-z][\w-]*)"
                    r"(?=\s*(?:[,?.!;:]|$))", re.IGNORECASE)
#: Words of a question that asks for a choice.
ASKS_A_CHOICE = re.compile(r"\b(?:which|better|best|prefer|choose|pick)\b", re.IGNORECASE)


#: The opening of a follow-up that asks the last question again of another concept ("and for KPO?", "what about
#: IaaS?"); "ok" or "so" may come first.
AGAIN_OPENING = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|then|and)\W+)*(?:and|n|what about|how about|what of|same|ditto)\b",
                           re.IGNORECASE)
#: Openings that ask the last question again when a concept's name is all else a message holds: "now do bpo", "do bpo
#: next", "repeat that for kpo", "switch to iaas".
AGAIN_NOW = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|then|and)\W+)*(?:now|do|repeat|switch)\b", re.IGNORECASE)
#: Phrases that do the same: "does kpo do that as well?", "can IaaS do the same?".
AGAIN_PHRASES = re.compile(r"\bas\s+well\b|\bdo(?:es)?\s+(?:that|this|it|the\s+same)\b", re.IGNORECASE)
#: A follow-up that sets the last question's concept against another ("ok and how does that compare to IaaS",
#: "and compared with KPO?", "vs SaaS?"): the last question, of both.
COMPARED_TO = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|then|and|right)\W+)*(?:how\s+(?:does|do|would|will|did)\s+"
                         r"(?:that|it|this|those|these)\s+(?:compare\s+(?:to|with|against)|stack\s+up\s+(?:to|with|against)"
                         r"|measure\s+up\s+(?:to|with|against)|hold\s+up\s+against|fare\s+(?:against|next\s+to))"
                         r"|compared?\s+(?:to|with)|"
                         # "how's that diff from normal bpo?", "how is it different to IaaS"
                         r"how(?:['\u2019]s|\s+is|\s+are)\s+(?:that|it|this|those|these)\s+(?:any\s+)?"
                         r"(?:diff|different|differ[ea]nt)\s+(?:from|to|than|vs\.?)|"
                         r"(?:vs\.?|versus|against))\s+(?:the\s+)?(?:(?:normal|regular|plain|standard|traditional|ordinary|"
                         r"classic|usual)\s+)?(?:[\w-]+)(?:\s+(?:then|though|there|on\s+that(?:\s+(?:point|front|one))?|"
                         r"in\s+that\s+(?:respect|regard)))?\W*$",
                         re.IGNORECASE)
#: Whether the concept named does better on what the last question asked: "Is KPO better or worse for that?" after "Does
#: BPO support 24/7 operations across time zones?", with the concept in context as what it is set against.
BETTER_FOR_THAT = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:is|are|would|does|will)\s+[\w-]+\s+(?:any\s+)?"
                             r"(?:better|worse)(?:\s+or\s+(?:better|worse))?\s+(?:for|at|with|on)\s+(?:that|this|it)\W*$",
                             re.IGNORECASE)
#: A follow-up that weighs the last question's concept against another: "better than KPO?", "riskier than BPO?", "is it
#: more flexible than IaaS?", "does that make it better than SaaS overall?".
THAN_OTHER = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:(?:is|are|would|does)\s+(?:it|that|this|they)\s+)?"
                        r"(?:any\s+|much\s+|even\s+)?(?:better|worse|(?!other|rather|either|whether|never|over)[a-z]+er|"
                        r"(?:more|less)(?:\s+[a-z-]+)?)\s+than\s+(?:the\s+)?[\w-]+"
                        r"(?:\s+(?:overall|in\s+general|on\s+the\s+whole|all\s+round))?\W*$|"
                        # (what a claim makes of the concept, asked of the whole: not "does that make it better than saas?")
                        r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:does|do|would|will)\s+(?:that|this|it|all\s+that)\s+"
                        r"make\s+(?:it|them|that|this)\s+(?:any\s+)?(?:better|worse)\s+than\s+(?:the\s+)?[\w-]+\s+"
                        r"(?:overall|in\s+general|on\s+the\s+whole|all\s+round)\W*$", re.IGNORECASE)
#: A follow-up asking what another concept would be called ("and what would KPO be called then?").
CALLED_OF = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*what\s+(?:would|will|should|is|'s)\s+(?:the\s+)?[\w-]+\s+"
                       r"(?:be\s+)?called(?:\s+then)?\W*$", re.IGNORECASE)
#: Words of a follow-up that asks why the last answer holds ("why is that?", "how come?", "how exactly?").
REASON_WORDS = re.compile(r"\b(?:why|how come|how so|how exactly|in what ways?|reason|reasons)\b|^\W*how\W*$", re.IGNORECASE)
#: The words a why-question uses to ask why the point before matters, not of anything new: "why is that so necessary?",
#: "why does that matter so much for this type of outsourcing?" (with the concepts' field word, "outsourcing").
MATTERING = frozenset("important importance necessary crucial essential vital critical matter significant key "
                      "much so big deal".split())
#: A follow-up asking to hear more of what the last answer was on, in everyday words: "how so? what does that mean in
#: practice?", "expertise in what areas, for instance?", "say more", "does the doc back that up?".
ELABORATE = re.compile(r"\b(?:for\s+(?:instance|example)|like\s+what|such\s+as|in\s+practice|in\s+what\s+(?:ways?|sense|"
                       r"areas?|situations?|cases?)|what\s+(?:does|would|do)\s+(?:that|this|it)\s+(?:\w+\s+)?(?:mean|look\s+like)|"
                       r"meaning\s+what|(?:say|tell\s+(?:me|us))\s+more|elaborate|expand\s+on|concretely|"
                       r"back\s+(?:that|this|it)\s+up)\b", re.IGNORECASE)
#: The words such a follow-up uses besides the last question's own ("meaning what for us in practice?").
ELABORATING = frozenset("mean meaning practice practical look example instance concretely concrete more elaborate expand "
                        "detail area situation case sense possible back doc real life world specific specifically "
                        "lead help same each us we our".split())
#: A why-question's echo of the value the last answer gave ("why is it so high for KPO?", "why is the knowledge kind
#: that high?", "how come SaaS is so low?"): the value points back, it asks nothing new.
SO_VALUE = re.compile(r"^(\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:why|how\s+come)\b.*?)\b(?:so|that|this)\s+"
                      r"(?:much\s+)?(?:high|low|higher|lower|limited|frequent|minimal|substantial|moderate|"
                      r"big|small|complex|simple|specialized|specialised|general)\b", re.IGNORECASE)
#: A follow-up asking what the last answer holds in detail: "what kind exactly", "like what?", "in what way?" (not
#: "which one?", which asks which concept).
WHICH_IN_DETAIL = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but)\W+)*(?:(?:what|which)\s+(?:kinds?|sorts?|types?)"
                             r"(?:\s+(?:exactly|precisely|of\s+(?:things?|stuff)))?|like\s+what(?:\s+(?:exactly|precisely))?|"
                             r"such\s+as(?:\s+what)?|in\s+what\s+ways?)\W*$", re.IGNORECASE)
#: A follow-up asking what the last answer's kind is called ("what's that kind of outsourcing called", "what do you
#: call that?"), which the last answer names again, as "why?" gets it.
CALLED_BACK = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but|then)\W+)*(?:what(?:['\u2019]?s|\s+is|\s+are)\s+"
                         r"(?:that|this|it|those|these)(?:\s+(?:kind|type|sort)\s+of\s+[\w-]+)?\s+called|"
                         r"what\s+(?:do|would|should)\s+(?:you|we|they|i)\s+call\s+(?:that|this|it))\W*$", re.IGNORECASE)
#: A follow-up asking how what was said works: "how does that even work", "how would that work in practice?".
HOW_IT_WORKS = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*how\s+(?:does|do|would|will|can|could)\s+(?:that|this)\s+"
                          r"(?:even\s+|actually\s+|really\s+)?work(?:\s+(?:then|exactly|though|tho|in\s+practice))?\W*$",
                          re.IGNORECASE)
#: A follow-up asking how the last answer comes about, which its reasons tell: "how do they manage that?" after
#: "can a BPO provider give us 24/7 support?", "how does it do that?", "and how can they pull that off?".
HOW_THAT = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*how\s+(?:do|does|can|could|would|will|did)\s+"
                      r"(?:they|it|you|the\s+(?:providers?|vendors?|firms?))\s+(?:actually\s+|really\s+)?"
                      r"(?:manage|do|achieve|handle|pull\s+off|deliver|ensure|guarantee|make|pull)\s+(?:that|this|it)"
                      r"(?:\s+(?:work|happen|off))?(?:\s+(?:then|exactly|though|tho))?\W*$|"
                      # "how does that help our customers tho", "and how would that benefit us?"
                      r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*how\s+(?:does|do|would|will|can|could)\s+(?:that|this|it)\s+"
                      r"(?:actually\s+|really\s+)?(?:help|helps|benefit|benefits)(?:\s+(?:us|me|our|the|them)\b[\w\s]{0,30})?"
                      r"(?:\s+(?:then|exactly|though|tho))?\W*$|"
                      rf"{HOW_IT_WORKS.pattern}|"
                      # "what makes it so?", "and what makes that the case?"
                      r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*what\s+makes\s+(?:it|that|this)\s+(?:so|true|the\s+case)\W*$",
                      re.IGNORECASE)

#: A follow-up asking what the last answer leads to or why it matters, which the rest of what it quoted tells: "and
#: what does that typically lead to?", "what does all that get us as the client", "why does it matter so much",
#: "why do the finance ppl like that model so much", "why's that handy?", "does that actually benefit us as the client".
CONSEQUENCE = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:"
                         r"what\s+(?:does|do|would|will|can|could)\s+(?:all\s+)?(?:that|this|it|those|these)\s+"
                         r"(?:(?:typically|actually|usually|really|normally|ultimately|then)\s+)?"
                         r"(?:lead\s+to|result\s+in|get\s+(?:us|me|them)|give\s+(?:us|me|them)|bring\s+(?:us|me|them)|"
                         r"do\s+for\s+(?:us|me|them)|achieve|produce|deliver|generate|yield)|"
                         r"why\s+(?:does|do|would)\s+(?:that|this|it)\s+matter|"
                         # "ok but is that true for every function or just some of them?"
                         r"(?:is|does)\s+(?:that|this|it)\s+(?:(?:really|actually)\s+)?(?:true|apply|hold|work)\s+for\s+"
                         r"(?:every|all|any|each)(?:\s+(?:functions?|process(?:es)?|compan(?:y|ies)|business(?:es)?|kinds?|types?|cases?|"
                         r"ones?))?\b|"
                         r"why(?:['\u2019]s|\s+is|\s+was|\s+would\s+(?:that|this|it)\s+be)\s+(?:(?:that|this|it)\s+)?(?:so\s+|such\s+a\s+)?"
                         r"(?:important|crucial|key|a\s+big\s+deal|big\s+deal|handy|useful|helpful|good|nice|better|great|"
                         r"valuable|an?\s+(?:advantage|plus|benefit|good\s+thing))\b|"
                         # "and does that actually benefit us as the client", "will that really help us?"
                         r"(?:does|do|will|would|can|could)\s+(?:that|this|it|all\s+that)\s+(?:(?:actually|really)\s+)?"
                         r"(?:benefit|help)\s+(?:us|me|the\s+client|our\b)|"
                         r"why\s+(?:do|does|would)\s+(?:\w+\s+){1,3}(?:like|love|prefer|want)\s+(?:that|this|it)"
                         r"(?:\s+(?:model|one|approach|option|way))?\b)"
                         # (then nothing more asked: not "will that help us reduce our costs?")
                         r"(?:\s+(?:so\s+much|for\s+(?:us|me|them|the\s+(?:client|business|company))|as\s+(?:the|a)\s+client|"
                         # ("why does that matter for the finance people")
                         r"for\s+(?:the\s+|our\s+)?(?:[a-z]+\s+)?(?:people|ppl|folks|team|teams|department|dept|guys)|"
                         r"then|though|tho|exactly|in\s+practice|really|actually|typically|long\s+term|in\s+the\s+end|"
                         r"at\s+the\s+end\s+of\s+the\s+day|of\s+them|or\s+just\s+some(?:\s+of\s+them)?|"
                         r"or\s+only\s+some(?:\s+of\s+them)?|"
                         # "... or mainly certain kinds?"
                         r"or\s+(?:just|only|mainly|mostly)\s+(?:some|certain|particular|specific)"
                         r"(?:\s+(?:of\s+them|kinds?|types?|ones?|functions?|areas?))?))*\W*$", re.IGNORECASE)


def follow_up_of(facts: Facts, text: str, named: bool) -> str | None:
    """What a message asks of the last question, if that is all it asks: "why", "again", "compare", "than" or None.

    "why is that?" and "how come?" ask why; "and IaaS?", "is that true for SaaS too?" and "what about the other one?"
    ask it again of a concept (``named``: the message names one); "how does that compare to IaaS?" asks it of the concept
    in context and the one named, "better than KPO?" with that comparison after it ("than"); "what kind exactly?" and
    "like what?" ask what the last answer holds, as "why" does. "why KPO and not BPO?" asks something else, as do
    "alright" and "that's right".
    """
    if HOW_THAT.search(text) or WHICH_IN_DETAIL.match(text) or CALLED_BACK.match(text):
        # (not "how does that help us focus on our own business", which asks a topic of its own)
        return None if named or HOW_THAT.search(text) and topics_asked(facts, text) else "why"
    if CONSEQUENCE.search(text):
        return None if named else "why"
    if named and COMPARED_TO.match(text):
        return "compare"
    if named and (THAN_OTHER.match(text) or BETTER_FOR_THAT.match(text)):
        return "than"
    # "what would kpo be called?" after "Would you call BPO process-oriented?": the last question, of the concept named
    if named and CALLED_OF.match(text):
        return "again"
    if not says_nothing_new(facts, SO_VALUE.sub(r"\1", text)):
        return None
    words = set(tokens(text))
    if REASON_WORDS.search(text):
        # ("why is it like that for kpo?" asks why of the concept named; "why KPO and not BPO?" something else)
        of_one = re.search(rf"\b(?:for|with|in)\s+(?:the\s+)?(?:{facts.names.concept_names})\W*$", text, re.IGNORECASE)
        # ("why is that one kpo and not bpo?" after a verdict asks why of what it points back to)
        points = re.search(r"\b(?:that|this|it)\b", text, re.IGNORECASE)
        # ("why is KPO so high?" echoes the value the last answer gave)
        return None if named and not of_one and not points and not SO_VALUE.search(text) else "why"
    asks_of = named or bool(words & OTHER_WORDS)
    if asks_of and (AGAIN_OPENING.search(text) or named and AGAIN_NOW.search(text)
                    or (set(content_lemmas(text)) | words) & AGAIN_WORDS or AGAIN_PHRASES.search(text)
                    or words & OTHER_WORDS):
        return "again"
    return None


def swap_concept(facts: Facts, text: str, old: str, new: str) -> str:
    """``text`` with each name of concept ``old`` (its abbreviation or full name) written as ``new``."""
    concept = facts.store.concept(old)
    spelled = sorted({concept.abbreviation, concept.name} if concept else {old}, key=len, reverse=True)
    pattern = r"\b(?:" + "|".join(re.escape(n) for n in spelled) + r")\b"
    return re.sub(pattern, new, text, flags=re.IGNORECASE)


def reasons_asked(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Why what an earlier question got holds: the passages that answer it, not the table's cells.

    When none answer it outright, what the document says on its topic comes before the passages
    that come closest: "why so much?" after "How much effort does IaaS take compared to SaaS?"
    gets the sentences on installing and running, not the row Effort again.
    """
    # (why both concepts differ on a topic is what the document says on it: "why?" after "which is more expensive, bpo or
    # kpo?" gets cost, not a passage a related word matched)
    both = len(set(turn.mentions.concepts)) > 1
    # "how do they pull that off?" after Global Reach and 24/7 Operations: what the characteristic says is how
    ctx = turn.context
    # "how so, is it the same kind of expertise?" after the similarity Access to Expertise: that similarity in full
    if (ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic and ctx.concept is None
            and facts.store.similarity(ctx.characteristic) is not None and len(set(turn.mentions.concepts)) != 1):
        return characteristic_answer(facts, turn.text, ctx.characteristic, None)
    if (ctx.topic == Topic.CHARACTERISTIC and ctx.characteristic and ctx.concept and not both
            and turn.mentions.concepts in ([], [ctx.concept])):
        return characteristic_answer(facts, turn.text, ctx.characteristic, ctx.concept)
    # "and what does all that get us as the client" after KPO's Technology Use: the characteristic named after the row,
    # in full ("... to deliver high-quality, efficient, and innovative solutions.")
    # ("why is it so high for KPO?" after the row Complexity of both: the one it names)
    one = turn.mentions.concept if len(turn.mentions.concepts) == 1 else ctx.concept
    if ctx.topic == Topic.ASPECT and ctx.aspect and one and not both and turn.mentions.concepts in ([], [one]):
        if (title := named_after_row(facts.store, ctx.aspect, one)) is not None:
            return characteristic_answer(facts, turn.text, title, one)
        # "why is that?" after "Is control low or high with SaaS?": SaaS has no characteristic named after Control,
        # IaaS has (Full Control); what SaaS is, then the other's characteristic, say why they differ there
        if ((other := other_concept(facts, one)) is not None
                and (title := named_after_row(facts.store, ctx.aspect, other)) is not None):
            return [answers.define(facts.store, one), *characteristic_answer(facts, turn.text, title, other)]
    on_topic = answer_on_topic(facts, turn) if both else None
    if on_topic:
        return on_topic
    # "how so?" after "Does KPO help cut costs too?": what the document says on cost, each sentence with the rest of
    # its characteristic or similarity ("... while KPO does so by offloading complex, knowledge-intensive tasks ...")
    if not both and topics_asked(facts, turn.text) and (on_topic := answer_on_topic(facts, turn)):
        return [in_full(facts, a) for a in on_topic]
    sure = passages_for(facts, turn)
    # (a row of the table alone is what was answered, not why)
    if sure is not None and not set(sure.items) <= {say("passage_item", text=p.text) for p in facts.index.passages
                                                     if facts.index.is_row(p)}:
        return [sure]
    if not both and (on_topic := answer_on_topic(facts, turn)):
        return on_topic
    return [closest] if (closest := passages_for(facts, turn, coverage=CLOSEST)) is not None else None


def in_full(facts: Facts, answer: Answer) -> Answer:
    """An answer with each sentence it quotes of a characteristic or similarity followed by the rest of it.

    Why a point holds is what its characteristic or similarity goes on to say: "Both practices aim to reduce
    operational costs." is followed by "BPO achieves this by outsourcing routine tasks, while KPO does so by ...".
    """
    index = facts.index
    if index is None or answer.aside or not answer.items:
        return answer
    quoted = " ".join(answer.items)
    items = []
    for item in answer.items:
        first = next((n for n, p in enumerate(index.passages)
                      if p.title and not index.is_row(p) and f'"{p.text}' in item), None)
        if first is not None:
            block = index.passages[first]
            rest = [p.text for p in index.passages[first + 1:]
                    if p.section == block.section and p.title == block.title and p.text not in quoted]
            item = item.replace(block.text, " ".join([block.text, *rest]), 1)
        items.append(item)
    # (the characteristics listed "each with its first sentence" are now "each in full")
    return replace(answer, items=items, text=answer.text.replace(say("each_first_sentence"), say("each_in_full")))


#: "which of those is the biggest reason companies do it?", "which one is the main one?", "what's the big one?":
#: which of the characteristics just listed matters most (the word ends the question or heads a plain noun, not
#: "the biggest risk", which asks a topic).
MAIN_ONE = re.compile(r"\b(?:which|what)(?:\s+one)?(?:\s+of\s+(?:those|these|them))?\s*(?:\s+is|'s|\u2019s|\s+would\s+be)\s+"
                      r"(?:the\s+)?(?:biggest|main|most\s+important|primary|top|major|greatest|big|number\s+one)"
                      r"(?:\s+(?:one|reason|thing|driver|factor|point|characteristic|feature))?(?:\s+(?:for|of|with)\s+[\w-]+)?\s*(?:$|[?.!]|"
                      r"(?<=reason)\s+(?:why|that|companies|businesses|people|firms)\b)", re.IGNORECASE)
#: The words by which a sentence of a characteristic says it is the main one ("One of the main drivers for BPO is
#: cost reduction.", "The primary goal of KPO is ...").
MAIN_MARKS = re.compile(r"\b(?:main|primary|principal|chief|foremost|most\s+important)\b", re.IGNORECASE)


def main_one(facts: Facts, turn: Turn) -> Answer | None:
    """Which of a concept's characteristics matters most, asked right after they were listed.

    The one whose sentence the document marks ("One of the main drivers for BPO is cost reduction."), else that
    the document does not rank them.
    """
    # (asked of one concept, of that one: "which is the main one for KPO?" after BPO's)
    concept = turn.mentions.concept if len(set(turn.mentions.concepts)) == 1 else turn.context.concept
    if turn.context.topic != Topic.CHARACTERISTICS or concept is None or not MAIN_ONE.search(turn.text):
        return None
    # (of both concepts, a row or a topic, it is another question: "what's the main difference between BPO and KPO?",
    # "what's the biggest risk?"; the reason for the concept is what the characteristics listed are: "which of those is
    # the biggest reason companies actually do it?")
    if (len(set(turn.mentions.concepts)) > 1 or turn.mentions.aspects
            or [t for t in topics_asked(facts, turn.text) if t.key not in WHY_TOPICS]):
        return None
    found = facts.store.concept(concept)
    if found is None or not found.characteristics:
        return None
    # where each sentence stands (its section, "Characteristics of BPO: Cost Efficiency", and line), to cite
    where = {(p.title, p.text): (p.section, p.line) for p in facts.store.passages() if p.concept == concept and p.title}
    for item in found.characteristics:
        marked = [s for s in split_sentences(item.text) if MAIN_MARKS.search(s)]
        if marked:
            section, line = where.get((item.title, marked[0]), (found.heading, item.line))
            return Answer(say("main_one", concept=concept, title=item.title), (Place(Part.SECTION, heading=section, line=line),),
                          items=[say("passage_item", text=marked[0])], topic=Topic.CHARACTERISTIC, concept=concept,
                          characteristic=item.title)
    return Answer(say("no_main_one", concept=concept, titles=listed([c.title for c in found.characteristics])),
                  (Place(Part.SECTION, heading=found.heading, line=found.characteristics[0].line),),
                  topic=Topic.CHARACTERISTICS, concept=concept, outcome=Outcome.NOT_COVERED)


def which_again(facts: Facts, turn: Turn) -> Answer | None:
    """"which bucket?", "so which one for us? bpo or kpo" right after a process: the verdict on it again.

    Only a message that asks which and says nothing else, when the process in context is one the
    document settles by its name.
    """
    task = turn.context.task
    # ("is that the knowledge kind?" after it asks the same)
    if not task or turn.mentions.task or not (asks_which_of_them(facts, turn.text) or offers_a_kind(facts, turn.text)):
        return None
    if not holds_only(facts, turn.text, KIND_WORDS | RECOMMEND_FRAME):
        return None
    fit = answers.recommend(facts.store, facts.recommender, task)
    # ("which model suits that?" after "We just need a ticketing tool for support, nothing custom.", placed by all it
    # told: the process weighed by that message again)
    told = turn.context.earlier[0].get("text") if turn.context.earlier else None
    if not fit.found and told and task.casefold() in told.casefold():
        fit = answers.recommend(facts.store, facts.recommender, task, task_from_text(facts, told))
    return fit if fit.found and fit.topic == Topic.RECOMMEND else None


def other_choice(facts: Facts, turn: Turn) -> Answer | None:
    """A question that offers a choice between two things other than the concepts, answered on those two.

    "nearshore or offshore, which one would work better for our customer service desk?" offers
    no choice between BPO and KPO: the document does not compare nearshore and offshore, and
    what it says of them is quoted. Only a choice that stands alone ("nearshore or offshore,
    ...", "..., us or them?") counts: "is KPO better for high or low volume?" asks about KPO.
    """
    # ("offshore vs nearshore whats the diff" sets the two side by side too)
    # (not "cost vs quality: how do BPO and KPO compare?", which weighs the concepts on them)
    pairs = OTHER_CHOICE.findall(turn.text) if ASKS_A_CHOICE.search(turn.text) else []
    pairs += [] if turn.mentions.concepts else VERSUS.findall(turn.text)
    # ("what's the difference between those two" after "I read that bpo can be offshore or nearshore": those two)
    earlier = turn.context.earlier[0].get("text") or "" if turn.context.earlier else ""
    both = False
    if not pairs and not turn.mentions.concepts and (THOSE_TWO.search(turn.text) or HOW_THEY_DIFFER.match(turn.text)):
        pairs = EITHER.findall(earlier)
        # ("... says offshore and nearshore BPO are basically the same thing": two the document names in one sentence)
        if not pairs:
            pairs, both = BOTH_TOLD.findall(earlier), True
    if facts.index is None or not pairs or WHICH_ARE_WE.search(turn.text):
        return None
    stops = stop_words()
    names = re.compile(rf"^(?:{facts.names.concept_names})$", re.IGNORECASE)
    # ("process-oriented vs knowledge-oriented, what does that refer to": the two cells of a row, which its answer says)
    cells = {cell.casefold() for aspect in facts.store.aspects() for cell in aspect.values.values()}
    for first, second in pairs:
        pair = [first, second]
        if any(names.match(w) or w.lower() in stops or w.lower() in retrieve.FRAME or not content_lemmas(w) for w in pair):
            continue
        if all(w.casefold() in cells for w in pair):
            continue
        words = [lemma(w.lower()) for w in pair]
        said = [h for h in facts.index.find(turn.text, words=words, limit=3)
                if (h.matched >= set(words) if both else h.matched & set(words))]
        if both and not said:
            continue
        if not said:
            return answers.not_in_document(facts.store, listed(pair, "or"))
        return Answer(say("choice_not_compared", choices=listed(pair, "and")), retrieve.places(said),
                      items=[say("passage_item", text=h.passage.text) for h in said], topic=Topic.SEARCH)
    return None
