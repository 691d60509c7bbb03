// vigie-cli events end to end: import (bad rows quarantined with file, line and field; the same file twice
// writes nothing new), list, cancel, clashes.
#include "cli_run.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using vigie::test::runCli;

TEST(EventsCli, ImportQuarantinesBadRowsAndIsIdempotent)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    ASSERT_EQ(runCli({QStringLiteral("init"), room}).code, 0);
    const QString csv = dir.filePath(QStringLiteral("saison.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(
            "id;titre;type;début;fin;affluence;lon;lat\n"
            "om-lens;OM – "
            "Lens;match;2027-02-07T20:45:00+01:00;2027-02-07T22:45:00+01:00;64000;5.395049;43.269554\n"
            "bad;Mauvaise;match;2027-02-31T20:45:00+01:00;2027-02-07T22:45:00+01:00;64000;5.395049;43."
            "269554\n"
            "marche;Marché;marché;2027-02-07T16:00:00+01:00;2027-02-07T19:00:00+01:00;-3;5.399;43.2696\n"
            "foire;Foire;marché;2027-02-07T16:00:00+01:00;2027-02-07T19:00:00+01:00;3000;5.399;43.2696\n");
    }
    const auto first = runCli({QStringLiteral("events"), QStringLiteral("import"), room, csv});
    EXPECT_EQ(first.code, 3) << first.err.toStdString(); // some input refused, the rest stored
    EXPECT_TRUE(first.out.contains("2 new")) << first.out.toStdString();
    EXPECT_TRUE(first.err.contains("saison.csv:3: start")) << first.err.toStdString();
    EXPECT_TRUE(first.err.contains("saison.csv:4: attendance")) << first.err.toStdString();
    const auto quarantine = runCli({QStringLiteral("quarantine"), room});
    EXPECT_TRUE(quarantine.out.contains("saison.csv:3")) << quarantine.out.toStdString();
    EXPECT_TRUE(quarantine.out.contains("saison.csv:4")) << quarantine.out.toStdString();

    const auto again = runCli({QStringLiteral("events"), QStringLiteral("import"), room, csv});
    EXPECT_TRUE(again.out.contains("0 new, 0 replaced, 2 unchanged")) << again.out.toStdString();

    const auto clashes =
        runCli({QStringLiteral("events"), QStringLiteral("clashes"), room, QStringLiteral("--json")});
    EXPECT_EQ(clashes.code, 0);
    EXPECT_TRUE(clashes.out.contains("\"kind\":\"overlap\"")) << clashes.out.toStdString();
    EXPECT_TRUE(clashes.out.contains("evt:foire")) << clashes.out.toStdString();

    EXPECT_EQ(runCli({QStringLiteral("events"), QStringLiteral("cancel"), room, QStringLiteral("foire"),
                      QStringLiteral("--reason"), QStringLiteral("annulée")})
                  .code,
              0);
    const auto list =
        runCli({QStringLiteral("events"), QStringLiteral("list"), room, QStringLiteral("--json")});
    EXPECT_TRUE(list.out.contains("evt:om-lens"));
    EXPECT_FALSE(list.out.contains("evt:foire"));
    EXPECT_NE(
        runCli({QStringLiteral("events"), QStringLiteral("cancel"), room, QStringLiteral("nothing")}).code,
        0);
}
