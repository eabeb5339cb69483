"""The belenios-tool 3.3 fixture really runs belenios-tool 3.3 in the sid chroot."""

from __future__ import annotations

import json

import pytest

from tests.belenios33.tool import BeleniosTool33


@pytest.mark.belenios
def test_belenios33_is_version_3_3(belenios33: BeleniosTool33) -> None:
    assert belenios33.run(["--version"]).strip().startswith("3.3")


@pytest.mark.belenios
def test_belenios33_reads_and_writes_host_files(belenios33: BeleniosTool33) -> None:
    # A file the test writes is read by the tool, and the tool's output lands in workdir.
    uuid = belenios33.run(["setup", "generate-token"]).strip()
    belenios33.run(
        ["setup", "generate-credentials", "--uuid", uuid, "--group", "Ed25519", "--count", "2"]
    )
    pubcreds = [p for p in belenios33.workdir.iterdir() if p.suffix == ".pubcreds"]
    assert len(pubcreds) == 1
    privcreds = next(p for p in belenios33.workdir.iterdir() if p.suffix == ".privcreds")
    # 3.3 writes private credentials as a JSON object (2.0: text lines).
    assert len(json.loads(privcreds.read_text())) == 2
    # Host paths under the chroot are given to the tool in its own form.
    belenios33.run(["setup", "generate-trustee-key", "--group", "Ed25519"])
    pubkey = next(p for p in belenios33.workdir.iterdir() if p.suffix == ".pubkey")
    assert len(json.loads(pubkey.read_text())["public_key"]) == 64
    assert belenios33.to_inner(pubkey) == f"{belenios33.inner}/{pubkey.name}"
