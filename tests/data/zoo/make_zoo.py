"""Regenerate the zoo: real reports and re-published samples through the tools people use.

Run as root on Debian 12, with a Python that has the project installed (its dependencies import):
``PYTHONPATH=. .venv/bin/python tests/data/zoo/make_zoo.py``
(``--no-install`` skips the installs when the tools are already there). CI never runs it: the
tests read the committed outputs and need none of the tools. ``--tool NAME`` (e.g. ``lynx-wide``)
writes only that tool's outputs from the sources already in place, adds their entries to
``index.json`` and ``MANIFEST.md`` and touches no other file: how a new tool joins the zoo without
rewriting the outputs it has.

It installs, itself:

- Debian (``apt-get update`` once, then ``apt-get install -y --no-install-recommends``):
  ``pandoc w3m lynx poppler-utils libreoffice-writer-nogui chromium fonts-noto-cjk``
- PyPI, into a virtualenv of its own (``$ZOO_VENV``, default ``/tmp/zoo-tools``):
  ``html2text docx2txt opencc`` (OpenCC's ``s2t`` makes the traditional-character sources)

Then it renders the HTML/DOCX sources (``make_sources.py``), derives the other sources (a DOCX
of the Shanghai page by LibreOffice, traditional-character copies by OpenCC, CSS-bordered copies
of every page whose tables use ``border=``), runs every tool that applies on every source into
``out/``, and writes ``index.json`` (what the tests read: file -> source, expected, tool) and
``MANIFEST.md`` (file, source, tool, version, exact command). Outputs are kept byte for byte as
the tools write them. Text outputs are deterministic for given tool versions; the PDFs carry the
tools' own timestamps.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
DATA = REPO / "tests" / "data"
SOURCES = HERE / "sources"
OUT = HERE / "out"
APT = ["pandoc", "w3m", "lynx", "poppler-utils", "libreoffice-writer-nogui", "chromium", "fonts-noto-cjk"]
PYPI = ["html2text", "docx2txt", "opencc"]
VENV = Path(os.environ.get("ZOO_VENV", "/tmp/zoo-tools"))
LO_PROFILE = "file:///tmp/zoo-lo-profile"
ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "SOURCE_DATE_EPOCH": "1600000000"}


def sh(cmd: list[str], stdout: Path | None = None, cwd: Path | None = None) -> None:
    """Run `cmd`; its standard output goes to `stdout` byte for byte when given."""
    if stdout is None:
        subprocess.run(cmd, check=True, env=ENV, cwd=cwd, stdout=subprocess.DEVNULL)
        return
    done = subprocess.run(cmd, check=True, env=ENV, cwd=cwd, stdout=subprocess.PIPE)
    stdout.write_bytes(done.stdout)


def first_line(cmd: list[str]) -> str:
    done = subprocess.run(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    return done.stdout.decode("utf-8", "replace").strip().split("\n")[0]


def chromium_version() -> str:
    done = subprocess.run(["chromium", "--version"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return done.stdout.decode("utf-8", "replace")


def install() -> None:
    sh(["apt-get", "update"])
    sh(["apt-get", "install", "-y", "--no-install-recommends", *APT])
    if not (VENV / "bin" / "python").exists():
        sh([sys.executable, "-m", "venv", str(VENV)])
    sh([str(VENV / "bin" / "pip"), "install", "--quiet", *PYPI])


def versions() -> dict[str, str]:
    pip = str(VENV / "bin" / "pip")

    def pypi(name: str) -> str:
        shown = subprocess.run([pip, "show", name], env=ENV, stdout=subprocess.PIPE, check=True).stdout.decode()
        return name + " " + re.search(r"^Version: (.+)$", shown, re.M).group(1)  # type: ignore[union-attr]

    return {
        "pandoc": first_line(["pandoc", "--version"]),
        "w3m": first_line(["w3m", "-version"]).split(",")[0],
        "lynx": first_line(["lynx", "-version"]),
        "html2text": pypi("html2text"),
        "docx2txt": pypi("docx2txt"),
        "opencc": pypi("opencc"),
        "libreoffice": first_line(["soffice", "--version"]),
        "chromium": re.search(r"Chromium [\d.]+", chromium_version()).group(0),  # type: ignore[union-attr]
        "pdftotext": first_line(["pdftotext", "-v"]),
    }


# ---------------------------------------------------------------- sources


class Source:
    """One input of the zoo: its file, the expected file its cells are checked against, how it was made."""

    def __init__(self, path: Path, expected: str, made_by: str = "", command: str = "", charset: str = "") -> None:
        self.path, self.expected, self.made_by, self.command = path, expected, made_by, command
        self.charset = charset  # declared nowhere in the file: given to the tools that take it

    @property
    def rel(self) -> str:
        return str(self.path.relative_to(REPO))

    @property
    def stem(self) -> str:
        return self.path.name


def to_traditional(src: Path, dst: Path, encoding: str = "utf-8") -> None:
    sh([str(VENV / "bin" / "python"), "-c",
        "import sys, opencc; c = opencc.OpenCC('s2t'); e = sys.argv[3];"
        " open(sys.argv[2], 'w', encoding=e, newline='').write("
        "c.convert(open(sys.argv[1], encoding=e, newline='').read()))",
        str(src), str(dst), encoding])


def css_bordered(src: Path, dst: Path) -> None:
    """The same page with its tables' border= attributes replaced by one CSS rule."""
    text = src.read_bytes().decode("latin-1")
    text = re.sub(r"(<table[^>]*?)\s+border=\"?\d+\"?", r"\1", text, flags=re.I)
    rule = "<style>table, td, th { border: 1px solid #000; border-collapse: collapse; }</style>"
    text = re.sub(r"</head>", rule + "\n</head>", text, count=1, flags=re.I) if re.search("</head>", text, re.I) \
        else rule + "\n" + text
    dst.write_bytes(text.encode("latin-1"))


def sources(make: bool = True) -> tuple[list[Source], list[Source], list[Source], list[Source]]:
    """HTML, DOCX, PDF and text sources, every one made and in place (`make=False`: those in place)."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    import make_sources

    if make:
        made = {p.name: p for p in make_sources.main()}
    else:
        made = {p.name: p for p in SOURCES.iterdir() if re.fullmatch(r"(sample|own)-\d+\.(html|docx)", p.name)}
    gen = "tests/data/zoo/make_sources.py"

    def rendered(name: str) -> Source:
        stem = name.rsplit(".", 1)[0]
        return Source(made[name], stem.removeprefix("sample-"), "make_sources.py", f"python3 {gen}")

    html = [rendered(n) for n in sorted(made) if n.endswith(".html")]
    html.append(Source(DATA / "rendered" / "004_page.html", "004", "hand-rendered (tests/data/rendered)", ""))
    shanghai = DATA / "real" / "shanghai-office-2019.html"
    html.append(Source(shanghai, "shanghai-office-2019", "real report", "", charset="UTF-8"))
    docx = [rendered(n) for n in sorted(made) if n.endswith(".docx")]
    docx.append(Source(DATA / "rendered" / "000_report.docx", "000", "make_000_docx.py (tests/data/rendered)", ""))

    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(SOURCES), "shanghai-office-2019.html"]
    if make:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "shanghai-office-2019.html"
            shutil.copy(shanghai, page)
            sh([*cmd[:-1], str(page)])
    docx.append(Source(SOURCES / "shanghai-office-2019.docx", "shanghai-office-2019", "libreoffice",
                       " ".join(cmd[:1] + cmd[2:-3]) + " shanghai-office-2019.html"))

    trad_html = SOURCES / "shanghai-office-2019.trad.html"
    if make:
        to_traditional(shanghai, trad_html)
    html.append(Source(trad_html, "shanghai-office-2019", "opencc",
                       "OpenCC('s2t').convert(shanghai-office-2019.html)", charset="UTF-8"))
    trad_own = SOURCES / "own-2021.trad.html"
    if make:
        to_traditional(SOURCES / "own-2021.html", trad_own)
    html.append(Source(trad_own, "own-2021", "opencc", "OpenCC('s2t').convert(own-2021.html)"))
    sample = next((DATA / "samples").glob("002_*.txt"))
    trad_txt = SOURCES / "sample-002.trad.txt"
    if make:
        to_traditional(sample, trad_txt)
    text = [Source(trad_txt, "002", "opencc", f"OpenCC('s2t').convert({sample.name})")]

    for src in list(html):
        if re.search(rb"<table[^>]*border=", src.path.read_bytes(), re.I):
            dst = SOURCES / (src.path.name.removesuffix(".html") + ".css.html")
            if make:
                css_bordered(src.path, dst)
            html.append(Source(dst, src.expected, "css_bordered", f"border= -> CSS rule, from {src.stem}",
                               charset=src.charset))
    pdf = [Source(DATA / "real" / "huaian-2024.pdf", "huaian-2024", "real report", "")]
    return html, docx, pdf, text


# ---------------------------------------------------------------- tools


def declared_charset(path: Path) -> str:
    found = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", path.read_bytes()[:4096])
    return found.group(1).decode() if found else ""


def run_html(src: Source, rows: list[dict[str, str]], ver: dict[str, str], only: str = "") -> None:
    stem, path = src.stem, src.path
    css = path.name.endswith(".css.html")
    charset = src.charset or declared_charset(path) or "UTF-8"
    utf8 = charset.upper().replace("_", "-") in ("UTF-8", "UTF8")

    def out(tool: str, ext: str, cmd: list[str], shown: str, version: str, stdout: bool = True) -> Path:
        dst = OUT / f"{stem}--{tool}.{ext}"
        if only and tool != only:
            return dst
        sh(cmd, stdout=dst if stdout else None)
        rows.append({"file": dst.name, "source": src.rel, "expected": src.expected, "tool": tool,
                     "version": version, "command": shown.replace("OUT", dst.name).replace("IN", stem)})
        return dst

    lynx_cs = ["-assume_charset=UTF-8"] if src.charset else []
    w3m_cs = ["-I", src.charset] if src.charset else []
    out("w3m", "txt", ["w3m", "-dump", "-O", "UTF-8", *w3m_cs, "-T", "text/html", str(path)],
        f"w3m -dump -O UTF-8 {' '.join(w3m_cs)} -T text/html IN > OUT", ver["w3m"])
    if css:
        return  # the CSS-bordered copies exist for w3m's sake only
    if utf8:
        for fmt in ("gfm", "plain", "markdown"):
            out(f"pandoc-{fmt}", "md" if fmt != "plain" else "txt",
                ["pandoc", "-f", "html", "-t", fmt, str(path)], f"pandoc -f html -t {fmt} IN > OUT", ver["pandoc"])
    else:
        for fmt in ("gfm", "plain", "markdown"):
            out(f"pandoc-{fmt}", "md" if fmt != "plain" else "txt",
                ["sh", "-c", f"iconv -f {charset} -t UTF-8 \"$0\" | pandoc -f html -t {fmt}", str(path)],
                f"iconv -f {charset} -t UTF-8 IN | pandoc -f html -t {fmt} > OUT", ver["pandoc"])
    out("lynx", "txt", ["lynx", "-dump", "-display_charset=UTF-8", *lynx_cs, str(path)],
        f"lynx -dump -display_charset=UTF-8 {' '.join(lynx_cs)} IN > OUT", ver["lynx"])
    # a wide page: lynx centres each cell in its column, so the columns show only in the indentation
    out("lynx-wide", "txt", ["lynx", "-dump", "-display_charset=UTF-8", "-width=200", *lynx_cs, str(path)],
        f"lynx -dump -display_charset=UTF-8 -width=200 {' '.join(lynx_cs)} IN > OUT", ver["lynx"])
    out("html2text", "md", [str(VENV / "bin" / "html2text"), str(path), charset],
        f"html2text IN {charset} > OUT", ver["html2text"])
    if only:
        return  # the one tool asked for is an HTML text tool: no PDF
    pdf = OUT / f"{stem}--chromium.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               f"--user-data-dir={tmp}", f"--print-to-pdf={pdf}", path.as_uri()]
        sh(cmd)
    rows.append({"file": pdf.name, "source": src.rel, "expected": src.expected, "tool": "chromium",
                 "version": ver["chromium"],
                 "command": f"chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
                            f"--print-to-pdf={pdf.name} file://.../{stem}"})
    run_pdf(pdf, src, "chromium-", rows, ver)


def run_docx(src: Source, rows: list[dict[str, str]], ver: dict[str, str]) -> None:
    stem, path = src.stem, src.path
    for fmt in ("gfm", "plain", "markdown"):
        dst = OUT / f"{stem}--pandoc-{fmt}.{'txt' if fmt == 'plain' else 'md'}"
        sh(["pandoc", "-f", "docx", "-t", fmt, str(path)], stdout=dst)
        rows.append({"file": dst.name, "source": src.rel, "expected": src.expected, "tool": f"pandoc-{fmt}",
                     "version": ver["pandoc"], "command": f"pandoc -f docx -t {fmt} {stem} > {dst.name}"})
    dst = OUT / f"{stem}--docx2txt.txt"
    sh([str(VENV / "bin" / "docx2txt"), str(path)], stdout=dst)
    rows.append({"file": dst.name, "source": src.rel, "expected": src.expected, "tool": "docx2txt",
                 "version": ver["docx2txt"], "command": f"docx2txt {stem} > {dst.name}"})
    with tempfile.TemporaryDirectory() as tmp:
        for target, ext, tool in (("txt:Text", "txt", "libreoffice-txt"), ("pdf", "pdf", "libreoffice-pdf")):
            sh(["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", target,
                "--outdir", tmp, str(path)])
            dst = OUT / f"{stem}--{tool}.{ext}"
            shutil.move(Path(tmp) / f"{path.stem}.{ext}", dst)
            rows.append({"file": dst.name, "source": src.rel, "expected": src.expected, "tool": tool,
                         "version": ver["libreoffice"],
                         "command": f"soffice --headless --convert-to {target} {stem}  (-> {dst.name})"})
    run_pdf(OUT / f"{stem}--libreoffice-pdf.pdf", src, "libreoffice-", rows, ver)


def run_pdf(pdf: Path, src: Source, prefix: str, rows: list[dict[str, str]], ver: dict[str, str]) -> None:
    for flag, name in (([], "pdftotext"), (["-raw"], "pdftotext-raw"), (["-layout"], "pdftotext-layout")):
        dst = OUT / f"{pdf.name.removesuffix('.pdf')}--{name}.txt"
        sh(["pdftotext", *flag, "-enc", "UTF-8", str(pdf), str(dst)])
        rows.append({"file": dst.name, "source": src.rel, "expected": src.expected, "tool": prefix + name,
                     "version": ver["pdftotext"],
                     "command": f"pdftotext {' '.join(flag + ['-enc', 'UTF-8'])} {pdf.name} {dst.name}"})


def cell(text: str) -> str:
    """`text` inside a markdown table cell."""
    return text.replace("|", "\\|")


def manifest(rows: list[dict[str, str]], made: list[Source]) -> str:
    lines = [
        "# Zoo manifest",
        "",
        "Written by `make_zoo.py`; do not edit. Every output in `out/`, with the tool and command that",
        "wrote it, and the expected file (`tests/expected/<name>.json`) its cells are checked against.",
        "",
        "## Sources made here",
        "",
        "| file | expected | made by | command |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{s.rel}` | {s.expected} | {s.made_by} | `{cell(s.command)}` |" for s in made]
    lines += ["", "## Outputs", "", "| file | source | expected | tool | version | command |", "|---|---|---|---|---|---|"]
    lines += [f"| `{r['file']}` | `{r['source']}` | {r['expected']} | {r['tool']} | {r['version']} | `{cell(r['command'])}` |"
              for r in rows]
    return "\n".join(lines) + "\n"


def add_tool(tool: str, ver: dict[str, str]) -> None:
    """Only `tool`'s outputs of the HTML sources in place, their entries added to the index and manifest."""
    html = [s for s in sources(make=False)[0] if not s.path.name.endswith(".css.html")]
    rows: list[dict[str, str]] = []
    for src in html:
        run_html(src, rows, ver, only=tool)
    if not rows:
        raise SystemExit(f"no HTML tool named {tool!r}")
    index = json.loads((HERE / "index.json").read_text(encoding="utf-8"))
    index |= {f"out/{r['file']}": {"source": r["source"], "expected": r["expected"], "tool": r["tool"]} for r in rows}
    (HERE / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    listed = (HERE / "MANIFEST.md").read_text(encoding="utf-8")
    new = [line for line in manifest(rows, []).splitlines() if line.startswith("| `") and line not in listed]
    (HERE / "MANIFEST.md").write_text(listed.rstrip("\n") + "\n" + "\n".join(new) + "\n", encoding="utf-8")
    print(f"{len(rows)} {tool} files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-install", action="store_true", help="use the tools already installed")
    parser.add_argument("--tool", default="", help="only this (HTML text) tool's outputs, added to the zoo")
    args = parser.parse_args()
    if not args.no_install:
        install()
    ver = versions()
    if args.tool:
        add_tool(args.tool, ver)
        return
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    html, docx, pdf, text = sources()
    rows: list[dict[str, str]] = []
    made = [s for s in html + docx + text if s.path.is_relative_to(SOURCES)]
    for src in html:
        run_html(src, rows, ver)
    for src in docx:
        run_docx(src, rows, ver)
    for src in pdf:
        run_pdf(src.path, src, "", rows, ver)
    index = {f"sources/{s.stem}": {"source": s.rel, "expected": s.expected, "tool": "source"} for s in made}
    index |= {f"out/{r['file']}": {"source": r["source"], "expected": r["expected"], "tool": r["tool"]} for r in rows}
    (HERE / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "MANIFEST.md").write_text(manifest(rows, made), encoding="utf-8")
    print(f"{len(index)} zoo files")


if __name__ == "__main__":
    main()
