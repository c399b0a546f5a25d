"""OCR for scanned pages: which page is read how, and reading it with Tesseract.

One module per job: :mod:`.policy` (is a page a scan, is its text an OCR layer),
:mod:`.step` (:class:`~.step.OcrStep`, the pipeline step that decides and reads),
:mod:`.engine` (finding and running Tesseract, its TSV as :class:`~.engine.OcrWord`),
:mod:`.render` (PDFium rendering), :mod:`.hidden_text` (invisible text),
:mod:`.filters` (image clean-up before recognition), :mod:`.passes` (the second pass over
doubtful regions), :mod:`.words` (repairs, and words to page-model chars), :mod:`.noise`
(misread words in a scan's own layer) and :mod:`.pixel_marks` (checkboxes from the pixels).
"""
