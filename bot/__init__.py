"""The assistant's own code, in packages grouped by the process that runs them.

- ``bot/facts``: the source document parsed into the SQLite fact store; used by the
  build (``make facts``) and read by the action server.
- ``bot/answering``, ``bot/classify``, ``bot/render.py``, ``bot/wording.py`` and
  ``bot/text.py``: answering from the store, the guided classification, the layout
  of answers per channel, the sentence frames and word matching; run by the action
  server (``actions/`` adapts them to rasa_sdk).
- ``bot/channels``: the Rasa server's input channels, and ``rasa_compat``, its one
  module of Rasa compatibility; ``bot/web``: the intranet widget, served by the Rasa server.
- ``bot/launch``: starting and stopping the servers, the terminal chat and the spaCy
  pipeline builder; part of neither server.
- ``bot/paths.py`` and ``bot/contract.py``: leaves, importing nothing from the project,
  used everywhere.
"""
