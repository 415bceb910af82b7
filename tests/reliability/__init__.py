"""Reliability harnesses shared by the tests and benchmarks/: kill, fuzz, damage."""
