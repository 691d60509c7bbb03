#include "feeds/taxonomy.h"

#include <array>
#include <utility>

namespace vigie::feeds {

namespace {

QLatin1String family(QStringView type)
{
    static constexpr std::array<std::pair<const char *, const char *>, 23> families{{
        {"building_fire", "fire"},
        {"brush_fire", "fire"},
        {"vehicle_fire", "fire"},
        {"cardiac_arrest", "medical"},
        {"illness", "medical"},
        {"injury", "medical"},
        {"childbirth", "medical"},
        {"water_rescue", "medical"},
        {"traffic_accident", "traffic"},
        {"hazmat", "hazmat"},
        {"gas_leak", "hazmat"},
        {"weather", "weather"},
        {"flood", "weather"},
        {"earthquake", "weather"},
        {"crowd_event", "crowd"},
        {"crowd_crush", "crowd"},
        {"security", "security"},
        {"public_order", "security"},
        {"suspect_package", "security"},
        {"infrastructure", "other"},
        {"other", "other"},
        // Types of older logs, kept so their incidents still compare.
        {"drowning", "medical"},
        {"assault", "security"},
    }};
    for (const auto &[t, f] : families)
        if (type == QLatin1String(t))
            return QLatin1String(f);
    return QLatin1String("other");
}

} // namespace

QString typeFromCode(const QString &format, const QString &code)
{
    return typeIncident({format, {code}, code, {code}, {}}).type;
}

QString familyOf(const QString &type)
{
    return family(type);
}

bool compatibleTypes(const QString &a, const QString &b)
{
    const QLatin1String fa = family(a), fb = family(b);
    if (fa == QLatin1String("other") || fb == QLatin1String("other") || fa == fb)
        return true;
    // A car fire is reported as a fire by some and as a road accident by others; victims come with both; a
    // crowd crush is a crowd event to the police and victims to the SAMU.
    auto pair = [&](const char *x, const char *y) {
        return (fa == QLatin1String(x) && fb == QLatin1String(y)) ||
               (fa == QLatin1String(y) && fb == QLatin1String(x));
    };
    return pair("fire", "traffic") || pair("medical", "traffic") || pair("medical", "fire") ||
           pair("medical", "crowd") || pair("medical", "hazmat") || pair("medical", "weather");
}

} // namespace vigie::feeds
