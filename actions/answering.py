"""The answering actions: read the tracker, ask the route table, render, keep the context."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.classification import InterviewAnswers
from actions.turns import context_events, turn_from_tracker
from bot import render
from bot.answering.live import LiveFacts
from bot.answering.routes import ROUTES, Route, respond
from bot.contract import Slot, Topic


class AnswerAction(Action):
    """Answers one kind of question from the fact store.

    Args:
        route: Its row of :data:`bot.answering.routes.ROUTES`: the action's name and its logic.
        facts: The live store, handed in by the server (never opened at import).
    """

    def __init__(self, route: Route, facts: LiveFacts, interview: InterviewAnswers | None = None) -> None:
        self._route = route
        self._facts = facts
        self._interview = interview

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return self._route.action

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Answer the latest message and set the context slots for follow-ups.

        In the guided classification, a statement that answers the current question (one NLU may
        take for a question on a row of the table) is recorded as the answer instead.
        """
        if self._interview is not None and self._interview.explain_in_form(dispatcher, tracker):
            return []  # "what do you mean?" in the guided classification: what the question asks (the form asks again)
        if self._interview is not None and (
                answered := self._interview.answer_in_form(dispatcher, tracker, statements_only=True)) is not None:
            return answered
        # "can I change the <row> answer to <value>?" after the result: the result again
        if self._interview is not None and (fixed := self._interview.correct_after_result(dispatcher, tracker)) is not None:
            return fixed
        if self._route.accepts_offer and tracker.get_slot(Slot.TOPIC) == Topic.OFFER_CLASSIFY:
            return [FollowupAction("action_start_classification")]  # "yes" to the guided questions offered
        facts = self._facts.current()
        results = respond(self._route, facts, turn_from_tracker(tracker, facts))
        if not results and self._route.otherwise:  # "no", "what can you do?": the domain's own response
            dispatcher.utter_message(response=self._route.otherwise)
            return []
        channel = tracker.get_latest_input_channel()
        for answer in results:
            render.utter(dispatcher, answer, channel, facts.document_sha256, rated=True)
        return context_events(results, tracker)


def build_actions(facts: LiveFacts) -> list[AnswerAction]:
    """One action per row of the route table, all reading ``facts``."""
    interview = InterviewAnswers(facts)
    return [AnswerAction(route, facts, interview) for route in ROUTES]
