"""`qda matrix` and `qda statements` on the small study."""

from __future__ import annotations

import csv
import json

from qda_app.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_matrix_prints_the_table_and_the_categories_that_meet_the_rule(study, capsys) -> None:
    code, out, _err = run(capsys, "matrix", study.project.location)
    assert code == 0
    lines = out.splitlines()
    assert "Manfort" in lines[1] and "Stadtweit" in lines[1]
    institution = next(line for line in lines if line.startswith("  im Hinblick auf die Inst"))
    assert institution.split()[-2:] == ["4", "✓"]
    youth = next(line for line in lines if line.startswith("  im Hinblick auf die Ziel"))
    assert youth.split()[-1] == "3"  # named in 3: no mark
    assert "Named in at least 4 of 6 quarters (counting codings): 2 categories" in out
    path = study.project.categories.paths()[study.categories["Bedarfe/Institutionen"]]
    assert f"  ✓ {path} (4/6)" in lines


def test_matrix_json_csv_and_options(study, capsys, tmp_path) -> None:
    target = tmp_path / "matrix.csv"
    chart = tmp_path / "matrix.svg"
    code, out, _err = run(
        capsys,
        "matrix",
        study.project.location,
        "--measure",
        "documents",
        "--k",
        "3",
        "--method",
        "Workshop",
        "--coder",
        "Keller",
        "--json",
        "--csv",
        str(target),
        "--heatmap",
        str(chart),
    )
    assert code == 0
    data = json.loads(out)
    assert data["measure"] == "documents"
    assert data["rule"]["k"] == 3 and data["rule"]["n"] == 6
    rows = {r["category_id"]: r for r in data["rows"]}
    youth = rows[study.categories["Bedarfe/Zielgruppe"]]
    assert youth["named_in"] == 2  # Wiesdorf's coding is Yilmaz's interview
    assert youth["meets_rule"] is False
    institution = rows[study.categories["Bedarfe/Institutionen"]]
    assert institution["meets_rule"] is True
    with target.open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0][1:] == [c["name"] for c in data["columns"]] + ["Σ"]
    assert table[-1][0] == "Σ"
    assert chart.read_bytes().lstrip().startswith(b"<?xml")


def test_matrix_refuses_unknown_names_in_one_line(study, capsys) -> None:
    for option, value, word in (
        ("--method", "Brief", "method"),
        ("--coder", "Niemand", "coder"),
        ("--quarter", "Atlantis", "quarter"),
    ):
        code, out, err = run(capsys, "matrix", study.project.location, option, value)
        assert code == 1
        assert err.strip() == f"qda: There is no {word} “{value}” in this project."
    code, _out, err = run(capsys, "matrix", study.project.location, "--heatmap", "x.gif")
    assert code == 1 and ".png or .svg" in err


def test_statements_lists_links_and_the_quarters_behind(study, capsys) -> None:
    project, cats, quarters = study.project, study.categories, study.quarters
    institution = cats["Bedarfe/Institutionen"]
    coding = project.segments.list()[0].coding_id
    manfort = project.statements.add(institution, "Zu in Manfort", quarters["Manfort"], [coding])
    opladen = project.statements.add(institution, "Zu in Opladen", quarters["Opladen"])
    across = project.statements.add(institution, "Einrichtungen zu")
    project.statements.link_source(across.id, manfort.id)
    project.statements.link_source(across.id, opladen.id)
    project.statements.set_quote(manfort.id, True)

    code, out, _err = run(capsys, "statements", project.location, "--json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows[across.id]["quarters_behind"] == ["Manfort", "Opladen"]
    assert rows[across.id]["quarter_count"] == 2 and rows[across.id]["quarter_total"] == 6
    assert rows[manfort.id]["contains_quote"] is True
    assert rows[manfort.id]["generalised_by"] == [across.id]

    code, out, _err = run(capsys, "statements", project.location)
    lines = out.splitlines()
    assert lines[0] == "Manfort"
    assert lines.index("Cross-quarter") > lines.index("Opladen")
    assert f"    #{manfort.id:<5} Zu in Manfort  [verbatim quote]" in lines
    assert any("named in 2 of 6 quarters: Manfort, Opladen" in line for line in lines)

    code, out, _err = run(capsys, "statements", project.location, "--quarter", "Opladen")
    assert "Zu in Opladen" in out and "Manfort" not in out
