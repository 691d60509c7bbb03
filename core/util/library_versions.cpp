#include "util/library_versions.h"

#include <boost/version.hpp>
#include <expat.h>
#include <libpq-fe.h>
#include <openssl/crypto.h>
#include <osmium/version.hpp>
#include <sqlite3.h>
#include <zlib.h>

namespace vigie {

std::vector<LibraryVersion> coreLibraryVersions()
{
    const int pq = PQlibVersion(); // 150010 for 15.10
    const XML_Expat_Version expat = XML_ExpatVersionInfo();
    return {
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()), QStringLiteral("blessing")},
        {QStringLiteral("libpq (PostgreSQL)"), QStringLiteral("%1.%2").arg(pq / 10000).arg(pq % 10000),
         QStringLiteral("PostgreSQL")},
        {QStringLiteral("Boost"),
         QStringLiteral("%1.%2.%3")
             .arg(BOOST_VERSION / 100000)
             .arg(BOOST_VERSION / 100 % 1000)
             .arg(BOOST_VERSION % 100),
         QStringLiteral("BSL-1.0")},
        {QStringLiteral("libosmium"), QStringLiteral(LIBOSMIUM_VERSION_STRING), QStringLiteral("BSL-1.0")},
        {QStringLiteral("OpenSSL"),
         QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)).section(QLatin1Char(' '), 1, 1),
         QStringLiteral("Apache-2.0")},
        {QStringLiteral("zlib"), QString::fromLatin1(zlibVersion()), QStringLiteral("Zlib")},
        {QStringLiteral("Expat"),
         QStringLiteral("%1.%2.%3").arg(expat.major).arg(expat.minor).arg(expat.micro),
         QStringLiteral("MIT")},
    };
}

} // namespace vigie
