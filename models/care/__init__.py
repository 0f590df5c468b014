"""网格关怀 (care): Hanyin's "321" — three contact lines per household, care levels with visits (R51–R52)."""
