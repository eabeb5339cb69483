"""GnuPG, an independent client, still reads our initialised card as an OpenPGP card."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cards.cardtools import Member, initialise
from tests.conftest import require
from tests.pcsc_stack import PcscDaemon, VirtualCard

pytestmark = pytest.mark.pcsc


@pytest.fixture
def gnupg_home(tmp_path: Path, pcsc_daemon: PcscDaemon) -> Iterator[tuple[Path, dict[str, str]]]:
    """A private GNUPGHOME whose scdaemon talks to our pcscd; its daemons killed after."""
    require(shutil.which("gpg") is not None, "gnupg (apt-get install gnupg)")
    require(Path("/usr/lib/gnupg/scdaemon").exists(), "scdaemon (apt-get install scdaemon)")
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    # PC/SC only (no internal CCID driver); the pcscd is found via PCSCLITE_CSOCK_NAME.
    (home / "scdaemon.conf").write_text("disable-ccid\n")
    env = dict(pcsc_daemon.env, GNUPGHOME=str(home))
    try:
        yield home, env
    finally:
        # scdaemon holds the card exclusively; gpgconf stops this home's daemons only.
        for component in ("scdaemon", "gpg-agent"):
            subprocess.run(
                ["gpgconf", "--kill", component], env=env, capture_output=True, timeout=30
            )


def test_gpg_card_status_reads_our_holder(
    openpgp_card: VirtualCard, gnupg_home: tuple[Path, dict[str, str]]
) -> None:
    member = Member("Alice Martin", "president")
    client, identity = initialise(openpgp_card, member)
    _, env = gnupg_home
    result = subprocess.run(
        ["gpg", "--batch", "--card-status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stderr
    assert "Alice Martin" in result.stdout
    serial_number = identity.serial.split("-")[1]
    assert serial_number in result.stdout
    assert "nistp256" in result.stdout or "NIST P-256" in result.stdout or "ECDSA" in result.stdout
    # Once scdaemon is stopped, our client gets the card back.
    subprocess.run(["gpgconf", "--kill", "scdaemon"], env=env, check=True, timeout=30)
    assert client.read_identity() == identity
