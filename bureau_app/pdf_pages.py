"""Pages of a PDF as images, for the PV preview (Qt's own PDF module is not installed).

``render_pages`` runs poppler's ``pdftoppm`` (Debian ``poppler-utils``,
installed by scripts/bootstrap.sh) into a private temporary directory, on the
caller's thread: call it from a worker job.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ceremony.errors import CeremonyError

_TIMEOUT_S = 120


class PdfPreviewUnavailableError(CeremonyError):
    default_message = (
        "L'aperçu du document n'est pas disponible sur cet ordinateur. Le document "
        "lui-même n'est pas touché : exportez-le et ouvrez-le avec un lecteur PDF."
    )


def render_pages(pdf: Path, dpi: int = 110) -> list[bytes]:
    """PNG bytes of every page of ``pdf``, in order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PdfPreviewUnavailableError("pdftoppm (poppler-utils) not found")
    with tempfile.TemporaryDirectory(prefix="bureau-preview-") as tmp:
        prefix = Path(tmp) / "page"
        try:
            subprocess.run(
                [tool, "-png", "-r", str(dpi), str(pdf), str(prefix)],
                check=True,
                capture_output=True,
                timeout=_TIMEOUT_S,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
            raise PdfPreviewUnavailableError(f"pdftoppm failed on {pdf.name}: {failure}") from None
        # pdftoppm numbers pages with as many digits as the last page needs.
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [page.read_bytes() for page in pages]
