"""`python -m bot.facts`: build, show, search and nlu, and their errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from bot.paths import ROOT
from tests.conftest import DOCUMENT, OTHER_DOCUMENT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.facts", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "facts.db")
    result = run("build", str(DOCUMENT), "--out", db)
    assert result.returncode == 0, result.stderr
    return db


def test_build_prints_a_one_line_summary(tmp_path):
    result = run("build", str(DOCUMENT), "--out", str(tmp_path / "f.db"))
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "2 concepts, 16 characteristics, 15 aspects, 8 similarities, 9 examples" in lines[0]


def test_show_prints_everything(built, document):
    out = run("show", "--db", built).stdout
    for concept in document.concepts:
        assert concept.definition in out
        for item in concept.characteristics:
            assert item.title in out
        for example in concept.examples:
            assert example.text in out
    for aspect in document.aspects:
        row = next(line for line in out.splitlines() if line.strip().startswith(aspect.name + " "))
        assert all(value in row for value in aspect.values.values())
    for item in document.similarities:
        assert item.title in out


def test_search_prints_ranked_passages(built):
    result = run("search", "nearby country", "--db", built, "--limit", "3")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert 1 <= len(lines) <= 3
    assert "nearshore" in lines[0]


def test_search_without_match_fails_politely(built):
    result = run("search", "zzzxqy", "--db", built)
    assert result.returncode == 1 and result.stderr.strip() == "no passage matches"


def test_nlu_writes_lookups(built, tmp_path):
    result = run("nlu", "--db", built, "--out", str(tmp_path))
    assert result.returncode == 0
    data = yaml.safe_load((tmp_path / "vocabulary.yml").read_text())
    assert {item["lookup"] for item in data["nlu"] if "lookup" in item} == {"concept", "aspect", "characteristic"}


def test_build_with_nlu_and_another_document(tmp_path):
    result = run("build", str(OTHER_DOCUMENT), "--out", str(tmp_path / "f.db"), "--nlu", str(tmp_path / "nlu"))
    assert result.returncode == 0
    assert "SaaS" in (tmp_path / "nlu" / "vocabulary.yml").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", "tests/data/absent.txt"), "absent.txt:0: cannot read the document"),
        (("show", "--db", "/nonexistent/facts.db"), "no fact store at /nonexistent/facts.db"),
        (("search", "x", "--db", "/nonexistent/facts.db"), "make facts"),
    ],
)
def test_errors_are_one_line_without_traceback(args, message):
    result = run(*args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr


def test_malformed_document_fails_the_build_naming_the_line(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(DOCUMENT.read_text(encoding="utf-8").replace("Aspect | BPO | KPO |", "Aspect | BPO | ZPO |"))
    result = run("build", str(broken), "--out", str(tmp_path / "f.db"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: broken.txt:53: table column 'ZPO' names no concept defined above (known: BPO, KPO)"
    )
    assert not (tmp_path / "f.db").exists()


def test_usage_error_exits_non_zero():
    result = run("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize(
    ("module", "args", "expected"),
    [("bot.facts", ["show"], "## Business Process Outsourcing (BPO)"),
     ("bot.facts", ["search", "nearby country"], "nearshore"),
     ("bot.classify", ["check"], "rows can be asked")],
)
def test_the_commands_find_the_project_from_any_directory(tmp_path, module, args, expected):
    env = {k: v for k, v in __import__("os").environ.items() if k != "FACTS_DB"}
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
