"""Real protocol files written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from protocol_files import INTERVIEW, write_workshop_docx


@pytest.fixture
def protocols(tmp_path: Path) -> Path:
    folder = tmp_path / "protokolle"
    folder.mkdir()
    write_workshop_docx(folder / "Manfort_Workshop_2020-11-09.docx")
    (folder / "Manfort_Telefoninterview_2020-12-03.txt").write_text(INTERVIEW, encoding="cp1252")
    (folder / "Alkenrath_Telefoninterview_2020-12-07.txt").write_text(
        INTERVIEW.replace("Jugendlichen", "Senior*innen"), encoding="utf-16"
    )
    (folder / "~$nchester.docx").write_bytes(b"lock file of an open Word document")
    (folder / "notizen.xyz").write_text("keine Protokolldatei")
    return folder
