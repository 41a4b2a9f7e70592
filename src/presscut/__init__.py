"""presscut: clean, structured news articles out of raw web pages.

The public surface is small and stable:

- `extract(html, url=None, **options) -> Article` for HTML pages;
- `clean_text(text, url=None, title=None) -> Article` for already-extracted text;
- `Article`, `Block`, `RemovedBlock`: the result and its parts;
- the exceptions under `PresscutError`;
- the `presscut` command line (`presscut.cli`).

Everything else in the package is internal and free to change.
"""

from presscut.article import SCHEMA_VERSION, Article, Block, RemovedBlock
from presscut.errors import (
    ExtractionError,
    FetchError,
    InputTooLargeError,
    NotHTMLError,
    PresscutError,
)
from presscut.extract import extract
from presscut.text import clean_text

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "ExtractionError",
    "FetchError",
    "InputTooLargeError",
    "NotHTMLError",
    "PresscutError",
    "RemovedBlock",
    "__version__",
    "clean_text",
    "extract",
]
