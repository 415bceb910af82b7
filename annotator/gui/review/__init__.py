"""Review mode: adjudicating annotators' work into gold, and the agreement dashboard."""

from annotator.gui.review.window import ReviewWindow

__all__ = ["ReviewWindow"]
