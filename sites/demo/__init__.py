"""The demo site: a fictional science centre that shows what csti-cms does."""
