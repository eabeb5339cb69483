"""`bureau verify` on a .bel file starts without the workflow engine and the journal store.

Why: those imports (SQLAlchemy, alembic, reportlab, the engine) cost about a
second before any check, which the Ed25519 benchmark counts against belenios-tool.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "ceremony.store.store", "ceremony.workflow.engine")


def _imported_after(code: str, tmp_path: Path) -> set[str]:
    """The heavy modules loaded once ``code`` has run in a fresh interpreter."""
    result = tmp_path / "imported.txt"
    probe = (
        "import sys\n"
        f"{code}\n"
        f"names = [m for m in {HEAVY!r} if m in sys.modules]\n"
        f"open({str(result)!r}, 'w').write(','.join(names))\n"
    )
    subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True)
    return {m for m in result.read_text().split(",") if m}


def test_bureau_verify_of_a_file_imports_neither_the_store_nor_the_engine(tmp_path: Path) -> None:
    not_an_archive = tmp_path / "x.bel"
    not_an_archive.write_text("not a Belenios archive\n")
    code = (
        "from ceremony.cli import main\n"
        f"code = main(['verify', {str(not_an_archive)!r}])\n"
        "assert code != 0, code"
    )
    assert _imported_after(code, tmp_path) == set()


def test_the_whole_parser_still_has_every_command(tmp_path: Path) -> None:
    code = "from ceremony.cli import build_parser\nbuild_parser()"
    assert _imported_after(code, tmp_path) >= {"ceremony.workflow.engine", "ceremony.store.store"}
