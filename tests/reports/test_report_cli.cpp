// vigie-cli report, run as a user runs it on the Marseille demo (an exercise room): both kinds of report,
// the path printed once the file is there, EXERCICE on every page, and clear errors for bad input.
#include "cli_run.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using vigie::test::runCli;

namespace {

/// The demo written once into a folder for the whole suite.
class ReportCli : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const auto r = runCli({QStringLiteral("demo"), room()});
        ASSERT_EQ(r.code, 0) << r.err.constData();
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString room() { return s_dir->filePath(QStringLiteral("demo.vigie")); }
    static QString file(const QString &name) { return s_dir->filePath(name); }
    static QTemporaryDir *s_dir;
};
QTemporaryDir *ReportCli::s_dir = nullptr;

QString pdfText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    return p.waitForFinished(30000) ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
}

bool hasPoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

} // namespace

TEST_F(ReportCli, RetexOfTheWholeDemo)
{
    const QString out = file(QStringLiteral("retex.pdf"));
    const auto r = runCli({QStringLiteral("report"), room(), QStringLiteral("--out"), out});
    ASSERT_EQ(r.code, 0) << r.err.constData();
    EXPECT_EQ(QString::fromUtf8(r.out).trimmed(), out); // the path, once written
    ASSERT_TRUE(QFile::exists(out));
    EXPECT_TRUE(r.err.contains("Lecture de la main courante")) << r.err.constData(); // progress by stage
    EXPECT_TRUE(r.err.contains("Mise en page du PDF"));
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pdfText(out);
    const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    EXPECT_GE(pages.size(), 8);
    for (const QString &page : pages)
        EXPECT_TRUE(page.contains(QStringLiteral("EXERCICE")));
    EXPECT_TRUE(text.contains(QStringLiteral("Délai d'arrivée")));
    EXPECT_TRUE(text.contains(QStringLiteral("Tous services")));
}

TEST_F(ReportCli, SituationAtATime)
{
    const QString out = file(QStringLiteral("situation.pdf"));
    const auto r = runCli({QStringLiteral("report"), room(), QStringLiteral("--kind"),
                           QStringLiteral("situation"), QStringLiteral("--at"),
                           QStringLiteral("2026-07-14T22:30:00+02:00"), QStringLiteral("--out"), out});
    ASSERT_EQ(r.code, 0) << r.err.constData();
    EXPECT_EQ(QString::fromUtf8(r.out).trimmed(), out);
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pdfText(out);
    EXPECT_TRUE(text.contains(QStringLiteral("Point de situation")));
    EXPECT_TRUE(text.contains(QStringLiteral("mardi 14 juillet 2026 à 22:30")));
    EXPECT_TRUE(text.contains(QStringLiteral("C — Commandement")));
}

TEST_F(ReportCli, LatestSituationKeepsEveryPart)
{
    // At the latest event, a heading ends up near a page's end and is moved to the next page: every part
    // must still be drawn (a relayout once left the whole "Commandement" part out).
    const QString out = file(QStringLiteral("latest.pdf"));
    const auto r = runCli({QStringLiteral("report"), room(), QStringLiteral("--kind"),
                           QStringLiteral("situation"), QStringLiteral("--out"), out});
    ASSERT_EQ(r.code, 0) << r.err.constData();
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pdfText(out);
    for (const char *heading : {"S — Situation", "O — Objectifs", "M — Moyens", "Hôpitaux", "E — Exécution",
                                "Dernières décisions", "C — Commandement", "Auteurs des décisions",
                                "Postes de la salle", "Qui a écrit dans la main courante"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(heading))) << heading;
    // And no page holds only its header and footer (a heading moved twice once left one blank).
    for (const QString &page : text.split(QLatin1Char('\f'), Qt::SkipEmptyParts)) {
        QStringList lines = page.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.removeIf([](const QString &l) {
            return l.startsWith(QStringLiteral("Vigie — ")) ||
                   l.startsWith(QStringLiteral("Établi avec Vigie")) ||
                   l.startsWith(QStringLiteral("page ")) || l.trimmed() == QStringLiteral("EXERCICE") ||
                   l.trimmed().isEmpty();
        });
        EXPECT_GT(lines.size(), 2) << page.toStdString();
    }
}

TEST_F(ReportCli, PeriodAndMapsAsked)
{
    const QString out = file(QStringLiteral("period.pdf"));
    const auto r = runCli({QStringLiteral("report"), room(), QStringLiteral("--from"),
                           QStringLiteral("2026-07-14T21:00:00+02:00"), QStringLiteral("--to"),
                           QStringLiteral("2026-07-14T23:00:00+02:00"), QStringLiteral("--map-at"),
                           QStringLiteral("2026-07-14T22:15:00+02:00"), QStringLiteral("--out"), out});
    ASSERT_EQ(r.code, 0) << r.err.constData();
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pdfText(out);
    EXPECT_TRUE(text.contains(QStringLiteral("Carte demandée")));
    EXPECT_FALSE(text.contains(QStringLiteral("Début de la période")));
}

TEST_F(ReportCli, BadInputIsNamed)
{
    auto run = [](QStringList args) {
        args.prepend(QStringLiteral("report"));
        return runCli(args);
    };
    const QString out = file(QStringLiteral("never.pdf"));
    auto r = run({room()});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--out is required"));
    r = run({room(), QStringLiteral("--kind"), QStringLiteral("bilan"), QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--kind \"bilan\""));
    r = run({room(), QStringLiteral("--at"), QStringLiteral("2026-07-14T22:00:00+02:00"),
             QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--at is for --kind situation"));
    r = run({room(), QStringLiteral("--from"), QStringLiteral("hier"), QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--from \"hier\""));
    r = run({room(), QStringLiteral("--from"), QStringLiteral("2026-07-14T23:00:00+02:00"),
             QStringLiteral("--to"), QStringLiteral("2026-07-14T22:00:00+02:00"), QStringLiteral("--out"),
             out});
    EXPECT_EQ(r.code, 2);
    r = run({room(), QStringLiteral("--basemap"), file(QStringLiteral("none.mbtiles")),
             QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("--basemap")) << r.err.constData();
    r = run({file(QStringLiteral("no-such-room.vigie")), QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.out.isEmpty());
    r = run({room(), QStringLiteral("--out"), file(QStringLiteral("no/such/folder/r.pdf"))});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.out.isEmpty()); // no path printed: nothing was written
    EXPECT_TRUE(r.err.contains("folder does not exist")) << r.err.constData();
    EXPECT_FALSE(QFile::exists(out));
}
