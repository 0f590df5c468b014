"""积分制 and 爱心超市: the adopted scheme, the household ledger, roll-up, goods and redemptions (R35–R40)."""
