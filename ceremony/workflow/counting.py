"""The counting path, shared by the test vote, the count and the recount.

1. every ballot of the urn is verified once (§3.5.1), the revote rule last(B)
   keeps each credential's last ballot (§4.15), and the kept ballots are
   multiplied into the encrypted tally (§4.16);
2. one card session opens every contest: the president's (or secretary's)
   card gives the Single key, ``threshold`` delegates' cards their seeds
   (:mod:`ceremony.workflow.card_check`: any legal quorum, each key checked
   against its public trustee key), each makes its partial decryptions with
   proofs (§4.18), checked at once against the trustee's public key;
3. factors are combined (Lagrange for the Pedersen part) and the result is the
   bounded discrete logarithm (§4.19).

The test vote runs exactly this path on known ballots: a count that works in
the test vote works at the count.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from gmpy2 import mpz

from ceremony.protocol.ballot import Ballot
from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.decryption import (
    ElectionResult,
    PartialDecryption,
    combine_factors,
    compute_result,
    make_partial_decryption,
    verify_partial_decryption,
)
from ceremony.protocol.election import Election, HomomorphicQuestion
from ceremony.protocol.elgamal import Ciphertext
from ceremony.protocol.group import Group
from ceremony.protocol.pool import verify_ballots
from ceremony.protocol.tally import EncryptedTally, TallyAccumulator
from ceremony.protocol.trustees import PedersenTrustees, Trustees
from ceremony.workflow.card_check import OpenedKey
from ceremony.workflow.errors import QuorumError, UrnCheckError

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ContestTally:
    election: Election
    tally: EncryptedTally
    num_tallied: int
    total_weight: int
    ballots_in_urn: int


def verify_and_tally(
    election: Election,
    credentials: CredentialList,
    ballots: Callable[[], Iterable[bytes]],
    progress: Progress | None = None,
    workers: int | None = None,
) -> ContestTally:
    """Verify every ballot once, apply last(B), and tally (§3.5.1, §4.15, §4.16).

    Ballots stream through a process pool on all cores
    (:func:`ceremony.protocol.pool.verify_ballots`); each verified ballot is
    multiplied into the tally at once. A revote supersedes the credential's
    earlier ballot: ``ballots`` is then called a second time to divide the
    superseded ballots out, without verifying anything again. Ballots are not
    kept: last(B) keeps about 200 bytes per voter (a digest of the credential,
    the index and weight of the last ballot). The first invalid ballot stops
    the count with :class:`UrnCheckError` naming the failed check.
    """
    shape = [q.choice_count for q in election.questions if isinstance(q, HomomorphicQuestion)]
    accumulator = TallyAccumulator(election.group, shape)
    # Keyed by SHA-256 of the credential: 32 bytes, not its 617 decimal digits.
    current: dict[bytes, tuple[int, int]] = {}
    superseded: dict[int, int] = {}
    count = 0
    # Forking a process that runs threads (the GUI's) can deadlock and holds the GIL
    # while it copies: spawned workers rebuild their verifier from a small seed instead.
    context = "spawn" if threading.active_count() > 1 else None
    for outcome in verify_ballots(
        election, credentials, ballots(), workers=workers, with_choices=True, mp_context=context
    ):
        if not outcome.ok or outcome.choices is None or outcome.weight is None:
            raise UrnCheckError(
                f"ballot {outcome.index} ({outcome.tracker}): {outcome.check} "
                f"[{outcome.error}] {outcome.reason}"
            )
        assert outcome.credential is not None
        voter = hashlib.sha256(outcome.credential.encode()).digest()
        previous = current.get(voter)
        if previous is not None:
            superseded[previous[0]] = previous[1]
        current[voter] = (outcome.index, outcome.weight)
        accumulator.add(_ciphertexts(outcome.choices), outcome.weight)
        count += 1
        if progress is not None:
            progress(count)
    if superseded:
        for index, raw in enumerate(ballots()):
            if index in superseded:
                ballot = Ballot.from_bytes(raw, election, check_elements=False)
                accumulator.remove([a.choices for a in ballot.answers], superseded[index])
    return ContestTally(
        election,
        accumulator.result(),
        accumulator.num_tallied,
        accumulator.total_weight,
        count,
    )


def _ciphertexts(choices: Sequence[Sequence[tuple[int, int]]]) -> list[list[Ciphertext]]:
    return [[Ciphertext(mpz(a), mpz(b)) for a, b in row] for row in choices]


def decrypt_tallies(
    group: Group,
    trustees: Trustees,
    tallies: Mapping[str, ContestTally],
    opened: Sequence[OpenedKey],
    rng: random.Random | None = None,
    verified: Callable[[], None] | None = None,
) -> dict[str, dict[int, PartialDecryption]]:
    """Partial decryptions of every contest with the keys opened from a quorum (§4.18).

    ``opened`` comes from :func:`ceremony.workflow.card_check.open_quorum`: one
    head key and ``threshold`` delegates' shares, each already checked against
    its public trustee key. Each partial decryption is verified again before use.
    ``verified`` is called after each (trustee, contest) partial decryption:
    ``len(tallies) * len(opened)`` times in all.
    """
    pedersen = next(i for i in trustees.items if isinstance(i, PedersenTrustees))
    heads = [k for k in opened if k.owner == 1]
    delegates = [k for k in opened if k.owner > 1]
    if len(heads) != 1 or len(delegates) != pedersen.parameters.threshold:
        raise QuorumError(f"{len(heads)} head key(s), {len(delegates)} delegate key(s)")
    slots = trustees.slots()
    partials: dict[str, dict[int, PartialDecryption]] = {uuid: {} for uuid in tallies}
    for key in opened:
        public_key = slots[key.owner - 1].key.public_key
        for uuid, contest in tallies.items():
            fingerprint = contest.election.fingerprint
            matrix = contest.tally.ciphertexts
            partial = make_partial_decryption(group, fingerprint, matrix, key.secret, rng)
            verify_partial_decryption(group, fingerprint, matrix, public_key, partial)
            partials[uuid][key.owner] = partial
            if verified is not None:
                verified()
    return partials


def combine_results(
    group: Group,
    trustees: Trustees,
    tallies: Mapping[str, ContestTally],
    partials: Mapping[str, Mapping[int, PartialDecryption]],
) -> dict[str, ElectionResult]:
    """Combine the factors and solve the bounded discrete logarithms (§4.19)."""
    results: dict[str, ElectionResult] = {}
    for uuid, contest in tallies.items():
        shape = contest.tally.shape
        factors = combine_factors(group, trustees, partials[uuid], shape)
        results[uuid] = compute_result(
            group, contest.tally.ciphertexts, factors, contest.total_weight
        )
    return results
