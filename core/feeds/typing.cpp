// The typing of incidents: codes of a known nomenclature, then words, then the category, then the sender
// (data/feeds/taxonomy.md says each rule's why).
#include "feeds/taxonomy.h"
#include "feeds/typing_rules_p.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace vigie::feeds {

namespace {

// One character folded: lower case, without its accent. Only characters beyond ASCII are decomposed (Qt's
// decomposition tables), one at a time: normalising the whole text cost more than the rest of the typing.
void fold(QChar c, QString &out)
{
    if (c.unicode() < 0x80) {
        if (c.isLetterOrNumber())
            out += c.toLower();
        else
            out += u' ';
        return;
    }
    if (c == u'œ' || c == u'Œ')
        out += QStringLiteral("oe");
    else if (c == u'æ' || c == u'Æ')
        out += QStringLiteral("ae");
    else if (c.category() == QChar::Mark_NonSpacing)
        return;
    else if (const QString d = c.decomposition(); !d.isEmpty() && c.decompositionTag() == QChar::Canonical)
        fold(d.front(), out);
    else if (c.isLetterOrNumber())
        out += c.toLower();
    else
        out += u' ';
}

// Words of a text, lower case, accents and ligatures folded, punctuation and apostrophes as spaces.
QStringList words(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    for (const QChar c : text)
        fold(c, folded);
    QStringList out = folded.split(u' ', Qt::SkipEmptyParts);
    // Articles and prepositions are dropped: a CTA writes "FEU APPARTEMENT" for "feu d'appartement" and
    // "TOMBE A L'EAU" for "tombé à l'eau"; a cue then matches both. "sans", "pas", "ne" are kept (negations).
    static const QStringList stop{QStringLiteral("de"),  QStringLiteral("d"),   QStringLiteral("du"),
                                  QStringLiteral("des"), QStringLiteral("la"),  QStringLiteral("le"),
                                  QStringLiteral("l"),   QStringLiteral("les"), QStringLiteral("a"),
                                  QStringLiteral("au"),  QStringLiteral("aux"), QStringLiteral("un"),
                                  QStringLiteral("une"), QStringLiteral("en"),  QStringLiteral("of"),
                                  QStringLiteral("the"), QStringLiteral("an")};
    out.removeIf([](const QString &w) { return stop.contains(w); });
    return out;
}

struct CueWord
{
    QString word;
    bool stem = false; // "feu*" matches "feux"
};

using Phrase = std::vector<CueWord>;

struct Cue
{
    std::vector<Phrase> phrases; // all must be found, each anywhere ("chute* + eau")
    QLatin1String type;
    int weight; // negative: a cue against the type
    QString spelled;
};

const std::vector<Cue> &cues()
{
    static const std::vector<Cue> all = [] {
        std::vector<Cue> out;
        for (const CueRule &r : cueRules()) {
            Cue cue{{}, QLatin1String(r.type), r.weight, {}};
            QStringList spelled;
            for (const QString &text : QString::fromUtf8(r.phrase).split(QStringLiteral(" + "))) {
                Phrase phrase;
                for (const QString &part : text.split(u' ', Qt::SkipEmptyParts)) {
                    const bool stem = part.endsWith(u'*');
                    const QStringList folded = words(stem ? part.chopped(1) : part);
                    for (int i = 0; i < folded.size(); ++i)
                        phrase.push_back({folded[i], stem && i == folded.size() - 1});
                }
                QStringList w;
                for (const CueWord &c : phrase)
                    w << c.word;
                spelled << w.join(u' ');
                cue.phrases.push_back(std::move(phrase));
            }
            cue.spelled = spelled.join(QStringLiteral(" + "));
            out.push_back(std::move(cue));
        }
        return out;
    }();
    return all;
}

// The cues whose first phrase begins with a character, in table order: a token is compared with the few cues
// that could start at it rather than with all of them.
const std::vector<std::vector<int>> &cuesByFirstChar()
{
    static const std::vector<std::vector<int>> index = [] {
        std::vector<std::vector<int>> out(128);
        for (int i = 0; i < int(cues().size()); ++i) {
            const Phrase &first = cues()[std::size_t(i)].phrases.front();
            const char16_t c =
                first.empty() || first.front().word.isEmpty() ? 0 : first.front().word[0].unicode();
            out[c < 128 ? c : 0].push_back(i);
        }
        return out;
    }();
    return index;
}

bool matchesAt(const QStringList &tokens, int at, const Phrase &phrase)
{
    if (phrase.empty() || at + int(phrase.size()) > tokens.size())
        return false;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        const QString &t = tokens[at + int(i)];
        const CueWord &w = phrase[i];
        if (w.stem ? !t.startsWith(w.word) : t != w.word)
            return false;
    }
    return true;
}

bool found(const QStringList &tokens, const Cue &cue)
{
    return std::all_of(cue.phrases.begin() + 1, cue.phrases.end(), [&](const Phrase &phrase) {
        for (int i = 0; i < tokens.size(); ++i)
            if (matchesAt(tokens, i, phrase))
                return true;
        return false;
    });
}

struct Score
{
    QLatin1String type;
    int words = 0; // the strongest cue's weight ×4, +1 for each other cue, minus the negative cues ×4
    int strongest = 0;
    int others = 0;
    int against = 0;
    int prior = 0;    // category and sender, ×4
    QStringList cues; // the positive cues, for the reason
};

// Scores of the types the words speak for, in the order their first cue appears in the table (ties go to it).
std::vector<Score> scoreWords(const QStringList &tokens)
{
    // The cues whose first phrase starts at some token, then the rest of their phrases anywhere; in table
    // order, which breaks ties.
    std::vector<int> matched;
    const auto &index = cuesByFirstChar();
    for (int i = 0; i < tokens.size(); ++i) {
        const char16_t c = tokens[i][0].unicode();
        for (const int k : index[c < 128 ? c : 0])
            if (matchesAt(tokens, i, cues()[std::size_t(k)].phrases.front()) &&
                found(tokens, cues()[std::size_t(k)]))
                matched.push_back(k);
    }
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    std::vector<Score> scores;
    for (const int k : matched) {
        const Cue &cue = cues()[std::size_t(k)];
        auto it =
            std::find_if(scores.begin(), scores.end(), [&](const Score &s) { return s.type == cue.type; });
        if (it == scores.end())
            it = scores.insert(scores.end(), Score{cue.type, 0, 0, 0, 0, 0, {}});
        // The strongest cue speaks, the others only add a little: "arme blanche" and "arme" are one clue.
        if (cue.weight < 0)
            it->against += 4 * cue.weight;
        else {
            if (cue.weight > it->strongest) {
                if (it->strongest > 0)
                    ++it->others;
                it->strongest = cue.weight;
            } else
                ++it->others;
            it->cues << cue.spelled;
        }
        it->words = 4 * it->strongest + it->others + it->against;
    }
    return scores;
}

const Score *best(const std::vector<Score> &scores, QStringView family = {})
{
    const Score *winner = nullptr;
    for (const Score &s : scores) {
        if (s.words <= 0 || (!family.isEmpty() && familyOf(s.type) != family))
            continue;
        if (!winner || s.words + s.prior > winner->words + winner->prior)
            winner = &s;
    }
    return winner;
}

// The weight of a phrase that says it all ("chute dans l'eau", "bousculade").
constexpr int strongCue = 5;

QString wordsReason(const Score &s)
{
    return QStringLiteral("words:") + s.cues.join(u',');
}

} // namespace

namespace {

Typing typeUncached(const TypingEvidence &evidence)
{
    const QStringList tokens = words(evidence.text);
    std::vector<Score> scores = scoreWords(tokens);

    // 1. A code of a known nomenclature says what the sender's system was told to say.
    for (const QString &code : evidence.codes) {
        const auto rule = codeRule(evidence.format, code);
        if (!rule)
            continue;
        if (!rule->familyOnly)
            return {QLatin1String(rule->type), QStringLiteral("code:") + rule->scheme + u':' + rule->code};
        // A code that names only a family (a fire, a person hurt): the words choose within it; a phrase that
        // says it all of another family (a crowd crush sent as "persons") outweighs it when no word backs the
        // code.
        const QString family = familyOf(QLatin1String(rule->type));
        const Score *inFamily = best(scores, family);
        if (const Score *s = best(scores); s && !inFamily && s->words >= 4 * strongCue)
            return {s->type,
                    QStringLiteral("code:") + rule->scheme + u':' + rule->code + u'+' + wordsReason(*s)};
        if (const Score *s = inFamily)
            return {s->type,
                    QStringLiteral("code:") + rule->scheme + u':' + rule->code + u'+' + wordsReason(*s)};
        return {QLatin1String(rule->type), QStringLiteral("code:") + rule->scheme + u':' + rule->code};
    }

    // 2. The words, leaning a little towards the family of the category and of the sender.
    QString categoryFamily, categoryType, categoryName;
    for (const QString &category : evidence.categories)
        if (const auto prior = categoryPrior(category)) {
            categoryFamily = familyOf(QLatin1String(prior->type));
            categoryType = QLatin1String(prior->type);
            categoryName = category.trimmed();
            break;
        }
    const auto sender = senderPrior(evidence.sender);
    for (Score &s : scores) {
        const QString f = familyOf(s.type);
        if (f == categoryFamily)
            s.prior += 2;
        if (sender && f == familyOf(QLatin1String(sender->type)))
            s.prior += 1;
    }
    if (const Score *s = best(scores))
        return {s->type, wordsReason(*s)};

    // 3. No words we know: the category. The sender alone is no type: the SAMU also sends transfers and
    // deaths, the police stray dogs (the corpus's first held-out part showed it), so it only breaks ties
    // above.
    if (!categoryType.isEmpty())
        return {categoryType, QStringLiteral("category:") + categoryName};
    return {QStringLiteral("other"), QStringLiteral("none")};
}

} // namespace

Typing typeIncident(const TypingEvidence &evidence)
{
    // Feeds repeat themselves: a CTA's natures, the nomenclature's labels, a sensor's event names. The typing
    // is a pure function of its evidence, so the last answers are kept, per thread (the adapters may run on
    // the pool's threads), and forgotten all at once when there are too many.
    thread_local QHash<QString, Typing> cache;
    const QString key = evidence.format + u'\x1f' + evidence.codes.join(u'\x1e') + u'\x1f' + evidence.text +
                        u'\x1f' + evidence.categories.join(u'\x1e') + u'\x1f' + evidence.sender;
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    if (cache.size() >= 4096)
        cache.clear();
    return *cache.insert(key, typeUncached(evidence));
}

} // namespace vigie::feeds
