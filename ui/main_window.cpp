#include "ui/main_window.h"

#include "ui/desk_panel.h"
#include "ui/dps_dialog.h"
#include "ui/error_words.h"
#include "ui/forecast_panel.h"
#include "ui/incidents_panel.h"
#include "ui/labels.h"
#include "ui/log_panel.h"
#include "ui/models/incidents_model.h"
#include "ui/models/log_model.h"
#include "ui/models/units_model.h"
#include "ui/note_dialog.h"
#include "ui/room_opener.h"

#include "fusion/corrections.h"
#include "log/entry_kinds.h"
#include "room/picture_manager.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    auto *view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setWordWrap(false);
    // Keep columns readable as rows arrive, without resizing on every live batch.
    QObject::connect(model, &QAbstractItemModel::modelReset, view,
                     [view] { view->resizeColumnsToContents(); });
    view->resizeColumnsToContents();
    return view;
}

} // namespace

MainWindow::MainWindow(PictureManager &manager, QWidget *parent) : QMainWindow(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_units = new UnitsModel(manager, this);
    m_log = new LogModel(manager, 20000, this);

    buildBanner();
    m_viewMenu = menuBar()->addMenu(tr("&Affichage"));
    buildActions();

    m_incidentsPanel = new IncidentsPanel(manager, this);
    m_incidentsView = m_incidentsPanel->view();
    connect(m_incidentsPanel, &IncidentsPanel::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 20000); });
    buildIncidentActions();
    buildAnticipationMenu();
    auto *centre = new QWidget(this);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_damage);
    m_offline = new QLabel(this);
    m_offline->setObjectName(QStringLiteral("OfflineBanner"));
    m_offline->setAlignment(Qt::AlignCenter);
    m_offline->setMargin(6);
    m_offline->setWordWrap(true);
    m_offline->setFont(m_damage->font());
    // Dark blue, white text: not the exercise's orange nor the damage's red, readable from a wall.
    m_offline->setStyleSheet(QStringLiteral("background:#0B3C5D;color:white;"));
    m_offline->hide();
    layout->addWidget(m_offline);
    layout->addWidget(m_incidentsPanel, 1);
    setCentralWidget(centre);

    auto *unitsView = makeTable(m_units, this);
    unitsView->setObjectName(QStringLiteral("UnitsView"));
    unitsView->sortByColumn(UnitsModel::Callsign, Qt::AscendingOrder);
    unitsView->setMinimumWidth(400);
    // What a desk looks for first: is the unit free, and if not, on what. Service, type and station follow
    // (the callsign says most of them), where the dock's width cuts first.
    unitsView->horizontalHeader()->moveSection(unitsView->horizontalHeader()->visualIndex(UnitsModel::Status),
                                               1);
    unitsView->horizontalHeader()->moveSection(
        unitsView->horizontalHeader()->visualIndex(UnitsModel::Incident), 2);
    addPanel(QStringLiteral("UnitsDock"), tr("Moyens"), unitsView, Qt::RightDockWidgetArea,
             QKeySequence(Qt::CTRL | Qt::Key_1));
    m_unitsView = unitsView;
    buildUnitActions();

    m_logPanel = new LogPanel(m_log, this);
    m_logPanel->setRoomFile(manager.location()); // "Tout le journal" reads it on a worker thread
    auto *logDock = addPanel(QStringLiteral("LogDock"), tr("Main courante"), m_logPanel,
                             Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_2));
    // Ctrl+F searches the log when it has the focus; Ctrl+Shift+F from anywhere, showing it first.
    auto *find = m_viewMenu->addAction(tr("&Rechercher dans la main courante…"));
    find->setObjectName(QStringLiteral("FindInLog"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(find, &QAction::triggered, this, [this, logDock] {
        logDock->show();
        logDock->raise();
        m_logPanel->focusSearch();
    });

    m_forecast = new ForecastPanel(manager.location(), this);
    m_forecastDock = addPanel(QStringLiteral("ForecastDock"), tr("Prévision des interventions"), m_forecast,
                              Qt::BottomDockWidgetArea);
    m_forecastDock->setProperty("vigieKeepsArea", true);
    m_forecastDock->hide();
    auto *forecast = m_anticipationMenu->addAction(tr("&Prévision des interventions…"));
    forecast->setObjectName(QStringLiteral("ForecastIncidents"));
    forecast->setStatusTip(
        tr("Interventions attendues par tranche horaire et par maille, et effectifs de police pour "
           "un événement prévu, avec les données qui les fondent."));
    connect(forecast, &QAction::triggered, this, &MainWindow::showForecast);

    m_counts = new QLabel(this);
    statusBar()->addPermanentWidget(m_counts);
    connect(&manager, &PictureManager::pictureChanged, this, &MainWindow::updateBanner);
    connect(&manager, &PictureManager::damageFound, this, [this] {
        updateDamage();
        updateBanner();
    });
    connect(&manager, &PictureManager::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // An official never decides on a past picture: writing is greyed while replaying (and refused anyway).
    connect(&manager, &PictureManager::replayChanged, this, [this](bool replaying) {
        for (QAction *a : m_writing)
            a->setEnabled(!replaying);
    });
    updateDamage();
    updateBanner();
    resize(1600, 900);
}

bool MainWindow::refusedInReplay()
{
    if (!m_manager.replaying())
        return false;
    statusBar()->showMessage(
        tr("Relecture : la salle est affichée telle qu'elle était le %1. Rien n'est inscrit ; revenez au "
           "direct "
           "(Ctrl+R) pour écrire.")
            .arg(roomTime(m_manager.replayTime().msecs).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"))),
        15000);
    return true;
}

void MainWindow::attachDesk(const QString &deskName)
{
    m_deskName = deskName;
    m_presence = new PresencePanel(this);
    addPanel(QStringLiteral("PresenceDock"), tr("Salle"), m_presence, Qt::RightDockWidgetArea,
             QKeySequence(Qt::CTRL | Qt::Key_7));
}

void MainWindow::markDemo()
{
    m_demo = true;
    updateBanner();
}

void MainWindow::showDeskStatus(const DeskStatus &status)
{
    const QString text = deskBannerText(status);
    m_offline->setText(text);
    m_offline->setToolTip(status.problem);
    m_offline->setVisible(!text.isEmpty());
    if (m_presence)
        m_presence->showStatus(status, m_deskName);
}

void MainWindow::buildBanner()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("ModeBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(6);
    m_banner->setWordWrap(true); // a long room name must not force the window wider than the screen
    QFont f = m_banner->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_banner->setFont(f);
    const bool exercise = m_manager.info().mode == RoomMode::Exercise;
    m_banner->setStyleSheet(exercise ? QStringLiteral("background:#E69F00;color:black;")
                                     : QStringLiteral("background:#1f3b57;color:white;"));

    // Damage to the log is said where every desk looks, not in a log file: the picture stops before it.
    m_damage = new QLabel(this);
    m_damage->setObjectName(QStringLiteral("DamageBanner"));
    m_damage->setAlignment(Qt::AlignCenter);
    m_damage->setMargin(6);
    m_damage->setWordWrap(true);
    m_damage->setTextFormat(Qt::RichText);
    m_damage->setTextInteractionFlags(Qt::TextSelectableByMouse); // the command can be copied
    m_damage->setFont(f);
    m_damage->setStyleSheet(QStringLiteral("background:#B00020;color:white;"));
    m_damage->hide();
}

void MainWindow::updateDamage()
{
    const auto &damage = m_manager.damage();
    m_damage->setVisible(damage.has_value());
    if (!damage)
        return;
    // The command in a typewriter face: it is to be typed (or copied) as it is.
    const QString command =
        QStringLiteral("<tt>%1</tt>")
            .arg(QString(QStringLiteral("vigie-cli verify ") + m_manager.location()).toHtmlEscaped());
    // Two lines, the command starting the second: it is not cut at its hyphen.
    m_damage->setText(
        tr("JOURNAL ENDOMMAGÉ à l'entrée n° %1 : la situation affichée s'arrête à l'entrée n° %2.")
            .arg(damage->seq)
            .arg(damage->seq - 1)
            .toHtmlEscaped() +
        QStringLiteral("<br>") +
        tr("Lancez %1 et restaurez la salle depuis une copie ou un autre poste.").arg(command));
    m_damage->setToolTip(damage->problem);
}

void MainWindow::buildActions()
{
    // The room's menu first, where a file menu is looked for.
    auto *fileMenu = new QMenu(tr("&Salle"), this);
    menuBar()->insertMenu(m_viewMenu->menuAction(), fileMenu);
    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("Actions"));

    auto *note = fileMenu->addAction(tr("&Note…"), QKeySequence(Qt::CTRL | Qt::Key_N), this,
                                     [this] { addNote(kinds::note); });
    auto *decision = fileMenu->addAction(tr("&Décision…"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                                         [this] { addNote(kinds::decision); });
    toolbar->addAction(note);
    toolbar->addAction(decision);
    m_writing = {note, decision};
    fileMenu->addSeparator();
    addRoomActions(fileMenu, this); // another room opens in a console of its own (room_opener.h)
    fileMenu->addAction(tr("&Quitter"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto *shared = m_viewMenu->addAction(tr("Écran &partagé (grands caractères)"));
    shared->setCheckable(true);
    shared->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(shared, &QAction::toggled, this, &MainWindow::setSharedScreen);
    auto *full = m_viewMenu->addAction(tr("Plein écran"));
    full->setShortcut(QKeySequence::FullScreen);
    full->setCheckable(true);
    connect(full, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    m_viewMenu->addSeparator();
}

QDockWidget *MainWindow::addPanel(const QString &objectName, const QString &title, QWidget *widget,
                                  Qt::DockWidgetArea area, const QKeySequence &shortcut)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    // The panel's entry and keys bring it in front. The dock's own toggle closes a panel that is open behind
    // another's tab: Ctrl+2 would have hidden the main courante a desk asked for. Behind a tab, it is
    // raised; hidden, shown in front; in front already, closed (the same keys bring it back).
    auto *bring = new QAction(title, dock);
    bring->setObjectName(objectName + QStringLiteral("Action"));
    bring->setCheckable(true);
    bring->setChecked(dock->toggleViewAction()->isChecked());
    bring->setShortcut(shortcut);
    connect(dock->toggleViewAction(), &QAction::toggled, bring, &QAction::setChecked); // its own ✕
    connect(bring, &QAction::triggered, dock, [dock, bring] {
        if (dock->isHidden()) {
            dock->show();
            dock->raise();
        } else if (dock->visibleRegion().isEmpty()) {
            dock->raise();
        } else {
            dock->close();
        }
        bring->setChecked(!dock->isHidden());
    });
    m_viewMenu->addAction(bring);
    return dock;
}

void MainWindow::showForecast()
{
    // The width of the bottom, the main courante a tab away.
    m_forecastDock->show();
    if (auto *log = findChild<QDockWidget *>(QStringLiteral("LogDock")); log && !log->isFloating())
        tabifyDockWidget(log, m_forecastDock);
    m_forecastDock->raise();
    resizeDocks({m_forecastDock}, {std::max(380, height() * 9 / 20)}, Qt::Vertical);
    if (!m_forecast->busy())
        m_forecast->compute();
}

void MainWindow::setCentralView(QWidget *view)
{
    auto *centre = centralWidget();
    auto *layout = static_cast<QVBoxLayout *>(centre->layout());
    layout->removeWidget(m_incidentsPanel);
    layout->addWidget(view, 1);
    addPanel(QStringLiteral("IncidentsDock"), tr("Interventions"), m_incidentsPanel, Qt::LeftDockWidgetArea,
             QKeySequence(Qt::CTRL | Qt::Key_3));
}

void MainWindow::setSharedScreen(bool on)
{
    m_sharedScreen = on;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * (on ? 1.6 : 1.0));
    for (QWidget *w : findChildren<QTableView *>())
        w->setFont(f);
}

void MainWindow::updateBanner()
{
    const Picture &p = m_manager.picture();
    const RoomInfo &room = m_manager.info();
    const bool exercise = room.mode == RoomMode::Exercise;
    const QString mode = exercise ? tr("EXERCICE — %1 — ne pas engager de moyens réels").arg(room.name)
                                  : tr("SALLE RÉELLE — %1").arg(room.name);
    m_banner->setText(m_demo ? mode + QLatin1Char('\n') + tr("démo — les changements ne sont pas gardés")
                             : mode);
    setWindowTitle(tr("Vigie — %1%2").arg(room.name, exercise ? tr(" (EXERCICE)") : QString()) +
                   (m_demo ? tr(" — démo, les changements ne sont pas gardés") : QString()));
    qint64 available = 0;
    for (const auto &[id, u] : p.units)
        available += u.status == QLatin1String("available");
    if (m_manager.damage()) {
        // Counted as folded: the entries past the damage are not part of the picture.
        m_counts->setText(
            tr("Interventions en cours : %1 · moyens disponibles : %2/%3 · entrées vérifiées : %4 sur %5")
                .arg(p.incidents.size())
                .arg(available)
                .arg(p.units.size())
                .arg(p.lastSeq)
                .arg(std::max(p.lastSeq, m_manager.store().lastSeq())));
        return;
    }
    // Pending entries (a desk offline) are in the picture with provisional seqs, not yet in the journal.
    const qint64 pending = qint64(m_manager.pending().size());
    const QString inLog = pending == 0 ? QString::number(p.lastSeq)
                                       : tr("%1 (+ %2 en attente)").arg(p.lastSeq - pending).arg(pending);
    m_counts->setText(tr("Interventions en cours : %1 · moyens disponibles : %2/%3 · entrées au journal : %4")
                          .arg(p.incidents.size())
                          .arg(available)
                          .arg(p.units.size())
                          .arg(inLog));
}

void MainWindow::buildIncidentActions()
{
    auto *menu = menuBar()->addMenu(tr("&Interventions"));
    auto add = [&](const QString &text, const QKeySequence &key, const QString &tip, auto slot) {
        auto *a = menu->addAction(text, key, this, slot);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        // Also on the table's context menu, and active while the table (in a dock or in the centre) has
        // focus.
        m_incidentsView->addAction(a);
        m_writing.push_back(a);
        return a;
    };
    add(tr("&Réunir les interventions sélectionnées"), QKeySequence(Qt::CTRL | Qt::Key_J),
        tr("Les interventions sélectionnées n'en font plus qu'une : celle ouverte la première. Inscrit au "
           "journal ; Ctrl+Z l'annule."),
        [this] { joinSelectedIncidents(); });
    add(tr("&Séparer une source…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
        tr("Les signalements d'une source fusionnés dans l'intervention sélectionnée en forment une à part. "
           "Inscrit au journal ; Ctrl+Z l'annule."),
        [this] {
            if (const Incident *incident = selectedIncident())
                splitIncidentSource(incident->id);
        });
    add(tr("&Annuler la dernière correction"), QKeySequence(Qt::CTRL | Qt::Key_Z),
        tr("Annule la dernière réunion ou séparation en vigueur (inscrit au journal)."),
        [this] { undoLastCorrection(); });
    menu->addSeparator();
    add(tr("Changer la &gravité…"), QKeySequence(Qt::CTRL | Qt::Key_G),
        tr("La gravité de l'intervention sélectionnée, de 1 à 5. Inscrit au journal."), [this] {
            const Incident *incident = refusedInReplay() ? nullptr : selectedIncident();
            if (!incident)
                return;
            const QString id = incident->id;
            const int was = incident->severity;
            bool ok = false;
            const int severity = QInputDialog::getInt(
                this, tr("Gravité"),
                tr("Gravité de « %1 » (1 : faible, 5 : extrême) :").arg(incidentTitle(*incident)),
                std::clamp(was, 1, 5), 1, 5, 1, &ok);
            if (ok && severity != was) // the dialog let the picture move: by id from here on
                setIncidentSeverity(id, severity);
        });
    add(tr("&Clôturer l'intervention…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
        tr("L'intervention sélectionnée est terminée : elle quitte la carte et la liste, son historique "
           "reste "
           "à la main courante. Inscrit au journal avec le motif."),
        [this] {
            const Incident *incident = refusedInReplay() ? nullptr : selectedIncident();
            if (!incident)
                return;
            const QString id = incident->id;
            bool ok = false;
            const QString text = QInputDialog::getMultiLineText(
                this, tr("Clôturer l'intervention"),
                tr("Clôturer « %1 ». Motif (inscrit à la main courante) :").arg(incidentTitle(*incident)),
                tr("Fin d'intervention."), &ok);
            if (ok && !text.trimmed().isEmpty()) // the dialog let the picture move: by id from here on
                closeIncident(id, text.trimmed());
        });
    m_incidentsView->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void MainWindow::buildUnitActions()
{
    // What a liaison hears on the radio and the room should see: a unit engaged, on scene, free again. Also
    // on the Units list's own menu.
    auto *menu = new QMenu(tr("&Moyens"), this);
    menuBar()->insertMenu(m_anticipationMenu->menuAction(), menu); // beside Interventions
    auto add = [&](const QString &text, const QString &tip, const QString &status) {
        auto *a = menu->addAction(text, this, [this, status] {
            const Unit *unit = refusedInReplay() ? nullptr : selectedUnit();
            if (!unit)
                return;
            QString incident;
            if (status == QLatin1String("en_route")) {
                const Incident *chosen = selectedIncident();
                if (!chosen)
                    return;
                incident = chosen->id;
            }
            setUnitStatus(unit->id, status, incident);
        });
        a->setObjectName(QStringLiteral("UnitStatus_") + status);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        m_unitsView->addAction(a);
        m_writing.push_back(a);
    };
    add(tr("&Engager sur l'intervention sélectionnée"),
        tr("Le moyen sélectionné part vers l'intervention sélectionnée dans la liste des interventions. "
           "Inscrit au journal."),
        QStringLiteral("en_route"));
    add(tr("&Sur les lieux"), tr("Le moyen sélectionné est arrivé sur son intervention. Inscrit au journal."),
        QStringLiteral("on_scene"));
    add(tr("En &retour"), tr("Le moyen sélectionné a quitté les lieux et rentre. Inscrit au journal."),
        QStringLiteral("returning"));
    add(tr("&Disponible"), tr("Le moyen sélectionné peut être engagé de nouveau. Inscrit au journal."),
        QStringLiteral("available"));
    add(tr("&Indisponible"),
        tr("Le moyen sélectionné ne peut pas être engagé (panne, relève, plein). Inscrit au journal."),
        QStringLiteral("unavailable"));
    m_unitsView->setContextMenuPolicy(Qt::ActionsContextMenu);
}

const Unit *MainWindow::selectedUnit()
{
    const QModelIndexList rows = m_unitsView->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        statusBar()->showMessage(tr("Sélectionnez un moyen dans la liste des moyens."), 10000);
        return nullptr;
    }
    const QString id = rows.front().data(UnitsModel::IdRole).toString();
    const auto &units = m_manager.picture().units;
    const auto it = units.find(id);
    return it == units.end() ? nullptr : &it->second;
}

bool MainWindow::setUnitStatus(const QString &unit, const QString &status, const QString &incident)
{
    if (refusedInReplay())
        return false;
    const auto &units = m_manager.picture().units;
    const auto it = units.find(unit);
    if (it == units.end())
        return false;
    const Unit &u = it->second;
    Entry e;
    e.kind = QString(kinds::unitStatus);
    e.eventTime = m_manager.clock().now();
    e.author = deskAuthor();
    e.role = QStringLiteral("desk");
    e.agency = u.agency; // a unit.status's agency is the unit's
    e.data = QJsonObject{{QStringLiteral("unit"), u.id}, {QStringLiteral("status"), status}};
    // Engaged: on the incident named, or the one it was sent to.
    const QString on = !incident.isEmpty() ? incident : u.incident;
    if ((status == QLatin1String("en_route") || status == QLatin1String("on_scene")) && !on.isEmpty())
        e.data.insert(QStringLiteral("incident"), on);
    const QString name = u.callsign.isEmpty() ? u.id : u.callsign;
    QString done = tr("« %1 » : %2 (inscrit à la main courante).").arg(name, unitStatusLabel(status));
    // Named as the list shows it: an incident since joined into another by that one.
    if (const Incident *shown =
            e.data.contains(QStringLiteral("incident")) ? m_manager.picture().shownIncident(on) : nullptr)
        done = tr("« %1 » : %2 → « %3 » (inscrit à la main courante).")
                   .arg(name, unitStatusLabel(status), incidentTitle(*shown));
    return appendCorrections({std::move(e)}, done);
}

void MainWindow::buildAnticipationMenu()
{
    // Preparing planned events (a match, a concert) rather than answering what happens now.
    m_anticipationMenu = menuBar()->addMenu(tr("A&nticipation"));
    auto *dps = m_anticipationMenu->addAction(tr("Dimensionner un dispositif de &secours (DPS)…"),
                                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this, [this] {
                                                  auto *dialog = new DpsDialog(
                                                      m_manager.info().mode == RoomMode::Exercise, this);
                                                  dialog->setAttribute(Qt::WA_DeleteOnClose);
                                                  dialog->show();
                                              });
    const QString tip = tr("Le dispositif prévisionnel de secours d'une manifestation selon la grille du "
                           "référentiel national (RNMSC-DPS) ; formulaire PDF pour la préfecture.");
    dps->setToolTip(tip);
    dps->setStatusTip(tip);
}

QStringList MainWindow::selectedIncidents() const
{
    QStringList ids;
    for (const QModelIndex &row : m_incidentsView->selectionModel()->selectedRows())
        ids << row.data(IncidentsModel::IdRole).toString();
    return ids;
}

bool MainWindow::appendCorrections(std::vector<Entry> drafts, const QString &done)
{
    // Written by the room's writer thread; the status bar says how it went once it is known. Without a writer
    // (tests) the answer comes at once and is returned.
    auto outcome = std::make_shared<std::optional<bool>>();
    QPointer<MainWindow> self(this);
    m_manager.append(std::move(drafts), [self, done, outcome](const Result<std::vector<Entry>> &r) {
        *outcome = r.ok();
        if (!self)
            return;
        if (!r)
            self->statusBar()->showMessage(
                tr("Inscription impossible : %1").arg(errorText(r.error().message)), 15000);
        else
            self->statusBar()->showMessage(done, 15000);
    });
    return outcome->value_or(true);
}

bool MainWindow::joinSelectedIncidents()
{
    if (refusedInReplay())
        return false;
    const Picture &p = m_manager.picture();
    QStringList ids = selectedIncidents();
    if (ids.size() < 2) {
        statusBar()->showMessage(tr("Sélectionnez au moins deux interventions à réunir."), 10000);
        return false;
    }
    // Into the one opened first: the others came later about the same thing.
    std::sort(ids.begin(), ids.end(), [&p](const QString &a, const QString &b) {
        return p.incidents.at(a).opened.msecs < p.incidents.at(b).opened.msecs;
    });
    const QString into = ids.takeFirst();
    std::vector<Entry> drafts;
    const Timestamp now = m_manager.clock().now();
    for (const QString &id : ids) {
        auto draft = fusion::joinDraft(p, id, into, deskAuthor(), now);
        if (!draft) {
            statusBar()->showMessage(draft.error().message, 15000);
            return false;
        }
        drafts.push_back(std::move(*draft));
    }
    // Said by their titles, as the list names them.
    QStringList joined;
    for (const QString &id : ids)
        joined << tr("« %1 »").arg(incidentTitle(p.incidents.at(id)));
    const QString target = tr("« %1 »").arg(incidentTitle(p.incidents.at(into)));
    return appendCorrections(std::move(drafts),
                             ids.size() == 1
                                 ? tr("%1 réunie dans %2 — Ctrl+Z pour annuler").arg(joined.front(), target)
                                 : tr("%1 réunies dans %2 — Ctrl+Z annule la dernière réunion")
                                       .arg(joined.join(QStringLiteral(", ")), target));
}

bool MainWindow::splitIncidentSource(const QString &incident, const QString &source)
{
    if (refusedInReplay())
        return false;
    const Picture &p = m_manager.picture();
    QString chosen = source;
    if (chosen.isEmpty()) {
        auto choices = fusion::splitChoices(m_manager.store(), p, incident);
        if (!choices) {
            statusBar()->showMessage(choices.error().message, 15000);
            return false;
        }
        if (choices->empty()) {
            statusBar()->showMessage(tr("Aucune autre source n'a été fusionnée dans %1.").arg(incident),
                                     10000);
            return false;
        }
        QStringList items;
        for (const fusion::SplitChoice &c : *choices) {
            const QString what = c.title.isEmpty() ? incidentTypeLabel(c.type) : c.title;
            items << (c.reports.size() == 1
                          ? tr("%1 — 1 signalement, %2").arg(c.source, what)
                          : tr("%1 — %2 signalements, %3").arg(c.source).arg(c.reports.size()).arg(what));
        }
        bool ok = false;
        const QString item =
            QInputDialog::getItem(this, tr("Séparer une source"),
                                  tr("Source à séparer de %1 :").arg(incident), items, 0, false, &ok);
        if (!ok)
            return false;
        chosen = choices->at(std::size_t(items.indexOf(item))).source;
    }
    auto draft =
        fusion::splitDraft(m_manager.store(), p, incident, chosen, deskAuthor(), m_manager.clock().now());
    if (!draft) {
        statusBar()->showMessage(draft.error().message, 15000);
        return false;
    }
    return appendCorrections(
        {std::move(*draft)},
        tr("%1 séparée de %2 — Ctrl+Z pour annuler").arg(incidentRef(chosen), incidentRef(incident)));
}

bool MainWindow::undoLastCorrection()
{
    if (refusedInReplay())
        return false;
    auto draft =
        fusion::undoDraft(m_manager.store(), m_manager.picture(), {}, deskAuthor(), m_manager.clock().now());
    if (!draft) {
        statusBar()->showMessage(draft.error().message, 10000);
        return false;
    }
    // Said as the log says it.
    const QString done = LogModel::summary(*draft);
    return appendCorrections({std::move(*draft)}, done);
}

QString MainWindow::noteIncident() const
{
    const QStringList selected = selectedIncidents();
    return selected.size() == 1 ? selected.front() : QString();
}

namespace {

/// An entry of a desk about `incident` (its close, its severity): the desk's service, else the incident's.
Entry deskIncidentEntry(const QString &kind, const Incident &incident, Timestamp now)
{
    Entry e;
    e.kind = kind;
    e.eventTime = now;
    e.author = deskAuthor();
    e.role = QStringLiteral("desk");
    e.agency = deskAgency().isEmpty() ? incident.agency : deskAgency();
    e.data = QJsonObject{{QStringLiteral("incident"), incident.id}};
    return e;
}

} // namespace

const Incident *MainWindow::selectedIncident()
{
    const QStringList selected = selectedIncidents();
    if (selected.size() != 1) {
        statusBar()->showMessage(tr("Sélectionnez une intervention."), 10000);
        return nullptr;
    }
    return openIncident(selected.front());
}

const Incident *MainWindow::openIncident(const QString &id)
{
    const auto it = m_manager.picture().incidents.find(id);
    if (it != m_manager.picture().incidents.end())
        return &it->second;
    statusBar()->showMessage(tr("Cette intervention n'est plus en cours."), 10000);
    return nullptr;
}

bool MainWindow::closeIncident(const QString &incident, const QString &text)
{
    const Incident *open = refusedInReplay() ? nullptr : openIncident(incident);
    if (!open)
        return false;
    Entry e = deskIncidentEntry(QString(kinds::incidentClose), *open, m_manager.clock().now());
    e.data.insert(QStringLiteral("text"), text);
    return appendCorrections({std::move(e)},
                             tr("« %1 » clôturée (inscrit à la main courante).").arg(incidentTitle(*open)));
}

bool MainWindow::setIncidentSeverity(const QString &incident, int severity)
{
    const Incident *open = refusedInReplay() ? nullptr : openIncident(incident);
    if (!open)
        return false;
    Entry e = deskIncidentEntry(QString(kinds::incidentUpdate), *open, m_manager.clock().now());
    e.data.insert(QStringLiteral("severity"), severity);
    return appendCorrections({std::move(e)}, tr("« %1 » : gravité %2 sur 5 (inscrit à la main courante).")
                                                 .arg(incidentTitle(*open))
                                                 .arg(severity));
}

void MainWindow::addNote(const QString &kind)
{
    if (refusedInReplay())
        return;
    NoteDialog dialog(kind, m_manager.picture(), this);
    if (const QString incident = noteIncident(); !incident.isEmpty())
        dialog.setIncident(incident);
    if (dialog.exec() != QDialog::Accepted || dialog.text().isEmpty())
        return;
    QPointer<MainWindow> self(this);
    m_manager.append(
        {dialog.draft(deskAuthor(), m_manager.clock().now())}, [self](const Result<std::vector<Entry>> &r) {
            if (!r && self)
                QMessageBox::warning(self, tr("Inscription impossible"), errorText(r.error().message));
        });
}

} // namespace vigie::ui
