"""`qda agreement` and the XLSX / DOCX export of its result, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from agreement.pair_study import Pair

from qda_app.cli.main import main


def run(pair: Pair, *extra: str) -> int:
    pair.project.close()
    return main(["agreement", pair.project.location, "--coders", "A,B", *extra])


def test_table_names_the_coefficients_and_the_disagreements(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(pair, "--documents", "Workshop Manfort") == 0
    out = capsys.readouterr().out
    assert "Intercoder agreement: A – B" in out
    assert "Segment level, minimum overlap 90 %" in out
    overall = next(line for line in out.splitlines() if line.startswith("Overall"))
    # 5 places, 1 agreement: 20 %, kappa (.2 − .28)/.72 = −0.11, B&P −0.07
    assert overall.split()[-5:-1] == ["20.0", "%", "-0.11", "-0.07"]
    assert "Disagreements: 4" in out
    assert "Familien mit kleinen Kindern" in out


def test_json_at_document_level(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(pair, "--level", "document", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "document" and data["measure"] == "presence"
    assert data["coders"] == ["A", "B"]
    assert data["overall"]["units"] == 6
    assert data["overall"]["cohens_kappa"] == pytest.approx(2 / 3)
    assert [d["values"] for d in data["disagreements"]] == [[0, 1]]


def test_frequency_and_overlap_options(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(pair, "--level", "document", "--measure", "frequency", "--json") == 0
    assert json.loads(capsys.readouterr().out)["overall"]["percent_agreement"] == pytest.approx(
        4 / 6
    )
    assert run(pair, "--overlap", "0.75", "--documents", "1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["overall"]["units"] == 4


def test_workbook_export_reads_back(pair: Pair, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "agreement.xlsx"
    assert run(pair, "--documents", "Workshop Manfort", "--out", str(out)) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Agreement", "Disagreements", "Documents"]
    summary = book["Agreement"]
    assert summary["A1"].value == "Intercoder agreement: A – B"
    header = [c.value for c in summary[6]]
    assert header[:3] == ["Category", "coded: A", "coded: B"]
    assert header[-4:] == [
        "Percent agreement",
        "Cohen's kappa",
        "Brennan & Prediger's kappa",
        "Krippendorff's alpha (nominal)",
    ]
    overall = [c.value for c in summary[7]]
    assert overall[0] == "Overall"
    assert overall[-4] == pytest.approx(0.2) and overall[-3] == pytest.approx(-0.08 / 0.72)
    rows = list(book["Disagreements"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4
    assert rows[0][2].startswith("Familien") and rows[0][3].startswith("Familien")
    assert rows[-1][2] == "(not coded)"


def test_word_export_reads_back(pair: Pair, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "agreement.docx"
    assert run(pair, "--level", "document", "--out", str(out)) == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "Intercoder agreement: A – B" in texts
    assert "Document level: category present / absent" in texts
    summary, disagreements = document.tables
    assert summary.rows[1].cells[0].text == "Overall"
    assert summary.rows[1].cells[-3].text == "0.67"  # Cohen's kappa 2/3
    assert [c.text for c in disagreements.rows[1].cells][-2:] == ["—", "✓"]


def test_bad_input_is_one_sentence(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(pair, "--out", "result.pdf") == 1
    assert "result.pdf: the result can only be saved as .xlsx or .docx." in capsys.readouterr().err
    pair.project.close()
    assert main(["agreement", pair.project.location, "--coders", "A,Nobody"]) == 1
    assert "“Nobody” is not a coder of this project." in capsys.readouterr().err


def test_copy_codings_command(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    pair.project.close()
    location = pair.project.location
    assert main(["copy-codings", location, "--from", "A", "--to", "C", "--documents", "1"]) == 0
    assert "Copied 3 of A's codings to C." in capsys.readouterr().out
    assert main(["--coder", "A", "log", location]) == 0
    assert "Copy A's codings to C (3)" in capsys.readouterr().out
