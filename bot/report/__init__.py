"""What people ask the assistant: a report for the document's owner, from the conversations.

``python -m bot.report`` (``make report``) reads the tracker store the Rasa server writes
(:mod:`bot.report.events`), follows each conversation (:mod:`bot.report.summary`), groups
what the document could not answer (:mod:`bot.report.gaps`), and writes one self-contained
HTML file with its charts inline (:mod:`bot.report.page`). Sender ids appear only as short
hashes; question texts only in the gaps and examples, with ``--redact`` hiding digits,
e-mail addresses and names of people (:mod:`bot.report.redact`).
"""
