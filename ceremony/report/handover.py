"""The key hand-over list ("remise des clés") and its envelope labels.

At the end of the count the key cards and their activation codes are handed to
the administration in public, in separate sealed envelopes, and kept two years
so the count can be run again (arrêté du 16 avril 2019, art. 21). This document
lists the cards (holder, role, serial) and prints two labels per card: one for
the envelope holding the card, one for the envelope holding its code. The code
itself is never printed: the holder writes it alone, out of sight.
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "role": self.role,
            "serial": self.serial,
            "represents": self.represents,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KeyCard:
        return cls(
            str(data["holder"]),
            str(data["role"]),
            str(data["serial"]),
            str(data.get("represents", "")),
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


def _list_page(data: HandoverData) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            para(h, "cell_bold")
            for h in ("N°", "Titulaire", "Qualité", "N° de série de la carte", "Plis", "Signature")
        ]
    ]
    for index, card in enumerate(data.cards, start=1):
        card_env, code_env = envelope_numbers(index)
        role = card.role + (f" ({card.represents})" if card.represents else "")
        rows.append(
            [
                str(index),
                para(card.holder, "cell"),
                para(role, "cell"),
                Paragraph(escape(card.serial), STYLES["mono"]),
                Paragraph(f"{card_env} carte<br/>{code_env} code", STYLES["cell"]),
                Spacer(1, 11 * mm),
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
            "pli « P » ; sa carte va dans le pli « C ». Aucun code n’est imprimé ni enregistré."
        ),
        Spacer(1, 2 * mm),
        para(
            f"Les plis sont conservés jusqu’au {format_date(data.keep_until)} avec les fichiers "
            "de l’élection, afin de permettre une nouvelle exécution du décompte des votes, puis "
            "détruits (sauf recours contentieux en cours)."
        ),
        Spacer(1, 4 * mm),
        grid_table(rows, widths),
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para(f"Reçu par : {data.received_by}"),
                para("Date, heure et signature :"),
                Spacer(1, 18 * mm),
            ]
        ),
    ]


def _label(data: HandoverData, index: int, card: KeyCard, *, code: bool) -> list[Flowable]:
    card_env, code_env = envelope_numbers(index)
    number = code_env if code else card_env
    what = "CODE D'ACTIVATION" if code else "CARTE À CLÉ"
    content = (
        "Contient le code d’activation écrit par son titulaire. Ne contient pas la carte "
        f"(pli {card_env})."
        if code
        else f"Contient la carte seule. Le code d’activation est dans le pli {code_env}."
    )
    role = card.role + (f" — {card.represents}" if card.represents else "")
    return [
        para(f"PLI {number} — {what}", "h2"),
        para(data.bureau_name, "small"),
        para(data.instance, "small"),
        Spacer(1, 1.5 * mm),
        para(f"Titulaire : {card.holder}", "cell"),
        para(f"Qualité : {role}", "cell"),
        Paragraph(f"N° de série : {escape(card.serial)}", STYLES["mono_large"]),
        Spacer(1, 1.5 * mm),
        para(content, "small"),
        para(
            f"Scellé le {format_date(data.handed_over_at)}. "
            f"À conserver jusqu’au {format_date(data.keep_until)}.",
            "small",
        ),
        Spacer(1, 2 * mm),
        para("Signatures sur la fermeture (titulaire, président) :", "small"),
    ]


def _labels(data: HandoverData) -> list[Flowable]:
    cells = []
    for index, card in enumerate(data.cards, start=1):
        cells.append(_label(data, index, card, code=False))
        cells.append(_label(data, index, card, code=True))
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
