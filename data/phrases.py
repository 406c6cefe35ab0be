"""Language content for ``generate_tickets.py``: every sentence the generator can write.

Written for this project (not taken from any dataset). Kept apart from the generator logic so
that linguists can review or extend one language without reading code. Conventions:

- ``CORE[topic][language]`` holds the *core phrasings*: the sentences that carry a ticket's topic.
  Their position in the tuple is part of their id (``billing.nl.03``), so append new phrasings at
  the end of a tuple instead of inserting, or the held-out split of existing corpora changes.
  The tuples of a topic are parallel across languages (a position is the same intent in all five),
  and ``CORE_KINDS[topic]`` gives the kind of each position (problem, grievance, request, praise,
  criticism), which sets the ticket's sentiment: append a letter there with every new phrasing.
- Every other sentence pool (subjects, impact, depth, tone, cues, context, greetings…) is split
  the same way, per language: a held-out part for the test world, the rest for training. The
  same rule holds: append, and give every (pool, key, language) at least 3 entries.
- Write the way customers write: short and colloquial lines next to full sentences, irony and
  disappointment as well as anger, urgency implied by a situation as well as stated.
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
            "why was I charged {amount} today?? I thought I cancelled the upgrade",
            "Quick one: the invoice total and what left my bank account don't match, it's off "
            "by a few euros.",
            "charged twice for the same thing again, can someone check pls",
            "Your invoice still has our old company address on it, can that be changed from "
            "next month?",
            "Could you send me a copy of the invoice for order {order_id}? I can't find it in my "
            "account.",
            "where can I download my invoices?",
            "I need an invoice with our company name and VAT number for my last order; the one I "
            "got is made out to me personally.",
            "Can you check invoice {order_id}? I don't think the discount code was applied.",
            "My payment was declined at checkout, but the card works fine everywhere else.",
            "payment failed 3 times but the money still left my account??",
            "Before we pay the invoice from {date}, I'd like to go through a couple of the "
            "amounts with someone.",
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
            "waarom is er vandaag {amount} afgeschreven?? ik dacht dat ik de upgrade had stopgezet",
            "Korte vraag: het bedrag op de factuur en wat er van mijn rekening af ging komt "
            "niet overeen.",
            "weer dubbel betaald voor hetzelfde, kan iemand ff kijken",
            "Op jullie factuur staat nog ons oude bedrijfsadres, kan dat vanaf volgende maand "
            "aangepast worden?",
            "Kunnen jullie me een kopie sturen van de factuur voor bestelling {order_id}? Ik kan "
            "hem niet vinden in mijn account.",
            "waar kan ik mijn facturen downloaden?",
            "Ik heb voor mijn laatste bestelling een factuur nodig op naam van ons bedrijf, met "
            "btw-nummer; de huidige staat op mijn eigen naam.",
            "Willen jullie factuur {order_id} even controleren? Volgens mij is de kortingscode "
            "niet verrekend.",
            "Mijn betaling werd bij het afrekenen geweigerd, terwijl mijn kaart overal anders "
            "gewoon werkt.",
            "betaling 3x mislukt maar het geld is wel van mijn rekening af??",
            "Voordat we de factuur van {date} betalen, wil ik een paar bedragen even met iemand "
            "doornemen.",
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
            "de ce mi-ați luat {amount} azi?? credeam că am anulat upgrade-ul",
            "O întrebare rapidă: suma de pe factură nu bate cu ce mi s-a luat din cont.",
            "iar am plătit de două ori pentru același lucru, vă uitați și voi pls",
            "Pe factură apare încă adresa veche a firmei, se poate schimba de luna viitoare?",
            "Îmi puteți trimite o copie a facturii pentru comanda {order_id}? Nu o găsesc în cont.",
            "de unde pot descărca facturile?",
            "Am nevoie de o factură pe firmă, cu CUI-ul nostru, pentru ultima comandă; cea "
            "primită e pe persoană fizică.",
            "Puteți verifica factura {order_id}? Cred că nu s-a aplicat codul de reducere.",
            "Plata mi-a fost refuzată la finalizarea comenzii, deși cardul merge fără probleme în "
            "altă parte.",
            "plata a eșuat de 3 ori dar banii tot mi s-au luat din cont??",
            "Înainte să plătim factura din {date}, aș vrea să discut câteva sume cu cineva.",
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
            "warum wurden heute {amount} abgebucht?? dachte, ich hätte das Upgrade rückgängig "
            "gemacht",
            "Kurze Frage: der Rechnungsbetrag und das, was von meinem Konto abging, passen "
            "nicht zusammen.",
            "schon wieder doppelt bezahlt für dasselbe, kann mal jemand draufschauen",
            "Auf Ihrer Rechnung steht noch unsere alte Firmenadresse, lässt sich das ab "
            "nächstem Monat ändern?",
            "Könnten Sie mir eine Kopie der Rechnung zur Bestellung {order_id} schicken? Ich "
            "finde sie nicht in meinem Konto.",
            "wo kann ich meine Rechnungen herunterladen?",
            "Ich brauche für meine letzte Bestellung eine Rechnung auf unsere Firma mit "
            "USt-IdNr., die jetzige ist auf mich privat ausgestellt.",
            "Können Sie die Rechnung {order_id} prüfen? Ich glaube, der Rabattcode wurde nicht "
            "abgezogen.",
            "Meine Zahlung wurde an der Kasse abgelehnt, obwohl die Karte überall sonst "
            "problemlos funktioniert.",
            "Zahlung 3-mal fehlgeschlagen, aber das Geld ist trotzdem weg??",
            "Bevor wir die Rechnung vom {date} bezahlen, würde ich gern ein paar Beträge mit "
            "jemandem durchgehen.",
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
            "pourquoi on m'a prélevé {amount} aujourd'hui ?? je croyais avoir annulé l'option",
            "Petite question : le montant de la facture ne correspond pas à ce qui a été "
            "débité sur mon compte.",
            "encore payé deux fois pour la même chose, quelqu'un peut vérifier svp",
            "Votre facture indique toujours notre ancienne adresse, est-ce modifiable à "
            "partir du mois prochain ?",
            "Pourriez-vous m'envoyer une copie de la facture de la commande {order_id} ? Je ne la "
            "trouve pas dans mon compte.",
            "où est-ce que je peux télécharger mes factures ?",
            "J'ai besoin d'une facture au nom de notre société, avec notre numéro de TVA, pour ma "
            "dernière commande : celle que j'ai reçue est à mon nom.",
            "Pouvez-vous vérifier la facture {order_id} ? Je crois que le code promo n'a pas été "
            "appliqué.",
            "Mon paiement a été refusé au moment de valider la commande, alors que ma carte "
            "fonctionne partout ailleurs.",
            "paiement échoué 3 fois mais l'argent a quand même été débité ??",
            "Avant de régler la facture du {date}, j'aimerais revoir quelques montants avec "
            "quelqu'un.",
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
            "still waiting on my refund. it's been 3 weeks.",
            "You said 5-7 working days for the money to come back. It's day 12.",
            "returned it, you confirmed you got it, so where's my money?",
            "Can I get a refund on {order_id}? Changed my mind, it's still unopened in the box.",
            "What's your refund policy for items bought in the sale?",
            "how long do refunds usually take to show up on my card?",
            "Do you refund the shipping costs too if I send something back?",
            "Could you tell me the status of my refund for order {order_id}?",
            "Has my refund been processed yet? The parcel went back on {date}.",
            "How many days do I have to return an item for a full refund?",
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
            "nog steeds aan het wachten op mijn terugbetaling. al 3 weken.",
            "Jullie zeiden 5 tot 7 werkdagen voor het terugstorten. Het is nu dag 12.",
            "teruggestuurd, jullie hebben bevestigd dat het binnen is, dus waar is mijn geld?",
            "Kan ik mijn geld terugkrijgen voor {order_id}? Ik heb me bedacht, het zit nog "
            "ongeopend in de doos.",
            "Hoe zit het met terugbetalen bij artikelen die ik in de uitverkoop heb gekocht?",
            "hoe lang duurt het meestal voordat een terugbetaling op mijn kaart staat?",
            "Krijg ik de verzendkosten ook terug als ik iets retour stuur?",
            "Kunnen jullie me vertellen hoe het staat met de terugbetaling van bestelling "
            "{order_id}?",
            "Is mijn terugbetaling al verwerkt? Het pakket is op {date} teruggegaan.",
            "Hoeveel dagen heb ik om een artikel terug te sturen en mijn volledige aankoopbedrag "
            "terug te krijgen?",
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
            "încă aștept banii înapoi. au trecut 3 săptămâni.",
            "Mi-ați spus 5-7 zile lucrătoare pentru rambursare. Azi e ziua 12.",
            "l-am trimis înapoi, ați confirmat că l-ați primit, deci unde sunt banii mei?",
            "Pot primi banii înapoi pentru {order_id}? M-am răzgândit, e încă sigilat în cutie.",
            "Care e politica de rambursare pentru produsele cumpărate la reduceri?",
            "cât durează de obicei până apar banii înapoi pe card?",
            "Îmi returnați și costul transportului dacă trimit ceva înapoi?",
            "Îmi puteți spune în ce stadiu e rambursarea pentru comanda {order_id}?",
            "Mi-a fost procesată rambursarea? Coletul a plecat înapoi pe {date}.",
            "În câte zile pot returna un produs ca să primesc toți banii înapoi?",
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
            "warte immer noch auf meine Erstattung. seit 3 Wochen.",
            "Sie schrieben 5 bis 7 Werktage bis zur Rückzahlung. Heute ist Tag 12.",
            "zurückgeschickt, Sie haben den Eingang bestätigt, also wo ist mein Geld?",
            "Kann ich für {order_id} mein Geld zurückbekommen? Hab es mir anders überlegt, "
            "ist noch originalverpackt.",
            "Wie sind Ihre Erstattungsregeln für Artikel, die im Sale gekauft wurden?",
            "wie lange dauert es normalerweise, bis eine Erstattung auf der Karte ist?",
            "Erstatten Sie auch die Versandkosten, wenn ich etwas zurückschicke?",
            "Können Sie mir sagen, wie der Stand meiner Erstattung für Bestellung {order_id} ist?",
            "Ist meine Erstattung schon bearbeitet? Das Paket ging am {date} zurück.",
            "Wie viele Tage habe ich Zeit, einen Artikel zurückzuschicken und den vollen Betrag "
            "zu bekommen?",
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
            "toujours en attente de mon remboursement. ça fait 3 semaines.",
            "Vous m'aviez dit 5 à 7 jours ouvrés pour le remboursement. On en est au 12e jour.",
            "renvoyé, vous avez confirmé la réception, donc il est où mon argent ?",
            "Puis-je être remboursé pour {order_id} ? J'ai changé d'avis, c'est encore "
            "emballé dans la boîte.",
            "Quelle est votre politique de remboursement pour les articles achetés en soldes ?",
            "en général ça prend combien de temps pour que le remboursement arrive sur la carte ?",
            "Les frais de port sont-ils aussi remboursés si je renvoie un article ?",
            "Pourriez-vous me dire où en est le remboursement de la commande {order_id} ?",
            "Mon remboursement a-t-il déjà été traité ? Le colis est reparti le {date}.",
            "De combien de jours est-ce que je dispose pour retourner un article et être "
            "remboursé intégralement ?",
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
            "cant get into my account since this morning",
            "The login page just reloads every time I press sign in, no message or anything.",
            "new phone, the authenticator app is gone, now I'm locked out. what do I do",
            "My wife and I share the account and she changed the password, now neither of us "
            "can get in.",
            "I'm trying to create an account, but it says my e-mail is already registered. I've "
            "never signed up before.",
            "The sign-up form shows error {error_code} when I click 'Create account'.",
            "never got the confirmation email to activate my account",
            "I forgot my password, how do I reset it?",
            "how do i recover my password, the app only asks for an email",
            "I registered yesterday, but the activation link says it has expired.",
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
            "kom sinds vanochtend niet meer in mijn account",
            "De inlogpagina laadt gewoon opnieuw als ik op inloggen klik, geen melding, niks.",
            "nieuwe telefoon, authenticator-app weg, nu kom ik er niet meer in. wat nu",
            "Mijn vrouw en ik delen het account en zij heeft het wachtwoord veranderd, nu "
            "kunnen we er allebei niet meer in.",
            "Ik probeer een account aan te maken, maar ik krijg de melding dat mijn e-mailadres "
            "al geregistreerd is. Ik heb me nooit eerder aangemeld.",
            "Het registratieformulier geeft foutcode {error_code} als ik op 'Account aanmaken' "
            "klik.",
            "nooit een bevestigingsmail gekregen om mijn account te activeren",
            "Ik ben mijn wachtwoord vergeten, hoe stel ik een nieuw in?",
            "hoe krijg ik mijn wachtwoord terug, de app vraagt alleen om een e-mailadres",
            "Ik heb me gisteren geregistreerd, maar de activatielink zou verlopen zijn.",
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
            "nu pot intra în cont de azi dimineață",
            "Pagina de login doar se reîncarcă atunci când apăs pe conectare, fără niciun mesaj.",
            "telefon nou, aplicația de autentificare a dispărut, acum nu mai pot intra. ce fac",
            "Eu și soția folosim același cont, ea a schimbat parola și acum nu mai intră "
            "niciunul dintre noi.",
            "Încerc să-mi fac cont, dar îmi spune că adresa de e-mail este deja înregistrată. Nu "
            "m-am înscris niciodată până acum.",
            "Formularul de înregistrare îmi dă eroarea {error_code} când apăs pe „Creează cont”.",
            "n-am primit niciodată e-mailul de confirmare ca să-mi activez contul",
            "Mi-am uitat parola, cum o resetez?",
            "cum îmi recuperez parola, aplicația îmi cere doar un email",
            "M-am înregistrat ieri, dar linkul de activare spune că a expirat.",
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
            "komme seit heute früh nicht mehr in mein Konto",
            "Die Login-Seite lädt einfach neu, wenn ich auf Anmelden klicke, keine Meldung, "
            "nichts.",
            "neues Handy, Authenticator-App weg, jetzt bin ich ausgesperrt. was nun",
            "Meine Frau und ich teilen uns das Konto, sie hat das Passwort geändert und jetzt "
            "kommt keiner von uns mehr rein.",
            "Ich will ein Konto anlegen, aber es heißt, meine E-Mail-Adresse sei schon "
            "registriert. Ich habe mich dort nie angemeldet.",
            "Das Registrierungsformular zeigt den Fehler {error_code}, wenn ich auf „Konto "
            "erstellen“ klicke.",
            "nie eine Bestätigungsmail zum Aktivieren meines Kontos bekommen",
            "Ich habe mein Passwort vergessen, wie setze ich es zurück?",
            "wie bekomme ich mein Passwort wieder, die App fragt nur nach einer E-Mail",
            "Ich habe mich gestern registriert, aber der Aktivierungslink ist angeblich "
            "abgelaufen.",
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
            "impossible d'accéder à mon compte depuis ce matin",
            "La page de connexion se recharge quand je clique sur « Se connecter », aucun "
            "message, rien.",
            "nouveau téléphone, l'appli d'authentification a disparu, je suis bloqué dehors. "
            "je fais quoi",
            "Ma femme et moi partageons le compte, elle a changé le mot de passe et "
            "maintenant aucun de nous deux n'arrive à se connecter.",
            "J'essaie de créer un compte, mais on me dit que mon adresse e-mail est déjà "
            "enregistrée. Je ne me suis jamais inscrit.",
            "Le formulaire d'inscription affiche l'erreur {error_code} quand je clique sur « "
            "Créer un compte ».",
            "jamais reçu le mail de confirmation pour activer mon compte",
            "J'ai oublié mon mot de passe, comment le réinitialiser ?",
            "comment je récupère mon mot de passe, l'appli me demande juste un e-mail",
            "Je me suis inscrite hier, mais le lien d'activation dit qu'il a expiré.",
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
            "where is my package",
            "Tracking has said 'out for delivery' since Tuesday. It's Friday.",
            "ordered a present for my mum's birthday on {date}, the party is this weekend and "
            "still no parcel",
            "Parcel {order_id} went to my old address even though I had updated it in my profile.",
            "Can you tell me where my order {order_id} is at the moment?",
            "how do I track my order?",
            "When can I expect my order? I placed it on {date}.",
            "How long does standard delivery usually take?",
            "Is there a tracking number for order {order_id}? It wasn't in the confirmation "
            "e-mail.",
            "If I order today, will it arrive before the weekend?",
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
            "waar blijft mijn pakket",
            "De track & trace staat sinds dinsdag op 'wordt vandaag bezorgd'. Het is vrijdag.",
            "op {date} een cadeau voor de verjaardag van mijn moeder besteld, het feest is "
            "dit weekend en nog steeds geen pakket",
            "Pakket {order_id} is naar mijn oude adres gegaan, terwijl ik het in mijn profiel "
            "had aangepast.",
            "Kunnen jullie me vertellen waar mijn bestelling {order_id} nu is?",
            "hoe kan ik mijn bestelling volgen?",
            "Wanneer kan ik mijn bestelling verwachten? Ik heb hem op {date} geplaatst.",
            "Hoe lang duurt standaardbezorging meestal?",
            "Is er een track & trace-code voor bestelling {order_id}? Die stond niet in de "
            "bevestigingsmail.",
            "Als ik vandaag bestel, is het er dan voor het weekend?",
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
            "unde e coletul meu",
            "În tracking scrie „în curs de livrare” de marți. Azi e vineri.",
            "am comandat pe {date} un cadou pentru ziua mamei, petrecerea e în weekend și "
            "coletul tot nu a venit",
            "Coletul {order_id} a plecat la adresa veche, deși o actualizasem în profil.",
            "Îmi puteți spune unde se află acum comanda {order_id}?",
            "cum pot urmări comanda?",
            "Când pot să mă aștept să primesc comanda? Am plasat-o pe {date}.",
            "Cât durează de obicei livrarea standard?",
            "Există un număr AWB pentru comanda {order_id}? Nu apărea în e-mailul de confirmare.",
            "Dacă comand azi, ajunge până în weekend?",
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
            "wo bleibt mein Paket",
            "Die Sendungsverfolgung zeigt seit Dienstag „in Zustellung“. Heute ist Freitag.",
            "am {date} ein Geschenk zum Geburtstag meiner Mutter bestellt, die Feier ist am "
            "Wochenende und immer noch kein Paket",
            "Paket {order_id} ging an meine alte Adresse, obwohl ich sie im Profil geändert hatte.",
            "Können Sie mir sagen, wo meine Bestellung {order_id} gerade ist?",
            "wie kann ich meine Bestellung verfolgen?",
            "Wann kann ich mit meiner Bestellung rechnen? Ich habe sie am {date} aufgegeben.",
            "Wie lange dauert der Standardversand normalerweise?",
            "Gibt es eine Sendungsnummer für die Bestellung {order_id}? In der Bestätigungsmail "
            "stand keine.",
            "Wenn ich heute bestelle, ist es dann vor dem Wochenende da?",
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
            "il est où mon colis",
            "Le suivi indique « en cours de livraison » depuis mardi. Nous sommes vendredi.",
            "commandé le {date} un cadeau pour l'anniversaire de ma mère, la fête est ce "
            "week-end et toujours pas de colis",
            "Le colis {order_id} est parti à mon ancienne adresse alors que je l'avais mise à "
            "jour dans mon profil.",
            "Pouvez-vous me dire où se trouve ma commande {order_id} en ce moment ?",
            "comment je fais pour suivre ma commande ?",
            "Quand puis-je espérer recevoir ma commande ? Je l'ai passée le {date}.",
            "Combien de temps prend la livraison standard, en général ?",
            "Y a-t-il un numéro de suivi pour la commande {order_id} ? Il n'était pas dans "
            "l'e-mail de confirmation.",
            "Si je commande aujourd'hui, est-ce que ce sera livré avant le week-end ?",
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
            "app keeps freezing when I scroll, have to force close it every time",
            "Since version {app_version} the photos I attach show up sideways.",
            "the save button is greyed out for no reason??",
            "Small thing, but the dates in the export are in American format even though my "
            "settings say European.",
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
            "app loopt steeds vast bij het scrollen, moet hem elke keer geforceerd afsluiten",
            "Sinds versie {app_version} staan de foto's die ik bijvoeg op hun kant.",
            "de opslaan-knop is zomaar grijs??",
            "Klein dingetje, maar de datums in de export staan in Amerikaans formaat, terwijl "
            "mijn instellingen op Europees staan.",
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
            "aplicația se tot blochează când dau scroll, trebuie să o închid forțat de "
            "fiecare dată",
            "De la versiunea {app_version}, pozele pe care le atașez apar întoarse pe o parte.",
            "butonul de salvare e gri fără niciun motiv??",
            "Un detaliu, dar datele din export sunt în format american, deși în setări am "
            "formatul european.",
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
            "App friert beim Scrollen ständig ein, muss sie jedes Mal zwangsbeenden",
            "Seit Version {app_version} werden die Fotos, die ich anhänge, seitlich gedreht "
            "angezeigt.",
            "der Speichern-Button ist einfach ausgegraut??",
            "Kleinigkeit, aber im Export stehen die Daten im amerikanischen Format, obwohl "
            "meine Einstellungen auf europäisch stehen.",
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
            "l'appli se fige dès que je fais défiler, je dois la forcer à quitter à chaque fois",
            "Depuis la version {app_version}, les photos que je joins s'affichent de travers.",
            "le bouton enregistrer est grisé sans raison ??",
            "Détail, mais les dates de l'export sont au format américain alors que mes "
            "paramètres sont au format européen.",
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
            "is it just me or is everything down",
            "None of my colleagues can open the app either, so it's not my wifi.",
            "site's dead. again.",
            "We have a queue of customers at the till and the card terminal app won't connect "
            "to your servers.",
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
            "ligt het aan mij of ligt alles eruit",
            "Geen van mijn collega's krijgt de app open, dus het ligt niet aan mijn wifi.",
            "site ligt plat. alweer.",
            "Er staat een rij klanten bij de kassa en de pinapp maakt geen verbinding met "
            "jullie servers.",
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
            "doar mie nu îmi merge sau e totul picat?",
            "Nici colegii mei nu pot deschide aplicația, deci nu e de la wifi-ul meu.",
            "site-ul e mort. iar.",
            "Avem coadă de clienți la casă și aplicația terminalului de plată nu se "
            "conectează la serverele voastre.",
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
            "liegt es an mir oder ist alles down",
            "Keiner meiner Kollegen bekommt die App auf, also liegt es nicht an meinem WLAN.",
            "Seite ist tot. schon wieder.",
            "Bei uns steht eine Schlange an der Kasse und die Kartenterminal-App verbindet "
            "sich nicht mit Ihren Servern.",
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
            "c'est moi ou tout est en panne ?",
            "Aucun de mes collègues n'arrive à ouvrir l'appli non plus, donc ce n'est pas mon "
            "wifi.",
            "site HS. encore.",
            "Il y a une file de clients à la caisse et l'appli du terminal de paiement "
            "n'arrive pas à joindre vos serveurs.",
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
            "how do I cancel",
            "Please don't renew my plan next month, I won't be needing it anymore.",
            "I'm moving abroad and would like to end my contract, what's the notice period?",
            "cancel my membership pls, I barely use it",
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
            "hoe zeg ik op",
            "Graag mijn abonnement volgende maand niet verlengen, ik heb het niet meer nodig.",
            "Ik verhuis naar het buitenland en wil mijn contract beëindigen, wat is de "
            "opzegtermijn?",
            "zeg mijn lidmaatschap maar op aub, ik gebruik het amper",
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
            "cum anulez",
            "Vă rog să nu-mi mai reînnoiți abonamentul luna viitoare, nu mai am nevoie de el.",
            "Mă mut în străinătate și aș vrea să închei contractul, care e perioada de preaviz?",
            "anulați-mi vă rog abonamentul, abia dacă îl folosesc",
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
            "wie kann ich kündigen",
            "Bitte verlängern Sie meinen Tarif nächsten Monat nicht, ich brauche ihn nicht mehr.",
            "Ich ziehe ins Ausland und möchte meinen Vertrag beenden, wie lang ist die "
            "Kündigungsfrist?",
            "bitte Mitgliedschaft kündigen, nutze sie eh kaum",
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
            "comment je résilie",
            "Merci de ne pas renouveler mon abonnement le mois prochain, je n'en ai plus besoin.",
            "Je déménage à l'étranger et je voudrais mettre fin à mon contrat, quel est le "
            "préavis ?",
            "résiliez mon abonnement svp, je ne m'en sers quasiment pas",
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
            "any chance you'll add {feature} at some point?",
            "It would save me so much time if the app remembered my last filter settings.",
            "pls add a way to print the whole order history at once",
            "Have you thought about letting us share a list with family members? Everyone I "
            "know would use it.",
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
            "komt er ooit {feature}?",
            "Het zou me veel tijd schelen als de app mijn laatste filterinstellingen onthoudt.",
            "graag een manier om de hele bestelgeschiedenis in één keer te printen",
            "Hebben jullie erover nagedacht om lijsten te laten delen met familieleden? "
            "Iedereen die ik ken zou het gebruiken.",
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
            "aveți de gând să adăugați {feature} la un moment dat?",
            "M-ar ajuta enorm dacă aplicația ar ține minte ultimele filtre folosite.",
            "vă rog adăugați o opțiune să printez tot istoricul comenzilor deodată",
            "V-ați gândit să permiteți partajarea unei liste cu membrii familiei? Toți "
            "cunoscuții mei ar folosi-o.",
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
            "plant ihr irgendwann {feature}?",
            "Es würde mir viel Zeit sparen, wenn die App meine letzten Filtereinstellungen "
            "speichern würde.",
            "bitte eine Möglichkeit einbauen, den ganzen Bestellverlauf auf einmal zu drucken",
            "Haben Sie mal überlegt, das Teilen von Listen mit Familienmitgliedern zu "
            "erlauben? Jeder, den ich kenne, würde das nutzen.",
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
            "vous comptez ajouter {feature} un jour ?",
            "Ça me ferait gagner un temps fou si l'appli retenait mes derniers filtres.",
            "svp ajoutez un moyen d'imprimer tout l'historique des commandes d'un coup",
            "Avez-vous pensé à permettre le partage d'une liste avec les membres de la "
            "famille ? Tout mon entourage l'utiliserait.",
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
            "someone changed my email and password, I didn't do that",
            "Got a text saying my account was accessed from another country. I haven't been "
            "abroad in years.",
            "there's an order for a {product} in my history that I never placed",
            "I clicked a link in an e-mail that looked like it came from you and typed in my "
            "password. Now I'm worried.",
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
            "iemand heeft mijn e-mail en wachtwoord veranderd, dat was ik niet",
            "Ik kreeg een sms dat er vanuit een ander land op mijn account is ingelogd. Ik "
            "ben al jaren niet in het buitenland geweest.",
            "er staat een bestelling voor een {product} in mijn geschiedenis die ik nooit heb "
            "geplaatst",
            "Ik heb op een link geklikt in een mail die van jullie leek te komen en mijn "
            "wachtwoord ingevuld. Nu ben ik ongerust.",
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
            "cineva mi-a schimbat e-mailul și parola, nu eu am făcut asta",
            "Am primit un SMS că s-a intrat în contul meu din altă țară. Nu am mai fost în "
            "străinătate de ani de zile.",
            "în istoric apare o comandă pentru {product} pe care nu am plasat-o niciodată",
            "Am dat click pe un link dintr-un e-mail care părea de la voi și mi-am introdus "
            "parola. Acum sunt îngrijorată.",
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
            "jemand hat meine E-Mail und mein Passwort geändert, das war nicht ich",
            "Ich habe eine SMS bekommen, dass aus einem anderen Land auf mein Konto "
            "zugegriffen wurde. Ich war seit Jahren nicht im Ausland.",
            "in meinem Verlauf ist eine Bestellung über {product}, die ich nie aufgegeben habe",
            "Ich habe auf einen Link in einer Mail geklickt, die aussah, als käme sie von "
            "Ihnen, und mein Passwort eingegeben. Jetzt mache ich mir Sorgen.",
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
            "quelqu'un a changé mon e-mail et mon mot de passe, ce n'est pas moi",
            "J'ai reçu un SMS disant que mon compte a été consulté depuis un autre pays. Je "
            "ne suis pas allé à l'étranger depuis des années.",
            "il y a une commande pour {product} dans mon historique que je n'ai jamais passée",
            "J'ai cliqué sur un lien dans un e-mail qui semblait venir de vous et j'ai saisi "
            "mon mot de passe. Je suis inquiète maintenant.",
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
            "please delete all my data, I don't want to be in your system anymore",
            "How did you get my phone number? I never gave it to you.",
            "stop emailing me. I unsubscribed twice.",
            "Which third parties do you share my purchase history with? I'd like a list.",
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
            "verwijder al mijn gegevens aub, ik wil niet meer in jullie systeem staan",
            "Hoe komen jullie aan mijn telefoonnummer? Dat heb ik nooit aan jullie gegeven.",
            "stop met mailen. ik heb me al twee keer afgemeld.",
            "Met welke derde partijen delen jullie mijn aankoopgeschiedenis? Ik wil graag een "
            "lijst.",
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
            "vă rog să ștergeți toate datele mele, nu mai vreau să fiu în sistemul vostru",
            "De unde aveți numărul meu de telefon? Nu vi l-am dat niciodată.",
            "nu-mi mai trimiteți e-mailuri. m-am dezabonat de două ori.",
            "Cu ce terți împărtășiți istoricul cumpărăturilor mele? Aș dori o listă.",
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
            "bitte alle meine Daten löschen, ich will nicht mehr in Ihrem System sein",
            "Woher haben Sie meine Telefonnummer? Die habe ich Ihnen nie gegeben.",
            "hören Sie auf, mir Mails zu schicken. habe mich zweimal abgemeldet.",
            "An welche Dritten geben Sie meine Kaufhistorie weiter? Ich hätte gern eine Liste.",
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
            "supprimez toutes mes données svp, je ne veux plus être dans votre système",
            "Comment avez-vous eu mon numéro de téléphone ? Je ne vous l'ai jamais donné.",
            "arrêtez de m'envoyer des mails. je me suis désinscrit deux fois.",
            "Avec quels tiers partagez-vous mon historique d'achats ? Je voudrais une liste.",
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
            "does the {product} work with iphone?",
            "Is the {product} still in stock, or do you know when it's coming back?",
            "what's the difference between the {product} and the cheaper one?",
            "My dad is 80 and not great with tech, would the {product} be easy enough for him "
            "to set up?",
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
            "werkt de {product} met een iphone?",
            "Is de {product} nog op voorraad, of weten jullie wanneer hij weer binnenkomt?",
            "wat is het verschil tussen de {product} en de goedkopere?",
            "Mijn vader is 80 en niet zo handig met techniek, kan hij de {product} zelf "
            "installeren?",
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
            "{product} merge cu iphone?",
            "Mai aveți {product} pe stoc sau știți când revine?",
            "care e diferența dintre {product} și varianta mai ieftină?",
            "Tatăl meu are 80 de ani și nu se descurcă cu tehnologia, ar putea configura "
            "singur {product}?",
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
            "geht {product} auch mit dem iPhone?",
            "Ist {product} noch auf Lager, oder wissen Sie, wann es wieder reinkommt?",
            "was ist der Unterschied zwischen {product} und dem günstigeren Modell?",
            "Mein Vater ist 80 und nicht so technikaffin, kann er {product} allein einrichten?",
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
            "{product} est compatible iphone ?",
            "{product} est-il encore en stock, ou savez-vous quand il revient ?",
            "c'est quoi la différence entre {product} et le modèle moins cher ?",
            "Mon père a 80 ans et n'est pas très à l'aise avec la technologie, pourrait-il "
            "installer {product} tout seul ?",
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
            "Three weeks, five e-mails, zero answers. Great service.",
            "The {product} broke after a month and your shop just told me to contact the "
            "manufacturer.",
            "honestly the worst customer experience I've had in years",
            "I was promised a callback on {date}. Nobody called. Nobody ever calls.",
            "Poor quality, the strap broke after a week. Money thrown away.",
            "Not as described, the colour is completely different from the photos.",
            "The {product} stopped working after three days. Really poor.",
            "cheap plastic, feels like a toy. not worth {amount}",
            "Very disappointed with the jacket, it's much thinner than it looks in the pictures.",
            "The instructions are useless and half the screws were missing.",
            "Arrived scratched and smells of chemicals. Not impressed.",
            "The battery barely lasts a day, nothing like the 'whole week' you advertise.",
            "waste of money",
            "The new version of the app is worse than the old one, everything takes twice as many "
            "clicks.",
            "Looked nice for a month, then the paint started peeling off.",
            "Sizes are way off: I normally wear an M and even the L is too tight.",
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
            "Drie weken, vijf mails, nul antwoorden. Top service.",
            "De {product} ging na een maand kapot en jullie winkel zei alleen dat ik de "
            "fabrikant moest bellen.",
            "eerlijk gezegd de slechtste klantervaring die ik in jaren heb gehad",
            "Er werd me beloofd dat ik op {date} teruggebeld zou worden. Niemand belde. Er "
            "belt nooit iemand.",
            "Slechte kwaliteit, het bandje brak na een week. Zonde van het geld.",
            "Niet zoals beschreven, de kleur is totaal anders dan op de foto's.",
            "De {product} deed het na drie dagen al niet meer. Echt slecht.",
            "goedkoop plastic, voelt als speelgoed. geen {amount} waard",
            "Erg teleurgesteld in de jas, hij is veel dunner dan hij op de foto's lijkt.",
            "De handleiding slaat nergens op en de helft van de schroeven ontbrak.",
            "Kwam bekrast aan en stinkt naar chemicaliën. Niet onder de indruk.",
            "De batterij houdt het amper een dag vol, niks van de 'hele week' uit jullie reclame.",
            "weggegooid geld",
            "De nieuwe versie van de app is slechter dan de oude, alles kost twee keer zoveel "
            "klikken.",
            "Zag er een maand leuk uit, toen begon de verf al te bladderen.",
            "De maten kloppen echt niet: normaal heb ik M en zelfs de L zit te strak.",
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
            "Trei săptămâni, cinci e-mailuri, zero răspunsuri. Felicitări pentru servicii.",
            "{product} s-a stricat după o lună, iar în magazin mi s-a spus doar să contactez "
            "producătorul.",
            "sincer, cea mai proastă experiență de client din ultimii ani",
            "Mi s-a promis pe {date} că voi fi sunat înapoi. Nu m-a sunat nimeni. Nu sună "
            "niciodată nimeni.",
            "Calitate slabă, cureaua s-a rupt după o săptămână. Bani aruncați.",
            "Nu corespunde descrierii, culoarea e complet diferită față de poze.",
            "{product} a încetat să funcționeze după trei zile. Foarte slab.",
            "plastic ieftin, pare jucărie. nu merită {amount}",
            "Foarte dezamăgită de geacă, e mult mai subțire decât pare în poze.",
            "Instrucțiunile nu ajută la nimic și lipseau jumătate din șuruburi.",
            "A venit zgâriat și miroase a chimicale. Nu m-a impresionat deloc.",
            "Bateria ține abia o zi, nicio legătură cu „o săptămână întreagă” din reclamă.",
            "păcat de bani",
            "Noua versiune a aplicației e mai proastă decât cea veche, orice acțiune cere de două "
            "ori mai multe click-uri.",
            "A arătat bine o lună, apoi a început să se cojească vopseaua.",
            "Mărimile sunt total aiurea: de obicei port M și nici măcar L-ul nu mă încape.",
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
            "Drei Wochen, fünf Mails, null Antworten. Toller Service.",
            "{product} war nach einem Monat kaputt und Ihr Laden meinte nur, ich solle mich "
            "an den Hersteller wenden.",
            "ehrlich gesagt das schlechteste Kundenerlebnis seit Jahren",
            "Mir wurde für den {date} ein Rückruf versprochen. Niemand hat angerufen. Es ruft "
            "nie jemand an.",
            "Schlechte Qualität, das Armband ist nach einer Woche gerissen. Rausgeschmissenes "
            "Geld.",
            "Nicht wie beschrieben, die Farbe ist eine völlig andere als auf den Fotos.",
            "{product} hat nach drei Tagen den Geist aufgegeben. Wirklich schwach.",
            "billiges Plastik, fühlt sich an wie Spielzeug. keine {amount} wert",
            "Sehr enttäuscht von der Jacke, sie ist viel dünner, als sie auf den Bildern aussieht.",
            "Die Anleitung ist unbrauchbar und die Hälfte der Schrauben hat gefehlt.",
            "Kam zerkratzt an und riecht nach Chemie. Nicht überzeugend.",
            "Der Akku hält kaum einen Tag, von der beworbenen „ganzen Woche“ keine Spur.",
            "Geldverschwendung",
            "Die neue Version der App ist schlechter als die alte, alles braucht doppelt so viele "
            "Klicks.",
            "Sah einen Monat lang schön aus, dann fing die Farbe an abzublättern.",
            "Die Größen fallen total daneben aus: Normalerweise trage ich M und selbst L ist zu "
            "eng.",
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
            "Trois semaines, cinq e-mails, zéro réponse. Bravo pour le service.",
            "{product} est tombé en panne au bout d'un mois et votre magasin m'a juste dit de "
            "contacter le fabricant.",
            "franchement la pire expérience client que j'ai eue depuis des années",
            "On m'avait promis un rappel le {date}. Personne n'a appelé. Personne n'appelle "
            "jamais.",
            "Qualité médiocre, le bracelet a cassé au bout d'une semaine. De l'argent jeté par "
            "les fenêtres.",
            "Pas conforme à la description, la couleur n'a rien à voir avec les photos.",
            "{product} a cessé de fonctionner au bout de trois jours. Vraiment décevant.",
            "plastique bas de gamme, on dirait un jouet. ça ne vaut pas {amount}",
            "Très déçue par la veste, elle est bien plus fine qu'elle n'en a l'air sur les photos.",
            "La notice ne sert à rien et il manquait la moitié des vis.",
            "Arrivé rayé et ça sent les produits chimiques. Pas convaincu.",
            "La batterie tient à peine une journée, on est loin de la « semaine entière » de "
            "votre pub.",
            "argent gaspillé",
            "La nouvelle version de l'appli est pire que l'ancienne, tout demande deux fois plus "
            "de clics.",
            "Joli pendant un mois, puis la peinture a commencé à s'écailler.",
            "Les tailles sont complètement fausses : je porte du M d'habitude et même le L est "
            "trop serré.",
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
            "can I still add something to my order?",
            "I put the wrong house number on {order_id}, it should be 14, not 41.",
            "change size M to L on my last order pls",
            "Is it too late to switch {order_id} to pick-up in store? I'll be away when it's "
            "delivered.",
            "Please cancel order {order_id}, it hasn't been shipped yet.",
            "I ordered this by mistake, can I still cancel before it goes out?",
            "cancel my order pls, found it cheaper somewhere else",
            "How do I cancel an order I placed an hour ago? I can't see a cancel button.",
            "I need to change the shipping address on my order, I'll be staying at my parents' "
            "this month.",
            "Could you send order {order_id} to my work address instead? I'm there during the day.",
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
            "kan ik nog iets aan mijn bestelling toevoegen?",
            "Ik heb bij {order_id} het verkeerde huisnummer ingevuld, het moet 14 zijn, niet 41.",
            "graag maat M omzetten naar L bij mijn laatste bestelling",
            "Is het te laat om {order_id} om te zetten naar afhalen in de winkel? Ik ben weg "
            "als het bezorgd wordt.",
            "Graag bestelling {order_id} annuleren, hij is nog niet verzonden.",
            "Ik heb dit per ongeluk besteld, kan ik nog annuleren voordat het verstuurd wordt?",
            "annuleer mijn bestelling aub, ergens anders goedkoper gevonden",
            "Hoe annuleer ik een bestelling die ik een uur geleden heb geplaatst? Ik zie nergens "
            "een annuleerknop.",
            "Ik moet het verzendadres van mijn bestelling wijzigen, ik logeer deze maand bij mijn "
            "ouders.",
            "Kunnen jullie bestelling {order_id} naar mijn werkadres sturen? Daar ben ik overdag.",
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
            "mai pot adăuga ceva la comandă?",
            "Am greșit numărul casei la {order_id}, e 14, nu 41.",
            "schimbați vă rog mărimea M cu L la ultima comandă",
            "E prea târziu să trec {order_id} pe ridicare din magazin? Nu voi fi acasă când "
            "se livrează.",
            "Vă rog să anulați comanda {order_id}, încă nu a fost expediată.",
            "Am comandat din greșeală, mai pot anula înainte să fie trimisă?",
            "anulați-mi comanda vă rog, am găsit-o mai ieftin în altă parte",
            "Cum anulez o comandă plasată acum o oră? Nu văd niciun buton de anulare.",
            "Trebuie să schimb adresa de livrare a comenzii, luna asta stau la părinți.",
            "Puteți trimite comanda {order_id} la adresa de la birou? Acolo sunt în timpul zilei.",
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
            "kann ich noch was zu meiner Bestellung hinzufügen?",
            "Ich habe bei {order_id} die falsche Hausnummer angegeben, richtig ist 14, nicht 41.",
            "bitte bei meiner letzten Bestellung Größe M in L ändern",
            "Ist es zu spät, {order_id} auf Abholung im Laden umzustellen? Ich bin bei der "
            "Zustellung nicht da.",
            "Bitte stornieren Sie die Bestellung {order_id}, sie ist noch nicht verschickt.",
            "Ich habe das aus Versehen bestellt, kann ich noch stornieren, bevor es rausgeht?",
            "bitte Bestellung stornieren, hab's woanders günstiger gefunden",
            "Wie storniere ich eine Bestellung, die ich vor einer Stunde aufgegeben habe? Ich "
            "sehe keinen Stornieren-Button.",
            "Ich muss die Lieferadresse meiner Bestellung ändern, ich wohne diesen Monat bei "
            "meinen Eltern.",
            "Könnten Sie die Bestellung {order_id} stattdessen an meine Arbeitsadresse schicken? "
            "Da bin ich tagsüber.",
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
            "je peux encore ajouter un article à ma commande ?",
            "Je me suis trompé de numéro de rue pour {order_id}, c'est le 14, pas le 41.",
            "svp changez la taille M en L sur ma dernière commande",
            "Est-il trop tard pour passer {order_id} en retrait en magasin ? Je serai absent "
            "à la livraison.",
            "Merci d'annuler la commande {order_id}, elle n'est pas encore expédiée.",
            "J'ai commandé ça par erreur, est-ce que je peux encore annuler avant l'envoi ?",
            "annulez ma commande svp, je l'ai trouvée moins chère ailleurs",
            "Comment annuler une commande passée il y a une heure ? Je ne vois aucun bouton "
            "d'annulation.",
            "Je dois changer l'adresse de livraison de ma commande, je suis chez mes parents ce "
            "mois-ci.",
            "Pourriez-vous envoyer la commande {order_id} à mon adresse professionnelle ? J'y "
            "suis en journée.",
        ),
    },
    # What fits none of the topics above: general questions, sales and partnership enquiries,
    # job applications, spam, wrong-company messages, unrelated feedback.
    "other": {
        "en": (
            "What are your opening hours on bank holidays?",
            "Do you have a shop in Manchester where I could come and have a look?",
            "We're a small design agency and would love to talk to someone in your marketing "
            "team about a partnership.",
            "Who should I speak to about stocking your products in our three stores?",
            "Hello, I'd like to apply for the warehouse job I saw on your website. My CV is "
            "attached.",
            "Are you taking on any interns this summer? I'm in my second year of a marketing "
            "degree.",
            "Boost your website's Google ranking in 30 days! Reply YES for a free SEO audit.",
            "Congratulations, you have been selected for an exclusive investment opportunity "
            "with guaranteed returns.",
            "Sorry, I think I've got the wrong company, I was trying to reach my energy supplier.",
            "is this the dentist? I need to move my appointment on {date}",
            "Just wanted to say the song in your radio ad has been stuck in my head all week, "
            "haha.",
            "I'm writing my thesis on online retail, would someone from your company answer a "
            "few questions?",
            "I'm a reporter for a local paper and would like to speak to your press office.",
            "Our kids' football club is looking for sponsors for next season, would you be "
            "interested?",
            "test 123 please ignore",
            "What's your postal address? I need to send you a letter.",
            "The {product} is excellent, really quiet, I'd recommend it to anyone.",
            "Delivery was quick and the packaging perfect, thank you!",
            "Just wanted to say thank you to the lady I spoke to on the phone yesterday, she "
            "sorted everything in five minutes.",
            "love it!",
            "Very happy with the {product}, works exactly as described.",
            "Great quality for the price, I'll definitely order again.",
            "Ordered on Monday, arrived Tuesday morning. Impressive.",
            "The app has got so much better since the last update, well done to whoever worked on "
            "it.",
            "10/10, would buy again",
            "These headphones exceeded my expectations, the battery lasts for days.",
            "Best online shop I've used: easy returns, friendly staff, no fuss.",
            "Bought the {product} for my daughter and she loves it, thank you!",
        ),
        "nl": (
            "Wat zijn jullie openingstijden op feestdagen?",
            "Hebben jullie een winkel in Utrecht waar ik even kan komen kijken?",
            "Wij zijn een klein ontwerpbureau en willen graag met iemand van jullie "
            "marketingteam praten over een samenwerking.",
            "Met wie kan ik praten over het verkopen van jullie producten in onze drie winkels?",
            "Hallo, ik wil graag solliciteren op de vacature voor magazijnmedewerker op "
            "jullie website. Mijn cv zit in de bijlage.",
            "Hebben jullie deze zomer plek voor een stagiair? Ik zit in het tweede jaar van "
            "de opleiding marketing.",
            "Binnen 30 dagen bovenaan in Google! Antwoord JA voor een gratis SEO-scan.",
            "Gefeliciteerd, u bent geselecteerd voor een exclusieve investeringskans met "
            "gegarandeerd rendement.",
            "Sorry, ik denk dat ik bij het verkeerde bedrijf ben, ik probeerde mijn "
            "energieleverancier te bereiken.",
            "is dit de tandarts? ik moet mijn afspraak van {date} verzetten",
            "Wilde even zeggen dat het liedje uit jullie radioreclame al de hele week in mijn "
            "hoofd zit, haha.",
            "Ik schrijf mijn scriptie over online winkelen, zou iemand van jullie bedrijf een "
            "paar vragen willen beantwoorden?",
            "Ik ben verslaggever bij een lokale krant en zou graag jullie persvoorlichter spreken.",
            "Onze jeugdvoetbalclub zoekt sponsors voor volgend seizoen, hebben jullie interesse?",
            "test 123 graag negeren",
            "Wat is jullie postadres? Ik moet jullie een brief sturen.",
            "De {product} is echt top, lekker stil, zou hem iedereen aanraden.",
            "Snel bezorgd en perfect verpakt, dank jullie wel!",
            "Wil even de mevrouw bedanken die ik gisteren aan de telefoon had, binnen vijf "
            "minuten was alles geregeld.",
            "super blij mee!",
            "Heel tevreden met de {product}, doet precies wat er beloofd wordt.",
            "Prima kwaliteit voor die prijs, ik bestel zeker nog eens.",
            "Maandag besteld, dinsdagochtend in huis. Knap hoor.",
            "De app is sinds de laatste update zoveel beter geworden, complimenten aan wie eraan "
            "gewerkt heeft.",
            "10/10, zou het zo weer kopen",
            "Deze koptelefoon overtreft al mijn verwachtingen, de batterij gaat dagen mee.",
            "Beste webshop die ik ken: makkelijk retourneren, vriendelijk personeel, geen gedoe.",
            "De {product} voor mijn dochter gekocht en ze is er dol op, bedankt!",
        ),
        "ro": (
            "Care este programul vostru în zilele de sărbătoare?",
            "Aveți un magazin în Cluj unde aș putea veni să văd produsele?",
            "Suntem o mică agenție de design și am vrea să discutăm cu cineva din echipa de "
            "marketing despre un parteneriat.",
            "Cu cine pot vorbi despre vânzarea produselor voastre în cele trei magazine ale "
            "noastre?",
            "Bună ziua, aș dori să aplic pentru postul de lucrător în depozit văzut pe "
            "site-ul vostru. Am atașat CV-ul.",
            "Primiți stagiari în vara asta? Sunt în anul doi la marketing.",
            "Site-ul dumneavoastră pe prima pagină Google în 30 de zile! Răspundeți DA pentru "
            "un audit SEO gratuit.",
            "Felicitări, ați fost selectat pentru o oportunitate exclusivă de investiție cu "
            "profit garantat.",
            "Scuze, cred că am greșit firma, încercam să dau de furnizorul meu de energie.",
            "aici e cabinetul stomatologic? trebuie să mut programarea din {date}",
            "Voiam doar să vă spun că melodia din reclama voastră de la radio nu-mi iese din "
            "cap toată săptămâna, haha.",
            "Îmi scriu lucrarea de licență despre comerțul online, ar putea cineva din firmă "
            "să răspundă la câteva întrebări?",
            "Sunt reporter la un ziar local și aș dori să vorbesc cu biroul vostru de presă.",
            "Clubul de fotbal pentru copii caută sponsori pentru sezonul viitor, ați fi "
            "interesați?",
            "test 123 vă rog ignorați",
            "Care este adresa voastră poștală? Trebuie să vă trimit o scrisoare.",
            "{product} e excelent, foarte silențios, îl recomand oricui.",
            "Livrare rapidă și ambalaj impecabil, mulțumesc!",
            "Voiam doar să-i mulțumesc doamnei cu care am vorbit ieri la telefon, a rezolvat "
            "totul în cinci minute.",
            "îmi place la nebunie!",
            "Foarte mulțumit de {product}, funcționează exact cum e descris.",
            "Calitate foarte bună pentru prețul ăsta, sigur mai comand.",
            "Comandat luni, primit marți dimineață. Impresionant.",
            "Aplicația s-a îmbunătățit enorm de la ultima actualizare, felicitări celor care au "
            "lucrat la ea.",
            "10/10, aș cumpăra din nou",
            "Căștile astea mi-au depășit așteptările, bateria ține zile întregi.",
            "Cel mai bun magazin online pe care l-am folosit: retur simplu, oameni amabili, fără "
            "bătăi de cap.",
            "Am luat {product} pentru fiica mea și e încântată, mulțumesc!",
        ),
        "de": (
            "Wie sind Ihre Öffnungszeiten an Feiertagen?",
            "Haben Sie ein Geschäft in Köln, wo ich mir die Sachen mal ansehen kann?",
            "Wir sind eine kleine Designagentur und würden gern mit jemandem aus Ihrem "
            "Marketing über eine Kooperation sprechen.",
            "An wen wende ich mich, wenn wir Ihre Produkte in unseren drei Filialen verkaufen "
            "möchten?",
            "Hallo, ich möchte mich auf die Stelle als Lagermitarbeiter von Ihrer Website "
            "bewerben. Mein Lebenslauf ist im Anhang.",
            "Nehmen Sie diesen Sommer Praktikanten? Ich bin im zweiten Jahr meines "
            "Marketingstudiums.",
            "In 30 Tagen auf Platz 1 bei Google! Antworten Sie mit JA für einen kostenlosen "
            "SEO-Check.",
            "Herzlichen Glückwunsch, Sie wurden für eine exklusive Anlagemöglichkeit mit "
            "garantierter Rendite ausgewählt.",
            "Entschuldigung, ich glaube, ich bin bei der falschen Firma gelandet, ich wollte "
            "eigentlich meinen Stromanbieter erreichen.",
            "ist das die Zahnarztpraxis? ich muss meinen Termin am {date} verschieben",
            "Wollte nur sagen, dass mir das Lied aus Ihrer Radiowerbung die ganze Woche nicht "
            "aus dem Kopf geht, haha.",
            "Ich schreibe meine Abschlussarbeit über Onlinehandel, würde jemand aus Ihrem "
            "Unternehmen ein paar Fragen beantworten?",
            "Ich bin Reporterin bei einer Lokalzeitung und würde gern mit Ihrer Pressestelle "
            "sprechen.",
            "Unser Jugendfußballverein sucht Sponsoren für die nächste Saison, hätten Sie "
            "Interesse?",
            "test 123 bitte ignorieren",
            "Wie lautet Ihre Postanschrift? Ich muss Ihnen einen Brief schicken.",
            "{product} ist hervorragend, richtig leise, ich kann es jedem empfehlen.",
            "Schnelle Lieferung und perfekt verpackt, vielen Dank!",
            "Ich wollte mich nur bei der Dame bedanken, mit der ich gestern telefoniert habe, sie "
            "hat alles in fünf Minuten geregelt.",
            "einfach top!",
            "Sehr zufrieden mit {product}, funktioniert genau wie beschrieben.",
            "Super Qualität für den Preis, ich bestelle bestimmt wieder.",
            "Montag bestellt, Dienstagfrüh da. Respekt.",
            "Die App ist seit dem letzten Update so viel besser geworden, großes Lob an alle, die "
            "daran gearbeitet haben.",
            "10/10, würde ich wieder kaufen",
            "Die Kopfhörer haben meine Erwartungen übertroffen, der Akku hält tagelang.",
            "Der beste Onlineshop, den ich kenne: unkomplizierte Retouren, freundliches Personal, "
            "kein Theater.",
            "Habe {product} für meine Tochter gekauft und sie ist begeistert, danke!",
        ),
        "fr": (
            "Quels sont vos horaires d'ouverture les jours fériés ?",
            "Avez-vous une boutique à Lyon où je pourrais passer voir les produits ?",
            "Nous sommes une petite agence de design et aimerions parler d'un partenariat "
            "avec quelqu'un de votre équipe marketing.",
            "À qui dois-je m'adresser pour vendre vos produits dans nos trois magasins ?",
            "Bonjour, je souhaite postuler à l'offre de préparateur de commandes vue sur "
            "votre site. Vous trouverez mon CV en pièce jointe.",
            "Prenez-vous des stagiaires cet été ? Je suis en deuxième année d'école de commerce.",
            "Votre site en première page de Google en 30 jours ! Répondez OUI pour un audit "
            "SEO gratuit.",
            "Félicitations, vous avez été sélectionné pour une opportunité d'investissement "
            "exclusive au rendement garanti.",
            "Désolé, je crois que je me suis trompé d'entreprise, je voulais joindre mon "
            "fournisseur d'électricité.",
            "c'est bien le cabinet dentaire ? je dois déplacer mon rendez-vous du {date}",
            "Je voulais juste vous dire que la chanson de votre pub à la radio me reste en "
            "tête toute la semaine, haha.",
            "Je rédige mon mémoire sur le commerce en ligne, quelqu'un de votre entreprise "
            "accepterait-il de répondre à quelques questions ?",
            "Je suis journaliste dans un quotidien régional et j'aimerais parler à votre "
            "service de presse.",
            "Notre club de foot pour enfants cherche des sponsors pour la saison prochaine, "
            "seriez-vous intéressés ?",
            "test 123 merci d'ignorer",
            "Quelle est votre adresse postale ? Je dois vous envoyer un courrier.",
            "{product} est excellent, très silencieux, je le recommande à tout le monde.",
            "Livraison rapide et emballage parfait, merci !",
            "Je voulais juste remercier la dame que j'ai eue au téléphone hier, elle a tout réglé "
            "en cinq minutes.",
            "j'adore !",
            "Très satisfait de {product}, il fonctionne exactement comme décrit.",
            "Très bonne qualité pour le prix, je recommanderai sans hésiter.",
            "Commandé lundi, reçu mardi matin. Chapeau.",
            "L'appli s'est tellement améliorée depuis la dernière mise à jour, bravo à ceux qui "
            "ont travaillé dessus.",
            "10/10, je le rachèterais",
            "Ce casque a dépassé mes attentes, la batterie tient des jours.",
            "La meilleure boutique en ligne que je connaisse : retours faciles, personnel sympa, "
            "aucune prise de tête.",
            "J'ai acheté {product} pour ma fille et elle l'adore, merci !",
        ),
    },
}

# What each core phrasing does, one letter per phrasing in CORE order (spaces are ignored; the
# tuples of a topic are parallel across languages, so one string serves all five). The drawn
# sentiment depends on it (generate_tickets.KIND_SENTIMENT), as an annotator would label it:
#   p  problem told calmly: a failure, delay, wrong charge, missing refund, broken product
#      (mostly negative, sometimes neutral, now and then positive when told with thanks)
#   g  grievance: a problem told with open annoyance ("it's been 3 weeks", "site's dead. again.")
#      or a complaint about the service (always negative)
#   r  request: a plain question, request or piece of information (mostly neutral, sometimes
#      positive with thanks; negative only when the customer has had to chase it)
#   +  praise: positive feedback, a review ("excellent, I'd recommend it") (always positive)
#   -  criticism: negative feedback, a review ("poor quality, broke after a week") (always
#      negative)
CORE_KINDS: dict[str, str] = {
    "billing": "ppppg rpppg pgr rrrppgr",
    "refund": "ppppp rrpgg gr rrrrrr",
    "account_access": "ppppr pprpp pp ppprrp",
    "shipping_delivery": "ppppr ppppg gp rrrrrr",
    "technical_bug": "ppppp ppppp gp",
    "outage": "ppppp ggppp gp",
    "cancellation": "rrrrr prrrr rr",
    "feature_request": "rrrrr rprrr rr",
    "security_incident": "ppppr ppppp pp",
    "privacy_gdpr": "rrgrr prrrp gr",
    "product_question": "rrrrr rrrrr rr",
    "complaint": "gg-gg ggggg gg ------------",
    "order_change": "rrrrr rrrrr rr rrrrrr",
    "other": "rrrrr rrrrr +rrrr r ++++++++++++",
}

# Topic -> language -> e-mail/web subject lines: short and generic-ish, like real ones.
SUBJECTS: dict[str, Phrasebook] = {
    "billing": {
        "en": (
            "Question about my invoice",
            "Double charge",
            "Invoice {order_id}",
            "Payment issue",
            "charged twice??",
            "Wrong amount on my invoice",
            "What is this payment?",
            "Billing - account {customer_id}",
        ),
        "nl": (
            "Vraag over mijn factuur",
            "Dubbele afschrijving",
            "Factuur {order_id}",
            "Probleem met betaling",
            "dubbel afgeschreven??",
            "Verkeerd bedrag op factuur",
            "Wat is deze betaling?",
            "Facturatie - klant {customer_id}",
        ),
        "ro": (
            "Întrebare despre factură",
            "Plată dublă",
            "Factura {order_id}",
            "Problemă cu plata",
            "plătit de două ori??",
            "Sumă greșită pe factură",
            "Ce e plata asta?",
            "Facturare - client {customer_id}",
        ),
        "de": (
            "Frage zu meiner Rechnung",
            "Doppelte Abbuchung",
            "Rechnung {order_id}",
            "Problem mit der Zahlung",
            "doppelt abgebucht??",
            "Falscher Betrag auf der Rechnung",
            "Was ist das für eine Abbuchung?",
            "Abrechnung - Kunde {customer_id}",
        ),
        "fr": (
            "Question sur ma facture",
            "Double prélèvement",
            "Facture {order_id}",
            "Problème de paiement",
            "prélevé deux fois ??",
            "Montant erroné sur ma facture",
            "C'est quoi ce prélèvement ?",
            "Facturation - client {customer_id}",
        ),
    },
    "refund": {
        "en": (
            "Refund request",
            "Where is my refund?",
            "Money back for {order_id}",
            "Return",
            "still no refund",
            "Refund not received yet",
            "Money back please",
            "Return {order_id} - refund?",
        ),
        "nl": (
            "Verzoek om terugbetaling",
            "Waar blijft mijn geld?",
            "Refund {order_id}",
            "Retour",
            "nog steeds geen refund",
            "Terugbetaling nog niet ontvangen",
            "Graag mijn geld terug",
            "Retour {order_id} - terugbetaling?",
        ),
        "ro": (
            "Cerere de rambursare",
            "Când primesc banii înapoi?",
            "Rambursare {order_id}",
            "Retur",
            "tot nu am primit banii",
            "Rambursarea nu a ajuns",
            "Vreau banii înapoi",
            "Retur {order_id} - rambursare?",
        ),
        "de": (
            "Erstattung",
            "Wo bleibt meine Rückerstattung?",
            "Gutschrift {order_id}",
            "Retoure",
            "immer noch keine Erstattung",
            "Rückzahlung noch nicht erhalten",
            "Bitte Geld zurück",
            "Retoure {order_id} - Erstattung?",
        ),
        "fr": (
            "Demande de remboursement",
            "Où en est mon remboursement ?",
            "Remboursement {order_id}",
            "Retour",
            "toujours pas remboursé",
            "Remboursement non reçu",
            "Je veux être remboursé",
            "Retour {order_id} - remboursement ?",
        ),
    },
    "account_access": {
        "en": (
            "Can't log in",
            "Account locked",
            "Password reset not working",
            "Login problem",
            "locked out",
            "can't sign in",
            "2FA code not arriving",
            "Login loop",
        ),
        "nl": (
            "Kan niet inloggen",
            "Account geblokkeerd",
            "Wachtwoord resetten lukt niet",
            "Probleem met login",
            "buitengesloten",
            "kan niet inloggen",
            "2FA-code komt niet aan",
            "Inloggen blijft hangen",
        ),
        "ro": (
            "Nu mă pot conecta",
            "Cont blocat",
            "Resetarea parolei nu merge",
            "Problemă la autentificare",
            "blocat afară din cont",
            "nu mă pot loga",
            "Codul 2FA nu vine",
            "Login-ul se reîncarcă",
        ),
        "de": (
            "Login nicht möglich",
            "Konto gesperrt",
            "Passwort zurücksetzen klappt nicht",
            "Anmeldeproblem",
            "ausgesperrt",
            "komme nicht rein",
            "2FA-Code kommt nicht",
            "Login-Schleife",
        ),
        "fr": (
            "Impossible de me connecter",
            "Compte bloqué",
            "Réinitialisation du mot de passe",
            "Problème de connexion",
            "bloqué hors de mon compte",
            "connexion impossible",
            "Code 2FA non reçu",
            "La connexion tourne en boucle",
        ),
    },
    "shipping_delivery": {
        "en": (
            "Where is my order?",
            "Parcel not received",
            "Delivery {order_id}",
            "Damaged delivery",
            "parcel??",
            "Still waiting for my delivery",
            "Tracking not updating",
            "Package marked delivered but not here",
        ),
        "nl": (
            "Waar blijft mijn bestelling?",
            "Pakket niet ontvangen",
            "Levering {order_id}",
            "Beschadigde levering",
            "pakket??",
            "Nog steeds niet geleverd",
            "Track & trace staat stil",
            "Pakket 'bezorgd' maar niet ontvangen",
        ),
        "ro": (
            "Unde este comanda mea?",
            "Colet neprimit",
            "Livrare {order_id}",
            "Colet deteriorat",
            "coletul??",
            "Încă aștept livrarea",
            "Tracking-ul nu se actualizează",
            "Colet marcat livrat, dar nu l-am primit",
        ),
        "de": (
            "Wo bleibt meine Bestellung?",
            "Paket nicht erhalten",
            "Lieferung {order_id}",
            "Beschädigte Lieferung",
            "Paket??",
            "Warte immer noch auf die Lieferung",
            "Sendungsverfolgung hängt",
            "Als zugestellt markiert, aber nicht da",
        ),
        "fr": (
            "Où est ma commande ?",
            "Colis non reçu",
            "Livraison {order_id}",
            "Colis endommagé",
            "colis ??",
            "Toujours pas livré",
            "Le suivi ne bouge plus",
            "Colis marqué livré mais pas reçu",
        ),
    },
    "technical_bug": {
        "en": (
            "Bug report",
            "App keeps crashing",
            "Error {error_code}",
            "Something is broken",
            "app freezing",
            "Save button not working",
            "Glitch in the export",
            "Crash after update {app_version}",
        ),
        "nl": (
            "Foutmelding",
            "App crasht steeds",
            "Fout {error_code}",
            "Er werkt iets niet",
            "app loopt vast",
            "Opslaan werkt niet",
            "Fout in de export",
            "Crash na update {app_version}",
        ),
        "ro": (
            "Raportare bug",
            "Aplicația se blochează",
            "Eroare {error_code}",
            "Ceva nu funcționează",
            "aplicația îngheață",
            "Butonul de salvare nu merge",
            "Problemă la export",
            "Crash după update-ul {app_version}",
        ),
        "de": (
            "Fehlermeldung",
            "App stürzt ständig ab",
            "Fehler {error_code}",
            "Etwas funktioniert nicht",
            "App hängt",
            "Speichern geht nicht",
            "Fehler im Export",
            "Absturz nach Update {app_version}",
        ),
        "fr": (
            "Signalement de bug",
            "L'application plante",
            "Erreur {error_code}",
            "Quelque chose ne marche pas",
            "l'appli se fige",
            "Le bouton Enregistrer ne marche pas",
            "Souci dans l'export",
            "Plantage après la mise à jour {app_version}",
        ),
    },
    "outage": {
        "en": (
            "Service down?",
            "Everything is down",
            "Outage",
            "Site not loading",
            "down again?",
            "Nothing loads",
            "Can't reach your servers",
            "Is there an outage right now?",
        ),
        "nl": (
            "Storing?",
            "Alles ligt eruit",
            "Storing bij jullie",
            "Site laadt niet",
            "weer plat?",
            "Niets laadt",
            "Geen verbinding met jullie servers",
            "Is er nu een storing?",
        ),
        "ro": (
            "Serviciul e căzut?",
            "Nu merge nimic",
            "Întrerupere",
            "Site-ul nu se încarcă",
            "iar e picat?",
            "Nu se încarcă nimic",
            "Nu ne putem conecta la servere",
            "Aveți o pană acum?",
        ),
        "de": (
            "Störung?",
            "Alles down",
            "Ausfall",
            "Seite lädt nicht",
            "schon wieder down?",
            "Nichts lädt",
            "Server nicht erreichbar",
            "Gibt es gerade eine Störung?",
        ),
        "fr": (
            "Service en panne ?",
            "Plus rien ne marche",
            "Panne",
            "Le site ne charge pas",
            "encore en panne ?",
            "Rien ne charge",
            "Impossible de joindre vos serveurs",
            "Y a-t-il une panne en ce moment ?",
        ),
    },
    "cancellation": {
        "en": (
            "Cancel subscription",
            "Cancellation",
            "Close my account",
            "Stop auto-renewal",
            "cancel pls",
            "End my contract",
            "Don't renew",
            "Notice period?",
        ),
        "nl": (
            "Abonnement opzeggen",
            "Opzegging",
            "Account opheffen",
            "Automatische verlenging stoppen",
            "opzeggen aub",
            "Contract beëindigen",
            "Niet verlengen",
            "Opzegtermijn?",
        ),
        "ro": (
            "Anulare abonament",
            "Reziliere",
            "Închidere cont",
            "Oprire reînnoire automată",
            "anulare vă rog",
            "Încetare contract",
            "Nu mai reînnoiți",
            "Perioada de preaviz?",
        ),
        "de": (
            "Kündigung",
            "Abo kündigen",
            "Konto schließen",
            "Automatische Verlängerung",
            "bitte kündigen",
            "Vertrag beenden",
            "Nicht verlängern",
            "Kündigungsfrist?",
        ),
        "fr": (
            "Résiliation",
            "Résilier mon abonnement",
            "Fermeture de compte",
            "Renouvellement automatique",
            "résiliation svp",
            "Fin de contrat",
            "Ne pas renouveler",
            "Préavis ?",
        ),
    },
    "feature_request": {
        "en": (
            "Feature request",
            "Suggestion",
            "Idea for the app",
            "Would love this feature",
            "small wish",
            "Could you add this?",
            "Idea: shared lists",
            "Suggestion for the next update",
        ),
        "nl": (
            "Verzoek voor nieuwe functie",
            "Suggestie",
            "Idee voor de app",
            "Wens",
            "kleine wens",
            "Kunnen jullie dit toevoegen?",
            "Idee: gedeelde lijsten",
            "Suggestie voor de volgende update",
        ),
        "ro": (
            "Cerere de funcționalitate",
            "Sugestie",
            "Idee pentru aplicație",
            "Propunere",
            "o mică dorință",
            "Puteți adăuga asta?",
            "Idee: liste partajate",
            "Sugestie pentru următorul update",
        ),
        "de": (
            "Feature-Wunsch",
            "Vorschlag",
            "Idee für die App",
            "Verbesserungsvorschlag",
            "kleiner Wunsch",
            "Könnt ihr das einbauen?",
            "Idee: geteilte Listen",
            "Vorschlag fürs nächste Update",
        ),
        "fr": (
            "Demande de fonctionnalité",
            "Suggestion",
            "Idée pour l'application",
            "Proposition d'amélioration",
            "petit souhait",
            "Pourriez-vous ajouter ça ?",
            "Idée : listes partagées",
            "Suggestion pour la prochaine mise à jour",
        ),
    },
    "security_incident": {
        "en": (
            "Account hacked?",
            "Suspicious activity",
            "Security issue",
            "Unauthorised order",
            "someone is in my account",
            "Phishing e-mail?",
            "Login from another country",
            "Order I didn't place",
        ),
        "nl": (
            "Account gehackt?",
            "Verdachte activiteit",
            "Beveiligingsprobleem",
            "Bestelling die ik niet heb geplaatst",
            "iemand zit in mijn account",
            "Phishingmail?",
            "Inlog vanuit het buitenland",
            "Bestelling die niet van mij is",
        ),
        "ro": (
            "Cont spart?",
            "Activitate suspectă",
            "Problemă de securitate",
            "Comandă neautorizată",
            "cineva e în contul meu",
            "E-mail de phishing?",
            "Autentificare din altă țară",
            "Comandă pe care nu am făcut-o",
        ),
        "de": (
            "Konto gehackt?",
            "Verdächtige Aktivität",
            "Sicherheitsproblem",
            "Nicht autorisierte Bestellung",
            "jemand ist in meinem Konto",
            "Phishing-Mail?",
            "Login aus dem Ausland",
            "Bestellung, die nicht von mir ist",
        ),
        "fr": (
            "Compte piraté ?",
            "Activité suspecte",
            "Problème de sécurité",
            "Commande non autorisée",
            "quelqu'un est dans mon compte",
            "E-mail de phishing ?",
            "Connexion depuis l'étranger",
            "Commande que je n'ai pas passée",
        ),
    },
    "privacy_gdpr": {
        "en": (
            "GDPR request",
            "Data deletion",
            "Subject access request",
            "Privacy question",
            "delete my data",
            "Where did you get my number?",
            "Unsubscribe",
            "Data sharing question",
        ),
        "nl": (
            "AVG-verzoek",
            "Gegevens verwijderen",
            "Inzageverzoek",
            "Vraag over privacy",
            "verwijder mijn gegevens",
            "Hoe komen jullie aan mijn nummer?",
            "Afmelden",
            "Vraag over delen van gegevens",
        ),
        "ro": (
            "Cerere GDPR",
            "Ștergerea datelor",
            "Cerere de acces la date",
            "Întrebare despre confidențialitate",
            "ștergeți-mi datele",
            "De unde aveți numărul meu?",
            "Dezabonare",
            "Întrebare despre partajarea datelor",
        ),
        "de": (
            "DSGVO-Anfrage",
            "Datenlöschung",
            "Auskunftsersuchen",
            "Frage zum Datenschutz",
            "meine Daten löschen",
            "Woher haben Sie meine Nummer?",
            "Abmelden",
            "Frage zur Datenweitergabe",
        ),
        "fr": (
            "Demande RGPD",
            "Suppression de données",
            "Droit d'accès",
            "Question sur la confidentialité",
            "supprimez mes données",
            "D'où vient mon numéro ?",
            "Désinscription",
            "Question sur le partage des données",
        ),
    },
    "product_question": {
        "en": (
            "Question about {product}",
            "Quick question",
            "Pre-sales question",
            "Compatibility",
            "quick q",
            "Is it in stock?",
            "Which model should I get?",
            "Does {product} work with my phone?",
        ),
        "nl": (
            "Vraag over {product}",
            "Korte vraag",
            "Vraag voor aankoop",
            "Compatibiliteit",
            "vraagje",
            "Op voorraad?",
            "Welk model moet ik nemen?",
            "Werkt {product} met mijn telefoon?",
        ),
        "ro": (
            "Întrebare despre {product}",
            "O întrebare scurtă",
            "Întrebare înainte de cumpărare",
            "Compatibilitate",
            "o întrebare",
            "Mai e pe stoc?",
            "Ce model să aleg?",
            "{product} merge cu telefonul meu?",
        ),
        "de": (
            "Frage zu {product}",
            "Kurze Frage",
            "Frage vor dem Kauf",
            "Kompatibilität",
            "kurze Frage",
            "Auf Lager?",
            "Welches Modell soll ich nehmen?",
            "Geht {product} mit meinem Handy?",
        ),
        "fr": (
            "Question sur {product}",
            "Petite question",
            "Question avant achat",
            "Compatibilité",
            "petite question",
            "En stock ?",
            "Quel modèle choisir ?",
            "{product} marche avec mon téléphone ?",
        ),
    },
    "complaint": {
        "en": (
            "Complaint",
            "Very disappointed",
            "Terrible service",
            "Formal complaint",
            "not happy",
            "Still waiting for a callback",
            "Worst experience ever",
            "Nobody answers",
        ),
        "nl": (
            "Klacht",
            "Erg teleurgesteld",
            "Slechte service",
            "Officiële klacht",
            "niet tevreden",
            "Nog steeds niet teruggebeld",
            "Slechtste ervaring ooit",
            "Niemand reageert",
        ),
        "ro": (
            "Reclamație",
            "Foarte dezamăgit",
            "Servicii proaste",
            "Reclamație oficială",
            "nemulțumit",
            "Încă aștept să fiu sunat",
            "Cea mai proastă experiență",
            "Nu răspunde nimeni",
        ),
        "de": (
            "Beschwerde",
            "Sehr enttäuscht",
            "Schlechter Service",
            "Offizielle Beschwerde",
            "unzufrieden",
            "Warte immer noch auf den Rückruf",
            "Schlechteste Erfahrung überhaupt",
            "Niemand antwortet",
        ),
        "fr": (
            "Réclamation",
            "Très déçu",
            "Service déplorable",
            "Réclamation officielle",
            "pas content",
            "Toujours pas rappelé",
            "Pire expérience de ma vie",
            "Personne ne répond",
        ),
    },
    "order_change": {
        "en": (
            "Change my order",
            "Order {order_id}",
            "Change delivery address",
            "Order update",
            "wrong house number",
            "Add an item to my order?",
            "Change size on {order_id}",
            "Switch to store pick-up",
        ),
        "nl": (
            "Bestelling wijzigen",
            "Bestelling {order_id}",
            "Bezorgadres wijzigen",
            "Aanpassing bestelling",
            "verkeerd huisnummer",
            "Artikel toevoegen aan bestelling?",
            "Maat wijzigen bij {order_id}",
            "Liever afhalen in de winkel",
        ),
        "ro": (
            "Modificare comandă",
            "Comanda {order_id}",
            "Schimbare adresă de livrare",
            "Actualizare comandă",
            "număr de casă greșit",
            "Pot adăuga un produs?",
            "Schimbare mărime la {order_id}",
            "Ridicare din magazin în loc de livrare",
        ),
        "de": (
            "Bestellung ändern",
            "Bestellung {order_id}",
            "Lieferadresse ändern",
            "Änderung meiner Bestellung",
            "falsche Hausnummer",
            "Artikel nachbestellen?",
            "Größe ändern bei {order_id}",
            "Lieber Abholung im Laden",
        ),
        "fr": (
            "Modifier ma commande",
            "Commande {order_id}",
            "Changer l'adresse de livraison",
            "Modification de commande",
            "mauvais numéro de rue",
            "Ajouter un article à ma commande ?",
            "Changer la taille pour {order_id}",
            "Passer en retrait magasin",
        ),
    },
    # Subjects of messages that fit no topic.
    "other": {
        "en": (
            "Opening hours",
            "Partnership opportunity",
            "Job application - warehouse",
            "Press enquiry",
            "Sponsorship request",
            "wrong address?",
            "Grow your business 300%",
            "Hello",
        ),
        "nl": (
            "Openingstijden",
            "Samenwerking",
            "Sollicitatie magazijnmedewerker",
            "Persvraag",
            "Verzoek om sponsoring",
            "verkeerd adres?",
            "Uw bedrijf 300% laten groeien",
            "Hallo",
        ),
        "ro": (
            "Program de lucru",
            "Propunere de parteneriat",
            "Aplicație post depozit",
            "Solicitare presă",
            "Cerere de sponsorizare",
            "adresă greșită?",
            "Creșteți-vă afacerea cu 300%",
            "Bună",
        ),
        "de": (
            "Öffnungszeiten",
            "Kooperationsanfrage",
            "Bewerbung Lagermitarbeiter",
            "Presseanfrage",
            "Sponsoring-Anfrage",
            "falsche Adresse?",
            "300 % mehr Umsatz für Ihr Geschäft",
            "Hallo",
        ),
        "fr": (
            "Horaires d'ouverture",
            "Proposition de partenariat",
            "Candidature préparateur de commandes",
            "Demande presse",
            "Demande de sponsoring",
            "mauvaise adresse ?",
            "Boostez votre activité de 300 %",
            "Bonjour",
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
        "???",
        "hello?",
        "Question about my order",
        "Need some help please",
    ),
    "nl": (
        "Hulp nodig",
        "Vraag",
        "Probleem met mijn account",
        "Graag hulp",
        "Supportverzoek",
        "Opvolging",
        "Probleem",
        "???",
        "hallo?",
        "Vraag over mijn bestelling",
        "Kunnen jullie helpen?",
    ),
    "ro": (
        "Am nevoie de ajutor",
        "Întrebare",
        "Problemă cu contul meu",
        "Vă rog să mă ajutați",
        "Solicitare suport",
        "Revenire",
        "Problemă",
        "???",
        "alo?",
        "Întrebare despre comanda mea",
        "Puteți să mă ajutați?",
    ),
    "de": (
        "Brauche Hilfe",
        "Frage",
        "Problem mit meinem Konto",
        "Bitte um Hilfe",
        "Support-Anfrage",
        "Nachfrage",
        "Problem",
        "???",
        "hallo?",
        "Frage zu meiner Bestellung",
        "Können Sie helfen?",
    ),
    "fr": (
        "Besoin d'aide",
        "Question",
        "Problème avec mon compte",
        "Aidez-moi svp",
        "Demande d'assistance",
        "Relance",
        "Problème",
        "???",
        "allô ?",
        "Question sur ma commande",
        "Vous pouvez m'aider ?",
    ),
}

# Subjects of feedback: praise (a CORE phrasing of kind "+") and criticism (kind "-"). A review
# is titled like a review, not "Question" or "Nobody answers".
PRAISE_SUBJECTS: Phrasebook = {
    "en": (
        "A big thank you",
        "Compliment for your team",
        "Very happy customer",
        "Excellent service",
        "Feedback on my order",
        "Love my {product}",
        "Just a quick thank-you",
        "Well done, all of you",
    ),
    "nl": (
        "Een dikke pluim",
        "Compliment voor jullie team",
        "Zeer tevreden klant",
        "Uitstekende service",
        "Feedback op mijn bestelling",
        "Blij met mijn {product}",
        "Even een bedankje",
        "Goed gedaan, allemaal",
    ),
    "ro": (
        "Un mare mulțumesc",
        "Felicitări echipei voastre",
        "Client foarte mulțumit",
        "Servicii impecabile",
        "Părerea mea despre comandă",
        "Încântat de {product}",
        "Doar un mulțumesc",
        "Mulțumiri tuturor",
    ),
    "de": (
        "Ein dickes Dankeschön",
        "Lob an Ihr Team",
        "Sehr zufriedener Kunde",
        "Klasse Service",
        "Feedback zu meiner Bestellung",
        "Begeistert von {product}",
        "Nur ein kurzes Danke",
        "Gut gemacht, alle zusammen",
    ),
    "fr": (
        "Un grand merci",
        "Bravo à votre équipe",
        "Client très satisfait",
        "Service au top",
        "Mon avis sur ma commande",
        "Ravi de {product}",
        "Juste un petit merci",
        "Merci à toute l'équipe",
    ),
}

CRITICISM_SUBJECTS: Phrasebook = {
    "en": (
        "Poor quality",
        "Not as described",
        "Disappointed with my purchase",
        "Review of {product}",
        "Not happy with the quality",
        "not worth the money",
        "Feedback: very unhappy",
        "Cheap and flimsy",
    ),
    "nl": (
        "Slechte kwaliteit",
        "Niet zoals beschreven",
        "Teleurgesteld in mijn aankoop",
        "Review van {product}",
        "Niet blij met de kwaliteit",
        "zijn geld niet waard",
        "Feedback: zeer ontevreden",
        "Goedkoop en gammel",
    ),
    "ro": (
        "Calitate slabă",
        "Nu corespunde descrierii",
        "Dezamăgit de cumpărătură",
        "Părere despre {product}",
        "Nemulțumit de calitate",
        "nu merită banii",
        "Feedback: foarte nemulțumit",
        "Ieftin și fragil",
    ),
    "de": (
        "Schlechte Qualität",
        "Nicht wie beschrieben",
        "Enttäuscht von meinem Kauf",
        "Bewertung {product}",
        "Unzufrieden mit der Qualität",
        "das Geld nicht wert",
        "Feedback: sehr unzufrieden",
        "Billig und wackelig",
    ),
    "fr": (
        "Qualité médiocre",
        "Non conforme à la description",
        "Déçu de mon achat",
        "Avis sur {product}",
        "Pas satisfait de la qualité",
        "ne vaut pas son prix",
        "Retour : très mécontent",
        "Bas de gamme et fragile",
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
    "en": (
        "Hi,",
        "Hello,",
        "Dear Support Team,",
        "Hi there,",
        "Good morning,",
        "Dear Sir/Madam,",
        "Hey,",
        "Hello support,",
    ),
    "nl": (
        "Hallo,",
        "Beste klantenservice,",
        "Goedemiddag,",
        "Hoi,",
        "Geachte heer/mevrouw,",
        "Goedemorgen,",
        "Hey,",
        "Dag support,",
    ),
    "ro": (
        "Bună ziua,",
        "Salut,",
        "Stimată echipă de suport,",
        "Bună,",
        "Bună dimineața,",
        "Stimate domnule/Stimată doamnă,",
        "Salutare,",
        "Bună seara,",
    ),
    "de": (
        "Hallo,",
        "Sehr geehrte Damen und Herren,",
        "Guten Tag,",
        "Liebes Support-Team,",
        "Moin,",
        "Guten Morgen,",
        "Hi,",
        "Servus,",
    ),
    "fr": (
        "Bonjour,",
        "Madame, Monsieur,",
        "Bonjour à l'équipe support,",
        "Bonsoir,",
        "Salut,",
        "Bonjour à vous,",
        "Hello,",
        "Bonjour madame, monsieur,",
    ),
}

# Chat openers are shorter and lower-case, as people type them.
CHAT_GREETINGS: Phrasebook = {
    "en": (
        "hi",
        "hello",
        "hey",
        "hi there",
        "hey there",
        "good morning",
    ),
    "nl": (
        "hoi",
        "hallo",
        "hey",
        "goedemiddag",
        "hallo daar",
        "goedemorgen",
    ),
    "ro": (
        "salut",
        "bună",
        "bună ziua",
        "hei",
        "bună seara",
        "salutare",
    ),
    "de": (
        "hallo",
        "hi",
        "moin",
        "guten tag",
        "servus",
        "guten morgen",
    ),
    "fr": (
        "bonjour",
        "salut",
        "bonsoir",
        "re bonjour",
        "hello",
        "coucou",
    ),
}

SIGNOFFS: Phrasebook = {
    "en": (
        "Best regards,",
        "Kind regards,",
        "Thanks,",
        "Cheers,",
        "Regards,",
        "Many thanks,",
        "Thank you,",
        "All the best,",
    ),
    "nl": (
        "Met vriendelijke groet,",
        "Groetjes,",
        "Mvg,",
        "Vriendelijke groeten,",
        "Alvast bedankt,",
        "Groet,",
        "Dank je,",
        "Hartelijke groet,",
    ),
    "ro": (
        "Cu stimă,",
        "Mulțumesc,",
        "O zi bună,",
        "Toate cele bune,",
        "Cu respect,",
        "Mulțumesc anticipat,",
        "Cu bine,",
        "Salutări,",
    ),
    "de": (
        "Mit freundlichen Grüßen",
        "Viele Grüße",
        "Beste Grüße",
        "LG",
        "Danke und Gruß",
        "Freundliche Grüße",
        "Gruß",
        "Danke und viele Grüße",
    ),
    "fr": (
        "Cordialement,",
        "Bien à vous,",
        "Merci d'avance,",
        "Bonne journée,",
        "Salutations,",
        "Bien cordialement,",
        "Merci,",
        "Belle journée,",
    ),
}

# Mobile mail footers under the signature.
FOOTERS: Phrasebook = {
    "en": (
        "Sent from my iPhone",
        "Sent from my Galaxy",
        "Sent from Outlook for Android",
        "Sent from my Pixel",
    ),
    "nl": (
        "Verzonden vanaf mijn iPhone",
        "Verstuurd vanaf mijn Samsung Galaxy",
        "Outlook voor Android downloaden",
        "Verzonden met Mail voor Windows",
    ),
    "ro": (
        "Trimis de pe iPhone-ul meu",
        "Trimis de pe telefonul meu Samsung",
        "Trimis din Outlook pentru Android",
        "Trimis de pe telefonul mobil",
    ),
    "de": (
        "Von meinem iPhone gesendet",
        "Gesendet von meinem Galaxy",
        "Gesendet von Outlook für Android",
        "Von unterwegs gesendet",
    ),
    "fr": (
        "Envoyé de mon iPhone",
        "Envoyé depuis mon Galaxy",
        "Envoyé depuis Outlook pour Android",
        "Envoyé de mon mobile",
    ),
}

JOB_TITLES: Phrasebook = {
    "en": (
        "Operations Manager",
        "IT Administrator",
        "Office Manager",
        "Head of Finance",
        "Founder",
        "Customer Service Lead",
    ),
    "nl": (
        "Operationeel manager",
        "Systeembeheerder",
        "Officemanager",
        "Hoofd financiën",
        "Eigenaar",
        "Teamleider klantenservice",
    ),
    "ro": (
        "Manager operațional",
        "Administrator IT",
        "Office manager",
        "Director financiar",
        "Fondator",
        "Coordonator relații clienți",
    ),
    "de": (
        "Leiterin Betrieb",
        "IT-Administrator",
        "Büroleitung",
        "Leiter Finanzen",
        "Inhaber",
        "Teamleiterin Kundenservice",
    ),
    "fr": (
        "Responsable des opérations",
        "Administrateur informatique",
        "Office manager",
        "Directrice financière",
        "Gérant",
        "Responsable relation client",
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

# "On <date>, Support wrote:" headers of quoted earlier replies, and the "reply above this line"
# marker of helpdesk e-mails; {date} is a long date.
QUOTE_HEADERS: Phrasebook = {
    "en": (
        "On {date}, Support <support@helpdesk.example> wrote:",
        "-----Original Message-----",
        "From: Support <support@helpdesk.example>",
        "Support <support@helpdesk.example> wrote on {date}:",
        "##- Please type your reply above this line -##",
    ),
    "nl": (
        "Op {date} schreef Klantenservice <support@helpdesk.example>:",
        "-----Oorspronkelijk bericht-----",
        "Van: Klantenservice <support@helpdesk.example>",
        "Klantenservice <support@helpdesk.example> schreef op {date}:",
        "##- Typ uw antwoord boven deze regel -##",
    ),
    "ro": (
        "În data de {date}, Suport <support@helpdesk.example> a scris:",
        "-----Mesaj original-----",
        "De la: Suport <support@helpdesk.example>",
        "Pe {date}, Suport <support@helpdesk.example> a scris:",
        "##- Vă rugăm să scrieți răspunsul deasupra acestei linii -##",
    ),
    "de": (
        "Am {date} schrieb Kundenservice <support@helpdesk.example>:",
        "-----Ursprüngliche Nachricht-----",
        "Von: Kundenservice <support@helpdesk.example>",
        "Kundenservice <support@helpdesk.example> schrieb am {date}:",
        "##- Bitte geben Sie Ihre Antwort über dieser Zeile ein -##",
    ),
    "fr": (
        "Le {date}, Service client <support@helpdesk.example> a écrit :",
        "-----Message d'origine-----",
        "De : Service client <support@helpdesk.example>",
        "Service client <support@helpdesk.example> a écrit le {date} :",
        "##- Veuillez écrire votre réponse au-dessus de cette ligne -##",
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
        "We will get back to you as soon as possible.",
        "Please do not hesitate to reply to this e-mail.",
    ),
    "nl": (
        "Bedankt voor uw bericht.",
        "We hebben uw verzoek doorgestuurd naar de juiste afdeling.",
        "Kunt u ons uw bestelnummer sturen?",
        "Excuses voor het ongemak.",
        "Uw ticket is ontvangen en wordt binnen 2 werkdagen behandeld.",
        "We komen zo snel mogelijk bij u terug.",
        "U kunt gewoon op deze e-mail reageren.",
    ),
    "ro": (
        "Vă mulțumim că ne-ați contactat.",
        "Am transmis solicitarea dumneavoastră echipei responsabile.",
        "Ne puteți trimite numărul comenzii?",
        "Ne cerem scuze pentru neplăcere.",
        "Tichetul a fost înregistrat și va fi tratat în 2 zile lucrătoare.",
        "Vă vom răspunde cât mai curând posibil.",
        "Puteți răspunde direct la acest e-mail.",
    ),
    "de": (
        "Vielen Dank für Ihre Nachricht.",
        "Wir haben Ihr Anliegen an die zuständige Abteilung weitergeleitet.",
        "Könnten Sie uns bitte Ihre Bestellnummer schicken?",
        "Wir entschuldigen uns für die Unannehmlichkeiten.",
        "Ihr Ticket ist eingegangen und wird innerhalb von 2 Werktagen bearbeitet.",
        "Wir melden uns so bald wie möglich bei Ihnen.",
        "Sie können einfach auf diese E-Mail antworten.",
    ),
    "fr": (
        "Merci de nous avoir contactés.",
        "Nous avons transmis votre demande au service concerné.",
        "Pourriez-vous nous envoyer votre numéro de commande ?",
        "Nous sommes désolés pour la gêne occasionnée.",
        "Votre ticket a bien été reçu et sera traité sous 2 jours ouvrés.",
        "Nous revenons vers vous dans les meilleurs délais.",
        "N'hésitez pas à répondre directement à cet e-mail.",
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
        "I've had it with you people.",
        "This is beyond a joke.",
        "Absolutely ridiculous.",
        "Does anyone there actually read their e-mails?",
        "I am so done with this company.",
    ),
    "nl": (
        "Dit is echt onacceptabel.",
        "Ik ben het spuugzat.",
        "Hoe moeilijk kan het zijn?",
        "Ik ben woedend.",
        "Wat een schande.",
        "Ik ben er helemaal klaar mee.",
        "Dit is werkelijk te gek voor woorden.",
        "Echt belachelijk.",
        "Leest daar eigenlijk iemand zijn mail?",
        "Ik ben zo klaar met dit bedrijf.",
    ),
    "ro": (
        "Este absolut inacceptabil.",
        "M-am săturat de situația asta.",
        "Chiar e atât de greu?",
        "Sunt furios.",
        "Ce bătaie de joc.",
        "Mi-a ajuns cu voi.",
        "Asta depășește orice limită.",
        "Absolut ridicol.",
        "Citește cineva de acolo e-mailurile?",
        "Am terminat-o cu firma asta.",
    ),
    "de": (
        "Das ist absolut inakzeptabel.",
        "Ich habe langsam die Nase voll.",
        "Wie schwer kann das sein?",
        "Ich bin stinksauer.",
        "Eine Unverschämtheit.",
        "Mir reicht es jetzt endgültig.",
        "Das ist doch ein schlechter Witz.",
        "Absolut lächerlich.",
        "Liest bei Ihnen eigentlich irgendwer seine Mails?",
        "Ich bin so fertig mit dieser Firma.",
    ),
    "fr": (
        "C'est absolument inacceptable.",
        "J'en ai vraiment assez.",
        "Est-ce si compliqué ?",
        "Je suis furieux.",
        "Quelle honte.",
        "J'en ai ras le bol de vous.",
        "Ça dépasse les bornes.",
        "Complètement ridicule.",
        "Quelqu'un lit vraiment ses e-mails chez vous ?",
        "J'en ai fini avec cette entreprise.",
    ),
}

# Sarcasm and irony: negative sentiment without a single angry word.
IRONY: Phrasebook = {
    "en": (
        "Great, third time this month, just wonderful.",
        "Fantastic service as always.",
        "Love paying for things that don't work.",
        "Thanks for nothing, really.",
        "Oh good, another automated reply.",
        "Well done, truly impressive.",
        "Can't wait to wait another week.",
        "Best customer service ever. Not.",
    ),
    "nl": (
        "Top, voor de derde keer deze maand, geweldig hoor.",
        "Fantastische service zoals altijd.",
        "Heerlijk, betalen voor iets dat niet werkt.",
        "Bedankt voor niks, echt.",
        "O fijn, weer een automatisch antwoord.",
        "Goed gedaan hoor, echt indrukwekkend.",
        "Ik kan niet wachten om nog een week te wachten.",
        "Beste klantenservice ooit. Not.",
    ),
    "ro": (
        "Super, a treia oară luna asta, minunat.",
        "Servicii fantastice, ca de obicei.",
        "Ce frumos să plătești pentru ceva ce nu merge.",
        "Mulțumesc de nimic, serios.",
        "A, bravo, încă un răspuns automat.",
        "Felicitări, chiar impresionant.",
        "Abia aștept să mai aștept o săptămână.",
        "Cel mai bun serviciu clienți din lume. Da, sigur.",
    ),
    "de": (
        "Super, zum dritten Mal diesen Monat, ganz toll.",
        "Fantastischer Service wie immer.",
        "Ich liebe es, für Sachen zu zahlen, die nicht funktionieren.",
        "Danke für nichts, wirklich.",
        "Oh schön, noch eine automatische Antwort.",
        "Gut gemacht, echt beeindruckend.",
        "Ich kann es kaum erwarten, noch eine Woche zu warten.",
        "Bester Kundenservice der Welt. Nicht.",
    ),
    "fr": (
        "Génial, troisième fois ce mois-ci, vraiment merveilleux.",
        "Service fantastique, comme toujours.",
        "J'adore payer pour des choses qui ne marchent pas.",
        "Merci pour rien, vraiment.",
        "Ah super, encore une réponse automatique.",
        "Bravo, vraiment impressionnant.",
        "J'ai hâte d'attendre encore une semaine.",
        "Meilleur service client du monde. Ou pas.",
    ),
}

# Quiet disappointment: negative without anger or capitals.
LETDOWN: Phrasebook = {
    "en": (
        "I expected better from you, honestly.",
        "I'm really disappointed.",
        "This has spoiled what should have been a nice purchase.",
        "I used to recommend you to friends, not anymore.",
        "It's a shame how this has been handled.",
        "I'm tired of chasing this.",
        "Not the experience I was hoping for.",
        "Frankly, it's been a letdown from start to finish.",
    ),
    "nl": (
        "Ik had eerlijk gezegd meer van jullie verwacht.",
        "Ik ben echt teleurgesteld.",
        "Dit heeft een leuke aankoop behoorlijk verpest.",
        "Ik raadde jullie altijd aan bij vrienden, nu niet meer.",
        "Jammer hoe hiermee is omgegaan.",
        "Ik ben het achteraanzitten moe.",
        "Niet de ervaring waar ik op hoopte.",
        "Eerlijk gezegd van begin tot eind een teleurstelling.",
    ),
    "ro": (
        "Sincer, mă așteptam la mai mult de la voi.",
        "Sunt foarte dezamăgită.",
        "Asta a stricat ceea ce trebuia să fie o cumpărătură plăcută.",
        "Vă recomandam prietenilor, acum nu mai.",
        "Păcat cum a fost gestionată situația.",
        "M-am săturat să tot alerg după asta.",
        "Nu e experiența la care speram.",
        "Sincer, o dezamăgire de la început până la sfârșit.",
    ),
    "de": (
        "Ehrlich gesagt hatte ich mehr von Ihnen erwartet.",
        "Ich bin wirklich enttäuscht.",
        "Das hat mir einen eigentlich schönen Kauf ziemlich verdorben.",
        "Ich habe Sie immer Freunden empfohlen, jetzt nicht mehr.",
        "Schade, wie damit umgegangen wurde.",
        "Ich bin es leid, dem hinterherzulaufen.",
        "Nicht die Erfahrung, auf die ich gehofft hatte.",
        "Ehrlich gesagt von Anfang bis Ende eine Enttäuschung.",
    ),
    "fr": (
        "Honnêtement, j'attendais mieux de votre part.",
        "Je suis vraiment déçue.",
        "Ça a gâché ce qui devait être un bel achat.",
        "Je vous recommandais à mes amis, plus maintenant.",
        "Dommage que cela ait été géré ainsi.",
        "Je suis fatigué de devoir relancer.",
        "Ce n'est pas l'expérience que j'espérais.",
        "Franchement, une déception du début à la fin.",
    ),
}

# Very short negative one-liners, as typed in chats and social posts.
SNAPS: Phrasebook = {
    "en": (
        "still nothing. unbelievable.",
        "wow.",
        "seriously??",
        "ridiculous",
        "no words.",
        "unreal.",
        "come on.",
        "joke of a company",
        "every. single. time.",
        "just fix it.",
    ),
    "nl": (
        "nog steeds niks. ongelofelijk.",
        "wauw.",
        "serieus??",
        "belachelijk",
        "geen woorden voor.",
        "niet te geloven.",
        "kom op zeg.",
        "wat een clubje",
        "elke. keer. weer.",
        "los het gewoon op.",
    ),
    "ro": (
        "tot nimic. incredibil.",
        "wow.",
        "pe bune??",
        "ridicol",
        "fără cuvinte.",
        "halucinant.",
        "haideți odată.",
        "bătaie de joc de firmă",
        "de. fiecare. dată.",
        "rezolvați odată.",
    ),
    "de": (
        "immer noch nichts. unfassbar.",
        "wow.",
        "im Ernst??",
        "lächerlich",
        "mir fehlen die Worte.",
        "nicht zu fassen.",
        "echt jetzt.",
        "Witz von einer Firma",
        "jedes. einzelne. Mal.",
        "macht es einfach heile.",
    ),
    "fr": (
        "toujours rien. incroyable.",
        "wow.",
        "sérieusement ??",
        "ridicule",
        "sans voix.",
        "hallucinant.",
        "allez quoi.",
        "boîte de clowns",
        "à. chaque. fois.",
        "réparez juste.",
    ),
}

SHOUTS: Phrasebook = {
    "en": (
        "THIS IS UNACCEPTABLE!!!",
        "FIX THIS NOW!!!",
        "I WANT AN ANSWER TODAY!!!",
        "IS ANYONE THERE???",
        "ENOUGH!!!",
        "STOP IGNORING ME!!!",
    ),
    "nl": (
        "DIT IS ECHT BELACHELIJK!!!",
        "LOS DIT NU OP!!!",
        "IK WIL VANDAAG EEN ANTWOORD!!!",
        "IS DAAR IEMAND???",
        "GENOEG!!!",
        "STOP MET MIJ NEGEREN!!!",
    ),
    "ro": (
        "E INACCEPTABIL!!!",
        "REZOLVAȚI ODATĂ PROBLEMA!!!",
        "VREAU UN RĂSPUNS AZI!!!",
        "E CINEVA ACOLO???",
        "AJUNGE!!!",
        "NU MĂ MAI IGNORAȚI!!!",
    ),
    "de": (
        "DAS IST EINE FRECHHEIT!!!",
        "KÜMMERN SIE SICH ENDLICH DARUM!!!",
        "ICH WILL HEUTE EINE ANTWORT!!!",
        "IST DA JEMAND???",
        "ES REICHT!!!",
        "HÖREN SIE AUF, MICH ZU IGNORIEREN!!!",
    ),
    "fr": (
        "C'EST INADMISSIBLE !!!",
        "RÉGLEZ ÇA TOUT DE SUITE !!!",
        "JE VEUX UNE RÉPONSE AUJOURD'HUI !!!",
        "IL Y A QUELQU'UN ???",
        "ÇA SUFFIT !!!",
        "ARRÊTEZ DE M'IGNORER !!!",
    ),
}

NEUTRAL: Phrasebook = {
    "en": (
        "Could you please look into this?",
        "Let me know if you need more information.",
        "Please advise.",
        "What should I do?",
        "Thanks.",
        "Looking forward to your reply.",
        "Is that possible?",
        "Just let me know.",
    ),
    "nl": (
        "Kunnen jullie hiernaar kijken?",
        "Laat het weten als jullie meer informatie nodig hebben.",
        "Graag jullie advies.",
        "Wat moet ik doen?",
        "Bedankt.",
        "Ik hoor graag van jullie.",
        "Is dat mogelijk?",
        "Laat maar weten.",
    ),
    "ro": (
        "Puteți verifica, vă rog?",
        "Spuneți-mi dacă aveți nevoie de mai multe informații.",
        "Aștept un răspuns.",
        "Ce ar trebui să fac?",
        "Mulțumesc.",
        "Aștept răspunsul vostru.",
        "Se poate?",
        "Spuneți-mi doar.",
    ),
    "de": (
        "Könnten Sie sich das bitte ansehen?",
        "Melden Sie sich, falls Sie weitere Informationen brauchen.",
        "Bitte um Rückmeldung.",
        "Was soll ich tun?",
        "Danke.",
        "Ich freue mich auf Ihre Antwort.",
        "Geht das?",
        "Geben Sie einfach Bescheid.",
    ),
    "fr": (
        "Pourriez-vous regarder cela ?",
        "N'hésitez pas si vous avez besoin de plus d'informations.",
        "Dans l'attente de votre retour.",
        "Que dois-je faire ?",
        "Merci.",
        "Dans l'attente de votre réponse.",
        "Est-ce possible ?",
        "Tenez-moi au courant.",
    ),
}

POSITIVE: Phrasebook = {
    "en": (
        "Thanks a lot in advance, you've always been very helpful!",
        "I really appreciate your help.",
        "Love the product otherwise, keep up the great work!",
        "Thank you so much for the quick support last time!",
        "You guys are great, by the way.",
        "Big fan of the shop, it's just this one thing.",
        "Your support has been brilliant so far.",
        "Thank you, have a lovely day!",
        "Really happy with my purchase overall.",
    ),
    "nl": (
        "Alvast hartelijk bedankt, jullie zijn altijd erg behulpzaam!",
        "Ik waardeer jullie hulp enorm.",
        "Verder ben ik erg tevreden, ga zo door!",
        "Nogmaals dank voor de snelle hulp vorige keer!",
        "Jullie zijn trouwens top.",
        "Grote fan van de winkel, alleen dit ene dingetje.",
        "Jullie support is tot nu toe geweldig.",
        "Dank je wel, fijne dag nog!",
        "Verder echt blij met mijn aankoop.",
    ),
    "ro": (
        "Vă mulțumesc anticipat, ați fost mereu de mare ajutor!",
        "Apreciez mult ajutorul vostru.",
        "În rest sunt foarte mulțumit, continuați tot așa!",
        "Mulțumesc mult pentru ajutorul rapid de data trecută!",
        "Sunteți super, apropo.",
        "Îmi place mult magazinul, e doar lucrul ăsta.",
        "Suportul vostru a fost excelent până acum.",
        "Mulțumesc, o zi frumoasă!",
        "În rest sunt foarte fericit cu ce am cumpărat.",
    ),
    "de": (
        "Vielen Dank im Voraus, Sie waren bisher immer sehr hilfsbereit!",
        "Ich weiß Ihre Hilfe sehr zu schätzen.",
        "Ansonsten bin ich sehr zufrieden, weiter so!",
        "Danke nochmal für die schnelle Hilfe beim letzten Mal!",
        "Ihr seid übrigens klasse.",
        "Großer Fan vom Shop, es ist nur diese eine Sache.",
        "Ihr Support war bisher super.",
        "Danke, einen schönen Tag noch!",
        "Ansonsten bin ich mit dem Kauf wirklich glücklich.",
    ),
    "fr": (
        "Merci d'avance, vous avez toujours été très serviables !",
        "J'apprécie vraiment votre aide.",
        "Pour le reste, je suis très satisfait, continuez comme ça !",
        "Merci encore pour l'aide rapide la dernière fois !",
        "Vous êtes géniaux, au passage.",
        "Fan de la boutique, c'est juste ce petit souci.",
        "Votre support a été excellent jusqu'ici.",
        "Merci, bonne journée à vous !",
        "Sinon je suis vraiment ravi de mon achat.",
    ),
}

# The verdict that closes a review: praise (kind "+") and criticism (kind "-") only; a problem
# report told with thanks uses POSITIVE instead ("Love the product otherwise").
VERDICT_GOOD: Phrasebook = {
    "en": (
        "Highly recommend!",
        "Five stars from me.",
        "Will definitely be ordering again.",
        "Keep up the good work!",
        "Couldn't be happier.",
        "Worth every penny.",
        "Thanks again, really pleased.",
        "You've got a customer for life.",
    ),
    "nl": (
        "Echt een aanrader!",
        "Vijf sterren van mij.",
        "Hier kom ik zeker terug.",
        "Ga zo door!",
        "Kon niet blijer zijn.",
        "Elke cent waard.",
        "Nogmaals dank, echt tevreden.",
        "Jullie hebben er een vaste klant bij.",
    ),
    "ro": (
        "Recomand cu căldură!",
        "Cinci stele din partea mea.",
        "Sigur mai cumpăr de la voi.",
        "Țineți-o tot așa!",
        "Nu puteam fi mai mulțumit.",
        "Merită fiecare leu.",
        "Încă o dată mulțumesc, chiar sunt mulțumită.",
        "Ați câștigat un client fidel.",
    ),
    "de": (
        "Klare Kaufempfehlung!",
        "Fünf Sterne von mir.",
        "Ich bestelle auf jeden Fall wieder.",
        "Macht weiter so!",
        "Ich könnte nicht zufriedener sein.",
        "Jeden Cent wert.",
        "Nochmals danke, bin wirklich zufrieden.",
        "Sie haben einen Stammkunden gewonnen.",
    ),
    "fr": (
        "Je recommande vivement !",
        "Cinq étoiles de ma part.",
        "Je repasserai commande, c'est certain.",
        "Continuez ainsi !",
        "Je ne pourrais pas être plus content.",
        "Ça vaut chaque centime.",
        "Encore merci, vraiment ravie.",
        "Vous avez gagné une cliente fidèle.",
    ),
}

VERDICT_BAD: Phrasebook = {
    "en": (
        "Would not recommend.",
        "Avoid.",
        "One star, and that's generous.",
        "Never buying from you again.",
        "Save your money.",
        "Sending it back.",
        "Total waste.",
        "Very poor value.",
    ),
    "nl": (
        "Geen aanrader.",
        "Blijf er ver van weg.",
        "Eén ster, en dat is nog gul.",
        "Hier koop ik nooit meer.",
        "Bespaar je geld.",
        "Gaat terug.",
        "Echt zonde.",
        "Waardeloos voor die prijs.",
    ),
    "ro": (
        "Nu recomand.",
        "Evitați.",
        "O stea, și aia e prea mult.",
        "Nu mai cumpăr niciodată de la voi.",
        "Nu vă aruncați banii.",
        "Îl trimit înapoi.",
        "Dezastru.",
        "Raport calitate-preț foarte prost.",
    ),
    "de": (
        "Keine Empfehlung.",
        "Finger weg.",
        "Ein Stern, und der ist geschenkt.",
        "Hier kaufe ich nie wieder.",
        "Spart euch das Geld.",
        "Geht zurück.",
        "Totaler Reinfall.",
        "Preis-Leistung miserabel.",
    ),
    "fr": (
        "Je ne recommande pas.",
        "À éviter.",
        "Une étoile, et c'est généreux.",
        "Plus jamais chez vous.",
        "Gardez votre argent.",
        "Je le renvoie.",
        "Une vraie arnaque.",
        "Rapport qualité-prix lamentable.",
    ),
}

# Urgency cues raise priority; some code-switch to English ("ASAP").
URGENCY: Phrasebook = {
    "en": (
        "This is urgent.",
        "Please fix this ASAP.",
        "I need this resolved today.",
        "Urgent: we have a deadline tomorrow.",
        "Need an answer today please.",
        "Time-sensitive, please prioritise.",
        "This can't wait until next week.",
        "Urgent please.",
    ),
    "nl": (
        "Het is dringend.",
        "Graag zo snel mogelijk een oplossing.",
        "Dit moet vandaag nog opgelost worden.",
        "Spoed, we hebben morgen een deadline.",
        "Graag ASAP een reactie.",
        "Ik heb vandaag een antwoord nodig.",
        "Haast, graag voorrang.",
        "Dit kan niet tot volgende week wachten.",
    ),
    "ro": (
        "Este urgent.",
        "Vă rog să rezolvați de urgență.",
        "Am nevoie de o soluție chiar azi.",
        "Urgent, avem termen limită mâine.",
        "Vă rog să-mi răspundeți ASAP.",
        "Am nevoie de un răspuns azi.",
        "E presant, vă rog să-i dați prioritate.",
        "Nu poate aștepta până săptămâna viitoare.",
    ),
    "de": (
        "Es ist dringend.",
        "Bitte schnellstmöglich beheben.",
        "Das muss heute noch gelöst werden.",
        "Eilt sehr, wir haben morgen eine Deadline.",
        "Bitte ASAP melden.",
        "Brauche heute noch eine Antwort.",
        "Zeitkritisch, bitte vorziehen.",
        "Das kann nicht bis nächste Woche warten.",
    ),
    "fr": (
        "C'est urgent.",
        "Merci de régler cela au plus vite.",
        "J'ai besoin d'une solution aujourd'hui même.",
        "Urgent : nous avons une échéance demain.",
        "Merci de me répondre ASAP.",
        "J'ai besoin d'une réponse aujourd'hui.",
        "C'est pressé, merci de traiter en priorité.",
        "Ça ne peut pas attendre la semaine prochaine.",
    ),
}

# Urgency without the word: a deadline or a situation that cannot wait.
IMPLIED_URGENCY: Phrasebook = {
    "en": (
        "My shop opens in an hour and nobody can pay.",
        "I'm flying out tomorrow morning and need this sorted before then.",
        "The client presentation is at 3 and I can't get to any of my files.",
        "Payroll runs tonight.",
        "My guests arrive on Saturday.",
        "I'm standing at the checkout right now.",
        "Our campaign goes live at noon.",
        "The boss wants the numbers by end of day.",
    ),
    "nl": (
        "Mijn winkel gaat over een uur open en niemand kan betalen.",
        "Ik vlieg morgenvroeg en moet dit daarvoor geregeld hebben.",
        "De klantpresentatie is om 3 uur en ik kan bij geen enkel bestand.",
        "Vanavond draait de salarisadministratie.",
        "Zaterdag komen mijn gasten.",
        "Ik sta nu bij de kassa.",
        "Onze campagne gaat om 12 uur live.",
        "Mijn baas wil de cijfers vandaag nog.",
    ),
    "ro": (
        "Magazinul meu se deschide într-o oră și nimeni nu poate plăti.",
        "Plec mâine dimineață cu avionul și trebuie rezolvat până atunci.",
        "Prezentarea la client e la ora 3 și nu am acces la niciun fișier.",
        "Diseară rulăm salariile.",
        "Sâmbătă vin invitații.",
        "Sunt chiar acum la casă.",
        "Campania noastră pornește la prânz.",
        "Șeful vrea cifrele până la sfârșitul zilei.",
    ),
    "de": (
        "Mein Laden macht in einer Stunde auf und niemand kann bezahlen.",
        "Ich fliege morgen früh und das muss vorher geklärt sein.",
        "Die Kundenpräsentation ist um 15 Uhr und ich komme an keine meiner Dateien.",
        "Heute Abend läuft die Lohnabrechnung.",
        "Am Samstag kommen meine Gäste.",
        "Ich stehe gerade an der Kasse.",
        "Unsere Kampagne geht um 12 Uhr live.",
        "Der Chef will die Zahlen bis heute Abend.",
    ),
    "fr": (
        "Ma boutique ouvre dans une heure et personne ne peut payer.",
        "Je prends l'avion demain matin et il faut que ce soit réglé avant.",
        "La présentation client est à 15 h et je n'accède à aucun de mes fichiers.",
        "La paie part ce soir.",
        "Mes invités arrivent samedi.",
        "Je suis à la caisse en ce moment même.",
        "Notre campagne démarre à midi.",
        "Mon chef veut les chiffres avant ce soir.",
    ),
}

# Legal threats and churn intent drive escalation.
LEGAL: Phrasebook = {
    "en": (
        "If this isn't resolved I will contact my lawyer.",
        "I'm filing a complaint with the consumer protection authority.",
        "I will take legal action if I have to.",
        "I've kept copies of everything for my solicitor.",
        "My lawyer will be in touch if this isn't fixed this week.",
        "I'll be taking this to the ombudsman.",
    ),
    "nl": (
        "Als dit niet wordt opgelost, stap ik naar de rechter.",
        "Ik ga een klacht indienen bij de ACM.",
        "Ik schakel mijn advocaat in.",
        "Ik heb alles bewaard voor mijn advocaat.",
        "Ik stap naar de Geschillencommissie.",
        "Mijn rechtsbijstandsverzekering is al ingelicht.",
    ),
    "ro": (
        "Voi depune plângere la ANPC.",
        "Dacă nu rezolvați, vă dau în judecată.",
        "Voi apela la un avocat.",
        "Am păstrat toate dovezile pentru avocat.",
        "Merg cu asta la Protecția Consumatorului.",
        "Dacă nu se rezolvă săptămâna asta, vă veți auzi cu avocatul meu.",
    ),
    "de": (
        "Ich werde einen Anwalt einschalten.",
        "Ich werde mich bei der Verbraucherzentrale beschweren.",
        "Notfalls gehe ich rechtlich dagegen vor.",
        "Ich habe alles für meinen Anwalt dokumentiert.",
        "Meine Rechtsschutzversicherung ist bereits informiert.",
        "Wenn das diese Woche nicht gelöst ist, hören Sie von meinem Anwalt.",
    ),
    "fr": (
        "Je vais porter plainte.",
        "Je vais saisir la DGCCRF.",
        "Sans réponse de votre part, je contacterai mon avocat.",
        "J'ai tout conservé pour mon avocat.",
        "Je vais saisir le médiateur de la consommation.",
        "Mon assurance protection juridique est déjà au courant.",
    ),
}

CHURN: Phrasebook = {
    "en": (
        "I'm seriously considering switching to a competitor.",
        "If this continues I will cancel my subscription.",
        "Honestly, I'm about to close my account.",
        "Plenty of other shops out there.",
        "This will be my last order with you.",
        "Thinking of taking my business elsewhere.",
    ),
    "nl": (
        "Ik overweeg serieus om over te stappen naar een concurrent.",
        "Als dit zo doorgaat, zeg ik mijn abonnement op.",
        "Eerlijk gezegd sta ik op het punt mijn account op te heffen.",
        "Er zijn genoeg andere winkels.",
        "Dit wordt mijn laatste bestelling bij jullie.",
        "Ik denk erover om ergens anders heen te gaan.",
    ),
    "ro": (
        "Mă gândesc serios să trec la concurență.",
        "Dacă mai continuă așa, îmi anulez abonamentul.",
        "Sincer, sunt pe punctul de a-mi închide contul.",
        "Sunt destule alte magazine.",
        "Asta e ultima mea comandă la voi.",
        "Mă gândesc să merg în altă parte.",
    ),
    "de": (
        "Ich überlege ernsthaft, zur Konkurrenz zu wechseln.",
        "Wenn das so weitergeht, kündige ich.",
        "Ehrlich gesagt bin ich kurz davor, mein Konto zu schließen.",
        "Es gibt genug andere Shops.",
        "Das war meine letzte Bestellung bei Ihnen.",
        "Ich überlege, woanders hinzugehen.",
    ),
    "fr": (
        "J'envisage sérieusement de passer à la concurrence.",
        "Si cela continue, je résilie mon abonnement.",
        "Franchement, je suis sur le point de fermer mon compte.",
        "Il y a plein d'autres boutiques.",
        "Ce sera ma dernière commande chez vous.",
        "Je pense aller voir ailleurs.",
    ),
}

# Repeat-contact cues tie the text to previous_contacts: {prev} >= 2, {nth} = {prev} + 1.
REPEAT: Phrasebook = {
    "en": (
        "I've already contacted you about this {prev} times.",
        "This is contact number {nth} about the same issue.",
        "Writing again because nobody answered my last {prev} messages.",
        "Same issue as in my previous {prev} tickets.",
        "I've explained this {prev} times now.",
    ),
    "nl": (
        "Ik heb hier al {prev} keer contact over opgenomen.",
        "Dit is al mijn {nth}e poging om dit opgelost te krijgen.",
        "Ik schrijf opnieuw omdat niemand op mijn vorige {prev} berichten heeft gereageerd.",
        "Hetzelfde probleem als in mijn vorige {prev} tickets.",
        "Ik heb dit nu al {prev} keer uitgelegd.",
    ),
    "ro": (
        "V-am mai contactat de {prev} ori în legătură cu asta.",
        "Vă scriu deja a {nth}-a oară pentru aceeași problemă.",
        "Vă scriu din nou pentru că nimeni nu a răspuns la ultimele {prev} mesaje.",
        "Aceeași problemă ca în cele {prev} tichete anterioare.",
        "Am explicat asta deja de {prev} ori.",
    ),
    "de": (
        "Ich habe mich deswegen schon {prev}-mal gemeldet.",
        "Das ist schon mein {nth}. Versuch, das zu klären.",
        "Ich schreibe erneut, weil auf meine letzten {prev} Nachrichten niemand reagiert hat.",
        "Dasselbe Problem wie in meinen letzten {prev} Tickets.",
        "Ich habe das jetzt schon {prev}-mal erklärt.",
    ),
    "fr": (
        "Je vous ai déjà contactés {prev} fois à ce sujet.",
        "C'est déjà ma {nth}e tentative pour régler ce problème.",
        "Je vous réécris car personne n'a répondu à mes {prev} derniers messages.",
        "Même problème que dans mes {prev} tickets précédents.",
        "J'ai déjà expliqué cela {prev} fois.",
    ),
}

# Sentences that bring the order number into the text.
ORDER_CONTEXT: Phrasebook = {
    "en": (
        "My order number is {order_id}.",
        "Order: {order_id}",
        "It's about order {order_id}.",
        "Ref {order_id}",
        "(order {order_id})",
    ),
    "nl": (
        "Mijn bestelnummer is {order_id}.",
        "Bestelling: {order_id}",
        "Het gaat om bestelling {order_id}.",
        "Ref {order_id}",
        "(bestelling {order_id})",
    ),
    "ro": (
        "Numărul comenzii este {order_id}.",
        "Comanda: {order_id}",
        "E vorba de comanda {order_id}.",
        "Ref {order_id}",
        "(comanda {order_id})",
    ),
    "de": (
        "Meine Bestellnummer lautet {order_id}.",
        "Bestellung: {order_id}",
        "Es geht um die Bestellung {order_id}.",
        "Ref {order_id}",
        "(Bestellung {order_id})",
    ),
    "fr": (
        "Mon numéro de commande est {order_id}.",
        "Commande : {order_id}",
        "C'est au sujet de la commande {order_id}.",
        "Réf {order_id}",
        "(commande {order_id})",
    ),
}

# Topic-neutral context sentences that bring e-mails, customer ids and URLs into the text.
CONTEXT: Phrasebook = {
    "en": (
        "You can reach me at {email}.",
        "I already tried the chat, without success.",
        "My customer number is {customer_id}.",
        "Screenshot: {url}",
        "I followed the steps on {url} but it didn't help.",
        "I'm writing on behalf of our company.",
        "I'm on the family plan.",
        "Customer since 2019.",
        "The account is in my husband's name.",
    ),
    "nl": (
        "Jullie kunnen me bereiken op {email}.",
        "Ik heb het al via de chat geprobeerd, zonder resultaat.",
        "Mijn klantnummer is {customer_id}.",
        "Screenshot: {url}",
        "Ik heb de stappen op {url} gevolgd, maar dat hielp niet.",
        "Ik schrijf namens ons bedrijf.",
        "Ik heb het gezinsabonnement.",
        "Klant sinds 2019.",
        "Het account staat op naam van mijn man.",
    ),
    "ro": (
        "Mă puteți contacta la {email}.",
        "Am încercat deja pe chat, fără rezultat.",
        "Codul meu de client este {customer_id}.",
        "Captură de ecran: {url}",
        "Am urmat pașii de pe {url}, dar nu a ajutat.",
        "Vă scriu în numele firmei noastre.",
        "Am abonamentul de familie.",
        "Client din 2019.",
        "Contul e pe numele soțului meu.",
    ),
    "de": (
        "Sie erreichen mich unter {email}.",
        "Ich habe es schon über den Chat versucht, ohne Erfolg.",
        "Meine Kundennummer ist {customer_id}.",
        "Screenshot: {url}",
        "Ich habe die Schritte auf {url} befolgt, aber das hat nicht geholfen.",
        "Ich schreibe im Namen unseres Unternehmens.",
        "Ich habe den Familientarif.",
        "Kunde seit 2019.",
        "Das Konto läuft auf den Namen meines Mannes.",
    ),
    "fr": (
        "Vous pouvez me joindre à {email}.",
        "J'ai déjà essayé le chat, sans succès.",
        "Mon numéro client est {customer_id}.",
        "Capture d'écran : {url}",
        "J'ai suivi les étapes sur {url}, mais cela n'a pas aidé.",
        "Je vous écris au nom de notre société.",
        "J'ai la formule famille.",
        "Client depuis 2019.",
        "Le compte est au nom de mon mari.",
    ),
}

# Digressions of long, rambling messages; they carry no label.
RAMBLE: Phrasebook = {
    "en": (
        "I've been a customer for years, since before you changed the logo I think.",
        "My son normally deals with these things but he's away this week.",
        "Sorry, I'm not very good with computers.",
        "Anyway, that's not really the point.",
        "Long story short, I've been going back and forth on this for a while.",
        "I also have a question about something else but I'll send that separately.",
        "We only moved house last month so everything is a bit chaotic.",
        "I'm writing this from my work computer, so replying here is fine.",
        "I did have a look around the help pages first.",
        "Sorry for the long message.",
    ),
    "nl": (
        "Ik ben al jaren klant, volgens mij al van voor jullie nieuwe logo.",
        "Mijn zoon regelt dit soort dingen normaal, maar hij is deze week weg.",
        "Sorry, ik ben niet zo handig met computers.",
        "Maar goed, daar gaat het eigenlijk niet om.",
        "Lang verhaal kort, ik ben hier al een tijdje mee bezig.",
        "Ik heb ook nog een vraag over iets anders, maar die stuur ik apart.",
        "We zijn vorige maand verhuisd, dus alles is een beetje chaotisch.",
        "Ik schrijf dit vanaf mijn werkcomputer, antwoorden op dit adres is prima.",
        "Ik heb eerst wel op de hulppagina's gekeken.",
        "Sorry voor het lange bericht.",
    ),
    "ro": (
        "Sunt client de ani de zile, cred că dinainte să schimbați logo-ul.",
        "De obicei fiul meu se ocupă de astfel de lucruri, dar e plecat săptămâna asta.",
        "Scuze, nu mă pricep prea bine la calculatoare.",
        "În fine, nu asta e ideea.",
        "Pe scurt, mă tot învârt în jurul problemei de ceva vreme.",
        "Mai am o întrebare despre altceva, dar o trimit separat.",
        "Ne-am mutat luna trecută, așa că totul e cam haotic.",
        "Vă scriu de pe calculatorul de la serviciu, puteți răspunde aici.",
        "M-am uitat mai întâi prin paginile de ajutor.",
        "Scuze pentru mesajul lung.",
    ),
    "de": (
        "Ich bin seit Jahren Kunde, ich glaube schon seit vor Ihrem neuen Logo.",
        "Normalerweise kümmert sich mein Sohn um so etwas, aber er ist diese Woche weg.",
        "Entschuldigung, ich kenne mich mit Computern nicht so gut aus.",
        "Aber darum geht es eigentlich gar nicht.",
        "Lange Rede, kurzer Sinn: ich bin damit schon eine Weile beschäftigt.",
        "Ich hätte noch eine Frage zu etwas anderem, die schicke ich separat.",
        "Wir sind letzten Monat umgezogen, deshalb ist alles etwas chaotisch.",
        "Ich schreibe vom Arbeitsrechner, Sie können gern hierhin antworten.",
        "Ich habe mich vorher schon auf den Hilfeseiten umgesehen.",
        "Sorry für die lange Nachricht.",
    ),
    "fr": (
        "Je suis client depuis des années, je crois même depuis avant votre nouveau logo.",
        "D'habitude c'est mon fils qui s'occupe de ce genre de choses, mais il est absent "
        "cette semaine.",
        "Désolée, je ne suis pas très douée avec l'informatique.",
        "Bref, ce n'est pas vraiment la question.",
        "Pour faire court, ça fait un moment que je tourne en rond avec ça.",
        "J'ai aussi une question sur autre chose, mais je l'enverrai à part.",
        "Nous venons de déménager le mois dernier, donc tout est un peu chaotique.",
        "Je vous écris depuis mon ordinateur du bureau, vous pouvez répondre ici.",
        "J'ai d'abord regardé dans les pages d'aide.",
        "Désolé pour ce long message.",
    ),
}

# Fragments in another language that people mix in (mostly English, some neighbours).
MIXED: Phrasebook = {
    "en": (
        "Sorry for my English, it's not my first language.",
        "Merci!",
        "Danke!",
        "Bedankt!",
        "Mulțumesc!",
        "Grazie mille.",
        "(English is my second language, sorry for mistakes)",
    ),
    "nl": (
        "Thanks!",
        "Please help!",
        "Any update?",
        "sorry, mijn Nederlands is niet perfect",
        "Merci!",
        "asap please",
        "Cheers",
        "Thanks in advance",
    ),
    "ro": (
        "Thanks!",
        "Please help!",
        "Thank you very much!",
        "scuze pentru romgleză",
        "Any update?",
        "pls asap",
        "Merci!",
        "thx in advance",
    ),
    "de": (
        "Thanks!",
        "Please help!",
        "Any update?",
        "Merci vielmals!",
        "sorry für mein Deutsch",
        "thx",
        "Cheers",
        "Thanks in advance",
    ),
    "fr": (
        "Thanks!",
        "Please help!",
        "Any update?",
        "Dank u wel !",
        "désolé pour mon français",
        "thx",
        "Cheers",
        "Thanks in advance",
    ),
}

# Casual spelling: (regex, replacement) pairs that turn careful text into how people type in a
# hurry. The generator applies each pair to some tickets; they change words, never whole
# sentences, so both worlds of the split share them (like the seeded typos).
CASUAL: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"\b[Yy]ou\b", "u"),
        (r"\b[Pp]lease\b", "pls"),
        (r"\b[Tt]hanks\b", "thx"),
        (r"\bI'm\b", "im"),
        (r"\bI've\b", "ive"),
        (r"\b(\w+)n't\b", r"\1nt"),
        (r"\bbecause\b", "cos"),
        (r"\btomorrow\b", "tmrw"),
        (r"\bsomething\b", "smth"),
        (r"\bwith\b", "w/"),
    ),
    "nl": (
        (r"\b[Ii]k heb\b", "k heb"),
        (r"\beven\b", "ff"),
        (r"\bniet\b", "nie"),
        (r"\b[Aa]lsjeblieft\b", "aub"),
        (r"\b[Bb]edankt\b", "thx"),
        (r"\bgewoon\b", "gwn"),
        (r"\bmisschien\b", "mss"),
        (r"\bdat is\b", "das"),
        (r"\been\b", "n"),
    ),
    "ro": (
        (r"\b[Mm]ulțumesc\b", "mersi"),
        (r"\bfoarte\b", "f"),
        (r"\bpentru\b", "pt"),
        (r"\bnu știu\b", "nush"),
        (r"\bacum\b", "acu"),
        (r"\bvă rog\b", "vrog"),
        (r"\bși\b", "si"),
        (r"\bcă\b", "ca"),
    ),
    "de": (
        (r"\b[Ii]ch habe\b", "ich hab"),
        (r"\bhabe\b", "hab"),
        (r"\bnicht\b", "nich"),
        (r"\bgerade\b", "grad"),
        (r"\beinen\b", "nen"),
        (r"\bist es\b", "isses"),
        (r"\b[Dd]anke\b", "thx"),
        (r"\bvielleicht\b", "vllt"),
    ),
    "fr": (
        (r"\b[Jj]e ne sais pas\b", "jsp"),
        (r"\b[Jj]e suis\b", "jsuis"),
        (r"\b[Ss]'il vous plaît\b", "svp"),
        (r"\b[Pp]ourquoi\b", "pk"),
        (r"\bbeaucoup\b", "bcp"),
        (r"\b[Mm]erci\b", "mrc"),
        (r"\bne (\w+) (pas|plus|jamais|rien)\b", r"\1 \2"),
        (r"\bn'(\w+) (pas|plus|jamais|rien)\b", r"\1 \2"),
        (r"\bquand\b", "qd"),
        (r"\btoujours\b", "tjrs"),
    ),
}

# How often a casual writer drops the accents of a language (Romanian is very often typed
# without diacritics, German umlauts become ae/oe/ue on foreign keyboards).
ACCENT_DROP_RATE: dict[str, float] = {"en": 0.0, "nl": 0.1, "ro": 0.5, "de": 0.2, "fr": 0.25}

# Code-switching inside a sentence: native words that writers replace with the English one.
CODE_SWITCH: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (),
    "nl": (
        (r"\bterugbetaling\b", "refund"),
        (r"\bwachtwoord\b", "password"),
        (r"\bfactuur\b", "invoice"),
        (r"\bbezorging\b", "delivery"),
        (r"\bopzeggen\b", "cancelen"),
    ),
    "ro": (
        (r"\brambursarea\b", "refund-ul"),
        (r"\bactualizarea\b", "update-ul"),
        (r"\baplicația\b", "app-ul"),
        (r"\bcontul\b", "account-ul"),
        (r"\bparola\b", "password-ul"),
    ),
    "de": (
        (r"\bRückerstattung\b", "Refund"),
        (r"\bPasswort\b", "Password"),
        (r"\bLieferung\b", "Delivery"),
        (r"\bAktualisierung\b", "Update"),
        (r"\bKundenservice\b", "Customer Service"),
    ),
    "fr": (
        (r"\bremboursement\b", "refund"),
        (r"\bmot de passe\b", "password"),
        (r"\bmise à jour\b", "update"),
        (r"\bconnexion\b", "login"),
        (r"\bservice client\b", "customer service"),
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
            "Ik heb de app (versie {app_version}) al opnieuw geïnstalleerd, zonder verschil.",
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
