"""Bureau's desktop application (PySide6). Calls `ceremony` only; no business logic here."""
