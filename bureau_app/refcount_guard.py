"""Work around PySide6 6.12's lost references to None on CPython 3.11.

PySide6 6.12.0 returns None to Python without taking a reference wherever Qt
gives back nothing: a null pointer (``currentItem()``, ``parentWidget()``,
``layout()``…) or an empty value (``property()`` of an unset name, a model's
``data()`` for a role it does not hold). CPython 3.12 made None immortal, so
nothing happens there; on 3.11 each such call takes one reference away from
None, and after a few thousand calls the interpreter aborts with
"Fatal Python error: none_dealloc". A bureau session runs for hours.

The guard gives None, True and False the very large reference count that 3.12
gives them, which is what immortality amounts to; it is applied once, before
any Qt object exists, and only where the bug can bite.
"""

from __future__ import annotations

import ctypes
import sys

# Far more than any session can lose, far from overflowing a signed 64-bit count.
_MARGIN = 1 << 40


def needs_guard() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def guard_singletons() -> bool:
    """Make None, True and False effectively immortal; True if it was needed and done."""
    if not needs_guard():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a CPython release build.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _MARGIN:
            count.value += _MARGIN
    return True
