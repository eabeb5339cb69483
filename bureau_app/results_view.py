"""Results of every scrutin on one page: per contest its figures, its table and its chart.

The contests come in the definition's order, one below the other; a list box jumps
to one. Each contest's table and chart sit side by side when the page is wide
enough for both without cutting a figure, else the chart goes under the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bureau_app.bar_chart import BarChart
from bureau_app.results_model import ContestResult
from bureau_app.sizing import scale_font
from bureau_app.text import fill
from bureau_app.tie_text import tie_sentence

_TABLE_WIDTH = 560  # the table's four columns, names included, at the normal text size


class ContestPanel(QFrame):
    """One scrutin: inscrits, votants, blancs, exprimés; voix, %, sièges; the bar chart."""

    def __init__(self, contest: ContestResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contest = contest
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(fill(self.tr("Résultats : %1"), contest.title))
        # A label, not a group box title: a long section name wraps instead of widening.
        self.heading = QLabel(contest.title)
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scale_font(self.heading, 1.2, bold=True)
        self.heading.setAccessibleName(self.tr("Scrutin"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Inscrits, votants et blancs"))
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(
            fill(self.tr("Tableau des voix par liste : %1"), contest.title)
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Liste"), self.tr("Voix"), self.tr("% des exprimés"), self.tr("Sièges")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # How a tie for the last seat(s) was broken: said on the page, not left to the PV.
        self.ties = QLabel()
        self.ties.setWordWrap(True)
        self.ties.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ties.setAccessibleName(self.tr("Égalités départagées"))
        self.ties.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = BarChart()
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.table, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self.body)
        layout.addWidget(self.ties)
        self._fill()

    def _fill(self) -> None:
        contest = self.contest
        locale = QLocale()
        self.summary.setText(
            fill(
                self.tr("Inscrits : %1 · Votants : %2 · Blancs : %3 · Exprimés : %4"),
                locale.toString(contest.registered),
                locale.toString(contest.voters_cast),
                locale.toString(contest.blank),
                locale.toString(contest.expressed),
            )
        )
        self.table.setRowCount(len(contest.lists))
        for row, entry in enumerate(contest.lists):
            seats = "—" if entry.seats is None else locale.toString(entry.seats)
            cells = (
                entry.name,
                locale.toString(entry.votes),
                locale.toString(100 * contest.share(entry), "f", 1),
                seats,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0:  # figures line up on the right, as on paper
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.chart.set_contest(contest)
        self.ties.setText("\n".join(tie_sentence(tie) for tie in contest.ties))
        self.ties.setVisible(bool(contest.ties))
        self._fit_heights()

    def _fit_heights(self) -> None:
        # Every row shown: the page scrolls, never a table inside it.
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + frame)
        height = self.chart.heightForWidth(max(self.chart.width(), 200))
        if self.chart.height() != height:
            self.chart.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Side by side only when the chart's longest label fits beside a readable table.
        side_by_side = event.size().width() >= self.chart.label_width() + _TABLE_WIDTH
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if self.body.direction() != direction:
            self.body.setDirection(direction)
        # The chart's height follows its width once the layout has placed it.
        QTimer.singleShot(0, self, self._fit_heights)  # not after the panel is gone


class ResultsView(QWidget):
    """``first_results``: results appeared where there were none (the count just finished)."""

    first_results = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Résultats des scrutins"))
        self._contests: list[ContestResult] = []
        self.panels: list[ContestPanel] = []

        title = QLabel(self.tr("Résultats"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : résultats"))
        self.contest_box = QComboBox()
        self.contest_box.setAccessibleName(self.tr("Aller au scrutin"))
        self.contest_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.contest_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        choose = QLabel(self.tr("Aller au &scrutin :"))
        choose.setBuddy(self.contest_box)
        choose.setAccessibleName(self.tr("Scrutin"))
        chooser = QHBoxLayout()
        chooser.addWidget(title)
        chooser.addSpacing(24)
        chooser.addWidget(choose)
        # All the room left: section names differ only at their end.
        chooser.addWidget(self.contest_box, 1)
        self.project_button = QPushButton(self.tr("&Projeter (F5)"))
        self.project_button.setAccessibleName(
            self.tr("Projeter les résultats en plein écran, sur le second écran s'il y en a un")
        )
        self.project_button.setEnabled(False)
        self.back_button = QPushButton(self.tr("Continuer : retour à l'étape en cours"))
        self.back_button.setAccessibleName(self.tr("Revenir à l'étape en cours"))
        actions = QHBoxLayout()
        actions.addWidget(self.project_button)
        actions.addStretch(1)
        actions.addWidget(self.back_button)
        self.projection_hint = QLabel(
            self.tr(
                "Projection : F5 l'ouvre en plein écran (sur le second écran s'il y en a un), "
                "Page suivante / précédente change de scrutin, F11 sort du plein écran ou y "
                "revient, Échap ferme."
            )
        )
        self.projection_hint.setWordWrap(True)
        self.projection_hint.setAccessibleName(self.tr("Touches de la projection"))
        self.empty = QLabel(self.tr("Aucun résultat pour le moment."))
        self.empty.setAccessibleName(self.tr("Aucun résultat"))

        self.contents = QWidget()
        self.column = QVBoxLayout(self.contents)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.empty)
        self.column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.contents)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setAccessibleName(self.tr("Résultats de chaque scrutin"))

        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.projection_hint)
        layout.addLayout(actions)
        self.contest_box.activated.connect(self.go_to)
        self.contest_box.currentIndexChanged.connect(self.go_to)

    def set_results(self, contests: Sequence[ContestResult]) -> None:
        first = not self._contests and bool(contests)
        if list(contests) == self._contests:
            return  # refreshed after every step: keep the place on the page
        self._contests = list(contests)
        self.project_button.setEnabled(bool(contests))
        for panel in self.panels:
            self.column.removeWidget(panel)
            panel.deleteLater()
        self.panels = [ContestPanel(contest) for contest in contests]
        for position, panel in enumerate(self.panels):
            self.column.insertWidget(position, panel)
        self.empty.setVisible(not contests)
        self.contest_box.blockSignals(True)
        self.contest_box.clear()
        self.contest_box.addItems([contest.title for contest in contests])
        self.contest_box.blockSignals(False)
        if first:
            self.first_results.emit()

    @property
    def contests(self) -> list[ContestResult]:
        return list(self._contests)

    def go_to(self, index: int) -> None:
        """Scroll to one contest (the list box's choice)."""
        if 0 <= index < len(self.panels):
            self.scroller.ensureWidgetVisible(self.panels[index], 0, 0)

    def current_contest(self) -> ContestResult | None:
        index = self.contest_box.currentIndex()
        return self._contests[index] if 0 <= index < len(self._contests) else None

    def _chosen(self) -> ContestPanel:
        index = self.contest_box.currentIndex()
        if not 0 <= index < len(self.panels):
            raise LookupError("no results shown")
        return self.panels[index]

    # The chosen contest's parts (tests and screen readers reach them by the list box).
    @property
    def table(self) -> QTableWidget:
        return self._chosen().table

    @property
    def chart(self) -> BarChart:
        return self._chosen().chart

    @property
    def summary(self) -> QLabel:
        return self._chosen().summary
