"""Bureau's desktop application (PySide6). Calls `ceremony` only; no business logic here."""

from bureau_app.refcount_guard import guard_singletons

# Before any Qt call: see refcount_guard for the PySide6 6.12 / CPython 3.11 bug.
guard_singletons()
