#include "ui/feeds_panel.h"

#include "ui/error_words.h"
#include "ui/refusal_words.h"

#include "ui/labels.h"

#include "room/picture_manager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::ui {

namespace {

QTableWidgetItem *numberItem(qint64 value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value); // sorts as a number
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

FeedsPanel::FeedsPanel(PictureManager &manager, QWidget *parent) : QWidget(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("FeedsPanel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("FeedsSummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("FeedsTable"));
    m_table->setHorizontalHeaderLabels({tr("Flux"), tr("Messages"), tr("Répétitions"), tr("Débit (msg/min)"),
                                        tr("Dernier message"), tr("Fraîcheur"), tr("Refusés")});
    m_table->horizontalHeaderItem(Repeats)->setToolTip(
        tr("Messages reçus plusieurs fois (passerelles qui rejouent) : comptés, stockés une seule fois."));
    m_table->horizontalHeaderItem(Rate)->setToolTip(
        tr("Messages distincts des 5 dernières minutes, par minute."));
    m_table->horizontalHeaderItem(Refused)->setToolTip(
        tr("Entrées mises en quarantaine avec leur motif (sélectionnez le flux pour les voir)."));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_refused = new QTextBrowser(this);
    m_refused->setObjectName(QStringLiteral("FeedsRefused"));
    m_refused->setPlaceholderText(tr("Sélectionnez un flux pour voir ses entrées refusées et leurs motifs."));

    m_pause = new QPushButton(tr("Mettre en pause"), this);
    m_pause->setObjectName(QStringLiteral("FeedsPause"));
    m_pause->setToolTip(tr("Ctrl+P — Ce que le flux envoie pendant la pause est mis de côté (quarantaine), "
                           "pas versé au journal ; la pause et la reprise sont inscrites au journal."));
    m_pause->setEnabled(false);
    connect(m_pause, &QPushButton::clicked, this, &FeedsPanel::togglePause);
    connect(&manager, &PictureManager::replayChanged, this, &FeedsPanel::updatePauseButton);
    auto *pauseKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
    pauseKey->setContext(Qt::WidgetWithChildrenShortcut);
    pauseKey->setWhatsThis(tr("Mettre en pause ou reprendre le flux sélectionné")); // Aide › Raccourcis
    connect(pauseKey, &QShortcut::activated, this, &FeedsPanel::togglePause);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addStretch(1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_refused);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FeedsPanel::showRefused);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FeedsPanel::updatePauseButton);
    connect(&manager, &PictureManager::entriesAppended, this,
            [this](const std::vector<Entry> &entries) { m_health.apply(entries); });
    connect(&manager, &PictureManager::pictureChanged, this, [this] {
        // New entries: refresh soon, at most twice a second however fast the feeds arrive.
        if (!m_timer.isActive() || m_timer.remainingTime() > 500)
            m_timer.start(500);
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        refresh();
        if (!m_timer.isActive()) // sooner while the log's past is still being read
            m_timer.start(5000); // staleness grows even when nothing arrives
    });
    refresh();
    if (!m_timer.isActive())
        m_timer.start(5000);
}

QString FeedsPanel::stalenessText(qint64 seconds)
{
    if (seconds < staleSeconds)
        return tr("à jour");
    if (seconds < 3600)
        return tr("ancien (%1 min)").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("muet depuis %1 h").arg(seconds / 3600);
    return tr("muet depuis %1 j").arg(seconds / 86400);
}

void FeedsPanel::refresh()
{
    const Timestamp now = m_manager.clock().now();
    // What arrived since the last refresh: a step of the log's past while a long room is read for the first
    // time (the rest at the next tick, soon), the new quarantine rows, and now and then the repeats.
    auto caughtUp = m_health.catchUp(m_manager.store(), m_manager.picture().lastSeq);
    auto refusedRead = caughtUp ? m_health.readQuarantine(m_manager.store()) : Result<bool>(caughtUp.error());
    if (!refusedRead) {
        m_summary->setText(refusedRead.error().message);
        return;
    }
    if (!*caughtUp || !*refusedRead)
        m_timer.start(50);
    if (m_repeatsReadAt == 0 || now.msecs - m_repeatsReadAt >= repeatsEverySeconds * 1000) {
        if (auto r = m_health.readRepeats(m_manager.store()); !r) {
            m_summary->setText(r.error().message);
            return;
        }
        m_repeatsReadAt = now.msecs;
    }
    std::vector<feeds::FeedHealthRow> stats = m_health.rows(now);
    if (auto r = m_controls.refresh(m_manager.store()); !r) {
        m_summary->setText(r.error().message);
        return;
    }
    // A paused feed stays listed even before it sent anything.
    for (const auto &[feed, pause] : m_controls.pausedFeeds())
        if (std::none_of(stats.begin(), stats.end(),
                         [&name = feed](const feeds::FeedHealthRow &s) { return s.source == name; }))
            stats.push_back({feed, 0, std::nullopt, 0, 0, {}, {}});
    const QString selected = selectedFeed();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(stats.size()));
    qint64 stale = 0, refused = 0, paused = 0;
    int row = 0;
    for (const feeds::FeedHealthRow &s : stats) {
        auto *source = new QTableWidgetItem(feedSourceLabel(s.source));
        source->setData(Qt::UserRole, s.source);
        source->setToolTip(s.source);
        m_table->setItem(row, Source, source);
        m_table->setItem(row, Messages, numberItem(s.messages));
        // Not known on a replica: said as a dash, not as a count of zero.
        QTableWidgetItem *repeats =
            s.repeats ? numberItem(*s.repeats) : new QTableWidgetItem(QStringLiteral("—"));
        if (!s.repeats) {
            repeats->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            repeats->setToolTip(
                tr("Inconnu ici : seul le serveur qui a reçu les messages compte les répétitions."));
        }
        m_table->setItem(row, Repeats, repeats);
        auto *rate = new QTableWidgetItem(
            QLocale().toString(double(s.recent) * 60.0 / double(rateWindowSeconds), 'f', 1));
        rate->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, Rate, rate);
        // The last thing heard from the source, accepted or refused.
        const qint64 last = std::max(s.lastMessage.msecs, s.lastRefused.msecs);
        m_table->setItem(row, LastMessage,
                         new QTableWidgetItem(last > 0
                                                  ? QLocale().toString(roomTime(last), QLocale::ShortFormat)
                                                  : QStringLiteral("–")));
        const qint64 age = last > 0 ? std::max<qint64>(0, (now.msecs - last) / 1000) : deadSeconds;
        auto *staleness = new QTableWidgetItem(stalenessText(age));
        // Okabe–Ito green / orange / vermillion: distinct for the common colour-vision deficiencies, and the
        // words say the same thing.
        const QColor colour = age < staleSeconds  ? QColor(0x00, 0x9E, 0x73)
                              : age < deadSeconds ? QColor(0xE6, 0x9F, 0x00)
                                                  : QColor(0xD5, 0x5E, 0x00);
        staleness->setBackground(colour);
        staleness->setForeground(Qt::black);
        // An exercise's stimulus is one message the trainer played, not a stream: its silence afterwards is
        // no failure (the trainer saw « muet depuis… » on every stimulus played).
        const bool stimulus = isExerciseStimulus(s.source);
        if (stimulus) {
            staleness->setText(tr("stimulus joué"));
            staleness->setBackground(QColor(0xDD, 0xDD, 0xDD));
        }
        if (const feeds::FeedPause *pause = m_controls.paused(s.source)) {
            // Grey, and the words say it: a paused feed's silence is a decision, not a failure.
            staleness->setText(tr("en pause (%1, %2)")
                                   .arg(pause->author, QLocale().toString(roomTime(pause->since.msecs),
                                                                          QLocale::ShortFormat)));
            staleness->setBackground(QColor(0xBB, 0xBB, 0xBB));
            ++paused;
        }
        m_table->setItem(row, Staleness, staleness);
        auto *refusedItem = numberItem(s.quarantined);
        if (s.quarantined > 0)
            refusedItem->setForeground(QColor(0xD5, 0x5E, 0x00));
        m_table->setItem(row, Refused, refusedItem);
        stale += age >= staleSeconds && !m_controls.paused(s.source) && !stimulus;
        refused += s.quarantined;
        if (s.source == selected)
            m_table->selectRow(row);
        ++row;
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_summary->setText(stats.empty()
                           ? tr("Aucun flux reçu dans cette salle.")
                           : tr("%1 flux · %2 en pause · %3 sans message depuis plus de %4 min · entrées "
                                "refusées : %5")
                                 .arg(stats.size())
                                 .arg(paused)
                                 .arg(stale)
                                 .arg(staleSeconds / 60)
                                 .arg(refused));
    if (!*caughtUp) // counts still growing: the log's past is being read, in steps
        m_summary->setText(m_summary->text() + tr(" · lecture du journal : entrée %1 sur %2")
                                                   .arg(m_health.appliedUpTo())
                                                   .arg(m_manager.picture().lastSeq));
    updatePauseButton();
}

QString FeedsPanel::selectedFeed() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, Source) ? m_table->item(row, Source)->data(Qt::UserRole).toString()
                                                  : QString();
}

void FeedsPanel::updatePauseButton()
{
    const QString feed = selectedFeed();
    // A pause is written to the log: not while the console shows the past (the room would refuse it).
    m_pause->setEnabled(!feed.isEmpty() && !m_manager.replaying());
    m_pause->setText(!feed.isEmpty() && m_controls.paused(feed) ? tr("Reprendre le flux")
                                                                : tr("Mettre en pause"));
}

void FeedsPanel::togglePause()
{
    const QString feed = selectedFeed();
    if (feed.isEmpty())
        return;
    const bool pause = !m_controls.paused(feed);
    QPointer<FeedsPanel> self(this);
    m_manager.append({feeds::feedControlDraft(feed, pause, deskAuthor(), m_manager.clock().now())},
                     [self](const Result<std::vector<Entry>> &stored) {
                         if (!self)
                             return;
                         if (!stored) {
                             QMessageBox::warning(self, tr("Flux"),
                                                  tr("Impossible d'inscrire la décision au journal : %1")
                                                      .arg(errorText(stored.error().message)));
                             return;
                         }
                         self->refresh();
                     });
}

void FeedsPanel::showRefused()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, Source))
        return;
    const QString source = m_table->item(row, Source)->data(Qt::UserRole).toString();
    // The latest refusals the dock keeps, read with the quarantine (not the whole quarantine again).
    const std::deque<QuarantineItem> &items = m_health.latestRefused(source);
    qint64 total = 0;
    for (const feeds::FeedHealthRow &s : m_health.rows(m_manager.clock().now()))
        if (s.source == source)
            total = s.quarantined;
    QString html;
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        html += QStringLiteral("<p><b>%1</b> — %2<br>%3</p>")
                    .arg(QLocale().toString(roomTime(it->received.msecs), QLocale::ShortFormat),
                         refusalPlaceText(it->position).toHtmlEscaped(),
                         refusalReasonText(it->reason).toHtmlEscaped());
    if (total == 0)
        html = tr("<p>Aucune entrée refusée pour %1.</p>").arg(source.toHtmlEscaped());
    else if (total > 50)
        html.prepend(tr("<p><i>Les 50 plus récentes sur %1 (vigie-cli quarantine pour tout voir).</i></p>")
                         .arg(total));
    m_refused->setHtml(html);
}

} // namespace vigie::ui
