"""Impossible chronology is refused by name, and nothing is journaled (arrêté art. 15, 19–21).

Each test crafts the bundle (or the clock) that makes one act impossible:
the seal after the opening, a status outside the vote, a decision outside
the vote, a ballot after closing plus grace, a ballot while the vote was
suspended, the count before the closing; and the revote policy "none".
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ceremony.bundles.payloads.definition import DefinitionPayload, UnsupportedSeatRuleError
from ceremony.simulator.platform import Faults, PlatformSimulator, Vote
from ceremony.workflow.chronology import (
    BallotAfterClosingError,
    BallotDuringSuspensionError,
    CountBeforeClosingError,
    DecisionOutsideVoteError,
    SealAfterOpeningError,
    StatusOutsideVoteError,
    interruptions,
)
from ceremony.workflow.revote_policy import RevoteNotAllowedError
from tests.workflow.ceremony_setup import (
    BALLOTS,
    SEED,
    Ceremony,
    build_sealed,
    open_ceremony,
    open_count_session,
    small_description,
)
from tests.workflow.test_preconditions import refused, statuses, urn


def _at(moment: datetime) -> object:
    return lambda: moment


def test_a_seal_after_the_opening_is_refused(tmp_path: Path, platform: PlatformSimulator) -> None:
    ceremony = open_ceremony(tmp_path, platform)
    try:
        bureau = ceremony.bureau
        bureau.confirm_platform_key(platform.platform_key_id)
        bureau.import_definition(platform.definition_bundle(), "csn")
        for card in ceremony.cards.values():
            bureau.register_member(card)
        bureau.generate_keys(list(ceremony.cards.values()))
        bureau.run_test_vote(list(ceremony.cards.values()))
        for card in ceremony.quorum():
            bureau.sign_seal(card)
        opening = platform.bureau().schedule.opening
        bureau.now = _at(opening + timedelta(minutes=1))  # type: ignore[assignment]
        error = refused(ceremony, SealAfterOpeningError, bureau.export_seal)
        assert "opening" in error.technical
        bureau.now = _at(opening - timedelta(days=1))  # type: ignore[assignment]
        bureau.export_seal()
    finally:
        ceremony.close()


def test_a_status_outside_the_vote_is_refused(sealed: Ceremony) -> None:
    schedule = sealed.simulator.bureau().schedule
    votes = sealed.simulator.cast_votes()
    before = sealed.simulator.status_bundle(1, "open", schedule.opening - timedelta(hours=2), votes)
    refused(sealed, StatusOutsideVoteError, lambda: sealed.bureau.import_status(before))
    late = schedule.closing + timedelta(minutes=schedule.grace_minutes + 60)
    still_open = sealed.simulator.status_bundle(1, "open", late, votes)
    refused(sealed, StatusOutsideVoteError, lambda: sealed.bureau.import_status(still_open))
    closed_early = sealed.simulator.status_bundle(1, "closed", schedule.opening, votes)
    refused(sealed, StatusOutsideVoteError, lambda: sealed.bureau.import_status(closed_early))
    sealed.bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening, votes))


def test_a_decision_outside_the_vote_is_refused(sealed: Ceremony) -> None:
    schedule = sealed.simulator.bureau().schedule
    bureau = sealed.bureau
    bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening))
    president = sealed.cards["presidente"]
    bureau.now = _at(schedule.closing + timedelta(minutes=1))  # type: ignore[assignment]
    refused(
        sealed,
        DecisionOutsideVoteError,
        lambda: bureau.export_decision(president, "suspend", "panne", "CNG/DG/2024-1"),
    )
    bureau.now = _at(schedule.opening - timedelta(minutes=1))  # type: ignore[assignment]
    refused(
        sealed,
        DecisionOutsideVoteError,
        lambda: bureau.export_decision(president, "suspend", "panne", "CNG/DG/2024-1"),
    )


def test_a_ballot_after_closing_plus_grace_is_refused(sealed: Ceremony) -> None:
    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    late = urn(sealed, votes, Faults(late_ballot=True))
    refused(sealed, BallotAfterClosingError, lambda: sealed.bureau.import_urn(late))


def test_a_ballot_during_a_suspension_is_refused(sealed: Ceremony) -> None:
    schedule = sealed.simulator.bureau().schedule
    bureau = sealed.bureau
    votes = sealed.simulator.cast_votes()
    bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening, votes))
    president = sealed.cards["presidente"]
    # Suspended for most of the vote: the simulator's ballots fall inside.
    bureau.now = _at(schedule.opening + timedelta(minutes=1))  # type: ignore[assignment]
    bureau.export_decision(president, "suspend", "incident sur l'urne", "CNG/DG/2024-1")
    bureau.now = _at(schedule.closing - timedelta(minutes=1))  # type: ignore[assignment]
    bureau.export_decision(president, "resume", "incident résolu", "CNG/DG/2024-1")
    end = schedule.closing + timedelta(minutes=schedule.grace_minutes)
    bureau.now = _at(end + timedelta(minutes=7))  # type: ignore[assignment]
    bureau.import_status(statuses(sealed, votes)[1])
    data = urn(sealed, votes)
    error = refused(sealed, BallotDuringSuspensionError, lambda: bureau.import_urn(data))
    assert "suspension" in error.technical


def test_the_count_before_closing_is_refused(sealed: Ceremony) -> None:
    schedule = sealed.simulator.bureau().schedule
    bureau = sealed.bureau
    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        bureau.import_status(status)
    bureau.import_urn(urn(sealed, votes))
    open_count_session(sealed)
    bureau.record_expert("Expert", "Rien d'altéré.", no_alteration=True)
    bureau.now = _at(schedule.closing + timedelta(minutes=1))  # type: ignore[assignment]
    refused(sealed, CountBeforeClosingError, lambda: bureau.count(sealed.quorum()))


def test_two_ballots_for_one_credential_are_refused_when_revotes_are_not_allowed(
    sealed: Ceremony,
) -> None:
    assert {c.revote_policy for c in sealed.simulator.bureau().contests} == {"none"}
    votes = sealed.simulator.cast_votes()
    assert all(len({v.voter for v in record.votes}) == len(record.votes) for record in votes), (
        "the simulator casts no revote when the policy is none"
    )
    first = votes[0].votes[0]
    votes[0].votes.append(Vote(first.voter, None, first.at + timedelta(minutes=5)))
    votes[0].votes.sort(key=lambda v: (v.at, v.voter))
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    data = urn(sealed, votes)
    error = refused(sealed, RevoteNotAllowedError, lambda: sealed.bureau.import_urn(data))
    assert "1 revote" in error.technical


def test_belenios_last_ballot_rule_stands_when_revotes_are_allowed(tmp_path: Path) -> None:
    description = small_description()
    description["revote_policy"] = "last"
    description["revote_rate"] = 0.5
    sim = PlatformSimulator(seed=SEED, ballots=BALLOTS, description=description, workers=2)
    build_sealed(tmp_path, sim)
    ceremony = open_ceremony(tmp_path, sim)
    try:
        votes = sim.cast_votes()
        revotes = sum(len(r.votes) - len({v.voter for v in r.votes}) for r in votes)
        assert revotes > 0
        for status in statuses(ceremony, votes):
            ceremony.bureau.import_status(status)
        ceremony.bureau.import_urn(urn(ceremony, votes))
        contests = (ceremony.bureau.state.urn or {})["contests"].values()
        assert sum(c["ballots_in_urn"] - c["num_tallied"] for c in contests) == revotes
    finally:
        ceremony.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("method", "quotient_largest_remainder"),
        ("tie_breaks", ["oldest_candidate", "drawing_of_lots"]),
        ("tie_breaks", ["drawing_of_lots", "most_votes"]),
    ],
)
def test_an_unsupported_seat_rule_is_refused_at_import(
    platform: PlatformSimulator, field: str, value: object
) -> None:
    data = copy.deepcopy(platform.definition.to_dict())
    data["bureaux"][0]["contests"][0]["seat_rule"][field] = value
    with pytest.raises(UnsupportedSeatRuleError) as caught:
        DefinitionPayload.from_dict(data)
    assert caught.value.user_message and caught.value.technical


def test_interruptions_follow_the_decisions() -> None:
    t = [datetime(2024, 12, 4, h, 0).astimezone() for h in (9, 10, 11, 12)]
    periods = interruptions([(t[0], "suspend"), (t[1], "resume"), (t[2], "stop")])
    assert [(p.decision, p.since, p.until) for p in periods] == [
        ("suspend", t[0], t[1]),
        ("stop", t[2], None),
    ]
    assert periods[0].contains(t[0]) and not periods[0].contains(t[1])
    assert periods[1].contains(t[3])


def test_a_status_dated_after_its_reception_is_refused(sealed: Ceremony) -> None:
    from ceremony.workflow.chronology import StatusAfterReceptionError

    schedule = sealed.simulator.bureau().schedule
    bureau = sealed.bureau
    bureau.now = _at(schedule.opening + timedelta(hours=1))  # type: ignore[assignment]
    # Platform time later than the bureau's import: a report of a moment still to come.
    ahead = sealed.simulator.status_bundle(1, "open", schedule.opening + timedelta(hours=2))
    error = refused(sealed, StatusAfterReceptionError, lambda: bureau.import_status(ahead))
    assert "reçu par le bureau" in error.user_message and "heure de Paris" in error.user_message
    # Platform time later than the platform's own signature of the bundle.
    as_of = schedule.opening + timedelta(minutes=30)
    early_signed = sealed.simulator.status_bundle(
        1, "open", as_of, signed_at=as_of - timedelta(minutes=20)
    )
    error = refused(sealed, StatusAfterReceptionError, lambda: bureau.import_status(early_signed))
    assert "paquet signé" in error.user_message
    bureau.import_status(sealed.simulator.status_bundle(1, "open", as_of))
