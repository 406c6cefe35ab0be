# ruff: noqa: E501  (pattern lines are data: one pattern per line reads best)
"""Flag patterns per language, written as surface words: they are lemmatised at load time with
the very pipeline that reads tickets, so every inflected form the lookup tables know matches.

A pattern is space-separated slots; a slot is alternatives joined by `|` (each lemmatised), or
`*N`: up to N arbitrary tokens. Single words must be specific enough on their own ("sue", not
"legal"); ambiguous words only count next to a partner ("cancel … subscription", not "cancel
… order")."""

from __future__ import annotations

Patterns = dict[str, dict[str, tuple[str, ...]]]
"""flag code -> language -> patterns."""

TEXT_FLAGS: Patterns = {
    "LEGAL_THREAT": {
        "en": (
            "sue|suing|sued",
            "lawyer|lawyers|attorney|attorneys|solicitor|solicitors",
            "lawsuit|litigation",
            "legal action|proceedings|steps|claim",
            "take|taking|see *2 to|in court",
            "small claims",
        ),
        "nl": (
            "advocaat|advocaten|jurist|juristen",
            "rechtbank|rechtszaak|dagvaarding|dagvaarden",
            "naar|voor de rechter",
            "aanklagen|aangeklaagd",
            "juridische|juridisch stappen|actie",
        ),
        "ro": (
            "avocat|avocatul|avocați|avocatului",
            "instanță|instanța|instanta|tribunal|tribunalul",
            "judecată|judecata|judecat",
            "acționa|acționez|acțiune *2 juridic|juridică|justiție",
            "proces *1 în *1 instanță|instanța",
        ),
        "de": (
            "anwalt|anwälte|anwältin|anwalts|rechtsanwalt|rechtsanwältin",
            "gericht|klage|verklagen|verklage|verklagt",
            "rechtlich|rechtliche|rechtlichen|juristisch|juristische *2 vorgehen|schritte|schritten",
            "rechtlich|rechtliche *2 vor|vorgehen",
            "gehe|gehen *2 rechtlich",
        ),
        "fr": (
            "avocat|avocats|avocate",
            "tribunal|tribunaux|justice",
            "porter plainte",
            "poursuite|poursuites|poursuivre *2 judiciaire|judiciaires|justice",
            "action|actions en justice",
        ),
    },
    "REGULATOR_MENTION": {
        "en": (
            "regulator|regulators|ombudsman|ico|ftc|ofcom|ofgem",
            "consumer protection|rights authority|agency|office|body",
            "data protection authority|regulator|commissioner|office",
            "trading standards",
            "gdpr complaint",
            "complaint|report *4 gdpr|authority|authorities",
        ),
        "nl": (
            "acm|consumentenbond|geschillencommissie|toezichthouder|toezichthouders",
            "autoriteit persoonsgegevens|consument",
            "klacht *6 avg",
        ),
        "ro": (
            "anpc|anspdcp|anc|ancom",
            "protecția|protectia|protecției|protectiei consumatorului|consumatorilor|datelor",
            "plângere|plangere *4 gdpr",
        ),
        "de": (
            "verbraucherzentrale|verbraucherschutz|datenschutzbehörde|aufsichtsbehörde",
            "bafin|bundesnetzagentur|datenschutzbeauftragte|datenschutzbeauftragten|schlichtungsstelle",
            "beschwerde *3 dsgvo",
        ),
        "fr": (
            "dgccrf|cnil|arcep|médiateur|médiatrice",
            "plainte|signalement *4 rgpd",
            "protection des consommateurs|données",
        ),
    },
    "CHURN_RISK": {
        "en": (
            "cancel|cancelling|canceling|terminate|close|closing *3 subscription|account|contract|membership|plan|service",
            "switch|switching|move|moving|go|going|leave|leaving *4 competitor|competitors|competition",
            "leave|leaving you|your service|company",
            "take *2 business elsewhere",
        ),
        "nl": (
            "opzeggen|opgezegd|beëindigen|opheffen|stopzetten *0 abonnement|account|contract",
            "abonnement|account|contract|lidmaatschap *4 opzeggen|opheffen|beëindigen|zeg|op|stop|stopzetten",
            "overstappen|stappen|stap *4 concurrent|concurrenten|concurrentie",
            "concurrent|concurrenten|concurrentie *3 stappen|overstappen",
        ),
        "ro": (
            "anula|anulez|închide|închid|rezilia|reziliez|renunța|renunț *3 abonament|abonamentul|cont|contul|contract|contractul",
            "trece|trec|muta *3 concurență|concurenta|concurent|concurența",
        ),
        "de": (
            "kündigen|kündige|gekündigt|kündigung",
            "wechseln|wechsle|gehen *3 konkurrenz|konkurrenten|mitbewerber",
            "konkurrenz|konkurrenten *3 wechseln|wechsle|gehen",
            "konto|vertrag|abo|abonnement *3 schließen|beenden|auflösen",
            "schließen|beenden|auflösen *3 konto|vertrag|abo|abonnement",
        ),
        "fr": (
            "résilier|résilie|résiliation|résilierai",
            "passer|aller|partir *3 concurrence|concurrent|concurrents",
            "fermer|clôturer|annuler *3 compte|abonnement|contrat",
        ),
    },
    "SECURITY_INCIDENT": {
        "en": (
            "hack|hacked|hacker|hackers|phishing|ransomware|malware",
            "data|security breach|leak",
            "breach|leak *2 data|personal",
            "unauthorized|unauthorised access|login|logins|transaction|transactions",
            "account *2 compromise|compromised|hijacked|taken",
            "someone *3 logged|log|access|accessed *3 my|our account",
        ),
        "nl": (
            "gehackt|hacken|hacker|phishing|datalek|ransomware|malware",
            "onbevoegd|onbevoegde|ongeautoriseerde|ongeautoriseerd toegang|inlog|transactie|transacties",
            "account *2 overgenomen|gecompromitteerd",
        ),
        "ro": (
            "spart|sparge|hackuit|hackuit|piratat|phishing|ransomware|malware",
            "breșă|bresa *2 securitate|date",
            "acces|tranzacție|tranzacții|autentificare neautorizat|neautorizată|neautorizate",
            "scurgere *2 date",
        ),
        "de": (
            "gehackt|hacken|hacker|phishing|datenleck|datenpanne|ransomware|malware",
            "unbefugt|unbefugte|unbefugten|unberechtigt|unberechtigte|unberechtigten *2 zugriff|zugang|anmeldung|login|abbuchung|abbuchungen",
            "konto *2 kompromittiert|übernommen",
        ),
        "fr": (
            "piraté|pirater|piratage|pirate|hameçonnage|phishing|rançongiciel|ransomware|malware",
            "fuite|violation *2 données",
            "accès|connexion|transaction|transactions *2 non autorisé|autorisée|autorisés|autorisées",
            "accès|connexion|transaction|transactions frauduleux|frauduleuse|frauduleuses",
            "compte *2 compromis",
        ),
    },
    "REPEAT_CONTACT": {
        "en": (
            "already *2 contacted|contact|called|emailed|written|wrote|reached",
            "contact|attempt|time number",
            "third|fourth|fifth|nth time",
            "still no|not *2 answer|reply|response|fix",
        ),
        "nl": (
            "al *3 keer contact",
            "al *3 gebeld|gemaild|geschreven|gecontacteerd",
            "poging",
            "nog steeds geen *1 antwoord|reactie",
        ),
        "ro": (
            "mai contactat|contacta|sunat|scris",
            "deja *3 oară|dată|ori",
            "încă *2 niciun|nici *1 răspuns",
        ),
        "de": (
            "schon|bereits *3 gemeldet|geschrieben|angerufen|kontaktiert|mal",
            "versuch",
            "immer noch keine *1 antwort|rückmeldung",
        ),
        "fr": (
            "déjà *3 contacté|contactés|contactée|écrit|appelé|fois",
            "tentative",
            "toujours pas *2 réponse",
        ),
    },
    "ANGRY_CUSTOMER": {
        "en": (
            "unacceptable|outrageous|disgraceful|disgrace|ridiculous|furious|livid|pathetic|appalling",
            "fed up",
            "sick and tired",
            "how hard can",
        ),
        "nl": (
            "onacceptabel|schandalig|schande|belachelijk|woedend|spuugzat|kotsbeu|bespottelijk",
            "hoe moeilijk kan",
        ),
        "ro": (
            "inacceptabil|inadmisibil|revoltător|ridicol|furios|furioasă|scandalos",
            "bătaie de joc",
            "m-am|am *1 săturat",
            "atât de greu",
        ),
        "de": (
            "inakzeptabel|unverschämt|unverschämtheit|frechheit|lächerlich|stinksauer|wütend|skandalös|unzumutbar",
            "nase voll",
            "wie schwer kann",
        ),
        "fr": (
            "inacceptable|scandaleux|scandaleuse|honte|ridicule|furieux|furieuse|inadmissible|lamentable",
            "en ai *1 assez",
            "si compliqué",
        ),
    },
}
