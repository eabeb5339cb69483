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
