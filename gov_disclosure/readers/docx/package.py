"""Zip safety for Office packages: a zip archive whose members are read only within limits.

A `.docx` is a zip of XML parts, and a hostile one is a zip bomb, an XXE or an entity bomb.
`SafePackage` checks the member count and the declared total size when it opens, and each
member's declared size, compression ratio and encryption before it decompresses anything;
reads are bounded, so a member that lies about its size still stops at the limit. XML is parsed
by lxml with entities unresolved, no DTD and no network; a DOCTYPE is refused.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib

from lxml import etree

from gov_disclosure.errors import InputFormatError

MAX_PART_BYTES = 50 * 2**20  # one XML part, uncompressed
MAX_TOTAL_BYTES = 200 * 2**20  # all members, uncompressed, as declared
MAX_RATIO = 500  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 2 * 2**20
MAX_MEMBERS = 10_000
MAX_TAGS = 2_000_000  # start and end tags ("<") in one part, counted before parsing

ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)
"""What the zipfile module raises on damaged or hostile archives."""
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class SafePackage:
    """A zip archive opened for reading with every member checked before decompression."""

    def __init__(self, archive: zipfile.ZipFile, path: str | None) -> None:
        self.archive, self.path = archive, path
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._error(f"zip archive has {len(infos):,} members (limit {MAX_MEMBERS:,})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise self._error(
                f"zip archive declares {total:,} bytes uncompressed (limit "
                f"{MAX_TOTAL_BYTES:,}): refusing a possible zip bomb"
            )
        self.members = {i.filename.replace("\\", "/").lstrip("/").lower(): i for i in infos}

    def _error(self, message: str) -> InputFormatError:
        return InputFormatError(message, path=self.path)

    def read(self, name: str) -> bytes | None:
        """The bytes of member `name` (None if absent), within the size and ratio limits."""
        info = self.members.get(name.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise self._error(
                f"{name} declares {info.file_size:,} bytes uncompressed "
                f"(limit {MAX_PART_BYTES:,}): refusing a possible zip bomb"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self._error(
                f"{name} compresses {info.file_size:,} bytes into {info.compress_size:,}: refusing a possible zip bomb"
            )
        if info.flag_bits & 0x1:
            raise self._error(f"{name} is encrypted")
        try:
            with self.archive.open(info) as member:
                raw = member.read(MAX_PART_BYTES + 1)
        except ZIP_ERRORS as err:
            raise self._error(f"{name} is damaged ({err})") from None
        if len(raw) > MAX_PART_BYTES:
            raise self._error(f"{name} inflates past {MAX_PART_BYTES:,} bytes: zip bomb")
        return raw

    def xml(self, name: str) -> etree._Element | None:
        """Member `name` parsed safely; None if absent."""
        raw = self.read(name)
        if raw is None:
            return None
        for marker in ("<!DOCTYPE", "<!ENTITY"):
            if any(marker.encode(enc) in raw for enc in ("ascii", "utf-16-le", "utf-16-be")):
                raise self._error(
                    f"{name} contains a DOCTYPE or entity declaration, which Word "
                    "never writes: refused (possible XXE or entity bomb)"
                )
        if raw.count(b"<") > MAX_TAGS:
            raise self._error(f"{name} has more than {MAX_TAGS:,} XML tags")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
        )
        try:
            root = etree.fromstring(raw, parser)
        except (etree.LxmlError, ValueError) as err:
            raise self._error(f"{name} is not well-formed XML ({err})") from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise self._error(f"{name} has a DOCTYPE: refused")
        return root

    def other_kind(self) -> str:
        """What a zip without a Word document is, for the error message."""
        names = self.members
        if "xl/workbook.xml" in names:
            return " (it is an Excel workbook)"
        if "ppt/presentation.xml" in names:
            return " (it is a PowerPoint presentation)"
        if "content.xml" in names:
            return " (it is an OpenDocument file: convert it, e.g. `soffice --headless --convert-to docx FILE`)"
        return ""

    def target(self, rels: str, kind: str) -> str | None:
        """The part that relationship file `rels` names with a type ending in `kind`."""
        root = self.xml(rels)
        if root is None:
            return None
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in root.iter(_REL):
            target = rel.get("Target") or ""
            if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(base, target))
        return None
