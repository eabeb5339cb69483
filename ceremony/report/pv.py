"""The procès-verbal of one bureau as a PDF (arrêté du 16 avril 2019, art. 21).

It records the bureau and its sessions, the findings and events in order, for
each contest the figures and the seat allocation, the fingerprints that tie it
to the election record (also as a QR code) and the signature block. The PDF is
deterministic: members sign its SHA-256; the signed edition is the same PV drawn
again with ``signatures`` and ``signed_sha256`` filled in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ceremony.report.fonts import SANS
from ceremony.report.frtext import format_date, format_datetime, format_int, format_percent
from ceremony.report.layout import (
    CONTENT_WIDTH,
    STYLES,
    QrCode,
    build_pdf,
    escape,
    grid_table,
    para,
)
from ceremony.report.model import EVENT_LABELS, PvData, Session
from ceremony.tally.common_lists import format_decimal, format_votes
from ceremony.tally.lots import LOT_PREFIX
from ceremony.tally.results import ContestResult

QR_PREFIX = "BUREAU-PV-1"


def compute_pv_sha256(pdf: bytes) -> str:
    """The hash the members sign with their cards (lower-case hex)."""
    return hashlib.sha256(pdf).hexdigest()


def compute_fingerprint_text(data: PvData) -> str:
    """The text of the QR code: the bureau and every fingerprint, one per line."""
    lines = [QR_PREFIX, f"bureau: {data.bureau_name}"]
    lines += [f"{fp.label}: {fp.value}" for fp in data.fingerprints]
    return "\n".join(lines)


def _contests_line(data: PvData) -> str:
    if len(data.results) <= 6:
        return "Scrutins : " + " ; ".join(r.title for r in data.results) + "."
    return f"{len(data.results)} scrutins, détaillés dans la partie 3."


def _header(data: PvData) -> list[Flowable]:
    return [
        para("RÉPUBLIQUE FRANÇAISE", "republic"),
        para(data.organiser, "subtitle"),
        Spacer(1, 6 * mm),
        para("PROCÈS-VERBAL DES OPÉRATIONS DU BUREAU DE VOTE ÉLECTRONIQUE", "title"),
        Spacer(1, 2 * mm),
        para(data.instance, "subtitle"),
        para(data.bureau_name, "subtitle"),
        Spacer(1, 3 * mm),
        para(
            f"Vote électronique par internet ouvert du {format_datetime(data.voting_opens)} "
            f"au {format_datetime(data.voting_closes)} (heure de Paris). "
            f"Le bureau de vote électronique s'est réuni à {data.place}.",
        ),
        para(_contests_line(data)),
    ]


SESSIONS_BESIDE_MEMBERS = 3
SESSIONS_PER_TABLE = 4


def _session_header(session: Session) -> Paragraph:
    text = f"{escape(session.title)}<br/>{escape(format_date(session.held_at))}"
    return Paragraph(text, STYLES["head_small"])


def _presence(member_id: str, sessions: Sequence[Session]) -> list[Any]:
    return ["Présent" if member_id in s.present else "Absent" for s in sessions]


def _members(data: PvData) -> list[Flowable]:
    """Members and presence; with many sessions, presence goes in tables of its own."""
    beside = data.sessions if len(data.sessions) <= SESSIONS_BESIDE_MEMBERS else ()
    session_width = 26 * mm
    fixed = CONTENT_WIDTH - session_width * len(beside)
    widths = [fixed * 0.34, fixed * 0.30, fixed * 0.36] + [session_width] * len(beside)
    header: list[Any] = [
        para("Membre", "cell_bold"),
        para("Qualité", "cell_bold"),
        para("Représente", "cell_bold"),
        *(_session_header(s) for s in beside),
    ]
    rows: list[list[Any]] = [header]
    for member in data.members:
        rows.append(
            [
                para(member.name, "cell"),
                para(member.role, "cell"),
                para(member.represents or "—", "cell"),
                *_presence(member.member_id, beside),
            ]
        )
    out: list[Flowable] = [
        para("1. Composition du bureau et présence aux séances", "h1"),
        grid_table(rows, widths),
    ]
    if beside or not data.sessions:
        return out
    for start in range(0, len(data.sessions), SESSIONS_PER_TABLE):
        chunk = data.sessions[start : start + SESSIONS_PER_TABLE]
        name_width = CONTENT_WIDTH - session_width * len(chunk)
        table_rows: list[list[Any]] = [
            [para("Membre", "cell_bold"), *(_session_header(s) for s in chunk)]
        ]
        table_rows += [[para(m.name, "cell"), *_presence(m.member_id, chunk)] for m in data.members]
        out += [
            Spacer(1, 3 * mm),
            grid_table(table_rows, [name_width] + [session_width] * len(chunk)),
        ]
    return out


def _events(data: PvData) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            para("Date et heure", "cell_bold"),
            para("Nature", "cell_bold"),
            para("Constatation", "cell_bold"),
        ]
    ]
    for event in data.events:
        rows.append(
            [
                para(format_datetime(event.at), "cell"),
                para(EVENT_LABELS[event.kind], "cell"),
                para(event.text, "cell"),
            ]
        )
    widths = [38 * mm, 32 * mm, CONTENT_WIDTH - 70 * mm]
    title = para("2. Constatations et événements survenus au cours des opérations", "h1")
    if not data.events:
        return [title, para("Aucun événement n'a été consigné.")]
    return [title, grid_table(rows, widths)]


def _summary(result: ContestResult) -> Table:
    alloc = result.allocation
    quotient = "—" if alloc.quotient is None else format_decimal(alloc.quotient, 2)
    rows = [
        ["Électeurs inscrits", format_int(result.registered)],
        ["Votants", format_int(result.voters_cast)],
        ["Taux de participation", format_percent(result.participation)],
        ["Votes blancs", format_int(result.blank)],
        ["Suffrages exprimés", format_int(result.expressed)],
        ["Sièges à pourvoir", format_int(alloc.seats_to_fill)],
        ["Quotient électoral (exprimés / sièges)", quotient],
    ]
    return grid_table(rows, [70 * mm, 35 * mm], header_rows=0, align_right_from=1)


def _list_table(result: ContestResult) -> Table:
    by_id = {entry.list_id: entry for entry in result.allocation.lists}
    rows: list[list[Any]] = [
        [
            para("N°", "cell_bold"),
            para("Liste", "cell_bold"),
            para("Voix", "cell_bold"),
            para("% des exprimés", "cell_bold"),
            para("Sièges au quotient", "cell_bold"),
            para("Sièges à la plus forte moyenne", "cell_bold"),
            para("Total des sièges", "cell_bold"),
        ]
    ]
    for number, lst in enumerate(result.lists, start=1):
        share = Fraction(lst.votes, result.expressed) if result.expressed else Fraction(0)
        seats = by_id[lst.list_id]
        rows.append(
            [
                str(number),
                para(lst.name, "cell"),
                format_int(lst.votes),
                format_percent(share),
                format_int(seats.quotient_seats),
                format_int(seats.average_seats),
                format_int(lst.seats),
            ]
        )
    rows.append(
        [
            "",
            "Total",
            format_int(result.expressed),
            "",
            format_int(sum(e.quotient_seats for e in result.allocation.lists)),
            format_int(sum(e.average_seats for e in result.allocation.lists)),
            format_int(sum(lst.seats for lst in result.lists)),
        ]
    )
    fixed = 10 * mm + 20 * mm + 20 * mm + 3 * 22 * mm
    widths = [10 * mm, CONTENT_WIDTH - fixed, 20 * mm, 20 * mm, 22 * mm, 22 * mm, 22 * mm]
    return grid_table(rows, widths, align_right_from=2, bold_last_row=True)


def _rounds(result: ContestResult) -> list[Flowable]:
    alloc = result.allocation
    if not alloc.rounds:
        return []
    names = {lst.list_id: lst.name for lst in result.lists}
    rows: list[list[Any]] = [
        [
            para("Siège(s)", "cell_bold"),
            para("Attribué(s) à", "cell_bold"),
            para("Moyenne", "cell_bold"),
        ]
    ]
    for rnd in alloc.rounds:
        last = rnd.first_seat + len(rnd.winners) - 1
        seats = str(rnd.first_seat) if last == rnd.first_seat else f"{rnd.first_seat} à {last}"
        average = dict(rnd.averages)[rnd.winners[0]]
        rows.append(
            [
                seats,
                para(", ".join(names[w] for w in rnd.winners), "cell"),
                format_decimal(average, 2),
            ]
        )
    table = grid_table(rows, [22 * mm, CONTENT_WIDTH - 52 * mm, 30 * mm], align_right_from=2)
    # The table and the tie it explains stay on one page with their title.
    return [
        KeepTogether(
            [
                para("Attribution des sièges restants à la plus forte moyenne :"),
                table,
                *_ties(result),
            ]
        )
    ]


def _ties(result: ContestResult) -> list[Flowable]:
    names = {lst.list_id: lst.name for lst in result.lists}
    out: list[Flowable] = []
    for tie in result.allocation.ties:
        tied = ", ".join(names[t] for t in tie.tied_lists)
        won = ", ".join(names[w] for w in tie.winners)
        average = format_decimal(tie.average, 2)
        intro = f"Égalité de moyenne ({average}) entre {tied} pour {tie.places} siège(s) : "
        if tie.decided_by == "most_votes":
            how = "attribué(s) à la liste ayant obtenu le plus grand nombre de suffrages"
            out.append(Spacer(1, 1.5 * mm))
            out.append(para(f"{intro}{how}, {won}."))
            continue
        drawn = ", ".join(names[lid] for lid, _ in tie.lot_digests)
        out.append(Spacer(1, 1.5 * mm))
        out.append(
            para(
                f"{intro}à égalité de suffrages entre {drawn}, siège(s) attribué(s) par tirage "
                f"au sort à {won}. Graine tirée en séance publique : « {tie.lot_seed} ». "
                "Chaque liste tirée reçoit l'empreinte SHA-256 du texte "
                f"« {LOT_PREFIX}|graine|{result.contest_id}|identifiant de la liste » ; "
                "la plus petite empreinte l'emporte."
            )
        )
        rows = [[lid, Paragraph(digest, STYLES["mono"])] for lid, digest in tie.lot_digests]
        widths = [30 * mm, CONTENT_WIDTH - 30 * mm]
        out.append(grid_table([["Liste", "Empreinte SHA-256"], *rows], widths))
    return out


def _unfilled(result: ContestResult) -> list[Flowable]:
    if not result.allocation.unfilled_seats:
        return []
    return [
        para(
            f"{format_int(result.allocation.unfilled_seats)} siège(s) n'ont pu être attribués "
            "faute de candidats en nombre suffisant."
        )
    ]


def _unions(result: ContestResult) -> list[Flowable]:
    common = [lst for lst in result.lists if len(lst.union_votes) > 1]
    if not common:
        return []
    rows: list[list[Any]] = [
        [
            para("Liste commune", "cell_bold"),
            para("Organisation", "cell_bold"),
            para("Part", "cell_bold"),
            para("Voix", "cell_bold"),
        ]
    ]
    for lst in common:
        for uv in lst.union_votes:
            share = f"{uv.share.numerator}/{uv.share.denominator}"
            rows.append(
                [para(lst.name, "cell"), para(uv.union, "cell"), share, format_votes(uv.votes)]
            )
    widths = [CONTENT_WIDTH - 110 * mm, 60 * mm, 20 * mm, 30 * mm]
    note = para(
        "Répartition des voix des listes communes entre organisations syndicales, selon la clé "
        "déclarée au dépôt de la liste (à parts égales à défaut). Les valeurs exactes sont des "
        "fractions ; elles sont arrondies ici au centième.",
        "small",
    )
    return [
        Spacer(1, 2 * mm),
        KeepTogether([grid_table(rows, widths, align_right_from=2), note]),
    ]


def _contest(number: int, result: ContestResult) -> list[Flowable]:
    return [
        CondPageBreak(60 * mm),
        para(f"3.{number} {result.title}", "h2"),
        KeepTogether([_summary(result), Spacer(1, 2 * mm), _list_table(result)]),
        Spacer(1, 2 * mm),
        *_rounds(result),
        *_unfilled(result),
        *_unions(result),
    ]


def _fingerprints(data: PvData) -> list[Flowable]:
    rows = [
        [para(fp.label, "cell"), Paragraph(escape(fp.value), STYLES["mono"])]
        for fp in data.fingerprints
    ]
    table = grid_table(
        [[para("Élément", "cell_bold"), para("Empreinte", "cell_bold")], *rows],
        [CONTENT_WIDTH - 100 * mm, 100 * mm],
    )
    qr = QrCode(compute_fingerprint_text(data), 40 * mm)
    caption = para(
        "Ce code QR reprend le tableau ci-dessus (nom du bureau puis une empreinte par ligne). "
        "Ces empreintes identifient les fichiers conservés : élections, scellement, archive. "
        "Tout expert peut les recalculer à partir du dossier avec « bureau verify ».",
        "small",
    )
    side = Table([[qr, caption]], colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm])
    side.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SANS, 8),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    side.hAlign = "LEFT"
    section = [
        para("4. Empreintes liant le procès-verbal au dossier de l'élection", "h1"),
        table,
        Spacer(1, 3 * mm),
        side,
    ]
    return [KeepTogether(section)]


def _signatures(data: PvData) -> list[Flowable]:
    signed = {s.member_id: s for s in data.signatures}
    rows: list[list[Any]] = [
        [
            para("Membre", "cell_bold"),
            para("Qualité", "cell_bold"),
            para("Signature électronique (carte)", "cell_bold"),
            para("Signature manuscrite", "cell_bold"),
        ]
    ]
    for member in data.members:
        if not member.must_sign:
            continue
        sig = signed.get(member.member_id)
        status = (
            "Non signé"
            if sig is None
            else f"Signé le {format_datetime(sig.signed_at)}, clé {sig.key_id}"
        )
        # The empty cell keeps room for a handwritten signature.
        rows.append(
            [
                para(member.name, "cell"),
                para(member.role, "cell"),
                para(status, "cell"),
                Spacer(1, 13 * mm),
            ]
        )
    widths = [45 * mm, 38 * mm, CONTENT_WIDTH - 128 * mm, 45 * mm]
    table = grid_table(rows, widths)
    intro = (
        f"Procès-verbal établi le {format_datetime(data.drawn_up_at)}. Chaque membre présent "
        "signe l'empreinte SHA-256 de ce document avec sa carte."
    )
    if data.signed_sha256 is not None:
        intro += f" Document signé : SHA-256 {data.signed_sha256}."
    return [
        CondPageBreak(60 * mm),
        para("5. Signatures des membres du bureau", "h1"),
        para(intro),
        Spacer(1, 2 * mm),
        table,
    ]


def make_pv_pdf(data: PvData) -> bytes:
    """The procès-verbal as PDF bytes (A4, fonts embedded, deterministic)."""
    story: list[Flowable] = [*_header(data), *_members(data), *_events(data)]
    story += [CondPageBreak(90 * mm), para("3. Résultats", "h1")]
    for number, result in enumerate(data.results, start=1):
        story += _contest(number, result)
    story += _fingerprints(data)
    story += _signatures(data)
    return build_pdf(
        story,
        title=f"Procès-verbal — {data.bureau_name}",
        subject=data.instance,
        author=data.organiser,
        footer=f"Procès-verbal — {data.bureau_name}",
    )
