"""The scanner's word lists, kept as text files under data/ so they read as lists, not code."""

from pathlib import Path

DATA = Path(__file__).parent / "data"


def words(filename: str) -> frozenset[str]:
    """Every whitespace-separated word in data/<filename>; lines starting with # are comments."""
    text = (DATA / filename).read_text()
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )
