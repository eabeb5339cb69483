"""Belenios 2.0 (specification of belenios-tool 2.0), implemented to the letter."""
