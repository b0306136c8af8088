"""GUI: common."""
