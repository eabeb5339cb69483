"""The whole test suite: lint, format, types, then pytest.

Run by the README's second command and by .ci/run. pytest's exit code 5
("no tests collected") is a failure here: a suite that ran nothing passed nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

STEPS: list[tuple[str, list[str]]] = [
    ("ruff check", [str(BIN / "ruff"), "check", "."]),
    ("ruff format", [str(BIN / "ruff"), "format", "--check", "."]),
    ("mypy --strict ceremony", [str(BIN / "mypy"), "--strict", "ceremony"]),
]


def main() -> int:
    for name, command in STEPS:
        print(f"=== {name}", flush=True)
        if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
            print(f"FAILED: {name}", flush=True)
            return 1
    print("=== pytest", flush=True)
    code = subprocess.run(
        [sys.executable, "-m", "pytest", *sys.argv[1:]], cwd=ROOT, check=False
    ).returncode
    if code == 5:
        print("FAILED: pytest collected no tests", flush=True)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
