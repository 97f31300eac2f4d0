"""Find the document's sentences that answer a question, whatever its wording.

Every sentence and table row of the store is a passage. A question's words (their
lemmas, less the concepts' names and the words that only frame a question) are matched
against each passage's words, directly or through the related words WordNet gives
(``FactStore.related``, computed at ``make facts``), each match weighted by how rare the
document's word is (idf). A passage's *coverage* is the share of the question's weight it
matches; the best passages answer the question when they cover enough of it, and the
answer says the document does not cover the rest otherwise.

The index is built once per store (a few hundred passages), so a query costs one SQL
lookup for related words and a pass over the passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.answering.answer import Answer
from bot.answering.entities import WHO_WANTS, concept_names, full_names, without_misspelled_names
from bot.contract import Outcome, Topic
from bot.facts.model import Part, Place
from bot.facts.store import FactStore, Passage
from bot.text import adjectives_of, content_lemmas, content_words, lemma, stop_words, tokens
from bot.wording import QUESTION_WORDS, TYPED_QUESTION_WORDS, listed, say

#: Where in the document, or how it puts it: "the global reach point in the BPO section", "what does the opening
#: paragraph say SaaS is?", "quote the definition of IaaS", "the first characteristic listed".
DOCUMENT_PARTS = frozenset("section paragraph opening intro introduction quote verbatim listed".split())
#: A place in the document named by its order ("the opening paragraph", "the intro section"): no word of the question.
DOCUMENT_PLACE = re.compile(r"\b(?:opening|first|intro|introductory)\s+(?:paragraph|section|part|sentence|lines?)\b",
                            re.IGNORECASE)
#: Words that frame a question without saying what it is about.
FRAME = DOCUMENT_PARTS | QUESTION_WORDS | TYPED_QUESTION_WORDS | frozenset(
    "what which who whom whose why how when where tell explain please like want need know "
    "thing something anything way kind type sort lot really actually say document give get have make do take "
    "use go come happen will would usually good bad big best main mainly key just ok okay yes vs versus include "
    "stuff gimme wanna gonna pls plz thx acronym abbreviation "
    # chat openers and fillers ("hey what is ...", "... tho")
    "hey hi hello hiya yo lol btw tho tbh imo honestly thanks thank cheers hmm um uh curious wonder wondering etc "
    "etcetera actual according accord "
    "suitable appropriate exactly precisely basically essentially simply "
    "isn aren doesn don didn wasn weren won wouldn shouldn couldn hasn haven "
    # how to answer, not what about: "in simple terms for a beginner", "a quick overview"
    "simple term beginner brief briefly layman detail short summary overview plain quick summarise summarize recap "
    # sending the work out, which the document says by "outsourcing": "what sort of work do companies send to KPO?"
    "send sent sending farm farmed".split()
)
#: Phrases that only frame what follows or what they point at: "kpo and innovation - how does that work?", "does BPO
#: help with innovation?" (innovation is asked; "can outsourcing help us survive ...?" asks what helps).
FRAMING = re.compile(r"\bhow\s+(?:does|do|would|will|can|could|did)\s+(?:that|it|this|they|all\s+(?:that|this))\s+"
                     r"(?:actually\s+|really\s+)?work\b|\bhelps?\s+(?:(?:us|me|you|them)\s+)?(?=with\b)", re.IGNORECASE)
#: A word of a phrase of the document (:attr:`Index.pairs`) is this long at least.
PHRASE_LETTERS = 4
#: Idioms, read as the word they mean, whose words are never what the document does not speak of: "is it
#: one-size-fits-all?" asks whether the work is customized, not of size; "who keeps the software up to date?" who
#: updates it.
MEANT_BY = ((re.compile(r"\bone[\s-]+size[\s-]+fits?[\s-]+all\b", re.IGNORECASE), "customized"),
            (re.compile(r"\bup[\s-]+to[\s-]+date\b", re.IGNORECASE), "updated"),
            # ("Can the think-tank style firm bend to the way we work?": whether it is customized)
            (re.compile(r"\bbend(?:s|ing)?\s+(?:\w+\s+)?to\b", re.IGNORECASE), "customized"),
            # ("Will a KPO shape its work around our company?"; not "shape our team around the provider")
            (re.compile(r"\bshap(?:e|es|ed|ing)\s+(?:its|their|the)\s+(?:work|services?|offerings?|solutions?|"
                        r"deliverables?|approach)\s+around\b", re.IGNORECASE), "customized"),
            # ("Is SaaS ready to use straight away?": as soon as an account exists; not "cancel right away")
            (re.compile(r"(?:(?<=\buse\s)|(?<=\busing\s)|(?<=\bstart\s)|(?<=\bready\s)|(?<=\bworking\s)|"
                        r"(?<=\brunning\s)|(?<=\blive\s))(?:straight|right)[\s-]+away\b", re.IGNORECASE), "soon"),
            # ("Do BPO providers bring their own know-how ...?")
            (re.compile(r"\bknow[\s-]+how\b", re.IGNORECASE), "expertise"))
IDIOMS = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in MEANT_BY), re.IGNORECASE)
#: A frame word that says what a party does when the party is named just before it ("how do KPO providers get to
#: understand our problems?"); "help me understand" frames. ("know" is not one: WordNet relates it to "experience".)
PARTY_VERBS = frozenset("understand understands understood".split())
#: How many words before such a verb may name the party ("a kpo provider actually take the time to understand").
PARTY_REACH = 6
#: Words for a party doing something, which the asker is not (not "employee" or "analyst": "as an analyst I want to
#: understand ...").
PARTIES = frozenset("they them provider vendor firm partner consultant outsourcer supplier contractor".split())
#: How much more than the rarest word of the document a word it does not know weighs.
UNKNOWN = 1.5
#: What an "-ly" word the document does not use weighs, against another word it does not use.
MANNER = 0.5
#: Words sharing this many first letters are taken as forms of one word ("complex", "complexity").
STEM = 6
#: A question's word counts this much in a passage holding another word of the document that begins with the same
#: ``FORM_LETTERS`` letters ("strategy" in "strategic", "competition" in "competitive"; not "customer" in
#: "customize", nor "competition" in "competency").
STEM_FORM = 0.6
FORM_LETTERS = 7
#: A concept named in the question makes its own passages count this much more, others' less.
OWN_CONCEPT, OTHER_CONCEPT = 1.25, 0.6


@dataclass(frozen=True)
class Hit:
    """A passage and how well it answers a question.

    Attributes:
        passage: The sentence or table row.
        score: Matched weight, with the concept preference applied.
        coverage: Share of the question's weight the passage matches (0..1).
        matched: The question's words it matches.
    """

    passage: Passage
    score: float
    coverage: float
    matched: frozenset[str]


@dataclass(frozen=True)
class Reading:
    """What a question asks about, as :meth:`Index.read` finds it.

    Attributes:
        words: Its lemmas to match, misspellings corrected.
        unknown: Words as written that are neither the document's, related to them, nor
            English: names it does not use ("Teleperformance", "GDPR").
    """

    words: tuple[str, ...]
    unknown: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A paragraph of the document, a characteristic or a table row: its passages and their words."""

    passages: tuple[Passage, ...]
    words: frozenset[str]

    @property
    def concept(self) -> str | None:
        """The concept its section is about, if one."""
        return self.passages[0].concept

    @property
    def where(self) -> str:
        """Its heading as a reader finds it ("Characteristics of KPO: Strategic Value", "..., row Focus")."""
        first = self.passages[0]
        return first.section if not first.title or first.title in first.section else f"{first.section}, row {first.title}"


@dataclass(frozen=True)
class SectionHit:
    """A section and how well it answers a question (as :class:`Hit` for a passage)."""

    section: Section
    score: float
    coverage: float
    matched: frozenset[str]


#: A paragraph's matched weight is divided by its number of words to this power: a long one holds more words by chance.
LENGTH = 0.15
#: A misspelled stop word is this long at least ("whch", "wht"): a short one asks nothing either way.
STOP_SPELLING_LENGTH = 3
#: How alike (rapidfuzz's ratio, 0-100) a misspelled word and the known word it stands for are at least.
SPELLING = 85
#: Words shorter than this are never corrected ("nda" is not "data").
SPELLING_LENGTH = 5
#: Questions whose reading is kept (one turn reads its question several times).
READINGS = 64


#: British endings and the American ones a document may use instead ("customise", "customize").
BRITISH = ((re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
           (re.compile(r"our$"), "or"), (re.compile(r"tre$"), "ter"))


def _done_by_party(text: str) -> set[str]:
    """The lemmas of :data:`PARTY_VERBS` a party named before them in their sentence does (:func:`_party`)."""
    done = set()
    for sentence in re.split(r"(?<=[?.!;])\s+", text):
        written = tokens(sentence)
        done |= {lemma(w) for i, w in enumerate(written)
                 if w in PARTY_VERBS and _party(written[max(0, i - PARTY_REACH):i])}
    return done


def _party(written: list[str]) -> bool:
    """Whether words name a party other than the asker ("a kpo provider actually take the time to"; not "our vendor")."""
    return any(lemma(w) in PARTIES and not set(written[max(0, i - 2):i]) & {"our", "my"} for i, w in enumerate(written))


def _known(word: str, known: Mapping[str, float]) -> str | None:
    """The document's word for ``word``: its lemma, or the word itself, if the document uses it."""
    return next((form for form in (lemma(word), word) if form in known), None)


def _american(word: str, known: Mapping[str, float]) -> str | None:
    """The document's word a British spelling stands for ("customise" -> "customize"), if it uses one."""
    for ending, replacement in BRITISH:
        other = ending.sub(replacement, word)
        if other != word and (found := _known(other, known)) is not None:
            return found
    return None


#: Prefixes that leave the document's word underneath ("preinstalled" is about installing).
PREFIXES = ("pre", "re", "un", "non", "self", "co", "over", "under", "multi", "sub", "out")


def _adjective(word: str, known: Mapping[str, float]) -> str | None:
    """The document's adjective an "-ly" adverb comes from ("globally": global; "easily": easy), if it uses one."""
    return next((stem for stem in adjectives_of(word) if stem in known), None)


def _unprefixed(word: str, known: Mapping[str, float]) -> str | None:
    """The document's word under a prefix ("preinstalled" -> "install"), if it uses one."""
    for prefix in PREFIXES:
        rest = word[len(prefix):].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 4 and (found := _known(rest, known)) is not None:
            return found
    return None


def _split(word: str, known: Mapping[str, float]) -> tuple[str, str] | None:
    """Two of the document's words written as one ("timezones" -> "time", "zone"), if they are."""
    for i in range(3, len(word) - 2):
        head, tail = word[:i], lemma(word[i:])
        if head in known and tail in known:
            return head, tail
    return None


def spelled_as(word: str, known: list[str], shortest: int = SPELLING_LENGTH, plural: bool = True) -> str | None:
    """The known word ``word`` misspells ("emplyees" -> "employee"), if one is close enough (and it is ``shortest`` long).

    ``plural``: the known words are lemmas, so a final "s" is dropped first ("benifits" is matched as "benifit").
    """
    found = spellings_of(word, known, shortest, plural)
    return found[0] if found else None


def spellings_of(word: str, known: list[str], shortest: int = SPELLING_LENGTH, plural: bool = True) -> list[str]:
    """The known words ``word`` misspells equally closely ("entery": "enter", "entry"), as :func:`spelled_as`."""
    if len(word) < shortest or not word.isalpha():
        return []
    found = process.extract(word.removesuffix("s") if plural else word, known, scorer=fuzz.ratio,
                            score_cutoff=SPELLING, limit=5)
    return [right for right, score, _ in found if score == found[0][1]]


class Index:
    """The store's passages with their words, for :meth:`find`."""

    def __init__(self, store: FactStore, words: Collection[str] = ()) -> None:
        """Index a store's passages.

        Args:
            store: The fact store.
            words: More words a misspelling may stand for (the reviewed topic words).
        """
        self.store = store
        self.passages = store.passages()
        self.adverbs = store.adverbs()
        self._adverbs = sorted(self.adverbs)
        # a sentence under a titled characteristic or similarity is also about its title
        said = [content_words(f"{p.text} {p.title or ''}") for p in self.passages]
        # (a concept's name in it says nothing of what it holds: "Software as a Service (SaaS) is ..." answers no
        # question about installing "the software"; the name's words still weigh as the document's words, and a word
        # the document writes only in a name, "infrastructure" of the second document, still matches there)
        names = re.compile(rf"\b(?:{concept_names(store)})\b", re.IGNORECASE)
        unnamed = [frozenset(base for _, base in content_words(names.sub(" ", f"{p.text} {p.title or ''}")))
                   for p in self.passages]
        elsewhere = frozenset().union(*unnamed)
        self.words = [own | frozenset(base for _, base in pairs if base not in elsewhere)
                      for own, pairs in zip(unnamed, said, strict=True)]
        grouped: dict[tuple[str, str | None], list[int]] = {}
        for number, passage in enumerate(self.passages):
            grouped.setdefault((passage.section, passage.title), []).append(number)
        self.sections = [Section(tuple(self.passages[n] for n in numbers), frozenset().union(*(self.words[n] for n in numbers)))
                         for numbers in grouped.values()]
        counts = Counter(word for pairs in said for word in {base for _, base in pairs})
        total = len(self.passages) or 1
        self.idf = {word: math.log(1 + total / n) for word, n in counts.items()}
        self.rarest = math.log(1 + total)
        self._stems: dict[str, set[str]] = {}
        for word in self.idf:
            if len(word) >= FORM_LETTERS and word.isalpha():
                self._stems.setdefault(word[:FORM_LETTERS], set()).add(word)
        self.names = re.compile(rf"\b(?:{concept_names(store)})\b", re.IGNORECASE)
        self.full_names = full_names(store)
        #: The comparison table's row names ("Control").
        self.row_names = frozenset(aspect.name for aspect in store.aspects())
        #: The words a misspelling is corrected to: the document's and those WordNet relates to them.
        self.known = sorted(set(self.idf) | set(store.related_words()) | set(words))
        #: The reviewed topic words: a question using one ("just cheap labour?") asks a topic, whatever the document says.
        self.topic_words = frozenset(words)
        #: Those of several words ("back and forth", "de risk"), whose words ("forth", "de") ask that topic too where they
        #: stand in one, written with spaces or hyphens ("de-risk").
        phrases = sorted((w for w in words if " " in w.strip()), key=len, reverse=True)
        spelled = (re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases)
        self.topic_phrases = re.compile(rf"\b(?:{'|'.join(spelled)})\b", re.IGNORECASE) if phrases else None
        #: Two content words side by side in a clause of the document ("operating system", "virtual machine"; not
        #: "email, accounting"): its phrases.
        clauses = [[base for _, base in content_words(clause)] for p in self.passages
                   for clause in re.split(r"[,;:.!?()]", p.text)]
        self.pairs = frozenset(pair for said_in in clauses for pair in zip(said_in, said_in[1:], strict=False)
                               if all(len(b) >= PHRASE_LETTERS for b in pair))
        #: The document's words as written, with their lemmas: "biling" misspells "billing", not the lemma "bill".
        self.written = {w.lower(): base for pairs in said for w, base in pairs}
        self._written = sorted(self.written)
        # one turn reads its question for the answer, the aside and the notice alike: read it once
        self._readings = lru_cache(maxsize=READINGS)(self._read)
        self._stops = sorted(stop_words())
        # a stop word's letters swapped ("teh", "waht") are that word
        self._stop_letters = {"".join(sorted(w)) for w in self._stops if STOP_SPELLING_LENGTH <= len(w) <= SPELLING_LENGTH}

    def says_phrase(self, text: str) -> bool:
        """Whether a text holds two words side by side that the document writes side by side ("the operating system")."""
        said = [base for _, base in content_words(text)]
        # (of words the document seldom uses: not "outsourcing helps", of a document on outsourcing)
        return any(pair in self.pairs and all(self.idf.get(w, 0.0) >= self.rarest / 2 for w in pair)
                   for pair in zip(said, said[1:], strict=False))

    def is_row(self, passage: Passage) -> bool:
        """Whether a passage is a row of the comparison table ("Control: SaaS: Low; IaaS: High")."""
        return (passage.concept is None and passage.title in self.row_names
                and passage.text.startswith(f"{passage.title}:"))

    def read(self, text: str) -> Reading:
        """The words a question is about, misspellings corrected, and the names the document does not use.

        Its content lemmas count, less the concepts' names (left out as a whole, "Software as
        a Service", while "update my software" keeps "software") and the words that only frame
        a question. A word that is neither the document's, nor related to one, nor English is
        a misspelling of a known word when one is close enough ("emplyees"), else a name.
        """
        return self._readings(text)

    def _read(self, text: str) -> Reading:
        # (a full name spelled wrongly names a concept too: "sofware as a serivce, do i have to install anyhting")
        text = FRAMING.sub(" ", without_misspelled_names(self.full_names, self.names.sub(" ", text)))
        text = DOCUMENT_PLACE.sub(" ", text)
        for idiom, meant in MEANT_BY:  # ("... or is it pretty much one-size-fits-all?": how customized)
            text = idiom.sub(f" {meant} ", text)
        stops = stop_words()
        done = _done_by_party(text)
        written = [(w, base) for w, base in content_words(text) if (base not in FRAME or base in done) and base not in stops]
        strange = [base for _, base in written if base not in self.idf]
        related = set(self.store.related(strange))
        english = self.store.english([*strange, *(w.lower() for w, _ in written)])
        words: dict[str, None] = {}
        unknown: dict[str, None] = {}
        for shown, base in written:
            if base in self.idf:
                words[base] = None
                continue
            # a British spelling of the document's word ("customise" for "customize") is that word
            if (american := _american(base, self.idf)) is not None:
                words[american] = None
                continue
            # an adverb of the document's adjective is that adjective ("operates globally": global reach)
            if (adjective := _adjective(base, self.idf)) is not None:
                words[adjective] = None
                continue
            if base in related or base in english or shown.lower() in english:
                words[base] = None
                continue
            if parts := _split(base, self.idf):  # "timezones": the document's "time zones"
                words.update(dict.fromkeys(parts))
                continue
            fixed = (_unprefixed(base, self.idf) or spelled_as(base, self.known) or self._written_as(shown)
                     or self._expand(base))
            if fixed is not None:
                words[fixed] = None
            elif not shown.isupper() and (spelled_as(base, self._stops, STOP_SPELLING_LENGTH, plural=False) is not None
                                          or "".join(sorted(base)) in self._stop_letters
                                          # (nor does a misspelled adverb, which only says how: "automaticaly")
                                          or spelled_as(base, self._adverbs, plural=False) is not None):
                continue  # a misspelled stop word ("betwen", "whch", "teh") asks nothing; "ATS" is a name
            else:
                words[base] = None
                unknown[shown] = None
        return Reading(tuple(words), tuple(unknown))

    def _written_as(self, shown: str) -> str | None:
        """The lemma of the document's written word ``shown`` misspells ("biling": "billing", so "bill"), if any."""
        found = spelled_as(shown.lower(), self._written, plural=False)
        return self.written[found] if found is not None else None

    def _expand(self, word: str) -> str | None:
        """The one word of the document a short form begins ("app" for "application"), if just one."""
        if len(word) < 3 or not word.isalpha():
            return None
        longer = [known for known in self.idf if known.startswith(word) and len(known) > len(word)]
        return longer[0] if len(longer) == 1 else None

    def forms(self, word: str) -> dict[str, float]:
        """The document's other words that begin as ``word`` does, with their weight (:data:`STEM_FORM`).

        "strategy" is matched in "strategic", "competition" in "competitive"; WordNet relates neither pair.
        """
        if len(word) < FORM_LETTERS or not word.isalpha():
            return {}
        return {other: STEM_FORM for other in self._stems.get(word[:FORM_LETTERS], ()) if other != word}

    def question_words(self, text: str) -> list[str]:
        """The words a question is about (see :meth:`read`)."""
        return list(self.read(text).words)

    def _weight(self, word: str, related: Mapping[str, object]) -> float:
        """How much a question's word weighs: its idf; a word the document does not use, the most."""
        if word in self.idf:
            return self.idf[word]
        weight = self.rarest if word in related else UNKNOWN * self.rarest
        return weight * MANNER if self.only_says_how(word) else weight

    def only_says_how(self, word: str) -> bool:
        """Whether a word is an adverb, which only says how ("where does the hardware physically live").

        "supply" and "italy" are no adverbs: the word before "-ly" must be a word. "instead" is one (WordNet
        knows it as an adverb only).
        """
        return word in self.adverbs or word.endswith("ly") and bool(self.store.english([word[:-2], word[:-3] + "le"]))

    def find(self, text: str, concepts: list[str] | tuple[str, ...] = (), words: list[str] | None = None,
             limit: int = 3) -> list[Hit]:
        """The passages that best match a question, best first.

        Args:
            text: The question.
            concepts: Concepts the question names; their passages are preferred.
            words: The words to match instead of the question's own (a part of them).
            limit: How many to return at most.
        """
        asked = words if words is not None else self.question_words(text)
        if not asked:
            return []
        related, weights, whole = self._weigh(asked)
        hits = []
        for passage, have in zip(self.passages, self.words, strict=False):
            got, matched = self._match(asked, weights, related, have)
            if got:
                hits.append(Hit(passage, _preferred(got, passage.concept, concepts), got / whole, matched))
        hits.sort(key=lambda h: (-h.score, h.passage.line))
        return hits[:limit]

    def _weigh(self, asked: list[str]) -> tuple[Mapping[str, Mapping[str, float]], dict[str, float], float]:
        """The related words of the asked words, each asked word's weight, and their sum.

        Related are WordNet's words for those the document does not use, and the document's other forms of each.
        """
        known = self.store.related(w for w in asked if w not in self.idf)
        related = {w: {**forms, **known.get(w, {})} for w in asked if (forms := self.forms(w)) or w in known}
        # a word neither the document nor WordNet's related words know ("france") weighs most:
        # the document says nothing about it
        weights = {w: self._weight(w, related) for w in asked}
        return related, weights, sum(weights.values())

    def _match(self, asked: list[str], weights: Mapping[str, float], related: Mapping[str, Mapping[str, float]],
               have: frozenset[str]) -> tuple[float, frozenset[str]]:
        """The weight of the asked words a passage's words match, directly or through a related word, and which."""
        got, matched = 0.0, set()
        for word in asked:
            if word in have:
                got += weights[word]
                matched.add(word)
                continue
            # a match through a common word of the document ("use" for "apply") says little
            best = max((weight * min(weights[word], self.idf[doc])
                        for doc, weight in related.get(word, {}).items() if doc in have), default=0.0)
            if best:
                got += best
                matched.add(word)
        return got, frozenset(matched)

    def best_section(self, text: str, concepts: list[str] | tuple[str, ...] = (),
                     leave_out: frozenset[str] = frozenset()) -> SectionHit | None:
        """The part of the document (a paragraph, a characteristic, a table row) that best matches a question.

        A question's words often fall in different sentences of one paragraph ("will a KPO
        firm make business decisions for us, or just advise?": the KPO definition's sentences
        on firms and on strategic decision-making); the paragraph is matched as a whole, a
        long one counting a little less for holding more words.

        Args:
            text: The question.
            concepts: Concepts the question names; their paragraphs are preferred.
            leave_out: Words that only say what kind of answer is wanted ("recommend").
        """
        asked = [w for w in self.question_words(text) if w not in leave_out]
        if not asked:
            return None
        related, weights, whole = self._weigh(asked)
        best: SectionHit | None = None
        for section in self.sections:
            got, matched = self._match(asked, weights, related, section.words)
            if not got:
                continue
            score = _preferred(got / len(section.words) ** LENGTH, section.concept, concepts)
            if best is None or score > best.score:
                best = SectionHit(section, score, got / whole, matched)
        return best


def _preferred(score: float, concept: str | None, concepts: list[str] | tuple[str, ...]) -> float:
    """A match's score, more for a passage of a concept the question names, less for another concept's."""
    if concepts and concept:
        return score * (OWN_CONCEPT if concept in concepts else OTHER_CONCEPT)
    return score


# -- answers ------------------------------------------------------------------------------------

#: A sentence that opens by pointing back at the one before it: "This flexibility ...", "Leveraging these resources ...".
POINTS_BACK = re.compile(r"^(?:This|These|That|Those|Such|It|They)\b|^[A-Z][a-z]+ing\s+(?:these|this|those|such)\b")


#: A sentence that qualifies the one before it ("However, it also introduces new risks related to vendor management"):
#: quoted with it, as the document's own "but".
QUALIFIES = re.compile(r"^(?:However|But|Yet|Still|Nevertheless|Nonetheless|That\s+said|On\s+the\s+other\s+hand)\b")


def in_reading_order(store: FactStore, quoted: list[Passage]) -> list[Passage]:
    """Passages to quote, each that points back right after the sentence of its paragraph it points to.

    That sentence is added when it is not quoted, and moved up when it is quoted later. A sentence of the same paragraph
    that qualifies one quoted (:data:`QUALIFIES`) comes right after it: "Outsourcing helps distribute certain operational
    risks ..." is not quoted without "However, it also introduces new risks related to vendor management ...".
    """
    ordered: list[Passage] = []
    seen: set[str] = set()
    after = _qualified_by(store)
    for passage in quoted:
        before = _sentence_before(store).get(passage.text) if POINTS_BACK.match(passage.text) else None
        if before is not None and before.text not in seen:
            ordered.append(next((q for q in quoted if q.text == before.text), before))
            seen.add(before.text)
        if passage.text not in seen:
            ordered.append(passage)
            seen.add(passage.text)
        # (and, of what it says, the sentence after that qualifies it, though that one was not found)
        last = ordered[-1]
        if (but := after.get(last.text)) is not None and but.text not in seen:
            ordered.append(next((q for q in quoted if q.text == but.text), but))
            seen.add(but.text)
    return ordered


@lru_cache(maxsize=8)
def _qualified_by(store: FactStore) -> dict[str, Passage]:
    """Each sentence of a store that the next one of its paragraph qualifies, with that one (read once per store)."""
    before = _sentence_before(store)
    return {before[p.text].text: p for p in store.passages() if QUALIFIES.match(p.text) and p.text in before}


@lru_cache(maxsize=8)
def _sentence_before(store: FactStore) -> dict[str, Passage]:
    """Each sentence of a store, with the one before it in the same paragraph (read once per store)."""
    ordered = store.passages()
    return {p.text: q for q, p in zip(ordered, ordered[1:], strict=False)
            if (q.section, q.title, q.concept) == (p.section, p.title, p.concept)}


#: The best passage answers a question when it covers at least this share of what it asks.
ANSWERS = 0.5
#: Passages scoring at least this share of the best one are quoted too.
CLOSE = 0.7
#: A passage added beside a template's answer must cover this share of what that answer left out.
ADDS = 0.6


def section_answer(section: Section, intro: str, found: bool = True, aside: bool = False,
                   passages: list[Passage] | None = None) -> Answer:
    """A section's sentences (all, or ``passages`` of it), after ``intro`` (a wording key that takes ``where``)."""
    quoted = section.passages if passages is None else passages
    first = quoted[0]
    return Answer(say(intro, where=section.where), (Place(Part.SECTION, heading=first.section, line=first.line),),
                  items=[say("passage_item", text=p.text) for p in quoted], topic=Topic.SEARCH,
                  found=found, concept=section.concept, aside=aside)


def answer(index: Index, text: str, concepts: list[str] | tuple[str, ...] = (),
           coverage: float = ANSWERS, sure: float = ANSWERS) -> Answer | None:
    """The passages that answer a question no template answers, or None if none covers enough of it.

    Args:
        index: The store's passages.
        text: The question.
        concepts: The concepts it names (or the one in context); their passages come first.
        coverage: The share of the question each passage quoted must cover.
        sure: Passages that cover less than this share are quoted after saying the document
            does not answer the question directly ("why is communication such a big deal
            there?" is answered only on communication).
    """
    # the concept's own passages rank first, but one that covers too little is no answer however it ranks
    found = index.find(text, concepts, limit=8)
    hits = [h for h in found if h.coverage >= coverage]
    if not hits:
        return None
    chosen = [h for h in hits if h.score >= CLOSE * hits[0].score][:3]
    # asked of one concept, and only another's passages cover enough: the asked one's that matches as well comes first,
    # though it covers less ("with iaas the vendor installs our applications for us, yes?": SaaS's definition has the
    # vendor and the applications, IaaS's "The customer installs and runs its own software on them." the installing)
    if len(concepts) == 1 and all(h.passage.concept not in (None, concepts[0]) for h in chosen):
        own = next((h for h in found if h.passage.concept == concepts[0] and h.score >= CLOSE * hits[0].score
                    and h.coverage >= coverage / 2), None)
        if own is not None:
            chosen = [own, *chosen][:3]
    # (a sentence that points back after the one it points to: "This can lead to enhanced service delivery ...")
    by_text = {h.passage.text: h for h in chosen}
    chosen = [by_text.get(p.text) or Hit(p, 0.0, 0.0, frozenset())
              for p in in_reading_order(index.store, [h.passage for h in chosen])]
    named = {h.passage.concept for h in chosen}
    intro = "passages_intro" if max(h.coverage for h in chosen) >= sure else "passages_partial"
    # asked of one concept, a passage about another says whose it is ("With SaaS, who picks the operating
    # system?": the customer does, of IaaS)
    asked = concepts[0] if len(concepts) == 1 else None
    items = [say("passage_item_of", concept=h.passage.concept, text=h.passage.text)
             if asked and h.passage.concept not in (None, asked) else say("passage_item", text=h.passage.text)
             for h in chosen]
    # only the other concept's characteristic answers: the table's row it is named after says where the one asked
    # stands ("With SaaS, can we pick our own operating system?": IaaS's Full Control, and the row Control)
    if asked and all(h.passage.concept not in (None, asked) for h in chosen):
        rows = _rows_named_by(index, chosen)
        items += [say("topic_item", concept=say("topic_table"), text=row.text) for row in rows]
        chosen = [*chosen, *(Hit(row, 0.0, 0.0, frozenset()) for row in rows)]
        # (and with no row to say where the one asked stands, the document does not answer it of that one: "is IaaS
        # ready to use straight away?" gets SaaS's "The application works as soon as an account exists.")
        if not rows:
            intro = "passages_partial"
    # (the concept a follow-up then asks of: the passages' one concept, else the one asked ("How much control do you
    # have with SaaS?" gets the row Control, then "is that true for the other one too" asks it of IaaS))
    theirs = named - {None}
    return Answer(say(intro), places(chosen), items=items, topic=Topic.SEARCH,
                  found=intro == "passages_intro",
                  concept=theirs.pop() if len(theirs) == 1 else asked)


def row_named_after(title: str, rows: Iterable[str]) -> str | None:
    """The one of the comparison table's ``rows`` a characteristic's title is named after ("Full Control": Control).

    Of several rows named in a title, the one with the most of its words ("Focus on Value Addition": Value
    Addition, not Focus); none when they tie.
    """
    words = set(content_lemmas(title))
    named = [(len(lemmas), row) for row in rows if (lemmas := set(content_lemmas(row))) <= words]
    best = max((n for n, _ in named), default=0)
    top = [row for n, row in named if n == best]
    return top[0] if len(top) == 1 else None


def _rows_named_by(index: Index, hits: list[Hit]) -> list[Passage]:
    """The comparison table's rows the hits' characteristics are named after (:func:`row_named_after`)."""
    found = []
    for title in dict.fromkeys(h.passage.title for h in hits if h.passage.title):
        row = row_named_after(title, index.row_names)
        passage = next((p for p in index.passages if index.is_row(p) and p.title == row), None)
        if passage is not None and passage not in found:
            found.append(passage)
    return found


def aside(index: Index, text: str, concepts: list[str] | tuple[str, ...], given: list[Answer],
          answered: frozenset[str] = frozenset(), adds: float = ADDS, left: list[str] | None = None) -> Answer | None:
    """What the document says on the part of a question a template's answer left out, if anything.

    "How complex is KPO, and is it cost effective?" gets the table's row on complexity from
    the template, and here the sentence on what makes KPO cost-effective.

    Args:
        index: The store's passages.
        text: The question.
        concepts: The concepts it names (or the one in context).
        given: The template's answers.
        answered: Words the template answers by its kind ("differ" for the comparison table).
        adds: The share of the left-out words a passage must cover.
        left: The words the answers left out, when :func:`unanswered` found them already.
    """
    said = " ".join(shown(a) for a in given)
    left = unanswered(index, text, given, answered) if left is None else left
    if not left:
        return None
    hits = [h for h in index.find(text, concepts, words=left, limit=2)
            if h.coverage >= adds and h.passage.text not in said]
    if adds < ADDS:  # a looser match must use a word of the question itself, in the concept asked about
        hits = [h for h in hits if (not concepts or h.passage.concept in (None, *concepts)) and _uses_asked(h)]
    elif len(left) == 1:  # so must a match on the one word left (WordNet's "push" is also "labor")
        hits = [h for h in hits if _uses_asked(h)]
    if not hits:
        return None
    return Answer(say("passages_more"), places(hits), items=[say("passage_item", text=h.passage.text) for h in hits],
                  aside=True)


def _uses_asked(hit: Hit) -> bool:
    """Whether a passage holds one of the question's words it matched itself, not only a relative of one."""
    return bool(hit.matched & set(content_lemmas(f"{hit.passage.text} {hit.passage.title or ''}")))


def unanswered(index: Index, text: str, given: list[Answer], answered: frozenset[str] = frozenset(),
               closest: float = 0.0) -> list[str]:
    """The words of a question that answers leave out: none of them says the word, a form of it or a relative.

    Args:
        index: The store's passages.
        text: The question.
        given: The answers.
        answered: Words the answers' kind answers ("differ" for the comparison table).
        closest: The least weight of a relative that says the word (:data:`SAID_BY`: a form, a synonym or a
            similar word).
    """
    said = set(content_lemmas(" ".join(shown(a) for a in given)))
    asked = [w for w in index.question_words(text) if w not in answered]
    related = _related(index, (w for w in asked if w not in said), closest)
    stems = {w[:STEM] for w in said if len(w) >= STEM}
    return [w for w in asked if w not in said and not set(related.get(w, {})) & said
            and not (len(w) >= STEM and w[:STEM] in stems)]


#: A word the document speaks of only through a narrower or broader word (WordNet's "language" under "process",
#: "penalty" under "advantage") is not said by it: relatives from this weight on (forms, synonyms, similar words) are.
SAID_BY = 0.6


def _related(index: Index, words: Iterable[str], closest: float) -> dict[str, dict[str, float]]:
    """The document's relatives of words, from the weight ``closest`` on."""
    found = index.store.related(words)
    if closest:
        found = {w: {r: k for r, k in near.items() if k >= closest} for w, near in found.items()}
    return found


#: Passages on the rest of a question a template's answer mostly left out are added at this lower coverage.
LOOSE = 0.3


def leaves_most(index: Index, text: str, left: list[str], answered: frozenset[str] = frozenset(),
                share: float = 0.5, least: int = 2) -> bool:
    """Whether the words of a question its answers leave out are most of it (by weight).

    "what salary does a BPO agent earn?" gets BPO's definition from a template, which says
    nothing of salaries, agents or earning.

    Args:
        index: The store's passages.
        text: The question.
        left: Its words the answers leave out (:func:`unanswered`).
        answered: Words the answers' kind answers.
        share: The share of the question's weight (idf) that must be left out.
        least: How many of its words must be left out (one may only frame it: "in simple terms").
    """
    return len(left) >= least and share_left(index, text, left, answered) >= share


def share_left(index: Index, text: str, left: list[str], answered: frozenset[str] = frozenset()) -> float:
    """The share of a question's weight (idf) in the words its answers leave out (:func:`unanswered`).

    Args:
        index: The store's passages.
        text: The question.
        left: Its words the answers leave out.
        answered: Words the answers' kind answers.
    """
    weight = {w: index.idf.get(w, index.rarest) for w in index.question_words(text) if w not in answered}
    whole = sum(weight.values())
    return sum(weight.get(w, 0.0) for w in left) / whole if whole else 0.0


def never_said(index: Index, text: str, left: list[str], closest: float = 0.0) -> Answer | None:
    """"The document does not say anything about salary, agent or earn.", for those words it never uses.

    Args:
        index: The store's passages.
        text: The question, for the words as written.
        left: The question's words an answer left out (:func:`unanswered`).
        closest: The least weight of a relative of the document's that counts as its word.
    """
    related = _related(index, (w for w in left if w not in index.idf), closest)
    # (a word of a topic's phrase the question uses: "forth" in "less back and forth with the client")
    phrased = _in_topic_phrases(index, text) | {w for m in IDIOMS.finditer(text) for w in content_lemmas(m.group(0))}
    # (nor an adverb, which only says how: "what if it went to a KPO firm instead?"; nor a misspelling of the document's
    # word: "what sort of tecnology do kpo providers use")
    absent = [w for w in left if w not in index.idf and w not in index.topic_words and w not in phrased
              and not set(related.get(w, {})) & set(index.idf) and not index.forms(w) and not index.only_says_how(w)
              and not any(c != w and c in index.idf for c in index.read(w).words) and w.casefold() not in WHO_WANTS]
    if not absent:
        return None
    written = dict((base, shown) for shown, base in content_words(text))
    return _not_mentioned([written.get(w, w) for w in absent])


def said_of(index: Index, text: str, concept: str) -> Answer | None:
    """What the document says of a concept in a question's words, as an aside (its own passages only).

    Args:
        index: The store's passages.
        text: The question ("Is KPO efficient?").
        concept: The concept asked about ("KPO").
    """
    hits = [h for h in index.find(text, [concept], limit=8) if h.passage.concept == concept and h.coverage >= ANSWERS]
    if not hits:
        return None
    return Answer(say("said_of", concept=concept), places(hits[:2]),
                  items=[say("passage_item", text=h.passage.text) for h in hits[:2]], aside=True)


def best_row(index: Index, text: str, concepts: list[str] | tuple[str, ...] = (),
             leave_out: frozenset[str] = frozenset()) -> str | None:
    """The comparison table's row a question is about, when the best passage is that row.

    "kpo emplyees qualifcations" asks about the row Employee Expertise; the words the
    template answers by its kind ("differ") are left out first.

    Args:
        index: The store's passages.
        text: The question.
        concepts: The concepts it names.
        leave_out: Words that only say what kind of answer is wanted.
    """
    words = [w for w in index.question_words(text) if w not in leave_out]
    # asked of both, no concept's own passages come first ("bpo vs kpo tools")
    hits = index.find(text, concepts if len(concepts) == 1 else (), words=words, limit=5) if words else []
    if not hits or hits[0].coverage < ANSWERS:
        return None
    # the row among the passages that match best ("tools": the row Technology Use and a sentence tie)
    rows = {h.passage.title for h in hits if h.score >= hits[0].score and index.is_row(h.passage)}
    return rows.pop() if len(rows) == 1 else None


def unmentioned(index: Index, text: str, capitalised: bool = False) -> Answer | None:
    """"The document does not say anything about GDPR", for the names a question uses that it never does.

    Said before an answer on the rest of the question ("is BPO GDPR compliant?" still gets
    what the document says about BPO), so nobody reads that answer as one about the name.

    Args:
        index: The store's passages.
        text: The question.
        capitalised: Only names written with a capital count (for a message that is off the
            topic anyway, where a stray word, "onerror", is no name).
    """
    # (not who wants the answer: "our CEO wants to de-risk wherever possible. does the doc say ...?"; nor a word of a
    # topic's phrase: "de" in "de-risk")
    phrased = _in_topic_phrases(index, text)
    unknown = [w for w in index.read(text).unknown if (not capitalised or w[:1].isupper())
               and w.casefold() not in WHO_WANTS and w.casefold() not in phrased]
    return _not_mentioned(unknown) if unknown else None


def _in_topic_phrases(index: Index, text: str) -> set[str]:
    """The words of a text that stand in a topic's phrase it uses ("forth" in "less back and forth", "de" in "de-risk")."""
    if index.topic_phrases is None:
        return set()
    return {w for m in index.topic_phrases.finditer(text) for w in content_lemmas(m.group(0))}


def _not_mentioned(words: list[str]) -> Answer:
    """"The document does not say anything about salary, agent or earn.", said before the answer."""
    return Answer(say("not_mentioned", names=listed(words, "or")), aside=True, outcome=Outcome.NOT_COVERED)


def shown(answer: Answer) -> str:
    """All an answer shows: its text, its items and its table's cells."""
    cells = " ".join(" ".join(row) for row in answer.table or [])
    return " ".join([answer.text, *answer.items, cells])


def places(hits: list[Hit]) -> tuple[Place, ...]:
    """Where the hits' passages stand in the document, to cite."""
    return tuple(Place(Part.SECTION, heading=h.passage.section, line=h.passage.line) for h in hits)
