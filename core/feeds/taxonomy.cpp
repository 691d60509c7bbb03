#include "feeds/taxonomy.h"

#include <QStringList>

#include <array>
#include <utility>
#include <vector>

namespace vigie::feeds {

namespace {

// Prefix → our type, first match wins; kept in step with data/feeds/taxonomy.md.
struct Rule
{
    const char *format;
    const char *prefix; // lower case
    const char *type;
};
constexpr std::array rules{
    // CAP 1.2 <category> and common <event> words
    Rule{"cap", "fire", "building_fire"},
    Rule{"cap", "health", "injury"},
    Rule{"cap", "met", "weather"},
    Rule{"cap", "geo", "earthquake"},
    Rule{"cap", "cbrne", "hazmat"},
    Rule{"cap", "env", "hazmat"},
    Rule{"cap", "transport", "traffic_accident"},
    Rule{"cap", "security", "security"},
    Rule{"cap", "safety", "security"},
    Rule{"cap", "rescue", "injury"},
    Rule{"cap", "infra", "infrastructure"},
    // EMSI ETYPE/CATEGORY (ISO/TR 22351)
    Rule{"emsi", "fir/", "building_fire"},
    Rule{"emsi", "fir", "building_fire"},
    Rule{"emsi", "trp/col", "traffic_accident"},
    Rule{"emsi", "trp", "traffic_accident"},
    Rule{"emsi", "med", "injury"},
    Rule{"emsi", "per", "injury"},
    Rule{"emsi", "cbrn", "hazmat"},
    Rule{"emsi", "nat/wea", "weather"},
    Rule{"emsi", "nat", "weather"},
    Rule{"emsi", "pol", "security"},
    // Hub Santé whatsHappen codes (nomenclature CISU): C01 accidents, C02 malaises, C03 incendies…
    Rule{"hubsante", "c01", "traffic_accident"},
    Rule{"hubsante", "c02", "cardiac_arrest"},
    Rule{"hubsante", "c03", "building_fire"},
    Rule{"hubsante", "c04", "hazmat"},
    Rule{"hubsante", "c05", "injury"},
    Rule{"hubsante", "c06", "security"},
    // Free labels of exports and sensors (French and English)
    Rule{"*", "feu de v", "vehicle_fire"},
    Rule{"*", "vehicle_fire", "vehicle_fire"},
    Rule{"*", "incendie", "building_fire"},
    Rule{"*", "feu", "building_fire"},
    Rule{"*", "building_fire", "building_fire"},
    Rule{"*", "brush_fire", "brush_fire"},
    Rule{"*", "fire", "building_fire"},
    Rule{"*", "fumée", "building_fire"},
    Rule{"*", "smoke", "building_fire"},
    Rule{"*", "accident", "traffic_accident"},
    Rule{"*", "traffic", "traffic_accident"},
    Rule{"*", "collision", "traffic_accident"},
    Rule{"*", "malaise", "cardiac_arrest"},
    Rule{"*", "cardiac", "cardiac_arrest"},
    Rule{"*", "arrêt card", "cardiac_arrest"},
    Rule{"*", "bless", "injury"},
    Rule{"*", "injur", "injury"},
    Rule{"*", "gaz", "hazmat"},
    Rule{"*", "gas", "hazmat"},
    Rule{"*", "explosion", "hazmat"},
    Rule{"*", "gunshot", "security"},
    Rule{"*", "coup de feu", "security"},
    Rule{"*", "glass_break", "security"},
    Rule{"*", "intrusion", "security"},
    Rule{"*", "rixe", "security"},
    Rule{"*", "fight", "security"},
    Rule{"*", "foule", "crowd_event"},
    Rule{"*", "crowd", "crowd_event"},
    Rule{"*", "mouvement de foule", "crowd_event"},
};

// The prefixes as QString, converted once: some hold accents (UTF-8), and converting them on every call cost
// more than the rest of the lookup.
const std::vector<QString> &prefixes()
{
    static const std::vector<QString> all = [] {
        std::vector<QString> out;
        out.reserve(rules.size());
        for (const Rule &r : rules)
            out.push_back(QString::fromUtf8(r.prefix));
        return out;
    }();
    return all;
}

QLatin1String family(QStringView type)
{
    static constexpr std::array<std::pair<const char *, const char *>, 13> families{{
        {"building_fire", "fire"},
        {"brush_fire", "fire"},
        {"vehicle_fire", "fire"},
        {"cardiac_arrest", "medical"},
        {"injury", "medical"},
        {"traffic_accident", "traffic"},
        {"hazmat", "hazmat"},
        {"weather", "weather"},
        {"earthquake", "weather"},
        {"crowd_event", "crowd"},
        {"security", "security"},
        {"infrastructure", "other"},
        {"other", "other"},
    }};
    for (const auto &[t, f] : families)
        if (type == QLatin1String(t))
            return QLatin1String(f);
    return QLatin1String("other");
}

} // namespace

QString typeFromCode(const QString &format, const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c.isEmpty())
        return QStringLiteral("other");
    const std::vector<QString> &prefix = prefixes();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const QLatin1String f(rules[i].format);
        if ((f == format || f == QLatin1String("*")) && c.startsWith(prefix[i]))
            return QString::fromLatin1(rules[i].type);
    }
    if (format != QLatin1String("*"))
        return typeFromCode(QStringLiteral("*"), code);
    return QStringLiteral("other");
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
    // A car fire is reported as a fire by some and as a road accident by others; victims come with both.
    auto pair = [&](const char *x, const char *y) {
        return (fa == QLatin1String(x) && fb == QLatin1String(y)) ||
               (fa == QLatin1String(y) && fb == QLatin1String(x));
    };
    return pair("fire", "traffic") || pair("medical", "traffic") || pair("medical", "fire");
}

} // namespace vigie::feeds
