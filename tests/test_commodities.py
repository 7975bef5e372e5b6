"""Commodities from the gazetteer, and the uses of their words that name no goods."""

from wirefacts.extract.commodities import find_commodities


def names(text: str) -> list[str]:
    return [c.commodity for c in find_commodities(text)]


def test_oil_as_a_modifier_of_companies_and_jobs_is_not_a_commodity():
    assert names("Oil companies and an oil executive met the oil minister on Tuesday.") == []


def test_the_material_of_an_object_is_not_a_commodity():
    assert names("The ship's steel hull was damaged; the athlete won a gold medal.") == []


def test_lead_as_a_fuel_additive_is_not_the_metal():
    assert (
        "lead"
        not in names("The agency will phase out lead in petrol by 1990 while lead prices rose on the LME.")[
            :1
        ]
    )


def test_bare_magnets_need_trade_words_near_them():
    assert names("The city has become a magnet for young graduates.") == []
    assert (
        names("China resumed exports of rare earth magnets; magnets shipments rose.").count(
            "rare earth magnets"
        )
        == 2
    )


def test_a_paper_of_a_government_is_not_paper_the_goods():
    assert names("The government's white paper said growth would slow.") == []
    assert names("Newsprint and paper exports rose to 1.2 mln tonnes.") == ["paper", "paper"]


def test_sea_foods_keep_their_own_names():
    assert names("Thailand's shrimp and tuna exports rose.") == ["shrimp", "tuna"]


def test_gas_is_natural_gas_unless_a_weapon_or_a_pollutant():
    assert names("The company sells oil and gas in Alberta.") == ["crude oil", "natural gas"]
    assert names("Police fired tear gas; greenhouse gas emissions rose.") == []


def test_goods_of_an_export_list():
    text = "Russia's main exports to Iran are machinery and equipment, food products, metals, timber and chemicals."
    assert {"food products", "metals", "machinery", "chemicals"} <= set(names(text))


def test_traded_military_hardware_but_not_a_front_line_pullback():
    assert names(
        '"The export deliveries of military hardware as part of military cooperation yielded $15 bln."'
    ) == ["military hardware"]
    assert names("The pullback of military hardware in Donbass on February 5 failed.") == []


def test_heavy_metal_music_is_no_metal():
    assert names('The "monumental" production costs of her tour. Heavy metal band Metallica played.') == []


def test_lead_as_a_verb_is_not_the_metal():
    assert names("Higher international palm oil prices should lead to a modest increase in exports.") == [
        "palm oil"
    ]


def test_commodities_with_synonyms_and_guards():
    text = (
        "Exports of maize and fertilizer rose, while aluminum and rare-earth magnets fell. "
        "Murphy Oil said it would lead the project. LME lead stocks fell 2,000 tonnes."
    )
    found = {(c.commodity, c.mention) for c in find_commodities(text)}
    assert ("corn", "maize") in found
    assert ("fertilisers", "fertilizer") in found
    assert ("aluminium", "aluminum") in found
    assert ("rare earth magnets", "rare-earth magnets") in found
    assert ("lead", "lead") in found  # the metal, next to "LME" and "stocks"
    assert not any(m == "Oil" for _, m in found)
    assert sum(1 for _, m in found if m == "lead") == 1  # not the verb


def test_figures_of_speech_name_no_goods():
    assert names("Months of negotiations between the two sides have not borne fruit, however.") == []
    assert names('"It is not something we have done with a meat axe," the minister said.') == []
    assert names("Exports of fruit and meat to Russia rose last year.") == ["fruit", "meat"]


def test_names_bodies_vehicles_and_objects_are_not_goods():
    text = (
        'He read "Catcher in the Rye" twice. A caller from Orange County phoned. Fish said the plan '
        "failed. The aircraft carrier returned home. Two rubber dinghies sank. It lowers blood sugar "
        "levels. Officers stayed in their squad cars. Brazil's sugar exports rose."
    )
    assert [(c.commodity, c.mention) for c in find_commodities(text)] == [("sugar", "sugar")]
