"""Command line for the fact store: ``python -m bot.facts build|show|search|nlu``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.facts.parse import ParseError, parse_file
from bot.facts.store import FactStore, StoreError, build_store
from bot.facts.vocabulary import write_vocabulary
from bot.paths import DEFAULT_STORE, DOCUMENTS, NLU_BUILD, ROOT, STORE_ENV, store_path


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.facts``: run one command (build, show, search or nlu).

    Returns:
        The exit status: 1 on a parse or store error, or a search that finds nothing; else 0.
    """
    parser = argparse.ArgumentParser(prog="python -m bot.facts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="parse documents and build the store")
    build.add_argument("documents", nargs="*", type=Path, help=f"default: {DOCUMENTS.relative_to(ROOT)}/*.txt")
    build.add_argument("--out", type=Path, help=f"store path (default: ${STORE_ENV} or {DEFAULT_STORE.relative_to(ROOT)})")
    build.add_argument("--nlu", type=Path, help="also write generated NLU lookups into this folder")
    show = commands.add_parser("show", help="print everything the store holds")
    show.add_argument("--db", type=Path)
    search = commands.add_parser("search", help="ranked passages for a query")
    search.add_argument("query")
    search.add_argument("--db", type=Path)
    search.add_argument("--limit", type=int, default=5)
    nlu = commands.add_parser("nlu", help="write lookup tables and synonyms for training")
    nlu.add_argument("--db", type=Path)
    nlu.add_argument("--out", type=Path, default=NLU_BUILD)
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ParseError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    paths = args.documents or sorted(DOCUMENTS.glob("*.txt"))
    if not paths:
        raise StoreError(f"no documents given and none in {DOCUMENTS}/")
    documents = [parse_file(p) for p in paths]
    target = build_store(documents, store_path(args.out))
    with FactStore.open(target) as store:
        counts = (
            f"{len(store.concepts())} concepts, "
            f"{sum(len(c.characteristics) for c in store.concepts())} characteristics, "
            f"{len(store.aspects())} aspects, {len(store.similarities())} similarities, "
            f"{len(store.examples())} examples"
        )
        if args.nlu:
            _, vocab = write_vocabulary(store, args.nlu)
            for name in vocab.unknown:
                print(f"warning: data/nlu/synonyms.yml spells '{name}', which is no name in the store",
                      file=sys.stderr)
    elapsed = time.perf_counter() - started
    names = ", ".join(p.name for p in paths)
    print(f"built {target} from {names}: {counts} in {elapsed:.2f}s")
    return 0


def _show(args: argparse.Namespace) -> int:
    with FactStore.open(args.db) as store:
        for document in store.documents():
            print(f"# {document.source} (sha256 {document.sha256[:12]})")
            for concept in document.concepts:
                print(f"\n## {concept.heading}  [line {concept.line}]")
                print(concept.definition)
                print(f"Examples: {', '.join(f'{e.text} ({e.source})' for e in concept.examples)}")
                print(f"Characteristics of {concept.abbreviation}:")
                for item in concept.characteristics:
                    print(f"  - {item.title}  [line {item.line}]")
            columns = [c.abbreviation for c in document.concepts]
            print(f"\n## {document.differences_heading}")
            width = max(len(a.name) for a in document.aspects)
            print(f"  {'Aspect':<{width}} | " + " | ".join(columns))
            for aspect in document.aspects:
                print(f"  {aspect.name:<{width}} | " + " | ".join(aspect.values[c] for c in columns))
            print(f"\n## {document.similarities_heading}")
            for item in document.similarities:
                print(f"  - {item.title}  [line {item.line}]")
    return 0


def _search(args: argparse.Namespace) -> int:
    with FactStore.open(args.db) as store:
        passages = store.search(args.query, limit=args.limit)
    if not passages:
        print("no passage matches", file=sys.stderr)
        return 1
    for passage in passages:
        print(f"{passage.score:6.2f}  [{passage.section}, line {passage.line}] {passage.text}")
    return 0


def _nlu(args: argparse.Namespace) -> int:
    with FactStore.open(args.db) as store:
        target, _ = write_vocabulary(store, args.out)
    print(f"wrote {target}")
    return 0


COMMANDS = {"build": _build, "show": _show, "search": _search, "nlu": _nlu}

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`: not an error worth a traceback
        sys.stderr.close()
        sys.exit(0)
