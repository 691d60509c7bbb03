#include "privacy/anonymiser.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

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

TEST(Anonymiser, TextsWithoutDigitOrAtSignSkipTheExpressionsOnly)
{
    // Every pattern but the e-mail one needs a digit, the e-mail one an '@': texts with neither come back
    // as they are, and each kind of value is still found when its character is there.
    const QString plain = QStringLiteral("Feu de poubelle, rue de la République, témoin sur place");
    EXPECT_EQ(anon.scrubText(plain), plain);
    EXPECT_TRUE(anon.scrubText(QStringLiteral("écrire à marie.curie@example.org"))
                    .contains(QStringLiteral("[email:")));
    EXPECT_TRUE(anon.scrubText(QStringLiteral("véhicule AB-123-CD")).contains(QStringLiteral("[plaque:")));
    // A token put in by one pattern carries hex digits; the later patterns see them as before.
    const QString both = anon.scrubText(QStringLiteral("a@b.fr puis AB-123-CD"));
    EXPECT_TRUE(both.contains(QStringLiteral("[email:")) && both.contains(QStringLiteral("[plaque:")))
        << both.toStdString();
}

TEST(Anonymiser, TheShortestValueOfEachKindIsStillFound)
{
    // Each expression is tried only on texts with enough digits and capitals for it: these values have
    // exactly the fewest each one needs, so a count set one too high fails here.
    for (const char *value : {"0612345678", "+33612345678", "AB123CD", "1 A 2A", "FR76ABCDEFGH"}) {
        const QString text = QStringLiteral("vu %1 ici").arg(QLatin1String(value));
        const QString out = anon.scrubText(text);
        EXPECT_FALSE(out.contains(QLatin1String(value))) << value << " -> " << out.toStdString();
    }
}

TEST(Anonymiser, LeavesIsoTimesAlone)
{
    // "14T21" has the shape of an old plate (number, letters, département): a time is not one.
    for (const char *time :
         {"2026-07-14T21:05:00+02:00", "2026-07-14T09:05", "reçu le 2026-12-01T13:45:10Z"}) {
        const QString text = QString::fromUtf8(time);
        EXPECT_EQ(anon.scrubText(text), text);
    }
    const QString both = anon.scrubText(QStringLiteral("2026-07-14T21:05 véhicule 1234 XY 13"));
    EXPECT_TRUE(both.startsWith(QStringLiteral("2026-07-14T21:05 véhicule [plaque:"))) << both.toStdString();
}

TEST(Anonymiser, TokensAreTheHmacOfTheValueUnderTheRoomKey)
{
    // Keys of every length around SHA-256's 64-byte block, two rooms interleaved on one thread.
    QRandomGenerator rng(29);
    for (int length = 0; length <= 100; ++length) {
        QByteArray key(length, Qt::Uninitialized);
        for (char &c : key)
            c = char(rng.bounded(256));
        const Anonymiser room(key);
        for (const QString &value :
             {QStringLiteral("0612345678"), QStringLiteral(""), QStringLiteral("ÉTÉ")}) {
            const QByteArray mac =
                QMessageAuthenticationCode::hash(value.toUtf8(), key, QCryptographicHash::Sha256);
            EXPECT_EQ(room.token(QStringLiteral("tel"), value),
                      QStringLiteral("[tel:%1]").arg(QString::fromLatin1(mac.toHex().left(12))))
                << "key of " << length << " bytes";
            EXPECT_EQ(anon.token(QStringLiteral("tel"), value),
                      QStringLiteral("[tel:%1]")
                          .arg(QString::fromLatin1(
                              QMessageAuthenticationCode::hash(value.toUtf8(), QByteArray(32, 's'),
                                                               QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(12))));
        }
    }
}

// Texts scrubbed shortly before are looked up rather than scrubbed again: the answer is the same as a first
// scrub's, under each room's key and each way with names, however rooms and ways interleave, and past the
// bound of what is kept.
TEST(Anonymiser, ARepeatedTextIsScrubbedAsTheFirstTime)
{
    const Anonymiser other(QByteArray(32, 'o'));
    const QString text = QStringLiteral("Appel de Mme Durand au 06 12 34 56 78");
    const QString mine = anon.scrubText(text), theirs = other.scrubText(text);
    const QString kept = anon.scrubText(text, Anonymiser::Names::Keep);
    EXPECT_NE(mine, theirs); // another key, other tokens
    EXPECT_NE(mine, kept);   // the name kept
    EXPECT_TRUE(kept.contains(QStringLiteral("Durand"))) << kept.toStdString();
    EXPECT_FALSE(mine.contains(QStringLiteral("Durand"))) << mine.toStdString();
    for (int round = 0; round < 3; ++round) {
        EXPECT_EQ(anon.scrubText(text), mine);
        EXPECT_EQ(other.scrubText(text), theirs);
        EXPECT_EQ(anon.scrubText(text, Anonymiser::Names::Keep), kept);
        for (int n = 0; n < 5000; ++n) // more texts than are kept
            EXPECT_FALSE(anon.scrubText(QStringLiteral("PS Sud %1 sur les lieux").arg(n)).isEmpty());
    }
    const QString plate = anon.scrubText(QStringLiteral("AB-123-CD"));
    EXPECT_EQ(plate, anon.token(QStringLiteral("plaque"), QStringLiteral("AB123CD")));
}

TEST(Anonymiser, JsonWithoutPersonalDataComesBackEqual)
{
    const QJsonObject in{
        {QStringLiteral("type"), QStringLiteral("fire")},
        {QStringLiteral("units"), QJsonArray{QStringLiteral("FPT 1"), 2}},
        {QStringLiteral("where"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Timone")}}}};
    EXPECT_EQ(anon.scrubJson(in), in);
    // One changed value deep inside: only it differs.
    QJsonObject withPhone = in;
    withPhone.insert(QStringLiteral("where"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Timone")},
                                 {QStringLiteral("phone"), QStringLiteral("04 91 00 00 00")}});
    const QJsonObject out = anon.scrubJson(withPhone);
    EXPECT_EQ(out.value(QStringLiteral("units")), in.value(QStringLiteral("units")));
    const QJsonObject where = out.value(QStringLiteral("where")).toObject();
    EXPECT_EQ(where.value(QStringLiteral("name")).toString(), QStringLiteral("Timone"));
    EXPECT_TRUE(where.value(QStringLiteral("phone")).toString().startsWith(QStringLiteral("[tel:")));
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

// Entry ids travel in entries' data ("undoes", "observation"): a UUID whose last group reads like a phone
// number ("…-0612345678bd", about one id in 120) or a plate once upper-cased must reach the store whole, or
// the entry that names it names nothing.
TEST(Anonymiser, LeavesIdentifiersWhole)
{
    QRandomGenerator random(20260714);
    for (int i = 0; i < 30000; ++i) {
        quint32 words[4];
        random.fillRange(words);
        QByteArray bytes(reinterpret_cast<const char *>(words), sizeof words);
        const QString id = QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
        for (const QString &text : {id, id.toUpper(), QStringLiteral("annule %1").arg(id)}) {
            ASSERT_EQ(anon.scrubText(text), text) << text.toStdString();
        }
    }
    for (const char *text : {"cb7d61f6-ef12-4712-b0c9-0612345678bd", "4712-0612-3456-789abcdef012"}) {
        EXPECT_EQ(anon.scrubText(QLatin1String(text)), QLatin1String(text));
    }
}
