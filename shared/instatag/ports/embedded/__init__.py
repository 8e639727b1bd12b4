"""Embedded backends: files under the data directory and threads in this process."""
