"""Measure open wording (issue 10) on a question, typed-answer or prose-task set.

``python -m tests.open_eval questions FILE``: open-topic questions, end to end over REST.
For each document the set names, both servers are started with that document's store and
a model trained with its names (the second document's model is trained once, into
``build/eval/<document>/``). A question is *right* when the answer contains at least
``min`` of its ``facts`` (and, for ``compared: false``, says the document does not compare
them); a question the document does not cover is right when the answer says so. An answer
that is neither right nor says the document does not cover or settle the question is a
*confident wrong* answer. ``--answers FILE`` writes each question with its answer and outcome
(JSON), to compare two runs.

``python -m tests.open_eval typed FILE``: typed answers to the guided classification, read
without Rasa (:mod:`bot.classify.reading`): right, asked again, wrong; typed button labels.

``python -m tests.open_eval tasks FILE``: tasks in prose, end to end over REST: right and
wrong among the decided, and undecided.

Development sets are for tuning; the ``*_heldout.yml`` sets are measured, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.launch.servers import Servers, start_servers
from bot.paths import BUILD, DOCUMENTS, MODEL, ROOT

DOCUMENT_FILES = {"bpo_kpo": DOCUMENTS / "bpo_kpo.txt", "saas_iaas": ROOT / "tests" / "data" / "saas_iaas.txt"}
#: What an answer says when the document does not cover or settle a question.
NOT_COVERED = ("does not say anything", "does not cover", "does not settle", "does not compare", "has no row about",
               "doesn't say", "not in the document")
NOT_COMPARED = ("does not compare", "does not say which", "doesn't say which")


@dataclass
class Tally:
    """Outcomes per label, with examples of what went wrong."""

    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, outcome: str, detail: str = "") -> None:
        self.counts[outcome] += 1
        if outcome != "right" and detail:
            self.misses.append(f"{outcome}: {detail}")

    def share(self, outcome: str) -> float:
        total = sum(self.counts.values())
        return self.counts[outcome] / total if total else 0.0

    def line(self, name: str) -> str:
        total = sum(self.counts.values())
        parts = ", ".join(f"{k} {self.share(k):.2f}" for k in sorted(self.counts))
        return f"{name}: {total}, {parts}"


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def contains(answer: str, fact: str) -> bool:
    """Whether an answer holds a fact of the document; a table row's cells may stand apart."""
    answer = _normal(answer)
    if "|" in fact:
        return all(_normal(cell) in answer for cell in fact.split("|") if cell.strip())
    return _normal(fact) in answer


def grade_question(item: dict, answer: str) -> str:
    """``right``, ``not covered`` (said so, for a covered question) or ``wrong``."""
    says_not = any(marker in answer for marker in NOT_COVERED)
    if item.get("covered") is False:
        return "right" if says_not else "wrong"
    found = sum(contains(answer, fact) for fact in item.get("facts") or [])
    right = found >= int(item.get("min", 1))
    if right and item.get("compared") is False:
        right = any(marker in answer for marker in NOT_COMPARED)
    if right:
        return "right"
    return "not covered" if says_not else "wrong"


# -- servers for a document -------------------------------------------------------------


def _document_model(document: str, python: str) -> tuple[Path, Path]:
    """The store and model for a document: the project's own for bpo_kpo, else built once."""
    if document == "bpo_kpo":
        return BUILD / "facts.db", MODEL
    folder = BUILD / "eval" / document
    store, model = folder / "facts.db", folder / "model.tar.gz"
    source = DOCUMENT_FILES[document]
    stale = [source, MODEL]  # the document, and the training inputs (the main model is trained from them)
    retrain = not model.is_file() or any(model.stat().st_mtime < path.stat().st_mtime for path in stale)
    # the store is rebuilt every time (a few seconds), so it is never older than the code that reads it
    subprocess.run([python, "-m", "bot.facts", "build", str(source), "--out", str(store),
                    "--nlu", str(folder / "nlu")], check=True, cwd=ROOT)
    if retrain:
        subprocess.run([str(Path(python).parent / "rasa"), "train", "--config", "config.yml", "--domain", "domain.yml",
                        "--data", "data/nlu", "data/stories", str(folder / "nlu"), "--out", str(folder),
                        "--fixed-model-name", "model", "--quiet"], check=True, cwd=ROOT)
    return store, model


def _say(url: str, sender: str, text: str) -> str:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as reply:
        return "\n".join(m.get("text", "") for m in json.load(reply))


def _by_document(items: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for item in items:
        grouped.setdefault(item.get("document", "bpo_kpo"), []).append(item)
    return grouped


def _serve(document: str) -> Servers:
    store, model = _document_model(document, sys.executable)
    folder = Path(tempfile.mkdtemp(prefix=f"eval-{document}-"))
    return start_servers(model, tracker_db=folder / "tracker.db", facts_db=store, log_dir=folder / "logs")


# -- the three sets -------------------------------------------------------------------------


def questions(path: Path, verbose: bool, answers: Path | None = None) -> int:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    overall = Tally()
    kept = []
    for document, group in _by_document(items).items():
        tally = Tally()
        with _serve(document) as servers:
            for item in group:
                sender = uuid.uuid4().hex
                if item.get("context"):
                    _say(servers.webhook, sender, item["context"])
                answer = _say(servers.webhook, sender, item["text"])
                outcome = grade_question(item, answer)
                kept.append({**item, "answer": answer, "outcome": outcome})
                detail = f"{item['text']!r} -> {answer[:160]!r}"
                tally.add(outcome, detail)
                overall.add(outcome, f"[{document}] {detail}")
        print(tally.line(f"{path.name} [{document}]"))
    print(overall.line(f"{path.name} [all]"))
    if verbose:
        print("\n".join(overall.misses))
    if answers is not None:
        answers.write_text(json.dumps(kept, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def typed(path: Path, verbose: bool) -> int:
    from bot.answering.recommend import Recommender
    from bot.classify.interview import questions as rows_of
    from bot.classify.reading import concept_from_text, load_cues, read_typed
    from bot.facts.parse import parse_file
    from bot.facts.store import FactStore, build_store

    items = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    # the store stays open while answers are read: the recommender looks related words up in it
    folder = tempfile.mkdtemp(prefix="eval-typed-")
    store = FactStore.open(build_store([parse_file(DOCUMENT_FILES["bpo_kpo"])], Path(folder) / "f.db"))
    rows = rows_of(store)
    by_row = {q.row: q for q in rows}
    by_row.update({also: q for q in list(by_row.values()) for also in q.also})
    recommender = Recommender(store)
    cues = load_cues()
    tally, labels, also, taken, extra = Tally(), Tally(), Tally(), Tally(), Tally()
    for item in items:
        question = by_row[item["row"]]
        # as the interview reads it: the row asked, and the rows the answer also answers, unasked
        got, took = read_typed(rows, question, item["text"], cues, recommender)
        outcome = "right" if got == item["concept"] else "asked again" if got is None else "wrong"
        tally.add(outcome, f"{item['row']}: {item['text']!r} ({item['concept']}) -> {got}")
        if item["text"].strip().casefold() in {v.casefold() for v in question.values.values()}:
            labels.add(outcome, item["text"])
        wanted = {by_row[row].key: concept for row, concept in (item.get("also") or {}).items()}
        for key, concept in wanted.items():
            taken.add("right" if took.get(key) == concept else "not taken" if key not in took else "wrong",
                      f"{key}: {item['text']!r} ({concept}) -> {took.get(key)}")
        for key, concept in took.items():
            if key not in wanted:  # not labelled: does it at least agree with the answer's side?
                extra.add("same side" if concept == item["concept"] else "other side", f"{key}: {item['text']!r}")
        for row, concept in (item.get("also") or {}).items():
            # read as an answer to that row, as the interview would have to
            other = concept_from_text(by_row[row], item["text"], cues, recommender)
            also.add("right" if other == concept else "not read" if other is None else "wrong",
                     f"{row}: {item['text']!r} ({concept}) -> {other}")
    print(tally.line(f"{path.name}"))
    print(labels.line(f"{path.name} button labels typed"))
    print(also.line(f"{path.name} other rows one answer settles, each read as if that row were asked"))
    print(taken.line(f"{path.name} those rows, taken by the interview from the one answer"))
    print(extra.line(f"{path.name} unlabelled rows the interview took too"))
    if verbose:
        print("\n".join(tally.misses + labels.misses + also.misses + taken.misses))
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


DECIDED = re.compile(r"^(?:For .*?: )?(?P<concept>[A-Za-z]+)(?: fits |: the document names )")


def tasks(path: Path, verbose: bool) -> int:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["tasks"]
    tally = Tally()
    quoted = Tally()
    with _serve("bpo_kpo") as servers:
        for item in items:
            answer = _say(servers.webhook, uuid.uuid4().hex, item["text"])
            decided = DECIDED.match(answer)
            if decided is None:
                outcome = "undecided"
            else:
                outcome = "right" if decided["concept"] == item["label"] else "wrong"
            tally.add(outcome, f"{item['text']!r} ({item['label']}) -> {answer[:140]!r}")
            quoted.add("right" if _normal(item["task"]) in _normal(answer) else "other words",
                       f"{item['task']!r} -> {answer[:100]!r}")
    decided_n = tally.counts["right"] + tally.counts["wrong"]
    print(tally.line(path.name))
    print(f"{path.name}: right among decided {tally.counts['right'] / decided_n if decided_n else 0:.2f}")
    print(quoted.line(f"{path.name} task quoted as named"))
    if verbose:
        print("\n".join(tally.misses + quoted.misses))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.open_eval", description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["questions", "typed", "tasks"])
    parser.add_argument("file", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list what was not right")
    parser.add_argument("--answers", type=Path, help="write each question, its answer and its outcome here (JSON)")
    args = parser.parse_args(argv)
    if args.answers is not None and args.kind != "questions":
        parser.error("--answers is for questions only")
    if args.kind == "questions":
        return questions(args.file, args.verbose, args.answers)
    return {"typed": typed, "tasks": tasks}[args.kind](args.file, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
