"""Meeting documents (Einladung, Tagesordnung, Niederschrift, Protokoll, Wortprotokoll): the
session header, the agenda, votes, attendees and speaker turns, and the running text of every
document."""
