"""French is the source language; English comes from resources/translations/bureau_en.qm."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from bureau_app.i18n import choose_language, install_language
from bureau_app.resources import TRANSLATIONS
from tests.gui.fakes import ceremony_at_test_vote

pytestmark = pytest.mark.gui


def test_switching_to_english_changes_visible_strings(qtbot, app, settings) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.pin_dialog import PinDialog
    from bureau_app.shell import BureauWindow

    install_language(app, "en")
    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(ceremony_at_test_vote())
    assert window.windowTitle() == "Electronic polling committee"
    assert window.panel.item(2).text().startswith("3. Test vote")
    assert window.panel.item(2).text().endswith("in progress")
    assert window.current_page().heading.text() == "Step 3 of 10: Test vote"
    pin = PinDialog("Marie Dupont", 3)
    qtbot.addWidget(pin)
    assert pin.tries.text() == "3 tries left before the card is blocked."
    assert pin.ok_button.text() == "&OK"

    install_language(app, "fr")
    french = BureauWindow(settings)
    qtbot.addWidget(french)
    french.set_phases(ceremony_at_test_vote())
    assert french.windowTitle() == "Bureau de vote électronique"
    assert french.panel.item(2).text().startswith("3. Vote à blanc")


def test_the_language_comes_from_the_option_then_the_system() -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert choose_language("fr", english) == "fr"
    assert choose_language(None, english) == "en"
    assert choose_language(None, german) == "fr"
    with pytest.raises(ValueError):
        choose_language("de")


def test_every_string_is_translated_and_the_compiled_file_is_there(tmp_path: Path) -> None:
    tree = ET.parse(TRANSLATIONS / "bureau_en.ts")
    unfinished = [
        message.findtext("source")
        for message in tree.iter("message")
        if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []
    # The committed .qm is the compilation of the committed .ts (file times mean
    # nothing after a clone: compare what lrelease makes now).
    qm = TRANSLATIONS / "bureau_en.qm"
    fresh = tmp_path / "bureau_en.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(TRANSLATIONS / "bureau_en.ts"), "-qm", str(fresh)],
        check=True,
        timeout=120,
    )
    assert qm.is_file() and qm.read_bytes() == fresh.read_bytes()


def test_the_journals_step_column_follows_the_interface_language(app) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from bureau_app.records import journal_rows
    from ceremony.store.journal import JournalEntry
    from ceremony.store.timefmt import to_stored_time

    entry = JournalEntry(
        sequence=1,
        time=to_stored_time(datetime(2024, 11, 27, 13, 0, tzinfo=UTC)),
        phase="preparation",
        actors=(),
        action="platform_key.confirmed",
        details={"key_id": "0" * 64},
        blobs=(),
        previous_hash="0" * 64,
    )
    try:
        install_language(app, "en")
        (row,) = journal_rows([entry], {})
        assert row.phase == "Preparation"
    finally:
        install_language(app, "fr")
    (row,) = journal_rows([entry], {})
    assert row.phase == "Préparation"
