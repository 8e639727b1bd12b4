"""Building and training InstaTag's models; never imported by a deployed function."""
