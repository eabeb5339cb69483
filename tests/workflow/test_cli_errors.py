"""Plain operator mistakes at the terminal get a French sentence, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceremony.cli import main


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    missing = tmp_path / "nope.zip"
    assert main(["import-definition", "--store", str(store), "--bureau", "csn", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"« {missing} » n'existe pas." in err
    assert "Traceback" not in err


def test_a_folder_given_for_a_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-status", "--store", str(tmp_path / "store"), str(tmp_path)]) == 1
    assert f"« {tmp_path} » est un dossier, pas un fichier." in capsys.readouterr().err


def test_a_card_without_its_serial_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["card", "show", "--store", str(tmp_path / "store"), "--card", "presidente"]
    assert main(argv) == 2
    assert "carte attendue sous la forme MEMBRE=NUMÉRO" in capsys.readouterr().err


@pytest.mark.parametrize(("interruption", "code"), [(KeyboardInterrupt, 130), (EOFError, 1)])
def test_ctrl_c_or_ctrl_d_at_a_prompt_stops_the_step_in_words(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    interruption: type[BaseException],
    code: int,
) -> None:
    from ceremony.workflow import command

    def interrupted(*_args: object) -> None:
        raise interruption

    monkeypatch.setattr(command, "_open_card", interrupted)
    argv = ["sign-seal", "--store", str(tmp_path / "store"), "--card", "presidente=X"]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert "saisie interrompue" in err and "Traceback" not in err
