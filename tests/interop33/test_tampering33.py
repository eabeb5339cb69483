"""Interop 4 against belenios-tool 3.3: 3.x-specific alterations of a record it made.

A Single + Pedersen record made by belenios-tool 3.3 (certificate contexts,
signatures) is altered in its trustees, every hash recomputed: our verifier
refuses it at ``setup.trustees`` with the error naming the 3.x check, and
belenios-tool 3.3 refuses it too. (The AES-GCM channel messages are not part
of a record; their alterations are tested in tests/protocol/test_pedersen33.py.)
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ceremony.protocol.audit import Check, audit_archive
from ceremony.protocol.channel import make_signed_message
from ceremony.protocol.group import get_group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.serialization import dumps
from ceremony.protocol.version import element_text
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome
from tests.interop.tamper import ContentAlteration, read_logical, rebuild
from tests.interop33.conftest import BeleniosTool33, make_tool
from tests.interop33.tool33 import GROUPS, setup_election, tool_trustees


def _pedersen(trustees: list[Any]) -> dict[str, Any]:
    (item,) = [v for kind, v in trustees if kind == "Pedersen"]
    return item  # type: ignore[no-any-return]


def _drop_vk_signature(trustees: list[Any]) -> None:
    del _pedersen(trustees)["verification_keys"][1]["signature"]


def _move_vk_signature(trustees: list[Any]) -> None:
    vks = _pedersen(trustees)["verification_keys"]
    vks[0]["signature"] = vks[1]["signature"]


def _drop_polynomial_signatures(trustees: list[Any]) -> None:
    del _pedersen(trustees)["signatures"]


def _swap_polynomial_signatures(trustees: list[Any]) -> None:
    sigs = _pedersen(trustees)["signatures"]
    sigs[0], sigs[1] = sigs[1], sigs[0]


def _swap_certificates(trustees: list[Any]) -> None:
    # Γ reordered with everything that follows it: only the contexts' index betrays it.
    p = _pedersen(trustees)
    for key in ("certs", "coefexps", "signatures"):
        p[key][0], p[key][1] = p[key][1], p[key][0]


def _context_threshold(trustees: list[Any]) -> None:
    # Contexts are checked before signatures, as belenios-tool 3.3's verify_cert does.
    cert = _pedersen(trustees)["certs"][0]
    keys = json.loads(cert["message"])
    keys["context"]["threshold"] = 3
    cert["message"] = json.dumps(keys, separators=(",", ":"))


def _cert_encryption_key(trustees: list[Any]) -> None:
    certs = _pedersen(trustees)["certs"]
    first, second = (json.loads(c["message"]) for c in certs[:2])
    first["encryption"] = second["encryption"]
    certs[0]["message"] = json.dumps(first, separators=(",", ":"))


def _outside(group_name: str) -> str:
    """An element of order 2, outside the prime-order group: p - 1 in a finite field,
    (0, -1) in Ed25519 (its RFC 8032 encoding, byte-reversed as Belenios writes it)."""
    if group_name == "Ed25519":
        return "7f" + "ff" * 30 + "ec"
    return str(get_group(group_name).p - 1)  # type: ignore[attr-defined]


def _cert_key_outside_group(trustees: list[Any]) -> None:
    # A membership check 3.3 added (verify_cert).
    cert = _pedersen(trustees)["certs"][2]
    keys = json.loads(cert["message"])
    keys["encryption"] = _outside(keys["context"]["group"])
    cert["message"] = json.dumps(keys, separators=(",", ":"))


# name -> (edit of the trustees file, error our verifier names)
ALTERATIONS = {
    "vk_signature_missing": (_drop_vk_signature, "VerificationKeySignatureError"),
    "vk_signature_moved": (_move_vk_signature, "VerificationKeySignatureError"),
    "polynomial_signatures_missing": (_drop_polynomial_signatures, "PolynomialSignatureError"),
    "polynomial_signatures_swapped": (_swap_polynomial_signatures, "PolynomialSignatureError"),
    "certificates_reordered": (_swap_certificates, "CertContextError"),
    "context_edited": (_context_threshold, "CertContextError"),
    "certificate_key_replaced": (_cert_encryption_key, "CertSignatureError"),
    "certificate_key_outside_group": (_cert_key_outside_group, "NotInSubgroupError"),
}


@pytest.fixture(scope="module", params=GROUPS, ids=lambda g: g.name)
def record(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One valid record made by belenios-tool 3.3 in each group, shared by the alterations."""
    tool = make_tool()
    try:
        election = setup_election(tool, tool_trustees(tool, request.param), voters=2)
        election.vote(0, [0, 1, 0, 0])
        election.vote(1, [1, 0, 0, 0])
        election.tool_tally(delegates=(0, 1))
        saved = tmp_path_factory.mktemp("record33") / "valid.bel"
        saved.write_bytes(election.archive.read_bytes())
    finally:
        tool.cleanup()
    return saved


@pytest.mark.belenios
def test_the_untouched_3_3_record_passes(record: Path) -> None:
    report = verify_belenios(record)
    assert report.passed, report.to_text("en")


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_3x_trustees_alteration_is_refused_by_us_and_by_belenios_tool_33(
    record: Path, belenios33: BeleniosTool33, name: str
) -> None:
    edit, error = ALTERATIONS[name]
    target = belenios33.workdir / record.name
    ContentAlteration("Setup", 0, "trustees", edit).rehash(record, target)
    report = verify_belenios(target)
    failed = report.check("setup.trustees")
    assert failed.outcome is Outcome.FAILED and failed.error == error, report.to_text("en")
    proc = belenios33.run_raw(["election", "verify"])
    assert proc.returncode != 0, f"belenios-tool 3.3 accepted {name}"


def _with_certificate(record: Path, target: Path, edit: Any = None) -> None:
    """The record with a credential authority's certificate (3.2+) in its Setup event."""
    header, events = read_logical(record)
    setup = events[0]
    nested = dict(setup.nested)
    election = json.loads(nested["election"])
    group = get_group(election["group"])
    sk = group.random_scalar(random.Random(9))
    raw: dict[str, Any] = {
        "uuid": election["uuid"],
        "voter_list_length": len(json.loads(nested["credentials"])),
        "public_creds_hash": sha256_hex(nested["credentials"]),
        "verification_key": element_text(group, group.g_pow(sk)),
        "encryption_key": element_text(group, group.g_pow(sk + 1)),
        "group": election["group"],
    }
    if edit is not None:
        edit(raw)
    del raw["group"]
    signed = make_signed_message(group, sk, sha256_hex(dumps(raw)), random.Random(10))
    certificate = dumps(raw | {"signature": signed.to_dict()})
    events[0] = replace(setup, nested=(*setup.nested, ("credentials_certificate", certificate)))
    rebuild(target, header, events)


@pytest.mark.belenios
def test_credentials_certificate_is_tolerated_and_checked(
    record: Path, belenios33: BeleniosTool33
) -> None:
    target = belenios33.workdir / record.name
    _with_certificate(record, target)
    outcome = audit_archive(target)
    assert outcome.passed
    (credentials,) = [c for c in outcome.checks if c.check is Check.SETUP_CREDENTIALS]
    assert credentials.note.endswith("credentials certificate signed")
    proc = belenios33.run_raw(["election", "verify"])
    assert proc.returncode == 0, proc.stderr  # belenios-tool 3.3 reads such records too


@pytest.mark.belenios
@pytest.mark.parametrize(
    "edit",
    [
        lambda c: c.update(public_creds_hash="0" * 64),
        lambda c: c.update(voter_list_length=c["voter_list_length"] + 1),
        lambda c: c.update(encryption_key=_outside(c["group"])),  # not in the group
    ],
    ids=["hash", "length", "key_outside_group"],
)
def test_inconsistent_credentials_certificate_is_refused(
    record: Path, tmp_path: Path, edit: Any
) -> None:
    target = tmp_path / record.name
    _with_certificate(record, target, edit)
    report = verify_belenios(target)
    failed = report.check("setup.credentials")
    assert failed.outcome is Outcome.FAILED
    assert failed.error == "InvalidCredentialsCertificateError"


def _swap_tally(tally: list[list[Any]]) -> None:
    row = tally[0]
    row[1], row[2] = row[2], row[1]


@pytest.mark.belenios
def test_published_encrypted_tally_must_be_that_of_the_ballots(
    record: Path, belenios33: BeleniosTool33
) -> None:
    # The check Belenios 3.1 added to belenios-tool and to the spec (§3.5.2).
    target = belenios33.workdir / record.name
    ContentAlteration("EncryptedTally", 0, "encrypted_tally", _swap_tally).rehash(record, target)
    report = verify_belenios(target)
    failed = report.check("tally.encrypted_tally")
    assert failed.outcome is Outcome.FAILED and failed.error == "InvalidEncryptedTallyError"
    assert belenios33.run_raw(["election", "verify"]).returncode != 0
