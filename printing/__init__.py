"""Printing: reportlab documents built from model objects, returned as PDF bytes (never files, never SQL)."""
