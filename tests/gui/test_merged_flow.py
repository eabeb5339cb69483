"""What the merged flow added around the count: new journal actions, results after the count."""

from __future__ import annotations

import pytest

from ceremony.workflow.phases import Action
from tests.gui.fakes import ceremony_at_test_vote, sample_results

pytestmark = pytest.mark.gui


def test_every_journal_action_has_a_words_label(app) -> None:  # type: ignore[no-untyped-def]
    # A drawing of lots (or a roll-call) in the journal once made the view raise KeyError.
    from bureau_app.records import _action_label

    raw = [action.value for action in Action if _action_label(action.value) == action.value]
    assert raw == []
    assert _action_label("checkpoint") == "checkpoint"


def test_ctrl_return_on_the_results_shown_after_the_count_continues(qtbot, app, settings) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(ceremony_at_test_vote())
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_phase("test_vote")
    window.results_view.set_results(sample_results())
    assert window.stack.currentWidget() is window.results_view
    # The action Ctrl+Entrée triggers (the real key is pressed in test_real_app_xvfb).
    assert "Ctrl+Return" in [k.toString() for k in window.next_action.shortcuts()]
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.current_page() is not None)
    page = window.current_page()
    assert page is not None and page.key == "test_vote"


def test_a_cancelled_lots_value_is_not_called_a_card_code() -> None:
    from bureau_app.lots_bridge import LotsEntryCancelledError
    from ceremony.cards.errors import PinEntryCancelledError

    error = LotsEntryCancelledError("lots entry cancelled by presidente")
    # The engine still sees a cancelled entry (the count stops, nothing of the draw kept).
    assert isinstance(error, PinEntryCancelledError)
    assert "Tirage au sort" in error.user_message and "code" not in error.user_message
