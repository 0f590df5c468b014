"""Benchmarks and sample renders (run by hand; results in docs/benchmarks.md)."""
