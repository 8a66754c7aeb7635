"""The example referral pathway. The strategy asks the partnership to clarify the referral process;
these steps are an example for it to confirm, and the page says so."""

from .build import contact, html_paragraphs, link_to_page, link_to_url

FIRST_RESPONSE = contact(
    "First Response (Bristol City Council children's social care)",
    "For a new concern about a child's safety.",
    phone="0117 903 6444",
    url="https://www.bristol.gov.uk/",
    hours="Mon-Fri 8.30am-5pm; out of hours 01454 615 165",
)
POLICE_999 = contact("Police, ambulance or fire", "In an emergency.", phone="999", hours="Any time")
POLICE_101 = contact(
    "Avon and Somerset Police (non-emergency)",
    "To pass on information that is not an emergency.",
    phone="101",
    url="https://www.avonandsomerset.police.uk/",
    hours="Any time",
)
KBSP = contact(
    "Keeping Bristol Safe Partnership",
    "Policies, procedures and how to raise a concern about a peer group or a place.",
    url="https://bristolsafeguarding.org/",
)


def step(title, summary, logic="", contacts=(), thresholds="", next_="", links=()) -> dict:
    return {
        "title": title,
        "logic": logic,
        "summary": summary,
        "who_to_contact": list(contacts),
        "thresholds": html_paragraphs(thresholds) if thresholds else "",
        "what_happens_next": html_paragraphs(next_) if next_ else "",
        "links": list(links),
    }


REFERRAL_PATHWAY = {
    "slug": "referral-pathway",
    "title": "Worried about a young person, a peer group or a place: how to refer",
    "summary": "For practitioners in any agency who are worried that a child or young person is "
    "being harmed outside their family, or that a group of young people or a place is unsafe.",
    "is_example": True,
    "steps": [
        step(
            "Check whether anyone is in immediate danger",
            "If a child or young person is in danger now, call 999 before you do anything else.",
            contacts=[POLICE_999],
            thresholds="For example: a weapon, a threat of violence, or a young person missing "
            "who you believe is at high risk of harm.",
            next_="The emergency services respond first. Then carry on with the next steps the "
            "same day.",
            links=[link_to_page("what-is-extra-familial-harm")],
        ),
        step(
            "Talk to your safeguarding lead",
            "Tell your agency's designated safeguarding lead the same day. Write down what you "
            "saw or heard, using the words that were used.",
            thresholds="Any worry about harm outside the home: exploitation, abuse between young "
            "people, going missing, a young person carrying a weapon, or a place or group that "
            "seems unsafe.",
            next_="You decide together whether to refer. If you cannot reach your lead and you "
            "are worried about a child, refer them yourself.",
            links=[
                link_to_page("contextual-safeguarding"),
                link_to_page("guiding-principles"),
                link_to_url(
                    "https://www.proceduresonline.com/swcpp/",
                    "South West Child Protection Procedures",
                ),
            ],
        ),
        step(
            "Refer the young person to children's social care",
            "Make a referral to First Response when you think a child is suffering, or is "
            "likely to suffer, significant harm, including harm outside the home.",
            contacts=[FIRST_RESPONSE],
            thresholds="Significant harm, or the risk of it, from anyone outside the family. "
            "No child can consent to their own abuse, so a young person's agreement to what is "
            "happening does not lower the risk.",
            next_="First Response decides what help is needed and tells you. Agencies involved "
            "are asked to take part in strategy and risk management meetings.",
            links=[link_to_page("critical-moments")],
        ),
        step(
            "Contact their social worker",
            "If the young person already has a social worker, tell them and their team about "
            "your concern instead of making a new referral.",
            logic="or",
            next_="The social worker decides with you what to do next, and whether a strategy "
            "or risk management meeting is needed.",
        ),
        step(
            "Share what you know with the police",
            "Information about places, vehicles, names, nicknames and social media accounts "
            "helps the police disrupt people who exploit children.",
            logic="and",
            contacts=[POLICE_101],
            next_="The police add what you share to what they already know. It will not always "
            "lead to action you can see, but it builds the picture.",
        ),
        step(
            "Refer possible trafficking to the National Referral Mechanism",
            "Many agencies have a duty to refer child victims of trafficking and modern slavery, "
            "including when a young person has been moved around the country to sell drugs.",
            logic="and",
            next_="The young person's case is considered under the National Referral Mechanism. "
            "Tell the other agencies involved that you have referred.",
            links=[
                link_to_url(
                    "https://www.gov.uk/government/publications/modern-slavery-how-to-identify-and-support-victims",
                    "Modern slavery: how to identify and support victims (GOV.UK)",
                )
            ],
        ),
        step(
            "Raise a concern about a peer group or a place",
            "When the worry is about a group of young people, or a place where harm happens, "
            "share it so partners can make the place safer as well as help each young person.",
            contacts=[KBSP],
            thresholds="Several young people linked to the same place or group; a place where "
            "young people meet older people who offer drugs or alcohol; hotels, serviced "
            "apartments or food outlets used to groom or exploit young people.",
            next_="Partners such as the police, licensing, trading standards and youth services "
            "look at the place together. Young people may be asked, through community mapping, "
            "where they feel safe or unsafe.",
            links=[link_to_page("contextual-safeguarding")],
        ),
        step(
            "Plan support with the young person and their family",
            "Work with the young person and their family, not around them, and agree who the "
            "lead professional is.",
            thresholds="Every referral that is accepted, and every young person at risk who is "
            "not yet open to social care.",
            next_="Risk management meetings bring in every agency involved, health and education "
            "included. After a missing episode a return home interview follows within 72 hours. "
            "From 17, involve adult safeguarding if the risk will continue after 18.",
            links=[
                link_to_page("transition-to-adulthood"),
                link_to_page("what-parents-told-us"),
                link_to_page("existing-services"),
            ],
        ),
    ],
}
