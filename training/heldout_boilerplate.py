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
"""

from __future__ import annotations

import random
import sys

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


def main() -> int:
    rng = random.Random(SEED)
    articles = [
        paragraphs
        for page in load("wcxb", "dev", "article")
        if page.body and len(paragraphs := truth_paragraphs(page.body)) >= 4
    ]
    articles = rng.sample(articles, min(PAGES, len(articles)))
    removed = total = kept = paragraphs_total = 0
    for family, lines in HELDOUT.items():
        family_removed = 0
        for line in lines:
            for paragraphs in rng.sample(articles, 10):
                middle = len(paragraphs) // 2
                article = clean_text("\n".join([*paragraphs[:middle], line, *paragraphs[middle:]]))
                body = {block.text for block in article.body}
                family_removed += line not in body
                kept += sum(paragraph in body for paragraph in paragraphs)
                paragraphs_total += len(paragraphs)
        removed += family_removed
        total += 10 * len(lines)
        print(f"{family:14s} removed {family_removed}/{10 * len(lines)}")
    print(f"held-out boilerplate mid-article removed {removed / total:.3f}")
    print(f"article paragraphs kept {kept / paragraphs_total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
