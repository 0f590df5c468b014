"""Timing scripts; run as `python -m benchmarks.<area>` from the repository root."""
