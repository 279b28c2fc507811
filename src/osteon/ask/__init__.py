"""Ask: cited answers to natural-language questions, or an honest "not in the sources"."""
