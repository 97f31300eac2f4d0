"""Rasa input channels (connectors) of the assistant."""
