"""The test vote step done with the keyboard only: Ctrl+Entrée, Entrée, typing the PIN.

The ceremony is brought to the test vote by the engine itself (same store,
same training cards, same PINs as the GUI uses); then only key clicks are
sent, each to the widget that has the keyboard focus, as a keyboard would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.ceremony_driver import SEED, Members, open_small_demo, save

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def _prepare_until_test_vote(folder: Path) -> None:
    from ceremony.cards.training import TrainingCard
    from ceremony.simulator.platform import PlatformSimulator
    from ceremony.store.workstation_key import FileKeySource
    from ceremony.workflow.demo import DemoPins, open_simulated_bureau
    from ceremony.workflow.holders import PresentCard
    from tests.gui.ceremony_driver import BALLOTS
    from tests.workflow.ceremony_setup import small_description

    sim = PlatformSimulator(seed=SEED, ballots=BALLOTS, description=small_description(), workers=1)
    bureau = open_simulated_bureau(
        folder / "store", sim.bureau().schedule, FileKeySource(folder / "workstation-key")
    )
    try:
        bureau.confirm_platform_key(sim.platform_key_id)
        bureau.import_definition(sim.definition_bundle(), sim.bureau_id)
        cards_folder = folder / "cartes-entrainement"
        cards_folder.mkdir(parents=True)
        cards = []
        for member in sim.bureau().members:
            card = TrainingCard.create(cards_folder / f"{member.member_id}.card")
            present = PresentCard(member.member_id, card, DemoPins(SEED, member.member_id))
            bureau.register_member(present)
            cards.append(present)
        bureau.generate_keys(cards)
    finally:
        bureau.store.close()


def _open(dialog) -> bool:  # type: ignore[no-untyped-def]
    import shiboken6

    return bool(shiboken6.isValid(dialog) and dialog.isVisible())


def _focused():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def test_the_test_vote_with_the_keyboard_only(
    qtbot, app, settings, tmp_path, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bureau_app.pin_dialog import PinDialog
    from bureau_app.quorum_prompt import QuorumPromptDialog
    from bureau_app.shell import BureauWindow
    from ceremony.workflow.phases import Phase

    folder = tmp_path / "demo"
    _prepare_until_test_vote(folder)
    window = BureauWindow(settings)
    qtbot.addWidget(window)
    adapter = open_small_demo(window, folder)
    members = Members(adapter, screenshot_dir, keyboard_only=True)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    try:
        assert adapter.bureau.phase is Phase.TEST_VOTE
        page = window.current_page()
        assert page is not None and page.key == "test_vote"
        # From the phase list, Tab reaches the checklist, then what was verified, then the
        # action button; Ctrl+Entrée is the shortcut for the same button.
        window.panel.setFocus()
        for _ in range(8):
            if _focused() is page.action_button:
                break
            QTest.keyClick(_focused(), Qt.Key.Key_Tab)
        assert _focused() is page.action_button
        save(window, screenshot_dir, "keyboard-test_vote-focus")
        prompts = pins = 0
        seen_prompt = None
        QTest.keyClick(_focused(), Qt.Key.Key_Return)
        while adapter.bureau.state.test_vote is None:
            qtbot.waitUntil(
                lambda: (
                    isinstance(QApplication.activeModalWidget(), QuorumPromptDialog | PinDialog)
                    or adapter.bureau.state.test_vote is not None
                    or bool(members.errors)
                ),
                timeout=120_000,
            )
            assert not members.errors, members.errors
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QuorumPromptDialog):
                if dialog is not seen_prompt:
                    prompts += 1
                    seen_prompt = dialog
                # The training reader's "Insérer cette carte" is the default button; the
                # reader shows the next card the quorum needs; its PIN is asked at once.
                # Once the last code is checked the prompt closes by itself.
                qtbot.waitUntil(
                    lambda d=dialog: (
                        not _open(d)
                        or (d._checking is None and d.isAncestorOf(QApplication.focusWidget()))
                    )
                )
                if not _open(dialog):
                    continue
                QTest.keyClick(_focused(), Qt.Key.Key_Return)
                qtbot.waitUntil(
                    lambda d=dialog: (
                        isinstance(QApplication.activeModalWidget(), PinDialog) or not _open(d)
                    )
                )
            elif isinstance(dialog, PinDialog):
                pins += 1
                qtbot.waitUntil(lambda d=dialog: QApplication.focusWidget() is d.field)
                QTest.keyClicks(_focused(), members.pin_for(dialog))
                QTest.keyClick(_focused(), Qt.Key.Key_Return)
                qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        # One prompt for every member's card (the test vote opens with all five), one code
        # per card.
        assert (prompts, pins) == (1, 5)
        qtbot.waitUntil(lambda: adapter.bureau.phase is Phase.SEALING and not adapter.busy)
        assert window.current_page() is not None
        assert window.current_page().key == "sealing"
    finally:
        window.runner.wait(60_000)
        adapter.close()
        adapter.bureau.store.close()
