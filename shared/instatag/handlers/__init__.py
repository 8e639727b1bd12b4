"""The logic behind each Cloud Function; `functions/<name>/main.py` only wires these up."""
