"""The procès-verbal of one bureau as a PDF (arrêté du 16 avril 2019, art. 22).

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
from ceremony.report.frtext import (
    agree,
    format_count,
    format_date,
    format_datetime,
    format_int,
    format_percent,
    format_time,
    join_and,
    plural,
)
from ceremony.report.layout import (
    CONTENT_WIDTH,
    STYLES,
    TRAINING_MARK,
    QrCode,
    build_pdf,
    escape,
    grid_table,
    para,
    pdf_date,
)
from ceremony.report.model import EVENT_LABELS, Elected, Member, PvData, Session
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
    out: list[Flowable] = [
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
            f"au {format_datetime(data.voting_closes)} (heure de Paris). Toutes les heures de "
            "ce procès-verbal sont données en heure de Paris.",
        ),
    ]
    for session in data.sessions:
        place = session.place or "lieu non indiqué par la définition de l’élection"
        out.append(para(f"{session.title} : {place}."))
    out.append(para(_contests_line(data)))
    return out


SESSIONS_BESIDE_MEMBERS = 3
SESSIONS_PER_TABLE = 4


def _session_header(session: Session) -> Paragraph:
    hours = format_time(session.held_at)
    if session.closed_at is not None:
        hours += f" – {format_time(session.closed_at)}"
    text = f"{escape(session.title)}<br/>{escape(format_date(session.held_at))}<br/>{hours}"
    return Paragraph(text, STYLES["head_small"])


def _presence_cell(
    member_id: str, session: Session, names: dict[str, str], civility: str = ""
) -> str:
    """The member's presence, agreed with their civility (neutral nouns without one)."""
    if not session.recorded:
        return "Appel non consigné"
    replaced = dict(session.replaced)
    arrived = dict(session.arrivals)
    left = dict(session.departures)
    parts = []
    if member_id in replaced:
        stand_in = replaced[member_id]
        word = agree(civility, "Remplacé", "Remplacée", "Remplacement")
        parts.append(f"{word} par {names.get(stand_in, stand_in)}")
    if member_id in arrived:
        word = agree(civility, "Arrivé", "Arrivée", "Arrivée")
        parts.append(f"{word} à {format_time(arrived[member_id])}")
    elif member_id in session.present and member_id not in replaced:
        parts.append(agree(civility, "Présent", "Présente", "Présence"))
    elif not parts:
        return agree(civility, "Absent", "Absente", "Absence")
    if member_id in left:
        word = agree(civility, "parti", "partie", "départ")
        parts.append(f"{word} à {format_time(left[member_id])}")
    text = " ; ".join(parts)
    return text[0].upper() + text[1:]


def _presence(member: Member, sessions: Sequence[Session], names: dict[str, str]) -> list[Any]:
    return [
        para(_presence_cell(member.member_id, s, names, member.civility), "cell") for s in sessions
    ]


def _members(data: PvData) -> list[Flowable]:
    """Members and each session's roll-call; with many sessions, tables of their own."""
    names = {m.member_id: m.name for m in data.members}
    beside = data.sessions if len(data.sessions) <= SESSIONS_BESIDE_MEMBERS else ()
    session_width = 30 * mm
    fixed = CONTENT_WIDTH - session_width * len(beside)
    widths = [fixed * 0.32, fixed * 0.28, fixed * 0.40] + [session_width] * len(beside)
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
                *_presence(member, beside, names),
            ]
        )
    notes = []
    if data.notes.unrepresented_lists:
        count = len(data.notes.unrepresented_lists)
        notes.append(
            para(
                f"{plural(count, 'Liste', 'Listes')} sans délégué au bureau : "
                + " ; ".join(data.notes.unrepresented_lists)
                + ".",
            )
        )
    unrecorded = [s.title for s in data.sessions if not s.recorded]
    if unrecorded:
        notes.append(
            para(
                "L’appel des membres n’a pas été consigné pour : "
                + " ; ".join(unrecorded)
                + ". La présence n’y est pas établie.",
            )
        )
    out: list[Flowable] = [
        KeepTogether(
            [
                para("1. Composition du bureau et appel des membres à chaque séance", "h1"),
                grid_table(rows, widths),
            ]
        ),
        *notes,
    ]
    if beside or not data.sessions:
        return out
    for start in range(0, len(data.sessions), SESSIONS_PER_TABLE):
        chunk = data.sessions[start : start + SESSIONS_PER_TABLE]
        name_width = CONTENT_WIDTH - session_width * len(chunk)
        table_rows: list[list[Any]] = [
            [para("Membre", "cell_bold"), *(_session_header(s) for s in chunk)]
        ]
        table_rows += [[para(m.name, "cell"), *_presence(m, chunk, names)] for m in data.members]
        out += [
            Spacer(1, 3 * mm),
            grid_table(table_rows, [name_width] + [session_width] * len(chunk)),
        ]
    return out


def _events(data: PvData) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            para("Date et heure (heure de Paris)", "cell_bold"),
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
        return [title, para("Aucun événement n’a été consigné.")]
    # The heading never stays alone at the foot of a page.
    return [CondPageBreak(40 * mm), title, grid_table(rows, widths)]


def _summary(result: ContestResult) -> Table:
    alloc = result.allocation
    quotient = "—" if alloc.quotient is None else format_decimal(alloc.quotient, 2)
    rows = [
        ["Électeurs inscrits", format_int(result.registered)],
        ["Votants", format_int(result.voters_cast)],
        ["Taux de participation", format_percent(result.participation)],
        ["Votes blancs", format_int(result.blank)],
        ["Bulletins nuls", format_int(result.voters_cast - result.blank - result.expressed)],
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
    """Each highest-average round with every list's average (art. 22), the winner marked."""
    alloc = result.allocation
    if not alloc.rounds:
        return []
    names = {lst.list_id: lst.name for lst in result.lists}
    numbers = {lst.list_id: n for n, lst in enumerate(result.lists, start=1)}
    order = [lst.list_id for lst in result.lists]
    rows: list[list[Any]] = [
        [
            para("Siège", "cell_bold"),
            *(para(f"Liste {numbers[i]}", "cell_bold") for i in order),
            para("Attribué à", "cell_bold"),
        ]
    ]
    for rnd in alloc.rounds:
        last = rnd.first_seat + len(rnd.winners) - 1
        seats = (
            str(rnd.first_seat)
            if last == rnd.first_seat
            else f"{rnd.first_seat}\u00a0à\u00a0{last}"
        )
        averages = dict(rnd.averages)
        cells = []
        for list_id in order:
            if list_id not in averages:
                cells.append("—")
            elif list_id in rnd.winners:
                cells.append(
                    Paragraph(
                        f"<b>{format_decimal(averages[list_id], 2)}</b>", STYLES["cell_right"]
                    )
                )
            else:
                cells.append(format_decimal(averages[list_id], 2))
        rows.append(
            [para(seats, "cell"), *cells, para(", ".join(names[w] for w in rnd.winners), "cell")]
        )
    average_width = 19 * mm
    widths = [
        16 * mm,
        *([average_width] * len(order)),
        CONTENT_WIDTH - 16 * mm - average_width * len(order),
    ]
    table = grid_table(rows, widths, align_right_from=1)
    # The table and the tie it explains stay on one page with their title.
    return [
        KeepTogether(
            [
                para(
                    "Attribution des sièges restants à la plus forte moyenne (voix de la liste "
                    "divisées par ses sièges plus un ; en gras, la plus forte moyenne du tour ; "
                    "listes numérotées comme ci-dessus) :"
                ),
                table,
                *_ties(result),
            ]
        )
    ]


def _ties(result: ContestResult) -> list[Flowable]:
    names = {lst.list_id: lst.name for lst in result.lists}
    out: list[Flowable] = []
    for tie in result.allocation.ties:
        tied = join_and([names[t] for t in tie.tied_lists])
        won = join_and([names[w] for w in tie.winners])
        average = format_decimal(tie.average, 2)
        seat_word = plural(tie.places, "siège", "sièges")
        intro = f"Égalité de moyenne ({average}) entre {tied} pour {tie.places} {seat_word} : "
        if tie.decided_by == "most_candidates":
            how = (
                f"{plural(tie.places, 'attribué', 'attribués')} à la liste ayant présenté le plus "
                "grand nombre de candidats"
            )
            out.append(Spacer(1, 1.5 * mm))
            out.append(para(f"{intro}{how}, {won}."))
            continue
        if tie.decided_by == "most_votes":
            how = (
                f"{plural(tie.places, 'attribué', 'attribués')} à la liste ayant obtenu le plus "
                "grand nombre de suffrages"
            )
            out.append(Spacer(1, 1.5 * mm))
            out.append(para(f"{intro}{how}, {won}."))
            continue
        drawn_ids = {lid for lid, _ in tie.lot_digests}
        drawn = join_and([names[lid] for lid, _ in tie.lot_digests])
        # Lists with more votes than the others take their seat first; only the rest is drawn.
        by_votes = [names[w] for w in tie.winners if w not in drawn_ids]
        by_lot = [names[w] for w in tie.winners if w in drawn_ids]
        first = (
            f"{join_and(by_votes)} {plural(len(by_votes), 'obtient', 'obtiennent')} "
            f"{plural(len(by_votes), 'un siège', 'chacune un siège')} au plus grand nombre de "
            "suffrages ; "
            if by_votes
            else ""
        )
        lot_seats = plural(len(by_lot), "siège", "sièges")
        out.append(Spacer(1, 1.5 * mm))
        out.append(
            para(
                f"{intro}{first}à égalité de suffrages entre {drawn}, {lot_seats} "
                f"{plural(len(by_lot), 'attribué', 'attribués')} par tirage "
                f"au sort à {join_and(by_lot)}. Graine tirée en séance publique : "
                f"« {tie.lot_seed} ». "
                "Chaque liste tirée reçoit l’empreinte SHA-256 du texte "
                f"« {LOT_PREFIX}|graine|{result.contest_id}|identifiant de la liste » ; "
                "la plus petite empreinte l’emporte."
            )
        )
        rows = [[lid, Paragraph(digest, STYLES["mono"])] for lid, digest in tie.lot_digests]
        widths = [30 * mm, CONTENT_WIDTH - 30 * mm]
        out.append(grid_table([["Liste", "Empreinte SHA-256"], *rows], widths))
    return out


def _unfilled(result: ContestResult, short: Sequence[tuple[str, str, int]]) -> list[Flowable]:
    if not result.allocation.unfilled_seats:
        return []
    unfilled = result.allocation.unfilled_seats
    lists = [
        f"{name} ({format_count(k, 'candidat présenté', 'candidats présentés')})"
        for contest, name, k in short
        if contest == result.contest_id
    ]
    text = (
        f"{format_count(unfilled, 'siège n’a pu être attribué', 'sièges n’ont pu être attribués')} "
        "faute de candidats en nombre suffisant"
    )
    if lists:
        text += (
            " ; ont obtenu moins de sièges que leurs résultats, faute de candidats : "
            + " ; ".join(lists)
        )
    return [para(text + ".")]


def _elected(result: ContestResult, elected: Sequence[Elected], number: int = 0) -> list[Flowable]:
    mine = [e for e in elected if e.contest_id == result.contest_id]
    if not mine:
        return []
    rows: list[list[Any]] = [
        [para("Liste", "cell_bold"), para("Candidats élus, dans l’ordre de la liste", "cell_bold")]
    ]
    rows += [[para(e.list_name, "cell"), para(", ".join(e.names), "cell")] for e in mine]
    return [
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                # Named by its contest: the table may start a page of its own.
                para(f"Candidats élus au scrutin 3.{number} :" if number else "Candidats élus :"),
                grid_table(rows, [60 * mm, CONTENT_WIDTH - 60 * mm]),
            ]
        ),
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


def _contest(number: int, result: ContestResult, data: PvData) -> list[Flowable]:
    return [
        CondPageBreak(60 * mm),
        KeepTogether(
            [
                para(f"3.{number} {result.title}", "h2"),
                _summary(result),
                Spacer(1, 2 * mm),
                _list_table(result),
            ]
        ),
        Spacer(1, 2 * mm),
        *_rounds(result),
        *_unfilled(result, data.notes.short_lists),
        # The common lists' split stays with the elected candidates of its contest: alone
        # at the top of a page, a reader cannot tell which contest it belongs to.
        KeepTogether([*_elected(result, data.notes.elected, number), *_unions(result)]),
    ]


def _contest_window(data: PvData) -> list[Flowable]:
    where = data.notes.publication or "le site désigné par l’organisateur"
    return [
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                para("Délai de recours", "h2"),
                para(
                    "Le procès-verbal des résultats est publié sur "
                    f"{where}. Le délai de cinq jours imparti pour contester les résultats des "
                    "opérations électorales court à compter de cette publication (arrêté du "
                    "16 avril 2019, article 22)."
                ),
            ]
        ),
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
        para("4. Empreintes liant le procès-verbal au dossier de l’élection", "h1"),
        table,
        Spacer(1, 3 * mm),
        side,
    ]
    out: list[Flowable] = [KeepTogether(section)]
    if data.notes.sealed:
        sealed_rows = [
            [para(what, "cell"), Paragraph(escape(value), STYLES["mono"])]
            for what, value in data.notes.sealed
        ]
        sealed_table = grid_table(
            [[para("Élément scellé", "cell_bold"), para("SHA-256", "cell_bold")], *sealed_rows],
            [CONTENT_WIDTH - 100 * mm, 100 * mm],
        )
        out.append(Spacer(1, 3 * mm))
        out.append(
            KeepTogether(
                [para("Éléments scellés à la séance de scellement (article 15) :"), sealed_table]
            )
        )
    return out


BODY_NAME = "pv.pdf"
SIGNED_EDITION_NAME = "proces-verbal.pdf"


def _signers(data: PvData) -> list[Any]:
    if data.signers is None:
        return [m for m in data.members if m.must_sign]
    wanted = set(data.signers)
    return [m for m in data.members if m.member_id in wanted]


def _substitutes(data: PvData) -> list[tuple[str, Any]]:
    """(substitute's name, the member they stand in for) at the count session."""
    members = {m.member_id: m for m in data.members}
    count = next((s for s in data.sessions if s.title == "Séance de dépouillement"), None)
    if count is None or data.signers is None:
        return []
    return [
        (stand_in, members[member_id])
        for member_id, stand_in in count.replaced
        if stand_in not in members and member_id in members
    ]


def _signatures(data: PvData) -> list[Flowable]:
    """Who signs, and how: the members present at the count sign this file's SHA-256."""
    rows: list[list[Any]] = [
        [
            para("Membre", "cell_bold"),
            para("Qualité", "cell_bold"),
            para("Signature électronique (carte)", "cell_bold"),
            para("Signature manuscrite", "cell_bold"),
        ]
    ]
    signers = _signers(data)
    for member in signers:
        # The empty cell keeps room for a handwritten signature.
        rows.append(
            [
                para(member.name, "cell"),
                para(member.role, "cell"),
                para("Signe avec sa carte l’empreinte SHA-256 de ce fichier", "cell"),
                Spacer(1, 13 * mm),
            ]
        )
    substitutes = _substitutes(data)
    for stand_in, member in substitutes:
        # A substitute delegate (art. 9) holds no card: they sign the printed copy.
        rows.append(
            [
                para(stand_in, "cell"),
                para(
                    "Délégué suppléant" + (f" ({member.represents})" if member.represents else ""),
                    "cell",
                ),
                para("Sans carte : signe l’exemplaire imprimé de ce procès-verbal", "cell"),
                Spacer(1, 13 * mm),
            ]
        )
    widths = [45 * mm, 38 * mm, CONTENT_WIDTH - 128 * mm, 45 * mm]
    who = (
        "les membres présents à cette séance"
        + (
            " (un délégué suppléant, qui n’a pas de carte, signe l’exemplaire imprimé)"
            if len(substitutes) == 1
            else " (les délégués suppléants, qui n’ont pas de carte, signent l’exemplaire imprimé)"
            if substitutes
            else ""
        )
        if data.signers is not None
        else "les membres du bureau (l’appel de la séance de dépouillement n’a pas été consigné)"
    )
    intro = (
        f"Procès-verbal établi le {format_datetime(data.drawn_up_at)}, à la clôture de la "
        f"séance de dépouillement, puis signé, dès la séance levée, par {who} ; l’heure de "
        "chaque signature figure sur la page des signatures. "
        f"Chacun signe avec sa carte l’empreinte SHA-256 de ce fichier tel qu’il est "
        f"({BODY_NAME} du paquet des résultats) ; une empreinte ne pouvant figurer dans le "
        "fichier qu’elle résume, les signatures sont reportées, avec cette empreinte, sur la page "
        "des signatures établie après la signature et jointe à ce procès-verbal dans le dossier "
        f"archivé ({SIGNED_EDITION_NAME}). Les deux fichiers sont archivés et vérifiés."
    )
    return [
        CondPageBreak(70 * mm),
        para("5. Signatures des membres du bureau", "h1"),
        para(intro),
        Spacer(1, 2 * mm),
        grid_table(rows, widths),
    ]


def make_signature_page(data: PvData, body_sha256: str, body_pages: int = 0) -> bytes:
    """The page made after the signatures: each member's card signature over the body's hash."""
    names = {m.member_id: m for m in data.members}
    rows: list[list[Any]] = [
        [
            para("Membre et qualité", "cell_bold"),
            para("Signé le (heure de Paris)", "cell_bold"),
            para("Clé de la carte (identifiant)", "cell_bold"),
        ]
    ]
    for signature in data.signatures:
        member = names[signature.member_id]
        rows.append(
            [
                para(f"{member.name}, {member.role}", "cell"),
                para(format_datetime(signature.signed_at), "cell"),
                Paragraph(escape(signature.key_id), STYLES["mono"]),
            ]
        )
    key_width = 96 * mm
    table = grid_table(rows, [CONTENT_WIDTH - key_width - 34 * mm, 34 * mm, key_width])
    count = len(data.signatures)
    story: list[Flowable] = [
        para("PAGE DES SIGNATURES DU PROCÈS-VERBAL", "title"),
        para(data.bureau_name, "subtitle"),
        Spacer(1, 4 * mm),
        para(
            "Cette page, établie après la signature, accompagne le corps du procès-verbal qui "
            f"la précède ({BODY_NAME} du paquet des résultats). Document signé : SHA-256 "
            f"{body_sha256}. {plural(count, 'La signature', 'Chacune des signatures')} "
            f"ci-dessous, faite avec la carte du membre, porte sur cette empreinte ; tout "
            "expert la vérifie avec « bureau verify »."
        ),
        Spacer(1, 3 * mm),
        table,
    ]
    return build_pdf(
        story,
        title=f"Signatures du procès-verbal — {data.bureau_name}",
        subject=data.instance,
        author=data.bureau_name,
        footer=f"Signatures du procès-verbal — {data.bureau_name}",
        created=max((s.signed_at for s in data.signatures), default=data.drawn_up_at),
        training=data.training,
        pages_before=body_pages,
    )


def make_signed_edition(body: bytes, data: PvData) -> bytes:
    """The archived PV: the signed body's pages unchanged, then the signature page."""
    import io

    from pypdf import PdfReader, PdfWriter

    body_pages = len(PdfReader(io.BytesIO(body)).pages)
    page = make_signature_page(data, compute_pv_sha256(body), body_pages)
    writer = PdfWriter()
    for source in (body, page):
        for pdf_page in PdfReader(io.BytesIO(source)).pages:
            writer.add_page(pdf_page)
    created = max((s.signed_at for s in data.signatures), default=data.drawn_up_at)
    writer.add_metadata(
        {
            "/Title": f"{TRAINING_MARK} — Procès-verbal signé — {data.bureau_name}"
            if data.training
            else f"Procès-verbal signé — {data.bureau_name}",
            **({"/Keywords": TRAINING_MARK} if data.training else {}),
            "/Author": data.bureau_name,
            "/Subject": data.instance,
            "/Creator": "Bureau",
            "/CreationDate": pdf_date(data.drawn_up_at),
            "/ModDate": pdf_date(created),
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pv_pdf(data: PvData) -> bytes:
    """The procès-verbal as PDF bytes (A4, fonts embedded, deterministic)."""
    story: list[Flowable] = [*_header(data), *_members(data), *_events(data)]
    story += [CondPageBreak(90 * mm), para("3. Résultats", "h1")]
    for number, result in enumerate(data.results, start=1):
        story += _contest(number, result, data)
    story += _contest_window(data)
    story += _fingerprints(data)
    story += _signatures(data)
    return build_pdf(
        story,
        title=f"Procès-verbal — {data.bureau_name}",
        subject=data.instance,
        author=data.bureau_name,
        footer=f"Procès-verbal — {data.bureau_name}",
        created=data.drawn_up_at,
        training=data.training,
    )
