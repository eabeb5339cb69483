"""A horizontal bar chart drawn with QPainter (Qt Charts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from bureau_app.appearance import is_high_contrast
from bureau_app.results_model import ContestResult, ListResult
from bureau_app.text import fill, typeset

# Bars are one colour: the lists are told apart by their written names, which
# is fairer to candidates than a palette that favours some hues.
_BAR = QColor("#0b5cad")
_BAR_CONTRAST = QColor("#ffe000")


class BarChart(QWidget):
    """Votes per list as horizontal bars, each labelled with name, votes, share and seats."""

    def __init__(self, parent: QWidget | None = None, *, on_dark: bool = False) -> None:
        super().__init__(parent)
        self._contest: ContestResult | None = None
        self._on_dark = on_dark
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Graphique des voix par liste"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_contest(self, contest: ContestResult | None) -> None:
        self._contest = contest
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def label(self, entry: ListResult) -> str:
        assert self._contest is not None
        locale = QLocale()
        template = (
            self.tr("%1 : 1 voix (%3 %)") if entry.votes == 1 else self.tr("%1 : %2 voix (%3 %)")
        )
        text = fill(
            template,
            entry.name,
            locale.toString(entry.votes),
            locale.toString(100 * self._contest.share(entry), "f", 1),
        )
        if entry.seats is not None:
            seats = (self.tr("aucun siège"), self.tr("1 siège"), self.tr("%1 sièges"))
            text += " · " + fill(seats[min(entry.seats, 2)], locale.toString(entry.seats))
        return text

    def describe(self) -> str:
        """The chart in words, for screen readers."""
        if self._contest is None:
            return ""
        return " ; ".join(self.label(entry) for entry in self._contest.lists)

    def sizeHint(self) -> QSize:  # noqa: N802
        rows = len(self._contest.lists) if self._contest else 3
        line = QFontMetricsF(self.font()).height()
        return QSize(500, int(rows * line * 2.8 + line))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        contest = self._contest
        if contest is None or not contest.lists:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = QFontMetricsF(self.font()).height()
        text_colour = self.palette().windowText().color()
        bar_colour = _BAR_CONTRAST if (self._on_dark or is_high_contrast()) else _BAR
        top_votes = max(entry.votes for entry in contest.lists) or 1
        width = self.width() - 2 * line
        row_height = (self.height() - line / 2) / len(contest.lists)
        # Each row: the label, then the bar, then a gap of a third of a line.
        bar_height = max(line * 0.6, min(line * 1.2, row_height - line * 1.5))
        for row, entry in enumerate(contest.lists):
            y = line / 4 + row * row_height
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(line, y, width, line), Qt.AlignmentFlag.AlignLeft, typeset(self.label(entry))
            )
            bar_width = max(2.0, width * entry.votes / top_votes)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar_colour)
            painter.drawRect(QRectF(line, y + line * 1.1, bar_width, bar_height))
        painter.end()
