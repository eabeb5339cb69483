"""The main window shows the engine's phase views and reports requests; keyboard drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bureau_app.phase_model import PHASE_KEYS, ChecklistItem, PhaseState
from tests.gui.fakes import FakePhase, ceremony_at_test_vote

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app, settings):  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(ceremony_at_test_vote())
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_fake_covers_every_phase_in_the_design_order() -> None:
    assert tuple(view.key for view in ceremony_at_test_vote()) == PHASE_KEYS


def test_the_catalogue_matches_the_ceremony_engine() -> None:
    """Same keys, same order, same French labels as ceremony.workflow.phases."""
    from bureau_app.phase_model import StaticPhase, phase_title
    from ceremony.workflow.phases import ORDER, PHASE_LABELS

    assert tuple(phase.value for phase in ORDER) == PHASE_KEYS
    for phase in ORDER:
        view = StaticPhase(phase.value, "?")
        assert phase_title(view) == PHASE_LABELS[phase]


def test_each_state_is_told_by_word_icon_and_colour(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.panel
    assert panel.count() == 10
    texts = [panel.item(row).text() for row in range(panel.count())]
    assert texts[0].startswith("1. Préparation") and texts[0].endswith("fait")
    assert texts[2].startswith("3. Vote à blanc") and texts[2].endswith("en cours")
    assert texts[9].startswith("10. Archivage") and texts[9].endswith("à faire")
    icons = {panel.item(row).icon().cacheKey() for row in (0, 2, 9)}
    colours = {panel.item(row).foreground().color().name() for row in (0, 2, 9)}
    assert len(icons) == 3 and len(colours) == 3
    spoken = panel.item(2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Étape 3 : Vote à blanc, en cours"


def test_the_current_phase_is_shown_first(window) -> None:  # type: ignore[no-untyped-def]
    page = window.current_page()
    assert page is not None and page.key == "test_vote"
    assert page.heading.text() == "Étape 3 sur 10 : Vote à blanc"
    assert page.state_label.text() == "État : en cours"
    assert page.checklist.count() == 4
    first = page.checklist.item(0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "fait : Générer 20 bulletins de test connus"
    )
    assert page.checklist.item(1).data(Qt.ItemDataRole.AccessibleTextRole).startswith("à faire")
    assert page.verified.count() == 2
    assert page.action_button.text() == "Dépouiller l'urne de test"
    assert page.action_button.isEnabled()


def test_choosing_a_phase_shows_its_page(window) -> None:  # type: ignore[no-untyped-def]
    window.panel.select_key("preparation")
    page = window.current_page()
    assert page is not None and page.key == "preparation"
    assert not page.action_button.isEnabled()
    assert page.action_hint.text() == "Cette étape est terminée."
    window.panel.select_key("sealing")
    assert window.current_page().verified.item(0).text() == "Rien n'a encore été vérifié."


def test_the_action_button_reports_the_phase(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.action_requested) as signal:
        qtbot.mouseClick(window.current_page().action_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["test_vote"]


def test_new_views_update_pages_in_place(window) -> None:  # type: ignore[no-untyped-def]
    pages_before = dict(window.pages)
    views = ceremony_at_test_vote()
    views[2] = FakePhase(
        "test_vote",
        "Vote à blanc",
        PhaseState.DONE,
        checklist=[ChecklistItem("Remettre les compteurs à zéro", True)],
    )
    views[3] = FakePhase("sealing", "Scellement", PhaseState.CURRENT, next_action="Sceller")
    window.set_phases(views)
    assert window.pages == pages_before
    assert window.panel.item(2).text().endswith("fait")
    assert window.panel.item(3).text().endswith("en cours")
    assert window.pages["sealing"].action_button.text() == "Sceller"
    assert window.pages["test_vote"].state_label.text() == "État : fait"


def test_keyboard_only_reaches_and_starts_the_test_vote_action(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """From the preparation page, keys alone select the test vote and start its action."""
    window.panel.select_key("preparation")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.hasFocus()
    qtbot.keyClick(window.panel, Qt.Key.Key_Down)
    qtbot.keyClick(window.panel, Qt.Key.Key_Down)
    assert window.current_page().key == "test_vote"
    with qtbot.waitSignal(window.action_requested) as signal:
        qtbot.keyClick(window.panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == ["test_vote"]


def test_tab_reaches_the_action_button_and_space_presses_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.current_page()
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Tab)
    assert page.verified.hasFocus()
    qtbot.keyClick(page.verified, Qt.Key.Key_Tab)
    assert page.action_button.hasFocus()
    with qtbot.waitSignal(window.action_requested) as signal:
        qtbot.keyClick(page.action_button, Qt.Key.Key_Space)
    assert signal.args == ["test_vote"]


def test_ctrl_return_does_nothing_when_no_action_is_due(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.panel.select_key("archived")
    with qtbot.assertNotEmitted(window.action_requested, wait=50):
        qtbot.keyClick(window.panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_journal_and_results_pages_open_by_shortcut(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.journal_view
    assert window.journal_view.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.results_view
    qtbot.keyClick(
        window,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.stack.currentWidget() is window.expert_view


def test_projection_shortcut_asks_for_projection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.projection_requested):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_unconnected_frame_lists_every_phase_with_nothing_to_do(qtbot, app, settings) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.phase_model import unconnected_phases
    from bureau_app.shell import BureauWindow

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(unconnected_phases())
    assert window.panel.count() == len(PHASE_KEYS)
    assert all(not page.action_button.isEnabled() for page in window.pages.values())


def test_the_window_will_not_close_during_an_operation(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import threading

    from bureau_app.worker import Job

    release = threading.Event()
    job = Job(lambda _progress: release.wait(10), cancellable=False)
    window.runner.start(job)
    assert not window.close()
    assert window.isVisible()
    assert window.close_refusal is not None and window.close_refusal.isVisible()
    window.close_refusal.accept()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        release.set()
    assert window.close()
