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
    EXPECT_EQ(type("hubsante", "C02.05.00"), u"cardiac_arrest");
    EXPECT_EQ(type("hubsante", "C03"), u"building_fire");
    // A format's own rules come first: "fire" is a CAP category but, in a free label, a building fire too.
    EXPECT_EQ(type("csv", "Feu de véhicule"), u"vehicle_fire");
    EXPECT_EQ(type("csv", "feu de poubelle"), u"building_fire");
}

TEST(Taxonomy, FreeLabelsAreReadWhateverTheirCaseSpacesAndAccents)
{
    EXPECT_EQ(type("csv", "  FUMÉE signalée "), u"building_fire");
    EXPECT_EQ(type("geojson", "Arrêt cardiaque"), u"cardiac_arrest");
    EXPECT_EQ(type("geojson", "gunshot"), u"security");
    EXPECT_EQ(type("csv", "Mouvement de foule"), u"crowd_event");
    // A format's code that matches none of its rules falls back to the free labels, then to "other".
    EXPECT_EQ(type("emsi", "accident"), u"traffic_accident");
    EXPECT_EQ(type("cap", "Other"), u"other");
    EXPECT_EQ(type("csv", ""), u"other");
    EXPECT_EQ(type("csv", "   "), u"other");
    EXPECT_EQ(type("unknown-format", "malaise"), u"cardiac_arrest");
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
