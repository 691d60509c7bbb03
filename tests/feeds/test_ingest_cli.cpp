// `vigie-cli ingest` end to end: exit codes, limits checked while reading, output that never lags the log.
#include "cli_run.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace {

using vigie::test::CliRun;

CliRun cli(const QStringList &args, int seconds = 60)
{
    return vigie::test::runCli(args, {}, seconds);
}

/// A GeoJSON FeatureCollection of `count` valid incidents whose ids start with `prefix`.
QByteArray features(const QString &prefix, int count)
{
    QByteArray out = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out +=
            QStringLiteral(R"({"type":"Feature","geometry":{"type":"Point","coordinates":[5.%1,43.3]},)"
                           R"("properties":{"id":"%2-%3","time":"2026-07-14T21:00:00+02:00","type":"fire"}})")
                .arg(1000 + i)
                .arg(prefix)
                .arg(i)
                .toUtf8();
    }
    return out + "]}";
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

QString newRoom(const QTemporaryDir &dir)
{
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    EXPECT_EQ(cli({QStringLiteral("init"), room}).code, 0);
    return room;
}

QList<QJsonObject> quarantined(const QString &room)
{
    QList<QJsonObject> out;
    const CliRun q = cli({QStringLiteral("quarantine"), room});
    for (const QByteArray &line : q.out.trimmed().split('\n'))
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

} // namespace

// One rule for append and ingest: 0 when everything was taken, 3 when some input was refused (quarantined)
// and the rest stored, 1 on an error.
TEST(IngestCli, ExitCodesFollowTheRuleOfAppend)
{
    QTemporaryDir dir;
    const QString room = newRoom(dir);
    const QString good = writeFile(dir, QStringLiteral("good.geojson"), features(QStringLiteral("A"), 3));
    const QString bad = writeFile(dir, QStringLiteral("bad.geojson"), R"({"type":"FeatureCollection",)");
    const CliRun all =
        cli({QStringLiteral("ingest"), room, QStringLiteral("--format"), QStringLiteral("geojson"), good});
    EXPECT_EQ(all.code, 0) << all.err.toStdString();
    const CliRun some = cli(
        {QStringLiteral("ingest"), room, QStringLiteral("--format"), QStringLiteral("geojson"), good, bad});
    EXPECT_EQ(some.code, 3) << some.err.toStdString();
    EXPECT_TRUE(some.err.contains("see `vigie-cli quarantine")) << some.err.toStdString();
    const CliRun error = cli({QStringLiteral("ingest"), room, good, dir.filePath(QStringLiteral("none"))});
    EXPECT_EQ(error.code, 1) << error.err.toStdString();
    for (const char *c : {"append", "ingest"}) {
        const CliRun help = cli({QLatin1String(c), QStringLiteral("--help")});
        EXPECT_TRUE(help.out.contains("Exit 0 when") && help.out.contains("3 when some"))
            << c << help.out.toStdString();
    }
}

// A 40 MB file is refused from its size (nothing of it past its first bytes is read), the next file is taken.
TEST(IngestCli, AFileOverTheLimitIsRefusedFromItsSize)
{
    QTemporaryDir dir;
    const QString room = newRoom(dir);
    const QString big = dir.filePath(QStringLiteral("big.geojson"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[)");
        ASSERT_TRUE(f.resize(40 * 1024 * 1024)); // sparse: the rest reads as zeros
    }
    const QString good = writeFile(dir, QStringLiteral("good.geojson"), features(QStringLiteral("B"), 2));
    const CliRun r = cli({QStringLiteral("ingest"), room, big, good});
    EXPECT_EQ(r.code, 3) << r.err.toStdString();
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2) << r.out.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(lines[0]).object().value(QStringLiteral("rejected")).toInt(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("stored")).toInt(), 2);
    const auto q = quarantined(room);
    ASSERT_EQ(q.size(), 1);
    const QString reason = q[0].value(QStringLiteral("reason")).toString();
    EXPECT_TRUE(reason.contains(QStringLiteral("input of 41943040 bytes exceeds the 16 MiB limit per geojson "
                                               "input; refused without reading it whole")))
        << reason.toStdString();
    EXPECT_LE(q[0].value(QStringLiteral("input")).toString().size(), 4096);
}

// A stream without end (here /dev/zero) is refused once it passes the limit, never read whole.
TEST(IngestCli, AStreamOverTheLimitIsRefusedWhileItIsRead)
{
    QTemporaryDir dir;
    const QString room = newRoom(dir);
    const CliRun r = cli({QStringLiteral("ingest"), room, QStringLiteral("--format"),
                          QStringLiteral("geojson"), QStringLiteral("/dev/zero")},
                         60);
    ASSERT_NE(r.code, -2) << "ingest kept reading an endless stream";
    EXPECT_EQ(r.code, 3) << r.err.toStdString();
    const auto q = quarantined(room);
    ASSERT_EQ(q.size(), 1);
    EXPECT_TRUE(q[0].value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("input of more than 16777216 bytes exceeds the 16 MiB limit")))
        << q[0].value(QStringLiteral("reason")).toString().toStdString();
}

// Each file's line is printed and flushed once the file is committed: killed while it waits on its fourth
// input (a pipe nobody writes to), the command has printed three lines, and the room holds what they report.
TEST(IngestCli, PrintedLinesAreInTheRoomAfterAKill)
{
    QTemporaryDir dir;
    const QString room = newRoom(dir);
    QStringList args{QStringLiteral("ingest"), room, QStringLiteral("--format"), QStringLiteral("geojson")};
    for (int i = 0; i < 3; ++i)
        args << writeFile(dir, QStringLiteral("f%1.geojson").arg(i),
                          features(QStringLiteral("K%1").arg(i), 5));
    const QString fifo = dir.filePath(QStringLiteral("pipe.geojson"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    args << fifo;

    QProcess p;
    p.start(QStringLiteral(VIGIE_CLI), args);
    ASSERT_TRUE(p.waitForStarted());
    QByteArray out;
    QElapsedTimer waited;
    waited.start();
    while (out.count('\n') < 3 && waited.elapsed() < 20000) {
        p.waitForReadyRead(200);
        out += p.readAllStandardOutput();
    }
    p.kill();
    p.waitForFinished();
    out += p.readAllStandardOutput();
    const QList<QByteArray> lines = out.trimmed().split('\n');
    ASSERT_EQ(out.count('\n'), 3) << "lines printed before the kill: " << out.toStdString();
    qint64 reported = 0;
    for (const QByteArray &line : lines)
        reported += QJsonDocument::fromJson(line).object().value(QStringLiteral("entries")).toInteger();
    EXPECT_GE(reported, 15);
    const CliRun log = cli({QStringLiteral("log"), room});
    ASSERT_EQ(log.code, 0);
    EXPECT_GE(log.out.count('\n'), reported) << "the output led the log";
    EXPECT_EQ(cli({QStringLiteral("verify"), room}).code, 0);
}

namespace {

QString mappingFixture(const QString &name)
{
    return QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/feeds/mapping/") + name;
}

QList<QJsonObject> logged(const QString &room)
{
    QList<QJsonObject> out;
    const CliRun log = cli({QStringLiteral("log"), room});
    EXPECT_EQ(log.code, 0) << log.err.toStdString();
    for (const QByteArray &line : log.out.trimmed().split('\n'))
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

} // namespace

// GeoJSON with another system's names through --map: what fits is stored, each feature the mapping does not
// fit is quarantined, the file, the feature and the property named; --mapping, the option's older name, does
// the same.
TEST(IngestCli, MapReadsGeoJsonWithForeignNamesAndQuarantinesWhatDoesNotFit)
{
    for (const char *option : {"--map", "--mapping"}) {
        QTemporaryDir dir;
        const QString room = newRoom(dir);
        const QString input = mappingFixture(QStringLiteral("interventions.geojson"));
        const CliRun r = cli({QStringLiteral("ingest"), room, QLatin1String(option),
                              mappingFixture(QStringLiteral("interventions.map.json")), input});
        EXPECT_EQ(r.code, 3) << option << r.err.toStdString();
        const QJsonObject line = QJsonDocument::fromJson(r.out.trimmed()).object();
        EXPECT_EQ(line.value(QStringLiteral("format")).toString(), QStringLiteral("geojson"));
        EXPECT_EQ(line.value(QStringLiteral("stored")).toInt(), 3) << r.out.toStdString();
        EXPECT_EQ(line.value(QStringLiteral("rejected")).toInt(), 3) << r.out.toStdString();
        EXPECT_TRUE(r.err.contains(
            (input +
             QStringLiteral(": features[2]: GeoJSON: properties.infos.horodatage (our time) is missing"))
                .toUtf8()))
            << r.err.toStdString();
        const auto q = quarantined(room);
        ASSERT_EQ(q.size(), 3);
        EXPECT_EQ(q[1].value(QStringLiteral("position")).toString(), QStringLiteral("features[4]"));
        EXPECT_TRUE(
            q[1].value(QStringLiteral("reason")).toString().contains(u"properties.gravite (our severity)"))
            << q[1].value(QStringLiteral("reason")).toString().toStdString();
        QStringList ids;
        for (const QJsonObject &e : logged(room))
            if (e.value(QStringLiteral("kind")).toString() == u"incident.open")
                ids << e.value(QStringLiteral("data"))
                           .toObject()
                           .value(QStringLiteral("source_id"))
                           .toString();
        EXPECT_EQ(ids, (QStringList{QStringLiteral("INT-0714-001"), QStringLiteral("20260714002"),
                                    QStringLiteral("INT-0714-004")}));
    }
}

// A mapping file that is itself wrong stops the command at once, naming the file and the key, before the
// room is touched.
TEST(IngestCli, ABadMappingFileStopsTheCommandNamingTheFileAndTheKey)
{
    QTemporaryDir dir;
    const QString room = newRoom(dir);
    const QString input = mappingFixture(QStringLiteral("interventions.geojson"));
    const struct
    {
        QByteArray mapping;
        QByteArray said;
    } cases[] = {
        {R"({"properties":{"id":"identifiant","time":"infos/horodatage","nature":"nature"}})",
         "GeoJSON mapping: properties.nature is not one of our fields"},
        {R"({"properties":{"id":"identifiant","time":"infos/horodatage"}})",
         "GeoJSON mapping: properties.type is required"},
        {R"({"property":{}})", "mapping: unknown key \"property\""},
        {"id: identifiant\n", "mapping: not a JSON object"},
    };
    for (const auto &c : cases) {
        const QString mapping = writeFile(dir, QStringLiteral("bad.map.json"), c.mapping);
        const CliRun r = cli({QStringLiteral("ingest"), room, QStringLiteral("--map"), mapping, input});
        EXPECT_EQ(r.code, 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QByteArray((mapping + QStringLiteral(": ")).toUtf8() + c.said)))
            << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    }
    EXPECT_TRUE(quarantined(room).isEmpty());
    EXPECT_TRUE(logged(room).isEmpty());
}

// A CSV export's column mapping is given with --map or with --mapping, as before.
TEST(IngestCli, CsvColumnsAreMappedUnderEitherName)
{
    QTemporaryDir dir;
    const QString mapping = writeFile(
        dir, QStringLiteral("mc.map.json"),
        R"({"delimiter":";","columns":{"time":"Horodatage","text":"Message","author":"Opérateur","id":"N°"}})");
    const QString csv = writeFile(dir, QStringLiteral("mc.csv"),
                                  "N°;Horodatage;Opérateur;Message\n"
                                  "1;2026-07-14T21:00:00+02:00;op1;Point de situation\n"
                                  "2;2026-07-14T21:01:00+02:00;op2;Renfort demandé\n");
    for (const char *option : {"--map", "--mapping"}) {
        const QString room = dir.filePath(QLatin1String(option).mid(2) + QStringLiteral(".vigie"));
        ASSERT_EQ(cli({QStringLiteral("init"), room}).code, 0);
        const CliRun r = cli({QStringLiteral("ingest"), room, QLatin1String(option), mapping,
                              QStringLiteral("--format"), QStringLiteral("csv"), csv});
        EXPECT_EQ(r.code, 0) << option << r.err.toStdString();
        EXPECT_EQ(QJsonDocument::fromJson(r.out.trimmed()).object().value(QStringLiteral("stored")).toInt(),
                  2)
            << option << r.out.toStdString();
        const auto entries = logged(room);
        ASSERT_FALSE(entries.isEmpty());
        EXPECT_EQ(
            entries.back().value(QStringLiteral("data")).toObject().value(QStringLiteral("text")).toString(),
            QStringLiteral("Renfort demandé"));
    }
}
