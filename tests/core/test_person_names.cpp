// People's names in free text: the rules on single cases, and recall and precision on a corpus of French
// reports (tests/data/privacy/names_corpus.txt) where each name is marked {{like this}}.
#include "privacy/anonymiser.h"
#include "privacy/person_names.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

QStringList namesIn(const QString &text)
{
    QStringList out;
    for (const auto &n : privacy::findPersonNames(text))
        out << text.mid(n.start, n.end - n.start);
    return out;
}

} // namespace

TEST(PersonNames, CivilitiesIntroducersAndFirstNames)
{
    EXPECT_EQ(namesIn(QStringLiteral("Odeur de gaz signalée par Mme Lefebvre, voisine du 2e")),
              QStringList{QStringLiteral("Lefebvre")});
    EXPECT_EQ(namesIn(QStringLiteral("Mme de La Fontaine signale des bruits")),
              QStringList{QStringLiteral("de La Fontaine")});
    EXPECT_EQ(namesIn(QStringLiteral("victime DIALLO Moussa, transportée")),
              QStringList{QStringLiteral("DIALLO Moussa")});
    EXPECT_EQ(namesIn(QStringLiteral("appel de Karim Haddad pour un feu")),
              QStringList{QStringLiteral("Karim Haddad")});
    EXPECT_EQ(namesIn(QStringLiteral("DUBOIS Catherine, 63 ans")),
              QStringList{QStringLiteral("DUBOIS Catherine")});
    EXPECT_EQ(namesIn(QStringLiteral("M. et Mme Besson bloqués")), QStringList{QStringLiteral("Besson")});
}

TEST(PersonNames, PlacesUnitsAndRolesSurvive)
{
    for (const char *text :
         {"Accident boulevard Jean Moulin", "Feu rue du Docteur Escat", "Malaise au stade Jean Bouin",
          "Transport vers l'hôpital Édouard Toulouse", "Chute à Sainte-Marguerite, Belle-de-Mai",
          "VSAV Plombières 1 engagé", "M. le Maire informé", "Appel de M. le Préfet de police",
          "Inondation au lycée Victor Hugo", "Arrêt Jean Jaurès", "conducteur du VL blessé",
          "signalé par un agent SNCF", "Feu avenue Pierre Mendès France", "Gare Saint Charles",
          "Intrusion contenue porte Jean-Bouin", "Bousculade tribune Jean Bouin",
          "Fumigènes virage Jean Bouin", "Foule à l'entrée Jean Bouin"}) {
        EXPECT_EQ(namesIn(QString::fromUtf8(text)), QStringList{}) << text;
    }
}

// The anonymiser replaces a name by a token of the person (the same for "Lefèbvre" and "LEFEBVRE"), and
// keeps an entry's author (the audit trail) and the ids named in data.
TEST(PersonNames, TheAnonymiserReplacesNamesButKeepsAuthors)
{
    const Anonymiser anon(QByteArray(32, 'k'));
    const QString out = anon.scrubText(QStringLiteral("signalée par Mme Lefèbvre, voisine"));
    EXPECT_FALSE(out.contains(QStringLiteral("Lef"))) << out.toStdString();
    EXPECT_TRUE(out.startsWith(QStringLiteral("signalée par Mme [personne:"))) << out.toStdString();
    EXPECT_EQ(anon.scrubText(QStringLiteral("victime LEFEBVRE")).mid(8),
              out.mid(out.indexOf(QStringLiteral("[personne:")), 23));
    EXPECT_EQ(anon.scrubText(QStringLiteral("Jean Dupont"), Anonymiser::Names::Keep),
              QStringLiteral("Jean Dupont"));
    const QJsonObject data =
        anon.scrubJson({{QStringLiteral("author"), QStringLiteral("Marie Durand")},
                        {QStringLiteral("text"), QStringLiteral("appel de Marie Durand")}});
    EXPECT_EQ(data.value(QStringLiteral("author")).toString(), QStringLiteral("Marie Durand"));
    EXPECT_FALSE(data.value(QStringLiteral("text")).toString().contains(QStringLiteral("Durand")));
}

// Word by word: a word of a marked name that is still there is missed; a removed word that was not marked
// is a false alarm.
struct Score
{
    int reports = 0;
    int names = 0;
    int nameWords = 0;
    double recall = 0;
    double precision = 0;
};

Score scoreCorpus(const QString &name)
{
    Score score;
    QFile file(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/privacy/") + name);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        ADD_FAILURE() << "cannot read " << name.toStdString();
        return score;
    }
    static const QRegularExpression wordRe(QStringLiteral(R"(\p{L}[\p{L}'’\-]*)"));
    int caught = 0, removed = 0, falseAlarms = 0;
    QStringList misses;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        ++score.reports;
        // Marked spans, in the text without the marks.
        std::vector<std::pair<qsizetype, qsizetype>> marked;
        QString text;
        for (qsizetype i = 0; i < line.size();) {
            if (line.mid(i, 2) == u"{{") {
                const qsizetype close = line.indexOf(QStringLiteral("}}"), i);
                if (close < i) {
                    ADD_FAILURE() << "unclosed mark in " << line.toStdString();
                    return score;
                }
                const qsizetype start = text.size();
                text += line.mid(i + 2, close - i - 2);
                marked.emplace_back(start, text.size());
                ++score.names;
                i = close + 2;
            } else {
                text += line[i++];
            }
        }
        auto inside = [](const auto &spans, qsizetype a, qsizetype b) {
            for (const auto &s : spans)
                if (a >= s.first && b <= s.second)
                    return true;
            return false;
        };
        std::vector<std::pair<qsizetype, qsizetype>> found;
        for (const auto &f : privacy::findPersonNames(text))
            found.emplace_back(f.start, f.end);
        for (auto it = wordRe.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const bool expected = inside(marked, m.capturedStart(), m.capturedEnd());
            const bool gone = inside(found, m.capturedStart(), m.capturedEnd());
            score.nameWords += expected;
            caught += expected && gone;
            removed += gone;
            falseAlarms += gone && !expected;
            if (expected != gone)
                misses << QStringLiteral("%1 \"%2\" in: %3")
                              .arg(expected ? QStringLiteral("missed") : QStringLiteral("false alarm"),
                                   m.captured(), text);
        }
    }
    score.recall = score.nameWords ? double(caught) / score.nameWords : 0;
    score.precision = removed ? double(removed - falseAlarms) / removed : 0;
    std::printf("%s: %d reports, %d names (%d words): recall %.3f, precision %.3f\n", qPrintable(name),
                score.reports, score.names, score.nameWords, score.recall, score.precision);
    for (const QString &m : misses)
        std::printf("  %s\n", qPrintable(m));
    return score;
}

TEST(PersonNames, RecallAndPrecisionOnTheCorpus)
{
    const Score s = scoreCorpus(QStringLiteral("names_corpus.txt"));
    EXPECT_GE(s.reports, 200);
    EXPECT_GE(s.recall, 0.98);
    EXPECT_GE(s.precision, 0.9);
}

// Texts never used to tune the rules: the figures a new text can expect. The floor only catches a rule
// that breaks; the closing figures are printed.
TEST(PersonNames, RecallAndPrecisionOnHeldOutReports)
{
    const Score s = scoreCorpus(QStringLiteral("names_heldout.txt"));
    EXPECT_GE(s.reports, 50);
    EXPECT_GE(s.recall, 0.8);
    EXPECT_GE(s.precision, 0.8);
}
