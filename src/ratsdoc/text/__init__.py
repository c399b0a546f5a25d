"""Pure text helpers: normalisation, German dates, amounts and paper numbers."""
