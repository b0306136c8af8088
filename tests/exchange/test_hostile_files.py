"""Hostile archives and XML are refused with one sentence, and nothing is written: no project
file, no temporary file, nothing outside the target."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from exchange.refi_archives import code, codebook, g, project_xml, write_qdpx

from qda_app.core.exchange.codebook_exchange import (
    create_project_from_codebook,
    import_codebook,
)
from qda_app.core.exchange.exchange_values import ExchangeError
from qda_app.core.exchange.qdpx_import import QdpxImport, import_qdpx
from qda_app.core.exchange.safe_archive import ArchiveLimits
from qda_app.core.project import Project

GOOD_QDE = project_xml(codebook(code(g(1), "Raum")))
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ENTITY a "lol">\n'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
    + ']>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&i;"/>'
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
)


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def refused(archive: Path, target: Path, match: str, limits: ArchiveLimits | None = None) -> None:
    before = listing(archive.parent.parent)
    run = QdpxImport(archive, target, limits=limits)
    with pytest.raises(ExchangeError, match=match) as caught:
        for _ in run.steps():
            pass
    assert "\n" not in str(caught.value)
    assert listing(archive.parent.parent) == before  # no project, no partial file, nothing else


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_a_member_leaving_the_archive_is_refused(inbox: Path) -> None:
    archive = write_qdpx(inbox / "evil.qdpx", {"project.qde": GOOD_QDE, "../../evil.txt": "x"})
    refused(archive, inbox / "out.qda", r"“\.\./\.\./evil\.txt”, whose path leads out")
    archive = write_qdpx(inbox / "abs.qdpx", {"project.qde": GOOD_QDE, "/tmp/evil.txt": "x"})
    refused(archive, inbox / "out.qda", "with an absolute path")
    archive = write_qdpx(inbox / "win.qdpx", {"project.qde": GOOD_QDE, "C:\\evil.txt": "x"})
    refused(archive, inbox / "out.qda", "with an absolute path")


def test_entity_expansion_and_external_entities_are_refused(inbox: Path) -> None:
    for name, qde in (("laughs", LAUGHS), ("external", EXTERNAL)):
        archive = write_qdpx(inbox / f"{name}.qdpx", {"project.qde": qde})
        refused(archive, inbox / "out.qda", "holds a DOCTYPE declaration")


def test_a_zip_bomb_and_too_many_or_too_large_members_are_refused(inbox: Path) -> None:
    bomb = inbox / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("project.qde", GOOD_QDE)
        archive.writestr("sources/a.txt", b" " * (40 * 1024**2))
    refused(bomb, inbox / "out.qda", r"“sources/a\.txt” would unpack to \d+ times its size")
    many = write_qdpx(
        inbox / "many.qdpx",
        {"project.qde": GOOD_QDE, **{f"sources/{i}.txt": "x" for i in range(20)}},
    )
    refused(many, inbox / "out.qda", "holds 21 files, more than 10", ArchiveLimits(max_members=10))
    refused(many, inbox / "out.qda", "more than 0 MiB", ArchiveLimits(max_total_size=100))


def test_damaged_and_foreign_files_are_refused(inbox: Path) -> None:
    (inbox / "text.qdpx").write_text("no zip", encoding="utf-8")
    refused(inbox / "text.qdpx", inbox / "out.qda", "not a REFI-QDA project")
    broken = write_qdpx(inbox / "broken.qdpx", {"project.qde": "<Project><Sources>"})
    refused(broken, inbox / "out.qda", "not well-formed XML")
    other = write_qdpx(inbox / "other.qdpx", {"project.qde": "<CodeBook/>"})
    refused(other, inbox / "out.qda", "root element is not “Project”")
    empty = write_qdpx(inbox / "empty.qdpx", {"readme.txt": "hello"})
    refused(empty, inbox / "out.qda", r"holds no project file")


def test_an_existing_project_file_is_never_overwritten(inbox: Path) -> None:
    archive = write_qdpx(inbox / "good.qdpx", {"project.qde": GOOD_QDE})
    (inbox / "out.qda").write_bytes(b"mine")
    with pytest.raises(ExchangeError, match="exists already"):
        import_qdpx(archive, inbox / "out.qda")
    assert (inbox / "out.qda").read_bytes() == b"mine"


def test_a_hostile_codebook_changes_nothing(inbox: Path, tmp_path: Path) -> None:
    qdc = inbox / "laughs.qdc"
    qdc.write_text(LAUGHS.replace("Project", "CodeBook"), encoding="utf-8")
    with pytest.raises(ExchangeError, match="holds a DOCTYPE declaration"):
        create_project_from_codebook(qdc, inbox / "new.qda")
    assert not (inbox / "new.qda").exists() and listing(inbox) == {"laughs.qdc"}
    with Project.create(tmp_path / "open.qda") as project:
        entries = len(project.history.entries())
        with pytest.raises(ExchangeError, match="holds a DOCTYPE declaration"):
            import_codebook(project, qdc)
        assert project.categories.list() == [] and len(project.history.entries()) == entries
