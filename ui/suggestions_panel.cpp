#include "ui/suggestions_panel.h"

#include "ui/error_words.h"
#include "ui/eta_method.h"
#include "ui/labels.h"
#include "ui/models/log_model.h"

#include "room/picture_manager.h"
#include "store/sqlite_log_store.h"

#include <QApplication>
#include <QDebug>
#include <QDockWidget>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <set>

namespace vigie::ui {

namespace {

/// How long a proposal stands for the next F5 when undecided: the room's proposals of this last span are
/// read back from the log.
constexpr qint64 standingMs = 2 * 3600 * 1000;

/// A proposal's identity: the same unit for the same need of the same incident (or the same station).
QString proposalKey(const QString &unit, const QString &incident, const QString &need, const QString &agency,
                    const QString &station)
{
    return unit + QLatin1Char('|') + incident + QLatin1Char('|') + need + QLatin1Char('|') + agency +
           QLatin1Char('|') + station;
}

QString proposalKey(const allocation::Suggestion &s)
{
    return proposalKey(s.unit, s.incident, s.need.name, s.agency, s.station);
}

QString proposalKey(const Entry &e)
{
    const auto field = [&e](const char *name) {
        return e.data.value(QLatin1String(name)).toString();
    };
    return proposalKey(field("unit"), field("incident"), field("need"), e.agency, field("station"));
}

/// « 2 × fourgon (priorité 5) », and « …, complément » when the incident has a unit engaged already.
QString needText(int count, const allocation::Need &n)
{
    return n.followUp ? SuggestionsPanel::tr("%1 × %2 (priorité %3, complément)")
                            .arg(count)
                            .arg(needLabel(n.name))
                            .arg(n.priority)
                      : SuggestionsPanel::tr("%1 × %2 (priorité %3)")
                            .arg(count)
                            .arg(needLabel(n.name))
                            .arg(n.priority);
}

/// Why a complement may wait (empty for a first need).
QString needTip(const allocation::Need &n, int levels)
{
    if (!n.followUp)
        return {};
    return SuggestionsPanel::tr(
        "Complément : l'intervention a déjà un moyen engagé. Quand les moyens manquent, il "
        "passe après le premier moyen des interventions qui n'en ont aucun "
        "(compté %n niveau(x) de priorité plus bas).",
        nullptr, levels);
}

/// The `suggestion` entries of the room file since `now` minus standingMs, in log order; read on the
/// proposal's worker with a connection of its own. A room that cannot be read gives none: its proposals
/// are then recorded anew, which loses nothing.
std::vector<Entry> earlierProposals(const QString &roomFile, Timestamp now)
{
    std::vector<Entry> found;
    if (roomFile.isEmpty() || !QFileInfo::exists(roomFile))
        return found;
    auto store = SqliteLogStore::open(roomFile);
    if (!store) {
        qWarning().noquote() << store.error().message;
        return found;
    }
    EntryQuery query;
    query.kind = QStringLiteral("suggestion");
    query.since = Timestamp{now.msecs - standingMs};
    if (auto r = (*store)->read(query,
                                [&found](const Entry &e) {
                                    found.push_back(e);
                                    return true;
                                });
        !r)
        qWarning().noquote() << r.error().message;
    return found;
}

enum Column
{
    UnitColumn,
    IncidentColumn,
    NeedColumn,
    EtaColumn,
    DistanceColumn,
    CoverageColumn,
    StateColumn,
    ColumnCount
};

QString minutesText(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("–");
    return QCoreApplication::translate("vigie::ui::SuggestionsPanel", "%1 min")
        .arg(QLocale().toString(seconds / 60.0, 'f', 1));
}

enum BacklogColumn
{
    RankColumn,
    WaitingIncidentColumn,
    WaitingNeedColumn,
    WaitedColumn,
    FreeColumn,
    BacklogColumnCount
};

/// A wait as a reader says it: "≈ 45 min", "≈ 1 h 05".
QString durationText(double seconds)
{
    const auto total = qint64(std::llround(std::max(0.0, seconds) / 60.0));
    if (total >= 24 * 60) // as the Incidents list says an old one's age
        return QCoreApplication::translate("vigie::ui::SuggestionsPanel", "≈ %1 j").arg(total / (24 * 60));
    if (total < 60)
        return QCoreApplication::translate("vigie::ui::SuggestionsPanel", "≈ %1 min").arg(total);
    return QCoreApplication::translate("vigie::ui::SuggestionsPanel", "≈ %1 h %2")
        .arg(total / 60)
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString kmText(double meters)
{
    if (!std::isfinite(meters))
        return QStringLiteral("–");
    return QCoreApplication::translate("vigie::ui::SuggestionsPanel", "%1 km")
        .arg(QLocale().toString(meters / 1000.0, 'f', 1));
}

} // namespace

SuggestionsPanel::SuggestionsPanel(PictureManager &manager, Context context, QWidget *parent)
    : QWidget(parent), m_manager(manager), m_context(std::move(context))
{
    qRegisterMetaType<std::vector<vigie::ui::SuggestedRoute>>();
    setObjectName(QStringLiteral("SuggestionsPanel"));

    m_method = new QLabel(this);
    m_method->setObjectName(QStringLiteral("SuggestionsMethod"));
    m_method->setWordWrap(true);
    // Said plainly and in colour: a straight-line ETA must never pass for a road one.
    const EtaMethod method =
        etaMethod(m_context.graph, manager.picture(), m_context.options.matrix.maxSnapMeters);
    m_method->setText(method.text);
    if (method.approximate)
        m_method->setStyleSheet(QStringLiteral("background:#E69F00;color:black;padding:4px;"));

    m_propose = new QPushButton(tr("&Proposer (F5)"), this);
    m_propose->setObjectName(QStringLiteral("ProposeButton"));
    m_propose->setToolTip(tr("Calcule qui envoyer où pour les interventions ouvertes. Rien n'est envoyé : "
                             "chaque proposition attend votre décision."));
    m_accept = new QPushButton(tr("&Accepter"), this);
    m_accept->setObjectName(QStringLiteral("AcceptButton"));
    m_accept->setToolTip(
        tr("Accepter la proposition sélectionnée (Ctrl+Entrée) : le moyen passe « en route »."));
    m_reject = new QPushButton(tr("&Rejeter…"), this);
    m_reject->setObjectName(QStringLiteral("RejectButton"));
    m_reject->setToolTip(tr("Rejeter la proposition sélectionnée avec un motif (Suppr)."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_propose);
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reject);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("SuggestionsTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Moyen"), tr("Intervention"), tr("Besoin"), tr("ETA"), tr("Distance"),
                             tr("Couverture si le moyen part"), tr("Décision")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setRootIsDecorated(true);
    m_tree->header()->setStretchLastSection(true);

    // On a surge day: what waits, ranked, and the reinforcement that would shorten the waits most. Shown
    // only when something waits; the sentence first, as a préfet reads it.
    m_backlogBox = new QGroupBox(this);
    m_backlogBox->setObjectName(QStringLiteral("BacklogBox"));
    m_reinforcement = new QLabel(m_backlogBox);
    m_reinforcement->setObjectName(QStringLiteral("ReinforcementAdvice"));
    m_reinforcement->setWordWrap(true);
    m_reinforcement->setTextFormat(Qt::RichText);
    m_backlogTree = new QTreeWidget(m_backlogBox);
    m_backlogTree->setObjectName(QStringLiteral("BacklogTree"));
    m_backlogTree->setColumnCount(BacklogColumnCount);
    // Short headers: the dock is narrow on a 1920 × 1080 screen; the estimate is said in the tooltip.
    m_backlogTree->setHeaderLabels(
        {tr("Rang"), tr("Intervention"), tr("Besoin"), tr("Attend depuis"), tr("Libre dans")});
    m_backlogTree->headerItem()->setToolTip(
        FreeColumn, tr("Quand le premier moyen engagé de ce type se libérera : estimation d'après les durées "
                       "médianes d'intervention"));
    m_backlogTree->setRootIsDecorated(false);
    m_backlogTree->setAlternatingRowColors(true);
    m_backlogTree->header()->setStretchLastSection(true);
    // A few rows stay readable however small the dock: the first to wait are what the section is for.
    m_backlogTree->setMinimumHeight(5 * m_backlogTree->fontMetrics().height() + 8);
    auto *backlogLayout = new QVBoxLayout(m_backlogBox);
    backlogLayout->addWidget(m_reinforcement);
    backlogLayout->addWidget(m_backlogTree, 1);
    m_backlogBox->hide();

    m_status = new QLabel(tr("Appuyez sur F5 pour proposer une affectation."), this);
    m_status->setObjectName(QStringLiteral("SuggestionsStatus"));
    m_status->setWordWrap(true);
    m_messages = new QLabel(this);
    m_messages->setObjectName(QStringLiteral("SuggestionsMessages"));
    m_messages->setWordWrap(true);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_method);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 2);
    layout->addWidget(m_backlogBox, 1);
    layout->addWidget(m_status);
    // On a surge day the messages run to dozens of lines: they scroll, so that the proposals and the
    // backlog above keep their room.
    auto *messagesArea = new QScrollArea(this);
    messagesArea->setObjectName(QStringLiteral("SuggestionsMessagesArea"));
    messagesArea->setWidget(m_messages);
    messagesArea->setWidgetResizable(true);
    messagesArea->setFrameShape(QFrame::NoFrame);
    messagesArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    messagesArea->setMaximumHeight(6 * fontMetrics().lineSpacing());
    messagesArea->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(messagesArea);

    connect(m_propose, &QPushButton::clicked, this, &SuggestionsPanel::propose);
    connect(m_accept, &QPushButton::clicked, this, [this] { accept(currentRow()); });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Rejeter la proposition"), tr("Motif du rejet (il sera inscrit à la main courante) :"),
            QLineEdit::Normal, {}, &ok);
        if (ok)
            reject(row, reason.trimmed().isEmpty() ? tr("sans motif") : reason.trimmed());
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SuggestionsPanel::updateButtons);
    connect(&m_watcher, &QFutureWatcher<Computed>::finished, this, &SuggestionsPanel::onComputed);
    // A decision chained after another desk's (a shared room, a desk back online) may lose to it.
    connect(&m_manager, &PictureManager::pictureChanged, this, &SuggestionsPanel::showConflicts);

    // The shortcuts work wherever the focus is in the window: the dock is often not focused.
    auto *f5 = new QShortcut(QKeySequence(Qt::Key_F5), this, this, &SuggestionsPanel::propose);
    f5->setContext(Qt::WindowShortcut);
    // Their descriptions are what Aide › Raccourcis clavier lists.
    f5->setWhatsThis(tr("Proposer des affectations"));
    auto *enter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_tree);
    enter->setWhatsThis(tr("Accepter la proposition sélectionnée"));
    connect(enter, &QShortcut::activated, this, [this] { accept(currentRow()); });
    auto *del = new QShortcut(QKeySequence(Qt::Key_Delete), m_tree);
    del->setWhatsThis(tr("Rejeter la proposition sélectionnée (avec un motif)"));
    connect(del, &QShortcut::activated, m_reject, &QPushButton::click);
    updateButtons();
}

SuggestionsPanel::~SuggestionsPanel()
{
    m_watcher.waitForFinished();
}

bool SuggestionsPanel::busy() const
{
    return m_busy;
}

QString SuggestionsPanel::statusText() const
{
    return m_status->text();
}

void SuggestionsPanel::propose()
{
    if (busy())
        return;
    m_busy = true;
    m_propose->setEnabled(false);
    m_status->setText(tr("Calcul des propositions…"));
    QApplication::setOverrideCursor(Qt::BusyCursor);
    // The worker gets its own copy of the picture: the GUI thread keeps applying live entries meanwhile.
    // Waits are counted to the room's clock (an exercise's or a replay's time, else the wall clock).
    m_watcher.setFuture(QtConcurrent::run([picture = m_manager.picture(), context = &m_context,
                                           now = m_manager.clock().now(), roomFile = m_manager.location()] {
        Computed out;
        out.earlier = earlierProposals(roomFile, now);
        allocation::SuggestOptions options = context->options;
        if (!options.now)
            options.now = now;
        out.set = allocation::suggest(picture, context->graph, context->sectors, context->needs, options);
        for (const allocation::Suggestion &s : out.set.items) {
            const auto unit = picture.units.find(s.unit);
            const auto incident = picture.incidents.find(s.incident);
            if (unit == picture.units.end() || !unit->second.position ||
                (!s.moveUp && (incident == picture.incidents.end() || !incident->second.position)))
                continue;
            // A move-up goes to its station, a dispatch to its incident.
            const GeoPoint destination = s.moveUp ? s.stationPosition : *incident->second.position;
            SuggestedRoute r{s.unit, s.incident, s.agency, {}, false, false};
            if (context->graph && !s.approximate) {
                const auto from = context->graph->snap(*unit->second.position);
                const auto to = context->graph->snap(destination);
                if (from && to) {
                    routing::Route route = context->graph->route(*from, *to);
                    if (std::isfinite(route.seconds) && route.polyline.size() >= 2) {
                        r.polyline = std::move(route.polyline);
                        r.byRoad = true;
                    }
                }
            }
            if (r.polyline.empty())
                r.polyline = {*unit->second.position, destination};
            out.routes.push_back(std::move(r));
        }
        return out;
    }));
}

void SuggestionsPanel::onComputed()
{
    QApplication::restoreOverrideCursor();
    m_busy = false;
    Computed computed = m_watcher.result();
    // A proposal made again (same unit, incident and need) and still undecided, here and in the log, keeps
    // its entry: pressing F5 again records only the proposals that changed, whichever desk made them and
    // across a restart (the log's proposals of the last hours, then this panel's own).
    std::set<QString> decidedHere;
    for (std::size_t k = 0; k < m_recorded.size() && k < m_state.size(); ++k)
        if (!m_state[k].isEmpty())
            decidedHere.insert(m_recorded[k].data.value(QLatin1String("suggestion")).toString());
    const auto undecided = [this, &decidedHere](const Entry &e) {
        const QString id = e.data.value(QLatin1String("suggestion")).toString();
        return !decidedHere.contains(id) && !m_manager.picture().suggestions.contains(id);
    };
    std::map<QString, Entry> standing;
    for (const Entry &e : computed.earlier)
        if (undecided(e))
            standing.insert_or_assign(proposalKey(e), e); // the latest of a key stands
    for (std::size_t k = 0; k < m_set.items.size() && k < m_recorded.size() && k < m_state.size(); ++k)
        if (m_state[k].isEmpty() && undecided(m_recorded[k]))
            standing.insert_or_assign(proposalKey(m_set.items[k]), m_recorded[k]);
    m_set = std::move(computed.set);
    m_routes = std::move(computed.routes);
    m_recorded.clear();
    m_state.clear();
    m_standing.assign(m_set.items.size(), std::nullopt);
    ++m_generation;
    allocation::SuggestionSet fresh = m_set;
    fresh.items.clear();
    for (std::size_t k = 0; k < m_set.items.size(); ++k) {
        if (auto it = standing.find(proposalKey(m_set.items[k])); it != standing.end()) {
            m_standing[k] = it->second;
            standing.erase(it);
        } else {
            fresh.items.push_back(m_set.items[k]);
        }
    }
    // Suggestions are log entries: what was proposed, when and on what basis stays on record. They can be
    // decided once stored, which the writer thread says.
    if (fresh.items.empty()) {
        onRecorded(std::vector<Entry>{});
        return;
    }
    m_status->setText(tr("Inscription des propositions à la main courante…"));
    QPointer<SuggestionsPanel> self(this);
    m_manager.append(allocation::suggestionDrafts(fresh, deskAuthor(), m_manager.clock().now()),
                     [self](const Result<std::vector<Entry>> &stored) {
                         if (self)
                             self->onRecorded(stored);
                     });
}

void SuggestionsPanel::onRecorded(const Result<std::vector<Entry>> &stored)
{
    m_propose->setEnabled(true);
    QString refused;
    if (!stored) {
        refused = errorText(stored.error().message);
        m_set.items.clear();
        m_routes.clear();
    } else {
        // In the proposal's order: the standing entries where they are, the fresh ones in between.
        auto next = stored->begin();
        for (std::size_t k = 0; k < m_set.items.size(); ++k) {
            if (k < m_standing.size() && m_standing[k])
                m_recorded.push_back(*m_standing[k]);
            else if (next != stored->end())
                m_recorded.push_back(*next++);
        }
    }
    const auto kept =
        std::count_if(m_standing.begin(), m_standing.end(), [](const auto &e) { return e.has_value(); });
    m_standing.clear();
    m_state.assign(m_set.items.size(), QString());
    m_decisions.assign(m_set.items.size(), QUuid());
    fill();
    if (!m_set.items.empty() || !m_set.backlog.empty())
        makeRoom();
    if (!refused.isEmpty())
        m_status->setText(tr("Propositions non inscrites : %1").arg(refused));
    else if (m_set.items.empty())
        m_status->setText(tr("Aucune proposition (voir les messages ci-dessous)."));
    else if (kept == 0)
        m_status->setText(tr("%n proposition(s) inscrite(s) à la main courante, en attente de décision.",
                             nullptr, int(m_set.items.size())));
    else
        m_status->setText(
            tr("%1 proposition(s) en attente de décision : %2 nouvelle(s) inscrite(s) à la main "
               "courante, %3 inchangée(s), déjà inscrite(s).")
                .arg(m_set.items.size())
                .arg(qint64(m_set.items.size()) - kept)
                .arg(kept));
    const int row = currentRow();
    const bool open = row >= 0 && std::size_t(row) < m_state.size() && m_state[std::size_t(row)].isEmpty();
    m_accept->setEnabled(open);
    m_reject->setEnabled(open);
    Q_EMIT routesChanged(m_routes);
    Q_EMIT proposalFinished();
}

void SuggestionsPanel::fill()
{
    m_tree->clear();
    for (std::size_t k = 0; k < m_set.items.size(); ++k) {
        const allocation::Suggestion &s = m_set.items[k];
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(UnitColumn,
                      QStringLiteral("%1 (%2)").arg(s.callsign.isEmpty() ? s.unit : s.callsign, s.type));
        item->setForeground(UnitColumn, agencyColour(s.agency));
        if (s.moveUp) {
            // A move-up: where the unit goes to wait, and which sectors it brings back within the target.
            item->setText(IncidentColumn, tr("repositionnement : %1").arg(s.stationName));
            item->setText(NeedColumn, tr("couverture"));
            item->setText(EtaColumn,
                          minutesText(s.etaSeconds) + (s.approximate ? tr(" (approx.)") : QString()));
            item->setText(DistanceColumn, kmText(s.meters));
            const int target = int(m_set.coverage.targetSeconds / 60);
            item->setText(CoverageColumn, tr("rétablit %n secteur(s)", nullptr, int(s.restored.size())));
            item->setForeground(CoverageColumn, QColor(0x00, 0x9E, 0x73));
            item->setToolTip(CoverageColumn,
                             tr("Secteurs qui retrouvent un %1 à moins de %2 min : %3.\nCouverture attendue "
                                "regagnée (modèle MEXCLP) : %4")
                                 .arg(s.type)
                                 .arg(target)
                                 .arg(s.restored.join(QStringLiteral(", ")))
                                 .arg(QLocale().toString(-s.coverageLoss, 'f', 3)));
            for (int c = EtaColumn; c <= CoverageColumn; ++c)
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
            auto *why = new QTreeWidgetItem(item);
            why->setFirstColumnSpanned(true);
            if (s.uncovered.isEmpty()) {
                why->setText(UnitColumn, tr("les départs proposés laissent sans %1 à moins de %2 min : %3 ; "
                                            "aucun autre secteur n'en est privé")
                                             .arg(s.type)
                                             .arg(target)
                                             .arg(s.restored.join(QStringLiteral(", "))));
            } else {
                // The first of a pair: it takes a sector's only unit, which the next move-up covers again.
                why->setText(UnitColumn,
                             tr("à accepter avec le repositionnement suivant : seul, il laisse sans %1 "
                                "à moins de %2 min : %3")
                                 .arg(s.type)
                                 .arg(target)
                                 .arg(s.uncovered.join(QStringLiteral(", "))));
                why->setForeground(UnitColumn, QColor(0xD5, 0x5E, 0x00));
            }
            continue;
        }
        // The incident as the Incidents list names it (its title); its nature and reference in the tooltip.
        const QString type = incidentTypeLabel(s.incidentType);
        const auto incident = m_manager.picture().incidents.find(s.incident);
        const QString title =
            incident == m_manager.picture().incidents.end() ? QString() : incident->second.title;
        item->setText(IncidentColumn,
                      title.isEmpty() ? QStringLiteral("%1 — %2").arg(incidentRef(s.incident), type) : title);
        item->setToolTip(IncidentColumn,
                         title.isEmpty()
                             ? s.incident
                             : QStringLiteral("%1\n%2 · %3").arg(title, type, incidentRef(s.incident)));
        item->setText(NeedColumn, needText(s.need.count, s.need));
        item->setToolTip(NeedColumn, needTip(s.need, m_set.weights.followUpLevels));
        item->setText(EtaColumn, minutesText(s.etaSeconds) + (s.approximate ? tr(" (approx.)") : QString()));
        item->setText(DistanceColumn, kmText(s.meters));
        // In words a liaison reads: which sectors it leaves without a unit within the target time; the
        // model's figure stays in the tooltip.
        const int target = int(m_set.coverage.targetSeconds / 60);
        if (s.uncovered.isEmpty()) {
            item->setText(CoverageColumn, tr("gardée"));
        } else {
            item->setText(CoverageColumn,
                          tr("%n secteur(s) sans moyen à moins de %1 min", nullptr, int(s.uncovered.size()))
                              .arg(target));
            item->setForeground(CoverageColumn, QColor(0xD5, 0x5E, 0x00));
        }
        item->setToolTip(
            CoverageColumn,
            tr("Secteurs qu'aucun autre moyen disponible n'atteint en %1 min si celui-ci part : "
               "%2.\nPerte de couverture attendue (modèle MEXCLP) : %3")
                .arg(target)
                .arg(s.uncovered.isEmpty() ? tr("aucun") : s.uncovered.join(QStringLiteral(", ")))
                .arg(QLocale().toString(s.coverageLoss, 'f', 3)));
        for (int c = EtaColumn; c <= CoverageColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        for (const allocation::Alternative &a : s.alternatives) {
            auto *alt = new QTreeWidgetItem(item);
            alt->setText(UnitColumn, tr("alternative : %1").arg(a.unit));
            alt->setText(EtaColumn, minutesText(a.etaSeconds));
            alt->setText(DistanceColumn, kmText(a.meters));
            alt->setTextAlignment(EtaColumn, Qt::AlignRight | Qt::AlignVCenter);
            alt->setTextAlignment(DistanceColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (!s.uncovered.isEmpty()) {
            auto *gap = new QTreeWidgetItem(item);
            gap->setText(UnitColumn, tr("secteurs laissés sans moyen à moins de %1 min : %2")
                                         .arg(int(m_set.coverage.targetSeconds / 60))
                                         .arg(s.uncovered.join(QStringLiteral(", "))));
            gap->setFirstColumnSpanned(true);
            gap->setForeground(UnitColumn, QColor(0xD5, 0x5E, 0x00));
        }
    }
    for (int c = 0; c < ColumnCount - 1; ++c)
        m_tree->resizeColumnToContents(c);
    // A long title (« Match OM – PSG : périmètre de sécurité… ») would push the need, ETA and coverage out of
    // sight: about 30 characters of it, the whole in its tooltip.
    const int titleWidth = m_tree->fontMetrics().averageCharWidth() * 30;
    if (m_tree->columnWidth(IncidentColumn) > titleWidth)
        m_tree->setColumnWidth(IncidentColumn, titleWidth);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));

    QStringList lines;
    for (const QString &note : m_set.notes)
        if (note != QString::fromUtf8(routing::approximateNote)) // already said above, in colour
            lines.append(note);
    // The shortfalls' messages come last, one per shortfall (suggestion.h): the backlog says the same in
    // words a préfet reads, ranked.
    const qsizetype shown =
        m_set.backlog.empty()
            ? m_set.messages.size()
            : std::max<qsizetype>(0, m_set.messages.size() - qsizetype(m_set.shortfalls.size()));
    lines += m_set.messages.mid(0, shown);
    m_messages->setText(lines.join(QLatin1Char('\n')));
    fillBacklog();
    updateButtons();
}

// A proposal reads across six columns and the waiting list across five: below the map the dock shares the
// width with the log's tabs, which leave it a quarter of a 1920-pixel screen (three columns cut). When
// proposals arrive it takes half the window's width, unless it has it already or stands elsewhere (a compact
// screen's tabs on the right, floating); the desk can narrow it again, until the next proposals.
void SuggestionsPanel::makeRoom()
{
    QDockWidget *dock = nullptr;
    for (QWidget *w = parentWidget(); w && !dock; w = w->parentWidget())
        dock = qobject_cast<QDockWidget *>(w);
    auto *window = dock ? qobject_cast<QMainWindow *>(dock->parentWidget()) : nullptr;
    if (!window || dock->isFloating() || window->dockWidgetArea(dock) != Qt::BottomDockWidgetArea)
        return;
    const int wanted = window->width() / 2;
    if (dock->width() >= wanted)
        return;
    // Sized alone, Qt moves only part of the way: the docks in front beside it share the other half.
    QList<QDockWidget *> docks{dock};
    for (QDockWidget *d : window->findChildren<QDockWidget *>()) {
        if (d == dock || !d->isVisible() || d->isFloating() ||
            window->dockWidgetArea(d) != Qt::BottomDockWidgetArea)
            continue;
        // One per group of tabs (the log's, the events', the feeds' share a place).
        const QList<QDockWidget *> tabs = window->tabifiedDockWidgets(d);
        if (std::none_of(tabs.begin(), tabs.end(), [&docks](QDockWidget *t) { return docks.contains(t); }))
            docks << d;
    }
    QList<int> widths{wanted};
    for (qsizetype k = 1; k < docks.size(); ++k)
        widths << (window->width() - wanted) / int(docks.size() - 1);
    window->resizeDocks(docks, widths, Qt::Horizontal);
}

void SuggestionsPanel::fillBacklog()
{
    const allocation::Backlog &b = m_set.backlog;
    m_backlogTree->clear();
    m_backlogBox->setVisible(!b.empty());
    if (b.empty())
        return;
    m_backlogBox->setTitle(tr("En attente (%1)").arg(b.waiting.size()));
    int rank = 0;
    for (const allocation::WaitingNeed &w : b.waiting) {
        auto *item = new QTreeWidgetItem(m_backlogTree);
        item->setText(RankColumn, QString::number(++rank));
        const QString type = incidentTypeLabel(w.incidentType);
        item->setText(WaitingIncidentColumn,
                      w.title.isEmpty() ? QStringLiteral("%1 — %2").arg(incidentRef(w.incident), type)
                                        : w.title);
        item->setToolTip(WaitingIncidentColumn,
                         QStringLiteral("%1\n%2 · %3").arg(w.title, type, incidentRef(w.incident)).trimmed());
        item->setText(WaitingNeedColumn, needText(w.missing, w.need));
        item->setToolTip(WaitingNeedColumn, needTip(w.need, b.options.followUpLevels));
        item->setText(WaitedColumn, durationText(w.waitedSeconds));
        if (!std::isfinite(w.firstFreeSeconds)) {
            item->setText(FreeColumn, tr("aucun moyen engagé ne se libérera"));
            item->setForeground(FreeColumn, QColor(0xD5, 0x5E, 0x00));
        } else if (w.missing > 1 && std::isfinite(w.lastFreeSeconds)) {
            item->setText(FreeColumn,
                          tr("%1 (le dernier dans %2)")
                              .arg(durationText(w.firstFreeSeconds), durationText(w.lastFreeSeconds)));
        } else {
            item->setText(FreeColumn, durationText(w.firstFreeSeconds));
        }
        for (int c : {RankColumn, WaitedColumn})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int c = 0; c < BacklogColumnCount - 1; ++c)
        m_backlogTree->resizeColumnToContents(c);
    const int titleWidth = m_backlogTree->fontMetrics().averageCharWidth() * 30; // as in fill()
    if (m_backlogTree->columnWidth(WaitingIncidentColumn) > titleWidth)
        m_backlogTree->setColumnWidth(WaitingIncidentColumn, titleWidth);

    QStringList gains;
    for (const allocation::Reinforcement &r : b.reinforcements)
        gains.append(tr("%1 : %2").arg(needLabel(r.need)).arg(std::round(r.savedWeightedMinutes)));
    const QString delay = durationText(b.options.columnDelaySeconds);
    const allocation::Reinforcement &best = b.reinforcements.front();
    QString sentence;
    if (best.savedMinutes >= 1.0)
        sentence = tr("Une colonne de %1 %2 d'un département voisin (arrivée estimée dans %3) "
                      "réduirait l'attente cumulée de %4 : %n intervention(s) attendent un %2.",
                      nullptr, best.waitingIncidents)
                       .arg(b.options.columnUnits)
                       .arg(needLabel(best.need))
                       .arg(delay)
                       .arg(durationText(best.savedMinutes * 60.0));
    else
        sentence = tr("Une colonne de renfort d'un département voisin (arrivée estimée dans %1) "
                      "arriverait après que les moyens engagés se seront libérés : elle ne "
                      "réduirait pas ces attentes.")
                       .arg(delay);
    const QString gainsText = tr("Minutes d'attente qu'une colonne retirerait, pondérées par la priorité "
                                 "des besoins, par type de moyen : %1")
                                  .arg(gains.join(QStringLiteral(", ")));

    // One short line per kind in the section; the engaged units themselves in its tooltip.
    QStringList shortLines, details;
    for (const allocation::Reinforcement &r : b.reinforcements) {
        if (r.engaged.empty()) {
            shortLines.append(tr("%1 : aucun n'est engagé, aucun ne se libérera.").arg(needLabel(r.need)));
            continue;
        }
        shortLines.append(tr("%n %1 engagé(s) ; le premier libre dans %2.", nullptr, int(r.engaged.size()))
                              .arg(needLabel(r.need), durationText(r.engaged.front().freeInSeconds)));
        // The soonest free, as the core's text names them; how many more there are.
        QStringList units;
        const std::size_t listed = std::min(r.engaged.size(), allocation::Backlog::shownEngaged);
        for (std::size_t k = 0; k < listed; ++k) {
            const allocation::EngagedUnit &e = r.engaged[k];
            units.append(tr("%1 %2 depuis %3 (libre dans %4)")
                             .arg(e.callsign.isEmpty() ? unitRef(e.unit) : e.callsign,
                                  unitStatusLabel(e.status), durationText(e.engagedSeconds),
                                  durationText(e.freeInSeconds)));
        }
        if (listed < r.engaged.size())
            units.append(tr("%n autre(s)", nullptr, int(r.engaged.size() - listed)));
        details.append(tr("%n %1 engagé(s), les premiers libres : %2.", nullptr, int(r.engaged.size()))
                           .arg(needLabel(r.need), units.join(QStringLiteral(" ; "))));
    }
    const QString method =
        tr("Estimations : durées médianes d'intervention observées (sur les lieux, puis à "
           "l'hôpital pour un VSAV), compte tenu du temps déjà passé ; le trajet n'est pas "
           "compté.");
    // The sentence in bold, then one short line per kind: one label, so that a small dock still shows the
    // rows of the list below it.
    QStringList html{QStringLiteral("<b>%1</b>").arg(sentence.toHtmlEscaped())};
    for (const QString &line : shortLines)
        html.append(line.toHtmlEscaped());
    m_reinforcement->setText(html.join(QStringLiteral("<br>")));
    details.prepend(gainsText);
    details.append(method);
    m_reinforcement->setToolTip(details.join(QLatin1Char('\n')));
    for (int row = 0; row < m_backlogTree->topLevelItemCount(); ++row)
        m_backlogTree->topLevelItem(row)->setToolTip(FreeColumn, method);
}

int SuggestionsPanel::currentRow() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    return item ? m_tree->indexOfTopLevelItem(item) : -1;
}

void SuggestionsPanel::updateButtons()
{
    const int row = currentRow();
    const bool open = row >= 0 && std::size_t(row) < m_state.size() && m_state[std::size_t(row)].isEmpty();
    m_accept->setEnabled(open);
    m_reject->setEnabled(open);
}

bool SuggestionsPanel::accept(int row)
{
    if (row < 0 || std::size_t(row) >= m_recorded.size() || !m_state[std::size_t(row)].isEmpty())
        return false;
    auto drafts =
        allocation::acceptDrafts(m_recorded[std::size_t(row)], deskAuthor(), m_manager.clock().now());
    if (!drafts) {
        m_status->setText(drafts.error().message);
        return false;
    }
    return submitDecision(row, std::move(*drafts), QStringLiteral("accepted"),
                          tr("Acceptation non inscrite : %1"));
}

bool SuggestionsPanel::reject(int row, const QString &reason)
{
    if (row < 0 || std::size_t(row) >= m_recorded.size() || !m_state[std::size_t(row)].isEmpty())
        return false;
    auto drafts =
        allocation::rejectDrafts(m_recorded[std::size_t(row)], deskAuthor(), m_manager.clock().now(), reason);
    if (!drafts) {
        m_status->setText(drafts.error().message);
        return false;
    }
    return submitDecision(row, std::move(*drafts), QStringLiteral("rejected"), tr("Rejet non inscrit : %1"));
}

bool SuggestionsPanel::submitDecision(int row, std::vector<Entry> drafts, const QString &state,
                                      const QString &refusedText)
{
    // The row is taken while the writer thread stores the decision, so that it cannot be decided twice.
    m_state[std::size_t(row)] = QStringLiteral("pending");
    updateButtons();
    auto outcome = std::make_shared<std::optional<bool>>();
    QPointer<SuggestionsPanel> self(this);
    const quint64 generation = m_generation;
    m_manager.append(std::move(drafts), [self, row, state, refusedText, outcome,
                                         generation](const Result<std::vector<Entry>> &stored) {
        *outcome = stored.ok();
        if (!self || self->m_generation != generation)
            return; // a new proposal replaced the list meanwhile
        if (!stored) {
            self->m_state[std::size_t(row)].clear();
            self->m_status->setText(refusedText.arg(errorText(stored.error().message)));
            self->updateButtons();
            return;
        }
        self->m_decisions[std::size_t(row)] = stored->front().id;
        self->decided(row, state);
        self->showConflicts();
    });
    return outcome->value_or(true);
}

void SuggestionsPanel::decided(int row, const QString &state)
{
    m_state[std::size_t(row)] = state;
    const bool accepted = state == QLatin1String("accepted");
    QTreeWidgetItem *item = m_tree->topLevelItem(row);
    item->setText(StateColumn, accepted ? tr("acceptée") : tr("rejetée"));
    for (int c = 0; c < ColumnCount; ++c)
        item->setForeground(c, accepted ? QColor(0x00, 0x9E, 0x73)
                                        : palette().color(QPalette::Disabled, QPalette::Text));
    const allocation::Suggestion &s = m_set.items[std::size_t(row)];
    for (SuggestedRoute &r : m_routes)
        if (r.unit == s.unit && r.incident == s.incident)
            r.decided = true;
    const QString name = s.callsign.isEmpty() ? s.unit : s.callsign;
    if (s.moveUp)
        m_status->setText(
            accepted ? tr("%1 se repositionne à %2 (inscrit à la main courante).").arg(name, s.stationName)
                     : tr("Repositionnement de %1 à %2 rejeté (inscrit à la main courante).")
                           .arg(name, s.stationName));
    else
        m_status->setText(
            accepted
                ? tr("%1 part vers %2 (inscrit à la main courante).").arg(name, s.incident)
                : tr("Proposition %1 → %2 rejetée (inscrit à la main courante).").arg(s.unit, s.incident));
    m_manager.poll();
    Q_EMIT routesChanged(m_routes);
    // Move on to the next undecided suggestion: decisions are often taken in a row.
    for (int next = row + 1; next < m_tree->topLevelItemCount(); ++next)
        if (m_state[std::size_t(next)].isEmpty()) {
            m_tree->setCurrentItem(m_tree->topLevelItem(next));
            break;
        }
    updateButtons();
}

void SuggestionsPanel::showConflicts()
{
    const std::vector<Conflict> &conflicts = m_manager.picture().conflicts;
    for (std::size_t row = 0; row < m_decisions.size(); ++row) {
        if (m_decisions[row].isNull() || m_state[row] == QLatin1String("conflict"))
            continue;
        const auto c = std::find_if(conflicts.begin(), conflicts.end(),
                                    [&](const Conflict &k) { return k.loser.id == m_decisions[row]; });
        if (c == conflicts.end())
            continue;
        m_state[row] = QStringLiteral("conflict");
        QTreeWidgetItem *item = m_tree->topLevelItem(int(row));
        item->setText(StateColumn, tr("non prise en compte"));
        const QString why =
            tr("%1 l'avait fait avant vous, à %2 (n° %3) : votre décision (n° %4) n'a pas pris "
               "effet. Voir la main courante.")
                .arg(c->winner.author, roomTime(c->winner.time.msecs).toString(QStringLiteral("HH:mm")))
                .arg(c->winner.seq)
                .arg(c->loser.seq);
        for (int col = 0; col < ColumnCount; ++col) {
            item->setToolTip(col, why);
            item->setForeground(col, QColor(Qt::black));
            item->setBackground(col, LogModel::conflictBackground());
        }
        m_status->setText(why);
    }
    updateButtons();
}

} // namespace vigie::ui
