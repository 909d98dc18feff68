"""Demo content of the memberships plugin: Curiosa's networks, in French, Dutch and English.

The organisations and their facts are real (from Technopolis's page about its
memberships); Curiosa, its memberships' years and its people are fictional.
Values in three languages are ``{"fr", "nl", "en"}`` objects, as in
fixtures/demo/content.json.
"""

#: The person of the centre who holds the roles below (fictional).
DIRECTOR = "Élise Marchal"
DIRECTOR_FUNCTION = {
    "fr": "administratrice déléguée de Curiosa",
    "nl": "gedelegeerd bestuurder van Curiosa",
    "en": "managing director of Curiosa",
}

ORGANISATIONS = [
    {
        "key": "astc",
        "fields": {
            "name": "ASTC",
            "acronym": "ASTC",
            "acronym_meaning": "The Association of Science-Technology Centers",
            "name_language": "en",
            "scope": "world",
            "founded": 1973,
            "website": "https://www.astc.org/",
            "size_facts": {
                "fr": "Pas moins de 600 membres dans plus de 40 pays",
                "nl": "Niet minder dan 600 leden in meer dan 40 landen",
                "en": "No fewer than 600 members in more than 40 countries",
            },
            "description": {
                "fr": "Organisation mondiale de coordination des centres des sciences. Elle "
                "rassemble des centres des sciences, mais aussi des musées des sciences et des "
                "organisations apparentées.",
                "nl": "Wereldwijde koepelorganisatie van wetenschapscentra. Ze brengt "
                "wetenschapscentra samen, maar ook wetenschapsmusea en verwante organisaties.",
                "en": "The worldwide umbrella organisation of science centres. It brings "
                "together science centres as well as science museums and related organisations.",
            },
        },
    },
    {
        "key": "ecsite",
        "fields": {
            "name": "Ecsite",
            "acronym": "Ecsite",
            "acronym_meaning": "The European Network of Science Centres and Museums",
            "name_language": "en",
            "scope": "europe",
            "founded": 1989,
            "website": "https://www.ecsite.eu/",
            "size_facts": {
                "fr": "Plus de 370 membres",
                "nl": "Meer dan 370 leden",
                "en": "More than 370 members",
            },
            "description": {
                "fr": "Le réseau européen des centres et musées de sciences.",
                "nl": "Het Europese netwerk van wetenschapscentra en wetenschapsmusea.",
                "en": "The European network of science centres and science museums.",
            },
        },
    },
    {
        "key": "vsc",
        "fields": {
            "name": "Vereniging Science Centra",
            "name_language": "nl",
            "scope": "linguistic",
            "description": {
                "fr": "L'association des centres des sciences, ouverte aux centres des sciences "
                "des Pays-Bas et de Flandre. Elle a été fondée pour favoriser la collaboration "
                "entre les centres des sciences d'une même zone linguistique.",
                "nl": "De vereniging van wetenschapscentra, open voor de wetenschapscentra uit "
                "Nederland en Vlaanderen. Ze werd opgericht om de samenwerking tussen "
                "wetenschapscentra uit hetzelfde taalgebied te bevorderen.",
                "en": "The association of science centres, open to science centres in the "
                "Netherlands and Flanders. It was founded to foster collaboration between "
                "science centres that share a language.",
            },
        },
    },
    {
        "key": "eusea",
        "fields": {
            "name": "EUSEA",
            "acronym": "EUSEA",
            "acronym_meaning": "European Science Events Association",
            "name_language": "en",
            "scope": "europe",
            "founded": 2001,
            "website": "https://eusea.info/",
            "size_facts": {
                "fr": "Fondée par 52 professionnels de la communication scientifique de 90 "
                "organisations issues de 36 pays européens",
                "nl": "Opgericht door 52 professionals in wetenschapscommunicatie van 90 "
                "organisaties uit 36 Europese landen",
                "en": "Founded by 52 science communication professionals from 90 organisations "
                "in 36 European countries",
            },
            "description": {
                "fr": "Cette organisation a pour but d'améliorer la communication "
                "transfrontalière et l'échange d'événements, d'orateurs et d'expositions.",
                "nl": "Deze organisatie wil de grensoverschrijdende communicatie en de "
                "uitwisseling van evenementen, sprekers en tentoonstellingen verbeteren.",
                "en": "It aims to improve cross-border communication and the exchange of "
                "events, speakers and exhibitions.",
            },
        },
    },
]

MEMBERSHIPS = [
    {
        "key": "astc",
        "organisation": "astc",
        "fields": {
            "level": "governing",
            "since": 2001,
            "notes": {
                "fr": "En tant que «\u00a0governing member\u00a0», Curiosa prend part aux "
                "décisions de l'association.",
                "nl": "Als governing member neemt Curiosa deel aan de besluitvorming van de "
                "vereniging.",
                "en": "As a governing member, Curiosa takes part in the association's decisions.",
            },
        },
        "roles": [
            {
                "role": {
                    "fr": "Membre du conseil d'administration",
                    "nl": "Lid van de raad van bestuur",
                    "en": "Member of the Board of Directors",
                },
                "start_year": 2003,
                "end_year": 2011,
            },
            {
                "role": {
                    "fr": "Membre de l'Executive Committee",
                    "nl": "Lid van het Executive Committee",
                    "en": "Member of the Executive Committee",
                },
                "start_year": 2009,
                "end_year": 2011,
            },
            {
                "role": {
                    "fr": "Membre du Global Committee, chargée de la diversité dans les relations "
                    "et activités internationales",
                    "nl": "Lid van het Global Committee, bevoegd voor diversiteit in de "
                    "internationale relaties en activiteiten",
                    "en": "Member of the Global Committee, in charge of diversity in international "
                    "relations and activities",
                },
                "start_year": 2011,
                "end_year": None,
            },
        ],
    },
    {
        "key": "ecsite",
        "organisation": "ecsite",
        "fields": {"level": "full", "since": 1999},
        "roles": [
            {
                "role": {
                    "fr": "Membre du conseil d'administration",
                    "nl": "Lid van de raad van bestuur",
                    "en": "Member of the Board of Directors",
                },
                "start_year": 2007,
                "end_year": 2013,
            },
        ],
    },
    {
        "key": "vsc",
        "organisation": "vsc",
        "fields": {
            "level": "active",
            "since": 2012,
            "notes": {
                "fr": "Curiosa y partage son expérience des publics néerlandophones avec les "
                "centres des sciences des Pays-Bas et de Flandre.",
                "nl": "Curiosa deelt er zijn ervaring met Nederlandstalige bezoekers met de "
                "wetenschapscentra uit Nederland en Vlaanderen.",
                "en": "Curiosa shares its experience with Dutch-speaking visitors with science "
                "centres from the Netherlands and Flanders.",
            },
        },
        "roles": [],
    },
    {
        "key": "eusea",
        "organisation": "eusea",
        "fields": {
            "level": "founding",
            "since": 2001,
            "notes": {
                "fr": "Curiosa fait partie des 90 organisations qui ont fondé l'association fin "
                "2001.",
                "nl": "Curiosa is een van de 90 organisaties die de vereniging eind 2001 "
                "oprichtten.",
                "en": "Curiosa is one of the 90 organisations that founded the association at "
                "the end of 2001.",
            },
        },
        "roles": [],
    },
]

MEMBERSHIPS_PAGE = {
    "key": "page",
    "fields": {
        "title": {"fr": "Nos affiliations", "nl": "Onze lidmaatschappen", "en": "Our memberships"},
        "slug": {"fr": "affiliations", "nl": "lidmaatschappen", "en": "memberships"},
        "introduction": {
            "fr": "Curiosa est membre de nombreuses organisations de coordination "
            "professionnelles du secteur des centres des sciences, dans le monde, en Europe et "
            "dans notre zone linguistique.",
            "nl": "Curiosa is lid van heel wat professionele koepelorganisaties uit de sector "
            "van de wetenschapscentra, wereldwijd, in Europa en in ons taalgebied.",
            "en": "Curiosa is a member of many professional umbrella organisations of the "
            "science centre sector, worldwide, in Europe and in our language area.",
        },
        "search_description": {
            "fr": "Les réseaux professionnels dont Curiosa est membre (ASTC, Ecsite, EUSEA...) "
            "et les fonctions que ses collaborateurs y exercent.",
            "nl": "De professionele netwerken waarvan Curiosa lid is (ASTC, Ecsite, EUSEA...) en "
            "de functies die zijn medewerkers er bekleden.",
            "en": "The professional networks Curiosa belongs to (ASTC, Ecsite, EUSEA...) and the "
            "roles its people hold in them.",
        },
        "show_in_menus": True,
        "for_visitors": False,
        "for_schools": False,
        "for_venue_hire": False,
    },
    "body": [
        {
            "type": "paragraph",
            "value": {
                "fr": "<p>L'affiliation à ces organisations favorise la collaboration entre les "
                "centres des sciences à l'échelle mondiale, l'échange de connaissances et "
                "d'expériences, mais aussi le partage des nouvelles évolutions.</p><p>Des "
                "représentants du monde des centres des sciences se rencontrent régulièrement "
                "lors d'événements, de conférences et de congrès organisés dans le monde "
                "entier.</p>",
                "nl": "<p>Het lidmaatschap van die organisaties bevordert de samenwerking tussen "
                "wetenschapscentra over de hele wereld, de uitwisseling van kennis en ervaring, "
                "en het delen van nieuwe ontwikkelingen.</p><p>Vertegenwoordigers van de "
                "wetenschapscentra ontmoeten elkaar geregeld op evenementen, conferenties en "
                "congressen over de hele wereld.</p>",
                "en": "<p>Belonging to these organisations fosters collaboration between science "
                "centres worldwide, the exchange of knowledge and experience, and the sharing of "
                "new developments.</p><p>People from the science centre world meet regularly at "
                "events, conferences and congresses held all over the world.</p>",
            },
        }
    ],
}
