"""rasa_sdk actions: adapters from the tracker to bot/ and back to the dispatcher.

Start the server with ``python -m actions`` (see ``actions/server.py``).
"""
