"""NLU material generated from the store: lookup tables and synonyms.

The names of concepts, table rows (aspects) and titled characteristics and
similarities are a closed vocabulary read from the document. They are written
in Rasa's NLU YAML format under ``build/`` so training always matches the store.
Hand-written variants ("risky" for Risk Type) are project data in ``data/nlu/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.facts.store import FactStore

CONCEPT, ASPECT, CHARACTERISTIC = "concept", "aspect", "characteristic"


@dataclass
class Vocabulary:
    """Entity values and the surface forms that map to each.

    Attributes:
        lookups: Entity name -> every surface form, in a stable order.
        synonyms: Canonical value -> the other surface forms that mean it.
    """

    lookups: dict[str, list[str]] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)

    def add(self, entity: str, canonical: str, forms: Iterable[str]) -> None:
        """Add a value and its spellings.

        Rasa matches lookups without regard to case and looks synonyms up in
        lower case, so both lists keep one lower-case entry per spelling.
        """
        values = self.lookups.setdefault(entity, [])
        others = self.synonyms.setdefault(canonical, [])
        for form in [canonical, *forms]:
            key = form.lower()
            if key not in (v.lower() for v in values):
                values.append(form)
            if key != canonical and key not in others:
                others.append(key)


def variants(name: str) -> list[str]:
    """Lower-case and punctuation-free spellings of a name ("talent intensive")."""
    lower = name.lower()
    forms = [lower, lower.replace("-", " "), lower.replace("-", ""), re.sub(r"\s+and\s+", " & ", lower)]
    return list(dict.fromkeys(f for f in forms if f != name))


def vocabulary(store: FactStore) -> Vocabulary:
    """Collect the concept, aspect and characteristic names from the store."""
    vocab = Vocabulary()
    for concept in store.concepts():
        forms = [*variants(concept.name), concept.heading]
        vocab.add(CONCEPT, concept.abbreviation, forms)
    for aspect in store.aspects():
        vocab.add(ASPECT, aspect.name, variants(aspect.name))
    titles = [item.title for concept in store.concepts() for item in concept.characteristics]
    titles += [item.title for item in store.similarities()]
    for title in dict.fromkeys(titles):
        vocab.add(CHARACTERISTIC, title, variants(title))
    return vocab


def to_rasa_yaml(vocab: Vocabulary) -> str:
    """Render as Rasa 3 NLU training data (``lookup`` and ``synonym`` items)."""
    out = ['version: "3.1"', "# Generated from the fact store by `make facts`; do not edit.", "nlu:"]
    for entity, values in vocab.lookups.items():
        out += [f"- lookup: {entity}", "  examples: |", *(f"    - {v}" for v in values)]
    for canonical, forms in vocab.synonyms.items():
        if forms:
            out += [f"- synonym: {_quote(canonical)}", "  examples: |", *(f"    - {f}" for f in forms)]
    return "\n".join(out) + "\n"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_vocabulary(store: FactStore, out_dir: str | Path) -> Path:
    """Write ``vocabulary.yml`` into ``out_dir`` and return its path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "vocabulary.yml"
    tmp = target.with_suffix(".yml.tmp")
    tmp.write_text(to_rasa_yaml(vocabulary(store)), encoding="utf-8")
    tmp.replace(target)
    return target
