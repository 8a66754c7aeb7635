"""Demo guidance on understanding extra-familial harm, written from the facts of the KBSP strategy
"Safeguarding Children and Young People in our Communities 2020-2022"."""

from .build import accordion, callout, emergency_card, heading, paragraph

WHAT_IS_EFH = {
    "slug": "what-is-extra-familial-harm",
    "title": "What is extra-familial harm?",
    "summary": "Serious harm that happens to children and young people outside their family home: "
    "what it is, the kinds of harm it covers and who may be at risk.",
    "audiences": ["young-people", "parents", "professionals"],
    "topics": ["understanding-efh", "types-of-harm"],
    "body": [
        paragraph(
            "Extra-familial harm (EFH) is harm that children and young people experience from "
            "people other than their parents or carers, outside the family home. It is serious: "
            "it can affect a young person's development, wellbeing and safety for a long time.",
            "It can happen anywhere young people spend time: on buses and trains, in parks, in and "
            "around schools, on the street and online. The partnership's strategy gives examples "
            "from robbery on public transport and sexual violence in parks and schools to violence "
            "linked to gangs on the street, and bullying and harassment online.",
        ),
        heading("Types of harm"),
        paragraph(
            "The strategy brings these kinds of harm together, because they often overlap:",
            bullets=(
                "abuse between young people, including in their relationships",
                "criminal and sexual exploitation, and abuse online",
                "going missing from home or care",
                "risks linked to gangs",
                "county lines drug networks",
                "radicalisation",
                "harm in public spaces",
                "trafficking and modern slavery",
            ),
        ),
        heading("Who may be at risk"),
        paragraph(
            "Some young people are targeted because they spend a lot of time away from home, or "
            "because something in their life makes them more vulnerable: living in poverty, abuse "
            "or neglect at home, behavioural difficulties, being excluded from school, special "
            "educational needs or a disability, being in care, using drugs, or mental health "
            "problems.",
            "Others share none of these things and are not known to any service, and are still "
            "targeted. Any young person can be affected.",
        ),
        callout(
            "warning",
            "No child can consent to their own abuse",
            "This is as true in a park, a car or a flat as it is at home. A young person who is "
            "being exploited may also be breaking the law; they are still a child who needs "
            "protecting.",
        ),
        heading("What parents and carers can and cannot control"),
        paragraph(
            "Parents and carers often have little control over harm that happens outside the "
            "home. Difficulties within a family can make a young person easier for someone to "
            "target, or push them towards places where harm is more likely, but the person who "
            "exploits a child is responsible for that harm.",
        ),
        emergency_card(),
    ],
}

CONTEXTUAL_SAFEGUARDING = {
    "slug": "contextual-safeguarding",
    "title": "What is contextual safeguarding?",
    "summary": "An approach that looks at the places, peer groups and online spaces where harm "
    "happens, not only at the young person and their family.",
    "audiences": ["parents", "professionals"],
    "topics": ["contextual-safeguarding", "understanding-efh"],
    "body": [
        paragraph(
            "As children grow into teenagers they spend more and more of their time outside the "
            "home. Their schools, neighbourhoods and online spaces, and the friendships they form "
            "there, shape whether they meet protection or harm. A supportive group of friends "
            "encourages positive relationships; a harmful one can draw a young person into "
            "violent or coercive behaviour.",
            "Safeguarding has traditionally looked for risk inside the family home. Contextual "
            "safeguarding widens the view to the places and peer groups where harm happens.",
        ),
        heading("Where the idea comes from"),
        paragraph(
            "Dr Carlene Firmin, of the University of Bedfordshire, first proposed contextual "
            "safeguarding in 2015. It is an approach rather than a model. It sets out to:",
            bullets=(
                "change the contexts where abuse happens, not only support the young person",
                "treat harm outside the home as a matter of child welfare, not only of crime "
                "reduction or community safety",
                "work with the people who reach those contexts: schools, transport providers, fast "
                "food outlets, youth workers, parks and leisure services",
                "measure success by whether the context becomes safer, not only by changes in one "
                "young person's behaviour",
            ),
        ),
        heading("Places that matter"),
        paragraph(
            "The police have described the kinds of place where young people come into contact "
            "with people who exploit them:",
            bullets=(
                "open spaces with little adult supervision, often where there is already drug "
                "dealing, theft or robbery",
                "chain fast food outlets, with free wifi, cheap food and a constantly changing "
                "crowd",
                "hotels and serviced apartments booked for 'parties' where drugs and alcohol are "
                "offered",
                "buildings shared by several youth organisations, where no single organisation "
                "sees the whole risk",
            ),
        ),
        paragraph(
            "In the strategy's example, under-16s were approached by slightly older people "
            "(aged 18 to 24), offered drugs and alcohol and taken to a second place.",
        ),
        heading("What it means in Bristol"),
        paragraph(
            "The partnership is changing its systems so that peer groups, locations and premises "
            "are part of how risk is assessed, and so that staff in every agency think about "
            "relationships and places outside the family. Professionals said the local process "
            "for referring a peer group or a place was confusing: the referral pathway in this "
            "section is a first step towards one clear route.",
        ),
    ],
}

PRINCIPLES = {
    "slug": "guiding-principles",
    "title": "The principles partners work to",
    "summary": "Six principles the agencies of the Keeping Bristol Safe Partnership have agreed "
    "to follow when they work together on harm outside the home.",
    "audiences": ["professionals"],
    "topics": ["working-together", "contextual-safeguarding"],
    "body": [
        paragraph(
            "The partnership builds on agencies' existing joint working. Its members have agreed "
            "to work to these principles.",
        ),
        accordion(
            "The six principles",
            [
                (
                    "Child-focused practice",
                    "Bristol wants to be a child-friendly city. A child's experience stays at the "
                    "centre of every intervention and review; responses build on strengths, and "
                    "under-18s are treated as children, including when their behaviour puts "
                    "themselves or others at risk.",
                ),
                (
                    "The voice of the child",
                    "Hear and respond to what children say and want. They should be central to "
                    "designing and carrying out the plans that keep them safe.",
                ),
                (
                    "Participation of parents, families, carers and communities",
                    "Families and communities should be central to plans and responses too: they "
                    "have strengths and skills that can make changes last.",
                ),
                (
                    "Effective support early",
                    "The right help at the right time, as early as possible in the life of a "
                    "problem, and of a kind and length that keeps a young person safe in future.",
                ),
                (
                    "Think family",
                    "Children live among adults who can offer safety or add risk. Address the "
                    "root causes of vulnerability within the family network, disrupt and, where "
                    "appropriate, prosecute adults who exploit children, and work with adult "
                    "safeguarding for adults at risk.",
                ),
                (
                    "A culture of challenge and escalation",
                    "Partners challenge each other constructively to get the best outcomes, and "
                    "senior leaders respond openly to escalation and disagreement.",
                ),
            ],
        ),
    ],
}

CRITICAL_MOMENTS = {
    "slug": "critical-moments",
    "title": "Critical moments: when help makes the most difference",
    "summary": "Moments when a young person may be most ready to accept help and leave the "
    "people exploiting them, and how agencies should respond.",
    "audiences": ["parents", "professionals"],
    "topics": ["getting-help"],
    "body": [
        paragraph(
            "There are times when a young person may be more open to support and to getting away "
            "from the people who exploit them. The strategy calls these critical moments:",
            bullets=(
                "arriving at an accident and emergency department with a violent injury, such as "
                "a knife wound",
                "being suspended or excluded from school",
                "being arrested",
                "going to court for the first time",
                "being reported missing",
            ),
        ),
        paragraph(
            "Agencies need to be able to respond straight away at these moments, including "
            "health services, schools and the police. Reviews of local cases found that help was "
            "missed when some agencies were not involved in safety planning or did not share "
            "information in time.",
        ),
        heading("After a young person has been missing"),
        paragraph(
            "When a young person comes back after going missing, the local authority offers a "
            "return home interview within 72 hours. It is a chance to understand why they went, "
            "what happened while they were away and what might make them go again.",
            "Parents and carers often notice more in the days that follow: a young person coming "
            "back with new gifts or money, or changes in their behaviour. Tell the professionals "
            "involved; it helps them understand the risk.",
        ),
        heading("Exclusion from school"),
        paragraph(
            "National and local reviews found that being excluded from school can raise a young "
            "person's risk of criminal exploitation. Parents and professionals told the "
            "partnership that support needs to step up at this point, and that an alternative "
            "place of education should be found quickly.",
        ),
        emergency_card(),
    ],
}

TRANSITION = {
    "slug": "transition-to-adulthood",
    "title": "Turning 18: support into adulthood",
    "summary": "Exploitation does not stop at 18. What young people aged 16 to 25 can expect, "
    "and what professionals should plan for before a young person's 18th birthday.",
    "audiences": ["young-people", "professionals"],
    "topics": ["transition"],
    "body": [
        paragraph(
            "Abuse and exploitation do not end on a young person's 18th birthday. For some, they "
            "begin when they leave care and start living on their own.",
            "Many young people describe a 'cliff edge': support from children's services ends, "
            "adult services have different rules about who they help, and a young person can be "
            "left with nobody.",
        ),
        heading("What should happen"),
        paragraph(
            "The partnership wants every young person in transition who needs it to have:",
            bullets=(
                "a lead practitioner: a professional, a community mentor or another trusted "
                "adult, who stays with them",
                "a support plan made with them, that changes when their needs change",
                "adult safeguarding involved from the age of 17 when they are likely to be at "
                "serious risk of harm after 18",
                "services that are open to 16 to 25 year olds, designed with young people's help",
            ),
        ),
        paragraph(
            "Adult safeguarding brings ideas that suit older teenagers: Making Safeguarding "
            "Personal puts a person's own wishes at the centre, and the Care Act 2014's focus on "
            "wellbeing allows a wider view than welfare alone.",
        ),
        callout(
            "info",
            "If you are 16 or over",
            "Ask your worker who will support you after you turn 18, and what your plan says "
            "will happen. You have a right to be part of making that plan.",
        ),
        heading("Criminal records"),
        paragraph(
            "A young person who gets a criminal record while being criminally exploited can find "
            "it blocks jobs and training later. The partnership supports calls for a review of "
            "how criminal records work for people up to the age of 25.",
        ),
    ],
}
