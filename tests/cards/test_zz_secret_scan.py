"""No PIN or secret used by the card tests appears in any file they wrote or in any log.

Runs after the other card tests (file name) and also plays its own scenario,
so it scans something real even when run alone. Scanned: every file under the
session's pytest temporary directory (pcscd log, bridge logs, training card
files, GnuPG homes, ...), the Python log records and the captured output.
The emulator's ZODB files are the emulated chip's own memory (a real card
keeps its PIN in its chip): they are scanned for the wrapped secrets only.
The whole-ceremony card tests (``test_ceremony_cards_pcsc``, ``test_lots_physical_pcsc``,
``test_card_unblock_pcsc``) write megabytes of election data (decimal numbers, hex
digests) where any given 6-to-8-digit string turns up by chance: the digit-only
PINs of the *other* tests are not looked for in their folders. Those tests use
PINs with letters, which are looked for there.
"""

from __future__ import annotations

import base64
import contextlib
import logging
from pathlib import Path

import pytest

from ceremony.cards.errors import WrongPinError
from ceremony.cards.interface import CardSetup, PinKind, clear_secret
from ceremony.cards.training import TrainingCard
from tests.cards.cardtools import USED_SECRETS, Member, fresh_pin, fresh_secret, initialise
from tests.cards.pins import ScriptedPins
from tests.pcsc_stack import PcscStack

pytestmark = pytest.mark.pcsc

NUMBER_HEAVY_SUFFIXES = frozenset({".bel", ".zip"})
CHIP_MEMORY_SUFFIXES = (".fs", ".fs.index", ".fs.lock", ".fs.tmp", ".fs.old")


def _ceremony_test_folders() -> tuple[str, ...]:
    """pytest's per-test folder names (cut to 30 characters) of the whole-ceremony tests."""
    from tests.cards import (
        test_card_unblock_pcsc,
        test_ceremony_cards_pcsc,
        test_lots_physical_pcsc,
    )

    return tuple(
        name[:30]
        for module in (test_ceremony_cards_pcsc, test_card_unblock_pcsc, test_lots_physical_pcsc)
        for name in dir(module)
        if name.startswith("test_")
    )


def _forms(value: bytes) -> list[bytes]:
    """The value as it could leak: raw, hex (both cases), base64, UTF-16."""
    forms = [value, value.hex().encode(), value.hex().upper().encode(), base64.b64encode(value)]
    with contextlib.suppress(UnicodeDecodeError):
        forms.append(value.decode().encode("utf-16-le"))
    return forms


def test_no_secret_in_files_or_logs(
    pcsc_stack: PcscStack,
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    member = Member("Hélène Garnier", "delegate")
    card = pcsc_stack.card(0)
    client, identity = initialise(card, member)
    secret = fresh_secret()
    client.wrap_secret(secret, member.context(identity), member.pins())
    opened = client.unwrap_secret(member.context(identity), member.pins())
    assert bytes(opened) == secret
    clear_secret(opened)
    client.sign(b"pv", member.pins())
    with pytest.raises(WrongPinError):
        client.sign(b"pv", ScriptedPins({PinKind.USER: [fresh_pin(6)]}))
    training_pin = fresh_pin(8)
    training = TrainingCard.create(Path(pcsc_stack.tmp_path) / "training.json")
    training_identity = training.initialise(
        CardSetup("Hélène Garnier", "delegate", "bureau-test-1"),
        ScriptedPins({PinKind.NEW_USER: [training_pin]}),
    )
    training_secret = fresh_secret()
    training.wrap_secret(
        training_secret,
        member.context(training_identity),
        ScriptedPins({PinKind.USER: [training_pin]}),
    )
    card.remove()  # the bridge exits and flushes its log

    secrets_ = {s for s in USED_SECRETS if s}
    plaintexts = {s for s in secrets_ if s.startswith(b"seed:")}
    assert secret in secrets_ and member.user_pin.encode() in secrets_
    captured = capfd.readouterr()
    texts = {
        "python log records": caplog.text.encode(),
        "captured stdout": captured.out.encode(),
        "captured stderr": captured.err.encode(),
    }
    base = tmp_path_factory.getbasetemp()
    ceremony_folders = _ceremony_test_folders()
    scanned: list[Path] = []
    leaks: list[str] = []
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        chip_memory = path.name.endswith(CHIP_MEMORY_SUFFIXES)
        data = path.read_bytes()
        scanned.append(path)
        # Belenios records and zipped bundles are megabytes of decimal numbers or compressed
        # bytes, wherever they sit (other folders' demo archives too): a digit-only PIN
        # turns up there by chance; every other form and every non-digit secret is still
        # looked for in them.
        numbers = path.relative_to(base).parts[0].startswith(ceremony_folders) or (
            path.suffix in NUMBER_HEAVY_SUFFIXES
        )
        for value in plaintexts if chip_memory else secrets_:
            if numbers and value.isdigit():
                continue
            if any(form in data for form in _forms(value)):
                leaks.append(f"{path.relative_to(base)} holds a secret ({len(value)} bytes)")
    for name, data in texts.items():
        for value in secrets_:
            if any(form in data for form in _forms(value)):
                leaks.append(f"{name} holds a secret")
    names = {p.name for p in scanned}
    assert "pcscd.log" in names and any(n.endswith(".bridge.log") for n in names)
    assert "training.json" in names
    assert not leaks, leaks
    print(f"scanned {len(scanned)} files and {len(texts)} logs for {len(secrets_)} secrets")
