"""File → Export report, slides, tables: the export dialog."""
