"""The services Appendix 1 of the strategy lists, as a guidance page: described in words while the
services directory does not hold them, and listed from the directory by need once it does. Its
review date is already past, so the staff dashboard has something to show."""

from datetime import timedelta

from .build import callout, paragraph, related_services, services

# (heading, the directory's need slugs for the group, [(name, run by, what it offers)])
GROUPS = [
    (
        "Exploitation, going missing and harmful behaviour",
        ["sexual-exploitation", "missing-from-home", "peer-on-peer-abuse", "criminal-exploitation"],
        [
            (
                "Reduction in Missing",
                "Barnardo's Safe Choices",
                "Early one-to-one work with young people who have started running away from home.",
            ),
            (
                "Harmful sexual behaviour: one-to-one and group work",
                "CAMHS Harmful Sexual Behaviour Service (Be Safe)",
                "Work with young people with harmful sexual behaviour, and Stay S@fe Net to reduce "
                "harmful sexual behaviour online.",
            ),
            (
                "Restorative justice",
                "Youth Offending Team and the Be Safe service",
                "Restorative approaches with children who have committed offences.",
            ),
            (
                "Mentoring for children at risk of criminality",
                "Coordinated by the police, delivered by credible community members",
                "Community mentoring, a growing and developing offer.",
            ),
            (
                "Trauma-informed practice and the 5P model",
                "Youth Offending Team",
                "Used with children known to the Youth Offending Team because of offending.",
            ),
        ],
    ),
    (
        "Families and parenting",
        ["parenting-support", "parent-carer-peer-support"],
        [
            (
                "Non-Violent Resistance",
                "Families in Focus and Edge of Care teams (Children and Families Services); CAMHS "
                "Young People Substance Misuse Treatment Service",
                "Group and one-to-one support for parents and carers.",
            ),
            (
                "Parenting programmes",
                "Children and Families Services parenting teams",
                "Evidence-based programmes, including Parents Plus and an adolescents programme.",
            ),
            (
                "Personalised budgets",
                "Through Care and Families in Focus teams",
                "Money for creative ways of reducing risk for adolescents.",
            ),
        ],
    ),
    (
        "Youth work and taking part",
        ["youth-clubs", "mentoring", "music-and-arts"],
        [
            (
                "Youth clubs, safe places and peer networks",
                "Creative Youth Network",
                "Open-access youth clubs, creative courses, job and careers advice, outreach in "
                "schools and communities, and one-to-one and group work for young people at risk.",
            ),
            (
                "Participation and children's rights",
                "Barnardo's BASE, Bristol City Council youth groups, Children in Care Council",
                "Ways for young people affected by harm outside the home to have their say.",
            ),
        ],
    ),
    (
        "Health, recovery and substance use",
        ["mental-health", "trauma-recovery", "substance-misuse", "domestic-abuse"],
        [
            (
                "CAMHS specialist assessments and programmes",
                "Child and Adolescent Mental Health Services (CAMHS)",
                "Including family therapy, support for children with learning disabilities, and "
                "consultation and advice for parents, carers and professionals.",
            ),
            (
                "Recovery after trauma",
                "CAMHS, Off the Record, Trauma Recovery Centre, SARSAS, The Bridge (sexual assault "
                "referral centre)",
                "Support to recover from trauma, including sexual violence.",
            ),
            (
                "Independent sexual and domestic violence advisers for under-18s",
                "Safe Link and Next Link",
                "ISVAs and IDVAs who support young people through what happens next.",
            ),
            (
                "Alcohol and drug support",
                "Drug and Young People Project (Children and Families Services); CAMHS Specialist "
                "Substance Misuse Treatment Service",
                "Support for young people, and for their parents.",
            ),
        ],
    ),
]

BASE = paragraph(
    "Barnardo's BASE project has worked with young people at risk of child sexual exploitation "
    "in Bristol for over 20 years. Its trauma-informed attachment and advocacy model (the 4As) "
    "includes advice for professionals and direct work with parents, a specialist sexual health "
    "service, and a specialist mental health nurse who offers assessments and trauma-informed "
    "support.",
)


def body(directory_holds_them: bool) -> list[tuple]:
    if directory_holds_them:
        intro = callout(
            "info",
            "From the services directory",
            "These services were listed in the partnership's strategy in 2020. Each entry below "
            'comes from the <a href="/services/">services directory</a>, where staff keep the '
            "details current.",
        )
        groups = [related_services(heading, needs, limit=12) for heading, needs, _ in GROUPS]
    else:
        intro = callout(
            "warning",
            "Check before you refer",
            "These services were in place when the strategy was written in 2020. They are "
            'moving into the <a href="/services/">services directory</a>; until then, contact a '
            "service to check what it offers now.",
        )
        groups = [services(heading, items) for heading, _, items in GROUPS]
    return [intro, BASE, *groups]


EXISTING_SERVICES = {
    "slug": "existing-services",
    "title": "Services that can help now",
    "summary": "Services in Bristol that already support young people harmed outside the home, "
    "and their families, as listed in the partnership's strategy.",
    "audiences": ["young-people", "parents", "professionals"],
    "topics": ["getting-help", "support-for-families"],
    "reviewed_days_ago": 400,
    "review_overdue_by": timedelta(days=35),
    "body": body,  # chosen when seeding: see body()
}
