"""群众说事 print products: the three monthly lists, the wall chart, the officer's log page."""
