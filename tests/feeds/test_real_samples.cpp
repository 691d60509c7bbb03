// Every real sample under shared/data/feeds is either ingested or refused with a specific reason.
#include "feeds/ingestor.h"
#include "test_util.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <array>
#include <map>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QString samplesDir()
{
    return QStringLiteral(VIGIE_SHARED_DATA "/feeds");
}

// Schemas, expected-error listings and notes sit beside the samples: they are not messages.
bool isSample(const QString &path)
{
    return !path.contains(u"/schema") && !path.endsWith(u".errors") && !path.endsWith(u".md") &&
           !path.endsWith(u"messagesList.json");
}

} // namespace

TEST(RealSamples, EveryFileIsIngestedOrRefusedWithAReason)
{
    if (!QFile::exists(samplesDir()))
        GTEST_SKIP() << "no shared data at " << samplesDir().toStdString();
    test::TempRoom live;
    const FeedRegistry registry;
    Ingestor ingestor(*live.room, registry);
    struct Counts
    {
        int files = 0, ingested = 0, refused = 0;
        qint64 entries = 0, rejectedItems = 0;
    };
    std::map<QString, Counts> byFormat;
    std::map<QString, int> reasons;
    QDirIterator it(samplesDir(), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        if (!isSample(path))
            continue;
        ++files;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
        const QString rel = path.mid(samplesDir().size() + 1);
        FeedContext context{rel, RoomMode::Live, {}, QFileInfo(path).completeBaseName(), {}};
        auto report = ingestor.ingest(f.readAll(), context);
        ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
        Counts &c = byFormat[report->format.isEmpty() ? QStringLiteral("unknown") : report->format];
        ++c.files;
        c.entries += report->entries;
        c.rejectedItems += report->rejected;
        const bool ingested = report->stored + report->duplicates > 0;
        // Nothing is silently dropped: a file yields entries, or duplicates, or a reason.
        ASSERT_TRUE(ingested || report->rejected > 0) << rel.toStdString();
        (ingested ? c.ingested : c.refused)++;
        for (const auto &reason : report->reasons) {
            // A reason names the format and says what is wrong, not just "error" or "not recognised".
            EXPECT_GT(reason.size(), 20) << rel.toStdString();
            EXPECT_FALSE(reason.contains(u"format not recognised"))
                << rel.toStdString() << ": " << reason.toStdString();
            QString kind = reason.section(QStringLiteral(": "), 1).left(70);
            kind.remove(QRegularExpression(QStringLiteral("\\d+")));
            ++reasons[kind];
        }
        if (rel.endsWith(u"valid.xml") && rel.startsWith(u"cap/")) {
            EXPECT_TRUE(ingested || report->reasons.join(u' ').contains(u"never enters a live room"))
                << rel.toStdString() << ": " << report->reasons.join(u"; ").toStdString();
        }
    }
    EXPECT_GT(files, 150);
    std::map<QString, std::array<int, 3>> counts; // format → files, ingested, refused
    for (const auto &[format, c] : byFormat) {
        std::printf("%-8s files %3d  ingested %3d  refused %3d  entries %6lld  rejected items %5lld\n",
                    qPrintable(format), c.files, c.ingested, c.refused, c.entries, c.rejectedItems);
        counts[format] = {c.files, c.ingested, c.refused};
    }
    // Pinned: a change in what the adapters take or refuse shows here (tests/bench/feeds.md has the table).
    const std::map<QString, std::array<int, 3>> expected{
        {QStringLiteral("cap"), {32, 28, 4}},
        {QStringLiteral("edxl"), {42, 4, 38}},
        {QStringLiteral("emsi"), {254, 126, 128}},
        {QStringLiteral("nmea"), {9, 9, 0}},
    };
    EXPECT_EQ(counts, expected);
    for (const auto &[reason, n] : reasons)
        std::printf("  %4d x %s\n", n, qPrintable(reason));
    // The structured samples must actually reach the picture.
    auto picture = live.room->picture();
    ASSERT_TRUE(picture.ok());
    EXPECT_GT(picture->incidents.size(), 5u);
    EXPECT_GT(picture->units.size(), 3u);
    // The EDXL-HAVE samples are Test traffic (refused above by the live room): an exercise room takes them.
    test::TempRoom exercise(RoomMode::Exercise);
    Ingestor toExercise(*exercise.room, registry);
    QDirIterator have(samplesDir() + QStringLiteral("/edxl/uicds-xcore/have"), {QStringLiteral("*.xml")},
                      QDir::Files);
    while (have.hasNext()) {
        QFile f(have.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        FeedContext context{f.fileName(), RoomMode::Exercise, {}, {}, {}};
        ASSERT_TRUE(toExercise.ingest(f.readAll(), context).ok());
    }
    auto drill = exercise.room->picture();
    ASSERT_TRUE(drill.ok());
    EXPECT_GT(drill->hospitals.size(), 0u);
}

TEST(RealSamples, HubSanteFailingEnvelopesAreRefused)
{
    const QString dir = samplesDir() + QStringLiteral("/emsi/hub-sante/sample/failing/EDXL-DE");
    if (!QFile::exists(dir))
        GTEST_SKIP();
    const FeedRegistry registry;
    const FeedContext context{QStringLiteral("x"), RoomMode::Live, {}, {}, {}};
    int refused = 0, total = 0;
    QDirIterator it(dir, {QStringLiteral("*.json"), QStringLiteral("*.xml")}, QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const FeedBatch b = registry.byFormat(QStringLiteral("edxl"))->parse(f.readAll(), context);
        ++total;
        if (b.messages.empty() && !b.rejected.empty())
            ++refused;
        else
            std::printf("accepted failing sample %s\n", qPrintable(f.fileName()));
    }
    std::printf("failing Hub Santé EDXL-DE samples refused: %d of %d\n", refused, total);
    EXPECT_EQ(refused, total);
}

// The Hub Santé examples, as the ANS publishes them: the nomenclature code decides, not a prefix
// table that read C04 as a chemical risk and every C02 as a cardiac arrest.
TEST(RealSamples, HubSanteExamplesAreTypedAsTheirCisuCodeSays)
{
    const QString dir = samplesDir() + QStringLiteral("/emsi/hub-sante/sample/examples/RC-EDA/");
    const std::array<std::pair<const char *, const char *>, 3> cases{{
        {"RC-EDA-FemmeEnceinte-DelphineVigneau.01.json", "childbirth"},
        {"RC-EDA_Incendie_RaymondeLECCIA.01.json", "building_fire"},
        {"RC-EDA-FuiteDeGaz-AliceGregoireNormand.01.json", "gas_leak"},
    }};
    if (!QFile::exists(dir))
        GTEST_SKIP();
    const FeedRegistry registry;
    for (const auto &[file, expected] : cases) {
        QFile f(dir + QLatin1String(file));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file;
        const QByteArray bytes = f.readAll();
        auto adapter = registry.detect(bytes, QLatin1String(file));
        ASSERT_TRUE(adapter.ok()) << file;
        const FeedContext context{QLatin1String(file), RoomMode::Live, {}, {}, {}};
        const FeedBatch batch = (*adapter)->parse(bytes, context);
        QStringList types, reasons;
        for (const FeedMessage &m : batch.messages)
            for (const Entry &e : m.drafts)
                if (e.data.contains(u"type")) {
                    types << e.data.value(u"type").toString();
                    reasons << e.data.value(u"type_reason").toString();
                }
        ASSERT_FALSE(types.isEmpty())
            << file << " via " << (*adapter)->format().toStdString() << ": "
            << (batch.rejected.empty() ? std::string("no refusal")
                                       : batch.rejected.front().reason.toStdString());
        EXPECT_EQ(types.first().toStdString(), expected)
            << file << " (" << reasons.first().toStdString() << ")";
        EXPECT_TRUE(reasons.first().startsWith(u"code:cisu:")) << reasons.first().toStdString();
    }
}
