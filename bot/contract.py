"""The conversation contract's names, shared by several modules and by ``domain.yml``.

Intents, entities, slots and topics are named once here and imported wherever code needs
them; ``tests/test_contract.py`` checks them against ``domain.yml``, the rules and the table
of routes (:mod:`bot.answering.routes`). A leaf module: it imports nothing from the project,
so every layer (the fact store's NLU vocabulary included) may use it.
"""

from __future__ import annotations


class Intent:
    """Intent names (``domain.yml`` ``intents``, plus Rasa's fallback)."""

    DEFINE = "define"
    COMPARE = "compare"
    SIMILARITIES = "similarities"
    EXAMPLE = "example"
    RECOMMEND = "recommend"
    FOLLOW_UP = "follow_up"
    INFORM = "inform"
    CLASSIFY = "classify"
    GREET = "greet"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    HELP = "help"
    AFFIRM = "affirm"
    DENY = "deny"
    CANCEL = "cancel"
    OUT_OF_SCOPE = "out_of_scope"
    BOT_CHALLENGE = "bot_challenge"
    #: Predicted by Rasa's FallbackClassifier when no intent is confident enough.
    NLU_FALLBACK = "nlu_fallback"


class Entity:
    """Entity names (``domain.yml`` ``entities``)."""

    CONCEPT = "concept"
    ASPECT = "aspect"
    CHARACTERISTIC = "characteristic"
    TASK = "task"
    #: A guided-classification button's value, ``<row key>:<concept or unsure>``.
    CHOICE = "choice"


class Slot:
    """Slot names (``domain.yml`` ``slots``)."""

    # The conversation's context, for follow-ups; named like the entities they hold.
    CONCEPT = Entity.CONCEPT
    ASPECT = Entity.ASPECT
    CHARACTERISTIC = Entity.CHARACTERISTIC
    TASK = Entity.TASK
    #: What the last answer was about: one of :class:`Topic`.
    TOPIC = "topic"
    # The guided classification (bot/classify/).
    CLASSIFY_ANSWER = "classify_answer"
    CLASSIFY_INTERVIEW = "classify_interview"
    CLASSIFY_QUESTION = "classify_question"
    CLASSIFY_MISSES = "classify_misses"
    #: A person's rating of an answer (:class:`Feedback`), set outside the dialogue by the channels.
    FEEDBACK = "feedback"


#: The slots a follow-up reads its context from, in the order an answer sets them.
CONTEXT_SLOTS = (Slot.CONCEPT, Slot.ASPECT, Slot.CHARACTERISTIC, Slot.TASK)

#: The guided classification's form (``domain.yml`` ``forms``).
CLASSIFY_FORM = "classify_form"


class Topic:
    """Values of the ``topic`` slot: what the last answer was about."""

    DEFINE = "define"
    CHARACTERISTICS = "characteristics"
    CHARACTERISTIC = "characteristic"
    COMPARE = "compare"
    ASPECT = "aspect"
    SIMILARITIES = "similarities"
    EXAMPLE = "example"
    RECOMMEND = "recommend"
    #: The assistant asked which process to outsource; a bare answer is a task.
    ASK_TASK = "ask_task"
    #: A passage quoted for a question no intent covers.
    SEARCH = "search"
    #: A recommendation the document does not settle, offering the guided classification
    #: (a "yes" then starts it).
    OFFER_CLASSIFY = "offer_classify"
    CLASSIFY = "classify"
    CLASSIFY_RESULT = "classify_result"


class Outcome:
    """How an answer went, as the report on the conversations counts it (:data:`ANSWER_RECORD`)."""

    #: The document answered it.
    ANSWERED = "answered"
    #: The document does not cover or does not settle it (``found`` False).
    NOT_COVERED = "not_covered"
    #: The assistant asked what was meant, or which process.
    CLARIFY = "clarify"
    #: The polite statement of scope for an off-topic message.
    SCOPE = "scope"
    #: A reply that is none of these ("there's nothing to cancel", a question of the interview).
    OTHER = "other"


#: The key of each bot message's metadata that says what the answer was (``render.utter`` writes
#: it, Rasa keeps it in the ``BotUttered`` event, ``bot.report`` reads it): ``id``, ``outcome``
#: (one of :class:`Outcome`), ``topic``, ``concept``, ``aspect``, ``characteristic``, ``task``,
#: ``found`` and ``document`` (the sha256 of the document it was given from).
ANSWER_RECORD = "answer"


def rateable(record: object) -> str | None:
    """The id of an answer that may be rated, from its record: one from the document, not an aside or the interview's."""
    if isinstance(record, dict) and isinstance(record.get("id"), str) and not record.get("aside") \
            and record.get("outcome") != Outcome.OTHER:
        return record["id"]
    return None


class Feedback:
    """A rating of one answer, stored as a ``feedback`` slot event: ``{"answer": id, "rating": ...}``."""

    UP = "up"
    DOWN = "down"
    RATINGS = (UP, DOWN)
    #: Slack's thumbs: the block id is ``feedback:<answer id>``, the action ids ``feedback_up``, ``feedback_down``.
    SLACK_BLOCK = "feedback"
