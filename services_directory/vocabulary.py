"""Our vocabularies, seeded by migration: needs, audiences and kinds of community place.

Ids are UUIDs derived from the slugs (uuid5), so every installation publishes the same term ids in
its Open Referral feed. Each term: (slug, name, description, synonyms)."""

import uuid

NAMESPACE = uuid.UUID("6f1d8c52-4b0e-4d7a-9a57-2c3e8f0b5e11")

TAXONOMIES = {
    "needs": (
        "Needs",
        "What a young person, a parent or a professional needs help with. Safer Places Bristol's "
        "own vocabulary, drawn from the Keeping Bristol Safe extra-familial harm strategy.",
        [
            (
                "sexual-exploitation",
                "Sexual exploitation",
                "Child sexual exploitation (CSE), grooming and sexual abuse outside the family.",
                "CSE, child sexual exploitation, grooming, sexual abuse, sexual exploitation",
            ),
            (
                "criminal-exploitation",
                "Criminal exploitation and county lines",
                "Child criminal exploitation (CCE): being used to carry or sell drugs, county lines, "
                "cuckooing and debt bondage.",
                "CCE, county lines, child criminal exploitation, drug running, drug dealing, "
                "cuckooing, trapping, debt bondage",
            ),
            (
                "missing-from-home",
                "Missing from home",
                "Young people who run away or go missing from home or care.",
                "missing, running away, runaway, went missing, missing from care",
            ),
            (
                "gangs-serious-violence",
                "Gangs and serious violence",
                "Gangs, knife crime, weapons and serious youth violence.",
                "gangs, gang, knife crime, knives, knife, weapons, serious youth violence, violence",
            ),
            (
                "peer-on-peer-abuse",
                "Peer-on-peer abuse",
                "Abuse between children and young people, including harmful sexual behaviour.",
                "peer abuse, child on child abuse, harmful sexual behaviour, HSB, bullying",
            ),
            (
                "online-harm",
                "Online harm",
                "Harm online: grooming, sextortion, sharing nudes, bullying and pressure.",
                "online safety, online grooming, sextortion, nudes, cyberbullying, social media, "
                "internet safety",
            ),
            (
                "radicalisation",
                "Radicalisation",
                "Being drawn into extremism or terrorism.",
                "radicalization, extremism, Prevent, extremist",
            ),
            (
                "trafficking-modern-slavery",
                "Trafficking and modern slavery",
                "Trafficking and modern slavery, including referral through the National Referral "
                "Mechanism (NRM).",
                "NRM, National Referral Mechanism, trafficking, trafficked, modern slavery, slavery",
            ),
            (
                "mental-health",
                "Mental health",
                "Emotional wellbeing and mental health, including CAMHS.",
                "CAMHS, anxiety, depression, self harm, wellbeing, counselling, emotional health",
            ),
            (
                "substance-misuse",
                "Substance misuse",
                "Drugs and alcohol.",
                "drugs, alcohol, cannabis, substance use, drinking",
            ),
            (
                "sexual-health",
                "Sexual health",
                "Sexual health, contraception and testing.",
                "contraception, STI, sexual health clinic, testing",
            ),
            (
                "trauma-recovery",
                "Trauma recovery",
                "Support to recover after trauma, sexual assault or rape.",
                "trauma, post trauma, sexual assault, rape, SARC, ISVA, therapy",
            ),
            (
                "domestic-abuse",
                "Domestic abuse",
                "Domestic abuse and violence, including in young people's relationships.",
                "domestic violence, IDVA, DV, relationship abuse, refuge",
            ),
            (
                "housing",
                "Housing",
                "Somewhere safe to live: homelessness and supported housing.",
                "homeless, homelessness, accommodation, supported housing, hostel",
            ),
            (
                "education-exclusion",
                "Education and exclusion",
                "School, exclusion and alternative provision.",
                "exclusion, excluded, school, alternative provision, suspended",
            ),
            (
                "parenting-support",
                "Parenting support",
                "Help for parents and carers: parenting programmes and family support.",
                "parenting, parenting programme, family support, NVR, non violent resistance",
            ),
            (
                "parent-carer-peer-support",
                "Parent and carer peer support",
                "Parents and carers supporting each other: groups and networks.",
                "parent support group, peer support, parents group, carers group",
            ),
            (
                "youth-clubs",
                "Youth clubs and activities",
                "Youth clubs, youth centres and things to do.",
                "youth club, youth centre, youth center, things to do, activities, youth work",
            ),
            (
                "sport",
                "Sport",
                "Sport and physical activity.",
                "sports, football, boxing, basketball, gym, fitness, skate",
            ),
            (
                "music-and-arts",
                "Music and arts",
                "Music, arts, drama, dance and creative courses.",
                "music, art, arts, drama, dance, creative, theatre, film",
            ),
            (
                "mentoring",
                "Mentoring",
                "A trusted adult or mentor to talk to.",
                "mentor, mentors, role model, trusted adult",
            ),
            (
                "employment-training",
                "Employment and training",
                "Jobs, careers advice, apprenticeships and training.",
                "jobs, job, careers, apprenticeship, training, NEET, work",
            ),
        ],
    ),
    "audiences": (
        "Audiences",
        "Who a service is for.",
        [
            (
                "young-people",
                "Young people",
                "Children and young people up to 25.",
                "young person, children, child, teenager, teen, youth, kids",
            ),
            (
                "parents",
                "Parents and carers",
                "Parents, carers and families.",
                "parent, carer, carers, mum, dad, family, families, guardian",
            ),
            (
                "professionals",
                "Professionals",
                "Practitioners: social workers, teachers, youth workers, police, health staff.",
                "practitioner, practitioners, social worker, teacher, professional",
            ),
        ],
    ),
    "place-types": (
        "Community places",
        "Kinds of community asset: places young people can go.",
        [
            (
                "youth-club",
                "Youth club or centre",
                "A youth club or youth centre.",
                "youth centre, youth center",
            ),
            (
                "park",
                "Park or open space",
                "A park, play area or open space.",
                "park, playground, green space",
            ),
            (
                "sports-venue",
                "Sports venue",
                "A sports centre, pitch, court or skate park.",
                "sports centre, leisure centre, pitch, court, skatepark, skate park",
            ),
            (
                "arts-venue",
                "Arts venue",
                "An arts centre, studio, library or music venue.",
                "arts centre, studio, library, music venue",
            ),
            (
                "safe-space",
                "Safe space",
                "A place with trusted adults where a young person can go if they feel unsafe.",
                "safe place, safe haven",
            ),
        ],
    ),
}


def taxonomy_id(slug: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"taxonomy/{slug}")


def term_id(taxonomy_slug: str, term_slug: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term/{taxonomy_slug}/{term_slug}")


def seed_vocabularies(Taxonomy, TaxonomyTerm) -> None:
    """Creates what is missing; leaves what staff have edited alone. Takes the (historical) models."""
    for tax_slug, (name, description, terms) in TAXONOMIES.items():
        taxonomy, _ = Taxonomy.objects.get_or_create(
            slug=tax_slug,
            defaults={"id": taxonomy_id(tax_slug), "name": name, "description": description},
        )
        for order, (slug, term_name, term_description, synonyms) in enumerate(terms):
            TaxonomyTerm.objects.get_or_create(
                taxonomy=taxonomy,
                slug=slug,
                defaults={
                    "id": term_id(tax_slug, slug),
                    "name": term_name,
                    "description": term_description,
                    "synonyms": synonyms,
                    "code": slug,
                    "order": order,
                },
            )
