"""The built-in checks, in the order their findings are listed for a segment."""

from __future__ import annotations

from mtreview.qa.base import Check
from mtreview.qa.checks.agent import Agent
from mtreview.qa.checks.comparison import Comparison
from mtreview.qa.checks.completeness import Addition, Omission
from mtreview.qa.checks.consistency import TermConsistency
from mtreview.qa.checks.idioms import LiteralIdiom
from mtreview.qa.checks.names import NameAsCompany, NameConsistency
from mtreview.qa.checks.numbers import Numbers
from mtreview.qa.checks.placeholders import Placeholders
from mtreview.qa.checks.polarity import Polarity
from mtreview.qa.checks.sense import WrongSense
from mtreview.qa.checks.style import PunctuationWidth, RegisterMix
from mtreview.qa.checks.terms import GlossaryCheck
from mtreview.qa.checks.tone import OffensiveTone
from mtreview.qa.checks.units import Dates, Units
from mtreview.qa.checks.untranslated import Identical, Untranslated

BUILTIN_CHECKS: tuple[type[Check], ...] = (
    NameAsCompany,
    NameConsistency,
    Untranslated,
    Numbers,
    Addition,
    Omission,
    LiteralIdiom,
    GlossaryCheck,
    RegisterMix,
    PunctuationWidth,
    Identical,
    Polarity,
    OffensiveTone,
    Comparison,
    WrongSense,
    Placeholders,
    Units,
    Dates,
    TermConsistency,
    Agent,
)

__all__ = ["BUILTIN_CHECKS"]
