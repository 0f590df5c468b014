"""storage/lists: red/yellow/black lists (红黄黑榜)."""
