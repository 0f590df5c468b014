"""The points area's stores (积分制, 爱心超市) and the adapters through which it reads other areas."""
