"""Planning: strategic goals, the Sozialraum × goal table, measures and their monitoring."""
