#include "privacy/anonymiser.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace vigie;

namespace {
const Anonymiser anon(QByteArray(32, 's'));
}

TEST(Anonymiser, ReplacesPhoneNumbersInCommonNotations)
{
    for (const char *number :
         {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "06-12-34-56-78", "+33 6 12 34 56 78",
          "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78"}) {
        const QString out = anon.scrubText(QStringLiteral("appel du %1 à 21h").arg(QLatin1String(number)));
        EXPECT_FALSE(out.contains(QStringLiteral("34"))) << number << " -> " << out.toStdString();
        EXPECT_TRUE(out.startsWith(QStringLiteral("appel du [tel:"))) << out.toStdString();
        EXPECT_TRUE(out.endsWith(QStringLiteral(" à 21h"))) << out.toStdString();
    }
}

TEST(Anonymiser, SameValueSameTokenAcrossNotations)
{
    EXPECT_EQ(anon.scrubText(QStringLiteral("06 12 34 56 78")),
              anon.scrubText(QStringLiteral("+33 6 12 34 56 78")));
    EXPECT_NE(anon.scrubText(QStringLiteral("06 12 34 56 78")),
              anon.scrubText(QStringLiteral("06 12 34 56 79")));
    const Anonymiser other(QByteArray(32, 't'));
    EXPECT_NE(anon.scrubText(QStringLiteral("06 12 34 56 78")),
              other.scrubText(QStringLiteral("06 12 34 56 78")));
}

TEST(Anonymiser, ReplacesEmailsPlatesAndIbans)
{
    const QString out = anon.scrubText(QStringLiteral(
        "contact marie.curie@example.org, véhicule AB-123-CD puis 1234 XY 13, RIB FR76 3000 6000 0112 "
        "3456 7890 189"));
    EXPECT_FALSE(out.contains(QStringLiteral("marie"))) << out.toStdString();
    EXPECT_FALSE(out.contains(QStringLiteral("AB-123-CD")));
    EXPECT_FALSE(out.contains(QStringLiteral("1234 XY 13")));
    EXPECT_FALSE(out.contains(QStringLiteral("FR76")));
    EXPECT_TRUE(out.contains(QStringLiteral("[email:")));
    EXPECT_TRUE(out.contains(QStringLiteral("[plaque:")));
    EXPECT_TRUE(out.contains(QStringLiteral("[iban:")));
}

TEST(Anonymiser, LeavesOperationalTextAlone)
{
    const QString text =
        QStringLiteral("2 FPT et 1 EPA engagés à 21:05, INC-0001, secteur 3, 43.2987/5.3795");
    EXPECT_EQ(anon.scrubText(text), text);
}

TEST(Anonymiser, ScrubsJsonRecursivelyAndPersonalFieldsWhole)
{
    const QJsonObject in{
        {QStringLiteral("nom"), QStringLiteral("Dupont")},
        {QStringLiteral("patient"), QJsonObject{{QStringLiteral("firstName"), QStringLiteral("Jean")}}},
        {QStringLiteral("notes"), QJsonArray{QStringLiteral("rappeler le 0491000000")}},
        {QStringLiteral("severity"), 3}};
    const QJsonObject out = anon.scrubJson(in);
    EXPECT_TRUE(out.value(QStringLiteral("nom")).toString().startsWith(QStringLiteral("[personne:")));
    EXPECT_TRUE(out.value(QStringLiteral("patient"))
                    .toObject()
                    .value(QStringLiteral("firstName"))
                    .toString()
                    .startsWith(QStringLiteral("[personne:")));
    EXPECT_TRUE(
        out.value(QStringLiteral("notes")).toArray().at(0).toString().contains(QStringLiteral("[tel:")));
    EXPECT_EQ(out.value(QStringLiteral("severity")).toInt(), 3);
}

TEST(Anonymiser, ScrubsInvalidUtf8WithoutLosingTheRest)
{
    QByteArray bytes("\xff\xfe bad bytes then 06 12 34 56 78 end");
    const QByteArray out = anon.scrubBytes(bytes);
    EXPECT_FALSE(out.contains("06 12 34 56 78"));
    EXPECT_TRUE(out.contains("end"));
}
