"""The channels' shared parts without a server: credentials at launch, the guard, the widget's checks."""

from __future__ import annotations

import pytest
import yaml
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import credentials, guard
from bot.channels.credentials import allowed_origins
from bot.channels.rest import RequestError, max_sender_chars, read_request
from bot.channels.webchat import OriginCheck, WebchatInput

ENVIRONMENTS = [
    ({}, None, "Slack: off"),
    ({"SLACK_BOT_TOKEN": "xoxb-1"}, None, "Slack: off"),
    ({"SLACK_SIGNING_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1"}, None, "Slack: off"),
    ({"SLACK_BOT_TOKEN": " ", "SLACK_SIGNING_SECRET": "s"}, None, "Slack: off"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"},
     {"slack_token": "${SLACK_BOT_TOKEN}", "slack_signing_secret": "${SLACK_SIGNING_SECRET}"}, "Events API"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_CHANNEL": "C1"},
     {"slack_token": "${SLACK_BOT_TOKEN}", "slack_app_token": "${SLACK_APP_TOKEN}",
      "slack_channel": "${SLACK_CHANNEL}"}, "Socket Mode"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s",
      "SLACK_API_URL": "http://127.0.0.1:9/api/"},
     {"slack_token": "${SLACK_BOT_TOKEN}", "slack_signing_secret": "${SLACK_SIGNING_SECRET}",
      "slack_app_token": "${SLACK_APP_TOKEN}", "slack_api_url": "${SLACK_API_URL}"}, "Socket Mode and the Events API"),
]


@pytest.mark.parametrize("env, slack, says", ENVIRONMENTS)
def test_slack_is_added_at_launch_only_when_its_variables_are_set(tmp_path, env, slack, says):
    out = tmp_path / "build" / "credentials.yml"
    line = credentials.write(out, env)
    written = yaml.safe_load(out.read_text())
    assert says in line and "\n" not in line
    assert written.get(credentials.SLACK_CONNECTOR) == slack
    committed = yaml.safe_load(credentials.BASE.read_text())
    assert {k: v for k, v in written.items() if k != credentials.SLACK_CONNECTOR} == committed
    for secret in ("xoxb-1", "xapp-1"):  # placeholders only: no token on disk
        assert secret not in out.read_text()


def test_the_committed_channels_are_rest_the_terminal_and_the_widget():
    committed = yaml.safe_load(credentials.BASE.read_text())
    assert set(committed) == {"bot.channels.rest.RestInput", "bot.channels.rest.TerminalInput",
                              "bot.channels.webchat.WebchatInput"}


def test_a_malformed_base_file_is_a_clear_error(tmp_path, capsys):
    base = tmp_path / "credentials.yml"
    base.write_text("- just a list\n")
    assert credentials.main(["--base", str(base), "--out", str(tmp_path / "out.yml")]) == 1
    assert "expected a mapping of channel connectors" in capsys.readouterr().err


class Handler:
    """Rasa's on_new_message stand-in: records the message and answers ``replies`` times."""

    def __init__(self, replies: int = 1) -> None:
        self.seen: list[UserMessage] = []
        self.replies = replies

    async def __call__(self, message: UserMessage) -> None:
        self.seen.append(message)
        for _ in range(self.replies):
            await message.output_channel.send_response(message.sender_id, {"text": "an answer"})


class Recorder:
    """The guard's recorder stand-in: the turns it was asked to store."""

    def __init__(self) -> None:
        self.turns: list[tuple[str, str, str, str]] = []

    async def __call__(self, message: UserMessage, said: str, reply: str, reason: str) -> None:
        self.turns.append((message.sender_id, said, reply, reason))


async def send(text, handler: Handler, sender: str = "me", channel: str = "rest",
               recorder: Recorder | None = None) -> list[dict]:
    output = CollectingOutputChannel()
    await guard.guard(handler, channel, recorder or Recorder())(guard.received(text, output, sender, channel))
    return output.messages


async def test_the_guard_namespaces_the_conversation_by_channel():
    handler = Handler()
    replies = await send("what is kpo", handler, sender="slack:U1", channel="rest")
    assert handler.seen[0].sender_id == "rest:slack:U1"
    assert replies == [{"recipient_id": "rest:slack:U1", "text": "an answer"}]


@pytest.mark.parametrize("text, says", [("", "didn't get any text"), ("   \n", "didn't get any text"),
                                        ("why?" * 300, "too long for me (1200 characters; I read up to 1000)")],
                         ids=["empty", "blank", "huge"])
async def test_empty_and_huge_messages_never_reach_the_model(text, says):
    handler = Handler()
    [reply] = await send(text, handler)
    assert says in reply["text"] and handler.seen == []


@pytest.mark.parametrize("value", [42, 3.5, True, ["what is kpo"], {"text": "what is kpo"}])
async def test_a_message_that_is_not_text_is_answered_and_stored(value):
    handler, recorder = Handler(), Recorder()
    [reply] = await send(value, handler, recorder=recorder)
    assert reply["text"] == guard.NOT_TEXT_REPLY and handler.seen == []
    assert recorder.turns == [("rest:me", repr(value), guard.NOT_TEXT_REPLY, "not_text")]


async def test_a_deeply_nested_or_huge_non_text_message_is_written_down_short():
    recorder = Recorder()
    deep: list = []
    for _ in range(50_000):
        deep = [deep]
    await send(deep, Handler(), recorder=recorder)
    await send(list(range(1_000_000)), Handler(), recorder=recorder)
    assert [len(turn[1]) < 300 for turn in recorder.turns] == [True, True]


async def test_refused_messages_are_stored_with_their_reply_and_reason():
    recorder = Recorder()
    await send("why?" * 300, Handler(), recorder=recorder)
    [(sender, said, reply, reason)] = recorder.turns
    assert (sender, len(said), reason) == ("rest:me", 1200, "too_long") and "too long" in reply


async def test_a_lone_surrogate_becomes_a_replacement_character():
    handler = Handler()
    await send("what is kpo\ud800?", handler)
    assert handler.seen[0].text == "what is kpo\ufffd?"
    handler.seen[0].text.encode("utf-8")  # storable


@pytest.mark.parametrize("typed, reaches", [
    ('/define{"concept": "KPO"}', '/define{"concept": "KPO"}'),  # a button's payload
    ("/inform", "/inform"),
    ("/restart", "/restart"),  # a real restart: Rasa's action_restart says utter_restart
    ("/get_started", "/greet"),  # what rasa-webchat sends first
    ("/what is kpo?", "what is kpo?"),  # not a command: read as words
    ("//usr/share", "usr/share"),
])
async def test_typed_commands_reach_the_model_only_as_the_assistants_own(typed, reaches):
    handler = Handler()
    await send(typed, handler)
    assert [message.text for message in handler.seen] == [reaches]


@pytest.mark.parametrize("typed", ["/back", "/session_start", '/session_start{"x": 1}'])
async def test_rasas_other_commands_are_refused_politely_and_stored(typed):
    handler, recorder = Handler(), Recorder()
    [reply] = await send(typed, handler, recorder=recorder)
    assert handler.seen == [] and "I don't take the command /" in reply["text"] and "/restart" in reply["text"]
    assert recorder.turns[0][3] == "command"


async def test_a_failing_turn_is_answered_and_stored():
    class Failing(Handler):
        async def __call__(self, message: UserMessage) -> None:
            raise RuntimeError("the lock was not acquired")

    recorder = Recorder()
    [reply] = await send("what is kpo", Failing(), recorder=recorder)
    assert reply["text"] == guard.FAILED_REPLY and recorder.turns[0][1:] == ("what is kpo", guard.FAILED_REPLY, "failed")


@pytest.mark.parametrize("body, says", [
    (b"", "not JSON"), (b"{", "not JSON"), (b"\xff\xfe", "not JSON"), (b"[1, 2]", "not a JSON object"),
    (b'"hi"', "not a JSON object"), (b"null", "not a JSON object"), (b'{"message": "hi"}', '"sender" is missing'),
    (b'{"sender": 7, "message": "hi"}', "not a non-empty string"), (b'{"sender": " ", "message": "hi"}', "sender"),
    (b'{"sender": "' + b"x" * 251 + b'", "message": "hi"}', "longer than 250"),
    (b'{"sender": "a\\ud800", "message": "hi"}', "not text"), (b'{"sender": "a\\n", "message": "hi"}', "not text"),
    (b'{"sender": "a", "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "not JSON"),
])
def test_a_rest_request_without_an_object_or_a_proper_sender_is_refused(body, says):
    with pytest.raises(RequestError, match=says.replace('"', '.')):
        read_request(body)


def test_a_rest_request_passes_any_message_on_to_the_guard():
    assert read_request(b'{"sender": "me", "message": 42, "metadata": {"a": 1}}') == ("me", 42, {"a": 1})
    assert read_request(b'{"sender": "' + b"x" * 250 + b'"}') == ("x" * 250, None, None)
    assert max_sender_chars("terminal") == 246  # "terminal:" + 246 = the tracker store's 255


async def test_the_length_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(guard.MAX_CHARS_ENV, "10")
    [reply] = await send("how scalable is kpo", Handler())
    assert "up to 10" in reply["text"]


async def test_a_turn_with_no_reply_says_the_answer_service_is_unreachable_and_stores_that_reply():
    recorder = Recorder()
    assert await send("what is kpo", Handler(replies=0), recorder=recorder) == [
        {"recipient_id": "rest:me", "text": guard.NO_REPLY}]
    assert recorder.turns == [("rest:me", None, guard.NO_REPLY, "no_reply")]
    assert len(await send("what is kpo", Handler(replies=2))) == 2


async def test_the_lock_store_retries_in_the_configured_short_steps(monkeypatch):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    from bot.channels.stores import WAIT_SECONDS, InMemoryLockStore

    waits: list[float] = []
    original = LockStore._acquire_lock

    async def spy(self, conversation_id, ticket, wait_time_in_seconds):
        waits.append(wait_time_in_seconds)
        return await original(self, conversation_id, ticket, wait_time_in_seconds)

    monkeypatch.setattr(LockStore, "_acquire_lock", spy)
    store = LockStore.create(EndpointConfig(type="bot.channels.stores.LockStore", wait_seconds=0.05))
    assert isinstance(store, InMemoryLockStore)
    async with store.lock("c1"):
        pass
    async with InMemoryLockStore().lock("c2"):
        pass
    assert waits == [0.05, WAIT_SECONDS] and WAIT_SECONDS < 0.1


@pytest.mark.parametrize("value, origins", [
    (None, []), ("", []), ("https://intranet.example.com/", ["https://intranet.example.com"]),
    (" https://a.example.com , http://b.example.com:8080,", ["https://a.example.com", "http://b.example.com:8080"]),
])
def test_allowed_origins_are_read_from_a_comma_separated_list(value, origins):
    assert allowed_origins(value) == origins


@pytest.mark.parametrize("origin, allowed", [
    (None, True),  # not a cross-site browser request
    ("http://assistant.local:5005", True),  # the server's own origin
    ("https://intranet.example.com", True),
    ("https://evil.example.com", False),
    ("http://assistant.local:5006", False),
    ("null", False),
])
def test_the_socket_accepts_the_servers_own_origin_and_configured_ones(origin, allowed):
    check = OriginCheck(["https://intranet.example.com"])
    environ = {"wsgi.url_scheme": "http", "HTTP_HOST": "assistant.local:5005"}
    assert check(origin, environ) is allowed


@pytest.mark.parametrize("session_id, valid", [
    ("0123456789abcdef0123456789abcdef", True), ("abc-DEF_123", True), (None, False), ("", False),
    ("short", False), ("x" * 65, False), ("../slack:U1", False), ("a b c d e f g h", False), (123456789, False),
])
def test_session_ids_are_short_tokens(session_id, valid):
    assert WebchatInput._valid(session_id) is valid


def test_the_widget_channel_keeps_rasas_name_and_turns_session_persistence_on(monkeypatch):
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://intranet.example.com")
    channel = WebchatInput.from_credentials(None)
    assert channel.name() == "socketio" and channel.session_persistence is True
    assert channel.origins == ["https://intranet.example.com"]


def test_the_lock_store_is_redis_when_its_host_is_set_else_in_memory():
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    from bot.channels.stores import InMemoryLockStore, RedisLockStore

    # as endpoints.yml hands it over: every setting a string, the unused ones empty
    shared = LockStore.create(EndpointConfig(url="127.0.0.1", type="bot.channels.stores.LockStore", port="6390",
                                             db="", password="", wait_seconds=0.03))
    assert isinstance(shared, RedisLockStore) and shared.wait_seconds == 0.03
    assert shared.red.connection_pool.connection_kwargs["port"] == 6390
    local = LockStore.create(EndpointConfig(url="", type="bot.channels.stores.LockStore", port="", db="", password=""))
    assert isinstance(local, InMemoryLockStore)


def test_the_tracker_store_reads_empty_settings_as_not_given(tmp_path):
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import EndpointConfig

    store = TrackerStore.create(EndpointConfig(
        url="", type="bot.channels.stores.SQLTrackerStore", dialect="sqlite", port="", db=str(tmp_path / "t.db"),
        username="", password="", login_db=""))
    assert str(getattr(store, "_tracker_store", store).engine.url) == f"sqlite:///{tmp_path / 't.db'}"


def test_slacks_answered_ids_go_to_redis_when_it_is_configured(tmp_path):
    from bot.channels.stores import AnsweredEvents, RedisAnsweredEvents, answered_events

    assert isinstance(answered_events({"REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6390"}), RedisAnsweredEvents)
    assert isinstance(answered_events({"REDIS_HOST": "", "SLACK_EVENTS_DB": str(tmp_path / "a.db")}), AnsweredEvents)
