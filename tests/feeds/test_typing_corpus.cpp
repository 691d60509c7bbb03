// The typing against a labelled corpus of messages written the way French services write them
// (tests/data/feeds/typing_corpus.tsv): every error is printed with the rule that decided, and the held-out
// part, never looked at while the rules were tuned, must be typed right at 95 % or more.
#include "feeds/taxonomy.h"

#include <QFile>
#include <QTextStream>

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <vector>

using namespace vigie::feeds;

namespace {

struct Sample
{
    QString part, format, text, expected, source;
    QStringList codes, categories;
    QString sender;
    int line = 0;
};

std::vector<Sample> corpus()
{
    std::vector<Sample> out;
    QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/feeds/typing_corpus.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QTextStream in(&f);
    in.setEncoding(QStringConverter::Utf8);
    int line = 0;
    bool header = true;
    while (!in.atEnd()) {
        const QString row = in.readLine();
        ++line;
        if (row.startsWith(u'#') || row.trimmed().isEmpty())
            continue;
        if (header) {
            header = false;
            continue;
        }
        const QStringList f = row.split(u'\t');
        if (f.size() != 8) {
            ADD_FAILURE() << "line " << line << " has " << f.size() << " fields, not 8";
            continue;
        }
        Sample s{f[0], f[1], f[5], f[6], f[7], f[2].split(u';', Qt::SkipEmptyParts), {}, f[4], line};
        if (!f[3].isEmpty())
            s.categories << f[3];
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

TEST(TypingCorpus, HeldOutPartIsTypedRightAtNinetyFivePercent)
{
    const auto samples = corpus();
    ASSERT_GE(samples.size(), 300u) << "tests/data/feeds/typing_corpus.tsv missing or short";
    std::map<QString, std::pair<int, int>> byPart; // right, total
    std::map<QString, int> errorsByExpected;
    for (const Sample &s : samples) {
        const Typing t = typeIncident({s.format, s.codes, s.text, s.categories, s.sender});
        auto &[right, total] = byPart[s.part];
        ++total;
        if (t.type == s.expected) {
            ++right;
            continue;
        }
        ++errorsByExpected[s.expected];
        std::cout << s.part.toStdString() << " line " << s.line << " [" << s.format.toStdString() << "] \""
                  << s.text.toStdString() << "\": expected " << s.expected.toStdString() << ", got "
                  << t.type.toStdString() << " (" << t.reason.toStdString() << ")\n";
    }
    for (const auto &[part, counts] : byPart)
        std::cout << part.toStdString() << ": " << counts.first << " / " << counts.second << " = "
                  << 100.0 * counts.first / counts.second << " %\n";
    ASSERT_TRUE(byPart.contains(QStringLiteral("held")) && byPart.contains(QStringLiteral("dev")));
    EXPECT_GE(byPart[QStringLiteral("held")].second, 100);
    // The held part is the measure; the parts tuned on must not fall back below it either.
    for (const auto &[part, counts] : byPart)
        EXPECT_GE(double(counts.first), 0.95 * counts.second) << part.toStdString();
}
