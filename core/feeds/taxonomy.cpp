#include "feeds/taxonomy.h"

#include <array>
#include <utility>

namespace vigie::feeds {

namespace {

QLatin1String family(QStringView type)
{
    // QLatin1String pairs built at compile time: this runs several times for every typed message.
    static constexpr std::array<std::pair<QLatin1String, QLatin1String>, 23> families{{
        {QLatin1String("building_fire"), QLatin1String("fire")},
        {QLatin1String("brush_fire"), QLatin1String("fire")},
        {QLatin1String("vehicle_fire"), QLatin1String("fire")},
        {QLatin1String("cardiac_arrest"), QLatin1String("medical")},
        {QLatin1String("illness"), QLatin1String("medical")},
        {QLatin1String("injury"), QLatin1String("medical")},
        {QLatin1String("childbirth"), QLatin1String("medical")},
        {QLatin1String("water_rescue"), QLatin1String("medical")},
        {QLatin1String("traffic_accident"), QLatin1String("traffic")},
        {QLatin1String("hazmat"), QLatin1String("hazmat")},
        {QLatin1String("gas_leak"), QLatin1String("hazmat")},
        {QLatin1String("weather"), QLatin1String("weather")},
        {QLatin1String("flood"), QLatin1String("weather")},
        {QLatin1String("earthquake"), QLatin1String("weather")},
        {QLatin1String("crowd_event"), QLatin1String("crowd")},
        {QLatin1String("crowd_crush"), QLatin1String("crowd")},
        {QLatin1String("security"), QLatin1String("security")},
        {QLatin1String("public_order"), QLatin1String("security")},
        {QLatin1String("suspect_package"), QLatin1String("security")},
        {QLatin1String("infrastructure"), QLatin1String("other")},
        {QLatin1String("other"), QLatin1String("other")},
        // Types of older logs, kept so their incidents still compare.
        {QLatin1String("drowning"), QLatin1String("medical")},
        {QLatin1String("assault"), QLatin1String("security")},
    }};
    for (const auto &[t, f] : families)
        if (type == t)
            return f;
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
