"""网格关怀 over SQLite: contact lines, care levels, visits, settings (one store per aggregate)."""
