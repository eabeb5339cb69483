"""Every page and dialog renders to a PNG; look at them (BUREAU_SCREENSHOTS=DIR keeps them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.fakes import ceremony_at_test_vote, sample_results

pytestmark = pytest.mark.gui


def _save(widget, directory: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = directory / f"{name}.png"
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(path))
    assert path.stat().st_size > 2000  # a real picture, not an empty frame
    return path


def _rows():  # type: ignore[no-untyped-def]
    from bureau_app.journal_view import JournalRow

    return [
        JournalRow(1, "22/11/2026 09:02:11 CET", "Préparation", "—", "definition.import", "OK"),
        JournalRow(
            2,
            "22/11/2026 09:15:40 CET",
            "Cérémonie des clés",
            "présidente (carte 0001)",
            "keys.generate",
            "clé du bureau créée",
        ),
        JournalRow(
            3,
            "22/11/2026 09:31:02 CET",
            "Vote à blanc",
            "délégué liste A (carte 0003), déléguée liste B (carte 0004)",
            "test_vote.tally",
            "20 bulletins, résultat conforme",
        ),
    ]


def _failed_report():  # type: ignore[no-untyped-def]
    from ceremony.errors import CeremonyError
    from ceremony.verify.report import CheckSpec, ReportBuilder, VerificationReport

    builder = ReportBuilder("CSN-2026-psychiatrie.bel")
    builder.passed(CheckSpec("archive.chain", "Chaînage des événements", "Event chain"))
    builder.passed(CheckSpec("election.setup", "Paramètres de l'élection", "Election setup"))
    builder.failed(
        CheckSpec("ballots.valid", "Validité des bulletins", "Ballot validity"),
        CeremonyError(
            "ballot 17: proof rejected",
            user_message="Le bulletin n° 17 a une preuve invalide : il ne peut pas être compté.",
        ),
    )
    builder.not_applicable(
        CheckSpec("tally.result", "Résultat", "Result"),
        "Pas encore de dépouillement.",
        "No tally yet.",
    )
    return VerificationReport(builder.subject, tuple(builder.results))


def test_every_page_and_dialog_renders(qtbot, app, settings, screenshot_dir) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.appearance import Appearance
    from bureau_app.card_prompt import CardEvents, CardPromptDialog, ExpectedCard
    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.pin_dialog import PinDialog
    from bureau_app.progress_dialog import ProgressDialog
    from bureau_app.projection import ProjectionWindow
    from bureau_app.shell import BureauWindow
    from bureau_app.worker import Job
    from ceremony.cards.interface import PinKind
    from ceremony.errors import CeremonyError

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_bureau_name("Bureau de vote — CSN 2026")
    window.set_phases(ceremony_at_test_vote())
    window.journal_view.set_rows(_rows())
    window.results_view.set_results(sample_results())
    window.resize(1200, 800)
    window.show()
    saved = []
    for key in window.pages:
        window.show_phase(key)
        saved.append(_save(window, screenshot_dir, f"page-{key}"))
    window.show_journal()
    saved.append(_save(window, screenshot_dir, "journal"))
    window.show_results()
    saved.append(_save(window, screenshot_dir, "results"))
    window.expert_view.report_view.set_report(_failed_report())
    window.show_expert()
    saved.append(_save(window, screenshot_dir, "expert"))

    window.set_appearance(Appearance(point_size=16, high_contrast=True))
    window.show_phase("test_vote")
    qtbot.wait(50)  # let the palette and font change events through
    saved.append(_save(window, screenshot_dir, "page-test_vote-high-contrast"))
    window.set_appearance(Appearance())

    events = CardEvents()
    prompt = CardPromptDialog(
        ExpectedCard("Dr Marie Dupont", "présidente", "de la présidente", serial="0001"),
        events,
    )
    qtbot.addWidget(prompt)
    prompt.show()
    saved.append(_save(prompt, screenshot_dir, "dialog-card-waiting"))
    events.card_inserted.emit("0042")
    saved.append(_save(prompt, screenshot_dir, "dialog-card-wrong"))

    pin = PinDialog("Dr Marie Dupont", tries_remaining=3)
    qtbot.addWidget(pin)
    pin.show()
    qtbot.keyClicks(pin.field, "123456")
    saved.append(_save(pin, screenshot_dir, "dialog-pin"))
    new = PinDialog(
        "",
        None,
        kind=PinKind.NEW_USER,
        message="[ENTRAÎNEMENT] Choisissez votre code personnel (6 chiffres ou plus).",
    )
    qtbot.addWidget(new)
    new.show()
    qtbot.keyClicks(new.field, "482913")
    qtbot.keyClicks(new.confirm_field, "4829")
    new.confirm_field.setText("482914")
    saved.append(_save(new, screenshot_dir, "dialog-pin-new-mismatch"))
    last = PinDialog("Dr Marie Dupont", tries_remaining=1)
    qtbot.addWidget(last)
    last.show()
    saved.append(_save(last, screenshot_dir, "dialog-pin-last-try"))

    error = ErrorDialog(
        CeremonyError(
            "card 0003: PSO:DECIPHER returned 6982",
            user_message=(
                "La carte n'a pas pu déchiffrer sa part de clé. Retirez-la, réinsérez-la "
                "puis recommencez ; si cela se reproduit, l'étape peut se faire avec une "
                "autre carte de délégué."
            ),
        )
    )
    qtbot.addWidget(error)
    error.show()
    saved.append(_save(error, screenshot_dir, "dialog-error"))
    error.details_button.click()
    saved.append(_save(error, screenshot_dir, "dialog-error-details"))
    unexpected = ErrorDialog(ValueError("bad tally shape"))
    qtbot.addWidget(unexpected)
    unexpected.show()
    saved.append(_save(unexpected, screenshot_dir, "dialog-error-unexpected"))

    job = Job(lambda progress: None, cancellable=True)
    progress = ProgressDialog("Vérification de l'urne", job)
    qtbot.addWidget(progress)
    progress.show()
    job.progressed.emit(0.42, "Vérification des bulletins : 4 200 sur 10 000", 95.0)
    saved.append(_save(progress, screenshot_dir, "dialog-progress"))

    projection = ProjectionWindow(sample_results())
    qtbot.addWidget(projection)
    projection.resize(1280, 720)
    projection.show()
    saved.append(_save(projection, screenshot_dir, "projection"))

    assert len(saved) == len({path.name for path in saved}) == 24
