"""Published targets with tolerances, and the runs that reproduce them."""
