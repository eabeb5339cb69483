"""The PV step's to-do names who must still sign: with a count roll-call, every member
present at the count (the engine's rule), never an absent or replaced member."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_the_pv_todo_names_the_members_present_at_the_count_who_have_not_signed(app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.steps import phase_views
    from ceremony.simulator.platform import PlatformSimulator
    from ceremony.workflow.state import CeremonyState

    definition = PlatformSimulator(seed="pv-signers", ballots=4, workers=1).bureau()
    names = {m.member_id: m.name for m in definition.members}
    state = CeremonyState()
    # The president replaced by the secretary, Dr Perrin absent; the secretary has signed.
    state.sessions["count"] = {
        "session": "count",
        "opened_at": "2024-12-11T10:00:00+01:00",
        "present": ["secretaire", "del-aph", "del-cmh-snam"],
        "absent": ["del-inph"],
        "replaced": {"presidente": "secretaire"},
    }
    state.pv_signatures["secretaire"] = {"member_id": "secretaire"}
    pv = next(view for view in phase_views(state, definition) if view.key == "pv")
    todo = [item.label.replace("\u00a0", " ") for item in pv.checklist if not item.done]
    waiting = [line for line in todo if line.startswith("Signatures")]
    assert waiting == [
        "Signatures des membres présents au dépouillement : "
        f"{names['del-aph']}, {names['del-cmh-snam']}"
    ], todo
    assert not any(names["del-inph"] in line or names["presidente"] in line for line in todo)
    signed = [item.label for item in pv.checklist if item.done]
    assert any(names["secretaire"] in line for line in signed)
