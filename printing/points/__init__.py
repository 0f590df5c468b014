"""The points area's printed products: the points board (积分榜) and the redemption receipt (兑换凭证)."""
