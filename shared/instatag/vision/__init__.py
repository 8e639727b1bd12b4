"""Seeing photos: decoding uploads and running the image model on them."""
