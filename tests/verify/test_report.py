"""The verification report model: ordered named checks, French/English, JSON."""

from __future__ import annotations

import json

from ceremony.errors import CeremonyError
from ceremony.verify.report import CheckSpec, Outcome, ReportBuilder

A = CheckSpec("a.first", "Premier contrôle", "First check")
B = CheckSpec("b.second", "Deuxième contrôle", "Second check")
C = CheckSpec("c.third", "Troisième contrôle", "Third check")


class SampleError(CeremonyError):
    default_message = "Le contrôle a échoué : recommencez."


def _fail() -> None:
    raise SampleError("value mismatch at index 3")


def test_builder_records_in_order_and_fails_on_any_failure() -> None:
    builder = ReportBuilder("urne.bel")
    assert builder.run(A, lambda: 42) == 42
    assert builder.run(B, _fail) is None
    builder.not_applicable(C, "sans objet ici", "not applicable here")
    report = builder.build()
    assert [c.name for c in report.checks] == ["a.first", "b.second", "c.third"]
    assert [c.outcome for c in report.checks] == [
        Outcome.PASSED, Outcome.FAILED, Outcome.NOT_APPLICABLE
    ]  # fmt: skip
    assert not report.passed
    assert [c.name for c in report.failed_checks()] == ["b.second"]
    failed = report.check("b.second")
    assert failed.error == "SampleError" and failed.reason_en == "value mismatch at index 3"


def test_texts_and_json() -> None:
    builder = ReportBuilder("urne.bel")
    builder.passed(A)
    builder.run(B, _fail)
    builder.result = [[1, 2]]
    report = builder.build()
    fr, en = report.to_text("fr"), report.to_text("en")
    assert "[RÉUSSI] a.first\u00a0: Premier contrôle" in fr
    fr = fr.replace("\u00a0", " ")  # French spacing: tested in test_the_french_report_...
    assert "[RÉUSSI] a.first : Premier contrôle" in fr and "[ÉCHEC] b.second" in fr
    assert "Le contrôle a échoué" in fr and "Vérifications en échec : b.second" in fr
    assert "[FAILED] b.second : Second check" in en and "value mismatch" in en
    data = json.loads(report.to_json())
    assert data["passed"] is False and data["result"] == [[1, 2]]
    assert data["checks"][1] == {
        "name": "b.second",
        "title": {"fr": "Deuxième contrôle", "en": "Second check"},
        "outcome": "failed",
        "reason": {"fr": "Le contrôle a échoué : recommencez.", "en": "value mismatch at index 3"},
        "error": "SampleError",
        "technical": "value mismatch at index 3",
    }


def test_later_steps_extend_the_same_report() -> None:
    first = ReportBuilder("ceremony")
    first.passed(A)
    second = ReportBuilder("ceremony")
    second.passed(B)
    report = first.build().extended(second.build())
    assert [c.name for c in report.checks] == ["a.first", "b.second"] and report.passed


def test_empty_report_does_not_pass() -> None:
    assert not ReportBuilder("nothing").build().passed


def test_skipped_is_told_apart_from_not_applicable_and_never_passes() -> None:
    builder = ReportBuilder("urne.bel")
    builder.passed(A)
    builder.skipped(B, "a.first")
    builder.not_applicable(C, "l'élection est encore ouverte", "the election is still open")
    report = builder.build()
    assert not report.passed  # a check the record called for did not run
    assert [c.outcome for c in report.checks] == [
        Outcome.PASSED, Outcome.SKIPPED, Outcome.NOT_APPLICABLE
    ]  # fmt: skip
    fr = report.to_text("fr").replace("\u00a0", " ")
    assert "2. [NON EXÉCUTÉE] b.second" in fr
    assert "non exécutée parce que la vérification « a.first » a échoué" in fr
    assert "3. [sans objet] c.third" in fr and "encore ouverte" in fr
    assert json.loads(report.to_json())["checks"][1]["skipped_because"] == "a.first"


def test_only_not_applicable_checks_do_not_pass() -> None:
    builder = ReportBuilder("urne.bel")
    builder.not_applicable(A, "sans objet", "not applicable")
    assert not builder.build().passed


def test_every_line_is_numbered_with_a_reason_and_the_french_text_has_no_english_cause() -> None:
    builder = ReportBuilder("urne.bel")
    builder.passed(A)
    builder.run(B, _fail)
    lines = builder.build().to_text("fr").splitlines()
    # French typography as in the PV: a no-break space before the colon.
    assert lines[1].startswith("1. [RÉUSSI]") and lines[2].startswith("    Motif\u00a0: ")
    assert lines[3].startswith("2. [ÉCHEC]") and lines[4] == "    Motif\u00a0: " + (
        "Le contrôle a échoué\u00a0: recommencez."
    )
    # The English technical cause is labelled as such, not passed off as the French reason.
    assert lines[5] == "    Cause technique (en anglais) : value mismatch at index 3"


def test_the_french_report_reads_as_french_print() -> None:
    from ceremony.verify.report import count_en, count_fr, provenance_lines

    builder = ReportBuilder("urne.bel")
    builder.passed(A)
    report = builder.build()
    report.details["made_at"] = "2024-12-11T09:30:00+00:00"
    text = report.to_text("fr")
    lines = provenance_lines(report.details, "fr")
    # Paris time, the French way, never UTC or CET.
    assert lines == ["Rapport établi le 11 décembre 2024 à 10\u00a0h\u00a030 (heure de Paris)"]
    assert "UTC" not in text and "CET" not in text
    assert "'" not in text.replace("(en anglais)", "")
    assert count_fr(1, "bulletin vérifié", "bulletins vérifiés") == "1\u00a0bulletin vérifié"
    assert count_fr(1429, "bulletin", "bulletins") == "1\u202f429\u00a0bulletins"
    assert count_fr(0, "décision", "décisions") == "0\u00a0décision"
    assert count_en(1, "ballot", "ballots") == "1 ballot"
    assert count_en(0, "page", "pages") == "0 pages"
