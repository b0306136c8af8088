"""REFI-QDA exchange in the window: File → Exchange (export and import QDPX and QDC)."""
