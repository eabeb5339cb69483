"""During the vote the bureau can decide (suspend, resume, stop) through the GUI, and only then;
the About box compares this installation's fingerprint with the one the seal recorded."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from tests.gui.ceremony_driver import Members, open_small_demo, save

pytestmark = [pytest.mark.gui, pytest.mark.timeout(600)]

REASON = "Coupure du serveur de vote depuis 10 h 12, selon l'exploitant."  # QTest types ASCII only


def _click_next(qtbot, adapter, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    page = window.current_page()
    with qtbot.waitSignal(adapter.step_finished, timeout=300_000):
        qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)


def _assert_no_decision(adapter, window) -> None:  # type: ignore[no-untyped-def]
    page = window.current_page()
    assert page.key == adapter.bureau.phase.value
    assert "decide" not in page.optional_buttons
    # Before the definition, correcting the platform's fingerprint is the only other offer.
    correcting = page.key == "preparation" and adapter.bureau.state.platform_key_id is not None
    correcting = correcting and adapter.bureau.state.definition_blob is None
    # While a session is held, an arrival or a departure may be entered.
    from bureau_app.rollcall_model import open_session

    held = open_session(adapter.bureau.state) is not None
    expected = ({"confirm_key"} if correcting else set()) | (
        {"session_movement"} if held else set()
    )
    assert set(page.optional_buttons) == expected
    assert page.optional_label.isVisible() == bool(expected)
    opened: list[object] = []
    adapter.dialog_opened.connect(opened.append)
    adapter.request_optional(page.key, "decide")  # asked anyway: nothing happens
    adapter.dialog_opened.disconnect(opened.append)
    assert opened == [] and not adapter.busy


def _about(qtbot, window):  # type: ignore[no-untyped-def]
    window.about_action.trigger()
    about = window.about
    assert about is not None and about.isVisible()
    qtbot.waitUntil(lambda: about.job.done, timeout=60_000)
    return about


def test_a_decision_during_the_vote_and_the_about_box(  # type: ignore[no-untyped-def]
    qtbot, app, settings, tmp_path, screenshot_dir
) -> None:
    from PySide6.QtCore import Qt

    from bureau_app.about_dialog import readable_fingerprint
    from bureau_app.shell import BureauWindow
    from bureau_app.steps import StepKind
    from ceremony.bundles.importer import import_bundle
    from ceremony.bundles.payloads.decision import DecisionPayload
    from ceremony.fingerprint import ApplicationFiles, current_fingerprint, locate_application
    from ceremony.workflow.phases import Action, Phase

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.resize(1200, 820)
    adapter = open_small_demo(window, tmp_path / "demo")
    members = Members(adapter, screenshot_dir, decisions=[("suspend", REASON)])
    window.show()
    try:
        # Not sealed yet: nothing to compare.
        about = _about(qtbot, window)
        assert "pas encore scellé" in about.comparison.text()
        about.close()

        while adapter.bureau.phase is not Phase.VOTE_OPEN:
            _assert_no_decision(adapter, window)
            _click_next(qtbot, adapter, window)
            assert not members.errors, members.errors
        # The sealing session is closed before the vote's first status: no decision before.
        assert adapter.next_step().kind is StepKind.CLOSE_SESSION
        _assert_no_decision(adapter, window)
        _click_next(qtbot, adapter, window)

        # The vote is open: the decision is offered beside the required step, which stays next.
        page = window.current_page()
        assert page.key == "vote_open"
        button = page.optional_buttons["decide"]
        # Added to a page already on screen: Qt shows it on the next turn of the event loop.
        qtbot.waitUntil(button.isVisible)
        assert button.isEnabled()
        assert button.text() == "Décider : suspendre, reprendre ou arrêter le vote"
        assert adapter.next_step().kind is StepKind.IMPORT_STATUS
        required = page.action_button.text()
        prompts, pins = members.prompts, members.pins
        with qtbot.waitSignal(adapter.step_finished, timeout=300_000) as finished:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not members.errors, members.errors
        assert finished.args == ["decide"]
        assert (members.prompts, members.pins) == (prompts + 1, pins + 1)  # one card, one PIN
        assert members.decisions == []
        assert window.current_page().action_button.text() == required
        assert adapter.next_step().kind is StepKind.IMPORT_STATUS
        members.saved.append(save(window, screenshot_dir, "vote_open-after-decision"))

        # The bundle on the removable media is a valid decision signed by the president's card,
        # as the platform would check it (the bureau's own context knows the member keys).
        bureau = adapter.bureau
        written = tmp_path / "demo" / "vers-la-plateforme" / "decision-01-suspend.zip"
        context = replace(bureau.import_context(bureau.state), seen_bundle_ids=frozenset())
        verified = import_bundle(written.read_bytes(), "decision", context)
        payload = verified.payload
        assert isinstance(payload, DecisionPayload)
        assert (payload.decision, payload.reason) == ("suspend", REASON)
        definition = bureau.bureau_definition()
        assert set(payload.contests) == {c.contest_uuid for c in definition.contests}
        president = next(m for m in definition.members if m.role == "president")
        (entry,) = [e for e in bureau.store.entries() if e.action == Action.DECISION_EXPORTED.value]
        assert entry.details["decision"] == "suspend" and entry.details["reason"] == REASON
        serial = bureau.state.members[president.member_id]["serial"]
        assert [(a.role, a.card_serial) for a in entry.actors] == [("president", serial)]
        rows = window.journal_view.model
        texts = [
            str(rows.index(r, c).data())
            for r in range(rows.rowCount())
            for c in range(rows.columnCount())
        ]
        assert any("Décision du bureau exportée" in t for t in texts)
        # The accessible text: the shown one has French non-breaking spaces ("10 h 12").
        verified = [
            page.verified.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
            for i in range(page.verified.count())
        ]
        assert any("vote suspendu" in text and REASON in text for text in verified)

        # Sealed: the About box shows this installation's fingerprint, identical to the seal's.
        about = _about(qtbot, window)
        expected = current_fingerprint().value
        assert about.running.toPlainText() == readable_fingerprint(expected)
        assert about.sealed.toPlainText() == readable_fingerprint(expected)
        assert "identique" in about.comparison.text()
        members.saved.append(save(about, screenshot_dir, "dialog-about"))
        about.close()

        # Another installation (one file changed) than the sealed one: DIFFÉRENTE.
        real = locate_application()
        copy = tmp_path / "other-installation"
        for member in real.members:
            shutil.copytree(
                real.base / member,
                copy / member,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        changed = copy / "ceremony" / "__init__.py"
        changed.write_text(changed.read_text() + "# changed\n")
        window.application_files = ApplicationFiles("installed", copy, real.members)
        about = _about(qtbot, window)
        assert about.running.toPlainText() != readable_fingerprint(expected)
        assert about.sealed.toPlainText() == readable_fingerprint(expected)
        assert "DIFFÉRENTE" in about.comparison.text()
        members.saved.append(save(about, screenshot_dir, "dialog-about-different"))
        about.close()

        # Once the vote is closed, no decision any more.
        while adapter.bureau.phase is Phase.VOTE_OPEN:
            _click_next(qtbot, adapter, window)
            assert not members.errors, members.errors
        _assert_no_decision(adapter, window)
    finally:
        window.runner.wait(60_000)
        adapter.close()
        adapter.bureau.store.close()
