"""PC/SC test stack fixtures: pcscd + vsmartcard-vpcd + the OpenPGP card emulator.

The stack (DESIGN.md §3), all real components:

- ``pcscd`` run by hand in the foreground (``-f``, never ``-a``: that logs
  every APDU, PINs included), with a private reader configuration (``-c``)
  declaring the vpcd driver on free TCP ports, and a private client socket
  handed over by socket activation (``LISTEN_FDS``), so it never fights with a
  system pcscd. Clients find it through ``PCSCLITE_CSOCK_NAME``, which this
  plugin sets for the whole session (libpcsclite reads it once per process).
- ``vsmartcard-vpcd``: two virtual readers, "Virtual PCD 00 00" and
  "Virtual PCD 00 01", each listening on its own TCP port.
- ``tests/emulator/bridge.py``, run with ``.venv-emulator/bin/python``: one
  process per inserted card, serving the ``smartcard-app-openpgp`` emulator
  whose state is a ZODB file. Stopping the bridge removes the card; starting
  it again on the same state file brings the same card back.

Every process is started and stopped by its PID; every wait is bounded and
fails with the log of the component that did not come up.

Fixtures: ``pcsc_daemon`` (session), ``pcsc_stack`` (per test, removes its
cards at the end), ``openpgp_card`` (one card inserted in reader 0).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EMULATOR_PYTHON = REPO_ROOT / ".venv-emulator" / "bin" / "python"
BRIDGE_SCRIPT = REPO_ROOT / "tests" / "emulator" / "bridge.py"
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PCSCD_RUN_DIR = Path("/run/pcscd")
READER_COUNT = 2
READER_NAME = "Virtual PCD 00 {:02d}"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0


class StackError(RuntimeError):
    """A component of the test stack did not behave; carries its log."""


def _read_log(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-4000:]
    except OSError:
        return "(no log)"


def _stop_process(proc: subprocess.Popen[bytes], timeout: float = STOP_TIMEOUT) -> None:
    """Terminate ``proc`` by its PID, then kill it if it does not exit in time."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)


def _free_port_pair() -> int:
    """A base port such that base and base+1 are both free on localhost."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = int(probe.getsockname()[1])
        if base + READER_COUNT > 65535:
            continue
        try:
            with contextlib.ExitStack() as stack:
                for offset in range(READER_COUNT):
                    sock = stack.enter_context(socket.socket())
                    sock.bind(("0.0.0.0", base + offset))
        except OSError:
            continue
        return base
    raise StackError("no pair of free TCP ports for vpcd")


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _reader_has_card(reader: str) -> bool | None:
    """True/False when pcscd knows ``reader``; None when it does not (yet)."""
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return None
    try:
        hresult, states = scard.SCardGetStatusChange(
            context, 0, [(reader, scard.SCARD_STATE_UNAWARE)]
        )
        if hresult != scard.SCARD_S_SUCCESS:
            return None
        ((_, event_state, _atr),) = states
        if event_state & scard.SCARD_STATE_UNKNOWN:
            return None
        return bool(event_state & scard.SCARD_STATE_PRESENT)
    finally:
        scard.SCardReleaseContext(context)


def _wait_for(predicate: object, what: str, timeout: float, log: Path | None) -> None:
    """Wait (bounded) until ``predicate()`` is true, else fail with the log."""
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    delay = 0.01
    while not predicate():
        if time.monotonic() > deadline:
            detail = f"\n--- log {log} ---\n{_read_log(log)}" if log is not None else ""
            raise StackError(f"timed out after {timeout:.0f}s waiting for {what}{detail}")
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


@dataclass
class PcscDaemon:
    """A private pcscd with vpcd readers on ``base_port`` .. ``base_port + 1``."""

    workdir: Path
    socket_path: Path
    base_port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def reader_name(self, index: int) -> str:
        return READER_NAME.format(index)

    def port(self, index: int) -> int:
        return self.base_port + index

    @property
    def env(self) -> dict[str, str]:
        """Environment for a child process (gpg, a CLI run) to reach this pcscd."""
        return dict(os.environ, PCSCLITE_CSOCK_NAME=str(self.socket_path))

    def stop(self) -> None:
        _stop_process(self.process)


def _private_run_dir_prefix() -> list[str]:
    """``unshare`` arguments for a private mount namespace, when this host allows one."""
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0 or not PCSCD_RUN_DIR.is_dir():
        return []
    args = [unshare, "--mount", "--propagation", "private"]
    probe = subprocess.run([*args, "true"], capture_output=True, timeout=10, check=False)
    return args if probe.returncode == 0 else []


def start_pcscd(workdir: Path, *, with_readers: bool = True) -> PcscDaemon:
    """Start pcscd in the foreground with a private config and socket.

    ``with_readers=False`` gives a pcscd with no reader at all.
    """
    conf_dir = workdir / "reader.conf.d"
    conf_dir.mkdir(parents=True)
    base_port = _free_port_pair()
    if with_readers:
        # CHANNELID is vpcd's first TCP port; reader N listens on CHANNELID + N.
        (conf_dir / "vpcd").write_text(
            'FRIENDLYNAME "Virtual PCD"\n'
            f"DEVICENAME   /dev/null:0x{base_port:04X}\n"
            f"LIBPATH      {VPCD_DRIVER}\n"
            f"CHANNELID    0x{base_port:04X}\n"
        )
    socket_path = workdir / "pcscd.comm"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(socket_path))
    listener.listen(64)
    log_path = workdir / "pcscd.log"
    fd = listener.fileno()
    # Socket activation: pcscd takes fd 3 when LISTEN_PID is its own PID;
    # "exec" keeps the shell's PID, so $$ is pcscd's PID (bash: dash refuses fds above 9).
    command = f'export LISTEN_PID=$$; exec "$0" -f -c "$1" 3<&{fd}'
    prefix = _private_run_dir_prefix()
    run_dir = workdir / "run"
    if prefix:
        # pcscd still writes (and at exit deletes) /run/pcscd/pcscd.pid: give it
        # a private /run/pcscd so a system pcscd's pid file is left alone.
        run_dir.mkdir()
        command = f'mount --bind "$2" {PCSCD_RUN_DIR} || exit 97; {command}'
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                *prefix,
                "/bin/bash",
                "-c",
                command,
                shutil.which("pcscd") or "pcscd",
                str(conf_dir),
                str(run_dir),
            ],
            env=dict(os.environ, LISTEN_FDS="1"),
            pass_fds=(fd,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    listener.close()
    daemon = PcscDaemon(workdir, socket_path, base_port, process, log_path)
    try:
        _wait_for(
            lambda: (
                process.poll() is not None
                or not with_readers
                or all(_port_open(daemon.port(i)) for i in range(READER_COUNT))
            ),
            "pcscd to load the vpcd readers",
            START_TIMEOUT,
            log_path,
        )
        if process.poll() is not None:
            raise StackError(f"pcscd exited with {process.returncode}:\n{_read_log(log_path)}")
    except BaseException:
        daemon.stop()
        raise
    return daemon


@dataclass
class VirtualCard:
    """One emulated OpenPGP card, insertable in one vpcd reader.

    ``state_path`` is the card's ZODB file: the card's whole memory. Several
    ``VirtualCard`` objects may share a state file (the same card moved to
    another reader), never at the same time.
    """

    daemon: PcscDaemon
    reader_index: int
    state_path: Path
    serial: str | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def reader(self) -> str:
        return self.daemon.reader_name(self.reader_index)

    @property
    def log_path(self) -> Path:
        return self.state_path.with_suffix(".bridge.log")

    @property
    def inserted(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def insert(self) -> None:
        """Start the bridge and wait until pcscd sees the card in the reader."""
        if self.inserted:
            raise StackError(f"card {self.state_path.name} is already inserted")
        args = [
            str(EMULATOR_PYTHON),
            str(BRIDGE_SCRIPT),
            "--state",
            str(self.state_path),
            "--port",
            str(self.daemon.port(self.reader_index)),
        ]
        if self.serial is not None:
            args += ["--serial", self.serial]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        proc = self.process
        try:
            _wait_for(
                lambda: proc.poll() is not None or _reader_has_card(self.reader) is True,
                f"a card in {self.reader!r}",
                START_TIMEOUT,
                self.log_path,
            )
            if proc.poll() is not None:
                raise StackError(
                    f"bridge exited with {proc.returncode}:\n{_read_log(self.log_path)}"
                )
        except BaseException:
            self.remove()
            raise

    def remove(self) -> None:
        """Pull the card: stop the bridge and wait until the reader is empty."""
        if self.process is None:
            return
        _stop_process(self.process)
        self.process = None
        _wait_for(
            lambda: _reader_has_card(self.reader) is not True,
            f"{self.reader!r} to be empty",
            START_TIMEOUT,
            self.daemon.log_path,
        )

    def restart(self) -> None:
        """Remove the card and insert it again: the emulator reloads its state file."""
        self.remove()
        self.insert()


@dataclass
class PcscStack:
    """Per-test view of the stack: make cards, each with its own state file."""

    daemon: PcscDaemon
    tmp_path: Path
    cards: list[VirtualCard] = field(default_factory=list)

    def card(
        self,
        reader_index: int = 0,
        state_path: Path | None = None,
        *,
        serial: str | None = None,
        insert: bool = True,
    ) -> VirtualCard:
        """A card in reader ``reader_index`` (0 or 1), inserted unless told otherwise."""
        if not 0 <= reader_index < READER_COUNT:
            raise StackError(f"reader index {reader_index} out of range")
        if state_path is None:
            state_path = self.tmp_path / f"card-{len(self.cards)}.fs"
        card = VirtualCard(self.daemon, reader_index, state_path, serial)
        self.cards.append(card)
        if insert:
            card.insert()
        return card

    def reader_name(self, index: int) -> str:
        return self.daemon.reader_name(index)

    def remove_all(self) -> None:
        for card in self.cards:
            card.remove()


def _require_stack() -> None:
    from tests.conftest import require

    require(shutil.which("pcscd") is not None, "pcscd (apt-get install pcscd)")
    require(VPCD_DRIVER.exists(), "vsmartcard-vpcd (apt-get install vsmartcard-vpcd)")
    require(
        EMULATOR_PYTHON.exists(),
        "the OpenPGP card emulator venv .venv-emulator (bash tests/emulator/install.sh)",
    )
    try:
        import smartcard.scard  # noqa: F401
    except ImportError:
        require(False, "pyscard")


@pytest.fixture(scope="session")
def pcsc_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PcscDaemon]:
    """A private pcscd for the whole session, with two empty vpcd readers."""
    _require_stack()
    workdir = tmp_path_factory.mktemp("pcscd")
    daemon = start_pcscd(workdir)
    previous = os.environ.get("PCSCLITE_CSOCK_NAME")
    os.environ["PCSCLITE_CSOCK_NAME"] = str(daemon.socket_path)
    try:
        _wait_for(
            lambda: _reader_has_card(daemon.reader_name(READER_COUNT - 1)) is not None,
            "pcscd to list the vpcd readers",
            START_TIMEOUT,
            daemon.log_path,
        )
        yield daemon
    finally:
        daemon.stop()
        if previous is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = previous


@pytest.fixture
def pcsc_stack(pcsc_daemon: PcscDaemon, tmp_path: Path) -> Iterator[PcscStack]:
    """The stack for one test; every card it inserted is removed afterwards."""
    stack = PcscStack(pcsc_daemon, tmp_path)
    try:
        yield stack
    finally:
        stack.remove_all()


@pytest.fixture
def openpgp_card(pcsc_stack: PcscStack) -> VirtualCard:
    """A fresh emulated OpenPGP card (default PINs) inserted in reader 0."""
    return pcsc_stack.card(0)
