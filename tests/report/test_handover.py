"""The key hand-over list and envelope labels, read back."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceremony.report.errors import InvalidReportDataError
from ceremony.report.handover import HandoverData, compute_keep_until, make_handover_pdf
from tests.report.handover_sample import handover_data
from tests.report.pdftools import pdffonts, pdftotext, render_png


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make_handover_pdf(handover_data())


def test_every_card_is_listed_with_its_envelope_labels(pdf: bytes) -> None:
    flat = re.sub(r"\s+", " ", pdftotext(pdf, layout=False))
    data = handover_data()
    for index, card in enumerate(data.cards, start=1):
        # Once in the list, once on each envelope: card, code, admin code.
        assert flat.count(card.serial) == 4, card.serial
        assert f"PLI C-{index:02d} — CARTE À CLÉ" in flat
        assert f"PLI P-{index:02d} — CODE D’ACTIVATION" in flat
        assert f"PLI A-{index:02d} — CODE ADMINISTRATEUR" in flat
        assert f"PLI R-{index:02d}" not in flat  # no resetting code set on these cards
        assert flat.count(f"Titulaire : {card.holder}") == 3
    assert "REMISE DES CLÉS DE CHIFFREMENT" in flat
    assert flat.count("À conserver jusqu’au 25 juin 2026") == 3 * len(data.cards)
    assert "Reçu par : M. Gérard Lœuvre" in flat


def test_the_document_says_who_keeps_what(pdf: bytes) -> None:
    flat = re.sub(r"\s+", " ", pdftotext(pdf, layout=False))
    assert "Qui garde quoi" in flat
    # each holder keeps card and personal code; the admin code is sealed with the
    # administration's representative, apart from the cards; the resetting code with the
    # president (the secretary for the president's card), never with the holder
    assert "Son titulaire, sous sa responsabilité" in flat
    assert "Son titulaire seul, de mémoire : jamais écrit, jamais confié." in flat
    assert "gardé par le représentant de l’administration, séparé de toutes les cartes" in flat
    assert (
        "gardé par la présidence du bureau (par le secrétariat pour la carte de la présidence)"
        in flat
    )
    # the admin code's envelope was sealed at the card's registration, not at the hand-over
    assert "Scellé dès l’enregistrement de la carte ; remis le" in flat
    assert "titulaire, président)" not in flat
    assert "jamais par le titulaire ni avec les plis A" in flat
    assert "Aucune carte n’a de code de déblocage" in flat
    # a card with a resetting code gets its envelope R and is named
    data = handover_data()
    marked = replace(data, cards=(replace(data.cards[1], reset_code=True), *data.cards[2:]))
    text = re.sub(r"\s+", " ", pdftotext(make_handover_pdf(marked), layout=False))
    assert "PLI R-01 — CODE DE DÉBLOCAGE" in text and "PLI R-02" not in text
    assert f"Code de déblocage défini pour : {data.cards[1].holder}." in text
    assert text.count(data.cards[1].serial) == 5


def test_a4_numbered_fonts_embedded_and_deterministic(pdf: bytes, tmp_path: Path) -> None:
    reader = PdfReader(BytesIO(pdf))
    total = len(reader.pages)
    text = pdftotext(pdf)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert f"page {number} / {total}" in text
    path = tmp_path / "handover.pdf"
    path.write_bytes(pdf)
    assert all("DejaVu" in row[0] and row[-5] == "yes" for row in pdffonts(path))
    assert make_handover_pdf(handover_data()) == pdf
    (png,) = render_png(path, tmp_path / "page", first=2, last=2)
    assert png.stat().st_size > 10_000


def test_keep_until_is_two_years_on() -> None:
    paris = timezone(timedelta(hours=1))
    assert compute_keep_until(datetime(2024, 2, 29, 12, tzinfo=paris)) == datetime(
        2026, 2, 28, 12, tzinfo=paris
    )
    assert compute_keep_until(datetime(2024, 6, 25, tzinfo=paris)).year == 2026


def test_bad_handover_data_is_refused() -> None:
    data = handover_data()
    with pytest.raises(InvalidReportDataError):
        replace(data, cards=(data.cards[0], data.cards[0]))
    with pytest.raises(InvalidReportDataError):
        replace(data, keep_until=data.handed_over_at)


def test_handover_round_trips() -> None:
    data = handover_data()
    assert HandoverData.from_dict(json.loads(json.dumps(data.to_dict()))) == data
