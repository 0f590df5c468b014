"""网格关怀's printed products: the public 网格公示牌 and the internal 网格联户表."""
