"""The procès-verbal PDF, read back: every figure, fonts, page size, numbering, determinism."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from dataclasses import replace
from fractions import Fraction
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceremony.report.errors import InvalidReportDataError
from ceremony.report.model import PvData, PvEvent
from ceremony.report.pv import (
    compute_fingerprint_text,
    compute_pv_sha256,
    make_pv_pdf,
    make_signed_edition,
)
from tests.report.pdftools import pdffonts, pdftotext, render_png
from tests.report.sample import at, pv_data


def spaced(n: int) -> str:
    """An integer as French print shows it: 4 812, 1 000 000."""
    return f"{n:,}".replace(",", " ")


def percent(ratio: Fraction) -> str:
    """Independent of the formatter under test: Decimal half-up on the exact ratio."""
    from decimal import ROUND_HALF_UP, Decimal

    value = (Decimal(ratio.numerator) * 100 / Decimal(ratio.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return str(value).replace(".", ",") + " %"


@pytest.fixture(scope="module")
def signed_pdf() -> bytes:
    return make_pv_pdf(pv_data(signed=True))


@pytest.fixture(scope="module")
def text(signed_pdf: bytes) -> str:
    return pdftotext(signed_pdf)


@pytest.fixture(scope="module")
def flat(signed_pdf: bytes) -> str:
    """Reading-order text (cells kept whole), whitespace collapsed."""
    return re.sub(r"\s+", " ", pdftotext(signed_pdf, layout=False))


def section(text: str, number: int, title: str) -> str:
    """The part of the text from a contest heading to the next contest (or the fingerprints)."""
    start = text.index(f"3.{number} {title}")
    ends = [m.start() for m in re.finditer(r"\n\s*(3\.\d+ |4\. Empreintes)", text[start + 1 :])]
    return text[start : start + 1 + ends[0]] if ends else text[start:]


def test_every_figure_of_the_results_json_is_printed(signed_pdf: bytes, text: str) -> None:
    results = json.loads(json.dumps([r.to_dict() for r in pv_data().results]))
    for index, contest in enumerate(results, start=1):
        part = section(text, index, contest["title"])
        summary = {
            "Électeurs inscrits": spaced(contest["registered"]),
            "Votants": spaced(contest["voters_cast"]),
            "Taux de participation": percent(Fraction(contest["participation"])),
            "Votes blancs": spaced(contest["blank"]),
            "Suffrages exprimés": spaced(contest["expressed"]),
            "Sièges à pourvoir": spaced(contest["allocation"]["seats_to_fill"]),
        }
        for label, figure in summary.items():
            assert re.search(rf"{label}\s+{re.escape(figure)}\n", part), (
                contest["title"],
                label,
                figure,
            )
        seats = {e["list_id"]: e for e in contest["allocation"]["lists"]}
        for number, lst in enumerate(contest["lists"], start=1):
            entry = seats[lst["list_id"]]
            share = percent(Fraction(lst["votes"], contest["expressed"]))
            row = (
                rf"\n\s*{number}\s+{re.escape(lst['name'])}\s+{re.escape(spaced(lst['votes']))}\s+"
                rf"{re.escape(share)}\s+{entry['quotient_seats']}\s+{entry['average_seats']}\s+{lst['seats']}\n"
            )
            assert re.search(row, part), (contest["title"], lst["name"])
            if len(lst["union_votes"]) > 1:
                for uv in lst["union_votes"]:
                    votes = Fraction(uv["votes"])
                    shown = (
                        spaced(int(votes)) if votes.denominator == 1 else percent(votes / 100)[:-2]
                    )
                    assert re.search(
                        rf"{re.escape(uv['union'])}\s+{re.escape(uv['share'])}\s+{re.escape(shown)}",
                        part,
                    )
        total_seats = sum(lst["seats"] for lst in contest["lists"])
        assert re.search(
            rf"Total\s+{re.escape(spaced(contest['expressed']))}\s+\d+\s+\d+\s+{total_seats}\n",
            part,
        )
        for rnd in contest["allocation"]["rounds"]:
            tie = rnd["tie"]
            if tie and tie["decided_by"] == "lot":
                assert tie["lot_seed"] in part
                for list_id, digest in tie["lot_digests"]:
                    assert re.search(rf"{list_id}\s+{digest}", part)


def test_sample_has_the_cases_the_pv_must_show() -> None:
    results = pv_data().results
    assert len(results) == 3 and all(len(r.lists) == 5 for r in results)
    assert any(len(lst.union_votes) > 1 for r in results for lst in r.lists)
    decided = [t.decided_by for r in results for t in r.allocation.ties]
    assert "lot" in decided and "most_votes" in decided


def test_tied_lists_are_enumerated_in_french(flat: str) -> None:
    from ceremony.report.frtext import join_and

    results = pv_data().results
    for result in results:
        names = {lst.list_id: lst.name for lst in result.lists}
        for tie in result.allocation.ties:
            tied = [names[t] for t in tie.tied_lists]
            assert f"entre {join_and(tied)} pour" in flat
    assert join_and(["A", "B", "C"]) == "A, B et C" and join_and(["A"]) == "A"


def test_members_presence_events_and_signatures(text: str, flat: str) -> None:
    assert "PROCÈS-VERBAL DES OPÉRATIONS DU BUREAU DE VOTE ÉLECTRONIQUE" in flat
    assert "du 18 juin 2024 à 9 h 00 au 25 juin 2024 à 17 h 00" in flat
    data = pv_data()
    printed = [
        tuple(re.findall(r"Présente?|Absente?", line))
        for line in text.splitlines()
        if len(re.findall(r"\b(?:Présente?|Absente?)\b", line)) == len(data.sessions)
    ]
    # Agreed with each member's civility (Mme: "Présente", M.: "Présent").
    ending = {m.member_id: "e" if m.civility == "Mme" else "" for m in data.members}
    expected = [
        tuple(
            ("Présent" if m.member_id in s.present else "Absent") + ending[m.member_id]
            for s in data.sessions
        )
        for m in data.members
    ]
    assert printed == expected
    for member in data.members:
        assert member.name in flat
    for event in pv_data().events:
        assert event.text in flat
    assert (
        "L'expert indépendant conclut que la solution de vote n'a fait l'objet d'aucune altération."
        in flat
    )
    # The body carries no signature: the members sign its hash (see the signature page).
    must_sign = [m for m in data.members if m.must_sign]
    assert flat.count("Signe avec sa carte l’empreinte SHA-256 de ce fichier") == len(must_sign)
    assert "Non signé" not in flat


def test_signed_edition_is_the_body_then_a_signature_page_over_its_hash() -> None:
    data = pv_data(signed=True)
    body = make_pv_pdf(data)
    edition = make_signed_edition(body, data)
    body_pages = PdfReader(BytesIO(body)).pages
    edition_pages = PdfReader(BytesIO(edition)).pages
    assert len(edition_pages) == len(body_pages) + 1
    for mine, theirs in zip(body_pages, edition_pages, strict=False):
        assert mine.extract_text() == theirs.extract_text()
    last = re.sub(r"\s+", " ", edition_pages[-1].extract_text().replace("\u00a0", " "))
    assert f"Document signé : SHA-256 {compute_pv_sha256(body)}" in last
    for signature in data.signatures:
        assert signature.key_id.replace(" ", "") in last.replace(" ", "")
    assert "Signé le" in last or "heure de Paris" in last


def test_events_appear_in_order(flat: str) -> None:
    positions = [flat.index(e.text) for e in pv_data().events]
    assert positions == sorted(positions)


def test_fingerprints_are_printed_and_in_the_qr_text(text: str) -> None:
    data = pv_data()
    qr_text = compute_fingerprint_text(data)
    for fp in data.fingerprints:
        assert fp.value in text
        assert f"{fp.label}: {fp.value}" in qr_text


def test_unsigned_pv_says_nobody_signed() -> None:
    flat = re.sub(r"\s+", " ", pdftotext(make_pv_pdf(pv_data()), layout=False))
    assert flat.count("Signe avec sa carte l’empreinte SHA-256 de ce fichier") == 7
    assert "Document signé" not in flat


def test_a4_pages_numbered_and_metadata(signed_pdf: bytes, text: str) -> None:
    reader = PdfReader(BytesIO(signed_pdf))
    total = len(reader.pages)
    assert total >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    for number in range(1, total + 1):
        assert f"page {number} / {total}" in text
    assert reader.metadata is not None
    assert reader.metadata.title == f"Procès-verbal — {pv_data().bureau_name}"


def test_every_font_is_embedded(signed_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "pv.pdf"
    path.write_bytes(signed_pdf)
    fonts = pdffonts(path)
    assert fonts, "no font listed"
    for row in fonts:
        assert "DejaVu" in row[0], row
        assert row[-5] == "yes", f"font not embedded: {row}"


def test_output_is_deterministic_across_processes(signed_pdf: bytes) -> None:
    script = (
        "import sys; from tests.report.sample import pv_data; from "
        "ceremony.report.pv import make_pv_pdf;"
        "sys.stdout.buffer.write(make_pv_pdf(pv_data(signed=True)))"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert compute_pv_sha256(other) == compute_pv_sha256(signed_pdf)
    assert compute_pv_sha256(signed_pdf) == hashlib.sha256(signed_pdf).hexdigest()


def test_a_changed_figure_changes_the_pdf(signed_pdf: bytes) -> None:
    data = pv_data(signed=True)
    first = data.results[0]
    altered = replace(first, blank=first.blank + 1)
    other = make_pv_pdf(replace(data, results=(altered, *data.results[1:])))
    assert compute_pv_sha256(other) != compute_pv_sha256(signed_pdf)


def test_pv_data_round_trips_through_json() -> None:
    data = pv_data(signed=True)
    assert PvData.from_dict(json.loads(json.dumps(data.to_dict()))) == data


def test_inconsistent_pv_data_is_refused() -> None:
    data = pv_data()
    with pytest.raises(InvalidReportDataError):
        replace(data, events=tuple(reversed(data.events)))
    with pytest.raises(InvalidReportDataError):
        replace(data, sessions=(replace(data.sessions[0], present=("nobody",)),))
    naive = PvEvent(at(1, 1).replace(tzinfo=None), "finding", "Heure sans fuseau.")
    with pytest.raises(InvalidReportDataError):
        make_pv_pdf(replace(data, events=(naive,)))


def test_page_one_renders(signed_pdf: bytes, tmp_path: Path) -> None:
    """Rendered for a human look (see the report); here only that poppler renders it."""
    path = tmp_path / "pv.pdf"
    path.write_bytes(signed_pdf)
    (png,) = render_png(path, tmp_path / "page")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 20_000


def test_presence_words_agree_or_stay_neutral_without_a_civility() -> None:
    from ceremony.report.pv import _presence_cell

    data = pv_data()
    session = replace(
        data.sessions[2],
        absent=("d3",),
        replaced=(("sec", "Mme Suppléante"),),
        arrivals=(("d2", at(25, 17, 40)),),
        departures=(("d1", at(25, 18, 5)),),
    )
    names = {m.member_id: m.name for m in data.members}
    cell = {
        (member, civility): _presence_cell(member, session, names, civility)
        for member in ("pres", "sec", "d1", "d2", "d3")
        for civility in ("Mme", "M.", "")
    }
    assert cell["pres", "Mme"] == "Présente" and cell["pres", "M."] == "Présent"
    assert cell["sec", "Mme"] == "Remplacée par Mme Suppléante"
    assert cell["sec", "M."] == "Remplacé par Mme Suppléante"
    assert cell["d2", "M."].startswith("Arrivé à 17") and cell["d2", "Mme"].startswith("Arrivée à")
    assert cell["d1", "Mme"] == "Présente ; partie à 18 h 05".replace(" h ", "\u00a0h\u00a0")
    assert cell["d1", "M."].endswith("parti à 18\u00a0h\u00a005")
    assert cell["d3", "Mme"] == "Absente" and cell["d3", "M."] == "Absent"
    # An older definition without civility: neutral nouns, never "(e)".
    assert [cell[m, ""] for m in ("pres", "sec", "d3")] == [
        "Présence",
        "Remplacement par Mme Suppléante",
        "Absence",
    ]
    assert cell["d1", ""].endswith("départ à 18\u00a0h\u00a005")
    assert not any("(e)" in text for text in cell.values())


def test_a_real_ceremonys_pv_has_no_training_mark(signed_pdf: bytes, flat: str) -> None:
    from ceremony.report.layout import TRAINING_MARK

    assert "ENTRAÎNEMENT" not in flat and "sans valeur légale" not in flat
    info = PdfReader(BytesIO(signed_pdf)).metadata
    assert info is not None and TRAINING_MARK not in str(info.title)
    assert TRAINING_MARK not in str(info.get("/Keywords", ""))


def test_a_training_pv_is_marked_on_every_page_and_in_its_metadata() -> None:
    from ceremony.report.layout import TRAINING_MARK

    data = replace(pv_data(signed=True), training=True)
    body = make_pv_pdf(data)
    for pdf in (body, make_signed_edition(body, data)):
        reader = PdfReader(BytesIO(pdf))
        pages = [p for p in pdftotext(pdf, layout=False).split("\f") if p.strip()]
        assert len(pages) == len(reader.pages) >= 2
        assert all(TRAINING_MARK in re.sub(r"\s+", " ", page) for page in pages)
        assert reader.metadata is not None
        assert str(reader.metadata.title).startswith(TRAINING_MARK)
        assert reader.metadata.get("/Keywords") == TRAINING_MARK


def test_a_list_ahead_on_votes_in_a_tie_is_not_said_to_win_by_lot() -> None:
    from types import SimpleNamespace

    from ceremony.report.pv import _ties
    from ceremony.tally.seats import ListVotes, compute_seat_allocation

    votes = [ListVotes("a", 2), ListVotes("b", 8), ListVotes("c", 2), ListVotes("d", 2)]
    allocation = compute_seat_allocation("c", votes, 6, lot_seed="4 2 6")
    names = {"a": "Avenir", "b": "Branche", "c": "Collectif", "d": "Demain"}
    result = SimpleNamespace(
        allocation=allocation,
        contest_id="c",
        lists=[SimpleNamespace(list_id=k, name=v) for k, v in names.items()],
    )
    text = " ".join(getattr(f, "text", "") for f in _ties(result))  # type: ignore[arg-type]
    text = text.replace("\u00a0", " ")
    assert "Branche obtient un siège au plus grand nombre de suffrages ; à égalité de " in text
    assert "suffrages entre Avenir, Collectif et Demain, sièges attribués par tirage" in text
    assert "Branche" not in text.split("par tirage au sort à")[1].split(".")[0]
