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
them without being copied; pass ``mp_context="spawn"`` from a process that
runs threads.

Spawned workers get no verifier from this process: pickling its fixed-base
tables (26 MB) took 0.84 s on the caller's thread and stalled the GUI. They
get a ``VerifierSeed`` instead (the election's bytes and the credentials
packed as fixed-width big-endian numbers, about 256 bytes each) and build
their own verifier, in parallel, off the caller's thread. The credential list
was checked by the caller (``fastverify.load_credentials`` or
``CredentialList``); the workers trust it as they trusted the pickled one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from ceremony.protocol.credentials import CredentialList, PublicCredential
from ceremony.protocol.election import Election
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.fastverify import BallotOutcome, BallotVerifier

DEFAULT_CHUNK_SIZE = 128

_worker_verifier: BallotVerifier | None = None


@dataclass(frozen=True)
class VerifierSeed:
    """What a spawned worker needs to build its ``BallotVerifier`` (§3.5.1): small to pickle.

    ``credentials`` holds each public credential of L (§4.8) as ``width``
    big-endian bytes, in L's order; ``weights`` and ``weighted`` are None when
    no entry carries an explicit weight.
    """

    election: bytes
    fingerprint: str
    width: int
    credentials: bytes
    weights: tuple[int, ...] | None
    weighted: tuple[bool, ...] | None
    with_choices: bool

    @classmethod
    def of(
        cls, election: Election, credentials: CredentialList, with_choices: bool
    ) -> VerifierSeed:
        """Pack ``election`` and ``credentials`` (already checked by the caller)."""
        width = election.group.element_bytes
        packed = b"".join(int(e.credential).to_bytes(width, "big") for e in credentials)
        explicit = any(e.weighted or e.weight != 1 for e in credentials)
        return cls(
            election.to_bytes(),
            election.fingerprint,
            width,
            packed,
            tuple(e.weight for e in credentials) if explicit else None,
            tuple(e.weighted for e in credentials) if explicit else None,
            with_choices,
        )

    def verifier(self) -> BallotVerifier:
        """The ``BallotVerifier`` the caller would have built (same election, same L)."""
        election = Election.from_bytes(self.election)
        if election.fingerprint != self.fingerprint:
            raise MalformedDataError("the election bytes given to a worker changed")
        w = self.width
        of_int = election.group.element_of_int
        values = [
            of_int(int.from_bytes(self.credentials[i : i + w], "big"))
            for i in range(0, len(self.credentials), w)
        ]
        if self.weights is None or self.weighted is None:
            entries = tuple(PublicCredential(v) for v in values)
        else:
            entries = tuple(
                PublicCredential(v, weight, flag)
                for v, weight, flag in zip(values, self.weights, self.weighted, strict=True)
            )
        return BallotVerifier(election, CredentialList(entries), with_choices=self.with_choices)


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
        source = BallotVerifier(election, credentials, with_choices=with_choices)
    else:
        source = VerifierSeed.of(election, credentials, with_choices)
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
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
