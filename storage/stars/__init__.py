"""十星级文明户 storage: the adopted star lists and the awards."""
