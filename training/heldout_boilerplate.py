"""A development check of boilerplate *inside* an article, in phrasings the model never saw.

    python training/heldout_boilerplate.py

The training pages get synthetic boilerplate from `synthetic_boilerplate.py`;
these lines are written separately, in other words, and are never trained
on (nor are the test fixtures of `tests/text_fixtures.py`). Each one is
placed in the middle of a wcxb dev article body (between two of its
paragraphs) and the page is cleaned with the shipped model: the figures are
the share of these lines removed and the share of the article's paragraphs
kept. The article bodies are dev pages the model was trained on, so the
article side is optimistic; the boilerplate side is not.

These lines were read while presscut's word lists were written, so they
are no longer quite unseen. `heldout_fresh.json` holds a second set (eight
families, eight languages, six lines each, and a short story per language),
written by a second author who saw none of presscut's code, word lists,
templates or fixtures: its figures are the honest ones. Each fresh line is
placed in the middle of its own language's story, and each English one
also in the middle of four wcxb dev articles.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from presscut.bench.datasets import load
from presscut.bench.text import truth_paragraphs
from presscut.text import clean_text

HELDOUT: dict[str, tuple[str, ...]] = {
    "appeal": (
        "Quality reporting is expensive. A monthly gift of any size keeps us going.",
        "Gefällt Ihnen dieser Artikel? Mit einem kleinen Beitrag sichern Sie unsere Arbeit.",
        "Ce journal vit grâce à ses lecteurs : un don, même modeste, fait la différence.",
        "Si valoras nuestro trabajo, colabora con una aportación mensual.",
    ),
    "paywall": (
        "The rest of this article is available to members. Log in to continue.",
        "Um den vollständigen Artikel zu lesen, benötigen Sie ein Abonnement.",
        "La lecture de cet article est réservée aux abonnés numériques.",
        "Este artículo es solo para socios. Regístrate para leerlo entero.",
    ),
    "comments": (
        "Tell us what you think in the comments below.",
        "Was meinen Sie? Diskutieren Sie unten in den Kommentaren.",
        "Donnez votre avis dans les commentaires.",
        "Opina en los comentarios.",
    ),
    "newsletter": (
        "Want stories like this every week? Sign up for our free email briefing.",
        "Verpassen Sie nichts mehr: Bestellen Sie unseren kostenlosen Newsletter.",
        "Chaque vendredi, notre lettre d'information dans votre boîte mail.",
        "Apúntate a nuestro boletín semanal y recibe lo mejor en tu email.",
    ),
    "share": (
        "Share this story on X or LinkedIn",
        "Artikel per E-Mail teilen",
        "Partager l'article sur LinkedIn",
        "Compartir por correo electrónico",
    ),
    "related": (
        "More on this story: Mayor unveils plan for city centre",
        "Zum Thema: Landtag debattiert über Schulreform",
        "Sur le même thème : La mairie lance un nouveau plan vélo",
        "Relacionado: El alcalde presenta su plan de movilidad",
    ),
    "advertisement": ("Sponsored message", "Werbeanzeige", "Contenu publicitaire", "Patrocinado"),
    "photo_credit": (
        "Photo: Sam Lee for The Ledger",
        "Foto: Ingrid Maier / dpa",
        "Photo : Paul Roche / AFP",
        "Foto: Lucía Gómez / EFE",
    ),
}
PAGES = 200
SEED = 5


FRESH = Path(__file__).with_name("heldout_fresh.json")
Placement = Callable[[str], Sequence[list[str]]]


def removal(
    lines: dict[str, list[tuple[str, str]]], stories: Placement
) -> tuple[dict[str, str], float, float]:
    """Per family "removed/placed", the share of lines removed and of story paragraphs kept.

    `lines` maps a family to (language, line) pairs; `stories(language)` gives
    the stories (lists of paragraphs) to put each line in the middle of.
    """
    per_family, removed, total, kept, paragraphs_total = {}, 0, 0, 0, 0
    for family, pairs in lines.items():
        family_removed = family_total = 0
        for language, line in pairs:
            for paragraphs in stories(language):
                middle = len(paragraphs) // 2
                article = clean_text("\n".join([*paragraphs[:middle], line, *paragraphs[middle:]]))
                body = {block.text for block in article.body}
                family_removed += line not in body
                family_total += 1
                kept += sum(paragraph in body for paragraph in paragraphs)
                paragraphs_total += len(paragraphs)
        per_family[family] = f"{family_removed}/{family_total}"
        removed, total = removed + family_removed, total + family_total
    return per_family, removed / max(total, 1), kept / max(paragraphs_total, 1)


def report(name: str, result: tuple[dict[str, str], float, float]) -> None:
    per_family, removed, kept = result
    print(f"{name}: boilerplate removed {removed:.3f}, story paragraphs kept {kept:.3f}")
    print("  " + ", ".join(f"{family} {counts}" for family, counts in per_family.items()))


def main() -> int:
    rng = random.Random(SEED)
    articles = [
        paragraphs
        for page in load("wcxb", "dev", "article")
        if page.body and len(paragraphs := truth_paragraphs(page.body)) >= 4
    ]
    articles = rng.sample(articles, min(PAGES, len(articles)))
    seen = {family: [("", line) for line in lines] for family, lines in HELDOUT.items()}
    report("first set, in wcxb dev articles", removal(seen, lambda _: rng.sample(articles, 10)))
    fresh = json.loads(FRESH.read_text(encoding="utf-8"))
    english = {family: [("en", line) for line in by["en"]] for family, by in fresh["lines"].items()}
    report(
        "fresh set, English, in wcxb dev articles",
        removal(english, lambda _: rng.sample(articles, 4)),
    )
    every = {
        family: [(language, line) for language, lines in by.items() for line in lines]
        for family, by in fresh["lines"].items()
    }
    report(
        "fresh set, 8 languages, in their own story",
        removal(every, lambda language: [fresh["stories"][language]]),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
