"""Page model and the PDF engines that fill it."""
