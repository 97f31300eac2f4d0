"""What a question's wording asks, from its text and the store's names.

Which concept fits something, which of the two does more, a kind, the document, who; the topics it
names; whether it says nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from bot.answering import answers, topics
from bot.answering.answer import Answer
from bot.answering.live import Facts
from bot.answering.turn import (
    QUESTION_OPENERS,
    WHAT_IS_A,
    Turn,
    clauses_of,
    is_question,
    opening_words,
    sentences_of,
)
from bot.contract import Intent
from bot.text import content_lemmas, content_words, lemma, stop_words, tokens

#: Words that ask for the list of characteristics rather than the definition.
LIST_WORDS = frozenset({"characteristic", "feature", "trait", "property", "attribute", "hallmark"})
#: "which is safer ...?", "which one is cheaper", "which option would be better ...": which of the two, compared.
WHICH_OF_TWO = re.compile(r"\bwhich(?:\s+(?:one|option|model|approach|of\s+(?:the\s+two|them)))?\s+(?:is|are|would\s+be|"
                          r"will\s+be)\s+(?:the\s+)?(?:cheaper|costlier|safer|riskier|faster|slower|easier|harder|"
                          r"better|worse|more|less)\b", re.IGNORECASE)
OTHER_WORDS = frozenset({"other", "another", "opposite"})
#: Framing words of a recommendation request, left out when no task span was found.
RECOMMEND_FRAME = frozenset(
    "outsource outsourcing fit fits suit suitable better should would which recommend recommendation choose "
    "pick go model type kind option company process need want right correct fall falls".split()
)
#: Words that only restate what an intent's template answers ("how do they differ" is the whole
#: table); they leave nothing for an aside to add.
INTENT_WORDS = {
    Intent.COMPARE: frozenset("differ difference different compare comparison contrast versus distinguish "
                              "distinction vs".split()),
    Intent.SIMILARITIES: frozenset("similar similarity alike share common same agree overlap".split()),
    Intent.EXAMPLE: frozenset("example instance sample case illustration".split()),
    # ("kpo def pls": a definition asks nothing beyond what the concept is)
    Intent.DEFINE: LIST_WORDS | frozenset("definition define meaning mean explanation explain overview summary "
                                          "description describe break rundown basics simple simply plain layman "
                                          "eli5".split()),  # ("break down KPO for me", "in plain terms")
    Intent.RECOMMEND: RECOMMEND_FRAME,
}
#: Words of a question that compares the concepts rather than asks which fits a process.
COMPARING = frozenset("than more less better worse most least compare comparison versus vs".split())
#: Articles a concept's name may follow ("is that a BPO?").
ARTICLES = frozenset({"a", "an", "the"})
#: Words before a concept's name that make it the place of a question ("... in BPO?"), not the answer asked for.
PREPOSITIONS = frozenset("in of for with about to at by from on than under within between into via like across "
                         "without beyond toward towards during including besides outside".split())
#: A message that ends asking which kind the process just described is ("..., which kind are we?", "what would
#: you call that?", "... What type of outsourcing?", "... and send the standard file. what is that?").
WHICH_ARE_WE = re.compile(r"(?:\b(?:which|wich|whcih) (?:one|model|kind|type|option|category)\b[\w\s]{0,30}\b"
                          r"(?:is (?:that|it|this)|are we|"
                          r"would (?:that|it|this) be|(?:does|would) (?:that|it|this) fall (?:under|into|in))|"
                          r"\bwhat (?:kind|type|sort) of (?:outsourcing|model)"
                          r"(?: (?:is|would|does|do) (?:that|it|this|we|ours)(?: \w+){0,3})?|"
                          # "... is that the knowledge-based kind of outsourcing or the other one?"
                          r"\b(?:kind|type|sort)\b[\w\s'-]{0,40}\bor the other(?: one| kind| type)?|"
                          r"[,.;:!?-]\s*(?:so\s+)?what(?:'s| is) (?:that|this)|"
                          r"\bwhat would you call (?:that|it|this)(?: (?:kind|type|sort) of \w+)?|\bhow would you classify "
                          r"(?:that|it|this)|\bwhat (?:kind|type|sort)(?: of \w+)? (?:is|would be) (?:that|it|this)"
                          r"|\bhow (?:that|it|this)(?:'s| is| would be| gets?) classified"
                          # "ok so if we want a CRM thats which one?"
                          r"|\b(?:that|it|this)(?:['\u2019]?s| is| would be) (?:which|wich) (?:one|model|kind|type)\b"
                          # "... What do we call that?", "can we outsource it and what's it called", "What category is that?"
                          r"|\bwhat (?:do|would|should|does|did) (?:we|you|i|one|people|they) call (?:that|this|it)"
                          r"(?: (?:if|when|once) (?:we|you|i|they) (?:outsourc\w*|hand\w*|send\w*|farm\w*)(?: [\w-]+){0,3})?"
                          r"|\bwhat(?:'s| is| would be)? (?:that|this|it) called"
                          r"|\bwhat (?:category|class|bucket)(?: of \w+)? (?:is|would) (?:that|this|it)(?: be)?"
                          r"(?: (?:in|into|under))?"
                          # "... - which kind of outsourcing?", "Which outsourcing type?", standing alone at the end
                          r"|(?:^|[-,.;:!?(]\s*|\s-+\s*)(?:so\s+)?(?:which|what) (?:outsourcing )?(?:type|kind|category|model)"
                          r"(?: of (?:outsourcing|work))?(?: (?:fits|applies))?"
                          # "... we can't staff internally, who should we outsource it to", "where do we send this?"
                          r"|\b(?:who|where)\s+(?:should|would|do|could|can|shall)\s+(?:we|i)\s+(?:outsource|hand|send|give|"
                          r"farm|pass)\w*\s+(?:(?:it|this|that|them|these|those)(?:\s+(?:out|off|over))?(?:\s+(?:to|with))?|"
                          r"(?:our\s+|the\s+|my\s+)?[\w&'-]+(?:\s+[\w&'-]+){0,3}?(?:\s+(?:out|off|over))?\s+to)"
                          r")\s*[?.!]*\s*$", re.IGNORECASE)
#: A message that opens asking which concept the process it goes on to name is: "which is rebate claim
#: processing done with a checklist?", "what would you call it when senior lawyers draft bespoke ...?"; not
#: "which is cheaper?" or "which is it?" (a comparison, or a question about what came before).
WHICH_IS = re.compile(r"\s*(?:(?:which|wich) is\s+(?!(?:it|that|this|the|a|an|more|less|better|best|worse|worst)\b)"
                      r"(?![a-z]+er\b)|what would you call (?:it|that|this) (?:when|if)\s+"
                      # "what kind of outsourcing is our IT helpdesk?"
                      r"|what (?:kind|type|sort) of (?:outsourcing|model|work) (?:is|are|would be)\s+"
                      r"(?!(?:it|that|this|the best|best|better|more|less|right|used|needed|done)\b))\w", re.IGNORECASE)
#: A question where a process it names falls ("where would contract drafting fall?", "where does payroll fall
#: under?"); not where "it" or "that" falls, which asks of what came before, nor where "the responsibility for data
#: security" falls.
FALLS = re.compile(r"^\s*where (?:would|does|do|should|will|might|could) (?!(?:it|that|this|they|we|you|i|the)\b)"
                   r"[\w\s&'/,-]{2,60}? fall(?:\s+(?:under|into|in|between))?\s*[?.!]*\s*$", re.IGNORECASE)
#: A last sentence that asks which kind the process described before it is, in words the patterns above leave:
#: "Where does that sit?", "Where does it fall?", "What category does that fall into?", "what would u call
#: that", "is that routine outsourcing or the knowledge kind?", "Which outsourcing model is this?", "BPO I assume?".
KIND_ASKED = (r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)*(?:"
              r"where (?:does|do|would|will|should) (?:that|it|this|we|they) (?:sit|fall|belong|fit|land)\w*"
              r"(?: (?:under|into|in|with|on))?"
              r"|what (?:category|type|kind|sort|class|bucket|model)(?: of \w+)? (?:does|would|do|should|will) "
              r"(?:that|it|this|we|they) (?:fall|belong|go|fit|sit|come)\w*(?: (?:under|into|in))?"
              r"|what (?:would|do|should) (?:u|ya) call (?:that|it|this)"
              # "... and what type would that be?"
              r"|what (?:category|type|kind|sort|class|bucket|model)(?: of (?:outsourcing|work|service|model))? "
              r"(?:would|is|will) (?:that|it|this)(?: be)?"
              # "What would that be classed as?", "what would you classify that as"
              r"|what (?:would|is|does|will) (?:that|it|this) (?:be )?(?:classed|classified|categori[sz]ed|counted|"
              r"labell?ed|considered)(?: as)?"
              r"|what (?:would|do|should|will) (?:you|u|ya|we) (?:class|classify|categori[sz]e|label|count) (?:that|it|this)"
              r"(?: as)?"
              # "... we need a CRM and email asap. what should we pick"
              r"|(?:what|which) (?:one )?(?:should|would|do|shall) (?:we|i) (?:pick|choose|go with|use|get|go for|opt for)"
              r"|which outsourcing (?:model|type|kind|category|option) (?:is|would be) (?:this|that|it)"
              # "is that routine outsourcing or the knowledge kind?": a concept or a kind of the field on one side
              r"|(?:is|would) (?:that|it|this) (?:be )?(?:the )?(?:[\w-]+ )?(?:{names}|outsourcing)\b[\w\s-]{0,20}? or "
              r"(?:the )?[\w-]+(?: [\w-]+)? (?:kind|type|one|outsourcing)"
              r"|(?:is|would) (?:that|it|this) (?:be )?(?:the )?[\w-]+(?: [\w-]+)? (?:kind|type|one|outsourcing) or "
              r"(?:the )?(?:[\w-]+ )?(?:{names})\b(?: (?:kind|type|one|outsourcing))?"
              # "our staff laptop helpdesk tickets - outsource to which one?"
              r"|(?:outsource|send|give|hand)\s+(?:(?:it|that|this|them)\s+)?to\s+which(?: one| model| kind| type)?"
              # "... My manager keeps calling it BPO but I'm not sure that's right. What's the correct term?"
              r"|what(?:'s|s| is) the (?:correct|right|proper|actual) (?:term|name|word)(?: for (?:that|it|this))?"
              # "If we farm out our payroll to an outside firm, what is that practice called?"
              r"|what(?:'s|s| is| would be) (?:that|this|it) (?:practice |arrangement |setup |approach |model )?called"
              r"|what (?:would|do|should) (?:you|we|they) call (?:that|it|this)(?: practice| arrangement)?"
              r"|{names} (?:i|we) (?:assume|presume|guess|think|reckon|suppose)"
              r"|(?:i|we) (?:assume|presume|guess|suppose) (?:it'?s |that'?s |this is )?{names}"
              # ("what's that called and is it normal?": whether it is usual asks nothing more)
              r")(?:\s+and\s+(?:is|are)\s+(?:it|that|this|they)\s+(?:\w+\s+)?(?:normal|common|usual|typical|standard|"
              r"a\s+thing|done))?\s*[?.!]*\s*$")
#: The words a short question may hold, besides the concepts' names and the field's ("outsourcing"), and still ask
#: only which kind the process before it is ("How would you label this?", "Which outsourcing type is that closest
#: to?"), as lemmas.
KIND_QUESTION_WORDS = frozenset("type kind sort category class classify categorize categorise bucket model label call "
                                "fall sit belong fit land apply close side camp option one two count job task "
                                "process".split())
#: A short question that asks which kind with no word of kinds at all ("which is it?", "So which of the two are we?",
#: "what is it?"); not "Why?", "What now?", "Who does that?" or "How so?".
WHICH_BARE = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then|hmm)\W+)*(?:which|wich)\b|"
                        r"^\W*(?:(?:so|and|but|ok|okay|then|hmm)\W+)*what(?:'s|\s+is|\s+are)\s+(?:it|that|this|we)\W*$",
                        re.IGNORECASE)
#: Such a question is this short at most (in words).
KIND_QUESTION_LENGTH = 10
#: "Is that the routine kind or the knowledge kind?": two kinds offered, each side's words in groups 1 and 2.
EITHER_KIND = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:is|would|will) (?:that|it|this) (?:be )?(?:more )?"
                         r"(?:the |a |an )?([\w-]+(?: [\w-]+)?) (?:kind|type|one|sort) or (?:the |a |an )?([\w-]+(?: [\w-]+)?)"
                         r"(?: (?:kind|type|one|sort))?\s*[?.!]*\s*$", re.IGNORECASE)
#: "(If we outsourced it,) is that the knowledge kind?", "would this be the knowledge type of outsourcing?": one kind
#: offered, its word in group 1.
ONE_KIND = re.compile(r"^(?:[^?.!]*,\s*)?(?:(?:so|and|but|ok|okay)\W+)?(?:(?:is|would|will) (?:that|it|this) (?:be )?)?"
                      r"(?:the |a |an )?"
                      r"([\w-]+) "
                      r"(?:kind|type|sort|one|option)(?: of (?:outsourcing|work))?(?: or not)?\s*[?.!]*\s*$", re.IGNORECASE)


#: A first sentence that asks which kind what follows is ("Which kind is this? We outsource ...", "What would
#: you call transcription of recorded meetings? Our vendor ...").
ASKS_FIRST = re.compile(r"^\s*(?:which (?:one|model|kind|type|option|category) (?:is|fits) (?:this|it|that|ours)"
                        r"|what would you call\b[^?.!]*|how would you classify\b[^?.!]*"
                        r"|what (?:kind|type|sort) of (?:outsourcing|model|work) is\b[^?.!]*)\s*\?", re.IGNORECASE)
#: "where do they NOT overlap?", "what don't they have in common?": how the concepts differ, not what they share.
NOT_ALIKE = re.compile(r"(?:\bnot|n't|\bnever)\s+(?!(?:true|right|correct|so)\b)(?:\w+\s+){0,3}?"
                       r"(?:overlap\w*|alike|similar\w*|the same|share\w*|"
                       r"in common|agree\w*)\b", re.IGNORECASE)
#: Words that ask what the concepts share ("what do BPO and KPO have in common?", "are both ...").
ALIKE = re.compile(r"\b(?:similar\w*|alike|like|resembl\w*|share[sd]?|sharing|common|same|both|overlap\w*|each|other)\b",
                   re.IGNORECASE)
#: Words that name no work on their own ("hand over the whole thing").
GENERIC_WORK = frozenset("thing stuff work process task job lot part piece rest whole focus attention customer "
                          "people staff employee user".split())
#: Words that ask which concept fits.
FITTING = frozenset({"fit", "suit"})
#: "is it one size fits all?" asks whether the work is tailored, not which concept fits.
ONE_SIZE = re.compile(r"\bone[\s-]+size[\s-]+fits?[\s-]+all\b", re.IGNORECASE)


def fitting_asked(text: str) -> bool:
    """Whether a message says "fit" or "suit" ("which fits us?"), not in "one size fits all"."""
    return bool(set(content_lemmas(ONE_SIZE.sub(" ", text))) & FITTING)
#: Words that point at the process just described ("..., is that bpo").
POINTING = frozenset("that it this".split())
#: First words of a question about the document, not about which concept a process is.
WH_OPENERS = frozenset("what how why who".split())
#: First words of a question that never asks which concept fits.
NOT_WHICH = frozenset("who why when where if".split())
#: The words that open a question asked of the document, yes or no ("do we have to buy new systems ...?").
YES_NO = frozenset("do does did can could will would should is are was were has have may might must".split())
#: What people ask to do with the assistant ("can we go through the criteria?"), not of the document.
WORKING_THROUGH = frozenset("go try do start walk work run begin redo restart repeat answer take".split())
#: The words after "what" that ask which kind a process is ("what kind of outsourcing is this?").
KIND_WORDS = frozenset("kind type sort model category option one bucket class".split())
#: Who provides the work: "a BPO provider", "KPO firms", "BPO call centres".
PROVIDERS = frozenset("provider firm vendor company partner shop agency outsourcer contractor supplier centre center "
                      "agent team".split())
#: "which model is easier to grow quickly?": which concept is more of something, not which fits a process.
WHICH_MORE = re.compile(r"\bwhich\b(?:\s+(?:one|model|type|kind|option|of\s+(?:the\s+two|them|these|those)))?"
                        r"(?P<between>(?:\s+[\w']+){0,8}?)\s+(?P<word>more|less|better|worse|[a-z]{3,}er)\b"
                        r"(?P<after>(?:\s+[\w']+){0,2})", re.IGNORECASE)
#: "does bpo or kpo free us up more to focus on our core business?": the two offered, and which does more.
OR_MORE = re.compile(r"^\W*(?:[\w']+\W+){0,3}?(?:does|do|is|are|will|would|can|could)\s+(?:an?\s+)?[\w-]+\s+or\s+"
                     r"(?:an?\s+)?[\w-]+\s+(?:[\w']+\s+){0,6}?(?:more|less)\b", re.IGNORECASE)
#: "which of the two lets us pick the operating system?": which concept does something, not which a process is.
WHICH_DOES = re.compile(r"\bwhich\s+(?:one|model|option|of\s+(?:the\s+two|them|these|those))"
                        r"(?:\s+(?:models?|options?|kinds?|types?|ones?))?\s+(?P<verb>[a-z]+s)\b",
                        re.IGNORECASE)
#: Verbs after "which one" that say what a concept does for the asker ("which of the two lets us ...?"); others
#: ("which one works for that?", "... applies to us?") ask which concept a process is.
DOING = frozenset("lets gives offers provides needs requires costs keeps protects scales grows saves takes involves "
                  "allows brings carries reduces lowers demands frees".split())
#: "-er" words that are no comparatives of a quality ("later", "other").
NOT_COMPARING = frozenset("later sooner closer rather either other whether never ever over under after together "
                          "per better worse".split())
#: Words after "how" that make a question never ask which concept fits ("how often ...", "how much ...";
#: not "how would you classify it?").
HOW_NOT_WHICH = frozenset("often much many long soon frequently do does can will is are would could should".split())
#: Words of a "how should ..." question that ask which to choose ("how should we decide between bpo and kpo?").
CHOOSING_BETWEEN = frozenset("choose pick decide select between which go".split())
#: Words of a "how would ..." question that ask which concept fits ("how would you classify that?").
NAMING = frozenset("classify class call categorize categorise category label count".split())
#: A question this long (in words), all of them known, is clear: it is answered, not asked what it meant.
CLEAR_WORDS = 5
#: Nouns whose kinds are the concepts' examples ("what kind of work is KPO?", "what types of services does IaaS
#: offer?"), as lemmas.
KINDS_OF_WORK = frozenset("work task process job function service thing stuff activity activities project role "
                          "example outsourcing operation duty assignment business company companies firm firms "
                          "industry industries application app software offering product solution".split())


#: The topics of why a concept is used: asked of a process the document names, its verdict says why.
WHY_TOPICS = frozenset({"purpose"})
#: Words that make a message naming a concept ask the last question of it ("is that true for SaaS too?", "does the
#: same apply to KPO?"), as lemmas.
AGAIN_WORDS = frozenset("too also either same true apply hold likewise similarly equally ditto equivalent counterpart".split())
#: Words such a follow-up may hold besides ("ok, and what about the other one as well?"), as lemmas.
FILLER_WORDS = OTHER_WORDS | frozenset("well case go one ok okay alright right hmm".split())
#: "same deal?", "same story", "same thing for KPO?", "does it work the same way?", "same list", "same reasons": the
#: same question again (not "what's the deal with KPO?").
SAME_AGAIN = re.compile(r"\b(?:(?:carry|carries|have|has|get|gets|face|faces|bring|brings|work|works|function|"
                        r"functions)\s+(?:the\s+)?)?"
                        r"same\s+(?:deal|story|thing|question|goes|recipe|situation|logic|principle|idea|way|"
                        r"approach|rules?|answer|case|setup|set-up|arrangement|process|model|list|reasons?|"
                        r"(?:kind|sort|type)(?!\s+of\b))\b", re.IGNORECASE)


#: One concept said to be all something is of ("just a bpo benefit", "only a BPO thing"; ``{names}`` the concepts'
#: names).
ONLY_ONE = r"(?:just|only)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:{names})(?:\s+(?:thing|benefit|advantage|feature|perk|one))?"


def says_nothing_new(facts: Facts, text: str) -> bool:
    """Whether a message holds no words of its own beside the concepts' names and a follow-up's ("and IaaS?")."""
    only_one = ONLY_ONE.format(names=facts.names.concept_names)
    # "same thing for kpo or is that just a bpo benefit?": the other concept offered as the alternative asks nothing
    text = re.sub(rf"\bor\s+(?:is\s+(?:that|it|this)\s+)?{only_one}\b", " ", text, flags=re.IGNORECASE)
    # "Is that only a BPO thing or does it apply to KPO as well?": the one concept doubted first, then the one asked of
    text = re.sub(rf"^\W*(?:is|was|are)\s+(?:that|it|this|they)\s+{only_one}\s*,?\s+or\b", " ", text, flags=re.IGNORECASE)
    # "Does KPO do that too, even though it's specialized work?": a concession after the question asks nothing more
    text = re.sub(r",?\s*\b(?:even\s+though|even\s+if|although|though|given\s+that|considering)\b[^?.!]*", " ", text,
                  flags=re.IGNORECASE)
    # "is it the same for kpo or does that need something different": the alternative offered asks nothing more
    # ("... or is it about something else entirely")
    text = re.sub(r"\bor\s+(?:(?:does|do|would|will|is|are)\s+(?:that|it|this|they)\s+)?(?:(?:need|needs|require|"
                  r"requires|take|takes|work|works|go|goes)\s+)?(?:about\s+)?(?:(?:something|anything|things)\s+)?"
                  r"(?:different(?:ly)?|else)(?:\s+(?:entirely|altogether))?\W*$", " ", text, flags=re.IGNORECASE)
    # "would it be the same story if we went kpo instead?": the concept chosen is the one asked of, nothing more
    text = re.sub(rf"\b(?:if|when)\s+(?:we|you|i|they|u)\s+(?:(?:had|were|just|instead)\s+)?(?:went|go|going|switch(?:ed)?|"
                  rf"picked|pick|chose|choose|used?|opted|opt)\s+(?:(?:with|for|to)\s+)?(?:an?\s+|the\s+)?"
                  rf"({facts.names.concept_names})(?:\s+instead)?\b", r"\1", text, flags=re.IGNORECASE)
    # "And with a KPO partner?": a provider of the concept named is the concept
    text = re.sub(rf"\b({facts.names.concept_names})\s+(?:providers?|vendors?|firms?|partners?|suppliers?|outsourcers?|"
                  rf"compan(?:y|ies)|shops?|outfits?)\b", r"\1", text, flags=re.IGNORECASE)
    # "and the infra one?": a concept named by a word of its full name only
    for span in reversed(facts.names.clipped_concepts(text)):
        text = text[:span.start] + " " + text[span.end:]
    return holds_only(facts, SAME_AGAIN.sub("same", text),
                      AGAIN_WORDS | FILLER_WORDS | {"why", "come", "reason", "exactly", "repeat", "switch"})


def only_the_same(facts: Facts, sentence: str) -> bool:
    """Whether a sentence after "and IaaS?" only asks if it is the same: "same monthly thing?", "is that true too?"."""
    words = set(tokens(sentence))
    return bool(words & AGAIN_WORDS) and not words & WH_WORDS and (opening_words(sentence)[:1] == ["same"]
                                                                   or says_nothing_new(facts, sentence))


def holds_only(facts: Facts, text: str, words: Set[str]) -> bool:
    """Whether a message's content words are all concepts' names or among ``words`` (lemmas)."""
    return not set(content_lemmas(text)) - answers.concept_name_lemmas(facts.store) - words


#: Question words: a message holding one before "..., right?" asks it ("for a small startup which one is right?").
WH_WORDS = frozenset("what which who whom whose why when where how".split())


def asks_which_of_them(facts: Facts, text: str) -> bool:
    """Whether a message asks which ("which bucket?") or offers the concepts as the choice ("bpo or kpo")."""
    return re.search(r"\bwhich\b", text, re.IGNORECASE) is not None or names_both(facts, text)


#: What a question holds why a concept is chosen against ("... instead of just hiring its own analysts?") and who
#: chooses it ("why do people go with BPO?"): no topic of their own is asked there.
CHOSEN_OVER = re.compile(r"\b(?:instead\s+of|rather\s+than)\b(?:(?!\b(?:and|but|when|if|because|though|although|while|"
                         r"since|so)\b)[^?.!,;])*", re.IGNORECASE)
CHOOSERS = re.compile(r"\b(?:people|ppl|folks|everyone|everybody|businesses|companies|firms|clients|customers)\s+"
                      r"(?:\w+\s+)?(?=(?:go|goes|going|went|opt|opts|choose|chooses|choosing|chose|pick|picks|use|uses|"
                      r"turn|turns|pay|pays|outsource|outsources)\b)", re.IGNORECASE)


def topics_asked(facts: Facts, text: str) -> list[topics.Topic]:
    """The topics a question asks about, its misspelled words read as corrected ("benifits")."""
    asked = _topics_in(facts, text)
    if len(asked) < 2:
        return asked
    # why a concept is chosen stays asked when the other topics' words only say what it is chosen against or who
    # chooses it: "why would a company pay for that instead of just hiring its own analysts?", or whom the work goes to:
    # "Why do businesses bother outsourcing processes to an outside vendor at all?"
    if any(t.key in WHY_TOPICS for t in asked):
        rest = HANDED_TO.sub(" ", CHOOSERS.sub(" ", CHOSEN_OVER.sub(" ", text)))
        if rest != text and not [t for t in _topics_in(facts, rest) if t.key not in WHY_TOPICS]:
            return [t for t in asked if t.key in WHY_TOPICS]
    # (unless the question doubts that topic is all it is for: "Is the point of going KPO to save money, or is it
    # something else?")
    # (nor a claim of what it is for: "so KPO's main goal is saving money, correct?")
    if SOMETHING_ELSE.search(text) or re.search(GOAL_IS.format(names=facts.names.concept_names), text, re.IGNORECASE):
        return asked
    # why a concept is used, beside another topic, is that topic's why: "what is the main reason KPO is more
    # expensive?" and "what are the cost drivers of IaaS?" ask about cost
    return [t for t in asked if t.key not in WHY_TOPICS]


#: A doubt that what a question names is all there is: "... to save money, or is it something else?", "or is there
#: more to it?".
SOMETHING_ELSE = re.compile(r"\bor\s+(?:is\s+(?:it|there)\s+)?(?:something|anything)\s+(?:else|more)\b|"
                            r"\bor\s+(?:is\s+there\s+)?more\s+to\s+it\b", re.IGNORECASE)

#: A statement of what a concept is for: "KPO's main goal is saving money", "the aim of BPO is cutting costs" (not the
#: asker's goal: "our CFO's goal is cost cutting", "if the goal is freeing my people up ...").
GOAL_IS = (r"(?:\b(?:{names})(?:'s|\u2019s)?\s+(?:(?:main|primary|real|only|whole|chief)\s+)?(?:goal|aim|purpose|objective)s?|"
           r"\b(?:goal|aim|purpose|objective)s?\s+of\s+(?:an?\s+|the\s+)?(?:{names}))\s+(?:is|are)\s+(?!to\s+be\b)\w+")

#: Whom the work is handed to ("... outsourcing processes to an outside vendor"): who, not what is asked of them.
HANDED_TO = re.compile(r"\b(?:to|with)\s+(?:an?\s+|the\s+|some\s+)?(?:outside|external|third[- ]party|specialist|"
                       r"specialised|specialized|offshore|outsourcing)\s+(?:vendors?|providers?|firms?|partners?|"
                       r"compan(?:y|ies))\b", re.IGNORECASE)


def _topics_in(facts: Facts, text: str) -> list[topics.Topic]:
    """The topics a text names, its misspelled words read as corrected."""
    written = {base for _, base in content_words(text)}  # ("saving" is read as "save": no misspelling)
    corrected = ([w for w in facts.index.read(text).words if w not in text.lower() and w not in written]
                 if facts.index is not None else [])
    return topics.asked_topics(" ".join([text, *corrected]), facts.topics)


def which_of_two_on_a_topic(facts: Facts, text: str) -> bool:
    """"which is safer when demand swings?": which of the two concepts, compared on a topic besides the comparative.

    Not a choice of other things ("which is faster, email or phone support?") nor a comparative that is the only
    topic ("which is less risky for a 401k?").
    """
    return (WHICH_OF_TWO.search(text) is not None and not re.search(r"\bor\b", text, re.IGNORECASE)
            and asks_a_topic(facts, answers.COMPARATIVE.sub(" ", text)))


def asks_a_topic(facts: Facts, text: str) -> bool:
    """Whether a question asks a topic by more than the words that often only name who is involved."""
    return any(not topics.asked_weakly(text, t) for t in topics_asked(facts, text))


def speaks_to_topic(facts: Facts, text: str, answer: Answer) -> bool:
    """Whether an answer's passages hold a word of a topic the question asks by its own words.

    "can outsourcing help us innovate at all?": "Outsourcing helps distribute ... risks" says nothing on innovation;
    "can the scope of outsourced services be adjusted later?": "adjust the scope of outsourced services" does.
    """
    asked = [t for t in topics_asked(facts, text) if not topics.asked_weakly(text, t)]
    # (a topic asked only by a phrase may be the asker's own words: "free us up to concentrate on what we're good at")
    if not set(content_lemmas(text)) & {lemma(w) for t in asked for w in t.asks if " " not in w}:
        return True
    words = {lemma(w) for t in asked for w in t.asks | t.finds if " " not in w}
    return bool(words & set(content_lemmas(" ".join([answer.text, *answer.items]))))


#: Verbs of sending the work out, as written; their object "it" is the work told of before ("What are the risks of
#: outsourcing it?").
SENDING = frozenset("outsource outsourced outsourcing hand handed handing send sent sending move moved moving give "
                    "gave giving offload offloaded offloading transfer transferred farm farmed contract contracted".split())


#: A question of what the asker must do, other than hand the work over or choose: "do we have to consult them before
#: outsourcing customer service?", "are we required to tell our staff?", "do we need to install anything to use saas?"
#: (not "do we need to outsource payroll to a KPO?", "do we need to switch payroll to a kpo?", "do we have to go with
#: BPO for that?"). The doing is one of the listed verbs of a duty, so any other verb, a typo among them, still asks.
OBLIGED = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)*(?:(?:do|would|will|did)\s+(?:we|i)\s+(?:have|need)\s+to|"
                     r"must\s+(?:we|i)|(?:are|am|would)\s+(?:we|i)\s+(?:be\s+)?(?:legally\s+)?(?:required|obliged|obligated|bound)"
                     r"\s+to)\s+(?:consult|inform|tell|notify|warn|register|report|disclose|declare|ask|seek|obtain|involve|"
                     r"negotiate|renegotiate|comply|file|apply|sign|install|instal|patch|update|upgrade|maintain|buy|purchase|"
                     r"invest|learn|train|retrain|open|babysit|supervise|monitor|audit|redeploy|lay|fire|keep|share)\b",
                     re.IGNORECASE)


def opens_not_which(text: str) -> bool:
    """Whether a message opens as a question that never asks which concept fits.

    "who is liable ...", "how often do we talk to ...", "if business slows down, can we ...".
    """
    # ("who should we outsource payroll to?" asks which, as "which kind is it?" does)
    if WHICH_ARE_WE.search(text):
        return False
    # the question may follow a clause that sets it up: "As head of HR, why would ...?"
    if asks_who_does(text):
        return True
    # "We have a works council. Do we have to consult them before outsourcing customer service?"
    if any(OBLIGED.match(sentence) for sentence in sentences_of(text)):
        return True
    for clause in clauses_of(text):
        words = opening_words(clause)  # "and how often ...?"
        # ("how should we choose between bpo and kpo for payroll?" asks which)
        if (words[:1] == ["how"] and words[1:2] != [] and words[1] in HOW_NOT_WHICH and not set(words) & NAMING
                and not (words[1] == "should" and set(words) & CHOOSING_BETWEEN)):
            return True
        # "how flexible is bpo if our volumes go up and down a lot": how much of a quality it has
        if words[:1] == ["how"] and words[2:3] in (["is"], ["are"]) and not set(words) & NAMING:
            return True
    # (after a short lead-in that asks nothing: "IT manager here. If we outsource to a BPO do we ...?", "office
    # manager here - if we outsource ...")
    sentences = sentences_of(LEAD_IN_HERE.sub("", text))
    while len(sentences) > 1 and len(tokens(sentences[0])) <= OPENING_WORDS and "?" not in sentences[0]:
        sentences.pop(0)
    # ("and if things slow down in jan can we shrink it again?")
    words = opening_words(sentences[0]) if sentences else []
    return bool(words) and words[0] == "if"


#: Who asks, before a dash or a colon: "office manager here - ...", "HR question: ...".
LEAD_IN_HERE = re.compile(r"^\s*(?!(?:we|i|they|you|our|my)\b)(?:[\w&'-]+\s+){0,3}(?:here|question|query)\s*(?:-+|:)\s*",
                          re.IGNORECASE)
#: A sentence of at most this many words before a question, which asks nothing, only leads in ("IT manager here.").
OPENING_WORDS = 4


def asks_of_provider(facts: Facts, text: str, task: str) -> bool:
    """Whether the question a message ends with asks about the provider, not which concept fits the task.

    "We've never had a proper payroll process. Would a BPO provider bring its own way of doing
    things?", "will they really know more than our own IT guys?"; not "can a BPO provider
    handle our payroll?", which asks about the task.
    """
    sentences = sentences_of(text)
    if not sentences:
        return False
    question = sentences[-1]
    opens = opening_words(clauses_of(question)[0])
    if not opens or opens[0] not in YES_NO | WH_OPENERS:
        return False
    if opens[1:2] == ["they"]:
        return True
    return names_a_provider(facts, question) and not (task and task.casefold() in question.casefold())


#: A question of what a concept does for the asker: "How would that help us focus?", "can BPO improve our customer
#: service across regions?" (not "can BPO help us with payroll?", which asks whether it fits the work).
DOES_FOR_US = (
    r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:how|can|could|will|would|does|do|did)\s+(?:(?:would|will|can|could|does|do)\s+)?"
    r"(?:that|it|this|they|outsourcing|(?:an?\s+|the\s+)?(?:{names})(?:\s+\w+)?)\s+(?:really\s+|actually\s+|even\s+)?"
    r"(?:(?:improve|enhance|boost|strengthen|raise|lift|sharpen)s?\s+(?:our|my|the)\b|"
    r"helps?\s+(?:us|me|our\s+\w+|my\s+\w+)\s+(?!with\b|on\b|handle\b|do\b|run\b|outsource\b|process\b)[a-z]+)")


def asks_what_it_does_for_us(facts: Facts, text: str) -> bool:
    """Whether a message's last question, after other sentences, asks what a concept does for the asker.

    As :data:`DOES_FOR_US` reads it; a question alone is left to what it names ("can outsourcing help us survive if the
    economy tanks?").
    """
    sentences = sentences_of(text)
    return len(sentences) > 1 and _does_for_us(facts.names.concept_names).match(sentences[-1]) is not None


@lru_cache(maxsize=4)
def _does_for_us(names: str) -> re.Pattern[str]:
    """:data:`DOES_FOR_US` for the store's concept names (one store, one pattern)."""
    return re.compile(DOES_FOR_US.format(names=names), re.IGNORECASE)


def names_a_provider(facts: Facts, text: str) -> bool:
    """Whether a text names a concept's providers ("KPO providers", "a BPO vendor")."""
    names = facts.names.concept_names
    return re.search(rf"\b(?:{names})\s+(?:{'|'.join(sorted(PROVIDERS))})s?\b", text, re.IGNORECASE) is not None


def _asks_a_kind(words: list[str]) -> bool:
    """Whether the words after "what" ask a kind of work ("kind of outsourcing is this", "type is it"), not "sort of edge"."""
    at = next((i for i, w in enumerate(words[:3]) if w in KIND_WORDS), None)
    if at is None:
        return False
    after = words[at + 1:at + 3]
    return after[:1] != ["of"] or bool({lemma(w) for w in after[1:]} & KINDS_OF_WORK)


def sent_to_concept(facts: Facts, sentence: str) -> re.Match[str] | None:
    """Where a sentence sends work to a concept, the concept's name as group 1.

    "... to a KPO partner", "through our BPO", "to an offshore bpo".
    """
    return re.search(rf"\b(?:to|through|via)\s+(?:an?\s+|the\s+|our\s+)?(?:{SENT_WHERE}\s+)?({facts.names.concept_names})\b",
                     sentence, re.IGNORECASE)


#: Where or what kind of provider work is sent to, before the concept's name ("to an offshore bpo").
SENT_WHERE = (r"(?:offshore|nearshore|onshore|overseas|foreign|external|outside|third[\s-]party|local|global|new|dedicated|"
              r"specialized|specialised)")


def asks_the_document(text: str) -> bool:
    """Whether a clause of a message asks yes or no, or what, and not what kind a process is.

    "do we have to buy new systems ourselves if we hand a process to a BPO?", "... Could
    outsourcing help with that kind of peak?" and "whats the point of BPO if ...?" ask the
    document; "what kind of outsourcing is this?" asks which fits.
    """
    for clause in clauses_of(text):
        words = opening_words(clause)
        # not a request to the assistant: "can you assess my process?", "could we try the questions again?"
        if words[:1] and words[0] in YES_NO and not (words[1:2] == ["you"] or words[1:2] in (["we"], ["i"])
                                                      and set(words[2:3]) & WORKING_THROUGH):
            return True
        # "what sort of edge would it give us?" asks the document; "what kind of outsourcing is this?" which fits
        if words[:1] and words[0] in {"what", "whats"} and not _asks_a_kind(words[1:]):
            return True
    return False


#: The words after "which" that ask for a concept, a way to outsource or who does the work ("which model", "which one
#: is it", "which of the two", "which fits", "which team should do our payroll?"), not for things of another kind.
WHICH_CHOICE = KIND_WORDS | frozenset("ones approach way path route choice solution setup form flavour flavor variant "
                                      "side camp label arrangement outsourcing of is are would should could can will "
                                      "does do fit suit work good better best team provider partner firm company "
                                      "vendor service people".split())
#: A question of which things of some kind: "Which privacy laws apply when ...?", "Which analytics platforms or software
#: vendors does it name?" (what "which" asks of in group 1).
WHICH_THINGS = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)?which\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
                          r"(?:\s+or\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)?\s+(?:apply|applies|does|do|did|are|is|"
                          r"should|would|could|can|will|must|have|has|might|may)\b", re.IGNORECASE)
#: The document as what is asked about, after "which ... does": "does the document recommend", "does it name".
OF_THE_DOCUMENT = re.compile(r"\s+(?:the\s+)?(?:document|doc|text|it)\s+(?:recommend|name|mention|list|suggest|give|cite)",
                             re.IGNORECASE)


def asks_which_things(facts: Facts, text: str) -> bool:
    """Whether a sentence of a message asks which things of another kind than the concepts.

    "Which privacy laws apply when shipping customer records to an overseas vendor?" asks the document (which never
    names a law), not which concept fits shipping customer records; "which model suits us?", "which one is it?" and
    "which bpo services are most common?" ask of the concepts.
    """
    for sentence in sentences_of(text):
        if (things := WHICH_THINGS.match(sentence)) is None or facts.names.concepts_named(things.group(1)):
            continue
        words = set(tokens(things.group(1)))
        # (who or what the document names asks the document: "Which cloud provider does the document recommend?")
        if not (words | {lemma(w) for w in words}) & WHICH_CHOICE or OF_THE_DOCUMENT.match(sentence[things.end():]):
            return True
    return False


def which_more(text: str) -> bool:
    """Whether a message asks which concept is more of something, or does something.

    "which model is easier to grow quickly?", "Which of the two lets us pick that?".

    Not which is better, or cheaper for a process ("which one is cheaper for payroll?"), nor which
    is more suitable or more likely to fit.
    """
    if any(found.group("verb").lower() in DOING for found in WHICH_DOES.finditer(text)) or OR_MORE.search(text):
        return True
    for found in WHICH_MORE.finditer(text):
        word = found.group("word").lower()
        around = {lemma(w) for w in tokens(f"{found.group('between')} {found.group('after')}")}
        # "better" asks which fits; "offer", "provider", "later" are no comparatives of a quality
        if word in NOT_COMPARING or word.endswith("er") and lemma(word) == word:
            continue
        # (cheaper "for payroll" asks which fits a process; cheaper "for us in the end" does not)
        span = f"{found.group('between')} {found.group('after')}{text[found.end():][:40]}"
        for_whom = (re.search(r"\bfor\s+(?:us|me|you|them|(?:our|my)\s+(?:[\w-]+\s+)?(?:company|business|team|firm))\b",
                              span, re.IGNORECASE)
                    and len(re.findall(r"\bfor\b", span, re.IGNORECASE)) == 1)
        if "for" in around and not for_whom or around & {"fit", "suit", "match", "suitable", "suited", "appropriate",
                                                          "right"}:
            continue
        return True
    return False


def compares_on_a_topic(facts: Facts, text: str) -> bool:
    """Whether a question asks which concept is more of something the document has a topic for.

    "Which is riskier, BPO or KPO?", "Which works out cheaper?"; not which fits (:func:`which_more`).
    """
    return which_more(text) and bool(topics_asked(facts, text))


def asks_who_does(text: str) -> bool:
    """Whether a clause of a message opens with who, why, when or where ("so who decides ...?", "As head of HR, why ...")."""
    # (after what it is asked of: "with iaas who picks the OS, us or them")
    return any(opening_words(clause)[:1] and opening_words(clause)[0] in NOT_WHICH - {"if"}
               or (asked_of := ASKED_OF.match(clause)) is not None and asked_of.group(1).lower() in NOT_WHICH - {"if"}
               for clause in clauses_of(text))


#: What a question is asked of, before its question word: "with iaas who ...", "for kpo when ...".
ASKED_OF = re.compile(r"^\W*(?:(?:and|so|but|ok)\W+)?(?:with|for|in)\s+(?:[\w-]+\s+){1,2}?([a-z]+)\b", re.IGNORECASE)


def clear_question(facts: Facts, text: str) -> bool:
    """Whether a message is a question whose words are all words (of the document, related to them, or English).

    "how many agents do we need to staff an outsourced customer service desk?" is clear;
    "payroll thing" and "asdf kpo??" are not.
    """
    if facts.index is None or not is_question(text) or len(tokens(text)) < CLEAR_WORDS:
        return False
    reading = facts.index.read(text)
    # (one word no dictionary knows in a question of a concept is a name: "Will AI chatbots replace BPO call centers in
    # the next 5 years?")
    return len(reading.words) >= 2 and (not reading.unknown
                                        or len(reading.unknown) == 1 and facts.names.names_a_concept(text))


#: The words of a message's last sentence that ask how the concepts differ.
DIFFERENCE = re.compile(r"\b(?:diffs?|differ\w*|compar\w*|contrast|versus|vs\.?|distinguish\w*)\b", re.IGNORECASE)
#: Words that say how to answer, not what ("in one sentence", "in plain terms", "the core difference", "in your doc",
#: "the gist").
ANSWER_FORM = frozenset("sentence word term nutshell short brief simple plain english summary quick line layman core doc "
                        "document gist recap rundown overview summarize summarise eli5 quickly briefly simply".split())
#: Words that say who an answer is for or where it goes, not what it is about ("explain saas to my non-technical manager
#: in one line", "for a slide", "to tell a colleague"), as lemmas.
FOR_WHOM = frozenset("explain tell say describe pitch put manager boss colleague coworker exec executive ceo cfo cto "
                     "director board stakeholder stakeholders slide deck presentation email memo newsletter "
                     "non nontechnical non-technical technical layperson newbie beginner way one-sentence one-liner "
                     "liner".split())


def asked_besides_form(facts: Facts, text: str) -> set[str]:
    """The words a question is read as asking, besides those that only say the answer's form or whom it is for.

    Words of how short or main the answer should be and of whom it is for ("saas in a nutshell?", "the main difference",
    "to tell my manager") are left out of :meth:`Index.read`'s. Only for a store with passages (``facts.index``).
    """
    return set(facts.index.read(text).words) - ANSWER_FORM - topics.GRADING - FOR_WHOM
#: "the two types", "both kinds": the document's concepts, unnamed.
THE_TWO = re.compile(r"\b(?:the two|both)(?:\s+\w+)?\s+(?:types|kinds|sorts|models|options|approaches|of them)\b"
                     r"|\bwhat\s+each\s+(?:one|of\s+them|model|type)\s+(?:handles|does|covers|is\s+for)\b", re.IGNORECASE)
SENTENCE_END = topics.SENTENCE_END
#: Verbs of what each concept does, which ask nothing beside how they differ ("the difference in what each one handles").
WORK_VERBS = frozenset({"handle", "do", "cover"})


def asks_how_they_relate(facts: Facts, text: str) -> list[Answer]:
    """The comparison or the similarities, when a message's last sentence asks that of the concepts and nothing else.

    The concepts are both named, or "the two types": "saas vs iaas in one sentence pls", "what do
    saas and iaas have in common, plain english pls"; "who handles updates and patching with SaaS
    vs IaaS?" asks about updates, and "how do SaaS and IaaS differ in uptime guarantees?" about what
    the document never says.
    """
    last = SENTENCE_END.split(text.strip())[-1]
    alike = ALIKE.search(last) is not None and not NOT_ALIKE.search(last)
    if not (DIFFERENCE.search(last) or alike) or facts.index is None:
        return []
    if (set(facts.index.question_words(last)) - INTENT_WORDS[Intent.COMPARE] - INTENT_WORDS[Intent.SIMILARITIES]
            - topics.GRADING - GENERIC_WORK - ANSWER_FORM - WORK_VERBS):
        return []
    if not (THE_TWO.search(last) or len(facts.names.concepts_named(last)) >= 2):
        return []
    return [answers.similarities(facts.store) if alike and not DIFFERENCE.search(last) else answers.compare(facts.store)]


def asks_past_lead_in(text: str) -> bool:
    """Whether a follow-up asks something, its lead-in words aside.

    "ok and what kind of stuff would they do for us", "so what does the customer still have to do themselves".
    """
    return is_question(text) or is_question(" ".join(opening_words(text)))


@lru_cache(maxsize=8)
def kind_asked(names: str) -> re.Pattern[str]:
    """:data:`KIND_ASKED` for a store's names of its concepts and kinds."""
    return re.compile(KIND_ASKED.replace("{names}", f"(?:{names})"), re.IGNORECASE)


def offers_a_kind(facts: Facts, sentence: str) -> bool:
    """Whether a question offers a kind in the words of a concept's name, or two kinds with one so.

    "Is that the routine kind or the knowledge kind?", "is that the knowledge kind?", "knowledge kind or not?"; not
    "Would that be the fixed-price or the hourly kind?".
    """
    either = EITHER_KIND.match(sentence)
    one = ONE_KIND.match(sentence)
    offered = f"{either.group(1)} {either.group(2)}" if either else one.group(1) if one else ""
    if either:
        return bool(set(content_lemmas(offered)) & answers.concept_name_lemmas(facts.store))
    # one kind: a word of one concept's name only ("knowledge", not "process" or "outsourcing")
    named = [set(content_lemmas(f"{c.name} {c.abbreviation}")) for c in facts.store.concepts()]
    return any(len([n for n in named if word in n]) == 1 for word in content_lemmas(offered))


def asks_only_which_kind(facts: Facts, sentence: str) -> bool:
    """Whether a short question asks nothing but which kind.

    "How would you label this?", "which is it?", "So which of the two are we?", "Is that KPO since it's technical
    stuff?" (the reason the asker gives asks nothing); not "how does that work?", "which is cheaper?" or "Can you
    compare BPO and KPO?".
    """
    sentence = GIVEN_REASON.sub("", sentence)
    said = tokens(sentence)
    opener = next((w for w in said if w not in {"so", "and", "but", "ok", "okay", "then", "hmm"}), "")
    if not said or len(said) > KIND_QUESTION_LENGTH or opener not in QUESTION_OPENERS - {"who", "why", "when"}:
        return False  # ("... - a report? recommendations? something else?" asks no kind, nor "Who is the best one?")
    asked = set(content_lemmas(sentence))
    if not asked:
        return WHICH_BARE.match(sentence) is not None
    # ("... I'd like to understand what I'm paying for. what is IaaS?" asks what the concept is)
    if re.match(rf"\W*(?:(?:so|and|ok|okay|then)\W+)*what(?:['\u2019]?s|\s+is)\s+(?:exactly\s+)?(?:an?\s+)?"
                rf"(?:{facts.names.concept_names})\W*$", sentence, re.IGNORECASE):
        return False
    return asked <= KIND_QUESTION_WORDS | facts.names.field_words | answers.concept_name_lemmas(facts.store)


#: The reason an asker gives after what they ask ("... since it's technical stuff?", "... because it needs experts").
GIVEN_REASON = re.compile(r"\s+(?:since|because|cause|cuz|coz)\s+[^?.!,;]*", re.IGNORECASE)
#: Verbs a concept chosen follows at the end of a question ("... if we go saas?", "... when we use IaaS?").
GOING_WITH = frozenset("go goes going went use uses using adopt adopting".split())


#: Words before a question that only lead into it ("quick one -", "hey,", "sorry, newbie question:").
LEADING_INTO = frozenset("quick dumb silly stupid basic simple newbie noob beginner random another one more question q "
                         "hey hi hello sorry ok okay so um uh".split())


def ends_asking_which(facts: Facts, text: str) -> bool:
    """Whether a message describes something and ends asking which concept it is.

    "..., is that KPO?", "is designing a loyalty strategy KPO?", "..., BPO or KPO?", "... - bpo
    right?", "is this more of a bpo thing?", and without a question mark "..., is that bpo" or "..., bpo or kpo"; not a
    question about a concept ("how important is customer service in BPO?", "... if we hand a process to a
    BPO?") or one that
    opens with what, how, why or who.
    """
    names = facts.names.concept_and_kind_names
    found = re.search(rf"([\w'-]+)?[\s,;:-]*\b(?:{names})(\s+or\s+(?:{names}))?"
                      rf"(?:\s+(?:thing|job|work|kind of thing|territory|stuff|area|domain))?"
                      rf"(?:[\s,]+(?:right|correct|then|too))?\s*(\?+)?\s*$", text, re.IGNORECASE)
    # (nor one that ends on the concept chosen: "can we pick our own OS if we go saas?")
    if found is None or (found.group(1) or "").lower() in PREPOSITIONS | GOING_WITH:
        return False
    # past an article: "... if we hand a process to a BPO?" ends on where it goes, "is that a job for a BPO?" and
    # "is this more of a bpo thing?" on a choice
    if (found.group(1) or "").lower() in ARTICLES:
        before = tokens(text[:found.start(1)])[-1:]
        if set(before) & {"to", "into"}:
            return False
    # without a question mark, only "..., is that bpo", "..., bpo or kpo" or "would ... be bpo" asks
    if (not found.group(3) and not found.group(2) and (found.group(1) or "").lower() not in POINTING
            and not ((found.group(1) or "").lower() == "be" and set(tokens(text)[:1]) & {"would", "will", "could",
                                                                                         "should", "can"})):
        return False
    # ("quick one - whats KPO?": the clause that ends on the concept asks what it is, after words that only lead into
    # it; not "we do research for clients, what's KPO?", which tells the work first)
    *before, clause = re.split(r"\s+-+\s+|[,;:.!?]+\s*", text[:found.start()])
    if (re.fullmatch(rf"\W*{WHAT_IS_A}(?:{names})\W*", clause + found.group(0), re.IGNORECASE)
            and set(tokens(" ".join(before))) <= LEADING_INTO):
        return False
    # ("what about legal work like contract review, that's KPO right?" opens on what it offers, not a wh-question)
    return not set(tokens(text)[:1]) & WH_OPENERS or tokens(text)[1:2] == ["about"]


def starts_asking_which(facts: Facts, text: str) -> bool:
    """Whether a message asks which concept fits first, then describes the process.

    "BPO or KPO? Our vendor does actuarial reserving reviews ...", "is it BPO or KPO if my team ...", "kpo or bpo - my team of 6
    PhD chemists runs formulation research", "Which kind is this? We outsource expense checks",
    "is drug target identification KPO? our PhD biologists mine genomic data ...".
    """
    names = facts.names.concept_names
    both = re.match(rf"\s*(?:{names})\s+or\s+(?:{names})\s*(?:\?+|:|-+|,)\s*\S"
                    # "Is it BPO or KPO if my team updates stock levels ... every night?"
                    rf"|\s*(?:is|would|will)\s+(?:it|that|this|we)\s+(?:be\s+)?(?:{names})\s+or\s+(?:{names})\s+(?:if|when)\s+"
                    r"(?:we|i|my|our)\b",
                    text, re.IGNORECASE)
    sentences = sentences_of(text)
    if len(sentences) > 1 and sentences[0].endswith("?") and ends_asking_which(facts, sentences[0]):
        return True
    return both is not None or (ASKS_FIRST.match(text) is not None and len(re.split(r"[?.!]+\s", text.strip())) > 1
                                or bool(re.match(r"\s*what would you call\s+(?!(?:that|it|this)\b)\w", text, re.IGNORECASE))
                                or WHICH_IS.match(text) is not None)


def asks_if_only_one(facts: Facts, text: str) -> bool:
    """Whether a message asks if something is one concept's alone: "or is that only a KPO thing?", "just for BPO?"."""
    names = facts.names.concept_names
    return re.search(rf"\b(?:only|just|exclusively|purely)\s+(?:(?:a|an|for|in|with)\s+)?(?:{names})(?:\s+(?:thing|one|feature))?"
                     rf"\s*(?:[?.!]|$)", text, re.IGNORECASE) is not None


#: A question of whether someone can or must do something, the doing in group 1: "can we cancel a saas subscription
#: ...?", "do we need to consult the works council ...?", "how do we migrate ...?", "are we locked in?".
ASKED_DOING = re.compile(r"^\W*(?:(?:so|and|but|ok(?:ay)?|also|then)\W+)*"
                         # (after a condition: "if we cancel a SaaS subscription(,) can we export all our data ...?")
                         r"(?:if\s+[^,?]*?(?:,\s*|\s+(?=(?:can|could|will|would|should|do|must)\s+(?:we|i|they)\b)))?"
                         r"(?:how\s+)?"
                         r"(?:can|could|will|would|should|do|does|did|must|may|might|is|are)\s+(?:we|i|they|one)\s+"
                         r"(?:still\s+|actually\s+|just\s+|even\s+|also\s+|ever\s+|easily\s+|really\s+)*"
                         r"(?:(?:need|have|want|get)\s+to\s+|be\s+able\s+to\s+)?([a-z]+)\b", re.IGNORECASE)


#: A question of what follows a doing, the doing in group 1: "what happens to our data if we cancel a SaaS
#: subscription?", "what would happen if we terminate the contract early?".
HAPPENS_IF = re.compile(r"^\W*(?:(?:so|and|but|ok(?:ay)?|also|then)\W+)*what\s+(?:happens|would\s+happen|will\s+happen|"
                        r"happened)\b[^?.!]*?\b(?:if|when|once|after)\s+(?:we|i|they|you|a\s+company)\s+"
                        r"(?:ever\s+|later\s+|suddenly\s+|decide\s+to\s+|want\s+to\s+|[a-z]{4,}ly\s+)*"
                        r"(?!(?:don|do\s+not|can|cannot|won|will\s+not|didn|did\s+not|never|not)\b)([a-z]+)\b(?!['\u2019])",
                        re.IGNORECASE)


#: Doings any question may ask of, which say nothing of their own ("do we get ...", "do we have to buy ...", "should we
#: be ...", "how do we keep ..."), as lemmas.
ANY_DOING = frozenset("be have hav do get make go keep look need want give take put see know find tell say come try ask "
                      "buy pay use let run work help explain describe pitch present phrase summarize summarise "
                      "sum mean involve include offer provide cover entail require contain "
                      # (the comparing a question asks the table for: "how do they differ?", "how do they compare?")
                      "differ compare contrast vary stack overlap resemble".split())


#: A question of what someone does, the doing ending it in group 1: "what do kpo analysts usually earn?", "what languages
#: do offshore BPO agents usually speak?".
WHAT_DOING = re.compile(r"^\W*(?:(?:so|and|but|ok(?:ay)?|also|then)\W+)*what(?:\s+[\w-]+)?\s+(?:do|does|did)\s+"
                        r"(?:[\w-]+\s+){1,4}?(?:usually\s+|normally\s+|typically\s+|actually\s+|really\s+|often\s+)?"
                        r"([a-z]+)\W*$", re.IGNORECASE)


#: A word ending such a question that says how or when, no doing ("instead", "concretely").
SAYS_HOW = re.compile(r"[a-z]+ly|instead|then|though|tho|there|here|anyway|again|now|too|also|exactly|today",
                      re.IGNORECASE)


def asked_doing(text: str) -> str | None:
    """The doing a question asks whether someone can or must do, or what someone does, as written.

    "cancel" in "can we cancel ...?" and in "what happens to our data if we cancel ...?", "earn" in "what do kpo
    analysts usually earn?".

    None for a doing any question may ask of (:data:`ANY_DOING`), and for a request to the assistant ("can you explain
    ...?").
    """
    found = ASKED_DOING.match(text) or HAPPENS_IF.match(text)
    # (a word that says how, ending the question, is no doing: "what does kpo give you instead", "what does that
    # mean concretely?")
    if found is None and (what := WHAT_DOING.match(text)) and not SAYS_HOW.fullmatch(what.group(1)):
        found = what
    # (a word of no doing neither: "do they both need ...?")
    return (found.group(1) if found and found.group(1).lower() not in stop_words()
            and lemma(found.group(1).lower()) not in ANY_DOING else None)


#: A last sentence that asks whether the process told before it goes to the concept it names: "Could we hand that to
#: a BPO provider?", "Is this the kind of thing BPO covers?", "Would KPO suit that kind of work?", "Does that sound
#: like KPO to you?" ({names} the store's names of its concepts and kinds). Not "Can a BPO provider cover that?" after
#: a need ("... our customers in Asia want help overnight."), which asks a topic.
SUITS_NAMED = (r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)*(?:"
               r"(?:could|can|should|would|do|shall)\s+(?:we|i|you)\s+(?:just\s+|simply\s+|also\s+)?"
               r"(?:hand|outsource|send|give|move|pass|farm|shift|offload|transfer)(?:\s+(?:off|out|over))?\s+"
               r"(?:that|this|it|them|these|those)(?:\s+(?:work|process|stuff|job|task)s?)?(?:\s+(?:off|out|over))?"
               r"\s+to\s+(?:an?\s+|the\s+)?(?:{names})"
               r"|(?:is|would)\s+(?:that|this|it)\s+(?:be\s+)?(?:the|a)\s+(?:kind|sort|type)\s+of\s+"
               r"(?:thing|work|stuff|process|job|task)s?\s+(?:that\s+)?(?:an?\s+)?(?:{names})"
               r"(?:\s+(?:provider|vendor|firm|partner)s?)?\s+(?:covers?|does|handles?|takes\s+on|is\s+for|would\s+\w+)"
               r"|is\s+(?:that|this|it)\s+what\s+(?:an?\s+)?(?:{names})(?:\s+(?:provider|vendor|firm|partner)s?)?"
               r"\s+(?:covers?|does|handles?|is\s+for|is\s+about)"
               r"|(?:would|does|could|can|will)\s+(?:an?\s+)?(?:{names})(?:\s+(?:provider|vendor|firm|partner)s?)?\s+"
               r"(?:suit|fit)\s+(?:that|this|it|them)"
               r"(?:\s+kind\s+of\s+(?:work|thing|process))?"
               r"|(?:does|would)\s+(?:that|this|it)\s+(?:sound\s+like|count\s+as|qualify\s+as|belong\s+(?:in|to|under)|"
               r"fall\s+under)\s+(?:an?\s+)?(?:{names})"
               r")\b[^?.!]{0,20}[?.!]*\s*$")


def suits_named(facts: Facts, text: str) -> bool:
    """Whether a message tells of a process, then asks in its last sentence if it goes to a named concept.

    The asking sentence is one of :data:`SUITS_NAMED`. Not whether to hand over what sentences that ask a topic tell
    of ("Our customers want support at night. Could we hand that to a BPO provider?" asks working hours).
    """
    told = sentences_of(text)
    names = facts.names.concept_and_kind_names
    if len(told) < 2 or re.match(SUITS_NAMED.replace("{names}", names), told[-1], re.IGNORECASE) is None:
        return False
    return HANDING_ASKED.match(told[-1]) is None or not topics_asked(facts, " ".join(told[:-1]))


#: The alternative of :data:`SUITS_NAMED` that asks whether to hand the process over.
HANDING_ASKED = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)*(?:could|can|should|would|do|shall)\s+(?:we|i|you)\b",
                           re.IGNORECASE)


def asks_which_concept(facts: Facts, text: str) -> bool:
    """Whether a message asks which concept fits ("..., is that KPO?", "bpo or kpo for ...?", "which model fits ...?")."""
    return (ends_asking_which(facts, text) or names_both(facts, text) or fitting_asked(text) or suits_named(facts, text)
            or re.search(r"\bwhich (?:one|model|kind|type|option|category|of (?:the )?(?:two|them|these|those))\b", text,
                         re.IGNORECASE) is not None
            or WHICH_ARE_WE.search(text) is not None or starts_asking_which(facts, text) or FALLS.match(text) is not None
            or ends_asking_kind(facts, text))


def ends_asking_kind(facts: Facts, text: str) -> bool:
    """Whether the last clause, after another, asks which kind (:data:`KIND_ASKED`).

    "running engineering stress simulations on new product designs, where would that sit", "HR wants to ... What
    would that be classed as?".
    """
    clauses = [c.strip() for c in clauses_of(text) if c.strip()]
    names = facts.names.concept_and_kind_names
    return len(clauses) > 1 and kind_asked(names).match(clauses[-1]) is not None


def names_both(facts: Facts, text: str) -> bool:
    """Whether a message offers the concepts as the choice ("bpo or kpo for walking the office dog?")."""
    names = facts.names.concept_names
    # (or one named and the other pointed to: "so BPO or the other one?")
    return re.search(rf"\b(?:{names})\s*(?:or|/|vs\.?|versus)\s*(?:an?\s+)?(?:{names}|the\s+other(?:\s+one)?\W*$)",
                     text, re.IGNORECASE) is not None


def compares_concepts(turn: Turn) -> bool:
    """Whether a message compares the concepts ("is KPO more expensive than BPO?", "compared with KPO")."""
    return bool((turn.words | set(content_lemmas(turn.text))) & (COMPARING | INTENT_WORDS[Intent.COMPARE]))


def only_concept_names(facts: Facts, text: str) -> bool:
    """Whether ``text`` holds nothing but concept names (abbreviations, full names, misspellings)."""
    for span in facts.names.misspelled_concepts(text):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end:]
    names = answers.concept_name_lemmas(facts.store)
    return all(word in names for word in content_lemmas(text))


#: Words that ask to be guided through the classification ("ask me questions", "walk me through it").
GUIDED = frozenset("classify classification guide guided walk interview quiz questionnaire checklist criterion "
                   "criteria".split())
#: The words of GUIDED that ask for a class, not for the questions.
CLASSIFYING = frozenset({"classify", "classification"})
#: Words that ask to be guided only in a message about nothing else ("how can we decide?", not "how do we get our
#: data back out if we decide to switch vendors?").
GUIDED_ALONE = frozenset("again decide assess test".split())
#: A request to the assistant to help or to ask ("can you help me decide?", "help us pick", "ask me the questions");
#: not something else helping ("can outsourcing help us survive if the economy tanks?").
HELP_ME = re.compile(r"(?:^\W*(?:(?:hi|hey|hello|ok(?:ay)?|so|pls|please|just)\W+)*|\b(?:you|u|pls|please|someone|"
                     r"somebody)\s+(?:\w+\s+){0,3})help (?:me|us)\b"
                     r"|\bask (?:me|us)\b|\bquestions? (?:to|that|so)\b|\bstep by step\b",
                     re.IGNORECASE)
#: A question that asks for a number or a duration ("how long is a typical contract term?", "how many agents").
FIGURES = re.compile(r"\bhow (?:long|many|soon)\b|\bwhat (?:percent(?:age)?\b|\s*%)|\bhow much (?:time|money)\b"
                     # a size asked ("and by how much typically? any percentages?", "30% cheaper?")
                     rf"|\bby how much\b|{topics.SHARE_ASKED}|{topics.CURRENCY_ASKED}"
                     # a duration offered ("like weeks or months? roughly")
                     r"|\b(?:days|weeks|months|years)\s+or\s+(?:days|weeks|months|years)\b"
                     # a price asked ("what does a vendor charge per agent hour?", "the going hourly rate", "ballpark")
                     r"|\b(?:charges?|costs?|prices?|rates?|fees?|pay)\s+(?:per|an?|each)\s+(?:agent\s+)?"
                     r"(?:hour|agent|seat|user|month|year|head|fte|employee|project|engagement|task|job|report|call|ticket|"
                     r"transaction|case|deliverable)\b|\bhourly\s+rates?\b|\bballpark\b"
                     # a price per unit asked with no price word ("how much per seat typically?", "how much a month?",
                     # "how much does it cost each month?"; not "how much control does a user have?")
                     r"|\bhow much\s+(?:(?:is|it|would|will|be|does|do|did|they|we|you|that|this|one|cost|costs|"
                     r"charge|charged|pay|typically|roughly|usually|about|approximately)\s+){0,4}(?:per|an?|each)\s+"
                     r"(?:agent\s+)?(?:hour|agent|seat|user|month|year|head|fte|employee|licen[cs]e)\b",
                     re.IGNORECASE)
#: A question that asks for a figure of the market: how many or what share of companies use something, the market's
#: size or growth ("what share of big companies use bpo today?", "what % of fortune 500 companies use kpo", "how big is
#: the kpo market gonna be by 2030?", "how big is each market globally?").
MARKET_FIGURES = re.compile(r"(?:\bhow many|\bwhat (?:percentage|percent|share|proportion|fraction|number|portion) of|"
                            r"\bwhat\s*%(?:\s+of)?)\s+"
                            r"(?:\w+\s+){0,2}(?:companies|firms|businesses|organi[sz]ations|enterprises|corporations)\b"
                            r"|\bmarket\s+(?:size|share|value|growth)\b|\bsize of the (?:\w+\s+){0,3}market\b"
                            r"|\bhow (?:big|large) (?:is |are )?(?:the|each|either|both|these|those) (?:\w+\s+){0,3}"
                            r"(?:markets?|industry|industries)\b"
                            r"|\bgrowth (?:numbers|figures|rates?|stats|statistics)\b|\badoption rates?\b",
                            re.IGNORECASE)
#: Words of a question that asks how to tell which concept fits ("how do we know whether market research is kpo?").
CHOOSING = frozenset("decide choose pick know tell determine figure judge classify categorize categorise".split())
#: Someone else doing the choosing ("how do the providers figure out what we need?", "how does a KPO firm decide what
#: to deliver?"): a question about the provider, not a request to be guided.
THEY_CHOOSE = re.compile(r"\b(?:they|who|(?:(?:the|our|a|an|their|your|its|such)\s+)?(?:[\w-]+\s+)?(?:provider|vendor|firm|"
                         r"partner|supplier|agency|contractor|outsourcer|company)s?)\s+(?:(?:actually|really|usually|"
                         r"then|even)\s+)?(?:decides?|choose|chooses|picks?|knows?|tells?|determines?|figures?|judges?|"
                         r"works?\s+out|finds?\s+out)\b", re.IGNORECASE)


def they_choose(text: str) -> bool:
    """Whether the first choosing word of a question is someone else's.

    "how do the providers figure out ...?", "I'm confused about who decides what.".
    """
    chooser = THEY_CHOOSE.search(text)
    # (the first word whose lemma is one of CHOOSING: "figures", "decided", "knew")
    first = next((m for m in re.finditer(r"[\w'-]+", text) if lemma(m.group().lower()) in CHOOSING), None)
    return chooser is not None and first is not None and chooser.start() <= first.start() <= chooser.end()
