"""Starting and stopping the assistant's processes: not part of either server.

The launcher of both servers (``servers.py``), the Rasa server's entry point
(``rasa_server.py``), the terminal chat (``chat.py``) and the spaCy pipeline
builder (``spacy_pipeline.py``), used by ``make``, the tests and the benchmark.
"""
