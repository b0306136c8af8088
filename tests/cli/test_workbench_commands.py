"""`qda segments`, `qda code`, `qda search` and `qda autocode` on a small project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qda_app.cli import main

TEXT = "Die Straße ist laut. Die Kinder spielen im Hof.\nDie STRASSE braucht Bänke.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(project_path: Path, project) -> tuple[Path, int]:
    manfort = project.quarters.find("Manfort")
    document = project.documents.add(
        "Workshop Manfort",
        TEXT,
        quarter_id=manfort.id,
        method_id=project.methods.find("workshop").id,
    )
    return project_path, document.id


def test_code_then_list_segments_with_filters(capsys, study) -> None:
    path, document = study
    code, out, _err = run(
        capsys,
        "code",
        str(path),
        str(document),
        "21",
        "47",
        "--category",
        "Bedarfe/Zielgruppe",
        "--memo",
        "Hof",
    )
    assert code == 0 and "Coding #" in out
    code, out, _err = run(capsys, "segments", str(path), "--json", "--category", "Bedarfe")
    rows = json.loads(out)
    assert [(r["text"], r["memo"], r["category"]) for r in rows] == [
        (
            "Die Kinder spielen im Hof.",
            "Hof",
            "Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe",
        )
    ]
    assert rows[0]["quarter"].startswith("Manfort") and rows[0]["coder"] == "tester"
    for flags in (
        ["--quotes"],
        ["--quarter", "Rheindorf"],
        ["--method", "phone_interview"],
        ["--document", str(document + 1)],
    ):
        code, out, _err = run(capsys, "segments", str(path), "--json", *flags)
        assert code == 0 and json.loads(out) == []
    code, out, _err = run(
        capsys, "segments", str(path), "--coder", "tester", "--method", "workshop"
    )
    assert code == 0 and "1 segments" in out


def test_code_outside_the_text_is_one_clear_line(capsys, study) -> None:
    path, document = study
    code, _out, err = run(
        capsys, "code", str(path), str(document), "70", "900", "--category", "Bedarfe/Zielgruppe"
    )
    assert code == 1 and err.count("\n") == 1 and "Workshop Manfort" in err


def test_search_and_autocode_sentences(capsys, study) -> None:
    path, _document = study
    code, out, _err = run(capsys, "search", str(path), "Strasse", "--json")
    assert [hit["text"] for hit in json.loads(out)] == ["Straße", "STRASSE"]
    code, out, _err = run(
        capsys,
        "autocode",
        str(path),
        "--category",
        "Bedarfe/Sozialraum",
        "--pattern",
        r"stra(ss|ß)e",
        "--unit",
        "sentence",
        "--coder",
        "Robot",
    )
    assert code == 0 and "2 codings added" in out
    code, out, _err = run(capsys, "segments", str(path), "--json", "--coder", "Robot")
    assert [r["text"] for r in json.loads(out)] == [
        "Die Straße ist laut.",
        "Die STRASSE braucht Bänke.",
    ]
    code, out, _err = run(capsys, "undo", str(path))
    code, out, _err = run(capsys, "segments", str(path), "--json")
    assert json.loads(out) == []
    code, _out, err = run(capsys, "autocode", str(path), "--category", "Bedarfe", "--pattern", "(")
    assert code == 1 and "not a valid regular expression" in err
