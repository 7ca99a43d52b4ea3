"""fieldapp: offline-first encrypted intake for trafficking rescues, victims, statements and referrals."""

__version__ = "0.1.0"
