"""Phases of one bureau, roles and quorum; the state is derived from the journal."""
