"""Tampered records are refused for their real cause, and nothing unchecked is passed.

The cases of the auditor's report (try-auditor.md F8, F9, F10, F16), rebuilt
here from the demo archive: a contest file holding another election with the
same UUID and name, a corrupted member signature in results.zip, an altered
ballot, a Belenios record whose event chain is broken. Each test names the
step that must fail with its cause, and the steps that build on what could
not be checked, which must be reported as not run.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ceremony.protocol.archive import (
    HEADER_NAME,
    ArchiveHeader,
    Event,
    iter_records,
    sha256_hex,
    tar_member,
)
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.command import format_summary
from ceremony.verify.report import Outcome, VerificationReport
from ceremony.workflow.demo import run_demo
from tests.verify.conftest import DEMO_SEED, INDEX, DemoArchive, reseal, sha256_file

Records = list[list[bytes | str]]


def _contest_bel(folder: Path, number: int = 1) -> Path:
    """The final `.bel` of the bureau's contest ``number`` (order of the definition)."""
    index = json.loads((folder / "results.json").read_bytes())
    return folder / f"{index['contests'][number - 1]['contest_id']}.bel"


def rewrite_bel(path: Path, edit: Callable[[Records], None]) -> None:
    """Edit the records of a `.bel`, then rename the data and chain the events again.

    What an attacker does with a text editor and a hash tool: every data file
    is renamed after its new hash (and references to it follow), every event
    gets its parent and height again, so that the archive itself is well formed.
    """
    records: Records = [[r.name, r.content] for r in iter_records(path)]
    header = ArchiveHeader.from_bytes(bytes(records[0][1]))
    edit(records)
    renamed: dict[str, str] = {}
    parent: str | None = None
    height = 0
    out = bytearray(tar_member(HEADER_NAME, bytes(records[0][1]), header.timestamp))
    for name, content in records[1:]:
        old, kind = str(name).split(".", 1)
        text = bytes(content).decode()
        for before, after in renamed.items():
            text = text.replace(before, after)
        if kind == "event.json":
            obj = json.loads(text)
            data = Event(
                height=height, type=obj["type"], parent=parent, payload=obj.get("payload")
            ).to_bytes()
            parent, height = sha256_hex(data), height + 1
        else:
            data = text.encode()
            if sha256_hex(data) != old:
                renamed[old] = sha256_hex(data)
        out += tar_member(f"{sha256_hex(data)}.{kind}", data, header.timestamp)
    path.write_bytes(bytes(out))


def _json_records(records: Records, key: str) -> list[int]:
    found = []
    for i, (name, content) in enumerate(records):
        if str(name).endswith(".data.json"):
            try:
                obj = json.loads(bytes(content))
            except ValueError:
                continue
            if isinstance(obj, dict) and key in obj:
                found.append(i)
    return found


def _fix_index(folder: Path, name: str) -> None:
    """Only archive.json made to agree, as the auditor did (the journal still disagrees)."""
    index = json.loads((folder / INDEX).read_bytes())
    index["files"][name] = sha256_file(folder / name)
    (folder / INDEX).write_text(json.dumps(index, indent=1, sort_keys=True))


def _says(report: VerificationReport, name: str) -> str:
    check = report.check(name)
    return f"{name}: {check.outcome} {check.error} {check.reason_fr} / {check.reason_en}"


# -- F16: another election with the same UUID and name ---------------------------------


def other_election_same_uuid(records: Records) -> None:
    (i,) = _json_records(records, "public_key")  # the election (§4.10)
    content = bytes(records[i][1])
    assert b'"description":"' in content
    records[i][1] = content.replace(b'"description":"', b'"description":"Autre ', 1)


def test_a_contest_file_with_another_election_of_the_same_uuid_and_name_is_refused(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    bel = _contest_bel(archive)
    rewrite_bel(bel, other_election_same_uuid)
    reseal(archive, demo_archive.store)
    report = verify(archive)
    contest = report.check("bel.1.contest")
    assert contest.outcome is Outcome.FAILED, _says(report, "bel.1.contest")
    assert contest.error == "ContestFileMismatchError"
    assert "mais ce n'est pas l'élection scellée" in contest.reason_fr
    assert "de même nom" in contest.reason_fr
    # The other contests hold their sealed election, and say so with its fingerprint.
    fine = report.check("bel.2.contest")
    assert fine.outcome is Outcome.PASSED, _says(report, "bel.2.contest")
    assert "égale à celle du scellement" in fine.reason_fr


# -- F9: a member's signature of results.zip corrupted --------------------------------


def _rezip(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)
    path.write_bytes(buffer.getvalue())


def corrupt_first_signature(data: bytes) -> bytes:
    obj = json.loads(data)
    value = obj["signatures"][0]["signature"]
    obj["signatures"][0]["signature"] = ("0" if value[0] != "0" else "1") + value[1:]
    return json.dumps(obj).encode()


def test_a_corrupted_member_signature_of_the_results_is_named_and_nothing_relies_on_it(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    results = archive / "bundles/results.zip"
    signed = json.loads(zipfile.ZipFile(results).read("signatures.json"))["signatures"][0]
    _rezip(results, "signatures.json", corrupt_first_signature)
    _fix_index(archive, "bundles/results.zip")
    report = verify(archive)
    bundle = report.check("results.bundle")
    assert bundle.outcome is Outcome.FAILED, _says(report, "results.bundle")
    assert bundle.error == "ResultsSignatureError"
    assert "autre bureau" not in bundle.reason_fr
    assert signed["key_id"] in bundle.reason_fr
    assert "la signature de " in bundle.reason_fr
    # The signers were not verified: who signed is not reported as established.
    signers = report.check("pv.signers_present")
    assert signers.outcome is Outcome.SKIPPED, _says(report, "pv.signers_present")
    assert "elle s'appuie sur un contrôle qui n'a pas abouti" in signers.reason_fr
    assert "qui n'a pas pu être établi" not in report.to_text()


def change_a_response(data: bytes) -> bytes:
    """A partial decryption's proof response, one digit changed (the auditor's case I)."""
    at = data.index(b'"response":"') + len(b'"response":"')
    digit = b"1" if data[at : at + 1] != b"1" else b"2"
    return data[:at] + digit + data[at + 1 :]


def test_a_results_file_altered_inside_the_bundle_is_not_called_another_bureaus(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    results = archive / "bundles/results.zip"
    name = next(n for n in zipfile.ZipFile(results).namelist() if n.startswith("partial-"))
    _rezip(results, name, change_a_response)
    _fix_index(archive, "bundles/results.zip")
    report = verify(archive)
    bundle = report.check("results.bundle")
    assert bundle.outcome is Outcome.FAILED, _says(report, "results.bundle")
    assert bundle.error == "FileIntegrityError", _says(report, "results.bundle")


# -- F8 / F10: an altered ballot ----------------------------------------------------


def swap_first_ballot(records: Records) -> None:
    first = _json_records(records, "answers")[0]
    content = bytes(records[first][1])
    choice = json.loads(content)["answers"][0]["choices"][0]
    alpha, beta = choice["alpha"].encode(), choice["beta"].encode()
    records[first][1] = content.replace(alpha, b"@").replace(beta, alpha).replace(b"@", beta)


def test_an_altered_ballot_is_not_blamed_on_revotes_or_emargements(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    rewrite_bel(_contest_bel(archive), swap_first_ballot)
    reseal(archive, demo_archive.store)
    report = verify(archive)
    ballots = report.check("bel.1.ballots.valid")
    assert ballots.outcome is Outcome.FAILED, _says(report, "bel.1.ballots.valid")
    # The published tally (made with the ballot as cast) is not said altered: the ballot is.
    tally = report.check("bel.1.tally.encrypted_tally")
    assert tally.outcome is Outcome.SKIPPED, _says(report, "bel.1.tally.encrypted_tally")
    assert tally.after == "bel.1.ballots.valid"
    # What builds on that comparison is not said to follow a failure.
    decryptions = report.check("bel.1.tally.partial_decryptions")
    assert decryptions.outcome is Outcome.SKIPPED
    assert "qui n'a pas été exécutée" in decryptions.reason_fr
    for name in ("urn.revote_policy", "urn.emargement"):
        step = report.check(name)
        assert step.outcome is Outcome.SKIPPED, _says(report, name)
        assert "bel.1.ballots.valid" in step.reason_fr
        assert "revote" not in step.reason_en
    # Nothing was decrypted: the published figures are not said to differ from it.
    results = report.check("count.results")
    assert results.outcome is Outcome.SKIPPED, _says(report, "count.results")
    assert "résultat déchiffré du scrutin 1" in results.reason_fr


# -- F8: a Belenios record with a broken event chain ---------------------------------


def drop_last_partial_decryption(records: Records) -> None:
    events = [
        i
        for i, (name, content) in enumerate(records)
        if str(name).endswith(".event.json")
        and json.loads(bytes(content))["type"] == "PartialDecryption"
    ]
    del records[events[-1]]  # its data stay, orphaned; the next event's parent is gone


def test_a_broken_chain_leaves_ballot_and_tally_checks_not_run(
    tmp_path: Path, demo_archive: DemoArchive
) -> None:
    bel = tmp_path / "broken.bel"
    bel.write_bytes(_contest_bel(demo_archive.folder).read_bytes())
    records: Records = [[r.name, r.content] for r in iter_records(bel)]
    drop_last_partial_decryption(records)
    header = ArchiveHeader.from_bytes(bytes(records[0][1]))
    bel.write_bytes(b"".join(tar_member(str(n), bytes(c), header.timestamp) for n, c in records))
    report = verify_belenios(bel, workers=1)
    assert report.check("archive.chain").outcome is Outcome.FAILED, report.to_text()
    for name in ("ballots.valid", "ballots.unique", "tally.encrypted_tally"):
        check = report.check(name)
        assert check.outcome is Outcome.SKIPPED, _says(report, name)
        assert check.after == "archive.chain"
    assert not report.passed
    # The summary under the report does not offer the partly read counts as established.
    summary = format_summary(report)
    assert "Ces nombres de bulletins ne sont pas établis" in summary
    assert "archive.chain" in summary
    assert "'" not in summary and "Bulletins dans l’urne" in summary


# -- F16: the file of another ceremony, same UUIDs (same seed), another group --------

OTHER_GROUP_BALLOTS = 6


@pytest.fixture(scope="module")
def other_ceremony(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo with the same seed (so the same UUIDs and names) in the BELENIOS-2048 group."""
    out = tmp_path_factory.mktemp("other-ceremony") / "demo"
    run_demo(out, OTHER_GROUP_BALLOTS, seed=DEMO_SEED, stream=io.StringIO(), group="BELENIOS-2048")
    return out


def test_the_valid_file_of_another_ceremony_is_named_and_not_blamed_on_the_urn(
    archive: Path,
    demo_archive: DemoArchive,
    other_ceremony: Path,
    verify: Callable[[Path], VerificationReport],
) -> None:
    bel = _contest_bel(archive)
    foreign = other_ceremony / bel.name
    assert foreign.is_file()
    bel.write_bytes(foreign.read_bytes())
    reseal(archive, demo_archive.store)
    report = verify(archive)
    # Its ballots are valid (for its own election): only the fingerprint tells it apart.
    assert report.check("bel.1.ballots.valid").outcome is Outcome.PASSED
    contest = report.check("bel.1.contest")
    assert contest.outcome is Outcome.FAILED, _says(report, "bel.1.contest")
    assert contest.error == "ContestFileMismatchError"
    assert "BELENIOS-2048" in contest.reason_en
    # Its ballot counts are not the urn's: émargements, revotes and figures are not blamed.
    for name in ("urn.emargement", "urn.revote_policy", "count.results"):
        step = report.check(name)
        assert step.outcome is Outcome.SKIPPED, _says(report, name)
        assert "bel.1.contest" in step.reason_fr
