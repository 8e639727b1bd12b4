"""The tags model: implicit ALS over the posts x hashtags matrix, its evaluation and tuning."""
