"""Connect to a shared project on a PostgreSQL server: the address (kept in the recent list,
without password) and a password field whose content is used once and never stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.server_address import is_server_address, with_password, without_password


class ServerConnectDialog(QDialog):
    """Address `postgresql://user@host:port/database` and password; OK when the address is
    one."""

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("serverConnectDialog")
        self.setWindowTitle(tr("gui.server.title"))
        self.intro = QLabel(tr("gui.server.intro"), self)
        self.intro.setWordWrap(True)
        self.address = QLineEdit(without_password(address) if address else "", self)
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText("postgresql://anna@server.example.org/studie")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("gui.server.address"), self.address)
        form.addRow(tr("gui.server.password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("gui.server.connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.address.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._check()
        if self.address.text():
            self.password.setFocus()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(is_server_address(self.address.text()))

    def url(self) -> str:
        """The address with the password put in (for connecting only; never kept)."""
        return with_password(self.address.text(), self.password.text())

    @classmethod
    def ask(cls, parent: QWidget | None, address: str = "") -> str | None:
        """The URL to connect to, or None when the user cancelled."""
        dialog = cls(parent, address)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = dialog.url()
        dialog.password.clear()
        return url
