"""REFI-QDA exchange: QDPX projects and QDC codebooks for MAXQDA, ATLAS.ti, NVivo, QualCoder."""
