"""GUI: documents."""
