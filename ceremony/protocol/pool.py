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
the fixed-base tables and the credential list built here are shared with
them; pass ``mp_context="spawn"`` from a process that runs threads.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.election import Election
from ceremony.protocol.fastverify import BallotOutcome, BallotVerifier

DEFAULT_CHUNK_SIZE = 128

_worker_verifier: BallotVerifier | None = None


def _init_worker(verifier: BallotVerifier) -> None:
    global _worker_verifier
    _worker_verifier = verifier


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
    verifier = BallotVerifier(election, credentials, with_choices=with_choices)
    if count <= 1:
        for first, chunk in _chunks(ballots, chunk_size):
            yield from verifier.verify_chunk(chunk, first)
        return
    method = mp_context or ("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=context,
        initializer=_init_worker,
        initargs=(verifier,),
    ) as executor:
        pending: deque[Future[list[BallotOutcome]]] = deque()
        for first, chunk in _chunks(ballots, chunk_size):
            pending.append(executor.submit(_verify_chunk, chunk, first))
            if len(pending) >= 2 * count:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
