"""The workstation key: the Ed25519 key that signs journal checkpoints.

It lives in the system keyring (``keyring``). Where the system has no keyring
backend (a bare Linux session, a live USB), it falls back to a key file in the
user data directory, created with mode 0600 and refused if others can read it.
That fallback is weaker (any program running as the same user can read the
file) and says so: ``WorkstationKey.weaker`` is True and the store records it
next to the public key. The source is injectable so tests never touch the
real keyring or the real data directory.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors
import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ceremony.store.checkpoint import public_key_hex
from ceremony.store.errors import WorkstationKeyError

KEYRING_SERVICE = "bureau"
KEYRING_USERNAME = "workstation-ed25519"
KEY_FILE_NAME = "workstation-key.hex"


@dataclass(frozen=True)
class WorkstationKey:
    private_key: Ed25519PrivateKey
    source: str  # human-readable, e.g. "keyring" or the key file path
    weaker: bool

    @property
    def public_key(self) -> str:
        return public_key_hex(self.private_key)


class KeySource(Protocol):
    """Where the workstation key is kept."""

    @property
    def description(self) -> str: ...

    @property
    def weaker(self) -> bool: ...

    def load(self) -> Ed25519PrivateKey | None: ...

    def save(self, key: Ed25519PrivateKey) -> None: ...


class KeyringKeySource:
    """The system keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    weaker = False

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None = None,
        *,
        service: str = KEYRING_SERVICE,
        username: str = KEYRING_USERNAME,
    ) -> None:
        self._backend = backend
        self._service = service
        self._username = username

    @property
    def description(self) -> str:
        return f"keyring ({type(self.backend).__name__})"

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def load(self) -> Ed25519PrivateKey | None:
        try:
            stored = self.backend.get_password(self._service, self._username)
        except keyring.errors.KeyringError as error:
            raise WorkstationKeyError(f"keyring read failed: {type(error).__name__}") from error
        return None if stored is None else _key_from_hex(stored, "keyring")

    def save(self, key: Ed25519PrivateKey) -> None:
        try:
            self.backend.set_password(self._service, self._username, key.private_bytes_raw().hex())
        except keyring.errors.KeyringError as error:
            raise WorkstationKeyError(f"keyring write failed: {type(error).__name__}") from error


class FileKeySource:
    """Fallback: the raw key, hex, in a file only its owner may read (weaker)."""

    weaker = True

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def description(self) -> str:
        return f"fichier de clé {self.path} (repli, moins sûr que le trousseau du système)"

    def load(self) -> Ed25519PrivateKey | None:
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return None
        if sys.platform != "win32" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise WorkstationKeyError(
                f"key file {self.path} is accessible to other users (mode {mode & 0o777:o})",
                user_message=(
                    "Le fichier de clé du poste est lisible par d'autres utilisateurs : il est "
                    "refusé. Restreignez ses droits (chmod 600) ou recréez le poste."
                ),
            )
        return _key_from_hex(self.path.read_text(encoding="ascii").strip(), str(self.path))

    def save(self, key: Ed25519PrivateKey) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: never overwrite an existing key, that would orphan old checkpoints.
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.private_bytes_raw().hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())


def keyring_available(backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """False when only keyring's "fail" backend (or a chain of none) is present."""
    chosen = backend if backend is not None else keyring.get_keyring()
    try:
        chosen.get_password(KEYRING_SERVICE, "bureau-probe")
    except keyring.errors.KeyringError:
        return False
    return True


def default_key_source(data_dir: Path | None = None) -> KeySource:
    """The system keyring if there is one, else the documented key-file fallback."""
    if keyring_available():
        return KeyringKeySource()
    folder = data_dir if data_dir is not None else Path(platformdirs.user_data_dir("bureau"))
    return FileKeySource(folder / KEY_FILE_NAME)


def load_workstation_key(source: KeySource, *, create: bool = True) -> WorkstationKey | None:
    """The key kept by ``source``; made and saved first if absent and ``create``."""
    key = source.load()
    if key is None:
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        source.save(key)
    return WorkstationKey(key, source.description, source.weaker)


def _key_from_hex(text: str, where: str) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))
    except ValueError:
        # Never echo the text: it is the private key.
        raise WorkstationKeyError(f"workstation key in {where} is malformed") from None
