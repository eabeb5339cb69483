"""The training banner: on every screen of a training ceremony, never on a real one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from bureau_app.sizing import scale_font

# Black on signal yellow with a red rule: readable in high contrast and in black and white.
_STYLE = (
    "QLabel { background: #ffd200; color: #000000; border-bottom: 4px solid #b3261e;"
    " padding: 2px; }"
)


class TrainingBanner(QLabel):
    """« ENTRAÎNEMENT — sans valeur légale », hidden until ``set_training(True)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_banner")
        self.setText(self.tr("ENTRAÎNEMENT — sans valeur légale"))
        self.setAccessibleName(self.tr("Avertissement : cérémonie d'entraînement"))
        self.setAccessibleDescription(
            self.tr(
                "Cartes d'entraînement et plateforme simulée : rien de ce qui est fait ici "
                "n'a de valeur légale."
            )
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        scale_font(self, 1.15, bold=True)
        self.setVisible(False)

    def set_training(self, training: bool) -> None:
        self.setVisible(training)


_DIALOG_BANNER = "dialog_training_banner"


class DialogBanners(QObject):
    """The same banner across the top of every dialog opened during a training ceremony.

    Installed on the application once training is known: each dialog (card and quorum
    prompts, codes, decision, drawing of lots, errors, print and file dialogs) gets a
    banner in its top margin when it is first polished, whatever its own layout is, so
    a dialog never looks like the real thing.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.Polish, QEvent.Type.Resize):
            return False
        if not isinstance(watched, QDialog):
            return False
        owner = self.parent()
        if isinstance(owner, QWidget) and not owner.isVisible():
            return False  # the training window closed (its deletion may still be pending)
        banner = watched.findChild(TrainingBanner, _DIALOG_BANNER)
        if kind == QEvent.Type.Polish and banner is None:
            self._add(watched)
        elif kind == QEvent.Type.Resize and banner is not None:
            self._place(watched, banner)
        return False

    def _add(self, dialog: QDialog) -> None:
        banner = TrainingBanner(dialog)
        banner.setObjectName(_DIALOG_BANNER)
        scale_font(banner, 1.0 / 1.15)  # a little smaller than the main window's
        banner.set_training(True)
        # One line, and the dialog at least as wide: the margin below is that line's height.
        banner.setWordWrap(False)
        dialog.setMinimumWidth(max(dialog.minimumWidth(), banner.sizeHint().width() + 24))
        height = banner.sizeHint().height()
        margins = dialog.contentsMargins()
        dialog.setContentsMargins(
            margins.left(), margins.top() + height, margins.right(), margins.bottom()
        )
        if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
            # Sized already by its constructor: the banner must not squeeze what it says.
            dialog.resize(dialog.width(), dialog.height() + height)
        self._place(dialog, banner)

    def _place(self, dialog: QDialog, banner: TrainingBanner) -> None:
        needed = banner.sizeHint().width() + 24
        if dialog.width() < needed:
            # A message box fixes its own size from its text: widen it to the banner's.
            dialog.setMaximumWidth(max(dialog.maximumWidth(), needed))
            dialog.setMinimumWidth(needed)
            dialog.resize(needed, dialog.height())
            return
        banner.setGeometry(0, 0, dialog.width(), banner.sizeHint().height())
        banner.raise_()


def show_on_dialogs(app: QApplication, owner: QObject) -> DialogBanners:
    """While ``owner`` (the training window) lives, every dialog carries the banner."""
    banners = DialogBanners(owner)
    app.installEventFilter(banners)
    return banners
