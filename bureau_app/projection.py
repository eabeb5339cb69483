"""Large-print projection of the results for the public count: white on black, huge type."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPalette, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bureau_app.appearance import FONT_FAMILY
from bureau_app.bar_chart import BarChart
from bureau_app.results_model import ContestResult
from bureau_app.text import fill
from bureau_app.tie_text import tie_sentence

_TITLE_POINTS = 44
_BODY_POINTS = 30
_SMALLEST_POINTS = 10
_TIES_POINTS = 20


class ProjectionWindow(QWidget):
    """Shows one scrutin at a time; PageDown/→ next, PageUp/← previous, Échap closes."""

    def __init__(
        self,
        contests: Sequence[ContestResult],
        parent: QWidget | None = None,
        *,
        training: bool = False,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._contests = list(contests)
        self._index = 0
        self.setWindowTitle(self.tr("Projection des résultats"))
        self.setAccessibleName(self.tr("Projection des résultats en grands caractères"))
        palette = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "#000000"),
            (QPalette.ColorRole.WindowText, "#ffffff"),
            (QPalette.ColorRole.Base, "#000000"),
            (QPalette.ColorRole.Text, "#ffffff"),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        self.title = self._label(_TITLE_POINTS, bold=True, name=self.tr("Scrutin projeté"))
        self.summary = self._label(_BODY_POINTS, name=self.tr("Inscrits, votants et blancs"))
        self.ties = self._label(_TIES_POINTS, name=self.tr("Égalités départagées"))
        self.chart = BarChart(on_dark=True)
        chart_font = QFont(FONT_FAMILY)
        chart_font.setPointSize(_BODY_POINTS)
        self.chart.setFont(chart_font)
        self.chart.setPalette(palette)
        self.footer = self._label(18, name=self.tr("Aide à la navigation"))
        self.footer.setStyleSheet("color: #d0d0d0;")

        self.banner = QLabel(self.tr("ENTRAÎNEMENT — sans valeur légale"))
        banner_font = QFont(FONT_FAMILY)
        banner_font.setPointSize(20)
        banner_font.setBold(True)
        self.banner.setFont(banner_font)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("background: #ffd200; color: #000000; padding: 6px;")
        self.banner.setAccessibleName(self.tr("Avertissement : entraînement"))
        self.banner.setVisible(training)

        # The same by mouse, discreet under the figures; never focused, so the keys
        # above keep reaching the window.
        self.previous_button = self._button(
            self.tr("◀ Précédent"), self.tr("Scrutin précédent"), self.previous_contest
        )
        self.next_button = self._button(
            self.tr("Suivant ▶"), self.tr("Scrutin suivant"), self.next_contest
        )
        self.screen_button = self._button(
            self.tr("Plein écran"),
            self.tr("Passer du plein écran à une fenêtre, ou l'inverse"),
            self.toggle_full_screen,
        )
        self.close_button = self._button(
            self.tr("Fermer"), self.tr("Fermer la projection"), self.close
        )
        controls = QHBoxLayout()
        controls.addWidget(self.previous_button)
        controls.addWidget(self.next_button)
        controls.addStretch(1)
        controls.addWidget(self.screen_button)
        controls.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.ties)
        layout.addWidget(self.footer)
        layout.addLayout(controls)

        # Keys, not shortcuts: the window has no focusable child, so it gets every key.
        self._keys = {
            Qt.Key.Key_PageDown: self.next_contest,
            Qt.Key.Key_Right: self.next_contest,
            Qt.Key.Key_Space: self.next_contest,
            Qt.Key.Key_PageUp: self.previous_contest,
            Qt.Key.Key_Left: self.previous_contest,
            Qt.Key.Key_Escape: self.close,
            Qt.Key.Key_F11: self.toggle_full_screen,
        }
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self._keys.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setStyleSheet(
            "QPushButton { color: #d0d0d0; background: #202020; border: 1px solid #606060;"
            " padding: 4px 10px; font-size: 12pt; }"
            " QPushButton:disabled { color: #505050; border-color: #303030; }"
        )
        button.clicked.connect(slot)
        return button

    def _label(self, points: int, *, name: str, bold: bool = False) -> QLabel:
        label = QLabel()
        font = QFont(FONT_FAMILY)
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    @property
    def index(self) -> int:
        return self._index

    def next_contest(self) -> None:
        if self._index + 1 < len(self._contests):
            self._index += 1
            self._show()

    def previous_contest(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def chart_points(self) -> int:
        """The chart's text size: the largest (up to 30 pt) at which every label and bar fits."""
        return self.chart.font().pointSize()

    def _fit(self) -> None:
        """Shrink the type until every list's label fits in width and every row in height.

        The projection is read from the back of the room: as large as possible,
        but a figure cut off at the edge would be worse than smaller type. The
        title and the summary shrink with the chart, so that the figures, not
        the heading, get the room.
        """
        if not self._contests:
            return
        contest = self._contests[self._index]
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        width = max(100, self.width() - margins.left() - margins.right())
        rows = max(1, len(contest.lists))
        font = QFont(self.chart.font())
        points = _BODY_POINTS
        while True:
            self._set_points(self.title, max(22, round(points * _TITLE_POINTS / _BODY_POINTS)))
            self._set_points(self.summary, max(16, points))
            labels = (self.banner, self.title, self.summary, self.ties, self.footer)
            # Wrapped labels: their height at this width (their size hint assumes a narrower one).
            taken = sum(
                label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
                for label in labels
                if not label.isHidden()
            )
            taken += self.close_button.sizeHint().height()
            height = self.height() - margins.top() - margins.bottom() - taken - 5 * 12
            font.setPointSize(points)
            metrics = QFontMetricsF(font)
            line = metrics.height()
            widest = max(
                (metrics.horizontalAdvance(self.chart.label(entry)) for entry in contest.lists),
                default=0.0,
            )
            fits = widest + 2 * line <= width and rows * line * 2.8 + line <= height
            if fits or points <= _SMALLEST_POINTS:
                break
            points -= 1
        self.chart.setFont(font)

    @staticmethod
    def _set_points(label: QLabel, points: int) -> None:
        font = QFont(label.font())
        if font.pointSize() != points:
            font.setPointSize(points)
            label.setFont(font)

    def _show(self) -> None:
        if not self._contests:
            self.title.setText(self.tr("Aucun résultat à projeter"))
            self.summary.clear()
            self.chart.set_contest(None)
            self.ties.hide()
            self.footer.setText(self.tr("Échap : fermer"))
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        contest = self._contests[self._index]
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index + 1 < len(self._contests))
        locale = QLocale()
        self.title.setText(contest.title)
        self.summary.setText(
            fill(
                self.tr("Inscrits %1 · Votants %2 · Blancs %3"),
                locale.toString(contest.registered),
                locale.toString(contest.voters_cast),
                locale.toString(contest.blank),
            )
        )
        self.chart.set_contest(contest)
        self.ties.setText("\n".join(tie_sentence(tie) for tie in contest.ties))
        self.ties.setVisible(bool(contest.ties))
        self._fit()
        self.footer.setText(
            fill(
                self.tr(
                    "Scrutin %1 sur %2 · Page suivante / précédente : changer · "
                    "F11 : plein écran · Échap : fermer"
                ),
                str(self._index + 1),
                str(len(self._contests)),
            )
        )


def projection_screen(main: QWidget | None) -> QScreen:
    """The screen for the public: another screen than the bureau's window when there is one."""
    screens = QApplication.screens()
    own = main.screen() if main is not None else QApplication.primaryScreen()
    others = [screen for screen in screens if screen is not own]
    return others[0] if others else own


def open_projection(
    contests: Sequence[ContestResult], main: QWidget | None, *, training: bool = False
) -> ProjectionWindow:
    """The projection, full screen on the public's screen (F11 leaves full screen)."""
    window = ProjectionWindow(contests, training=training)
    screen = projection_screen(main)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()
    return window
