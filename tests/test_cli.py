"""The command line: JSON for one file, an array for several, JSONL, and batches that survive bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import gov_disclosure
from gov_disclosure.cli import main

SAMPLES = Path(__file__).parent / "data" / "samples"


def test_one_file_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLES / "003_84f83330ddd6222e.txt")]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["source"]["dialect"] == "tsv" and d["title"] == "2020年栖霞市寺口镇政府信息公开年报"


def test_directory_jsonl_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(SAMPLES), "--format", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["source"]["path"].rsplit("/", 1)[-1][:3] for x in lines] == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]


def test_batch_survives_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa" * 3 + b"\x81")  # odd-length UTF-16 after a BOM
    missing = tmp_path / "missing.txt"
    code = main(["parse", str(bad), str(missing), str(SAMPLES / "000_1dfec89e3ce2593a.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert isinstance(json.loads(captured.out), list) and len(json.loads(captured.out)) == 1
    err = captured.err.strip().splitlines()
    assert len(err) == 2
    assert err[0].startswith(f"{bad}: ") and err[1].startswith(f"{missing}: ")
    assert "Traceback" not in captured.err


def test_version_and_console_script() -> None:
    proc = subprocess.run([sys.executable, "-m", "gov_disclosure.cli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and gov_disclosure.__version__ in proc.stdout


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", str(SAMPLES), "--format", "jsonl", "-o", str(one)]) == 0
    assert main(["parse", str(SAMPLES), "--format", "jsonl", "-j", "2", "-o", str(two)]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_csv_streams_one_line_per_cell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLES / "004_5f52f77d1e58bc3f.txt"), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "path,year,organization,template,table,row,column,value,raw,line,state,missing"
    assert len(lines) == 1 + 22 + 23 * 7 + 15
    assert any(line.endswith(",requests,total,natural_person,170,170,345,read,0") for line in lines)


def test_parse_many_keeps_order_and_reports_failures(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    paths = [SAMPLES / "003_84f83330ddd6222e.txt", bad, SAMPLES / "000_1dfec89e3ce2593a.txt"]
    outcomes = list(gov_disclosure.parse_many(paths))
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.report is None for o in outcomes] == [False, True, False]
    assert outcomes[1].error is not None and outcomes[1].error.startswith(f"{bad}: ")
