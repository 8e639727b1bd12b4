"""Hashtag recommendation: the ALS tags model, seeds from photos and words, and the ranking."""
