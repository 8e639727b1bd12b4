"""Subcommands of the `instatag` CLI: each module here defines `register(subparsers)`."""
