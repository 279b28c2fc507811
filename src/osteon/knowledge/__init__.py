"""Knowledge: claims merged across sources into assertions, with belief and conflicts."""
