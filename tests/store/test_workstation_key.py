"""The workstation key: system keyring first, a 0600 key file where there is none."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from ceremony.store.errors import WorkstationKeyError
from ceremony.store.workstation_key import (
    KEYRING_SERVICE,
    KEYRING_USERNAME,
    FileKeySource,
    KeyringKeySource,
    default_key_source,
    keyring_available,
    load_workstation_key,
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend (keyring's own plugin interface) holding secrets in memory."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[(service, username)]


@pytest.fixture
def no_system_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


def test_the_key_file_is_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    source = FileKeySource(tmp_path / "data" / "workstation-key.hex")
    assert load_workstation_key(source, create=False) is None
    created = load_workstation_key(source)
    assert created is not None and created.weaker
    assert "moins sûr" in created.source
    assert stat.S_IMODE(source.path.stat().st_mode) == 0o600
    again = load_workstation_key(source)
    assert again is not None and again.public_key == created.public_key
    with pytest.raises(FileExistsError):  # never overwritten
        source.save(created.private_key)


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    source = FileKeySource(tmp_path / "workstation-key.hex")
    load_workstation_key(source)
    source.path.chmod(0o644)
    with pytest.raises(WorkstationKeyError) as caught:
        load_workstation_key(source)
    assert "chmod 600" in caught.value.user_message


def test_a_malformed_key_is_refused_without_echoing_it(tmp_path: Path) -> None:
    source = FileKeySource(tmp_path / "workstation-key.hex")
    secret_looking = "zz" + "7" * 62
    source.path.write_text(secret_looking)
    source.path.chmod(0o600)
    with pytest.raises(WorkstationKeyError) as caught:
        load_workstation_key(source)
    assert secret_looking not in str(caught.value)
    assert caught.value.__cause__ is None


def test_the_keyring_source_keeps_the_key_in_the_keyring() -> None:
    backend = MemoryKeyring()
    source = KeyringKeySource(backend)
    assert keyring_available(backend)
    created = load_workstation_key(source)
    assert created is not None and not created.weaker
    stored = backend.secrets[(KEYRING_SERVICE, KEYRING_USERNAME)]
    assert created.private_key.private_bytes_raw().hex() == stored
    again = load_workstation_key(KeyringKeySource(backend))
    assert again is not None and again.public_key == created.public_key


def test_without_a_keyring_the_file_fallback_is_chosen_in_the_data_dir(
    no_system_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert not keyring_available()
    source = default_key_source()
    assert isinstance(source, FileKeySource)
    assert source.weaker
    assert source.path == tmp_path / "xdg" / "bureau" / "workstation-key.hex"
    with pytest.raises(WorkstationKeyError):
        KeyringKeySource().load()
