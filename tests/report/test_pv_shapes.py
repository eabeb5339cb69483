"""PVs of other shapes: 21 contests, many sessions, a contest with no vote, markup characters."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

from pypdf import PdfReader

from ceremony.report.model import Member, PvData, Session
from ceremony.report.pv import make_pv_pdf
from ceremony.tally.results import ContestCount, ContestDefinition, compute_contest_result
from tests.report.pdftools import pdftotext
from tests.report.sample import CONTESTS, at, pv_data

SECTIONS = (
    "médecine",
    "chirurgie",
    "anesthésie-réanimation",
    "radiologie",
    "biologie",
    "psychiatrie",
    "pharmacie",
)


def large_pv() -> PvData:
    base = pv_data()
    definition = CONTESTS[0][0]
    results = []
    for college in (1, 2, 3):
        for number, section in enumerate(SECTIONS):
            cid = f"csn-c{college}-{number}"
            votes = (3 + number, 100 + 7 * number, 80, 61 + college, 40, 12 * college)
            count = ContestCount(cid, 2000 + number, sum(votes), votes)
            title = f"CSN — collège {college} — section {section}"
            contest = replace(definition, contest_id=cid, title=title)
            results.append(compute_contest_result(contest, count))
    empty_def = ContestDefinition(
        "empty", "Scrutin <sans> suffrage & sans vote", 3, definition.lists
    )
    results.append(compute_contest_result(empty_def, ContestCount("empty", 40, 0, (0,) * 6)))
    sessions = tuple(
        Session(f"Séance {i}", at(10 + i, 9), tuple(m.member_id for m in base.members[: 3 + i % 4]))
        for i in range(8)
    )
    members = (*base.members, Member("obs", "M. <Observateur> & Cie", "Assesseur", must_sign=False))
    return replace(base, results=tuple(results), sessions=sessions, members=members)


def test_large_pv_lays_out_every_contest_and_session() -> None:
    data = large_pv()
    pdf = make_pv_pdf(data)
    total = len(PdfReader(BytesIO(pdf)).pages)
    text = pdftotext(pdf)
    flat = re.sub(r"\s+", " ", pdftotext(pdf, layout=False))
    for number, result in enumerate(data.results, start=1):
        assert f"3.{number} {result.title}" in flat
    assert "M. <Observateur> & Cie" in flat
    assert f"{len(data.results)} scrutins, détaillés dans la partie 3." in flat
    assert "Scrutin <sans> suffrage & sans vote" in flat
    assert "3 sièges n’ont pu être attribués" in flat
    assert f"page {total} / {total}" in text
    # Presence moved to tables of its own, 4 sessions each, one row per member.
    words = r"\b(?:Présente?|Absente?|Présence|Absence)\b"
    rows = [tuple(re.findall(words, line)) for line in text.splitlines() if re.search(words, line)]
    # Agreed with the civility; the observer has none: neutral nouns.
    say = {"Mme": ("Présente", "Absente"), "M.": ("Présent", "Absent"), "": ("Présence", "Absence")}
    expected = [
        tuple(say[m.civility][m.member_id not in s.present] for s in chunk)
        for chunk in (data.sessions[:4], data.sessions[4:])
        for m in data.members
    ]
    assert rows == expected
    # The observer does not sign.
    signing = "Signe avec sa carte l’empreinte SHA-256 de ce fichier"
    assert flat.count(signing) == len([m for m in data.members if m.must_sign])
