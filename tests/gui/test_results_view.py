"""Results per scrutin as a table and a painted bar chart; the projection in large type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from bureau_app.results_model import ContestResult, ListResult
from tests.gui.fakes import sample_results

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot, app):  # type: ignore[no-untyped-def]
    from bureau_app.results_view import ResultsView

    widget = ResultsView()
    qtbot.addWidget(widget)
    widget.set_results(sample_results())
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cells(view, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.table.item(row, column).text() for column in range(4)]


def test_one_table_per_contest_in_french_number_format(view) -> None:  # type: ignore[no-untyped-def]
    assert view.contest_box.count() == 2
    assert view.summary.text() == (
        "Inscrits : 1\u202f843 · Votants : 612 · Blancs : 17 · Exprimés : 595"
    )
    assert view.table.rowCount() == 4
    assert _cells(view, 0) == ["Action Praticiens Hôpital", "231", "38,8", "2"]
    assert _cells(view, 3) == ["Jeunes Médecins", "46", "7,7", "0"]
    alignment = view.table.item(0, 1).textAlignment()
    assert alignment & Qt.AlignmentFlag.AlignRight.value


def test_choosing_another_contest_shows_its_figures(view) -> None:  # type: ignore[no-untyped-def]
    view.contest_box.setCurrentIndex(1)
    assert view.table.rowCount() == 2
    assert _cells(view, 1) == ["Avenir Hospitalier", "392", "56,6", "3"]
    assert view.current_contest().title == "CSN — collège 2 — section Chirurgie"


def test_seats_not_yet_allocated_show_a_dash(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.results_view import ResultsView

    widget = ResultsView()
    qtbot.addWidget(widget)
    widget.set_results([ContestResult("Test", 10, 4, 1, [ListResult("A", 3), ListResult("B", 0)])])
    assert _cells(widget, 0)[3] == "—"
    assert _cells(widget, 1)[2] == "0,0"


def test_nothing_expressed_gives_zero_shares(app) -> None:  # type: ignore[no-untyped-def]
    contest = ContestResult("Vide", 10, 2, 2, [ListResult("A", 0)])
    assert contest.expressed == 0
    assert contest.share(contest.lists[0]) == 0.0


def test_the_chart_is_painted_and_described(view) -> None:  # type: ignore[no-untyped-def]
    chart = view.chart
    assert chart.describe().startswith("Action Praticiens Hôpital : 231 voix (38,8 %) · 2 sièges")
    assert chart.accessibleDescription() == chart.describe()
    image = chart.grab().toImage()
    bar = QColor("#0b5cad").rgb()
    longest = max(
        sum(1 for x in range(image.width()) if image.pixel(x, y) == bar)
        for y in range(image.height())
    )
    assert longest > image.width() // 2  # the leading list's bar spans most of the width


def test_bars_are_proportional_to_votes(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.bar_chart import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_contest(ContestResult("T", 100, 60, 0, [ListResult("A", 40), ListResult("B", 20)]))
    chart.resize(600, 300)
    image = chart.grab().toImage()
    bar = QColor("#0b5cad").rgb()
    runs = []
    for y in range(image.height()):
        run = sum(1 for x in range(image.width()) if image.pixel(x, y) == bar)
        if run and (not runs or runs[-1] != run):
            runs.append(run)
    assert len(set(runs)) == 2
    big, small = max(runs), min(runs)
    assert small / big == pytest.approx(0.5, abs=0.02)


def test_projection_pages_through_contests_and_closes_on_escape(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.projection import ProjectionWindow

    window = ProjectionWindow(sample_results())
    qtbot.addWidget(window)
    window.resize(1920, 1080)  # a projector's screen: the type fits it, as large as it can
    window.show()
    qtbot.waitExposed(window)
    assert window.title.text() == "CSN — collège 2 — section Psychiatrie"
    assert window.title.font().pointSize() >= 40
    assert window.summary.font().pointSize() >= 28
    assert window.palette().window().color().name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.index == 1 and window.title.text().endswith("Chirurgie")
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # already at the last one
    assert window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_projection_without_results_says_so(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.projection import ProjectionWindow

    window = ProjectionWindow([])
    qtbot.addWidget(window)
    assert window.title.text() == "Aucun résultat à projeter"


def test_a_seat_drawn_by_lot_is_said_on_the_results_page(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from bureau_app.records import contest_results
    from bureau_app.results_view import ResultsView
    from ceremony.tally.seats import ListVotes, compute_seat_allocation

    # A 400, B 400, C 200 for 3 seats: a three-way tie for the last seat that only a
    # drawing of lots between A and B can break (the count's own computation).
    allocation = compute_seat_allocation(
        "c", [ListVotes("a", 400), ListVotes("b", 400), ListVotes("c", 200)], 3, lot_seed="4 2 6"
    )
    names = {"a": "Avenir", "b": "Branche", "c": "Collectif"}
    figures = SimpleNamespace(
        contest_id="c",
        title="Collège",
        registered=1200,
        voters_cast=1000,
        blank=0,
        allocation=allocation,
        lists=[
            SimpleNamespace(list_id=e.list_id, name=names[e.list_id], votes=e.votes, seats=e.seats)
            for e in allocation.lists
        ],
    )
    (contest,) = contest_results([figures])
    (winner,) = (names[lid] for lid in allocation.ties[0].winners)
    widget = ResultsView()
    qtbot.addWidget(widget)
    widget.set_results([contest])
    widget.show()
    note = widget.panels[0].ties
    assert note.isVisible()
    assert note.text() == (
        "Égalité de moyenne entre Avenir, Branche, Collectif pour le dernier siège ; "
        f"entre Avenir, Branche, à égalité de suffrages, il est attribué par tirage au sort à "
        f"{winner}."
    )
    from bureau_app.projection import ProjectionWindow

    projection = ProjectionWindow([contest])
    qtbot.addWidget(projection)
    projection.resize(1280, 720)
    projection.show()
    assert projection.ties.isVisible() and projection.ties.text() == note.text()


def test_a_list_ahead_on_votes_is_not_said_to_win_by_lot(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from bureau_app.records import contest_results
    from bureau_app.tie_text import tie_sentence
    from ceremony.tally.seats import ListVotes, compute_seat_allocation

    # 2, 8, 2, 2 votes for 6 seats: a four-way tie for the last 3 seats; the list with 8
    # votes takes one on its votes, the lots share the other two among the three others.
    votes = [ListVotes("a", 2), ListVotes("b", 8), ListVotes("c", 2), ListVotes("d", 2)]
    allocation = compute_seat_allocation("c", votes, 6, lot_seed="4 2 6")
    names = {"a": "Avenir", "b": "Branche", "c": "Collectif", "d": "Demain"}
    figures = SimpleNamespace(
        contest_id="c",
        title="Collège",
        registered=20,
        voters_cast=14,
        blank=0,
        allocation=allocation,
        lists=[
            SimpleNamespace(list_id=e.list_id, name=names[e.list_id], votes=e.votes, seats=e.seats)
            for e in allocation.lists
        ],
    )
    (contest,) = contest_results([figures])
    (tie,) = contest.ties
    by_lot = ", ".join(w for w in tie.winners if w != "Branche")
    assert tie_sentence(tie) == (
        "Égalité de moyenne entre Avenir, Branche, Collectif, Demain pour les 3 derniers "
        "sièges : un siège à chaque liste ayant obtenu le plus de suffrages (Branche) ; entre "
        f"{', '.join(tie.drawn)}, à égalité de suffrages, le tirage au sort attribue les "
        f"autres à {by_lot}."
    )


def test_no_tie_no_note(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.projection import ProjectionWindow

    assert all(not panel.ties.isVisible() for panel in view.panels)
    projection = ProjectionWindow(view.contests)
    qtbot.addWidget(projection)
    projection.show()
    assert not projection.ties.isVisible()
