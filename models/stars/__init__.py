"""十星级文明户 (stars): the adopted star list, stars awarded by a recorded meeting, withdrawals, the board."""
