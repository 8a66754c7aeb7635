"""Demo guidance for and from young people and parents: what they told the partnership (short quotes
with the attribution the strategy gives them) and where to turn."""

from .build import callout, contact, emergency_card, heading, paragraph, quote, related_services

YOUNG_PEOPLE_SAID = {
    "slug": "what-young-people-told-us",
    "title": "What young people told us",
    "summary": "Young people, some of whom had been harmed, told the partnership what makes them "
    "feel safe, who they trust and what would help.",
    "audiences": ["young-people", "professionals"],
    "topics": ["voices"],
    "body": [
        paragraph(
            "While the strategy was being written, the partnership listened to young people, "
            "including some who had been exploited. This is some of what they said.",
        ),
        heading("Feeling safe"),
        quote(
            "In comparison to other big cities (London, Birmingham) it feels safer. I see police "
            "and paramedics, security guards around which makes you feel safe.",
            "Male, living in Bristol emergency accommodation, 17 years",
        ),
        quote(
            "No one is ever safe, anything can happen at any time.",
            "Female, living in supported housing, 21 years",
        ),
        heading("Trust"),
        paragraph(
            "Trusted relationships matter more than anything. Young people whose social workers "
            "kept changing stopped trying to build a relationship with them. Some saw "
            "professionals as only collecting information for the police; some were afraid of "
            "what would happen to them or their family if they talked.",
        ),
        quote(
            "I feel safe and not judged. If I need to talk to someone I know that my support "
            "worker will be there to listen without judgement.",
            "Male living in supported accommodation, 18 years",
        ),
        quote(
            "I've had my social worker for years, but I wouldn't say I trust her. I trust no one.",
            "Male, 16 years",
        ),
        quote(
            "Yes, I have a trusted professional they acted on my behalf with the police and my "
            "parents, supported my parents as well as me.",
            "Female victim of CSE, 16 years",
        ),
        quote(
            "A good worker ... Listens and is non-judgemental, They explain things and understand "
            "my needs. They say what they are going to do – and fulfil promises and actions.",
            "Male Care Leaver, 18 years",
        ),
        quote(
            "I was given a map which I couldn't read due to my visual impairment and just told "
            "to \u201cwork it out\u201d.",
            "Male MAP client, 18 years",
        ),
        heading("What would help"),
        paragraph(
            "Young people asked for help before things go wrong, not only once they are in "
            "trouble with the police:",
            bullets=(
                "youth clubs, sport, music and arts",
                "community mentors and trusted adults outside the home",
                "jobs, apprenticeships and flexible ways to learn",
                "support with anger and emotions, for them and their families",
                "workers who stay, so they do not have to keep telling their story again",
            ),
        ),
    ],
}

PARENTS_SAID = {
    "slug": "what-parents-told-us",
    "title": "What parents and carers told us",
    "summary": "Parents and carers of young people harmed outside the home said what it was like, "
    "what helped and what needs to change.",
    "audiences": ["parents", "professionals"],
    "topics": ["voices", "support-for-families"],
    "body": [
        paragraph(
            "Parents and carers told the partnership that they often felt helpless: unable to "
            "control what was happening, sometimes unable even to find out where their child "
            "was. Some felt blamed and judged by professionals. ('CCE' below means child "
            "criminal exploitation.)",
        ),
        quote(
            "Why aren't parents made aware when harmful activities, groups, individuals, are in "
            "an area or surrounding area?",
            "Parent of CCE victim",
        ),
        quote(
            "No there was not enough support until the damage was already done.",
            "Parent of CCE victim",
        ),
        quote(
            "Community involvement is crucial, as often the community either has no idea what is "
            "happening or they do not know how to tackle it.",
            "Parent of CCE victim",
        ),
        heading("What helped, and what did not"),
        paragraph(
            bullets=(
                "Many found youth workers and youth offending teams more supportive than social "
                "workers or the police.",
                "Key workers who kept changing made it hard to build trust.",
                "Moving a child to another area for their safety helped only for a while, unless "
                "support went with them.",
                "Families who wanted a fresh start somewhere new found housing services hard to "
                "get help from.",
                "A support network of other parents and carers would have helped.",
            ),
        ),
        paragraph(
            "The partnership's action plan responds to this: support for families in the "
            "evenings and at weekends, a lead professional who stays, and exploring a network "
            "for parents and carers.",
        ),
    ],
}

FOR_YOUNG_PEOPLE = {
    "slug": "worried-about-yourself-or-a-friend",
    "title": "Worried about yourself or a friend?",
    "summary": "If someone is pressuring you or a friend, or you do not feel safe where you "
    "spend time, it is not your fault and you can get help.",
    "audiences": ["young-people"],
    "topics": ["getting-help"],
    "body": [
        callout(
            "emergency",
            "If you are in danger now, call 999",
            'Childline is free and private, any time: call <a href="tel:08001111">0800 1111</a>.',
        ),
        paragraph(
            "Someone might be exploiting you or a friend if they pressure you to carry or sell "
            "drugs, to carry a weapon, to go somewhere or do something sexual, or if gifts, "
            "money or favours come with something you have to do in return.",
            "It is not your fault. Nobody can agree to being abused, even if they said yes at the "
            "time or were made to do something against the law.",
        ),
        heading("Who you can talk to"),
        paragraph(
            "Young people told us that having one trusted adult outside home makes the "
            "difference. That could be a youth worker, a teacher, a mentor, a family member or "
            "another adult you trust. You can also talk to Childline.",
        ),
        heading("Online"),
        paragraph(
            "Many young people who are exploited are first contacted online or through social "
            "media. In 2019 a third of sexual abuse in Bristol happened through the internet or "
            "phones. Think twice before accepting a friend request from someone you do not know.",
        ),
        heading("Help make places safer"),
        paragraph(
            'You can <a href="/have-your-say/">show us where you feel safe or unsafe</a> in '
            "Bristol, anonymously, and see what changes because of it.",
        ),
        related_services(
            "Things to do and people to talk to", ["youth-clubs", "mentoring", "sport"], limit=4
        ),
    ],
}

FOR_PARENTS = {
    "slug": "worried-about-your-child",
    "title": "Worried about your child outside the home?",
    "summary": "Signs that a young person may be being harmed or exploited outside the home, "
    "what you can do, and support for you.",
    "audiences": ["parents"],
    "topics": ["support-for-families", "getting-help"],
    "body": [
        paragraph(
            "You are not to blame. People who exploit young people target them on purpose, and "
            "parents and carers often have little control over what happens outside the home.",
        ),
        heading("Things to look out for"),
        paragraph(
            bullets=(
                "going missing, or staying out late without saying where",
                "missing school, or being excluded",
                "new friends who are older, often aged 18 to 24",
                "coming home with gifts, money or phones they cannot explain, especially after "
                "being missing",
                "many new contacts online, often people they have never met",
                "carrying a weapon 'for protection'",
            ),
        ),
        heading("What you can do"),
        paragraph(
            bullets=(
                "Report your child missing to the police if you do not know where they are.",
                "Take part in the return home interview after they come back, and tell the "
                "professionals what you notice in the days after.",
                "Talk to your child's school about your worries, and ask them to tell you about "
                "theirs.",
                "Ask for a lead professional who will stay with your family.",
            ),
        ),
        (
            "contact",
            contact(
                "First Response (Bristol City Council children's social care)",
                "If you are worried about a child's safety.",
                phone="0117 903 6444",
                url="https://www.bristol.gov.uk/",
                hours="Mon-Fri 8.30am-5pm; out of hours 01454 615 165",
            ),
        ),
        (
            "contact",
            contact(
                "Avon and Somerset Police (non-emergency)",
                "To report a child missing or share information that is not an emergency.",
                phone="101",
                hours="Any time",
            ),
        ),
        heading("Support for you"),
        paragraph(
            "Parents told us they needed support too, including in the evenings and at weekends "
            'when problems happen. <a href="/services/?for=parents">Find support for parents and '
            "carers</a>.",
        ),
        related_services(
            "Support for parents and carers",
            ["parenting-support", "parent-carer-peer-support"],
            limit=4,
        ),
        emergency_card(),
    ],
}
