#include "ui/events_panel.h"

#include "ui/dps_dialog.h"
#include "ui/error_words.h"

#include "anticipation/event_import.h"
#include "maps/web_mercator.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace vigie::ui {

namespace {

enum Column
{
    Date,
    Time,
    Title,
    Type,
    Attendance,
    Place,
    Clashes,
    ColumnCount
};

QString placeOf(const PlannedEvent &e)
{
    if (!e.venue.isEmpty())
        return e.venue;
    switch (e.geo.type) {
    case Geometry::Type::LineString:
        return EventsPanel::tr("parcours");
    case Geometry::Type::Polygon:
        return EventsPanel::tr("zone");
    default:
        break;
    }
    const auto at = e.geo.anchor();
    return at ? QStringLiteral("%1, %2").arg(at->lat, 0, 'f', 4).arg(at->lon, 0, 'f', 4) : QString();
}

QString clashKindLabel(anticipation::Clash::Kind k)
{
    switch (k) {
    case anticipation::Clash::Kind::Overlap:
        return EventsPanel::tr("Simultanés et proches");
    case anticipation::Clash::Kind::AccessCut:
        return EventsPanel::tr("Accès coupé");
    case anticipation::Clash::Kind::AccessSlowed:
        return EventsPanel::tr("Accès ralenti");
    case anticipation::Clash::Kind::OffNetwork:
        return EventsPanel::tr("Hors des rues");
    }
    return {};
}

} // namespace

EventsPanel::EventsPanel(PictureManager &manager, Anonymiser anonymiser, const routing::RoadNetwork *network,
                         QWidget *parent)
    : QWidget(parent), m_manager(manager), m_anonymiser(std::move(anonymiser)), m_network(network)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Période :"), this));
    m_period = new QComboBox(this);
    m_period->addItem(tr("7 prochains jours"), 7);
    m_period->addItem(tr("30 prochains jours"), 30);
    m_period->addItem(tr("12 prochains mois"), 366);
    m_period->addItem(tr("Tout le calendrier"), 0);
    m_period->setCurrentIndex(2);
    bar->addWidget(m_period);
    m_status = new QLabel(this);
    // Cut rather than widen the panel on a small screen (its column shares 1366 px with the map); the
    // tooltip says it whole.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_status, 1);
    // The selected event's first-aid cover, sized with its own figures (also a double click on the event).
    m_dps = new QPushButton(tr("Dimensionner le DPS…"), this);
    m_dps->setToolTip(tr("Dispositif prévisionnel de secours de l'événement choisi (grille RNMSC-DPS), "
                         "avec son affluence, sa date et son lieu"));
    m_dps->setEnabled(false);
    bar->addWidget(m_dps);
    layout->addLayout(bar);

    // The list and the selected event's detail on the left, the clashes on the right: a bottom dock is wide
    // and low.
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QSplitter(Qt::Vertical, split);
    m_table = new QTableWidget(0, ColumnCount, left);
    m_table->setHorizontalHeaderLabels(
        {tr("Date"), tr("Heure"), tr("Événement"), tr("Type"), tr("Affluence"), tr("Lieu"), tr("Conflits")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_details = new QLabel(left);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMaximumHeight(5 * m_details->fontMetrics().height() + 8);
    auto *clashBox = new QWidget(split);
    auto *clashLayout = new QVBoxLayout(clashBox);
    clashLayout->setContentsMargins(0, 0, 0, 0);
    clashLayout->addWidget(new QLabel(tr("<b>Conflits de calendrier</b>"), clashBox));
    m_clashes = new QTreeWidget(clashBox);
    m_clashes->setHeaderLabels({tr("Conflit"), tr("Avec"), tr("Raison")});
    m_clashes->setRootIsDecorated(false);
    m_clashes->setWordWrap(true);
    clashLayout->addWidget(m_clashes);
    left->addWidget(m_table);
    left->addWidget(m_details);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 0);
    split->addWidget(left);
    split->addWidget(clashBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &EventsPanel::fill);
    connect(m_dps, &QPushButton::clicked, this, [this] { sizeFirstAidCover(); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { sizeFirstAidCover(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { showDetails(true); });
    connect(&m_watcher, &QFutureWatcher<std::vector<anticipation::Clash>>::finished, this,
            &EventsPanel::onChecked);
    connect(&manager, &PictureManager::pictureChanged, this, &EventsPanel::calendarMaybeChanged);
    connect(&manager, &PictureManager::reloaded, this, &EventsPanel::calendarMaybeChanged);
    calendarMaybeChanged();
}

EventsPanel::~EventsPanel()
{
    m_watcher.waitForFinished(); // the worker reads the network this panel was given
}

std::pair<Timestamp, Timestamp> EventsPanel::period() const
{
    const int days = m_period->currentData().toInt();
    if (days == 0)
        return {Timestamp{std::numeric_limits<qint64>::min()}, Timestamp{std::numeric_limits<qint64>::max()}};
    const Timestamp now = m_manager.clock().now();
    return {now, Timestamp{now.msecs + qint64(days) * 86'400'000}};
}

void EventsPanel::calendarMaybeChanged()
{
    const auto &calendar = m_manager.picture().plannedEvents;
    if (m_shown && calendar == m_calendar)
        return; // most pictures change units and incidents, not the calendar
    m_shown = true;
    m_calendar = calendar;
    fill();
    startCheck();
}

void EventsPanel::startCheck()
{
    if (m_checking) {
        m_again = true;
        return;
    }
    m_checking = true;
    m_status->setText(m_calendar.empty() ? QString() : tr("Recherche des conflits…"));
    // On a worker: the access check builds road graphs around each station near a closure.
    m_watcher.setFuture(QtConcurrent::run([calendar = m_calendar, network = m_network] {
        return anticipation::findClashes(calendar, anticipation::ClashRules::defaults(),
                                         anticipation::marseilleSites(), network);
    }));
}

void EventsPanel::onChecked()
{
    m_found = m_watcher.result();
    m_checking = false;
    if (m_again) {
        m_again = false;
        startCheck();
    }
    m_status->setText(m_network ? tr("%n conflit(s)", nullptr, int(m_found.size()))
                                : tr("%n conflit(s) · accès des secours non vérifié (pas de réseau routier)",
                                     nullptr, int(m_found.size())));
    m_status->setToolTip(m_network
                             ? QString()
                             : tr("L'accès des casernes et des hôpitaux n'est vérifié qu'avec un réseau "
                                  "routier importé (vigie-cli import-roads)."));
    fill();
    Q_EMIT clashesChecked();
}

void EventsPanel::fill()
{
    const auto [from, to] = period();
    std::vector<const PlannedEvent *> shown;
    for (const auto &[id, e] : m_calendar)
        if (e.overlaps(from, to))
            shown.push_back(&e);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const PlannedEvent *a, const PlannedEvent *b) { return a->start < b->start; });
    std::map<QString, int> clashCount;
    for (const anticipation::Clash &c : m_found) {
        ++clashCount[c.event];
        if (c.kind == anticipation::Clash::Kind::Overlap)
            ++clashCount[c.other];
    }
    const QString selected = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), Title)
                                 ? m_table->item(m_table->currentRow(), Title)->data(Qt::UserRole).toString()
                                 : QString();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(shown.size()));
    const QLocale locale;
    std::vector<maps::MapPlannedEvent> shapes;
    for (int row = 0; row < int(shown.size()); ++row) {
        const PlannedEvent &e = *shown[std::size_t(row)];
        const QDateTime start = e.start.toDateTime().toLocalTime(), end = e.end.toDateTime().toLocalTime();
        const int clashes = clashCount.contains(e.id) ? clashCount[e.id] : 0;
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (clashes > 0)
                item->setForeground(QColor(0xb0, 0x10, 0x10));
            m_table->setItem(row, column, item);
            return item;
        };
        set(Date, locale.toString(start.date(), QStringLiteral("ddd dd/MM/yyyy")));
        set(Time, start.date() == end.date()
                      ? QStringLiteral("%1–%2").arg(start.toString(QStringLiteral("HH:mm")),
                                                    end.toString(QStringLiteral("HH:mm")))
                      : QStringLiteral("%1 → %2").arg(start.toString(QStringLiteral("HH:mm")),
                                                      locale.toString(end, QStringLiteral("dd/MM HH:mm"))));
        set(Title, e.title)->setData(Qt::UserRole, e.id);
        set(Type, anticipation::eventTypeLabel(e.type));
        set(Attendance, e.attendance ? locale.toString(*e.attendance) : QString())
            ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        set(Place, placeOf(e));
        set(Clashes, clashes > 0 ? QString::number(clashes) : QString())->setTextAlignment(Qt::AlignCenter);
        if (e.id == selected)
            m_table->selectRow(row);
        maps::MapPlannedEvent shape;
        shape.shape = e.geo.type == Geometry::Type::LineString ? maps::MapPlannedEvent::Shape::Route
                      : e.geo.type == Geometry::Type::Polygon  ? maps::MapPlannedEvent::Shape::Area
                                                               : maps::MapPlannedEvent::Shape::Venue;
        for (const GeoPoint &p : e.geo.points)
            shape.world.push_back(maps::project(p, 0));
        shape.label = e.title;
        shape.clash = clashes > 0;
        shape.selected = e.id == selected;
        shapes.push_back(std::move(shape));
    }
    // The clashes of the events shown.
    m_clashes->clear();
    std::set<QString> shownIds;
    for (const PlannedEvent *e : shown)
        shownIds.insert(e->id);
    for (const anticipation::Clash &c : m_found) {
        if (!shownIds.contains(c.event) && !shownIds.contains(c.other))
            continue;
        const auto it = m_calendar.find(c.event);
        auto *item =
            new QTreeWidgetItem(m_clashes, {clashKindLabel(c.kind) + QStringLiteral(" : ") +
                                                (it != m_calendar.end() ? it->second.title : c.event),
                                            c.otherTitle, c.reason});
        item->setToolTip(2, c.reason);
        item->setForeground(0, QColor(0xb0, 0x10, 0x10));
    }
    m_clashes->resizeColumnToContents(0);
    // Those in a clash on top: several events share a venue (every match at the Vélodrome).
    std::stable_partition(shapes.begin(), shapes.end(),
                          [](const maps::MapPlannedEvent &e) { return !e.clash; });
    Q_EMIT shapesChanged(shapes);
    showDetails(false);
}

void EventsPanel::showDetails(bool centre)
{
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, Title) : nullptr;
    const auto it = item ? m_calendar.find(item->data(Qt::UserRole).toString()) : m_calendar.end();
    m_dps->setEnabled(it != m_calendar.end());
    if (it == m_calendar.end()) {
        m_details->setText(m_calendar.empty() ? tr("Aucun événement prévu : Anticipation › Importer des "
                                                   "événements… (CSV ou iCalendar)")
                                              : QString());
        return;
    }
    const PlannedEvent &e = it->second;
    const QLocale locale;
    QString html = QStringLiteral("<b>%1</b> — %2<br>")
                       .arg(e.title.toHtmlEscaped(), anticipation::eventTypeLabel(e.type));
    html += tr("Du %1 au %2")
                .arg(locale.toString(e.start.toDateTime().toLocalTime(), QLocale::ShortFormat),
                     locale.toString(e.end.toDateTime().toLocalTime(), QLocale::ShortFormat));
    if (e.attendance)
        html += QStringLiteral(" · ") + tr("%1 personnes attendues").arg(locale.toString(*e.attendance));
    if (!e.venue.isEmpty())
        html += QStringLiteral("<br>") + tr("Lieu : %1").arg(e.venue.toHtmlEscaped());
    if (!e.organiser.isEmpty())
        html += QStringLiteral("<br>") + tr("Organisateur : %1").arg(e.organiser.toHtmlEscaped());
    if (!e.source.isEmpty())
        html += QStringLiteral("<br><small>") + tr("Source : %1").arg(e.source.toHtmlEscaped()) +
                QStringLiteral(" · ") + e.id.toHtmlEscaped() + QStringLiteral("</small>");
    m_details->setText(html);
    if (const auto at = e.geo.anchor(); at && centre)
        Q_EMIT placeChosen(*at);
}

void EventsPanel::importInteractively()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Importer des événements"), QString(),
        tr("Calendriers (*.csv *.ics *.ical);;CSV (*.csv);;iCalendar (*.ics *.ical);;Tous les fichiers (*)"));
    if (file.isEmpty())
        return;
    auto *progress =
        new QProgressDialog(tr("Import de %1…").arg(QFileInfo(file).fileName()), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        this, &EventsPanel::importFinished, progress,
        [this, progress](const QString &summary) {
            progress->close();
            QMessageBox::information(this, tr("Import d'événements"), summary);
        },
        Qt::SingleShotConnection);
    importFile(file);
}

namespace {

/// What the worker makes of a file: the drafts and refused rows to write, and the summary to show once
/// written (or why nothing is to be written).
struct ImportJob
{
    QString error;
    std::vector<Entry> drafts;
    std::vector<Refused> refused;
    QString summary;
};

} // namespace

void EventsPanel::importFile(const QString &file)
{
    const Timestamp now = m_manager.clock().now();
    auto *watcher = new QFutureWatcher<ImportJob>(this);
    connect(watcher, &QFutureWatcher<ImportJob>::finished, this, [this, watcher] {
        ImportJob job = watcher->result();
        watcher->deleteLater();
        if (!job.error.isEmpty()) {
            Q_EMIT importFinished(job.error);
            return;
        }
        if (job.drafts.empty() && job.refused.empty()) {
            Q_EMIT importFinished(job.summary);
            return;
        }
        // The console's one writer, as for a note or a decision: the room file's writer thread, or the desk's
        // link (its queue, then the server). It refuses while replaying, and folds what it stored.
        m_manager.append(std::move(job.drafts), std::move(job.refused),
                         [this, summary = job.summary](const Result<std::vector<Entry>> &stored) {
                             Q_EMIT importFinished(stored ? summary : errorText(stored.error().message));
                         });
    });
    // Reading and parsing the file and comparing it with the calendar happen on the worker (a copy of the
    // calendar): nothing of it blocks the GUI thread, and nothing of it writes.
    watcher->setFuture(QtConcurrent::run([file, now, anonymiser = m_anonymiser,
                                          calendar = m_calendar]() -> ImportJob {
        ImportJob job;
        anticipation::ImportOptions options;
        options.from = now;
        options.to = Timestamp::fromDateTime(now.toDateTime().addMonths(12));
        auto imported = anticipation::importEventsFile(file, options);
        if (!imported) {
            job.error = imported.error().message;
            return job;
        }
        anticipation::ImportPlan plan =
            anticipation::planImport(imported->events, calendar, QStringLiteral("console"), now, &anonymiser);
        Refused refused{QStringLiteral("events:") + QFileInfo(file).fileName(), {}};
        for (const anticipation::ImportProblem &p : imported->problems)
            refused.items.push_back({p.position,
                                     p.field.isEmpty() ? p.reason : p.field + QStringLiteral(": ") + p.reason,
                                     p.input});
        if (!refused.items.empty())
            job.refused.push_back(std::move(refused));
        job.drafts = std::move(plan.drafts);
        job.summary = EventsPanel::tr("%1 : %2 nouveau(x), %3 remplacé(s), %4 inchangé(s), %5 refusé(s).")
                          .arg(QFileInfo(file).fileName())
                          .arg(plan.added)
                          .arg(plan.replaced)
                          .arg(plan.unchanged)
                          .arg(imported->problems.size());
        for (std::size_t i = 0; i < imported->problems.size() && i < 10; ++i)
            job.summary += QStringLiteral("\n") + imported->problems[i].message();
        return job;
    }));
}

DpsDialog *EventsPanel::sizeFirstAidCover()
{
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, Title) : nullptr;
    const auto it = item ? m_calendar.find(item->data(Qt::UserRole).toString()) : m_calendar.end();
    if (it == m_calendar.end())
        return nullptr;
    const PlannedEvent &e = it->second;
    reports::DpsEvent event;
    event.name = e.title;
    event.place = e.venue;
    event.organiser = e.organiser;
    event.date = e.start.toDateTime().toLocalTime().date();
    auto *dialog =
        new DpsDialog(event, e.attendance.value_or(0), m_manager.info().mode == RoomMode::Exercise, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace vigie::ui
