"""belenios-tool 3.3 for the interop33 tests: the shared ``belenios33`` fixture
(tests/conftest.py, tests/belenios33/tool.py) and ``make_tool`` for records
shared by a module's tests (a module-scoped fixture cannot use the
function-scoped ``belenios33``).
"""

from __future__ import annotations

from tests.belenios33.tool import BeleniosTool33, chroot_dir, chroot_version, new_tool
from tests.conftest import require

__all__ = ["BeleniosTool33", "make_tool"]


def make_tool() -> BeleniosTool33:
    """A fresh private working directory in the chroot (skips, or fails in CI, when absent)."""
    root = chroot_dir()
    version = chroot_version(root)
    require(
        version is not None and version.startswith("3.3"),
        "belenios-tool 3.3 (the sid chroot .belenios33/, built by bootstrap.sh --dev; needs root)",
    )
    return new_tool(root)
