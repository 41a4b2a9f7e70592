"""Synthetic boilerplate lines, written for presscut, to add to the training pages.

The training pages (wcxb dev) are almost all English and were mostly
captured without the publisher appeals, paywall notices and comment prompts
that corpora of extracted news text are full of. These templates add those
families, in eight languages, as negative lines inserted into real pages
(at the top, between paragraphs, at the bottom), so the classifier learns
their *shape* (reader address, imperatives, off-topic vocabulary) rather
than any one phrasing. Slots ({site}, {n}, {topic}...) are filled at random
so no line repeats verbatim. Nothing here is copied from a real site.
"""

from __future__ import annotations

import random

SITES = (
    "The Daily Ledger",
    "Nordkurier Online",
    "Le Quotidien",
    "El Diario Sur",
    "Il Foglio Verde",
    "Jornal do Vale",
    "De Stadskrant",
    "Gazeta Miejska",
    "Riverside Post",
    "Metro Herald",
)
TOPICS = (
    "climate",
    "politics",
    "football",
    "the economy",
    "health",
    "culture",
    "science",
    "travel",
    "technology",
    "local news",
)
HEADLINES = (
    "Council approves new budget after long debate",
    "Storm leaves thousands without power",
    "Bundesregierung plant neue Regeln für Mieten",
    "Nach dem Spiel: Trainer zieht Bilanz",
    "Les agriculteurs manifestent devant la préfecture",
    "Grève : les transports perturbés lundi",
    "El Gobierno anuncia nuevas ayudas para la vivienda",
    "Récord de calor en el sur del país",
    "Il sindaco presenta il piano per il centro storico",
    "Prefeitura anuncia obras na avenida",
    "Gemeente investeert in nieuwe fietspaden",
    "Rząd zapowiada zmiany w podatkach",
    "Five things to know before the election",
    "Why prices keep rising this winter",
)

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "appeal": {
        "en": (
            "Support independent journalism. Donate to {site} today.",
            "If you value our reporting, please consider making a contribution of ${n}.",
            "We rely on readers like you. Become a member and help keep our journalism free for everyone.",
            "Our journalism is free to read because readers support it. Will you join them?",
            "Chip in ${n} to help us keep covering {topic}.",
            "Journalism like this takes time and money. Can you help?",
            "Before you go: we have a small favour to ask.",
            "Your support makes stories like this possible.",
            "Reporting like this is only possible with the support of readers. Thank you.",
            "We keep our journalism open to all, and that depends on you.",
            "Every contribution, however small, makes a difference.",
            "Every gift counts, whatever its size.",
            "Thank you for your support.",
            "Any amount helps.",
        ),
        "de": (
            "Unterstützen Sie unabhängigen Journalismus mit einer Spende.",
            "Wir finanzieren uns über unsere Leserinnen und Leser. Werden Sie jetzt Mitglied!",
            "Damit wir weiter über {topic} berichten können, brauchen wir Ihre Unterstützung.",
            "Jetzt mit {n} Euro unterstützen",
            "Ohne Ihre Hilfe gäbe es diesen Artikel nicht.",
            "Gefällt Ihnen unsere Arbeit? Dann helfen Sie uns weiter.",
            "Jeder Beitrag zählt, ob groß oder klein.",
            "Vielen Dank für Ihre Unterstützung.",
        ),
        "fr": (
            "Soutenez un journalisme indépendant : faites un don à {site}.",
            "Nos articles sont en accès libre grâce à vous. Aidez-nous à continuer.",
            "Chaque contribution, même de {n} euros, nous permet de rester libres.",
            "Vous aimez nos articles ? Aidez-nous à les garder gratuits.",
            "Chaque don compte, quel que soit son montant.",
            "Merci pour votre soutien.",
        ),
        "es": (
            "Apoya el periodismo independiente. Haz tu donación hoy.",
            "Nuestro trabajo es gratuito gracias a lectores como tú. Hazte socio de {site}.",
            "Con {n} euros al mes nos ayudas a seguir informando sobre {topic}.",
            "¿Te gusta lo que hacemos? Ayúdanos a seguir.",
            "Cada aportación cuenta, por pequeña que sea.",
            "Gracias por tu apoyo.",
        ),
        "it": (
            "Sostieni il giornalismo indipendente: dona ora a {site}.",
            "Il nostro lavoro è gratuito grazie a voi lettori. Aiutateci con {n} euro.",
        ),
        "pt": (
            "Apoie o jornalismo independente. Faça sua doação hoje.",
            "Nosso conteúdo é gratuito graças a você. Contribua com {n} reais.",
        ),
        "nl": (
            "Steun onafhankelijke journalistiek en doneer vandaag nog.",
            "Word lid van {site} en help ons onze verhalen gratis te houden.",
        ),
        "pl": (
            "Wesprzyj niezależne dziennikarstwo. Wpłać {n} zł.",
            "Nasze teksty są bezpłatne dzięki wam. Dołącz do naszych darczyńców.",
        ),
    },
    "paywall": {
        "en": (
            "This article is for subscribers only. Sign in or subscribe to continue reading.",
            "You have {n} free articles remaining this month.",
            "Already a subscriber? Log in here.",
            "Get unlimited digital access for just ${n} a month.",
            "Want to keep reading? Start your free trial today.",
            "Continue reading with a {site} account.",
            "Subscribe now",
            "To read the rest of this story, subscribe or sign in.",
            "Subscriber exclusive: unlock this article for ${n}.",
        ),
        "de": (
            "Dieser Artikel ist nur für Abonnenten verfügbar.",
            "Jetzt weiterlesen mit {site} Plus – die ersten {n} Wochen kostenlos.",
            "Sie sind bereits Abonnent? Hier anmelden.",
            "Dieser Beitrag ist Teil unseres Abo-Angebots.",
            "Lesen Sie weiter mit {site} Plus.",
            "Jetzt registrieren und kostenlos weiterlesen",
        ),
        "fr": (
            "Cet article est réservé aux abonnés.",
            "Abonnez-vous pour lire la suite à partir de {n} € par mois.",
            "Déjà abonné ? Connectez-vous.",
            "Il vous reste {n} % de cet article à lire.",
            "Pour lire la suite, abonnez-vous dès {n} € par mois.",
        ),
        "es": (
            "Este contenido es exclusivo para suscriptores.",
            "Suscríbete para seguir leyendo por solo {n} euros al mes.",
            "¿Ya eres suscriptor? Inicia sesión.",
            "Para seguir leyendo, hazte suscriptor.",
            "Contenido exclusivo: inicia sesión para continuar leyendo.",
        ),
        "it": (
            "Questo articolo è riservato agli abbonati.",
            "Abbonati a {site} per continuare a leggere.",
            "Per continuare a leggere accedi o abbonati.",
        ),
        "pt": ("Conteúdo exclusivo para assinantes.", "Assine o {site} e continue lendo."),
        "nl": ("Dit artikel is alleen voor abonnees.", "Log in om verder te lezen."),
        "pl": (
            "Ten artykuł jest dostępny tylko dla prenumeratorów.",
            "Zaloguj się, aby czytać dalej.",
        ),
    },
    "comments": {
        "en": (
            "Comments",
            "{n} Comments",
            "Join the conversation",
            "Leave a comment",
            "Comments are closed for this article.",
            "Join our community of readers and share your thoughts below. Follow other readers and get notified of replies.",
            "Please keep comments respectful. Read our community guidelines before posting.",
            "What do you think? Tell us below.",
            "Show comments",
        ),
        "de": (
            "Kommentare",
            "{n} Kommentare",
            "Diskutieren Sie mit!",
            "Kommentieren Sie diesen Artikel und folgen Sie anderen Lesern.",
            "Die Kommentarfunktion ist für diesen Artikel deaktiviert.",
        ),
        "fr": (
            "Commentaires",
            "{n} commentaires",
            "Réagissez à cet article",
            "Les commentaires sont fermés.",
            "Connectez-vous pour commenter et suivre la discussion.",
        ),
        "es": (
            "Comentarios",
            "{n} comentarios",
            "Deja tu comentario",
            "Únete a la conversación y sigue a otros lectores.",
            "Los comentarios están cerrados.",
        ),
        "it": ("Commenti", "Lascia un commento", "{n} commenti"),
        "pt": ("Comentários", "Deixe seu comentário", "{n} comentários"),
        "nl": ("Reacties", "Plaats een reactie", "{n} reacties"),
        "pl": ("Komentarze", "Dodaj komentarz", "Komentarze ({n})"),
    },
    "newsletter": {
        "en": (
            "Sign up for our newsletter",
            "Get the best of {site} delivered to your inbox every morning.",
            "Enter your email address",
            "Thanks for signing up! Check your inbox to confirm.",
            "The {topic} newsletter: everything you need to know, once a week.",
        ),
        "de": (
            "Newsletter abonnieren",
            "Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.",
            "Ihre E-Mail-Adresse",
        ),
        "fr": (
            "Inscrivez-vous à notre newsletter",
            "Recevez chaque matin l'essentiel de l'actualité.",
            "Votre adresse e-mail",
        ),
        "es": (
            "Suscríbete a nuestro boletín",
            "Recibe cada mañana las noticias más importantes en tu correo.",
        ),
        "it": ("Iscriviti alla newsletter", "Ricevi ogni mattina le notizie più importanti."),
        "pt": ("Assine nossa newsletter", "Receba as principais notícias no seu e-mail."),
        "nl": ("Schrijf je in voor onze nieuwsbrief",),
        "pl": ("Zapisz się do newslettera",),
    },
    "cookie_notice": {
        "en": (
            "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
            "Accept all cookies",
            "Manage preferences",
            "This site uses cookies and similar technologies to personalise content and ads.",
        ),
        "de": (
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
            "Alle akzeptieren",
            "Einstellungen verwalten",
            "Diese Seite nutzt Cookies. Durch die Nutzung stimmen Sie dem zu.",
        ),
        "fr": (
            "Ce site utilise des cookies pour améliorer votre expérience.",
            "Tout accepter",
            "Gérer mes choix",
            "Nous utilisons des cookies pour mesurer l'audience du site.",
            "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
        ),
        "es": (
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
            "Aceptar todas",
            "Configurar cookies",
            "Este sitio web utiliza cookies para mejorar la experiencia de usuario.",
            "Al navegar por este sitio aceptas nuestra política de cookies.",
        ),
        "it": (
            "Questo sito utilizza cookie per migliorare la tua esperienza.",
            "Accetta tutti",
            "Proseguendo la navigazione accetti l'uso dei cookie.",
        ),
        "pt": ("Usamos cookies para melhorar sua experiência.", "Aceitar todos"),
        "nl": ("Wij gebruiken cookies om je ervaring te verbeteren.", "Alles accepteren"),
        "pl": ("Używamy plików cookies, aby ułatwić korzystanie z serwisu.", "Akceptuję"),
    },
    "share": {
        "en": (
            "Share this article",
            "Share on Facebook",
            "Share on X",
            "Follow us on Instagram",
            "Copy link",
            "Share",
            "Tweet",
            "Email",
        ),
        "de": ("Artikel teilen", "Auf Facebook teilen", "Folgen Sie uns auf Instagram", "Teilen"),
        "fr": (
            "Partager cet article",
            "Partager sur Facebook",
            "Suivez-nous sur Twitter",
            "Partager",
        ),
        "es": ("Compartir en Facebook", "Síguenos en Twitter", "Compartir"),
        "it": ("Condividi su Facebook", "Seguici su Instagram", "Condividi"),
        "pt": ("Compartilhe no WhatsApp", "Siga-nos no Instagram", "Compartilhar"),
        "nl": ("Deel dit artikel", "Volg ons op Facebook"),
        "pl": ("Udostępnij", "Obserwuj nas na Facebooku"),
    },
    "related": {
        "en": (
            "Read more: {headline}",
            "Related: {headline}",
            "Most read",
            "More from {site}",
            "You may also like",
            "Recommended for you",
            "{headline}",
            "READ MORE: {headline}",
            "See also: {headline}",
        ),
        "de": (
            "Mehr zum Thema",
            "Lesen Sie auch: {headline}",
            "Meistgelesen",
            "{headline}",
            "Auch interessant: {headline}",
            "Das könnte Sie auch interessieren",
        ),
        "fr": (
            "Lire aussi : {headline}",
            "Les plus lus",
            "Sur le même sujet",
            "{headline}",
            "À lire aussi : {headline}",
        ),
        "es": (
            "Lee también: {headline}",
            "Lo más leído",
            "Noticias relacionadas",
            "{headline}",
            "Te puede interesar: {headline}",
        ),
        "it": ("Leggi anche: {headline}", "I più letti"),
        "pt": ("Leia também: {headline}", "Mais lidas"),
        "nl": ("Lees ook: {headline}", "Meest gelezen"),
        "pl": ("Czytaj także: {headline}", "Najczęściej czytane"),
    },
    "advertisement": {
        "en": (
            "Advertisement",
            "ADVERTISEMENT",
            "Sponsored content",
            "Story continues below advertisement",
        ),
        "de": ("Anzeige", "Werbung", "ANZEIGE"),
        "fr": ("Publicité", "PUBLICITÉ", "Contenu sponsorisé"),
        "es": ("Publicidad", "PUBLICIDAD", "Contenido patrocinado"),
        "it": ("Pubblicità",),
        "pt": ("Publicidade",),
        "nl": ("Advertentie",),
        "pl": ("Reklama",),
    },
    "photo_credit": {
        "en": (
            "Photo: {name}/Reuters",
            "(Getty Images)",
            "Image: {name}",
            "Credit: {name} for {site}",
            "Photograph: {name}/{agency}",
            "(Photo by {name}/{agency})",
            "{name}/{agency}",
            "Image credit: {agency}",
        ),
        "de": (
            "Foto: {name}/dpa",
            "Bild: {name}",
            "© picture alliance",
            "Foto: {agency}",
            "Bild: {name} / {agency}",
            "Foto: {name} ({agency})",
        ),
        "fr": (
            "Photo : {name}/AFP",
            "© {name}",
            "Crédit photo : {name}",
            "Photo : {agency}",
            "Photo : {name} / {agency}",
        ),
        "es": (
            "Foto: {name}/EFE",
            "Imagen: {name}",
            "Foto: {agency}",
            "Imagen: {name} ({agency})",
        ),
        "it": (
            "Foto: {name}/Ansa",
            "Foto: {agency}",
        ),
        "pt": ("Foto: {name}/Agência",),
        "nl": ("Foto: {name}/ANP",),
        "pl": ("Fot. {name}/PAP",),
    },
}
AGENCIES = (
    "Reuters",
    "AP",
    "AFP",
    "Getty Images",
    "dpa",
    "EFE",
    "ANSA",
    "PA Wire",
    "Shutterstock",
    "picture alliance",
    "Keystone",
    "imago images",
)
NAMES = (
    "Anna Weber",
    "John Carter",
    "Marie Dubois",
    "Carlos Ruiz",
    "Giulia Rossi",
    "João Silva",
    "Pieter de Vries",
    "Katarzyna Nowak",
)


def boilerplate_run(rng: random.Random, length: int) -> list[str]:
    """A run of `length` boilerplate lines as a publisher writes them.

    One family and one language per run (an appeal box is not half Polish
    cookie notice); a line may hold two or three sentences of the family, as
    an appeal written as one paragraph does ("Thank you for reading. Our
    journalism is free... Please consider a contribution.").
    """
    family = rng.choice(tuple(TEMPLATES))
    language = rng.choice(tuple(TEMPLATES[family]))
    templates = list(TEMPLATES[family][language])
    rng.shuffle(templates)
    run = []
    while templates and len(run) < length:
        line = [templates.pop()]
        wanted = rng.choice((1, 1, 2, 3))
        # Only whole sentences join into a paragraph; a lone "Comments" or "ANZEIGE" stays a line.
        while len(line) < wanted and templates and line[-1].endswith((".", "!", "?")):
            if not templates[-1].endswith((".", "!", "?")):
                break
            line.append(templates.pop())
        run.append(" ".join(_fill(template, rng) for template in line))
    return run


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        site=rng.choice(SITES),
        n=rng.choice((2, 3, 5, 10, 12, 25, 47, 128)),
        topic=rng.choice(TOPICS),
        headline=rng.choice(HEADLINES),
        name=rng.choice(NAMES),
        agency=rng.choice(AGENCIES),
    )


def add_boilerplate(
    lines: list[str], labels: list[bool], rng: random.Random, *, blocks: int = 3
) -> tuple[list[str], list[bool], list[bool]]:
    """Insert `blocks` runs of 1-4 boilerplate lines (label False) at random places.

    Returns the lines, their labels, and which lines were inserted.

    Places are drawn among the top, the bottom, and the boundaries next to
    body lines, since that is where publishers put appeals and prompts.
    """
    lines, labels = list(lines), list(labels)
    inserted = [False] * len(lines)
    for _ in range(blocks):
        body = [i for i, keep in enumerate(labels) if keep]
        choices = [0, len(lines)]
        if body:
            choices += [body[0], body[-1] + 1, rng.choice(body), rng.choice(body)]
        at = rng.choice(choices)
        run = boilerplate_run(rng, rng.randint(1, 4))
        lines[at:at] = run
        labels[at:at] = [False] * len(run)
        inserted[at:at] = [True] * len(run)
    return lines, labels, inserted
