"""Hand-written text-mode fixtures: short news articles and boilerplate lines, four languages.

Written for these tests (not taken from any site, and phrased differently
from the synthetic boilerplate the classifier was trained with), so the
tests check that the model generalises to each family.
"""

from __future__ import annotations

ARTICLES: dict[str, list[str]] = {
    "en": [
        "Harbour officials confirmed on Wednesday that the old ferry terminal will close at the "
        "end of the summer, ending more than sixty years of crossings to the island.",
        "The decision follows a structural survey which found that the pier's concrete supports "
        "had weakened faster than engineers expected, according to the port authority.",
        "Around 1,200 passengers used the service each day last year, most of them commuters "
        "who work in the town's hospital and secondary schools.",
        "A temporary landing stage will be built two kilometres further south, and the operator "
        "said the crossing would take about ten minutes longer from October.",
        "Local councillors said they would ask the regional government to fund a permanent "
        "replacement, which the port authority estimates would cost 30 million pounds.",
    ],
    "de": [
        "Die Stadtwerke haben am Mittwoch angekündigt, das alte Wasserwerk am Nordufer bis Ende "
        "des kommenden Jahres vollständig stillzulegen.",
        "Nach Angaben des Unternehmens entspricht die Filteranlage nicht mehr den geltenden "
        "Vorschriften, eine Sanierung wäre deutlich teurer als ein Neubau gewesen.",
        "Rund 40.000 Haushalte werden künftig aus dem neuen Werk im Gewerbegebiet versorgt, das "
        "bereits seit dem Frühjahr im Probebetrieb läuft.",
        "Für die Anwohner soll sich weder an der Wasserqualität noch am Preis etwas ändern, "
        "versicherte ein Sprecher der Stadtwerke bei der Vorstellung der Pläne.",
        "Was mit dem denkmalgeschützten Gebäude geschehen soll, ist noch offen; der Stadtrat "
        "will im Herbst über mehrere Vorschläge beraten.",
    ],
    "fr": [
        "La municipalité a annoncé mardi la fermeture définitive de la piscine olympique du "
        "quartier nord, construite en 1972 et jugée trop vétuste.",
        "Selon le rapport des services techniques, la toiture présente des fissures importantes "
        "et le système de chauffage ne répond plus aux normes en vigueur.",
        "Les clubs de natation seront accueillis dès la rentrée dans le nouveau centre aquatique, "
        "situé à quelques kilomètres du centre-ville.",
        "Plusieurs associations de riverains ont dénoncé une décision prise sans concertation "
        "et réclament la création d'un bassin de proximité.",
        "Le maire a indiqué qu'une réunion publique serait organisée en septembre pour présenter "
        "l'avenir du site aux habitants du quartier.",
    ],
    "es": [
        "El ayuntamiento anunció el lunes que el mercado central permanecerá cerrado durante seis "
        "meses para reparar la estructura de la cubierta.",
        "Los técnicos municipales detectaron filtraciones de agua y daños en varias vigas "
        "durante una inspección realizada tras las lluvias del invierno.",
        "Los cuarenta comerciantes del mercado se trasladarán a una carpa provisional instalada "
        "en la plaza contigua, según explicó la concejala de Comercio.",
        "Las obras tendrán un coste de 2,3 millones de euros, financiados en parte con fondos "
        "europeos destinados a la rehabilitación de edificios públicos.",
        "La asociación de vecinos ha pedido que se mantengan los horarios actuales para no "
        "perjudicar a las personas mayores que compran a diario en el mercado.",
    ],
}

# family -> language -> lines a reader would see in that family, never article text.
BOILERPLATE: dict[str, dict[str, list[str]]] = {
    "appeal": {
        "en": ["Independent reporting like this depends on your support. Give what you can today."],
        "de": ["Guter Journalismus kostet Geld. Bitte unterstützen Sie uns mit einer Spende."],
        "fr": ["Notre rédaction ne vit que de vos dons. Soutenez-nous dès aujourd'hui."],
        "es": ["El periodismo independiente necesita tu apoyo. Dona ahora y ayúdanos a seguir."],
    },
    "paywall": {
        "en": ["Subscribers only: sign in or start your subscription to keep reading."],
        "de": ["Weiterlesen mit Abo: Jetzt einloggen oder Abonnent werden."],
        "fr": ["La suite est réservée à nos abonnés. Abonnez-vous pour lire la suite."],
        "es": ["Contenido solo para suscriptores. Suscríbete para leer la noticia completa."],
    },
    "comments": {
        "en": ["Comments", "Have your say: leave a comment and reply to other readers below."],
        "de": ["Kommentare", "Schreiben Sie einen Kommentar und diskutieren Sie mit."],
        "fr": ["Commentaires", "Laissez un commentaire et répondez aux autres lecteurs."],
        "es": ["Comentarios", "Deja tu comentario y responde a otros lectores."],
    },
    "newsletter": {
        "en": ["Get our free morning newsletter straight to your inbox."],
        "de": ["Unser Newsletter: jeden Morgen kostenlos in Ihr Postfach."],
        "fr": ["Recevez gratuitement notre newsletter chaque matin."],
        "es": ["Recibe gratis nuestro boletín cada mañana en tu correo."],
    },
    "cookie_notice": {
        "en": ["This website uses cookies. By clicking accept you consent to our use of cookies."],
        "de": ["Diese Website verwendet Cookies. Mit Ihrer Einwilligung helfen Sie uns."],
        "fr": ["Ce site utilise des cookies. Acceptez-vous leur utilisation ?"],
        "es": ["Esta web utiliza cookies. Al continuar aceptas su uso."],
    },
    "share": {
        "en": ["Share on WhatsApp", "Share on Facebook"],
        "de": ["Bei WhatsApp teilen", "Auf Facebook teilen"],
        "fr": ["Partager sur WhatsApp", "Partager sur Facebook"],
        "es": ["Compartir en WhatsApp", "Compartir en Facebook"],
    },
    "related": {
        "en": ["Read more: Council approves plan for new cycle lanes"],
        "de": ["Lesen Sie auch: Stadtrat beschließt neue Radwege"],
        "fr": ["Lire aussi : Le conseil vote de nouvelles pistes cyclables"],
        "es": ["Lee también: El pleno aprueba nuevos carriles bici"],
    },
    "advertisement": {
        "en": ["Advertisement"],
        "de": ["Anzeige"],
        "fr": ["Publicité"],
        "es": ["Publicidad"],
    },
    "photo_credit": {
        "en": ["Photo: Martin Hale/Reuters"],
        "de": ["Foto: Jana Krüger/dpa"],
        "fr": ["Photo : Louis Martin/AFP"],
        "es": ["Foto: Ana López/EFE"],
    },
}

# An appeal as publishers write it between two paragraphs of the story: two paragraphs of
# several sentences, addressed to the reader, with no family word in a heading of its own.
APPEAL_PARAGRAPHS: dict[str, list[str]] = {
    "en": [
        "Thank you for reading. Our reporting is free for everyone because readers like you "
        "support it, and we have no owner telling us what to write.",
        "If you value what we do, please consider a contribution today. Every gift, however "
        "small, makes the difference.",
    ],
    "de": [
        "Danke, dass Sie diesen Artikel lesen. Unsere Berichte sind für alle frei zugänglich, "
        "weil Leserinnen und Leser wie Sie uns unterstützen.",
        "Wenn Ihnen unsere Arbeit etwas wert ist, helfen Sie uns bitte mit einem Beitrag. Jeder "
        "Betrag, auch ein kleiner, macht den Unterschied.",
    ],
    "fr": [
        "Merci de nous lire. Nos articles sont gratuits pour tous parce que des lecteurs comme "
        "vous nous soutiennent, sans actionnaire pour nous dicter quoi écrire.",
        "Si notre travail compte pour vous, pensez à faire un don aujourd'hui. Chaque "
        "contribution, même modeste, fait la différence.",
    ],
    "es": [
        "Gracias por leernos. Nuestras noticias son gratuitas para todos porque lectores como "
        "tú nos apoyan, sin ningún dueño que nos diga qué escribir.",
        "Si valoras lo que hacemos, considera hacer una aportación hoy. Cada contribución, por "
        "pequeña que sea, marca la diferencia.",
    ],
}
