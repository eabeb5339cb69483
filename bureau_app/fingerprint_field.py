"""Entering a 64-character key fingerprint by hand: groups of four, a monospace font, and
a verdict as the member types (complete and identical, different, or not finished yet).

A fingerprint is read out loud by the organiser and typed here; one wrong character
must be visible at once, and a short entry is "not finished", never "different".
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from bureau_app.text import fill

FINGERPRINT_LENGTH = 64
_HEX = frozenset("0123456789abcdef")

translate = QCoreApplication.translate


def group_fingerprint(key_id: str) -> str:
    """Groups of four characters: easier to read out loud and compare."""
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def normalise(text: str) -> str:
    """The characters that count: no spaces, lower case."""
    return "".join(text.split()).lower()


class Verdict(Enum):
    INCOMPLETE = "incomplete"
    INVALID = "invalid"
    MISMATCH = "mismatch"
    MATCH = "match"
    COMPLETE = "complete"
    """64 valid characters and nothing to compare with: the bureau compares by reading."""


def first_difference(typed: str, expected: str) -> int | None:
    """Index of the first typed character that differs from ``expected`` (None: none)."""
    return next((i for i, (a, b) in enumerate(zip(typed, expected, strict=False)) if a != b), None)


def verdict(typed: str, expected: str | None) -> Verdict:
    key = normalise(typed)
    if any(c not in _HEX for c in key):
        return Verdict.INVALID
    if expected and first_difference(key, normalise(expected)) is not None:
        return Verdict.MISMATCH
    if len(key) < FINGERPRINT_LENGTH:
        return Verdict.INCOMPLETE
    if len(key) > FINGERPRINT_LENGTH:
        return Verdict.INVALID
    return Verdict.MATCH if expected else Verdict.COMPLETE


def verdict_text(typed: str, expected: str | None) -> str:
    key = normalise(typed)
    shown = verdict(typed, expected)
    if shown is Verdict.INVALID:
        bad = next((c for c in key if c not in _HEX), None)
        if bad is not None:
            return fill(
                translate(
                    "FingerprintField",
                    "Caractère « %1 » impossible : une empreinte n'a que les chiffres 0 à 9 et "
                    "les lettres a à f.",
                ),
                bad,
            )
        return fill(
            translate("FingerprintField", "Trop long : %1 caractères pour %2 attendus."),
            str(len(key)),
            str(FINGERPRINT_LENGTH),
        )
    if shown is Verdict.MISMATCH:
        assert expected is not None
        index = first_difference(key, normalise(expected))
        assert index is not None
        return fill(
            translate(
                "FingerprintField",
                "Différente : le caractère n° %1 (groupe %2) ne correspond pas. "
                "Vérifiez la saisie avec l'organisateur.",
            ),
            str(index + 1),
            str(index // 4 + 1),
        )
    if shown is Verdict.INCOMPLETE:
        return fill(
            translate(
                "FingerprintField", "Incomplète : %1 caractères sur %2. Continuez la saisie."
            ),
            str(len(key)),
            str(FINGERPRINT_LENGTH),
        )
    if shown is Verdict.MATCH:
        return translate(
            "FingerprintField", "Identique, caractère par caractère, à l'empreinte attendue."
        )
    return translate(
        "FingerprintField",
        "Complète : %1 caractères. Relisez-la groupe par groupe avec l'organisateur.",
    ).replace("%1", str(FINGERPRINT_LENGTH))


class FingerprintField(QWidget):
    """A line edit that keeps the entry in groups of four, and a verdict line under it."""

    verdict_changed = Signal(str)  # the Verdict value

    def __init__(
        self, expected: str | None = None, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.expected = normalise(expected) if expected else None
        self.edit = QLineEdit()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.15)
        self.edit.setFont(font)
        self.edit.setMaxLength(FINGERPRINT_LENGTH + FINGERPRINT_LENGTH // 4 + 8)
        self.edit.setPlaceholderText(group_fingerprint("0" * FINGERPRINT_LENGTH).replace("0", "·"))
        # Room for the whole key: 64 characters, 15 spaces and a margin.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 84))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("FingerprintField", "Résultat de la comparaison"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.edit.textEdited.connect(self._regroup)
        self.edit.textChanged.connect(self._update)
        self.edit.setText(group_fingerprint(normalise(text)))
        self._update()

    def key_id(self) -> str:
        return normalise(self.edit.text())

    def verdict(self) -> Verdict:
        return verdict(self.edit.text(), self.expected)

    def acceptable(self) -> bool:
        return self.verdict() in {Verdict.MATCH, Verdict.COMPLETE}

    def _regroup(self, text: str) -> None:
        # Keep the cursor after the same character once the spaces are put back.
        cursor = self.edit.cursorPosition()
        before = len(normalise(text[:cursor]))
        grouped = group_fingerprint(normalise(text))
        if grouped == text:
            return
        position = 0
        seen = 0
        while position < len(grouped) and seen < before:
            if not grouped[position].isspace():
                seen += 1
            position += 1
        self.edit.setText(grouped)
        self.edit.setCursorPosition(position)

    def _update(self) -> None:
        shown = self.verdict()
        self.status.setText(verdict_text(self.edit.text(), self.expected))
        colour = {
            Verdict.MATCH: "#1b6e20",
            Verdict.COMPLETE: "#1b6e20",
            Verdict.MISMATCH: "#b00020",
            Verdict.INVALID: "#b00020",
        }.get(shown)
        weight = "bold" if colour else "normal"
        self.status.setStyleSheet(f"color: {colour}; font-weight: {weight};" if colour else "")
        self.verdict_changed.emit(shown.value)
