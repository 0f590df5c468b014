"""Printed products of the three disclosures: the monthly 财务公开 board page."""
