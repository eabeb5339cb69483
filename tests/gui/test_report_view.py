"""The expert's view of a verification report: verdict, then every check with its reason."""

from __future__ import annotations

import pytest

from bureau_app.report_view import VerificationReportView
from ceremony.errors import CeremonyError
from ceremony.verify.report import CheckSpec, ReportBuilder, VerificationReport

pytestmark = pytest.mark.gui

SIGNATURES = CheckSpec("bundle.signatures", "Signatures du paquet", "Bundle signatures")
BALLOTS = CheckSpec("urn.ballots", "Preuves des bulletins", "Ballot proofs")
TALLY = CheckSpec("tally.result", "Résultat du dépouillement", "Tally result")


class BallotProofError(CeremonyError):
    default_message = "Le bulletin 17 a une preuve invalide."


def _report(fail: bool) -> VerificationReport:
    builder = ReportBuilder("archive CSN 2026")
    builder.passed(SIGNATURES)
    if fail:
        builder.failed(BALLOTS, BallotProofError("ballot 17: disjunctive proof rejected"))
    else:
        builder.passed(BALLOTS)
    builder.not_applicable(TALLY, "Pas encore de dépouillement.", "No tally yet.")
    return VerificationReport(builder.subject, tuple(builder.results))


@pytest.fixture
def view(qtbot, app):  # type: ignore[no-untyped-def]
    widget = VerificationReportView()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _row(view, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.table.item(row, column).text() for column in range(3)]


def test_a_passing_report(view) -> None:  # type: ignore[no-untyped-def]
    view.set_report(_report(fail=False))
    assert view.subject.text() == "Vérification de archive CSN 2026"
    assert view.verdict.text() == "Toutes les vérifications ont réussi."
    assert view.table.rowCount() == 3
    assert _row(view, 0) == ["RÉUSSI", "Signatures du paquet", ""]
    assert _row(view, 2) == [
        "sans objet",
        "Résultat du dépouillement",
        "Pas encore de dépouillement.",
    ]


def test_a_failure_is_named_with_its_reason_and_can_be_isolated(view) -> None:  # type: ignore[no-untyped-def]
    view.set_report(_report(fail=True))
    assert view.verdict.text() == "1 vérification en échec : voir la ligne marquée ÉCHEC."
    assert _row(view, 1) == [
        "ÉCHEC",
        "Preuves des bulletins",
        "Le bulletin 17 a une preuve invalide.",
    ]
    assert view.table.item(1, 2).toolTip() == "BallotProofError"
    view.only_failures.setChecked(True)
    assert view.shown_names() == ["urn.ballots"]
    view.only_failures.setChecked(False)
    assert view.shown_names() == ["bundle.signatures", "urn.ballots", "tally.result"]


def test_an_empty_report_is_not_a_success(view) -> None:  # type: ignore[no-untyped-def]
    view.set_report(VerificationReport("archive vide"))
    assert view.verdict.text() == "Aucune vérification n'a pu être faite."


def test_titles_follow_the_interface_language(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.i18n import install_language

    install_language(app, "en")
    widget = VerificationReportView()
    qtbot.addWidget(widget)
    widget.set_report(_report(fail=True))
    assert _row(widget, 1) == ["FAILED", "Ballot proofs", "ballot 17: disjunctive proof rejected"]
