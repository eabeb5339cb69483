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
