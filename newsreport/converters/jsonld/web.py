"""Placeholder."""
from newsreport.model import NewsReport
def read_web(doc: object, source: str) -> NewsReport:
    raise NotImplementedError
