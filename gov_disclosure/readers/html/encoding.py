"""HTML bytes to text: byte-order mark, then the page's own charset declaration, then the
shared fallback of `decoding.decode`, with the corrections real report pages need."""

from __future__ import annotations

import codecs
import re

from gov_disclosure.decoding import decode

PRESCAN_BYTES = 2048
"""How far into the page a `<meta charset>` is looked for (the HTML standard prescans 1024)."""

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 BOMs start so too
_CHINESE = frozenset({"gb2312", "gbk", "gb18030", "hz"})
_WESTERN = frozenset({"ascii", "iso8859-1", "iso8859-15", "cp1252"})


def decode_html(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the Python name of the codec used.

    Order: byte-order mark, then `<meta charset>` / `http-equiv` in the first 2 KB, then the
    shared fallback of `decoding.decode` (UTF-8, then GB18030). A declared GB2312/GBK that fails
    widens to GB18030 (pages declare GB2312 and use GBK characters); a declared Western
    single-byte charset (decodes anything) is tried after GB18030. A declaration contradicted
    by valid non-ASCII UTF-8 loses to UTF-8: such bytes are UTF-8 beyond reasonable doubt, and
    pages built from a GB2312 template but saved as UTF-8 are common.

    Raises:
        DecodeError: the bytes decode in no candidate encoding (names `path`).
    """
    if any(data.startswith(bom) for bom in _BOMS):
        return decode(data, path=path)
    declared = _declared(data[:PRESCAN_BYTES])
    if declared and declared != "utf-8":
        utf8 = None if data.isascii() else _strict(data, "utf-8")
        if utf8 is not None:
            return utf8, "utf-8"
        order = [declared]
        if declared in _CHINESE:
            order = [declared, "gb18030"]
        elif declared in _WESTERN:
            order = ["gb18030", declared]
        for codec in order:
            text = _strict(data, codec)
            if text is not None:
                return text, codec
    return decode(data, path=path)


def _declared(head: bytes) -> str | None:
    """The codec named by a `<meta charset>` or `http-equiv` in `head`, if Python knows it."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        b"a".decode(name, "replace")  # LookupError for non-text codecs (base64, zlib ...)
    except (LookupError, UnicodeDecodeError):
        return None
    # A page readable as ASCII is not UTF-16/32 (WHATWG: such a declaration means UTF-8);
    # UTF-7 is never honoured (it can smuggle markup through ASCII).
    return "utf-8" if name.startswith(("utf-8", "utf-16", "utf-32", "utf-7")) else name


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None
