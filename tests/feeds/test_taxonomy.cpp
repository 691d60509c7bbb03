// The taxonomy: each format's codes onto our types (data/feeds/taxonomy.md), and which families fusion may
// merge.
#include "feeds/taxonomy.h"

#include <gtest/gtest.h>

using namespace vigie::feeds;

namespace {

QString type(const char *format, const char *code)
{
    return typeFromCode(QString::fromLatin1(format), QString::fromUtf8(code));
}

} // namespace

TEST(Taxonomy, EachFormatsCodesMapOntoOurTypes)
{
    EXPECT_EQ(type("cap", "Fire"), u"building_fire");
    EXPECT_EQ(type("cap", "CBRNE"), u"hazmat");
    EXPECT_EQ(type("cap", "Met"), u"weather");
    EXPECT_EQ(type("emsi", "FIR/OTH"), u"building_fire");
    EXPECT_EQ(type("emsi", "TRP/COL"), u"traffic_accident");
    EXPECT_EQ(type("emsi", "NAT/WEA"), u"weather");
    // CISU codes: C02.05 is an illness, C04 a fire (C03 is no fire, and a code we do not know types nothing).
    EXPECT_EQ(type("hubsante", "C02.05.00"), u"illness");
    EXPECT_EQ(type("hubsante", "C04.02.01"), u"building_fire");
    EXPECT_EQ(type("hubsante", "C03"), u"other");
    // A format's own rules come first: "fire" is a CAP category but, in a free label, a building fire too.
    EXPECT_EQ(type("csv", "Feu de véhicule"), u"vehicle_fire");
    EXPECT_EQ(type("csv", "feu de poubelle"), u"building_fire");
}

TEST(Taxonomy, FreeLabelsAreReadWhateverTheirCaseSpacesAndAccents)
{
    EXPECT_EQ(type("csv", "  FUMÉE signalée "), u"building_fire");
    EXPECT_EQ(type("geojson", "Arrêt cardiaque"), u"cardiac_arrest");
    EXPECT_EQ(type("geojson", "gunshot"), u"security");
    EXPECT_EQ(type("csv", "Mouvement de foule"), u"crowd_crush");
    // A format's code that matches none of its rules falls back to the free labels, then to "other".
    EXPECT_EQ(type("emsi", "accident"), u"traffic_accident");
    EXPECT_EQ(type("cap", "Other"), u"other");
    EXPECT_EQ(type("csv", ""), u"other");
    EXPECT_EQ(type("csv", "   "), u"other");
    EXPECT_EQ(type("unknown-format", "malaise"), u"illness");
}

TEST(Taxonomy, FamiliesAndWhichMayBeOneIncident)
{
    EXPECT_EQ(familyOf(QStringLiteral("vehicle_fire")), u"fire");
    EXPECT_EQ(familyOf(QStringLiteral("injury")), u"medical");
    EXPECT_EQ(familyOf(QStringLiteral("earthquake")), u"weather");
    EXPECT_EQ(familyOf(QStringLiteral("not_a_type")), u"other");
    auto compatible = [](const char *a, const char *b) {
        return compatibleTypes(QString::fromLatin1(a), QString::fromLatin1(b));
    };
    EXPECT_TRUE(compatible("building_fire", "vehicle_fire"));
    EXPECT_TRUE(compatible("vehicle_fire", "traffic_accident"));
    EXPECT_TRUE(compatible("traffic_accident", "injury"));
    EXPECT_TRUE(compatible("injury", "building_fire"));
    EXPECT_TRUE(compatible("other", "hazmat"));
    EXPECT_TRUE(compatible("security", "infrastructure")); // infrastructure is of the family "other"
    EXPECT_FALSE(compatible("weather", "building_fire"));
    EXPECT_FALSE(compatible("security", "cardiac_arrest"));
    EXPECT_FALSE(compatible("crowd_event", "hazmat"));
    EXPECT_FALSE(compatible("hazmat", "crowd_event"));
}

namespace {

Typing typed(const char *format, QStringList codes, const char *text, QStringList categories = {},
             const char *sender = "")
{
    return typeIncident({QString::fromLatin1(format), std::move(codes), QString::fromUtf8(text),
                         std::move(categories), QString::fromUtf8(sender)});
}

} // namespace

// The examples, each as its sender wrote it.
TEST(Typing, ForestFireAlertOfCategoryFireIsABrushFire)
{
    const Typing t = typed("cap", {}, "Feu de forêt Feu de forêt à Château-Gombert : évacuation des Mourets",
                           {QStringLiteral("Fire")}, "bmpm13");
    EXPECT_EQ(t.type.toStdString(), "brush_fire");
    EXPECT_EQ(t.reason.toStdString(), "words:feu foret,foret");
    // The category alone, with words we do not know, still says fire.
    EXPECT_EQ(typed("cap", {}, "Sinistre", {QStringLiteral("Fire")}).type.toStdString(), "building_fire");
    EXPECT_EQ(typed("cap", {}, "Sinistre", {QStringLiteral("Fire")}).reason.toStdString(), "category:Fire");
}

TEST(Typing, PersonFallenIntoTheWaterIsAWaterRescue)
{
    const Typing t =
        typed("cap", {}, "Personne tombée à l'eau quai de Rive-Neuve", {QStringLiteral("Rescue")});
    EXPECT_EQ(t.type.toStdString(), "water_rescue");
    EXPECT_EQ(t.reason.toStdString(), "words:tombe eau,tombe + eau");
}

TEST(Typing, HubSanteObstetricsIsAChildbirth)
{
    const Typing t = typed("hubsante", {QStringLiteral("C02.05.02")}, "Obstétrique", {}, "fr.health.samu440");
    EXPECT_EQ(t.type.toStdString(), "childbirth");
    EXPECT_EQ(t.reason.toStdString(), "code:cisu:C02.05.02");
}

TEST(Typing, HubSanteResidentialFireIsABuildingFire)
{
    const Typing t = typed("hubsante", {QStringLiteral("C04.02.01")}, "Incendie - Bâtiment d'habitation");
    EXPECT_EQ(t.type.toStdString(), "building_fire");
    EXPECT_EQ(t.reason.toStdString(), "code:cisu:C04.02");
}

TEST(Typing, ACodeNamingOnlyAFamilyLetsTheWordsChooseWithinIt)
{
    const Typing brush = typed("hubsante", {QStringLiteral("C04.99.00")}, "Feu de broussailles");
    EXPECT_EQ(brush.type.toStdString(), "brush_fire");
    EXPECT_EQ(brush.reason.toStdString(), "code:cisu:C04+words:feu broussaille,broussaille");
    // Words of another family do not override the code: a fire coded C04 stays a fire.
    EXPECT_EQ(typed("hubsante", {QStringLiteral("C04")}, "Malaise").type.toStdString(), "building_fire");
    // A CAP eventCode of NexSIS decides before the words.
    EXPECT_EQ(typed("cap", {QStringLiteral("NexSIS=C04.05.04")}, "Incendie", {QStringLiteral("Fire")}).type,
              u"brush_fire");
}

TEST(Typing, NegativeCuesAndPriors)
{
    EXPECT_EQ(typed("csv", {}, "Coups de feu entendus").type.toStdString(), "security");
    EXPECT_EQ(typed("csv", {}, "Accident matériel sans blessé").type.toStdString(), "traffic_accident");
    EXPECT_EQ(typed("cap", {}, "Risque incendie très sévère : massifs fermés", {QStringLiteral("Fire")}).type,
              u"weather");
    // The sender alone types nothing (the SAMU also sends transfers), it only breaks ties between words:
    // "foule" and "dégradations" weigh the same; from the police, the damage is what matters.
    EXPECT_EQ(typed("hubsante", {}, "Transfert interhospitalier", {}, "fr.health.samu130").type.toStdString(),
              "other");
    EXPECT_EQ(typed("csv", {}, "Foule, dégradations", {}, "").type.toStdString(), "crowd_event");
    EXPECT_EQ(typed("csv", {}, "Foule, dégradations", {}, "Police nationale").type.toStdString(), "security");
    EXPECT_EQ(typed("csv", {}, "", {}, "").reason.toStdString(), "none");
}
