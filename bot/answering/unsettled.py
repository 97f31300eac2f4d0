"""What the document does not settle, said plainly.

Named providers or places, a company placed as one kind, which concept is better overall.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import answers, retrieve, topics
from bot.answering.answer import Answer
from bot.answering.live import Facts
from bot.answering.passages import CLOSEST, passages_for
from bot.answering.questions import asks_which_of_them, holds_only, topics_asked
from bot.answering.turn import QUESTION_FRAMES, Turn, sentences_of
from bot.contract import Outcome, Topic
from bot.text import content_lemmas, lemma, stop_words, tokens
from bot.wording import WORDING, listed, say

#: Words that ask which concept is better ("which is better, BPO or KPO?", "which should we go with?").
BETTER = re.compile(r"\b(?:better|best|superior|preferable|prefer|winner|(?:choose|pick|go with|use)\b.*\bor\b)",
                    re.IGNORECASE)
#: The words such a question may hold besides the concepts' names, as lemmas: nothing to weigh them on.
OVERALL_WORDS = frozenset("better well best good superior preferable prefer winner choice choose pick option overall general "
                          "generally bottom line honestly really right recommend go use company business firm organisation "
                          "organization one two like ours fit way round vice versa".split())
#: Words that say what kind of organisation asks ("better for a small startup like ours", "for a big company with no
#: IT team"): no work to weigh the concepts on.
WHO_ASKS = frozenset("small smaller tiny little large larger big bigger huge medium mid midsize size sized startup start "
                     "young local family nonprofit charity sme smb "
                     "enterprise corporate corporation team department group shop agency person it us we our ours".split())
#: Words that frame a question ("ok honest question, ...", "quick one:"): nothing to weigh the concepts on either.
#: (and who wants the answer, and asking the document for one: "Leadership wants a straight recommendation: ... Does
#: the document take a side?")
FRAMING = QUESTION_FRAMES | {"question", "just"} | frozenset("recommendation verdict straight take document doc say want "
                                                              "leadership boss manager know".split())
#: A question of when to choose one or the other, with no process to weigh them on: "When should we use KPO instead of
#: BPO?", "when does kpo make more sense than bpo?", "in which situations is bpo the better choice?".
WHEN_TO_CHOOSE = re.compile(r"\bwhen\s+(?:would|should|does|do|is|are|to|might|could|will|would\s+it)\b.*\b(?:use|choose|"
                            r"pick|go\s+(?:with|for)|opt|prefer|sense|better|best|right|appropriate|instead|rather)\b|"
                            r"\b(?:which|what)\s+(?:situations?|cases?|circumstances|scenarios?)\b", re.IGNORECASE)
#: The words such a question may hold besides those of :data:`OVERALL_WORDS`, as lemmas.
WHEN_WORDS = frozenset("when sense situation case circumstance scenario instead rather over regular make more "
                       "appropriate opt".split())
#: A comparative said of the concepts: "is ... more secure", "is ... less risky", "quicker" (a word ending so that
#: is a form of a shorter one, see :func:`_unweighed_comparative`); "needs less maintenance" says no quality.
ASKED_MORE = re.compile(r"\b(?:is|are|be|'s|seems?|sounds?)\s+(?:[\w-]+\s+){0,4}?(?:more|less)\s+([a-z][\w-]+)|"
                        r"\b([a-z]+er)\b(?!\s+(?:terms|words|language|english)\b)", re.IGNORECASE)


#: A request for providers by name, ``{names}`` standing for the concepts' names: "can you recommend a couple of
#: good KPO vendors?", "which KPO firms would you recommend?", "who are the biggest BPO companies?", "top 5 bpo
#: companies?", "who are the biggest KPO companies on the market right now?", "which bpo companies are the
#: biggest?", "top kpo firms names"; not "list the characteristics of BPO providers" or "How do top KPO firms ensure quality?".
PROVIDER_NOUNS = r"(?:vendors?|providers?|firms?|compan(?:y|ies|ys)|partners?|suppliers?|outsourcers?|agenc(?:y|ies))"
PRAISE = (r"(?:good|great|reliable|reputable|decent|trusted|top|best|leading|big|biggest|large|largest|major|known|"
          r"well[\s-]known|famous|specific|particular|actual|real|named)")
#: A word of the work a provider does, before the provider ("a good payroll outsourcing company"): no word that
#: links the provider to something else ("recommend a model for our company").
WORK_WORD = (r"(?!(?:for|to|of|in|on|at|by|with|a|an|the|some|any|each|every|our|my|your|their|its|which|what|how|that|"
             r"this|these|those|and|or|than)\b)[a-z][\w-]*")
#: Nouns of working with a provider, after the provider's noun ("vendor management", "partner selection").
WORKING_WITH = (r"(?:management|managing|selection|selecting|criteria|practices?|approach(?:es)?|relationships?|contracts?|"
                r"performance|evaluation|assessment|strategy|strategies|governance|onboarding|due\s+diligence)")
#: The clients after the provider's noun, not the providers ("... the companies that use KPO").
CLIENTS = r"\s+(?:that|who|which)\s+(?:use|used|buy|hire)\b"
#: One concept's name, or either of two ("well-known BPO or KPO companies").
EITHER = r"(?:{names})(?:\s*(?:or|and|/)\s*(?:{names}))?"
NAMED_PROVIDERS = (
    rf"\b(?:recommend|suggest|name|list|know\s+(?:of\s+)?)\s+(?:me\s+|us\s+)?(?:(?:a|some|any|the)\s+)?(?:of\s+the\s+)?"
    rf"(?:(?:couple|few|handful|list)(?:\s+of)?\s+)?(?:the\s+)?(?:{PRAISE}\s+)*(?:{EITHER}\s+)?{PROVIDER_NOUNS}\b"
    # (not the clients: "list some of the companies that use KPO"; nor how to work with one: "suggest some good partner
    # selection criteria")
    rf"(?!{CLIENTS}|\s+using\b|\s+{WORKING_WITH}\b)"
    # ("can u recommend a good payroll outsourcing company", the work it does before it)
    rf"|\b(?:recommend|suggest)\s+(?:me\s+|us\s+)?(?:a|an|some|any)\s+(?:{PRAISE}\s+)*(?:{EITHER}\s+)?"
    rf"(?:{WORK_WORD}\s+){{{{1,3}}}}{PROVIDER_NOUNS}\b"
    # (the provider last, or before where or whom for: not "recommend some key vendor management practices")
    rf"(?=\s*(?:[?.!,;:]|$)|\s+(?:for|in|near|based|around|that|who|which|we|i|you|please|pls|plz|to\s+(?:use|hire|"
    rf"work\s+with))\b)(?!{CLIENTS})"
    rf"|^\W*(?:(?:what|which|who)\s+(?:are|is)\s+)?(?:the\s+)?(?:best|top|biggest|largest|leading|main|major)"
    rf"\s+(?:\d+\s+)?(?:{EITHER}\s+)?{PROVIDER_NOUNS}\b(?:\s+names?\b)?"
    # "... in India", and a few words of when or where only: "... on the market right now", "... out there"
    # and whom the asker would turn to: "... we could talk to", "... we should contact"
    rf"(?:\s+(?:in|for|around)\b[^?.]*|\s+(?:we|i)\s+(?:could|can|should|might|would)\s+(?:talk\s+to|contact|call|"
    rf"approach|hire|work\s+with|reach\s+out\s+to|look\s+at)|"
    rf"(?:\s+(?:on the market|out there|right now|today|these days|nowadays|"
    # (the question may end before more is said: "who are the biggest bpo companies in the world? just want some names")
    rf"currently|at the moment|worldwide|globally|in the world))+)?(?:\W*$|\s*\?)"
    # (or the document: "Which SaaS vendors does the document recommend for CRM?"; or which to use: "which bpo firms
    # should we go with?")
    rf"|\b(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:(?:would|should|do|can|could)\s+you|"
    rf"(?:does|do)\s+(?:the\s+)?(?:document|doc|text|it))\s+(?:recommend|suggest|name|mention)\b"
    # "which bpo companys r the biggest"
    # (superlatives only, not the clients: "which companies are best suited for KPO?", "which companies are good
    # candidates for KPO?")
    rf"|\b(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:are|r|is)\s+(?:the\s+)?"
    rf"(?:best|top|biggest|largest|leading|(?:big|main|key|major)\s+(?:names|players))\b"
    rf"(?!\s+(?:suited|fit|placed|positioned|served|for)\b)"
    rf"|\b(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:should|could|would)\s+(?:we|i)\s+"
    rf"(?:use|pick|choose|hire|go\s+with|shortlist|consider|contact|call|approach|look\s+at|talk\s+to|reach\s+out\s+to)\b"
    # "what are some good KPO firms we could talk to?", "any IaaS vendors we could talk to?"
    rf"|\b(?:any|some|a\s+few|a\s+couple\s+of)\s+(?:{PRAISE}\s+)*(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:we|i)\s+"
    rf"(?:could|can|should|might|would)\s+(?:talk\s+to|contact|call|approach|hire|work\s+with|reach\s+out\s+to|"
    rf"look\s+at|use|try)\b"
    rf"|^\W*which\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\b[^?.]*\b(?:are|is)\s+(?:the\s+)?"
    rf"(?:best|top|biggest|largest|leading|most\s+(?:reliable|reputable|trusted))\b(?!\s+suited)"
    # "which companies are big in this space?", "what firms are leading in the market"
    rf"|\b(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:are|r|is)\s+(?:(?:really|very|the)\s+)?(?:big|biggest|"
    rf"strong|active|leading|leaders?|dominant|known)\s+in\s+(?:this|the|that)\s+(?:space|market|industry|field|sector|"
    rf"area|business)\b"
    # "ok who are the big names in that space", "who are the main players in kpo?"
    rf"|\bwho\s+(?:are|r|is)\s+(?:the\s+)?(?:big|biggest|major|main|top|leading)\s+(?:names|players)\b"
    # "any good companies that do it you'd recommend?", "any well known firms that do that we could look at?" (not
    # "any companies that do it in-house?")
    rf"|\b(?:any|some|a\s+few|a\s+couple\s+of)\s+(?:{PRAISE}\s+)*(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s+(?:that|who|which)\s+"
    rf"(?:do|does|offer|offers|provide|provides)\s+(?:it|that|this|them|(?:{{names}}))(?:\s+(?:(?:you|u)(?:['\u2019]d|\s+would|"
    rf"\s+could|\s+can)\s+(?:recommend|suggest|name)|(?:we|i)\s+(?:could|can|should|might|would)\s+(?:talk\s+to|contact|"
    rf"call|approach|hire|work\s+with|reach\s+out\s+to|look\s+at|use|try)))?"
    # (and the names asked for after it: "any well known companies that do this? names pls")
    rf"(?:\W+names?(?:\s+(?:pls|plz|please))?)?\W*$"
    # "ok what about KPO companies, like any names?", "bpo vendors - can you give me some names"
    rf"|\b{PROVIDER_NOUNS}\b[\w\s,-]{{{{0,25}}}}?\b(?:any|some)\s+names?\b"
    # "like which vendors? name a few actual products" after the examples of SaaS: which ones, asked alone
    rf"|^\W*(?:(?:so|and|like|ok|okay|but)\W+){{{{0,2}}}}(?:which|what)\s+(?:(?:{{names}})\s+)?{PROVIDER_NOUNS}\s*\?"
)
#: A question asking for places by name: "Which countries are best for a nearshore call centre?", "what are the best
#: cities for a KPO hub?", "what location should our BPO be in?", "Best countries for nearshore BPO?", "which
#: countries?"; not "what country-specific regulations apply?".
NAMED_PLACES = re.compile(r"^\W*(?:(?:so|and|also|ok|okay|but|like)\W+){0,2}(?:which|what)\s+(?:are\s+the\s+)?"
                          r"(?:(?:other|specific|particular|good|best|top|cheapest|ideal)\s+)?(?:\d+\s+)?"
                          r"(?:countries|country|cities|city|locations?)\s+(?!of\b)(?:are|is|would|should|do|does|works?|"
                          r"have|has|for|to)\b"
                          # ("Best countries for nearshore BPO?")
                          # (a question of that noun phrase alone: not "The best countries for KPO have lots of
                          # graduates, so ...?", "Top countries aside, what are the risks of BPO?")
                          r"|^\W*(?:(?:so|and|also|ok|okay|but|like)\W+){0,2}(?:the\s+)?(?:best|top|cheapest|ideal|"
                          r"recommended|preferred)\s+(?:\d+\s+)?(?:countries|cities|locations)\s+(?:for|to)\b[^,;:.!?]*"
                          r"\?+\s*$"
                          # ("which countries?" after "What's the difference between offshore and nearshore BPO?")
                          r"|^\W*(?:(?:so|and|also|ok|okay|but|like)\W+){0,2}(?:which|what)\s+(?:countries|cities|"
                          r"locations)(?:\s+(?:then|exactly|though))?\W*$", re.IGNORECASE)
#: Words for places by name, and a question asking which of them ("Which ones would it prefer?").
PLACE_WORDS = re.compile(r"\b(?:countries|country|cities|city|locations)\b", re.IGNORECASE)
WHICH_ONES = re.compile(r"^\W*(?:(?:so|and|also|ok|okay|but|like)\W+){0,2}(?:which|what)\s+ones\b", re.IGNORECASE)
#: The topic of what the document says about working with a provider (``data/answering/topics.yml``).
PROVIDER_TOPIC = "relationship"


def asks_names(facts: Facts, text: str) -> bool:
    """Whether a message asks for providers or places by name, which the document never gives."""
    return _asks_providers(facts, text) or _asks_places(text)


def _asks_providers(facts: Facts, text: str) -> bool:
    """Whether a message asks for providers by name (:data:`NAMED_PROVIDERS`)."""
    return re.search(NAMED_PROVIDERS.format(names=facts.names.concept_names), text, re.IGNORECASE) is not None


def _asks_places(text: str) -> bool:
    """Whether a message asks for countries or cities by name.

    In a sentence that opens asking for them, or asking "which ones" after one that names them ("The doc doesn't name
    countries for offshoring, does it? Which ones would it prefer for BPO?"; not "Which ones can work from other
    countries, BPO or KPO?"); not "We analyse which countries to expand into next ...".
    """
    sentences = sentences_of(text)
    return any(NAMED_PLACES.match(sentence)
               or WHICH_ONES.match(sentence) and any(PLACE_WORDS.search(before) for before in sentences[:n])
               for n, sentence in enumerate(sentences))


def on_named_providers(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a request for providers by name: the document names none, then what it says about working with one."""
    if not _asks_providers(facts, turn.text):
        return None
    concepts = list(turn.mentions.concepts)
    names = " or ".join(concepts or [c.abbreviation for c in facts.store.concepts()])
    notices = [Answer(say("no_named_providers", concepts=names), found=False, outcome=Outcome.NOT_COVERED)]
    if facts.index is not None and (unused := retrieve.unmentioned(facts.index, turn.text)) is not None:
        notices.insert(0, unused)  # "which BPO vendors in the Philippines are best?": the Philippines first
    about = [t for t in facts.topics if t.key == PROVIDER_TOPIC]
    said = topics.answer(facts.store, turn.text, about, concepts) if about else None
    return [*notices, replace(said, aside=True)] if said is not None and said.found else notices


#: A question whether a company, by name (``{names}`` the concepts' names), is one of the concepts: "is Accenture a BPO
#: or KPO company?", "does Genpact do BPO or KPO?", "is Infosys KPO?"; the name is capitalised, as names are typed.
COMPANY_PLACED = (r"^\W*(?:(?:so|and|ok|okay|but|hey)\W+)*(?:is|are|does|do|would\s+you\s+call)\s+"
                  r"(?P<company>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}})\s+(?:(?:an?|more|really|mainly|mostly)\s+)*"
                  r"(?:(?:do|doing|offer|offering|in|into)\s+)?(?:{names})\b")


#: A question for particular instances of something: "Which specific certifications should a KPO provider's experts
#: hold?", "Which performance metrics should we put into a BPO contract?", "what metrics does the document recommend?"
#: (not what to expect: "What outcomes should we expect from KPO?").
INSTANCES_ASKED = re.compile(
    r"\bwhich\s+(?P<noun>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:should|must)\s+(?:we|i)\b"
    r"|\b(?:which|what)\s+(?:(?:specific|particular|exact|concrete|individual)\s+(?P<named>[a-z-]+(?:\s+[a-z-]+)?)\b"
    r"|(?P<listed>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:does|do)\s+(?:the\s+)?(?:document|doc|text)\s+"
    r"(?:recommend|suggest|name|list|mention)\b)", re.IGNORECASE)
#: What a document lists by name in its parts, or names by its examples: asked for, these are there.
LISTED_KINDS = frozenset("characteristic similarity difference example aspect row feature task function process service "
                         "activity area work job kind type one thing part point way benefit advantage drawback risk "
                         "reason skill".split())
#: Words after a noun that name its instances ("areas such as finance", "risks related to operational disruptions").
INSTANCES_FOLLOW = re.compile(r"^\W*(?:such\s+as|like|including|e\.g\.|for\s+example|related\s+to|:)", re.IGNORECASE)


def instances_not_named(facts: Facts, text: str, said: str = "", concepts: list[str] | None = None) -> Answer | None:
    """For a question for particular instances of what the document names only in passing: that it names none.

    "Which performance metrics should we put into a BPO contract?": the document says BPO arrangements involve
    "performance metrics" and names none; the answer says so before what it does say. Not for what its comparison
    table weighs ("what specific tools do kpo firms use?": Standard Tools against Advanced Tools).

    Args:
        facts: The store.
        text: The question.
        said: What the other answers show, not quoted again.
        concepts: The concepts asked of: only their passages (or both's) count ("which specific industries does KPO
            serve?" is not answered by BPO's "industry best practices").
    """
    asked = INSTANCES_ASKED.search(text)
    if asked is None:
        return None
    words = (asked.group("named") or asked.group("noun") or asked.group("listed")).lower().split()
    while words and words[-1] in stop_words():
        words.pop()
    if not words or lemma(words[-1]) in LISTED_KINDS:
        return None
    table = {lemma(w) for a in facts.store.aspects() for v in (a.name, *a.values.values()) for w in content_lemmas(v)}
    if lemma(words[-1]) in table:
        return None
    # the phrase, or its last word alone, as the document writes it (in any number)
    for candidate in ([words, words[-1:]] if len(words) > 1 else [words]):
        pattern = re.compile(r"\b" + r"\s+".join(re.escape(lemma(w)[:-1] if len(w) > 4 else w) + r"\w*"
                                                  for w in candidate), re.IGNORECASE)
        found = [(p, m) for p in facts.store.passages() for m in pattern.finditer(p.text)
                 if not concepts or p.concept is None or p.concept in concepts]
        if found:
            break
    else:
        return None
    if any(INSTANCES_FOLLOW.match(p.text[m.end():]) for p, m in found):
        return None
    quoted = [q for q in dict.fromkeys(p.text for p, _ in found) if q not in said][:2]
    return Answer(say("instances_not_named" if quoted else "instances_not_named_only", names=found[0][1].group(0)),
                  aside=True, outcome=Outcome.NOT_COVERED, items=[say("passage_item", text=q) for q in quoted],
                  found=False)


def company_placed(facts: Facts, turn: Turn) -> list[Answer] | None:
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


def on_named_places(facts: Facts, turn: Turn) -> list[Answer] | None:
    """For a request for countries or cities by name: the document names none, then the passages closest to it."""
    if not _asks_places(turn.text):
        return None
    concepts = list(turn.mentions.concepts) or [c.abbreviation for c in facts.store.concepts()]
    notice = Answer(say("no_named_places", concepts=" or ".join(concepts)), found=False, outcome=Outcome.NOT_COVERED)
    # what comes closest, said so ("nearshore, where services are delivered from a nearby country")
    closest = passages_for(facts, turn, coverage=CLOSEST, sure=0.0)
    return ([notice, replace(closest, text=say("passages_near"), aside=True)] if closest is not None and closest.items
            else [notice])


#: A concept set against something else, ``{names}`` standing for the concepts' names and ``other`` for the something:
#: "what's the difference between bpo and a shared services centre", "bpo vs staff augmentation", "how is kpo
#: different from consulting", "how does kpo compare with hiring freelancers", "what do bpo and a call centre have in
#: common", "is KPO the same as consulting?" (either side first).
OTHER = r"(?:an?\s+|the\s+)?(?P<other>[\w&/' -]{{2,60}}?)"
END = r"\s*(?:[?.!,;]|$)"
SET_AGAINST = (
    rf"\bdiff\w*\s+(?:is\s+there\s+)?between\s+(?:an?\s+|the\s+)?(?:{{names}})\s+(?:and|&|vs\.?|versus)\s+{OTHER}{END}",
    rf"\bdiff\w*\s+(?:is\s+there\s+)?between\s+{OTHER}\s+(?:and|&|vs\.?|versus)\s+(?:an?\s+|the\s+)?(?:{{names}}){END}",
    rf"^\W*(?:(?:so|and|ok|okay|but|hey)\W+)*(?:{{names}})\s+(?:vs\.?|versus|v\.?)\s+{OTHER}{END}",
    rf"^\W*(?:(?:so|and|ok|okay|but|hey)\W+)*{OTHER}\s+(?:vs\.?|versus|v\.?)\s+(?:{{names}}){END}",
    # (asked as such, not in passing: "what percentage do companies save with BPO compared to keeping the staff in
    # house?" asks the saving)
    rf"(?:^\W*|\bhow\s+(?:is|are|does|do)\s+|\bwhat\s+makes\s+)(?:{{names}})\s+(?:is\s+|really\s+|so\s+)*"
    rf"(?:different|differs?|distinct)\s+(?:from|to|than)\s+{OTHER}{END}",
    rf"^\W*(?:(?:so|and|ok|okay|but|hey)\W+)*(?:{{names}})\s+compared?\s+(?:to|with|against)\s+{OTHER}{END}",
    rf"\bhow\s+(?:does|do|would)\s+(?:{{names}})\s+compare\s+(?:to|with|against)\s+{OTHER}{END}",
    rf"\bcompare\s+(?:an?\s+|the\s+)?(?:{{names}})\s+(?:to|with|and|against)\s+{OTHER}{END}",
    rf"\bwhat\s+do\s+(?:{{names}})\s+and\s+{OTHER}\s+have\s+in\s+common\b",
    rf"\bwhat\s+do\s+{OTHER}\s+and\s+(?:{{names}})\s+have\s+in\s+common\b",
    rf"\b(?:is|are)\s+(?:{{names}})\s+(?:just\s+|really\s+|basically\s+)*(?:the\s+same|similar)\s+(?:thing\s+)?"
    rf"(?:as|to)\s+{OTHER}{END}",
)
#: Words that point to the other concept or back, or to outsourcing at large, not to something else ("the other one",
#: "each other", "it", "normal outsourcing": what sets the concept apart is asked).
NOT_ANOTHER = frozenset("other one ones each it them that this those these either both outsourcing outsource normal "
                        "regular traditional standard ordinary usual plain classic general generic conventional".split())


def compared_with_other(facts: Facts, turn: Turn) -> list[Answer] | None:
    """A concept set against something the document never compares it with: said so, then what it says of that.

    "what's the difference between bpo and a shared services centre": the document compares BPO only with KPO; then
    the passages closest to the something, if they use all its words ("bpo vs in-house"), else the concept's
    definition. Not for the two concepts ("bpo vs kpo"), nor the other one named by a word ("bpo vs the other one").
    """
    concepts = list(dict.fromkeys(turn.mentions.concepts))
    if len(concepts) != 1:
        return None
    names = facts.names.concept_names
    found = next((m for pattern in SET_AGAINST if (m := re.search(pattern.format(names=names), turn.text, re.IGNORECASE))),
                 None)
    if found is None:
        return None
    other = found.group("other").strip(" -/'")
    words = set(content_lemmas(other))
    if (not words or words <= NOT_ANOTHER or re.search(rf"\b(?:{names})\b", other, re.IGNORECASE)
            or facts.names.clipped_concepts(other)):
        return None
    concept = concepts[0]
    others = listed([c.abbreviation for c in facts.store.concepts() if c.abbreviation != concept], "and")
    notice = Answer(say("compared_with_other", concept=concept, others=others, other=other), found=False,
                    outcome=Outcome.NOT_COVERED)
    # (passages that use every word of it: "in-house", "consulting"; not "sharing" for "a shared services centre")
    closest = passages_for(facts, replace(turn, text=other), coverage=CLOSEST, sure=0.0)
    if closest is not None and closest.items and words <= set(content_lemmas(" ".join(closest.items))):
        return [notice, replace(closest, aside=True)]
    return [notice, replace(answers.define(facts.store, concept), aside=True)]


def on_better_overall(facts: Facts, turn: Turn) -> list[Answer] | None:
    """"which is better, BPO or KPO?" with nothing to weigh them on: the document does not say, each fits other work.

    The whole comparison, then which process the person wants to outsource; so for "which one is
    better for a small startup like ours?" (who asks is no work to weigh them on). A comparative
    the document never speaks of ("is BPO or KPO quicker to get up and running?", "which is more
    secure?") is said to be one it does not weigh them on, before the comparison. Not for a
    question on a row, a characteristic, a topic ("which is cheaper?") or a process ("which is
    better for payroll?").
    """
    # ("so which one is better overall, should we just go kpo?": the one offered at the end is one of the two asked of)
    if (offered := re.search(rf",?\s*(?:so\s+)?(?:should|shall|do|must)\s+(?:we|i)\s+(?:just\s+)?(?:go|pick|choose|use|take)"
                             rf"\s+(?:with\s+|for\s+)?(?:the\s+)?(?:{facts.names.concept_names})\W*$", turn.text,
                             re.IGNORECASE)) and re.search(r"\bwhich\b", turn.text[:offered.start()], re.IGNORECASE):
        turn = replace(turn, text=turn.text[:offered.start()].rstrip(" ,") + "?",
                       mentions=replace(turn.mentions, concepts=[]))
    m = turn.mentions
    concepts = list(dict.fromkeys(m.concepts))
    when = WHEN_TO_CHOOSE.search(turn.text) is not None
    if (not concepts and re.search(r"\bwhich\b", turn.text, re.IGNORECASE)  # "which one's better for a small company?"
            or len(concepts) == 1 and when):  # "in which situations is bpo the better choice?"
        concepts = [c.abbreviation for c in facts.store.concepts()]
    allowed = OVERALL_WORDS | WHO_ASKS | (WHEN_WORDS if when else frozenset())
    # (a "task" of nothing but chat words, "whats", or of who asks, "a small startup", is none; "secure" is no row)
    # ("would SaaS or IaaS fit that better?" asks of the process told before)
    if (len(concepts) < 2 or m.aspect and facts.store.aspect(m.aspect) or m.characteristic
            or any(set(content_lemmas(t)) - allowed - answers.concept_name_lemmas(facts.store)
                   for t in m.tasks)  # (nor is a concept's name: "which ones better for a small startup, saas or iaas")
            or re.search(r"\b(?:fits?|suits?)\s+(?:that|this|it|them|those|these)\b", turn.text, re.IGNORECASE)):
        return None
    # (who asks, "a small team", asks no topic: "team" may name the people topic)
    # (nor does what frames the question: "ok honest question, kpo or bpo, which is just better overall?")
    if when and holds_only(facts, turn.text, allowed | FRAMING):
        notice = say("when_to_choose", concepts=listed(concepts, "or"))
        asked = [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]
    elif BETTER.search(turn.text) and holds_only(facts, turn.text, OVERALL_WORDS | WHO_ASKS | FRAMING):
        notice = say("better_overall", concepts=listed(concepts, "or"))
        asked = [Answer(WORDING["recommend_no_task"], topic=Topic.ASK_TASK, found=False)]
    # (a topic the document speaks of for them is answered on it: "which is cheaper?"; "which is more secure?" is not)
    elif (m.concepts and (comparative := _unweighed_comparative(facts, turn.text))
          and not ((asked_topics := topics_asked(facts, turn.text))
                   and topics.answer(facts.store, turn.text, asked_topics, concepts).found)):
        notice = say("not_weighed_on", concepts=listed(concepts, "or"), comparative=comparative)
        asked = []
    else:
        return None
    # ("which is better for a small business, SaaS or IaaS?": that the document says nothing of company size, first;
    # only a topic asked in a phrase of its own, not by who asks, "a small team")
    # (not beside a comparative it does not weigh them on: "is BPO or KPO quicker to get up and running?" says that)
    if asked:
        written = tokens(turn.text)
        unsaid = [a for t in topics_asked(facts, turn.text) if any(topics.phrase_places(written, p) for p in t.phrases)
                  and not (a := topics.answer(facts.store, turn.text, (t,), concepts)).found and not a.sources]
        notice = " ".join([*(a.text for a in unsaid[:1]), notice])
    table = answers.compare(facts.store)
    # "When would a company actually choose IaaS over SaaS?": what the one to choose is known for, too
    chosen = ([replace(answers.characteristics(facts.store, m.concepts[0]), aside=True)]
              if when and m.concepts and facts.store.characteristics(m.concepts[0]) else [])
    return [replace(table, text=f"{notice} {table.text}"), *chosen, *asked]


def _unweighed_comparative(facts: Facts, text: str) -> str | None:
    """The comparative a question asks of the concepts, as written, when the document never speaks of it.

    "more secure", "quicker" (a word ending in "er" whose lemma is shorter: not "customer"); not
    "more flexible" or "more complex", forms of the document's words, nor "better", which
    :func:`on_better_overall` reads, nor who asks ("for a bigger company") or how to answer ("in
    simpler terms").
    """
    # (only a question that asks which: "isn't KPO just BPO with a fancier name?" asks none)
    if facts.index is None or not asks_which_of_them(facts, text):
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
