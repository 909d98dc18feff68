"""Demo content of the declarations plugin, in French, Dutch and English.

The declarations, their events and figures are real (Technopolis's page about the
declarations it signed); the commitments summarise what that page says of each.
Curiosa's signature and the endorsing organisations are fictional. Values in three
languages are ``{"fr", "nl", "en"}`` objects, as in fixtures/demo/content.json.
"""

INDEX_PAGE = {
    "key": "index",
    "fields": {
        "title": {"fr": "Déclarations", "nl": "Verklaringen", "en": "Declarations"},
        "slug": {"fr": "declarations", "nl": "verklaringen", "en": "declarations"},
        "introduction": {
            "fr": "Réunis en congrès et en sommets mondiaux, les centres des sciences adoptent "
            "ensemble des déclarations, puis agissent pour les mettre en œuvre. Curiosa les a "
            "signées\u00a0; votre organisation peut les soutenir à son tour.",
            "nl": "Op hun wereldcongressen en -topontmoetingen nemen wetenschapscentra samen "
            "verklaringen aan, en daarna zetten ze die om in daden. Curiosa heeft ze "
            "ondertekend; ook jouw organisatie kan ze steunen.",
            "en": "Meeting at world congresses and summits, science centres adopt shared "
            "declarations, then act on them. Curiosa has signed them; your organisation can "
            "endorse them too.",
        },
        "search_description": {
            "fr": "Les déclarations de Toronto (2008), du Cap (2011) et de Malines (2014) "
            "adoptées par les centres des sciences du monde entier, et leurs engagements.",
            "nl": "De verklaringen van Toronto (2008), Kaapstad (2011) en Mechelen (2014) van "
            "de wetenschapscentra uit de hele wereld, en hun engagementen.",
            "en": "The Toronto (2008), Cape Town (2011) and Mechelen (2014) declarations "
            "adopted by science centres worldwide, and the commitments they contain.",
        },
        "show_in_menus": True,
    },
}

TECHNOPOLIS = {"name": "Technopolis"}
#: Networks that are organisations of the memberships plugin's demo, named by their demo
#: key there (its stable identity), so the link holds whichever demo loads first.
ASTC = {"name": "ASTC", "organisation": "memberships-astc"}
ECSITE = {"name": "Ecsite", "organisation": "memberships-ecsite"}

DECLARATIONS = [
    {
        "key": "toronto-2008",
        "fields": {
            "title": {
                "fr": "Déclaration de Toronto",
                "nl": "Verklaring van Toronto",
                "en": "Toronto Declaration",
            },
            "slug": {"fr": "toronto-2008", "nl": "toronto-2008", "en": "toronto-2008"},
            "date": "2008-06-19",
            "place": {"fr": "Toronto, Canada", "nl": "Toronto, Canada", "en": "Toronto, Canada"},
            "event_name": {
                "fr": "5e Science Centre World Congress",
                "nl": "5de Science Centre World Congress",
                "en": "5th Science Centre World Congress",
            },
            "event_edition": 5,
            "introduction": {
                "fr": "À l’issue du 5e Science Centre World Congress de Toronto (2008), "
                "Curiosa a signé la «\u00a0Toronto Declaration\u00a0» avec 2\u00a0000 collègues "
                "du monde entier\u00a0: le premier document dans lequel les centres des sciences "
                "internationaux résument de commun accord leurs objectifs et leurs convictions.",
                "nl": "Na afloop van het 5de Science Centre World Congress in Toronto (2008) "
                "ondertekende Curiosa samen met 2 000 collega's uit de hele wereld de "
                "'Toronto Declaration': het eerste document waarin de internationale "
                "wetenschapscentra in onderling akkoord hun doelstellingen en overtuigingen "
                "samenvatten.",
                "en": "At the close of the 5th Science Centre World Congress in Toronto (2008), "
                "Curiosa signed the Toronto Declaration together with 2,000 colleagues from "
                "all over the world: the first document in which the world's science centres "
                "jointly set out their goals and beliefs.",
            },
            "signed_by_centre": True,
            "centre_signed_on": "2008-06-19",
        },
        "commitments": [
            {
                "title": {
                    "fr": "Des objectifs partagés",
                    "nl": "Gedeelde doelstellingen",
                    "en": "Shared goals",
                },
                "text": {
                    "fr": "Résumer, de commun accord, les objectifs que poursuivent les centres "
                    "des sciences du monde entier.",
                    "nl": "In onderling akkoord de doelstellingen samenvatten van de "
                    "wetenschapscentra uit de hele wereld.",
                    "en": "Set out, in common agreement, the goals that science centres around "
                    "the world pursue.",
                },
            },
            {
                "title": {
                    "fr": "Des convictions communes",
                    "nl": "Gemeenschappelijke overtuigingen",
                    "en": "Common beliefs",
                },
                "text": {
                    "fr": "Affirmer ensemble les convictions qui fondent le travail des centres "
                    "des sciences.",
                    "nl": "Samen de overtuigingen uitspreken waarop het werk van de "
                    "wetenschapscentra steunt.",
                    "en": "State together the beliefs on which the work of science centres rests.",
                },
            },
        ],
        "signatories": [TECHNOPOLIS],
        "related": [],
        "endorsements": [],
    },
    {
        "key": "cape-town-2011",
        "fields": {
            "title": {
                "fr": "Déclaration du Cap",
                "nl": "Verklaring van Kaapstad",
                "en": "Cape Town Declaration",
            },
            "slug": {"fr": "le-cap-2011", "nl": "kaapstad-2011", "en": "cape-town-2011"},
            "date": "2011-09-08",
            "place": {
                "fr": "Le Cap, Afrique du Sud",
                "nl": "Kaapstad, Zuid-Afrika",
                "en": "Cape Town, South Africa",
            },
            "event_name": {
                "fr": "6e Science Centre World Congress",
                "nl": "6de Science Centre World Congress",
                "en": "6th Science Centre World Congress",
            },
            "event_edition": 6,
            "event_delegates": 416,
            "event_countries": 56,
            "introduction": {
                "fr": "Lors du 6e Science Centre World Congress, au Cap, 416 délégués de 56 pays "
                "ont évalué l'impact des centres des sciences dans le monde entier. Dans la "
                "«\u00a0Cape Town Declaration\u00a0», ils élaborent des plans pour que les centres "
                "des sciences continuent de jouer un rôle constructif en abordant les problèmes "
                "mondiaux là où science et société se rejoignent.",
                "nl": "Op het 6de Science Centre World Congress in Kaapstad evalueerden 416 "
                "afgevaardigden uit 56 landen de impact van wetenschapscentra over de hele "
                "wereld. In de 'Cape Town Declaration' werken ze plannen uit opdat "
                "wetenschapscentra een constructieve rol blijven spelen bij wereldwijde "
                "problemen, daar waar wetenschap en samenleving elkaar raken.",
                "en": "At the 6th Science Centre World Congress in Cape Town, 416 delegates from "
                "56 countries assessed the impact of science centres around the world. In the "
                "Cape Town Declaration, they set out plans to ensure that science centres keep "
                "playing a constructive role in tackling global issues where science and "
                "society meet.",
            },
            "signed_by_centre": True,
            "centre_signed_on": "2011-09-08",
        },
        "commitments": [
            {
                "title": {
                    "fr": "Mesurer notre impact",
                    "nl": "Onze impact meten",
                    "en": "Measure our impact",
                },
                "text": {
                    "fr": "Évaluer l'impact des centres des sciences, partout dans le monde.",
                    "nl": "De impact van wetenschapscentra evalueren, overal ter wereld.",
                    "en": "Assess the impact of science centres, all around the world.",
                },
            },
            {
                "title": {
                    "fr": "Aborder les problèmes mondiaux",
                    "nl": "Wereldwijde problemen aanpakken",
                    "en": "Tackle global issues",
                },
                "text": {
                    "fr": "Continuer à jouer un rôle constructif face aux problèmes mondiaux, là "
                    "où science et société se rejoignent.",
                    "nl": "Een constructieve rol blijven spelen bij wereldwijde problemen, daar "
                    "waar wetenschap en samenleving elkaar raken.",
                    "en": "Keep playing a constructive role in the face of global issues, where "
                    "science and society meet.",
                },
            },
        ],
        "signatories": [TECHNOPOLIS],
        "related": ["toronto-2008"],
        "endorsements": [
            {
                "organisation": "Kijkdoos Wetenschapscentrum",
                "country": "België",
                "website": "https://kijkdoos.example/",
                "language": "nl",
            },
        ],
    },
    {
        "key": "mechelen-2014",
        "fields": {
            "title": {
                "fr": "Déclaration de Malines",
                "nl": "Verklaring van Mechelen",
                "en": "Mechelen Declaration",
            },
            "slug": {"fr": "malines-2014", "nl": "mechelen-2014", "en": "mechelen-2014"},
            "date": "2014-03-19",
            "place": {
                "fr": "Malines, Belgique",
                "nl": "Mechelen, België",
                "en": "Mechelen, Belgium",
            },
            "event_name": {
                "fr": "Premier Science Centre World Summit",
                "nl": "Eerste Science Centre World Summit",
                "en": "First Science Centre World Summit",
            },
            "event_edition": 1,
            "introduction": {
                "fr": "La «\u00a0Mechelen Declaration\u00a0» a été signée lors du premier Science "
                "Centre World Summit, organisé en 2014 par Technopolis, à Malines. Dans ce plan "
                "d'action, le secteur des centres des sciences s'engage à prendre, avec ses "
                "partenaires, des mesures concrètes pour l'avenir.",
                "nl": "De 'Mechelen Declaration' werd ondertekend op de eerste Science Centre "
                "World Summit, die Technopolis in 2014 in Mechelen organiseerde. In dit "
                "actieplan engageert de sector van de wetenschapscentra zich om samen met zijn "
                "partners concrete stappen te zetten voor de toekomst.",
                "en": "The Mechelen Declaration was signed at the first Science Centre World "
                "Summit, hosted by Technopolis in Mechelen in 2014. In this action plan, the "
                "science centre sector commits to taking concrete steps for the future, "
                "together with its partners.",
            },
            "signed_by_centre": True,
            "centre_signed_on": "2014-03-19",
        },
        "commitments": [
            {
                "title": {
                    "fr": "Agir concrètement",
                    "nl": "Concreet handelen",
                    "en": "Take concrete action",
                },
                "text": {
                    "fr": "Prendre, avec nos partenaires, des mesures concrètes pour l'avenir.",
                    "nl": "Samen met onze partners concrete stappen zetten voor de toekomst.",
                    "en": "Take concrete steps for the future, together with our partners.",
                },
            },
            {
                "title": {
                    "fr": "Poursuivre le travail des congrès",
                    "nl": "Voortbouwen op de congressen",
                    "en": "Build on the congresses",
                },
                "text": {
                    "fr": "S'appuyer sur les résultats des congrès mondiaux de Toronto et du Cap.",
                    "nl": "Voortbouwen op de resultaten van de wereldcongressen van Toronto en "
                    "Kaapstad.",
                    "en": "Build on the results of the world congresses in Toronto and Cape Town.",
                },
            },
        ],
        "signatories": [TECHNOPOLIS, ASTC, ECSITE],
        "related": ["toronto-2008", "cape-town-2011"],
        "endorsements": [
            {
                "organisation": "Atelier Éprouvette",
                "country": "Belgique",
                "website": "https://eprouvette.example/",
                "language": "fr",
            },
            {
                "organisation": "Kijkdoos Wetenschapscentrum",
                "country": "België",
                "website": "https://kijkdoos.example/",
                "language": "nl",
            },
            {
                "organisation": "Sparkhouse Science Centre",
                "country": "Ireland",
                "website": "",
                "language": "en",
            },
        ],
    },
]
