"""Fuzzing every parser the archive verifier uses: anything goes in, only named errors come out.

Inputs are random bytes, random JSON, and the demo archive's real files with
bytes flipped, inserted or cut. A parser may accept the input or raise a
``CeremonyError``; any other exception is a crash and fails the test.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceremony.bundles.importer import ImportContext, import_bundle_file
from ceremony.errors import CeremonyError
from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.archive_context import ArchiveContext, check_name
from ceremony.verify.archive_count import parse_emargement, parse_figures, scan_bel
from ceremony.verify.archive_pdf import pdf_text
from ceremony.verify.archive_record import verify_index, verify_journal
from tests.verify.conftest import AuditCache, DemoArchive, journal_entries, reseal

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
SAFE_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
"""JSON a journal entry can carry (I-JSON integers: the journal hashes RFC 8785 bytes)."""
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few bytes flipped, inserted or removed, or cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        where = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if kind == "flip":
            data[where] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[where : where + draw(st.integers(1, 64))]
        else:
            del data[where:]
    return bytes(data)


def only_named_errors(parse: Callable[[], Any]) -> None:
    try:
        parse()
    except CeremonyError as e:
        assert type(e).__name__.endswith("Error") and e.user_message


def _context(files: dict[str, bytes]) -> tuple[tempfile.TemporaryDirectory[str], ArchiveContext]:
    tmp = tempfile.TemporaryDirectory(prefix="fuzz-archive-")
    folder = Path(tmp.name)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return tmp, ArchiveContext(folder=folder)


def _real(demo: DemoArchive, name: str) -> bytes:
    return (demo.folder / name).read_bytes()


@pytest.fixture(scope="module")
def demo(demo_archive: DemoArchive) -> DemoArchive:
    return demo_archive


# -- archive.json -----------------------------------------------------------------
@SETTINGS
@given(index=JSON)
def test_index_random_json(index: Any) -> None:
    tmp, ctx = _context({"archive.json": json.dumps(index).encode(), "results.json": b"{}"})
    with tmp:
        only_named_errors(lambda: verify_index(ctx))


@SETTINGS
@given(files=st.dictionaries(st.text(max_size=40), st.text(max_size=70), max_size=4))
def test_index_random_names(files: dict[str, str]) -> None:
    index = json.dumps({"format": "bureau-archive/1", "files": files}).encode()
    tmp, ctx = _context({"archive.json": index})
    with tmp:
        only_named_errors(lambda: verify_index(ctx))


@SETTINGS
@given(data=st.data())
def test_index_damaged(demo: DemoArchive, data: st.DataObject) -> None:
    tmp, ctx = _context({"archive.json": data.draw(damaged(_real(demo, "archive.json")))})
    with tmp:
        only_named_errors(lambda: verify_index(ctx))


@SETTINGS
@given(name=st.text(max_size=30))
def test_file_names(name: str) -> None:
    only_named_errors(lambda: check_name(name))


# -- journal.jsonl ----------------------------------------------------------------
@SETTINGS
@given(data=st.data())
def test_journal_damaged(demo: DemoArchive, data: st.DataObject) -> None:
    tmp, ctx = _context({"journal.jsonl": data.draw(damaged(_real(demo, "journal.jsonl")))})
    with tmp:
        only_named_errors(lambda: verify_journal(ctx))


@SETTINGS
@given(data=st.data())
def test_journal_lines_replaced_by_json(demo: DemoArchive, data: st.DataObject) -> None:
    lines = _real(demo, "journal.jsonl").splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.integers(0, len(lines) - 1))
        lines[where] = json.dumps(data.draw(JSON)).encode()
    tmp, ctx = _context({"journal.jsonl": b"\n".join(lines) + b"\n"})
    with tmp:
        only_named_errors(lambda: verify_journal(ctx))


@SETTINGS
@given(data=st.data())
def test_journal_entry_fields_replaced(demo: DemoArchive, data: st.DataObject) -> None:
    lines = _real(demo, "journal.jsonl").splitlines()
    entries = [i for i, line in enumerate(lines) if b'"type":"entry"' in line]
    where = data.draw(st.sampled_from(entries))
    obj = json.loads(lines[where])
    field = data.draw(st.sampled_from(sorted(obj["entry"])))
    obj["entry"][field] = data.draw(JSON)
    lines[where] = json.dumps(obj).encode()
    tmp, ctx = _context({"journal.jsonl": b"\n".join(lines) + b"\n"})
    with tmp:
        only_named_errors(lambda: verify_journal(ctx))


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_journal_random_bytes(raw: bytes) -> None:
    tmp, ctx = _context({"journal.jsonl": raw})
    with tmp:
        only_named_errors(lambda: verify_journal(ctx))


# -- émargement list and results ---------------------------------------------------
@SETTINGS
@given(obj=JSON)
def test_emargement_random_json(obj: Any) -> None:
    only_named_errors(lambda: parse_emargement(json.dumps(obj).encode()))


@SETTINGS
@given(entries=st.lists(st.dictionaries(st.sampled_from(["contest_uuid", "voter", "at"]), JSON)))
def test_emargement_random_entries(entries: list[Any]) -> None:
    data = json.dumps({"format": "bureau-emargement/1", "entries": entries}).encode()
    only_named_errors(lambda: parse_emargement(data))


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_emargement_random_bytes(raw: bytes) -> None:
    only_named_errors(lambda: parse_emargement(raw))


@SETTINGS
@given(data=st.data())
def test_results_damaged(demo: DemoArchive, data: st.DataObject) -> None:
    raw = data.draw(damaged(_real(demo, "results.json")))
    only_named_errors(lambda: parse_figures(raw, "results.json"))


@SETTINGS
@given(data=st.data())
def test_results_fields_replaced(demo: DemoArchive, data: st.DataObject) -> None:
    obj = json.loads(_real(demo, "results.json"))
    contest = obj["contests"][0]
    target = data.draw(st.sampled_from([contest, contest["allocation"], contest["lists"][0]]))
    target[data.draw(st.sampled_from(sorted(target)))] = data.draw(JSON)
    only_named_errors(lambda: parse_figures(json.dumps(obj).encode(), "results.json"))


# -- .bel archives, bundles, PDFs -------------------------------------------------
@settings(SETTINGS, max_examples=40)
@given(data=st.data())
def test_bel_damaged(demo: DemoArchive, data: st.DataObject) -> None:
    name = sorted(p.name for p in demo.folder.glob("*.bel"))[0]
    raw = data.draw(damaged(_real(demo, name)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(raw)
        only_named_errors(lambda: scan_bel(path))


@settings(SETTINGS, max_examples=40)
@given(data=st.data(), kind=st.sampled_from(["definition", "seal", "status", "urn", "results"]))
def test_bundles_damaged(demo: DemoArchive, data: st.DataObject, kind: str) -> None:
    name = {"status": "status-2"}.get(kind, kind)
    raw = data.draw(damaged(_real(demo, f"bundles/{name}.zip")))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.zip"
        path.write_bytes(raw)
        only_named_errors(lambda: import_bundle_file(path, kind, ImportContext()))  # type: ignore[arg-type]


@settings(SETTINGS, max_examples=25)
@given(data=st.data())
def test_pdf_damaged(demo: DemoArchive, data: st.DataObject) -> None:
    raw = data.draw(damaged(_real(demo, "remise-des-cles.pdf")))
    only_named_errors(lambda: pdf_text(raw, "remise-des-cles.pdf"))


@SETTINGS
@given(raw=st.binary(max_size=500))
def test_pdf_random_bytes(raw: bytes) -> None:
    only_named_errors(lambda: pdf_text(b"%PDF-1.4\n" + raw, "random"))


# -- the whole pipeline over a journal whose details are random but validly chained --
@settings(SETTINGS, max_examples=8)
@given(data=st.data())
def test_pipeline_with_random_journal_details(
    demo: DemoArchive, audit_cache: AuditCache, data: st.DataObject
) -> None:
    """An attacker holding the workstation key writes anything into the journal's details."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        shutil.copytree(demo.folder, folder)
        entries = list(journal_entries(folder))
        where = data.draw(st.integers(0, len(entries) - 2))
        key = data.draw(st.sampled_from(sorted(entries[where].details) or ["x"]))
        value = data.draw(SAFE_JSON)

        def edit(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
            raw[where]["details"][key] = value
            return raw

        reseal(folder, demo.store, edit)
        report = verify_ceremony_archive(folder, workers=1, belenios_audit=audit_cache)
        # Some details are only informative (a title, a count the PV prints): the
        # property here is that nothing crashes and every failure is named.
        assert all(c.error.endswith("Error") for c in report.failed_checks())
