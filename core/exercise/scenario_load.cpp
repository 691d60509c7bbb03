// Reading and checking a scenario file (scenario.h). yaml-cpp gives every node's line; every problem found is
// collected (a trainer fixes a file in one go, not one error per run), in French, as `file:line: field: …`.
#include "exercise/scenario.h"

#include "log/entry_kinds.h"
#include "model/agency.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

namespace vigie::exercise {

namespace {

const QStringList channels{QStringLiteral("phone"), QStringLiteral("radio"),    QStringLiteral("mail"),
                           QStringLiteral("cap"),   QStringLiteral("emsi"),     QStringLiteral("edxl-have"),
                           QStringLiteral("nmea"),  QStringLiteral("hubsante"), QStringLiteral("geojson")};
const QStringList formats{QStringLiteral("text"),      QStringLiteral("cap"),  QStringLiteral("emsi"),
                          QStringLiteral("edxl-have"), QStringLiteral("nmea"), QStringLiteral("hubsante"),
                          QStringLiteral("geojson")};
/// The kinds a trainee's action can be (docs/entries.md); exercise.*, conflict and log.truncated are
/// written by the room or the player, never by a trainee.
const QStringList actionKinds{QStringLiteral("note"),
                              QStringLiteral("unit.status"),
                              QStringLiteral("unit.position"),
                              QStringLiteral("incident.open"),
                              QStringLiteral("incident.update"),
                              QStringLiteral("incident.close"),
                              QStringLiteral("zone.draw"),
                              QStringLiteral("decision"),
                              QStringLiteral("hospital.status"),
                              QStringLiteral("fusion.merge"),
                              QStringLiteral("fusion.join"),
                              QStringLiteral("fusion.split"),
                              QStringLiteral("fusion.undo"),
                              QStringLiteral("feed.control"),
                              QStringLiteral("suggestion"),
                              QStringLiteral("suggestion.accept"),
                              QStringLiteral("suggestion.reject"),
                              QStringLiteral("event.plan"),
                              QStringLiteral("event.cancel")};

QString qs(const YAML::Node &n)
{
    return QString::fromStdString(n.Scalar());
}

QString list(const QStringList &words)
{
    return words.join(QStringLiteral(", "));
}

class Checker
{
public:
    Checker(QString file, const QByteArray &bytes) : m_file(std::move(file)), m_lines(bytes.split('\n')) {}
    /// The source text of a 1-based line.
    [[nodiscard]] QString sourceLine(int line) const
    {
        return line >= 1 && line <= m_lines.size() ? QString::fromUtf8(m_lines[line - 1]) : QString();
    }

    std::vector<ScenarioProblem> problems;

    void problem(int line, const QString &field, const QString &message)
    {
        problems.push_back({m_file, line, field, message});
    }
    void problem(const YAML::Node &n, const QString &field, const QString &message)
    {
        problem(lineOf(n), field, message);
    }
    [[nodiscard]] static int lineOf(const YAML::Node &n)
    {
        return n.IsDefined() && !n.Mark().is_null() ? n.Mark().line + 1 : 0;
    }

    /// Refuses keys outside `allowed` and repeated keys; returns false when `n` is not a map at all.
    bool map(const YAML::Node &n, const QString &field, const QStringList &allowed)
    {
        if (!n.IsMap()) {
            problem(n, field, QStringLiteral("attendu : une table de clés (%1)").arg(list(allowed)));
            return false;
        }
        std::set<QString> seen;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const QString key = it->first.IsScalar() ? qs(it->first) : QString();
            const QString where = field.isEmpty() ? key : QString(field + u'.' + key);
            if (!allowed.contains(key))
                problem(it->first, where,
                        QStringLiteral("champ inconnu (champs possibles : %1)").arg(list(allowed)));
            else if (!seen.insert(key).second)
                problem(it->first, where, QStringLiteral("champ donné deux fois"));
        }
        return true;
    }

    /// A required (or optional) non-empty text scalar.
    std::optional<QString> text(const YAML::Node &parent, const char *key, const QString &field,
                                bool required = true)
    {
        const YAML::Node n = parent[key];
        const QString where =
            field.isEmpty() ? QString::fromLatin1(key) : QString(field + u'.' + QLatin1String(key));
        if (!n.IsDefined() || n.IsNull()) {
            if (required)
                problem(parent, where, QStringLiteral("champ obligatoire absent"));
            return std::nullopt;
        }
        if (!n.IsScalar() || qs(n).trimmed().isEmpty()) {
            problem(n, where, QStringLiteral("attendu : un texte non vide"));
            return std::nullopt;
        }
        return qs(n);
    }

    std::optional<qint64> tValue(const YAML::Node &n, const QString &field)
    {
        auto t = n.IsScalar() ? parseT(qs(n)) : std::nullopt;
        if (!t)
            problem(n, field,
                    QStringLiteral("« %1 » n'est pas un temps d'exercice de la forme T+hh:mm:ss")
                        .arg(n.IsScalar() ? qs(n).left(40) : QString()));
        return t;
    }

    std::optional<qint64> duration(const YAML::Node &n, const QString &field)
    {
        auto d = n.IsScalar() ? parseDuration(qs(n)) : std::nullopt;
        if (!d)
            problem(n, field,
                    QStringLiteral("« %1 » n'est pas une durée hh:mm:ss")
                        .arg(n.IsScalar() ? qs(n).left(40) : QString()));
        return d;
    }

    /// A YAML value as JSON: quoted scalars stay text, plain ones are read as YAML 1.2's core schema does.
    QJsonValue json(const YAML::Node &n)
    {
        if (n.IsMap()) {
            QJsonObject o;
            for (auto it = n.begin(); it != n.end(); ++it)
                o.insert(qs(it->first), json(it->second));
            return o;
        }
        if (n.IsSequence()) {
            QJsonArray a;
            for (const YAML::Node &item : n)
                a.append(json(item));
            return a;
        }
        if (!n.IsScalar() || n.IsNull())
            return QJsonValue::Null;
        const QString s = qs(n);
        if (n.Tag() == "!")
            return s;
        static const QRegularExpression number(
            QStringLiteral("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$"));
        if (s == u"true" || s == u"false")
            return s == u"true";
        if (s == u"null" || s == u"~")
            return QJsonValue::Null;
        if (number.match(s).hasMatch())
            return s.toDouble();
        return s;
    }

    /// An entry draft written as a line of `vigie-cli append`, without its time (set when it is played).
    std::optional<Entry> draft(const YAML::Node &n, const QString &field, Timestamp placeholderTime)
    {
        if (n.IsMap() && n["time"].IsDefined()) {
            problem(
                n["time"], field + QStringLiteral(".time"),
                QStringLiteral("une entrée du scénario prend l'heure d'exercice à laquelle elle est jouée ; "
                               "retirer ce champ"));
            return std::nullopt;
        }
        if (!map(n, field,
                 {QStringLiteral("kind"), QStringLiteral("author"), QStringLiteral("role"),
                  QStringLiteral("agency"), QStringLiteral("geo"), QStringLiteral("data")}))
            return std::nullopt;
        QJsonObject o = json(n).toObject();
        o.insert(QStringLiteral("time"), placeholderTime.toIso());
        auto d = draftFromJson(QJsonDocument(o).toJson(QJsonDocument::Compact));
        if (!d) {
            problem(n, field, QStringLiteral("entrée refusée par la salle : %1").arg(d.error().message));
            return std::nullopt;
        }
        if (d->kind.startsWith(QLatin1String("exercise."))) {
            problem(n["kind"], field + QStringLiteral(".kind"),
                    QStringLiteral("les entrées exercise.* sont écrites par le lecteur du scénario, pas par "
                                   "le scénario"));
            return std::nullopt;
        }
        return std::move(*d);
    }

private:
    QString m_file;
    QList<QByteArray> m_lines;
};

/// The exercise-status fields of a document: CAP <status>, EDXL <distributionStatus>, EMSI <MODE>, and the
/// same keys in JSON (Hub Santé "status", EMSI "MODE"). Read by pattern, not by parsing: a document that
/// does not parse must still load (it goes to the quarantine when played), and must still not be Actual.
struct StatusMark
{
    QString value;
    qsizetype offset = 0;
};

std::vector<StatusMark> statusMarks(const QString &content)
{
    static const QRegularExpression xml(
        QStringLiteral("<(?:[A-Za-z_][\\w.-]*:)?(status|distributionStatus|MODE)>\\s*([^<\\s]*)\\s*</"));
    static const QRegularExpression json(
        QStringLiteral("\"(status|distributionStatus|MODE)\"\\s*:\\s*\"([^\"]*)\""));
    std::vector<StatusMark> marks;
    for (const QRegularExpression *re : {&xml, &json}) {
        auto it = re->globalMatch(content);
        while (it.hasNext()) {
            const auto m = it.next();
            marks.push_back({m.captured(2), m.capturedStart()});
        }
    }
    return marks;
}

bool isExerciseStatus(const QString &s)
{
    const QString v = s.toLower();
    return v == u"exercise" || v == u"exercs" || v == u"test";
}

bool isStatusValue(const QString &s)
{
    const QString v = s.toLower();
    return isExerciseStatus(v) || v == u"actual" || v == u"system" || v == u"draft";
}

/// What a document of each format must carry to say it is exercise traffic.
QString statusFieldOf(const QString &format)
{
    if (format == u"cap")
        return QStringLiteral("<status>");
    if (format == u"emsi")
        return QStringLiteral("CONTEXT/MODE");
    if (format == u"edxl-have")
        return QStringLiteral("<distributionStatus>");
    if (format == u"hubsante")
        return QStringLiteral("message.status");
    return {};
}

void checkContentStatus(Checker &c, const YAML::Node &node, const QString &field, const QString &format,
                        const QString &content)
{
    // A block scalar's mark is its indicator (`|`), its text starts on the next line; a quoted or plain
    // scalar starts on the mark's line.
    int base = Checker::lineOf(node);
    const QString first = content.section(u'\n', 0, 0).trimmed();
    if (!first.isEmpty() && !c.sourceLine(base).contains(first))
        ++base;
    bool exercise = false, actual = false;
    for (const StatusMark &m : statusMarks(content)) {
        // Hub Santé's resource states share the key "status" (DISPONIBLE, …): only mode words count.
        if (!isStatusValue(m.value))
            continue;
        const int line = base + int(content.left(m.offset).count(u'\n'));
        if (isExerciseStatus(m.value)) {
            exercise = true;
            continue;
        }
        actual = true;
        c.problem(line, field,
                  QStringLiteral("le document est marqué « %1 » : un scénario ne porte que du trafic "
                                 "d'exercice (Exercise ou Test), jamais réel (Actual)")
                      .arg(m.value.left(20)));
    }
    const QString required = statusFieldOf(format);
    if (!exercise && !actual && !required.isEmpty())
        c.problem(base, field,
                  QStringLiteral("le document %1 doit se dire trafic d'exercice : %2 Exercise (ou Test)")
                      .arg(format, required));
}

struct ActionRef
{
    QString contingency;
    int line = 0;
    QString field;
};

void readInject(Checker &c, const YAML::Node &n, int index, Scenario &s, std::map<QString, int> &injectIds,
                std::map<QString, int> &actionIds, std::vector<ActionRef> &refs)
{
    Inject inject;
    inject.line = Checker::lineOf(n);
    QString field = QStringLiteral("injects[%1]").arg(index + 1);
    if (!c.map(n, field,
               {QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("contingency"),
                QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("channel"),
                QStringLiteral("format"), QStringLiteral("position"), QStringLiteral("content"),
                QStringLiteral("expect")}))
        return;
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (auto id = c.text(n, "id", field)) {
        if (!idPattern.match(*id).hasMatch())
            c.problem(n["id"], field + QStringLiteral(".id"),
                      QStringLiteral("« %1 » : lettres, chiffres, - et _ seulement").arg(id->left(40)));
        const auto [it, fresh] = injectIds.emplace(*id, Checker::lineOf(n["id"]));
        if (!fresh)
            c.problem(n["id"], field + QStringLiteral(".id"),
                      QStringLiteral("identifiant « %1 » déjà utilisé ligne %2").arg(*id).arg(it->second));
        inject.id = *id;
        field = inject.id;
    }
    if (const YAML::Node cont = n["contingency"]; cont.IsDefined()) {
        if (!cont.IsScalar() || (qs(cont) != u"true" && qs(cont) != u"false"))
            c.problem(cont, field + QStringLiteral(".contingency"),
                      QStringLiteral("attendu : true ou false"));
        else
            inject.contingency = qs(cont) == u"true";
    }
    if (const YAML::Node at = n["at"]; at.IsDefined()) {
        if (inject.contingency)
            c.problem(at, field + QStringLiteral(".at"),
                      QStringLiteral("un inject de secours (contingency: true) n'a pas d'heure : il est joué "
                                     "quand une action attendue n'est pas faite à temps"));
        else if (auto t = c.tValue(at, field + QStringLiteral(".at"))) {
            inject.atMs = *t;
            if (s.durationMs > 0 && *t > s.durationMs)
                c.problem(at, field + QStringLiteral(".at"),
                          QStringLiteral("%1 est après la fin de l'exercice (duration %2)")
                              .arg(formatT(*t), formatT(s.durationMs).mid(2)));
        }
    } else if (!inject.contingency) {
        c.problem(
            n, field + QStringLiteral(".at"),
            QStringLiteral("champ obligatoire absent (sauf pour un inject de secours, contingency: true)"));
    }
    inject.from = c.text(n, "from", field).value_or(QString());
    inject.to = c.text(n, "to", field).value_or(QString());
    if (auto channel = c.text(n, "channel", field); channel && !channels.contains(*channel))
        c.problem(n["channel"], field + QStringLiteral(".channel"),
                  QStringLiteral("« %1 » n'est pas un canal (%2)").arg(channel->left(40), list(channels)));
    else if (channel)
        inject.channel = *channel;
    if (auto format = c.text(n, "format", field); format && !formats.contains(*format))
        c.problem(n["format"], field + QStringLiteral(".format"),
                  QStringLiteral("« %1 » n'est pas un format (%2)").arg(format->left(40), list(formats)));
    else if (format)
        inject.format = *format;
    if (const YAML::Node p = n["position"]; p.IsDefined()) {
        const QString where = field + QStringLiteral(".position");
        bool ok = p.IsSequence() && p.size() == 2;
        double lon = 0, lat = 0;
        if (ok) {
            bool a = false, b = false;
            lon = qs(p[0]).toDouble(&a);
            lat = qs(p[1]).toDouble(&b);
            ok = a && b;
        }
        if (!ok)
            c.problem(p, where, QStringLiteral("attendu : [longitude, latitude] en degrés décimaux"));
        else if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
            c.problem(
                p, where,
                QStringLiteral("[%1, %2] hors limites : longitude entre -180 et 180, latitude entre -90 "
                               "et 90 (l'ordre est [longitude, latitude])")
                    .arg(lon)
                    .arg(lat));
        else
            inject.position = GeoPoint{lon, lat};
    }
    if (const YAML::Node content = n["content"]; content.IsMap() || content.IsSequence())
        c.problem(
            content, field + QStringLiteral(".content"),
            QStringLiteral("attendu : un texte ; un document JSON ou XML s'écrit tel quel en bloc, sur les "
                           "lignes qui suivent « content: | »"));
    else if (auto content = c.text(n, "content", field)) {
        inject.content = *content;
        if (!inject.format.isEmpty())
            checkContentStatus(c, n["content"], field + QStringLiteral(".content"), inject.format, *content);
    }
    if (const YAML::Node expect = n["expect"]; expect.IsDefined()) {
        if (!expect.IsSequence())
            c.problem(expect, field + QStringLiteral(".expect"),
                      QStringLiteral("attendu : une liste d'actions"));
        for (std::size_t i = 0; expect.IsSequence() && i < expect.size(); ++i) {
            const YAML::Node a = expect[i];
            QString af = field + QStringLiteral(".expect[%1]").arg(i + 1);
            if (!c.map(a, af,
                       {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("match"),
                        QStringLiteral("within"), QStringLiteral("contingency")}))
                continue;
            ExpectedAction action;
            action.line = Checker::lineOf(a);
            if (auto id = c.text(a, "id", af)) {
                const auto [it, fresh] = actionIds.emplace(*id, Checker::lineOf(a["id"]));
                if (!fresh)
                    c.problem(
                        a["id"], af + QStringLiteral(".id"),
                        QStringLiteral("identifiant « %1 » déjà utilisé ligne %2").arg(*id).arg(it->second));
                action.id = *id;
                af = field + QStringLiteral(".expect.") + *id;
            }
            action.text = c.text(a, "text", af).value_or(QString());
            if (const YAML::Node w = a["within"]; !w.IsDefined())
                c.problem(a, af + QStringLiteral(".within"), QStringLiteral("champ obligatoire absent"));
            else if (auto d = c.duration(w, af + QStringLiteral(".within"))) {
                if (*d <= 0)
                    c.problem(w, af + QStringLiteral(".within"),
                              QStringLiteral("le délai doit être positif"));
                action.withinMs = *d;
            }
            if (auto cont = c.text(a, "contingency", af, false)) {
                action.contingency = *cont;
                refs.push_back(
                    {*cont, Checker::lineOf(a["contingency"]), af + QStringLiteral(".contingency")});
            }
            const YAML::Node m = a["match"];
            const QString mf = af + QStringLiteral(".match");
            if (!m.IsDefined()) {
                c.problem(a, mf,
                          QStringLiteral("champ obligatoire absent : l'entrée qui compte comme faite"));
            } else if (c.map(m, mf,
                             {QStringLiteral("kind"), QStringLiteral("agency"), QStringLiteral("author"),
                              QStringLiteral("text"), QStringLiteral("unit"), QStringLiteral("incident")})) {
                if (m.size() == 0)
                    c.problem(m, mf,
                              QStringLiteral("au moins une condition (kind, agency, author, text, unit, "
                                             "incident)"));
                if (const YAML::Node k = m["kind"]; k.IsDefined()) {
                    std::vector<YAML::Node> items;
                    if (k.IsSequence())
                        for (const YAML::Node &item : k)
                            items.push_back(item);
                    else
                        items.push_back(k);
                    for (const YAML::Node &item : items) {
                        if (!item.IsScalar() || !actionKinds.contains(qs(item)))
                            c.problem(
                                item, mf + QStringLiteral(".kind"),
                                QStringLiteral("« %1 » n'est pas un type d'entrée qu'un stagiaire écrit (%2)")
                                    .arg(item.IsScalar() ? qs(item).left(40) : QString(), list(actionKinds)));
                        else
                            action.match.kinds << qs(item);
                    }
                }
                if (auto agency = c.text(m, "agency", mf, false)) {
                    if (!agencyFromId(*agency))
                        c.problem(m["agency"], mf + QStringLiteral(".agency"),
                                  QStringLiteral("agence « %1 » inconnue (fire, samu, police ou officials)")
                                      .arg(agency->left(40)));
                    action.match.agency = *agency;
                }
                action.match.author = c.text(m, "author", mf, false).value_or(QString());
                action.match.text = c.text(m, "text", mf, false).value_or(QString());
                action.match.unit = c.text(m, "unit", mf, false).value_or(QString());
                action.match.incident = c.text(m, "incident", mf, false).value_or(QString());
            }
            inject.expect.push_back(std::move(action));
        }
    }
    s.injects.push_back(std::move(inject));
}

void readInitial(Checker &c, const YAML::Node &n, Scenario &s)
{
    if (!c.map(n, QStringLiteral("initial"), {QStringLiteral("fleet"), QStringLiteral("entries")}))
        return;
    if (auto fleet = c.text(n, "fleet", QStringLiteral("initial"), false)) {
        if (*fleet != u"marseille")
            c.problem(n["fleet"], QStringLiteral("initial.fleet"),
                      QStringLiteral("« %1 » : seule la flotte marseille (data/marseille/fleet.json) existe")
                          .arg(fleet->left(40)));
        else
            s.initialFleet = *fleet;
    }
    const YAML::Node entries = n["entries"];
    if (!entries.IsDefined())
        return;
    if (!entries.IsSequence()) {
        c.problem(entries, QStringLiteral("initial.entries"),
                  QStringLiteral("attendu : une liste d'entrées"));
        return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (auto d = c.draft(entries[i], QStringLiteral("initial.entries[%1]").arg(i + 1), s.start))
            s.initialEntries.push_back(std::move(*d));
}

void readResponses(Checker &c, const YAML::Node &n, Scenario &s)
{
    if (!n.IsSequence()) {
        c.problem(n, QStringLiteral("responses"), QStringLiteral("attendu : une liste de réponses"));
        return;
    }
    for (std::size_t i = 0; i < n.size(); ++i) {
        const QString field = QStringLiteral("responses[%1]").arg(i + 1);
        const YAML::Node r = n[i];
        if (!c.map(r, field, {QStringLiteral("at"), QStringLiteral("entry")}))
            continue;
        ScriptedResponse response;
        response.line = Checker::lineOf(r);
        std::optional<qint64> at;
        if (!r["at"].IsDefined())
            c.problem(r, field + QStringLiteral(".at"), QStringLiteral("champ obligatoire absent"));
        else if ((at = c.tValue(r["at"], field + QStringLiteral(".at"))) && s.durationMs > 0 &&
                 *at > s.durationMs)
            c.problem(r["at"], field + QStringLiteral(".at"),
                      QStringLiteral("%1 est après la fin de l'exercice (duration %2)")
                          .arg(formatT(*at), formatT(s.durationMs).mid(2)));
        if (!r["entry"].IsDefined()) {
            c.problem(r, field + QStringLiteral(".entry"), QStringLiteral("champ obligatoire absent"));
            continue;
        }
        auto d = c.draft(r["entry"], field + QStringLiteral(".entry"), s.start);
        if (!d || !at)
            continue;
        response.atMs = *at;
        response.draft = std::move(*d);
        s.responses.push_back(std::move(response));
    }
}

void readHeader(Checker &c, const YAML::Node &root, Scenario &s)
{
    if (auto format = c.text(root, "format", {}); format && *format != u"vigie-scenario")
        c.problem(root["format"], QStringLiteral("format"),
                  QStringLiteral("« %1 » : attendu vigie-scenario").arg(format->left(40)));
    if (auto version = c.text(root, "version", {}); version && *version != u"1")
        c.problem(root["version"], QStringLiteral("version"),
                  QStringLiteral("version %1 inconnue : cette version de Vigie lit la version 1")
                      .arg(version->left(10)));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9-]+$"));
    if (auto id = c.text(root, "id", {})) {
        if (!idPattern.match(*id).hasMatch())
            c.problem(root["id"], QStringLiteral("id"),
                      QStringLiteral("« %1 » : minuscules, chiffres et - seulement").arg(id->left(40)));
        s.id = *id;
    }
    s.title = c.text(root, "title", {}).value_or(QString());
    s.description = c.text(root, "description", {}, false).value_or(QString());
    if (auto start = c.text(root, "start", {})) {
        const auto t = Timestamp::parseIso(*start);
        if (!t)
            c.problem(
                root["start"], QStringLiteral("start"),
                QStringLiteral("« %1 » n'est pas une date ISO 8601 avec son décalage horaire (par exemple "
                               "2026-10-25T20:30:00+01:00)")
                    .arg(start->left(40)));
        else {
            s.start = *t;
            s.startOffsetSecs = QDateTime::fromString(start->trimmed(), Qt::ISODate).offsetFromUtc();
        }
    }
    if (root["duration"].IsDefined()) {
        if (auto d = c.duration(root["duration"], QStringLiteral("duration"))) {
            if (*d <= 0)
                c.problem(root["duration"], QStringLiteral("duration"),
                          QStringLiteral("la durée doit être positive"));
            s.durationMs = *d;
        }
    } else {
        c.problem(root, QStringLiteral("duration"), QStringLiteral("champ obligatoire absent"));
    }
    if (const YAML::Node objectives = root["objectives"]; objectives.IsDefined()) {
        std::map<QString, int> ids;
        if (!objectives.IsSequence())
            c.problem(objectives, QStringLiteral("objectives"),
                      QStringLiteral("attendu : une liste d'objectifs"));
        for (std::size_t i = 0; objectives.IsSequence() && i < objectives.size(); ++i) {
            const QString field = QStringLiteral("objectives[%1]").arg(i + 1);
            const YAML::Node o = objectives[i];
            if (!c.map(o, field, {QStringLiteral("id"), QStringLiteral("text")}))
                continue;
            Objective objective{c.text(o, "id", field).value_or(QString()),
                                c.text(o, "text", field).value_or(QString())};
            if (!objective.id.isEmpty()) {
                const auto [it, fresh] = ids.emplace(objective.id, Checker::lineOf(o["id"]));
                if (!fresh)
                    c.problem(o["id"], field + QStringLiteral(".id"),
                              QStringLiteral("identifiant « %1 » déjà utilisé ligne %2")
                                  .arg(objective.id)
                                  .arg(it->second));
            }
            s.objectives.push_back(std::move(objective));
        }
    }
}

} // namespace

ScenarioCheck checkScenario(const QByteArray &bytes, const QString &name)
{
    ScenarioCheck out;
    Checker c(name, bytes);
    // A scenario saved in Latin-1 or Windows-1252 would load with its accents garbled: refused, naming the
    // line.
    QStringDecoder utf8(QStringDecoder::Utf8);
    for (qsizetype start = 0, line = 1; start < bytes.size(); ++line) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QString decoded =
            utf8.decode(QByteArrayView(bytes).sliced(start, end - start + (end < bytes.size() ? 1 : 0)));
        if (utf8.hasError()) {
            c.problem(int(line), {},
                      QStringLiteral("le fichier n'est pas en UTF-8 (enregistrez-le en UTF-8)"));
            out.problems = std::move(c.problems);
            return out;
        }
        start = end + 1;
    }
    YAML::Node root;
    try {
        root = YAML::Load(bytes.toStdString());
    } catch (const YAML::Exception &e) {
        c.problem(e.mark.is_null() ? 0 : e.mark.line + 1, {},
                  QStringLiteral("YAML illisible : %1").arg(QString::fromStdString(e.msg)));
        out.problems = std::move(c.problems);
        return out;
    }
    try {
        if (!c.map(root, {},
                   {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("id"),
                    QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("start"),
                    QStringLiteral("duration"), QStringLiteral("objectives"), QStringLiteral("initial"),
                    QStringLiteral("injects"), QStringLiteral("responses")})) {
            out.problems = std::move(c.problems);
            return out;
        }
        Scenario s;
        s.source = name;
        readHeader(c, root, s);
        if (const YAML::Node initial = root["initial"]; initial.IsDefined())
            readInitial(c, initial, s);
        std::map<QString, int> injectIds, actionIds;
        std::vector<ActionRef> refs;
        const YAML::Node injects = root["injects"];
        if (!injects.IsDefined())
            c.problem(root, QStringLiteral("injects"), QStringLiteral("champ obligatoire absent"));
        else if (!injects.IsSequence())
            c.problem(injects, QStringLiteral("injects"), QStringLiteral("attendu : une liste d'injects"));
        else if (injects.size() == 0)
            c.problem(injects, QStringLiteral("injects"), QStringLiteral("aucun inject : rien à jouer"));
        for (std::size_t i = 0; injects.IsSequence() && i < injects.size(); ++i)
            readInject(c, injects[i], int(i), s, injectIds, actionIds, refs);
        // Contingencies: each named one exists and is a contingency; each contingency is named.
        std::set<QString> named;
        for (const ActionRef &ref : refs) {
            const Inject *target = s.inject(ref.contingency);
            if (!target && !injectIds.count(ref.contingency))
                c.problem(ref.line, ref.field,
                          QStringLiteral("« %1 » ne désigne aucun inject du scénario")
                              .arg(ref.contingency.left(40)));
            else if (target && !target->contingency)
                c.problem(
                    ref.line, ref.field,
                    QStringLiteral("« %1 » est un inject programmé, pas un inject de secours (contingency: "
                                   "true) : il serait joué deux fois")
                        .arg(ref.contingency));
            named.insert(ref.contingency);
        }
        for (const Inject &inject : s.injects)
            if (inject.contingency && !inject.id.isEmpty() && !named.count(inject.id))
                c.problem(
                    inject.line, inject.id + QStringLiteral(".contingency"),
                    QStringLiteral("inject de secours que rien ne déclenche : aucune action attendue ne le "
                                   "nomme dans expect.contingency"));
        if (const YAML::Node responses = root["responses"]; responses.IsDefined())
            readResponses(c, responses, s);
        if (c.problems.empty())
            out.scenario = std::move(s);
    } catch (const YAML::Exception &e) {
        // A node of an unexpected shape that a check above did not foresee: said, never a crash.
        c.problem(e.mark.is_null() ? 0 : e.mark.line + 1, {},
                  QStringLiteral("structure inattendue : %1").arg(QString::fromStdString(e.msg)));
    }
    std::stable_sort(c.problems.begin(), c.problems.end(),
                     [](const ScenarioProblem &a, const ScenarioProblem &b) { return a.line < b.line; });
    out.problems = std::move(c.problems);
    if (!out.problems.empty())
        out.scenario.reset();
    return out;
}

ScenarioCheck checkScenarioFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ScenarioCheck out;
        out.problems.push_back(
            {path, 0, {}, QStringLiteral("lecture impossible : %1").arg(file.errorString())});
        return out;
    }
    // A scenario is a few hundred lines; a file of megabytes is a mistake (a wrong file given).
    constexpr qint64 maxBytes = 8 * 1024 * 1024;
    if (file.size() > maxBytes) {
        ScenarioCheck out;
        out.problems.push_back({path,
                                0,
                                {},
                                QStringLiteral("fichier de %1 octets : un scénario en fait au plus %2")
                                    .arg(file.size())
                                    .arg(maxBytes)});
        return out;
    }
    return checkScenario(file.readAll(), path);
}

} // namespace vigie::exercise
