"""The roll-call dialogs, used with the keyboard and the mouse like the bureau would
(QTest key and mouse events on the real widgets, through the event loop)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.store.timefmt import PARIS
from ceremony.workflow.rollcall import Movement, RollCall

pytestmark = pytest.mark.gui

SEALING_DAY = datetime(2024, 11, 27, 14, 2, 30, tzinfo=PARIS)


@pytest.fixture
def definition() -> BureauDefinition:
    from ceremony.simulator.platform import PlatformSimulator

    return PlatformSimulator(seed="rollcall", ballots=4, workers=1).bureau()


def _show(qtbot, dialog):  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    return dialog


def _key(qtbot, widget, key) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or widget, key)


def test_a_replaced_president_and_a_named_substitute_are_entered_with_the_keyboard(
    qtbot, app, definition
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bureau_app.rollcall_dialogs import SessionOpenDialog

    dialog = _show(
        qtbot,
        SessionOpenDialog(
            "count",
            definition,
            now=SEALING_DAY,
            latest=SEALING_DAY + timedelta(minutes=5),
            earliest=SEALING_DAY - timedelta(days=1),
        ),
    )
    # The focus starts on the president's line; letters choose as in any list.
    assert QApplication.focusWidget() is dialog.choices["presidente"]
    qtbot.keyClicks(dialog.choices["presidente"], "r")  # Remplacée par le secrétaire
    _key(qtbot, dialog, Qt.Key.Key_Tab)  # the secretary: present
    _key(qtbot, dialog, Qt.Key.Key_Tab)  # Dr Caron: present
    _key(qtbot, dialog, Qt.Key.Key_Tab)  # (her substitute's field is skipped: disabled)
    assert QApplication.focusWidget() is dialog.choices["del-inph"]
    qtbot.keyClicks(QApplication.focusWidget(), "r")  # Dr Perrin replaced…
    assert not dialog.ok_button.isEnabled()  # …by whom? Not yet said.
    assert (
        "Saisissez le nom du délégué suppléant de Dr Yves Perrin"
        in dialog.problem.text().replace("\u00a0", " ")
    )
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.substitutes["del-inph"]
    qtbot.keyClicks(QApplication.focusWidget(), "Dr Marc Lefort")
    _key(qtbot, dialog, Qt.Key.Key_Tab)  # Dr Benali…
    qtbot.keyClicks(QApplication.focusWidget(), "a")  # …absent
    assert dialog.ok_button.isEnabled()
    assert "Présents : 2 ; absents : 1 ; remplacés : 2." in dialog.summary.text().replace(
        "\u00a0", " "
    )
    # Two present (the secretary and one delegate): the quorum of two delegates lacks one.
    assert "le quorum n'est pas atteint" in dialog.summary.text().replace("\u00a0", " ")
    with qtbot.waitSignal(dialog.accepted):
        _key(qtbot, dialog, Qt.Key.Key_Return)
    opened_at, present, absent, replaced = dialog.values()
    assert opened_at == SEALING_DAY.replace(second=0)
    assert present == ["secretaire", "del-aph"] and absent == ["del-cmh-snam"]
    assert replaced == {"presidente": "secretaire", "del-inph": "Dr Marc Lefort"}


def test_the_president_is_replaced_only_by_a_secretary_present(qtbot, app, definition) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bureau_app.rollcall_dialogs import SessionOpenDialog

    dialog = _show(
        qtbot, SessionOpenDialog("sealing", definition, now=SEALING_DAY, latest=SEALING_DAY)
    )
    qtbot.keyClicks(dialog.choices["presidente"], "r")
    qtbot.keyClicks(dialog.choices["secretaire"], "a")
    assert not dialog.ok_button.isEnabled()
    assert "le secrétaire doit être présent" in dialog.problem.text().replace("\u00a0", " ")
    assert dialog.problem.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # nothing happens: not accepted
    assert dialog.isVisible() and dialog.result() == 0
    # The secretary comes back ("p" once the list's type-ahead has forgotten the "a").
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(dialog.choices["secretaire"], "p")
    assert dialog.ok_button.isEnabled() and not dialog.problem.isVisible()
    # The secretary has only present or absent: nobody replaces the secretary (art. 5).
    combo = dialog.choices["secretaire"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["present", "absent"]
    # At the sealing the keys take every card: an absent member is said to be needed.
    sealing = _show(
        qtbot,
        SessionOpenDialog(
            "sealing", definition, now=SEALING_DAY, latest=SEALING_DAY, every_card=True
        ),
    )
    qtbot.keyClicks(sealing.choices["del-aph"], "a")
    assert "demandent la carte de chaque membre" in sealing.summary.text().replace("\u00a0", " ")


def test_the_session_place_and_the_lists_without_delegate_are_shown(qtbot, app, definition) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from bureau_app.rollcall_dialogs import SessionOpenDialog

    dialog = _show(
        qtbot, SessionOpenDialog("sealing", definition, now=SEALING_DAY, latest=SEALING_DAY)
    )
    texts = [label.text().replace("\u00a0", " ") for label in dialog.findChildren(QLabel)]
    assert definition.texts.sealing_place in texts
    # Five lists in the demo's contests, three delegates: the other lists are named.
    assert any(t.startswith("Listes sans délégué au bureau : ") for t in texts)
    assert dialog.time.accessibleName() and all(
        c.accessibleName().startswith("Présence de ") for c in dialog.choices.values()
    )


def test_times_are_typed_to_the_minute_and_never_beyond_the_bounds(qtbot, app, definition) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from bureau_app.rollcall_dialogs import SessionCloseDialog

    call = RollCall("sealing", SEALING_DAY, ("presidente",), (), {})
    latest = SEALING_DAY + timedelta(hours=2)
    dialog = _show(
        qtbot,
        SessionCloseDialog(
            call,
            definition,
            now=SEALING_DAY + timedelta(minutes=30),
            latest=latest,
            earliest=SEALING_DAY,
            parent=None,
        ),
    )
    assert QApplication.focusWidget() is dialog.time
    # French typography: "27/11/2024 à 14 h 32", with non-breaking spaces.
    assert dialog.time.text() == "27/11/2024\u00a0à\u00a014\u00a0h\u00a032"
    qtbot.keyClicks(dialog.time, "1550")  # hour then minute
    assert dialog.closed_at() == datetime(2024, 11, 27, 15, 50, tzinfo=PARIS)
    qtbot.keyClicks(dialog.time, "23")  # 23 h is after the latest time: refused
    assert dialog.closed_at() <= latest
    shown = dialog.record.text().replace("\u00a0", " ")
    assert shown.endswith("• Présents : Mme Anne Rousseau")


def test_a_movement_offers_arrivals_of_the_absent_and_departures_of_the_present(
    qtbot, app, definition
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bureau_app.rollcall_dialogs import MovementDialog

    call = RollCall(
        "count",
        SEALING_DAY,
        ("secretaire", "del-aph", "del-cmh-snam"),
        ("del-inph",),
        {"presidente": "secretaire"},
        departures=(Movement("del-cmh-snam", SEALING_DAY + timedelta(minutes=2)),),
    )
    now = SEALING_DAY + timedelta(minutes=10)
    dialog = _show(qtbot, MovementDialog(call, definition, now=now, latest=now))
    assert QApplication.focusWidget() is dialog.kind
    members = [dialog.member.itemData(i) for i in range(dialog.member.count())]
    # Arrivals: the absent and the replaced (the president may come after all).
    assert members == ["presidente", "del-inph"]
    qtbot.keyClicks(dialog.kind, "d")  # Départ
    members = [dialog.member.itemData(i) for i in range(dialog.member.count())]
    assert members == ["secretaire", "del-aph"]  # present now; Dr Benali already left
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    _key(qtbot, dialog, Qt.Key.Key_Down)  # Dr Caron
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "1408")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.values() == ("departures", "del-aph", datetime(2024, 11, 27, 14, 8, tzinfo=PARIS))
