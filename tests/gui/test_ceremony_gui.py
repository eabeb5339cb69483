"""A whole training ceremony driven through the GUI, from the definition to the archive.

The real engine, store, training cards and platform simulator sit behind the
window; the test only clicks the next-action button and answers the real card
prompts and PIN dialogs (``tests.gui.ceremony_driver``). A screenshot of every
page is saved (``BUREAU_SCREENSHOTS=DIR`` keeps them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.ceremony_driver import Members, open_small_demo, save

pytestmark = [pytest.mark.gui, pytest.mark.timeout(600)]


def test_a_whole_ceremony_through_the_gui(qtbot, app, settings, tmp_path, screenshot_dir) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app.shell import BureauWindow
    from ceremony.workflow.phases import ORDER, Phase

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.resize(1200, 820)
    adapter = open_small_demo(window, tmp_path / "demo")
    # During the vote the bureau suspends it, then resumes it (optional steps: the ceremony
    # goes on). A vote suspended for good would make every later ballot refused.
    members = Members(
        adapter,
        screenshot_dir,
        decisions=[
            ("suspend", "Coupure du serveur de vote a 10 h 12."),
            ("resume", "Serveur retabli, reprise autorisee par le directeur general."),
        ],
    )
    progress_dialogs: dict[str, object] = {}

    def keep_progress(dialog: object) -> None:
        from bureau_app.progress_dialog import ProgressDialog

        if isinstance(dialog, ProgressDialog):
            progress_dialogs[dialog.windowTitle()] = dialog

    adapter.dialog_opened.connect(keep_progress)
    window.show()
    try:
        steps: list[str] = []
        seen_phases: list[str] = []
        while (step := adapter.next_step()) is not None:
            phase = adapter.bureau.phase.value
            if window.stack.currentWidget() is window.results_view:
                # Right after the count the results are shown; "Continuer" goes on.
                assert phase == "pv" and window.results_view.contests
                members.saved.append(save(window, screenshot_dir, "ceremony-results"))
                qtbot.mouseClick(window.results_view.back_button, Qt.MouseButton.LeftButton)
            page = window.current_page()
            assert page is not None and page.key == phase
            assert page.action_button.isEnabled()
            assert page.action_button.text() == step.label
            if phase not in seen_phases:
                seen_phases.append(phase)
                members.saved.append(
                    save(window, screenshot_dir, f"ceremony-{len(seen_phases):02d}-{phase}")
                )
            if step.kind.value == "import_status" and members.decisions:
                decision = members.decisions[0][0]
                number = len(adapter.bureau.state.decisions) + 1
                with qtbot.waitSignal(adapter.step_finished, timeout=300_000) as decided:
                    qtbot.mouseClick(page.optional_buttons["decide"], Qt.MouseButton.LeftButton)
                assert decided.args == ["decide"] and not members.errors, members.errors
                # Where the decision bundle went stays on screen (issue 17, point 9).
                message = window.statusBar().currentMessage()
                assert (
                    "Écrit dans" in message and f"decision-{number:02d}-{decision}.zip" in message
                )
                assert adapter.next_step() == step  # still the required step
            if step.kind.value == "export_results":
                # The roll-call had every member present at the count: each signed the PV
                # (the quorum's three, then the two others as required steps).
                assert len(adapter.bureau.state.pv_signatures) == 5
                assert "sign_pv" not in page.optional_buttons
            with qtbot.waitSignal(adapter.step_finished, timeout=300_000) as finished:
                qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
            assert not members.errors, members.errors
            assert finished.args == [step.kind.value]
            steps.append(step.kind.value)

        assert adapter.bureau.phase is Phase.ARCHIVED
        assert adapter.bureau.state.archive is not None
        assert (tmp_path / "demo" / "archive" / "journal.jsonl").exists()
        assert [p.value for p in ORDER] == seen_phases
        # Every member registered (a prompt each), one prompt for everyone's cards at the key
        # ceremony, one quorum prompt each for test vote, count and results, a prompt per
        # seal signature (three cards) and PV signature (the five members present at the
        # count), one per decision (suspend, then resume).
        assert steps.count("register") == 5
        assert steps.count("open_session") == 2 and steps.count("close_session") == 2
        assert members.prompts == 5 + 1 + 1 + 3 + 1 + 5 + 1 + 2
        assert len(adapter.bureau.state.decisions) == 2
        # The count reported its steps: the bar went from "busy" to a full, measured bar.
        count_dialog = progress_dialogs["Ouvrir l'urne et dépouiller (cartes du quorum)"]
        assert count_dialog.bar.maximum() == 1000 and count_dialog.bar.value() == 1000
        # One code per card per step, asked when the card comes, never again by the work:
        # every card at registration, key ceremony and test vote; three at the seal, count,
        # results; five PV signatures; one card per decision (suspend, then resume).
        assert members.pins == 5 + 5 + 5 + 3 + 3 + 5 + 3 + 1 + 1

        # The finished ceremony, page by page.
        for number, key in enumerate(window.pages, start=1):
            window.show_phase(key)
            members.saved.append(save(window, screenshot_dir, f"final-{number:02d}-{key}"))
        rows = window.journal_view.model.rowCount()
        assert rows == len(adapter.bureau.store.entries())
        window.show_journal()
        members.saved.append(save(window, screenshot_dir, "final-journal"))
        contests = window.results_view.contests
        assert len(contests) == 2
        assert all(c.voters_cast > 0 for c in contests)
        window.show_results()
        members.saved.append(save(window, screenshot_dir, "final-results"))
        qtbot.waitUntil(lambda: window.pv_preview.pages_layout.count() > 0, timeout=60_000)
        window.show_pv()
        qtbot.wait(100)  # the pages are fitted to the view's width once shown
        members.saved.append(save(window, screenshot_dir, "final-pv"))
        window.projection_action.trigger()
        assert adapter.projection is not None
        members.saved.append(save(adapter.projection, screenshot_dir, "final-projection"))
        adapter.projection.close()

        # Expert mode reads the archive the bureau just wrote and verifies it as a whole.
        window.show_expert()
        job = window.expert_view.open_path(tmp_path / "demo" / "archive")
        qtbot.waitUntil(lambda: job.done, timeout=300_000)
        assert job.error is None, job.error
        assert job.result is not None and job.result.passed, job.result.failed_checks
        members.saved.append(save(window, screenshot_dir, "final-expert"))
        about = window.show_about()
        qtbot.waitUntil(lambda: about.job.done, timeout=60_000)
        assert "identique" in about.comparison.text()
        members.saved.append(save(about, screenshot_dir, "final-about"))
        about.close()
    finally:
        window.runner.wait(60_000)
        adapter.close()
        adapter.bureau.store.close()
    names = {p.name for p in members.saved}
    for expected in (
        "dialog-card-prompt.png",
        "dialog-pin.png",
        "dialog-pin-new.png",
        "dialog-fingerprint.png",
        "dialog-expert.png",
        "dialog-progress-urn.png",
        "dialog-decision.png",
        "final-about.png",
    ):
        assert expected in names
    assert all(Path(p).stat().st_size > 2000 for p in members.saved)
