"""The Word report: a chapter per quarter, a cross-quarter chapter, methods, appendix."""
