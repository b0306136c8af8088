"""The condensing and comparison workspace: summary grid, cell editor, matrix and charts."""
