"""The guided classification's actions: start, ask, validate, result, cancel.

The form ``classify_form`` re-asks one slot, ``classify_answer``, once per row;
the answers so far live in ``classify_interview`` and the row being asked in
``classify_question``. All logic is in ``bot/classify/``; wording in bot/wording.py
and in domain.yml's ``utter_ask_row_<row>`` responses.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.turns import context_events, turn_from_tracker
from bot import render
from bot.answering.answer import Answer
from bot.answering.live import Facts, LiveFacts
from bot.answering.questions import GENERIC_WORK
from bot.answering.routes import instead_of_interview, mentions_for
from bot.answering.turn import QUESTION_OPENERS
from bot.classify import messages
from bot.classify.interview import (
    UNSURE,
    Interview,
    Question,
    concept_from_choice,
    load_settings,
    next_question,
    outcome,
    preset_from_task,
    question_budget,
    questions,
)
from bot.classify.reading import load_cues, read_typed, taken_back, typed_label
from bot.contract import CLASSIFY_FORM, Entity, Intent, Outcome, Slot, Topic
from bot.text import content_lemmas, tokens
from bot.wording import WORDING

ANSWER, INTERVIEW, QUESTION, MISSES = (
    Slot.CLASSIFY_ANSWER, Slot.CLASSIFY_INTERVIEW, Slot.CLASSIFY_QUESTION, Slot.CLASSIFY_MISSES)
#: The answer slot's value once the interview is over (the form then ends).
DONE = "done"
#: First words of a question or a request: such a message is a side question, not an answer.
ASKING = QUESTION_OPENERS | frozenset("tell explain show list give define compare describe".split())
#: Words of a request anywhere in a message: it asks something of the assistant, it answers nothing.
REQUESTING = frozenset("mean meant explain understand wonder ask asking know please tell show".split())
#: A question that asks to change an answer ("can I change the <row> answer to <value>?", "could we switch
#: question 2 to <value>?").
CHANGE_ASKED = re.compile(r"\b(?:can|could|may|should)\s+(?:i|we)\s+(?:please\s+)?(?:change|correct|update|switch|fix|redo)\b"
                          r"|\b(?:change|correct|update|switch|fix)\s+(?:my|the|our)\b[\w\s]{0,30}\banswer\b", re.IGNORECASE)
#: Words of a request that also take an answer back ("oops, I meant <value>", "... please").
TAKING_BACK = frozenset({"meant", "please"})
#: Answers that point nowhere before one counts as "not sure".
MAX_MISSES = 2
#: A message that asks what the question asked means ("what do you mean?", "why are you asking this?").
WHAT_MEANT = re.compile(r"\bwhat do(?:es)? (?:you|that|this|it) mean\b|\bwhat(?:'s| is) (?:that|this)(?: question)? "
                        r"(?:about|asking)\b|\bi (?:don'?t|do not) (?:understand|get (?:it|what|the question))|"
                        r"\bnot sure what (?:you|that|this|it) means?\b|\bwhy (?:are|do|would) you ask|"
                        r"\bexplain (?:the|this|that) question\b|\bwhat does (?:this|that|the) question mean\b|"
                        r"^\W*(?:huh|what)\W*$", re.IGNORECASE)


def reset() -> list[EventType]:
    """Clear the interview's slots."""
    return [SlotSet(ANSWER, None), SlotSet(INTERVIEW, None), SlotSet(QUESTION, None), SlotSet(MISSES, 0.0)]


def _say(dispatcher: CollectingDispatcher, tracker: Tracker, answer: Answer | str, outcome: str = Outcome.OTHER,
         facts: Facts | None = None) -> None:
    """Send a message of the interview (or a plain sentence) in the form the user's channel shows best.

    ``outcome`` is how the report counts it (a question or a notice of the interview by default);
    ``facts``, the store a recommendation comes from, is given for the result, which may be rated.
    """
    if isinstance(answer, str):
        answer = Answer(answer)
    answer.outcome = outcome
    answer.topic = answer.topic or Topic.CLASSIFY
    render.utter(dispatcher, answer, tracker.get_latest_input_channel(),
                 facts.document_sha256 if facts else "", rated=facts is not None)


def _choice(tracker: Tracker) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == Entity.CHOICE:
            return str(entity.get("value"))
    return None


class _Classification:
    """What the classification's actions share: the live store and the reviewed settings."""

    def __init__(self, facts: LiveFacts) -> None:
        self._facts = facts
        # reviewed data files, read once at start-up rather than on every turn
        self._cues = load_cues()
        self._settings = load_settings()

    def rows(self) -> list[Question]:
        """The rows asked, from the store being served."""
        return questions(self._facts.current().store, self._settings)

    @staticmethod
    def _current(rows: list[Question], tracker: Tracker) -> Question | None:
        """The row being asked (``classify_question``), if any."""
        return next((q for q in rows if q.key == tracker.get_slot(QUESTION)), None)

    def answer_in_form(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                       statements_only: bool = False) -> list[EventType] | None:
        """The events that record a message NLU took for something else as the answer to the current row.

        NLU hears "cancel" in "nonstop", and a side question in "fairly hard work, and we
        talk to the client constantly". A message that reads as an answer to the current
        question (and holds no word of stopping) is that answer; None if it is not one.

        Args:
            dispatcher: Where to say which other rows the answer also answered.
            tracker: The conversation, in the classification form.
            statements_only: Only a statement counts, not a question or a request ("what is
                <value> here?", "explain <value>").
        """
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.active_loop_name != CLASSIFY_FORM or set(tokens(text)) & STOPPING or text.startswith("/"):
            return None
        words = tokens(text)
        facts = self._facts.current()
        rows = self.rows()
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        question = self._current(rows, tracker)
        # "can I change my answer to question 2?" takes an earlier answer back
        if question is not None and (fixed := self.correct(dispatcher, tracker, rows, interview, question, text)):
            return [*(SlotSet(k, v) for k, v in fixed.items() if k != ANSWER), FollowupAction(CLASSIFY_FORM)]
        # a question, a request ("please explain <value>") or a message about a concept
        # ("I wonder whether <task> counts as <concept>") is no answer
        if statements_only and ("?" in text or not words or words[0] in ASKING or set(words) & REQUESTING
                                or facts.names.names_a_concept(text)):
            return None
        # only what the cue and degree words read: the document's evidence would read any task named in passing
        concept, others = read_typed(rows, question, text, self._cues, answered=interview.answers) if question else (
            None, {})
        if question is None or concept is None or concept == UNSURE:
            return None
        self._take(dispatcher, tracker, rows, interview, question, others)
        _say(dispatcher, tracker, messages.read_as(question, concept))
        slots = _record(rows, interview, question, concept)
        # outside the form's validation, setting the answer slot (even to None) would make the form validate it
        return [*(SlotSet(k, v) for k, v in slots.items() if k != ANSWER or v is not None), FollowupAction(CLASSIFY_FORM)]

    def correct(self, dispatcher: CollectingDispatcher, tracker: Tracker, rows: list[Question],
                interview: Interview, question: Question, text: str) -> dict[str, Any] | None:
        """The slots after a message takes an earlier answer back, saying what changed; None if it takes none back.

        "hmm actually go back, <row> is <the other value>" changes that row (:func:`taken_back`); a row
        whose new answer cannot be read is asked again. The row asked now is asked again after.
        """
        if (found := taken_back(rows, question, text, self._cues, interview)) is None:
            return None
        target, concept = found
        interview.forget(target.key)
        if concept is not None:
            interview.answers[target.key] = concept
        _say(dispatcher, tracker, messages.corrected(target, concept))
        return {ANSWER: None, INTERVIEW: interview.to_dict(), QUESTION: question.key}

    def explain_in_form(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """Whether a message asked what the interview's question means, and was told ("what do you mean?").

        The row's values, and the sentence of the document nearest each (the question is asked again
        after, by the form).
        """
        text = (tracker.latest_message or {}).get("text") or ""
        facts = self._facts.current()
        question = self._current(self.rows(), tracker)
        if (tracker.active_loop_name != CLASSIFY_FORM or question is None or not WHAT_MEANT.search(text)
                or facts.names.names_a_concept(text)):
            return False
        _say(dispatcher, tracker, messages.explain(question, facts.index), Outcome.CLARIFY)
        return True

    def _take(self, dispatcher: CollectingDispatcher, tracker: Tracker, rows: list[Question],
              interview: Interview, question: Question, others: dict[str, str]) -> None:
        """Record the other rows a typed answer clearly answers, and say which (with a way to correct each)."""
        if not others:
            return
        by_key = {q.key: q for q in rows}
        for key, concept in others.items():
            interview.answers[key] = concept
            interview.taken[key] = question.key
        _say(dispatcher, tracker, messages.taken([(by_key[k], c) for k, c in others.items()]))


class InterviewAnswers(_Classification):
    """For the answering actions: a message that is really an answer, or takes one back.

    In the form, a side question's message that answers the row asked (:meth:`answer_in_form`);
    right after the result, a message that takes one of its answers back (:meth:`correct_after_result`).
    """

    def correct_after_result(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
        """The events after a message after the result takes one of its answers back; None if it takes none back.

        "can i change the <row> answer to <value>" changes that row and gives the result again, worked
        out anew; so does a value only one row has, typed alone (a value two rows have asks which), or a
        button of :func:`messages.which_value`. A question needs a request to change ("can I change
        ...?"): "actually, what is the <row> of <concept>?" and "what would change if <row> were <value>?"
        ask the document, as does a request ("tell me more about the <row> of <concept>"). Once something
        else was said after the result, only a request to change an answer does, until the next interview
        starts.
        """
        text = (tracker.latest_message or {}).get("text") or ""
        saved = tracker.get_slot(INTERVIEW)
        if tracker.active_loop_name or not saved:
            return None
        right_after = tracker.get_slot(Slot.TOPIC) == Topic.CLASSIFY_RESULT
        if not right_after and not (text.startswith("/") or CHANGE_ASKED.search(text)):
            return None
        rows = self.rows()
        interview = Interview.from_dict(saved)
        found = self._fix_chosen(tracker, rows) if text.startswith("/") else self._taken_back(text, rows, interview)
        if isinstance(found, list):  # "High": a value of two answered rows
            _say(dispatcher, tracker, messages.which_row(found), Outcome.CLARIFY)
            return []
        if found is None:
            return None
        target, concept = found
        if concept is None:  # which, then, with a button per value
            _say(dispatcher, tracker, messages.which_value(target), Outcome.CLARIFY)
            return []
        if interview.answers.get(target.key) == concept:
            _say(dispatcher, tracker, messages.unchanged(target, concept))
            return []
        interview.forget(target.key)
        interview.answers[target.key] = concept
        _say(dispatcher, tracker, messages.corrected(target, concept))
        facts = self._facts.current()
        answer = messages.result(facts.store, outcome(rows, interview), tracker.get_slot(Slot.TASK))
        _say(dispatcher, tracker, answer, Outcome.ANSWERED, facts)
        events: list[EventType] = [SlotSet(INTERVIEW, interview.to_dict()), SlotSet(Slot.TOPIC, Topic.CLASSIFY_RESULT)]
        return [*events, SlotSet(Slot.CONCEPT, answer.concept)] if answer.concept else events

    def _taken_back(self, text: str, rows: list[Question],
                    interview: Interview) -> tuple[Question, str | None] | list[tuple[Question, str]] | None:
        """The row a typed message after the result takes back, and its new answer (None: not read).

        A value typed alone that two answered rows have gives both, to ask which.
        """
        words = tokens(text)
        if set(words) & (REQUESTING - TAKING_BACK) or self._facts.current().names.names_a_concept(text):
            return None
        if ("?" in text or words[:1] and words[0] in ASKING) and not CHANGE_ASKED.search(text):
            return None
        if (found := taken_back(rows, None, text, self._cues, interview)) is not None:
            return found
        # a value of one answered row only, typed alone (a value two rows have gives both)
        typed = [(q, c) for q in rows if q.key in interview.answers and (c := typed_label(q, text)) is not None]
        return typed[0] if len(typed) == 1 else typed or None

    @staticmethod
    def _fix_chosen(tracker: Tracker, rows: list[Question]) -> tuple[Question, str] | None:
        """The row and new answer a button of :func:`messages.which_value` or :func:`messages.which_row` gives."""
        prefix, _, rest = (_choice(tracker) or "").partition(":")
        key, _, concept = rest.partition(":")
        question = next((q for q in rows if q.key == key), None)
        if prefix != messages.FIX or question is None or concept_from_choice(question, concept) is None:
            return None
        return question, concept


class ActionStartClassification(_Classification, Action):
    """Clear old answers, keep a described task and pre-answer what it clearly settles."""

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return "action_start_classification"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Introduce the interview and set it up; start the form when an offer was accepted."""
        facts = self._facts.current()
        message = tracker.latest_message or {}
        # a task described when starting counts as one a recommendation is asked for
        mentions = mentions_for(Intent.RECOMMEND, message, facts.names)
        intent = (message.get("intent") or {}).get("name")
        # "..., done by scientists with specialist certifications. which one is that?" asks which fits, and "how
        # often do KPO providers meet clients?" asks the document: answered at once, the form not started (read
        # as a request for a recommendation, so the task NLU found counts)
        if intent == Intent.CLASSIFY and (found := instead_of_interview(
                facts, turn_from_tracker(tracker, facts, intent=Intent.RECOMMEND))):
            for answer in found:
                render.utter(dispatcher, answer, tracker.get_latest_input_channel(), facts.document_sha256, rated=True)
            return [*context_events(found, tracker), FollowupAction("action_listen")]
        # started by the classify intent, or by accepting an offer ("yes"), which keeps its task
        task = mentions.task or (tracker.get_slot(Slot.TASK) if intent != Intent.CLASSIFY else None)
        # "classify a process for me please: competitor pricing analysis": "process" is no process, what follows is
        if task and set(content_lemmas(task)) <= GENERIC_WORK:
            text = (tracker.latest_message or {}).get("text") or ""
            named = text.rpartition(":")[2].strip(" .!?") if ":" in text else ""
            task = named if content_lemmas(named) else None
        rows = self.rows()
        interview = Interview()
        presets = []
        if task:
            for key, concept in preset_from_task(rows, facts.recommender.recommend(task)).items():
                interview.answers[key] = concept
                interview.preset.append(key)
                presets.append((next(q for q in rows if q.key == key), concept))
        _say(dispatcher, tracker, messages.intro(question_budget(rows), task, presets))
        first = next_question(rows, interview)
        # Setting the answer slot (even to None) would make the form validate it at once.
        events = [e for e in reset() if e["name"] != ANSWER or tracker.get_slot(ANSWER) is not None]
        events += [SlotSet(INTERVIEW, interview.to_dict()), SlotSet(QUESTION, first.key if first else None),
                   SlotSet(Slot.TASK, task), SlotSet(Slot.TOPIC, Topic.CLASSIFY)]
        if intent != Intent.CLASSIFY:  # no rule starts the form after an accepted offer: start it here
            events.append(FollowupAction(CLASSIFY_FORM))
        return events


class ActionAskClassifyAnswer(_Classification, Action):
    """Ask the current row: the domain's wording for it if there is one, else a generic one."""

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return "action_ask_classify_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Ask the row in ``classify_question`` (or the next one)."""
        rows = self.rows()
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        question = self._current(rows, tracker) or next_question(rows, interview)
        if question is None:
            return []
        number = interview.asked + 1
        response = f"utter_ask_row_{question.key}"
        templates = (domain or {}).get("responses", {}).get(response)
        wording = templates[0].get("text") if templates else None
        _say(dispatcher, tracker, messages.question_answer(question, number, wording))
        return [SlotSet(QUESTION, question.key)]


class ValidateClassifyForm(_Classification, FormValidationAction):
    """Turn a button or a free-text answer into a concept (or "not sure"), and decide whether to go on."""

    def name(self) -> str:
        """The action's name in ``domain.yml``; its ``validate_`` prefix makes it the validator of ``classify_form``."""
        return "validate_classify_form"

    async def validate_classify_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """Record the answer to the current row; ask it again, ask the next, or end the form."""
        if value is None:
            return {}
        rows = self.rows()
        by_key = {q.key: q for q in rows}
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        question = by_key.get(tracker.get_slot(QUESTION) or "") or next_question(rows, interview)
        if question is None:
            return {ANSWER: DONE}
        choice = _choice(tracker)
        if choice is not None:
            key, _, chosen = choice.partition(":")
            if key == messages.REDO and chosen in by_key:  # "Correct <row>": ask a preset row after all
                interview.forget(chosen)
                return {ANSWER: None, INTERVIEW: interview.to_dict(), QUESTION: chosen, MISSES: 0.0}
            if key != question.key:
                _say(dispatcher, tracker, WORDING["stale_button"])
                return {ANSWER: None}
            concept = concept_from_choice(question, chosen)
        else:
            text = str(value or "")
            if (fixed := self.correct(dispatcher, tracker, rows, interview, question, text)) is not None:
                return fixed  # ("oops no I meant the other one for question 2": an earlier row, then this one again)
            concept, others = read_typed(rows, question, text, self._cues, self._facts.current().recommender,
                                         interview.answers)
            if others and (concept in question.values or concept is None):
                self._take(dispatcher, tracker, rows, interview, question, others)
            if concept is not None:  # how it was read, so a misreading can be put right
                _say(dispatcher, tracker, messages.read_as(question, concept))
        if concept is None:
            misses = (tracker.get_slot(MISSES) or 0.0) + 1
            if misses < MAX_MISSES:
                _say(dispatcher, tracker, messages.hint(question), Outcome.CLARIFY)
                # (the rows the answer did answer are kept)
                return {ANSWER: None, MISSES: misses, INTERVIEW: interview.to_dict()}
            _say(dispatcher, tracker, WORDING["answer_counted_unsure"].format(row=question.row))
            concept = UNSURE
        return _record(rows, interview, question, concept)


def _record(rows: list[Question], interview: Interview, question: Question, concept: str) -> dict[str, Any]:
    """The slots once ``concept`` answers ``question``: the interview, and the next row or the end."""
    interview.answers[question.key] = concept
    following = next_question(rows, interview)
    slots = {INTERVIEW: interview.to_dict(), MISSES: 0.0}
    if following is None:
        return {**slots, ANSWER: DONE, QUESTION: None}
    return {**slots, ANSWER: None, QUESTION: following.key}


class ActionClassifyResult(_Classification, Action):
    """The recommendation, why, and what to watch; then clear the interview, keeping its answers for a correction."""

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return "action_classify_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Give the result and clear the interview; the recommended concept becomes the context."""
        facts = self._facts.current()
        rows = self.rows()
        interview = Interview.from_dict(tracker.get_slot(INTERVIEW))
        answer = messages.result(facts.store, outcome(rows, interview), tracker.get_slot(Slot.TASK))
        _say(dispatcher, tracker, answer, Outcome.ANSWERED, facts)
        # the answers stay until the next interview starts: "can I change the <row> answer?" after
        events = [e for e in reset() if e["name"] != INTERVIEW]
        if answer.concept:
            events.append(SlotSet(Slot.CONCEPT, answer.concept))
        return [*events, SlotSet(Slot.TOPIC, Topic.CLASSIFY_RESULT)]


#: Words of a message that asks to stop; without one, a "cancel" that reads as an answer is an answer.
STOPPING = frozenset({"cancel", "stop", "quit", "exit", "abort", "forget", "nevermind", "nvm", "drop", "scrap",
                      "skip", "enough", "continue", "mind", "end", "leave"})


class ActionCancelClassification(_Classification, Action):
    """Leave the form with a short confirmation and no recommendation.

    NLU sometimes hears "cancel" in an answer ("nonstop"). A message that holds no word of
    stopping and reads as an answer to the current question is taken as that answer instead.
    """

    def name(self) -> str:
        """The action's name in ``domain.yml``."""
        return "action_cancel_classification"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Confirm, end the form and clear the interview; or record an answer and go on."""
        if (answered := self.answer_in_form(dispatcher, tracker)) is not None:
            return answered
        _say(dispatcher, tracker, WORDING["classify_cancelled"])
        return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), *reset(), SlotSet(Slot.TOPIC, None)]

def build_classification_actions(facts: LiveFacts) -> list[Action]:
    """The form's actions, all reading ``facts``."""
    return [ActionStartClassification(facts), ActionAskClassifyAnswer(facts), ValidateClassifyForm(facts),
            ActionClassifyResult(facts), ActionCancelClassification(facts)]
