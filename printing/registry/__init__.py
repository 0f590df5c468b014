"""printing/registry: the household registry (户籍花名册) and the roster spreadsheet (花名册)."""
