"""The verification report: ordered, named checks with their outcome.

A report is data. Each step of a verification (Belenios audit §3.5 here; the
expert verification of a whole ceremony archive later) appends named checks
to the same :class:`ReportBuilder`, so one report lists every step with its
outcome and reason, in French for the reader and in English for the log,
and has a stable JSON form for scripts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Literal, TypeVar

from ceremony.errors import CeremonyError

T = TypeVar("T")
Language = Literal["fr", "en"]
REPORT_FORMAT = 1


class Outcome(StrEnum):
    """What became of one check."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"


_OUTCOME_TEXT: dict[Outcome, dict[Language, str]] = {
    Outcome.PASSED: {"fr": "RÉUSSI", "en": "PASSED"},
    Outcome.FAILED: {"fr": "ÉCHEC", "en": "FAILED"},
    Outcome.NOT_APPLICABLE: {"fr": "sans objet", "en": "not applicable"},
}


@dataclass(frozen=True)
class CheckSpec:
    """A named check: a stable identifier and its title in French and English."""

    name: str
    title_fr: str
    title_en: str

    def title(self, language: Language) -> str:
        """The title in ``language``."""
        return self.title_fr if language == "fr" else self.title_en


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check, with the reason when it did not pass."""

    spec: CheckSpec
    outcome: Outcome
    reason_fr: str = ""
    reason_en: str = ""
    error: str = ""

    @property
    def name(self) -> str:
        """The check's stable identifier."""
        return self.spec.name

    def to_dict(self) -> dict[str, Any]:
        """JSON form of one check."""
        obj: dict[str, Any] = {
            "name": self.spec.name,
            "title": {"fr": self.spec.title_fr, "en": self.spec.title_en},
            "outcome": self.outcome.value,
        }
        if self.reason_fr or self.reason_en:
            obj["reason"] = {"fr": self.reason_fr, "en": self.reason_en}
        if self.error:
            obj["error"] = self.error
        return obj


@dataclass(frozen=True)
class VerificationReport:
    """Every check of a verification, in order, and the result when there is one."""

    subject: str
    checks: tuple[CheckResult, ...] = ()
    result: Any = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when at least one check ran and none failed."""
        return bool(self.checks) and not self.failed_checks()

    def failed_checks(self) -> tuple[CheckResult, ...]:
        """The checks that failed, in order."""
        return tuple(c for c in self.checks if c.outcome is Outcome.FAILED)

    def check(self, name: str) -> CheckResult:
        """The check named ``name`` (KeyError if absent)."""
        for c in self.checks:
            if c.name == name:
                return c
        raise KeyError(name)

    def extended(self, other: VerificationReport) -> VerificationReport:
        """This report followed by the checks of ``other`` (later steps, DESIGN.md §6)."""
        return replace(
            self,
            checks=self.checks + other.checks,
            result=self.result if other.result is None else other.result,
            details={**self.details, **other.details},
        )

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form (``bureau verify --json``, DESIGN.md §6)."""
        obj: dict[str, Any] = {
            "format": REPORT_FORMAT,
            "subject": self.subject,
            "passed": self.passed,
            "checks": [c.to_dict() for c in self.checks],
        }
        if self.details:
            obj["details"] = self.details
        if self.result is not None:
            obj["result"] = self.result
        return obj

    def to_json(self) -> str:
        """``to_dict`` as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, language: Language = "fr") -> str:
        """A human-readable report, one line per check (DESIGN.md §6)."""
        lines = [("Vérification de " if language == "fr" else "Verification of ") + self.subject]
        for c in self.checks:
            outcome = _OUTCOME_TEXT[c.outcome][language]
            lines.append(f"[{outcome}] {c.name} : {c.spec.title(language)}")
            reason = c.reason_fr if language == "fr" else c.reason_en
            if reason:
                lines.append(f"    {reason}")
        if self.passed:
            lines.append(
                "Toutes les vérifications ont réussi." if language == "fr" else "All checks passed."
            )
        else:
            failed = ", ".join(c.name for c in self.failed_checks()) or "-"
            lines.append(
                f"Vérifications en échec : {failed}"
                if language == "fr"
                else f"Failed checks: {failed}"
            )
        return "\n".join(lines)


@dataclass
class ReportBuilder:
    """Collects check results in order; steps of later verifications append here too."""

    subject: str
    results: list[CheckResult] = field(default_factory=list)
    result: Any = None
    details: dict[str, Any] = field(default_factory=dict)

    def passed(self, spec: CheckSpec) -> None:
        """Record a passed check."""
        self.results.append(CheckResult(spec, Outcome.PASSED))

    def not_applicable(self, spec: CheckSpec, reason_fr: str, reason_en: str) -> None:
        """Record a check that does not apply to this record (e.g. no tally yet)."""
        self.results.append(CheckResult(spec, Outcome.NOT_APPLICABLE, reason_fr, reason_en))

    def failed(self, spec: CheckSpec, error: CeremonyError) -> None:
        """Record a failed check with the error that made it fail."""
        self.results.append(
            CheckResult(
                spec,
                Outcome.FAILED,
                reason_fr=error.user_message,
                reason_en=error.technical or type(error).__name__,
                error=type(error).__name__,
            )
        )

    def run(self, spec: CheckSpec, step: Callable[[], T]) -> T | None:
        """Run ``step``; record PASSED, or FAILED with the CeremonyError it raised."""
        try:
            value = step()
        except CeremonyError as e:
            self.failed(spec, e)
            return None
        self.passed(spec)
        return value

    def has_failed(self, name: str | None = None) -> bool:
        """Whether any check (or the check ``name``) failed so far."""
        return any(
            r.outcome is Outcome.FAILED and (name is None or r.name == name) for r in self.results
        )

    def build(self) -> VerificationReport:
        """The frozen report."""
        return VerificationReport(
            subject=self.subject,
            checks=tuple(self.results),
            result=self.result,
            details=dict(self.details),
        )
