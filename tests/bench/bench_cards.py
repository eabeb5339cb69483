"""Benchmark (run by hand): card operations through the real PC/SC stack.

    .venv/bin/python -m tests.bench.bench_cards [ROUNDS]

Starts a private pcscd + vpcd + the card emulator (as the pcsc fixtures do),
then times initialisation, signature, wrap and unwrap (median of ROUNDS,
default 5), next to the references: one raw APDU round trip (GET DATA C4,
the floor of every operation) and the same operations on a training card.
The emulator is slow (about 20 ms per APDU, a ZODB transaction each); a
real card answers a short APDU in a few ms but signs in 50-300 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ceremony.cards.interface import CardSetup, PinKind
from ceremony.cards.openpgp_card import OpenPGPCard
from ceremony.cards.pcsc import PcscReader
from ceremony.cards.training import TrainingCard
from tests.cards.cardtools import Member
from tests.cards.pins import ScriptedPins
from tests.pcsc_stack import VirtualCard, start_pcscd


def _median(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bench-cards-") as tmp:
        base = Path(tmp)
        daemon = start_pcscd(base / "pcscd")
        os.environ["PCSCLITE_CSOCK_NAME"] = str(daemon.socket_path)
        card = VirtualCard(daemon, 0, base / "card.fs")
        try:
            card.insert()
            reader = PcscReader(card.reader)

            def raw_apdu() -> None:
                with reader.connect() as transport:
                    transport.transmit(bytes.fromhex("00A4040006D2760001240100"))
                    transport.transmit(bytes.fromhex("00CA00C400"))

            member = Member("Bench Mark", "delegate")
            client = OpenPGPCard(reader)
            start = time.perf_counter()
            identity = client.initialise(member.setup(), member.init_pins())
            init_time = time.perf_counter() - start
            context = member.context(identity)
            secret = b"s" * 64
            results = {
                "SELECT + GET DATA (2 APDUs)": _median(raw_apdu, rounds),
                "initialise (once)": init_time,
                "sign": _median(lambda: client.sign(b"manifest", member.pins()), rounds),
                "wrap 64-byte secret": _median(
                    lambda: client.wrap_secret(secret, context, member.pins()), rounds
                ),
                "unwrap": _median(lambda: client.unwrap_secret(context, member.pins()), rounds),
            }
        finally:
            card.remove()
            daemon.stop()

        training = TrainingCard.create(base / "training.json")
        pin = "48291637"
        start = time.perf_counter()
        t_identity = training.initialise(
            CardSetup("Bench Mark", "delegate", "bureau-test-1"),
            ScriptedPins({PinKind.NEW_USER: [pin]}),
        )
        t_results = {"initialise (once)": time.perf_counter() - start}
        pins = ScriptedPins({PinKind.USER: [pin]})
        t_context = member.context(t_identity)
        t_results["sign"] = _median(lambda: training.sign(b"manifest", pins), rounds)
        t_results["wrap 64-byte secret"] = _median(
            lambda: training.wrap_secret(secret, t_context, pins), rounds
        )
        t_results["unwrap"] = _median(lambda: training.unwrap_secret(t_context, pins), rounds)

    print(f"{'operation':32} {'emulated card (s)':>18} {'training card (s)':>18}")
    for name, value in results.items():
        other = t_results.get(name)
        other_text = f"{other:18.3f}" if other is not None else f"{'-':>18}"
        print(f"{name:32} {value:18.3f} {other_text}")


if __name__ == "__main__":
    main()
