"""The category system's history, reconstructed from the change log (Qt-free)."""
