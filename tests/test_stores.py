"""The conversation locks in Redis (bot/channels/stores.py) against a real redis-server on loopback.

Two store objects stand for two Rasa servers sharing one Redis.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.channels.stores import LockStore, RedisLockStore
from bot.launch.servers import free_port

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    assert shutil.which("redis-server"), "the Redis tests need Debian's redis-server: run `make services`"
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--dir", str(folder)], stdout=subprocess.DEVNULL)
    try:
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis(port=port).ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def store(port: int, **settings) -> RedisLockStore:
    made = LockStore(endpoint_config=EndpointConfig(url="127.0.0.1", port=str(port), db="", password="", **settings))
    assert isinstance(made, RedisLockStore)
    return made


async def test_two_servers_turns_never_overlap_and_go_first_come_first_served(redis_port):
    servers = [store(redis_port), store(redis_port)]
    held: list[int] = []
    order: list[int] = []
    overlaps = 0

    async def turn(i: int) -> None:
        nonlocal overlaps
        async with servers[i % 2].lock("rest:burst") as ticket:
            order.append(int(ticket.split(":")[0]))
            held.append(i)
            if len(held) > 1:
                overlaps += 1
            await asyncio.sleep(0.005)
            held.remove(i)

    await asyncio.gather(*(turn(i) for i in range(60)))
    assert overlaps == 0 and len(order) == 60
    assert order == sorted(order)  # served in the order the tickets were issued


async def test_a_lock_whose_holder_died_is_taken_once_its_lifetime_ends(redis_port):
    first, second = store(redis_port), store(redis_port)
    await first._issue("rest:crashed", lifetime=0.3)  # a ticket at the head, never released
    started = time.monotonic()
    async with second.lock("rest:crashed", lock_lifetime=5) as ticket:
        assert ticket is not None
    assert time.monotonic() - started >= 0.25


async def test_a_waiter_that_is_cancelled_leaves_no_ticket_behind(redis_port):
    holder, other = store(redis_port), store(redis_port)

    async def wait_for_it() -> None:
        async with other.lock("rest:cancel"):
            pass

    async with holder.lock("rest:cancel"):
        waiting = asyncio.ensure_future(wait_for_it())
        await asyncio.sleep(0.1)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    _, queue, _ = holder._keys("rest:cancel")
    assert await holder.red.zcard(queue) == 0  # nobody after it waits for a ticket that will never be released


async def test_after_redis_forgets_the_queue_a_waiter_takes_a_new_ticket_and_goes_on(redis_port):
    holder, other = store(redis_port), store(redis_port)
    got = []

    async def wait_for_it() -> None:
        async with other.lock("rest:restart") as ticket:
            got.append(ticket)

    async with holder.lock("rest:restart"):
        waiting = asyncio.ensure_future(wait_for_it())
        await asyncio.sleep(0.1)
        await holder.red.flushdb()  # what a Redis restart without persistence leaves
        await asyncio.wait_for(waiting, 5)
    assert got and got[0] is not None


async def test_without_redis_the_turn_goes_on_unlocked(caplog):
    unreachable = store(free_port())
    ran = False
    async with unreachable.lock("rest:me") as ticket:
        ran = True
    assert ran and ticket is None
    assert "Redis unreachable" in caplog.text
