"""The journal table: every column searched, sequence sorted as a number, counts in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bureau_app.journal_view import JournalRow, JournalView

pytestmark = pytest.mark.gui


def _rows(count: int) -> list[JournalRow]:
    phases = ["Préparation", "Cérémonie des clés", "Vote à blanc"]
    return [
        JournalRow(
            number,
            f"22/11/2026 09:{number:02d}:00 CET",
            phases[number % 3],
            "présidente (carte 0001)" if number % 2 else "délégué liste B (carte 0004)",
            "step.done",
            f"détail {number}",
        )
        for number in range(1, count + 1)
    ]


@pytest.fixture
def view(qtbot, app):  # type: ignore[no-untyped-def]
    widget = JournalView()
    qtbot.addWidget(widget)
    widget.set_rows(_rows(12))
    widget.show()
    return widget


def _column(view: JournalView, column: int) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_rows_and_headers(view) -> None:  # type: ignore[no-untyped-def]
    assert view.proxy.rowCount() == 12
    headers = [
        view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(view.proxy.columnCount())
    ]
    assert headers == ["N°", "Heure (Paris)", "Étape", "Personnes", "Action", "Détails"]
    assert view.count_label.text() == "12 entrées"


def test_the_sequence_sorts_as_a_number(view) -> None:  # type: ignore[no-untyped-def]
    assert _column(view, 0)[:3] == ["1", "2", "3"]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _column(view, 0)[:4] == ["12", "11", "10", "9"]


def test_search_matches_any_column_ignoring_case(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(view.search, "LISTE B")  # typed; upper case on purpose
    assert view.proxy.rowCount() == 6
    assert view.count_label.text() == "6 entrées trouvées sur 12"
    view.search.clear()
    view.search.setText("détail 11")
    assert _column(view, 0) == ["11"]
    assert view.count_label.text() == "1 entrée trouvée sur 12"
    view.search.setText("introuvable")
    assert view.count_label.text() == "Aucune entrée trouvée sur 12"
    view.search.clear()
    assert view.count_label.text() == "12 entrées"


def test_appended_rows_are_counted_and_searchable(view) -> None:  # type: ignore[no-untyped-def]
    view.append_rows([JournalRow(13, "22/11/2026 10:00:00 CET", "Scellement", "—", "seal", "ok")])
    assert view.count_label.text() == "13 entrées"
    view.search.setText("Scellement")
    assert _column(view, 0) == ["13"]


def test_an_empty_journal_says_so(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    widget = JournalView()
    qtbot.addWidget(widget)
    assert widget.count_label.text() == "Aucune entrée"


def test_the_chosen_entry_is_shown_in_full(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.search.setText("détail 11")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    text = view.entry.text()
    assert text.startswith("N° 11 · 22/11/2026 09:11:00 CET · Vote à blanc\nPersonnes")
    assert "Personnes : présidente (carte 0001)" in text
    assert text.endswith("Détails : détail 11")
