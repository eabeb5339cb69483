"""Reading PDFs back with poppler-utils (pdftotext, pdftoppm, pdffonts)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import require


def pdftotext(pdf: bytes, *, layout: bool = True) -> str:
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    # Thousands are separated by narrow no-break spaces; compare on plain spaces.
    return out.replace("\u202f", " ").replace("\u00a0", " ")


def pdffonts(path: Path) -> list[list[str]]:
    require(shutil.which("pdffonts") is not None, "pdffonts (poppler-utils)")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def render_png(path: Path, out_prefix: Path, *, first: int = 1, last: int = 1) -> list[Path]:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "80",
            "-png",
            "-f",
            str(first),
            "-l",
            str(last),
            str(path),
            str(out_prefix),
        ],
        check=True,
    )
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))
