"""A protocol imported with a statistical quarter keeps it (the tree shows it there), and the
analysis counts its codings for the Sozialraum the statistical quarter lies in."""

from __future__ import annotations

from pathlib import Path

from protocol_files import INTERVIEW

from qda_app.cli import main
from qda_app.core.analysis.frequencies import frequency_table
from qda_app.core.analysis.quarter_matrix import quarter_matrix
from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files
from qda_app.core.project import Project


def test_cli_quarter_option_keeps_the_statistical_quarter(project_path, project, tmp_path):
    project.close()
    protocol = tmp_path / "opladen.txt"
    protocol.write_text(INTERVIEW, encoding="utf-8")
    quarter = "Opladen-Zentrum (30)"
    assert main(["import", str(project_path), str(protocol), "--quarter", quarter]) == 0
    with Project.open(project_path) as reopened:
        (document,) = reopened.documents.list()
        assigned = reopened.quarters.get(document.quarter_id)
        assert (assigned.label, assigned.kind) == (quarter, "statistical")
        assert reopened.quarters.get(assigned.parent_id).name == "Opladen"


def test_manifest_quarter_is_kept_and_counts_roll_up_to_the_sozialraum(
    project, tmp_path: Path
) -> None:
    folder = tmp_path / "protokolle"
    folder.mkdir()
    for name in ("zentrum.txt", "opladen.txt", "altstadt.txt"):
        (folder / name).write_text(f"{name}\n{INTERVIEW}", encoding="utf-8")  # distinct texts
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "Datei,Quartier\n"
        "zentrum.txt,Opladen-Zentrum (30)\n"
        "opladen.txt,Opladen\n"
        "altstadt.txt,3\n",  # by its statistical number: Wiesdorf-Altstadt
        encoding="utf-8",
    )
    summary = ImportSummary()
    for _ in import_files(project, [folder], ImportOptions(manifest=manifest), summary):
        pass
    assert len(summary.imported) == 3
    quarters = {q.id: q for q in project.quarters.list()}
    placed = {d.title: quarters[d.quarter_id].name for d in project.documents.list()}
    assert sorted(placed.values()) == ["Opladen", "Opladen-Zentrum", "Wiesdorf-Altstadt"]

    category = project.categories.paths()
    youth = next(i for i, p in category.items() if p.endswith("im Hinblick auf die Zielgruppe"))
    for document in project.documents.list():
        project.codings.add(document.id, 0, 10, youth)
    opladen = project.quarters.find("Opladen")
    wiesdorf = project.quarters.find("Wiesdorf")
    matrix = quarter_matrix(project)
    assert {c.name for c in matrix.columns} >= {"Opladen", "Wiesdorf"}
    statistical = {q.id for q in quarters.values() if q.kind == "statistical"}
    assert not statistical & {c.quarter_id for c in matrix.columns}  # no columns of their own
    assert matrix.value(youth, opladen.id) == 2  # its own document and Opladen-Zentrum's
    assert matrix.value(youth, wiesdorf.id) == 1
    table = frequency_table(project)
    row = category[youth]
    assert (table.at[row, "Opladen"], table.at[row, "Wiesdorf"]) == (2, 1)
