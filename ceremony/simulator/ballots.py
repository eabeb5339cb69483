"""The simulated voters' credentials and ballots, made in parallel on all cores.

Everything derives from the seed: voter ``i`` of contest ``uuid`` has the
Belenios credential drawn from ``{seed}:credential:{uuid}:{i}``, and ballot
number ``n`` of a contest (in vote-time order) the randomness of
``{seed}:ballot:{uuid}:{n}``, so a rerun with any number of workers gives
the same bytes.

Speed matters here (360,000 credentials and 100,000 ballots per bureau): the
workers raise g and the election key y by fixed-base tables
(``fastverify.TablePowers``) built once per process, and a ballot is not read
back with the element checks ``ballot.make_ballot`` does (the tests compare
both outputs byte for byte).
"""

from __future__ import annotations

import multiprocessing
import os
import random
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Final

from ceremony.protocol.ballot import sign_ballot
from ceremony.protocol.credentials import derive_secret, make_credential
from ceremony.protocol.election import Election
from ceremony.protocol.elgamal import PlainPowers, Powers
from ceremony.protocol.fastverify import FixedBaseTable, TablePowers
from ceremony.protocol.group import Element, FiniteFieldGroup, Group, get_group
from ceremony.protocol.serialization import dumps
from ceremony.protocol.version import element_text, text_order_key

CREDENTIAL_CHUNK: Final = 512
SMALL_ELECTORATE: Final = 2_000
"""Below this, credentials are derived in-process: a pool and its tables would cost more."""
BALLOT_CHUNK: Final = 16

BallotJob = tuple[int, int | None, int]
"""(voter index, chosen list index or None for blank, ballot number in the contest)."""


def voter_credential(seed: str, uuid: str, voter: int) -> str:
    """The private credential of a simulated voter (§4.8), derived from the seed."""
    return make_credential(random.Random(f"{seed}:credential:{uuid}:{voter}"))


def workers_or_cores(workers: int | None) -> int:
    return workers or os.cpu_count() or 1


def _pool(workers: int, initializer: Callable[..., None], *initargs: object) -> ProcessPoolExecutor:
    # Spawned, not forked: a worker does not inherit the parent's memory (the
    # definition's credentials, hundreds of MB at 100,000 ballots), so its
    # footprint is its own and stays flat in the number of electors.
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )


# -- credentials ---------------------------------------------------------------

_G_POW: Callable[[int], Element] | None = None
_GROUP: Group | None = None


def _g_pow(group: Group) -> Callable[[int], Element]:
    # A fixed-base table pays off for the finite-field groups; libsodium's
    # fixed-base multiplication is already the fast path in Ed25519.
    if isinstance(group, FiniteFieldGroup):
        return FixedBaseTable(group, group.g).pow
    return group.g_pow


def _init_credential_worker(group_name: str) -> None:
    global _G_POW, _GROUP  # one table of g per worker process
    _GROUP = get_group(group_name)
    _G_POW = _g_pow(_GROUP)


def _public_credential(
    group: Group, seed: str, uuid: str, voter: int, g_pow: Callable[[int], Element]
) -> str:
    public = g_pow(derive_secret(group, voter_credential(seed, uuid, voter), uuid))
    return element_text(group, public)


def _public_credentials(job: tuple[str, str, int, int]) -> list[str]:
    seed, uuid, start, stop = job
    assert _G_POW is not None and _GROUP is not None
    return [_public_credential(_GROUP, seed, uuid, i, _G_POW) for i in range(start, stop)]


def make_public_credentials(
    seed: str, uuid: str, registered: int, workers: int, group_name: str
) -> bytes:
    """The ``public_credentials`` file of a contest (§4.8), sorted as L is published.

    The elements are g^secret computed here, so the membership test that
    ``make_credential_list`` runs on each of them (one exponentiation) is left out.
    """
    group = get_group(group_name)
    public: list[str] = []
    if registered < SMALL_ELECTORATE:
        public = [_public_credential(group, seed, uuid, i, group.g_pow) for i in range(registered)]
    else:
        jobs = [
            (seed, uuid, start, min(start + CREDENTIAL_CHUNK, registered))
            for start in range(0, registered, CREDENTIAL_CHUNK)
        ]
        with _pool(workers, _init_credential_worker, group_name) as pool:
            for chunk in pool.map(_public_credentials, jobs):
                public.extend(chunk)
    public.sort(key=text_order_key)
    return dumps(public)


# -- ballots ---------------------------------------------------------------------

_SEED = ""
_ELECTIONS: dict[str, bytes] = {}
_READY: dict[str, tuple[Election, Powers]] = {}
_POWERS: dict[int, Powers] = {}


def _init_ballot_worker(seed: str, elections: Mapping[str, bytes]) -> None:
    global _SEED, _ELECTIONS  # one parsed election and one pair of tables per key, per worker
    _SEED, _ELECTIONS = seed, dict(elections)
    _READY.clear()


def _prepared(uuid: str) -> tuple[Election, Powers]:
    if uuid not in _READY:
        election = Election.from_bytes(_ELECTIONS[uuid])
        key = int(election.public_key)
        # The contests of a bureau share the trustees, hence the key: one table pair.
        if key not in _POWERS:
            group = election.group
            _POWERS[key] = (
                TablePowers(group, election.public_key)
                if isinstance(group, FiniteFieldGroup)
                else PlainPowers(group, election.public_key)
            )
        _READY[uuid] = (election, _POWERS[key])
    return _READY[uuid]


def make_simulated_ballot(
    election: Election,
    powers: Powers,
    credential: str,
    plaintexts: list[list[int]],
    rng: random.Random,
) -> bytes:
    """The bytes ``ballot.make_ballot`` gives for the same inputs and rng (§4.11–4.15)."""
    return sign_ballot(election, powers, credential, plaintexts, rng).to_bytes()


def _make_ballots(job: tuple[str, int, Sequence[BallotJob]]) -> list[bytes]:
    uuid, lists, votes = job
    election, powers = _prepared(uuid)
    out = []
    for voter, choice, number in votes:
        row = [0] * (lists + 1)
        row[0 if choice is None else choice + 1] = 1
        credential = voter_credential(_SEED, uuid, voter)
        rng = random.Random(f"{_SEED}:ballot:{uuid}:{number}")
        out.append(make_simulated_ballot(election, powers, credential, [row], rng))
    return out


class BallotFactory:
    """A pool of workers making the ballots of several contests, streamed in order."""

    def __init__(self, seed: str, elections: Mapping[str, bytes], workers: int) -> None:
        self._workers = workers
        self._pool = _pool(workers, _init_ballot_worker, seed, dict(elections))

    def __enter__(self) -> BallotFactory:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(cancel_futures=True)

    def ballots(self, uuid: str, lists: int, votes: Iterable[BallotJob]) -> Iterator[bytes]:
        """The ballots of ``votes`` in their order; a few chunks in flight, never all."""
        window: deque[Future[list[bytes]]] = deque()
        limit = 4 * self._workers
        for chunk in _chunks(votes, BALLOT_CHUNK):
            window.append(self._pool.submit(_make_ballots, (uuid, lists, chunk)))
            if len(window) >= limit:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _chunks(items: Iterable[BallotJob], size: int) -> Iterator[list[BallotJob]]:
    chunk: list[BallotJob] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
