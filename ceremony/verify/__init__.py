"""Independent expert verification of a ceremony archive."""
