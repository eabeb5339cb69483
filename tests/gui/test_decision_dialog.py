"""The decision dialog offers only what may follow the bureau's previous decisions."""

from __future__ import annotations

import pytest

from bureau_app.step_dialogs import DecisionDialog
from ceremony.workflow.state import DECISION_SEQUENCE

pytestmark = pytest.mark.gui

SIGNERS = [("presidente", "Dr Marie Dupont (présidente)"), ("secretaire", "M. Paul Martin")]


@pytest.mark.parametrize("last", list(DECISION_SEQUENCE))
def test_only_the_decisions_that_may_follow_can_be_chosen(qtbot, app, last) -> None:  # type: ignore[no-untyped-def]
    allowed = DECISION_SEQUENCE[last]
    dialog = DecisionDialog(SIGNERS, allowed)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    enabled = {d for d, button in dialog.choice_buttons.items() if button.isEnabled()}
    assert enabled == allowed
    for decision, button in dialog.choice_buttons.items():
        button.click()  # a disabled button ignores it
        assert (dialog.decision() == decision) is (decision in allowed)
    qtbot.keyClicks(dialog.reason, "panne du serveur")
    assert not dialog.ok_button.isEnabled()  # art. 19: the authorisation's reference too
    qtbot.keyClicks(dialog.authorisation, "CNG/DG/2024-117")
    assert dialog.ok_button.isEnabled() is bool(allowed)
    assert dialog.authorisation_text() == "CNG/DG/2024-117"
