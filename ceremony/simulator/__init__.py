"""Voting-platform simulator for dry runs, training, tests and benchmarks."""
