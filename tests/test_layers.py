"""Dependencies point one way: each part of bot/ and actions/ imports only the parts below it.

Read from the source with ``ast``, so a wrong-way import fails here before anyone runs it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.paths import ROOT

#: What each part may import from the project (besides itself). Longest prefix wins.
ALLOWED = {
    "bot": set(),
    "bot.paths": set(),
    "bot.contract": set(),
    "bot.text": set(),
    "bot.facts": {"bot.paths", "bot.contract", "bot.text"},
    "bot.wording": {"bot.facts", "bot.contract"},
    "bot.answering": {"bot.facts", "bot.paths", "bot.contract", "bot.text", "bot.wording"},
    "bot.render": {"bot.answering", "bot.wording", "bot.facts", "bot.contract"},
    "bot.classify": {"bot.answering", "bot.facts", "bot.paths", "bot.contract", "bot.text", "bot.wording"},
    "bot.channels": {"bot.paths", "bot.contract"},
    "bot.launch": {"bot.channels", "bot.paths"},
    "bot.report": {"bot.channels", "bot.paths", "bot.contract", "bot.text", "bot.wording", "bot.facts"},
    "actions": {"bot.answering", "bot.classify", "bot.facts", "bot.paths", "bot.contract", "bot.render", "bot.text",
                "bot.wording"},
}
#: The parts the action server runs: no Rasa, no web server of their own.
RASA_FREE = ("bot.paths", "bot.contract", "bot.text", "bot.facts", "bot.wording", "bot.answering", "bot.render",
             "bot.classify")
RASA = ("rasa", "rasa_sdk", "sanic", "socketio", "slack_sdk", "spacy", "tensorflow")


def modules() -> list[tuple[str, Path]]:
    found = []
    for folder in ("bot", "actions"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "node_modules" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found.append((name, path))
    return found


def part_of(module: str) -> str:
    return max((p for p in ALLOWED if module == p or module.startswith(p + ".")), key=len)


def imports(path: Path, module: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package
                base = module.split(".")[: -node.level or None]
                names.add(".".join([*base, node.module] if node.module else base))
            else:
                names.add(node.module or "")
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


MODULES = modules()


def test_every_module_belongs_to_a_part():
    assert len(MODULES) > 30
    assert all(part_of(name) for name, _ in MODULES)


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down(module, path):
    part = part_of(module)
    project = {name for name in imports(path, module) if name.split(".")[0] in ("bot", "actions")}
    # "from bot import render" names bot.render; bare "bot" is only a package
    project = {name for name in project if name not in ("bot", "actions")}
    wrong = sorted(name for name in project
                   if not (name == part or name.startswith(part + "."))
                   and not any(name == ok or name.startswith(ok + ".") for ok in ALLOWED[part]))
    assert not wrong, f"{module} ({part}) imports {wrong}; allowed: {sorted(ALLOWED[part])}"


@pytest.mark.parametrize(("module", "path"), [m for m in MODULES if part_of(m[0]) in RASA_FREE],
                         ids=[m for m, _ in MODULES if part_of(m) in RASA_FREE])
def test_the_action_servers_logic_imports_nothing_of_rasa(module, path):
    outside = {name.split(".")[0] for name in imports(path, module)}
    assert not outside & set(RASA), f"{module} imports {sorted(outside & set(RASA))}"


#: The answer logic's routing modules, lowest first: each imports only those before it.
ROUTING = ("turn", "questions", "tasks", "passages", "followups", "claims", "unsettled", "handlers", "asking",
           "notices", "routes")


@pytest.mark.parametrize("name", ROUTING)
def test_the_routing_modules_import_only_those_before_them(name):
    path = ROOT / "bot" / "answering" / f"{name}.py"
    used = {module.split(".")[2] for module in imports(path, f"bot.answering.{name}")
            if module.startswith("bot.answering.") and module.split(".")[2] in ROUTING}
    later = sorted(used & set(ROUTING[ROUTING.index(name) + 1:]))
    assert not later, f"bot.answering.{name} imports {later}, which come after it"
