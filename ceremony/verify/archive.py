"""Expert verification of a whole ceremony archive (issue 9, ``bureau verify ARCHIVE``).

The archive is the folder ``bureau demo`` or the ceremony engine writes
(:mod:`ceremony.workflow.archive`). Verification is a list of numbered steps in
the manner of in-toto: each is a small function raising its own named error,
each becomes one line of the report with its outcome and, in plain French,
what it established or why it failed. Nothing in the archive is trusted for
itself; the trust anchors are:

- the platform key, named by the definition bundle and confirmed in session
  (its key id is reported, for the expert to compare with the one read out);
- the member card keys, recorded in the journal at registration (and equal to
  the seal's member keys, which a quorum of those cards signed);
- the workstation key, which signs the journal's checkpoints.

Whoever holds the workstation key could rewrite the journal and the index;
that is why every bundle is checked against the platform's and the cards'
signatures, every `.bel` is audited in full, and every figure is recomputed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ceremony.errors import CeremonyError
from ceremony.verify import archive_anchor as anchor
from ceremony.verify import archive_count as count
from ceremony.verify import archive_lots as lots
from ceremony.verify import archive_record as record
from ceremony.verify import chronology
from ceremony.verify.archive_context import (
    INDEX_FILE,
    JOURNAL_FILE,
    REPORT_FILES,
    REPORT_JSON_FILE,
    REPORT_TEXT_FILE,
    ArchiveContext,
)
from ceremony.verify.archive_errors import (
    ArchiveFileError,
    ArchiveIndexError,
    MalformedContentError,
    PrerequisiteFailedError,
    UnprotectedFileError,
)
from ceremony.verify.archive_keys import expected_key_files
from ceremony.verify.archive_record import NotApplicable, Note, StepResult
from ceremony.verify.report import (
    CheckResult,
    CheckSpec,
    Language,
    Outcome,
    ReportBuilder,
    VerificationReport,
    count_en,
    count_fr,
    french_typography,
    provenance,
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Step:
    """One numbered step: its check, what it is for (plain French), and its function."""

    spec: CheckSpec
    why_fr: str
    why_en: str
    run: Callable[[ArchiveContext], StepResult]


def _expected_files(ctx: ArchiveContext) -> set[str] | None:
    state = ctx.facts.get("state")
    bureau = ctx.facts.get("bureau")
    if state is None or bureau is None:
        return None
    names = {
        record.DEFINITION_FILE,
        record.SEAL_FILE,
        count.URN_FILE,
        count.RESULTS_FILE,
        count.RESULTS_JSON,
        count.PV_FILE,
        count.HANDOVER_FILE,
    }
    names |= {f"bundles/status-{s.get('sequence')}.zip" for s in state.statuses}
    names |= {f"bundles/decision-{n}.zip" for n in range(1, len(state.decisions) + 1)}
    names |= {f"{c.contest_uuid}.bel" for c in bureau.contests}
    names |= expected_key_files(ctx)
    return names


def verify_coverage(ctx: ArchiveContext) -> StepResult:
    """Every file is listed in the index (hashed in the signed journal), or is the journal."""
    index: Mapping[str, str] = ctx.need("index")
    allowed = set(index) | {INDEX_FILE, JOURNAL_FILE} | REPORT_FILES
    if extra := sorted(ctx.files_on_disk() - allowed):
        raise UnprotectedFileError(f"files covered by no hash: {extra}")
    expected = _expected_files(ctx)
    if expected is None:
        raise PrerequisiteFailedError("state", user_message="le journal et la définition")
    if unknown := sorted(set(index) - expected):
        raise UnprotectedFileError(f"files no step of the ceremony accounts for: {unknown}")
    if absent := sorted(expected - set(index)):
        raise ArchiveFileError(f"files of the ceremony missing from the archive: {absent}")
    return Note(
        f"Les {len(index) + 2} fichiers sont protégés : chaque paquet par ses signatures, chaque "
        "fichier par son empreinte dans archive.json, archive.json par le journal, le journal "
        "par la signature du poste. Seul le rapport de vérification ne l'est pas.",
        f"All {len(index) + 2} files are protected by a signature or a hash; only the "
        "verification report is not.",
    )


def _spec(name: str, fr: str, en: str) -> CheckSpec:
    return CheckSpec(name, fr, en)


STEPS_BEFORE_AUDIT: tuple[Step, ...] = (
    Step(
        _spec(
            "archive.index",
            "Index du dossier : chaque fichier présent et intact",
            "Archive index: every file present and intact",
        ),
        "archive.json donne l'empreinte SHA-256 de chaque fichier ; un seul octet changé la "
        "modifie.",
        "archive.json gives each file's SHA-256; changing one byte changes it.",
        record.verify_index,
    ),
    Step(
        _spec(
            "journal.chain",
            "Journal du bureau : entrées chaînées et signées par le poste",
            "Bureau journal: chained entries signed by the workstation",
        ),
        "Chaque entrée du journal contient l'empreinte de la précédente, et la dernière est "
        "signée par la clé du poste : on ne peut ni retirer, ni déplacer, ni modifier une entrée.",
        "Each entry holds the previous one's hash and the last is signed: no entry can be "
        "removed, moved or changed.",
        record.verify_journal,
    ),
    Step(
        _spec(
            "journal.archive_entry",
            "Le journal a enregistré cet index du dossier",
            "The journal recorded this archive index",
        ),
        "Le journal signé reprend l'empreinte de chaque fichier archivé : l'index ne peut pas "
        "être refait après coup.",
        "The signed journal holds every archived file's hash.",
        record.verify_archive_entry,
    ),
    Step(
        _spec(
            "definition.platform_key",
            "Définition signée par la clé de la plateforme confirmée",
            "Definition signed by the confirmed platform key",
        ),
        "L'organisateur signe la définition de l'élection ; le bureau a confirmé en séance "
        "l'empreinte de sa clé. Comparez l'empreinte affichée avec celle lue ce jour-là.",
        "The organiser signs the definition; the bureau confirmed its key in session.",
        record.verify_platform_key,
    ),
    Step(
        _spec(
            "definition.record",
            "Définition importée par ce bureau",
            "Definition imported by this bureau",
        ),
        "C'est bien la définition (bureau, membres, scrutins) que le bureau a importée.",
        "It is the definition the bureau imported.",
        record.verify_definition_record,
    ),
    Step(
        _spec("members.cards", "Cartes des membres enregistrées", "Member cards registered"),
        "Chaque membre a une carte à puce à son nom ; ses clés servent à vérifier toutes les "
        "signatures du bureau.",
        "Each member's card keys verify every signature of the bureau.",
        record.verify_member_cards,
    ),
    Step(
        _spec(
            "seal.signatures",
            "Scellement signé par le quorum des cartes",
            "Seal signed by a quorum of cards",
        ),
        "La présidence et au moins le quorum de délégués ont signé le scellement avec leurs "
        "cartes.",
        "The presidency and a quorum of delegates signed the seal with their cards.",
        record.verify_seal_signatures,
    ),
    Step(
        _spec(
            "seal.workstation_key",
            "Clé du poste liée au scellement ; chaque point de contrôle du journal signé par elle",
            "Workstation key bound in the seal; every journal checkpoint signed by it",
        ),
        "Les membres ont signé avec leurs cartes le scellement, qui nomme la clé du poste : un "
        "journal réécrit et signé avec une autre clé est refusé. Comparez cette clé avec celle "
        "imprimée au procès-verbal.",
        "The cards signed the seal, which names the workstation key: a journal re-signed with "
        "another key is refused.",
        anchor.verify_seal_workstation_key,
    ),
    Step(
        _spec(
            "keys.trustees",
            "Cérémonie des clés : clés des garants et preuves",
            "Key ceremony: trustee keys and proofs",
        ),
        "La clé de déchiffrement est partagée entre la présidence et les délégués ; les preuves "
        "mathématiques montrent que chaque part a été créée correctement.",
        "The decryption key is shared between presidency and delegates; the proofs hold.",
        record.verify_trustees_record,
    ),
    Step(
        _spec(
            "keys.elections",
            "Élections scellées conformes aux scrutins",
            "Sealed elections match the contests",
        ),
        "Chaque scrutin est une élection Belenios dont les listes sont dans l'ordre tiré et "
        "dont seule la clé du bureau permet le dépouillement.",
        "Each contest is a Belenios election with the drawn list order and the bureau's key.",
        record.verify_sealed_elections,
    ),
    Step(
        _spec("test_vote.report", "Vote à blanc réussi", "Test vote passed"),
        "Avant le scellement, des bulletins connus ont été dépouillés par le quorum de cartes "
        "et ont donné le résultat attendu.",
        "Known ballots were counted by a quorum of cards with the expected result.",
        record.verify_test_vote,
    ),
    Step(
        _spec("seal.manifest", "Manifeste de scellement recalculé", "Seal manifest recomputed"),
        "Les empreintes scellées (listes, ordre, électeurs, codes de vote, horaires, logiciel de "
        "vote) sont recalculées à partir de la définition.",
        "The sealed hashes are recomputed from the definition.",
        record.verify_seal_manifest,
    ),
    Step(
        _spec("seal.software", "Empreinte du logiciel Bureau scellée", "Sealed Bureau fingerprint"),
        "Le logiciel de dépouillement a été scellé par son empreinte ; comparez-la avec celle "
        "publiée pour la version utilisée.",
        "The counting software was sealed by its fingerprint.",
        record.verify_software,
    ),
    Step(
        _spec(
            "vote.status",
            "Bulletins d'état de la plateforme pendant le vote",
            "Platform status reports during the vote",
        ),
        "Les états reçus pendant le vote sont signés par la plateforme, dans l'ordre, sans "
        "rejeu ; l'urne était vide à l'ouverture.",
        "Status reports are signed, in order, not replayed; the urn was empty at opening.",
        record.verify_statuses,
    ),
    Step(
        _spec(
            "vote.decisions",
            "Décisions du bureau pendant le vote",
            "Bureau decisions during the vote",
        ),
        "Une suspension, reprise ou un arrêt du vote est signé par la présidence.",
        "Suspend, resume or stop decisions are signed by the presidency.",
        record.verify_decisions,
    ),
    Step(
        _spec("urn.bundle", "Urne signée par la plateforme", "Urn signed by the platform"),
        "L'urne close est signée par la plateforme, pour ce bureau et les élections scellées.",
        "The closed urn is signed by the platform for the sealed elections.",
        count.verify_urn_bundle,
    ),
    Step(
        _spec("urn.setup", "Urnes conformes au scellement et closes", "Urns as sealed, and closed"),
        "Chaque urne commence par l'élection, les garants et les codes de vote scellés : rien "
        "n'a changé depuis le scellement.",
        "Each urn starts with what was sealed: nothing changed since sealing.",
        count.verify_urn_setup,
    ),
)

STEPS_AFTER_AUDIT: tuple[Step, ...] = (
    Step(
        _spec(
            "expert.conclusion",
            "Conclusion de l'expert avant l'ouverture",
            "Expert's conclusion before the opening",
        ),
        "L'urne n'a été ouverte qu'après que l'expert indépendant a conclu, en séance, que "
        "rien n'avait été altéré.",
        "The urn was opened only after the independent expert concluded nothing was altered.",
        record.verify_expert,
    ),
    Step(
        _spec("urn.emargement", "Émargements concordants", "Émargements consistent"),
        "Chaque bulletin compté correspond à un émargement, dans les heures d'ouverture plus "
        "le délai de grâce.",
        "Each counted ballot has one émargement, within the opening hours plus grace.",
        count.verify_emargement,
    ),
    *(
        Step(_spec(n, tf, te), wf, we, run)
        for n, tf, te, wf, we, run in chronology.STEP_DEFINITIONS
    ),
    Step(
        _spec("count.archives", "Archives finales des scrutins", "Final contest archives"),
        "L'archive publique de chaque scrutin prolonge l'urne reçue et porte le dépouillement "
        "vérifié.",
        "Each final archive extends the received urn with the verified tally.",
        count.verify_count_archives,
    ),
    Step(
        _spec(
            "results.bundle",
            "Paquet des résultats de cette cérémonie, signé par le quorum des cartes",
            "Results bundle of this ceremony, signed by a quorum of cards",
        ),
        "Le paquet des résultats porte sur ce bureau et les élections scellées ; la présidence "
        "et le quorum des délégués l'ont signé avec leurs cartes.",
        "The results bundle is for this bureau and the sealed elections, signed by the cards.",
        anchor.verify_results_bundle,
    ),
    Step(
        _spec(
            "count.partial_decryptions",
            "Déchiffrements partiels des détenteurs de clés",
            "Key holders' partial decryptions",
        ),
        "Seuls les détenteurs de clés présents ont déchiffré, et ce qu'ils ont publié est ce "
        "que contiennent les archives.",
        "Only the key holders present decrypted, as the archives record.",
        count.verify_partial_decryptions,
    ),
    Step(
        _spec(
            "results.workstation_key",
            "Résultats signés nommant la même clé du poste",
            "Signed results name the same workstation key",
        ),
        "Au dépouillement, les cartes signent les résultats, qui nomment la clé du poste : "
        "c'est la même que celle du scellement.",
        "At the count the cards sign the results, which name the same workstation key.",
        anchor.verify_results_workstation_key,
    ),
    Step(
        _spec("count.results", "Résultats égaux au dépouillement", "Results equal the tally"),
        "Les chiffres publiés sont exactement le résultat déchiffré de chaque urne.",
        "The published figures are exactly each urn's decrypted result.",
        count.verify_results,
    ),
    Step(
        _spec("count.lots", "Tirage au sort entre listes à égalité", "Drawing of lots"),
        "En cas d'égalité parfaite pour le dernier siège, la graine du tirage vient de la "
        "procédure consignée (engagements révélés, ou tirage public contresigné) : personne "
        "ne pouvait la choisir seul.",
        "On a perfect tie, the seed comes from the journaled procedure, chosen by nobody alone.",
        lots.verify_lots,
    ),
    Step(
        _spec("seats.recomputed", "Sièges recalculés", "Seats recomputed"),
        "La répartition des sièges est refaite à partir des voix et des règles de la définition.",
        "Seats are recomputed from the votes and the definition's rules.",
        count.verify_seats,
    ),
    Step(
        _spec(
            "pv.signatures",
            "Procès-verbal signé par les membres présents",
            "PV signed by the members present",
        ),
        "Chaque membre présent au dépouillement a signé le procès-verbal avec sa carte.",
        "Every member at the count signed the PV with their card.",
        count.verify_pv_signatures,
    ),
    Step(
        _spec("pv.content", "Procès-verbal conforme aux résultats", "PV matches the results"),
        "Chaque chiffre publié figure au procès-verbal signé, avec les empreintes de ce dossier.",
        "Every published figure is in the signed PV, with this archive's fingerprints.",
        count.verify_pv_content,
    ),
    Step(
        _spec("pv.signed_edition", "Édition signée du procès-verbal", "Signed edition of the PV"),
        "Le proces-verbal.pdf du dossier indique l'empreinte du procès-verbal signé et ses "
        "signataires.",
        "proces-verbal.pdf states the signed PV's hash and its signers.",
        count.verify_signed_edition,
    ),
    *(
        Step(_spec(n, tf, te), wf, we, run)
        for n, tf, te, wf, we, run in chronology.PV_STEP_DEFINITIONS
    ),
    Step(
        _spec("handover.cards", "Remise des clés", "Key hand-over"),
        "Chaque carte du bureau est sur la liste de remise à l'administration.",
        "Every card of the bureau is on the hand-over list.",
        count.verify_handover,
    ),
    Step(
        _spec("archive.coverage", "Aucun fichier non protégé", "No unprotected file"),
        "Tout fichier du dossier est protégé par une signature ou une empreinte, sauf ce "
        "rapport de vérification.",
        "Every file is protected by a signature or a hash, except this report.",
        verify_coverage,
    ),
)

STEPS: tuple[Step, ...] = STEPS_BEFORE_AUDIT + STEPS_AFTER_AUDIT
AUDIT_SPEC = CheckSpec(
    "bel.*",
    "Audit complet de l'archive Belenios de chaque scrutin",
    "Full audit of each contest's Belenios archive",
)
AUDIT_WHY = (
    "Chaque bulletin de chaque urne est vérifié une fois (preuves, signature, code de vote), "
    "puis le décompte chiffré, les déchiffrements partiels et le résultat (spécification "
    "Belenios §3.5).",
    "Every ballot is verified once, then the encrypted tally, decryptions and result (§3.5).",
)

INPUT_SPEC = CheckSpec(
    "input.archive",
    "Dossier d'archive de cérémonie trouvé (archive.json)",
    "A ceremony archive folder (archive.json) was found",
)

_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OSError, RecursionError)


def _failed(builder: ReportBuilder, spec: CheckSpec, error: CeremonyError) -> None:
    """A failed check: French reason; the technical cause (English) is labelled as such."""
    builder.failed(spec, error)


def _skipped(builder: ReportBuilder, spec: CheckSpec, error: PrerequisiteFailedError) -> None:
    """Not run because what it builds on could not be established: never "not applicable"."""
    builder.skipped(
        spec,
        error.user_message,
        f"elle s'appuie sur un contrôle qui n'a pas abouti : {error.user_message}",
        f"it builds on {error.technical}, which could not be established",
    )


def _run(builder: ReportBuilder, ctx: ArchiveContext, step: Step) -> None:
    ctx.progress(f"{step.spec.name} : {step.spec.title_fr}")
    try:
        outcome = step.run(ctx)
    except PrerequisiteFailedError as e:
        _skipped(builder, step.spec, e)
        return
    except CeremonyError as e:
        _failed(builder, step.spec, e)
        return
    except _MALFORMED as e:
        # Defence in depth: content no parser above anticipated is still a named failure.
        _failed(builder, step.spec, MalformedContentError(f"{type(e).__name__}: {e}"))
        return
    if isinstance(outcome, NotApplicable):
        builder.not_applicable(step.spec, outcome.fr, outcome.en)
    elif isinstance(outcome, Note):
        builder.results.append(CheckResult(step.spec, Outcome.PASSED, outcome.fr, outcome.en))
    else:
        builder.passed(step.spec)


def is_ceremony_archive(path: Path) -> bool:
    """True for a folder holding ``archive.json`` (a ceremony archive)."""
    return path.is_dir() and (path / INDEX_FILE).is_file()


def verify_ceremony_archive(
    path: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    belenios_audit: count.BeleniosAudit | None = None,
) -> VerificationReport:
    """Verify everything a ceremony archive claims; one named check per line.

    Every `.bel` is audited once, its ballots on ``workers`` processes (all
    cores by default); ``progress`` receives a French line per step and per
    thousand ballots. ``belenios_audit`` replaces the audit of one `.bel`
    (:func:`~ceremony.verify.archive_count.default_audit`), e.g. to reuse the
    audits of unchanged archives across many verifications.
    """
    builder = ReportBuilder(subject=str(path))
    builder.details.update(provenance())
    if not is_ceremony_archive(path):
        builder.failed(INPUT_SPEC, ArchiveIndexError(f"{path}: no {INDEX_FILE} in a folder"))
        return builder.build()
    builder.passed(INPUT_SPEC)
    with tempfile.TemporaryDirectory(prefix="bureau-verify-") as scratch:
        ctx = ArchiveContext(
            folder=path,
            workers=workers,
            progress=progress or (lambda _message: None),
            scratch=Path(scratch),
            belenios_audit=belenios_audit,
        )
        for step in STEPS_BEFORE_AUDIT:
            _run(builder, ctx, step)
        try:
            count.audit_contests(ctx, builder)
        except PrerequisiteFailedError as e:
            _skipped(builder, AUDIT_SPEC, e)
        for step in STEPS_AFTER_AUDIT:
            _run(builder, ctx, step)
        builder.details.update(_details(ctx))
    return builder.build()


def _details(ctx: ArchiveContext) -> dict[str, Any]:
    """The figures an expert compares out of band, for the JSON report."""
    facts = ctx.facts
    out: dict[str, Any] = {"kind": "ceremony-archive"}
    if "platform_key" in facts:
        out["platform_key_id"] = facts["platform_key"].key_id
    if "workstation_keys" in facts:
        out["workstation_keys"] = list(facts["workstation_keys"])
    if "bound_workstation_key" in facts:
        out["bound_workstation_key"] = facts["bound_workstation_key"]
    if "seal_sha256" in facts:
        out["seal_sha256"] = facts["seal_sha256"]
    if "members" in facts:
        out["member_keys"] = {
            m: {"role": i.role, "card": i.serial, "key_id": i.signature_key.key_id}
            for m, i in facts["members"].items()
        }
    if "seal" in facts:
        software = facts["seal"].payload.bureau_software
        out["bureau_software"] = {"version": software.version, "sha256": software.sha256}
    if "figures" in facts:
        out["results"] = [f.to_dict() for f in facts["figures"]]
    return out


def _int(value: object) -> str:
    """French thousands (``1 429``) as in the PV."""
    from ceremony.report.frtext import format_int

    return format_int(int(str(value)))


def _results_text(report: VerificationReport, language: Language) -> list[str]:
    results = report.details.get("results")
    if not results or not report.passed:
        return []
    fr = language == "fr"
    lines = ["", "Résultats vérifiés :" if fr else "Verified results:"]
    for contest in results:
        lines.append(f"  {contest['title']}")
        lines.append(
            (
                f"    inscrits {_int(contest['registered'])}, votants "
                f"{_int(contest['voters_cast'])}, blancs {_int(contest['blank'])}, exprimés "
                f"{_int(contest['expressed'])}"
            )
            if fr
            else (
                f"    registered {contest['registered']}, cast {contest['voters_cast']}, "
                f"blank {contest['blank']}, expressed {contest['expressed']}"
            )
        )
        for lst in contest["lists"]:
            n = int(lst["seats"])
            seats = count_fr(n, "siège", "sièges") if fr else count_en(n, "seat", "seats")
            voices = f"{_int(lst['votes'])}\u00a0voix" if fr else f"{lst['votes']} votes"
            lines.append(f"    {lst['name']} : {voices}, {seats}")
    return lines


def _explanations(language: Language) -> list[str]:
    fr = language == "fr"
    lines = ["", "Ce que vérifie chaque étape :" if fr else "What each step checks:"]
    for step in STEPS_BEFORE_AUDIT:
        lines.append(f"  {step.spec.name} — {step.why_fr if fr else step.why_en}")
    lines.append(f"  {AUDIT_SPEC.name} — {AUDIT_WHY[0] if fr else AUDIT_WHY[1]}")
    for step in STEPS_AFTER_AUDIT:
        lines.append(f"  {step.spec.name} — {step.why_fr if fr else step.why_en}")
    return lines


def _anchors_text(report: VerificationReport, language: Language) -> list[str]:
    """The keys to compare out of band: nothing in the archive can vouch for them."""
    d = report.details
    fr = language == "fr"
    lines = [
        "",
        "Ancres de confiance à comparer hors de ce dossier :"
        if fr
        else "Trust anchors to compare out of band:",
    ]
    platform = d.get("platform_key_id")
    lines.append(
        (f"  Clé de la plateforme : {platform} (à comparer avec l'empreinte lue en séance)")
        if fr
        else f"  Platform key: {platform} (compare with the one read out in session)"
    )
    bound = d.get("bound_workstation_key")
    signing = ", ".join(d.get("workstation_keys", [])) or "-"
    lines.append(
        (
            f"  Clé du poste signée par les cartes : {bound or 'aucune'} ; "
            f"{'clés' if ',' in signing else 'clé'} qui signent le journal : {signing} (à "
            "comparer avec le procès-verbal)"
        )
        if fr
        else f"  Workstation key signed by the cards: {bound or 'none'}; journal signed by "
        f"{signing} (compare with the PV)"
    )
    for member, key in sorted(d.get("member_keys", {}).items()):
        role = record.ROLE_FR.get(key["role"], key["role"]) if fr else key["role"]
        lines.append(
            f"  {'Carte de' if fr else 'Card of'} {member} ({role}, "
            f"{'n°' if fr else 'serial'} {key['card']}) : {key['key_id']}"
        )
    return lines


def format_archive_report(report: VerificationReport, language: Language = "fr") -> str:
    """The human report: every check, the verified results, anchors, what each step is for."""
    lines = [report.to_text(language)]
    tail = [*_anchors_text(report, language), *_results_text(report, language)]
    tail += _explanations(language)
    lines += [french_typography(line) for line in tail] if language == "fr" else tail
    return "\n".join(lines) + "\n"


def write_report(path: Path, report: VerificationReport) -> tuple[Path, Path]:
    """Write the report into the archive: French text (then English) and JSON.

    These two files are the only ones of the archive nothing protects: anyone
    can verify again and compare.
    """
    text = (
        format_archive_report(report, "fr")
        + "\n"
        + "=" * 72
        + "\nEnglish version\n\n"
        + format_archive_report(report, "en")
    )
    text_path, json_path = path / REPORT_TEXT_FILE, path / REPORT_JSON_FILE
    for target, content in ((text_path, text), (json_path, report.to_json() + "\n")):
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, target)
    return text_path, json_path
