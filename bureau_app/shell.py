"""The main window: phases on the left, the selected phase's page on the right.

It shows what the engine adapter gives it (``set_phases``) and reports the
user's requests (``action_requested``); it decides nothing about the ceremony.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bureau_app.about_dialog import AboutDialog
from bureau_app.appearance import Appearance, apply_appearance, load_appearance, save_appearance
from bureau_app.banner import DialogBanners, TrainingBanner, show_on_dialogs
from bureau_app.expert_view import ExpertView
from bureau_app.help import HelpDialog
from bureau_app.journal_view import JournalView
from bureau_app.phase_model import PhaseState, PhaseView
from bureau_app.phase_page import PhasePage
from bureau_app.phase_panel import PhasePanel
from bureau_app.pv_preview import PvPreview
from bureau_app.results_view import ResultsView
from bureau_app.sizing import scale_font
from bureau_app.summary_view import EndSummary
from bureau_app.text import fill
from bureau_app.worker import JobRunner
from ceremony.fingerprint import ApplicationFiles

# What the Fichier menu asks for: "new", "open", "training" or "expert" (the launcher
# starts another window of the application; one window per ceremony).
Launcher = Callable[[str], object]


log = logging.getLogger(__name__)


class BureauWindow(QMainWindow):
    action_requested = Signal(str)
    optional_action_requested = Signal(str, str)  # phase key, action key
    projection_requested = Signal()
    launch_requested = Signal(str)  # "new", "open", "training", "expert"
    card_action_requested = Signal(str)  # "show", "check", "unblock", "wipe" (Cartes menu)

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

        self.bureau_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.training = False
        self.banner = TrainingBanner()
        self.dialog_banners: DialogBanners | None = None
        self.help_dialog: HelpDialog | None = None

        self.panel = PhasePanel()
        self.journal_button = QPushButton(self.tr("&Journal"))
        self.journal_button.setAccessibleName(self.tr("Ouvrir le journal"))
        self.results_button = QPushButton(self.tr("&Résultats"))
        self.results_button.setAccessibleName(self.tr("Ouvrir les résultats"))
        self.expert_button = QPushButton(self.tr("Mode e&xpert"))
        self.expert_button.setAccessibleName(self.tr("Ouvrir le mode expert"))

        ceremony_side = QWidget()
        side = QVBoxLayout(ceremony_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(3)  # the ten steps fit 1280×720 without a scroll bar
        side.addWidget(self.bureau_label)
        side.addWidget(self.panel, 1)
        side.addWidget(self.journal_button)
        side.addWidget(self.results_button)
        side.addWidget(self.expert_button)

        # In expert mode the left column shows what is being checked, not this bureau's steps.
        expert_side = QWidget()
        expert_column = QVBoxLayout(expert_side)
        expert_column.setContentsMargins(0, 0, 0, 0)
        expert_title = QLabel(self.tr("Vérification indépendante"))
        scale_font(expert_title, 1.1, bold=True)
        expert_title.setWordWrap(True)
        self.expert_subject = QLabel(self.tr("Aucune élection ouverte."))
        self.expert_subject.setAccessibleName(self.tr("Élection en cours de vérification"))
        self.expert_subject.setWordWrap(True)
        self.expert_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expert_subject.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_to_ceremony = QPushButton(self.tr("Retour à la cérémonie"))
        self.back_to_ceremony.setAccessibleName(self.tr("Revenir aux étapes de la cérémonie"))
        self.back_to_ceremony.clicked.connect(self.show_current)
        expert_column.addWidget(expert_title)
        expert_column.addWidget(self.expert_subject)
        expert_column.addStretch(1)
        expert_column.addWidget(self.back_to_ceremony)
        self.side = QStackedWidget()
        self.side.addWidget(ceremony_side)
        self.side.addWidget(expert_side)
        self.side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

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
        self.recount_dialog: QWidget | None = None
        self.journal_view = JournalView()
        self.results_view = ResultsView()
        self.expert_view = ExpertView(self.runner)
        self.pv_preview = PvPreview(self.runner)
        self.summary = EndSummary()
        for view in (
            self.journal_view,
            self.results_view,
            self.expert_view,
            self.pv_preview,
            self.summary,
        ):
            self.stack.addWidget(view)

        central = QWidget()
        column = QVBoxLayout(central)
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.addWidget(self.side, 0)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

        self.panel.phase_selected.connect(self.show_phase)
        self.journal_button.clicked.connect(self.show_journal)
        self.results_button.clicked.connect(self.show_results)
        self.expert_button.clicked.connect(self.show_expert)
        self.results_view.first_results.connect(self._update_links)
        self.results_view.first_results.connect(self._results_arrived)
        self.results_view.project_button.clicked.connect(self.projection_requested.emit)
        self.results_view.back_button.clicked.connect(self.show_current)
        self.pv_preview.back_button.clicked.connect(self.show_current)
        self.pv_preview.document_changed.connect(self._update_links)
        self.expert_view.opened.connect(self._expert_opened)
        self._make_menus()
        self.statusBar().setAccessibleName(self.tr("Barre d'état"))
        self.resize(1100, 760)

    # --- what the adapter calls ---------------------------------------------------------

    def set_bureau_name(self, name: str) -> None:
        self.bureau_label.setText(name)
        self.bureau_label.setToolTip(name)

    def set_training(self, training: bool) -> None:
        """Training ceremony: the banner on every page, the mark on every printed page."""
        self.training = training
        self.banner.set_training(training)
        app = QApplication.instance()
        if training and self.dialog_banners is None and isinstance(app, QApplication):
            self.dialog_banners = show_on_dialogs(app, self)
        elif not training and self.dialog_banners is not None:
            self.dialog_banners.deleteLater()
            self.dialog_banners = None
        self.pv_preview.training = training
        self.summary.training = training

    def set_archive(self, folder: Path | None, files: Mapping[str, str]) -> None:
        """The archive is written: the end-of-ceremony summary knows where and what.

        The engine journals the files, not the folder: the folder chosen is kept in
        the settings under the archive index's hash, so a reopened ceremony finds it.
        """
        index = files.get("archive.json")
        key = f"archives/{index}" if index else None
        if folder is not None and key is not None:
            self._settings.setValue(key, str(folder))
        elif folder is None and key is not None:
            saved = self._settings.value(key)
            folder = Path(str(saved)) if saved else None
        if folder == self.summary.folder and self.summary.table.rowCount():
            return
        first = self.summary.table.rowCount() == 0
        self.summary.set_archive(folder, files)
        self._update_links()
        if first and self.isVisible():
            # The archive was just written: where everything went, before anything else.
            self.show_summary()

    def set_pv_signatures(self, done: int, needed: int) -> None:
        self.pv_preview.set_signatures(done, needed)

    def expert_only(self) -> None:
        """A window for an independent expert: no ceremony, only the verification."""
        self.back_to_ceremony.setVisible(False)
        for action in self._ceremony_actions:
            action.setEnabled(False)
            action.setVisible(False)
        self.setWindowTitle(self.tr("Bureau — vérification par un expert"))
        self.show_expert()

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
                self._add_links(view.key, page)
            elif not force and self._shown.get(view.key) == view:
                continue
            page.show_view(view)
            self._shown[view.key] = view
        if force or views != self._views:
            self.panel.set_phases(views)
        self._views = views
        self._update_links()

    def _add_links(self, key: str, page: PhasePage) -> None:
        """Each step's way to the documents it concerns, and to its help."""
        if key in ("count", "pv"):
            page.add_link(
                "results", self.tr("Voir les résultats"), self.tr("Voir les résultats")
            ).clicked.connect(self.show_results)
        if key == "pv":
            page.add_link(
                "pv",
                self.tr("Relire le procès-verbal"),
                self.tr("Relire le procès-verbal, page par page, avant de le signer"),
            ).clicked.connect(self.show_pv)
        if key == "archived":
            page.add_link(
                "summary",
                self.tr("Documents et empreintes de fin de cérémonie"),
                self.tr("Voir où sont les documents de la cérémonie et leurs empreintes"),
            ).clicked.connect(self.show_summary)
        page.add_link(
            "help", self.tr("Aide de cette étape (F1)"), self.tr("Aide de cette étape")
        ).clicked.connect(self.show_help)

    def _update_links(self) -> None:
        has_results = bool(self.results_view.contests)
        has_pv = self.pv_preview.document is not None
        has_archive = self.summary.folder is not None or self.summary.table.rowCount() > 0
        for page in self.pages.values():
            for key, enabled in (
                ("results", has_results),
                ("pv", has_pv),
                ("summary", has_archive),
            ):
                if key in page.links:
                    page.links[key].setEnabled(enabled)
        self.pv_action.setEnabled(has_pv)

    def _results_arrived(self) -> None:
        # The count just finished in front of the public: show the figures before moving on.
        # Not when a ceremony is reopened (the window is not shown yet then).
        if self.isVisible():
            self.show_results()

    def current_key(self) -> str | None:
        """The ceremony's current phase (not the page being read)."""
        current = next((v.key for v in self._views if v.state is PhaseState.CURRENT), None)
        if current is None and self._views:
            current = self._views[-1].key
        return current

    def show_current(self) -> None:
        """Back to the step the ceremony is at."""
        self.side.setCurrentIndex(0)
        key = self.current_key()
        if key is not None and key in self.pages:
            self.show_phase(key)

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
        self.side.setCurrentIndex(0)
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
        log.info("page shown: results")
        self.results_view.contest_box.setFocus()

    def show_expert(self) -> None:
        self.panel.clearSelection()
        self.side.setCurrentIndex(1)
        self.stack.setCurrentWidget(self.expert_view)
        self.expert_view.open_file_button.setFocus()

    def _expert_opened(self, path: Path) -> None:
        self.expert_subject.setText(fill(self.tr("Élection vérifiée :\n%1"), str(path)))
        self.expert_subject.setToolTip(str(path))

    def show_pv(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.pv_preview)
        self.pv_preview.scroller.setFocus()

    def show_summary(self) -> None:
        self.panel.clearSelection()
        self.stack.setCurrentWidget(self.summary)
        self.summary.table.setFocus()

    def show_recount(self) -> QWidget:
        """Fichier › Recompter à partir d'une archive: its own window, beside this one."""
        from bureau_app.recount_view import RecountDialog

        self.recount_dialog = RecountDialog(self)
        self.recount_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recount_dialog.show()
        return self.recount_dialog

    def show_help(self) -> HelpDialog:
        """F1: the help of the step shown (or the current one), with the session checklists."""
        page = self.current_page()
        key = page.key if page is not None else self.current_key()
        self.help_dialog = HelpDialog(
            key, bureau=self.bureau_label.text(), training=self.training, parent=self
        )
        self.help_dialog.open()
        return self.help_dialog

    def print_current(self) -> None:
        """Ctrl+P: the document on screen (procès-verbal, report), else the step's help."""
        current = self.stack.currentWidget()
        if current is self.pv_preview:
            self.pv_preview.print_document()
        elif current is self.expert_view:
            self.expert_view.print_report()
        else:
            self.show_help().print_shown()

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
        elif self.stack.currentWidget() in (self.results_view, self.pv_preview):
            # The results open by themselves after the count: the shortcut the bureau has
            # been pressing all along says "Continuer" there rather than doing nothing.
            self.show_current()

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
        files = self.menuBar().addMenu(self.tr("&Fichier"))
        for key, text in (
            ("new", self.tr("&Nouvelle cérémonie…")),
            ("open", self.tr("&Ouvrir une cérémonie…")),
            ("training", self.tr("&Entraînement…")),
            ("expert", self.tr("&Vérification par un expert…")),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, k=key: self.launch_requested.emit(k))
            files.addAction(action)
        self.recount_action = self._action(
            files, self.tr("Re&compter à partir d'une archive…"), [], self.show_recount
        )
        files.addSeparator()
        self.pv_action = self._action(
            files, self.tr("&Relire le procès-verbal"), [QKeySequence("Ctrl+Shift+P")], self.show_pv
        )
        self.print_action = self._action(
            files, self.tr("&Imprimer…"), [QKeySequence("Ctrl+P")], self.print_current
        )
        files.addSeparator()
        self._action(files, self.tr("&Quitter"), [QKeySequence("Ctrl+Q")], self.close)
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
        self._ceremony_actions = [
            self._action(
                go, self.tr("Étape en &cours"), [QKeySequence("Ctrl+Home")], self.show_current
            ),
            self._action(go, self.tr("&Journal"), [QKeySequence("Ctrl+J")], self.show_journal),
            self._action(go, self.tr("&Résultats"), [QKeySequence("Ctrl+R")], self.show_results),
            self._action(
                go, self.tr("&Procès-verbal"), [QKeySequence("Ctrl+Shift+V")], self.show_pv
            ),
            self._action(
                go,
                self.tr("&Fin de la cérémonie"),
                [QKeySequence("Ctrl+Shift+F")],
                self.show_summary,
            ),
        ]
        self._action(go, self.tr("Mode e&xpert"), [QKeySequence("Ctrl+Shift+X")], self.show_expert)
        self._ceremony_actions.append(
            self._action(
                go, self.tr("Liste des é&tapes"), [QKeySequence("Ctrl+E")], self.panel.setFocus
            )
        )
        self.next_action = self._action(
            go,
            self.tr("Lancer la &prochaine action"),
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self.trigger_next_action,
        )

        self.cards_menu = self.menuBar().addMenu(self.tr("&Cartes"))
        for key, text in (
            ("show", self.tr("&Voir ce que contient une carte…")),
            ("check", self.tr("Vérifier &ma carte…")),
            ("unblock", self.tr("&Débloquer une carte…")),
            ("wipe", self.tr("E&ffacer une carte…")),
        ):
            card_action = QAction(text, self)
            card_action.triggered.connect(
                lambda _checked=False, k=key: self.card_action_requested.emit(k)
            )
            self.cards_menu.addAction(card_action)
            self._ceremony_actions.append(card_action)
        self._ceremony_actions.append(self.cards_menu.menuAction())

        # "Aid&e": Alt+D stays with "Ouvrir un d&ossier" and the other buttons of the pages.
        help_menu = self.menuBar().addMenu(self.tr("Aid&e"))
        self.help_action = self._action(
            help_menu, self.tr("&Aide de cette étape"), [QKeySequence("F1")], self.show_help
        )
        self.about_action = self._action(
            help_menu, self.tr("À &propos de Bureau"), [], self.show_about
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
