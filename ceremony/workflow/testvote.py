"""The vote à blanc (test vote): known ballots through the real counting path.

For every contest, a test election with its own uuid under the bureau's real
election key receives known ballots (one per list, blank ballots, a revote) cast
with throw-away test credentials; they are verified, tallied and decrypted by
every card of the bureau: each card's key is opened and checked against the
public trustees, then the test tallies are decrypted by at least two different
legal quorums, exactly as at the count (:mod:`ceremony.workflow.counting`).
Every result must equal the known content: a bad card is found before the seal.
Test ballots belong to another election (uuid and fingerprint), so none can
ever enter the real urn; the real counters stay at zero, and the report says so.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.base58 import make_uuid
from ceremony.protocol.credentials import (
    derive_public_credential,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.election import make_election
from ceremony.workflow.card_check import CardEvents, OpenedKey, key_material, open_every_card
from ceremony.workflow.counting import (
    ContestTally,
    combine_results,
    decrypt_tallies,
    verify_and_tally,
)
from ceremony.workflow.errors import TestVoteFailedError
from ceremony.workflow.holders import CheckedCard
from ceremony.workflow.sealing import election_template
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau


def known_choices(list_count: int) -> list[int | None]:
    """The test ballots' choices (None = blank): one per list, two blanks; the first
    voter then revotes blank, so the revote rule is rehearsed too."""
    return [*range(list_count), None, None]


def expected_result(list_count: int) -> list[int]:
    """[blank, list 1, ..., list k] after the revote of the first voter (§4.11.1)."""
    counts = [0] * (list_count + 1)
    choices = known_choices(list_count)
    choices[0] = None  # the revote replaces the first voter's ballot
    for choice in choices:
        counts[0 if choice is None else choice + 1] += 1
    return counts


def plaintext(list_count: int, choice: int | None) -> list[list[int]]:
    row = [0] * (list_count + 1)
    row[0 if choice is None else choice + 1] = 1
    return [row]


def test_quorums(opened: Sequence[OpenedKey], threshold: int) -> list[list[OpenedKey]]:
    """At least two different legal quorums covering every opened card.

    The first head with the first ``threshold`` delegates, then the last head
    with the last ``threshold`` delegates, then more quorums until every
    delegate has decrypted once (a bureau with many delegates)."""
    heads = [k for k in opened if k.owner == 1]
    delegates = sorted((k for k in opened if k.owner > 1), key=lambda k: k.owner)
    quorums = [[heads[0], *delegates[:threshold]], [heads[-1], *delegates[-threshold:]]]
    used = {k.member_id for q in quorums for k in q}
    for start in range(0, len(delegates), threshold):
        chunk = delegates[start : start + threshold]
        if any(k.member_id not in used for k in chunk):
            if len(chunk) < threshold:
                chunk = delegates[-threshold:]
            quorums.append([heads[len(quorums) % len(heads)], *chunk])
            used.update(k.member_id for k in chunk)
    return quorums


def run_test_vote(
    bureau: Bureau, state: CeremonyState, cards: Sequence[CheckedCard], events: CardEvents
) -> dict[str, Any]:
    """Open every card (both copies of the Single key, every delegate's seed), check each
    against the public trustees, then decrypt the test ballots with several quorums."""
    group, rng = bureau.group, bureau.rng
    real_elections = bureau.elections(state)
    tallies: dict[str, ContestTally] = {}
    test_uuids: dict[str, str] = {}
    for contest in bureau.bureau_definition(state).contests:
        real = real_elections[contest.contest_uuid]
        uuid = make_uuid(rng)
        election = make_election(election_template(contest), uuid, group, real.public_key)
        k = len(contest.lists)
        choices = known_choices(k)
        credentials = [make_credential(rng) for _ in choices]
        public = make_credential_list(
            group, [derive_public_credential(group, c, uuid) for c in credentials]
        )
        ballots = [
            make_ballot(election, credential, plaintext(k, choice), rng).to_bytes()
            for credential, choice in zip(credentials, choices, strict=True)
        ]
        ballots.append(make_ballot(election, credentials[0], plaintext(k, None), rng).to_bytes())
        credentials.clear()
        tallies[uuid] = verify_and_tally(election, public, functools.partial(iter, ballots))
        test_uuids[contest.contest_uuid] = uuid
    material = key_material(bureau, state)
    opened, failed = open_every_card(material, cards, events)
    if failed:
        raise TestVoteFailedError(
            f"cards that did not open or did not match: {failed}",
            user_message=(
                "Vote à blanc échoué : la clé n'a pas pu être ouverte et vérifiée sur la carte "
                f"de {', '.join(failed)}. Corrigez avant le scellement (nouvelle cérémonie "
                "des clés si la carte est défectueuse)."
            ),
        )
    quorums = test_quorums(opened, material.threshold)
    decryptions = []
    for quorum in quorums:
        partials = decrypt_tallies(group, bureau.trustees(state), tallies, quorum, rng)
        decryptions.append(combine_results(group, bureau.trustees(state), tallies, partials))
    report: dict[str, Any] = {"format": "bureau-test-vote/1", "contests": []}
    failures = []
    for contest in bureau.bureau_definition(state).contests:
        uuid = test_uuids[contest.contest_uuid]
        by_quorum = [list(results[uuid].result[0]) for results in decryptions]
        obtained = by_quorum[0]
        expected = expected_result(len(contest.lists))
        passed = all(o == expected for o in by_quorum)
        if not passed:
            failures.append(contest.contest_uuid)
        report["contests"].append(
            {
                "contest_uuid": contest.contest_uuid,
                "test_election_uuid": uuid,
                "ballots_cast": tallies[uuid].ballots_in_urn,
                "ballots_counted": tallies[uuid].num_tallied,
                "expected": expected,
                "obtained": obtained,
                "obtained_by_quorum": by_quorum,
                "passed": passed,
                "real_counters_after": {"ballots": 0},
            }
        )
    # Every card was opened and checked; each is in at least one of the quorums.
    report["trustees_used"] = sorted(
        [{"member_id": k.member_id, "role": k.role} for k in opened],
        key=lambda c: c["member_id"],
    )
    report["cards_checked"] = sorted(k.member_id for k in opened)
    report["quorums"] = [sorted(k.member_id for k in quorum) for quorum in quorums]
    if failures:
        raise TestVoteFailedError(f"test vote result differs for {failures}")
    return report
