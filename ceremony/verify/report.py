"""The verification report: ordered, named checks with their outcome.

A report is data. Each step of a verification (Belenios audit §3.5 here; the
expert verification of a whole ceremony archive later) appends named checks
to the same :class:`ReportBuilder`, so one report lists every step with its
outcome and reason, in French for the reader and in English for the log,
and has a stable JSON form for scripts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
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
    """Ruled out by the record's stage (e.g. no tally checks while the vote is open)."""
    SKIPPED = "skipped"
    """Not run because a check it builds on failed (named in ``CheckResult.after``)."""


_OUTCOME_TEXT: dict[Outcome, dict[Language, str]] = {
    Outcome.PASSED: {"fr": "RÉUSSI", "en": "PASSED"},
    Outcome.FAILED: {"fr": "ÉCHEC", "en": "FAILED"},
    Outcome.NOT_APPLICABLE: {"fr": "sans objet", "en": "not applicable"},
    Outcome.SKIPPED: {"fr": "NON EXÉCUTÉE", "en": "NOT RUN"},
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
    after: str = ""
    """For a skipped check: the name of the failed check it builds on."""
    technical: str = ""
    """For a failed check: the technical cause, in English, for the log and the expert."""

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
        if self.after:
            obj["skipped_because"] = self.after
        if self.technical:
            obj["technical"] = self.technical
        return obj

    def reason(self, language: Language) -> str:
        """Why this outcome, in ``language``: every line of the report has one."""
        fr = language == "fr"
        text = self.reason_fr if fr else self.reason_en
        if self.outcome is Outcome.SKIPPED:
            if text:
                return ("non exécutée : " if fr else "not run: ") + text
            return (
                f"non exécutée parce que la vérification « {self.after} » a échoué"
                if fr
                else f"not run because check {self.after} failed"
            )
        if text:
            return text
        if self.outcome is Outcome.PASSED:
            return (
                "vérification faite sur le contenu de l'archive, sans anomalie"
                if fr
                else "checked on the archive's content, no anomaly"
            )
        return ""


@dataclass(frozen=True)
class VerificationReport:
    """Every check of a verification, in order, and the result when there is one."""

    subject: str
    checks: tuple[CheckResult, ...] = ()
    result: Any = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True only when every check the record calls for ran and passed.

        Not applicable checks (ruled out by the record's stage) are allowed;
        a skipped check, or a report where nothing passed, is not a pass.
        """
        return any(c.outcome is Outcome.PASSED for c in self.checks) and all(
            c.outcome in (Outcome.PASSED, Outcome.NOT_APPLICABLE) for c in self.checks
        )

    def failed_checks(self) -> tuple[CheckResult, ...]:
        """The checks that failed, in order."""
        return tuple(c for c in self.checks if c.outcome is Outcome.FAILED)

    def skipped_checks(self) -> tuple[CheckResult, ...]:
        """The checks not run because one they build on failed, in order."""
        return tuple(c for c in self.checks if c.outcome is Outcome.SKIPPED)

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
        """A human-readable report: numbered checks, each with its reason (DESIGN.md §6)."""
        fr = language == "fr"
        lines = [("Vérification de " if fr else "Verification of ") + self.subject]
        lines += provenance_lines(self.details, language)
        for number, c in enumerate(self.checks, start=1):
            outcome = _OUTCOME_TEXT[c.outcome][language]
            lines.append(f"{number}. [{outcome}] {c.name} : {c.spec.title(language)}")
            reason = c.reason(language)
            if reason:
                lines.append(f"    {'Motif' if fr else 'Reason'} : {reason}")
            if c.technical and c.outcome is Outcome.FAILED:
                label = "Cause technique (en anglais)" if fr else "Technical cause"
                lines.append(f"    {label} : {c.technical}")
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
            if skipped := self.skipped_checks():
                names = ", ".join(c.name for c in skipped)
                lines.append(
                    f"Vérifications non exécutées (à cause d'un échec) : {names}"
                    if fr
                    else f"Checks not run (because of a failure): {names}"
                )
            if not self.failed_checks() and not skipped:
                lines.append(
                    "Aucune vérification n'a été faite : rien n'est établi."
                    if fr
                    else "No check ran: nothing is established."
                )
        if fr:
            # The technical cause stays as logged (English, quotes and all).
            cause = "    Cause technique (en anglais) :"
            lines = [line if line.startswith(cause) else french_typography(line) for line in lines]
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

    def skipped(
        self, spec: CheckSpec, after: str, reason_fr: str = "", reason_en: str = ""
    ) -> None:
        """Record a check not run because the check ``after`` (which it builds on) failed."""
        self.results.append(CheckResult(spec, Outcome.SKIPPED, reason_fr, reason_en, after=after))

    def failed(self, spec: CheckSpec, error: CeremonyError, detail_fr: str = "") -> None:
        """Record a failed check with the error that made it fail.

        ``detail_fr`` says in French what was found (file, contest, entry);
        the technical cause stays in English, labelled as such.
        """
        self.results.append(
            CheckResult(
                spec,
                Outcome.FAILED,
                reason_fr=error.user_message + (f" {detail_fr}" if detail_fr else ""),
                reason_en=error.technical or type(error).__name__,
                error=type(error).__name__,
                technical=error.technical,
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


VERIFIER_DEFINITION = "bureau-verify/1"


def provenance() -> dict[str, Any]:
    """When the report is made and by which verifier (its version and software fingerprint).

    The fingerprint lets an expert check out of band that the verifier they
    ran is the published one (see ``bureau --fingerprint``).
    """
    from ceremony import __version__
    from ceremony.fingerprint import FingerprintError, current_fingerprint

    try:
        fingerprint = current_fingerprint().value
    except (FingerprintError, OSError) as e:
        fingerprint = f"indisponible ({type(e).__name__})"
    return {
        "made_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "verifier": {"version": __version__, "fingerprint": fingerprint},
    }


def provenance_lines(details: dict[str, Any], language: Language) -> list[str]:
    """The report's date and the verifier's identity, when recorded."""
    fr = language == "fr"
    lines: list[str] = []
    if made_at := details.get("made_at"):
        lines.append(
            f"Rapport établi le {_paris(str(made_at))} (heure de Paris)"
            if fr
            else f"Report made at {made_at} (UTC)"
        )
    verifier = details.get("verifier")
    if isinstance(verifier, dict):
        lines.append(
            (
                f"Vérificateur : bureau {verifier.get('version')}, empreinte du logiciel "
                f"{verifier.get('fingerprint')} (à comparer avec l'empreinte publiée)"
            )
            if fr
            else (
                f"Verifier: bureau {verifier.get('version')}, software fingerprint "
                f"{verifier.get('fingerprint')} (compare with the published one)"
            )
        )
    return lines


def _paris(text: str) -> str:
    from ceremony.report.frtext import format_datetime

    try:
        return format_datetime(datetime.fromisoformat(text))
    except ValueError:
        return text


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def french_typography(line: str) -> str:
    """A French line of the report as the PV prints it: typographic apostrophes, no-break
    spaces before « : ; ! ? » and inside guillemets."""
    from ceremony.report.frtext import french_spacing

    return french_spacing(_APOSTROPHE.sub("’", line))


def count_fr(count: int, one: str, many: str) -> str:
    """``1 bulletin vérifié``, ``2 bulletins vérifiés``: never "(s)" (French agreement,
    thousands separated, the figure never cut from its noun)."""
    from ceremony.report.frtext import format_count

    return format_count(count, one, many)


def count_en(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
