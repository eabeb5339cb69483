"""Bundles for the platform are written to the folder the bureau chooses (removable media)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def test_seal_and_decisions_go_to_the_chosen_folder_and_nothing_without_one(
    qtbot, app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bureau_app.platform_sources import SEAL_FILE, FilePlatform

    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []

    def choose(_parent: QWidget, title: str) -> Path:
        asked.append(title)
        return tmp_path / "usb"

    platform = FilePlatform(choose_folder=choose)
    seal = platform.deliver_seal(parent)
    decision = platform.deliver_decision(parent, "decision-01-suspend.zip")
    assert seal is not None and decision is not None
    seal(b"seal bytes")
    decision(b"decision bytes")
    assert (tmp_path / "usb" / SEAL_FILE).read_bytes() == b"seal bytes"
    assert (tmp_path / "usb" / "decision-01-suspend.zip").read_bytes() == b"decision bytes"
    assert asked == [
        "Dossier où écrire le scellement (clé USB)",
        "Dossier où écrire la décision (clé USB)",
    ]

    cancelled = FilePlatform(choose_folder=lambda _parent, _title: None)
    assert cancelled.deliver_decision(parent, "decision-02-resume.zip") is None
    assert cancelled.deliver_seal(parent) is None
