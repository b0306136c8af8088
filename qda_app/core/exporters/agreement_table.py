"""An agreement result as rows of words and numbers: what the command line prints and the
workbook and the Word export lay out."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.agreement import AgreementResult, Coefficients
from ..i18n import language, tr

COEFFICIENT_KEYS = (
    "agreement.percent",
    "agreement.cohen",
    "agreement.brennan_prediger",
    "agreement.alpha",
)
SHORT_KEYS = (
    "agreement.short.percent",
    "agreement.short.cohen",
    "agreement.short.brennan_prediger",
    "agreement.short.alpha",
)


def number_text(value: float | None, digits: int = 2) -> str:
    """A coefficient as shown: two decimals (a decimal comma in German), "—" when undefined."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language() == "de" else text


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{number_text(100 * value, 1)} %"


def coefficient_values(coefficients: Coefficients) -> list[float | None]:
    """The four coefficients in column order."""
    return [
        coefficients.percent,
        coefficients.cohen,
        coefficients.brennan_prediger,
        coefficients.alpha,
    ]


def level_text(result: AgreementResult) -> str:
    options = result.options
    if options.level == "segment":
        return tr("agreement.level.segment", overlap=f"{100 * options.overlap:g}")
    if options.measure == "frequency":
        return tr("agreement.level.document_frequency")
    return tr("agreement.level.document_presence")


def title_text(result: AgreementResult) -> str:
    return tr("agreement.title", coders=" – ".join(c.name for c in result.coders))


@dataclass(frozen=True)
class SummaryTable:
    """The per-category table with the overall row first."""

    header: list[str]
    rows: list[list[str]]
    numbers: list[list[float | int | None]]  # the same cells as numbers (None: text or —)


def summary_table(result: AgreementResult, *, short: bool = False) -> SummaryTable:
    """`short`: narrow column titles (the command line's table, with a legend below)."""
    header = [tr("agreement.category")]
    if short:
        header += [c.name for c in result.coders]
        header += [tr("agreement.short.agreed"), tr("agreement.short.units")]
    else:
        header += [tr("agreement.coded_by", coder=c.name) for c in result.coders]
        header += [tr("agreement.agreed"), tr("agreement.units")]
    header += [tr(key) for key in (SHORT_KEYS if short else COEFFICIENT_KEYS)]
    rows: list[list[str]] = []
    numbers: list[list[float | int | None]] = []
    overall = result.overall
    blanks: list[float | int | None] = [None] * (len(result.coders) + 1)
    rows.append(
        [tr("agreement.overall")]
        + [""] * (len(result.coders) + 1)
        + [str(overall.units)]
        + [_shown(i, v) for i, v in enumerate(coefficient_values(overall))]
    )
    numbers.append([None, *blanks, overall.units, *coefficient_values(overall)])
    for category in result.categories:
        values = coefficient_values(category.coefficients)
        rows.append(
            [category.label]
            + [str(n) for n in category.coded]
            + [f"{category.agreed} / {category.involved}"]
            + [str(category.coefficients.units)]
            + [_shown(i, v) for i, v in enumerate(values)]
        )
        numbers.append([None, *category.coded, None, category.coefficients.units, *values])
    return SummaryTable(header, rows, numbers)


def _shown(index: int, value: float | None) -> str:
    return percent_text(value) if index == 0 else number_text(value)


def disagreement_header(result: AgreementResult) -> list[str]:
    names = [c.name for c in result.coders]
    if result.options.level == "segment":
        categories = [f"{tr('agreement.category')} ({name})" for name in names]
        return [tr("agreement.document"), tr("agreement.position"), *names, *categories]
    return [tr("agreement.document"), tr("agreement.category"), *names]


def disagreement_rows(result: AgreementResult) -> list[list[str]]:
    """One row per disagreement: at segment level the coders' coded words, then their
    categories; at document level the category and what each coder gave."""
    paths = {c.category_id: c.label for c in result.categories}
    rows = []
    for item in result.disagreements:
        if result.options.level == "segment":
            texts = [tr("agreement.nothing") if s is None else s.text for s in item.segments]
            labels = [label or tr("agreement.nothing") for label in item.labels]
            position = f"{item.start}–{item.end}"
            rows.append([item.document_title, position, *texts, *labels])
        else:
            label = paths.get(item.category_id or 0, "")
            rows.append([item.document_title, label, *item.labels])
    return rows
