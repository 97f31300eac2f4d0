"""``python -m bot.classify check``: the rows the guided classification asks, and gaps in their settings.

Run by ``make train``: it lists the rows asked, notes rows without their own question
in ``domain.yml`` (``utter_ask_row_<row>``; they are asked generically) and warns about
names in ``data/classify/questions.yml`` that are no row of the table.
"""

from __future__ import annotations

import sys

import yaml

from bot.classify.interview import load_settings, questions, rows_without_wording, slug, unknown_rows
from bot.facts.store import FactStore, StoreError
from bot.paths import DOMAIN


def main() -> int:
    """Print the check; 1 if the store cannot be opened."""
    try:
        with FactStore.open() as store:
            settings = load_settings()
            asked = questions(store, settings)
            unknown = unknown_rows(store, settings)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8")) or {}
    missing = rows_without_wording(asked, domain.get("responses") or {})
    print(f"guided classification: {len(asked)} rows can be asked ({', '.join(q.row for q in asked)})")
    for row in missing:
        print(f"note: row '{row}' has no utter_ask_row_{slug(row)} in domain.yml; it is asked generically")
    for row in unknown:
        print(f"warning: data/classify/questions.yml names '{row}', which is no row of the table")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
