"""Marsad: Arabic news in, structured and verifiable knowledge out."""

from marsad.document import Document
from marsad.pipeline import analyze

__all__ = ["Document", "__version__", "analyze"]
__version__ = "0.1.0"
