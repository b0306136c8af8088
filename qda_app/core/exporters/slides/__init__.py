"""Slide decks (PPTX, 16:9) per quarter and across quarters."""
