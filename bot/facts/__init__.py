"""The fact store: the source document parsed into facts and kept in SQLite.

Used by the build (``python -m bot.facts build``, run by ``make facts``), which reads the
document (``parse.py``, ``prose.py``) into dataclasses (``model.py``) and writes them to the
store (``store.py``) and the NLU lookups (``vocabulary.py``). Read by the action server
through :class:`~bot.facts.store.FactStore`. Imports nothing of Rasa.
"""
