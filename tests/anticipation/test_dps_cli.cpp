// vigie-cli dps, run as a user runs it: text and JSON output, exit codes, errors on stderr, the PDF form.
#include "cli_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using vigie::test::runCli;

namespace {

QStringList args(const QString &p1, const QString &p2 = QStringLiteral("0.25"),
                 const QString &e1 = QStringLiteral("0.25"), const QString &e2 = QStringLiteral("0.25"))
{
    return {QStringLiteral("dps"),
            QStringLiteral("--p1"),
            p1,
            QStringLiteral("--p2"),
            p2,
            QStringLiteral("--e1"),
            e1,
            QStringLiteral("--e2"),
            e2};
}

} // namespace

TEST(DpsCli, VelodromeInText)
{
    const auto r = runCli(args(QStringLiteral("67000")));
    ASSERT_EQ(r.code, 0) << r.err.constData();
    EXPECT_TRUE(r.err.isEmpty());
    // "key:   value" lines, then the steps.
    QMap<QString, QString> values;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && !line.startsWith(QLatin1Char(' ')))
            values.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    EXPECT_EQ(values.value(QStringLiteral("ris")), QStringLiteral("50.25"));
    EXPECT_EQ(values.value(QStringLiteral("class")), QStringLiteral("DPS-GE"));
    EXPECT_EQ(values.value(QStringLiteral("intervenants")), QStringLiteral("52"));
    EXPECT_EQ(values.value(QStringLiteral("postes")), QStringLiteral("5"));
    EXPECT_EQ(values.value(QStringLiteral("chefs_de_secteur")), QStringLiteral("2"));
    EXPECT_EQ(values.value(QStringLiteral("chefs_de_dispositif")), QStringLiteral("1"));
    EXPECT_EQ(values.value(QStringLiteral("total")), QStringLiteral("55"));
    EXPECT_TRUE(r.out.contains("porté à 52 pour des binômes entiers")) << r.out.constData();
}

TEST(DpsCli, JsonIsOneObject)
{
    QStringList a = args(QStringLiteral("150000"), QStringLiteral("0,40"), QStringLiteral("0.30"),
                         QStringLiteral("0.25"));
    a << QStringLiteral("--json");
    const auto r = runCli(a);
    ASSERT_EQ(r.code, 0) << r.err.constData();
    EXPECT_EQ(r.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << r.out.constData();
    EXPECT_DOUBLE_EQ(o.value(QStringLiteral("p")).toDouble(), 125000);
    EXPECT_DOUBLE_EQ(o.value(QStringLiteral("ris")).toDouble(), 118.75);
    EXPECT_EQ(o.value(QStringLiteral("class")).toString(), QStringLiteral("DPS-GE"));
    EXPECT_EQ(o.value(QStringLiteral("intervenants")).toInt(), 120); // 118.75 → 119, odd → 120
    EXPECT_EQ(o.value(QStringLiteral("postes")).toInt(), 10);
    EXPECT_EQ(o.value(QStringLiteral("chefs_de_secteur")).toInt(), 4);
    EXPECT_FALSE(o.value(QStringLiteral("steps")).toArray().isEmpty());
}

TEST(DpsCli, ThresholdEdges)
{
    auto classOf = [](const QString &p1) {
        QStringList a = args(p1);
        a << QStringLiteral("--json");
        const auto r = runCli(a);
        EXPECT_EQ(r.code, 0) << r.err.constData();
        return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("class")).toString();
    };
    EXPECT_EQ(classOf(QStringLiteral("1500")), QStringLiteral("PAPS"));
    EXPECT_EQ(classOf(QStringLiteral("1501")), QStringLiteral("DPS-PE"));
    EXPECT_EQ(classOf(QStringLiteral("16000")), QStringLiteral("DPS-PE"));
    EXPECT_EQ(classOf(QStringLiteral("16001")), QStringLiteral("DPS-ME"));
    EXPECT_EQ(classOf(QStringLiteral("48000")), QStringLiteral("DPS-ME"));
    EXPECT_EQ(classOf(QStringLiteral("48001")), QStringLiteral("DPS-GE"));
    EXPECT_EQ(classOf(QStringLiteral("300")), QStringLiteral("aucun"));
}

TEST(DpsCli, BadValuesExitOneNamingTheField)
{
    const auto negative = runCli(args(QStringLiteral("-5")));
    EXPECT_EQ(negative.code, 1);
    EXPECT_TRUE(negative.out.isEmpty());
    EXPECT_TRUE(negative.err.startsWith("vigie-cli: P1 = -5 ")) << negative.err.constData();
    const auto huge = runCli(args(QStringLiteral("10000000")));
    EXPECT_EQ(huge.code, 1);
    EXPECT_TRUE(huge.err.contains("P1 = 10000000")) << huge.err.constData();
    const auto level = runCli(args(QStringLiteral("1000"), QStringLiteral("0.33")));
    EXPECT_EQ(level.code, 1);
    EXPECT_TRUE(level.err.contains("P2 = 0.33")) << level.err.constData();
    const auto nan = runCli(args(QStringLiteral("1000"), QStringLiteral("0.25"), QStringLiteral("nan")));
    EXPECT_EQ(nan.code, 1);
    EXPECT_TRUE(nan.err.contains("E1")) << nan.err.constData();
    const auto word = runCli(args(QStringLiteral("many")));
    EXPECT_EQ(word.code, 1);
    EXPECT_TRUE(word.err.contains("--p1 \"many\" is not a number")) << word.err.constData();
}

TEST(DpsCli, MissingOptionIsAUsageError)
{
    const auto r = runCli({QStringLiteral("dps"), QStringLiteral("--p1"), QStringLiteral("1000")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--p2 is required")) << r.err.constData();
    const auto unknown = runCli({QStringLiteral("dps"), QStringLiteral("--p3"), QStringLiteral("1")});
    EXPECT_EQ(unknown.code, 2);
}

TEST(DpsCli, WritesTheFormAsPdf)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("dps.pdf"));
    QStringList a = args(QStringLiteral("67000"));
    a << QStringLiteral("--pdf") << file << QStringLiteral("--name") << QStringLiteral("OM – PSG")
      << QStringLiteral("--date") << QStringLiteral("2026-10-25") << QStringLiteral("--exercise");
    const auto r = runCli(a);
    ASSERT_EQ(r.code, 0) << r.err.constData();
    QFile pdf(file);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-"));
    EXPECT_GT(bytes.size(), 2000);
    EXPECT_TRUE(bytes.contains("/Type /Page")) << "one page";

    QStringList bad = args(QStringLiteral("67000"));
    bad << QStringLiteral("--pdf") << dir.filePath(QStringLiteral("missing/dps.pdf"));
    const auto refused = runCli(bad);
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("missing/dps.pdf")) << refused.err.constData();
    QStringList badDate = args(QStringLiteral("67000"));
    badDate << QStringLiteral("--pdf") << file << QStringLiteral("--date") << QStringLiteral("25/10/2026");
    EXPECT_EQ(runCli(badDate).code, 1);
}
