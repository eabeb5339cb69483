"""Starting the application: language, appearance, then the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from bureau_app.appearance import apply_appearance, load_appearance, load_fonts
from bureau_app.i18n import choose_language, install_language
from bureau_app.phase_model import unconnected_phases
from bureau_app.shell import BureauWindow
from ceremony import __version__


class MainWindow(QMainWindow):
    """The bootstrap placeholder, kept while tests/test_gui_smoke.py still checks it.

    The application itself opens ``BureauWindow`` (bureau_app/shell.py).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"Bureau {__version__}")
        label = QLabel("Bureau de vote électronique")
        label.setAccessibleName("Titre de l'application")
        self.setCentralWidget(label)


def make_application(language: str | None, settings: QSettings) -> QApplication:
    """The QApplication with our fonts, the chosen language and the saved appearance."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("bureau-app")
    app.setOrganizationName("Bureau")
    load_fonts()
    install_language(app, choose_language(language))
    apply_appearance(app, load_appearance(settings))
    return app


def run(args: argparse.Namespace) -> int:
    settings = QSettings("Bureau", "bureau-app")
    app = make_application(getattr(args, "lang", None), settings)
    window = BureauWindow(settings)
    # Until the ceremony engine is connected, the frame lists the phases with nothing to do.
    window.set_phases(unconnected_phases())
    window.setWindowTitle(f"{window.windowTitle()} ({__version__})")
    window.show()
    return app.exec()
