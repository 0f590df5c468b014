"""models/township: the township desk (乡镇端): reviews and filing."""
