"""Page model and the PDF engines that fill it."""

import logging

# pdfminer and pdfplumber log what they repair ("CropBox missing from /Page") as warnings, and
# pypdfium2 logs that its PDFium build cannot run an XFA form.
# ratsdoc reports such things as typed issues of its own; a NullHandler keeps Python's
# last-resort handler from printing them to stderr, while an application that configures
# logging still receives them (the standard advice for libraries, logging HOWTO).
for _name in ("pdfminer", "pdfplumber", "pypdfium2"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
