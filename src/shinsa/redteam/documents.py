"""Reading an organisation's documents (PDF, Markdown, text, HTML) into pages with provenance,
and cutting them into chunks a generator model can read.

PDF pages keep their page numbers; other formats have no pages (``page`` is None). A file that
cannot be read is reported and skipped, so one broken PDF does not stop a folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from shinsa.errors import InputError

PDF = {".pdf"}
MARKDOWN = {".md", ".markdown"}
TEXT = {".txt", ".text"}
HTML = {".html", ".htm"}
SUPPORTED = PDF | MARKDOWN | TEXT | HTML
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")
_SPACES = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True, slots=True)
class Page:
    document: str
    """The file's path relative to the documents folder."""
    page: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Chunk:
    document: str
    pages: tuple[int, ...]
    """The PDF pages the chunk covers; empty for documents without pages."""
    text: str

    def where(self) -> str:
        if not self.pages:
            return self.document
        first, last = self.pages[0], self.pages[-1]
        return f"{self.document} p.{first}" if first == last else f"{self.document} pp.{first}-{last}"


@dataclass(frozen=True, slots=True)
class Unreadable:
    document: str
    reason: str


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page: tags stripped, scripts and styles dropped, blocks on lines."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})
    BLOCK = frozenset({
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "hr", "title",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return tidy("".join(parser.parts))


def tidy(text: str) -> str:
    """Collapse runs of spaces and blank lines; keep paragraph breaks."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else the most likely Japanese or other encoding; None if binary."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = from_bytes(data).best()
        return str(guess) if guess is not None else None


def _pdf_pages(path: Path, name: str) -> list[Page]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF (needs a password)")
        return [Page(name, number, tidy(page.extract_text() or "")) for number, page in enumerate(reader.pages, 1)]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"unreadable PDF: {exc}") from None


def read_document(path: Path, name: str) -> list[Page]:
    """The pages of one file; raise :class:`InputError` saying why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in PDF:
        return _pdf_pages(path, name)
    if suffix not in SUPPORTED:
        raise InputError(f"unsupported file type {suffix or '(none)'} (use PDF, Markdown, text or HTML)")
    text = decode(path.read_bytes())
    if text is None:
        raise InputError("not text in any known encoding")
    if suffix in HTML:
        text = html_text(text)
    return [Page(name, None, tidy(text))]


def read_documents(folder: Path) -> tuple[list[Page], list[Unreadable]]:
    """Every supported file under ``folder`` (recursively, in path order), and those skipped."""
    if not folder.exists():
        raise InputError(f"--docs {folder}: no such file or folder")
    paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file())
    pages: list[Page] = []
    skipped: list[Unreadable] = []
    for path in paths:
        name = path.name if folder.is_file() else path.relative_to(folder).as_posix()
        if path.suffix.lower() not in SUPPORTED:
            if not path.name.startswith("."):
                skipped.append(Unreadable(name, f"unsupported file type {path.suffix or '(none)'}"))
            continue
        try:
            found = read_document(path, name)
        except InputError as exc:
            skipped.append(Unreadable(name, str(exc)))
            continue
        if not any(page.text for page in found):
            skipped.append(Unreadable(name, "no extractable text (a scanned PDF needs OCR first)"))
            continue
        pages.extend(page for page in found if page.text)
    return pages, skipped


def _split(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at paragraph or line breaks
    where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind("。"), window.rfind(". "))
        cut = cut + 1 if cut > limit // 2 else limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return pieces


def page_text(page: Page) -> str:
    """A page's text, headed with its page number so a model can cite it."""
    return f"[p.{page.page}]\n{page.text}" if page.page is not None else page.text


def chunk_pages(pages: list[Page], limit: int) -> list[Chunk]:
    """Consecutive pages of each document joined into chunks of at most ``limit`` characters;
    a page longer than that is split on its own."""
    if limit < 200:
        raise InputError(f"chunk size must be at least 200 characters, got {limit}")
    chunks: list[Chunk] = []
    texts: list[str] = []
    numbers: list[int] = []
    current: str | None = None

    def flush() -> None:
        if texts and current is not None:
            chunks.append(Chunk(current, tuple(numbers), "\n\n".join(texts)))
        texts.clear()
        numbers.clear()

    for page in pages:
        body = page_text(page)
        if page.document != current or sum(len(t) + 2 for t in texts) + len(body) > limit:
            flush()
            current = page.document
        if len(body) > limit:
            for piece in _split(body, limit):
                chunks.append(Chunk(page.document, (page.page,) if page.page is not None else (), piece))
            continue
        texts.append(body)
        if page.page is not None:
            numbers.append(page.page)
    flush()
    return chunks
