"""Who may bring a card once the roll-call is recorded (quorum narrowed to the present)."""

from __future__ import annotations

import pytest

from ceremony.bundles.payloads.definition import BureauDefinition

pytestmark = pytest.mark.gui


@pytest.fixture
def definition() -> BureauDefinition:
    from ceremony.simulator.platform import PlatformSimulator

    return PlatformSimulator(seed="rollcall", ballots=4, workers=1).bureau()


def test_the_quorum_offers_only_the_members_present(app, definition) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.quorum import everyone_need, present_need, quorum_need, who_may_come

    # The president replaced by the secretary, Dr Perrin absent.
    present = {"secretaire", "del-aph", "del-cmh-snam"}
    need = present_need(quorum_need(definition), present)
    assert [m.member_id for m in need.members] == ["secretaire", "del-aph", "del-cmh-snam"]
    assert who_may_come(need, (), {}) == [
        "la carte de M. Paul Mercier (secrétaire)",
        "les cartes des deux délégués de liste : Dr Julie Caron, Dr Sarah Benali",
    ]
    assert need.complete(present) and not need.may_join("presidente", ())
    # Neither head present: a quorum needs one, so it cannot be reached (never "complete").
    headless = present_need(quorum_need(definition), {"del-aph", "del-inph", "del-cmh-snam"})
    assert not headless.complete({"del-aph", "del-inph"})
    assert not headless.reachable((), ())
    assert who_may_come(headless, {"del-aph", "del-inph"}, {}) == [
        "la carte de la présidence ou du secrétariat"
    ]
    # Each member present signs the PV: "everyone" means everyone present.
    signers = present_need(everyone_need(definition), present)
    assert signers.missing(()) == 3 and signers.complete(present)


def test_the_pages_of_a_session_name_only_the_members_present(app, definition) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.steps import StepKind, next_step, phase_views
    from ceremony.workflow.state import CeremonyState

    ids = tuple(m.member_id for m in definition.members)
    state = CeremonyState(
        definition_blob="d",
        expected_members=ids,
        members={m: {"serial": m} for m in ids},
        count={"results": {}},
        pv={"pdf": "p"},
        pv_signatures={"secretaire": {}, "del-aph": {}, "del-cmh-snam": {}},
        sessions={
            "count": {
                "opened_at": "2024-12-11T10:00:00+01:00",
                "closed_at": "2024-12-11T10:40:00+01:00",
                "present": ["secretaire", "del-aph", "del-cmh-snam"],
                "absent": ["del-inph"],
                "replaced": {"presidente": "secretaire"},
                "arrivals": [],
                "departures": [],
            }
        },
    )
    pv = next(v for v in phase_views(state, definition) if v.key == "pv")
    todo = " | ".join(item.label for item in pv.checklist)
    assert "Mme Anne Rousseau" not in todo and "Dr Yves Perrin" not in todo
    verified = [item.label for item in pv.verified]
    assert "Présents : M. Paul Mercier, Dr Julie Caron, Dr Sarah Benali" in verified
    assert "Absents à l'appel : Dr Yves Perrin" in verified
    # Every member present has signed: the results come next (the absent do not sign).
    step = next_step(state, definition)
    assert step is not None and step.kind is StepKind.EXPORT_RESULTS
    state.pv_signatures.pop("del-cmh-snam")
    step = next_step(state, definition)
    assert step is not None and step.kind is StepKind.SIGN_PV
    pv = next(v for v in phase_views(state, definition) if v.key == "pv")
    todo = " | ".join(item.label for item in pv.checklist)
    assert "Dr Sarah Benali" in todo and "Dr Yves Perrin" not in todo  # absent: not offered
