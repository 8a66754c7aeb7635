"""The strategy's action plan (its Appendix 2): 23 proposals under six themes. Leads and dates were
left blank in the strategy; statuses are "not started" except where the strategy records work
already under way."""

THEMES = [
    ("contextualise-our-systems", "Contextualise our systems"),
    ("protection-through-participation", "Protection through participation"),
    ("transition-to-adulthood", "Transition to adulthood for victims of EFH"),
    ("disrupt-and-prosecute", "Disrupt and prosecute perpetrators"),
    ("safeguard-not-sanction", "Safeguard, not sanction"),
    ("responsive-services", "Responsive services to meet critical need"),
]

# (number, theme slug, proposal), in the words of this site rather than the strategy's table.
PROPOSALS = [
    (
        1,
        "contextualise-our-systems",
        "Review the safeguarding system so that it takes a contextual safeguarding approach: thresholds and assessment frameworks take account of peer groups, locations and premises, and staff in every agency routinely consider relationships and places outside the family.",
    ),
    (
        2,
        "contextualise-our-systems",
        "Make the referral process clear and share one referral pathway for every agency and front-line practitioner, and create a dedicated section of the partnership's website for information and resources on extra-familial harm.",
    ),
    (
        3,
        "contextualise-our-systems",
        "Develop a shared way for reporting agencies to flag and monitor National Referral Mechanism referrals, to improve understanding and oversight of what happens to victims of trafficking.",
    ),
    (
        4,
        "contextualise-our-systems",
        "Provide training in relationship-based and trauma-informed practice, and encourage every agency to give practitioners the skills and the time this work needs; monitor it through case audits and contextual safeguarding reviews.",
    ),
    (
        5,
        "protection-through-participation",
        "Carry out community mapping with young people in areas with particular concerns about child criminal exploitation, or in places identified as at risk.",
    ),
    (
        6,
        "protection-through-participation",
        "Train the workforce in the principles of approaches such as Achieving Change Together, for strengths-based, relationship-driven support to young people, their peers and families affected by criminal exploitation.",
    ),
    (
        7,
        "protection-through-participation",
        "Explore a programme with schools like Mentors in Violence Prevention, to raise awareness of exploitation in peer groups and give students positive mentoring roles.",
    ),
    (
        8,
        "protection-through-participation",
        "Expand the Safer Options community mentoring programme, recruiting more mentors to work with young people at risk of exploitation.",
    ),
    (
        9,
        "protection-through-participation",
        "Explore pop-up youth clubs and other diversionary activities aimed at particular communities, to encourage peer support and build resilience where extra support is needed.",
    ),
    (
        10,
        "transition-to-adulthood",
        "Involve adult safeguarding for every young person aged 17 or over who is likely to be at significant or serious risk of harm in the community after turning 18.",
    ),
    (
        11,
        "transition-to-adulthood",
        "Seek investment to extend specialist services beyond 18, so that long-term trusted relationships can continue.",
    ),
    (
        12,
        "disrupt-and-prosecute",
        "Coordinate more targeted operations between the police, Trading Standards and Licensing, aimed at hotels, nightclubs, pubs and other licensed premises, security staff and taxi drivers.",
    ),
    (
        13,
        "disrupt-and-prosecute",
        "Work with the courts to use electronic tags, curfews and intensive supervision as creative ways to help young people leave exploitation safely, and build a toolkit of such approaches.",
    ),
    (
        14,
        "disrupt-and-prosecute",
        "Develop a problem profile of locations and premises that maps hotspots and directs the partnership's operations.",
    ),
    (
        15,
        "safeguard-not-sanction",
        "Review the support offered to families so that it is more flexible and there when families need it most, including evenings and weekends.",
    ),
    (
        16,
        "safeguard-not-sanction",
        "With partners, find a lead professional for each young person in transition and for others who need extra support: a named professional, a community mentor or another trusted adult.",
    ),
    (
        17,
        "safeguard-not-sanction",
        "Work closely with supported housing providers so that suitably matched accommodation is available for young people who cannot stay at home.",
    ),
    (
        18,
        "safeguard-not-sanction",
        "Work with young people's hostels and supported housing providers to offer more education and diversionary activities, so fewer young people are targeted for criminal or sexual exploitation.",
    ),
    (
        19,
        "safeguard-not-sanction",
        "Map community services and assets together with young people, to improve their local communities.",
    ),
    (
        20,
        "safeguard-not-sanction",
        "Widen opportunities for social activities such as sport, arts and music, and other diversionary activities such as pop-up youth clubs.",
    ),
    (
        21,
        "responsive-services",
        "Find the best way to give young people rapid access to supportive professionals at critical moments (exclusion from education, arriving at A&E with an injury, arrest, a first court appearance), including scoping dedicated specialist workers or trained champions in education, health, police and criminal justice settings.",
    ),
    (
        22,
        "responsive-services",
        "Work with commissioners so that services for victims of sexual and of criminal exploitation, and their families, are balanced and easy to reach.",
    ),
    (
        23,
        "responsive-services",
        "Work with mental health partners so that there is enough, timely mental health support for victims of exploitation aged 16 to 25.",
    ),
]

# Where the strategy itself records work under way (March 2020).
PROGRESS = {
    8: (
        "not-started",
        "Safer Options mentoring already runs; early signs are that young people find their mentors trustworthy and empowering. Expanding it has not started.",
    ),
    10: (
        "green",
        "The Keeping Adults Safe and Keeping Children Safe groups have merged to look at transitions for young people, using local safeguarding reviews and young people's lived experience.",
    ),
    14: (
        "green",
        "The partnership is recruiting a Partnership Data Analyst to produce problem profiles and maps of hotspots.",
    ),
}

GOVERNANCE = (
    "<p>Progress is reported to the Keeping Bristol Safe Executive every six months, or sooner "
    "if delivery is delayed or blocked. The Children's Business Delivery and Performance Group "
    "has primary responsibility for delivering the strategy, with the other Business and "
    "Performance Groups, and the Contextual Safeguarding Steering Group develops and delivers "
    "this plan.</p>"
)

ACTION_PLAN = {
    "slug": "action-plan",
    "title": "Action plan",
    "intro": "<p>What the Keeping Bristol Safe Partnership has said it will do to keep young "
    "people safe outside the home, from its strategy for 2020 to 2022: 23 proposals under six "
    "themes, who leads each one and how far it has got.</p>",
    "governance": GOVERNANCE,
}
