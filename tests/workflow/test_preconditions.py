"""Each step refuses what it must refuse, by name, and a refusal changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ceremony.bundles.errors import (
    BundleTypeError,
    ReplayedBundleError,
    SignaturePolicyError,
    StaleStatusError,
)
from ceremony.cards.training import TrainingCard
from ceremony.errors import CeremonyError
from ceremony.simulator.calendar import read_report
from ceremony.simulator.platform import Faults
from ceremony.workflow.demo import DemoPins
from ceremony.workflow.errors import (
    AuthorisationMissingError,
    CardNotRegisteredError,
    ComponentsChangedError,
    DecisionNotAllowedError,
    EmargementMismatchError,
    LateBallotError,
    PlatformKeyNotConfirmedError,
    QuorumError,
    UrnCheckError,
    UrnNotEmptyError,
    WrongPhaseError,
)
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import Phase
from tests.workflow.ceremony_setup import Ceremony, open_ceremony, open_count_session


def refused(
    ceremony: Ceremony,
    error: type[CeremonyError],
    step: Callable[[], Any],
    events: Sequence[str] = (),
) -> CeremonyError:
    """Run a step that must fail: the named error, a French message, and no new journal
    entry but the ``card.event`` entries named in ``events`` (a quorum refusal is journaled)."""
    before = [e.entry_hash for e in ceremony.bureau.store.entries()]
    with pytest.raises(error) as caught:
        step()
    assert caught.value.user_message and caught.value.technical
    after = ceremony.bureau.store.entries()
    assert [e.entry_hash for e in after[: len(before)]] == before
    added = after[len(before) :]
    assert [(e.action, e.details.get("event")) for e in added] == [
        ("card.event", kind) for kind in events
    ]
    return caught.value


def statuses(ceremony: Ceremony, votes: Any) -> list[bytes]:
    schedule = ceremony.simulator.bureau().schedule
    closed = schedule.closing + timedelta(minutes=schedule.grace_minutes)
    # The bureau receives the closing report after the platform issued it.
    read_report(ceremony.bureau.now, closed)
    return [
        ceremony.simulator.status_bundle(1, "open", schedule.opening, votes),
        ceremony.simulator.status_bundle(2, "closed", closed, votes),
    ]


NO_FAULTS = Faults()


def urn(ceremony: Ceremony, votes: Any, faults: Faults = NO_FAULTS) -> bytes:
    state = ceremony.bureau.state
    assert state.keys is not None
    store = ceremony.bureau.store
    elections = {u: store.get_blob(b) for u, b in state.keys["elections"].items()}
    return ceremony.simulator.urn_bundle(
        ceremony.bureau.sealed(state),
        store.get_blob(state.keys["trustees"]),
        elections,
        votes,
        faults,
    )


def test_preparation_refuses_an_unconfirmed_platform_key(tmp_path: Path, platform: Any) -> None:
    ceremony = open_ceremony(tmp_path, platform)
    try:
        refused(
            ceremony,
            PlatformKeyNotConfirmedError,
            lambda: ceremony.bureau.import_definition(platform.definition_bundle(), "csn"),
        )
        ceremony.bureau.confirm_platform_key("ab" * 32)
        refused(
            ceremony,
            PlatformKeyNotConfirmedError,
            lambda: ceremony.bureau.import_definition(platform.definition_bundle(), "csn"),
        )
    finally:
        ceremony.close()


def test_steps_out_of_phase_are_refused(sealed: Ceremony) -> None:
    bureau = sealed.bureau
    assert bureau.phase is Phase.VOTE_OPEN
    refused(sealed, WrongPhaseError, lambda: bureau.count(sealed.quorum()))
    refused(sealed, WrongPhaseError, lambda: bureau.run_test_vote(sealed.quorum()))
    refused(sealed, WrongPhaseError, lambda: bureau.sign_seal(sealed.cards["del-cmh-snam"]))
    refused(sealed, WrongPhaseError, lambda: bureau.make_pv())
    refused(sealed, WrongPhaseError, lambda: bureau.record_expert("X", "Y", no_alteration=True))


def test_a_decision_needs_the_president_or_the_secretary(sealed: Ceremony) -> None:
    refused(
        sealed,
        QuorumError,
        lambda: sealed.bureau.export_decision(
            sealed.cards["del-aph"], "suspend", "panne", "CNG/DG/2024-1"
        ),
    )
    data = sealed.bureau.export_decision(
        sealed.cards["secretaire"], "suspend", "panne du serveur", "CNG/DG/2024-1"
    )
    assert data[:2] == b"PK"
    assert sealed.bureau.state.decisions[-1]["decision"] == "suspend"


def test_a_card_presented_for_another_member_is_refused(sealed: Ceremony) -> None:
    impostor = PresentCard(
        "presidente", sealed.cards["secretaire"].client, sealed.cards["secretaire"].pins
    )
    refused(
        sealed,
        CardNotRegisteredError,
        lambda: sealed.bureau.export_decision(impostor, "suspend", "essai", "CNG/DG/2024-1"),
    )


def test_a_foreign_card_is_refused(sealed: Ceremony, tmp_path: Path) -> None:
    stranger = TrainingCard.create(tmp_path / "stranger.card")
    card = PresentCard("presidente", stranger, DemoPins("other", "presidente"))
    with pytest.raises(CeremonyError):
        sealed.bureau.export_decision(card, "suspend", "essai", "CNG/DG/2024-1")


def test_status_checks_refuse_replay_staleness_and_a_non_empty_urn(sealed: Ceremony) -> None:
    votes = sealed.simulator.cast_votes()
    schedule = sealed.simulator.bureau().schedule
    midday = schedule.opening + (schedule.closing - schedule.opening) / 2
    first, closed = statuses(sealed, votes)
    busy = sealed.simulator.status_bundle(1, "open", midday, votes)
    refused(sealed, UrnNotEmptyError, lambda: sealed.bureau.import_status(busy))
    sealed.bureau.import_status(first)
    refused(sealed, ReplayedBundleError, lambda: sealed.bureau.import_status(first))
    sealed.bureau.import_status(closed)
    older = sealed.simulator.status_bundle(2, "open", midday, votes)
    refused(sealed, StaleStatusError, lambda: sealed.bureau.import_status(older))
    refused(
        sealed,
        BundleTypeError,
        lambda: sealed.bureau.import_status(sealed.simulator.definition_bundle()),
    )


@pytest.mark.parametrize(
    ("faults", "error"),
    [
        (Faults(late_ballot=True), LateBallotError),
        (Faults(ballot_without_emargement=True), EmargementMismatchError),
        (Faults(emargement_without_ballot=True), EmargementMismatchError),
        (Faults(tampered_ballot=True), UrnCheckError),
        (Faults(wrong_signature=True), SignaturePolicyError),
    ],
    ids=[
        "after-closing-plus-grace",
        "ballot-without-emargement",
        "emargement-without-ballot",
        "tampered-ballot",
        "wrong-platform-signature",
    ],
)
def test_a_faulty_urn_is_refused(
    sealed: Ceremony, faults: Faults, error: type[CeremonyError]
) -> None:
    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    refused(sealed, error, lambda: sealed.bureau.import_urn(urn(sealed, votes, faults)))
    assert sealed.bureau.phase is Phase.CLOSED


def test_count_needs_the_expert_and_a_quorum(sealed: Ceremony) -> None:
    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    sealed.bureau.import_urn(urn(sealed, votes))
    open_count_session(sealed)
    refused(sealed, WrongPhaseError, lambda: sealed.bureau.count(sealed.quorum()))
    sealed.bureau.record_expert("Expert", "Aucune altération constatée.", no_alteration=True)
    president_and_one = [sealed.cards["presidente"], sealed.cards["del-aph"]]
    refusal = refused(
        sealed,
        QuorumError,
        lambda: sealed.bureau.count(president_and_one),
        ["quorum_refused"],
    )
    # Named from the definition: the delegates who could complete the quorum.
    assert (
        "délégué de liste" in refusal.user_message and "deux délégués" not in refusal.user_message
    )
    delegates_only = [
        sealed.cards["del-aph"],
        sealed.cards["del-inph"],
        sealed.cards["del-cmh-snam"],
    ]
    refusal = refused(
        sealed, QuorumError, lambda: sealed.bureau.count(delegates_only), ["quorum_refused"]
    )
    assert "secrétariat" in refusal.user_message and "présidence" in refusal.user_message
    # The secretary opens in the president's absence, with any two delegates.
    outcome = sealed.bureau.count(
        [sealed.cards["secretaire"], sealed.cards["del-inph"], sealed.cards["del-cmh-snam"]]
    )
    expected: dict[str, list[int]] = {}
    for record in votes:
        counts = [0] * (len(record.plan.list_ids) + 1)
        last = {v.voter: v.choice for v in record.votes}
        for choice in last.values():
            counts[0 if choice is None else choice + 1] += 1
        expected[record.plan.contest_uuid] = counts
    assert {u: list(r.result[0]) for u, r in outcome.results.items()} == expected
    assert sealed.bureau.phase is Phase.PV


def test_an_objecting_expert_blocks_the_count(sealed: Ceremony) -> None:
    from ceremony.workflow.count import ExpertObjectionError

    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    sealed.bureau.import_urn(urn(sealed, votes))
    open_count_session(sealed)
    sealed.bureau.record_expert("Expert", "Le serveur a été modifié.", no_alteration=False)
    refused(sealed, ExpertObjectionError, lambda: sealed.bureau.count(sealed.quorum()))


def test_the_closed_urn_is_refused_before_closing_plus_grace(sealed: Ceremony) -> None:
    from ceremony.workflow.chronology import UrnBeforeClosingError

    schedule = sealed.simulator.bureau().schedule
    votes = sealed.simulator.cast_votes()
    sealed.bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening, votes))
    bundle = urn(sealed, votes)
    # The bureau's clock at the closing hour, before the grace period has run out.
    sealed.bureau.now = lambda: schedule.closing  # type: ignore[method-assign]
    error = refused(sealed, UrnBeforeClosingError, lambda: sealed.bureau.import_urn(bundle))
    assert "après la clôture du vote et la fin du délai de grâce" in error.user_message
    assert sealed.bureau.state.urn is None


def test_the_urn_must_follow_the_closing_status_and_hold_what_it_announced(
    sealed: Ceremony,
) -> None:
    import copy

    votes = sealed.simulator.cast_votes()
    opening, closing = statuses(sealed, votes)
    sealed.bureau.import_status(opening)
    bundle = urn(sealed, votes)
    error = refused(sealed, UrnCheckError, lambda: sealed.bureau.import_urn(bundle))
    assert "importez d'abord cet état" in error.user_message
    sealed.bureau.import_status(closing)
    fewer = copy.deepcopy(votes)
    del fewer[0].votes[0]  # the platform lost a voter between its status and its urn
    short = urn(sealed, fewer)
    error = refused(sealed, EmargementMismatchError, lambda: sealed.bureau.import_urn(short))
    assert "L'état de clôture annonçait" in error.user_message
    sealed.bureau.import_urn(bundle)
    assert sealed.bureau.state.urn is not None


def test_a_status_from_other_voting_software_than_the_sealed_one_is_refused(
    sealed: Ceremony,
) -> None:
    # Art. 15: before the opening the bureau checks the reviewed components are unchanged.
    schedule = sealed.simulator.bureau().schedule
    other = sealed.simulator.status_bundle(1, "open", schedule.opening, software_sha256="0" * 64)
    error = refused(sealed, ComponentsChangedError, lambda: sealed.bureau.import_status(other))
    assert "expertisé et scellé" in error.user_message
    assert sealed.bureau.state.statuses == []
    same = sealed.simulator.status_bundle(1, "open", schedule.opening)
    sealed.bureau.import_status(same)
    (entry,) = [e for e in sealed.bureau.store.entries() if e.action == "status.imported"]
    expected = sealed.simulator.definition.voting_software.sha256
    assert entry.details["voting_software_sha256"] == expected


def test_a_decision_without_the_director_generals_authorisation_is_refused(
    sealed: Ceremony,
) -> None:
    bureau, head = sealed.bureau, sealed.cards["presidente"]
    for missing in (None, "", "   "):
        error = refused(
            sealed,
            AuthorisationMissingError,
            lambda m=missing: bureau.export_decision(head, "suspend", "panne du serveur", m),
        )
        assert "autorisation du directeur général" in error.user_message
    assert bureau.state.decisions == []


def test_a_code_refused_at_the_applications_card_prompt_is_journaled_for_the_pv(
    sealed: Ceremony,
) -> None:
    from ceremony.workflow.pv_events import pv_events

    bureau = sealed.bureau
    bureau.record_card_event("secretaire", "pin_wrong", "sign_pv", tries_left=2)
    bureau.record_card_event("del-aph", "pin_cancelled", "count")
    with pytest.raises(ValueError):
        bureau.record_card_event("del-aph", "pin", "count")
    entries = bureau.store.entries()
    rows = [e.text.replace("\u00a0", " ") for e in pv_events(bureau, bureau.state, entries)]
    names = {m.member_id: m.name for m in bureau.bureau_definition().members}
    assert (
        f"Carte de {names['secretaire']} : code personnel incorrect à la signature du "
        "procès-verbal ; la carte accepte encore 2 essais."
    ) in rows
    assert f"Carte de {names['del-aph']} : saisie du code annulée au dépouillement." in rows


def test_quorum_refusals_say_what_is_missing_not_a_fixed_sentence(sealed: Ceremony) -> None:
    from ceremony.workflow.holders import check_quorum

    bureau = sealed.bureau
    delegate = refused(
        sealed,
        QuorumError,
        lambda: bureau.export_decision(sealed.cards["del-aph"], "suspend", "x", "CNG/DG/1"),
    )
    assert "pas par celle d'un délégué de liste" in delegate.user_message
    with pytest.raises(QuorumError) as caught:
        check_quorum([], 2)
    assert caught.value.user_message == (
        "Quorum non atteint : il manque la carte de la présidence ou du secrétariat et "
        "2 cartes de délégué de liste. Il faut la carte de la présidence ou du secrétariat, "
        "et 2 cartes de délégué de liste."
    )


def test_decisions_follow_each_other_in_order(sealed: Ceremony) -> None:
    bureau, head = sealed.bureau, sealed.cards["presidente"]
    assert bureau.allowed_decisions() == {"suspend", "stop"}
    refused(
        sealed,
        DecisionNotAllowedError,
        lambda: bureau.export_decision(head, "resume", "x", "CNG/DG/2024-1"),
    )
    bureau.export_decision(head, "suspend", "panne du serveur", "CNG/DG/2024-1")
    assert bureau.allowed_decisions() == {"resume", "stop"}
    refused(
        sealed,
        DecisionNotAllowedError,
        lambda: bureau.export_decision(head, "suspend", "x", "CNG/DG/2024-1"),
    )
    bureau.export_decision(head, "resume", "serveur réparé", "CNG/DG/2024-1")
    bureau.export_decision(head, "stop", "fraude constatée", "CNG/DG/2024-1")
    assert bureau.allowed_decisions() == frozenset()
    for decision in ("suspend", "resume", "stop"):
        refused(
            sealed,
            DecisionNotAllowedError,
            lambda d=decision: bureau.export_decision(head, d, "x", "CNG/DG/2024-1"),
        )
    assert [d["decision"] for d in bureau.state.decisions] == ["suspend", "resume", "stop"]
