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

import yaml

from bot.contract import Entity
from bot.facts.store import FactStore
from bot.paths import SPELLINGS

CONCEPT, ASPECT, CHARACTERISTIC = Entity.CONCEPT, Entity.ASPECT, Entity.CHARACTERISTIC


@dataclass
class Vocabulary:
    """Entity values and the surface forms that map to each.

    Attributes:
        lookups: Entity name -> every surface form, in a stable order.
        synonyms: Canonical value -> the other surface forms that mean it.
    """

    lookups: dict[str, list[str]] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def entity_of(self, canonical: str) -> str | None:
        """The entity whose lookup holds this canonical name."""
        for entity, values in self.lookups.items():
            if canonical in values:
                return entity
        return None

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


def read_spellings(path: str | Path = SPELLINGS) -> dict[str, list[str]]:
    """The hand-written spellings: Rasa ``synonym`` items of ``data/nlu/synonyms.yml``."""
    path = Path(path)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    spellings: dict[str, list[str]] = {}
    for item in data.get("nlu", []):
        if "synonym" in item:
            forms = [line[2:].strip() for line in str(item.get("examples", "")).splitlines() if line.startswith("- ")]
            spellings.setdefault(str(item["synonym"]), []).extend(forms)
    return spellings


def vocabulary(store: FactStore, spellings: dict[str, list[str]] | None = None) -> Vocabulary:
    """Collect the concept, aspect and characteristic names from the store.

    Args:
        store: The fact store.
        spellings: Extra forms per canonical name (default: ``data/nlu/synonyms.yml``).
            They go into the lookup tables; their synonyms already live in that file.
    """
    if spellings is None:
        spellings = read_spellings()
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
    for canonical, forms in spellings.items():
        entity = vocab.entity_of(canonical)
        if entity is None:
            vocab.unknown.append(canonical)
            continue
        values = vocab.lookups[entity]
        values.extend(f for f in forms if f.lower() not in (v.lower() for v in values))
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


def write_vocabulary(store: FactStore, out_dir: str | Path) -> tuple[Path, Vocabulary]:
    """Write ``vocabulary.yml`` into ``out_dir``.

    The file is rewritten only when its content changes, so editing a fact's
    wording (which changes no name) leaves it, and the trained model, current.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "vocabulary.yml"
    vocab = vocabulary(store)
    text = to_rasa_yaml(vocab)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        tmp = target.with_suffix(".yml.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return target, vocab
