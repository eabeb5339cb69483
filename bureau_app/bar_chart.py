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

    def label_width(self) -> int:
        """The widest label as drawn, margins included: narrower would cut a figure."""
        if self._contest is None or not self._contest.lists:
            return 0
        metrics = QFontMetricsF(self.font())
        widest = max(
            metrics.horizontalAdvance(typeset(self.label(entry))) for entry in self._contest.lists
        )
        return int(widest + 2 * metrics.height()) + 1

    def _label_heights(self, width: float) -> list[float]:
        """Each label's height when wrapped to ``width``: a long name takes two lines."""
        assert self._contest is not None
        metrics = QFontMetricsF(self.font())
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return [
            metrics.boundingRect(
                QRectF(0, 0, max(width, 1.0), 1e6), flags, typeset(self.label(entry))
            ).height()
            for entry in self._contest.lists
        ]

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        line = QFontMetricsF(self.font()).height()
        if self._contest is None or not self._contest.lists:
            return int(3 * line * 2.8 + line)
        labels = self._label_heights(width - 2 * line)
        return int(sum(labels) + len(labels) * line * 1.8 + line / 2) + 1

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # One line per label: the projection shrinks its type to that; a page that lets the
        # names wrap sets the height from ``heightForWidth`` itself (results_view).
        rows = len(self._contest.lists) if self._contest else 3
        line = QFontMetricsF(self.font()).height()
        return QSize(200, int(rows * line * 2.8 + line))

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(500, self.label_width())
        return QSize(width, self.heightForWidth(width))

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
        labels = self._label_heights(width)
        rows = len(contest.lists)
        # Each row: the label (wrapped, never cut), the bar, then a gap of half a line.
        spare = (self.height() - line / 2 - sum(labels) - rows * line * 0.6) / rows
        bar_height = max(line * 0.6, min(line * 1.2, spare))
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        y = line / 4
        for entry, label_height in zip(contest.lists, labels, strict=True):
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(line, y, width, label_height), flags, typeset(self.label(entry))
            )
            y += label_height + line * 0.1
            bar_width = max(2.0, width * entry.votes / top_votes)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar_colour)
            painter.drawRect(QRectF(line, y, bar_width, bar_height))
            y += bar_height + line * 0.5
        painter.end()
