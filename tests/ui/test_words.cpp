// Every word of the console in its language: the console started as a user starts it writes every text its
// window and dialogs show (`vigie --texts`), and a French console must have no English word nor a raw
// identifier, an English console no French word nor accent. The checks are run on bad samples too, so that
// a check that can no longer fail is seen.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct Line
{
    QString where;
    QString text;
};

/// Words (whole, case ignored) that are English and never the French console's: Qt's untranslated buttons
/// and menus, and the domain's English names (the French console says "intervention", "moyen").
const QStringList englishWords{
    QStringLiteral("cancel"),    QStringLiteral("open"),      QStringLiteral("file"),
    QStringLiteral("save"),      QStringLiteral("close"),     QStringLiteral("error"),
    QStringLiteral("warning"),   QStringLiteral("unit"),      QStringLiteral("units"),
    QStringLiteral("incident"),  QStringLiteral("incidents"), QStringLiteral("help"),
    QStringLiteral("about"),     QStringLiteral("search"),    QStringLiteral("filter"),
    QStringLiteral("view"),      QStringLiteral("edit"),      QStringLiteral("settings"),
    QStringLiteral("quit"),      QStringLiteral("exit"),      QStringLiteral("apply"),
    QStringLiteral("reset"),     QStringLiteral("yes"),       QStringLiteral("the"),
    QStringLiteral("and"),       QStringLiteral("with"),      QStringLiteral("of"),
    QStringLiteral("to"),        QStringLiteral("look"),      QStringLiteral("name"),
    QStringLiteral("size"),      QStringLiteral("modified"),  QStringLiteral("back"),
    QStringLiteral("forward"),   QStringLiteral("status"),    QStringLiteral("feed"),
    QStringLiteral("feeds"),     QStringLiteral("layers"),    QStringLiteral("map"),
    QStringLiteral("log"),       QStringLiteral("decision"),  QStringLiteral("shortcut"),
    QStringLiteral("shortcuts"), QStringLiteral("keyboard"),  QStringLiteral("room"),
    QStringLiteral("rooms"),
};

/// French words that never belong in the English console: menus, docks, Qt's French buttons and the small
/// words any French sentence has.
const QStringList frenchWords{
    QStringLiteral("fichier"),       QStringLiteral("salle"),    QStringLiteral("moyens"),
    QStringLiteral("annuler"),       QStringLiteral("fermer"),   QStringLiteral("ouvrir"),
    QStringLiteral("enregistrer"),   QStringLiteral("aide"),     QStringLiteral("carte"),
    QStringLiteral("couches"),       QStringLiteral("flux"),     QStringLiteral("propositions"),
    QStringLiteral("interventions"), QStringLiteral("courante"), QStringLiteral("rechercher"),
    QStringLiteral("tous"),          QStringLiteral("toutes"),   QStringLiteral("les"),
    QStringLiteral("des"),           QStringLiteral("une"),      QStringLiteral("dans"),
    QStringLiteral("pour"),          QStringLiteral("avec"),     QStringLiteral("et"),
    QStringLiteral("est"),           QStringLiteral("sont"),     QStringLiteral("ne"),
    QStringLiteral("pas"),           QStringLiteral("nom"),      QStringLiteral("taille"),
    QStringLiteral("affichage"),     QStringLiteral("quitter"),  QStringLiteral("raccourcis"),
    QStringLiteral("propos"),        QStringLiteral("entrées"),
};

/// Raw identifiers that leaked into the French console: entry kinds (unit.status, incident.open), statuses
/// (en_route, on_scene). File names and commands (guide.md, vigie-cli) are allowed where they are meant.
const QRegularExpression rawIdentifier(
    QStringLiteral("\\b(?:unit|incident|zone|hospital|suggestion|fusion|feed|log|conflict)\\.[a-z_]+\\b|"
                   "\\b[a-z]+_[a-z_]+\\b"));

/// Codes that must never reach a row the console words (the log's, the incidents'), in any language: the
/// identifiers above, a feed's prefix on an id ("emsi:VSAV-LOUV-1", "cap:2.49…"), an EMSI organisation id
/// ("fr.fire.bmpm") and a recipient's code where its service's name belongs ("→ all :").
const QRegularExpression rawCode(QStringLiteral(
    "\\b(?:unit|incident|zone|hospital|suggestion|fusion|feed|log|conflict)\\.[a-z_]+\\b|"
    "\\b[a-z]+_[a-z_]+\\b|\\b(?:emsi|cap|hubsante|nmea|have|edxl|fusion):|\\bfr\\.(?:fire|health|police)\\b|"
    "→ (?:all|fire|samu|police|officials|municipal_police) ?:"));

/// Whether a line is a row of a table the console words: the room's data is in it too, in the language it
/// was written in, so only codes are looked for.
bool isRow(const Line &l)
{
    return l.where.endsWith(QStringLiteral("(row)"));
}

/// Raw codes in the rows, whatever the console's language.
QStringList rowProblems(const std::vector<Line> &lines)
{
    QStringList problems;
    for (const Line &l : lines)
        if (isRow(l))
            if (const auto m = rawCode.match(l.text); m.hasMatch())
                problems << QStringLiteral("raw code \"%1\" in %2: %3").arg(m.captured(), l.where, l.text);
    return problems;
}

/// Text to be typed as it is, in any language: commands ("vigie-cli log") and addresses ("postgresql://…").
QString withoutCommands(QString text)
{
    static const QRegularExpression typed(QStringLiteral("vigie(?:-cli)? [a-z-]+|\\S+://\\S+"));
    return text.remove(typed);
}

/// Widgets whose items are the room's data (incident titles, as their authors wrote them), not the console's.
const QStringList dataWidgets{QStringLiteral("NoteIncident (item)"),
                              QStringLiteral("ExerciseScenario (text)"),
                              QStringLiteral("ExerciseScenario (tooltip)")};

QStringList words(const QString &text)
{
    // Letters only (accents included), apostrophes split: "l'entrée" is "l" and "entrée".
    static const QRegularExpression split(QStringLiteral("[^\\p{L}]+"));
    return text.toLower().split(split, Qt::SkipEmptyParts);
}

/// What a reader must not see in the French console, one problem per line.
QStringList frenchProblems(const std::vector<Line> &lines)
{
    QStringList problems;
    for (const Line &l : lines) {
        if (isRow(l))
            continue; // rowProblems
        const QString text = withoutCommands(l.text);
        for (const QString &w : words(text))
            if (englishWords.contains(w))
                problems << QStringLiteral("English word \"%1\" in %2: %3").arg(w, l.where, l.text);
        if (const auto m = rawIdentifier.match(text); m.hasMatch())
            problems << QStringLiteral("raw identifier \"%1\" in %2: %3").arg(m.captured(), l.where, l.text);
    }
    return problems;
}

QStringList englishProblems(const std::vector<Line> &lines, const QStringList &data)
{
    static const QRegularExpression accent(QStringLiteral("[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ]"));
    QStringList problems;
    for (const Line &l : lines) {
        if (isRow(l) || std::any_of(dataWidgets.begin(), dataWidgets.end(),
                                    [&l](const QString &w) { return l.where.endsWith(w); }))
            continue;
        QString text = withoutCommands(l.text);
        for (const QString &d : data) // the room's own words (its name) are data, not the console's
            text.remove(d);
        for (const QString &w : words(text))
            if (frenchWords.contains(w))
                problems << QStringLiteral("French word \"%1\" in %2: %3").arg(w, l.where, l.text);
        if (const auto m = accent.match(text); m.hasMatch())
            problems << QStringLiteral("French accent \"%1\" in %2: %3").arg(m.captured(), l.where, l.text);
    }
    return problems;
}

std::vector<Line> consoleTexts(const QStringList &extra)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("texts.txt"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(VIGIE_GUI), QStringList{QStringLiteral("--texts"), out} + extra);
    EXPECT_TRUE(console.waitForFinished(120000));
    EXPECT_EQ(console.exitCode(), 0) << console.readAllStandardError().toStdString();
    QFile file(out);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << out.toStdString();
    std::vector<Line> lines;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const qsizetype tab = line.indexOf(u'\t');
        if (tab > 0)
            lines.push_back({line.left(tab), line.mid(tab + 1)});
    }
    return lines;
}

bool has(const std::vector<Line> &lines, const QString &text)
{
    return std::any_of(lines.begin(), lines.end(), [&](const Line &l) { return l.text == text; });
}

int rowsOf(const std::vector<Line> &lines, const QString &view)
{
    return int(std::count_if(lines.begin(), lines.end(), [&view](const Line &l) {
        return isRow(l) && l.where.contains(QLatin1Char(' ') + view + QLatin1Char(' '));
    }));
}

} // namespace

TEST(Words, TheChecksCatchTheMistakesTheyAreFor)
{
    // Each sample is a mistake seen in consoles like this one; each must be caught.
    EXPECT_FALSE(frenchProblems({{QStringLiteral("QPushButton"), QStringLiteral("Cancel")}}).isEmpty());
    EXPECT_FALSE(frenchProblems({{QStringLiteral("QMenu"), QStringLiteral("&File")}}).isEmpty());
    EXPECT_FALSE(
        frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("Nature : unit.status")}}).isEmpty());
    EXPECT_FALSE(frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("Statut : en_route")}}).isEmpty());
    EXPECT_FALSE(
        frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("3 incidents ouverts")}}).isEmpty());
    EXPECT_TRUE(
        frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("Interventions en cours : 3")}}).isEmpty());
    EXPECT_TRUE(
        frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("Lancez vigie-cli log SALLE")}}).isEmpty());
    EXPECT_FALSE(frenchProblems({{QStringLiteral("QLabel"), QStringLiteral("vigie-cli log : open the log")}})
                     .isEmpty());
    // A row's codes, seen in the demo's log before they were worded.
    for (const char *row : {"Stimulus I014 (T+00:33:00), Riverain → municipal_police : Bonsoir",
                            "Stimulus I015 (T+00:36:00), PC sécurité du stade → all : portes ouvertes",
                            "Signalement EMSI de fr.fire.bmpm : Blessé suite à rixe",
                            "Position d'unité | emsi:VSAV-LOUV-1", "Stimulus I002, Préfecture → all: closed"})
        EXPECT_EQ(rowProblems({{QStringLiteral("QTableView LogView (row)"), QString::fromUtf8(row)}}).size(),
                  1)
            << row;
    EXPECT_TRUE(rowProblems({{QStringLiteral("QTableView LogView (row)"),
                              QStringLiteral("Stimulus I014, Riverain → Police municipale : Bonsoir")}})
                    .isEmpty());
    EXPECT_FALSE(englishProblems({{QStringLiteral("QMenu"), QStringLiteral("&Fichier")}}, {}).isEmpty());
    EXPECT_FALSE(englishProblems({{QStringLiteral("QLabel"), QStringLiteral("Décision")}}, {}).isEmpty());
    EXPECT_EQ(
        englishProblems({{QStringLiteral("QLabel"), QStringLiteral("Select the units pour the map")}}, {})
            .size(),
        1);
    EXPECT_TRUE(englishProblems({{QStringLiteral("QLabel"), QStringLiteral("EXERCISE — Démo Marseille")}},
                                {QStringLiteral("Démo Marseille")})
                    .isEmpty());
}

TEST(Words, TheFrenchConsoleSaysEverythingInFrench)
{
    const std::vector<Line> lines = consoleTexts({});
    ASSERT_GT(lines.size(), 100u) << "the walk must reach menus, docks and dialogs";
    // The walk reaches what it must: a menu, a dock, a header, a dialog, Qt's own buttons.
    for (const char *text : {"&Salle", "Main courante", "Heure", "Raccourcis clavier", "Annuler",
                             "Rechercher dans la main courante (Ctrl+F)"})
        EXPECT_TRUE(has(lines, QString::fromUtf8(text))) << text;
    // And the rows of the demo at T+40: its log and its incidents.
    EXPECT_GT(rowsOf(lines, QStringLiteral("LogView")), 100);
    EXPECT_EQ(rowsOf(lines, QStringLiteral("IncidentsView")), 3);
    const QStringList problems = frenchProblems(lines) + rowProblems(lines);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString();
}

TEST(Words, TheEnglishConsoleSaysEverythingInEnglish)
{
    const std::vector<Line> lines = consoleTexts({QStringLiteral("--lang"), QStringLiteral("en")});
    ASSERT_GT(lines.size(), 100u);
    for (const char *text : {"Cancel", "Keyboard shortcuts"})
        EXPECT_TRUE(has(lines, QString::fromUtf8(text))) << text;
    EXPECT_GT(rowsOf(lines, QStringLiteral("LogView")), 100);
    EXPECT_EQ(rowsOf(lines, QStringLiteral("IncidentsView")), 3);
    // The demo room's name is the room's, written in French whatever the console's language.
    const QStringList problems =
        englishProblems(lines, {QStringLiteral("Démo Marseille — exercice au Vélodrome")}) +
        rowProblems(lines);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString();
}

// A room fed with real messages of other services (../shared/data/feeds: CAP alerts of several countries,
// EDXL, Hub Santé): the rows of its log and incidents are worded in both languages, no raw code left.
TEST(Words, ARoomFedWithRealMessagesIsWordedInBothLanguages)
{
    const QDir feeds(QStringLiteral(VIGIE_SHARED_DATA "/feeds"));
    if (!feeds.exists())
        GTEST_SKIP() << "../shared/data/feeds is absent";
    QStringList files;
    for (const char *dir : {"cap", "edxl", "emsi"}) {
        QDirIterator it(feeds.filePath(QLatin1String(dir)),
                        {QStringLiteral("*.xml"), QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList found;
        while (it.hasNext()) {
            const QString f = it.next();
            if (!f.contains(QLatin1String("schema"), Qt::CaseInsensitive) &&
                !f.contains(QLatin1String("invalid"), Qt::CaseInsensitive))
                found << f;
        }
        found.sort();
        files += found.mid(0, 25);
    }
    ASSERT_GT(files.size(), 20);
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("alimentee.vigie"));
    QProcess cli;
    cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("init"), room});
    ASSERT_TRUE(cli.waitForFinished(60000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    cli.start(QStringLiteral(VIGIE_CLI), QStringList{QStringLiteral("ingest"), room} + files);
    ASSERT_TRUE(cli.waitForFinished(120000));
    ASSERT_NE(cli.exitCode(), 1) << cli.readAllStandardError().toStdString(); // 3: some input refused
    for (const QStringList &language :
         {QStringList{}, QStringList{QStringLiteral("--lang"), QStringLiteral("en")}}) {
        const std::vector<Line> lines = consoleTexts(QStringList{QStringLiteral("--room"), room} + language);
        EXPECT_GE(rowsOf(lines, QStringLiteral("LogView")), 15);
        EXPECT_GT(rowsOf(lines, QStringLiteral("IncidentsView")), 5);
        const QStringList problems = rowProblems(lines);
        EXPECT_TRUE(problems.isEmpty()) << language.join(u' ').toStdString() << "\n"
                                        << problems.join(u'\n').toStdString();
    }
}
