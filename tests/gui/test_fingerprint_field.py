"""The fingerprint is typed in groups of four and judged as it is typed (issue 17, point 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bureau_app.fingerprint_field import FingerprintField, Verdict, verdict, verdict_text
from bureau_app.step_dialogs import FingerprintDialog

pytestmark = pytest.mark.gui

KEY = "d4a5b4255c5cb966e3917445995d1fe6515ea8c12a626b36ef9c63d3045d784d"


def test_a_63_character_entry_is_incomplete_not_different() -> None:
    assert verdict(KEY[:63], KEY) is Verdict.INCOMPLETE
    assert verdict(KEY[:63], None) is Verdict.INCOMPLETE
    assert "Incomplète : 63 caractères sur 64" in verdict_text(KEY[:63], KEY)


def test_a_wrong_character_is_named_as_soon_as_it_is_typed() -> None:
    typo = KEY[:10] + ("0" if KEY[10] != "0" else "1")
    assert verdict(typo, KEY) is Verdict.MISMATCH
    assert "caractère n° 11 (groupe 3)" in verdict_text(typo, KEY)


def test_spaces_and_case_do_not_count_but_foreign_characters_do() -> None:
    spaced = " ".join(KEY.upper()[i : i + 4] for i in range(0, 64, 4))
    assert verdict(spaced, KEY) is Verdict.MATCH
    assert verdict(KEY, None) is Verdict.COMPLETE
    assert verdict(KEY[:20] + "g", None) is Verdict.INVALID
    assert verdict(KEY + "a", None) is Verdict.INVALID


def test_the_field_regroups_as_the_member_types_and_a_typo_can_be_corrected(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = FingerprintDialog(KEY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, KEY[:-1] + ("0" if KEY[-1] != "0" else "1"))
    assert dialog.field.text().split() == [KEY[i : i + 4] for i in range(0, 60, 4)] + [
        KEY[60:63] + ("0" if KEY[-1] != "0" else "1")
    ]
    assert dialog.entry.verdict() is Verdict.MISMATCH
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # refused: the dialog stays open
    assert dialog.isVisible()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Backspace)
    assert dialog.entry.verdict() is Verdict.INCOMPLETE
    qtbot.keyClicks(dialog.field, KEY[-1])
    assert dialog.entry.verdict() is Verdict.MATCH and dialog.ok_button.isEnabled()
    assert dialog.key_id() == KEY
    assert dialog.field.font().fixedPitch() or "mono" in dialog.field.font().family().lower()


def test_without_a_reference_a_complete_key_is_accepted_for_the_bureau_to_compare(
    qtbot, app
) -> None:  # type: ignore[no-untyped-def]
    field = FingerprintField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field.edit, KEY[:40])
    assert field.verdict() is Verdict.INCOMPLETE and not field.acceptable()
    qtbot.keyClicks(field.edit, KEY[40:])
    assert field.verdict() is Verdict.COMPLETE and field.acceptable()
    # Typing in the middle keeps the cursor after the character typed.
    field.edit.setCursorPosition(2)
    qtbot.keyClicks(field.edit, "f")
    assert field.edit.text().startswith(KEY[:2] + "f" + KEY[2] + " ")
    assert field.edit.cursorPosition() == 3
