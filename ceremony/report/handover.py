"""The key hand-over list ("remise des clés") and its envelope labels.

At the end of the count the key cards and their activation codes are handed to
the administration in public, in separate sealed envelopes, and kept two years
so the count can be run again (arrêté du 16 avril 2019, art. 23). This document
lists the cards (holder, role, serial), says who keeps what, and prints the
labels of each card's envelopes. No code is ever printed: each is written by
hand, out of sight, by the person who chose it.

Who keeps what (the rule this document states, :data:`CUSTODY_ROWS`):

- the card and its personal code (PIN): its holder, from the key ceremony to
  the count ("les clés de chiffrement sont conservées sous la responsabilité de
  chacun des détenteurs"); the PIN is never written down or lent before the
  hand-over, where the holder writes it alone into envelope P;
- the card's admin code (chosen at registration): envelope A, sealed at once,
  kept by the administration's representative, apart from every card, never
  by the holder; opened only to unblock the card in front of its holder
  (``bureau card unblock``, journaled), then resealed;
- the resetting code (optional, ``bureau card set-reset-code``): envelope R,
  kept by the bureau's president (by the secretary for the president's own
  card), never by the holder nor with the admin codes. It lets a blocked card
  be unblocked at the count without the administration; with the card and the
  resetting code in different hands, nobody but the holder can set a new PIN.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from ceremony.report.errors import InvalidReportDataError
from ceremony.report.fonts import SANS
from ceremony.report.frtext import format_date, format_datetime
from ceremony.report.layout import CONTENT_WIDTH, STYLES, build_pdf, escape, grid_table, para


@dataclass(frozen=True)
class KeyCard:
    """One key card handed over: who held it, in which role, its serial number."""

    holder: str
    role: str
    serial: str
    represents: str = ""
    reset_code: bool = False
    """Whether a resetting code was set on the card (then it has an envelope R)."""
    absent: bool = False
    """The holder is not present at the count session: the card is handed over later."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "role": self.role,
            "serial": self.serial,
            "represents": self.represents,
            "reset_code": self.reset_code,
            **({"absent": True} if self.absent else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KeyCard:
        return cls(
            str(data["holder"]),
            str(data["role"]),
            str(data["serial"]),
            str(data.get("represents", "")),
            bool(data.get("reset_code", False)),
            bool(data.get("absent", False)),
        )


@dataclass(frozen=True)
class HandoverData:
    """Everything the hand-over list shows; ``keep_until`` is usually two years on."""

    organiser: str
    instance: str
    bureau_name: str
    handed_over_at: datetime
    keep_until: datetime
    received_by: str
    cards: tuple[KeyCard, ...]
    training: bool = False
    """Made in training: every page carries the training mark."""

    def __post_init__(self) -> None:
        serials = [c.serial for c in self.cards]
        if not self.cards or len(set(serials)) != len(serials):
            raise InvalidReportDataError("hand-over needs cards with distinct serials")
        if self.keep_until <= self.handed_over_at:
            raise InvalidReportDataError("retention ends before the hand-over")

    def to_dict(self) -> dict[str, Any]:
        return {
            "organiser": self.organiser,
            "instance": self.instance,
            "bureau_name": self.bureau_name,
            "handed_over_at": self.handed_over_at.isoformat(),
            "keep_until": self.keep_until.isoformat(),
            "received_by": self.received_by,
            "cards": [c.to_dict() for c in self.cards],
            **({"training": True} if self.training else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HandoverData:
        return cls(
            organiser=str(data["organiser"]),
            instance=str(data["instance"]),
            bureau_name=str(data["bureau_name"]),
            handed_over_at=datetime.fromisoformat(data["handed_over_at"]),
            keep_until=datetime.fromisoformat(data["keep_until"]),
            received_by=str(data["received_by"]),
            cards=tuple(KeyCard.from_dict(c) for c in data["cards"]),
            training=bool(data.get("training", False)),
        )


def compute_keep_until(handed_over_at: datetime, years: int = 2) -> datetime:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return handed_over_at.replace(year=handed_over_at.year + years)
    except ValueError:
        return handed_over_at.replace(year=handed_over_at.year + years, day=28)


def envelope_numbers(index: int) -> tuple[str, str]:
    """Envelope numbers of the card and of its code, e.g. ``C-03`` and ``P-03``."""
    return f"C-{index:02d}", f"P-{index:02d}"


def code_envelope_numbers(index: int) -> tuple[str, str]:
    """Envelope numbers of the card's admin code and resetting code: ``A-03``, ``R-03``."""
    return f"A-{index:02d}", f"R-{index:02d}"


CUSTODY_ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "Carte à clé",
        "Son titulaire, sous sa responsabilité (elle ne quitte pas ses mains).",
        "Pli C, remis à l’administration.",
    ),
    (
        "Code personnel de la carte",
        "Son titulaire seul, de mémoire : jamais écrit, jamais confié.",
        "Écrit par le titulaire, hors de la vue de tous : pli P.",
    ),
    (
        "Code administrateur de la carte",
        "Pli A scellé dès l’enregistrement de la carte, gardé par le représentant de "
        "l’administration, séparé de toutes les cartes, jamais par le titulaire. Ouvert "
        "seulement pour débloquer la carte devant son titulaire (journalisé), puis rescellé.",
        "Pli A, remis à l’administration (scellé s’il n’a pas servi).",
    ),
    (
        "Code de déblocage (s’il a été défini)",
        "Pli R scellé, gardé par la présidence du bureau (par le secrétariat pour la carte de "
        "la présidence), jamais par le titulaire ni avec les plis A. Il permet de débloquer une "
        "carte au dépouillement sans l’administration (journalisé).",
        "Pli R, remis à l’administration.",
    ),
)


def _custody(data: HandoverData) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            para(h, "cell_bold")
            for h in ("Élément", "De la cérémonie des clés au dépouillement", "À la remise")
        ]
    ]
    rows.extend([para(a, "cell"), para(b, "cell"), para(c, "cell")] for a, b, c in CUSTODY_ROWS)
    widths = [CONTENT_WIDTH * f for f in (0.22, 0.5, 0.28)]
    with_reset = [c.holder for c in data.cards if c.reset_code]
    reset_note = (
        "Code de déblocage défini pour : " + ", ".join(with_reset) + "."
        if with_reset
        else "Aucune carte n’a de code de déblocage : une carte bloquée se débloque avec son "
        "code administrateur (pli A)."
    )
    return [
        para("Qui garde quoi", "h1"),
        para(
            "Personne d’autre que son titulaire ne détient à la fois une carte et un moyen d’en "
            "fixer le code personnel : la carte et son code administrateur, comme la carte et "
            "son code de déblocage, sont toujours dans des mains différentes jusqu’à la remise."
        ),
        Spacer(1, 2 * mm),
        grid_table(rows, widths),
        Spacer(1, 2 * mm),
        para(reset_note),
    ]


def _list_page(data: HandoverData) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            para(h, "cell_bold")
            for h in ("N°", "Titulaire", "Qualité", "N° de série de la carte", "Plis", "Signature")
        ]
    ]
    for index, card in enumerate(data.cards, start=1):
        card_env, code_env = envelope_numbers(index)
        admin_env, reset_env = code_envelope_numbers(index)
        role = card.role + (f" ({card.represents})" if card.represents else "")
        envelopes = f"{card_env} carte<br/>{code_env} code<br/>{admin_env} admin."
        if card.reset_code:
            envelopes += f"<br/>{reset_env} débloc."
        # An absent holder cannot hand over in the room: the row waits for the later hand-over.
        signature: Flowable = (
            para("Absence à la séance : remise ultérieure, le ……… à ……… h ………", "cell")
            if card.absent
            else Spacer(1, 11 * mm)
        )
        rows.append(
            [
                str(index),
                para(card.holder, "cell"),
                para(role, "cell"),
                Paragraph(escape(card.serial), STYLES["mono"]),
                Paragraph(envelopes, STYLES["cell"]),
                signature,
            ]
        )
    widths = [10 * mm, 40 * mm, 42 * mm, 32 * mm, 20 * mm, CONTENT_WIDTH - 144 * mm]
    return [
        para("RÉPUBLIQUE FRANÇAISE", "republic"),
        para(data.organiser, "subtitle"),
        Spacer(1, 5 * mm),
        para("REMISE DES CLÉS DE CHIFFREMENT", "title"),
        Spacer(1, 2 * mm),
        para(data.instance, "subtitle"),
        para(data.bureau_name, "subtitle"),
        Spacer(1, 4 * mm),
        para(
            f"Le {format_datetime(data.handed_over_at)}, les cartes portant les clés de "
            "chiffrement du bureau et leurs codes d’activation sont remis publiquement à "
            f"l’administration, représentée par {data.received_by}, sous plis distincts scellés "
            "en présence des membres du bureau de vote électronique. Chaque titulaire écrit "
            "lui-même son code d’activation, hors de la vue de tous, et le place dans le "
            "pli « P » ; sa carte va dans le pli « C ». Les plis « A » (code administrateur) et, "
            "s’il y en a, « R » (code de déblocage) sont remis scellés de même. Aucun code "
            "n’est imprimé ni enregistré."
        ),
        Spacer(1, 2 * mm),
        para(
            f"Les plis sont conservés jusqu’au {format_date(data.keep_until)} avec les fichiers "
            "de l’élection, afin de permettre une nouvelle exécution du décompte des votes, puis "
            "détruits (sauf recours contentieux en cours)."
        ),
        Spacer(1, 4 * mm),
        grid_table(rows, widths),
        *_later_hand_over(data),
        *_custody(data),
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para(f"Reçu par : {data.received_by}"),
                para("Date, heure et signature :"),
                Spacer(1, 18 * mm),
            ]
        ),
    ]


def _later_hand_over(data: HandoverData) -> list[Flowable]:
    absent = [card.holder for card in data.cards if card.absent]
    if not absent:
        return []
    return [
        Spacer(1, 2 * mm),
        para(
            "Absence à la séance de dépouillement : "
            + ", ".join(absent)
            + ". "
            + (
                "Sa carte et ses plis sont remis"
                if len(absent) == 1
                else "Leurs cartes et plis sont remis"
            )
            + " ultérieurement à l’administration, qui porte sur cette liste la date et l’heure "
            "de la remise ; le titulaire et l’administration signent."
        ),
    ]


_KINDS = {
    "card": "CARTE À CLÉ",
    "code": "CODE D’ACTIVATION",
    "admin": "CODE ADMINISTRATEUR",
    "reset": "CODE DE DÉBLOCAGE",
}


def _label(data: HandoverData, index: int, card: KeyCard, kind: str) -> list[Flowable]:
    card_env, code_env = envelope_numbers(index)
    admin_env, reset_env = code_envelope_numbers(index)
    number = {"card": card_env, "code": code_env, "admin": admin_env, "reset": reset_env}[kind]
    content = {
        "card": f"Contient la carte seule. Le code d’activation est dans le pli {code_env}.",
        "code": "Contient le code d’activation écrit par son titulaire. Ne contient pas la carte "
        f"(pli {card_env}).",
        "admin": "Contient le code administrateur de la carte, écrit par qui l’a choisi. Gardé "
        "par le représentant de l’administration, jamais avec la carte.",
        "reset": "Contient le code de déblocage de la carte. Gardé par la présidence du bureau "
        "(le secrétariat pour la carte de la présidence), jamais par le titulaire.",
    }[kind]
    role = card.role + (f" — {card.represents}" if card.represents else "")
    return [
        para(f"PLI {number} — {_KINDS[kind]}", "h2"),
        para(data.bureau_name, "small"),
        para(data.instance, "small"),
        Spacer(1, 1.5 * mm),
        para(f"Titulaire : {card.holder}", "cell"),
        para(f"Qualité : {role}", "cell"),
        Paragraph(f"N° de série : {escape(card.serial)}", STYLES["mono_large"]),
        Spacer(1, 1.5 * mm),
        para(content, "small"),
        para(
            (
                "Scellé dès l’enregistrement de la carte ; remis le "
                if kind == "admin"
                else "Scellé le "
            )
            + f"{format_date(data.handed_over_at)}. "
            f"À conserver jusqu’au {format_date(data.keep_until)}.",
            "small",
        ),
        Spacer(1, 2 * mm),
        para(
            "Signatures sur la fermeture (qui a choisi le code, représentant de l’administration) :"
            if kind == "admin"
            else "Signatures sur la fermeture (titulaire, présidence du bureau) :",
            "small",
        ),
    ]


def _labels(data: HandoverData) -> list[Flowable]:
    cells: list[list[Flowable]] = []
    for index, card in enumerate(data.cards, start=1):
        kinds = ["card", "code", "admin"] + (["reset"] if card.reset_code else [])
        cells.extend(_label(data, index, card, kind) for kind in kinds)
    if len(cells) % 2:
        cells.append([])
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    width = CONTENT_WIDTH / 2
    table = Table(rows, colWidths=[width, width], rowHeights=[78 * mm] * len(rows))
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SANS, 8),
            # Dashed cutting lines around each label.
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black, None, (3, 2)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
        ]
    )
    return [
        PageBreak(),
        para("Étiquettes des plis — à découper le long des pointillés", "h1"),
        table,
    ]


def make_handover_pdf(data: HandoverData) -> bytes:
    """The hand-over list then the envelope labels, as PDF bytes (deterministic)."""
    return build_pdf(
        [*_list_page(data), *_labels(data)],
        title=f"Remise des clés — {data.bureau_name}",
        subject=data.instance,
        author=data.organiser,
        footer=f"Remise des clés — {data.bureau_name}",
        created=data.handed_over_at,
        training=data.training,
    )
