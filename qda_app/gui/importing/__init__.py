"""GUI: importing."""
