"""A whole Single + Pedersen election made by our code only, for tests and benchmarks.

Trustees (Single + 2-of-3 Pedersen), election, credentials, ballots, the
archive, the encrypted tally (from the audit), partial decryptions and the
result: the same path the bureau and the platform simulator take.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ceremony.protocol.archive import ArchiveHeader, PendingEvent, append_events, write_archive
from ceremony.protocol.audit import AuditOutcome, audit_archive
from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.credentials import (
    derive_public_credential,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.decryption import (
    combine_result,
    make_partial_decryption,
    make_partial_decryption_event,
    make_result_event,
)
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.group import BELENIOS_2048, Group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.pedersen import (
    combine_threshold_parameters,
    compute_vinputs,
    make_cert,
    make_polynomial,
    make_seed,
    make_voutput,
    open_share,
)
from ceremony.protocol.serialization import dumps
from ceremony.protocol.tally import make_tally_events
from ceremony.protocol.trustees import (
    PedersenTrustees,
    SingleTrustee,
    Trustees,
    compute_election_public_key,
    make_single_trustee,
)


def template(lists: int) -> dict[str, Any]:
    """One homomorphic question, ``lists`` lists, blank allowed, exactly one choice."""
    return {
        "description": "Scrutin de test",
        "name": "Test",
        "questions": [
            {
                "answers": [f"Liste {i + 1}" for i in range(lists)],
                "blank": True,
                "min": 1,
                "max": 1,
                "question": "Élection des délégués",
            }
        ],
    }


@dataclass
class OurElection:
    path: Path
    group: Group
    election: Election
    trustees: Trustees
    single_key: int
    shares: list[int]
    credentials: list[str]

    def cast(self, votes: list[list[int]], rng: random.Random) -> None:
        """Append one Ballot event per (voter index, plaintext) (§4.15)."""
        events = []
        for voter, vote in enumerate(votes):
            credential = self.credentials[voter % len(self.credentials)]
            ballot = make_ballot(self.election, credential, [vote], rng)
            events.append(PendingEvent("Ballot", (ballot.to_bytes(),)))
        append_events(self.path, events)

    def tally(self, rng: random.Random, delegates: tuple[int, int] = (0, 2)) -> AuditOutcome:
        """Audit, close, decrypt (president + two delegates) and publish the result."""
        outcome = audit_archive(self.path, workers=1)
        assert outcome.passed and outcome.encrypted_tally is not None
        append_events(
            self.path,
            make_tally_events(outcome.encrypted_tally, outcome.num_tallied, outcome.total_weight),
        )
        tally = outcome.encrypted_tally.ciphertexts
        phi = self.election.fingerprint
        keys = {1: self.single_key} | {d + 2: self.shares[d] for d in delegates}
        partials = {
            o: make_partial_decryption(self.group, phi, tally, k, rng) for o, k in keys.items()
        }
        append_events(self.path, [make_partial_decryption_event(o, p) for o, p in partials.items()])
        result = combine_result(self.group, self.trustees, tally, partials, outcome.total_weight)
        append_events(self.path, [make_result_event(result)])
        return outcome


def make_our_election(
    directory: Path, rng: random.Random, *, voters: int, lists: int = 3
) -> OurElection:
    """Set up trustees, election and credentials, and write the archive's Setup (§3.1)."""
    group = BELENIOS_2048
    seeds = [make_seed(rng) for _ in range(3)]
    certs = [make_cert(group, s, rng) for s in seeds]
    polynomials = [make_polynomial(group, certs, s, 2, rng) for s in seeds]
    vinputs = compute_vinputs(group, certs, polynomials)
    voutputs = [make_voutput(group, certs, s, v, rng) for s, v in zip(seeds, vinputs, strict=True)]
    params = combine_threshold_parameters(group, certs, polynomials, voutputs)
    shares = [
        open_share(group, certs, s, v.private_key) for s, v in zip(seeds, voutputs, strict=True)
    ]
    single_key, single = make_single_trustee(group, rng)
    trustees = Trustees((SingleTrustee(single), PedersenTrustees(params)))
    uuid = "".join(
        rng.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(14)
    )
    election = make_election(
        template(lists), uuid, group, compute_election_public_key(group, trustees)
    )
    credentials = [make_credential(rng) for _ in range(voters)]
    public = make_credential_list(
        group, (derive_public_credential(group, c, uuid) for c in credentials)
    )
    data = (election.to_bytes(), trustees.to_bytes(), public.to_json())
    setup = dumps(
        {
            "election": sha256_hex(data[0]),
            "trustees": sha256_hex(data[1]),
            "credentials": sha256_hex(data[2]),
        }
    )
    path = directory / f"{uuid}.bel"
    write_archive(path, ArchiveHeader(1, 1700000000), [PendingEvent("Setup", (*data, setup))])
    return OurElection(path, group, election, trustees, single_key, shares, credentials)
