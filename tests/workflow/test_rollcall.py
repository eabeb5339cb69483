"""Roll-calls (art. 5, 9): presence is recorded, and the PV is signed by those present."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ceremony.simulator.platform import PlatformSimulator
from ceremony.workflow import rollcall
from ceremony.workflow.chronology import CountBeforeClosingError
from ceremony.workflow.errors import QuorumError
from ceremony.workflow.rollcall import Movement, NotPresentError, RollCallError
from tests.workflow.ceremony_setup import Ceremony, open_ceremony
from tests.workflow.test_preconditions import refused, statuses, urn

MEMBERS = ["presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam"]


def test_a_roll_call_names_every_member_once(tmp_path: Path, platform: PlatformSimulator) -> None:
    ceremony = open_ceremony(tmp_path, platform)
    try:
        bureau = ceremony.bureau
        bureau.confirm_platform_key(platform.platform_key_id)
        bureau.import_definition(platform.definition_bundle(), "csn")
        for card in ceremony.cards.values():
            bureau.register_member(card)
        now = bureau.now()
        refused(
            ceremony,
            RollCallError,
            lambda: rollcall.open_session(bureau, "sealing", now, MEMBERS[:4]),
        )
        refused(
            ceremony,
            RollCallError,
            lambda: rollcall.open_session(
                bureau,
                "sealing",
                now,
                MEMBERS[2:],
                (),
                {"presidente": "del-aph", "secretaire": "x"},
            ),
        )
        refused(
            ceremony,
            RollCallError,
            lambda: rollcall.open_session(bureau, "sealing", now + timedelta(days=1), MEMBERS),
        )
        call = rollcall.open_session(
            bureau, "sealing", now, MEMBERS[1:], (), {"presidente": "secretaire"}
        )
        assert call.replaced == {"presidente": "secretaire"}
        assert rollcall.present_members(bureau.state, "sealing") == frozenset(MEMBERS[1:])
    finally:
        ceremony.close()


def _to_expert(sealed: Ceremony) -> None:
    votes = sealed.simulator.cast_votes()
    for status in statuses(sealed, votes):
        sealed.bureau.import_status(status)
    sealed.bureau.import_urn(urn(sealed, votes))


def test_the_pv_is_signed_by_the_members_present_at_the_count(sealed: Ceremony) -> None:
    bureau = sealed.bureau
    _to_expert(sealed)
    schedule = sealed.simulator.bureau().schedule
    early = schedule.closing + timedelta(minutes=5)
    refused(
        sealed,
        CountBeforeClosingError,
        lambda: rollcall.open_session(bureau, "count", early, MEMBERS),
    )
    opened = bureau.now()
    present = ["presidente", "del-aph", "del-inph"]
    rollcall.open_session(
        bureau, "count", opened, present, ["secretaire"], {"del-cmh-snam": "Dr Suppléant"}
    )
    bureau.record_expert("Expert", "Rien d’altéré.", no_alteration=True)
    bureau.count(sealed.quorum())
    arrived = Movement("secretaire", opened + timedelta(seconds=5))
    left = Movement("del-inph", bureau.now())
    rollcall.close_session(bureau, "count", bureau.now(), [arrived], [left])
    assert rollcall.present_members(bureau.state, "count") == frozenset(
        {"presidente", "del-aph", "secretaire"}
    )
    bureau.make_pv()
    refused(sealed, NotPresentError, lambda: bureau.sign_pv(sealed.cards["del-inph"]))
    for member in ("presidente", "del-aph"):
        bureau.sign_pv(sealed.cards[member])
    with pytest.raises(QuorumError) as caught:
        bureau.export_results(sealed.quorum())
    assert "secretaire" in caught.value.technical


def test_no_count_without_the_count_sessions_roll_call(sealed: Ceremony) -> None:
    from ceremony.workflow.presence import RollCallMissingError

    bureau = sealed.bureau
    _to_expert(sealed)
    # Without the count's roll-call, presence is not established: the expert's conclusion,
    # read out at the count session, waits for it (and so does the count after it).
    missing = refused(
        sealed,
        RollCallMissingError,
        lambda: bureau.record_expert("Expert", "Rien d’altéré.", no_alteration=True),
    )
    assert "séance de dépouillement" in missing.user_message
    assert rollcall.pending_session(bureau) == ("count", "open")


def test_a_card_of_a_member_absent_or_replaced_is_refused_at_the_count(sealed: Ceremony) -> None:
    from ceremony.workflow.presence import AbsentCardError, RollCallMissingError

    bureau = sealed.bureau
    _to_expert(sealed)
    opened = bureau.now()
    present = ["presidente", "secretaire", "del-aph"]
    rollcall.open_session(
        bureau, "count", opened, present, ["del-inph"], {"del-cmh-snam": "Dr Suppléant"}
    )
    bureau.record_expert("Expert", "Rien d’altéré.", no_alteration=True)
    names = {m.member_id: m.name for m in bureau.bureau_definition().members}
    absent = refused(sealed, AbsentCardError, lambda: bureau.count(sealed.quorum()))
    assert names["del-inph"] in absent.user_message
    assert names["presidente"] not in absent.user_message
    with_replaced = [sealed.cards["presidente"], sealed.cards["del-aph"]]
    with_replaced.append(sealed.cards["del-cmh-snam"])
    replaced = refused(sealed, AbsentCardError, lambda: bureau.count(with_replaced))
    assert names["del-cmh-snam"] in replaced.user_message
    # The late delegate's arrival is entered when it happens; then their card opens the urn.
    arrived = Movement("del-inph", bureau.now())
    rollcall.record_movement(bureau, "count", "arrivals", arrived)
    refused(
        sealed,
        RollCallError,
        lambda: rollcall.record_movement(bureau, "count", "arrivals", arrived),
    )
    bureau.count(sealed.quorum())
    # Their card opened the urn: a departure dated before the count is refused.
    refused(
        sealed,
        RollCallError,
        lambda: rollcall.record_movement(
            bureau, "count", "departures", Movement("del-inph", arrived.at)
        ),
    )
    # The PV waits for the count session's close.
    refused(sealed, RollCallMissingError, lambda: bureau.make_pv())
    rollcall.close_session(bureau, "count", bureau.now())
    call = rollcall.roll_call(bureau.state, "count")
    assert call is not None and [m.member_id for m in call.arrivals] == ["del-inph"]
    bureau.make_pv()


def test_an_absent_president_is_replaced_by_the_secretary_by_law(sealed: Ceremony) -> None:
    # Art. 5: "En cas d'absence du président, celui-ci est remplacé par le secrétaire."
    # The urn is never opened with the president merely "absent" (art. 21).
    bureau = sealed.bureau
    _to_expert(sealed)
    others = [m for m in MEMBERS if m != "presidente"]
    call = rollcall.open_session(bureau, "count", bureau.now(), others, ["presidente"])
    assert dict(call.replaced) == {"presidente": "secretaire"}
    assert "presidente" not in call.absent
    recorded = rollcall.roll_call(bureau.state, "count")
    assert recorded is not None and dict(recorded.replaced) == {"presidente": "secretaire"}


def test_president_and_secretary_both_absent_stay_absent(sealed: Ceremony) -> None:
    bureau = sealed.bureau
    _to_expert(sealed)
    delegates = [m for m in MEMBERS if m.startswith("del-")]
    absent = ["presidente", "secretaire"]
    call = rollcall.open_session(bureau, "count", bureau.now(), delegates, absent)
    assert not call.replaced and sorted(call.absent) == sorted(absent)
