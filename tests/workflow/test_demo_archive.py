"""The demo's archive: what belenios-tool and a reader of the PV see."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BeleniosTool


@pytest.mark.belenios
def test_belenios_tool_accepts_every_bel_the_demo_writes(
    demo_archive: Path, belenios: BeleniosTool
) -> None:
    bels = sorted(demo_archive.glob("*.bel"))
    results = json.loads((demo_archive / "results.json").read_text(encoding="utf-8"))
    assert len(bels) == len(results["contests"]) == 2
    for bel in bels:
        folder = belenios.workdir / bel.stem
        folder.mkdir()
        shutil.copy(bel, folder / bel.name)
        out = subprocess.run(
            ["belenios-tool", "election", "verify", "--dir", str(folder)],
            capture_output=True,
            text=True,
            check=False,
            env={"BELENIOS_USE_URANDOM": "1", "PATH": "/usr/bin:/bin"},
        )
        assert out.returncode == 0, out.stderr
        assert "all checks passed" in out.stderr + out.stdout


def test_the_pv_shows_every_figure_of_the_results(demo_archive: Path) -> None:
    from pypdf import PdfReader

    text = "\n".join(
        page.extract_text() for page in PdfReader(demo_archive / "proces-verbal.pdf").pages
    )
    flat = " ".join(text.split())
    results = json.loads((demo_archive / "results.json").read_text(encoding="utf-8"))
    for contest in results["contests"]:
        assert contest["title"].split(" — ")[-1] in flat
        for item in contest["lists"]:
            assert item["name"].split()[0] in flat
            assert str(item["votes"]) in flat
    assert "Signatures" in flat
