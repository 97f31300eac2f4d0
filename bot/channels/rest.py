"""The REST channel and the terminal's channel, guarded: every message gets a reply.

Rasa's ``RestInput`` answers with an empty list when an action fails (for
example when the action server is down) and passes empty or huge messages to
the model. These subclasses answer those cases politely, in the same response,
and namespace the conversation ids (:mod:`bot.channels.guard`). Configured in
``credentials.yml``: ``bot.channels.rest.RestInput`` at ``/webhooks/rest/webhook``
and ``bot.channels.rest.TerminalInput`` at ``/webhooks/terminal/webhook`` (the
command-line chat, whose answers are laid out for a terminal).
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint

from bot.channels.guard import OnNewMessage, guard


class RestInput(RasaRestInput):
    """Rasa's REST channel under the same name and URL, guarded."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, Rasa's own: in its URL (``/webhooks/rest/webhook``) and in its conversation ids."""
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Rasa's REST routes, every message guarded (:func:`bot.channels.guard.guard`)."""
        return super().blueprint(guard(on_new_message, self.name()))


class TerminalInput(RestInput):
    """The command-line chat's channel: REST under another name, so answers are laid out for a terminal."""

    @classmethod
    def name(cls) -> str:
        """The channel's name: in its URL (``/webhooks/terminal/webhook``) and in its conversation ids."""
        return "terminal"
