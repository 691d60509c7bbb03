#include "privacy/person_names.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigie::privacy {

namespace {

/// The letter without its accent, lower case: 'É' → 'e', 'ç' → 'c'. French letters by a table (a full
/// Unicode normalisation took most of the scrubbing time); others through their canonical decomposition.
QChar foldedLetter(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
    static const char16_t latin1[64] = {
        u'a', u'a', u'a', u'a', u'a', u'a', u'æ', u'c',
        u'e', u'e', u'e', u'e', u'i', u'i', u'i', u'i', // C0–CF
        u'ð', u'n', u'o', u'o', u'o', u'o', u'o', u'×',
        u'o', u'u', u'u', u'u', u'u', u'y', u'þ', u'ß', // D0–DF
        u'a', u'a', u'a', u'a', u'a', u'a', u'æ', u'c',
        u'e', u'e', u'e', u'e', u'i', u'i', u'i', u'i', // E0–EF
        u'ð', u'n', u'o', u'o', u'o', u'o', u'o', u'÷',
        u'o', u'u', u'u', u'u', u'u', u'y', u'þ', u'y', // F0–FF
    };
    if (u >= 0xC0 && u <= 0xFF)
        return QChar(latin1[u - 0xC0]);
    if (u == 0x152 || u == 0x153)
        return QChar(u'œ');
    if (u == 0x178)
        return QChar(u'y');
    const QString d = c.decomposition();
    return d.isEmpty() ? c.toLower() : d.front().toLower();
}

/// Lower case without accents: "Lefèbvre" and "LEFEBVRE" are one key, "hôpital" is "hopital".
QString folded(QStringView word)
{
    QString out(word.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (const QChar c : word)
        *o++ = foldedLetter(c);
    return out;
}

QSet<QString> set(std::initializer_list<const char *> words)
{
    QSet<QString> s;
    for (const char *w : words)
        s.insert(QString::fromUtf8(w));
    return s;
}

const QSet<QString> &firstNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        QFile file(QStringLiteral(":/vigie/privacy/prenoms.txt"));
        if (file.open(QIODevice::ReadOnly))
            for (const QByteArray &line : file.readAll().split('\n')) {
                const QByteArray w = line.trimmed();
                if (!w.isEmpty() && !w.startsWith('#'))
                    s.insert(QString::fromUtf8(w));
            }
        return s;
    }();
    return names;
}

const QSet<QString> &civilities()
{
    static const QSet<QString> s =
        set({"m", "mr", "mme", "mmes", "mlle", "mlles", "dr", "me", "pr", "monsieur", "madame",
             "mademoiselle", "messieurs", "mesdames", "docteur", "maitre", "professeur"});
    return s;
}

/// Words after which a person is named ("la victime Dupont", "appel de Durand").
const QSet<QString> &introducers()
{
    static const QSet<QString> s =
        set({"victime",     "victimes",     "locataire",   "locataires", "conducteur", "conductrice",
             "conducteurs", "patient",      "patiente",    "requerant",  "requerante", "temoin",
             "temoins",     "proprietaire", "appelant",    "appelante",  "voisin",     "voisine",
             "epoux",       "epouse",       "mari",        "nomme",      "nommee",     "denomme",
             "denommee",    "blesse",       "blessee",     "passager",   "passagere",  "pieton",
             "pietonne",    "occupant",     "occupante",   "enfant",     "gardien",    "gardienne",
             "cycliste",    "resident",     "residente",   "concierge",  "disparu",    "disparue",
             "interpelle",  "interpellee",  "famille",     "fils",       "fille",      "mere",
             "pere",        "frere",        "soeur",       "neveu",      "niece",      "oncle",
             "tante",       "grand-mere",   "grand-pere",  "compagnon",  "compagne",   "ami",
             "amie",        "commissaire",  "capitaine",   "lieutenant", "brigadier",  "adjudant",
             "sergent",     "chauffeur",    "auteur",      "client",     "cliente",    "ouvrier",
             "ouvriere",    "salarie",      "salariee",    "eleve",      "motard",     "baigneur",
             "baigneuse",   "randonneur",   "randonneuse", "joggeur",    "joggeuse",   "skipper",
             "collegue",    "suspect",      "suspecte",    "defunt",     "defunte"});
    return s;
}

/// The verb before "par" or "de" that introduces a person: "signalé par", "appel de".
const QSet<QString> &introducingVerbs()
{
    static const QSet<QString> s =
        set({"signale",     "signalee", "signales",  "signalees",  "declare",     "declaree",
             "appel",       "appels",   "rappel",    "alerte",     "alertee",     "prevenu",
             "prevenue",    "contacte", "contactee", "accompagne", "accompagnee", "transporte",
             "transportee", "evacue",   "evacuee",   "pris",       "prise"});
    return s;
}

/// Words after which the capitalised words name a place, not a person.
const QSet<QString> &placeWords()
{
    static const QSet<QString> s =
        set({"rue",          "ruelle",     "boulevard",  "bd",           "bld",         "bvd",
             "avenue",       "av",         "ave",        "place",        "pl",          "quai",
             "cours",        "chemin",     "ch",         "traverse",     "trav",        "impasse",
             "imp",          "allee",      "allees",     "montee",       "route",       "rte",
             "square",       "parc",       "jardin",     "jardins",      "stade",       "gymnase",
             "college",      "lycee",      "ecole",      "groupe",       "hopital",     "clinique",
             "chu",          "centre",     "station",    "metro",        "gare",        "eglise",
             "caserne",      "residence",  "cite",       "quartier",     "pont",        "tunnel",
             "rond-point",   "port",       "plage",      "theatre",      "musee",       "fondation",
             "institut",     "salle",      "palais",     "espace",       "piscine",     "halle",
             "marche",       "anse",       "colline",    "mairie",       "lotissement", "passage",
             "corniche",     "esplanade",  "parvis",     "tour",         "immeuble",    "batiment",
             "bat",          "hall",       "porte",      "pole",         "maison",      "foyer",
             "ehpad",        "hotel",      "faculte",    "universite",   "campus",      "domaine",
             "zone",         "za",         "zi",         "zac",          "bastide",     "villa",
             "chapelle",     "cimetiere",  "arret",      "ligne",        "tram",        "bus",
             "boulodrome",   "velodrome",  "dome",       "arena",        "saint",       "sainte",
             "st",           "ste",        "lycees",     "collines",     "vallon",      "plateau",
             "butte",        "carrefour",  "giratoire",  "sortie",       "echangeur",   "autoroute",
             "rocade",       "tunnel",     "viaduc",     "bretelle",     "digue",       "jetee",
             "bassin",       "darse",      "crique",     "calanque",     "massif",      "col",
             "pic",          "mont",       "vieux-port", "cap",          "ile",         "iles",
             "pointe",       "parking",    "terminal",   "aeroport",     "prison",      "centre-ville",
             "commissariat", "caserne",    "cinema",     "bibliotheque", "mediatheque", "conservatoire",
             "opera",        "auditorium", "stades",     "complexe",     "base",        "foret",
             "bois",         "canal",      "fort",       "batterie",     "abbaye",      "tribune",
             "tribunes",     "virage",     "virages",    "kop",          "gradins",     "loge",
             "loges",        "portail",    "entree",     "acces",        "guichet",     "guichets"});
    return s;
}

/// Adjectives between a place word and its name ("centre hospitalier Édouard Toulouse", "stade municipal
/// Jean Bouin"), skipped like particles when looking back for a place word.
const QSet<QString> &placeAdjectives()
{
    static const QSet<QString> s = set(
        {"hospitalier",    "hospitaliere", "universitaire", "municipal",  "municipale",    "departemental",
         "departementale", "national",     "nationale",     "regional",   "regionale",     "public",
         "publique",       "prive",        "privee",        "scolaire",   "commercial",    "commerciale",
         "sportif",        "sportive",     "culturel",      "culturelle", "social",        "sociale",
         "medical",        "medicale",     "medico-social", "technique",  "professionnel", "maritime",
         "militaire",      "interieur",    "interieure",    "principal",  "principale"});
    return s;
}

/// Particles inside a name ("Mme de La Fontaine", "M. Ben Ali") and between a place word and its name
/// ("avenue de la République", "lycée du Rempart").
const QSet<QString> &particles()
{
    static const QSet<QString> s =
        set({"de",  "du",  "des", "d'", "d’", "le", "la", "les", "l'",  "l’",  "van",   "von", "der", "den",
             "ben", "bin", "ibn", "el", "al", "di", "da", "dos", "das", "del", "della", "mac", "mc"});
    return s;
}

/// Roles and capitalised common words that are not names: "M. le Préfet", "Monsieur le Maire".
const QSet<QString> &notNames()
{
    static const QSet<QString> s = set(
        {"maire",      "prefet",     "prefete",     "prefecture", "commissaire", "capitaine",   "lieutenant",
         "commandant", "colonel",    "general",     "adjoint",    "adjointe",    "adjudant",    "sergent",
         "directeur",  "directrice", "president",   "presidente", "procureur",   "juge",        "depute",
         "deputee",    "senateur",   "senatrice",   "conseiller", "conseillere", "medecin",     "infirmier",
         "infirmiere", "chef",       "responsable", "agent",      "brigadier",   "major",       "ministre",
         "secretaire", "delegue",    "deleguee",    "officier",   "regulateur",  "regulatrice", "sapeur",
         "pompier",    "pompiers",   "policier",    "policiere",  "gendarme",    "marin",       "marins",
         "inconnu",    "inconnue",   "x",           "non",        "sans",        "tous",        "toutes",
         "le",         "la",         "les",         "un",         "une",         "au",          "aux",
         "et",         "ou",         "a",           "en",         "sur",         "pour",        "avec",
         "est",        "sont",       "il",          "elle",       "ils",         "elles",       "on",
         "ce",         "cette",      "son",         "sa",         "ses",         "leur",        "lui",
         "urgent",     "urgence",    "alerte",      "feu",        "incendie",    "accident",    "exercice",
         "attention",  "nb",         "ras",         "info",       "suite",       "fin",         "note",
         "samedi",     "dimanche",   "lundi",       "mardi",      "mercredi",    "jeudi",       "vendredi",
         "janvier",    "fevrier",    "mars",        "avril",      "mai",         "juin",        "juillet",
         "aout",       "septembre",  "octobre",     "novembre",   "decembre",    "nord",        "sud",
         "est",        "ouest",      "marseille",   "france",     "paris",       "lyon",        "nice",
         "toulon",     "aix",        "ville",       "etat",       "police",      "gendarmerie", "samu",
         "smur",       "secours",    "mme",         "monsieur",   "madame",      "victime",     "patient",
         "patiente",   "temoin",     "requerant",   "requerante", "appelant",    "appelante"});
    return s;
}

/// The services' codes written in capitals, never a surname.
const QSet<QString> &codes()
{
    static const QSet<QString> s = set(
        {"vsav", "vsr",  "fpt",       "fptl",  "fptsr", "epa",   "epsa",  "ccf",   "ccfm", "ccgc",  "vlhr",
         "vl",   "vlr",  "vlm",       "pl",    "smur",  "samu",  "bmpm",  "sdis",  "cta",  "codis", "cis",
         "pc",   "pco",  "pma",       "rn",    "rd",    "chu",   "aphm",  "ap-hm", "om",   "rtm",   "sncf",
         "ter",  "tgv",  "bac",       "bst",   "pn",    "pm",    "crs",   "gign",  "raid", "psig",  "gn",
         "ddsp", "ssu",  "umh",       "vrm",   "vsm",   "ers",   "asm",   "dps",   "paps", "ars",   "cap",
         "gps",  "sms",  "tel",       "fax",   "nrbc",  "nrbce", "ppi",   "orsec", "cos",  "dos",   "pcc",
         "copg", "cog",  "cod",       "sinus", "siv",   "ehpad", "hlm",   "rdc",   "cgss", "suap",  "sap",
         "ars",  "cirs", "drm",       "uir",   "ucc",   "ok",    "ras",   "nb",    "hs",   "tbc",   "bspp",
         "crra", "cra",  "cisu",      "rc",    "eda",   "emsi",  "edxl",  "have",  "vtu",  "vpc",   "vid",
         "cmic", "cmir", "gr",        "gris",  "imp",   "gisc",  "sig",   "sis",   "vtp",  "ptc",   "ttc",
         "a7",   "a50",  "a51",       "a55",   "a557",  "l2",    "m1",    "m2",    "t1",   "t2",    "t3",
         "b1",   "b2",   "n7",        "n8",    "usa",   "ue",    "onu",   "sdf",   "rsa",  "caf",   "cpam",
         "edf",  "grdf", "gdf",       "sos",   "hs",    "pv",    "apj",   "opj",   "gav",  "ivp",   "ivr",
         "ava",  "acr",  "avc",       "ide",   "ado",   "vp",    "vu",    "2r",    "poi",  "sp",    "spp",
         "spv",  "bmpm", "cta-codis", "cmp",   "cmr",   "drone", "ccgcl", "fmogp", "vsso", "vli"});
    return s;
}

/// A word of the text, classified once: every rule below reads these flags.
struct Word
{
    qsizetype start = 0;
    qsizetype end = 0;
    QStringView text;
    bool period = false;     ///< followed by '.' ("M.", "Dr.")
    bool joinedNext = false; ///< only spaces up to the next word: a name does not run across a comma
    QString f;               ///< folded
    bool particle = false;
    bool place = false;
    bool placeAdjective = false;
    bool civility = false;
    bool introducer = false;
    bool verb = false;
    bool firstName = false;
    bool upper = false;    ///< all capitals, two letters at least
    bool nameLike = false; ///< written like a name and not a code, role, place or common word
};

bool isLetterish(QChar c)
{
    return c.isLetter() || c == u'\'' || c == u'’' || c == u'-';
}

bool isUpperWord(QStringView w)
{
    int letters = 0;
    for (const QChar c : w) {
        if (c.isLetter()) {
            if (!c.isUpper())
                return false;
            ++letters;
        }
    }
    return letters >= 2;
}

enum Flag : quint16
{
    Particle = 1,
    Place = 2,
    PlaceAdjective = 4,
    Civility = 8,
    Introducer = 16,
    Verb = 32,
    FirstName = 64,
    NotName = 128,
    Code = 256,
};

struct ViewHash
{
    using is_transparent = void;
    std::size_t operator()(std::u16string_view v) const { return std::hash<std::u16string_view>{}(v); }
};

/// Every word of the lists above with its flags: one lookup per word of a text. (QSet<QString> hashes with
/// SipHash under a random seed: eight lookups a word took most of the scrubbing time.)
const std::unordered_map<std::u16string, quint16, ViewHash, std::equal_to<>> &lexicon()
{
    static const auto map = [] {
        std::unordered_map<std::u16string, quint16, ViewHash, std::equal_to<>> m;
        const std::pair<const QSet<QString> *, Flag> lists[] = {
            {&particles(), Particle},   {&placeWords(), Place},       {&placeAdjectives(), PlaceAdjective},
            {&civilities(), Civility},  {&introducers(), Introducer}, {&introducingVerbs(), Verb},
            {&firstNames(), FirstName}, {&notNames(), NotName},       {&codes(), Code}};
        for (const auto &[list, flag] : lists)
            for (const QString &word : *list)
                m[word.toStdU16String()] |= flag;
        return m;
    }();
    return map;
}

quint16 flagsOf(QStringView folded)
{
    const auto &m = lexicon();
    const auto it = m.find(std::u16string_view(folded.utf16(), std::size_t(folded.size())));
    return it == m.end() ? 0 : it->second;
}

void classify(Word &w)
{
    w.f = folded(w.text);
    const quint16 flags = flagsOf(w.f);
    w.particle = flags & Particle;
    w.place = flags & Place;
    w.placeAdjective = flags & PlaceAdjective;
    w.civility = flags & Civility;
    w.introducer = flags & Introducer;
    w.verb = flags & Verb;
    if (!w.text.front().isUpper())
        return;
    w.upper = isUpperWord(w.text);
    bool hyphenPlace = false;
    if (w.f.contains(u'-')) {
        const auto parts = QStringView(w.f).split(u'-');
        // Hyphenated names of places ("Belle-de-Mai", "Saint-Louis") are not people; composed first names
        // ("Jean-Marc") and surnames ("Dupont-Moretti") are.
        hyphenPlace =
            parts.front() == u"saint" || parts.front() == u"sainte" || parts.front() == u"st" ||
            parts.front() == u"ste" ||
            std::any_of(parts.begin(), parts.end(), [](QStringView p) { return flagsOf(p) & Particle; });
        w.firstName =
            std::all_of(parts.begin(), parts.end(), [](QStringView p) { return flagsOf(p) & FirstName; });
    } else {
        w.firstName = flags & FirstName;
    }
    w.nameLike = !hyphenPlace && !w.place && !w.civility && !(flags & (NotName | Code));
}

std::vector<Word> wordsOf(const QString &text)
{
    std::vector<Word> words;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!text[i].isLetter()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isLetterish(text[j]))
            ++j;
        // An elided article opens the next word ("l'hôpital", "d'Arc"): "l'" and "d'" are words of their own.
        if (j - i > 2 && (text[i + 1] == u'\'' || text[i + 1] == u'’')) {
            Word article;
            article.start = i;
            article.end = i + 2;
            article.text = QStringView(text).mid(i, 2);
            words.push_back(article);
            i += 2;
        }
        qsizetype end = j;
        while (end > i && (text[end - 1] == u'-' || text[end - 1] == u'\'' || text[end - 1] == u'’'))
            --end;
        Word w;
        w.start = i;
        w.end = end;
        w.text = QStringView(text).mid(i, end - i);
        w.period = j < n && text[j] == u'.';
        words.push_back(w);
        i = j;
    }
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        bool spaces = words[k + 1].start > words[k].end;
        for (qsizetype c = words[k].end; spaces && c < words[k + 1].start; ++c)
            spaces = text[c] == u' ' || text[c] == u'\u00a0';
        words[k].joinedNext = spaces;
    }
    return words;
}

/// The words of a name from `from`: capitalised words, with particles inside ("Ben Ali", "de La
/// Fontaine"); at most four. `leadingParticles`: the name may open with particles (after a civility).
std::optional<std::pair<std::size_t, std::size_t>> nameRun(const std::vector<Word> &w, std::size_t from,
                                                           bool leadingParticles = false)
{
    // Particles then a name word, all joined by spaces.
    auto reachesName = [&w](std::size_t k) -> std::optional<std::size_t> {
        for (; k < w.size(); ++k) {
            if (w[k].nameLike)
                return k;
            if (!w[k].particle || !w[k].joinedNext)
                return std::nullopt;
        }
        return std::nullopt;
    };
    if (from >= w.size())
        return std::nullopt;
    const auto first =
        leadingParticles ? reachesName(from) : (w[from].nameLike ? std::optional(from) : std::nullopt);
    if (!first)
        return std::nullopt;
    std::size_t last = *first;
    std::size_t names = 1;
    while (last + 1 < w.size() && names < 4 && w[last].joinedNext) {
        const auto next = reachesName(last + 1);
        if (!next)
            break;
        last = *next;
        ++names;
    }
    return std::make_pair(from, last);
}

/// Whether the word at `i` follows a place word, perhaps through particles, adjectives or the place's own
/// name ("avenue de la République", "centre hospitalier Édouard Toulouse").
bool afterPlaceWord(const std::vector<Word> &w, std::size_t i)
{
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
        const Word &b = w[i - back];
        if (!b.joinedNext)
            return false; // "rue Sainte, Mme Dupont": the comma ends the place
        if (b.place)
            return true;
        if (!b.particle && !b.placeAdjective && !(back > 1 && b.nameLike))
            return false;
    }
    return false;
}

} // namespace

std::vector<NameSpan> findPersonNames(const QString &text)
{
    std::vector<NameSpan> found;
    std::vector<Word> w = wordsOf(text);
    // Every rule needs a capitalised word: most texts of a feed (codes, types, ids) have none past their
    // first letter, and are not classified word by word.
    if (std::none_of(w.begin(), w.end(), [](const Word &x) { return x.text.front().isUpper(); }))
        return found;
    for (Word &x : w)
        classify(x);
    std::vector<bool> taken(w.size(), false);
    auto add = [&](std::size_t a, std::size_t b) {
        for (std::size_t k = a; k <= b; ++k)
            if (taken[k])
                return;
        QStringList parts;
        for (std::size_t k = a; k <= b; ++k) {
            taken[k] = true;
            if (!w[k].particle)
                parts << w[k].f.toUpper();
        }
        found.push_back({w[a].start, w[b].end, parts.join(u' ')});
    };
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (taken[i])
            continue;
        const bool next =
            i + 1 < w.size() && (w[i].joinedNext || (w[i].period && w[i + 1].start == w[i].end + 2));
        // 1. A civility and the name after it ("M. Benali", "Mme de La Fontaine"), unless a place word comes
        // before ("rue du Docteur Escat") or a role after ("M. le préfet"). Short civilities count with their
        // capital only ("Me", "M"); whole words also in the middle of a sentence ("le docteur Lambert").
        const bool civility = w[i].civility && (w[i].text.front().isUpper() || w[i].f.size() > 3);
        if (civility && next && !afterPlaceWord(w, i)) {
            if (auto run = nameRun(w, i + 1, true)) {
                add(i + 1, run->second);
                i = run->second;
                continue;
            }
        }
        // 2. A word that introduces a person, then the name: "victime Dupont", "appel de Mme…" (rule 1),
        // "signalée par Karim Benali".
        if (i + 1 < w.size() && (w[i].introducer || w[i].verb) && !afterPlaceWord(w, i)) {
            std::size_t from = 0;
            if (w[i].introducer)
                from = i + 1;
            else if (i + 2 < w.size() && (w[i + 1].f == u"par" || w[i + 1].f == u"de" ||
                                          w[i + 1].f == u"d'" || w[i + 1].f == u"d’"))
                from = i + 2;
            if (from > 0 && !w[from].civility && !w[from].place) {
                // "la victime, M. Dupont" goes to rule 1; "victime : Dupont" is still a name.
                bool near = true;
                for (qsizetype k = w[from - 1].end; k < w[from].start; ++k)
                    if (text[k] != u' ' && text[k] != u':' && text[k] != u'\u00a0')
                        near = false;
                if (near)
                    if (auto run = nameRun(w, from)) {
                        add(run->first, run->second);
                        i = run->second;
                        continue;
                    }
            }
        }
        // 3. A first name and a surname ("Jean Dupont", "Nadia BENALI"), or the surname first ("DUPONT
        // Jean"), not after a place word ("boulevard Jean Moulin").
        if (w[i].firstName && w[i].joinedNext && i + 1 < w.size() && !afterPlaceWord(w, i)) {
            if (auto run = nameRun(w, i + 1)) {
                add(i, run->second);
                i = run->second;
                continue;
            }
        }
        if (w[i].upper && w[i].nameLike && w[i].joinedNext && i + 1 < w.size() && w[i + 1].firstName &&
            !afterPlaceWord(w, i)) {
            add(i, i + 1);
            i += 1;
        }
    }
    std::sort(found.begin(), found.end(),
              [](const NameSpan &a, const NameSpan &b) { return a.start < b.start; });
    return found;
}

} // namespace vigie::privacy
