"""Printed products of the ten-star households: the year's board, and each household's plaque and certificate."""
