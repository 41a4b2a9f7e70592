"""The exceptions presscut raises on purpose.

Everything a caller may see derives from `PresscutError`. Problems with the
input document derive from `ExtractionError` (also a `ValueError`), so a batch
job can catch one class, record the failure for that record and go on.
"""

from __future__ import annotations


class PresscutError(Exception):
    """Base class of every error presscut raises on purpose."""


class ExtractionError(PresscutError, ValueError):
    """The input cannot be read as a web page."""


class NotHTMLError(ExtractionError):
    """The input is not HTML: binary data, a PDF, an image, JSON, or plain text."""


class InputTooLargeError(ExtractionError):
    """The input is larger than the `max_bytes` limit."""


class FetchError(PresscutError):
    """A URL could not be fetched: a network error, a timeout, too many redirects, an HTTP
    error status or a body too large. Not an `ExtractionError`: the page itself was never read."""
