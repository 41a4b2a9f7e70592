"""Synthetic page chrome inserted into training pages' article bodies.

The labelled pages hold few examples of the failure presscut exists to fix:
an appeal, a newsletter box or a comment prompt sitting *between two
paragraphs of the story*, inside the article's own container. A model that
learned "inside the article container means article" keeps those. So a share
of the training pages get one to three chrome blocks inserted after real
article paragraphs; they are not in the page's ground truth, so they are
labelled as chrome like everything else.

The blocks vary in language (the eight of the test sets), wording, markup
(headings, buttons, link lists, forms) and class names: half of them carry
family names ("newsletter-signup", "c-share"), half neutral ones ("box",
"mt-4"), so the model must also learn the chrome from its text and shape.
None of this wording is taken from the test fixtures or the evaluation sets.
"""

from __future__ import annotations

import html
import random

from selectolax.lexbor import LexborHTMLParser

from presscut.bench.metrics import tokens

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

# Marks an inserted block, so that training can weigh its segments (presscut
# never reads data-* attributes, so the mark is invisible to the features).
SYNTHETIC_MARK = "data-presscut-synthetic"

# family -> language -> (headings, sentences, buttons/links)
TEXTS: dict[str, dict[str, tuple[list[str], list[str], list[str]]]] = {
    "appeal": {
        "en": (
            [
                "A message from the editors",
                "We need your help",
                "Independent reporting costs money",
            ],
            [
                "Reporting like this takes time and money, and we rely on readers to fund it.",
                "We are an independent newsroom with no shareholders. Readers keep our work free for everyone.",
                "If you value what we do, please consider a monthly gift. Even a small amount helps us keep going.",
            ],
            ["Donate now", "Give monthly", "Become a supporter", "Support our newsroom"],
        ),
        "de": (
            ["Eine Bitte in eigener Sache", "Unterstützen Sie uns"],
            [
                "Unabhängiger Journalismus kostet Geld. Mit Ihrem Beitrag sichern Sie unsere Recherchen.",
                "Wir finanzieren uns durch unsere Leserinnen und Leser. Jeder Euro hilft uns weiterzumachen.",
            ],
            ["Jetzt unterstützen", "Mitglied werden", "Spenden"],
        ),
        "fr": (
            ["Soutenez notre rédaction", "Un mot de la rédaction"],
            [
                "Notre journal est indépendant et vit grâce à ses lecteurs. Votre soutien compte.",
                "Faites un don pour que nos enquêtes restent accessibles à tous.",
            ],
            ["Je fais un don", "Je soutiens", "Devenir membre"],
        ),
        "es": (
            ["Apoya el periodismo independiente", "Necesitamos tu ayuda"],
            [
                "Nuestro trabajo depende de lectores como tú. Cada aportación nos ayuda a seguir informando.",
                "Hazte socio y contribuye a un periodismo libre de presiones.",
            ],
            ["Haz una donación", "Hazte socio", "Colabora"],
        ),
        "it": (
            ["Sostieni il nostro lavoro"],
            [
                "Il nostro giornale è libero grazie ai lettori. Con un contributo ci aiuti a continuare."
            ],
            ["Sostienici", "Fai una donazione"],
        ),
        "pt": (
            ["Apoie o jornalismo independente"],
            ["O nosso trabalho depende dos leitores. Contribua para manter a informação livre."],
            ["Apoie agora", "Faça uma doação"],
        ),
        "nl": (
            ["Steun onze journalistiek"],
            ["Onze redactie is onafhankelijk en wordt betaald door lezers zoals u."],
            ["Word lid", "Doneer nu"],
        ),
        "pl": (
            ["Wesprzyj niezależne dziennikarstwo"],
            ["Nasza redakcja utrzymuje się dzięki czytelnikom. Każda wpłata ma znaczenie."],
            ["Wspieram", "Wpłać darowiznę"],
        ),
    },
    "newsletter": {
        "en": (
            ["Get the newsletter", "Stay informed", "The weekly digest"],
            [
                "Our best stories, delivered to your inbox every Friday. No spam, unsubscribe any time.",
                "Sign up for our daily email and never miss a story.",
            ],
            ["Subscribe", "Sign up", "Join free"],
        ),
        "de": (
            ["Newsletter abonnieren", "Immer informiert"],
            ["Die wichtigsten Nachrichten des Tages jeden Morgen in Ihrem Postfach."],
            ["Jetzt anmelden", "Abonnieren"],
        ),
        "fr": (
            ["Recevez notre newsletter"],
            ["L'essentiel de l'actualité chaque matin dans votre boîte mail."],
            ["Je m'inscris", "S'abonner"],
        ),
        "es": (
            ["Suscríbete al boletín"],
            ["Recibe cada mañana las noticias más importantes en tu correo."],
            ["Suscribirme", "Apuntarme"],
        ),
        "it": (
            ["Iscriviti alla newsletter"],
            ["Le notizie del giorno direttamente nella tua casella."],
            ["Iscriviti"],
        ),
        "pt": (
            ["Receba a nossa newsletter"],
            ["As principais notícias todas as manhãs no seu e-mail."],
            ["Subscrever"],
        ),
        "nl": (
            ["Meld je aan voor de nieuwsbrief"],
            ["Elke ochtend het belangrijkste nieuws in je inbox."],
            ["Aanmelden"],
        ),
        "pl": (
            ["Zapisz się do newslettera"],
            ["Najważniejsze wiadomości dnia prosto na Twoją skrzynkę."],
            ["Zapisz się"],
        ),
    },
    "share": {
        "en": (
            ["Share"],
            ["Share this story", "Spread the word"],
            ["Facebook", "X", "LinkedIn", "Email", "Copy link"],
        ),
        "de": (["Teilen"], ["Artikel teilen"], ["Facebook", "WhatsApp", "E-Mail", "Link kopieren"]),
        "fr": (
            ["Partager"],
            ["Partager cet article"],
            ["Facebook", "Twitter", "Messenger", "E-mail"],
        ),
        "es": (
            ["Compartir"],
            ["Comparte esta noticia"],
            ["Facebook", "WhatsApp", "Telegram", "Correo"],
        ),
        "it": (["Condividi"], ["Condividi l'articolo"], ["Facebook", "WhatsApp", "Email"]),
        "pt": (["Compartilhe"], ["Partilhe este artigo"], ["Facebook", "WhatsApp", "E-mail"]),
        "nl": (["Delen"], ["Deel dit artikel"], ["Facebook", "WhatsApp", "Mail"]),
        "pl": (["Udostępnij"], ["Udostępnij artykuł"], ["Facebook", "Twitter", "E-mail"]),
    },
    "related": {
        "en": (
            ["Read more", "Related", "More on this story", "You may also like"],
            [],
            [
                "Ferry services cut as fuel prices climb",
                "Inside the race to rebuild the old harbour",
                "Five questions about the new housing plan",
                "Police appeal after weekend break-ins",
            ],
        ),
        "de": (
            ["Mehr zum Thema", "Das könnte Sie auch interessieren"],
            [],
            [
                "Bahnstreik: Was Pendler jetzt wissen müssen",
                "Neue Regeln für Mieter ab Januar",
                "Stadtrat streitet über Radwege",
            ],
        ),
        "fr": (
            ["À lire aussi", "Sur le même sujet"],
            [],
            [
                "Grève des transports : ce qui change lundi",
                "Le marché immobilier ralentit en région",
                "Trois questions sur la réforme",
            ],
        ),
        "es": (
            ["Te puede interesar", "Más noticias"],
            [],
            [
                "Así será el nuevo horario de trenes",
                "El precio del alquiler vuelve a subir",
                "Qué cambia con la nueva ley",
            ],
        ),
        "it": (
            ["Leggi anche"],
            [],
            ["Sciopero dei treni, le fasce garantite", "Bollette, cosa cambia da gennaio"],
        ),
        "pt": (
            ["Leia também"],
            [],
            ["Greve nos transportes afeta milhares", "Preço das casas volta a subir"],
        ),
        "nl": (["Lees ook"], [], ["Treinstaking legt verkeer plat", "Huurprijzen stijgen opnieuw"]),
        "pl": (
            ["Czytaj także"],
            [],
            ["Strajk na kolei. Co z pociągami?", "Ceny mieszkań znów w górę"],
        ),
    },
    "comments": {
        "en": (
            ["Comments", "Join the discussion", "Reader comments"],
            [
                "Comments are moderated. Be kind and stay on topic.",
                "You must be logged in to post a comment.",
                "Be the first to comment on this article.",
            ],
            ["Show comments", "Log in to reply", "Load more comments"],
        ),
        "de": (
            ["Kommentare", "Diskutieren Sie mit"],
            [
                "Bitte melden Sie sich an, um einen Kommentar zu schreiben.",
                "Die Kommentarfunktion ist geschlossen.",
            ],
            ["Kommentare anzeigen", "Antworten"],
        ),
        "fr": (
            ["Commentaires", "Réagissez"],
            ["Connectez-vous pour laisser un commentaire.", "Les commentaires sont modérés."],
            ["Voir les commentaires", "Répondre"],
        ),
        "es": (
            ["Comentarios", "Participa"],
            ["Inicia sesión para comentar.", "Los comentarios están moderados."],
            ["Ver comentarios", "Responder"],
        ),
        "it": (["Commenti"], ["Accedi per lasciare un commento."], ["Rispondi"]),
        "pt": (["Comentários"], ["Faça login para comentar."], ["Responder"]),
        "nl": (["Reacties"], ["Log in om te reageren."], ["Reageer"]),
        "pl": (["Komentarze"], ["Zaloguj się, aby dodać komentarz."], ["Odpowiedz"]),
    },
    "paywall": {
        "en": (
            ["Continue reading", "This story is for subscribers"],
            [
                "You have reached your limit of free articles this month.",
                "Already a subscriber? Sign in to keep reading.",
            ],
            ["Subscribe for $1", "Sign in", "Start free trial"],
        ),
        "de": (
            ["Weiterlesen mit Abo"],
            ["Dieser Artikel ist nur für Abonnenten verfügbar."],
            ["Jetzt testen", "Anmelden"],
        ),
        "fr": (
            ["Article réservé aux abonnés"],
            ["Pour lire la suite, abonnez-vous dès maintenant."],
            ["Je m'abonne", "Se connecter"],
        ),
        "es": (
            ["Contenido exclusivo"],
            ["Este contenido es exclusivo para suscriptores."],
            ["Suscríbete", "Inicia sesión"],
        ),
        "it": (
            ["Contenuto riservato"],
            ["Questo articolo è riservato agli abbonati."],
            ["Abbonati"],
        ),
        "pt": (["Conteúdo exclusivo"], ["Este artigo é exclusivo para assinantes."], ["Assine já"]),
        "nl": (
            ["Alleen voor abonnees"],
            ["Dit artikel is alleen beschikbaar voor abonnees."],
            ["Neem een abonnement"],
        ),
        "pl": (
            ["Treść dla prenumeratorów"],
            ["Ten artykuł jest dostępny tylko dla prenumeratorów."],
            ["Kup dostęp"],
        ),
    },
    "cookie": {
        "en": (
            [],
            [
                "This site uses cookies to analyse traffic and personalise content. You can change your settings at any time."
            ],
            ["Accept all", "Reject", "Cookie settings"],
        ),
        "de": (
            [],
            ["Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren."],
            ["Alle akzeptieren", "Einstellungen"],
        ),
        "fr": (
            [],
            ["Nous utilisons des cookies pour mesurer l'audience et personnaliser le contenu."],
            ["Tout accepter", "Paramétrer"],
        ),
        "es": (
            [],
            ["Utilizamos cookies propias y de terceros para mejorar nuestros servicios."],
            ["Aceptar", "Configurar"],
        ),
        "it": (
            [],
            ["Questo sito utilizza cookie per migliorare la tua esperienza."],
            ["Accetta", "Rifiuta"],
        ),
        "pt": (
            [],
            ["Utilizamos cookies para melhorar a sua experiência de navegação."],
            ["Aceitar", "Definições"],
        ),
        "nl": (
            [],
            ["Wij gebruiken cookies om de website te verbeteren."],
            ["Accepteren", "Instellingen"],
        ),
        "pl": (
            [],
            ["Używamy plików cookie, aby ulepszyć działanie serwisu."],
            ["Akceptuję", "Ustawienia"],
        ),
    },
    "tags": {
        "en": (
            ["Topics", "Tags", "More on"],
            [],
            ["Transport", "Local politics", "Housing", "Energy", "Climate"],
        ),
        "de": (
            ["Themen", "Schlagworte", "Mehr zu"],
            [],
            ["Verkehr", "Kommunalpolitik", "Wohnen", "Energie"],
        ),
        "fr": (
            ["Thèmes", "Mots-clés"],
            [],
            ["Transports", "Politique locale", "Logement", "Énergie"],
        ),
        "es": (["Temas", "Etiquetas"], [], ["Transporte", "Política local", "Vivienda", "Energía"]),
        "it": (["Argomenti"], [], ["Trasporti", "Politica locale", "Casa"]),
        "pt": (["Tópicos"], [], ["Transportes", "Política local", "Habitação"]),
        "nl": (["Onderwerpen"], [], ["Vervoer", "Lokale politiek", "Wonen"]),
        "pl": (["Tematy"], [], ["Transport", "Polityka lokalna", "Mieszkania"]),
    },
    "author_bio": {
        "en": (
            ["About the author"],
            [
                "Sam Porter covers science and the environment. He joined the paper in 2019 after ten years at a regional daily.",
                "Lena Fischer is our economics correspondent, based in Frankfurt. Follow her for updates on markets and jobs.",
            ],
            ["More by this author", "Follow", "Email the author"],
        ),
        "de": (
            ["Über die Autorin", "Zum Autor"],
            [
                "Jana Weber ist Redakteurin im Ressort Politik. Sie schreibt über Landespolitik und Bildung."
            ],
            ["Mehr von der Autorin", "Folgen"],
        ),
        "fr": (
            ["À propos de l'auteur"],
            [
                "Paul Martin est journaliste au service économie. Il suit les questions d'emploi et d'énergie."
            ],
            ["Tous ses articles", "Suivre"],
        ),
        "es": (
            ["Sobre el autor"],
            [
                "Ana López es redactora de la sección de sociedad. Escribe sobre educación y sanidad."
            ],
            ["Más artículos de la autora", "Seguir"],
        ),
        "it": (
            ["L'autore"],
            ["Marco Rossi è giornalista della redazione cronaca."],
            ["Tutti gli articoli"],
        ),
        "pt": (
            ["Sobre o autor"],
            ["João Silva é jornalista da secção de economia."],
            ["Mais artigos"],
        ),
        "nl": (
            ["Over de auteur"],
            ["Eva de Vries is verslaggever bij de economieredactie."],
            ["Meer van deze auteur"],
        ),
        "pl": (
            ["O autorze"],
            ["Jan Kowalski jest dziennikarzem działu gospodarczego."],
            ["Więcej tekstów autora"],
        ),
    },
    "ad": {
        "en": (
            [],
            ["Advertisement", "Sponsored content", "Story continues below advertisement"],
            ["Learn more", "Shop now"],
        ),
        "de": ([], ["Anzeige", "Werbung", "Weiterlesen nach der Anzeige"], ["Mehr erfahren"]),
        "fr": ([], ["Publicité", "Contenu sponsorisé"], ["En savoir plus"]),
        "es": ([], ["Publicidad", "Contenido patrocinado"], ["Más información"]),
        "it": ([], ["Pubblicità"], ["Scopri di più"]),
        "pt": ([], ["Publicidade"], ["Saiba mais"]),
        "nl": ([], ["Advertentie"], ["Meer informatie"]),
        "pl": ([], ["Reklama"], ["Sprawdź"]),
    },
}

# Reader comments: prose, which is what makes a comment section hard to tell
# from the story without its surroundings.
COMMENTS: dict[str, list[str]] = {
    "en": [
        "I have lived here for twenty years and this is the first time anyone has asked us.",
        "Great piece, but you left out the cost to taxpayers. Who is going to pay for all this?",
        "Totally agree with the previous comment. We need more of this kind of reporting.",
        "This is exactly what happened in my town last year and nothing changed afterwards.",
        "Does anyone know when the consultation closes? I could not find the date anywhere.",
        "Interesting, although I think the headline is a bit misleading.",
    ],
    "de": [
        "Ich wohne seit zwanzig Jahren hier und so etwas habe ich noch nie erlebt.",
        "Guter Artikel, aber wer soll das am Ende bezahlen? Darauf geht leider niemand ein.",
        "Genau so war es bei uns im Ort auch, geändert hat sich danach nichts.",
        "Weiß jemand, bis wann man Einwände einreichen kann?",
    ],
    "fr": [
        "J'habite ici depuis vingt ans et c'est la première fois qu'on nous consulte.",
        "Bon article, mais qui va payer tout cela au final ?",
        "Tout à fait d'accord avec le commentaire précédent.",
        "Quelqu'un sait-il jusqu'à quand on peut donner son avis ?",
    ],
    "es": [
        "Vivo aquí desde hace veinte años y nunca nos habían preguntado nada.",
        "Buen artículo, pero ¿quién va a pagar todo esto al final?",
        "Totalmente de acuerdo con el comentario anterior.",
        "¿Alguien sabe hasta cuándo se pueden presentar alegaciones?",
    ],
    "it": ["Abito qui da vent'anni e nessuno ci ha mai chiesto niente.", "Bell'articolo, ma chi paga alla fine?"],
    "pt": ["Moro aqui há vinte anos e nunca nos perguntaram nada.", "Bom artigo, mas quem vai pagar tudo isto?"],
    "nl": ["Ik woon hier al twintig jaar en dit is de eerste keer dat ze het ons vragen.", "Goed stuk, maar wie gaat dit betalen?"],
    "pl": ["Mieszkam tu od dwudziestu lat i nikt nas nigdy nie pytał.", "Dobry tekst, ale kto za to zapłaci?"],
}  # fmt: skip
_NAMES = [
    "mike_1984",
    "Anna K.",
    "JeanDupont",
    "reader42",
    "Sofia R.",
    "tom.w",
    "K. Nowak",
    "Pedro",
]
_DATES = [
    "2 hours ago",
    "12 March 2024 at 09:14",
    "vor 3 Stunden",
    "il y a 2 jours",
    "hace 5 horas",
    "3d",
]


def comment_section(rng: random.Random) -> str:
    """A comment section: heading, prompt, and two to four reader comments."""
    lang = rng.choice(LANGS) if rng.random() < 0.5 else "en"
    headings, prompts, links = TEXTS["comments"][lang]
    css = (
        rng.choice(_FAMILY_CLASSES["comments"])
        if rng.random() < 0.6
        else rng.choice(_NEUTRAL_CLASSES)
    )
    item_css = rng.choice(["comment", "comment-body", "c-comment", "reply", "item", "post", ""])
    parts = [f"<h3>{html.escape(rng.choice(headings))} ({rng.randint(2, 240)})</h3>"]
    if rng.random() < 0.7:
        parts.append(f"<p>{html.escape(rng.choice(prompts))}</p>")
    for text in rng.sample(COMMENTS[lang], k=min(len(COMMENTS[lang]), rng.randint(2, 4))):
        parts.append(
            f'<div class="{item_css}"><span class="name">{html.escape(rng.choice(_NAMES))}</span>'
            f" <time>{html.escape(rng.choice(_DATES))}</time><p>{html.escape(text)}</p>"
            f'<a href="#reply">{html.escape(rng.choice(links))}</a></div>'
        )
    return f'<section class="{css}">{"".join(parts)}</section>'


_FAMILY_CLASSES = {
    "tags": ["tags", "tag-list", "article-tags", "topics", "keywords", "c-tags"],
    "author_bio": ["author-bio", "author-box", "about-author", "bio", "contributor", "c-author"],
    "appeal": [
        "support-box",
        "donation-ask",
        "contribute-banner",
        "membership-cta",
        "epic",
        "reader-revenue",
    ],
    "newsletter": ["newsletter", "newsletter-signup", "nl-box", "email-signup", "subscribe-widget"],
    "share": ["share", "share-bar", "social-share", "c-share-buttons", "sharing", "article__share"],
    "related": [
        "related",
        "related-articles",
        "read-more",
        "more-stories",
        "recirculation",
        "teaser-list",
    ],
    "comments": ["comments", "comment-section", "discussion", "article-comments", "respond"],
    "paywall": ["paywall", "premium-wall", "subscriber-only", "regwall", "meter-box"],
    "cookie": ["cookie-banner", "consent", "cmp-container", "gdpr-notice"],
    "ad": ["ad", "ad-slot", "advertisement", "sponsored", "promo-box", "dfp-ad"],
}
_NEUTRAL_CLASSES = [
    "box",
    "module",
    "block",
    "inline-element",
    "mt-4 px-3",
    "c-widget",
    "wrapper",
    "component",
    "",
]


def chrome_block(rng: random.Random) -> str:
    """One random block of page chrome, as HTML."""
    family = rng.choice(sorted(TEXTS))
    lang = rng.choice(LANGS) if rng.random() < 0.5 else "en"
    headings, sentences, links = TEXTS[family][lang]
    css = (
        rng.choice(_FAMILY_CLASSES[family]) if rng.random() < 0.5 else rng.choice(_NEUTRAL_CLASSES)
    )
    tag = rng.choice(["div", "div", "aside", "section"])
    parts = []
    if headings and rng.random() < 0.7:
        h = rng.choice(["h2", "h3", "h4", "strong", "p"])
        parts.append(f"<{h}>{html.escape(rng.choice(headings))}</{h}>")
    if sentences:
        for sentence in rng.sample(sentences, k=min(len(sentences), rng.randint(1, 2))):
            parts.append(f"<p>{html.escape(sentence)}</p>")
    if links:
        chosen = rng.sample(links, k=min(len(links), rng.randint(1, 4)))
        if family == "related" or rng.random() < 0.4:
            items = "".join(
                f'<li><a href="/p/{rng.randint(1, 9999)}">{html.escape(t)}</a></li>' for t in chosen
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(
                " ".join(
                    f'<a class="btn" href="/x/{rng.randint(1, 999)}">{html.escape(t)}</a>'
                    for t in chosen
                )
            )
    if family == "newsletter" and rng.random() < 0.5:
        parts.append('<form><input type="email" placeholder="Email"><button>OK</button></form>')
    return f'<{tag} class="{css}">{"".join(parts)}</{tag}>'


def insert_chrome(page_html: str, truth: str, rng: random.Random) -> str | None:
    """The page with chrome inserted into its article, or None if it has too few paragraphs.

    One to three chrome blocks go after random article paragraphs; half of the
    pages also get a comment section (or another block) after the last one,
    where comment sections, newsletter boxes and related links usually sit.
    """
    tree = LexborHTMLParser(page_html)
    truth_text = " ".join(tokens(truth))
    paragraphs = []
    for p in tree.css("p"):
        toks = tokens(p.text())
        if len(toks) >= 12 and " ".join(toks[:12]) in truth_text:
            paragraphs.append(p)
    if len(paragraphs) < 3:
        return None
    inserts = [(p, chrome_block(rng)) for p in rng.sample(paragraphs[:-1], k=rng.randint(1, 2))]
    if rng.random() < 0.5:
        end = comment_section(rng) if rng.random() < 0.6 else chrome_block(rng)
        inserts.append((paragraphs[-1], end))
    for paragraph, markup in inserts:
        block = LexborHTMLParser(markup).body.child
        if block is not None:
            block.attrs[SYNTHETIC_MARK] = "1"
        if block is not None:
            paragraph.insert_after(block)
    return tree.html
