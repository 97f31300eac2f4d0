"""Related words for the document's words, from WordNet, computed once when the store is built.

People ask with words the document does not use: "cheaper" for "cost", "staff" for
"workforce", "qualifications" for "degrees, certifications". WordNet (Princeton's lexical
database, Debian's ``wordnet-base``) relates them; nltk reads it. Reading WordNet takes a
few seconds and about 100 MB, so it happens here, at ``make facts``: for every word of the
document, the words WordNet relates to it are written to the store (``related`` table,
user word -> document word, with a weight), and the action server only looks them up.

Relations and their weights (a word is its lemma, as :func:`bot.text.lemma` gives it):

- the same word's other forms (WordNet's derivations: "qualification" -> "qualify"): 0.9;
- synonyms in the word's commonest senses ("inexpensive" -> "cheap"): 0.8;
- similar adjectives and pertainyms, and the synonyms' derivations: 0.6;
- narrower words ("clerk" -> "employee", a hyponym up to two levels down, of a sense
  that is not too general): 0.5;
- the broader word of its first sense ("worker" -> "employee"): 0.4.

WordNet's common words (``common_words``) are kept too (``english`` table): a question's word
that is neither one of them nor the document's is a name ("Teleperformance", "GDPR") or a
misspelling ("emplyees"), which the answering side tells apart. So are the words WordNet knows
only as adverbs (``adverbs_only``, ``adverbs`` table): "instead" only says how, never what is asked.

Nothing here names a document's concepts or wording: the same code serves any document.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.paths import WORDNET, WORDNET_SOURCE
from bot.text import lemma, stop_words

#: Senses of a document word whose synonyms and narrower words count (WordNet lists the commonest first).
SENSES = 3
#: A sense with more narrower senses than this (two levels down) is too general to expand.
MAX_NARROWER = 40
#: Weights by relation (see the module's docstring).
FORM, SYNONYM, NEAR, NARROWER, BROADER = 0.9, 0.8, 0.6, 0.5, 0.4
#: WordNet's lexicographer files, in the order of their numbers (WordNet 3.0, ``lexnames(5WN)``).
#: Debian's package leaves this file out, and nltk needs it.
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
_CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}
WORDNET_HINT = "install Debian's wordnet-base (`make wordnet` does) and run `make facts` again"


class LexiconError(RuntimeError):
    """WordNet's data is missing or unreadable."""


def prepare(source: Path = WORDNET_SOURCE, folder: Path = WORDNET) -> Path:
    """A WordNet folder nltk can read: Debian's data files copied, plus the ``lexnames`` file.

    nltk reads only below the folder it is given, so the files are copied, not linked.

    Raises:
        LexiconError: if Debian's WordNet data is not installed.
    """
    if (folder / "lexnames").is_file():
        return folder
    if not (source / "data.noun").is_file():
        raise LexiconError(f"no WordNet data in {source}: {WORDNET_HINT}")
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for pos in ("noun", "verb", "adj", "adv"):
        for kind in ("data", "index"):
            shutil.copyfile(source / f"{kind}.{pos}", partial / f"{kind}.{pos}")
        if (source / f"{pos}.exc").is_file():
            shutil.copyfile(source / f"{pos}.exc", partial / f"{pos}.exc")
    lines = [f"{n:02d}\t{name}\t{_CATEGORY[name.split('.')[0]]}" for n, name in enumerate(LEXNAMES)]
    (partial / "lexnames").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder


@lru_cache(maxsize=1)
def wordnet() -> Any:
    """Nltk's reader over WordNet (read once per process: a few seconds).

    Raises:
        LexiconError: if WordNet's data is missing or nltk cannot read it.
    """
    folder = prepare()
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):
        def map_wn(self, version: str = "wordnet") -> None:
            """No mapping to another WordNet version: the multilingual data is not used."""
            return None

    if str(folder) not in nltk.data.path:
        nltk.data.path.insert(0, str(folder))  # nltk reads only below its data paths
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "multilingual functions are not available"
            return Reader(str(folder), None)
    except (OSError, ValueError, AssertionError) as error:
        raise LexiconError(f"cannot read WordNet in {folder} ({error}): {WORDNET_HINT}") from None


def related(vocabulary: Iterable[str]) -> dict[tuple[str, str], float]:
    """``(user word, document word) -> weight`` for the document's words.

    Args:
        vocabulary: The document's content lemmas.

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    wn = wordnet()
    stops = stop_words()
    vocabulary = set(vocabulary)
    found: dict[tuple[str, str], float] = {}

    def add(name: str, word: str, weight: float) -> None:
        if not name.isalpha():  # "customer_service", "tailor-make": not one word
            return
        user = lemma(name.lower())
        if user == word or user in stops or len(user) < 3 or user in vocabulary:
            return  # a word of the document matches itself
        if found.get((user, word), 0.0) < weight:
            found[(user, word)] = weight

    for word in sorted(vocabulary):
        if not word.isalpha() or len(word) < 3:
            continue
        synsets = wn.synsets(word)
        for lemma_ in wn.lemmas(word):
            for form in lemma_.derivationally_related_forms():
                add(form.name(), word, FORM)
        by_pos: dict[str, int] = {}
        for synset in synsets:
            rank = by_pos.get(synset.pos(), 0)
            by_pos[synset.pos()] = rank + 1
            if rank >= SENSES:
                continue
            for other in synset.lemmas():
                add(other.name(), word, SYNONYM)
                for form in other.derivationally_related_forms():
                    add(form.name(), word, NEAR)
                for pertainym in other.pertainyms():
                    add(pertainym.name(), word, NEAR)
            for similar in synset.similar_tos() + synset.also_sees():
                for other in similar.lemmas():
                    add(other.name(), word, NEAR)
            below = [n for n in synset.hyponyms()]
            below += [d for n in below for d in n.hyponyms()]
            if len(below) <= MAX_NARROWER:  # "change", "work": too general to say anything
                for narrower in below:
                    for other in narrower.lemmas():
                        add(other.name(), word, NARROWER)
            if rank == 0:
                for broader in synset.hypernyms():
                    for other in broader.lemmas():
                        add(other.name(), word, BROADER)
    return found


#: An acronym WordNet gives a sense is this long at most ("OS" for "operating system").
ACRONYM_LENGTH = 5


def phrase_names(phrases: Iterable[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """``(name, document word) -> weight`` for the names WordNet gives the document's two-word names.

    - Its acronym, in the sense they share: "operating system" is "OS", so a question's "os" weighs
      as "operating" and "system" (a synonym).
    - The products that are kinds of it: narrower senses, or instances of one, up to two levels down,
      that WordNet writes with a capital ("Windows", "UNIX", "Linux" under "operating system"; not
      "choice" under "decision making"), weighed as a narrower word is (:func:`related`).

    Args:
        phrases: Pairs of words that stand together in the document, lower-case.

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    wn = wordnet()
    stops = stop_words()
    found: dict[tuple[str, str], float] = {}

    def add(name: str, first: str, second: str, weight: float) -> None:
        for word in (lemma(first), lemma(second)):  # the document's lemmas
            if found.get((name, word), 0.0) < weight:
                found[(name, word)] = weight

    for first, second in set(phrases):
        for synset in wn.synsets(f"{first}_{second}"):
            for other in synset.lemma_names():
                short = other.lower()
                # ("IT" and "US" are stop words too: not acronyms a question's word is read as)
                if (other.isalpha() and other.isupper() and 2 <= len(other) <= ACRONYM_LENGTH
                        and short not in (first, second) and short not in stops):
                    add(short, first, second, SYNONYM)
            if synset.pos() != "n":
                continue
            below = synset.hyponyms() + synset.instance_hyponyms()
            below += [d for n in below for d in n.hyponyms() + n.instance_hyponyms()]
            if len(below) > MAX_NARROWER:
                continue
            for name in (name for narrower in below for name in narrower.lemma_names()):
                user = lemma(name.lower())
                if (name.isalpha() and not name.islower() and len(user) >= 3 and user not in stops
                        and user not in (first, second)):
                    add(user, first, second, NARROWER)
    return found


#: Kinds of people, as WordNet's noun senses group them (a sense and every narrower one), that the
#: fact store records for its words: whoever the reviewed data says marks a concept's work
#: (``people`` in ``data/classify/answers.yml``) is looked up among them.
PEOPLE_KINDS = ("expert.n.01", "scientist.n.01", "professional.n.01")


def people_kinds() -> dict[str, set[str]]:
    """Single lower-case nouns whose first sense is one of :data:`PEOPLE_KINDS` or narrower: word -> kinds ("expert").

    "geologist" is a scientist, "actuary" and "consultant" experts, "lawyer" a professional;
    "clerk" is none of them. Only a word's first (most frequent) sense counts.

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    wn = wordnet()
    found: dict[str, set[str]] = {}
    for kind in PEOPLE_KINDS:
        top = wn.synset(kind)
        below = set(top.closure(lambda s: s.hyponyms() + s.instance_hyponyms())) | {top}
        for sense in below:
            for name in sense.lemma_names():
                if name.isalpha() and name.islower() and (first := wn.synsets(name, "n")) and first[0] in below:
                    found.setdefault(name, set()).add(kind.split(".")[0])
    return found


#: The pseudo-kind the store records for every noun each sense of which is a person (WordNet's ``noun.person``).
SOMEONE = "someone"


def adverbs_only() -> set[str]:
    """Single lower-case words WordNet knows only as adverbs ("instead", "anyway", "purely").

    Such a word only says how or when ("what if it went to a KPO firm instead?"), never a thing a question
    asks of. Read straight from WordNet's index files (``wndb(5WN)``).

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    folder = prepare()
    by_pos: dict[str, set[str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(folder / f"index.{pos}", encoding="utf-8") as lines:
            by_pos[pos] = {line.split(" ", 1)[0] for line in lines if not line.startswith(" ")}
    others = by_pos["noun"] | by_pos["verb"] | by_pos["adj"]
    return {word for word in by_pos["adv"] - others if word.isalpha() and word.islower()}


def someone_words() -> set[str]:
    """Single lower-case nouns every sense of which is a person ("competitor", "scientist", "customer").

    "what edge would it give us over competitors?" names people, not a process to place; "server"
    and "client" are also things. Read straight from WordNet's index and data files (``wndb(5WN)``):
    ``index.noun`` lists a lemma's synsets, and each synset's lexicographer file says its kind.

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    folder = prepare()
    person = LEXNAMES.index("noun.person")
    people: set[str] = set()
    with open(folder / "data.noun", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith(" ") and int(line.split(" ", 2)[1]) == person:
                people.add(line.split(" ", 1)[0])
    found: set[str] = set()
    with open(folder / "index.noun", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split()
            name, pointers = fields[0], int(fields[3])
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            if name.isalpha() and name.islower() and all(offset in people for offset in fields[6 + pointers:]):
                found.add(name)
    return found


def common_words() -> set[str]:
    """English words as WordNet has them: single-word lemmas used in lower case, and their lemmas.

    Names ("Linux", "Windows" as WordNet writes them) are left out: a name the document
    does not use is something it does not cover. Read straight from WordNet's data files
    (their format is ``wndb(5WN)``), which is ten times faster than nltk's synsets.

    Raises:
        LexiconError: if WordNet's data is missing.
    """
    folder = prepare()
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(folder / f"data.{pos}", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(" "):  # the licence at the top
                    continue
                fields = line.split(" ")
                count = int(fields[3], 16)
                for written in fields[4:4 + 2 * count:2]:
                    name = written.split("(", 1)[0]  # "apt(p)": an adjective's position
                    if name.isalpha() and name.islower():
                        words.add(name)
                        words.add(lemma(name))
    return words
