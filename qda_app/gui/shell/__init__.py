"""GUI: shell."""
