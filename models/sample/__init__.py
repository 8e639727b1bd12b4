"""The sample corpus InstaTag ships for a store that has no posts yet (synthetic, not real)."""
