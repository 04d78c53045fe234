"""Marsad: Arabic news in, structured and verifiable knowledge out."""

from marsad.document import Document
from marsad.pipeline import analyze

__all__ = ["Document", "analyze", "__version__"]
__version__ = "0.1.0"
