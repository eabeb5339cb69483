"""Interface language: French is the source; English comes from Qt translation files."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from bureau_app.resources import TRANSLATIONS

LANGUAGES = ("fr", "en")

# Qt 6's own French catalogue lacks a few strings its file and print dialogs show
# (their source text gained a "&" since the catalogue was made): completed here.
_QT_GAPS_FR = {
    "&Look in:": "&Voir dans\u00a0:",
    "Files of &type:": "&Type de fichier\u00a0:",
    "Page &Set:": "&Jeu de pages\u00a0:",
}


class _QtGaps(QTranslator):
    """Translations Qt's catalogue misses, by source text (any context)."""

    def __init__(self, table: dict[str, str], parent: QApplication) -> None:
        super().__init__(parent)
        self._table = table

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": an empty string would blank every other text of Qt's dialogs.
        return self._table.get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802
        return False


_installed = {"language": "fr"}


def current_language() -> str:
    """The interface language installed last ("fr" until one is installed)."""
    return _installed["language"]


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """The requested language, else English on an English system, else French."""
    if requested is not None:
        if requested not in LANGUAGES:
            raise ValueError(f"unsupported language {requested!r}")
        return requested
    locale = system if system is not None else QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "fr"


def install_language(app: QApplication, language: str) -> None:
    """Install our translation and Qt's own (standard buttons) for ``language``.

    Calling it again switches language: earlier translators are removed first.
    """
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
    if language == "fr":
        app.installTranslator(_QtGaps(_QT_GAPS_FR, app))
    if language != "fr":
        ours = QTranslator(app)
        if not ours.load(f"bureau_{language}", str(TRANSLATIONS)):
            raise FileNotFoundError(f"missing translation bureau_{language}.qm in {TRANSLATIONS}")
        app.installTranslator(ours)
    locale = QLocale(QLocale.Language.English if language == "en" else QLocale.Language.French)
    QLocale.setDefault(locale)
    _installed["language"] = language
