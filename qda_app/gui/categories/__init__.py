"""GUI: categories."""
