"""« Recompter à partir d'une archive », driven with key presses and clicks (issue 15).

A finished training ceremony (the engine's demo); two years later only its
archive and the members' training cards are left. The recount screen verifies
the archive (cancellable), asks a legal quorum different from the count's,
recounts and says « Identiques aux résultats archivés », with the report's
path and SHA-256; the report verifies and the original archive still does.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.recount import verify_recount
from tests.gui.test_card_manage_helpers import (
    PinTyper,
    choose,
    click,
    copy_room,
    finished_ceremony,
    menu_item,
    open_window,
    training_folder,
    type_text,
)

pytestmark = [pytest.mark.gui, pytest.mark.timeout(900)]


RECOUNT_QUORUM = ["secretaire", "del-cmh-snam", "del-inph"]


def _later(tmp_path_factory: Any, tmp_path: Path) -> Path:
    """Only the archive and the cards, elsewhere; the working store is gone."""
    room = finished_ceremony(tmp_path_factory.getbasetemp() / "cards-base")
    later = tmp_path / "two-years-later"
    later.mkdir()
    shutil.copytree(room / "archive", later / "archive")
    shutil.copytree(training_folder(room) / "cartes-entrainement", later / "cartes-entrainement")
    return later


def _count_quorum(archive: Path) -> list[str]:
    for line in (archive / "journal.jsonl").read_text().splitlines():
        if '"count.done"' in line:
            entry = json.loads(line)["entry"]
            return sorted(str(actor["role"]) for actor in entry["actors"])
    raise AssertionError("no count in the archive")


def _fill_archive(qtbot: Any, dialog: Any, archive: Path) -> None:
    dialog.archive_field.setFocus()
    qtbot.waitUntil(dialog.archive_field.hasFocus)
    type_text(dialog.archive_field, str(archive))
    QTest.keyClick(dialog.archive_field, Qt.Key.Key_Tab)  # editingFinished, as a person leaves


def _present_cards(qtbot: Any, dialog: Any, members: list[str]) -> Any:
    qtbot.waitUntil(lambda: dialog.prompt is not None, timeout=120_000)
    prompt = dialog.prompt
    source = dialog._source
    for member_id in members:
        choose(qtbot, prompt.reader.cards, source.serial_of(member_id))
        before = len(prompt.present)
        click(prompt.reader.insert_button)
        qtbot.waitUntil(
            lambda b=before: len(prompt.present) > b or not prompt.isVisible(), timeout=30_000
        )
    return prompt


def test_recount_from_the_file_menu_with_another_quorum_says_identical(  # type: ignore[no-untyped-def]
    qtbot, app, settings, tmp_path_factory, tmp_path
) -> None:
    later = _later(tmp_path_factory, tmp_path)
    archive = later / "archive"
    before = {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()}
    # Any ceremony window offers it in its Fichier menu (here a training window elsewhere).
    room = copy_room(tmp_path_factory.getbasetemp() / "cards-base", tmp_path / "room")
    window, adapter = open_window(qtbot, settings, training_folder(room))
    try:
        files = window.menuBar().actions()[0].menu()
        menu_item(qtbot, window, files, window.recount_action)
        qtbot.waitUntil(lambda: window.recount_dialog is not None)
        dialog = window.recount_dialog
        qtbot.waitUntil(dialog.isVisible)
        _fill_archive(qtbot, dialog, archive)
        # The working folder and the training cards are suggested beside the archive.
        store = Path(dialog.store_field.text())
        assert store.parent == later and not store.exists()
        assert dialog.cards_field.isVisible()
        assert Path(dialog.cards_field.text()) == later / "cartes-entrainement"
        assert dialog.banner.isVisible()  # training cards: « sans valeur légale »
        typer = PinTyper(dialog.pins, lambda serial: dialog._source.member_of(serial))
        outcomes: list[Any] = []
        dialog.finished_recount.connect(outcomes.append)
        dialog.failed_recount.connect(outcomes.append)
        assert dialog.start_button.isDefault()
        dialog.start_button.setFocus()
        QTest.keyClick(dialog.start_button, Qt.Key.Key_Return)
        prompt = _present_cards(qtbot, dialog, RECOUNT_QUORUM)
        assert sorted(c.member_id for c in prompt.present) == sorted(RECOUNT_QUORUM)
        qtbot.waitUntil(lambda: bool(outcomes), timeout=300_000)
        outcome = outcomes[0]
        assert not isinstance(outcome, BaseException), outcome
        assert outcome.equal and outcome.members_used == sorted(RECOUNT_QUORUM)
        # Each card's PIN typed once, when it was presented.
        assert len(typer.asked) == 3
        assert "Identiques aux résultats archivés" in dialog.report_view.verdict.text()
        assert dialog.report_view.isVisible() and dialog.report_view.table.rowCount() > 0
        pdf = outcome.folder / "recompte.pdf"
        shown = dialog.report_view.hashes.text()
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() in shown
        assert str(outcome.folder) in dialog.report_view.details.text()
        view = dialog.report_view
        assert view.open_button.isEnabled() and view.print_button.isEnabled()
        assert verify_recount(outcome.folder).passed
        assert {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()} == before
        assert verify_ceremony_archive(archive).passed
        # The count had used the president's card; the recount the secretary's instead.
        assert "president" in _count_quorum(archive)
        click(dialog.close_button)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        adapter.close()
        window.runner.wait(30_000)
        adapter.bureau.store.close()


def test_the_verification_can_be_cancelled_and_nothing_is_written(  # type: ignore[no-untyped-def]
    qtbot, app, tmp_path_factory, tmp_path
) -> None:
    from bureau_app.progress_dialog import ProgressDialog
    from bureau_app.recount_view import RecountDialog

    later = _later(tmp_path_factory, tmp_path)
    dialog = RecountDialog(archive=later / "archive")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    store = Path(dialog.store_field.text())

    def cancel(opened: Any) -> None:
        if isinstance(opened, ProgressDialog) and opened.cancel_button is not None:
            QTimer.singleShot(0, lambda: click(opened.cancel_button))

    dialog.dialog_opened.connect(cancel)
    click(dialog.start_button)
    qtbot.waitUntil(lambda: "annulée" in dialog.status.text(), timeout=120_000)
    dialog.runner.wait(30_000)
    assert dialog.prompt is None
    assert not store.exists()
    assert sorted(p.name for p in later.iterdir()) == ["archive", "cartes-entrainement"]


def test_an_altered_archive_is_refused_before_any_card(  # type: ignore[no-untyped-def]
    qtbot, app, tmp_path_factory, tmp_path
) -> None:
    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.recount_view import RecountDialog

    later = _later(tmp_path_factory, tmp_path)
    results = later / "archive" / "results.json"
    results.write_bytes(results.read_bytes().replace(b"1", b"2", 1))
    dialog = RecountDialog(archive=later / "archive")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened: list[Any] = []
    dialog.dialog_opened.connect(opened.append)
    failures: list[Any] = []
    dialog.failed_recount.connect(failures.append)
    click(dialog.start_button)
    qtbot.waitUntil(lambda: bool(failures), timeout=120_000)
    assert type(failures[0]).__name__ == "ArchiveNotVerifiedError"
    assert dialog.prompt is None
    assert any(isinstance(d, ErrorDialog) for d in opened)
    assert "ne se vérifie pas" in dialog.status.text()
    assert not Path(dialog.store_field.text()).exists()
