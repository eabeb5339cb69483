"""Streaming ballot verification on a process pool (spec §3.5.1 step 1, §4.15).

Public API:

- ``verify_ballots(election, credentials, ballots, *, workers=None,
  chunk_size=128, with_choices=False, mp_context=None) -> Iterator[BallotOutcome]``:
  verifies every ballot of ``ballots`` (an iterable of raw ballot bytes, read
  lazily) exactly once and yields one ``fastverify.BallotOutcome`` per ballot,
  in input order. Outcomes name the failed check; nothing is raised for an
  invalid ballot.

Memory stays flat in the number of ballots: at most ``2 × workers`` chunks are
read ahead and in flight at any time. With ``workers=1`` everything runs in
this process (no pool). Workers are forked where the platform allows it, so
the fixed-base tables built here are shared with them without being copied;
pass ``mp_context="spawn"`` from a process that runs threads.

Workers' memory is flat in the electorate too: they never see the credential
list L (about 1.1 KB per elector per process before). They verify with
``fastverify.ANY_CREDENTIAL`` and this process looks each outcome's
credential up in L (``fastverify.settle_credential``): same outcomes, same
check named, weights from L.

Spawned workers get no verifier from this process: pickling its fixed-base
tables (26 MB) took 0.84 s on the caller's thread and stalled the GUI. They
get a ``VerifierSeed`` instead (the election's bytes) and build their own
verifier, in parallel, off the caller's thread.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.election import Election
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.fastverify import (
    ANY_CREDENTIAL,
    BallotOutcome,
    BallotVerifier,
    settle_credential,
)

DEFAULT_CHUNK_SIZE = 128

_worker_verifier: BallotVerifier | None = None


@dataclass(frozen=True)
class VerifierSeed:
    """What a spawned worker needs to build its ``BallotVerifier`` (§3.5.1): small to pickle.

    Only the election: workers do not hold L (``fastverify.ANY_CREDENTIAL``).
    """

    election: bytes
    fingerprint: str
    with_choices: bool

    @classmethod
    def of(cls, election: Election, with_choices: bool) -> VerifierSeed:
        """Pack ``election``."""
        return cls(election.to_bytes(), election.fingerprint, with_choices)

    def verifier(self) -> BallotVerifier:
        """The workers' ``BallotVerifier`` for this election."""
        election = Election.from_bytes(self.election)
        if election.fingerprint != self.fingerprint:
            raise MalformedDataError("the election bytes given to a worker changed")
        return BallotVerifier(election, ANY_CREDENTIAL, with_choices=self.with_choices)


def _init_worker(source: BallotVerifier | VerifierSeed) -> None:
    global _worker_verifier
    _worker_verifier = source.verifier() if isinstance(source, VerifierSeed) else source


def _verify_chunk(chunk: list[bytes], first_index: int) -> list[BallotOutcome]:
    assert _worker_verifier is not None, "worker not initialised"
    return _worker_verifier.verify_chunk(chunk, first_index)


def _chunks(ballots: Iterable[bytes], size: int) -> Iterator[tuple[int, list[bytes]]]:
    iterator = iter(ballots)
    index = 0
    while chunk := list(islice(iterator, size)):
        yield index, chunk
        index += len(chunk)


def verify_ballots(
    election: Election,
    credentials: CredentialList,
    ballots: Iterable[bytes],
    *,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    with_choices: bool = False,
    mp_context: str | None = None,
) -> Iterator[BallotOutcome]:
    """Verify each ballot once, in parallel, streaming; yield outcomes in order (§3.5.1)."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1:
        verifier = BallotVerifier(election, credentials, with_choices=with_choices)
        for first, chunk in _chunks(ballots, chunk_size):
            yield from verifier.verify_chunk(chunk, first)
        return
    method = mp_context or ("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    context = multiprocessing.get_context(method)
    source: BallotVerifier | VerifierSeed
    if context.get_start_method() == "fork":
        # Forked workers inherit the tables built here: nothing is pickled.
        source = BallotVerifier(election, ANY_CREDENTIAL, with_choices=with_choices)
    else:
        source = VerifierSeed.of(election, with_choices)
    group = election.group
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=context,
        initializer=_init_worker,
        initargs=(source,),
    ) as executor:
        pending: deque[Future[list[BallotOutcome]]] = deque()
        for first, chunk in _chunks(ballots, chunk_size):
            pending.append(executor.submit(_verify_chunk, chunk, first))
            if len(pending) >= 2 * count:
                for outcome in pending.popleft().result():
                    yield settle_credential(outcome, group, credentials)
        while pending:
            for outcome in pending.popleft().result():
                yield settle_credential(outcome, group, credentials)
