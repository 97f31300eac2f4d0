"""Follow each conversation's events and count what the report shows.

What each answer was is in its ``BotUttered`` metadata (:data:`bot.contract.ANSWER_RECORD`,
written by ``bot.render.utter``). A store written before that record existed (an older
model, an older action server) still reports: such an answer's outcome is read from its
wording (:func:`outcome_of_text`), the frames of ``bot.wording`` that say the document does
not cover something, ask what was meant, or state the scope. Intents, slots and actions the
current domain no longer has are counted under their stored names.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from bot.contract import ANSWER_RECORD, CLASSIFY_FORM, Feedback, Intent, Outcome, Slot, Topic
from bot.report.events import Event
from bot.wording import WORDING

#: Channels by the prefix of a conversation id (``bot.channels.guard.namespaced``), as the report names them.
CHANNELS = {"socketio": "widget", "slack": "Slack", "terminal": "terminal", "rest": "REST"}
#: Intents that are not questions about the document: counted, not broken down by topic.
SOCIAL = frozenset({Intent.GREET, Intent.GOODBYE, Intent.THANKS, Intent.AFFIRM, Intent.DENY, Intent.BOT_CHALLENGE,
                    "restart", "session_start"})
#: How many characters of a question the report keeps.
QUESTION_CHARS = 300
RESULT_ACTION, CANCEL_ACTION = "action_classify_result", "action_cancel_classification"
#: What an answer recommended when the document did not settle it.
UNSETTLED = "not settled"
#: How a list of them counts among the characteristics and similarities asked about.
ALL_OF = {Topic.SIMILARITIES: "(all the similarities)", Topic.CHARACTERISTICS: "(all the characteristics of {concept})"}
#: The "intent" of a typed answer in the guided classification, in the gaps.
INTERVIEW = "guided classification"


def _opening(frame: str) -> str:
    """The fixed words a frame of ``bot.wording`` starts with: its first sentence, up to its first slot."""
    words = frame.split("{", 1)[0]
    return (words.split(". ", 1)[0] + "." if ". " in words else words).strip()


#: Outcomes of answers written without a record, by how their wording starts (an older action server).
OPENINGS = [
    *((Outcome.OTHER, _opening(WORDING[key])) for key in (
        "classify_intro", "classify_cancelled", "question_counter", "classify_all_unsure", "classify_mixed",
        "nothing_to_cancel", "stale_button", "answer_counted_unsure", "classify_taken")),
    (Outcome.CLARIFY, _opening(WORDING["answer_hint"])),
    (Outcome.SCOPE, _opening(WORDING["out_of_scope"])),
    (Outcome.CLARIFY, _opening(WORDING["clarify"])),
    (Outcome.CLARIFY, _opening(WORDING["recommend_no_task"])),
    (Outcome.NOT_COVERED, "The document does not"),
    (Outcome.NOT_COVERED, "The document's comparison table has no row"),
]


def outcome_of_text(text: str) -> str:
    """The outcome of an answer stored without a record, from its wording."""
    for outcome, opening in OPENINGS:
        if opening and text.startswith(opening):
            return outcome
    return Outcome.ANSWERED


def short_hash(sender_id: str) -> str:
    """A conversation id as the report shows it: 8 hex digits of its sha256."""
    return hashlib.sha256(sender_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def channel_of(sender_id: str, input_channel: str | None) -> str:
    """The channel a conversation came through, as the report names it."""
    prefix = input_channel or (sender_id.partition(":")[0] if ":" in sender_id else "")
    return CHANNELS.get(prefix, prefix or "unknown")


def row_name(key: str) -> str:
    """A classification question's row from its key ("expertise_required" -> "Expertise Required")."""
    return key.replace("_", " ").title()


def day_of(timestamp: float) -> str:
    """The UTC day of a Unix time, ``YYYY-MM-DD``."""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


@dataclass
class Question:
    """A message the document did not answer (or that was asked about), for the gaps and examples."""

    text: str
    outcome: str
    intent: str
    topic: str
    day: str
    conversation: str  # short hash
    in_form: bool = False  # sent while the guided classification was asking
    partly: bool = False  # told first that the document says nothing about some of its words


@dataclass
class Rated:
    """An answer someone rated."""

    rating: str
    question: str
    answer: str
    topic: str
    document: str
    day: str


@dataclass
class Summary:
    """Everything the report counts."""

    conversations: int = 0
    senders: int = 0
    messages: int = 0
    first_day: str = ""
    last_day: str = ""
    #: day -> channel -> messages / conversations (that had a message that day)
    messages_per_day: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    conversations_per_day: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    channels: Counter = field(default_factory=Counter)
    intents: Counter = field(default_factory=Counter)
    #: intent -> what its answers were about ("aspect: Scalability", "define: KPO")
    topics: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    rows: Counter = field(default_factory=Counter)
    characteristics: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    gaps: list[Question] = field(default_factory=list)
    #: recommended concept (or "not settled") -> tasks
    recommendations: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    classifications: Counter = field(default_factory=Counter)  # started, finished, cancelled, left
    #: row asked when a classification was cancelled or left
    gave_up_at: Counter = field(default_factory=Counter)
    classification_results: Counter = field(default_factory=Counter)
    interview_answers: int = 0
    ratings: Counter = field(default_factory=Counter)
    rated: list[Rated] = field(default_factory=list)
    #: document sha256 -> {"answers", "not_covered", "up", "down", "first", "last"}
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    refused: Counter = field(default_factory=Counter)
    older_answers: int = 0


def _uncount(counter: Counter, key: str) -> None:
    """Take one count of ``key`` back, dropping the key at nought."""
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


class _Conversation:
    """One conversation's state while its events are read."""

    def __init__(self, sender_id: str, summary: Summary) -> None:
        self.summary = summary
        self.hash = short_hash(sender_id)
        self.sender_id = sender_id
        self.channel = channel_of(sender_id, None)
        self.question: Question | None = None
        self.in_form = False
        self.asked_row: str | None = None
        self.last_action = ""
        self.ended = False  # the form just ended; the next action says how
        self.answers: dict[str, tuple[str, str, str, str, str]] = {}  # id -> (question, reply, topic, doc, day)
        self.ratings: dict[str, str] = {}
        self.days: set[str] = set()
        self.sessions = 0
        #: The last interview's result, (concept, task), while an answer taken back after it may give it again.
        self.result: tuple[str, str] | None = None

    # -- per event ------------------------------------------------------------------------

    def read(self, event: Event) -> None:
        handler = getattr(self, "_" + event.type.replace("-", "_"), None)
        if handler is not None:
            handler(event)

    def _session_started(self, event: Event) -> None:
        self._left()
        self.sessions += 1

    def _restart(self, event: Event) -> None:
        self._left()

    def _user(self, event: Event) -> None:
        data = event.data
        metadata = data.get("metadata") or {}
        if self.sessions == 0:
            self.sessions = 1  # a store whose sessions were never started (an older Rasa)
        self.channel = channel_of(self.sender_id, data.get("input_channel"))
        day = day_of(event.timestamp)
        self.days.add(day)
        s = self.summary
        s.messages += 1
        s.messages_per_day[day][self.channel] += 1
        s.channels[self.channel] += 1
        if self.ended:
            self._left()
        text = str(data.get("text") or "")[:QUESTION_CHARS]
        if metadata.get("refused"):
            s.refused[str(metadata["refused"])] += 1
            self.question = None
            return
        intent = str(((data.get("parse_data") or {}).get("intent") or {}).get("name") or "unknown")
        if self.question is not None and self.question.in_form:
            s.interview_answers += 1  # answered by the interview without a word of its own
        self.question = Question(text, "", intent, "", day, self.hash, in_form=self.in_form)
        if not self.in_form:  # in the interview, a message is an answer unless its reply says otherwise
            s.intents[intent] += 1

    def _bot(self, event: Event) -> None:
        data = event.data
        metadata = data.get("metadata") or {}
        if metadata.get("refused"):
            return
        record = metadata.get(ANSWER_RECORD)
        text = str(data.get("text") or "")
        if not isinstance(record, dict):
            if metadata.get("utter_action") and self.question is not None and self.question.in_form:
                self._side_request()  # "help" or "hi" in the middle of the interview, answered by the domain
            if metadata.get("utter_action") or not text or self.in_form:
                return  # the domain's own replies (greeting, help, the interview's questions)
            self.summary.older_answers += 1
            record = {"outcome": outcome_of_text(text)}
        if record.get("aside"):
            if record.get("outcome") == Outcome.NOT_COVERED and self.question is not None:
                self.question.partly = True  # "The document does not say anything about ..." before the answer
            return
        if record.get("id") in self.answers:
            return  # the same answer again: the next of the messages a long Slack answer is split into
        self._answer(record, text, event)

    def _side_request(self) -> None:
        """The pending message, sent during the interview, was a request of its own, not an answer."""
        question, self.question = self.question, None
        if question is not None:
            self.summary.intents[question.intent] += 1

    def _answer(self, record: dict[str, Any], text: str, event: Event) -> None:
        s = self.summary
        outcome = str(record.get("outcome") or Outcome.ANSWERED)
        topic = str(record.get("topic") or "")
        day = day_of(event.timestamp)
        document = str(record.get("document") or "")
        if document:
            seen = s.documents.setdefault(document, {"answers": 0, "not_covered": 0, Feedback.UP: 0,
                                                     Feedback.DOWN: 0, "first": day, "last": day})
            seen["answers"] += 1
            seen["first"], seen["last"] = min(seen["first"], day), max(seen["last"], day)
            seen["not_covered"] += outcome == Outcome.NOT_COVERED
        question = self.question
        if isinstance(record.get("id"), str):
            self.answers[record["id"]] = (question.text if question else "", text, topic, document, day)
        if topic == Topic.CLASSIFY_RESULT:
            # an answer taken back after the result gives it again: the interview's last result counts, once
            if self.result is not None:
                concept, task = self.result
                _uncount(s.classification_results, concept)
                _uncount(s.recommendations[concept], task)
                if not s.recommendations[concept]:
                    del s.recommendations[concept]
            self.result = (str(record.get("concept") or UNSETTLED), str(record.get("task") or "(no task named)"))
            s.classification_results[self.result[0]] += 1
            s.recommendations[self.result[0]][self.result[1]] += 1
        if question is None or outcome == Outcome.OTHER and not question.in_form:
            return
        # the first answer to a question says how it went; asides and second messages add nothing
        self.question = None
        if question.partly and outcome == Outcome.ANSWERED:
            outcome = Outcome.NOT_COVERED  # answered in part: what it says nothing about is a gap all the same
        if question.in_form:
            if topic in (Topic.CLASSIFY, Topic.CLASSIFY_RESULT) or outcome == Outcome.OTHER:
                s.interview_answers += 1
                if outcome == Outcome.CLARIFY:  # a typed answer the interview could not read
                    question.intent, question.outcome = INTERVIEW, outcome
                    s.gaps.append(question)
                return
            s.intents[question.intent] += 1  # a question asked in the middle of the interview
        s.outcomes[outcome] += 1
        question.outcome, question.topic = outcome, topic
        if outcome in (Outcome.NOT_COVERED, Outcome.CLARIFY, Outcome.SCOPE):
            s.gaps.append(question)
        if topic in (Topic.RECOMMEND, Topic.OFFER_CLASSIFY) and (record.get("task") or topic == Topic.OFFER_CLASSIFY):
            concept = str(record.get("concept") or UNSETTLED) if topic == Topic.RECOMMEND else UNSETTLED
            s.recommendations[concept][str(record.get("task") or "(no task named)")] += 1
        if question.intent in SOCIAL or outcome != Outcome.ANSWERED and not question.partly:
            return  # what was answered in part still counts as asked about
        label = topic or "answer"
        about = record.get("aspect") or record.get("characteristic") or record.get("concept")
        s.topics[question.intent][f"{label}: {about}" if about else label] += 1
        if record.get("aspect"):
            s.rows[str(record["aspect"])] += 1
        if record.get("characteristic"):
            s.characteristics[str(record["characteristic"])] += 1
        elif topic in (Topic.SIMILARITIES, Topic.CHARACTERISTICS):
            s.characteristics[ALL_OF[topic].format(concept=record.get("concept") or "")] += 1

    def _slot(self, event: Event) -> None:
        name, value = event.data.get("name"), event.data.get("value")
        if name == Slot.CLASSIFY_QUESTION and value:
            self.asked_row = str(value)
        elif name == Slot.FEEDBACK and isinstance(value, dict) and value.get("rating") in Feedback.RATINGS:
            self.ratings[str(value.get("answer"))] = value["rating"]  # the last rating of an answer counts

    def _active_loop(self, event: Event) -> None:
        name = event.data.get("name")
        if name == CLASSIFY_FORM and not self.in_form:
            self.in_form, self.ended, self.result = True, False, None
            self.summary.classifications["started"] += 1
        elif name is None and self.in_form:
            self.in_form = False
            if self.last_action == CANCEL_ACTION:
                self._gave_up("cancelled")
            else:
                self.ended = True

    def _action(self, event: Event) -> None:
        name = str(event.data.get("name") or "")
        self.last_action = name
        if self.question is not None and self.question.in_form and not self.question.outcome:
            if name == CLASSIFY_FORM:  # the form took the message: an answer to its question
                self.question = None
                self.summary.interview_answers += 1
            elif name == CANCEL_ACTION:
                self._side_request()
        if name == RESULT_ACTION and (self.ended or self.in_form):
            self.summary.classifications["finished"] += 1
            self.in_form = self.ended = False
            self.asked_row = None

    # -- at the end ---------------------------------------------------------------------------

    def _gave_up(self, how: str) -> None:
        self.summary.classifications[how] += 1
        self.summary.gave_up_at[row_name(self.asked_row) if self.asked_row else "(before the first question)"] += 1
        self.in_form = self.ended = False
        self.asked_row = None

    def _left(self) -> None:
        if self.in_form or self.ended:
            self._gave_up("left")

    def finish(self) -> None:
        self._left()
        s = self.summary
        s.conversations += max(self.sessions, 1 if self.days else 0)
        for day in self.days:
            s.conversations_per_day[day][self.channel] += 1
        for answer_id, rating in self.ratings.items():
            question, reply, topic, document, day = self.answers.get(answer_id, ("", "", "", "", ""))
            s.ratings[rating] += 1
            s.rated.append(Rated(rating, question, reply[:QUESTION_CHARS], topic, document, day))
            if document in s.documents:
                s.documents[document][rating] += 1


def summarise(conversations: Any) -> Summary:
    """Count ``(sender_id, events)`` pairs (:func:`bot.report.events.conversations`)."""
    summary = Summary()
    senders = 0
    for sender_id, events in conversations:
        conversation = _Conversation(sender_id, summary)
        for event in events:
            conversation.read(event)
        conversation.finish()
        senders += bool(conversation.days)
    summary.senders = senders
    days = sorted(summary.messages_per_day)
    summary.first_day, summary.last_day = (days[0], days[-1]) if days else ("", "")
    return summary
