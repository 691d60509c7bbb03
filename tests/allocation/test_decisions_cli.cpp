// vigie-cli accept / reject: a recorded suggestion is decided once, as log entries; acceptance sends the
// unit.
#include "cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using vigie::test::CliRun;

CliRun cli(const QStringList &args)
{
    return vigie::test::runCli(args);
}

std::vector<QJsonObject> entries(const QString &room, const QString &kind)
{
    std::vector<QJsonObject> out;
    const CliRun r = cli({QStringLiteral("log"), room, QStringLiteral("--kind"), kind});
    for (const QByteArray &line : r.out.split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(QJsonDocument::fromJson(line).object());
    return out;
}

} // namespace

TEST(DecisionCli, AcceptSendsTheUnitRejectKeepsTheReasonAndEachIsDecidedOnce)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("d.vigie"));
    ASSERT_EQ(cli({QStringLiteral("demo"), room}).code, 0);
    // The demo's incidents are served by the units engaged on them; a new building fire needs several.
    const CliRun fire = vigie::test::runCli(
        {QStringLiteral("append"), room},
        R"({"kind":"incident.open","time":"2026-07-14T21:00:00Z","author":"test","agency":"fire",)"
        R"("geo":{"type":"Point","coordinates":[5.3745,43.2955]},)"
        R"("data":{"incident":"INC-NEW","title":"Feu d'appartement","type":"building_fire"}})"
        "\n");
    ASSERT_EQ(fire.code, 0) << fire.err.toStdString();
    const CliRun suggested = cli({QStringLiteral("suggest"), room, QStringLiteral("--record")});
    ASSERT_EQ(suggested.code, 0) << suggested.err.toStdString();
    const auto suggestions = entries(room, QStringLiteral("suggestion"));
    ASSERT_GE(suggestions.size(), 2u);
    const QJsonObject first = suggestions[0].value(QLatin1String("data")).toObject();
    const QJsonObject second = suggestions[1].value(QLatin1String("data")).toObject();
    const QString id1 = first.value(QLatin1String("suggestion")).toString();
    const QString id2 = second.value(QLatin1String("suggestion")).toString();

    const CliRun accepted = cli({QStringLiteral("accept"), room, id1});
    ASSERT_EQ(accepted.code, 0) << accepted.err.toStdString();
    const auto accepts = entries(room, QStringLiteral("suggestion.accept"));
    ASSERT_EQ(accepts.size(), 1u);
    EXPECT_EQ(
        accepts[0].value(QLatin1String("data")).toObject().value(QLatin1String("suggestion")).toString(),
        id1);
    // The picture now has the unit en route to the incident.
    const CliRun picture = cli({QStringLiteral("picture"), room});
    ASSERT_EQ(picture.code, 0);
    const QString unit = first.value(QLatin1String("unit")).toString();
    const QJsonObject pic = QJsonDocument::fromJson(picture.out).object();
    QJsonObject unitObject;
    for (const QJsonValue &u : pic.value(QLatin1String("units")).toArray())
        if (u.toObject().value(QLatin1String("id")).toString() == unit)
            unitObject = u.toObject();
    EXPECT_EQ(unitObject.value(QLatin1String("status")).toString(), QStringLiteral("en_route"))
        << picture.out.left(400).toStdString();

    const CliRun again =
        cli({QStringLiteral("reject"), room, id1, QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains("already decided")) << again.err.toStdString();

    const CliRun rejected = cli({QStringLiteral("reject"), room, id2, QStringLiteral("--reason"),
                                 QStringLiteral("unité déjà engagée")});
    ASSERT_EQ(rejected.code, 0) << rejected.err.toStdString();
    const auto rejects = entries(room, QStringLiteral("suggestion.reject"));
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].value(QLatin1String("data")).toObject().value(QLatin1String("reason")).toString(),
              QStringLiteral("unité déjà engagée"));

    const CliRun unknown = cli({QStringLiteral("accept"), room, QStringLiteral("no-such-id")});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains("no-such-id")) << unknown.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("accept"), QStringLiteral("--help")}).code, 0);
    EXPECT_EQ(cli({QStringLiteral("reject"), room}).code, 1);
}

// A suggestion is advice about the moment it was made: accepting it once its unit is engaged elsewhere, or
// once its incident is closed, is refused and stores nothing.
TEST(DecisionCli, AcceptIsRefusedWhenTheUnitIsNoLongerFreeOrTheIncidentIsClosed)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("d.vigie"));
    ASSERT_EQ(cli({QStringLiteral("demo"), room}).code, 0);
    const auto append = [&room](const QByteArray &line) {
        const CliRun r = vigie::test::runCli({QStringLiteral("append"), room}, line + "\n");
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
    };
    append(R"({"kind":"incident.open","time":"2026-07-14T21:00:00Z","author":"test","agency":"fire",)"
           R"("geo":{"type":"Point","coordinates":[5.3745,43.2955]},)"
           R"("data":{"incident":"INC-NEW","title":"Feu d'appartement","type":"building_fire"}})");
    ASSERT_EQ(cli({QStringLiteral("suggest"), room, QStringLiteral("--record")}).code, 0);
    const auto suggestions = entries(room, QStringLiteral("suggestion"));
    ASSERT_GE(suggestions.size(), 2u);
    // Two suggestions for the new fire (the demo's incidents may get some too).
    std::vector<QJsonObject> forFire;
    for (const QJsonObject &e : suggestions)
        if (const QJsonObject d = e.value(QLatin1String("data")).toObject();
            d.value(QLatin1String("incident")).toString() == QLatin1String("INC-NEW"))
            forFire.push_back(d);
    ASSERT_GE(forFire.size(), 2u);
    const QJsonObject first = forFire[0];
    const QJsonObject second = forFire[1];

    // The second suggestion's unit goes to another incident meanwhile.
    append(
        QByteArray(R"({"kind":"unit.status","time":"2026-07-14T21:01:00Z","author":"test","agency":"fire",)"
                   R"("data":{"unit":")") +
        second.value(QLatin1String("unit")).toString().toUtf8() +
        R"(","status":"on_scene","incident":"INC-0005"}})");
    const CliRun busy =
        cli({QStringLiteral("accept"), room, second.value(QLatin1String("suggestion")).toString()});
    EXPECT_EQ(busy.code, 1);
    EXPECT_TRUE(busy.err.contains("no longer free")) << busy.err.toStdString();

    // The incident closes before anyone accepts the first.
    append(R"({"kind":"incident.close","time":"2026-07-14T21:02:00Z","author":"test","agency":"fire",)"
           R"("data":{"incident":"INC-NEW"}})");
    const CliRun closed =
        cli({QStringLiteral("accept"), room, first.value(QLatin1String("suggestion")).toString()});
    EXPECT_EQ(closed.code, 1);
    EXPECT_TRUE(closed.err.contains("no longer open")) << closed.err.toStdString();
    EXPECT_TRUE(entries(room, QStringLiteral("suggestion.accept")).empty());
}
