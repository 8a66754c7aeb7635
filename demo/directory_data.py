"""Demo content of the directory.

The services are those the KBSP extra-familial harm strategy (2020-2022) names in its Appendix 1,
described only with what the strategy says. It gives no addresses or opening times, so these are
city-wide listings with no map pin and no times, honestly marked as not yet checked. The community
places are demo data: well-known public places of the gazetteer with made-up sessions, so the
map and the time filters have something to show."""

STRATEGY = "Described from the Keeping Bristol Safe Partnership's extra-familial harm strategy"

ORGANISATIONS = {
    "barnardos": ("Barnardo's", "A national children's charity.", "https://www.barnardos.org.uk/"),
    "bcc": (
        "Bristol City Council Children and Families Services",
        "The city council's services for children, young people and families.",
        "https://www.bristol.gov.uk/",
    ),
    "cyn": (
        "Creative Youth Network",
        "Bristol's youth work charity: youth clubs, creative courses, careers advice and outreach.",
        "https://www.creativeyouthnetwork.org.uk/",
    ),
    "camhs": (
        "CAMHS (Child and Adolescent Mental Health Services)",
        "The NHS mental health services for children and young people in Bristol.",
        "",
    ),
    "otr": (
        "Off the Record",
        "A mental health charity for young people in Bristol.",
        "https://www.otrbristol.org.uk/",
    ),
    "trc": ("Trauma Recovery Centre", "Post-trauma recovery services.", ""),
    "sarsas": (
        "SARSAS",
        "Somerset and Avon Rape and Sexual Abuse Support.",
        "https://www.sarsas.org.uk/",
    ),
    "bridge": (
        "The Bridge",
        "The sexual assault referral centre (SARC) for Bristol and the surrounding area.",
        "https://www.thebridgecanhelp.org.uk/",
    ),
    "safelink": ("Safe Link", "Independent sexual violence advisers (ISVAs).", ""),
    "nextlink": (
        "Next Link",
        "Domestic abuse support, including independent advisers (IDVAs).",
        "",
    ),
    "police": ("Avon and Somerset Police", "The police force for Bristol.", ""),
    "yot": (
        "Bristol Youth Offending Team (YOT)",
        "Works with children who have committed offences.",
        "",
    ),
    "demo": (
        "Safer Places Bristol demo data",
        "Made-up examples to show how the directory works.",
        "",
    ),
}

# slug, name, organisation, description, needs, audiences, self referral, professional referral,
# (min age, max age)
SERVICES = [
    (
        "barnardos-base",
        "Barnardo's BASE",
        "barnardos",
        "A specialist project on child sexual exploitation (CSE) that has worked in Bristol for 22 "
        "years. Its 4As Trauma-Informed Attachment and Advocacy Model includes advice for "
        "professionals and direct work with parents. It has a specialist enhanced sexual health "
        "service and a specialist mental health nurse who carries out mental health assessments and "
        "trauma-informed interventions. Young people take part through its participation and "
        "children's rights work.",
        [
            "sexual-exploitation",
            "sexual-health",
            "mental-health",
            "trauma-recovery",
            "parenting-support",
        ],
        ["young-people", "parents", "professionals"],
        False,
        True,
        (None, None),
    ),
    (
        "barnardos-safe-choices",
        "Barnardo's Safe Choices",
        "barnardos",
        "Early intervention to reduce going missing: one-to-one work with young people who have "
        "started running away from home.",
        ["missing-from-home"],
        ["young-people"],
        False,
        True,
        (None, None),
    ),
    (
        "creative-youth-network",
        "Creative Youth Network youth work",
        "cyn",
        "Bristol's youth work offer: a network of open access youth clubs and youth services, "
        "pro-social peer networks and adolescent safe sites, creative courses, job and careers "
        "advice, and outreach programmes in schools and communities. Targeted prevention through "
        "one-to-one and group work.",
        ["youth-clubs", "music-and-arts", "employment-training", "mentoring"],
        ["young-people"],
        True,
        True,
        (None, None),
    ),
    (
        "be-safe",
        "Be Safe harmful sexual behaviour service",
        "camhs",
        "The CAMHS harmful sexual behaviour service: one-to-one and group work, and restorative "
        "justice approaches with the Youth Offending Team.",
        ["peer-on-peer-abuse"],
        ["young-people", "parents", "professionals"],
        False,
        True,
        (None, 18),
    ),
    (
        "stay-safe-net",
        "Stay S@fe Net",
        "camhs",
        "Run by Be Safe to reduce harmful sexual behaviour online.",
        ["online-harm", "peer-on-peer-abuse"],
        ["young-people", "professionals"],
        False,
        True,
        (None, 18),
    ),
    (
        "families-in-focus",
        "Families in Focus",
        "bcc",
        "Non-Violent Resistance approaches for parents and carers, as group work and one-to-one, and "
        "personalised budgets for creative ways of reducing risk for adolescents.",
        ["parenting-support", "parent-carer-peer-support"],
        ["parents"],
        False,
        True,
        (None, None),
    ),
    (
        "edge-of-care",
        "Edge of Care Team",
        "bcc",
        "Non-Violent Resistance approaches, as group work and one-to-one, for families where a young "
        "person may otherwise come into care.",
        ["parenting-support"],
        ["parents"],
        False,
        True,
        (None, None),
    ),
    (
        "camhs-substance-misuse",
        "CAMHS Young People Substance Misuse Treatment Service",
        "camhs",
        "Specialist treatment for young people's drug and alcohol use, with support for parents.",
        ["substance-misuse", "mental-health"],
        ["young-people", "parents"],
        False,
        True,
        (None, 18),
    ),
    (
        "camhs-specialist",
        "CAMHS specialist assessments and programmes",
        "camhs",
        "Specialist assessments and programmes, including family therapy for young children, "
        "adolescents, children with learning disabilities and parents or carers, and consultation "
        "and advice for professionals. CAMHS also provides post-trauma recovery services.",
        ["mental-health", "trauma-recovery"],
        ["young-people", "parents", "professionals"],
        False,
        True,
        (None, 18),
    ),
    (
        "parenting-programmes",
        "Evidence-based parenting programmes",
        "bcc",
        "Parenting programmes run by the Children and Families Services parenting teams, including "
        "Parents Plus Adolescents Programme.",
        ["parenting-support", "parent-carer-peer-support"],
        ["parents"],
        True,
        True,
        (None, None),
    ),
    (
        "off-the-record",
        "Off the Record",
        "otr",
        "Mental health support for young people, including recovery after trauma.",
        ["mental-health", "trauma-recovery"],
        ["young-people"],
        True,
        True,
        (None, None),
    ),
    (
        "trauma-recovery-centre",
        "Trauma Recovery Centre",
        "trc",
        "Post-trauma recovery services.",
        ["trauma-recovery"],
        ["young-people"],
        False,
        True,
        (None, None),
    ),
    (
        "sarsas",
        "SARSAS",
        "sarsas",
        "Support to recover after rape or sexual abuse.",
        ["trauma-recovery", "sexual-exploitation"],
        ["young-people", "parents"],
        True,
        True,
        (None, None),
    ),
    (
        "the-bridge",
        "The Bridge sexual assault referral centre",
        "bridge",
        "The local sexual assault referral centre (SARC): post-trauma recovery after sexual assault.",
        ["trauma-recovery", "sexual-health"],
        ["young-people"],
        True,
        True,
        (None, None),
    ),
    (
        "safe-link",
        "Safe Link ISVAs for under-18s",
        "safelink",
        "Independent sexual violence advisers (ISVAs) for under-18s.",
        ["trauma-recovery", "sexual-exploitation"],
        ["young-people"],
        True,
        True,
        (None, 17),
    ),
    (
        "next-link",
        "Next Link IDVAs for under-18s",
        "nextlink",
        "Independent domestic violence advisers (IDVAs) for under-18s.",
        ["domestic-abuse"],
        ["young-people"],
        True,
        True,
        (None, 17),
    ),
    (
        "safer-options-mentoring",
        "Safer Options mentoring",
        "police",
        "Mentoring for children at risk of criminality or exploitation, coordinated by the police and "
        "delivered by credible community representatives. A growing offer.",
        ["mentoring", "criminal-exploitation", "gangs-serious-violence"],
        ["young-people"],
        False,
        True,
        (None, None),
    ),
    (
        "yot-restorative-justice",
        "Youth Offending Team: restorative justice and the 5P model",
        "yot",
        "Restorative justice approaches for children who have committed offences, and trauma-informed "
        "practice using the 5P model.",
        ["gangs-serious-violence", "criminal-exploitation"],
        ["young-people", "professionals"],
        False,
        True,
        (10, 17),
    ),
    (
        "drug-and-young-people-project",
        "Drug and Young People Project",
        "bcc",
        "Alcohol and substance misuse support, including support for parents.",
        ["substance-misuse", "parenting-support"],
        ["young-people", "parents"],
        False,
        True,
        (None, None),
    ),
    (
        "children-in-care-council",
        "Children in Care Council",
        "bcc",
        "Where children in care have their say on the services they receive, with Bristol City "
        "Council youth groups.",
        [],
        ["young-people"],
        True,
        False,
        (None, 18),
    ),
]

DEMO_ALERT = "Demo data: a made-up example at a real public place, to show how the directory works."

# slug, name, place slug, place type, needs, description, [(days, opens, closes)], ages
PLACES = [
    (
        "demo-youth-club-st-pauls",
        "Youth club at St Pauls (demo)",
        "st-pauls",
        "youth-club",
        ["youth-clubs"],
        "Drop-in youth club: games, cooking and someone to talk to.",
        [("MO,WE", "18:00", "21:00")],
        (11, 18),
    ),
    (
        "demo-hengrove-park-skate",
        "Hengrove Park play and skate area (demo)",
        "hengrove-park",
        "sports-venue",
        ["sport"],
        "Open-air play and skate area in Hengrove Park.",
        [("MO,TU,WE,TH,FR,SA,SU", "08:00", "20:00")],
        (None, None),
    ),
    (
        "demo-eastville-football",
        "Eastville Park weekend football (demo)",
        "eastville-park",
        "sports-venue",
        ["sport"],
        "Free weekend football sessions for young people on the park's pitches.",
        [("SA,SU", "10:00", "13:00")],
        (11, 17),
    ),
    (
        "demo-stokes-croft-music",
        "Music studio sessions in Stokes Croft (demo)",
        "stokes-croft",
        "arts-venue",
        ["music-and-arts"],
        "Recording, beats and lyrics sessions with youth workers.",
        [("TU,TH", "17:00", "20:00"), ("SA", "12:00", "16:00")],
        (13, 19),
    ),
    (
        "demo-broadmead-safe-space",
        "Safe space in Broadmead (demo)",
        "broadmead",
        "safe-space",
        ["youth-clubs"],
        "A safe place in town with trusted adults, if you feel unsafe or need help.",
        [("FR,SA", "16:00", "22:00")],
        (11, 25),
    ),
    (
        "demo-hartcliffe-detached",
        "Detached youth work in Hartcliffe (demo)",
        "hartcliffe",
        "youth-club",
        ["youth-clubs", "criminal-exploitation", "mentoring"],
        "Youth workers out on the streets on Friday and Saturday evenings: someone to talk to about "
        "pressure, county lines and staying safe.",
        [("FR,SA", "19:00", "22:00")],
        (11, 19),
    ),
    (
        "demo-filwood-boxing",
        "Saturday boxing in Knowle West (demo)",
        "filwood-broadway",
        "sports-venue",
        ["sport", "mentoring"],
        "Boxing fitness and mentoring.",
        [("SA", "10:00", "12:00")],
        (10, 18),
    ),
]
