"""Where the project's files are: the one place that knows the repository's layout.

Every path is absolute, computed from this file's location, so the command-line tools,
the action server and the tests work from any working directory. A leaf module: it
imports nothing from the project, so every layer (the fact store included) may use it.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The repository's root folder.
ROOT = Path(__file__).resolve().parents[1]

DATA = ROOT / "data"
#: The source documents ``make facts`` parses.
DOCUMENTS = DATA / "document"
#: Reviewed spellings of the store's names (Rasa ``synonym`` items).
SPELLINGS = DATA / "nlu" / "synonyms.yml"
#: Reviewed everyday names for the document's phrases (the recommendation).
ALIASES = DATA / "recommend" / "aliases.yml"
#: Topics people ask about that need not be a table row (cost, benefits, ...).
TOPICS = DATA / "answering" / "topics.yml"
#: The guided classification's row order and rows that count once.
CLASSIFY_QUESTIONS = DATA / "classify" / "questions.yml"
#: The guided classification's cue words for typed answers.
CLASSIFY_CUES = DATA / "classify" / "answers.yml"

DOMAIN = ROOT / "domain.yml"
ENDPOINTS = ROOT / "endpoints.yml"
CREDENTIALS = ROOT / "credentials.yml"
#: The intranet widget's files, served by the Rasa server at /webchat/.
WEB = ROOT / "bot" / "web"

#: Generated files (not committed).
BUILD = ROOT / "build"
NLU_BUILD = BUILD / "nlu"
LOGS = BUILD / "logs"
CONVERSATIONS = BUILD / "conversations.db"
#: The Slack event ids already answered (``$SLACK_EVENTS_DB`` overrides it).
SLACK_EVENTS = BUILD / "slack-events.db"
#: The trained model ``make train`` writes.
MODEL = ROOT / "models" / "bpo-kpo.tar.gz"

#: The environment variable that points the action server and the tools at another store.
STORE_ENV = "FACTS_DB"
DEFAULT_STORE = BUILD / "facts.db"


def store_path(path: str | Path | None = None) -> Path:
    """The fact store's path: the argument, else ``$FACTS_DB``, else ``build/facts.db``.

    Args:
        path: An explicit path (a command's ``--db`` or ``--out``); wins when given.

    Returns:
        The path to open or build; a relative one is relative to the working directory,
        as a path typed on a command line is.
    """
    if path is not None:
        return Path(path)
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)

#: Debian's WordNet data (package ``wordnet-base``), and the copy nltk reads (see ``bot.facts.lexicon``).
WORDNET_SOURCE = Path(os.environ.get("WORDNET_DATA") or "/usr/share/wordnet")
WORDNET = BUILD / "wordnet"
