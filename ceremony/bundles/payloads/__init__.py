"""Typed payloads of the six bundle types (DESIGN.md §4), one module each.

Belenios data (election.json, trustees, public credentials, ``.bel`` archives,
partial decryptions, results) stays opaque bytes here, referenced by
:class:`~ceremony.bundles.payloads.common.FileRef`; the protocol core parses it.
"""
