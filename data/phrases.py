"""Language content for ``generate_tickets.py``: every sentence the generator can write.

Written for this project (not taken from any dataset). Kept apart from the generator logic so
that linguists can review or extend one language without reading code. Conventions:

- ``CORE[topic][language]`` holds the *core phrasings*: the sentences that carry a ticket's topic.
  Their position in the tuple is part of their id (``billing.nl.03``), so append new phrasings at
  the end of a tuple instead of inserting, or the held-out split of existing corpora changes.
- Slots in braces are filled by the generator: {order_id} {product} {amount} {date} {email}
  {feature} {error_code} {url} {customer_id} {prev} {nth} {browser} {os} {app_version}. German
  {feature} values are accusative, so German templates use {feature} only where an accusative
  fits.
- Romanian uses comma-below ș/ț (U+0219/U+021B), never the cedilla forms.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "nl", "ro", "de", "fr")

Phrasebook = dict[str, tuple[str, ...]]
"""Language code -> phrases."""

# Topic -> language -> core phrasings. Neighbouring topics deliberately share vocabulary
# (double charges in billing/refund/security, refunds in complaint, closing an account in
# cancellation/privacy, logins in account_access/outage), because real tickets do.
CORE: dict[str, Phrasebook] = {
    "billing": {
        "en": (
            "I was charged twice for my subscription this month, both payments of {amount} went "
            "through on {date}.",
            "My latest invoice shows {amount}, but my plan is supposed to cost much less. Can you "
            "explain the extra line items?",
            "The VAT number on invoice {order_id} is wrong and our accounts department cannot book "
            "it like this.",
            "Your system keeps declining my credit card when I try to pay the outstanding balance.",
            "Why did the price of my plan go up without any notice? I never agreed to the new "
            "rate.",
            "Could you send me copies of all last year's invoices to {email}? I need them for my "
            "tax return.",
            "I switched to annual billing but I'm still being billed every month.",
            "There's a payment of {amount} to you on my bank statement that I don't recognise.",
            "The direct debit bounced and now my account says payment overdue, although the money "
            "was there.",
        ),
        "nl": (
            "Er is deze maand twee keer {amount} van mijn rekening afgeschreven voor hetzelfde "
            "abonnement.",
            "Op mijn laatste factuur staat {amount}, terwijl mijn abonnement veel goedkoper zou "
            "moeten zijn. Wat zijn die extra posten?",
            "Het btw-nummer op factuur {order_id} klopt niet, zo kan onze boekhouding de factuur "
            "niet verwerken.",
            "Mijn creditcard wordt steeds geweigerd als ik het openstaande bedrag probeer te "
            "betalen.",
            "Waarom is de prijs van mijn abonnement zonder aankondiging verhoogd? Daar heb ik "
            "nooit "
            "mee ingestemd.",
            "Kunnen jullie alle facturen van vorig jaar naar {email} sturen? Ik heb ze nodig voor "
            "de belastingaangifte.",
            "Ik ben overgestapt op jaarlijkse betaling, maar de incasso gaat nog steeds elke "
            "maand.",
            "Ik zie een afschrijving van {amount} op mijn bankafschrift die ik niet herken.",
            "De automatische incasso is gestorneerd en nu staat mijn account op 'betaling "
            "achterstallig', terwijl er genoeg saldo was.",
        ),
        "ro": (
            "Mi s-a retras de două ori suma de {amount} pentru același abonament luna aceasta.",
            "Pe ultima factură apare suma de {amount}, deși abonamentul meu ar trebui să coste "
            "mult mai puțin. Ce sunt costurile suplimentare?",
            "Codul fiscal de pe factura {order_id} este greșit, iar contabilitatea noastră nu o "
            "poate înregistra așa.",
            "Cardul meu este refuzat de fiecare dată când încerc să achit soldul restant.",
            "De ce a crescut prețul abonamentului fără niciun anunț? Nu am fost de acord cu noul "
            "tarif.",
            "Îmi puteți trimite toate facturile de anul trecut pe adresa {email}? Am nevoie de ele "
            "pentru declarația fiscală.",
            "Am trecut pe plata anuală, dar sunt taxat în continuare lunar.",
            "Văd în extrasul de cont o plată de {amount} către voi pe care nu o recunosc.",
            "Debitarea directă a eșuat și acum contul meu apare cu plată restantă, deși aveam bani "
            "suficienți.",
        ),
        "de": (
            "Mir wurden diesen Monat zweimal {amount} für dasselbe Abo abgebucht.",
            "Auf meiner letzten Rechnung stehen {amount}, obwohl mein Tarif deutlich günstiger "
            "sein "
            "sollte. Was sind das für zusätzliche Positionen?",
            "Die USt-IdNr. auf der Rechnung {order_id} ist falsch, so kann unsere Buchhaltung sie "
            "nicht verbuchen.",
            "Meine Kreditkarte wird jedes Mal abgelehnt, wenn ich den offenen Betrag begleichen "
            "möchte.",
            "Warum wurde der Preis meines Tarifs ohne Ankündigung erhöht? Dem habe ich nie "
            "zugestimmt.",
            "Könnten Sie mir bitte alle Rechnungen des letzten Jahres an {email} schicken? Ich "
            "brauche sie für die Steuererklärung.",
            "Ich habe auf jährliche Zahlung umgestellt, aber die Lastschrift kommt weiterhin jeden "
            "Monat.",
            "Auf meinem Kontoauszug steht eine Abbuchung über {amount} von Ihnen, die ich nicht "
            "zuordnen kann.",
            "Die Lastschrift ist geplatzt und jetzt steht mein Konto auf „Zahlung überfällig“, "
            "obwohl genug Geld da war.",
        ),
        "fr": (
            "J'ai été débité deux fois de {amount} ce mois-ci pour le même abonnement.",
            "Ma dernière facture indique {amount}, alors que mon forfait devrait coûter beaucoup "
            "moins. À quoi correspondent ces lignes supplémentaires ?",
            "Le numéro de TVA sur la facture {order_id} est erroné et notre service comptable ne "
            "peut pas l'enregistrer.",
            "Ma carte bancaire est refusée à chaque fois que j'essaie de régler le solde impayé.",
            "Pourquoi le prix de mon abonnement a-t-il augmenté sans aucun préavis ? Je n'ai "
            "jamais "
            "accepté ce nouveau tarif.",
            "Pourriez-vous m'envoyer toutes les factures de l'année dernière à {email} ? J'en ai "
            "besoin pour ma déclaration d'impôts.",
            "Je suis passé au paiement annuel, mais je suis toujours prélevé chaque mois.",
            "Je vois sur mon relevé bancaire un prélèvement de {amount} de votre part que je ne "
            "reconnais pas.",
            "Le prélèvement a été rejeté et mon compte affiche maintenant un impayé, alors que "
            "l'argent était bien là.",
        ),
    },
    "refund": {
        "en": (
            "I returned the {product} two weeks ago and still haven't received my money back.",
            "Please refund the {amount} for order {order_id}; the item arrived broken.",
            "Your colleague promised me a refund on {date}, but nothing has been credited to my "
            "card yet.",
            "I cancelled within the 14-day cooling-off period, so I expect a full refund.",
            "The refund I got was only partial, {amount} is still missing from the total.",
            "Can I get my money back for the unused months of my annual plan?",
            "Tracking says my return reached your warehouse on {date}. When will the credit note "
            "be issued?",
            "I paid for an order that was cancelled, please reverse the payment.",
        ),
        "nl": (
            "Ik heb het product {product} twee weken geleden teruggestuurd en heb mijn geld nog "
            "steeds niet terug.",
            "Graag het bedrag van {amount} voor bestelling {order_id} terugstorten, het artikel "
            "kwam kapot aan.",
            "Jullie medewerker beloofde op {date} een terugbetaling, maar er is nog niets op mijn "
            "rekening bijgeschreven.",
            "Ik heb binnen de bedenktijd van 14 dagen geannuleerd, dus ik verwacht het volledige "
            "bedrag terug.",
            "Ik heb maar een deel terugbetaald gekregen, er ontbreekt nog {amount}.",
            "Kan ik een refund krijgen voor de maanden van mijn jaarabonnement die ik niet "
            "gebruik?",
            "Volgens de track & trace is mijn retourpakket op {date} bij jullie magazijn "
            "afgeleverd. Wanneer krijg ik mijn geld terug?",
            "Ik heb betaald voor een bestelling die geannuleerd is, willen jullie de betaling "
            "terugdraaien?",
        ),
        "ro": (
            "Am returnat produsul {product} acum două săptămâni și încă nu mi-am primit banii "
            "înapoi.",
            "Vă rog să-mi rambursați suma de {amount} pentru comanda {order_id}, produsul a sosit "
            "spart.",
            "Colegul dumneavoastră mi-a promis pe {date} o rambursare, dar încă nu am primit nimic "
            "pe card.",
            "Am renunțat la comandă în termenul legal de 14 zile, așa că aștept restituirea "
            "integrală a banilor.",
            "Am primit doar o rambursare parțială, lipsesc {amount} din total.",
            "Pot primi banii înapoi pentru lunile neutilizate din abonamentul anual?",
            "Conform AWB-ului, coletul de retur a ajuns în depozitul vostru pe {date}. Când îmi "
            "returnați banii?",
            "Am plătit pentru o comandă care a fost anulată, vă rog să stornați plata.",
        ),
        "de": (
            "Ich habe den Artikel {product} vor zwei Wochen zurückgeschickt und mein Geld immer "
            "noch nicht zurückbekommen.",
            "Bitte erstatten Sie mir die {amount} für Bestellung {order_id}, die Ware kam "
            "beschädigt an.",
            "Ihr Kollege hat mir am {date} eine Rückerstattung zugesagt, aber bisher wurde nichts "
            "auf meiner Karte gutgeschrieben.",
            "Ich habe innerhalb der 14-tägigen Widerrufsfrist widerrufen und erwarte daher die "
            "volle Erstattung.",
            "Die Erstattung war nur teilweise, es fehlen noch {amount}.",
            "Bekomme ich das Geld für die ungenutzten Monate meines Jahresabos zurück?",
            "Laut Sendungsverfolgung ist meine Retoure am {date} in Ihrem Lager angekommen. Wann "
            "bekomme ich die Gutschrift?",
            "Ich habe eine Bestellung bezahlt, die storniert wurde. Bitte buchen Sie den Betrag "
            "zurück.",
        ),
        "fr": (
            "J'ai renvoyé l'article {product} il y a deux semaines et je n'ai toujours pas été "
            "remboursé.",
            "Merci de me rembourser les {amount} de la commande {order_id}, l'article est arrivé "
            "cassé.",
            "Votre collègue m'a promis un remboursement le {date}, mais rien n'a encore été "
            "crédité "
            "sur ma carte.",
            "J'ai exercé mon droit de rétractation dans le délai de 14 jours, j'attends donc un "
            "remboursement intégral.",
            "Le remboursement n'était que partiel : il manque encore {amount}.",
            "Est-il possible de récupérer l'argent des mois non utilisés de mon abonnement annuel "
            "?",
            "D'après le suivi, mon colis retour est arrivé à votre entrepôt le {date}. Quand "
            "recevrai-je l'avoir ?",
            "J'ai payé une commande qui a été annulée, merci de me restituer le montant.",
        ),
    },
    "account_access": {
        "en": (
            "I can't log in anymore, it keeps saying my password is incorrect even after I reset "
            "it.",
            "The password reset e-mail never arrives at {email}, and I've checked the spam folder.",
            "My account has been locked after too many attempts, how do I unlock it?",
            "I lost my phone and now I can't get past the two-factor authentication step.",
            "I no longer have access to the e-mail address on my account. Can you change it to "
            "{email}?",
            "When I sign in with Google I end up on a blank page with error {error_code}.",
            "The verification code you text me expires before it even arrives.",
            "My colleague left the company and I need the admin rights that were on his account.",
        ),
        "nl": (
            "Mijn login werkt niet meer: ik krijg steeds de melding dat mijn wachtwoord onjuist "
            "is, ook na het resetten.",
            "De e-mail om mijn wachtwoord te herstellen komt nooit aan op {email}, ook niet in de "
            "spam.",
            "Mijn account is geblokkeerd na te veel pogingen, hoe krijg ik het weer vrij?",
            "Ik ben mijn telefoon kwijt en kom nu niet meer door de tweestapsverificatie.",
            "Ik heb geen toegang meer tot het e-mailadres van mijn account. Kunnen jullie het "
            "wijzigen in {email}?",
            "Als ik via Google inlog, krijg ik een lege pagina met foutcode {error_code}.",
            "De sms-code verloopt al voordat hij binnen is, zo kan ik nooit inloggen.",
            "Een collega is uit dienst en ik heb de beheerdersrechten van zijn account nodig.",
        ),
        "ro": (
            "Nu-mi mai merge login-ul: primesc mereu mesajul că parola este greșită, chiar și după "
            "resetare.",
            "E-mailul de resetare a parolei nu ajunge niciodată la {email}, am verificat și "
            "folderul de spam.",
            "Contul meu a fost blocat după prea multe încercări. Cum îl pot debloca?",
            "Mi-am pierdut telefonul și acum nu mai pot trece de autentificarea în doi pași.",
            "Nu mai am acces la adresa de e-mail asociată contului. O puteți schimba în {email}?",
            "Când mă conectez cu Google, ajung pe o pagină goală cu eroarea {error_code}.",
            "Codul de verificare primit prin SMS expiră înainte să ajungă.",
            "Un coleg a plecat din firmă și trebuie să preiau drepturile de administrator ale "
            "contului său.",
        ),
        "de": (
            "Ich kann mich nicht mehr einloggen, angeblich ist mein Passwort falsch, auch nach dem "
            "Zurücksetzen.",
            "Die E-Mail zum Zurücksetzen des Passworts kommt bei {email} nie an, auch nicht im "
            "Spam-Ordner.",
            "Mein Konto wurde nach zu vielen Versuchen gesperrt. Wie kann ich es wieder "
            "entsperren?",
            "Ich habe mein Handy verloren und komme jetzt nicht mehr durch die "
            "Zwei-Faktor-Authentifizierung.",
            "Ich habe keinen Zugriff mehr auf die E-Mail-Adresse meines Kontos. Können Sie sie auf "
            "{email} ändern?",
            "Wenn ich mich mit Google anmelde, lande ich auf einer leeren Seite mit dem Fehler "
            "{error_code}.",
            "Der Bestätigungscode per SMS ist schon abgelaufen, bevor er überhaupt ankommt.",
            "Ein Kollege hat das Unternehmen verlassen und ich brauche die Admin-Rechte, die auf "
            "seinem Account lagen.",
        ),
        "fr": (
            "Le login ne marche plus : on me dit que mon mot de passe est incorrect, même après "
            "l'avoir réinitialisé.",
            "L'e-mail de réinitialisation du mot de passe n'arrive jamais sur {email}, j'ai aussi "
            "vérifié les spams.",
            "Mon compte a été bloqué après trop de tentatives. Comment puis-je le débloquer ?",
            "J'ai perdu mon téléphone et je ne peux plus passer l'étape de la double "
            "authentification.",
            "Je n'ai plus accès à l'adresse e-mail liée à mon compte. Pouvez-vous la remplacer par "
            "{email} ?",
            "Quand je me connecte avec Google, j'arrive sur une page blanche avec l'erreur "
            "{error_code}.",
            "Le code de vérification reçu par SMS expire avant même d'arriver.",
            "Un collègue a quitté l'entreprise et j'ai besoin des droits d'administrateur qui "
            "étaient sur son compte.",
        ),
    },
    "shipping_delivery": {
        "en": (
            "My order {order_id} was supposed to arrive on {date} but the tracking hasn't moved in "
            "days.",
            "The courier marked the parcel as delivered, but there's nothing at my door or with "
            "the neighbours.",
            "I received the wrong item: I ordered the {product} and got something completely "
            "different.",
            "The box arrived crushed and the {product} inside is damaged.",
            "How long does shipping to Ireland usually take? My package still says 'in transit'.",
            "The delivery driver left a card saying nobody was home, but I was in all day.",
            "Half of my order is missing, only one of the two packages showed up.",
            "Which carrier is handling order {order_id}? The tracking link gives a 404.",
        ),
        "nl": (
            "Mijn bestelling {order_id} zou op {date} geleverd worden, maar de track & trace staat "
            "al dagen stil.",
            "De bezorger heeft het pakket als afgeleverd gemarkeerd, maar er ligt niets voor de "
            "deur en ook niet bij de buren.",
            "Ik heb het verkeerde artikel ontvangen: ik had het product {product} besteld en kreeg "
            "iets heel anders.",
            "De doos was helemaal ingedeukt en het product {product} is beschadigd.",
            "Hoe lang duurt verzending naar België normaal? Mijn pakket staat nog steeds op "
            "'onderweg'.",
            "De bezorger liet een briefje achter dat er niemand thuis was, maar ik was de hele dag "
            "thuis.",
            "De helft van mijn bestelling ontbreekt, er is maar één van de twee pakketten "
            "aangekomen.",
            "Welke vervoerder verzorgt bestelling {order_id}? De trackinglink geeft een 404.",
        ),
        "ro": (
            "Comanda {order_id} trebuia să ajungă pe {date}, dar statusul din tracking nu s-a mai "
            "schimbat de câteva zile.",
            "Curierul a marcat coletul ca livrat, dar nu am primit nimic, nici la ușă, nici la "
            "vecini.",
            "Am primit alt produs: am comandat {product} și mi-a venit cu totul altceva.",
            "Cutia a ajuns strivită, iar produsul {product} din ea este deteriorat.",
            "Cât durează de obicei livrarea în Republica Moldova? Coletul meu figurează încă „în "
            "tranzit”.",
            "Curierul a lăsat un aviz că nu era nimeni acasă, deși am stat acasă toată ziua.",
            "Lipsește jumătate din comandă, a sosit doar unul dintre cele două colete.",
            "Ce firmă de curierat se ocupă de comanda {order_id}? Linkul de urmărire dă eroarea "
            "404.",
        ),
        "de": (
            "Meine Bestellung {order_id} sollte am {date} ankommen, aber die Sendungsverfolgung "
            "bewegt sich seit Tagen nicht.",
            "Der Paketdienst hat das Paket als zugestellt markiert, aber es liegt weder vor der "
            "Tür "
            "noch bei den Nachbarn.",
            "Ich habe den falschen Artikel bekommen: Bestellt hatte ich {product}, geliefert wurde "
            "etwas ganz anderes.",
            "Der Karton kam völlig zerdrückt an und der Artikel {product} darin ist beschädigt.",
            "Wie lange dauert der Versand nach Österreich normalerweise? Mein Paket ist immer noch "
            "„unterwegs“.",
            "Der Zusteller hat eine Benachrichtigungskarte hinterlassen, dass niemand da war, "
            "dabei war ich den ganzen Tag zu Hause.",
            "Die Hälfte meiner Bestellung fehlt, nur eines der beiden Pakete ist angekommen.",
            "Welcher Versanddienstleister hat die Bestellung {order_id}? Der Tracking-Link zeigt "
            "einen 404-Fehler.",
        ),
        "fr": (
            "Ma commande {order_id} devait arriver le {date}, mais le suivi n'a pas bougé depuis "
            "plusieurs jours.",
            "Le transporteur a indiqué le colis comme livré, mais il n'y a rien devant ma porte ni "
            "chez les voisins.",
            "J'ai reçu le mauvais article : j'avais commandé {product} et j'ai reçu tout autre "
            "chose.",
            "Le carton est arrivé écrasé et l'article {product} à l'intérieur est abîmé.",
            "Combien de temps prend une livraison vers la Belgique en général ? Mon colis est "
            "toujours « en transit ».",
            "Le livreur a laissé un avis de passage disant que personne n'était là, alors que "
            "j'étais chez moi toute la journée.",
            "Il manque la moitié de ma commande, un seul des deux colis est arrivé.",
            "Quel transporteur s'occupe de la commande {order_id} ? Le lien de suivi renvoie une "
            "erreur 404.",
        ),
    },
    "technical_bug": {
        "en": (
            "The app crashes every time I open the settings screen on Android.",
            "Exporting a report to PDF fails with error {error_code}.",
            "Since the last update the search doesn't find anything older than a week.",
            "When I upload a file larger than 10 MB the progress bar gets stuck at 99%.",
            "The dashboard shows totals that don't match the numbers in the detail view.",
            "Notifications arrive twice on my phone, and sometimes hours late.",
            "Clicking 'Save' in the editor does nothing in Safari, while it works fine in Chrome.",
            "The sync between the desktop app and the website silently drops some of my changes.",
        ),
        "nl": (
            "De app crasht elke keer als ik op Android het instellingenscherm open.",
            "Een rapport exporteren naar pdf mislukt met foutmelding {error_code}.",
            "Sinds de laatste update vindt de zoekfunctie niets meer dat ouder is dan een week.",
            "Bij het uploaden van een bestand groter dan 10 MB blijft de voortgangsbalk hangen op "
            "99%.",
            "Het dashboard toont totalen die niet overeenkomen met de cijfers in het "
            "detailoverzicht.",
            "Meldingen komen dubbel binnen op mijn telefoon, en soms uren te laat.",
            "Op 'Opslaan' klikken in de editor doet niets in Safari, in Chrome werkt het wel.",
            "De synchronisatie tussen de desktop-app en de website raakt ongemerkt een deel van "
            "mijn wijzigingen kwijt.",
        ),
        "ro": (
            "Aplicația se închide de fiecare dată când deschid ecranul de setări pe Android.",
            "Exportul unui raport în PDF eșuează cu eroarea {error_code}.",
            "De la ultima actualizare, căutarea nu mai găsește nimic mai vechi de o săptămână.",
            "Când încarc un fișier mai mare de 10 MB, bara de progres se blochează la 99%.",
            "Tabloul de bord afișează totaluri care nu corespund cu cifrele din vizualizarea "
            "detaliată.",
            "Notificările îmi apar de două ori pe telefon și uneori cu ore întârziere.",
            "Butonul „Salvează” din editor nu face nimic în Safari, dar în Chrome funcționează.",
            "Sincronizarea dintre aplicația desktop și site pierde pe tăcute o parte din "
            "modificările mele.",
        ),
        "de": (
            "Die App stürzt jedes Mal ab, wenn ich unter Android die Einstellungen öffne.",
            "Der Export eines Berichts als PDF schlägt mit dem Fehler {error_code} fehl.",
            "Seit dem letzten Update findet die Suche nichts mehr, was älter als eine Woche ist.",
            "Beim Hochladen einer Datei über 10 MB bleibt der Fortschrittsbalken bei 99 % hängen.",
            "Im Dashboard stimmen die Summen nicht mit den Zahlen in der Detailansicht überein.",
            "Benachrichtigungen kommen auf meinem Handy doppelt an, manchmal auch Stunden zu spät.",
            "Ein Klick auf „Speichern“ im Editor bewirkt in Safari nichts, in Chrome funktioniert "
            "es.",
            "Die Synchronisierung zwischen Desktop-App und Website verschluckt stillschweigend "
            "einen Teil meiner Änderungen.",
        ),
        "fr": (
            "L'application plante à chaque fois que j'ouvre l'écran des paramètres sur Android.",
            "L'export d'un rapport en PDF échoue avec l'erreur {error_code}.",
            "Depuis la dernière mise à jour, la recherche ne trouve plus rien qui date de plus "
            "d'une semaine.",
            "Quand j'envoie un fichier de plus de 10 Mo, la barre de progression reste bloquée à "
            "99 %.",
            "Le tableau de bord affiche des totaux qui ne correspondent pas aux chiffres de la vue "
            "détaillée.",
            "Les notifications arrivent en double sur mon téléphone, et parfois avec des heures de "
            "retard.",
            "Cliquer sur « Enregistrer » dans l'éditeur ne fait rien sous Safari, alors que ça "
            "marche sous Chrome.",
            "La synchronisation entre l'application de bureau et le site perd sans prévenir une "
            "partie de mes modifications.",
        ),
    },
    "outage": {
        "en": (
            "Your whole platform seems to be down, none of our users can load the site.",
            "We're getting {error_code} on every single request since about 9 this morning.",
            "The API has been timing out for the past hour and our checkout is completely blocked.",
            "Is there a known outage? Nothing loads, neither the app nor the website.",
            "Our entire team is locked out because the login service isn't responding at all.",
            "Payments are failing for every customer in our shop, this is costing us money by the "
            "minute.",
            "Your status page says everything is operational, but the service has been unreachable "
            "for 40 minutes.",
            "No e-mails at all have gone out from your system since last night.",
        ),
        "nl": (
            "Jullie hele platform lijkt plat te liggen, geen van onze gebruikers kan de site "
            "laden.",
            "Sinds ongeveer negen uur vanochtend krijgen we bij elke aanvraag {error_code}.",
            "De API geeft al een uur lang time-outs en onze checkout ligt volledig stil.",
            "Is er een storing bekend? Er laadt helemaal niets, niet de app en niet de website.",
            "Ons hele team kan er niet meer in omdat de inlogdienst totaal niet reageert.",
            "Betalingen mislukken voor alle klanten in onze webshop, dit kost ons elke minuut "
            "geld.",
            "Jullie statuspagina zegt dat alles werkt, maar de dienst is al 40 minuten "
            "onbereikbaar.",
            "Sinds gisteravond worden er helemaal geen e-mails meer vanuit jullie systeem "
            "verstuurd.",
        ),
        "ro": (
            "Toată platforma voastră pare să fie căzută, niciunul dintre utilizatorii noștri nu "
            "poate încărca site-ul.",
            "De azi-dimineață, de pe la ora 9, primim {error_code} la fiecare cerere.",
            "API-ul dă timeout de o oră și procesul nostru de checkout este complet blocat.",
            "Există o întrerupere cunoscută? Nu se încarcă nimic, nici aplicația, nici site-ul.",
            "Toată echipa noastră e blocată pentru că serviciul de autentificare nu mai răspunde "
            "deloc.",
            "Plățile eșuează pentru toți clienții din magazinul nostru online, pierdem bani în "
            "fiecare minut.",
            "Pagina de status spune că totul funcționează, dar serviciul este indisponibil de 40 "
            "de "
            "minute.",
            "Din seara trecută nu se mai trimite niciun e-mail din sistemul vostru.",
        ),
        "de": (
            "Ihre gesamte Plattform scheint down zu sein, keiner unserer Nutzer kann die Seite "
            "laden.",
            "Seit etwa 9 Uhr heute Morgen bekommen wir bei jeder Anfrage {error_code}.",
            "Die API läuft seit einer Stunde in Timeouts und unser Checkout ist komplett "
            "blockiert.",
            "Gibt es eine bekannte Störung? Es lädt gar nichts, weder die App noch die Website.",
            "Unser ganzes Team kommt nicht mehr rein, weil der Login-Dienst überhaupt nicht "
            "antwortet.",
            "Zahlungen schlagen bei allen Kunden in unserem Shop fehl, das kostet uns jede Minute "
            "Geld.",
            "Laut Ihrer Statusseite läuft alles, aber der Dienst ist seit 40 Minuten nicht "
            "erreichbar.",
            "Seit gestern Abend werden aus Ihrem System überhaupt keine E-Mails mehr verschickt.",
        ),
        "fr": (
            "Toute votre plateforme semble en panne, aucun de nos utilisateurs ne peut charger le "
            "site.",
            "Depuis 9 h environ ce matin, nous recevons {error_code} à chaque requête.",
            "L'API est en timeout depuis une heure et notre tunnel de paiement est complètement "
            "bloqué.",
            "Y a-t-il une panne en cours ? Plus rien ne se charge, ni l'application ni le site.",
            "Toute notre équipe est bloquée car le service de connexion ne répond plus du tout.",
            "Les paiements échouent pour tous les clients de notre boutique, cela nous coûte de "
            "l'argent à chaque minute.",
            "Votre page de statut indique que tout fonctionne, mais le service est injoignable "
            "depuis 40 minutes.",
            "Depuis hier soir, plus aucun e-mail ne part de votre système.",
        ),
    },
    "cancellation": {
        "en": (
            "Please cancel my subscription at the end of the current billing period.",
            "I want to close my account and have all my data removed.",
            "How do I stop the automatic renewal? I can't find the option anywhere.",
            "We're moving to another provider, so we won't renew the contract when it ends on "
            "{date}.",
            "I no longer need the service, please terminate my membership as of today.",
            "I tried to cancel online but the button just takes me back to the pricing page.",
            "Can I downgrade to the free plan instead of cancelling completely?",
            "Please confirm in writing that my contract is terminated and that no further payments "
            "will be taken.",
        ),
        "nl": (
            "Graag mijn abonnement opzeggen per het einde van de huidige periode.",
            "Ik wil mijn account opheffen en al mijn gegevens laten verwijderen.",
            "Hoe zet ik de automatische verlenging uit? Ik kan de optie nergens vinden.",
            "We stappen over naar een andere aanbieder en verlengen ons contract dus niet wanneer "
            "het op {date} afloopt.",
            "Ik heb de dienst niet meer nodig, beëindig mijn lidmaatschap alstublieft per vandaag.",
            "Ik probeerde online op te zeggen, maar de knop stuurt me gewoon terug naar de "
            "prijspagina.",
            "Kan ik overstappen naar het gratis abonnement in plaats van helemaal op te zeggen?",
            "Bevestig alstublieft schriftelijk dat mijn contract is beëindigd en dat er niets meer "
            "wordt afgeschreven.",
        ),
        "ro": (
            "Vă rog să-mi anulați abonamentul la sfârșitul perioadei de facturare curente.",
            "Vreau să-mi închid contul și să-mi fie șterse toate datele.",
            "Cum opresc reînnoirea automată? Nu găsesc opțiunea nicăieri.",
            "Trecem la alt furnizor, așa că nu vom prelungi contractul când expiră pe {date}.",
            "Nu mai am nevoie de serviciu, vă rog să-mi încetați abonamentul începând de azi.",
            "Am încercat să anulez online, dar butonul mă trimite înapoi la pagina de prețuri.",
            "Pot trece pe planul gratuit în loc să renunț complet?",
            "Vă rog să-mi confirmați în scris că mi-ați reziliat contractul și că nu se vor mai "
            "face plăți.",
        ),
        "de": (
            "Bitte kündigen Sie mein Abo zum Ende des aktuellen Abrechnungszeitraums.",
            "Ich möchte mein Konto schließen und alle meine Daten löschen lassen.",
            "Wie schalte ich die automatische Verlängerung ab? Ich finde die Option nirgends.",
            "Wir wechseln zu einem anderen Anbieter und werden den Vertrag, der am {date} "
            "ausläuft, "
            "nicht verlängern.",
            "Ich brauche den Dienst nicht mehr, bitte beenden Sie meine Mitgliedschaft zum "
            "heutigen Tag.",
            "Ich wollte online kündigen, aber der Button führt mich nur zurück zur Preisseite.",
            "Kann ich statt einer Kündigung auch in den kostenlosen Tarif wechseln?",
            "Bitte bestätigen Sie mir schriftlich die Kündigung und dass keine weiteren "
            "Abbuchungen "
            "erfolgen.",
        ),
        "fr": (
            "Merci de résilier mon abonnement à la fin de la période de facturation en cours.",
            "Je souhaite fermer mon compte et faire supprimer toutes mes données.",
            "Comment désactiver le renouvellement automatique ? Je ne trouve l'option nulle part.",
            "Nous passons chez un autre fournisseur et ne renouvellerons pas le contrat qui se "
            "termine le {date}.",
            "Je n'ai plus besoin du service, merci de mettre fin à mon adhésion dès aujourd'hui.",
            "J'ai essayé de résilier en ligne, mais le bouton me renvoie vers la page des tarifs.",
            "Puis-je passer à l'offre gratuite au lieu de résilier complètement ?",
            "Merci de me confirmer par écrit la résiliation de mon contrat et l'arrêt de tout "
            "prélèvement.",
        ),
    },
    "feature_request": {
        "en": (
            "It would be great if you could add {feature}.",
            "Are there any plans to support {feature}? We'd use it every day.",
            "Suggestion: let us choose which screen the app opens with.",
            "Could you make it possible to share a project with people outside our organisation?",
            "I'd love to see {feature} in a future release.",
            "Please consider adding keyboard shortcuts for the most common actions.",
            "Our team really misses {feature}; your competitors already offer it.",
            "An integration with Slack would save us a lot of copy-pasting.",
        ),
        "nl": (
            "Het zou top zijn als jullie {feature} konden toevoegen.",
            "Zijn er plannen om {feature} te ondersteunen? Wij zouden het dagelijks gebruiken.",
            "Suggestie: laat ons zelf kiezen met welk scherm de app opstart.",
            "Kunnen jullie het mogelijk maken om een project te delen met mensen buiten onze "
            "organisatie?",
            "Ik zou graag {feature} zien in een volgende versie.",
            "Overweeg alsjeblieft sneltoetsen voor de meest gebruikte acties.",
            "Ons team mist echt {feature}, de concurrentie biedt dat al aan.",
            "Een koppeling met Slack zou ons een hoop kopiëren en plakken besparen.",
        ),
        "ro": (
            "Ar fi grozav dacă ați adăuga {feature}.",
            "Aveți în plan să oferiți {feature}? Ne-ar fi de folos zilnic.",
            "O sugestie: lăsați-ne să alegem ecranul cu care pornește aplicația.",
            "Ați putea face posibilă partajarea unui proiect cu persoane din afara organizației "
            "noastre?",
            "Mi-ar plăcea să văd {feature} într-o versiune viitoare.",
            "Vă rog să luați în calcul scurtături de tastatură pentru acțiunile cele mai folosite.",
            "Echipa noastră ar avea mare nevoie de {feature}, concurența are deja așa ceva.",
            "O integrare cu Slack ne-ar scuti de mult copy-paste.",
        ),
        "de": (
            "Es wäre super, wenn Sie {feature} einbauen könnten.",
            "Gibt es Pläne für {feature}? Wir würden das täglich nutzen.",
            "Vorschlag: Lassen Sie uns selbst wählen, mit welcher Ansicht die App startet.",
            "Könnten Sie es ermöglichen, ein Projekt mit Personen außerhalb unserer Organisation "
            "zu teilen?",
            "Ich würde mich über {feature} in einer der nächsten Versionen freuen.",
            "Bitte denken Sie über Tastenkürzel für die häufigsten Aktionen nach.",
            "Unser Team vermisst {feature} sehr, die Konkurrenz bietet das längst an.",
            "Eine Integration mit Slack würde uns viel Copy-and-paste ersparen.",
        ),
        "fr": (
            "Ce serait génial si vous pouviez ajouter {feature}.",
            "Avez-vous prévu de proposer {feature} ? Nous nous en servirions tous les jours.",
            "Suggestion : laissez-nous choisir l'écran sur lequel l'application s'ouvre.",
            "Pourriez-vous permettre de partager un projet avec des personnes extérieures à notre "
            "organisation ?",
            "J'aimerais beaucoup voir {feature} dans une prochaine version.",
            "Merci d'envisager des raccourcis clavier pour les actions les plus courantes.",
            "Il manque vraiment {feature} à notre équipe, la concurrence le propose déjà.",
            "Une intégration avec Slack nous éviterait beaucoup de copier-coller.",
        ),
    },
    "security_incident": {
        "en": (
            "I got an alert about a login from a country I've never been to, and my password was "
            "changed.",
            "Someone placed order {order_id} with my saved card, and it wasn't me.",
            "I think my account has been hacked: the e-mail address was changed to one I don't "
            "know.",
            "We received a phishing e-mail that looks exactly like your invoices, with a link to "
            "{url}.",
            "One of our API keys was accidentally published on GitHub, how do we revoke it "
            "immediately?",
            "There are admin users in our workspace that nobody on our team created.",
            "Our security scanner flagged that your login page allows unlimited password attempts.",
            "My saved card was used for three purchases I never made, {amount} in total.",
        ),
        "nl": (
            "Ik kreeg een melding over een inlogpoging vanuit een land waar ik nooit ben geweest, "
            "en mijn wachtwoord is gewijzigd.",
            "Iemand heeft bestelling {order_id} geplaatst met mijn opgeslagen kaart, dat was ik "
            "niet.",
            "Ik denk dat mijn account gehackt is: het e-mailadres is gewijzigd in een adres dat ik "
            "niet ken.",
            "We hebben een phishingmail ontvangen die precies op jullie facturen lijkt, met een "
            "link naar {url}.",
            "Een van onze API-sleutels is per ongeluk op GitHub gepubliceerd, hoe trekken we die "
            "direct in?",
            "Er staan beheerders in onze omgeving die niemand van ons team heeft aangemaakt.",
            "Onze securityscanner meldt dat jullie inlogpagina onbeperkt wachtwoordpogingen "
            "toestaat.",
            "Met mijn opgeslagen kaart zijn drie aankopen gedaan die ik nooit heb gedaan, samen "
            "{amount}.",
        ),
        "ro": (
            "Am primit o alertă despre o autentificare dintr-o țară în care n-am fost niciodată, "
            "iar parola mi-a fost schimbată.",
            "Cineva a plasat comanda {order_id} cu cardul meu salvat, nu am fost eu.",
            "Cred că mi-a fost spart contul: adresa de e-mail a fost schimbată cu una pe care nu o "
            "cunosc.",
            "Am primit un e-mail de phishing care arată exact ca facturile voastre, cu un link "
            "către {url}.",
            "Una dintre cheile noastre API a fost publicată din greșeală pe GitHub. Cum o revocăm "
            "imediat?",
            "În spațiul nostru de lucru există administratori pe care nu i-a creat nimeni din "
            "echipă.",
            "Scannerul nostru de securitate a semnalat că pagina voastră de login permite un număr "
            "nelimitat de încercări de parolă.",
            "Cu cardul meu salvat s-au făcut trei cumpărături pe care nu le-am făcut eu, în total "
            "{amount}.",
        ),
        "de": (
            "Ich habe eine Warnung über einen Login aus einem Land bekommen, in dem ich nie war, "
            "und mein Passwort wurde geändert.",
            "Jemand hat mit meiner hinterlegten Karte die Bestellung {order_id} aufgegeben, das "
            "war "
            "nicht ich.",
            "Ich glaube, mein Konto wurde gehackt: Die E-Mail-Adresse wurde auf eine mir "
            "unbekannte geändert.",
            "Wir haben eine Phishing-Mail erhalten, die genau wie Ihre Rechnungen aussieht, mit "
            "einem Link zu {url}.",
            "Einer unserer API-Schlüssel wurde versehentlich auf GitHub veröffentlicht. Wie "
            "sperren "
            "wir ihn sofort?",
            "In unserem Workspace gibt es Administratoren, die niemand aus unserem Team angelegt "
            "hat.",
            "Unser Sicherheitsscanner meldet, dass Ihre Login-Seite unbegrenzt viele "
            "Passwortversuche zulässt.",
            "Mit meiner gespeicherten Karte wurden drei Käufe getätigt, die ich nie gemacht habe, "
            "insgesamt {amount}.",
        ),
        "fr": (
            "J'ai reçu une alerte de connexion depuis un pays où je ne suis jamais allé, et mon "
            "mot "
            "de passe a été modifié.",
            "Quelqu'un a passé la commande {order_id} avec ma carte enregistrée, ce n'était pas "
            "moi.",
            "Je pense que mon compte a été piraté : mon adresse e-mail a été remplacée par une "
            "adresse que je ne connais pas.",
            "Nous avons reçu un e-mail d'hameçonnage qui ressemble exactement à vos factures, avec "
            "un lien vers {url}.",
            "Une de nos clés API a été publiée par erreur sur GitHub, comment la révoquer "
            "immédiatement ?",
            "Il y a dans notre espace de travail des administrateurs que personne de notre équipe "
            "n'a créés.",
            "Notre scanner de sécurité signale que votre page de connexion accepte un nombre "
            "illimité de tentatives de mot de passe.",
            "Ma carte enregistrée a servi à trois achats que je n'ai jamais faits, pour un total "
            "de "
            "{amount}.",
        ),
    },
    "privacy_gdpr": {
        "en": (
            "Under the GDPR I request a copy of all personal data you hold about me.",
            "Please erase all my personal data and confirm once it's done.",
            "Why am I still getting marketing e-mails at {email} after unsubscribing twice?",
            "Which third parties do you share my data with, and on what legal basis?",
            "Our DPO needs a signed data processing agreement before we can keep using your "
            "service.",
            "I never gave consent for my phone number to be used for advertising.",
            "Please correct my date of birth and address in your records, they're out of date.",
            "Where are your servers located? We need to know whether our data leaves the EU.",
        ),
        "nl": (
            "Op grond van de AVG vraag ik een kopie op van alle persoonsgegevens die jullie van "
            "mij "
            "hebben.",
            "Verwijder alstublieft al mijn persoonsgegevens en bevestig wanneer dat gebeurd is.",
            "Waarom krijg ik nog steeds marketingmails op {email} terwijl ik me twee keer heb "
            "afgemeld?",
            "Met welke derde partijen delen jullie mijn gegevens, en op welke rechtsgrond?",
            "Onze FG wil eerst een getekende verwerkersovereenkomst voordat we jullie dienst "
            "verder "
            "gebruiken.",
            "Ik heb nooit toestemming gegeven om mijn telefoonnummer voor reclame te gebruiken.",
            "Pas alstublieft mijn geboortedatum en adres aan in jullie administratie, die zijn "
            "verouderd.",
            "Waar staan jullie servers? We moeten weten of onze gegevens de EU verlaten.",
        ),
        "ro": (
            "În baza GDPR, solicit o copie a tuturor datelor cu caracter personal pe care le "
            "dețineți despre mine.",
            "Vă rog să ștergeți toate datele mele personale și să-mi confirmați când ați terminat.",
            "De ce primesc în continuare e-mailuri de marketing pe {email}, deși m-am dezabonat de "
            "două ori?",
            "Cu ce terți îmi partajați datele și în ce temei legal?",
            "Responsabilul nostru cu protecția datelor are nevoie de un acord de prelucrare a "
            "datelor semnat înainte să continuăm colaborarea.",
            "Nu mi-am dat niciodată acordul ca numărul meu de telefon să fie folosit în scop "
            "publicitar.",
            "Vă rog să-mi corectați data nașterii și adresa în evidențele voastre, sunt depășite.",
            "Unde se află serverele voastre? Trebuie să știm dacă datele noastre părăsesc UE.",
        ),
        "de": (
            "Gemäß DSGVO verlange ich eine Kopie aller personenbezogenen Daten, die Sie über mich "
            "gespeichert haben.",
            "Bitte löschen Sie alle meine personenbezogenen Daten und bestätigen Sie mir die "
            "Löschung.",
            "Warum bekomme ich an {email} immer noch Werbe-E-Mails, obwohl ich mich zweimal "
            "abgemeldet habe?",
            "An welche Dritten geben Sie meine Daten weiter, und auf welcher Rechtsgrundlage?",
            "Unser Datenschutzbeauftragter braucht einen unterschriebenen AV-Vertrag, bevor wir "
            "Ihren Dienst weiter nutzen.",
            "Ich habe nie eingewilligt, dass meine Telefonnummer für Werbung verwendet wird.",
            "Bitte korrigieren Sie mein Geburtsdatum und meine Adresse in Ihren Unterlagen, beides "
            "ist veraltet.",
            "Wo stehen Ihre Server? Wir müssen wissen, ob unsere Daten die EU verlassen.",
        ),
        "fr": (
            "Conformément au RGPD, je demande une copie de toutes les données personnelles que "
            "vous "
            "détenez sur moi.",
            "Merci de supprimer toutes mes données personnelles et de me confirmer quand ce sera "
            "fait.",
            "Pourquoi est-ce que je reçois encore des e-mails publicitaires sur {email} alors que "
            "je me suis désabonné deux fois ?",
            "Avec quels tiers partagez-vous mes données, et sur quelle base légale ?",
            "Notre DPO a besoin d'un accord de traitement des données signé avant que nous "
            "continuions à utiliser votre service.",
            "Je n'ai jamais donné mon consentement pour que mon numéro de téléphone soit utilisé à "
            "des fins publicitaires.",
            "Merci de corriger ma date de naissance et mon adresse dans vos fichiers, elles ne "
            "sont "
            "plus à jour.",
            "Où se trouvent vos serveurs ? Nous devons savoir si nos données quittent l'UE.",
        ),
    },
    "product_question": {
        "en": (
            "Is the {product} compatible with Apple HomeKit?",
            "What's the difference between the Basic and the Pro plan?",
            "Does the {product} come with a charger, or do I need to buy one separately?",
            "Can I use one licence on both my laptop and my desktop?",
            "How long is the warranty on the {product}?",
            "Do you offer discounts for non-profit organisations or schools?",
            "Is there a way to try the Pro features before I upgrade?",
            "What are the exact dimensions of the {product}? I want to be sure it fits on my desk.",
        ),
        "nl": (
            "Werkt het product {product} met Apple HomeKit?",
            "Wat is het verschil tussen het Basic- en het Pro-abonnement?",
            "Zit er bij het product {product} een oplader, of moet ik die apart kopen?",
            "Mag ik één licentie gebruiken op zowel mijn laptop als mijn desktop?",
            "Hoe lang is de garantie op het product {product}?",
            "Geven jullie korting aan non-profitorganisaties of scholen?",
            "Kan ik de Pro-functies eerst uitproberen voordat ik upgrade?",
            "Wat zijn de precieze afmetingen van het product {product}? Ik wil zeker weten dat het "
            "op mijn bureau past.",
        ),
        "ro": (
            "Este produsul {product} compatibil cu Apple HomeKit?",
            "Care este diferența dintre planul Basic și planul Pro?",
            "Produsul {product} vine cu încărcător sau trebuie să-l cumpăr separat?",
            "Pot folosi o singură licență atât pe laptop, cât și pe desktop?",
            "Cât este garanția pentru produsul {product}?",
            "Oferiți reduceri pentru ONG-uri sau școli?",
            "Există vreo modalitate de a încerca funcțiile Pro înainte să fac upgrade?",
            "Care sunt dimensiunile exacte ale produsului {product}? Vreau să fiu sigur că încape "
            "pe birou.",
        ),
        "de": (
            "Ist das Gerät {product} mit Apple HomeKit kompatibel?",
            "Was ist der Unterschied zwischen dem Basic- und dem Pro-Tarif?",
            "Ist beim Artikel {product} ein Ladegerät dabei oder muss ich es separat kaufen?",
            "Darf ich eine Lizenz sowohl auf meinem Laptop als auch auf meinem Desktop-PC nutzen?",
            "Wie lange gilt die Garantie auf das Produkt {product}?",
            "Bieten Sie Rabatte für gemeinnützige Organisationen oder Schulen an?",
            "Kann ich die Pro-Funktionen vor einem Upgrade erst einmal testen?",
            "Welche genauen Maße hat das Produkt {product}? Ich möchte sicher sein, dass es auf "
            "meinen Schreibtisch passt.",
        ),
        "fr": (
            "Le produit {product} est-il compatible avec Apple HomeKit ?",
            "Quelle est la différence entre l'offre Basic et l'offre Pro ?",
            "Le produit {product} est-il livré avec un chargeur, ou faut-il l'acheter séparément ?",
            "Puis-je utiliser une seule licence sur mon ordinateur portable et sur mon ordinateur "
            "fixe ?",
            "Quelle est la durée de la garantie du produit {product} ?",
            "Proposez-vous des réductions pour les associations ou les écoles ?",
            "Est-il possible d'essayer les fonctionnalités Pro avant de passer à l'offre "
            "supérieure ?",
            "Quelles sont les dimensions exactes du produit {product} ? Je veux être sûr qu'il "
            "tienne sur mon bureau.",
        ),
    },
    "complaint": {
        "en": (
            "This is the third time I've had to contact you about the same problem, and nobody "
            "ever gets back to me.",
            "Your customer service is a joke: I was on hold for 45 minutes and then got cut off.",
            "The quality of the {product} is nowhere near what your website promises.",
            "I was charged for something I never ordered, and your agent was rude to me on the "
            "phone.",
            "I'm extremely disappointed with how my order {order_id} was handled from start to "
            "finish.",
            "Your driver threw the package over the fence and damaged my garden.",
            "I've been a loyal customer for years and this is how you treat me?",
            "I asked for a refund weeks ago and all I get are automated replies.",
        ),
        "nl": (
            "Dit is al de derde keer dat ik jullie over hetzelfde probleem contacteer, en niemand "
            "reageert ooit.",
            "Jullie klantenservice is een lachertje: 45 minuten in de wacht en daarna werd de "
            "verbinding verbroken.",
            "De kwaliteit van het product {product} komt bij lange na niet overeen met wat jullie "
            "website belooft.",
            "Ik heb moeten betalen voor iets wat ik nooit besteld heb, en jullie medewerker was "
            "aan "
            "de telefoon ook nog eens onbeschoft.",
            "Ik ben ontzettend teleurgesteld over hoe bestelling {order_id} van begin tot eind is "
            "afgehandeld.",
            "Jullie bezorger gooide het pakket over het hek en heeft mijn tuin beschadigd.",
            "Ik ben al jaren een trouwe klant en zo gaan jullie met me om?",
            "Ik heb weken geleden om mijn geld terug gevraagd en krijg alleen maar automatische "
            "antwoorden.",
        ),
        "ro": (
            "Este a treia oară când vă contactez pentru aceeași problemă și nu îmi răspunde "
            "nimeni.",
            "Serviciul vostru de relații cu clienții e o bătaie de joc: am așteptat 45 de minute "
            "la "
            "telefon, apoi mi s-a închis.",
            "Calitatea produsului {product} nu are nicio legătură cu ce promiteți pe site.",
            "Am plătit pentru ceva ce n-am comandat niciodată, iar operatorul vostru a fost "
            "nepoliticos la telefon.",
            "Sunt extrem de dezamăgit de felul în care a fost gestionată comanda {order_id} de la "
            "început până la sfârșit.",
            "Curierul vostru a aruncat coletul peste gard și mi-a distrus grădina.",
            "Sunt client fidel de ani de zile și așa mă tratați?",
            "Am cerut banii înapoi acum câteva săptămâni și primesc doar răspunsuri automate.",
        ),
        "de": (
            "Das ist jetzt das dritte Mal, dass ich mich wegen desselben Problems melde, und "
            "niemand meldet sich zurück.",
            "Ihr Kundenservice ist ein Witz: 45 Minuten in der Warteschleife und dann wurde ich "
            "einfach rausgeworfen.",
            "Die Qualität des Produkts {product} hat mit dem, was Ihre Website verspricht, nichts "
            "zu tun.",
            "Mir wurde etwas berechnet, das ich nie bestellt habe, und Ihr Mitarbeiter war am "
            "Telefon auch noch unhöflich.",
            "Ich bin äußerst enttäuscht, wie meine Bestellung {order_id} von Anfang bis Ende "
            "abgewickelt wurde.",
            "Ihr Fahrer hat das Paket über den Zaun geworfen und dabei meinen Garten beschädigt.",
            "Ich bin seit Jahren treuer Kunde und so werde ich behandelt?",
            "Ich habe vor Wochen um eine Erstattung gebeten und bekomme nur automatische "
            "Antworten.",
        ),
        "fr": (
            "C'est la troisième fois que je vous contacte pour le même problème, et personne ne me "
            "répond jamais.",
            "Votre service client est une plaisanterie : 45 minutes d'attente au téléphone, puis "
            "on m'a raccroché au nez.",
            "La qualité du produit {product} est très loin de ce que promet votre site.",
            "On m'a facturé quelque chose que je n'ai jamais commandé, et votre conseiller a été "
            "impoli au téléphone.",
            "Je suis extrêmement déçu de la façon dont ma commande {order_id} a été traitée du "
            "début à la fin.",
            "Votre livreur a jeté le colis par-dessus la clôture et a abîmé mon jardin.",
            "Je suis un client fidèle depuis des années et c'est comme ça que vous me traitez ?",
            "J'ai demandé un remboursement il y a des semaines et je ne reçois que des réponses "
            "automatiques.",
        ),
    },
    "order_change": {
        "en": (
            "Can I still change the delivery address for order {order_id}? I'm moving next week.",
            "I ordered the wrong size, could you swap it before it ships?",
            "Please add a second {product} to my order if it hasn't been packed yet.",
            "I'd like to change the payment method on my order from card to bank transfer.",
            "Could you hold my order until {date}? I'm away until then.",
            "Please remove the {product} from order {order_id}, I only need the other items.",
            "Is it possible to upgrade my order to express shipping?",
            "I made a typo in the house number on my order, it should be 12 instead of 21.",
        ),
        "nl": (
            "Kan ik het bezorgadres van bestelling {order_id} nog wijzigen? Ik verhuis volgende "
            "week.",
            "Ik heb de verkeerde maat besteld, kunnen jullie die omruilen voordat het pakket "
            "verstuurd wordt?",
            "Voeg alstublieft nog een exemplaar van {product} toe aan mijn bestelling, als die nog "
            "niet is ingepakt.",
            "Ik wil de betaalmethode van mijn bestelling wijzigen van creditcard naar "
            "bankoverschrijving.",
            "Kunnen jullie mijn bestelling tot {date} vasthouden? Ik ben tot dan op vakantie.",
            "Haal het product {product} alstublieft uit bestelling {order_id}, ik heb alleen de "
            "andere artikelen nodig.",
            "Is het mogelijk mijn bestelling alsnog met spoedlevering te versturen?",
            "Ik heb een tikfout gemaakt in het huisnummer van mijn bestelling: het moet 12 zijn in "
            "plaats van 21.",
        ),
        "ro": (
            "Mai pot schimba adresa de livrare pentru comanda {order_id}? Mă mut săptămâna "
            "viitoare.",
            "Am comandat mărimea greșită, o puteți schimba înainte de expediere?",
            "Vă rog să mai adăugați un exemplar din {product} la comanda mea, dacă nu a fost încă "
            "împachetată.",
            "Aș vrea să schimb metoda de plată a comenzii din card în transfer bancar.",
            "Puteți să-mi țineți comanda până pe {date}? Sunt plecat până atunci.",
            "Vă rog să scoateți produsul {product} din comanda {order_id}, am nevoie doar de "
            "celelalte articole.",
            "Se poate trece comanda mea pe livrare expres?",
            "Am greșit numărul casei în comandă: trebuie să fie 12, nu 21.",
        ),
        "de": (
            "Kann ich die Lieferadresse für Bestellung {order_id} noch ändern? Ich ziehe nächste "
            "Woche um.",
            "Ich habe die falsche Größe bestellt, können Sie das vor dem Versand noch tauschen?",
            "Bitte fügen Sie meiner Bestellung noch ein weiteres Exemplar von {product} hinzu, "
            "falls sie noch nicht gepackt ist.",
            "Ich möchte die Zahlungsart meiner Bestellung von Kreditkarte auf Überweisung "
            "umstellen.",
            "Könnten Sie meine Bestellung bis zum {date} zurückhalten? Bis dahin bin ich verreist.",
            "Bitte entfernen Sie den Artikel {product} aus der Bestellung {order_id}, ich brauche "
            "nur die anderen Sachen.",
            "Kann meine Bestellung noch auf Expressversand umgestellt werden?",
            "Ich habe mich bei der Hausnummer vertippt: Es muss 12 statt 21 heißen.",
        ),
        "fr": (
            "Puis-je encore modifier l'adresse de livraison de la commande {order_id} ? Je "
            "déménage la semaine prochaine.",
            "J'ai commandé la mauvaise taille, pouvez-vous l'échanger avant l'expédition ?",
            "Merci d'ajouter un deuxième exemplaire du produit {product} à ma commande si elle "
            "n'est pas encore emballée.",
            "J'aimerais changer le mode de paiement de ma commande : virement au lieu de la carte.",
            "Pourriez-vous garder ma commande jusqu'au {date} ? Je suis absent jusque-là.",
            "Merci de retirer l'article {product} de la commande {order_id}, je n'ai besoin que "
            "des "
            "autres articles.",
            "Est-il possible de passer ma commande en livraison express ?",
            "Je me suis trompé de numéro de rue dans ma commande : c'est 12 et non 21.",
        ),
    },
}

# Topic -> language -> e-mail/web subject lines. Subjects are shared by train and test (only the
# core phrasings are held out), so they stay short and generic-ish, like real ones.
SUBJECTS: dict[str, Phrasebook] = {
    "billing": {
        "en": ("Question about my invoice", "Double charge", "Invoice {order_id}", "Payment issue"),
        "nl": (
            "Vraag over mijn factuur",
            "Dubbele afschrijving",
            "Factuur {order_id}",
            "Probleem met betaling",
        ),
        "ro": (
            "Întrebare despre factură",
            "Plată dublă",
            "Factura {order_id}",
            "Problemă cu plata",
        ),
        "de": (
            "Frage zu meiner Rechnung",
            "Doppelte Abbuchung",
            "Rechnung {order_id}",
            "Problem mit der Zahlung",
        ),
        "fr": (
            "Question sur ma facture",
            "Double prélèvement",
            "Facture {order_id}",
            "Problème de paiement",
        ),
    },
    "refund": {
        "en": ("Refund request", "Where is my refund?", "Money back for {order_id}", "Return"),
        "nl": ("Verzoek om terugbetaling", "Waar blijft mijn geld?", "Refund {order_id}", "Retour"),
        "ro": (
            "Cerere de rambursare",
            "Când primesc banii înapoi?",
            "Rambursare {order_id}",
            "Retur",
        ),
        "de": ("Erstattung", "Wo bleibt meine Rückerstattung?", "Gutschrift {order_id}", "Retoure"),
        "fr": (
            "Demande de remboursement",
            "Où en est mon remboursement ?",
            "Remboursement {order_id}",
            "Retour",
        ),
    },
    "account_access": {
        "en": ("Can't log in", "Account locked", "Password reset not working", "Login problem"),
        "nl": (
            "Kan niet inloggen",
            "Account geblokkeerd",
            "Wachtwoord resetten lukt niet",
            "Probleem met login",
        ),
        "ro": (
            "Nu mă pot conecta",
            "Cont blocat",
            "Resetarea parolei nu merge",
            "Problemă la autentificare",
        ),
        "de": (
            "Login nicht möglich",
            "Konto gesperrt",
            "Passwort zurücksetzen klappt nicht",
            "Anmeldeproblem",
        ),
        "fr": (
            "Impossible de me connecter",
            "Compte bloqué",
            "Réinitialisation du mot de passe",
            "Problème de connexion",
        ),
    },
    "shipping_delivery": {
        "en": (
            "Where is my order?",
            "Parcel not received",
            "Delivery {order_id}",
            "Damaged delivery",
        ),
        "nl": (
            "Waar blijft mijn bestelling?",
            "Pakket niet ontvangen",
            "Levering {order_id}",
            "Beschadigde levering",
        ),
        "ro": (
            "Unde este comanda mea?",
            "Colet neprimit",
            "Livrare {order_id}",
            "Colet deteriorat",
        ),
        "de": (
            "Wo bleibt meine Bestellung?",
            "Paket nicht erhalten",
            "Lieferung {order_id}",
            "Beschädigte Lieferung",
        ),
        "fr": ("Où est ma commande ?", "Colis non reçu", "Livraison {order_id}", "Colis endommagé"),
    },
    "technical_bug": {
        "en": ("Bug report", "App keeps crashing", "Error {error_code}", "Something is broken"),
        "nl": ("Foutmelding", "App crasht steeds", "Fout {error_code}", "Er werkt iets niet"),
        "ro": (
            "Raportare bug",
            "Aplicația se blochează",
            "Eroare {error_code}",
            "Ceva nu funcționează",
        ),
        "de": (
            "Fehlermeldung",
            "App stürzt ständig ab",
            "Fehler {error_code}",
            "Etwas funktioniert nicht",
        ),
        "fr": (
            "Signalement de bug",
            "L'application plante",
            "Erreur {error_code}",
            "Quelque chose ne marche pas",
        ),
    },
    "outage": {
        "en": ("Service down?", "Everything is down", "Outage", "Site not loading"),
        "nl": ("Storing?", "Alles ligt eruit", "Storing bij jullie", "Site laadt niet"),
        "ro": ("Serviciul e căzut?", "Nu merge nimic", "Întrerupere", "Site-ul nu se încarcă"),
        "de": ("Störung?", "Alles down", "Ausfall", "Seite lädt nicht"),
        "fr": ("Service en panne ?", "Plus rien ne marche", "Panne", "Le site ne charge pas"),
    },
    "cancellation": {
        "en": ("Cancel subscription", "Cancellation", "Close my account", "Stop auto-renewal"),
        "nl": (
            "Abonnement opzeggen",
            "Opzegging",
            "Account opheffen",
            "Automatische verlenging stoppen",
        ),
        "ro": ("Anulare abonament", "Reziliere", "Închidere cont", "Oprire reînnoire automată"),
        "de": ("Kündigung", "Abo kündigen", "Konto schließen", "Automatische Verlängerung"),
        "fr": (
            "Résiliation",
            "Résilier mon abonnement",
            "Fermeture de compte",
            "Renouvellement automatique",
        ),
    },
    "feature_request": {
        "en": ("Feature request", "Suggestion", "Idea for the app", "Would love this feature"),
        "nl": ("Verzoek voor nieuwe functie", "Suggestie", "Idee voor de app", "Wens"),
        "ro": ("Cerere de funcționalitate", "Sugestie", "Idee pentru aplicație", "Propunere"),
        "de": ("Feature-Wunsch", "Vorschlag", "Idee für die App", "Verbesserungsvorschlag"),
        "fr": (
            "Demande de fonctionnalité",
            "Suggestion",
            "Idée pour l'application",
            "Proposition d'amélioration",
        ),
    },
    "security_incident": {
        "en": ("Account hacked?", "Suspicious activity", "Security issue", "Unauthorised order"),
        "nl": (
            "Account gehackt?",
            "Verdachte activiteit",
            "Beveiligingsprobleem",
            "Bestelling die ik niet heb geplaatst",
        ),
        "ro": (
            "Cont spart?",
            "Activitate suspectă",
            "Problemă de securitate",
            "Comandă neautorizată",
        ),
        "de": (
            "Konto gehackt?",
            "Verdächtige Aktivität",
            "Sicherheitsproblem",
            "Nicht autorisierte Bestellung",
        ),
        "fr": (
            "Compte piraté ?",
            "Activité suspecte",
            "Problème de sécurité",
            "Commande non autorisée",
        ),
    },
    "privacy_gdpr": {
        "en": ("GDPR request", "Data deletion", "Subject access request", "Privacy question"),
        "nl": ("AVG-verzoek", "Gegevens verwijderen", "Inzageverzoek", "Vraag over privacy"),
        "ro": (
            "Cerere GDPR",
            "Ștergerea datelor",
            "Cerere de acces la date",
            "Întrebare despre confidențialitate",
        ),
        "de": ("DSGVO-Anfrage", "Datenlöschung", "Auskunftsersuchen", "Frage zum Datenschutz"),
        "fr": (
            "Demande RGPD",
            "Suppression de données",
            "Droit d'accès",
            "Question sur la confidentialité",
        ),
    },
    "product_question": {
        "en": ("Question about {product}", "Quick question", "Pre-sales question", "Compatibility"),
        "nl": ("Vraag over {product}", "Korte vraag", "Vraag voor aankoop", "Compatibiliteit"),
        "ro": (
            "Întrebare despre {product}",
            "O întrebare scurtă",
            "Întrebare înainte de cumpărare",
            "Compatibilitate",
        ),
        "de": ("Frage zu {product}", "Kurze Frage", "Frage vor dem Kauf", "Kompatibilität"),
        "fr": (
            "Question sur {product}",
            "Petite question",
            "Question avant achat",
            "Compatibilité",
        ),
    },
    "complaint": {
        "en": ("Complaint", "Very disappointed", "Terrible service", "Formal complaint"),
        "nl": ("Klacht", "Erg teleurgesteld", "Slechte service", "Officiële klacht"),
        "ro": ("Reclamație", "Foarte dezamăgit", "Servicii proaste", "Reclamație oficială"),
        "de": ("Beschwerde", "Sehr enttäuscht", "Schlechter Service", "Offizielle Beschwerde"),
        "fr": ("Réclamation", "Très déçu", "Service déplorable", "Réclamation officielle"),
    },
    "order_change": {
        "en": ("Change my order", "Order {order_id}", "Change delivery address", "Order update"),
        "nl": (
            "Bestelling wijzigen",
            "Bestelling {order_id}",
            "Bezorgadres wijzigen",
            "Aanpassing bestelling",
        ),
        "ro": (
            "Modificare comandă",
            "Comanda {order_id}",
            "Schimbare adresă de livrare",
            "Actualizare comandă",
        ),
        "de": (
            "Bestellung ändern",
            "Bestellung {order_id}",
            "Lieferadresse ändern",
            "Änderung meiner Bestellung",
        ),
        "fr": (
            "Modifier ma commande",
            "Commande {order_id}",
            "Changer l'adresse de livraison",
            "Modification de commande",
        ),
    },
}

# Subjects that say nothing about the topic, used about a third of the time.
GENERIC_SUBJECTS: Phrasebook = {
    "en": (
        "Help needed",
        "Question",
        "Issue with my account",
        "Please help",
        "Support request",
        "Follow-up",
        "Problem",
    ),
    "nl": (
        "Hulp nodig",
        "Vraag",
        "Probleem met mijn account",
        "Graag hulp",
        "Supportverzoek",
        "Opvolging",
        "Probleem",
    ),
    "ro": (
        "Am nevoie de ajutor",
        "Întrebare",
        "Problemă cu contul meu",
        "Vă rog să mă ajutați",
        "Solicitare suport",
        "Revenire",
        "Problemă",
    ),
    "de": (
        "Brauche Hilfe",
        "Frage",
        "Problem mit meinem Konto",
        "Bitte um Hilfe",
        "Support-Anfrage",
        "Nachfrage",
        "Problem",
    ),
    "fr": (
        "Besoin d'aide",
        "Question",
        "Problème avec mon compte",
        "Aidez-moi svp",
        "Demande d'assistance",
        "Relance",
        "Problème",
    ),
}

# Reply/forward prefixes that mail clients put in front of a subject.
SUBJECT_PREFIXES: Phrasebook = {
    "en": ("Re: ", "RE: ", "Fwd: "),
    "nl": ("Re: ", "Antw: ", "Fwd: "),
    "ro": ("Re: ", "RE: ", "Fwd: "),
    "de": ("Re: ", "AW: ", "WG: "),
    "fr": ("Re: ", "RE : ", "TR : "),
}

GREETINGS: Phrasebook = {
    "en": ("Hi,", "Hello,", "Dear Support Team,", "Hi there,", "Good morning,", "Dear Sir/Madam,"),
    "nl": (
        "Hallo,",
        "Beste klantenservice,",
        "Goedemiddag,",
        "Hoi,",
        "Geachte heer/mevrouw,",
        "Goedemorgen,",
    ),
    "ro": (
        "Bună ziua,",
        "Salut,",
        "Stimată echipă de suport,",
        "Bună,",
        "Bună dimineața,",
        "Stimate domnule/Stimată doamnă,",
    ),
    "de": (
        "Hallo,",
        "Sehr geehrte Damen und Herren,",
        "Guten Tag,",
        "Liebes Support-Team,",
        "Moin,",
        "Guten Morgen,",
    ),
    "fr": (
        "Bonjour,",
        "Madame, Monsieur,",
        "Bonjour à l'équipe support,",
        "Bonsoir,",
        "Salut,",
        "Bonjour à vous,",
    ),
}

# Chat openers are shorter and lower-case, as people type them.
CHAT_GREETINGS: Phrasebook = {
    "en": ("hi", "hello", "hey", "hi there"),
    "nl": ("hoi", "hallo", "hey", "goedemiddag"),
    "ro": ("salut", "bună", "bună ziua", "hei"),
    "de": ("hallo", "hi", "moin", "guten tag"),
    "fr": ("bonjour", "salut", "bonsoir", "re bonjour"),
}

SIGNOFFS: Phrasebook = {
    "en": ("Best regards,", "Kind regards,", "Thanks,", "Cheers,", "Regards,", "Many thanks,"),
    "nl": (
        "Met vriendelijke groet,",
        "Groetjes,",
        "Mvg,",
        "Vriendelijke groeten,",
        "Alvast bedankt,",
        "Groet,",
    ),
    "ro": (
        "Cu stimă,",
        "Mulțumesc,",
        "O zi bună,",
        "Toate cele bune,",
        "Cu respect,",
        "Mulțumesc anticipat,",
    ),
    "de": (
        "Mit freundlichen Grüßen",
        "Viele Grüße",
        "Beste Grüße",
        "LG",
        "Danke und Gruß",
        "Freundliche Grüße",
    ),
    "fr": (
        "Cordialement,",
        "Bien à vous,",
        "Merci d'avance,",
        "Bonne journée,",
        "Salutations,",
        "Bien cordialement,",
    ),
}

# Mobile mail footers under the signature.
FOOTERS: Phrasebook = {
    "en": ("Sent from my iPhone", "Sent from my Galaxy", "Sent from Outlook for Android"),
    "nl": (
        "Verzonden vanaf mijn iPhone",
        "Verstuurd vanaf mijn Samsung Galaxy",
        "Outlook voor Android downloaden",
    ),
    "ro": (
        "Trimis de pe iPhone-ul meu",
        "Trimis de pe telefonul meu Samsung",
        "Trimis din Outlook pentru Android",
    ),
    "de": (
        "Von meinem iPhone gesendet",
        "Gesendet von meinem Galaxy",
        "Gesendet von Outlook für Android",
    ),
    "fr": (
        "Envoyé de mon iPhone",
        "Envoyé depuis mon Galaxy",
        "Envoyé depuis Outlook pour Android",
    ),
}

JOB_TITLES: Phrasebook = {
    "en": ("Operations Manager", "IT Administrator", "Office Manager", "Head of Finance"),
    "nl": ("Operationeel manager", "Systeembeheerder", "Officemanager", "Hoofd financiën"),
    "ro": ("Manager operațional", "Administrator IT", "Office manager", "Director financiar"),
    "de": ("Leiterin Betrieb", "IT-Administrator", "Büroleitung", "Leiter Finanzen"),
    "fr": (
        "Responsable des opérations",
        "Administrateur informatique",
        "Office manager",
        "Directrice financière",
    ),
}

# (company name, mail domain) for business customers, plausible and fictional.
COMPANIES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Northwind Traders Ltd", "northwindtraders.co.uk"),
        ("Bluebell Design Studio", "bluebelldesign.co.uk"),
        ("Harbour Logistics", "harbourlogistics.com"),
        ("Kestrel Analytics", "kestrelanalytics.io"),
    ),
    "nl": (
        ("De Vries Logistiek B.V.", "devrieslogistiek.nl"),
        ("Bakkerij Mulder", "bakkerijmulder.nl"),
        ("Polder Software B.V.", "poldersoftware.nl"),
        ("Groen & Zonen", "groenenzonen.nl"),
    ),
    "ro": (
        ("Carpat Soft SRL", "carpatsoft.ro"),
        ("Dunărea Logistic SRL", "dunarealogistic.ro"),
        ("Brădet Design SRL", "bradetdesign.ro"),
        ("Transilvania Agro SA", "transagro.ro"),
    ),
    "de": (
        ("Berger Maschinenbau GmbH", "berger-maschinenbau.de"),
        ("Küstenhof Logistik GmbH", "kuestenhof-logistik.de"),
        ("Alpenblick Software AG", "alpenblick-software.de"),
        ("Bäckerei Sommer", "baeckerei-sommer.de"),
    ),
    "fr": (
        ("Atelier Durand SARL", "atelier-durand.fr"),
        ("Lumière Conseil SAS", "lumiere-conseil.fr"),
        ("Boulangerie Rousseau", "boulangerie-rousseau.fr"),
        ("Transports Mercier", "transports-mercier.fr"),
    ),
}

# "On <date>, Support wrote:" headers of quoted earlier replies; {date} is a long date.
QUOTE_HEADERS: Phrasebook = {
    "en": ("On {date}, Support <support@helpdesk.example> wrote:", "-----Original Message-----"),
    "nl": (
        "Op {date} schreef Klantenservice <support@helpdesk.example>:",
        "-----Oorspronkelijk bericht-----",
    ),
    "ro": (
        "În data de {date}, Suport <support@helpdesk.example> a scris:",
        "-----Mesaj original-----",
    ),
    "de": (
        "Am {date} schrieb Kundenservice <support@helpdesk.example>:",
        "-----Ursprüngliche Nachricht-----",
    ),
    "fr": (
        "Le {date}, Service client <support@helpdesk.example> a écrit :",
        "-----Message d'origine-----",
    ),
}

# Lines of an earlier agent reply, quoted with "> ".
AGENT_LINES: Phrasebook = {
    "en": (
        "Thank you for contacting us.",
        "We have forwarded your request to the team in charge.",
        "Could you please send us your order number?",
        "We are sorry for the inconvenience.",
        "Your ticket has been received and will be handled within 2 business days.",
    ),
    "nl": (
        "Bedankt voor uw bericht.",
        "We hebben uw verzoek doorgestuurd naar de juiste afdeling.",
        "Kunt u ons uw bestelnummer sturen?",
        "Excuses voor het ongemak.",
        "Uw ticket is ontvangen en wordt binnen 2 werkdagen behandeld.",
    ),
    "ro": (
        "Vă mulțumim că ne-ați contactat.",
        "Am transmis solicitarea dumneavoastră echipei responsabile.",
        "Ne puteți trimite numărul comenzii?",
        "Ne cerem scuze pentru neplăcere.",
        "Tichetul a fost înregistrat și va fi tratat în 2 zile lucrătoare.",
    ),
    "de": (
        "Vielen Dank für Ihre Nachricht.",
        "Wir haben Ihr Anliegen an die zuständige Abteilung weitergeleitet.",
        "Könnten Sie uns bitte Ihre Bestellnummer schicken?",
        "Wir entschuldigen uns für die Unannehmlichkeiten.",
        "Ihr Ticket ist eingegangen und wird innerhalb von 2 Werktagen bearbeitet.",
    ),
    "fr": (
        "Merci de nous avoir contactés.",
        "Nous avons transmis votre demande au service concerné.",
        "Pourriez-vous nous envoyer votre numéro de commande ?",
        "Nous sommes désolés pour la gêne occasionnée.",
        "Votre ticket a bien été reçu et sera traité sous 2 jours ouvrés.",
    ),
}

# Tone phrases realise the drawn sentiment in the text.
ANGRY: Phrasebook = {
    "en": (
        "This is absolutely unacceptable.",
        "I am really fed up with this.",
        "Seriously, how hard can it be?",
        "I'm furious.",
        "What a disgrace.",
    ),
    "nl": (
        "Dit is echt onacceptabel.",
        "Ik ben het spuugzat.",
        "Hoe moeilijk kan het zijn?",
        "Ik ben woedend.",
        "Wat een schande.",
    ),
    "ro": (
        "Este absolut inacceptabil.",
        "M-am săturat de situația asta.",
        "Chiar e atât de greu?",
        "Sunt furios.",
        "Ce bătaie de joc.",
    ),
    "de": (
        "Das ist absolut inakzeptabel.",
        "Ich habe langsam die Nase voll.",
        "Wie schwer kann das sein?",
        "Ich bin stinksauer.",
        "Eine Unverschämtheit.",
    ),
    "fr": (
        "C'est absolument inacceptable.",
        "J'en ai vraiment assez.",
        "Est-ce si compliqué ?",
        "Je suis furieux.",
        "Quelle honte.",
    ),
}

SHOUTS: Phrasebook = {
    "en": ("THIS IS UNACCEPTABLE!!!", "FIX THIS NOW!!!", "I WANT AN ANSWER TODAY!!!"),
    "nl": ("DIT IS ECHT BELACHELIJK!!!", "LOS DIT NU OP!!!", "IK WIL VANDAAG EEN ANTWOORD!!!"),
    "ro": ("E INACCEPTABIL!!!", "REZOLVAȚI ODATĂ PROBLEMA!!!", "VREAU UN RĂSPUNS AZI!!!"),
    "de": (
        "DAS IST EINE FRECHHEIT!!!",
        "KÜMMERN SIE SICH ENDLICH DARUM!!!",
        "ICH WILL HEUTE EINE ANTWORT!!!",
    ),
    "fr": (
        "C'EST INADMISSIBLE !!!",
        "RÉGLEZ ÇA TOUT DE SUITE !!!",
        "JE VEUX UNE RÉPONSE AUJOURD'HUI !!!",
    ),
}

NEUTRAL: Phrasebook = {
    "en": (
        "Could you please look into this?",
        "Let me know if you need more information.",
        "Please advise.",
        "What should I do?",
    ),
    "nl": (
        "Kunnen jullie hiernaar kijken?",
        "Laat het weten als jullie meer informatie nodig hebben.",
        "Graag jullie advies.",
        "Wat moet ik doen?",
    ),
    "ro": (
        "Puteți verifica, vă rog?",
        "Spuneți-mi dacă aveți nevoie de mai multe informații.",
        "Aștept un răspuns.",
        "Ce ar trebui să fac?",
    ),
    "de": (
        "Könnten Sie sich das bitte ansehen?",
        "Melden Sie sich, falls Sie weitere Informationen brauchen.",
        "Bitte um Rückmeldung.",
        "Was soll ich tun?",
    ),
    "fr": (
        "Pourriez-vous regarder cela ?",
        "N'hésitez pas si vous avez besoin de plus d'informations.",
        "Dans l'attente de votre retour.",
        "Que dois-je faire ?",
    ),
}

POSITIVE: Phrasebook = {
    "en": (
        "Thanks a lot in advance, you've always been very helpful!",
        "I really appreciate your help.",
        "Love the product otherwise, keep up the great work!",
        "Thank you so much for the quick support last time!",
    ),
    "nl": (
        "Alvast hartelijk bedankt, jullie zijn altijd erg behulpzaam!",
        "Ik waardeer jullie hulp enorm.",
        "Verder ben ik erg tevreden, ga zo door!",
        "Nogmaals dank voor de snelle hulp vorige keer!",
    ),
    "ro": (
        "Vă mulțumesc anticipat, ați fost mereu de mare ajutor!",
        "Apreciez mult ajutorul vostru.",
        "În rest sunt foarte mulțumit, continuați tot așa!",
        "Mulțumesc mult pentru ajutorul rapid de data trecută!",
    ),
    "de": (
        "Vielen Dank im Voraus, Sie waren bisher immer sehr hilfsbereit!",
        "Ich weiß Ihre Hilfe sehr zu schätzen.",
        "Ansonsten bin ich sehr zufrieden, weiter so!",
        "Danke nochmal für die schnelle Hilfe beim letzten Mal!",
    ),
    "fr": (
        "Merci d'avance, vous avez toujours été très serviables !",
        "J'apprécie vraiment votre aide.",
        "Pour le reste, je suis très satisfait, continuez comme ça !",
        "Merci encore pour l'aide rapide la dernière fois !",
    ),
}

# Urgency cues raise priority; some code-switch to English ("ASAP").
URGENCY: Phrasebook = {
    "en": (
        "This is urgent.",
        "Please fix this ASAP.",
        "I need this resolved today.",
        "Urgent: we have a deadline tomorrow.",
    ),
    "nl": (
        "Het is dringend.",
        "Graag zo snel mogelijk een oplossing.",
        "Dit moet vandaag nog opgelost worden.",
        "Spoed, we hebben morgen een deadline.",
        "Graag ASAP een reactie.",
    ),
    "ro": (
        "Este urgent.",
        "Vă rog să rezolvați de urgență.",
        "Am nevoie de o soluție chiar azi.",
        "Urgent, avem termen limită mâine.",
        "Vă rog să-mi răspundeți ASAP.",
    ),
    "de": (
        "Es ist dringend.",
        "Bitte schnellstmöglich beheben.",
        "Das muss heute noch gelöst werden.",
        "Eilt sehr, wir haben morgen eine Deadline.",
        "Bitte ASAP melden.",
    ),
    "fr": (
        "C'est urgent.",
        "Merci de régler cela au plus vite.",
        "J'ai besoin d'une solution aujourd'hui même.",
        "Urgent : nous avons une échéance demain.",
        "Merci de me répondre ASAP.",
    ),
}

# Legal threats and churn intent drive escalation.
LEGAL: Phrasebook = {
    "en": (
        "If this isn't resolved I will contact my lawyer.",
        "I'm filing a complaint with the consumer protection authority.",
        "I will take legal action if I have to.",
    ),
    "nl": (
        "Als dit niet wordt opgelost, stap ik naar de rechter.",
        "Ik ga een klacht indienen bij de ACM.",
        "Ik schakel mijn advocaat in.",
    ),
    "ro": (
        "Voi depune plângere la ANPC.",
        "Dacă nu rezolvați, vă dau în judecată.",
        "Voi apela la un avocat.",
    ),
    "de": (
        "Ich werde einen Anwalt einschalten.",
        "Ich werde mich bei der Verbraucherzentrale beschweren.",
        "Notfalls gehe ich rechtlich dagegen vor.",
    ),
    "fr": (
        "Je vais porter plainte.",
        "Je vais saisir la DGCCRF.",
        "Sans réponse de votre part, je contacterai mon avocat.",
    ),
}

CHURN: Phrasebook = {
    "en": (
        "I'm seriously considering switching to a competitor.",
        "If this continues I will cancel my subscription.",
        "Honestly, I'm about to close my account.",
    ),
    "nl": (
        "Ik overweeg serieus om over te stappen naar een concurrent.",
        "Als dit zo doorgaat, zeg ik mijn abonnement op.",
        "Eerlijk gezegd sta ik op het punt mijn account op te heffen.",
    ),
    "ro": (
        "Mă gândesc serios să trec la concurență.",
        "Dacă mai continuă așa, îmi anulez abonamentul.",
        "Sincer, sunt pe punctul de a-mi închide contul.",
    ),
    "de": (
        "Ich überlege ernsthaft, zur Konkurrenz zu wechseln.",
        "Wenn das so weitergeht, kündige ich.",
        "Ehrlich gesagt bin ich kurz davor, mein Konto zu schließen.",
    ),
    "fr": (
        "J'envisage sérieusement de passer à la concurrence.",
        "Si cela continue, je résilie mon abonnement.",
        "Franchement, je suis sur le point de fermer mon compte.",
    ),
}

# Repeat-contact cues tie the text to previous_contacts: {prev} >= 2, {nth} = {prev} + 1.
REPEAT: Phrasebook = {
    "en": (
        "I've already contacted you about this {prev} times.",
        "This is contact number {nth} about the same issue.",
    ),
    "nl": (
        "Ik heb hier al {prev} keer contact over opgenomen.",
        "Dit is al mijn {nth}e poging om dit opgelost te krijgen.",
    ),
    "ro": (
        "V-am mai contactat de {prev} ori în legătură cu asta.",
        "Vă scriu deja a {nth}-a oară pentru aceeași problemă.",
    ),
    "de": (
        "Ich habe mich deswegen schon {prev}-mal gemeldet.",
        "Das ist schon mein {nth}. Versuch, das zu klären.",
    ),
    "fr": (
        "Je vous ai déjà contactés {prev} fois à ce sujet.",
        "C'est déjà ma {nth}e tentative pour régler ce problème.",
    ),
}

# Topic-neutral context sentences that bring order ids, e-mails and URLs into the text.
CONTEXT: Phrasebook = {
    "en": (
        "My order number is {order_id}.",
        "You can reach me at {email}.",
        "I already tried the chat, without success.",
        "My customer number is {customer_id}.",
        "Screenshot: {url}",
        "I followed the steps on {url} but it didn't help.",
        "I'm writing on behalf of our company.",
    ),
    "nl": (
        "Mijn bestelnummer is {order_id}.",
        "Jullie kunnen me bereiken op {email}.",
        "Ik heb het al via de chat geprobeerd, zonder resultaat.",
        "Mijn klantnummer is {customer_id}.",
        "Screenshot: {url}",
        "Ik heb de stappen op {url} gevolgd, maar dat hielp niet.",
        "Ik schrijf namens ons bedrijf.",
    ),
    "ro": (
        "Numărul comenzii este {order_id}.",
        "Mă puteți contacta la {email}.",
        "Am încercat deja pe chat, fără rezultat.",
        "Codul meu de client este {customer_id}.",
        "Captură de ecran: {url}",
        "Am urmat pașii de pe {url}, dar nu a ajutat.",
        "Vă scriu în numele firmei noastre.",
    ),
    "de": (
        "Meine Bestellnummer lautet {order_id}.",
        "Sie erreichen mich unter {email}.",
        "Ich habe es schon über den Chat versucht, ohne Erfolg.",
        "Meine Kundennummer ist {customer_id}.",
        "Screenshot: {url}",
        "Ich habe die Schritte auf {url} befolgt, aber das hat nicht geholfen.",
        "Ich schreibe im Namen unseres Unternehmens.",
    ),
    "fr": (
        "Mon numéro de commande est {order_id}.",
        "Vous pouvez me joindre à {email}.",
        "J'ai déjà essayé le chat, sans succès.",
        "Mon numéro client est {customer_id}.",
        "Capture d'écran : {url}",
        "J'ai suivi les étapes sur {url}, mais cela n'a pas aidé.",
        "Je vous écris au nom de notre société.",
    ),
}

# Web forms prepend structured fields; labels per language.
WEB_ORDER_FIELD: dict[str, str] = {
    "en": "Order number",
    "nl": "Bestelnummer",
    "ro": "Număr comandă",
    "de": "Bestellnummer",
    "fr": "Numéro de commande",
}

PHONE_PREFIX: dict[str, str] = {
    "en": "[Call transcript] Customer: ",
    "nl": "[Gesprekstranscript] Klant: ",
    "ro": "[Transcriere apel] Client: ",
    "de": "[Anrufprotokoll] Kunde: ",
    "fr": "[Transcription d'appel] Client : ",
}

FIRST_NAMES: Phrasebook = {
    "en": (
        "James",
        "Emily",
        "Oliver",
        "Sophie",
        "Michael",
        "Sarah",
        "Daniel",
        "Laura",
        "Thomas",
        "Jessica",
        "Ryan",
        "Hannah",
        "Priya",
        "Chloe",
    ),
    "nl": (
        "Sanne",
        "Daan",
        "Lotte",
        "Bram",
        "Femke",
        "Thijs",
        "Anouk",
        "Joris",
        "Eva",
        "Ruben",
        "Maartje",
        "Sven",
        "Inge",
        "Noor",
    ),
    "ro": (
        "Andrei",
        "Ioana",
        "Mihai",
        "Elena",
        "Ștefan",
        "Ana-Maria",
        "Alexandru",
        "Cristina",
        "Bogdan",
        "Raluca",
        "Răzvan",
        "Irina",
        "Tudor",
        "Oana",
    ),
    "de": (
        "Lukas",
        "Anna",
        "Jonas",
        "Lena",
        "Maximilian",
        "Sophie",
        "Felix",
        "Marie",
        "Jürgen",
        "Sabine",
        "Jörg",
        "Katrin",
        "Tobias",
        "Bärbel",
    ),
    "fr": (
        "Camille",
        "Lucas",
        "Léa",
        "Hugo",
        "Chloé",
        "Théo",
        "Manon",
        "Louis",
        "Inès",
        "François",
        "Hélène",
        "Gaëlle",
        "Jérôme",
        "Élodie",
    ),
}

LAST_NAMES: Phrasebook = {
    "en": (
        "Smith",
        "Johnson",
        "Brown",
        "Taylor",
        "Wilson",
        "Evans",
        "Walker",
        "Clarke",
        "Hughes",
        "Patel",
        "O'Connor",
        "Robinson",
    ),
    "nl": (
        "de Vries",
        "Jansen",
        "van den Berg",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "van Dijk",
        "Dekker",
        "van Leeuwen",
    ),
    "ro": (
        "Popescu",
        "Ionescu",
        "Dumitrescu",
        "Stoica",
        "Constantinescu",
        "Marinescu",
        "Georgescu",
        "Răducanu",
        "Țurcanu",
        "Munteanu",
        "Bălan",
        "Ștefănescu",
    ),
    "de": (
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schäfer",
        "Hoffmann",
        "Groß",
        "Köhler",
    ),
    "fr": (
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Lefèvre",
        "Moreau",
        "Girard",
        "Fontaine",
        "Lefebvre",
        "Rousseau",
        "Mercier",
    ),
}

MAIL_PROVIDERS: Phrasebook = {
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com"),
    "nl": ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl"),
    "ro": ("gmail.com", "yahoo.ro", "yahoo.com", "outlook.com"),
    "de": ("gmx.de", "web.de", "t-online.de", "gmail.com"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "gmail.com"),
}

# Feature names as they fit the feature_request templates (German: accusative).
FEATURES: Phrasebook = {
    "en": (
        "dark mode",
        "CSV export",
        "a shared team calendar",
        "bulk editing",
        "an offline mode",
        "multiple delivery addresses",
        "SMS notifications",
        "a public API for invoices",
    ),
    "nl": (
        "een donkere modus",
        "een CSV-export",
        "een gedeelde teamagenda",
        "bulkbewerking",
        "een offline modus",
        "meerdere bezorgadressen",
        "sms-meldingen",
        "een openbare API voor facturen",
    ),
    "ro": (
        "un mod întunecat",
        "exportul în CSV",
        "un calendar comun pentru echipă",
        "editarea în masă",
        "un mod offline",
        "mai multe adrese de livrare",
        "notificări prin SMS",
        "un API public pentru facturi",
    ),
    "de": (
        "einen Dark Mode",
        "einen CSV-Export",
        "einen gemeinsamen Teamkalender",
        "eine Mehrfachbearbeitung",
        "einen Offline-Modus",
        "mehrere Lieferadressen",
        "SMS-Benachrichtigungen",
        "eine öffentliche API für Rechnungen",
    ),
    "fr": (
        "un mode sombre",
        "l'export CSV",
        "un calendrier d'équipe partagé",
        "la modification groupée",
        "un mode hors ligne",
        "plusieurs adresses de livraison",
        "des notifications par SMS",
        "une API publique pour les factures",
    ),
}

# Product names are brand-like, so they need no article or inflection in any language.
PRODUCTS: tuple[str, ...] = (
    "AeroBuds Pro",
    "ThermoSmart T3",
    "BrewMaster 500",
    "Nimbus X200",
    "FlexiDesk 2",
    "PixelFrame 10",
    "Lumo Lamp S",
    "KettlePro 1.7",
    "StrideWatch 4",
    "CloudSafe Backup",
)

ERROR_CODES: tuple[str, ...] = (
    "ERR-5023",
    "E1042",
    "HTTP 502",
    "0x80070005",
    "AUTH_TOKEN_EXPIRED",
    "503 Service Unavailable",
    "TIMEOUT-408",
    "ERR_CONNECTION_RESET",
    "E-PAY-17",
)

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "ro": (
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

# (browser, operating system) pairs that go together, for the {browser} and {os} slots.
BROWSER_SETUPS: tuple[tuple[str, str], ...] = (
    ("Chrome 122", "Windows 11"),
    ("Chrome 121", "macOS 14.3"),
    ("Firefox 124", "Windows 10"),
    ("Firefox 123", "Ubuntu 22.04"),
    ("Safari 17.3", "macOS 14.3"),
    ("Safari", "iOS 17.4"),
    ("Edge 121", "Windows 11"),
    ("Chrome", "Android 14"),
)

# Impact sentences: how badly the problem hurts, as the customer describes it. The generator
# writes one whose strength matches the drawn base priority most of the time, so that priority
# can be read from the text (agents set it from impact, scope and deadlines). Level -> language.
IMPACT: dict[str, Phrasebook] = {
    "low": {
        "en": (
            "No rush at all, whenever you have a moment.",
            "Just curious, it's not urgent.",
            "It's not a big deal, take your time.",
            "Low priority on my side, answer whenever it suits you.",
            "Nothing is blocked, I was just wondering.",
            "It can easily wait until next week.",
            "Not important, just something I noticed.",
            "Whenever you get a chance is fine.",
        ),
        "nl": (
            "Geen haast, wanneer het jullie uitkomt.",
            "Ik ben gewoon benieuwd, het is niet dringend.",
            "Het is geen ramp, neem gerust de tijd.",
            "Voor mij heeft het geen prioriteit, reageer maar wanneer het past.",
            "Er ligt niets stil, ik vroeg het me gewoon af.",
            "Het kan best tot volgende week wachten.",
            "Niet belangrijk hoor, het viel me gewoon op.",
            "Als jullie een keer tijd hebben, graag.",
        ),
        "ro": (
            "Nu e nicio grabă, când aveți timp.",
            "Sunt doar curios, nu e urgent.",
            "Nu e mare lucru, luați-vă timpul necesar.",
            "Pentru mine nu e o prioritate, răspundeți când vă convine.",
            "Nu e nimic blocat, doar mă întrebam.",
            "Poate să aștepte liniștit până săptămâna viitoare.",
            "Nu e important, doar am observat asta.",
            "Când aveți un moment liber, vă rog.",
        ),
        "de": (
            "Keine Eile, wann immer Sie Zeit haben.",
            "Ich frage nur aus Neugier, es ist nicht dringend.",
            "Kein großes Ding, lassen Sie sich ruhig Zeit.",
            "Für mich hat das keine Priorität, antworten Sie, wenn es passt.",
            "Es ist nichts blockiert, ich habe mich nur gewundert.",
            "Das kann gut bis nächste Woche warten.",
            "Nicht wichtig, ist mir nur aufgefallen.",
            "Wenn Sie mal einen Moment haben, gerne.",
        ),
        "fr": (
            "Rien ne presse, quand vous aurez le temps.",
            "C'est juste par curiosité, ce n'est pas urgent.",
            "Ce n'est pas grave, prenez votre temps.",
            "Ce n'est pas prioritaire pour moi, répondez quand cela vous arrange.",
            "Rien n'est bloqué, je me posais simplement la question.",
            "Cela peut tout à fait attendre la semaine prochaine.",
            "Ce n'est pas important, je l'ai juste remarqué.",
            "Quand vous aurez un moment, merci.",
        ),
    },
    "normal": {
        "en": (
            "Could you have a look when you can?",
            "I'd appreciate an answer in the next few days.",
            "It's a bit inconvenient, but I can work around it for now.",
            "I'd like to get this sorted, but it isn't blocking me.",
            "A reply in the coming days would be great.",
            "It's annoying rather than critical.",
            "I can manage for now, but I'd like it fixed.",
            "Please check it when you get to my ticket.",
        ),
        "nl": (
            "Kunnen jullie er even naar kijken wanneer het kan?",
            "Ik zou graag in de komende dagen een antwoord krijgen.",
            "Het is wat onhandig, maar voorlopig kan ik eromheen werken.",
            "Ik wil het graag opgelost hebben, maar het houdt me niet tegen.",
            "Een reactie in de komende dagen zou fijn zijn.",
            "Het is eerder vervelend dan ernstig.",
            "Ik red me voorlopig, maar ik zou het graag opgelost zien.",
            "Graag bekijken wanneer jullie aan mijn ticket toekomen.",
        ),
        "ro": (
            "Puteți să vă uitați când aveți posibilitatea?",
            "Aș aprecia un răspuns în următoarele zile.",
            "E puțin incomod, dar deocamdată mă descurc altfel.",
            "Aș vrea să se rezolve, dar nu mă blochează.",
            "Un răspuns în zilele următoare ar fi perfect.",
            "E mai degrabă enervant decât grav.",
            "Mă descurc deocamdată, dar aș vrea să fie reparat.",
            "Vă rog să verificați când ajungeți la tichetul meu.",
        ),
        "de": (
            "Könnten Sie bei Gelegenheit einen Blick darauf werfen?",
            "Über eine Antwort in den nächsten Tagen würde ich mich freuen.",
            "Es ist etwas umständlich, aber vorerst komme ich damit zurecht.",
            "Ich hätte das gern gelöst, aber es hält mich nicht auf.",
            "Eine Rückmeldung in den kommenden Tagen wäre schön.",
            "Es ist eher lästig als kritisch.",
            "Vorerst komme ich klar, aber ich hätte es gern behoben.",
            "Bitte schauen Sie es sich an, wenn mein Ticket an der Reihe ist.",
        ),
        "fr": (
            "Pourriez-vous y jeter un œil quand vous pourrez ?",
            "J'apprécierais une réponse dans les prochains jours.",
            "C'est un peu gênant, mais je peux m'en accommoder pour l'instant.",
            "J'aimerais que ce soit réglé, mais cela ne me bloque pas.",
            "Une réponse dans les jours qui viennent serait parfaite.",
            "C'est plus agaçant que grave.",
            "Je me débrouille pour le moment, mais j'aimerais que ce soit corrigé.",
            "Merci de regarder quand vous arriverez à mon ticket.",
        ),
    },
    "high": {
        "en": (
            "This is blocking part of our team.",
            "We really need this fixed this week.",
            "We have a customer demo tomorrow and need this working by then.",
            "Several colleagues can't do their work because of this.",
            "It's holding up our orders and costing us sales.",
            "I can't finish my work until this is sorted out.",
            "A lot of our customers are affected, please prioritise this.",
            "We need a fix before our month-end closing on Friday.",
        ),
        "nl": (
            "Een deel van ons team kan hierdoor niet verder.",
            "We moeten dit echt deze week opgelost hebben.",
            "We hebben morgen een demo bij een klant en dan moet dit werken.",
            "Meerdere collega's kunnen hierdoor hun werk niet doen.",
            "Het houdt onze bestellingen op en kost ons omzet.",
            "Ik kan mijn werk niet afmaken zolang dit niet is opgelost.",
            "Veel van onze klanten hebben hier last van, graag met voorrang.",
            "We hebben vóór de maandafsluiting op vrijdag een oplossing nodig.",
        ),
        "ro": (
            "Asta blochează o parte din echipa noastră.",
            "Chiar avem nevoie să fie rezolvat săptămâna aceasta.",
            "Mâine avem o demonstrație la un client și trebuie să funcționeze până atunci.",
            "Mai mulți colegi nu își pot face treaba din cauza asta.",
            "Ne întârzie comenzile și ne costă vânzări.",
            "Nu îmi pot termina munca până nu se rezolvă.",
            "Sunt afectați mulți dintre clienții noștri, vă rog să tratați cu prioritate.",
            "Avem nevoie de o soluție înainte de închiderea de lună de vineri.",
        ),
        "de": (
            "Das blockiert einen Teil unseres Teams.",
            "Wir brauchen unbedingt noch diese Woche eine Lösung.",
            "Wir haben morgen eine Kundendemo und das muss bis dahin funktionieren.",
            "Mehrere Kollegen können deswegen nicht arbeiten.",
            "Das hält unsere Bestellungen auf und kostet uns Umsatz.",
            "Ich kann meine Arbeit nicht abschließen, solange das nicht gelöst ist.",
            "Viele unserer Kunden sind betroffen, bitte mit Priorität behandeln.",
            "Wir brauchen eine Lösung vor dem Monatsabschluss am Freitag.",
        ),
        "fr": (
            "Cela bloque une partie de notre équipe.",
            "Nous avons vraiment besoin d'une correction cette semaine.",
            "Nous avons une démo client demain et il faut que cela fonctionne d'ici là.",
            "Plusieurs collègues ne peuvent pas travailler à cause de cela.",
            "Cela retarde nos commandes et nous fait perdre des ventes.",
            "Je ne peux pas terminer mon travail tant que ce n'est pas réglé.",
            "Beaucoup de nos clients sont touchés, merci de traiter cela en priorité.",
            "Il nous faut une solution avant la clôture mensuelle de vendredi.",
        ),
    },
    "urgent": {
        "en": (
            "Our whole shop is down and we lose money every minute.",
            "Production is down for all users.",
            "Everything has stopped here, nobody can work.",
            "We have a hard deadline today and this stops us completely.",
            "All our customers are affected right now, this is critical.",
            "Our entire business is at a standstill, please act immediately.",
            "We are losing orders every minute this continues.",
            "Critical: nothing works for anyone until this is fixed.",
        ),
        "nl": (
            "Onze hele webshop ligt plat en we verliezen elke minuut geld.",
            "Productie ligt eruit voor alle gebruikers.",
            "Alles staat hier stil, niemand kan werken.",
            "We hebben vandaag een harde deadline en hierdoor zitten we volledig vast.",
            "Al onze klanten hebben er op dit moment last van, dit is kritiek.",
            "Ons hele bedrijf ligt stil, graag onmiddellijk actie.",
            "Elke minuut dat dit duurt, lopen we bestellingen mis.",
            "Kritiek: niets werkt voor wie dan ook tot dit is opgelost.",
        ),
        "ro": (
            "Tot magazinul nostru online este căzut și pierdem bani în fiecare minut.",
            "Producția este căzută pentru toți utilizatorii.",
            "Totul s-a oprit aici, nimeni nu poate lucra.",
            "Avem un termen limită ferm azi și suntem complet blocați.",
            "Toți clienții noștri sunt afectați chiar acum, este critic.",
            "Întreaga noastră activitate este blocată, vă rog să interveniți imediat.",
            "Pierdem comenzi în fiecare minut cât durează asta.",
            "Critic: nu funcționează nimic pentru nimeni până nu se rezolvă.",
        ),
        "de": (
            "Unser ganzer Shop ist down und wir verlieren jede Minute Geld.",
            "Das Produktivsystem ist für alle Nutzer ausgefallen.",
            "Hier steht alles still, niemand kann arbeiten.",
            "Wir haben heute eine harte Deadline und kommen keinen Schritt weiter.",
            "Alle unsere Kunden sind gerade betroffen, das ist kritisch.",
            "Unser gesamter Betrieb steht still, bitte sofort handeln.",
            "Mit jeder Minute verlieren wir Bestellungen.",
            "Kritisch: Für niemanden funktioniert etwas, bis das behoben ist.",
        ),
        "fr": (
            "Toute notre boutique est à l'arrêt et nous perdons de l'argent chaque minute.",
            "La production est en panne pour tous les utilisateurs.",
            "Tout est bloqué ici, personne ne peut travailler.",
            "Nous avons une échéance ferme aujourd'hui et nous sommes complètement bloqués.",
            "Tous nos clients sont touchés en ce moment, c'est critique.",
            "Toute notre activité est à l'arrêt, merci d'intervenir immédiatement.",
            "Nous perdons des commandes à chaque minute qui passe.",
            "Critique : plus rien ne fonctionne pour personne tant que ce n'est pas réglé.",
        ),
    },
}

# Depth sentences: how technical the problem is, which decides the support tier. L1 reads like a
# simple how-to or account question, L2 brings browser/app versions, error codes, steps and
# screenshots, L3 brings API, SSO, webhook, database or forensic detail. Tier -> language.
# Slots: {error_code} {browser} {os} {app_version}.
DEPTH: dict[str, Phrasebook] = {
    "L1": {
        "en": (
            "It's probably a simple question, I'm not very technical.",
            "I just need to know where to find this in my account.",
            "Could you tell me step by step what to click?",
            "Is there a help article that explains how this works?",
            "I only want to know what the normal procedure is.",
            "Maybe I'm just missing a button somewhere.",
            "I couldn't find the answer in the FAQ.",
            "Can you just tell me what I need to do on my side?",
        ),
        "nl": (
            "Het is vast een simpele vraag, ik ben niet zo technisch.",
            "Ik wil alleen weten waar ik dit in mijn account kan vinden.",
            "Kunnen jullie stap voor stap uitleggen waar ik moet klikken?",
            "Is er een helpartikel dat uitlegt hoe dit werkt?",
            "Ik wil alleen weten wat de gebruikelijke procedure is.",
            "Misschien zie ik gewoon ergens een knop over het hoofd.",
            "Ik kon het antwoord niet vinden bij de veelgestelde vragen.",
            "Kunnen jullie me gewoon vertellen wat ik zelf moet doen?",
        ),
        "ro": (
            "Probabil e o întrebare simplă, nu mă pricep prea bine la tehnologie.",
            "Vreau doar să știu unde găsesc asta în contul meu.",
            "Îmi puteți explica pas cu pas unde trebuie să dau click?",
            "Există un articol de ajutor care explică cum funcționează?",
            "Vreau doar să știu care este procedura obișnuită.",
            "Poate doar nu văd un buton pe undeva.",
            "Nu am găsit răspunsul la întrebările frecvente.",
            "Îmi puteți spune simplu ce trebuie să fac eu?",
        ),
        "de": (
            "Wahrscheinlich ist das eine einfache Frage, ich bin technisch nicht so versiert.",
            "Ich möchte nur wissen, wo ich das in meinem Konto finde.",
            "Können Sie mir Schritt für Schritt erklären, wo ich klicken muss?",
            "Gibt es einen Hilfeartikel, der erklärt, wie das funktioniert?",
            "Ich möchte nur wissen, wie das übliche Vorgehen ist.",
            "Vielleicht übersehe ich einfach irgendwo einen Button.",
            "In den FAQ habe ich keine Antwort gefunden.",
            "Können Sie mir einfach sagen, was ich selbst tun muss?",
        ),
        "fr": (
            "C'est sûrement une question simple, je ne suis pas très à l'aise avec l'informatique.",
            "Je veux juste savoir où trouver cela dans mon compte.",
            "Pourriez-vous m'expliquer étape par étape où cliquer ?",
            "Existe-t-il un article d'aide qui explique comment cela fonctionne ?",
            "Je voudrais simplement connaître la procédure habituelle.",
            "Il me manque peut-être simplement un bouton quelque part.",
            "Je n'ai pas trouvé la réponse dans la FAQ.",
            "Pouvez-vous simplement me dire ce que je dois faire de mon côté ?",
        ),
    },
    "L2": {
        "en": (
            "I'm on {browser} on {os}; clearing the cache didn't help.",
            "It happens every time: I log in, open the page, click Save and get error "
            "{error_code}.",
            "The app (version {app_version}) shows {error_code} when I try again.",
            "I've attached screenshots of the error message and the steps I took.",
            "Steps to reproduce: open the app, go to Settings, tap Save, and it fails with "
            "{error_code}.",
            "It also happens in a private window on {os}, so it isn't my extensions.",
            "Reinstalling the app (version {app_version}) didn't change anything.",
            "The browser console shows {error_code} right after the page loads.",
        ),
        "nl": (
            "Ik gebruik {browser} op {os}; de cache legen hielp niet.",
            "Het gebeurt elke keer: inloggen, pagina openen, op Opslaan klikken en dan foutcode "
            "{error_code}.",
            "De app (versie {app_version}) geeft {error_code} als ik het opnieuw probeer.",
            "Ik heb screenshots van de foutmelding en van mijn stappen bijgevoegd.",
            "Stappen om het te reproduceren: app openen, naar Instellingen, op Opslaan tikken, en "
            "dan mislukt het met {error_code}.",
            "Het gebeurt ook in een privévenster op {os}, dus het ligt niet aan mijn extensies.",
            "De app (versie {app_version}) opnieuw installeren heeft niets veranderd.",
            "In de browserconsole zie ik {error_code} meteen nadat de pagina is geladen.",
        ),
        "ro": (
            "Folosesc {browser} pe {os}; ștergerea cache-ului nu a ajutat.",
            "Se întâmplă de fiecare dată: mă autentific, deschid pagina, apăs Salvează și primesc "
            "eroarea {error_code}.",
            "Aplicația (versiunea {app_version}) afișează {error_code} când încerc din nou.",
            "Am atașat capturi de ecran cu mesajul de eroare și cu pașii pe care i-am urmat.",
            "Pași de reproducere: deschid aplicația, merg la Setări, apăs Salvează și eșuează cu "
            "{error_code}.",
            "Se întâmplă și într-o fereastră privată pe {os}, deci nu e de la extensii.",
            "Reinstalarea aplicației (versiunea {app_version}) nu a schimbat nimic.",
            "În consola browserului apare {error_code} imediat după încărcarea paginii.",
        ),
        "de": (
            "Ich nutze {browser} unter {os}; Cache leeren hat nicht geholfen.",
            "Es passiert jedes Mal: einloggen, Seite öffnen, auf Speichern klicken, dann kommt "
            "Fehler {error_code}.",
            "Die App (Version {app_version}) zeigt {error_code}, wenn ich es erneut versuche.",
            "Screenshots der Fehlermeldung und meiner Schritte habe ich angehängt.",
            "Schritte zum Reproduzieren: App öffnen, Einstellungen aufrufen, auf Speichern tippen, "
            "dann Abbruch mit {error_code}.",
            "Es passiert auch im privaten Fenster unter {os}, an meinen Erweiterungen liegt es "
            "also nicht.",
            "Eine Neuinstallation der App (Version {app_version}) hat nichts geändert.",
            "In der Browserkonsole erscheint {error_code} direkt nach dem Laden der Seite.",
        ),
        "fr": (
            "J'utilise {browser} sous {os} ; vider le cache n'a rien changé.",
            "Cela arrive à chaque fois : je me connecte, j'ouvre la page, je clique sur "
            "Enregistrer et j'obtiens l'erreur {error_code}.",
            "L'application (version {app_version}) affiche {error_code} quand je réessaie.",
            "J'ai joint des captures d'écran du message d'erreur et des étapes suivies.",
            "Étapes pour reproduire : ouvrir l'application, aller dans Paramètres, appuyer sur "
            "Enregistrer, et cela échoue avec {error_code}.",
            "Cela arrive aussi en navigation privée sous {os}, ce ne sont donc pas mes extensions.",
            "Réinstaller l'application (version {app_version}) n'a rien changé.",
            "La console du navigateur affiche {error_code} juste après le chargement de la page.",
        ),
    },
    "L3": {
        "en": (
            "Your API returns HTTP 500 on POST /v2/orders with an empty body; the request IDs are "
            "in the attached log.",
            "Our SAML SSO integration rejects the assertion with 'invalid audience' since your "
            "certificate rotation.",
            "Webhook deliveries to our endpoint fail signature verification, see the attached "
            "integration logs.",
            "We found duplicated and corrupted records in the database export, with IDs that "
            "don't match between tables.",
            "Our security team found API calls with a valid token from an unknown IP in the audit "
            "log; we have preserved the logs for forensics.",
            "The OAuth token refresh returns {error_code} for our service account, which breaks "
            "our ERP sync.",
            "Since the last sync the data in our account is inconsistent: the API and the "
            "dashboard return different totals.",
            "We need someone from your engineering team; our traces point to a race condition in "
            "your bulk import endpoint.",
        ),
        "nl": (
            "Jullie API geeft HTTP 500 op POST /v2/orders met een lege body; de request-ID's "
            "staan in de bijgevoegde log.",
            "Onze SAML-SSO-koppeling weigert de assertion met 'invalid audience' sinds jullie het "
            "certificaat hebben vervangen.",
            "Webhooks naar ons endpoint falen op de handtekeningcontrole, zie de bijgevoegde "
            "integratielogs.",
            "We vonden dubbele en corrupte records in de database-export, met ID's die tussen de "
            "tabellen niet overeenkomen.",
            "Ons securityteam zag in de auditlog API-calls met een geldig token vanaf een onbekend "
            "IP-adres; de logs zijn veiliggesteld voor forensisch onderzoek.",
            "Het vernieuwen van het OAuth-token geeft {error_code} voor ons serviceaccount, "
            "waardoor onze ERP-synchronisatie stukgaat.",
            "Sinds de laatste synchronisatie zijn de gegevens in ons account inconsistent: de API "
            "en het dashboard geven verschillende totalen.",
            "We hebben iemand van jullie engineeringteam nodig; onze traces wijzen op een race "
            "condition in jullie bulk-import-endpoint.",
        ),
        "ro": (
            "API-ul vostru returnează HTTP 500 la POST /v2/orders cu un răspuns gol; ID-urile "
            "cererilor sunt în logul atașat.",
            "Integrarea noastră SAML SSO respinge aserțiunea cu „invalid audience” de când ați "
            "schimbat certificatul.",
            "Livrările webhook către endpointul nostru eșuează la verificarea semnăturii, vedeți "
            "logurile de integrare atașate.",
            "Am găsit înregistrări duplicate și corupte în exportul bazei de date, cu ID-uri care "
            "nu corespund între tabele.",
            "Echipa noastră de securitate a găsit în jurnalul de audit apeluri API cu un token "
            "valid de pe un IP necunoscut; am păstrat logurile pentru analiza criminalistică.",
            "Reîmprospătarea tokenului OAuth returnează {error_code} pentru contul nostru de "
            "serviciu, iar sincronizarea cu ERP-ul nu mai funcționează.",
            "De la ultima sincronizare, datele din contul nostru sunt inconsistente: API-ul și "
            "dashboardul arată totaluri diferite.",
            "Avem nevoie de cineva din echipa voastră de dezvoltare; trace-urile noastre indică un "
            "race condition în endpointul de import în masă.",
        ),
        "de": (
            "Ihre API liefert bei POST /v2/orders HTTP 500 mit leerem Body; die Request-IDs stehen "
            "im angehängten Log.",
            "Unsere SAML-SSO-Anbindung lehnt die Assertion seit Ihrem Zertifikatswechsel mit "
            "„invalid audience“ ab.",
            "Die Webhook-Zustellungen an unseren Endpoint scheitern an der Signaturprüfung, siehe "
            "die angehängten Integrationslogs.",
            "Im Datenbankexport haben wir doppelte und beschädigte Datensätze gefunden, die IDs "
            "passen zwischen den Tabellen nicht zusammen.",
            "Unser Security-Team hat im Audit-Log API-Aufrufe mit gültigem Token von einer "
            "unbekannten IP gefunden; die Logs sind forensisch gesichert.",
            "Die Erneuerung des OAuth-Tokens liefert {error_code} für unseren Service-Account, "
            "dadurch bricht unsere ERP-Synchronisation ab.",
            "Seit der letzten Synchronisation sind die Daten in unserem Konto inkonsistent: API "
            "und Dashboard zeigen unterschiedliche Summen.",
            "Wir brauchen jemanden aus Ihrem Entwicklungsteam; unsere Traces deuten auf eine Race "
            "Condition in Ihrem Bulk-Import-Endpoint hin.",
        ),
        "fr": (
            "Votre API renvoie HTTP 500 sur POST /v2/orders avec un corps vide ; les identifiants "
            "de requête sont dans le journal joint.",
            "Notre intégration SSO SAML rejette l'assertion avec « invalid audience » depuis votre "
            "changement de certificat.",
            "Les envois de webhooks vers notre endpoint échouent à la vérification de signature, "
            "voir les journaux d'intégration joints.",
            "Nous avons trouvé des enregistrements dupliqués et corrompus dans l'export de la base "
            "de données, avec des identifiants incohérents entre les tables.",
            "Notre équipe sécurité a trouvé dans le journal d'audit des appels API avec un jeton "
            "valide depuis une IP inconnue ; nous avons conservé les journaux pour l'analyse "
            "forensique.",
            "Le renouvellement du jeton OAuth renvoie {error_code} pour notre compte de service, "
            "ce qui casse notre synchronisation ERP.",
            "Depuis la dernière synchronisation, les données de notre compte sont incohérentes : "
            "l'API et le tableau de bord affichent des totaux différents.",
            "Nous avons besoin de quelqu'un de votre équipe technique ; nos traces indiquent une "
            "race condition dans votre endpoint d'import en masse.",
        ),
    },
}
