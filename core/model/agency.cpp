#include "model/agency.h"

namespace vigie {

QString agencyId(Agency agency)
{
    switch (agency) {
    case Agency::Fire:
        return QStringLiteral("fire");
    case Agency::Samu:
        return QStringLiteral("samu");
    case Agency::Police:
        return QStringLiteral("police");
    case Agency::Officials:
        return QStringLiteral("officials");
    }
    return {};
}

std::optional<Agency> agencyFromId(const QString &id)
{
    for (Agency a : allAgencies)
        if (agencyId(a) == id)
            return a;
    return std::nullopt;
}

} // namespace vigie
