"""The statistics page's numbered notes: each source, method note and remark written once.

Seventeen figures from one source used to repeat its title, publisher, date and method note on
every row. Here each distinct text becomes one numbered note and each figure carries the numbers
of its notes, like footnotes in a printed table.
"""

from dataclasses import dataclass, field

from .models import Indicator


@dataclass
class Note:
    number: int
    kind: str  # "source", "method" or "remark"
    source: object = None  # the Source, for a source note
    text: str = ""

    @property
    def anchor(self) -> str:
        return f"note-{self.number}"


@dataclass
class FigureGroup:
    key: str
    title: str
    observations: list = field(default_factory=list)


def number_notes(observations) -> list[Note]:
    """Notes in order of first use; sets `obs.notes` (its Note list) on each observation."""
    notes: dict[tuple, Note] = {}

    def note(key, **kwargs) -> Note:
        if key not in notes:
            notes[key] = Note(number=len(notes) + 1, kind=key[0], **kwargs)
        return notes[key]

    for obs in observations:
        obs.notes = [note(("source", obs.source.pk), source=obs.source)]
        if obs.method_note:
            obs.notes.append(note(("method", obs.method_note), text=obs.method_note))
        if obs.note:
            obs.notes.append(note(("remark", obs.note), text=obs.note))
    return list(notes.values())


def source_notes(notes: list[Note]) -> dict:
    """{source name: its Note}: checks and computed figures name their source as text."""
    return {str(note.source): note for note in notes if note.kind == "source"}


def grouped(observations) -> list[FigureGroup]:
    """The observations under their indicator's group, groups in reading order, empty ones out."""
    groups = {key: FigureGroup(key, label) for key, label in Indicator.Group.choices}
    for obs in observations:
        groups[obs.indicator.group].observations.append(obs)
    return [group for group in groups.values() if group.observations]
