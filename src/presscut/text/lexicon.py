"""Small multilingual word lists: grammar, not publishers' phrases.

The line classifier needs to know when a line *addresses the reader*
("you", "Sie", "vous", "tú"), speaks for the publisher ("we", "wir",
"nous") or opens with an imperative call to action ("subscribe", "teilen",
"suivez"). Those are properties of the language, the same on every site, so
they are listed here once per language instead of being learned from the
(almost all English) training pages. Words that mean something else in
another covered language ("was", "my", "os", "ci") are left out rather than
risk firing on ordinary prose.

Languages: en, de, fr, es, it, pt, nl, pl. Tokens are lower-cased `\\w+` runs.
"""

from __future__ import annotations

SECOND_PERSON = frozenset(
    # en
    "you your yours yourself yourselves "
    # de (informal; the formal "Sie" is matched case-sensitively below)
    "du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem "
    # fr
    "vous votre vos tu toi ton tes "
    # es
    "tú usted ustedes vosotros vosotras vuestro vuestra tus contigo "
    # it
    "voi vostro vostra vostri tuo tua tuoi "
    # pt
    "você vocês teu teus tuas "
    # nl
    "jij jou jouw jullie uw "
    # pl
    "ciebie tobie twój twoja twoje wasz wasza wasze".split()
)

FIRST_PLURAL = frozenset(
    "we our ours ourselves "
    "wir uns unser unsere unseren unserem unserer unseres "
    "nous notre "
    "nosotros nosotras nuestro nuestra nuestros nuestras "
    "noi nostro nostra nostri nostre "
    "nós nosso nossa nossos nossas "
    "wij ons onze "
    "nasz nasza nasze naszych naszym".split()
)

# Counted only in lower case: "US" is a country.
FIRST_PLURAL_LOWER_CASE = frozenset({"us"})

FIRST_SINGULAR = frozenset("i me my mine ich mich mir mein meine meinen moi yo io eu".split())

# Formal German address, which counts only when capitalised mid-sentence
# ("unterstützen Sie uns"): lower-case "sie" and "ihr" are "they" and "her".
FORMAL_ADDRESS_WORDS = frozenset("sie ihnen ihr ihre ihrem ihren ihrer ihres".split())

# Imperatives and call-to-action words that open prompts, buttons and links.
CALL_TO_ACTION = frozenset(
    # en
    "subscribe sign register login log click tap share follow like tweet donate support join "
    "download get read watch listen learn discover explore try buy shop order book contact call "
    "email send submit accept allow manage enable continue visit see view find check save "
    "comment reply leave become give help upgrade start skip go return print report close load "
    "show hide search browse unlock claim enter install add create write tell "
    # de
    "abonnieren abonniere registrieren registriere anmelden melde einloggen klicken klicke "
    "teilen teile folgen folge spenden spende unterstützen unterstütze lesen lies weiterlesen "
    "herunterladen kaufen bestellen kommentieren akzeptieren zustimmen verwalten entdecken "
    "erfahren sehen testen sichern helfen kontaktieren zurück drucken suchen schließen jetzt "
    # fr
    "abonnez inscrivez connectez cliquez partagez suivez soutenez faites lisez découvrez "
    "téléchargez achetez commandez commentez acceptez gérez rejoignez devenez contactez "
    "essayez écoutez regardez retrouvez recevez profitez accédez voir lire retour imprimer "
    "fermer rechercher abonner inscrire partager suivre soutenir télécharger accepter "
    "refuser continuer commenter "
    # es
    "suscríbete suscribete suscríbase regístrate registrate regístrese inicia inicie haz haga "
    "comparte comparta síguenos siguenos sigue siga lee lea descubre descarga descargue compra "
    "dona apoya apoye únete unete hazte acepta acepte aceptar rechazar configurar comenta "
    "contacta escucha mira ver leer volver imprimir cerrar buscar suscribirse compartir "
    "seguir registrarse recibe accede activa conoce consulta "
    # it
    "iscriviti abbonati accedi registrati clicca condividi seguici segui leggi scopri scarica "
    "acquista sostieni unisciti accetta rifiuta commenta contattaci guarda ascolta vedi torna "
    "stampa chiudi cerca ricevi "
    # pt
    "assine inscreva cadastre entre clique compartilhe siga leia descubra baixe compre doe "
    "apoie junte aceite aceitar comente assista ouça veja voltar fechar receba acesse "
    # nl
    "abonneer meld registreer klik deel volg lees ontdek koop doneer steun accepteer reageer "
    "bekijk luister terug zoek sluit ontvang "
    # pl
    "subskrybuj zapisz zarejestruj zaloguj kliknij udostępnij obserwuj czytaj przeczytaj "
    "odkryj pobierz kup wesprzyj wpłać dołącz zaakceptuj skomentuj zobacz posłuchaj wróć "
    "drukuj zamknij szukaj dowiedz".split()
)
