"""The guided classification: the interview, reading typed answers, its messages.

Runs in the action server. Uses :mod:`bot.answering` and :mod:`bot.facts`; imports nothing of Rasa.
"""
