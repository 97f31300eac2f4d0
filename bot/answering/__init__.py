"""Answering from the fact store: entities, the table of routes, answers, recommendation, the live store.

Runs in the action server. Uses :mod:`bot.facts`; imports nothing of Rasa.
"""
