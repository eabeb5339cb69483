"""The main window: phases on the left, the selected phase's page on the right.

It shows what the engine adapter gives it (``set_phases``) and reports the
user's requests (``action_requested``); it decides nothing about the ceremony.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bureau_app.about_dialog import AboutDialog
from bureau_app.appearance import Appearance, apply_appearance, load_appearance, save_appearance
from bureau_app.expert_view import ExpertView
from bureau_app.journal_view import JournalView
from bureau_app.phase_model import PhaseView
from bureau_app.phase_page import PhasePage
from bureau_app.phase_panel import PhasePanel
from bureau_app.pv_preview import PvPreview
from bureau_app.results_view import ResultsView
from bureau_app.sizing import scale_font
from bureau_app.worker import JobRunner
from ceremony.fingerprint import ApplicationFiles


class BureauWindow(QMainWindow):
    action_requested = Signal(str)
    optional_action_requested = Signal(str, str)  # phase key, action key
    projection_requested = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._appearance = load_appearance(settings)
        self.setWindowTitle(self.tr("Bureau de vote électronique"))
        self.setAccessibleName(self.tr("Fenêtre principale du bureau de vote"))

        self.bureau_label = QLabel(self.tr("Bureau de vote électronique"))
        self.bureau_label.setAccessibleName(self.tr("Nom du bureau"))
        self.bureau_label.setWordWrap(True)
        scale_font(self.bureau_label, 1.1, bold=True)

        self.panel = PhasePanel()
        self.journal_button = QPushButton(self.tr("&Journal"))
        self.journal_button.setAccessibleName(self.tr("Ouvrir le journal"))
        self.results_button = QPushButton(self.tr("&Résultats"))
        self.results_button.setAccessibleName(self.tr("Ouvrir les résultats"))
        self.expert_button = QPushButton(self.tr("Mode e&xpert"))
        self.expert_button.setAccessibleName(self.tr("Ouvrir le mode expert"))

        side = QVBoxLayout()
        side.addWidget(self.bureau_label)
        side.addWidget(self.panel, 1)
        side.addWidget(self.journal_button)
        side.addWidget(self.results_button)
        side.addWidget(self.expert_button)

        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Contenu de l'étape choisie"))
        self.close_refusal: QMessageBox | None = None
        self.pages: dict[str, PhasePage] = {}
        self._views: list[PhaseView] = []
        self._shown: dict[str, PhaseView] = {}
        self.runner = JobRunner(parent=self)
        # The fingerprint recorded in the exported seal (``sha256:…``), set by the adapter.
        self.sealed_fingerprint: str | None = None
        # Which files make "this installation" (None: the running application's).
        self.application_files: ApplicationFiles | None = None
        self.about: AboutDialog | None = None
        self.journal_view = JournalView()
        self.results_view = ResultsView()
        self.expert_view = ExpertView(self.runner)
        self.pv_preview = PvPreview(self.runner)
        for view in (self.journal_view, self.results_view, self.expert_view, self.pv_preview):
            self.stack.addWidget(view)

        central = QWidget()
        row = QHBoxLayout(central)
        row.addLayout(side, 0)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.panel.phase_selected.connect(self.show_phase)
        self.journal_button.clicked.connect(self.show_journal)
        self.results_button.clicked.connect(self.show_results)
        self.expert_button.clicked.connect(self.show_expert)
        self._make_menus()
        self.statusBar().setAccessibleName(self.tr("Barre d'état"))
        self.resize(1100, 760)

    # --- what the adapter calls ---------------------------------------------------------

    def set_bureau_name(self, name: str) -> None:
        self.bureau_label.setText(name)

    def set_phases(self, views: Sequence[PhaseView], *, force: bool = False) -> None:
        """Show the phases; pages are created once per key and updated in place.

        A page whose view is unchanged is left alone (``force`` redraws all,
        for a new theme or text size): the adapter refreshes after every step
        and redrawing ten pages would hold the event loop for nothing.
        """
        views = list(views)
        for number, view in enumerate(views, start=1):
            page = self.pages.get(view.key)
            if page is None:
                page = PhasePage(number, len(views))
                page.action_requested.connect(self.action_requested)
                page.optional_action_requested.connect(self.optional_action_requested)
                self.pages[view.key] = page
                self.stack.addWidget(page)
            elif not force and self._shown.get(view.key) == view:
                continue
            page.show_view(view)
            self._shown[view.key] = view
        if force or views != self._views:
            self.panel.set_phases(views)
        self._views = views

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Closing mid-operation would leave a step half-done for the journal to sort out.
        if self.runner.busy:
            event.ignore()
            self.close_refusal = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Opération en cours"),
                self.tr(
                    "Une opération est en cours. Attendez qu'elle se termine avant de "
                    "fermer l'application."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.close_refusal.setAccessibleName(self.tr("Fermeture refusée"))
            ok = self.close_refusal.button(QMessageBox.StandardButton.Ok)
            ok.setAccessibleName(self.tr("J'ai compris"))
            self.close_refusal.open()
            return
        super().closeEvent(event)

    # --- navigation ---------------------------------------------------------------------

    def show_phase(self, key: str) -> None:
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if self.panel.selected_key() != key:
            self.panel.select_key(key)

    def current_page(self) -> PhasePage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, PhasePage) else None

    def show_journal(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.journal_view)
        self.journal_view.search.setFocus()

    def show_results(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.results_view)
        self.results_view.contest_box.setFocus()

    def show_expert(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.expert_view)
        self.expert_view.open_file_button.setFocus()

    def show_pv(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.pv_preview)
        self.pv_preview.export_button.setFocus()

    def show_about(self) -> AboutDialog:
        """« À propos de Bureau », with the fingerprint comparison once sealed."""
        self.about = AboutDialog(
            self.runner, self.sealed_fingerprint, self.application_files, parent=self
        )
        self.about.open()
        return self.about

    def trigger_next_action(self) -> None:
        page = self.current_page()
        if page is not None and page.action_button.isEnabled():
            page.action_button.click()

    # --- appearance ---------------------------------------------------------------------

    @property
    def appearance(self) -> Appearance:
        return self._appearance

    def set_appearance(self, appearance: Appearance) -> None:
        self._appearance = appearance
        save_appearance(self._settings, appearance)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, appearance)
        self.contrast_action.setChecked(appearance.high_contrast)
        # State colours and the action button's style depend on the theme.
        current = self.stack.currentWidget()
        self.set_phases(self._views, force=True)
        if current is not None:
            self.stack.setCurrentWidget(current)

    def grow_text(self) -> None:
        self.set_appearance(self._appearance.with_point_size(self._appearance.point_size + 1))

    def shrink_text(self) -> None:
        self.set_appearance(self._appearance.with_point_size(self._appearance.point_size - 1))

    def reset_text(self) -> None:
        self.set_appearance(Appearance(high_contrast=self._appearance.high_contrast))

    def set_high_contrast(self, enabled: bool) -> None:
        self.set_appearance(Appearance(self._appearance.point_size, enabled))

    def _make_menus(self) -> None:
        view = self.menuBar().addMenu(self.tr("&Affichage"))
        self.grow_action = self._action(
            view,
            self.tr("A&grandir le texte"),
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
            self.grow_text,
        )
        self.shrink_action = self._action(
            view,
            self.tr("&Réduire le texte"),
            [QKeySequence("Ctrl+-")],
            self.shrink_text,
        )
        self.reset_action = self._action(
            view, self.tr("Taille de texte &normale"), [QKeySequence("Ctrl+0")], self.reset_text
        )
        view.addSeparator()
        self.contrast_action = QAction(self.tr("&Contraste élevé"), self)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(self._appearance.high_contrast)
        self.contrast_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.contrast_action.toggled.connect(self.set_high_contrast)
        view.addAction(self.contrast_action)
        self.addAction(self.contrast_action)
        view.addSeparator()
        self.projection_action = self._action(
            view, self.tr("Mode &projection"), [QKeySequence("F5")], self.projection_requested.emit
        )
        go = self.menuBar().addMenu(self.tr("A&ller à"))
        self._action(go, self.tr("&Journal"), [QKeySequence("Ctrl+J")], self.show_journal)
        self._action(go, self.tr("&Résultats"), [QKeySequence("Ctrl+R")], self.show_results)
        self._action(go, self.tr("Mode e&xpert"), [QKeySequence("Ctrl+Shift+X")], self.show_expert)
        self._action(
            go, self.tr("Liste des é&tapes"), [QKeySequence("Ctrl+E")], self.panel.setFocus
        )
        self.next_action = self._action(
            go,
            self.tr("Lancer la &prochaine action"),
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self.trigger_next_action,
        )

        help_menu = self.menuBar().addMenu(self.tr("Ai&de"))
        self.about_action = self._action(
            help_menu, self.tr("À &propos de Bureau"), [QKeySequence("F1")], self.show_about
        )

    def _action(
        self, menu: QMenu, text: str, keys: list[QKeySequence], slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action
