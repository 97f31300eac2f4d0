"""Group the questions the document could not answer by what they were about.

Each question becomes its content words' lemmas (``bot.text``: no stop words, "cheaper"
read as "cheap"), weighted by TF-IDF over all the gaps, and the questions are clustered
by cosine distance (scikit-learn's agglomerative clustering, average linkage, cut at
:data:`DISTANCE`): "is KPO cheaper than BPO?" and "which one is cheaper?" land together,
"how is our data kept confidential?" apart. A group is named by its heaviest words.
Identical wordings are counted once for clustering, so thousands of gaps stay quick.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.report.summary import Question
from bot.text import content_lemmas, content_words

#: Cosine distance below which two questions' groups are joined (average linkage).
DISTANCE = 0.75
#: The most distinct wordings clustered; beyond them, the rarest go to "other questions".
MAX_WORDINGS = 4000
EXAMPLES = 3
#: Words that say nothing of what a question is about.
FRAMING = frozenset("bpo kpo outsourcing outsource process business knowledge tell know want need please "
                    "question thing something anything way really".split())


@dataclass
class Group:
    """Questions about one thing: a name, how many, how they went, and a few wordings."""

    name: str
    count: int = 0
    outcomes: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    last_day: str = ""
    conversations: set[str] = field(default_factory=set)


#: What a group is called when its questions hold only framing words ("tell me about outsourcing").
GENERAL = "questions in general words"
#: What the rarest wordings beyond :data:`MAX_WORDINGS` are called together.
OTHER = "other questions"


#: What ``--redact`` leaves in a text ("[name]", "[e-mail]", "#"): no word of what it is about.
PLACEHOLDERS = re.compile(r"\[(?:name|e-mail)\]|#+")


def words_of(text: str) -> list[str]:
    """The words a question is about."""
    return [w for w in content_lemmas(PLACEHOLDERS.sub(" ", text)) if w not in FRAMING and not w.isdigit()]


def _surfaces(questions: list[Question]) -> dict[str, str]:
    """Each lemma's commonest written form, to name groups in words people wrote ("data", not "datum")."""
    seen: dict[str, Counter] = {}
    for question in questions:
        for word, lemma in content_words(PLACEHOLDERS.sub(" ", question.text)):
            seen.setdefault(lemma, Counter())[word.lower()] += 1
    return {lemma: forms.most_common(1)[0][0] for lemma, forms in seen.items()}


def group(questions: list[Question]) -> list[Group]:
    """The questions in groups, the largest first."""
    if not questions:
        return []
    by_wording: dict[str, list[Question]] = {}
    for question in questions:
        key = " ".join(words_of(question.text))  # "" for framing words only: one group
        by_wording.setdefault(key, []).append(question)
    keys = sorted(by_wording, key=lambda k: -len(by_wording[k]))
    kept, rest = keys[:MAX_WORDINGS], keys[MAX_WORDINGS:]
    labels = _clusters(kept)
    clusters: dict[int, list[str]] = {}
    for key, label in zip(kept, labels, strict=True):
        clusters.setdefault(label, []).append(key)
    surfaces = _surfaces(questions)
    groups = [_group(members, by_wording, GENERAL if label == -1 else None, surfaces)
              for label, members in clusters.items()]
    if rest:
        groups.append(_group(rest, by_wording, OTHER, surfaces))
    return sorted(groups, key=lambda g: (-g.count, g.name))


def _clusters(keys: list[str]) -> list[int]:
    """A cluster label per key; keys with no word of their own share label -1."""
    if len(keys) == 1:
        return [0 if keys[0] else -1]
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    vectors = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True).fit_transform(keys)
    worded = [i for i in range(len(keys)) if vectors[i].nnz]
    labels = [-1] * len(keys)
    if len(worded) == 1:
        labels[worded[0]] = 0
    elif worded:
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=DISTANCE, affinity="precomputed",
                                        linkage="average")
        distances = cosine_distances(vectors[worded])  # from the sparse vectors: n x n, not n x vocabulary
        for i, label in zip(worded, model.fit_predict(distances), strict=True):
            labels[i] = int(label)
    return labels


def _group(keys: list[str], by_wording: dict[str, list[Question]], name: str | None,
           surfaces: dict[str, str]) -> Group:
    """The questions of ``keys`` as a group called ``name``, else by its three heaviest words as people wrote them."""
    weights: Counter = Counter()
    group = Group(name=name or "")
    for key in keys:
        questions = by_wording[key]
        for word in dict.fromkeys(key.split()):  # in order: a set's order changes from run to run
            weights[word] += len(questions)
        for question in questions:
            group.count += 1
            group.outcomes[question.outcome] += 1
            group.last_day = max(group.last_day, question.day)
            group.conversations.add(question.conversation)
            wording = " ".join(question.text.split())
            if len(group.examples) < EXAMPLES and wording and wording.lower() not in \
                    {e.lower() for e in group.examples}:
                group.examples.append(wording)
    if name is None:
        heaviest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        group.name = ", ".join(surfaces.get(word, word) for word, _ in heaviest)
    return group
