"""Pages of our own wording for knowledge tests, where each test knows what the sources say."""

PAGES = {
    "review.txt": ("review", """Prevention of bone in muscle

Indomethacin prevents heterotopic ossification after hip surgery.
Radiation therapy prevents heterotopic ossification.
"""),
    "faq.txt": ("faq", """Questions patients ask

Radiation therapy prevents heterotopic ossification.
Physical therapy treats heterotopic ossification.
"""),
    "article.txt": ("article", """What helps

Indomethacin may prevent heterotopic ossification.
Ibuprofen is not effective for heterotopic ossification.
"""),
}
"""Three pages: two say the same radiation sentence word for word (one source, not two)."""

CONTRADICTION = ("clinic.txt", "clinic_page", """A dissenting clinic

Indomethacin does not prevent heterotopic ossification.
""")
