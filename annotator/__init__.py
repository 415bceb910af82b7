"""annotator: right-to-left span, quote and date annotation for Arabic news text."""

__version__ = "0.1.0"
