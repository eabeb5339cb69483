"""The demo's procès-verbal read back (pdftotext), one test per item of the arrêté.

Arrêté of 16 April 2019 (CSN/CD), art. 5, 9, 15, 17, 19–23: each test reads
the archived PDFs of a real small demo ceremony and checks what a lawyer or a
list delegate would look for, against the journal and the definition.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceremony.report.frtext import format_date, format_datetime, format_time
from ceremony.store.export import JournalExport
from ceremony.tally.common_lists import format_decimal
from ceremony.tally.results import ContestResult
from ceremony.workflow.demo import SUBSTITUTE
from ceremony.workflow.phases import Action
from ceremony.workflow.state import derive_state
from tests.report.pdftools import pdftotext
from tests.workflow.ceremony_setup import SEED, simulator


def _flat(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", pdftotext(pdf, layout=False))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


@pytest.fixture(scope="module")
def record(demo_archive: Path) -> dict[str, object]:
    results = zipfile.ZipFile(demo_archive / "bundles" / "results.zip")
    body_name = next(n for n in results.namelist() if n.endswith("pv.pdf"))
    body = results.read(body_name)
    edition = (demo_archive / "proces-verbal.pdf").read_bytes()
    export = JournalExport.from_bytes((demo_archive / "journal.jsonl").read_bytes())
    figures = json.loads((demo_archive / "results.json").read_bytes())["contests"]
    return {
        "body": body,
        "edition": edition,
        "text": _flat(body),
        "handover": _flat((demo_archive / "remise-des-cles.pdf").read_bytes()),
        "entries": export.entries,
        "state": derive_state(export.entries),
        "figures": [ContestResult.from_dict(c) for c in figures],
    }


@pytest.fixture(scope="module")
def bureau_def():  # type: ignore[no-untyped-def]
    return simulator().bureau()


def _moment(record: dict[str, object], action: Action):  # type: ignore[no-untyped-def]
    return next(e.moment for e in record["entries"] if e.action == action)  # type: ignore[attr-defined]


def test_times_are_paris_times_never_cet(record: dict[str, object]) -> None:
    text = str(record["text"])
    assert "heure de Paris" in text
    assert not re.search(r"\bCET\b|\bCEST\b|UTC", text)


def test_calendar_seal_days_before_opening_count_after_closing(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    schedule = bureau_def.schedule
    sealed = _moment(record, Action.SEAL_EXPORTED)
    counted = _moment(record, Action.COUNT_DONE)
    assert sealed < schedule.opening - timedelta(days=1)
    assert counted > schedule.closing + timedelta(minutes=schedule.grace_minutes)
    text = _plain(str(record["text"]))
    assert f"{_plain(format_datetime(sealed))} Scellement" in text
    assert f"{_plain(format_datetime(counted))} Ouverture de l’urne" in text


def test_platform_acts_at_the_platform_times(record: dict[str, object]) -> None:
    text = _plain(str(record["text"]))
    state = record["state"]
    for status in state.statuses:  # type: ignore[attr-defined]
        from datetime import datetime

        as_of = datetime.fromisoformat(status["as_of"])
        assert f"{_plain(format_datetime(as_of))} Contrôle État n° {status['sequence']}" in text
        for item in status["interventions"]:
            at = datetime.fromisoformat(item["at"].replace("Z", "+00:00"))
            assert f"{_plain(format_datetime(at))} Intervention sur le système" in text


def test_roll_call_of_each_session(record: dict[str, object], bureau_def) -> None:  # type: ignore[no-untyped-def]
    text = _plain(str(record["text"]))
    state = record["state"]
    sessions = state.sessions  # type: ignore[attr-defined]
    assert set(sessions) == {"sealing", "count"}
    for name, title in (("sealing", "Séance de scellement"), ("count", "Séance de dépouillement")):
        from datetime import datetime

        opened = datetime.fromisoformat(sessions[name]["opened_at"])
        closed = datetime.fromisoformat(sessions[name]["closed_at"])
        assert f"{title} {_plain(format_date(opened))} {_plain(format_time(opened))} – " in text
        assert _plain(format_time(closed)) in text
    # Words agree with each member's civility from the definition (no "(e)").
    civility = {m.name: m.civility for m in bureau_def.members}
    assert civility["Dr Sarah Benali"] == "Mme" and civility["Dr Yves Perrin"] == "M."
    # Dr Sarah Benali (Mme) replaced, Dr Yves Perrin (M.) arriving, the president present.
    assert f"Remplacée par {SUBSTITUTE}" in text and "Remplacé par" not in text
    assert "Arrivé à" in text and "Arrivée à" not in text
    assert "Présente" in text and re.search(r"Présent\b", text)
    assert "(e)" not in text and "Présent(e)" not in text
    delegates = {i for m in bureau_def.members for i in m.list_ids}
    missing = [
        lst.name for c in bureau_def.contests for lst in c.lists if lst.list_id not in delegates
    ]
    assert missing
    assert "sans délégué au bureau : " + " ; ".join(dict.fromkeys(missing)) in text


def test_pv_signers_are_the_members_present_at_the_count(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    from ceremony.workflow.rollcall import present_members

    state = record["state"]
    present = present_members(state, "count")  # type: ignore[arg-type]
    assert present is not None
    assert set(state.pv_signatures) == set(present)  # type: ignore[attr-defined]
    text = _plain(str(record["text"]))
    signing = "Signe avec sa carte l’empreinte SHA-256 de ce fichier"
    assert text.count(signing) == len(present)
    names = {m.member_id: m.name for m in bureau_def.members}
    part = text[text.index("5. Signatures") :]
    for member_id, name in names.items():
        assert (name in part) == (member_id in present)


def test_a_substitute_delegate_present_at_the_count_signs_the_printed_copy(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    from ceremony.workflow.rollcall import roll_call

    call = roll_call(record["state"], "count")  # type: ignore[arg-type]
    assert call is not None
    ids = {m.member_id for m in bureau_def.members}
    substitutes = [name for name in call.replaced.values() if name not in ids]
    assert substitutes  # the demo has one
    part = _plain(str(record["text"]))
    part = part[part.index("5. Signatures") :]
    for name in substitutes:
        assert f"{name} Délégué suppléant" in part
    assert part.count("Sans carte : signe l’exemplaire imprimé") == len(substitutes)
    assert "(un délégué suppléant, qui n’a pas de carte, signe l’exemplaire imprimé)" in part


def test_art_15_checks_keys_test_vote_and_seal(record: dict[str, object], bureau_def) -> None:  # type: ignore[no-untyped-def]
    text = _plain(str(record["text"]))
    assert "Contrôles avant scellement" in text and "dans l’ordre du tirage au sort" in text
    assert "profession de foi et le logo de chaque liste sont présents" in text
    heads = [m.name for m in bureau_def.members if m.role != "delegate"]
    assert f"clé de la présidence sur les cartes de {heads[0]} et de {heads[1]}" in text
    assert "Vote à blanc" in text and "attendu" in text and "obtenu" in text
    assert "les compteurs de l’élection réelle sont à zéro" in text
    for item in ("logiciel de vote", "logiciel de dépouillement", "listes de candidats"):
        assert item in text
    for contest in bureau_def.contests:
        assert contest.electors.list_sha256 in text.replace(" ", "")
    assert "heures d’ouverture" in text and "délai de grâce de 20 minutes" in text
    assert (
        "Avant l’ouverture du vote, d’après l’état n° 1 : l’urne est vide, scellée et chiffrée ; "
        "les composantes expertisées n’ont pas été modifiées : le logiciel de vote en service "
        "a l’empreinte scellée (partie 4) ; les tests ont été effectués lors du vote à blanc."
    ) in text
    assert "dont 1 second bulletin d’un même électeur de test" in text


def test_art_17_no_revote(record: dict[str, object]) -> None:
    text = _plain(str(record["text"]))
    state = record["state"]
    contests = state.urn["contests"].values()  # type: ignore[attr-defined]
    ballots = sum(c["ballots_in_urn"] for c in contests)
    assert ballots == sum(c["num_tallied"] for c in contests)
    assert "n’autorisent pas à revoter" in text
    assert f"soit {ballots} bulletins pour {ballots} votants" in text


def test_art_20_closing_grace_and_freezing(record: dict[str, object]) -> None:
    text = _plain(str(record["text"]))
    assert "Clôture du vote à 17 h 00" in text and "jusqu’à 17 h 20" in text
    assert "figé, horodaté et scellé l’urne, les listes d’émargement et les états courants" in text


def test_art_21_expert_before_the_key_holders_open_the_urn(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    text = _plain(str(record["text"]))
    expert = text.index("conclusions de l’expert indépendant")
    opening = text.index("Ouverture publique de l’urne par les détenteurs des clés")
    assert expert < opening
    count = next(e for e in record["entries"] if e.action == Action.COUNT_DONE)  # type: ignore[attr-defined]
    serials = {c["serial"]: m for m, c in record["state"].members.items()}  # type: ignore[attr-defined]
    names = {m.member_id: m.name for m in bureau_def.members}
    for actor in count.actors:
        assert names[serials[actor.card_serial]] in text[opening : opening + 400]


def test_art_22_figures_nuls_averages_elected_and_contest_window(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    text = _plain(str(record["text"]))
    layout = _plain(pdftotext(bytes(record["body"])))  # type: ignore[arg-type]
    contests = {c.contest_uuid: c for c in bureau_def.contests}
    for result in record["figures"]:  # type: ignore[attr-defined]
        part = text[text.index(result.title) :]
        layout_part = layout[layout.index("Sièges à pourvoir", layout.index(result.title)) :]
        nuls = result.voters_cast - result.blank - result.expressed
        assert f"Bulletins nuls {nuls}" in part
        for rnd in result.allocation.rounds:
            averages = dict(rnd.averages)
            cells = [
                _plain(format_decimal(averages[lst.list_id], 2)) if lst.list_id in averages else "—"
                for lst in result.lists
            ]
            last = rnd.first_seat + len(rnd.winners) - 1
            seat = str(rnd.first_seat) if last == rnd.first_seat else f"{rnd.first_seat} à {last}"
            row = r"\s*".join(re.escape(w) for w in seat.split()) + r"\s+"
            row += r"\s+".join(re.escape(c) for c in cells)
            assert re.search(row, layout_part), row
        for candidate_list, figure in zip(
            contests[result.contest_id].lists, result.lists, strict=True
        ):
            for candidate in candidate_list.candidates[: figure.seats]:
                assert candidate.name in part
    assert "Le délai de cinq jours" in text and "court à compter de cette publication" in text
    assert bureau_def.texts.publication in text


def test_art_23_hand_over_names_the_administrations_representative(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    handover = str(record["handover"])
    assert bureau_def.texts.administration_representative
    assert f"représentée par {bureau_def.texts.administration_representative}" in _plain(handover)


def test_art_23_a_member_absent_at_the_count_hands_over_later(
    record: dict[str, object], bureau_def
) -> None:  # type: ignore[no-untyped-def]
    from ceremony.workflow.rollcall import present_members

    present = present_members(record["state"], "count")  # type: ignore[arg-type]
    assert present is not None
    absent = [m.name for m in bureau_def.members if m.member_id not in present]
    assert absent  # the demo replaces a delegate at the count
    handover = _plain(str(record["handover"]))
    assert handover.count("Absence à la séance : remise ultérieure") == len(absent)
    assert "Absence à la séance de dépouillement : " + ", ".join(absent) in handover


def test_signed_body_and_signature_page_are_coherent(record: dict[str, object]) -> None:
    body, edition = bytes(record["body"]), bytes(record["edition"])  # type: ignore[arg-type]
    body_pages = PdfReader(io.BytesIO(body)).pages
    edition_pages = PdfReader(io.BytesIO(edition)).pages
    assert len(edition_pages) == len(body_pages) + 1
    for mine, archived in zip(body_pages, edition_pages, strict=False):
        assert mine.extract_text() == archived.extract_text()
    last = _plain(_flat(edition).split("PAGE DES SIGNATURES")[-1])
    assert f"Document signé : SHA-256 {hashlib.sha256(body).hexdigest()}" in last
    state = record["state"]
    for signed in state.pv_signatures.values():  # type: ignore[attr-defined]
        assert signed["signature"]["key_id"] in last
    assert "Non signé" not in str(record["text"])


def test_the_pv_says_it_is_signed_after_the_count_session_is_lifted(
    record: dict[str, object],
) -> None:
    from datetime import datetime

    closed = _moment(record, Action.COUNT_SESSION_CLOSED)
    state = record["state"]
    signed = [
        datetime.fromisoformat(s["signed_at"])
        for s in state.pv_signatures.values()  # type: ignore[attr-defined]
    ]
    assert signed and all(moment >= closed for moment in signed)
    text = _plain(str(record["text"]))
    assert "puis signé, dès la séance levée, par les membres présents à cette séance" in text


def test_texts_come_from_the_definition(record: dict[str, object], bureau_def) -> None:  # type: ignore[no-untyped-def]
    text = _plain(str(record["text"]))
    texts = bureau_def.texts
    for value in (texts.organiser, texts.instance, texts.sealing_place, texts.count_place):
        assert value in text
    for member in bureau_def.members:
        assert member.title and member.title in text
    for hard_coded in (
        "Salle de dépouillement",
        "Président(e)",
        "Délégué(e)",
        "représentant de l'",
    ):
        assert hard_coded not in text


def test_typography_and_pdf_metadata(record: dict[str, object], bureau_def) -> None:  # type: ignore[no-untyped-def]
    raw = pdftotext(bytes(record["body"]), layout=False)  # type: ignore[arg-type]
    text = str(record["text"])
    assert "(s)" not in text and "((" not in text and "))" not in text
    layout = pdftotext(bytes(record["body"]))  # type: ignore[arg-type]
    # No-break spaces: "14 h 54" and "0 bulletin" are never cut across lines.
    assert re.search(r"\d h *\n", layout) is None
    assert re.search(r"\d *\n *\S* *(bulletins?|émargements?|électeurs)\b", layout) is None
    assert "'" not in raw, "typographic apostrophes only"
    info = PdfReader(io.BytesIO(bytes(record["body"]))).metadata  # type: ignore[arg-type]
    assert info is not None
    assert info.author == bureau_def.name
    assert str(info.get("/CreationDate", "")).startswith("D:2024")


assert SEED  # the demo archive fixture runs the shared small ceremony


def test_the_workstation_key_named_by_the_seal_is_printed_in_the_pv(
    record: dict[str, object], demo_archive: Path
) -> None:
    """Issue 14 (trust anchor): the key bound into the card-signed seal is on the signed PV,
    so an expert compares it with the one ``bureau verify`` reports."""
    seal = zipfile.ZipFile(demo_archive / "bundles" / "seal.zip")
    bound = json.loads(seal.read("seal.json")).get("workstation_key")
    assert isinstance(bound, str) and len(bound) >= 32
    assert "Clé publique du poste qui signe le journal" in _plain(str(record["text"]))
    assert bound in str(record["text"]).replace(" ", "")


def test_training_mark_on_every_page_and_in_the_metadata(
    record: dict[str, object], demo_archive: Path
) -> None:
    """The demo runs on the simulated platform: each of its PDFs says it is training."""
    from ceremony.report.layout import TRAINING_MARK

    pdfs = {
        "pv.pdf": bytes(record["body"]),  # type: ignore[arg-type]
        "proces-verbal.pdf": bytes(record["edition"]),  # type: ignore[arg-type]
        "remise-des-cles.pdf": (demo_archive / "remise-des-cles.pdf").read_bytes(),
    }
    for name, pdf in pdfs.items():
        reader = PdfReader(io.BytesIO(pdf))
        pages = pdftotext(pdf, layout=False).split("\f")
        pages = [p for p in pages if p.strip()]
        assert len(pages) == len(reader.pages), name
        for number, page in enumerate(pages, 1):
            assert _plain(TRAINING_MARK) in _plain(page), f"{name} page {number}"
        info = reader.metadata
        assert info is not None and str(info.title).startswith(TRAINING_MARK), name
        assert TRAINING_MARK in str(info.get("/Keywords", "")), name


def test_art_19_interventions_with_the_measures_taken(record: dict[str, object]) -> None:
    from ceremony.workflow.demo import SLOW_PAGE, SLOW_PAGE_MEASURES

    text = _plain(str(record["text"]))
    assert "Redémarrage planifié d’un serveur frontal" in text
    assert "Mesures prises (indiquées par la plateforme) : Bascule du trafic" in text
    assert f"(hébergeur) : {SLOW_PAGE} Mesures prises (consignées par le bureau le " in text
    assert _plain(SLOW_PAGE_MEASURES) in text
