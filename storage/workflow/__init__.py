"""storage/workflow: the nine-step revision workflow (九步工作法)."""
