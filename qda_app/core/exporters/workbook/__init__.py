"""The workbook (XLSX) and the segments as CSV."""
