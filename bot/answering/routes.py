"""Which answer a turn gets: the table of routes, and the logic of each.

:data:`ROUTES` is the one table that ties the conversation together: each custom
action that answers from the store, the intents it serves, the function that
builds its answers and which entities those intents may carry. Adding an intent
means its name in :class:`bot.contract.Intent`, a row here (or a domain response
and a rule for a plain reply), its NLU data, its rule and its ``domain.yml`` entry;
``tests/test_contract.py`` checks them against each other.

The logic is pure functions of a :class:`Turn` and the current
:class:`~bot.answering.live.Facts`, so the conversation is tested without Rasa.
The actions read the turn from the tracker (:func:`read_turn`) and render what
comes back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.entities import ACTORS, ORGANISATIONS, WANTING, Mentions, Names, resolve
from bot.answering.live import Facts
from bot.contract import Entity, Intent, Outcome, Topic
from bot.text import content_lemmas, content_words, lemma, stop_words, tokens
from bot.wording import CLARIFY_LABELS, QUESTION_WORDS, TYPED_QUESTION_WORDS, WORDING, listed, say

#: Words that ask for the list of characteristics rather than the definition.
LIST_WORDS = frozenset({"characteristic", "feature", "trait", "property", "attribute", "hallmark"})
#: Words that point back at the concept in context ("examples of it").
PRONOUNS = frozenset({"it", "its", "it's", "this", "that", "them", "they", "their"})
#: "which is safer ...?", "which one is cheaper", "which option would be better ...": which of the two, compared.
WHICH_OF_TWO = re.compile(r"\bwhich(?:\s+(?:one|option|model|approach|of\s+(?:the\s+two|them)))?\s+(?:is|are|would\s+be|"
                          r"will\s+be)\s+(?:the\s+)?(?:cheaper|costlier|safer|riskier|faster|slower|easier|harder|"
                          r"better|worse|more|less)\b", re.IGNORECASE)
#: "there" of a place named before ("what qualifications do the people there have?", "who works there?", "what do
#: they do there"); not "is there", "there are", "hi there".
THERE = re.compile(r"\b(?:people|staff|team|teams|employees|workers|experts|analysts|agents|work|works|working|"
                   r"worked|done|happens?|do|does)\s+there\b", re.IGNORECASE)
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
    Intent.SIMILARITIES: frozenset("similar similarity alike share common same".split()),
    Intent.EXAMPLE: frozenset("example instance sample case illustration".split()),
    # ("kpo def pls": a definition asks nothing beyond what the concept is)
    Intent.DEFINE: LIST_WORDS | frozenset("definition define meaning mean explanation explain overview summary "
                                          "description describe break rundown basics simple simply plain layman "
                                          "eli5".split()),  # ("break down KPO for me", "in plain terms")
    Intent.RECOMMEND: RECOMMEND_FRAME,
}
#: First words of a question.
QUESTION_OPENERS = frozenset("what which who why how when where is are can could does do will would should".split())
#: Context topics about one concept: a request for examples that names none means that concept's.
ABOUT_ONE = frozenset({Topic.DEFINE, Topic.CHARACTERISTICS, Topic.CHARACTERISTIC})
#: Words of a question that compares the concepts rather than asks which fits a process.
COMPARING = frozenset("than more less better worse most least compare comparison versus vs".split())
#: Articles a concept's name may follow ("is that a BPO?").
ARTICLES = frozenset({"a", "an", "the"})
#: Words before a concept's name that make it the place of a question ("... in BPO?"), not the answer asked for.
PREPOSITIONS = frozenset("in of for with about to at by from on than under within between into via like".split())
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
                          # "... What do we call that?", "can we outsource it and what's it called", "What category is that?"
                          r"|\bwhat (?:do|would|should|does|did) (?:we|you|i|one|people|they) call (?:that|this|it)"
                          r"(?: (?:if|when|once) (?:we|you|i|they) (?:outsourc\w*|hand\w*|send\w*|farm\w*)(?: [\w-]+){0,3})?"
                          r"|\bwhat(?:'s| is| would be)? (?:that|this|it) called"
                          r"|\bwhat (?:category|class|bucket)(?: of \w+)? (?:is|would) (?:that|this|it)(?: be)?"
                          r"(?: (?:in|into|under))?"
                          # "... - which kind of outsourcing?", "Which outsourcing type?", standing alone at the end
                          r"|(?:^|[-,.;:!?(]\s*|\s-+\s*)(?:so\s+)?(?:which|what) (?:outsourcing )?(?:type|kind|category|model)"
                          r"(?: of (?:outsourcing|work))?(?: (?:fits|applies))?"
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
              r"|{names} (?:i|we) (?:assume|presume|guess|think|reckon|suppose)"
              r"|(?:i|we) (?:assume|presume|guess|suppose) (?:it'?s |that'?s |this is )?{names}"
              r")\s*[?.!]*\s*$")
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
#: A description this long (in words, before its last sentence) is a process described, not a question asked.
DESCRIBED_WORDS = 12
#: A first sentence that says what work is wanted done ("We need tax planning advice for ...", "our team wants someone
#: to ...").
WORK_WANTED = re.compile(r"^\W*(?:(?:so|hi|hello|ok|okay)\W+)?(?:we|i|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:really\s+|urgently\s+)?"
                         r"(?:need|needs|want|wants|would like|'d like|are looking for|'re looking for|am looking for)\b",
                         re.IGNORECASE)
#: A last sentence that asks only which kind is this short ("bpo or kpo?", "is that KPO then?").
SHORT_QUESTION = 6
#: "is that KPO?", "would it be BPO", "that's KPO right?": the process described before, offered as one concept.
POINTED_CHOICE = re.compile(r"\W*(?:(?:so|and|but|ok|okay)\W+)?(?:(?:is|would|will|does)\s+(?:that|it|this)|"
                            r"(?:that|it|this)(?:'s|\s+is|\s+would\s+be))\b", re.IGNORECASE)
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
#: Words in a message that ask something of the assistant, wherever they stand ("Honestly I just want to know ...").
ASKS_OF_US = re.compile(r"\b(?:want|like|need) to know\b|\btell me\b|\b(?:can|could) you\b|\bshow me\b|\bexplain\b",
                        re.IGNORECASE)
#: Words opening a sentence that asks something of the assistant ("Tell me the main risks of BPO.", "Any tips ...").
REQUEST_OPENERS = frozenset("tell explain show list give define compare describe help any what how why who when "
                            "where can could".split())


#: A first sentence that asks which kind what follows is ("Which kind is this? We outsource ...", "What would
#: you call transcription of recorded meetings? Our vendor ...").
ASKS_FIRST = re.compile(r"^\s*(?:which (?:one|model|kind|type|option|category) (?:is|fits) (?:this|it|that|ours)"
                        r"|what would you call\b[^?.!]*|how would you classify\b[^?.!]*"
                        r"|what (?:kind|type|sort) of (?:outsourcing|model|work) is\b[^?.!]*)\s*\?", re.IGNORECASE)
#: Words that ask to be guided through the classification ("ask me questions", "walk me through it").
GUIDED = frozenset("classify classification guide guided walk interview quiz questionnaire checklist criterion "
                   "criteria".split())
#: The words of GUIDED that ask for a class, not for the questions.
CLASSIFYING = frozenset({"classify", "classification"})
#: A request to classify the process a message describes ("can you help me classify this: overnight phone answering").
CLASSIFY_THIS = re.compile(r"\bclassify\s+(?:this|that|it|these|them)\b|\bhow\s+(?:would|do|should)\s+(?:you|we|i)\s+"
                           r"classify\b", re.IGNORECASE)
#: Words that ask to be guided only in a message about nothing else ("how can we decide?", not "how do we get our
#: data back out if we decide to switch vendors?").
GUIDED_ALONE = frozenset("again decide assess test".split())
HELP_ME = re.compile(r"\bhelp (?:me|us)\b|\bask (?:me|us)\b|\bquestions? (?:to|that|so)\b|\bstep by step\b",
                     re.IGNORECASE)
#: The process a message says is handed out, after the verb that hands it out ("we want to send out invoice
#: scanning and indexing", "hand pharmacovigilance medical review to a specialist provider", "an external team
#: to do reservoir simulation modelling"), up to the end of its clause or whom it goes to.
HANDED_OUT = re.compile(
    r"\b(?:outsourc(?:e|es|ed|ing)|offshor(?:e|es|ed|ing)|send(?:s|ing)?\s+out|sent\s+out|"
    r"hand(?:s|ing|ed)?(?:\s+(?:off|over))?(?!\s+out\b)|farm(?:s|ing|ed)?\s+out|contract(?:s|ing|ed)?\s+out|"
    r"to\s+do|help\s+with|"
    # who is to do it: "need someone to take our inbound calls", "an outside team to staff the hotline", "a remote
    # team handling appointment scheduling" (not "we have to run an old app")
    r"(?:someone|somebody|team|firm|partner|agency|vendor|provider|lab|company|contractor|consultants|experts|"
    r"specialists)\s+(?:to\s+(?:take(?:\s+(?:on|over))?|staff|run|build|handle|perform|carry\s+out)|handling))\s+"
    # not the question after "what kind of outsourcing": "... does that count as?", "... is this?"
    r"(?!(?:to|it|them|this|that|something|everything|anything|does|do|did|is|are|was|would|will|can|could|should)\b)"
    r"(?:(?:our|the|its|their|all|some|my|your)\s+)?(?P<task>[^,.;:!?()]+?)"
    r"(?=\s+(?:to|with|because|since|which|where|so|next|this|last|is|are|was|were|has|have|and\s+(?:we|they|it|the))\b"
    r"|\s*[,.;:!?()]|\s-+\s|$)",
    re.IGNORECASE)
#: A process sent to a provider ("sending warranty claim form processing to an outside provider"); sending
#: invoices to customers hands nothing out.
SENT_TO = re.compile(
    r"\b(?:sen(?:d|ds|ding|t)|mov(?:e|es|ing|ed))\s+"
    r"(?:(?:our|the|all|some|my)\s+)?(?P<task>[^,.;:!?()]+?)\s+to\s+(?:(?:an?|the|our|some)\s+)?"
    r"(?:(?:outside|external|third-party|specialist|offshore|nearshore|[\w]+-[\w-]+)\s+)?"
    r"(?:provider|vendor|firm|company|partner|specialist|contractor|agency|supplier|outsourcer|team)s?\b", re.IGNORECASE)
#: A clause that only says who asks or about what, before the message ("Logistics question: ...", "Media group here.").
PREAMBLE_END = r"\b(?:here|question|query)\s*$"
PREAMBLE = re.compile(rf"^\s*(?!(?:we|i|they|you|our|my)\b)(?:[\w&'-]+\s+){{0,3}}{PREAMBLE_END}", re.IGNORECASE)
#: Who wants what, before what they want ("our engineers need a ...", "the board would like someone to ...").
WANTED = re.compile(r"^.*?\b(?:wants?|needs?|wish(?:es)?|would like|'d like)\s+"
                    # whom they want for it ("a partner for", "someone to"), else the work's article
                    r"(?:(?:(?:an?|the|some)\s+)?(?:[\w-]+\s+)?(?:partner|provider|vendor|team|firm|agency|company|consultants?|"
                    r"specialists?|contractors?|supplier|experts?)\s+(?:for|to)\s+|(?:someone|somebody|people)\s+(?:for|to)\s+"
                    r"|(?:an?|the|some)\s+(?:to\s+)?|to\s+)",
                    re.IGNORECASE)
#: "we <verb>" opening a clause that then names the work ("we process airline seat change requests"), but not "we
#: are", "we want to", "we plan" and the like.
WE_DO = re.compile(r"\s*(?:we|i|they)\s+(?:(?:also|currently|still|usually|often|just|basically|mostly|now)\s+)?"
                   r"(?!(?:are|am|is|was|were|have|has|had|will|would|could|should|can|may|might|must|want|wants|need|"
                   r"needs|plan|plans|think|hope|wish|like|love|got|get|'re|'ve|'d|'ll)\b)[a-z]+\s+(?!to\b)(?=\w)",
                   re.IGNORECASE)
#: "where do they NOT overlap?", "what don't they have in common?": how the concepts differ, not what they share.
NOT_ALIKE = re.compile(r"(?:\bnot|n't|\bnever)\s+(?!(?:true|right|correct|so)\b)(?:\w+\s+){0,3}?"
                       r"(?:overlap\w*|alike|similar\w*|the same|share\w*|"
                       r"in common|agree\w*)\b", re.IGNORECASE)
#: Words that ask which concept is better ("which is better, BPO or KPO?", "which should we go with?").
BETTER = re.compile(r"\b(?:better|best|superior|preferable|prefer|winner|(?:choose|pick|go with|use)\b.*\bor\b)",
                    re.IGNORECASE)
#: The words such a question may hold besides the concepts' names, as lemmas: nothing to weigh them on.
OVERALL_WORDS = frozenset("better well best good superior preferable prefer winner choice choose pick option overall general "
                          "generally bottom line honestly really right recommend go use company business firm organisation "
                          "organization one two like ours".split())
#: Words that say what kind of organisation asks ("better for a small startup like ours", "for a big company with no
#: IT team"): no work to weigh the concepts on.
WHO_ASKS = frozenset("small smaller large larger big bigger medium mid midsize size sized startup start sme smb "
                     "enterprise corporate corporation team department group shop it us we our ours".split())
#: A comparative said of the concepts: "is ... more secure", "is ... less risky", "quicker" (a word ending so that
#: is a form of a shorter one, see :func:`_unweighed_comparative`); "needs less maintenance" says no quality.
ASKED_MORE = re.compile(r"\b(?:is|are|be|'s|seems?|sounds?)\s+(?:[\w-]+\s+){0,4}?(?:more|less)\s+([a-z][\w-]+)|"
                        r"\b([a-z]+er)\b(?!\s+(?:terms|words|language|english)\b)", re.IGNORECASE)
#: Words that ask what the concepts share ("what do BPO and KPO have in common?", "are both ...").
ALIKE = re.compile(r"\b(?:similar\w*|alike|like|resembl\w*|share[sd]?|sharing|common|same|both|overlap\w*|each|other)\b",
                   re.IGNORECASE)
#: Words that name no work on their own ("hand over the whole thing").
GENERIC_WORK = frozenset("thing stuff work process task job lot part piece rest whole focus attention customer "
                          "people staff employee user".split())
#: Words that lead into a question without being part of it ("so who decides which operating system runs?").
LEAD_INS = frozenset("so and but ok okay then well also".split())
#: A question that asks for a number or a duration ("how long is a typical contract term?", "how many agents").
FIGURES = re.compile(r"\bhow (?:long|many|soon)\b|\bwhat percentage\b|\bhow much (?:time|money)\b"
                     # a size asked ("and by how much typically? any percentages?", "30% cheaper?")
                     rf"|\bby how much\b|{topics.SHARE_ASKED}"
                     # a price asked ("what does a vendor charge per agent hour?", "the going hourly rate", "ballpark")
                     r"|\b(?:charges?|costs?|prices?|rates?|fees?|pay)\s+(?:per|an?|each)\s+(?:agent\s+)?"
                     r"(?:hour|agent|seat|user|month|year|head|fte|employee)\b|\bhourly\s+rates?\b|\bballpark\b",
                     re.IGNORECASE)
#: A choice between two words that stands alone: at the start of a message or a clause, and ending one.
OTHER_CHOICE = re.compile(r"(?:^\s*(?:(?:is|are|should|would)\s+(?:(?:we|i)\s+(?:use|pick|choose|go\s+with)\s+)?)?|[,:;]\s*)"
                          r"([A-Za-z][\w-]*)\s+or\s+([A-Za-z][\w-]*)"
                          r"(?=\s*(?:[,?:;.!]|$)|\s+(?:better|best|cheaper|preferable)\b)", re.IGNORECASE)
#: Two words set side by side at the start of a message or a clause ("offshore vs nearshore whats the diff").
VERSUS = re.compile(r"(?:^\s*|[,:;]\s*)([A-Za-z][\w-]*)\s+(?:vs\.?|versus)\s+([A-Za-z][\w-]*)\b", re.IGNORECASE)
#: Words of a question that asks for a choice.
ASKS_A_CHOICE = re.compile(r"\b(?:which|better|best|prefer|choose|pick)\b", re.IGNORECASE)
#: Words of a message that asks which concept to choose for a process ("what do you recommend for ...?",
#: "is BPO a good option for ...?"), however it opens.
CHOOSING_WORDS = re.compile(r"\b(?:which|better|best|prefer|choose|pick|recommend|option|suit|suits|fit|fits|"
                            r"right for|good for|go with|opt for)\b", re.IGNORECASE)
#: Words that ask to stop ("can we stop here?"): a cancel, whatever else the message says.
STOPPING = frozenset("stop cancel quit exit abort halt enough end pause skip forget nevermind".split())
#: Words of a question that asks how to tell which concept fits ("how do we know whether market research is kpo?").
CHOOSING = frozenset("decide choose pick know tell determine figure judge classify categorize categorise".split())
#: Words that ask which concept fits.
FITTING = frozenset({"fit", "suit"})
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
#: What "what kind of ..." asks a kind of, when it asks which concept fits.
KINDS_OF_WORK = frozenset("outsourcing model work process task service thing job arrangement category business".split())
#: "which model is easier to grow quickly?": which concept is more of something, not which fits a process.
WHICH_MORE = re.compile(r"\bwhich\b(?:\s+(?:one|model|type|kind|option|of\s+(?:the\s+two|them|these|those)))?"
                        r"(?P<between>(?:\s+[\w']+){0,8}?)\s+(?P<word>more|less|better|worse|[a-z]{3,}er)\b"
                        r"(?P<after>(?:\s+[\w']+){0,2})", re.IGNORECASE)
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
HOW_NOT_WHICH = frozenset("often much many long soon frequently do does can will is are would could".split())
#: Words of a "how would ..." question that ask which concept fits ("how would you classify that?").
NAMING = frozenset("classify class call categorize categorise category label count".split())
#: Such a question is answered from passages that cover this much of it.
ASKED_COVERAGE = 0.3
#: A question that asks the document, not which fits, and that nothing answers better gets the passages that
#: cover this much of it, as what comes closest.
CLOSEST = 0.15
#: A message NLU finds off-topic is answered from passages only when they cover this much of it.
OFF_TOPIC_COVERAGE = 0.75
#: A "yes" or "no" before a question ("no, what are the risks?"), set aside to read the question.
REPLY_FIRST = re.compile(r"^\s*(?:yes|yeah|yep|yup|no|nope|nah|ok|okay|sure|not quite|not really)\b[\s,.!-]*",
                         re.IGNORECASE)
#: Words of a request for help that speaks to the assistant ("can you help me ...", "how do I ask ...").
TO_THE_ASSISTANT = frozenset("you your me my i help ask bot assistant".split())
#: A question about a concept with this many words its definition does not use asks more than the definition.
BEYOND_WORDS = 3
#: A question this long (in words), all of them known, is clear: it is answered, not asked what it meant.
CLEAR_WORDS = 5
#: Answers about the user's own process: a name in it ("we use SAP for payroll") is part of the task.
DECIDING = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.ASK_TASK})
#: Intents the clarification may offer; the others are not worth a button.
OFFERABLE = tuple(CLARIFY_LABELS)


#: The key of an earlier message (:attr:`Context.earlier`) given while a form was active.
IN_FORM = "in_form"


@dataclass
class Context:
    """What the conversation was about before this turn (the context slots, see :mod:`bot.contract`)."""

    concept: str | None = None
    aspect: str | None = None
    characteristic: str | None = None
    task: str | None = None
    topic: str | None = None
    #: The earlier messages as Rasa parsed them (``text``, ``intent``, ``entities``; :data:`IN_FORM` when given
    #: as an answer in the guided classification), latest first: a follow-up such as "and IaaS?" asks one of
    #: them again (see :func:`asked_again`).
    earlier: tuple[Mapping[str, Any], ...] = ()


@dataclass
class Turn:
    """One user message as the dialogue logic needs it.

    Attributes:
        text: The message as typed (or a button's payload).
        intent: The intent NLU predicted.
        mentions: The names and tasks the message mentions.
        context: What the conversation was about before.
        ranking: The intents NLU ranked, with their confidence, best first.
    """

    text: str
    intent: str
    mentions: Mentions = field(default_factory=Mentions)
    context: Context = field(default_factory=Context)
    ranking: list[tuple[str, float]] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        """The message's lower-case words."""
        return set(tokens(self.text))

    def refers_back(self) -> bool:
        """Whether the message points back at something in context ("examples of it", "the people there")."""
        return bool(self.words & PRONOUNS) or THERE.search(self.text) is not None

    def context_concept(self) -> str | None:
        """The concept named now, else the one in context."""
        return self.mentions.concept or self.context.concept


def _other(facts: Facts, concept: str | None) -> str | None:
    others = [c.abbreviation for c in facts.store.concepts() if c.abbreviation != concept]
    return others[0] if concept and others else None


def _topic_words(facts: Facts, text: str, unsaid: bool = False) -> str:
    """The content of a question, for "the document does not say anything about ...": its own words.

    Args:
        facts: The store and its passages.
        text: The question.
        unsaid: Only the words the document never uses ("hardware" is no topic it is silent on).
    """
    concept_words = {w for c in facts.store.concepts() for w in tokens(f"{c.abbreviation} {c.name}")}
    stops = set(QUESTION_WORDS) | concept_words
    words = re.findall(r"[\w/&'-]+", text)
    kept = [i for i, w in enumerate(words) if w.lower() not in stops and content_lemmas(w)]
    if not (unsaid and facts.index is not None):
        return " ".join(words[i] for i in kept) or "that"
    used = facts.index.idf
    kept = [i for i in kept if not all(base in used for base in content_lemmas(words[i]))]
    # words side by side make a phrase ("cloud computing"), words here and there a list ("salary, agent or earn")
    phrases: list[list[str]] = []
    for i in kept:
        if phrases and i - 1 in kept:
            phrases[-1].append(words[i])
        else:
            phrases.append([words[i]])
    return listed(list(dict.fromkeys(" ".join(p) for p in phrases)), "or") or "that"


# -- per intent -----------------------------------------------------------------


def on_define(facts: Facts, turn: Turn) -> list[Answer]:
    """A definition, a characteristic, a table row asked as "what is", or a passage found by search."""
    m, store = turn.mentions, facts.store
    # "content moderation by a fixed policy guide, 24/7 - bpo right?" asks which fits, not what 24/7 is
    if fit := which_fits(facts, turn):
        return [fit]
    if m.characteristic:  # "is it cheaper?" after KPO asks Cost Efficiency of KPO ("how does it work?" asks of itself)
        of_it = re.match(r"\W*(?:(?:so|and|but|ok)\W+)?(?:is|are|does|do|can|will|would)\s+(?:it|they)\b", turn.text,
                         re.IGNORECASE)
        return _characteristic(facts, turn.text, m.characteristic, m.concept or (turn.context.concept if of_it else None))
    if m.aspect and (found := _topic_over_row(facts, turn)):  # "how does outsourcing reduce risk exactly?"
        return found
    if m.aspect:  # "what is KPO's risk type?" asks for a row of the table
        one = m.concept if len(m.concepts) == 1 else None
        return [answers.compare_aspect(store, m.aspect, one, turn.text)]
    if m.concepts and (found := _on_topic(facts, turn)):  # without a concept, a passage search says more
        return found
    wants_list = bool(set(content_lemmas(turn.text)) & LIST_WORDS)
    # "is BPO suitable for core business functions?" asks what a passage outside the definition says
    if m.concepts and not wants_list and (passages := _beyond_definition(facts, turn)):
        return [passages]
    if m.concepts and wants_list:
        return [answers.characteristics(store, c) for c in m.concepts]
    if m.concepts:
        definitions = [answers.define(store, c) for c in m.concepts]
        # "what languages do offshore BPO agents usually speak?" asks more than what BPO is: what comes
        # closest, when it says more of what was asked than the definition
        if (_asks_beyond(facts, turn, definitions) and (passages := _passages(facts, turn, coverage=CLOSEST))
                and _left_out(facts, turn, [passages]) < _left_out(facts, turn, definitions)):
            return [passages]
        return definitions
    if turn.refers_back() and turn.context.concept:
        build = answers.characteristics if wants_list else answers.define
        return [build(store, turn.context.concept)]
    topic = _topic_words(facts, turn.text)
    if wants_list or topic == "that":
        return [answers.which_concept(store, Intent.DEFINE)]
    # "how does an outsourcing partner help with seasonal spikes in work?": a topic, of both concepts
    # (not "what is team augmentation?", which asks what a thing the document never names is)
    if (not re.match(r"\s*(?:what(?:'s|\s+is|\s+are)|define|meaning of)\b", turn.text, re.IGNORECASE)
            and _asks_a_topic(facts, turn.text) and (found := _on_topic(facts, turn))):
        return found
    return [_passages(facts, turn, coverage=retrieve.LOOSE)
            or answers.not_in_document(store, _topic_words(facts, turn.text, unsaid=True))]


def on_compare(facts: Facts, turn: Turn) -> list[Answer]:
    """The similarities, one row of the table, a characteristic, or the whole table."""
    m, store = turn.mentions, facts.store
    # "which frees us up more to focus on our core business?": to focus on one's own work is no Focus row ("what does
    # KPO focus on?" asks the row)
    if m.aspect and re.search(rf"\b{re.escape(m.aspect)}(?:es|ed|ing|s)?\s+(?:more\s+)?on\s+(?:our|its|their|your|the\s+core|"
                              r"core)\b", turn.text, re.IGNORECASE):
        m = replace(m, aspects=[a for a in m.aspects if a != m.aspect])
        turn = replace(turn, mentions=m)
    # "... no two cases are alike. would that be bpo or kpo" asks which fits, not what they share; so does "...
    # second reads of complex scans. What kind of outsourcing is that?", not how complex each is
    if ((turn.intent == Intent.SIMILARITIES or WHICH_ARE_WE.search(turn.text))
            and (fit := which_fits(facts, turn))):
        return [fit]
    # "what do we even get out of BPO besides saving money?" asks of BPO alone, not what it shares with KPO
    if turn.intent == Intent.SIMILARITIES and len(set(m.concepts)) == 1 and not ALIKE.search(turn.text):
        return on_define(facts, turn)
    # "do they both need vendor management? yes or no": the one similarity asked, not all of them
    if turn.intent == Intent.SIMILARITIES and not NOT_ALIKE.search(turn.text) and (shared := _one_similarity(facts, turn)):
        return [shared]
    if turn.intent == Intent.SIMILARITIES:  # ("where do BPO and KPO NOT overlap?" asks how they differ)
        return [answers.compare(store) if NOT_ALIKE.search(turn.text) else answers.similarities(store)]
    if m.aspect and (found := _topic_over_row(facts, turn)):  # "does outsourcing lower our risk?"
        return found
    if m.aspect:
        one = m.concept if len(m.concepts) == 1 else None
        if one is None and not m.concepts and turn.refers_back():
            one = turn.context.concept
        # "does BPO scale better? and which one is more innovative?": each row asked, in the order asked (not "what tech
        # do KPO people use?", whose "people" only says whose tools); the first is what a follow-up asks of again
        rows = {a.name for a in store.aspects()}
        several = len(_sentences(turn.text)) > 1 or re.search(r",|\b(?:and|also|plus|as\s+well\s+as)\b", turn.text)
        asked = [a for a in dict.fromkeys(m.aspects) if a in rows][:None if several else 1] or [m.aspect]
        first, *more = (answers.compare_aspect(store, aspect, one, turn.text) for aspect in asked)
        # of one concept, what its characteristic on the row says ("and with iaas, what exactly can I control": Full
        # Control, "The customer chooses the operating system ...")
        if not more:
            return _with_characteristic(facts, first, one)
        return [first, *(replace(row, aside=True) for row in more)]
    if m.characteristic:
        # "Which is more efficient, BPO or KPO?": one concept's characteristic (Improved Efficiency) does not say
        # which; what the document says on the topic does, or that it does not compare them
        if len(m.concepts) != 1 and _which_more(turn.text) and (found := _on_topic(facts, turn)):
            return found
        return _characteristic(facts, turn.text, m.characteristic, m.concept)
    # "is updating CRM contact records BPO or KPO?" asks which fits a process, not how they differ
    if fit := which_fits(facts, turn):
        return [fit]
    if found := _on_topic(facts, turn):
        return found
    # "bpo vs kpo toolz": a row NLU did not name, found by the question's words (a process named is
    # compared on the whole table: "how do bpo and kpo differ for customer service"); how deep the difference goes
    # is no row ("what's the basic difference": "basic" is no "Standard Tools")
    if facts.index is not None and not m.task and (row := retrieve.best_row(facts.index, turn.text, _concepts_asked(turn),
                                                              INTENT_WORDS[Intent.COMPARE] | topics.GRADING)):
        one = m.concept if len(m.concepts) == 1 else None
        return [answers.compare_aspect(store, row, one, turn.text)]
    # "which one will make our day to day operations run more efficiently?" asks no difference row by row; nor does
    # a yes or no question that asks no difference ("can KPO be offshore too or only BPO?"; "is KPO harder than BPO?"
    # asks one, on a row the question's words may not name)
    yes_no = (set(_opening(turn.text)[:1]) & YES_NO and not set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.COMPARE]
              and not answers.COMPARATIVE.search(turn.text))
    if (_which_more(turn.text) or yes_no) and (passages := _passages(facts, turn)):
        # "which of the two frees us up more to focus on our core business?": a thing they share is weighed for neither
        if _which_more(turn.text) and _quotes_a_similarity(store, passages):
            names = " or ".join(c.abbreviation for c in store.concepts())
            return [Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED),
                    passages]
        return [passages]
    # "who sets the service levels, us or the provider?" (after "what is BPO?") names neither concept, nor points back
    # at one ("who do they employ"), and asks no difference: the passages that answer it, not the whole table
    if (_is_question(turn.text) and not m.concepts and not turn.refers_back() and not BOTH_MEANT.search(turn.text)
            and set(_opening(turn.text)[:1]) & (WH_WORDS - {"which", "what"})
            and not set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.COMPARE] and (passages := _passages(facts, turn))):
        return [passages]
    return [answers.compare(store)]


#: Words that mean both concepts without naming them: "when would you pick one over the other?", "how do both measure up?".
BOTH_MEANT = re.compile(r"\b(?:both|either|neither|the\s+two|each\s+other|the\s+other|one\s+over)\b", re.IGNORECASE)


def _with_characteristic(facts: Facts, row: Answer, concept: str | None) -> list[Answer]:
    """A row's answer for one concept, and beside it the concept's characteristic whose title names the row.

    "and with iaas, what exactly can I control": the row Control, and Full Control ("The customer
    chooses the operating system and every program above it.").
    """
    if concept is None or row.aspect is None or not row.found:
        return [row]
    named = set(content_lemmas(row.aspect))
    found = facts.store.concept(concept)
    for item in found.characteristics if found is not None else ():
        # ("Focus on Core Activities" is the client's own focus, not the row Focus)
        if named & set(content_lemmas(item.title)) and not re.match(r"\w+\s+on\b", item.title):
            return [row, replace(answers.characteristic(facts.store, item.title, concept), aside=True)]
    return [row]


def _topic_over_row(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A topic asked in a phrase that holds a word of the row NLU found, answered instead of the row.

    "how does outsourcing reduce risk exactly?" asks how risk is spread and reduced, not the Risk Type row; "what are
    the risks of KPO?" names the row's word alone, and gets the row.
    """
    written = f" {' '.join(tokens(turn.text))} "
    row_words = set(content_lemmas(turn.mentions.aspect or ""))
    for topic in _asked_topics(facts, turn.text) if facts.index is not None else []:
        if any(f" {phrase} " in written and set(content_lemmas(phrase)) & row_words for phrase in topic.phrases):
            return _on_topic(facts, turn) or None
    return None


def _quotes_a_similarity(store: answers.FactStore, passages: Answer) -> bool:
    """Whether an answer of passages quotes a sentence of a similarity ("Both BPO and KPO enable ...")."""
    shared = [s.text for s in store.similarities()]
    return any(item.strip(' "') in text for item in passages.items for text in shared)


def _one_similarity(facts: Facts, turn: Turn) -> Answer | None:
    """The similarity a question about what the concepts share asks about, if it asks about one.

    NLU's characteristic when it is a similarity's title ("Vendor Management"), else the one
    similarity whose title shares a word with the question ("... in common when it comes to risk?":
    Risk Management). "Yes:" first for a question whether both have it.
    """
    store, m = facts.store, turn.mentions
    # ("so which of the two is cheaper?" compares them: the document does not, on cost)
    if topics.compares(turn.text, list(m.concepts)):
        return None
    asked = set(content_lemmas(turn.text)) - answers.concept_name_lemmas(store)
    titles = [m.characteristic] if m.characteristic and store.similarity(m.characteristic) else [
        s.title for s in store.similarities() if set(content_lemmas(s.title)) & asked]
    if len(titles) != 1:
        return None
    # "do they both ...?", "are BPO and KPO both ...?": yes, it is a similarity ("can one provider handle both?" is no such)
    names = facts.names.concept_names
    yes = re.match(rf"\W*(?:do|does|are|is|can|will|would)\s+(?:(?:they|(?:{names})\s+and\s+(?:{names}))\s+)?both\b",
                   turn.text, re.IGNORECASE) is not None
    return answers.similarity(store, titles[0], yes=yes)


def _similarity_asked_after(facts: Facts, turn: Turn) -> Answer | None:
    """The similarity a follow-up to the similarities points at: "does that include innovation?" (not the row).

    Right after the similarities, a question that refers back to them, names no single concept, asks no
    difference, and names one similarity's title (or a word of it) asks about that similarity.
    """
    # ("how do they differ on innovation?" asks the row)
    if (turn.context.topic != Topic.SIMILARITIES or not turn.refers_back() or len(set(turn.mentions.concepts)) == 1
            or DIFFERENCE.search(turn.text) or COMPARING & set(tokens(turn.text))):
        return None
    return _one_similarity(facts, turn)


def on_example(facts: Facts, turn: Turn) -> list[Answer]:
    """Whether a task is an example, or the examples of one concept or all."""
    m, store = turn.mentions, facts.store
    asks_example = bool(set(content_lemmas(turn.text)) & INTENT_WORDS[Intent.EXAMPLE])
    if m.task and (named := _task_named_as_characteristic(facts, turn, m.task)) is not None:
        return named
    if m.task:
        # "does KPO include payroll?" asks whether the examples include it ("does IaaS include the OS?" names none)
        asks_example = asks_example or "include" in content_lemmas(turn.text)
        if not asks_example and (found := _what_on_topic(facts, turn)):
            return found
        # "how long does it take to transition a process over to a BPO provider?" asks the document
        if not asks_example and _opens_not_which(turn.text) and not _asks_which(facts, turn.text):
            return on_recommend(facts, turn)
        # "is AI going to make BPO call centres obsolete?" asks neither which fits nor for examples: no verdict on a
        # process the document does not name
        if (not asks_example and _is_question(turn.text) and not _asks_which(facts, turn.text)
                and _asks_of_no_process(facts, turn.text, m.task)):
            return on_recommend(facts, turn)
        # "is customer onboarding with strict rules and a standard checklist BPO?": how it is done weighs too
        described = None if asks_example else _task_from_text(facts, turn.text)
        task = _named_task(facts, turn) if described else m.task
        # "is customer service bpo or kpo?" asks which, not whether it is the first one named: no "Yes:"
        if len(set(m.concepts)) > 1 and store.concept_of_example(task) is not None:
            return [answers.recommend(store, facts.recommender, task)]
        given = answers.is_example(store, facts.recommender, task, m.concept, fit_first=not asks_example,
                                   described=described)
        # "KPO doesnt include payroll, right?": a "Yes" or "No" would answer the negation, so neither is said
        if answers.UNSURE_CLAIM.search(turn.text) and (bare := re.match(r"(?:Yes|No): (\w)", given.text)):
            given = replace(given, text=bare.group(1).upper() + given.text[bare.end():])
        return [given]
    if fit := which_fits(facts, turn):
        return [fit]
    # "how long is a typical BPO contract term?" asks the document, not for examples
    if not asks_example and _opens_not_which(turn.text):
        return on_recommend(facts, turn)
    # "any downsides to KPO?" asks a topic, not for examples
    if m.concepts and not asks_example and _asks_a_topic(facts, turn.text) and (found := _on_topic(facts, turn)):
        return found
    # "Do BPO vendors typically need advanced tools?" asks a row of the table, not for examples
    if not asks_example and (m.aspect and store.aspect(m.aspect) or m.characteristic):
        return on_define(facts, turn)
    # "what kind of decisions does KPO output feed into?" asks about decisions, not for kinds of KPO work
    if (not asks_example and (kind := KIND_OF.search(turn.text)) and lemma(kind.group(1).lower()) not in KINDS_OF_WORK
            and not re.fullmatch(facts.names.concept_names, kind.group(1), re.IGNORECASE)
            and facts.index is not None and lemma(kind.group(1).lower()) in facts.index.idf
            and (passages := _passages(facts, replace(turn, text=turn.text[kind.start():]), coverage=CLOSEST))):
        return [passages]
    if m.concepts:
        return [answers.examples(store, c) for c in m.concepts]
    # "examples of it", or "what are some typical examples?" right after what SaaS is
    if turn.context.concept and (turn.refers_back() or turn.context.topic in ABOUT_ONE):
        return [answers.examples(store, turn.context.concept)]
    return [answers.examples(store)]


#: "what kind of X": what a question asks the kinds of.
KIND_OF = re.compile(r"\b(?:kinds?|types?|sorts?)\s+of\s+(\w+)", re.IGNORECASE)
#: Nouns whose kinds are the concepts' examples ("what kind of work is KPO?", "what types of services does IaaS
#: offer?"), as lemmas.
KINDS_OF_WORK = frozenset("work task process job function service thing stuff activity activities project role "
                          "example outsourcing operation duty assignment business company companies firm firms "
                          "industry industries application app software offering product solution".split())


def on_recommend(facts: Facts, turn: Turn) -> list[Answer]:
    """Which concept fits the task the message describes, or a question for the task.

    A question about a topic ("which gives better value for money?") that names no process
    the document settles is answered on the topic instead.
    """
    from_text = _task_from_text(facts, turn.text)
    task = turn.mentions.task or from_text
    if not task:
        if found := _on_topic(facts, turn):
            return found
        # "which should we pick?" asks for a fit; "can an outsourcing provider absorb that?" asks the document
        if (_opens_not_which(turn.text) and not _asks_which(facts, turn.text)
                and (passages := _passages(facts, turn, coverage=ASKED_COVERAGE))):
            return [passages]
        return [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]
    if found := _what_on_topic(facts, turn):
        return found
    if (named := _task_named_as_characteristic(facts, turn, task)) is not None:
        return named
    # "which one gives us more control, SaaS or IaaS?": the "task" is a row of the table, compared
    if _compares(turn) and (row := _row_named(facts, task)):
        return [answers.compare_aspect(facts.store, row, None, turn.text)]
    # "which model is easier to grow quickly?" compares the concepts on a topic; its "task" is no process
    if _which_more(turn.text) and _no_process_asked(facts, turn.text, task):
        if found := _on_topic(facts, turn):
            return found
        return [_passages(facts, turn, coverage=ASKED_COVERAGE) or _closest(facts, turn)]
    # "who is liable if a KPO provider gives bad legal advice?" asks the document, not which fits: its topic
    # or the closest passages; a named process ("why would a company hand off its payroll?") is still placed
    # so does "whats the point of BPO if you ignore the cost savings part?", which names no process the document does
    asks = (_opens_not_which(turn.text) and (set(tokens(turn.text)[:1]) & NOT_WHICH - {"if"}
                                             or not _asks_which(facts, turn.text))
            or _asks_the_document(turn.text) and not _asks_which(facts, turn.text)
            and not CHOOSING_WORDS.search(turn.text) and _no_process_asked(facts, turn.text, task))
    if (asks and not _ends_asking_which(facts, turn.text) and not set(content_lemmas(turn.text)) & FITTING
            and not FALLS.match(turn.text)):
        # why a company would hand off a process the document names is why that concept is used: it is placed
        # ("Why would a company hand off its payroll to an outside firm in the first place?")
        why_this = _document_names(facts, task) and {t.key for t in _asked_topics(facts, turn.text)} <= WHY_TOPICS
        if not why_this and (found := _on_topic(facts, turn)):
            return found
        if passages := _passages(facts, turn, coverage=ASKED_COVERAGE):
            return [passages]
        # a process the document names is placed ("why would a company hand off its payroll?"); of any other
        # ("how long does it take to transition a process to a BPO provider?") the question is not which fits
        placed = _document_names(facts, task) and not _asks_of_provider(facts, turn.text, task)
        fit = answers.recommend(facts.store, facts.recommender, task) if placed else None
        return [fit] if fit is not None and fit.found else [_closest(facts, turn)]
    asks_which = _asks_which(facts, turn.text)
    # "does our payroll outsourcing vendor have to be GDPR compliant?" asks about security, not which fits payroll
    # ("actuarial valuations, done by qualified actuaries. which bucket?" and "would it be KPO if ...?" ask which)
    if (_is_question(turn.text) and not asks_which and not turn.mentions.concepts and "which" not in tokens(turn.text)
            and (on_topic := _on_topic(facts, turn))):
        return [passages] if (passages := _passages(facts, turn)) else on_topic
    # all the message says of a process weighs too when it asks which fits or just describes one
    # ("... every dossier is custom and needs regulatory experts"), not when it asks the document
    described = from_text if asks_which or not _is_question(turn.text) else None
    # nor does a question NLU took for no request for a fit that never asks which, about a process the document does
    # not name ("is AI going to make BPO call centres obsolete?"; "can we outsource invoice matching?" asks)
    if (_is_question(turn.text) and not asks_which and turn.intent != Intent.RECOMMEND
            and _asks_of_no_process(facts, turn.text, task)):
        return ([passages] if (passages := _passages(facts, turn)) else _on_topic(facts, turn)
                or [_passages(facts, turn, coverage=ASKED_COVERAGE) or _closest(facts, turn)])
    if described:  # the whole message weighs; the task is what it hands out, or NLU's, or its first clause's
        task = (_handed_or_found(turn.mentions.task, _handed_out(facts, turn.text), turn.text)
                or _task_name(facts, turn.text) or task)
    result = answers.recommend(facts.store, facts.recommender, task, described)
    # ("... Philippines or India, which location works better for English-speaking customers?" asks which location)
    if result.found and not (topics.OTHER_CHOICE.search(turn.text) and not turn.mentions.concepts):
        return [result]
    # "which gives a better return on investment?" compares on a topic, and "any drawbacks to KPO?" names
    # only a topic: neither describes a process
    if ((topics.compares(turn.text, turn.mentions.concepts) or topics.only_topic(task, facts.topics))
            and (on_topic := _on_topic(facts, turn))):
        return on_topic
    # "can the scope be adjusted later?" and "can a bpo provider cover the night shifts?" ask the document,
    # not for a fit, as "bpo or kpo for walking the office dog?" does: the passages that answer it, its
    # topic, or the passages that come closest (saying the document does not answer it directly)
    if _is_question(turn.text) and not asks_which:
        if passages := _passages(facts, turn):
            return [passages]
        if on_topic := _on_topic(facts, turn):
            return on_topic
        if passages := _passages(facts, turn, coverage=ASKED_COVERAGE):
            return [passages]
        # no process named, and none asked about: not a recommendation, whatever the words left over
        if not turn.mentions.task:
            return [_closest(facts, turn)]
    return [result]


#: The topics of why a concept is used: asked of a process the document names, its verdict says why.
WHY_TOPICS = frozenset({"purpose"})
#: Context topics after which a process named alone ("what about X?") asks which fits it as well.
AFTER_A_VERDICT = frozenset({Topic.RECOMMEND, Topic.OFFER_CLASSIFY, Topic.CLASSIFY_RESULT})


def on_inform(facts: Facts, turn: Turn) -> list[Answer]:
    """A bare answer: a task to recommend for; else what the message asks about; else a concept to define.

    NLU takes many questions for a bare answer: "is SaaS paid monthly or yearly?" asks the
    document, not which concept fits "yearly"; "how easy is it to scale a bpo contract up?"
    asks about a row; "ok and does it actually save money?" about cost, for the concept in context.
    """
    m = turn.mentions
    # "what about legal contract review" after a verdict asks the same of another process, not about contracts
    if m.task and turn.context.topic in AFTER_A_VERDICT and AGAIN_OPENING.search(turn.text):
        return [answers.recommend(facts.store, facts.recommender, m.task)]
    if m.task:
        return on_recommend(facts, turn)
    # after a verdict, "will they really know more than our own IT guys?" asks about them, not of another process
    if (turn.context.topic in (Topic.ASK_TASK, Topic.RECOMMEND)
            and not (turn.context.topic == Topic.RECOMMEND and ASKS_OF_SOMEONE.match(turn.text))
            and (task := _task_from_text(facts, turn.text))):
        return [answers.recommend(facts.store, facts.recommender, task)]
    if m.aspect or m.characteristic:
        return on_compare(facts, turn)
    if found := _on_topic(facts, turn):
        return found
    if _is_question(turn.text) and (passages := _passages(facts, turn, coverage=ASKED_COVERAGE)):
        return [passages]
    if m.concept:
        return [answers.define(facts.store, m.concept)]
    return [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]


#: A question about what someone does or will do ("will they really know more ...?", "do we still need ...?").
ASKS_OF_SOMEONE = re.compile(r"\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*(?:will|would|do|does|did|are|were)\s+"
                             r"(?:they|the\s+(?:provider|vendor|partner)s?)\s+(?:really|actually|even|still|truly)?\s*"
                             r"(?:know|understand|be|get|care|have)\b", re.IGNORECASE)
#: A follow-up asking what work the concept in context covers: "what kind of stuff would they actually do for us",
#: "what do they do exactly?", "what sort of tasks would it cover?".
WORK_DONE = re.compile(r"\bwhat\s+(?:(?:kind|kinds|sort|sorts|type|types)\s+of\s+)?"
                       r"(?:stuff|work|things|tasks|jobs|services|processes|activities|functions)?\s*"
                       r"(?:do|does|would|could|can|will|might)\s+(?:they|it|those|these|such\s+\w+)\s+"
                       r"(?:(?:actually|usually|typically|normally|really|even|then)\s+)?"
                       r"(?:do|handle|cover|take\s+on|look\s+after|deal\s+with|include)\b", re.IGNORECASE)


def on_follow_up(facts: Facts, turn: Turn) -> list[Answer]:
    """The last answer's question again, for the concept, row or task this message names."""
    m, ctx, store = turn.mentions, turn.context, facts.store
    concept = m.concept
    if concept is None and turn.words & OTHER_WORDS:
        concept = _other(facts, ctx.concept)
    if m.aspect:
        one = concept or ctx.concept
        return _with_characteristic(facts, answers.compare_aspect(store, m.aspect, one, turn.text), one)
    if m.characteristic:
        return _characteristic(facts, turn.text, m.characteristic, concept)
    if m.task and _opens_not_which(turn.text) and not _asks_which(facts, turn.text):
        return on_recommend(facts, turn)  # "who keeps it updated?" asks the document, whatever NLU found in it
    if m.task:
        if ctx.topic == Topic.EXAMPLE:
            return [answers.is_example(store, facts.recommender, m.task, concept or ctx.concept)]
        result = answers.recommend(store, facts.recommender, m.task)
        # "and scaling back down afterwards, possible?" after "can BPO scale up?": no process the document
        # settles, but a topic, of the concept in context
        if not result.found and (found := _on_topic(facts, turn, concept or ctx.concept)):
            return found
        return [result]
    if found := _on_topic(facts, turn, concept or ctx.concept):
        return found
    if (concept is None and ctx.concept and _is_question(turn.text)
            and not set(content_lemmas(turn.text)) & LIST_WORDS and (passages := _passages(facts, turn))):
        return [passages]  # "who runs the servers then?" after "tell me about IaaS": the passages that answer it
    # "ok and what kind of stuff would they actually do for us" after "what's KPO?": the passages closest to it, of
    # the concept in context, not "which one do you mean?"
    if (concept is None and ctx.concept and _asks_past_lead_in(turn.text) and content_lemmas(turn.text)
            and not set(content_lemmas(turn.text)) & LIST_WORDS):
        if WORK_DONE.search(turn.text):
            return [answers.examples(store, ctx.concept)]
        return [_passages(facts, turn, coverage=ASKED_COVERAGE) or _closest(facts, turn)]
    if concept is None:
        if ctx.topic is None:
            first = store.concepts()[0].abbreviation
            names = " and ".join(c.abbreviation for c in store.concepts())
            return [Answer(WORDING["follow_up_nothing"].format(concepts=names, first=first), found=False)]
        return [answers.which_concept(store, Intent.FOLLOW_UP)]
    topic = ctx.topic
    if topic == Topic.CHARACTERISTICS:
        return [answers.characteristics(store, concept)]
    if topic == Topic.CHARACTERISTIC and ctx.characteristic:
        return _characteristic(facts, turn.text, ctx.characteristic, concept)
    if topic == Topic.ASPECT and ctx.aspect:
        return _with_characteristic(facts, answers.compare_aspect(store, ctx.aspect, concept), concept)
    if topic == Topic.EXAMPLE:
        if ctx.task:
            return [answers.is_example(store, facts.recommender, ctx.task, concept)]
        return [answers.examples(store, concept)]
    return [answers.define(store, concept)]


def on_cancel(facts: Facts, turn: Turn) -> list[Answer]:
    """A cancel with nothing in progress: a question NLU took for one is answered, else nothing is cancelled.

    "Does outsourcing free my team up to focus on the important stuff?" asks the document; a bare
    "stop" or "never mind" is told there is nothing to cancel.
    """
    if _is_question(turn.text) and not set(content_lemmas(turn.text)) & STOPPING:
        if found := _on_topic(facts, turn):
            return found
        # what comes closest, saying the document does not answer it directly
        if passages := _passages(facts, turn, coverage=CLOSEST):
            return [passages]
    names = " or ".join(c.abbreviation for c in facts.store.concepts())
    return [Answer(WORDING["nothing_to_cancel"].format(concepts=names), found=False, outcome=Outcome.OTHER)]


def on_out_of_scope(facts: Facts, turn: Turn) -> list[Answer]:
    """A message NLU finds off-topic, answered from the document when it names a concept or points back at one.

    Which fits the process it ends asking about; the topic it asks about; the definition when
    it asks nothing but the concept ("whats iaas"); passages that hold most of its words, or
    the closest ones after saying the document does not answer it directly; else that the
    document does not say. A message about nothing of the document gets the scope, in the
    store's own names, after the names it uses that the document never does ("what does
    Microsoft 365 cost per user?").
    """
    # "recommend a good pizza place" is not about the document; "so who installs the software on it?" is, and
    # so is "will IT have to install anything?" after "we're moving our CRM to SaaS"
    follows = turn.context.concept and (turn.refers_back() or _follow_up_question(facts, turn))
    # "our IT helpdesk resets passwords and logs tickets. which type would that be?" names no concept, but asks; so
    # does "my team builds demand forecasting models ..., what kind of outsourcing is that" (not a topic of outsourcing)
    if not turn.mentions.concepts and not follows and (fit := which_fits(facts, turn)):
        return [fit]
    # "how does an outsourcing partner help with seasonal spikes?" names no concept but the field they are kinds of,
    # and asks a topic of the document ("what's the best streaming service for kids?" asks none)
    # nor does "which is safer when demand swings?", which asks which of the two
    if (not follows and not turn.mentions.concepts
            and (set(content_lemmas(turn.text)) & facts.names.field_words and _asks_a_topic(facts, turn.text)
                 or _which_of_two_on_a_topic(facts, turn.text))
            and (found := _on_topic(facts, turn))):
        return found
    if not turn.mentions.concepts and not follows:
        notice = retrieve.unmentioned(facts.index, turn.text, capitalised=True) if facts.index is not None else None
        return [*([notice] if notice else []), answers.out_of_scope(facts.store)]
    if fit := which_fits(facts, turn):
        return [fit]
    if found := _on_topic(facts, turn):
        return found
    # "whats iaas", "saas, what is it exactly": nothing asked but the concept itself
    # ("saas vs iaas tl;dr?" asks how they differ; "explain saas and iaas like i'm 5" what each is)
    if turn.mentions.concepts and facts.index is not None and not facts.index.read(turn.text).words:
        return (DIFFERENCE.search(turn.text) and _asks_how_they_relate(facts, turn.text)
                or [answers.define(facts.store, c) for c in turn.mentions.concepts])
    # NLU found it off-topic: passages are its answer only when they hold most of what the question is about,
    # else what comes closest, saying the document does not answer it directly
    passages = _passages(facts, turn, coverage=retrieve.LOOSE, sure=OFF_TOPIC_COVERAGE)
    if passages is None and (related := _asks_how_they_relate(facts, turn.text)):  # "saas vs iaas in one sentence pls"
        return related
    return [passages or answers.not_in_document(facts.store, _topic_words(facts, turn.text, unsaid=True))]


#: Words of a message that thanks or signs off ("thanks, that covers the risks"): a topic it names asks nothing.
SIGNING_OFF = frozenset("thanks thank thx ty cheers bye goodbye cya later ttyl great perfect awesome cool nice "
                        "helpful got".split())


def on_side_question(facts: Facts, turn: Turn) -> list[Answer]:
    """A question NLU took for "yes", "no", "bye", "thanks" or a request for help, answered from the document; else nothing.

    "so do we have to buy the hardware outright?" after "what is IaaS?" asks the document, on the
    concept in context, and so does "no, what are the risks?" once the "no" is set aside. "no",
    "what can you do?" and a request for help that speaks to the assistant ("can you help me
    understand KPO risks?", "how do I ask about examples?") get the route's fixed response.
    """
    if facts.index is None or not facts.index.read(turn.text).words:
        return []
    # "and risks? theres gotta be downsides" asks, as a question or as a topic that follows on ("and the risks") or is
    # asked ("ok so which works out cheaper"), without thanks or goodbye; "no, cost isn't a concern for us" answers
    # the assistant
    words = set(tokens(turn.text))
    topical = ((AGAIN_OPENING.search(turn.text) or words & WH_WORDS) and not words & SIGNING_OFF
               and any(not topics.asked_weakly(turn.text, t) for t in _asked_topics(facts, turn.text)))
    if not (_is_question(turn.text) or "?" in turn.text or topical) or words & TO_THE_ASSISTANT:
        return []
    if fit := which_fits(facts, turn):
        return [fit]
    if found := _on_topic(facts, turn, turn.context.concept):
        return found
    passages = _passages(facts, turn)
    return [passages] if passages is not None else []


#: A question about what the assistant is ("are you a bot?", "am I talking to a real person?", "who are you?"); not
#: "hey bot, explain kpo" or "are you able to explain KPO?".
WHAT_IT_IS = re.compile(
    r"\b(?:are|r)\s+(?:you|u)\s+(?:(?:a|an|the|really|actually|just|even)\s+)*(?:real\b|human|person|people|bot|robot|"
    r"chatbot|ai\b|machine|computer|program|automated|live\b)|"
    r"\bam\s+i\s+(?:talking|speaking|chatting|writing)\s+(?:to|with)\b|\bwho\s+(?:are|r)\s+(?:you|u)\b|"
    r"\bwhat\s+(?:are|r)\s+(?:you|u)\W*$|"
    r"\bis\s+(?:this|that)\s+(?:(?:really|actually)\s+)?(?:a|an)\s+(?:real\s+)?(?:bot|robot|chatbot|human|person|ai|machine)\b",
    re.IGNORECASE)


def on_bot_challenge(facts: Facts, turn: Turn) -> list[Answer]:
    """A question NLU took for "are you a bot?", answered from the document; else nothing (the fixed reply).

    "Can you break down IaaS for me? I'm not a tech person." asks about a concept: it is answered
    as a question about it. A message that asks what the assistant is ("are you a bot that knows
    KPO?") gets the fixed reply, and so does one that names no concept and asks nothing of the
    document.
    """
    if WHAT_IT_IS.search(turn.text):
        return []
    if turn.mentions.concepts:
        return on_define(facts, replace(turn, intent=Intent.DEFINE))
    return on_side_question(facts, turn)


#: Words of a request that asks only to be told about what it names ("tell me about pay as you go"), as lemmas.
TELL_ME_WORDS = frozenset("tell explain describe detail details info information know learn talk".split())


def on_clarify(facts: Facts, turn: Turn) -> list[Answer]:
    """Offer the two likeliest readings of an unclear message, plus "something else".

    A message that is nothing but concept names, however spelled ("knowledg processs
    outsorcing"), is read as asking what they are.
    """
    if turn.mentions.concepts and _only_concept_names(facts, turn.text):
        return [answers.define(facts.store, c) for c in turn.mentions.concepts]
    if fit := which_fits(facts, turn):  # "payroll processing for our three offices, is that bpo"
        return [fit]
    # "tell me about pay as you go": a characteristic or row by its name, and nothing else asked
    m = turn.mentions
    for named in filter(None, (m.characteristic, m.aspect)):
        if not m.concepts and not set(content_lemmas(turn.text)) - set(content_lemmas(named)) - TELL_ME_WORDS:
            if named == m.characteristic:
                return _characteristic(facts, turn.text, named, None)
            return [answers.compare_aspect(facts.store, named, None, turn.text)]
    # "Long story short, my team of 4 ... What's the core difference between the two types in your doc?"
    if related := _asks_how_they_relate(facts, turn.text):
        return related
    # "are there any downsides to handing stuff off to a bpo vendor?" asks about a topic, whatever NLU thought
    if (turn.mentions.concepts or turn.refers_back() and turn.context.concept) and (found := _on_topic(facts, turn)):
        return found
    # "any downsides?" after BPO's advantages: nothing but a topic, of the concept in context (else of both)
    if (not turn.mentions.concepts and topics.only_topic(turn.text, facts.topics)
            and (found := _on_topic(facts, turn, turn.context.concept))):
        return found
    # "which is safer when demand swings?": which of the two, on a topic
    # (or "which one means more work for my IT team?")
    if (not turn.mentions.concepts and (_which_of_two_on_a_topic(facts, turn.text)
                                        or _which_more(turn.text) and _asks_a_topic(facts, turn.text))
            and (found := _on_topic(facts, turn))):
        return found
    # a question the document's passages answer needs no guess at what was meant
    if _is_question(turn.text) and (passages := _passages(facts, turn)):
        return [passages]
    # nor one about a concept that they come close to ("with iaas where do the actual servers sit?"):
    # what comes closest, after saying the document does not answer it directly
    if (_is_question(turn.text) and _concepts_asked(turn)
            and (passages := _passages(facts, turn, coverage=CLOSEST))):
        return [passages]
    # a clear question, in words of the document or of English, that the document does not answer
    # ("how many agents do we need to staff an outsourced customer service desk?") is told so, not asked what it meant
    if _clear_question(facts, turn.text):
        return [_closest(facts, turn)]
    entities = {}
    for key, value in ((Entity.CONCEPT, turn.mentions.concept), (Entity.ASPECT, turn.mentions.aspect),
                       (Entity.CHARACTERISTIC, turn.mentions.characteristic), (Entity.TASK, turn.mentions.task)):
        if value:
            entities[key] = value
    suffix = json.dumps(entities) if entities else ""
    # "help" and "out_of_scope" are what "Something else" leads to anyway
    unoffered = (Intent.HELP, Intent.OUT_OF_SCOPE)
    choices = [name for name, _ in turn.ranking if name in OFFERABLE and name not in unoffered][:2]
    buttons = [{"title": CLARIFY_LABELS[name], "payload": f"/{name}{suffix}"} for name in choices]
    buttons.append({"title": WORDING["clarify_other"], "payload": "/" + Intent.HELP})
    return [Answer(WORDING["clarify"], buttons=buttons, found=False, outcome=Outcome.CLARIFY)]


# -- the table of routes --------------------------------------------------------------------------

Handler = Callable[[Facts, Turn], list[Answer]]


@dataclass(frozen=True)
class Route:
    """One custom action that answers from the store.

    Attributes:
        action: The action's name in ``domain.yml``.
        intents: The intents whose rules run it.
        answer: Builds its answers for a turn.
        tasks: Whether its intents' messages can be about a task (a process the
            user describes); if not, a "task" entity is dropped.
        restated: ``(entity, value)`` pairs that only restate the intent (the row
            "Examples" in a request for examples); they are dropped.
        asides: Whether what the document says on the rest of a question is added (:func:`respond`).
        otherwise: The domain's response when the route has no answer of its own ("utter_help").
        accepts_offer: A "yes" to an offer of the guided classification starts it.
        second_look: Whether its answers are checked against the paragraph that best matches the
            question (:func:`second_look`); not for a reply about the conversation itself.
    """

    action: str
    intents: tuple[str, ...]
    answer: Handler
    tasks: bool = False
    restated: frozenset[tuple[str, str]] = frozenset()
    asides: bool = True
    otherwise: str = ""
    accepts_offer: bool = False
    second_look: bool = True


ROUTES: tuple[Route, ...] = (
    Route("action_define", (Intent.DEFINE,), on_define, restated=frozenset({(Entity.ASPECT, "Definition")})),
    Route("action_compare", (Intent.COMPARE, Intent.SIMILARITIES), on_compare, tasks=True),
    Route("action_example", (Intent.EXAMPLE,), on_example, tasks=True,
          restated=frozenset({(Entity.ASPECT, "Examples")})),
    Route("action_recommend", (Intent.RECOMMEND,), on_recommend, tasks=True),
    Route("action_inform", (Intent.INFORM,), on_inform, tasks=True),
    Route("action_follow_up", (Intent.FOLLOW_UP,), on_follow_up, tasks=True),
    Route("action_clarify", (Intent.NLU_FALLBACK,), on_clarify, tasks=True, asides=False),
    Route("action_out_of_scope", (Intent.OUT_OF_SCOPE,), on_out_of_scope),
    Route("action_cancel", (Intent.CANCEL,), on_cancel, second_look=False),
    Route("action_help", (Intent.HELP,), on_side_question, otherwise="utter_help"),
    Route("action_deny", (Intent.DENY,), on_side_question, otherwise="utter_anything_else"),
    Route("action_affirm", (Intent.AFFIRM,), on_side_question, otherwise="utter_anything_else", accepts_offer=True),
    Route("action_goodbye", (Intent.GOODBYE,), on_side_question, otherwise="utter_goodbye"),
    # "is it cheaper to outsource that than the AP work?" is no thanks, whatever NLU makes of "than"
    Route("action_thanks", (Intent.THANKS,), on_side_question, otherwise="utter_thanks"),
    Route("action_bot_challenge", (Intent.BOT_CHALLENGE,), on_bot_challenge, otherwise="utter_bot_challenge"),
)
#: The route of each action, and of each intent.
BY_ACTION: dict[str, Route] = {route.action: route for route in ROUTES}
BY_INTENT: dict[str, Route] = {intent: route for route in ROUTES for intent in route.intents}


def read_turn(message: Mapping[str, Any], context: Context, names: Names) -> Turn:
    """The turn in Rasa's parse of a message (``text``, ``intent``, ``entities``, ``intent_ranking``).

    Args:
        message: The tracker's latest message.
        context: The context slots.
        names: The store's names, to resolve the entities.
    """
    intent = (message.get("intent") or {}).get("name") or ""
    text = message.get("text") or ""
    ranking = [(r.get("name"), r.get("confidence", 0.0)) for r in message.get("intent_ranking") or []]
    # what the asker says of themselves names nothing asked ("I'm not a tech person": no Technology Use)
    aside = [m.span() for m in SELF_DESCRIPTION.finditer(text)]
    if aside and _without_self_description(text) != text:  # (not "I'm a KPO expert.", all there is)
        entities = [e for e in message.get("entities") or []
                    if not any(start <= (e.get("start") or 0) < end for start, end in aside)]
        message = {**message, "entities": entities}
    return Turn(text=text, intent=intent, mentions=mentions_for(intent, message, names),
                context=context, ranking=ranking)


def mentions_for(intent: str, message: Mapping[str, Any], names: Names) -> Mentions:
    """What a message names, keeping only the entities ``intent`` can use (see :class:`Route`)."""
    route = BY_INTENT.get(intent)
    return resolve(message.get("entities") or [], names, message.get("text") or "",
                   tasks=route.tasks if route else False, restated=route.restated if route else frozenset())


#: The words before a concept a question holds the one in context against: "than BPO", "like SaaS", "as with KPO".
AGAINST = r"(?:than|like|unlike|as\s+(?:with|for|in)|same\s+as)"


def _on_topic(facts: Facts, turn: Turn, concept: str | None = None) -> list[Answer]:
    """What the document says on the topic the question asks about, if it asks about one.

    Args:
        facts: The store and what is derived from it.
        turn: The question.
        concept: The concept a follow-up is about when the question names none.
    """
    asked = _asked_topics(facts, turn.text)
    if not asked:
        return []
    concepts = list(turn.mentions.concepts) or ([concept] if concept else [])
    if not concepts and turn.refers_back() and turn.context.concept:
        concepts = [turn.context.concept]
    elif (turn.context.concept and turn.context.concept not in concepts
          and re.search(rf"\b(?:is|are|'s)\s+(?:it|they)\b[^.?!]*\b{AGAINST}\s+(?:{facts.names.concept_names})\b",
                        turn.text, re.IGNORECASE)):
        # "is it more expensive than BPO?" after KPO: KPO against BPO; "is it billed monthly like saas?" after IaaS
        concepts = [turn.context.concept, *concepts]
    found = topics.answer(facts.store, turn.text, asked, concepts)
    # "how fast can ppl start using a saas tool?": no sentence on the topic (efficiency) for SaaS, but passages that
    # answer the question ("The application works as soon as an account exists.")
    # ("which one is more secure?": a passage that holds only a relative of the topic's own word, "fixed" for
    # "secure", answers nothing the topic did not)
    asks = {lemma(w) for t in asked for w in t.asks}
    if (not found.found and facts.index is not None
            and any(h.matched - asks or h.matched & set(content_lemmas(f"{h.passage.title} {h.passage.text}"))
                    for h in facts.index.find(turn.text, concepts, limit=3))
            and (passages := retrieve.answer(facts.index, turn.text, concepts)) is not None):
        return [passages]
    # "What uptime guarantee do SaaS vendors normally offer?" names the vendor; what it asks is the rest
    # (not a comparison, which is told the document does not compare them; nor a message about a process)
    if (facts.index is not None and not turn.mentions.task and not topics.compares(turn.text, concepts)
            and all(topics.asked_weakly(turn.text, t) for t in asked)):
        left = retrieve.unanswered(facts.index, turn.text, [found])
        if retrieve.leaves_most(facts.index, turn.text, left):
            return [_closest(facts, turn)]
    return [found]


def respond(route: Route, facts: Facts, turn: Turn) -> list[Answer]:
    """The route's answers to a turn, and what the document says on the rest of the question.

    A template answers what it was made for; a question may ask more ("how can KPO lower
    costs when the work is so complex?" is about cost as well as complexity). When the
    answers leave some of the question's words out, what the document says on a topic among
    them, or else a passage that speaks to them, is added as an aside; words the document
    never uses, or names, are said first. Not beside an answer about the user's own process:
    its words are the task ("we do freight booking for a logistics firm"). Passages chosen by
    the question get only the notice of names the document never uses.
    """
    if route.otherwise:  # "no, what are the risks?": the question after the "no"
        turn = replace(turn, text=REPLY_FIRST.sub("", turn.text))
    if (asked := _without_self_description(turn.text)) != turn.text:  # "... I'm not a tech person."
        turn = replace(turn, text=asked)
    if (choice := _other_choice(facts, turn)) is not None:
        return [choice]
    if (named := _no_named_providers(facts, turn) or _no_named_places(facts, turn)
            or _company_placed(facts, turn)) is not None:
        return named
    if (claim := _on_claim(facts, turn) or _quoted_claim(facts, turn)) is not None:
        return claim
    if quiz := QUIZ.match(turn.text):  # left to its route ("true or false: KPO needs more skills than BPO"), unframed
        turn = replace(turn, text=turn.text[quiz.end():])
    if (whose := _whose_characteristic(facts, turn)) is not None:
        return whose
    if (overall := _better_overall(facts, turn)) is not None:
        return overall
    if (again_which := _which_again(facts, turn)) is not None:
        return [again_which]
    if route.tasks and (placed := _each_placed(facts, turn)):
        return placed
    if (shared := _similarity_asked_after(facts, turn)) is not None:
        return [shared]
    if (again := asked_again(facts, turn)) is not None:
        turn, why = again
        if why and (reasons := _reasons(facts, turn)) is not None:
            return reasons
        route = BY_INTENT[turn.intent]
    if turn.intent in ASKED_AGAIN and (verdict := _verdict_on_description(facts, turn)) is not None:
        return [verdict]
    if (term := _quoted_term_asked(facts, turn) or _definition_then_remark(facts, turn)) is not None:
        turn, route = term, BY_INTENT[Intent.DEFINE]  # "... keeps dropping 'nearshore' ... What does it mean?"
    results = route.answer(facts, turn)
    # the words of a process the user describes are the task, not more questions
    deciding = any(a.topic in DECIDING for a in results)
    # (an aside the route gave, a characteristic on the row asked, leaves the rest of the question asked)
    if (route.asides and any(not a.aside for a in results) and not deciding
            and all(a.found for a in results if not a.aside) and not any(a.aside and a.topic != Topic.CHARACTERISTIC
                                                                         for a in results)
            and facts.index is not None):
        asked = _last_question(turn)  # what sentences before the question say is not asked
        answered = INTENT_WORDS.get(asked.intent, frozenset())
        # a template's answer that leaves most of the question out gets the closest passages on the rest, or
        # says the document never speaks of it (passages and topic answers were chosen by the question)
        templates = not any(a.topic == Topic.SEARCH for a in results)
        left = retrieve.unanswered(facts.index, asked.text, results, answered)
        most = templates and retrieve.leaves_most(facts.index, asked.text, left, answered)
        # a topic the template left out ("how can KPO lower costs when the work is so complex?": cost),
        # else the passages on the rest of the question
        extra = (templates and _topic_left(facts, asked, left)
                 or retrieve.aside(facts.index, asked.text, _concepts_asked(asked), results, answered,
                                   adds=retrieve.LOOSE if most else retrieve.ADDS, left=left))
        if extra is not None:
            # (a sentence the answers already quote is not quoted again: "how easy is it to scale a bpo contract up
            # for the rush?" gets Scalability and Flexibility beside the row, and the topic's other sentences)
            said = " ".join(retrieve.shown(a) for a in results)
            items = [i for i in extra.items if not ((quote := re.search(r'"(.+)"', i)) and quote.group(1) in said)]
            if items != extra.items:
                extra = replace(extra, items=items) if items else None
        if extra is not None:
            results.append(extra)
        # (words the document never uses are said even beside an aside on the rest: "contract length")
        if notice := (retrieve.unmentioned(facts.index, asked.text)
                      or most and retrieve.never_said(facts.index, asked.text, left)):
            results.insert(0, notice)
    elif (route.asides and facts.index is not None and any(a.topic == Topic.SEARCH and a.items for a in results)
          and (notice := retrieve.unmentioned(facts.index, turn.text))):
        results.insert(0, notice)  # the closest passages, after the names the document never uses
    if route.second_look:
        results = second_look(facts, turn, results)
    # "how long is a typical BPO contract term?": what the document says on contracts holds no duration
    if (FIGURES.search(turn.text) and any(not a.aside for a in results)
            and all(a.topic == Topic.SEARCH for a in results if not a.aside)
            and not any(topics.has_figure(retrieve.shown(a)) for a in results)
            and not any(WORDING["topic_no_figures"] in a.text for a in results)):
        results.insert(0, Answer(WORDING["no_figures"], aside=True))
    return results


#: An answer that gave up on a question is replaced by the paragraph that best matches it, hedged, when that
#: paragraph covers this share of the question.
SECTION_CLOSEST = 0.2
#: A paragraph is added beside an answer when it matches this share of the question's weight the answer left out.
SECTION_ADDS = 0.5
#: The scope, for a message that names no concept, gives way only to a paragraph covering this share of it.
SCOPE_COVERAGE = 0.5


def second_look(facts: Facts, turn: Turn, results: list[Answer]) -> list[Answer]:
    """The answers, checked against the paragraph of the document that best matches the question.

    That paragraph (a characteristic, a definition, a similarity, a table row) is matched as a
    whole, less the words the intent itself answers. An answer that gave up gives way to it,
    said to be the closest the document comes, after the words it never uses, when it covers
    ``SECTION_CLOSEST`` of the question: "the document does not say anything about ...", a
    guess at what was meant, "which process do you want to outsource?" for a question that
    asks something else, the scope for a message about a concept, and a recommendation
    nothing settles for a message that names no process and does not ask which fits. An
    answer that leaves much of the question out gets the paragraph's other sentences beside
    it. Not for a message that is no question, and never in place of a recommendation.
    """
    if facts.index is None or not results or not _is_question(turn.text):
        return results
    main = [a for a in results if not a.aside]
    if not main or any(a.topic == Topic.RECOMMEND and a.found for a in main):
        return results
    # (what comes closest in passages, and "the document does not cover cost for KPO", are answers already)
    gave_up = all(not a.found and a.topic != Topic.SEARCH for a in main)
    if gave_up and not _may_give_way(facts, turn, main):
        return results
    # beside what comes closest, quoted already, or beside "the document does not cover security for KPO" (where
    # a paragraph one word matches misleads), nothing is added
    if not gave_up and (not any(a.found for a in main)
                        or any(a.topic == Topic.SEARCH and not a.found and a.items for a in main)):
        return results
    answered = INTENT_WORDS.get(turn.intent, frozenset())
    best = facts.index.best_section(turn.text, _concepts_asked(turn), leave_out=answered)
    if best is None:
        return results
    if gave_up:
        absent = retrieve.never_said(facts.index, turn.text, facts.index.question_words(turn.text))
        if best.coverage < SECTION_CLOSEST or _scope_kept(facts, turn, main, best, absent is not None):
            return results
        # what the document never speaks of is said first ("uptime guarantee"), then the closest it comes
        notices = [a for a in results if a.aside and not a.items]
        if not notices and absent is not None:
            notices.append(Answer(say("not_mentioned", names=_topic_words(facts, turn.text, unsaid=True)), aside=True,
                                  outcome=Outcome.NOT_COVERED))
        return [*notices, retrieve.section_answer(best.section, "section_near" if notices else "section_closest",
                                                  found=False)]
    said = " ".join(retrieve.shown(a) for a in results)
    unsaid = [p for p in best.section.passages if p.text not in said]
    if not unsaid:
        return results
    left = retrieve.unanswered(facts.index, turn.text, results, answered)
    if retrieve.share_left(facts.index, turn.text, sorted(best.matched & set(left)), answered) >= SECTION_ADDS:
        return [*results, retrieve.section_answer(best.section, "section_more", aside=True, passages=unsaid)]
    return results


def _may_give_way(facts: Facts, turn: Turn, given: list[Answer]) -> bool:
    """Whether answers that gave up may give way to the closest paragraph (see :func:`second_look`).

    Not "which process?" for a request that asks which fits ("which should we pick?"); not the
    offer of the guided questions for a process the message names or asks about ("can we
    outsource invoice matching?"). The scope is weighed in :func:`_scope_kept`.
    """
    topics_given = {a.topic for a in given}
    if Topic.ASK_TASK in topics_given and (ASKS_A_CHOICE.search(turn.text) or _asks_which(facts, turn.text)):
        return False
    if (Topic.OFFER_CLASSIFY in topics_given and (turn.mentions.task or _asks_which(facts, turn.text))
            and not _compares(turn)):
        return False
    return True


def _scope_kept(facts: Facts, turn: Turn, given: list[Answer], best: retrieve.SectionHit, absent: bool) -> bool:
    """Whether the scope stays the answer to a message that names no concept and has none in context.

    It does unless the closest paragraph holds most of the message and the message uses no word
    the document never does: "can you recommend a good laptop?" is about laptops, "what does
    'raw' mean in raw computing resources?" about the document.
    """
    scope = answers.out_of_scope(facts.store).text
    if not any(a.text == scope for a in given) or _concepts_asked(turn):
        return False
    return absent or best.coverage < SCOPE_COVERAGE


#: The opening of a follow-up that asks the last question again of another concept ("and for KPO?", "what about
#: IaaS?"); "ok" or "so" may come first.
AGAIN_OPENING = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|then|and)\W+)*(?:and|what about|how about|what of|same|ditto)\b",
                           re.IGNORECASE)
#: Words that make a message naming a concept ask the last question of it ("is that true for SaaS too?", "does the
#: same apply to KPO?"), as lemmas.
AGAIN_WORDS = frozenset("too also either same true apply hold likewise similarly equally ditto".split())
#: Phrases that do the same: "does kpo do that as well?", "can IaaS do the same?".
AGAIN_PHRASES = re.compile(r"\bas\s+well\b|\bdo(?:es)?\s+(?:that|this|it|the\s+same)\b", re.IGNORECASE)
#: Words such a follow-up may hold besides ("ok, and what about the other one as well?"), as lemmas.
FILLER_WORDS = OTHER_WORDS | frozenset("well case go one ok okay alright right hmm".split())
#: "same deal?", "same story", "same thing for KPO?": the same question again (not "what's the deal with KPO?").
SAME_AGAIN = re.compile(r"\bsame\s+(?:deal|story|thing|question|goes|recipe|situation|logic|principle|idea|"
                        r"approach|rules?|answer|case)\b", re.IGNORECASE)
#: Words of a follow-up that asks why the last answer holds ("why is that?", "how come?").
REASON_WORDS = re.compile(r"\b(?:why|how come|how so|reason|reasons)\b", re.IGNORECASE)
#: A follow-up asking how the last answer comes about, which its reasons tell: "how do they manage that?" after
#: "can a BPO provider give us 24/7 support?", "how does it do that?", "and how can they pull that off?".
HOW_THAT = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|but|and|then)\W+)*how\s+(?:do|does|can|could|would|will|did)\s+"
                      r"(?:they|it|you|the\s+(?:providers?|vendors?|firms?))\s+(?:actually\s+|really\s+)?"
                      r"(?:manage|do|achieve|handle|pull\s+off|deliver|ensure|guarantee|make)\s+(?:that|this|it)"
                      r"(?:\s+(?:work|happen))?(?:\s+(?:then|exactly|though))?\W*$", re.IGNORECASE)
#: The intents of an earlier message that a follow-up may ask again: questions about the concepts (a request for
#: a recommendation that names no process asks one: "With IaaS, who picks the operating system?").
ASKED_AGAIN = frozenset({Intent.DEFINE, Intent.COMPARE, Intent.SIMILARITIES, Intent.EXAMPLE, Intent.FOLLOW_UP,
                         Intent.OUT_OF_SCOPE, Intent.NLU_FALLBACK, Intent.RECOMMEND, Intent.INFORM})
#: Of these, the intents whose messages may name a process: one that does is asked again only for why (its verdict
#: holds its reasons), never of another concept.
ABOUT_A_PROCESS = frozenset({Intent.RECOMMEND, Intent.INFORM})
#: Of these, the intents NLU gives messages it finds off-topic: such a message is asked again only if it names a
#: concept ("How is SaaS billed?", not "what's the weather like in Paris?").
OFF_TOPIC = frozenset({Intent.OUT_OF_SCOPE, Intent.NLU_FALLBACK})
#: How many earlier messages a turn carries, and are looked through, for the question a follow-up asks again.
EARLIER_LOOKED_AT = 4


def _says_nothing_new(facts: Facts, text: str) -> bool:
    """Whether a message holds no words of its own beside the concepts' names and a follow-up's ("and IaaS?")."""
    # "same thing for kpo or is that just a bpo benefit?": the other concept offered as the alternative asks nothing
    text = re.sub(rf"\bor\s+(?:is\s+(?:that|it|this)\s+)?(?:just|only)\s+(?:for\s+)?(?:an?\s+|the\s+)?"
                  rf"(?:{facts.names.concept_names})(?:\s+(?:thing|benefit|advantage|feature|perk|one))?\b", " ", text,
                  flags=re.IGNORECASE)
    # "and the infra one?": a concept named by a word of its full name only
    for span in reversed(facts.names.clipped_concepts(text)):
        text = text[:span.start] + " " + text[span.end:]
    return _holds_only(facts, SAME_AGAIN.sub("same", text), AGAIN_WORDS | FILLER_WORDS | {"why", "come", "reason"})


def _only_the_same(facts: Facts, sentence: str) -> bool:
    """Whether a sentence after "and IaaS?" only asks if it is the same: "same monthly thing?", "is that true too?"."""
    words = set(tokens(sentence))
    return bool(words & AGAIN_WORDS) and not words & WH_WORDS and (_opening(sentence)[:1] == ["same"]
                                                                   or _says_nothing_new(facts, sentence))


def _holds_only(facts: Facts, text: str, words: Set[str]) -> bool:
    """Whether a message's content words are all concepts' names or among ``words`` (lemmas)."""
    return not set(content_lemmas(text)) - answers.concept_name_lemmas(facts.store) - words


def _follow_up(facts: Facts, text: str, named: bool) -> str | None:
    """What a message asks of the last question, if that is all it asks: ``"why"``, ``"again"`` or None.

    "why is that?" and "how come?" ask why; "and IaaS?", "is that true for SaaS too?" and
    "what about the other one?" ask it again of a concept (``named``: the message names one).
    "why KPO and not BPO?" asks something else, as do "alright" and "that's right".
    """
    if HOW_THAT.search(text):
        return None if named else "why"
    if not _says_nothing_new(facts, text):
        return None
    words = set(tokens(text))
    if REASON_WORDS.search(text):
        return None if named else "why"
    asks_of = named or bool(words & OTHER_WORDS)
    if asks_of and (AGAIN_OPENING.search(text) or (set(content_lemmas(text)) | words) & AGAIN_WORDS
                    or AGAIN_PHRASES.search(text) or words & OTHER_WORDS):
        return "again"
    return None


def asked_again(facts: Facts, turn: Turn) -> tuple[Turn, bool] | None:
    """The earlier question a follow-up that says nothing new asks again, and whether it asks why.

    "and IaaS?" after "How is SaaS billed?" is "How is IaaS billed?"; "is that true for SaaS
    too?" after "With IaaS, who picks the operating system?" asks it of SaaS; "why is that?"
    asks the last question's reasons, of the concept in context, and after a verdict on a
    process gets that verdict and its reasons again. The earlier message keeps its intent and
    entities, with the concept it named (or none) swapped for the one asked now; an earlier
    follow-up is passed over for the question before it. Not an answer given in the guided
    classification, a button's payload, an off-topic message that names no concept, a process
    asked of another concept, or a comparison of both concepts asked of one.
    """
    text, ctx = turn.text, turn.context
    kind = _follow_up(facts, text, turn.mentions.concept is not None) if ctx.earlier else None
    # "and iaas? same monthly thing?": the first sentence asks it again, the rest only whether it is the same (not
    # "and kpo? also what are its risks?" or "and kpo? is that true for the costs too?", which ask something new)
    sentences = _sentences(text)
    if (kind is None and ctx.earlier and len(sentences) > 1 and AGAIN_OPENING.search(sentences[0])
            and all(_only_the_same(facts, later) for later in sentences[1:])):
        kind = _follow_up(facts, sentences[0], turn.mentions.concept is not None)
    if kind is None:
        return None
    why = kind == "why"
    named = turn.mentions.concept
    target = named or (_other(facts, ctx.concept) if turn.words & OTHER_WORDS else ctx.concept)
    skipped = False
    for message in ctx.earlier[:EARLIER_LOOKED_AT]:
        earlier = message.get("text") or ""
        intent = (message.get("intent") or {}).get("name") or ""
        if message.get(IN_FORM) or earlier.startswith("/") or intent not in ASKED_AGAIN or target is None and not why:
            return None
        mentions = mentions_for(intent, message, facts.names)
        # (a follow-up that asked something of its own is the question: "and who does that work?" then "is that the
        # same for BPO?")
        if (intent == Intent.FOLLOW_UP and _says_nothing_new(facts, earlier)
                or _follow_up(facts, earlier, mentions.concept is not None)):
            skipped = True
            continue  # "and IaaS?" before "why?": the question before it, of the concept in context
        if intent in OFF_TOPIC and not mentions.concepts:
            return None
        if intent in ABOUT_A_PROCESS and mentions.task:
            if not why:
                return None
            # "why?" after "is data entry BPO or KPO?" then "and market research?": the process the last answer was on
            if skipped and ctx.task and ctx.task.casefold() != mentions.task.casefold():
                return Turn(text=ctx.task, intent=Intent.RECOMMEND, mentions=Mentions(tasks=[ctx.task]), context=ctx), False
            return Turn(text=earlier, intent=intent, mentions=mentions, context=ctx), False
        # "why so much?" after "How much effort does IaaS take compared to SaaS?": why, of the concepts it named
        if target is None and not mentions.concepts:
            return None
        if len(set(mentions.concepts)) > 1 and not why:
            return None
        concepts = list(dict.fromkeys(mentions.concepts)) or [target]
        if len(concepts) == 1 and target is not None and concepts[0] != target:
            earlier = _swap_concept(facts, earlier, concepts[0], target)
            concepts = [target]
        elif not mentions.concepts:
            earlier = f"{earlier.rstrip(' ?.!')} for {target}?"
        return Turn(text=earlier, intent=intent, mentions=replace(mentions, concepts=concepts), context=ctx), why
    return None


def _swap_concept(facts: Facts, text: str, old: str, new: str) -> str:
    """``text`` with each name of concept ``old`` (its abbreviation or full name) written as ``new``."""
    concept = facts.store.concept(old)
    spelled = sorted({concept.abbreviation, concept.name} if concept else {old}, key=len, reverse=True)
    pattern = r"\b(?:" + "|".join(re.escape(n) for n in spelled) + r")\b"
    return re.sub(pattern, new, text, flags=re.IGNORECASE)


def _reasons(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Why what an earlier question got holds: the passages that answer it, not the table's cells.

    When none answer it outright, what the document says on its topic comes before the passages
    that come closest: "why so much?" after "How much effort does IaaS take compared to SaaS?"
    gets the sentences on installing and running, not the row Effort again.
    """
    # (why both concepts differ on a topic is what the document says on it: "why?" after "which is more expensive, bpo or
    # kpo?" gets cost, not a passage a related word matched)
    both = len(set(turn.mentions.concepts)) > 1
    on_topic = _on_topic(facts, turn) if both else None
    if on_topic:
        return on_topic
    sure = _passages(facts, turn)
    # (a row of the table alone is what was answered, not why)
    if sure is not None and not set(sure.items) <= {say("passage_item", text=p.text) for p in facts.index.passages
                                                     if facts.index.is_row(p)}:
        return [sure]
    if not both and (on_topic := _on_topic(facts, turn)):
        return on_topic
    return [closest] if (closest := _passages(facts, turn, coverage=CLOSEST)) is not None else None


#: A request for providers by name, ``{names}`` standing for the concepts' names: "can you recommend a couple of
#: good KPO vendors?", "which KPO firms would you recommend?", "who are the biggest BPO companies?", "top 5 bpo
#: companies?", "who are the biggest KPO companies on the market right now?"; not "list the characteristics of BPO
#: providers" or "How do top KPO firms ensure quality?".
PROVIDER_NOUNS = r"(?:vendors?|providers?|firms?|compan(?:y|ies)|partners?|suppliers?|outsourcers?|agenc(?:y|ies))"
PRAISE = r"(?:good|great|reliable|reputable|decent|trusted|top|best|leading|biggest|largest|specific|particular)"
NAMED_PROVIDERS = (
    rf"\b(?:recommend|suggest|name|list|know\s+(?:of\s+)?)\s+(?:me\s+|us\s+)?(?:(?:a|some|any|the)\s+)?"
    rf"(?:(?:couple|few|handful|list)\s+of\s+)?(?:{PRAISE}\s+)*(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\b"
    rf"|^\W*(?:(?:what|which|who)\s+(?:are|is)\s+)?(?:the\s+)?(?:best|top|biggest|largest|leading|main|major)"
    rf"\s+(?:\d+\s+)?(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\b"
    # "... in India", and a few words of when or where only: "... on the market right now", "... out there"
    rf"(?:\s+(?:in|for|around)\b[^?.]*|(?:\s+(?:on the market|out there|right now|today|these days|nowadays|"
    rf"currently|at the moment|worldwide|globally|in the world))+)?\W*$"
    rf"|\b(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:would|should|do|can|could)\s+you\s+"
    rf"(?:recommend|suggest)\b"
    rf"|^\W*which\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\b[^?.]*\b(?:are|is)\s+(?:the\s+)?"
    rf"(?:best|top|most\s+(?:reliable|reputable|trusted))\b(?!\s+suited)"
    # "ok what about KPO companies, like any names?", "bpo vendors - can you give me some names"
    rf"|\b{PROVIDER_NOUNS}\b[\w\s,-]{{{{0,25}}}}?\b(?:any|some)\s+names?\b"
)
#: A question asking for places by name: "Which countries are best for a nearshore call centre?", "what are the best
#: cities for a KPO hub?", "what location should our BPO be in?"; not "what country-specific regulations apply?".
NAMED_PLACES = re.compile(r"^\W*(?:(?:so|and|also|ok|okay|but)\W+)?(?:which|what)\s+(?:are\s+the\s+)?"
                          r"(?:(?:other|specific|particular|good|best|top|cheapest|ideal)\s+)?(?:\d+\s+)?"
                          r"(?:countries|country|cities|city|locations?)\s+(?!of\b)(?:are|is|would|should|do|does|works?|"
                          r"have|has|for|to)\b", re.IGNORECASE)
#: The topic of what the document says about working with a provider (``data/answering/topics.yml``).
PROVIDER_TOPIC = "relationship"


def _no_named_providers(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a request for providers by name: the document names none, then what it says about working with one."""
    if not re.search(NAMED_PROVIDERS.format(names=facts.names.concept_names), turn.text, re.IGNORECASE):
        return None
    concepts = list(turn.mentions.concepts)
    names = " or ".join(concepts or [c.abbreviation for c in facts.store.concepts()])
    notices = [Answer(say("no_named_providers", concepts=names), found=False, outcome=Outcome.NOT_COVERED)]
    if facts.index is not None and (unused := retrieve.unmentioned(facts.index, turn.text)) is not None:
        notices.insert(0, unused)  # "which BPO vendors in the Philippines are best?": the Philippines first
    about = [t for t in facts.topics if t.key == PROVIDER_TOPIC]
    said = topics.answer(facts.store, turn.text, about, concepts) if about else None
    return [*notices, replace(said, aside=True)] if said is not None and said.found else notices


#: What may lead into a statement to confirm: "so", "ok", "hey", "quick one".
CLAIM_LEAD = r"^\W*(?:(?:so|ok(?:ay)?|and|but|hey|quick\s+one)\W+)*"
#: The words of a quiz's framing: "true or false", "fact or myth".
QUIZ_WORDS = r"true\s+or\s+false|fact\s+or\s+(?:fiction|myth)|myth\s+or\s+(?:fact|reality)"
#: A quiz's framing of a statement: "true or false: ...", "fact or myth - ...".
QUIZ = re.compile(rf"{CLAIM_LEAD}(?:{QUIZ_WORDS})\b[\s:,.!?-]*", re.IGNORECASE)
#: What makes a statement one to confirm, before it: "true or false: ...", "is it true that ...", "my boss thinks ...".
CLAIM_OPENING = re.compile(
    CLAIM_LEAD + rf"(?:{QUIZ_WORDS}|"
    r"(?:is|it's)\s+it\s+(?:true|right|correct)\s+(?:to\s+say\s+)?that|"
    r"am\s+i\s+(?:right|correct|wrong)\s+(?:that|in\s+thinking(?:\s+that)?|to\s+think(?:\s+that)?)|"
    r"correct\s+me\s+if\s+i['\u2019]?m\s+wrong|"
    r"i\s+(?:heard|read|was\s+told)\s+that|some(?:one|body)\s+(?:told\s+me|said)(?:\s+that)?|"
    r"(?:my|our)\s+(?:boss|manager|colleague|coworker|co-worker|team\s*lead|lead|director|cto|cfo|ceo|vp)\s+"
    r"(?:thinks?|says?|said|claims?|believes?|told\s+me|keeps\s+saying)(?:\s+that)?)"
    r"\b[\s:,.!-]*", re.IGNORECASE)
#: What makes a statement one to confirm, after it: "..., right?", "..., yes?", "He is right?", "is that true?".
CLAIM_TAG = re.compile(
    r"[\s,.;:!-]*\b(?:right|yes|yeah|yep|correct|true|no|isn['\u2019]?t\s+it|aren['\u2019]?t\s+they|"
    r"is\s+(?:that|this|it)\s+(?:right|true|correct|so|accurate)|am\s+i\s+right|or\s+am\s+i\s+wrong|"
    r"true\s+or\s+false|(?:is\s+)?(?:he|she)\s+(?:is\s+)?right|(?:are\s+)?they\s+(?:are\s+)?right)\W*\?+\W*$",
    re.IGNORECASE)
#: A claim that places something in a concept ("payroll is BPO, right?"), ``{names}`` the concepts' names: which
#: fits, as any other message about a process.
CLAIM_PLACES = (r"\b(?:is|are|was|'s|counts\s+as|sounds\s+like|would\s+be|falls\s+under|belongs\s+(?:to|in))\s+"
                r"(?:(?:a|an|the|just|basically|really|clearly|definitely|more|typical|typically)\s+)*"
                r"(?:{names})(?:\s+(?:work|job|task|stuff|thing|process|kind|type|territory))?"
                r"(?:\s+(?:then|too|also|as\s+well|after\s+all))*\W*$"
                # "inbound call center for customer complaints, bpo right?"
                r"|(?:^|[,:;.\u2013-])\s*(?:(?:so|then|probably|surely|definitely)\s+)?(?:{names})\W*$")
#: A claim that one concept is the other under another name, ``{names}`` the concepts' names: "KPO is basically just
#: pricier BPO", "KPO is just fancy BPO", "so KPO is basically BPO with smarter people"; not "KPO is really expensive".
SAME_AS = r"(?:(?:just|basically|simply|merely|only)(?!\s+as\b)|nothing\s+but|glorified|rebranded|" \
          r"the\s+same\s+(?:thing\s+)?as|another\s+(?:name|word)\s+for)"
ONE_AS_THE_OTHER = rf"\b(?:{{names}})\s+(?:is|are|'s|=|means)\s+(?:\w+\s+){{{{0,2}}}}?{SAME_AS}\b[^.?!]*?\b(?:{{names}})\b"
#: A claim that a concept is only one thing, ``{names}`` the concepts' names: "BPO is only call centres".
ONLY_THIS = r"\b(?:{names})\s+(?:is|are|'s|=|means)\s+(?:(?:basically|really)\s+)?(?:only|just|nothing\s+but|merely|" \
            r"simply|all\s+about)\s+(?!(?:a\s+)?(?:bit|little|slightly)\b)"
#: Question words: a message holding one before "..., right?" asks it ("for a small startup which one is right?").
WH_WORDS = frozenset("what which who whom whose why when where how".split())
#: A claim holds this many content words besides the concepts' names, at least.
CLAIM_WORDS = 1


def _on_claim(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a statement to confirm, the names the document never uses first ("... to India ..."), then :func:`_on_stated`.

    Only the names of what is stated: "my CFO thinks KPO is mostly about research" names no CFO of the document's.
    """
    found = _on_stated(facts, turn)
    _, stated = _stated(turn.text)
    if found and facts.index is not None and (notice := retrieve.unmentioned(facts.index, stated, capitalised=True)):
        return [notice, *found]
    return found


def _stated(text: str) -> tuple[bool, str]:
    """Whether a message opens as a statement to confirm (:data:`CLAIM_OPENING`), and what it states after that."""
    opened = CLAIM_OPENING.match(text)
    return opened is not None, text[opened.end():] if opened else text


def _claim_about(facts: Facts, turn: Turn, stated: str, task: str) -> bool:
    """Whether a claim is about the process it names, to be placed, rather than saying it of a concept.

    "payroll is routine, right?", "is payroll the right fit for KPO, yes?", "we do data entry, that's routine work
    right?" and "KPO doesnt include payroll, right?" (a question about examples) are about the process; "KPO has
    nothing to do with strategy" says what KPO is not. Whole words: a task "pay" is not in "payroll".
    """
    named = tokens(task)
    place = named and re.search(r"\b" + r"\W+".join(map(re.escape, named)) + r"\b", stated, re.IGNORECASE)
    if not place:
        return False
    concept = re.search(rf"\b(?:{facts.names.concept_names})\b", stated, re.IGNORECASE)
    return (concept is None or place.start() < concept.start() or turn.intent == Intent.EXAMPLE
            or re.search(r"\b(?:we|our|my|i|us)\b", stated, re.IGNORECASE) is not None)


def _on_stated(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a statement to confirm, what the document says on what it states; None for any other message.

    "true or false: once you outsource, the risk is basically gone" and "My boss think SaaS mean
    we buy the software one time. He is right?" ask whether the statement holds: they get what the
    document says on its topic, or the passages that answer it, never a verdict on a "process" made of
    the claim's words. A claim that places a process ("payroll is BPO, right?") or weighs the table's
    row the message names ("KPO is riskier, yes?") is left to its route.
    """
    opened, stated = _stated(turn.text)
    tagged = CLAIM_TAG.search(stated)
    if tagged:
        stated = stated[:tagged.start()]
    # (a row weighed: "KPO is riskier, yes?", "kpo is more scalable than bpo right?")
    if not (opened or tagged) or facts.index is None or turn.mentions.aspect and answers.COMPARATIVE.search(stated):
        return None
    if turn.intent == Intent.SIMILARITIES:  # "both BPO and KPO let us focus on our core stuff, yes?": what they share
        return None
    # a process the claim is about is placed ("payroll is routine, right?", "we do data entry, that's routine work
    # right?"); not a word of what it says of a concept ("KPO has nothing to do with strategy")
    if (task := turn.mentions.task) and _claim_about(facts, turn, stated, task) \
            and answers.recommend(facts.store, facts.recommender, task).found:
        return None
    # a question that ends "... right?" is no statement ("for a small startup which one is right?")
    if tagged and not opened and set(tokens(stated)) & WH_WORDS:
        return None
    # one statement: "my boss keeps saying KPO in meetings. what does it actually mean?" asks what KPO is
    if len(_sentences(stated)) > 1 and not tagged:
        return None
    if re.search(CLAIM_PLACES.format(names=facts.names.concept_names), stated.rstrip(" .!?"), re.IGNORECASE):
        return None
    if len(set(content_lemmas(stated)) - answers.concept_name_lemmas(facts.store)) < CLAIM_WORDS:
        return None
    claim = replace(turn, text=f"{stated.strip(' ,.;:!?-')}?")
    named = set(turn.mentions.concepts)
    # "BPO and KPO are different things, right?", "do BPO and KPO differ in risk, yes or no?": how they differ
    if len(named) > 1 and set(content_lemmas(stated)) & INTENT_WORDS[Intent.COMPARE]:
        return None
    names = facts.names.concept_names
    # "KPO is basically just pricier BPO, right?", "KPO is just fancy BPO": how they differ
    if len(named) > 1 and re.search(ONE_AS_THE_OTHER.format(names=names), stated, re.IGNORECASE):
        return [answers.compare(facts.store)]
    # "true or false: BPO is only call centres": what the concept is and covers
    if len(named) == 1 and re.search(ONLY_THIS.format(names=names), stated, re.IGNORECASE):
        return [answers.define(facts.store, next(iter(named)))]
    # the passages that answer it ("with IaaS the vendor installs our software for us"), else its topic ("once you
    # outsource, the risk is basically gone"), else the passages that come close
    asked = _asked_topics(facts, claim.text)
    strongly = [t for t in asked if not topics.asked_weakly(claim.text, t)]
    if strongly and (found := _on_topic(facts, claim)):
        return found
    if passages := _passages(facts, claim):
        return [passages]
    if asked and (found := _on_topic(facts, claim)):
        return found
    if passages := _passages(facts, claim, coverage=ASKED_COVERAGE):
        return [passages]
    if len(named) > 1:  # how they differ, or what the route makes of it
        return None
    # "true or false: IaaS means we own the servers": what the concept is settles it, when nothing else comes close
    return [answers.define(facts.store, named.pop()) if named else _closest(facts, claim)]


#: A question whether a company, by name (``{names}`` the concepts' names), is one of the concepts: "is Accenture a BPO
#: or KPO company?", "does Genpact do BPO or KPO?", "is Infosys KPO?"; the name is capitalised, as names are typed.
COMPANY_PLACED = (r"^\W*(?:(?:so|and|ok|okay|but|hey)\W+)*(?:is|are|does|do|would\s+you\s+call)\s+"
                  r"(?P<company>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}})\s+(?:(?:an?|more|really|mainly|mostly)\s+)*"
                  r"(?:(?:do|doing|offer|offering|in|into)\s+)?(?:{names})\b")


def _company_placed(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Whether a company the document never names is BPO or KPO: it names none; ask for the process instead."""
    asked = re.search(COMPANY_PLACED.format(names=facts.names.concept_names), turn.text)
    if asked is None or facts.index is None:
        return None
    company = asked.group("company")
    # a name the document never uses ("Accenture"), not one of its words ("Payroll", "Customer service"), nor a short
    # acronym, which names a process or a product as often as a company ("is SEO KPO?", "is ERP SaaS or IaaS?")
    if (not facts.index.read(company).unknown or re.fullmatch(facts.names.concept_names, company, re.IGNORECASE)
            or re.fullmatch(r"[A-Z]{2,4}", company)):
        return None
    names = " or ".join(list(dict.fromkeys(turn.mentions.concepts)) or [c.abbreviation for c in facts.store.concepts()])
    return [Answer(say("company_not_placed", company=company, concepts=names), topic=Topic.ASK_TASK, found=False,
                   outcome=Outcome.NOT_COVERED)]


def _no_named_places(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a request for countries or cities by name: the document names none, then the passages closest to it."""
    # (a question that opens asking for them: not "We analyse which countries to expand into next ...")
    if not any(NAMED_PLACES.match(sentence) for sentence in _sentences(turn.text)):
        return None
    concepts = list(turn.mentions.concepts) or [c.abbreviation for c in facts.store.concepts()]
    notice = Answer(say("no_named_places", concepts=" or ".join(concepts)), found=False, outcome=Outcome.NOT_COVERED)
    # what comes closest, said so ("nearshore, where services are delivered from a nearby country")
    closest = _passages(facts, turn, coverage=CLOSEST, sure=0.0)
    return [notice, replace(closest, aside=True)] if closest is not None and closest.items else [notice]


def _better_overall(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"which is better, BPO or KPO?" with nothing to weigh them on: the document does not say, each fits other work.

    The whole comparison, then which process the person wants to outsource; so for "which one is
    better for a small startup like ours?" (who asks is no work to weigh them on). A comparative
    the document never speaks of ("is BPO or KPO quicker to get up and running?", "which is more
    secure?") is said to be one it does not weigh them on, before the comparison. Not for a
    question on a row, a characteristic, a topic ("which is cheaper?") or a process ("which is
    better for payroll?").
    """
    m = turn.mentions
    concepts = list(dict.fromkeys(m.concepts))
    if not concepts and re.search(r"\bwhich\b", turn.text, re.IGNORECASE):  # "which one's better for a small company?"
        concepts = [c.abbreviation for c in facts.store.concepts()]
    # (a "task" of nothing but chat words, "whats", or of who asks, "a small startup", is none; "secure" is no row)
    if (len(concepts) < 2 or m.aspect and facts.store.aspect(m.aspect) or m.characteristic
            or any(set(content_lemmas(t)) - OVERALL_WORDS - WHO_ASKS for t in m.tasks)):
        return None
    # (who asks, "a small team", asks no topic: "team" may name the people topic)
    if BETTER.search(turn.text) and _holds_only(facts, turn.text, OVERALL_WORDS | WHO_ASKS):
        notice = say("better_overall", concepts=listed(concepts, "or"))
        asked = [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]
    # (a topic the document speaks of for them is answered on it: "which is cheaper?"; "which is more secure?" is not)
    elif (m.concepts and (comparative := _unweighed_comparative(facts, turn.text))
          and not ((asked_topics := _asked_topics(facts, turn.text))
                   and topics.answer(facts.store, turn.text, asked_topics, concepts).found)):
        notice = say("not_weighed_on", concepts=listed(concepts, "or"), comparative=comparative)
        asked = []
    else:
        return None
    table = answers.compare(facts.store)
    return [replace(table, text=f"{notice} {table.text}"), *asked]


def _unweighed_comparative(facts: Facts, text: str) -> str | None:
    """The comparative a question asks of the concepts, as written, when the document never speaks of it.

    "more secure", "quicker" (a word ending in "er" whose lemma is shorter: not "customer"); not
    "more flexible" or "more complex", forms of the document's words, nor "better", which
    :func:`_better_overall` reads, nor who asks ("for a bigger company") or how to answer ("in
    simpler terms").
    """
    # (only a question that asks which: "isn't KPO just BPO with a fancier name?" asks none)
    if facts.index is None or not _asks_which_of_them(facts, text):
        return None
    rows = {w for a in facts.store.aspects() for w in content_lemmas(" ".join([a.name, *a.values.values()]))}
    for match in ASKED_MORE.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        base = lemma(word)
        if match.group(2) and (base == word or not word.startswith(base[:3]) or base in ("well", "good", "bad")):
            continue
        if base in WHO_ASKS or word in WHO_ASKS:
            continue
        # (a form of the document's word counts: "more flexible" for "flexibility"; so does a word WordNet relates to a
        # row of the table: "harder" to Complexity)
        if (base in stop_words() or any(w.startswith(base[:retrieve.STEM]) for w in facts.index.idf)
                or {w[:retrieve.STEM] for w in facts.store.related([base]).get(base, {})} & {w[:retrieve.STEM] for w in rows}):
            continue
        return _comparative_as_written(match)
    return None


def _comparative_as_written(match: re.Match[str]) -> str:
    """"more secure" or "quicker", as the question writes it (not the verb before it)."""
    if match.group(2):
        return match.group(2)
    return re.search(r"\b(?:more|less)\s+[\w-]+$", match.group(0), re.IGNORECASE).group(0)


def _asks_which_of_them(facts: Facts, text: str) -> bool:
    """Whether a message asks which ("which bucket?") or offers the concepts as the choice ("bpo or kpo")."""
    return re.search(r"\bwhich\b", text, re.IGNORECASE) is not None or _names_both(facts, text)


def _which_again(facts: Facts, turn: Turn) -> Answer | None:
    """"which bucket?", "so which one for us? bpo or kpo" right after a process: the verdict on it again.

    Only a message that asks which and says nothing else, when the process in context is one the
    document settles by its name.
    """
    task = turn.context.task
    # ("is that the knowledge kind?" after it asks the same)
    if not task or turn.mentions.task or not (_asks_which_of_them(facts, turn.text) or _offers_a_kind(facts, turn.text)):
        return None
    if not _holds_only(facts, turn.text, KIND_WORDS | RECOMMEND_FRAME):
        return None
    fit = answers.recommend(facts.store, facts.recommender, task)
    return fit if fit.found and fit.topic == Topic.RECOMMEND else None


def _other_choice(facts: Facts, turn: Turn) -> Answer | None:
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
    if facts.index is None or not pairs or WHICH_ARE_WE.search(turn.text):
        return None
    stops = stop_words()
    names = re.compile(rf"^(?:{facts.names.concept_names})$", re.IGNORECASE)
    for first, second in pairs:
        pair = [first, second]
        if any(names.match(w) or w.lower() in stops or w.lower() in retrieve.FRAME or not content_lemmas(w) for w in pair):
            continue
        words = [lemma(w.lower()) for w in pair]
        said = [h for h in facts.index.find(turn.text, words=words, limit=3) if h.matched & set(words)]
        if not said:
            return answers.not_in_document(facts.store, listed(pair, "or"))
        return Answer(say("choice_not_compared", choices=listed(pair, "and")), retrieve.places(said),
                      items=[say("passage_item", text=h.passage.text) for h in said], topic=Topic.SEARCH)
    return None


def _asked_topics(facts: Facts, text: str) -> list[topics.Topic]:
    """The topics a question asks about, its misspelled words read as corrected ("benifits")."""
    written = {base for _, base in content_words(text)}  # ("saving" is read as "save": no misspelling)
    corrected = ([w for w in facts.index.read(text).words if w not in text.lower() and w not in written]
                 if facts.index is not None else [])
    asked = topics.asked_topics(" ".join([text, *corrected]), facts.topics)
    # why a concept is used, beside another topic, is that topic's why: "what is the main reason KPO is more
    # expensive?" and "what are the cost drivers of IaaS?" ask about cost
    return [t for t in asked if t.key not in WHY_TOPICS] if len(asked) > 1 else asked


def _which_of_two_on_a_topic(facts: Facts, text: str) -> bool:
    """"which is safer when demand swings?": which of the two concepts, compared on a topic besides the comparative.

    Not a choice of other things ("which is faster, email or phone support?") nor a comparative that is the only
    topic ("which is less risky for a 401k?").
    """
    return (WHICH_OF_TWO.search(text) is not None and not re.search(r"\bor\b", text, re.IGNORECASE)
            and _asks_a_topic(facts, answers.COMPARATIVE.sub(" ", text)))


def _asks_a_topic(facts: Facts, text: str) -> bool:
    """Whether a question asks a topic by more than the words that often only name who is involved."""
    return any(not topics.asked_weakly(text, t) for t in _asked_topics(facts, text))


def _topic_left(facts: Facts, turn: Turn, left: list[str]) -> Answer | None:
    """What the document says on a topic the question asks about with words an answer left out, as an aside."""
    asked = [t for t in _asked_topics(facts, turn.text) if t.asks & set(left)]
    if not asked:
        return None
    found = topics.answer(facts.store, turn.text, asked, _concepts_asked(turn))
    return replace(found, aside=True) if found.found else None


#: "which of the two is that?", "which one has that?", "ok but which of them does that better": of the last answer's
#: characteristic or similarity, which concept it belongs to.
WHOSE = re.compile(r"^\W*(?:(?:ok|okay|so|and|but|then|hmm)\W+)*which\s+(?:one|of\s+(?:the\s+two|the\s+2|them|those|"
                   r"these|both))\s+(?:is|has|does|offers|gives|provides|means)\s+(?:that|it|this)"
                   r"(?:\s+(?:one|better|more|best|most))?\W*$", re.IGNORECASE)


def _whose_characteristic(facts: Facts, turn: Turn) -> list[Answer] | None:
    """Which concept the last answer's characteristic belongs to; of a similarity, that the document weighs neither.

    "which of the two is that?" after "tell me about pay as you go" is answered by the characteristic again,
    which names its concept; "ok but which of them does that better" after a similarity is told that the
    document names it as shared, with the similarity.
    """
    ctx = turn.context
    if ctx.topic != Topic.CHARACTERISTIC or not ctx.characteristic or not WHOSE.match(turn.text):
        return None
    owners = {abbreviation for abbreviation, _ in facts.store.characteristic(ctx.characteristic)}
    # ("Cost Efficiency" is BPO's characteristic and a similarity too: the one the last answer was about)
    weighs = answers.COMPARATIVE.search(turn.text) is not None  # ("which of them does that better": neither, if shared)
    if ((weighs or ctx.concept not in owners)
            and (shared := answers.similarity(facts.store, ctx.characteristic)) is not None):
        names = " or ".join(c.abbreviation for c in facts.store.concepts())
        notice = Answer(say("shared_not_weighed", concepts=names), found=False, outcome=Outcome.NOT_COVERED)
        return [notice, shared]
    return _characteristic(facts, turn.text, ctx.characteristic, None)


def _task_named_as_characteristic(facts: Facts, turn: Turn, task: str) -> list[Answer] | None:
    """"Is vendor management only a BPO thing?": a "process" that is a characteristic's or similarity's name is that."""
    title = facts.names.canonical(Entity.CHARACTERISTIC, task)
    if title is None:
        return None
    return _characteristic(facts, turn.text, title, turn.mentions.concept if len(set(turn.mentions.concepts)) == 1 else None)


def _characteristic(facts: Facts, text: str, title: str, concept: str | None) -> list[Answer]:
    """A characteristic in full; asked for the concept it is not listed under, also what the document says of that concept.

    "Is KPO efficient?": Improved Efficiency is one of BPO's characteristics, and of KPO the
    document says its providers deliver "high-quality, efficient, and innovative solutions".
    """
    answer = answers.characteristic(facts.store, title, concept)
    owners = {abbreviation for abbreviation, _ in facts.store.characteristic(title)}
    if (concept is None or not owners or concept in owners or facts.store.similarity(title) is not None
            or facts.index is None):
        return [answer]
    said = retrieve.said_of(facts.index, text, concept)
    # (a long message, "You keep saying KPO improves efficiency. ... Show me where it says that for KPO.": what the
    # document says of the concept on the characteristic's topic)
    if said is None and (asked := _asked_topics(facts, title)):
        on_topic = topics.answer(facts.store, title, asked, [concept])
        said = replace(on_topic, aside=True) if on_topic.found else None
    return [answer, said] if said is not None else [answer]


def _passages(facts: Facts, turn: Turn, coverage: float = retrieve.ANSWERS,
              sure: float = retrieve.ANSWERS) -> Answer | None:
    """The document's passages that answer the question, if they cover enough of it (see :func:`retrieve.answer`)."""
    if facts.index is None:
        return None
    return retrieve.answer(facts.index, turn.text, _concepts_asked(turn), coverage=coverage, sure=sure)


def _closest(facts: Facts, turn: Turn) -> Answer:
    """What comes closest to a question that asks the document and that nothing answers better.

    The passages, saying the document does not answer it directly, if any come close at all;
    else that the document does not say anything about the words it never uses.
    """
    return (_passages(facts, turn, coverage=CLOSEST)
            or answers.not_in_document(facts.store, _topic_words(facts, turn.text, unsaid=True)))


def _beyond_definition(facts: Facts, turn: Turn) -> Answer | None:
    """The passages that answer a question about a concept, when the definition is not among them.

    Only a question in the document's own words: "what is the role of bpo" matches a table
    row through a word WordNet relates to "role", and is still answered by the definition.
    """
    if facts.index is None:
        return None
    words = [w for w in facts.index.read(turn.text).words if w not in INTENT_WORDS[Intent.DEFINE]]
    if not words or not all(w in facts.index.idf for w in words):
        return None
    passages = _passages(facts, turn)
    if passages is None:
        return None
    definitions = {c.heading for c in facts.store.concepts()}
    return None if any(place.heading in definitions for place in passages.sources) else passages


def _concepts_asked(turn: Turn) -> list[str]:
    """The concepts the message names, else the one in context."""
    return list(turn.mentions.concepts) or ([turn.context.concept] if turn.context.concept else [])


def _row_named(facts: Facts, text: str) -> str | None:
    """The comparison table's row whose name holds every word of ``text`` ("control": Control), if any."""
    words = set(content_lemmas(text))
    if not words:
        return None
    return next((a.name for a in facts.store.aspects() if not a.items and words <= set(content_lemmas(a.name))), None)


def _what_on_topic(facts: Facts, turn: Turn) -> list[Answer]:
    """A what-question on a topic, which names a process without asking which fits it.

    "What's a typical hourly rate for an offshore BPO call center agent?" asks about cost, and
    "we're thinking about handing payroll off to an outside firm, what do we actually gain
    from that?" about benefits: the question may follow the clause that sets it up.
    """
    if not any(_opening(clause)[:1] == ["what"] for clause in _clauses(turn.text)) or _asks_which(facts, turn.text):
        return []
    return _on_topic(facts, turn)


def _sentences(text: str) -> list[str]:
    """A message's sentences, each ending at its "?", "." or "!" ("We've never had ... . Would a BPO provider ...?")."""
    return [s for s in re.split(r"(?<=[?.!])\s+", text.strip()) if s]


def _last_question(turn: Turn) -> Turn:
    """The turn asking only its last sentence, when that is a question after sentences that ask nothing.

    "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol"; else the turn.
    """
    sentences = _sentences(turn.text)
    # an earlier question or request asks too ("Explain how BPO handles GDPR. What are the risks?")
    if len(sentences) < 2 or any("?" in s or set(tokens(s)[:1]) & (QUESTION_OPENERS | REQUEST_OPENERS)
                                 or ASKS_OF_US.search(s) or "please" in tokens(s) for s in sentences[:-1]):
        return turn
    last = sentences[-1]
    if "?" not in last and not set(tokens(last)[:1]) & QUESTION_OPENERS:
        return turn
    return replace(turn, text=last)


def _clauses(text: str) -> list[str]:
    """A message's clauses: "As head of HR, why would ...?" holds the question in its second."""
    return re.split(r"[,;:.!?]|\s-+\s", text)


def _opening(clause: str) -> list[str]:
    """A clause's words after the words that only lead into it ("so who decides ...?": who decides ...)."""
    words = tokens(clause)
    while words and words[0] in LEAD_INS:
        words.pop(0)
    return words


def _document_names(facts: Facts, task: str) -> bool:
    """Whether the document names a task among its examples ("payroll"), also inside a longer name ("its payroll")."""
    words = f" {' '.join(tokens(task))} "
    return any(f" {' '.join(tokens(example))} " in words for example in facts.names.examples)


def _asks_of_no_process(facts: Facts, text: str, task: str) -> bool:
    """Whether a one-sentence question asks about something of a concept's ("BPO call centres"), not which fits it.

    "is AI going to make BPO call centres obsolete?" asks about the future of a concept's call centres:
    the concept's name stands right before what NLU took for the task. "can a KPO do our financial
    modelling?" and "is BPO suitable for data entry?" still ask which fits.
    """
    at = text.casefold().find(task.casefold())
    before = tokens(text[:at])[-1:] if at > 0 else []
    # (a concept named after the task, "Would outside legal work fall under KPO?", asks which fits it)
    after = text[at + len(task):]
    return (len(_sentences(text)) == 1 and bool(before) and facts.names.canonical(Entity.CONCEPT, before[0]) is not None
            and not _document_names(facts, task) and facts.store.concept_of_example(task) is None
            and re.search(rf"\b(?:{facts.names.concept_names})\b", after, re.IGNORECASE) is None)


def _in_document(facts: Facts, phrase: str) -> bool:
    """Whether the document writes ``phrase`` as it is, word for word ("research and development")."""
    words = f" {' '.join(tokens(phrase))} "
    return any(words in f" {' '.join(tokens(p.text))} " for p in facts.store.passages())


def _opens_not_which(text: str) -> bool:
    """Whether a message opens as a question that never asks which concept fits.

    "who is liable ...", "how often do we talk to ...", "if business slows down, can we ...".
    """
    # the question may follow a clause that sets it up: "As head of HR, why would ...?"
    if _asks_who(text):
        return True
    for clause in _clauses(text):
        words = _opening(clause)  # "and how often ...?"
        if words[:1] == ["how"] and words[1:2] != [] and words[1] in HOW_NOT_WHICH and not set(words) & NAMING:
            return True
    # (after a short lead-in that asks nothing: "IT manager here. If we outsource to a BPO do we ...?", "office
    # manager here - if we outsource ...")
    sentences = _sentences(LEAD_IN_HERE.sub("", text))
    while len(sentences) > 1 and len(tokens(sentences[0])) <= OPENING_WORDS and "?" not in sentences[0]:
        sentences.pop(0)
    words = tokens(sentences[0]) if sentences else []
    return bool(words) and words[0] == "if"


#: Who asks, before a dash or a colon: "office manager here - ...", "HR question: ...".
LEAD_IN_HERE = re.compile(r"^\s*(?!(?:we|i|they|you|our|my)\b)(?:[\w&'-]+\s+){0,3}(?:here|question|query)\s*(?:-+|:)\s*",
                          re.IGNORECASE)
#: A sentence of at most this many words before a question, which asks nothing, only leads in ("IT manager here.").
OPENING_WORDS = 4


def _names_a_process(facts: Facts, task: str) -> bool:
    """Whether a task is a process the document, or a reviewed everyday name of one, names ("actuarial modelling")."""
    return bool(task) and (_document_names(facts, task) or bool(facts.recommender.aliases_in(task)))


def _no_process_asked(facts: Facts, text: str, task: str) -> bool:
    """Whether a question asks about something else than a process to place.

    "do we have to buy new systems ourselves if we hand a process to a BPO?" names none (its
    "task" is no process); "could we outsource our claims processing?" hands one out and "do we
    need KPO for actuarial modelling?" names one; "We've never had a proper payroll process.
    Would a BPO provider bring its own way of doing things?" asks about the provider.
    """
    if _asks_of_provider(facts, text, task):
        return True
    return not _names_a_process(facts, task) and not _handed_out(facts, text)


def _asks_of_provider(facts: Facts, text: str, task: str) -> bool:
    """Whether the question a message ends with asks about the provider, not which concept fits the task.

    "We've never had a proper payroll process. Would a BPO provider bring its own way of doing
    things?", "will they really know more than our own IT guys?"; not "can a BPO provider
    handle our payroll?", which asks about the task.
    """
    sentences = _sentences(text)
    if not sentences:
        return False
    question = sentences[-1]
    opens = _opening(_clauses(question)[0])
    if not opens or opens[0] not in YES_NO | WH_OPENERS:
        return False
    if opens[1:2] == ["they"]:
        return True
    names = facts.names.concept_names
    provider = re.search(rf"\b(?:{names})\s+(?:{'|'.join(sorted(PROVIDERS))})s?\b", question, re.IGNORECASE)
    return provider is not None and not (task and task.casefold() in question.casefold())


def _asks_a_kind(words: list[str]) -> bool:
    """Whether the words after "what" ask a kind of work ("kind of outsourcing is this", "type is it"), not "sort of edge"."""
    at = next((i for i, w in enumerate(words[:3]) if w in KIND_WORDS), None)
    if at is None:
        return False
    after = words[at + 1:at + 3]
    return after[:1] != ["of"] or bool({lemma(w) for w in after[1:]} & KINDS_OF_WORK)


def _asks_the_document(text: str) -> bool:
    """Whether a clause of a message asks yes or no, or what, and not what kind a process is.

    "do we have to buy new systems ourselves if we hand a process to a BPO?", "... Could
    outsourcing help with that kind of peak?" and "whats the point of BPO if ...?" ask the
    document; "what kind of outsourcing is this?" asks which fits.
    """
    for clause in _clauses(text):
        words = _opening(clause)
        # not a request to the assistant: "can you assess my process?", "could we try the questions again?"
        if words[:1] and words[0] in YES_NO and not (words[1:2] == ["you"] or words[1:2] in (["we"], ["i"])
                                                      and set(words[2:3]) & WORKING_THROUGH):
            return True
        # "what sort of edge would it give us?" asks the document; "what kind of outsourcing is this?" which fits
        if words[:1] and words[0] in {"what", "whats"} and not _asks_a_kind(words[1:]):
            return True
    return False


def _which_more(text: str) -> bool:
    """Whether a message asks which concept is more of something, or does something.

    "which model is easier to grow quickly?", "Which of the two lets us pick that?".

    Not which is better, or cheaper for a process ("which one is cheaper for payroll?"), nor which
    is more suitable or more likely to fit.
    """
    if any(found.group("verb").lower() in DOING for found in WHICH_DOES.finditer(text)):
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


def _asks_who(text: str) -> bool:
    """Whether a clause of a message opens with who, why, when or where ("so who decides ...?", "As head of HR, why ...")."""
    return any(_opening(clause)[:1] and _opening(clause)[0] in NOT_WHICH - {"if"} for clause in _clauses(text))


def _asks_beyond(facts: Facts, turn: Turn, definitions: list[Answer]) -> bool:
    """Whether a question about a concept asks more than what it is: several words its definitions never use."""
    if facts.index is None or not _is_question(turn.text):
        return False
    defined = set(content_lemmas(" ".join(d.text for d in definitions))) | INTENT_WORDS[Intent.DEFINE]
    return len([w for w in facts.index.read(turn.text).words if w not in defined]) >= BEYOND_WORDS


def _left_out(facts: Facts, turn: Turn, given: list[Answer]) -> float:
    """The share of a question (by weight) that answers leave out."""
    return retrieve.share_left(facts.index, turn.text, retrieve.unanswered(facts.index, turn.text, given))


def _follow_up_question(facts: Facts, turn: Turn) -> bool:
    """Whether a question names no concept and its passages speak to it, so it asks about the concept in context."""
    return (_asks_past_lead_in(turn.text) and not turn.mentions.concepts
            and _passages(facts, turn, coverage=ASKED_COVERAGE) is not None)


def _clear_question(facts: Facts, text: str) -> bool:
    """Whether a message is a question whose words are all words (of the document, related to them, or English).

    "how many agents do we need to staff an outsourced customer service desk?" is clear;
    "payroll thing" and "asdf kpo??" are not.
    """
    if facts.index is None or not _is_question(text) or len(tokens(text)) < CLEAR_WORDS:
        return False
    reading = facts.index.read(text)
    return len(reading.words) >= 2 and not reading.unknown


#: A sentence in which the asker says what kind of person they are ("I'm not a tech person.", "I'm new to this."):
#: nothing to answer or to weigh.
SELF_DESCRIPTION = re.compile(
    r"(?:^|(?<=[.!?,;])\s*)(?:i['\u2019]?m|i\s+am)\s+(?:(?:not|really|very|totally|completely|pretty|quite|just|no)\s+)*"
    r"(?:(?:a|an)\s+(?:\w+\s+){0,2}?(?:person|guy|gal|expert|techie|beginner|newbie|novice|noob|specialist)"
    r"(?:\s+(?:or|and|nor)\s+(?:(?:not|really|very|totally|completely|pretty|quite|just)\s+)*(?:a|an)\s+(?:\w+\s+){0,2}?"
    r"(?:person|guy|gal|expert|techie|beginner|newbie|novice|noob|specialist))*"
    r"|new(?:\s+(?:here|to\s+(?:this|all\s+this)))?)"
    r"(?:\s+(?:either|though|tho|at\s+all))?\s*(?:[.!,;]+|$)", re.IGNORECASE)


def _without_self_description(text: str) -> str:
    """A message without the sentences in which the asker describes themselves, unless that is all it says."""
    rest = SELF_DESCRIPTION.sub(" ", text).strip()
    return rest if rest else text


#: A last sentence that asks what "it" means, of a term an earlier sentence quotes ("What does it actually mean?").
WHAT_IT_MEANS = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:what(?:'s|\s+is|\s+does)\s+(?:it|that|this)"
                           r"(?:\s+(?:actually|even|really|exactly|mean|stand\s+for|refer\s+to)){0,2}|"
                           r"what\s+(?:it|that|this)\s+(?:actually\s+)?means)\W*(?:(?:lol|haha|pls|please)\W*)?$",
                           re.IGNORECASE)
#: A concept's name (``{names}``) heard or said in an earlier sentence, as a term: "my boss keeps saying KPO in
#: meetings", "I keep hearing about BPO"; not "KPO requires specialised skills", which says something of it.
TERM_HEARD = (r"\b(?:say(?:s|ing)?|said|mention(?:s|ed|ing)?|hear(?:s|d|ing)?|drop(?:s|ped|ping)|throw(?:s|ing)? around|"
              r"us(?:e|es|ing)|talk(?:s|ed|ing)? about|brought up|bring(?:s|ing)? up)\s+(?:(?:about|the word|the term)\s+)?"
              r"['\"\u2018\u201c]?({names})\b")
#: A term in quotes, of up to three words.
QUOTED = re.compile(r"(?:^|[\s(])['\"\u2018\u201c]([A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,2})['\"\u2019\u201d](?=[\s.,;:!?)]|$)")


#: Three to twenty words in quotes ("'Both aim to reduce costs' - really?"); a claim has :data:`QUOTE_WORDS` at least.
QUOTED_CLAIM = re.compile(r"(?:^|[\s(])['\"\u2018\u201c]([A-Za-z][\w&/,-]*(?:\s+[\w&/,-]+){2,19})['\"\u2019\u201d]"
                          r"(?=[\s.,;:!?)-]|$)")
#: Words that question a claim: where it comes from, whether it holds.
CLAIM_QUESTIONED = re.compile(r"\b(?:really|true|claims?|says?|said|source|come\s+from|comes\s+from|where\s+does|"
                              r"where\s+is\s+that|right|correct|accurate)\b", re.IGNORECASE)
#: The fewest words of a quoted claim (fewer are a term: "what does 'pay as you go' mean?").
QUOTE_WORDS = 4
#: How much of a quoted claim a passage must hold to be where it comes from.
QUOTE_COVERAGE = 0.6


def _quoted_claim(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"'Both aim to reduce costs' - really? ... Where does that claim come from?": the passage the quote comes from.

    Only for a question that questions one quoted claim of four words or more (:data:`QUOTE_WORDS`), asks no
    fit and names no characteristic or row, when a passage holds most of it.
    """
    quoted = QUOTED_CLAIM.findall(turn.text)
    if (len(quoted) != 1 or not _is_question(turn.text) or facts.index is None or len(tokens(quoted[0])) < QUOTE_WORDS
            or not CLAIM_QUESTIONED.search(turn.text) or _asks_which(facts, turn.text)):
        return None  # ("our live chat for tracking questions ('where is my parcel') ... bpo or kpo?" asks which fits)
    # "what does 'pay as you go' mean?", "is 'high client interaction' only true for KPO?": a name, asked on its route
    names = [*facts.names.by_entity[Entity.CHARACTERISTIC].values(), *facts.names.by_entity[Entity.ASPECT].values()]
    if any(f" {' '.join(tokens(name))} " in f" {' '.join(tokens(quoted[0]))} " for name in names):
        return None
    found = retrieve.answer(facts.index, quoted[0], [], coverage=QUOTE_COVERAGE, sure=QUOTE_COVERAGE)
    return [found] if found is not None else None


def _quoted_term_asked(facts: Facts, turn: Turn) -> Turn | None:
    """"My manager keeps dropping 'nearshore' in meetings. What does it actually mean?" asks what the term means.

    The turn as that question, when the last sentence asks what "it" means and an earlier one
    quotes one term or says a concept's name was heard or said (:data:`TERM_HEARD`); else None.
    """
    sentences = SENTENCE_END.split(turn.text.strip())
    if len(sentences) < 2 or not WHAT_IT_MEANS.match(sentences[-1]):
        return None
    quoted = [m.group(1) for s in sentences[:-1] for m in QUOTED.finditer(s)]
    if not quoted:  # "my boss keeps saying KPO in meetings and i just nod along. what does it actually mean lol"
        heard = TERM_HEARD.format(names=facts.names.concept_names)
        quoted = list(dict.fromkeys(m.group(1) for s in sentences[:-1] for m in re.finditer(heard, s, re.IGNORECASE)))
    if len(quoted) != 1:
        return None
    concept = facts.names.canonical(Entity.CONCEPT, quoted[0])
    return replace(turn, text=f"what does {quoted[0]} mean?", intent=Intent.DEFINE,
                   mentions=Mentions(concepts=[concept] if concept else []))


#: Words opening a remark said of someone ("my manager keeps dropping it in meetings", "we are discussing vendors").
SAID_OF_SOMEONE = frozenset("i my me we our us he she his her they their them it its someone everyone people".split())
#: The words of a question that asks only what a concept is, besides its name and the words of ANSWER_FORM
#: ("quick one - what actually is KPO?", "BPO meaning?", "what does KPO even stand for?").
MEANING_WORDS = frozenset("mean meaning stand actually exactly really basically even hey hi quick one again".split())


def _definition_then_remark(facts: Facts, turn: Turn) -> Turn | None:
    """"quick one - what actually is KPO? my manager keeps dropping it in meetings" asks only what KPO is.

    The turn as its first sentence, when that asks only what a concept is and the sentences after it ask nothing
    (no question, no request): their words ("meetings") are no topic asked. Else None.
    """
    sentences = _sentences(turn.text)
    if len(sentences) < 2 or not sentences[0].rstrip().endswith("?"):
        return None
    first, rest = sentences[0], sentences[1:]
    concepts = answers.concept_name_lemmas(facts.store)
    said = set(content_lemmas(first))
    if (not said & concepts or not said - concepts <= MEANING_WORDS | ANSWER_FORM
            # a topic named, not said of someone: "... the pros and cons would help too", not "my manager ... meetings"
            or any(topics.asked_topics(r, facts.topics) and not set(tokens(r)[:1]) & SAID_OF_SOMEONE for r in rest)
            or not re.search(r"\bwhat\b|\bmean", first, re.IGNORECASE)
            or any("?" in s or set(_opening(s)[:1]) & (QUESTION_OPENERS | REQUEST_OPENERS) or ASKS_OF_US.search(s)
                   or "please" in tokens(s) for s in rest)):
        return None  # ("what's KPO then? and how is the relationship managed in each case" asks twice)
    return replace(turn, text=first, intent=Intent.DEFINE)


#: The words of a message's last sentence that ask how the concepts differ.
DIFFERENCE = re.compile(r"\b(?:differ\w*|compar\w*|contrast|versus|vs\.?|distinguish\w*)\b", re.IGNORECASE)
#: Words that say how to answer, not what ("in one sentence", "in plain terms", "the core difference", "in your doc",
#: "the gist").
ANSWER_FORM = frozenset("sentence word term nutshell short brief simple plain english summary quick line layman core doc "
                        "document gist recap rundown overview summarize summarise eli5".split())
#: "the two types", "both kinds": the document's concepts, unnamed.
THE_TWO = re.compile(r"\b(?:the two|both)(?:\s+\w+)?\s+(?:types|kinds|sorts|models|options|approaches|of them)\b",
                     re.IGNORECASE)
SENTENCE_END = topics.SENTENCE_END


def _asks_how_they_relate(facts: Facts, text: str) -> list[Answer]:
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
            - topics.GRADING - GENERIC_WORK - ANSWER_FORM):
        return []
    named = {m.group(0).casefold() for m in re.finditer(rf"\b(?:{facts.names.concept_names})\b", last, re.IGNORECASE)}
    if not (THE_TWO.search(last) or len({facts.names.canonical(Entity.CONCEPT, n) for n in named} - {None}) >= 2):
        return []
    return [answers.similarities(facts.store) if alike and not DIFFERENCE.search(last) else answers.compare(facts.store)]


def _is_question(text: str) -> bool:
    """Whether a message asks something (a question mark, or a question word first, as typed: "waht", "hw")."""
    words = tokens(text)
    return text.rstrip().endswith("?") or bool(words) and words[0] in QUESTION_OPENERS | TYPED_QUESTION_WORDS


def _asks_past_lead_in(text: str) -> bool:
    """Whether a follow-up asks something, its lead-in words aside.

    "ok and what kind of stuff would they do for us", "so what does the customer still have to do themselves".
    """
    return _is_question(text) or _is_question(" ".join(_opening(text)))


def instead_of_interview(facts: Facts, turn: Turn) -> list[Answer]:
    """The answers to a classification request that is really a question; none when the interview should start.

    NLU may take "my firm prepares environmental impact assessments, done by scientists with
    specialist certifications. which one is that?" for a request to be guided: when the document
    settles which fits, that comes at once, with a button for the guided questions. "If we
    outsource to a BPO do we still have to buy the software ourselves?" asks the document, and
    is answered as a question when the document answers it. Anything that asks to be guided
    ("can we go through the criteria?", "how can we decide?"), or asks which fits a process
    the document does not settle, gets the interview.
    """
    words = set(content_lemmas(turn.text))
    # "so who decides which operating system runs?" asks who, not to be guided
    asks_who = _asks_who(turn.text)
    alone = words & GUIDED_ALONE and facts.index is not None and not set(facts.index.question_words(turn.text)) - GUIDED_ALONE
    # "... Just curious how that's classified." and "which is rebate claim processing done with a checklist?" ask
    # which fits the process they describe, not to be guided
    asks_which_last = (WHICH_ARE_WE.search(turn.text) is not None or WHICH_IS.match(turn.text) is not None) \
        and not HELP_ME.search(turn.text)
    # "... It is clerical work using our existing tools. Could you help me classify this?" asks for the class of the
    # process it describes, not for the questions ("ask me the questions", "walk me through it" do)
    asks_which_last = asks_which_last or bool(CLASSIFY_THIS.search(turn.text)) and not words & (GUIDED - CLASSIFYING)
    if not asks_who and not asks_which_last and (words & GUIDED or alone or HELP_ME.search(turn.text)):
        return []
    # "which is safer if our demand swings a lot?" compares the two on a topic, with no process to place
    if not turn.mentions.tasks and _which_of_two_on_a_topic(facts, turn.text) and (found := _on_topic(facts, turn)):
        return found
    if (fit := which_fits(facts, turn)) is not None:
        return [replace(fit, buttons=fit.buttons or [answers.classify_offer(fit.task or "")])]
    # "how do we know whether market research is kpo?" asks how to classify a process: the interview
    # (a choosing word in a condition chooses something else: "... if we decide to switch vendors?")
    choosing = set(content_lemmas(re.split(r"\b(?:if|when|once)\b", turn.text, maxsplit=1)[0])) & CHOOSING
    if (not (_opens_not_which(turn.text) or _asks_the_document(turn.text)) or _asks_which(facts, turn.text)
            or not asks_who and choosing):
        return []
    # the document's answer, or what comes closest saying it does not answer directly: not the interview
    found = respond(BY_INTENT[Intent.RECOMMEND], facts, turn)
    return found if found and not any(a.topic in (Topic.RECOMMEND, Topic.ASK_TASK) for a in found) else []


#: A message that asks which fits each of several processes ("which is BPO and which is KPO?", "which of these").
EACH_ASKED = re.compile(r"\bwhich\b[^?.]*\band\s+which\b|\bwhich\s+(?:is|are)\s+which\b|\beach\s+of\s+(?:these|those|them)\b"
                        r"|\bfor\s+each(?:\s+(?:one|of\s+(?:them|these|those)))?\W*$|\bseparately\b|\brespectively\b",
                        re.IGNORECASE)


#: When the document settles fewer than two of the processes a message asks about each, it names at most this many.
EACH_AT_MOST = 3


def _each_placed(facts: Facts, turn: Turn) -> list[Answer]:
    """Which concept fits each of several processes a message asks about, each on its own words.

    "we want to outsource payroll and market research, which is BPO and which is KPO?" and "our
    routine invoice matching and, separately, our pricing strategy work: which would be BPO and
    which KPO?" place each process; one verdict on all of them would weigh the one's words for
    the other. Only processes the message names apart and asks which fits.
    """
    if not EACH_ASKED.search(turn.text) or _compares(turn):
        return []
    # (who asks is no process: "We're a 200-person insurance firm")
    # ("separately market research": the process, not how it is asked)
    tasks = list(dict.fromkeys(stripped for t in turn.mentions.tasks
                               if (stripped := re.sub(r"^(?:(?:separately|also|then|plus|both)\s+)+", "", t.strip(),
                                                      flags=re.IGNORECASE))
                               and content_lemmas(stripped) and not _names_who(stripped)))
    # "payroll and market research, which is BPO and which KPO?" (not "research and development": one process)
    if len(tasks) == 1 and not _in_document(facts, tasks[0]):
        tasks = [part for part in re.split(r",?\s+and\s+", tasks[0]) if content_lemmas(part)]
    if len(tasks) < 2:
        return []
    folded = [t.casefold() for t in tasks]
    if any(a != b and a in b for a in folded for b in folded):
        return []
    placed = [answers.recommend(facts.store, facts.recommender, task) for task in tasks]
    # "long story: mid size ecommerce co here, outsourcing accounts payable (invoices, payments) and separately
    # market research": the processes the document settles, not every fragment NLU took for one
    settled = [a for a in placed if a.found and a.topic == Topic.RECOMMEND]
    if len(settled) >= 2:
        placed = settled
    elif len(tasks) > EACH_AT_MOST:
        return []
    if not all(a.found or a.topic in DECIDING for a in placed):
        return []
    # "... and what are the risks of each?": the rows it asks too
    rows = [answers.compare_aspect(facts.store, aspect) for aspect in dict.fromkeys(turn.mentions.aspects)]
    return placed + [replace(row, aside=True) for row in rows]


@lru_cache(maxsize=8)
def _kind_asked(names: str) -> re.Pattern[str]:
    """:data:`KIND_ASKED` for a store's names of its concepts and kinds."""
    return re.compile(KIND_ASKED.replace("{names}", f"(?:{names})"), re.IGNORECASE)


def _described_then_asked(facts: Facts, turn: Turn, sentences: list[str]) -> bool:
    """Whether a message describes a process at length, then asks which kind it is, or asks nothing.

    "our legal team is swamped with drafting and reviewing supplier contracts. every deal is
    different, it needs qualified lawyers ... bpo or kpo?", "We need scanning and indexing old records
    ... Where does that sit?" and "We need tax planning advice for our expansion ... It's complex,
    requires specialised tax experts ..." (NLU's bare answer, no question at all) ask for a verdict
    on the process; the words of its description ("different", "risk", "data") ask nothing more.
    ``sentences`` are the message's (:func:`_sentences`).
    """
    if len(sentences) < 2:
        return False
    last = sentences[-1]
    # (a message that asks nothing is all description)
    if len(tokens(" ".join(sentences[:-1]) if "?" in turn.text else turn.text)) < DESCRIBED_WORDS:
        return False
    names = facts.names.concept_and_kind_names
    # the last sentence is the question, and asks only which kind: "bpo or kpo?", "is that KPO?", not "Can you
    # compare BPO and KPO?", "Any tips for managing a BPO?" or "Now we are looking into KPO for our research team."
    short_choice = (len(tokens(last)) <= SHORT_QUESTION and not _compares(replace(turn, text=last))
                    and not set(tokens(last)[:1]) & REQUEST_OPENERS
                    and (_names_both(facts, last) or POINTED_CHOICE.match(last) is not None)
                    and _ends_asking_which(facts, last))
    # "... Is that the routine kind or the knowledge kind?": one side in the words of the concepts' names; so for
    # "... is that the knowledge kind?" (not "the fixed-price or the hourly kind"); and "... How would you classify
    # it if we brought in an outside firm?"
    if (_kind_asked(names).match(last) or short_choice or _offers_a_kind(facts, last) or WHICH_ARE_WE.search(last)
            or FALLS.match(last)
            or CLASSIFY_THIS.match(last)
            or not any("?" in s for s in sentences[:-1]) and _asks_only_which_kind(facts, last)):
        return True
    # a description of work wanted done that asks nothing ("We need tax planning advice for ... It's complex, ...");
    # not a request ("... Tell me the main risks of BPO."), nor a message about a concept
    return (turn.intent in ABOUT_A_PROCESS and "?" not in turn.text and not facts.names.names_a_concept(turn.text)
            and not any(set(tokens(s)[:1]) & REQUEST_OPENERS for s in sentences) and not ASKS_OF_US.search(turn.text)
            and WORK_WANTED.match(sentences[0]) is not None)


def _offers_a_kind(facts: Facts, sentence: str) -> bool:
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


def _asks_only_which_kind(facts: Facts, sentence: str) -> bool:
    """Whether a short question asks nothing but which kind.

    "How would you label this?", "which is it?", "So which of the two are we?"; not "how does that work?", "which is
    cheaper?" or "Can you compare BPO and KPO?".
    """
    said = tokens(sentence)
    opener = next((w for w in said if w not in {"so", "and", "but", "ok", "okay", "then", "hmm"}), "")
    if not said or len(said) > KIND_QUESTION_LENGTH or opener not in QUESTION_OPENERS - {"who", "why", "when"}:
        return False  # ("... - a report? recommendations? something else?" asks no kind, nor "Who is the best one?")
    asked = set(content_lemmas(sentence))
    if not asked:
        return WHICH_BARE.match(sentence) is not None
    return asked <= KIND_QUESTION_WORDS | facts.names.field_words | answers.concept_name_lemmas(facts.store)


def _verdict_on_description(facts: Facts, turn: Turn) -> Answer | None:
    """Which concept fits the process a long message describes (:func:`_described_then_asked`), or that it is not settled."""
    sentences = _sentences(turn.text)
    if not _described_then_asked(facts, turn, sentences):
        return None
    # named and weighed by the description, not by the question after it ("... or the knowledge kind?")
    body = " ".join(sentences[:-1]) if "?" in sentences[-1] else turn.text
    described = replace(turn, text=_without_lead_in(body))
    # (one it does not settle is said so: the message asks which kind, not about the words of its description)
    task = _named_task(facts, described)
    return answers.recommend(facts.store, facts.recommender, task, _task_from_text(facts, described.text)) if task else None


#: A lead-in before a colon is at most this many words ("Another one:", "And the last one is a bit mixed:").
LEAD_IN_WORDS = 8


def _without_lead_in(text: str) -> str:
    """A description less what leads into it: sentences of one content word ("OK."), a short lead-in before a colon."""
    sentences = _sentences(text)
    while len(sentences) > 1 and len(content_lemmas(sentences[0])) < 2:
        sentences.pop(0)
    text = " ".join(sentences)
    before, colon, after = text.partition(":")
    if colon and len(tokens(before)) <= LEAD_IN_WORDS and len(tokens(after)) > len(tokens(before)):
        return after.strip()
    return text


def _fit(facts: Facts, task: str, described: str | None) -> Answer | None:
    """Which concept fits ``task``, weighing all a message says of it, if the document settles it."""
    fit = answers.recommend(facts.store, facts.recommender, task, described) if task else None
    return fit if fit is not None and fit.found else None


def which_fits(facts: Facts, turn: Turn) -> Answer | None:
    """Which concept fits the process a message describes and ends asking about, if the document settles it.

    "we write investment theses for a venture fund, is that KPO?" and "my department evaluates
    acquisition targets, which kind of outsourcing is that?" ask which fits, whatever intent
    NLU gives them; "is KPO more strategic than BPO?" compares the concepts instead.
    """
    if not (_ends_asking_which(facts, turn.text) or WHICH_ARE_WE.search(turn.text) or CLASSIFY_THIS.search(turn.text)
            or _starts_asking_which(facts, turn.text) or FALLS.match(turn.text) or _ends_asking_kind(facts, turn.text)
            ) or _compares(turn):
        return None
    described = _task_from_text(facts, turn.text)
    task = _named_task(facts, turn)
    if turn.refers_back() and turn.context.task and not turn.mentions.task:
        task, described = turn.context.task, None  # "is object storage SaaS?" then "if not, which one is it?"
    # "Is vendor management only a BPO thing?" names a similarity, no process: left to the characteristic's answer
    if task and facts.names.canonical(Entity.CHARACTERISTIC, task) is not None:
        return None
    # "tbh whats the main reason ppl go w/ bpo?" asks a question of its own: words that open with a question word, or
    # hold one that says "is" ("whats"), name no process ("customer calls about where their parcel is" does)
    written = tokens(task.replace("'", " ")) if task else []
    if set(written[:2]) & WH_WORDS or set(written) & {"whats", "whys", "hows", "wheres", "whos"}:
        return None
    return _fit(facts, task, described)


#: A description at least this long (in words) may name its work after sentences about the team ("I'm in Lisbon
#: with a team of nine ... Every morning we do delivery exception logging: ...").
STATED_WORDS = 25
#: Where a description says what its work is: "we do X", "my team does X", "our main job is X", "what we do is X",
#: "part of our work is X", "the piece I own is X"; X runs to a clause's end or to what it is for, on, in or with.
WORK_STATED = re.compile(
    # (in group "only", the forms that say nothing but what the work is)
    r"(?:(?P<only>\b(?:our|my|the)\s+(?:main\s+|core\s+|day-to-day\s+|daily\s+)?(?:job|work|role|remit)\s+is"
    r"|\bwhat\s+(?:we|i)\s+do\s+is|\bpart\s+of\s+(?:our|my)\s+(?:work|job|role)\s+is"
    r"|\bthe\s+(?:piece|part|bit)\s+(?:i|we)\s+(?:own|run|do|handle)\s+is)"
    r"|\b(?:we|i)\s+(?:(?:mostly|mainly|also|basically)\s+)?(?:do|handle|perform)"
    r"|\b(?:my|our)\s+(?:team|group|department|unit)\s+(?:mostly\s+|mainly\s+)?(?:does|handles|performs))\s+"
    r"(?!(?:it|this|that|not|so|a|an|the|lots?|all|some|many|much|more|most|everything|anything|nothing|have|has|"
    r"need|needs|think|want|know|like|great|good|well|very|really|quite|pretty|highly|around|about|over|under|"
    r"weekly|daily|monthly|head)\b)"
    r"(?P<task>\w[\w'/&-]*(?:\s+(?!(?:for|on|in|with|using|from|to|at|by|via|across|against|into|and|so|which|that|"
    r"where|when|because|but|every|each|all|daily|weekly)\b)\w[\w'/&-]*){0,5})", re.IGNORECASE)


def _work_stated(facts: Facts, text: str) -> str:
    """The work a long description says it does (:data:`WORK_STATED`), past sentences about who and where."""
    if len(tokens(text)) < STATED_WORDS:
        return ""
    # the forms that say only what the work is ("what we do is", "our main job is") before "we do" or "we handle"
    for match in sorted(WORK_STATED.finditer(text), key=lambda m: (m.group("only") is None, m.start())):
        task = match.group("task").strip()
        if (len(task.split()) > 1 and set(content_lemmas(task)) - GENERIC_WORK
                and not facts.names.names_a_concept(task)):
            return task
    return ""


def _named_task(facts: Facts, turn: Turn) -> str:
    """The task a message describes: what it hands out; else NLU's if the document names it or it comes first.

    Else the first clause's: "my firm prepares environmental impact assessments ..., done by
    scientists and engineers with specialist certifications" is not about "engineers". A long description names
    it where it says what its work is (:func:`_work_stated`): "... we do delivery exception logging: ...".
    """
    handed = _handed_out(facts, turn.text)
    if not handed and (stated := _work_stated(facts, turn.text)):
        return stated
    found = _handed_or_found(turn.mentions.task, handed, turn.text)
    if found and (found != turn.mentions.task or handed):
        return found  # what the message hands out ("credit risk model validation"), not who asks ("HR wants")
    name = _task_name(facts, turn.text)
    if found and (found.casefold() in facts.names.examples or not name or found.casefold() in name.casefold()):
        return found
    return name or found or ""


def _ends_asking_which(facts: Facts, text: str) -> bool:
    """Whether a message describes something and ends asking which concept it is.

    "..., is that KPO?", "is designing a loyalty strategy KPO?", "..., BPO or KPO?", "... - bpo
    right?", "is this more of a bpo thing?", and without a question mark "..., is that bpo" or "..., bpo or kpo"; not a
    question about a concept ("how important is customer service in BPO?", "... if we hand a process to a
    BPO?") or one that
    opens with what, how, why or who.
    """
    names = facts.names.concept_and_kind_names
    found = re.search(rf"([\w'-]+)?[\s,;:-]*\b(?:{names})(\s+or\s+(?:{names}))?(?:\s+(?:thing|job|work|kind of thing))?"
                      rf"(?:[\s,]+(?:right|correct|then|too))?\s*(\?+)?\s*$", text, re.IGNORECASE)
    if found is None or (found.group(1) or "").lower() in PREPOSITIONS:
        return False
    # past an article: "... if we hand a process to a BPO?" ends on where it goes, "is that a job for a BPO?" and
    # "is this more of a bpo thing?" on a choice
    if (found.group(1) or "").lower() in ARTICLES:
        before = tokens(text[:found.start(1)])[-1:]
        if set(before) & {"to", "into"}:
            return False
    # without a question mark, only "..., is that bpo" or "..., bpo or kpo" asks
    if not found.group(3) and not found.group(2) and (found.group(1) or "").lower() not in POINTING:
        return False
    return not set(tokens(text)[:1]) & WH_OPENERS


def _starts_asking_which(facts: Facts, text: str) -> bool:
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
    sentences = _sentences(text)
    if len(sentences) > 1 and sentences[0].endswith("?") and _ends_asking_which(facts, sentences[0]):
        return True
    return both is not None or (ASKS_FIRST.match(text) is not None and len(re.split(r"[?.!]+\s", text.strip())) > 1
                                or bool(re.match(r"\s*what would you call\s+(?!(?:that|it|this)\b)\w", text, re.IGNORECASE))
                                or WHICH_IS.match(text) is not None)


def _asks_which(facts: Facts, text: str) -> bool:
    """Whether a message asks which concept fits ("..., is that KPO?", "bpo or kpo for ...?", "which model fits ...?")."""
    return (_ends_asking_which(facts, text) or _names_both(facts, text) or bool(set(content_lemmas(text)) & FITTING)
            or re.search(r"\bwhich (?:one|model|kind|type|option|category)\b", text, re.IGNORECASE) is not None
            or WHICH_ARE_WE.search(text) is not None or _starts_asking_which(facts, text) or FALLS.match(text) is not None
            or _ends_asking_kind(facts, text))


def _ends_asking_kind(facts: Facts, text: str) -> bool:
    """Whether the last clause, after another, asks which kind (:data:`KIND_ASKED`).

    "running engineering stress simulations on new product designs, where would that sit", "HR wants to ... What
    would that be classed as?".
    """
    clauses = [c.strip() for c in _clauses(text) if c.strip()]
    names = facts.names.concept_and_kind_names
    return len(clauses) > 1 and _kind_asked(names).match(clauses[-1]) is not None


def _names_both(facts: Facts, text: str) -> bool:
    """Whether a message offers the concepts as the choice ("bpo or kpo for walking the office dog?")."""
    names = facts.names.concept_names
    return re.search(rf"\b(?:{names})\s*(?:or|/|vs\.?|versus)\s*(?:an?\s+)?(?:{names})\b", text,
                     re.IGNORECASE) is not None


def _compares(turn: Turn) -> bool:
    """Whether a message compares the concepts ("is KPO more expensive than BPO?", "compared with KPO")."""
    return bool((turn.words | set(content_lemmas(turn.text))) & (COMPARING | INTENT_WORDS[Intent.COMPARE]))


def _only_concept_names(facts: Facts, text: str) -> bool:
    """Whether ``text`` holds nothing but concept names (abbreviations, full names, misspellings)."""
    for span in facts.names.misspelled_concepts(text):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end:]
    names = answers.concept_name_lemmas(facts.store)
    return all(word in names for word in content_lemmas(text))


def _task_from_text(facts: Facts, text: str) -> str:
    """The task in a message when NLU found no span: the message less names and framing words.

    A name between an article or a possessive and the noun that ends the phrase goes with that
    noun: "a kpo vendor" says whom to hire, not how the work is done ("the BPO handles payroll" keeps "handles").
    """
    names = facts.names.concept_names
    text = re.sub(rf"\b(?:an?|the|our|your|their)\s+(?:{names})\s+[\w-]+(?=\s*(?:$|[,.;:!?)]|\s(?:or|and|for|to|in|with)\b))",
                  " ", text, flags=re.IGNORECASE)
    text = re.sub(rf"\b(?:{names})\b", " ", text, flags=re.IGNORECASE)
    words = [w for w in re.findall(r"[\w&'-]+", text) if w.lower() not in RECOMMEND_FRAME]
    if not any(content_lemmas(w) for w in words):
        return ""
    while words and not content_lemmas(words[0]):
        words.pop(0)
    while words and not content_lemmas(words[-1]):
        words.pop()
    return " ".join(words)


def _handed_out(facts: Facts, text: str) -> str:
    """The process a message says is handed out: "HR wants to outsource onboarding paperwork processing - ..."."""
    found = sorted([*HANDED_OUT.finditer(text), *SENT_TO.finditer(text)], key=lambda m: m.start())
    for handed in found:
        # its own words, framing words at its edges let go ("credit risk model validation" keeps "model")
        words = re.findall(r"[\w&'-]+", re.sub(rf"\b(?:{facts.names.concept_names})\b", " ", handed.group("task"),
                                                 flags=re.IGNORECASE))
        while words and (words[0].lower() in RECOMMEND_FRAME or not content_lemmas(words[0])):
            words.pop(0)
        while words and (words[-1].lower() in RECOMMEND_FRAME or not content_lemmas(words[-1])):
            words.pop()
        if words and not set(content_lemmas(" ".join(words))) <= GENERIC_WORK:
            return " ".join(words)
    return ""


def _names_who(task: str) -> bool:
    """Whether NLU's task names who does or wants the work, not the work ("HR wants", "the sales team")."""
    words = [lemma(w) for w in tokens(task)]
    return bool(words) and (words[-1] in ACTORS or bool(set(words) & WANTING))


def _handed_or_found(found: str | None, handed: str, text: str = "") -> str:
    """What a message hands out (:func:`_handed_out`), unless NLU's task is part of it; NLU's when it hands out nothing.

    "For our new mining site we plan to outsource environmental impact assessments to a firm"
    hands out the assessments, whatever NLU found; "... outsource our payroll processing for
    three offices" keeps NLU's "payroll processing".
    """
    # "Logistics question: we send ...", "Media group here. We'd like ...": what the message is about, who asks
    if found and (PREAMBLE.search(found) or re.search(rf"^\s*{re.escape(found)}\s+(?:here|question)\s*[.:]", text,
                                                      re.IGNORECASE)):
        found = None
    if found and re.search(r"\bclassify\b", found, re.IGNORECASE):  # "help me classify": the request, no work
        found = None
    if found and (wanted := WANTED.match(found)) and content_lemmas(found[wanted.end():]):
        found = found[wanted.end():].strip()  # "engineers need a patent landscape analysis": what they need
    # ("night" of "night-shift chat support" is a piece of a word)
    cut = bool(found) and re.search(rf"(?:^|\W){re.escape(found or '')}-\w", handed, re.IGNORECASE) is not None
    if not handed or found and not cut and not _names_who(found) and found.casefold() in handed.casefold():
        return found or handed
    return handed


#: A clause naming people in at most this many words names who asks ("a data scientist"), not the work.
SOMEONE_WORDS = 3


def _task_name(facts: Facts, text: str) -> str:
    """A task's name in a message NLU found none in: its first clause with content, less who does it.

    "my firm prepares environmental impact assessments for infrastructure projects, done by
    scientists ..." names "environmental impact assessments for infrastructure projects", and "our
    lawyers perform legal due diligence reviews" names "legal due diligence reviews".
    """
    text = re.sub(r"^\s*(?:what would you call(?: (?:it|that|this) (?:when|if))?|how would you classify|"
                  r"(?:(?:can|could|would|will) (?:you|u) )?(?:please )?help (?:me|us) (?:to )?classify(?: (?:this|that|it))?|"
                  r"(?:which|wich) is|what (?:kind|type|sort) of (?:outsourcing|model|work) (?:is|are|would be))\s+", "",
                  text, flags=re.IGNORECASE)
    text = ASKS_FIRST.sub("", text)
    preamble = ""
    for clause in re.split(r"[,.;:!?()]|\s-+\s", text):
        if PREAMBLE.search(clause):
            preamble = preamble or re.sub(rf"\s*{PREAMBLE_END}", "", clause, flags=re.IGNORECASE)
            continue
        # "we send shipment tracking updates", "We'd like a partner for audience analytics": the work
        if (m := WE_DO.match(clause) or WANTED.match(clause)) and content_lemmas(clause[m.end():]):
            clause = clause[m.end():]
        # ("I'm a data scientist. Our team does data analysis ...": who asks, not the work; "occupational
        # psychologists on our team do psychometric assessment design ..." names the work after them)
        if (name := _task_from_text(facts, clause)) and not (facts.names.names_someone(name)
                                                             and len(name.split()) <= SOMEONE_WORDS):
            words = name.split()
            first = words[0].lower()
            if len(words) > 2 and (first in ORGANISATIONS and words[1].lower().endswith("s")
                                   or first.endswith("s") and any(lemma(first) in kinds
                                                                  for kinds in facts.recommender.people.values())):
                words = words[2:]  # "firm prepares ...", "lawyers perform ...": who, and the verb of what they do
            return " ".join(words)
    # "Data entry question - is that BPO?": nothing else names it
    return _task_from_text(facts, preamble) if preamble else ""
