"""InstaTag: hashtags, captions and trending tags for people who post photos."""

__version__ = "0.1.0"
