// The typing's codes and priors: nomenclature codes, CAP categories, senders (data/feeds/taxonomy.md).
#include "feeds/typing_rules_p.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace vigie::feeds {

namespace {

struct CodeRule
{
    const char *scheme;
    const char *prefix; // upper case; the longest prefix wins
    const char *type;
    bool familyOnly;
};

// CISU "nature de fait" (the SAMU–SDIS–NexSIS shared nomenclature used by Hub Santé whatsHappen and NexSIS).
// Only the branches seen in the Hub Santé samples and the ANS examples: others fall to the label's words,
// which Hub Santé always sends beside the code.
constexpr std::array<CodeRule, 52> codeTable{{
    {"cisu", "C01", "traffic_accident", false},
    {"cisu", "C02", "injury", true},
    {"cisu", "C02.05", "illness", true},
    {"cisu", "C02.05.02", "childbirth", false},
    {"cisu", "C02.06", "illness", true},
    {"cisu", "C02.06.02", "hazmat", false},
    {"cisu", "C02.07", "hazmat", false},
    {"cisu", "C02.08", "injury", true},
    {"cisu", "C02.18", "illness", false},
    {"cisu", "C04", "building_fire", true},
    {"cisu", "C04.01", "vehicle_fire", false},
    {"cisu", "C04.02", "building_fire", false},
    {"cisu", "C04.05", "brush_fire", false},
    {"cisu", "C04.07", "building_fire", true},
    {"cisu", "C04.10", "building_fire", false},
    {"cisu", "C04.11", "building_fire", true},
    {"cisu", "C09.03", "gas_leak", false},
    {"cisu", "C11.01.01", "building_fire", false},
    // EMSI ETYPE/CATEGORY (ISO/TR 22351); MED, PER, CBRN and NAT are the older spellings some senders keep.
    {"emsi", "FIR", "building_fire", true},
    {"emsi", "DIS/FIRE", "brush_fire", false},
    {"emsi", "DIS/FLOOD", "flood", false},
    {"emsi", "DIS/TSNAMI", "flood", false},
    {"emsi", "DIS/ERTHQK", "earthquake", false},
    {"emsi", "DIS/STORM", "weather", false},
    {"emsi", "DIS/SNOW", "weather", false},
    {"emsi", "DIS/LNDSLD", "infrastructure", false},
    {"emsi", "DIS/STCLPS", "infrastructure", false},
    {"emsi", "DIS/PWROUT", "infrastructure", false},
    {"emsi", "DIS/CBRN", "hazmat", false},
    {"emsi", "DIS/INDHAZ", "hazmat", false},
    {"emsi", "DIS/RADCNT", "hazmat", false},
    {"emsi", "DIS/TRSPRT", "traffic_accident", false},
    {"emsi", "ASR/WAT", "water_rescue", false},
    {"emsi", "ASR/MAR", "water_rescue", false},
    {"emsi", "ASR/ICE", "water_rescue", false},
    {"emsi", "ASR", "injury", true},
    {"emsi", "EXP/GAS", "gas_leak", false},
    {"emsi", "EXP/LPG", "gas_leak", false},
    {"emsi", "EXP", "hazmat", true},
    {"emsi", "POL", "hazmat", true},
    {"emsi", "TRP", "traffic_accident", false},
    {"emsi", "MED", "illness", true},
    {"emsi", "PER", "injury", true},
    {"emsi", "CBRN", "hazmat", false},
    {"emsi", "NAT/WEA", "weather", true},
    {"emsi", "NAT", "weather", true},
    // US EAS event codes (CAP eventCode SAME), the few that are not plain weather.
    {"same", "FFW", "flood", false},
    {"same", "FLW", "flood", false},
    {"same", "FRW", "brush_fire", false},
    {"same", "EQW", "earthquake", false},
    {"same", "HMW", "hazmat", false},
    {"same", "TSW", "flood", false},
}};

// MeteoAlarm awareness types (Météo-France vigilance in CAP): 12 flooding, 13 rain-flood; the others weather.
std::optional<CodeMatch> awareness(const QString &value)
{
    const QString number = value.section(u';', 0, 0).trimmed();
    bool ok = false;
    const int n = number.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return CodeMatch{QStringLiteral("meteoalarm"), number, (n == 12 || n == 13) ? "flood" : "weather", false};
}

std::optional<CodeMatch> lookup(const char *scheme, const QString &code)
{
    const QString c = code.trimmed().toUpper();
    const CodeRule *found = nullptr;
    for (const CodeRule &r : codeTable) {
        if (qstrcmp(r.scheme, scheme) != 0)
            continue;
        const QLatin1String p(r.prefix);
        // A prefix ends at a separator: "C02.05" is not a prefix of "C02.050".
        if (!c.startsWith(p) || (c.size() > p.size() && c[p.size()] != u'.' && c[p.size()] != u'/'))
            continue;
        if (!found || qstrlen(r.prefix) > qstrlen(found->prefix))
            found = &r;
    }
    if (!found)
        return std::nullopt;
    return CodeMatch{QLatin1String(found->scheme), QLatin1String(found->prefix), found->type,
                     found->familyOnly};
}

struct NamedPrior
{
    const char *needle; // lower case, found anywhere in the name
    Prior prior;
};

} // namespace

std::optional<CodeMatch> codeRule(const QString &format, const QString &code)
{
    static const QRegularExpression cisu(QStringLiteral("^\\s*C\\d\\d(\\.\\d\\d){0,2}\\s*$"));
    const qsizetype eq = code.indexOf(u'=');
    const QString name = eq < 0 ? QString() : code.left(eq).trimmed().toLower();
    const QString value = eq < 0 ? code : code.mid(eq + 1);
    if (name.contains(u"awareness_type"))
        return awareness(value);
    if (name == u"same")
        return lookup("same", value);
    if (name.contains(u"cisu") || name.contains(u"nexsis") || cisu.match(value).hasMatch())
        return lookup("cisu", value);
    if (format == u"emsi" && name.isEmpty())
        return lookup("emsi", value);
    return std::nullopt;
}

std::optional<Prior> categoryPrior(const QString &category)
{
    static constexpr std::array<std::pair<const char *, const char *>, 10> categories{{
        {"fire", "building_fire"},
        {"health", "illness"},
        {"rescue", "injury"},
        {"met", "weather"},
        {"geo", "earthquake"},
        {"cbrne", "hazmat"},
        {"env", "hazmat"},
        {"transport", "traffic_accident"},
        {"security", "security"},
        {"infra", "infrastructure"},
    }};
    const QString c = category.trimmed().toLower();
    for (const auto &[name, type] : categories)
        if (c == QLatin1String(name))
            return Prior{type, name};
    return std::nullopt;
}

std::optional<Prior> senderPrior(const QString &sender)
{
    // Fire brigades and transport operators send every kind of incident: they tell nothing by themselves.
    static constexpr std::array<NamedPrior, 12> senders{{
        {"vigicrues", {"flood", "vigicrues"}},
        {"schapi", {"flood", "vigicrues"}},
        {"meteo", {"weather", "meteo"}},
        {"weather", {"weather", "meteo"}},
        {"nws", {"weather", "meteo"}},
        {"dwd", {"weather", "meteo"}},
        {"samu", {"illness", "samu"}},
        {"health", {"illness", "samu"}},
        {"sante", {"illness", "samu"}},
        {"police", {"security", "police"}},
        {"gendarmerie", {"security", "police"}},
        {"commissariat", {"security", "police"}},
    }};
    const QString s = sender.toLower();
    for (const auto &[needle, prior] : senders)
        if (s.contains(QLatin1String(needle)))
            return prior;
    return std::nullopt;
}

} // namespace vigie::feeds
