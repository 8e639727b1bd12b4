"""Caption options for a photo: written from what it shows, and learned from similar posts."""
