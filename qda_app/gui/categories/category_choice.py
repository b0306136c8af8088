"""A combo box of categories by path with their colours: where codings or a category go."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QWidget

from ...core.services.category_tree import paths
from ...core.values import CategoryInfo
from ..common.display_format import colour_swatch


class CategoryChoice(QComboBox):
    """Categories depth-first as "Top/Sub", except `excluded`; the data of each is its id."""

    def __init__(
        self,
        categories: list[CategoryInfo],
        excluded: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        names = paths(categories)
        left_out = set(excluded)
        for category in categories:
            if category.id not in left_out:
                self.addItem(colour_swatch(category.colour), names[category.id], category.id)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def category_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def choose(self, category_id: int) -> None:
        self.setCurrentIndex(self.findData(category_id))
