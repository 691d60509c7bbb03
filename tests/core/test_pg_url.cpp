// Room URLs: `room` is ours, everything else goes to libpq untouched, and a password is refused.
#include "store/pg_url.h"

#include <gtest/gtest.h>

using namespace vigie;

TEST(PgUrl, SplitsTheRoomFromWhatLibpqReads)
{
    auto where = parsePgUrl(
        QStringLiteral("postgresql://desk@db.pcc.local:5433/vigie?room=crue-2026&sslmode=require"));
    ASSERT_TRUE(where) << where.error().message.toStdString();
    EXPECT_EQ(where->room, QStringLiteral("crue-2026"));
    EXPECT_EQ(where->conninfo, QStringLiteral("postgresql://desk@db.pcc.local:5433/vigie?sslmode=require"));
    EXPECT_EQ(where->server, QStringLiteral("db.pcc.local:5433/vigie"));

    auto short_ = parsePgUrl(QStringLiteral("postgres://localhost/vigie?room=salle%20A"));
    ASSERT_TRUE(short_);
    EXPECT_EQ(short_->room, QStringLiteral("salle A"));
    EXPECT_EQ(short_->conninfo, QStringLiteral("postgres://localhost/vigie"));

    // Several hosts (a primary and its standby) and libpq's own parameters pass through as written.
    auto two = parsePgUrl(QStringLiteral(
        "postgresql://a:5432,b:5432/vigie?target_session_attrs=read-write&room=r&connect_timeout=3"));
    ASSERT_TRUE(two) << two.error().message.toStdString();
    EXPECT_EQ(
        two->conninfo,
        QStringLiteral("postgresql://a:5432,b:5432/vigie?target_session_attrs=read-write&connect_timeout=3"));
    EXPECT_EQ(two->server, QStringLiteral("a:5432,b:5432/vigie"));
}

TEST(PgUrl, RefusesAPasswordAndSaysWhereToPutIt)
{
    for (const char *url : {"postgresql://desk:secret@db:5432/vigie?room=r",
                            "postgresql://db:5432/vigie?room=r&password=secret"}) {
        auto where = parsePgUrl(QString::fromLatin1(url));
        ASSERT_FALSE(where) << url;
        EXPECT_TRUE(where.error().message.contains(QStringLiteral("~/.pgpass"))) << url;
        EXPECT_TRUE(where.error().message.contains(QStringLiteral("PGPASSFILE"))) << url;
        EXPECT_FALSE(where.error().message.contains(QStringLiteral("secret"))) << "the password was echoed";
    }
}

TEST(PgUrl, RefusesAUrlWithoutRoomOrNotPostgres)
{
    auto none = parsePgUrl(QStringLiteral("postgresql://db/vigie"));
    ASSERT_FALSE(none);
    EXPECT_TRUE(none.error().message.contains(QStringLiteral("?room=NAME")));
    EXPECT_FALSE(isPgUrl(QStringLiteral("/tmp/room.vigie")));
    EXPECT_FALSE(isPgUrl(QStringLiteral("mysql://db/x?room=r")));
    EXPECT_TRUE(isPgUrl(QStringLiteral("postgres://db/x?room=r")));
    EXPECT_FALSE(parsePgUrl(QStringLiteral("room.vigie")));
}
