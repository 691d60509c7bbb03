// The scenario loader: a good file loads whole; a file full of mistakes gives every one, each with its line
// and field; content marked Actual is refused; ${T} placeholders.
#include "exercise/scenario.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::exercise;

namespace {

QString dataPath(const char *name)
{
    return QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/exercise/") + QLatin1String(name);
}

/// The 1-based line of the first line of `name` holding `text`.
int lineOf(const char *name, const char *text)
{
    QFile f(dataPath(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines[i].contains(text))
            return int(i) + 1;
    ADD_FAILURE() << "no line with " << text;
    return -1;
}

const char *minimal = R"(format: vigie-scenario
version: 1
id: mini
title: "Mini"
start: 2026-10-25T20:30:00+01:00
duration: "00:10:00"
injects:
  - id: I1
    at: "T+00:01:00"
    from: "PC"
    to: samu
    channel: phone
    format: text
    content: "Bonjour"
)";

} // namespace

TEST(Scenario, SmallScenarioLoadsWhole)
{
    auto s = loadScenario(dataPath("small.yaml"));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s->id, QStringLiteral("test-small"));
    EXPECT_EQ(s->durationMs, 3600000);
    EXPECT_EQ(s->startOffsetSecs, 3600);
    EXPECT_EQ(s->start.toIso(), QStringLiteral("2026-10-25T19:30:00.000Z"));
    EXPECT_EQ(s->injects.size(), 12u);
    EXPECT_EQ(s->initialFleet, QStringLiteral("marseille"));
    ASSERT_EQ(s->initialEntries.size(), 1u);
    EXPECT_EQ(s->initialEntries[0].kind, QStringLiteral("zone.draw"));
    EXPECT_EQ(s->responses.size(), 5u);
    const Inject *i1 = s->inject(QStringLiteral("I001"));
    ASSERT_TRUE(i1);
    EXPECT_EQ(*i1->atMs, 120000);
    ASSERT_TRUE(i1->position);
    EXPECT_DOUBLE_EQ(i1->position->lat, 43.2699);
    ASSERT_EQ(i1->expect.size(), 1u);
    EXPECT_EQ(i1->expect[0].withinMs, 600000);
    EXPECT_EQ(i1->expect[0].contingency, QStringLiteral("I001C"));
    EXPECT_EQ(i1->expect[0].match.kinds, QStringList{QStringLiteral("incident.open")});
    EXPECT_TRUE(s->inject(QStringLiteral("I001C"))->contingency);
    EXPECT_FALSE(s->inject(QStringLiteral("I001C"))->atMs);
    const auto [inject, action] = s->action(QStringLiteral("A005"));
    ASSERT_TRUE(action);
    EXPECT_EQ(inject->id, QStringLiteral("I006"));
    EXPECT_EQ(action->match.kinds, (QStringList{QStringLiteral("note"), QStringLiteral("decision")}));
    // A document whose XML is broken loads: it goes to the quarantine when it is played.
    EXPECT_TRUE(s->inject(QStringLiteral("I004"))->content.contains(u"EX-BROKEN"));
}

TEST(Scenario, EveryErrorNamesItsLineAndField)
{
    const ScenarioCheck check = checkScenarioFile(dataPath("many_errors.yaml"));
    EXPECT_FALSE(check.scenario);
    const char *f = "many_errors.yaml";
    struct Expected
    {
        int line;
        const char *field;
        const char *words;
    };
    const Expected expected[] = {
        {lineOf(f, "version: 2"), "version", "version 2"},
        {lineOf(f, "id: Bad_Id"), "id", "minuscules"},
        {lineOf(f, "start: 2026"), "start", "décalage"},
        {lineOf(f, "colour: blue"), "colour", "champ inconnu"},
        {lineOf(f, "T+5:00"), "I001.at", "T+hh:mm:ss"},
        {lineOf(f, "pigeon"), "I001.channel", "pas un canal"},
        {lineOf(f, "position: [43"), "I001.position", "hors limites"},
        {lineOf(f, "incident.opne"), "I001.expect.A001.match.kind", "incident.opne"},
        {lineOf(f, "incident.opne"), "I001.expect.A001.match.agency", "pompiers"},
        {lineOf(f, "contingency: I404"), "I001.expect.A001.contingency", "aucun inject"},
        {lineOf(f, "T+01:00:00"), ".at", "après la fin"},
        {lineOf(f, "<status>Actual"), "I002.content", "Actual"},
        {lineOf(f, "id: I003C"), "I003C.contingency", "rien ne déclenche"},
        {lineOf(f, "id: I004"), "I004.at", "obligatoire"},
    };
    std::vector<QString> texts;
    for (const ScenarioProblem &p : check.problems)
        texts.push_back(p.toString());
    for (const Expected &e : expected) {
        const bool found =
            std::any_of(check.problems.begin(), check.problems.end(), [&](const ScenarioProblem &p) {
                return p.line == e.line && p.field.contains(QLatin1String(e.field)) &&
                       p.message.contains(QString::fromUtf8(e.words));
            });
        EXPECT_TRUE(found) << "line " << e.line << " " << e.field << " " << e.words;
    }
    // The duplicate id says where the first one is.
    const int first = lineOf(f, "id: I001");
    EXPECT_TRUE(std::any_of(check.problems.begin(), check.problems.end(), [&](const ScenarioProblem &p) {
        return p.line > first && p.message.contains(QStringLiteral("déjà utilisé ligne %1").arg(first));
    }));
    for (const QString &t : texts)
        EXPECT_TRUE(t.startsWith(dataPath("many_errors.yaml") + u':')) << t.toStdString();
    EXPECT_GE(check.problems.size(), std::size(expected));
}

TEST(Scenario, BadYamlSaysWhere)
{
    const ScenarioCheck check =
        checkScenario("format: vigie-scenario\ninjects: [\n  - a: b\n", QStringLiteral("x.yaml"));
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_GT(check.problems[0].line, 0);
    EXPECT_TRUE(check.problems[0].message.contains(u"YAML")) << check.problems[0].toString().toStdString();
}

TEST(Scenario, NotAMapAndMissingFields)
{
    EXPECT_FALSE(checkScenario("- a\n- b\n", QStringLiteral("x.yaml")).problems.empty());
    const ScenarioCheck check = checkScenario("format: vigie-scenario\n", QStringLiteral("x.yaml"));
    QStringList fields;
    for (const ScenarioProblem &p : check.problems)
        fields << p.field;
    for (const char *field : {"version", "id", "title", "start", "duration", "injects"})
        EXPECT_TRUE(fields.contains(QLatin1String(field))) << field << " " << fields.join(u' ').toStdString();
}

TEST(Scenario, ActualTrafficIsRefusedInEveryFormat)
{
    auto withContent = [](const char *format, const char *content) {
        QByteArray y =
            QByteArray(minimal).replace("format: text", QByteArray(QByteArray("format: ") + format));
        y.replace("content: \"Bonjour\"", QByteArray(QByteArray("content: '") + content + "'"));
        return checkScenario(y, QStringLiteral("x.yaml"));
    };
    EXPECT_TRUE(withContent("cap", "<alert><status>Exercise</status></alert>").problems.empty());
    EXPECT_TRUE(withContent("cap", "<alert><status>Test</status></alert>").problems.empty());
    EXPECT_FALSE(withContent("cap", "<alert><status>Actual</status></alert>").problems.empty());
    EXPECT_FALSE(withContent("cap", "<alert><cap:status>Actual</cap:status></alert>").problems.empty());
    EXPECT_FALSE(
        withContent("cap", "<alert><identifier>x</identifier></alert>").problems.empty()); // unmarked
    EXPECT_TRUE(withContent("emsi", "{\"emsi\":{\"CONTEXT\":{\"MODE\":\"EXERCS\"}}}").problems.empty());
    EXPECT_FALSE(withContent("emsi", "{\"emsi\":{\"CONTEXT\":{\"MODE\":\"ACTUAL\"}}}").problems.empty());
    EXPECT_FALSE(withContent("edxl-have", "<EDXLDistribution><distributionStatus>Actual</distributionStatus>")
                     .problems.empty());
    EXPECT_FALSE(withContent("hubsante", "{\"message\":{\"status\":\"ACTUAL\"}}").problems.empty());
    // A resource state named "status" is not a mode.
    EXPECT_TRUE(
        withContent("hubsante", "{\"message\":{\"status\":\"EXERCISE\",\"s\":{\"status\":\"DISPONIBLE\"}}}")
            .problems.empty());
    EXPECT_FALSE(withContent("geojson", "{\"properties\":{\"status\":\"Actual\"}}").problems.empty());
}

TEST(Scenario, TimesAndPlaceholders)
{
    EXPECT_EQ(parseT(QStringLiteral("T+01:02:03")), 3723000);
    EXPECT_EQ(parseT(QStringLiteral("T+1:02:03")), 3723000);
    EXPECT_FALSE(parseT(QStringLiteral("T+00:61:00")));
    EXPECT_FALSE(parseT(QStringLiteral("T-00:01:00")));
    EXPECT_FALSE(parseT(QStringLiteral("00:01:00")));
    EXPECT_EQ(formatT(3723000), QStringLiteral("T+01:02:03"));
    const Timestamp at = *Timestamp::parseIso(QStringLiteral("2026-10-25T20:35:00+01:00"));
    EXPECT_EQ(
        expandTimes(QStringLiteral("<sent>${T}</sent><expires>${T+00:30:00}</expires>${T-01:00:00}"), at,
                    3600),
        QStringLiteral("<sent>2026-10-25T20:35:00+01:00</sent><expires>2026-10-25T21:05:00+01:00</expires>"
                       "2026-10-25T19:35:00+01:00"));
    EXPECT_EQ(expandTimes(QStringLiteral("${X} $T ${T+1}"), at, 3600), QStringLiteral("${X} $T ${T+1}"));
}

TEST(Scenario, MatchRule)
{
    ActionMatch m;
    m.kinds = {QStringLiteral("note"), QStringLiteral("decision")};
    m.agency = QStringLiteral("officials");
    m.text = QStringLiteral("PRESSE");
    Entry e;
    e.kind = QStringLiteral("note");
    e.agency = QStringLiteral("officials");
    e.author = QStringLiteral("PCC");
    e.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Communiqué de presse")}};
    EXPECT_TRUE(m.matches(e));
    e.agency = QStringLiteral("police");
    EXPECT_FALSE(m.matches(e));
    e.agency = QStringLiteral("officials");
    e.kind = QStringLiteral("incident.open");
    EXPECT_FALSE(m.matches(e));
    ActionMatch unit;
    unit.unit = QStringLiteral("CCF-LUMI-1");
    unit.author = QStringLiteral("codis");
    Entry s;
    s.kind = QStringLiteral("unit.status");
    s.author = QStringLiteral("CTA-CODIS 13");
    s.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("CCF-LUMI-1")}};
    EXPECT_TRUE(unit.matches(s));
    s.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("CCF-LUMI-2")}};
    EXPECT_FALSE(unit.matches(s));
}

TEST(Scenario, UnknownFileIsAProblemNotACrash)
{
    const ScenarioCheck check = checkScenarioFile(QStringLiteral("/nonexistent/x.yaml"));
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_TRUE(check.problems[0].toString().startsWith(u"/nonexistent/x.yaml: "));
}

// A scenario saved in another encoding is refused at its first bad line rather than loaded with its accents
// garbled; a truncated file is refused with the line where the YAML stops making sense.
TEST(Scenario, AnotherEncodingOrATruncatedFileIsRefusedWithItsLine)
{
    const ScenarioCheck latin1 =
        checkScenario(QByteArray("format: vigie-scenario\nversion: 1\nid: x\ntitle: \"caf\xe9\"\n"),
                      QStringLiteral("latin1.yaml"));
    EXPECT_FALSE(latin1.scenario);
    ASSERT_EQ(latin1.problems.size(), 1u);
    EXPECT_EQ(latin1.problems[0].line, 4);
    EXPECT_TRUE(latin1.problems[0].message.contains(u"UTF-8")) << latin1.problems[0].toString().toStdString();

    QFile file(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/exercise/small.yaml"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    const ScenarioCheck cut = checkScenario(whole.left(whole.size() / 2), QStringLiteral("cut.yaml"));
    EXPECT_FALSE(cut.scenario);
    ASSERT_FALSE(cut.problems.empty());
    EXPECT_GT(cut.problems[0].line, 0);
}
