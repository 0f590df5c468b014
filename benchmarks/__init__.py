"""Benchmarks: timing scripts whose results go to docs/benchmarks.md."""
