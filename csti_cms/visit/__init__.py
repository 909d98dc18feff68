"""The visitor path: opening hours and closures, prices, exhibitions, practical information."""
