#pragma once
// The libraries the program runs with, their versions and licences: what "À propos" shows and what a bug
// report needs. Asked of each library at run time where it can say (SQLite, libpq, OpenSSL, zlib), else the
// version it was built with (header-only Boost and libosmium).
#include <QString>

#include <vector>

namespace vigie {

struct LibraryVersion
{
    QString name;
    QString version;
    QString licence; ///< SPDX identifier
};

/// The core's libraries (Qt's own are the caller's: the core links Qt Core only).
[[nodiscard]] std::vector<LibraryVersion> coreLibraryVersions();

} // namespace vigie
