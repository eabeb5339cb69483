"""Results of every scrutin: pick one, read its figures, its table and its chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bureau_app.bar_chart import BarChart
from bureau_app.results_model import ContestResult
from bureau_app.sizing import scale_font
from bureau_app.text import fill


class ResultsView(QWidget):
    """``first_results``: results appeared where there were none (the count just finished)."""

    first_results = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Résultats des scrutins"))
        self._contests: list[ContestResult] = []

        title = QLabel(self.tr("Résultats"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : résultats"))
        self.contest_box = QComboBox()
        self.contest_box.setAccessibleName(self.tr("Choix du scrutin"))
        choose = QLabel(self.tr("&Scrutin :"))
        choose.setBuddy(self.contest_box)
        choose.setAccessibleName(self.tr("Scrutin"))
        chooser = QHBoxLayout()
        chooser.addWidget(choose)
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

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Inscrits, votants et blancs"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Tableau des voix par liste"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Liste"), self.tr("Voix"), self.tr("% des exprimés"), self.tr("Sièges")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.projection_hint)
        layout.addLayout(actions)
        self.contest_box.currentIndexChanged.connect(self._show)
        self._show(-1)

    def set_results(self, contests: Sequence[ContestResult]) -> None:
        first = not self._contests and bool(contests)
        if list(contests) == self._contests:
            return  # refreshed after every step: keep the chosen contest
        self._contests = list(contests)
        self.project_button.setEnabled(bool(contests))
        self.contest_box.blockSignals(True)
        self.contest_box.clear()
        self.contest_box.addItems([contest.title for contest in contests])
        self.contest_box.blockSignals(False)
        self._show(0 if contests else -1)
        if first:
            self.first_results.emit()

    @property
    def contests(self) -> list[ContestResult]:
        return list(self._contests)

    def current_contest(self) -> ContestResult | None:
        index = self.contest_box.currentIndex()
        return self._contests[index] if 0 <= index < len(self._contests) else None

    def _show(self, index: int) -> None:
        contest = self._contests[index] if 0 <= index < len(self._contests) else None
        self.chart.set_contest(contest)
        if contest is None:
            self.summary.setText(self.tr("Aucun résultat pour le moment."))
            self.table.setRowCount(0)
            return
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
