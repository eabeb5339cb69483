"""The vector QR code drawn in the PV is exactly segno's code for the fingerprint text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import segno
from reportlab.pdfgen.canvas import Canvas

from ceremony.report.layout import QrCode
from ceremony.report.pv import compute_fingerprint_text
from tests.conftest import require
from tests.report.sample import pv_data

MODULE = 4.0  # points per module in the test drawing


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-width * height :]


def test_qr_modules_match_segno(tmp_path: Path) -> None:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    text = compute_fingerprint_text(pv_data())
    expected = [list(row) for row in segno.make(text, error="m", micro=False).matrix_iter(border=4)]
    n = len(expected)
    flowable = QrCode(text, n * MODULE)
    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(n * MODULE, n * MODULE))
    flowable.drawOn(canvas, 0, 0)
    canvas.save()
    # 72 dpi: one pixel per point, so module (x, y) covers pixels [4x, 4x+4).
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(pdf), str(tmp_path / "qr")], check=True)
    (pgm,) = tmp_path.glob("qr*.pgm")
    width, _, pixels = read_pgm(pgm)
    seen = [
        [pixels[(int(y * MODULE) + 2) * width + int(x * MODULE) + 2] < 128 for x in range(n)]
        for y in range(n)
    ]
    assert seen == [[bool(v) for v in row] for row in expected]
    assert sum(map(sum, seen)) > n  # not blank
