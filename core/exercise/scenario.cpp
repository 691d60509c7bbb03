#include "exercise/scenario.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace vigie::exercise {

bool ActionMatch::matches(const Entry &entry) const
{
    if (!kinds.isEmpty() && !kinds.contains(entry.kind))
        return false;
    if (!agency.isEmpty() && entry.agency != agency)
        return false;
    if (!author.isEmpty() && !entry.author.contains(author, Qt::CaseInsensitive))
        return false;
    if (!unit.isEmpty() && entry.data.value(QLatin1String("unit")).toString() != unit)
        return false;
    if (!incident.isEmpty() && entry.data.value(QLatin1String("incident")).toString() != incident)
        return false;
    if (!text.isEmpty()) {
        const QString json = QString::fromUtf8(QJsonDocument(entry.data).toJson(QJsonDocument::Compact));
        if (!json.contains(text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

const Inject *Scenario::inject(const QString &id) const
{
    for (const Inject &i : injects)
        if (i.id == id)
            return &i;
    return nullptr;
}

std::pair<const Inject *, const ExpectedAction *> Scenario::action(const QString &id) const
{
    for (const Inject &i : injects)
        for (const ExpectedAction &a : i.expect)
            if (a.id == id)
                return {&i, &a};
    return {nullptr, nullptr};
}

QString ScenarioProblem::toString() const
{
    QString where = file;
    if (line > 0)
        where += u':' + QString::number(line);
    return field.isEmpty() ? QStringLiteral("%1: %2").arg(where, message)
                           : QStringLiteral("%1: %2: %3").arg(where, field, message);
}

Result<Scenario> loadScenario(const QString &path)
{
    ScenarioCheck check = checkScenarioFile(path);
    if (!check.problems.empty()) {
        QStringList lines;
        for (const ScenarioProblem &p : check.problems)
            lines << p.toString();
        return Error{lines.join(u'\n')};
    }
    return std::move(*check.scenario);
}

Result<Scenario> loadScenario(const QByteArray &bytes, const QString &name)
{
    ScenarioCheck check = checkScenario(bytes, name);
    if (!check.problems.empty()) {
        QStringList lines;
        for (const ScenarioProblem &p : check.problems)
            lines << p.toString();
        return Error{lines.join(u'\n')};
    }
    return std::move(*check.scenario);
}

QString formatT(qint64 ms)
{
    const QChar sign = ms < 0 ? u'-' : u'+';
    const qint64 s = (ms < 0 ? -ms : ms) / 1000;
    return QStringLiteral("T%1%2:%3:%4")
        .arg(sign)
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,4}):([0-5]\\d):([0-5]\\d)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 +
            m.captured(3).toLongLong()) *
           1000;
}

std::optional<qint64> parseT(const QString &text)
{
    const QString t = text.trimmed();
    if (!t.startsWith(QLatin1String("T+")))
        return std::nullopt;
    return parseDuration(t.mid(2));
}

QString isoWithOffset(Timestamp t, int offsetSecs)
{
    return QDateTime::fromMSecsSinceEpoch(t.msecs, Qt::OffsetFromUTC, offsetSecs).toString(Qt::ISODate);
}

QString expandTimes(const QString &content, Timestamp at, int offsetSecs)
{
    static const QRegularExpression re(QStringLiteral("\\$\\{T(?:([+-])(\\d{1,4}:[0-5]\\d:[0-5]\\d))?\\}"));
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(content);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(content).mid(last, m.capturedStart() - last);
        qint64 shift = 0;
        if (m.hasCaptured(1))
            shift = *parseDuration(m.captured(2)) * (m.captured(1) == u'-' ? -1 : 1);
        out += isoWithOffset(Timestamp{at.msecs + shift}, offsetSecs);
        last = m.capturedEnd();
    }
    out += QStringView(content).mid(last);
    return out;
}

} // namespace vigie::exercise
