"""Scale data generators and timing scripts (run by hand; results go to docs/benchmarks.md)."""
from __future__ import annotations
