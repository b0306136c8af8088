"""Intercoder agreement (Mayring's quality criterion): percent agreement, Cohen's kappa,
Brennan & Prediger's kappa and Krippendorff's alpha, at segment and at document level."""

from .coefficients import Coefficients, coefficients
from .compute import intercoder_agreement
from .places import DEFAULT_OVERLAP, CodedRange, overlap, places
from .result import (
    LEVELS,
    MEASURES,
    AgreementOptions,
    AgreementResult,
    CategoryAgreement,
    Disagreement,
)

__all__ = [
    "DEFAULT_OVERLAP",
    "LEVELS",
    "MEASURES",
    "AgreementOptions",
    "AgreementResult",
    "CategoryAgreement",
    "CodedRange",
    "Coefficients",
    "Disagreement",
    "coefficients",
    "intercoder_agreement",
    "overlap",
    "places",
]
